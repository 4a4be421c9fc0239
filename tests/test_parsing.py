"""Reading durations and severities from the patient's own words (clinic.parsing)."""

from __future__ import annotations

from datetime import date

import pytest

from clinic.parsing import (
    Duration,
    find_duration,
    find_severity,
    parse_duration,
    parse_severity,
    worst_score,
)

# A Tuesday; "since March" on this day means March 2025.
TODAY = date(2026, 2, 10)


def days_since(day: date) -> float:
    return float((TODAY - day).days)


# --- parse_duration: a whole answer to "how long have you had it?" --------------------------


@pytest.mark.parametrize(
    ("answer", "days"),
    [
        ("3 weeks", 21),
        ("2 days", 2),
        ("a couple of days", 2),
        ("a few weeks", 21),
        ("about 2 months", 60),
        ("a year", 365),
        ("6 months or so", 180),
        ("on and off for 2 years", 730),
        ("a fortnight", 14),
        ("1.5 years", 547.5),
        ("a year and a half", 547.5),
        ("half a year", 182.5),
        ("2-3 weeks", 21),  # a range counts as its upper end
        ("two or three weeks", 21),
        ("a day or two", 2),
        ("3 weeks ago", 21),
        ("It's been about 3 weeks", 21),
        ("over a year", 365),
        ("3wks", 21),
        ("6 mths", 180),
        ("for years", 730),
        ("ages", 365),
        ("since I was a kid", 3650),
        ("today", 0.5),
        ("this morning", 0.5),
    ],
)
def test_parse_duration_counts_units_and_vague_words(answer: str, days: float) -> None:
    assert parse_duration(answer, TODAY) == Duration(answer, days)


@pytest.mark.parametrize(
    ("answer", "start"),
    [
        ("since yesterday", date(2026, 2, 9)),
        ("since last night", date(2026, 2, 9)),
        ("since last week", date(2026, 2, 3)),
        ("since March", date(2025, 3, 1)),  # always in the past: last year's March
        ("March", date(2025, 3, 1)),
        ("since december", date(2025, 12, 1)),
        ("since christmas", date(2025, 12, 25)),
        ("since 3rd of may", date(2025, 5, 3)),
        ("since thursday", date(2026, 2, 5)),
        ("since tuesday", date(2026, 2, 3)),  # said on a Tuesday: last week's
        ("since last tuesday", date(2026, 2, 3)),
        ("since monday morning", date(2026, 2, 9)),
        ("since the weekend", date(2026, 2, 7)),
        ("since the 3rd", date(2026, 2, 3)),
        ("since the 20th", date(2026, 1, 20)),  # the 20th of this month is still to come
        ("since easter", date(2025, 4, 20)),
        ("since june last year", date(2025, 6, 1)),
        ("since early january", date(2026, 1, 1)),
    ],
)
def test_parse_duration_reads_start_dates_relative_to_today(answer: str, start: date) -> None:
    assert parse_duration(answer, TODAY) == Duration(answer, days_since(start))


def test_parse_duration_month_of_this_year_when_it_has_passed() -> None:
    assert parse_duration("since March", date(2026, 4, 15)) == Duration("since March", 45)


def test_parse_duration_start_dates_are_never_in_the_future() -> None:
    for answer in ("since March", "since christmas", "since 3rd of may", "since friday"):
        duration = parse_duration(answer, TODAY)
        assert duration is not None and duration.days > 0, answer


def test_parse_duration_keeps_the_patients_words_stripped() -> None:
    assert parse_duration("  about 3 weeks.  ", TODAY) == Duration("about 3 weeks", 21)


# Session 25, written before the change (outside run 66 p02: "months. like 2x a week, desk
# job" was summed up "for months. like 2x a week, desk job"). The words kept are the
# sentence that holds the duration; what follows in other sentences is something else.
@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("weeks. mostly evenings, after the commute", "weeks"),
        ("ugh. about 3 months now. comes and goes", "about 3 months now"),
        ("years, on and off", "years, on and off"),
    ],
)
def test_parse_duration_keeps_the_sentence_of_the_duration(answer: str, kept: str) -> None:
    duration = parse_duration(answer, TODAY)
    assert duration is not None and duration.text == kept


