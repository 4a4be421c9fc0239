"""A patient's preferred consultation time, in their own words ("next Tuesday afternoon").

dateparser reads calendar dates ("3rd of December", "in two weeks"); it does not read day
parts, "next Tuesday", "not Mondays" or "as soon as possible", and takes "tomorrow at 3"
for 10 a.m., so those are read here. Everything is in the clinic's timezone: `now` is an
aware datetime.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import dateparser

from clinic.vocabulary import typo_of

_WEEKDAY_NAMES = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_FULL_WEEKDAYS = [name for name in _WEEKDAY_NAMES if len(name) > 5]
_DAY_GROUPS = {"weekday": frozenset(range(5)), "weekend": frozenset({5, 6})}

# Day parts as local time windows; the schedule's hours bound them further.
_DAY_PARTS = {
    "morning": (dt.time(0, 0), dt.time(12, 0)),
    "lunchtime": (dt.time(11, 30), dt.time(14, 0)),
    "lunch": (dt.time(11, 30), dt.time(14, 0)),
    "afternoon": (dt.time(12, 0), dt.time(17, 0)),
    "evening": (dt.time(17, 0), dt.time(23, 59)),
    "night": (dt.time(17, 0), dt.time(23, 59)),
    "tonight": (dt.time(17, 0), dt.time(23, 59)),
}
_ASAP = re.compile(
    r"\b(asap|a\.s\.a\.p|as soon as|earliest|soonest|first (available|free|opening|slot)"
    r"|next (available|free)|any ?time|whenever|any day|anything|urgently|quickly)\b"
)
_PAST = re.compile(r"\b(yesterday|last (week|month|mon|tue|wed|thu|fri|sat|sun)\w*|ago)\b")
_NEGATION = {"not", "no", "except", "but", "never", "cant", "cannot", "dont", "wont", "excluding"}
_KEEPS_NEGATION = {
    "on", "or", "and", "nor", "the", "a", "any", "s", "/", "&", "either", "do", "make", "come",
    "manage", "in", "at", "free",
}  # fmt: skip
# "at 3", "after 4pm", "10:30", "3 pm", "noon"; a bare number is a time only after a cue.
_TIME = re.compile(
    r"\b(?P<neg>not\s+)?(?:(?P<cue>at|after|from|before|by|around|about|until|till|earliest|latest)\s*)?"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>am|pm|a\.m\.|p\.m\.|o'?clock)?"
    r"(?!\s*(?:st|nd|rd|th|/|-|days?|weeks?|months?)\b)(?=\W|$)"
)
_NOON = re.compile(
    r"\b(?P<neg>not\s+)?(?:(?P<cue>at|after|before|around|about|by)\s+)?(noon|midday|12 noon)\b"
)
# "in two weeks", "from the 3rd": that day or later, not only that day.
_FROM_THEN_ON = re.compile(
    r"\bin \w+ (days?|weeks?|months?)\b|\bfrom the\b|\b(or later|onwards?)\b"
)
_TOKEN = re.compile(r"[a-z]+|[^\sa-z0-9]")


@dataclass(frozen=True)
class TimePreference:
    """What suits the patient; every field narrows the choice, None means "any"."""

    first_day: dt.date
    last_day: dt.date | None = None
    weekdays: frozenset[int] | None = None
    excluded_weekdays: frozenset[int] = frozenset()
    # Consultations starting from `window[0]` and ending by `window[1]`, local time.
    window: tuple[dt.time, dt.time] | None = None
    at: dt.time | None = None
    asap: bool = False

    def accepts_day(self, day: dt.date) -> bool:
        """Whether `day` is one the patient can come on."""
        if day < self.first_day or (self.last_day and day > self.last_day):
            return False
        if self.weekdays is not None and day.weekday() not in self.weekdays:
            return False
        return day.weekday() not in self.excluded_weekdays

    def accepts(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether a consultation from `start` to `end` (local) suits the patient."""
        if not self.accepts_day(start.date()):
            return False
        if self.window:
            return self.window[0] <= start.time() and end.time() <= self.window[1]
        return True


