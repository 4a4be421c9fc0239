"""NLU component: a message with no words ("?", "...", a blank), or a bare "help", says
nothing yet; it gets a friendly prompt, not "I can only help with..." nor "I don't know".

A thin rule over the text; any intent the model guessed is replaced. Emoji are left to
the model: a thumbs-up is a yes.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule

NOTHING_SAID = "nothing_said"
# Only spaces and punctuation: an emoji says something ("👍" is a yes), these do not.
_NO_WORDS = re.compile(r"[\s!-/:-@\[-`{-~\u2026\u2013\u2014]*")
# A bare call for help ("help", "help me?") says nothing of what is wrong yet either: the
# prompt says what the chat can do ("You're welcome" was the model's guess).
_BARE_HELP = re.compile(
    r"[\s\W]*(?:help|help me|help pls|help please|please help|can you help(?: me)?)[\s\W]*",
    re.IGNORECASE,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NothingSaid(IntentRule):
    """Sets `nothing_said` on a message of spaces and punctuation only (not a button)."""

    def heard(self, message: Message) -> str | None:
        text = message.get(TEXT) or ""
        if text.startswith("/"):
            return None
        return NOTHING_SAID if _NO_WORDS.fullmatch(text) or _BARE_HELP.fullmatch(text) else None
