"""The shared evaluation sets (../shared/eval, or CLINIC_EVAL_DIR): read for measuring only."""

from __future__ import annotations

import csv
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Figures the tests measure on these sets, printed at the end of the run.
FIGURES: list[str] = []


def eval_dir() -> Path:
    """Where the shared evaluation sets are; the tests fail loudly when they are missing."""
    return Path(os.environ.get("CLINIC_EVAL_DIR") or ROOT.parent / "shared" / "eval")


def red_flag_rows() -> list[tuple[str, str]]:
    """(sentence, least level it must reach) from red_flags_dev.csv."""
    with open(eval_dir() / "red_flags_dev.csv", encoding="utf-8") as file:
        return [(row["text"], row["expected"]) for row in csv.DictReader(file)]


def benign_sentences() -> list[str]:
    """Ordinary musculoskeletal complaints from benign_dev.csv."""
    with open(eval_dir() / "benign_dev.csv", encoding="utf-8") as file:
        return [row["text"] for row in csv.DictReader(file)]
