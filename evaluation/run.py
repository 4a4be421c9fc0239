"""Trains each pipeline on the same folds and on all the data, and measures it.

Rasa is used through its Python API: `train_nlu` for each fold's model, `Agent` to parse.
What the models said is kept in `reports/nlu/cache/`, keyed by everything that shapes it
(the pipeline, the training data, the clinic add-ons it uses, the folds, the dev sets), so
a second `make eval` retrains only the pipelines whose inputs changed; the scoring always
runs afresh. Each fold and the dev-set model are kept as they finish, so a slow pipeline
(stock's DIET: about 40 minutes a fold) can be measured in pieces, side by side or over days.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evaluation.dev_set import (
    ROOT,
    DevFigures,
    Understood,
    dev_figures,
    eval_dir,
    read_rows,
    understood,
)
from evaluation.folds import Example, Prediction, Scores, score, stratified_folds
from evaluation.typos import with_typos

NLU_DATA = ROOT / "data" / "nlu"
SEED = 2026
FALLBACK_INTENT = "nlu_fallback"
DEV_FILES = ("pain_utterances_dev.csv", "off_topic_dev.csv")


@dataclass
class Parses:
    """What one pipeline's models said: each held-out example per fold, then the dev
    sentences (clean, then with typos)."""

    held_out: list[tuple[str, dict[str, Any]]]  # (example text, parse)
    dev: list[dict[str, Any]]
    seconds: float
    from_cache: bool = False


@dataclass
class PipelineResult:
    name: str
    intents: Scores = field(default_factory=Scores)
    entities: Scores = field(default_factory=Scores)
    confusions: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)
    sent_to_fallback: float = 0.0  # share of held-out messages the fallback would answer
    dev: DevFigures | None = None
    dev_typos: DevFigures | None = None
    train_seconds: float = 0.0
    cached: bool = False


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


def pipeline_settings(config: Path) -> dict[str, Any]:
    """A pipeline file's NLU settings. A variant names its base (`based_on`, from the
    repository root), the settings it changes per component, the components it replaces
    (`replace`: name, then the new step) and those it leaves out (`remove`: names), so it
    can't drift from it."""
    settings = yaml.safe_load(config.read_text())
    if "based_on" in settings:
        changes, replaced = settings.get("changes") or {}, settings.get("replace") or {}
        removed = set(settings.get("remove") or [])
        settings = pipeline_settings(ROOT / settings["based_on"])
        steps = [replaced.get(step["name"], step) for step in settings["pipeline"]]
        steps = [step for step in steps if step["name"] not in removed]
        for step in steps:
            step.update(changes.get(step["name"], {}))
        settings["pipeline"] = steps
    settings.pop("policies", None)  # they need a domain and stories, which NLU runs lack
    return settings


def _pipeline_only(config: Path, folder: Path) -> Path:
    path = folder / "config.yml"
    path.write_text(yaml.safe_dump(pipeline_settings(config)))
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
    return [_kept(await agent.parse_message(text)) for text in texts]


def parse(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    return asyncio.run(_parse(model, texts))


def _kept(parse_result: dict[str, Any]) -> dict[str, Any]:
    """The parts of a parse the scores use, as plain JSON values."""
    kept = {key: parse_result.get(key) for key in ("intent", "intent_ranking", "entities")}
    return json.loads(json.dumps(kept, default=float))


def classifier_intent(parse_result: dict[str, Any]) -> dict[str, Any]:
    """The intent as the classifiers ranked it, without the fallback's stand-in (as
    `rasa test nlu` scores intents): the fallback threshold is a dialogue choice, shown
    on its own as the share of messages sent to the fallback."""
    intent = parse_result.get("intent") or {}
    ranking = parse_result.get("intent_ranking") or []
    if intent.get("name") == FALLBACK_INTENT and len(ranking) > 1:
        return next((i for i in ranking if i.get("name") != FALLBACK_INTENT), intent)
    return intent


def _intent_name(parse_result: dict[str, Any]) -> str:
    return (parse_result.get("intent") or {}).get("name") or ""


def prediction(parse_result: dict[str, Any]) -> Prediction:
    intent = classifier_intent(parse_result)
    return Prediction(
        intent.get("name") or "",
        float(intent.get("confidence") or 0.0),
        frozenset((e["entity"], str(e["value"])) for e in parse_result.get("entities") or []),
    )


def _digest(config: Path, folds: int, typo_seed: int) -> str:
    """A key for everything that shapes what a pipeline's models say."""
    import rasa

    settings = yaml.safe_dump(pipeline_settings(config))
    parts: list[Path] = [*sorted(NLU_DATA.glob("*.yml"))]
    parts += [ROOT / "evaluation" / name for name in ("run.py", "typos.py")]
    parts += [eval_dir() / name for name in DEV_FILES]
    if "addons." in settings:  # our components, and the clinic code behind them
        parts += sorted((ROOT / "addons").glob("*.py")) + sorted((ROOT / "clinic").glob("*.py"))
    digest = hashlib.sha256(f"{rasa.__version__} {folds} {typo_seed} {SEED}\n{settings}".encode())
    for path in parts:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def pieces(folds: int) -> list[str]:
    """A measurement's pieces: each fold's model, then the model on all the data ("dev")."""
    return [*map(str, range(folds)), "dev"]


def measure(
    name: str,
    config: Path,
    folds: int,
    typo_seed: int,
    cache: Path,
    only: set[str] | None = None,
) -> Parses | None:
    """The pipeline's parses of every fold's held-out examples and of the dev sets.

    Each piece (a fold, or the dev-set model) is kept in the cache on its own as soon as it
    is done, so a slow pipeline can be measured a piece at a time, in runs side by side or
    across days. `only` computes just those pieces; None when some piece is still missing.
    """
    key = f"{name}-{_digest(config, folds, typo_seed)}"
    whole = cache / f"{key}.json"  # the whole measurement, as earlier runs kept it
    if whole.exists():
        saved = json.loads(whole.read_text())
        held_out = [(text, parsed) for text, parsed in saved["held_out"]]
        return Parses(held_out, saved["dev"], saved["seconds"], from_cache=True)
    done: dict[str, dict[str, Any]] = {}
    computed = False
    for piece in pieces(folds):
        path = cache / f"{key}-{piece}.json"
        if path.exists():
            done[piece] = json.loads(path.read_text())
        elif only is None or piece in only:
            done[piece] = _measure_piece(config, piece, folds, typo_seed)
            cache.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(done[piece]))
            computed = True
            logging.info("%s: piece %s of %s done", name, piece, ",".join(pieces(folds)))
    if len(done) < folds + 1:
        return None
    folds_done = [done[piece]["parses"] for piece in pieces(folds)[:-1]]
    held_out = [(text, parsed) for fold in folds_done for text, parsed in fold]
    seconds = sum(part["seconds"] for part in done.values())
    return Parses(held_out, done["dev"]["parses"], seconds, from_cache=not computed)


