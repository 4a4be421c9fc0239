"""The red-flag screen asked as short checklists rather than one yes/no after another.

Up to four open screen questions are asked together ("Do you have any of these?"), five
when only one would be left for a list of its own. A no to the list is a no to each of its
lines. A yes, "not sure" or a mix asks the lines left
open one by one, as plain yes/no questions; an answer that says none of these ("tuesday at
9") gets the list once more, then its lines one by one. A list never turns an unclear
answer into a no. Signs named in the answer count as said whatever the list's answer is
(the safety reading finds them in the message).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from clinic.language import context
from clinic.patient import YOU, Patient, spoken_of
from clinic.safety import answers
from clinic.safety.concepts import QUALIFIERS, explained_away
from clinic.safety.red_flags import (
    CHECKLIST_ITEMS,
    CONTEXT_ONLY_SIGNS,
    SCREEN_QUESTIONS,
    ScreenQuestion,
)
from clinic.safety.screening import CONCEPT, CONTRAINDICATION, SIGN, question_named, read, screen

MAX_LINES = 4
# A no to some of the list only: "no to most of those", "mostly no", "not all of them".
_NOT_ALL = re.compile(
    r"\b(?:most|some|all but one) of (?:those|these|them|that|it)\b|\bmostly (?:no|not)\b"
    r"|\bnot all\b",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(but|except|apart from|only|although|though|well)\b", re.IGNORECASE)
_NONE_OF_THEM = re.compile(
    r"\b(none|neither|nothing)\b(?! (but|except|apart)\b)|\bno to (all|every)", re.IGNORECASE
)
PREFIX = "checklist:"


@dataclass(frozen=True)
class ChecklistAnswer:
    """What an answer to a checklist settles: signs denied, and lines to ask one by one."""

    denied: frozenset[str]
    one_by_one: tuple[str, ...]
    # Neither yes, no nor "not sure", and nothing named ("tuesday at 9"): asked again.
    unclear: bool = False
    # Lines said yes to by a word of their own ("the night one, yes"): their signs.
    said: frozenset[str] = frozenset()


def next_checklist(
    open_questions: list[ScreenQuestion], one_by_one: Collection[str]
) -> list[ScreenQuestion]:
    """The lines to ask together next: the open ones of the first open question's block
    (a region's screen in blocks of four, in its order: the back's nerve signs together,
    then its signs of serious illness); empty when it is to be asked on its own."""
    # A follow-up of a yes ("was it a serious accident?") is its own question.
    one_by_one = {*one_by_one, *(q.name for q in open_questions if q.after)}
    if not open_questions or open_questions[0].name in one_by_one:
        return []
    block = _block_of(open_questions[0])
    lines = [q for q in open_questions if q in block and q.name not in one_by_one]
    left = [q for q in open_questions if q not in lines and q.name not in one_by_one]
    if 1 < len(lines) <= MAX_LINES and left:
        # A next line that would be a list of one (the meningitis line after the neck's
        # four) joins this one: alone it would cost a turn of its own.
        alone = [q for q in left if q in _block_of(left[0])] == [left[0]]
        if alone:
            lines.append(left[0])
    return lines if len(lines) > 1 else []


def _block_of(question: ScreenQuestion) -> list[ScreenQuestion]:
    for questions in SCREEN_QUESTIONS.values():
        for start in range(0, len(questions), MAX_LINES):
            block = list(questions[start : start + MAX_LINES])
            if question in block:
                return block
    return [question]


def name_of(lines: Iterable[ScreenQuestion]) -> str:
    """The checklist's name, kept while it waits for its answer."""
    return PREFIX + "+".join(question.name for question in lines)


def lines_of(name: str | None) -> list[ScreenQuestion]:
    """The questions of the checklist `name`; empty if `name` is not a checklist."""
    if not name or not name.startswith(PREFIX):
        return []
    found = (question_named(part) for part in name.removeprefix(PREFIX).split("+"))
    return [question for question in found if question is not None]


def text_of(lines: Iterable[ScreenQuestion], whose: Patient = YOU) -> str:
    """The checklist as the patient (or whoever writes for them) reads it, one line each:
    "around her bottom" to a daughter writing for her mother."""
    # Two places' questions may read the same (the shoulder's and the arm's effort line):
    # each is shown once (outside run 47: "you listed the first one twice btw").
    items = dict.fromkeys(CHECKLIST_ITEMS.get(q.text, q.text) for q in lines)
    return spoken_of("\n".join(f"• {item}" for item in items), whose)


