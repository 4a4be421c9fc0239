"""Patients' questions, answered from the clinic's answers file (answers.yml).

The NLU found the nearest topic by meaning (`answer_topic`, addons/clinic_answers.py).
Without one, a question gets an honest "I don't know" with the clinic's phone, and is kept
for staff (`unanswered_questions`, listed in the console); a remark that asks nothing is
out of scope.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.booking import (
    A_CLOCK,
    BOOK,
    RESCHEDULE,
    SHOW,
    desk,
    say_the_only_booking,
    start_task,
)
from actions.callback import offer_callback, tell_my_call
from actions.intake import answer_asked_back
from actions.safety import form_to_resume
from actions.tracker_facts import (
    emergency_open,
    entity_values,
    has_booking,
    intake_from_tracker,
    latest_intent,
    names_a_place,
    patient_messages,
    said_before,
    said_since_latest_message,
    said_within_turns,
    tells_of_a_pain,
    the_patient,
    urgent_open,
    value_before_latest_message,
)
from clinic import knowledge, patient, vocabulary
from clinic.assessment import who_helps_with
from clinic.booking import (
    asks_if_cancelled,
    asks_to_move,
    declines_booking,
    wants_a_booking,
    when,
)
from clinic.booking_store import CONFIRMED
from clinic.care.intake_state import puts_right_in_words
from clinic.contact import asks_about_a_call
from clinic.evidence import evidence_for_the_pain
from clinic.intake import (
    answer_before_question,
    listed,
    places_in_words,
    question_after_answer,
    summarise,
)
from clinic.preferred_time import (
    asks_what_is_free,
    names_a_time,
    times_for_a_booking,
    times_for_a_move,
)
from clinic.records.callbacks import UNANSWERED
from clinic.safety import advice, answers, contraindications
from clinic.safety.red_flags import EMERGENCY

# The intents that ask something; any other intent routed here asks only if it reads so.
MY_BOOKING = "my_booking"
MY_SUMMARY = "my_summary"
ASK_MY_BOOKING = "ask_my_booking"
ASKING = frozenset({*knowledge.INTENT_TOPICS, "ask_clinic", ASK_MY_BOOKING})
MAX_KEPT_LENGTH = 300


class ActionAnswerQuestion(Action):
    """Answers from the clinic's file, or says it doesn't know and keeps the question."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """One answer, or "I don't know" and the clinic's phone; then, when the message also
        described a pain ("...so could I come in? It's between my shoulder blades"), the
        intake begins."""
        if emergency_open(tracker) and (
            value_before_latest_message(tracker, "triage_level") != EMERGENCY
        ):
            # The emergency advice given for this very message is its answer ("is it ok to
            # wait till tomorrow?"): no topic beside it (outside run 103 p08: painkillers).
            return []
        events = self.answer(dispatcher, tracker)
        in_a_form = tracker.active_loop.get("name")
        if not (in_a_form or _follows(events)) and _takes_the_offer(tracker):
            # "Yes please, Thursday after 5. Is there parking?": answered, and booked on
            # (outside run 52: only the question was answered, the yes was lost).
            events = [*events, *_start_booking(dispatcher, tracker)]
        elif not (in_a_form or _follows(events)) and form_to_resume(tracker) == "intake_form":
            events.append(FollowupAction("intake_form"))
        said = dispatcher.messages or said_since_latest_message(tracker)
        if not (said or in_a_form or _follows(events)):
            # Never a silent turn outside a form: what it could not place is said so
            # (outside run 54: "n i want the earliest appt" got no answer at all).
            values = knowledge.clinic_values()
            response = "utter_dont_know" if values["clinic_phone"] else "utter_dont_know_no_phone"
            dispatcher.utter_message(response=response, **values)
        return events

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        """The answer to the latest message's question, dispatched; events it keeps."""
        values = knowledge.clinic_values()
        found = _found(tracker)
        intent = _asking_intent(tracker)
        text = tracker.latest_message.get("text") or ""
        if knowledge.asks_to_carry_on(text):
            # "Ok I'm back! Where were we?": the form asks its question again; with none,
            # the patient's turn (outside run 44: "I don't know the answer to that one").
            if not (tracker.active_loop.get("name") or form_to_resume(tracker)):
                dispatcher.utter_message(text=advice.ANYTHING_ELSE)
            return []
        if urgent_open(tracker) and advice.asks_to_tell(text):
            # "Could I give you her details anyway?" after a doctor today: yes, the
            # questions (outside run 56 p01: a topic near the words, then nothing).
            whose = the_patient(tracker)
            dispatcher.utter_message(text=patient.spoken_of(advice.CARRY_ON_AFTER_URGENT, whose))
            return [] if tracker.active_loop.get("name") else [FollowupAction("intake_form")]
        left = knowledge.topic_named(QUESTIONS_LEFT)
        if (
            left
            and knowledge.is_impatient(text)
            and tracker.active_loop.get("name") == "intake_form"
        ):
            # "no. can we get on with it": how many are left, never "I don't know" (outside
            # run 52); the form then asks its question.
            dispatcher.utter_message(text=knowledge.answer_text(left, values))
            _skipping_allowed(dispatcher, tracker)
            return []
        if (
            has_booking(tracker)
            and asks_if_cancelled(text)
            and say_the_only_booking(dispatcher, tracker)
        ):
            return []  # "the thursday one is gone and I only have saturday, right?"
        if has_booking(tracker) and asks_to_move(text) and names_a_time(times_for_a_move(text)):
            # "Sorry could we do 11:30 instead?" heard as a question: the move (outside run
            # 59 p08 and a conversation of mine: "I don't know the answer to that one").
            return _start_booking(dispatcher, tracker, RESCHEDULE)
        noted = asks_if_noted(tracker)
        held = tracker.get_slot("contraindications") or []
        if (
            not (noted or _ASKS_IF_NOTED.search(text))  # "does the physio get told...?"
            and knowledge.looks_like_question(text)
            and contraindications.held_named(text, held)
            and answer_about_a_precaution(dispatcher, tracker)
        ):
            # "So the lymph nodes under my arm, is that a problem for the needling or not?":
            # what the precaution held means, not a note of the arm (outside run 119 p02).
            return []
        if has_booking(tracker) and (
            noted or (names_a_place(tracker) and not _asks_for_a_place(found, intent, tracker))
        ):
            return noted_for_the_consultation(dispatcher, tracker)
        if noted:
            # Not booked yet: what is noted, said (outside run 94 p05: "will the physio know
            # about the fainting thing?" got the fainting leaflet).
            held = contraindications.labels(sorted(tracker.get_slot("contraindications") or []))
            dispatcher.utter_message(response="utter_precautions_noted", held=listed(held))
            return []
        # Booked in this chat, a question near the topic is about that booking; otherwise
        # only a close one starts the look-up.
        near_enough = knowledge.NEAR if has_booking(tracker) else knowledge.CLOSE
        asks_for_booking = found and found.topic == MY_BOOKING and found.score >= near_enough
        if found and found.topic == MY_BOOKING and _booking_under_way(tracker):
            # "ya... can i come tmrw" to the offer, or in the booking form: a time wished
            # for, not a booking to look up (outside run 49: "I can look your booking up").
            # To the offer, the booking starts (outside run 54: "n i want the earliest
            # appt" got no answer at all).
            if tracker.active_loop.get("name"):
                return []
            return _start_booking(dispatcher, tracker)
        if (
            found
            and found.topic == MY_BOOKING
            and names_a_time(text)
            and not has_booking(tracker)
            # ...or said with the pain in the first message (outside run 81 p06).
            and (tracker.active_loop.get("name") == "intake_form" or tells_of_a_pain(tracker))
        ):
            # "...can he come tuesday morning first thing?" mid-intake, nothing booked: the
            # time wished for, kept for the offer (outside run 61 p05: "I can look your
            # booking up").
            return [SlotSet("wished_time", times_for_a_booking(text))]
        if declines_booking(text) and knowledge.is_a_statement(text):
            # "I'll talk to my midwife before booking anything, I'll think about it": a
            # booking put off, whatever the model made of its words (outside run 44).
            later = (
                "utter_put_off_after_urgent"
                if urgent_open(tracker)
                else "utter_consultation_declined"
            )
            dispatcher.utter_message(response=later)
            return []
        if (
            found
            and found.topic == MY_BOOKING
            and not has_booking(tracker)
            and wants_a_booking(text)
        ):
            # "no cancer either b4 u ask. can we jus book" mid-screen: a booking asked for,
            # nothing to look up (outside run 125 w03: "I'll need your booking reference").
            if tracker.active_loop.get("name"):
                dispatcher.utter_message(response="utter_finish_intake_first")
                return []
            return _start_booking(dispatcher, tracker)
        if latest_intent(tracker) == "request_booking" and not has_booking(tracker):
            # "Can I book the consultation for Wednesday afternoon?" asks for a booking, however
            # near "when is my booking?" it reads (outside run 41: a look-up was started).
            asks_for_booking = False
        if intent == ASK_MY_BOOKING or asks_for_booking:
            # Looking a booking up starts a check: only when the question is clearly that.
            return _my_booking(dispatcher, tracker)
        summary_asked = found and found.topic == MY_SUMMARY and knowledge.is_answer(found, intent)
        if summary_asked and _said_the_summary(dispatcher, tracker):
            return []  # "can you show me the summary again?"
        if puts_right_in_words(text) and not (
            "?" in text or knowledge.asks_somewhere(text) or knowledge.asked_again(text)
        ):
            # "The number for pain. Is not right, normally 2. Please change": a fact put
            # right, which the intake takes; no question, whatever the model made of it
            # (outside run 76 p05: the needles' sting, then the doctor's text).
            return []
        asked_part = question_after_answer(text) or text
        if _a_time_wished(found, text) and _booking_in_play(tracker):
            # "yes please. he has training mon and tue, so wednesday at 4?": a time wished
            # for, which the offered times answer; not the opening hours (outside runs 75
            # p04, 76: the hours before every offer). Its other questions are answered ("Can
            # I come in with her? ...maybe Friday?": outside run 125 w05, passed over twice).
            for more in _further_answers(tracker, values, ""):
                dispatcher.utter_message(text=more)
            return []
        if tracker.active_loop.get("name") == "booking_form" and _only_a_time(asked_part):
            return []  # "5 is too tight for me. thursday 7?": a wish for the form to read
        told = answers.opens_with_answer(text) and not (
            knowledge.looks_like_question(text)
            or question_after_answer(text)
            or knowledge.asked_again(text)  # "no. you never said whether it works though"
        )
        far = found is None or found.score < knowledge.NEAR
        if tracker.active_loop.get("name") and told and far:
            # "no, I walk fine, I still work" to a form's question: told, not asked; a topic
            # only half agreed on is no question of the patient's own.
            return []
        known = _known_answer(found, intent, tracker)
        if known is None and _the_advice_answers(found, intent, tracker):
            # "Do I need a doctor today?" with a flag standing: the advice again, in the
            # question's light, never "I don't know".
            return [FollowupAction("action_emergency_follow_up")]
        net = knowledge.topic_named(knowledge.SAFETY_NET)
        if net and knowledge.asks_what_if_worse(text):
            known = knowledge.answer_text(net, values)  # never "I don't know" to this
        if known and known in said_since_latest_message(tracker):
            return []  # answered already, alongside the pain (`answer_if_known`)
        if known:
            if said_within_turns(tracker, known, 3):
                # Asked again ("do you offer appointments after work?" after the hours): the
                # same answer, owned as said, never a loop word for word.
                again = known[0].lower() + known[1:]
                dispatcher.utter_message(response="utter_answer_said_again", answer=again)
            else:
                dispatcher.utter_message(text=known)
            for more in _further_answers(tracker, values, known):
                dispatcher.utter_message(text=more)  # "...and the phone number please"
            if found and found.topic == QUESTIONS_LEFT:
                _skipping_allowed(dispatcher, tracker)
            return []
        if tracker.active_loop.get("name") and knowledge.is_a_statement(text):
            return []  # told, not asked: the form reads it and goes on, no "I don't know"
        if tracker.active_loop.get("name") == "intake_form" and answer_asked_back(
            tracker.get_slot("requested_slot"), text
        ):
            return []  # "6 hrs?? omg": the form's answer, said in surprise
        if answer_about_a_complaint(dispatcher, tracker):
            return []  # "But what about the rash?": who can help, not "I don't know"
        if _asks(text, intent) and answer_about_a_precaution(dispatcher, tracker):
            return []  # "should i get the boil looked at before thurs?": what it means
        if not _asks(text, intent):
            if not tracker.active_loop.get("name"):
                # In a form it is an answer in unusual words ("...is the right leg. Right
                # side."): the form reads it, no word on what the chat is for.
                dispatcher.utter_message(response="utter_out_of_scope")
            return []
        if knowledge.is_a_statement(text):
            # "It's worse after long drives, if that matters", heard as a question: told.
            dispatcher.utter_message(response="utter_noted_for_the_physiotherapist")
            if tracker.get_slot("consultation_offered"):
                dispatcher.utter_message(response="utter_offer_consultation_again")
            return []
        if tracker.active_loop.get("name") and answers.question_not_understood(text):
            return []  # "which ones what? I don't understand": the form asks again, plainly
        if names_a_time(text) and _booking_in_play(tracker):
            return []  # "Thursday, maybe 4 or 4:30?": a wish for the booking to read
        if tells_of_a_pain(tracker) and len(_SHORT_WORDS.findall(asked_part)) <= _SHORT_QUESTION:
            # "...My friend say the needle is good. Is possible?": whether needling may help
            # the pain told, which the assessment answers; never "I don't know" (outside run
            # 108 p03). The intake starts for the pain told.
            return [] if tracker.active_loop.get("name") else [FollowupAction("intake_form")]
        kept = list(tracker.get_slot("unanswered_questions") or [])
        if _safety_question_waiting(tracker) and answers.hedged(text):
            # "Maybe a little warm compared to the other one?" to "a calf swollen, red or
            # warm?": an unsure answer said as a question, for the safety check to ask
            # again, never "I don't know"; kept for the team all the same.
            return [SlotSet("unanswered_questions", [*kept, text[:MAX_KEPT_LENGTH]])]
        return dont_know(dispatcher, tracker)


