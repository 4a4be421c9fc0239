"""Red-flag topics read by meaning: what no word list foresaw, a direct question still catches.

Suicidal thinking is said in more ways than any list of words holds ("I've stopped caring
whether I wake up", "they'd cope fine without me"). A sentence model's meaning of the message
is compared with plain descriptions of each topic; when it is close, the topic's direct
question is asked (never a flag by itself: a learned reader adds recall, the rules decide).

The descriptions are the clinical screening questions in the first person: for suicidal
thinking the Columbia Suicide Severity Rating Scale's screener (Posner et al. 2011, Am J
Psychiatry 168:1266), with a few everyday phrasings of the same items. The caller brings
the encoder (`addons.minilm` in the assistant), so this stays plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

# Direct question (clinic.safety.red_flags.DIRECT_QUESTIONS) -> what it is about.
MEANINGS: dict[str, tuple[str, ...]] = {
    "check_safe": (
        # C-SSRS screener, items 1 to 6.
        "I wish I were dead",
        "I wish I could go to sleep and not wake up",
        "I have thoughts of killing myself",
        "I have been thinking about how I might kill myself",
        "I have thought about ending my life and might act on it",
        "I have worked out how I would end my life",
        "I have done things to prepare to end my life",
        # The same, in everyday words.
        "I don't want to be alive any more",
        "everyone would be better off without me",
        "I want the pain to end for good, I don't want to go on living",
        "I have been hurting myself on purpose",
        "I feel like there is no reason to keep living",
    ),
}
# Everyday things said in the same words ("can I come without my mum?" is near "they'd be
# better off without me"): a message nearer one of these than its topic is not about it.
EVERYDAY: dict[str, tuple[str, ...]] = {
    "check_safe": (
        "can I come to the appointment on my own",
        "do I need to bring my mum or someone with me",
        "can I come without a parent",
        "is it ok if I come alone to the clinic",
        "can my friend come with me to the consultation",
        "I live on my own so nobody can drive me",
        # "Killing me" is how pain is said; typos ("killin") bring it nearer the topic.
        "my back is killing me",
        "my shoulder is killing me, it hurts so much",
        # Pain that spoils sleep is common; not waking up again is the topic.
        "I can't sleep at night",
        # When pain is worst is told by waking (outside run 31: "worst when I wake up" was
        # asked the suicide question twice); not waking up at all is the topic. A second
        # anchor ("worse first thing after waking") cost two crisis sentences of the sets
        # ("some mornings I think about stepping in front of the train"): left out.
        "my back is stiff and sore when I wake up in the morning",
        # Weighing up the appointment (outside run 14): no thought of dying.
        "I want to think about it before I decide to book",
        # Stress, and a question about the chat's own notes (outside run 19): near "hurting
        # myself" by their words alone. Neither costs a crisis sentence of any set.
        "I've been really stressed at work lately",
        "what have you written down about my pain so far",
        # Sick in the mornings is nausea, not being sick of life (outside run 62: a pregnant
        # woman's morning sickness was asked the crisis question).
        "I feel sick in the mornings",
        # A parent staying at the appointment (outside run 73 p06: "do i have to stay?" was
        # asked the crisis question).
        "do I have to stay at the appointment with my child",
        "should I stay in the room or wait outside",
        "do we need to stay the whole time",
        # Pain at its worst in the small hours, waking the patient (outside run 73 p07:
        # "worst is 3am, wakes me up, nothing helps" was asked the crisis question).
        "the pain is worst at night, it wakes me up and I end up sleeping in a chair",
        # A score told with when it is worst (outside run 125 w03: "bout a 6 i guess, 8 wen i
        # wake up tbh" was asked the crisis question).
        "it's about a 6 most of the time, maybe an 8 when I wake up",
    ),
}
# Cosine similarity from which a message is taken as near a topic. Chosen on the tunable
# sets (tuning and probe): 20 of 29 crisis sentences at or above it, 3 of 769 others (two of
# them denials, which the rules read as such).
NEAR = 0.45
# Pain told at night, waking the patient, comes near "go to sleep and not wake up" by its
# words alone (outside runs 74, 75, 77: the crisis question, three times in new words).
# There a clause must be nearer its topic than any everyday look-alike by this much. On the
# tunable sets it costs no crisis sentence: those that speak of nights or waking are nearer
# their topic by far more, or are caught by the rules' words.
NIGHT_MARGIN = 0.05
_AT_NIGHT = re.compile(
    r"\b(?:nights?|tonight|overnight|wakes?|woke|waking|awake|\d{1,2}\s*(?:am|o'?clock))\b",
    re.IGNORECASE,
)


def margin_for(text: str) -> float:
    """How much nearer its topic than any look-alike a clause of `text` must be."""
    return NIGHT_MARGIN if _AT_NIGHT.search(text) else 0.0


Encode = Callable[[str], np.ndarray]
# Where a message's clauses meet: a crisis said after a pain ("my neck has been bad for
# months and I think my family would cope without me") is read in its own clause too, or
# the pain's words dilute its meaning.
_CLAUSE_BREAK = re.compile(r"[.!?;,]+|\b(?:and|but|so|because|cos|though)\b", re.IGNORECASE)
MIN_CLAUSE_WORDS = 3


def clause_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of `text`'s clauses of a few words or more."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if len(text[a:b].split()) >= MIN_CLAUSE_WORDS]


def pooled(rows: np.ndarray, row_spans: Sequence[tuple[int, int]], text: str) -> list[np.ndarray]:
    """The meaning of each clause of `text`: the mean of the rows (word pieces or tokens,
    each with its character span) inside it."""
    vectors = []
    for start, end in clause_spans(text):
        inside = [i for i, (a, b) in enumerate(row_spans) if a >= start and b <= end]
        if inside and len(inside) < len(row_spans):
            vectors.append(rows[inside].mean(0))
    return vectors


class MeaningReader:
    """The topics a message's meaning is near; the descriptions are encoded once."""

    def __init__(
        self,
        encode: Encode,
        meanings: dict[str, Sequence[str]] = MEANINGS,
        everyday: dict[str, Sequence[str]] = EVERYDAY,
    ) -> None:
        def encoded(texts: Sequence[str]) -> np.ndarray:
            return np.stack([_unit(encode(text)) for text in texts])

        self._topics = {name: encoded(texts) for name, texts in meanings.items()}
        self._everyday = {name: encoded(texts) for name, texts in everyday.items() if texts}

    def near(
        self, *meanings: np.ndarray, threshold: float = NEAR, margin: float = 0.0
    ) -> tuple[str, ...]:
        """The direct questions whose topic one of `meanings` (the message's, its clauses')
        is near, and nearer than any of the topic's everyday look-alikes (by `margin`)."""
        vectors = np.stack([_unit(np.asarray(m, dtype=np.float32).reshape(-1)) for m in meanings])
        found = []
        for name, anchors in self._topics.items():
            closeness = (anchors @ vectors.T).max(axis=0)  # per meaning
            everyday = self._everyday.get(name)
            if everyday is not None:
                like = (everyday @ vectors.T).max(axis=0) + margin
                closeness = np.where(closeness > like, closeness, 0)
            if float(closeness.max()) >= threshold:
                found.append(name)
        return tuple(found)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)
