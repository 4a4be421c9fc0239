"""The intake form: asks only what is still unknown and checks every answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.safety import (
    about_safety,
    corrected_now,
    open_screen_questions,
    undo_for_safety_answer,
)
from actions.tracker_facts import (
    entity_values,
    intake_from_tracker,
    latest_intent,
    value_before_latest_message,
)
from clinic import parsing, vocabulary
from clinic.intake import MOVING_ON, REASK, is_unsure, questions_to_ask
from clinic.safety import contraindications
from clinic.safety.red_flags import EMERGENCY, ROUTINE

# After this many unusable answers in a row the form moves on (and says so).
MAX_FAILED_ATTEMPTS = 2
# What the intake knows is not changed by an answer to a safety question: "the last few days
# I need to go but barely anything comes out" answers the bladder question, not how long.
SCREEN_SLOTS = ("red_flag_screen", "contraindication_screen")
INTAKE_FACTS = (
    "body_part", "side", "pain_quality", "pain_radiates", "radiates_to", "pain_duration",
    "pain_duration_days", "pain_severity",
)  # fmt: skip

Slots = dict[str, Any]
# While these are asked, a newly named body part is where the pain spreads to.
SPREAD_QUESTIONS = ("pain_radiates", "radiates_to")


class ValidateIntakeForm(FormValidationAction):
    """Validates `intake_form`; the questions asked depend on what the patient said."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "validate_intake_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The questions that apply to this patient; answers to all of them are validated,
        skipped ones included, so a late answer still counts.

        The red-flag screen comes once where the pain is and where it spreads are known;
        the contraindication checklist comes last, before any recommendation. After an
        emergency flag nothing more is asked.
        """
        if tracker.get_slot("triage_level") == EMERGENCY:
            return []
        questions = questions_to_ask(intake_from_tracker(tracker))
        if not questions:
            return []
        if tracker.get_slot("red_flag_screen") is not None or open_screen_questions(tracker):
            questions.insert(questions.index("pain_duration"), "red_flag_screen")
        return [*questions, "contraindication_screen"]

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The first open question that was not skipped; none left ends the form.

        The contraindication checklist is asked even when one was named on the way ("I'm
        scared of needles, does it hurt?"): one named is not the others ruled out.
        """
        skipped = set(tracker.get_slot("intake_skipped") or [])
        questions = await self.required_slots([], dispatcher, tracker, domain)
        missing = (q for q in questions if tracker.get_slot(q) is None and q not in skipped)
        return SlotSet("requested_slot", next(missing, None))

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Validates as usual, but an answer to a safety question keeps the known facts.

        A message that answered a direct safety question, or asked about advice just given
        ("can I wait?"), answers none of the intake's questions: nothing is validated and
        what it put in the intake's slots is undone; the form asks its question again.
        """
        if about_safety(tracker):
            events = undo_for_safety_answer(tracker, (*INTAKE_FACTS, *SCREEN_SLOTS))
            if corrected_now(tracker):
                # A withdrawn yes reopens the screen: its other questions are still to come.
                events = [e for e in events if e.get("name") != "red_flag_screen"]
                events.append(SlotSet("red_flag_screen", None))
            return events
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if tracker.get_slot("requested_slot") not in SCREEN_SLOTS:
            return events
        kept = {}
        for slot in INTAKE_FACTS:
            before = value_before_latest_message(tracker, slot)
            if before is not None and tracker.get_slot(slot) != before:
                kept[slot] = before
        events = [e for e in events if not (e.get("event") == "slot" and e.get("name") in kept)]
        return [*events, *(SlotSet(slot, value) for slot, value in kept.items())]

    # One validate_<slot> per question. `value` is what the mappings extracted: a
    # canonical entity value, or the raw answer text when the question was asked.

    def validate_body_part(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A part of the body; one named in answer to "does it spread?" is where it spreads."""
        previous = value_before_latest_message(tracker, "body_part")
        spreads_to = vocabulary.canonical("body_part", str(value))
        if previous and spreads_to and tracker.get_slot("requested_slot") in SPREAD_QUESTIONS:
            return {"body_part": previous, "radiates_to": spreads_to, "pain_radiates": True}
        return self._vocabulary_answer("body_part", value, dispatcher, tracker)

    def validate_side(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """Left, right or both."""
        return self._vocabulary_answer("side", value, dispatcher, tracker)

    def validate_pain_quality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """How the pain feels, as one of the contract's qualities."""
        return self._vocabulary_answer("pain_quality", value, dispatcher, tracker)

    def validate_pain_radiates(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """Yes or no, from the intent of the answer ("yep, down my arm" is a yes)."""
        if isinstance(value, bool):
            return {"pain_radiates": value, "failed_attempts": 0}
        intent = latest_intent(tracker)
        if intent == "affirm" or tracker.get_slot("radiates_to"):
            return {"pain_radiates": True, "failed_attempts": 0}
        if intent == "deny":
            return {"pain_radiates": False, "radiates_to": None, "failed_attempts": 0}
        return self._unusable("pain_radiates", value, dispatcher, tracker)

    def validate_radiates_to(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """Where the pain spreads to; knowing it also answers "does it spread?"."""
        radiates_to = vocabulary.canonical("body_part", str(value))
        if radiates_to is None:
            return self._unusable("radiates_to", value, dispatcher, tracker)
        return {"radiates_to": radiates_to, "pain_radiates": True, "failed_attempts": 0}

    def validate_pain_duration(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """How long, as said, plus the number of days for the assessment and the console."""
        duration = parsing.parse_duration(str(value))
        if duration is None:
            return self._unusable("pain_duration", value, dispatcher, tracker)
        self._acknowledge_change("pain_duration", duration.text, dispatcher, tracker)
        return {
            "pain_duration": duration.text,
            "pain_duration_days": duration.days,
            "failed_attempts": 0,
        }

    def validate_pain_severity(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A number from 0 to 10; words such as "unbearable" are read as numbers."""
        severity = _as_number(value)
        if severity is None or not 0 <= severity <= 10:
            severity = parsing.parse_severity(str(value))
        if severity is None:
            return self._unusable("pain_severity", value, dispatcher, tracker)
        self._acknowledge_change("pain_severity", severity, dispatcher, tracker)
        return {"pain_severity": severity, "failed_attempts": 0}

    def validate_red_flag_screen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A yes or no to the screen question just asked (the safety check has recorded it).

        The screen is done when no question is left; until then the next one is asked.
        """
        if tracker.get_slot("triage_level") == EMERGENCY:
            return {"red_flag_screen": True}
        remaining = [q.name for q in open_screen_questions(tracker)]
        asked = tracker.get_slot("screen_question")
        if asked in remaining and tracker.get_slot("requested_slot") == "red_flag_screen":
            # Neither yes nor no: the safety check noted it and the question is asked again,
            # more plainly; a second "not sure" counts as possible. Never skipped.
            return {"red_flag_screen": None, "failed_attempts": 0}
        if remaining:
            return {"red_flag_screen": None, "failed_attempts": 0}
        return {
            "red_flag_screen": True,
            "triage_level": tracker.get_slot("triage_level") or ROUTINE,
            "failed_attempts": 0,
        }

    def validate_contraindication_screen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """Which of the checklist applies: "reported", "none", or "unclear" after two tries."""
        if tracker.get_slot("requested_slot") != "contraindication_screen":
            return {"contraindication_screen": None}
        if entity_values(tracker, "contraindication"):
            return {"contraindication_screen": "reported", "failed_attempts": 0}
        intent = latest_intent(tracker)
        if intent == "deny":
            # "None of the others" after one was named on the way.
            answer = "reported" if tracker.get_slot("contraindications") else "none"
            return {"contraindication_screen": answer, "failed_attempts": 0}
        if intent == "affirm":
            # The ask action now asks which ones.
            return {"contraindication_screen": None, "failed_attempts": 0}
        attempts = _another_try(value, tracker)
        if attempts is None:
            dispatcher.utter_message(text=contraindications.PHYSIO_WILL_CHECK)
            return {"contraindication_screen": "unclear", "failed_attempts": 0}
        dispatcher.utter_message(text=contraindications.NOT_RECOGNISED)
        return {"contraindication_screen": None, "failed_attempts": attempts}

    def _vocabulary_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Slots:
        """An answer the clinic's vocabulary maps to a canonical value (slot = entity name)."""
        canonical = vocabulary.canonical(slot, str(value))
        if canonical is None:
            return self._unusable(slot, value, dispatcher, tracker)
        self._acknowledge_change(slot, canonical, dispatcher, tracker)
        return {slot: canonical, "failed_attempts": 0}

    def _unusable(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Slots:
        """Re-ask clearly, or move on after repeated failures or an "I don't know"."""
        if tracker.get_slot("requested_slot") != slot or _answered_something_else(tracker, slot):
            # The message was about something else (a correction, another fact): keep the
            # question open without complaining.
            return {slot: None}
        skipped = list(tracker.get_slot("intake_skipped") or [])
        attempts = _another_try(value, tracker)
        if attempts is None:
            dispatcher.utter_message(text=MOVING_ON)
            return {slot: None, "intake_skipped": [*skipped, slot], "failed_attempts": 0}
        dispatcher.utter_message(text=REASK[slot])
        return {slot: None, "failed_attempts": attempts}

    def _acknowledge_change(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> None:
        """Confirm a correction ("actually it's my right side") so the patient sees it."""
        previous = value_before_latest_message(tracker, slot)
        if previous is None or previous == value:
            return
        if tracker.get_slot("requested_slot") in SCREEN_SLOTS:
            return  # not a correction: get_validation_events keeps the known value
        shown = vocabulary.display_name(str(value)) if isinstance(value, str) else f"{value:g}"
        if slot == "side" and value in ("left", "right"):
            shown = f"the {value} side"
        dispatcher.utter_message(text=f"Thanks, I've changed that to {shown}.")


def _another_try(value: Any, tracker: Tracker) -> int | None:
    """The count of unusable answers in a row including this one, or None to move on
    (after an "I don't know", or too many tries)."""
    attempts = int(tracker.get_slot("failed_attempts") or 0) + 1
    if is_unsure(str(value)) or attempts >= MAX_FAILED_ATTEMPTS:
        return None
    return attempts


def _as_number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _answered_something_else(tracker: Tracker, slot: str) -> bool:
    """Whether the latest message filled another intake fact instead of answering `slot`."""
    entities = {entity.get("entity") for entity in tracker.latest_message.get("entities", [])}
    answers_for = {
        "body_part": {"body_part"},
        "radiates_to": {"body_part"},
        "side": {"side"},
        "pain_quality": {"pain_quality"},
        "pain_duration": {"pain_duration"},
        "pain_severity": {"pain_severity"},
    }.get(slot, set())
    intake_entities = {"body_part", "side", "pain_quality", "pain_duration", "pain_severity"}
    return bool((entities & intake_entities) - answers_for)
