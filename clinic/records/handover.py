"""The intake handed over to a clinician: every finding in words, the patient's own phrase
beside it, and what is unknown or unclear marked as such.

Read from the conversation's events (Rasa's tracker store rows as dicts), so it needs no
Rasa: a slot's value is attributed to the patient message it came from (slots are set
after the message that gave them). A short answer is shown with the question it answered,
since "yes" alone tells a clinician nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from clinic.intake import duration_words
from clinic.message_text import cleaned
from clinic.records.callbacks import REASON_WORDS
from clinic.safety.contraindications import BY_CODE as CONTRAINDICATION
from clinic.safety.staff_words import red_flag_name, sign_words
from clinic.vocabulary import display_name

# A patient's phrase longer than this is cut: the transcript below has it whole.
PHRASE_CHARS = 240
# An answer this short says little without the question it answered.
_SHORT_ANSWER_WORDS = 4
UNKNOWN = "not known"

TRIAGE_WORDS = {
    "emergency": "Emergency: told to call {emergency} or go to the emergency department now",
    "urgent": "Urgent: told to see a doctor today",
    "routine": "Routine",
}
FIT_WORDS = {
    "likely": "Dry needling likely to help (good evidence for this region)",
    "possible": "Dry needling may help (limited evidence for this region)",
    "assess_first": "Assess first: whether dry needling fits depends on the examination",
    "not_advised": "Dry needling not advised",
}
QUALITY_WORDS = {"numbness": "numbness", "tingling": "tingling", "stiffness": "stiffness"}
# The same codes, short, for lists, filters and plots.
TRIAGE_SHORT = {"emergency": "Emergency", "urgent": "Urgent (doctor today)", "routine": "Routine"}
FIT_SHORT = {
    "likely": "Likely to help",
    "possible": "May help",
    "assess_first": "Assess first",
    "not_advised": "Not advised",
}


def code_words(code: str | None, kind: str) -> str:
    """A code the console shows (`triage`, `fit`, `body_part`, `red_flag`) in words; an
    unknown code is shown as it is, never hidden."""
    if not code:
        return ""
    if kind == "triage":
        return TRIAGE_SHORT.get(code, code)
    if kind == "fit":
        return FIT_SHORT.get(code, code)
    if kind == "red_flag":
        return red_flag_name(code)
    return display_name(code).capitalize()


@dataclass(frozen=True)
class Finding:
    """One line of the handover: what it is, in words, and where it came from."""

    label: str
    words: str
    said: str = ""  # the patient's phrase, or the question a short answer answered
    note: str = ""  # "not known", "unsure, taken as possible", "said no after yes"
    care: bool = False  # a red flag or urgent advice: highlighted, listed first

    @property
    def known(self) -> bool:
        return self.words != UNKNOWN


@dataclass(frozen=True)
class Handover:
    """The conversation's findings in the order a clinician reads them."""

    concerns: tuple[Finding, ...]  # red flags and triage
    pain: tuple[Finding, ...]
    safety: tuple[Finding, ...]  # warning signs and answers to the screen
    needling: tuple[Finding, ...]  # contraindications and fit
    other: tuple[Finding, ...] = field(default=())

    @property
    def sections(self) -> list[tuple[str, tuple[Finding, ...]]]:
        named = [
            ("Needs attention", self.concerns),
            ("The pain", self.pain),
            ("Safety screen", self.safety),
            ("Dry needling", self.needling),
            ("Other", self.other),
        ]
        return [(title, findings) for title, findings in named if findings]


def heard_in(events: Iterable[Mapping[str, Any]]) -> Heard:
    """The slots' latest values and, per value, the patient's phrase (for the FHIR export)."""
    return Heard.of(events)


def handover(events: Iterable[Mapping[str, Any]], emergency_number: str = "911") -> Handover:
    """The handover of one conversation from its events in order."""
    heard = Heard.of(events)
    return Handover(
        concerns=tuple(_concerns(heard, emergency_number)),
        pain=tuple(_pain(heard)),
        safety=tuple(_safety(heard)),
        needling=tuple(_needling(heard)),
        other=tuple(_other(heard)),
    )


