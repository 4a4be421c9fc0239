"""The NLU training data agrees with the red-flag rules and with itself."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from clinic import safety
from clinic.language import english

NLU_DATA = Path(__file__).resolve().parent.parent / "data" / "nlu"


@lru_cache(maxsize=1)
def examples() -> tuple[tuple[str, str], ...]:
    from rasa.shared.nlu.training_data.loading import load_data

    return tuple((m.get("text"), m.get("intent")) for m in load_data(str(NLU_DATA)).intent_examples)


@lru_cache(maxsize=1)
def flagged() -> frozenset[str]:
    """The example texts the red-flag rules flag (parsed in one batch, as it is slow)."""
    texts = [text for text, _ in examples()]
    docs = english().pipe(text.lower() for text in texts)
    return frozenset(t for t, doc in zip(texts, docs, strict=True) if safety.screen(t, doc).flags)


def test_what_the_rules_flag_is_labelled_a_red_flag() -> None:
    # The model learns what the assistant does: a message the rules send to a doctor is a
    # red flag, whatever else it says.
    wrong = [(intent, text) for text, intent in examples()
             if intent != "red_flag" and text in flagged()]  # fmt: skip
    assert wrong == []


def test_every_red_flag_example_is_caught_by_the_rules() -> None:
    # The model may add recall, but a red flag the clinic wrote down is a rule first.
    missed = [text for text, intent in examples()
              if intent == "red_flag" and text not in flagged()]  # fmt: skip
    assert missed == []


def test_no_text_is_taught_twice() -> None:
    counts = Counter(" ".join(text.lower().split()) for text, _ in examples())
    assert [text for text, n in counts.items() if n > 1] == []
