"""What a patient has told us about their pain, independent of any chat framework."""

from __future__ import annotations

from dataclasses import dataclass

from clinic.vocabulary import display_name

# Parts where "which side?" is worth asking; for the spine, head and chest the side
# rarely changes what the physiotherapist does first.
LATERAL_BODY_PARTS = frozenset(
    {
        "jaw", "shoulder", "arm", "elbow", "forearm", "wrist", "hand", "hip", "buttock",
        "groin", "thigh", "hamstring", "knee", "calf", "leg", "ankle", "foot", "heel",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Intake:
    """The intake facts as canonical values (see shared CONTRACT.md); None when unknown."""

    body_part: str | None = None
    side: str | None = None
    pain_quality: str | None = None
    pain_radiates: bool | None = None
    radiates_to: str | None = None
    pain_duration: str | None = None
    pain_duration_days: float | None = None
    pain_severity: float | None = None
    # Not musculoskeletal (skin, stomach, ear...): see vocabulary.OTHER_COMPLAINTS.
    other_complaint: str | None = None


# Answers that mean "I can't say": the question is skipped without a fuss.
UNSURE_ANSWERS = frozenset(
    {
        "not sure", "unsure", "dont know", "don't know", "i don't know", "i dont know", "no idea",
        "dunno", "idk", "hard to say", "can't say", "cant say", "skip", "pass", "middle",
        "in the middle", "centre", "center",
    }
)  # fmt: skip


def is_unsure(answer: str) -> bool:
    """True when the patient says they cannot answer ("not sure", "no idea")."""
    return answer.strip().lower().rstrip(".!?") in UNSURE_ANSWERS


def questions_to_ask(intake: Intake) -> list[str]:
    """The intake questions, in order, that apply to this patient (answered ones included).

    Side only matters for a limb or a paired joint; where the pain spreads only if it does.
    A complaint that is not musculoskeletal needs no intake at all.
    """
    if intake.other_complaint and not intake.body_part:
        return []
    questions = ["body_part"]
    if intake.body_part in LATERAL_BODY_PARTS or intake.radiates_to in LATERAL_BODY_PARTS:
        questions.append("side")
    questions += ["pain_quality", "pain_radiates"]
    if intake.pain_radiates or intake.radiates_to:
        questions.append("radiates_to")
    return [*questions, "pain_duration", "pain_severity"]


def summarise(intake: Intake) -> str:
    """The intake in one plain sentence, as the patient and the physiotherapist read it."""
    where = f" in your {display_name(intake.body_part)}" if intake.body_part else ""
    side = f" ({intake.side} side)" if intake.side in ("left", "right") else ""
    side = " (both sides)" if intake.side == "both" else side
    quality = f"{display_name(intake.pain_quality)} " if intake.pain_quality else ""
    parts = [f"{quality}pain{where}{side}"]
    if intake.pain_radiates and intake.radiates_to:
        parts.append(f"spreading to your {display_name(intake.radiates_to)}")
    elif intake.pain_radiates:
        parts.append("spreading elsewhere")
    elif intake.pain_radiates is False:
        parts.append("not spreading")
    if intake.pain_duration:
        parts.append(f"for {intake.pain_duration.removeprefix('for ')}")
    if intake.pain_severity is not None:
        parts.append(f"{intake.pain_severity:g} out of 10")
    return ", ".join(parts)


# What to say when an answer to a question cannot be used; the question is then asked again.
REASK: dict[str, str] = {
    "body_part": "Sorry, I didn't recognise that as a part of the body.",
    "side": "Sorry, I didn't catch the side: is it left, right or both?",
    "pain_quality": (
        'Sorry, I didn\'t catch how it feels. One or two words are enough, like "sharp" or '
        '"dull ache".'
    ),
    "pain_radiates": "Sorry, I didn't catch that: does the pain spread anywhere (yes or no)?",
    "radiates_to": (
        'Sorry, I didn\'t recognise where it spreads to. You could say "down my left leg".'
    ),
    "pain_duration": (
        'Sorry, I didn\'t catch how long. A rough figure is fine, like "3 days", "2 weeks" or '
        '"since March".'
    ),
    "pain_severity": (
        "I need a number from 0 to 10: 0 means no pain at all, 5 is moderate, and 10 is the "
        "worst pain you can imagine. A rough guess is fine."
    ),
}
MOVING_ON = "No problem, the physiotherapist can go through that with you. Let's move on."
