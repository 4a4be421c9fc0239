"""What the web server passes on of a patient's message: every character that can be shown
and stored, nothing that hides or reorders words, and a bounded amount of work."""

from __future__ import annotations

import pytest

from clinic.message_text import cleaned

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


@pytest.mark.parametrize(
    ("said", "passed_on"),
    [
        ("my back \ud800 hurts", "my back \ufffd hurts"),  # a lone half of a pair
        ("\udfff", "\ufffd"),
        ("neck\x00 pain\x07", "neck pain"),  # control characters
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        (f"I am {RLO}enod ton{PDI} fine", "I am enod ton fine"),  # order overrides
        (f"{LRI}left{PDI} knee\u200f", "left knee"),
        ("\ufeffhello", "hello"),  # a byte-order mark pasted in
        ("".join(chr(ord(c) + 0xFEE0) for c in "my") + " back", "my back"),  # full-width
        ("café", "café"),
        ("e\u0301", "é"),  # the same letter in one form
        ("\uffff\ufffe", "\ufffd\ufffd"),  # not characters at all
    ],
)
def test_what_is_passed_on(said: str, passed_on: str) -> None:
    assert cleaned(said) == passed_on


@pytest.mark.parametrize(
    "kept",
    [
        "my knee 😭😭 hurts",
        "👩‍⚕️ said physio",  # a joined emoji keeps its joiner
        "👍🏽",
        "ألم في الظهر",  # right-to-left writing stays as written
        "腰が痛い",
        "tab\there",
        "line\nbreaks\n\nkept",
    ],
)
def test_ordinary_writing_is_kept_as_it_is(kept: str) -> None:
    assert cleaned(kept) == kept


def test_cleaned_text_can_always_be_stored_as_utf8() -> None:
    said = "".join(chr(c) for c in range(0, 0x3000, 7)) + "\ud83d\ude00\ud800"
    cleaned(said).encode("utf-8")  # raises on any lone surrogate left


@pytest.mark.parametrize(
    ("said", "passed_on"),
    [
        # The same mark over and over costs the reader per repeat, and says no more after
        # the third: "😭😭😭😭😭😭" is "😭😭😭".
        ("my back 😭😭😭😭😭😭😭", "my back 😭😭😭"),
        ("help!!!!!!!!!!", "help!!!"),
        ("why?!?!?!?!?!?!", "why?!?!?!"),
        ("so soooooore", "so soooooore"),  # letters are words, however long
        ("since 1000000 years", "since 1000000 years"),
        ("....", "..."),
    ],
)
def test_long_repeats_of_a_mark_are_cut_to_three(said: str, passed_on: str) -> None:
    assert cleaned(said) == passed_on


def test_the_cost_of_a_message_counts_its_marks_not_its_words() -> None:
    from clinic.message_text import marks

    assert marks("my lower back hurts, since Monday (3 weeks?)") == 0
    assert marks("😭 my back 🙏") == 2
    assert marks("ألم في الظهر") == 0 and marks("腰が痛い") == 0
