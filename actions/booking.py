"""Booking, cancelling and moving the free consultation in the chat.

One form, `booking_form`, asks what the task needs (`booking_task`: book, cancel or
reschedule). The clinic's booking desk (clinic/booking.py) does the work; the validators
call it when the patient confirms, so a time taken meanwhile is offered again in the form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.safety import about_safety, undo_for_safety_answer
from actions.tracker_facts import entity_values, intake_from_tracker, latest_intent
from clinic import booking as desk_module
from clinic import settings
from clinic.availability import Offer, pick_offered
from clinic.booking import BookingDesk, Patient, reference_in, short_when, when
from clinic.booking_store import CONFIRMED, NotFound, SlotTaken
from clinic.contact import display_phone, read_contact, read_name
from clinic.intake import is_unsure, summarise
from clinic.preferred_time import PastTime, TimePreference, read_preference
from clinic.safety import advice
from clinic.safety.red_flags import EMERGENCY, URGENT

Slots = dict[str, Any]
BOOK, CANCEL, RESCHEDULE = "book", "cancel", "reschedule"
STEPS = {
    BOOK: [
        "preferred_time", "booking_slot", "patient_name", "contact_details", "booking_consent",
        "booking_confirmed",
    ],
    CANCEL: ["lookup_reference", "lookup_contact", "cancel_confirmed"],
    RESCHEDULE: [
        "lookup_reference", "lookup_contact", "preferred_time", "booking_slot",
        "booking_confirmed",
    ],
}  # fmt: skip
# Emptied when a booking task starts, so an earlier attempt never answers for this one.
FORM_SLOTS = (
    "preferred_time", "offered_slots", "booking_slot", "patient_name", "contact_details",
    "booking_consent", "booking_confirmed", "lookup_reference", "lookup_contact",
    "cancel_confirmed",
)  # fmt: skip
MAX_TIME_ATTEMPTS = 2
MAX_LOOKUP_ATTEMPTS = 3

NOT_A_TIME = (
    'Sorry, I didn\'t catch a day or time. You could say "tomorrow at 3", "Friday morning" '
    'or "as soon as possible".'
)
NEAREST_INSTEAD = "Let me show you the nearest free times instead."
PAST_TIME = "That time has already passed. Which day from today on would suit you?"
NOTHING_THEN = "Nothing is free at that time (we're open {hours})."
NO_TIMES = (
    "Sorry, there are no free consultations to book online in the coming weeks. Please call "
    "the clinic and we'll find you a time."
)
PICK_A_TIME = "Please tap one of the times, or tell me another day or time that suits you."
TAKEN = "Sorry, someone has just booked that time."
ASK_ANOTHER_TIME = "No problem. Which other day or time would suit you?"
NOT_A_NAME = 'Sorry, I need just the name the booking should be under, like "Anna Smith".'
BAD_PHONE = (
    "That phone number doesn't look complete. Please check it, include the area code (or "
    "the country code, like +44), or give an email address instead."
)
BAD_EMAIL = "That email address doesn't look right. Please check it, or give a phone number."
NO_CONTACT = "I need a phone number or an email address so the clinic can reach you."
YES_OR_NO = "Sorry, I need a yes or a no for this one."
NO_CONSENT = (
    "That's fine: without your consent I won't keep your details, so nothing is booked. "
    "You're welcome to call the clinic instead."
)
NOT_BOOKED_YET = "Okay, nothing is booked. Which other day or time would suit you? Or say stop."
NOT_A_REFERENCE = (
    "A booking reference has six letters and numbers, like K7P4QM. You'll find it in the "
    "chat where you booked."
)
NOT_FOUND = "I couldn't find a booking with that reference and contact. Let's try once more."
LOOKUP_GIVE_UP = "I still can't find it. Please call the clinic and they'll sort it out with you."
KEPT = "Okay, your booking stays as it is."


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


def _yes_or_no(tracker: Tracker) -> bool | None:
    intent = latest_intent(tracker)
    return True if intent == "affirm" else False if intent == "deny" else None


class ActionStartBooking(Action):
    """Starts booking, cancelling or moving a consultation, once it is safe to.

    Sets `booking_readiness`, which the rules follow: `ready` (the form starts),
    `intake_first` (the red-flag screen has not run yet), `emergency` (get help first) or
    `booked` (this conversation already has a booking).
    """

    def name(self) -> str:
        return "action_start_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        task = {"cancel_booking": CANCEL, "reschedule_booking": RESCHEDULE}.get(intent, BOOK)
        events = [SlotSet(slot, None) for slot in FORM_SLOTS]
        events += [
            SlotSet("booking_task", task),
            SlotSet("failed_attempts", 0),
            SlotSet("consultation_offered", False),
        ]
        reference = tracker.get_slot("booking_reference")
        if task != BOOK:
            contact = tracker.get_slot("patient_phone") or tracker.get_slot("patient_email")
            if reference and contact:
                # Booked in this very chat: the patient has proved who they are already.
                events += [
                    SlotSet("lookup_reference", reference),
                    SlotSet("lookup_contact", contact),
                ]
            elif said := reference_in(tracker.latest_message.get("text") or ""):
                # "ref P7KD2W, please cancel it": not asked for again; the contact still is.
                events.append(SlotSet("lookup_reference", said))
            return [*events, SlotSet("booking_readiness", "ready")]
        events.append(SlotSet("consultation_requested", True))
        triage_level = tracker.get_slot("triage_level")
        if triage_level == EMERGENCY:
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
        if tracker.get_slot("tdn_fit") is None:
            return [*events, SlotSet("booking_readiness", "intake_first")]
        if triage_level == URGENT:
            dispatcher.utter_message(response="utter_booking_after_urgent")
        return [*events, SlotSet("booking_readiness", "ready")]


class ValidateBookingForm(FormValidationAction):
    """Checks each answer of the booking form; books, moves or cancels on the patient's yes."""

    def name(self) -> str:
        return "validate_booking_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        task = tracker.get_slot("booking_task") or BOOK
        stopped = (
            tracker.get_slot("booking_consent") is False
            or tracker.get_slot("cancel_confirmed") is False
            or (task == BOOK and tracker.get_slot("triage_level") == EMERGENCY)
            or (tracker.get_slot("lookup_attempts") or 0) >= MAX_LOOKUP_ATTEMPTS
        )
        return [] if stopped else list(STEPS[task])

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Validates as usual, except a message that answered a safety question or asked
        about advice: it answers none of the booking's questions (see the intake form)."""
        if about_safety(tracker):
            return undo_for_safety_answer(tracker, FORM_SLOTS)
        return await super().get_validation_events(dispatcher, tracker, domain)

    # When
    def validate_preferred_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A day or time in the patient's words; offers the nearest free times for it."""
        hints = entity_values(tracker, "DATE") + entity_values(tracker, "TIME")
        wish = read_preference(str(value), desk().now(), hints)
        if isinstance(wish, PastTime):
            dispatcher.utter_message(text=PAST_TIME)
            return {"preferred_time": None}
        if wish is None and latest_intent(tracker) == "greet":
            return {"preferred_time": None}  # a plain hello mid-booking: the question again
        if wish is None:
            attempts = int(tracker.get_slot("failed_attempts") or 0) + 1
            if attempts < MAX_TIME_ATTEMPTS and not is_unsure(str(value)):
                dispatcher.utter_message(text=NOT_A_TIME)
                return {"preferred_time": None, "failed_attempts": attempts}
            dispatcher.utter_message(text=NEAREST_INSTEAD)
            wish = TimePreference(first_day=desk().now().date(), asap=True)
        return self._offer(wish, str(value), dispatcher)

    def _offer(self, wish: TimePreference, said: str, dispatcher: CollectingDispatcher) -> Slots:
        offer = desk().offer(wish)
        if not offer.slots:
            dispatcher.utter_message(text=NO_TIMES)
            return {"preferred_time": None, "failed_attempts": 0}
        if not offer.matched:
            dispatcher.utter_message(
                text=NOTHING_THEN.format(hours=desk().schedule.describe_hours())
            )
        return {"preferred_time": said, "offered_slots": _slots_of(offer), "failed_attempts": 0}

    def validate_booking_slot(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """One of the offered times (a button, "the first one", "3 pm"), or another wish."""
        offered = [s for s in (_local(iso) for iso in tracker.get_slot("offered_slots") or []) if s]
        chosen = _local(str(value)) or pick_offered(str(value), offered)
        if chosen is None:
            if latest_intent(tracker) == "deny":
                dispatcher.utter_message(text=ASK_ANOTHER_TIME)
                return {"booking_slot": None, "preferred_time": None, "offered_slots": None}
            wish = read_preference(str(value), desk().now())
            if isinstance(wish, TimePreference):
                return {"booking_slot": None, **self._offer(wish, str(value), dispatcher)}
            dispatcher.utter_message(text=PICK_A_TIME)
            return {"booking_slot": None}
        if not desk().is_free(chosen):
            return self._taken(chosen, dispatcher)
        return {"booking_slot": chosen.isoformat()}

    def _taken(self, wanted: dt.datetime, dispatcher: CollectingDispatcher) -> Slots:
        """Someone else got the time: the nearest free ones, on that day if possible."""
        dispatcher.utter_message(text=TAKEN)
        wish = TimePreference(first_day=wanted.date(), at=wanted.time())
        offer = desk().offer(wish)
        return {
            "booking_slot": None,
            "booking_confirmed": None,
            "offered_slots": _slots_of(offer),
        }

    # Who
    def validate_patient_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        name = read_name(str(value), entity_values(tracker, "PERSON"))
        if name is None:
            dispatcher.utter_message(text=NOT_A_NAME)
        return {"patient_name": name}

    def validate_contact_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A phone number and/or email address, checked; asked again until one is usable."""
        contact = read_contact(str(value))
        if not contact.usable:
            problem = BAD_PHONE if contact.bad_phone else BAD_EMAIL if contact.bad_email else None
            dispatcher.utter_message(text=problem or NO_CONTACT)
            return {"contact_details": None}
        shown = [display_phone(contact.phone)] if contact.phone else []
        shown += [contact.email] if contact.email else []
        return {
            "contact_details": " and ".join(shown),
            "patient_phone": contact.phone,
            "patient_email": contact.email,
        }

    def validate_booking_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        answer = _yes_or_no(tracker)
        if answer is None:
            dispatcher.utter_message(text=YES_OR_NO)
            return {"booking_consent": None}
        if answer is False:
            dispatcher.utter_message(text=NO_CONSENT)
            forget = ("patient_name", "contact_details", "patient_phone", "patient_email")
            return {"booking_consent": False, **{slot: None for slot in forget}}
        return {"booking_consent": True}

    def validate_booking_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """On yes, books (or moves) the consultation; on no, asks for another time."""
        answer = _yes_or_no(tracker)
        if answer is None:
            dispatcher.utter_message(text=YES_OR_NO)
            return {"booking_confirmed": None}
        if answer is False:
            dispatcher.utter_message(text=NOT_BOOKED_YET)
            return {
                "booking_confirmed": None,
                "booking_slot": None,
                "preferred_time": None,
                "offered_slots": None,
            }
        start = _local(tracker.get_slot("booking_slot") or "")
        if start is None:
            return {"booking_confirmed": None, "booking_slot": None}
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
            dispatcher.utter_message(text=LOOKUP_GIVE_UP)
            return {"booking_confirmed": None, "lookup_attempts": MAX_LOOKUP_ATTEMPTS}
        return {
            "booking_confirmed": True,
            "booking_reference": booking.reference,
            "booking_starts_at": start.isoformat(),
        }

    # Whose booking (cancel, reschedule)
    def validate_lookup_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        reference = reference_in(str(value))
        if reference is None:
            dispatcher.utter_message(text=NOT_A_REFERENCE)
        return {"lookup_reference": reference}

    def validate_lookup_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The phone or email the booking was made with: proof that it is the patient's."""
        booking = desk().find(tracker.get_slot("lookup_reference"), str(value))
        if booking is None:
            attempts = int(tracker.get_slot("lookup_attempts") or 0) + 1
            give_up = attempts >= MAX_LOOKUP_ATTEMPTS
            dispatcher.utter_message(text=LOOKUP_GIVE_UP if give_up else NOT_FOUND)
            return {"lookup_contact": None, "lookup_reference": None, "lookup_attempts": attempts}
        return {
            "lookup_contact": str(value),
            "lookup_attempts": 0,
            "booking_reference": booking.reference,
            "booking_starts_at": desk().local(booking.starts_at).isoformat(),
        }

    def validate_cancel_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent = latest_intent(tracker)
        answer = True if intent == "cancel_booking" else _yes_or_no(tracker)
        if answer is None:
            dispatcher.utter_message(text=YES_OR_NO)
            return {"cancel_confirmed": None}
        if answer is False:
            dispatcher.utter_message(text=KEPT)
            return {"cancel_confirmed": False}
        desk().cancel(tracker.get_slot("lookup_reference"))
        return {"cancel_confirmed": True}


class ActionAskPreferredTime(Action):
    """Asks when would suit the patient, with the clinic's hours."""

    def name(self) -> str:
        return "action_ask_preferred_time"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        schedule = desk().schedule
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
        dispatcher.utter_message(text="These times are free. Which suits you?", buttons=buttons)
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
            return []
        moving = tracker.get_slot("booking_task") == RESCHEDULE
        if moving:
            text = (
                f"Move your consultation ({tracker.get_slot('lookup_reference')}) to {when(start)}?"
            )
        else:
            minutes = int(desk().schedule.consultation.total_seconds() // 60)
            name, contact = tracker.get_slot("patient_name"), tracker.get_slot("contact_details")
            text = (
                f"Free consultation ({minutes} minutes) on {when(start)}, for {name}, "
                f"contact {contact}. Shall I book it?"
            )
        dispatcher.utter_message(
            text=text,
            buttons=[
                {"title": "Yes, move it" if moving else "Yes, book it", "payload": "/affirm"},
                {"title": "No", "payload": "/deny"},
            ],
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
        start = _local(tracker.get_slot("booking_starts_at") or "")
        reference = tracker.get_slot("booking_reference")
        done = {
            BOOK: tracker.get_slot("booking_confirmed") is True,
            RESCHEDULE: tracker.get_slot("booking_confirmed") is True,
            CANCEL: tracker.get_slot("cancel_confirmed") is True,
        }.get(task, False)
        if done and start is not None:
            response = {
                BOOK: "utter_booked",
                RESCHEDULE: "utter_rescheduled",
                CANCEL: "utter_cancelled",
            }[task]
            dispatcher.utter_message(response=response, when=when(start), reference=reference)
        events = [SlotSet(slot, None) for slot in FORM_SLOTS]
        if task == CANCEL and done:
            events += [SlotSet("booking_reference", None), SlotSet("booking_starts_at", None)]
        return [*events, SlotSet("booking_task", None), SlotSet("lookup_attempts", 0)]
