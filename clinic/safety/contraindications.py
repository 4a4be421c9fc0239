"""Reasons not to needle, or to let the physiotherapist decide first (clinical facts, section 3).

Absolute ones make dry needling `not_advised`: the consultation can still cover other
physiotherapy. Relative ones make it `assess_first`. Phrases follow `clinic.red_flags`.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic.safety.red_flags import Sign


@dataclass(frozen=True)
class Contraindication:
    """A contraindication code (shared CONTRACT.md), how the clinic names it, whether absolute."""

    code: str
    absolute: bool
    label: str


CONTRAINDICATIONS: tuple[Contraindication, ...] = (
    Contraindication("needle_phobia", True, "a fear of needles or fainting with needles"),
    Contraindication("past_reaction", True, "a bad reaction to needling or injections before"),
    Contraindication("lymphoedema", True, "lymphoedema, or lymph nodes removed"),
    Contraindication("skin_infection", True, "an infection or broken skin where it hurts"),
    Contraindication("bleeding_disorder", True, "a bleeding disorder"),
    Contraindication("anticoagulants", False, "blood thinners or easy bruising"),
    Contraindication("pregnancy", False, "pregnancy"),
    Contraindication("immunosuppressed", False, "a weakened immune system"),
    Contraindication("implant_near_site", False, "an implant near the painful area"),
    Contraindication("epilepsy", False, "epilepsy"),
)
BY_CODE = {c.code: c for c in CONTRAINDICATIONS}

_NEEDLES = "needle|needles|needling|injection|injections|jab|jabs|acupuncture|blood"

SIGNS: tuple[Sign, ...] = (
    Sign("needle_phobia", (
        f"scared|afraid|terrified|frightened|fear|phobia|phobic|hate|panic ... {_NEEDLES}",
        f"{_NEEDLES} ... scare|scares|terrify|terrifies|phobia|phobic",
        f"faint|fainted|fainting ... {_NEEDLES}",
        f"pass|passed|passing out ... {_NEEDLES}",
        f"{_NEEDLES} ... faint|fainted|fainting",
        "trypanophobia",
    )),
    Sign("past_reaction", (
        f"bad|allergic|severe|awful|terrible reaction ... {_NEEDLES}",
        f"reacted|react badly ... {_NEEDLES}",
        f"{_NEEDLES} ... bad|allergic|severe|awful|terrible reaction",
    )),
    Sign("lymphoedema", (
        "lymphoedema|lymphedema",
        "lymph node|nodes|glands ... removed|out|taken|surgery|dissection|cleared",
        "removed|removal|taken ... lymph node|nodes|glands",
    )),
    Sign("skin_infection", (
        "skin infection|infections",
        "infected skin|cut|wound|spot|sore|graze",
        "broken|open|cracked skin",
        "open wound|sore|cut",
        "cellulitis|impetigo",
        "cut|wound|graze|sore ... infected",
        "skin ... infected|broken|cracked|weeping",
    )),
    Sign("bleeding_disorder", (
        "haemophilia|hemophilia|haemophiliac|hemophiliac",
        "von willebrand",
        "bleeding|clotting disorder|condition|problem",
        "low platelets",
        "thrombocytopenia",
        "bleed easily",
        "bleed a lot",
    )),
    Sign("anticoagulants", (
        "blood thinner|thinners|thinning",
        "warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban"
        "|lixiana|clopidogrel|plavix|heparin|enoxaparin|clexane|ticagrelor|brilinta"
        "|anticoagulant|anticoagulants|anticoagulation",
        "aspirin daily|every",
        "daily aspirin",
        "bruise|bruising easily",
        "easy bruising",
    )),
    Sign("pregnancy", (
        "pregnant|pregnancy|trimester",
        "expecting a baby",
        "having a baby",
    )),
    Sign("immunosuppressed", (
        "immunosuppressed|immunocompromised|immunosuppressant|immunosuppressants",
        "weak|weakened|low|poor immune|immunity",
        "immune system ... weak|low|poor",
        "chemo|chemotherapy",
        "hiv",
        "transplant",
        "heart valve replacement",
        "artificial|replacement|mechanical heart valve",
    )),
    Sign("implant_near_site", (
        "pacemaker|defibrillator|icd",
        "breast|silicone implant|implants",
        "implant|implants",
        "hip|knee|shoulder|joint|ankle|elbow replacement",
        "replaced hip|knee|shoulder|joint",
        "metal plate|plates|screws|rods|pins|work",
        "spinal fusion",
    )),
    Sign("epilepsy", ("epilepsy|epileptic|seizure|seizures", "have|had fits")),
)  # fmt: skip

# What the intake asks before any dry-needling recommendation, as one checklist.
QUESTION = (
    "Before I say whether dry needling could suit you, do any of these apply to you?\n"
    "- a fear of needles, or fainting with needles or injections\n"
    "- blood thinners (such as warfarin, apixaban or daily aspirin), easy bruising or a "
    "bleeding disorder\n"
    "- pregnancy\n"
    "- lymphoedema, or lymph nodes removed\n"
    "- an infection or broken skin where it hurts\n"
    "- a weakened immune system (for example chemotherapy, HIV or transplant medicines)\n"
    "- an implant near the painful area (pacemaker, breast implant, joint replacement)\n"
    "- epilepsy\n"
    "- a bad reaction to needling or injections before"
)
WHICH_ONES = 'Which ones? Tell me in your own words, for example "I take warfarin".'
PHYSIO_WILL_CHECK = (
    "No problem, the physiotherapist will go through these with you before any needling."
)
NOT_RECOGNISED = (
    'Sorry, I didn\'t recognise that as one of the list. You can say "none of these", or name '
    'it, for example "I\'m pregnant".'
)


def absolute(codes: list[str] | tuple[str, ...]) -> list[str]:
    """The codes among `codes` that rule dry needling out."""
    return [code for code in codes if code in BY_CODE and BY_CODE[code].absolute]


def labels(codes: list[str] | tuple[str, ...]) -> list[str]:
    """How the clinic names each code, for the patient and the console."""
    return [BY_CODE[code].label for code in codes if code in BY_CODE]
