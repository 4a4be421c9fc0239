"""NLU component: the clinic's vocabulary and intake parsers as Rasa entities.

A thin adapter over `clinic.vocabulary` and `clinic.parsing`, and the pipeline's only
extractor of body parts, pain qualities, sides and complaints: each reaches the tracker as
a canonical value. It runs after spaCy's NER and the synonym mapper.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic import parsing, vocabulary
from clinic.language import context

VOCABULARY_ENTITIES = frozenset(vocabulary.VOCABULARY)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ClinicEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Canonical body parts, qualities, sides and complaints; duration, severity, spread."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicEntityExtractor:
        """Creates the component (it has no state and nothing to train)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Rewrites each message's entities; see `clinic_entities`."""
        for message in messages:
            text = message.get(TEXT) or ""
            message.set(
                ENTITIES, clinic_entities(text, message.get(ENTITIES, [])), add_to_output=True
            )
        return messages


# Hair brushed, combed or washed: an everyday task that may hurt, not a complaint of hair.
_GROOMED = re.compile(
    r"\b(?:brush|brushes|brushing|comb|combs|combing|wash|washes|washing|dry|dries|drying|do|"
    r"does|doing|tie|ties|tying|style|styling|plait|plaiting)\s+(?:my|his|her|their|the)\s*$",
    re.IGNORECASE,
)


def _the_patients_complaints(
    terms: list[vocabulary.Term], text: str, from_model: Collection[int] = ()
) -> list[vocabulary.Term]:
    """The terms, less the complaints that are someone else's, over, denied ("my
    husband's heart condition", "a lump two years ago, all clear") or said to be well
    ("sleeps fine"). The vocabulary reads its own denials ("can't sleep" is the complaint
    itself); the model's complaints (their ids in `from_model`) have none, so the context's
    are read for them ("no snoring")."""
    complaints = [t for t in terms if t.entity == "other_complaint" and t.start >= 0]
    # The writer is the patient when a pain of theirs is in the message too ("my knee
    # hurts"); "my son has a rash on his arm" tells the son's.
    own_pain = any(t.entity == "body_part" and t.role in (None, "also") for t in terms)
    found = context.contexts_in_text(text, [(t.start, t.end) for t in complaints])
    dropped = {
        id(t)
        for t, c in zip(complaints, found, strict=True)
        if c.well
        or (c.negated and id(t) in from_model)
        or not c.own_now(own_pain)
        or (t.value == "hair" and _GROOMED.search(text[: t.start]))
    }
    return [t for t in terms if id(t) not in dropped]


def clinic_entities(text: str, model_entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The message's entities with the clinic's vocabulary applied.

    The vocabulary decides wherever it knows the words; the model's entities count where
    it does not, if their value maps to a canonical one. Roles mark where pain spreads.
    """
    terms = vocabulary.find_terms(text)
    kept = [
        entity
        for entity in model_entities
        if entity.get("entity") not in VOCABULARY_ENTITIES
        or not any(_overlaps(entity, term) for term in terms)
    ]
    entities: list[dict[str, Any]] = []
    model_terms: list[vocabulary.Term] = []
    for entity in kept:
        if entity.get("entity") not in VOCABULARY_ENTITIES:
            entities.append(entity)
            continue
        said = text[entity["start"] : entity["end"]]
        value = vocabulary.canonical(entity["entity"], str(entity.get("value", ""))) or (
            vocabulary.canonical(entity["entity"], said)
        )
        if value:
            model_terms.append(
                vocabulary.Term(entity["entity"], value, entity["start"], entity["end"], said)
            )
    # The model's complaints are read in their context as the vocabulary's are ("sleeps
    # fine", "no snoring"): a term the vocabulary denied keeps the model's out of its place.
    ordered = _the_patients_complaints(
        sorted([*terms, *model_terms], key=lambda term: term.start),
        text,
        {id(term) for term in model_terms},
    )
    entities.extend(
        _as_entity(term) for term in _whose(vocabulary.assign_roles(ordered, text), text)
    )

    facts = []
    duration = parsing.find_duration(text)
    if duration:
        facts.append(_span_entity(text, "pain_duration", duration.text, duration.text))
    severity = parsing.find_severity(text)
    if severity:
        said, score = severity
        facts.append(_span_entity(text, "pain_severity", said, f"{score:g}"))
    # "for 3 weeks" is how long it has hurt, not a date to book: drop spaCy's DATE there.
    entities = [
        entity
        for entity in entities
        if entity.get("entity") not in ("DATE", "TIME")
        or not any(_overlaps(entity, fact) for fact in facts)
    ]
    return sorted([*entities, *facts], key=lambda entity: entity["start"])


# Roles of a place the patient may feel pain in; "others" marks one told of someone else.
_PAINFUL_ROLES = (None, "also", "radiates_to")


def _whose(terms: list[vocabulary.Term], text: str) -> list[vocabulary.Term]:
    """Places told of someone else ("my husband has a bad back") get the role "others":
    the intake decides whether the writer is telling of the patient (a parent for a
    child) or beside them."""
    places = [t for t in terms if t.entity == "body_part" and t.role in _PAINFUL_ROLES]
    if not places:
        return terms
    whose = context.someone_elses(text, [(t.start, t.end) for t in places])
    others = {id(t) for t, of_another in zip(places, whose, strict=True) if of_another}
    return [replace(t, role="others") if id(t) in others else t for t in terms]


def _overlaps(entity: dict[str, Any], other: vocabulary.Term | dict[str, Any]) -> bool:
    start, end = (
        (other.start, other.end)
        if isinstance(other, vocabulary.Term)
        else (other["start"], other["end"])
    )
    return entity["start"] < end and start < entity["end"]


def _as_entity(term: vocabulary.Term) -> dict[str, Any]:
    entity = {
        "entity": term.entity,
        "value": term.value,
        "start": term.start,
        "end": term.end,
        "extractor": ClinicEntityExtractor.__name__,
    }
    if term.role:
        entity["role"] = term.role
    return entity


def _span_entity(text: str, name: str, said: str, value: str) -> dict[str, Any]:
    start = max(text.lower().find(said.lower()), 0)
    return {
        "entity": name,
        "value": value,
        "start": start,
        "end": start + len(said),
        "extractor": ClinicEntityExtractor.__name__,
    }
