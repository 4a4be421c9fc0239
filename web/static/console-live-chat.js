// A live chat in the console: new lines appear without a reload; staff's messages are sent
// without leaving the page. Patient text is always set as text, never as HTML.
(function () {
  "use strict";
  const list = document.getElementById("live-lines");
  if (!list) return;
  let after = parseFloat(list.dataset.after) || 0;
  const who = (line) => line.sender === "patient" ? "Patient" : line.sender === "staff" ? line.name : "Assistant";

  function add(line) {
    const item = document.createElement("li");
    item.className = line.sender;
    const name = document.createElement("span");
    name.className = "who";
    name.textContent = who(line);
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = " " + line.text;
    item.append(name, text);
    list.append(item);
    after = Math.max(after, line.at);
  }

  async function poll() {
    try {
      const answer = await fetch(list.dataset.linesUrl + "?after=" + after, { credentials: "same-origin" });
      if (answer.ok) {
        const body = await answer.json();
        body.lines.forEach(add);
        const status = document.getElementById("handoff-status");
        if (status && body.status !== status.dataset.status && body.status !== "live") location.reload();
      }
    } catch (error) { /* the next poll tries again */ }
  }
  setInterval(poll, 2000);

  const form = document.getElementById("staff-message");
  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const answer = await fetch(form.action, {
        method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (answer.ok) {
        form.querySelector("textarea").value = "";
        poll();
      }
    });
  }
})();
