"""The intent classifier: its weights survive storing and loading as plain arrays, and the
nearest training examples' vote counts as configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.intent_classifier import WEIGHTS, IntentClassifier


def test_a_stored_classifier_loads_with_the_same_answers(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_classifier")
    context = ExecutionContext(GraphSchema({}), node_name="classifier")
    config = IntentClassifier.get_default_config()
    trained = IntentClassifier.create(config, storage, resource, context)
    rng = np.random.default_rng(7)
    features = rng.normal(size=(60, 12))
    intents = np.array(["describe_pain", "greet", "ask_cost"])[features[:, :3].argmax(axis=1)]
    trained.clf.fit(features, intents)
    trained.persist()

    with storage.read_from(resource) as folder:
        assert (folder / WEIGHTS).exists() and not list(folder.glob("*.skops"))
    loaded = IntentClassifier.load(config, storage, resource, context)

    assert list(loaded.clf.classes_) == ["ask_cost", "describe_pain", "greet"]
    assert np.allclose(loaded.clf.predict_proba(features), trained.clf.predict_proba(features))
    assert (loaded.clf.predict(features) == intents).mean() > 0.9  # it learned something


def test_an_untrained_classifier_loads_empty(tmp_path: Path) -> None:
    context = ExecutionContext(GraphSchema({}), node_name="classifier")
    config = IntentClassifier.get_default_config()
    loaded = IntentClassifier.load(config, LocalModelStorage(tmp_path), Resource("x"), context)
    assert not hasattr(loaded.clf, "coef_")


def message(meaning: list[float], intent: str | None = None) -> Message:
    """A message whose only feature is a sentence meaning from the featurizer "meaning"."""
    found = Message(data={TEXT: f"words {meaning}", **({INTENT: intent} if intent else {})})
    features = np.array([meaning], dtype=np.float32)
    found.add_features(Features(features, FEATURE_TYPE_SENTENCE, TEXT, "meaning"))
    return found


def neighbour_classifier(tmp_path: Path, share: float) -> tuple[IntentClassifier, Any]:
    tmp_path.mkdir(exist_ok=True)
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), node_name="classifier")
    config = {
        **IntentClassifier.get_default_config(),
        "neighbours": 3,
        "neighbour_share": share,
        "neighbour_features": "meaning",
    }
    classifier = IntentClassifier.create(config, storage, Resource("intents"), context)
    # Two intents the regression tells apart by the first number, and an odd greeting in
    # the middle of the thanks, where no straight line can put it but its neighbours can.
    examples = [message([1.0, 0.1 * i, 0.0], "thanks") for i in range(6)]
    examples += [message([-1.0, 0.1 * i, 0.0], "greet") for i in range(6)]
    examples += [message([1.0, 0.25 + 0.01 * i, 0.0], "greet") for i in (-1, 0, 1)]
    classifier.train(TrainingData(examples))
    return classifier, (config, storage, context)


def test_the_nearest_examples_vote_with_their_share(tmp_path: Path) -> None:
    alone, _ = neighbour_classifier(tmp_path / "alone", share=0.0)
    voted, _ = neighbour_classifier(tmp_path / "voted", share=0.6)
    assert alone.process([message([1.0, 0.25, 0.0])])[0].get(INTENT)["name"] == "thanks"
    assert voted.process([message([1.0, 0.25, 0.0])])[0].get(INTENT)["name"] == "greet"
    [typical] = voted.process([message([1.0, 0.45, 0.0])])
    assert typical.get(INTENT)["name"] == "thanks"
    ranking = typical.get("intent_ranking")
    assert [r["name"] for r in ranking] == ["thanks", "greet"]
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6
    # Each stored example votes for its own intent, as the regression numbers the intents.
    assert list(voted.clf.classes_[voted.example_intents]) == ["thanks"] * 6 + ["greet"] * 9


def test_a_stored_classifier_keeps_its_examples(tmp_path: Path) -> None:
    trained, (config, storage, context) = neighbour_classifier(tmp_path, share=0.6)
    loaded = IntentClassifier.load(config, storage, Resource("intents"), context)
    messages = [message([1.0, 0.25, 0.0]), message([-1.0, 0.3, 0.1])]
    assert np.allclose(loaded.probabilities(messages), trained.probabilities(messages))


def test_neighbours_without_the_named_features_say_so(tmp_path: Path) -> None:
    classifier, _ = neighbour_classifier(tmp_path, share=0.6)
    other = Message(data={TEXT: "hi"})
    other.add_features(Features(np.ones((1, 3)), FEATURE_TYPE_SENTENCE, TEXT, "other"))
    with pytest.raises(ValueError, match="sentence features from 'meaning'"):
        classifier.process([other])
