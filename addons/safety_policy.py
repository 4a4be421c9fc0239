"""Dialogue policy: safety goes first, whatever the forms and rules would do next.

The moments, read from the slots the safety check keeps (`actions/safety.py`):

1. **A direct safety question was just asked** (`direct_question` set after the patient's
   latest message): wait for the answer (`action_listen`). Nothing else is said, so the
   question is the last thing the patient reads.
2. **The patient answered it**: `action_resume_after_safety_question` picks up where the
   conversation was (the intake or the booking), or listens.
3. **A flag the latest message raised**: outside a form `action_red_flag_advice`, as for
   the `red_flag` intent, whatever intent the model heard (a fallback would take the
   message, and its flag, back); in a form the form, straight on (no side answer about
   needling after advice to see a doctor).
4. **After an emergency** (raised before the latest message): every message gets
   `action_emergency_follow_up`, which keeps the advice in front and answers questions in
   its light; no booking or needling talk follows. After urgent advice, a question about
   waiting or how serious it is gets the same action ("can I wait till tomorrow?"), and so
   does a doctor's visit already made.
5. **The message was answered in full** by what runs after every message (`turn_answered`
   set since it): wait for the next one; or that reading started a step (`next_step`, an
   action's name: a booking moved): that action.
6. **A contraindication named or asked about** ("is it safe for the baby?", "I'm on
   methotrexate"): `action_answer_precaution` says what it means for needling, once.

Otherwise it abstains and the other policies decide. Its priority is above RulePolicy's.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from clinic.safety import advice

EMERGENCY = "emergency"
URGENT = "urgent"
RESUME = "action_resume_after_safety_question"
FOLLOW_UP = "action_emergency_follow_up"
PRECAUTION = "action_answer_precaution"
RED_FLAG_ADVICE = "action_red_flag_advice"
DEFAULT_PRIORITY = 7
TURN_ANSWERED = "turn_answered"
NEXT_STEP = "next_step"
ASSESS = "action_assess_tdn_fit"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class SafetyFirstPolicy(Policy):
    """Waits for the answer to a safety question, resumes after it, follows an emergency."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Above RulePolicy (6), so that a form never talks over a safety question."""
        return {"priority": DEFAULT_PRIORITY}

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn: the policy reads the safety slots."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The safety action due now, or no opinion (all zeros)."""
        action = next_safety_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is not None:
            probabilities[domain.index_for_action(action)] = 1.0
        # Rasa lets a form's own next step ("no user" prediction) overrule every prediction
        # that reads the message: a precaution named mid-form ("I'm 25 weeks pregnant, is
        # that OK?") must compete with it, and wins by priority. (The other safety actions
        # reach a form through its rejection and the rules.) So must "is that serious?" after
        # urgent advice, which the advice answers before the form asks again.
        answers_in_form = action in (PRECAUTION, FOLLOW_UP) and tracker.active_loop_name is not None
        return self._prediction(probabilities, is_no_user_prediction=answers_in_form)


def next_safety_action(tracker: DialogueStateTracker) -> str | None:
    """The action safety calls for after the tracker's latest event, or None."""
    latest = tracker.latest_action_name
    in_form = bool(tracker.active_loop_name)
    if latest in (FOLLOW_UP, PRECAUTION) or (latest == RED_FLAG_ADVICE and not in_form):
        return ACTION_LISTEN_NAME
    if latest == RESUME and (not in_form or set_since_latest_message(tracker, "direct_question")):
        # Outside a form it has said what comes next (the offer again, "anything else?");
        # or it asked the question again, after the patient's own.
        return ACTION_LISTEN_NAME
    if latest == ASSESS and value_set_since_latest_message(tracker, NEXT_STEP) == ASSESS:
        return ACTION_LISTEN_NAME  # the verdict made again, its offer last (actions/safety.py)
    if latest != ACTION_LISTEN_NAME or tracker.latest_message is None:
        return None
    if not any(isinstance(e, UserUttered) for e in tracker.events):
        return None  # the greeting, before any message
    if set_since_latest_message(tracker, "direct_question"):
        return ACTION_LISTEN_NAME
    if set_since_latest_message(tracker, TURN_ANSWERED):
        # What runs after every message answered it in full (the name on a booking put
        # right): nothing the intent model heard in its words follows.
        return ACTION_LISTEN_NAME
    step = value_set_since_latest_message(tracker, NEXT_STEP)
    if step:
        # What runs after every message read what the message asks and started it (a
        # booking moved: "could we make it 3:30 instead?"), whatever intent the model heard.
        return step
    # A flag this message raised, whatever the model made of its words ("yes sometimes" to
    # "are you safe?" may read as a fallback, and a fallback takes the message back).
    raised = set(tracker.get_slot("red_flags") or []) - set(
        _slot_before_latest_message(tracker, "red_flags") or []
    )
    checked = _slot_before_latest_message(tracker, "doctor_checked") or (
        _slot_before_latest_message(tracker, "says_safe")
    )
    if tracker.get_slot("triage_level") == EMERGENCY and not checked:
        if _slot_before_latest_message(tracker, "triage_level") == EMERGENCY:
            return FOLLOW_UP
        # The message that raised it: the check has advised; a form ends by its rules.
        return tracker.active_loop_name if in_form else RED_FLAG_ADVICE
    text = tracker.latest_message.text or ""
    urgent_before = _slot_before_latest_message(tracker, "triage_level") == URGENT
    if urgent_before and (advice.asks_about_waiting(text) or advice.seen_by_doctor(text)):
        # "Can I wait till tomorrow?" after advice to see a doctor today, or "a doctor
        # x-rayed it on Tuesday".
        return FOLLOW_UP
    if _slot_before_latest_message(tracker, "direct_question"):
        return RESUME
    if raised:
        # Straight on: no answer to a side question ("what does needling feel like?")
        # follows advice to see a doctor.
        return tracker.active_loop_name if in_form else RED_FLAG_ADVICE
    if _precaution_due(tracker):
        return PRECAUTION
    return None


def _precaution_due(tracker: DialogueStateTracker) -> bool:
    """Whether the latest message names a contraindication not yet explained."""
    explained = set(tracker.get_slot("precautions_explained") or [])
    named = {
        e.get("value")
        for e in tracker.latest_message.entities
        if e.get("entity") == "contraindication" and e.get("role") != "denied"
    }
    return bool(named - explained)


def _events_since_latest_message(tracker: DialogueStateTracker) -> list[Any]:
    since = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        since.append(event)
    return since


def value_set_since_latest_message(tracker: DialogueStateTracker, slot: str) -> Any:
    """The value `slot` was last set to since the latest message, or None."""
    for event in _events_since_latest_message(tracker):
        if isinstance(event, SlotSet) and event.key == slot:
            return event.value
    return None


def set_since_latest_message(tracker: DialogueStateTracker, slot: str) -> bool:
    return any(
        isinstance(e, SlotSet) and e.key == slot and e.value
        for e in _events_since_latest_message(tracker)
    )


def _slot_before_latest_message(tracker: DialogueStateTracker, slot: str) -> Any:
    seen_message = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen_message = True
        elif seen_message and isinstance(event, SlotSet) and event.key == slot:
            return event.value
    return None