@pytest.mark.parametrize(
    "answer",
    ["banana", "", "   ", "blue", "7", "a while", "since I fell", "since the accident", "at 10am"],
)
def test_parse_duration_without_a_duration_is_none(answer: str) -> None:
    assert parse_duration(answer, TODAY) is None


# Written before the change (session 7): a pain score given where the duration was asked,
# and a start told by an event of the patient's life.
@pytest.mark.parametrize(
    "answer",
    ["5 usually, 7 on bad days", "a 4 on good days", "6 most days", "around 3, worse on work days"],
)
def test_how_bad_on_some_days_is_no_duration(answer: str) -> None:
    assert parse_duration(answer, TODAY) is None
    assert find_duration(answer, TODAY) is None


@pytest.mark.parametrize(
    ("answer", "days"),
    [
        ("since I started my new job in September", 162),  # last September
        ("ever since we moved house last month", 30),
        ("for some days now", 3),
        # Session 35, written before the change (outside run 110 p05: "wrecked since the gym
        # sat" was asked "How long have you had it?"). An event, then its day. My own words.
        ("since the match on sunday", 2),
        ("sore since football sat", 3),
        ("since my spin class last tues", 7),
    ],
)
def test_a_start_told_by_an_event_of_the_patients_life(answer: str, days: float) -> None:
    found = parse_duration(answer, TODAY)
    assert found is not None and found.days == pytest.approx(days, abs=31), found


# --- find_duration: inside a longer message ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "said", "days"),
    [
        ("sharp pain in my lower back for 3 weeks, shoots down my leg", "3 weeks", 21),
        ("pain for a couple of weeks in my knee", "a couple of weeks", 14),
        ("I've had it about 3 weeks now", "about 3 weeks now", 21),
        ("it's been going on 6 months", "6 months", 180),
        ("my neck has been stiff since Monday", "since Monday", 1),
        ("My foot had been aching since last Tuesday.", "since last Tuesday", 7),
        ("pain since the 3rd of may in my hip", "since the 3rd of may", 283),
        ("it started last week after gardening", "started last week", 7),
        ("pain since this morning", "since this morning", 0.5),
        ("started 2-3 weeks ago", "2-3 weeks ago", 21),
        ("my shoulder has hurt for years", "for years", 730),
        ("the pain is 8 out of 10 and it started 5 days ago", "5 days ago", 5),
        # Session 9 (outside run 12): "couple" without its "a" lost from the summary.
        ("stiff neck for couple months now", "couple months now", 60),
        ("had it couple weeks", "couple weeks", 14),
        # Session 9 (outside run 14): an age or a pregnancy's weeks said beside it.
        ("I am Carmen, 70 years. I have pain in the shoulder since 2 months", "since 2 months", 60),
        ("should I wait till I'm past 12 weeks? the neck has hurt 3 weeks", "3 weeks", 21),
        # Session 27, written before the change (outside run 72 p03: "carrying my baby all
        # day (she's 5 months)" became a pain of 5 months). A child's age said as "he's",
        # "the twins are": not the pain's. My own words.
        ("he's 7 weeks and I lift him all day, my wrist has ached for 2 weeks", "2 weeks", 14),
        ("the twins are 10 months now. my back's hurt since friday", "since friday", 4),
        # Session 27, written before the change (outside run 73 p03: "I am pregnant, 14
        # weeks" became the neck pain's 14 weeks, through five corrections). A pregnancy's
        # weeks are not the pain's. My own words.
        ("we're expecting, 20 weeks now, and my lower back has ached for 10 days", "10 days", 10),
        ("30 weeks pregnant and my hips have hurt for a fortnight", "a fortnight", 14),
    ],
)
def test_find_duration_in_a_message(message: str, said: str, days: float) -> None:
    assert find_duration(message, TODAY) == Duration(said, days)


@pytest.mark.parametrize(
    ("message", "said"),
    [
        # Written in session 8: an injury and when it happened; the pain dates from it.
        ("tweaked my knee on tuesday playing squash", "since tuesday"),
        ("she slipped on the stairs yesterday and her wrist is swollen", "since yesterday"),
        ("jarred my back lifting the sofa last week", "since last week"),
    ],
)
def test_an_injury_and_its_day_tell_how_long_it_has_hurt(message: str, said: str) -> None:
    found = find_duration(message, TODAY)
    assert found is not None and found.text == said


