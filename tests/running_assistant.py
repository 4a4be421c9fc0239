"""The assistant started as `make run` starts it, for the end-to-end tests (REST channel).

Uses free ports and a temporary SQLite tracker store, so it never touches a running
assistant or its data. The emergency number is set to 112 to prove it comes from settings;
the clinic's phone and address are set as a clinic would.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EMERGENCY_NUMBER = "112"
CLINIC_PHONE = "(212) 555-0100"
CLINIC_ADDRESS = "12 River Street, Springfield"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CHAT_SESSION_KEY = "test-chat-key-not-secret"
ACTION_SERVER_TOKEN = "test-action-token-not-secret"


class Assistant:
    """The running assistant, as a patient and the clinic's tools reach it."""

    def __init__(
        self, port: int, web_port: int, token: str, database: Path, action_port: int = 0
    ) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.web_url = f"http://127.0.0.1:{web_port}"
        self.action_url = f"http://127.0.0.1:{action_port}"
        self.token = token
        self.database = database
        self.process: subprocess.Popen | None = None

    def conversation_of(self, session: str) -> str:
        """The conversation id the widget's `session` is known by to Rasa and staff."""
        from web.chat import conversation_of

        return conversation_of(session, CHAT_SESSION_KEY)

    def say(self, sender: str, message: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json", "X-Channel-Token": self.token},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def tracker(self, sender: str, token: str | None) -> dict:
        query = f"?token={token}" if token else ""
        with urllib.request.urlopen(
            f"{self.url}/conversations/{sender}/tracker{query}", timeout=10
        ) as response:
            return json.load(response)


# The records system's key to the FHIR export, in the tests' assistant.
FHIR_API_TOKEN = "fhir-test-token-not-secret"


def _schedule_without_closures(folder: Path) -> Path:
    """The clinic's schedule.yml without its closures: the conversations run on the real
    clock and book "thursday next week", which in the week before Christmas is closed (the
    closures have unit tests of their own: tests/test_booking_times.py)."""
    schedule = yaml.safe_load((ROOT / "schedule.yml").read_text())
    schedule.pop("closures", None)
    path = folder / "schedule.yml"
    path.write_text(yaml.safe_dump(schedule))
    return path


@contextmanager
def running_assistant(database: Path) -> Iterator[Assistant]:
    """Starts every process; yields once the action server and the web server answer too."""
    env = {
        **os.environ,
        "RASA_PORT": str(free_port()),
        "ACTION_SERVER_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
        "RASA_API_TOKEN": "test-token-not-secret",
        "CHAT_SESSION_KEY": CHAT_SESSION_KEY,
        "ACTION_SERVER_TOKEN": ACTION_SERVER_TOKEN,
        "DATABASE_URL": f"sqlite:///{database}",
        "CLINIC_EMERGENCY_NUMBER": EMERGENCY_NUMBER,
        "CLINIC_PHONE": CLINIC_PHONE,
        "CLINIC_ADDRESS": CLINIC_ADDRESS,
        "FHIR_API_TOKEN": FHIR_API_TOKEN,
        # A person is offered whenever someone is available at the console (only the
        # handoff tests make anyone available), and the wait is short for them.
        "HANDOFF_HOURS": "always",
        "HANDOFF_WAIT_MINUTES": "0.15",
        "CLINIC_SCHEDULE_FILE": str(_schedule_without_closures(database.parent)),
    }
    process = subprocess.Popen(
        [sys.executable, "scripts/with_env.py", sys.executable, "scripts/run.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    running = Assistant(
        int(env["RASA_PORT"]), int(env["WEB_PORT"]), env["RASA_API_TOKEN"], database,
        int(env["ACTION_SERVER_PORT"]),
    )  # fmt: skip
    running.process = process
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the assistant exited while starting")
        try:
            urllib.request.urlopen(f"{running.url}/status?token={running.token}", timeout=2)
            running.say("warm-up", "hello")  # the action server is up too
            urllib.request.urlopen(f"{running.web_url}/chat/settings", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
    else:
        process.terminate()
        raise RuntimeError("the assistant did not start within 180 s")
    try:
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)
