"""Whether trigger point dry needling (TDN) may suit what the patient described, and why.

`assess` turns an `Intake` into a `tdn_fit` (see the contract) and a short plain
explanation built from the evidence table (`clinic.evidence`). It informs and routes; it
never diagnoses and never triages: red flags are checked elsewhere, before this runs.

The rules, first match wins:
1. A non-musculoskeletal complaint with no body part: `not_advised` (a doctor or pharmacist).
2. A wound with a body part: `assess_first` (no needle there until it has healed); a skin
   problem: `not_advised` (never needled through; see a doctor or pharmacist first).
3. Another non-musculoskeletal complaint beside a body part (dizziness, fever, ...):
   `assess_first`, so the physiotherapist sees how the two relate.
4. Nerve-like pain: spreading into the leg from the back, buttock or hip, or into the arm
   from the neck, shoulder or upper back; spreading from the spine to somewhere not yet
   known; or tingling, numbness or shooting pain in a limb: `assess_first` (nerve vs
   muscle must be checked before any needling).
5. No body part known yet: `assess_first`.
6. Very recent and very strong pain (under 7 days, 9/10 or more): `assess_first`.
7. Otherwise the region's fit from `FIT_BY_BODY_PART` (default `possible`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clinic import settings
from clinic.evidence import Evidence, evidence_for, region_for_body_part
from clinic.intake import Intake, duration_words, listed
from clinic.safety import contraindications
from clinic.safety.red_flags import EMERGENCY, URGENT
from clinic.vocabulary import ARM_PARTS, LEG_PARTS, display_name

__all__ = [
    "FIT_BY_BODY_PART",
    "NOT_A_DIAGNOSIS",
    "TDN_FIT",
    "Assessment",
    "assess",
    "with_safety",
]

TDN_FIT = ("likely", "possible", "assess_first", "not_advised")

NOT_A_DIAGNOSIS = (
    "This is general information, not a diagnosis: the physiotherapist will examine you at "
    "the consultation."
)

# Region fits where the evidence is better than "limited"; every other body part is
# "possible". Low back is "likely" as part of a programme, widespread pain only as an add-on
# to a doctor-led plan: the evidence summaries say so.
FIT_BY_BODY_PART: dict[str, str] = {
    "neck": "likely",
    "lower_back": "likely",
    "back": "likely",
    "elbow": "likely",
    "forearm": "likely",
    "heel": "likely",
    "foot": "likely",
}

# Where nerve-like pain starts and where it travels to (rule 4).
LEG_ORIGINS = frozenset({"lower_back", "back", "buttock", "hip"})
LEG_TARGETS = LEG_PARTS
ARM_ORIGINS = frozenset({"neck", "shoulder", "upper_back"})
ARM_TARGETS = ARM_PARTS
SPINE = frozenset({"neck", "upper_back", "mid_back", "lower_back", "back", "buttock", "hip"})
NERVE_QUALITIES = frozenset({"tingling", "numbness", "shooting"})
# Limbs for the nerve-quality rule; the shoulder is left out because "shooting" is often used
# for ordinary shoulder pain on lifting the arm.
LOWER_LIMB = LEG_TARGETS | {"hip", "buttock"}
UPPER_LIMB = ARM_TARGETS

# Where lymphoedema (or lymph nodes removed) rules needling out: the limbs and the
# shoulder or hip where they join the trunk.
LIMB_QUADRANTS = ARM_TARGETS | LEG_TARGETS | {"shoulder", "hip", "groin", "armpit"}

# Areas left alone throughout pregnancy (clinical facts, section 3; the precaution's text).
NOT_NEEDLED_IN_PREGNANCY = frozenset(
    {"lower_back", "buttock", "hip", "pelvis", "sacrum", "tailbone"}
)

# Rule 6: severe pain in its first days is examined before needling is considered.
ACUTE_DAYS = 7
ACUTE_MIN_SEVERITY = 9

# Complaints with a body part that rule out needling there (rule 2).
SKIN_COMPLAINTS = frozenset({"skin", "wound"})
# How to name a complaint from `vocabulary.OTHER_COMPLAINTS` back to the patient.
_COMPLAINT_NAMES = {
    "skin": "a skin problem",
    "wound": "a wound",
    "stomach": "a stomach complaint",
    "ear": "an ear problem",
    "eye": "an eye or sight problem",
    "breathing": "trouble breathing",
    "cough": "a cough",
    "heart": "a heart complaint",
    "dizziness": "dizziness",
    "hair": "a hair problem",
    "mood": "how you are feeling in yourself",
    "temperature": "a fever or chills",
    "internal": "an internal complaint",
    "nail": "a nail problem",
    "teeth": "a tooth problem",
    "lump": "a lump or a changing mole",
    "sleep": "trouble sleeping",
    "tiredness": "tiredness",
    "urine": "burning or pain when you pass urine",
}
# Who helps with a complaint dry needling does not treat (a doctor or pharmacist otherwise).
_WHO_HELPS = {
    "teeth": "a dentist is the right person to help with it",
    "eye": "an optometrist or your doctor is the right person to help with it",
    "lump": "please have it checked by a doctor soon",
    "mood": "your doctor is the right person to talk to",
    "sleep": "your doctor is the right person to talk to",
    "tiredness": "your doctor is the right person to talk to",
    "nail": "a pharmacist, a podiatrist or your doctor can help with it",
    # Never a pharmacist's: breathlessness that is new is a doctor's, the same day.
    "breathing": (
        "if it is new or getting worse, please have it checked by a doctor today, and get "
        "urgent help at once if you are struggling to breathe"
    ),
    "heart": "your doctor is the right person to talk to",
    # A water infection can reach the kidneys, and in pregnancy can bring on labour.
    "urine": (
        "please see your doctor within a day or so, as it may be a water infection (today if "
        "you are pregnant: call your midwife or obstetrician)"
    ),
}
# Pain often disturbs sleep and tires people: said with a pain, these change nothing.
_WITH_PAIN_EXPECTED = frozenset({"sleep", "tiredness"})


def who_helps_with(complaint: str) -> str:
    """What dry needling can't do for a complaint that is not a muscle's, and who can
    ("A skin problem is not something dry needling treats; a doctor or pharmacist...")."""
    who = _WHO_HELPS.get(complaint, "a doctor or pharmacist is the right person to help with it")
    if complaint == "mood":
        # Low mood told to a pain chat: the way to help at any hour goes with it.
        crisis = settings.crisis_line()
        who += f". If you ever have thoughts of harming yourself, call or text {crisis} any time"
    return f"{_capitalise(_complaint_name(complaint))} is not something dry needling treats; {who}."


_CHEST_NOTE = (
    "Chest pain is always checked by the physiotherapist first, and pain that feels like "
    "pressure or spreads to the arm, jaw or back needs urgent medical help."
)


@dataclass(frozen=True)
class Assessment:
    """The outcome: a `TDN_FIT` value, the evidence key it rests on and a plain explanation."""

    tdn_fit: str
    presentation: str
    explanation: str


def _complaint_name(complaint: str) -> str:
    return _COMPLAINT_NAMES.get(complaint, f"a {complaint.replace('_', ' ')} complaint")


def _place(body_part: str, side: str | None) -> str:
    """Where it hurts in the patient's words: "left knee", "lower back"."""
    name = display_name(body_part)
    return f"{side} {name}" if side in ("left", "right") else name


