"""The FHIR definitions we publish (docs/fhir/): the intake `Questionnaire` whose linkIds the
export's QuestionnaireResponse answers, and our `CodeSystem`s, made from the same tables the
assistant and the console use, so they can't drift apart (`scripts/fhir_definitions.py`
writes them; a test checks the published files are what these functions make).
"""

from __future__ import annotations

from typing import Any

from clinic.records.fhir_codes import (
    BODY_SITES,
    LATERALITY,
    SNOMED,
    code_system_url,
    questionnaire_url,
)
from clinic.records.handover import FIT_WORDS, TRIAGE_WORDS
from clinic.safety.contraindications import CONTRAINDICATIONS
from clinic.safety.staff_words import RED_FLAG_NAMES, SIGN_WORDS
from clinic.vocabulary import BODY_PARTS, PAIN_QUALITIES, display_name

PUBLISHER = "Riverside Physiotherapy"
VERSION = "1.0.0"
DATE = "2026-12-05"


def code_systems() -> dict[str, dict[str, Any]]:
    """Every CodeSystem of ours, by kind."""
    tables: dict[str, tuple[str, dict[str, str]]] = {
        "red-flag": ("Red flags raised by the intake's safety rules", RED_FLAG_NAMES),
        "warning-sign": ("Warning signs the safety rules read", SIGN_WORDS),
        "contraindication": (
            "Contraindications and precautions for dry needling",
            {c.code: c.label for c in CONTRAINDICATIONS},
        ),
        "tdn-fit": ("Whether dry needling may help", FIT_WORDS),
        "triage": (
            "Triage level of the intake",
            {k: v.format(emergency="the emergency number") for k, v in TRIAGE_WORDS.items()},
        ),
        "pain-quality": ("How the pain feels", {q: display_name(q) for q in PAIN_QUALITIES}),
        "body-site": (
            "Body parts without a checked SNOMED CT concept",
            {p: display_name(p) for p in BODY_PARTS if p not in BODY_SITES},
        ),
    }
    return {
        kind: {
            "resourceType": "CodeSystem",
            "id": f"tdn-{kind}",
            "url": code_system_url(kind),
            "version": VERSION,
            "name": "".join(w.capitalize() for w in f"tdn-{kind}".split("-")),
            "title": title,
            "status": "active",
            "date": DATE,
            "publisher": PUBLISHER,
            "content": "complete",
            "caseSensitive": True,
            "count": len(table),
            "concept": [{"code": code, "display": words} for code, words in table.items()],
        }
        for kind, (title, table) in tables.items()
    }


def _choice(
    link_id: str, text: str, options: list[dict[str, Any]], repeats: bool = False
) -> dict[str, Any]:
    """A choice item with its options listed (so an answer can be checked against them)."""
    item: dict[str, Any] = {"linkId": link_id, "text": text, "type": "choice"}
    if repeats:
        item["repeats"] = True
    item["answerOption"] = [{"valueCoding": coding} for coding in options]
    return item


def _ours(kind: str) -> list[dict[str, Any]]:
    system = code_systems()[kind]
    return [{"system": system["url"], "code": c["code"], "display": c["display"]}
            for c in system["concept"]]  # fmt: skip


def body_site_options() -> list[dict[str, Any]]:
    """Every body part the intake can name: SNOMED CT where checked, else ours."""
    ours = {c["code"]: c for c in _ours("body-site")}
    return [
        {"system": SNOMED, "code": BODY_SITES[part][0], "display": BODY_SITES[part][1]}
        if part in BODY_SITES
        else ours[part]
        for part in BODY_PARTS
    ]


def _with_said(item: dict[str, Any]) -> dict[str, Any]:
    """An item whose answers carry the patient's own words as a nested `said` item."""
    said = {"linkId": f"{item['linkId']}.said", "text": "The patient's own words", "type": "string"}
    return {**item, "item": [said]}


def questionnaire() -> dict[str, Any]:
    """The intake as a Questionnaire: one item per fact the assistant asks or reads."""
    sites = body_site_options()
    sides = [
        {"system": SNOMED, "code": code, "display": display}
        for side, (code, display) in LATERALITY.items()
        if side != "attribute"
    ]
    items = [
        _with_said(_choice("where", "Where does it hurt the most?", sites)),
        _with_said(_choice("side", "Which side?", sides)),
        _with_said(_choice("also", "Other painful places", sites, repeats=True)),
        _with_said(_choice("feels", "How does the pain feel?", _ours("pain-quality"))),
        _with_said({"linkId": "spreads", "text": "Does the pain spread?", "type": "boolean"}),
        _with_said(_choice("spreads-to", "Where does it spread to?", sites)),
        _with_said({"linkId": "how-long", "text": "How long has it hurt?", "type": "string"}),
        {"linkId": "how-long-days", "text": "How long, in days", "type": "decimal"},
        _with_said({"linkId": "severity", "text": "How bad, usually (0-10)?", "type": "integer"}),
        {"linkId": "severity-worst", "text": "How bad at worst (0-10)", "type": "integer"},
        _with_said(_choice("red-flags", "Red flags raised", _ours("red-flag"), repeats=True)),
        _with_said(_choice("warning-signs", "Warning signs reported", _ours("warning-sign"), True)),
        _with_said(
            _choice(
                "contraindications", "Contraindications reported", _ours("contraindication"), True
            )
        ),
        _choice("tdn-fit", "Whether dry needling may help", _ours("tdn-fit")),
        _choice("triage", "Triage level", _ours("triage")),
    ]
    return {
        "resourceType": "Questionnaire",
        "id": "tdn-intake",
        "url": questionnaire_url(),
        "version": VERSION,
        "name": "TdnIntake",
        "title": "Dry needling intake (chat assistant)",
        "status": "active",
        "date": DATE,
        "publisher": PUBLISHER,
        "subjectType": ["Patient"],
        "description": (
            "The facts the clinic's chat assistant gathers before a free dry needling"
            " consultation. Body sites are SNOMED CT body structures where a checked concept"
            " exists, else codes of the body-site CodeSystem. Not a diagnosis."
        ),
        "item": items,
    }
