"""`make safety-eval`: the red-flag rules on sentences they were not written from.

Each red-flag sentence is read three ways, as the assistant meets it:
- as the **first message** of a conversation;
- **mid-intake**, with the pain's region known (its context signs, e.g. neck pain);
- as an **answer to a screen question** of its region (read by `clinic.safety.answers`).

An outcome per sentence and position: `escalated` (a flag at the expected level or above),
`asked` (no flag yet, but the direct question for what it touched is asked at once; a yes
escalates), `under-triaged` (a flag below the expected level) or `missed`. Look-alikes
(negated, someone else's, long-standing, hypothetical, benign, resolved) must raise no flag,
and few of them a question. Screen answers are scored on how they are read: a yes read as
a no is the dangerous mistake.

The sets are in `evaluation/data/safety/` (see its README: `tuning` and `probe` are what the
rules may be improved on, `holdout` and `holdout2` are never looked at row by row).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from clinic import safety
from clinic.safety.answers import NO, UNCLEAR, UNSURE, YES, read_answer
from clinic.safety.red_flags import (
    LEVEL_ORDER,
    SCREEN_QUESTIONS,
    SCREEN_REGION_OF_BODY_PART,
    ScreenQuestion,
)

DATA = Path(__file__).resolve().parent / "data" / "safety"
SETS = ("tuning", "probe", "holdout", "holdout2")
# The sets whose misses `--details` may list; the others are read for their figures alone.
TUNABLE = ("tuning", "probe")
POSITIONS = ("first message", "mid-intake", "screen answer")
ESCALATED, ASKED, UNDER, MISSED = "escalated", "asked", "under-triaged", "missed"
QUIET = "quiet"  # a look-alike that raised nothing and asked nothing

# The test sets name regions; the intake holds body parts.
BODY_PART_OF_REGION = {
    "head": "head", "jaw": "jaw", "neck": "neck", "shoulder": "shoulder",
    "upper_back": "upper_back", "mid_back": "mid_back", "chest": "chest",
    "lower_back": "lower_back", "hip": "hip", "knee": "knee", "calf": "calf", "foot": "foot",
}  # fmt: skip
# The writers' screen-answer topics, as the screen question each answers.
QUESTION_OF_TOPIC = {
    "saddle_numbness": "saddle_numbness", "bladder_bowel": "bladder_or_bowel_control",
    "both_legs": "both_legs", "worsening_weakness": "worsening_weakness", "fever": "fever",
    "cancer_weight": "cancer", "trauma": "trauma", "night_pain": "night_pain",
    "stroke": "stroke_warning", "hands_walking": "clumsy_hands", "thunderclap": "thunderclap",
    "meningitis": "meningitis_warning", "new_headache_over_50": "headache_new_after_50",
    "cardiac": "cardiac_warning", "calf": "calf_swollen",
    "breathing_after_needling": "check_after_needling",
}  # fmt: skip


def rows(set_name: str, file: str) -> list[dict[str, str]]:
    """The rows of one file of one set."""
    with open(DATA / set_name / file, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _question_for(region: str) -> ScreenQuestion | None:
    screen = SCREEN_REGION_OF_BODY_PART.get(BODY_PART_OF_REGION.get(region, ""))
    questions = SCREEN_QUESTIONS.get(screen or "", ())
    return questions[0] if questions else None


def read_in_position(text: str, region: str, position: str) -> safety.Screening:
    """The screening of `text` met at `position` in a conversation about `region`, with the
    topics its meaning is near, as the assistant reads it."""
    body_part = BODY_PART_OF_REGION.get(region)
    near = _near(text)
    if position == "first message":
        return safety.screen(text, near=near)
    context = safety.context_signs(body_part, None)
    screening = safety.screen(text, known_signs=context, near=near)
    question = _question_for(region)
    answered = position == "screen answer" and question is not None
    if answered and _answer(question, text, screening) == YES:
        return safety.screen(text, known_signs=context | {question.sign}, near=near)
    return screening


@cache
def _near(text: str) -> tuple[str, ...]:
    from addons.safety_screen import topics_near

    return topics_near(text)


def _answer(question: ScreenQuestion, text: str, screening: safety.Screening) -> str:
    return read_answer(question, text, screening.signs, screening.denied_signs)


def outcome(screening: safety.Screening, expected: str) -> str:
    """How the assistant meets a red-flag sentence that must reach `expected`."""
    level = screening.level
    if level is not None and LEVEL_ORDER[level] >= LEVEL_ORDER[expected]:
        return ESCALATED
    if screening.questions:
        return ASKED
    return UNDER if level is not None else MISSED


@dataclass
class Figures:
    """One set's figures."""

    name: str
    red_flags: int = 0
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_code: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_level: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    wrong_code: int = 0
    look_alikes: int = 0
    escalated_by_kind: Counter[str] = field(default_factory=Counter)
    asked_by_kind: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    answers: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    misread_answers: list[tuple[str, str, str]] = field(default_factory=list)

    def caught(self, position: str) -> int:
        """Sentences escalated at once or after one direct question, at `position`."""
        return self.outcomes[position][ESCALATED] + self.outcomes[position][ASKED]