def _how_long(days: float | None) -> str | None:
    """A rounded duration for a sentence ("about 3 weeks"), or None when unknown or today."""
    if days is None or days < 1:
        return None
    if days < 2:
        return "a day"
    if days < 14:
        return f"{round(days)} days"
    if days < 60:
        return f"about {round(days / 7)} weeks"
    if days < 365:
        return f"about {round(days / 30)} months"
    if days < 548:
        return "about a year"
    return f"about {round(days / 365)} years"


# A duration said as when it began ("started 3 days ago", "came on this afternoon").
_SAID_AS_START = ("started", "came on", "began", "begun", "kicked in", "happened")


def _pain_phrase(intake: Intake) -> str:
    """The patient's pain, with side and duration where known: "the left knee pain you have
    had for about 3 weeks", "your headaches"."""
    part = intake.body_part
    if part == "head":
        what = "headaches"
    elif part == "widespread":
        what = "widespread pain"
    elif part:
        what = f"{_place(part, intake.side)} pain"
        if intake.side == "both":
            what += " on both sides"
    else:
        what = "pain"
    days = intake.pain_duration_days
    if intake.pain_duration:
        said = duration_words(intake.pain_duration)  # the patient's words, not rounded
        return f"the {what} {'that' if said.startswith(_SAID_AS_START) else 'you have had'} {said}"
    how_long = _how_long(days)
    if how_long:
        return f"the {what} you have had for {how_long}"
    if days is not None:
        return f"the {what} that started today"
    return f"your {what}"


