"""The booking actions on real trackers and a real (temporary) booking database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import booking as actions
from clinic.booking import Patient
from tests.conftest import CLINIC_NOW, make_tracker, said, sent, wording

DOMAIN: dict[str, Any] = {"responses": {}, "slots": {}, "forms": {"booking_form": {}}}
THREE_PM = dt.datetime(2026, 11, 24, 15, 0, tzinfo=CLINIC_NOW.tzinfo)


def slots_of(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def validate(slot: str, value: Any, intent: str = "inform", **slots: Any) -> tuple[dict, str]:
    """Runs the booking form's validator for `slot` on the answer `value`."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", **slots, slot: value},
        text=str(value),
        intent=intent,
        requested_slot=slot,
        form="booking_form",
    )
    result = getattr(actions.ValidateBookingForm(), f"validate_{slot}")(
        value, dispatcher, tracker, DOMAIN
    )
    return result, said(dispatcher)


async def start(intent: str, text: str = "book", **slots: Any) -> tuple[dict, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=slots, text=text, intent=intent)
    events = await actions.ActionStartBooking().run(dispatcher, tracker, DOMAIN)
    return slots_of(events), dispatcher


async def test_booking_waits_for_the_red_flag_screen(desk) -> None:
    slots, _ = await start("request_booking")
    assert slots["booking_readiness"] == "intake_first" and slots["booking_task"] == "book"


async def test_booking_starts_after_the_assessment(desk) -> None:
    slots, _ = await start("affirm", tdn_fit="likely", triage_level="routine", preferred_time="old")
    assert slots["booking_readiness"] == "ready" and slots["preferred_time"] is None


