"""The intake said back in words: the patient's duration, every place (clinic.intake)."""

from __future__ import annotations

import pytest

from clinic.intake import Intake, duration_words, summarise


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("a few months", "for a few months"),
        ("for years", "for years"),
        ("since about 2 month", "for about 2 months"),
        ("Since 3 weeks", "for 3 weeks"),
        ("since monday", "since monday"),
        ("since the fall", "since the fall"),
        ("like 3 days ago", "started 3 days ago"),
        ("came on this afternoon", "came on this afternoon"),
        ("for about six weeks", "for about six weeks"),
        ("two weeks now", "for two weeks now"),
        ("1 week", "for 1 week"),
        ("for like 3 weeks", "for 3 weeks"),  # outside run 10
        ("since like tuesday", "since tuesday"),
        # Session 11, written before the change (outside run 20): a time said with its own
        # "for" inside, or "from" a month, reads as said.
        ("off and on for about 2 months", "off and on for about 2 months"),
        ("from last september", "since last september"),
        # Session 30, written before the change (outside run 84 p01: "for couple months").
        ("couple weeks", "for a couple of weeks"),
        ("a couple months", "for a couple of months"),
        ("few days", "for a few days"),
        ("last 2 weeks", "for the last 2 weeks"),  # (outside run 85 p03)
        ("past month", "for the past month"),
    ],
)
def test_a_duration_reads_as_the_patient_said_it(said: str, words: str) -> None:
    assert duration_words(said) == words


def test_the_summary_names_every_place_with_its_side() -> None:
    intake = Intake(
        body_part="neck",
        pain_quality="aching",
        pain_radiates=False,
        pain_duration="for years",
        pain_severity=3,
        other_places=(("shoulder", "right"), ("lower_back", None)),
    )
    summary = summarise(intake)
    assert "neck, right shoulder and lower back" in summary
    assert "for years" in summary
    assert "about" not in summary


@pytest.mark.parametrize(
    ("quality", "words"),
    [("stiffness", "stiffness in your neck"), ("numbness", "numbness in your neck"),
     ("aching", "aching pain in your neck")],
)  # fmt: skip
def test_a_feeling_that_is_not_a_pain_is_named_as_itself(quality: str, words: str) -> None:
    assert summarise(Intake(body_part="neck", pain_quality=quality)).startswith(words)


def test_the_summary_gives_the_usual_score_and_the_worst() -> None:
    text = summarise(Intake(body_part="neck", pain_severity=4, pain_worst=7))
    assert "4 out of 10, 7 at worst" in text
    assert "7 out of 10" not in text


# Session 30, written before the change (outside run 84 p01: "neck pain, stiff, gives me
# headaches" was said back as "stiffness in your neck and head"). A stiff place with
# headaches says the headaches as such. My own intakes.
@pytest.mark.parametrize(
    ("intake", "words", "not_said"),
    [
        (Intake(body_part="neck", pain_quality="stiffness", other_places=(("head", None),)),
         "stiffness in your neck, with headaches", "and head"),
        (Intake(body_part="head", pain_quality="stiffness", other_places=(("shoulder", None),)),
         "stiffness in your shoulder, with headaches", "your head"),
    ],
)  # fmt: skip
def test_a_stiff_place_with_headaches_names_the_headaches(
    intake: Intake, words: str, not_said: str
) -> None:
    said = summarise(intake)
    assert said.startswith(words) and not_said not in said, said
