"""Safety on every message: red flags, triage level, contraindications, and what to say.

`action_validate_slot_mappings` runs after every patient message, whatever the dialogue
does next (Rasa calls it from `action_extract_slots`). It keeps the conversation's
warning signs and contraindications, works out the red flags and `triage_level`, and gives
the advice as soon as a flag is raised: by this message, by a yes in the screen, or by a
sign said now together with one said earlier. The `red_flag` intent's rule then runs
`action_red_flag_advice`, which only follows up.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_facts import entity_values, latest_intent, value_before_latest_message
from clinic import advice, contraindications, safety, settings
from clinic.red_flags import EMERGENCY, URGENT, ScreenQuestion

RED_FLAG_INTENT = "red_flag"
# A `red_flag` the model predicted where the rules found nothing: a doctor today, to be safe.
MODEL_ONLY_FLAG = safety.RedFlag("possible_red_flag", URGENT)
SCREEN_SLOT = "red_flag_screen"


def safety_events(tracker: Tracker) -> tuple[dict[str, Any], list[str], str | None]:
    """The slot values after the latest message, the new flags, and the level they reach."""
    said = set(entity_values(tracker, "warning_sign"))
    denied = set(entity_values(tracker, "warning_sign", denied=True))
    answer = _screen_answer(tracker)
    if answer is not None:
        sign, yes = answer
        (said if yes else denied).add(sign)

    signs = sorted(set(tracker.get_slot("warning_signs") or []) | said)
    denied_signs = sorted((set(tracker.get_slot("denied_signs") or []) | denied) - set(signs))
    model_only = latest_intent(tracker) == RED_FLAG_INTENT and not safety.red_flags_for(said)
    flags = current_flags(tracker, signs, model_only)

    before = list(tracker.get_slot("red_flags") or [])
    new_flags = [flag for flag in flags if flag.code not in before]
    codes = before + [flag.code for flag in new_flags]
    level = safety.more_urgent(tracker.get_slot("triage_level"), safety.triage_level(flags))

    cis = set(tracker.get_slot("contraindications") or []) | set(
        entity_values(tracker, "contraindication")
    )
    denied_cis = set(tracker.get_slot("denied_contraindications") or []) | set(
        entity_values(tracker, "contraindication", denied=True)
    )
    values = {
        "warning_signs": signs,
        "denied_signs": denied_signs,
        "red_flags": codes,
        "triage_level": level,
        "contraindications": sorted(cis),
        "denied_contraindications": sorted(denied_cis - cis),
    }
    # Every flag is urgent or an emergency, so a new one always calls for advice.
    new_codes = [flag.code for flag in new_flags if flag.level == level]
    return values, new_codes, level if new_flags else None


def advise(dispatcher: CollectingDispatcher, level: str, codes: list[str]) -> None:
    """Tells the patient what to do now."""
    text = advice.red_flag_advice(level, codes, settings.emergency_number(), settings.crisis_line())
    dispatcher.utter_message(text=text)


def _screen_answer(tracker: Tracker) -> tuple[str, bool] | None:
    """The sign a yes or no answers, when the latest message answers a screen question."""
    if tracker.active_loop.get("name") != "intake_form":
        return None
    if tracker.get_slot("requested_slot") != SCREEN_SLOT:
        return None
    question = safety.question_named(tracker.get_slot("screen_question") or "")
    intent = latest_intent(tracker)
    if question is None or intent not in ("affirm", "deny"):
        return None
    return question.sign, intent == "affirm"


class ActionCheckSafety(Action):
    """The check on every message (Rasa runs it as `action_validate_slot_mappings`).

    It gives the advice itself, at once, whatever the dialogue does next: a form that the
    message also answers would otherwise carry on before any rule could speak.
    """

    def name(self) -> str:
        """Rasa's name for the action it runs after every user message."""
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Sets the safety slots that changed; advises when a flag was raised."""
        values, new_codes, level = safety_events(tracker)
        if level:
            advise(dispatcher, level, new_codes)
            if level == URGENT and tracker.active_loop.get("name") == "intake_form":
                dispatcher.utter_message(text=advice.CARRY_ON_AFTER_URGENT)
        # An empty list and an unset slot are the same: no event for them.
        return [
            SlotSet(slot, value)
            for slot, value in values.items()
            if (value or None) != (tracker.get_slot(slot) or None)
        ]


class ActionRedFlagAdvice(Action):
    """Follows up a `red_flag` message outside the intake.

    The safety check has already advised on a newly raised flag; this adds, after urgent
    advice, that the patient may still describe their pain, and repeats the advice when
    the message raised nothing new ("I still can't pee").
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_red_flag_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Repeats the advice when nothing new was raised; invites details after urgent."""
        level = tracker.get_slot("triage_level")
        if level not in (EMERGENCY, URGENT):
            level = URGENT
        before = value_before_latest_message(tracker, "red_flags") or []
        raised_now = set(tracker.get_slot("red_flags") or []) - set(before)
        if not raised_now:
            flags = [flag.code for flag in current_flags(tracker) if flag.level == level]
            advise(dispatcher, level, flags)
        if level == URGENT and tracker.active_loop.get("name") != "intake_form":
            dispatcher.utter_message(text=advice.DESCRIBE_AFTER_URGENT)
        return []


def current_flags(
    tracker: Tracker, signs: list[str] | None = None, model_only: bool = False
) -> list[safety.RedFlag]:
    """The conversation's red flags with their levels: from `signs` (default: the signs the
    tracker holds) with the intake as context, plus the model's own flag if it raised one."""
    if signs is None:
        signs = tracker.get_slot("warning_signs") or []
    flags = safety.red_flags_for(set(signs) | _context(tracker))
    if model_only or MODEL_ONLY_FLAG.code in (tracker.get_slot("red_flags") or []):
        flags.append(MODEL_ONLY_FLAG)
    return flags


