/*
 * The clinic's chat widget. One script tag embeds it on any page:
 *   <script src="https://ASSISTANT-HOST/widget.js" defer></script>
 * It talks only to the server it was loaded from (or data-server), which passes messages
 * to Rasa's REST channel. No dependencies, no HTML strings: every text from the patient or
 * the assistant becomes DOM text nodes, so nothing they write can run as markup.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var SERVER = ((script && script.dataset.server) || new URL(script.src).origin).replace(/\/$/, "");
  var PREFIX = "clinic-chat:";
  var OPENING = "/greet"; // asks the assistant for its greeting; not shown as a patient line
  var RETRY_SECONDS = [2, 4, 8, 15, 30];

  // localStorage may be unavailable (private mode, blocked storage): the chat still works.
  var saved = {
    get: function (key) {
      try { return window.localStorage.getItem(PREFIX + key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try {
        if (value === null || value === undefined) window.localStorage.removeItem(PREFIX + key);
        else window.localStorage.setItem(PREFIX + key, value);
      } catch (e) { /* keep going without persistence */ }
    },
  };

  function newSessionId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // el("p", {class: "x"}, "text", child): text arguments become text nodes, never markup.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) {
      if (arguments[i] !== null && arguments[i] !== undefined) node.append(arguments[i]);
    }
    return node;
  }

  /* Simple formatting for the assistant's texts: paragraphs, "- " lists, **bold**, and
   * links (https, mailto and tel only). Built from text nodes; anything else stays text. */
  var INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/g;

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return ["https:", "http:", "mailto:", "tel:"].indexOf(parsed.protocol) >= 0 ? parsed.href : null;
    } catch (e) { return null; }
  }

  function inline(text) {
    var out = document.createDocumentFragment();
    var last = 0;
    text.replace(INLINE, function (match, bold, label, url, bare, at) {
      out.append(text.slice(last, at));
      last = at + match.length;
      if (bold) { out.append(el("strong", {}, bold)); return match; }
      var href = safeHref(url || bare);
      if (!href) { out.append(match); return match; }
      out.append(el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, label || bare));
      return match;
    });
    out.append(text.slice(last));
    return out;
  }

  function formatted(text) {
    var out = document.createDocumentFragment();
    text.split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n");
      var list = null;
      var para = null;
      lines.forEach(function (line) {
        var item = /^\s*(?:[-•*]|\d+\.)\s+(.*)$/.exec(line);
        if (item) {
          if (!list) { list = el("ul"); out.append(list); para = null; }
          list.append(el("li", {}, inline(item[1])));
          return;
        }
        list = null;
        if (!para) { para = el("p"); out.append(para); } else { para.append(el("br")); }
        para.append(inline(line));
      });
    });
    return out;
  }

  /* ---------------------------------------------------------------- state */
  var state = {
    settings: null,
    focusWhenReady: false, // the chat was opened while the notice's button was still off
    session: saved.get("session"),
    consent: saved.get("consent"),
    pending: JSON.parse(saved.get("pending") || "null"), // {text, shown, patientLines}
    patientLines: 0, // patient lines the server has, as far as this page knows
    retry: 0,
    retryTimer: null,
    sending: false,
  };

  /* ---------------------------------------------------------------- DOM */
  var host = el("div", { id: "clinic-chat" });
  var root = host.attachShadow({ mode: "open" });
  root.append(el("link", { rel: "stylesheet", href: SERVER + "/widget.css" }));

  // On a phone the launcher shows just "Chat", so it covers less of the page.
  var launcher = el("button", {
    type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "chat-panel",
    "aria-label": "Chat with our assistant",
  }, el("span", { class: "wide" }, "Chat with our assistant"), el("span", { class: "narrow" }, "Chat"));

  var title = el("h2", { id: "chat-title" }, "Our assistant");
  var restart = el("button", { type: "button", class: "quiet" }, "Start over");
  var close = el("button", { type: "button", class: "close", "aria-label": "Close the chat" }, "✕");
  var emergencyLink = el("a", { href: "tel:911" }, "911");
  var emergency = el("p", { class: "emergency" },
    el("strong", {}, "Not for emergencies."), " If you have severe or sudden symptoms, call ", emergencyLink, ".");

  var consentText = el("p", {}, "");
  // Off until the clinic's settings (and so the notice's text and version) arrive: on a
  // slow line a click before them would agree to nothing and be lost.
  var consentButton = el("button", { type: "button", class: "primary", disabled: true }, "I understand, start the chat");
  var consent = el("div", { class: "consent", role: "group", "aria-labelledby": "consent-title" },
    el("h3", { id: "consent-title" }, "Before we start"), consentText,
    el("p", {}, "The assistant can't diagnose. It tells you whether dry needling may suit your kind of pain and books a free consultation."),
    consentButton);

  var confirmRestart = el("div", { class: "confirm", role: "group", "aria-label": "Start over?", hidden: true },
    el("p", {}, "Start a new conversation? This one stays with the clinic."),
    el("button", { type: "button", class: "primary", onclick: function () { startOver(); } }, "Start over"),
    el("button", { type: "button", class: "quiet", onclick: function () { hideConfirm(); } }, "Keep chatting"));

  // The list keeps list semantics; its scrolling wrapper is the live region.
  var log = el("ol", { class: "lines" });
  var logRegion = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" }, log);
  var typing = el("p", { class: "typing", role: "status" });
  var notice = el("div", { class: "notice", role: "alert", hidden: true });
  var input = el("textarea", {
    id: "chat-input", rows: "1", placeholder: "Type your message", autocomplete: "off",
    "aria-describedby": "chat-count",
  });
  var count = el("span", { id: "chat-count", class: "count", "aria-live": "polite" });
  var sendButton = el("button", { type: "submit", class: "primary" }, "Send");
  var composer = el("form", { class: "composer" },
    el("label", { for: "chat-input", class: "visually-hidden" }, "Your message"),
    input, sendButton, count);

  var panel = el("section", {
    id: "chat-panel", class: "panel", role: "dialog", "aria-modal": "false",
    "aria-labelledby": "chat-title", hidden: true,
  },
  el("header", {}, title, restart, close),
  emergency, consent, confirmRestart, logRegion, typing, notice, composer);

  root.append(launcher, panel);

  /* ---------------------------------------------------------------- rendering */
  function addLine(sender, text, buttons, options) {
    options = options || {};
    var who = sender === "patient" ? "You" : sender === "staff" ? (options.name || "Clinic staff") : "Assistant";
    var item = el("li", { class: "line " + sender + (options.pending ? " pending" : "") },
      sender === "staff" ? el("span", { class: "name" }, who) : el("span", { class: "visually-hidden" }, who + ": "),
      el("div", { class: "bubble" }, sender === "patient" ? text : formatted(text)));
    // The dashed border says "not sent yet" to the eye; this says it to screen readers.
    if (options.pending) item.append(el("span", { class: "visually-hidden unsent" }, " (not sent yet)"));
    if (buttons && buttons.length) {
      var group = el("div", { class: "choices", role: "group", "aria-label": "Answers you can choose" });
      buttons.forEach(function (button) {
        group.append(el("button", {
          type: "button",
          onclick: function () { choose(button, group); },
        }, button.title));
      });
      item.append(group);
    }
    log.append(item);
    logRegion.scrollTop = logRegion.scrollHeight;
    return item;
  }

  // Only the newest answer buttons can be used: older questions have been answered.
  function retireChoices() {
    Array.prototype.forEach.call(log.querySelectorAll(".choices button"), function (b) { b.disabled = true; });
  }

  function showNotice(parts, withRetry) {
    notice.replaceChildren();
    notice.append(el("p", {}, parts));
    if (withRetry) {
      notice.append(el("button", { type: "button", class: "quiet", onclick: function () { reconcileThenDeliver(); } }, "Try now"));
    }
    notice.hidden = false;
  }

  function hideNotice() { notice.hidden = true; notice.replaceChildren(); }

  function setTyping(on) {
    typing.replaceChildren();
    if (on) typing.append(el("span", { class: "dots", "aria-hidden": "true" }, el("i"), el("i"), el("i")), "The assistant is typing…");
  }

  function renderConsent() {
    var agreed = state.settings && state.consent === state.settings.privacy_notice_version;
    consent.hidden = !!agreed;
    composer.hidden = !agreed;
    logRegion.hidden = !agreed;
    restart.hidden = !agreed;
  }

  function updateCount() {
    var max = state.settings ? state.settings.max_message_chars : 2000;
    var over = input.value.length - max;
    count.textContent = input.value.length > max * 0.8
      ? (over > 0 ? over + " characters too long" : (max - input.value.length) + " characters left")
      : "";
    count.classList.toggle("over", over > 0);
  }

  function growInput() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 160) + "px";
  }

  /* ---------------------------------------------------------------- server */
  function call(path, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, 70000);
    return fetch(SERVER + path, {
      method: path === "/chat/settings" ? "GET" : "POST",
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: controller.signal,
      credentials: "omit",
    }).finally(function () { clearTimeout(timer); });
  }

  function unreachable(status) { return status === 502 || status === 503 || status === 504; }

  function loadHistory() {
    return call("/chat/history", { session: state.session }).then(function (response) {
      if (!response.ok) throw new Error("history " + response.status);
      return response.json();
    }).then(function (data) {
      log.replaceChildren();
      state.patientLines = 0;
      data.messages.forEach(function (m) {
        if (m.sender === "patient") state.patientLines += 1;
        addLine(m.sender, m.text, m.buttons, { name: m.name });
      });
      state.shown = data.messages.length;
      followHandoff(data.handoff);
      var last = data.messages[data.messages.length - 1];
      if (last && last.sender === "assistant") {
        Array.prototype.forEach.call(log.querySelectorAll(".choices"), function (group) {
          if (group.parentNode !== log.lastChild) group.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        });
      } else {
        retireChoices();
      }
      return data.messages;
    });
  }

  function savePending() { saved.set("pending", state.pending ? JSON.stringify(state.pending) : null); }

  // Sends the pending message; on a network failure it keeps it and tries again.
  function deliver() {
    if (!state.pending || state.sending) return;
    clearTimeout(state.retryTimer);
    state.sending = true;
    setTyping(true);
    var pending = state.pending;
    call("/chat/send", { session: state.session, message: pending.text, consent: state.consent })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok) { delivered(pending, data.messages || []); followHandoff(data.handoff); return; }
          if (unreachable(response.status)) throw new Error(data.message || "unreachable");
          if (data.error === "consent_needed") { state.consent = null; saved.set("consent", null); }
          refused(pending, data.message || "That message could not be sent.");
          renderConsent();
        });
      })
      .catch(function () { waitAndRetry(); })
      .finally(function () { state.sending = false; setTyping(false); });
  }

  function delivered(pending, messages) {
    state.pending = null;
    savePending();
    state.retry = 0;
    if (pending.shown !== null) state.patientLines += 1;
    hideNotice();
    var shown = log.querySelector(".line.pending");
    if (shown) {
      shown.classList.remove("pending");
      shown.querySelector(".unsent").remove();
    }
    messages.forEach(function (m) { addLine("assistant", m.text, m.buttons); });
    state.shown = (state.shown || 0) + (pending.shown !== null ? 1 : 0) + messages.length;
  }

  // While a person is asked for or writing, new lines (theirs, the assistant's after a hand
  // back or the call-back offered after the wait) are fetched every few seconds.
  function followHandoff(handoff) {
    state.handoff = handoff || null;
    clearTimeout(state.handoffTimer);
    if (state.handoff) state.handoffTimer = setTimeout(pollUpdates, 3000);
  }

  function pollUpdates() {
    call("/chat/updates", { session: state.session, shown: state.shown || 0 })
      .then(function (response) { return response.ok ? response.json() : { messages: [], handoff: state.handoff }; })
      .then(function (data) {
        if (data.messages && data.messages.length) retireChoices();
        (data.messages || []).forEach(function (m) {
          addLine(m.sender, m.text, m.buttons, { name: m.name });
          state.shown = (state.shown || 0) + 1;
        });
        followHandoff(data.handoff);
      })
      .catch(function () { followHandoff(state.handoff); });
  }

  // The server said no (empty, too long, expired consent): nothing was sent, so the text
  // goes back into the box for the patient to change.
  function refused(pending, message) {
    state.pending = null;
    savePending();
    var shown = log.querySelector(".line.pending");
    if (shown) shown.remove();
    if (pending.shown === undefined) input.value = pending.text;
    saved.set("draft", input.value);
    updateCount();
    showNotice(message, false);
    input.focus();
  }

  function waitAndRetry() {
    var seconds = RETRY_SECONDS[Math.min(state.retry, RETRY_SECONDS.length - 1)];
    state.retry += 1;
    showNotice("We can't reach the assistant right now. Your message is kept and will be sent as soon as the connection is back (next try in " + seconds + " s).", true);
    state.retryTimer = setTimeout(reconcileThenDeliver, seconds * 1000);
  }

  // A message may have arrived although its answer was lost: the history shows it, and
  // then it is not sent twice.
  function reconcileThenDeliver() {
    if (!state.pending) return;
    var known = state.pending.patientLines;
    loadHistory().then(function (messages) {
      var patient = messages.filter(function (m) { return m.sender === "patient"; }).length;
      var isOpening = state.pending.text === OPENING;
      if (patient > known || (isOpening && messages.length)) {
        state.pending = null;
        savePending();
        state.retry = 0;
        hideNotice();
      } else {
        if (state.pending.shown !== null) addLine("patient", state.pending.shown === undefined ? state.pending.text : state.pending.shown, null, { pending: true });
        deliver();
      }
    }).catch(function () { waitAndRetry(); });
  }

  // `shown` is the button's title for a click, undefined for typed text, null for hidden.
  function send(text, shown) {
    if (state.pending) {
      showNotice("Your last message is still waiting to be sent. It will go as soon as the connection is back.", true);
      return false;
    }
    hideNotice();
    state.pending = { text: text, shown: shown, patientLines: state.patientLines };
    savePending();
    if (shown !== null) {
      retireChoices();
      addLine("patient", shown === undefined ? text : shown, null, { pending: true });
    }
    deliver();
    return true;
  }

  function choose(button, group) {
    if (send(button.payload, button.title)) {
      group.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      input.focus();
    }
  }

  /* ---------------------------------------------------------------- actions */
  // `quietly` when reopening on page load: focus stays where the page puts it.
  function open(quietly) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    saved.set("open", "1");
    if (quietly === true) return;
    (consent.hidden ? input : consentButton).focus();
    // Opened before the settings came: the button is still off, so it takes the focus then.
    state.focusWhenReady = consentButton.disabled;
  }

  function closePanel() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    saved.set("open", null);
    launcher.focus();
  }

  function begin() {
    if (!state.session) {
      state.session = newSessionId();
      saved.set("session", state.session);
    }
    renderConsent();
    if (state.pending) { reconcileThenDeliver(); return; }
    loadHistory().then(function (messages) {
      if (!messages.length) send(OPENING, null);
    }).catch(function () {
      showNotice("We can't reach the assistant right now. Please try again in a moment.", false);
    });
  }

  function startOver() {
    hideConfirm();
    clearTimeout(state.retryTimer);
    state.session = newSessionId();
    saved.set("session", state.session);
    state.pending = null;
    savePending();
    state.patientLines = 0;
    log.replaceChildren();
    hideNotice();
    send(OPENING, null);
    input.focus();
  }

  function showConfirm() { confirmRestart.hidden = false; confirmRestart.querySelector("button").focus(); }
  function hideConfirm() { confirmRestart.hidden = true; }

  launcher.addEventListener("click", function () { open(); });
  close.addEventListener("click", closePanel);
  restart.addEventListener("click", showConfirm);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); closePanel(); }
  });
  consentButton.addEventListener("click", function () {
    state.consent = state.settings.privacy_notice_version;
    saved.set("consent", state.consent);
    begin();
    input.focus();
  });
  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    var max = state.settings.max_message_chars;
    if (!text.trim()) { showNotice("Please type a message first.", false); input.focus(); return; }
    if (text.length > max) {
      showNotice("That message is " + text.length + " characters long. I can read up to " + max + " at once: please shorten it or send it in parts.", false);
      input.focus();
      return;
    }
    if (send(text, undefined)) {
      input.value = "";
      saved.set("draft", null);
      updateCount();
      growInput();
    }
  });
  input.addEventListener("keydown", function (event) {
    // Enter sends, Shift+Enter starts a new line.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    saved.set("draft", input.value || null);
    updateCount();
    growInput();
  });
  window.addEventListener("online", function () { if (state.pending) reconcileThenDeliver(); });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-open-chat]");
    if (opener) open();
  });

  /* ---------------------------------------------------------------- start */
  function start(settings) {
    state.settings = settings;
    title.textContent = settings.clinic_name;
    emergencyLink.textContent = settings.emergency_number;
    emergencyLink.setAttribute("href", "tel:" + settings.emergency_number);
    consentText.textContent = settings.privacy_notice;
    consentButton.disabled = false;
    input.value = saved.get("draft") || "";
    updateCount();
    renderConsent();
    if (state.consent === settings.privacy_notice_version) begin();
    if (saved.get("open")) open(true);
    if (state.focusWhenReady && !panel.hidden && !consent.hidden) consentButton.focus();
  }

  function loadSettings() {
    call("/chat/settings").then(function (response) {
      if (!response.ok) throw new Error("settings " + response.status);
      return response.json();
    }).then(start).catch(function () {
      // Without the server the panel still shows the emergency line and says why it waits.
      consent.hidden = true;
      composer.hidden = true;
      showNotice("We can't reach the assistant right now. Trying again…", false);
      setTimeout(loadSettings, 5000);
    });
  }

  emergencyLink.textContent = script.dataset.emergencyNumber || "911";
  emergencyLink.setAttribute("href", "tel:" + emergencyLink.textContent);
  document.body.append(host);
  window.ClinicChat = { open: function () { open(); }, close: closePanel };
  loadSettings();
})();