async def test_no_booking_after_an_emergency_only_the_reminder(desk, monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_EMERGENCY_NUMBER", "112")
    slots, dispatcher = await start(
        "request_booking", triage_level="emergency", tdn_fit="not_advised"
    )
    assert slots["booking_readiness"] == "emergency" and "112" in said(dispatcher)


async def test_urgent_triage_books_with_a_reminder_to_see_a_doctor(desk) -> None:
    slots, dispatcher = await start(
        "request_booking", triage_level="urgent", tdn_fit="assess_first"
    )
    assert slots["booking_readiness"] == "ready"
    assert "utter_booking_after_urgent" in sent(dispatcher)


async def test_a_second_booking_in_the_same_chat_offers_to_change_the_first(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "test-patient")
    slots, dispatcher = await start(
        "request_booking", tdn_fit="likely", booking_reference=booking.reference
    )
    assert slots["booking_readiness"] == "booked"
    assert dispatcher.messages[0]["response"] == "utter_already_booked"


async def test_cancelling_in_the_chat_where_it_was_booked_needs_no_proof_again(desk) -> None:
    slots, _ = await start(
        "cancel_booking", booking_reference="K7P4QM", patient_phone="+12125550143"
    )
    assert slots["booking_task"] == "cancel"
    assert (slots["lookup_reference"], slots["lookup_contact"]) == ("K7P4QM", "+12125550143")


async def test_a_cancel_naming_its_reference_asks_only_for_the_contact(desk) -> None:
    slots, _ = await start("cancel_booking", text="ref p7kd2w, please cancel it")
    assert slots["booking_task"] == "cancel" and slots["booking_readiness"] == "ready"
    assert slots["lookup_reference"] == "P7KD2W" and slots["lookup_contact"] is None


async def test_a_cancel_without_a_reference_asks_for_it(desk) -> None:
    slots, _ = await start("cancel_booking", text="please cancel my appointment")
    assert slots["lookup_reference"] is None


def test_a_wish_is_answered_with_the_nearest_free_times(desk) -> None:
    result, text = validate("preferred_time", "tomorrow at 3")
    assert result["preferred_time"] == "tomorrow at 3"
    assert result["offered_slots"][0] == THREE_PM.isoformat() and len(result["offered_slots"]) == 3
    assert text == ""


@pytest.mark.parametrize(
    ("said", "taken"),
    # Outside run 10: "Thursday at 11am" offered 11:00 first, and the patient, taking it as
    # booked, gave the name to "which suits you?"; "yes" was refused too.
    [("yes", True), ("Margaret Ellis", True), ("m.ellis@example.com", True),
     ("none of those", False), ("another day", False)],
)  # fmt: skip
def test_the_very_time_asked_for_is_taken_by_a_yes_or_the_name(desk, said, taken) -> None:
    wish = validate("preferred_time", "tomorrow at 3")[0]
    result, _ = validate("booking_slot", said, **wish)
    assert (result.get("booking_slot") == THREE_PM.isoformat()) is taken


def test_an_hour_the_day_does_not_have_says_why_before_that_days_times(desk) -> None:
    # Outside run 10: "tomorrow at 3" on a Saturday got Saturday mornings without a word.
    result, text = validate("preferred_time", "saturday at 4pm")
    assert text == "Nothing is free at 4:00 pm on Saturday (we're open 09:00-13:00 that day)."
    assert all(iso.startswith("2026-11-28T") for iso in result["offered_slots"])


def test_a_past_time_is_asked_again(desk) -> None:
    result, text = validate("preferred_time", "yesterday")
    assert result == {"preferred_time": None} and "already passed" in text


def test_nonsense_is_asked_again_once_then_the_nearest_times_are_offered(desk) -> None:
    result, text = validate("preferred_time", "🙂🙂")
    assert result["preferred_time"] is None and "didn't catch" in text
    result, text = validate("preferred_time", "blah", failed_attempts=1)
    assert "nearest free times" in text and result["offered_slots"][0].startswith(
        "2026-11-23T12:00"
    )


def test_a_time_of_day_taken_for_a_greeting_still_answers_when(desk) -> None:
    result, text = validate("preferred_time", "afternoon", intent="greet")
    assert result["preferred_time"] == "afternoon" and text == ""
    assert result["offered_slots"][0] == "2026-11-23T12:00:00-05:00"


def test_a_plain_hello_mid_booking_is_not_counted_as_a_wrong_time(desk) -> None:
    result, text = validate("preferred_time", "hiya", intent="greet", failed_attempts=1)
    assert result == {"preferred_time": None} and text == ""


def test_a_time_button_or_words_pick_an_offered_time(desk) -> None:
    offered = [THREE_PM.isoformat(), THREE_PM.replace(hour=14, minute=30).isoformat()]
    assert validate("booking_slot", THREE_PM.isoformat(), offered_slots=offered)[0] == {
        "booking_slot": THREE_PM.isoformat()
    }
    assert (
        validate("booking_slot", "the second one", offered_slots=offered)[0]["booking_slot"]
        == offered[1]
    )
    assert (
        validate("booking_slot", "3pm please", offered_slots=offered)[0]["booking_slot"]
        == offered[0]
    )


def test_other_times_asks_for_another_wish(desk) -> None:
    result, text = validate(
        "booking_slot", "/deny", intent="deny", offered_slots=[THREE_PM.isoformat()]
    )
    assert result["preferred_time"] is None and "Which other day" in text


def test_a_time_taken_meanwhile_is_offered_again(desk) -> None:
    desk.book(THREE_PM, Patient("Bob", "+12125550199", None), "another-patient")
    result, text = validate(
        "booking_slot", THREE_PM.isoformat(), offered_slots=[THREE_PM.isoformat()]
    )
    assert result["booking_slot"] is None and "just booked" in text
    assert THREE_PM.isoformat() not in result["offered_slots"] and result["offered_slots"]


def test_names_are_checked(desk) -> None:
    assert validate("patient_name", "my name is Anna Smith")[0] == {"patient_name": "Anna Smith"}
    result, text = validate("patient_name", "<script>alert(1)</script>")
    assert result == {"patient_name": None} and "just the name" in text


def test_an_invalid_phone_number_is_asked_again(desk) -> None:
    result, text = validate("contact_details", "555-12")
    assert result == {"contact_details": None} and "doesn't look right" in text
    result, _ = validate("contact_details", "call me on (212) 555-0143 or anna@example.com")
    assert (
        result["patient_phone"] == "+12125550143" and result["patient_email"] == "anna@example.com"
    )


def test_a_phone_given_with_the_name_is_kept(desk) -> None:
    result, text = validate("patient_name", "Tom Baker, +44 7400 123456")
    assert result["patient_name"] == "Tom Baker" and not text
    assert result["patient_phone"] == "+447400123456" and result["contact_details"]
    result, _ = validate("patient_name", "her name is Joan Miller, my number is 212 555 0146")
    assert (result["patient_name"], result["patient_phone"]) == ("Joan Miller", "+12125550146")


def test_a_weekday_that_does_not_match_the_date_is_asked_about(desk) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book"}, text="tuesday 16 december", requested_slot="preferred_time",
        form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_preferred_time(
        "tuesday 16 december", dispatcher, tracker, DOMAIN
    )
    assert result == {"preferred_time": None, "day_choices": ["2026-12-15", "2026-12-16"]}
    buttons = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert buttons == ["Tuesday 15 December", "Wednesday 16 December"]
    assert "16 December is a Wednesday" in said(dispatcher)


async def test_the_confirmation_asks_consent_too_and_one_yes_gives_both(desk) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "patient_name": "Anna", "contact_details": "+1 212-555-0143"},
    )  # fmt: skip
    await actions.ActionAskBookingConfirmed().run(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_ask_booking_confirmed"
    details = {"booking_slot": THREE_PM.isoformat(), "patient_name": "Anna Smith",
               "patient_phone": "+12125550143"}  # fmt: skip
    result, _ = validate("booking_confirmed", "yes I agree", intent="affirm", **details)
    assert result["booking_consent"] is True and result["booking_confirmed"] is True


async def test_a_confirmation_without_a_time_read_asks_for_the_time_again(desk) -> None:
    """Session 21, written before the change (outside run 52: a sentence left as the time
    picked gave a silent turn, then "I need a yes or a no" for a question never asked)."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": "8am. oh and the skin there is red",
               "patient_name": "Anna", "contact_details": "+1 212-555-0143"},
    )  # fmt: skip
    events = await actions.ActionAskBookingConfirmed().run(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages, "silent"
    assert slots_of(events)["booking_slot"] is None
    assert slots_of(events)["requested_slot"] == "preferred_time"


async def test_a_time_said_with_the_request_is_offered_at_once(desk) -> None:
    slots, _ = await start("request_booking", text="book me in tomorrow at 3", tdn_fit="likely")
    assert slots["booking_readiness"] == "ready"
    assert slots["offered_slots"][0] == THREE_PM.isoformat()


async def test_after_advice_to_see_a_doctor_today_no_time_today_is_offered(desk) -> None:
    # Session 9 (outside run 13): "see a doctor today first", then times that very day.
    urgent = {"tdn_fit": "possible", "triage_level": "urgent"}
    slots, dispatcher = await start("request_booking", text="book me in today at 3", **urgent)
    offered = [dt.datetime.fromisoformat(iso) for iso in slots["offered_slots"]]
    assert offered and all(t.date() > CLINIC_NOW.date() for t in offered)
    assert "utter_times_after_the_doctor" in sent(dispatcher)
    # Without that advice, today is fine.
    slots, _ = await start("request_booking", text="book me in today at 3", tdn_fit="possible",
                           triage_level="routine")  # fmt: skip
    assert dt.datetime.fromisoformat(slots["offered_slots"][0]) == THREE_PM.replace(day=23)


async def test_a_name_and_contact_said_with_the_yes_are_kept(desk) -> None:
    # Session 9 (outside run 13): "yes. Tom Becker, ..., tomorrow morning" to the offer
    # kept the time and asked the name again.
    text = "yes please, I'm Maria Lopez, maria.l@example.com, friday afternoon"
    person = [{"entity": "PERSON", "value": "Maria Lopez"}]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"tdn_fit": "likely"}, text=text, intent="affirm",
                           entities=person)  # fmt: skip
    slots = slots_of(await actions.ActionStartBooking().run(dispatcher, tracker, DOMAIN))
    assert slots["patient_name"] == "Maria Lopez"
    assert slots["patient_email"] == "maria.l@example.com" and slots["offered_slots"]
    # ...and kept while the intake goes first, when booking came before it.
    tracker = make_tracker(text=text, intent="request_booking", entities=person)
    slots = slots_of(await actions.ActionStartBooking().run(dispatcher, tracker, DOMAIN))
    assert slots["booking_readiness"] == "intake_first"
    assert slots["patient_name"] == "Maria Lopez"
    later = make_tracker(slots={"tdn_fit": "likely", **slots}, text="no", intent="deny")
    slots = slots_of(await actions.ActionStartBooking().run(dispatcher, later, DOMAIN))
    # Not set again, and not cleared: the form finds them filled.
    assert slots.get("patient_name", "kept") in ("kept", "Maria Lopez")
    assert slots.get("contact_details", "kept") is not None


async def test_only_booking_asks_where_it_hurts_and_its_screen_then_books(desk) -> None:
    slots, _ = await start("request_booking", text="book me in thursday at 10")
    assert slots["booking_readiness"] == "intake_first" and slots["booking_first"] is True
    assert slots["wished_time"] == "book me in thursday at 10"
    # The knee's screen answered (all three signs denied) but not the contraindication
    # checklist: still the intake first.
    denied = ["knee_warning", "fever", "trauma"]
    slots, _ = await start(
        "request_booking", text="book please", body_part="knee", denied_signs=denied,
        wished_time="thursday at 10",
    )  # fmt: skip
    assert slots["booking_readiness"] == "intake_first"
    # ...and with the checklist answered, booking can start.
    slots, _ = await start(
        "request_booking", text="book please", body_part="knee", denied_signs=denied,
        wished_time="thursday at 10", contraindication_screen="none",
    )  # fmt: skip
    assert slots["booking_readiness"] == "ready" and slots["tdn_fit"]
    assert slots["offered_slots"] and slots["wished_time"] is None


def test_yes_books_and_sets_the_reference(desk) -> None:
    details = {
        "booking_slot": THREE_PM.isoformat(), "patient_name": "Anna Smith",
        "patient_phone": "+12125550143",
    }  # fmt: skip
    result, _ = validate("booking_confirmed", "/affirm", intent="affirm", **details)
    assert result["booking_confirmed"] is True
    stored = desk.store.get(result["booking_reference"])
    assert stored.starts_at == THREE_PM and stored.conversation_id == "test-patient"
    # A double click books nothing more.
    again, _ = validate("booking_confirmed", "/affirm", intent="affirm", **details)
    assert again["booking_reference"] == result["booking_reference"]


@pytest.mark.parametrize(
    "text",
    ["is there nothing later like 4?", "can we do friday instead",
     "hmm actually my shift might run over, can you do 9 the same day instead?"],
)  # fmt: skip
def test_another_time_at_the_summary_is_no_yes(desk, text: str) -> None:
    # Written after outside run 8: a question with a time at the summary booked it.
    result, _ = validate(
        "booking_confirmed", text, intent="request_booking", booking_slot=THREE_PM.isoformat(),
        offered_slots=[THREE_PM.isoformat()],
    )  # fmt: skip
    assert result["booking_confirmed"] is None and "booking_reference" not in result
    assert desk.is_free(THREE_PM)


def test_no_at_the_summary_books_nothing_and_asks_for_another_time(desk) -> None:
    result, text = validate(
        "booking_confirmed", "no", intent="deny", booking_slot=THREE_PM.isoformat()
    )
    assert result["preferred_time"] is None and result["booking_slot"] is None
    assert desk.is_free(THREE_PM) and "nothing is booked" in text


def test_cancel_needs_the_right_contact(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    result, text = validate("lookup_contact", "212 555 0199", lookup_reference=booking.reference)
    assert (
        result["lookup_contact"] is None
        and result["lookup_attempts"] == 1
        and "couldn't find" in text
    )
    result, _ = validate("lookup_contact", "212 555 0143", lookup_reference=booking.reference)
    assert result["booking_reference"] == booking.reference
    result, _ = validate(
        "cancel_confirmed",
        "yes",
        intent="affirm",
        booking_task="cancel",
        lookup_reference=booking.reference,
    )
    assert (
        result == {"cancel_confirmed": True}
        and desk.store.get(booking.reference).status == "cancelled"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hmm actually can I move it to friday instead?", "reschedule_booking"),
        ("wait, could we do another day instead", "inform"),
    ],
)
def test_asking_to_move_at_the_cancel_question_keeps_the_booking(desk, text, intent) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    result, said_now = validate(
        "cancel_confirmed", text, intent=intent, booking_task="cancel",
        lookup_reference=booking.reference,
    )  # fmt: skip
    assert result["booking_task"] == "reschedule" and result["cancel_confirmed"] is None
    assert desk.store.get(booking.reference).status == "confirmed"
    assert wording("utter_move_instead") in said_now


def test_moving_to_another_day_at_the_same_time_offers_the_booked_hour(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    result, _ = validate(
        "preferred_time", "the friday after, same time", booking_task="reschedule",
        lookup_reference=booking.reference, booking_starts_at=THREE_PM.isoformat(),
    )  # fmt: skip
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert first.time() == THREE_PM.time() and first.weekday() == 4


def test_another_day_at_the_same_time_while_booking_keeps_the_chosen_hour(desk) -> None:
    """Session 15, written before the change (outside run 31: "make it wed same time" at
    the summary was offered Wednesday from 8 am)."""
    two = THREE_PM.replace(hour=14)
    result, _ = validate(
        "booking_confirmed", "actually make it thursday same time", booking_task="book",
        booking_slot=two.isoformat(), offered_slots=[two.isoformat()],
        patient_name="Anna", contact_details="+1 212-555-0143",
    )  # fmt: skip
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert first.time() == two.time() and first.weekday() == 3


# Session 21, written before the change (outside run 52 p06: "can we move it to 9:00 same
# day?" offered Monday, not the booked Wednesday; run 51 p04: "thursdy same time?" after
# "wensday after 3?" offered Thursday from the morning). "Same day" is the booked day; the
# same time while booking is the time asked for before. My own wordings.
async def test_moving_to_another_hour_the_same_day_keeps_the_booked_day(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    slots, _ = await start(
        "reschedule_booking", text="could we do 9am on the same day instead?",
        booking_reference=booking.reference, booking_starts_at=THREE_PM.isoformat(),
        patient_phone="+12125550143",
    )  # fmt: skip
    first = dt.datetime.fromisoformat(slots["offered_slots"][0])
    assert first.date() == THREE_PM.date() and first.hour == 9, slots["offered_slots"]


# Session 30, written before the change (outside run 85 p07: "ugh just remembered i have a
# meeting wed. can u move it to thurs 10am" moved it to Wednesday at 10). The day taken by
# something else is never the one wished. My own wording.
async def test_moving_away_from_a_busy_day_offers_the_day_asked_for(desk) -> None:
    wednesday = THREE_PM + dt.timedelta(days=1)
    booking = desk.book(wednesday, Patient("Anna", "+12125550143", None), "c1")
    slots, dispatcher = await start(
        "reschedule_booking",
        text="oh no, I've got a dentist wed. could you move me to thurs at 11?",
        booking_reference=booking.reference, booking_starts_at=wednesday.isoformat(),
        patient_phone="+12125550143",
    )  # fmt: skip
    found = slots.get("booking_slot") or (slots.get("offered_slots") or [None])[0]
    assert found, (slots, said(dispatcher))
    first = dt.datetime.fromisoformat(found)
    assert first.weekday() == 3 and first.hour == 11, slots


# Session 30, written before the change (outside run 85 p08: "Mike Delgado. hes been so run
# down... lost like 15 lbs without even trying" to the name question, then "i just told u,
# Mike Delgado. wait so should he go to urgent care tonight??": the name asked three times).
# A name said beside warning signs or a question about the advice is kept. My own words.
@pytest.mark.parametrize(
    ("text", "intent", "level_before"),
    [
        ("Dana Ortiz. she's lost a lot of weight lately without trying", "red_flag", None),
        ("like I told you, Dana Ortiz. can she wait till Monday for the doctor?", "inform",
         "urgent"),
    ],
)  # fmt: skip
async def test_a_name_said_beside_safety_words_is_kept(
    desk, text: str, intent: str, level_before: str | None
) -> None:
    earlier = {"triage_level": level_before} if level_before else {}
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "triage_level": level_before or "urgent",
               **({"patient_name": text} if intent == "inform" else {})},
        earlier_slots=earlier, text=text, intent=intent, requested_slot="patient_name",
        form="booking_form",
    )  # fmt: skip
    events = await actions.ValidateBookingForm().get_validation_events(
        CollectingDispatcher(), tracker, DOMAIN
    )
    names = [e["value"] for e in events if e.get("name") == "patient_name"]
    assert names and names[-1] == "Dana Ortiz", events


# Session 34, written before the change (outside run 107 p07: "Walter Brennan. 212 555 7781.
# Should I tell my doctor about the prostate cancer when I call?" kept the name and asked
# "How can the clinic reach you?"). The contact said beside the name and safety words is kept
# too. My own words.
async def test_a_contact_said_with_the_name_beside_safety_words_is_kept(desk) -> None:
    text = "Ana Ruiz, 917 555 0144. should I mention the weight loss to my GP?"
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "triage_level": "urgent"},
        text=text, intent="red_flag", requested_slot="patient_name", form="booking_form",
    )  # fmt: skip
    events = await actions.ValidateBookingForm().get_validation_events(
        CollectingDispatcher(), tracker, DOMAIN
    )
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values.get("patient_name") == "Ana Ruiz", events
    assert values.get("patient_phone") == "+19175550144", events


def test_another_day_at_the_same_time_keeps_the_hours_asked_for_before(desk) -> None:
    dispatcher = CollectingDispatcher()
    text = "oh wait I'm working tuesday. wednesday, same time?"
    tracker = make_tracker(
        slots={"booking_task": "book", "preferred_time": text},
        earlier_slots={"preferred_time": "tuesday after 3"},
        text=text, intent="inform", requested_slot="booking_slot", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_preferred_time(
        text, dispatcher, tracker, DOMAIN
    )
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert first.weekday() == 2 and first.hour >= 15, result["offered_slots"]


def test_reschedule_moves_the_booking(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    four = THREE_PM.replace(hour=16)
    result, _ = validate(
        "booking_confirmed", "/affirm", intent="affirm", booking_task="reschedule",
        lookup_reference=booking.reference, booking_slot=four.isoformat(),
    )  # fmt: skip
    assert result["booking_reference"] == booking.reference
    assert desk.store.get(booking.reference).starts_at == four


async def test_the_finish_says_what_was_done(desk) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={
            "booking_task": "book",
            "booking_confirmed": True,
            "booking_reference": "K7P4QM",
            "booking_starts_at": THREE_PM.isoformat(),
        }
    )
    events = await actions.ActionFinishBooking().run(dispatcher, tracker, DOMAIN)
    [message] = dispatcher.messages
    assert message["response"] == "utter_booked" and message["reference"] == "K7P4QM"
    assert message["when"] == "Tuesday 24 November at 3:00 pm"
    assert slots_of(events)["booking_task"] is None


async def test_the_time_buttons_carry_the_exact_times(desk) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"offered_slots": [THREE_PM.isoformat()]})
    await actions.ActionAskBookingSlot().run(dispatcher, tracker, DOMAIN)
    buttons = dispatcher.messages[0]["buttons"]
    assert buttons[0]["title"] == "Tue 24 Nov, 3:00 pm"
    assert THREE_PM.isoformat() in buttons[0]["payload"] and buttons[-1]["payload"] == "/deny"


async def test_an_answer_to_a_safety_question_answers_nothing_in_the_booking(desk) -> None:
    # "Does your chest feel tight...?" came mid-booking; "no, tomorrow is fine" answers it.
    tracker = make_tracker(
        slots={"preferred_time": "no, tomorrow is fine", "direct_question": None},
        earlier_slots={"direct_question": "check_chest", "preferred_time": None},
        text="no, tomorrow is fine",
        intent="deny",
        requested_slot="preferred_time",
        form="booking_form",
    )
    dispatcher = CollectingDispatcher()
    events = await actions.ValidateBookingForm().get_validation_events(dispatcher, tracker, {})
    assert events == [{"event": "slot", "timestamp": None, "name": "preferred_time", "value": None}]
    assert said(dispatcher) == ""


def test_a_time_typed_for_the_name_is_not_a_name(desk) -> None:
    result, text = validate("patient_name", "8am")
    assert result == {"patient_name": None} and "name" in text


def test_yes_book_it_typed_out_books(desk) -> None:
    details = {"booking_slot": THREE_PM.isoformat(), "patient_name": "Anna Smith",
               "patient_phone": "+12125550143"}  # fmt: skip
    result, _ = validate("booking_confirmed", "Yes, book it", intent="request_booking", **details)
    assert result["booking_confirmed"] is True


def test_yes_is_not_a_name(desk) -> None:
    result, _ = validate("patient_name", "yes")
    assert result == {"patient_name": None}


@pytest.mark.parametrize(
    "said",
    # Outside run 10: a name put right at the summary was asked "yes or no?", then booked
    # under the wrong name.
    [
        "it's Kowalska not Kowalsk",
        "the name is wrong, it's KOWALSKA",
        "name is Ewa Kowalska",
        # Session 9, written before the change: a spelling hint said with the yes.
        "Kowalska with an a at the end, then yes",
        "kowalska, with two a's, otherwise fine",
        # Session 9 (outside run 14): asked as a change, or said with what it is not.
        "can you change the name to Ewa Kowalska",
        "no my name is ewa kowalska not just kowalsk",
    ],
)
def test_a_name_put_right_at_the_summary_changes_it_and_books_nothing(desk, said: str) -> None:
    result, text = validate("booking_confirmed", said, patient_name="Ewa Kowalsk")
    assert result == {"booking_confirmed": None, "patient_name": "Ewa Kowalska"}
    assert "Ewa Kowalska" in text


def test_a_new_number_with_the_yes_changes_it_and_books_nothing_yet(desk) -> None:
    # Outside run 12: "sorry the number is 646 555 0178. yes book" booked the old number.
    result, text = validate(
        "booking_confirmed",
        "oh wait the number is 917 555 0166. yes",
        patient_name="Ewa Kowalska",
        patient_phone="+19175550160",
    )
    assert result["booking_confirmed"] is None and result["patient_phone"] == "+19175550166"
    assert "917-555-0166" in text


@pytest.mark.parametrize("said", ["its .com not .con", "sorry the email should be .com"])
def test_an_email_ending_put_right_at_the_summary_changes_it_and_books_nothing(
    desk, said: str
) -> None:
    # Outside run 99: "its .com not .con" got "I need a yes or a no".
    result, text = validate(
        "booking_confirmed",
        said,
        patient_name="Dana Ruiz",
        patient_phone="+19175550160",
        patient_email="dana.ruiz@gmail.con",
    )
    assert result["booking_confirmed"] is None
    assert result["patient_email"] == "dana.ruiz@gmail.com"
    assert result["patient_phone"] == "+19175550160"
    assert "dana.ruiz@gmail.com" in text


# Session 33, written before the change (outside run 102 p02: "Her name is Margaret
# O'Brien, but please call me (Siobhan) on 718-555-0142, she's hard of hearing" to the
# booking's name question set up a call-back and dropped the chosen time). "Call me on" with
# the number, said to the name question, gives the booking's contact. My own words.
async def test_call_me_on_a_number_at_the_name_question_is_the_bookings_contact(desk) -> None:
    from actions.callback import ActionStartCallback

    text = "His name's Tom Berg but please ring me on 718 555 0142, he's deaf"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat()},
        text=text, intent="request_callback", requested_slot="patient_name",
        form="booking_form",
    )  # fmt: skip
    events = await ActionStartCallback().run(dispatcher, tracker, DOMAIN)
    assert {"event": "followup", "timestamp": None, "name": "booking_form"} in events, events
    assert slots_of(events).get("patient_phone") == "+17185550142", events
    assert "Tom Berg" in (slots_of(events).get("patient_name") or ""), events
    assert ("booking_task", "callback") not in {
        (e.get("name"), e.get("value")) for e in events if e.get("event") == "slot"
    }


# Session 37, written before the change (outside run 121 r05: "10:30 please. It's for Eleanor
# Whitfield, but please ring me, her daughter Claire, on 646 555 0128" to the times offered
# set up a call-back for the wrong day). The time, the name and the number to ring, said to
# the times offered, are the booking's. My own words.
async def test_ring_me_on_a_number_with_the_time_picked_is_the_bookings(desk) -> None:
    from actions.callback import ActionStartCallback

    offered = [THREE_PM, THREE_PM.replace(minute=30)]
    text = "3:30 please, it's for Jim Adler, but ring me, his son, on 917 555 0144"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "offered_slots": [t.isoformat() for t in offered]},
        text=text, intent="request_callback", requested_slot="booking_slot",
        form="booking_form",
    )  # fmt: skip
    events = await ActionStartCallback().run(dispatcher, tracker, DOMAIN)
    slots = slots_of(events)
    assert slots.get("booking_slot") == offered[1].isoformat(), events
    assert slots.get("patient_phone") == "+19175550144", events
    assert slots.get("booking_task") != "callback", events


def test_after_which_day_the_weekday_named_picks_one_of_the_two(desk) -> None:
    choices = ["2026-12-15", "2026-12-16"]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "day_choices": choices}, text="the wednesday, at 10",
        requested_slot="preferred_time", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_preferred_time(
        "the wednesday, at 10", dispatcher, tracker, DOMAIN
    )
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert (first.date(), first.hour) == (dt.date(2026, 12, 16), 10)
    assert result["day_choices"] is None


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("oh no, tuesday next week then, at 11", dt.date(2026, 12, 1)),
        ("sorry i meant wednesday the 9th at 11", dt.date(2026, 12, 9)),
    ],
)
def test_after_which_day_a_week_or_date_of_the_answers_own_is_the_day(
    desk, said: str, day: dt.date
) -> None:
    """The weekday matches one of the two, but the answer says which week or date it is
    (the CI's conversation on a Thursday: "I meant wednesday next week" got the 16th)."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "day_choices": ["2026-12-15", "2026-12-16"]}, text=said,
        requested_slot="preferred_time", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_preferred_time(
        said, dispatcher, tracker, DOMAIN
    )
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert (first.date(), first.hour) == (day, 11)


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("4pm suits me. Omar Haddad, omar.h@example.com", "Omar Haddad"),
        ("that one works, name is lena park 917 555 0123", "Lena Park"),
        ("that one, and call me on 917 555 0123", None),
        # Outside run 10: "Romano" lost its "no" as if it were "number".
        ("10am. Luca Bruno 646 555 0101", "Luca Bruno"),
        ("the first, Ana Kalina 646 555 0102", "Ana Kalina"),
    ],
)
def test_a_name_and_contact_said_with_the_chosen_time_are_kept(said: str, name: str | None) -> None:
    from actions.patient_details import who_said_alongside

    found = who_said_alongside(said, make_tracker(slots={}))
    assert found.get("patient_name") == name
    assert found.get("patient_phone") or found.get("patient_email")


