"""The action server's answers are checked as Rasa checks them, with the validator built once."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import addons  # noqa: F401 (installs the check)
from addons.action_results import validate_action_result

VALID = {
    "events": [{"event": "slot", "name": "side", "value": "left", "timestamp": None}],
    "responses": [{"text": "Which side?", "buttons": [{"title": "Left", "payload": "/x"}]}],
}
INVALID = (
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"responses": "hello"},
)


def test_rasa_uses_the_built_once_check() -> None:
    assert RemoteAction._validate_action_result is validate_action_result


def test_a_valid_answer_passes_as_in_rasa() -> None:
    jsonschema.validate(VALID, RemoteAction.action_response_format_spec())
    assert validate_action_result(RemoteAction("action_x", None), VALID) is True


@pytest.mark.parametrize("answer", INVALID)
def test_a_wrong_answer_is_refused_as_in_rasa(answer: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(answer, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
        validate_action_result(RemoteAction("action_x", None), answer)
