"""Driving the clinic's pages in Debian's headless Chromium with Playwright: the browser and
its contexts (fixtures), the widget as a patient uses it, screenshots, the axe-core scan."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bench.patient import OFFER, answer_to
from tests.conftest import ROOT

# Debian's Chromium; the test tools' own browser downloads don't work here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 375, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 860}}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
MARKUP = "<img src=x onerror=alert(1)>"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is missing: `make setup` installs Debian's chromium package.")
    return path


class Chat:
    """The widget on a page, driven as a patient drives it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    @property
    def lines(self) -> Any:
        return self.page.locator(".log .line")

    def start(self) -> None:
        """Opens the widget from the launcher and accepts the privacy notice."""
        self.page.get_by_role("button", name="Chat with our assistant").click()
        self.page.get_by_role("button", name="I understand, start the chat").click()
        expect(self.page.locator(".line.assistant").first).to_contain_text("Hello!", timeout=30_000)

    def wait_for_answer(self) -> None:
        expect(self.page.locator(".line.pending")).to_have_count(0, timeout=30_000)
        expect(self.page.locator(".typing")).to_have_text("")

    def say(self, text: str) -> str:
        """Types a message and sends it with Enter; returns the assistant's answer."""
        before = self.page.locator(".line.assistant").count()
        self.page.get_by_label("Your message").fill(text)
        self.page.get_by_label("Your message").press("Enter")
        self.wait_for_answer()
        return self.answer_since(before)

    def click(self, title: str) -> str:
        """Clicks one of the newest answer buttons; returns the assistant's answer."""
        before = self.page.locator(".line.assistant").count()
        self.newest_choices().get_by_role("button", name=title, exact=True).click()
        self.wait_for_answer()
        return self.answer_since(before)

    def newest_choices(self) -> Any:
        return self.page.locator(".line.assistant").last.locator(".choices")

    def answer_since(self, before: int) -> str:
        return "\n".join(self.page.locator(".line.assistant").all_inner_texts()[before:])

    def transcript(self) -> list[str]:
        return [" ".join(text.split()) for text in self.lines.all_inner_texts()]

    def session(self) -> str:
        return self.page.evaluate("localStorage.getItem('clinic-chat:session')")

    def through_the_intake(self, pain: str) -> str:
        """Describes the pain and answers each question, with buttons where offered."""
        answer = self.say(pain)
        for _ in range(15):
            if OFFER in answer:
                return answer
            reply = answer_to(answer)
            buttons = self.newest_choices().get_by_role("button")
            titles = buttons.all_inner_texts() if buttons.count() else []
            match = next((t for t in titles if t.lower().startswith(reply[:4].lower())), None)
            answer = self.click(match) if match else self.say(reply)
        raise AssertionError(f"the intake did not reach the offer: {answer}")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations that axe-core finds on the page."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        })).violations"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results
        if v["impact"] in ("serious", "critical")
    ]


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
