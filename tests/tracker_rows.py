"""Conversations written the way the Rasa server writes them: through Rasa's own SQL
tracker store, so the readers in clinic/conversations.py are tested against real rows."""

from __future__ import annotations

import asyncio
from typing import Any


def save_conversation(database_url: str, conversation_id: str, events: list[Any]) -> None:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load("domain.yml")
    store = SQLTrackerStore(domain, dialect="sqlite", db=database_url.removeprefix("sqlite:///"))
    tracker = DialogueStateTracker.from_events(conversation_id, events, domain.slots)
    asyncio.run(store.save(tracker))
