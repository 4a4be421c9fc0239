"""Trains each pipeline on the same folds and on all the data, and measures it.

Rasa is used through its Python API: `train_nlu` for each fold's model, `Agent` to parse.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evaluation.dev_set import ROOT, DevFigures, Understood, dev_figures, read_rows, understood
from evaluation.folds import Example, Prediction, Scores, score, stratified_folds
from evaluation.typos import with_typos

NLU_DATA = ROOT / "data" / "nlu"
SEED = 2026
PIPELINES = {
    "stock": ROOT / "evaluation" / "pipelines" / "stock.yml",
    "ours": ROOT / "config.yml",
}


@dataclass
class PipelineResult:
    name: str
    intents: Scores = field(default_factory=Scores)
    entities: Scores = field(default_factory=Scores)
    confusions: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)
    dev: DevFigures | None = None
    dev_typos: DevFigures | None = None
    train_seconds: float = 0.0


def load_examples() -> tuple[Any, list[Example], set[str]]:
    """The training data, its intent examples, and the entity types annotated in it."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(NLU_DATA))
    examples = [
        Example(
            m.get("text"),
            m.get("intent"),
            frozenset((e["entity"], str(e["value"])) for e in m.get("entities") or []),
        )
        for m in data.intent_examples
    ]
    types = {entity for example in examples for entity, _ in example.entities}
    return data, examples, types


def _subset_file(data: Any, keep: set[str], folder: Path) -> Path:
    """The training data with only the examples whose text is in `keep` (plus synonyms,
    lookup tables and regexes), as a YAML file Rasa can train on."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.training_data import TrainingData

    subset = TrainingData(
        training_examples=[m for m in data.training_examples if m.get("text") in keep],
        entity_synonyms=data.entity_synonyms,
        regex_features=data.regex_features,
        lookup_tables=data.lookup_tables,
    )
    path = folder / "nlu.yml"
    path.write_text(RasaYAMLWriter().dumps(subset))
    return path


def _pipeline_only(config: Path, folder: Path) -> Path:
    """The config's NLU part (policies need a domain and stories, which NLU runs lack)."""
    settings = yaml.safe_load(config.read_text())
    settings.pop("policies", None)
    path = folder / "config.yml"
    path.write_text(yaml.safe_dump(settings))
    return path


def train(config: Path, data_file: Path, folder: Path) -> Path:
    from rasa.model_training import train_nlu

    model = train_nlu(str(_pipeline_only(config, folder)), str(data_file), str(folder / "model"))
    if not model:
        raise RuntimeError(f"training failed for {config}")
    return Path(model)


async def _parse(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def parse(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    return asyncio.run(_parse(model, texts))


def prediction(parse_result: dict[str, Any]) -> Prediction:
    return Prediction(
        parse_result["intent"]["name"],
        float(parse_result["intent"].get("confidence") or 0.0),
        frozenset((e["entity"], str(e["value"])) for e in parse_result.get("entities") or []),
    )


def evaluate(name: str, config: Path, folds: int, typo_seed: int) -> PipelineResult:
    """Cross-validation on `folds` folds, then the dev sets with a model on all the data."""
    data, examples, entity_types = load_examples()
    result = PipelineResult(name)
    started = time.monotonic()
    for held_out in stratified_folds(examples, folds, SEED):
        held_texts = {e.text for e in held_out}
        keep = {e.text for e in examples if e.text not in held_texts}
        with tempfile.TemporaryDirectory() as folder:
            model = train(config, _subset_file(data, keep, Path(folder)), Path(folder))
            parsed = [prediction(p) for p in parse(model, [e.text for e in held_out])]
        intents, entities, _ = score(held_out, parsed, entity_types)
        for scores, into in ((intents, result.intents), (entities, result.entities)):
            into.true_pos.update(scores.true_pos)
            into.false_pos.update(scores.false_pos)
            into.false_neg.update(scores.false_neg)
        for example, predicted in zip(held_out, parsed, strict=True):
            right = predicted.intent == example.intent
            result.confidences.append((predicted.confidence, right))
            if not right:
                key = (example.intent, predicted.intent)
                result.confusions.setdefault(key, []).append(example.text)
        logging.info("%s: fold done", name)

    pain_rows, off_rows = read_rows("pain_utterances_dev.csv"), read_rows("off_topic_dev.csv")
    texts = [r["text"] for r in pain_rows] + [r["text"] for r in off_rows]
    typo_texts = [with_typos(text, typo_seed) for text in texts]
    with tempfile.TemporaryDirectory() as folder:
        model = train(config, _subset_file(data, {e.text for e in examples}, Path(folder)),
                      Path(folder))  # fmt: skip
        results = [understood(p) for p in parse(model, texts + typo_texts)]
    result.train_seconds = time.monotonic() - started
    clean, typos = results[: len(texts)], results[len(texts) :]
    result.dev = _figures(pain_rows, off_rows, clean)
    result.dev_typos = _figures(pain_rows, off_rows, typos)
    return result


def _figures(
    pain_rows: list[dict[str, str]], off_rows: list[dict[str, str]], results: list[Understood]
) -> DevFigures:
    return dev_figures(pain_rows, results[: len(pain_rows)], off_rows, results[len(pain_rows) :])
