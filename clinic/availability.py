"""Free consultation times: the schedule, minus what is booked, nearest to the wish first."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from clinic.phone_numbers import without_phone_numbers
from clinic.preferred_time import (
    DAY_PART_WINDOWS,
    WEEK_OR_DATE,
    TimePreference,
    hour_of,
    normalise_time_words,
    read_preference,
    weekday_of,
)
from clinic.schedule import Schedule

# Booked consultations per practitioner: (starts_at, ends_at), aware datetimes.
Busy = Mapping[str, Sequence[tuple[dt.datetime, dt.datetime]]]


@dataclass(frozen=True)
class Slot:
    """A consultation time with the practitioners still free then (schedule order)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    practitioners: tuple[str, ...]


@dataclass(frozen=True)
class Offer:
    """Up to three free times; `matched` is False when none fits the wish and these are
    simply the nearest ones after it."""

    slots: tuple[Slot, ...]
    matched: bool


def free_practitioners(schedule: Schedule, busy: Busy, starts_at: dt.datetime) -> tuple[str, ...]:
    """Who can see a patient at `starts_at` (a schedule start), in schedule order."""
    ends_at = starts_at + schedule.consultation
    local_day = starts_at.astimezone(schedule.timezone).date()
    return tuple(
        name
        for name in schedule.practitioners_on(local_day)
        if not any(start < ends_at and starts_at < end for start, end in busy.get(name, ()))
    )


def is_bookable(schedule: Schedule, starts_at: dt.datetime, now: dt.datetime) -> bool:
    """Whether `starts_at` is a consultation start in the schedule, far enough ahead."""
    local = starts_at.astimezone(schedule.timezone)
    in_range = now + schedule.minimum_notice <= local <= now + schedule.horizon
    return in_range and local in schedule.starts_on(local.date())


def _free(
    schedule: Schedule,
    busy: Busy,
    now: dt.datetime,
    first_day: dt.date,
    last_day: dt.date,
    fits: Callable[[dt.datetime, dt.datetime], bool],
) -> Iterator[Slot]:
    earliest = now + schedule.minimum_notice
    for start in schedule.starts_between(max(first_day, now.date()), last_day):
        end = start + schedule.consultation
        if start < earliest or not fits(start, end):
            continue
        free = free_practitioners(schedule, busy, start)
        if free:
            yield Slot(start, end, free)


def _nearest_first(slots: Iterator[Slot], at: dt.time | None, limit: int) -> list[Slot]:
    """The first `limit` slots; with a clock time, on the first day closest to that time."""
    if at is None:
        return list(itertools.islice(slots, limit))
    by_day: dict[dt.date, list[Slot]] = {}
    for slot in slots:
        by_day.setdefault(slot.starts_at.date(), []).append(slot)
        if len(by_day) > limit:
            break
    wished = at.hour * 60 + at.minute
    ordered = [
        slot
        for day in sorted(by_day)
        for slot in sorted(
            by_day[day],
            key=lambda s: abs(s.starts_at.hour * 60 + s.starts_at.minute - wished),
        )
    ]
    return ordered[:limit]


def _latest_first(slots: Iterator[Slot], limit: int) -> list[Slot]:
    """The latest `limit` slots of the first day that has any ("the latest you've got"),
    latest first."""
    day: list[Slot] = []
    for slot in slots:
        if day and slot.starts_at.date() != day[0].starts_at.date():
            break
        day.append(slot)
    return day[::-1][:limit]


