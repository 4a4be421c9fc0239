"""The Rasa server holds one copy of spaCy's model, however many graph nodes ask for it."""

from __future__ import annotations

from rasa.nlu.utils.spacy_utils import SpacyNLP

import addons  # noqa: F401  (installs the shared loader as the Rasa server does)


def test_every_spacy_component_gets_the_same_model() -> None:
    first = SpacyNLP.create({"model": "en_core_web_md"}, None, None, None)  # type: ignore[arg-type]
    second = SpacyNLP.create({"model": "en_core_web_md"}, None, None, None)  # type: ignore[arg-type]
    assert first is not second  # two components, as Rasa's graph makes them
    assert first.provide().model is second.provide().model
    assert first.provide().model("my neck hurts")[1].text == "neck"
