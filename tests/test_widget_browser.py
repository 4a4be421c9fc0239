"""The clinic's page and its chat widget in real headless Chromium, against the running
assistant: a phone user books a consultation, history survives a reload, markup stays
text, keyboard-only use works, a lost connection keeps the message, and axe-core finds no
serious or critical accessibility problem. Screenshots go to var/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, expect

from clinic.booking_store import BookingStore
from clinic.conversations import ConversationStore
from tests.browser_helpers import DESKTOP, MARKUP, PHONE, Chat, axe_violations, screenshot
from tests.running_assistant import Assistant

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture
def chat(assistant: Assistant, desktop: BrowserContext) -> Chat:
    """A desktop page with the widget open and the privacy notice accepted."""
    page = desktop.new_page()
    page.goto(assistant.web_url)
    started = Chat(page)
    started.start()
    return started


def test_a_phone_user_goes_from_the_page_to_a_booked_consultation(
    assistant: Assistant, phone: BrowserContext
) -> None:
    page = phone.new_page()
    page.goto(assistant.web_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Trigger point dry needling")
    expect(page.locator(".emergency-banner")).to_contain_text("112")  # from settings
    screenshot(page, "phone-page")
    chat = Chat(page)
    page.get_by_role("button", name="Ask our assistant").click()  # the page's own button
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator(".emergency")).to_contain_text("Not for emergencies")
    expect(page.locator(".emergency a")).to_have_attribute("href", "tel:112")
    # Nothing can be typed before the privacy notice is accepted.
    expect(page.get_by_label("Your message")).to_be_hidden()
    screenshot(page, "phone-privacy-notice")
    page.get_by_role("button", name="I understand, start the chat").click()
    expect(page.locator(".line.assistant").first).to_contain_text("Hello!")

    assessment = chat.through_the_intake("my left knee aches")
    assert "Dry needling may help" in assessment and "knee" in assessment
    box = page.get_by_role("dialog").bounding_box()
    assert box and box["width"] <= 375  # the chat fits the phone's width
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    screenshot(page, "phone-assessment")

    answer = chat.click("Yes, please")
    assert "When would suit you" in answer
    answer = chat.say("as soon as possible")
    times = chat.newest_choices().get_by_role("button").all_inner_texts()
    assert len(times) >= 2 and times[-1] == "Other times"
    assert "What name" in chat.click(times[0])
    assert "phone number or an email" in chat.say("Anna Smith")
    summary = chat.say("(212) 555-0143")  # what is kept and why, with the booking itself
    assert "keeps your name" in summary and "Shall I book it?" in summary
    answer = chat.click(chat.newest_choices().get_by_role("button").all_inner_texts()[0])
    assert "You're booked for" in answer
    screenshot(page, "phone-booked")

    reference = re.search(r"\b[A-Z0-9]{6}\b", answer.split("reference", 1)[-1])
    assert reference, answer
    booking = BookingStore(f"sqlite:///{assistant.database}").get(reference.group())
    conversation = assistant.conversation_of(chat.session())
    assert booking.conversation_id == conversation and booking.patient_name == "Anna Smith"
    assert chat.dialogs == []


def test_the_conversation_survives_a_reload_and_another_page(
    assistant: Assistant, chat: Chat
) -> None:
    page = chat.page
    assert "spread" in chat.say("I have a dull ache in my lower back on the left side for 3 weeks")
    assert "0 (no pain) to 10" in chat.click("No")  # a button, answered by its title
    assert "do you have any of these?" in chat.say("4")
    before = chat.transcript()
    assert "You: 4" in before[-2]

    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()  # still open, no second consent
    expect(chat.lines).to_have_count(len(before))
    assert chat.transcript() == before
    # Only the newest question's buttons can be used: the checklist's.
    expect(page.locator(".choices button:enabled")).to_have_text(["No", "Yes", "I'm not sure"])

    page.goto(f"{assistant.web_url}/?from=another-page")
    expect(chat.lines).to_have_count(len(before))
    answer = chat.click("No")  # the restored buttons answer the open question
    assert "numbness around your bottom" not in answer and "cancer" in answer
    expect(chat.lines).to_have_count(len(before) + 2)


def test_markup_from_the_patient_or_the_server_stays_text(chat: Chat) -> None:
    page = chat.page
    chat.say(MARKUP)
    expect(page.locator(".line.patient .bubble").last).to_have_text(MARKUP)
    page.reload()
    expect(page.locator(".line.patient .bubble").last).to_have_text(MARKUP)
    assert page.locator(".log img").count() == 0

    # Whatever an answer holds, only text, line breaks, lists, bold and http(s) links render.
    hostile = {
        "text": "<b>not bold</b> **bold** [click](javascript:alert(2)) see https://example.org"
        "\n- first\n- second",
        "buttons": [{"title": "<img src=y onerror=alert(3)>", "payload": "/deny"}],
    }
    page.route("**/chat/send", lambda route: route.fulfill(json={"messages": [hostile]}))
    chat.say("hello")
    last = page.locator(".line.assistant").last
    expect(last.locator("strong")).to_have_text("bold")
    expect(last.locator("a")).to_have_count(1)
    expect(last.locator("a")).to_have_attribute("href", "https://example.org/")
    expect(last.locator("li")).to_have_count(2)
    expect(last).to_contain_text("<b>not bold</b>")
    expect(last).to_contain_text("[click](javascript:alert(2))")
    expect(last.get_by_role("button")).to_have_text("<img src=y onerror=alert(3)>")
    assert page.locator(".log img, .log b").count() == 0
    assert chat.dialogs == []


def test_keyboard_only(assistant: Assistant, desktop: BrowserContext) -> None:
    page = desktop.new_page()
    page.goto(assistant.web_url)
    launcher = page.get_by_role("button", name="Chat with our assistant")
    for _ in range(25):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el.matches(':focus')"):
            break
    else:
        raise AssertionError("Tab never reached the chat launcher")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="I understand, start the chat")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your message")).to_be_focused()
    expect(page.locator(".line.assistant").first).to_contain_text("Hello!")
    page.keyboard.type("I have a dull ache in my neck on the right")
    page.keyboard.press("Enter")
    Chat(page).wait_for_answer()
    # Back from the message box to the newest answer buttons, and choose one.
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="No", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".line.patient").last).to_have_text("You: No")
    Chat(page).wait_for_answer()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_the_notice_cannot_be_accepted_before_the_clinic_settings_arrive(
    assistant: Assistant, desktop: BrowserContext
) -> None:
    # On a slow line the patient can open the chat before the settings (the notice's text
    # and version) arrive; a click then agreed to nothing and was lost, leaving the notice up.
    page = desktop.new_page()
    held: list[Route] = []
    page.route("**/chat/settings", lambda route: held.append(route))
    page.goto(assistant.web_url)
    page.get_by_role("button", name="Chat with our assistant").click()
    agree = page.get_by_role("button", name="I understand, start the chat")
    expect(agree).to_be_disabled()
    for _ in range(50):  # the held request reaches the handler while Playwright waits
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the widget never asked for its settings"
    held[0].continue_()
    expect(agree).to_be_enabled()
    expect(agree).to_be_focused()  # where opening the chat would have put it
    agree.click()
    expect(page.get_by_role("group", name="Before we start")).to_be_hidden()
    expect(page.locator(".line.assistant").first).to_contain_text("Hello!", timeout=30_000)


def test_a_lost_connection_keeps_the_message_and_sends_it_once(
    assistant: Assistant, chat: Chat
) -> None:
    page = chat.page
    page.route("**/chat/*", lambda route: route.abort("internetdisconnected"))
    box = page.get_by_label("Your message")
    box.fill("my shoulder hurts")
    box.press("Enter")
    expect(page.locator(".notice")).to_contain_text("can't reach the assistant")
    expect(page.locator(".line.patient.pending")).to_have_text(
        "You: my shoulder hurts (not sent yet)"
    )
    # A draft typed meanwhile and the unsent message both survive a reload.
    box.fill("and my neck")
    page.unroute("**/chat/*")
    page.route("**/chat/send", lambda route: route.abort("internetdisconnected"))
    page.reload()
    expect(page.get_by_label("Your message")).to_have_value("and my neck")
    expect(page.locator(".line.patient.pending")).to_have_text(
        "You: my shoulder hurts (not sent yet)"
    )

    page.unroute("**/chat/send")
    chat.wait_for_answer()  # the widget tries again by itself (after 2 s here)
    expect(page.locator(".notice")).to_be_hidden()
    page.reload()
    expect(page.locator(".line.patient")).to_have_text(["You: my shoulder hurts"])
    store = ConversationStore(f"sqlite:///{assistant.database}")
    sent = [
        line.text
        for line in store.current_chat(assistant.conversation_of(chat.session()), 60)
        if line.sender == "patient"
    ]
    assert sent == ["my shoulder hurts"]


def test_bad_input_gets_a_clear_answer_and_keeps_the_text(chat: Chat) -> None:
    page = chat.page
    box = page.get_by_label("Your message")
    box.press("Enter")
    expect(page.locator(".notice")).to_have_text("Please type a message first.")
    too_long = "my back hurts " * 150  # 2,100 characters
    box.fill(too_long)
    expect(page.locator(".count")).to_have_text("100 characters too long")
    box.press("Enter")
    expect(page.locator(".notice")).to_contain_text("up to 2000")
    expect(box).to_have_value(too_long)
    expect(page.locator(".line.patient")).to_have_count(0)
    answer = chat.say("🤕🤕 me duele la espalda")
    assert answer.strip()
    expect(page.locator(".line.patient .bubble")).to_have_text(["🤕🤕 me duele la espalda"])


def test_start_over_begins_a_new_conversation_and_keeps_the_old_one(
    assistant: Assistant, chat: Chat
) -> None:
    page = chat.page
    chat.say("my heel hurts in the morning")
    first = chat.session()
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("group", name="Start over?").get_by_role("button", name="Start over").click()
    expect(chat.lines).to_have_count(1)
    expect(chat.lines.first).to_contain_text("Hello!")
    assert chat.session() != first
    old = ConversationStore(f"sqlite:///{assistant.database}").current_chat(
        assistant.conversation_of(first), 60
    )
    assert [line.text for line in old if line.sender == "patient"] == [
        "my heel hurts in the morning"
    ]


def test_screenshots_and_no_serious_accessibility_problems(
    assistant: Assistant, browser: Browser
) -> None:
    # axe-core is injected as an inline script, which the page's own CSP rightly refuses.
    for name, device in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(**device, bypass_csp=True)
        page = context.new_page()
        page.goto(assistant.web_url)
        assert axe_violations(page) == [], f"{name}: the page"
        chat = Chat(page)
        page.get_by_role("button", name="Chat with our assistant").click()
        assert axe_violations(page) == [], f"{name}: the privacy notice"
        page.get_by_role("button", name="I understand, start the chat").click()
        chat.wait_for_answer()
        chat.say("I've had a tension headache and a stiff neck for a month")
        assert axe_violations(page) == [], f"{name}: a conversation with answer buttons"
        screenshot(page, f"{name}-chat")
        context.close()
