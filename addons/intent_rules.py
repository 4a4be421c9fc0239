"""A rule that overrules the intent model: the shared part of PainHeard and ReferenceHeard.

A subclass says which intent its rule hears in a message (or None); the message is then
relabelled with it, first in the ranking. The model's own confidence stays: it says how
sure the words were, not the rule.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


class IntentRule(GraphComponent):
    """Relabels each message whose intent `heard` names (nothing to train)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentRule:
        return cls()

    def heard(self, message: Message) -> str | None:
        """The intent the rule hears in `message`, or None to leave the model's."""
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            name = self.heard(message)
            if name is None:
                continue
            intent = message.get(INTENT) or {}
            chosen = {"name": name, "confidence": intent.get("confidence") or 0.0}
            ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != name]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        return messages
