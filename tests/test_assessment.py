"""Whether dry needling may suit an intake, and the evidence behind it (clinic.assessment)."""

from __future__ import annotations

import re

import pytest

from clinic.assessment import NOT_A_DIAGNOSIS, TDN_FIT, Assessment, assess
from clinic.evidence import EVIDENCE, EVIDENCE_LEVELS, evidence_for, region_for_body_part
from clinic.intake import Intake

# The contract's canonical body_part values (shared/CONTRACT.md).
CANONICAL_BODY_PARTS = (
    "head", "jaw", "neck", "shoulder", "upper_back", "mid_back", "lower_back", "back", "chest",
    "arm", "elbow", "forearm", "wrist", "hand", "hip", "buttock", "groin", "thigh", "hamstring",
    "knee", "calf", "leg", "ankle", "foot", "heel", "widespread",
)  # fmt: skip


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def check_explanation(assessment: Assessment) -> None:
    """What every explanation must do, whatever the outcome."""
    assert assessment.tdn_fit in TDN_FIT
    assert assessment.presentation in EVIDENCE
    assert assessment.explanation.endswith(NOT_A_DIAGNOSIS)
    assert 2 <= len(sentences(assessment.explanation)) <= 4, assessment.explanation
    lowered = assessment.explanation.lower()
    for promise in ("cure", "guarantee", "will fix", "no need to see"):
        assert promise not in lowered


# --- the evidence table -----------------------------------------------------------------------


def test_every_canonical_body_part_belongs_to_exactly_one_region_record() -> None:
    regions = [r for r in EVIDENCE.values() if r.kind == "region"]
    for part in CANONICAL_BODY_PARTS:
        owners = [r.key for r in regions if part in r.body_parts]
        assert len(owners) == 1, (part, owners)
    covered = set().union(*(r.body_parts for r in regions))
    assert covered == set(CANONICAL_BODY_PARTS)


@pytest.mark.parametrize(
    ("part", "key", "level"),
    [
        ("neck", "neck", "moderate"),
        ("shoulder", "shoulder", "limited to moderate"),
        ("upper_back", "shoulder", "limited to moderate"),
        ("lower_back", "low_back", "moderate"),
        ("back", "low_back", "moderate"),
        ("mid_back", "low_back", "moderate"),
        ("head", "tension_headache", "limited"),
        ("jaw", "jaw", "limited"),
        ("hip", "hip_buttock", "limited"),
        ("buttock", "hip_buttock", "limited"),
        ("elbow", "tennis_elbow", "low to moderate"),
        ("forearm", "tennis_elbow", "low to moderate"),
        ("knee", "knee", "limited to moderate"),
        ("heel", "heel", "moderate"),
        ("foot", "heel", "moderate"),
        ("widespread", "widespread", "limited"),
        ("chest", "elsewhere", "limited"),
        ("calf", "elsewhere", "limited"),
        (None, "elsewhere", "limited"),
    ],
)
def test_region_records(part: str | None, key: str, level: str) -> None:
    record = region_for_body_part(part)
    assert (record.key, record.level) == (key, level)


def test_records_are_complete() -> None:
    for record in EVIDENCE.values():
        assert record.level in EVIDENCE_LEVELS, record.key
        assert record.summary.endswith("."), record.key
        assert record.title
        # Only the rows with no studies behind them go without a source.
        assert bool(record.sources) == (record.key not in ("arm_nerve", "not_indicated"))
    assert "Navarro-Santana 2020, J Clin Med 9:3300" in evidence_for("neck").sources
    assert evidence_for("sciatica").kind == evidence_for("arm_nerve").kind == "pattern"
    assert evidence_for("not_indicated").level == "not an indication"


# --- every outcome ----------------------------------------------------------------------------


@pytest.mark.parametrize("part", CANONICAL_BODY_PARTS)
def test_every_canonical_body_part_gets_an_assessment(part: str) -> None:
    assessment = assess(Intake(body_part=part))
    check_explanation(assessment)
    assert assessment.presentation == region_for_body_part(part).key


