"""Calls to the action server reuse one connection instead of opening one per call."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import BasicAuth, web
from rasa.utils.endpoints import EndpointConfig

import addons  # noqa: F401  (installs the kept sessions as the Rasa server does)
from addons.kept_sessions import IDLE_SECONDS


def _login(request: web.Request) -> dict[str, str]:
    auth = request.headers.get("Authorization")
    return {"user": BasicAuth.decode(auth).login} if auth else {}


async def _calls(
    count: int, pause: float = 0.0, **settings: Any
) -> tuple[list[dict[str, int]], set[int]]:
    """`count` requests through Rasa's endpoint code to a local server, `pause` seconds
    apart, and the client ports the server saw (one port per TCP connection)."""
    ports: set[int] = set()

    async def answer(request: web.Request) -> web.Response:
        ports.add(request.transport.get_extra_info("peername")[1])
        body = await request.json()
        return web.json_response({"n": body["n"] * 2, **_login(request)})

    app = web.Application()
    app.router.add_post("/webhook", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]  # the free port the system chose
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", **settings)
    try:
        answers = []
        for n in range(count):
            answers.append(await endpoint.request(json={"n": n}))
            await asyncio.sleep(pause)
    finally:
        await runner.cleanup()
    return answers, ports


def test_one_connection_serves_many_calls() -> None:
    answers, ports = asyncio.run(_calls(5))
    assert answers == [{"n": 2 * n} for n in range(5)]
    assert len(ports) == 1


def test_each_event_loop_gets_its_own_session() -> None:
    # A session kept from an earlier, closed loop would fail here.
    for _ in range(2):
        answers, _ports = asyncio.run(_calls(2))
        assert answers == [{"n": 0}, {"n": 2}]


def test_an_idle_connection_is_let_go_before_the_action_server_drops_it() -> None:
    answers, ports = asyncio.run(_calls(2, pause=IDLE_SECONDS + 1.0))
    assert answers == [{"n": 0}, {"n": 2}]
    assert len(ports) == 2


def test_the_endpoints_credentials_are_sent() -> None:
    login = {"username": "rasa", "password": "secret"}
    answers, _ports = asyncio.run(_calls(1, basic_auth=login))
    assert answers == [{"n": 0, "user": "rasa"}]
