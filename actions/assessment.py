"""After the intake: whether dry needling may help, and the free consultation offer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking import BOOK, screened, start_task
from actions.questions import told_after_booking
from actions.tracker_facts import (
    facts_changed,
    has_booking,
    intake_from_tracker,
    latest_intent,
    leaves_with_an_answer,
    patient_messages,
    said_before,
    said_since_latest_message,
    stood_down,
    the_patient,
    value_before_latest_message,
)
from actions.wording import wording
from clinic import settings
from clinic.assessment import assess, with_safety
from clinic.booking import declines_booking, takes_the_offer, wants_a_booking
from clinic.intake import summarise
from clinic.patient import spoken_of
from clinic.preferred_time import yes_after_all
from clinic.safety import advice, answers
from clinic.safety.contraindications import faint_told
from clinic.safety.red_flags import EMERGENCY, ROUTINE, URGENT


def assessed(tracker: Tracker, triage_level: str | None, contraindications: list[str]) -> Any:
    """The assessment of the intake the tracker holds, with the safety it knows and the
    `contraindications` given."""
    intake = intake_from_tracker(tracker)
    return with_safety(
        assess(intake),
        intake,
        triage_level,
        contraindications,
        contraindications_unclear=tracker.get_slot("contraindication_screen") == "unclear",
        advised_for=advice.held_in_words(
            tracker.get_slot("red_flags") or [], tracker.get_slot("warning_signs") or []
        ),
        fainted=any(map(faint_told, patient_messages(tracker))),
    )


class ActionAssessTdnFit(Action):
    """Sums up the intake, explains the `tdn_fit` and offers the free consultation.

    After an emergency flag it recommends nothing: it repeats the emergency advice, unless
    that advice was given for the very message that ended the intake.
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_assess_tdn_fit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the summary, the explanation and the offer; sets `tdn_fit`."""
        if leaves_with_an_answer(tracker):
            # "5. got to run now, bye": the answer kept, the intake paused, no offer after a
            # goodbye (it carries on when the patient is back).
            dispatcher.utter_message(response="utter_goodbye")
            return []
        triage_level = recorded = tracker.get_slot("triage_level")
        if triage_level == EMERGENCY and stood_down(tracker):
            triage_level = None  # checked by a doctor, or safe: the physiotherapist decides
        if triage_level == EMERGENCY:
            if value_before_latest_message(tracker, "triage_level") == EMERGENCY:
                reminder = advice.EMERGENCY_REMINDER.format(number=settings.emergency_number())
                dispatcher.utter_message(text=reminder)
            return [SlotSet("tdn_fit", "not_advised"), SlotSet("consultation_offered", False)]

        if has_booking(tracker):
            # Booked: what is said about the pain goes into the notes; no new offer.
            return [
                *told_after_booking(dispatcher, tracker),
                SlotSet("consultation_offered", False),
            ]
        if tracker.get_slot("booking_first") and screened(tracker):
            # The patient came to book: the screen has run, so on to the times.
            if triage_level == URGENT:
                pass  # start_task reminds the patient to see a doctor first
            elif recorded == EMERGENCY:
                # Checked by a doctor, or safe: the advice for anything new still stands.
                dispatcher.utter_message(response="utter_screen_done_stood_down")
            elif tracker.get_slot("red_flags"):
                # Advice was given in this chat: nothing here may sound like it is withdrawn.
                dispatcher.utter_message(response="utter_screen_done_after_advice")
            elif tracker.get_slot("corrected_signs"):
                # The patient put right what the advice stood on: owned, not asked to be
                # followed (outside run 101 p05: "what advice??").
                dispatcher.utter_message(response="utter_screen_done_put_right")
            else:
                dispatcher.utter_message(response="utter_screen_done_to_booking")
            events = start_task(BOOK, dispatcher, tracker)
            if recorded is None:
                events.append(SlotSet("triage_level", ROUTINE))
            return [*events, FollowupAction("booking_form")]
        intake = intake_from_tracker(tracker)
        assessment = assessed(tracker, triage_level, tracker.get_slot("contraindications") or [])
        whose = the_patient(tracker)
        facts = summarise(intake, whose)
        # "...isn't advised for him", "the low back pain she has had": to a relative too.
        assessment = replace(assessment, explanation=spoken_of(assessment.explanation, whose))
        # Sent by name; its words are read too, to tell whether it was said already.
        summary = wording(domain, "utter_intake_summary", summary=facts)
        if said_before(tracker, assessment.explanation) and (
            not intake.body_part or said_before(tracker, summary)
        ):
            # "Btw it started after yoga": nothing the assessment reads has changed, so
            # it is not said again; the offer is.
            dispatcher.utter_message(response="utter_noted_for_the_physiotherapist")
        else:
            if intake.body_part and not said_before(tracker, summary):
                # The verdict made again for a precaution taken off: the facts unchanged
                # are not said again word for word.
                dispatcher.utter_message(response="utter_intake_summary", summary=facts)
            if not said_before(tracker, assessment.explanation):
                # The summary put right ("neck only"): the same explanation is not said again.
                dispatcher.utter_message(
                    text=_without_said_this_turn(tracker, assessment.explanation)
                )
        # A skin or stomach complaint is for a doctor: a physiotherapy offer would mislead.
        offer = bool(intake.body_part) or not intake.other_complaint
        offered_before = said_before(tracker, wording(domain, "utter_offer_consultation"))
        text = tracker.latest_message.get("text") or ""
        # A booking asked for with the last answer ("none of those. can I book for wednesday
        # after 4?", outside run 67 p08: asked "Would you like a free consultation?").
        asked_now = wants_a_booking(text) and not declines_booking(text)
        if offer and (
            (tracker.get_slot("consultation_offered") and takes_the_offer(text)) or asked_now
        ):
            # "...it was just a cold. yeah book me. parking?": the open offer taken up among
            # other things (outside run 58); asked again, it would be ignored.
            events = [
                *start_task(BOOK, dispatcher, tracker),
                SlotSet("tdn_fit", assessment.tdn_fit),
                SlotSet("consultation_offered", False),
                SlotSet("consultation_requested", True),
            ]
            if recorded is None:
                events.append(SlotSet("triage_level", ROUTINE))
            return _on_to_the_times(events)
        dispatcher.utter_message(
            response=(
                ("utter_offer_consultation_again" if offered_before else "utter_offer_consultation")
                if offer
                else "utter_non_msk_next"
            )
        )
        events = [SlotSet("tdn_fit", assessment.tdn_fit), SlotSet("consultation_offered", offer)]
        if recorded is None:
            events.append(SlotSet("triage_level", ROUTINE))
        return events


def _on_to_the_times(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The booking's start, and its form when the booking is ready for a time."""
    ready = any(e.get("name") == "booking_readiness" and e.get("value") == "ready"
                for e in events)  # fmt: skip
    return [*events, FollowupAction("booking_form")] if ready else events


