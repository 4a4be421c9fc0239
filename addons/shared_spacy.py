"""spaCy's English model, loaded once per server instead of once per graph node.

Rasa's prediction graph creates the SpacyNLP component twice (the NLU and the dialogue
policies each have a node), and each loads its own copy of `en_core_web_md`: 254 MB of the
server's memory for a second, identical, read-only model. Here the copies are one.
"""

from __future__ import annotations

from functools import cache

from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

_load = SpacyNLP.load_model


@cache
def load_model(spacy_model_name: str) -> SpacyModel:
    """`SpacyNLP.load_model`, once per model name."""
    return _load(spacy_model_name)


def install() -> None:
    SpacyNLP.load_model = staticmethod(load_model)  # type: ignore[method-assign]