@dataclass
class Heard:
    """The slots' latest values, and for each value (or list item) the patient's phrase."""

    slots: dict[str, Any] = field(default_factory=dict)
    said: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, events: Iterable[Mapping[str, Any]]) -> Heard:
        heard = cls()
        phrase = ""
        asked: list[str] = []  # what the assistant said since the patient's last message
        offered: dict[str, str] = {}
        for event in events:
            kind = event.get("event")
            if kind == "bot":
                asked.append(cleaned(event.get("text") or "").strip())
                buttons = (event.get("data") or {}).get("buttons") or []
                offered.update({str(b.get("payload")): str(b.get("title")) for b in buttons})
            elif kind == "user":
                phrase = _phrase(cleaned(event.get("text") or "").strip(), asked, offered)
                asked, offered = [], {}
            elif kind == "slot":
                heard._set(str(event.get("name")), event.get("value"), phrase)
        return heard

    def _set(self, name: str, value: Any, phrase: str) -> None:
        before = self.slots.get(name)
        self.slots[name] = value
        if not phrase or value is None:
            return
        if isinstance(value, list):
            # A list grows: each item keeps the message that first gave it.
            for item in value:
                if not isinstance(before, list) or item not in before:
                    self.said.setdefault((name, str(item)), phrase)
        elif value != before:
            self.said[(name, "")] = phrase  # a fact put right takes the phrase that did it

    def phrase(self, name: str, item: str = "") -> str:
        return self.said.get((name, item), "")