def _nerve_reason(intake: Intake) -> tuple[str, str] | None:
    """(presentation, reason) when the pain behaves like an irritated nerve (rule 4)."""
    part, target = intake.body_part, intake.radiates_to
    if intake.pain_radiates or target:
        if target in LEG_TARGETS and (part in LEG_ORIGINS or part is None):
            origin = f"from your {display_name(part)} " if part else ""
            return "sciatica", f"your pain travels {origin}into your {display_name(target)}"
        if target in ARM_TARGETS and (part in ARM_ORIGINS or part is None):
            origin = f"from your {display_name(part)} " if part else ""
            return "arm_nerve", f"your pain travels {origin}into your {display_name(target)}"
        if target is None and part in SPINE:
            key = "arm_nerve" if part in ARM_ORIGINS else "sciatica"
            return key, f"your {display_name(part)} pain spreads to other places"
    if intake.pain_quality in NERVE_QUALITIES and part in UPPER_LIMB | LOWER_LIMB:
        key = "arm_nerve" if part in UPPER_LIMB else "sciatica"
        feeling = {
            "tingling": "tingling",
            "numbness": "numbness",
            "shooting": "shooting pain",
        }[intake.pain_quality]
        return key, f"you feel {feeling} in your {_place(part, intake.side)}"
    return None


def _now(pain: str) -> str:
    """`pain` with "now" after it, once: "...for 3 weeks now" is not said "now now" (outside
    runs 78, 79)."""
    return pain if re.search(r"\bnow\W*$", pain) else f"{pain} now"


def _explain(*sentences: str | None) -> str:
    """Join the sentences that apply and end with the not-a-diagnosis sentence."""
    return " ".join([s for s in sentences if s] + [NOT_A_DIAGNOSIS])


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def assess(intake: Intake) -> Assessment:
    """Whether dry needling may suit this intake, with a 2-4 sentence plain explanation.

    The explanation is specific to the region and presentation, uses the patient's side and
    duration where known, never promises a result, and always ends with `NOT_A_DIAGNOSIS`.
    The rules are listed in this module's docstring.
    """
    part = intake.body_part
    region: Evidence = region_for_body_part(part)
    chest_note = _CHEST_NOTE if part == "chest" else None

    if intake.other_complaint and not part:
        return Assessment(
            "not_advised",
            "not_indicated",
            _explain(who_helps_with(intake.other_complaint), evidence_for("not_indicated").summary),
        )
    if intake.other_complaint == "wound":
        # A wound heals by itself (outside run 120 x7p03: a fresh tattoo's scab was sent to
        # a doctor or pharmacist); the needles keep clear of it until then. An infected one
        # is the safety screen's, with its own advice.
        return Assessment(
            "assess_first",
            region.key,
            _explain(
                "You mentioned a wound or broken skin: no needle goes through it, so none go "
                "there until it has healed.",
                f"The physiotherapist can look at {_pain_phrase(intake)} meanwhile, and what "
                "else can help, such as exercise.",
            ),
        )
    if intake.other_complaint in SKIN_COMPLAINTS:
        complaint = _complaint_name(intake.other_complaint)
        return Assessment(
            "not_advised",
            "not_indicated",
            _explain(
                f"You mentioned {complaint}: dry needling is never done through a rash, a wound "
                "or broken skin, so please have it seen by a doctor or pharmacist first.",
                # A rash clears (psoriasis may not): needling goes around it, never through.
                f"Once it has healed, the physiotherapist can look at {_pain_phrase(intake)}."
                if intake.other_complaint == "wound"
                else "The physiotherapist can still look at "
                f"{_pain_phrase(intake)}, and would needle only where the skin is clear.",
            ),
        )
    if intake.other_complaint and intake.other_complaint not in _WITH_PAIN_EXPECTED:
        complaint = _complaint_name(intake.other_complaint)
        return Assessment(
            "assess_first",
            region.key,
            _explain(
                f"You also mentioned {complaint}, which dry needling does not treat: a doctor or "
                "pharmacist is the right person for that, and the physiotherapist will want to "
                f"see how it relates to {_pain_phrase(intake)} before any needling.",
                region.summary,
                chest_note,
            ),
        )

    nerve = _nerve_reason(intake)
    if nerve:
        key, reason = nerve
        return Assessment(
            "assess_first",
            key,
            _explain(
                f"Because {reason}, a physiotherapist first needs to check whether a nerve "
                "rather than a muscle is involved, before any needling is considered.",
                evidence_for(key).summary,
            ),
        )

    if not part:
        return Assessment(
            "assess_first",
            region.key,
            _explain(
                "We don't know yet where your pain is, so the physiotherapist will assess it "
                "first.",
                region.summary,
            ),
        )

    days, severity = intake.pain_duration_days, intake.pain_severity
    acute = days is not None and days < ACUTE_DAYS
    if acute and severity is not None and severity >= ACUTE_MIN_SEVERITY:
        return Assessment(
            "assess_first",
            region.key,
            _explain(
                f"Because {_pain_phrase(intake)} is very recent and very strong "
                f"({severity:g}/10), it is best examined by a physiotherapist before deciding "
                "on any needling.",
                region.summary,
                chest_note,
            ),
        )

    fit = FIT_BY_BODY_PART.get(part, "possible")
    opening = (
        f"Dry needling is often worth considering for {_pain_phrase(intake)}."
        if fit == "likely"
        else f"Dry needling may help with {_pain_phrase(intake)}."
    )
    return Assessment(fit, region.key, _explain(opening, region.summary, chest_note))


