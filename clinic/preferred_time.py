"""A patient's preferred consultation time, in their own words ("next Tuesday afternoon").

The words are first brought to one spelling (typos, "2moro", "half 3", "the twelfth"), then
read in layers: clock times, then days (weekdays, "tomorrow", weeks, weekends, months),
then calendar dates. dateparser reads the calendar dates ("3rd of December", "15/12", "in
two weeks"); it does not read day parts, "next Tuesday", "not Mondays", weeks or "as soon
as possible", and takes "tomorrow at 3" for 10 a.m., so those are read here. A weekday
that disagrees with the date beside it ("Tuesday 16 December", a Wednesday) is not
guessed: it comes back as a `DayMismatch` for the assistant to ask about. Everything is in
the clinic's timezone: `now` is an aware datetime.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import dateparser

from clinic.phone_numbers import without_phone_numbers
from clinic.vocabulary import DOCTOR_WORDS, typo_of

_WEEKDAY_NAMES = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_FULL_WEEKDAYS = [name for name in _WEEKDAY_NAMES if len(name) > 5]
_DAY_GROUPS = {"weekday": frozenset(range(5)), "weekend": frozenset({5, 6})}
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"

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
DAY_PART_WINDOWS = frozenset(_DAY_PARTS.values())
# "As soon as possible" always means the earliest; "any time" only when nothing else is
# said ("any time after 5" is a window, not a rush).
_ASAP = re.compile(
    r"\b(asap|a\.s\.a\.p|as soon as|as early as possible|earliest|soonest"
    r"|first (available|free|opening|slot)|next (available|free)|urgently|quickly)\b"
)
_ANY_TIME = re.compile(r"\b(any ?time|whenever|any day|anything)\b")
_ANY_TIME_THEN = re.compile(
    r"\bany ?time\s+(?=(?:between|from|after|before|until|till|by)\b)", re.IGNORECASE
)
_PAST = re.compile(
    r"\b(yesterday|last (week|month|mon|tue|wed|thu|fri|sat|sun)\w*|ago|just gone)\b"
)
_NEGATION = {"not", "no", "except", "but", "never", "cant", "cannot", "dont", "wont", "excluding"}
# The day a wish is compared against: "better than thursday", "instead of monday".
_COMPARED_AWAY = {("than", "better"), ("than", "rather"), ("than", "sooner"),
                  ("than", "preferable"), ("of", "instead")}  # fmt: skip
_KEEPS_NEGATION = {
    "on", "or", "and", "nor", "the", "a", "any", "s", "/", "&", "either", "do", "make", "come",
    "manage", "in", "at", "free",
}  # fmt: skip
# "at 3", "after 4pm", "10:30", "3 pm", "noon"; a bare number is a time only after a cue.
_TIME = re.compile(
    r"\b(?P<neg>not\s+)?(?:(?P<cue>at|after|from|before|by|around|about|until|till|earliest|latest"
    r"|ideally|preferably|like|say|maybe|perhaps)\s*)?"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>am|pm|a\.m\.|p\.m\.|o'?clock)?"
    r"(?!\s*(?:st|nd|rd|th|/|-|days?|weeks?|months?|minutes?|mins?|hours?|hrs?|out of)\b)(?=\W|$)"
)
_NOON = re.compile(
    r"\b(?P<neg>not\s+)?(?:(?P<cue>at|after|before|around|about|by)\s+)?(noon|midday|12 noon)\b"
)
# "in two weeks", "from the 3rd": that day or later, not only that day.
_FROM_THEN_ON = re.compile(
    r"\bin \w+ (days?|weeks?|months?)\b|\bfrom the\b(?!.*\b(to|until|till)\b)"
    r"|\b(or later|onwards?)\b"
)
_TOKEN = re.compile(r"[a-z]+|[^\sa-z0-9]")
# A calendar date with its month: "9 december", "dec 6", "1st of december", "15/12".
_CALENDAR_DATE = re.compile(
    rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\.?\s+(?:the\s+)?\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d\d-\d\d)"
)
# "the 3rd", "the 15" (a day of the month, not "the 15 minutes").
_DAY_OF_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\b|\bthe (\d{1,2})\b(?!\s*(?::|\.\d|am|pm|a\.m|p\.m|o'?clock"
    r"|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|one|of them)\b)"
)
_RELATIVE_DATE = re.compile(
    r"\bin (?:a|an|one|two|three|four|five|six|\d{1,2}) (?:days?|weeks?|months?)\b"
    r"|\b(?:a|one|two|three|four|five|six|\d{1,2}) (?:days?|weeks?|months?) from (?:now|today)\b"
    r"|\b\d{4}-\d\d-\d\d\b"
)

# Shorthand and common misspellings, by word.
_SHORTHAND = {
    "nxt": "next", "nex": "next", "wk": "week", "wks": "weeks", "arvo": "afternoon",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tmrw": "tomorrow",
    "tmr": "tomorrow", "tmw": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow",
    "tommorrow": "tomorrow", "tomoro": "tomorrow", "2day": "today", "tday": "today",
    "tonite": "tonight", "mornin": "morning", "evenin": "evening", "noonish": "around noon",
}  # fmt: skip
# A weekday said with its week or date: "next tuesday", "tuesday the 15th", "this friday".
WEEK_OR_DATE = re.compile(
    r"\b(?:this|next|coming|following|after|today|tomorrow|tmrw|jan\w*|feb\w*|mar\w*|apr\w*"
    r"|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b"
    r"|\bthe\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[/.-]\d{1,2}\b",
    re.IGNORECASE,
)
# Words of when, whose typos are read as meant.
_TIME_WORDS = [
    "after", "before", "morning", "afternoon", "evening", "tomorrow", "tonight", "weekend",
    "around", "between", "anytime", "earliest", "lunchtime", "midday",
]  # fmt: skip
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_ORDINAL_WORDS = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    "twentieth": 20, "thirtieth": 30,
    **{f"twenty {word}": 20 + n for n, word in enumerate(_UNITS, 1)},
    **{f"thirty {word}": 30 + n for n, word in enumerate(_UNITS[:1], 1)},
}  # fmt: skip
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
# "the first" is a date only when nothing after it says it is a rank ("the first one",
# "the first visit": outside run 31 offered 1 January for "no needles at the first visit?").
_RANKED = (
    "one|ones|available|free|slot|opening|time|times|thing|appointment|appointments|option|"
    "of them|visit|visits|session|sessions|consultation|consult|treatment|treatments|meeting|"
    "step|question|part|day|days|few|couple|physio|therapist|person|place"
)
_ORDINAL_DATE = re.compile(
    r"\b(the|on)\s+(" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")\b"
    rf"(?!\s+(?:{_RANKED})\b)"
)


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
    # The latest time of the day is wanted ("latest you've got on Monday").
    latest: bool = False
    # Times offered as alternatives ("Saturday or after 6"): any one of them suits, and
    # the fields above only span them (first and last day).
    either: tuple[TimePreference, ...] = ()

    def accepts_day(self, day: dt.date) -> bool:
        """Whether `day` is one the patient can come on."""
        if self.either:
            return any(one.accepts_day(day) for one in self.either)
        if day < self.first_day or (self.last_day and day > self.last_day):
            return False
        if self.weekdays is not None and day.weekday() not in self.weekdays:
            return False
        return day.weekday() not in self.excluded_weekdays

    def accepts(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether a consultation from `start` to `end` (local) suits the patient."""
        if self.either:
            return any(one.accepts(start, end) for one in self.either)
        if not self.accepts_day(start.date()):
            return False
        if self.window:
            return self.window[0] <= start.time() and end.time() <= self.window[1]
        return True


@dataclass(frozen=True)
class PastTime:
    """The patient named a time that has passed ("yesterday", "2 November")."""

    said: str


@dataclass(frozen=True)
class DayMismatch:
    """A weekday and a date that disagree ("Tuesday 16 December" is a Wednesday): which
    one the patient means is asked, never guessed."""

    said: str
    date: dt.date  # the date as written
    weekday_day: dt.date  # the named weekday nearest to that date
    conflict: bool = True


@dataclass
class _Reading:
    """What the words said, before it becomes a TimePreference."""

    days: list[dt.date] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)  # calendar dates as written
    named: list[tuple[int, bool]] = field(default_factory=list)  # (weekday, said "next")
    span: tuple[dt.date, dt.date] | None = None  # a week, a weekend or a month
    last_day: dt.date | None = None
    weekdays: set[int] = field(default_factory=set)
    excluded: set[int] = field(default_factory=set)
    window: tuple[dt.time, dt.time] | None = None
    at: dt.time | None = None
    past: bool = False
    week_later: bool = False  # "the saturday after": the one after the coming one
    deadline: dt.date | None = None  # "within a week", "by friday": the last day it may be

    def understood(self) -> bool:
        return bool(
            self.days or self.dates or self.span or self.named or self.weekdays
            or self.excluded or self.window or self.at or self.deadline
        )  # fmt: skip


def hour_of(hour: int, minute: int, meridiem: str | None) -> dt.time | None:
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


