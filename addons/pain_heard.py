"""NLU component: a message that names a place that hurts is a pain description, even when
the model ranked it otherwise or was unsure (a thin adapter over `clinic.pain_heard`).

It runs after the FallbackClassifier (so "my anlke is hurting me" is not answered with
"Sorry, I didn't get that") and before the SafetyScreen (whose red flags overrule it).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.intent_rules import IntentRule
from clinic.pain_heard import PAIN_INTENT, heard_pain


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PainHeard(IntentRule):
    """Sets `describe_pain` where the clinic's vocabulary hears a pain the model missed."""

    def heard(self, message: Message) -> str | None:
        intent = (message.get(INTENT) or {}).get("name") or ""
        said = heard_pain(message.get(TEXT) or "", intent, message.get(ENTITIES) or [])
        return PAIN_INTENT if said else None
