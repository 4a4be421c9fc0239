"""A form never asks its next question over a safety question asked in the same turn.

The safety check runs on every message before the form (`actions/every_message.py`). When
it asks a direct safety question ("Did the headache come on suddenly...?") and the message
also answered the form's question ("throbbing, worst headache of my life"), Rasa's form
would ask its next one too, and a patient's "no" then lands on the wrong question (outside
run 10). The form keeps its requested slot and asks it once the safety answer is in
(`action_resume_after_safety_question` resumes the form). A safety question set as the form
starts, when Rasa reads the message once more and drops what that reading says, is said
here instead: no turn ends in silence.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.forms import FormAction
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.safety_policy import set_since_latest_message
from clinic import patient, safety

_ask_for_slot = FormAction._ask_for_slot
_YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


async def _ask_unless_a_safety_question_waits(
    self: FormAction, domain: Any, nlg: Any, output_channel: Any, slot_name: str,
    tracker: DialogueStateTracker,
) -> list[Any]:  # fmt: skip
    if set_since_latest_message(tracker, "direct_question"):
        if _said_since_latest_message(tracker):
            return []
        # Set as the form started (Rasa reads the message once more then, and drops what
        # that reading says): the question is said here, never left unsaid.
        question = safety.question_named(tracker.get_slot("direct_question") or "")
        if question is not None:
            said = (e.text or "" for e in tracker.events if isinstance(e, UserUttered))
            text = patient.asked_of(question.text, patient.written_of(said))
            return [BotUttered(text, {"buttons": _YES_NO})]
        return []
    return await _ask_for_slot(self, domain, nlg, output_channel, slot_name, tracker)


def _said_since_latest_message(tracker: DialogueStateTracker) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered):
            return True
    return False


def install() -> None:
    FormAction._ask_for_slot = _ask_unless_a_safety_question_waits
