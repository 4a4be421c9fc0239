"""NLU component: a message in another language gets `other_language`, whatever intent
the model guessed; the chat says it can only chat in English for now, with the phone
(clinic.language.other_language decides)."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.language.other_language import other_language

OTHER_LANGUAGE = "other_language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OtherLanguage(IntentRule):
    """Sets `other_language` on a message clearly not written in English (not a button)."""

    def heard(self, message: Message) -> str | None:
        text = message.get(TEXT) or ""
        if text.startswith("/"):
            return None
        return OTHER_LANGUAGE if other_language(text) else None
