"""NLU component: a short message with a booking reference in it answers the question for it.

Booking references are six random characters ("it's k7p4qm"), which the intent model can
only guess at: about one in twenty came out as `stop`, which ended the cancel form, and
others as a denial or a greeting (found end to end; `make nlu-dev` has no references). A
thin adapter over `clinic.booking.is_reference_answer`; it runs before the SafetyScreen,
whose red flags still overrule it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.booking import is_reference_answer

ANSWER_INTENT = "inform"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReferenceHeard(GraphComponent):
    """Sets `inform` on a short message that gives a booking reference."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ReferenceHeard:
        """Creates the component (nothing to train)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if not is_reference_answer(message.get(TEXT) or ""):
                continue
            intent = message.get(INTENT) or {}
            chosen = {"name": ANSWER_INTENT, "confidence": intent.get("confidence") or 0.0}
            ranking = [
                i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != ANSWER_INTENT
            ]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        return messages