@pytest.mark.parametrize(
    ("part", "fit"),
    [
        ("neck", "likely"),
        ("lower_back", "likely"),
        ("back", "likely"),
        ("elbow", "likely"),
        ("forearm", "likely"),
        ("heel", "likely"),
        ("foot", "likely"),
        ("shoulder", "possible"),
        ("upper_back", "possible"),
        ("mid_back", "possible"),
        ("head", "possible"),
        ("jaw", "possible"),
        ("hip", "possible"),
        ("buttock", "possible"),
        ("knee", "possible"),
        ("widespread", "possible"),
        ("chest", "possible"),
        ("wrist", "possible"),
        ("calf", "possible"),
        ("leg", "possible"),
        ("arm", "possible"),
    ],
)
def test_fit_by_region(part: str, fit: str) -> None:
    assert assess(Intake(body_part=part, pain_quality="aching")).tdn_fit == fit


def test_every_fit_outcome_is_reachable() -> None:
    intakes = [
        Intake(body_part="neck"),
        Intake(body_part="knee"),
        Intake(body_part="lower_back", pain_radiates=True, radiates_to="leg"),
        Intake(other_complaint="skin"),
    ]
    assert [assess(i).tdn_fit for i in intakes] == list(TDN_FIT)


def test_other_complaint_without_a_body_part_is_not_advised() -> None:
    assessment = assess(Intake(other_complaint="stomach"))
    check_explanation(assessment)
    assert (assessment.tdn_fit, assessment.presentation) == ("not_advised", "not_indicated")
    assert "not something dry needling treats" in assessment.explanation
    assert "doctor or pharmacist" in assessment.explanation


def test_breathlessness_is_never_sent_to_a_pharmacist() -> None:
    # Session 10 (outside run 16, #24): "a doctor or pharmacist" for new breathlessness.
    from clinic.assessment import who_helps_with

    said = who_helps_with("breathing")
    assert "pharmacist" not in said and "doctor today" in said


def test_skin_problem_at_a_body_part_is_not_advised() -> None:
    assessment = assess(Intake(body_part="arm", other_complaint="skin"))
    check_explanation(assessment)
    assert assessment.tdn_fit == "not_advised"
    assert "doctor or pharmacist" in assessment.explanation


def test_other_complaint_beside_a_body_part_is_assessed_first() -> None:
    assessment = assess(Intake(body_part="head", other_complaint="dizziness"))
    check_explanation(assessment)
    assert (assessment.tdn_fit, assessment.presentation) == ("assess_first", "tension_headache")
    assert "dizziness" in assessment.explanation


@pytest.mark.parametrize(
    ("intake", "presentation"),
    [
        (Intake(body_part="lower_back", pain_radiates=True, radiates_to="leg"), "sciatica"),
        (Intake(body_part="back", pain_radiates=True, radiates_to="calf"), "sciatica"),
        (Intake(body_part="buttock", pain_radiates=True, radiates_to="thigh"), "sciatica"),
        (Intake(body_part="hip", pain_radiates=True, radiates_to="foot"), "sciatica"),
        (Intake(pain_radiates=True, radiates_to="leg"), "sciatica"),
        # Spreads, not yet known where to.
        (Intake(body_part="lower_back", pain_radiates=True), "sciatica"),
        (Intake(body_part="calf", pain_quality="shooting"), "sciatica"),
        (Intake(body_part="foot", pain_quality="numbness"), "sciatica"),
        (Intake(body_part="neck", pain_radiates=True, radiates_to="arm"), "arm_nerve"),
        (Intake(body_part="shoulder", pain_radiates=True, radiates_to="hand"), "arm_nerve"),
        (Intake(body_part="hand", pain_quality="tingling"), "arm_nerve"),
        (Intake(body_part="forearm", pain_quality="numbness"), "arm_nerve"),
    ],
)
def test_nerve_like_pain_is_assessed_first(intake: Intake, presentation: str) -> None:
    assessment = assess(intake)
    check_explanation(assessment)
    assert (assessment.tdn_fit, assessment.presentation) == ("assess_first", presentation)
    assert "nerve" in assessment.explanation


def test_sciatica_explanation_names_the_route() -> None:
    explanation = assess(
        Intake(body_part="lower_back", pain_radiates=True, radiates_to="leg")
    ).explanation
    assert "from your lower back into your leg" in explanation


