"""End to end: both servers started as `make run` starts them, a patient on the REST channel.

Needs the trained model (`make e2e` trains first). Uses free ports and a temporary SQLite
tracker store, so it never touches a running assistant or its data.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Assistant:
    """The running assistant, as a patient and the clinic's tools reach it."""

    def __init__(self, port: int, token: str, database: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.token = token
        self.database = database

    def say(self, sender: str, message: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def tracker(self, sender: str, token: str | None) -> dict:
        query = f"?token={token}" if token else ""
        with urllib.request.urlopen(
            f"{self.url}/conversations/{sender}/tracker{query}", timeout=10
        ) as response:
            return json.load(response)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    database = tmp_path_factory.mktemp("store") / "rasa.db"
    env = {
        **os.environ,
        "RASA_PORT": str(free_port()),
        "ACTION_SERVER_PORT": str(free_port()),
        "RASA_API_TOKEN": "test-token-not-secret",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    process = subprocess.Popen(
        [sys.executable, "scripts/with_env.py", sys.executable, "scripts/run.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    running = Assistant(int(env["RASA_PORT"]), env["RASA_API_TOKEN"], database)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, "the assistant exited while starting"
        try:
            urllib.request.urlopen(f"{running.url}/status?token={running.token}", timeout=2)
            running.say("warm-up", "hello")  # the action server is up too
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
    else:
        process.terminate()
        pytest.fail("the assistant did not start within 180 s")
    yield running
    process.terminate()
    process.wait(timeout=30)


def texts(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def test_from_a_pain_description_to_the_consultation_offer(assistant: Assistant) -> None:
    replies = assistant.say(
        "patient-1", "sharp pain in my lower back shooting down my left leg for 3 weeks"
    )
    assert "0 (no pain) to 10" in texts(replies)  # only severity is still unknown

    replies = assistant.say("patient-1", "banana")
    assert "number from 0 to 10" in texts(replies)

    replies = assistant.say("patient-1", "about a 7")
    answer = texts(replies)
    assert "spreading to your leg" in answer
    assert "not a diagnosis" in answer
    assert "free consultation" in answer
    assert [b["title"] for b in replies[-1]["buttons"]] == ["Yes, please", "No, thanks"]

    slots = assistant.tracker("patient-1", assistant.token)["slots"]
    assert slots["body_part"] == "lower_back"
    assert slots["side"] == "left"
    assert slots["radiates_to"] == "leg"
    assert slots["pain_radiates"] is True
    assert slots["pain_duration_days"] == 21
    assert slots["pain_severity"] == 7
    assert slots["tdn_fit"] == "assess_first"

    replies = assistant.say("patient-1", "yes please")
    assert "noted that you'd like a free consultation" in texts(replies)
    assert assistant.tracker("patient-1", assistant.token)["slots"]["consultation_requested"]


def test_a_question_mid_form_then_back_to_the_question(assistant: Assistant) -> None:
    assistant.say("patient-2", "my neck has been really stiff")
    replies = assistant.say("patient-2", "does dry needling hurt?")
    answer = texts(replies)
    assert "twitch" in answer  # the answer about pain during needling
    assert "spread" in answer  # and the intake question again


def test_the_api_needs_the_token(assistant: Assistant) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        assistant.tracker("patient-1", None)
    assert refused.value.code == 401


def test_conversations_are_stored_in_the_sql_tracker_store(assistant: Assistant) -> None:
    assistant.say("patient-3", "my knee aches")
    with sqlite3.connect(assistant.database) as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}
    assert {"patient-1", "patient-3"} <= senders
