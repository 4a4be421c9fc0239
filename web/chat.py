"""The widget's endpoints: settings, send a message (through Rasa's REST channel), history.

The browser talks only to this server, so the Rasa server and its API token stay on
127.0.0.1, and every message is checked before it reaches Rasa.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import re
import time
from typing import Any

import requests
import yaml
from flask import Blueprint, current_app, jsonify, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from clinic import settings
from clinic.booking_store import utc_now
from clinic.conversations import ConversationStore, open_buttons
from clinic.data_protection import retention_days
from clinic.message_text import MAX_MARKS, cleaned, marks
from clinic.records.handoffs import Handoff, HandoffSettings, HandoffStore
from clinic.schedule import ROOT
from clinic.staff_store import StaffStore
from web import rasa_api
from web.limits import (
    InFlight,
    chat_key,
    json_object,
    limiter,
    message_cost,
    per_address,
    per_chat,
    per_updates,
)

chat = Blueprint("chat", __name__)

# Long enough for a detailed story, short enough to keep one message cheap to read.
MAX_MESSAGE_CHARS = 2000
# The widget's session: a random UUID the browser keeps. It is the only key to the chat, so
# it is a secret: Rasa, the console and the bookings know the chat by conversation_of(it).
_SESSION_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
# The widget's opening message: it asks the assistant for its greeting.
OPENING = "/greet"
# Bumped when the privacy notice changes in substance, so patients agree to the new one.
PRIVACY_NOTICE_VERSION = "2026-11-24"
_http = requests.Session()
# Failures are logged with the conversation id and what failed, never the patient's words.
log = logging.getLogger(__name__)


def privacy_notice() -> str:
    return (
        f"This chat asks about your health. What you write is stored by {settings.clinic_name()}"
        " so that our staff can prepare your consultation. Only clinic staff can read it; it"
        " is not shared with anyone else or used for advertising. It is deleted after"
        f" {retention_days()} days, or sooner if you ask the clinic."
    )


@functools.lru_cache(maxsize=1)
def session_minutes() -> float:
    """Rasa's session expiry from domain.yml: after it, a chat starts afresh."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    return float(domain["session_config"]["session_expiration_time"])