# A question of so few words after a pain told ("Is possible?", "can work?") asks of it.
_SHORT_QUESTION = 3
_SHORT_WORDS = re.compile(r"[a-z']+", re.IGNORECASE)


def dont_know(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Says the question has no answer here: the clinic's phone, the question kept for the
    team, and a call-back offered."""
    values = knowledge.clinic_values()
    text = tracker.latest_message.get("text") or ""
    kept = list(tracker.get_slot("unanswered_questions") or [])
    response = "utter_dont_know" if values["clinic_phone"] else "utter_dont_know_no_phone"
    dispatcher.utter_message(response=response, **values)
    if kept[-1:] == [text[:MAX_KEPT_LENGTH]]:
        return []  # read again as a form starts (Rasa extracts slots once more then)
    offered = offer_callback(dispatcher, tracker, UNANSWERED, text[:MAX_KEPT_LENGTH])
    return [SlotSet("unanswered_questions", [*kept, text[:MAX_KEPT_LENGTH]]), *offered]


def _skipping_allowed(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Tells a patient in a hurry that the intake's question waiting may be skipped, unless
    it is a safety one, which never is (session 21: "skip" was offered, then the red-flag
    question said it must be answered)."""
    if tracker.active_loop.get("name") == "intake_form" and not _safety_question_waiting(tracker):
        dispatcher.utter_message(response="utter_you_can_skip")


def _safety_question_waiting(tracker: Tracker) -> bool:
    """Whether the message came after a safety question: the screen's, or a direct one."""
    return bool(tracker.get_slot("direct_question")) or (
        tracker.active_loop.get("name") == "intake_form"
        and tracker.get_slot("requested_slot") == "red_flag_screen"
    )


def answer_about_a_complaint(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Says who can help with a complaint that is not a muscle's, when the message asks
    about one ("could you look at my rash too?"); whether it did."""
    text = tracker.latest_message.get("text") or ""
    complaint = _complaint_asked_about(tracker)
    if complaint is None or not knowledge.looks_like_question(text):
        return False
    dispatcher.utter_message(text=who_helps_with(complaint))
    return True


def answer_about_a_precaution(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question about a precaution held, named in it, answered with what it means and its
    advice (outside run 110 p08: "should i get the boil looked at before thurs or just show
    the physio" got "I don't know", with a doctor's look advised minutes before)."""
    held = set(tracker.get_slot("contraindications") or [])
    named = [code for code in entity_values(tracker, "contraindication") if code in held]
    # ...or named in any of its words: "the lymph nodes under my arm, is that a problem?"
    text = tracker.latest_message.get("text") or ""
    named += contraindications.held_named(text, sorted(held))
    texts = [contraindications.precaution(code) for code in dict.fromkeys(named)]
    whose = the_patient(tracker)
    for text in filter(None, texts):
        dispatcher.utter_message(text=patient.spoken_of(text, whose))
    return any(texts)


def _complaint_asked_about(tracker: Tracker) -> str | None:
    """The complaint that is not a muscle's a question names ("what about the rash?")."""
    # Read from the words: a complaint in a question is no complaint of now for the NLU.
    text = tracker.latest_message.get("text") or ""
    named = [t.value for t in vocabulary.find_terms(text) if t.entity == "other_complaint"]
    return named[0] if named else None


def _known_answer(
    found: knowledge.Found | None, intent: str | None, tracker: Tracker
) -> str | None:
    """The clinic's answer to the topic found, when it is near enough and can be given;
    for a pregnant patient's question about "the baby", what pregnancy means for needling."""
    if found is None or not knowledge.is_answer(found, intent):
        return None
    text = tracker.latest_message.get("text") or ""
    if knowledge.asks_if_it_counts(text) and found.score < knowledge.NEAR:
        # "got some back acne lol does that count": about the acne, not the number of
        # sessions the intent model guessed (outside run 106 p06).
        return None
    if _about_the_baby_in_pregnancy(found, tracker):
        return contraindications.precaution("pregnancy", " ".join(patient_messages(tracker)))
    held = tracker.get_slot("contraindications") or []
    if held and _ASKS_IF_NEEDLING_AT_ALL.search(tracker.latest_message.get("text") or ""):
        # "wait so i cant have it at all?" after "dry needling isn't advised for you": what
        # each precaution told means (outside run 64 p08: "Most people feel very little",
        # twice, and she gave up).
        return " ".join(filter(None, (contraindications.precaution(code) for code in held)))
    topic = knowledge.topic_named(found.topic)
    if topic is None:
        return None
    if topic.for_a_place:
        places = _named(tracker, "body_part")
        if places:
            text = tracker.latest_message.get("text") or ""
            return knowledge.answer_for_a_place(topic, evidence_for_the_pain(places, text).summary)
        # "Would needling do anything for my sore throat?", "can needling help eczema?":
        # no, and who can help, whoever has it (the question is what needling treats).
        text = tracker.latest_message.get("text") or ""
        complaints = _named(tracker, "other_complaint") or [
            term.value for term in vocabulary.find_terms(text) if term.entity == "other_complaint"
        ]
        if complaints:
            return who_helps_with(complaints[0])
    told = _precautions_told(tracker)
    if topic.for_the_pain and tracker.get_slot("red_flags") and not _other_complaint(tracker):
        # "Do I need to see a doctor today or not?" with a flag standing: the advice is the
        # answer, given by the safety follow-up; not the general text beside it (outside
        # run 76 p01: "If you're not sure, yes. Anything that isn't a muscle...").
        return None
    # Read only for a topic with an answer about the pain (it reads the words again).
    about_the_pain = bool(topic.for_the_pain) and _of_the_pain_told(tracker)
    answer = knowledge.answer_text(topic, knowledge.clinic_values(), about_the_pain, told)
    if answer and about_the_pain and tracker.get_slot("corrected_signs"):
        # "Earlier you said I should see a doctor TODAY": the advice withdrawn is owned, not
        # denied (outside run 62 p03: "I'd tell you straight away if it did").
        answer = f"{advice.ADVICE_PUT_RIGHT} {answer}"
    return answer


def _the_advice_answers(
    found: knowledge.Found | None, intent: str | None, tracker: Tracker
) -> bool:
    """Whether the question is whether to see a doctor about the pain, with a flag
    standing: the safety advice is its answer."""
    topic = knowledge.topic_named(found.topic) if found else None
    return bool(
        found
        and topic
        and topic.for_the_pain
        and knowledge.is_answer(found, intent)
        and tracker.get_slot("red_flags")
        and not _other_complaint(tracker)
    )


def _of_the_pain_told(tracker: Tracker) -> bool:
    """Whether a question is about the pain told in this chat, nothing told needing a
    doctor: a pain known, no red flag standing and no other complaint named ("do I still
    need a doctor?" after a yes taken back; not "...about the rash on my arm?")."""
    return (
        bool(tracker.get_slot("body_part"))
        and not tracker.get_slot("red_flags")
        and not _other_complaint(tracker)
    )


def _other_complaint(tracker: Tracker) -> bool:
    """Whether the latest message names a complaint that is not the pain ("the rash")."""
    text = tracker.latest_message.get("text") or ""
    return bool(
        _named(tracker, "other_complaint")
        or [term for term in vocabulary.find_terms(text) if term.entity == "other_complaint"]
    )


def _named(tracker: Tracker, entity: str) -> list[str]:
    """The patient's own places or complaints the message names ("does it help my
    headaches?", "...my sore throat?")."""
    entities = tracker.latest_message.get("entities") or []
    return [
        str(e.get("value")) for e in entities if e.get("entity") == entity and not e.get("role")
    ]


# Words of breastfeeding itself: "nursing", "the milk", "feeding him".
_NURSING = re.compile(r"\b(?:breast\w*|nurs\w+|milk|feed\w*)\b", re.IGNORECASE)


# Asked whether needling is possible at all for them: "so I can't have it at all?", "does
# that mean no needling for me?", "so no needles for me then?".
_ASKS_IF_NEEDLING_AT_ALL = re.compile(
    r"\b(?:can'?t|cannot|can not|can i|could i|will i|am i allowed to)\b[^.?!]{0,25}"
    r"\b(?:have|get|do)\b[^.?!]{0,15}\bat all\b"
    r"|\bno (?:dry )?(?:needling|needles)\b[^.?!]{0,15}\bfor (?:me|him|her)\b"
    r"|\b(?:does|do) (?:that|this|it) mean no\b",
    re.IGNORECASE,
)


def _about_the_baby_in_pregnancy(found: knowledge.Found, tracker: Tracker) -> bool:
    """Whether a question the meaning put near breastfeeding ("is it safe for the baby?") is
    a pregnant patient's question about her pregnancy."""
    pregnant = "pregnancy" in (tracker.get_slot("contraindications") or [])
    text = tracker.latest_message.get("text") or ""
    return pregnant and found.topic == "breastfeeding" and not _NURSING.search(text)


# A question that is only a time: "thursday 7?", "the 15th at 9?", "maybe 4:30?".
_A_FEW_WORDS = 5


def _only_a_time(question: str) -> bool:
    return names_a_time(question) and len(question.split()) <= _A_FEW_WORDS


def _booking_in_play(tracker: Tracker) -> bool:
    """Whether a consultation was offered, asked for or is being booked, or the message
    says yes to one ("sure, next Thursday?") or asks for one."""
    return bool(
        tracker.active_loop.get("name")
        or tracker.get_slot("consultation_offered")
        or tracker.get_slot("consultation_requested")
        or latest_intent(tracker) in ("affirm", "request_booking")
    )


def _asks(text: str, intent: str | None) -> bool:
    return intent in ASKING or knowledge.looks_like_question(text)


# "The physio will know about my warfarin, yes?", "did you write that down?".
_ASKS_IF_NOTED = re.compile(
    r"\b(?:know|knows|aware|noted|note|notes|write|wrote|written|told|tell (?:them|him|her|the "
    r"physio\w*)|passed on|pass (?:it|that) on)\b",
    re.IGNORECASE,
)


# What was told, pointed at rather than named: "the fainting thing", "write it down",
# "tell them again".
_WHAT_I_TOLD = re.compile(
    r"\b(?:that|the|my|this|her|his)\s+(?:(?P<what>\w+)\s+)?(?:thing|stuff|issue|problem|condition)\b"
    r"|\b(?:it|that|this)\s+down\b|\bagain\b",
    re.IGNORECASE,
)


def asks_if_noted(tracker: Tracker) -> bool:
    """Whether the message asks whether a precaution already told is in the
    physiotherapist's notes: named again, or pointed at ("will the physio know about the
    fainting thing?", outside run 94 p05)."""
    text = vocabulary.mended(tracker.latest_message.get("text") or "")
    held = set(tracker.get_slot("contraindications") or [])
    named = set(entity_values(tracker, "contraindication"))
    asks = _ASKS_IF_NOTED.search(text)  # "does the physio kno bout..."
    # "the fainting thing" points at a precaution held; "the eye thing" at something else,
    # never answered with the precautions (outside run 97 p04: a sight lost went unnoted).
    pointer = _WHAT_I_TOLD.search(text)
    words = " ".join(contraindications.labels(sorted(held))).lower()
    what = (pointer["what"] or "").lower() if pointer else ""
    faint = "needle_phobia" in held and contraindications.faint_told(what)  # "the woozy thing"
    elsewhere = (
        bool(what)
        and what.rstrip("s") not in words
        and not faint
        and bool(vocabulary.find_terms(what))
    )
    pointed = not named and pointer is not None and not elsewhere
    return bool(held and asks and (held & named or pointed))


QUESTIONS_LEFT = "questions_left"


def _asks_for_a_place(found: knowledge.Found | None, intent: str | None, tracker: Tracker) -> bool:
    """Whether the message asks what needling does for the place it names, with an answer
    ("does dry needling help tension headaches"), rather than telling of a pain there."""
    text = tracker.latest_message.get("text") or ""
    topic = knowledge.topic_named(found.topic) if found else None
    return bool(
        _asks(text, intent)
        and topic
        and topic.for_a_place
        and _known_answer(found, intent, tracker)
    )


def told_after_booking(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """A pain told once booked goes into the notes; a question with it is answered: about
    the clinic, or whether needling helps the place it names (outside runs 37 and 51: "does
    needling actually help headaches tho" got "I've put that in your notes", twice)."""
    text = tracker.latest_message.get("text") or ""
    if asks_to_move(text) and names_a_time(text):
        # "Actually make it Tuesday same time", right after booking: a move, however the
        # model heard it (outside run 56: put in the notes, and Monday kept).
        return _start_booking(dispatcher, tracker, RESCHEDULE)
    asks = _asks(text, latest_intent(tracker))
    if asks and not names_a_place(tracker):
        said = len(dispatcher.messages)
        events = ActionAnswerQuestion().answer(dispatcher, tracker)
        # Once booked, a question is never met with silence (outside run 63 p05: "anything
        # he should do in the meantime?" got no reply, then the greeting).
        return events if len(dispatcher.messages) > said else dont_know(dispatcher, tracker)
    if _asks_for_a_place(_found(tracker), latest_intent(tracker), tracker):
        return ActionAnswerQuestion().answer(dispatcher, tracker)
    return noted_for_the_consultation(dispatcher, tracker)


def noted_for_the_consultation(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]]:
    """Once booked, what the patient says about the pain is in the physiotherapist's notes
    (the intake state keeps it): the places are said back with the consultation's day, and
    nothing is asked or offered again."""
    places = places_in_words(intake_from_tracker(tracker))
    moment = dt.datetime.fromisoformat(tracker.get_slot("booking_starts_at"))
    held = contraindications.labels(tracker.get_slot("contraindications") or [])
    if places:
        # The precautions told are in the notes too (outside run 47: "Please write down: I
        # take blood thinner Eliquis" was said back as the painful places alone).
        # "...and what you told me about a fear of needles", never "the a fear" (outside run
        # 113 p05).
        told = f", and what you told me about {listed(held)}" if held else ""
        dispatcher.utter_message(
            response="utter_noted_for_consultation", places=places + told, when=when(moment)
        )
    else:
        dispatcher.utter_message(response="utter_your_booking", when=when(moment),
                                 reference=tracker.get_slot("booking_reference"))  # fmt: skip
    return []


# Topics a request to book at a time reads near.
OPENING_HOURS = "opening_hours"
_TIMES_OF_A_BOOKING = frozenset({MY_BOOKING, OPENING_HOURS, "changing_a_booking"})
# A time asked to be free, open: "is that free?", "is 7 free", "is 7pm available".
_A_TIME_FREE = re.compile(
    r"\b(?:is|are|'s)\s+(?:that|it|this|they|there|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\s+(?:one\s+|time\s+)?"
    r"(?:free|available|open|taken|still free)\b",
    re.IGNORECASE,
)
# The hours asked in so many words: "are you open saturdays?", "what time do you close?".
_ASKS_THE_HOURS = re.compile(
    r"\b(?:open|opening|opens|close|closing|closes|closed|hours)\b", re.IGNORECASE
)


def _a_time_wished(found: knowledge.Found | None, text: str) -> bool:
    """Whether a question read as about the opening hours names a time and asks nothing of
    the hours in words ("so wednesday at 4?", "can u do saturday??"), or asks what is free
    at a part of the day: a time wished for."""
    if asks_what_is_free(text):
        return True  # "anything after lunch?": a time, not what to do after needling
    if found and A_CLOCK.search(text) and found.score < knowledge.CLOSE:
        # "yes. can i do after work, like 6pm?": a time, whatever topic is only near it
        # (outside run 107 p01: when people go back to work after needling).
        return True
    return bool(
        found
        and found.topic == OPENING_HOURS
        and names_a_time(text)
        and not _ASKS_THE_HOURS.search(text)
    )


def answer_if_known(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    only_if_close: bool = False,
    booking: bool = False,
) -> bool:
    """Answers a question asked alongside a pain ("...is that the kind of thing you
    needle?") when the clinic's file has the answer; says nothing otherwise. With
    `only_if_close`, only a topic found clearly (beside advice, a guess is worse than
    nothing; near is enough for one the patient says was asked before) and never the
    booking look-up; with `booking` (a booking under way), never the booking's times."""
    text = tracker.latest_message.get("text") or ""
    # "...book me in. is there parking"; "btw you never said whether needling helps".
    if not (knowledge.asks_somewhere(text) or knowledge.asked_again(text)):
        return False
    found = _found(tracker)
    again = knowledge.asked_again(text)
    # "haha no. ... So what about the cost and Aetna?": a question of its own after the
    # answer is asked plainly, near is enough (outside run 71 p03: unanswered).
    plainly = "?" in question_after_answer(text)
    least = knowledge.NEAR if again or plainly else knowledge.CLOSE
    if (booking and found and found.topic in _TIMES_OF_A_BOOKING) or _a_time_wished(found, text):
        # "is 9:30 ok?": the booking's own question; its other questions are answered ("Can
        # I come in with her? ...Mornings are best, maybe Friday?": outside run 125 w05).
        return _other_questions_answered(dispatcher, tracker)
    if only_if_close and (found is None or found.score < least or found.topic == MY_BOOKING):
        return False
    if booking and found and found.topic == "price" and _A_TIME_FREE.search(text):
        return False  # "did u get 7pm? is that free": free as in open (outside run 86 p04)
    if found and found.topic == MY_BOOKING and names_a_time(text) and not has_booking(tracker):
        # "...Can we come monday morning first thing?" told with the pain: a wish for a time,
        # not a booking to look up (outside run 61 p05: "I can look your booking up").
        return False
    if found and found.topic in _TIMES_OF_A_BOOKING and wants_a_booking(text):
        # "Can I book in for my lower back, Monday next week at 10am?": the booking's times
        # answer it (outside run 56: the opening hours came first).
        return _other_questions_answered(dispatcher, tracker)
    if found and found.topic == MY_SUMMARY and _said_the_summary(dispatcher, tracker):
        return True  # "before booking, what will you send the physio?": what is noted
    answer = _known_answer(found, latest_intent(tracker), tracker)
    if answer and answer in said_since_latest_message(tracker):
        return True  # answered already this turn, asked again or not
    if answer and said_before(tracker, answer) and not again:
        # Beside a pain it was a guess at the question, and it was answered already: the
        # same paragraph again would only be noise (outside run 17: three times); unless
        # the patient says it was not answered ("you never said whether...").
        return False
    if answer:
        dispatcher.utter_message(text=answer)
        for more in _further_answers(tracker, knowledge.clinic_values(), answer):
            dispatcher.utter_message(text=more)  # "how much is it n do u take insurance?"
    return bool(answer)


def _other_questions_answered(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The message's questions besides its main one answered (a time wished is the main
    one: "...can u do saturday??" told with the pain is kept for the offer, not the opening
    hours: outside run 77 p06); whether any was."""
    more = _further_answers(tracker, knowledge.clinic_values(), "")
    for answer in more:
        dispatcher.utter_message(text=answer)
    return bool(more)


def _said_the_summary(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Says what is noted of the pain, when something is: never "nothing is noted yet"
    beside it (outside run 73 p03: both, in one turn)."""
    intake = intake_from_tracker(tracker)
    if not intake.body_part:
        return False
    summary = summarise(intake, the_patient(tracker))
    said = [
        *said_since_latest_message(tracker),
        *(m.get("text") or "" for m in dispatcher.messages),
    ]
    if not any(summary in message for message in said):
        dispatcher.utter_message(response="utter_summary_again", summary=summary)
    # "...and the diabetes n pacemaker r on there?": what was told besides the pain too
    # (outside run 79 p06: "I don't know").
    held = contraindications.labels(sorted(tracker.get_slot("contraindications") or []))
    if held:
        dispatcher.utter_message(text=f"{contraindications.NOTED_TOO}{listed(held)}.")
    return True


def _booking_under_way(tracker: Tracker) -> bool:
    """Whether a booking is being made in this chat (offered, or the form asking) and none
    is made yet: "can I come tomorrow?" then wishes for a time."""
    offered = tracker.get_slot("consultation_offered") or (
        tracker.active_loop.get("name") == "booking_form"
        and tracker.get_slot("booking_task") in (None, "book")
    )
    return bool(offered) and not has_booking(tracker)


def _takes_the_offer(tracker: Tracker) -> bool:
    """Whether a question comes with a yes to the consultation offered, a time for it
    ("yes please, thursday after 5. is there parking?") or a booking asked for in words."""
    text = tracker.latest_message.get("text") or ""
    if not tracker.get_slot("consultation_offered") or declines_booking(text):
        return False
    if wants_a_booking(text):
        # "is it safe for me?? n i want the soonest appt u got": answered, and booked on,
        # whichever part the question's answer was found in.
        return True
    told = answer_before_question(text)
    return bool(told) and (
        answers.yes_or_no(told) is True or names_a_time(times_for_a_booking(told))
    )


def _start_booking(
    dispatcher: CollectingDispatcher, tracker: Tracker, task: str = BOOK
) -> list[dict[str, Any]]:
    """The events that start booking the consultation offered (or moving the one booked),
    and the form when ready."""
    started = start_task(task, dispatcher, tracker)
    ready = SlotSet("booking_readiness", "ready") in started
    return [*started, *([FollowupAction("booking_form")] if ready else [])]


def _follows(events: list[dict[str, Any]]) -> bool:
    return any(event.get("event") == "followup" for event in events)


def _my_booking(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """The day of the booking made (or found) in this chat; else, outside a form, the
    reference and contact check that finds it. Asked about the call, the call-back."""
    if asks_about_a_call(tracker.latest_message.get("text") or ""):
        told = tell_my_call(dispatcher, tracker)  # "is my call still on?"
        # The message's other questions, not the call's topics ("...and what should he bring?").
        values = knowledge.clinic_values()
        for more in _answers_to_topics(tracker, values, leaving_out=_ABOUT_A_CALL):
            dispatcher.utter_message(text=more)
        return told
    start = tracker.get_slot("booking_starts_at")
    reference = tracker.get_slot("booking_reference")
    if start and reference:
        moment = dt.datetime.fromisoformat(start)
        said_just_now = _last_bot_response(tracker) in (
            "utter_your_booking",
            "utter_your_booking_named",
            "utter_your_booking_again",
        )
        # The name it was booked under, not a name said since (a call for someone else).
        name = _booked_name(tracker, reference) or tracker.get_slot("patient_name")
        response = (
            "utter_your_booking_again"
            if said_just_now
            else "utter_your_booking_named"
            if name
            else "utter_your_booking"
        )
        dispatcher.utter_message(
            response=response, when=when(moment), reference=reference, name=name or ""
        )
        return []
    made_here = desk().store.for_conversation(tracker.sender_id)
    if made_here and made_here[-1].status != CONFIRMED:
        # Cancelled in this very chat: said so, not the look-up that cannot find it.
        gone = made_here[-1]
        dispatcher.utter_message(
            response="utter_cancelled_here",
            when=when(desk().local(gone.starts_at)),
            reference=gone.reference,
        )
        return []
    if tracker.active_loop.get("name") == "booking_form":
        # Mid-booking: how to look it up is said; the booking under way goes on.
        topic = knowledge.topic_named(MY_BOOKING)
        dispatcher.utter_message(text=knowledge.answer_text(topic, knowledge.clinic_values()))
        return []
    # Outside a form, or mid-intake (outside run 31: "when is my appointment?" was told to
    # wait for the intake's end, three times): the look-up now; what the intake heard is kept.
    return [*start_task(SHOW, dispatcher, tracker), FollowupAction("booking_form")]


def _booked_name(tracker: Tracker, reference: str) -> str | None:
    try:
        made = desk().store.for_conversation(tracker.sender_id)
    except SQLAlchemyError:
        return None
    return next((b.patient_name for b in made if b.reference == reference), None)


def _last_bot_response(tracker: Tracker) -> str | None:
    """The response name of the assistant's latest message, if it was one."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def _precautions_told(tracker: Tracker) -> set[str]:
    """The precautions held and those the latest message names."""
    return {
        *(tracker.get_slot("contraindications") or []),
        *entity_values(tracker, "contraindication"),
    }


def _further_answers(tracker: Tracker, values: dict[str, str], first: str) -> list[str]:
    """The answers to a message's other questions (`answer_topic` entities with the role
    "also"), each once."""
    return _answers_to_topics(tracker, values, first, with_main=False)


def _answers_to_topics(
    tracker: Tracker,
    values: dict[str, str],
    first: str = "",
    with_main: bool = True,
    leaving_out: frozenset[str] = frozenset(),
) -> list[str]:
    """The answers to the message's topics near enough (the "also" ones, and the main one
    `with_main`), each once, none the same as `first` nor of the topics `leaving_out`."""
    said = [first]
    # "...and can I be in the room?" from a teenager's parent: the answer for a patient
    # under 18 (outside run 79 p04: "Small children can come along").
    told = _precautions_told(tracker)
    for entity in tracker.latest_message.get("entities") or []:
        also = entity.get("role") == "also"
        if entity.get("entity") != "answer_topic" or not (also or with_main):
            continue
        found = knowledge.topic_for_now(_as_found(entity), _part_of_chat(tracker))
        if found is None or found.topic in leaving_out or found.score < knowledge.NEAR:
            continue
        topic = knowledge.topic_named(found.topic)
        answer = knowledge.answer_text(topic, values, told=told) if topic else None
        if answer and answer not in said:
            said.append(answer)
    return said[1:]


# What a question about the clinic's call reads near: answered by the call's own answer.
_ABOUT_A_CALL = frozenset({"phone", MY_BOOKING, "changing_a_booking"})


def _asking_intent(tracker: Tracker) -> str | None:
    """The message's intent; for a yes or no said before a question ("no. and how much is
    it?"), what the model heard the question as (next in its ranking), if it asks."""
    intent = latest_intent(tracker)
    if intent not in ("affirm", "deny"):
        return intent
    ranking = tracker.latest_message.get("intent_ranking") or []
    asked = [i.get("name") for i in ranking[1:3] if i.get("name") in ASKING]
    return asked[0] if asked else intent


def _found(tracker: Tracker) -> knowledge.Found | None:
    """The nearest topic the NLU found, with its score; a question about age answered for
    the patient's age where the conversation knows it."""
    # ...or told in this message: "she's 78... suitable for someone her age?" (outside run
    # 120 x7p05: the under-18s' answer).
    signs = set(tracker.get_slot("warning_signs") or []) | set(
        entity_values(tracker, "warning_sign")
    )
    young = "young_patient" in signs or "under_18" in (tracker.get_slot("contraindications") or [])
    older = bool(signs & {"aged_50_plus", "aged_65_plus"})
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "answer_topic" and entity.get("role") != "also":
            found = knowledge.topic_for_now(_as_found(entity), _part_of_chat(tracker))
            return knowledge.for_age(found, young, older) if found else None
    return None


def _as_found(entity: dict[str, Any]) -> knowledge.Found:
    return knowledge.Found(
        entity["value"], float(entity.get("confidence_entity") or 0), entity.get("otherwise") or ""
    )


def _part_of_chat(tracker: Tracker) -> str:
    """The part of the chat a topic may be only for (`Topic.only_during`)."""
    return "intake" if tracker.active_loop.get("name") == "intake_form" else ""


class ActionEnglishOnly(Action):
    """A message in another language: the chat is in English for now; the phone, and the
    emergency number (the safety rules can't read other languages either)."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_english_only"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Says so, with the phone and hours when the clinic has set them."""
        values = knowledge.clinic_values()
        response = "utter_english_only" if values["clinic_phone"] else "utter_english_only_no_phone"
        dispatcher.utter_message(response=response, **values)
        return []
