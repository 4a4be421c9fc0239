"""NLU component: a yes that comes with a time ("yes. next wednesday morning", "sure,
thursday afternoon") is a yes, whatever the model made of the time words.

A thin adapter over `clinic.preferred_time.yes_and_a_time`; the booking then keeps the
time (`actions.booking.start_task` reads it from the same message).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.preferred_time import yes_and_a_time

# What the model may have made of it; a booking request or a question stays as it is.
_MISHEARD = frozenset({"inform", "nlu_fallback", "greet", "out_of_scope", "ask_clinic"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class YesHeard(IntentRule):
    """Sets `affirm` on a yes said with a time."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent in _MISHEARD and "?" not in text and yes_and_a_time(text):
            return "affirm"
        return None
