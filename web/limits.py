"""How fast one chat, one address and sign-ins may go (Flask-Limiter), so that one sender
can't slow the assistant for every patient. The limits are settings (`.env.example`).

A patient types a message every few seconds at most; a script sends hundreds. Past a limit
the chat gets a 429 in words (the widget puts the message back in the box) and the
sign-in page says to wait.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)


def json_object() -> dict[str, Any]:
    """The request's JSON object, or {} for anything else: no body, not JSON, not an object,
    or nested too deep for Python's reader (1,000 brackets)."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        return {}
    return body if isinstance(body, dict) else {}


def _per_minute(setting: str, default: int) -> str:
    return f"{int(os.environ.get(setting) or default)} per minute"


def per_chat() -> str:
    return _per_minute("CHAT_MESSAGES_PER_MINUTE", 20)


def per_address() -> str:
    return _per_minute("CHAT_ADDRESS_PER_MINUTE", 120)


def per_updates() -> str:
    """The widget asks for new lines every 3 s while a person is in the chat: 20 a minute,
    with room for a reload."""
    return _per_minute("CHAT_UPDATES_PER_MINUTE", 40)


def sign_ins() -> str:
    return _per_minute("SIGN_INS_PER_MINUTE", 10)


# Reading a message costs the assistant about a quarter of a second per 1,000 characters
# on top of a fixed part: a message counts 1, and 1 more for every 250 characters.
_CHARS_PER_UNIT = 250


def message_cost() -> int:
    """What the request's message counts for against the limits."""
    message = json_object().get("message")
    return 1 + (len(message) // _CHARS_PER_UNIT if isinstance(message, str) else 0)


def chat_key() -> str:
    """The chat a request is for (its session, hashed), else its address."""
    session = json_object().get("session")
    if isinstance(session, str) and session:
        return "chat:" + hashlib.sha256(session.encode()).hexdigest()
    return "address:" + get_remote_address()


class InFlight:
    """The messages with the assistant right now. Rasa reads one message at a time per core:
    a burst queued there delays every other patient. So each address has
    `CHAT_ADDRESS_AT_ONCE` (1) at a time, and all together at most `CHAT_WORK_AT_ONCE` (10)
    units of work (`message_cost`: a 2,000-character message is 9, a short one 1), so long
    messages from many addresses take turns while short ones go on."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._work = 0
        self._lock = threading.Lock()

    def enter(self, address: str, cost: int = 1) -> bool:
        most = int(os.environ.get("CHAT_ADDRESS_AT_ONCE") or 1)
        budget = int(os.environ.get("CHAT_WORK_AT_ONCE") or 10)
        with self._lock:
            if self._counts.get(address, 0) >= most:
                return False
            if self._work and self._work + cost > budget:
                return False
            self._counts[address] = self._counts.get(address, 0) + 1
            self._work += cost
            return True

    def leave(self, address: str, cost: int = 1) -> None:
        with self._lock:
            self._work = max(0, self._work - cost)
            left = self._counts.get(address, 1) - 1
            if left:
                self._counts[address] = left
            else:
                self._counts.pop(address, None)


def init_limits(app: Flask) -> None:
    app.extensions["in_flight"] = InFlight()
    app.config.setdefault(
        "RATELIMIT_STORAGE_URI", os.environ.get("RATE_LIMIT_STORAGE") or "memory://"
    )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)  # Retry-After for the widget
    limiter.init_app(app)

    @app.errorhandler(413)
    def too_big(error: Any) -> Any:
        if request.path.startswith("/chat/"):
            return jsonify(error="too_long", message="That message is too long to send."), 413
        return error

    @app.errorhandler(429)
    def too_fast(error: Any) -> Any:
        if request.path.startswith("/chat/"):
            response = jsonify(
                error="too_fast",
                message="That's a lot of messages at once: please wait a minute, then send"
                " it again.",
            )
        else:
            response = render_template("console/too_fast.html")
        return response, 429