# Session 38, written before the change (outside run 122 s08: name and phone in the first
# message asked again at the booking). Told with the pain, before any booking. My wordings.
@pytest.mark.parametrize(
    ("said", "name"),
    [
        (
            "Hello, Priya Natarajan here, 646 555 0133. Stiff sore neck for a month",
            "Priya Natarajan",
        ),
        ("hi its Marcus Bell (917) 555 0144, lower back since friday", "Marcus Bell"),
        ("My name is Joan Ferris and my number is 212-555-0190. I get headaches", "Joan Ferris"),
        ("you can call me on 917 555 0123, my back aches", None),
    ],
)
def test_a_name_and_contact_told_with_the_pain_are_kept(said: str, name: str | None) -> None:
    from actions.patient_details import who_said_alongside

    found = who_said_alongside(said, make_tracker(slots={}))
    assert found.get("patient_name") == name
    assert found.get("patient_phone")


def test_a_first_name_spacy_missed_after_for_me_is_kept() -> None:
    # Session 9 (outside run 14): "its for me maya chen but use my moms number" gave "chen".
    from actions.patient_details import who_said_alongside

    said = "10:30 pls. its for me maya chen but use my moms number 347 555 2198 shes linda"
    person = [{"entity": "PERSON", "value": "chen"}]
    found = who_said_alongside(said, make_tracker(slots={}, entities=person))
    assert found["patient_name"] == "Maya Chen"


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("i'd like to change the day instead", None),  # a request, not a name
        ("Hana Novak. Oh, and I take apixaban, is that ok?", "Hana Novak"),
        ("Dr. Priya Raman", "Dr. Priya Raman"),
        ("José Luis Fernández", "José Luis Fernández"),
        # Outside run 11: the name said again after a lead-in looped on "what name?".
        ("I already told you, Aiko Tanaka", "Aiko Tanaka"),
        ("like I said - Ruth Okafor", "Ruth Okafor"),
    ],
)
def test_a_name_is_a_name_not_a_sentence(said: str, name: str | None) -> None:
    from clinic.contact import read_name

    assert read_name(said) == name


async def test_a_move_asked_with_its_time_offers_that_time_at_once(desk) -> None:
    # Written after outside run 8: "move it to saturday 11?" was asked "When would suit?".
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "test-patient")
    slots, _ = await start(
        "reschedule_booking", "actually can you move it to friday at 10?",
        booking_reference=booking.reference, patient_phone="+12125550143",
        booking_starts_at=THREE_PM.isoformat(),
    )  # fmt: skip
    offered = [dt.datetime.fromisoformat(iso) for iso in slots["offered_slots"]]
    assert offered[0].weekday() == 4 and offered[0].hour == 10


# Session 9, written before the change (outside run 13): "Yes, thank you! Bye bye" to
# "shall I book it?" ended the chat with nothing booked; "Piotr Nowak" got "Goodbye".
@pytest.mark.parametrize(
    ("text", "model", "heard"),
    [
        ("Yes, thank you! Bye bye, have a nice day", "goodbye", "affirm"),
        ("yes. bye", "goodbye", "affirm"),
        ("no thanks, bye", "goodbye", "deny"),
        ("no. bye", "nlu_fallback", "deny"),  # session 16 (outside run 35), new words
        ("ok thanks bye", "goodbye", None),  # heard, not a yes
        ("bye", "goodbye", None),
        ("thank you so much", "thanks", None),
        # Session 16, written before the change (outside run 34's kind, new words): a no
        # with thanks, then why, is a no whatever the model heard in the why.
        ("no thanks, I'll just wait for the call on tuesday", "ask_cost", "deny"),
        ("no thanks, I'll just wait for the call on tuesday", "cancel_callback", "deny"),
        ("nah thank you, maybe later in the year", "inform", "deny"),
        ("No thank you. How much would it cost though?", "ask_cost", "deny"),
        ("no thanks", "deny", None),
        ("no, thanks to the pills it's better now", "inform", None),
        # Session 20, written before the change (outside run 47 p04: "Yes. I can come only
        # after work, after 6 evening. Which day is possible?" to the offer was heard as a
        # pain and got "Sorry, I didn't quite understand"). My own wordings.
        ("yes please. only mornings for me, before 11", "describe_pain", "affirm"),
        ("Yes. After work only, from 5:30. What days do you have?", "describe_pain", "affirm"),
        ("yes it aches more in the evening", "describe_pain", None),
        # Session 36, written before the change (outside run 115 p07: "I said no lol" to the
        # spread question asked again, heard as nothing).
        ("I already said no haha", "nlu_fallback", "deny"),
        ("like I said, yes", "inform", "affirm"),
    ],
)
def test_a_yes_or_no_before_the_goodbye_is_the_answer(text, model, heard) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.yes_heard import YesHeard

    message = Message(data={"text": text, "intent": {"name": model, "confidence": 0.9}})
    assert YesHeard.heard(YesHeard.__new__(YesHeard), message) == heard


@pytest.mark.parametrize(
    ("text", "person", "heard"),
    [
        ("Piotr Nowak", "Piotr Nowak", "inform"),
        ("Ana Byrne.", "Ana Byrne", "inform"),
        ("bye Sarah", "Sarah", None),  # a goodbye to someone
    ],
)
def test_a_name_said_alone_is_an_answer(text, person, heard) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    message = Message(
        data={"text": text, "intent": {"name": "goodbye", "confidence": 0.5},
              "entities": [{"entity": "PERSON", "value": person}]}
    )  # fmt: skip
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        # Session 9 (outside run 14): "night" made a goodbye of an answer mid-screen.
        ("The night one, yes, I told you that.", "affirm"),
        ("ok thanks, I'd better get going now", None),
        ("night night", None),
    ],
)
def test_a_goodbye_takes_its_leave_in_words(text: str, heard: str | None) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.yes_heard import YesHeard

    ranking = [{"name": "goodbye", "confidence": 0.6}, {"name": "affirm", "confidence": 0.3}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    assert YesHeard.heard(YesHeard.__new__(YesHeard), message) == heard


def test_a_booking_with_a_question_about_the_time_is_a_booking() -> None:
    # Session 9 (outside run 15): "Thursday after 6 is possible?" went to the look-up.
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    text = "Ok. I want the consultation. Thursday after 6 in evening is possible?"
    message = Message(data={"text": text, "intent": {"name": "ask_clinic", "confidence": 0.7}})
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == "request_booking"
    other = Message(data={"text": "are you open thursday after 6?",
                          "intent": {"name": "ask_clinic", "confidence": 0.7}})  # fmt: skip
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), other) != "request_booking"


def test_no_with_another_name_at_the_summary_books_nothing_and_puts_the_name_right(desk) -> None:
    # Session 9 (outside run 15): "No dear, the appointment is for me, ..." booked it under
    # the granddaughter's name (the model heard a booking request).
    text = "No dear, the appointment is for me, Ruth Adler. Keely is my granddaughter."
    people = [{"entity": "PERSON", "value": "Ruth Adler"}, {"entity": "PERSON", "value": "Keely"}]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "patient_name": "Keely", "patient_phone": "+12125550143"},
        text=text, intent="request_booking", entities=people,
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_booking_confirmed(
        text, dispatcher, tracker, DOMAIN
    )
    assert result == {"booking_confirmed": None, "patient_name": "Ruth Adler"}
    assert desk.is_free(THREE_PM)


def test_a_booking_asked_for_in_words_is_one_whatever_topic_the_model_heard() -> None:
    # Session 10 (outside run 16, #12's kind): "could I book for the week after next in
    # case she says it's ok?" was heard as a question about after-care.
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    def heard(text: str, intent: str) -> str | None:
        message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.6}})
        return BookingHeard.heard(BookingHeard.__new__(BookingHeard), message)

    text = "I'll ring my GP first. could I book for the week after next in case she says ok?"
    assert heard(text, "ask_aftercare") == "request_booking"
    assert heard("how sore will I be the day after?", "ask_aftercare") is None
    # Session 27, written before the change (found replaying outside run 71 p04: "ok I'll
    # call the out of hours line this afternoon. can I book with you for after?" got the
    # referral answer and no booking): a booking for after the doctor names no day.
    assert heard("fine, the walk-in tonight then. could we book you for afterwards?",
                 "ask_aftercare") == "request_booking"  # fmt: skip
    assert heard("can I book with you after I've seen her?", "ask_clinic") == "request_booking"
    assert heard("can I book online or only here?", "ask_clinic") is None


