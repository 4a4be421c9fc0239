"""What runs after every patient message, whatever the dialogue does next.

Rasa calls `action_validate_slot_mappings` from `action_extract_slots` after each message:
first the safety check (red flags, advice, direct questions), then the intake facts the
message gives, read by one rule.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.intake import intake_events
from actions.safety import check_safety


class ActionEveryMessage(Action):
    """The safety check, then the intake facts (Rasa's `action_validate_slot_mappings`)."""

    def name(self) -> str:
        """Rasa's name for the action it runs after every user message."""
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Slot events from both; the safety check speaks first."""
        return [*check_safety(dispatcher, tracker), *intake_events(tracker, dispatcher)]
