"""After the intake: whether dry needling may help, and the free consultation offer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_facts import intake_from_tracker, latest_intent
from clinic.assessment import assess
from clinic.intake import summarise


class ActionAssessTdnFit(Action):
    """Sums up the intake and explains the `tdn_fit`; the rules then make the offer."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_assess_tdn_fit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the summary and the explanation; sets `tdn_fit`."""
        intake = intake_from_tracker(tracker)
        assessment = assess(intake)
        if intake.body_part:
            dispatcher.utter_message(text=f"Thank you. Here's what I have: {summarise(intake)}.")
        dispatcher.utter_message(text=assessment.explanation)
        # A skin or stomach complaint is for a doctor: a physiotherapy offer would mislead.
        offer = bool(intake.body_part) or not intake.other_complaint
        return [SlotSet("tdn_fit", assessment.tdn_fit), SlotSet("consultation_offered", offer)]


class ActionRecordConsultationAnswer(Action):
    """Records whether the patient wants the free consultation (yes, no, or asking to book)."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_record_consultation_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Sets `consultation_requested`; the offer is answered, so it is no longer open."""
        wanted = latest_intent(tracker) in ("affirm", "request_booking")
        return [SlotSet("consultation_requested", wanted), SlotSet("consultation_offered", False)]