@pytest.mark.parametrize(
    ("intake", "fit"),
    [
        # Spreading that is not into a limb from the spine is not nerve-like by these rules.
        (Intake(body_part="neck", pain_radiates=True, radiates_to="head"), "likely"),
        (Intake(body_part="lower_back", pain_radiates=True, radiates_to="buttock"), "likely"),
        (Intake(body_part="knee", pain_radiates=True, radiates_to="calf"), "possible"),
        (Intake(body_part="lower_back", pain_radiates=False), "likely"),
        # Tingling outside a limb keeps the region's fit.
        (Intake(body_part="neck", pain_quality="tingling"), "likely"),
        (Intake(body_part="shoulder", pain_quality="shooting"), "possible"),
    ],
)
def test_spreading_that_is_not_nerve_like(intake: Intake, fit: str) -> None:
    assert assess(intake).tdn_fit == fit


def test_unknown_body_part_is_assessed_first() -> None:
    assessment = assess(Intake())
    check_explanation(assessment)
    assert assessment.tdn_fit == "assess_first"


@pytest.mark.parametrize(
    ("days", "severity", "fit"),
    [
        (2, 9, "assess_first"),
        (0.5, 10, "assess_first"),
        (6, 9.5, "assess_first"),
        (2, 8, "likely"),
        (7, 10, "likely"),
        (30, 10, "likely"),
        (None, 10, "likely"),
        (2, None, "likely"),
    ],
)
def test_very_recent_and_very_strong_pain_is_assessed_first(
    days: float | None, severity: float | None, fit: str
) -> None:
    intake = Intake(body_part="neck", pain_duration_days=days, pain_severity=severity)
    assessment = assess(intake)
    check_explanation(assessment)
    assert assessment.tdn_fit == fit


# --- the explanation --------------------------------------------------------------------------


def test_explanation_uses_the_patients_side_and_duration() -> None:
    intake = Intake(body_part="knee", side="left", pain_duration="3 weeks", pain_duration_days=21)
    explanation = assess(intake).explanation
    assert "left knee" in explanation
    assert "3 weeks" in explanation
    assert "strengthening" in explanation  # specific to the knee's evidence


@pytest.mark.parametrize(
    ("intake", "words"),
    [
        (Intake(body_part="neck"), ("neck", "exercise")),
        (Intake(body_part="lower_back"), ("back", "programme")),
        (Intake(body_part="elbow", side="right"), ("right elbow", "outer side of the elbow")),
        (Intake(body_part="heel", side="both"), ("both sides", "plantar")),
        (Intake(body_part="head", pain_duration_days=800), ("headaches", "about 2 years")),
        (Intake(body_part="widespread"), ("doctor", "add-on")),
        (Intake(body_part="jaw"), ("jaw", "weak")),
        (Intake(body_part="hip"), ("hip", "cortisone")),
        (Intake(body_part="lower_back", pain_duration_days=0.5), ("started today",)),
    ],
)
def test_explanation_is_specific_to_the_region(intake: Intake, words: tuple[str, ...]) -> None:
    explanation = assess(intake).explanation
    for word in words:
        assert word in explanation


def test_chest_pain_gets_the_chest_note_without_triage() -> None:
    assessment = assess(Intake(body_part="chest"))
    check_explanation(assessment)
    assert assessment.tdn_fit == "possible"  # red flags are decided elsewhere
    assert "pressure" in assessment.explanation
    assert "urgent" in assessment.explanation


@pytest.mark.parametrize(
    "intake",
    [
        Intake(body_part=part, side=side, pain_quality=quality, pain_duration_days=days,
               pain_severity=severity)
        for part in CANONICAL_BODY_PARTS
        for side, quality, days, severity in (
            ("left", "tingling", 3, 9),
            ("both", "aching", 400, 4),
            (None, None, None, None),
        )
    ]
    + [Intake(other_complaint=c) for c in ("skin", "stomach", "ear", "mood", "something_new")],
)  # fmt: skip
def test_every_explanation_ends_with_the_not_a_diagnosis_sentence(intake: Intake) -> None:
    check_explanation(assess(intake))


