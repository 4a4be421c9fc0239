"""The conversations as Rasa's SQL tracker store keeps them, read without Rasa.

The widget restores a patient's chat from here after a reload, and the staff console reads
the same rows. Rasa owns the `events` table (one row per event, the event as JSON in
`data`); this module only reads it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Engine

from clinic.booking_store import make_engine

# Rasa's SQLTrackerStore table, as far as we read it.
_events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("data", Text),
)
_SHOWN = ("user", "bot", "session_started")


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class ChatLine:
    """One message as the patient saw it: who said it, the text, any answer buttons."""

    sender: str  # "patient" or "assistant"
    text: str
    at: float
    buttons: tuple[Button, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "text": self.text,
            "at": self.at,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }


class ConversationStore:
    """Read access to the tracker store's events."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = make_engine(url)

    def _has_events(self) -> bool:
        # Before Rasa's first message on a fresh database the table does not exist yet.
        return inspect(self.engine).has_table("events")

    def current_chat(
        self, conversation_id: str, session_minutes: float, now: float | None = None
    ) -> list[ChatLine]:
        """The messages of the conversation's current session, as the patient saw them.

        Empty when the session has expired: Rasa starts a new one with the next message,
        so the patient should see a fresh chat too (and a shared computer shows no old one).
        """
        if not self._has_events():
            return []
        query = (
            select(_events.c.type_name, _events.c.timestamp, _events.c.data)
            .where(_events.c.sender_id == conversation_id, _events.c.type_name.in_(_SHOWN))
            .order_by(_events.c.id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        session: list[dict[str, Any]] = []
        for type_name, _, data in rows:
            if type_name == "session_started":
                session = []
            else:
                session.append(json.loads(data))
        if not session:
            return []
        now = time.time() if now is None else now
        if now - session[-1]["timestamp"] > session_minutes * 60:
            return []
        return chat_lines(session)


def open_buttons(lines: list[ChatLine]) -> set[str]:
    """The payloads of the buttons that answer the assistant's latest turn."""
    payloads: set[str] = set()
    for line in reversed(lines):
        if line.sender == "patient":
            break
        payloads.update(b.payload for b in line.buttons)
    return payloads


def chat_lines(events: list[dict[str, Any]]) -> list[ChatLine]:
    """User and bot events as chat lines.

    A clicked button comes back as its payload ("/affirm"), so it is shown as the button's
    title; other payloads are the widget's own (its "/greet" opening) and are not shown.
    """
    lines: list[ChatLine] = []
    offered: dict[str, str] = {}
    for event in events:
        text = (event.get("text") or "").strip()
        if event["event"] == "bot":
            buttons = tuple(
                Button(str(b.get("title", "")), str(b.get("payload", "")))
                for b in (event.get("data") or {}).get("buttons") or []
            )
            offered.update({b.payload: b.title for b in buttons})
            if text or buttons:
                lines.append(ChatLine("assistant", text, event["timestamp"], buttons))
            continue
        if text.startswith("/"):
            if text in offered:
                lines.append(ChatLine("patient", offered[text], event["timestamp"]))
        elif text:
            lines.append(ChatLine("patient", text, event["timestamp"]))
        offered = {}  # buttons answer the turn they came with
    return lines