def _phrase(text: str, asked: list[str], offered: Mapping[str, str]) -> str:
    """The patient's words as a clinician should read them beside a finding."""
    if text.startswith("/"):
        text = offered.get(text, "")
        if not text:
            return ""  # the widget's own opening, not the patient's words
    question = _question(asked)
    if question and len(text.split()) <= _SHORT_ANSWER_WORDS:
        return f'"{text}" to "{question}"'
    if len(text) > PHRASE_CHARS:
        text = text[: PHRASE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f'"{text}"'


def _question(asked: list[str]) -> str:
    """The question of the assistant's latest turn: its last sentence that asks one."""
    for text in reversed(asked):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for line in reversed(lines):
            if line.endswith("?"):
                sentence = line.rsplit(". ", 1)[-1]
                return sentence if len(sentence) <= PHRASE_CHARS else sentence[:PHRASE_CHARS] + "…"
    return ""


def _place(part: str, side: str | None) -> str:
    name = display_name(part)
    if side == "both":
        return f"{name}, both sides"
    return f"{name}, {side} side" if side in ("left", "right") else name


def _concerns(heard: Heard, emergency_number: str) -> list[Finding]:
    slots = heard.slots
    findings = [
        Finding("Red flag", red_flag_name(code), heard.phrase("red_flags", code), care=True)
        for code in slots.get("red_flags") or []
    ]
    level = slots.get("triage_level")
    if level in ("emergency", "urgent"):
        words = TRIAGE_WORDS[level].format(emergency=emergency_number)
        findings.append(Finding("Triage", words, care=True))
    return findings


def _pain(heard: Heard) -> list[Finding]:
    slots = heard.slots
    skipped = set(slots.get("intake_skipped") or [])

    def finding(label: str, slot: str, words: str | None) -> Finding:
        if words:
            return Finding(label, words, heard.phrase(slot))
        note = "patient could not say" if slot in skipped else ""
        return Finding(label, UNKNOWN, note=note)

    part = slots.get("body_part")
    where = _place(part, slots.get("side")) if part else None
    if where and slots.get("pain_radiates") and slots.get("radiates_to"):
        where += f", spreading to the {display_name(slots['radiates_to'])}"
    elif where and slots.get("pain_radiates"):
        where += ", spreading (where to not known)"
    elif where and slots.get("pain_radiates") is False:
        where += ", not spreading"
    findings = [finding("Where", "body_part", where.capitalize() if where else None)]
    if where:
        # The side or the spread may have come later, or been put right: each phrase once.
        phrases = [heard.phrase(name) for name in ("body_part", "side", "radiates_to")]
        said = " · ".join(dict.fromkeys(p for p in phrases if p))
        findings[0] = Finding("Where", findings[0].words, said)
    sides = slots.get("site_sides") or {}
    for other in (slots.get("pain_sites") or [])[1:]:
        side = sides.get(other) if isinstance(sides, dict) else None
        findings.append(
            Finding("Also", _place(other, side).capitalize(), heard.phrase("pain_sites", other))
        )
    if slots.get("pain_radiates"):
        spread = heard.phrase("radiates_to") or heard.phrase("pain_radiates")
        findings.append(Finding("Spreads", "Yes", spread))
    quality = slots.get("pain_quality")
    feels = QUALITY_WORDS.get(quality or "") or (
        f"{display_name(quality)} pain" if quality else None
    )
    findings.append(finding("Feels", "pain_quality", feels.capitalize() if feels else None))
    duration = slots.get("pain_duration")
    findings.append(
        finding("How long", "pain_duration", duration_words(duration) if duration else None)
    )
    severity = slots.get("pain_severity")
    if severity is not None:
        worst = slots.get("pain_worst")
        words = f"{severity:g}/10" + (f", {worst:g}/10 at worst" if worst is not None else "")
        findings.append(Finding("Severity", words, heard.phrase("pain_severity")))
    else:
        findings.append(finding("Severity", "pain_severity", None))
    return findings


def _safety(heard: Heard) -> list[Finding]:
    slots = heard.slots
    unclear = set(slots.get("unclear_signs") or [])
    findings = [
        Finding(
            "Warning sign",
            sign_words(sign).capitalize(),
            heard.phrase("warning_signs", sign),
            note="unsure answer, taken as possible" if sign in unclear else "",
        )
        for sign in slots.get("warning_signs") or []
    ]
    findings += [
        Finding("Unsure", sign_words(sign).capitalize(), heard.phrase("unclear_signs", sign),
                note="unsure answer, taken as possible")
        for sign in sorted(unclear - set(slots.get("warning_signs") or []))
    ]  # fmt: skip
    findings += [
        Finding("Said no after yes", sign_words(sign).capitalize(),
                heard.phrase("corrected_signs", sign), note="corrected by the patient")
        for sign in slots.get("corrected_signs") or []
    ]  # fmt: skip
    denied = slots.get("denied_signs") or []
    if denied:
        words = ", ".join(sign_words(sign) for sign in denied)
        findings.append(Finding("Denied", words.capitalize()))
    for slot, label in (("doctor_checked", "Doctor has checked"), ("says_safe", "Says safe")):
        if slots.get(slot):
            findings.append(Finding(label, "Yes (patient's account)", f'"{slots[slot]}"'))
    return findings


def _needling(heard: Heard) -> list[Finding]:
    slots = heard.slots
    findings = []
    for code in slots.get("contraindications") or []:
        known = CONTRAINDICATION.get(code)
        words = known.label if known else code.replace("_", " ")
        kind = "absolute" if known and known.absolute else "relative"
        findings.append(
            Finding(
                "Contraindication",
                f"{words[0].upper()}{words[1:]} ({kind})",
                heard.phrase("contraindications", code),
                care=bool(known and known.absolute),
            )
        )
    if slots.get("denied_contraindications"):
        findings.append(Finding("Contraindications", "None of the listed ones"))
    fit = slots.get("tdn_fit")
    findings.append(Finding("Fit", FIT_WORDS.get(fit, fit) if fit else UNKNOWN))
    return findings


def _other(heard: Heard) -> list[Finding]:
    slots = heard.slots
    findings = []
    if slots.get("other_complaint"):
        words = display_name(str(slots["other_complaint"])).capitalize()
        findings.append(
            Finding("Not a muscle or joint problem", words, heard.phrase("other_complaint"))
        )
    for question in slots.get("unanswered_questions") or []:
        findings.append(Finding("Asked, no answer given", f'"{question}"'))
    if slots.get("callback_due"):
        why = REASON_WORDS.get(slots.get("callback_reason") or "", "Asked to be called")
        findings.append(Finding("Call-back", f"Asked for a call back ({why.lower()})"))
    if slots.get("booking_reference"):
        findings.append(Finding("Booked", f"Consultation {slots['booking_reference']}"))
    return findings