def test_a_booking_wished_for_with_rather_is_no_move() -> None:
    # Session 10 (outside run 17, #03): "I'd rather just book with you next week" went to
    # the look-up of a booking that did not exist.
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    def heard(text: str) -> str | None:
        message = Message(data={"text": text, "intent": {"name": "reschedule_booking"}})
        return BookingHeard.heard(BookingHeard.__new__(BookingHeard), message)

    assert heard("I'd rather just book with you next week.") == "request_booking"
    assert heard("can I move my booking to next week instead?") is None
    # Session 20, written before the change (outside run 49 p05: "Can't you just book him
    # for Monday...?" heard as a cancel went to the look-up). My own wording.
    message = Message(
        data={"text": "couldn't you just book her in for friday and the physio can judge it?",
              "intent": {"name": "cancel_booking", "confidence": 0.2}}
    )  # fmt: skip
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == "request_booking"


def test_a_full_name_said_alone_is_kept_whole() -> None:
    # Session 10 (outside run 18, #18): spaCy found "Chris" in "Chris Dunbar".
    from clinic.contact import read_name

    assert read_name("Chris Dunbar", ["Chris"]) == "Chris Dunbar"
    assert read_name("Anna Smith, 212 555 0143", ["Anna Smith"]) == "Anna Smith"


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        # Session 11, written before the change (outside run 19, #13's kind, new wordings):
        # a new booking asked for in other words than "book" is a booking request, not a
        # question about a booking made.
        ("could you squeeze me in for a consultation on monday?", "request_booking"),
        ("can I still pencil something in for the 18th?", "request_booking"),
        ("can I bring my daughter to the consultation on monday?", None),
        # Session 12, written before the change (outside run 22, #18's kind, new wordings):
        # asked for as a thing to do now.
        ("ok fine, let's book it. monday afternoon?", "request_booking"),
        ("go ahead and book me something on the 14th?", "request_booking"),
        ("please book a consult for tuesday?", "request_booking"),
        ("lets book, sometime next week?", "request_booking"),
        # ...and without a time: a new one asked for outright (outside run 23, #16's kind).
        ("I haven't got a booking, I want to book one for later this month", "request_booking"),
        ("can I book a physio slot for after my doctor has seen me?", "request_booking"),
        ("could I book with the same physio as my wife?", None),
    ],
)
def test_a_booking_asked_for_in_other_words_is_a_booking(text: str, heard: str | None) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    message = Message(data={"text": text, "intent": {"name": "ask_my_booking", "confidence": 0.6}})
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


@pytest.mark.parametrize(
    ("said", "name"),
    [
        # Session 12, written before the change (outside run 24, #04's kind, new wordings): an
        # answer of yes-words and time words is no name; names that are months still are.
        ("yeah whenever", None),
        ("sure tomorrow pls", None),
        ("yep asap", None),
        ("April Jones", "April Jones"),
        ("June Park", "June Park"),
    ],
)
def test_yes_words_and_times_are_no_name(said: str, name: str | None) -> None:
    from clinic.contact import read_name

    assert read_name(said) == name


# Session 15, written before the change: "this evening" to when the clinic should call was
# greeted ("good evening" to the model); a greeting stays a greeting.
@pytest.mark.parametrize(
    ("text", "heard"),
    [("this evening", "inform"), ("tomorrow afternoon", "inform"),
     ("good evening", None), ("morning!", None), ("hi there", None)],
)  # fmt: skip
def test_a_time_the_model_took_for_a_greeting_is_a_time(text: str, heard: str | None) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.9}})
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


def test_asking_when_ones_booking_is_mid_intake_looks_it_up_now(desk) -> None:
    """Session 15, written before the change (outside run 31: a patient with a booking was
    told three times to finish a new intake first)."""
    from rasa_sdk.events import FollowupAction
    from rasa_sdk.executor import CollectingDispatcher

    from actions.questions import _my_booking

    tracker = make_tracker(
        text="when is my appointment?", intent="ask_my_booking", requested_slot="body_part"
    )
    events = _my_booking(CollectingDispatcher(), tracker)
    assert FollowupAction("booking_form") in events
    assert {"event": "slot", "timestamp": None, "name": "booking_task", "value": "show"} in events


@pytest.mark.parametrize(
    ("text", "model", "answer"),
    [
        # Session 15, written before the change (outside run 32: a yes with a question,
        # which the model heard as a no, cancelled a call-back).
        ("Yes. And meanwhile, would you needle the side with the swelling?", "deny", True),
        ("yes please, and is there parking?", "ask_clinic", True),
        ("no thanks, not now", "affirm", False),
    ],
)
def test_a_yes_or_no_said_first_is_the_answer_whatever_the_model_heard(
    text: str, model: str, answer: bool
) -> None:
    from actions.tracker_facts import yes_or_no

    assert yes_or_no(make_tracker(text=text, intent=model)) is answer


# Session 19, written before the change (outside run 45 p06: "You just told me 2 o'clock was
# not free, but now it is on the list? I will take 2 pm then." was heard as a question and
# the same three times offered again). A time on offer, picked in a message the model heard
# as a question, is taken; a question naming no offered time is not.
@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("wait, wasn't 3 taken a minute ago? fine, I'll have the 3 pm one", True),
        ("how much will it cost at 3pm?", True),
        ("how much does it cost?", False),
    ],
)
async def test_an_offered_time_picked_in_a_question_is_taken(desk, text: str, picked: bool) -> None:
    tracker = make_tracker(
        slots={
            "booking_task": "book",
            "offered_slots": [
                (THREE_PM + dt.timedelta(minutes=m)).isoformat() for m in (-30, 0, 30)
            ],
        },
        text=text,
        intent="ask_cost",
        requested_slot="booking_slot",
        form="booking_form",
    )
    found = await actions.ValidateBookingForm().extract_booking_slot(
        CollectingDispatcher(), tracker, DOMAIN
    )
    assert (found.get("booking_slot") == text) is picked, found


# Session 20, written before the change (outside run 46 p01: "tomorrow 10am" on a Saturday
# got "Nothing is free at that time" and the opening hours, never that Sunday is closed).
# My own wordings; a closure day too.
@pytest.mark.parametrize(
    ("said", "closed"),
    [
        ("sunday at 10", "We're closed on Sundays"),
        ("could I come sunday morning", "We're closed on Sundays"),
        ("dec 24th at 9?", "We're closed on Thursday 24 December (Christmas)"),
    ],
)
def test_a_day_the_clinic_is_closed_is_said_to_be_closed(desk, said, closed) -> None:
    result, text = validate("preferred_time", said)
    assert text.startswith(closed), text
    assert result["offered_slots"]


# Session 20, written before the change (outside run 47 p02: "My number is ..., that's the
# house phone so Gary might answer. My name is Linda ..." booked for "Gary"). Whoever else
# is named, the name said as the writer's own is the name. My own wordings.
@pytest.mark.parametrize(
    ("said", "people", "name"),
    [
        (
            "My number is 917-555-0144, it's the landline so Tom may pick up. My name is "
            "Rosa Delgado, everyone gets it wrong",
            ["Tom", "Rosa Delgado"],
            "Rosa Delgado",
        ),
        ("917 555 0144 (my son Ben's phone), I'm Ada Novak", ["Ben", "Ada Novak"], "Ada Novak"),
    ],
)
def test_the_name_said_as_ones_own_wins_over_others_named(said, people, name) -> None:
    from actions.patient_details import who_said_alongside

    entities = [{"entity": "PERSON", "value": person} for person in people]
    found = who_said_alongside(said, make_tracker(slots={}, entities=entities))
    assert found.get("patient_name") == name


# Session 20, written before the change (outside run 47 p02: at the summary, "No no, the
# appointment is for me, Linda Kowalczyk. Gary is my husband." and "The name on the booking
# should be Linda Kowalczyk, please, not Gary." were not taken). My own wordings.
@pytest.mark.parametrize(
    "said",
    [
        "The name on it should be Ewa Kowalska please, not Piotr.",
        "no no, it's for me, Ewa Kowalska. Piotr is my brother.",
        "wrong person, the booking is for Ewa Kowalska",
    ],
)
def test_the_name_put_right_in_other_words_at_the_summary(desk, said: str) -> None:
    result, text = validate("booking_confirmed", said, patient_name="Piotr")
    assert result == {"booking_confirmed": None, "patient_name": "Ewa Kowalska"}, (result, text)


# Session 20, written before the change (outside run 47 p06: "wait sorry typo, number is
# 646-555-0190. and actually can we do wednesday morning instead" at the summary changed the
# number and asked to book Tuesday still). Both are taken. My own wording.
def test_a_new_number_and_another_day_at_the_summary_are_both_taken(desk) -> None:
    result, _ = validate(
        "booking_confirmed",
        "oops the number is 917 555 0166, and can we make it thursday afternoon instead",
        patient_name="Ewa Kowalska",
        patient_phone="+19175550160",
        booking_slot="2026-11-24T15:00:00-05:00",
    )
    assert result["booking_confirmed"] is None and result["patient_phone"] == "+19175550166"
    offered = result.get("offered_slots") or []
    assert offered and all(iso.startswith("2026-11-26T1") for iso in offered), result


# Session 20, written before the change (outside run 48 p02: "Oh shoot, Frank golfs Monday
# mornings. What about next Saturday morning, around 10?" booked the consultation for
# "Frank"). A person told of in a sentence is not the name of the booking. My own wording.
@pytest.mark.parametrize(
    ("said", "people", "name"),
    [
        ("hmm Dave works tuesdays, what about wednesday at 9?", ["Dave"], None),
        ("wednesday at 9, Dave Ortiz", ["Dave Ortiz"], "Dave Ortiz"),
    ],
)
def test_a_person_told_of_with_the_time_is_not_the_bookings_name(said, people, name) -> None:
    from actions.patient_details import who_said_alongside

    entities = [{"entity": "PERSON", "value": person} for person in people]
    found = who_said_alongside(said, make_tracker(slots={}, entities=entities))
    assert found.get("patient_name") == name


# Session 20, written before the change (outside run 48 p03: "jaylen price" to "What name
# should the booking be under?" was heard as a question about prices, twice). A name said
# alone, or last after a word of impatience, is an answer whatever words it holds. My own
# names.
@pytest.mark.parametrize(
    ("text", "person", "model", "heard"),
    [
        ("marco cost", "marco cost", "ask_cost", "inform"),
        ("ugh I told you. Rosa Parking", "Rosa Parking", "ask_parking", "inform"),
        ("how much is it, Ana?", "Ana", "ask_cost", None),
    ],
)
def test_a_name_made_of_words_of_a_topic_is_an_answer(text, person, model, heard) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    message = Message(
        data={"text": text, "intent": {"name": model, "confidence": 0.9},
              "entities": [{"entity": "PERSON", "value": person}]}
    )  # fmt: skip
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


# Session 20, written before the change (outside run 48 p07: "Oh, but you suggested it.
# Never mind. Wednesday late morning would suit me better in fact." to Monday's times got
# Monday's times again). My own wording.
def test_a_day_told_is_no_question_whatever_the_model_heard() -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    text = "Ah well. Never mind. Thursday early afternoon would work better for me anyway."
    message = Message(data={"text": text, "intent": {"name": "ask_clinic", "confidence": 0.6}})
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == "inform"


def test_another_day_after_a_never_mind_is_the_wish(desk) -> None:
    monday = ["2026-11-30T15:00:00-05:00", "2026-11-30T15:30:00-05:00"]
    result, _ = validate(
        "booking_slot",
        "Ah well. Never mind. Thursday early afternoon would work better for me anyway.",
        offered_slots=monday,
        preferred_time="monday at 3",
    )
    offered = result.get("offered_slots") or []
    assert offered and all(iso.startswith("2026-11-26T1") for iso in offered), result


# Session 20, written before the change (outside run 49 p03: "wait nah its 0139 not 0193 my
# bad" at the summary cancelled the time, and the number stayed wrong). The last digits
# put right, said first, are the new ones; the time stands. My own wording.
def test_last_digits_said_before_the_wrong_ones_put_the_number_right(desk) -> None:
    result, text = validate(
        "booking_confirmed",
        "oops no its 0166 not 0160 sorry",
        patient_name="Ewa Kowalska",
        patient_phone="+19175550160",
    )
    assert result.get("patient_phone") == "+19175550166", result
    assert "booking_slot" not in result and "Okay, nothing is booked" not in text


# Session 21, written before the change (outside run 52: "nah im good w needles i think"
# and "None. I'm fine with needles, I stick people all day :)" to the needling checklist
# were heard as questions about whether it hurts: a leaflet answer, then the list again).
# A yes or no told about the matter, asking nothing, is the answer. My own wordings.
@pytest.mark.parametrize(
    ("text", "heard"),
    [
        ("nope, needles have never bothered me", "deny"),
        ("no. totally fine with injections, I give blood every few months", "deny"),
        ("nah all good with needles", "deny"),
        ("no but does it hurt much", None),  # a question after the no
        ("no, is it painful though", "deny"),  # the answer; the question answered first
    ],
)
def test_a_no_told_about_needles_is_no_question(text: str, heard: str | None) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.yes_heard import YesHeard

    message = Message(
        data={"text": text, "intent": {"name": "ask_does_it_hurt", "confidence": 0.6}}
    )
    assert YesHeard.heard(YesHeard.__new__(YesHeard), message) == heard


