"""Booking, cancelling and moving the free consultation in the chat.

One form, `booking_form`, asks what the task needs (`booking_task`: book, cancel or
reschedule). The clinic's booking desk (clinic/booking.py) does the work; the validators
call it when the patient confirms, so a time taken meanwhile is offered again in the form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.callback import (
    CALLBACK,
    CALLBACK_SLOTS,
    CALLBACK_STEPS,
    CallBackAnswers,
    finish_callback,
    time_said_alongside,
)
from actions.patient_details import (
    booked_by,
    contact_slots,
    someone_else_named,
    who_said_alongside,
    writer_after_the_patient,
    writer_introduced,
    writers_own_name,
)
from actions.safety import about_safety, open_screen_questions, undo_for_safety_answer
from actions.tracker_facts import (
    emergency_open,
    entity_values,
    has_booking,
    intake_from_tracker,
    latest_intent,
    read_from_message_unchecked,
    response_before_latest_message,
    said_lately,
    said_since_latest_message,
    stood_down,
    the_patient,
    urgent_open,
    value_before_latest_message,
    yes_or_no,
)
from clinic import booking as desk_module
from clinic import knowledge, settings
from clinic.assessment import assess
from clinic.availability import Offer, pick_offered
from clinic.booking import (
    BookingDesk,
    Patient,
    asks_if_cancelled,
    asks_to_move,
    clock,
    reference_in,
    short_when,
    wants_a_booking,
    when,
)
from clinic.booking_store import CONFIRMED, NotFound, SlotTaken
from clinic.contact import (
    declines_a_call,
    email_put_right,
    last_digits_put_right,
    name_and_contact,
    name_mended_beside,
    name_put_right,
    read_contact,
    read_name,
    same_as_before,
)
from clinic.intake import is_unsure, question_after_answer, summarise
from clinic.patient import spoken_of
from clinic.phone_numbers import without_phone_numbers
from clinic.preferred_time import (
    WEEK_OR_DATE,
    DayMismatch,
    PastTime,
    TimePreference,
    names_a_day,
    names_a_time,
    read_preference,
    says_an_hour,
    times_for_a_booking,
    times_for_a_move,
    weekday_of,
    with_the_time_wished_before,
    yes_and_a_time,
)
from clinic.safety import advice, answers

Slots = dict[str, Any]
BOOK, CANCEL, RESCHEDULE, SHOW = "book", "cancel", "reschedule", "show"
# The consent to keep the patient's details is asked with the booking's confirmation: one
# yes to both (`booking_consent` is set with `booking_confirmed`).
STEPS = {
    BOOK: [
        "preferred_time", "booking_slot", "patient_name", "contact_details", "booking_confirmed",
    ],
    CANCEL: ["lookup_reference", "lookup_contact", "cancel_confirmed"],
    SHOW: ["lookup_reference", "lookup_contact"],
    RESCHEDULE: [
        "lookup_reference", "lookup_contact", "preferred_time", "booking_slot",
        "booking_confirmed",
    ],
    CALLBACK: CALLBACK_STEPS,
}  # fmt: skip
# Emptied when a booking task starts, so an earlier attempt never answers for this one.
FORM_SLOTS = (
    "preferred_time", "offered_slots", "booking_slot", "patient_name", "contact_details",
    "booking_consent", "booking_confirmed", "lookup_reference", "lookup_contact",
    "cancel_confirmed", *CALLBACK_SLOTS,
)  # fmt: skip
_KEPT_UNTIL_BOOKED = ("patient_name", "contact_details")
MAX_TIME_ATTEMPTS = 2
MAX_LOOKUP_ATTEMPTS = 3

_NO_REFERENCE = re.compile(
    r"\b(don'?t|do not|can'?t|cannot|haven'?t|no)\b.*"
    r"\b(have|find|know|remember|got|reference|ref)\b"
    r"|\b(lost|forgot|forgotten|no idea)\b",
    re.IGNORECASE,
)


def desk() -> BookingDesk:
    """The clinic's booking desk (replaced in tests by one on a temporary database)."""
    return desk_module.booking_desk()


