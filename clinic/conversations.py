"""The conversations as Rasa's SQL tracker store keeps them, read without Rasa.

The widget restores a patient's chat from here after a reload, and the staff console reads
the same rows. Rasa owns the `events` table (one row per event, the event as JSON in
`data`); this module only reads it (clinic/data_protection.py deletes from it).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Engine

from clinic.booking_store import make_engine
from clinic.message_text import cleaned

# Rasa's SQLTrackerStore table, as far as we read it.
events_table = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("data", Text),
)
_SHOWN = ("user", "bot", "session_started")


def has_events_table(engine: Engine) -> bool:
    """Whether Rasa has created its table yet (not before its first message on a fresh
    database). Asked once per engine until it is there; it never goes away."""
    if engine in _TABLE_SEEN:
        return True
    if inspect(engine).has_table("events"):
        _TABLE_SEEN.add(engine)
        return True
    return False


_TABLE_SEEN: set[Engine] = set()


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class ChatLine:
    """One message as the patient saw it: who said it, the text, any answer buttons."""

    sender: str  # "patient", "assistant", or "staff" (a person who took the chat)
    text: str
    at: float
    buttons: tuple[Button, ...] = field(default=())
    name: str = ""  # the staff member as the patient sees them: "Clara (physiotherapist)"

    def as_json(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "text": self.text,
            "at": self.at,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
            "name": self.name,
        }


class ConversationStore:
    """Read access to the tracker store's events."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = make_engine(url)

    def current_chat(
        self, conversation_id: str, session_minutes: float, now: float | None = None
    ) -> list[ChatLine]:
        """The messages of the conversation's current session, as the patient saw them.

        Empty when the session has expired: Rasa starts a new one with the next message,
        so the patient should see a fresh chat too (and a shared computer shows no old one).
        """
        rows = self._events(_SHOWN, conversation_id)
        session: list[dict[str, Any]] = []
        for _, type_name, _, data in rows:
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

    def latest_patient_text(self, conversation_id: str, since: float = 0) -> str | None:
        """What the patient said last in the conversation, if they said it after `since`
        (a Unix time): the web server's check that a message reached the store."""
        if not has_events_table(self.engine):
            return None
        query = (
            select(events_table.c.timestamp, events_table.c.data)
            .where(events_table.c.sender_id == conversation_id)
            .where(events_table.c.type_name == "user")
            .order_by(events_table.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None or row.timestamp < since:
            return None
        return json.loads(row.data).get("text")

    def _events(self, types: tuple[str, ...], conversation_id: str | None = None) -> Any:
        """(sender_id, type_name, timestamp, data) rows in order; none before Rasa's first."""
        if not has_events_table(self.engine):
            return []
        query = select(
            events_table.c.sender_id,
            events_table.c.type_name,
            events_table.c.timestamp,
            events_table.c.data,
        ).where(events_table.c.type_name.in_(types))
        if conversation_id is not None:
            query = query.where(events_table.c.sender_id == conversation_id)
        with self.engine.connect() as connection:
            return connection.execute(query.order_by(events_table.c.id)).all()

    def summaries(self) -> list[ConversationSummary]:
        """Every conversation, newest first, with the outcome the console filters on."""
        by_sender: dict[str, list[dict[str, Any]]] = {}
        for sender, _, _, data in self._events(("user", "bot", "slot", "action")):
            by_sender.setdefault(sender, []).append(json.loads(data))
        summaries = [_summarise(sender, events) for sender, events in by_sender.items()]
        return sorted(summaries, key=lambda s: s.last_at, reverse=True)

    def summary(self, conversation_id: str) -> ConversationSummary | None:
        rows = self._events(("user", "bot", "slot", "action"), conversation_id)
        return _summarise(conversation_id, [json.loads(r.data) for r in rows]) if rows else None

    def events(self, conversation_id: str) -> list[dict[str, Any]]:
        """The conversation's messages and slot changes in order (for the handover)."""
        rows = self._events(("user", "bot", "slot"), conversation_id)
        return [json.loads(r.data) for r in rows]

    def chat_since(self, conversation_id: str, since: float) -> list[ChatLine]:
        """The messages said from `since` (a Unix time) on, whatever the session: what a
        member of staff who took the chat sees of it."""
        rows = self._events(("user", "bot"), conversation_id)
        return chat_lines([json.loads(r.data) for r in rows if r.timestamp >= since])

    def transcript(self, conversation_id: str) -> list[TranscriptEntry]:
        """The whole conversation, every session, as staff read it."""
        rows = self._events(("user", "bot", "action"), conversation_id)
        return transcript_entries([json.loads(r.data) for r in rows])


def open_buttons(lines: list[ChatLine]) -> set[str]:
    """The payloads of the buttons that answer the assistant's latest turn."""
    payloads: set[str] = set()
    for line in reversed(lines):
        if line.sender == "patient":
            break
        payloads.update(b.payload for b in line.buttons)
    return payloads


def _text(event: dict[str, Any]) -> str:
    """An event's text as it may be shown: stored text can hold direction overrides or
    control characters (sent before the web server cleaned them, or by another channel)."""
    return cleaned(event.get("text") or "").strip()


def chat_lines(events: list[dict[str, Any]]) -> list[ChatLine]:
    """User and bot events as chat lines.

    A clicked button comes back as its payload ("/affirm"), so it is shown as the button's
    title; other payloads are the widget's own (its "/greet" opening) and are not shown.
    """
    lines: list[ChatLine] = []
    offered: dict[str, str] = {}
    for event in events:
        text = _text(event)
        staff = (event.get("metadata") or {}).get("staff_name")
        if event["event"] == "bot" and staff:
            lines.append(ChatLine("staff", text, event["timestamp"], name=str(staff)))
            continue
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


# What the console shows of a conversation's outcome (the contract's slots).
SUMMARY_SLOTS = (
    "body_part",
    "side",
    "pain_quality",
    "pain_radiates",
    "radiates_to",
    "pain_duration",
    "pain_severity",
    "pain_worst",
    "red_flags",
    "unclear_signs",
    "corrected_signs",
    "doctor_checked",
    "says_safe",
    "contraindications",
    "tdn_fit",
    "triage_level",
    "booking_reference",
    "unanswered_questions",
    "pain_sites",
)
# Below this the language model was unsure what the patient meant: worth a human look.
LOW_CONFIDENCE = 0.6
_FALLBACKS = {"nlu_fallback", "action_default_fallback"}


@dataclass
class ConversationSummary:
    """One conversation as the console's inbox lists it."""

    conversation_id: str
    started_at: float
    last_at: float
    first_message: str = ""
    patient_messages: int = 0
    slots: dict[str, Any] = field(default_factory=dict)
    lowest_confidence: float | None = None
    fallback: bool = False
    patient_texts: list[str] = field(default_factory=list)

    @property
    def low_confidence(self) -> bool:
        return self.fallback or (
            self.lowest_confidence is not None and self.lowest_confidence < LOW_CONFIDENCE
        )

    @property
    def red_flags(self) -> list[str]:
        return list(self.slots.get("red_flags") or [])

    @property
    def booked(self) -> bool:
        return bool(self.slots.get("booking_reference"))

    @property
    def needs_care(self) -> bool:
        """A red flag or an urgent or emergency triage: staff see these first."""
        return bool(self.red_flags) or self.slots.get("triage_level") in ("emergency", "urgent")


@dataclass(frozen=True)
class TranscriptEntry:
    """One event as staff read it: a patient message with what the model understood, an
    assistant message, or an action the assistant ran."""

    kind: str  # "patient", "assistant", "staff" or "action"
    at: float
    text: str = ""
    intent: str | None = None
    confidence: float | None = None
    entities: tuple[str, ...] = ()
    buttons: tuple[str, ...] = ()
    who: str = ""  # the staff member, for their messages


def _summarise(conversation_id: str, events: list[dict[str, Any]]) -> ConversationSummary:
    summary = ConversationSummary(conversation_id, events[0]["timestamp"], events[-1]["timestamp"])
    for event in events:
        if event["event"] == "slot" and event.get("name") in SUMMARY_SLOTS:
            summary.slots[event["name"]] = event.get("value")
        elif event["event"] == "action" and event.get("name") in _FALLBACKS:
            summary.fallback = True
        elif event["event"] == "user":
            text = _text(event)
            intent = (event.get("parse_data") or {}).get("intent") or {}
            if text.startswith("/"):
                continue  # a button: nothing for the model to understand
            summary.patient_messages += 1
            summary.first_message = summary.first_message or text
            summary.patient_texts.append(text)
            if intent.get("name") in _FALLBACKS:
                summary.fallback = True
            confidence = intent.get("confidence")
            if confidence is not None and (
                summary.lowest_confidence is None or confidence < summary.lowest_confidence
            ):
                summary.lowest_confidence = float(confidence)
    return summary


def transcript_entries(events: list[dict[str, Any]]) -> list[TranscriptEntry]:
    """Every patient message, answer and action, for staff (action_listen left out)."""
    entries: list[TranscriptEntry] = []
    for event in events:
        kind = event["event"]
        if kind == "user":
            parse = event.get("parse_data") or {}
            intent = parse.get("intent") or {}
            entities = tuple(
                f"{e.get('entity')}={e.get('value')}" + (f" ({e['role']})" if e.get("role") else "")
                for e in parse.get("entities") or []
            )
            entries.append(
                TranscriptEntry(
                    "patient",
                    event["timestamp"],
                    _text(event),
                    intent.get("name"),
                    intent.get("confidence"),
                    entities,
                )
            )
        elif kind == "bot" and (staff := (event.get("metadata") or {}).get("staff_name")):
            entries.append(TranscriptEntry("staff", event["timestamp"], _text(event), who=staff))
        elif kind == "bot":
            buttons = tuple(
                str(b.get("title", "")) for b in (event.get("data") or {}).get("buttons") or []
            )
            entries.append(
                TranscriptEntry("assistant", event["timestamp"], _text(event), buttons=buttons)
            )
        elif kind == "action" and event.get("name") != "action_listen":
            entries.append(TranscriptEntry("action", event["timestamp"], event.get("name") or ""))
    return entries