class ChatError(HTTPException):
    """An answer the widget shows the patient, as JSON: {"error": code, "message": text}."""

    def __init__(self, status: int, error: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = status
        self.error = error
        self.extra = extra

    def get_response(self, environ: Any = None, scope: Any = None) -> Any:
        response = jsonify(error=self.error, message=self.description, **self.extra)
        response.status_code = self.code
        return response


def conversation_of(session: str, key: str) -> str:
    """The conversation id of a widget session: a keyed hash, so staff (who see the id) can't
    open or continue the chat, and the same browser always finds its own."""
    digest = hmac.new(key.encode(), session.encode(), hashlib.sha256).hexdigest()
    return f"chat-{digest[:32]}"


def _conversation(body: dict[str, Any]) -> str:
    """The conversation of the request's session, which must be a well-formed one."""
    session = body.get("session")
    if not isinstance(session, str) or not _SESSION_ID.fullmatch(session):
        raise ChatError(400, "bad_session", "This chat's session is not valid; please start over.")
    return conversation_of(session, current_app.config["CHAT_SESSION_KEY"])


def _body() -> dict[str, Any]:
    return json_object()


@chat.get("/chat/settings")
def widget_settings() -> Any:
    """What the widget shows before the first message."""
    return jsonify(
        clinic_name=settings.clinic_name(),
        emergency_number=settings.emergency_number(),
        privacy_notice=privacy_notice(),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        max_message_chars=MAX_MESSAGE_CHARS,
    )


@chat.post("/chat/send")
@limiter.limit(per_chat, key_func=chat_key, cost=message_cost)
@limiter.limit(per_address, cost=message_cost)
def send() -> Any:
    """Passes one patient message to Rasa's REST channel; returns the assistant's answers."""
    body = _body()
    conversation = _conversation(body)
    if body.get("consent") != PRIVACY_NOTICE_VERSION:
        raise ChatError(403, "consent_needed", "Please read and accept the privacy notice first.")
    message = body.get("message")
    if isinstance(message, str) and len(message) <= MAX_MESSAGE_CHARS:
        message = cleaned(message)
    if not isinstance(message, str) or not message.strip():
        raise ChatError(400, "empty", "Please type a message first.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise ChatError(
            413,
            "too_long",
            f"That message is {len(message):,} characters long. I can read up to "
            f"{MAX_MESSAGE_CHARS:,} at once: please shorten it or send it in parts.",
            limit=MAX_MESSAGE_CHARS,
        )
    if (counted := marks(message)) > MAX_MARKS:
        raise ChatError(
            413,
            "too_many_marks",
            f"That message has {counted:,} emoji and symbols, more than I can read at"
            " once. Please tell me in words, even briefly, and leave most of them out.",
            limit=MAX_MARKS,
        )
    if message.lstrip().startswith("/") and message != OPENING:
        _only_offered_buttons(conversation, message)
    in_flight: InFlight = current_app.extensions["in_flight"]
    address, cost = request.remote_addr or "", message_cost()
    if not in_flight.enter(address, cost):
        # The widget keeps the message and sends it again in a few seconds.
        raise ChatError(503, "busy", "Just a moment: I'm still answering another message.")
    try:
        return _answer(conversation, message)
    finally:
        in_flight.leave(address, cost)


def _answer(conversation: str, message: str) -> Any:
    """Rasa's answers to a checked message, as the widget shows them."""
    if _handoff(conversation) is not None:
        return _answer_in_handoff(conversation, message)
    asked_at = time.time() - 1  # Rasa's clock is this machine's; a second's slack
    replies = _ask_rasa(conversation, message)
    if not replies:
        # Rasa answers every message it handles. Nothing at all means it failed: if the
        # message was never stored, sending it again can't double it.
        if not _stored(conversation, message, asked_at):
            replies = _ask_rasa(conversation, message)
        if not replies:
            if not _stored(conversation, message, asked_at):
                log.warning("chat %s: Rasa neither answered nor stored a message", conversation)
                raise ChatError(502, "unavailable", "The assistant can't answer right now.")
            log.warning("chat %s: Rasa stored a message without answering it", conversation)
            replies = [{"text": NO_ANSWER.format(number=settings.emergency_number())}]
    return jsonify(messages=[_reply(m) for m in replies], handoff=_handoff_status(conversation))


def _handoff(conversation: str) -> Handoff | None:
    handoffs: HandoffStore = current_app.extensions["handoffs"]
    return handoffs.open_for(conversation)


def _handoff_status(conversation: str) -> str | None:
    """ "waiting" or "live" while the chat is with (or waits for) a person, else None."""
    found = _handoff(conversation)
    return found.status if found else None


def _answer_in_handoff(conversation: str, message: str) -> Any:
    """While a person has the chat, the assistant keeps quiet (Rasa holds the conversation
    paused and keeps the message) except for safety: a message that raises a red flag gets
    the assistant's advice at once, a direct safety question due is asked and its answer
    heard, and the chat stays with the person."""
    try:
        for_safety = rasa_api.needs_the_assistant(conversation, message)
        if for_safety:
            rasa_api.resume(conversation)
    except rasa_api.RasaUnavailable as failed:
        log.warning("chat %s: Rasa's API unreachable in a handoff (%s)", conversation, failed)
        raise ChatError(503, "unavailable", "The assistant can't be reached right now.") from failed
    try:
        replies = _ask_rasa(conversation, message)
    finally:
        status = _handoff_status(conversation)
        if for_safety and status is not None:
            try:
                rasa_api.pause(conversation)
            except rasa_api.RasaUnavailable:
                log.warning("chat %s: the handoff could not be paused again", conversation)
    return jsonify(messages=[_reply(m) for m in replies], handoff=status)


# Said when a message was kept but the assistant failed to answer it: the patient must not
# be left with silence, and never without the way to urgent help.
NO_ANSWER = (
    "Sorry, I didn't manage to answer that one, but your message is saved. Could you say it"
    " again, perhaps in other words? If this is an emergency, call {number} now."
)


def _ask_rasa(conversation: str, message: str) -> list[dict[str, Any]]:
    """Rasa's answers to one message; ChatError when Rasa is away, slow or answers nonsense."""
    try:
        answer = _http.post(
            f"{current_app.config['RASA_URL']}/webhooks/rest/webhook",
            json={"sender": conversation, "message": message},
            headers={"X-Channel-Token": current_app.config["RASA_API_TOKEN"]},
            timeout=(3, 60),
        )
    except requests.Timeout as timeout:
        # Rasa may still answer this one: the widget checks the history before resending.
        log.warning("chat %s: Rasa timed out", conversation)
        raise ChatError(504, "slow", "The assistant is taking too long to answer.") from timeout
    except requests.ConnectionError as down:
        log.warning("chat %s: Rasa unreachable (%s)", conversation, type(down).__name__)
        raise ChatError(503, "unavailable", "The assistant can't be reached right now.") from down
    try:
        replies = answer.json() if answer.status_code == 200 else None
    except ValueError:
        replies = None
    if not isinstance(replies, list):
        log.warning("chat %s: Rasa answered %s", conversation, answer.status_code)
        raise ChatError(502, "unavailable", "The assistant can't answer right now.")
    return [m for m in replies if isinstance(m, dict)]


def _stored(conversation: str, message: str, since: float) -> bool:
    """Whether `message` is the latest thing the patient said, stored since `since`. When
    the store can't be read, nobody can tell: the widget keeps the message and checks the
    history before it sends it again."""
    store: ConversationStore = current_app.extensions["conversations"]
    try:
        return store.latest_patient_text(conversation, since) == message
    except SQLAlchemyError as failed:
        log.warning("chat %s: the store can't be read (%s)", conversation, type(failed).__name__)
        raise ChatError(503, "unavailable", "The assistant can't be reached right now.") from failed


def _only_offered_buttons(conversation: str, message: str) -> None:
    """Rasa reads "/intent{...}" as a button click. Patients may send the payload of a button
    they were offered, but not type commands that set intents and slots of their choosing."""
    store: ConversationStore = current_app.extensions["conversations"]
    if message not in open_buttons(store.current_chat(conversation, session_minutes())):
        raise ChatError(
            400,
            "command",
            "That answer button is no longer open, and messages can't start with a slash (/):"
            " please write your answer in words.",
        )


def _reply(message: dict[str, Any]) -> dict[str, Any]:
    """Only what the widget renders: text and buttons, as plain strings."""
    return {
        "text": str(message.get("text") or ""),
        "buttons": [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in message.get("buttons") or []
            if isinstance(b, dict)
        ],
    }


@chat.post("/chat/history")
@limiter.limit(per_address)
def history() -> Any:
    """The current session's messages, for the widget after a reload or on another page.

    POST, so the session stays out of URLs and logs. Audited like a console view: it reads
    a patient's conversation.
    """
    conversation = _conversation(_body())
    store: ConversationStore = current_app.extensions["conversations"]
    staff: StaffStore = current_app.extensions["staff"]
    try:
        lines = store.current_chat(conversation, session_minutes())
        staff.audit("patient", "chat_history", conversation, f"from {request.remote_addr}")
    except SQLAlchemyError as failed:  # a database busy or away: the widget tries again
        log.warning("chat %s: history unreadable (%s)", conversation, type(failed).__name__)
        raise ChatError(503, "unavailable", "The chat can't be loaded right now.") from failed
    return jsonify(
        messages=[line.as_json() for line in lines], handoff=_handoff_status(conversation)
    )


@chat.post("/chat/updates")
@limiter.limit(per_updates, key_func=chat_key)
def updates() -> Any:
    """New lines while a person is asked for or writes (the widget asks every 3 s): the
    lines after the `shown` first, and whether the handoff is still open. A handoff that
    waited too long untaken is closed here and the call-back offered instead."""
    body = _body()
    conversation = _conversation(body)
    shown = body.get("shown")
    if not isinstance(shown, int) or shown < 0:
        raise ChatError(400, "bad_request", "The chat's state is not valid; please reload.")
    handoff = _handoff(conversation)
    if handoff is not None:
        _time_out(handoff)
    store: ConversationStore = current_app.extensions["conversations"]
    lines = store.current_chat(conversation, session_minutes())
    return jsonify(
        messages=[line.as_json() for line in lines[shown:]],
        handoff=_handoff_status(conversation),
    )


def _time_out(handoff: Handoff) -> None:
    """Nobody took the chat in time: it goes back to the assistant, which offers a call. A
    member who left the chat without handing it back hands it back this way too."""
    handoffs: HandoffStore = current_app.extensions["handoffs"]
    now = utc_now()
    if handoffs.time_out(handoff, HandoffSettings.from_env().wait, now):
        action = "action_handoff_timed_out"
    elif handoffs.left(handoff, now):
        action = "action_handed_back"
    else:
        return
    try:
        rasa_api.resume(handoff.conversation_id)
        rasa_api.run_action(handoff.conversation_id, action)
    except rasa_api.RasaUnavailable as failed:
        log.warning("chat %s: the handoff could not end (%s)", handoff.conversation_id, failed)
