"""End to end: patients book, move and cancel the free consultation over the REST channel,
and the bookings land in the database with their notices (real clock, real schedule)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bench.patient import OFFER, answer_to, book_and_cancel, buttons, texts
from clinic.booking import BookingDesk, Patient
from clinic.booking_store import BookingStore
from clinic.schedule import load_schedule
from tests.conftest import ROOT
from tests.running_assistant import Assistant

pytestmark = pytest.mark.e2e


def through_the_intake(assistant: Assistant, sender: str) -> list[dict]:
    replies = assistant.say(sender, "my left knee aches")
    for _ in range(15):
        if OFFER in texts(replies):
            return replies
        replies = assistant.say(sender, answer_to(texts(replies)))
    raise AssertionError(f"the intake did not reach the offer: {texts(replies)}")


def store(assistant: Assistant) -> BookingStore:
    return BookingStore(f"sqlite:///{assistant.database}")


def book_first_offered(assistant: Assistant, sender: str) -> str:
    """From a pain description to a booking; returns the reference."""
    through_the_intake(assistant, sender)
    replies = assistant.say(sender, "yes please")
    assert "When would suit you" in texts(replies)
    replies = assistant.say(sender, "as soon as possible")
    times = buttons(replies)
    assert 2 <= len(times) <= 4 and times[-1]["title"] == "Other times"
    replies = assistant.say(sender, times[0]["payload"])
    assert "What name" in texts(replies)
    replies = assistant.say(sender, "Anna Smith")
    assert "phone number or an email" in texts(replies)
    replies = assistant.say(sender, "555-12")
    assert "doesn't look right" in texts(replies)  # an invalid phone is asked again
    replies = assistant.say(sender, "(212) 555-0143")
    # One summary: what is kept and why, and the question; its yes is the consent too.
    assert "keeps your name" in texts(replies) and "Shall I book it?" in texts(replies)
    assert "Anna Smith" in texts(replies)
    replies = assistant.say(sender, "/affirm")
    assert "You're booked for" in texts(replies)
    reference = assistant.tracker(sender, assistant.token)["slots"]["booking_reference"]
    assert reference and reference in texts(replies)
    return reference


def test_book_then_move_in_the_same_chat_then_cancel_from_another(assistant: Assistant) -> None:
    reference = book_first_offered(assistant, "booker-1")
    stored = store(assistant).get(reference)
    assert (stored.status, stored.conversation_id, stored.phone) == (
        "confirmed",
        "booker-1",
        "+12125550143",
    )
    assert "knee" in stored.intake_summary
    assert [n.kind for n in store(assistant).notices() if n.booking_id == stored.id] == ["booked"]

    # Moving it in the same chat needs no proof again.
    replies = assistant.say("booker-1", "can I move my appointment to another day")
    assert "When would suit you" in texts(replies)
    replies = assistant.say("booker-1", "next week")
    replies = assistant.say("booker-1", buttons(replies)[0]["payload"])
    assert "Move your consultation" in texts(replies)
    replies = assistant.say("booker-1", "/affirm")
    assert "now on" in texts(replies) and reference in texts(replies)
    moved = store(assistant).get(reference)
    assert moved.starts_at > stored.starts_at and moved.status == "confirmed"

    # Cancelling from another device: the reference and the phone number prove it.
    replies = assistant.say("booker-1-phone", "I need to cancel my appointment")
    assert "booking reference" in texts(replies)
    replies = assistant.say("booker-1-phone", f"it's {reference.lower()}")
    assert "phone number or email" in texts(replies)
    replies = assistant.say("booker-1-phone", "212 555 0143")
    assert "Cancel your consultation" in texts(replies)
    replies = assistant.say("booker-1-phone", "yes")
    assert "is cancelled" in texts(replies)
    assert store(assistant).get(reference).status == "cancelled"
    kinds = [n.kind for n in store(assistant).notices() if n.booking_id == stored.id]
    assert kinds == ["booked", "rescheduled", "cancelled"]


def test_a_time_taken_meanwhile_and_a_change_of_mind(assistant: Assistant) -> None:
    through_the_intake(assistant, "booker-2")
    assistant.say("booker-2", "yes please")
    replies = assistant.say("booker-2", "as soon as possible")
    first = buttons(replies)[0]
    # Someone else books the first time while this patient hesitates.
    schedule = load_schedule(ROOT / "schedule.yml")
    desk = BookingDesk(schedule, store(assistant))
    taken = dt.datetime.fromisoformat(first["payload"].split('"')[3])
    desk.book(taken, Patient("Someone Else", "+12125550199", None), "someone-else")

    replies = assistant.say("booker-2", first["payload"])
    assert "someone has just booked that time" in texts(replies)
    assert first["payload"] not in [b["payload"] for b in buttons(replies)]
    replies = assistant.say("booker-2", buttons(replies)[0]["payload"])
    assistant.say("booker-2", "Ben Jones")
    replies = assistant.say("booker-2", "ben@example.com")
    assert "Shall I book it?" in texts(replies)
    # A change of mind at the summary books nothing, and stopping ends the booking.
    replies = assistant.say("booker-2", "/deny")
    assert "nothing is booked" in texts(replies)
    replies = assistant.say("booker-2", "stop")
    assert "Nothing has been booked" in texts(replies)
    tracker = assistant.tracker("booker-2", assistant.token)
    assert tracker["slots"]["booking_reference"] is None and not tracker["active_loop"]
    assert [n for n in store(assistant).notices() if "Ben Jones" in n.body] == []


def test_a_greeting_mid_booking_asks_again_and_afternoon_answers_when(
    assistant: Assistant,
) -> None:
    through_the_intake(assistant, "booker-4")
    assistant.say("booker-4", "yes please")
    replies = assistant.say("booker-4", "hello")
    # The question again, in fewer words than the first time.
    assert "would suit you" in texts(replies) and "Tell me in your own words" not in texts(replies)
    replies = assistant.say("booker-4", "afternoon")
    latest = assistant.tracker("booker-4", assistant.token)["latest_message"]
    assert latest["intent"]["name"] == "greet"  # the words alone read as a greeting
    times = buttons(replies)
    assert times[-1]["title"] == "Other times" and len(times) >= 2
    assert all(dt.datetime.fromisoformat(t["payload"].split('"')[3]).hour >= 12 for t in times[:-1])


def test_asking_to_book_first_runs_the_intake_first(assistant: Assistant) -> None:
    replies = assistant.say("booker-3", "I'd like to book an appointment")
    assert "A few quick questions first" in texts(replies)
    assert "Where does it hurt" in texts(replies)


def test_the_load_tests_patient_books_then_cancels(assistant: Assistant) -> None:
    # `make bench` plays this conversation with many patients at once: it must stay whole.
    sent = book_and_cancel(lambda text: assistant.say("bench-patient", text), random.Random(7))
    assert sent >= 15  # greeting, pain, the intake and screens, booking, cancelling
    assert [b.status for b in store(assistant).for_conversation("bench-patient")] == ["cancelled"]
