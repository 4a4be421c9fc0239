"""The clinic's consultation hours, read from the schedule file (schedule.yml)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

ROOT = Path(__file__).resolve().parent.parent
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class ScheduleError(ValueError):
    """The schedule file cannot be used; the message says which setting and why."""


@dataclass(frozen=True)
class Hours:
    """A stretch of local time within one day."""

    start: dt.time
    end: dt.time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class Closure:
    """Whole days without consultations (holidays, training days)."""

    first: dt.date
    last: dt.date
    reason: str


@dataclass(frozen=True)
class Practitioner:
    """Someone who sees patients; `weekdays` (0 = Monday) limits them to some days."""

    name: str
    weekdays: frozenset[int] | None = None


@dataclass(frozen=True)
class Schedule:
    """When consultations can start, in the clinic's timezone."""

    timezone: ZoneInfo
    consultation: dt.timedelta
    minimum_notice: dt.timedelta
    horizon: dt.timedelta
    opening_hours: dict[int, tuple[Hours, ...]]
    breaks: tuple[Hours, ...]
    closures: tuple[Closure, ...]
    practitioners: tuple[Practitioner, ...]

    def closure_on(self, day: dt.date) -> Closure | None:
        """The closure covering `day`, if any."""
        return next((c for c in self.closures if c.first <= day <= c.last), None)

    def practitioners_on(self, day: dt.date) -> list[str]:
        """Who works on `day` (the clinic being open)."""
        return [
            p.name for p in self.practitioners if p.weekdays is None or day.weekday() in p.weekdays
        ]

    def starts_on(self, day: dt.date) -> list[dt.datetime]:
        """Every consultation start on `day` as an aware local time, breaks left out."""
        if self.closure_on(day) or not self.practitioners_on(day):
            return []
        starts = []
        for hours in self.opening_hours.get(day.weekday(), ()):
            start = dt.datetime.combine(day, hours.start, self.timezone)
            close = dt.datetime.combine(day, hours.end, self.timezone)
            while start + self.consultation <= close:
                end = start + self.consultation
                if not any(self._overlaps_break(start, end, b) for b in self.breaks):
                    starts.append(start)
                start = end
        return starts

    def _overlaps_break(self, start: dt.datetime, end: dt.datetime, pause: Hours) -> bool:
        day = start.date()
        pause_start = dt.datetime.combine(day, pause.start, self.timezone)
        pause_end = dt.datetime.combine(day, pause.end, self.timezone)
        return start < pause_end and pause_start < end

    def starts_between(self, first: dt.date, last: dt.date) -> Iterator[dt.datetime]:
        """Consultation starts from day `first` to day `last`, in order."""
        day = first
        while day <= last:
            yield from self.starts_on(day)
            day += dt.timedelta(days=1)

    def now(self) -> dt.datetime:
        """The clinic's current local time."""
        return dt.datetime.now(self.timezone)

    def is_open(self, moment: dt.datetime) -> bool:
        """Whether the clinic is open at `moment` (its opening hours, closures left out)."""
        local = moment.astimezone(self.timezone)
        if self.closure_on(local.date()):
            return False
        clock = local.time().replace(tzinfo=None)
        return any(h.start <= clock < h.end for h in self.opening_hours.get(local.weekday(), ()))

    def describe_now(self, now: dt.datetime | None = None) -> str:
        """Open or closed now, for patients: "We're closed now; we open again on Monday at
        08:00." (asked for someone today on a Saturday afternoon)."""
        local = (now or self.now()).astimezone(self.timezone)
        if self.is_open(local):
            clock = local.time().replace(tzinfo=None)
            hours = self.opening_hours[local.weekday()]
            until = next(h.end for h in hours if h.start <= clock < h.end)
            return f"We're open now, until {until:%H:%M}."
        for ahead in range(0, 15):
            day = local.date() + dt.timedelta(days=ahead)
            if self.closure_on(day):
                continue
            for hours in self.opening_hours.get(day.weekday(), ()):
                opens = dt.datetime.combine(day, hours.start, self.timezone)
                if opens > local:
                    when = {0: "today", 1: "tomorrow"}.get(
                        ahead, f"on {WEEKDAYS[day.weekday()].capitalize()}"
                    )
                    return f"We're closed now; we open again {when} at {hours.start:%H:%M}."
        return "We're closed now."

    def describe_hours(self) -> str:
        """Opening hours for patients: "Monday to Wednesday 08:00-18:00, Saturday 09:00-13:00"."""
        groups: list[tuple[list[int], str]] = []
        for weekday in range(7):
            hours = self.opening_hours.get(weekday)
            if not hours:
                continue
            text = " and ".join(str(h) for h in hours)
            if groups and groups[-1][1] == text and groups[-1][0][-1] == weekday - 1:
                groups[-1][0].append(weekday)
            else:
                groups.append(([weekday], text))
        parts = []
        for days, text in groups:
            names = [WEEKDAYS[d].capitalize() for d in days]
            span = names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
            parts.append(f"{span} {text}")
        return ", ".join(parts)

    def describe_closed_days(self) -> str:
        """The weekdays the clinic is closed, for patients: "on Sunday"; "" if none."""
        closed = [WEEKDAYS[d].capitalize() for d in range(7) if not self.opening_hours.get(d)]
        if not closed:
            return ""
        names = closed[0] if len(closed) == 1 else f"{', '.join(closed[:-1])} and {closed[-1]}"
        return f"on {names}"