@dataclass(frozen=True)
class PastTime:
    """The patient named a time that has passed ("yesterday", "2 November")."""

    said: str


@dataclass
class _Reading:
    """What the words said, before it becomes a TimePreference."""

    days: list[dt.date] = field(default_factory=list)
    named: list[tuple[int, bool]] = field(default_factory=list)  # (weekday, said "next")
    last_day: dt.date | None = None
    weekdays: set[int] = field(default_factory=set)
    excluded: set[int] = field(default_factory=set)
    window: tuple[dt.time, dt.time] | None = None
    at: dt.time | None = None
    asap: bool = False
    past: bool = False

    def understood(self) -> bool:
        return bool(
            self.days or self.weekdays or self.excluded or self.window or self.at or self.asap
        )


def _hour_of(hour: int, minute: int, meridiem: str | None) -> dt.time | None:
    """A clock time; without am/pm, 1 to 7 mean the afternoon (clinic hours)."""
    meridiem = (meridiem or "").replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    elif meridiem not in ("am", "pm") and 1 <= hour <= 7:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)


def _read_times(text: str, reading: _Reading) -> str:
    """Reads clock times into `reading`; returns the text without them (for the date parser)."""
    times: list[tuple[str | None, dt.time]] = []
    flipped = {"before": "after", "by": "after", "until": "after", "after": "before"}

    def keep(match: re.Match[str], when: dt.time | None) -> str:
        cue = match["cue"]
        if match["neg"]:  # "not before 10" is "after 10"
            cue = flipped.get(cue or "", cue)
        if when is not None:
            times.append((cue, when))
        return " "

    def clock(match: re.Match[str]) -> str:
        cue, meridiem, minute = match["cue"], match["meridiem"], match["minute"]
        if not (cue or meridiem or minute or text.strip() == match[0].strip()):
            return match[0]  # "3" in "3 weeks" or a date: not a time
        return keep(match, _hour_of(int(match["hour"]), int(minute or 0), meridiem))

    text = _NOON.sub(lambda m: keep(m, dt.time(12, 0)), text)
    text = _TIME.sub(clock, text)
    for cue, when in times:
        start, end = reading.window or (dt.time(0, 0), dt.time(23, 59))
        if cue in ("after", "from", "earliest"):
            reading.window = (max(start, when), end)
        elif cue in ("before", "by", "until", "till", "latest"):
            reading.window = (start, min(end, when))
        else:
            reading.at = when
    return text


def _weekday_of(word: str) -> int | None:
    word = word.removesuffix("s") if word not in ("tues", "thurs", "weds") else word
    if word in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES[word]
    typo = typo_of(word, _FULL_WEEKDAYS, cutoff=0.8)
    return _WEEKDAY_NAMES[typo] if typo else None


