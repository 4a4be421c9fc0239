"""Faults while patients talk (issue 24), on a product of its own (processes are killed):
the action server killed before a booking's yes, Rasa killed mid-intake, the database
locked for a moment. The patient is told, nothing is lost, nothing is booked twice, and
`make run`'s supervisor starts what died again."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from bench.patient import OFFER, answer_to, buttons, texts
from clinic.booking_store import BookingStore
from tests.running_assistant import Assistant, running_assistant

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_assistant(tmp_path_factory.mktemp("faults") / "rasa.db") as running:
        yield running


class WebPatient:
    """A patient in the widget, as the web server sees them."""

    def __init__(self, product: Assistant) -> None:
        self.product = product
        self.session = str(uuid.uuid4())
        with urllib.request.urlopen(f"{product.web_url}/chat/settings", timeout=10) as answer:
            self.consent = json.load(answer)["privacy_notice_version"]

    @property
    def conversation(self) -> str:
        return self.product.conversation_of(self.session)

    def send(self, text: str) -> tuple[int, dict[str, Any]]:
        body = {"session": self.session, "consent": self.consent, "message": text}
        request = urllib.request.Request(
            f"{self.product.web_url}/chat/send",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=90) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as refused:
            return refused.code, json.load(refused)

    def say(self, text: str) -> list[dict[str, Any]]:
        status, answer = self.send(text)
        assert status == 200, (status, answer)
        return answer["messages"]


def child(product: Assistant, *words: str) -> psutil.Process:
    """The running process whose command line has all of `words`."""
    assert product.process is not None
    for process in psutil.Process(product.process.pid).children(recursive=True):
        line = " ".join(process.cmdline())
        if all(word in line for word in words):
            return process
    raise AssertionError(f"no process with {words}")


def wait_until(check: Any, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(1)
    raise AssertionError("not back in time")


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return answer.status == 200


def to_the_confirmation(patient: WebPatient) -> None:
    replies = patient.say("my left knee aches")
    for _ in range(15):
        if OFFER in texts(replies):
            break
        replies = patient.say(answer_to(texts(replies)))
    assert "When would suit you" in texts(patient.say("yes please"))
    times = buttons(patient.say("as soon as possible"))
    assert "What name" in texts(patient.say(times[0]["payload"]))
    patient.say("Rita Faulkner")
    assert "Shall I book it?" in texts(patient.say("(212) 555-0148"))


def bookings_of(product: Assistant, conversation: str) -> list[Any]:
    return BookingStore(f"sqlite:///{product.database}").for_conversation(conversation)


def test_the_action_server_killed_before_the_yes_books_once_when_back(product: Assistant) -> None:
    patient = WebPatient(product)
    to_the_confirmation(patient)
    actions = child(product, "run", "actions")
    actions.kill()
    actions.wait(10)
    status, answer = patient.send("yes")
    # Told in words (the message kept), never silence; nothing booked while it is away.
    assert status in (200, 502, 503), (status, answer)
    said = texts(answer["messages"]) if status == 200 else answer["message"]
    assert said.strip(), answer
    assert bookings_of(product, patient.conversation) == []
    # The supervisor starts it again; the patient's yes then books, once.
    wait_until(lambda: answers(f"{product.action_url}/health"))
    replies = patient.say("yes")
    if "You're booked" not in texts(replies):
        replies = patient.say("yes, book it")
    assert "You're booked" in texts(replies), texts(replies)
    patient.say("yes")  # said once more: still one booking
    assert len(bookings_of(product, patient.conversation)) == 1


def test_rasa_killed_mid_intake_carries_on_where_it_was(product: Assistant) -> None:
    patient = WebPatient(product)
    patient.say("my lower back has been sore")
    rasa = child(product, "rasa_server.py")
    rasa.kill()
    rasa.wait(10)
    status, answer = patient.send("about three weeks")
    assert status in (502, 503, 504), (status, answer)  # the widget keeps it and retries
    assert answer["message"]
    wait_until(lambda: answers(f"{product.url}/status?token={product.token}"), seconds=180)
    replies = patient.say("about three weeks")
    tracker = product.tracker(patient.conversation, product.token)
    assert tracker["slots"]["body_part"] == "lower_back"
    assert tracker["slots"]["pain_duration_days"] == 21
    assert "Hello" not in texts(replies) and "?" in texts(replies)  # the next question


def test_a_database_locked_for_a_moment_loses_no_message(product: Assistant) -> None:
    patient = WebPatient(product)
    patient.say("my neck is stiff")
    locker = sqlite3.connect(Path(product.database), timeout=30)
    locker.execute("BEGIN EXCLUSIVE")
    result: dict[str, Any] = {}
    sender = threading.Thread(target=lambda: result.update(answer=patient.send("since monday")))
    sender.start()
    time.sleep(3)
    locker.rollback()
    locker.close()
    sender.join(120)
    status, answer = result["answer"]
    assert status == 200 and texts(answer["messages"]).strip(), answer
    said = [
        e["text"] for e in product.tracker(patient.conversation, product.token)["events"]
        if e["event"] == "user"
    ]  # fmt: skip
    assert said.count("since monday") == 1
