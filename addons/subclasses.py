"""Rasa's lookup of an event's or slot's class by its type name, without a class walk each time.

Rasa finds the class of every event it reads (a conversation's whole history, every message,
from the tracker store and for the action server) and of every slot by walking all
subclasses of `Event` or `Slot` and checking each for abstract methods. `make bench
--profile` found 12% of the server's time there. The walk's answer only changes when a
module defines a new subclass, so it is kept until the set of imported modules changes.
"""

from __future__ import annotations

import sys
from typing import Any

import rasa.shared.utils.common

_walk = rasa.shared.utils.common.all_subclasses
_known: dict[type, tuple[int, list[Any]]] = {}


def all_subclasses(cls: Any) -> list[Any]:
    """`rasa.shared.utils.common.all_subclasses`, walked again only after an import."""
    modules = len(sys.modules)
    known = _known.get(cls)
    if known is None or known[0] != modules:
        known = _known[cls] = (modules, _walk(cls))
    return list(known[1])


def install() -> None:
    rasa.shared.utils.common.all_subclasses = all_subclasses