def _context(tracker: Tracker) -> set[str]:
    return safety.context_signs(
        tracker.get_slot("body_part"),
        tracker.get_slot("pain_quality"),
        tracker.get_slot("radiates_to"),
    )


class ActionAnswerAftercare(Action):
    """What to expect after needling, and when to get help (with the emergency number)."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_answer_aftercare"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the after-care answer."""
        dispatcher.utter_message(
            text=advice.AFTER_NEEDLING.format(number=settings.emergency_number())
        )
        return []


def open_screen_questions(tracker: Tracker) -> list[ScreenQuestion]:
    """The screen questions still to ask: not answered, not said already, not skipped."""
    skipped = {
        name.removeprefix("screen:")
        for name in tracker.get_slot("intake_skipped") or []
        if name.startswith("screen:")
    }
    questions = safety.screen_questions(
        tracker.get_slot("body_part"),
        tracker.get_slot("radiates_to"),
        said=tracker.get_slot("warning_signs") or [],
        denied=tracker.get_slot("denied_signs") or [],
    )
    return [question for question in questions if question.name not in skipped]


YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
SCREEN_INTRO = "Now a few quick yes/no questions, to check that nothing needs a doctor first."


class ActionAskRedFlagScreen(Action):
    """Asks the next question of the red-flag screen, with Yes and No buttons."""

    def name(self) -> str:
        """The form's ask action for `red_flag_screen`."""
        return "action_ask_red_flag_screen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the question and remembers which one it was."""
        questions = open_screen_questions(tracker)
        if not questions:
            return []
        if tracker.get_slot("screen_question") is None:
            dispatcher.utter_message(text=SCREEN_INTRO)
        dispatcher.utter_message(text=questions[0].text, buttons=YES_NO)
        return [SlotSet("screen_question", questions[0].name)]


class ActionAskContraindicationScreen(Action):
    """Asks the contraindication checklist, or which ones after a plain "yes"."""

    def name(self) -> str:
        """The form's ask action for `contraindication_screen`."""
        return "action_ask_contraindication_screen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Dispatches the checklist with buttons, or the follow-up question."""
        answered_yes = (
            tracker.get_slot("requested_slot") == "contraindication_screen"
            and latest_intent(tracker) == "affirm"
        )
        if answered_yes:
            dispatcher.utter_message(text=contraindications.WHICH_ONES)
            return []
        dispatcher.utter_message(
            text=contraindications.QUESTION,
            buttons=[
                {"title": "None of these", "payload": "/deny"},
                {"title": "Yes, one or more", "payload": "/affirm"},
            ],
        )
        return []
