"""The sentence model's speed: the NumPy reference, ONNX Runtime (what the server runs) and,
for comparison only, ONNX Runtime on int8 weights (dynamic quantisation).

Each runs in its own process, so its load time and memory are its own: it encodes about 300
of the clinic's NLU examples a few times over, one text at a time as the server does, and
reports the median and 95th percentile milliseconds per text, the time to load (and build
the graph), and the process's resident memory before and after loading. Run it on an
otherwise idle machine: `python scripts/with_env.py python -m scripts.minilm_speed`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
from onnxruntime.quantization import QuantType, quantize_dynamic

from addons.minilm import ReferenceEncoder, SentenceEncoder, build_graph, load_weights, model_dir

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("numpy", "onnxruntime", "int8")
# "[knee](body_part)" and '[knee]{"entity": ...}' in an example are the word "knee".
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def patient_texts(count: int) -> list[str]:
    """`count` examples spread evenly over data/nlu/*.yml, annotations removed."""
    examples = [
        ANNOTATION.sub(r"\1", line.strip()[2:])
        for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("    - ")
    ]
    step = max(len(examples) // count, 1)
    return examples[::step][:count]


def load(variant: str) -> ReferenceEncoder | SentenceEncoder:
    """The encoder `variant` names, loaded as the server (or the tests) would."""
    if variant == "numpy":
        return ReferenceEncoder(model_dir())
    if variant == "onnxruntime":
        return SentenceEncoder(model_dir())
    with tempfile.TemporaryDirectory() as folder:
        int8 = Path(folder) / "int8.onnx"
        quantize_dynamic(build_graph(load_weights(model_dir())), int8, weight_type=QuantType.QInt8)
        return SentenceEncoder(model_dir(), int8.read_bytes())


def measure(variant: str, rounds: int, count: int, out: Path) -> dict:
    """One variant's figures; its outputs are saved to `out` for the comparison."""
    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    encoder = load(variant)
    loaded = time.perf_counter() - started
    after = process.memory_info().rss
    texts = patient_texts(count)
    times = np.zeros((rounds, len(texts)))
    for round_ in range(-1, rounds):  # round -1 warms the caches up
        for i, text in enumerate(texts):
            started = time.perf_counter()
            encoded = encoder.encode(text)
            if round_ >= 0:
                times[round_, i] = time.perf_counter() - started
    per_text = np.median(times, axis=0) * 1000
    outputs = [encoder.encode(text) for text in texts]
    np.savez(
        out,
        sentences=np.stack([e.sentence for e in outputs]),
        pieces=np.concatenate([e.pieces for e in outputs]),
    )
    del encoded
    return {
        "variant": variant,
        "texts": len(texts),
        "median_ms": float(np.median(per_text)),
        "p95_ms": float(np.percentile(per_text, 95)),
        "load_s": loaded,
        "rss_before_mb": before / 2**20,
        "rss_after_mb": after / 2**20,
    }


def main() -> None:
    """Runs each variant in a process of its own and prints a table of the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each text is encoded")
    parser.add_argument("--texts", type=int, default=300, help="how many examples")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(measure(args.variant, args.rounds, args.texts, args.out)))
        return
    rows, saved = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for variant in VARIANTS:
            saved[variant] = Path(folder) / f"{variant}.npz"
            command = [sys.executable, "-m", "scripts.minilm_speed", "--variant", variant]
            command += ["--rounds", str(args.rounds), "--texts", str(args.texts)]
            command += ["--out", str(saved[variant])]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        outputs = {variant: dict(np.load(path)) for variant, path in saved.items()}
    print(f"{rows[0]['texts']} texts, {args.rounds} rounds; ms per text is each text's median")
    print("variant       median ms  p95 ms  load s  RSS before MB  RSS after MB")
    for row in rows:
        print(
            f"{row['variant']:<12} {row['median_ms']:>10.2f} {row['p95_ms']:>7.2f}"
            f" {row['load_s']:>7.2f} {row['rss_before_mb']:>14.0f} {row['rss_after_mb']:>13.0f}"
        )
    for variant, against in (("onnxruntime", "numpy"), ("int8", "onnxruntime")):
        a, b = outputs[variant], outputs[against]
        cosine = (a["sentences"] * b["sentences"]).sum(1).min()
        print(
            f"{variant} - {against}: max |difference| sentence"
            f" {np.abs(a['sentences'] - b['sentences']).max():.2e},"
            f" pieces {np.abs(a['pieces'] - b['pieces']).max():.2e}; lowest cosine {cosine:.4f}"
        )


if __name__ == "__main__":
    main()
