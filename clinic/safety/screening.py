"""Reads one message for warning signs and contraindications, and turns signs into red flags.

The rules are data in `clinic.safety.red_flags`, `.concepts` and `.contraindications`; this
module finds the concepts, compiles the phrases into spaCy `Matcher` patterns over word forms
(text, lemma and small typos), reads each finding's context (denied, someone else's,
hypothetical, past), combines signs into flags, and names the direct question due for what
it could not decide. It is deterministic: a learned model may add to it, never replace it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import spacy
from spacy.matcher import Matcher
from spacy.matcher.levenshtein import levenshtein
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from clinic import parsing, vocabulary
from clinic.language import english
from clinic.language.context import (
    MISSPELT_NOTS,
    PEOPLE,
    contexts,
    for_spelled_out,
    is_another_person,
)
from clinic.language.numbers import number_findings
from clinic.safety import contraindications, red_flags
from clinic.safety.concepts import CONCEPTS, GUARDS, OTHER_SENSES, Guard
from clinic.safety.red_flags import (
    CONTEXT_ONLY_SIGNS,
    DIRECT_QUESTIONS,
    EMERGENCY,
    LEVEL_ORDER,
    RED_FLAGS,
    SCREEN_QUESTIONS,
    SCREEN_REGION_OF_BODY_PART,
    ScreenQuestion,
    Sign,
)
from clinic.vocabulary import typo_of, where_a_device_sits

SIGN = "sign"
# The entity role of a sign told as someone else's or long over (`Screening.set_aside`).
SET_ASIDE = "set_aside"
# The entity role of a sign someone else has now (`Screening.others`).
SOMEONE_ELSE = "someone_else"
# Concepts that are places of the body: where a device sits is no complaint of them.
_PLACES_OF_DEVICES = frozenset({"chest", "chest_pain"})
CONTRAINDICATION = "contraindication"
CONCEPT = "concept"

# Up to this many words may stand between the parts of a phrase ("...").
GAP = 5
_SENTENCE_ENDS = [".", "!", "?", ";"]
_GAP_STOPS = [
    "no",
    "not",
    "n't",
    "nt",
    "never",
    "without",
    "nor",
    ".",
    "!",
    "?",
    ";",
    *MISSPELT_NOTS,
]
# How close (difflib ratio) a rare word must be to a phrase word to be considered its typo.
TYPO_CUTOFF = 0.75
# Contractions and spellings folded to one form, in phrases and in messages alike.
_CANONICAL_FORMS = {"ca": "can", "n't": "not", "nt": "not", "wo": "will", "\u2019": "'"}
_FORMS = "clinic_forms"
_CONCEPTS = "clinic_concepts"


@dataclass(frozen=True)
class Mention:
    """A sign or contraindication found in a message; `denied` when said with "no", "not"..."""

    kind: str
    name: str
    start: int
    end: int
    denied: bool


@dataclass(frozen=True)
class RedFlag:
    """A red flag code (shared CONTRACT.md) at its triage level."""

    code: str
    level: str


@dataclass(frozen=True)
class Screening:
    """What one message says for safety, and the flags it raises (given what was known)."""

    mentions: tuple[Mention, ...]
    flags: tuple[RedFlag, ...]
    # Direct questions for what the message touched but the rules could not decide.
    questions: tuple[ScreenQuestion, ...] = ()
    # Signs told as someone else's or long over: no finding, but a flag read from them in an
    # earlier message is asked about once more.
    set_aside: tuple[Mention, ...] = ()
    # Signs set aside only as someone else's, said plainly ("he can't feel the paper when he
    # wipes"): the patient's own when the writer writes for them (actions/safety.py).
    others: tuple[Mention, ...] = ()

    def _names(self, kind: str, denied: bool) -> list[str]:
        said = {m.name for m in self.mentions if m.kind == kind and not m.denied}
        names = {m.name for m in self.mentions if m.kind == kind and m.denied == denied}
        # Said once plainly and once denied ("no fever... well, a fever last night"): it counts.
        return sorted(names - said if denied else names)

    @property
    def signs(self) -> list[str]:
        """Warning signs the patient reports."""
        return self._names(SIGN, denied=False)

    @property
    def denied_signs(self) -> list[str]:
        """Warning signs the patient says they do not have."""
        return self._names(SIGN, denied=True)

    @property
    def contraindications(self) -> list[str]:
        """Contraindication codes the patient reports."""
        return self._names(CONTRAINDICATION, denied=False)

    @property
    def denied_contraindications(self) -> list[str]:
        """Contraindication codes the patient says do not apply."""
        return self._names(CONTRAINDICATION, denied=True)

    @property
    def level(self) -> str | None:
        """The most urgent level of the flags, or None when there is none."""
        return triage_level(self.flags)


# Medicines in the words everyone knows: a brand ("Eliquis") means nothing to a sentence
# model, "blood thinner" does.
_PLAIN_NAMES = {"anticoagulants": "blood thinner"}


_EVERYDAY_WORDS = frozenset({"my", "the", "a", "day", "every", "each", "morning", "night"})


@lru_cache(maxsize=1)
def _medicine_words() -> frozenset[str]:
    """The words of the medicines' phrases: a message with none of them names none, and is
    not read again (the reading costs a parse on every message)."""
    signs = [s for s in contraindications.SIGNS if s.name in _PLAIN_NAMES]
    words = {w for s in signs for says in s.says for w in re.findall(r"[a-z][a-z'-]+", says)}
    return frozenset(words - _EVERYDAY_WORDS)


def medicines_named_plainly(text: str) -> str:
    """`text` with each medicine it names by brand put as its kind ("should I stop my
    Eliquis?" -> "should I stop my blood thinner?")."""
    if not _medicine_words() & set(re.findall(r"[a-z][a-z'-]+", text.lower())):
        return text
    named = [m for m in read(text) if m.kind == CONTRAINDICATION and m.name in _PLAIN_NAMES]
    for mention in sorted(named, key=lambda m: m.start, reverse=True):
        text = text[: mention.start] + _PLAIN_NAMES[mention.name] + text[mention.end :]
    return text


def screen(
    text: str,
    doc: Doc | None = None,
    known_signs: Iterable[str] = (),
    near: Iterable[str] = (),
) -> Screening:
    """Screens one message; `known_signs` are signs said earlier in the conversation.

    `doc` is spaCy's parse of the lowercased text, when the caller already has one; `near`
    the direct questions whose topic the message's meaning is near (`clinic.safety.meaning`).
    """
    found, set_aside, others = _read(text, doc)
    mentions = tuple(found)
    reported = {m.name for m in mentions if m.kind == SIGN and not m.denied}
    flags = tuple(red_flags_for(reported | set(known_signs)))
    questions = _questions(mentions, flags, set(known_signs), tuple(near))
    aside = tuple(m for m in set_aside if m.name not in reported)
    return Screening(mentions, flags, tuple(questions), aside, tuple(others))


# The heart's questions about pain that effort brings on: angina is an adult's (a child's arm
# pain with sport is asked nothing of the heart).
_ADULTS_HEART_QUESTIONS = frozenset(
    {"check_exertion", "check_eases_with_rest", "check_exertion_breathless"}
)


def _questions(
    mentions: tuple[Mention, ...],
    flags: tuple[RedFlag, ...],
    known: set[str],
    near: tuple[str, ...] = (),
) -> list[ScreenQuestion]:
    """The direct question for what the message touched and the rules could not decide.

    None after an emergency (its advice comes first and the intake stops); one question
    per message, the most urgent guard first. A question asked only where the intake holds
    its place (`ScreenQuestion.where`) comes with the next one, for the caller to choose.
    """
    if triage_level(flags) == EMERGENCY:
        return []
    touched = {m.name for m in mentions if not m.denied and m.kind in (CONCEPT, SIGN)}
    if "headache" in known:
        # The headaches told before are the head this message speaks of: "tonight she says
        # 10, worst ever" asks about a thunderclap (outside run 60: three turns, nothing).
        touched.add("head")
    reported = {m.name for m in mentions if m.kind == SIGN and not m.denied} | known
    settled = {m.name for m in mentions if m.kind == SIGN} | known
    raised = set(flags)
    chosen: list[ScreenQuestion] = []
    # Topics the message's meaning is near count as touched, ahead of the word guards.
    by_meaning = [
        Guard((), name, question_named(name).sign) for name in near if question_named(name)
    ]
    named = {m.name for m in mentions if m.kind == CONCEPT}
    for guard in (*by_meaning, *GUARDS):
        if not set(guard.touches) <= touched or set(guard.unless) & touched:
            continue
        if set(guard.unless_named) & named:
            continue
        question = question_named(guard.question)
        if question is None or {question.sign, *question.covers} & settled:
            continue
        # Only a question whose yes would raise something new is worth asking (with the
        # place it is asked in, for a question asked only there).
        if question.sign in contraindications.FROM_SIGNS:
            continue  # a precaution's question: after the warning signs' (below)
        if question.name in _ADULTS_HEART_QUESTIONS and "young_patient" in reported:
            continue  # a teenager's arm after hits: no question of angina (outside run 115 p08)
        if set(red_flags_for(reported | {question.sign, *question.where})) <= raised:
            continue
        chosen.append(question)
        if not question.where:
            break
    # A question that records a precaution comes after a warning sign's, not instead of it
    # ("i pee every hour but thats the baby": the bladder's question, then the pregnancy's);
    # never at 65 or over, nor once told ("the baby is sitting on my bladder").
    told = {m.name for m in mentions if m.kind == CONTRAINDICATION and not m.denied}
    for guard in GUARDS:
        question = question_named(guard.question)
        if (
            question is not None
            and question.sign in contraindications.FROM_SIGNS
            and contraindications.FROM_SIGNS[question.sign] not in told
            and question not in chosen
            and set(guard.touches) <= touched
            and not set(guard.unless) & touched
            and not {"aged_65_plus", question.sign} & (settled | reported)
        ):
            chosen.append(question)
    return chosen


# The writer's own age, grown up: "I'm 72", "im 81", "I am a 58 year old".
# ...never a count: "im 31 wks pregnant".
_OWN_ADULT_AGE = re.compile(
    r"\b(?:i'?m|i am)\s+(?:a\s+|now\s+)?(?:1[89]|[2-9]\d|1[01]\d)\b"
    r"(?!\s*(?:weeks?|wks?|w\b|months?|days?|%|kg|kilos?|lbs?|pounds?|stone|cm|inch))"
)
_UNDER_18 = (CONTRAINDICATION, "under_18")
# Signs read from an age said as a number.
_AGE_SIGNS = ("young_patient", "aged_50_plus", "aged_65_plus", "aged_under_50")


_SCORE_AT_REST = re.compile(
    r"\b\d{1,2}(?:\s*/\s*10|\s+out of\s+10)?\s+(?:at|when|while) rest", re.I
)


# The pain said to have been there before the fall or the knock told with it ("the
# headaches were already there before that", "her neck ached long before the fall"): the
# knock did not start it (outside run 58). A major crash still counts (its own sign).
_PAIN_CAME_FIRST = re.compile(
    r"\b(?:(?:was|were|been)\s+(?:already\s+)?there|already\s+(?:had|hurt|ached|sore)"
    r"|started|began|came on|ached|hurt|had (?:it|them|that|this))\b[^.!?;]{0,30}?"
    r"\b(?:long |well |months |weeks |years |way |a while )?before"
    r"(?:(?:\s+(?:that|it|this|then|the (?:fall|accident|crash|knock|bump|hit|tumble)))?"
    r"(?=\s*(?:[.,!?;)]|$|and\b|but\b|so\b|though\b))"
    # "...well before I slipped on the stairs" (outside run 76 p08's kind).
    r"|\s+(?:i|she|he|they|we)\s+(?:fell|slipped|tripped|crashed|had (?:the|that|my|her|his) "
    r"(?:fall|accident|crash)|was hit|got hit|took a (?:fall|tumble)))"
    r"|\b(?:the\s+\w+\s+)?came first\b",
    re.IGNORECASE,
)
# A fall named back in a question: "what about the fall, should I worry?", "does that
# accident matter?" asks about it; the fall's own question is asked instead of holding it
# (outside run 76 p08: a fall after the pain began held as "pain after a fall").
FALL_NAMED_BACK = "fall_named_back"
_FALLS_NAMED_BACK = frozenset(
    {"fall", "slip", "trip", "tumble", "accident", "knock", "bump", "crash"}
)
_QUESTION_OPENING = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?(?:what|how|should|does|do|is|will|would|could|can)\b",
    re.IGNORECASE,
)


