"""NLU component: booking words the intent model misreads, read by rule.

- A time asked as a question ("next tuesday after 5pm?", "is 3pm ok?") is a time offered
  (`inform`), not a question about the clinic; "are you open on Saturday?" stays one.
- A question about how cancelling or moving works ("how do I cancel if something comes
  up? is there a fee?") is a question (`ask_clinic`), not a request to cancel now; so is
  any "cancellation" said without a word of changing ("can I come without my mum?").
- A message the model could not place that asks for a consultation ("need a consultation
  for my neck, thursday next week at 5pm") is a booking request.

A thin adapter over `clinic.preferred_time` and `clinic.booking`.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import asks_how_to_change, asks_to_book, names_a_change
from clinic.preferred_time import time_asked

# What the model may have made of a time or a booking request.
_UNSURE = frozenset({"nlu_fallback", "greet", "out_of_scope"})
_CHANGES = frozenset({"cancel_booking", "reschedule_booking"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BookingHeard(IntentRule):
    """Sets `inform`, `ask_clinic` or `request_booking` where the rules above hear them."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent in _UNSURE | {"ask_clinic"} and time_asked(text):
            return "inform"
        if intent in _CHANGES and (asks_how_to_change(text) or not names_a_change(text)):
            return "ask_clinic"
        if intent in _UNSURE and asks_to_book(text):
            return "request_booking"
        return None
