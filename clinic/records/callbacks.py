"""Call-backs the patient asked for: who, which number, when, and why, and what staff did.

One open call-back per conversation: a repeated or retried request updates it (a new
time, a new number) rather than queue the patient twice. The notice to the clinic goes
into the outbox in the same transaction, like a booking's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import CheckConstraint, Column, Index, Integer, String, Text, select

from clinic.booking_store import Base, Notice, Store, UtcDateTime, queue_notice, utc_now
from clinic.contact import display_phone
from clinic.preferred_time import TimePreference
from clinic.schedule import Schedule

WAITING, NO_ANSWER, CALLED, DONE = "waiting", "no_answer", "called", "done"
STATUSES = (WAITING, NO_ANSWER, CALLED, DONE)
STATUS_WORDS = {
    WAITING: "Waiting",
    NO_ANSWER: "No answer, try again",
    CALLED: "Called",
    DONE: "Done",
}
# How far ahead an open moment is looked for; past it, the call is due at once.
CALL_WITHIN_DAYS = 21
# Why the patient is to be called, as the queue shows it.
URGENT_ADVICE, UNANSWERED, HANDOFF_TIMEOUT, ASKED = (
    "urgent_advice", "unanswered_question", "handoff_timeout", "asked",
)  # fmt: skip
REASON_WORDS = {
    URGENT_ADVICE: "After urgent advice (see a doctor today)",
    UNANSWERED: "A question the assistant could not answer",
    HANDOFF_TIMEOUT: "Asked for a person; nobody was free",
    ASKED: "Asked to be called",
}


class CallBack(Base):
    """One call-back request and its handling."""

    __tablename__ = "callbacks"
    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    patient_name = Column(String(200), nullable=False)
    phone = Column(String(32), nullable=False)  # E.164
    preferred_time = Column(String(200))  # as the patient said it
    due_at = Column(UtcDateTime, nullable=False)
    reason = Column(String(32), nullable=False)
    triage_level = Column(String(16))
    question = Column(Text)  # the question to answer, when that is the reason
    status = Column(String(16), nullable=False, default=WAITING)
    note = Column(Text)
    consent_given_at = Column(UtcDateTime, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    updated_at = Column(UtcDateTime, nullable=False)
    updated_by = Column(String(80))

    __table_args__ = (
        Index("ix_callbacks_open_due", "status", "due_at"),
        CheckConstraint(
            "status IN ('waiting', 'no_answer', 'called', 'done')", name="ck_callbacks_status"
        ),
    )

    @property
    def open(self) -> bool:
        return self.status != DONE

    def overdue(self, now: dt.datetime) -> bool:
        return self.open and self.status != CALLED and self.due_at < now


@dataclass(frozen=True)
class CallBackRequest:
    """What the chat gathered for a call-back."""

    conversation_id: str
    patient_name: str
    phone: str
    preferred_time: str | None
    due_at: dt.datetime
    reason: str
    triage_level: str | None = None
    question: str | None = None


class CallBackStore(Store):
    """The call-back queue, in the same database as the bookings."""

    def request(
        self, wanted: CallBackRequest, notice_for: Callable[[CallBack], Notice]
    ) -> CallBack:
        """Queues the call-back (or updates this conversation's open one) with its notice."""
        now = utc_now()
        with self._transaction() as session:
            callback = session.scalars(
                select(CallBack)
                .where(CallBack.conversation_id == wanted.conversation_id)
                .where(CallBack.status != DONE)
                .with_for_update()
            ).first()
            if callback is None:
                callback = CallBack(conversation_id=wanted.conversation_id, created_at=now)
                session.add(callback)
            callback.patient_name = wanted.patient_name
            callback.phone = wanted.phone
            callback.preferred_time = (wanted.preferred_time or "")[:200] or None
            callback.due_at = wanted.due_at
            callback.reason = wanted.reason
            callback.triage_level = wanted.triage_level
            callback.question = wanted.question
            callback.status = WAITING
            callback.consent_given_at = now
            callback.updated_at = now
            session.flush()
            queue_notice(session, notice_for(callback), now, callback_id=callback.id)
        return callback

    def queue(self) -> list[CallBack]:
        """Every open call-back, the soonest due first (the console puts overdue on top)."""
        query = select(CallBack).where(CallBack.status != DONE).order_by(CallBack.due_at)
        with self._transaction() as session:
            return list(session.scalars(query))

    def get(self, callback_id: int) -> CallBack | None:
        with self._transaction() as session:
            return session.get(CallBack, callback_id)

    def for_conversation(self, conversation_id: str) -> list[CallBack]:
        query = (
            select(CallBack)
            .where(CallBack.conversation_id == conversation_id)
            .order_by(CallBack.created_at)
        )
        with self._transaction() as session:
            return list(session.scalars(query))

    def cancel(self, conversation_id: str, now: dt.datetime | None = None) -> bool:
        """The patient called off the conversation's open call-back; False if none was."""
        now = now or utc_now()
        with self._transaction() as session:
            callback = session.scalars(
                select(CallBack)
                .where(CallBack.conversation_id == conversation_id)
                .where(CallBack.status != DONE)
                .with_for_update()
            ).first()
            if callback is None:
                return False
            callback.status = DONE
            line = f"{now:%Y-%m-%d %H:%M} UTC: cancelled by the patient in the chat"
            callback.note = f"{callback.note}\n{line}" if callback.note else line
            callback.updated_at = now
            callback.updated_by = "patient"
        return True

    def mark(self, callback_id: int, status: str, note: str, by: str) -> CallBack | None:
        """Staff's outcome of a call; the note is kept, appended to any before it."""
        if status not in STATUSES:
            raise ValueError(f"unknown call-back status: {status!r}")
        now = utc_now()
        with self._transaction() as session:
            callback = session.get(CallBack, callback_id, with_for_update=True)
            if callback is None:
                return None
            callback.status = status
            if note.strip():
                line = f"{now:%Y-%m-%d %H:%M} UTC {by}: {note.strip()}"
                callback.note = f"{callback.note}\n{line}" if callback.note else line
            callback.updated_at = now
            callback.updated_by = by
        return callback


@dataclass(frozen=True)
class CallTime:
    """When the clinic will call: from `due`, until the end of the time the patient named
    (cut at closing), if they named one; `closed_then` when the clinic is closed at the
    time they named, so `due` is the next open moment and the patient must be told."""

    due: dt.datetime
    until: dt.datetime | None = None
    closed_then: bool = False


def call_time(wish: object, now: dt.datetime, schedule: Schedule) -> CallTime:
    """When to call, from what the patient said (a TimePreference, or nothing for "as soon
    as you can"): the first open moment of the time they named; when the clinic is closed
    then ("tomorrow morning" on a Saturday), the next open moment after it. Never before now."""
    if not isinstance(wish, TimePreference) or wish.asap:
        return CallTime(now)
    start = wish.window[0] if wish.window else None
    # An hour outside the window said with it is not the time wanted: "not 8am, after 5",
    # "I'm in the truck at 8".
    inside = wish.at and (not wish.window or wish.window[0] <= wish.at <= wish.window[1])
    wanted = wish.at if inside else start
    # The time of day named is kept past the days named ("today after 5" on a Saturday:
    # Monday after 5); only when no open day has it, the first open moment will do.
    found = _first_open(wish, wanted, now, schedule)
    if found is None and wanted is not None:
        found = _first_open(wish, None, now, schedule, past_named=True)
    return found or CallTime(now)


def _first_open(
    wish: TimePreference,
    wanted: dt.time | None,
    now: dt.datetime,
    schedule: Schedule,
    past_named: bool = False,
) -> CallTime | None:
    """The first open moment from `wanted` on a day that fits; `past_named`, only after the
    days named."""
    last = wish.last_day or wish.first_day + dt.timedelta(days=14)
    day = max(wish.first_day, last + dt.timedelta(days=1)) if past_named else wish.first_day
    for _ in range(CALL_WITHIN_DAYS):
        named = day <= last  # past the days named, any open day will do
        fits = not named or (
            (wish.weekdays is None or day.weekday() in wish.weekdays)
            and day.weekday() not in wish.excluded_weekdays
        )
        if fits and not schedule.closure_on(day):
            for hours in schedule.opening_hours.get(day.weekday(), ()):
                start = max(wanted, hours.start) if wanted else hours.start
                moment = max(dt.datetime.combine(day, start, schedule.timezone), now)
                if moment.timetz().replace(tzinfo=None) < hours.end and moment.date() == day:
                    until = _until(wish, moment, hours.end) if wanted or named else None
                    return CallTime(moment, until, closed_then=not named)
        day += dt.timedelta(days=1)
    return None


def _until(wish: TimePreference, due: dt.datetime, closing: dt.time) -> dt.datetime | None:
    """The end of the time named ("before 11", "between 12 and 1"), but not past closing;
    None when the patient named no end ("after 3", "at 10")."""
    if not wish.window or wish.at or wish.window[1] >= dt.time(23, 59):
        return None
    end = due.replace(hour=wish.window[1].hour, minute=wish.window[1].minute)
    end = min(end, due.replace(hour=closing.hour, minute=closing.minute))
    return end if end > due else None


def callback_notice(callback: CallBack, zone: ZoneInfo) -> Notice:
    """The clinic's email about a call-back: who and when; health details stay in the console."""
    due = callback.due_at.astimezone(zone)
    subject = f"Call-back requested: {callback.patient_name}, {due:%a %d %b %H:%M}"
    body = "\n".join(
        [
            "A patient asked to be called back through the website chat.",
            "",
            f"Patient:      {callback.patient_name}",
            f"Phone:        {display_phone(callback.phone)}",
            f"Call:         {due:%A %d %B %H:%M} ({zone.key})"
            + (f', said "{callback.preferred_time}"' if callback.preferred_time else ""),
            f"Why:          {REASON_WORDS.get(callback.reason, callback.reason)}",
            f"Conversation: {callback.conversation_id}",
            "",
            "The intake and any red flags are in the staff console (Call-backs);",
            "health details are not sent by email.",
        ]
    )
    return Notice("callback", subject, body)
