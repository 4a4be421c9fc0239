"""Machine-made typos for robustness figures: one word in three gets one slip of the
finger (two letters swapped, one dropped or one doubled). Seeded, so every run and every
pipeline sees the same misspelt sentences."""

from __future__ import annotations

import random
import re

_WORD = re.compile(r"[A-Za-z]{3,}")
EDITS = ("swap", "drop", "double")


def misspell(word: str, rng: random.Random) -> str:
    """The word with one edit inside it (never the same word back)."""
    edit = rng.choice(EDITS)
    at = rng.randrange(len(word) - 1)
    if edit == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if edit == "drop" or word[at] == word[at + 1]:
        return word[:at] + word[at + 1 :]
    return word[: at + 1] + word[at] + word[at + 1 :]


def with_typos(text: str, seed: int, share: float = 1 / 3) -> str:
    """`text` with about `share` of its words (three letters or more) misspelt."""
    rng = random.Random(f"{seed}:{text}")
    return _WORD.sub(
        lambda m: misspell(m.group(), rng) if rng.random() < share else m.group(), text
    )
