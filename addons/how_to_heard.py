"""NLU component: a question about how cancelling or moving works ("how do I cancel if
something comes up? is there a fee?") is a question for the clinic's answers, not a
request to cancel now.

A thin adapter over `clinic.booking.asks_how_to_change`.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import asks_how_to_change

_CHANGES = frozenset({"cancel_booking", "reschedule_booking"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class HowToHeard(IntentRule):
    """Sets `ask_clinic` on a question about how a booking is changed."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        if intent in _CHANGES and asks_how_to_change(message.get(TEXT) or ""):
            return "ask_clinic"
        return None
