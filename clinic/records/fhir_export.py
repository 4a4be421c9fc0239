"""The intake as a FHIR R4 Bundle a records system can take.

A `collection` Bundle with:
- a `QuestionnaireResponse` answering our published `Questionnaire`
  (docs/fhir/Questionnaire-tdn-intake.json, linkIds below), each answer with the patient's
  own phrase as a nested `said` item;
- `Observation`s: pain severity (LOINC 72514-3, 0-10) and where it hurts (SNOMED CT pain
  finding at a SNOMED CT body structure, with laterality);
- a `Flag` per red flag and per contraindication (codes from our published CodeSystems:
  SNOMED CT has no concept for "possible cauda equina, needs the emergency department");
- the booking as an `Appointment`; the patient as a `Patient` when a name is known.

Built as plain dicts from the conversation's slots and the handover's phrases; the caller
validates it with fhir.resources (the tests too, and the code lists it doesn't check).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from clinic.records.fhir_codes import (
    BODY_SITES,
    LATERALITY,
    LOINC,
    PAIN_FINDING,
    PAIN_SEVERITY,
    SNOMED,
    code_system_url,
    fhir_base,
    questionnaire_url,
)
from clinic.records.handover import FIT_WORDS, TRIAGE_WORDS
from clinic.safety.contraindications import BY_CODE as CONTRAINDICATION
from clinic.safety.staff_words import red_flag_name, sign_words
from clinic.vocabulary import display_name

# Our namespace for the conversation id, so the same conversation always gets the same ids.
_IDS = uuid.UUID("6f1c2f0e-7c1a-4e0b-9d8e-2b5f4c3a1d00")


def _id(conversation_id: str, what: str) -> str:
    return str(uuid.uuid5(_IDS, f"{conversation_id}/{what}"))


def _coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"system": system, "code": code, "display": display}


def _ours(kind: str, code: str, display: str) -> dict[str, Any]:
    return _coding(code_system_url(kind), code, display)


def _instant(moment: float | dt.datetime) -> str:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    return dt.datetime.fromtimestamp(moment, dt.timezone.utc).isoformat(timespec="seconds")


def body_site(part: str, side: str | None = None) -> dict[str, Any]:
    """A CodeableConcept for where it hurts: SNOMED CT where we have the concept, always the
    words (a part without a verified concept is sent as text only, never a guessed code)."""
    words = display_name(part)
    if side in ("left", "right"):
        words = f"{side} {words}"
    elif side == "both":
        words = f"{words}, both sides"
    concept: dict[str, Any] = {"text": words}
    if part in BODY_SITES:
        concept["coding"] = [_coding(SNOMED, *BODY_SITES[part])]
    return concept


def bundle(
    conversation_id: str,
    slots: Mapping[str, Any],
    phrases: Mapping[tuple[str, str], str],
    started_at: float,
    last_at: float,
    bookings: Sequence[Any] = (),
) -> dict[str, Any]:
    """The conversation's intake as a FHIR R4 collection Bundle (a plain dict)."""
    patient_ref = f"urn:uuid:{_id(conversation_id, 'patient')}"
    entries: list[dict[str, Any]] = []
    name = slots.get("patient_name")
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": _id(conversation_id, "patient"),
        "identifier": [
            {"system": f"{fhir_base()}/identifier/conversation", "value": conversation_id}
        ],
    }
    if name:
        patient["name"] = [{"text": name}]
    if slots.get("patient_phone"):
        patient["telecom"] = [{"system": "phone", "value": slots["patient_phone"]}]
    entries.append(patient)
    entries.append(_questionnaire_response(conversation_id, slots, phrases, last_at, patient_ref))
    entries += _observations(conversation_id, slots, phrases, last_at, patient_ref)
    entries += _flags(conversation_id, slots, started_at, patient_ref)
    entries += [_appointment(b, patient_ref) for b in bookings]
    return {
        "resourceType": "Bundle",
        "id": _id(conversation_id, "bundle"),
        "type": "collection",
        "timestamp": _instant(last_at),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource} for resource in entries
        ],
    }


def _said(link_id: str, phrase: str) -> list[dict[str, Any]]:
    """The patient's own words for an answer, as its nested item."""
    return [{"linkId": f"{link_id}.said", "answer": [{"valueString": phrase}]}] if phrase else []


