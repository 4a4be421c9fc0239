"""`make safety-eval`: the red-flag rules on the tuning and held-out sets (evaluation/safety.py).

Prints the report and writes it to reports/safety/report.md. Only the tuning set's misses
are listed: the held-out set is read for its figures alone.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from evaluation.safety import SETS, measure, report

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Measures both sets and writes the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--details", action="store_true", help="list the tunable sets' misses (tuning, probe)"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    text = report([measure(name) for name in SETS], details=args.details)
    out = ROOT / "reports" / "safety"
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
