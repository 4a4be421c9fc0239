"""spaCy's English model, loaded once per server instead of once per graph node.

Rasa's prediction graph creates the SpacyNLP component twice (the NLU and the dialogue
policies each have a node), and each loads its own copy of `en_core_web_md`: 254 MB of the
server's memory for a second, identical, read-only model. Here the copies are one, and the
clinic's own pipeline (`clinic.language.english`, with the parser Rasa leaves out) shares
its vocabulary and vectors, loaded with it rather than on the first patient who needs it.
"""

from __future__ import annotations

from functools import cache

from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from clinic import language

_load = SpacyNLP.load_model


@cache
def load_model(spacy_model_name: str) -> SpacyModel:
    """`SpacyNLP.load_model`, once per model name."""
    loaded = _load(spacy_model_name)
    if spacy_model_name == language.MODEL:
        language.share_vocab(loaded.model.vocab)
        language.english()
    return loaded


def install() -> None:
    SpacyNLP.load_model = staticmethod(load_model)  # type: ignore[method-assign]
