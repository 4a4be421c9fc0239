"""NLU component: the red-flag rules on every message, whatever the model predicted.

A thin adapter over `clinic.safety`. It adds `warning_sign` and `contraindication`
entities (role `denied` when the patient says they do not have it), a `safety_question`
entity naming the direct question due for what the message touched (in words, or in
meaning: `clinic.safety.meaning`), and, when the rules
raise a red flag, sets the intent to `red_flag` with full confidence so that the dialogue
rules answer it at once. A `red_flag` predicted by the model alone counts only when the
model is confident and the message holds a warning sign the rules know (a partial
pattern); otherwise the next intent stands. The model only adds to the rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.minilm import encoder
from addons.sentence_meaning import token_features
from clinic import safety
from clinic.knowledge import looks_like_question
from clinic.language import english
from clinic.safety.meaning import MeaningReader, margin_for, pooled
from clinic.vocabulary import mended

RED_FLAG_INTENT = "red_flag"
# Below this confidence a model-only `red_flag` gives way to the next intent.
MODEL_MIN_CONFIDENCE = 0.6
PAIN_INTENT = "describe_pain"
TOLD_INTENT = "inform"
# Below this the next guess is no reading at all (config.yml's FallbackClassifier threshold).
UNSURE_BELOW = 0.4
PAIN_ENTITIES = frozenset({"body_part", "pain_quality"})
ENTITY_OF_KIND = {safety.SIGN: "warning_sign", safety.CONTRAINDICATION: "contraindication"}
QUESTION_ENTITY = "safety_question"
# The featurizer whose sentence meaning is compared with the red-flag topics.
MEANING_FEATURES = "sentence_meaning"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SafetyScreen(GraphComponent):
    """Warning signs and contraindications as entities; rule-raised red flags as the intent."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.model_min_confidence = float(config.get("model_min_confidence", MODEL_MIN_CONFIDENCE))

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The confidence a model-only `red_flag` needs."""
        return {"model_min_confidence": MODEL_MIN_CONFIDENCE}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyScreen:
        """Creates the component (nothing to train)."""
        return cls(config)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyScreen:
        """The component of a model loaded to serve: the topics' meanings and the safety
        reading's patterns made now, not on the first patient's message."""
        meaning_reader()
        safety.screen("my lower back hurts")
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Screens each message; see the module docstring."""
        for message in messages:
            text = message.get(TEXT) or ""
            meanings = meanings_of(message)
            margin = margin_for(text)
            near = meaning_reader().near(*meanings, margin=margin) if meanings else ()
            near = _read_as_meant(text, near)
            screening = safety.screen(text, message.get(SPACY_DOCS[TEXT]), near=near)
            entities = [*message.get(ENTITIES, []), *entities_of(screening)]
            message.set(ENTITIES, entities, add_to_output=True)
            if screening.flags:
                set_intent(message, RED_FLAG_INTENT, 1.0)
            else:
                self._check_model_red_flag(message, safety.backs_model_red_flag(screening))
        return messages

    def _check_model_red_flag(self, message: Message, backed: bool) -> None:
        intent = message.get(INTENT) or {}
        if intent.get("name") != RED_FLAG_INTENT:
            return
        confidence = intent.get("confidence") or 0.0
        if backed and confidence >= self.model_min_confidence:
            return
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] != RED_FLAG_INTENT]
        # The model was sure it heard a complaint; with a body part or a pain word in it that
        # is a pain description. The next intent in its ranking is close to a guess.
        entities = {entity.get("entity") for entity in message.get(ENTITIES, [])}
        if entities & PAIN_ENTITIES:
            ranking = [
                {"name": PAIN_INTENT, "confidence": confidence},
                *(i for i in ranking if i["name"] != PAIN_INTENT),
            ]
        unsure = ranking and (ranking[0].get("confidence") or 0.0) < UNSURE_BELOW
        # A question keeps the model's next reading: the clinic's answers read it too.
        telling = not looks_like_question(message.get(TEXT) or "")
        if unsure and telling and ranking[0]["name"] != PAIN_INTENT:
            # "I told you already, night is the worst. No fever.": a guess the model was
            # unsure of (a goodbye at 0.21) is no reading; the message tells something
            # (outside run 70 p02: "Goodbye, and take care" mid-screen).
            ranking = [{"name": TOLD_INTENT, "confidence": confidence},
                       *(i for i in ranking if i["name"] != TOLD_INTENT)]  # fmt: skip
        if ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


@lru_cache(maxsize=1)
def meaning_reader() -> MeaningReader:
    """The topics by meaning, their descriptions encoded by the sentence model once."""
    return MeaningReader(lambda text: encoder().encode(text).sentence)


def topics_near(text: str) -> tuple[str, ...]:
    """The topics near `text`'s meaning, outside the pipeline (evaluation, tests): encoded
    and pooled per spaCy token as `SentenceMeaning` and `meanings_of` do in it."""
    return _read_as_meant(text, _topics_near(text))


def _read_as_meant(text: str, near: tuple[str, ...]) -> tuple[str, ...]:
    """A typo of a body word ("sholder") moves a message's meaning: what is near is read
    again with it mended ("my sholder is killin me" is a pain, not a crisis)."""
    if near and (fixed := mended(text)) != text.lower():
        return _topics_near(fixed)
    return near


def _topics_near(text: str) -> tuple[str, ...]:
    encoded = encoder().encode(text)
    spans = [(t.idx, t.idx + len(t.text)) for t in english().tokenizer(text)]
    clauses = pooled(token_features(encoded, spans), spans, text)
    return meaning_reader().near(encoded.sentence, *clauses, margin=margin_for(text))


def meanings_of(message: Message) -> list[np.ndarray]:
    """The message's meaning and its clauses', from the features `SentenceMeaning` (alias
    `sentence_meaning`) left: the sentence's, and the mean of each clause's tokens."""
    sequence, sentence = message.get_dense_features(TEXT, featurizers=[MEANING_FEATURES])
    if sentence is None:
        return []
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    spans = [(token.start, token.end) for token in tokens]
    clauses = []
    if sequence is not None and len(spans) == sequence.features.shape[0]:
        clauses = pooled(sequence.features, spans, message.get(TEXT) or "")
    return [sentence.features.reshape(-1), *clauses]


def set_intent(message: Message, name: str, confidence: float) -> None:
    chosen = {"name": name, "confidence": confidence}
    ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


def entities_of(screening: safety.Screening) -> list[dict[str, Any]]:
    """The signs and contraindications found, and the direct question due, as entities."""
    found = [m for m in screening.mentions if m.kind in ENTITY_OF_KIND]
    # The direct question for what the message touched and the rules could not decide.
    questions = [_question_entity(question.name) for question in screening.questions]
    aside = [{**_as_entity(m), "role": safety.SET_ASIDE} for m in screening.set_aside]
    others = [{**_as_entity(m), "role": safety.SOMEONE_ELSE} for m in screening.others]
    return [*map(_as_entity, found), *aside, *others, *questions]


def _question_entity(name: str) -> dict[str, Any]:
    return {"entity": QUESTION_ENTITY, "value": name, "extractor": SafetyScreen.__name__}


def _as_entity(mention: safety.Mention) -> dict[str, Any]:
    entity = {
        "entity": ENTITY_OF_KIND[mention.kind],
        "value": mention.name,
        "start": mention.start,
        "end": mention.end,
        "extractor": SafetyScreen.__name__,
    }
    if mention.denied:
        entity["role"] = "denied"
    return entity