def _next_weekday(today: dt.date, weekday: int, next_week: bool) -> dt.date:
    """The coming `weekday` (today included); with "next", the one in the following week."""
    if next_week:
        monday = today + dt.timedelta(days=7 - today.weekday())
        return monday + dt.timedelta(days=weekday)
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def _read_words(text: str, today: dt.date, reading: _Reading) -> None:
    """Weekdays (allowed or excluded), relative days and day parts."""
    words = _TOKEN.findall(text)
    negated = False
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if word in _NEGATION:
            negated = True
            continue
        weekday = _weekday_of(word)
        group = _DAY_GROUPS.get(word.removesuffix("s"))
        part = word.removesuffix("s") if word.removesuffix("s") in _DAY_PARTS else None
        if weekday is not None or group is not None:
            days = {weekday} if weekday is not None else set(group or ())
            plural = word.endswith("s") and word not in _WEEKDAY_NAMES
            if negated:
                reading.excluded |= days
            elif weekday is not None and not plural:
                reading.named.append((weekday, before == "next"))
            else:
                reading.weekdays |= days  # "mondays", "weekdays": any week
        elif part:
            start, end = _DAY_PARTS[part]
            if negated and part == "morning":
                reading.window = (dt.time(12, 0), dt.time(23, 59))
            elif negated and part in ("evening", "night"):
                reading.window = (dt.time(0, 0), dt.time(17, 0))
            elif not negated:
                reading.window = (start, end)
            if part == "tonight":
                reading.days.append(today)
        elif word in ("today",):
            reading.days.append(today)
        elif word in ("tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "2moro"):
            after = words[i - 2 : i] == ["day", "after"]
            reading.days.append(today + dt.timedelta(days=2 if after else 1))
        elif word == "week" and before in ("this", "next"):
            monday = today - dt.timedelta(days=today.weekday())
            first = monday + dt.timedelta(days=7 if before == "next" else 0)
            reading.days.append(max(first, today))
            reading.last_day = first + dt.timedelta(days=6)
        if word not in _KEEPS_NEGATION and weekday is None and group is None:
            negated = negated and word in _NEGATION
        if word in (",", ".", ";", "!"):
            negated = False
    if len(reading.named) == 1:
        weekday, next_week = reading.named[0]
        reading.days.append(_next_weekday(today, weekday, next_week))
    elif reading.named:  # "Monday or Wednesday": either, from the coming one
        reading.weekdays |= {weekday for weekday, _ in reading.named}
        if any(next_week for _, next_week in reading.named):
            reading.days.append(_next_weekday(today, 0, next_week=True))
            reading.last_day = reading.days[-1] + dt.timedelta(days=6)


def _read_dates(text: str, now: dt.datetime, reading: _Reading) -> None:
    """Calendar dates ("3rd of December", "12/3", "in two weeks") through dateparser."""
    if not re.search(
        r"\d|\bin (a|an|one|two|three|four|five|six) (days?|weeks?|months?)\b"
        r"|\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bmay \d",
        text,
    ):
        return  # nothing dateparser should read: "may" the verb is not a month
    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return
    day = parsed.date()
    if day < now.date():
        has_year = re.search(r"\b(19|20)\d\d\b", text)
        if has_year or (now.date() - day).days <= 90:
            reading.past = True
            return
        day = day.replace(year=day.year + 1)
    reading.days.append(day)


def read_preference(
    text: str, now: dt.datetime, hints: Iterable[str] = ()
) -> TimePreference | PastTime | None:
    """What `text` says about when the patient can come; None if it names no time.

    `hints` are DATE and TIME phrases spaCy found in the message; they are read first.
    """
    # "can't", also with a typographic apostrophe, becomes "cant".
    said = re.sub("n[\u2019']t\\b", "nt", " ".join(text.lower().split()))
    if not said:
        return None
    reading = _Reading()
    reading.asap = bool(_ASAP.search(said))
    if _PAST.search(said):
        return PastTime(text)
    rest = _read_times(said, reading)
    _read_words(rest, now.date(), reading)
    if not reading.days:
        for phrase in [*hints, rest]:
            _read_dates(_read_times(phrase.lower(), _Reading()), now, reading)
            if reading.days or reading.past:
                break
    if reading.past and not reading.days:
        return PastTime(text)
    if not reading.understood():
        return None
    first_day = min(reading.days) if reading.days else now.date()
    last_day = reading.last_day
    if reading.days and last_day is None and not _FROM_THEN_ON.search(said):
        last_day = max(reading.days)
    return TimePreference(
        first_day=max(first_day, now.date()),
        last_day=last_day,
        weekdays=frozenset(reading.weekdays) if reading.weekdays else None,
        excluded_weekdays=frozenset(reading.excluded),
        window=reading.window,
        at=reading.at,
        asap=reading.asap,
    )
