"""Reading a patient's own words for how long and how bad their pain is.

Two questions of the intake get free-text answers: "how long have you had it?" and
"how bad is it, 0 to 10?". The `parse_*` functions read a whole answer to one of those
questions; the `find_*` functions pick the same facts out of a longer message ("sharp pain
in my lower back for 3 weeks, 7/10"), where they must be stricter, because a long message
also holds ages, times of day and frequencies.

Counting units ("3 weeks", "a couple of months") is done here with small tables; calendar
phrases ("since March", "since last tuesday") go to `dateparser`, with `today` as the base
and dates taken from the past.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clinic.vocabulary import OTHER_COMPLAINTS, find_terms

__all__ = [
    "Duration",
    "find_duration",
    "find_severity",
    "parse_duration",
    "parse_severity",
    "scores_said_not",
]


@dataclass(frozen=True)
class Duration:
    """How long the pain has lasted: the patient's words and the number of days they mean."""

    text: str
    days: float


# ---------------------------------------------------------------------------------------------
# Shared number tables
# ---------------------------------------------------------------------------------------------

_NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}  # fmt: skip

# Vague amounts people use for durations; "several" is read like "a few".
_VAGUE_AMOUNTS: dict[str, float] = {
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3, "few": 3,
    "several": 3, "many": 5, "half a": 0.5, "half an": 0.5, "a": 1, "an": 1,
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the given phrases, longest first so "a few" beats "a"."""
    phrases = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


_DIGITS = r"\d+(?:\.\d+)?"
_STRICT_NUMBER = rf"{_DIGITS}|{_alternation(_NUMBER_WORDS)}"
_ANY_AMOUNT = rf"{_DIGITS}|{_alternation({**_NUMBER_WORDS, **_VAGUE_AMOUNTS})}"


def _number_value(word: str) -> float:
    """The value of a matched number: digits, a number word or a vague amount."""
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word in _VAGUE_AMOUNTS:
        return _VAGUE_AMOUNTS[word]
    return float(word)


# ---------------------------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------------------------

# A month is 30 days and a year 365: the intake needs weeks vs months vs years, not dates.
_UNIT_DAYS: dict[str, float] = {
    "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14,
    "month": 30, "year": 365, "decade": 3650,
}  # fmt: skip
_UNIT_FORMS: dict[str, str] = {
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "night": "night", "nights": "night",
    "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight",
    "mo": "month", "mos": "month", "mth": "month", "mths": "month", "month": "month",
    "months": "month", "yr": "year", "yrs": "year", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
    # Typed in a hurry: "3 mnths", "2 weks", "a few yeras".
    "mnth": "month", "mnths": "month", "monts": "month", "monhts": "month", "mnts": "month",
    "weks": "week", "weekz": "week", "yeras": "year", "yers": "year", "dys": "day",
}  # fmt: skip
_UNIT = rf"(?:{_alternation(_UNIT_FORMS)})\b"


def spellings_of(*units: str) -> list[str]:
    """Every way patients write the given units ("year": "yr", "yrs", "years"...)."""
    return sorted(form for form, unit in _UNIT_FORMS.items() if unit in units)


# Words that may come before a counted duration and belong to the patient's phrase.
_DURATION_LEAD = (
    r"(?:on\s+and\s+off|off\s+and\s+on|for|since|from|over|about|around|roughly|"
    r"approximately|approx\.?|nearly|almost|just|more\s+than|less\s+than|under|at\s+least|"
    r"maybe|probably|perhaps|like|the|last|past|between|already|well|now)"
)
_DURATION_TAIL = (
    r"(?:ago|now|already|or\s+so|or\s+more|-?ish|on\s+and\s+off|off\s+and\s+on|"
    r"and\s+counting|at\s+least)"
)
_COUNTED_DURATION = re.compile(
    rf"""
    (?P<lead>(?:\b{_DURATION_LEAD}\s+)*)
    \b(?P<q1>{_ANY_AMOUNT})
    (?:\s*(?:-|\u2013|to|or|and)\s*(?P<q2>{_STRICT_NUMBER}))?     # a range: 2-3, two or three
    (?P<half1>\s+and\s+a\s+half)?                          # 1 and a half years
    \s*(?P<unit>{_UNIT})
    (?:(?P<half2>\s+and\s+a\s+half)|\s+or\s+(?P<q3>{_STRICT_NUMBER})\b)?  # a day or two
    (?P<tail>(?:\s*{_DURATION_TAIL}\b)*)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Durations without a number. Values: "for years" is read as two years, "ages" as one.
_VAGUE_DURATIONS: tuple[tuple[str, float], ...] = (
    (r"(?:as\s+long\s+as\s+i\s+can\s+remember|all\s+my\s+life|my\s+whole\s+life|"
     r"since\s+(?:i\s+was\s+)?(?:a\s+)?(?:kid|child|teenager|teen|childhood|little))", 3650),
    (r"(?:for\s+)?(?:some\s+)?decades", 7300),
    (r"(?:for\s+)?(?:some\s+)?years(?:\s+now)?", 730),
    (r"(?:for\s+)?(?:some\s+)?months(?:\s+now)?", 60),
    (r"(?:for\s+)?(?:some\s+)?weeks(?:\s+now)?", 14),
    (r"(?:for\s+)?(?:some\s+)?days(?:\s+now)?", 2),
    (r"(?:for\s+)?forever", 730),
    (r"(?:for\s+)?(?:ages|a\s+long\s+time|a\s+long\s+while)(?:\s+now)?", 365),
    # "for the past month or so", "over the last week" (outside run 108 p04: asked again).
    (r"(?:for\s+|over\s+|in\s+)?the\s+(?:past|last)\s+year(?:\s+or\s+so)?\b", 365),
    (r"(?:for\s+|over\s+|in\s+)?the\s+(?:past|last)\s+month(?:\s+or\s+so)?\b", 30),
    (r"(?:for\s+|over\s+|in\s+)?the\s+(?:past|last)\s+fortnight(?:\s+or\s+so)?\b", 14),
    (r"(?:for\s+|over\s+|in\s+)?the\s+(?:past|last)\s+week(?:\s+or\s+so)?\b", 7),
)  # fmt: skip
# Said alone, these mean the pain started today.
_TODAY_WORDS = re.compile(
    r"(?:since\s+|from\s+|started\s+)?(?:today|this\s+morning|this\s+afternoon|"
    r"this\s+evening|tonight|earlier\s+today|just\s+now|just\s+started)",
    re.IGNORECASE,
)

# Activities whose own length is not the pain's ("when I sit for ages").
_ACTIVITIES = (
    r"sit|sitting|sat|stand|standing|stood|walk|walking|walked|run|running|ran|drive|driving|"
    r"drove|work|working|worked|type|typing|lie|lying|lay|sleep|sleeping|slept|bend|bending|"
    r"bent|lift|lifting|lifted|read|reading|look|looking|use|using|hold|holding|play|playing|"
    r"train|training|exercise|exercising|garden|gardening|kneel|kneeling|computer|desk|screen"
)
# Spans that look like durations but are not the pain's: blanked out before scanning.
_NOT_DURATIONS = tuple(
    re.compile(p, re.IGNORECASE | re.VERBOSE)
    for p in (
        # severities: 7/10, 7 out of 10
        rf"\b(?:{_STRICT_NUMBER})\s*(?:/|out\s+of|outta|of|from)\s*(?:10|ten)\b",
        # "cuts take forever to heal": how slow something is, not how long it hurts
        r"\b(?:take|takes|took|taking)\s+(?:forever|ages|years|months|weeks)\b",
        # "the left was just the first couple of days": a part of its story (outside run 121
        # r06: a pain of 10 days noted as "couple of days")
        r"\bthe\s+(?:first|initial|early)\s+(?:(?:few|couple(?:\s+of)?|several|\d+|one|two|"
        r"three|four)\s+)?(?:days?|weeks?|months?|hours?|nights?)\b",
        # ages: 45 years old, 45-year-old, aged 45, 45 y/o
        rf"\b(?:{_ANY_AMOUNT})[\s-]*(?:years?|yrs?|months?)[\s-]*old\b",
        r"\baged?\s+\d+\b",
        r"\b\d+\s*y/?o\b",
        # how far along a pregnancy is: 11 weeks pregnant, 5 months along, 20 weeks gone
        rf"\b(?:{_ANY_AMOUNT})[\s-]*(?:weeks?|wks?|months?)[\s-]*(?:pregnant|along|gone|"
        rf"into\s+(?:my|the|this)\s+pregnancy|of\s+pregnancy|preg\w*)\b",
        # frequencies: twice a week, 3 times a day, every few months, 2 days a week
        rf"\b(?:every|each|per|once|twice|thrice|(?:{_ANY_AMOUNT})\s*(?:times|x))\s+"
        rf"(?:a\s+|per\s+|every\s+)?(?:other\s+|(?:{_ANY_AMOUNT})\s+)?{_UNIT}",
        rf"\b(?:{_ANY_AMOUNT})\s*{_UNIT}\s+(?:a|per|each|every)\s+{_UNIT}",
        # a day's activity: "worse after a day at the laptop", "after a long day of driving"
        r"\bafter\s+(?:a|one|the)\s+(?:long\s+|full\s+|whole\s+|busy\s+)?day\s+(?:at|of|in|on)\b",
        # another moment: a couple of days later, 2 weeks before that
        rf"\b(?:{_ANY_AMOUNT})\s*{_UNIT}\s+(?:later|afterwards|after\s+that|before\s+that)\b",
        # how long an activity lasts: when I sit for ages, after standing for 2 hours (in
        # minutes or hours: "from my desk job for two months" is how long it has hurt)
        rf"\b(?:{_ACTIVITIES})\b(?:\s+\w+){{0,2}}?\s+for\s+(?:a\s+long\s+time|ages|a\s+while|"
        rf"long|too\s+long|long\s+periods?|hours|(?:the\s+)?(?:{_ANY_AMOUNT})\s*"
        rf"(?:min|mins|minute|minutes|hr|hrs|hour|hours)\b)",
        # the future: in 2 weeks, within a day, next month
        rf"\b(?:in|within|next|another)\s+(?:(?:{_ANY_AMOUNT})\s*)?{_UNIT}",
        # adjectives: a 3-day course, a two-week holiday (but keep ranges like 2-3 weeks)
        rf"(?<![\d\s]-)(?<![\d-])\b(?:{_STRICT_NUMBER})-{_UNIT}",
        # how bad on some days, not for how many: "7 on bad days", "6 most days"
        r"\b(?:on\s+(?:\w+\s+)?days|(?:good|bad|better|worse|rainy|cold|work|school)\s+days"
        r"|most\s+days|other\s+days)\b",
        # clock times: 10am, 10:30, 7 o'clock
        r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)",
        r"\b\d{1,2}:\d{2}\b",
        r"\b\w+\s+o'?clock\b",
    )
)

