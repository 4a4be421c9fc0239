"""The production profile: two Rasa replicas behind nginx, Redis locks, PostgreSQL.

Started by the same code as `make run-cluster` (scripts/cluster.py), with free ports and a
throwaway database. One conversation's messages go to different replicas, in turn and at the
same moment, and must keep their order and state; the booking race runs on its PostgreSQL.
"""

from __future__ import annotations

import json
import random
import sys
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench import patient
from tests.test_booking_store import assert_one_winner, race

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import cluster

pytestmark = pytest.mark.e2e
TOKEN = "test-token-not-secret"


def say(url: str, sender: str, text: str) -> list[dict]:
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        json.dumps({"sender": sender, "message": text}).encode(),
        {"Content-Type": "application/json", "X-Channel-Token": TOKEN},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def tracker(url: str, sender: str) -> dict:
    with urllib.request.urlopen(f"{url}/conversations/{sender}/tracker?token={TOKEN}") as r:
        return json.load(r)


def user_texts(events: list[dict]) -> list[str]:
    return [e["text"] for e in events if e["event"] == "user"]


@pytest.fixture(scope="module")
def running(
    monkeypatch_module: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[cluster.Cluster]:
    monkeypatch_module.setenv("RASA_API_TOKEN", TOKEN)
    cluster.ensure_installed()
    folder = tmp_path_factory.mktemp("cluster")
    with cluster.start(folder, replicas=2, throwaway=True) as started:
        yield started


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_one_conversation_keeps_its_order_and_state_across_replicas(
    running: cluster.Cluster,
) -> None:
    first, second = running.replica_urls
    # The pain, then the knee's own screen (a pop with swelling or locking, a hot joint, an
    # injury) as one checklist, then the contraindications.
    sent = ["hi", "my left knee aches", "no", "2 weeks", "4", "no"]
    answers = [say((first, second)[i % 2], "across", text) for i, text in enumerate(sent)]
    said = [patient.texts(a) for a in answers]
    assert "Does the pain spread" in said[1]  # replica 2 knew the greeting; asks the next
    assert "How long" in said[2] and "0 (no pain) to 10" in said[3]
    assert "knee that swelled up" in said[4] and "hot, red and swollen" in said[4]
    assert "do any of these apply to you" in said[5]

    state = tracker(first, "across")
    assert user_texts(state["events"]) == sent
    assert state["slots"]["body_part"] == "knee" and state["slots"]["side"] == "left"
    assert state["slots"]["pain_duration_days"] == 14 and state["slots"]["pain_severity"] == 4


def test_messages_at_the_same_moment_on_both_replicas_are_handled_one_at_a_time(
    running: cluster.Cluster,
) -> None:
    say(running.url, "at-once", "hi")
    questions = [
        "how much does it cost", "does it hurt", "how many sessions",
        "who does the needling", "is it like acupuncture", "how soon will it help",
    ]  # fmt: skip
    with ThreadPoolExecutor(len(questions)) as pool:
        answers = list(pool.map(
            lambda q: say(running.replica_urls[questions.index(q) % 2], "at-once", q), questions
        ))  # fmt: skip
    assert all(answers), answers  # every message answered

    events = tracker(running.replica_urls[1], "at-once")["events"]
    texts = user_texts(events)
    assert sorted(texts) == sorted(["hi", *questions])  # none lost, none twice
    # Each message was answered before the next was taken: no two interleaved.
    kinds = [e["event"] for e in events if e["event"] in ("user", "bot")]
    turns = "".join("u" if kind == "user" else "b" for kind in kinds)
    assert "uu" not in turns and turns.startswith("u") and turns.endswith("b"), turns


def test_replicas_taking_tickets_at_once_never_share_one(running: cluster.Cluster) -> None:
    from rasa.utils.endpoints import EndpointConfig

    from addons.lock_store import AtomicRedisLockStore

    config = EndpointConfig(url="127.0.0.1", port=running.redis_port, db=0)
    replicas = [AtomicRedisLockStore(config), AtomicRedisLockStore(config)]
    with ThreadPoolExecutor(16) as pool:
        tickets = list(pool.map(lambda i: replicas[i % 2].issue_ticket("tickets"), range(40)))
    assert sorted(tickets) == list(range(40))
    for ticket in tickets:
        replicas[ticket % 2].cleanup("tickets", ticket)
    assert replicas[0].get_lock("tickets") is None  # all returned, the lock is gone


def test_a_whole_booking_through_the_load_balancer(running: cluster.Cluster) -> None:
    sent = patient.book_and_cancel(lambda text: say(running.url, "booking", text),
                                   random.Random(3))  # fmt: skip
    assert sent >= 15


def test_the_booking_race_on_the_clusters_postgresql(running: cluster.Cluster) -> None:
    from clinic.booking_store import BookingStore

    with BookingStore(running.database_url).engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM outbox; DELETE FROM bookings")
    assert_one_winner(running.database_url, race(running.database_url))
