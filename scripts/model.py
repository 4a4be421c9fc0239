"""Which trained model belongs to the current training data, and training it when missing.

The model's name carries a fingerprint of everything training reads (config, domain and
data), of the intent classifier's code (it decides how the weights are stored) and of the
sentence model's (the weights are learned on its features), so `make run` retrains exactly
when one changed. The other NLU add-ons are imported at run time, so a change to their code
needs no new model.
Usage: python scripts/model.py train | path
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
TRAINING_INPUTS = (
    "config.yml",
    "domain.yml",
    "data",
    "addons/intent_classifier.py",
    "addons/sentence_meaning.py",
    "addons/minilm.py",
)
KEEP_MODELS = 3


def fingerprint() -> str:
    """A short hash of the training inputs' paths and contents."""
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".pyc",):
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def model_path() -> Path:
    """Where the model for the current training inputs is (or will be) stored."""
    return MODELS / f"intake-{fingerprint()}.tar.gz"


def train() -> Path:
    """Trains unless the model for the current inputs exists; keeps the newest few."""
    path = model_path()
    if path.exists():
        print(f"Model is up to date: {path.relative_to(ROOT)}")
        return path
    print(f"Training {path.relative_to(ROOT)} (config, domain or data changed)...", flush=True)
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable, "-m", "rasa", "train",
            "--fixed-model-name", path.name.removesuffix(".tar.gz"),
            "--out", str(MODELS),
        ],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    print(f"Trained in {time.monotonic() - started:.0f} s")
    old = sorted(MODELS.glob("intake-*.tar.gz"), key=lambda p: p.stat().st_mtime)[:-KEEP_MODELS]
    for stale in old:
        stale.unlink()
    return path


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "path"
    print(train() if command == "train" else model_path())
