"""A short message with a booking reference answers the question for it."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.reference_heard import ReferenceHeard
from clinic.booking import is_reference_answer


@pytest.mark.parametrize(
    "text", ["it's k7p4qm", "K7P4QM", "my reference is x2c-9pd", "ref: 9QL E2J", "ah yes, hq7t4x"]
)
def test_a_reference_given_is_an_answer(text: str) -> None:
    assert is_reference_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "stop",
        "PLEASE",  # six letters, no digit: a word
        "212 555 0143",  # digits only: a phone number
        "i need to cancel booking K7P4QM because my back is worse today",  # more than that
    ],
)
def test_other_messages_are_not(text: str) -> None:
    assert not is_reference_answer(text)


def test_the_component_overrules_a_guess_and_keeps_the_rest() -> None:
    guessed = Message(
        data={
            "text": "it's fx9dke",
            "intent": {"name": "stop", "confidence": 0.5},
            "intent_ranking": [
                {"name": "stop", "confidence": 0.5},
                {"name": "inform", "confidence": 0.3},
            ],
        }
    )
    other = Message(data={"text": "stop", "intent": {"name": "stop", "confidence": 0.9}})
    ReferenceHeard().process([guessed, other])
    assert guessed.get("intent") == {"name": "inform", "confidence": 0.5}
    assert [i["name"] for i in guessed.get("intent_ranking")] == ["inform", "stop"]
    assert other.get("intent")["name"] == "stop"


@pytest.mark.parametrize("request_intent", ["cancel_booking", "reschedule_booking"])
def test_a_request_naming_its_reference_stays_a_request(request_intent: str) -> None:
    said = Message(data={"text": "ref P7KD2W, please cancel", "intent": {"name": request_intent}})
    ReferenceHeard().process([said])
    assert said.get("intent")["name"] == request_intent
