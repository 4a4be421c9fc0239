"""Live handoffs: a patient who asks for a person waits for one, a member of staff takes the
chat, writes in it, and hands it back to the assistant.

One open handoff per conversation. Taking it is decided by the database (an update that
only matches while it waits), so two members clicking "take" at once can't both have it.
A handoff nobody took in time is closed as timed out: the assistant then offers a call-back.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import CheckConstraint, Column, Index, Integer, String, select, update

from clinic.booking_store import Base, Store, UtcDateTime, utc_now
from clinic.schedule import Schedule

WAITING, LIVE, ENDED, TIMED_OUT = "waiting", "live", "ended", "timed_out"
OPEN = (WAITING, LIVE)
DEFAULT_WAIT_MINUTES = 3.0


class Handoff(Base):
    """One request for a person, and who took it."""

    __tablename__ = "handoffs"
    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    status = Column(String(16), nullable=False, default=WAITING)
    requested_at = Column(UtcDateTime, nullable=False)
    taken_by = Column(String(80))  # the member's username
    taken_at = Column(UtcDateTime)
    # When the member's live chat page last checked in: a page closed without handing back
    # must not leave the patient with a silent assistant.
    staff_seen_at = Column(UtcDateTime)
    ended_at = Column(UtcDateTime)

    __table_args__ = (
        Index("ix_handoffs_status", "status", "requested_at"),
        CheckConstraint(
            "status IN ('waiting', 'live', 'ended', 'timed_out')", name="ck_handoffs_status"
        ),
    )

    def waited(self, now: dt.datetime) -> dt.timedelta:
        return (self.taken_at or now) - self.requested_at


class ChatDuty(Base):
    """Who said they are available for live chats, and when their console last checked in:
    a patient is offered a person only while someone available has the console open."""

    __tablename__ = "chat_duty"
    username = Column(String(80), primary_key=True)
    last_seen_at = Column(UtcDateTime, nullable=False)


# Without a check-in for this long, a member is no longer at the console (it checks every 5 s).
ON_DUTY_FOR = dt.timedelta(seconds=45)
# A live chat whose page has not checked in for this long (it does every 2 s) was left
# without a hand-back: the assistant takes it back.
LEFT_AFTER = dt.timedelta(minutes=2)


@dataclass(frozen=True)
class HandoffSettings:
    """When staff answer the chat (`HANDOFF_HOURS`) and how long a patient waits for them
    (`HANDOFF_WAIT_MINUTES`) before the call-back is offered instead."""

    hours: str  # "schedule" (the clinic's opening hours), "always" or "never"
    wait: dt.timedelta

    @classmethod
    def from_env(cls) -> HandoffSettings:
        hours = (os.environ.get("HANDOFF_HOURS") or "schedule").strip().lower()
        if hours not in ("schedule", "always", "never"):
            raise ValueError(f"HANDOFF_HOURS must be schedule, always or never, not {hours!r}")
        minutes = float(os.environ.get("HANDOFF_WAIT_MINUTES") or DEFAULT_WAIT_MINUTES)
        return cls(hours, dt.timedelta(minutes=max(minutes, 0.05)))

    def staffed(self, schedule: Schedule, now: dt.datetime | None = None) -> bool:
        """Whether someone answers the chat now."""
        if self.hours in ("always", "never"):
            return self.hours == "always"
        return schedule.is_open(now or schedule.now())


class HandoffStore(Store):
    """The handoffs, in the same database as the bookings."""

    def request(self, conversation_id: str, now: dt.datetime | None = None) -> Handoff:
        """The conversation's open handoff, or a new one waiting."""
        with self._transaction() as session:
            found = session.scalars(
                select(Handoff)
                .where(Handoff.conversation_id == conversation_id)
                .where(Handoff.status.in_(OPEN))
            ).first()
            if found is not None:
                return found
            handoff = Handoff(
                conversation_id=conversation_id, status=WAITING, requested_at=now or utc_now()
            )
            session.add(handoff)
            return handoff

    def open_for(self, conversation_id: str) -> Handoff | None:
        query = (
            select(Handoff)
            .where(Handoff.conversation_id == conversation_id)
            .where(Handoff.status.in_(OPEN))
        )
        with self._transaction() as session:
            return session.scalars(query).first()

    def get(self, handoff_id: int) -> Handoff | None:
        with self._transaction() as session:
            return session.get(Handoff, handoff_id)

    def open_ones(self) -> list[Handoff]:
        """Waiting and live handoffs, the longest waiting first."""
        query = select(Handoff).where(Handoff.status.in_(OPEN)).order_by(Handoff.requested_at)
        with self._transaction() as session:
            return list(session.scalars(query))

    def take(self, handoff_id: int, username: str, now: dt.datetime | None = None) -> bool:
        """Gives the waiting handoff to `username`; False if someone else was first."""
        now = now or utc_now()
        with self._transaction() as session:
            taken = session.execute(
                update(Handoff)
                .where(Handoff.id == handoff_id, Handoff.status == WAITING)
                .values(status=LIVE, taken_by=username, taken_at=now, staff_seen_at=now)
            )
            return taken.rowcount == 1

    def end(self, handoff_id: int, status: str = ENDED, now: dt.datetime | None = None) -> bool:
        """Closes an open handoff (handed back, or timed out); False if it was not open."""
        with self._transaction() as session:
            closed = session.execute(
                update(Handoff)
                .where(Handoff.id == handoff_id, Handoff.status.in_(OPEN))
                .values(status=status, ended_at=now or utc_now())
            )
            return closed.rowcount == 1

    def staff_seen(self, handoff_id: int, now: dt.datetime | None = None) -> None:
        """The live chat's page checked in: its member is still there."""
        with self._transaction() as session:
            session.execute(
                update(Handoff)
                .where(Handoff.id == handoff_id, Handoff.status == LIVE)
                .values(staff_seen_at=now or utc_now())
            )

    def left(self, handoff: Handoff, now: dt.datetime) -> bool:
        """Ends a live chat its member left without handing back; True if it did."""
        seen = handoff.staff_seen_at or handoff.taken_at
        if handoff.status != LIVE or seen is None or now - seen < LEFT_AFTER:
            return False
        return self.end(handoff.id, ENDED, now)

    def time_out(self, handoff: Handoff, wait: dt.timedelta, now: dt.datetime) -> bool:
        """Closes the handoff as timed out if it has waited `wait` untaken; True if it did."""
        if handoff.status != WAITING or now - handoff.requested_at < wait:
            return False
        with self._transaction() as session:
            closed = session.execute(
                update(Handoff)
                .where(Handoff.id == handoff.id, Handoff.status == WAITING)
                .values(status=TIMED_OUT, ended_at=now)
            )
            return closed.rowcount == 1

    def on_duty(self, username: str, now: dt.datetime | None = None) -> None:
        """`username` is available for live chats from now."""
        now = now or utc_now()
        with self._transaction() as session:
            duty = session.get(ChatDuty, username)
            if duty is None:
                session.add(ChatDuty(username=username, last_seen_at=now))
            else:
                duty.last_seen_at = now

    def seen(self, username: str, now: dt.datetime | None = None) -> None:
        """The member's console checked in: still there, if they are available at all."""
        with self._transaction() as session:
            duty = session.get(ChatDuty, username)
            if duty is not None:
                duty.last_seen_at = now or utc_now()

    def is_on_duty(self, username: str) -> bool:
        with self._transaction() as session:
            return session.get(ChatDuty, username) is not None

    def off_duty(self, username: str) -> None:
        """No longer available (said so, or signed out)."""
        with self._transaction() as session:
            duty = session.get(ChatDuty, username)
            if duty is not None:
                session.delete(duty)

    def anyone_on_duty(self, now: dt.datetime | None = None) -> bool:
        since = (now or utc_now()) - ON_DUTY_FOR
        with self._transaction() as session:
            return (
                session.scalars(select(ChatDuty).where(ChatDuty.last_seen_at >= since)).first()
                is not None
            )