def _between(match: re.Match[str]) -> str:
    """ "between 9 and 11am" -> "from 9am until 11am": the second meridiem covers both."""
    first, second, meridiem = match["first"], match["second"], match["meridiem"] or ""
    first_meridiem = match["first_meridiem"] or (
        meridiem if int(first.split(":")[0]) <= int(second.split(":")[0]) else ""
    )
    return f"from {first}{first_meridiem} until {second}{meridiem}"


# Hours and minutes in words: "at ten", "half past nine", "ten o'clock", "ten thirty".
_HOURS = {
    word: str(n)
    for n, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve"), 1)
}  # fmt: skip
_MINUTES = {"fifteen": "15", "thirty": "30", "forty five": "45", "forty-five": "45"}
_HOUR_WORD = rf"({'|'.join(_HOURS)})"
_CLOCK_WORDS_MINUTES = re.compile(rf"\b{_HOUR_WORD} ({'|'.join(_MINUTES)})\b")
# After a cue, an hour only where nothing follows that makes it a count ("at one point",
# "after two weeks" stay as they are); before "o'clock", always.
_CLOCK_WORDS = re.compile(
    rf"\b((?:at|after|before|around|about|by|from|till|until|past|to|half|quarter) ){_HOUR_WORD}"
    r"(?=\s*(?:$|[^\w\s]|(?:am|pm|a\.m|p\.m|o'?clock|please|pls|then|if|or|and|on|next|this|"
    r"tomorrow|today|works?|would|is|suits?|thanks?|thank|in the|ish|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b))"
)
_OCLOCK_WORD = re.compile(rf"\b{_HOUR_WORD}(?= ?o'?clock\b)")


# A date with dots, day first as in much of Europe: "15.12", "3.12.", "17.12.2026". Not a
# clock time: after "at" or the like, before "am", or with minutes an appointment has.
_DOTTED_DATE = re.compile(
    r"(?<![\w.:])(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>(?:19|20)?\d\d))?\.?"
    r"(?![\w:]|\.\d)(?!\s*(?:am|pm|a\.m|p\.m|o'?clock)\b)"
)
_CLOCK_CUE_BEFORE = re.compile(
    r"\b(?:at|after|from|before|by|around|about|until|till|earliest|latest|ideally)\s*$"
)


def _dotted_date(match: re.Match[str]) -> str:
    day, month, year = int(match["day"]), int(match["month"]), match["year"]
    clock_like = month % 5 == 0 and not year  # "9.05", "10.10": five-minute steps
    if (
        not (1 <= day <= 31 and 1 <= month <= 12)
        or clock_like
        or _CLOCK_CUE_BEFORE.search(match.string[: match.start()])
    ):
        return match[0]
    return f"{day} {_MONTHS[month - 1]}" + (
        f" {year if len(year) == 4 else '20' + year}" if year else ""
    )


# The hours of the patient's own day: "I finish work at 5" is "after 5", "I start at 11"
# is "before 11"; they bound the time wished, they are not it.
_DAY_ENDS_AT = re.compile(
    r"\b(?:i|i'm|im|i am|we)\s+(?:usually\s+|normally\s+)?(?:finish|get off|leave|am done|'m done|"
    r"clock (?:off|out)|knock off)(?:\s+(?:work|school|uni|my shift))?"
    # "I finish at 5", and "I finish work 4:30" without the "at".
    r"(?:\s+(?:at|around|about)\s+|\s+(?=\d))"
    r"|\b(?:i|we)\s+(?:usually\s+|normally\s+)?(?:work|am at work|'m at work)\s+"
    r"(?:until|till|til|to)\s+"
    # Someone else's working day: "she works till 5:30", "my wife works until 5".
    r"|\b(?:he|she|they|(?:my|his|her|our) \w+)\s+(?:usually\s+|normally\s+)?(?:works?|"
    r"finishes|gets off|gets out|is out|is done|gets home)(?:\s+(?:of\s+)?(?:work|school))?"
    r"\s+(?:until|till|til|to|at)\s+"
    # "he's out at 3:15", "I'm out of school at 3" (outside run 124 v05: 3:00 offered).
    r"|\b(?:he|she|they|i|we)(?:'s|'re|'m|s|re|m)?\s+(?:out|done|home)(?:\s+of\s+(?:work|school))?"
    r"\s+(?:at|around|about)\s+(?=\d)"
    # Busy until then: "I'm on site till 5", "in meetings until 3", "we're busy until 2".
    r"|\b(?:i'm|im|i am|we're|we are|i'll be|ill be|he's|she's)\s+(?:\w+\s+)?(?:on site|at work|"
    r"working|busy|in meetings?|in a meeting|driving|on shift|on the road|in the truck|in class|"
    r"at school|teaching|out|away|on call)\s+(?:until|till|til|to)\s+"
)
# Someone's own engagement at an hour: "she has her water aerobics at 9", "I've a class at
# 10" (outside run 119 p02: "Nothing is free at 9:00 am"). Busy then, no time wished; not
# "have you got anything at 9?".
_ENGAGED_AT = re.compile(
    r"\b(?:i|we|he|she|they|i've|ive|we've|he's|she's|they've)\s+(?:has|have|had|got|has got|"
    r"have got)\s+(?:(?:a|an|the|my|his|her|their|our)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?!anything|something|appointment|slot|time|space|opening|room)[a-z]+\s+"
    r"at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\b"
)
# The working day's end said without its hour: the evening.
_AFTER_WORK = re.compile(r"\bafter (?:work|my shift)\b(?!\s*(?:at|around|about|,?\s*so)\b)")
_DAY_STARTS_AT = re.compile(
    r"\b(?:i|we)\s+(?:usually\s+|normally\s+)?(?:start|begin|have to be at work|need to be at work)"
    r"(?:\s+(?:work|school|uni|my shift))?\s+(?:at|around|about)\s+"
)


_MONDAY_TO_FRIDAY = re.compile(
    r"\bmon(?:day)?s?\s*(?:-|to|thru|through|till|until)\s*fri(?:day)?s?\b"
)
# The days the patient works are the days they cannot come: "I work weekdays", "I'm at
# work monday to friday".
_WORK_DAYS = re.compile(
    r"\b(?:i|we)\s*(?:'m|m|am|are|'re)?\s+(?:work|working|workin|at work|busy|on shift)\s+"
    r"(?:on\s+|all\s+)?"
    r"(?=(?:mon|tue|wed|thu|fri|sat|sun|week)\w*)"
)


# An appointment's day is not the call's: "tell them it's to move my Monday appointment to
# Wednesday afternoon" (outside run 38 moved the call to Wednesday).
_ABOUT_AN_APPOINTMENT = re.compile(
    r"\b(?:appointments?|appt|bookings?|booked|consultations?|sessions?|visits?)\b", re.IGNORECASE
)
_CLAUSE_ENDS = re.compile(r"\s*(?:[.!?;]+|\bbut\b)\s*")


def times_for_a_call(text: str) -> str:
    """The words of a message that may say when to call: its clauses that are not about
    an appointment."""
    if not _ABOUT_AN_APPOINTMENT.search(text):
        return text
    clauses = _CLAUSE_ENDS.split(text)
    return ". ".join(c for c in clauses if c and not _ABOUT_AN_APPOINTMENT.search(c)).strip()


# Another visit's day is not the consultation's: "Friday please, my GP can't see me till
# Tuesday" (outside-run kind: the Tuesday was offered).
_ABOUT_A_DOCTOR = re.compile(
    rf"\b(?:{DOCTOR_WORDS}|hospital|urgent care|walk-in|clinic nurse|scan|x-ray|xray|mri)\b",
    re.IGNORECASE,
)
# "can i just do wed 11 and the physio can tell me if i need a doc": "and" before a new
# subject ends a clause as a comma does (outside run 114 p07: the time went with the doctor).
_CLAUSES_AT = re.compile(
    r"\s*(?:[.!?;]+|(?:,|\s+and)\s*(?=(?:he|she|i|my|the|they|we)\b)|\bbut\b)\s*"
)
# In a clause about the doctor, the wish after "so" or "then" ("she sees her gp on tuesday,
# so wednesday morning?").
_WISH_FOLLOWS = re.compile(r",?\s*\b(?:so|then)\b\s*")


# "Can you still book Saturday morning in case the doctor says it's fine?": the booking's.
_ASKS_TO_BOOK = re.compile(r"\b(?:book|booking|appointment with you|consultation)\b", re.I)


# "I booked for Wednesday... can I move it to next Saturday morning?": the new time follows
# the move (outside run 54: Wednesday was offered).
_BARE_HOUR = re.compile(
    r"^(\d{1,2})(?![\d:.]|\s*(?:st|nd|rd|th|am|pm|a\.m|p\.m|o'?clock|days?|weeks?|months?)\b)"
)
_MOVED_TO = re.compile(
    r"\b(?:move|moving|change|changing|switch|shift|push|swap)\b[^.?!]{0,30}?\bto\s+(\S.*)$",
    re.IGNORECASE,
)


