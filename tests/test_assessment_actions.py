"""The assessment and consultation actions, with real trackers."""

from __future__ import annotations

import asyncio

import pytest
from conftest import DOMAIN, make_tracker, said, sent

from actions.assessment import (
    ActionAfterDeclinedOffer,
    ActionAssessTdnFit,
    ActionRecordConsultationAnswer,
)
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
    assert slots_of(yes) == {"consultation_requested": True, "consultation_offered": False,
                             "offer_declined": False}  # fmt: skip
    assert slots_of(no) == {"consultation_requested": False, "consultation_offered": False,
                            "offer_declined": True}  # fmt: skip
    assert slots_of(booking)["consultation_requested"] is True


# Session 33, written before the change (outside run 103 p03: "no no, I dont have
# lymphoedema, I never have surgery. I only ask what is the word. Only pregnant." to the
# offer was taken as "No, thanks", and the booking she wanted was lost). A no that puts the
# notes right is no answer to the offer: the summary and the offer come again.
def test_a_no_that_puts_a_precaution_right_is_no_answer_to_the_offer(dispatcher) -> None:
    tracker = make_tracker(
        text="no, I don't have epilepsy, I was only asking what it was", intent="deny",
        slots={"contraindications": ["pregnancy"]},
        earlier_slots={"contraindications": ["pregnancy", "epilepsy"]},
    )  # fmt: skip
    events = asyncio.run(ActionRecordConsultationAnswer().run(dispatcher, tracker, DOMAIN))
    assert {"event": "followup", "timestamp": None, "name": "intake_form"} in events, events
    assert not slots_of(events).get("offer_declined"), events


# Session 9, written before the change: "actually yes, saturday at 10 please" after "no
# thanks" to the offer got "Sorry, I didn't quite understand".
@pytest.mark.parametrize(
    "text",
    ["actually yes, saturday at 10 please", "i've changed my mind, can we do monday at 9",
     "on second thoughts yes please"],
)  # fmt: skip
def test_a_change_of_mind_after_declining_starts_the_booking(dispatcher, desk, text) -> None:
    tracker = make_tracker(
        slots={"offer_declined": True, "tdn_fit": "likely", "triage_level": "routine"},
        text=text, intent="affirm",
    )  # fmt: skip
    events = asyncio.run(ActionAfterDeclinedOffer().run(dispatcher, tracker, DOMAIN))
    slots = slots_of(events)
    assert slots["booking_readiness"] == "ready" and slots["offer_declined"] is False
    assert any(e.get("event") == "followup" and e.get("name") == "booking_form" for e in events)


def test_a_plain_ok_after_declining_books_nothing(dispatcher, desk) -> None:
    tracker = make_tracker(slots={"offer_declined": True, "tdn_fit": "likely"}, text="ok",
                           intent="affirm")  # fmt: skip
    events = asyncio.run(ActionAfterDeclinedOffer().run(dispatcher, tracker, DOMAIN))
    assert slots_of(events) == {"consultation_offered": False, "offer_declined": True}
    assert not any(e.get("event") == "followup" for e in events)
    # A plain yes is asked about, not taken as a booking.
    tracker = make_tracker(slots={"offer_declined": True, "tdn_fit": "likely"}, text="yes",
                           intent="affirm")  # fmt: skip
    events = asyncio.run(ActionAfterDeclinedOffer().run(dispatcher, tracker, DOMAIN))
    assert slots_of(events) == {"consultation_offered": True, "offer_declined": False}


def test_booking_first_after_advice_never_says_nothing_needs_a_doctor(dispatcher, desk) -> None:
    base = {
        "booking_first": True,
        "body_part": "knee",
        "denied_signs": ["knee_warning", "fever", "trauma"],
        "contraindication_screen": "none",
    }
    tracker = make_tracker(slots={**base, "triage_level": "routine"})
    events = asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert "utter_screen_done_to_booking" in sent(dispatcher)
    assert {"event": "followup", "timestamp": None, "name": "booking_form"} in events
    dispatcher.messages.clear()
    # A yes taken back earlier: what is said now never sounds as if nothing ever needed a
    # doctor; nor does it ask to follow advice the patient put right (session 33, outside run
    # 101 p05: "Please follow the advice I gave you about seeing a doctor first" after "there
    # was no fall" got "what advice?? do I need a doctor or not").
    tracker = make_tracker(slots={**base, "triage_level": "routine", "corrected_signs": ["trauma"]})
    asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert "utter_screen_done_put_right" in sent(dispatcher)
    assert "utter_screen_done_to_booking" not in sent(dispatcher)
    assert "utter_screen_done_after_advice" not in sent(dispatcher)
    dispatcher.messages.clear()
    # Advice that stands is still asked to be followed.
    tracker = make_tracker(slots={**base, "triage_level": "routine", "red_flags": ["fracture"]})
    asyncio.run(ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN))
    assert "utter_screen_done_after_advice" in sent(dispatcher)


# Session 9 (outside run 13): "yes thanks bye" once booked got "Sorry, I didn't quite
# understand".
@pytest.mark.parametrize(
    ("text", "response"),
    [("yes thanks bye", "utter_goodbye"), ("yes, see you then!", "utter_goodbye"),
     ("purple monkey", "utter_default"),
     # Session 29, written before the change (outside run 79 p08: "Great, see you
     # Thursday." after the booking moved got "Sorry, I didn't quite understand").
     ("lovely, see you on monday.", "utter_goodbye"), ("ok cool see ya tmrw", "utter_goodbye")],
)  # fmt: skip
def test_a_message_no_rule_knows_that_ends_with_a_goodbye_is_one(dispatcher, text, response):
    from actions.fallback import ActionDefaultFallback

    tracker = make_tracker(text=text, intent="affirm")
    events = asyncio.run(ActionDefaultFallback().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages[0]["response"] == response
    reverted = any(event.get("event") == "rewind" for event in events)
    assert reverted is (response == "utter_default")  # only then taken back
    if response == "utter_goodbye":
        # Session 13: then it listens; the fallback came again and said goodbye ten times.
        assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]


def test_not_understood_twice_in_a_row_offers_a_person() -> None:
    """Session 15 (issue 25): the second "sorry, I didn't understand" has a button to a person."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.fallback import ActionDefaultFallback

    def fallback(events: list[dict]) -> list[dict]:
        tracker = Tracker("p", {}, {"text": "blorp", "intent": {"name": "nlu_fallback"}},
                          events, False, None, {}, "")  # fmt: skip
        dispatcher = CollectingDispatcher()
        asyncio.run(ActionDefaultFallback().run(dispatcher, tracker, DOMAIN))
        return dispatcher.messages

    first = [{"event": "user", "text": "blorp"}]
    assert fallback(first)[0]["response"] == "utter_default"
    second = [
        {"event": "user", "text": "xq zv"},
        {"event": "bot", "text": "Sorry...", "metadata": {"utter_action": "utter_default"}},
        {"event": "user", "text": "blorp"},
    ]
    assert fallback(second)[0]["response"] == "utter_default_person"
