"""Reading the intake facts out of a Rasa tracker."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rasa_sdk import Tracker

from clinic import patient
from clinic.care import intake_state
from clinic.intake import Intake
from clinic.patient import Patient
from clinic.safety import SOMEONE_ELSE, answers
from clinic.safety.red_flags import URGENT

# The action the safety policy runs next (addons.safety_policy), whatever the intent.
NEXT_STEP = "next_step"

INTAKE_SLOTS = (
    "body_part", "side", "pain_quality", "pain_radiates", "radiates_to", "pain_duration",
    "pain_duration_days", "pain_severity", "pain_worst", "other_complaint",
)  # fmt: skip


def intake_from_tracker(tracker: Tracker, **changes: Any) -> Intake:
    """The intake as the tracker holds it, with `changes` (slot -> value) applied."""
    values = {slot: tracker.get_slot(slot) for slot in INTAKE_SLOTS}
    sides = tracker.get_slot("site_sides") or {}
    values["other_places"] = tuple(
        (place, sides.get(place))
        for place in tracker.get_slot("pain_sites") or []
        if place != values["body_part"]
    )
    values.update(changes)
    return Intake(**values)


def leaves_with_an_answer(tracker: Tracker) -> bool:
    """Whether the latest message answers and takes its leave in words ("no. I'm going to
    urgent care, bye"): the answer counts, and the goodbye ends the turn."""
    return answers.takes_leave(tracker.latest_message.get("text") or "")


def patient_messages(tracker: Tracker) -> list[str]:
    """Everything the patient (or whoever writes for them) has written in this chat."""
    return [event.get("text") or "" for event in tracker.events if event.get("event") == "user"]


def the_patient(tracker: Tracker) -> Patient:
    """Whom the chat speaks of: "you", or the son or mother someone writes for."""
    return patient.written_of(patient_messages(tracker))


def value_before_latest_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the patient's latest message (to notice corrections)."""
    seen_latest_user_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_latest_user_message = True
        elif (
            seen_latest_user_message and event.get("event") == "slot" and event.get("name") == slot
        ):
            return event.get("value")
    return None


def read_from_message_unchecked(tracker: Tracker, slots: tuple[str, ...]) -> dict[str, Any]:
    """The form's slots Rasa read from the latest message when another action answered
    first: Rasa resumes the form without checking them (its "interrupted" form), so "8am.
    Oh and the skin there is infected" stood as the time picked (outside run 52)."""
    if tracker.latest_action_name == "action_listen":
        return {}  # Rasa checks them itself
    read: dict[str, Any] = {}
    after_message = False
    for event in tracker.events:
        kind = event.get("event")
        if kind == "user":
            read, after_message = {}, True
        elif kind == "action" and event.get("name") != "action_extract_slots":
            after_message = False  # what actions set is theirs, not read from the words
        elif kind == "slot" and after_message and event.get("name") in slots:
            read[event["name"]] = event.get("value")
    return {slot: value for slot, value in read.items() if tracker.get_slot(slot) == value}


def latest_intent(tracker: Tracker) -> str | None:
    """The name of the intent of the patient's latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_values(
    tracker: Tracker, entity: str, denied: bool = False, role: str | None = None
) -> list[str]:
    """Values of `entity` in the latest message; `denied` picks those said with a "no",
    `role` those of another role ("set_aside": someone else's or long over)."""
    wanted = role or ("denied" if denied else None)
    values = [
        e["value"]
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == entity and e.get("role") == wanted
    ]
    # "He's a 61 year old man, he's hardly pregnant!": no pregnancy of a man's (outside run
    # 60 p05: explained and listed as told).
    if entity == "contraindication" and not (denied or role):
        # "She's on warfarin", told by a daughter writing for her mother, is read as
        # someone else's from the message alone; the chat is written for her (outside run
        # 76 p02: the checklist asked about blood thinners again).
        theirs = [
            e["value"]
            for e in tracker.latest_message.get("entities", [])
            if e.get("entity") == entity and e.get("role") == SOMEONE_ELSE
        ]
        if theirs and the_patient(tracker) != patient.YOU:
            values = list(dict.fromkeys([*values, *theirs]))
    pregnancy = entity == "contraindication" and "pregnancy" in values and not (denied or role)
    if pregnancy and patient.is_a_man(patient_messages(tracker)):
        values = [value for value in values if value != "pregnancy"]
    return values


def emergency_open(tracker: Tracker) -> bool:
    """Whether emergency advice stands with nothing since: no booking, no intake. A patient
    who says a doctor has already checked this (`doctor_checked`), or after crisis advice
    that they are safe (`says_safe`), may go on to book."""
    return tracker.get_slot("triage_level") == "emergency" and not stood_down(tracker)


def stood_down(tracker: Tracker) -> bool:
    """Whether the patient's own words let booking go on after emergency advice: a doctor's
    check of this, or, after thoughts of suicide only, that they are safe."""
    return bool(tracker.get_slot("doctor_checked") or tracker.get_slot("says_safe"))


def said_before(tracker: Tracker, text: str) -> bool:
    """Whether the assistant has already said `text`, word for word, in this chat."""
    return bool(text) and any(
        event.get("event") == "bot" and event.get("text") == text for event in tracker.events
    )


def _said_within(tracker: Tracker, turns: int) -> Iterator[dict[str, Any]]:
    """The assistant's messages since the patient's `turns`-th latest message, latest first
    (those after the latest message included)."""
    seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen += 1
            if seen > turns:
                return
        elif event.get("event") == "bot":
            yield event


def said_lately(tracker: Tracker, *responses: str, turns: int = 2) -> bool:
    """Whether the assistant said any of the responses named within the last `turns` of
    the patient's messages (the latest included)."""
    return any(
        (event.get("metadata") or {}).get("utter_action") in responses
        for event in _said_within(tracker, turns)
    )


def names_a_place(tracker: Tracker) -> bool:
    """Whether the latest message names a part of the body ("will they look at my hip?")."""
    entities = tracker.latest_message.get("entities") or []
    return any(e.get("entity") == "body_part" for e in entities)


def tells_of_a_pain(tracker: Tracker) -> bool:
    """Whether the latest message describes a pain: heard so, or naming a part of the body."""
    return latest_intent(tracker) == "describe_pain" or names_a_place(tracker)


def has_booking(tracker: Tracker) -> bool:
    """Whether a consultation is booked (or was found) in this chat and not cancelled."""
    return bool(tracker.get_slot("booking_reference") and tracker.get_slot("booking_starts_at"))


def facts_changed(tracker: Tracker) -> bool:
    """Whether the latest message changed any intake fact."""
    return any(
        tracker.get_slot(slot) != value_before_latest_message(tracker, slot)
        for slot in intake_state.FACTS
    )


def response_before_latest_message(tracker: Tracker) -> str | None:
    """The response name of what the assistant said last before the patient's latest
    message, if it was a response."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return (event.get("metadata") or {}).get("utter_action")
    return None


def said_in_the_turn_before(tracker: Tracker, text: str) -> bool:
    """Whether the assistant said `text`, word for word, in its reply to the patient's
    message before the latest: said again now, it would read as a loop."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif users == 1 and event.get("event") == "bot" and event.get("text") == text:
            return True
    return False


def said_within_turns(tracker: Tracker, text: str, turns: int) -> bool:
    """Whether the assistant said `text`, word for word, in its replies to the patient's
    last `turns` messages (so far in this turn too)."""
    return any(event.get("text") == text for event in _said_within(tracker, turns))


def said_since_latest_message(tracker: Tracker) -> list[str]:
    """What the assistant has said since the patient's latest message."""
    said: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            said.append(event.get("text") or "")
    return said


def yes_or_no(tracker: Tracker) -> bool | None:
    """The patient's yes or no; "Yes, book it" typed out is a yes too. A yes spoken of
    ("before I press yes, ...") is read from the words, whatever the model heard."""
    intent = latest_intent(tracker)
    text = tracker.latest_message.get("text") or ""
    if answers.answer_talked_about(text) or _OPENS_WITH_AN_ANSWER.match(text):
        # Spoken of, or said first ("Yes. And would you needle the right side?" was read
        # as the model's no: outside run 31): the words decide.
        said = answers.yes_or_no(text)
        if said is not None or answers.answer_talked_about(text):
            return said
    if intent in ("affirm", "request_booking", "reschedule_booking"):
        return True
    if intent == "deny":
        return False
    return answers.yes_or_no(text)


# A message that opens with its yes or no: "Yes. And...", "no, thanks".
_OPENS_WITH_AN_ANSWER = re.compile(r"^\W*(?:yes+|yeah|yep|yup|yea|no+|nope|nah)\b", re.IGNORECASE)


def urgent_open(tracker: Tracker) -> bool:
    """Urgent advice given (a doctor today) and no doctor said to have seen it since."""
    return tracker.get_slot("triage_level") == URGENT and not tracker.get_slot("doctor_checked")