@pytest.mark.parametrize(
    ("complaint", "who"),
    [("teeth", "dentist"), ("eye", "optometrist"), ("lump", "doctor soon"), ("mood", "doctor"),
     ("skin", "pharmacist"),
     # Session 31 (outside run 90 p04: "a little burning when I pee" at 22 weeks went
     # unanswered): a water infection is the doctor's soon, in pregnancy today.
     ("urine", "within a day")],
)  # fmt: skip
def test_a_complaint_dry_needling_does_not_treat_names_who_helps(complaint: str, who: str) -> None:
    from clinic.assessment import assess
    from clinic.intake import Intake

    result = assess(Intake(other_complaint=complaint))
    assert result.tdn_fit == "not_advised"
    assert who in result.explanation


def test_sleep_or_tiredness_said_with_a_pain_changes_nothing() -> None:
    from clinic.assessment import assess
    from clinic.intake import Intake

    with_pain = Intake(body_part="neck", pain_duration_days=21, pain_severity=4)
    assert assess(Intake(**{**with_pain.__dict__, "other_complaint": "sleep"})) == assess(with_pain)


@pytest.mark.parametrize(
    ("said", "days", "words"),
    [
        ("a few months", 90, "hip pain you have had for a few months"),
        ("like 3 days ago", 3, "hip pain that started 3 days ago"),
        ("since monday", 3, "hip pain you have had since monday"),
    ],
)
def test_the_explanation_says_how_long_in_the_patients_words(
    said: str, days: float, words: str
) -> None:
    intake = Intake(body_part="hip", side="left", pain_duration=said, pain_duration_days=days)
    explanation = assess(intake).explanation
    assert words in explanation
    assert "about" not in explanation.split("pain")[1][:30]


def test_pregnancy_with_low_back_pain_never_promises_needling_there() -> None:
    # Session 10, written before the change (outside run 16, #07): the precaution said the
    # low back is avoided in pregnancy, then the verdict called needling "worth considering
    # for the right lower back pain".
    from clinic.assessment import with_safety

    intake = Intake(body_part="lower_back", pain_quality="aching", pain_duration_days=30)
    result = with_safety(assess(intake), intake, None, ["pregnancy"])
    assert result.tdn_fit == "assess_first"
    assert "worth considering" not in result.explanation
    assert "not needled in pregnancy" in result.explanation
    neck = Intake(body_part="neck", pain_quality="aching")
    assert (
        "not needled in pregnancy"
        not in with_safety(assess(neck), neck, None, ["pregnancy"]).explanation
    )


def test_lymphoedema_rules_out_needling_in_its_limb_not_in_the_back() -> None:
    # Session 10 (outside run 17, #23): lymph nodes removed under the arm made needling
    # "not advised" for back pain.
    from clinic.assessment import with_safety

    back = Intake(body_part="mid_back", pain_quality="aching")
    assert with_safety(assess(back), back, None, ["lymphoedema"]).tdn_fit == "assess_first"
    arm = Intake(body_part="arm", pain_quality="aching")
    assert with_safety(assess(arm), arm, None, ["lymphoedema"]).tdn_fit == "not_advised"


# Session 19, written before the change (outside run 45 p04: a mother writing for her son of
# 16 read "dry needling isn't advised for you"; the summary already said "his").
def test_the_assessment_speaks_of_the_patient_when_someone_writes_for_them() -> None:
    from clinic.assessment import assess, with_safety
    from clinic.intake import Intake
    from clinic.patient import HE, SHE, spoken_of

    intake = Intake(body_part="lower_back", pain_duration="for 3 weeks", pain_duration_days=21)
    advised = with_safety(assess(intake), intake, None, ["needle_phobia"]).explanation
    said = spoken_of(advised, HE)
    assert "advised for him" in said and "for you" not in said and "You told me" in said
    fits = spoken_of(assess(intake).explanation, SHE)
    assert "she has had" in fits and "you have had" not in fits and "your" not in fits


# Session 29, written before the change (outside run 78 p03: a father's "the needle fear like
# i said", for a boy only a bit nervous, read "a fear of needles... so dry needling isn't
# advised for him"; the father had to push back). A fear of needles rules needling out when
# it is a real fear or fainting; nerves do not, and the verdict says how to put it right.
def test_a_fear_of_needles_alone_says_what_rules_needling_out_and_what_does_not() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="neck", pain_quality="tightness", pain_duration_days=30)
    result = with_safety(assess(intake), intake, None, ["needle_phobia"])
    assert result.tdn_fit == "not_advised"
    assert "faint" in result.explanation and "nerves" in result.explanation
    both = with_safety(assess(intake), intake, None, ["needle_phobia", "past_reaction"])
    assert "nerves" not in both.explanation
    # Session 38 (outside run 127 z03, unsafe: a faint at a covid shot, then "If it's more a
    # bit of nerves, just tell me" and "its just nerves" took it off): a faint told is named
    # as such, with no way out through nerves.
    fainted = with_safety(assess(intake), intake, None, ["needle_phobia"], fainted=True)
    assert fainted.tdn_fit == "not_advised"
    assert "fainting" in fainted.explanation and "nerves" not in fainted.explanation