# After a "but", a denial again: "my mum had cancer but I never have", "...but not me".
_DENIES_AGAIN = re.compile(r"\b(?:never|not|no|none|nope|nor)\b|n'?t\b", re.IGNORECASE)


def _findings(text: str) -> list[Any]:
    """What in `text` a line of the list may be about: signs and concepts (not an age, a
    place alone, or how it is said)."""
    mentions = read(text)
    # "Lost 8 lbs but that's on purpose": a finding explained away is none.
    explained = explained_away({m.name for m in mentions if m.kind == CONCEPT and not m.denied})
    return [
        mention
        for mention in mentions
        # A denied finding still counts: "but my legs don't work properly" is a weakness.
        if mention.kind != CONTRAINDICATION
        and mention.name not in explained
        and not mention.name.startswith("trigger_")  # "if", "when": how it is said
        and not (
            mention.kind == SIGN and (mention.name in CONTEXT_ONLY_SIGNS or "aged" in mention.name)
        )
    ]


_AN_AGE = re.compile(r"\b(?:i'?m|i am|he'?s|she'?s|aged?)\s+\d{2}\b", re.IGNORECASE)


def _doubts_a_line(text: str) -> bool:
    """Whether a hedge in the answer is about what a line may be about ("not sure about the
    weight"), not about something else ("stressed, not sure if that matters")."""
    return answers.hedged(text) and bool(_findings(text) or _AN_AGE.search(text))


def _adds_something(text: str) -> bool:
    """Whether a "no" comes with something added that may be a yes ("none, but my legs
    tingle", "none, though I'm not sure about the weight"). A "but" that only denies again
    ("my sister had cancer but I never have", "my dad fell, but not me") adds nothing."""
    but = _BUT.search(text)
    return but is not None and _adds_after(text, text[but.end() :])


# Said well: "legs are good", "I walk ok", "the leg feels strong".
_SAID_WELL = re.compile(r"\b(?:ok|okay|fine|good|strong|normal|alright|all right)\b", re.I)
_CLAUSE = re.compile(r"[^,;.!?]+")


def _what_not_when(after: str, findings: list[Any]) -> list[Any]:
    """The findings of `after` that tell of something, not only of when or how it is said
    ("lately", "out of nowhere": outside runs 124 v03 and 125 w08, every line asked again
    after "no. ...broke my wrist but that healed fine, back pain only started last month"),
    nor told well in their own clause ("legs are good, walking ok": outside run 125 w04)."""
    well = [m.span() for m in _CLAUSE.finditer(after) if _SAID_WELL.search(m.group())]
    return [
        m for m in findings
        if m.kind == SIGN
        or (m.name not in QUALIFIERS and not any(a <= m.start < b for a, b in well))
    ]  # fmt: skip


def _asks_of_no_line(lines: list[ScreenQuestion], aside: str) -> bool:
    """Whether the aside after a no asks a question and tells of no warning sign of the
    lines ("but is the clicking normal?", "does it matter my knee cracks?")."""
    of_lines = {sign for q in lines for sign in (q.sign, *q.covers, *parts_asked(q))}
    return "?" in aside and not any(m.kind == SIGN and m.name in of_lines for m in _findings(aside))


def _adds_after(text: str, after: str) -> bool:
    """Whether `after`, the part of `text` after its no, may be a yes to a line: the
    patient's own, and not denied again."""
    findings = _what_not_when(after, _findings(after))
    if (answers.hedged(text) or "?" in after) and (findings or _AN_AGE.search(after)):
        # "none, though I'm not sure about the weight", "although they started at 52, does
        # that count?" (outside run 49: the line asked about was denied with the rest); a
        # doubt about what no line is about ("not sure the bad sleep matters") leaves the no.
        return True
    if not findings:
        # "...except a basal cell cancer removed in 2015", "but he's 79": nothing a line is
        # about (an age alone is none).
        return False
    own = [w for w in re.findall(r"\bmy\s+([\w-]+)", after, re.IGNORECASE)]
    if any(not context.is_another_person(w) for w in own):
        return True  # "...but my legs don't feel right" is about the patient's own body
    return not _DENIES_AGAIN.search(after)


