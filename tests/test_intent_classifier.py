"""The intent classifier's weights survive storing and loading, as plain arrays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

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