def test_a_duration_of_the_pain_beats_the_day_of_an_old_injury() -> None:
    found = find_duration("I hurt my hip last year, but this ache is since friday", TODAY)
    assert found is not None and found.text == "since friday"


# Session 33, written before the change (outside run 102 p01: "couple years on and off, worse
# since i started new job in jan" was told back as "since i started new job in jan"). When
# it got worse is no start of the pain. My own words.
@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("about 3 years now, but worse since the move in march", 1095),
        ("on and off for a couple of years, it flared up since christmas", 730),
        ("two years on and off, worse since christmas", 730),
        ("a couple years, much worse since may", 730),
    ],
)
def test_when_it_got_worse_is_no_start_of_the_pain(message: str, days: float) -> None:
    found = find_duration(message, TODAY)
    assert found is not None and found.days == days, found


def test_find_duration_prefers_how_long_the_pain_lasted_over_an_event() -> None:
    # "for"/"since" describe the pain; "ago" often dates something else.
    assert find_duration("2 days ago it got worse but I've had it for years", TODAY) == Duration(
        "for years", 730
    )
    assert find_duration("3 years ago I had surgery, now pain for 2 weeks", TODAY) == Duration(
        "2 weeks", 14
    )


@pytest.mark.parametrize(
    "message",
    [
        "pain 7/10 in my neck",
        "it's a 7 out of 10",
        "I'm 45 years old and my knee hurts",
        # Session 27 (outside run 72 p03's kind): a child's age, no duration said.
        "my neck is killing me from carrying my son (he's 4 months)",
        "our daughter is 9 months and heavy, my lower back hurts",
        "I am pregnant, 14 weeks. And I told you I am a bit nervous",
        "she's 12 weeks along and her back hurts",
        # (outside run 75 p03: "I'm pregnant actually, 14 weeks" was still the pain's.)
        "oh and I'm pregnant too, about 11 weeks",
        "a 30 year old woman with back pain",
        "I woke up at 7 with a stiff neck",
        "it hurts at 10am every day",
        "it's worse at 7 o'clock",
        "since 10:30 my neck hurts",
        "pain in my shoulder this morning",
        "twice a week I get headaches",
        "I go to the gym 3 times a week",
        "headaches like 3x a week at the temples",  # session 11, outside run 19
        "worse after a long day of driving",  # session 11, outside run 21
        "I work 2 days a week and my back hurts",
        "I have a headache almost every day",
        "every few months I get a flare",
        "my wedding is in 2 weeks",
        "I did a 3-day hike",
        "sitting for 2 hours makes it worse",
        "lower back pain when I stand for a long time",
        "back pain since I fell",
        "it comes back a couple of days later",
        "my back hurts",
        "",
    ],
)
def test_find_duration_ignores_what_is_not_a_duration(message: str) -> None:
    assert find_duration(message, TODAY) is None


# Session 20, written before the change (outside run 47: "forty-two years married and he's
# usually right" became a back pain's duration). How long something else has lasted (a
# marriage, a job, sobriety) is no duration of the pain. My own sentences.
@pytest.mark.parametrize(
    "message",
    [
        "my husband says I overdo it, thirty years married so he knows me",
        "we've been married for 25 years and he still can't cook",
        "20 years a nurse, I know what a pulled muscle feels like",
        "I'm 12 years sober and my back aches",
        "10 years of experience as a roofer and my shoulder finally gave in",
        "fifteen years at the same company, same desk",
    ],
)
def test_how_long_something_else_lasted_is_no_duration(message: str) -> None:
    assert find_duration(message, TODAY) is None


def test_the_pain_s_duration_is_found_beside_another_one() -> None:
    said = "married 40 years, and the neck pain started 3 weeks ago"
    assert find_duration(said, TODAY) == Duration("3 weeks ago", 21)