# A no to the whole list: said first ("no", "nope, nothing like that"), or as "none of
# them", "I don't have any of those", "I don't think so", or in a word or three.
_OPENS_WITH_NO = re.compile(
    r"^\W*(?:no|nope|nah|none|not|never|neither|nothing|negative|n|i (?:don'?t|do not) think so)\b",
    re.IGNORECASE,
)
_NOT_ANY = re.compile(
    r"(?:n'?t|\bnot|\bnever)\b[^.?!]{0,25}\bany (?:of )?(?:these|those|them|that|this)\b",
    re.IGNORECASE,
)
_FEW_WORDS = 3


def _no_to_the_list(text: str) -> bool:
    """Whether a no answers the list, not another question answered in the same message
    ("stiff. 2 months. no it doesnt spread. 3/10" says no to the spreading)."""
    return bool(
        _OPENS_WITH_NO.search(text)
        or _NONE_OF_THEM.search(text)
        or _NOT_ANY.search(text)
        or len(text.split()) <= _FEW_WORDS
    )


# Words every line shares, or that say nothing of which line is meant.
_EVERY_LINE = frozenset({
    "pain", "that", "with", "your", "there", "have", "this", "they", "what", "when", "from",
    "about", "said", "yes", "yeah", "like", "just", "been", "feel", "feeling", "since",
    "time", "more", "some", "than", "them", "those", "these", "which", "one", "ones",
})  # fmt: skip
_POINTING_WORDS = 8


def _pointed_at(lines: list[ScreenQuestion], text: str) -> list[ScreenQuestion]:
    """The one line a short yes points at by a word of its own ("the night one, yes"); in a
    longer answer, the yes's own sentence ("well yeah the morning thing like i said. no
    cancer": outside run 88 p01 was asked the morning line again)."""
    sentences = [text] if len(text.split()) <= _POINTING_WORDS else _yes_sentences(text)
    for sentence in sentences:
        said = _stems(sentence) - _EVERY_LINE_STEMS
        if not said or len(sentence.split()) > _POINTING_WORDS:
            continue
        hits = [q for q in lines if said & _stems(CHECKLIST_ITEMS.get(q.text, q.text))]
        if len(hits) == 1:
            return hits
    return []


def _part_pointed_at(question: ScreenQuestion, text: str) -> str:
    """The sign of a line of several that the answer's words name ("she has lost a bit of
    weight" to "cancer at any time, or weight lost": the weight lost, never a cancer; outside
    run 95 p04 was told of "a history of cancer"), else the line's own sign."""
    said = _stems(text)
    parts = [part for part in parts_asked(question) if said & _stems(part.replace("_", " "))]
    return parts[0] if len(parts) == 1 else question.sign


def _stems(text: str) -> set[str]:
    """The words of four letters or more, a plural said singular ("mornings", "morning")."""
    return {word.removesuffix("s") for word in re.findall(r"[a-z]{4,}", text.lower())}


_EVERY_LINE_STEMS = frozenset(_stems(" ".join(_EVERY_LINE)))


def _yes_sentences(text: str) -> list[str]:
    """The sentences of `text` that say yes, each with any words after a comma dropped."""
    sentences = [s.strip() for s in re.split(r"[.;!?]+", text) if s.strip()]
    yes = [s for s in sentences if answers.read_answer(answers.ANY_QUESTION, s, (), (), None)
           in (answers.YES, answers.UNSURE)]  # fmt: skip
    return [s.split(",")[0] if len(s.split()) > _POINTING_WORDS else s for s in yes]


# Words of when, which lines share with any aside ("started", "recently").
_WORDS_OF_WHEN = frozenset({
    "started", "start", "starting", "after", "before", "still", "recent", "recently", "lately",
    "last", "week", "weeks", "days", "month", "months", "year", "years", "ago", "then", "now",
    "only", "thing", "though", "well", "little", "bit",
})  # fmt: skip


def _lines_named_by_words(lines: list[ScreenQuestion], text: str) -> list[ScreenQuestion]:
    """The lines that share a word of their own with `text` ("fever", "weight")."""
    said = set(re.findall(r"[a-z]{4,}", text.lower())) - _EVERY_LINE - _WORDS_OF_WHEN
    if "pins" not in said:
        # "scared of needles": the treatment's, not the "pins and needles" of a line (outside
        # run 81 p05: every line asked again, one by one).
        said -= {"needle", "needles"}
    return [
        q for q in lines
        if said & set(re.findall(r"[a-z]{4,}", CHECKLIST_ITEMS.get(q.text, q.text).lower()))
    ]  # fmt: skip