def times_for_a_move(text: str) -> str:
    """The words of a request to move a booking that say when to: those after "move it
    to", else those that may say when to book."""
    moved = _MOVED_TO.search(text)
    if not moved:
        return times_for_a_booking(text)
    # "Can I move it to 8 instead?": a bare number moved to is an hour (outside run 61 p02:
    # "When would suit you?", the 8 lost).
    return _BARE_HOUR.sub(r"\1:00", moved[1])


# When the pain began, not when to book: "since thanksgiving weekend", "since last friday",
# "3 weeks ago on a monday", "last saturday at football" (outside run 89 p06: Saturday
# offered from "had it since thanksgiving weekend").
_WHEN_IT_BEGAN = re.compile(
    r"\bsince\s+(?:(?!(?:can|could|would|and|but|so|i|my|is|it|book)\b)[\w'-]+\s*){1,4}"
    r"|(?:\b[\w'-]+\s+){1,3}ago\b(?:\s+(?:on|at)\s+(?:a\s+)?[\w'-]+)?"
    r"|\b(?:last|this past)\s+(?:weekend|week|night|month|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def times_for_a_booking(text: str) -> str:
    """The words of a message that may say when to book: its clauses that are not about a
    doctor's visit, without the words of when the pain began."""
    text = _WHEN_IT_BEGAN.sub(" ", text)
    if not _ABOUT_A_DOCTOR.search(text):
        return text
    kept = []
    for clause in filter(None, _CLAUSES_AT.split(text)):
        if not _ABOUT_A_DOCTOR.search(clause) or _ASKS_TO_BOOK.search(clause):
            kept.append(clause)
            continue
        parts = _WISH_FOLLOWS.split(clause)
        kept += [f"{_WISH_FOLLOWS.search(clause)[0].strip(', ')} {part}" for part in parts[1:]
                 if part and not _ABOUT_A_DOCTOR.search(part)]  # fmt: skip
    return ". ".join(kept).strip()


def normalise_time_words(text: str) -> str:
    """One spelling for the many ways of writing a time."""
    said = re.sub("n[\u2019']t\\b", "nt", " ".join(text.lower().split()))
    said = _MONDAY_TO_FRIDAY.sub("weekdays", said)
    said = _WORK_DAYS.sub("not ", said)
    said = _DAY_ENDS_AT.sub("after ", said)
    said = _AFTER_WORK.sub("evening", said)
    said = _ENGAGED_AT.sub(" busy ", said)
    # "Monday first thing": the early morning (a Monday's gone today is next Monday's).
    said = re.sub(
        r"\bfirst thing(?:\s+in\s+the\s+morning)?\b"
        r"(?!\s+(?:i|you|we|he|she|they|to|that|is|was)\b)",
        "early morning",
        said,
    )
    said = _DAY_STARTS_AT.sub("before ", said)
    said = re.sub(r"[\u2019']s\b", "", said)  # "whatever's", "two weeks' time"
    said = re.sub(r"\bo\s+clock\b", "oclock", said)  # "10 o clock"
    said = re.sub(r"[\w]+", lambda m: _SHORTHAND.get(m[0], m[0]), said)
    # "thurs aftr 6 pm": a rare word a slip away from a time word is that word (outside run
    # 125 w03: 5:00 pm offered for "after 6").
    said = re.sub(
        r"\b[a-z]{4,}\b",
        lambda m: m[0] if m[0] in _TIME_WORDS else typo_of(m[0], _TIME_WORDS) or m[0],
        said,
    )
    said = re.sub(
        r"\b[a-z]{5,}\b",
        lambda m: m[0] if m[0] in _MONTHS else typo_of(m[0], _MONTHS, cutoff=0.8) or m[0],
        said,
    )
    said = re.sub(r"\b(twenty|thirty)[\s-]+", r"\1 ", said)
    said = _ORDINAL_DATE.sub(
        lambda m: f"{m[1]} {(n := _ORDINAL_WORDS[m[2]])}{_SUFFIX.get(n, 'th')}", said
    )
    said = re.sub(r"\b(\d{1,2})h(\d\d)?\b", lambda m: f"{m[1]}:{m[2] or '00'}", said)  # 10h
    said = _DOTTED_DATE.sub(_dotted_date, said)
    # "7.30", "730", "830am": a clock time written without its colon.
    said = re.sub(r"\b(\d{1,2})\.([0-5]\d)\b", r"\1:\2", said)
    said = re.sub(
        r"\b([1-9])(00|15|30|45)\b(?!\s*(?:%|kg|lbs?|pounds?|dollars?|\$))", r"\1:\2", said
    )
    said = _CLOCK_WORDS_MINUTES.sub(lambda m: f"{_HOURS[m[1]]}:{_MINUTES[m[2]]}", said)
    said = _CLOCK_WORDS.sub(lambda m: f"{m[1]}{_HOURS[m[2]]}", said)
    said = _OCLOCK_WORD.sub(lambda m: _HOURS[m[1]], said)
    said = re.sub(r"\bhalf (?:past )?(\d{1,2})\b(?!:)", r"\1:30", said)
    said = re.sub(r"\bquarter past (\d{1,2})\b", r"\1:15", said)
    said = re.sub(r"\bquarter to (\d{1,2})\b", lambda m: f"{(int(m[1]) - 2) % 12 + 1}:45", said)
    # "7.30ish" too, the dot for the colon (outside run 86's kind: "7.30ish" read nothing).
    said = re.sub(r"\b(\d{1,2})\.(\d\d)\s?-?ish\b", r"around \1:\2", said)
    said = re.sub(r"\b(\d{1,2}(?::\d\d)?)\s?-?ish\b", r"around \1", said)
    # "10 in the morning", and "10 in morning" as said in a second language.
    said = re.sub(r"\b(\d{1,2}(?::\d\d)?) in (?:the )?morning\b", r"\1am", said)
    said = re.sub(
        r"\b(\d{1,2}(?::\d\d)?) (?:in (?:the )?(?:afternoon|evening)|at night)\b", r"\1pm", said
    )
    said = re.sub(r"\b(?:no|not) (?:earlier|sooner) than\b", "after", said)
    said = re.sub(r"\b(?:no|not) later than\b", "by", said)
    # Lunch is a window of its own; after or before it, the hours either side.
    said = re.sub(r"\bafter (?:lunch(?:time)?|lunch hour)\b", "after 1pm", said)
    said = re.sub(r"\b(?:before|until|till) (?:lunch(?:time)?|noon|midday)\b", "before 12pm", said)
    said = re.sub(r"\bafter (?:noon|midday)\b", "after 12pm", said)
    said = re.sub(r"\blater than\b", "after", said)  # "anything later than 4"
    said = re.sub(r"\b(?:earlier|sooner) than\b", "before", said)
    said = re.sub(
        r"\bbetween (?P<first>\d{1,2}(?::\d\d)?)\s?(?P<first_meridiem>am|pm)?\s*(?:and|-|to)\s*"
        r"(?P<second>\d{1,2}(?::\d\d)?)(?:\s?(?P<meridiem>am|pm))?\b",
        _between,
        said,
    )
    said = _HOUR_RANGE.sub(_between, said)  # "9-11", "2-4pm", "from 9:30 to 11"
    # "6pm or later", "10am or earlier": a window from or until then.
    said = re.sub(r"\b(\d{1,2}(?::\d\d)?\s?(?:am|pm)?)\s+or\s+(?:later|after)\b", r"after \1", said)
    said = re.sub(r"\b(\d{1,2}(?::\d\d)?\s?(?:am|pm)?)\s+or\s+(?:earlier|before)\b", r"by \1", said)
    said = _WEEKDAY_NUMBER.sub(_hour_or_date, said)
    said = _DAY_WORD_NUMBER.sub(r"\g<day> at \g<number>", said)
    said = re.sub(r"\ba fortnight\b", "2 weeks", said)
    return re.sub(r"\b(days?|weeks?|months?) time\b", r"\1", said)


# An hour range with a dash or "to" ("monday 9-11", "from 9:30 to 11"): not a date
# ("2026-12-07"), a pain score ("a 6-7") or a count ("2-3 weeks", "6-8 sessions").
_HOUR_RANGE = re.compile(
    r"(?<![\d/:.-])(?<!\ba )(?:from\s+)?(?P<first>\d{1,2}(?::\d\d)?)\s?(?P<first_meridiem>am|pm)?"
    r"\s*(?:-|\u2013|\u2014|to|till|til|until)\s*(?P<second>\d{1,2}(?::\d\d)?)"
    r"(?:\s?(?P<meridiem>am|pm))?\b(?![\d/-])"
    r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|sessions?|times?|hours?|hrs?|mins?|"
    r"minutes?|kg|kilos?|lbs?|pounds?|%|percent|out of|/|x\b|treatments?|visits?))"
)


# A bare number after a weekday ("saturday 11", "tues 9"): not followed by what makes it a
# date or a duration already.
_WEEKDAY_NUMBER = re.compile(
    r"\b(?P<day>" + "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True)) + r")\s+"
    r"(?P<number>\d{1,2})\b(?!\s*(?::|\.\d|st\b|nd\b|rd\b|th\b|am\b|pm\b|a\.m|p\.m|o'?clock|/|-"
    r"|of\b|" + _MONTH + r"|days?\b|weeks?\b|months?\b|hours?\b))"
)


