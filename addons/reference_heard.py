"""NLU component: a short message with a booking reference in it answers the question for it.

Booking references are six random characters ("it's k7p4qm"), which the intent model can
only guess at: about one in twenty came out as `stop`, which ended the cancel form, and
others as a denial or a greeting (found end to end; `make nlu-dev` has no references). A
thin adapter over `clinic.booking.is_reference_answer`; it runs before the SafetyScreen,
whose red flags still overrule it. A request to cancel or move a booking that names its
reference ("ref P7KD2W, please cancel it") stays that request: the booking form takes the
reference from it.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import is_reference_answer

ANSWER_INTENT = "inform"
# Requests that may carry their own reference; made into an answer, they would be lost.
REQUESTS_WITH_A_REFERENCE = {"cancel_booking", "reschedule_booking"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReferenceHeard(IntentRule):
    """Sets `inform` on a short message that gives a booking reference."""

    def heard(self, message: Message) -> str | None:
        if (message.get(INTENT) or {}).get("name") in REQUESTS_WITH_A_REFERENCE:
            return None
        return ANSWER_INTENT if is_reference_answer(message.get(TEXT) or "") else None
