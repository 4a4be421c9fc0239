"""Retention and erasure delete what they should and nothing else (real SQLite, real
Rasa tracker-store rows, the clinic's migrations)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import select

from clinic.booking_store import Booking, BookingStore, NewBooking, Notice, OutboxMessage
from clinic.conversations import ConversationStore
from clinic.data_protection import DataProtection, retention_days
from clinic.staff_store import StaffStore
from tests.conftest import ROOT
from tests.tracker_rows import save_conversation

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.timezone.utc)


def conversation(database: str, conversation_id: str, days_ago: int) -> None:
    from rasa.shared.core.events import BotUttered, UserUttered

    at = (NOW - dt.timedelta(days=days_ago)).timestamp()
    save_conversation(
        database,
        conversation_id,
        [UserUttered("my neck hurts", timestamp=at), BotUttered("Which side?", timestamp=at)],
    )


def booking(
    database: str, conversation_id: str, days_from_now: int, phone: str, email: str | None = None
) -> str:
    start = NOW + dt.timedelta(days=days_from_now)
    return (
        BookingStore(database)
        .book(
            NewBooking(start, start + dt.timedelta(minutes=30), "A Patient", phone, email,
                       conversation_id, f"key-{conversation_id}", start),
            ["Dr Peter Ray"],
            lambda b: Notice("booked", "New booking", b.reference),
        )
        .reference
    )  # fmt: skip


def conversation_ids(database: str) -> set[str]:
    return {s.conversation_id for s in ConversationStore(database).summaries()}


def rows(database: str, model: Any) -> list[Any]:
    with BookingStore(database).engine.connect() as connection:
        return list(connection.execute(select(model)))


def references(database: str) -> set[str]:
    return {row.reference for row in rows(database, Booking)}


def outbox_count(database: str) -> int:
    return len(rows(database, OutboxMessage))


@pytest.fixture
def clinic_data(booking_db: str) -> str:
    conversation(booking_db, "old", 400)
    conversation(booking_db, "old-but-booked-ahead", 400)
    conversation(booking_db, "recent", 3)
    conversation(booking_db, "old-booked-long-ago", 500)
    booking(booking_db, "old-but-booked-ahead", 10, "+12125550101")
    booking(booking_db, "old-booked-long-ago", -450, "+12125550102")
    booking(booking_db, "recent", 5, "+12125550103", "pat@example.com")
    StaffStore(booking_db).save_review("old", "clara", True, "note", [])
    return booking_db


def test_retention_deletes_what_is_older_and_keeps_the_rest(clinic_data: str) -> None:
    deleted = DataProtection(clinic_data).delete_older_than(365, now=NOW)
    assert conversation_ids(clinic_data) == {"old-but-booked-ahead", "recent"}
    assert len(references(clinic_data)) == 2  # the booking that ended 450 days ago is gone
    assert outbox_count(clinic_data) == 2  # with its notice
    assert StaffStore(clinic_data).review("old") is None
    assert (deleted.conversations, deleted.events, deleted.bookings) == (2, 4, 1)
    # Running it again finds nothing more.
    again = DataProtection(clinic_data).delete_older_than(365, now=NOW)
    assert (again.conversations, again.bookings) == (0, 0)


def test_erasing_by_phone_in_any_format_takes_bookings_and_their_conversations(
    clinic_data: str,
) -> None:
    deleted = DataProtection(clinic_data).erase_patient(phone="(212) 555-0101")
    assert "old-but-booked-ahead" not in conversation_ids(clinic_data)
    assert conversation_ids(clinic_data) == {"old", "recent", "old-booked-long-ago"}
    assert (deleted.conversations, deleted.bookings) == (1, 1)
    assert len(references(clinic_data)) == 2


def test_erasing_by_email_or_conversation(clinic_data: str) -> None:
    DataProtection(clinic_data).erase_patient(email="Pat@Example.com")
    assert "recent" not in conversation_ids(clinic_data)
    DataProtection(clinic_data).erase_patient(conversation_id="old")
    assert conversation_ids(clinic_data) == {"old-but-booked-ahead", "old-booked-long-ago"}
    assert StaffStore(clinic_data).review("old") is None
    assert len(references(clinic_data)) == 2


def test_erasing_needs_something_to_look_for(clinic_data: str) -> None:
    with pytest.raises(ValueError, match="conversation id, a phone"):
        DataProtection(clinic_data).erase_patient()
    with pytest.raises(ValueError, match="not a phone number"):
        DataProtection(clinic_data).erase_patient(phone="banana")
    assert len(conversation_ids(clinic_data)) == 4


def test_the_erase_command_records_the_erasure(clinic_data: str) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/erase.py", "--email", "pat@example.com"],
        cwd=ROOT,
        env={"DATABASE_URL": clinic_data, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Erased 1 conversations" in result.stdout
    entries = StaffStore(clinic_data).audit_entries()
    assert [(e.action, e.detail.split(":")[0]) for e in entries] == [
        ("erase", "email=pat@example.com")
    ]
    assert entries[0].username.startswith("cli:")


def test_retention_days_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETENTION_DAYS", "90")
    assert retention_days() == 90
    monkeypatch.setenv("RETENTION_DAYS", "0")
    with pytest.raises(ValueError, match="at least 1"):
        retention_days()


def callback(database: str, conversation_id: str, phone: str) -> None:
    from clinic.records.callbacks import ASKED, CallBackRequest, CallBackStore

    CallBackStore(database).request(
        CallBackRequest(conversation_id, "A Patient", phone, "any time", NOW, ASKED),
        lambda c: Notice("callback", "Call-back requested", c.patient_name),
    )


def callback_conversations(database: str) -> set[str]:
    from clinic.records.callbacks import CallBack

    return {row.conversation_id for row in rows(database, CallBack)}


def test_call_backs_go_with_their_conversation_and_their_notices_with_them(
    clinic_data: str,
) -> None:
    callback(clinic_data, "old", "+12125550108")
    callback(clinic_data, "recent", "+12125550109")
    assert outbox_count(clinic_data) == 5
    deleted = DataProtection(clinic_data).delete_older_than(365, now=NOW)
    assert callback_conversations(clinic_data) == {"recent"}
    assert deleted.callbacks == 1 and outbox_count(clinic_data) == 3
    # Past the retention period with nothing done to it since, a call-back goes too.
    later = DataProtection(clinic_data).delete_older_than(365, now=NOW + dt.timedelta(days=800))
    assert later.callbacks == 1 and callback_conversations(clinic_data) == set()


def test_erasing_by_phone_takes_the_call_backs_asked_with_it_and_their_conversation(
    clinic_data: str,
) -> None:
    conversation(clinic_data, "called-only", 2)
    callback(clinic_data, "called-only", "+12125550109")
    deleted = DataProtection(clinic_data).erase_patient(phone="212-555-0109")
    assert deleted.callbacks == 1 and deleted.conversations == 1
    assert "called-only" not in conversation_ids(clinic_data)
    assert callback_conversations(clinic_data) == set()


def test_live_handoffs_go_with_their_conversation(clinic_data: str) -> None:
    from clinic.records.handoffs import HandoffStore

    store = HandoffStore(clinic_data)
    store.request("old", NOW - dt.timedelta(days=400))
    store.request("recent", NOW)
    DataProtection(clinic_data).delete_older_than(365, now=NOW)
    assert store.open_for("old") is None and store.open_for("recent") is not None
    DataProtection(clinic_data).erase_patient(conversation_id="recent")
    assert store.open_for("recent") is None