def offer(
    schedule: Schedule,
    busy: Busy,
    wish: TimePreference,
    now: dt.datetime,
    limit: int = 3,
    not_before: dt.date | None = None,
) -> Offer:
    """The nearest free times that fit `wish`; else the nearest after it, relaxing first the
    hours, then the days asked for (days the patient ruled out stay out). Nothing before
    `not_before` (a doctor first, today)."""
    now = now.astimezone(schedule.timezone)
    if not_before and not_before > now.date():
        now = (
            dt.datetime.combine(not_before, dt.time(0), schedule.timezone) - schedule.minimum_notice
        )
        if wish.first_day < not_before:
            last = wish.last_day if wish.last_day and wish.last_day >= not_before else None
            wish = replace(wish, first_day=not_before, last_day=last)
    horizon_day = (now + schedule.horizon).date()
    if wish.either:
        # The nearest of each alternative, so "Monday at 10 or Tuesday at 2" offers both.
        each = [
            [
                s
                for s in offer(schedule, busy, one, now, limit).slots
                if one.accepts(s.starts_at, s.ends_at)
            ]
            for one in wish.either
        ]
        found: dict[dt.datetime, Slot] = {}
        for rank in range(limit):  # each one's nearest first, then each one's next
            for slots in each:
                if rank < len(slots) and len(found) < limit:
                    found.setdefault(slots[rank].starts_at, slots[rank])
        if found:
            return Offer(tuple(found[start] for start in sorted(found)), matched=True)
    last_day = min(wish.last_day or horizon_day, horizon_day)
    free = _free(schedule, busy, now, wish.first_day, last_day, wish.accepts)
    slots = _latest_first(free, limit) if wish.latest else _nearest_first(free, wish.at, limit)
    if slots:
        return Offer(tuple(slots), matched=True)

    def right_day(start: dt.datetime, _end: dt.datetime) -> bool:
        day = start.date()
        ruled_out = day.weekday() in wish.excluded_weekdays
        return not ruled_out and (wish.weekdays is None or day.weekday() in wish.weekdays)

    relaxed = [right_day, lambda start, end: start.weekday() not in wish.excluded_weekdays]
    if wish.window is not None and wish.window not in DAY_PART_WINDOWS:
        # An hour said on the clock ("after 5:45", "before 10") is the patient's day around
        # work: those hours on other days first, then other hours.
        hours = replace(wish, last_day=None, weekdays=None)
        relaxed.insert(0, lambda start, end: hours.accepts(start, end))
    for fits in relaxed:
        nearest = _nearest_first(
            _free(schedule, busy, now, wish.first_day, horizon_day, fits), wish.at, limit
        )
        if nearest:
            return Offer(tuple(nearest), matched=False)
    anything = _free(schedule, busy, now, now.date(), horizon_day, lambda *_: True)
    return Offer(tuple(_nearest_first(anything, None, limit)), matched=False)


# Picking among offered times: what narrows the choice, then which of those is meant.
_NONE_OF_THEM = re.compile(r"\b(none|neither|nothing|not those|other times?)\b")
_ANY_OF_THEM = re.compile(r"\b(any|either|whichever|whatever|soonest|earliest|first available)\b")
_RANKS = {
    "first": 1, "1st": 1, "top": 1, "second": 2, "2nd": 2, "middle": 2,
    "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
}  # fmt: skip
# Said of the clock: the latest (1) or the earliest (-1) of the times offered.
_BY_CLOCK = {"latest": 1, "later": 1, "earliest": -1, "earlier": -1}
_OF_THE_CHAT = re.compile(r"\b(?:earlier|later)\s+(?=(?:you|u|i|we|he|she|they|it|on|in)\b)")
_NUMBERED = re.compile(r"(?:#\s*|\b(?:option|number|no\.?|choice|slot)\s+)(\d)\b(?![:.]\d)")
_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<meridiem>am|pm|o'?clock)?\b(?!\s*(?:st|nd|rd|th)\b)"
)
_PARTS = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24), "night": (17, 24)}


_PUT_ASIDE = re.compile(r"\b(?:not|rather than|instead of|than)\s*(?:at\s*)?$")


def pick_offered(
    said: str, offered: list[dt.datetime], now: dt.datetime | None = None
) -> dt.datetime | None:
    """Which of the offered times (in order) the patient means: "the second one", "the
    later Friday one", "10 is good", "half 3", "any"; None if it is not clear.

    The weekday, part of the day and clock time said narrow the offers; a rank ("the
    second", "the later") then picks among what is left. A bare number that could be
    either a rank or an hour on offer ("2" with a 2 pm among the offers) is not clear.
    """
    if not offered:
        return None
    picked = _pick_offered(said, offered, now)
    lead = _OTHER_NEWS.split(said.strip(), maxsplit=1)[0]
    rest = said.strip()[len(lead) :]
    # "...no wait, saturday morning is better": another day or hour after it takes it back.
    taken_back = _names_a_day_or_hour(
        normalise_time_words(rest), now or offered[0].replace(hour=0, minute=0)
    )  # "anything later? 7ish": the 7 takes the "later" back (outside run 86 p04)
    if (
        picked is None
        and lead != said.strip()
        and len(lead.split()) <= _PICK_WORDS
        and not taken_back
    ):
        # "8 works. btw it's the left side, and the headaches come in the afternoon": the
        # pick said first, whatever the news after it names (outside run 69 p02).
        return _pick_offered(lead, offered, now)
    return picked


