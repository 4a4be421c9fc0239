"""End to end: the README's example conversation, played over the REST channel, exported
through the records system's API as FHIR R4 that fhir.resources accepts."""

from __future__ import annotations

import json
import urllib.request

import pytest
from fhir.resources.bundle import Bundle

from bench.patient import OFFER, answer_to, texts
from tests.running_assistant import FHIR_API_TOKEN, Assistant

pytestmark = pytest.mark.e2e
README_PATIENT = [
    "sharp pain in my lower back shooting down my left leg for 3 weeks",
    "banana",
    "about a 7",
]


def test_the_readme_conversation_exports_as_valid_fhir(assistant: Assistant) -> None:
    sender = "fhir-readme"
    for line in README_PATIENT:
        replies = assistant.say(sender, line)
    for _ in range(12):  # the screens the README leaves out, answered as a patient would
        if OFFER in texts(replies):
            break
        replies = assistant.say(sender, answer_to(texts(replies)))
    request = urllib.request.Request(
        f"{assistant.web_url}/api/fhir/conversations/{sender}",
        headers={"Authorization": f"Bearer {FHIR_API_TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("application/fhir+json")
        exported = json.load(response)
    Bundle.parse_obj(exported)
    found = {e["resource"]["resourceType"]: e["resource"] for e in exported["entry"]}
    answers = {i["linkId"]: i["answer"] for i in found["QuestionnaireResponse"]["item"]}
    assert answers["severity"][0]["valueInteger"] == 7
    assert answers["where"][0]["valueCoding"]["display"]
    said = answers["where"][0]["item"][0]["answer"][0]["valueString"]
    assert "lower back shooting down my left leg" in said
    assert answers["spreads"][0]["valueBoolean"] is True
    assert found["QuestionnaireResponse"]["status"] == "completed"
