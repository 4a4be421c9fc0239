"""Builders for real rasa-sdk trackers, as the action server receives them."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

DOMAIN: dict[str, Any] = {"responses": {}, "slots": {}, "forms": {"intake_form": {}}}


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "describe_pain",
    entities: list[dict[str, Any]] | None = None,
    earlier_slots: dict[str, Any] | None = None,
    requested_slot: str | None = None,
) -> Tracker:
    """A tracker whose latest message is `text`; `earlier_slots` were set before it."""
    earlier = [
        {"event": "slot", "name": name, "value": value}
        for name, value in (earlier_slots or {}).items()
    ]
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": entities or [],
    }
    all_slots = {**(earlier_slots or {}), **(slots or {}), "requested_slot": requested_slot}
    return Tracker(
        sender_id="test-patient",
        slots=all_slots,
        latest_message=latest_message,
        events=[*earlier, {"event": "user", "text": text, "parse_data": latest_message}],
        paused=False,
        followup_action=None,
        active_loop={"name": "intake_form"} if requested_slot else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    """Collects what an action says."""
    return CollectingDispatcher()


def said(dispatcher: CollectingDispatcher) -> str:
    """Everything the action said, as one text."""
    return " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Both servers with the trained model, once for all end-to-end tests."""
    from tests.running_assistant import running_assistant

    with running_assistant(tmp_path_factory.mktemp("store") / "rasa.db") as running:
        yield running


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Prints the figures the tests measured (`make test` shows them)."""
    from tests.eval_sets import FIGURES

    if FIGURES:
        terminalreporter.section("figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Runs `async def` tests (actions are coroutines) in a fresh event loop."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True
