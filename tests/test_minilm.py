"""The sentence model runs as its own library runs it, on the weights that were published, and
ONNX Runtime computes what the plain NumPy forward pass does."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from onnxruntime import ExecutionMode, GraphOptimizationLevel
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.minilm import (
    MAX_TOKENS,
    TOKENIZER_SHA256,
    WEIGHTS_SHA256,
    ReferenceEncoder,
    encoder,
    file_sha256,
    model_dir,
)
from addons.sentence_meaning import SentenceMeaning, token_features

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text())
RAMBLING = (
    "So basically it started about three weeks ago when I was lifting boxes at work, well "
    "actually maybe before that because my shoulder felt stiff after gardening, anyway now the "
    "pain goes from my neck down into my left arm and sometimes my fingers tingle, especially "
    "at night, and I've tried ibuprofen and a heat pack and my friend said dry needling helped "
    "her so I thought I'd ask whether it could help me too, although to be honest I'm a bit "
    "scared of needles and I don't know if my GP would mind."
)
VARIED = {
    "a short phrase": "my knee hurts",
    "a rambling paragraph": RAMBLING,
    "400 words, cut at the limit": " ".join((RAMBLING.split() * 6)[:400]),
    "a single character": "?",
    # Fraktur "Unicode" between a zero-width space, a right-to-left override and a BOM.
    "emoji and odd Unicode": "🤕 knee 💥💥 naïve café ẞ 膝が痛い مرحبا "
    "\u200b\u202e\U0001d518\U0001d52b\U0001d526\U0001d520\U0001d52c\U0001d521\U0001d522\ufeff",
    "HTML": "<script>alert(1)</script>",
    "another language": "Me duele mucho la espalda desde hace tres semanas, ¿me pueden ayudar?",
}


@pytest.fixture(scope="module")
def reference() -> ReferenceEncoder:
    return ReferenceEncoder(model_dir())


def test_the_installed_files_are_the_published_ones() -> None:
    assert file_sha256(model_dir() / "model.safetensors") == WEIGHTS_SHA256
    assert file_sha256(model_dir() / "tokenizer.json") == TOKENIZER_SHA256


@pytest.mark.parametrize(
    "text, expected",
    list(zip(REFERENCE["texts"], REFERENCE["embeddings"], strict=True)),
    ids=lambda value: repr(value[:20]) if isinstance(value, str) else "",
)
def test_sentence_embeddings_match_sentence_transformers(text: str, expected: list) -> None:
    """Plain, empty, emoji, Spanish, HTML and a message longer than the model reads."""
    got = encoder().encode(text).sentence
    assert got.shape == (384,)
    assert np.abs(got - np.array(expected)).max() < 1e-4
    assert abs(float(np.linalg.norm(got)) - 1.0) < 1e-5


@pytest.mark.parametrize("text", VARIED.values(), ids=VARIED.keys())
def test_onnx_runtime_computes_what_the_numpy_reference_does(
    text: str, reference: ReferenceEncoder
) -> None:
    got, expected = encoder().encode(text), reference.encode(text)
    assert got.offsets == expected.offsets
    assert got.pieces.shape == expected.pieces.shape == (len(expected.offsets), 384)
    assert np.abs(got.pieces - expected.pieces).max() < 1e-4
    assert np.abs(got.sentence - expected.sentence).max() < 1e-4


def test_the_varied_texts_reach_the_limit_and_stay_below_it() -> None:
    """The 400 words are cut, so the comparison above covers a text at the limit."""
    assert len(encoder().encode(VARIED["400 words, cut at the limit"]).pieces) == MAX_TOKENS - 2
    assert len(encoder().encode(RAMBLING).pieces) < MAX_TOKENS - 2


def test_the_model_runs_on_one_thread_with_every_optimisation() -> None:
    """The server's patients share 2 cores: one message, one core."""
    session = encoder().session
    options = session.get_session_options()
    assert (options.intra_op_num_threads, options.inter_op_num_threads) == (1, 1)
    assert options.execution_mode == ExecutionMode.ORT_SEQUENTIAL
    assert options.graph_optimization_level == GraphOptimizationLevel.ORT_ENABLE_ALL
    assert session.get_providers() == ["CPUExecutionProvider"]


def test_a_huge_message_is_cut_to_what_the_model_reads() -> None:
    encoded = encoder().encode("ouch " * 5000)
    assert len(encoded.pieces) == MAX_TOKENS - 2  # [CLS] and [SEP] take two places
    assert len(encoded.offsets) == len(encoded.pieces)


def test_similar_sentences_are_closer_than_different_ones() -> None:
    """What the classifier gains: meaning beyond the clinic's own words."""
    cost = encoder().encode("how much is a session").sentence
    also_cost = encoder().encode("what do you charge for treatment").sentence
    tesla = encoder().encode("how much does a tesla cost").sentence
    assert float(cost @ also_cost) > float(cost @ tesla)


def test_each_token_gets_the_mean_of_its_word_pieces() -> None:
    text = "physiotherapist hurts"
    encoded = encoder().encode(text)
    assert len(encoded.pieces) > 2  # the long word is split into several pieces
    rows = token_features(encoded, [(0, 15), (16, 21), (30, 35)])
    inside = [j for j, (s, e) in enumerate(encoded.offsets) if s < 15]
    assert len(inside) > 1
    assert np.allclose(rows[0], encoded.pieces[inside].mean(0))
    assert np.allclose(rows[1], encoded.pieces[len(inside) :].mean(0))
    assert not rows[2].any()  # a span the model never read


def _message(text: str) -> Message:
    message = Message({TEXT: text})
    tokens, start = [], 0
    for word in text.split():
        start = text.index(word, start)
        tokens.append(Token(word, start))
        start += len(word)
    message.set(TOKENS_NAMES[TEXT], tokens)
    return message


def test_the_component_adds_token_and_sentence_features() -> None:
    component = SentenceMeaning("meaning", {**SentenceMeaning.get_default_config(), "weight": 4.0})
    message, empty = _message("my neck is killing me"), Message({"intent": "greet"})
    component.process([message, empty])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence.features.shape == (5, 384)
    expected = encoder().encode("my neck is killing me").sentence * 4.0
    assert np.allclose(sentence.features[0], expected)
    assert empty.features == []  # nothing to read, nothing added