# Session 20, written before the change (outside run 46 p07: lymphoedema in the arm after
# breast surgery, neck and shoulder pain on that side, a doctor today for the past cancer;
# the verdict offered to "check whether dry needling suits the left neck pain" and said
# nothing of the shoulder or the lymphoedema). My own intakes.
def test_lymphoedema_names_the_limb_place_among_several_painful_places() -> None:
    from clinic.assessment import with_safety

    intake = Intake(
        body_part="upper_back",
        side="right",
        pain_quality="aching",
        other_places=(("arm", "right"),),
    )
    for level in (None, "urgent"):
        result = with_safety(assess(intake), intake, level, ["lymphoedema"])
        check_explanation(result)
        assert result.tdn_fit == "assess_first"
        assert "lymphoedema" in result.explanation and "arm" in result.explanation


def test_a_doctor_first_still_names_the_precautions_told() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="neck", pain_quality="tightness")
    for codes in (["lymphoedema"], ["anticoagulants"]):
        result = with_safety(assess(intake), intake, "urgent", codes)
        check_explanation(result)
        assert "doctor first" in result.explanation
        assert "before any needling" in result.explanation, result.explanation


# Session 20, written before the change (outside run 48 p08: broken skin on the neck read
# "dry needling isn't advised for you" after "in another area, needling may be possible").
# Broken skin keeps needles off it, not off the patient. My own intake.
def test_broken_skin_keeps_needles_off_it_not_off_the_patient() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="upper_back", pain_quality="aching", pain_duration_days=40)
    result = with_safety(assess(intake), intake, None, ["skin_infection"])
    check_explanation(result)
    assert result.tdn_fit == "assess_first"
    assert "isn't advised for you" not in result.explanation
    assert "healed" in result.explanation
    both = with_safety(assess(intake), intake, None, ["skin_infection", "needle_phobia"])
    assert both.tdn_fit == "not_advised"


# Session 20, written before the change (outside run 49 p04: 10 weeks pregnant, neck pain:
# "Dry needling is often worth considering for the neck pain" after "many clinics avoid it
# in the first three months"). In pregnancy the verdict promises no needling anywhere. My
# own intake.
def test_pregnancy_never_reads_as_needling_worth_considering() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="upper_back", pain_quality="aching", pain_duration_days=50)
    result = with_safety(assess(intake), intake, None, ["pregnancy"])
    check_explanation(result)
    assert result.tdn_fit == "assess_first"
    assert "worth considering" not in result.explanation and "may help" not in result.explanation
    assert "midwife" in result.explanation


def test_the_verdict_after_urgent_advice_names_what_the_doctor_is_for() -> None:
    # Session 27, written before the change (outside run 71 p04: "Please see a doctor first,
    # as I advised above" named nothing: the summary before it held only the pain, and the
    # cancer, night pain and weight loss that sent him were in no line of it).
    from clinic.assessment import with_safety

    intake = Intake(body_part="upper_back", pain_quality="aching", pain_duration_days=42)
    told = "pain together with a history of cancer and pain at night"
    result = with_safety(assess(intake), intake, "urgent", [], advised_for=told)
    assert f"about the {told}" in result.explanation
    assert "as I advised above" in with_safety(assess(intake), intake, "urgent", []).explanation
    # Session 37 (outside run 118 p08: "about the a swollen... calf"): signs told with their
    # own article take no second one.
    calf = "a swollen, red, warm or painful calf"
    said = with_safety(assess(intake), intake, "urgent", [], advised_for=calf).explanation
    assert f"about {calf}" in said and "the a " not in said


