"""NLU component: Rasa's logistic-regression intent classifier with its regularisation and
class weights as settings.

Rasa's `LogisticRegressionClassifier` fixes scikit-learn's `C` at 1.0, which on the clinic's
data smooths the word and character counts too much, and weighs every intent as if it were
as common as the rest, which makes pain descriptions (the largest intent, and the one the
assistant must not miss) lose to small intents on a single shared word ("move" for
rescheduling, "can't" for a denial). It needs no TensorFlow model, so the server starts in
seconds and each message costs a sparse product.

Beside the regression, the training examples closest in meaning (by the sentence model's
features) have a say: a short message such as "toodle pip" or "is it about balancing chi"
shares few words with any example, but its meaning is near those of its own intent. Their
vote is mixed into the regression's probabilities (`neighbours`, `neighbour_share`).

The learned numbers are stored as plain arrays (NumPy, no pickle) instead of Rasa's skops
file: importing skops walks every loaded module for each type it trusts, which took 7 of
the server's 16 s from start to first answer, and arrays need no trust list at all.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

WEIGHTS = "weights.npz"
# How sharply the nearest examples' votes fall off with distance (cosine similarity x 10).
SHARPNESS = 10.0


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over the featurizers' sentence features, `C` configurable."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's defaults, plus `C` (larger: less smoothing), `class_weight` (None: as often
        as in the data; "balanced": every intent alike) and room to converge."""
        defaults = LogisticRegressionClassifier.get_default_config()
        return {
            **defaults,
            "C": 10.0,
            "class_weight": None,
            "max_iter": 1000,
            "neighbours": 0,  # how many nearest training examples vote; 0: none
            "neighbour_share": 0.0,  # their vote's share of the probabilities
            "neighbour_features": None,  # the featurizer (alias) whose sentence features they use
        }

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=self.config["C"], class_weight=self.config["class_weight"])
        self.examples = np.zeros((0, 0), dtype=np.float32)  # unit-length meaning per example
        self.example_intents = np.zeros(0, dtype=int)  # index into clf.classes_

    @property
    def _neighbours(self) -> int:
        return int(self.config["neighbours"]) if self.config["neighbour_share"] else 0

    def _meanings(self, messages: list[Message]) -> np.ndarray:
        """Each message's sentence features from `neighbour_features`, at unit length."""
        alias = self.config["neighbour_features"]
        rows = []
        for message in messages:
            sentence = message.get_dense_features(TEXT, featurizers=[alias])[1]
            if sentence is None:
                raise ValueError(f"neighbours need sentence features from {alias!r}")
            rows.append(sentence.features.reshape(-1))
        matrix = np.asarray(rows, dtype=np.float32)
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)

    def train(self, training_data: TrainingData) -> Resource:
        """Keeps each example's meaning for the neighbours' vote; Rasa's fits the regression."""
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if self._neighbours and examples:
            self.examples = self._meanings(examples)
            # Each example's class as scikit-learn numbers them: it sorts the classes too.
            _, self.example_intents = np.unique(
                [e.get(INTENT) for e in examples], return_inverse=True
            )
        return super().train(training_data)

    def probabilities(self, messages: list[Message]) -> np.ndarray:
        """The regression's probabilities, mixed with the nearest examples' vote."""
        probabilities = self.clf.predict_proba(self._create_X(messages))
        k = min(self._neighbours, len(self.example_intents))
        if not k:
            return probabilities
        similarity = self._meanings(messages) @ self.examples.T
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        votes = np.zeros_like(probabilities)
        for row, columns in enumerate(nearest):
            weights = np.exp(SHARPNESS * similarity[row, columns])
            np.add.at(votes[row], self.example_intents[columns], weights / weights.sum())
        share = float(self.config["neighbour_share"])
        return (1 - share) * probabilities + share * votes

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets each message's intent and ranking (as Rasa's own classifier does)."""
        if not messages or not hasattr(self.clf, "coef_"):
            return messages
        for message, row in zip(messages, self.probabilities(messages), strict=True):
            order = np.argsort(-row, kind="stable")
            ranking = [
                {"name": str(self.clf.classes_[i]), "confidence": float(row[i])} for i in order
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            length = self.config["ranking_length"]
            kept = ranking[:length] if length > 0 else ranking
            message.set(INTENT_RANKING_KEY, kept, add_to_output=True)
        return messages

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentClassifier:
        """Creates a new untrained classifier."""
        return cls(config, execution_context.node_name, model_storage, resource)

    def persist(self) -> None:
        """Stores the classes and the regression's weights."""
        with self._model_storage.write_to(self._resource) as folder:
            np.savez(
                folder / WEIGHTS,
                classes=self.clf.classes_.astype(str),
                coef=self.clf.coef_,
                intercept=self.clf.intercept_,
                examples=self.examples,
                example_intents=self.example_intents,
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> IntentClassifier:
        """Loads the weights (every model `make train` keeps has them: the model's
        fingerprint includes this file)."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with (
                model_storage.read_from(resource) as folder,
                np.load(folder / WEIGHTS, allow_pickle=False) as weights,
            ):
                component.clf.classes_ = weights["classes"]
                component.clf.coef_ = weights["coef"]
                component.clf.intercept_ = weights["intercept"]
                component.examples = weights["examples"]
                component.example_intents = weights["example_intents"]
        except ValueError:  # no stored resource: the classifier was never trained
            return component
        component.clf.n_features_in_ = component.clf.coef_.shape[1]
        return component
