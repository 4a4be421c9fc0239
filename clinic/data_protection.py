"""Deleting patients' data: everything past the retention period, or one patient on request.

A conversation is its rows in Rasa's `events` table plus staff's review of it, its live
handoffs and the call-backs asked for in it; a booking or a call-back takes its outbox
notices with it (ON DELETE CASCADE). The audit log keeps its rows: they say who looked at
which conversation id, and hold no health data.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select

from clinic.booking_store import Booking, make_engine, utc_now
from clinic.contact import read_contact
from clinic.conversations import events_table, has_events_table
from clinic.records.callbacks import CallBack
from clinic.records.handoffs import Handoff
from clinic.staff_store import ConversationReview

DEFAULT_RETENTION_DAYS = 365


def retention_days() -> int:
    """How long conversations and past bookings are kept (`RETENTION_DAYS`)."""
    value = os.environ.get("RETENTION_DAYS", "").strip() or str(DEFAULT_RETENTION_DAYS)
    days = int(value)
    if days < 1:
        raise ValueError(f"RETENTION_DAYS must be at least 1, got {days}")
    return days


@dataclass(frozen=True)
class Deleted:
    """What one deletion removed."""

    conversations: int = 0
    events: int = 0
    bookings: int = 0
    callbacks: int = 0

    def __str__(self) -> str:
        return (
            f"{self.conversations} conversations ({self.events} events), {self.bookings} "
            f"bookings, {self.callbacks} call-backs"
        )


class DataProtection:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)

    def delete_older_than(self, days: int, now: dt.datetime | None = None) -> Deleted:
        """Conversations silent for `days` and bookings that ended `days` ago.

        A conversation whose booking is still kept stays with it.
        """
        cutoff = (now or utc_now()) - dt.timedelta(days=days)
        with self.engine.begin() as connection:
            kept = set(
                connection.scalars(
                    select(Booking.conversation_id).where(
                        Booking.ends_at >= cutoff, Booking.conversation_id.is_not(None)
                    )
                )
            )
            stale: set[str] = set()
            if has_events_table(self.engine):
                stale = (
                    set(
                        connection.scalars(
                            select(events_table.c.sender_id)
                            .group_by(events_table.c.sender_id)
                            .having(func.max(events_table.c.timestamp) < cutoff.timestamp())
                        )
                    )
                    - kept
                )
            bookings = connection.execute(delete(Booking).where(Booking.ends_at < cutoff))
            # A call-back goes with its conversation, or when nothing happened to it since.
            callbacks = connection.execute(
                delete(CallBack).where(
                    or_(CallBack.updated_at < cutoff, CallBack.conversation_id.in_(stale))
                )
            ).rowcount
            events = self._delete_conversations(connection, stale)
        return Deleted(len(stale), events, bookings.rowcount, callbacks)

    def erase_patient(
        self,
        conversation_id: str | None = None,
        phone: str | None = None,
        email: str | None = None,
    ) -> Deleted:
        """Everything about one patient: the conversation given, and every booking (and its
        conversation) made with that phone number or email address."""
        matches = []
        called = []  # the call-backs asked for with that phone number
        if conversation_id:
            matches.append(Booking.conversation_id == conversation_id)
        if phone:
            e164 = read_contact(phone).phone
            if not e164:
                raise ValueError(f"not a phone number: {phone!r}")
            matches.append(Booking.phone == e164)
            called.append(CallBack.phone == e164)
        if email:
            matches.append(Booking.email == email.strip().lower())
        if not matches:
            raise ValueError("give a conversation id, a phone number or an email address")
        with self.engine.begin() as connection:
            found = connection.execute(
                select(Booking.id, Booking.conversation_id).where(or_(*matches))
            ).all()
            asked = connection.scalars(select(CallBack.conversation_id).where(or_(*called)))
            conversations = (
                {c for _, c in found if c}
                | set(asked if called else ())
                | ({conversation_id} - {None})
            )
            bookings = connection.execute(
                delete(Booking).where(Booking.id.in_([i for i, _ in found]))
            )
            callbacks = connection.execute(
                delete(CallBack).where(or_(CallBack.conversation_id.in_(conversations), *called))
            ).rowcount
            events = self._delete_conversations(connection, conversations)
        return Deleted(len(conversations), events, bookings.rowcount, callbacks)

    def _delete_conversations(self, connection: object, ids: set[str]) -> int:
        if not ids:
            return 0
        connection.execute(  # type: ignore[attr-defined]
            delete(ConversationReview).where(ConversationReview.conversation_id.in_(ids))
        )
        connection.execute(  # type: ignore[attr-defined]
            delete(Handoff).where(Handoff.conversation_id.in_(ids))
        )
        if not has_events_table(self.engine):
            return 0
        result = connection.execute(  # type: ignore[attr-defined]
            delete(events_table).where(events_table.c.sender_id.in_(ids))
        )
        return result.rowcount