# Session 21, found while checking a fix (my own wording): "can I book in for my lower
# back?" was a question about the clinic, answered with the evidence, and the whole intake
# began instead of the booking. Asked to book for a painful place, it is a booking.
@pytest.mark.parametrize(
    ("text", "part", "heard"),
    [
        ("can I book in for my lower back?", "lower_back", "request_booking"),
        ("could we book something for her neck please", "neck", "request_booking"),
        ("can I book online?", None, None),
    ],
)
def test_a_booking_asked_for_a_painful_place_is_a_booking(text, part, heard) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    entities = [{"entity": "body_part", "value": part}] if part else []
    message = Message(
        data={"text": text, "intent": {"name": "ask_clinic", "confidence": 0.6},
              "entities": entities}
    )  # fmt: skip
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


# Session 21, written before the change (outside run 52 p03: once booked, "will the physio
# kno bout me passin out w needles?" got the leaflet on what needling helps, then "Sorry, I
# didn't quite understand"). Text-speak asks whether it is in the notes too. My wordings.
@pytest.mark.parametrize(
    "text",
    ["does the physio kno bout my warfarin", "do they kno im on blood thinners?"],
)
def test_asked_in_text_speak_whether_a_precaution_is_noted(text: str) -> None:
    from actions.questions import asks_if_noted

    tracker = make_tracker(
        slots={"contraindications": ["anticoagulants"], "booking_reference": "ABC123",
               "booking_starts_at": THREE_PM.isoformat()},
        text=text, intent="ask_clinic",
        entities=[{"entity": "contraindication", "value": "anticoagulants"}],
    )  # fmt: skip
    assert asks_if_noted(tracker)


# Session 21, written before the change (outside run 53 p04: writing for her mother, "Yes.
# Please write for the doctor that I am daughter Lan and I translate" at the summary changed
# the booking's name to Lan). Writing for someone, the writer's own name is no new name for
# the booking, unless the booking is said to be for the writer. My own wordings.
@pytest.mark.parametrize(
    ("text", "person", "renamed"),
    [
        ("yes. please tell them I am her son Dev and I'll translate", "Dev", None),
        ("yes, I'm Marta, her niece, I'll bring her", "Marta", None),
        ("no wait, the appointment is for me, Dev Patel, not my mum", "Dev Patel", "Dev Patel"),
    ],
)
def test_the_writers_own_name_is_no_new_name_for_the_booking(desk, text, person, renamed) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "patient_name": "Rosa Diaz",
               "booking_slot": THREE_PM.isoformat(), "contact_details": "+1 212-555-0143",
               "patient_phone": "+12125550143"},
        text=text, intent="affirm", requested_slot="booking_confirmed", form="booking_form",
        entities=[{"entity": "PERSON", "value": person}],
        earlier_texts=["I'm writing for my mum, her neck has been stiff for weeks"],
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_booking_confirmed(
        text, dispatcher, tracker, DOMAIN
    )
    assert result.get("patient_name") == renamed, result


# Session 21, written before the change (outside run 53 p06: "Reference 4UCPAW. Can we move
# it to Tuesday afternoon?" was asked for the phone, then "When would suit you?"; "Tuesday
# afternoon, as I said"). The day asked for with a move is kept through the look-up and
# offered once the booking is found. My own wording.
async def test_a_move_asked_with_a_day_offers_that_day_once_the_booking_is_found(desk) -> None:
    booking = desk.book(THREE_PM, Patient("Anna", "+12125550143", None), "c1")
    text = f"hello, booking {booking.reference} - could we move it to thursday morning?"
    slots, _ = await start("reschedule_booking", text=text)
    assert slots["lookup_reference"] == booking.reference and slots.get("wished_time"), slots
    result, _ = validate(
        "lookup_contact", "212 555 0143", booking_task="reschedule",
        lookup_reference=booking.reference, wished_time=slots["wished_time"],
    )  # fmt: skip
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert first.weekday() == 3 and first.hour < 12, result


# Session 21, written before the change (outside run 54 p03: "ok whatever. earliest appt
# pls" became the name "Appt Pls", and "lmaooo my name isnt appt pls 💀 its Jayden Brooks"
# got "I need a yes or a no"). Booking words and text-speak are no name; "isnt" denies the
# name as "isn't" does. My own wordings.
@pytest.mark.parametrize(
    ("said", "name"),
    [("soonest slot plz", None), ("the earliest booking thx", None), ("Rosa Lee", "Rosa Lee")],
)
def test_booking_words_and_text_speak_are_no_name(said: str, name: str | None) -> None:
    from clinic.contact import read_name

    assert read_name(said) == name


def test_a_name_put_right_with_isnt_changes_it(desk) -> None:
    result, _ = validate(
        "booking_confirmed", "lol my name isnt soonest slot 💀 its Rosa Lee",
        patient_name="Soonest Slot",
    )  # fmt: skip
    assert result.get("patient_name") == "Rosa Lee", result


# Session 21, written before the change (outside run 54 p05: to Friday's times, "Something
# around 10 or 10:30 would be better" offered Monday). Two hours said without a day are on
# the days just offered, as one hour is. My own wording.
def test_two_hours_said_without_a_day_stay_on_the_days_offered(desk) -> None:
    friday = THREE_PM.replace(day=27, hour=8)
    offered = [friday.isoformat(), friday.replace(minute=30).isoformat()]
    result, _ = validate(
        "booking_slot", "hmm, 11 or 11:30 would suit better", offered_slots=offered
    )
    days = {dt.datetime.fromisoformat(s).date() for s in result["offered_slots"]}
    assert days == {friday.date()}, result["offered_slots"]


# Session 21, written before the change (outside run 54 p08: "I booked a consult earlier
# for Wednesday, ref PMX7UD... Can I move it to next Saturday morning?" offered Wednesday).
# The day the booking is on is not the day wished for: the words after "move it to" are.
# My own wordings (the clock of these tests cannot put both days in one week, so the
# words the wish is read from are checked).
@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("I booked for wednesday, ref K7P4QM. can I move it to next saturday morning?",
         "next saturday morning?"),
        ("my appt is monday 9am but could you change it to thursday afternoon please",
         "thursday afternoon please"),
        ("can we do friday instead", "can we do friday instead"),
    ],
)  # fmt: skip
def test_a_move_is_read_from_the_words_after_move_it_to(text: str, wish: str) -> None:
    from clinic.preferred_time import times_for_a_move

    assert times_for_a_move(text) == wish


# Session 21, written before the change (outside run 55 p04: writing for her mother,
# "Lakshmi Raman (my mother). Please contact me, Priya, on 718 555 0163." booked under
# "Priya", and "No - the booking is for my mother, Lakshmi Raman, not me" cancelled the
# time). The writer's own name is not the booking's; the relative named is. My own words.
def test_the_name_given_for_a_relative_is_the_bookings_not_the_writers(desk) -> None:
    dispatcher = CollectingDispatcher()
    text = "Tomasz Nowak (my dad). Ring me, Ewa, on 646 555 0177 please."
    tracker = make_tracker(
        slots={"booking_task": "book", "patient_name": text},
        text=text, intent="inform", requested_slot="patient_name", form="booking_form",
        entities=[{"entity": "PERSON", "value": "Ewa"}],
        earlier_texts=["I'm writing for my dad, his lower back is bad"],
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_patient_name(text, dispatcher, tracker, DOMAIN)
    assert result["patient_name"] == "Tomasz Nowak", result


# Session 25, written before the change (outside run 67 p06: "Eleven o'clock, please.
# Harold Whitcombe, telephone 212 555 0177. Regards, Harold" was booked for "Harold"). A
# sign-off is the writer's signature, never the booking's name beside a full one.
@pytest.mark.parametrize(
    ("said", "people", "name"),
    [
        ("10 is fine. Agnes Moretti, 718 555 0122. Kind regards, Agnes",
         ["Agnes Moretti", "Agnes"], "Agnes Moretti"),
        ("the 2pm please. Piet de Vries 646 555 0111\nThanks, Piet", ["Piet de Vries", "Piet"],
         "Piet de Vries"),
        ("Could I book for a weekday morning? Kind regards, Walter", ["Walter"], None),
        ("is friday free? cheers, Dom", ["Dom"], None),
    ],
)  # fmt: skip
def test_a_sign_off_is_not_the_bookings_name(
    said: str, people: list[str], name: str | None
) -> None:
    from actions.patient_details import who_said_alongside

    entities = [{"entity": "PERSON", "value": person} for person in people]
    found = who_said_alongside(said, make_tracker(slots={}, entities=entities))
    assert found.get("patient_name") == name


# Session 29, written before the change (outside run 79 p03: "Her name is Lakshmi Raman, my
# number is ... (I'm Priya, her daughter)" was booked "for Priya (booked by Lakshmi
# Raman)"). "Her name is" names the patient, never the writer. My own wordings.
@pytest.mark.parametrize(
    ("said", "people", "name"),
    [
        ("3pm. His name is Walter Brandt, I'm Ilse, his daughter, 917 555 0160",
         ["Walter Brandt", "Ilse"], "Walter Brandt (booked by Ilse)"),
        ("the 10am. her name's Joan Abara and my number is 646-555-0131",
         ["Joan Abara"], "Joan Abara"),
    ],
)  # fmt: skip
def test_her_name_is_the_patients_not_the_writers(said, people, name) -> None:
    from actions.patient_details import who_said_alongside

    entities = [{"entity": "PERSON", "value": person} for person in people]
    tracker = make_tracker(
        slots={}, text=said, entities=entities,
        earlier_texts=["hi, writing for my dad, his neck has hurt for weeks"],
    )  # fmt: skip
    assert who_said_alongside(said, tracker).get("patient_name") == name


# Session 25, written before the change (outside run 66 p06: "Linda Whitfield. My name is
# Gary Whitfield, I am her husband." to the name question was booked for Gary). The writer
# introduced after the patient's name is who booked. My own words.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rosa Delgado. My name is Luis Delgado, I'm her son.",
         "Rosa Delgado (booked by Luis Delgado)"),
        ("Ben Carter - my name's Helen, his mum", "Ben Carter (booked by Helen)"),
        ("my name is Priya Shah", "Priya Shah"),
        # Session 27 (outside run 72 p05: "jess kowalski. im her dad rob, 347..." booked with
        # no word of who booked it). The relation, then the name; my own words.
        ("Maya Lind, I'm her father Erik", "Maya Lind (booked by Erik)"),
        ("noah brandt. this is his mom, carla", "Noah Brandt (booked by Carla)"),
        # Session 29, written before the change (outside run 80 p06: "jayden brown. im keisha
        # his mom 347..." kept no word of who booked it). The name, then the relation, typed
        # in lower case; my own words.
        ("lena fox. im dana her mum", "Lena Fox (booked by Dana)"),
        ("tom reyes, this is marco his dad", "Tom Reyes (booked by Marco)"),
        # Session 30, written before the change (outside run 84 p03: "Rosa Delgado (her). my
        # number is 646-555-0187, I'm Maria her daughter" kept no word of who booked it). The
        # writer after the contact details; my own words.
        ("Ed Park (him). phone 212 555 0143, I'm Sue his wife", "Ed Park (booked by Sue)"),
        ("ana ruiz - 917 555 0120 - this is her son Leo", "Ana Ruiz (booked by Leo)"),
        # Session 31, written before the change (outside run 88 p02: "Tadeusz Nowak, my name
        # is Ewa (daughter) 646-555-0187" booked for Ewa). The relation in brackets, or
        # without "her"; my own words.
        ("Jan Kowal, my name is Zofia (his wife) 718 555 0144", "Jan Kowal (booked by Zofia)"),
        ("Olga Petrenko. I am Iryna, daughter. 347 555 0190", "Olga Petrenko (booked by Iryna)"),
        # Session 33, written before the change (outside run 101 p03: "...my number is
        # 917-555-2281 (Maria, daughter)" kept no word of who booked it, and "did you note
        # that the phone is Maria's?" got "I don't know"). A name beside a relation word,
        # with no "I'm": my own words.
        ("Walt Brennan. my cell 917 555 0102 (Rita, daughter)", "Walt Brennan (booked by Rita)"),
        ("Ida Holm, 646 555 0133, Kara (her granddaughter)", "Ida Holm (booked by Kara)"),
        # Session 34, written before the change (outside run 107 p03: "Rosa Delgado (mom).
        # my number is 917-555-2231, I'm Maria" was booked for "Rosa (booked by Delgado)").
        # A relation alone in brackets after a name says who that person is; the writer's
        # "I'm" after it is who booked. My own words.
        ("Pete Novak (dad). phone 718 555 0199, I'm Gina", "Pete Novak (booked by Gina)"),
        ("Lucy Brandt (my wife), 212 555 0177", "Lucy Brandt"),
    ],
)  # fmt: skip
def test_the_writer_introduced_after_the_patients_name_is_who_booked(
    desk, text: str, name: str
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"booking_task": "book", "patient_name": text},
        text=text, intent="inform", requested_slot="patient_name", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_patient_name(text, dispatcher, tracker, DOMAIN)
    assert result["patient_name"] == name, result


