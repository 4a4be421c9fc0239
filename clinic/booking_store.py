"""Where bookings and the clinic's outgoing notices live (SQLAlchemy; schema in migrations/).

Two patients can never hold the same practitioner at the same time: a unique index over
(practitioner, starts_at) among bookings that are not cancelled decides who got there
first, in the database, not in Python. A retried submit finds its own booking again by
its `request_key`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    create_engine,
    event,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.types import DateTime, TypeDecorator

Base = declarative_base()

CONFIRMED, ATTENDED, CANCELLED, NO_SHOW = "confirmed", "attended", "cancelled", "no_show"
STATUSES = (CONFIRMED, ATTENDED, CANCELLED, NO_SHOW)
PENDING, SENT, FAILED = "pending", "sent", "failed"
# Unambiguous when read aloud or retyped: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
REFERENCE_LENGTH = 6


class UtcDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC everywhere."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("booking times must carry a timezone")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return value.replace(tzinfo=dt.timezone.utc) if value is not None else None


ACTIVE = text("status != 'cancelled'")


class Booking(Base):
    """One free consultation, as the clinic keeps it (see shared CONTRACT.md)."""

    __tablename__ = "bookings"
    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    patient_name = Column(String(200), nullable=False)
    phone = Column(String(32))  # E.164
    email = Column(String(254))
    starts_at = Column(UtcDateTime, nullable=False)
    ends_at = Column(UtcDateTime, nullable=False)
    practitioner = Column(String(100), nullable=False)
    status = Column(String(16), nullable=False, default=CONFIRMED)
    conversation_id = Column(String(255), index=True)
    intake_summary = Column(Text)
    triage_level = Column(String(16))
    # Same conversation and time: a retried submit, not a second booking. Cleared on cancel.
    request_key = Column(String(64), unique=True)
    consent_given_at = Column(UtcDateTime, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    updated_at = Column(UtcDateTime, nullable=False)

    __table_args__ = (
        Index(
            "uq_bookings_practitioner_slot",
            "practitioner",
            "starts_at",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
        Index("ix_bookings_starts_at", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="ck_bookings_times"),
        CheckConstraint("phone IS NOT NULL OR email IS NOT NULL", name="ck_bookings_contact"),
        CheckConstraint(
            "status IN ('confirmed', 'attended', 'cancelled', 'no_show')",
            name="ck_bookings_status",
        ),
    )


class OutboxMessage(Base):
    """A notice to the clinic, written with the booking and sent later (clinic/outbox.py)."""

    __tablename__ = "outbox"
    id = Column(Integer, primary_key=True)
    booking_id = Column(Integer, ForeignKey("bookings.id", ondelete="CASCADE"), index=True)
    callback_id = Column(Integer, ForeignKey("callbacks.id", ondelete="CASCADE"), index=True)
    kind = Column(String(16), nullable=False)  # booked, cancelled, rescheduled, renamed
    subject = Column(String(200), nullable=False)
    body = Column(Text, nullable=False)
    status = Column(String(16), nullable=False, default=PENDING)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(UtcDateTime, nullable=False)
    sent_at = Column(UtcDateTime)
    last_error = Column(Text)
    created_at = Column(UtcDateTime, nullable=False)

    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)


@dataclass(frozen=True)
class NewBooking:
    """What the chat gathered for a booking."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    patient_name: str
    phone: str | None
    email: str | None
    conversation_id: str | None
    request_key: str
    consent_given_at: dt.datetime
    intake_summary: str | None = None
    triage_level: str | None = None


@dataclass(frozen=True)
class Notice:
    """A notice for the clinic's outbox."""

    kind: str
    subject: str
    body: str


class SlotTaken(Exception):
    """Every practitioner is booked at that time (someone else got there first)."""


class NotFound(Exception):
    """No active booking has that reference."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def new_reference() -> str:
    """A short random reference patients can read out ("K7P4QM"): letters and digits, so a
    word in a message ("PLEASE") is never taken for one."""
    while True:
        reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if any(c.isdigit() for c in reference) and any(c.isalpha() for c in reference):
            return reference


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # WAL lets the console read while the action server writes; foreign keys for cascades.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite waits for a busy writer instead of failing at once."""
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


NoticeFor = Callable[[Booking], Notice]


