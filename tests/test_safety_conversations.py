"""End to end: safety in whole conversations, as patients write (REST channel).

Written before the behaviour they test (issue 22) and not from the evaluation sets: a
direct question when a message touches a red-flag topic, answers that describe or shrug,
advice whenever the level rises, and the advice kept in front after an emergency.
"""

from __future__ import annotations

import itertools

import pytest

from bench.patient import buttons, texts
from tests.running_assistant import EMERGENCY_NUMBER, Assistant

pytestmark = pytest.mark.e2e

_senders = itertools.count()
CALL_NOW = f"call {EMERGENCY_NUMBER} now"


class Patient:
    """One conversation with the running assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.sender = f"safety-talk-{next(_senders)}"
        self.last: list[dict] = []

    def says(self, text: str) -> str:
        self.last = self.assistant.say(self.sender, text)
        return texts(self.last)

    @property
    def slots(self) -> dict:
        return self.assistant.tracker(self.sender, self.assistant.token)["slots"]


def test_a_touched_topic_gets_one_direct_question_first(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("my lower back is killing me and I keep running to the loo")
    # The question is the last thing said, with buttons, and nothing talks over it.
    assert "pass urine" in patient.last[-1]["text"]
    assert [b["title"] for b in buttons(patient.last)] == ["Yes", "No"]
    assert patient.slots["direct_question"] == "check_bladder"
    assert CALL_NOW not in reply
    reply = patient.says("yeah a bit, I leaked yesterday and didn't notice")
    assert CALL_NOW in reply
    assert patient.slots["triage_level"] == "emergency"
    assert "cauda_equina" in patient.slots["red_flags"]


def test_a_no_to_the_direct_question_resumes_the_intake(assistant: Assistant) -> None:
    patient = Patient(assistant)
    patient.says("my lower back is killing me and I keep running to the loo")
    reply = patient.says("no, nothing like that")
    assert "Thank you" in reply
    assert patient.slots["triage_level"] is None
    assert "bladder_or_bowel_control" in patient.slots["denied_signs"]
    # The intake carries on with its next question.
    assert patient.slots["requested_slot"] is not None
    assert patient.slots["body_part"] == "lower_back"


def test_after_an_emergency_the_advice_stays_in_front(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("there's a heavy pressure on my chest and I'm all sweaty")
    assert CALL_NOW in reply
    reply = patient.says("is it really that serious?")
    assert reply.startswith("Yes, it really can't wait")
    assert CALL_NOW in reply
    reply = patient.says("can I wait till tomorrow and see the physio instead?")
    assert reply.startswith("Please go: this shouldn't wait")
    assert CALL_NOW in reply
    assert "rare" not in reply
    reply = patient.says("can I book a consultation for tomorrow?")
    assert CALL_NOW in reply
    assert patient.slots.get("booking_reference") is None
    assert "When would suit you" not in reply


def test_a_known_flag_that_becomes_an_emergency_is_advised(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("my chest hurts")
    assert "doctor today" in reply
    reply = patient.says("yes, it feels tight and goes into my left arm")
    assert CALL_NOW in reply
    assert patient.slots["triage_level"] == "emergency"


def to_the_back_screen(patient: Patient, first: str) -> str:
    """Walks a lower-back intake to its first red-flag checklist."""
    reply = patient.says(first)
    for _ in range(5):
        if "numbness around your bottom" in reply:
            break
        reply = patient.says("5" if "0 (no pain) to 10" in reply else "no")
    assert "do you have any of these?" in reply and "numbness around your bottom" in reply, reply
    return reply


def start_back_screen(patient: Patient) -> str:
    """Walks a lower-back intake to the screen's first question asked on its own: a "not
    sure" to the checklist asks its lines one by one."""
    to_the_back_screen(patient, "my lower back has ached for six weeks")
    reply = patient.says("not sure")
    assert reply.startswith("Since this started") or "Since this started" in reply, reply
    assert [b["title"] for b in buttons(patient.last)] == ["Yes", "No"]
    return reply


def test_a_description_answering_a_screen_question_is_read(assistant: Assistant) -> None:
    patient = Patient(assistant)
    start_back_screen(patient)
    reply = patient.says("no")
    assert "trouble peeing" in reply
    duration = patient.slots["pain_duration"]
    reply = patient.says("the last few days I feel like I need to go but barely anything comes out")
    assert CALL_NOW in reply
    # The answer is about the bladder: how long the back has hurt is unchanged.
    assert patient.slots["pain_duration"] == duration