def _answer(value: dict[str, Any], link_id: str, phrase: str = "") -> dict[str, Any]:
    answer = dict(value)
    if nested := _said(link_id, phrase):
        answer["item"] = nested
    return answer


def _questionnaire_response(
    conversation_id: str,
    slots: Mapping[str, Any],
    phrases: Mapping[tuple[str, str], str],
    authored: float,
    patient_ref: str,
) -> dict[str, Any]:
    def said(slot: str, item: str = "") -> str:
        return phrases.get((slot, item), "")

    items: list[dict[str, Any]] = []

    def add(link_id: str, *answers: dict[str, Any]) -> None:
        if answers:
            items.append({"linkId": link_id, "answer": list(answers)})

    part = slots.get("body_part")
    if part:
        add("where", _answer({"valueCoding": _site_coding(part)}, "where", said("body_part")))
    if slots.get("side") in LATERALITY:
        code, display = LATERALITY[slots["side"]]
        add("side", _answer({"valueCoding": _coding(SNOMED, code, display)}, "side", said("side")))
    others = [p for p in (slots.get("pain_sites") or [])[1:] if p != part]
    add(
        "also",
        *(_answer({"valueCoding": _site_coding(p)}, "also", said("pain_sites", p)) for p in others),
    )
    if slots.get("pain_quality"):
        quality = slots["pain_quality"]
        coding = _ours("pain-quality", quality, display_name(quality))
        add("feels", _answer({"valueCoding": coding}, "feels", said("pain_quality")))
    if slots.get("pain_radiates") is not None:
        spread = said("pain_radiates") or said("radiates_to")
        add("spreads", _answer({"valueBoolean": bool(slots["pain_radiates"])}, "spreads", spread))
    if slots.get("radiates_to"):
        coding = _site_coding(slots["radiates_to"])
        add("spreads-to", _answer({"valueCoding": coding}, "spreads-to", said("radiates_to")))
    if slots.get("pain_duration"):
        text = str(slots["pain_duration"])
        add("how-long", _answer({"valueString": text}, "how-long", said("pain_duration")))
    if slots.get("pain_duration_days") is not None:
        add("how-long-days", {"valueDecimal": float(slots["pain_duration_days"])})
    if slots.get("pain_severity") is not None:
        score = {"valueInteger": round(float(slots["pain_severity"]))}
        add("severity", _answer(score, "severity", said("pain_severity")))
    if slots.get("pain_worst") is not None:
        add("severity-worst", {"valueInteger": round(float(slots["pain_worst"]))})
    for link_id, kind, slot, words in (
        ("red-flags", "red-flag", "red_flags", red_flag_name),
        ("warning-signs", "warning-sign", "warning_signs", sign_words),
        ("contraindications", "contraindication", "contraindications", _contraindication),
    ):
        add(
            link_id,
            *(
                _answer({"valueCoding": _ours(kind, c, words(c))}, link_id, said(slot, c))
                for c in slots.get(slot) or []
            ),
        )
    if slots.get("tdn_fit") in FIT_WORDS:
        fit = slots["tdn_fit"]
        add("tdn-fit", {"valueCoding": _ours("tdn-fit", fit, FIT_WORDS[fit])})
    if slots.get("triage_level") in TRIAGE_WORDS:
        level = slots["triage_level"]
        words = TRIAGE_WORDS[level].format(emergency="the emergency number")
        add("triage", {"valueCoding": _ours("triage", level, words)})
    complete = bool(slots.get("tdn_fit") or slots.get("triage_level") == "emergency")
    return {
        "resourceType": "QuestionnaireResponse",
        "id": _id(conversation_id, "intake"),
        "questionnaire": questionnaire_url(),
        "status": "completed" if complete else "in-progress",
        "subject": {"reference": patient_ref},
        "authored": _instant(authored),
        "item": items,
    }


def _site_coding(part: str) -> dict[str, Any]:
    if part in BODY_SITES:
        return _coding(SNOMED, *BODY_SITES[part])
    return _ours("body-site", part, display_name(part))


def _contraindication(code: str) -> str:
    known = CONTRAINDICATION.get(code)
    return known.label if known else code.replace("_", " ")


