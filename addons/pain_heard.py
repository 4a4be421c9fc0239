"""NLU component: a message that names a place that hurts is a pain description, even when
the model ranked it otherwise or was unsure (a thin adapter over `clinic.pain_heard`).

It runs after the FallbackClassifier (so "my anlke is hurting me" is not answered with
"Sorry, I didn't get that") and before the SafetyScreen (whose red flags overrule it).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.pain_heard import PAIN_INTENT, heard_pain


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PainHeard(GraphComponent):
    """Sets `describe_pain` where the clinic's vocabulary hears a pain the model missed."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PainHeard:
        """Creates the component (nothing to train)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Re-labels each message the vocabulary says describes a pain."""
        for message in messages:
            intent = message.get(INTENT) or {}
            if not heard_pain(message.get(TEXT) or "", intent.get("name") or "",
                              message.get(ENTITIES) or []):  # fmt: skip
                continue
            # The model's own confidence stays: it says how sure the words were, not the rule.
            chosen = {"name": PAIN_INTENT, "confidence": intent.get("confidence") or 0.0}
            ranking = [
                i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != PAIN_INTENT
            ]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        return messages
