"""The tracker store keeps a conversation between messages, and never serves a stale one."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from addons.tracker_store import CachedSQLTrackerStore

DOMAIN = Domain.load("domain.yml")


@pytest.fixture
def database(tmp_path: Path) -> str:
    return str(tmp_path / "trackers.db")


def replica(database: str, **settings: int) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db=database, **settings)


def started(conversation: str) -> DialogueStateTracker:
    events = [ActionExecuted("action_session_start"), SessionStarted(),
              ActionExecuted("action_listen"), UserUttered("my neck hurts")]  # fmt: skip
    return DialogueStateTracker.from_events(conversation, events, DOMAIN.slots)


def saved_twice(store: CachedSQLTrackerStore, conversation: str) -> DialogueStateTracker:
    """A conversation after its second message: the tracker as the server holds it."""
    asyncio.run(store.save(started(conversation)))
    tracker = asyncio.run(store.retrieve(conversation))
    tracker.update(BotUttered("Which side is it?"))
    tracker.update(UserUttered("left"))
    asyncio.run(store.save(tracker))
    return tracker


def test_the_next_message_gets_the_saved_tracker_back(database: str) -> None:
    store = replica(database)
    tracker = saved_twice(store, "p1")
    held = asyncio.run(store.retrieve("p1"))
    assert held is tracker  # no rebuild
    held.update(SlotSet("body_part", "neck"))
    asyncio.run(store.save(held))

    rebuilt = asyncio.run(SQLTrackerStore(DOMAIN, dialect="sqlite", db=database).retrieve("p1"))
    assert rebuilt.events == held.events  # every event stored, each once
    assert rebuilt.get_slot("body_part") == "neck"
    # Handed to one message at a time: a second reader meanwhile gets its own from the database.
    assert asyncio.run(store.retrieve("p1")) is held
    second = asyncio.run(store.retrieve("p1"))
    assert second is not held and second.events == held.events


def test_what_another_replica_wrote_is_read_from_the_database(database: str) -> None:
    first, other = replica(database), replica(database)
    saved_twice(first, "p2")
    theirs = asyncio.run(other.retrieve("p2"))
    theirs.update(BotUttered("How bad is it, 0 to 10?"))
    asyncio.run(other.save(theirs))

    tracker = asyncio.run(first.retrieve("p2"))
    assert tracker.latest_bot_utterance.text == "How bad is it, 0 to 10?"


def test_an_erased_conversation_is_not_served_from_memory(database: str) -> None:
    store = replica(database)
    saved_twice(store, "p3")
    engine = sa.create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 'p3'"))
    assert asyncio.run(store.retrieve("p3")) is None


def test_a_new_session_is_read_afresh_and_stored_right(database: str) -> None:
    store = replica(database)
    saved_twice(store, "p4")
    tracker = asyncio.run(store.retrieve("p4"))
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(UserUttered("back again, my knee now"))
    asyncio.run(store.save(tracker))

    again = asyncio.run(store.retrieve("p4"))
    assert again is not tracker  # two sessions in memory: rebuilt from the new session only
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == [
        "back again, my knee now"
    ]


def test_only_the_most_recent_conversations_are_kept(database: str) -> None:
    store = replica(database, cache_size=2)
    trackers = {name: saved_twice(store, name) for name in ("a", "b", "c")}
    assert asyncio.run(store.retrieve("a")) is not trackers["a"]  # the oldest was let go
    assert asyncio.run(store.retrieve("c")) is trackers["c"]