# --- parse_severity: a whole answer to "how bad, 0 to 10?" -----------------------------------


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("7", 7),
        ("0", 0),
        ("10", 10),
        ("7/10", 7),
        ("7 out of 10", 7),
        ("seven out of ten", 7),
        ("about a six", 6),
        ("six or seven", 7),  # the higher of two
        ("6-7", 7),
        ("between 6 and 8", 8),
        # The question asks how bad it usually is: a bad moment counts only alone.
        ("it's a 7 but 9 at night", 7),
        ("usually a 4, it was a 7 on monday", 4),
        ("3, 6 when I bend", 3),
        ("no wait, 7 not 5", 7),
        ("6.5", 6.5),
        ("7.5/10", 7.5),
        ("6 and a half", 6.5),
        ("maybe 5ish", 5),
        ("on a scale of 0 to 10 I'd say 4", 4),
        ("unbearable", 10),
        ("excruciating", 10),
        ("worst pain ever", 10),
        ("terrible", 8),
        ("agony", 8),
        ("severe", 8),
        ("really bad", 8),
        ("bad", 6),
        ("moderate", 5),
        ("medium", 5),
        ("mild", 3),
        ("not too bad", 3),
        ("isn't too bad", 3),
        ("barely", 2),
        ("slight", 2),
        ("no pain right now", 0),
        # Written before the change (session 7): other amounts in the same answer.
        ("5, but it wakes me at night and I've dropped 15 pounds", 5),
        ("a 6. I'm 72, and it's been 14 months", 6),
        ("4, I lost 12 kg last year", 4),
        # Session 9, written before the change: "a bit" says how bad only of the pain.
        ("a bit", 2),
        ("a little sore", 2),
        ("slightly achy", 2),
        ("i'm a bit nervous to say, about a 6", 6),
        ("around a three, occasionally a five", 3),
        # Session 25 (outside run 65): the age of the one written for beside the score.
        ("she says a 6, though she's 85 and never complains", 6),
        ("7. he is 15 and plays rugby twice a week", 7),
        ("dad reckons 5 but he's 90 so he plays everything down", 5),
        ("5ish - they're 13, they shrug at everything", 5),
        ("severe neck pain most days", 8),
        # Session 25, written before the change (outside run 67 p08: "7, at night more like
        # 8 9" was taken as 9).
        ("6, at night more like 8", 6),
        ("4 in the day, in the evenings closer to 7", 4),
        ("5, at night 7 8 easily", 5),
        # Session 27, written before the change (outside run 72 p01: "About a 6 she says, but
        # at night it's more like 8" was 8). The moment, then "it's" before "more like".
        ("about 4 he says, but in the evenings it's more like 7", 4),
        ("3 normally, on bad days it gets more like 6", 3),
        # (outside run 67 p06: "As I said, six. ... prostate cancer in 2019" was asked again,
        # twice): a year beside the score is no score off the scale.
        ("4. I had my hip done in 2018", 4),
        ("seven, since about march 2024", 7),
        ("mild, but bad in the mornings", 6),
        # Session 36, written before the change (outside run 115 p08: "they have walk in till
        # 7. he says pain is like 4" was 7). A closing hour is no score. My own wordings.
        ("their walk-in is open until 8, she says it's a 3", 3),
        ("3. the urgent care closes at 9 so we'll go after dinner", 3),
        ("he says 5, the pharmacy is open til 10", 5),
    ],
)
def test_parse_severity(answer: str, value: float) -> None:
    assert parse_severity(answer) == value


@pytest.mark.parametrize(
    "answer",
    # Above 10 is a misunderstanding of the scale: None lets the assistant explain it.
    ["10+", "11", "a 12", "12/10", "more than 10", "3/5", "banana", "", "it hurts", "3 weeks",
     # Written after outside run 9: a list's "none" is no "no pain".
     "nope none of those. im 34.", "none of them apply",
     # Written in session 8: "one" standing for a thing is no score.
     "can we skip that one", "dunno, ask me the next one", "one of those days",
     # Session 9 (outside run 12): "a bit" of something that is not the pain.
     "I'm diabetic and my feet are a bit numb, have been for years",
     "a little worried about the needles tbh", "slightly confused by the question",
     # Session 25 (outside run 65): a severity word said of another complaint.
     "she has mild asthma and uses an inhaler", "terrible cold last week but that's gone",
     "bad eczema on his arms, nothing else"],
)  # fmt: skip
def test_parse_severity_outside_the_scale_or_nonsense_is_none(answer: str) -> None:
    assert parse_severity(answer) is None


# --- find_severity: explicit severities inside a longer message ------------------------------