def test_the_booking_said_to_be_for_the_relative_puts_the_name_right(desk) -> None:
    dispatcher = CollectingDispatcher()
    text = "no, it's for my dad, Tomasz Nowak, not me. I'm only the contact"
    tracker = make_tracker(
        slots={"booking_task": "book", "patient_name": "Ewa", "booking_slot": THREE_PM.isoformat(),
               "contact_details": "+1 646-555-0177", "patient_phone": "+16465550177"},
        text=text, intent="deny", requested_slot="booking_confirmed", form="booking_form",
        entities=[{"entity": "PERSON", "value": "Tomasz Nowak"}],
        earlier_texts=["I'm writing for my dad, his lower back is bad"],
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_booking_confirmed(
        text, dispatcher, tracker, DOMAIN
    )
    assert result.get("patient_name") == "Tomasz Nowak" and result["booking_confirmed"] is None


# Session 24, written before the change (outside run 61 p08: "...inside the mouth yes or no?"
# got "I don't know", the call-back offer, and at once "No problem": the message's own "no"
# answered the offer it had just brought). Only a message after the offer answers it.
@pytest.mark.parametrize(("offered_before", "declined"), [(True, True), (False, False)])
async def test_a_no_answers_the_call_back_offer_only_after_it(
    offered_before: bool, declined: bool
) -> None:
    from actions.callback import ActionCallbackDeclined

    text = "needle in the mouth yes or no?"
    tracker = (
        make_tracker(text=text, intent="deny", earlier_slots={"callback_offered": True})
        if offered_before
        else make_tracker({"callback_offered": True}, text=text, intent="deny")
    )
    dispatcher = CollectingDispatcher()
    events = await ActionCallbackDeclined().run(dispatcher, tracker, {})
    assert ("No problem" in said(dispatcher)) is declined
    assert (events != []) is declined


# Session 24, written before the change (outside run 63 p07: "10am. Rachel Klein, my number
# is 347-555-0178, I'm Tom her husband" was booked for "Tom"). The writer introduced as the
# patient's relative is who booked, not the patient.
@pytest.mark.parametrize(
    ("said", "people", "name"),
    [
        ("11 works. Grace Obi 646 555 0190, I'm Sam, her son",
         ["Grace Obi", "Sam"], "Grace Obi (booked by Sam)"),
        ("9:30. Lena Park, 917 555 0123. I'm Lena", ["Lena Park", "Lena"], "Lena"),
    ],
)  # fmt: skip
def test_the_writer_named_as_a_relative_is_not_the_patient(
    said: str, people: list[str], name: str
) -> None:
    from actions.patient_details import who_said_alongside

    entities = [{"entity": "PERSON", "value": person} for person in people]
    found = who_said_alongside(said, make_tracker(slots={}, entities=entities))
    assert found.get("patient_name") == name


# Session 26, written before the change (outside run 69's first messages, once a diagnosis
# was no longer read from their statements: "I've had a trapped nerve... Do you have
# anything on Tuesday?" got "Sorry, I didn't quite understand", "moving a sofa" asked for
# a booking reference). A booking asked for by whoever it is for, or a free time asked
# about, is a booking request; moving furniture moves no booking. My own words.
@pytest.mark.parametrize(
    ("text", "model", "heard"),
    [
        ("Tweaked my back moving a sofa last week, now it shoots down my right leg. Any chance "
         "of an appointment Friday?", "reschedule_booking", "request_booking"),
        ("I've had a trapped nerve in my neck before. Do you have anything on Tuesday?",
         "ask_clinic", "request_booking"),
        ("My wife has a slipped disc and the pain is back. Can she book?", "ask_side_effects",
         "request_booking"),
        ("my son hurt his knee at rugby, could he get in on Thursday?", "ask_clinic",
         "request_booking"),
        # A time asked about is a time told (`inform`), which starts the booking too.
        ("have you got any space Wednesday morning?", "ask_clinic", "inform"),
        ("I've had a trapped nerve in my neck before. Do you have anything on Tuesday?",
         "nlu_fallback", "request_booking"),
        ("we're moving house, can I move my appointment to Monday?", "reschedule_booking",
         None),
        ("are you open on Saturday?", "ask_clinic", None),
        ("can my husband come in with me?", "ask_companions", None),
    ],
)  # fmt: skip
def test_a_booking_for_whoever_or_a_free_time_asked_is_a_booking(text, model, heard) -> None:
    from rasa.shared.nlu.training_data.message import Message

    from addons.booking_heard import BookingHeard

    message = Message(data={"text": text, "intent": {"name": model, "confidence": 0.6}})
    assert BookingHeard.heard(BookingHeard.__new__(BookingHeard), message) == heard


# Session 27, written before the change (outside run 72 p07: "actually make it 7 instead,
# traffic. name Sam Okafor" at the name question: the confirmation said 6:30). A bare hour
# with words of changing, among the offers, is the time put right; the name said with it
# is kept. My own wording.
def test_a_bare_hour_put_right_with_the_name_takes_both(desk) -> None:
    offered = [THREE_PM + dt.timedelta(minutes=30 * i) for i in range(3)]
    text = "oh make it 4 instead, school run. it's Dana Whitlock"
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "offered_slots": [s.isoformat() for s in offered], "patient_name": text},
        text=text, intent="inform", requested_slot="patient_name", form="booking_form",
        entities=[{"entity": "PERSON", "value": "Dana Whitlock"}],
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_patient_name(
        text, CollectingDispatcher(), tracker, DOMAIN
    )
    assert result["booking_slot"] == offered[2].isoformat(), result
    assert result["patient_name"] == "Dana Whitlock", result


# Session 30, written before the change (outside run 84 p06: "priya@... actually wait, can
# we do 10 instead of 9:30?" at the contact question kept 9:30). The hour after "instead
# of" or "not" is the one given up, never the one wished. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "sam@example.com - oh could we make it 4 rather than 3, sorry",
        "212 555 0143. can we do 4 instead of 3pm?",
        "jo@example.com. hmm actually, 4:00 instead of the 3:00 one?",
        "sam@example.com, and 4 not 3 please if possible",
    ],
)
def test_an_hour_put_right_with_the_contact_is_the_new_one(desk, text: str) -> None:
    offered = [THREE_PM + dt.timedelta(minutes=30 * i) for i in range(3)]
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "offered_slots": [s.isoformat() for s in offered], "patient_name": "Sam Lee"},
        text=text, intent="inform", requested_slot="contact_details", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_contact_details(
        text, CollectingDispatcher(), tracker, DOMAIN
    )
    assert result.get("booking_slot") == offered[2].isoformat(), result
    assert result["contact_details"], result


# Session 27, written before the change (outside run 73 p05: "NO mornings. Thursday 17
# December at 7pm?" to morning offers got "Which other day or time would suit you?", the
# day and hour dropped). A no to the offers with the time wished is that time. My words.
def test_a_no_to_the_offers_with_a_time_offers_that_time(desk) -> None:
    mornings = [THREE_PM.replace(hour=h) for h in (8, 9, 10)]
    result, _ = validate(
        "booking_slot", "nope not mornings, wednesday 25th at 5pm?", intent="deny",
        offered_slots=[s.isoformat() for s in mornings],
    )  # fmt: skip
    first = dt.datetime.fromisoformat(result["offered_slots"][0])
    assert first.day == 25 and first.hour == 17, result


# Session 28, written before the change (outside run 76 p02: to Wednesday's 8:00, 8:30 and
# 9:00, "10:30 is perfect" offered Wednesday's times again with 10:30 first, and the patient
# had to press it). An hour said to the times of one day, free that day, is taken; one that
# isn't free still offers the nearest. My own wordings.
@pytest.mark.parametrize("said", ["11:30 would be great", "can I have 2pm instead?"])
def test_a_free_hour_said_to_one_days_times_is_taken(desk, said: str) -> None:
    friday = THREE_PM.replace(day=27, hour=8)
    offered = [friday.isoformat(), friday.replace(minute=30).isoformat()]
    result, _ = validate("booking_slot", said, offered_slots=offered)
    hour = dt.time(11, 30) if "11:30" in said else dt.time(14, 0)
    assert (
        result.get("booking_slot")
        == dt.datetime.combine(friday.date(), hour, tzinfo=friday.tzinfo).isoformat()
    ), result


def test_an_hour_said_to_one_days_times_that_is_not_free_offers_the_nearest(desk) -> None:
    friday = THREE_PM.replace(day=27, hour=8)
    offered = [friday.isoformat(), friday.replace(minute=30).isoformat()]
    result, _ = validate("booking_slot", "5pm would be great", offered_slots=offered)
    assert result.get("booking_slot") is None and result["offered_slots"], result


# Session 28, written before the change (outside run 77 p03: "No, keep it! I did not say
# cancel." to "Cancel your consultation...?" cancelled it, the model hearing "cancel"). The
# words' no decides; the model's cancel counts only when the words say neither.
@pytest.mark.parametrize(
    ("said", "cancelled"),
    [
        ("no!! keep it, I never asked to cancel", False),
        ("don't cancel it please", False),
        ("yes cancel it", True),
        ("cancel", True),
    ],
)
def test_a_no_to_cancelling_keeps_the_booking_whatever_the_model_heard(
    desk, said: str, cancelled: bool
) -> None:
    booking = desk.book(THREE_PM, Patient("Ann Lee", "+12125550123", None), "c-keep")
    result, _ = validate(
        "cancel_confirmed", said, intent="cancel_booking", booking_task="cancel",
        lookup_reference=booking.reference,
    )  # fmt: skip
    assert result["cancel_confirmed"] is cancelled, result


# Session 29, written before the change (outside run 81 p04: "Could I book with you for
# Thursday afternoon then?" during the screen, then "No others. Now, Thursday please." got
# 10, 10:30 and 11 am). The same day said again keeps the afternoon wished before.
async def test_the_day_said_again_keeps_the_afternoon_wished_before(desk) -> None:
    wished = "could I come tomorrow afternoon?"
    slots, _ = await start("request_booking", text="ok, tomorrow then please", tdn_fit="likely",
                           wished_time=wished, triage_level="routine")  # fmt: skip
    offered = [dt.datetime.fromisoformat(iso) for iso in slots["offered_slots"]]
    assert offered and all(t.hour >= 12 for t in offered), offered