# A bare number after "tomorrow" or "today" ("tmrw 12?"): the hour (outside run 106 p06).
_DAY_WORD_NUMBER = re.compile(
    r"\b(?P<day>tomorrow|today)\s+(?P<number>1[0-2]|[1-9])\b(?!\s*(?::|\.\d|am\b|pm\b|a\.m|"
    r"p\.m|o'?clock|/|-|or\b|to\b|days?\b|weeks?\b|hours?\b|people\b))"
)


def _hour_or_date(match: re.Match[str]) -> str:
    """ "saturday 11" is 11 o'clock (clinic hours fit 1 to 12), "wednesday 16" the 16th."""
    number = int(match["number"])
    if 1 <= number <= 12:
        return f"{match['day']} at {number}"
    return f"{match['day']} the {number}{_SUFFIX.get(number, 'th')}"


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
        if cue in (None, "at") and _TAKEN_BY.search(text[: match.start()]):
            return " "  # "he has practice at 7 so after 9": what is on then, not a wish
        return keep(match, hour_of(int(match["hour"]), int(minute or 0), meridiem))

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


def weekday_of(word: str) -> int | None:
    word = word.removesuffix("s") if word not in ("tues", "thurs", "weds") else word
    if word in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES[word]
    typo = typo_of(word, _FULL_WEEKDAYS, cutoff=0.8)
    return _WEEKDAY_NAMES[typo] if typo else None


def _monday(today: dt.date, weeks_ahead: int = 0) -> dt.date:
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks_ahead)


def _next_weekday(today: dt.date, weekday: int, next_week: bool) -> dt.date:
    """The coming `weekday` (today included); with "next", the one in the following week."""
    if next_week:
        return _monday(today, 1) + dt.timedelta(days=weekday)
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def _weeks_ahead(text: str) -> int | None:
    """Which week is meant: 0 this week, 1 next week, 2 the week after next; None if none."""
    if re.search(r"\b(week )?after next\b", text):
        return 2
    if re.search(r"\bnext (week|weekend)\b", text):
        return 1
    if re.search(r"\b(this|the) (week|weekend)\b|\bweekend\b(?!s)", text):
        return 0
    return None


# "This week" said on a Sunday is the week that starts tomorrow: a US week starts on Sunday,
# and the clinic is closed that day (outside run 76 p02: Monday offered for "later this
# week, maybe Wednesday").
_SUNDAY = 6
_ON_A_SUNDAY = 1


def _read_span(text: str, today: dt.date, reading: _Reading) -> None:
    """A week, part of one, a weekend or a month, as first and last day."""
    weeks = _weeks_ahead(text)
    if re.search(r"\b(weekend)\b(?!s)", text) and not re.search(r"\bnot\b.*\bweekend", text):
        saturday = _monday(today, weeks or 0) + dt.timedelta(days=5)
        reading.span = (saturday, saturday + dt.timedelta(days=1))
        reading.weekdays |= {5, 6}
    elif weeks is not None and (re.search(r"\bweek\b", text) or (weeks == 2 and reading.named)):
        monday = _monday(today, weeks or _ON_A_SUNDAY * (today.weekday() == _SUNDAY))
        first, last = monday, monday + dt.timedelta(days=6)
        if re.search(r"\bearly\b|\bstart of\b|\bbeginning of\b", text):
            last = monday + dt.timedelta(days=2)
        elif re.search(r"\b(late|later|end|towards the end)\b", text):
            first = monday + dt.timedelta(days=3)
        reading.span = (first, last)
    elif re.search(r"\bend of the week\b", text):
        monday = _monday(today, _ON_A_SUNDAY * (today.weekday() == _SUNDAY))
        reading.span = (monday + dt.timedelta(days=3), monday + dt.timedelta(days=6))
    month = _month_named(text, today)
    if month and not reading.span:
        reading.span = month


def _month_named(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """A whole month: "next month", "in december", "sometime in january"."""
    if re.search(r"\bnext month\b", text):
        first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    elif re.search(r"\bthis month\b", text):
        first = today.replace(day=1)
    else:
        named = re.search(
            r"\b(?:in|during|sometime in|some time in|early|late)\s+(" + _MONTH + r")\b", text
        )
        if not named or re.search(r"\d", text):
            return None
        month = next((i for i, m in enumerate(_MONTHS, 1) if m.startswith(named[1][:3])), None)
        if month is None:
            return None
        year = today.year + (month < today.month)
        first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


# "Tuesday won't work", "thursday is no good": the day said, then ruled out (the words as
# `_TOKEN` splits them: "won't" is "won ' t").
_RULED_OUT_AFTER = re.compile(
    r"^(?:is |s |are |r |really |just |for me )?(?:won ' t|wont|doesn ' t|doesnt|isn ' t|isnt|"
    r"can ' t|don ' t work|dont work|"
    r"cant|is no good|no good|is out|out|is busy|busy|is bad|bad|is impossible|impossible"
    # Something on that day: "monday I have a standup", "tuesday I've got the dentist"
    # (outside run 67 p07); not "I have off" or "I'm free".
    r"|(?:i|she|he|they|we) (?:' )?(?:have|has|ve|ve got|s got|got|have got|has got|m|am|s|is"
    r"|re|are) (?!off|free|time|nothing|no\b)"
    # ...whoever has it: "wednesday she has the doctor", "tuesday he has football" (outside
    # run 70 p05: Wednesday's times offered).
    r"(?:a|an|the|my|her|his|their|our|work|school|football|practice|to|plans|stuff"
    r"|something|busy|working|at)\b"
    # Whatever that day is: "thurs is my OB appt", "tuesday is my mums birthday" (outside
    # run 76 p01: Thursday's times offered); not "friday is my day off", "...my best day".
    r"|(?:is|s|' s) (?:my|her|his|their|our|the) (?!day\b|free\b|best\b|only\b|good\b|"
    r"prefer\w*|choice\b|pick\b|favou?rite\b|ideal\b|usual day off\b)\w"
    # Someone working that day: "saturday my husband work and nobody for my son" (outside
    # run 90 p04: Saturday offered), "friday I work".
    r"|(?:i|we|he|she|they|(?:my|her|his|our) \w+) (?:work|works|working|is working|am working"
    r"|are working)\b)"
)
# Having something on a day, said before it: "has swim practice Tue/Wed", "I've got work
# wednesday", "i got the kids on friday" (outside run 76 p04: Tuesday's times offered).
_HAVING = frozenset({"has", "have", "got", "having"})
# ...but not time, a day off, or a booking asked for: "I have time tuesday", "could I have
# an appointment on friday", "do you have anything tuesday".
_HAD_FREE = frozenset({
    "off", "free", "time", "nothing", "open", "opening", "openings", "space", "availability",
    "slot", "slots", "anything", "any", "appointment", "appointments", "appt", "consultation",
    "booking", "session", "visit", "one", "it", "something",
})  # fmt: skip
_ASKED_FOR = frozenset({"can", "could", "may", "like", "to", "want", "wanna", "you", "u"})
_BUSY_WITH = frozenset({
    "work", "working", "busy", "practice", "training", "shift", "shifts", "class", "classes",
    "school", "lessons",
})  # fmt: skip
_CLAUSE_MARKS = frozenset({",", ".", ";", "!", "?", "so", "but", "because", "as"})


# Something on at a time, said just before it (outside run 80 p06: "practice at 7" offered
# 7 pm). Not "an appointment at 10": that is the wish.
_TAKEN_BY = re.compile(
    r"\b(?:work|works|working|practice|training|shift|class|school|lessons?|meeting|dentist|"
    r"game|match|pickup|pick up|church|gym|swim|rehearsal|lecture|exam|flight|train)"
    r"(?:\s+\w+){0,2}\s*(?:at\s*)?$",
    re.IGNORECASE,
)


def _ruled_out_after(words: list[str], i: int) -> bool:
    """Whether the day at `i` is ruled out by what follows it in its clause."""
    return bool(_RULED_OUT_AFTER.match(" ".join(words[i + 1 : i + 6])))


def _busy_before(words: list[str], i: int) -> bool:
    """Whether the day at `i` is taken by something told before it in its clause."""
    start = i
    while start > 0 and words[start - 1] not in _CLAUSE_MARKS and i - start < 6:
        start -= 1
    clause = [w for w in words[start:i] if w not in ("on", "every", "'")]
    if clause[-1:] and clause[-1] in _BUSY_WITH:
        # "swim practice tue", "working wednesday"; "after school tuesday" is Tuesday,
        # after it (outside run 83 p07: Monday offered, then booked).
        return not (len(clause) >= 2 and clause[-2] in ("after", "before", "around", "until"))
    having = [j for j, word in enumerate(clause) if word in _HAVING]
    if not having:
        return False
    j = having[-1]
    between = clause[j + 1 :]
    return (
        1 <= len(between) <= 3
        and not _HAD_FREE.intersection(between)
        and not _ASKED_FOR.intersection(clause[max(0, j - 3) : j])
    )


# "Late afternoon", "early morning": part of the part, within opening hours as people mean.
_EARLY_OR_LATE = {
    ("early", "morning"): (dt.time(8, 0), dt.time(10, 0)),
    ("late", "morning"): (dt.time(10, 0), dt.time(12, 0)),
    ("early", "afternoon"): (dt.time(12, 0), dt.time(14, 0)),
    ("late", "afternoon"): (dt.time(15, 0), dt.time(17, 0)),
    ("early", "evening"): (dt.time(17, 0), dt.time(19, 0)),
    ("late", "evening"): (dt.time(19, 0), dt.time(23, 59)),
}


# Before this hour "tomorrow" is the day after the night, today's date (outside run 89 p01:
# "tmrw after work" at 00:40 on a Monday meant Monday).
_NIGHT_ENDS = 5


def _read_words(
    text: str, today: dt.date, reading: _Reading, tomorrow: dt.date | None = None
) -> None:
    """Weekdays (allowed or excluded), relative days and day parts; `tomorrow` when it is
    not the day after `today` (in the small hours)."""
    next_day = tomorrow or today + dt.timedelta(days=1)
    words = _TOKEN.findall(text)
    negated = False
    # "Mornings": any day's; not "mornings are bad" (outside run 91 p06: "mornings are bad.
    # wed after 3?" made every Wednesday the wish, and none was offered).
    recurring = any(
        w.removesuffix("s") in _DAY_PARTS and w.endswith("s") and not _ruled_out_after(words, i)
        for i, w in enumerate(words)
    )
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            word == "no"
            and i == 0
            and weekday_of(following) is not None
            and following in (_WEEKDAY_NAMES)
        ):
            continue  # "no THURSDAY at 7pm": a no to the times offered, then the day wished
        if word in _NEGATION or (word, before) in _COMPARED_AWAY:
            negated = True  # "better than thursday", "instead of monday": that day is out
            continue
        weekday = weekday_of(word)
        group = _DAY_GROUPS.get(word.removesuffix("s"))
        part = word.removesuffix("s") if word.removesuffix("s") in _DAY_PARTS else None
        if weekday is not None or group is not None:
            days = {weekday} if weekday is not None else set(group or ())
            plural = word.endswith("s") and word not in _WEEKDAY_NAMES
            if negated or _ruled_out_after(words, i) or _busy_before(words, i):
                reading.excluded |= days
                negated = True  # "...practice tue/wed": the days said with it too
            elif weekday is not None and not (plural or recurring):
                reading.named.append((weekday, before == "next"))
                following = words[i + 1 : i + 3]
                if before == "the" and following[:1] == ["after"] and following[1:] != ["next"]:
                    reading.week_later = True
                # "a week on tuesday", "a week from wednesday", "thursday week".
                if words[max(i - 2, 0) : i] in (["week", "on"], ["week", "from"]) or (
                    following[:1] == ["week"] and before not in ("next", "this", "of")
                ):
                    reading.week_later = True
            elif word != "weekend":  # "the weekend" is a span (_read_span)
                reading.weekdays |= days  # "mondays", "weekdays": any week
        elif part:
            start, end = _DAY_PARTS[part]
            said_before = reading.window
            if negated and part == "morning":
                reading.window = (dt.time(12, 0), dt.time(23, 59))
            elif negated and part in ("evening", "night"):
                reading.window = (dt.time(0, 0), dt.time(17, 0))
            elif not negated:
                reading.window = _EARLY_OR_LATE.get((before, part), (start, end))
            if said_before and reading.window:
                # "morning before 10": both at once, when they meet; else the clock's.
                both = (
                    max(said_before[0], reading.window[0]),
                    min(said_before[1], reading.window[1]),
                )
                reading.window = both if both[0] < both[1] else said_before
            if part == "tonight" or before == "this":
                reading.days.append(today)
        elif word == "today" and not negated:  # "not today": no day named by it
            reading.days.append(today)
        elif word == "tomorrow":
            after = words[i - 2 : i] == ["day", "after"]
            reading.days.append(next_day + dt.timedelta(days=1 if after else 0))
        elif word == "after" and before == "day" and "tomorrow" in words[:i]:
            reading.days.append(next_day + dt.timedelta(days=1))  # "tomorrow or the day after"
        if word not in _KEEPS_NEGATION and weekday is None and group is None:
            negated = negated and word in _NEGATION
        if word in (",", ".", ";", "!"):
            negated = False


