"""NLU component: a time asked as a question ("next tuesday after 5pm?", "is 3pm ok?") is
a time offered for the booking, whatever the model made of the question mark.

A thin adapter over `clinic.preferred_time.time_asked`; a question about the clinic ("are
you open on Saturday?") stays a question.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.preferred_time import time_asked

# What the model may have made of it; a booking request or a pain stays as it is.
_MISHEARD = frozenset({"nlu_fallback", "greet", "out_of_scope", "ask_clinic"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TimeHeard(IntentRule):
    """Sets `inform` on a time asked as a question."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        if intent in _MISHEARD and time_asked(message.get(TEXT) or ""):
            return "inform"
        return None