# Session 29, written before the change (outside run 82 p01: "No dear, I asked for FRIDAY,
# not Thursday. Friday the 11th, 2:30 if you have it." to "Shall I book it?" for Thursday at
# 2:30 asked again for Thursday). Another day and hour said at the confirmation are taken.
def test_another_day_and_hour_said_at_the_confirmation_are_taken(desk) -> None:
    thursday = dt.datetime(2026, 11, 26, 14, 30, tzinfo=CLINIC_NOW.tzinfo)
    text = "no no, I said wednesday, not thursday. wednesday the 25th at 2:30 please"
    result, _ = validate(
        "booking_confirmed", text, booking_slot=thursday.isoformat(),
        offered_slots=[thursday.isoformat()], patient_name="Ana Ruiz",
        contact_details="+1 917-555-0100", patient_phone="+19175550100", tdn_fit="likely",
    )  # fmt: skip
    picked = result.get("booking_slot")
    assert picked and dt.datetime.fromisoformat(picked).date() == dt.date(2026, 11, 25), result


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("fine, I'll take her to urgent care in the morning. thursday around 4pm?", 3),
        ("we will ring his doctor first thing. can we book friday at 10?", 4),
        ("do I really need to go tonight?", None),
        # Session 36, written before the change (outside run 114 p07: "can i just do wed 11
        # and the physio can tell me if i need a doc"): the time in the clause of its own.
        ("a doctor today seems a lot? can I do friday at 10 and the physio can tell me if I "
         "need a doctor", 4),
    ],
)  # fmt: skip
async def test_a_time_wished_beside_words_on_the_advice_is_kept(
    desk, text: str, weekday: int | None
) -> None:
    """Session 31, written before the change (outside run 88 p01: "ok ill go to urgent care
    tmrw morning. wednesday around 5pm?" to "When would suit you?" after a doctor today was
    advised got "Which day and time would suit you?"). The care's own time is no wish, and
    the question about going tonight is none. My words."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="inform", requested_slot="preferred_time", form="booking_form",
        earlier_slots={"booking_task": "book", "triage_level": "urgent", "red_flags": ["cancer"]},
        slots={"preferred_time": text},
    )  # fmt: skip
    tracker.events.append({"event": "slot", "name": "preferred_time", "value": text})
    events = await actions.ValidateBookingForm().get_validation_events(dispatcher, tracker, DOMAIN)
    slots = slots_of(events)
    offered = [dt.datetime.fromisoformat(iso) for iso in slots.get("offered_slots") or []]
    if weekday is None:
        assert not offered, slots
    else:
        assert offered and {slot.weekday() for slot in offered} == {weekday}, slots


@pytest.mark.parametrize(
    ("hour", "response"),
    [
        (0, "utter_booking_after_morning_care"),
        (22, "utter_booking_after_morning_care"),
        (15, "utter_booking_after_urgent_later"),
    ],
)
async def test_at_night_a_doctor_first_thing_is_thanked_as_the_booking_starts(
    desk, monkeypatch, hour: int, response: str
) -> None:
    """Session 31, written before the change (outside run 89 p04: "ok we'll call his doctor
    in the morning. can we book the consult for thursday evening?" at 00:40 got "Please see a
    doctor sooner than that"). My words."""
    night = CLINIC_NOW.replace(hour=hour)
    monkeypatch.setattr(desk, "now", lambda: night)
    _, dispatcher = await start(
        "request_booking",
        "fine, I'll ring her GP first thing in the morning. could we book saturday?",
        triage_level="urgent", red_flags=["cancer"], tdn_fit="assess_first",
        red_flag_screen=True, contraindication_screen="none", body_part="neck",
    )  # fmt: skip
    said = [m.get("response") for m in dispatcher.messages]
    assert response in said, said


def test_a_time_put_right_as_a_question_with_the_name_is_the_forms_answer() -> None:
    """Session 31, written before the change (outside run 89 p05: asked the name, "oh wait
    actually i have a standup at 12 on fridays, can we do the 1:30 instead? name is Priya
    Shah", heard as a question, gave the form only the words before the question). My words:
    the whole message is the answer, for the form to move the time and keep the name."""
    from actions.every_message import _booking_answer_before_a_question

    text = (
        "oh hang on, my team call is at 10 on thursdays, could we do 11:30 instead? "
        "name is Tom Ferris"
    )
    tracker = make_tracker(
        slots={"booking_task": "book"}, text=text, intent="ask_clinic",
        requested_slot="patient_name", form="booking_form",
    )  # fmt: skip
    assert _booking_answer_before_a_question(tracker) == ("patient_name", text)


@pytest.mark.parametrize(
    "text",
    [
        "no the 11:30 please, I told you there's a team call at 10",
        "not that one, my class is at 10. 11:30 works",
    ],
)
def test_a_time_said_to_be_busy_is_not_the_one_wished(desk, text: str) -> None:
    """Session 31, written before the change (outside run 89 p05: "no the 1:30 pls, i said i
    have a meeting at 12" at the confirmation kept 12:00). My words."""
    offered = [
        "2026-11-26T10:00:00-05:00",
        "2026-11-26T10:30:00-05:00",
        "2026-11-26T11:30:00-05:00",
    ]
    result, _ = validate(
        "booking_confirmed", text, intent="deny", offered_slots=offered, booking_slot=offered[0],
        patient_name="Tom Ferris", patient_phone="+12125550101",
    )  # fmt: skip
    assert result.get("booking_slot") == offered[2], result


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "call me on this, I'm his daughter Ines, 917 555 0143",
            "Walter Kowalski (booked by Ines)",
        ),
        ("917 555 0143", "Walter Kowalski"),
    ],
)
def test_the_writer_introduced_with_the_contact_is_who_booked(desk, text: str, name: str) -> None:
    """Session 31, written before the change (outside run 90 p03: "call me, I'm his daughter
    Anna, 917-555-0143" to the contact question kept no word of who booked it). My words."""
    result, _ = validate("contact_details", text, patient_name="Walter Kowalski")
    assert result.get("patient_name", "Walter Kowalski") == name, result


def test_a_name_and_a_time_put_right_together_at_the_confirmation(desk) -> None:
    """Session 31, written before the change (outside run 91 p05: "oops it's Gonzalez with a
    z at the end. and actually can we do 9:30 instead?" changed the name and kept 10:00).
    My words."""
    offered = [
        "2026-11-26T10:00:00-05:00",
        "2026-11-26T10:30:00-05:00",
        "2026-11-26T11:30:00-05:00",
    ]
    result, _ = validate(
        "booking_confirmed", "sorry its Nowak not Novak. and could we do 10:30 instead?",
        offered_slots=offered, booking_slot=offered[0], patient_name="Ola Novak",
        patient_phone="+12125550101",
    )  # fmt: skip
    assert result.get("patient_name") == "Ola Nowak", result
    assert result.get("booking_slot") == offered[1], result


@pytest.mark.parametrize(
    ("asked", "text", "lead"),
    [
        ("booking_slot", "the 11 please. is there somewhere to park?", "the 11 please."),
        ("patient_name", "Rosa Diaz. how long does it take?", "Rosa Diaz."),
        # Session 32, written before the change (outside run 95 p01: "dkowalski88@gmail.com.
        # do i need to wear anything special" lost the address). No question mark. My words.
        (
            "contact_details",
            "sam.lee@example.org. is there a lift in the building",
            "sam.lee@example.org.",
        ),
    ],
)
def test_a_booking_answer_with_a_question_after_it_is_split(
    asked: str, text: str, lead: str
) -> None:
    """Session 31, written before the change (outside run 92 p04, p05, p07: "10 pls. is there
    parking", "9:00. How long will it take?" heard as the answer only, the question dropped).
    My words."""
    from actions.every_message import _booking_answer_before_a_question

    tracker = make_tracker(
        slots={"booking_task": "book"}, text=text, intent="inform",
        requested_slot=asked, form="booking_form",
    )  # fmt: skip
    assert _booking_answer_before_a_question(tracker) == (asked, lead)


def test_a_name_and_a_number_put_right_together_at_the_confirmation(desk) -> None:
    """Session 31, written before the change (outside run 93 p08: "oops typo its 201 555 0143
    not 0134. and put David not Dave" changed the name and kept the wrong number). My words."""
    result, _ = validate(
        "booking_confirmed", "sorry its 718 555 0166 not 0161. and its Katarzyna not Kasia",
        booking_slot="2026-11-26T10:00:00-05:00", patient_name="Kasia Nowak",
        patient_phone="+17185550161",
    )  # fmt: skip
    assert result.get("patient_phone") == "+17185550166", result
    assert "Katarzyna" in (result.get("patient_name") or ""), result


# Session 32, written before the change (outside run 93 p06: "oh wait it's already monday
# isn't it lol. I meant tuesday lunch, sorry. name is ..." at the name question kept Monday).
# A day named with the name that the time picked is not on changes the time, however it is
# worded; the day already picked does not. My own wordings.
@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("whoops I meant wednesday lunch not tomorrow. Dana Whitlock", True),
        ("Dana Whitlock - hang on, is that thursday? I wanted thursday morning", True),
        ("Dana Whitlock. oh, friday after 2 would be better for me", True),
        ("Dana Whitlock, tomorrow at 3 is perfect thanks", False),
        ("Dana Whitlock, see you on tuesday", False),
    ],
)
def test_another_day_said_with_the_name_moves_the_time(desk, text: str, changed: bool) -> None:
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "offered_slots": [THREE_PM.isoformat()], "patient_name": text},
        text=text, intent="inform", requested_slot="patient_name", form="booking_form",
        entities=[{"entity": "PERSON", "value": "Dana Whitlock"}],
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_patient_name(
        text, CollectingDispatcher(), tracker, DOMAIN
    )
    assert ("booking_slot" in result) == changed, result
    if changed:
        assert result["booking_slot"] != THREE_PM.isoformat() and result["offered_slots"], result
        assert all(not slot.startswith("2026-11-24") for slot in result["offered_slots"])
    assert result["patient_name"] == "Dana Whitlock", result


# Session 32, written before the change (outside run 94 p05: "will the physio know about the
# fainting thing?" got the fainting leaflet, "did you write it down" a thank-you). A
# precaution pointed at rather than named is asked about too, booked or not. My wordings.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("does the physio know about my pacemaker thing?", True),
        ("did you note that down or should I tell them again", True),
        ("do they know how to do dry needling properly?", False),
        # (outside run 97 p04: "the eye thing" was answered with the blood thinners)
        ("will the physio know about the eye thing?", False),
    ],
)
def test_a_precaution_pointed_at_is_asked_if_noted(text: str, asks: bool) -> None:
    from actions.questions import asks_if_noted

    tracker = make_tracker(
        slots={"contraindications": ["implant_near_site"]}, text=text, intent="ask_clinic"
    )
    assert asks_if_noted(tracker) is asks


# Session 32, written before the change (outside run 95 p01: "i already gave it??
# dkowalski88@gmail.com" to the contact question got "I don't know the answer to that one").
# The address given again is the answer, whatever the model heard. My wordings.
@pytest.mark.parametrize("text", ["I already sent it?? 646 555 0123", "told u... sam@example.org"])
def test_a_contact_given_again_with_a_complaint_is_the_answer(text: str) -> None:
    from actions.every_message import _booking_answer_before_a_question

    tracker = make_tracker(
        slots={"booking_task": "book"}, text=text, intent="ask_clinic",
        requested_slot="contact_details", form="booking_form",
    )  # fmt: skip
    assert _booking_answer_before_a_question(tracker) == ("contact_details", text)


# Session 32, written before the change (outside run 95 p06: "tues or wed around 1ish when
# shes napping... actually no she naps at home. friday morning?" offered Tuesday: the time
# asked as a question was left out). My wording.
def test_a_time_asked_as_a_question_after_a_change_of_mind_is_kept() -> None:
    from actions.every_message import _booking_answer_before_a_question

    text = "monday at 2ish? hmm no, that's school pickup. thursday morning?"
    tracker = make_tracker(
        slots={"booking_task": "book"}, text=text, intent="ask_clinic",
        requested_slot="preferred_time", form="booking_form",
    )  # fmt: skip
    asked, told = _booking_answer_before_a_question(tracker)
    assert asked == "preferred_time" and "thursday morning" in told, told


# Session 34, written before the change (outside run 105 p06: "actually make it 10 sorry"
# at the summary got "I need a yes or a no"). A bare hour with words that change the time
# is another time on the same day. My own wordings.
@pytest.mark.parametrize(
    "text", ["oh wait change it to 4 sorry", "4 instead please", "hmm could we do 4 actually"]
)
def test_a_bare_hour_put_right_at_the_summary_moves_the_time(desk, text: str) -> None:
    result, said = validate(
        "booking_confirmed", text, booking_slot=THREE_PM.isoformat(),
        offered_slots=[THREE_PM.isoformat()], patient_name="Anna",
        contact_details="+1 212-555-0143",
    )  # fmt: skip
    assert result["booking_confirmed"] is None and "yes or a no" not in said
    chosen = result.get("booking_slot") or (result.get("offered_slots") or [None])[0]
    assert chosen is not None, result
    assert dt.datetime.fromisoformat(chosen) == THREE_PM.replace(hour=16)


# Session 34, written before the change (outside run 107 p03: "wed would be better if it's
# there, otherwise tue 9" to Tuesday's times booked Tuesday 9, Wednesday never looked at).
# A first choice with a fallback: the first choice is looked for first. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["thursday would be better if you have it, otherwise tue 3",
     "ideally thurs morning, if not then tuesday 3pm is ok"],
)  # fmt: skip
def test_a_first_choice_with_a_fallback_looks_for_the_first(desk, text: str) -> None:
    result, _ = validate(
        "booking_slot", text, booking_slot=None, offered_slots=[THREE_PM.isoformat()]
    )
    assert result.get("booking_slot") is None, result
    days = {dt.datetime.fromisoformat(s).weekday() for s in result.get("offered_slots") or []}
    assert days == {3}, result


# Session 35, written before the change (outside run 110 p06: "646 555 0199. actually can we
# make it 11 instead of 10? I forgot I have a thing" at the contact question: the summary
# said 10:00). An hour put right that was not among the offers, free that day, is taken
# too. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "212 555 0143. actually can we make it 5 instead of 3? something came up",
        "sam@example.com oh wait could we do 5 rather than 3",
        "718 555 0123. oh can we make it 11 instead of 10? just remembered a thing",
    ],
)
def test_an_hour_put_right_with_the_contact_not_among_the_offers(desk, text: str) -> None:
    if "10" in text:  # a Saturday morning, as the run's
        saturday = THREE_PM.replace(hour=9) + dt.timedelta(days=(5 - THREE_PM.weekday()) % 7)
        offered = [saturday + dt.timedelta(minutes=30 * i) for i in range(3)]
        booked, wanted = offered[2], saturday.replace(hour=11)
    else:
        offered = [THREE_PM + dt.timedelta(minutes=30 * i) for i in range(3)]
        booked, wanted = THREE_PM, THREE_PM + dt.timedelta(hours=2)
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": booked.isoformat(),
               "offered_slots": [s.isoformat() for s in offered], "patient_name": "Sam Lee"},
        text=text, intent="inform", requested_slot="contact_details", form="booking_form",
    )  # fmt: skip
    # As the chat fills it: the slot from the phone's entity alone, the message beside it.
    extracted = text.split(" ")[0] if "@" in text else " ".join(text.split(" ")[:3])
    result = actions.ValidateBookingForm().validate_contact_details(
        extracted, CollectingDispatcher(), tracker, DOMAIN
    )
    assert result.get("booking_slot") == wanted.isoformat(), result
    assert result["contact_details"], result