def _named_back_in_a_question(doc: Doc, start: int, sentence: Span) -> bool:
    """Whether the injury at token `start` is "the fall" or "that accident" in a question."""
    word, before = doc[start].lower_, doc[start - 1].lower_ if start else ""
    asks = "?" in sentence.text or bool(_QUESTION_OPENING.match(sentence.text))
    return word in _FALLS_NAMED_BACK and before in ("the", "that", "this") and asks


# "I'm confused" said to the assistant about its replies ("you just said urgent care was
# right?? im confused"), not feeling confused or getting confused since a knock (outside
# run 59: with a fever it was sent to 911 as confusion).
_CONFUSED_BY_THE_CHAT = re.compile(
    r"\b(?:i'?m|im|i am)\s+(?:now\s+|so\s+|a bit\s+|bit\s+|really\s+|totally\s+|very\s+"
    r"|kinda\s+|kind of\s+|just\s+)?confused\b(?!\s+(?:since|after|and|when|at times|all"
    r"|every|sometimes|a lot|lately))",
    re.IGNORECASE,
)
_TO_THE_CHAT = re.compile(
    r"\b(?:you|your|u|ur|yr)\b|\?\?|\bwhat do (?:you|u) mean\b", re.IGNORECASE
)


def read(text: str, doc: Doc | None = None) -> list[Mention]:
    """Every sign, contraindication and concept in `text`, in order, each marked denied or not.

    Signs read from numbers (`clinic.language.numbers`) are among them. What is someone
    else's, hypothetical or over (see `clinic.language.context`) is left out.
    """
    return _read(text, doc)[0]


_SADDLE_SIGNS = frozenset({"saddle_numbness", "bladder_or_bowel_control"})
# A limb named as what goes numb, in the clause before the feeling: "my foot goes".
_LIMB_GOES_NUMB = re.compile(
    r"\b(?:foot|feet|toes?|legs?|calf|calves|thighs?|knees?|hands?|arms?|fingers?)\b"
    r"(?:\s+\w+){0,3}\s*$",
)
_BETWEEN_THE_LEGS = re.compile(
    r"\b(?:between|inside|inner)\s+(?:my|his|her|the)?\s*(?:legs|thighs)\b"
)


def _a_limb_goes_numb(whole: str, at: int) -> bool:
    """Whether the feeling at `at` is said of a limb named just before it ("my foot goes
    numb"), not of the area between the legs."""
    clause = re.split(r"[,.;:!?]|\b(?:and|but)\b", whole[:at])[-1]
    return bool(_LIMB_GOES_NUMB.search(clause)) and not _BETWEEN_THE_LEGS.search(clause)


def _read(text: str, doc: Doc | None = None) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """`read`'s mentions, the signs it set aside as someone else's or long over (what can
    put right a flag read from an earlier message: "that fall was years ago"), and of those
    the ones someone else has now (`Screening.others`)."""
    if not text.strip():
        return [], [], []
    doc = doc if doc is not None else english()(text.lower())
    whole = doc.text  # spaCy joins its tokens again on every `doc.text`
    _register_forms()
    sentence_of = _sentences_by_token(doc)
    found: dict[tuple[str, str, int], tuple[int, int]] = {}
    matches = [(CONCEPT, name, start, end) for name, start, end in _label(doc)]
    plain = _sign_matches(doc)
    denied_inside = _denied_inside(doc, plain)
    for key, start, end in plain + denied_inside:
        kind, name = key.split(":", 1)
        matches.append((kind, name, start, end))
    no_inside = {(*key.split(":", 1), start) for key, start, _ in denied_inside}
    words = [token.lower_ for token in doc]
    quoted = vocabulary.why_we_ask(whole)
    after_the_pain: set[int] = set()
    named_back: tuple[int, int] | bool = False
    explained: list[tuple[str, int, int]] = []
    # Each injury's time, read once: it dates the others told in the message too.
    injury_long_ago = {
        start: _long_ago(sentence_of[start], doc[start].idx, sentence_of)
        for _, name, start, _ in matches
        if name in _INJURY_SIGNS
    }
    injuries_long_ago = any(injury_long_ago.values())
    for kind, name, start, end in matches:
        if _unless(_SIGNS_BY_KEY[(kind, name)], sentence_of[start]):
            if kind == SIGN:
                # "The vomiting is morning sickness": explained, so set aside; it may put
                # right a flag it held in an earlier message (outside run 76 p01).
                explained.append((name, start, end))
            continue
        if _inside_another_sense(name, doc[start:end], whole):
            continue  # "is it a slipped disc?": no slip; "...and slipped on ice" still is
        if any(a <= doc[start].idx < b for a, b in quoted):
            continue  # "why you ask about the legs and the pee?": the question quoted
        sentence = sentence_of[start]
        if kind == CONTRAINDICATION and _echoed(
            sentence.text, doc[start:end].text, whole[sentence.end_char :]
        ):
            continue  # "Pregnancy?? She's 14": the assistant's word asked back, not told
        if kind == CONTRAINDICATION and _ASKS_WHAT_IT_IS.match(sentence.text):
            # "what is lymphoedema? I dont think I have": the word asked about, not told
            # (outside run 103 p03: needles kept off her shoulder for it).
            continue
        if name == "needle_phobia" and (
            _mild_fear(sentence_of[start].text)
            or (_NEVER_FAINTED.search(whole) and not _STRONG_FEAR.search(whole))
        ):
            continue
        if name == "breathless" and _breath_of_pregnancy(
            # Read to the stops: the parser may split "...stairs | but I'm 22 weeks pregnant"
            _between_stops(whole, doc[start].idx)
        ):
            # "A bit out of breath on stairs but thats the pregnancy": puffed on effort,
            # put down to the pregnancy (outside run 80 p03: 911 at 22 weeks).
            explained.append((name, start, end))
            continue
        if name in _SADDLE_SIGNS and _a_limb_goes_numb(whole, doc[start].idx):
            # "my foot goes numb when I'm on the toilet for ages": the foot's, where one sits
            # (outside run 121 r03: 911, held through two denials).
            continue
        if name == "trauma" and _PAIN_CAME_FIRST.search(whole):
            after_the_pain.add(start)  # set aside: it may put right a fall held before
        if name in _INJURIES and _named_back_in_a_question(doc, start, sentence):
            named_back = named_back or (start, end)
            continue
        if (
            name == "confusion"
            and _CONFUSED_BY_THE_CHAT.search(whole)
            and _TO_THE_CHAT.search(whole)
        ):
            continue  # "you just said urgent care?? im confused. bye": by the replies
        if name == "at_rest" and _SCORE_AT_REST.search(doc[max(start - 3, 0) : end].text):
            continue  # "3 at rest, 6 when I lift": how bad the pain is at rest
        if name in _PLACES_OF_DEVICES and where_a_device_sits(words, start):
            continue
        if name == "back_pain" and end - start == 1 and _back_said_otherwise(words, start):
            continue  # "the fever came back", "a few years back"
        key = (kind, name, start)
        # Overlapping phrases of one sign: the longest reading counts once.
        if key not in found or end > found[key][1]:
            found[key] = (start, end)
    numbers = number_findings(doc)
    found = {
        key: span for key, span in found.items()
        if key[:2] != _UNDER_18 or not _children_in_passing(doc, span, sentence_of[span[0]])
    }  # fmt: skip
    # "Puffed on stairs", "winded with exercise": the effort is the breath's, not the pain's
    # (outside run 70 p07: a doctor today for a sore shoulder and years of breathlessness).
    breath = [span for key, span in found.items() if key[:2] == (SIGN, "breathless")]
    found = {
        key: span for key, span in found.items()
        if key[:2] != (SIGN, "comes_on_exertion")
        or not any(a <= span[0] <= b for a, b in breath)  # "winded with exercise" too
    }  # fmt: skip
    own_age = _OWN_ADULT_AGE.search(whole)
    along = _comes_along(whole)
    if _CARRIES_A_CHILD.search(whole) and _speaks_for_self(doc):
        # "From carrying my 2 year old around all day": the writer's day, not the patient
        # (outside run 71 p03: the teenagers' text for a woman of 34).
        found = {key: span for key, span in found.items() if key[:2] != _UNDER_18}
    if _CHILD_SAYS.search(whole) and not _FOR_THE_CHILD.search(whole):
        # "My daughter says it's like a bee sting": where the words came from, not the
        # patient (outside run 70 p07: the teenagers' text for a man of 67).
        found = {
            key: span for key, span in found.items()
            if key[:2] != _UNDER_18 or any(t.like_num for t in doc[span[0] : span[1]])
        }  # fmt: skip
    if along:
        # "Can I bring my daughter? She's 8": the child is with the patient, not the patient.
        found = {key: span for key, span in found.items() if key[:2] != _UNDER_18}
    if own_age and all(n.sign != "young_patient" for n in numbers):
        # "My daughter set this up for me, I'm 72": a son or a daughter named, not a child.
        found = {key: span for key, span in found.items() if key[:2] != _UNDER_18}
    elif any(key[:2] == _UNDER_18 for key in found) and _speaks_for_self(doc):
        # "hurt my back moving my daughter into her dorm": a child without an age is part
        # of a grown-up's day when they tell of their own pain; "my 15 year old" is not.
        found = {
            key: span for key, span in found.items()
            if key[:2] != _UNDER_18 or any(t.like_num for t in doc[span[0] : span[1]])
        }  # fmt: skip
    children = [key[2] for key in found if key[:2] == _UNDER_18]
    grown_up = _grown_up_written_for(doc, numbers, children)
    if grown_up:
        # "Writing for my wife, she is 33... carrying our son who is 2": the child is named
        # in passing; the patient is the grown-up whose age came first (outside run 58).
        found = {key: span for key, span in found.items() if key[:2] != _UNDER_18}
        numbers = [n for n in numbers if n.sign != "young_patient"]
    age_starts = {number.start for number in numbers if number.sign in _AGE_SIGNS}
    for number in numbers:
        if number.sign == "young_patient" and (along or _a_child_named(doc, number.start)):
            continue
        if not _unless(_SIGNS_BY_KEY[(SIGN, number.sign)], sentence_of[number.start]):
            found.setdefault((SIGN, number.sign, number.start), (number.start, number.end))
            if number.sign == "young_patient":  # "im 16": a precaution for needling too
                found.setdefault(
                    (CONTRAINDICATION, "under_18", number.start), (number.start, number.end)
                )
    spans = list(found.values())
    # Someone else's symptom is left out only when the writer is the patient ("dad's got
    # cancer, my neck hurts"); a parent writing for a child reports the child's signs.
    writer_is_patient = _speaks_for_self(doc)
    mentions, set_aside, others = [], [], []
    read_in_context = contexts(doc, spans)
    # "When I was a boy I fell out of a tree and hit my head": the knock is the fall's, and
    # of its time (outside run 125 w02: a childhood swing sent to a doctor today).
    falls_of_the_past = {
        sentence_of[start].start
        for (_, name, _), (start, _), context in zip(found, spans, read_in_context, strict=True)
        if name in _INJURY_SIGNS and context.past
    }
    for (kind, name, _), (start, end), context in zip(found, spans, read_in_context, strict=True):
        # "Had it this morning just sitting, went away": over, but today (a warning sign
        # that passed still counts the same day: unstable angina, a TIA).
        past_counts = name in red_flags.HISTORY_COUNTS or _earlier_today(sentence_of[start])
        someone_else = context.someone_else and writer_is_patient
        if (
            kind == SIGN
            and _done_by_others(doc, start, sentence_of[start], writer_is_patient)
            and not (name in _INJURIES and doc[start + 1 : start + 2].text in _THE_WRITER)
        ):
            # "three big oaks, and they drop everything": the trees, not the hands; but "a
            # guy hit my car", "someone knocked me over": done to the writer.
            continue
        if someone_else and kind == CONTRAINDICATION and context.negated:
            someone_else = False  # "my nan is on apixaban, not me": a no for the patient
        if context.negated and _names_a_diagnosis(doc, start, end):
            # "She's not having a heart attack, it's a muscle": the writer's view of what it
            # is, no word on the signs told (outside run 62 p05: her tight chest withdrawn).
            continue
        # A condition is not over for being old ("diabetic for years"), and a question about
        # it ("what if I'm pregnant?") is still worth its answer: for contraindications only
        # someone else's are left out.
        if kind == CONTRAINDICATION or name in _CONDITION_HINTS:
            hypothetical_or_past = False
        else:
            hypothetical_or_past = (
                context.hypothetical
                or (context.past and not past_counts)
                # The needles themselves still count: "...panting after the stairs. Could
                # that be the needles?" tells of needling and the breathlessness before it.
                or (name != "needling" and _asks_about_needling(sentence_of[start]))
            )
        span = doc[start:end]
        if name in _INJURIES and _in_a_likeness(sentence_of[start], doc[start].idx):
            continue  # "like I've been hit by a bus": how it feels, not what happened
        if name in _INJURIES and _in_a_likeness(sentence_of[start], doc[start].idx, _IF_IT_DID):
            continue  # "he'd say 4 if his arm fell off" (outside run 65 p05): no knock
        if kind == SIGN and _in_a_likeness(sentence_of[start], doc[start].idx, _DENIED_LIKENESS):
            continue  # "it's not as if I'm having a heart attack": said not to be
        # "back pain for 2 years, since a car crash": no injury of now; "the accident was 2
        # YEARS ago... it was whiplash": the same injury told again (outside run 100 p08).
        long_ago = name in _RECENT_ONLY and (
            injury_long_ago[start]
            if start in injury_long_ago
            else _long_ago(sentence_of[start], doc[start].idx, sentence_of)
        )
        long_ago = long_ago or (
            name in _INJURY_SIGNS
            and injuries_long_ago
            and not _timed(sentence_of[start], doc[start].idx)
        )
        # "Had a fever last week but it's gone": over, whatever the "but" between (outside
        # run 57: with a stiff neck from the laptop it was meningitis).
        # Not a fever of today, nor one a painkiller brought down ("gone after tylenol").
        long_ago = long_ago or (
            name in _PASSING_SIGNS
            and not past_counts
            and (
                vocabulary.said_over_after(whole[span.end_char :])
                or bool(_GONE_RIGHT_AFTER.match(whole[span.end_char :]))
            )
            and not _MASKED.search(whole)
        )
        # "I had chemo back in 2016, all clear since": a treatment years over is no weak
        # immune system now, and takes back one recorded (outside run 111 p07: "My chemo was
        # twelve years ago, I'm not on anything now" never heard).
        chemo_over = (
            name == "immunosuppressed"
            and bool(_CHEMO.match(whole[span.start_char : span.end_char]))
            and bool(_TREATMENT_OVER.search(sentence_of[start].text))
            and not _TREATMENT_NOW.search(sentence_of[start].text)
        )
        if name in SORE_FROM_EXERCISE_SIGNS and _sore_from_exercise(
            sentence_of[start], doc[start].idx
        ):
            continue  # "both legs sore from the gym": muscle soreness, not the spine's pain
        long_ago = long_ago or (name == "trauma" and start in after_the_pain)
        long_ago = long_ago or (
            name == "head_injury"
            and sentence_of[start].start in falls_of_the_past
            and not _timed(sentence_of[start], doc[start].idx)
        )
        if kind == SIGN and _names_a_diagnosis(doc, start, end):
            # "Two stents after my heart attack", "a heart attack in 2019": an illness had,
            # a history now (found beside outside run 124 v02: the heart's emergency).
            long_ago = long_ago or _an_illness_had(whole, span, sentence_of[start])
        over = someone_else or (context.past and not past_counts) or long_ago
        if kind == SIGN and over and not context.hypothetical:
            set_aside.append(Mention(kind, name, span.start_char, span.end_char, False))
        now_theirs = not (hypothetical_or_past or long_ago or context.negated)
        if kind in (SIGN, CONTRAINDICATION) and someone_else and now_theirs:
            # Someone else's now: the patient's, when the chat is written for them.
            others.append(Mention(kind, name, span.start_char, span.end_char, False))
        if someone_else or hypothetical_or_past or long_ago:
            continue
        if (
            kind == CONTRAINDICATION
            and context.negated
            and _THE_CLINICS_NO.search(whole[sentence_of[start].start_char : span.start_char])
        ):
            # "If you won't needle me because of the fainting, is it worth coming?": the
            # clinic's no, not the patient's (outside run 65 p07: the fainting was taken off
            # her notes).
            continue
        # "My pacemaker is fine": still there; "needles are fine with me": no fear.
        # "Breast cancer years ago, all fine now": a history, whatever came of it (outside
        # run 107 p07's kind: a cancer said to be fine read as no cancer).
        well_yet_there = context.well and (
            (kind == CONTRAINDICATION and name in _HELD)
            or (kind == SIGN and name in red_flags.HISTORY_COUNTS)
        )
        # "Couldn't the fingers just be my diabetes?": a question that puts it forward, no
        # denial (outside run 83 p05: diabetes taken off her list).
        put_forward = kind == CONTRAINDICATION and bool(_PUT_FORWARD.match(sentence_of[start].text))
        # An age is a number told, never denied: "no hes 16 lol" to how a fall happened is a
        # no to the question and 16 all the same (outside run 117 p07: "I've taken a patient
        # under 18 off his list").
        an_age = name in ("under_18", *_AGE_SIGNS) and start in age_starts
        said_no = (
            (context.negated and not well_yet_there and not put_forward and not an_age)
            # An infection that has passed: "the cellulitis is gone, it was last month".
            or (name in _PASSING and vocabulary.said_over_after(whole[span.end_char :]))
            or (
                name in _PASSING
                and vocabulary.said_over_in_sentence(
                    whole[span.end_char : sentence_of[start].end_char]
                )
            )
            # "Pregnancy, at 63? Hardly." (outside run 64 p06: recorded, with the baby's
            # warning signs).
            or (name == "pregnancy" and bool(_DOUBTED.match(whole[span.end_char :])))
            or (kind, name, start) in no_inside
            or chemo_over
            or _answered_no_after(whole, span.end_char)
            or _condition_denied(doc, start)
        )
        mentions.append(Mention(kind, name, span.start_char, span.end_char, said_no))
    if own_age and all(n.sign != "young_patient" for n in numbers) and writer_is_patient:
        # "the headaches are mine, not his! I'm 31": no patient under 18, whatever an
        # earlier message made of a child named in it.
        mentions.append(Mention(CONTRAINDICATION, "under_18", *own_age.span(), True))
    elif grown_up:
        # "The patient is my wife, she is 33, not the child": a no to an earlier misreading.
        age = doc[grown_up.start : grown_up.end]
        mentions.append(Mention(CONTRAINDICATION, "under_18", age.start_char, age.end_char, True))
    # "Peeing is normal": a no to the bladder is a word on every sign read from it.
    said = {m.name for m in mentions if not m.denied}
    for mention in mentions:
        if mention.kind == CONCEPT and mention.denied:
            set_aside += [
                Mention(SIGN, sign, mention.start, mention.end, True)
                for sign in _signs_built_on(mention.name) - said
            ]
    # "Not numb down there and her bladder is fine": a sign whose phrase opens on a denied
    # concept and reaches past "and" into the next clause is denied with it (outside run 61
    # p01: a change in bladder control).
    denied_at = {m.start for m in mentions if m.kind == CONCEPT and m.denied}
    said_at = {m.start for m in mentions if m.kind == CONCEPT and not m.denied}
    mentions = [
        replace(m, denied=True)
        if m.kind == SIGN
        and not m.denied
        and m.start in denied_at
        and m.start not in said_at
        and _NEXT_CLAUSE.search(whole[m.start : m.end])
        else m
        for m in mentions
    ]
    # "He didnt actually throw up, just queasy": a no to the words of a narrower sign (being
    # sick, read as nausea too) is no no to the broader one told in its own words (outside
    # run 109 p08: the nausea taken back, the headache's question asked "once more").
    told = {m.name for m in mentions if m.kind == SIGN and not m.denied}
    denied_spans = Counter((m.start, m.end) for m in mentions if m.kind == SIGN and m.denied)
    mentions = [
        m
        for m in mentions
        if not (m.kind == SIGN and m.denied and m.name in told and denied_spans[m.start, m.end] > 1)
    ]
    set_aside += [
        Mention(SIGN, name, doc[start:end].start_char, doc[start:end].end_char, False)
        for name, start, end in explained
    ]
    weight = next((m for m in mentions if m.kind == CONCEPT and m.name == "weight"), None)
    if (
        weight is not None
        and not weight.denied
        and not any(m.name in ("weight_loss", "weight_kept") for m in mentions)
        and _WEIGHT_LOST.search(whole)
        and (_APPETITE_GONE.search(whole) or _NOT_MEANT.search(whole))
    ):
        # Weight gone with the appetite is not meant: "lost 10 pounds, she's just not
        # hungry" (outside run 79 p03: 71 with a past cancer, the weight left out of the
        # advice and asked for after the booking). The "not" is the appetite's, not the loss';
        # and "not dieting" said further on than a phrase reaches (outside run 80 p01).
        mentions.append(Mention(SIGN, "weight_loss", weight.start, weight.end, False))
    if named_back and not any(m.name in _INJURIES for m in mentions):
        # The fall asked about, not told: its own question is asked (`FALL_NAMED_BACK`).
        span = doc[named_back[0] : named_back[1]]
        mentions.append(Mention(CONCEPT, FALL_NAMED_BACK, span.start_char, span.end_char, False))
    in_order = sorted(mentions, key=lambda m: (m.start, m.kind, m.name))
    return in_order, sorted(set_aside, key=lambda m: m.start), others


