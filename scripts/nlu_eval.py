"""`make eval`: cross-validates each NLU pipeline on the same folds, measures it on the shared
dev sets (clean and with typos), writes reports/nlu/report.md with plots, prints a summary.

Run through scripts/with_env.py. Takes a while: every fold trains a model.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.compared import PIPELINES  # noqa: E402
from evaluation.report import headline, verdicts, write  # noqa: E402
from evaluation.run import evaluate, measure, pieces  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--pipelines", default=",".join(PIPELINES))
    parser.add_argument("--typo-seed", type=int, default=13)
    parser.add_argument("--out", default=str(ROOT / "reports" / "nlu"))
    parser.add_argument(
        "--pieces",
        help="only measure these pieces into the cache (folds 0..N-1 and 'dev', e.g. 0,1,dev), "
        "so slow pipelines can run in parts side by side or over days; no report",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s eval: %(message)s")
    for noisy in ("rasa", "tensorflow", "absl", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    names = [n for n in args.pipelines.split(",") if n]
    cache = Path(args.out) / "cache"
    if args.pieces:
        only = set(args.pieces.split(","))
        if only - set(pieces(args.folds)):
            parser.error(f"pieces are {','.join(pieces(args.folds))}")
        for name in names:
            whole = measure(name, PIPELINES[name], args.folds, args.typo_seed, cache, only)
            state = "every piece measured" if whole else "some pieces still missing"
            print(f"{name}: pieces {','.join(sorted(only))} measured; {state}")
        return 0
    results = [evaluate(n, PIPELINES[n], args.folds, args.typo_seed, cache) for n in names]
    # The report is about our pipeline; without it, a run only fills the cache.
    report = write(results, args.folds, Path(args.out)) if "ours" in names else "not written"
    print(f"\nNLU evaluation ({args.folds} folds); report: {report}")
    tables = {r.name: headline(r) for r in results}
    for key in next(iter(tables.values())):
        print(f"  {key:<50}" + "".join(f"{r}: {t[key]:6.1%}   " for r, t in tables.items()))
    if "ours" in tables:
        for name, value, goal, ok in verdicts(next(r for r in results if r.name == "ours")):
            print(f"  {'PASS' if ok else 'FAIL'} {name} {value:.1%} (target {goal})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
