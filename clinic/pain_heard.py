"""When the model is unsure what a message is, a place that hurts makes it a pain description.

"my anlke is hurting me" or "My head hurts whenever I try to do something" name where it
hurts, yet a learned model can still rank them as a greeting or send them to the fallback
("Sorry, I didn't get that"). The clinic's vocabulary has already found the place; with a
word that says it hurts, was injured or won't move, and said as a statement rather than a
question ("will my neck be sore after?" is about after-care), the message describes a pain
or physical complaint: the contract's `describe_pain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from clinic import vocabulary

PAIN_INTENT = "describe_pain"
# What a pain description may be mistaken for. Not yes/no (they answer the intake's
# questions), not stop or a request for a person: those stand even with a pain.
MISTAKEN_FOR = frozenset(
    {"nlu_fallback", "out_of_scope", "inform", "greet", "goodbye", "thanks", "bot_challenge"}
)
QUESTION_PREFIX = "ask_"
# A booking request stands only when it speaks of a booking: "i can't move my leg" is not
# "can you move my appointment".
BOOKING_INTENTS = frozenset({"request_booking", "reschedule_booking", "cancel_booking"})
_BOOKING_WORDS = re.compile(
    r"\b(?:appointments?|appt|book\w*|consult\w*|sessions?|slots?|visits?|resched\w*|cancel\w*"
    r"|time|date|day|week|today|tomorrow|tonight|morning|afternoon|evening|mon|tue|wed|thu|fri"
    r"|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|am|pm|o'?clock|\d+)\b"
)
# Muscles and joints are where the clinic works, named without saying which.
_UNNAMED_PLACES = re.compile(r"\b(?:muscles?|joints?)\b")
# An injury or a movement that won't come is a physical complaint even without "pain".
_INJURED = frozenset(
    {
        "sprain", "sprained", "strain", "strained", "twisted", "tweaked", "pulled", "jarred",
        "kicked", "knocked", "banged", "bumped", "bruised", "whacked", "hit",
    }
)  # fmt: skip
_CANNOT_MOVE = re.compile(
    r"\b(?:can'?t|cannot|can not|unable to|struggle to|struggling to|hard to)\s+"
    r"(?:\w+\s+)?(?:move|turn|rotate|bend|lift|raise|straighten|twist|reach|grip|look)\b"
)
# Everyday ways of saying a place hurts: "my back is wrecked", "my neck is playing up".
_SAID_AS_AN_IDIOM = re.compile(
    r"\b(?:wrecked|wrecking|killing me|kiling me|murdering me|playing up|acting up|messed up|"
    r"giving me (?:grief|hell|trouble|gyp)|bothering me|in bits|shot to pieces)\b"
)
_QUESTION = re.compile(
    r"\?|(?:^|[,.;:!]\s*)(?:does|do|did|will|would|is|are|am|can|could|should|shall|how|what"
    r"|when|why|where|who|which|normal)\b"
)


_PAIN_WORD_LIST = sorted(vocabulary.PAIN_WORDS)


def says_it_hurts(text: str) -> bool:
    """Whether the words say something hurts ("hurts", "sore", "aching", "headache", "paiin"),
    was injured ("sprained", "kicked") or won't move ("can't turn")."""
    if _CANNOT_MOVE.search(text.lower()) or _SAID_AS_AN_IDIOM.search(text.lower()):
        return True
    words = [match.group() for match in vocabulary.word_matches(text)]
    foreign = vocabulary.foreign_words(words)
    for word in words:
        if word in vocabulary.PAIN_WORDS or word in _INJURED:
            return True
        if word in foreign:
            continue  # Italian "anche" (also), German "Sache" (thing): no ache
        if vocabulary.typo_of(word, _PAIN_WORD_LIST):
            return True
        if word.endswith(("ache", "aches")) or vocabulary.is_pain_quality(vocabulary.spelled(word)):
            return True
    return False


def is_question(text: str) -> bool:
    return bool(_QUESTION.search(text.strip().lower()))


def heard_pain(text: str, intent: str, entities: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a message the model took for `intent` is really a pain description."""
    lowered = text.lower()
    if intent in BOOKING_INTENTS:
        if _BOOKING_WORDS.search(lowered):
            return False
    elif intent not in MISTAKEN_FOR and not intent.startswith(QUESTION_PREFIX):
        return False
    # A place of someone else's counts: "my wifes neck is killing her" is the pain of the
    # patient a relative writes for (outside run 75 p07); the intake decides whose it is.
    place = _UNNAMED_PLACES.search(lowered) or any(
        e.get("entity") == "body_part" and e.get("role") in (None, "others") for e in entities
    )
    if not place:
        return False
    # "My lower back is killing me. Can you do the needle thing?": the pain told first, the
    # question in a sentence of its own (outside run 50: "Sorry, I didn't quite understand").
    first = re.split(r"(?<=[.!])\s+", text.strip())[0]
    if first != text.strip() and says_it_hurts(first) and not is_question(first):
        return True
    return says_it_hurts(text) and not is_question(text)