def _locked(session: Session, reference: str) -> Booking:
    """The booking with `reference`, locked for this transaction; NotFound otherwise."""
    booking = session.scalars(
        select(Booking).where(Booking.reference == reference).with_for_update()
    ).first()
    if booking is None:
        raise NotFound(reference)
    return booking


def queue_notice(session: Session, notice: Notice, now: dt.datetime, **about: int) -> None:
    """A notice in the outbox, in the caller's transaction (`booking_id=` or `callback_id=`
    says what it is about; the notice goes when that is deleted)."""
    session.add(
        OutboxMessage(
            **about,
            kind=notice.kind,
            subject=notice.subject,
            body=notice.body,
            status=PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )


class Store:
    """A store of the clinic's records in DATABASE_URL; every change is one transaction."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session


class BookingStore(Store):
    """Bookings and the outbox in one database."""

    def busy(self, first: dt.datetime, last: dt.datetime) -> dict[str, list[tuple]]:
        """Booked (starts_at, ends_at) per practitioner overlapping [first, last)."""
        query = select(Booking.practitioner, Booking.starts_at, Booking.ends_at).where(
            Booking.status != CANCELLED, Booking.starts_at < last, Booking.ends_at > first
        )
        busy: dict[str, list[tuple]] = {}
        with self._sessions() as session:
            for name, start, end in session.execute(query):
                busy.setdefault(name, []).append((start, end))
        return busy

    def by_request_key(self, key: str) -> Booking | None:
        """The booking a submit with this key made, if it was made."""
        with self._sessions() as session:
            return session.scalars(select(Booking).where(Booking.request_key == key)).first()

    def book(self, new: NewBooking, practitioners: Iterable[str], notice_for: NoticeFor) -> Booking:
        """Stores the booking with the first practitioner free at that time, and its notice.

        Returns the earlier booking if this submit was made before; raises SlotTaken when
        every practitioner is taken.
        """
        # The unique request_key makes a retry fail to insert; it then finds the first one.
        for practitioner in practitioners:
            for _attempt in range(5):  # a new reference if one ever collides
                try:
                    return self._insert(new, practitioner, notice_for)
                except IntegrityError:
                    earlier = self.by_request_key(new.request_key)
                    if earlier:
                        return earlier
                    if self._is_taken(practitioner, new.starts_at):
                        break
        earlier = self.by_request_key(new.request_key)
        if earlier:
            return earlier
        raise SlotTaken(new.starts_at)

    def _insert(self, new: NewBooking, practitioner: str, notice_for: NoticeFor) -> Booking:
        now = utc_now()
        booking = Booking(
            reference=new_reference(),
            patient_name=new.patient_name,
            phone=new.phone,
            email=new.email,
            starts_at=new.starts_at,
            ends_at=new.ends_at,
            practitioner=practitioner,
            status=CONFIRMED,
            conversation_id=new.conversation_id,
            intake_summary=new.intake_summary,
            triage_level=new.triage_level,
            request_key=new.request_key,
            consent_given_at=new.consent_given_at,
            created_at=now,
            updated_at=now,
        )
        with self._transaction() as session:
            session.add(booking)
            session.flush()
            self._add_notice(session, booking, notice_for(booking), now)
        return booking

    def _is_taken(self, practitioner: str, starts_at: dt.datetime) -> bool:
        query = select(Booking.id).where(
            Booking.practitioner == practitioner,
            Booking.starts_at == starts_at,
            Booking.status != CANCELLED,
        )
        with self._sessions() as session:
            return session.execute(query).first() is not None

    @staticmethod
    def _add_notice(session: Session, booking: Booking, notice: Notice, now: dt.datetime) -> None:
        queue_notice(session, notice, now, booking_id=booking.id)

    def find(self, reference: str, phone: str | None, email: str | None) -> Booking | None:
        """The active booking with `reference` whose phone or email matches, else None."""
        proofs = [Booking.phone == phone] if phone else []
        if email:
            proofs.append(Booking.email == email.lower())
        if not proofs:
            return None
        query = select(Booking).where(
            Booking.reference == reference, Booking.status == CONFIRMED, or_(*proofs)
        )
        with self._sessions() as session:
            return session.scalars(query).first()

    def for_conversation(self, conversation_id: str) -> list[Booking]:
        """Every booking made in one conversation, oldest first."""
        query = (
            select(Booking)
            .where(Booking.conversation_id == conversation_id)
            .order_by(Booking.created_at)
        )
        with self._sessions() as session:
            return list(session.scalars(query))

    def starting_between(self, first: dt.datetime, last: dt.datetime) -> list[Booking]:
        """Bookings of any status that start in [first, last), in time order."""
        query = (
            select(Booking)
            .where(Booking.starts_at >= first, Booking.starts_at < last)
            .order_by(Booking.starts_at, Booking.practitioner)
        )
        with self._sessions() as session:
            return list(session.scalars(query))

    def set_status(self, reference: str, status: str) -> Booking:
        """Staff's change of status (attended, no-show...). Cancelling frees the time; a
        cancelled booking confirmed again needs its time to be free still (SlotTaken)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        try:
            with self._transaction() as session:
                booking = _locked(session, reference)
                booking.status = status
                if status == CANCELLED:
                    booking.request_key = None
                booking.updated_at = utc_now()
                return booking
        except IntegrityError as taken:
            raise SlotTaken(reference) from taken

    def get(self, reference: str) -> Booking | None:
        """The booking with `reference`, whatever its status."""
        with self._sessions() as session:
            return session.scalars(select(Booking).where(Booking.reference == reference)).first()

    def cancel(self, reference: str, notice_for: NoticeFor) -> Booking:
        """Cancels the booking (idempotent: a cancelled one stays as it is)."""
        now = utc_now()
        with self._transaction() as session:
            booking = _locked(session, reference)
            if booking.status != CANCELLED:
                booking.status = CANCELLED
                booking.request_key = None
                booking.updated_at = now
                self._add_notice(session, booking, notice_for(booking), now)
        return booking

    def rename(self, reference: str, patient_name: str, notice_for: NoticeFor) -> Booking:
        """Puts the name on a confirmed booking right; raises NotFound otherwise."""
        now = utc_now()
        with self._transaction() as session:
            booking = _locked(session, reference)
            if booking.status != CONFIRMED:
                raise NotFound(reference)
            if booking.patient_name != patient_name:
                booking.patient_name = patient_name
                booking.updated_at = now
                session.flush()
                self._add_notice(session, booking, notice_for(booking), now)
        return booking

    def move(
        self,
        reference: str,
        starts_at: dt.datetime,
        ends_at: dt.datetime,
        practitioners: Iterable[str],
        notice_for: NoticeFor,
    ) -> Booking:
        """Moves the booking to a new time (same reference); raises SlotTaken if taken."""
        for practitioner in practitioners:
            now = utc_now()
            try:
                with self._transaction() as session:
                    booking = _locked(session, reference)
                    if booking.status != CONFIRMED:
                        raise NotFound(reference)
                    if booking.starts_at == starts_at:
                        return booking  # a retried move
                    booking.starts_at, booking.ends_at = starts_at, ends_at
                    booking.practitioner = practitioner
                    booking.updated_at = now
                    session.flush()
                    self._add_notice(session, booking, notice_for(booking), now)
                return booking
            except IntegrityError:
                continue
        raise SlotTaken(starts_at)

    # The outbox, for the sender (clinic/outbox.py)
    def due_notices(self, now: dt.datetime, limit: int = 20) -> list[OutboxMessage]:
        """Pending notices whose next attempt is due, oldest first."""
        query = (
            select(OutboxMessage)
            .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        with self._sessions() as session:
            return list(session.scalars(query))

    def record_attempt(
        self, notice_id: int, now: dt.datetime, error: str | None, retry_at: dt.datetime | None
    ) -> None:
        """Marks a notice sent (no error), due again at `retry_at`, or failed for good."""
        with self._transaction() as session:
            notice = session.get(OutboxMessage, notice_id)
            notice.attempts += 1
            if error is None:
                notice.status, notice.sent_at, notice.last_error = SENT, now, None
            else:
                notice.last_error = error[:2000]
                if retry_at is None:
                    notice.status = FAILED
                else:
                    notice.next_attempt_at = retry_at

    def notices(self) -> list[OutboxMessage]:
        """Every notice, oldest first (for the console and tests)."""
        with self._sessions() as session:
            return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


# The outbox's foreign key names the call-backs' table: its model must be known wherever a
# notice is written (a booking in a process that never touched a call-back failed to flush).
from clinic.records import callbacks as _callbacks  # noqa: E402, F401
