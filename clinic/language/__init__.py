"""spaCy's English model, loaded once, on first use (never at import time)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_md"


@lru_cache(maxsize=1)
def english() -> Language:
    """The shared English pipeline (the same model the Rasa pipeline uses)."""
    return spacy.load(MODEL)
