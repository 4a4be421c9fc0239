"""End to end: an urgent conversation ends with a call-back in the staff's queue when the
patient agrees, with its notice, and the advice to see a doctor today said with it."""

from __future__ import annotations

import pytest

from bench.patient import texts
from clinic.booking_store import BookingStore, OutboxMessage
from clinic.records.callbacks import URGENT_ADVICE, WAITING, CallBackStore
from tests.running_assistant import Assistant

pytestmark = pytest.mark.e2e


def test_an_urgent_conversation_ends_with_a_call_back_in_the_queue(assistant: Assistant) -> None:
    sender = "callback-urgent"
    replies = assistant.say(
        sender, "my lower back has hurt for 6 weeks, it's worst at night and I've lost weight"
        " without trying"
    )  # fmt: skip
    assert assistant.tracker(sender, assistant.token)["slots"]["triage_level"] == "urgent"
    assert "call me back" in texts(replies)  # the way to a call is said with the advice
    replies = assistant.say(sender, "could someone from the clinic ring me about it")
    assert "doctor today" in texts(replies)
    assistant.say(sender, "Ruth Okafor, 646 555 0182")
    replies = assistant.say(sender, "after 4 today")
    assert "Shall the clinic call Ruth Okafor" in texts(replies)
    replies = assistant.say(sender, "/affirm")
    assert "call Ruth Okafor" in texts(replies) and "doctor today" in texts(replies)
    [queued] = CallBackStore(f"sqlite:///{assistant.database}").for_conversation(sender)
    assert (queued.patient_name, queued.phone) == ("Ruth Okafor", "+16465550182")
    assert (queued.reason, queued.triage_level, queued.status) == (URGENT_ADVICE, "urgent", WAITING)
    assert queued.preferred_time == "after 4 today"
    with BookingStore(f"sqlite:///{assistant.database}").engine.connect() as connection:
        notices = connection.execute(
            OutboxMessage.__table__.select().where(OutboxMessage.callback_id == queued.id)
        ).all()
    assert len(notices) == 1 and "Ruth Okafor" in notices[0].subject