@cache
def _signs_built_on(concept: str) -> frozenset[str]:
    """The warning signs with a phrase built on `concept` ("{urination} ... {control_loss}")."""
    return frozenset(
        sign.name
        for sign in red_flags.SIGNS
        for phrase in sign.says
        if any(concept in slot.strip("{}").split("|") for slot in re.findall(r"\{[^}]+\}", phrase))
    )


# Who does what a sign says, when the words before it name them: "they" for the plural
# noun before it, or that noun itself ("our maples drop everything", "the toddlers drop
# things", "his pants are falling off"). The writer's own body and symptoms (hands, legs,
# headaches) keep it theirs, and "I" or "me" before the verb names no one else.
_THEY = frozenset({"they", "they're", "theyre", "they've", "theyve", "they'll"})
_BEFORE_THE_VERB = frozenset({
    "keep", "keeps", "always", "just", "all", "both", "often", "still", "sometimes", "kept",
    "constantly", "also", "even", "literally", "basically", "are", "is", "were", "was", "'re",
    "'s", "have", "has", "'ve", "been",
    # Degree words, nouns to the tagger: "I get a bit puffed", "a little clumsy".
    "a", "an", "bit", "little", "lot", "tad", "touch", "lil", "kinda", "sorta", "quite",
})  # fmt: skip
_OWN_WORDS = frozenset({
    "hand", "arm", "leg", "foot", "feet", "finger", "toe", "eye", "knee", "hip", "shoulder",
    "muscle", "joint", "ankle", "wrist", "elbow", "thigh", "calf", "calves", "buttock",
    "glute", "hamstring", "quad", "bone", "nerve", "lung", "ear", "lip", "tooth", "teeth",
    "headache", "migraine", "pain", "symptom", "spasm", "cramp", "attack", "episode",
    "tablet", "pill", "med", "medication", "medicine", "side", "limb", "thumb", "palm",
    "grip", "body", "balance", "walking", "writing", "handwriting", "head", "neck", "back",
    "ache", "soreness", "stiffness", "tingling", "numbness", "burning", "throbbing", "twinge",
})  # fmt: skip
_PEOPLE = PEOPLE | {
    "yo", "y/o", "kid", "child", "boy", "girl", "baby", "toddler", "teen", "teenager", "man",
    "woman", "lady", "guy", "patient", "year", "old", "son", "daughter", "dog", "cat", "puppy",
    "kitten",
}  # fmt: skip


