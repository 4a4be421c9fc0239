"""A call from the clinic: the call-back task of the booking form.

Asked for ("can someone ring me back"), or a yes to the offer made when a person is asked
for, when a question has no answer, or after urgent advice. The form keeps a name and a
phone number said already, asks when to call and for a yes; the call is then queued for
staff (clinic.records.callbacks) with its notice to the clinic. Never instead of
emergency help: in an emergency the advice is said again and nothing is queued; after
urgent advice, the advice to see a doctor today is said with it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache, partial
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.patient_details import contact_slots, someone_else_named, who_said_alongside
from actions.tracker_facts import (
    emergency_open,
    has_booking,
    latest_intent,
    urgent_open,
    value_before_latest_message,
    yes_or_no,
)
from clinic import booking as desk_words
from clinic import knowledge, settings
from clinic.booking import clock, short_when, when
from clinic.contact import (
    callee_named,
    display_phone,
    last_digits_put_right,
    name_put_right,
    read_contact,
)
from clinic.preferred_time import (
    PastTime,
    TimePreference,
    hours_put_right,
    names_a_time,
    read_preference,
    says_an_hour,
    times_for_a_call,
)
from clinic.records.callbacks import (
    ASKED,
    URGENT_ADVICE,
    CallBackRequest,
    CallBackStore,
    CallTime,
    call_time,
    callback_notice,
)
from clinic.schedule import clinic_schedule

Slots = dict[str, Any]
CALLBACK = "callback"
CALLBACK_STEPS = ["patient_name", "contact_details", "callback_time", "callback_confirmed"]
CALLBACK_SLOTS = ("callback_time", "callback_confirmed")
# Asked this often without a time read, the call is taken as "as soon as we can".
MAX_TIME_ATTEMPTS = 2


@cache
def callbacks() -> CallBackStore:
    """The call-back queue, created on first use from the settings."""
    return CallBackStore(settings.database_url())


def _reason(tracker: Tracker) -> str:
    """Why the call: what the offer was made for, urgent advice still open, or asked."""
    if tracker.get_slot("callback_offered") and tracker.get_slot("callback_reason"):
        return str(tracker.get_slot("callback_reason"))
    return URGENT_ADVICE if urgent_open(tracker) else ASKED


def offer_callback(
    dispatcher: CollectingDispatcher, tracker: Tracker, reason: str, question: str | None = None
) -> list[EventType]:
    """Offers a call-back with buttons; inside a form, where a button would answer the
    form's question, it is said in words instead."""
    # Inside a form a button would answer the form's question; a message read as a yes or
    # a no ("...yes or no?") would answer the offer it brings (outside run 61 p08: "No
    # problem" at once).
    if tracker.active_loop.get("name") or latest_intent(tracker) in ("affirm", "deny"):
        dispatcher.utter_message(response="utter_mention_callback")
        return [SlotSet("callback_reason", reason), SlotSet("callback_question", question)]
    dispatcher.utter_message(response="utter_offer_callback")
    return [
        SlotSet("callback_offered", True),
        SlotSet("callback_reason", reason),
        SlotSet("callback_question", question),
    ]


