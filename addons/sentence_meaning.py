"""NLU component: each message's meaning from all-MiniLM-L6-v2 (addons/minilm.py) as dense
features, for the intent classifier beside the word and character counts.

The sentence feature is the model's sentence embedding, scaled by `weight` so that the
logistic regression, whose one penalty covers every feature, gives it the say it earns in
cross-validation. Each token's feature is the mean of its word pieces in context: Rasa's
classifiers that read tokens (DIET in `make eval`'s variant) need one row per token.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.minilm import Encoded, encoder


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceMeaning(DenseFeaturizer, GraphComponent):
    """Adds MiniLM's token and sentence features to each message's text."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "weight": 1.0}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceMeaning:
        return cls(execution_context.node_name, config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text, tokens = message.get(TEXT), message.get(TOKENS_NAMES[TEXT])
            if text is None or not tokens:
                continue
            encoded = encoder().encode(text)
            alias = self._identifier  # the `alias` setting, or the node's name
            weight = float(self._config["weight"])
            spans = [(token.start, token.end) for token in tokens]
            sequence = token_features(encoded, spans) * weight
            sentence = encoded.sentence[np.newaxis, :] * weight
            message.add_features(Features(sequence, FEATURE_TYPE_SEQUENCE, TEXT, alias))
            message.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, TEXT, alias))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass


def token_features(encoded: Encoded, spans: list[tuple[int, int]]) -> np.ndarray:
    """One row per token: the mean of the word pieces inside its span (zeros where the
    model saw none, e.g. past the length it reads)."""
    rows = np.zeros((len(spans), encoded.sentence.shape[0]), dtype=np.float32)
    for i, (start, end) in enumerate(spans):
        inside = [j for j, (s, e) in enumerate(encoded.offsets) if s < end and e > start]
        if inside:
            rows[i] = encoded.pieces[inside].mean(0)
    return rows
