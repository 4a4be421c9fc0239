"""The staff console in headless Chromium, against the running assistant: a patient's red
flag in the widget reaches the top of a clinician's inbox; the clinician reads it, marks it
reviewed and changes a booking's status; markup from a patient stays inert text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from clinic.booking_store import BookingStore, NewBooking, Notice
from clinic.staff_store import StaffStore
from tests.browser_helpers import Chat, axe_violations, screenshot
from tests.running_assistant import Assistant

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PASSWORD = "console test password"
RED_FLAG = "my lower back hurts and I have new numbness around my bottom and groin"
MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script> my jaw'


def sign_in(page: Page, assistant: Assistant, username: str) -> None:
    page.goto(f"{assistant.web_url}/console/login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture(scope="module")
def staff(assistant: Assistant) -> None:
    store = StaffStore(f"sqlite:///{assistant.database}")
    store.save_member("clara", PASSWORD, "clinician")
    store.save_member("rita", PASSWORD, "reception")


def patient_says(browser: Browser, assistant: Assistant, message: str) -> str:
    """A patient's chat in the widget, in their own browser; returns the conversation id."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(assistant.web_url)
    chat = Chat(page)
    chat.start()
    chat.say(message)
    conversation = assistant.conversation_of(chat.session())
    context.close()
    return conversation


def test_a_clinician_reviews_a_red_flag_and_reception_records_attendance(
    assistant: Assistant, browser: Browser, desktop: BrowserContext, staff: None
) -> None:
    red_flag = patient_says(browser, assistant, RED_FLAG)
    marked = patient_says(browser, assistant, MARKUP)
    # Off the booking grid (":17"), so no conversation of the same test run can have taken
    # it (session 25: a run at 13:00 UTC collided with a patient's Monday 8:00).
    start = dt.datetime.now(dt.timezone.utc).replace(minute=17, second=0, microsecond=0)
    start += dt.timedelta(days=1)
    booking = BookingStore(f"sqlite:///{assistant.database}").book(
        NewBooking(start, start + dt.timedelta(minutes=30), "Ben Jones", "+12125550177", None,
                   marked, "console-browser-test", start, "jaw", "routine"),
        ["Dr Peter Ray"],
        lambda b: Notice("booked", "New booking", b.reference),
    )  # fmt: skip

    page = desktop.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{assistant.web_url}/console/conversations")
    expect(page).to_have_url(re.compile(r"/console/login"))  # anonymous: sign in first

    sign_in(page, assistant, "clara")
    expect(page.get_by_role("heading", name="Conversations")).to_be_visible()
    rows = page.locator("table.inbox tbody tr")
    # Red flags and urgent triage on top, emergencies first, and ours among them.
    classes = [rows.nth(i).get_attribute("class") or "" for i in range(rows.count())]
    cared = [c for c in classes if "care" in c]
    assert classes[: len(cared)] == cared and classes[0] == "care emergency"
    ours = page.locator(f'a[href="/console/conversations/{red_flag}"]')
    expect(ours.locator("xpath=ancestor::tr")).to_have_class("care emergency")
    screenshot(page, "console-inbox")

    ours.click()
    summary = page.locator("section", has=page.get_by_role("heading", name="Intake summary"))
    expect(summary).to_contain_text("Possible cauda equina syndrome")
    expect(summary).to_contain_text("Emergency: told to call")
    expect(summary).not_to_contain_text("cauda_equina")
    expect(page.locator(".transcript")).to_contain_text(RED_FLAG)
    page.get_by_label("Reviewed").check()
    page.get_by_label("Notes").fill("Called: gone to the emergency department.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flash")).to_have_text("Saved.")
    expect(page.get_by_text("Reviewed by clara")).to_be_visible()
    screenshot(page, "console-conversation")
    assert StaffStore(f"sqlite:///{assistant.database}").review(red_flag).reviewed_by == "clara"

    page.goto(f"{assistant.web_url}/console/conversations/{marked}")
    expect(page.locator(".transcript")).to_contain_text(MARKUP)  # shown, not run
    assert page.locator(".transcript img, .transcript script").count() == 0
    page.goto(f"{assistant.web_url}/console/dashboard")
    expect(page.locator("figure img").first).to_be_visible()
    screenshot(page, "console-dashboard")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, assistant, "rita")
    expect(page.get_by_role("heading", name="Bookings")).to_be_visible()
    row = page.locator("tr", has_text=booking.reference)
    expect(row).to_contain_text("Ben Jones")
    row.get_by_label(f"Status of {booking.reference}").select_option("attended")
    row.get_by_role("button", name="Save").click()
    expect(page.locator(".flash")).to_have_text(f"{booking.reference} is now attended.")
    screenshot(page, "console-bookings")
    stored = BookingStore(f"sqlite:///{assistant.database}").get(booking.reference)
    assert stored.status == "attended"
    response = page.goto(f"{assistant.web_url}/console/conversations/{red_flag}")
    assert response and response.status == 403  # reception reads no transcripts
    assert dialogs == []

    audit = [(e.username, e.action, e.conversation_id)
             for e in StaffStore(f"sqlite:///{assistant.database}").audit_entries()]  # fmt: skip
    assert ("clara", "view_conversation", red_flag) in audit
    assert ("rita", "booking_status", marked) in audit
    assert ("rita", "refused", red_flag) in audit


def test_the_console_has_no_serious_accessibility_problems(
    assistant: Assistant, browser: Browser, staff: None
) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{assistant.web_url}/console/login")
    assert axe_violations(page) == [], "the sign-in page"
    sign_in(page, assistant, "clara")
    for path in ("/console/conversations", "/console/bookings", "/console/dashboard"):
        page.goto(f"{assistant.web_url}{path}")
        assert axe_violations(page) == [], path
    context.close()