def _done_by_others(doc: Doc, start: int, sentence: Span, writer_is_patient: bool) -> bool:
    """Whether the sign at token `start` has things or other people as its subject, named
    just before it: a noun ("the baby wakes me every night"), or, when the writer tells of
    their own pain, "they" standing for a plural noun earlier in the sentence."""
    if not doc[start].tag_.startswith("VB"):
        return False  # "breast cancer": a noun before a noun names no one
    i = start - 1
    while i >= sentence.start and (doc[i].lower_ in _BEFORE_THE_VERB or doc[i].tag_ == "RB"):
        i -= 1
    if i < sentence.start:
        return False
    subject = doc[i]
    if subject.lower_ in _THEY and not writer_is_patient:
        return False  # "my parents... they keep falling": the patients, for whom one writes
    if subject.lower_ in _THEY:
        earlier = [t for t in doc[sentence.start : i] if t.tag_ in ("NNS", "NNPS")]
        subject = earlier[-1] if earlier else None
    elif subject.tag_ not in ("NNS", "NNPS") and subject.lower_ not in _PEOPLE:
        # A thing said alone is the writer's experience: "the room is spinning", "by the
        # window gasping" (safety eval: both lost while any noun counted).
        return False
    if subject is None or subject.lemma_ in _OWN_WORDS or subject.lower_ in _OWN_WORDS:
        return False
    # "My 9 yo is limping", "dad keeps falling": the patient, for whom one writes.
    return writer_is_patient or not {subject.lemma_, subject.lower_} & _PEOPLE


# An injury said as a likeness ("aches like I've been hit by a bus", "as if I'd been
# kicked") is how it feels; only the injury in it is no injury: "felt like I got hit with
# a bat, worst headache of my life" is still the worst headache (outside run 27).
_INJURIES = frozenset({"trauma", "head_injury"})
# A no that is the clinic's (or the physiotherapist's) doing: "you won't needle me".
_THE_CLINICS_NO = re.compile(
    r"\b(?:you|u|they|the physio\w*|the clinic)\s+(?:won'?t|will not|wouldn'?t|would not|"
    r"don'?t|do not|can'?t|cannot|shouldn'?t|should not)\b",
    re.IGNORECASE,
)
# Said with scorn just after: "pregnancy, at 63? hardly", "pregnant? as if", "haha no".
_DOUBTED = re.compile(
    r"^[^.!?]{0,20}\?+\s*(?:hardly|as if|ha+|lol|lmao|no way|not likely|unlikely|nope|no)\b"
    r"|^[^.!?]{0,12}?\b(?:hardly(?=\s*(?:[.!,]|$))|as if|haha+,? no|lol,? no|no way|not likely)\b"
    r"|^,?\s*at (?:my|her|his|\d{2})(?: age)?\s*\?",
    re.IGNORECASE,
)


# Contraindications that pass, unlike a condition ("diabetic for years"): over is a no.
_PASSING = frozenset({"skin_infection"})
# Chemotherapy over, or now.
_CHEMO = re.compile(r"chemo", re.IGNORECASE)
# Years over, said in so many words: weeks after chemotherapy the immune system may still
# be weak, so "finished chemo" alone is not over.
_TREATMENT_OVER = re.compile(
    r"\b(?:years?|decades?)\s+(?:ago|back)\b|\b(?:in|back in)\s+(?:19|20)\d\d\b"
    r"|\b(?:ages|long|a long time) ago\b|\ball clear\b|\bremission\b",
    re.IGNORECASE,
)
_TREATMENT_NOW = re.compile(
    r"\b(?:on|having|getting|doing|starting|start|started|receiving)\s+(?:\w+\s+)?"
    r"(?:chemo|chemotherapy)\b(?![^.!?]{0,20}\b(?:years?|months?)\s+ago)"
    r"|\b(?:currently|at the moment|right now|still|this week|next week|cycle|every \d+ weeks?"
    r"|every (?:two|three|few) weeks)\b",
    re.IGNORECASE,
)
_NEXT_CLAUSE = re.compile(r",|\b(?:and|but)\b")
_PASSING_SIGNS = frozenset({"fever", "temperature", "feeling_unwell"})
# Said over right after it: "fever gone since monday", "the fever broke", "fevers gone"
# (outside run 79 p06: with a stiff neck of two months, 911 as meningitis). Not "gone up".
_GONE_RIGHT_AFTER = re.compile(
    r"^\W*(?:s\s+|is\s+|has\s+|had\s+)?(?:all\s+|now\s+)?(?:gone|broke|broken|went away"
    r"|went down|came down|settled|cleared)\b(?!\s+(?:up|higher|back|worse))",
    re.IGNORECASE,
)
_ON_EFFORT = re.compile(
    r"\b(?:stairs|steps|hills?|walking|walk|climbing|exercise|exercising|running|rushing)\b"
)
_PUT_DOWN_TO_PREGNANCY = re.compile(
    r"\b(?:that'?s|thats|it'?s|its|just|from|because of|cos of|due to)\s+(?:the\s+|being\s+|my\s+)?"
    r"(?:pregnan\w*|baby|bump)\b|\bbecause (?:i'?m|im|i am|she'?s|shes) pregnant\b"
    # The pregnancy beside it, or the doctor who called it normal: "...but I'm 22 weeks
    # pregnant so my OB says that's normal" (outside run 107 p06: 911 at 22 weeks).
    r"|\b(?:i'?m|im|i am|she'?s|shes|she is)\s+(?:\d+\s*(?:weeks?|wks?|months?)\s+)?pregnant\b"
    r"|\b(?:ob|obgyn|ob-gyn|midwife|doctor|gp|dr)\b[^.!?]{0,20}\b(?:says?|said|thinks?|told me)\b"
    r"[^.!?]{0,20}\bnormal\b"
)
# ...but not at rest, nor with a pain in the chest, nor new and sudden: those still count.
_NOT_ONLY_EFFORT = re.compile(
    r"\b(?:rest|resting|sitting|lying|still|chest|sudden\w*|worse|worsening|can'?t breathe"
    r"|cannot breathe|struggl\w*|calf|cough\w*|blood)\b"
)


def _between_stops(text: str, at: int) -> str:
    """The text around `at` between full stops (or question and exclamation marks)."""
    start = max((m.end() for m in re.finditer(r"[.!?]", text[:at])), default=0)
    end = next((at + m.start() for m in re.finditer(r"[.!?]", text[at:])), len(text))
    return text[start:end]


def _breath_of_pregnancy(sentence: str) -> bool:
    """Whether a sentence puts breathlessness on effort down to a pregnancy."""
    text = sentence.lower()
    return bool(
        _ON_EFFORT.search(text)
        and _PUT_DOWN_TO_PREGNANCY.search(text)
        and not _NOT_ONLY_EFFORT.search(text)
    )


_PUT_FORWARD = re.compile(
    r"^\W*(?:but\s+|so\s+)?(?:couldn'?t|could not|can'?t|isn'?t|wouldn'?t|mightn'?t|"
    r"might not|doesn'?t)\b[^?]*\?",
    re.IGNORECASE,
)
_WEIGHT_LOST = re.compile(
    r"\b(?:lost|losing|dropped|dropping|shed)\b[^.!?]{0,40}?"
    r"\b(?:weight|kg|kilos?|stones?|pounds|lbs)\b"
)
_NOT_MEANT = re.compile(
    r"\b(?:not|n't|never|isn'?t|wasn'?t|aren'?t|without)\s+(?:been\s+|even\s+|really\s+)?"
    r"(?:dieting|trying|on a diet|on purpose|meaning to)\b|\bfor no reason\b"
)
_APPETITE_GONE = re.compile(
    r"\b(?:no|poor|little|lost(?: her| his| my| their)?|without(?: an?)?)\s+appetite\b"
    r"|\bappetite(?:'s| is| has)? (?:gone|poor|bad)\b"
    r"|\b(?:not|never|isn'?t|aren'?t|wasn'?t) (?:very |really |that )?hungry\b"
    r"|\b(?:doesn'?t|don'?t|does not|do not|didn'?t) (?:really |even )?(?:feel|fancy) (?:like )?"
    r"eating\b|\b(?:barely|hardly|not) eating\b|\boff (?:her|his|my|their) food\b"
)
_MASKED = re.compile(
    r"\b(?:paracetamol|tylenol|acetaminophen|ibuprofen|advil|motrin|nurofen|aspirin"
    r"|painkillers?|pills?|tablets?|meds|medicine)\b",
    re.IGNORECASE,
)
_THE_WRITER = frozenset({"me", "us", "my", "our"})
_LIKENESS = re.compile(
    r"\b(?:like|as if|as though)\s+(?:i'?ve|i have|i'?d|i had|i was|i got|i'?m|i|someone|"
    r"somebody|something)\b[^.,;!?]*$",
    re.IGNORECASE,
)


# An injury said as what would be ("he'd say 4 if his arm fell off", "even if I got hit by a
# truck"): a way of speaking, no knock.
_IF_IT_DID = re.compile(
    r"\b(?:'d|would|wouldn'?t)\b[^.;!?]{0,40}\b(?:even )?if\b[^.,;!?]{0,25}$"
    r"|\beven if\b[^.,;!?]{0,25}$",
    re.IGNORECASE,
)


# A likeness denied ("it's not as if I'm having a heart attack", "it isn't like I can't
# breathe"): whatever sign it names, the patient says it is not had (outside run 52).
_DENIED_LIKENESS = re.compile(
    r"\b(?:not|isn'?t|wasn'?t|ain'?t)\s+(?:as if|as though|like)\s+(?:i'?m|i am|i was|i have|"
    r"i'?ve|i had|i'?d|i can'?t|i cannot|i|he'?s|she'?s)\b[^.,;!?]*$",
    re.IGNORECASE,
)


def _in_a_likeness(sentence: Span, at: int, likeness: re.Pattern[str] = _LIKENESS) -> bool:
    """Whether the finding at character `at` is said inside a likeness in its sentence."""
    return bool(likeness.search(sentence.text[: at - sentence.start_char].replace("\u2019", "'")))


# Conditions, devices and medicines a patient has even while they are well.
_HELD = frozenset({
    "lymphoedema", "bleeding_disorder", "anticoagulants", "pregnancy", "immunosuppressed",
    "heart_valve", "implant_near_site", "epilepsy", "diabetes",
})  # fmt: skip


# Signs that are red flags while they are new. An injury said with a long time ("the crash
# was 2 yrs ago", "pain for years since a fall") started a long-standing pain, long looked
# at; both feet numb "from my diabetes for 8 years" are a known neuropathy, not the spine's;
# puffing on hills "for years, my cardiologist follows it" is known, its question asked.
_RECENT_ONLY = frozenset(
    {
        "trauma",
        # A knock to the head decades ago (outside run 125 w02: a swing in childhood).
        "head_injury",
        # A crash or a fall from a height long ago too (outside run 100 p08: "since a car
        # accident 2 yrs ago, whiplash" was sent to 911).
        "major_trauma",
        "both_legs_weak",
        "both_legs_nerve",
        "both_legs_pain",
        "spinal_procedure",
        "breathless",
    }
)
_LONG_AGO_DAYS = 180  # six months: a fall weeks or months ago may still hide a fracture


