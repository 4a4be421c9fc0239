"""Staff accounts, their sessions, the audit log and staff reviews of conversations,
beside the bookings.

Passwords are hashed by Werkzeug (scrypt); this module decides who may try again and which
signed-in sessions still hold. Sessions live here, not only in the browser's cookie, so
that signing out, a new password or a lockout ends them everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    case,
    delete,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.security import check_password_hash, generate_password_hash

from clinic.booking_store import Base, UtcDateTime, make_engine, utc_now

RECEPTION = "reception"
CLINICIAN = "clinician"
ROLES = (RECEPTION, CLINICIAN)
MIN_PASSWORD_LENGTH = 12
# Five wrong passwords lock the name for 15 minutes from that address: slow for a guesser,
# short for staff, and a guesser elsewhere can't lock the clinic out.
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
# A session's last click is written at most this often: one write per page would be waste.
_SEEN_EVERY = dt.timedelta(seconds=30)
# A hash to check against when the name is unknown, so both cases take the same time.
_NO_SUCH_USER = generate_password_hash("no such user")


class StaffMember(Base):
    __tablename__ = "staff_users"
    id = Column(Integer, primary_key=True)
    username = Column(String(80), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    role = Column(String(16), nullable=False)
    last_login_at = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False)


class FailedSignIns(Base):
    """Wrong passwords for one name from one address, counted before the password is checked
    so that attempts sent at once can't slip past the count. Names nobody has are counted
    too: the answers can't tell which names exist."""

    __tablename__ = "failed_sign_ins"
    username = Column(String(80), primary_key=True)
    address = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False)
    last_at = Column(UtcDateTime, nullable=False)
    locked_until = Column(UtcDateTime)


class StaffSession(Base):
    """One signed-in browser. The cookie holds a random token; only its hash is stored."""

    __tablename__ = "staff_sessions"
    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    member_id = Column(Integer, ForeignKey("staff_users.id"), nullable=False, index=True)
    # The browser and address it was opened from (hashed): a copied cookie used elsewhere
    # ends the session.
    fingerprint = Column(String(64), nullable=False)
    started_at = Column(UtcDateTime, nullable=False)
    last_seen_at = Column(UtcDateTime, nullable=False)
    ended_at = Column(UtcDateTime)
    ended_why = Column(String(40))


class AuditEntry(Base):
    """Who saw or changed what, and when: every view of a conversation is one row."""

    __tablename__ = "audit_log"
    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime, nullable=False)
    username = Column(String(80), nullable=False)
    action = Column(String(40), nullable=False)
    conversation_id = Column(String(255))
    detail = Column(Text, nullable=False, default="")

    __table_args__ = (Index("ix_audit_log_conversation", "conversation_id", "at"),)


class ConversationReview(Base):
    """Staff's own marks on a conversation: reviewed, notes, tags."""

    __tablename__ = "conversation_reviews"
    conversation_id = Column(String(255), primary_key=True)
    reviewed_at = Column(UtcDateTime)
    reviewed_by = Column(String(80))
    notes = Column(Text, nullable=False, default="")
    tags = Column(Text, nullable=False, default="")  # comma-separated
    updated_at = Column(UtcDateTime, nullable=False)


class LoginRefused(Exception):
    """Wrong name or password, or a locked account; the message is safe to show."""


WRONG = "Wrong user name or password."
LOCKED = (
    "Too many wrong passwords: this account is locked for a while. "
    "Try again later or ask a colleague to reset it."
)


@dataclass(frozen=True)
class Staff:
    """A signed-in staff member, as the console needs them."""

    id: int
    username: str
    role: str


class StaffStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def save_member(self, username: str, password: str, role: str) -> Staff:
        """Creates the account, or sets a new password and role for an existing one (which
        ends its sessions: whoever held the old password is out)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
        username = username.strip().lower()
        if not username:
            raise ValueError("the user name is empty")
        with self._session() as session:
            member = session.scalars(
                select(StaffMember).where(StaffMember.username == username)
            ).first()
            if member is None:
                member = StaffMember(username=username, created_at=utc_now())
                session.add(member)
            member.password_hash = generate_password_hash(password)
            member.role = role
            session.flush()
            _end_sessions(session, member.id, "account_changed", utc_now())
            session.execute(delete(FailedSignIns).where(FailedSignIns.username == username))
            return Staff(member.id, member.username, member.role)

    def member(self, member_id: int) -> Staff | None:
        with self._session() as session:
            member = session.get(StaffMember, member_id)
            return Staff(member.id, member.username, member.role) if member else None

    def sign_in(
        self, username: str, password: str, address: str = "", now: dt.datetime | None = None
    ) -> Staff:
        """The member when the password is right and the name is not locked from `address`.

        The attempt is counted first, in one statement, and only the first few are checked:
        twenty guesses sent at once get five checks, not twenty."""
        now = now or utc_now()
        username = username.strip().lower()[:80]
        address = address[:64]
        with self._session() as session:
            failures, locked_until = self._count_attempt(session, username, address, now)
            member = session.scalars(
                select(StaffMember).where(StaffMember.username == username)
            ).first()
            found = (member.id, member.password_hash) if member else None
        if locked_until or failures > MAX_FAILED_LOGINS:
            self._lock(username, address, now, found and found[0])
            raise LoginRefused(LOCKED)
        if found is None:
            check_password_hash(_NO_SUCH_USER, password)  # the same time as a known name
        elif check_password_hash(found[1], password):
            with self._session() as session:
                session.execute(
                    delete(FailedSignIns).where(
                        FailedSignIns.username == username, FailedSignIns.address == address
                    )
                )
                member = session.get(StaffMember, found[0])
                member.last_login_at = now
                return Staff(member.id, member.username, member.role)
        if failures >= MAX_FAILED_LOGINS:
            self._lock(username, address, now, found and found[0])
        raise LoginRefused(WRONG)

    def _count_attempt(
        self, session: Session, username: str, address: str, now: dt.datetime
    ) -> tuple[int, dt.datetime | None]:
        """Adds one to the count for (name, address), starting afresh after a lockout or a
        quiet spell, and returns the count and any lock still running."""
        table = FailedSignIns.__table__
        moment = _moment(now)
        stale = (table.c.last_at <= _moment(now - LOCKOUT)) | (table.c.locked_until <= moment)
        insert = (postgresql if self.engine.dialect.name == "postgresql" else sqlite).insert
        statement = insert(table).values(
            username=username, address=address, failures=1, last_at=now, locked_until=None
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[table.c.username, table.c.address],
                set_={
                    "failures": case((stale, 1), else_=table.c.failures + 1),
                    "locked_until": case((stale, None), else_=table.c.locked_until),
                    "last_at": moment,
                },
            )
        )
        row = session.execute(
            select(table.c.failures, table.c.locked_until).where(
                table.c.username == username, table.c.address == address
            )
        ).one()
        return row.failures, row.locked_until

    def _lock(self, username: str, address: str, now: dt.datetime, member_id: int | None) -> None:
        """Locks the name from that address; a member's open sessions end too, in case the
        guesser already had the password."""
        with self._session() as session:
            session.execute(
                update(FailedSignIns)
                .where(
                    FailedSignIns.username == username,
                    FailedSignIns.address == address,
                    FailedSignIns.locked_until.is_(None),
                )
                .values(locked_until=now + LOCKOUT)
            )
            if member_id:
                _end_sessions(session, member_id, "locked_out", now)

    def start_session(self, member: Staff, fingerprint: str, now: dt.datetime | None = None) -> str:
        """A new session for a member who just signed in; returns the cookie's token."""
        now = now or utc_now()
        token = secrets.token_urlsafe(32)
        with self._session() as session:
            session.add(
                StaffSession(
                    token_hash=_hashed(token),
                    member_id=member.id,
                    fingerprint=fingerprint,
                    started_at=now,
                    last_seen_at=now,
                )
            )
        return token

    def session_member(
        self, token: str, fingerprint: str, idle: dt.timedelta, now: dt.datetime | None = None
    ) -> Staff | None:
        """The member whose session `token` is, if it is still open: not ended, used within
        `idle`, and from the browser that opened it. A session that fails a check ends."""
        now = now or utc_now()
        with self._session() as session:
            found = session.scalars(
                select(StaffSession).where(StaffSession.token_hash == _hashed(token))
            ).first()
            if found is None or found.ended_at is not None:
                return None
            why = None
            if found.last_seen_at + idle < now:
                why = "idle"
            elif not secrets.compare_digest(found.fingerprint, fingerprint):
                why = "other_browser"
            if why:
                found.ended_at, found.ended_why = now, why
                return None
            if now - found.last_seen_at > _SEEN_EVERY:
                found.last_seen_at = now
            member = session.get(StaffMember, found.member_id)
            return Staff(member.id, member.username, member.role) if member else None

    def end_sessions(self, member_id: int, why: str, now: dt.datetime | None = None) -> None:
        """Ends every open session of the member (signing out ends them everywhere)."""
        with self._session() as session:
            _end_sessions(session, member_id, why, now or utc_now())

    def audit(
        self, username: str, action: str, conversation_id: str | None = None, detail: str = ""
    ) -> None:
        with self._session() as session:
            session.add(
                AuditEntry(
                    at=utc_now(),
                    username=username,
                    action=action,
                    conversation_id=conversation_id,
                    detail=detail,
                )
            )

    def audit_entries(self, conversation_id: str | None = None) -> list[AuditEntry]:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if conversation_id is not None:
            query = query.where(AuditEntry.conversation_id == conversation_id)
        with self._session() as session:
            return list(session.scalars(query))

    def reviews(self) -> dict[str, ConversationReview]:
        with self._session() as session:
            return {r.conversation_id: r for r in session.scalars(select(ConversationReview))}

    def review(self, conversation_id: str) -> ConversationReview | None:
        with self._session() as session:
            return session.get(ConversationReview, conversation_id)

    def save_review(
        self,
        conversation_id: str,
        by: str,
        reviewed: bool,
        notes: str,
        tags: list[str],
    ) -> ConversationReview:
        with self._session() as session:
            review = session.get(ConversationReview, conversation_id)
            if review is None:
                review = ConversationReview(conversation_id=conversation_id)
                session.add(review)
            if reviewed and not review.reviewed_at:
                review.reviewed_at, review.reviewed_by = utc_now(), by
            elif not reviewed:
                review.reviewed_at, review.reviewed_by = None, None
            review.notes = notes.strip()
            review.tags = ",".join(sorted({t.strip().lower() for t in tags if t.strip()}))
            review.updated_at = utc_now()
            return review


def _end_sessions(session: Session, member_id: int, why: str, now: dt.datetime) -> None:
    session.execute(
        update(StaffSession)
        .where(StaffSession.member_id == member_id, StaffSession.ended_at.is_(None))
        .values(ended_at=now, ended_why=why)
    )


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _moment(when: dt.datetime) -> object:
    """A time as a bound value of the stored type (naive UTC), for use inside SQL."""
    return literal(when, UtcDateTime())
