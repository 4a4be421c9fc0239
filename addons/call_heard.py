"""NLU component: a request for a person that asks to be called is a call-back request,
and a call-back the model heard without a word of a call is not one.

"Call me back please" and "can I talk to a real person" are close in meaning, and the model
splits them unsurely (0.52 against 0.48, below the fallback's margin). Who wants a call says
so in words ("ring me", "call back", "give me a bell"): when the model heard a person, or was
unsure between the two, those words decide. A thin adapter over `clinic.contact`.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.contact import asks_for_a_call

CALLBACK_INTENT = "request_callback"
# A request, not a question: a sentence opening "could someone...", "can you...",
# "please...", "have someone...", or telling to call ("Call me back.").
_REQUEST = re.compile(
    r"(?:^|[.!?:;]\s+)\W*(?:(?:hi|hello|hey|ok|okay|so|um|yes|yeah|fine|then|just)\W+)*"
    r"(?:could|can|would|will you|please|pls|plz|i'?d like|i want|i need|have|get|call|ring|"
    r"phone)\b",
    re.IGNORECASE,
)
# A number to be reached on ("you can call me on 646..."), or a call not wanted.
_NOT_A_REQUEST = re.compile(
    r"\b(?:call|ring|phone)\s+(?:me|us)\s+(?:on|at)\s*[+(\d]"
    r"|\b(?:don'?t|do not|no need to|never)\s+(?:\w+\s+)?(?:call|ring|phone)"
    # "I do NOT want a call", "no call needed", "cancel the call".
    r"|\b(?:not|n't|no)\s+(?:\w+\s+){0,2}(?:want|need)\w*\s+(?:a|any|the|your)?\s*(?:phone\s+)?call"
    r"|\bno\s+(?:phone\s+)?call\b|\bcancel\w*\s+(?:\w+\s+){0,2}call"
    # A question about a call, not a request: "is anybody going to ring me or not?"
    r"|(?:^|[.!?]\s+)\W*(?:is|are|will|did|does|has|have|was|so)\b[^.?!]*\b(?:call|ring|phone)[^.!]*\?",
    re.IGNORECASE,
)
PERSON_INTENTS = frozenset({"human_handoff", CALLBACK_INTENT})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CallHeard(IntentRule):
    """Sets `request_callback` on a request for a person that asks for a call."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name")
        ranked = [i.get("name") for i in (message.get(INTENT_RANKING_KEY) or [])[:3]]
        text = message.get(TEXT) or ""
        unsure_between = intent == "nlu_fallback" and PERSON_INTENTS & set(ranked)
        # "Could someone from the clinic ring me about it?" asks for a call, whatever
        # question the model heard in it (where the clinic is, side effects); "will you
        # call me before the appointment?" asks about the clinic.
        # "Have someone call me: Alex Romano, 646..., Monday 1-2 pm" asks for a call,
        # whatever the model made of it (a booking, where the clinic is, side effects);
        # "will you call me before the appointment?" asks about the clinic.
        asked = intent not in (CALLBACK_INTENT, "red_flag") and _REQUEST.search(text)
        if (
            (intent == "human_handoff" or unsure_between or asked)
            and asks_for_a_call(text)
            and not _NOT_A_REQUEST.search(text)
        ):
            return CALLBACK_INTENT
        no_call = not asks_for_a_call(text) or _NOT_A_REQUEST.search(text)
        if intent == CALLBACK_INTENT and not text.startswith("/") and no_call:
            # "Sorry gotta go, she's calling me": no call asked for, whatever the model made
            # of "calling"; the model's next guess.
            return next((name for name in ranked[1:] if name), None)
        return None
