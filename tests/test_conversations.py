"""End to end: whole conversations as patients write them (tests/conversations/*.yml).

Each conversation is played line by line against the running assistant (REST channel);
after each line the file's expectations are checked, plus what holds for every turn: a
reply that is not empty, and no message repeated from the three turns before.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sqlite3
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bench.patient import buttons, texts
from clinic.schedule import clinic_schedule
from tests.running_assistant import Assistant

pytestmark = pytest.mark.e2e

FILES = sorted((Path(__file__).parent / "conversations").glob("*.yml"))
CLINIC_TIMEZONE = ZoneInfo(
    yaml.safe_load((Path(__file__).parent.parent / "schedule.yml").read_text())["timezone"]
)
EXPECTATIONS = {
    "slots", "slots_lack", "level", "flags", "fit", "asks", "says", "says_any", "never_says",
    "buttons", "has_buttons", "questions", "booked", "called_back",
}  # fmt: skip
# Turns a message must not be repeated within; safety advice is meant to stay in front.
REPEAT_WINDOW = 3
_senders = itertools.count()


class _PatientWords(yaml.SafeLoader):
    """YAML as a clinician writes it: a patient's "no", "yes" or "off" stays a word."""


_PatientWords.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PatientWords.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=_PatientWords)  # a SafeLoader


def _conversations() -> list[Any]:
    cases = []
    for path in FILES:
        for conversation in _read(path)["conversations"]:
            name = f"{path.stem}: {conversation['name']}"
            # Written before the behaviour it tests and not passing yet: it must fail, so
            # the mark is taken off the moment it passes (strict).
            marks = [pytest.mark.xfail(strict=True, reason="pending")] * bool(
                conversation.get("pending")
            )
            cases.append(pytest.param(conversation, id=name, marks=marks))
    return cases


def test_every_conversation_file_reads() -> None:
    """Unknown keys are typos that would silently check nothing."""
    names = set()
    for path in FILES:
        content = _read(path)
        assert content.get("kind"), path
        for conversation in content["conversations"]:
            assert conversation["name"] not in names, conversation["name"]
            names.add(conversation["name"])
            assert conversation["turns"], conversation["name"]
            for turn in conversation["turns"]:
                assert isinstance(turn["patient"], str), (conversation["name"], turn)
                unknown = set(turn.get("then") or {}) - EXPECTATIONS
                assert not unknown, (conversation["name"], unknown)


# A date said in a patient's line, from the day the suite runs: "{thursday 7+ days ahead}"
# is "thursday 17 december" for the first Thursday at least 7 days on; ", called monday"
# gives it another weekday's name (a weekday and date that disagree), ", ordinal" writes
# "16th". The suite runs on the real clock, and a written date would pass into the past.
_DATE_SAID = re.compile(
    r"\{(?P<weekday>[a-z]+) (?P<days>\d+)\+ days ahead(?:, called (?P<called>[a-z]+))?"
    r"(?P<ordinal>, ordinal)?\}"
)
_WEEKDAYS_IN_ORDER = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


def _dated(line: str, today: dt.date) -> str:
    """The patient's line with each date placeholder written out (see `_DATE_SAID`)."""

    def written(found: re.Match[str]) -> str:
        first = today + dt.timedelta(days=int(found["days"]))
        wanted = _WEEKDAYS_IN_ORDER.index(found["weekday"])
        day = first + dt.timedelta(days=(wanted - first.weekday()) % 7)
        number = f"{day.day}{_ordinal(day.day)}" if found["ordinal"] else str(day.day)
        return f"{found['called'] or found['weekday']} {number} {day:%B}".lower()

    return _DATE_SAID.sub(written, line)


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def test_a_date_placeholder_is_a_date_ahead_on_its_weekday() -> None:
    monday = dt.date(2026, 12, 7)
    assert _dated("{thursday 7+ days ahead} at 11am", monday) == "thursday 17 december at 11am"
    assert _dated("{wednesday 7+ days ahead, called friday, ordinal}", monday) == (
        "friday 16th december"
    )
    assert _dated("{monday 7+ days ahead}", monday) == "monday 14 december"


@pytest.mark.parametrize("conversation", _conversations())
def test_conversation(assistant: Assistant, conversation: dict) -> None:
    _free_times_booked_earlier(assistant)
    sender = f"conversation-{next(_senders)}"
    earlier: list[list[str]] = []
    today = dt.datetime.now(CLINIC_TIMEZONE).date()
    for number, turn in enumerate(conversation["turns"], 1):
        line = _dated(turn["patient"], today)
        replies = assistant.say(sender, line)
        where = f"turn {number}, patient: {line!r}\nassistant: {texts(replies)!r}"
        said = [reply["text"] for reply in replies if reply.get("text")]
        assert said, f"no reply; {where}"
        for message in said:
            repeated = any(message in turn_said for turn_said in earlier[-REPEAT_WINDOW:])
            assert not repeated or _is_safety_advice(message), f"repeated {message!r}; {where}"
        for i, message in enumerate(said):
            # Nor within the turn: an answer's sentence said again at the start of the next.
            again = any(other.startswith(message) for other in said[i + 1 :])
            # Safety advice may lead an answer again, but never the same message twice in a
            # turn (outside run 45: an emergency's paragraph twice in a row).
            twice = message in said[i + 1 :]
            assert not again or (_is_safety_advice(message) and not twice), (
                f"said twice {message!r}; {where}"
            )
        earlier.append(said)
        expected = turn.get("then") or {}
        if expected:
            slots = assistant.tracker(sender, assistant.token)["slots"]
            _check(expected, replies, slots, where)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"})


