"""A person when it matters, in headless Chromium against the running assistant: a patient
asks for a person in the widget; a clinician at the console is told at once (a banner and a
browser notification, no reload), takes the chat, writes, and the patient sees it under the
clinician's name; handed back, the assistant carries on where it was. With nobody taking
the chat, the call-back is offered after the wait and lands in the queue."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from clinic.records.callbacks import CallBackStore
from clinic.staff_store import StaffStore
from tests.browser_helpers import Chat, screenshot
from tests.running_assistant import Assistant

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PASSWORD = "handoff test password"
# The console's notifications, recorded instead of shown (headless Chromium has no desktop).
RECORD_NOTIFICATIONS = """
window.__notified = [];
window.Notification = function (title) { window.__notified.push(title); };
window.Notification.permission = "granted";
window.Notification.requestPermission = async () => "granted";
"""


@pytest.fixture
def clinician(browser: Browser, assistant: Assistant) -> Iterator[Page]:
    """Clara at the console, available for live chats; not available again afterwards."""
    StaffStore(f"sqlite:///{assistant.database}").save_member("clara", PASSWORD, "clinician")
    context = browser.new_context()
    context.add_init_script(RECORD_NOTIFICATIONS)
    page = context.new_page()
    page.goto(f"{assistant.web_url}/console/login")
    page.get_by_label("User name").fill("clara")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{assistant.web_url}/console/handoffs")
    page.get_by_role("button", name="I'm available for live chats").click()
    expect(page.get_by_text("You are available for live chats.")).to_be_visible()
    yield page
    page.goto(f"{assistant.web_url}/console/handoffs")
    if page.get_by_role("button", name="I'm not available").count():
        page.get_by_role("button", name="I'm not available").click()
    context.close()


def notified(page: Page, within: float = 15) -> None:
    """Waits until the console showed a browser notification (the page's CSP forbids
    Playwright's own waiting script, so the count is read from here)."""
    deadline = time.monotonic() + within
    while page.evaluate("window.__notified.length") == 0:
        assert time.monotonic() < deadline, "no browser notification"
        page.wait_for_timeout(250)


def patient(browser: Browser, assistant: Assistant) -> Chat:
    page = browser.new_context().new_page()
    page.goto(assistant.web_url)
    chat = Chat(page)
    chat.start()
    return chat


def test_a_clinician_answers_a_patient_who_asked_for_a_person_then_hands_back(
    browser: Browser, assistant: Assistant, clinician: Page
) -> None:
    chat = patient(browser, assistant)
    asked = chat.say("my neck has been stiff and sore for about a week")
    assert "?" in asked  # the intake's next question
    answer = chat.say("can I talk to a real person please")
    assert "someone will reply here" in answer

    # Told at once, without a reload: a browser notification and a banner.
    notified(clinician)
    # Any console page shows who waits.
    clinician.goto(f"{assistant.web_url}/console/callbacks")
    banner = clinician.locator("#handoff-banner")
    expect(banner).to_contain_text("waiting for a person", timeout=15_000)
    banner.get_by_role("link").click()
    clinician.get_by_role("button", name="Take this chat").click()
    expect(clinician.locator("#live-lines")).to_contain_text("can I talk to a real person")
    clinician.get_by_label("Message").fill(
        "Hi, I'm Clara, one of the physiotherapists. How can I help?"
    )
    clinician.get_by_role("button", name="Send").click()

    staff_line = chat.page.locator(".line.staff")
    expect(staff_line).to_contain_text("Clara (physiotherapist)", timeout=15_000)
    expect(staff_line).to_contain_text("How can I help?")
    chat.page.get_by_label("Your message").fill("is it ok to keep going to the gym?")
    chat.page.get_by_label("Your message").press("Enter")
    chat.wait_for_answer()
    expect(clinician.locator("#live-lines")).to_contain_text(
        "keep going to the gym", timeout=15_000
    )
    screenshot(clinician, "console-live-chat")
    screenshot(chat.page, "widget-live-chat")

    clinician.get_by_role("button", name="Hand back to the assistant").click()
    handed_back = chat.page.locator(".line.assistant", has_text="carry on from where we were")
    expect(handed_back).to_be_visible(timeout=15_000)
    # ...and asks again what it was waiting for when the person was asked for.
    expect(chat.page.locator(".line.assistant").last).to_contain_text("spread")
    # Where it was: the intake's question before the person was asked for, again.
    next_answer = chat.say("no, it doesn't spread anywhere")
    assert "?" in next_answer and "someone will reply" not in next_answer


def test_with_nobody_taking_the_chat_a_call_back_is_offered_and_queued(
    browser: Browser, assistant: Assistant, clinician: Page
) -> None:
    chat = patient(browser, assistant)
    assert "someone will reply here" in chat.say("I'd like to speak to a human being")
    notified(clinician)
    expect(clinician.locator("#handoff-banner")).to_be_visible(timeout=15_000)

    # Nobody takes it: after the wait (HANDOFF_WAIT_MINUTES) the call-back is offered.
    offer = chat.page.locator(".line.assistant").last
    expect(offer).to_contain_text("call you back", timeout=40_000)
    assert "Who should the clinic ask for" in chat.click("Yes, call me back")
    chat.say("Maya Chen")
    assert "When is a good time" in chat.say("646 555 0119")
    assert "Shall the clinic call Maya Chen" in chat.say("as soon as possible")
    assert "call Maya Chen" in chat.click("Yes, please")
    conversation = assistant.conversation_of(chat.session())
    [queued] = CallBackStore(f"sqlite:///{assistant.database}").for_conversation(conversation)
    assert queued.reason == "handoff_timeout" and queued.phone == "+16465550119"
    clinician.goto(f"{assistant.web_url}/console/callbacks")
    expect(clinician.get_by_text("Asked for a person; nobody was free")).to_be_visible()