# Where other news starts after a pick: a new sentence, "btw", "oh and", "also".
_OTHER_NEWS = re.compile(
    r"(?<=[.!?;])\s+|\s*,?\s+(?:btw|by the way|oh and|and also|also|ps|p\.s\.)\b", re.IGNORECASE
)
_PICK_WORDS = 6


def _names_a_day_or_hour(text: str, now: dt.datetime) -> bool:
    """Whether `text` names a day ("saturday", "tomorrow") or a clock hour; a part of the
    day alone ("headaches in the afternoon") is none."""
    if _CLOCK.search(text.lower()):
        return True
    wish = read_preference(text, now)
    return isinstance(wish, TimePreference) and (wish.last_day is not None or bool(wish.weekdays))


def _pick_offered(
    said: str, offered: list[dt.datetime], now: dt.datetime | None = None
) -> dt.datetime | None:
    """`pick_offered` read on the whole of `said`."""
    said = without_phone_numbers(said)  # "9.30 works. Ana Ruiz, 646-812-3304"
    words = re.sub(r"\b(12 )?(noon|midday)\b", "12:00pm", normalise_time_words(said))
    if _NONE_OF_THEM.search(words) or _ANYTHING_ELSE.search(words):
        return None  # "anything later?": other times asked for, none of these
    numbered = _NUMBERED.search(words)
    if numbered:
        index = int(numbered[1])
        return offered[index - 1] if 1 <= index <= len(offered) else None
    words = _NUMBERED.sub(" ", words)
    if _names_another_day(said, offered, now):
        return None  # "no, Thursday the 17th at 7": a new wish, not one of these
    candidates = _on_named_days(words, offered)
    part_named = False
    for part, (start, end) in _PARTS.items():
        if re.search(rf"\b{part}s?\b", words):
            candidates = [slot for slot in candidates if start <= slot.hour < end]
            part_named = True
    # "2pm not 1:30", "1pm rather than 12": the time put aside is not the one meant.
    clocks = [c for c in _CLOCK.finditer(words) if not _PUT_ASIDE.search(words[: c.start()])]
    if clocks:
        clock = clocks[-1]
        bound = _BOUND.search(words[: clock.start()])
        if bound:
            # "Anything after 4?", "earlier than 3:30": a bound, not a pick; only a time
            # beyond it, and only one, is meant (outside run 62: "later than 4" booked 4:00).
            limit = _clock_time(clock)
            later = bound[1] in ("after", "past", "from")
            beyond = [s for s in candidates if (s.time() > limit if later else s.time() < limit)]
            return beyond[0] if len(beyond) == 1 else None
        at_hour = [slot for slot in candidates if _is_time(slot, clock)]
        bare = not (clock["minute"] or clock["meridiem"])
        rank = int(clock["hour"])
        # "Like 2", "around 3", "3ish", "the afternoon, 2": an hour said as one, never a
        # place in the list (outside run 74 p01: "like 2ish" booked the second offer, 8:30).
        as_an_hour = (
            part_named
            or re.search(r"\b(?:like|around|about|say|maybe|roughly)\s*$", words[: clock.start()])
            or re.match(r"\s*-?ish\b", words[clock.end() :])
        )
        if (
            bare
            and 1 <= rank <= len(offered)
            and not re.search(r"\b(at|the|@)\s*$", words[: clock.start()])
            and not as_an_hour
        ):
            if at_hour and offered[rank - 1] not in at_hour:
                # "2" alone: the second offer or the one at 2? "2 is fine", "ok 2 then":
                # said as a time is, so the hour on offer.
                alone = words.strip(" .!?") == clock.group(0)
                return at_hour[0] if len(at_hour) == 1 and not alone else None
            return at_hour[0] if len(at_hour) == 1 else offered[rank - 1]
        if not bare and len(at_hour) == 1:
            # "Wed 9 Dec, 5:00 pm", the one time offered, typed as its button reads
            # (outside run 120 x7p01: the times offered again).
            return at_hour[0]
        candidates = at_hour
    # "Earlier you said...", "later I'll...": of the chat, not of the times offered.
    said_words = re.findall(r"[a-z0-9]+", _OF_THE_CHAT.sub(" ", words))
    by_clock = [_BY_CLOCK[word] for word in said_words if word in _BY_CLOCK]
    if by_clock and candidates:
        # "The latest you have", "earliest of those": by the clock, whatever the order the
        # offers came in (outside run 54: "latest u have" booked the earliest).
        return max(candidates) if by_clock[0] > 0 else min(candidates)
    ranks = [_RANKS[word] for word in said_words if word in _RANKS]
    if ranks and len(candidates) >= abs(ranks[0]):
        return candidates[ranks[0] - 1 if ranks[0] > 0 else -1]
    if _ANY_OF_THEM.search(words) and candidates:
        return candidates[0]
    if len(candidates) == 1 and len(candidates) < len(offered):
        return candidates[0]
    return None