def test_a_shrug_on_a_screen_question_is_never_skipped(assistant: Assistant) -> None:
    patient = Patient(assistant)
    start_back_screen(patient)
    reply = patient.says("kinda i guess?")
    assert "need to be sure" in reply
    assert "physiotherapist will ask" not in reply
    assert "I'm not sure" in [b["title"] for b in buttons(patient.last)]
    reply = patient.says("not sure")
    assert "can't rule it out" in reply
    assert CALL_NOW in reply
    assert patient.slots["unclear_signs"] == ["saddle_numbness"]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("is it safe for the baby? I'm 14 weeks", "midwife"),
        ("I have a pacemaker, are electric needles OK?", "electrical stimulation"),
        ("I'm on methotrexate and a biologic, is that a problem?", "immune"),
        ("is it OK for my 14-year-old?", "parent or guardian"),
    ],
)
def test_a_safety_question_gets_its_own_answer(
    assistant: Assistant, question: str, words: str
) -> None:
    patient = Patient(assistant)
    reply = patient.says(question)
    assert words in reply
    assert "physiotherapist decides" in reply


def test_upper_back_pain_gets_a_heart_question_not_a_bladder_one(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("pain between my shoulder blades for two weeks")
    said = [reply]
    for _ in range(6):
        if "shoulder blades, do you get chest pain" in reply:
            break
        reply = patient.says("no" if "spread" in reply else "aching")
        said.append(reply)
    assert "chest pain or pressure" in reply, said
    assert not any("bladder" in r or "peeing" in r for r in said)
    reply = patient.says("yes, I get a tight chest going up the stairs")
    assert CALL_NOW in reply


def test_waiting_after_urgent_advice_is_answered_no(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("my lower back hurts and I've had a fever of 38.9 since yesterday")
    assert "doctor today" in reply
    reply = patient.says("my doctor is closed today, can I wait until tomorrow?")
    # Session 35: waiting for a doctor asked in so many words gets its "no" first.
    assert reply.startswith("No, please don't wait")
    assert "urgent care" in reply
    assert "book" not in reply.lower()


def test_a_mistaken_yes_is_asked_again_and_a_no_resumes_the_screen(assistant: Assistant) -> None:
    patient = Patient(assistant)
    to_the_back_screen(patient, "lower back pain on the left since I lifted a box, aching")
    patient.says("not sure")  # the checklist's lines, one by one
    assert patient.slots["requested_slot"] == "red_flag_screen"
    asked = patient.slots["screen_question"]
    reply = patient.says("/affirm")
    assert CALL_NOW in reply
    # The misclick: asked once more, and the advice is not taken back yet.
    reply = patient.says("sorry wrong button, I meant no")
    assert "answer once more" in reply
    assert patient.slots["triage_level"] == "emergency"
    assert [b["title"] for b in buttons(patient.last)] == ["Yes", "No"]
    reply = patient.says("no")
    assert "putting that right" in reply
    assert f"call {EMERGENCY_NUMBER}" in reply  # what to do if it does happen
    slots = patient.slots
    assert slots["triage_level"] != "emergency"
    assert slots["corrected_signs"] == ["saddle_numbness"] == [asked]
    assert "saddle_numbness" not in slots["warning_signs"]
    # The screen carries on with its next question: nothing skipped.
    assert slots["requested_slot"] == "red_flag_screen"
    assert slots["screen_question"] != asked


def test_crisis_in_words_no_rule_lists_gets_the_safety_question(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says(
        "my neck has been bad for months and I think my family would cope fine without me"
    )
    assert "check you're safe" in reply
    assert patient.slots["direct_question"] == "check_safe"
    reply = patient.says("yes sometimes")
    assert patient.slots["triage_level"] == "emergency"
    assert "suicidal_thoughts" in patient.slots["red_flags"]
    assert CALL_NOW in reply


def test_calf_pain_then_breathlessness_later_is_an_emergency(assistant: Assistant) -> None:
    patient = Patient(assistant)
    reply = patient.says("since my knee op my right calf has been sore and tight")
    assert CALL_NOW not in reply
    reply = patient.says("oh and I get out of breath just walking to the kitchen since yesterday")
    assert CALL_NOW in reply
    assert patient.slots["triage_level"] == "emergency"
    assert "dvt" in patient.slots["red_flags"]