# A clause break, unless the next clause goes on about the same thing ("numb, but that is
# from my diabetes", "a crash, which was years ago"): its time is the thing's time.
_CLAUSE_PARTS = re.compile(
    r"(?:[,;]|\bbut\b)(?!\s*(?:but\s+)?(?:that|it|this|which|they|those)(?:'s|\s+(?:is|was|are|were"
    r"|has|have|had|been|came|comes|started"
    # "...a ladder, it must have been 20 years ago" (outside run 125 w02's kind).
    r"|(?:must|might|may|would|could)\s+(?:have\s+)?been))\b)"
)
_AS_ONSET = re.compile(r"^\W*(?:ever\s+)?(?:since|after|from)\b")
_RECENTLY = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|last night|just|"
    r"recently|again)\b"
)
# Long-standing in words rather than a length: "long term", "for ages", "all my life".
_LONG_STANDING = re.compile(
    r"\b(?:long[- ]?(?:term|standing)|for (?:many )?(?:years|ages|decades)|all my life"
    r"|since (?:i was )?(?:a )?(?:kid|child|childhood)|chronic"
    # "that's old", "nothing new": known a long time
    r"|(?:that'?s|thats|it'?s|its|is|was) (?:an? )?old(?: news| thing| problem)?(?!\w)"
    r"|nothing new|not new|old news"
    # "she gets a bit puffed on the stairs but shes always been like that" (outside run 118
    # p04: 911 for "trouble breathing"), "that's normal for her".
    r"|always been (?:like (?:that|this)|that way|this way)|normal for (?:her|him|me|them|us))\b"
)
_ASIDE_WORDS = 4
_ASIDE_SENTENCE_WORDS = 6  # "but that was 3 years ago!!"
# An injury of the spine's kind: told twice in a message, it is one injury.
_INJURY_SIGNS = frozenset({"trauma", "major_trauma"})
# Just before an injury: the pain dates from it ("since a motorbike crash", "after his fall").
_BEGUN_BY = re.compile(
    r"\b(?:ever\s+)?(?:since|after|from)\s+(?:(?:a|an|the|my|his|her|their|that)\s+)?"
    r"(?:\w+\s+)?$"
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A sign that grows is of now however long it has been there.
_GETTING_WORSE = re.compile(r"\b(?:worse|worsening|weaker|spreading)\b")


_TODAY_WORDS = re.compile(
    r"\b(?:this morning|today|tonight|this afternoon|this evening|earlier|last night|just now|"
    r"an hour ago|(?:a few|few|\d+|two|three) (?:hours|hrs|minutes|mins) ago)\b"
)


def _earlier_today(sentence: Span) -> bool:
    """Whether the sentence dates what it tells to earlier today ("this morning")."""
    return bool(_TODAY_WORDS.search(sentence.text.lower()))


def _timed(sentence: Span, at: int) -> bool:
    """Whether the clause of the finding at character `at` says when, or that something
    is recent or growing."""
    text = sentence.text.lower()
    bounds, index = _clause_bounds(text, at - sentence.start_char)
    clause = text[bounds[index] : bounds[index + 1]]
    if _RECENTLY.search(clause) or _GETTING_WORSE.search(clause) or _YEAR.search(clause):
        return True
    return parsing.find_duration(clause) is not None


def _long_ago(sentence: Span, at: int, sentence_of: list[Span]) -> bool:
    """Whether the sign at character `at` (an injury, numb legs, a spinal procedure) is said
    to be long ago or long-standing: a long time in its own clause or an aside about it
    ("the crash was 2 yrs ago", "numb, but that is from my diabetes for 8 years"), or in
    a short sentence after it ("...rear ended. but 2 years ago!!"; `sentence_of` gives each
    token's sentence), or a long-standing pain it began ("pain for 2 years, since a car
    crash"); never when anything is said to be recent or getting worse."""
    text = sentence.text.lower()
    if _RECENTLY.search(text) or _GETTING_WORSE.search(text):
        return False
    cut = at - sentence.start_char
    bounds, index = _clause_bounds(text, cut)
    clause = text[bounds[index] : bounds[index + 1]]
    earlier = text[bounds[index - 1] : bounds[index]] if index else ""

    def long(part: str) -> bool:
        if _LONG_STANDING.search(part):
            return True
        # "in 2009": a year gone by (the one before last or earlier).
        if any(int(y) <= dt.date.today().year - 2 for y in _YEAR.findall(part)):
            return True
        found = parsing.find_duration(part)
        return found is not None and found.days >= _LONG_AGO_DAYS

    # Its own clause: a time said after it ("the crash was 2 yrs ago"), not a condition's
    # before it ("arthritis for 20 years and fell off a ladder"); a short aside after it
    # is about it too ("both feet are numb, long term, from diabetes").
    after = text[cut : bounds[index + 1]]
    if index + 2 < len(bounds):
        aside = text[bounds[index + 1] : bounds[index + 2]]
        # ...or a longer one that only says how long ("he's always been like that").
        short = len(aside.split()) <= _ASIDE_WORDS
        only_how_long = len(aside.split()) <= _ASIDE_SENTENCE_WORDS and _LONG_STANDING.search(aside)
        after += aside if short or only_how_long else ""
    elif sentence.end < len(sentence_of):
        # "...he got rear ended. but 2 years ago!!": a short sentence after it is its aside.
        aside = sentence_of[sentence.end].text.lower()
        fresh = _RECENTLY.search(aside) or _GETTING_WORSE.search(aside)
        after += " " + aside if len(aside.split()) <= _ASIDE_SENTENCE_WORDS and not fresh else ""
    # "stiff for years since a motorbike crash": the pain's long time, in the same clause,
    # begun by the injury.
    before = text[bounds[index] : cut]
    begun_by = _BEGUN_BY.search(before)
    return (
        long(after)
        or (bool(_AS_ONSET.search(clause)) and long(earlier))
        or (begun_by is not None and long(before[: begun_by.start()]))
    )


# Concepts that hint at a precaution held however long ago they began ("afib for years, under
# control" is treated with a blood thinner still).
_CONDITION_HINTS = frozenset({"blood_thinner_hint"})


# An illness named as an event the patient had: "after my heart attack", "since his stroke".
_AFTER_AN_ILLNESS = re.compile(r"\b(?:after|since|before|from)\s+(?:my|his|her|their|the)\s+$")


def _an_illness_had(whole: str, span: Span, sentence: Span) -> bool:
    """Whether an illness named (a diagnosis, `_names_a_diagnosis`) is told as one had:
    after it, or in a year gone by, and nothing in its sentence recent."""
    text = sentence.text.lower()
    if _RECENTLY.search(text):
        return False
    if _AFTER_AN_ILLNESS.search(whole[sentence.start_char : span.start_char].lower()):
        return True
    return any(int(year) < dt.date.today().year for year in _YEAR.findall(text))


def _clause_bounds(text: str, cut: int) -> tuple[list[int], int]:
    """Where the clauses of a sentence start (and one past its end), and the index of the
    clause holding character `cut`."""
    bounds = [0, *(m.end() for m in _CLAUSE_PARTS.finditer(text)), len(text) + 1]
    return bounds, max(i for i, start in enumerate(bounds[:-1]) if start <= cut)


# Legs sore or stiff *from* exercise, in the same clause ("both legs sore from squats",
# "stiff after leg day"), are the muscles' soreness after work, not pain in both legs of the
# spine's kind. Exercise named elsewhere ("my back went at the gym and now pain runs down
# both legs"), pain that travels or shoots, or any other cause keeps the sign.
SORE_FROM_EXERCISE_SIGNS = frozenset({"both_legs_pain"})
_SORENESS = re.compile(r"\b(?:sore|soreness|stiff|stiffness|achy|tired|tight|doms)\b")
_FROM_EXERCISE = re.compile(
    r"\b(?:from|after)\s+(?:(?:the|a|my|doing|some|all|those|long|big|hard|heavy)\s+)*"
    r"(?:gym|leg day|squats?|lunges|workouts?|training|exercise|exercising|running|runs?|"
    r"cycling|rides?|spin(?: class)?|hikes?|hiking|marathons?|football|soccer|sports?|"
    r"class(?:es)?|sessions?)\b"
)
_TRAVELS = re.compile(r"\b(?:shoot\w*|spread\w*|runs? down|goes down|going down|radiat\w*)\b")


_NERVE_WORDS = re.compile(r"\b(?:numb\w*|tingl\w*|pins|needles|weak\w*|electric|burning)\b")


def only_soreness_from_exercise(text: str) -> bool:
    """Whether an answer explains itself as soreness from exercise, in one clause, with no
    nerve words and nothing that travels ("yes but only stiff from spin class")."""
    lowered = text.lower()
    if _NERVE_WORDS.search(lowered):
        return False
    return any(_exercise_soreness(clause) for clause in re.split(r"[,;.!?]|\bbut\b", lowered))


def _exercise_soreness(clause: str) -> bool:
    """Whether one clause says soreness from exercise, with nothing that travels."""
    return bool(
        _SORENESS.search(clause) and _FROM_EXERCISE.search(clause) and not _TRAVELS.search(clause)
    )


def _sore_from_exercise(sentence: Span, at: int) -> bool:
    """Whether the finding at character `at` is said, in its own clause, as soreness from
    exercise."""
    text = sentence.text.lower()
    bounds, index = _clause_bounds(text, at - sentence.start_char)
    return _exercise_soreness(text[bounds[index] : bounds[index + 1]])


# "Fever yes. cancer no. fall no": a list answered item by item, the verdict after each.
_NO_AFTER = re.compile(r"^[^.,;!?\n]{0,20}?\b(?:no|nope|nah|never|none)\s*(?:[.,;!?\n]|$)")


def _answered_no_after(text: str, end: int) -> bool:
    """Whether a bare no follows the finding in its clause ("cancer no", "fall no"); "...
    or no?" asks (outside run 47: "I stop Eliquis or no?" was a no to the blood thinner)."""
    match = _NO_AFTER.match(text[end:])
    # "...normal in pregnancy no?": asked for agreement (outside run 102 p04: taken off).
    asks = re.match(r"\W*(?:or\s+)?(?:no|not)\s*\?", text[end:])
    return bool(match) and not asks and not re.search(r"\bor\s+(?:no|not)\W*$", match[0])


_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "me", "mine", "myself", "i'd", "id"})
# "I" that only tells of someone else ("when I press a glass on his spots", "he told me",
# "I noticed"): a parent writing for a child is not the patient for saying it.
_TELLING = frozenset({
    "press", "pressed", "pressing", "noticed", "notice", "think", "thought", "called", "call",
    "took", "take", "asked", "ask", "found", "saw", "checked", "check", "worried", "scared",
    "tried", "gave", "give", "told", "tell", "am", "'m", "m", "can", "could", "don't", "do",
    # "Like I said", "as I mentioned": the writer's own words, not the writer's body.
    "said", "say", "mentioned", "wrote", "explained", "mean", "meant",
})  # fmt: skip
_TOLD = frozenset({"told", "tells", "telling", "asked", "asks", "said", "gave", "showed"})
# "I should tell", "I forgot to say", "I have to mention": the writer's telling.
_MEANING_TO = frozenset({"should", "must", "forgot", "need", "want", "wanted", "have", "will",
                         "'ll", "ll", "also", "just", "better"})  # fmt: skip
_SAYING = frozenset({"tell", "say", "mention", "add", "let"})
_OBJECTS = frozenset({"him", "her", "them", "his", "their"})
# What someone else does to the writer: "me" after these tells of them, not of the writer.
_DONE_TO_ME = frozenset({
    "recognise", "recognize", "recognised", "recognized", "know", "knew", "called", "hugged",
    "asked", "phoned", "rang", "texted", "woke", "recognising", "recognizing",
})  # fmt: skip
# "I'm booking for my boyfriend", "I'm writing for my mum": the writer speaks for another.
_ON_BEHALF = ("worried", "scared", "concerned", "writing", "asking", "booking", "messaging",
              "enquiring", "inquiring", "contacting")  # fmt: skip
# How many words after "my" a part of the body or a complaint may come ("my lower back").
_MY_REACH = 3


_FOR_ANOTHER = re.compile(
    r"\b(?:writ(?:e|ing)|book(?:ing)?|ask(?:ing)?|messag(?:e|ing)|enquir(?:e|ing)|inquir(?:e|ing)"
    r"|here|contacting you|contact you|chat(?:ting)?)\s+(?:for|on behalf of)\s+(?:my|our|his|her)\b"
)


# "The patient is my wife", "it's for my husband", "this is for my mum".
_THE_PATIENT_IS = re.compile(
    r"\b(?:patient is|patient will be|it'?s for|it is for|this is for)\s+(?:my|our)\s+([a-z]+)"
)


# Someone booked or seen for their own pain: "book my grandad in for his neck", "get my mum
# seen for her back" (not "book in, my husband says...").
_BOOKS_SOMEONE = re.compile(
    r"\b(?:book|booking|get|getting|bring|bringing|take|taking)\s+my\s+([a-z]+)\s+"
    r"(?:in\s+|seen\s+|looked at\s+|checked\s+)?(?:in\s+)?(?:for|to)\s+"
    r"(?:his|her|their|a|an|some)\b"
)
# "About my dad's back", "regarding my mother", "I'm typing this for him".
_ABOUT_MY = re.compile(
    r"\b(?:about|for|re|regarding|on behalf of)\s+my\s+([a-z]+)"
    # "What about my wife coming?": a companion asked about (outside run 49).
    r"(?!\s+(?:coming|come|comes|joining|sitting|tagging|being there|waiting|driving))"
)
_DOING_IT_FOR = re.compile(
    r"\b(?:typing|writing|doing|texting|messaging|filling)\s+(?:this\s+|it\s+|in\s+)?"
    r"(?:in\s+)?for\s+(?:him|her|them)\b"
)


def _names_a_place(following: str) -> bool:
    """Whether the words after "book for my" name a place ("...for my lower back"): the
    writer's own pain, not someone else's."""
    words = re.findall(r"[a-z']+", following)[:3]
    return bool(words) and any(
        vocabulary.canonical("body_part", " ".join(words[: n + 1])) for n in range(len(words))
    )


