"""Event and slot classes are found as Rasa finds them, and a newly imported one is found too."""

from __future__ import annotations

import sys
import types

import rasa.shared.utils.common
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.slots import Slot

import addons  # noqa: F401  (installs the lookup as the Rasa server does)
from addons import subclasses


def test_the_installed_lookup_answers_as_rasas_walk() -> None:
    assert rasa.shared.utils.common.all_subclasses is subclasses.all_subclasses
    for cls in (Event, Slot):
        assert subclasses.all_subclasses(cls) == subclasses._walk(cls)
    assert Event.resolve_by_type("user") is UserUttered


def test_a_class_from_a_module_imported_later_is_found() -> None:
    before = subclasses.all_subclasses(Event)
    module = types.ModuleType("tests_clinic_event")
    exec(
        "from rasa.shared.core.events import Event\n"
        "class ClinicNote(Event):\n"
        "    type_name = 'clinic_note'\n"
        "    def __eq__(self, other): return isinstance(other, ClinicNote)\n"
        "    def as_story_string(self): return None\n",
        module.__dict__,
    )
    sys.modules[module.__name__] = module
    try:
        assert module.ClinicNote not in before
        assert module.ClinicNote in subclasses.all_subclasses(Event)
        assert Event.resolve_by_type("clinic_note") is module.ClinicNote
    finally:
        del sys.modules[module.__name__]


def test_the_answer_is_a_copy_callers_may_change() -> None:
    subclasses.all_subclasses(Slot).clear()
    assert subclasses.all_subclasses(Slot)