_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "couple of": 2, "few": 3}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
_HOW_MANY = (
    r"(?:(a|an|one|two|three|four|five|six|\d{1,2}|couple of|few)\s+)?(day|week|fortnight|month)s?"
)
# "within a week", "in the next 2 weeks", "over the next few days": from today to then.
_WITHIN = re.compile(rf"\b(?:within|in the next|over the next|inside of|inside)\s+{_HOW_MANY}\b")
# "I fly out in 10 days" beside a rush: the last day, not the first.
_IN_TIME = re.compile(rf"\bin\s+{_HOW_MANY}\b")
# "by friday", "before the 15th" (not "drop by", "by the way"); "before 3" is a clock time,
# read earlier.
_BY_DAY = re.compile(r"(?<!drop )(?<!pop )(?<!come )(?<!stop )\b(by|before)\s+(?!the way\b)")
_CLAUSE_END = re.compile(r"[,.;!?]|\b(?:if|as|because|but|and)\b")


def _read_deadline(text: str, now: dt.datetime, reading: _Reading, rush: bool) -> str:
    """The last day the patient may come, from "within a week", "by friday" or, with a
    rush, "in 10 days"; `text` without those words, for the rest of the reading."""
    today = now.date()
    for pattern in (_WITHIN, *((_IN_TIME,) if rush else ())):
        match = pattern.search(text)
        if match:
            count = int(match[1]) if (match[1] or "").isdigit() else _COUNT.get(match[1] or "a", 1)
            reading.deadline = today + dt.timedelta(days=count * _UNIT_DAYS[match[2]])
            return text[: match.start()] + " " + text[match.end() :]
    match = _BY_DAY.search(text)
    if not match:
        return text
    end = _CLAUSE_END.search(text, match.end())
    words = text[match.end() : end.start() if end else len(text)]
    day = read_preference(words, now) if words.strip() else None
    one_day = (
        isinstance(day, TimePreference) and day.last_day == day.first_day
        and day.at is None and day.window is None
    )  # fmt: skip
    if not one_day:
        return text
    deadline = day.first_day - dt.timedelta(days=match[1] == "before")
    # "before friday" said on a Friday: the next one.
    reading.deadline = deadline if deadline >= today else deadline + dt.timedelta(weeks=1)
    return text[: match.start()] + " " + text[match.end() + len(words) :]


def _read_dates(text: str, now: dt.datetime, reading: _Reading) -> None:
    """Calendar dates: with a month through dateparser, a day of the month on its own
    ("the 3rd": the coming one), and "in two weeks"."""
    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    today = now.date()
    for phrase in _CALENDAR_DATE.findall(text):
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
        if parsed is not None:
            _keep_date(parsed.date(), text, today, reading)
    rest = _CALENDAR_DATE.sub(" ", text)
    for suffixed, after_the in _DAY_OF_MONTH.findall(rest):
        day = int(suffixed or after_the)
        month_start = today.replace(day=1)
        for months_ahead in (0, 1, 2):
            first = month_start
            for _ in range(months_ahead):
                first = (first + dt.timedelta(days=32)).replace(day=1)
            try:
                date = first.replace(day=day)
            except ValueError:
                continue
            if date >= today:
                reading.dates.append(date)
                break
    # What is left for dateparser: "in two weeks", "2 weeks from now", a date in digits.
    # Only that phrase, never the whole message ("mon 8" is no date in August).
    relative = _RELATIVE_DATE.search(rest)
    if not reading.dates and relative:
        parsed = dateparser.parse(relative[0], languages=["en"], settings=settings)
        if parsed is not None:
            _keep_date(parsed.date(), relative[0], today, reading)


def _keep_date(day: dt.date, text: str, today: dt.date, reading: _Reading) -> None:
    """A date without a year that has passed by months is next year's."""
    if day < today:
        has_year = re.search(r"\b(19|20)\d\d\b", text)
        if has_year or (today - day).days <= 90:
            reading.past = True
            return
        day = day.replace(year=day.year + 1)
    reading.dates.append(day)


def _mismatch(reading: _Reading, said: str) -> DayMismatch | None:
    """A single weekday named beside a date of another weekday."""
    weekdays = {weekday for weekday, _ in reading.named}
    if len(weekdays) != 1 or len(reading.dates) != 1:
        return None
    (weekday,), date = weekdays, reading.dates[0]
    if date.weekday() == weekday:
        return None
    shift = (weekday - date.weekday()) % 7
    nearest = date + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return DayMismatch(said, date, nearest)