# Where a no to the list ends and an aside begins: a new sentence, or "but", "though",
# "well", "except", "only thing is".
_ASIDE_STARTS = re.compile(
    r"[.!;]\s+|,?\s+(?:but|though|although|except|apart from|well|only thing is)\b|,\s+",
    re.IGNORECASE,
)


def _aside_after_a_no(text: str) -> str:
    """The aside after a plain no to the whole list ("none of those. I did have the flu"),
    else "". A hedged no, or one to only some lines, has no aside: each line is asked."""
    split = _ASIDE_STARTS.search(text)
    # "no, none of that. She had breast cancer...": the no said twice is one no (outside run
    # 107 p03: every other line asked again one by one).
    while split is not None and _OPENS_WITH_NO.match(text[split.end() :]):
        following = _ASIDE_STARTS.search(text, split.end())
        if following is None:
            break
        split = following
    if split is None:
        return ""
    first, rest = text[: split.start()], text[split.end() :]
    plain_no = _no_to_the_list(first) and not _NOT_ALL.search(first) and not answers.hedged(first)
    reading = answers.read_answer(answers.ANY_QUESTION, first, (), (), None)
    return rest.strip() if plain_no and reading == answers.NO and rest.strip() else ""


# The other lines said no: "rest is no", "the others are a no", "no to the rest", "nothing
# else", "that's all".
_REST_SAID_NO = re.compile(
    r"\b(?:(?:the )?rest|(?:the |all the )?others?|everything else|all else)\s+(?:is|are)?\s*"
    r"(?:a\s+)?(?:no|none|nope|fine|ok|okay)\b|\bno to (?:the rest|the others|everything else)\b"
    r"|\bnothing else\b|\bnone of the (?:others|rest|other (?:things|ones|stuff|bits))\b"
    r"|\bthat'?s (?:all|it)\b",
    re.IGNORECASE,
)


# A no said of the whole list: "none", "not any of these", "or anything like that".
_SAID_OF_ALL = re.compile(
    rf"{_NONE_OF_THEM.pattern}|{_NOT_ANY.pattern}|{_REST_SAID_NO.pattern}"
    r"|\b(?:or|and) (?:anything|any of (?:that|those|it)|stuff)\b|\bnothing like that\b"
    r"|\ball (?:of )?(?:that|those|them|these)\b|\bno to all\b",
    re.IGNORECASE,
)


@cache
def parts_asked(question: ScreenQuestion) -> frozenset[str]:
    """The signs a line asks about in its own words ("cancer at any time, or weight lost
    recently": both), or its sign alone."""
    named = {m.name for m in screen(question.text).mentions if m.kind == SIGN}
    return frozenset(({question.sign, *question.covers} & named) or {question.sign})


def _parts_of_concepts_denied(lines: list[ScreenQuestion], text: str) -> set[str]:
    """The parts of the lines about what the message says no to in its own words: "I
    haven't lost weight" is no to the weight lost, whatever the sign's phrases need."""
    concepts = {m.name for m in screen(text).mentions if m.kind == CONCEPT and m.denied}
    return {
        part for q in lines for part in parts_asked(q) if concepts & set(part.split("_"))
    }  # fmt: skip


def _denied_whole(question: ScreenQuestion, denied: set[str]) -> bool:
    """Whether a no says no to all a line asks ("no cancer" leaves the weight lost open), or
    to what it stands on ("no fever" for a fever with a stiff neck)."""
    return parts_asked(question) <= denied or bool(set(question.requires) & denied)


