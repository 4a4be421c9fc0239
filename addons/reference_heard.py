"""NLU component: a short message with a booking reference in it answers the question for it.

Booking references are six random characters ("it's k7p4qm"), which the intent model can
only guess at: about one in twenty came out as `stop`, which ended the cancel form, and
others as a denial or a greeting (found end to end; `make nlu-dev` has no references). A
thin adapter over `clinic.booking.is_reference_answer`; it runs before the SafetyScreen,
whose red flags still overrule it.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import is_reference_answer

ANSWER_INTENT = "inform"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReferenceHeard(IntentRule):
    """Sets `inform` on a short message that gives a booking reference."""

    def heard(self, message: Message) -> str | None:
        return ANSWER_INTENT if is_reference_answer(message.get(TEXT) or "") else None