# Session 35, written before the change (outside run 111 p03: "Please write that I am coming
# also to translate, she speak Ukrainian. is ok?" at the confirmation was booked: its "I am"
# read as a yes). A question asked there is no yes unless a yes opens the message.
@pytest.mark.parametrize(
    ("text", "intent", "booked"),
    [
        ("I am her son and I will come with her, is that allowed?", "ask_clinic", False),
        ("can you note that I have a wheelchair, is ok?", "inform", False),
        ("yes please. is there parking?", "affirm", True),
        ("book it, and can I pay by card?", "ask_clinic", True),
        ("ok?", "inform", False),
    ],
)
def test_a_question_at_the_confirmation_is_no_yes(
    desk, text: str, intent: str, booked: bool
) -> None:
    details = {"booking_slot": THREE_PM.isoformat(), "patient_name": "Anna Smith",
               "patient_phone": "+12125550143"}  # fmt: skip
    result, _ = validate("booking_confirmed", text, intent=intent, **details)
    assert bool(result.get("booking_confirmed")) is booked, result


# Session 35, written before the change (outside run 111 p06: "sorry typo, its Thompson.
# 917 555 0142" at the contact question kept "Marcus Thomspon", and "name is still wrong,
# Thompson with the p after m" at the summary renamed him "Still Wrong"). A surname spelt
# again is put right wherever it is said; words about the name are never the name. My own
# wordings.
@pytest.mark.parametrize(
    "said",
    [
        "the surname is still wrong, it's Kowalski with a w",
        "name's spelt wrong again - Kowalski",
        "still not right lol. Kowalski",
    ],
)
def test_a_surname_spelt_again_at_the_summary(desk, said: str) -> None:
    result, text = validate("booking_confirmed", said, patient_name="Anna Kowalksi")
    assert result.get("patient_name") == "Anna Kowalski", (result, text)


def test_a_surname_spelt_again_with_the_contact(desk) -> None:
    tracker = make_tracker(
        slots={"booking_task": "book", "booking_slot": THREE_PM.isoformat(),
               "patient_name": "Anna Kowalksi"},
        text="oops typo, its Kowalski. 212 555 0143", intent="inform",
        requested_slot="contact_details", form="booking_form",
    )  # fmt: skip
    result = actions.ValidateBookingForm().validate_contact_details(
        "212 555 0143", CollectingDispatcher(), tracker, DOMAIN
    )
    assert result["contact_details"] and result.get("patient_name") == "Anna Kowalski", result


# Session 35, written before the change (outside run 111 p07: "9 o'clock please. Name is
# Margaret O'Leary, phone 718-555-0967" was summed up "for Margaret O"). A name whose part
# has a capital after an apostrophe or a hyphen, or "Mc", is read whole. My own names.
@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("10 is fine. Name is Siobhan O'Connor, 718 555 0101", "Siobhan O'Connor"),
        ("the 3pm one. I'm Jean-Luc McDonald, jl@example.com", "Jean-Luc McDonald"),
        ("ok 9. my name is Aoife D\u2019Arcy, 646 555 0123", "Aoife D\u2019Arcy"),
    ],
)
def test_a_name_with_a_capital_inside_is_read_whole(said: str, name: str) -> None:
    from actions.patient_details import who_said_alongside

    assert who_said_alongside(said, make_tracker(slots={})).get("patient_name") == name


# Session 35, written before the change (outside run 112 p03: "11:00 not 11:30!" at the
# summary changed the contact to +1 646-555-0100, its "00 not 11" read as the number's last
# digits). A clock time put right is the time, never the number.
@pytest.mark.parametrize("said", ["11:00 not 11:30!", "no, 3:15 not 3:45 please", "10.30 not 10"])
def test_a_clock_time_put_right_is_no_number(desk, said: str) -> None:
    from clinic.contact import last_digits_put_right

    assert last_digits_put_right(said, "+16465550187") is None


# Session 35, written before the change (outside run 112 p03: "yes. oh and earlier you wrote
# not spreading, but it does go into her right shoulder sometimes, and its been about 3
# years not 'ages'" at the summary moved the booking to 3:00 pm). A number of years is how
# long, never a time. My own wording.
def test_years_said_at_the_summary_are_no_time(desk) -> None:
    eleven = THREE_PM.replace(hour=11)
    result, text = validate(
        "booking_confirmed",
        "yes. also you put ages, its been 4 years not ages",
        intent="affirm",
        booking_slot=eleven.isoformat(),
        patient_name="Rosa Bianchi",
        patient_phone="+16465550187",
        offered_slots=[eleven.isoformat()],
    )
    assert result.get("booking_slot", eleven.isoformat()) == eleven.isoformat(), (result, text)


# Session 36, written before the change (outside run 116 p03: next week's Monday offered as
# asked, "tuesday would be better, around 10?" offered this week's Tuesday, and "no I meant
# next week, tuesday the 15th. he needs to see the doctor first" got "Please don't wait until
# then" and the same Tuesday again). A weekday said alone to the offers is the one on or
# after the days offered; seeing the doctor first is the advice taken. My own wordings.
def test_a_weekday_said_alone_to_a_later_weeks_offers_is_that_week(desk) -> None:
    monday_next = dt.datetime(2026, 11, 30, 9, 0, tzinfo=CLINIC_NOW.tzinfo)
    result, _ = validate(
        "booking_slot",
        "wednesday would suit better, mid morning?",
        offered_slots=[monday_next.isoformat(), monday_next.replace(hour=10).isoformat()],
        preferred_time="any morning next week",
    )
    offered = [dt.datetime.fromisoformat(iso) for iso in result.get("offered_slots") or []]
    assert offered and {slot.date() for slot in offered} == {dt.date(2026, 12, 2)}, result


def test_seeing_the_doctor_first_beside_a_day_is_the_advice_taken() -> None:
    from clinic.safety import advice

    said = "no, I mean the week after, thursday the 3rd. she has to see her doctor first"
    assert not advice.asks_about_waiting(said)


# Session 36, written before the change (outside run 116 p07: "718 555 0177. oh wait, can we
# do 6:30 instead, 7 is tight with my kids pickup" at the contact question kept 7:00). The
# hour said as too tight is the one given up, the other the one wished. My own wording.
def test_an_hour_put_right_beside_the_contact_with_the_old_one_called_tight(desk) -> None:
    seven = dt.datetime(2026, 11, 26, 19, 0, tzinfo=CLINIC_NOW.tzinfo)
    result, _ = validate(
        "contact_details",
        "917 555 0123. sorry, could it be 6:30 instead? 7 is a stretch for me",
        booking_slot=seven.isoformat(),
        offered_slots=[seven.isoformat(), seven.replace(hour=18, minute=30).isoformat()],
        patient_name="Ana Ruiz",
    )
    picked = result.get("booking_slot")
    assert picked and dt.datetime.fromisoformat(picked).time() == dt.time(18, 30), result


# Session 36, written before the change (outside run 118 p05: 8:30 picked, then "actually make
# it 9, cant do 830. name is Marcus Reyes" at the name question kept 8:30). My own wording.
def test_a_bare_hour_put_right_with_the_name_moves_the_booking(desk) -> None:
    half_eight = dt.datetime(2026, 11, 24, 8, 30, tzinfo=CLINIC_NOW.tzinfo)
    result, _ = validate(
        "patient_name",
        "oh wait, make it 10 instead, 830 is too early for me. I'm Ada Novak",
        booking_slot=half_eight.isoformat(),
        offered_slots=[half_eight.isoformat(), half_eight.replace(hour=10, minute=0).isoformat()],
    )
    picked = result.get("booking_slot")
    assert picked and dt.datetime.fromisoformat(picked).time() == dt.time(10, 0), result


# Session 37, written before the change (outside run 118 p06: "anything after lunch?" got
# the after-care text). What is free at a part of the day, asked during the screen, is the
# time wished: the times offered are in it. My own wordings.
@pytest.mark.parametrize("wished", ["any slots after lunch?", "got anything in the afternoon"])
async def test_asking_what_is_free_after_lunch_offers_the_afternoon(desk, wished: str) -> None:
    slots, _ = await start("request_booking", text="ok book it", tdn_fit="likely",
                           wished_time=wished, triage_level="routine")  # fmt: skip
    offered = [dt.datetime.fromisoformat(iso) for iso in slots["offered_slots"]]
    assert offered and all(t.hour >= 12 for t in offered), offered


# Session 37, written before the change (outside run 119 p03: "lol 8am no. anythin around
# noon?" to 8, 8:30 and 9 went on to the name, and 8:00 was booked; p07: "6:30 please, I
# can't make 5 or 5:30. Name is ..., <email>" booked 5:30 and asked for the contact again).
# An hour turned down ("8 no", "can't make 5 or 5:30", "not 9 or 9:30") is never the one
# taken; the one wished is. My own wordings.
_TOMORROW = dt.datetime(2026, 11, 24, 8, 0, tzinfo=CLINIC_NOW.tzinfo)
_EIGHT_TO_NINE = [_TOMORROW.isoformat(), _TOMORROW.replace(minute=30).isoformat(),
                  _TOMORROW.replace(hour=9).isoformat()]  # fmt: skip


@pytest.mark.parametrize(
    ("said", "hour"),
    [
        ("haha 8 nope. got anything near noon?", 12),
        ("9:30 if you can, I can't make 8 or 8:30", 9.5),
        ("not 8 or 8:30 please, 10 would work", 10),
        ("8am doesn't work for me, 11 maybe?", 11),
        ("can't do 8 or 9, 8:30 is ok", 8.5),
    ],
)
def test_an_hour_turned_down_is_never_the_one_taken(desk, said: str, hour: float) -> None:
    result, _ = validate("booking_slot", said, offered_slots=_EIGHT_TO_NINE)
    picked = [result["booking_slot"]] if result.get("booking_slot") else []
    times = [dt.datetime.fromisoformat(iso) for iso in picked or result.get("offered_slots") or []]
    assert times, result
    wished = dt.time(int(hour), int(hour % 1 * 60))
    if picked:
        assert times[0].time() == wished, result
    else:  # the hours near the one wished, offered
        assert all(abs(t.hour - hour) <= 2 for t in times), result


def test_an_hour_taken_beside_the_name_when_not_among_the_offers(desk) -> None:
    # Session 37 (this suite's conversation of the kind: "12 works. it's <name>, <email>",
    # 12:00 free but not offered, got "Please tap one of the times").
    sat = dt.datetime(2026, 11, 28, 11, 30, tzinfo=CLINIC_NOW.tzinfo)
    result, _ = validate(
        "booking_slot",
        "12 works. it's Noor Haddad, noor.haddad@example.org",
        offered_slots=[sat.isoformat(), sat.replace(hour=11, minute=0).isoformat()],
    )
    assert result.get("booking_slot") == sat.replace(hour=12, minute=0).isoformat(), result


def test_an_hour_turned_down_beside_the_name_and_email(desk) -> None:
    five = dt.datetime(2026, 11, 26, 17, 0, tzinfo=CLINIC_NOW.tzinfo)
    offered = [five, five.replace(minute=30), five.replace(hour=18, minute=30)]
    result, _ = validate(
        "booking_slot",
        "6:30 please, I can't do 5 or 5:30. I'm Lena Park, lena.park@example.org",
        offered_slots=[t.isoformat() for t in offered],
    )
    assert result.get("booking_slot") == offered[2].isoformat(), result


# Session 38, written before the change (outside run 125 w03: "thurs aftr 6 pm" offered 6:00,
# 5:30 and 5:00 with 7:30 free; run 124 v05: "after school, he's out at 3:15. Tomorrow or
# Wednesday around 4?" offered 3:00 and 3:30). A time said as "after" is the earliest; an
# hour someone is busy until is no hour wished. My own wordings.
@pytest.mark.parametrize(
    ("said", "earliest"),
    [
        ("thursday aftr 6 pm", dt.time(18, 0)),
        ("thursday, anytime after 5:30pm", dt.time(17, 30)),
        ("she finishes work at 4:45, so thursday around 5?", dt.time(16, 45)),
        (
            "something after school, he's out at 3:15. tomorrow or wednesday around 4?",
            dt.time(15, 15),
        ),
    ],
)
def test_times_offered_are_never_before_the_time_said_as_the_earliest(
    desk, said: str, earliest: dt.time
) -> None:
    result, text = validate("preferred_time", said)
    offered = [dt.datetime.fromisoformat(iso) for iso in result.get("offered_slots") or []]
    assert offered, (result, text)
    assert all(slot.time() >= earliest for slot in offered), (offered, text)


# (outside run 125 w06: Wednesday 16 December's times shown, "11 on Wednesday then" went to
# Wednesday 9 December's 8-9 am.) The day named is the day whose times were just offered.
def test_an_hour_on_the_weekday_just_offered_is_taken_on_that_day(desk) -> None:
    offered = [
        "2026-12-02T10:30:00-05:00",
        "2026-12-02T11:00:00-05:00",
        "2026-12-02T11:30:00-05:00",
    ]
    result, _ = validate(
        "booking_slot", "11 on Wednesday then", preferred_time="wednesday next week at 11",
        offered_slots=offered,
    )  # fmt: skip
    assert result.get("booking_slot") == "2026-12-02T11:00:00-05:00", result