def writes_for_another(text: str) -> bool:
    """Whether the writer says they write for someone else ("I'm asking for my dad", "can
    someone call me about my dad's back?", "I'm typing this for him", "I want to book my
    grandad in for his neck"), "writing 4 my husband" too."""
    lower = for_spelled_out(text.lower())
    if _DOING_IT_FOR.search(lower) or any(
        not _names_a_place(lower[found.end() :]) for found in _FOR_ANOTHER.finditer(lower)
    ):
        return True
    if any(is_another_person(word) for word in _BOOKS_SOMEONE.findall(lower)):
        return True
    if any(is_another_person(word) for word in _THE_PATIENT_IS.findall(lower)):
        return True
    return any(
        is_another_person(found[1]) and not _DONE_FOR.search(lower[: found.end()])
        for found in _ABOUT_MY.finditer(lower)
    )


# Something done for someone: "moving a dresser for my daughter", "carrying a sofa for my
# sister" (outside run 104 p02: the writer's own back was spoken of as "her").
_DONE_FOR = re.compile(
    r"\b(?:mov|lift|carr|cook|clean|shovel|build|paint|fix|pick|hold|push|pull|drag"
    r"|haul|lug|bak|garden|dig|decorat|assembl)\w*\b(?:\s+\S+){0,4}\s+for\s+my\s+[a-z]+$"
)


_CHILDREN = frozenset({"kids", "kid", "children", "child", "teenagers", "teenager", "teens"})


# A child who comes along: "can I bring my daughter?", "my son would tag along", "no
# childcare"; not one brought in for their own pain ("bring my son in for his back").
_CHILD = (
    r"(?:son|daughter|kid|kids|child|children|baby|toddler|little one|boy|girl|grandson|"
    r"granddaughter|grandkids?|\d{1,2}\s*(?:year|yr)s?\s*old)"
)
# A child the writer carries, lifts, feeds or chases: part of the writer's day.
_CARRIES_A_CHILD = re.compile(
    r"\b(?:carry\w*|carried|lift\w*|pick\w* up|hold\w*|held|chas\w*|nurs\w*|rock\w*|"
    r"feed\w*|fed|bath\w*|push\w*|wrangl\w*|bounc\w*)\s+(?:around\s+)?(?:my|our|the)\s+"
    rf"(?:little\s+)?(?:\d{{1,2}}[\s-]*(?:year|yr|month|week)s?[\s-]*old|{_CHILD})\b",
    re.IGNORECASE,
)
# A child as the source of words: "my son reckons", "my daughter recommended you".
_CHILD_SAYS = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?{_CHILD}\s+(?:says|said|reckons|reckoned|thinks|thought|"
    r"told|tells|recommended|recommends|suggested|suggests|swears|mentioned|found|heard|read)\b",
    re.IGNORECASE,
)
_COMES_ALONG = re.compile(
    rf"\b(?:bring|bringing|take|taking)\s+(?:my|our|the|her|his)\s+(?:\w+\s+)?{_CHILD}\b"
    rf"|\b{_CHILD}\s+(?:\w+\s+){{0,3}}(?:come|comes|coming|tag|tags|tagging|sit|sits|wait|"
    r"waits|stay|stays)\s+(?:along|with|in)\b"
    r"|\bchild\s?care\b|\bbaby\s?sit\w*|\b(?:nobody|no one|noone|no-one)\s+(?:\w+\s+)?"
    r"(?:to\s+)?(?:mind|watch|look after)\b",
    re.IGNORECASE,
)
_FOR_THE_CHILD = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:back|neck|knee|hip|shoulder|leg|foot|ankle|head|"
    r"headaches?|pain|arm|wrist|elbow|heel)\b|\b(?:treat|see|check|needle|examine|assess)\s+"
    r"(?:him|her|them)\b|\bfor (?:him|her|them)\b",
    re.IGNORECASE,
)


def comes_along(text: str) -> bool:
    """Whether a child named in `text` comes along with the patient ("can I bring my son,
    he's 6?"), not as the patient: brought, or coming along, in so many words."""
    return (
        bool(_COMES_ALONG.search(text))
        and not _FOR_THE_CHILD.search(text)
        and not writes_for_another(text)
    )


def _comes_along(text: str) -> bool:
    """Whether a child in the message comes along with the patient, or has an engagement of
    their own that moves the patient's booking ("my kid has a recital that night"), not as
    the patient."""
    return (
        bool(
            _COMES_ALONG.search(text)
            or _CHILDS_ENGAGEMENT.search(text)
            or _CHILD_BRINGS.search(text)
        )
        and not _FOR_THE_CHILD.search(text)
        and not writes_for_another(text)
    )


# "My daughter will bring me", "my son can drive me": a grown-up child helping (outside
# run 60 p08: the teenagers' answer to a 67-year-old).
_CHILD_BRINGS = re.compile(
    rf"\b{_CHILD}\s+(?:will|'ll|can|could|is going to|is gonna|would)\s+(?:\w+\s+)?"
    r"(?:bring|drive|take|give me a lift|pick me up|come with)\b",
    re.IGNORECASE,
)
_CHILDS_ENGAGEMENT = re.compile(
    rf"\b{_CHILD}\s+(?:has|had|'s got|has got|got)\s+(?:a|an|her|his|their|the)?\s*"
    r"(?:\w+\s+)?(?:recital|game|match|party|practice|school|class|lesson|appointment|exam"
    r"|play|concert|thing|event|birthday|show|tournament|meet|recital)\b",
    re.IGNORECASE,
)


_CONDITIONS = frozenset({"when", "whenever", "if"})
_NOTS = frozenset({"not", "never", "n't", "nt", "isnt", "doesnt", "dont", "aint"})
_BREAKS_BEFORE = frozenset({".", ",", ";", "!", "?", "but", "and", "so"})


def _condition_denied(doc: Doc, start: int) -> bool:
    """A condition said not to bring it on: "it's not when I walk", "it doesn't come on
    when I climb the stairs", "never when I'm walking" (outside run 40: read as pain that
    walking brings on). The negation is within four words before the "when", in its clause."""
    if doc[start].lower_ not in _CONDITIONS:
        return False
    before = [token.lower_ for token in doc[max(0, start - 4) : start]]
    nots = [i for i, word in enumerate(before) if word in _NOTS]
    # "Not just when I walk", "doesn't hurt except when I climb": it does then.
    said_it_does = _BREAKS_BEFORE | {"just", "only", "except", "unless", "apart", "but"}
    return bool(nots) and not said_it_does.intersection(before[nots[-1] :])


def _children_in_passing(doc: Doc, span: tuple[int, int], sentence: Span) -> bool:
    """Children named without "my" and outside a question ("before the kids wake up"):
    part of the day, not the patient; "do you treat teenagers?" asks about one."""
    words = [token.lower_ for token in doc[span[0] : span[1]]]
    return bool(words) and set(words) <= _CHILDREN and "?" not in sentence.text


_NAMING = frozenset({"a", "an", "my", "our", "the", "his", "her", "their"})
_AGES = frozenset({"young_patient", "aged_under_50", "aged_50_plus", "aged_65_plus"})


def _grown_up_written_for(doc: Doc, numbers: list[Any], children: list[int]) -> Any:
    """The age of the one written for, when it is a grown-up's: the first told other than
    the writer's own ("I'm 41, writing for my son, 15"), before any child is named (at
    tokens `children`: "for my daughter, 14, her mum is 45" writes for the daughter)."""
    if not writes_for_another(doc.text):
        return None
    own = [match.span() for match in _OWN_ADULT_AGE.finditer(doc.text)]
    ages = [
        n for n in numbers
        if n.sign in _AGES and not any(a <= doc[n.start].idx < b for a, b in own)
    ]  # fmt: skip
    first = min(ages, key=lambda n: n.start, default=None)
    if first is None or first.sign == "young_patient":
        return None
    return first if all(first.start < child for child in children) else None


def _a_child_named(doc: Doc, start: int) -> bool:
    """Whether a child's age names a child in a grown-up's own story ("I'm a mum of a 2
    year old, my head aches"); "I'm a 16 year old" and "my 15 year old's knee" do not."""
    before = [token.lower_ for token in doc[max(0, start - 3) : start]]
    if not before or before[-1] not in _NAMING:
        return False
    own = before[-1] in ("a", "an") and bool(set(before[:-1]) & {"i'm", "im", "am", "'m"})
    return not own and _speaks_for_self(doc)


def _speaks_for_self(doc: Doc) -> bool:
    """Whether the writer speaks of themselves: "my" shortly before a part of the body, or
    "I"/"me" other than in telling of someone else ("when I press a glass on his rash", "he
    told me"; "I'm worried"): parents write for their children."""
    if writes_for_another(doc.text):
        return False  # "I'm 41, writing for my son": whatever else the writer says of self
    words = [_canonical(token.lower_) for token in doc]
    for i, word in enumerate(words):
        if word in ("my", "mine"):
            following = words[i + 1 : i + 1 + _MY_REACH]
            if following and is_another_person(following[0]):
                continue  # "my wifes neck": hers, the apostrophe left out
            if "own" in following or any(
                vocabulary.canonical("body_part", " ".join(following[:n])) for n in (1, 2)
            ):
                return True
        if word not in _FIRST_PERSON:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        after2 = words[i + 2] if i + 2 < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        telling = after in _TELLING and not (
            after in ("am", "'m", "m") and after2 not in (*_ON_BEHALF, "not", "so", "really")
        )
        if word == "me" and (before in _TOLD or before in _DONE_TO_ME):
            telling = True  # "he told me", "she didn't recognise me"
        if _OBJECTS.intersection(words[i + 1 : i + 4]):
            telling = True  # "should I book him in", "I'm worried about her"
        if word in ("i'm", "im") and after in _ON_BEHALF:
            telling = True
        if after in _MEANING_TO and _SAYING & set(words[i + 2 : i + 4]):
            telling = True  # "Also I should tell, she is pregnant" (outside run 58)
        if not telling:
            return True
    return False


def backs_model_red_flag(screening: Screening) -> bool:
    """Whether a red flag that only the language model saw has a warning sign behind it.

    The model is confident about too much on its own ("woke with a stiff neck"); a sign the
    rules know, short of a whole flag ("I feel pain in my head with a vertigo"), makes its
    catch worth a doctor's look.
    """
    return bool(set(screening.signs) - CONTEXT_ONLY_SIGNS)


def red_flags_for(signs: Iterable[str]) -> list[RedFlag]:
    """The red flags that `signs` raise, one per code at its highest level, most urgent first."""
    present = set(signs)
    strongest: dict[str, str] = {}
    for rule in RED_FLAGS:
        if not set(rule.signs) <= present:
            continue
        if rule.with_any and not present.intersection(rule.with_any):
            continue
        if LEVEL_ORDER[rule.level] > LEVEL_ORDER.get(strongest.get(rule.code, ""), -1):
            strongest[rule.code] = rule.level
    flags = [RedFlag(code, level) for code, level in strongest.items()]
    return sorted(flags, key=lambda flag: (-LEVEL_ORDER[flag.level], flag.code))


def triage_level(flags: Iterable[RedFlag]) -> str | None:
    """The most urgent level among `flags`, or None."""
    levels = [flag.level for flag in flags]
    return max(levels, key=LEVEL_ORDER.__getitem__) if levels else None


def more_urgent(level: str | None, other: str | None) -> str | None:
    """The more urgent of two levels (None counts as unknown, below routine)."""
    if level is None or other is None:
        return level or other
    return level if LEVEL_ORDER[level] >= LEVEL_ORDER[other] else other


# The signs `context_signs` gives for where it hurts: a no to one of them says where the
# pain is not, no word on a warning sign.
PLACE_SIGNS = frozenset(
    {"neck_pain", "back_pain", "upper_back_pain", "headache", "arm_or_jaw_place"}
)


def context_signs(
    body_part: str | None,
    pain_quality: str | None,
    radiates_to: str | None = None,
    other_sites: Iterable[str] = (),
) -> set[str]:
    """Signs the intake itself gives: where it hurts (every painful place), and a stiff neck."""
    places = {body_part, radiates_to, *other_sites}
    signs = set()
    if "neck" in places:
        signs.add("neck_pain")
        if pain_quality == "stiffness":
            signs.add("stiff_neck")
    if "head" in places:
        signs.add("headache")
    if "jaw" in places:
        signs.add("jaw_pain")
    if places & {"back", "lower_back", "mid_back", "upper_back"}:
        signs.add("back_pain")
    if places & {"mid_back", "upper_back"}:
        signs.add("upper_back_pain")
    if "knee" in places:
        signs.add("knee_place")
    if places & {"arm", "shoulder", "jaw"}:
        signs.add("arm_or_jaw_place")  # where the heart's pain may show, said in the intake
    return signs