class ActionStartCallback(Action):
    """Starts the call-back task, or in an emergency says again that it can't wait."""

    def name(self) -> str:
        return "action_start_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        if emergency_open(tracker):
            number = settings.emergency_number()
            dispatcher.utter_message(
                response="utter_callback_not_in_an_emergency", emergency=number
            )
            return [SlotSet("callback_offered", None), SlotSet("booking_readiness", "emergency")]
        if _contact_answered(tracker, text):
            if tracker.get_slot("requested_slot") == "booking_slot":
                # "10:30 please. It's for Eleanor Whitfield, but please ring me, her daughter,
                # on 646 555 0128" to the times offered: the time, the name and how to reach
                # them, for the booking (outside run 121 r05: a call-back set up instead).
                from actions.booking import ValidateBookingForm

                found = ValidateBookingForm().validate_booking_slot(
                    text, dispatcher, tracker, domain
                )
                return [*(SlotSet(slot, value) for slot, value in found.items()),
                        FollowupAction("booking_form")]  # fmt: skip
            if tracker.get_slot("requested_slot") == "patient_name":
                # "Her name is Margaret O'Brien, but please call me on 718...": the name and
                # the contact, as the form reads them (outside run 102 p02: a call-back set
                # up). Imported here: the booking module imports this one.
                from actions.booking import ValidateBookingForm

                found = ValidateBookingForm().validate_patient_name(
                    text, dispatcher, tracker, domain
                )
                return [*(SlotSet(slot, value) for slot, value in found.items()),
                        FollowupAction("booking_form")]  # fmt: skip
            # "Call me on 646 555 0141" to the booking's contact question: its answer.
            found = contact_slots(read_contact(text))
            return [*(SlotSet(slot, value) for slot, value in found.items()),
                    FollowupAction("booking_form")]  # fmt: skip
        if _setting_up_a_call(tracker):
            # "Actually ring me instead, I'm Tom, 917..." while the call is set up: what it
            # puts right, not a new call from the start.
            changed = _put_right(text, tracker)
            if changed:
                dispatcher.utter_message(response="utter_changed_that")
            events = [SlotSet(slot, value) for slot, value in changed.items()]
            if changed and tracker.get_slot("requested_slot") == "callback_confirmed":
                events.append(SlotSet("callback_confirmed", None))
            return [*events, SlotSet("booking_readiness", "ready")]
        if _already_set(tracker, text):
            # "Just have them call me like I said": the call is set; said so, not set again
            # (outside run 35: asked for the time again, then "is that 2 calls now?").
            return [*tell_my_call(dispatcher, tracker), SlotSet("booking_readiness", "already_set")]
        reason = _reason(tracker)
        urgent = reason == URGENT_ADVICE and urgent_open(tracker)
        dispatcher.utter_message(
            response="utter_callback_after_urgent" if urgent else "utter_callback_start"
        )
        events: list[EventType] = [SlotSet(slot, None) for slot in CALLBACK_SLOTS]
        if not tracker.get_slot("patient_phone"):
            events.append(SlotSet("contact_details", None))  # an email alone can't be called
        said = who_said_alongside(text, tracker)
        if said.get("patient_phone") or "patient_name" in said:
            events += [SlotSet(slot, value) for slot, value in said.items()]
        callee = callee_named(text)
        if callee:  # "can someone call my gf Tamsin at 646...": whom to ask for
            events.append(SlotSet("patient_name", callee))
        if names_a_time(text) or any_time_said(text):
            events.append(SlotSet("callback_time", text))  # "...call me back on monday?"
        return [
            *events,
            SlotSet("booking_task", CALLBACK),
            SlotSet("failed_attempts", 0),
            SlotSet("callback_reason", reason),
            SlotSet("callback_offered", None),
            SlotSet("booking_readiness", "ready"),
            # A typed yes to the offer: its rule waits on the offer this clears, so the
            # form is started here (it ended in the fallback).
            *([FollowupAction("booking_form")] if latest_intent(tracker) == "affirm" else []),
        ]


def _setting_up_a_call(tracker: Tracker) -> bool:
    return (
        tracker.active_loop.get("name") == "booking_form"
        and tracker.get_slot("booking_task") == CALLBACK
    )


def _already_set(tracker: Tracker, text: str) -> bool:
    """Whether a call is already waiting for this chat and the request changes nothing of
    it (no other time, number or person named)."""
    if names_a_time(text) or read_contact(text).phone or who_said_alongside(text, tracker):
        return False
    try:
        made = callbacks().for_conversation(tracker.sender_id)
    except SQLAlchemyError:
        return False
    return bool(made) and made[-1].open


def _contact_answered(tracker: Tracker, text: str) -> bool:
    """Whether the message gives the contact the booking form is asking for, or gives it
    with the name asked for."""
    asked = tracker.get_slot("requested_slot")
    return (
        tracker.active_loop.get("name") == "booking_form"
        and tracker.get_slot("booking_task") not in (None, CALLBACK)
        and (
            asked in ("contact_details", "patient_name")
            # ...or with the time picked from those offered: "10:30 please... ring me on..."
            or (asked == "booking_slot" and says_an_hour(text))
        )
        and read_contact(text).usable
    )