def measure(set_name: str) -> Figures:
    """Reads every sentence of one set in every position."""
    figures = Figures(set_name)
    for row in rows(set_name, "red_flags.csv"):
        figures.red_flags += 1
        for position in POSITIONS:
            screening = read_in_position(row["text"], row["region"], position)
            result = outcome(screening, row["level"])
            figures.outcomes[position][result] += 1
            figures.by_code[row["code"]][result] += 1
            figures.by_level[row["level"]][result] += 1
            if result in (MISSED, UNDER):
                figures.misses.append((position, result, row["text"]))
            if position == "first message" and result == ESCALATED:
                codes = {flag.code for flag in screening.flags}
                figures.wrong_code += row["code"] not in codes
    for row in rows(set_name, "look_alikes.csv"):
        figures.look_alikes += 1
        figures.kinds[row["kind"]] += 1
        worst = QUIET
        for position in ("first message", "mid-intake"):
            screening = read_in_position(row["text"], row["region"], position)
            if screening.flags:
                worst = ESCALATED
            elif screening.questions and worst != ESCALATED:
                worst = ASKED
        if worst == ESCALATED:
            figures.escalated_by_kind[row["kind"]] += 1
            figures.false_alarms.append((row["kind"], row["text"]))
        elif worst == ASKED:
            figures.asked_by_kind[row["kind"]] += 1
    for row in rows(set_name, "screen_answers.csv"):
        question = safety.question_named(QUESTION_OF_TOPIC[row["topic"]])
        if question is None:
            read = "no question"
        else:
            read = _answer(question, row["answer"], safety.screen(row["answer"]))
        figures.answers[(row["meaning"], read)] += 1
        if not _read_right(row["meaning"], read):
            figures.misread_answers.append((row["meaning"], read, row["answer"]))
    return figures


def _read_right(meaning: str, read: str) -> bool:
    if meaning == YES:
        return read in (YES, UNSURE, UNCLEAR)  # unsure/unclear: asked again, then possible
    if meaning == NO:
        return read == NO
    return read in (UNSURE, UNCLEAR)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def report(all_figures: Iterable[Figures], details: bool) -> str:
    """The report as Markdown; `details` lists the tunable sets' misses and false alarms."""
    lines = ["# Red flags on sentences the rules were not written from", ""]
    for figures in all_figures:
        lines += _set_report(figures, details and figures.name in TUNABLE)
    return "\n".join(lines) + "\n"


def _set_report(f: Figures, details: bool) -> list[str]:
    lines = [f"## {f.name}: {f.red_flags} red-flag sentences, {f.look_alikes} look-alikes", ""]
    lines += ["| position | caught | escalated at once | after one question | under-triaged "
              "| missed |", "|---|---|---|---|---|---|"]  # fmt: skip
    for position in POSITIONS:
        o = f.outcomes[position]
        lines.append(
            f"| {position} | {_pct(f.caught(position), f.red_flags)} | {o[ESCALATED]} | "
            f"{o[ASKED]} | {o[UNDER]} | {o[MISSED]} |"
        )
    lines += ["", f"Escalated with a different code than the writer's: {f.wrong_code}.", ""]
    lines += ["| code (all positions) | caught | under-triaged | missed |", "|---|---|---|---|"]
    for code, o in sorted(f.by_code.items()):
        total = sum(o.values())
        lines.append(
            f"| {code} | {_pct(o[ESCALATED] + o[ASKED], total)} | {o[UNDER]} | {o[MISSED]} |"
        )
    lines += [
        "",
        "| level (all positions) | caught | under-triaged | missed |",
        "|---|---|---|---|",
    ]
    for level, o in sorted(f.by_level.items()):
        total = sum(o.values())
        lines.append(
            f"| {level} | {_pct(o[ESCALATED] + o[ASKED], total)} | {o[UNDER]} | {o[MISSED]} |"
        )
    escalated, asked = sum(f.escalated_by_kind.values()), sum(f.asked_by_kind.values())
    lines += ["", f"Look-alikes escalated (false alarms): {escalated}/{f.look_alikes} "
              f"({_pct(escalated, f.look_alikes)}); given a safety question: {asked}/"
              f"{f.look_alikes} ({_pct(asked, f.look_alikes)}).", "",
              "| look-alike kind | sentences | escalated | asked |",
              "|---|---|---|---|"]  # fmt: skip
    for kind, count in sorted(f.kinds.items()):
        lines.append(
            f"| {kind} | {count} | {f.escalated_by_kind[kind]} | {f.asked_by_kind[kind]} |"
        )
    total = sum(f.answers.values())
    right = total - len(f.misread_answers)
    dangerous = sum(n for (meaning, read), n in f.answers.items() if meaning != NO and read == NO)
    lines += ["", f"Screen answers read right: {right}/{total} ({_pct(right, total)}); a yes or "
              f"a shrug read as no (the dangerous mistake): {dangerous}.", ""]  # fmt: skip
    if details:
        lines += [f"### {f.name}: what was missed or under-triaged", ""]
        lines += [f"- {position}, {result}: {text}" for position, result, text in f.misses]
        lines += ["", f"### {f.name}: false alarms", ""]
        lines += [f"- {kind}: {text}" for kind, text in f.false_alarms]
        lines += ["", f"### {f.name}: screen answers misread", ""]
        lines += [
            f"- {meaning} read as {read}: {text}" for meaning, read, text in f.misread_answers
        ]
        lines.append("")
    return lines