@pytest.mark.parametrize(
    ("message", "found"),
    [
        ("my back is 7/10 today", ("7/10", 7)),
        ("pain 5 out of 10 in my knee", ("5 out of 10", 5)),
        ("seven out of ten pain in my shoulder", ("seven out of ten", 7)),
        ("it's a 7 on the pain scale", ("a 7 on the pain scale", 7)),
        ("pain level 6 since monday", ("pain level 6", 6)),
        ("on a scale of 1 to 10 it's an 8", ("on a scale of 1 to 10 it's an 8", 8)),
        ("I'd rate it a 6", ("rate it a 6", 6)),
        # Written before the change (session 7): "about a 6" at the end of a description.
        ("the shoulder hurts reaching up to the cupboard, about a 6.", ("about a 6", 6)),
        ("my neck is stiff most mornings, it's a 4 usually", ("it's a 4", 4)),
        ("unbearable pain in my neck", ("unbearable", 10)),
        ("Excruciating pain down my leg", ("Excruciating", 10)),
        ("worst pain of my life in my head", ("worst pain of my life", 10)),
        # The question asks how bad it usually is; the worst is kept beside it (session 13).
        ("usually 3/10 but 8/10 at its worst", ("3/10", 3)),
        # Session 13, written before the change: "10 normally" inside "4/10 normally".
        ("my hip is about 3/10 normally, 7 if I walk far", ("3/10", 3)),
        ("5 out of ten usually, 8/10 at its worst", ("5 out of ten", 5)),
        # Session 8 (outside run 10): a number for how it hurts in a position.
        ("it's 7 when I bend, less sitting", ("7 when I bend", 7)),
        ("6 walking, 2 at rest", ("6 walking", 6)),
    ],
)
def test_find_severity(message: str, found: tuple[str, float]) -> None:
    assert find_severity(message) == found


@pytest.mark.parametrize(
    "message",
    [
        "it's about a 5 minute walk from my house",
        "like a 2 hour drive away",
        "I'm 45 and my back hurts",  # a bare number is an age or a duration, never a severity
        "my knee hurts, 3 weeks now",
        "pain for 7 days",
        "bad back for 2 weeks",  # everyday words are not explicit severities
        "not unbearable, just annoying",
        "pain is 11/10",
        "my neck hurts",
        "",
    ],
)
def test_find_severity_needs_an_explicit_severity(message: str) -> None:
    assert find_severity(message) is None


@pytest.mark.parametrize(
    "said",
    ["20 weeks pregnant and my pelvis aches", "I'm 6 months along, sore lower back",
     "30 wks pregnant with a stiff neck"],
)  # fmt: skip
def test_how_far_along_a_pregnancy_is_not_how_long_it_hurts(said: str) -> None:
    assert find_duration(said) is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # Session 10 (outside runs 15 and 16): a score as other languages say it.
        ("my knee hurts since 2 week, aching, 3 of 10, not spreading", 3.0),
        ("pain is 6 from 10 most days", 6.0),
        ("2 of 10 days are bad", None),
    ],
)
def test_a_score_of_ten_in_other_words(text: str, severity: float | None) -> None:
    found = find_severity(text)
    assert (found[1] if found else None) == severity


# Session 13, written before the change (outside run 24's kind, my own wordings): the usual
# score beside a worse moment, with typos and times of day; the worst is kept apart.
@pytest.mark.parametrize(
    ("answer", "usual", "worst"),
    [
        ("5, sometimes 8 at night", 5, 8),
        ("3, sometime 7 after work", 3, 7),
        ("2 but 6 in the mornings", 2, 6),
        ("4ish, goes up to 9 if I garden", 4, 9),
        ("normally around 3/10, 6 on a bad day", 3, 6),
        ("usually 3/10 but 8/10 at its worst", 3, 8),
        ("6", 6, None),
        ("6-7", 7, None),
        ("7 not 5", 7, None),
        # Outside run 26 (#08's kind, new wordings): a time of day before the number.
        ("3 but evenings 5", 3, 5),
        ("2, first thing in the morning 6", 2, 6),
        # Session 19, written before the change (outside run 46: "a 5 most days, maybe a 7
        # by Friday afternoon" and "5, after long drive 8" kept the worst as the usual).
        ("4 most days, up to 6 by thursday evening", 4, 6),
        ("3, after a long shift 7", 3, 7),
        ("a 2 on most days, maybe 5 by the weekend", 2, 5),
    ],
)  # fmt: skip
def test_the_usual_score_and_the_worst(answer: str, usual: float, worst: float | None) -> None:
    assert parse_severity(answer) == usual
    assert worst_score(answer) == worst


