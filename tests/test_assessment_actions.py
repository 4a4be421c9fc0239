"""The assessment and consultation actions, with real trackers."""

from __future__ import annotations

import asyncio

from conftest import DOMAIN, make_tracker, said

from actions.assessment import ActionAssessTdnFit, ActionRecordConsultationAnswer
from clinic.assessment import NOT_A_DIAGNOSIS


def slots_of(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_neck_pain_gets_a_fit_an_explanation_and_the_offer(dispatcher) -> None:
    tracker = make_tracker(
        slots={
            "body_part": "neck", "pain_quality": "tightness", "pain_radiates": False,
            "pain_duration": "3 weeks", "pain_duration_days": 21, "pain_severity": 5,
        }
    )  # fmt: skip
    events = asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert slots_of(events) == {
        "tdn_fit": "likely",
        "consultation_offered": True,
        "triage_level": "routine",
    }
    text = said(dispatcher)
    assert "tight pain in your neck" in text
    assert "exercise" in text
    assert NOT_A_DIAGNOSIS in text


def test_sciatica_like_pain_must_be_assessed_first(dispatcher) -> None:
    tracker = make_tracker(
        slots={
            "body_part": "lower_back", "side": "left", "pain_quality": "shooting",
            "pain_radiates": True, "radiates_to": "leg", "pain_duration": "3 weeks",
            "pain_severity": 7,
        }
    )  # fmt: skip
    events = asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert slots_of(events)["tdn_fit"] == "assess_first"
    assert "spreading to your leg" in said(dispatcher)


def test_a_stomach_complaint_is_not_for_needling_and_gets_no_offer(dispatcher) -> None:
    tracker = make_tracker(slots={"other_complaint": "stomach"})
    events = asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert slots_of(events) == {
        "tdn_fit": "not_advised",
        "consultation_offered": False,
        "triage_level": "routine",
    }
    assert NOT_A_DIAGNOSIS in said(dispatcher)


def test_yes_records_the_wish_and_no_does_not(dispatcher) -> None:
    action = ActionRecordConsultationAnswer()
    yes = asyncio.run(action.run(dispatcher, make_tracker(intent="affirm"), DOMAIN))
    no = asyncio.run(action.run(dispatcher, make_tracker(intent="deny"), DOMAIN))
    booking = asyncio.run(action.run(dispatcher, make_tracker(intent="request_booking"), DOMAIN))
    assert slots_of(yes) == {"consultation_requested": True, "consultation_offered": False}
    assert slots_of(no) == {"consultation_requested": False, "consultation_offered": False}
    assert slots_of(booking)["consultation_requested"] is True


def test_booking_first_after_advice_never_says_nothing_needs_a_doctor(dispatcher, desk) -> None:
    base = {
        "booking_first": True,
        "body_part": "knee",
        "denied_signs": ["knee_warning", "fever", "trauma"],
        "contraindication_screen": "none",
    }
    tracker = make_tracker(slots={**base, "triage_level": "routine"})
    events = asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert "utter_screen_done_to_booking" in said(dispatcher)
    assert {"event": "followup", "timestamp": None, "name": "booking_form"} in events
    dispatcher.messages.clear()
    # A yes taken back earlier: the advice given then still stands in what is said now.
    tracker = make_tracker(slots={**base, "triage_level": "routine", "corrected_signs": ["trauma"]})
    asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert "utter_screen_done_after_advice" in said(dispatcher)
    assert "utter_screen_done_to_booking" not in said(dispatcher)
