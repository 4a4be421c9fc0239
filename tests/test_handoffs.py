"""Live handoffs (clinic.records.handoffs): one open per conversation, taken by one member
only, timed out only when untaken past the wait, staffed hours, and who is on duty."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from clinic.records.handoffs import (
    ENDED,
    LEFT_AFTER,
    LIVE,
    ON_DUTY_FOR,
    TIMED_OUT,
    WAITING,
    HandoffSettings,
    HandoffStore,
)
from clinic.schedule import clinic_schedule

NOW = dt.datetime(2026, 11, 24, 15, 0, tzinfo=dt.timezone.utc)  # a Tuesday, 10:00 in NY
WAIT = dt.timedelta(minutes=3)


def test_asking_twice_keeps_one_open_handoff(booking_db: str) -> None:
    store = HandoffStore(booking_db)
    first = store.request("c1", NOW)
    assert store.request("c1", NOW + dt.timedelta(seconds=30)).id == first.id
    assert first.status == WAITING and store.open_for("c1").id == first.id
    store.end(first.id)
    assert store.open_for("c1") is None
    assert store.request("c1").id != first.id  # a new request after the last one ended


def test_only_one_member_can_take_a_chat(booking_db: str) -> None:
    store = HandoffStore(booking_db)
    handoff = store.request("c1", NOW)
    with ThreadPoolExecutor(4) as pool:
        taken = list(pool.map(lambda name: store.take(handoff.id, name), ["a", "b", "c", "d"]))
    assert taken.count(True) == 1
    live = store.get(handoff.id)
    assert live.status == LIVE and live.taken_by in "abcd"
    assert store.end(handoff.id) and store.get(handoff.id).status == ENDED
    assert not store.end(handoff.id)  # handing back twice changes nothing


def test_a_handoff_times_out_only_untaken_and_past_the_wait(booking_db: str) -> None:
    store = HandoffStore(booking_db)
    handoff = store.request("c1", NOW)
    assert not store.time_out(handoff, WAIT, NOW + dt.timedelta(minutes=2))
    assert store.time_out(store.get(handoff.id), WAIT, NOW + dt.timedelta(minutes=3))
    assert store.get(handoff.id).status == TIMED_OUT
    taken = store.request("c2", NOW)
    store.take(taken.id, "clara", NOW + dt.timedelta(minutes=1))
    assert not store.time_out(store.get(taken.id), WAIT, NOW + dt.timedelta(minutes=10))


def test_someone_is_on_duty_while_available_and_their_console_checks_in(booking_db: str) -> None:
    store = HandoffStore(booking_db)
    store.seen("rita", NOW)  # a console open, its member not available for chats
    assert not store.anyone_on_duty(NOW)
    store.on_duty("clara", NOW)
    assert store.anyone_on_duty(NOW + ON_DUTY_FOR - dt.timedelta(seconds=1))
    assert not store.anyone_on_duty(NOW + ON_DUTY_FOR + dt.timedelta(seconds=1))
    store.seen("clara", NOW + dt.timedelta(minutes=5))
    assert store.anyone_on_duty(NOW + dt.timedelta(minutes=5))
    store.off_duty("clara")
    assert not store.anyone_on_duty(NOW + dt.timedelta(minutes=5))


@pytest.mark.parametrize(
    ("hours", "when", "staffed"),
    [
        ("schedule", NOW, True),  # Tuesday 10:00 local
        ("schedule", NOW.replace(hour=3), False),  # 22:00 local the night before
        ("schedule", dt.datetime(2026, 11, 29, 15, 0, tzinfo=dt.timezone.utc), False),  # Sunday
        ("always", NOW.replace(hour=3), True),
        ("never", NOW, False),
    ],
)
def test_staffed_hours_follow_the_setting(hours: str, when: dt.datetime, staffed: bool) -> None:
    settings = HandoffSettings(hours, WAIT)
    assert settings.staffed(clinic_schedule(), when) is staffed


def test_the_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_HOURS", "always")
    monkeypatch.setenv("HANDOFF_WAIT_MINUTES", "0.5")
    settings = HandoffSettings.from_env()
    assert settings.hours == "always" and settings.wait == dt.timedelta(seconds=30)
    monkeypatch.setenv("HANDOFF_HOURS", "sometimes")
    with pytest.raises(ValueError, match="HANDOFF_HOURS"):
        HandoffSettings.from_env()


def test_a_live_chat_left_without_a_hand_back_ends(booking_db: str) -> None:
    store = HandoffStore(booking_db)
    handoff = store.request("c1", NOW)
    store.take(handoff.id, "clara", NOW)
    store.staff_seen(handoff.id, NOW + dt.timedelta(minutes=5))
    assert not store.left(store.get(handoff.id), NOW + dt.timedelta(minutes=6))
    assert store.left(store.get(handoff.id), NOW + dt.timedelta(minutes=5) + LEFT_AFTER)
    assert store.get(handoff.id).status == ENDED
