"""Builders for real rasa-sdk trackers, as the action server receives them; the test
databases (SQLite, and a throwaway PostgreSQL server when one is installed)."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.wording import wording as wording_in
from tests.running_assistant import free_port

ROOT = Path(__file__).resolve().parent.parent


@cache
def domain_responses() -> dict[str, list[dict[str, Any]]]:
    """domain.yml's responses, read once."""
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


def wording(response: str, /, **values: Any) -> str:
    """The words of `response` in domain.yml, its `{variables}` filled from `values`."""
    return wording_in({"responses": domain_responses()}, response, **values)


# As Rasa sends it to the actions: with the responses (some texts are read from them).
DOMAIN: dict[str, Any] = {
    "responses": domain_responses(),
    "slots": {},
    "forms": {"intake_form": {}},
}


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "describe_pain",
    entities: list[dict[str, Any]] | None = None,
    earlier_slots: dict[str, Any] | None = None,
    requested_slot: str | None = None,
    form: str = "intake_form",
    earlier_texts: list[str] | None = None,
) -> Tracker:
    """A tracker whose latest message is `text`; `earlier_slots` were set before it, after
    the patient's `earlier_texts`."""
    earlier = [
        *({"event": "user", "text": said} for said in earlier_texts or []),
        *(
            {"event": "slot", "name": name, "value": value}
            for name, value in (earlier_slots or {}).items()
        ),
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
        active_loop={"name": form} if requested_slot else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    """Collects what an action says."""
    return CollectingDispatcher()


# What rasa_sdk puts in a message besides the values a response is filled with.
_MESSAGE_PARTS = frozenset(
    {"text", "buttons", "elements", "custom", "template", "response", "image", "attachment"}
)


def said(dispatcher: CollectingDispatcher) -> str:
    """Everything the action said, as one text: a response sent by name in its words from
    domain.yml, filled with the values sent with it (as Rasa does)."""
    return " ".join(m.get("text") or _words(m) for m in dispatcher.messages)


def _words(message: dict[str, Any]) -> str:
    if not message.get("response"):
        return ""
    values = {key: value for key, value in message.items() if key not in _MESSAGE_PARTS}
    return wording(message["response"], **values)


def sent(dispatcher: CollectingDispatcher) -> list[str]:
    """The names of the responses the action sent, in order."""
    return [m["response"] for m in dispatcher.messages if m.get("response")]


# Monday 23 November 2026, 10:00 at the clinic: every booking test runs at this moment.
CLINIC_NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def booking_db(tmp_path: Path) -> str:
    """A fresh SQLite database with the clinic's migrations applied; its URL."""
    from scripts.migrate import migrate

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    migrate(url)
    return url


@pytest.fixture
def desk(booking_db: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The booking desk on `booking_db`, the real schedule, the clock at CLINIC_NOW; the
    actions use it too."""
    from clinic import booking
    from clinic.booking_store import BookingStore
    from clinic.schedule import load_schedule

    schedule = load_schedule(ROOT / "schedule.yml")
    test_desk = booking.BookingDesk(schedule, BookingStore(booking_db), clock=lambda: CLINIC_NOW)
    monkeypatch.setattr(booking, "booking_desk", lambda: test_desk)
    return test_desk


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Both servers with the trained model, once for all end-to-end tests."""
    from tests.running_assistant import running_assistant

    with running_assistant(tmp_path_factory.mktemp("store") / "rasa.db") as running:
        yield running


# Browser tests (tests/browser_helpers.py): one headless Chromium per test module.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from tests.browser_helpers import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A 375-px-wide phone's browser context."""
    from tests.browser_helpers import PHONE

    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    from tests.browser_helpers import DESKTOP

    context = browser.new_context(**DESKTOP)
    yield context
    context.close()


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """DATABASE_URL when it points at PostgreSQL; else a throwaway local server when
    PostgreSQL is installed; else the test is skipped."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith("postgresql"):
        yield configured
        return
    initdb, server = shutil.which("initdb"), shutil.which("postgres")
    if not (initdb and server):
        pytest.skip("PostgreSQL is not installed and DATABASE_URL is not PostgreSQL")
    # PostgreSQL refuses to run as root; it runs as its own user then.
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = Path(tempfile.mkdtemp(prefix="clinic-pg-"))
    if run_as:
        shutil.chown(data, "postgres")
    subprocess.run([*run_as, initdb, "-D", str(data / "db"), "-A", "trust", "-U", "clinic"],
                   check=True, capture_output=True)  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [
            *run_as,
            server,
            "-D",
            str(data / "db"),
            "-p",
            str(port),
            "-k",
            str(data),
            "-h",
            "127.0.0.1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql://clinic@127.0.0.1:{port}/postgres"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    time.sleep(0.5)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
