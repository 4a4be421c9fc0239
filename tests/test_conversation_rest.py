"""End to end: both servers started as `make run` starts them, a patient on the REST channel.

Needs the trained model (`make e2e` trains first). Uses free ports and a temporary SQLite
tracker store, so it never touches a running assistant or its data.
"""

from __future__ import annotations

import sqlite3
import urllib.error

import pytest

from bench.patient import texts
from tests.running_assistant import Assistant

pytestmark = pytest.mark.e2e


def test_from_a_pain_description_to_the_consultation_offer(assistant: Assistant) -> None:
    replies = assistant.say(
        "patient-1", "sharp pain in my lower back shooting down my left leg for 3 weeks"
    )
    # Where, how and how long are known: severity, the one fact still unknown, comes next.
    assert "0 (no pain) to 10" in texts(replies)
    replies = assistant.say("patient-1", "banana")
    assert "number from 0 to 10" in texts(replies)

    # Then the low back's red-flag screen, as two checklists of four.
    replies = assistant.say("patient-1", "about a 7")
    assert "do you have any of these?" in texts(replies)
    assert "numbness around your bottom" in texts(replies)
    assert [b["title"] for b in replies[-1]["buttons"]] == ["No", "Yes", "I'm not sure"]
    replies = assistant.say("patient-1", "no")
    assert "cancer" in texts(replies)
    replies = assistant.say("patient-1", "none of those")
    assert "do any of these apply to you" in texts(replies)  # the contraindication checklist
    replies = assistant.say("patient-1", "none of these")
    answer = texts(replies)
    assert "spreading to your leg" in answer
    assert "not a diagnosis" in answer
    assert "free consultation" in answer
    assert [b["title"] for b in replies[-1]["buttons"]] == ["Yes, please", "No, thanks"]

    slots = assistant.tracker("patient-1", assistant.token)["slots"]
    assert slots["body_part"] == "lower_back"
    assert slots["side"] == "left"
    assert slots["radiates_to"] == "leg"
    assert slots["pain_radiates"] is True
    assert slots["pain_duration_days"] == 21
    assert slots["pain_severity"] == 7
    assert slots["tdn_fit"] == "assess_first"
    assert slots["triage_level"] == "routine"
    assert slots["red_flags"] == []
    assert slots["contraindication_screen"] == "none"

    replies = assistant.say("patient-1", "yes please")
    assert "When would suit you?" in texts(replies)  # booking starts (tests/test_booking_rest.py)
    assert assistant.tracker("patient-1", assistant.token)["slots"]["consultation_requested"]


def test_a_question_mid_form_then_back_to_the_question(assistant: Assistant) -> None:
    assistant.say("patient-2", "my neck has been really stiff")
    replies = assistant.say("patient-2", "does dry needling hurt?")
    answer = texts(replies)
    assert "twitch" in answer  # the answer about pain during needling
    assert "spread" in answer  # and the intake question again


def test_the_api_needs_the_token(assistant: Assistant) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        assistant.tracker("patient-1", None)
    assert refused.value.code == 401


def test_conversations_are_stored_in_the_sql_tracker_store(assistant: Assistant) -> None:
    assistant.say("patient-3", "my knee aches")
    with sqlite3.connect(assistant.database) as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}
    assert {"patient-1", "patient-3"} <= senders
