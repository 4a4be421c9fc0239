"""NLU component: "skip", "next question" or "can we skip that one" is an answer to the
form's question (it leaves that one question), never "stop" (which ends the chat); and a
"stop" the model heard without a word of stopping is a question (`ask_clinic`: "how many
more questions?") or an answer (`inform`: "I said no already").

A thin adapter over `clinic.intake.asks_to_skip`; the form then moves on (see
`actions.intake`).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.booking import wants_a_booking
from clinic.intake import asks_to_skip, asks_to_stop
from clinic.knowledge import asks_somewhere

ANSWER_INTENT = "inform"
QUESTION_INTENT = "ask_clinic"
BOOKING_INTENT = "request_booking"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SkipHeard(IntentRule):
    """Sets `inform` on a short request to skip the question, and `ask_clinic` or `inform`
    on a question or an answer the model took for a stop."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent != "red_flag" and asks_to_skip(text):
            return ANSWER_INTENT
        if intent == "stop" and not asks_to_stop(text):
            # "no. how many more questions lol" asks; "I said no already" answers; "I didn't
            # mean stop, I want to book her in" asks to book (outside run 68 p03).
            if wants_a_booking(text):
                return BOOKING_INTENT
            return QUESTION_INTENT if asks_somewhere(text) else ANSWER_INTENT
        return None