def _free_times_booked_earlier(assistant: Assistant) -> None:
    """Each conversation finds the diary as a patient would: the times the tests before it
    booked (conversations, REST and widget tests, in random order) are freed (run on a
    Sunday, "monday at 2" is tomorrow, which they had taken)."""
    with sqlite3.connect(assistant.database) as database:
        database.execute("UPDATE bookings SET status = 'cancelled' WHERE status != 'cancelled'")


def _is_safety_advice(message: str) -> bool:
    return bool(re.search(r"\b(112|emergency|doctor|urgent)", message, re.IGNORECASE))


def _check(expected: dict, replies: list[dict], slots: dict, where: str) -> None:
    reply = texts(replies)
    lower = reply.lower()
    titles = [button["title"] for button in buttons(replies)]
    for slot, value in (expected.get("slots") or {}).items():
        _check_slot(slot, value, slots.get(slot), where)
    for slot, values in (expected.get("slots_lack") or {}).items():
        held = slots.get(slot)
        held = held if isinstance(held, list) else [held]
        present = [value for value in values if value in held]
        assert not present, f"{slot}={slots.get(slot)!r} holds {present}; {where}"
    if "level" in expected:
        assert slots.get("triage_level") == expected["level"], f"level {slots}; {where}"
    for flag in expected.get("flags") or []:
        assert flag in (slots.get("red_flags") or []), f"flag {flag}; {where}"
    if "fit" in expected:
        assert slots.get("tdn_fit") == expected["fit"], f"fit {slots.get('tdn_fit')}; {where}"
    if "asks" in expected:
        asked = slots.get("requested_slot")
        assert asked == expected["asks"], f"asks {asked}; {where}"
    # A weekday counts only outside the opening hours, which name every day but Sunday.
    without_hours = lower.replace(clinic_schedule().describe_hours().lower(), " ")
    for words in expected.get("says") or []:
        said = without_hours if words.lower() in _WEEKDAYS else lower
        assert words.lower() in said, f"should say {words!r}; {where}"
    if "says_any" in expected:
        wanted = expected["says_any"]
        assert any(w.lower() in lower for w in wanted), f"should say one of {wanted}; {where}"
    for words in expected.get("never_says") or []:
        assert words.lower() not in lower, f"should not say {words!r}; {where}"
    if "buttons" in expected:
        assert titles == expected["buttons"], f"buttons {titles}; {where}"
    for title in expected.get("has_buttons") or []:
        assert title in titles, f"button {title!r} missing from {titles}; {where}"
    if "questions" in expected:
        asked = len(re.findall(r"\?(?=\s|$)", reply))
        assert asked <= expected["questions"], f"{asked} questions; {where}"
    if "booked" in expected:
        _check_booking(expected["booked"], slots, where)
    if "called_back" in expected:
        queued = bool(slots.get("callback_due"))
        assert queued == expected["called_back"], f"call-back queued: {queued}; {where}"


def _check_slot(slot: str, expected: Any, actual: Any, where: str) -> None:
    if isinstance(expected, list):
        missing = [value for value in expected if value not in (actual or [])]
        assert not missing, f"{slot}={actual!r} lacks {missing}; {where}"
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert actual is not None and float(actual) == float(expected), (
            f"{slot}={actual!r}, expected {expected!r}; {where}"
        )
    else:
        assert actual == expected, f"{slot}={actual!r}, expected {expected!r}; {where}"


def _check_booking(expected: dict, slots: dict, where: str) -> None:
    assert slots.get("booking_reference"), f"nothing booked; {where}"
    starts = dt.datetime.fromisoformat(slots["booking_starts_at"]).astimezone(CLINIC_TIMEZONE)
    today = dt.datetime.now(CLINIC_TIMEZONE).date()
    if "weekday" in expected:
        assert starts.strftime("%A").lower() == expected["weekday"], f"booked {starts}; {where}"
    if "week" in expected:
        monday = today - dt.timedelta(days=today.weekday())
        weeks = {"this": 0, "next": 1}[expected["week"]]
        start_of_week = monday + dt.timedelta(weeks=weeks)
        assert start_of_week <= starts.date() < start_of_week + dt.timedelta(days=7), (
            f"booked {starts}; {where}"
        )
    if "hour" in expected:
        assert starts.hour == expected["hour"], f"booked {starts}; {where}"
