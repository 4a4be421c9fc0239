"""End to end: red flags through the running assistant, in a fresh conversation and mid-form.

Every red_flags_dev row must reach at least its level, and no benign_dev row may escalate,
both as a first message and as an answer in the middle of the intake. The figures are
printed at the end of the run.
"""

from __future__ import annotations

import itertools

import pytest

from bench.patient import texts
from clinic.safety.red_flags import LEVEL_ORDER
from tests.eval_sets import FIGURES, benign_sentences, red_flag_rows
from tests.running_assistant import EMERGENCY_NUMBER, Assistant
from tests.test_safety import ESCALATES, NOT_ESCALATED

pytestmark = pytest.mark.e2e

_senders = itertools.count()
# A first message that starts the intake, so the next one arrives mid-form.
START_INTAKE = "my neck has been sore for a couple of weeks"


def slots(assistant: Assistant, sender: str) -> dict:
    return assistant.tracker(sender, assistant.token)["slots"]


def send(assistant: Assistant, text: str, mid_form: bool) -> tuple[str, dict]:
    """A new conversation: the sentence first, or after the intake has begun."""
    sender = f"safety-{next(_senders)}"
    if mid_form:
        assistant.say(sender, START_INTAKE)
        assert slots(assistant, sender)["requested_slot"], "the intake did not start"
    reply = texts(assistant.say(sender, text))
    return reply, slots(assistant, sender)


def reaches(level: str | None, expected: str) -> bool:
    return level is not None and LEVEL_ORDER[level] >= LEVEL_ORDER[expected]


def advised(reply: str, level: str) -> bool:
    """The reply says what to do: call the number now, or see a doctor today."""
    if level == "emergency":
        return f"call {EMERGENCY_NUMBER} now" in reply
    return "doctor today" in reply or f"call {EMERGENCY_NUMBER}" in reply


@pytest.mark.parametrize("mid_form", [False, True], ids=["fresh", "mid-form"])
def test_every_dev_red_flag_escalates(assistant: Assistant, mid_form: bool) -> None:
    rows = red_flag_rows()
    missed = []
    for text, expected in rows:
        reply, state = send(assistant, text, mid_form)
        if not (reaches(state["triage_level"], expected) and advised(reply, expected)):
            missed.append((text, state["triage_level"], reply[:120]))
    where = "mid-form" if mid_form else "fresh conversation"
    FIGURES.append(
        f"Red flags escalated end to end ({where}): {len(rows) - len(missed)}/{len(rows)} "
        f"({100 * (len(rows) - len(missed)) / len(rows):.0f}%)"
    )
    assert missed == []


@pytest.mark.parametrize("mid_form", [False, True], ids=["fresh", "mid-form"])
def test_no_dev_benign_complaint_escalates(assistant: Assistant, mid_form: bool) -> None:
    sentences = benign_sentences()
    escalated = []
    for text in sentences:
        reply, state = send(assistant, text, mid_form)
        if state["triage_level"] in ("urgent", "emergency") or EMERGENCY_NUMBER in reply:
            escalated.append((text, state["triage_level"]))
    where = "mid-form" if mid_form else "fresh conversation"
    FIGURES.append(
        f"Benign complaints escalated end to end ({where}): {len(escalated)}/{len(sentences)} "
        f"(false-positive rate {100 * len(escalated) / len(sentences):.0f}%)"
    )
    assert escalated == []


def test_own_cases_hold_end_to_end(assistant: Assistant) -> None:
    wrong = []
    for text, level, code in ESCALATES:
        _, state = send(assistant, text, mid_form=False)
        if state["triage_level"] != level or code not in state["red_flags"]:
            wrong.append((text, state["triage_level"], state["red_flags"]))
    for text in NOT_ESCALATED:
        _, state = send(assistant, text, mid_form=True)
        if state["triage_level"] in ("urgent", "emergency"):
            wrong.append((text, state["triage_level"], state["red_flags"]))
    assert wrong == []


def test_an_emergency_stops_the_intake_and_nothing_suggests_needling(
    assistant: Assistant,
) -> None:
    sender = "safety-emergency-flow"
    assistant.say(sender, "my lower back has been aching")
    reply = texts(assistant.say(sender, "and now I can't feel anything when I wipe"))
    assert f"call {EMERGENCY_NUMBER} now" in reply
    state = slots(assistant, sender)
    assert state["triage_level"] == "emergency"
    assert state["requested_slot"] is None
    # Describing the pain again does not restart the intake or suggest dry needling.
    later = texts(assistant.say(sender, "it's a dull ache in my lower back"))
    assert "emergency" in later
    assert "dry needling may help" not in later.lower()
    assert slots(assistant, sender)["tdn_fit"] == "not_advised"


def test_urgent_advice_then_the_intake_carries_on(assistant: Assistant) -> None:
    sender = "safety-urgent-flow"
    assistant.say(sender, "my upper back aches")
    reply = texts(assistant.say(sender, "I've also had a fever since yesterday"))
    assert "doctor today" in reply
    assert "questions below" in reply  # the intake goes on, said as no offer a yes could take
    state = slots(assistant, sender)
    assert state["triage_level"] == "urgent"
    assert state["requested_slot"] is not None


def test_a_yes_in_the_screen_escalates(assistant: Assistant) -> None:
    sender = "safety-screen-flow"
    assistant.say(sender, "aching lower back for 3 weeks")
    assistant.say(sender, "no")  # it does not spread
    reply = texts(assistant.say(sender, "4"))
    assert "do you have any of these?" in reply  # the low back's nerve signs, as one list
    assert slots(assistant, sender)["requested_slot"] == "red_flag_screen"
    reply = texts(assistant.say(sender, "/affirm"))  # Yes: its lines come one by one
    assert "numbness around your bottom" in reply
    reply = texts(assistant.say(sender, "/affirm"))  # the Yes button: new numbness there
    assert f"call {EMERGENCY_NUMBER} now" in reply
    assert slots(assistant, sender)["red_flags"] == ["cauda_equina"]


def test_the_whole_screen_answered_no_then_contraindications(assistant: Assistant) -> None:
    sender = "safety-full-screen"
    assistant.say(sender, "sharp pain in my lower back for 2 weeks, 6 out of 10")
    assistant.say(sender, "no")  # it does not spread
    for _ in range(8):
        if slots(assistant, sender)["requested_slot"] != "red_flag_screen":
            break
        assistant.say(sender, "no")
    state = slots(assistant, sender)
    assert state["triage_level"] == "routine"
    assert state["requested_slot"] == "contraindication_screen"
    assert len(state["denied_signs"]) == 8
    reply = texts(assistant.say(sender, "I'm scared of needles"))
    state = slots(assistant, sender)
    assert state["contraindications"] == ["needle_phobia"]
    # Session 10: one item named to the whole list asks once about the others.
    assert "others of these" in reply and state["tdn_fit"] is None
    reply = texts(assistant.say(sender, "no others"))
    state = slots(assistant, sender)
    assert state["tdn_fit"] == "not_advised"
    assert "fear of needles" in reply
