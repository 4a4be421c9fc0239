"""Scores on the dev sets (evaluation/data/dev, or CLINIC_EVAL_DIR): body-part accuracy,
pain-intent recall and off-topic handling. Read for measuring only, never for training."""

from __future__ import annotations

import csv
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clinic.assessment import assess
from clinic.intake import Intake

ROOT = Path(__file__).resolve().parent.parent
PLACES = {"neck", "back", "shoulder", "knee", "foot", "head"}
ACCEPTED = {
    "back": {"back", "upper_back", "mid_back", "lower_back"},
    "foot": {"foot", "heel", "ankle"},
}


def eval_dir() -> Path:
    return Path(os.environ.get("CLINIC_EVAL_DIR") or ROOT / "evaluation" / "data" / "dev")


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of one dev-set file."""
    with open(eval_dir() / name, encoding="utf-8") as file:
        return list(csv.DictReader(file))


@dataclass(frozen=True)
class Understood:
    """What the NLU made of one sentence."""

    intent: str
    body_part: str | None
    other_complaint: str | None
    confidence: float = 1.0


def understood(parse: dict[str, Any]) -> Understood:
    """The intent and the main body part (the one without a role) of a parse result."""
    entities = parse.get("entities", [])
    parts = [e["value"] for e in entities if e["entity"] == "body_part" and not e.get("role")]
    others = [e["value"] for e in entities if e["entity"] == "other_complaint"]
    return Understood(
        parse["intent"]["name"],
        parts[0] if parts else None,
        others[0] if others else None,
        float(parse["intent"].get("confidence") or 0.0),
    )


def taken_as_tdn_pain(result: Understood) -> bool:
    """Whether the assistant would treat the sentence as muscle pain that TDN may help."""
    if result.intent != "describe_pain":
        return False
    if result.body_part is None:
        return result.other_complaint is None  # the pain intake would start
    intake = Intake(body_part=result.body_part, other_complaint=result.other_complaint)
    return assess(intake).tdn_fit in ("likely", "possible")


@dataclass
class DevFigures:
    """The dev-set figures of one model."""

    scored: int = 0
    misses: list[tuple[dict[str, str], Understood]] = field(default_factory=list)
    pain: int = 0
    understood_pain: int = 0
    escalated: int = 0
    off_topic: int = 0
    off_taken: list[tuple[dict[str, str], Understood]] = field(default_factory=list)
    per_place: Counter[str] = field(default_factory=Counter)
    per_place_right: Counter[str] = field(default_factory=Counter)

    @property
    def body_part_accuracy(self) -> float:
        return 1 - len(self.misses) / self.scored if self.scored else 0.0

    @property
    def pain_recall(self) -> float:
        return self.understood_pain / self.pain if self.pain else 0.0

    @property
    def off_topic_taken(self) -> float:
        return len(self.off_taken) / self.off_topic if self.off_topic else 0.0


def dev_figures(
    pain_rows: list[dict[str, str]],
    pain: list[Understood],
    off_rows: list[dict[str, str]],
    off: list[Understood],
) -> DevFigures:
    figures = DevFigures(pain=len(pain), off_topic=len(off))
    for row, result in zip(pain_rows, pain, strict=True):
        # A pain the safety rules route to a doctor is understood too: it just goes elsewhere.
        figures.understood_pain += result.intent in ("describe_pain", "red_flag")
        figures.escalated += result.intent == "red_flag"
        if row["location"] not in PLACES or row["label_check"] != "agree":
            continue
        figures.scored += 1
        figures.per_place[row["location"]] += 1
        if result.body_part in ACCEPTED.get(row["location"], {row["location"]}):
            figures.per_place_right[row["location"]] += 1
        else:
            figures.misses.append((row, result))
    figures.off_taken = [
        (row, result)
        for row, result in zip(off_rows, off, strict=True)
        if taken_as_tdn_pain(result)
    ]
    return figures
