"""The intake form: asks only what is still unknown and checks every answer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.safety import (
    A_PERSON,
    about_safety,
    corrected_now,
    open_screen_questions,
    undo_for_safety_answer,
)
from actions.tracker_facts import (
    emergency_open,
    entity_values,
    facts_changed,
    has_booking,
    intake_from_tracker,
    latest_intent,
    leaves_with_an_answer,
    said_lately,
    stood_down,
    value_before_latest_message,
)
from clinic import parsing, vocabulary
from clinic.booking import wants_a_booking
from clinic.care import intake_state
from clinic.intake import (
    MOVING_ON,
    MOVING_ON_AGAIN,
    answer_before_question,
    is_unsure,
    questions_to_ask,
)
from clinic.knowledge import is_a_statement
from clinic.preferred_time import (
    names_a_time,
    times_for_a_booking,
    with_the_time_wished_before,
)
from clinic.safety import contraindications
from clinic.safety.answers import answer_before_closing, yes_or_no
from clinic.safety.red_flags import EMERGENCY, ROUTINE

# After this many unusable answers in a row the form moves on (and says so).
MAX_FAILED_ATTEMPTS = 2
# The intake's own questions (the screens are validated below).
QUESTIONS = (
    "body_part", "side", "pain_quality", "pain_radiates", "radiates_to", "pain_duration",
    "pain_severity",
)  # fmt: skip
# A corrected fact is said back so the patient sees it was understood.
SAID_BACK = (
    "body_part", "side", "pain_quality", "radiates_to", "pain_duration", "pain_severity",
    "pain_sites",
)  # fmt: skip
# Intents with answers of their own (domain.yml's x-not-an-answer): never a form's answer.
NOT_AN_ANSWER = frozenset(
    {
        "greet", "goodbye", "thanks", "bot_challenge", "human_handoff", "request_callback",
        "cancel_callback", "stop",
        "request_booking", "ask_what_is_tdn", "ask_does_it_hurt", "ask_side_effects",
        "ask_sessions", "ask_how_soon", "ask_who_does_it", "ask_vs_acupuncture", "ask_cost",
        "ask_aftercare", "ask_clinic", "ask_my_booking", "nothing_said", "other_language",
        "reschedule_booking", "cancel_booking",
        "red_flag",
    }
)  # fmt: skip
# Asking for a person or a call has its own path, also said with an answer ("No, it stays
# there. Could someone ring me instead?"): the answer is kept, the request taken.
FOR_A_PERSON = A_PERSON | {"cancel_callback"}
# A red flag said with an answer ("5 or 6, worse at night") is advised on by the safety
# check, and the answer to the pain's question still counts.
NOT_A_FACT = NOT_AN_ANSWER - {"red_flag"}
# What the intake knows is not changed by an answer to a safety question: "the last few days
# I need to go but barely anything comes out" answers the bladder question, not how long.
SCREEN_SLOTS = ("red_flag_screen", "contraindication_screen")

Slots = dict[str, Any]


class ValidateIntakeForm(FormValidationAction):
    """Validates `intake_form`; the questions asked depend on what the patient said."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "validate_intake_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The questions that apply to this patient; answers to all of them are validated,
        skipped ones included, so a late answer still counts.

        The pain is described first (where, side, feel, spread, how long, how bad), then
        the red-flag screen for every place it hurts, then the contraindication checklist,
        before any recommendation; the safety rules read every message all along. After an
        emergency flag nothing more is asked.
        """
        if emergency_open(tracker):
            return []
        if has_booking(tracker):
            return []  # booked: what is said now goes into the notes (action_assess_tdn_fit)
        if tracker.get_slot("other_complaint") and not tracker.get_slot("body_part"):
            return []  # a wart, a toothache: who can help, not a pain intake (assessment)
        if tracker.get_slot("booking_first"):
            # Only booking: where it hurts, its red-flag screen and the contraindication
            # checklist (one turn) come before the times; the rest waits for the consultation.
            screen = tracker.get_slot("red_flag_screen") is not None or open_screen_questions(
                tracker
            )
            return ["body_part", *(["red_flag_screen"] * bool(screen)), "contraindication_screen"]
        questions = questions_to_ask(intake_from_tracker(tracker))
        if not questions:
            return []
        if tracker.get_slot("red_flag_screen") is not None or open_screen_questions(tracker):
            questions.append("red_flag_screen")
        return [*questions, "contraindication_screen"]

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The first open question that was not skipped; none left ends the form.

        The contraindication checklist is asked even when one was named on the way ("I'm
        scared of needles, does it hurt?"): one named is not the others ruled out.
        """
        if leaves_with_an_answer(tracker) and not emergency_open(tracker):
            return SlotSet("requested_slot", None)  # the assessment says goodbye instead
        skipped = set(tracker.get_slot("intake_skipped") or [])
        questions = await self.required_slots([], dispatcher, tracker, domain)
        missing = (q for q in questions if tracker.get_slot(q) is None and q not in skipped)
        following = next(missing, None)
        if following is None and questions and tracker.get_slot("direct_question"):
            # A safety question waits for its answer: the summary and the offer come after
            # it, or "ya book me" would answer it (outside run 14). The screen is asked for
            # once more, in silence; its answer ends the form.
            return SlotSet("requested_slot", "red_flag_screen")
        return SlotSet("requested_slot", following)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Validates the screens' answers; an intake question the message did not answer is
        asked again more clearly, or left after repeated failures, "skip" or "no idea".

        The intake facts themselves were read from the message by `intake_events`. A
        message that answered a direct safety question, or asked about advice just given
        ("can I wait?"), answers none of the form's questions: what it put in the screens'
        slots is undone and the form asks its question again.
        """
        if emergency_open(tracker):
            # Raised by this message, the advice given: the form ends without a word more
            # (a rejected form would let a fallback talk over the advice).
            return [SlotSet("failed_attempts", 0)]
        if about_safety(tracker) and not _checklist_answered_beside(tracker):
            events = undo_for_safety_answer(tracker, SCREEN_SLOTS)
            if corrected_now(tracker):
                # A withdrawn yes reopens the screen: its other questions are still to come.
                events = [e for e in events if e.get("name") != "red_flag_screen"]
                events.append(SlotSet("red_flag_screen", None))
            return events
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if latest_intent(tracker) in FOR_A_PERSON:
            # Rasa's manual rejection: what was read is kept, no next question is asked, and
            # the rules take the request for a person or a call.
            return [*events, ActionExecutionRejected(self.form_name())]
        asked = tracker.get_slot("requested_slot")
        if (
            asked == "contraindication_screen"
            and latest_intent(tracker) == "red_flag"
            and contraindications.says_none(_first_sentence(tracker))
        ):
            # "none of those. tho she's been soaking the sheets at night": the list's no
            # stands beside the sign (outside run 108 p08: "Please answer this one").
            answered = _none_or_reported(tracker)
            return [*events, SlotSet(asked, answered), SlotSet("failed_attempts", 0)]
        if asked not in QUESTIONS:
            return events
        if tracker.get_slot(asked) is not None:
            return [*events, SlotSet("failed_attempts", 0)]
        if latest_intent(tracker) in NOT_AN_ANSWER:
            # A question of the patient's own, or a sign (advised on): the question stays
            # open.
            return events
        if facts_changed(tracker):
            # Another fact ("it's only the lower back"): the question stays open, and the
            # form goes on rather than letting a fallback undo what was put right.
            return [*events, SlotSet("failed_attempts", tracker.get_slot("failed_attempts") or 0)]
        unanswered = self._unanswered(asked, dispatcher, tracker)
        return [*events, *(SlotSet(slot, value) for slot, value in unanswered.items())]

    def validate_red_flag_screen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A yes or no to the screen question just asked (the safety check has recorded it).

        The screen is done when no question is left; until then the next one is asked.
        """
        if tracker.get_slot("triage_level") == EMERGENCY and not stood_down(tracker):
            return {"red_flag_screen": True}
        remaining = [q.name for q in open_screen_questions(tracker)]
        asked = tracker.get_slot("screen_question")
        if asked in remaining and tracker.get_slot("requested_slot") == "red_flag_screen":
            # Neither yes nor no: the safety check noted it and the question is asked again,
            # more plainly; a second "not sure" counts as possible. Never skipped.
            return {"red_flag_screen": None, "failed_attempts": 0}
        if remaining:
            return {"red_flag_screen": None, "failed_attempts": 0}
        return {
            "red_flag_screen": True,
            "triage_level": tracker.get_slot("triage_level") or ROUTINE,
            "failed_attempts": 0,
        }

    def validate_contraindication_screen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """Which of the checklist applies: "reported", "none", or "unclear" after two tries."""
        if tracker.get_slot("requested_slot") != "contraindication_screen":
            # Answered before (the form starts again for a fact told after the offer): kept,
            # so the checklist is not asked twice; a value from another question is not.
            kept = value_before_latest_message(tracker, "contraindication_screen")
            return {"contraindication_screen": kept if kept == value else None}
        if value in ("none", "reported") and latest_intent(tracker) in NOT_AN_ANSWER:
            return {"contraindication_screen": value}  # read before a question (intake_events)
        text = tracker.latest_message.get("text") or ""
        # Came to book and named a time here ("tuesday at 3 then"): kept for the offer.
        wished = (
            {"wished_time": text}
            if tracker.get_slot("booking_first") and names_a_time(text)
            else {}
        )
        # ...or one read from the checklist's own words ("I nearly fainted at my first
        # session": its fainting line), held since this message.
        newly_held = set(tracker.get_slot("contraindications") or []) - set(
            value_before_latest_message(tracker, "contraindications") or []
        )
        if entity_values(tracker, "contraindication") or newly_held:
            if not value_before_latest_message(tracker, "contraindications") and not (
                _ALL_SAID.search(text)
            ):
                # "Pacemaker" to the whole list: the others once more, in short ("You've
                # told me about: a pacemaker... any others?"), as people forget the one
                # that matters most (outside run 16: a blood thinner said at the very end).
                return {"contraindication_screen": None, "failed_attempts": 0, **wished}
            return {"contraindication_screen": "reported", "failed_attempts": 0, **wished}
        intent = latest_intent(tracker)
        if wished and intent != "deny" and not contraindications.says_none(text):
            dispatcher.utter_message(response="utter_time_kept_for_later")
            return {"contraindication_screen": None, **wished}
        if wished:
            return {"contraindication_screen": "none", "failed_attempts": 0, **wished}
        if contraindications.nervous_of_needles(text) or contraindications.fear_said_mild(text):
            # "Only the fear a little. I never fainted": the list's first line, said small
            # (outside run 85 p04: "Please answer this one before we go on").
            # Nerves, not a phobia (the phobia is an entity, above): a kind word, and the
            # list counts as answered.
            dispatcher.utter_message(text=contraindications.MILD_NERVES)
            return {"contraindication_screen": _none_or_reported(tracker), "failed_attempts": 0}
        if intent == "deny" or contraindications.says_none(text):
            # "None of the others" after one was named on the way; "I'm 44, not a teenager!
            # None of those other things apply" said in a longer answer.
            return {"contraindication_screen": _none_or_reported(tracker), "failed_attempts": 0}
        if intent == "affirm":
            # The ask action now asks which ones.
            return {"contraindication_screen": None, "failed_attempts": 0}
        if facts_changed(tracker):
            # "Actually it's more tight than aching": said back, then the list once more,
            # without a word about not recognising it.
            return {"contraindication_screen": None}
        attempts = _another_try(value, tracker)
        if attempts is None:
            dispatcher.utter_message(text=contraindications.PHYSIO_WILL_CHECK)
            return {"contraindication_screen": "unclear", "failed_attempts": 0}
        dispatcher.utter_message(text=contraindications.NOT_RECOGNISED)
        return {"contraindication_screen": None, "failed_attempts": attempts}

    def _unanswered(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """Count an unusable answer (the question is asked again, more clearly, by its ask
        action), or move on after repeated failures, an "I don't know" or "skip"."""
        skipped = list(tracker.get_slot("intake_skipped") or [])
        text = tracker.latest_message.get("text") or ""
        attempts = _another_try(text, tracker)
        if attempts is None:
            # Said once; a second question left soon after gets a shorter word.
            dispatcher.utter_message(text=MOVING_ON_AGAIN if skipped else MOVING_ON)
            return {slot: None, "intake_skipped": [*skipped, slot], "failed_attempts": 0}
        return {slot: None, "failed_attempts": attempts}


class AskIntakeQuestion(Action):
    """Asks an intake question; asked again, it is worded differently, never repeated.

    After an unusable answer the question comes with what kind of answer helps
    (`utter_ask_<slot>_unclear`); after the patient's own question or another fact, plainly
    again (`utter_ask_<slot>_again`).
    """

    slot = ""

    def name(self) -> str:
        """`action_ask_<slot>`: Rasa's form calls it to ask for the slot."""
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Sends the question's response by name (the wording is in domain.yml)."""
        response = f"utter_ask_{self.slot}"
        if tracker.get_slot("failed_attempts"):
            response += "_unclear"
        elif value_before_latest_message(tracker, "requested_slot") == self.slot:
            response += "_again"
            if said_lately(tracker, response, turns=2):
                # Asked again just before: a word that it is still open, not the same line
                # a third time (issue 23: nothing repeated within three turns).
                response = "utter_question_still_open"
        elif len([q for q in _intake_questions_asked(tracker) if q != self.slot]) == WHY_AFTER:
            # Three questions in a row: the fourth comes with why they are asked.
            dispatcher.utter_message(response="utter_why_these_questions")
        dispatcher.utter_message(response=response)
        return []


WHY_AFTER = 3


def _intake_questions_asked(tracker: Tracker) -> list[str]:
    """The intake questions asked so far in this conversation, in order, each once."""
    asked = [
        event.get("value")
        for event in tracker.events
        if event.get("event") == "slot" and event.get("name") == "requested_slot"
    ]
    return list(dict.fromkeys(slot for slot in asked if slot in QUESTIONS))


# One ask action per intake question (the action server finds them as subclasses).
ASK_ACTIONS = tuple(
    type(f"Ask{slot.title().replace('_', '')}", (AskIntakeQuestion,), {"slot": slot})
    for slot in QUESTIONS
)


def _first_sentence(tracker: Tracker) -> str:
    """The latest message's first sentence ("none of those." of a longer message)."""
    text = tracker.latest_message.get("text") or ""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def _checklist_answered_beside(tracker: Tracker) -> bool:
    """Whether a message that asks about the advice ("my doctor's closed, can I just book?")
    answers the needling checklist too, in words of its own ("none of those", "I take
    warfarin"): kept (outside run 88 p01 got "Which ones?"). A yes or no to a direct safety
    question still answers that question only."""
    if value_before_latest_message(tracker, "direct_question"):
        return False
    if tracker.get_slot("requested_slot") != "contraindication_screen":
        return False
    text = tracker.latest_message.get("text") or ""
    return contraindications.says_none(text) or bool(entity_values(tracker, "contraindication"))


def _another_try(value: Any, tracker: Tracker) -> int | None:
    """The count of unusable answers in a row including this one, or None to move on
    (after an "I don't know", or too many tries)."""
    attempts = int(tracker.get_slot("failed_attempts") or 0) + 1
    if is_unsure(str(value)) or attempts >= MAX_FAILED_ATTEMPTS:
        return None
    return attempts


# "Only the pacemaker", "that's all", "nothing else": the list answered whole.
_ALL_SAID = re.compile(
    r"\b(?:only|just|that'?s (?:all|it)|nothing (?:else|other|more)|none else|no others?|no other"
    r"|the rest no|nothing besides|apart from (?:that|this) (?:no|none|nothing)"
    r"|otherwise (?:no|none|nothing))\b",
    re.IGNORECASE,
)


_ASKED_BACK_WORDS = 5


def answer_asked_back(asked: str | None, text: str) -> bool:
    """Whether a short message with question marks is the answer to the intake's question
    said as a question or in surprise ("6 hrs?? omg", "left?", "7??")."""
    # "throbbing I guess? she also complains her jaw gets tired...": the first sentence is
    # the answer, said unsure, whatever follows (outside run 95 p04: "I said throbbing").
    text = text.split("?", 1)[0] + "?" if "?" in text else text
    if "?" not in text or len(re.findall(r"[\w']+", text)) > _ASKED_BACK_WORDS:
        return False
    plain = text.replace("?", " ")
    if asked == "pain_duration":
        return parsing.parse_duration(plain) is not None
    if asked == "pain_severity":
        return parsing.parse_severity(plain) is not None
    if asked == "side":
        return vocabulary.canonical("side", plain.strip(" !.")) is not None
    if asked == "pain_quality":
        return any(t.entity == "pain_quality" for t in vocabulary.find_terms(plain))
    return False


def intake_events(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """What the latest message tells of the pain, as slot events (run on every message).

    One rule for every message (`clinic.care.intake_state`): a known fact changes only when
    its question is answered or the patient corrects it, which is then said back. Nothing is
    read during booking ("3" is a time there) or from an answer to a safety question.
    """
    loop = tracker.active_loop.get("name")
    if loop == "booking_form":
        return _put_right_while_booking(tracker, dispatcher)
    if loop not in (None, "intake_form"):
        return []
    text = tracker.latest_message.get("text") or ""
    answers_safety = about_safety(tracker) and not _answered_first(tracker)
    if answers_safety and not intake_state.puts_right_in_words(text):
        # "No cancer. Can you still book Saturday morning?": no fact of the pain, but the
        # day wished for is kept for the offer. "No limp. Oh wait, it's the LEFT leg not
        # right" puts one right, read as in an answer to the screen (outside run 81 p05).
        # "None of those. Is it ok to wait for my oncologist?": the checklist's answer too.
        beside = loop == "intake_form" and _checklist_answered_beside(tracker)
        answered = [SlotSet("contraindication_screen", _none_or_reported(tracker))] * beside
        return [*_came_to_book(tracker), *answered]
    if emergency_open(tracker):
        # After emergency advice a message speaks of the doctor ("a cardiologist saw me 10
        # days ago for this arm pain"), not of the pain: nothing is changed by it.
        return []
    intent = latest_intent(tracker)
    entities = tracker.latest_message.get("entities") or []
    # An answer to a safety question answers none of the intake's ("no" is no spreading).
    asked = (
        tracker.get_slot("requested_slot") if loop == "intake_form" and not answers_safety else None
    )
    yes = {"affirm": True, "deny": False}.get(intent or "")
    if intent and intent.startswith("ask_") and is_a_statement(text):
        intent = "inform"  # "yes to the back of the head": an answer, whatever the model heard
    if intent in NOT_A_FACT and answer_asked_back(asked, text):
        intent = "inform"  # "6 hrs?? omg": the answer, said in surprise (outside run 62 p05)
    if intent == "goodbye" and (said := answer_before_closing(text)):
        # "5. got to run now, bye": the answer before the goodbye counts.
        text, intent = said, "inform"
        entities = [e for e in entities if e.get("end", 0) <= len(said)]
    lead = answer_before_question(text) if intent in NOT_A_FACT else ""
    opening = re.split(r"[.!;]", lead, maxsplit=1)[0]  # "None of those. I'm a bit anxious..."
    if (
        asked == "contraindication_screen"
        and lead
        and False in (yes_or_no(lead), yes_or_no(opening))
    ):
        # "None. So is it a migraine?": the checklist answered, the question answered next.
        return [SlotSet("contraindication_screen", _none_or_reported(tracker))]
    if (
        asked == "contraindication_screen"
        and intent in NOT_AN_ANSWER
        and (contraindications.says_none(text) or _ALL_SAID.search(text))
        and entity_values(tracker, "contraindication")
    ):
        # "...lymph nodes out with the cancer surgery. nothing else": the list answered, the
        # flag it raised advised on (outside run 68 p04: the list again, "I SAID nothing else").
        return [SlotSet("contraindication_screen", "reported")]
    if (
        asked == "contraindication_screen"
        and intent in NOT_A_FACT
        and contraindications.nervous_of_needles(text)
        and not entity_values(tracker, "contraindication")
    ):
        # "well im kinda scared of needles lol. not like fainting tho. does it hurt?": the
        # list answered with nerves, the question answered next (outside run 63 p02: the
        # whole list again).
        dispatcher.utter_message(text=contraindications.MILD_NERVES)
        return [SlotSet("contraindication_screen", _none_or_reported(tracker))]
    if asked in QUESTIONS and lead:
        # "6. How much does it cost?": the answer is read from what precedes the question.
        text, yes = lead, yes_or_no(lead)
        entities = [e for e in entities if e.get("end", 0) <= len(lead)]
    elif asked not in QUESTIONS or intent in NOT_A_FACT:
        asked = None
    if yes is None and asked in intake_state.SPREAD_QUESTIONS:
        yes = intake_state.opening_yes_or_no(text)  # "No, just my neck and head. Since March."
    heard = intake_state.hear(text, entities, asked, yes)
    if (
        answers_safety
        or value_before_latest_message(tracker, "requested_slot") == "red_flag_screen"
    ):
        # "As I said, my bladder has been leaky the last two days" to the screen: its time
        # and its "as I said" are the sign's; what is new is kept, nothing known changes,
        # unless put right in so many words ("no. sorry, it's actually the LEFT shoulder").
        put_right = intake_state.puts_right_in_words(text)
        # "no I don't think so, just the left leg" or "my legs are fine apart from the right
        # one" to "pain in both legs?": the one leg answers the screen, nothing for the notes
        # (outside runs 96 and 97 p02: "back only", "not spreading").
        heard = replace(
            heard,
            correcting=put_right,
            said_not=heard.said_not if put_right else frozenset(),
            only_in=heard.only_in if put_right else (),
            not_painful=heard.not_painful if put_right else (),
        )
    values = _take_change(tracker, dispatcher, heard, asked)
    complaint = tracker.get_slot("other_complaint")
    taken_out = complaint and complaint in vocabulary.complaints_said_not_had(text)
    return [
        *(SlotSet(slot, value) for slot, value in values.items()),
        *([SlotSet("other_complaint", None)] if taken_out else []),
        *_came_to_book(tracker),
    ]


# What booking words cannot be mistaken for: where it hurts and on which side. A number
# ("5 not 6") is a time while booking.
_PLACE_FACTS = frozenset({"body_part", "side", "pain_sites", "site_sides", "radiates_to"})


def _put_right_while_booking(
    tracker: Tracker, dispatcher: CollectingDispatcher
) -> list[dict[str, Any]]:
    """A place or a side put right in so many words while booking ("12 works. oh and it's
    the left elbow actually, not the right"): taken and said back (outside run 69 p02:
    lost, the notes said the right side)."""
    text = tracker.latest_message.get("text") or ""
    if not intake_state.puts_right_in_words(text):
        return []
    entities = tracker.latest_message.get("entities") or []
    heard = replace(intake_state.hear(text, entities), correcting=True)
    values = _take_change(tracker, dispatcher, heard, None, keep=_PLACE_FACTS)
    return [SlotSet(slot, value) for slot, value in values.items()]


def _take_change(
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    heard: intake_state.Heard,
    asked: str | None,
    keep: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The facts `heard` changes (only those of `keep`, when given), a correction said back
    to the patient (one rule, `intake_state.update`)."""
    known = {slot: tracker.get_slot(slot) for slot in intake_state.FACTS}
    change = intake_state.update(known, heard, asked, _told_for_someone_else(tracker))
    values = {slot: v for slot, v in change.values.items() if keep is None or slot in keep}
    # Once each: "the left side and the left side" (outside run 77 p06: the side and a
    # place's side put right together).
    shown = list(dict.fromkeys(_shown(slot, values[slot]) for slot in change.corrected
                               if slot in values and slot in SAID_BACK))  # fmt: skip
    if change.put_first:
        place = vocabulary.display_name(change.put_first)
        dispatcher.utter_message(response="utter_main_place_changed", place=place)
    elif shown:
        dispatcher.utter_message(response="utter_changed_to", changed=" and ".join(shown))
    return values


def _answered_first(tracker: Tracker) -> bool:
    """Whether a message about the advice opens with the answer to the intake's question
    ("7. I have no insurance, how much is the needling?"): that answer is read."""
    asked = tracker.get_slot("requested_slot")
    text = tracker.latest_message.get("text") or ""
    return (
        not value_before_latest_message(tracker, "direct_question")
        and asked in QUESTIONS
        and bool(answer_before_question(text))
    )


def _told_for_someone_else(tracker: Tracker) -> bool:
    """Whether the writer tells of someone else's pain (a parent for a child): an earlier
    message named places, all of them told of someone else ("my son's knee hurts")."""
    for event in tracker.events[:-1]:
        if event.get("event") != "user":
            continue
        places = [
            entity
            for entity in (event.get("parse_data") or {}).get("entities") or []
            if entity.get("entity") == "body_part"
        ]
        if places:
            return all(entity.get("role") == intake_state.OTHERS for entity in places)
    return False


def _none_or_reported(tracker: Tracker) -> str:
    """The checklist's answer when the patient says none: "reported" if one was named on
    the way (none of the others), else "none"."""
    return "reported" if tracker.get_slot("contraindications") else "none"


def _came_to_book(tracker: Tracker) -> list[dict[str, Any]]:
    """A request to book said with the pain, before any assessment: only where it hurts
    and its red-flag screen are asked before the times (see actions.booking.start_task)."""
    text = tracker.latest_message.get("text") or ""
    asked = latest_intent(tracker) == "request_booking"
    # "...we'll take her to urgent care this afternoon": the day of a doctor's is no wish.
    said = times_for_a_booking(text)
    # "Now, Thursday please" after "Thursday afternoon": the afternoon kept (outside run 81).
    kept = with_the_time_wished_before(said, tracker.get_slot("wished_time"))
    wished = [SlotSet("wished_time", kept)] if names_a_time(said) else []
    if tracker.get_slot("booking_first") and (asked or wants_a_booking(text, asked)):
        # Came to book and asked again with a day ("can you still book Saturday morning?"):
        # kept for the offer (outside run 52: asked for again after the screen).
        return wished
    if (
        tracker.get_slot("booking_first")
        or tracker.get_slot("tdn_fit") is not None
        or latest_intent(tracker) in NOT_AN_ANSWER - {"request_booking"}
        or not wants_a_booking(text, asked)
    ):
        return []
    return [SlotSet("booking_first", True), *wished]


def _shown(slot: str, value: Any) -> str:
    """A corrected value as the patient reads it ("the right side", "7", "upper back")."""
    if value is None:  # a value taken off: "not the left", "not the foot"
        return {"side": "no particular side", "radiates_to": "not spreading"}.get(slot, "not known")
    if slot == "side" and value in ("left", "right"):
        return f"the {value} side"
    if slot == "pain_duration":
        return str(value)
    if slot == "pain_sites":  # places taken off: "the lower back only"
        return " and ".join(vocabulary.display_name(str(place)) for place in value) + " only"
    return vocabulary.display_name(str(value)) if isinstance(value, str) else f"{value:g}"
