"""What the web server asks of Rasa's HTTP API (token auth) beyond passing messages on: a
live handoff pauses and resumes the conversation, writes staff's messages into it, runs
an action (the hand-back, the call-back offered after the wait) and reads a message's
meaning (the safety check while a person has the chat).

Events go through Rasa, never straight into its tables: Rasa's lock store keeps them in
order with the patient's own messages.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import requests
from flask import current_app

log = logging.getLogger(__name__)
_http = requests.Session()


class RasaUnavailable(Exception):
    """Rasa's HTTP API did not do what was asked."""


def _call(method: str, path: str, body: Any = None) -> Any:
    try:
        answer = _http.request(
            method,
            f"{current_app.config['RASA_URL']}{path}",
            params={"token": current_app.config["RASA_API_TOKEN"]},
            json=body,
            timeout=(3, 30),
        )
    except requests.RequestException as failed:
        raise RasaUnavailable(type(failed).__name__) from failed
    if answer.status_code != 200:
        raise RasaUnavailable(f"HTTP {answer.status_code}")
    try:
        return answer.json()
    except ValueError as failed:
        raise RasaUnavailable("not JSON") from failed


def append(conversation: str, *events: dict[str, Any]) -> None:
    """Adds events to the conversation (pause, resume, a staff member's message)."""
    _call("POST", f"/conversations/{conversation}/tracker/events", list(events))


def pause(conversation: str) -> None:
    append(conversation, {"event": "pause", "timestamp": time.time()})


def resume(conversation: str) -> None:
    append(conversation, {"event": "resume", "timestamp": time.time()})


def staff_message(conversation: str, text: str, username: str, shown_as: str) -> None:
    """A staff member's message, kept as the assistant's turn with who wrote it, so the
    transcript stays whole and the widget can show the name."""
    append(
        conversation,
        {
            "event": "bot",
            "text": text,
            "timestamp": time.time(),
            "metadata": {"staff": username, "staff_name": shown_as},
        },
    )


def run_action(conversation: str, action: str) -> None:
    """Runs one of the assistant's actions (the hand-back, the call-back offered after the
    wait), then the form that was open when the person was asked for, which asks its
    question again: the conversation carries on where it was.

    Rasa's `execute` runs an action alone; the turn then ends with the assistant listening,
    as after any turn, so the rules read the patient's next message as usual (without it a
    tap on an offered button was "not understood")."""
    execute = f"/conversations/{conversation}/execute"
    _call("POST", execute, {"name": action})
    tracker = _call("GET", f"/conversations/{conversation}/tracker") or {}
    form = (tracker.get("active_loop") or {}).get("name")
    if form:
        _call("POST", execute, {"name": form})
    append(conversation, {"event": "action", "name": "action_listen", "timestamp": time.time()})


# The entity the safety screen gives a message whose direct safety question is due
# (addons/safety_screen.py's QUESTION_ENTITY).
SAFETY_QUESTION = "safety_question"


def needs_the_assistant(conversation: str, text: str) -> bool:
    """Whether safety needs the assistant's answer to `text` though a person has the chat:
    a red flag, a direct safety question due ("are you safe?" for words the rules leave to
    it), or the answer to one the assistant has just asked. The safety rules run on every
    message, with a person in the chat too."""
    parsed = _call("POST", "/model/parse", {"text": text}) or {}
    if (parsed.get("intent") or {}).get("name") == "red_flag":
        return True
    if any(e.get("entity") == SAFETY_QUESTION for e in parsed.get("entities") or []):
        return True
    tracker = _call("GET", f"/conversations/{conversation}/tracker?include_events=NONE") or {}
    return bool((tracker.get("slots") or {}).get("direct_question"))
