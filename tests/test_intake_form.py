"""The intake form's validation action, with real trackers."""

from __future__ import annotations

import asyncio

import pytest
from conftest import DOMAIN, make_tracker, said

from actions.intake import ValidateIntakeForm
from clinic.intake import MOVING_ON, REASK

form = ValidateIntakeForm()


def required(**slots: object) -> list[str]:
    from rasa_sdk.executor import CollectingDispatcher

    tracker = make_tracker(slots=slots)
    return asyncio.run(form.required_slots([], CollectingDispatcher(), tracker, DOMAIN))


def test_asks_side_only_for_a_limb_or_paired_joint() -> None:
    assert "side" not in required(body_part="lower_back")
    assert "side" in required(body_part="knee")
    assert "side" in required(body_part="lower_back", radiates_to="leg", pain_radiates=True)


def test_asks_where_it_spreads_only_when_it_spreads() -> None:
    assert "radiates_to" in required(body_part="neck", pain_radiates=True)
    assert "radiates_to" not in required(body_part="neck", pain_radiates=False)


def test_no_intake_for_a_complaint_dry_needling_does_not_treat() -> None:
    assert required(other_complaint="skin") == []


def test_body_part_synonym_is_made_canonical(dispatcher) -> None:
    tracker = make_tracker(text="lumbar", requested_slot="body_part")
    result = form.validate_body_part("lumbar", dispatcher, tracker, DOMAIN)
    assert result["body_part"] == "lower_back"
    assert dispatcher.messages == []


def test_nonsense_body_part_is_asked_again_then_skipped(dispatcher) -> None:
    tracker = make_tracker(text="banana", intent="out_of_scope", requested_slot="body_part")
    first = form.validate_body_part("banana", dispatcher, tracker, DOMAIN)
    assert first == {"body_part": None, "failed_attempts": 1}
    assert said(dispatcher) == REASK["body_part"]

    dispatcher.messages.clear()
    tracker = make_tracker(
        text="banana", intent="out_of_scope", requested_slot="body_part",
        slots={"failed_attempts": 1},
    )  # fmt: skip
    second = form.validate_body_part("banana", dispatcher, tracker, DOMAIN)
    assert second["intake_skipped"] == ["body_part"]
    assert said(dispatcher) == MOVING_ON


def test_banana_for_severity_explains_the_scale(dispatcher) -> None:
    tracker = make_tracker(text="banana", intent="out_of_scope", requested_slot="pain_severity")
    result = form.validate_pain_severity("banana", dispatcher, tracker, DOMAIN)
    assert result["pain_severity"] is None
    assert "0 to 10" in said(dispatcher)


@pytest.mark.parametrize(
    ("answer", "expected"), [("7", 7), ("about a six", 6), ("8/10", 8), ("unbearable", 10)]
)
def test_severity_answers(dispatcher, answer: str, expected: float) -> None:
    tracker = make_tracker(text=answer, intent="inform", requested_slot="pain_severity")
    assert form.validate_pain_severity(answer, dispatcher, tracker, DOMAIN)["pain_severity"] == (
        expected
    )


def test_severity_above_ten_is_not_accepted(dispatcher) -> None:
    tracker = make_tracker(text="15", intent="inform", requested_slot="pain_severity")
    assert form.validate_pain_severity("15", dispatcher, tracker, DOMAIN)["pain_severity"] is None
    assert "0 to 10" in said(dispatcher)


def test_duration_keeps_the_words_and_counts_days(dispatcher) -> None:
    tracker = make_tracker(text="3 weeks", intent="inform", requested_slot="pain_duration")
    result = form.validate_pain_duration("3 weeks", dispatcher, tracker, DOMAIN)
    assert result["pain_duration"] == "3 weeks"
    assert result["pain_duration_days"] == 21


def test_not_sure_skips_the_question_at_once(dispatcher) -> None:
    tracker = make_tracker(text="not sure", intent="inform", requested_slot="pain_quality")
    result = form.validate_pain_quality("not sure", dispatcher, tracker, DOMAIN)
    assert result["intake_skipped"] == ["pain_quality"]
    assert said(dispatcher) == MOVING_ON


def test_a_correction_is_confirmed(dispatcher) -> None:
    tracker = make_tracker(
        text="actually it's my right side",
        intent="inform",
        entities=[{"entity": "side", "value": "right", "start": 21, "end": 26}],
        earlier_slots={"side": "left", "body_part": "knee"},
        requested_slot="pain_quality",
    )
    assert form.validate_side("right", dispatcher, tracker, DOMAIN)["side"] == "right"
    assert "changed that to the right side" in said(dispatcher)


