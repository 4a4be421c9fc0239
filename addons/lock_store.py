"""Rasa's Redis lock store, with its tickets issued and returned atomically.

The lock store keeps one conversation's messages in order across Rasa replicas: each
message takes a ticket and waits for its turn. Rasa's `RedisLockStore` reads the
conversation's lock, changes it in Python and writes it back, so two replicas taking a ticket
at the same moment can both be served at once and one message's events are lost (found by
tests/test_cluster.py: 6 of 7 messages sent together kept; Rasa's own review of the ticket
lock called it "far from atomic", RasaHQ/rasa#3933). Here each of those read-change-write
steps holds a short Redis mutex (redis-py's lock: SET NX with expiry), so tickets keep
Rasa's first-come order and never overlap.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# Holding the mutex takes a Redis round trip or two; these only bound a crashed holder.
MUTEX_SECONDS = 5


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` whose ticket changes can't interleave between replicas."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)

    @contextmanager
    def _mutex(self, conversation_id: str) -> Iterator[None]:
        with self.red.lock(f"{self.key_prefix}{conversation_id}:mutex",
                           timeout=MUTEX_SECONDS, blocking_timeout=MUTEX_SECONDS):  # fmt: skip
            yield

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Returns the ticket and deletes the lock if no one waits, as one step (a ticket
        taken in between would otherwise be deleted with it)."""
        with self._mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)
            if not self.is_someone_waiting(conversation_id):
                self.delete_lock(conversation_id)