@pytest.mark.parametrize(
    ("message", "worst"),
    [
        ("neck pain for 2 weeks, usually 4/10 but 7/10 by the evening", 7),
        ("my back is 3 out of 10 normally, 8/10 when it flares", 8),
        ("my back is 6/10", None),
        # A bare number said just after a score is on its scale; with a unit it is not.
        ("stiff for 3 weeks, usually 4/10 but 7 by the evening", 7),
        ("4/10 mostly, sometimes 6 after driving", 6),
        ("5/10, 2 weeks now", None),
        ("a 3/10 and 8 weeks of it", None),
    ],
)
def test_the_worst_score_in_a_longer_message(message: str, worst: float | None) -> None:
    assert worst_score(message, explicit=True) == worst


# Session 20, written before the change (outside run 49 p03: "like a 6 i guess, 8 wen i get
# outta the van" was a usual 8). Text-speak for "when" and "after" marks the worst moment
# too. My own wordings.
@pytest.mark.parametrize(
    ("answer", "usual", "worst"),
    [("bout a 4, 7 wen i bend over", 4, 7), ("3 mostly, 6 aftr work", 3, 6)],
)
def test_text_speak_marks_the_worst_moment(answer: str, usual: float, worst: float) -> None:
    from clinic.parsing import parse_severity, worst_score

    assert parse_severity(answer) == usual and worst_score(answer) == worst


# Session 24, written before the change (outside run 62 p05: "since last nite like i said,
# around 10pm" was asked again, twice). Typed-short days are days.
@pytest.mark.parametrize(
    ("text", "days"),
    [("since last nite", 1.0), ("started yday arvo", 1.0), ("since tonite", 0.5)],
)
def test_a_day_typed_short_is_a_start(text: str, days: float) -> None:
    found = parse_duration(text)
    assert found is not None and found.days == days, found


# Session 26, written before the change (outside run 70 p07: "said it already 5-6. her INR
# is usually around 3" made the pain 3 out of 10). A reading of a measure (INR, sugar,
# blood pressure, temperature) is no pain score. My own words.
@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("7 most days. his INR runs at about 2.5", 7.0),
        ("around 4, my sugar was 6 this morning", 4.0),
        ("maybe a 5. blood pressure 140 over 90 last check", 5.0),
    ],
)
def test_a_reading_of_a_measure_is_no_score(text: str, score: float) -> None:
    assert parse_severity(text) == score


# Session 32, written before the change (outside run 93: "4, some days 6" was noted as 6).
# Days told apart from other days mark a bad moment as a time of day does. My own wordings.
@pytest.mark.parametrize(
    ("answer", "usual", "worst"),
    [
        ("she says 3, other days 7", 3, 7),
        ("4 but some days it's 6", 4, 6),
        ("around 5, on other days 8", 5, 8),
        ("2, 6 some days", 2, 6),
        ("3 on good days, 7 on bad ones", 3, 7),
        # (outside run 94 p04: "5, end of day 7" was noted as 7)
        ("3, end of day 6", 3, 6),
        ("4 or so, at end of shift more like 8", 4, 8),
    ],
)
def test_some_days_mark_a_bad_moment(answer: str, usual: float, worst: float) -> None:
    from clinic.parsing import parse_severity, worst_score

    assert (parse_severity(answer), worst_score(answer)) == (usual, worst)


# Session 32, written before the change (outside run 98 p07: "rate it 4/10 most days" was
# noted as 10: the 10 of the scale read as a second score). My wordings.
@pytest.mark.parametrize(
    ("message", "score"),
    [("i'd rate it 3/10 most of the time", 3.0), ("rate it a 5/10 usually, my neck", 5.0)],
)
def test_the_scales_ten_is_no_second_score(message: str, score: float) -> None:
    found = find_severity(message)
    assert found is not None and found[1] == score, found