# Contraindications that change what a red flag means: a knock to the head on blood thinners
# needs the emergency department (NICE NG232).
_SIGN_OF_CONTRAINDICATION = {"anticoagulants": "on_blood_thinners", "pregnancy": "pregnant_now"}


def signs_of_contraindications(contraindications: Iterable[str]) -> set[str]:
    """The warning signs that the patient's contraindications count as."""
    return {
        _SIGN_OF_CONTRAINDICATION[code]
        for code in contraindications
        if code in _SIGN_OF_CONTRAINDICATION
    }


# Screens of a joint's own troubles (a knee that swelled or locks, a hot knee).
_JOINTS_OWN = frozenset({"knee"})


def screen_questions(
    body_part: str | None,
    radiates_to: str | None,
    said: Iterable[str],
    denied: Iterable[str],
    other_sites: Iterable[str] = (),
) -> list[ScreenQuestion]:
    """The intake's yes/no screen for this pain, leaving out what the patient already said:
    the main place's region first, then where it spreads, then every other painful place
    ("my neck and my lower back": the back's screen too); with no place known, the signs
    that matter anywhere (fever, cancer, a fall, night pain)."""
    # A knee the pain only spreads to: none of the knee joint's own questions (outside run
    # 101 p08: "did your knee swell up...?" to a sciatica felt down to the knee).
    spread = (
        None if SCREEN_REGION_OF_BODY_PART.get(radiates_to or "") in _JOINTS_OWN else radiates_to
    )
    places = (body_part, spread, *other_sites)
    regions = [SCREEN_REGION_OF_BODY_PART.get(part or "") for part in places]
    if not any(places):
        regions = ["anywhere"]  # where it hurts not said: what matters wherever it is
    said, denied = set(said), set(denied)
    questions: list[ScreenQuestion] = []
    for region in dict.fromkeys(r for r in regions if r):
        for question in SCREEN_QUESTIONS[region]:
            known = question.sign in said or question.sign in denied
            # "New since you turned 50?" to a teenager: ruled out by what is known.
            if (
                known
                or said.intersection(question.covers)
                or said.intersection(question.ruled_out_by)
            ):
                continue
            if question.after and not said.intersection(question.after):
                continue
            if (
                question.name == "check_fall_how"
                and "major_trauma" in denied
                and ("young_patient" in said)
            ):
                # A teenager's neck after hits, no serious accident: "or is he 50 or over?" is
                # the rest of it (outside run 115 p08: "he's SIXTEEN. no").
                continue
            # One line of two regions' screens (a fall, for the back and the hip) once.
            if all(q.name != question.name and q.text != question.text for q in questions):
                questions.append(question)
    # What follows up a yes ("how did you fall?") comes right after it.
    return sorted(questions, key=lambda question: not question.after)


def question_named(name: str) -> ScreenQuestion | None:
    """A screen question or a direct question by its name."""
    for questions in (*SCREEN_QUESTIONS.values(), DIRECT_QUESTIONS):
        for question in questions:
            if question.name == name:
                return question
    return None


def question_for_code(code: str, held: Iterable[str] = ()) -> ScreenQuestion | None:
    """The question whose yes raises the flag `code` on its own, if there is one ("did the
    headache come on suddenly...?" for a thunderclap headache): a direct question first,
    else a screen question ("is there weakness in a leg that is getting worse...?"). Among
    the signs `held` (a fall at 72), the question of the one that holds the flag (the fall)."""
    held = set(held)
    for questions in (DIRECT_QUESTIONS, *SCREEN_QUESTIONS.values()):
        for question in questions:
            others = held - {question.sign}
            if question.sign in held and not any(
                flag.code == code for flag in red_flags_for(others)
            ):
                return question
    for questions in (DIRECT_QUESTIONS, *SCREEN_QUESTIONS.values()):
        for question in questions:
            if any(flag.code == code for flag in red_flags_for({question.sign})):
                return question
    return None


# Where it hurts and who the patient is: never withdrawn with a disputed flag.
_PLACES_AND_PEOPLE = frozenset({
    "neck_pain", "back_pain", "upper_back_pain", "headache", "jaw_pain", "aged_50_plus",
    "aged_65_plus", "young_patient", "both_sides",
})  # fmt: skip


def narrower_than(signs: Iterable[str]) -> set[str]:
    """The narrower signs of `signs` (`red_flags.NARROWER_SIGNS`): a no to a fall is a no to
    a fall from a height."""
    return {narrow for sign in signs for narrow in red_flags.NARROWER_SIGNS.get(sign, ())}


def signs_behind(question: ScreenQuestion) -> set[str]:
    """The signs that raise the flags `question`'s sign raises (its rules' signs), less
    places, ages, a past illness and a fall: what a no to the question, asked again after a
    dispute, withdraws. A no to "lost weight?" is no word on the cancer the patient had."""
    codes = {flag.code for flag in red_flags_for({question.sign})}
    signs: set[str] = set()
    for rule in RED_FLAGS:
        if rule.code in codes:
            signs |= set(rule.signs) | set(rule.with_any)
    kept = _PLACES_AND_PEOPLE | red_flags.HISTORY_COUNTS | {"trauma"}
    return signs - (kept - {question.sign, *question.covers})


# --- Matching -----------------------------------------------------------------------------

_SIGNS_BY_KEY: dict[tuple[str, str], Sign] = {
    **{(SIGN, sign.name): sign for sign in red_flags.SIGNS},
    **{(CONTRAINDICATION, sign.name): sign for sign in contraindications.SIGNS},
    # A concept's words are phrases too: where they stand, the concept is touched.
    **{(CONCEPT, name): Sign(name, terms) for name, terms in CONCEPTS.items()},
}