def _measure_piece(config: Path, piece: str, folds: int, typo_seed: int) -> dict[str, Any]:
    """One piece's parses: a fold's held-out examples (text, parse), or the dev sets' parses
    (clean, then with typos) by a model trained on all the data."""
    data, examples, _ = load_examples()
    started = time.monotonic()
    everything = {e.text for e in examples}
    with tempfile.TemporaryDirectory() as folder:
        if piece == "dev":
            texts = _dev_texts()
            model = train(config, _subset_file(data, everything, Path(folder)), Path(folder))
            parses: list[Any] = parse(model, texts + [with_typos(t, typo_seed) for t in texts])
        else:
            held = [e.text for e in stratified_folds(examples, folds, SEED)[int(piece)]]
            keep = everything - set(held)
            model = train(config, _subset_file(data, keep, Path(folder)), Path(folder))
            parses = list(zip(held, parse(model, held), strict=True))
    return {"parses": parses, "seconds": time.monotonic() - started}


def _dev_texts() -> list[str]:
    return [row["text"] for name in DEV_FILES for row in read_rows(name)]


def scored(name: str, parses: Parses) -> PipelineResult:
    """The scores of one pipeline's parses against the training labels and the dev sets."""
    _, examples, entity_types = load_examples()
    by_text = {e.text: e for e in examples}
    result = PipelineResult(name, train_seconds=parses.seconds, cached=parses.from_cache)
    held = [by_text[text] for text, _ in parses.held_out]
    predicted = [prediction(p) for _, p in parses.held_out]
    result.intents, result.entities, _ = score(held, predicted, entity_types)
    for example, guess in zip(held, predicted, strict=True):
        right = guess.intent == example.intent
        result.confidences.append((guess.confidence, right))
        if not right:
            result.confusions.setdefault((example.intent, guess.intent), []).append(example.text)
    fallbacks = sum(_intent_name(p) == FALLBACK_INTENT for _, p in parses.held_out)
    result.sent_to_fallback = fallbacks / len(held) if held else 0.0

    pain_rows, off_rows = read_rows(DEV_FILES[0]), read_rows(DEV_FILES[1])
    count = len(pain_rows) + len(off_rows)
    results = [understood(p) for p in parses.dev]
    clean, typos = results[:count], results[count:]
    result.dev = _figures(pain_rows, off_rows, clean)
    result.dev_typos = _figures(pain_rows, off_rows, typos)
    return result


def evaluate(name: str, config: Path, folds: int, typo_seed: int, cache: Path) -> PipelineResult:
    """Cross-validation on `folds` folds, then the dev sets with a model on all the data."""
    parses = measure(name, config, folds, typo_seed, cache)
    assert parses is not None  # with no pieces singled out, every piece is measured
    return scored(name, parses)


def _figures(
    pain_rows: list[dict[str, str]], off_rows: list[dict[str, str]], results: list[Understood]
) -> DevFigures:
    return dev_figures(pain_rows, results[: len(pain_rows)], off_rows, results[len(pain_rows) :])