def _observations(
    conversation_id: str,
    slots: Mapping[str, Any],
    phrases: Mapping[tuple[str, str], str],
    at: float,
    patient_ref: str,
) -> list[dict[str, Any]]:
    observations = []
    part = slots.get("body_part")
    side = slots.get("side")
    if slots.get("pain_severity") is not None:
        severity: dict[str, Any] = {
            "resourceType": "Observation",
            "id": _id(conversation_id, "severity"),
            "status": "final",
            "category": [_category("survey")],
            "code": {"coding": [_coding(LOINC, *PAIN_SEVERITY)]},
            "subject": {"reference": patient_ref},
            "effectiveDateTime": _instant(at),
            "valueInteger": round(float(slots["pain_severity"])),
        }
        if part:
            severity["bodySite"] = body_site(part, side)
        if phrases.get(("pain_severity", "")):
            severity["note"] = [{"text": f"Patient: {phrases[('pain_severity', '')]}"}]
        observations.append(severity)
    places = [(part, side)] if part else []
    sides = slots.get("site_sides") or {}
    places += [
        (p, sides.get(p) if isinstance(sides, dict) else None)
        for p in (slots.get("pain_sites") or [])[1:]
        if p != part
    ]
    for number, (place, place_side) in enumerate(places):
        pain: dict[str, Any] = {
            "resourceType": "Observation",
            "id": _id(conversation_id, f"pain-site-{number}"),
            "status": "final",
            "category": [_category("exam")],
            "code": {"coding": [_coding(SNOMED, *PAIN_FINDING)], "text": "Pain"},
            "subject": {"reference": patient_ref},
            "effectiveDateTime": _instant(at),
            "bodySite": body_site(place, place_side),
            "valueBoolean": True,
        }
        if place_side in LATERALITY:
            code, display = LATERALITY[place_side]
            pain["component"] = [
                {
                    "code": {"coding": [_coding(SNOMED, *LATERALITY["attribute"])]},
                    "valueCodeableConcept": {"coding": [_coding(SNOMED, code, display)]},
                }
            ]
        observations.append(pain)
    return observations


def _category(code: str) -> dict[str, Any]:
    system = "http://terminology.hl7.org/CodeSystem/observation-category"
    return {"coding": [_coding(system, code, {"survey": "Survey", "exam": "Exam"}[code])]}


def _flags(
    conversation_id: str, slots: Mapping[str, Any], started: float, patient_ref: str
) -> list[dict[str, Any]]:
    category = "http://terminology.hl7.org/CodeSystem/flag-category"

    def flag(kind: str, code: str, display: str, text: str) -> dict[str, Any]:
        return {
            "resourceType": "Flag",
            "id": _id(conversation_id, f"{kind}-{code}"),
            "status": "active",
            "category": [{"coding": [_coding(category, "clinical", "Clinical")]}],
            "code": {"coding": [_ours(kind, code, display)], "text": text},
            "subject": {"reference": patient_ref},
            "period": {"start": _instant(started)},
        }

    red = [flag("red-flag", c, red_flag_name(c), red_flag_name(c))
           for c in slots.get("red_flags") or []]  # fmt: skip
    needling = [
        flag("contraindication", c, _contraindication(c), f"Dry needling: {_contraindication(c)}")
        for c in slots.get("contraindications") or []
    ]
    return [*red, *needling]


_APPOINTMENT_STATUS = {
    "confirmed": "booked",
    "attended": "fulfilled",
    "cancelled": "cancelled",
    "no_show": "noshow",
}


def _appointment(booking: Any, patient_ref: str) -> dict[str, Any]:
    return {
        "resourceType": "Appointment",
        "id": str(uuid.uuid5(_IDS, f"booking/{booking.reference}")),
        "identifier": [{"system": f"{fhir_base()}/identifier/booking", "value": booking.reference}],
        "status": _APPOINTMENT_STATUS.get(booking.status, "booked"),
        "description": "Free dry needling consultation",
        "start": _instant(booking.starts_at),
        "end": _instant(booking.ends_at),
        "participant": [
            {"actor": {"reference": patient_ref}, "status": "accepted"},
            {"actor": {"display": booking.practitioner}, "status": "accepted"},
        ],
    }
