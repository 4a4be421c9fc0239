// On every console page: check in every 5 seconds (the assistant offers patients a person
// only while someone is here), and tell staff at once when a patient waits for one: a
// banner, a browser notification and a short sound, no reload needed.
(function () {
  "use strict";
  const known = new Set();
  let first = true;
  const button = document.getElementById("allow-notifications");
  if (button && "Notification" in window) {
    button.addEventListener("click", () => Notification.requestPermission());
  }

  function beep() {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch (error) { /* no sound is no reason to miss the banner */ }
  }

  function banner(count, url) {
    let bar = document.getElementById("handoff-banner");
    if (!count) { if (bar) bar.remove(); return; }
    if (!bar) {
      bar = document.createElement("p");
      bar.id = "handoff-banner";
      bar.setAttribute("role", "alert");
      document.querySelector("main").prepend(bar);
    }
    bar.textContent = "";
    const link = document.createElement("a");
    link.href = url;
    link.textContent = count === 1 ? "A patient is waiting for a person: open live chats" : count + " patients are waiting for a person: open live chats";
    bar.append(link);
  }

  async function checkIn() {
    try {
      const answer = await fetch("/console/handoffs.json", { credentials: "same-origin" });
      if (!answer.ok) return;
      const waiting = (await answer.json()).handoffs.filter((h) => h.status === "waiting");
      const fresh = waiting.filter((h) => !known.has(h.id));
      waiting.forEach((h) => known.add(h.id));
      banner(waiting.length, "/console/handoffs");
      document.body.dataset.waiting = String(waiting.length);
      if (fresh.length && !first) {
        beep();
        if ("Notification" in window && Notification.permission === "granted") {
          new Notification("A patient is waiting for a person", { body: "Open the console's live chats to take it." });
        }
      }
      first = false;
    } catch (error) { /* the next check tries again */ }
  }
  checkIn();
  setInterval(checkIn, 5000);
})();