def _settle_days(reading: _Reading, said: str, today: dt.date) -> None:
    """Named weekdays, dates and spans become days (and a last day)."""
    week_of = re.search(r"\b(week of|w/?c|week commencing|week beginning)\b", said)
    if week_of and reading.dates:
        monday = _monday(reading.dates[0])
        reading.span, reading.dates = (monday, monday + dt.timedelta(days=6)), []
    # The same day named twice ("mon better. latest u got mon") is that one day (outside
    # run 62 p02: read as any Monday, and the next week's offered).
    reading.named = list(dict.fromkeys(reading.named))
    weekdays = [weekday for weekday, _ in reading.named]
    if reading.span and weekdays:
        first, last = reading.span
        monday = _monday(first)
        days = [monday + dt.timedelta(days=w) for w in weekdays]
        if len(days) == 1 or re.search(r"\b(between|from)\b", said):
            reading.days += [min(days), max(days)]
            reading.last_day = max(days)
        else:
            reading.weekdays |= set(weekdays)
            reading.days.append(first)
            reading.last_day = last
        reading.named = []
    elif reading.span:
        reading.days.append(reading.span[0])
        reading.last_day = reading.span[1]
    reading.days += reading.dates
    if reading.dates:
        reading.named = []
    if len(reading.named) == 1:
        weekday, next_week = reading.named[0]
        day = _next_weekday(today, weekday, next_week)
        reading.days.append(day + dt.timedelta(weeks=1) if reading.week_later else day)
    elif reading.named and re.search(r"\b(between|from)\b", said):
        days = [_next_weekday(today, w, n) for w, n in reading.named]
        reading.days += [min(days), max(days)]
        reading.last_day = max(days)
    elif reading.named:  # "Monday or Wednesday": either, from the coming one
        reading.weekdays |= {weekday for weekday, _ in reading.named}
        if any(next_week for _, next_week in reading.named):
            reading.days.append(_next_weekday(today, 0, next_week=True))
            reading.last_day = reading.days[-1] + dt.timedelta(days=6)


# The latest of the day, said without a clock ("latest u got", "as late as possible"; not
# "latest 3pm", a deadline).
_LATEST = re.compile(
    r"\b(?:latest|as late as (?:possible|poss\w*|you can|u can|you have|you've got)|last "
    r"(?:appointment|slot|time|one)s? (?:of|in) the day)\b(?!\s*(?:at\s*|by\s*)?\d)"
)


# Words that ask for a time: the part of a message that says when the patient can come.
_WISH = re.compile(
    r"\b(?:book|booking|appointment|consultation|come|can i|could i|can we|could we|can you|"
    r"could you|instead|anything|any (?:times?|slots?|appointments?)|"
    r"would (?:be|suit|work)|works|suits?|best|prefer|free|available|how about|what about|"
    r"make it|i'?d like|move it|could it|can it|(?:a (?:bit|little) )?(?:later|earlier)|"
    r"(?:say|like)\s+\d{1,2})\b"
    # "Next Monday at 10 in morning?" beside "my restaurant close on Monday" (outside run 122
    # s04: that Monday read instead, today).
    r"|\bnext\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"(?<=[.!?;])\s+|\s+but\s+", re.IGNORECASE)
# A sentence about the times offered: "those are all mornings", "they're all too early".
# A clause telling what happened on a day: "my back went on tuesday", "she fell on sunday",
# "had a sore throat since monday"; not "I was hoping to come in on monday".
_TOLD_OF_THE_PAST = re.compile(
    r"(?:^|(?<=[.!?;,]))[^.!?;,]*\b(?:had|did|went|got|started|began|happened|fell"
    r"|slipped|hurt|saw|took|came on|flared)\b[^.!?;,]*?\b(?:on|since|last)\s+"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.!?;,]*",
    re.IGNORECASE,
)
_ABOUT_THE_OFFERS = re.compile(
    r"(?:^|(?<=[.!?;]))\s*(?:but\s+|well\s+|hmm\s+)?(?:those|these|they|all of (?:those|these|them)"
    r"|the times|the slots)\s*(?:are|'re|r)\s+(?:all\s+)?(?:in the\s+)?(?:too\s+)?"
    r"(?:mornings?|afternoons?|evenings?|early|late|no good)\s*[.!?;]",
    re.IGNORECASE,
)
# A clause that is only a time beside the wish ("Wednesday 9 December, afternoon").
_BARE_TIME_WORDS = 3
_COMMA_PARTS = re.compile(r",\s*")


def wished_part(text: str) -> str:
    """The part of a message that says when the patient can come: "ill go to urgent care
    today. can i still book fri 11th" gives the second sentence; "i saw my gp yesterday,
    can i come thursday" its second clause. A message whose times all say when (or none
    does) is kept whole: "tuesday but not before 3"."""
    whole = [p for p in _PARTS.split(text.strip()) if p]
    # A clause of what happened ("saw my gp yesterday,") is left out for the rest.
    parts = [c for p in whole for c in _past_clauses_left_out(p)]
    timed = [p for p in parts if _timed(p)]
    wished = [p for p in timed if _WISH.search(p)]
    if len(timed) >= 2 and wished and len(wished) < len(timed):
        return " ".join(wished)
    clauses = [c for p in parts for c in _COMMA_PARTS.split(p) if c]
    wished = [c for c in clauses if _WISH.search(c) and _TIME.search(normalise_time_words(c))]
    if len(wished) == 1 and len(clauses) > 1 and not any(_ALTERNATIVE.match(c) for c in clauses):
        # A clock time asked for, beside a clause about the day: "could we do 8am instead,
        # I've a meeting at lunch" is 8am; a clause that is only a time goes with it ("I'd
        # like to book Wednesday 9 December, afternoon").
        # The day said in a clause of its own goes with a wish that names none ("wednesday
        # morning before my shift, like 9": outside run 49).
        dayless = not _NAMES_A_DAY.search(normalise_time_words(wished[0]))
        kept = [
            c
            for c in clauses
            if c == wished[0]
            or (len(c.split()) <= _BARE_TIME_WORDS and _timed(c))
            or (dayless and _NAMES_A_DAY.search(normalise_time_words(c)))
        ]
        return ", ".join(kept)
    return text if parts == whole else " ".join(parts)


