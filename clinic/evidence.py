"""What the research says about trigger point dry needling (TDN), presentation by presentation.

Built from section 1 of the clinic's fact sheet (docs/clinical-facts.md, which cites the
primary sources). Each record says which canonical body parts it covers (see the contract),
how strong the evidence is, where it comes from, and one plain line for patients. Overall,
reviews find TDN better than sham or no treatment for short-term pain, about equal to other
active treatments, with little data beyond a few months (Chys 2023; Gattie 2017).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "EVIDENCE",
    "EVIDENCE_LEVELS",
    "GENERAL_SOURCES",
    "Evidence",
    "evidence_for",
    "evidence_for_the_pain",
    "region_for_body_part",
]

# From strongest to weakest, as the fact sheet words them.
EVIDENCE_LEVELS = (
    "moderate",
    "low to moderate",
    "limited to moderate",
    "limited",
    "none",
    "not an indication",
)

# Reviews across all regions, behind the "muscle pain elsewhere" record.
GENERAL_SOURCES = ("Chys 2023, J Clin Med 12:1205", "Gattie 2017, JOSPT")


# Where sciatica-like pain is felt: from the low back and buttock down to the foot.
_LEG_PATTERN_PARTS = frozenset(
    {"lower_back", "back", "buttock", "hip", "leg", "thigh", "hamstring", "calf", "knee",
     "ankle", "foot", "heel"}
)  # fmt: skip
# Body parts without a row of their own in the fact sheet.
_ELSEWHERE_PARTS = frozenset(
    {"chest", "arm", "wrist", "hand", "groin", "thigh", "hamstring", "calf", "leg", "ankle"}
)


@dataclass(frozen=True)
class Evidence:
    """One presentation: the body parts it covers, the evidence and a line for patients.

    `kind` is "region" (found by where it hurts), "pattern" (found by how it behaves, such
    as pain travelling down a limb; its body parts are where that pattern is felt) or
    "not_indicated" (a complaint dry needling does not treat).
    """

    key: str
    title: str
    kind: str
    body_parts: frozenset[str]
    level: str
    sources: tuple[str, ...]
    summary: str


_RECORDS = (
    Evidence(
        key="neck",
        title="Muscular neck pain",
        kind="region",
        body_parts=frozenset({"neck"}),
        level="moderate",
        sources=("Navarro-Santana 2020, J Clin Med 9:3300",),
        summary=(
            "For muscle-related neck pain, trials show dry needling eases pain in the short "
            "term, about as well as other physiotherapy, and it works best alongside exercise."
        ),
    ),
    Evidence(
        key="shoulder",
        title="Shoulder and shoulder-blade muscle pain",
        kind="region",
        body_parts=frozenset({"shoulder", "upper_back"}),
        level="limited to moderate",
        sources=("Navarro-Santana 2020, Phys Ther", "Hall 2018, Physiotherapy"),
        summary=(
            "For muscle pain around the shoulder and shoulder blade, studies show a small "
            "short-term benefit: dry needling may ease the pain for a while, and exercise "
            "does the longer-term work."
        ),
    ),
    Evidence(
        key="low_back",
        title="Low back pain",
        kind="region",
        body_parts=frozenset({"lower_back", "back", "mid_back"}),
        level="moderate",
        sources=(
            "Liu 2018, Arch Phys Med Rehabil",
            "George 2021, JOSPT (clinical practice guideline)",
            "NICE NG59 (does not recommend acupuncture for low back pain)",
        ),
        summary=(
            "For back pain, trials (mostly of the lower back) show moderate relief soon after "
            "treatment, especially combined with exercise and other care, so dry needling "
            "belongs in a programme rather than on its own."
        ),
    ),
    Evidence(
        key="sciatica",
        title="Sciatica-like pain travelling down the leg",
        kind="pattern",
        body_parts=_LEG_PATTERN_PARTS,
        level="limited",
        sources=("Cureus 2023, PMID 37731410",),
        summary=(
            "For pain that travels down the leg, the few small studies of dry needling are "
            "not convincing, and the cause may be an irritated nerve rather than a muscle."
        ),
    ),
    Evidence(
        key="tension_headache",
        title="Tension-type headache",
        kind="region",
        body_parts=frozenset({"head"}),
        level="limited",
        sources=("Pourahmadi 2021, Phys Ther", "Vázquez-Justes 2022 (migraine)"),
        summary=(
            "For tension-type headaches, a few low-quality studies suggest that needling tight "
            "neck and shoulder muscles can make headaches less disruptive; migraine is for a "
            "doctor to manage, with dry needling at most an add-on."
        ),
    ),
    Evidence(
        key="jaw",
        title="Jaw (TMJ) muscle pain",
        kind="region",
        body_parts=frozenset({"jaw"}),
        level="limited",
        sources=("Vier 2019",),
        summary=(
            "For jaw muscle pain, a few small studies suggest dry needling may help, but the "
            "evidence is weak."
        ),
    ),
    Evidence(
        key="hip_buttock",
        title="Hip and buttock pain (including outer hip pain)",
        kind="region",
        body_parts=frozenset({"hip", "buttock"}),
        level="limited",
        sources=("Brennan 2017, JOSPT",),
        summary=(
            "For hip and buttock pain the evidence is early: in one trial on outer hip pain, "
            "dry needling did about as well as a cortisone injection."
        ),
    ),
    Evidence(
        key="arm_nerve",
        title="Arm pain with tingling, numbness or weakness",
        kind="pattern",
        body_parts=frozenset(
            {"neck", "shoulder", "upper_back", "arm", "elbow", "forearm", "wrist", "hand"}
        ),
        level="none",
        sources=(),
        summary=(
            "Arm pain with tingling, numbness or weakness can come from an irritated nerve, "
            "and studies of dry needling have left these patients out, so there is no "
            "evidence either way."
        ),
    ),
    Evidence(
        key="tennis_elbow",
        title="Tennis elbow (outer elbow pain)",
        kind="region",
        body_parts=frozenset({"elbow", "forearm"}),
        level="low to moderate",
        sources=("Navarro-Santana 2020, Clin Rehabil",),
        summary=(
            # Said of where it hurts, not named as a condition the patient may not have.
            "For pain on the outer side of the elbow and in the forearm muscles, trials show "
            "one of the better-supported uses of dry needling, with a large reduction in pain "
            "in the short term."
        ),
    ),
    Evidence(
        key="knee",
        title="Knee pain (especially the front of the knee)",
        kind="region",
        body_parts=frozenset({"knee"}),
        level="limited to moderate",
        sources=("Rahou-El-Bachiri 2020",),
        summary=(
            "For knee pain, especially at the front of the knee, dry needling may give "
            "short-term relief alongside strengthening exercises."
        ),
    ),
    Evidence(
        key="heel",
        title="Heel pain / plantar fasciitis",
        kind="region",
        body_parts=frozenset({"heel", "foot"}),
        level="moderate",
        sources=("Llurda-Almuzara 2021",),
        summary=(
            "For heel pain such as plantar fasciitis the evidence is reasonable, including "
            "some results that last beyond the first weeks."
        ),
    ),
    Evidence(
        key="widespread",
        title="Widespread pain / fibromyalgia",
        kind="region",
        body_parts=frozenset({"widespread"}),
        level="limited",
        sources=("Valera-Calero 2022",),
        summary=(
            "For widespread pain such as fibromyalgia only a few studies exist: your doctor leads "
            "the overall plan, and dry needling can at most be an add-on."
        ),
    ),
    Evidence(
        key="elsewhere",
        title="Muscle pain elsewhere",
        kind="region",
        body_parts=_ELSEWHERE_PARTS,
        level="limited",
        sources=GENERAL_SOURCES,
        summary=(
            "There are few studies of dry needling for this area, so the evidence is limited; "
            "across the body, reviews find it eases muscle pain in the short term about as well "
            "as other active treatments."
        ),
    ),
    Evidence(
        key="not_indicated",
        title="Not a dry needling indication",
        kind="not_indicated",
        body_parts=frozenset(),
        level="not an indication",
        sources=(),
        summary=(
            "Dry needling treats painful muscles; it does not treat skin problems, wounds, "
            "swollen joints after an injury or complaints of the internal organs."
        ),
    ),
)

EVIDENCE: dict[str, Evidence] = {record.key: record for record in _RECORDS}

# Each body part belongs to exactly one region record; checked by the tests.
_REGION_BY_BODY_PART: dict[str, str] = {
    part: record.key for record in _RECORDS if record.kind == "region" for part in record.body_parts
}


def evidence_for(key: str) -> Evidence:
    """The record for a presentation key ("neck", "sciatica", ...); KeyError if unknown."""
    return EVIDENCE[key]


def region_for_body_part(body_part: str | None) -> Evidence:
    """The region record for a canonical body part; "elsewhere" for one without its own row."""
    return EVIDENCE[_REGION_BY_BODY_PART.get(body_part or "", "elsewhere")]


# Where sciatica-like pain starts, and where it travels to.
_WHERE_IT_STARTS = frozenset({"lower_back", "back", "buttock", "hip"})
_DOWN_THE_LEG = frozenset({"leg", "thigh", "hamstring", "calf", "foot", "ankle", "heel"})
_SCIATICA_SAID = re.compile(r"\bsciatic\w*", re.IGNORECASE)


def evidence_for_the_pain(places: list[str], text: str = "") -> Evidence:
    """The record for a pain at `places` (the first is where it is): the sciatica-like one
    when it goes from the back or buttock down the leg, or sciatica is named (outside run 76
    p08: the trial on outer hip pain for pain down the back of the thigh); else the first
    place's region."""
    starts = _WHERE_IT_STARTS.intersection(places)
    if _SCIATICA_SAID.search(text) or (starts and _DOWN_THE_LEG.intersection(places)):
        return EVIDENCE["sciatica"]
    return region_for_body_part(places[0] if places else None)
