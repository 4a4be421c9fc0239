"""A person when it matters: the patient asks for one, and the chat is handed to staff.

Within staffed hours (`HANDOFF_HOURS`) and with someone at the console, the request is
queued for staff (clinic.records.handoffs) and the conversation paused for the assistant
(Rasa's ConversationPaused); the patient is told someone will reply here. Otherwise, or
after the wait (`HANDOFF_WAIT_MINUTES`) with nobody taking it, the call-back is offered.
Never during an emergency: its advice stands. Staff hand back with action_handed_back: the
assistant says so, and the form that was open asks its question again.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.callback import offer_callback
from actions.tracker_facts import emergency_open
from clinic import knowledge, settings
from clinic.records.callbacks import ASKED, HANDOFF_TIMEOUT
from clinic.records.handoffs import HandoffSettings, HandoffStore
from clinic.schedule import clinic_schedule


@cache
def handoffs() -> HandoffStore:
    """The handoff queue, created on first use from the settings."""
    return HandoffStore(settings.database_url())


class ActionHumanHandoff(Action):
    """A patient who asks for a person: a person in the chat when one can answer, else the
    clinic's phone and hours and the offer of a call-back."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        values = knowledge.clinic_values()
        if emergency_open(tracker):
            dispatcher.utter_message(response="utter_human_handoff", **values)
            return []  # the emergency's advice stands; nobody's reply should wait for it
        if HandoffSettings.from_env().staffed(clinic_schedule()) and handoffs().anyone_on_duty():
            handoffs().request(tracker.sender_id)
            waiting = (
                "utter_handoff_waiting"
                if values["clinic_phone"]
                else "utter_handoff_waiting_no_phone"
            )
            dispatcher.utter_message(response=waiting, **values)
            return [ConversationPaused()]
        if values["clinic_phone"]:
            dispatcher.utter_message(response="utter_human_handoff", **values)
        else:
            dispatcher.utter_message(response="utter_human_handoff_no_phone")
        return offer_callback(dispatcher, tracker, ASKED)


class ActionHandedBack(Action):
    """Staff handed the chat back: the assistant says so and carries on where it was."""

    def name(self) -> str:
        return "action_handed_back"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_handed_back")
        return []  # the open form, if any, then asks its question again (web/rasa_api.py)


class ActionHandoffTimedOut(Action):
    """Nobody took the chat in time: the call-back instead."""

    def name(self) -> str:
        return "action_handoff_timed_out"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_handoff_nobody_free", **knowledge.clinic_values())
        return offer_callback(dispatcher, tracker, HANDOFF_TIMEOUT)