# Calendar phrases: what may follow "since", and how to read the ones dateparser does not.
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)  # fmt: skip
_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
_CALENDAR_STARTERS = frozenset(
    {
        *_MONTHS, *_WEEKDAYS,
        "yesterday", "today", "tonight", "this", "last", "the", "early", "mid", "middle", "late",
        "beginning", "start", "end", "christmas", "xmas", "easter", "boxing", "new",
        "halloween", "valentine", "valentine's", "valentines", "spring", "summer", "autumn",
        "fall", "winter", "weekend",
        # Typed short (see `_CALENDAR_REWRITES`).
        "yday", "ytd", "yest", "ystday", "ystrday", "yesterdy", "yestarday", "tonite", "2nite",
    }
)  # fmt: skip
# A weekday, whole or typed short ("sat", "tues").
_WEEKDAY_WORD = (
    r"(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|days)?|wednesday|wednesdays"
    r"|thursday|thursdays|saturday|saturdays"
)
_CALENDAR_LEAD = re.compile(
    # "since I started my new job in September": an event of the patient's life, then when.
    r"\b(?P<lead>(?:ever\s+)?since\s+(?:i|we|he|she|they)\s[^.,;!?\n]{0,40}?"
    r"(?=\s+(?:in|last|this|back\s+in)\s)"
    # "since the gym sat", "since the match on sunday": an event, then its day.
    r"|since\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+)?"
    r"(?!(?:the|a|an|my|our|his|her|i|we|he|she|they|it)\b)[a-z]+(?:\s+[a-z]+)?"
    rf"(?=\s+(?:on\s+|last\s+|this\s+past\s+)?(?:{_WEEKDAY_WORD})\b)"
    r"|ever\s+since|since|from|started|starting|began|begun|came\s+on)"
    r"\s+(?P<rest>[^.,;!?\n]+)",
    re.IGNORECASE,
)
# "Pulled my hamstring on saturday", "twisted it yesterday": an injury, then when it was;
# the pain has lasted since then.
_INJURED_WHEN = re.compile(
    r"\b(?:hurt|pulled|twisted|sprained|strained|injured|tweaked|jarred|cricked|ricked|fell|"
    r"slipped|tripped|did)\s[^.,;!?\n]{0,40}?\s(?:on\s+|over\s+|at\s+)?"
    r"(?P<rest>(?:\w+day|last|yesterday|this\s+past|the\s+weekend)\b[^.,;!?\n]*)",
    re.IGNORECASE,
)
# Words that may sit between "started" and the date ("started hurting last week").
_CALENDAR_FILLERS = frozenset(
    {
        "on", "in", "at", "around", "about", "back", "during", "over", "just", "after", "like",
        "roughly", "maybe", "probably", "hurting", "aching", "to", "hurt", "ache", "getting",
        "playing",
    }
)  # fmt: skip
# Words a calendar phrase must not end with ("since tuesday and"): dateparser skips them.
_CALENDAR_STOP_ENDINGS = frozenset(
    {
        "and", "the", "of", "on", "at", "it", "when", "but", "or", "so", "i", "my", "a", "in",
        "after", "before", "with", "while", "for", "to", "from", "since", "by", "about",
        "around", "then", "till", "until", "up", "is", "was", "has", "had",
    }
)  # fmt: skip
_CALENDAR_REWRITES: tuple[tuple[str, str], ...] = (
    (r"this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today", "today"),
    (r"christmas\s+eve", "24 december"),
    (r"(?:christmas|xmas)(?:\s+day)?", "25 december"),
    (r"boxing\s+day", "26 december"),
    (r"new\s+year'?s\s+eve", "31 december"),
    (r"(?:the\s+)?new\s+year'?s?(?:\s+day)?", "1 january"),
    (r"halloween", "31 october"),
    (r"valentine'?s?(?:\s+day)?", "14 february"),
    # Seasons, read as their middle month (northern hemisphere).
    (r"(?:the\s+)?spring", "april"),
    (r"(?:the\s+)?summer", "july"),
    (r"(?:the\s+)?(?:autumn|fall)", "october"),
    (r"(?:the\s+)?winter", "january"),
    (r"(?:the\s+|this\s+past\s+|last\s+)?weekend", "saturday"),
    (r"last\s+night", "yesterday"),
    # Typed short: "since last nite", "since yday" (outside run 62 p05: not understood twice).
    (r"last\s+nite", "yesterday"),
    (r"(?:yday|ytd|yest|ystday|ystrday|yesterdy|yestarday)", "yesterday"),
    (r"(?:tonite|2nite)", "today"),
)
_MONTH_PART = re.compile(
    rf"^(?:(?P<early>early|the\s+beginning\s+of|the\s+start\s+of|beginning\s+of|start\s+of)"
    rf"|(?P<mid>mid|the\s+middle\s+of|middle\s+of)"
    rf"|(?P<late>late|the\s+end\s+of|end\s+of))[\s-]+(?P<month>{'|'.join(_MONTHS)})\b"
)
_ORDINAL_ONLY = re.compile(r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)$")
_MONTH_YEAR_WORDS = re.compile(rf"\b(?P<month>{'|'.join(_MONTHS)})\s+(?P<which>last|this)\s+year\b")
_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night|lunchtime)$")


