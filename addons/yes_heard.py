"""NLU component: a yes that comes with a time ("yes. next wednesday morning", "sure,
thursday afternoon") is a yes, whatever the model made of the time words; so is a plain
yes or no said before a question of the patient's own ("yes. do you take aetna?").

A yes or no said with thanks and a goodbye ("Yes, thank you! Bye bye") is the answer, the
goodbye after it; a "goodbye" the model heard in a longer message that takes no leave in
words ("The night one, yes") is the model's next reading.

A thin adapter over `clinic.preferred_time.yes_and_a_time` and `clinic.intake`'s answer
before a question; the booking then keeps the time (`actions.booking.start_task` reads it
from the same message), and the question is answered first (`actions.every_message`).
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.intake import answer_before_question
from clinic.preferred_time import yes_and_a_time, yes_with_times_asked
from clinic.safety.answers import (
    answer_before_closing,
    says_goodbye,
    without_said_again,
    yes_or_no,
)

# What the model may have made of it; a booking request or a question stays as it is.
# "Yes. I can come only after work, after 6 evening": a time of day the model heard as
# when the pain is (outside run 47), hence `describe_pain` too.
_MISHEARD = frozenset(
    {"inform", "nlu_fallback", "greet", "out_of_scope", "ask_clinic", "describe_pain"}
)
# A yes or no the model took for its goodbye or thanks.
_CLOSING_INTENTS = frozenset({"goodbye", "thanks"})
# A refusal with thanks ("no thanks, ...", "nah thank you"), not "no, thanks to the pills".
_NO_THANKS = re.compile(r"\W*(?:no|nope|nah)\W+(?:thanks|thank you|ty|thx)\b(?!\s+to\b)", re.I)
# Kept as the model heard them, though they open with "no thanks".
_NOT_A_REFUSAL = frozenset({"deny", "red_flag", "stop", "goodbye", "thanks"})
# A question within a message that opens with a yes or no ("no but does it hurt much").
_ASKS_WITHIN = re.compile(
    r"\?|\b(?:does|do|is|are|can|will|would|could|should|how|what|when|where|why|which|"
    r"wondering|wonder)\s+(?:it|i|you|they|the|that|this|there|my|we|he|she|if|whether)\b",
    re.IGNORECASE,
)
# A yes or no this short before the question is the answer ("yes please.", "no, none").
_PLAIN = 4


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class YesHeard(IntentRule):
    """Sets `affirm` on a yes said with a time, `affirm` or `deny` on a plain yes or no
    said before a question or a goodbye; takes back a goodbye that takes no leave."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name") or ""
        text = message.get(TEXT) or ""
        # "Yes please, thursday next week" reads like moving a booking: it is a yes.
        misheard = (
            intent in _MISHEARD or intent.startswith("ask_") or intent == "reschedule_booking"
        )
        if misheard and (("?" not in text and yes_and_a_time(text)) or yes_with_times_asked(text)):
            return "affirm"
        if intent == "goodbye" and len(text.split()) > _PLAIN and not says_goodbye(text):
            # "The night one, yes, I told you that": no leave taken, whatever "night" is to
            # the model. The next reading counts.
            ranking = [i.get("name") for i in message.get(INTENT_RANKING_KEY) or []]
            return next((name for name in ranking if name and name != "goodbye"), "inform")
        closing = intent in _CLOSING_INTENTS or (intent == "nlu_fallback" and says_goodbye(text))
        if closing and (said := yes_or_no(answer_before_closing(text))) is not None:
            # "Yes, thank you! Bye bye" to "shall I book it?": the answer, then the goodbye.
            return "affirm" if said else "deny"
        if intent not in _NOT_A_REFUSAL and _NO_THANKS.match(text):
            # "No thanks, I'll just wait for the call on Tuesday": a no, whatever the model
            # made of the reason after it (the price, a time, a call called off).
            return "deny"
        again = without_said_again(text)
        if again != text.strip() and len(again.split()) <= _PLAIN and intent in _MISHEARD:
            # "I said no lol": the answer given again, whatever the model made of it
            # (outside run 115 p07: "Sorry, I didn't catch that").
            said = yes_or_no(again)
            if said is not None:
                return "affirm" if said else "deny"
        said = yes_or_no(text)
        if intent.startswith("ask_") and said is not None and not _ASKS_WITHIN.search(text):
            # "nah im good w needles i think" to the needling checklist: told, asking
            # nothing, whatever the model made of "needles" (outside run 52).
            return "affirm" if said else "deny"
        lead = answer_before_question(text)
        if (
            lead
            and len(lead.split()) <= _PLAIN
            and (intent in _MISHEARD or intent.startswith("ask_"))
        ):
            said = yes_or_no(lead)
            return None if said is None else "affirm" if said else "deny"
        return None