_NAMES_A_DAY = re.compile(
    r"\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    # Short forms that are no other word ("thurs 10am": outside run 85 p07, the booked
    # Wednesday kept; not "sat", "sun" or "wed").
    r"mon|tue|tues|weds|thu|thur|thurs|fri|"
    r"next week|\d{1,2}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def names_a_day(text: str) -> bool:
    """Whether `text` names a day ("thursday", "tomorrow", "the 15th"), not only an hour."""
    said = normalise_time_words(text)
    return bool(_NAMES_A_DAY.search(said) or _CALENDAR_DATE.search(said))


# A part of the day said once ("I have a thing that evening") names a time here too.
_DAY_PART_SAID = re.compile(r"\b(?:" + "|".join(_DAY_PARTS) + r")\b")


def _timed(part: str) -> bool:
    said = normalise_time_words(part)
    return names_a_time(part) or bool(_PAST.search(said) or _DAY_PART_SAID.search(said))


_ALTERNATIVE = re.compile(r"^\s*(?:or|and|either|otherwise)\b", re.IGNORECASE)


def _past_clauses_left_out(part: str) -> list[str]:
    clauses = [c for c in _COMMA_PARTS.split(part) if c]
    kept = [c for c in clauses if not _PAST.search(normalise_time_words(c))]
    if len(clauses) < 2 or not kept or len(kept) == len(clauses):
        return [part]
    return [", ".join(kept)] if any(names_a_time(c) for c in kept) else [part]


# "Not tomorrow, Saturday the 12th", "not the 7th", "not 5 december": the day ruled out is
# no part of the wish (weekdays ruled out are read as such in `_read_words`).
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_RULED_OUT_DAY = re.compile(
    r"\b(?:not|except|but not|anything but)\s+(?:on\s+)?(?:the\s+)?"
    rf"(?:today|tonight|tomorrow|tmrw|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{_MONTH_WORD})?"
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b"
    # "today is too short notice", "tomorrow's too soon" (outside run 113 p07: Monday offered).
    r"|\b(?:today|tonight|tomorrow|tmrw)(?:'s|\s+is|\s+isn'?t|\s+is\s+not|\s+would\s+be)?\s+"
    r"(?:too\s+(?:short(?:\s+notice)?|soon|early|tight|busy|much)|short\s+notice|no\s+good"
    r"|not\s+(?:good|possible|great)|a\s+bit\s+soon|out|bad|impossible)\b",
    re.IGNORECASE,
)
# "Monday?? that's soon. no, next Monday please": what follows the last "no" puts it right;
# so does what follows a change of mind ("Thursday afternoon. Actually, make it Friday
# morning": outside run 58).
_NO_THEN = re.compile(
    r"(?:^|[.!?,;]\s*)(?:no|nope|nah|actually|on second thoughts?|scratch that|wait|"
    r"sorry|i mean|i meant|change (?:that|it) to|make (?:that|it))\b[,.!]*\s+",
    re.IGNORECASE,
)
# "...make it Friday morning, Thursday he has his podiatrist": the day given up, with what
# keeps them, after the day put right.
_WEEKDAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_KEPT_BY = r"(?:i|he|she|they|we)\s+(?:has|have|had|am|is|are|'?s|'?ve|got)\b"
_DAY_GIVEN_UP = re.compile(
    rf",\s*(?:(?:because|as|since|cause|cos|coz)\s+)?(?:(?:on\s+)?{_WEEKDAY_WORD}\s+{_KEPT_BY}"
    rf"|{_KEPT_BY}[^,.]*\b{_WEEKDAY_WORD}\b).*$",
    re.IGNORECASE,
)


def _put_right(text: str) -> str:
    """The part after the message's last "no," or change of mind when it names a time,
    else the message."""
    marks = list(_NO_THEN.finditer(text))
    if marks and _timed(rest := text[marks[-1].end() :]) and _timed(text[: marks[-1].start()]):
        kept = _DAY_GIVEN_UP.sub("", rest)
        return kept if _timed(kept) else rest
    return text


def read_preference(
    text: str, now: dt.datetime, hints: Iterable[str] = ()
) -> TimePreference | PastTime | DayMismatch | None:
    """What `text` says about when the patient can come; None if it names no time.

    `hints` are DATE and TIME phrases spaCy found in the message; they are read first.
    With several times said, the part that asks for one counts (`wished_part`). A phone
    number said with the time is no time, nor is a day ruled out ("not tomorrow, ...").
    """
    told = text  # as said, "not today" included
    text = _put_right(_RULED_OUT_DAY.sub(" ", without_phone_numbers(text)))
    # "I had a sore throat on monday, all gone now. book me in": what happened, no wish.
    text = _TOLD_OF_THE_PAST.sub(" ", text).strip() or text
    # "Monday 7 December, any time between 9 and 5": the hours, on the day named; not "any
    # time" as the part that asks (outside run 35).
    text = _ANY_TIME_THEN.sub("", text)
    # "Those are all mornings. I asked for the afternoon": what was offered, not wished.
    text = _ABOUT_THE_OFFERS.sub(" ", text).strip() or text
    part = wished_part(text)
    if part != text:
        text, hints = part, [hint for hint in hints if hint.lower() in part.lower()]
    either = _either(text, now)
    if either is not None:
        return either
    said = normalise_time_words(text)
    if not said:
        return None
    if _PAST.search(said):
        return PastTime(text)
    today = now.date()
    reading = _Reading()
    rest = _read_times(said, reading)
    rest = _read_deadline(rest, now, reading, rush=bool(_ASAP.search(said)))
    # ...unless the patient tells today apart ("today at 8? actually no, tomorrow after 4")
    # or names the day after ("tomorrow, tuesday" at 4 am on a Monday): outside run 97 p08,
    # Monday offered twice.
    day_after = (today + dt.timedelta(days=1)).weekday()
    small_hours = (
        now.hour < _NIGHT_ENDS
        and not re.search(r"\b(?:today|tonight|this morning)\b", told, re.IGNORECASE)
        and day_after not in {weekday_of(word) for word in re.findall(r"[a-z]+", said.lower())}
    )
    _read_words(rest, today, reading, today if small_hours else None)
    _read_span(rest, today, reading)
    for phrase in [*(normalise_time_words(hint) for hint in hints), rest]:
        _read_dates(_read_times(phrase, _Reading()), now, reading)
        if reading.dates or reading.past:
            break
    if reading.past and not reading.dates:
        return PastTime(text)
    mismatch = _mismatch(reading, text)
    if mismatch:
        return mismatch
    named_today = (
        reading.named == [(today.weekday(), False)] and not reading.dates and not reading.span
    )
    _settle_days(reading, said, today)
    if named_today and set(reading.days) == {today} and _begun(reading, now):
        # "Monday at 9" said on a Monday at ten: next Monday, not a time gone.
        reading.days = [today + dt.timedelta(weeks=1)]
    strong_asap = bool(_ASAP.search(said))
    if not (reading.understood() or strong_asap or _ANY_TIME.search(said)):
        return None
    asap = strong_asap or not reading.understood()
    latest = bool(_LATEST.search(said)) and not asap
    first_day = min(reading.days) if reading.days else today
    if reading.days and set(reading.days) == {today} and _gone_today(reading, now):
        return PastTime(text)
    last_day = reading.last_day
    if reading.days and last_day is None and not _FROM_THEN_ON.search(said):
        last_day = max(reading.days)
    first_day = max(first_day, today)
    # A deadline before the first day wished ("monday before monday") bounds nothing.
    if reading.deadline is not None and reading.deadline >= first_day:
        last_day = min(last_day or reading.deadline, reading.deadline)
    if last_day is not None and last_day < first_day:
        last_day = None
    return TimePreference(
        first_day=first_day,
        last_day=last_day,
        weekdays=frozenset(reading.weekdays) if reading.weekdays else None,
        excluded_weekdays=frozenset(reading.excluded),
        window=reading.window,
        at=reading.at,
        asap=asap,
        latest=latest,
    )


# "Or" between alternatives; not "7 or after", "10 or so", "3 or later".
_OR = re.compile(
    r"\s*,?\s+or\s+(?!(?:after|later|earlier|before|sooner)\b(?!\s*\d)|(?:so|thereabouts)\b)"
    r"(?:else\s+|otherwise\s+)?",
    re.IGNORECASE,
)


# A time ruled out: "I can't do 4:30 or 5", "not mondays", "busy at 3".
_BARE_HOUR_AT_END = re.compile(r"(?<![\d:.@])(?<!at )(\b(?:1[0-2]|[1-9]))\s*[?!.]*\s*$")
_STARTS_WITH_HOUR = re.compile(r"\s*(?:at\s+)?(?:1[0-2]|[1-9])(?::[0-5]\d)?\s*(?:am|pm)?\b")
_REFUSED = re.compile(
    r"\b(?:can'?t|cannot|can not|not|no|too|busy|at work)\s+"
    r"(?:do\s+|make\s+|manage\s+|at\s+|on\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|morning|afternoon|evening|today|tomorrow|week)",
    re.IGNORECASE,
)


def _either(text: str, now: dt.datetime) -> TimePreference | None:
    """Times joined by "or", each whole in itself: "Saturday or after 6", "mornings, or
    Friday afternoon". Not a time said once for two days: "Tuesday or Wednesday after 3"
    is after 3 on either day (read whole)."""
    parts = [p for p in _OR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    if any(_REFUSED.search(p) for p in parts):
        return None  # "I can't do 4:30 or 5": times ruled out, not offered
    # "Thursday, 4 or 4:30": a bare hour before "or" and a clock time is a clock time too.
    parts = [
        _BARE_HOUR_AT_END.sub(r"at \1", part) if _STARTS_WITH_HOUR.match(after) else part
        for part, after in zip(parts, [*parts[1:], ""], strict=True)
    ]
    wishes = [read_preference(p, now) for p in parts]
    if not all(isinstance(w, TimePreference) and not w.asap for w in wishes):
        return None
    timed = [w.window is not None or w.at is not None for w in wishes]
    dated = [w.weekdays is not None or w.last_day is not None for w in wishes]
    # A day said once for two hours is both hours' day, and its part of the day both
    # hours' too: "Thursday at 4 or 4:30", "Tuesday around lunch, 1 or 1:30".
    for j in range(1, len(wishes)):
        if timed[j] and not dated[j] and dated[j - 1] and timed[j - 1]:
            day = wishes[j - 1]
            wishes[j] = replace(
                wishes[j], first_day=day.first_day, last_day=day.last_day,
                weekdays=day.weekdays, window=wishes[j].window or day.window,
            )  # fmt: skip
            dated[j] = True
    days_only = [d and not t for d, t in zip(dated, timed, strict=True)]
    # A time said at the end goes with the days before it.
    if not any(timed) or any(
        days_only[i] and dated[j] and timed[j]
        for i in range(len(wishes)) for j in range(i + 1, len(wishes))
    ):  # fmt: skip
        return None
    last_days = [w.last_day for w in wishes]
    return TimePreference(
        first_day=min(w.first_day for w in wishes),
        last_day=None if None in last_days else max(d for d in last_days if d),
        either=tuple(wishes),
    )


def _begun(reading: _Reading, now: dt.datetime) -> bool:
    """Whether the time named has begun or gone today ("after 6" at half past ten at night);
    a day part from midnight ("morning") has begun only once it is over."""
    if reading.window is not None and reading.window[0] != dt.time(0, 0):
        return reading.window[0] <= now.time()
    return _gone_today(reading, now)


def _gone_today(reading: _Reading, now: dt.datetime) -> bool:
    """ "today at 9am" at ten, "this morning at 8": the time named today has passed."""
    if reading.at is not None:
        return reading.at < now.time()
    return reading.window is not None and reading.window[1] <= now.time()


_NAMES_A_DAY_OR_HOUR = re.compile(
    r"\b(today|tonight|tomorrow|weekend|(this|next) week|week after next|asap|soonest|earliest"
    # Months whole or short ("Margaret" and "decent" are no months).
    r"|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?|may \d+|\d+(st|nd|rd|th)? may)\b"
    r"|\b\d{1,2}(:\d\d)?\s*(am|pm)\b|\b(at|after|before|around) \d{1,2}\b|\b\d{1,2}:\d\d\b"
    r"|\b\d{1,2}(st|nd|rd|th)\b|\bas soon as\b"
    # When one is free, as a habit: "mornings suit me", "after work".
    r"|\b(mornings|afternoons|evenings|lunchtimes|after work|after school)\b"
)


# An hour said anywhere, bare or not ("maybe 10", "make it 7", "3:30"), a part of the day or
# "same time"; not a count of days or weeks ("2 weeks"), nor a date ("12/3").
_AN_HOUR = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?![\w/:])"
    r"(?!\s*(?:days?|weeks?|months?|years?|hours?|hrs?))"
    r"|\b(?:morning|afternoon|evening|noon|lunchtime|same time)\b",
    re.IGNORECASE,
)


