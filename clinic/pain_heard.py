"""When the model is unsure what a message is, a place that hurts makes it a pain description.

"my anlke is hurting me" or "My head hurts whenever I try to do something" name where it
hurts, yet a learned model can still rank them as a greeting or send them to the fallback
("Sorry, I didn't get that"). The clinic's vocabulary has already found the place; with a
word that says it hurts, and said as a statement rather than a question ("will my neck be
sore after?" is about after-care), the message describes a pain: the contract's
`describe_pain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from clinic import vocabulary

PAIN_INTENT = "describe_pain"
# What a pain description may be mistaken for. Not yes/no (they answer the intake's
# questions), not stop, booking or a request for a person: those stand even with a pain.
MISTAKEN_FOR = frozenset(
    {"nlu_fallback", "out_of_scope", "inform", "greet", "goodbye", "thanks", "bot_challenge"}
)
QUESTION_PREFIX = "ask_"
_QUESTION = re.compile(
    r"\?|(?:^|[,.;:!]\s*)(?:does|do|did|will|would|is|are|am|can|could|should|shall|how|what"
    r"|when|why|where|who|which|normal)\b"
)


_PAIN_WORD_LIST = sorted(vocabulary.PAIN_WORDS)


def says_it_hurts(text: str) -> bool:
    """Whether a word says something hurts ("hurts", "sore", "aching", "headache", "paiin")."""
    for match in vocabulary.word_matches(text):
        word = match.group()
        if word in vocabulary.PAIN_WORDS or vocabulary.typo_of(word, _PAIN_WORD_LIST):
            return True
        if word.endswith(("ache", "aches")) or vocabulary.is_pain_quality(vocabulary.spelled(word)):
            return True
    return False


def is_question(text: str) -> bool:
    return bool(_QUESTION.search(text.strip().lower()))


def heard_pain(text: str, intent: str, entities: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a message the model took for `intent` is really a pain description."""
    if intent not in MISTAKEN_FOR and not intent.startswith(QUESTION_PREFIX):
        return False
    place = any(e.get("entity") == "body_part" and not e.get("role") for e in entities)
    return place and says_it_hurts(text) and not is_question(text)