# Session 34, written before the change (outside runs 102 p07 and 105 p07: a parent's "he
# says 3... limping around like it's a 9 lol" was noted as 9). A number said of how someone
# seems or carries on is a likeness, not the score they give. My own wordings; a score that
# says how the pain feels ("feels like it's a 7") stays a score.
@pytest.mark.parametrize(
    ("answer", "usual", "worst"),
    [
        ("she says 4 but the way she groans you'd swear it was a 10", 4, None),
        ("he reckons 2, though he hobbles about like it's an 8 haha", 2, None),
        ("5, but she makes out like it's 9", 5, None),
        ("she says 6, acts like she's at a 10 tbh", 6, None),
        ("it feels like it's a 7", 7, None),
        ("4, like an 8 when I bend", 4, 8),
    ],
)
def test_a_likeness_is_no_score(answer: str, usual: float, worst: float | None) -> None:
    from clinic.parsing import parse_severity, worst_score

    assert (parse_severity(answer), worst_score(answer)) == (usual, worst)


def test_a_likeness_in_a_longer_message_is_no_score() -> None:
    assert find_severity("my boy limps round the house like it's a 9 but he says it's fine") is None


# Session 34, written before the change (outside run 108 p04: "headaches for the past month
# or so" in a daughter's first message, then "How long have you had it?"). One unit said with
# "the past" or "the last" is that long. My own wordings.
@pytest.mark.parametrize(
    ("text", "days"),
    [("sore over the last week or so", 7), ("for the past month", 30),
     ("stiff the past year on and off", 365)],
)  # fmt: skip
def test_the_past_unit_is_that_long(text: str, days: float) -> None:
    found = find_duration(text)
    assert found is not None and found.days == days, found


# Session 37, written before the change (outside runs 117 p01 "4, headaches maybe 6" and 118
# p03 "5. in the morning more, like 7" were noted as 6 and 7). The first score answers the
# question; a later one told of a time of day or of another place, with any words between,
# is a bad moment or another place's. Said without either, two numbers are still a range
# (the higher). My own wordings.
@pytest.mark.parametrize(
    ("answer", "usual", "worst"),
    [
        ("3. first thing it's more, say, 6", 3, 6),
        ("4, come evening it's often, like, 7", 4, 7),
        ("2, the headaches maybe 5", 2, 5),
        ("5, the leg bit more like 8", 5, 8),
        ("about 4 for the neck, arm probably 6", 4, 6),
        ("6. the mornings, well, closer to 8 honestly", 6, 8),
        # (outside run 120 x7p03: "a 5 most of the time but an 8 when i check my blind spot"
        # was 8: the 5's "most of the time" read as the 8's)
        ("about a 4 most of the time but a 7 when I reverse the car", 4, 7),
        ("2 most days though a 6 after the gym", 2, 6),
        # (outside run 122 s06: "About a 7. Hmm no, if I'm honest probably a 5, it's the 7
        # only when I turn..." was 7)
        ("maybe 6. no, truthfully a 4, the 6 is only when I lift", 4, 6),
        # still a range, or put right
        ("4, maybe 5", 5, None),
        ("3 or 4 i guess", 4, None),
        ("5, no sorry, more like 7", 7, None),
        ("like a 4. actually more like 6", 6, None),
    ],
)
def test_a_later_score_of_a_moment_or_another_place(
    answer: str, usual: float, worst: float | None
) -> None:
    from clinic.parsing import parse_severity, worst_score

    assert (parse_severity(answer), worst_score(answer)) == (usual, worst)


# Session 37, written before the change (outside run 120 x7p01: "month ish" to "how long have
# you had it?" got "Sorry, I didn't catch how long"). A unit said alone, singular, in answer
# is one of it. My own wordings; a bare plural stays several.
@pytest.mark.parametrize(
    ("text", "days"),
    [("week ish", 7), ("month-ish", 30), ("yr or so", 365), ("fortnight maybe", 14),
     ("about a month", 30), ("weeks", 14)],
)  # fmt: skip
def test_a_unit_said_alone_is_one_of_it(text: str, days: float) -> None:
    found = parse_duration(text)
    assert found is not None and found.days == days, found


# Session 37, written before the change (outside run 121 r06: "I said left but it's more the
# right side, the left was just the first couple of days" made a pain of 10 days "couple of
# days"). The first days of it are a part of its story, not how long it has lasted. My own
# wordings.
@pytest.mark.parametrize(
    "text",
    [
        "it was my left hip for the first week, now it's the right",
        "the first few days it was just stiff, now it's sharp",
        "numb only during the first couple of days",
    ],
)
def test_the_first_days_of_a_pain_are_not_its_duration(text: str) -> None:
    assert find_duration(text) is None