def says_an_hour(text: str) -> bool:
    """Whether `text` says an hour, even a bare one, or a part of the day; phone numbers
    are not read."""
    return bool(_AN_HOUR.search(without_phone_numbers(text)))


# What is free at a part of the day, asked: "anything after lunch?", "got anything later
# on", "what about the evening?" (outside run 118 p06: the after-care text). Only the words
# of asking for a slot, right before it: "is there anything I should do in the morning?"
# asks no time.
_ASKS_WHAT_IS_FREE = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|hmm+|um+|or)\W+)?"
    r"(?:(?:do|have)\s+(?:you|u|ya)\s+(?:have|got)\s+|is\s+there\s+|(?:you\s+)?got\s+)?"
    r"(?:any(?:th\w*|\s+(?:times?|slots?|appointments?|openings?))?|s(?:o|u)?me?\s?th\w*|a\s+slot|"
    r"an\s+appointment|(?:what|how)\s+about)\s+"
    r"(?:(?:on|in|for|at|around|after|before)\s+)?(?:the\s+)?"
    r"(?:(?:after|before|around)\s+)?"
    r"(?:lunch(?:time)?|noon|midday|mornings?|afternoons?|evenings?|later(?:\s+on)?|earlier|"
    r"work|school)\b(?:\s+(?:on|in)\b.*)?\W*$",
    re.IGNORECASE,
)


def names_a_time(text: str) -> bool:
    """Whether a message said for another reason ("book me in, Thursday at 10") also names
    when: a weekday, a day word, a month or a clock time; "for 2 weeks" does not. Asking
    what is free at a part of the day ("anything after lunch?") names when too."""
    said = normalise_time_words(text)
    if any(weekday_of(word) is not None for word in re.findall(r"[a-z]{3,}", said)):
        return True
    return bool(_NAMES_A_DAY_OR_HOUR.search(said)) or asks_what_is_free(text)


def asks_what_is_free(text: str) -> bool:
    """Whether the message asks what is free at a part of the day ("anything after lunch?",
    "what about the evening?"): a time wished for, however near another topic it reads."""
    return bool(_ASKS_WHAT_IS_FREE.search(text))


# A yes that opens a message: "yes", "yeah go on", "sure", "ok", "sounds good".
_OPENS_WITH_YES = re.compile(
    # After a lead-in ("actually yes", "oh go on then") or a change of mind.
    r"^\W*(?:(?:actually|oh|well|hmm+|so|on second thoughts?|you know what)\W+)*"
    r"(?:yes+|yeah|yea|yep|yup|ya|sure|ok|okay|k|go on|please|sounds good|great|perfect"
    r"|definitely|absolutely|why not|(?:i'?ve |i have )?changed my mind)\b",
    re.IGNORECASE,
)


def yes_and_a_time(text: str) -> bool:
    """Whether a message opens with a yes and names when ("yeah, next wednesday morning"):
    a yes to an offer with the time that suits, both to be kept."""
    return bool(_OPENS_WITH_YES.search(text)) and names_a_time(text)


_CHANGED_MIND = re.compile(
    r"\b(?:actually|changed my mind|change of heart|on second thoughts?|after all|"
    r"thought about it|why not)\b",
    re.IGNORECASE,
)


# "Which day is possible?", "what times have you got?": asking for the times to choose from.
_ASKS_FOR_TIMES = re.compile(
    r"\b(?:which|what) (?:days?|times?|dates?|slots?)\b|\bwhen (?:are you|is it|can i|could i)\b"
    r"|\b(?:possible|available|free)\W*$",
    re.IGNORECASE,
)


def yes_with_times_asked(text: str) -> bool:
    """Whether a yes with a time asks which times there are ("Yes. I can only after work,
    after 5 o'clock. Which day is possible?"): a yes to the offer, the times its answer."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    asked = [sentence for sentence in sentences if "?" in sentence]
    if not asked or not yes_and_a_time(text):
        return False
    # "Yes please, Friday morning if you can?": the question is the time wished for.
    return all(
        _ASKS_FOR_TIMES.search(sentence.strip(" ?")) or time_asked(sentence) for sentence in asked
    )


def asks_for_times(text: str) -> bool:
    """Whether a message asks which times there are ("Thursday after 6 is possible?",
    "what days do you have?")."""
    return bool(_ASKS_FOR_TIMES.search(text.strip(" ?!.")))


def yes_after_all(text: str) -> bool:
    """Whether a yes takes back an earlier no ("actually yes, saturday at 10", "on second
    thoughts yes please"): a change of mind said, or a yes with the time that suits."""
    return yes_and_a_time(text) or bool(_OPENS_WITH_YES.search(text) and _CHANGED_MIND.search(text))


# A question about the clinic, not a time offered: "are you open on Saturday?".
_ABOUT_THE_CLINIC = re.compile(
    r"\b(?:open|opening|close|closed|closing|hours|park\w*|cost|costs|price|pay|insurance|"
    r"where|address|how much|how long|phone|holiday\w*)\b",
    re.IGNORECASE,
)
# Longer than this, a question says more than "is that time free?".
_TIME_QUESTION_WORDS = 10


def time_asked(text: str) -> bool:
    """Whether a question only asks for a time ("next tuesday after 5pm?", "is 3pm ok?",
    "anything thursday evening?"): a time offered for the booking, not a question about the
    clinic ("are you open on saturday?" is one)."""
    said = text.strip()
    # Longer, it says what would suit: "I work till 5, so would thursday at 6 be ideal?"
    short_or_wished = len(said.split()) <= _TIME_QUESTION_WORDS or _SUITS.search(said)
    return (
        "?" in said
        and bool(short_or_wished)
        and not _ABOUT_THE_CLINIC.search(said)
        and names_a_time(said)
    )


_SUITS = re.compile(
    r"\b(?:would (?:be|suit|work)|be (?:ideal|possible|ok|okay|fine|good)|works?|suits?|"
    r"possible|available|free)\b",
    re.IGNORECASE,
)


def hours_put_right(said: str, before: str, now: dt.datetime) -> str:
    """What is put right keeps the rest of what was said before: hours without a day
    ("between 9 and 11am" after "monday") keep the one day named; a day without hours
    ("tuesday is better, same time" after "monday 12 to 2") keeps the hours. The words
    said, with what they keep; else the words as said."""
    new, old = read_preference(said, now), read_preference(before, now)
    if not (isinstance(new, TimePreference) and isinstance(old, TimePreference)):
        return said
    no_day = new.last_day is None and new.weekdays is None and not new.either
    one_day = old.last_day == old.first_day != now.date()
    if no_day and (new.window or new.at) and one_day:
        day = old.first_day
        return f"{said}, {day:%A} {day.day} {day:%B}"
    if not no_day and not (new.window or new.at) and (old.window or old.at):
        return f"{said}, {_hours_in_words(old)}"
    return said


def _hours_in_words(wish: TimePreference) -> str:
    if wish.at:
        return f"at {wish.at:%H:%M}"
    start, end = wish.window or (dt.time(0), dt.time(23, 59))
    if end >= dt.time(23, 59):
        return f"after {start:%H:%M}"
    if start == dt.time(0):
        return f"before {end:%H:%M}"
    return f"between {start:%H:%M} and {end:%H:%M}"


def with_the_time_wished_before(
    said: str, before: str | None, now: dt.datetime | None = None
) -> str:
    """The wish to read: `said`, or the wish `before` it when `said` names the same days with
    no time of day ("Thursday please" after "Thursday afternoon": the afternoon kept, outside
    run 81 p04: morning times offered)."""
    if not before:
        return said
    now = now or dt.datetime.now(dt.timezone.utc)
    new, old = read_preference(said, now), read_preference(before, now)
    if not (isinstance(new, TimePreference) and isinstance(old, TimePreference)):
        return said
    same_days = (new.first_day, new.last_day, new.weekdays) == (
        old.first_day,
        old.last_day,
        old.weekdays,
    )
    untimed = new.window is None and new.at is None
    return before if same_days and untimed and (old.window or old.at) else said