def _the(signs: str) -> str:
    """The signs told with "the" before them, unless they bring their own article ("a
    swollen calf", "your speech")."""
    return signs if re.match(r"(?:a|an|the|your|his|her|their)\s", signs) else f"the {signs}"


def with_safety(
    assessment: Assessment,
    intake: Intake,
    triage_level: str | None,
    contraindication_codes: Sequence[str] = (),
    contraindications_unclear: bool = False,
    advised_for: str = "",
    fainted: bool = False,
) -> Assessment:
    """The assessment once red flags and contraindications are taken into account;
    `advised_for`, the warning signs a doctor was advised for, in the patient's terms.

    An emergency or an absolute contraindication makes dry needling `not_advised`; an urgent
    flag, a relative contraindication or an unanswered checklist make it `assess_first`.
    A fit that is already lower stays as it is.
    """
    pain = _pain_phrase(intake) if intake.body_part else "your pain"
    if triage_level == EMERGENCY:
        return Assessment("not_advised", "red_flag", EMERGENCY_FIRST)
    absolute = contraindications.absolute(contraindication_codes)
    limb_note = None
    if "lymphoedema" in absolute and intake.body_part not in LIMB_QUADRANTS:
        # Lymphoedema rules needling out in its limb (clinical facts, section 3); back or
        # neck pain elsewhere is the physiotherapist's to check, not a no; a further painful
        # place in a limb is named (outside run 46: "suits the left neck pain" beside a
        # shoulder on the side of the lymphoedema).
        absolute = [code for code in absolute if code != "lymphoedema"]
        limbs = [
            _place(place, side) for place, side in intake.other_places if place in LIMB_QUADRANTS
        ]
        if limbs:
            limb_note = (
                "You told me about lymphoedema, or lymph nodes removed: needles are not used in "
                f"the {listed(limbs)} if it is on that side."
            )
    skin_note = None
    if absolute == ["skin_infection"]:
        # Needles never go through broken or infected skin: they keep off it until it has
        # healed, not off the patient (outside run 48: "isn't advised for you" after "in
        # another area, needling may be possible").
        absolute = []
        skin_note = (
            "You told me about an infection or broken skin where it hurts: no needle goes "
            "through it, so none go there until it has healed."
        )
    if absolute:
        named = listed(contraindications.labels(absolute))
        told = f"You told me about {named}, so dry needling isn't advised for you."
        if absolute == ["needle_phobia"] and fainted:
            # A faint told is a fact, not a fear to put right as nerves (outside run 127 z03).
            told = "You told me about fainting with needles, so dry needling isn't advised for you."
        elif absolute == ["needle_phobia"]:
            # A real fear or fainting rules it out; nerves do not, and the patient who
            # meant nerves is told how to say so (outside run 78 p03: a boy "a bit nervous"
            # read as not advised, his father left to push back).
            told = (
                "You told me about a fear of needles: with a real fear of needles, or "
                "fainting with them, dry needling isn't advised for you. If it's more a bit "
                "of nerves, just tell me: nerves don't rule it out."
            )
        # The other precautions told stay in the verdict (outside run 111 p04: her pregnancy
        # in no line of it).
        besides = [code for code in contraindication_codes if code not in absolute]
        if besides:
            told += (
                f" The physiotherapist will also take {listed(contraindications.labels(besides))}"
                " into account."
            )
        return Assessment(
            "not_advised",
            "contraindication",
            _explain(
                told,
                "The physiotherapist can still help with other treatment, such as exercise and "
                "hands-on therapy, at the free consultation.",
            ),
        )
    if assessment.tdn_fit == "not_advised":
        return assessment
    relative = [code for code in contraindication_codes if code not in absolute]
    # The note said (at most one: the explanation stays four sentences) is not said again
    # as a precaution to talk through.
    note, noted = (limb_note, "lymphoedema") if limb_note else (skin_note, "skin_infection")
    if triage_level == URGENT:
        # The precautions told stay in the verdict ("suits the neck pain" beside blood
        # thinners read as needling agreed).
        told = [code for code in relative if not (note and code == noted)]
        talk = (
            f", and talk through {listed(contraindications.labels(told))} with you before "
            "any needling"
            if told
            else ""
        )
        return Assessment(
            "assess_first",
            assessment.presentation,
            _explain(
                # The signs named again: the summary above holds only the pain (outside run
                # 71 p04: the cancer, night pain and weight loss were in no line of it).
                f"Please see a doctor first about {_the(advised_for)}, as I advised."
                if advised_for
                else "Please see a doctor first, as I advised above.",
                note,
                f"After that, the physiotherapist can check whether dry needling suits {pain}"
                f"{talk}.",
            ),
        )
    if skin_note:
        return Assessment(
            "assess_first",
            assessment.presentation,
            _explain(
                skin_note,
                f"For {pain}, the physiotherapist will check at the free consultation what "
                "can be done meanwhile, such as exercise, and where needling may be possible.",
            ),
        )
    if limb_note:
        return Assessment(
            "assess_first",
            assessment.presentation,
            _explain(
                limb_note,
                f"For {pain}, the physiotherapist will check at the free consultation whether "
                "dry needling suits it, or offer other treatment such as exercise.",
            ),
        )
    if "pregnancy" in relative and intake.body_part in NOT_NEEDLED_IN_PREGNANCY:
        # The precaution says so already; the verdict must not promise needling there.
        return Assessment(
            "assess_first",
            assessment.presentation,
            _explain(
                "You mentioned pregnancy: the low back and pelvis are not needled in "
                f"pregnancy. For {pain}, the physiotherapist would offer other treatment, "
                "such as exercise, hands-on therapy and advice.",
                "They'll talk it through with you at the free consultation.",
            ),
        )
    if "pregnancy" in relative:
        # No promise of needling anywhere in pregnancy (outside run 49: "often worth
        # considering" at 10 weeks, beside "many clinics avoid it in the first three months").
        return Assessment(
            "assess_first",
            assessment.presentation,
            _explain(
                f"You mentioned pregnancy: whether needling is right for {_now(pain)}, the "
                "physiotherapist decides with you, with your midwife or obstetrician if needed "
                "(many clinics don't needle in the first three months).",
                "Other treatment, such as exercise and hands-on therapy, can help meanwhile.",
            ),
        )
    if relative or contraindications_unclear:
        check = (
            f"You mentioned {listed(contraindications.labels(relative))}"
            if relative
            else "We haven't gone through the safety checklist yet"
        )
        return Assessment(
            "assess_first",
            assessment.presentation,
            f"{check}: the physiotherapist will check this with you before any needling. "
            f"{assessment.explanation}",
        )
    return assessment


EMERGENCY_FIRST = (
    "Dry needling isn't something to think about now: please get the emergency care I "
    "described first."
)
