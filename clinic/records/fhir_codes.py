"""The codes of the FHIR export: SNOMED CT and LOINC where a concept exists and was checked
against a published source, and our own CodeSystems (published in docs/fhir/) for what
the clinic decides: red flags, warning signs, contraindications, the fit and the triage.

A body part without a checked SNOMED CT concept goes out in our body-site CodeSystem and
in words, never with a guessed code. tests/test_fhir_export.py checks every SNOMED CT id's
check digit (Verhoeff) and that each code list covers every value the intake can hold.
"""

from __future__ import annotations

import os

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
# Where our CodeSystems and the Questionnaire live (their canonical URLs).
DEFAULT_FHIR_BASE = "https://fhir.riverside-physio.example"

# LOINC 72514-3: the patient's 0-10 pain score.
PAIN_SEVERITY = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PAIN_FINDING = ("22253000", "Pain")
LATERALITY = {
    "attribute": ("272741003", "Laterality"),
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "both": ("51440002", "Right and left"),
}
# Our body parts (the contract's values) -> SNOMED CT body structure (id, display), each
# checked in session 15 against published value sets (the eHDSI body-site list, HL7 and IHE
# guides, the SNOMED editorial guide; two or more sources each). Upper and mid back have no
# concept (the thoracic spine's can't tell them apart), hamstring only a muscle group in one
# source, widespread none: they go out in our body-site CodeSystem, in words.
BODY_SITES: dict[str, tuple[str, str]] = {
    "head": ("69536005", "Head structure"),
    "jaw": ("661005", "Jaw region structure"),
    "neck": ("45048000", "Neck structure"),
    "shoulder": ("16982005", "Shoulder region structure"),
    "lower_back": ("37822005", "Lower back structure"),
    "back": ("77568009", "Structure of back of trunk"),
    "chest": ("51185008", "Thoracic structure"),
    "arm": ("40983000", "Upper arm structure"),
    "elbow": ("127949000", "Elbow region structure"),
    "forearm": ("14975008", "Forearm structure"),
    "wrist": ("8205005", "Wrist region structure"),
    "hand": ("85562004", "Hand structure"),
    "hip": ("29836001", "Hip region structure"),
    "buttock": ("46862004", "Buttock structure"),
    "groin": ("26893007", "Inguinal region structure"),
    "thigh": ("68367000", "Thigh structure"),
    "knee": ("72696002", "Knee region structure"),
    "calf": ("53840002", "Structure of calf of leg"),
    "leg": ("61685007", "Lower limb structure"),
    "ankle": ("344001", "Ankle region structure"),
    "foot": ("56459004", "Foot structure"),
    "heel": ("76853006", "Heel structure"),
}


def fhir_base() -> str:
    """The canonical base of our FHIR definitions (`CLINIC_FHIR_BASE`)."""
    return (os.environ.get("CLINIC_FHIR_BASE", "").strip() or DEFAULT_FHIR_BASE).rstrip("/")


def code_system_url(kind: str) -> str:
    return f"{fhir_base()}/CodeSystem/{kind}"


def questionnaire_url() -> str:
    return f"{fhir_base()}/Questionnaire/tdn-intake"


def verhoeff_valid(number: str) -> bool:
    """Whether a SNOMED CT id's last digit is its Verhoeff check digit (catches a typo)."""
    d = (
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
        (2, 3, 4, 0, 1, 7, 8, 9, 5, 6), (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
        (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
        (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
        (8, 7, 6, 5, 9, 3, 2, 1, 0, 4), (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
    )  # fmt: skip
    p = (
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
        (5, 8, 0, 3, 7, 9, 6, 1, 4, 2), (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
        (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
        (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
    )  # fmt: skip
    if not number.isdigit():
        return False
    check = 0
    for i, digit in enumerate(reversed(number)):
        check = d[check][p[i % 8][int(digit)]]
    return check == 0
