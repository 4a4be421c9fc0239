"""What the assistant says when no rule or form knows what to do with a message.

Rasa's own fallback asks the patient to say it again and takes the message back. A message
that closes with a goodbye ("yes thanks, bye" after the booking is made) is a goodbye:
asking to say it again would keep a patient who is leaving.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_facts import response_before_latest_message, said_since_latest_message
from clinic.safety import advice
from clinic.safety.answers import answer_before_closing

# A bare acknowledgement: "ok cool", "alright great", "got it", "perfect".
_ACKNOWLEDGED = re.compile(
    r"^\W*(?:ok(?:ay)?|k|alright|all right|right|cool|great|perfect|got it|sounds good|"
    r"fine|good|nice|awesome|brilliant|lovely)(?:\W+(?:ok(?:ay)?|cool|great|perfect|then|"
    r"thanks|good|nice))*\W*$",
    re.IGNORECASE,
)


# A short message that takes its leave, whatever it names: "Great, see you Thursday."
# (outside run 79 p08: "Sorry, I didn't quite understand" after the booking was moved).
_A_SHORT_GOODBYE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|great|lovely|perfect|cool|thanks|thank you|brilliant|good|super|"
    r"awesome|fab|nice)\W+)*(?:see (?:you|ya|u)|bye|goodbye|cya|talk soon|speak soon)\b"
    r"[\w\s,.!']{0,25}$",
    re.IGNORECASE,
)


class ActionDefaultFallback(Action):
    """Says goodbye to a message that ends with one; otherwise asks to say it again, and
    the second time in a row offers a person."""

    def name(self) -> str:
        """The action's name in the domain (it replaces Rasa's own)."""
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """The goodbye, or the default prompt with the message taken back; nothing when the
        message was answered already ("who do I talk to about my low mood?")."""
        if said_since_latest_message(tracker):
            return [FollowupAction("action_listen")]
        text = tracker.latest_message.get("text") or ""
        if answer_before_closing(text) or _A_SHORT_GOODBYE.match(text):
            dispatcher.utter_message(response="utter_goodbye")
            # Then listen: nothing else knows the message, so the fallback would come again.
            return [FollowupAction("action_listen")]
        if _ACKNOWLEDGED.match(text):
            # "ok cool" after an answer, nothing asked: taken in, not "didn't understand"
            # (outside run 73 p02).
            dispatcher.utter_message(text=advice.ANYTHING_ELSE)
            return [FollowupAction("action_listen")]
        # Not understood twice in a row: a person is offered too (a button).
        again = response_before_latest_message(tracker) in ("utter_default", "utter_default_person")
        dispatcher.utter_message(response="utter_default_person" if again else "utter_default")
        return [UserUtteranceReverted()]
