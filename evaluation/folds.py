"""Stratified folds over the NLU examples, and the scores of predictions against them."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    entities: frozenset[tuple[str, str]]  # (entity, value)


@dataclass(frozen=True)
class Prediction:
    intent: str
    confidence: float
    entities: frozenset[tuple[str, str]]


def stratified_folds(examples: list[Example], k: int, seed: int) -> list[list[Example]]:
    """`k` folds with each intent spread evenly; the same seed gives the same folds."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example)
    rng = random.Random(seed)
    folds: list[list[Example]] = [[] for _ in range(k)]
    offset = 0
    for intent in sorted(by_intent):
        group = by_intent[intent][:]
        rng.shuffle(group)
        for i, example in enumerate(group):
            folds[(i + offset) % k].append(example)
        offset += len(group)  # small intents don't all start in fold 0
    return folds


@dataclass
class Scores:
    """Precision, recall and F1 per label, from counts."""

    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        gold_counts, predicted_counts = Counter(gold), Counter(predicted)
        for label in gold_counts | predicted_counts:
            hit = min(gold_counts[label], predicted_counts[label])
            self.true_pos[label] += hit
            self.false_pos[label] += predicted_counts[label] - hit
            self.false_neg[label] += gold_counts[label] - hit

    def labels(self) -> list[str]:
        return sorted(set(self.true_pos) | set(self.false_pos) | set(self.false_neg))

    def precision(self, label: str) -> float:
        found = self.true_pos[label] + self.false_pos[label]
        return self.true_pos[label] / found if found else 0.0

    def recall(self, label: str) -> float:
        there = self.true_pos[label] + self.false_neg[label]
        return self.true_pos[label] / there if there else 0.0

    def f1(self, label: str) -> float:
        p, r = self.precision(label), self.recall(label)
        return 2 * p * r / (p + r) if p + r else 0.0

    def support(self, label: str) -> int:
        return self.true_pos[label] + self.false_neg[label]

    def macro_f1(self, labels: Iterable[str] | None = None) -> float:
        chosen = [label for label in (labels or self.labels()) if self.support(label)]
        return sum(self.f1(label) for label in chosen) / len(chosen) if chosen else 0.0


def score(
    examples: list[Example], predictions: list[Prediction], entity_types: set[str]
) -> tuple[Scores, Scores, Counter[tuple[str, str]]]:
    """Intent scores, entity scores (by entity type, over (type, value) pairs) and the
    intent confusions (gold, predicted)."""
    intents, entities = Scores(), Scores()
    confusions: Counter[tuple[str, str]] = Counter()
    for example, predicted in zip(examples, predictions, strict=True):
        intents.add([example.intent], [predicted.intent])
        if predicted.intent != example.intent:
            confusions[(example.intent, predicted.intent)] += 1
        gold = example.entities
        found = {pair for pair in predicted.entities if pair[0] in entity_types}
        # A right type with a wrong value is a miss and a false find, not a hit.
        entities.true_pos.update(entity for entity, _ in gold & found)
        entities.false_neg.update(entity for entity, _ in gold - found)
        entities.false_pos.update(entity for entity, _ in found - gold)
    return intents, entities, confusions
