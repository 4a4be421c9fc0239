"""A booking made in this chat, changed afterwards, read from the message whatever intent
the model heard: its name put right ("the surname should be McAllister not Mcallister",
"can you change the name on it?"), and its time moved ("could we make it 3:30 instead?",
outside run 66 p03: "Sorry, I didn't quite understand")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.booking import RESCHEDULE, start_task
from actions.tracker_facts import NEXT_STEP, entity_values, has_booking
from clinic import booking as desk_module
from clinic import knowledge
from clinic.booking import asks_to_move
from clinic.booking_store import NotFound
from clinic.contact import asks_to_rename, name_and_contact, name_put_right, read_name
from clinic.preferred_time import names_a_time, times_for_a_move

WAITING = "renaming_booking"
TURN_ANSWERED = "turn_answered"  # the policy waits for the next message (addons.safety_policy)


def booking_renamed(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]] | None:
    """The events of a name put right on the chat's booking, its reply dispatched; the
    name asked for when the message does not say it. None when the message is not about
    the booking's name (the dialogue goes on as usual)."""
    if not has_booking(tracker) or tracker.active_loop.get("name"):
        return None
    text = tracker.latest_message.get("text") or ""
    waiting = bool(tracker.get_slot(WAITING))
    if not (waiting or asks_to_rename(text)):
        return None
    known = tracker.get_slot("patient_name") or ""
    name = name_put_right(text, known)
    if name is None and waiting and not asks_to_rename(text):
        if knowledge.looks_like_question(text):
            return [SlotSet(WAITING, False)]  # asked something else instead: answered as usual
        said, _ = name_and_contact(text)
        name = read_name(said, [p for p in entity_values(tracker, "PERSON") if p in said])
    if name is None or name == known:
        dispatcher.utter_message(response="utter_ask_booking_name")
        return [SlotSet(WAITING, True), SlotSet(TURN_ANSWERED, True)]
    try:
        desk_module.booking_desk().rename(tracker.get_slot("booking_reference"), name)
    except NotFound:
        return [SlotSet(WAITING, False)]  # cancelled meanwhile: the usual answers apply
    dispatcher.utter_message(response="utter_booking_renamed", name=name)
    return [SlotSet("patient_name", name), SlotSet(WAITING, False), SlotSet(TURN_ANSWERED, True)]


def booking_moved(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]] | None:
    """The events that start moving the chat's booking to the time the message asks for,
    the booking form to run next; None when the message asks no such thing."""
    if not has_booking(tracker) or tracker.active_loop.get("name"):
        return None
    text = tracker.latest_message.get("text") or ""
    if not (asks_to_move(text) and names_a_time(times_for_a_move(text))):
        return None
    started = start_task(RESCHEDULE, dispatcher, tracker)
    return [
        *(e for e in started if e.get("event") != "followup"),
        SlotSet(NEXT_STEP, "booking_form"),
    ]