def _local(iso: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return desk().local(moment) if moment.tzinfo else None


def _slots_of(offer: Offer) -> list[str]:
    return [slot.starts_at.isoformat() for slot in offer.slots]


class ActionStartBooking(Action):
    """Starts booking, cancelling or moving a consultation, once it is safe to.

    Sets `booking_readiness`, which the rules follow: `ready` (the form starts),
    `intake_first` (the red-flag screen for where it hurts has not run yet), `emergency`
    (get help first) or `booked` (this conversation already has a booking).
    """

    def name(self) -> str:
        return "action_start_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        text = tracker.latest_message.get("text") or ""
        # "Nah don't call, just book me in", to both offers: the no is the call's.
        call_offered = value_before_latest_message(tracker, "callback_offered")
        the_calls = bool(call_offered) and declines_a_call(text)
        declined = (yes_or_no(tracker) is False and not the_calls) or desk_module.declines_booking(
            text
        )
        offered = tracker.get_slot("consultation_offered")
        if intent in ("inform", "affirm") and offered and declined:
            # "No, just the call on Monday", "I don't want to book": a no to the offer,
            # whatever day it names; "ok I'll think about it": not now, whatever its "ok".
            dispatcher.utter_message(response="utter_consultation_declined")
            return [
                SlotSet("consultation_requested", False),
                SlotSet("consultation_offered", False),
                SlotSet("offer_declined", True),
                SlotSet("booking_readiness", "declined"),
            ]
        if intent == "inform" and not names_a_time(text):
            # Said to the offer, but no time: a late fact for the intake, not a booking.
            return [SlotSet("consultation_offered", None), FollowupAction("intake_form")]
        if (
            intent == "cancel_booking"
            and has_booking(tracker)
            and asks_if_cancelled(text)
            and say_the_only_booking(dispatcher, tracker)
        ):
            # "So monday is cancelled right?" after a move: the one booking there is, not a
            # question whether to cancel it (outside run 56 p07).
            return [
                SlotSet("consultation_offered", False),
                SlotSet("booking_readiness", "booked"),
            ]
        task = {"cancel_booking": CANCEL, "reschedule_booking": RESCHEDULE}.get(intent, BOOK)
        if task == CANCEL and names_a_time(text) and asks_to_move(text):
            # "Cancel it, can I do Saturday morning instead?": a move (outside run 59: the
            # booking was cancelled and the Saturday lost).
            task = RESCHEDULE
        if task == BOOK and _asks_besides_booking(text):
            from actions.questions import answer_if_known  # it imports this module

            # "ok sure book me in. is there parking n how long is the consult": the
            # questions answered, then the times (outside run 58: the parking was dropped);
            # not "can I book a consultation for dry needling?" (run 59: the evidence).
            answer_if_known(dispatcher, tracker, only_if_close=True)
        call_declined = [SlotSet("callback_offered", None)] if the_calls else []
        return [*call_declined, *start_task(task, dispatcher, tracker)]


def _asks_besides_booking(text: str) -> bool:
    """Whether a clause of a booking request asks something else ("...book me in. is there
    parking?"), not only whether it can be booked."""
    return any(
        knowledge.looks_like_question(part) and not wants_a_booking(part)
        for part in _CLAUSES.split(text)
        if part.strip()
    )


_CLAUSES = re.compile(r"[.!?;,]\s*|\s+(?:and|n|also|plus)\s+", re.IGNORECASE)


def say_the_only_booking(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Says the one booking this chat holds ("is Thursday gone?": yes, Saturday is it)."""
    start = _local(tracker.get_slot("booking_starts_at") or "")
    if start is None:
        return False
    dispatcher.utter_message(
        response="utter_only_booking",
        when=when(start),
        reference=tracker.get_slot("booking_reference"),
    )
    return True


def start_task(task: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The events that start booking, cancelling, moving or looking up the consultation.

    Booking waits only for the red-flag screen of the region that hurts: a patient who
    just wants to book is asked where it hurts and that screen (`booking_first` shortens
    the intake to them); the physiotherapist goes through the rest at the consultation. A
    time said with the request ("book me in Thursday at 10") is kept for when the times
    are offered.
    """
    booking_now = (
        tracker.get_slot("booking_first")
        or tracker.get_slot("consultation_requested")
        or tracker.get_slot("consultation_offered")
    )
    if task == RESCHEDULE and booking_now and not tracker.get_slot("booking_reference"):
        # "Can we make it 5pm instead?" before anything is booked, or "yes, so monday 14th"
        # to the offer: a wish for a new booking, not a move.
        task = BOOK
    # Who the patient is stays known until a booking is made: "yes. Tom Becker, 0171...,
    # tomorrow morning" to the offer, or a name said before the intake went first.
    kept = _KEPT_UNTIL_BOOKED if task == BOOK and not tracker.get_slot("booking_reference") else ()
    events = [SlotSet(slot, None) for slot in FORM_SLOTS if slot not in kept]
    if kept:
        said = who_said_alongside(tracker.latest_message.get("text") or "", tracker)
        events += [SlotSet(slot, value) for slot, value in said.items()]
    events += [
        SlotSet("booking_task", task),
        SlotSet("failed_attempts", 0),
        SlotSet("consultation_offered", False),
        SlotSet("offer_declined", False),
    ]
    reference = tracker.get_slot("booking_reference")
    if task != BOOK:
        contact = tracker.get_slot("patient_phone") or tracker.get_slot("patient_email")
        if reference and contact:
            # Booked in this very chat: the patient has proved who they are already.
            events += [SlotSet("lookup_reference", reference), SlotSet("lookup_contact", contact)]
            text = tracker.latest_message.get("text") or ""
            moved_to = times_for_a_move(text)
            wish = read_preference(moved_to, desk().now()) if task == RESCHEDULE else None
            if isinstance(wish, TimePreference) and not wish.either:
                wish = _same_time_as_booked(text, wish, tracker, RESCHEDULE)
            if isinstance(wish, TimePreference):
                # "Can you move it to Saturday 11?": the times for it straight away.
                events += [
                    SlotSet(slot, value)
                    for slot, value in _offer(wish, text, dispatcher, tracker).items()
                ]
        elif said := reference_in(tracker.latest_message.get("text") or ""):
            # "ref P7KD2W, please cancel it": not asked for again; the contact still is.
            events.append(SlotSet("lookup_reference", said))
        text = tracker.latest_message.get("text") or ""
        if task == RESCHEDULE and not (reference and contact) and names_a_time(text):
            # "Can we move it to Tuesday afternoon?": offered once the booking is found
            # (outside run 53: asked for again after the look-up).
            events.append(SlotSet("wished_time", times_for_a_move(text)))
        return [*events, SlotSet("booking_readiness", "ready")]
    events.append(SlotSet("consultation_requested", True))
    if emergency_open(tracker):
        number = settings.emergency_number()
        dispatcher.utter_message(text=advice.EMERGENCY_REMINDER.format(number=number))
        return [*events, SlotSet("booking_readiness", "emergency")]
    booking = desk().store.get(reference) if reference else None
    if booking is not None and booking.status == CONFIRMED:
        dispatcher.utter_message(
            response="utter_already_booked",
            when=when(desk().local(booking.starts_at)),
            reference=booking.reference,
        )
        return [*events, SlotSet("booking_readiness", "booked")]
    text = tracker.latest_message.get("text") or ""
    said = times_for_a_booking(text)  # not the day the GP can see them
    before = tracker.get_slot("wished_time")
    # "Now, Thursday please" after "Thursday afternoon": the afternoon kept.
    wished = (
        with_the_time_wished_before(said, before, desk().now()) if names_a_time(said) else before
    )
    if urgent_open(tracker):
        # Said before any further question too: booking never hides the advice (outside
        # run 17: "do I really need a doctor today? I'd rather book with you").
        later = advice.plans_care_later(text)  # "my GP can't see me till Tuesday"
        response = "utter_booking_after_urgent_later" if later else "utter_booking_after_urgent"
        if advice.promises_care(text):
            # "I'll ring the out of hours line this afternoon. Can I book for after?": not
            # "don't wait for the consultation" to a patient who just said they'd go.
            response = "utter_booking_after_care_promised"
        elif advice.at_night(desk().now().hour) and advice.plans_care_first_thing(text):
            # "We'll call his doctor in the morning. Can we book thursday?" at 00:40: the
            # earliest doctor there is (outside run 89 p04: "Please see a doctor sooner").
            response = "utter_booking_after_morning_care"
        if not said_lately(tracker, *_BEFORE_BOOKING_AFTER_URGENT):
            # Said as the booking is asked for, not again as it goes on after the checklist
            # (outside run 76 p01: twice in two turns, four times in all).
            dispatcher.utter_message(
                response=response, emergency_number=settings.emergency_number()
            )
    # After crisis advice stood down, the emergency's "not advised" is no assessment: the
    # screen and the checklist still come first (outside run 11).
    if (tracker.get_slot("tdn_fit") is None or stood_down(tracker)) and not screened(tracker):
        return [
            *events,
            SlotSet("booking_first", True),
            SlotSet("wished_time", wished),
            SlotSet("booking_readiness", "intake_first"),
        ]
    if tracker.get_slot("tdn_fit") is None:
        # Booked before the intake's end: the fit as far as it is known, for the staff.
        fit = assess(intake_from_tracker(tracker)).tdn_fit
        events += [SlotSet("tdn_fit", fit), SlotSet("booking_first", True)]
    wish = read_preference(wished, desk().now()) if wished else None
    if isinstance(wish, TimePreference):
        events += [
            SlotSet(slot, value)
            for slot, value in _offer(wish, wished, dispatcher, tracker).items()
        ]
    return [*events, SlotSet("wished_time", None), SlotSet("booking_readiness", "ready")]


# The advice said as a booking is asked for after urgent advice.
_BEFORE_BOOKING_AFTER_URGENT = (
    "utter_booking_after_urgent",
    "utter_booking_after_urgent_later",
    "utter_booking_after_care_promised",
    "utter_booking_after_morning_care",
)


def screened(tracker: Tracker) -> bool:
    """Whether where it hurts is known, its red-flag screen has no question left and the
    contraindication checklist was answered (or skipped: the physiotherapist asks again)."""
    checklist = tracker.get_slot("contraindication_screen") is not None or (
        "contraindication_screen" in (tracker.get_slot("intake_skipped") or [])
    )
    return bool(tracker.get_slot("body_part")) and not open_screen_questions(tracker) and checklist


def _offer(
    wish: TimePreference, said: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> Slots:
    """The nearest free times for the wish (or, if none fits, the nearest ones at all);
    from tomorrow when a doctor should see the patient today first."""
    not_before = None
    if urgent_open(tracker):
        not_before = desk().now().date() + dt.timedelta(days=1)
        if wish.first_day < not_before:
            dispatcher.utter_message(response="utter_times_after_the_doctor")
    offer = desk().offer(wish, not_before)
    if not offer.slots:
        dispatcher.utter_message(response="utter_no_free_times")
        return {"preferred_time": None, "failed_attempts": 0}
    closed = _closed_on(wish)
    if not offer.matched and closed:
        dispatcher.utter_message(response="utter_closed_that_day", **closed)
    elif not offer.matched:
        dispatcher.utter_message(
            response="utter_nothing_free_then", hours=desk().schedule.describe_hours()
        )
    elif missed := _hour_not_offered(wish, [slot.starts_at for slot in offer.slots]):
        dispatcher.utter_message(response="utter_nothing_free_at_that_hour", **missed)
    return {
        "preferred_time": said,
        "offered_slots": _slots_of(offer),
        "failed_attempts": 0,
        "day_choices": None,
    }


# An hour, or several ("5 or 5:30"), as said when turned down; never across a comma ("not
# 8, 10 would work").
_HOURS_SAID = (
    r"(?:the\s+)?(?:\d{1,2}(?:[:.]\d{2})?|[1-9][0-5]\d)\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)?"
    r"(?:\s*(?:/|or|and|nor)\s*(?:the\s+)?(?:\d{1,2}(?:[:.]\d{2})?|[1-9][0-5]\d)\s*"
    r"(?:am|pm|a\.m\.|p\.m\.|o'?clock)?)*(?:\s+(?:ones?|slots?|times?))?"
)
# The hour given up when another is asked for: "10 instead of 9:30", "4 rather than the 3
# o'clock", "4 not 3" (outside run 84 p06: 9:30 kept at the contact question).
_GIVEN_UP = re.compile(
    # Turned down before: "not 8 or 8:30", "I can't make 5 or 5:30" (outside run 119 p07:
    # 5:30 booked).
    r"\b(?:instead of|rather than|not|(?:can'?t|cannot|can\s+not|won'?t|couldn'?t)\s+"
    r"(?:make|do|manage|come(?:\s+in)?(?:\s+at)?|get\s+there(?:\s+(?:at|for|by))?))\s+"
    + _HOURS_SAID
    # Turned down after: "8am no", "8 nope", "5 doesn't work" (outside run 119 p03: 8:00 booked).
    + r"|\b"
    + _HOURS_SAID
    + r"\s+(?:(?:no|nope|nah)\b(?!\s+(?:problem|prob|probs|worries|bother|"
    r"issue))|(?:doesn'?t|does\s+not|won'?t|wont|isn'?t\s+going\s+to)\s+(?:work|do|suit)|"
    r"is\s+out|(?:is\s+)?no\s+good|(?:is\s+)?not\s+(?:good|possible|great))"
    # Busy then: "i have a meeting at 12", "there's a team call at 10" (outside run 89 p05).
    r"|\b(?:a|my|the|our|his|her|team|work)\s+"
    r"(?:meeting|call|standup|stand-up|class|lecture|shift|school run|pick-?up)"
    r"\s+(?:is\s+)?(?:at|till|until)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?"
    # Said to be hard: "7 is tight with my kids pickup", "5 is tough" (outside runs 116 p07
    # and 114 p01: the hour kept).
    r"|\b(?:\d{1,2}(?:[:.]\d{2})?|[1-9][0-5]\d)\s*(?:am|pm)?\s+(?:is|'s|was|would be)\s+"
    # "9 is way too early" (two words before it: the offers' pick took the 9).
    r"(?:(?:a bit|a little|a tad|kind of|way|much|far|just|really|kinda|pretty|too|so|very)"
    r"\s+){0,2}"
    r"(?:tight|tough|hard|difficult|a "
    r"stretch|too early|too late|early|late|no good|not good|bad|a problem|impossible|a push)\b",
    re.IGNORECASE,
)
# An hour in figures: "2:30", "3pm", "at 10" (not "same time", not "the 11th").
A_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}|\s*(?:am|pm|o'?clock))|\bat \d{1,2}\b", re.IGNORECASE)


def _an_hour_put_right(said: str, tracker: Tracker) -> bool:
    """Whether a day and a clock hour are said while a time is chosen already (at the
    confirmation): "Friday the 11th, 2:30 if you have it"."""
    return bool(_local(str(tracker.get_slot("booking_slot") or ""))) and bool(A_CLOCK.search(said))


def _the_hour_free(wish: TimePreference, tracker: Tracker) -> dt.datetime | None:
    """The very hour of one day a wish names, when it is free (and, after urgent advice,
    not before tomorrow), else None."""
    if wish.at is None or wish.either or wish.first_day != wish.last_day:
        return None
    if urgent_open(tracker) and wish.first_day <= desk().now().date():
        return None
    hour = dt.datetime.combine(wish.first_day, wish.at, tzinfo=desk().now().tzinfo)
    return hour if desk().is_free(hour) else None


def _takes_the_time_asked_for(said: str, tracker: Tracker, offered: list[dt.datetime]) -> bool:
    """Whether the answer to "which suits you?" takes the first time offered because it is
    the very day and hour asked for: a yes, or the name or contact details given next."""
    wish = read_preference(tracker.get_slot("preferred_time") or "", desk().now())
    if not offered or not isinstance(wish, TimePreference) or wish.at is None:
        return False
    first = offered[0]
    if (first.time(), wish.last_day) != (wish.at, wish.first_day) or first.date() != wish.first_day:
        return False
    if names_a_time(said) or _ANOTHER.search(said):
        return False
    name, contact = name_and_contact(said)
    named = read_name(name) is not None and len(said.split()) <= 4
    return answers.yes_or_no(said) is True or contact.usable or named


# A bare hour said to the offered times: "10 please", "2 is fine", "11 works".
def _people(tracker: Tracker) -> list[str]:
    """The people spaCy found in the latest message."""
    return list(entity_values(tracker, "PERSON"))


_BARE_HOUR = re.compile(
    r"(?:1[0-2]|[1-9])(?:[:.]\d\d)?\s*(?:please|pls|is fine|is good|works|would be good|ok)?[.!]?",
    re.IGNORECASE,
)


# An hour said bare in a sentence ("10 would work", "11 maybe?"), not a count or a date.
_LONE_HOUR = re.compile(
    r"(?<![\w:/.])((?:1[0-2]|[1-9])(?::[0-5]\d)?)(?![\w:/.]|\s*(?:days?|weeks?|months?|years?|"
    r"hours?|hrs?|mins?|minutes?|people|of|out|/|%)\b)",
    re.IGNORECASE,
)


# An hour said as taken: "12 works", "10 is good", "9:30 then".
_AN_HOUR_TAKEN = re.compile(
    r"\b(?:1[0-2]|[1-9])(?::[0-5]\d)?\s*(?:am|pm)?\s+(?:works|is good|is fine|is perfect|"
    r"suits|would work|would be good|would be great|then|please|pls|is ok|is okay)\b",
    re.IGNORECASE,
)


# A moment asked for before the yes: "no wait", "hold on", "wait a sec", with more said.
_HOLD_ON = re.compile(
    r"^\W*(?:no+\W+|oh\W+)?(?:wait|hold on|hang on|one (?:sec|second|moment)|just a (?:sec|second|"
    r"moment))\b\W+(?=\w)",
    re.IGNORECASE,
)
# A yes that opens a message, to "Shall I book it?": "yes please", "book it", "go ahead".
_AGREES = re.compile(
    r"^\W*(?:yes+|yeah|yep|yup|ya|yea|sure|ok(?:ay)?|book (?:it|me|her|him|us)|please do|go ahead"
    r"|sounds good|perfect|great|do it|that'?s (?:right|fine|perfect|great)|correct)\b(?!\W*\?)",
    re.IGNORECASE,
)
# A first choice, then a fallback: "wed if it's there, otherwise tue 9".
_FALLBACK = re.compile(
    r"[,.;]?\s*\b(?:otherwise|if not(?: then)?|failing that|or else|if that'?s not "
    r"possible|if you can'?t)\b",
    re.IGNORECASE,
)
# A bare hour with the words that change the time: "make it 10", "can we do 4", "11 instead".
_ANOTHER_HOUR = re.compile(
    r"\b(?:make it|change (?:it |that )?to|move (?:it |that )?to|switch (?:it |that )?to|"
    r"can we do|could we do|can i do|could i do|how about|what about)\s+(?:at\s+)?"
    r"(?P<hour>\d{1,2}(?::\d\d)?)\b(?!\s*(?:[:/.]\d|days?|weeks?|months?|years?|hours?|hrs?|"
    r"people|of)\b)|\b(?P<instead>\d{1,2}(?::\d\d)?)\s+(?:instead|rather)\b",
    re.IGNORECASE,
)
# Words that change a time already picked: "1pm instead", "make it 2", "2pm not 1:30".
_CHANGES_THE_TIME = re.compile(
    r"\b(?:instead|rather|actually|change|make it|could we do|can we do|can i do|switch|"
    r"move it|prefer|not|meant)\b",
    re.IGNORECASE,
)


def _whole_message(value: Any, tracker: Tracker) -> str:
    """The message a slot's value was taken from: the phone's entity alone leaves out "can
    we make it 11 instead of 10?" said beside it (outside run 110 p06: booked at 10)."""
    text = tracker.latest_message.get("text") or ""
    return text if str(value).lower() in text.lower() else str(value)


def _another_day(text: str, tracker: Tracker) -> bool:
    """A day named that the time picked is not on ("I meant tuesday lunch" with Monday
    picked, outside run 93 p06): a change, however it is worded."""
    booked = _local(tracker.get_slot("booking_slot") or "")
    if booked is None or not names_a_day(text):
        return False
    wish = read_preference(text, desk().now())
    return isinstance(wish, TimePreference) and not wish.accepts_day(booked.date())


# "None of them", "another day", "something later": not the time offered first.
_ANOTHER = re.compile(
    r"\b(?:no|not|none|neither|other|another|different|later|earlier|instead|else)\b", re.I
)


def _closed_on(wish: TimePreference) -> dict[str, str] | None:
    """The values of `utter_closed_that_day` when the one day asked for is closed ("tomorrow
    10am" on a Saturday, the clinic shut on Sundays), so the patient hears why; else None."""
    day, schedule = wish.first_day, desk().schedule
    if wish.last_day != day or wish.either:
        return None
    closure = schedule.closure_on(day)
    if closure:
        return {
            "day": f"{day:%A} {day.day} {day:%B} ({closure.reason})",
            "hours": schedule.describe_hours(),
        }
    if not schedule.opening_hours.get(day.weekday()):
        return {"day": f"{day:%A}s", "hours": schedule.describe_hours()}
    return None


def _hour_not_offered(wish: TimePreference, starts: list[dt.datetime]) -> dict[str, str] | None:
    """The values of `utter_nothing_free_at_that_hour` when the day fits but the hour asked
    for is not among the times offered ("tomorrow at 3" on a Saturday that closes at
    13:00), so the patient knows why; None when there is nothing to say."""
    if wish.at is None or not starts or any(s.time() == wish.at for s in starts):
        return None
    day = starts[0].date()
    if any(s.date() != day for s in starts):
        return None
    hours = desk().schedule.opening_hours.get(day.weekday()) or ()
    at = dt.datetime.combine(day, wish.at, tzinfo=starts[0].tzinfo)
    return {"clock": clock(at), "day": f"{day:%A}", "hours": " and ".join(str(h) for h in hours)}


_DETAILS = ("patient_name", "contact_details", "patient_phone", "patient_email")


def _details_before(tracker: Tracker) -> dict[str, Any]:
    """The name and contact details last set in this chat (a booking made, then cancelled)."""
    found: dict[str, Any] = {}
    for event in reversed(tracker.events):
        name = event.get("name")
        if event.get("event") == "slot" and name in _DETAILS and event.get("value"):
            found.setdefault(name, event["value"])
    return found


def _straight_after_the_message(tracker: Tracker) -> bool:
    """Whether the form runs on the patient's message itself: it also runs as it starts
    (after `action_start_booking`) and after a question's own rule, the message the same."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") != "booking_form":
            return False
    return False


class ValidateBookingForm(CallBackAnswers, FormValidationAction):
    """Checks each answer of the booking form; books, moves or cancels on the patient's yes."""

    def name(self) -> str:
        return "validate_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answers a question said with a form answer ("9:30. anita rossi 212 555 3344. and
        you never said if needling could help my neck": outside run 58), then checks it."""
        from actions.questions import answer_if_known  # it imports this module

        if _straight_after_the_message(tracker) and not (latest_intent(tracker) or "").startswith(
            "ask_"
        ):
            answer_if_known(dispatcher, tracker, only_if_close=True, booking=True)
        return await super().run(dispatcher, tracker, domain)

    async def extract_booking_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """An offered time picked in a message the model heard as a question ("you said 2
        wasn't free, now it's on the list? I'll take 2 pm then"): the slot's mapping skips
        questions, so the pick is read here; a question naming no offered time is left."""
        text = tracker.latest_message.get("text") or ""
        intent = latest_intent(tracker) or ""
        if (
            tracker.get_slot("requested_slot") != "booking_slot"
            or not intent.startswith("ask_")
            or text.startswith("/")
        ):
            return {}
        offered = [s for s in (_local(iso) for iso in tracker.get_slot("offered_slots") or []) if s]
        return {"booking_slot": text} if pick_offered(text, offered, desk().now()) else {}

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        task = tracker.get_slot("booking_task") or BOOK
        stopped = (
            tracker.get_slot("cancel_confirmed") is False
            or tracker.get_slot("callback_confirmed") is False
            # A call can't stand in for emergency help (outside run 34: asked when to call
            # right after "call 911 now").
            or (task in (BOOK, CALLBACK) and emergency_open(tracker))
            # Said in words mid-booking: "I don't want an appointment after all".
            or (task == BOOK and tracker.get_slot("consultation_requested") is False)
            or (tracker.get_slot("lookup_attempts") or 0) >= MAX_LOOKUP_ATTEMPTS
        )
        return [] if stopped else list(STEPS[task])

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Validates as usual, except a message that answered a safety question or asked
        about advice: it answers none of the booking's questions (see the intake form)."""
        if emergency_open(tracker) and (tracker.get_slot("booking_task") or BOOK) in (
            BOOK,
            CALLBACK,
        ):
            return [SlotSet("failed_attempts", 0)]  # the form ends, nothing after the advice
        if about_safety(tracker):
            undone = [
                *undo_for_safety_answer(tracker, FORM_SLOTS),
                *self._name_beside(tracker),
            ]
            wished = _time_wished_beside(tracker)
            if not wished:
                return undone
            # "ok ill go to urgent care tmrw morning. wednesday around 5pm?": the wish, read.
            tracker.events.extend([*undone, SlotSet("preferred_time", wished)])
            return [*undone, *await super().get_validation_events(dispatcher, tracker, domain)]
        text = tracker.latest_message.get("text") or ""
        booking = tracker.get_slot("booking_task") in (None, BOOK)
        if booking and not text.startswith("/") and desk_module.declines_booking(text):
            # "I don't want to book, just the call", "no appointment. stop": the booking
            # stops, whatever time or name the form might read in the words.
            dispatcher.utter_message(response="utter_booking_stopped")
            return [SlotSet("consultation_requested", False)]
        # Said beside something another action answered first: checked here all the same.
        unchecked = read_from_message_unchecked(tracker, FORM_SLOTS)
        tracker.events.extend(
            {"event": "slot", "name": k, "value": v} for k, v in unchecked.items()
        )
        if latest_intent(tracker) == "red_flag" and not unchecked:
            # "Dana Ortiz. She's lost weight without trying": the name the form's mapping
            # leaves with the warning signs' message (outside run 85 p08: asked three times).
            return [
                *await super().get_validation_events(dispatcher, tracker, domain),
                *self._name_beside(tracker),
            ]
        return await super().get_validation_events(dispatcher, tracker, domain)

    def _name_beside(self, tracker: Tracker) -> list[dict[str, Any]]:
        """The name said to the name question beside safety words, when one is said, with
        the contact said beside it ("Walter Brennan. 212 555 7781. Should I tell my doctor
        ...?": outside run 107 p07, the number asked for again)."""
        text = tracker.latest_message.get("text") or ""
        if tracker.get_slot("requested_slot") != "patient_name" or text.startswith("/"):
            return []
        name = self._name_said(text, tracker)
        if not name:
            return []
        _, contact = name_and_contact(text)
        if not contact.usable or tracker.get_slot("contact_details"):
            return [SlotSet("patient_name", name)]
        return [
            SlotSet("patient_name", name),
            *(SlotSet(*kv) for kv in contact_slots(contact).items()),
        ]

    # When
    def validate_preferred_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A day or time in the patient's words; offers the nearest free times for it."""
        offered = tracker.get_slot("offered_slots")
        if offered and offered != value_before_latest_message(tracker, "offered_slots"):
            # Offered already this turn, as the booking started ("yes, saturdays only"):
            # not again, and nothing said twice.
            return {"preferred_time": value}
        hints = entity_values(tracker, "DATE") + entity_values(tracker, "TIME")
        # "I'll drag him to urgent care later today. Book him Wednesday morning, 9ish": the
        # doctor's day is no wish (outside run 60 p05: Monday was offered).
        wish = _one_of_the_days(str(value), tracker) or read_preference(
            times_for_a_booking(str(value)), desk().now(), hints
        )
        if isinstance(wish, TimePreference) and not wish.either:
            wish = _same_time_as_booked(str(value), wish, tracker)
        if isinstance(wish, PastTime):
            dispatcher.utter_message(response="utter_booking_time_passed")
            return {"preferred_time": None}
        if isinstance(wish, DayMismatch):
            return {"preferred_time": None, **_ask_which_day(wish, dispatcher)}
        if wish is None and latest_intent(tracker) == "greet":
            return {"preferred_time": None}  # a plain hello mid-booking: the question again
        who = who_said_alongside(str(value), tracker)
        if wish is None and who:
            # The name and number before the time: kept, and the time asked again.
            dispatcher.utter_message(response="utter_details_noted")
            return {"preferred_time": None, **who}
        if wish is None:
            attempts = int(tracker.get_slot("failed_attempts") or 0) + 1
            if attempts < MAX_TIME_ATTEMPTS and not is_unsure(str(value)):
                dispatcher.utter_message(response="utter_no_time_caught")
                return {"preferred_time": None, "failed_attempts": attempts}
            dispatcher.utter_message(response="utter_nearest_times_instead")
            wish = TimePreference(first_day=desk().now().date(), asap=True)
        return {**_offer(wish, str(value), dispatcher, tracker), **who}

    def validate_booking_slot(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """One of the offered times (a button, "the first one", "3 pm"), or another wish."""
        if value is None:
            # Cleared as the booking starts, in the same turn the form does: no answer yet
            # (outside run 89 p04 was told "Please tap one of the times" before seeing them).
            return {"booking_slot": None}
        offered = [s for s in (_local(iso) for iso in tracker.get_slot("offered_slots") or []) if s]
        turned_down = not _local(str(value)) and bool(_GIVEN_UP.search(str(value)))
        if not _local(str(value)):
            value = _GIVEN_UP.sub(" ", str(value))  # "4:00 instead of the 3:00 one"
        first_choice = _FALLBACK.split(str(value), maxsplit=1)[0]
        if first_choice != str(value) and names_a_time(first_choice):
            # "wed would be better if it's there, otherwise tue 9": the first choice is
            # looked for first (outside run 107 p03: Tuesday booked, Wednesday free).
            value = first_choice
        chosen = _local(str(value)) or pick_offered(str(value), offered, desk().now())
        if chosen is None and _takes_the_time_asked_for(str(value), tracker, offered):
            # "Thursday at 11am" was offered first as asked: "yes", or the name given as if
            # it were booked, takes it.
            chosen = offered[0]
        if chosen is None:
            # "NO mornings. Thursday 17 December at 7pm?": a no to the offers with the time
            # wished instead (outside run 73 p05: "Which other day or time would suit you?").
            if latest_intent(tracker) == "deny" and not names_a_time(str(value)):
                dispatcher.utter_message(response="utter_ask_another_time")
                return {"booking_slot": None, "preferred_time": None, "offered_slots": None}
            wish = read_preference(str(value), desk().now())
            if wish is None and _BARE_HOUR.fullmatch(str(value).strip()):
                # "10 please" with 10:00 not among the offers: the hour, on the days offered.
                wish = read_preference(f"at {str(value).strip()}", desk().now())
            elif wish is None and (another := _ANOTHER_HOUR.search(str(value))):
                # "actually make it 10 sorry": the hour put right (outside run 105 p06).
                wish = read_preference(f"at {another['hour'] or another['instead']}", desk().now())
            elif (
                wish is None
                and (turned_down or _AN_HOUR_TAKEN.search(str(value)))
                and len(left := _LONE_HOUR.findall(without_phone_numbers(str(value)))) == 1
            ):
                # "not 8 or 8:30, 10 would work", "12 works. it's Noor Haddad, <email>": the
                # one hour said is the one wished.
                wish = read_preference(f"at {left[0]}", desk().now())
            if isinstance(wish, TimePreference):
                wish = _same_time_as_booked(str(value), wish, tracker)
                wish = _on_the_days_offered(str(value), wish, offered, tracker)
            if isinstance(wish, TimePreference) and wish.last_day is None and offered:
                # "noon is better", no day said: on the days just offered; "10 or 10:30"
                # each of its hours too (outside run 54: Monday offered for a Friday).
                days = sorted({slot.date() for slot in offered})
                on_days = {"first_day": days[0], "last_day": days[-1]}
                either = tuple(replace(w, **on_days) if w.last_day is None else w
                               for w in wish.either)  # fmt: skip
                wish = replace(wish, **on_days, either=either)
            if (
                isinstance(wish, TimePreference)
                and (not names_a_day(str(value)) or _an_hour_put_right(str(value), tracker))
                and (hour := _the_hour_free(wish, tracker))
            ):
                # "10:30 is perfect" to one day's times: that hour, free (outside run 76
                # p02: the day's times offered again, 10:30 first, to be pressed); and a day
                # and an hour put right at the confirmation ("I asked for FRIDAY, not
                # Thursday. Friday the 11th, 2:30": outside run 82 p01).
                if hour.isoformat() != tracker.get_slot("booking_slot"):
                    dispatcher.utter_message(response="utter_hour_is_free", when=when(hour))
                return {
                    "booking_slot": hour.isoformat(),
                    "time_put_right": bool(tracker.get_slot("booking_slot")) or None,
                    **who_said_alongside(str(value), tracker),
                }
            if isinstance(wish, TimePreference):
                return {
                    "booking_slot": None,
                    **_offer(wish, str(value), dispatcher, tracker),
                    **who_said_alongside(str(value), tracker),
                }
            if isinstance(wish, DayMismatch):
                asked = _ask_which_day(wish, dispatcher)
                return {
                    "booking_slot": None,
                    "preferred_time": None,
                    "offered_slots": None,
                    **asked,
                }
            dispatcher.utter_message(response="utter_pick_a_time")
            return {"booking_slot": None}
        if not desk().is_free(chosen):
            return self._taken(chosen, dispatcher)
        return {"booking_slot": chosen.isoformat(), **who_said_alongside(str(value), tracker)}

    def _taken(self, wanted: dt.datetime, dispatcher: CollectingDispatcher) -> Slots:
        """Someone else got the time: the nearest free ones, on that day if possible."""
        dispatcher.utter_message(response="utter_time_just_taken")
        wish = TimePreference(first_day=wanted.date(), at=wanted.time())
        offer = desk().offer(wish)
        return {
            "booking_slot": None,
            "booking_confirmed": None,
            "offered_slots": _slots_of(offer),
        }

    def _time_put_right(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """ "Could we do 1pm instead?" while the name or the contact is asked: the time is
        picked again (or offered again), and the form goes on from there; {} otherwise."""
        if tracker.get_slot("booking_task") == CALLBACK:
            return {}  # no consultation time to put right
        # "Make it 7 instead": a bare hour, which the offers make a time (outside run 72).
        said = names_a_time(text) or says_an_hour(text)
        if not (said and (_CHANGES_THE_TIME.search(text) or _another_day(text, tracker))):
            return {}
        picked = self.validate_booking_slot(text, dispatcher, tracker, domain)
        if picked.get("booking_slot") == tracker.get_slot("booking_slot"):
            return {}
        return {**picked, "booking_confirmed": None}

    @staticmethod
    def _name_said(text: str, tracker: Tracker) -> str | None:
        """The booking's name in `text`, with who booked it when someone else writes."""
        # "Rosa Delgado. My name is Luis, I'm her son": the writer is who booked (outside
        # run 66 p06: booked under the husband), after the contact details too ("...
        # 646-555-0187, I'm Maria her daughter": outside run 84 p03).
        before, writer = writer_after_the_patient(text)
        said, _ = name_and_contact(before)
        if writer is None:
            said, writer = writer_after_the_patient(said)
        said = said.strip(" -\u2013,;:")
        # "Lakshmi Raman (my mother). Please contact me, Priya": who she is, in brackets,
        # and the writer's own name are not the booking's (outside run 55).
        said = re.sub(r"\s*\([^)]*\)", "", said)
        people = [
            person
            for person in _people(tracker)
            if person in said and not writers_own_name(person, said, tracker)
        ]
        name = read_name(said, people)
        if name and writer and writer.lower() not in name.lower():
            name = booked_by(name, writer)
        return name

    # Who
    def validate_patient_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The name; a phone or email given with it ("Tom Baker, +44 7400 123456") is kept,
        so the contact question is not asked. A time put right with it is taken."""
        moved = self._time_put_right(_whole_message(value, tracker), dispatcher, tracker, domain)
        if moved:
            # "Actually make it 7 instead. Name Sam Okafor": the name said with it is kept.
            named = self._name_said(str(value), tracker) if _people(tracker) else None
            return {"patient_name": named, **moved}
        earlier = _details_before(tracker)
        if same_as_before(str(value)) and earlier.get("patient_name"):
            # "Same as before", booking again after a cancel: the name and contact the chat
            # booked with, shown to confirm (outside run 59: booked for "Same As Before").
            return earlier
        _, contact = name_and_contact(str(value))
        name = self._name_said(str(value), tracker)
        if name is None:
            dispatcher.utter_message(response="utter_not_a_name")
            return {"patient_name": None}
        when = time_said_alongside(str(value), tracker)
        if tracker.get_slot("time_put_right"):
            when = {**when, "time_put_right": None}  # the name asked in other words, once
        if contact.usable and not tracker.get_slot("contact_details"):
            return {"patient_name": name, **contact_slots(contact), **when}
        return {"patient_name": name, **when}

    def validate_contact_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        earlier = _details_before(tracker)
        if same_as_before(str(value)) and earlier.get("contact_details"):
            return {k: v for k, v in earlier.items() if k != "patient_name"}
        """A phone number and/or email address, checked; asked again until one is usable."""
        moved = self._time_put_right(_whole_message(value, tracker), dispatcher, tracker, domain)
        contact = read_contact(str(value))
        if moved:
            return {**moved, **(contact_slots(contact) if contact.usable else {})}
        if not contact.usable:
            problem = (
                "utter_bad_phone"
                if contact.bad_phone
                else "utter_bad_email"
                if contact.bad_email
                else "utter_no_contact"
            )
            dispatcher.utter_message(response=problem)
            return {"contact_details": None}
        if tracker.get_slot("booking_task") == CALLBACK and not contact.phone:
            dispatcher.utter_message(response="utter_callback_needs_phone")
            return {"contact_details": None}
        renamed = name_mended_beside(
            _whole_message(value, tracker), tracker.get_slot("patient_name")
        )
        if renamed:
            dispatcher.utter_message(response="utter_name_changed", name=renamed)
        return {
            **contact_slots(contact),
            **time_said_alongside(str(value), tracker),
            **_booked_by_the_writer(str(value), tracker),
            **({"patient_name": renamed} if renamed else {}),
        }

    def validate_booking_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """On yes, books (or moves) the consultation; on no, asks for another time; another
        time named or asked about ("is there nothing later, like 12?") is no yes."""
        text = tracker.latest_message.get("text") or ""
        renamed = tracker.get_slot("booking_task") == BOOK and (
            name_put_right(text, tracker.get_slot("patient_name"))
            or someone_else_named(text, tracker)
        )
        if renamed:
            # "its Romano not Roma": the name put right, the summary shown again to confirm;
            # "...and actually can we do 9:30 instead?" the time too (outside run 91 p05).
            dispatcher.utter_message(response="utter_name_changed", name=renamed)
            moved = {}
            if names_a_time(text) and _CHANGES_THE_TIME.search(text):
                moved = self.validate_booking_slot(text, dispatcher, tracker, domain)
            # "its 201 555 0143 not 0134. and put David not Dave": the number too (outside
            # run 93 p08: the name changed, the wrong number kept).
            moved = {**moved, **_contact_put_right(text, dispatcher, tracker)}
            return {"booking_confirmed": None, **moved, "patient_name": renamed}
        other_time = (
            names_a_time(text)
            or re.search(r"\b(?:instead|later|earlier)\b", text)
            or _ANOTHER_HOUR.search(text)
        )
        slots = _contact_put_right(text, dispatcher, tracker)
        if slots:
            # "Sorry the number is 646 555 0178. yes book": the new contact, shown to confirm;
            # "...and can we do wednesday instead": that day's times too (outside run 47).
            if other_time and not yes_and_a_time(text):
                offered = self.validate_booking_slot(text, dispatcher, tracker, domain)
                return {"booking_confirmed": None, **slots, **offered}
            return {"booking_confirmed": None, **slots}
        if other_time and not yes_and_a_time(text):
            # "Can you do 9 the same day instead?": another time, not a yes to this one.
            offered = self.validate_booking_slot(text, dispatcher, tracker, domain)
            return {"booking_confirmed": None, **offered}
        # "No wait. Please show me the summary first": held, not a no (outside run 73 p03:
        # the booking was dropped).
        held = bool(_HOLD_ON.match(text))
        answer = None if held else yes_or_no(tracker)
        if answer is not False and ("?" in text or question_after_answer(text)):
            # "Please write that I am coming also to translate... is ok?": a question is no
            # yes, whatever its "I am" (outside run 111 p03: booked); "yes please. is there
            # parking?" opens with one.
            answer = True if _AGREES.match(text) else None
        if answer is None:
            if not (said_since_latest_message(tracker) or dispatcher.messages):
                from actions.questions import answer_if_known  # it imports this module

                # Asked something else first ("before I press yes, is there parking?",
                # "what does my pain summary say now?"): its answer is said, and the
                # question comes again, shorter.
                if not answer_if_known(dispatcher, tracker, booking=True):
                    dispatcher.utter_message(response="utter_yes_or_no")
            return {"booking_confirmed": None}
        if answer is False:
            dispatcher.utter_message(response="utter_nothing_booked")
            return {
                "booking_confirmed": None,
                "booking_slot": None,
                "preferred_time": None,
                "offered_slots": None,
            }
        start = _local(tracker.get_slot("booking_slot") or "")
        if start is None:
            return {"booking_confirmed": None, "booking_slot": None}
        consent = {"booking_consent": True} if tracker.get_slot("booking_task") == BOOK else {}
        try:
            if tracker.get_slot("booking_task") == RESCHEDULE:
                booking = desk().move(tracker.get_slot("lookup_reference"), start)
            else:
                booking = desk().book(
                    start,
                    Patient(
                        tracker.get_slot("patient_name"),
                        tracker.get_slot("patient_phone"),
                        tracker.get_slot("patient_email"),
                    ),
                    tracker.sender_id,
                    intake_summary=summarise(intake_from_tracker(tracker)),
                    triage_level=tracker.get_slot("triage_level"),
                )
        except SlotTaken:
            return self._taken(start, dispatcher)
        except NotFound:
            dispatcher.utter_message(response="utter_lookup_give_up")
            return {"booking_confirmed": None, "lookup_attempts": MAX_LOOKUP_ATTEMPTS}
        return {
            **consent,
            "booking_confirmed": True,
            "booking_reference": booking.reference,
            "booking_starts_at": start.isoformat(),
        }

    # Whose booking (cancel, reschedule)
    def validate_lookup_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        reference = reference_in(str(value))
        if reference is not None:
            return {"lookup_reference": reference}
        if desk_module.has_no_booking(str(value)):
            return _nothing_to_look_up(dispatcher)
        attempts = int(tracker.get_slot("lookup_attempts") or 0) + 1
        if is_unsure(str(value)) or _NO_REFERENCE.search(str(value)) or attempts > 1:
            # "I don't have it on me": the clinic can find it; asking again would not.
            values = knowledge.clinic_values()
            phone = "utter_lookup_by_phone" if values["clinic_phone"] else "utter_lookup_no_phone"
            dispatcher.utter_message(response=phone, **values)
            return {"lookup_reference": None, "lookup_attempts": MAX_LOOKUP_ATTEMPTS}
        dispatcher.utter_message(response="utter_not_a_reference")
        return {"lookup_reference": None, "lookup_attempts": attempts}

    def validate_lookup_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The phone or email the booking was made with: proof that it is the patient's."""
        booking = desk().find(tracker.get_slot("lookup_reference"), str(value))
        if booking is None and desk_module.has_no_booking(str(value)):
            return _nothing_to_look_up(dispatcher)
        if booking is None:
            attempts = int(tracker.get_slot("lookup_attempts") or 0) + 1
            give_up = attempts >= MAX_LOOKUP_ATTEMPTS
            dispatcher.utter_message(
                response="utter_lookup_give_up" if give_up else "utter_booking_not_found"
            )
            return {"lookup_contact": None, "lookup_reference": None, "lookup_attempts": attempts}
        found = {
            "lookup_contact": str(value),
            "lookup_attempts": 0,
            "booking_reference": booking.reference,
            "booking_starts_at": desk().local(booking.starts_at).isoformat(),
        }
        wished = tracker.get_slot("wished_time")
        wish = read_preference(wished, desk().now()) if wished else None
        if tracker.get_slot("booking_task") == RESCHEDULE and isinstance(wish, TimePreference):
            # The day asked for with the move, offered now the booking is found.
            found.update({**_offer(wish, wished, dispatcher, tracker), "wished_time": None})
        return found

    def validate_cancel_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent = latest_intent(tracker)
        text = tracker.latest_message.get("text") or ""
        if intent == "reschedule_booking" or asks_to_move(text):
            # Moving, not cancelling: the booking stays until the new time is confirmed.
            dispatcher.utter_message(response="utter_move_instead")
            moved: Slots = {"booking_task": RESCHEDULE, "cancel_confirmed": None}
            if names_a_time(text):
                moved.update(self.validate_preferred_time(text, dispatcher, tracker, domain))
            return moved
        # The words' yes or no first: "No, keep it! I did not say cancel." is a no, whatever
        # the model made of "cancel" (outside run 77 p03: it was cancelled).
        answer = yes_or_no(tracker)
        if answer is None and _KEEP_IT.search(text):
            answer = False  # "don't cancel it please"
        if answer is None and intent == "cancel_booking":
            answer = True
        if answer is None:
            dispatcher.utter_message(response="utter_yes_or_no")
            return {"cancel_confirmed": None}
        if answer is False:
            dispatcher.utter_message(response="utter_cancel_declined")
            return {"cancel_confirmed": False}
        desk().cancel(tracker.get_slot("lookup_reference"))
        return {"cancel_confirmed": True}


# A cancellation refused in words: "don't cancel", "keep it", "never asked to cancel".
_KEEP_IT = re.compile(
    r"\b(?:don'?t|do not|dont|never|not|didn'?t|did not)\b[^.!?]{0,20}\bcancel\w*|\bkeep\b",
    re.IGNORECASE,
)


def _nothing_to_look_up(dispatcher: CollectingDispatcher) -> Slots:
    """ "I haven't booked yet" at the look-up: the look-up stops and a consultation is
    offered; a yes starts the booking as any yes to the offer does (the red-flag screen
    for where it hurts comes first)."""
    dispatcher.utter_message(response="utter_no_booking_to_find")
    return {
        "lookup_reference": None,
        "lookup_contact": None,
        "lookup_attempts": MAX_LOOKUP_ATTEMPTS,
        "consultation_offered": True,
    }


_SAME_TIME = re.compile(r"\bsame (?:time|hour)\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\bsame (?:day|date)\b", re.IGNORECASE)


def _same_time_as_booked(
    said: str, wish: TimePreference, tracker: Tracker, task: str | None = None
) -> TimePreference:
    """ "The Saturday after, same time": at the booked time when moving a booking, at the
    time just chosen while booking (outside run 31: "make it wed same time" was offered
    Wednesday from 8 am), or else at the hours asked for before ("wednesday after 3?",
    then "im working wed. thursday same time?"). "9:00 same day": on the booked day
    (outside run 52: Monday was offered for a Wednesday booking)."""
    task = task or tracker.get_slot("booking_task")
    slot = "booking_starts_at" if task == RESCHEDULE else "booking_slot"
    same = _local(tracker.get_slot(slot) or "")
    # "Can we do 5pm instead?" of a booking: the same day at 5 (outside run 59: Monday).
    hour_alone = task == RESCHEDULE and wish.at is not None and not names_a_day(said)
    if same is not None and (_SAME_DAY.search(said) or hour_alone):
        wish = replace(wish, first_day=same.date(), last_day=same.date(), weekdays=None)
    if wish.at is not None or wish.window is not None or not _SAME_TIME.search(said):
        return wish
    if same is not None:
        return replace(wish, at=same.time())
    before = read_preference(
        value_before_latest_message(tracker, "preferred_time") or "", desk().now()
    )
    if isinstance(before, TimePreference) and (before.at or before.window):
        return replace(wish, at=before.at, window=before.window)
    return wish


def _ask_which_day(wish: DayMismatch, dispatcher: CollectingDispatcher) -> Slots:
    """A weekday beside a date of another weekday: both days as buttons, nothing guessed;
    the two days are kept so that "the Friday" then means the one asked about."""
    days = sorted({wish.date, wish.weekday_day})
    dispatcher.utter_message(
        response="utter_which_day",
        date=f"{wish.date:%-d %B}",
        weekday_of_date=f"{wish.date:%A}",
        weekday=f"{wish.weekday_day:%A}",
        buttons=[{"title": f"{day:%A %-d %B}", "payload": f"{day:%A %-d %B}"} for day in days],
    )
    return {"day_choices": [day.isoformat() for day in days]}


_OWN_WEEK_OR_DATE = re.compile(r"\bweek\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[/.]\d{1,2}\b")


def _contact_put_right(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """A new phone or email said at the confirmation (a new email keeps the phone; "it ends
    in 0111, not 0110" puts the number's ending right, "its .com not .con" the email's):
    its slots, said back; {} when none."""
    if tracker.get_slot("booking_task") != BOOK:
        return {}
    said = read_contact(text)
    known = (tracker.get_slot("patient_phone"), tracker.get_slot("patient_email"))
    ending = not said.phone and last_digits_put_right(text, known[0] or "")
    if ending:
        said = replace(said, phone=ending, bad_phone=False)
    # "its .com not .con": the email with its part put right (outside run 99).
    email = not said.email and email_put_right(text, known[1])
    if email:
        said = replace(said, email=email, bad_email=False)
    contact = replace(said, phone=said.phone or known[0], email=said.email or known[1])
    if not said.usable or (contact.phone, contact.email) == known:
        return {}
    slots = contact_slots(contact)
    dispatcher.utter_message(response="utter_contact_changed", contact=slots["contact_details"])
    return slots


def _booked_by_the_writer(text: str, tracker: Tracker) -> Slots:
    """ "Call me, I'm his daughter Anna, 917...": the contact is the writer's, so the booking
    says who booked it (outside run 90 p03: only the patient's name kept)."""
    name = tracker.get_slot("patient_name") or ""
    writer = writer_introduced(text)
    if tracker.get_slot("booking_task") != BOOK or not (name and writer):
        return {}
    if "(booked by" in name or writer.lower() in name.lower():
        return {}
    return {"patient_name": booked_by(name, writer)}


def _time_wished_beside(tracker: Tracker) -> str | None:
    """The words of a time to book in a message that spoke of the advice ("ok ill go to
    urgent care tmrw morning. wednesday around 5pm?"), asked when would suit: its sentences
    that neither speak of the doctor's visit nor ask about going (outside run 88 p01: the
    time was asked again); None when the message answers a safety question."""
    if value_before_latest_message(tracker, "direct_question"):
        return None
    if tracker.get_slot("requested_slot") != "preferred_time":
        return None
    said = times_for_a_booking(tracker.latest_message.get("text") or "")
    kept = [s for s in re.split(r"(?<=[.!?])\s+", said) if not advice.asks_about_waiting(s)]
    wished = " ".join(kept).strip()
    return wished if wished and names_a_time(wished) else None


# A week asked for: "something next week", "the week after".
_A_LATER_WEEK = re.compile(
    r"\b(?:next|following|coming) week\b|\bweek after\b|\bin (?:a|two|2) weeks?\b", re.I
)


def _on_the_days_offered(
    said: str, wish: TimePreference, offered: list[dt.datetime], tracker: Tracker
) -> TimePreference:
    """A weekday said alone to the offers of the week asked for ("something next week",
    then "tuesday would be better, around 10?"): that week's, not this week's (outside run
    116 p03: this week's Tuesday, twice). Without a week asked for, the nearest stands."""
    if not offered or wish.first_day is None or wish.first_day != wish.last_day:
        return wish
    asked = str(tracker.get_slot("preferred_time") or "")
    if WEEK_OR_DATE.search(said) or not _A_LATER_WEEK.search(asked):
        return wish
    first = min(slot.date() for slot in offered)
    day = wish.first_day
    while day < first:
        day += dt.timedelta(days=7)
    return replace(wish, first_day=day, last_day=day) if day != wish.first_day else wish


def _one_of_the_days(said: str, tracker: Tracker) -> TimePreference | None:
    """After "which do you mean?": the day of the two whose weekday the answer names ("the
    Friday", "friday at 10"), with any time said."""
    choices = [dt.date.fromisoformat(day) for day in tracker.get_slot("day_choices") or []]
    named = {weekday_of(word) for word in re.findall(r"[a-z]+", said.lower())} - {None}
    chosen = [day for day in choices if day.weekday() in named]
    if len(chosen) != 1:
        return None
    wish = read_preference(said, desk().now())
    day = chosen[0]
    if (
        isinstance(wish, TimePreference)
        and wish.first_day == wish.last_day not in (None, *choices)
        and _OWN_WEEK_OR_DATE.search(said.lower())
    ):
        return None  # "I meant wednesday next week": the week or date said is the day
    if isinstance(wish, TimePreference):
        return replace(wish, first_day=day, last_day=day, weekdays=None)
    return TimePreference(first_day=day, last_day=day)


def _asked_this_turn(tracker: Tracker) -> bool:
    """Whether the assistant already put a question to the patient since their message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and (event.get("text") or "").rstrip().endswith("?"):
            return True
    return False


class ActionAskPreferredTime(Action):
    """Asks when would suit the patient, with the clinic's hours; asked again, briefly
    (or not at all when the answer's check already asked)."""

    def name(self) -> str:
        return "action_ask_preferred_time"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        schedule = desk().schedule
        if _asked_this_turn(tracker):
            return []
        if value_before_latest_message(tracker, "requested_slot") == "preferred_time":
            dispatcher.utter_message(response="utter_ask_preferred_time_again")
            return []
        dispatcher.utter_message(
            response="utter_ask_preferred_time",
            minutes=int(schedule.consultation.total_seconds() // 60),
            hours=schedule.describe_hours(),
        )
        return []


class ActionAskBookingSlot(Action):
    """The offered times as buttons, plus one for other times."""

    def name(self) -> str:
        return "action_ask_booking_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        offered = [s for s in (_local(iso) for iso in tracker.get_slot("offered_slots") or []) if s]
        buttons = [
            {
                "title": short_when(start),
                "payload": f'/inform{{"booking_slot": "{start.isoformat()}"}}',
            }
            for start in offered
        ]
        buttons.append({"title": "Other times", "payload": "/deny"})
        later_step = ("booking_slot", "patient_name", "contact_details", "booking_confirmed")
        # Other times for another wish: said so, not in the same words again.
        again = value_before_latest_message(tracker, "requested_slot") in later_step and offered
        # The day in words when all fall on one ("free on Tuesday 8 December").
        days = sorted({start.date() for start in offered})
        if len(days) == 1:
            response = "utter_other_free_times_on" if again else "utter_free_times_on"
            day = f"{days[0]:%A} {days[0].day} {days[0]:%B}"
            dispatcher.utter_message(response=response, day=day, buttons=buttons)
        else:
            response = "utter_other_free_times" if again else "utter_free_times"
            dispatcher.utter_message(response=response, buttons=buttons)
        return []


class ActionAskContactDetails(Action):
    """Asks how the clinic can reach the patient; not again when the answer's problem was
    just said with its own question ("that number doesn't look right...")."""

    def name(self) -> str:
        return "action_ask_contact_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        asked = response_before_latest_message(tracker) == "utter_ask_contact_details"
        if not (asked and said_since_latest_message(tracker)):
            dispatcher.utter_message(response="utter_ask_contact_details")
        return []


class ActionAskBookingConfirmed(Action):
    """The booking (or the move) in one summary, to confirm."""

    def name(self) -> str:
        return "action_ask_booking_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        start = _local(tracker.get_slot("booking_slot") or "")
        if start is None:
            # No time read to confirm: never a silent turn, the time is asked again.
            dispatcher.utter_message(response="utter_ask_preferred_time_again")
            return [SlotSet("booking_slot", None), SlotSet("preferred_time", None),
                    SlotSet("requested_slot", "preferred_time")]  # fmt: skip
        if tracker.get_slot("booking_task") == RESCHEDULE:
            dispatcher.utter_message(
                response="utter_ask_move_confirmed",
                reference=tracker.get_slot("lookup_reference"),
                when=when(start),
            )
            return []
        if response_before_latest_message(tracker) == "utter_ask_booking_confirmed":
            dispatcher.utter_message(
                response="utter_book_it_again",
                when=when(start),
                name=tracker.get_slot("patient_name"),
            )
            return []
        dispatcher.utter_message(
            response="utter_ask_booking_confirmed",
            minutes=int(desk().schedule.consultation.total_seconds() // 60),
            when=when(start),
            name=tracker.get_slot("patient_name"),
            contact=tracker.get_slot("contact_details"),
        )
        return []


class ActionAskCancelConfirmed(Action):
    """Which booking would be cancelled, to confirm."""

    def name(self) -> str:
        return "action_ask_cancel_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        start = _local(tracker.get_slot("booking_starts_at") or "")
        dispatcher.utter_message(
            response="utter_ask_cancel_confirmed",
            when=when(start) if start else "",
            reference=tracker.get_slot("lookup_reference"),
        )
        return []


class ActionFinishBooking(Action):
    """Says what was done: booked (with the reference), moved or cancelled."""

    def name(self) -> str:
        return "action_finish_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        task = tracker.get_slot("booking_task")
        if task == CALLBACK:
            # Who asked stays known; a follow-up (the intake carrying on) comes last.
            return [*self._emptied(task, keep_who=True), *finish_callback(dispatcher, tracker)]
        start = _local(tracker.get_slot("booking_starts_at") or "")
        reference = tracker.get_slot("booking_reference")
        done = {
            BOOK: tracker.get_slot("booking_confirmed") is True,
            RESCHEDULE: tracker.get_slot("booking_confirmed") is True,
            CANCEL: tracker.get_slot("cancel_confirmed") is True,
            SHOW: tracker.get_slot("lookup_contact") is not None,
        }.get(task, False)
        if done and start is not None:
            response = {
                BOOK: "utter_booked",
                RESCHEDULE: "utter_rescheduled",
                CANCEL: "utter_cancelled",
                SHOW: "utter_your_booking",
            }[task]
            dispatcher.utter_message(response=response, when=when(start), reference=reference)
            if task in (BOOK, RESCHEDULE) and urgent_open(tracker):
                # Booked after advice to see a doctor today: the last word is that advice,
                # not only "if it gets worse" (outside run 57 p01).
                whose = the_patient(tracker)
                dispatcher.utter_message(text=spoken_of(advice.BOOKED_AFTER_URGENT, whose))
        events = self._emptied(task, keep_who=task == BOOK and done)
        if task == CANCEL and done:
            events += [SlotSet("booking_reference", None), SlotSet("booking_starts_at", None)]
        return events

    @staticmethod
    def _emptied(task: str | None, keep_who: bool) -> list[EventType]:
        """The form emptied (a new task empties it again); who booked or asked for a call
        stays known to the chat ("when is my appointment?") when `keep_who`."""
        kept = ("patient_name", "contact_details") if keep_who else ()
        return [
            *(SlotSet(slot, None) for slot in FORM_SLOTS if slot not in kept),
            SlotSet("booking_task", None),
            SlotSet("lookup_attempts", 0),
            SlotSet("booking_first", None),
        ]