def test_a_correction_is_not_scolded_as_a_bad_answer(dispatcher) -> None:
    text = "actually it's my right side"
    tracker = make_tracker(
        text=text,
        intent="inform",
        entities=[{"entity": "side", "value": "right", "start": 21, "end": 26}],
        requested_slot="pain_severity",
    )
    assert form.validate_pain_severity(text, dispatcher, tracker, DOMAIN) == {"pain_severity": None}
    assert dispatcher.messages == []


def test_yes_and_no_to_spreading(dispatcher) -> None:
    yes = make_tracker(text="yes", intent="affirm", requested_slot="pain_radiates")
    no = make_tracker(text="nope", intent="deny", requested_slot="pain_radiates")
    assert form.validate_pain_radiates("yes", dispatcher, yes, DOMAIN)["pain_radiates"] is True
    assert form.validate_pain_radiates("nope", dispatcher, no, DOMAIN)["pain_radiates"] is False


def test_a_body_part_named_when_asked_about_spreading_is_where_it_spreads(dispatcher) -> None:
    tracker = make_tracker(
        text="yes my foot",
        intent="affirm",
        entities=[{"entity": "body_part", "value": "foot", "start": 7, "end": 11}],
        earlier_slots={"body_part": "lower_back"},
        requested_slot="pain_radiates",
    )
    result = form.validate_body_part("foot", dispatcher, tracker, DOMAIN)
    assert result == {"body_part": "lower_back", "radiates_to": "foot", "pain_radiates": True}


def test_where_it_spreads_in_free_text(dispatcher) -> None:
    tracker = make_tracker(text="down my left leg", intent="inform", requested_slot="radiates_to")
    result = form.validate_radiates_to("down my left leg", dispatcher, tracker, DOMAIN)
    assert result["radiates_to"] == "leg"
    assert result["pain_radiates"] is True


def test_the_red_flag_screen_comes_before_how_long(dispatcher) -> None:
    tracker = make_tracker(slots={"body_part": "neck", "pain_quality": "aching"})
    tracker.slots["pain_radiates"] = False
    event = asyncio.run(form.next_requested_slot(dispatcher, tracker, DOMAIN))
    assert event["value"] == "red_flag_screen"


def test_the_next_question_skips_answered_and_skipped_ones(dispatcher) -> None:
    tracker = make_tracker(
        slots={
            "body_part": "neck", "pain_quality": "aching", "intake_skipped": ["pain_radiates"],
            "red_flag_screen": True,
        }
    )  # fmt: skip
    event = asyncio.run(form.next_requested_slot(dispatcher, tracker, DOMAIN))
    assert event == {"event": "slot", "timestamp": None, "name": "requested_slot",
                     "value": "pain_duration"}  # fmt: skip


def test_the_form_ends_when_only_skipped_questions_are_open(dispatcher) -> None:
    tracker = make_tracker(
        slots={
            "body_part": "neck", "pain_quality": "aching", "pain_radiates": False,
            "pain_duration": "2 weeks", "intake_skipped": ["pain_severity"],
            "red_flag_screen": True, "contraindication_screen": "none",
        }
    )  # fmt: skip
    event = asyncio.run(form.next_requested_slot(dispatcher, tracker, DOMAIN))
    assert event["value"] is None


def test_a_late_answer_to_a_skipped_question_is_still_validated() -> None:
    assert "pain_duration" in required(body_part="neck", intake_skipped=["pain_duration"])


def test_where_it_spreads_is_checked_when_said_in_the_first_message() -> None:
    assert "radiates_to" in required(body_part="lower_back", radiates_to="leg")


def test_one_contraindication_named_on_the_way_still_leaves_the_checklist(dispatcher) -> None:
    tracker = make_tracker(
        slots={
            "body_part": "knee", "side": "left", "pain_quality": "aching", "pain_radiates": False,
            "pain_duration": "2 weeks", "pain_severity": 4, "contraindications": ["needle_phobia"],
            "red_flag_screen": True,
        }
    )  # fmt: skip
    event = asyncio.run(form.next_requested_slot(dispatcher, tracker, DOMAIN))
    assert event["value"] == "contraindication_screen"
