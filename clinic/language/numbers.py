"""Findings that patients give as numbers: a temperature, an age, weight lost.

Ages give `aged_50_plus` (and `aged_65_plus`), or `aged_under_50` for an adult younger,
which answers "are these headaches new since you turned 50?" with a no; under 18,
`young_patient` (and the contraindication `under_18`, see clinic.safety.screening).

"temp of 40", "102F", "39.2" with "hot to touch"; "I'm 63", "58 yo", "dad (74)"; "lost 6kg",
"down 2 dress sizes", "2 notches on my belt". Each is read from the tokens with its unit or
its context word, and returned as the sign it is evidence of, with the tokens it spans (so
its context, such as "my husband has a temperature of 39", is read like any other finding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

FEVER_C = 38.0
FEVER_F = 100.4
AGE_OF_NEW_HEADACHE_CONCERN = 50
# From this age a fall that leaves a leg unable to bear weight is a hip fracture until shown
# otherwise.
AGE_OF_FRAGILE_BONES = 65
ADULT = 18

_NUMBER = re.compile(r"^(\d{1,3}(?:[.,]\d)?)(°|º)?(c|f|kg|kgs|lbs|lb|st|yo|y/o|yrs?)?$")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a": 1, "half": 0.5,
}  # fmt: skip
_TEMPERATURE_WORDS = frozenset(
    {"temp", "temperature", "temps", "fever", "feverish", "thermometer", "degrees", "degree",
     "°", "°c", "°f", "celsius", "fahrenheit", "hot"}
)  # fmt: skip
_AGE_BEFORE = ("i'm", "im", "i am", "aged", "age", "at", "is", "turned", "he's", "she's")
_AGE_AFTER = frozenset({"yo", "y/o", "yrs", "yr", "years", "year"})
_YOUNG_AGE_BEFORE = (
    "i'm",
    "im",
    "i am",
    "aged",
    "he's",
    "she's",
    # Typed without the apostrophe: "asking for my son hes 15" (outside run 91 p07).
    "hes",
    "shes",
    "he is",
    "she is",
    "who is",
    "who's",
    "they're",
    "they are",
    "son is",
    "son's",
    "daughter is",
    "daughter's",
)
_NOT_YEARS = frozenset({
    "weeks", "week", "wks", "wk", "months", "month", "days", "day", "am", "pm", "a.m.", "p.m.",
    "o'clock", "minutes", "mins", "hours", "hrs", "kg", "lbs", "stone", "st", "stones",
    "percent", "%", "out", "/",
})  # fmt: skip
_LOST = frozenset({"lost", "losing", "dropped", "dropping", "shed", "down", "gone"})
WEIGHT_UNITS = frozenset(
    {"kg", "kgs", "kilo", "kilos", "stone", "stones", "st", "lbs", "lb", "pounds",
     "sizes", "size", "notches", "notch", "holes"}
)  # fmt: skip


@dataclass(frozen=True)
class NumberFinding:
    """A sign read from a number, over tokens `start` to `end`."""

    sign: str
    start: int
    end: int


def _value(word: str) -> tuple[float, str] | None:
    match = _NUMBER.match(word.lower())
    if match:
        return float(match.group(1).replace(",", ".")), (match.group(2) or "") + (
            match.group(3) or ""
        )
    if word.lower() in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word.lower()]), ""
    return None


def _near(words: list[str], i: int, wanted: frozenset[str], reach: int) -> bool:
    return any(w in wanted for w in words[max(0, i - reach) : i + reach + 1])


def number_findings(doc: Doc) -> list[NumberFinding]:
    """Fever, an age, and weight lost, read from the numbers of `doc`."""
    words = [t.lower_ for t in doc]
    found = []
    for i, word in enumerate(words):
        read = _value(word)
        if read is None:
            continue
        value, unit = read
        following = words[i + 1] if i + 1 < len(words) else ""
        if (sign := _temperature(value, unit, following, words, i)) is not None:
            found.append(NumberFinding(sign, i, i + 1))
        elif _age(value, unit, following, words, doc[max(0, i - 2) : i].text.lower(), i):
            if value < ADULT and _COMPANION.search(doc.text.lower()):
                continue  # "can I bring my 4 year old with me?": along, not the patient
            found.extend(NumberFinding(sign, i, i + 1) for sign in _age_signs(value))
        elif _weight_lost(unit, following, words, i):
            found.append(NumberFinding("losing_weight", max(0, i - 1), min(len(doc), i + 2)))
    return found


# A child brought along to the appointment is not the patient ("can I bring my 4 year old
# with me? no childcare").
COMPANION = ("with me", "come with me", "childcare", "child care", "babysitter", "tag along",
             "in tow", "stroller", "pram", "buggy")  # fmt: skip
_COMPANION = re.compile(rf"\b(?:{'|'.join(re.escape(words) for words in COMPANION)})\b")


def _temperature(value: float, unit: str, following: str, words: list[str], i: int) -> str | None:
    celsius = "c" in unit or following in ("c", "°c", "celsius")
    fahrenheit = "f" in unit or following in ("f", "°f", "fahrenheit")
    # A reading with its tenth ("I checked once, it was 38.5": outside run 67 p08) is a
    # temperature said without the word; "38.5 kilos" is not.
    reading = bool(re.search(r"\d[.,]\d$", words[i])) and following not in WEIGHT_UNITS
    said_as_temperature = "°" in unit or celsius or fahrenheit or reading
    if not (said_as_temperature or _near(words, i, _TEMPERATURE_WORDS, 4)):
        return None
    if celsius or (not fahrenheit and 35 <= value <= 43):
        return "fever" if value >= FEVER_C and value <= 43 else None
    if fahrenheit or 95 <= value <= 110:
        return "fever" if FEVER_F <= value <= 110 else None
    return None


def _age_signs(age: float) -> list[str]:
    if age < ADULT:
        return ["young_patient"]
    if age < AGE_OF_NEW_HEADACHE_CONCERN:
        return ["aged_under_50"]
    return ["aged_50_plus", *(["aged_65_plus"] if age >= AGE_OF_FRAGILE_BONES else [])]


def _age(value: float, unit: str, following: str, words: list[str], before: str, i: int) -> bool:
    if not 1 <= value <= 110 or value != int(value) or following in _NOT_YEARS:
        return False  # "I'm 12 weeks pregnant", "at 3 pm"
    if value < ADULT:
        # A child's age only in digits with a plain cue: "im 16", "she's 12", "15 years
        # old"; never "8 years ago", "for 6 years" or "I'm a little nervous".
        if not words[i][:1].isdigit():
            return False
        after = words[i + 2] if i + 2 < len(words) else ""
        years_old = following in ("years", "year", "yrs", "yr") and after in ("old", "of")
        return (
            years_old
            or unit in ("yo", "y/o")
            or following in ("yo", "y/o")
            or any(before.endswith(cue) for cue in _YOUNG_AGE_BEFORE)
        )
    if i == 0 and following in ("and", ",", "m", "f", "male", "female"):
        return True  # "82 and went over on the path", "58m."
    if unit in ("yo", "y/o", "yr", "yrs") or following in _AGE_AFTER:
        return True
    if any(before.endswith(cue) for cue in _AGE_BEFORE):
        return True
    # "my dad (74)", "mum, 68,"
    return i > 0 and words[i - 1] in ("(", ",") and following in (")", ",")


def _weight_lost(unit: str, following: str, words: list[str], i: int) -> bool:
    said_in_weight = unit in ("kg", "kgs", "lbs", "lb", "st") or following in WEIGHT_UNITS
    after_unit = words[i + 2] if i + 2 < len(words) else ""
    said_in_weight = said_in_weight or (following == "dress" and after_unit in ("sizes", "size"))
    return said_in_weight and _near(words, i, _LOST, 3)


# A bare number said to a question about fever ("i had 102 last night"): a temperature.
_BARE_TEMPERATURE = re.compile(
    r"(?<![\d.])(\d{2,3}(?:[.,]\d)?)(?![\d.,]*\s*(?:%|kg|lbs?|pounds?|years?))"
)


# Before a number, words that make it an age ("I'm 41"); around a Celsius one, words that
# make it a temperature (38 to 43 is an age as often).
_SAID_AS_AGE = re.compile(r"(?:\bi'?m|\bi am|\bim|\bage|\baged|\bturned|\bturning)\s*$", re.I)
_CELSIUS_CUE = re.compile(r"\btemp\w*|\bfever\b|\bthermometer\b|°|\bdegrees?\b|\d\s*c\b", re.I)


def fever_in_answer(text: str) -> bool:
    """Whether an answer to a question about fever gives a fever as a bare number ("i had
    102 last night"): 100.4 or more in Fahrenheit, or 38 to 43 said as a temperature
    (with a decimal or a word for it); never an age ("I'm 41")."""
    for match in _BARE_TEMPERATURE.finditer(text):
        if _SAID_AS_AGE.search(text[: match.start()]):
            continue
        value = float(match[1].replace(",", "."))
        celsius_said = "." in match[1] or "," in match[1] or _CELSIUS_CUE.search(text)
        if FEVER_F <= value <= 110 or (FEVER_C <= value <= 43 and celsius_said):
            return True
    return False