def _canonical(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    return _CANONICAL_FORMS.get(word, word)


_DENIALS = frozenset(_canonical(w) for w in _GAP_STOPS if w not in _SENTENCE_ENDS)


@lru_cache(maxsize=1)
def _phrase_words() -> list[str]:
    words = set()
    for sign in _SIGNS_BY_KEY.values():
        for phrase in sign.says:
            words.update(w for w in re.split(r"[\s|?{}]+", phrase) if w.isalpha())
    return sorted(w for w in words if len(w) >= 4)


@lru_cache(maxsize=8192)
def _forms_of(lower: str, lemma: str) -> tuple[str, ...]:
    forms = {_canonical(lower), _canonical(lemma)}
    typo = typo_of(lower, _phrase_words(), cutoff=TYPO_CUTOFF)
    # One slip of the keyboard (two in long words): "bottem" is "bottom", "clumps" not "clumsy".
    if typo and levenshtein(lower, typo) <= (2 if len(typo) >= 8 else 1):
        forms.add(typo)
    return tuple(forms)


def _register_forms() -> None:
    # Stored, not computed on access: the matcher reads each token's forms many times.
    if not Token.has_extension(_FORMS):
        Token.set_extension(_FORMS, default=())
        Token.set_extension(_CONCEPTS, default=())


# A body part said once after "both", as many learning English write it.
_PAIRS = {
    "leg": "legs", "foot": "feet", "hand": "hands", "arm": "arms", "side": "sides",
    "knee": "knees", "shoulder": "shoulders", "buttock": "buttocks", "thigh": "thighs",
}  # fmt: skip


def _label(doc: Doc) -> list[tuple[str, int, int]]:
    """Sets each token's forms and the concepts it belongs to; returns the concept matches.

    A concept's words are plain sequences (no gaps, nothing optional), so they are looked up
    by their first word rather than run through the matcher.
    """
    forms = [_forms_of(token.lower_, token.lemma_) for token in doc]
    for i in range(1, len(doc)):
        if doc[i - 1].lower_ == "both" and doc[i].lower_ in _PAIRS:
            # "go down in both leg" (outside run 101 p04): the pair, however it is written.
            forms[i] = (*forms[i], _PAIRS[doc[i].lower_])
    concepts: list[set[str]] = [set() for _ in doc]
    found = []
    for start, token_forms in enumerate(forms):
        for form in token_forms:
            for words, name in _concept_index().get(form, ()):
                end = _phrase_end(forms, start, words)
                if end is None:
                    continue
                following = [t.lower_ for t in doc[end : end + 4]]
                before = [t.lower_ for t in doc[max(0, start - 2) : start]]
                earlier: list[str] = []
                if (name, " ".join(words)) in OTHER_SENSES:  # only these read the sentence
                    opens = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
                    earlier = [t.lower_ for t in doc[opens:start]]
                if _in_another_sense(name, words, following, before, doc[start].lower_, earlier):
                    continue
                if name in _PLACES and doc[start].pos_ == "VERB":
                    continue  # "heading the ball", "she heads out": a doing, not the head
                found.append((name, start, end))
                for i in range(start, end):
                    concepts[i].add(name)
    for token, token_forms, names in zip(doc, forms, concepts, strict=True):
        token._.set(_FORMS, token_forms)
        token._.set(_CONCEPTS, tuple(names))
    return found


# What an illness is called, as patients use the words: a diagnosis, not a sign.
_DIAGNOSES = frozenset({"heart attack", "stroke", "mini stroke", "clot", "blood clot",
                        "meningitis", "aneurysm", "embolism", "sepsis", "tia"})  # fmt: skip


def _names_a_diagnosis(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at `start`..`end`, with the word after, name a diagnosis ("heart
    attack"), not a sign ("heart racing")."""
    words = [token.lower_ for token in doc[start : min(end + 1, len(doc))]]
    return any(
        " ".join(words[i:j]) in _DIAGNOSES
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


# The place whose word is also a doing ("head the ball", "heading out"); not "face", which
# the tagger reads as a doing in "face drooping".
_PLACES = frozenset({"head"})


# Words a patient slips into a phrase without changing it: "what's EVEN the point".
_FILLERS = frozenset({"even", "really", "actually", "honestly", "just", "literally", "truly"})


def _phrase_end(forms: list[set[str]], start: int, words: tuple[str, ...]) -> int | None:
    """Where the concept phrase `words` ends if it is said from `start`, fillers allowed
    between its words (not before its first); None if it is not said there."""
    i = start + 1
    for word in words[1:]:
        while i < len(forms) and word not in forms[i] and not _FILLERS.isdisjoint(forms[i]):
            i += 1
        if i >= len(forms) or word not in forms[i]:
            return None
        i += 1
    return i


def _in_another_sense(
    name: str,
    words: tuple[str, ...],
    following: list[str],
    before: list[str] = (),
    said: str = "",
    earlier: list[str] = (),
) -> bool:
    """A word used for something else by what comes with it: "the bottom of my foot", "my
    bottom right molar" name no saddle area; "lifting weights" no weight (see
    `concepts.OTHER_SENSES`)."""
    other = OTHER_SENSES.get((name, " ".join(words)))
    if other is None:
        return False
    if said in other.said_as:
        return True
    if set(before) & other.preceded_by and not set(earlier) & other.kept_after:
        return True
    if (
        " ".join(before) in other.after_phrase
        and not set(earlier) & other.kept_by
        and not (following and following[0] in other.kept_by)
    ):
        return True  # "in the fall": the season, unless an injury is told before it
    if not following:
        return False
    near = [word for word in following if word.isalpha()]  # "fall, autumn I mean"
    meant = next((i for i, word in enumerate(near) if word in other.meant_as), None)
    if meant is not None and (meant == 0 or set(near[:meant]) & other.meaning_said_by):
        return True  # "since the fall, autumn I mean", "fall as in the season"
    if following[0] in other.linked_by:  # "bottom of my foot", unless of the spine or back
        rest = [word for word in following[1:] if word not in ("my", "the", "his", "her")]
        return bool(rest) and rest[0] not in other.of_allowed
    if other.past_a_comma and following[0] == "," and len(following) > 1:
        return following[1] in other.followed_by  # "need to go, bye!"
    return following[0] in other.followed_by


@lru_cache(maxsize=1)
def _concept_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, terms in CONCEPTS.items():
        for term in terms:
            words = tuple(_canonical(t.text) for t in _tokenizer()(term))
            index.setdefault(words[0], []).append((words, name))
    return index


def _slot_choices(slot: str) -> list[list[dict[str, Any]]]:
    """One phrase slot ("can't|trouble|difficulty") as token-pattern alternatives."""
    optional = slot.endswith("?")
    single: list[str] = []
    sequences: list[list[str]] = []
    for alternative in slot.rstrip("?").split("|"):
        words = [_canonical(t.text) for t in _tokenizer()(alternative)]
        if len(words) == 1:
            single.append(words[0])
        elif words not in sequences:
            sequences.append(words)
    choices = [[_word(single, optional)]] if single else []
    choices += [[_word([w], optional) for w in words] for words in sequences]
    return choices


def _word(forms: list[str], optional: bool) -> dict[str, Any]:
    pattern: dict[str, Any] = {"_": {_FORMS: {"INTERSECTS": sorted(set(forms))}}}
    if optional:
        pattern["OP"] = "?"
    return pattern


def _patterns(phrase: str, across_denials: bool = False) -> list[list[dict[str, Any]]]:
    slots: list[list[list[dict[str, Any]]]] = []
    stops = _SENTENCE_ENDS if across_denials else _GAP_STOPS
    for slot in phrase.split():
        if slot == "...":
            # A gap never spans a denial or a sentence's end: in "my knee didn't swell" or
            # "breath. no sweating, only hurts" the parts are not one finding. Read across
            # a denial (`across_denials`), "my knee didn't swell" is a no to a swollen knee.
            slots.append([[{"LOWER": {"NOT_IN": stops}, "OP": f"{{0,{GAP}}}"}]])
        elif slot.startswith("{"):
            # A concept slot: the words of any of the concepts ("{urination|bowel}"), found
            # first by the concept matcher (one pattern, where listing every word or phrase
            # would multiply the patterns).
            names = sorted(slot.strip("{}").split("|"))
            assert set(names) <= set(CONCEPTS), slot
            slots.append([[{"_": {_CONCEPTS: {"INTERSECTS": names}}, "OP": "+"}]])
        else:
            slots.append(_slot_choices(slot))
    return [list(itertools.chain.from_iterable(combo)) for combo in itertools.product(*slots)]


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    # English tokenizer rules alone: the phrases split exactly as messages do.
    return spacy.blank("en").tokenizer


@lru_cache(maxsize=2)
def _all_patterns(across_denials: bool = False) -> dict[str, list[list[dict[str, Any]]]]:
    compiled = {}
    for (kind, name), sign in _SIGNS_BY_KEY.items():
        if kind == CONCEPT:
            continue
        says = [phrase for phrase in sign.says if not across_denials or "..." in phrase]
        patterns = [p for phrase in says for p in _patterns(phrase, across_denials)]
        if patterns:
            compiled[f"{kind}:{name}"] = patterns
    return compiled


@lru_cache(maxsize=1)
def _requirements() -> dict[str, list[list[frozenset[str]]]]:
    """For each sign, each pattern's words that must be there (one set per required token).

    A message lacking one of them cannot match that pattern: the matcher only runs the signs
    that could (its per-token checks are Python calls, about 17 µs each).
    """
    needs: dict[str, list[list[frozenset[str]]]] = {}
    for key, patterns in _all_patterns().items():
        for pattern in patterns:
            required = []
            for token in pattern:
                if token.get("OP") in ("?", "*") or "_" not in token or "{" in token.get("OP", ""):
                    continue
                ((attr, condition),) = token["_"].items()
                prefix = "@" if attr == _CONCEPTS else ""
                required.append(frozenset(prefix + w for w in condition["INTERSECTS"]))
            needs.setdefault(key, []).append(required)
    return needs


# The matchers of one vocabulary (Rasa's spaCy pipeline and ours in tests each have their
# own), one per sign and reading (within a clause, or across a denial), made when needed.
_MATCHERS: dict[int, tuple[Vocab, dict[tuple[str, bool], Matcher]]] = {}


def _sign_matches(doc: Doc, across_denials: bool = False) -> list[tuple[str, int, int]]:
    """(kind:name, start, end) of every sign and contraindication phrase in the labelled doc;
    `across_denials`: of the phrases with a denial between their parts."""
    atoms = {form for token in doc for form in token._.get(_FORMS)}
    atoms |= {f"@{name}" for token in doc for name in token._.get(_CONCEPTS)}
    vocab, matchers = _MATCHERS.setdefault(id(doc.vocab), (doc.vocab, {}))
    found = []
    for key, patterns in _requirements().items():
        if not any(all(need & atoms for need in required) for required in patterns):
            continue
        if across_denials and key not in _all_patterns(True):
            continue
        if (key, across_denials) not in matchers:
            matchers[key, across_denials] = Matcher(vocab)
            matchers[key, across_denials].add(key, _all_patterns(across_denials)[key])
        found += [(key, start, end) for _, start, end in matchers[key, across_denials](doc)]
    return found


# What ends a denial's reach inside a phrase: "my calf doesn't hurt but it's swollen".
_DENIAL_ENDS = frozenset(
    {"but", "though", "tho", "however", "yet", "although", "except", ",", "and"}
)


def _denied_inside(doc: Doc, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The phrases whose parts a denial stands between and reaches ("my calf isn't swollen",
    "my knee never swelled"): the patient's no to that sign. A sign also said plainly in the
    message has no such no."""
    words = [_canonical(token.lower_) for token in doc]
    if not _DENIALS & set(words):
        return []
    plain = {key for key, _, _ in found}
    denied = []
    for key, start, end in _sign_matches(doc, across_denials=True):
        inside = words[start + 1 : end - 1]
        cues = [i for i, word in enumerate(inside) if word in _DENIALS]
        if key in plain or not cues or _DENIAL_ENDS & set(inside[cues[-1] :]):
            continue
        denied.append((key, start, end))
    return denied


# "Could the needle go into my lung?", "what are the risks of needling near the ribs?": a
# question about what needling might do tells of no sign. "Is it normal to be breathless
# after the needling?" is not one of them: it may tell of one.
_ASKS_WHAT_IT_MIGHT = frozenset({
    "can", "could", "would", "will", "might", "may", "does", "do", "what", "how", "any",
    "whats", "what's",
})  # fmt: skip
_NEEDLE_WORDS = frozenset({"needle", "needles", "needling", "needled", "acupuncture"})


def _asks_about_needling(sentence: Span) -> bool:
    """Whether a sentence asks what needling might do (a question that opens with "can",
    "could", "what"... and names the needles)."""
    words = [token.lower_ for token in sentence if not token.is_punct]
    return (
        "?" in sentence.text
        and bool(words)
        and words[0] in _ASKS_WHAT_IT_MIGHT
        and not _NEEDLE_WORDS.isdisjoint(words)
    )


def _sentences_by_token(doc: Doc) -> list[Span]:
    """Each token's sentence, found once per message (a long message has many). A doc
    parsed without sentences (Rasa loads spaCy without its parser) is split at its stops:
    "my jaw gets tired chewing. my vision went blurry" has two, and "tired" in the first
    says nothing of the eyes in the second."""
    # Read from each token's own mark: `doc.sents` checks the whole doc again for each
    # sentence it yields, which a long message of many sentences pays for squared.
    parsed = doc.has_annotation("SENT_START")
    sentences, start = [], 0
    for token in doc:
        last = token.i == len(doc) - 1
        ends = (
            doc[token.i + 1].is_sent_start if parsed and not last else token.text in (".", "!", "?")
        )
        if ends or last:
            sentences += [doc[start : token.i + 1]] * (token.i + 1 - start)
            start = token.i + 1
    return sentences


# spaCy splits "it's" and "I'm"; the intake's reading of "back" sees them whole.
_CONTRACTED = {"'s": "is", "'m": "am", "'re": "are", "\u2019s": "is"}


def _back_said_otherwise(words: list[str], at: int) -> bool:
    """Whether "back" is "again", "ago" or "in return" there (`vocabulary`'s reading)."""
    if words[at] not in ("back", "bak"):
        return False
    return vocabulary.back_in_another_sense([_CONTRACTED.get(w, w) for w in words], at)


# A fear of needles said to be mild, anywhere in its sentence ("fear of needles, a little"),
# is nerves, not a phobia that rules needling out; fainting with needles is never mild.
_MILD = re.compile(
    r"\b(?:a little|a bit|a tad|slightly|kinda|kind of|sort of|somewhat|mildly|mild)\b"
    # Said without its "a" by a writer of another language: "I am little scared".
    r"|\b(?:i'?m|am|is|are|she'?s|he'?s)\s+(?:little|bit)\b"
)
_FAINTS = re.compile(r"\b(?:faint\w*|pass\w* out|passed|black\w* out|blacked)\b")


# "Scared of needles... never fainted though": nerves, said so (outside run 57 p06).
_NEVER_FAINTED = re.compile(
    r"\b(?:never|not|haven'?t|havent|have not|don'?t|didn'?t|dont|didnt)\s+(?:ever\s+|once\s+)?"
    r"(?:fainted|faint|passed out|pass out|blacked out|keeled over)\b"
)


# A sentence asking what a word means: "what is lymphoedema?", "whats a bleeding disorder?".
_ASKS_WHAT_IT_IS = re.compile(
    r"^\W*(?:(?:sorry|so|and|um+|erm|ok|okay)\W+)?(?:what(?:'?s| is| are| does| do you mean"
    r"(?: by)?| means)|wat(?:'?s| is)|meaning of|define)\b(?![^?]*\b(?:i|i'm|im|i've|ive)\s+"
    r"(?:have|had|got|am|'m|m|take|on)\b)",
    re.IGNORECASE,
)


def _echoed(sentence: str, said: str, after: str) -> bool:
    """Whether a sentence is only the word asked back ("Pregnancy??", "warfarin?"), with
    no yes after it ("pregnancy? yes, 12 weeks" tells it)."""
    words = re.sub(r"[^\w\s']", " ", sentence).split()
    yes = re.match(r"\W*(?:yes|yeah|yep|yup|ya|correct|that's right|right)\b", after)
    return sentence.rstrip().endswith("?") and words == said.split() and not yes


_STRONG_FEAR = re.compile(r"\b(?:terrified|petrified|phobia|phobic|panic\w*|terror)\b")


def _mild_fear(sentence: str) -> bool:
    text = sentence.lower()
    return bool(_MILD.search(text)) and not _FAINTS.search(text)


# A reason said not to be explains nothing away: "he's not dieting", "not on purpose".
_REASON_DENIED = re.compile(
    r"\b(?:not|no|never|without|nor|isn'?t|aren'?t|wasn'?t|hasn'?t|hadn'?t|didn'?t|doesn'?t|"
    r"don'?t|n't)\s+(?:\w+\s+){0,2}$"
)


# Words of a sign that mean something else only where they are said ("a slipped disc" is no
# slip): unlike a sign's `unless`, the rest of the sentence still counts.
_OTHER_SENSE_HERE = {
    "trauma": re.compile(r"\bslipped\s+(?:a\s+)?dis[ck]s?\b", re.IGNORECASE),
}


def _inside_another_sense(name: str, span: Span, whole: str) -> bool:
    """Whether the sign `name` matched at `span` opens inside words that mean something
    else (`_OTHER_SENSE_HERE`)."""
    pattern = _OTHER_SENSE_HERE.get(name)
    if pattern is None:
        return False
    return any(found.start() <= span.start_char < found.end() for found in pattern.finditer(whole))


_GOES_ON = frozenset({"but", "and", "though", "although", "tho"})


def _unless(sign: Sign, sentence: Span) -> bool:
    if not sign.unless:
        return False
    text = sentence.text.lower()
    doc = sentence.doc
    if sentence.end < len(doc) and doc[sentence.end].lower_ in _GOES_ON:
        # "I'm sick most mornings | but it's nothing to do with the headaches": a sentence
        # break before a "but" splits what is one sentence. Read to the next stop (a doc
        # served without the parser has no sentences of spaCy's own: `Token.sent` fails).
        end = sentence.end
        while end < len(doc) - 1 and doc[end].text not in (".", "!", "?"):
            end += 1
        text += " " + doc[sentence.end : end + 1].text.lower()
    return any(
        not _REASON_DENIED.search(text[: match.start()])
        for word in sign.unless
        for match in re.finditer(rf"\b{re.escape(word)}\b", text)
    )