def _blank(text: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """Replace every match of the patterns by spaces, keeping positions for the caller."""
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _dateparser_date(phrase: str, today: date) -> date | None:
    """Let dateparser read one calendar phrase, relative to `today`, preferring the past."""
    import dateparser  # imported here: it loads its language data on first import

    settings = {
        "RELATIVE_BASE": datetime.combine(today, time(12)),
        "PREFER_DATES_FROM": "past",
        # "since March" means since the month began.
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Only words and dates: no timestamps or "1130"-style times.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _normalise_calendar(phrase: str, today: date) -> str:
    """Rewrite the calendar phrases dateparser 1.2 misreads or does not know into ones it does."""
    phrase = re.sub(r"\s+", " ", phrase.lower().strip())
    if phrase in ("the other day", "other day"):
        return (today - timedelta(days=3)).isoformat()
    if re.fullmatch(r"(?:last\s+)?easter(?:\s+sunday)?", phrase):
        from dateutil.easter import easter  # dateutil comes with dateparser

        sunday = easter(today.year)
        return (sunday if sunday <= today else easter(today.year - 1)).isoformat()
    for pattern, replacement in _CALENDAR_REWRITES:
        phrase = re.sub(rf"\b{pattern}\b", replacement, phrase)
    # dateparser 1.2 returns None for "last tuesday" / "last march"; the past is preferred anyway.
    phrase = re.sub(r"^(?:last|this\s+past)\s+(?=\w)(?!week|month|year)", "", phrase)
    phrase = _TIME_OF_DAY.sub("", phrase)
    part = _MONTH_PART.match(phrase)
    if part:
        day = 1 if part.group("early") else 15 if part.group("mid") else 25
        phrase = f"{day} {part.group('month')}{phrase[part.end() :]}"
    phrase = _MONTH_YEAR_WORDS.sub(
        lambda m: f"{m.group('month')} {today.year - (m.group('which') == 'last')}", phrase
    )
    # dateparser reads a bare "the 3rd" as March; it means this month's 3rd (or last month's).
    ordinal = _ORDINAL_ONLY.match(phrase)
    if ordinal:
        day = int(ordinal.group("day"))
        month_start = today.replace(day=1)
        if day > today.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        try:
            return month_start.replace(day=day).isoformat()
        except ValueError:  # the 31st of a short month
            return phrase
    return phrase


def _calendar_duration(words: list[str], today: date) -> tuple[int, float] | None:
    """Read the longest calendar phrase at the start of `words`: (words used, days since)."""
    start = 0
    while start < len(words) - 1 and words[start] in _CALENDAR_FILLERS and start < 3:
        start += 1
    first = words[start] if start < len(words) else ""
    is_year = re.fullmatch(r"(?:19|20)\d\d", first) is not None
    is_day = re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", first) is not None
    if first not in _CALENDAR_STARTERS and not is_year and not is_day:
        return None
    if re.fullmatch(r"\d{1,2}", first) and not (
        start + 1 < len(words) and words[start + 1].strip(".") in _MONTHS
    ):
        return None  # "since 7" is not a date
    for end in range(min(len(words), start + 6), start, -1):
        if words[end - 1] in _CALENDAR_STOP_ENDINGS:
            continue
        phrase = " ".join(words[start:end])
        if re.search(r"\b(?:am|pm)\b|\d:\d", phrase):
            return None  # a time of day, not a start date
        found = _dateparser_date(_normalise_calendar(phrase, today), today)
        if found is None or found > today:
            continue
        days = (today - found).days
        return end, float(days) if days > 0 else 0.5
    return None


# "It's been 3 weeks", "I've had it 3 weeks": the amount is the pain's even without "for".
_TIED_BEFORE = re.compile(
    r"\b(?:been|had(?:\s+(?:it|this|that|them|the\s+pain))?|lasted|going\s+on|suffering"
    r"|(?:the\s+)?pain\s+(?:is|was))\s*$",  # "the pain is 2 months"
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    # 2: tied to the pain ("for", "since", "now"); 1: an onset ("ago"); 0: a bare amount.
    rank: int
    days: float
    since: bool = False  # the span is a date only ("saturday"), said as "since saturday"


_SAID_AS_AGE_BEFORE = re.compile(
    r"\b(?:i\s+am|i'?m|im|am|aged?|age of|turned|turning|turn)(?:\s+[a-z]+,)?"
    r"(?:\s+(?:past|over|nearly|almost|only|just))?\s*$",  # "till I'm past 12 weeks" (pregnant)
    re.IGNORECASE,
)
# A child's age said of them: "she's 5 months", "the twins are 10 months", "my son is 4 weeks".
_A_CHILDS_AGE_BEFORE = re.compile(
    r"\b(?:she|he|they|baby|son|daughter|child|kid|boy|girl|twins|toddler|little one|grandson|"
    r"granddaughter)\s*(?:['\u2019]s|\s+is|\s+are|\s+was|\s+turned|\s+turns)"
    r"(?:\s+(?:only|just|nearly|almost|about|around))?\s*$",
    re.IGNORECASE,
)
# A pregnancy's weeks: "pregnant, 14 weeks", "20 weeks pregnant", "12 weeks along".
_PREGNANCY_BEFORE = re.compile(
    r"\b(?:pregnan\w*|expecting)(?:\s+(?:actually|too|also|as well|btw|now))?\W{0,3}"
    r"(?:(?:about|around|nearly|almost|just|only|now|at)\s+)?$",
    re.IGNORECASE,
)
_PREGNANCY_AFTER = re.compile(
    r"^\s*(?:now\s+)?(?:pregnant|along|gone|gestation|into (?:the|my|her|our) pregnancy)\b",
    re.IGNORECASE,
)


def of_a_pregnancy(text: str, start: int, end: int) -> bool:
    """Whether the amount at `text[start:end]` is how far along a pregnancy is."""
    if _PREGNANCY_BEFORE.search(text[:start]) or _PREGNANCY_AFTER.match(text[end:]):
        return True
    if _STAGE_REACHED_BEFORE.search(text[:start]) and _IN_WEEKS_OR_MONTHS.search(text[start:end]):
        return True  # "since I hit 5 months": how far along, never how long it hurts
    # "found out im preggo actually lol, 14 wks now": weeks or months said a few words after
    # the pregnancy, nothing of the pain between (outside run 86 p05: "for 14 wks now").
    near = _PREGNANCY_NEAR.search(text[:start])
    return bool(
        near
        and _IN_WEEKS_OR_MONTHS.search(text[start:end])
        and not _PAIN_BETWEEN.search(near.group(0))
    )


_STAGE_REACHED_BEFORE = re.compile(
    r"\b(?:i|she|we|wife|i'?ve|she'?s|we'?ve)\s+(?:just\s+|now\s+)?(?:hit|reached|got\s+to|"
    r"made\s+it\s+to)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
_PREGNANCY_NEAR = re.compile(
    r"\b(?:pregnan\w*|preggo|preggers|expecting)\b(?:\W+[\w']+){0,6}?\W*$", re.IGNORECASE
)
_IN_WEEKS_OR_MONTHS = re.compile(r"\b(?:weeks?|wks?|months?|mos?)\b", re.IGNORECASE)
_PAIN_BETWEEN = re.compile(
    r"\b(?:pain\w*|hurt\w*|ache\w*|aching|sore|for|since|back|neck|started|began)\b", re.IGNORECASE
)


_SAID_AS_AGE_AFTER = re.compile(r"\s*(?:old|of age|young)\b", re.IGNORECASE)
# How long something else has lasted: "forty-two years married", "20 years a nurse",
# "fifteen years at the same company", "married for 25 years" (outside run 47).
_OF_SOMETHING_ELSE_AFTER = re.compile(
    r"\s*(?:an? \w+(?=[,.;]|$| and\b)|married|together|wed|sober|clean|retired|divorced|widowed|"
    r"of (?:marriage|experience|service|work)|experience|as an? |in the (?:job|army|navy|"
    r"military|trade|business|force)|in (?:this|that|my) job|at (?:the|my|this|that) "
    r"(?:same )?(?:company|job|firm|school|office|place))\b",
    re.IGNORECASE,
)
_OF_SOMETHING_ELSE_BEFORE = re.compile(
    r"\b(?:married|together|wed|sober|retired|divorced|widowed)\s+(?:for\s+)?$", re.IGNORECASE
)


def _counted_candidates(scan: str, strict: bool) -> list[_Candidate]:
    """Durations with a number and a unit: "for 3 weeks", "a couple of months ago"."""
    found = []
    for match in _COUNTED_DURATION.finditer(scan):
        lead = match.group("lead").lower()
        tail = match.group("tail").lower()
        unit_days = _UNIT_DAYS[_UNIT_FORMS[match.group("unit").lower()]]
        amount = max(_number_value(match.group(g)) for g in ("q1", "q2", "q3") if match.group(g))
        if match.group("half1") or match.group("half2"):
            amount += 0.5
        if amount <= 0:
            continue
        before = scan[: match.start()]
        if (
            _SAID_AS_AGE_BEFORE.search(before)
            or _A_CHILDS_AGE_BEFORE.search(before)
            or _SAID_AS_AGE_AFTER.match(scan[match.end() :])
            or of_a_pregnancy(scan, match.start(), match.end())
        ):
            continue  # "I am Carmen, 70 years", "58 years old": an age, not how long
        if _OF_SOMETHING_ELSE_AFTER.match(scan[match.end() :]) or _OF_SOMETHING_ELSE_BEFORE.search(
            scan[: match.start()]
        ):
            continue  # "forty-two years married": a marriage's length, not the pain's
        if _NEGATED_NUMBER.search(scan[: match.start()]):
            continue  # "not 70 years!": a length put right, not said
        tied = (
            re.search(r"\b(?:for|since|from|over|past|last)\b", lead)
            or re.search(r"\b(?:now|already|counting)\b", tail)
            or _TIED_BEFORE.search(scan[: match.start()])
        )
        rank = 2 if tied else 1 if "ago" in tail else 0
        # "sitting for 2 hours makes it worse": in a long message hours are rarely the pain's.
        if strict and unit_days < 1 and not ("ago" in tail or re.search(r"past|last|since", lead)):
            continue
        found.append(_Candidate(match.start(), match.end(), rank, amount * unit_days))
    return found


def _vague_candidates(scan: str, strict: bool) -> list[_Candidate]:
    """Durations without a number: "for years", "ages", "since I was a kid"."""
    found = []
    for pattern, days in _VAGUE_DURATIONS:
        for match in re.finditer(rf"\b{pattern}\b", scan, re.IGNORECASE):
            said = match.group(0).lower()
            # In a long message "years" alone is too loose ("years ago I..."): ask for "for".
            tied = (
                re.match(r"(?:for|since|as|all|my|forever|over|the\s+(?:past|last))\b", said)
                or "now" in said
            )
            if strict and not tied:
                continue
            if re.search(
                r"\d\s*$|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|few|"
                r"couple|several)\s+$",
                scan[: match.start()],
                re.IGNORECASE,
            ):
                continue  # "10 months now": a counted amount, read (or set aside) as one
            found.append(_Candidate(match.start(), match.end(), 2, days))
    return found


def _calendar_candidates(scan: str, today: date, loose: bool) -> list[_Candidate]:
    """Start dates: "since March", "started last tuesday"; in a whole answer also "March"."""
    found = []
    leads = [
        (m.start(), m.start("rest"), m.group("rest"), False) for m in _CALENDAR_LEAD.finditer(scan)
    ]
    leads += [
        (m.start("rest"), m.start("rest"), m.group("rest"), True)
        for m in _INJURED_WHEN.finditer(scan)
    ]
    if loose:
        stripped = scan.lstrip()
        leads.append((len(scan) - len(stripped), len(scan) - len(stripped), stripped, False))
    for start, rest_start, rest, since in leads:
        words = re.findall(r"[\w'/]+", rest.lower())
        result = _calendar_duration(words, today)
        if result is None:
            continue
        used, days = result
        # Map the words used back to a character span of the message.
        end = rest_start
        for word in words[:used]:
            end = scan.lower().index(word, end) + len(word)
        # An injury's date gives way to a duration tied to the pain ("since monday").
        found.append(_Candidate(start, end, 1 if since else 2, days, since))
    return found


_WORSE_SINCE = re.compile(
    r"\b(?:worse|better|flared?(?:\s+up)?|flaring(?:\s+up)?|bad|escalated|increased)\s+"
    r"(?:(?:since|from|after)\s*)?$",
    re.IGNORECASE,
)


def _best_duration(text: str, today: date | None, loose: bool) -> _Candidate | None:
    """The duration a message most likely gives for the pain."""
    if not text or not text.strip():
        return None
    today = today or date.today()
    scan = _blank(text, _NOT_DURATIONS)
    candidates = (
        _counted_candidates(scan, strict=not loose)
        + _vague_candidates(scan, strict=not loose)
        + _calendar_candidates(scan, today, loose)
    )
    if loose:
        for match in re.finditer(rf"\b{_TODAY_WORDS.pattern}\b", scan, re.IGNORECASE):
            candidates.append(_Candidate(match.start(), match.end(), 2, 0.5))
    # Drop readings inside a longer one: "weeks" in "3 weeks", "march" in "since march".
    candidates = [
        c
        for c in candidates
        if not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in candidates
        )
    ]
    # "Two years on and off, worse since christmas": when it got worse is no start of the
    # pain, when another time says how long it has lasted (outside run 102 p01).
    changes = [c for c in candidates if _WORSE_SINCE.search(scan[max(0, c.start - 30) : c.start])]
    if len(changes) < len(candidates):
        candidates = [c for c in candidates if c not in changes]
    if not candidates:
        return None
    # "for years" beats "2 days ago"; at equal footing the first said wins, then the longest.
    return min(candidates, key=lambda c: (-c.rank, c.start, -(c.end - c.start)))


# A unit alone, singular, as the whole answer: "month ish", "week or so", "yr maybe".
_A_UNIT_ALONE = re.compile(
    r"^\W*(?:(?:about|around|like|maybe|approx\w*|roughly|abt|prob(?:ably)?)\s+)?"
    r"(?P<unit>min|minute|hr|hour|day|night|wk|week|fortnight|mo|mth|month|yr|year|decade)"
    r"(?:\s*-?\s*ish|\s+or\s+so|\s+(?:maybe|roughly|about|approx\w*|i\s+think|lol|tbh))*\W*$",
    re.IGNORECASE,
)


def parse_duration(text: str, today: date | None = None) -> Duration | None:
    """Read a whole answer to "how long have you had it?".

    Accepts counted durations ("3 weeks", "a couple of days", "6 months or so", "on and off
    for 2 years"), start dates ("since March", "since last tuesday", "since christmas",
    relative to `today` and always in the past), and vague answers ("for years" = 730 days,
    "ages" = 365, "today"/"this morning" = 0.5). Returns None when the answer holds no
    duration ("banana", "", a bare "7"). `Duration.text` is the answer as given, stripped.
    """
    candidate = _best_duration(text, today, loose=True)
    if candidate is None and (alone := _A_UNIT_ALONE.match(text)):
        # "month ish", "week or so": one of it (outside run 120 x7p01: asked again).
        days = _UNIT_DAYS[_UNIT_FORMS[alone["unit"].lower()]]
        return Duration(text=text.strip().strip(".!?,;").strip(), days=float(days))
    if candidate is None:
        return None
    # "months. like 2x a week, desk job": the sentence that holds the duration (outside run
    # 66 p02 was summed up "for months. like 2x a week, desk job").
    start = max((text.rfind(stop, 0, candidate.start) for stop in ".!?;\n"), default=-1) + 1
    ends = [i for i in (text.find(stop, candidate.end) for stop in ".!?;\n") if i >= 0]
    said = text[start : min(ends, default=len(text))]
    return Duration(text=said.strip().strip(".!?,;").strip(), days=float(candidate.days))


def find_duration(text: str, today: date | None = None) -> Duration | None:
    """Find how long the pain has lasted inside a longer message.

    "sharp pain in my lower back for 3 weeks, shoots down my leg" gives Duration("3 weeks",
    21). Stricter than `parse_duration`: it ignores severities ("7/10"), ages ("45 years
    old"), frequencies ("twice a week"), the future ("in 2 weeks"), times of day and bare
    calendar words, and reads a start date only after "since", "from" or "started".
    `Duration.text` is the patient's words for the duration, without a leading "for".
    """
    candidate = _best_duration(text, today, loose=False)
    if candidate is None:
        return None
    said = text[candidate.start : candidate.end].strip()
    if candidate.since:
        said = f"since {said}"
    # "for 3 weeks" -> "3 weeks", but "for years" keeps its "for".
    said = re.sub(
        rf"^for\s+(?=(?:the\s+\w+\s+)?(?:{_ANY_AMOUNT})\b)", "", said, flags=re.IGNORECASE
    )
    return Duration(text=said, days=float(candidate.days))


# ---------------------------------------------------------------------------------------------
# Severities (0-10)
# ---------------------------------------------------------------------------------------------

# Words for how bad the pain is, with the value they stand for. Negated forms come first in
# matching (longest first), so "not too bad" is read before "bad".
_SEVERITY_WORDS: dict[str, float] = {
    "worst pain ever": 10, "worst pain of my life": 10, "worst pain i've ever had": 10,
    "worst pain i have ever had": 10, "the worst": 10, "worst": 10, "unbearable": 10,
    "excruciating": 10, "intolerable": 10, "off the charts": 10, "off the scale": 10,
    "can't bear it": 10, "cannot bear it": 10,
    "terrible": 8, "agony": 8, "agonising": 8, "agonizing": 8, "severe": 8, "awful": 8,
    "horrible": 8, "horrendous": 8, "really bad": 8, "very bad": 8, "so bad": 8,
    "extremely bad": 8, "really painful": 8, "very painful": 8, "extremely painful": 8,
    "really sore": 8, "very sore": 8, "intense": 8,
    "bad": 6, "quite bad": 6, "pretty bad": 6, "fairly bad": 6, "painful": 6, "sore": 4,
    "quite painful": 6, "pretty sore": 6,
    "moderate": 5, "medium": 5, "average": 5, "middling": 5, "so so": 5, "so-so": 5,
    "in the middle": 5,
    "mild": 3, "not too bad": 3, "not that bad": 3, "not so bad": 3, "not bad": 3,
    "manageable": 3, "bearable": 3, "tolerable": 3, "not very bad": 3,
    "barely": 2, "slight": 2, "slightly": 2, "hardly": 2, "a little": 2, "a bit": 2,
    "a bit sore": 2, "a little sore": 2, "minimal": 2, "niggle": 2, "niggling": 2,
    "very mild": 2,
    "no pain right now": 0, "no pain": 0, "none": 0, "nothing": 0, "pain free": 0,
    "pain-free": 0, "doesn't hurt": 0, "does not hurt": 0, "not hurting": 0,
    "not sore": 0,
}  # fmt: skip
_SEVERITY_WORD = re.compile(rf"\b(?:{_alternation(_SEVERITY_WORDS)})\b", re.IGNORECASE)
# Words of degree say how bad only of the pain ("a bit sore", "a bit"); "a bit numb" or
# "slightly worried" is how much of something else.
_DEGREES = frozenset({"barely", "slight", "slightly", "hardly", "a little", "a bit"})
_PAIN_WORDS = frozenset({
    "sore", "painful", "achy", "aching", "hurts", "hurting", "hurty", "tender", "bad",
    "uncomfortable", "there", "noticeable", "annoying", "irritating", "niggly", "pain",
    "of", "any", "stiff",
})  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
# What a severity word may describe instead of the pain: "mild asthma", "a terrible cold".
_OTHER_THINGS = frozenset(
    word for words in OTHER_COMPLAINTS.values() for word in words if " " not in word
) | {"arthritis", "osteoporosis", "scoliosis", "diabetes", "epilepsy", "copd", "bronchitis", "flu"}
_A_LIST_ANSWER = re.compile(r"\s+(?:of|like|apply|applies|else)\b", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bno\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE)

# Only unmistakable words count inside a longer message ("a bad back" is not a severity).
_EXPLICIT_SEVERITY_WORDS: dict[str, float] = {
    "worst pain ever": 10, "worst pain of my life": 10, "worst pain i've ever had": 10,
    "worst pain i have ever had": 10, "unbearable": 10, "excruciating": 10,
    "off the charts": 10, "agony": 8, "agonising": 8, "agonizing": 8,
}  # fmt: skip
_EXPLICIT_SEVERITY_WORD = re.compile(
    rf"\b(?:{_alternation(_EXPLICIT_SEVERITY_WORDS)})\b", re.IGNORECASE
)

_SCORE = rf"(?P<n>{_STRICT_NUMBER})(?:\s+and\s+a\s+half)?(?P<plus>\s*\+|\s+plus)?"
_SCALE_ECHO = (
    r"(?:(?:on\s+)?(?:a\s+)?scale\s+(?:of\s+)?|from\s+|between\s+)"
    r"(?:0|1|zero|one)\s*(?:-|\u2013|to|and)\s*(?:10|ten)\b"
)
_EXPLICIT_SCORES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 7/10, 7 out of 10
        # "3 of 10", "6 from 10": a score as many languages say it (not "2 of 10 days").
        rf"\b{_SCORE}\s*(?:/|out\s+of|outta|of|from)\s*(?:10|ten)\b(?!\s*(?:days?|weeks?|"
        rf"months?|years?|people|times|kids|children)\b)",
        # a 7 on the pain scale
        rf"\b(?:an?\s+)?{_SCORE}\s+on\s+(?:the|a|my)\s+(?:pain\s+)?scale\b",
        # pain level 7, pain score of 8
        rf"\bpain\s+(?:level|score|rating)\s+(?:(?:is|of|at|about|around)\s+)*(?:an?\s+)?{_SCORE}\b",
        # on a scale of 1 to 10 it's an 8
        rf"{_SCALE_ECHO},?\s+(?:(?:it'?s|it\s+is|i'?d\s+say|i\s+would\s+say|about|around|"
        rf"maybe|probably|like)\s+)*(?:an?\s+)?{_SCORE}\b",
        # I'd rate it a 7
        rf"\brated?\s+(?:it|the\s+pain|my\s+pain|this)\s+(?:(?:as|at|about|around)\s+)*"
        rf"(?:an?\s+)?{_SCORE}\b",
        # "8 when I move, 3 lying still": a number for how it hurts in a position
        rf"\b{_SCORE}\s+(?:(?:when|while|if)\s+(?:i'?m\s+|i\s+|he\s+|she\s+)?)?(?:move|moving|"
        r"walk|walking|bend|bending|sit|sitting|stand|standing|lying|lie|lay|laying|rest|resting|"
        r"at\s+rest|still)\b",
        # ...about a 6, it's a 4 usually (a number with a unit is something else)
        rf"\b(?:about|around|roughly|maybe|probably|like|it'?s|it\s+is)\s+an?\s+{_SCORE}"
        r"(?![\w/%-]|\s*(?:years?|yrs?|y/?o|min\w*|hours?|hrs?|days?|weeks?|wks?|months?|"
        r"miles?|km|kg|lbs?|pounds?|feet|foot|inch\w*|ton\w*|minute\w*|out\s+of|/))",
    )
)
# Numbers in an answer that are not the score: durations, clock times, the scale itself.
_NOT_SCORES = (
    re.compile(rf"\b(?:{_STRICT_NUMBER})\s*(?:{_alternation(_UNIT_FORMS)})\b", re.IGNORECASE),
    # Weights, ages and counts said beside the score: "dropped 15 pounds", "I'm 72", the age
    # of the one written for ("she's 85").
    re.compile(
        rf"\b(?:{_STRICT_NUMBER})\s*(?:pounds?|lbs?|kg|kilos?|stone|percent|%|times|"
        r"years?\s+old|yrs?\s+old|y/?o)\b|\b(?:i'?m|i am|aged?|(?:he|she|they)(?:'?s|'?re|"
        r"\s+is|\s+are)(?:\s+only|\s+just)?)\s+\d{2,3}\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE),
    # An hour something opens or closes: "they have walk in till 7" (outside run 115 p08: the
    # pain became 7 out of 10).
    re.compile(
        r"\b(?:till|til|'til|until|closes?\s+at|closing\s+at|opens?\s+at|open\s+at)\s+"
        r"(?:about\s+|around\s+)?\d{1,2}\b",
        re.IGNORECASE,
    ),
    # A reading of a measure: "her INR is usually around 3", "my sugar was 6", "blood
    # pressure 140 over 90" (outside run 70 p07: the pain became 3 out of 10).
    re.compile(
        r"\b(?:inr|sugars?|glucose|bgl?|a1c|hba1c|blood pressure|bp|temp(?:erature)?|pulse|"
        r"heart rate|oxygen|sats?|cholesterol)\b(?:\s+(?:is|was|were|are|runs?|ran|"
        r"readings?|levels?|of|at|around|about|usually|normally|always|this morning|last \w+|"
        r"check|only|just|roughly|between)){0,4}\s*\d+(?:[.,]\d+)?(?:\s*(?:over|/)\s*\d+)?",
        re.IGNORECASE,
    ),
    # A year: "cancer in 2019".
    re.compile(r"\b(?:19|20)\d\d\b"),
    re.compile(_SCALE_ECHO, re.IGNORECASE),
    # "One" standing for a thing: "skip this one", "the next one", "one of them", "one side".
    re.compile(
        r"\b(?:this|that|the|which|next|another|each|every|last|first|other|no|any|some|"
        r"right|left|wrong|new|same)\s+one\b|\bone\s+(?:of|more|side|thing|question|day|bit|time)\b",
        re.IGNORECASE,
    ),
)


# How someone seems or carries on, said with a number: a likeness, not the score they give
# ("he says 3, but he limps round like it's a 9 lol", "the way she moans you'd think it was
# 10"). A likeness of the pain itself ("it feels like it's a 7") is still a score.
_SEEMING = re.compile(
    r"\b(?:you'?d|u'?d|you\s+would|one\s+would|anyone\s+would)\s+(?:think|swear|believe|guess)\b"
    r"|\bas\s+(?:if|though)\b"
    r"|\b(?:acts?|acting|behav\w*|carr(?:y|ies|ying)\s+on|go(?:es|ing)?\s+on|makes?\s+(?:it\s+)?out|"
    r"making\s+(?:it\s+)?out|moan\w*|groan\w*|whin\w+|whing\w+|limp\w*|hobbl\w*|scream\w*|"
    r"yell\w*|cr(?:y|ies|ying)|fuss\w*)(?:\s+[\w']+){0,5}?\s+like\s+"
    r"(?:it|he|she|they|it'?s|he'?s|she'?s|they'?re|his|her|its)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,.;:!?]|\b(?:but|though|tho)\b", re.IGNORECASE)


def _seeming(text: str, end: int) -> bool:
    """Whether the score ending at `end` is said of how someone seems, in its own clause."""
    return bool(_SEEMING.search(_CLAUSE_BREAK.split(text[max(0, end - 80) : end])[-1]))


def _score_value(match: re.Match[str]) -> float | None:
    """The 0-10 value of a matched score, or None when it is above the scale ("10+", "12")."""
    value = _number_value(match.group("n"))
    if re.search(r"and\s+a\s+half", match.group(0)[match.end("n") - match.start() :]):
        value += 0.5
    if value > 10 or (match.group("plus") and value >= 10):
        return None
    return value


def _word_severities(
    text: str, table: dict[str, float], pattern: re.Pattern[str]
) -> list[tuple[str, float]]:
    """(words, value) for each severity word said, skipping negated ones ("not unbearable")."""
    found = []
    for match in pattern.finditer(text):
        if _A_LIST_ANSWER.match(text, match.end()) and match[0].lower() in ("none", "nothing"):
            continue  # "none of those": an answer to a list, not "no pain"
        said = match.group(0)
        key = re.sub(r"\s+", " ", said.lower())
        value = table[key]
        following = _NEXT_WORD.match(text, match.end())
        if key in _DEGREES and following and following[1].lower() not in _PAIN_WORDS:
            continue  # "a bit numb", "a little worried": how much of something else
        if following and following[1].lower() in _OTHER_THINGS:
            continue  # "mild asthma": how bad something else is
        if not key.startswith("not") and _NEGATED_BEFORE.search(text[: match.start()]):
            # "isn't too bad" is mild; "not unbearable" says nothing definite.
            if value not in (6, 8):
                continue
            value = 3
        found.append((said, float(value)))
    return found


# "Usually a 4, a 7 on Monday": the usual number is the answer; one said of a bad moment
# ("7 when I bend", "it was an 8 yesterday", "8 at worst") only when there is no other.
_USUAL = re.compile(
    r"\b(?:usual(?:ly)?|usualy|normal(?:ly)?|mostly|generally|typically|on average|"
    r"most of the time|day to day|average|(?:on )?most days|every day|most of the week)\b",
    re.IGNORECASE,
)
_MOMENT_AFTER = re.compile(
    r"^[^\w,.;:!?]*(?:(?:is|was|gets|goes)\s+)?(?:(?:only|just|mostly|mainly)\s+)?"
    r"(?:when|if|while|whilst|with|after|"
    r"at (?:its |my )?worst|at times|"
    r"sometimes|(?:on )?(?:some|other|certain) days|"
    r"on (?:an? |the )?(?:bad|some|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\w*|at night|yesterday|last|later|"
    # a time of day: "6 in the evenings", "8 by the end of the day"
    r"(?:in|by|at|towards?) (?:the )?(?:morning|evening|afternoon|night|end)s?|"
    # a day or the week's end: "7 by Friday afternoon", "5 by the weekend"
    r"by (?:the )?(?:weekend|end of the week|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b",
    re.IGNORECASE,
)
_MOMENT_BEFORE = re.compile(
    r"\b(?:was|were|got to|went up to|goes up to|up to|peaks? at|at (?:its |my )?worst|"
    r"worst|sometimes?|occasionally|now and then|once in a while|on bad days|yesterday|at times|"
    # days told apart: "4, other days 6", "on some days 8"
    r"(?:on )?(?:some|other|certain) days|"
    # the day's end: "5, end of day 7", "by end of shift 8"
    r"(?:at |by |towards? )?(?:the )?end of (?:the |my )?(?:day|shift|week|work)|"
    r"spikes?(?: up)?(?: to)?|flares?(?: up)?(?: to)?|can (?:get|go|be)(?: up)?(?: to)?|"
    # a time of day before it: "evenings 5", "first thing in the morning 6"
    r"(?:in the |at |by |first thing (?:in the )?)?(?:mornings?|evenings?|nights?|afternoons?))"
    r"\W+(?:an?\s+|like\s+|about\s+|around\s+|more\s+|closer\s+to\s+|nearer\s+|maybe\s+|"
    r"probably\s+|up\s+to\s+|(?:it|she|he|they)(?:'?s|\s+is|\s+gets|\s+goes)\s+)*$",
    re.IGNORECASE,
)
# A moment told before its score in a clause of its own: "5, after a long drive 8".
_MOMENT_CLAUSE_BEFORE = re.compile(
    # "...; when I bend 8", "maybe 5. When turn is 7." (outside run 76 p05: 7 noted as usual)
    r"(?:^|[,;.]\s*)(?:but\s+|and\s+)?(?:after|when|while|whilst|during|"
    # ...not a hedge: "if I'm honest probably a 5" (outside run 122 s06: 7 noted)
    r"if(?!\s+(?:i'?m|i\s+am|i'?m\s+being|to\s+be)\s+honest|\s+i\s+had\s+to\s+(?:guess|say)))"
    r"\s+[\w' ]{1,25}?\s+"
    r"(?:an?\s+|like\s+|about\s+|around\s+)*$",
    re.IGNORECASE,
)
# "5 most days" too (outside run 92 p01: said to the spread question, then asked again).
_USUAL_WORD = (
    r"(?:usual(?:ly)?|usualy|normal(?:ly)?|generally|typically|most days|most of the time"
    r"|on most days)"
)
_USUAL_SCORES = (
    re.compile(rf"\b{_USUAL_WORD}\s+(?:an?\s+)?{_SCORE}\b", re.IGNORECASE),
    re.compile(rf"\b{_SCORE}\s+{_USUAL_WORD}\b", re.IGNORECASE),
)
_NEGATED_NUMBER = re.compile(r"\bnot\s+(?:an?\s+)?$", re.IGNORECASE)
# What the patient puts right within one answer: a number after these replaces the one before.
_PUT_RIGHT = re.compile(
    r"\b(?:no|actually|sorry|wait|or rather|rather|i mean|i meant|make that|more like)\b",
    re.IGNORECASE,
)


_MOMENT_LEFT = re.compile(
    r"\b(?:nights?|evenings?|mornings?|afternoons?|worst|bad days?|sometimes|times|"
    r"(?:some|other|certain) days|end of (?:the |my )?(?:day|shift|week|work))\W*"
    # "at night it's more like 8", "on bad days it gets more like 6"
    r"(?:(?:it|she|he|they|i)(?:'?s| is| gets| goes| can be)\W*)?$",
    re.IGNORECASE,
)


Score = tuple[int, int, float]  # where a score was said (start, end) and its 0-10 value
# "4/10 but 7 by the evening", "3/10, sometimes 6": a number said just after a score is on
# its scale (one with a unit, "5/10, 2 weeks", is not: those are blanked first).
_NEXT_SCORE = re.compile(
    rf"(?:\s+(?:{_USUAL_WORD}|mostly|most of the time))?"
    # (never across a scale's slash: "rate it 4/10 most days" has no second score 10)
    rf"[^\w/]{{0,3}}(?:(?:but|and|or|then|though|maybe|sometimes?|occasionally|up to|goes up to|"
    rf"gets? to|can get to|more like|to)\s+)*(?:an?\s+)?{_SCORE}(?![\w/%]|\s*out\s+of)",
    re.IGNORECASE,
)


# A time of day or a bad moment named anywhere between a score and the one before
# ("5. in the morning more, like 7"): the later one is the moment's.
_MOMENT_WORD = re.compile(
    r"\b(?:nights?|evenings?|mornings?|afternoons?|first thing|worst|bad days?|when|whenever|"
    r"after|while|during|end of (?:the |my )?(?:day|shift|week|work))\b",
    re.IGNORECASE,
)


def _of_a_moment_or_another_place(text: str, scores: list[Score], i: int) -> bool:
    """Whether score `i`, after another, is told of a moment or of another place: a moment
    word or a body part named since the clause after the score before ("4, headaches maybe
    6"). The words just after the score before are its own ("7 at night, 4 in the day")."""
    if not i:
        return False
    between = text[scores[i - 1][1] : scores[i][0]]
    clauses = re.split(r"[,.;:!?]", between, maxsplit=1)
    later = clauses[-1]
    return bool(_MOMENT_WORD.search(later)) or any(
        term.entity == "body_part" for term in find_terms(later)
    )


_SCORE_CLAUSE_BREAK = re.compile(r"[,.;:!?]|\b(?:but|though|tho|although|whereas)\b", re.IGNORECASE)


def _weights(text: str, scores: list[Score]) -> list[int]:
    """How surely each score is the usual one: 2 said as usual ("usually 4", "4/10
    normally"), 0 said of a bad moment ("7 when I bend", "sometimes 8"), else 1. Only the
    words between a score and its neighbours count, so "usually 4/10 but 7/10 by evening"
    gives the 7 none of the 4's "usually"."""
    weights: list[int] = []
    for i, (start, end, _) in enumerate(scores):
        if i and re.fullmatch(r"\s*(?:-|\u2013|or|to|/)?\s*", text[scores[i - 1][1] : start]):
            weights.append(weights[-1])  # "at night more like 8 9": one range, one moment
            continue
        before_from = max(scores[i - 1][1] if i else 0, start - 30)
        after_to = min(scores[i + 1][0] if i + 1 < len(scores) else len(text), end + 25)
        # "a 5 most of the time but an 8 when...": the words before "but" are the 5's.
        before = _SCORE_CLAUSE_BREAK.split(text[before_from:start])[-1]
        after = _SCORE_CLAUSE_BREAK.split(text[end:after_to])[0]
        if _USUAL.search(before) or _USUAL.search(after):
            weights.append(2)
        elif (
            _MOMENT_AFTER.search(text[end:])
            or _MOMENT_BEFORE.search(text[before_from:start])
            or _MOMENT_CLAUSE_BEFORE.search(text[max(0, start - 30) : start])
            or _of_a_moment_or_another_place(text, scores, i)
        ):
            weights.append(0)
        else:
            weights.append(1)
    return weights


def _usual(text: str, scores: list[Score]) -> float:
    """The usual score among several said; the highest when unclear ("6-7" is 7)."""
    weights = _weights(text, scores)
    best = max(weights)
    return max(value for (*_, value), weight in zip(scores, weights, strict=True) if weight == best)


def _worst(text: str, scores: list[Score]) -> float | None:
    """The score of the worst moments said beside the usual one ("4, 8 when I bend" is 8),
    or None when only the usual was said."""
    weights = _weights(text, scores)
    usual = _usual(text, scores)
    worse = [
        value
        for (*_, value), weight in zip(scores, weights, strict=True)
        if weight < max(weights) and value > usual
    ]
    return max(worse, default=None)


def _answer_scores(text: str) -> list[Score] | None:
    """The numbers of an answer to "how bad, 0 to 10?" that are scores; None when one is
    off the scale ("11", "10+") or on a scale we can't be sure of ("3/5")."""
    scores: list[Score] = []
    scan = text
    for pattern in _EXPLICIT_SCORES[:1]:
        for match in pattern.finditer(scan):
            value = _score_value(match)
            if value is None:
                return None
            scores.append((match.start(), match.end(), value))
        scan = _blank(scan, (pattern,))
    # Any other "x/N" uses a scale we cannot be sure of: ask again.
    if re.search(rf"\b(?:{_STRICT_NUMBER})\s*(?:/|out\s+of)\s*\d+", scan, re.IGNORECASE):
        return None
    scan = _blank(scan, _NOT_SCORES)
    for match in re.finditer(rf"(?<![\w.]){_SCORE}(?:-?ish)?(?!\w|\.\d)", scan, re.IGNORECASE):
        value = _score_value(match)
        if value is None:
            return None
        if not _NEGATED_NUMBER.search(text[: match.start()]):  # "7 not 5"
            scores.append((match.start(), match.end(), value))
    if re.search(r"\b(?:more\s+than|above|over)\s+(?:10|ten)\b", text, re.IGNORECASE):
        return None
    scores = sorted(score for score in scores if not _seeming(text, score[1]))
    # "At night more like 8": a bad moment's score, not one put right.
    # "5, the leg bit more like 8": another place's score, not one put right. Read only
    # with two scores or more (one alone is kept either way), so a "no" costs no reading.
    marks = [
        m
        for m in (_PUT_RIGHT.finditer(text) if len(scores) > 1 else ())
        if not _MOMENT_LEFT.search(text[: m.start()])
        and not any(
            t.entity == "body_part"
            for t in find_terms(re.split(r"[,.;:!?]", text[: m.start()])[-1])
        )
    ]
    if marks and (after := [s for s in scores if s[0] >= marks[-1].end()]):
        scores = after  # "like a 5 but no more like 7": the number put right
    return scores


def parse_severity(text: str) -> float | None:
    """Read a whole answer to "how bad is the pain, 0 to 10?".

    Numbers: "7", "7/10", "7 out of 10", "about a six", "6.5"; with two numbers ("six or
    seven", "6-7") the higher counts, unless one is said as usual and the other of a bad
    moment ("4, sometimes 8 at night" is 4; `worst_score` gives the 8). Scores above 10
    ("11", "10+", "a 12") are a misunderstanding of the scale and give None, so the
    assistant can explain it. Without a number, words count: "unbearable" 10, "terrible"
    8, "bad" 6, "moderate" 5, "mild" 3, "slight" 2, "no pain right now" 0. Returns None
    when the answer holds no severity.
    """
    if not text or not text.strip():
        return None
    text = _plain_when(text)
    scores = _answer_scores(text)
    if scores is None:
        return None
    if scores:
        return _usual(text, scores)
    words = _word_severities(text, _SEVERITY_WORDS, _SEVERITY_WORD)
    return float(max(value for _, value in words)) if words else None


def _explicit_scores(text: str) -> list[Score]:
    """The unmistakable scores in a longer message (see `find_severity`)."""
    scores: list[Score] = []
    for pattern in _EXPLICIT_SCORES:
        for match in pattern.finditer(text):
            value = _score_value(match)
            if value is not None:
                scores.append((match.start(), match.end(), float(value)))
    # "5 usually" says a score even without "/10"; not the 10 of "4/10 normally".
    for match in (
        m for pattern in _USUAL_SCORES for m in pattern.finditer(_blank(text, _EXPLICIT_SCORES))
    ):
        value = _score_value(match)
        if value is not None:
            scores.append((match.start("n"), match.end("n"), float(value)))
    for words, value in _word_severities(text, _EXPLICIT_SEVERITY_WORDS, _EXPLICIT_SEVERITY_WORD):
        start = text.lower().find(words.lower())
        scores.append((start, start + len(words), value))
    unitless = _blank(text, _NOT_SCORES)
    for _, end, _ in list(scores):
        following = _NEXT_SCORE.match(unitless, end)
        if following and (value := _score_value(following)) is not None:
            scores.append((following.start("n"), following.end("n"), value))
    # One score read by two patterns ("it's a 7" in "it's a 7 on the pain scale"): the
    # longer reading stands.
    scores = [score for score in scores if not _seeming(text, score[1])]
    longest_first = sorted(scores, key=lambda score: score[0] - score[1])
    kept: list[Score] = []
    for score in longest_first:
        if all(score[1] <= other[0] or other[1] <= score[0] for other in kept):
            kept.append(score)
    return sorted(kept)


# A score said not to be: "not 9 at worst", "the 8 was me exaggerating", "joking about the 9".
_SCORE_SAID_NOT = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\bnot\s+(?:an?\s+)?(?P<n>{_STRICT_NUMBER})\b(?!\s*(?:[:.]\d|am\b|pm\b|a\.m|p\.m|o'?clock|"
        rf"(?:{_alternation(_UNIT_FORMS)}|y/?o|kg|lbs?|pounds?|times|kids|children)\b))",
        rf"\b(?P<n>{_STRICT_NUMBER})\s+(?:was|is|were)\s+(?:(?:just|only|me|him|her|a\s+bit\s+of|"
        r"a|an|totally|completely)\s+)*(?:joke|joking|kidding|exaggerat\w*|wrong|mistake|typo|"
        r"too\s+high|over\s+the\s+top)\b",
        rf"\b(?:joking|kidding|exaggerating)\s+(?:about|with)\s+(?:the\s+)?(?P<n>{_STRICT_NUMBER})\b",
    )
)
# A sentence that speaks of times is about the booking: "not 9, 10 is better" is no score.
_TIME_TALK = re.compile(
    r"\b(?:am|pm|o'?clock|morning|afternoon|evening|slot|time|appointment|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b|\d:\d",
    re.IGNORECASE,
)


def scores_said_not(text: str) -> tuple[frozenset[float], float | None]:
    """The scores `text` says are not the pain's ("not 9 at worst, I was joking"), and the
    score said instead in their sentence ("the 8 was me exaggerating, more like 4")."""
    said_not: set[float] = set()
    instead: float | None = None
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if _TIME_TALK.search(sentence):
            continue
        spans = [m.span("n") for p in _SCORE_SAID_NOT for m in p.finditer(sentence)]
        if not spans:
            continue
        said_not |= {_number_value(sentence[a:b]) for a, b in spans}
        rest = list(sentence)
        for a, b in spans:
            rest[a:b] = " " * (b - a)
        instead = parse_severity("".join(rest)) if instead is None else instead
    return frozenset(said_not), instead


def says_the_usual_score(text: str) -> bool:
    """Whether `text` gives the usual score in so many words ("5 usually", "normally a 3"):
    the score the intake holds, said again."""
    return any(pattern.search(_blank(text, _EXPLICIT_SCORES[:1])) for pattern in _USUAL_SCORES)


def find_severity(text: str) -> tuple[str, float] | None:
    """Find an explicit severity inside a longer message: (the words as said, 0-10 value).

    Only unmistakable forms count: "7/10", "7 out of 10", "a 7 on the pain scale", "pain
    level 7", "on a scale of 1 to 10 it's an 8", "unbearable", "excruciating", "worst pain
    ever", "agony". A bare number never counts (in a long message it is an age or a
    duration), nor do everyday words like "bad". With several, the usual one wins, else
    the highest.
    """
    if not text or not text.strip():
        return None
    scores = _explicit_scores(text)
    if not scores:
        return None
    value = _usual(text, scores)
    start, end, _ = next(score for score in scores if score[2] == value)
    return text[start:end].strip(), value


def worst_score(text: str, explicit: bool = False) -> float | None:
    """The score said of the worst moments beside the usual one ("4/10, 8 when I bend"),
    else None. `explicit` reads a longer message as `find_severity` does; otherwise the
    text is an answer to the score question."""
    if not text or not text.strip():
        return None
    text = _plain_when(text)
    scores = _explicit_scores(text) if explicit else _answer_scores(text)
    return _worst(text, scores) if scores else None


# Text-speak for the words that mark a bad moment: "8 wen i get out the van", "6 aftr work".
_TEXT_SPEAK_WHEN = {"wen": "when", "wn": "when", "whn": "when", "aftr": "after", "afta": "after"}
_TEXT_SPEAK_WHEN_RE = re.compile(rf"\b(?:{'|'.join(_TEXT_SPEAK_WHEN)})\b", re.IGNORECASE)


def _plain_when(text: str) -> str:
    return _TEXT_SPEAK_WHEN_RE.sub(lambda m: _TEXT_SPEAK_WHEN[m[0].lower()], text)