class CallBackAnswers:
    """The call-back task's answers, for the booking form (ValidateBookingForm)."""

    def validate_callback_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """When to call, as said; asked again when no time is read, then taken as soon.
        Another person or number said with it ("call me instead, Jen Walsh, 646...") is
        taken too."""
        text = str(value)
        who = {k: v for k, v in _put_right(text, tracker).items() if k != "callback_time"}
        wish = read_preference(text, clinic_schedule().now())
        if isinstance(wish, PastTime):
            dispatcher.utter_message(response="utter_callback_time_passed")
            return {"callback_time": None, **who}
        if wish is None and not any_time_said(text):
            if who:  # a name or a number, not a failed try at a time
                return {"callback_time": None, **who}
            failed = int(tracker.get_slot("failed_attempts") or 0) + 1
            if failed >= MAX_TIME_ATTEMPTS:
                dispatcher.utter_message(response="utter_callback_soon")
                return {"callback_time": "as soon as possible", "failed_attempts": 0}
            dispatcher.utter_message(response="utter_ask_callback_time_again")
            return {"callback_time": None, "failed_attempts": failed}
        return {"callback_time": text, "failed_attempts": 0, **who}

    def validate_callback_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """On yes, queues the call for staff; on no, nothing is kept of it. Who, which
        number or when put right ("call me instead, Jen Walsh, 646...", "between 12 and 1")
        changes the summary, which is asked about again (outside run 32: each of these got
        "I need a yes or a no", or cancelled the call)."""
        changed = _put_right(str(value), tracker)
        if _number_not_read(str(value)) and "patient_phone" not in changed:
            # A number put right that can't be read: never "I've changed that" over it
            # (outside run 34: the old number kept under those words).
            dispatcher.utter_message(response="utter_number_not_read")
            return {"callback_confirmed": None, **changed}
        if changed:
            dispatcher.utter_message(response="utter_changed_that")
            return {"callback_confirmed": None, **changed}
        answer = yes_or_no(tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_yes_or_no")
            return {"callback_confirmed": None}
        if answer is False:
            return {"callback_confirmed": False}
        schedule = clinic_schedule()
        said = tracker.get_slot("callback_time") or ""
        due = _call_time(tracker).due
        wanted = CallBackRequest(
            conversation_id=tracker.sender_id,
            patient_name=tracker.get_slot("patient_name") or "",
            phone=tracker.get_slot("patient_phone") or "",
            preferred_time=said,
            due_at=due,
            reason=tracker.get_slot("callback_reason") or ASKED,
            triage_level=tracker.get_slot("triage_level"),
            question=tracker.get_slot("callback_question"),
        )
        try:
            callbacks().request(wanted, partial(callback_notice, zone=schedule.timezone))
        except SQLAlchemyError:
            dispatcher.utter_message(response="utter_not_passed_on", **knowledge.clinic_values())
            return {"callback_confirmed": False}
        return {"callback_confirmed": True, "callback_due": due.isoformat()}


_ANY_TIME = re.compile(
    r"\b(?:any ?time|whenever|asap|as soon as|right away|straight away|now|soon|no preference|"
    r"(?:doesn'?t|does not|don'?t) (?:matter|mind)|either|all day)\b",
    re.IGNORECASE,
)


def _put_right(text: str, tracker: Tracker) -> Slots:
    """The details the message changes: a new number, another person to call, a new time."""
    changed: Slots = {}
    contact = read_contact(text)
    known = tracker.get_slot("patient_phone") or ""
    ending = not contact.phone and last_digits_put_right(text, known)
    if ending:  # "his number ends in 0111, not 0110"
        contact = replace(contact, phone=ending, bad_phone=False)
    if contact.phone and contact.phone != known:
        changed.update(contact_slots(contact))
    name = (
        name_put_right(text, tracker.get_slot("patient_name"))
        or someone_else_named(text, tracker)
        or callee_named(text)  # "ask for Tamsin", "it's for Tamsin not me"
    )
    if name and name != tracker.get_slot("patient_name"):
        changed["patient_name"] = name
    now = clinic_schedule().now()
    when = times_for_a_call(text)  # not "...to move my appointment to Wednesday"
    wish = read_preference(when, now) if when else None
    before = tracker.get_slot("callback_time") or ""
    if isinstance(wish, TimePreference) and not wish.asap and when != before:
        due = _call_time(tracker).due if before else None
        if due is None or not wish.accepts(due, due):
            # "between 9 and 11am" after "monday": still Monday. "Monday works" for a call
            # on Monday at 5 changes nothing (outside run 35: it moved the call to 8 am).
            changed["callback_time"] = hours_put_right(when, before, now)
    return changed


def time_said_alongside(text: str, tracker: Tracker) -> Slots:
    """When to call, said with the name or number ("Harriet Vane, 646 555 0107, any time
    tomorrow"): kept, so it is not asked for."""
    if tracker.get_slot("booking_task") != CALLBACK or tracker.get_slot("callback_time"):
        return {}
    text = times_for_a_call(text)
    if not (names_a_time(text) or any_time_said(text)):
        return {}
    wish = read_preference(text, clinic_schedule().now())
    return {} if isinstance(wish, PastTime) else {"callback_time": text}


def _number_not_read(text: str) -> bool:
    """A phone number given that can't be read: the digits of a number, or the word, not a
    date and hours ("Tuesday 8 December, 12 to 14")."""
    said_a_number = len(re.findall(r"\d", text)) >= 7 or re.search(
        r"\b(?:number|phone|mobile|cell|digits)\b", text, re.IGNORECASE
    )
    return bool(said_a_number and read_contact(text).bad_phone)


def any_time_said(text: str) -> bool:
    """ "Any time", "whenever", "asap": a time of sorts, the sooner the better."""
    return bool(_ANY_TIME.search(text))


class ActionAskCallbackConfirmed(Action):
    """Shows who is called, on which number and when, and asks for the yes."""

    def name(self) -> str:
        return "action_ask_callback_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        schedule = clinic_schedule()
        when = _call_time(tracker)
        if when.closed_then:  # "tomorrow" on a Saturday: not Monday without a word
            dispatcher.utter_message(response="utter_callback_clinic_closed")
        dispatcher.utter_message(
            response="utter_ask_callback_confirmed",
            name=tracker.get_slot("patient_name"),
            phone=display_phone(tracker.get_slot("patient_phone") or ""),
            when=call_when(when.due, schedule.now(), when.until),
        )
        return []


def _call_time(tracker: Tracker) -> CallTime:
    """When the clinic will call, from the time the patient named."""
    schedule = clinic_schedule()
    now = schedule.now()
    return call_time(read_preference(tracker.get_slot("callback_time") or "", now), now, schedule)


def call_when(due: dt.datetime, now: dt.datetime, until: dt.datetime | None = None) -> str:
    """When the clinic will call, in words: "as soon as they can", "today from 3:00 pm",
    "Mon 7 Dec, between 12:00 pm and 1:00 pm"."""
    day = short_when(due).rsplit(",", 1)[0]
    if due <= now and until is None:
        # Open now: today, named, so "monday first thing" said on a Monday at 11 reads right.
        return f"as soon as they can, today ({day})"
    if due.date() == now.date():  # with its name: just after midnight it is not "tonight"
        day = f"today ({day})"
    start = max(due, now)
    if until is not None:
        return f"{day}, between {clock(start)} and {clock(until)}"
    return f"{day} from {clock(start)}"


def finish_callback(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Says what was done; the pain questions carry on where they stopped, if they had begun.
    Stopped by an emergency, the call can't stand in for the help advised: said so."""
    if emergency_open(tracker) and tracker.get_slot("callback_confirmed") is not True:
        dispatcher.utter_message(
            response="utter_callback_not_in_an_emergency", emergency=settings.emergency_number()
        )
        return []
    if tracker.get_slot("callback_confirmed") is not True:
        dispatcher.utter_message(response="utter_callback_not_queued")
        return []
    schedule = clinic_schedule()
    queued = tracker.get_slot("callback_due")
    when = _call_time(tracker)
    due = dt.datetime.fromisoformat(queued) if queued else when.due
    dispatcher.utter_message(
        response="utter_callback_queued",
        name=tracker.get_slot("patient_name"),
        phone=display_phone(tracker.get_slot("patient_phone") or ""),
        when=call_when(due, schedule.now(), when.until if when.due.date() == due.date() else None),
    )
    if urgent_open(tracker):
        dispatcher.utter_message(response="utter_callback_doctor_first")
    if tracker.get_slot("body_part") and tracker.get_slot("tdn_fit") is None:
        dispatcher.utter_message(response="utter_callback_carry_on")
        return [FollowupAction("intake_form")]
    return []


def tell_my_call(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "Is my call still on?": the call asked for in this chat, as it stands now."""
    if _setting_up_a_call(tracker):
        dispatcher.utter_message(response="utter_callback_being_set_up")
        return []  # the form asks its question next
    try:
        made = callbacks().for_conversation(tracker.sender_id)
    except SQLAlchemyError:
        made = None
    contact = tracker.get_slot("contact_details")
    if not made and has_booking(tracker) and contact:
        # "You'll call ME on that number, not my mom right?": the booking's contact is who
        # the clinic reaches about it (outside run 56: "No call has been set up", twice).
        start = dt.datetime.fromisoformat(tracker.get_slot("booking_starts_at"))
        dispatcher.utter_message(
            response="utter_clinic_reaches_contact", contact=contact, when=when(start)
        )
        return []
    if not made:  # none, or the store unreachable: the way to get one
        dispatcher.utter_message(response="utter_no_callback_set")
        return []
    call = made[-1]
    if not call.open:
        dispatcher.utter_message(response="utter_callback_not_waiting")
        return []
    schedule = clinic_schedule()
    zone = schedule.timezone
    due = call.due_at.astimezone(zone)
    asked_at = call.created_at.astimezone(zone)
    named = call_time(read_preference(call.preferred_time or "", asked_at), asked_at, schedule)
    dispatcher.utter_message(
        response="utter_callback_still_on",
        name=call.patient_name,
        phone=display_phone(call.phone),
        when=call_when(due, schedule.now(), named.until if named.due == due else None),
    )
    return []


class ActionCancelCallback(Action):
    """ "Cancel the call, I'll phone you myself": the call-back being set up is stopped, or
    the one queued in this chat is called off (staff see it done, with why)."""

    def name(self) -> str:
        return "action_cancel_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if (
            tracker.active_loop.get("name") == "booking_form"
            and tracker.get_slot("booking_task") == CALLBACK
        ):
            return [SlotSet("callback_confirmed", False)]  # the form ends and says so
        try:
            cancelled = callbacks().cancel(tracker.sender_id)
        except SQLAlchemyError:
            dispatcher.utter_message(response="utter_not_passed_on", **knowledge.clinic_values())
            return []
        dispatcher.utter_message(
            response="utter_callback_cancelled" if cancelled else "utter_no_callback_to_cancel"
        )
        events = [SlotSet("callback_due", None), SlotSet("callback_offered", None)]
        if tracker.active_loop.get("name") == "booking_form" and tracker.get_slot(
            "booking_task"
        ) in ("cancel", "reschedule"):
            # "Cancel it" about the call, taken first for the consultation (outside run 34):
            # the consultation's change stops, the booking stays.
            dispatcher.utter_message(response="utter_booking_kept")
            events += [SlotSet("cancel_confirmed", False)]
        return events


class ActionCallbackDeclined(Action):
    """A no to the offered call-back: the chat stays open."""

    def name(self) -> str:
        return "action_callback_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not value_before_latest_message(tracker, "callback_offered"):
            # Offered in answer to this very message ("...yes or no?"): its "no" is no
            # answer to the offer, which stays open (outside run 61).
            return []
        text = tracker.latest_message.get("text") or ""
        if desk_words.wants_a_booking(text) and not tracker.get_slot("booking_reference"):
            # "No thanks, just book me. Wednesday morning?": the call declined, the booking
            # asked for goes ahead (outside run 72 p03: "Tell me about your pain").
            from actions.booking import BOOK, start_task  # it imports this module
            from actions.safety import form_to_resume

            started = start_task(BOOK, dispatcher, tracker)
            ready = SlotSet("booking_readiness", "ready") in started
            form = "booking_form" if ready else form_to_resume(tracker)
            return [
                SlotSet("callback_offered", None),
                *started,
                *([FollowupAction(form)] if form else []),
            ]
        dispatcher.utter_message(response="utter_callback_declined")
        return [SlotSet("callback_offered", None)]
