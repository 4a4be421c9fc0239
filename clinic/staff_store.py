"""Staff accounts, the audit log and staff reviews of conversations, beside the bookings.

Passwords are hashed by Werkzeug (scrypt); this module only decides who may try again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Column, Index, Integer, String, Text, select
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.security import check_password_hash, generate_password_hash

from clinic.booking_store import Base, UtcDateTime, make_engine, utc_now

RECEPTION = "reception"
CLINICIAN = "clinician"
ROLES = (RECEPTION, CLINICIAN)
MIN_PASSWORD_LENGTH = 12
# Five wrong passwords lock the account for 15 minutes: slow for a guesser, short for staff.
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
# A hash to check against when the name is unknown, so both cases take the same time.
_NO_SUCH_USER = generate_password_hash("no such user")


class StaffMember(Base):
    __tablename__ = "staff_users"
    id = Column(Integer, primary_key=True)
    username = Column(String(80), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    role = Column(String(16), nullable=False)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(UtcDateTime)
    last_login_at = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False)


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
        """Creates the account, or sets a new password and role for an existing one."""
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
            member.failed_logins = 0
            member.locked_until = None
            session.flush()
            return Staff(member.id, member.username, member.role)

    def member(self, member_id: int) -> Staff | None:
        with self._session() as session:
            member = session.get(StaffMember, member_id)
            return Staff(member.id, member.username, member.role) if member else None

    def sign_in(self, username: str, password: str, now: dt.datetime | None = None) -> Staff:
        """The member when the password is right and the account is not locked."""
        now = now or utc_now()
        refusal: str | None = None
        with self._session() as session:  # committed before refusing: the count must stay
            member = session.scalars(
                select(StaffMember).where(StaffMember.username == username.strip().lower())
            ).first()
            if member is None:
                check_password_hash(_NO_SUCH_USER, password)
                refusal = WRONG
            elif member.locked_until and member.locked_until > now:
                refusal = LOCKED
            elif not check_password_hash(member.password_hash, password):
                member.failed_logins += 1
                if member.failed_logins >= MAX_FAILED_LOGINS:
                    member.locked_until = now + LOCKOUT
                    member.failed_logins = 0
                refusal = WRONG
            else:
                member.failed_logins = 0
                member.locked_until = None
                member.last_login_at = now
                signed_in = Staff(member.id, member.username, member.role)
        if refusal:
            raise LoginRefused(refusal)
        return signed_in

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
