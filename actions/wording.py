"""The patient's wording, for the few texts an action must hold in hand (to compare with
what was said before): read from domain.yml's responses in the `domain` Rasa sends with
every action call, so the words are never written in Python twice."""

from __future__ import annotations

from typing import Any

from rasa_sdk.types import DomainDict


class MissingWording(LookupError):
    """A response the actions need is not in the domain, or lacks a value for its text."""


def wording(domain: DomainDict, name: str, /, **values: Any) -> str:
    """The text of the response `name` (its first variant without a condition), its
    `{variables}` filled from `values` as Rasa fills them."""
    variants = (domain.get("responses") or {}).get(name) or []
    texts = [v["text"] for v in variants if v.get("text") and not v.get("condition")]
    if not texts:
        raise MissingWording(f"domain.yml has no response {name!r} with a text")
    try:
        return texts[0].format(**values)
    except KeyError as missing:
        raise MissingWording(f"response {name!r} needs a value for {missing}") from None