def read_checklist_answer(
    lines: list[ScreenQuestion],
    text: str,
    said: Collection[str],
    denied: Collection[str],
    intent: str | None,
    touched: Collection[str] = (),
) -> ChecklistAnswer:
    """A clear no denies every line not said; otherwise the open lines come one by one.

    `touched` are the signs of lines the message brought up without answering them (its
    own direct question follows): "no, I pee a lot but that's the baby" denies the rest.
    """
    named = {q.name for q in lines if q.sign in said or set(q.covers) & set(said)}
    if named and _REST_SAID_NO.search(text) and not answers.hedged(text):
        # "Breast cancer 4 years ago, all clear. Rest is no": the others are denied, not
        # asked one by one (outside run 46).
        rest = frozenset(q.sign for q in lines if q.name not in named)
        return ChecklistAnswer(rest, (), said=frozenset())
    aside = _aside_after_a_no(text)
    # "No, nothing from this. But the crack sound? My wife still worry.": a question of
    # the patient's own after the no, about no warning sign, is answered on its own; the no
    # stands (outside run 119 p04: all five lines asked again, one by one).
    asks_aside = bool(aside) and _asks_of_no_line(lines, aside)
    if aside and not asks_aside and _adds_after(text, aside):
        # "No to all that. Well I had a cold last week with a bit of a fever": the lines
        # the aside is about are asked on their own (or stand as said), the rest are denied
        # (outside run 72 p07: all four asked again one by one).
        about = [q for q in lines if q.name in named or q.sign in touched
                 or q in _lines_named_by_words(lines, aside)]  # fmt: skip
        if about and len(about) < len(lines):
            return ChecklistAnswer(
                frozenset(q.sign for q in lines if q not in about),
                tuple(q.name for q in about if q.name not in named),
            )
    reading = answers.read_answer(answers.ANY_QUESTION, text, (), (), intent)
    # "The night one yes, none of the rest" reads unsure as a whole: the line is a yes.
    pointing = reading in (answers.YES, answers.UNSURE) and not named
    pointed = _pointed_at(lines, text) if pointing else []
    if pointed:
        # "The night one, yes": that line is a yes; the others are asked one by one.
        return ChecklistAnswer(
            frozenset(),
            tuple(q.name for q in lines if q not in pointed),
            said=frozenset(_part_pointed_at(q, text) for q in pointed),
        )
    if (
        _REST_SAID_NO.search(text)
        and not named
        and reading not in (answers.YES, answers.UNSURE)
        and not answers.hedged(text)
    ):
        # "No fever. The only rash is my eczema. None of the rest": what it brought up is
        # asked on its own, the rest denied (outside run 47: all four one by one).
        brought_up = tuple(q.name for q in lines if q.sign in touched)
        return ChecklistAnswer(
            frozenset(q.sign for q in lines if q.name not in brought_up), brought_up
        )
    if _NONE_OF_THEM.search(text) and not _doubts_a_line(text):
        reading = answers.NO  # "no, I have none of this": the "I have" is no yes
    if reading == answers.NO and _NOT_ALL.search(text):
        reading = answers.UNSURE  # "no to most of those", "mostly no": each line on its own
    if reading == answers.NO and not _no_to_the_list(text):
        reading = answers.UNCLEAR  # "stiff. 2 months. no it doesnt spread": no to the spread
    brought_up = [q for q in lines if q.sign in touched]
    if reading == answers.NO and brought_up and not answers.hedged(text):
        rest = frozenset(q.sign for q in lines if q not in brought_up and q.name not in named)
        return ChecklistAnswer(rest, tuple(q.name for q in brought_up))
    if reading == answers.NO and _adds_something(text) and not asks_aside:
        reading = answers.UNSURE  # "none, but my legs tingle": each line on its own
    if reading == answers.NO and not named and not _SAID_OF_ALL.search(text):
        # "No fever no cancer": the lines it names are answered, the others asked one by one
        # (outside run 85 p08: weight loss, a fall and night pain went unasked at 58).
        no_to = set(denied) | _parts_of_concepts_denied(lines, text)
        whole = [q for q in lines if _denied_whole(q, no_to)]
        if any(parts_asked(q) & no_to for q in lines) and len(whole) < len(lines):
            return ChecklistAnswer(
                frozenset(q.sign for q in whole), tuple(q.name for q in lines if q not in whole)
            )
    if reading == answers.NO and not named:
        return ChecklistAnswer(frozenset(q.sign for q in lines), ())
    # A no said unsure ("not swollen I don't think, maybe warm?") settles no line; a hedge
    # beside a line said yes to is that line's ("the red bit, yes, maybe a little puffy... No
    # fall, no cancer": outside run 77 p07, the fall and the cancer asked again).
    hedged_no = answers.hedged(text) and not (named or said)
    settled = named | {
        q.name for q in lines if ({q.sign, *q.denied_means_no} & set(denied)) and not hedged_no
    }
    if reading == answers.UNCLEAR and not settled:
        return ChecklistAnswer(frozenset(), (), unclear=True)
    # "Not sudden though": the line's sign denied in the answer's words is a no to it.
    no_in_words = frozenset(
        q.sign for q in lines if set(q.denied_means_no) & set(denied) and q.name not in named
    )
    return ChecklistAnswer(
        no_in_words if not hedged_no else frozenset(),
        tuple(q.name for q in lines if q.name not in settled),
    )