def _without_said_this_turn(tracker: Tracker, text: str) -> str:
    """`text` less an opening sentence the assistant said since the patient's message (the
    question "can needling help a rash?" answered just before with the same words)."""
    for earlier in said_since_latest_message(tracker):
        if earlier and text.startswith(earlier) and text != earlier:
            return text[len(earlier) :].strip()
    return text


class ActionRecordConsultationAnswer(Action):
    """Records the patient's answer to the offer (a yes starts booking: actions/booking.py)."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_record_consultation_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Sets `consultation_requested`; the offer is answered, so it is no longer open.
        A no that puts the summary right ("no no, it does NOT go to the leg") is no answer
        to the offer: the summary and the advice are given again, with the offer."""
        wanted = latest_intent(tracker) in ("affirm", "request_booking")
        # "no no, I dont have lymphoedema... Only pregnant": the notes put right, too (outside
        # run 103 p03: taken as "No, thanks").
        before = set(value_before_latest_message(tracker, "contraindications") or [])
        put_right = bool(before - set(tracker.get_slot("contraindications") or []))
        if not wanted and (facts_changed(tracker) or put_right):
            # The intake, complete, ends again: its rule gives the summary and the offer.
            return [SlotSet("consultation_offered", None), FollowupAction("intake_form")]
        return [
            SlotSet("consultation_requested", wanted),
            SlotSet("consultation_offered", False),
            SlotSet("offer_declined", not wanted),
        ]


class ActionAfterDeclinedOffer(Action):
    """A yes after the offer was declined: a change of mind ("actually yes, saturday at
    10") starts the booking; a plain yes is asked about; an "ok" is taken as heard."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_after_declined_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Starts the booking, asks whether to book, or says the offer still stands."""
        text = tracker.latest_message.get("text") or ""
        if yes_after_all(text):
            events = [*start_task(BOOK, dispatcher, tracker), SlotSet("offer_declined", False)]
            return _on_to_the_times(events)
        if answers.acknowledges(text):
            dispatcher.utter_message(response="utter_offer_still_stands")
            return [SlotSet("consultation_offered", False), SlotSet("offer_declined", True)]
        dispatcher.utter_message(response="utter_offer_consultation_again")
        return [SlotSet("consultation_offered", True), SlotSet("offer_declined", False)]
