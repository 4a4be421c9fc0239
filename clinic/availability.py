"""Free consultation times: the schedule, minus what is booked, nearest to the wish first."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from clinic.preferred_time import TimePreference, read_preference
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


def offer(
    schedule: Schedule, busy: Busy, wish: TimePreference, now: dt.datetime, limit: int = 3
) -> Offer:
    """The nearest free times that fit `wish`; else the nearest after it, relaxing first the
    hours, then the days asked for (days the patient ruled out stay out)."""
    now = now.astimezone(schedule.timezone)
    horizon_day = (now + schedule.horizon).date()
    last_day = min(wish.last_day or horizon_day, horizon_day)
    slots = _nearest_first(
        _free(schedule, busy, now, wish.first_day, last_day, wish.accepts), wish.at, limit
    )
    if slots:
        return Offer(tuple(slots), matched=True)

    def right_day(start: dt.datetime, _end: dt.datetime) -> bool:
        day = start.date()
        ruled_out = day.weekday() in wish.excluded_weekdays
        return not ruled_out and (wish.weekdays is None or day.weekday() in wish.weekdays)

    for fits in (right_day, lambda start, end: start.weekday() not in wish.excluded_weekdays):
        nearest = _nearest_first(
            _free(schedule, busy, now, wish.first_day, horizon_day, fits), wish.at, limit
        )
        if nearest:
            return Offer(tuple(nearest), matched=False)
    anything = _free(schedule, busy, now, now.date(), horizon_day, lambda *_: True)
    return Offer(tuple(_nearest_first(anything, None, limit)), matched=False)


def pick_offered(said: str, offered: list[dt.datetime]) -> dt.datetime | None:
    """Which of the offered times (in order) the patient means: "the second one", "the
    last", "3 pm", "Tuesday"; None if it is not clear."""
    if not offered:
        return None
    words = said.lower()
    ordinals = (
        ("first", "1", "earliest", "top"),
        ("second", "2", "two", "middle"),
        ("third", "3", "three"),
    )
    for index, names in enumerate(ordinals[: len(offered)]):
        if any(f" {name} " in f" {words} " for name in names) and not any(
            clock in words for clock in (":", "am", "pm", "o'clock")
        ):
            return offered[index]
    if any(last in words for last in ("last", "latest")):
        return offered[-1]
    # Read from the first offered time: "Tuesday" is the Tuesday among the offers.
    wish = read_preference(said, offered[0])
    if isinstance(wish, TimePreference):
        fitting = [
            slot
            for slot in offered
            if wish.accepts(slot, slot) and (wish.at is None or slot.time() == wish.at)
        ]
        if len(fitting) == 1 or (fitting and wish.at is not None):
            return fitting[0]
    return None
