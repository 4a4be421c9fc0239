"""The running product's secrets and doors (issue 24): the Rasa API token is on no command
line, and only Rasa can call the action server."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import psutil
import pytest

from tests.running_assistant import ACTION_SERVER_TOKEN, Assistant

pytestmark = pytest.mark.e2e


def test_no_process_shows_a_secret_on_its_command_line(assistant: Assistant) -> None:
    assert assistant.process is not None
    started = psutil.Process(assistant.process.pid)
    processes = [started, *started.children(recursive=True)]
    assert len(processes) >= 5  # the action server, Rasa, the notices, retention, the web
    for process in processes:
        shown = " ".join(process.cmdline())
        assert assistant.token not in shown, shown
        assert ACTION_SERVER_TOKEN not in shown, shown
    # The token still guards Rasa's API.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{assistant.url}/conversations/x/tracker", timeout=10)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"{assistant.url}/status?token={assistant.token}", timeout=10):
        pass


def call_action_server(assistant: Assistant, headers: dict[str, str]) -> int:
    body = {"next_action": "action_ask_booking_confirmed", "sender_id": "intruder",
            "version": "3.6.21",
            "tracker": {"sender_id": "intruder", "slots": {}, "latest_message": {},
                        "events": [], "paused": False, "latest_event_time": None,
                        "followup_action": None, "active_loop": {},
                        "latest_action_name": None},
            "domain": {}}  # fmt: skip
    request = urllib.request.Request(
        f"{assistant.action_url}/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_only_rasa_can_run_an_action(assistant: Assistant) -> None:
    assert call_action_server(assistant, {}) == 401
    assert call_action_server(assistant, {"X-Action-Token": "a guess"}) == 401
    assert call_action_server(assistant, {"X-Action-Token": ACTION_SERVER_TOKEN}) == 200
    # Rasa itself has the token: a whole message still gets its answer.
    assert assistant.say("door-check", "my neck hurts")


def test_only_the_web_server_can_write_into_a_conversation(assistant: Assistant) -> None:
    """Found by the attack re-run (session 14): with a conversation id from the bookings
    CSV, anyone on the machine could post into that patient's chat through Rasa's port."""
    body = json.dumps({"sender": "chat-someones-conversation", "message": "cancel it"}).encode()
    for headers in ({}, {"X-Channel-Token": "a guess"}):
        request = urllib.request.Request(
            f"{assistant.url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json", **headers},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 401
    events = assistant.tracker("chat-someones-conversation", assistant.token)["events"]
    assert [e for e in events if e["event"] == "user"] == []
    assert assistant.say("channel-check", "my neck hurts")  # with the secret: answered
