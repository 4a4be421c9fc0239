"""Measures the trained NLU on the shared dev set (never training data) and prints the figures.

- body-part accuracy on `pain_utterances_dev.csv` rows whose label names a place and whose
  `label_check` is `agree` (scoring rules in evaluation/data/dev/README.md);
- pain-intent recall on every row of that file (describe_pain, or red_flag when the safety
  check sends the patient to a doctor);
- off-topic sentences (`off_topic_dev.csv`) taken as a muscle pain that dry needling may
  help: the assistant would start the pain intake (describe_pain, nothing that marks it as
  another kind of complaint) or rate dry needling `likely`/`possible`.

Exits non-zero when a figure passes its floor (--min-body-part-accuracy, --min-pain-recall,
--max-off-topic): `make test` keeps them from quietly regressing.
Run through scripts/with_env.py.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import model_path  # noqa: E402

from evaluation.dev_set import dev_figures, read_rows, understood  # noqa: E402
from evaluation.run import parse  # noqa: E402


def main() -> int:
    """Prints the figures; the exit status says whether the floor holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-body-part-accuracy", type=float, default=0.0)
    parser.add_argument("--min-pain-recall", type=float, default=0.0)
    parser.add_argument("--max-off-topic", type=float, default=1.0)
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    pain_rows = read_rows("pain_utterances_dev.csv")
    off_rows = read_rows("off_topic_dev.csv")
    texts = [r["text"] for r in pain_rows] + [r["text"] for r in off_rows]
    results = [understood(p) for p in parse(model_path(), texts)]
    pain, off = results[: len(pain_rows)], results[len(pain_rows) :]
    figures = dev_figures(pain_rows, pain, off_rows, off)
    accuracy = figures.body_part_accuracy
    right = figures.scored - len(figures.misses)
    print("NLU on the dev set")
    print(f"  body-part accuracy      {accuracy:6.1%}  ({right}/{figures.scored})")
    print(
        f"  pain-intent recall      {figures.pain_recall:6.1%}  ({figures.pain} sentences, "
        f"{figures.escalated} of them routed to a doctor by the red-flag check)"
    )
    print(
        f"  off-topic taken as TDN  {figures.off_topic_taken:6.1%}"
        f"  ({len(figures.off_taken)}/{figures.off_topic})"
    )
    for row, result in figures.misses:
        print(f"    missed {row['location']:>8}: got {result.body_part}: {row['text']!r}")
    for row, result in figures.off_taken:
        print(f"    off-topic taken as pain ({result.body_part}): {row['text']!r}")
    failures = []
    if accuracy < args.min_body_part_accuracy:
        failures.append(f"body-part accuracy below {args.min_body_part_accuracy:.0%}")
    if figures.pain_recall < args.min_pain_recall:
        failures.append(f"pain-intent recall below {args.min_pain_recall:.0%}")
    if figures.off_topic_taken > args.max_off_topic:
        failures.append(f"off-topic taken as TDN pain above {args.max_off_topic:.0%}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
