"""NLU component: Rasa's logistic-regression intent classifier with its regularisation and
class weights as settings.

Rasa's `LogisticRegressionClassifier` fixes scikit-learn's `C` at 1.0, which on the clinic's
data smooths the word and character counts too much, and weighs every intent as if it were
as common as the rest, which makes pain descriptions (the largest intent, and the one the
assistant must not miss) lose to small intents on a single shared word ("move" for
rescheduling, "can't" for a denial). It needs no TensorFlow model, so the server starts in
seconds and each message costs a sparse product.

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

WEIGHTS = "weights.npz"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over the featurizers' sentence features, `C` configurable."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's defaults, plus `C` (larger: less smoothing), `class_weight` (None: as often
        as in the data; "balanced": every intent alike) and room to converge."""
        defaults = LogisticRegressionClassifier.get_default_config()
        return {**defaults, "C": 10.0, "class_weight": None, "max_iter": 1000}

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=self.config["C"], class_weight=self.config["class_weight"])

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
        except ValueError:  # no stored resource: the classifier was never trained
            return component
        component.clf.n_features_in_ = component.clf.coef_.shape[1]
        return component
