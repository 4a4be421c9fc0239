"""One HTTP session per endpoint and event loop, kept open between requests.

Rasa's `EndpointConfig.request` opens a new aiohttp session for every call to the action
server and closes it after: a new connection pool, a new TCP connection and its teardown,
two to four times per patient message. Here `session()` hands out one kept session per
endpoint settings and event loop, so connections to the action server are reused
(keep-alive); `request` itself is Rasa's, unchanged.

An idle connection is let go after `IDLE_SECONDS`, before the action server (Sanic, 5 s)
closes it from its side: a request sent on a connection the server is closing at that
moment would fail the patient's message.
"""

from __future__ import annotations

import asyncio
import weakref
from types import TracebackType

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

IDLE_SECONDS = 2.0
# Per event loop (a session belongs to one loop; tests and tools run several in turn), then
# per endpoint settings.
_kept: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, aiohttp.ClientSession]]
_kept = weakref.WeakKeyDictionary()


class _Kept:
    """An `async with` that lends the kept session and leaves it open afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None


def session(endpoint: EndpointConfig) -> _Kept:
    """The kept session for this endpoint's headers and credentials on the running loop."""
    sessions = _kept.setdefault(asyncio.get_running_loop(), {})
    key = repr((sorted(endpoint.headers.items()), endpoint.basic_auth))
    kept = sessions.get(key)
    if kept is None or kept.closed:
        kept = sessions[key] = _new_session(endpoint)
    return _Kept(kept)


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """Rasa's session settings, on a connection pool that lets idle connections go early."""
    login = endpoint.basic_auth
    auth = aiohttp.BasicAuth(login["username"], login["password"]) if login else None
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_SECONDS),
    )


def install() -> None:
    EndpointConfig.session = session  # type: ignore[assignment]
