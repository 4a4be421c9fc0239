"""What runs after every patient message, whatever the dialogue does next.

Rasa calls `action_validate_slot_mappings` from `action_extract_slots` after each message:
first the safety check (red flags, advice, direct questions), then a change to the booking
made in this chat (its name put right, its time moved: `actions/booking_name.py`), then the
intake facts the message gives, read by one rule. A form's answer said with a question of
the patient's own ("6. How much does it cost?") is kept, and the question answered here: the
form then goes on, so no rule would answer it.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking_name import booking_moved, booking_renamed
from actions.intake import FOR_A_PERSON, intake_events
from actions.patient_details import who_said_alongside
from actions.questions import (
    ASKING,
    ActionAnswerQuestion,
    answer_about_a_complaint,
    answer_about_a_precaution,
    answer_if_known,
)
from actions.safety import about_safety, check_safety, explain_precautions, precautions_due
from actions.tracker_facts import (
    NEXT_STEP,
    emergency_open,
    entity_values,
    has_booking,
    latest_intent,
    tells_of_a_pain,
    the_patient,
)
from clinic import knowledge, patient
from clinic.contact import name_and_contact, read_contact
from clinic.intake import answer_before_question, question_after_answer
from clinic.preferred_time import names_a_time
from clinic.safety.red_flags import EMERGENCY

# The booking form's questions answered in the patient's words (from_text in the domain).
BOOKING_ANSWERS = frozenset(
    {"preferred_time", "booking_slot", "patient_name", "contact_details", "booking_confirmed",
     "lookup_reference", "lookup_contact"}
)  # fmt: skip


class ActionEveryMessage(Action):
    """The safety check, then the intake facts (Rasa's `action_validate_slot_mappings`)."""

    def name(self) -> str:
        """Rasa's name for the action it runs after every user message."""
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Slot events from both; the safety check speaks first."""
        safety = check_safety(dispatcher, tracker)
        if _only_a_safety_question(safety, tracker):
            # "...no one big hit. so is there evidence or not": the patient's question is
            # answered first, then the safety question the message called for (outside run
            # 62 p07: evidence asked four times, each time a safety question instead).
            asked = list(dispatcher.messages)
            dispatcher.messages.clear()
            # "...she's pregnant, 10 weeks. is that a problem for the needles?": what the
            # precaution means is the answer, not a topic near the words (outside run 68 p06:
            # "Most people feel very little").
            explained = (
                explain_precautions(dispatcher, tracker)
                if entity_values(tracker, "contraindication")
                else []
            )
            if explained:
                safety = [*safety, SlotSet("precautions_explained", explained)]
            else:
                answer_if_known(dispatcher, tracker)  # no advice to stand beside: near will do
            dispatcher.messages.extend(asked)
        # A question about the advice ("does that matter?") is answered by the advice; after
        # emergency advice every question is answered in its light, the advice first
        # (action_emergency_follow_up), never here before it.
        spoke = bool(dispatcher.messages) or about_safety(tracker) or emergency_open(tracker)
        renamed = None if spoke else booking_renamed(dispatcher, tracker)
        if renamed and dispatcher.messages:
            return [*safety, *renamed]  # the name on the booking, put right: nothing else
        moved = None if spoke else booking_moved(dispatcher, tracker)
        if moved:
            return [*safety, *moved]
        # Beside new emergency advice no word on the notes (outside run 110 p05: "Thanks,
        # I've changed that to head and throbbing" after "call 911 now"); they are kept.
        raised = (
            any(e.get("name") == "triage_level" and e.get("value") == EMERGENCY for e in safety)
            and tracker.get_slot("triage_level") != EMERGENCY
        )
        facts = intake_events(tracker, CollectingDispatcher() if raised else dispatcher)
        booking_answer = _booking_answer_before_a_question(tracker)
        if (
            not spoke
            and _answered_with_a_question(tracker, facts)
            # "he takes a baby aspirin every day, does that count?": the precaution's own
            # answer follows (outside run 101 p07: "I don't know" first).
            and not _about_a_precaution(tracker)
        ):
            facts += ActionAnswerQuestion().answer(dispatcher, tracker)
        elif not spoke and booking_answer:
            # "Helen Brody, 646-555-0187. Can I come in with her?": the name is the form's,
            # the question answered here; the form goes on with the name. "Lena Hoffmann.
            # I'm 10 weeks pregnant, is that a problem?": the precaution's answer says it.
            facts.append(SlotSet(*booking_answer))
            text = tracker.latest_message.get("text") or ""
            asks = knowledge.looks_like_question(text) or question_after_answer(text)
            if asks and not (_about_a_precaution(tracker) or _only_said_again(tracker)):
                facts += ActionAnswerQuestion().answer(dispatcher, tracker)
        elif (
            not spoke
            and latest_intent(tracker) not in FOR_A_PERSON
            and _asks_after_answering(tracker)
            and not _about_a_precaution(tracker)
        ):
            facts += ActionAnswerQuestion().answer(dispatcher, tracker)  # "the 6pm. what to wear?"
        elif (
            not spoke
            and latest_intent(tracker) not in FOR_A_PERSON
            and _tells_the_pain(tracker)
            and not has_booking(tracker)
            # "24 weeks pregnant... would needling be ok?": what the precaution means is
            # the answer (action_answer_precaution), not a topic near the words; "...(baby #2
            # due in march). anyway do you guys take aetna?" asks the clinic's (outside run
            # 95 p06: the insurance question unanswered twice).
            and not _about_a_precaution(tracker)
            # "...and my eczema, can you do anything for that too?": who can help with it;
            # "...is that something you'd needle?": the clinic's answer.
            and not answer_about_a_complaint(dispatcher, tracker)
        ):
            answer_if_known(dispatcher, tracker)
        elif (
            _safety_answer_with_a_question(tracker)
            and not dispatcher.messages
            # "...but r the needles ok for the baby??": the precaution's answer follows (the
            # safety question's resume), not a topic near the words.
            and not entity_values(tracker, "contraindication")
        ):
            # "no nothing like that. but how much does it cost??" to a safety question
            # asked inside the intake: the next question follows from the form, the
            # patient's own is answered here (outside run 60 p03: asked three times).
            answer_if_known(dispatcher, tracker, only_if_close=True)
        if (
            not spoke
            and not dispatcher.messages
            and _about_a_precaution(tracker)
            and _asks_something(tracker)
        ):
            # "347-555-0188. wait so can i get needled or not since im preggo?" beside the
            # form's answer, its precaution explained before (outside run 111 p04: the
            # summary alone): what it means, again.
            answer_about_a_precaution(dispatcher, tracker)
        return _as_next_step(
            [
                *safety,
                *(renamed or []),
                *facts,
                *_offer_lapsed(tracker),
                *_whose_words(tracker),
                *_who_told_early(tracker),
            ]
        )


def _whose_words(tracker: Tracker) -> list[dict[str, Any]]:
    """The words for whose pain it is, kept for the replies written of them ("examine him",
    "if her pain gets worse"), set when they change."""
    whose = the_patient(tracker)
    theirs = whose != patient.YOU
    wanted = {
        "written_for": theirs or None,
        "patient_object": whose.object if theirs else None,
        "patient_possessive": whose.possessive if theirs else None,
    }
    return [
        SlotSet(slot, value) for slot, value in wanted.items() if tracker.get_slot(slot) != value
    ]


def _who_told_early(tracker: Tracker) -> list[dict[str, Any]]:
    """A name and contact told before any booking ("Hi, Ana Ruiz here, 646 555 0101. My
    neck...") are kept for it, never asked again (outside run 122 s08). Only beside a usable
    phone or email: then the words around it are a name given, not a guess."""
    if tracker.active_loop.get("name") or tracker.get_slot("booking_reference"):
        return []  # the forms read their own answers
    if tracker.get_slot("contact_details"):
        return []
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or not read_contact(text).usable:
        return []
    return [SlotSet(slot, value) for slot, value in who_said_alongside(text, tracker).items()]


def _as_next_step(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa drops a follow-up asked for here (slot extraction may not choose the next
    action): the booking started by "can we book the consult for thursday evening?" beside
    words on the advice fell to "Sorry, I didn't quite understand" (outside run 89 p04). It
    becomes the next step, which the safety policy runs."""
    steps = [event["name"] for event in events if event.get("event") == "followup"]
    if not steps:
        return events
    return [*(e for e in events if e.get("event") != "followup"), SlotSet(NEXT_STEP, steps[-1])]


def _only_a_safety_question(safety: list[dict[str, Any]], tracker: Tracker) -> bool:
    """Whether the safety check asked a direct question and gave no advice, and the message
    asks something of its own (or asks again what went unanswered), or names a precaution
    not yet explained."""
    changed = {event.get("name"): event.get("value") for event in safety if event.get("name")}
    if not changed.get("direct_question") or "triage_level" in changed:
        return False
    if emergency_open(tracker):
        return False
    if precautions_due(tracker):
        # "...he takes warfarin, if that matters": what the precaution means comes first,
        # advice open or not (outside run 71 p04: Eliquis unanswered twice).
        return True
    if tracker.get_slot("triage_level") in ("urgent", "emergency"):
        return False
    text = tracker.latest_message.get("text") or ""
    return bool(question_after_answer(text)) or knowledge.asked_again(text)


def _safety_answer_with_a_question(tracker: Tracker) -> bool:
    """Whether the message answers a direct safety question asked in the intake and then
    asks a question of its own, with no advice open to answer it in its light."""
    if not (about_safety(tracker) and tracker.active_loop.get("name") == "intake_form"):
        return False
    if emergency_open(tracker) or tracker.get_slot("triage_level") in ("urgent", "emergency"):
        return False
    return bool(answer_before_question(tracker.latest_message.get("text") or ""))


def _answered_with_a_question(tracker: Tracker, facts: list[dict[str, Any]]) -> bool:
    """Whether the message answered the intake's question and asked one of its own."""
    asked = tracker.get_slot("requested_slot")
    if tracker.active_loop.get("name") != "intake_form" or latest_intent(tracker) not in ASKING:
        return False
    text = tracker.latest_message.get("text") or ""
    # "5 maybe 6. do the needles hurt lol": a question after the answer needs no "?".
    if not (knowledge.looks_like_question(text) or question_after_answer(text)):
        return False  # "yes to the back of the head": an answer, whatever the model heard
    return any(e.get("name") == asked and e.get("value") is not None for e in facts)


def _booking_answer_before_a_question(tracker: Tracker) -> tuple[str, str] | None:
    """The booking question's answer said before a question of the patient's own, as the
    slot asked and the words, if the message is that."""
    asked = tracker.get_slot("requested_slot")
    if tracker.active_loop.get("name") != "booking_form" or asked not in BOOKING_ANSWERS:
        return None
    text = tracker.latest_message.get("text") or ""
    # "friday late morning? and do I need to bring anything": heard as a booking request,
    # with a question of its own after the time (outside run 66 p03).
    wish_and_question = latest_intent(tracker) == "request_booking" and bool(
        question_after_answer(text)
    )
    # "10 pls. is there parking", "9:00. How long will it take?": the answer, then a question
    # of its own (outside run 92 p04, p05, p07: the question dropped).
    answer_then_question = asked != "preferred_time" and bool(question_after_answer(text))
    # "i already gave it?? dkowalski88@gmail.com" to the contact question: the address is
    # the answer, whatever the model heard (outside run 95 p01: "I don't know the answer").
    if (
        asked == "contact_details"
        and latest_intent(tracker) in ASKING
        and read_contact(text).usable
        and _only_said_again(tracker)
    ):
        return (asked, text)
    if not (latest_intent(tracker) in ASKING or wish_and_question or answer_then_question):
        return None
    if not knowledge.looks_like_question(text) and names_a_time(text):
        # "actually no today wont work, cant get off work. tmrw 8:30" to the name question,
        # heard as a question that asks nothing: the time put right (outside run 115 p06:
        # the name asked again, the old time booked).
        return (asked, text)
    # "dkowalski88@gmail.com. do i need to wear anything special": a question after the
    # answer, without its question mark (outside run 95 p01: the address dropped).
    if not (knowledge.looks_like_question(text) or answer_then_question):
        return None
    lead = answer_before_question(text)
    if lead and asked != "preferred_time" and names_a_time(question_after_answer(text)):
        # "5 is too tight for me. thursday 7?": the question is the wish, not a question;
        # asked the name, "...a standup at 12 on fridays, can we do the 1:30 instead? name is
        # Priya Shah" is the time put right with the name (outside run 89 p05: "Sorry, I need
        # just the name").
        return (asked, text)
    # "...actually no she naps at home. friday morning?": a time asked as a question is told
    # too (outside run 95 p06: Tuesday, given up, was offered).
    told = " ".join(
        s
        for s in _SENTENCES.split(text)
        if s and (not knowledge.looks_like_question(s) or names_a_time(s))
    )
    if asked == "preferred_time" and names_a_time(told):
        # "Will Medicare pay? And I'd like the 15th if you can, in the morning": the day,
        # told before or after the question (outside run 54: "didn't catch a day").
        return (asked, told)
    return (asked, lead) if lead else None


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# Only that it was given before: "i already gave it??", "I told you".
_ONLY_SAID_AGAIN = re.compile(
    r"^\W*(?:(?:i|i've|ive|i have)\s+)?(?:already\s+|just\s+)?(?:gave|given|told|said|sent|"
    r"wrote|put|typed)\b[\w\s']{0,25}[\W]*$|^\W*$",
    re.IGNORECASE,
)


def _only_said_again(tracker: Tracker) -> bool:
    """Whether the message, its phone number or address left out, only says it was given
    before ("i already gave it?? sam@example.org"): nothing else to answer."""
    before, _ = name_and_contact(tracker.latest_message.get("text") or "")
    return bool(_ONLY_SAID_AGAIN.match(before))


def _asks_after_answering(tracker: Tracker) -> bool:
    """Whether a form's answer, or a yes or no anywhere, is followed by a question the
    model did not hear as one ("the 6pm. what should I wear?"): the form or the rules take
    the answer, the question is answered here."""
    text = tracker.latest_message.get("text") or ""
    yes_or_no = latest_intent(tracker) in ("affirm", "deny")  # "yes. do you take aetna?"
    if not yes_or_no and tracker.active_loop.get("name") not in ("intake_form", "booking_form"):
        return False
    # "No cancer. Can you still book Saturday morning in case...?": the booking is the
    # question, for the booking's rules; no topic near its words (outside run 52).
    booking = latest_intent(tracker) in ("request_booking", "reschedule_booking", "cancel_booking")
    # "None of those. you didnt answer about evidence tho": asked again, no question word.
    asks = bool(answer_before_question(text)) or knowledge.asked_again(text)
    return latest_intent(tracker) not in ASKING and not booking and asks


def _about_a_precaution(tracker: Tracker) -> bool:
    """Whether the question after the answer is, most likely, about the medicine or
    condition the message names ("9:30 good. Oh, my mother takes warfarin... Is ok I
    think?"): the precaution's answer says it, not a topic only near the words (outside
    run 53: staying active, with a word on falls)."""
    if not entity_values(tracker, "contraindication"):
        return False
    topics = [e for e in tracker.latest_message.get("entities") or []
              if e.get("entity") == "answer_topic" and e.get("role") != "also"]  # fmt: skip
    return not any(float(e.get("confidence_entity") or 0) >= knowledge.CLOSE for e in topics)


def _asks_something(tracker: Tracker) -> bool:
    text = tracker.latest_message.get("text") or ""
    return "?" in text or bool(question_after_answer(text))


def _tells_the_pain(tracker: Tracker) -> bool:
    """Whether the message describes a pain outside booking (its own question is then
    answered here, as the intake starts and no rule would answer it)."""
    if tracker.active_loop.get("name") == "booking_form":
        return False
    return tells_of_a_pain(tracker)


def _offer_lapsed(tracker: Tracker) -> list[dict[str, Any]]:
    """An offered call-back is taken or declined by the very next message; anything else
    lets it lapse, so a later "yes" answers whatever was asked then."""
    offered = tracker.get_slot("callback_offered")
    if offered and latest_intent(tracker) not in ("affirm", "deny", "request_callback"):
        return [SlotSet("callback_offered", None)]
    return []
