"""The FHIR R4 export (clinic.records.fhir_export): a Bundle fhir.resources accepts, whose
QuestionnaireResponse answers our published Questionnaire with codes from its options (the
check fhir.resources doesn't make), SNOMED CT ids with valid check digits, LOINC 72514-3
for the pain score, and the console and API doors to it (clinicians, a token, audited)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from fhir.resources.bundle import Bundle

from clinic.records.fhir_codes import BODY_SITES, LATERALITY, SNOMED, verhoeff_valid
from clinic.records.fhir_definitions import code_systems, questionnaire
from clinic.records.fhir_export import bundle
from clinic.records.handover import heard_in
from clinic.safety import red_flags
from clinic.safety.contraindications import CONTRAINDICATIONS
from clinic.vocabulary import BODY_PARTS, PAIN_QUALITIES
from scripts.fhir_definitions import FOLDER, definitions
from tests.test_handover import STORY, bot, slot, user

START = dt.datetime(2026, 12, 7, 15, 0, tzinfo=dt.timezone.utc)
BOOKING = SimpleNamespace(
    reference="K7P4QM", status="confirmed", starts_at=START,
    ends_at=START + dt.timedelta(minutes=30), practitioner="Dr Peter Ray",
)  # fmt: skip
EVENTS = [
    *STORY[:11],  # where, the side, the spread, how long, how it feels
    bot("On a scale from 0 to 10, how bad is it usually?"),
    user("7, and I take warfarin"),
    slot("pain_severity", 7.0),
    slot("contraindications", ["anticoagulants"]),
    slot("tdn_fit", "assess_first"),
    slot("triage_level", "routine"),
    slot("pain_sites", ["lower_back", "hip"]),
    slot("site_sides", {"hip": "left"}),
    slot("patient_name", "Anna Smith"),
    slot("patient_phone", "+12125550143"),
]


def exported(events: list[dict[str, Any]] = EVENTS, bookings: tuple = (BOOKING,)) -> dict:
    heard = heard_in(events)
    return bundle("conv-1", heard.slots, heard.said, 1.76e9, 1.76e9 + 600, list(bookings))


def resources(found: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in found["entry"] if e["resource"]["resourceType"] == kind]


def items(tree: list[dict]) -> Iterator[dict]:
    for item in tree:
        yield item
        yield from items(item.get("item", []))
        for answer in item.get("answer", []):
            yield from items(answer.get("item", []))


def test_the_published_definitions_are_what_the_code_makes() -> None:
    for name, resource in definitions().items():
        published = json.loads((FOLDER / name).read_text())
        assert published == resource, f"{name} is stale: run python scripts/fhir_definitions.py"


def test_the_bundle_is_valid_fhir_r4() -> None:
    found = exported()
    Bundle.parse_obj(found)  # raises on anything R4 refuses
    kinds = [e["resource"]["resourceType"] for e in found["entry"]]
    assert kinds.count("QuestionnaireResponse") == 1 and "Appointment" in kinds
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in found["entry"])
    assert exported() == found  # the same conversation, the same ids


def test_every_answer_is_an_item_of_the_questionnaire_with_one_of_its_options() -> None:
    form = {item["linkId"]: item for item in items(questionnaire()["item"])}
    [response] = resources(exported(), "QuestionnaireResponse")
    assert response["questionnaire"] == questionnaire()["url"]
    for item in items(response["item"]):
        asked = form.get(item["linkId"])
        assert asked is not None, item["linkId"]
        for answer in item.get("answer", []):
            if "valueCoding" in answer:
                options = [o["valueCoding"] for o in asked["answerOption"]]
                assert answer["valueCoding"] in options, (item["linkId"], answer)
    answered = {item["linkId"] for item in response["item"]}
    assert {"where", "side", "also", "feels", "severity", "contraindications"} <= answered


def test_answers_carry_the_patients_own_words() -> None:
    [response] = resources(exported(), "QuestionnaireResponse")
    said = {i["linkId"]: i["answer"][0]["valueString"] for i in items(response["item"])
            if i["linkId"].endswith(".said")}  # fmt: skip
    assert "killing me for 3 weeks" in said["where.said"]
    assert said["contraindications.said"] == '"7, and I take warfarin"'
    assert said["feels.said"] == '"sharp" to "How does the pain feel?"'


def test_the_pain_score_is_loinc_72514_3_and_where_it_hurts_is_snomed_with_its_side() -> None:
    found = exported()
    observations = resources(found, "Observation")
    [score] = [o for o in observations if o["code"]["coding"][0]["system"] == "http://loinc.org"]
    assert score["code"]["coding"][0]["code"] == "72514-3" and score["valueInteger"] == 7
    places = [o for o in observations if o is not score]
    assert [o["bodySite"]["text"] for o in places] == ["left lower back", "left hip"]
    hip = places[1]
    assert hip["component"][0]["valueCodeableConcept"]["coding"][0]["code"] == "7771000"


def test_red_flags_and_contraindications_are_flags_and_the_booking_an_appointment() -> None:
    events = [*EVENTS, slot("red_flags", ["cauda_equina"]), slot("triage_level", "emergency")]
    found = exported(events)
    Bundle.parse_obj(found)
    flags = {f["code"]["text"] for f in resources(found, "Flag")}
    assert "Possible cauda equina syndrome" in flags
    assert "Dry needling: blood thinners or easy bruising" in flags
    [appointment] = resources(found, "Appointment")
    assert appointment["status"] == "booked" and appointment["identifier"][0]["value"] == "K7P4QM"


def test_an_intake_barely_begun_is_valid_and_in_progress() -> None:
    found = exported([user("hi")], bookings=())
    Bundle.parse_obj(found)
    [response] = resources(found, "QuestionnaireResponse")
    assert response["status"] == "in-progress" and response["item"] == []


def test_the_code_lists_cover_every_value_the_intake_can_hold() -> None:
    systems = {kind: {c["code"] for c in cs["concept"]} for kind, cs in code_systems().items()}
    assert {rule.code for rule in red_flags.RED_FLAGS} <= systems["red-flag"]
    assert {sign.name for sign in red_flags.SIGNS} <= systems["warning-sign"]
    assert {c.code for c in CONTRAINDICATIONS} <= systems["contraindication"]
    assert set(PAIN_QUALITIES) <= systems["pain-quality"]
    assert set(BODY_PARTS) <= set(BODY_SITES) | systems["body-site"]
    assert systems["tdn-fit"] == {"likely", "possible", "assess_first", "not_advised"}


def test_every_snomed_id_has_a_valid_check_digit() -> None:
    codes = [code for code, _ in BODY_SITES.values()] + [c for c, _ in LATERALITY.values()]
    assert codes and all(verhoeff_valid(code) for code in codes), codes
    [response] = resources(exported(), "QuestionnaireResponse")
    for item in items(response["item"]):
        for answer in item.get("answer", []):
            coding = answer.get("valueCoding") or {}
            if coding.get("system") == SNOMED:
                assert verhoeff_valid(coding["code"]), coding


@pytest.fixture
def console(monkeypatch: pytest.MonkeyPatch, booking_db: str) -> Any:
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    from clinic.staff_store import StaffStore
    from tests.test_console import API_TOKEN, PASSWORD
    from tests.tracker_rows import save_conversation
    from web.app import create_app

    save_conversation(
        booking_db,
        "fhir-one",
        [
            UserUttered("my left knee aches since saturday", timestamp=1.76e9),
            SlotSet("body_part", "knee", timestamp=1.76e9),
            SlotSet("side", "left", timestamp=1.76e9),
            BotUttered("How bad is it, 0 to 10?", timestamp=1.76e9),
            UserUttered("5", timestamp=1.76e9 + 30),
            SlotSet("pain_severity", 5.0, timestamp=1.76e9 + 30),
        ],
    )
    staff = StaffStore(booking_db)
    staff.save_member("clara", PASSWORD, "clinician")
    staff.save_member("rita", PASSWORD, "reception")
    monkeypatch.setenv("RASA_API_TOKEN", API_TOKEN)
    app = create_app(DATABASE_URL=booking_db, SECRET_KEY="t", FHIR_API_TOKEN="records-key-1")
    return SimpleNamespace(app=app, staff=staff)


def test_clinicians_export_from_the_console_and_it_is_audited(console: Any) -> None:
    from tests.test_console import sign_in

    clinician, _ = sign_in(console.app, "clara")
    answer = clinician.get("/console/conversations/fhir-one/fhir")
    assert answer.status_code == 200 and answer.mimetype == "application/fhir+json"
    Bundle.parse_obj(answer.get_json())
    actions = [(e.username, e.action, e.conversation_id) for e in console.staff.audit_entries()]
    assert ("clara", "export_fhir", "fhir-one") in actions
    reception, _ = sign_in(console.app, "rita")
    assert reception.get("/console/conversations/fhir-one/fhir").status_code == 403
    assert clinician.get("/console/conversations/none/fhir").status_code == 404


def test_the_api_needs_its_token_and_every_call_is_audited(console: Any) -> None:
    client = console.app.test_client()
    path = "/api/fhir/conversations/fhir-one"
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
    answer = client.get(path, headers={"Authorization": "Bearer records-key-1"})
    assert answer.status_code == 200
    [score] = [e["resource"] for e in answer.get_json()["entry"]
               if e["resource"].get("valueInteger") is not None]  # fmt: skip
    assert score["valueInteger"] == 5 and score["bodySite"]["text"] == "left knee"
    actions = [(e.username, e.action) for e in console.staff.audit_entries()]
    assert actions.count(("api", "refused")) == 2 and ("api", "export_fhir") in actions