# Other times asked for: "anything later?", "something a bit earlier", "any times later".
_ANYTHING_ELSE = re.compile(
    r"\b(?:anything|something|any\s+(?:other\s+)?times?|nothing|any)\s+(?:a\s+)?(?:bit\s+|little\s+)?"
    r"(?:later|earlier)\b"
)
_RANK_WORDS = re.compile(
    r"\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\b|\bthe \d{1,2}\b(?!\s*(st|nd|rd|th)\b)"
)


def _names_another_day(
    said: str, offered: list[dt.datetime], now: dt.datetime | None = None
) -> bool:
    """Whether the words name a date or a week that none of the offers falls on; days
    like "tomorrow" count from `now` (by default the first offer's day)."""
    # Ranks and clock hours are about the offers ("the 2nd one", "I'll take the 9").
    words = _RANK_WORDS.sub(" ", said.lower())
    named = {weekday_of(word) for word in re.findall(r"[a-z]+", words)} - {None}
    if (
        named
        and any(slot.weekday() in named for slot in offered)
        and not WEEK_OR_DATE.search(words)
    ):
        # "11 on Wednesday then" to next week's Wednesday's times: that Wednesday, the one
        # looked at (outside run 125 w06: this week's offered instead).
        return False
    wish = read_preference(words, now or offered[0].replace(hour=0, minute=0))
    if not isinstance(wish, TimePreference) or wish.last_day is None:
        return False
    return not any(wish.accepts_day(slot.date()) for slot in offered)


def _on_named_days(words: str, offered: list[dt.datetime]) -> list[dt.datetime]:
    """The offers on the weekdays named, or all of them if none is named."""
    named = {day for word in re.findall(r"[a-z]+", words) if (day := weekday_of(word)) is not None}
    return [slot for slot in offered if not named or slot.weekday() in named]


_BOUND = re.compile(r"\b(after|past|from|before|by|until|till)\s*(?:at\s*)?$")


def _clock_time(clock: re.Match[str]) -> dt.time:
    """The time a clock said means; without am/pm, 1 to 7 are the afternoon (clinic hours)."""
    meridiem = clock["meridiem"] if clock["meridiem"] in ("am", "pm") else None
    return hour_of(int(clock["hour"]), int(clock["minute"] or 0), meridiem) or dt.time(0, 0)


def _is_time(slot: dt.datetime, clock: re.Match[str]) -> bool:
    """Whether `slot` starts at the clock time said; without am/pm, either half of the day."""
    hour, minute = int(clock["hour"]), int(clock["minute"] or 0)
    meridiem = clock["meridiem"] or ""
    if meridiem in ("am", "pm"):
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return (slot.hour, slot.minute) == (hour, minute)
    return (slot.hour % 12, slot.minute) == (hour % 12, minute)
