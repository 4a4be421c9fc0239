"""The handover in words (clinic.records.handover): every code staff see has words, and each
finding carries the patient's own phrase, or the question a short answer answered."""

from __future__ import annotations

from typing import Any

import pytest

from clinic.records.handover import UNKNOWN, handover
from clinic.safety import red_flags
from clinic.safety.contraindications import CONTRAINDICATIONS
from clinic.safety.staff_words import RED_FLAG_NAMES, SIGN_WORDS


def user(text: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "timestamp": 1.0}


def bot(text: str, *buttons: tuple[str, str]) -> dict[str, Any]:
    data = {"buttons": [{"title": t, "payload": p} for t, p in buttons]}
    return {"event": "bot", "text": text, "data": data, "timestamp": 1.0}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value, "timestamp": 1.0}


def test_every_red_flag_and_sign_the_rules_can_record_has_words() -> None:
    codes = {rule.code for rule in red_flags.RED_FLAGS}
    assert codes <= set(RED_FLAG_NAMES), codes - set(RED_FLAG_NAMES)
    signs = {sign.name for sign in red_flags.SIGNS}
    assert signs <= set(SIGN_WORDS), signs - set(SIGN_WORDS)
    assert all(c.label for c in CONTRAINDICATIONS)


def by_label(findings: Any) -> dict[str, Any]:
    return {f.label: f for f in findings}


# The README's example conversation, shortened: a story, then the screen.
STORY = [
    bot("Hi! Where is your pain?"),
    user("My lower back has been killing me for 3 weeks, it goes down my left leg"),
    slot("body_part", "lower_back"),
    slot("side", "left"),
    slot("pain_radiates", True),
    slot("radiates_to", "leg"),
    slot("pain_duration", "3 weeks"),
    slot("pain_sites", ["lower_back"]),
    bot("How does the pain feel?"),
    user("sharp"),
    slot("pain_quality", "sharp"),
    bot(
        "Thank you. Any numbness around your bottom or genitals, for example when wiping?",
        ("Yes", "/affirm"),
        ("No", "/deny"),
    ),
    user("/affirm"),
    slot("warning_signs", ["saddle_numbness"]),
    slot("red_flags", ["cauda_equina"]),
    slot("triage_level", "emergency"),
]


def test_a_red_flag_is_named_for_clinicians_with_the_answer_that_raised_it() -> None:
    summary = handover(STORY)
    flag = by_label(summary.concerns)["Red flag"]
    assert flag.words == "Possible cauda equina syndrome"
    assert flag.care
    assert flag.said == (
        '"Yes" to "Any numbness around your bottom or genitals, for example when wiping?"'
    )
    triage = by_label(summary.concerns)["Triage"]
    assert triage.words.startswith("Emergency: told to call 911")
    assert by_label(summary.safety)["Warning sign"].words == "Saddle numbness"


def test_the_pain_reads_in_words_with_the_patients_phrase() -> None:
    pain = by_label(handover(STORY).pain)
    assert pain["Where"].words == "Lower back, left side, spreading to the leg"
    assert "killing me for 3 weeks" in pain["Where"].said
    assert pain["How long"].words == "for 3 weeks"
    assert pain["Feels"].words == "Sharp pain"
    assert pain["Feels"].said == '"sharp" to "How does the pain feel?"'
    assert pain["Severity"].words == UNKNOWN  # never asked yet: marked, not left out


def test_a_fact_put_right_shows_the_correction_and_a_skipped_question_says_so() -> None:
    events = [
        *STORY[:9],
        user("actually it's my right side not left"),
        slot("side", "right"),
        bot("On a scale of 0 to 10, how strong is it?"),
        user("skip"),
        slot("intake_skipped", ["pain_severity"]),
    ]
    pain = by_label(handover(events).pain)
    assert pain["Where"].words.startswith("Lower back, right side")
    assert pain["Where"].said.endswith(' · "actually it\'s my right side not left"')
    assert pain["Severity"].words == UNKNOWN
    assert pain["Severity"].note == "patient could not say"


def test_each_list_item_keeps_the_message_that_first_gave_it() -> None:
    events = [
        user("my neck hurts"),
        slot("body_part", "neck"),
        slot("pain_sites", ["neck"]),
        user("and my right shoulder too, since a fall last month"),
        slot("pain_sites", ["neck", "shoulder"]),
        slot("site_sides", {"shoulder": "right"}),
        slot("warning_signs", ["trauma"]),
        bot("Do you take blood thinners?"),
        user("I take warfarin"),
        slot("contraindications", ["anticoagulants"]),
        slot("tdn_fit", "assess_first"),
    ]
    summary = handover(events)
    also = by_label(summary.pain)["Also"]
    assert also.words == "Shoulder, right side"
    assert "since a fall" in also.said
    assert by_label(summary.safety)["Warning sign"].said == (
        '"and my right shoulder too, since a fall last month"'
    )
    needling = by_label(summary.needling)
    assert needling["Contraindication"].words == "Blood thinners or easy bruising (relative)"
    assert needling["Contraindication"].said == '"I take warfarin" to "Do you take blood thinners?"'
    assert needling["Fit"].words.startswith("Assess first")


def test_an_unsure_answer_and_a_taken_back_yes_are_marked() -> None:
    events = [
        bot("Are both legs weak?"),
        user("not sure"),
        slot("unclear_signs", ["both_legs_weak"]),
        slot("warning_signs", ["both_legs_weak"]),
        bot("Any fever?"),
        user("yes"),
        slot("warning_signs", ["both_legs_weak", "fever"]),
        user("sorry I meant no fever"),
        slot("warning_signs", ["both_legs_weak"]),
        slot("corrected_signs", ["fever"]),
    ]
    safety = handover(events).safety
    weak = next(f for f in safety if f.words == "Both legs weak")
    assert weak.note == "unsure answer, taken as possible"
    assert weak.said == '"not sure" to "Are both legs weak?"'
    corrected = by_label(safety)["Said no after yes"]
    assert corrected.words == "Fever or chills"
    assert corrected.said == '"sorry I meant no fever"'


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "x" * 5000, "\u202edlrow"])
def test_a_phrase_is_plain_text_of_bounded_length(text: str) -> None:
    events = [user(text), slot("body_part", "neck")]
    said = by_label(handover(events).pain)["Where"].said
    assert len(said) <= 245
    assert "\u202e" not in said  # a direction override can't turn the console's text around
