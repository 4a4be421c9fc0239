"""Rasa's SQL tracker store, with each conversation's tracker kept in memory between messages.

Rasa rebuilds a conversation from the database on every message: it reads and parses every
event of the session and replays them into a tracker, so the cost grows with the length of
the conversation (`make bench --profile` found 17% of the server's time there). Here the
tracker the server just saved is kept, and the next message of that conversation takes it
back if the database still ends with the event this server wrote last (one indexed query).
The database stays the record: anything else that wrote or deleted events for the
conversation (another replica, the staff's erase, the retention run) changes that last
event, and the tracker is read from the database as before.

A kept tracker is handed to one message at a time (taken out on retrieve, put back on
save), so a message that fails before saving can't leave a half-changed tracker behind;
Rasa's lock store already keeps one conversation's messages in order across replicas.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

# Trackers of recent conversations kept; a patient's conversation is a few hundred events.
DEFAULT_CACHE_SIZE = 200


class CachedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` that skips the rebuild when it wrote a conversation's last event."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self._kept: OrderedDict[str, tuple[int, DialogueStateTracker]] = OrderedDict()

    def _last_event_id(self, sender_id: str) -> int | None:
        with self.session_scope() as session:
            return session.query(sa.func.max(self.SQLEvent.id)).filter(
                self.SQLEvent.sender_id == sender_id
            ).scalar()  # fmt: skip

    def _stored_session(self, sender_id: str) -> tuple[int, int | None]:
        """How many events the conversation's latest session has stored, and the last id."""
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            count, last_id = query.order_by(None).with_entities(
                sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)
            ).one()  # fmt: skip
            return count, last_id

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The kept tracker when the database has nothing newer, else Rasa's rebuild."""
        kept = self._kept.pop(sender_id, None)
        if kept is not None and kept[0] == self._last_event_id(sender_id):
            return kept[1]
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves as Rasa does, then keeps the tracker with the id of its last stored event."""
        self._kept.pop(tracker.sender_id, None)
        await super().save(tracker)
        # Rasa's save finds the new events by position: the tracker must hold exactly the
        # stored events of the latest session, as a rebuilt one does. A tracker that also
        # holds what came before (a new conversation's `action_session_start`, a session
        # that has just restarted) is read afresh next time.
        stored, last_id = self._stored_session(tracker.sender_id)
        if stored != len(tracker.events) or last_id is None or self.cache_size <= 0:
            return
        self._kept[tracker.sender_id] = (last_id, tracker)
        while len(self._kept) > self.cache_size:
            self._kept.popitem(last=False)