def _hours(text: Any, where: str) -> Hours:
    match = _HOURS.match(str(text))
    if not match:
        raise ScheduleError(f'{where}: expected hours like "08:00-18:00", got {text!r}')
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    try:
        hours = Hours(dt.time(h1, m1), dt.time(h2, m2))
    except ValueError as error:
        raise ScheduleError(f"{where}: {error} in {text!r}") from None
    if hours.end <= hours.start:
        raise ScheduleError(f"{where}: {text!r} ends before it starts")
    return hours


def _hours_list(value: Any, where: str) -> tuple[Hours, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(_hours(v, where) for v in values if v)


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ScheduleError(f"{where}: expected a date like 2026-12-24, got {value!r}") from None


def _weekday(name: Any, where: str) -> int:
    try:
        return WEEKDAYS.index(str(name).strip().lower())
    except ValueError:
        raise ScheduleError(f"{where}: {name!r} is not a weekday") from None


def parse_schedule(data: dict[str, Any]) -> Schedule:
    """A Schedule from the file's contents; raises ScheduleError on anything unusable."""
    if not isinstance(data, dict):
        raise ScheduleError("the schedule file must be a mapping of settings")
    try:
        timezone = ZoneInfo(str(data.get("timezone", "")))
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"timezone: unknown timezone {data.get('timezone')!r}") from None
    minutes = data.get("consultation_minutes")
    if not isinstance(minutes, int) or not 5 <= minutes <= 240:
        raise ScheduleError("consultation_minutes: a whole number from 5 to 240")
    opening = {
        _weekday(day, "opening_hours"): _hours_list(hours, f"opening_hours.{day}")
        for day, hours in (data.get("opening_hours") or {}).items()
    }
    if not any(opening.values()):
        raise ScheduleError("opening_hours: the clinic needs at least one open day")
    closures = []
    for entry in data.get("closures") or []:
        first = _date(entry.get("date"), "closures.date")
        last = _date(entry.get("until", first), "closures.until")
        closures.append(Closure(first, last, str(entry.get("reason", "closed"))))
    practitioners = []
    for entry in data.get("practitioners") or []:
        days = entry.get("weekdays")
        weekdays = frozenset(_weekday(d, "practitioners.weekdays") for d in days) if days else None
        practitioners.append(Practitioner(str(entry["name"]), weekdays))
    if not practitioners:
        raise ScheduleError("practitioners: at least one practitioner is needed")
    return Schedule(
        timezone=timezone,
        consultation=dt.timedelta(minutes=minutes),
        minimum_notice=dt.timedelta(hours=float(data.get("minimum_notice_hours", 0))),
        horizon=dt.timedelta(days=int(data.get("booking_horizon_days", 60))),
        opening_hours=opening,
        breaks=_hours_list(data.get("breaks") or [], "breaks"),
        closures=tuple(closures),
        practitioners=tuple(practitioners),
    )


def load_schedule(path: Path) -> Schedule:
    """The schedule in `path` (YAML)."""
    with open(path, encoding="utf-8") as file:
        return parse_schedule(yaml.safe_load(file))


@cache
def clinic_schedule() -> Schedule:
    """The clinic's schedule from `CLINIC_SCHEDULE_FILE` (default schedule.yml), read once."""
    path = Path(os.environ.get("CLINIC_SCHEDULE_FILE") or "schedule.yml")
    return load_schedule(path if path.is_absolute() else ROOT / path)
