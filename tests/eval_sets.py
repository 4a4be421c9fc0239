"""The dev sets (evaluation/data/dev, or CLINIC_EVAL_DIR): read for measuring only."""

from __future__ import annotations

import csv

from evaluation.dev_set import eval_dir

# Figures the tests measure on these sets, printed at the end of the run.
FIGURES: list[str] = []


def red_flag_rows() -> list[tuple[str, str]]:
    """(sentence, least level it must reach) from red_flags_dev.csv."""
    with open(eval_dir() / "red_flags_dev.csv", encoding="utf-8") as file:
        return [(row["text"], row["expected"]) for row in csv.DictReader(file)]


def benign_sentences() -> list[str]:
    """Ordinary musculoskeletal complaints from benign_dev.csv."""
    with open(eval_dir() / "benign_dev.csv", encoding="utf-8") as file:
        return [row["text"] for row in csv.DictReader(file)]
