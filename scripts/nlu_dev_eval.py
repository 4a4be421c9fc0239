"""Measures the trained NLU on the shared dev set (never training data) and prints the figures.

- body-part accuracy on `pain_utterances_dev.csv` rows whose label names a place and whose
  `label_check` is `agree` (scoring rules in shared/eval/README.md);
- pain-intent recall on every row of that file (describe_pain, or red_flag when the safety
  check sends the patient to a doctor);
- off-topic sentences (`off_topic_dev.csv`) taken as a muscle pain that dry needling may
  help: the assistant would start the pain intake (describe_pain, nothing that marks it as
  another kind of complaint) or rate dry needling `likely`/`possible`.

Exits non-zero when body-part accuracy is below --min-body-part-accuracy.
Run through scripts/with_env.py.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import model_path  # noqa: E402

from clinic.assessment import assess  # noqa: E402
from clinic.intake import Intake  # noqa: E402

EVAL_DIR = Path(os.environ.get("CLINIC_EVAL_DIR", ROOT.parent / "shared" / "eval"))
PLACES = {"neck", "back", "shoulder", "knee", "foot", "head"}
ACCEPTED = {
    "back": {"back", "upper_back", "mid_back", "lower_back"},
    "foot": {"foot", "heel", "ankle"},
}


@dataclass(frozen=True)
class Understood:
    """What the NLU made of one sentence."""

    intent: str
    body_part: str | None
    other_complaint: str | None


def understood(parse: dict) -> Understood:
    """The intent and the main body part (the one without a role) of a parse result."""
    entities = parse.get("entities", [])
    parts = [e["value"] for e in entities if e["entity"] == "body_part" and not e.get("role")]
    others = [e["value"] for e in entities if e["entity"] == "other_complaint"]
    return Understood(
        parse["intent"]["name"], parts[0] if parts else None, others[0] if others else None
    )


def taken_as_tdn_pain(result: Understood) -> bool:
    """Whether the assistant would treat the sentence as muscle pain that TDN may help."""
    if result.intent != "describe_pain":
        return False
    if result.body_part is None:
        return result.other_complaint is None  # the pain intake would start
    intake = Intake(body_part=result.body_part, other_complaint=result.other_complaint)
    return assess(intake).tdn_fit in ("likely", "possible")


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of one shared evaluation file."""
    with open(EVAL_DIR / name, encoding="utf-8") as file:
        return list(csv.DictReader(file))


async def parse_all(model: Path, texts: list[str]) -> list[Understood]:
    """Parses every text with the trained model (NLU only, no conversation)."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [understood(await agent.parse_message(text)) for text in texts]


def main() -> int:
    """Prints the figures; the exit status says whether the floor holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-body-part-accuracy", type=float, default=0.0)
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    pain_rows = read_rows("pain_utterances_dev.csv")
    off_rows = read_rows("off_topic_dev.csv")
    results = asyncio.run(
        parse_all(model_path(), [r["text"] for r in pain_rows] + [r["text"] for r in off_rows])
    )
    pain, off = results[: len(pain_rows)], results[len(pain_rows) :]

    scored = [
        (row, result)
        for row, result in zip(pain_rows, pain, strict=True)
        if row["location"] in PLACES and row["label_check"] == "agree"
    ]
    misses = [
        (row, result)
        for row, result in scored
        if result.body_part not in ACCEPTED.get(row["location"], {row["location"]})
    ]
    accuracy = 1 - len(misses) / len(scored)
    # A pain the safety rules route to a doctor is understood too: it just goes elsewhere.
    recall = sum(r.intent in ("describe_pain", "red_flag") for r in pain) / len(pain)
    escalated = sum(r.intent == "red_flag" for r in pain)
    off_taken = [
        (row, result)
        for row, result in zip(off_rows, off, strict=True)
        if taken_as_tdn_pain(result)
    ]

    print("NLU on the shared dev set")
    print(f"  body-part accuracy      {accuracy:6.1%}  ({len(scored) - len(misses)}/{len(scored)})")
    print(
        f"  pain-intent recall      {recall:6.1%}  ({len(pain)} sentences, {escalated} of them "
        "routed to a doctor by the red-flag check)"
    )
    print(
        f"  off-topic taken as TDN  {len(off_taken) / len(off_rows):6.1%}"
        f"  ({len(off_taken)}/{len(off_rows)})"
    )
    for row, result in misses:
        print(f"    missed {row['location']:>8}: got {result.body_part}: {row['text']!r}")
    for row, result in off_taken:
        print(f"    off-topic taken as pain ({result.body_part}): {row['text']!r}")
    if accuracy < args.min_body_part_accuracy:
        print(f"FAIL: body-part accuracy below {args.min_body_part_accuracy:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