def test_the_examination_is_of_the_patient_written_for() -> None:
    # Session 27, written before the change (outside run 71 p04-p07: "the physiotherapist
    # will examine you" to a daughter writing for her father).
    from clinic.patient import HE, SHE, spoken_of

    assert "will examine him at" in spoken_of(NOT_A_DIAGNOSIS, HE)
    assert "after examining her" in spoken_of("decides with you, after examining you.", SHE)
    # Session 34, written before the change (outside run 106 p07: "a doctor has already seen
    # you about this" to a wife writing for her husband).
    from clinic.safety import advice

    assert "has already seen him" in spoken_of(advice.checked_before_urgent_advice("911"), HE)
    # Session 34, written before the change (outside run 107 p08: "If needles frighten you or
    # you have fainted with them" to a husband writing for his wife).
    from clinic.safety import contraindications

    fear = spoken_of(contraindications.precaution("needle_phobia", "she fainted at a jab"), SHE)
    assert "frighten her or she has fainted" in fear, fear


# Session 28, written before the change (outside run 76 p08: "pain in my left buttock that
# goes down the back of my thigh, my GP called it sciatica-ish... is there evidence?" got
# the trial on outer hip pain). Pain from the buttock or back down the leg, or sciatica
# named, is the sciatica-like record. My own wordings.
@pytest.mark.parametrize(
    ("places", "text", "key"),
    [
        (["buttock", "calf"], "my bum aches right down into the calf, does it work?", "sciatica"),
        (["lower_back"], "is there any proof it helps sciatica?", "sciatica"),
        (["hip"], "my hip aches when I walk, any evidence?", "hip_buttock"),
        (["neck"], "does it work for necks?", "neck"),
    ],
)  # fmt: skip
def test_the_evidence_for_pain_down_the_leg_is_sciaticas(
    places: list[str], text: str, key: str
) -> None:
    from clinic.evidence import evidence_for_the_pain

    assert evidence_for_the_pain(places, text).key == key


# Session 29, written before the change (outside runs 78 and 79: "the left foot pain you have
# had for 3 weeks now now" in pregnancy).
def test_a_duration_said_with_now_is_not_followed_by_now_again() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="neck", pain_duration="about 5 weeks now")
    result = with_safety(assess(intake), intake, None, ["pregnancy"])
    assert "now now" not in result.explanation and "5 weeks now" in result.explanation


# Session 33, written before the change (outside run 100 p07: "talk through the an implant
# (pacemaker, ...)"): the precautions listed after an urgent flag read as English.
@pytest.mark.parametrize(
    "codes", [["implant_near_site"], ["anticoagulants", "immunosuppressed"], ["pregnancy"]]
)
def test_precautions_to_talk_through_after_a_doctor_read_as_english(codes: list[str]) -> None:
    from clinic.assessment import with_safety
    from clinic.safety.red_flags import URGENT

    intake = Intake(body_part="lower_back", pain_quality="aching", pain_duration_days=42)
    explanation = with_safety(assess(intake), intake, URGENT, codes).explanation
    assert "talk through" in explanation
    assert not re.search(r"\bthe (?:a|an)\b", explanation), explanation


# Session 35, written before the change (outside run 111 p04: a pregnant woman told "You
# told me about a fear of needles... isn't advised for you", her pregnancy in no line of
# it). A precaution told beside one that rules needling out is still named.
def test_a_precaution_beside_one_that_rules_needling_out_is_named() -> None:
    from clinic.assessment import with_safety

    intake = Intake(body_part="lower_back", pain_quality="aching", pain_duration_days=30)
    result = with_safety(assess(intake), intake, None, ["needle_phobia", "pregnancy"])
    assert result.tdn_fit == "not_advised"
    assert "pregnan" in result.explanation, result.explanation


def test_a_wound_healing_keeps_needles_off_it_without_a_doctor() -> None:
    # Session 37, written before the change (outside run 120 x7p03: "a new tat on my shoulder
    # blade... still kinda scabby" got "please have it seen by a doctor or pharmacist
    # first"). A wound heals by itself: the needles keep clear of it until then; an
    # infection is the safety screen's, with its own advice.
    intake = Intake(body_part="upper_back", pain_quality="stiffness", other_complaint="wound")
    result = assess(intake)
    check_explanation(result)
    assert result.tdn_fit == "assess_first", result
    assert "healed" in result.explanation and "pharmacist" not in result.explanation
