"""NLU component: "skip", "next question" or "can we skip that one" is an answer to the
form's question (it leaves that one question), never "stop" (which ends the chat).

A thin adapter over `clinic.intake.asks_to_skip`; the form then moves on (see
`actions.intake`).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.intake import asks_to_skip

ANSWER_INTENT = "inform"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SkipHeard(IntentRule):
    """Sets `inform` on a short request to skip the question."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        skips = intent != "red_flag" and asks_to_skip(message.get(TEXT) or "")
        return ANSWER_INTENT if skips else None
