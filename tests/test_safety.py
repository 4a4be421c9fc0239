"""The red-flag and contraindication rules (clinic.safety), one example per rule and more."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from clinic import safety
from clinic.safety import advice, answers, contraindications
from clinic.safety.checklist import ChecklistAnswer, read_checklist_answer
from clinic.safety.red_flags import (
    DIRECT_QUESTIONS,
    EMERGENCY,
    LEVEL_ORDER,
    RED_FLAGS,
    SCREEN_QUESTIONS,
    SIGNS,
    URGENT,
    RedFlagRule,
    ScreenQuestion,
)
from tests.eval_sets import FIGURES, benign_sentences, red_flag_rows


def _over_two_messages(first: str, then: str) -> tuple[set[str], set[str]]:
    """The signs held after `first` then `then`, and the flags they raise."""
    earlier = set(safety.screen(first).signs)
    signs = set(safety.screen(then, known_signs=earlier).signs) | earlier
    return signs, {flag.code for flag in safety.red_flags_for(signs)}


def _read_list(lines: list[ScreenQuestion], text: str) -> ChecklistAnswer:
    """The checklist's reading of `text`, with the signs the safety check reads in it."""
    found = safety.screen(text)
    return read_checklist_answer(lines, text, found.signs, found.denied_signs, "deny")


def rule_key(rule: RedFlagRule) -> str:
    key = f"{rule.code}/{rule.level}/{'+'.join(rule.signs)}"
    return key + (f"|{','.join(rule.with_any)}" if rule.with_any else "")


# One sentence per rule of clinic.red_flags.RED_FLAGS: each must raise its flag at its level.
# Screen-only signs (stroke_warning, ...) are given as known signs instead of text.
RULE_EXAMPLES: dict[str, str | set[str]] = {
    "cauda_equina/emergency/saddle_numbness": "it's gone numb around my bottom since monday",
    "cauda_equina/emergency/bladder_or_bowel_control": "I've lost control of my bladder",
    "cauda_equina/emergency/both_legs_nerve": "pins and needles down both legs",
    "cauda_equina/emergency/both_legs_pain+back_pain": "my back hurts and both legs ache",
    "progressive_weakness/emergency/worsening_weakness+both_sides": (
        "both legs are getting weaker every day"
    ),
    "progressive_weakness/emergency/tiptoe_or_heel_weakness+getting_worse+both_sides": (
        "I can't stand on tiptoe on both sides and it's getting worse"
    ),
    "fracture/emergency/major_trauma+neck_pain": "came off my motorbike and now my neck hurts",
    (
        "cardiac/emergency/comes_on_exertion+at_rest|arm_or_jaw_pain,arm_or_jaw_place,"
        "left_arm_pain,upper_back_pain,jaw_pain"
    ): "my jaw aches when I walk uphill, and last night it came on lying in bed",
    "fracture/emergency/trauma+neck_pain|aged_65_plus,osteoporosis,both_hands_nerve": (
        "I'm 70 and I slipped in the shower, now my neck hurts"
    ),
    "fracture/urgent/major_trauma": "since the car crash my lower back has ached",
    "head_injury/emergency/head_injury+drowsy": "he banged his head and now he's very drowsy",
    "head_injury/emergency/head_injury+vomited": (
        "she bumped her head on the cupboard and has been sick since"
    ),
    "head_injury/emergency/head_injury+headache+getting_worse": (
        "he knocked his head at rugby and the headache is getting worse"
    ),
    "stroke_signs/emergency/speech_trouble": "my speech is slurred",
    "stroke_signs/emergency/face_numbness": "one side of my face is drooping",
    "stroke_signs/emergency/one_sided_weakness": "the left side of my body feels weak",
    "stroke_signs/emergency/stroke_warning": {"stroke_warning"},
    "stroke_signs/emergency/double_vision|neck_pain,headache": "neck pain and double vision",
    "stroke_signs/emergency/swallowing_trouble|neck_pain,headache": (
        "a headache and I can't swallow properly"
    ),
    "stroke_signs/emergency/drop_attack|neck_pain,headache": (
        "my neck hurts and I had a drop attack"
    ),
    "stroke_signs/emergency/neck_manipulated|dizziness,dizzy_now,new_headaches,unsteady_walking": (
        "my neck was adjusted by the chiropractor yesterday and I've felt dizzy ever since"
    ),
    "stroke_signs/emergency/dizziness+sudden_onset|neck_pain,headache": (
        "sudden neck pain and I feel dizzy"
    ),
    "thunderclap_headache/emergency/thunderclap": "a thunderclap headache an hour ago",
    "thunderclap_headache/emergency/headache+worst_ever": (
        "this headache is the worst I've ever had"
    ),
    "thunderclap_headache/emergency/headache+sudden_onset+severe": (
        "a sudden severe headache at the gym"
    ),
    "meningitis_signs/emergency/fever+stiff_neck": "I have a fever and a stiff neck",
    "meningitis_signs/emergency/fever+light_sensitivity": "fever and the light hurts my eyes",
    "meningitis_signs/emergency/fever+rash|headache,neck_pain": "headache, fever and a rash",
    "meningitis_signs/emergency/purpuric_rash|stiff_neck,fever,headache,light_sensitivity": (
        "a rash that doesn't fade under a glass and a headache"
    ),
    "meningitis_signs/emergency/meningitis_warning": {"meningitis_warning"},
    "cardiac/emergency/chest_pressure": "a heavy pressure on my chest",
    # Session 25, written before the change (outside run 66 x01: a pressing pain between the
    # shoulder blades into the left arm and the jaw, at rest, was offered a booking).
    "cardiac/emergency/arm_and_jaw_pain+pressing_pain": (
        "it's a squeezing ache that runs down his left arm and into his jaw"
    ),
    "cardiac/emergency/jaw_pain+pressing_pain": "there's a heavy pressure that creeps up to my jaw",
    # Session 25, written before the change (outside run 67 p04, unsafe: a wife's pain
    # between the shoulder blades into the left shoulder, sweaty, out of breath and queasy
    # when it came on carrying laundry upstairs, got "trouble breathing", withdrawn by "no").
    # Session 25, written before the change (outside run 67 p08, under-triaged: back pain
    # with 38.5 and shaking chills after a kidney infection was sent to urgent care).
    "infection/emergency/fever+rigors|back_pain,neck_pain": (
        "my lower back is awful and I had a temperature with shaking chills all night"
    ),
    "cardiac/emergency/upper_back_pain+sweating+nausea": (
        "an ache between her shoulder blades, she went clammy and felt sick with it"
    ),
    "cardiac/emergency/upper_back_pain+breathless+nausea": (
        "pain in his upper back, he's short of breath and nauseous"
    ),
    "cardiac/emergency/arm_and_jaw_pain+at_rest": (
        "my arm and jaw ache even when I'm just sitting watching tv"
    ),
    "cardiac/emergency/chest_pain_spreading": "chest pain going into my jaw",
    "cardiac/emergency/cardiac_warning": {"cardiac_warning"},
    "cardiac/emergency/chest_pain|sweating,breathless,nausea,severe,arm_and_jaw_pain": (
        "pain in my chest and I'm sweating"
    ),
    "cardiac/emergency/arm_and_jaw_pain|sweating,breathless,nausea": (
        "my jaw and left arm ache and I'm sweating"
    ),
    # Session 22 (outside run 57 p07): the jaw with sweating and breathlessness, or effort.
    "cardiac/emergency/jaw_pain+sweating+breathless": (
        "the ache went into his jaw and he was sweaty and out of breath"
    ),
    "cardiac/emergency/jaw_pain+comes_on_exertion|sweating,breathless,nausea": (
        "my jaw aches when I walk up the hill and I feel sick"
    ),
    "pneumothorax/emergency/after_needling|breathless,chest_pain,chest_pressure": (
        "short of breath since the needling session"
    ),
    "dvt/emergency/calf_swollen|breathless,chest_pain": (
        "my calf is swollen and I'm short of breath"
    ),
    "breathing_difficulty/emergency/cannot_breathe": "I can't breathe",
    "head_injury/emergency/head_injury+confusion": (
        "she banged her head on the table edge and since then she's been muddled"
    ),
    "head_injury/emergency/trauma+confusion+headache": (
        "he slipped on the ice yesterday, and now a headache and he seems confused"
    ),
    # The blood thinners come from the contraindications (see `signs_of_contraindications`).
    "head_injury/emergency/head_injury+on_blood_thinners": {"head_injury", "on_blood_thinners"},
    "suicidal_thoughts/emergency/suicidal_thoughts": "some days I want to end my life",
    "suicidal_thoughts/emergency/self_harm": "I've been self-harming again",
    "suicidal_thoughts/emergency/cant_go_on+suicide_method": (
        "I can't carry on, I've been planning how I would end it"
    ),
    "progressive_weakness/urgent/worsening_weakness": "I keep tripping over my foot",
    "progressive_weakness/urgent/tiptoe_or_heel_weakness+getting_worse": (
        "I can't walk on my heels any more and it's getting worse"
    ),
    "fracture/urgent/trauma|neck_pain,aged_50_plus,aged_65_plus,osteoporosis,fracture_risk": (
        "I'm 67 and it started when I slipped in the garden"
    ),
    "fracture/urgent/osteoporosis|back_pain,upper_back_pain,sudden_onset,cough_or_strain": (
        "I have osteoporosis and my back hurts"
    ),
    "cancer/urgent/cancer_history": "I had breast cancer five years ago",
    "cancer/urgent/weight_loss": "I've lost a lot of weight without trying",
    "cancer/urgent/losing_weight": "my jeans are hanging off me lately",
    "cancer/urgent/night_pain": "the pain is worse at night",
    "infection/urgent/fever": "I've had chills all week",
    "infection/urgent/injects_drugs": "I inject drugs and my back hurts",
    "infection/urgent/feeling_unwell|back_pain,neck_pain": "I feel unwell and my neck aches",
    "myelopathy/urgent/clumsy_hands": "my hands are clumsy lately",
    "myelopathy/urgent/unsteady_walking": "I'm unsteady when I walk",
    "myelopathy/urgent/both_hands_nerve": "tingling in both hands",
    "stroke_signs/urgent/double_vision": "I'm seeing double",
    "headache_warning_signs/urgent/headache_new_after_50": ("my headaches get worse when I cough"),
    "headache_warning_signs/urgent/headache_changed": (
        "these headaches are not like my normal migraines"
    ),
    "cardiac/urgent/chest_pain": "my chest hurts",
    "cardiac/urgent/breathless+sweating|comes_on_exertion,eases_with_rest,settles_after_rest": (
        "I get winded and sweaty on the stairs and it goes off when I stop"
    ),
    "dvt/urgent/calf_swollen": "my left calf is hot and puffy",
    "aortic_dissection/emergency/tearing_pain": (
        "a sudden ripping pain in my chest that went right through to my back"
    ),
    "aortic_dissection/emergency/pulsing_tummy_lump": (
        "there's a lump in my belly that pulses like a heartbeat"
    ),
    "aortic_dissection/emergency/aortic_warning": {"aortic_warning"},
    "possible_red_flag/urgent/other_warning": {"other_warning"},
    "cardiac/urgent/arm_or_jaw_place+comes_on_exertion+eases_with_rest": {
        "arm_or_jaw_place",
        "comes_on_exertion",
        "eases_with_rest",
    },
    "cardiac/urgent/arm_or_jaw_place+comes_on_exertion+settles_after_rest": {
        "arm_or_jaw_place",
        "comes_on_exertion",
        "settles_after_rest",
    },
    "cardiac/urgent/upper_back_pain+comes_on_exertion+eases_with_rest": {
        "upper_back_pain",
        "comes_on_exertion",
        "eases_with_rest",
    },
    "cardiac/urgent/upper_back_pain+comes_on_exertion+settles_after_rest": {
        "upper_back_pain",
        "comes_on_exertion",
        "settles_after_rest",
    },
    "cardiac/emergency/chest_pain+comes_on_exertion": "my chest aches whenever I climb the stairs",
    "cardiac/emergency/arm_or_jaw_pain+eases_with_rest": (
        "my jaw aches when walking to work and goes away when I stop"
    ),
    "cardiac/emergency/left_arm_pain|sweating,breathless,nausea": (
        "my left arm is aching and I feel sick"
    ),
    "pneumothorax/emergency/breathless_after_needling": {"breathless_after_needling"},
    "breathing_difficulty/emergency/breathless"
    "|at_rest,upper_back_pain,chest_pain,chest_pressure,trauma": (
        "pain between my shoulder blades and I'm short of breath"
    ),
    "headache_warning_signs/urgent/aged_50_plus+new_headaches": (
        "I'm 71 and these headaches are new"
    ),
    "acute_knee_injury/urgent/knee_stuck": "my knee is stuck bent and won't straighten",
    "acute_knee_injury/urgent/knee_locks|knee_pop,knee_swelled": (
        "it went pop and now my knee keeps locking"
    ),
    "acute_knee_injury/urgent/knee_pop+knee_swelled": (
        "felt a pop in my knee and it swelled right up"
    ),
    "acute_knee_injury/urgent/knee_warning": {"knee_warning"},
    "headache_warning_signs/urgent/headache+headache_pattern_change": (
        "my headaches have changed over the last month"
    ),
    "headache_warning_signs/urgent/headache+cough_or_strain": (
        "I get a headache whenever I strain lifting"
    ),
    "fracture/urgent/cannot_bear_weight+trauma": "I slipped on ice and can't put weight on it",
    "stroke_signs/emergency/vision_trouble+dizzy_now": "my vision went blurry and I feel dizzy",
    "dvt/urgent/long_travel+breathless": ("since the long flight home I've been short of breath"),
    "limping_child/urgent/limping+young_patient": (
        "my 12 year old has been limping for a week with a sore knee"
    ),
    "limping_child/urgent/cannot_bear_weight+young_patient": (
        "my teenage son can't put weight on his leg, his hip hurts"
    ),
    "limping_child/urgent/child_limp_warning": {"child_limp_warning"},
    # Session 13 (outside run 27, #13's kind): wobbly legs with a cancer history.
    "progressive_weakness/emergency/both_legs_heavy+cancer_history": (
        "I had bowel cancer in 2022 and my legs have gone wobbly on the stairs"
    ),
    # Session 33 (outside run 101 p07): fingers funny, then "both hands" on its own.
    "myelopathy/urgent/hand_nerve_feeling+both_hands": (
        "his fingers feel a bit odd at times. it's both hands"
    ),
    # Session 33 (outside run 100 p07: a foot "slapping down" after prostate cancer got a
    # doctor today): one leg or foot weakening with a cancer history (NICE NG234).
    "progressive_weakness/emergency/worsening_weakness+cancer_history": (
        "had breast cancer 5 years ago and my left leg keeps giving way, worse each week"
    ),
    "progressive_weakness/emergency/tiptoe_or_heel_weakness+cancer_history": (
        "I was treated for lung cancer and now I can't stand on my heels on the right"
    ),
    # Session 13 (outside run 25, #07's kind): a painful rash in a band on one side.
    "shingles/urgent/rash+band_on_one_side": (
        "an itchy rash in a band on my left side from my back round to my belly, it burns"
    ),
    "shingles/urgent/blisters+band_on_one_side": (
        "a stripe of little blisters round one side of my chest, burning pain"
    ),
    "limping_child/emergency/limping+young_patient+fever": (
        "my daughter is 5, she's limping and running a temperature"
    ),
    "limping_child/emergency/cannot_bear_weight+young_patient+fever": (
        "our 4 year old won't put weight on his leg and he's hot with a fever"
    ),
    # Issue 23 (written from the outside run's findings, not its sentences).
    "headache_warning_signs/urgent/headache+morning_vomiting": (
        "my head has been pounding for weeks and I keep being sick in the mornings"
    ),
    "headache_warning_signs/urgent/headache+worse_on_waking+nausea": (
        "the headaches are worse when I get up and I feel sick with them"
    ),
    "infection/emergency/fever+spinal_procedure": ("a fever since my epidural injection last week"),
    # Session 27 (outside run 74 p02's kind, my own words): the shakes are a fever's.
    "infection/urgent/rigors|back_pain,neck_pain": "my neck aches and I keep getting the shakes",
    "infection/emergency/rigors+spinal_procedure": (
        "since the steroid injection in my spine I get the shakes every night"
    ),
    "infection/emergency/fever+confusion": "she has a temperature of 39 and is very confused",
    "cardiac/urgent/arm_or_jaw_pain+comes_on_exertion": "my jaw aches whenever I walk uphill",
    "giant_cell_arteritis/urgent/jaw_claudication+aged_50_plus": (
        "I'm 74 and my jaw gets tired and achy when I'm eating"
    ),
    # The jaw known from the intake, "it" in the message (signs: the rule's own).
    "giant_cell_arteritis/urgent/chewing_pain+jaw_pain+aged_50_plus": {
        "chewing_pain",
        "jaw_pain",
        "aged_50_plus",
    },
    "preterm_labour/emergency/pregnant_now+bump_tightening": (
        "26 weeks pregnant and my bump keeps going hard every few minutes"
    ),
    "waters_breaking/emergency/pregnant_now+waters_leaking": (
        "I'm 33 weeks pregnant and clear fluid keeps trickling down since this morning"
    ),
    "giant_cell_arteritis/urgent/scalp_tender+aged_50_plus": (
        "I'm 71 and my scalp is so tender I can hardly brush my hair"
    ),
    "giant_cell_arteritis/urgent/jaw_claudication+headache": (
        "headache at the side of my head, and chewing makes my jaw hurt"
    ),
    "giant_cell_arteritis/emergency/vision_trouble+jaw_claudication": (
        "my jaw aches when I chew and things went dim in my left eye this morning"
    ),
    "giant_cell_arteritis/emergency/vision_trouble+headache+aged_50_plus": (
        "I'm 69, a new headache by my temple and my sight went blurry for a bit"
    ),
    "acute_knee_injury/urgent/knee_swelled+trauma": "fell off my bike and my knee is swollen",
    "pre_eclampsia/emergency/pre_eclampsia_signs": {"pre_eclampsia_signs"},
    "pre_eclampsia/emergency/pregnant_now+headache|vision_trouble,face_hands_swelling": (
        "I'm pregnant, I have a headache and blurred vision"
    ),
    "pre_eclampsia/emergency/pregnant_now+vision_trouble+face_hands_swelling": (
        "pregnant and my hands are puffy and I see sparkly lights"
    ),
    "progressive_weakness/emergency/both_legs_weak|back_pain,neck_pain,trauma": (
        "my back hurts and both legs feel weak"
    ),
    "progressive_weakness/emergency/both_legs_heavy+trauma": (
        "since her fall her legs are heavy and wobbly"
    ),
    "progressive_weakness/urgent/both_legs_weak": "my legs have gone weak and wobbly",
    "aortic_dissection/emergency/tearing_feeling|sweating,faint": (
        "a ripping feeling inside and I'm clammy"
    ),
    "breathing_difficulty/emergency/severe_breathlessness": "I'm gasping and my lips look blue",
    "cancer/urgent/first_back_pain+aged_50_plus": "I'm 68 and it's my first ever back pain",
    "cancer/urgent/non_mechanical_pain|back_pain,neck_pain": (
        "my lower back aches and nothing eases it"
    ),
    "cardiac/emergency/arm_and_jaw_pain+eases_with_rest": (
        "my arm and jaw ache on the hill and it eases when I rest"
    ),
    "cardiac/emergency/left_arm_pain+eases_with_rest": (
        "my left arm aches climbing stairs and goes off when I stop"
    ),
    "cardiac/emergency/arm_or_jaw_pain+comes_on_exertion+settles_after_rest": (
        "my jaw aches when I walk the dog up the lane, it's ok after a few minutes sitting down"
    ),
    "headache_warning_signs/urgent/new_headaches+nausea": (
        "these headaches are new for me and I've been throwing up"
    ),
    "headache_warning_signs/urgent/worse_on_waking+morning_vomiting": (
        "he wakes up with a pounding head and is sick most mornings"
    ),
    "dvt/emergency/calf_pain+breathless": "my calf is sore and I'm short of breath",
    "dvt/emergency/recent_surgery+breathless": "since my operation I'm short of breath",
    "dvt/urgent/calf_pain+long_travel": "my calf aches since the long flight home",
    "dvt/urgent/calf_pain+recent_surgery": "a tender calf since my knee operation",
    "fracture/emergency/trauma+cannot_bear_weight+aged_65_plus": (
        "I'm 78, I slipped and I can't stand on my leg"
    ),
    "meningitis_signs/emergency/feeling_unwell+stiff_neck|rash,light_sensitivity,purpuric_rash": (
        "I feel really unwell, a rigid neck and a rash"
    ),
    "myelopathy/urgent/lhermitte": "looking down sends a jolt down my spine",
    "progressive_weakness/emergency/worsening_weakness+rapid_progression": (
        "my leg is getting weaker by the hour"
    ),
    "progressive_weakness/urgent/tiptoe_or_heel_weakness": "I can't stand on my tiptoes",
    "stroke_signs/emergency/vision_trouble+sudden_onset": "suddenly my vision went blurry",
    "myelopathy/urgent/hand_skill_loss|neck_pain,both_hands_nerve": (
        "my neck aches and I struggle to write with a pen lately"
    ),
}


def test_every_rule_has_an_example() -> None:
    assert sorted(RULE_EXAMPLES) == sorted(rule_key(rule) for rule in RED_FLAGS)


@pytest.mark.parametrize("rule", RED_FLAGS, ids=rule_key)
def test_each_rule_raises_its_flag(rule: RedFlagRule) -> None:
    example = RULE_EXAMPLES[rule_key(rule)]
    if isinstance(example, set):
        flags = safety.red_flags_for(example)
    else:
        flags = safety.screen(example).flags
    assert safety.RedFlag(rule.code, rule.level) in flags, example


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("my 13 yr old daughter keeps saying her hip hurts after netball", "check_child_limp"),
        ("my son's hip hurts after football", "check_child_limp"),
        ("the pain in my knee is worse on stairs", None),
        ("my daughter's back aches from her school bag", None),
    ],
)
def test_a_child_with_hip_or_knee_pain_gets_asked_about_a_limp(text: str, question: str) -> None:
    asked = [q.name for q in safety.screen(text).questions]
    assert (question in asked) if question else "check_child_limp" not in asked, asked


def test_a_limping_child_is_seen_today() -> None:
    flags = safety.screen("my son is 11 and he's started hobbling about").flags
    assert flags == (safety.RedFlag("limping_child", "urgent"),)


@pytest.mark.parametrize(
    "text", ["my son is 34 and limps after his knee op", "I limp a bit since I sprained my ankle"]
)
def test_a_grown_up_limping_is_no_red_flag(text: str) -> None:
    assert safety.screen(text).flags == ()


@pytest.mark.parametrize(
    "text",
    ["pressed the wrong button sorry", "oops wrong one, I meant no", "I clicked yes by mistake"],
)
def test_a_misclick_is_not_a_sign(text: str) -> None:
    assert safety.screen(text).mentions == () or not [
        m for m in safety.screen(text).mentions if m.kind == "sign"
    ]


def test_every_sign_is_used_by_a_rule_a_question_or_a_guard() -> None:
    from clinic.safety.concepts import GUARDS
    from clinic.safety.red_flags import DIRECT_QUESTIONS, SCREEN_QUESTIONS

    used = {s for rule in RED_FLAGS for s in (*rule.signs, *rule.with_any)}
    questions = [*DIRECT_QUESTIONS, *(q for qs in SCREEN_QUESTIONS.values() for q in qs)]
    used |= {s for q in questions for s in (*q.ruled_out_by, *q.where)}
    # Or to ask a direct question (session 33: a neck manipulated asks about stroke signs).
    used |= {s for guard in GUARDS for s in guard.touches}
    assert {sign.name for sign in SIGNS} <= used


# --- The shared dev sets --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), red_flag_rows())
def test_every_dev_red_flag_escalates_to_its_level(text: str, expected: str) -> None:
    level = safety.screen(text).level
    assert level is not None, text
    assert LEVEL_ORDER[level] >= LEVEL_ORDER[expected], (text, level)


@pytest.mark.parametrize("text", benign_sentences())
def test_no_dev_benign_complaint_escalates(text: str) -> None:
    assert safety.screen(text).flags == ()


# --- Our own cases --------------------------------------------------------------------------

ESCALATES = [
    # From the NLU cross-validation (make eval): the rules missed this stroke sign.
    ("my words are coming out wrong and my right hand feels weak", EMERGENCY, "stroke_signs"),
    # The issue's own example, and the public demo's miss.
    ("numb between my legs and I can't pee", EMERGENCY, "cauda_equina"),
    ("severe chest pain for 2 hours", EMERGENCY, "cardiac"),
    # Lowercase, no punctuation, no apostrophes.
    ("i cant pee and my back is killing me", EMERGENCY, "cauda_equina"),
    ("CHEST PAIN SPREADING TO MY LEFT ARM", EMERGENCY, "cardiac"),
    # Typos.
    ("my blader is not working properly", EMERGENCY, "cauda_equina"),
    ("feaver and a stif neck", EMERGENCY, "meningitis_signs"),
    ("numbnes around my bottem", EMERGENCY, "cauda_equina"),
    # Two complaints in one message: the more urgent one decides the level.
    ("back pain and fever, and now I can't control my bowels", EMERGENCY, "cauda_equina"),
    ("my calf is red and swollen and my neck is stiff", URGENT, "dvt"),
    # A denial of one thing does not cover the next clause.
    ("no fever but I can't pee", EMERGENCY, "cauda_equina"),
    ("no, my legs are both numb", EMERGENCY, "cauda_equina"),
    ("no longer able to control my bladder", EMERGENCY, "cauda_equina"),
    # Sides: both legs is a flag, one leg is not (see NOT_ESCALATED).
    ("sciatica down both legs", EMERGENCY, "cauda_equina"),
    # A simple rear-end crash is the Canadian C-spine rule's low-risk one (session 23): a
    # doctor today, and the question whether it was serious.
    ("I was rear-ended yesterday and my neck hurts", URGENT, "fracture"),
    ("a car hit my bike on the way to work and my neck's killing me", EMERGENCY, "fracture"),
    ("I feel suicidal", EMERGENCY, "suicidal_thoughts"),
    ("I can't bear this squeezing feeling I have in my chest", EMERGENCY, "cardiac"),
    ("I'm breathless after acupuncture on my upper back", EMERGENCY, "pneumothorax"),
]

# The NLU training data labels these red_flag; the rules used to miss every one of them.
TRAINING_RED_FLAGS = [
    (
        "my lower back is killing me and since yesterday i cant really feel it when i wipe "
        "after the toilet",
        EMERGENCY,
        "cauda_equina",
    ),
    (
        "back pain and now i'm struggling to start peeing, it just wont come",
        EMERGENCY,
        "cauda_equina",
    ),
    (
        "inner thighs feel numb like i've been sat on them for hours, and my back is agony",
        EMERGENCY,
        "cauda_equina",
    ),
    (
        "i keep catching my toes on the pavement and tripping, left foot feels floppy",
        URGENT,
        "progressive_weakness",
    ),
    (
        "the weakness in my leg is worse than last week, it gave way twice today",
        URGENT,
        "progressive_weakness",
    ),
    (
        "cant stand on tiptoe on my left side anymore and its getting worse",
        URGENT,
        "progressive_weakness",
    ),
    (
        "back pain plus a leg thats getting more useless, can barely make it to the car now",
        URGENT,
        "progressive_weakness",
    ),
    (
        "clashed heads with another player going for a header, neck pain ever since",
        EMERGENCY,
        "fracture",
    ),
    ("lost about a stone without trying and my back aches all the time", URGENT, "cancer"),
    ("ive been losing weight and im not dieting, plus this ache in my back", URGENT, "cancer"),
    (
        "cant get comfy in any position at night, the pain never lets up and my clothes are "
        "getting loose",
        URGENT,
        "cancer",
    ),
    (
        "i feel really poorly, sweating and shaking, and my spine is tender to touch",
        URGENT,
        "infection",
    ),
    (
        "on anti rejection meds after a transplant and now ive got back pain and a temp",
        URGENT,
        "infection",
    ),
    (
        "my back pain came on with flu like symptoms and i can barely get out of bed",
        URGENT,
        "infection",
    ),
    (
        "theres a red hot swollen patch on my back where it hurts and i feel ill with it",
        URGENT,
        "infection",
    ),
    ("my mouth is drooping on one side when i smile", EMERGENCY, "stroke_signs"),
    ("my head pounds every time i cough or sneeze", URGENT, "headache_warning_signs"),
    ("sudden explosive pain at the back of my head", EMERGENCY, "thunderclap_headache"),
    (
        "this headache is nothing like my usual ones, totally different and worse every day",
        URGENT,
        "headache_warning_signs",
    ),
    (
        "woke up with the worst head pain ive ever had, like being hit with a bat",
        EMERGENCY,
        "thunderclap_headache",
    ),
    ("purple spots on my legs and my neck is stiff", EMERGENCY, "meningitis_signs"),
    ("cant stand the light, my head and neck hurt and im shivering", EMERGENCY, "meningitis_signs"),
    ("pain between my shoulder blades and in my chest, feel sick and clammy", EMERGENCY, "cardiac"),
    (
        "thought it was a pulled muscle but my chest is squeezing and my arm has gone heavy",
        EMERGENCY,
        "cardiac",
    ),
    ("pain in my left arm and jaw and i feel breathless", EMERGENCY, "cardiac"),
    ("post needling i feel tight chested and a bit breathless", EMERGENCY, "pneumothorax"),
    (
        "got needled in the muscles by my ribs and my breathing feels shallow and painful",
        EMERGENCY,
        "pneumothorax",
    ),
    ("my right leg has swelled up from the knee down and its red", URGENT, "dvt"),
    ("ive started cutting myself again", EMERGENCY, "suicidal_thoughts"),
    ("i cant go on like this, ive thought about how id do it", EMERGENCY, "suicidal_thoughts"),
    ("everyone would be better off without me", EMERGENCY, "suicidal_thoughts"),
]

# Other ways of saying the same signs: the rules are phrased to generalise, not to copy.
PARAPHRASES = [
    ("worst headache of my life", EMERGENCY, "thunderclap_headache"),
    ("sudden pain, my head feels like it's going to explode", EMERGENCY, "thunderclap_headache"),
    ("my face has started drooping", EMERGENCY, "stroke_signs"),
    ("my smile has gone lopsided", EMERGENCY, "stroke_signs"),
    ("I can't lift my right foot properly", URGENT, "progressive_weakness"),
    ("my foot drags when I walk", URGENT, "progressive_weakness"),
    ("I just want to end it", EMERGENCY, "suicidal_thoughts"),
    ("I have thoughts of hurting myself", EMERGENCY, "suicidal_thoughts"),
    ("life isn't worth living", EMERGENCY, "suicidal_thoughts"),
    ("my calf is swollen and red", URGENT, "dvt"),
    ("my leg is red, hot and swollen below the knee", URGENT, "dvt"),
    ("my pee won't come out", EMERGENCY, "cauda_equina"),
    ("numbness in my inner thighs", EMERGENCY, "cauda_equina"),
    ("I've lost 6 kilos in two months without trying", URGENT, "cancer"),
    ("I feel like I've got the flu and my lower back is agony", URGENT, "infection"),
    ("I keep going hot and cold and my back aches", URGENT, "infection"),
    ("purple spots on my arms and a fever", EMERGENCY, "meningitis_signs"),
    ("I get a headache every time I sneeze", URGENT, "headache_warning_signs"),
    ("never had a headache like this", URGENT, "headache_warning_signs"),
    ("pain in my jaw and down my arm, and I'm clammy", EMERGENCY, "cardiac"),
    ("after dry needling it hurts when I breathe in", EMERGENCY, "pneumothorax"),
]

NOT_ESCALATED = [
    "no bladder problems",
    "i have to cancel my appointment, childcare fell through",
    "left wrist stiff since the cast came off",
    "No fever, chills or stiff neck",
    "I don't have any trouble peeing",
    "never had cancer",
    "neck pain, no dizziness, no double vision",
    "sciatica down my left leg",
    "my left leg is numb when I sit for ages",
    "I fell asleep on the sofa and woke with a stiff neck",
    "my calf is sore after running",
    "this pain is killing me",
    "I can't sit for long without my back aching",
    "my hamstrings are tight after football",
    "my neck is stiff in the mornings",
    "When I brush my hair I notice clumps coming out",
    # Ordinary pains, said the way patients say them.
    "my traps are killing me",
    "sciatic nerve playing up again",
    "dull ache in my lower back when i sit",
    "tension headache behind my eyes",
    "tight hamstrings after running",
    "my neck is stiff from the computer",
    # Denials.
    "no weight loss",
    "no trouble peeing",
    "no trouble starting to pee",
    "no fever, not feeling unwell",
    # Near misses: an injury, a plan, a cold, pain rather than weakness.
    "I hurt myself lifting at the gym",
    "I cut myself chopping onions",
    "I pulled a muscle in my chest and it feels tight",
    "I've lost a lot of weight since I started dieting",
    "I'm trying to lose weight, not dieting, just walking more",
    "I've got a headache and a cough from this cold",
    "I can't stand on tiptoe, my achilles hurts",
    "my left leg is weaker than my right",
    "my ankle is swollen and red after I sprained it",
    "sweating and shaking after my run",
    "I caught my foot on a root and twisted my ankle",
    "my legs swell up when it's hot",
]


@pytest.mark.parametrize(("text", "level", "code"), ESCALATES + TRAINING_RED_FLAGS + PARAPHRASES)
def test_own_cases_escalate(text: str, level: str, code: str) -> None:
    screening = safety.screen(text)
    assert screening.level == level, text
    assert code in [flag.code for flag in screening.flags]


@pytest.mark.parametrize("text", NOT_ESCALATED)
def test_own_cases_do_not_escalate(text: str) -> None:
    assert safety.screen(text).flags == (), text


# Session 17, written before the change (outside run 34: a teenager's fall at football two
# weeks ago with a sore neck went to the emergency department). The clinical facts: urgent
# medical assessment after a fall, an accident or a heavy knock; the emergency department
# after major trauma with neck pain. Major is the Canadian C-spine rule's: a dangerous
# mechanism (a road crash, a fall from a height or down stairs, landing on the head, a
# dive into shallow water), 65 or over, or tingling in the arms.
NECK_AFTER_A_KNOCK = [
    # (text, level, the direct question about the mechanism asked)
    ("slipped on the wet kitchen floor on tuesday and my neck has ached since", URGENT, True),
    ("tripped over the dog's lead and jarred my neck", URGENT, True),
    ("had a fall at football a fortnight ago, neck still sore when I head the ball", URGENT, True),
    ("came off my motorbike on the freeway, my neck is agony", EMERGENCY, False),
    ("fell backwards down the cellar steps last night and my neck hurts", EMERGENCY, False),
    ("went head first over the handlebars, neck sore", EMERGENCY, False),
    ("got t-boned at a junction this morning, neck really painful", EMERGENCY, False),
    ("I'm 74, I tripped in the garden and my neck has hurt since", EMERGENCY, False),
    ("fell off the trampoline onto my head, neck hurts", EMERGENCY, False),
    ("my van rolled on the ice yesterday, neck stiff as a board", EMERGENCY, False),
    ("slipped on some ice and my neck hurts, both my hands are tingling", EMERGENCY, False),
]


@pytest.mark.parametrize(("text", "level", "asked"), NECK_AFTER_A_KNOCK)
def test_neck_pain_after_a_knock_is_an_emergency_only_after_major_trauma(
    text: str, level: str, asked: bool
) -> None:
    screening = safety.screen(text)
    assert screening.level == level, text
    assert "fracture" in [flag.code for flag in screening.flags]
    assert ("neck_major_trauma" in [q.name for q in screening.questions]) is asked


def test_the_neck_screen_asks_how_it_happened_after_a_yes_to_a_fall() -> None:
    before = [q.name for q in safety.screen_questions("neck", None, [], [])]
    assert "trauma" in before and "neck_major_trauma" not in before
    after = [q.name for q in safety.screen_questions("neck", None, ["trauma"], [])]
    assert after[0] == "neck_major_trauma"
    assert safety.triage_level(safety.red_flags_for({"trauma", "neck_pain"})) == URGENT
    assert safety.triage_level(safety.red_flags_for({"trauma", "neck_pain", "major_trauma"})) == (
        EMERGENCY
    )
    # A fall to the back is a doctor today; the question is the neck's.
    back = [q.name for q in safety.screen_questions("lower_back", None, ["trauma"], [])]
    assert "neck_major_trauma" not in back


def test_a_denied_sign_is_reported_as_denied() -> None:
    screening = safety.screen("no fever, no bladder problems")
    assert screening.denied_signs == ["bladder_or_bowel_control", "fever"]
    assert screening.signs == []


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my calf isn't swollen, it just tingles", "calf_swollen"),
        ("the left calf is not red or hot", "calf_swollen"),
        ("my knee never swelled up", "knee_swelled"),
        ("my legs are not weak", "both_legs_weak"),
    ],
)
def test_a_denial_inside_a_signs_words_denies_the_sign(text: str, sign: str) -> None:
    # "calf ... swollen" never spans a denial (so "my knee didn't swell" is no swollen knee);
    # read across it, it is the patient's no to that sign, which can settle a flag.
    screening = safety.screen(text)
    assert sign in screening.denied_signs, text
    assert sign not in screening.signs and screening.flags == (), text


@pytest.mark.parametrize(
    "text",
    [
        "my calf doesn't hurt but it is swollen",
        "the calf does not ache, it's swollen and hot",
    ],
)
def test_a_denial_of_something_else_inside_a_signs_words_denies_nothing(text: str) -> None:
    assert "calf_swollen" not in safety.screen(text).denied_signs, text


def test_denied_cauda_equina_signs_are_recorded_as_denied() -> None:
    screening = safety.screen("no trouble peeing and no numbness in my inner thighs")
    assert screening.denied_signs == ["bladder_or_bowel_control", "saddle_numbness"]
    assert screening.flags == ()


def test_cant_go_on_alone_is_not_a_flag_but_backs_the_model() -> None:
    # Often pain talking ("I can't go on like this"): no crisis message from the rules alone,
    # but a red flag the language model sees in it is taken seriously.
    screening = safety.screen("I can't go on like this")
    assert screening.flags == ()
    assert safety.backs_model_red_flag(screening)


def test_a_sign_said_plainly_counts_even_if_also_denied() -> None:
    screening = safety.screen("no fever yesterday. I have a fever today")
    assert "fever" in screening.signs
    assert "fever" not in screening.denied_signs


def test_signs_said_earlier_combine_with_new_ones() -> None:
    assert safety.screen("I've got a fever").level == URGENT
    combined = safety.screen("I've got a fever", known_signs={"stiff_neck"})
    assert combined.level == EMERGENCY
    assert combined.flags[0].code == "meningitis_signs"


def test_the_intake_gives_context_signs() -> None:
    assert safety.context_signs("neck", "stiffness") == {"neck_pain", "stiff_neck"}
    assert safety.context_signs("lower_back", None, "leg") == {"back_pain"}
    assert safety.context_signs("knee", "sharp") == {"knee_place"}
    assert safety.context_signs("ankle", "sharp") == set()


def test_empty_and_huge_messages() -> None:
    assert safety.screen("").flags == ()
    assert safety.screen("   ").mentions == ()
    huge = "my back aches a bit. " * 1000 + "and I can't pee"
    assert safety.screen(huge).level == EMERGENCY


def test_emoji_and_other_languages_do_not_break_or_flag() -> None:
    assert safety.screen("🤕🤕 neck 😩").flags == ()
    assert safety.screen("me duele mucho la espalda").flags == ()


# --- The screen questions -------------------------------------------------------------------


def test_the_back_screen_asks_every_back_question() -> None:
    names = [q.name for q in safety.screen_questions("lower_back", None, [], [])]
    assert names == [
        "saddle_numbness", "bladder_or_bowel_control", "both_legs", "worsening_weakness",
        "fever", "cancer", "trauma", "night_pain",
    ]  # fmt: skip


def test_the_screen_skips_what_the_patient_already_said() -> None:
    names = [
        q.name
        for q in safety.screen_questions(
            "lower_back", None, said=["weight_loss"], denied=["fever", "saddle_numbness"]
        )
    ]
    assert "fever" not in names
    assert "saddle_numbness" not in names
    assert "cancer" not in names  # weight loss was said: the cancer question is covered
    assert "bladder_or_bowel_control" in names


# Session 33, written before the change (outside run 101 p08: a buttock and hamstring pain
# "zingy down to the knee" was asked "Did your knee swell up within a few hours of an
# injury, or does it lock...?", and answered "huh? my knee is fine"). A knee the pain only
# spreads to gets none of the knee joint's own questions; a painful knee still does.
def test_a_knee_the_pain_only_spreads_to_gets_no_knee_joint_questions() -> None:
    spread = [q.name for q in safety.screen_questions("buttock", "knee", [], [])]
    assert not [name for name in spread if name.startswith("knee_")], spread
    sore = [q.name for q in safety.screen_questions("knee", None, [], [])]
    assert "knee_injury" in sore
    both = [q.name for q in safety.screen_questions("lower_back", None, [], [], ["knee"])]
    assert "knee_injury" in both


def test_the_screen_follows_where_the_pain_spreads() -> None:
    names = [q.name for q in safety.screen_questions("shoulder", "neck", [], [])]
    # The neck's fall line is the shoulder's, asked once (session 11).
    assert names == [
        "shoulder_cardiac", "shoulder_trauma", "shoulder_hot", "cancer", "stroke_warning",
        "clumsy_hands", "meningitis_warning",
    ]  # fmt: skip
    # Session 9 (outside runs 13 and 15): the neck's screen asks about cancer and weight
    # lost too, as for any spinal pain.
    neck = [q.name for q in safety.screen_questions("neck", None, [], [])]
    assert neck[:4] == ["stroke_warning", "clumsy_hands", "trauma", "cancer"]
    assert [q.name for q in safety.screen_questions("foot", None, [], [])] == ["limb_trauma"]


def test_with_no_place_said_the_screen_asks_what_matters_anywhere() -> None:
    # Outside run 10: "skip" to "where does it hurt?" went straight to the needling checklist.
    names = [q.name for q in safety.screen_questions(None, None, [], ["trauma"])]
    assert names == ["fever", "cancer", "night_pain"]


def test_headache_and_chest_screens() -> None:
    head = [q.name for q in safety.screen_questions("head", None, [], [])]
    assert head == [
        "thunderclap", "meningitis_warning", "stroke_warning", "headache_new_after_50",
        "headache_on_waking", "cancer",
    ]  # fmt: skip
    chest = safety.screen_questions("chest", None, [], [])
    assert [q.sign for q in chest] == ["cardiac_warning", "cannot_breathe", "trauma"]


def _follow_up_raises(sign: str) -> bool:
    """Whether a question asked after a yes to `sign` raises a flag on its own yes (session
    18: a minor fall asks how it happened, `check_fall_how`, before any advice)."""
    followers = {q for qs in SCREEN_QUESTIONS.values() for q in qs if sign in q.after}
    return bool(followers) and all(
        safety.red_flags_for({q.sign, *q.after, "back_pain"}) for q in followers
    )


def test_a_yes_to_each_screen_question_raises_a_flag() -> None:
    # Or is followed by a question whose yes does (a fall: how did it happen?).
    for questions in SCREEN_QUESTIONS.values():
        for question in questions:
            context = {"neck_pain", "headache", "back_pain", *question.after}
            raises = safety.red_flags_for({question.sign} | context)
            assert raises or _follow_up_raises(question.sign), question.name


# --- Contraindications ----------------------------------------------------------------------

CONTRAINDICATION_EXAMPLES = {
    "needle_phobia": "I'm terrified of needles",
    "past_reaction": "I had a bad reaction to acupuncture once",
    "lymphoedema": "I had lymph nodes removed on my left side",
    "skin_infection": "the skin there is infected",
    "bleeding_disorder": "I have haemophilia",
    "anticoagulants": "I take apixaban",
    "pregnancy": "I'm 20 weeks pregnant",
    "immunosuppressed": "I take immunosuppressants since my transplant",
    "heart_valve": "my aortic valve was replaced two years ago",
    "implant_near_site": "I've got a pacemaker",
    "diabetes": "I'm type 2 diabetic",
    "under_18": "it's for my 15 year old, she plays netball",
    "epilepsy": "I have epilepsy",
}


def test_every_contraindication_has_an_example() -> None:
    assert sorted(CONTRAINDICATION_EXAMPLES) == sorted(
        c.code for c in contraindications.CONTRAINDICATIONS
    )


@pytest.mark.parametrize(("code", "text"), CONTRAINDICATION_EXAMPLES.items())
def test_each_contraindication_is_read(code: str, text: str) -> None:
    screening = safety.screen(text)
    assert screening.contraindications == [code]
    assert screening.flags == ()


def test_contraindications_two_at_once_and_denied() -> None:
    assert safety.screen("I take warfarin and I'm pregnant").contraindications == [
        "anticoagulants",
        "pregnancy",
    ]
    denied = safety.screen("I'm not pregnant and no blood thinners")
    assert denied.contraindications == []
    assert denied.denied_contraindications == ["anticoagulants", "pregnancy"]


def test_absolute_and_relative_contraindications() -> None:
    assert contraindications.absolute(["pregnancy", "needle_phobia", "epilepsy"]) == [
        "needle_phobia"
    ]


def test_dev_set_figures_through_the_rules() -> None:
    rows, benign = red_flag_rows(), benign_sentences()
    reached = [
        text
        for text, expected in rows
        if (level := safety.screen(text).level) and LEVEL_ORDER[level] >= LEVEL_ORDER[expected]
    ]
    escalated = [text for text in benign if safety.screen(text).flags]
    FIGURES.append(
        f"Red-flag rules on the dev sets: recall {len(reached)}/{len(rows)} "
        f"({100 * len(reached) / len(rows):.0f}%), benign escalated {len(escalated)}/"
        f"{len(benign)} (false-positive rate {100 * len(escalated) / len(benign):.0f}%)"
    )
    assert len(reached) == len(rows)
    assert escalated == []


def test_a_model_only_red_flag_needs_a_warning_sign_behind_it() -> None:
    assert safety.backs_model_red_flag(safety.screen("I feel pain in my head with a vertigo"))
    assert not safety.backs_model_red_flag(
        safety.screen("I fell asleep on the sofa and woke with a stiff neck")
    )
    assert not safety.backs_model_red_flag(safety.screen("no dizziness, just neck pain"))
    # Found end to end: the model flagged this, backed only by the sweating.
    assert not safety.backs_model_red_flag(safety.screen("sweating and shaking after my run"))


def test_a_message_parsed_without_sentences_is_read_in_context() -> None:
    # Rasa's pipeline runs spaCy without the parser; the context reader needs sentences.
    nlp = spacy.load("en_core_web_md", exclude=["parser"])
    text = "no fever. I can't control my bladder"
    screening = safety.screen(text, nlp(text.lower()))
    assert screening.denied_signs == ["fever"]
    assert screening.level == "emergency"


def test_a_look_alike_word_in_another_sentence_does_not_hide_a_sign() -> None:
    # Written after outside run 8: "tired" (tired eyes are a look-alike) was read across the
    # whole message when spaCy ran without its parser, and hid the sight loss.
    nlp = spacy.load("en_core_web_md", exclude=["parser"])
    text = (
        "I'm 68 with new headaches. My jaw gets tired chewing. Yesterday my vision went blurry "
        "in one eye for a few minutes but it came back."
    )
    screening = safety.screen(text, nlp(text.lower()))
    assert "vision_trouble" in screening.signs and screening.level == "emergency"


@pytest.mark.parametrize(
    "text",
    ["I cannot bear this squeezing in my chest", "I can't stand this pressure on my chest"],
)
def test_not_bearing_a_sign_is_not_denying_it(text: str) -> None:
    assert safety.screen(text).level == "emergency"


@pytest.mark.parametrize(
    ("part", "wanted", "unwanted"),
    [
        ("upper_back", "upper_back_cardiac", "saddle_numbness"),
        ("mid_back", "upper_back_tearing", "bladder_or_bowel_control"),
        ("shoulder", "shoulder_cardiac", "saddle_numbness"),
        ("knee", "knee_injury", "bladder_or_bowel_control"),
        ("jaw", "jaw_cardiac", "saddle_numbness"),
        ("lower_back", "saddle_numbness", "upper_back_cardiac"),
        ("neck", "meningitis_warning", "saddle_numbness"),
    ],
)
def test_each_region_gets_its_own_screen(part: str, wanted: str, unwanted: str) -> None:
    asked = [q.name for q in safety.screen_questions(part, None, [], [])]
    assert wanted in asked
    assert unwanted not in asked


def test_every_screen_and_direct_question_raises_a_flag_on_yes() -> None:
    # A question asked only where the intake holds a place raises its flag with that place.
    for question in [*DIRECT_QUESTIONS, *(q for qs in SCREEN_QUESTIONS.values() for q in qs)]:
        said = {question.sign, *question.where, *question.after}
        # ...or records a precaution ("are you pregnant at the moment?").
        records = question.sign in contraindications.FROM_SIGNS
        assert safety.red_flags_for(said) or _follow_up_raises(question.sign) or records, (
            question.name
        )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("is it safe for the baby?", "pregnancy"),
        ("I'm on methotrexate and a biologic", "immunosuppressed"),
        ("is it OK for my 14-year-old?", "under_18"),
        ("diabetic numbness in my feet for years, my GP knows", "diabetes"),
    ],
)
def test_safety_questions_name_their_contraindication(text: str, code: str) -> None:
    screening = safety.screen(text)
    assert code in screening.contraindications
    assert screening.flags == ()
    assert contraindications.precaution(code).endswith(contraindications.DECIDES)


def test_every_contraindication_has_its_precaution() -> None:
    for item in contraindications.CONTRAINDICATIONS:
        assert contraindications.precaution(item.code), item.code


# Session 24, written before the change (outside run 61 p04: "fewer baby movements" told at
# 14 weeks, before a mother feels them): what to watch for follows how far along she is.
@pytest.mark.parametrize(
    ("said", "movements"),
    [
        ("I'm 14 weeks pregnant", False),
        ("she's about 3 months along", False),
        ("28 wks pregnant and my back is killing me", True),
        ("I'm 7 months pregnant", True),
        ("I'm pregnant", True),  # not told: the full list
    ],
)
def test_baby_movements_are_named_only_when_felt(said: str, movements: bool) -> None:
    text = contraindications.precaution("pregnancy", said)
    assert ("baby movements" in text) is movements, text
    assert "bleeding" in text and "midwife" in text


@pytest.mark.parametrize(
    ("message", "start"),
    [
        ("can I wait till monday?", "Please go: this shouldn't wait."),
        (
            "it's probably just soreness from the needling, right?",
            "Please go: this shouldn't wait.",
        ),
        ("is it really that serious?", "Yes, it really can't wait."),
        # Session 16, written before the change (outside run 34: asked whether the clinic
        # would still call, the patient got the advice alone, four times).
        (
            "could someone from the clinic just call me first to say if I need to go?",
            "No call from the clinic has been set up: this can't wait for one.",
        ),
        (
            "ok we're going. is the clinic still going to ring me?",
            "Thank you. No call from the clinic",
        ),
        # The patient's own call to someone is no call from the clinic (review, new words).
        # ...and with chest pain, an ambulance rather than his car (session 17).
        ("ok I'll ring my husband to drive me there", "Please call 911 now for an ambulance"),
        ("ok thanks", "Thank you. Please call 911 now"),
        ("it has passed now, I feel alright", "I'm glad it has eased, but it still needs"),
        (
            "ok I'll ring my doctor in the morning",
            "Please don't wait until then. Please call 911 now",
        ),
    ],
)
def test_after_an_emergency_questions_are_answered_in_its_light(message: str, start: str) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988")
    assert reply.startswith(start)
    assert "call 911 now" in reply


def test_after_an_emergency_a_wish_to_book_is_answered_and_the_advice_stays() -> None:
    first = advice.emergency_follow_up("can I just book for my back", ["cardiac"], "911", "988")
    again = advice.emergency_follow_up(
        "please book me anyway", ["cardiac"], "911", "988", clinic_phone="(212) 555-0100", repeats=1
    )
    assert "call 911 now" in first and "call 911 now" in again
    assert "can't book" in first and "(212) 555-0100" in again
    assert first != again  # the wording shortens; the advice does not go


# Session 34, written before the change (outside run 106 p02: "Can I just book the needling
# for this week and mention it to them then?" after a thunderclap headache got "Yes, tell
# them about then"). Telling the physiotherapist later is waiting: never a yes. My wordings.
@pytest.mark.parametrize(
    "message",
    [
        "it's pretty much gone now. could I just book the physio for friday and tell them then?",
        "can't I just come in next week and mention it at the appointment?",
        "the hospital will take all night. can I book you for thursday and tell them then",
    ],
)
def test_telling_the_physio_later_is_no_yes(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988")
    assert not reply.startswith("Yes") and "Yes, tell them" not in reply
    assert "call 911 now" in reply


# Session 34, written before the change (outside run 106 p05: booked, then contractions at
# 22 weeks; "should I cancel saturday?" and "what happens to my saturday booking?" got
# "Please go: this shouldn't wait... I can't book a consultation"). A booking already made
# is answered for: nothing to do now, and how to keep, move or cancel it later.
@pytest.mark.parametrize(
    "message", ["do I need to cancel my appointment on friday?", "what about my booking then"]
)
def test_after_an_emergency_a_booking_already_made_is_answered_for(message: str) -> None:
    reply = advice.emergency_follow_up(
        message, ["cardiac"], "911", "988", clinic_phone="(212) 555-0100", repeats=1,
        booked="K7Q2PD",
    )  # fmt: skip
    assert "call 911 now" in reply and "K7Q2PD" in reply and "cancel" in reply
    assert "can't book" not in reply and "shouldn't wait" not in reply


# Session 34, written before the change (outside run 106 p02: after a thunderclap headache,
# "how much does a needling session cost normally? and do you take Aetna" and "Just tell me
# the price please so I know for later" got the advice alone, twice). The clinic's price
# asked for later is answered in a line, after the advice. My own wordings.
@pytest.mark.parametrize(
    "message",
    ["fine. what do your sessions cost, for later?", "ok going. how much is it at yours btw"],
)
def test_after_an_emergency_the_clinics_price_asked_for_later_is_answered(message: str) -> None:
    reply = advice.emergency_follow_up(
        message, ["cardiac"], "911", "988", clinic_phone="(212) 555-0100", repeats=1
    )
    assert reply.index("911") < reply.index("free")
    assert "first consultation is free" in reply and "(212) 555-0100" in reply
    first = advice.emergency_follow_up(message, ["cardiac"], "911", "988", repeats=0)
    assert "free" not in first  # the first reply after the advice is the advice's alone


# Session 34, written before the change (outside run 108 p02, unsafe: after saddle numbness
# and leaks, "My son can take me this afternoon after his work, would that be ok or is that
# too late?" got "Thank you. Please call 911 now..." and "ok he finishes at 5 so we'll go
# then" got "Thank you. Please go now, and call 911 if it gets worse on the way"). Going
# later today is waiting: never thanked, and asked, it is too late. My own wordings.
@pytest.mark.parametrize(
    ("message", "repeats"),
    [
        ("my daughter can drive me over when she gets off work, is that alright?", 0),
        ("ok. my husband is home at 6 so we will head in then", 1),
        ("we'll go this evening after dinner, thanks", 2),
    ],
)
def test_after_an_emergency_going_later_today_is_waiting(message: str, repeats: int) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=repeats)
    assert not reply.startswith("Thank you"), reply
    assert "don't wait" in reply.lower() or "too late" in reply.lower(), reply
    assert "call 911" in reply.lower() and not reply.startswith("Yes")


def test_after_crisis_advice_a_promise_to_talk_to_a_doctor_is_heard() -> None:
    reply = advice.crisis_follow_up(
        "ok i will call my doctor about it. can you help my neck now?",
        "911",
        "988",
        "(212) 555-0100",
    )
    assert "988" in reply and "911" in reply
    assert "good step" in reply and "(212) 555-0100" in reply
    assert "glad you're safe" not in reply  # a plan to talk is not a statement of safety
    same = advice.crisis_follow_up("whatever", "911", "988")
    again = advice.crisis_follow_up("whatever", "911", "988", repeats=1)
    assert "988" in again and same != again


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("no I never fell", False),  # a cue right after the pseudo cue "no i" still counts
        ("no i didnt have any accident", False),
        ("no I cant feel my bum when I wipe", True),  # "can't feel" is the finding itself
    ],
)
def test_a_denial_after_a_leading_no(text: str, flagged: bool) -> None:
    assert bool(safety.screen(text).flags) is flagged


# Session 16, written before the change in new words (outside run 34's kind: "Nobody is
# short of breath" was sent to 911): "nobody" and "no one" deny what follows for the
# patient and whoever they write for; a crisis said with them ("nobody would miss me")
# and a sign nobody has seen to ("no one has checked the numbness") stay.
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("nobody here has any chest pain, it's my knee", None),
        ("no one at home is feverish or short of breath", None),
        ("none of my kids have had a fever", None),
        ("no one would miss me if I ended it all", "suicidal_thoughts"),
        ("nobody would care if I killed myself", "suicidal_thoughts"),
        ("no one knows I have been thinking about suicide", "suicidal_thoughts"),
        ("nobody has checked the numbness in my saddle area", "cauda_equina"),
        ("no one told me I had a fever but I feel hot and shivery", "infection"),
    ],
)
def test_nobody_denies_for_everyone_but_never_a_crisis(text: str, flag: str | None) -> None:
    flags = [f.code for f in safety.screen(text).flags]
    assert flags == ([flag] if flag else [])


def test_every_screen_question_has_a_checklist_line() -> None:
    from clinic.safety.red_flags import CHECKLIST_ITEMS, SCREEN_QUESTIONS

    missing = [
        q.name for qs in SCREEN_QUESTIONS.values() for q in qs if q.text not in CHECKLIST_ITEMS
    ]
    assert missing == []


def test_every_painful_place_gets_its_regions_screen() -> None:
    names = [q.name for q in safety.screen_questions("neck", None, [], [], ["neck", "lower_back"])]
    assert names[0] == "stroke_warning" and "saddle_numbness" in names
    assert "headache" in safety.context_signs("neck", None, None, ["neck", "head"])


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("I'm on Sintrom for my heart valve", "anticoagulants"),
        ("I take a low dose aspirin every morning", "anticoagulants"),
        ("the pills keep my blood thin", "anticoagulants"),
        ("they removed the glands under my left arm last year", "lymphoedema"),
        ("I'm 30 weeks along", "pregnancy"),
        ("we're expecting twins in spring", "pregnancy"),
        ("I'm 16 and do gymnastics", "under_18"),
        # Session 9, written before the change (outside run 13 missed a draining lump): an
        # infection said by what it does.
        ("there's a boil on my shoulder right where it aches", "skin_infection"),
        ("an abscess came up on my back last week", "skin_infection"),
        ("the spot on my neck is oozing yellow stuff", "skin_infection"),
        ("bit of pus came out of the bump near my shoulder blade", "skin_infection"),
        ("the skin there is red, hot and swollen", "skin_infection"),
        # Session 37, written before the change (outside run 120 x7p03: "a new tat on my rite
        # shoulder blade... still kinda scabby, dose that count" was read as nothing): skin
        # not yet healed, a fresh tattoo or piercing, or a scab, is broken skin.
        ("got a fresh tattoo on my upper back last week", "skin_infection"),
        ("my shoulder has a graze that's scabbed over", "skin_infection"),
        ("new piercing on my neck, still a bit raw", "skin_infection"),
        # Session 37, written before the change (outside run 123 u05, unsafe: "a finger-prick
        # test every other Thursday so they can adjust the dose of his heart rhythm tablet"
        # at 81 was read as nothing, then booked): the checks of warfarin's dose, and a
        # heart rhythm tablet, may well be a blood thinner (the physiotherapist checks).
        (
            "he has a finger-prick test every fortnight to set the dose of his tablets",
            "anticoagulants",
        ),
        ("her INR is checked monthly at the surgery", "anticoagulants"),
        ("he takes a heart rhythm tablet every morning", "anticoagulants"),
    ],
)
def test_contraindications_in_everyday_words(said: str, code: str) -> None:
    assert code in safety.screen(said).contraindications


# Session 37: a tattoo of years ago is healed skin, no broken skin (my own wordings).
@pytest.mark.parametrize(
    "said", ["my old tattoo from 2010 is on my back", "I have tattoos on both arms", "no tattoos"]
)
def test_an_old_tattoo_is_no_broken_skin(said: str) -> None:
    assert "skin_infection" not in safety.screen(said).contraindications


# Session 30, written before the change (outside run 83: "I am waiting a baby, 14 weeks" was
# not read as a pregnancy; "a bunch of heart pills, dunno what" got "Sorry, I didn't
# recognise that"). My own words: a pregnancy told as waiting for or carrying a baby, and
# medicines for the heart or against clots whose names the patient doesn't know, which may
# well thin the blood (the physiotherapist checks the list).
@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("we are waiting for our first baby, due in may", "pregnancy"),
        ("we're waiting on a baby, 20 weeks", "pregnancy"),
        ("my wife waits a baby since 3 month", "pregnancy"),
        ("I'm on a few tablets from the cardiologist, not sure which", "anticoagulants"),
        ("lots of heart meds, can't remember the names", "anticoagulants"),
        ("he takes something for his heart rhythm, don't know what", "anticoagulants"),
        ("some pills since my stent last year", "anticoagulants"),
        ("pills for my afib", "anticoagulants"),
        # (outside run 87 p08: "a baby aspirin most days" was not recorded)
        ("he's on a baby aspirin for his heart", "anticoagulants"),
        ("aspirin most mornings, 81mg", "anticoagulants"),
        ("i take blood pressure pills and a statin", None),
        ("my baby is 14 weeks old and I carry her all day", None),
        ("hurt my back carrying my baby in the car seat", None),
        # (outside run 85 p06: "gestational diabetes last pregnancy" was recorded)
        ("I had gestational diabetes with my first", None),
        # Session 31, written before the change (outside run 89 p03: "i am in 5 month now,
        # my second one" was not read as a pregnancy). My words: the month of it, or the
        # baby in the belly, said as non-native speakers may.
        ("she is in 7 month, first baby", "pregnancy"),
        ("I'm in my sixth month with twins", "pregnancy"),
        ("there is baby in my belly, 4 month", "pregnancy"),
        ("she has been in pain for 5 months now", None),
        ("my son is in his first month at college", None),
        # Session 31 (outside run 91 p05: "baby #2 is on the way" was a child patient).
        ("and our second baby is on the way, 12 weeks", "pregnancy"),
        ("the baby is on its way in march", "pregnancy"),
        ("I was on the way to pick up the baby when it started", None),
        # Session 31 (outside run 92 p04: "i think its the extra weight lol im 24 wks" asked
        # about weight lost). The weeks said of oneself; not weeks since an operation.
        ("back's sore, I'm 31 weeks so not surprised", "pregnancy"),
        ("my wife is 18 wks, her hips ache", "pregnancy"),
        ("I'm 6 weeks post op from my knee", None),
        ("the baby keeps pressing on my bladder", "pregnancy"),
        # (outside run 93 p04: "my belly is more big now, the baby is 5 month")
        ("i think its my tummy getting bigger with the baby, 6 month", "pregnancy"),
        ("my baby is 5 months and I carry him on my hip all day", None),
        # Session 32, written before the change (outside run 94 p04: "i am 24 week with
        # baby so i cannot take the ibuprofen" was never recorded). The weeks in the
        # singular, "with baby" or "with child" said of oneself, as in a second language.
        ("she is 30 week now, her back hurt", "pregnancy"),
        ("i am with baby, 5 month, my hip is hurting", "pregnancy"),
        ("my wife, she is 20 weeks with child", "pregnancy"),
        ("i was home 6 weeks with the baby after she was born", None),
    ],
)
def test_a_pregnancy_or_heart_medicines_in_a_patients_words(said: str, code: str | None) -> None:
    found = safety.screen(said).contraindications
    if code:
        assert code in found
    else:
        assert not {"pregnancy", "anticoagulants", "diabetes"} & set(found)


def test_heart_medicines_not_known_by_name_ask_for_the_list() -> None:
    said = contraindications.precaution("anticoagulants", "a bunch of heart pills, dunno what")
    assert "bring" in said and "list" in said
    assert "(and your latest INR" not in said
    plain = contraindications.precaution("anticoagulants", "I'm on warfarin")
    assert "INR" in plain


@pytest.mark.parametrize(
    "said",
    ["it started 8 years ago", "I've had it for 6 years", "I'm a bit nervous", "for 13 months"],
)
def test_numbers_that_are_no_childs_age(said: str) -> None:
    assert "under_18" not in safety.screen(said).contraindications


# Written before the change (session 7): a grown-up who names a son or a daughter and their
# own age is not a child.
@pytest.mark.parametrize(
    ("said", "young"),
    [
        ("my daughter set this up for me. I'm 72 and my right shoulder aches", False),
        ("my son helped me type this, im 81, my knees are bad", False),
        ("I am 58, my grandson said you do dry needling", False),
        # Written after outside run 8: a parent's own day with the kids.
        ("I leak a bit when I jump on the trampoline with the kids", False),
        ("my son set this up for me, I'm 16 and my back hurts", True),
        ("my daughter is 14 and her knee hurts after netball", True),
        # Session 9, written before the change (outside run 12 had two of this kind): a
        # writer who speaks of their own pain names a child only as part of their day.
        ("hurt my back moving my daughter into her dorm last weekend", False),
        ("my son will drive me there, is there parking", False),
        ("lifting my kid out of the car seat did my back in", False),
        ("playing football with my boy and my knee twisted", False),
        ("my daughter's neck has been stiff since her exams", True),
        ("I'm a dad of a 3 year old and my lower back aches from lifting him", False),
        ("I am a 16 year old and my back hurts after rowing", True),
        # Outside run 14: children named in passing, and asked about.
        ("the headaches start before the kids wake up", False),
        ("do you treat teenagers?", True),
        ("booking for my son, he hurt his shoulder at rugby", True),
        # Session 23 (found by a conversation of my own, outside run 59 p08's kind): a
        # child's engagement that moves the writer's booking names no patient.
        ("my daughter has a swim meet that morning, can we do 3pm instead?", False),
        # Outside run 60 p08: a grown-up child who brings the patient.
        ("my son will drive me there before his shift", False),
        ("my son has pain in his heel, can he come friday?", True),
    ],
)
def test_a_grown_up_who_names_their_child_is_not_under_18(said: str, young: bool) -> None:
    assert ("under_18" in safety.screen(said).contraindications) is young


def test_the_contraindication_checklist_promises_no_verdict_when_booking_first() -> None:
    from clinic.safety.contraindications import QUESTION, checklist

    assert checklist([]) == QUESTION and "dry needling could suit" in QUESTION
    booking = checklist([], booking=True)
    again = checklist(["pregnancy"], booking=True, again=True)
    assert "could suit" not in booking and "- pregnancy" in booking
    assert again != checklist(["pregnancy"], booking=True) and "others of these" in again


def test_the_contraindication_checklist_leaves_out_what_was_already_told() -> None:
    # Session 10, written before the change: "diabetes with numb feet" was listed again
    # under "You've told me about: diabetes".
    from clinic.safety.contraindications import checklist

    after_diabetes = checklist(["diabetes"])
    assert "You've told me about: diabetes" in after_diabetes
    assert "- diabetes" not in after_diabetes and "- pregnancy" in after_diabetes
    after_warfarin = checklist(["anticoagulants"])
    assert "blood thinners" not in after_warfarin.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("text", "patient_is_young"),
    [
        ("is it ok if my 6 year old comes with me? I have no childcare", False),
        ("can my 2 yr old tag along to the consultation", False),
        ("my daughter is 14 and her knee hurts after netball", True),
        # Session 31 (outside run 91 p07: "asking for my son hes 15" was asked about headaches
        # new since 50): the age typed without the apostrophe. My words.
        ("writing for my son hes 13, headaches after school", True),
    ],
)
def test_a_child_brought_along_is_not_the_patient(text: str, patient_is_young: bool) -> None:
    screening = safety.screen(text)
    assert ("under_18" in screening.contraindications) is patient_is_young
    assert ("young_patient" in screening.signs) is patient_is_young


@pytest.mark.parametrize(
    "text",
    [
        "had a tight chest in the spring, tests came back normal, it was my gullet",
        "my back got jarred in a fender bender last month, the x-ray was clear",
        "bad headache at new year, turned out to be sinusitis, gone now",
    ],
)
def test_something_a_doctor_checked_and_cleared_raises_nothing(text: str) -> None:
    assert safety.screen(text).flags == ()


# Written before the change: a "but" about someone else, or one that denies again, keeps
# the no; one that adds something of the patient's own asks line by line.
@pytest.mark.parametrize(
    ("text", "all_denied"),
    [
        ("None of those. My sister had breast cancer but I never have.", True),
        ("no to all. my dad had a bad fall last year but not me", True),
        ("none of them, though my uncle had cancer. I haven't", True),
        ("none, but my legs feel a bit odd", False),
        ("none of them but I do get tired a lot", False),
        ("no, but I'm not sure about the weight", False),
        ("none, but my legs don't feel right", False),
        # Session 11, written before the change (outside run 19, #20's kind, new wordings):
        # an addition that tells of nothing any line is about keeps the no.
        ("None of them, except a basal cell skin cancer removed from my ear in 2015", True),
        ("no, though my dentist says I grind my teeth", True),
        # Session 18, written before the change (outside run 41 p02: "no none of those, he's
        # just tired but he's 79" asked every line again): an age after the "but" is no line.
        ("none of those, but he is 79 remember", True),
        ("no to all, but I'm 58 if that matters", True),
        ("no, but my legs don't work properly lately", False),
    ],
)
def test_a_no_with_a_but_is_read_by_whose_it_is(text: str, all_denied: bool) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions("lower_back", None, [], [])[4:8]
    answer = _read_list(lines, text)
    assert (answer.denied == frozenset(q.sign for q in lines)) is all_denied, answer


# Session 34, written before the change (outside run 106 p06: "no. lost like 8 lbs but thats
# on purpose im cutting lol" asked "Have you lost weight recently without trying?", then the
# cancer line again). Weight lost on purpose is explained: no line to ask, no question. Said
# not to be on purpose, it is asked. My own wordings.
@pytest.mark.parametrize(
    ("text", "all_denied", "weight_asked"),
    [
        ("nope. dropped 10 pounds but I've been dieting", True, False),
        ("no, lost a few kilos on purpose for my wedding", True, False),
        ("no. lost some weight but not on purpose", False, True),
    ],
)
def test_weight_lost_on_purpose_is_no_line_to_ask(
    text: str, all_denied: bool, weight_asked: bool
) -> None:
    from clinic.safety import screening
    from clinic.safety.checklist import read_checklist_answer
    from clinic.safety.screening import screen_questions

    lines = screen_questions("lower_back", None, [], [])[4:8]
    found = screening.screen(text)
    answer = read_checklist_answer(lines, text, found.signs, found.denied_signs, "deny")
    assert (answer.denied == frozenset(q.sign for q in lines)) is all_denied, answer
    asked = [q.name for q in found.questions]
    assert ("check_weight" in asked) is weight_asked or "weight_loss" in found.signs, asked


# Session 34, written before the change (outside run 109 p04: after a doctor today, "actually
# can we move it to a bit later, like 10 or 10:30?" got "Please go: this shouldn't wait").
# A bit later the same day is an hour, not waiting. My own wordings.
@pytest.mark.parametrize(
    "message", ["could we do a little later, say 11?", "is slightly later possible, like 3:30?"]
)
def test_a_bit_later_is_an_hour_not_waiting(message: str) -> None:
    assert not advice.urgent_follow_up(message, ["cancer"], "911").startswith("Please go")


# Session 34, written before the change (outside run 109 p08, unsafe: a neck cracked by a
# chiropractor, then "a bit dizzy and queasy after" and "a weird headache at the back of his
# head since, he never gets headaches" got a doctor today, and he was let wait till after
# work). Dizziness or a new headache after the neck was manipulated is a torn neck artery
# until shown otherwise: the emergency department now. My own wordings; a stiff neck after
# it alone raises nothing.
@pytest.mark.parametrize(
    ("said", "emergency"),
    [
        ("my osteopath adjusted my neck on friday and since then I get dizzy spells", True),
        (
            "had my neck cracked at the chiro monday, now a headache at the back of my head, I "
            "never get headaches",
            True,
        ),
        ("the chiro cracked my neck last month, it's still a bit stiff", False),
    ],
)
def test_dizziness_or_a_new_headache_after_neck_manipulation_is_an_emergency(
    said: str, emergency: bool
) -> None:
    flags = safety.screen(said).flags
    assert (safety.triage_level(flags) == "emergency") is emergency, flags


# Session 34, written before the change (outside run 107 p07: "I had the radiation for my
# prostate last spring, they said it went well" was no cancer told; the flag came only when
# he said "prostate cancer"). A cancer's treatment told of an organ is a cancer. My words.
@pytest.mark.parametrize(
    ("text", "cancer"),
    [
        ("she had radiation on her breast a few years back, all fine now", True),
        ("he did a course of radiation treatment for his bladder in 2021", True),
        ("had a prostatectomy in 2018", True),
        ("I work with radiation in the hospital lab", False),
        # A cancer said to be fine now is still a cancer at some time.
        ("he had bowel cancer years ago, all fine now", True),
        ("did chemo for lymphoma in 2016, fine since", True),
    ],
)
def test_a_cancers_treatment_told_of_an_organ_is_a_cancer(text: str, cancer: bool) -> None:
    assert ("cancer_history" in safety.screen(text).signs) is cancer


# Session 34, written before the change (outside run 107 p03: "no, none of that. She had
# breast cancer but that was like 20 years ago" to the neck's list asked every other line
# again, one by one). A no said twice, then one line told: the rest are denied. My words.
@pytest.mark.parametrize(
    "text",
    ["nope, none of those. he did have bowel cancer in 2009 though",
     "no. no to all that. only she fell off a ladder last week"],
)  # fmt: skip
def test_a_no_said_twice_then_one_line_told_denies_the_rest(text: str) -> None:
    from clinic.safety.checklist import next_checklist
    from clinic.safety.screening import screen_questions

    lines = next_checklist(screen_questions("neck", None, [], []), [])
    answer = _read_list(lines, text)
    assert answer.one_by_one == () and len(answer.denied) == len(lines) - 1, answer


# Session 34, written before the change (outside run 106 p07: "...they are new... Not sudden
# though. He does complain his scalp is sore" to the headache list asked "Did a headache ever
# come on suddenly...?" at once). A line's sign denied in the answer's words settles it. My
# wording.
def test_a_line_denied_in_other_words_in_a_mixed_answer_is_settled() -> None:
    from clinic.safety import screening
    from clinic.safety.checklist import read_checklist_answer
    from clinic.safety.screening import screen_questions

    asked = ("thunderclap", "headache_new_after_50", "headache_on_waking")
    lines = [q for q in screen_questions("head", None, [], []) if q.name in asked]
    text = "she never got them till this year. they didn't come on suddenly. her jaw aches chewing"
    found = screening.screen(text)
    answer = read_checklist_answer(lines, text, found.signs, found.denied_signs, "inform")
    assert "thunderclap" not in answer.one_by_one and "thunderclap" in answer.denied


# Session 34, written before the change (outside run 106 p03: "he had his hip replaced a few
# yrs ago" was not recorded; asked on the checklist, the daughter said it again). A joint
# replaced, however it is put, is an implant. My own wordings.
@pytest.mark.parametrize(
    "said", ["she had both knees replaced", "mum's hip got fully replaced in 2018",
             "he had the left shoulder replaced last spring"],
)  # fmt: skip
def test_a_joint_replaced_in_any_words_is_an_implant(said: str) -> None:
    assert "implant_near_site" in safety.screen(said).contraindications


# Session 34, written before the change (outside run 106 p03: "ok I'll try to get him in
# today. can we still put something in for next week in case the doctor says its fine?" got
# "Thank you, that's the right step" and no times; asked again, it booked). Care promised
# today with a booking for after a doctor's yes, in other words. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "we'll try to get her seen today. can you pencil her in for next tuesday in case they "
        "say it's ok?",
        "I'll get him to urgent care today. could you put us down for friday once the doctor "
        "clears him?",
        "we'll try to get him checked today, and can you fit him in next week if the doctor "
        "says ok?",
    ],
)
def test_care_today_and_a_booking_for_after_a_doctors_yes_books(message: str) -> None:
    assert advice.promises_care(message)
    assert not advice.asks_about_waiting(message)


# Session 24, written before the change (outside run 61 p04: a no to the list with "I'm kind
# of a wimp" after a question was asked line by line): "kind of a ...", "what kind of"
# name a kind of thing, no doubt about the answer; "kind of numb" still doubts.
@pytest.mark.parametrize(
    ("text", "all_denied"),
    [
        ("nope, none. what kind of needles do you use?", True),
        ("none of those! sorry im kinda a nervous person", True),
        ("no to all of them. sort of a silly question but will it bruise?", True),
        ("nothing like that. is there any kind of age limit", True),
        ("no none of them. will needling bruise me? im kind of a baby about that", True),
        ("none, sort of a tingle in my legs at night maybe", False),
        ("no... kind of lost some weight I think", False),
    ],
)
def test_a_kind_of_thing_is_no_doubt_about_the_answer(text: str, all_denied: bool) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions("lower_back", None, [], [])[4:8]
    answer = _read_list(lines, text)
    assert (answer.denied == frozenset(q.sign for q in lines)) is all_denied, answer


# Session 30, written before the change (outside run 85 p08, a safety gap: "no fever no
# cancer thank god" to the list of fever, cancer or weight loss, a fall and night pain was
# a no to all four; the weight loss came out later by chance). A no that names some lines
# answers those; the others are asked one by one. "Or anything" says it of all. My words.
@pytest.mark.parametrize(
    ("text", "asked_after"),
    [
        # "No cancer" leaves the weight lost of the same line open: asked on its own.
        ("no fever and no cancer", {"cancer", "trauma", "night_pain"}),
        ("no fever, no cancer and I haven't lost weight", {"trauma", "night_pain"}),
        ("nope, didn't fall, no fevers", {"cancer", "night_pain"}),
        ("no fever or anything like that", set()),
        ("no fever, no cancer, none of the rest either", set()),
        ("no", set()),
    ],
)
def test_a_no_that_names_some_lines_asks_the_others(text: str, asked_after: set) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions("lower_back", None, [], [])[4:8]
    answer = _read_list(lines, text)
    assert set(answer.one_by_one) == asked_after, answer
    assert not asked_after & {q.name for q in lines if q.sign in answer.denied}, answer


# Written before the change: whose medicine it is, and a plain "I don't take it".
@pytest.mark.parametrize(
    ("text", "reported", "denied"),
    [
        ("I don't take warfarin", False, True),
        ("he doesn't take any blood thinners", False, True),
        ("my nan is on apixaban, not me", False, True),
        ("his grandad takes warfarin, not him though", False, True),
        ("I take warfarin for my heart", True, False),
        ("I can't take ibuprofen because I'm on warfarin", True, False),
    ],
)
def test_a_blood_thinner_is_read_by_whose_it_is(text: str, reported: bool, denied: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert ("anticoagulants" in found.contraindications) is reported, found
    assert ("anticoagulants" in found.denied_contraindications) is denied, found


def test_an_implant_is_recorded_without_saying_it_is_near_the_pain() -> None:
    from clinic.safety.contraindications import labels

    assert "near" not in labels(["implant_near_site"])[0]


@pytest.mark.parametrize(
    "text",
    [
        "should I eat before? I heard you can get lightheaded",
        "ive heard some people get numb legs after, can that happen?",
    ],
)
def test_hearsay_about_needling_is_not_a_sign(text: str) -> None:
    from clinic.safety import screening

    assert screening.screen(text).signs == []


# Written after finding that "I can't feel my legs" raised nothing: lost feeling in both
# legs or feet is read by the concept, whatever the words for the lost feeling.
@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("I can't feel my legs", True),
        ("there's no feeling in both my feet since this morning", True),
        ("my feet are tingly after a long shift", False),
        ("I can feel my legs fine", False),
        ("my back hurts and my legs feel ok", False),
        ("diabetic so I cant feel my feet well", False),
    ],
)
def test_lost_feeling_in_both_legs(text: str, emergency: bool) -> None:
    from clinic.safety import screening

    assert (screening.screen(text).level == "emergency") is emergency


# Written before the change: a patient already checked by a doctor for this says so.
@pytest.mark.parametrize(
    ("message", "seen"),
    [
        ("a doctor HAS seen me and said physio is fine", True),
        ("I already went to the ER on tuesday, they checked me and sent me to physio", True),
        ("urgent care saw me yesterday, x-rayed it, said it's a sprain", True),
        ("my GP examined me last week and referred me to you", True),
        # Written before the change (session 7): the doctor's own words may say "would".
        ("a doctor checked me on tuesday and x-rayed it, she said physio would help", True),
        ("the walk-in saw me this morning and told me it should settle", True),
        ("my doctor said I should go to the emergency room", False),
        # Written after outside run 9.
        ("I went to the emergency room straight after, they did a CT and it was clear", True),
        ("I saw a cardiologist 10 days ago for exactly this, stress test normal", True),
        ("I'll book after I see the doctor", False),
        ("ok I'll go to the ER now", False),
        ("my doctor said I should go to the emergency room", False),
        ("I'll get it checked tomorrow", False),
        ("a doctor saw me for my back years ago", False),
        ("the doctor will see me later", False),
        # Session 32, written before the change (outside run 94 p04: "my doctor tell me last
        # week this is braxton hicks, normal. not regular." was not taken as a check). What
        # the doctor told, said as a second language may; a "not" in another sentence is no
        # plan. My own wordings.
        ("the midwife tell me on friday it is normal. not every day anyway", True),
        ("my doctor told me it's nothing serious. it doesn't hurt", True),
        ("my doctor hasn't seen it. my mum says it is normal", False),
        ("no doctor yet. it's normal for me though", False),
        # Session 33 (outside run 101 p06: "went to L&D, they monitored me" was no check):
        # where a pregnancy is checked. Written after the change, seen failing without it.
        ("got back from labor and delivery, they monitored her for two hours", True),
        ("maternity triage checked me this morning, all fine", True),
        ("I'm about to call L&D", False),
    ],
)
def test_seen_by_a_doctor_for_this_already(message: str, seen: bool) -> None:
    assert advice.seen_by_doctor(message) is seen


def test_after_an_emergency_a_doctors_check_is_asked_about_and_the_advice_stays() -> None:
    reply = advice.emergency_follow_up(
        "a doctor has already seen me for this and said physio is fine", ["cardiac"], "911", "988"
    )
    assert "after they began" in reply and "call 911" in reply and "noted" not in reply
    assert "noted" in advice.checked_by_a_doctor("911")


# Written before the change: answers to "did a doctor examine you for exactly these
# symptoms after they began, and are they no worse since then?"
@pytest.mark.parametrize(
    ("answer", "intent", "confirmed"),
    [
        ("yes", "affirm", True),
        ("yep, same as when they saw me", "affirm", True),
        ("yes they did, and it's no worse", "inform", True),
        ("Yes", None, True),
        ("no worse, no", "inform", False),
        ("no", "deny", False),
        ("yes but it's worse now tbh", "affirm", False),
        ("yes, though the tingling is new since then", "affirm", False),
        ("he saw my knee, not the back", "inform", False),
        ("kind of", "inform", False),
        ("i think so?", "inform", False),
        ("I think so", "affirm", False),
        ("mostly yes", "affirm", False),
        ("well they didn't examine me, just talked", "inform", False),
    ],
)
def test_a_doctors_check_counts_only_when_confirmed(
    answer: str, intent: str | None, confirmed: bool
) -> None:
    assert answers.confirms_check(answer, intent) is confirmed


# Written after outside run 5: cauda equina in other words (not its sentences).
@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("since the weekend i cant tell when my bladder is full, and my back is agony", True),
        ("low back went on tuesday and now it shoots down both my legs", True),
        # Written before the change (session 7): the word order of text-speak.
        ("low back pain, legs both numb since this morning", True),
        ("feet both gone tingly and weak since the weekend, back is agony", True),
        ("I can't really tell when the back pain started, it comes and goes", False),
        ("my knee pain goes down to my shin", False),
    ],
)
def test_cauda_equina_in_other_words(text: str, emergency: bool) -> None:
    from clinic.safety import screening

    assert (screening.screen(text).level == "emergency") is emergency


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my 7 year old has a limp and a temperature of 38.9 since this afternoon", "emergency"),
        ("my 7 year old has been limping since football yesterday", "urgent"),
    ],
)
def test_a_limping_child_with_a_fever_goes_to_the_emergency_department(
    text: str, level: str
) -> None:
    from clinic.safety import screening

    assert screening.screen(text).level == level


# Written after outside run 5: after advice to see a doctor today, a question about that
# care, or a plan for it tomorrow, gets the advice again, not "I don't know".
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("ok so should i go to a doctor or what", True),
        ("I'll take her to urgent care first thing tomorrow", True),
        ("is it ok to just go to the ER in the morning?", True),
        ("5", False),
        ("sharp, mostly when I bend", False),
        # Session 8: whether what was said matters is a question about the advice.
        ("so the old cancer, does that matter for my hip?", True),
        ("is that important?", True),
        # Outside run 11: the advice taken today, a booking asked for afterwards.
        ("I'll take her to urgent care this afternoon. can we book for next week after?", False),
        # Session 9, written before the change (outside run 14): a plan to wait, said.
        ("nah i'll just wait and see how it goes this week", True),
        ("think I'll give it a few days, probably nothing", True),
        ("gonna ride it out over the weekend", True),
        ("I'll wait for the physio then", True),
        # Session 10, written before the change (outside run 16, #12's kind): the doctor
        # seen first, a booking for after it asked for.
        ("I'll ring my GP first, could I book for the week after in case he says ok?", False),
        ("gonna see my specialist first and then book with you once I'm cleared", False),
        ("can I book first and see my doctor after?", True),
        # Session 15, written before the change: a call asked for is the call-back's to
        # answer (it says the doctor comes first); waiting for the doctor still is advice's.
        ("could someone from the clinic ring me tomorrow instead", False),
        ("can u call her back later", False),
        ("can I wait and call my doctor tomorrow?", True),
    ],
)
def test_a_message_about_the_advised_care(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


def test_a_plan_for_tomorrow_after_urgent_advice_is_not_thanked() -> None:
    reply = advice.urgent_follow_up("I'll take him to urgent care first thing", [], "911")
    assert reply.startswith("Please don't wait") and "today" in reply


# Written after outside run 5: a no that belongs to another answer in the same message
# does not settle a red-flag list; the list is asked again.
@pytest.mark.parametrize(
    ("text", "all_denied"),
    [
        ("stiff. 2 months. no it doesnt spread. 3/10", False),
        ("about 5, it started in march, and no it stays in my back", False),
        ("no", True),
        ("nope, nothing like that", True),
        ("I don't have any of those", True),
        ("none of them thankfully", True),
    ],
)
def test_a_no_to_another_question_does_not_settle_the_list(text: str, all_denied: bool) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions("neck", None, [], [])[:4]
    answer = _read_list(lines, text)
    assert (answer.denied == frozenset(q.sign for q in lines)) is all_denied, answer


@pytest.mark.parametrize(
    ("text", "asks_about_weight"),
    [
        ("my shoulders are tight as a rock from lifting weights", False),
        ("been doing weight training three times a week", False),
        ("the weight has been dropping off me lately", True),
    ],
)
def test_weight_at_the_gym_is_not_weight_lost(text: str, asks_about_weight: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    weight_signs = {"weight_loss", "losing_weight"} & set(found.signs)
    touched = "check_weight" in [q.name for q in found.questions] or bool(weight_signs)
    assert touched is asks_about_weight


@pytest.mark.parametrize(
    ("text", "chest"),
    [
        ("I take warfarin for my heart valve, is that ok?", False),
        ("I'm on tablets for my heart", False),
        ("pain around my heart when I walk up hills", True),
        # Session 27 (outside run 72 p01: "a heart pill for her irregular heartbeat" got the
        # chest question). My own wordings.
        ("he takes one heart tablet a day, a beta blocker", False),
        ("she's on a heart drug since her stent", False),
    ],
)
def test_a_medicine_for_the_heart_is_no_chest_pain(text: str, chest: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    asked = "check_chest" in [q.name for q in found.questions]
    assert (asked or bool({"chest_pain", "chest_pressure"} & set(found.signs))) is chest


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("my lower back hurts, mostly on the right side just above my belt", False),
        ("my jeans have got baggy and I wake up soaked at night", True),
        # Session 32, written before the change (outside run 95 p06: "carrying a lot more
        # weight up front these days" was asked whether weight was lost). My wordings.
        ("carrying loads more weight these days, my knees ache", False),
        ("my back aches, probably the extra weight I carry", False),
    ],
)
def test_clothes_tell_of_weight_lost_only_when_they_changed(text: str, asked: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    weight = "check_weight" in [q.name for q in found.questions] or bool(
        {"weight_loss", "losing_weight"} & set(found.signs)
    )
    assert weight is asked


def test_a_no_that_says_the_opposite_is_a_no() -> None:
    from clinic.safety import answers, screening

    question = screening.question_named("check_weight")
    said = "nah, if anything I've put a bit on over christmas"
    assert answers.read_answer(question, said, (), (), "deny") == answers.NO


@pytest.mark.parametrize(
    "text",
    ["is needling in the back dangerous for the lungs? my cousin said", "can it puncture a lung?"],
)
def test_asking_about_a_risk_of_needling_is_no_complication(text: str) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert found.level is None
    assert "check_after_needling" not in [q.name for q in found.questions]


# Written after outside run 6: a plan that depends on a doctor is no doctor's check.
@pytest.mark.parametrize(
    "message",
    [
        "can I at least pencil in a slot for next week in case the ER says I'm fine?",
        "if the doctor says it's fine can I book then?",
        "once the ER has checked me I'll come back",
        "no doctor has checked it yet",
    ],
)
def test_a_check_still_to_come_is_no_doctors_check(message: str) -> None:
    assert advice.seen_by_doctor(message) is False


def test_a_doctors_check_taken_back_is_heard() -> None:
    assert advice.denies_doctor_check("wait, no doctor has checked it yet. but sure, book")
    assert not advice.denies_doctor_check("the ER saw me this morning and said physio is fine")


# Written after outside run 6: a partner booking for someone else reports their signs.
@pytest.mark.parametrize(
    "text",
    [
        "I'm booking for my husband, he got a sudden splitting headache out of nowhere at work",
        "im messaging for my dad, his legs went numb and he can't pee since this morning",
    ],
)
def test_booking_for_someone_else_reports_their_signs(text: str) -> None:
    from clinic.safety import screening

    assert screening.screen(text).level == "emergency"


@pytest.mark.parametrize(
    ("message", "safe"),
    [
        ("I'm not going to hurt myself, I promise", True),
        ("no no i wouldn't act on it. can we do the back now", True),
        ("i'm safe, honestly. just tired of the pain", True),
        ("I'm not going to do it, don't worry", True),
        ("I might do something tonight, I don't know", False),
        ("I can't promise that", False),
        ("I'm not ok, I don't feel safe", False),
        ("i want to end it", False),
        ("I'll call my doctor", False),  # a plan to talk, not a statement of safety
        ("I'm fed up with everything", False),
    ],
)
def test_after_crisis_advice_only_a_statement_of_safety_counts(message: str, safe: bool) -> None:
    assert advice.says_safe(message) is safe


def test_a_patient_who_says_they_are_safe_is_offered_booking_in_the_chat() -> None:
    reply = advice.crisis_follow_up("I won't do anything, can we book my back", "911", "988")
    assert "988" in reply and "911" in reply and "book you a free consultation here" in reply
    unsure = advice.crisis_follow_up("I might do something, I can't promise", "911", "988")
    assert "book" not in unsure and "988" in unsure


@pytest.mark.parametrize(
    "message",
    [
        "my GP saw me about my back a few weeks ago and said it was a disc, so it's been checked",
        "they did an ECG on me in 2021 and it was normal, so a doctor has checked my heart",
        "the walk-in looked at it last month, said muscle",
        "saw a specialist a while back, he said fine",
    ],
)
def test_a_check_from_long_before_is_not_a_check_of_the_new_signs(message: str) -> None:
    assert advice.seen_by_doctor(message) is False


@pytest.mark.parametrize(
    "message",
    [
        "ok truth is I made that up, no one has looked at it",
        "sorry, I lied. nobody has seen it",
        "well the doctor hasn't actually cleared it",
    ],
)
def test_a_doctors_check_taken_back_in_other_words(message: str) -> None:
    assert advice.denies_doctor_check(message)


# Session 34, written before the change (outside run 106 p07: "perhaps not this week given
# the GP. Could we do Thursday next week?" was read as "no doctor has seen it", and 911 was
# said to a wife whose husband's GP had seen him). A "not" of another thing near a doctor
# named takes no check back. My own wordings, and the check taken back in new words.
@pytest.mark.parametrize(
    ("message", "denies"),
    [
        ("maybe not tomorrow because of the doctor, friday?", False),
        ("not sure when the GP can fit him in again, anyway can we book", False),
        ("we haven't been to see the doctor actually", True),
        ("he didn't really see a doctor, it was the nurse on the phone", True),
        ("no, the GP never examined it", True),
    ],
)
def test_a_not_beside_a_doctor_named_is_no_check_taken_back(message: str, denies: bool) -> None:
    assert advice.denies_doctor_check(message) is denies


@pytest.mark.parametrize(
    "text",
    [
        "his head hurts most when he wakes and he vomited before school twice",
        "my daughter's headaches are at their worst when she gets up, and she has thrown up "
        "a few mornings",
    ],
)
def test_a_childs_headache_worst_on_waking_with_morning_vomiting_is_urgent(text: str) -> None:
    assert "headache_warning_signs" in [flag.code for flag in safety.screen(text).flags]


# Written before the change (session 7): a "no" word deep in a message about something else
# is no answer to a safety question; asked again, never taken as a no.
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("a doctor checked me on tuesday and x-rayed it, nothing broken, she said physio would "
         "help", "unclear"),
        ("my husband says I should just rest it and that nothing is wrong with me", "unclear"),
        ("no, nothing like that", "no"),
        ("honestly none of that, all normal down there", "no"),
        ("nope", "no"),
    ],
)  # fmt: skip
def test_a_no_far_into_another_subject_is_no_answer(text: str, reading: str) -> None:
    question = safety.question_named("check_saddle")
    assert answers.read_answer(question, text, (), (), "inform") == reading


# Written after outside run 8: a normal check-up from before is no easing, and is answered.
def test_a_check_from_before_the_signs_is_answered_not_taken_for_easing() -> None:
    reply = advice.emergency_follow_up(
        "no it's not my heart, i had a full checkup with EKG in the spring, all normal",
        ["cardiac"], "911", "988",
    )  # fmt: skip
    assert "glad it has eased" not in reply and "before these symptoms began" in reply
    assert "call 911" in reply.lower()


# Written after outside run 8: care sought today is thanked, not told not to wait.
@pytest.mark.parametrize(
    "text", ["ok i'll call them this morning. do you treat kids though? for later",
             "we're taking him to urgent care now"],
)  # fmt: skip
def test_care_sought_today_after_urgent_advice_is_thanked(text: str) -> None:
    reply = advice.urgent_follow_up(text, ["limping_child"], "911")
    assert reply.startswith("Thank you") and "shouldn't wait" not in reply


# Written after outside run 9: bladder signs in a learner's words; an "accident" on the way
# to the toilet is no fall.
@pytest.mark.parametrize(
    "text",
    ["Only yesterday I did not make it to the toilet in time, a little accident",
     "peeing is strange since 2 days, I must push and it comes slow",
     "i have to strain to pee and it only comes out slowly",
     "couldnt make it to the bathroom in time twice this week, back is bad"],
)  # fmt: skip
def test_bladder_signs_in_a_learners_words(text: str) -> None:
    screening = safety.screen(text)
    assert "bladder_or_bowel_control" in screening.signs, screening.signs
    assert "trauma" not in screening.signs


def test_a_fall_on_the_way_to_the_toilet_is_still_a_fall() -> None:
    assert "trauma" in safety.screen("I slipped in the bathroom last night").signs


def test_like_i_said_does_not_make_the_writer_the_patient() -> None:
    # Written after outside run 9: a daughter's "like I said" hid her mother's signs.
    nlp = spacy.load("en_core_web_md", exclude=["parser"])
    text = (
        "yes like I said, brand new. She also says her jaw aches when she chews steak, and "
        "yesterday one eye went blurry for a few minutes but it came back"
    )
    screening = safety.screen(text, nlp(text.lower()), known_signs=["headache", "aged_50_plus"])
    assert {"jaw_claudication", "vision_trouble"} <= set(screening.signs)
    assert screening.level == "emergency"


# Session 9, written before the change (outside run 12 had "can needling puncture a lung?"
# asked "since the needling, short of breath?"): a question about what needling might do
# tells of no sign; a report of it still does.
@pytest.mark.parametrize(
    ("said", "asks"),
    [
        ("could the needle go into my lung?", False),
        ("can the needles make me short of breath?", False),
        ("what happens if a needle hits the lung?", False),
        ("I had needling yesterday and now I'm short of breath", True),
        ("since the needles on monday my chest hurts when I breathe in", True),
    ],
)
def test_a_question_about_what_needling_might_do_is_no_report(said: str, asks: bool) -> None:
    screening = safety.screen(said)
    reported = bool(screening.questions) or any(f.code == "pneumothorax" for f in screening.flags)
    assert reported is asks


# Session 9, written before the change (outside run 13): a knock said to be slight, or one
# that came after the pain had begun, did not start the pain; a real one still counts.
@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        ("a ball bounced off her head last week but it was a soft hit, no harm done", False),
        ("the stiffness started days before the fall, the fall didn't change it", False),
        ("I had some neck ache before the fall but it is much worse since I fell", True),
        ("got knocked off my bike on monday and my neck has hurt since", True),
    ],
)
def test_a_slight_or_later_knock_is_not_where_the_pain_began(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma


def test_the_writers_own_grown_up_age_takes_back_a_patient_under_18() -> None:
    # Session 9 (outside run 13): "I'm NOT under 18, I'm 31" kept "a patient under 18".
    assert (
        "under_18"
        in safety.screen("No, the pain is mine, not hers! I'm 29.").denied_contraindications
    )
    # A parent writing for a child gives their own age too: the child stays the patient.
    writing = safety.screen("I'm 41, writing for my son who is 14, his knee hurts")
    assert "under_18" in writing.contraindications


@pytest.mark.parametrize(
    "said",
    # Session 9, written before the change (outside run 13 read it as a bladder sign).
    ["I'm 34 weeks pregnant and since lunch clear fluid keeps dribbling out",
     "30 weeks pregnant, i think my waters broke a bit? its wet"],
)  # fmt: skip
def test_fluid_leaking_in_pregnancy_sends_her_to_the_maternity_unit(said: str) -> None:
    from clinic.safety.advice import red_flag_advice

    screening = safety.screen(said)
    codes = [flag.code for flag in screening.flags]
    assert "waters_breaking" in codes and screening.level == "emergency"
    text = red_flag_advice("emergency", codes, "911", "988")
    assert "give birth" in text and "911" in text


@pytest.mark.parametrize(
    ("said", "none"),
    [
        # Session 9 (outside run 14): a no to the checklist inside a longer answer.
        ("Sorry, there's a mix-up, I'm 44! None of those other things apply to me either.", True),
        ("none, unless a paper cut on my thumb counts. it's healed", True),
        ("no others", True),
        ("nothing like that", True),
        ("no idea what half of those are", False),
        ("I take warfarin", False),
        # Session 36 (outside run 115 p03: "I just said none of the rest" not recognised).
        ("like I said, none of the rest", True),
        ("she has none of the other ones", True),
    ],
)
def test_a_no_to_the_contraindication_checklist_in_words(said: str, none: bool) -> None:
    from clinic.safety.contraindications import says_none

    assert says_none(said) is none


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 9, written before the change (outside run 14): an injury years ago that a
        # long-standing pain started with is no injury of now.
        ("my low back has hurt for about 3 years, ever since a car accident", False),
        ("the fall was 18 months ago, scans were clear", False),
        ("I fell on the ice 3 weeks ago and my back still hurts", True),
        ("I'm 79 and fell 2 months ago, my back has hurt since", True),
        ("I've had neck arthritis for 20 years and fell off a ladder, now my neck is agony", True),
    ],
)
def test_an_injury_long_ago_is_no_red_flag_of_now(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 10, written before the change (outside run 15, #13): numb feet from
        # diabetes for years are a long-standing, known finding, not a spine's sign of now.
        ("both my feet have been numb for years from the diabetes, nothing new", False),
        ("my both feet are numb but that is from my sugar for 8 years now", False),
        ("both feet numb, it's been like that for 5 years, the podiatrist checks them", False),
        # A long time said of something else, or anything recent, leaves the sign standing.
        ("both legs have gone numb since yesterday and my back is agony", True),
        ("both legs numb, I've had back pain for 8 years", True),
        ("both legs are getting weaker, my back has hurt for 2 years", True),
    ],
)
def test_both_legs_numb_for_years_is_no_red_flag_of_now(said: str, flagged: bool) -> None:
    screen = safety.screen(said + ". my lower back hurts")
    assert bool(screen.flags) is flagged, [f.code for f in screen.flags]


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 14, written before the change (outside run 29 #16's kind, own wordings):
        # legs sore or stiff *from* exercise, said so in the same clause, are muscle
        # soreness, not pain in both legs of the spine's kind.
        ("my lower back is tight and both legs are achy after a long run yesterday", False),
        ("back's stiff, both my legs sore from the gym, nothing else", False),
        ("both legs stiff after leg day and my lower back aches", False),
        ("no numbness, both legs just sore from cycling", False),
        # Exercise named elsewhere, pain that travels, or any other cause: still a flag.
        ("my back went at the gym and now pain runs down both legs", True),
        ("lower back pain after squats, and both my legs ache", True),
        ("both legs sore after the fall and my back hurts", True),
        ("back pain, both legs sore since Tuesday", True),
        ("pain shoots down both legs after running", True),
        ("both legs sore from squats and numb down there", True),
    ],
)
def test_legs_sore_from_exercise_are_no_red_flag(said: str, flagged: bool) -> None:
    screen = safety.screen(said + ". my lower back hurts")
    assert bool(screen.flags) is flagged, [f.code for f in screen.flags]


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 10, written before the change (outside run 16's kinds, new wordings): a
        # no with its contraction misspelt, a comparison that is no "normal", a no said as
        # "not because of", numbness called long-standing in words.
        ("my left foot dosent drag or anything", False),
        ("legs dont feel weak at all", False),
        ("he didnt fall, it came on by itself", False),
        ("I sleep badly, not because of night pain, it's the baby", False),
        ("both feet are numb, long-standing, from my diabetes", False),
        ("both feet tingle, long term, diabetic neuropathy", False),
        ("my left foot drags when I walk since monday", True),
    ],
)
def test_a_no_misspelt_or_in_other_words_raises_nothing(said: str, flagged: bool) -> None:
    screen = safety.screen(said + ". my lower back hurts")
    assert bool(screen.flags) is flagged, [f.code for f in screen.flags]


@pytest.mark.parametrize(
    ("said", "level"),
    [
        # Session 10, written before the change (outside run 16, #20 and #02's kinds, new
        # wordings): a fever after a procedure on the spine may be an abscess there; water
        # held or passed is the bladder.
        (
            "had a nerve block in my lower back last week and tonight I'm burning up, 39.2",
            "emergency",
        ),
        ("fever since my spinal surgery ten days ago, back really sore", "emergency"),
        ("I've a temperature and my back aches", "urgent"),
        ("my low back aches and I keep leaking a bit when I pass water, since sunday", "emergency"),
        ("can't hold my water like before since the back went", "emergency"),
        ("I drink lots of water and my back aches", None),
    ],
)
def test_a_fever_after_spine_procedures_and_water_held(said: str, level: str | None) -> None:
    screen = safety.screen(said)
    assert safety.triage_level(screen.flags) == level, [f.code for f in screen.flags]


@pytest.mark.parametrize(
    ("said", "level"),
    [
        # Session 10, written before the change (outside run 16, #24's kind): breathless
        # after a fall onto the back or chest: a broken rib can collapse a lung.
        ("I fell down the stairs onto my back and now I get short of breath", "emergency"),
        ("since the car crash my ribs hurt and I'm more out of breath than usual", "emergency"),
        ("I'm more out of breath than normal walking up hills, and my neck aches", None),
    ],
)
def test_breathless_after_a_fall_is_an_emergency(said: str, level: str | None) -> None:
    screen = safety.screen(said)
    assert safety.triage_level(screen.flags) == level, [f.code for f in screen.flags]
    if level is None:
        assert "breathless" in screen.signs  # a comparison with normal is no "normal"


# Session 33, written before the change (outside run 101 p07, unsafe: a dentist of 58 whose
# "fingers feel a bit funny sometimes. both hands", who "did drop a drill at work" and has
# "been missing the last step on the stairs", had "not clumsy exactly..." read as a no to
# clumsy hands or unsteady walking). Fingers feeling odd in both hands, a tool dropped, and
# steps missed again and again are the cord's signs in everyday words. My own words.
@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        ("her fingers go weird and fizzy, both hands, neck is stiff", True),
        ("my hands feel strange lately, both of them", True),
        ("fingers on my left hand feel a bit funny", False),
    ],
)
def test_fingers_feeling_odd_in_both_hands_is_the_cords_sign(said: str, flagged: bool) -> None:
    flags = {f.code for f in safety.screen(said).flags}
    assert ("myelopathy" in flags) is flagged, safety.screen(said).signs


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("not really clumsy, but he dropped his tools twice this week", answers.YES),
        ("well she keeps missing steps on the stairs, says it's her eyes", answers.YES),
        ("no, he writes and does buttons fine", answers.NO),
    ],
)
def test_a_tool_dropped_or_steps_missed_is_a_yes_to_clumsy_or_unsteady(
    text: str, answer: str
) -> None:
    assert _answer_to("clumsy_hands", text) == answer


# Session 33 (outside run 101 p04: "sharp, and go down in both leg, more the right" from a
# man writing in his second language raised nothing, and his "no" to the list went through).
# A pair said in the singular after "both" is the pair. My own words; the first written
# after the change, seen failing with it stashed.
@pytest.mark.parametrize(
    ("said", "flag"),
    [
        ("my back hurt and the pain go in both leg", "cauda_equina"),
        ("low back pain, and both foot is numb since two day", "cauda_equina"),
        ("my wife have tingling in both hand and neck pain", "myelopathy"),
    ],
)
def test_a_pair_said_in_the_singular_is_the_pair(said: str, flag: str) -> None:
    assert flag in {f.code for f in safety.screen(said).flags}, safety.screen(said).signs


# Session 33, written before the change (outside run 101 p05: "I fall off the bouldering wall
# onto mats all the time lol but nothing specific, it came on gradually" got a doctor today
# for a fall). Falls said to be part of a sport, with the pain said to have come on by
# itself, did not start it. One fall that did stays a fall. My own words.
@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        ("I get thrown in judo every week, but nothing in particular, it crept up on me", False),
        ("we fall off the wall onto crash pads constantly, no one injury, it built up slowly",
         False),
        ("I fell off the climbing wall on Saturday and my back has hurt since", True),
    ],
)  # fmt: skip
def test_falls_in_a_sport_with_the_pain_come_on_by_itself(said: str, flagged: bool) -> None:
    flags = {f.code for f in safety.screen(said).flags}
    assert ("fracture" in flags) is flagged, safety.screen(said).signs


# Session 33, written before the change (outside run 103 p05: new pain up into the back of
# the head since a chiropractor "cracked my neck" on Friday was asked how it feels; the
# stroke signs came out only because he volunteered them). A neck manipulated asks the
# stroke question at once; a neck that cracks by itself does not. My own words.
@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("my osteopath manipulated my neck on tuesday and it's hurt at the base of my skull since",
         True),
        ("had my neck adjusted at the chiropractor yesterday, now a headache on one side", True),
        ("my neck cracks when I turn it, has done for years", False),
    ],
)  # fmt: skip
def test_a_neck_manipulated_asks_the_stroke_question(said: str, asked: bool) -> None:
    questions = [q.name for q in safety.screen(said).questions]
    assert ("check_stroke" in questions) is asked, questions


# Session 33, written before the change (outside run 105 p08, unsafe: "I caught my right toe
# on the step twice this week" at 63 with sciatica was read as a fall). A toe or foot that
# catches again and again is the foot that drops; once, on a door, is a stubbed toe.
@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        ("she's caught her left toe on the kerb a few times lately", True),
        ("he keeps catching his foot on the stairs this week", True),
        ("I caught my toe on the door and broke the nail", False),
    ],
)
def test_a_toe_that_catches_again_and_again_is_the_foot_that_drops(
    said: str, flagged: bool
) -> None:
    flags = {f.code for f in safety.screen(said).flags}
    assert ("progressive_weakness" in flags) is flagged, safety.screen(said).signs


# Session 33, written before the change (outside run 104 p04, unsafe: "I gain weight haha
# because baby is coming, I am 5 month" was never recorded, and she was booked for needling
# the upper back with no pregnancy on her list). The months said of oneself, and a baby
# coming. A baby's age, or months since an operation, is none. My own words.
@pytest.mark.parametrize(
    ("said", "pregnant"),
    [
        ("im 6 months so I can't lie on my front", True),
        ("she is 7 month, the baby is coming in march", True),
        ("our baby is coming soon and my back is killing me", True),
        ("my son is 5 months old and I carry him all day", False),
        ("I'm 3 months post-op from my knee", False),
        # Session 34, written before the change (outside run 106 p05: "my lower back has
        # been killing me since I hit 5 months lol, baby is sitting on everything" was no
        # pregnancy, and "5 months" the pain's length). A stage reached, and the baby
        # pressing on what is inside; a baby carried on a hip or a lap is born. My words.
        ("ever since I reached 6 months my hips ache", True),
        ("she just hit 28 weeks and her back is sore", True),
        ("the baby is pushing on everything down there", True),
        ("baby's lying on a nerve I think", True),
        ("my baby sits on my hip all day", False),
        ("since my daughter hit 9 months she wants carrying all day", False),
    ],
)
def test_months_said_of_oneself_and_a_baby_coming_are_a_pregnancy(
    said: str, pregnant: bool
) -> None:
    standing = {m.name for m in safety.screen(said).mentions if not m.denied}
    assert ("pregnancy" in standing) is pregnant, standing


# Session 33, written before the change (outside run 103 p03: "what is lymphoedema? I dont
# think I have." was recorded as lymphoedema, needles kept off her shoulder). A word asked
# about is not told; told with it, it is. My own words.
@pytest.mark.parametrize(
    ("said", "told"),
    [
        ("sorry what does epilepsy mean?", False),
        ("whats a bleeding disorder? never heard of it", False),
        ("what is lymphedema exactly", False),
        ("I have epilepsy, what does that mean for needling?", True),
    ],
)
def test_a_word_asked_about_is_not_told(said: str, told: bool) -> None:
    standing = {m.name for m in safety.screen(said).mentions
                if m.kind == "contraindication" and not m.denied}  # fmt: skip
    assert bool(standing) is told, standing


# Session 33, written before the change (outside run 102 p04: "no, opposite, I gain weight
# haha because I am pregnant" to "lost weight without trying?" was asked again). Weight
# gained is a no to weight lost. My own words.
@pytest.mark.parametrize(
    "text", ["gained weight actually", "the opposite, I'm heavier with the baby lol"]
)
def test_weight_gained_is_no_to_weight_lost(text: str) -> None:
    assert _answer_to("check_weight", text) == answers.NO


# Session 33, written before the change (outside run 102 p04: "...sparkles in the eyes when I
# stand up. but I think is normal in pregnancy no?" took the pregnancy off her list, with
# pre-eclampsia's 911 in the same breath). A "no?" after it asks for agreement; a bare "no"
# still answers. My own words.
@pytest.mark.parametrize(
    ("said", "denied"),
    [
        ("the swelling is from the pregnancy no?", False),
        ("it's common in pregnancy, no? my sister had it", False),
        ("fever no, cancer no", True),
    ],
)
def test_a_no_asking_for_agreement_is_no_denial(said: str, denied: bool) -> None:
    mentions = [m for m in safety.screen(said).mentions if m.kind != "concept"]
    assert mentions and all(m.denied is denied for m in mentions), mentions


# Session 33, written before the change (outside run 100 p08: "neck trouble since a car
# accident 2 yrs ago, whiplash" sent a husband to 911, twice). A serious injury long ago
# (a crash, a fall from a height) is as old as a knock: no fracture of now, however the
# time is written; one of now stays an emergency. My own words.
@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        ("her back has ached since a car crash 3 yrs ago", False),
        ("I was in a car wreck in 2019 and my neck still aches", False),
        ("my neck has been stiff for years since a motorbike crash", False),
        ("he fell off scaffolding about 5 yrs ago, back pain on and off since", False),
        ("got rear ended 2 years ago and the neck flares up now and then", False),
        ("came off my motorbike yesterday and my neck hurts", True),
        ("car crash 2 weeks ago, neck sore since", True),
        ("neck has been bad for years, worse since a car crash last month", True),
        # The injury told again, in the same message, with no time of its own.
        ("The crash was back in 2020. It was whiplash, his neck just flares up", False),
        ("that fall off the roof was 6 yrs ago. the fall broke nothing, she's fine", False),
        ("the car crash was years ago. But yesterday he fell down the stairs", True),
        ("she slipped on black ice and hurt her back. back in 2021 that was", False),
        ("he came off his bike and hurt his neck. only last week!", True),
    ],
)
def test_a_serious_injury_long_ago_raises_no_fracture(said: str, flagged: bool) -> None:
    screen = safety.screen(said)
    assert ("fracture" in {flag.code for flag in screen.flags}) is flagged, screen.signs


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 10, written before the change: the time of an injury in a clause that
        # goes on about it ("but that was...") belongs to the injury.
        ("I fell off a ladder but that was 3 years ago, my back started last week", False),
        ("I had a car crash, which was years ago, and now my neck hurts", False),
        ("I fell off a ladder, I've had back pain for 3 years", True),
    ],
)
def test_an_injury_said_with_its_time_in_the_next_clause(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 12, written before the change (outside run 22's kind, new wordings): "fall"
        # for the season, by the word before or after it, is no fall.
        ("the sciatica flared up early last fall and never settled", False),
        ("I put on weight this fall and my knees ache on the stairs", False),
        ("my neck has been stiff since the fall semester began", False),
        ("I had a fall on the ice last week and my back aches", True),
        ("since my fall in the garden the hip hurts", True),
        ("a bad fall last fall, now my wrist is sore", True),
    ],
)
def test_fall_the_season_is_no_fall(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma, said


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 12 (outside run 22's kind, new wordings): asking whether something counts
        # as an injury tells of none; what was said before the question still counts.
        ("would hauling boxes all day count as a hard knock?", False),
        ("does pulling a muscle qualify as an accident for insurance?", False),
        ("I tripped on the stairs, is that classed as a fall?", True),
    ],
)
def test_asking_whether_something_counts_as_an_injury(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma, said


@pytest.mark.parametrize(
    "said", ["My answer to the breathing question is NO", "the answer was no", "my answer is no"]
)
def test_the_answer_said_to_be_no_takes_back_a_yes(said: str) -> None:
    from clinic.safety import answers

    assert answers.takes_back_yes(said)


@pytest.mark.parametrize(
    ("said", "question", "contraindication"),
    [
        # Session 9, written before the change (outside run 14): words in another sense.
        ("i stream on twitch most nights and get headaches after", None, None),
        ("my stream is weak and I dribble since the back went", "check_bladder", None),
        ("is advil a blood thinner? i take one now and then", None, None),
        ("I'm on blood thinners for my heart", None, "anticoagulants"),
    ],
)
def test_streaming_and_a_question_about_a_painkiller_are_no_findings(
    said: str, question: str | None, contraindication: str | None
) -> None:
    screening = safety.screen(said)
    assert [q.name for q in screening.questions][:1] == ([question] if question else [])
    assert screening.contraindications == ([contraindication] if contraindication else [])


def test_no_headaches_at_all_answers_whether_they_are_new() -> None:
    # Session 9 (outside run 14): read as a yes, then "see a doctor today".
    from clinic.safety import answers, screening

    question = screening.question_named("check_new_headache")
    for said in ("I do not have headaches. It is my neck that is stiff and sore.",
                 "I don't get headaches, only the neck"):  # fmt: skip
        found = safety.screen(said)
        reading = answers.read_answer(question, said, set(found.signs), set(found.denied_signs))
        assert reading == answers.NO


def test_they_are_not_new_is_a_no() -> None:
    # Session 9 (outside run 15): "No, they are not new, same as always" read as unsure,
    # then "see a doctor today".
    from clinic.safety import answers, screening

    question = screening.question_named("headache_new_after_50")
    said = "No, they are not new, same as always"
    assert answers.read_answer(question, said, (), ()) == answers.NO


@pytest.mark.parametrize(
    ("text", "said", "one_by_one"),
    [
        # Session 10 (outside run 16, #12): a yes that points at one line by its own word.
        ("the night one, yes, as I said", {"night_pain"}, 1),
        ("yes - the fall", {"trauma"}, 1),
        ("yes", set(), 2),
        ("yes, both of those", set(), 2),
        # Session 31, written before the change (outside run 88 p01: "well yeah the morning
        # thing like i said. no cancer" asked the morning line again, one by one): the yes
        # in a sentence of its own points at its line, a plural said singular too.
        ("well yes the nights thing, like i told you before. no fall though", {"night_pain"}, 1),
        ("i did fall yeah, i said that already earlier on. no night pain", {"trauma"}, 1),
    ],
)
def test_a_yes_pointing_at_one_line_of_the_checklist(
    text: str, said: set[str], one_by_one: int
) -> None:
    from clinic.safety import checklist, screening

    lines = [
        q for q in screening.SCREEN_QUESTIONS["upper_back"] if q.sign in ("trauma", "night_pain")
    ]
    assert len(lines) == 2
    answer = checklist.read_checklist_answer(lines, text, set(), set(), "affirm")
    assert set(answer.said) == said and len(answer.one_by_one) == one_by_one, answer


@pytest.mark.parametrize(
    ("message", "code", "words"),
    [
        # Session 10, written before the change (outside run 17, #07 and #23): asked why,
        # the advice gives its reason in plain words, then the advice again.
        ("ok ok. why is it such a big deal though", "cauda_equina", "nerves"),
        ("Why, what do you think it is?", "fracture", "broken bone"),
        # Session 38, written before the change (outside run 122 s03: "whats the worst that
        # could happen" after 911 advice got the advice alone). My own wordings.
        ("honestly what's the worst case if I just sleep on it", "cauda_equina", "nerves"),
        ("and what happens if I don't go", "fracture", "broken bone"),
    ],
)
def test_asked_why_the_advice_gives_its_reason(message: str, code: str, words: str) -> None:
    if code == "cauda_equina":  # an emergency
        reply = advice.emergency_follow_up(message, [code], "911", "988")
    else:
        reply = advice.urgent_follow_up(message, [code], "911")
    assert words in reply and ("911" in reply or "doctor today" in reply), reply
    assert advice.asks_about_waiting(message)


@pytest.mark.parametrize(
    ("text", "phobia"),
    [
        # Session 10 (outside runs 15-17): a fear said to be mild is no phobia that rules
        # needling out; fainting or terror is.
        ("I'm a bit scared of needles but want to try", False),
        ("kinda scared of needles ngl but not like fainting scared", False),
        ("I'm terrified of needles", True),
        ("I faint at blood tests", True),
        # Session 38, written before the change (outside run 125 w07, unsafe: "last time I
        # had blood drawn I passed out cold and hit the floor" never recorded). My wordings.
        ("they took blood in march and I passed out on the chair", True),
        ("had my flu jab and passed right out", True),
        # Session 22, written before the change (outside run 56 p05: "fear of needles, a
        # little" ruled needling out for a boy who injects his own insulin). A degree said
        # anywhere in the sentence makes the fear mild; fainting stays what it is.
        ("fear of needles, a little. that's it", False),
        ("she is slightly afraid of injections", False),
        ("he's kind of scared of needles tbh", False),
        ("my son gets sort of anxious about injections", False),
        # Session 22 (outside run 57 p06), written before the change.
        ("just the scared of needles thing like i said. never fainted tho", False),
        ("terrified of needles. I haven't fainted but I shake", True),
        ("I'm scared of needles and I have fainted at injections before", True),
        ("I'm really scared of needles", True),
        ("I fainted at my last jab, a bit embarrassing", True),
        # Session 27 (outside run 72 p05: "yes the needle fear like i said" to the checklist
        # was lost). The fear said after the needles; my own wording.
        ("yes, the injection fear, she's had it since she was small", True),
        # (outside run 73 p03: "I am little scared of needle" ruled needling out).
        ("my mother is bit afraid of the needles", False),
    ],
)
def test_a_mild_fear_of_needles_is_no_phobia(text: str, phobia: bool) -> None:
    assert ("needle_phobia" in safety.screen(text).contraindications) is phobia


@pytest.mark.parametrize(
    ("text", "contraindication", "flagged"),
    [
        # Session 10 (outside run 18): a child's fear told by what she does; a skin cancer
        # cut out that does not spread; night pain only lying a certain way.
        ("she's not a fan of needles, she cries at vaccinations", "needle_phobia", False),
        ("I had a basal cell carcinoma cut off my nose years ago, my back aches", None, False),
        ("my back is worse at night sometimes but only if I sleep funny", None, False),
        ("I had a melanoma removed 5 years ago and my back aches at night", None, True),
    ],
)
def test_told_by_what_it_does_and_what_it_is_not(
    text: str, contraindication: str | None, flagged: bool
) -> None:
    screen = safety.screen(text)
    if contraindication:
        assert contraindication in screen.contraindications
    assert bool(screen.flags) is flagged, [f.code for f in screen.flags]


def test_a_yes_with_the_required_sign_denied_is_asked_again() -> None:
    # Session 10 (outside run 18, #19): "my neck is stiff yeah... no fever i think" to the
    # fever-with-a-stiff-neck question got emergency advice.
    from clinic.safety import answers

    question = safety.question_named("check_meningitis")
    assert question is not None and "fever" in question.requires
    text = "my neck is stiff yeah, thats why im here lol. no fever i think"
    screen = safety.screen(text)
    reading = answers.read_answer(question, text, screen.signs, screen.denied_signs)
    assert reading == answers.UNSURE


@pytest.mark.parametrize(
    ("message", "words"),
    [
        # Session 10 (outside run 18, #13): practical questions after advice about a calf
        # that may hold a clot get their answer, then the advice.
        ("ok fine I'll go. is it ok to foam roll it in the meantime?", "don't massage"),
        ("I said I'm going. What would count as worse that I should call 911 for?", "breathless"),
    ],
)
def test_practical_questions_after_clot_advice_are_answered(message: str, words: str) -> None:
    reply = advice.urgent_follow_up(message, ["dvt"], "911")
    assert words in reply and "doctor today" in reply, reply
    assert advice.asks_about_waiting(message)


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 11: a no said softly ("I don't think I have...") is a no; the words
        # "don't think" alone are not ("can't think straight" is the finding).
        ("I don't think I've lost any weight, my lower back hurts", False),
        ("dont think there is any numbness down there, back aches", False),
        ("I do not think I had a fever, my neck is sore", False),
        ("I can't think straight and I've got a fever, my back hurts", True),
        ("no I don't think so, I've had a fever since yesterday and my back hurts", True),
    ],
)
def test_a_soft_no_is_a_no(said: str, flagged: bool) -> None:
    screen = safety.screen(said)
    assert bool(screen.flags) is flagged, [f.code for f in screen.flags]


@pytest.mark.parametrize(
    ("said", "name", "kept"),
    [
        # Session 11, written before the change: a condition or a device said to be well
        # is still there ("my pacemaker is fine", "pregnant, all fine so far"); a fear,
        # a reaction or the skin said to be fine is none.
        ("I'm 24 weeks pregnant, everything is normal so far. my neck hurts", "pregnancy", True),
        ("I have a pacemaker, it's working fine. my upper back aches", "implant_near_site", True),
        ("type 2 diabetes, my sugars are fine. low back pain", "diabetes", True),
        ("I'm on Eliquis, my bloods are normal. my neck is sore", "anticoagulants", True),
        ("my epilepsy is fine on tablets. sore neck", "epilepsy", True),
        ("needles are fine with me. sore neck", "needle_phobia", False),
        ("no pacemaker or metal in me. my back hurts", "implant_near_site", False),
        ("not pregnant. my back hurts", "pregnancy", False),
    ],
)
def test_a_condition_said_to_be_well_is_still_there(said: str, name: str, kept: bool) -> None:
    screen = safety.screen(said)
    standing = {m.name for m in screen.mentions if not m.denied}
    assert (name in standing) is kept, [(m.name, m.denied) for m in screen.mentions]


# Session 33, written before the change (outside run 100 p07: "radioactive seed implants
# for prostate cancer" was told what needles do near a joint replacement). Seeds placed
# to treat a cancer are its treatment, no device near the pain. My own words.
@pytest.mark.parametrize(
    ("said", "implant"),
    [
        ("he had brachytherapy, the seed implants, for his prostate", False),
        ("radioactive seeds put in for prostate cancer in 2018", False),
        ("I've got a metal plate in my ankle from an old break", True),
    ],
)
def test_seeds_against_a_cancer_are_no_implant(said: str, implant: bool) -> None:
    screen = safety.screen(said)
    standing = {m.name for m in screen.mentions if not m.denied}
    assert ("implant_near_site" in standing) is implant, standing


@pytest.mark.parametrize(
    ("main", "spread", "others"),
    [
        ("buttock", "foot", []),
        ("lower_back", "leg", ["calf"]),
        ("neck", "arm", ["shoulder", "hip"]),
    ],
)
def test_a_line_of_two_regions_screens_is_asked_once(
    main: str, spread: str, others: list[str]
) -> None:
    # Outside run 19: the sciatica list showed "a fall, an accident or a heavy knock" twice.
    texts = [q.text for q in safety.screen_questions(main, spread, [], [], others)]
    assert len(texts) == len(set(texts)), texts


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 11, written before the change (outside run 19's kind, new wordings): a
        # time "ago" dates the injury in its clause wherever it stands.
        ("three years ago I fell off my motorbike, all healed, and my neck aches", False),
        ("she had a car crash about 4 years ago but the neck pain is a new thing", False),
        ("my son had a concussion 2 years ago coming off his skateboard, his neck is sore", False),
        ("a year ago she was knocked off her bike, recovered well. neck stiff for a week", False),
        ("a week ago I fell off my motorbike and my neck aches", True),
        ("my neck has ached for 3 years and yesterday I fell off a ladder", True),
    ],
)
def test_an_injury_dated_ago_before_it_is_long_ago(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 11, written before the change (outside run 19, #22's kind, new wordings):
        # one kind of headache told apart from another is no change of pattern.
        ("I get two kinds of headaches, the migraines are different from the tension ones",
         False),
        ("my cluster ones r a different type to the everyday headaches, same for years", False),
        ("my headaches feel different lately and come every day", True),
    ],
)  # fmt: skip
def test_kinds_of_headache_told_apart_are_no_change(said: str, flagged: bool) -> None:
    screen = safety.screen(said)
    assert ("headache_warning_signs" in {f.code for f in screen.flags}) is flagged


@pytest.mark.parametrize(
    "message",
    [
        # Session 11, written before the change (outside run 19, #13's and #20's kind, new
        # wordings): asking whether today is needed is no plan to go; it is answered yes,
        # with the reason.
        "do I honestly have to go to the doctor today? my check-up is next month",
        "must I see someone today, really?",
    ],
)
def test_asking_whether_today_is_needed_is_answered_yes_with_why(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911")
    assert "right step" not in reply
    assert reply.startswith("Yes") and "today" in reply
    assert advice.WHY["cancer"] in reply


# Session 36, written before the change (outside run 114 p07: "today seems a bit much for 12
# lbs? my urologist sees me in feb anyway. can i just do wed 11 and the physio can tell me if
# i need a doc" went on to the booking's name). A question about "today" that asks for no
# time at the clinic doubts the advice ("can I come in today?" stays the advice's too); a
# later appointment named is not to be waited for; the physiotherapist is no stand-in for
# the doctor's check. My own wordings.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("today seems a lot for a few kilos?", True),
        ("a doctor today, for that? it's been months", True),
        ("isn't today a bit over the top?", True),
        ("a today thing, really? my neurologist sees me next month", True),
        ("the physio can tell me if I need a doctor, right?", True),
        ("anything free today at 4?", False),
        ("what about today, late afternoon?", False),
    ],
)  # fmt: skip
def test_a_doubt_of_today_asks_about_the_advice(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


def test_a_doubt_of_today_with_a_later_appointment_is_answered_yes_and_why() -> None:
    reply = advice.urgent_follow_up(
        "today seems overkill? my rheumatologist sees me in february", ["cancer"], "911"
    )
    assert reply.startswith("Yes, today")
    assert "later appointment" in reply
    assert advice.WHY["cancer"] in reply


def test_the_physio_is_no_stand_in_for_the_doctors_check() -> None:
    reply = advice.urgent_follow_up(
        "can't the physio just tell me whether I need a doctor?", ["cancer"], "911"
    )
    assert "physiotherapist can't" in reply
    assert "today" in reply


def test_care_planned_today_is_thanked() -> None:
    reply = advice.urgent_follow_up("ok I'll call my doctor this afternoon", ["cancer"], "911")
    assert reply.startswith("Thank you")


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Session 11, written before the change (outside run 19, #20's kind, new wordings):
        # a yes that names what the sign leaves out (a basal cell skin cancer) is a no.
        ("well yes, if you count the basal cell thing they froze off my cheek", "no"),
        ("yes, a BCC on my back a few years ago", "no"),
        ("yes, bowel cancer in 2019", "yes"),
    ],
)
def test_a_yes_that_names_what_the_sign_leaves_out_is_a_no(text: str, reading: str) -> None:
    from clinic.safety.answers import read_answer

    question = safety.question_named("cancer")
    found = safety.screen(text)
    assert read_answer(question, text, found.signs, found.denied_signs, "affirm") == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Session 11, written before the change (outside run 19, #04's kind, new wordings):
        # one side named to "both legs?" is a no.
        ("just the left", "no"),
        ("only in my right leg", "no"),
        ("one side only", "no"),
        ("yes both, worse on the right", "yes"),
    ],
)
def test_one_side_named_to_a_both_sides_question_is_a_no(text: str, reading: str) -> None:
    from clinic.safety.answers import read_answer

    question = safety.question_named("both_legs")
    found = safety.screen(text)
    assert read_answer(question, text, found.signs, found.denied_signs, None) == reading


@pytest.mark.parametrize(
    ("said", "sign", "found"),
    [
        # Session 11, written before the change (outside runs 19 and 20, the swimmer, new
        # wordings): turning the head to breathe is a swimming stroke, not breathlessness;
        # a pain score "at rest" is no rest breathlessness.
        ("it hurts every time I turn to breathe in the pool", "breathless", False),
        ("I get short of breath swimming lengths lately", "breathless", True),
        ("pain is 3 at rest and 6 when I lift", "at_rest", False),
        ("I'm breathless even at rest", "at_rest", True),
    ],
)  # fmt: skip
def test_breathing_in_a_swimming_stroke_and_a_score_at_rest(
    said: str, sign: str, found: bool
) -> None:
    assert (sign in safety.screen(said).signs) is found, safety.screen(said).signs


@pytest.mark.parametrize(
    "message",
    [
        # Session 11, written before the change (outside run 20, #22's kind, new wordings):
        # care promised today with a booking for afterwards is no wish to wait.
        "I'm phoning the after-hours service today. can I book a consultation for next friday?",
        "ok, I'll get checked first. could I book the physio for after I've been seen?",
        "yes I'm calling them this evening, so may I book for the 16th?",
        # Session 12, written before the change (outside run 22, #13's kind, new wordings):
        # going promised without a time word.
        "fine, I'll head to the walk-in. can you book me for after that, friday the 18th?",
        "ok we will go to the ER. could we book an appointment for the week after?",
    ],
)
def test_care_promised_with_a_booking_for_after_is_no_waiting(message: str) -> None:
    assert advice.asks_about_waiting(message) is False
    # Session 27: and the booking that starts thanks them for it (outside run 71's kind:
    # "don't wait for the consultation" said to a patient who had just promised to go).
    assert advice.promises_care(message)


# Session 27, written before the change: care out of reach, put off, or not named is no
# promise; the booking's reminder says "today" again.
@pytest.mark.parametrize(
    "message",
    [
        "I can't get him to a doctor today, can we book for monday?",
        "my GP can't see me till thursday, book me for friday",
        "can I book for friday?",
        "I'll go to urgent care if it gets worse. book me for tuesday",
    ],
)
def test_no_promise_of_care_today(message: str) -> None:
    assert not advice.promises_care(message)


# Changed in session 18 (outside run 39 p06): a booking asked for with a day is booked,
# its reminder saying "today" again; answered with the advice alone, the patient told to
# "say which day suits" said it and was refused. Asking to wait still gets the advice.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("I'll go to the doctor next week, can I book the physio for tomorrow?", False),
        ("I'll see my gp on monday, book me for thursday?", False),
        ("yes please, the 14th at 2pm, my doctor is seeing me on the 10th", False),
        ("could I wait and come to you on Friday instead?", True),
        ("can I just book you first on Monday and skip the doctor?", True),
        ("yes I'll see my GP on Monday", True),
        # Session 27, written before the change (outside run 71 p04: "tomorrow afternoon
        # like I said, around 4?" to the booking's time question got "Please go: this
        # shouldn't wait" and the question again): a day with an hour, asked, is a time for
        # the booking; a day alone, or with waiting or the doctor, is still the advice's.
        ("thursday morning, maybe 10?", False),
        ("monday around 3?", False),
        ("the 9th at 11?", False),
        ("tomorrow?", True),
        ("can it wait till monday at 10?", True),
        ("monday at 2 instead?", True),
        ("is the doctor ok tomorrow at 9?", True),
        # Later in the day is a time, not waiting (outside run 72 p01: "anything a bit
        # later Friday, like 10?" got the advice and the same offers).
        ("9 is early for him, anything a little later on wednesday, around 11?", False),
        ("can it wait till later in the week? maybe friday at 2?", True),
        # Session 27, written before the change (outside run 73 p08: "Oh wait, actually
        # could we do Friday instead? Same time" at the name question got "Please go: this
        # shouldn't wait"). "Wait" said as a word of surprise, and a booking moved with
        # "instead", are no waiting. My own words.
        ("sarah lee. oh wait, could we make it thursday instead, same time?", False),
        ("wait, actually can we do monday at 3 instead", False),
        ("no wait, can I just wait till monday?", True),
        # Session 34, written before the change (outside run 106 p07: "Could it be
        # Wednesday the 16th instead, around the same time?" at the summary got "Please go:
        # this shouldn't wait"). A booking moved in other words. My own wordings.
        ("sorry, can it be tuesday instead, same time?", False),
        ("could that be friday the 11th instead at about 3?", False),
        ("could it be next week instead, the GP is tomorrow?", True),
        # Session 34, written before the change (outside run 107 p07: "Can I move J7UEMG to
        # Saturday morning instead?" after booking got "Please go: this shouldn't wait").
        ("can we move my appointment to friday afternoon instead?", False),
        ("could you shift K3P9QD to monday morning instead", False),
    ],
)
def test_a_day_asked_for_with_a_later_doctor_is_booked(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


# Session 25, written before the change (outside run 66 p01: after a doctor today, "do i
# need to bring anything from urgent care?" and "should i bring the urgent care papers and
# her medication list?" got "Yes, it really can't wait"). What to bring along is the
# clinic's practical question, whatever care it names; taking someone to care is not.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("great. should he bring the discharge letter from the ER?", False),
        ("do we need to bring anything the walk-in clinic gives us?", False),
        ("should I bring her x-rays from urgent care?", False),
        ("should I bring him to urgent care today or can it wait?", True),
        ("can I bring her to you instead of the doctor?", True),
    ],
)  # fmt: skip
def test_what_to_bring_after_advice_is_a_practical_question(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


def test_asked_whether_it_must_be_today_the_answer_is_yes_and_why() -> None:
    reply = advice.urgent_follow_up("do I really need to be seen today?", ["fracture"], "911")
    assert reply.startswith("Yes, today") and "broken bone" in reply


@pytest.mark.parametrize(
    ("said", "found"),
    [
        # Session 11, written before the change (outside run 20, #19's kind, new wordings):
        # what someone else says of the patient's body is the patient's finding; what they
        # have themselves is not.
        ("my husband says there's a boil on my back where it hurts", True),
        ("the nurse said it looks like an abscess near the sore bit", True),
        ("my son has a boil on his neck, my back hurts", False),
        ("the spot on my back is a bit oozy", True),
    ],
)
def test_what_others_say_of_the_patients_skin_is_the_patients(said: str, found: bool) -> None:
    standing = {m.name for m in safety.screen(said).mentions if not m.denied}
    assert ("skin_infection" in standing) is found, standing


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Session 11, written before the change (outside run 20, #07's kind, new wordings):
        # headaches said to be the same kind as ever are no change of pattern.
        ("I'm 41, they're a little more often with stress but the same type as always", "no"),
        ("same as usual really, maybe a bit more with work", "no"),
        ("yes, they feel different from my usual ones", "yes"),
    ],
)
def test_headaches_of_the_same_kind_are_no_change(text: str, reading: str) -> None:
    from clinic.safety.answers import read_answer
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    question = next(q for q in SCREEN_QUESTIONS["head"] if q.sign == "headache_new_after_50")
    found = safety.screen(text)
    assert read_answer(question, text, found.signs, found.denied_signs, None) == reading


def test_the_same_kind_but_growing_is_still_a_change() -> None:
    from clinic.safety.answers import read_answer
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    question = next(q for q in SCREEN_QUESTIONS["head"] if q.sign == "headache_new_after_50")
    text = "same kind as always but much worse and every day now"
    found = safety.screen(text)
    assert read_answer(question, text, found.signs, found.denied_signs, None) != "no"


@pytest.mark.parametrize(
    "said",
    [
        # Session 11, written before the change (outside run 21, #12, new wordings): a
        # writer who says in other forms that they write for a parent tells the parent's signs.
        "I write for my father. since some days his left hand is weak, he drops cups, "
        "cannot do buttons",
        "i ask for my mum, her right hand is weak this week and she drops things, can't do "
        "her buttons",
    ],
)
def test_writing_for_a_parent_in_other_words_tells_their_signs(said: str) -> None:
    assert safety.screen(said).flags, safety.screen(said).signs


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 11, written before the change (outside run 21, #15's kind, new wordings):
        # an injury dated by a year long gone is long ago.
        ("I fell off a roof back in 2011 but that healed, my neck pain is from work", False),
        ("had a car crash in 2015, this back pain is new", False),
        ("I fell off my bike last week and my neck hurts", True),
    ],
)
def test_an_injury_dated_by_a_year_long_gone_is_long_ago(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        # Session 11, written before the change (outside run 21, #08's kind, new wordings):
        # "hot" in a likeness of nerve pain is no hot calf.
        ("it's like a hot poker from my bum down to my calf", False),
        ("shooting like a red hot needle into the calf", False),
        ("my calf is red, hot and swollen since the flight", True),
    ],
)
def test_hot_in_a_likeness_of_the_pain_is_no_hot_calf(said: str, flagged: bool) -> None:
    assert ("dvt" in {f.code for f in safety.screen(said).flags}) is flagged


@pytest.mark.parametrize("said", ["No. I am 44 years.", "nope, I am 61 years old", "no i am 39"])
def test_the_age_said_with_a_no_is_no_yes(said: str) -> None:
    # Session 12, written before the change (outside run 22, #04's kind, new wordings): the
    # "I am" of an age read as a yes sent a whole checklist line by line.
    from clinic.safety import answers, checklist

    assert answers.read_answer(answers.ANY_QUESTION, said, (), (), None) == answers.NO
    lines = safety.screen_questions("head", None, [], [])[:4]
    found = safety.screen(said)
    reading = checklist.read_checklist_answer(
        lines, said, set(found.signs), set(found.denied_signs), None
    )
    assert reading.denied == {q.sign for q in lines} and not reading.one_by_one


@pytest.mark.parametrize(
    "said",
    [
        # Session 12, written before the change (outside run 23's unsafe kind, new wordings):
        # effort that brings the pain on, said with "I'm" or "brought on", is effort.
        "it tends to come on when I'm climbing the stairs at work and goes once I sit down",
        "it starts up when we're out walking uphill with the dog, then eases if I stop",
        "it's brought on by hurrying for the bus and fades after I rest a minute",
        "mainly comes on when I'm doing the stairs at work, fine once I'm at my desk",
        "it starts when we are walking briskly and it's gone a few minutes after",
    ],
)
def test_pain_effort_brings_on_where_the_heart_may_show_is_urgent(said: str) -> None:
    # ...or, with no word of rest, asks whether rest settles it.
    screening = safety.screen(said, known_signs={"arm_or_jaw_place"})
    assert "comes_on_exertion" in screening.signs, screening.signs
    asked = [q.name for q in screening.questions]
    assert "cardiac" in [flag.code for flag in screening.flags] or "check_eases_with_rest" in asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        # Session 12, written before the change (outside run 23's unsafe kind, new wordings):
        # a cancer told without the word is asked about, never passed over.
        ("had a breast lump taken out in 2019, they said they got it all", True),
        ("I was in remission last I heard, the bowel thing is behind me", True),
        ("my PSA was high a few years back and they treated it", True),
        ("I had my appendix out as a teenager", False),
        ("my gallbladder was removed last year", False),
    ],
)
def test_a_cancer_told_without_the_word_is_asked_about(said: str, asked: bool) -> None:
    screening = safety.screen(said)
    assert ("check_cancer_history" in [q.name for q in screening.questions]) is asked, said


@pytest.mark.parametrize(
    ("said", "back"),
    [
        # Session 12, written before the change: "back" as "ago" or "again" is no back pain
        # for the rules (the intake's own reading of it, shared).
        ("my PSA was high a few years back and they treated it", False),
        ("the fever came back last night", False),
        ("back in 2015 I had shingles", False),
        ("my back is killing me", True),
        ("lower back ache since monday", True),
    ],
)
def test_back_in_its_everyday_sense_is_no_back_pain(said: str, back: bool) -> None:
    assert ("back_pain" in safety.screen(said).signs) is back, said


@pytest.mark.parametrize(
    "said",
    [
        # Session 12, written before the change (outside run 23, #16's kind, new wordings): a
        # reluctant yes, or a yes whose amount is unsure, is a yes.
        "I'd say so, yes, perhaps 4 kilos since the spring",
        "suppose so. maybe half a stone",
        "yeah I reckon, about 8 pounds or so",
    ],
)
def test_a_yes_with_an_unsure_amount_is_a_yes(said: str) -> None:
    from clinic.safety import answers, screening

    question = screening.question_named("check_weight")
    assert answers.read_answer(question, said, set(), set()) == answers.YES


@pytest.mark.parametrize(
    ("said", "reading"),
    [
        # Session 12, written before the change (outside run 23, #19's kind, new wordings):
        # headaches of a kind new to the patient but steady for months have not changed.
        ("they're not like my old migraines but they've stayed the same since spring", "no"),
        ("no different since they started in march, not getting any worse", "no"),
        ("pretty stable for months now", "no"),
        ("the same type as ever, not getting worse", "no"),
        ("yes, a lot more often these last two weeks", "yes"),
    ],
)
def test_steady_headaches_have_not_changed(said: str, reading: str) -> None:
    from clinic.safety import answers, screening

    question = screening.question_named("check_headache_pattern")
    assert answers.read_answer(question, said, set(), set()) == reading


@pytest.mark.parametrize(
    ("said", "young"),
    [
        # Session 12, written before the change (outside run 23's kind, new wordings): the
        # patient's own youth is no young patient now.
        ("I had growing pains as a teenager, nothing since", False),
        ("when I was a teen I had a stress fracture in my foot", False),
        ("my 15 year old has a sore back", True),
    ],
)
def test_the_patients_own_youth_is_no_young_patient(said: str, young: bool) -> None:
    assert ("young_patient" in safety.screen(said).signs) is young, said


@pytest.mark.parametrize(
    ("said", "trauma"),
    [
        # Session 12, written before the change (outside run 23, #10's kind, new wordings): an
        # injury in a likeness is how it feels, not what happened.
        ("I ache all over like I've been hit by a bus", False),
        ("my back feels as if I'd been kicked by a horse", False),
        ("I got hit by a car on tuesday and my neck hurts", True),
    ],
)
def test_an_injury_in_a_likeness_is_no_injury(said: str, trauma: bool) -> None:
    assert ("trauma" in safety.screen(said).signs) is trauma, said


@pytest.mark.parametrize(
    ("said", "infected"),
    [
        # Session 12, written before the change (outside run 23, #17's kind, new wordings): an
        # infected spot of any kind on the skin is an infection where the needles would go.
        ("there's an ingrown hair on my shoulder blade that has gone infected", True),
        ("a bug bite on my neck got infected last week", True),
        ("my new tattoo on the lower back looks inflamed and angry", True),
        ("I had a kidney infection last month, all cleared now", False),
    ],
)
def test_an_infected_spot_of_any_kind_is_a_skin_infection(said: str, infected: bool) -> None:
    assert ("skin_infection" in safety.screen(said).contraindications) is infected, said


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        # Session 12, written before the change (outside run 23, #08's kind, new wordings):
        # going to the doctor again is no trip to the toilet.
        ("her GP saw her on monday, does she have to go again today?", None),
        ("do I need to go there tonight or can it wait?", None),
        ("I can't hold it, I have to go all the time and leak", "check_bladder"),
    ],
)
def test_going_again_to_the_doctor_is_no_toilet_question(said: str, asked: str | None) -> None:
    screening = safety.screen(said)
    bladder = [q.name for q in screening.questions if q.name == "check_bladder"]
    assert bladder == ([asked] if asked else []) or screening.flags, said


# Session 13, written before the change: "yo" as a greeting is no age.
@pytest.mark.parametrize("text", ["yo my neck is wrecked", "yo, back's been sore all week"])
def test_yo_as_a_greeting_is_no_child(text: str) -> None:
    assert "young_patient" not in [m.name for m in safety.screen(text).mentions]


def test_an_age_written_yo_is_still_a_child() -> None:
    flags = safety.screen("my 9 yo is limping since the weekend").flags
    assert flags == (safety.RedFlag("limping_child", "urgent"),)


# Session 13, written before the change (outside run 25's kinds, new wordings): after advice
# to see a doctor today, a question about something else (a medicine, the intake, a
# condition) is no question about waiting; a way to wait asked for still is.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("is it safe to have the needles with my blood thinners?", False),
        ("fine, what else do you need to know from me?", False),
        ("sure. does the needling hurt much?", False),
        ("can I just see the physio instead?", True),
        ("could this wait till monday?", True),
        ("do I honestly have to go tonight?", True),
    ],
)
def test_a_question_about_something_else_is_not_about_waiting(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


@pytest.mark.parametrize(
    "message",
    ["ok I'll try the walk-in tonight", "we'll get her to urgent care this evening"],
)
def test_care_tonight_after_urgent_advice_is_the_advice_taken(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["fracture"], "911")
    assert not reply.startswith("Please don't wait"), reply
    assert reply.startswith("Thank you"), reply


# Session 13, written before the change (outside run 25, #13's kind, new wordings):
# breathlessness told as years old is no sign of now; told as new it still is.
@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("I get breathless on hills but that's old, my cardiologist knows about it", False),
        ("short of breath walking uphill, have been for years with my heart", False),
        ("I've been short of breath since yesterday", True),
        ("I'm breathless and it's getting worse, for years it was fine", True),
    ],
)
def test_breathlessness_told_as_long_standing_is_set_aside(text: str, counted: bool) -> None:
    names = [m.name for m in safety.screen(text).mentions if not m.denied]
    assert ("breathless" in names) is counted, names


# Session 13, written before the change (outside run 25, #19's kind, new wordings): easing
# "when I stop" an activity that loads the sore muscle is asked about (does effort like
# hills or stairs bring it on?), not an emergency; with effort named it still is.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("my right shoulder blade hurts when I paddle and it eases when I stop", False),
        ("the ache by my shoulder blade comes with the rowing machine and goes when I stop", False),
        ("my left arm aches when I walk up the hill and it goes when I stop", True),
        ("jaw aches climbing the stairs, settles once I stop", True),
    ],
)
def test_easing_on_stopping_needs_effort_to_be_a_heart_sign(text: str, flagged: bool) -> None:
    screened = safety.screen(text)
    assert bool(screened.flags) is flagged, screened.flags
    if not flagged:
        assert "check_exertion" in [q.name for q in screened.questions], screened.questions


# Session 13, written before the change (outside run 25, #19's kind, new wordings): what is
# told of someone else in an answer is no part of the patient's answer; what someone else
# says of the patient still is.
@pytest.mark.parametrize(
    ("sign", "text", "is_no"),
    [
        ("saddle_numbness", "no. my husband's the one whose feet go numb sometimes, not me", True),
        ("saddle_numbness", "nope. fyi my mum may come with me, she gets dizzy sometimes", True),
        ("saddle_numbness", "no, but my wife says I've gone numb down there", False),
    ],
)
def test_what_is_told_of_someone_else_is_no_part_of_the_answer(
    sign: str, text: str, is_no: bool
) -> None:
    question = next(q for q in SCREEN_QUESTIONS["back"] if q.sign == sign)
    found = safety.screen(text)
    reading = answers.read_answer(question, text, set(found.signs), set(found.denied_signs))
    assert (reading == answers.NO) is is_no, reading


# Session 13, written before the change (outside run 25, #07's kind, new wordings): a rash
# or blisters in a band on one side is for a doctor soon, said together or later; other
# rashes on the back are not.
def test_a_band_of_pain_told_after_the_rash_is_for_a_doctor() -> None:
    flags = safety.screen(
        "the burning is only on my right, like a strip from my spine round to my front",
        known_signs={"rash"},
    ).flags
    assert safety.RedFlag("shingles", URGENT) in flags, flags


@pytest.mark.parametrize(
    "text",
    ["eczema on both elbows, really itchy", "heat rash on my back after the gym",
     "a few spots on my back, and my lower back aches on the left side"],
)  # fmt: skip
def test_other_rashes_are_no_shingles(text: str) -> None:
    assert all(f.code != "shingles" for f in safety.screen(text).flags)


# Session 13, written before the change (outside run 25, #04 and #17's kinds): a checklist
# line and a screen question that cannot apply to this patient are not asked.
def test_pregnancy_is_not_asked_of_a_patient_65_or_over() -> None:
    assert "pregnancy" not in contraindications.checklist([], signs=["aged_65_plus"])
    assert "pregnancy" in contraindications.checklist([])


def test_new_since_fifty_is_not_asked_of_a_teenager() -> None:
    asked = safety.screen_questions("head", None, said=["headache", "young_patient"], denied=[])
    assert "headache_new_after_50" not in [q.name for q in asked]
    asked = safety.screen_questions("head", None, said=["headache"], denied=[])
    assert "headache_new_after_50" in [q.name for q in asked]


# Session 13, written before the change (outside run 26, #13's kind): a long flight said in
# hours is long travel; a short one is not.
@pytest.mark.parametrize(
    ("text", "travel"),
    [("14 hr flight home last week", True), ("got in from a 9 hour drive on sunday", True),
     ("it was only a 1 hour flight", False)],
)  # fmt: skip
def test_a_long_journey_said_in_hours(text: str, travel: bool) -> None:
    names = [m.name for m in safety.screen(text).mentions if not m.denied]
    assert ("long_travel" in names) is travel, names


# Session 13, written before the change (outside run 26, #07's kind, new wordings).
def test_what_others_might_think_is_no_sign() -> None:
    text = "please don't let them think I've got chest pain, it's only my upper back"
    assert "chest_pain" not in [m.name for m in safety.screen(text).mentions if not m.denied]


# Session 17, written before the change: what the patient thinks they have is theirs
# ("I think I have numbness around my bottom" raised nothing, not even a question); only
# what others might think is not (above).
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I think I have numbness around my bottom since yesterday", "cauda_equina"),
        ("think i have a temperature and my neck is stiff as anything", "meningitis_signs"),
        ("i think its my bladder, it won't empty properly", "cauda_equina"),
        ("I think I've got a fever, my back is killing me", "infection"),
    ],
)
def test_what_the_patient_thinks_they_have_counts(text: str, code: str) -> None:
    screening = safety.screen(text)
    flagged = code in [flag.code for flag in screening.flags]
    asked = any(
        code in [flag.code for flag in safety.red_flags_for({question.sign})]
        for question in screening.questions
    )
    assert flagged or asked, text


def test_what_others_might_be_led_to_think_is_no_sign() -> None:
    for text in (
        "I don't want people thinking I've got chest pain, it's just between my shoulders",
        "don't want you to think it's my bladder, it's only my back that aches",
    ):
        assert safety.screen(text).flags == (), text


# Session 13, written before the change (outside runs 25 and 26, #20 and #16's kinds, new
# wordings): a joint replacement in everyday words is an implant.
@pytest.mark.parametrize(
    "text",
    ["is it ok with an artificial hip?", "my knee was replaced in 2021", "I've a metal shoulder"],
)
def test_a_joint_replacement_in_everyday_words_is_an_implant(text: str) -> None:
    names = [m.name for m in safety.screen(text).mentions if not m.denied]
    assert "implant_near_site" in names, names


def test_a_joint_replacement_gets_the_joint_answer_not_the_pacemakers() -> None:
    text = contraindications.precaution("implant_near_site", "is it ok with an artificial hip?")
    assert "joint replacement" in text and "pacemaker" not in text
    text = contraindications.precaution("implant_near_site", "I have a pacemaker")
    assert "pacemaker" in text


# Session 13, written before the change (outside run 27, #05: a regression from session
# 12's likeness cue): a likeness makes only the injury in it no injury; a worst-ever
# headache said beside it is still an emergency.
@pytest.mark.parametrize(
    "said",
    [
        "felt like someone smacked me on the head with a pan, worst headache I've ever had",
        "it's like I was punched in the back of the skull, the worst headache of my life",
        "at the gym it felt like I got whacked with a brick, worst headache I've ever had",
        "as if I had walked into a wall, then the worst headache of my life came on",
    ],
)
def test_a_likeness_leaves_the_worst_headache_standing(said: str) -> None:
    assert safety.RedFlag("thunderclap_headache", EMERGENCY) in safety.screen(said).flags
    assert "trauma" not in safety.screen(said).signs


# Session 13, written before the change (outside run 27, #09's kind, new wordings).
def test_a_calf_cramp_after_a_long_flight_is_for_a_doctor_today() -> None:
    text = "got a cramp in my right calf that won't shift since the 11 hour flight home"
    assert safety.RedFlag("dvt", URGENT) in safety.screen(text).flags


def test_no_only_the_calf_denies_nothing() -> None:
    mentions = safety.screen("no, only the calf. it's a bit swollen and warm").mentions
    assert "calf" not in [m.name for m in mentions if m.denied]


# Session 16, written before the change (outside run 34: "if it's better I can come
# monday" and "it hasn't eased" were each answered "I'm glad it has eased").
@pytest.mark.parametrize(
    ("message", "eased"),
    [
        ("what if i take some paracetamol and it gets better, can i come tomorrow?", False),
        ("it hasn't eased at all", False),
        ("it's not any better", False),
        ("hopefully it settles by tonight", False),
        ("it's gone now actually, I feel fine", True),
        ("it has settled a lot since this morning", True),
        # Session 25, written before the change (outside run 65 p06: "my heart doc said im
        # fine. just book me" was answered "I'm glad it has eased"): a doctor's word from
        # before, or a brush-off, tells no easing.
        ("my cardiologist told me I'm fine last spring, just book me in", False),
        ("honestly I'm fine, it's muscular, stop fussing", False),
    ],
)
def test_only_a_sign_that_eased_is_told_it_still_needs_checking(message: str, eased: bool) -> None:
    reply = advice.emergency_follow_up(message, ["thunderclap_headache"], "911", "988")
    assert ("glad it has eased" in reply) is eased
    assert "call 911 now" in reply
    assert "today" not in reply  # an emergency is not softened to a check today


# Session 25, written before the change (outside run 66 p08: after a fall onto the head and
# tingling in both hands, "does the tingly hands thing matter?", "u didnt answer about my
# hands" and "should i keep my neck still?" got the advice alone). The reason is the signs
# held, asked again or as "does it matter"; keeping the neck still is answered. My words.
@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("is the pins and needles in my fingers important?", "both hands"),
        ("does the numb hands bit matter though", "both hands"),
        ("you never answered about my hands", "both hands"),
        ("ok ambulance called. should I try not to move my head?", "still"),
    ],
)
def test_after_a_knock_to_the_neck_the_hands_and_keeping_still_are_answered(
    message: str, says: str
) -> None:
    reply = advice.emergency_follow_up(
        message,
        ["fracture"],
        "911",
        "988",
        repeats=2,
        signs=["trauma", "neck_pain", "both_hands_nerve"],
    )
    assert says in reply, reply
    assert "911" in reply


# Session 25, written before the change (outside run 66 p05: after saddle numbness alone,
# the push-back's advice named "changes in bladder or bowel control, or symptoms in both
# legs"; run 65 p08 the same of a headache's whole kind). The signs held are named.
def test_the_advice_after_push_back_names_only_the_signs_held() -> None:
    reply = advice.emergency_follow_up(
        "that's overkill, I'll see you tomorrow",
        ["cauda_equina"],
        "911",
        "988",
        signs=["saddle_numbness"],
    )
    assert "numbness around your bottom" in reply
    assert "both legs" not in reply and "bladder" not in reply, reply


# Session 16, written before the change (outside run 34: "Just to double check: my
# appointment is still Tuesday?" was asked the stroke question).
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("just to double check, my appointment is still on tuesday at 9?", False),
        ("can I double-check the time with you", False),
        ("I keep seeing double since this morning", True),
        ("my vision went double for a few minutes with the headache", True),
    ],
)
def test_double_checking_is_not_seeing_double(text: str, asked: bool) -> None:
    screening = safety.screen(text)
    touched = bool(screening.questions or screening.flags) or any(
        m.name == "vision_trouble" and not m.denied for m in screening.mentions
    )
    assert touched is asked


def test_signs_someone_else_has_now_are_kept_apart_for_the_chat_to_count() -> None:
    # Session 16 (outside run 35): a relative's account, with the writer's own "I figured".
    text = (
        "not that I know of. he wet himself twice and he can't feel it when he wipes, "
        "I figured it was age"
    )
    screening = safety.screen(text)
    assert not screening.flags  # the writer speaks for self here...
    assert {"saddle_numbness", "bladder_or_bowel_control"} <= {m.name for m in screening.others}
    # ...and a sign denied for them is none of theirs.
    assert not safety.screen("I think he's fine, he has no numbness when he wipes").others
    assert safety.writes_for_another("Hi, I'm asking for my dad who is 74")


# Session 16, written before the change (outside run 36: "can someone call me back about
# my dad's back? He's 73" did not read as writing for another, and his signs, told with
# "he says", were set aside while the call was set up).
@pytest.mark.parametrize(
    ("text", "for_another"),
    [
        ("can someone call me back about my dad's back? He's 73", True),
        ("I'm typing this for him, he hates computers", True),
        ("hi, it's regarding my mother, her neck is bad", True),
        ("my husband hates typing so I'm doing this for him", True),
        ("my back hurts since I lifted my son", False),
        ("my wife says I should get my neck looked at", False),
        # Session 21, written before the change (found checking run 54 p06b in my own
        # words: "I want to book my grandad in for his neck" was asked "do you have...").
        ("I want to book my grandad in for his neck, he's 81", True),
        ("can I get my mum seen for her back pain", True),
        ("I'd like to book in, my husband says my posture is awful", False),
    ],
)
def test_a_writer_for_another_in_other_words(text: str, for_another: bool) -> None:
    assert safety.writes_for_another(text) is for_another


def test_the_advice_names_the_kind_of_warning_sign_not_what_was_said() -> None:
    """Session 17, written before the change (outside run 37: "both legs" got "What you
    describe (numbness around your bottom...)"; the patient had said nothing of it)."""
    emergency = advice.red_flag_advice(EMERGENCY, ["cauda_equina"], "112", "988")
    assert "one of the warning signs: numbness around your bottom" in emergency
    assert "What you describe (numbness" not in emergency
    urgent = advice.red_flag_advice(URGENT, ["fracture"], "112", "988")
    assert urgent.startswith("What you describe (one of the warning signs: pain after a fall")
    follow = advice.urgent_follow_up("is it serious?", ["fracture"], "112")
    assert "What you described (pain" not in follow


# Session 17, written before the change (outside run 37: "Can I drive him, yes or no?"
# got the advice block again; the same paragraph followed every message, "OK. My wife will
# call 911" too).
@pytest.mark.parametrize(
    ("message", "code", "words"),
    [
        ("is it ok if I drive her in myself?", "cauda_equina", "someone else driving"),
        ("my brother can take me in his car, is that alright", "progressive_weakness", "driving"),
        ("can my husband drive me to the hospital?", "cardiac", "ambulance"),
        ("should we get an uber or wait for an ambulance", "stroke_signs", "ambulance"),
        ("I'll just drive him over now", "thunderclap_headache", "ambulance"),
    ],
)
def test_after_emergency_advice_how_to_get_there_is_answered(
    message: str, code: str, words: str
) -> None:
    reply = advice.emergency_follow_up(message, [code], "911", "988", repeats=1)
    assert words in reply and "911" in reply, reply
    assert "can't book" not in reply


def test_emergency_follow_ups_do_not_repeat_the_same_paragraph() -> None:
    said = [
        advice.emergency_follow_up(text, ["cauda_equina"], "911", "988", "(212) 555-0100", n)
        for n, text in enumerate(
            ["what", "hmm ok", "my back is a 7 now", "i still think it's muscular", "lol"]
        )
    ]
    for n, reply in enumerate(said):
        assert "911" in reply
        assert reply not in said[max(0, n - 3) : n], (n, reply)
    assert sum("can't book" in reply for reply in said) == 1
    taken = advice.emergency_follow_up(
        "ok, my son is ringing them now. thanks", ["cardiac"], "911", "988", "(212) 555-0100", 3
    )
    assert "can't book" not in taken and "911" in taken


# Session 17, written before the change (outside run 37: "can I bring my daughter along?
# She's 8..." made the 52-year-old writer "a patient under 18"): a child who comes along
# is a companion; a child brought in for their own pain is the patient.
@pytest.mark.parametrize(
    ("text", "young"),
    [
        ("is it ok if my son comes along to my appointment? he's 7, nobody can mind him", False),
        ("my 9 year old would have to tag along, is that alright?", False),
        ("I've no childcare on Tuesdays, can I bring the baby? she's 10 months", False),
        ("can I bring my son in for his back? he's 14 and plays rugby", True),
        ("my daughter is 15 and has back pain", True),
    ],
)
def test_a_child_who_comes_along_is_no_young_patient(text: str, young: bool) -> None:
    names = [m.name for m in safety.screen(text).mentions if not m.denied]
    assert ("under_18" in names) is young, names


# Session 17, written before the change (outside run 38: after emergency advice "is it my
# heart? And the aspirin?" was taken as taking an answer back; "nobody drive me, i live
# alone. bus is ok or no?" got "someone else driving is fine" twice; "they help me if i
# dont have money?" was not answered).
@pytest.mark.parametrize(
    ("message", "code", "words"),
    [
        ("so is this my heart then??", "cardiac", "can't tell you what it is"),
        ("is it a stroke, is that what you're saying", "stroke_signs", "can't tell you what it is"),
        ("should i chew an aspirin or something first", "cardiac", "aspirin"),
        ("can I take a painkiller before I go?", "cauda_equina", "call handler"),
        ("i've got no car and nobody to take me. can i get the train?", "cauda_equina", "taxi"),
        ("there's no one here to drive me, I'm on my own", "progressive_weakness", "taxi"),
        ("what if I can't afford the hospital", "cauda_equina", "whether or not you can pay"),
        (
            "I don't have insurance, will they still see me?",
            "cardiac",
            "whether or not you can pay",
        ),
    ],
)
def test_practical_questions_after_emergency_advice_are_answered(
    message: str, code: str, words: str
) -> None:
    reply = advice.emergency_follow_up(message, [code], "911", "988", repeats=1)
    assert words in reply and "911" in reply, reply


def test_a_question_back_is_no_taking_back() -> None:
    assert not answers.disputes("You didn't say, is it my heart? And the aspirin?")
    assert not answers.disputes("u didnt say the price")
    assert answers.disputes("I didn't say sudden, it came on over a day")


# Session 17, written before the change (outside run 39, unsafe: an 81-year-old on Eliquis
# who "bumped the back of her head on the step when she fell" and was "more sleepy than
# usual", then "really hard to keep awake", stayed at "a doctor today"). NICE NG232: a head
# injury with drowsiness, or on blood thinners, is the emergency department now.
@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("he knocked the side of his head on the kitchen counter when he went down", set()),
        ("since she banged her head she's been really drowsy", set()),
        ("dad's very sleepy since the fall, he cracked the back of his head on the floor", set()),
        ("she's so hard to keep awake now", {"head_injury"}),
        ("grandad took a tumble and hit his head", {"on_blood_thinners"}),
    ],
)
def test_a_head_injury_with_drowsiness_or_on_blood_thinners_is_an_emergency(
    text: str, known: set[str]
) -> None:
    screening = safety.screen(text, known_signs=known)
    names = {m.name for m in screening.mentions if not m.denied} | known
    assert "head_injury" in names, names
    if known or "drows" in text or "sleepy" in text:
        assert screening.level == EMERGENCY, text
        assert "head_injury" in [flag.code for flag in screening.flags]


def test_drowsy_alone_is_no_emergency() -> None:
    assert safety.screen("the tablets make me a bit drowsy, my back is still sore").level != (
        EMERGENCY
    )


def test_a_fall_on_blood_thinners_asks_about_a_knock_to_the_head() -> None:
    """Session 17, written before the change (outside run 39: a fall on Eliquis was never
    asked about the head): the question is one of the fall's, asked where blood thinners
    are known (its `where`)."""
    screening = safety.screen("mum slipped on the ice yesterday and her hip is sore")
    asked = [q for q in screening.questions if q.name == "check_head_knock"]
    assert asked and asked[0].where == ("on_blood_thinners",)
    assert safety.triage_level(safety.red_flags_for({"head_injury", "on_blood_thinners"})) == (
        EMERGENCY
    )


# Session 17, written before the change (outside run 39: a burning band "around toward my
# ribs like a belt" with "red bumps" was never sent to a doctor).
@pytest.mark.parametrize(
    "text",
    [
        "burning pain from my spine that wraps round to the front of my ribs on the left, "
        "and now some little red bumps",
        "on one side it goes around towards my belly like a strap. the skin's come up in red spots",
    ],
)
def test_shingles_in_everyday_words_goes_to_a_doctor_today(text: str) -> None:
    screening = safety.screen(text)
    assert "shingles" in [flag.code for flag in screening.flags], text


# Session 17, written before the change (outside run 40: "i already said no. its not when
# i walk its all the time" was read as pain that walking brings on, and sent a man with
# shingles to 911).
@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("its not when i walk its all the time", True),
        ("it does not come on when I climb the stairs", True),
        ("never when I'm walking, it's there all day", True),
        ("it comes on when I walk up a hill, not at rest", False),
        ("I don't know, mostly when I walk uphill", False),
        # ...but "not just when" and "except when" say it does (review, before the change).
        ("it's not just when I walk, it's worse then", False),
        ("it doesn't hurt except when I climb the stairs", False),
    ],
)
def test_a_condition_said_not_to_bring_it_on_is_denied(text: str, denied: bool) -> None:
    found = [m for m in safety.screen(text).mentions if m.name == "comes_on_exertion"]
    assert found and all(m.denied is denied for m in found), found


def test_a_car_is_no_sign_disputed() -> None:
    """Outside run 40: "i dont have a car" after a yes to saddle numbness was read as
    disputing it, and the question asked again with a No button."""
    assert not answers.disputes("i dont have a car and my gf is at work. how do i get there")
    assert not answers.disputes("I don't have any money for the hospital")
    assert answers.disputes("I don't have a fever, I never said that")


# Session 33, written before the change (outside run 101 p04: "I have no insurance,
# emergency is very expensive. I can wait to see physio this week?" got the advice alone,
# never a word on the cost). The hospital's cost named beside the physio is still answered.
@pytest.mark.parametrize(
    "message",
    [
        "the ER is too expensive for us, no insurance. can he just see the physio friday?",
        "no insurance here and a hospital bill would ruin me, cant i book the needling instead",
    ],
)
def test_the_hospitals_cost_beside_the_physio_is_answered(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", "(212) 555-0100", 1)
    assert "whether or not you can pay" in reply
    assert "911" in reply


# Session 33, written before the change (outside run 102 p06: "For later, roughly what do
# sessions cost?" under emergency advice got the emergency department's costs).
def test_after_emergency_advice_a_sessions_price_is_the_clinics() -> None:
    reply = advice.emergency_follow_up(
        "ok. and for afterwards, what do your sessions usually cost?",
        ["thunderclap_headache"], "911", "988", "(212) 555-0100", 1,
    )  # fmt: skip
    assert "whether or not you can pay" not in reply and "(212) 555-0100" in reply


def test_after_emergency_advice_the_physios_price_is_no_hospital_cost() -> None:
    """Outside run 40: "How much cost the treatment after consultation?" got the emergency
    department's costs; it asks about the physiotherapy after."""
    reply = advice.emergency_follow_up(
        "how much does the treatment cost after the consultation?",
        ["cauda_equina"],
        "911",
        "988",
        "(212) 555-0100",
        2,
    )
    assert "whether or not you can pay" not in reply and "(212) 555-0100" in reply
    assert "911" in reply


def test_being_able_to_walk_is_no_question_of_how_to_get_there() -> None:
    """Review: "walk" anywhere was read as nobody to drive ("I can walk fine")."""
    reply = advice.emergency_follow_up(
        "I can walk fine though", ["cauda_equina"], "911", "988", repeats=1
    )
    assert "taxi" not in reply and "911" in reply
    walking = advice.emergency_follow_up(
        "can I walk there? it's close", ["cauda_equina"], "911", "988", repeats=1
    )
    assert "taxi" in walking


# Session 18 (outside run 40 p04: "No, not serious, only normal fall on grass" to the
# serious-accident question sent a footballer to 911). The fall itself raises the doctor
# today that the neck's fall question already raised; only what a yes would add (the
# emergency department) is what the question guards. Written before the change, own words.
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("no, I only slipped on the ice in the car park", answers.NO),
        ("nope just tripped over the dog at home and fell", answers.NO),
        ("no, a small tumble playing rugby, I landed on my shoulder", answers.NO),
        ("No. Just an ordinary fall. Oh and I got the side wrong, it's the right one", answers.NO),
        ("yes, I came off my motorbike on the motorway", answers.YES),
        ("yes we went off the road in the car", answers.YES),
        ("I fell down the whole flight of stairs", answers.YES),
    ],
)
def test_an_ordinary_fall_is_no_to_the_serious_accident_question(text: str, reading: str) -> None:
    question = safety.question_named("neck_major_trauma")
    found = safety.screen(text)
    assert answers.read_answer(question, text, set(found.signs), set(found.denied_signs)) == reading


def test_the_headache_over_50_is_still_raised_by_the_age_in_the_answer() -> None:
    question = safety.question_named("headache_new_after_50")
    said = "never had them before this spring, I'm 63"
    found = safety.screen(said)
    reading = answers.read_answer(question, said, set(found.signs), set(found.denied_signs))
    assert reading == answers.YES


# Session 18: "never had them before this year, I'm 57" to "are these headaches new since
# you turned 50?" was read as a no (its "never"), and "never had headaches until this
# autumn" as headaches denied. Something absent until a time is something there since.
@pytest.mark.parametrize(
    ("question", "text", "reading"),
    [
        ("headache_new_after_50", "never had them before this spring, I'm 63", answers.YES),
        ("headache_new_after_50", "I didn't get headaches until a few months ago", answers.YES),
        ("headache_new_after_50", "honestly I never used to get them before", answers.YES),
        ("headache_new_after_50", "no, I've had them since before I was 50", answers.NO),
        ("headache_new_after_50", "no, had them on and off for 30 years", answers.NO),
        ("check_saddle", "not until this morning", answers.YES),
        # Session 32 (outside run 95 p08: "No, as I said. Her oncologist appointment isn't
        # until January" to the heart's question sent her to 911): an appointment still to
        # come tells of no sign. My wordings.
        ("check_saddle", "no. his next scan isn't till march though", answers.NO),
        ("check_saddle", "no, we can't see the doctor until next week", answers.NO),
        ("check_saddle", "no, I've never had that before", answers.NO),
    ],
)
def test_absent_until_lately_is_there_now(question: str, text: str, reading: str) -> None:
    asked = safety.question_named(question)
    found = safety.screen(text)
    assert answers.read_answer(asked, text, set(found.signs), set(found.denied_signs)) == reading


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I never had any numbness down below until this morning", "saddle_numbness"),
        ("didn't have headaches till I turned 60, now every day", "headache"),
    ],
)
def test_a_finding_denied_until_a_time_is_said(text: str, sign: str) -> None:
    found = safety.screen(text)
    assert sign in found.signs and sign not in found.denied_signs


# Session 18 (outside run 41 p02: "I'll try and drag him to the urgent care this afternoon.
# Can we book for after, like next Saturday morning?" was told not to leave the doctor
# until then): the later day is the booking's; only a doctor's visit put off is.
@pytest.mark.parametrize(
    ("message", "later"),
    [
        (
            "Ok I'll try and drag him to the urgent care on Route 9 this afternoon. "
            "Can we book for after, like next Saturday morning?",
            False,
        ),
        ("yes please, Friday morning if you can? The earliest my GP can do is Tuesday", True),
        ("book me for thursday, I'm seeing the doctor on monday", True),
        ("we're off to the walk-in now, and friday at 2 for the physio please", False),
    ],
)
def test_only_a_doctor_put_off_is_care_planned_later(message: str, later: bool) -> None:
    assert advice.plans_care_later(message) is later


# Session 18 (outside run 41 p08: "Sam Rivera. when will they call? today?" while the
# call-back took his details got "Yes, today, please" and lost the name): when the clinic
# calls is the call-back's question, not one about waiting for the doctor.
@pytest.mark.parametrize(
    "message",
    ["Sam Rivera. when will they call? today?", "will someone ring me back today?",
     "what time will the clinic phone me?"],
)  # fmt: skip
def test_when_the_clinic_calls_is_no_question_about_waiting(message: str) -> None:
    assert advice.asks_about_waiting(message) is False


# Session 18 (outside run 41 p05: "Can I play pickleball tomorrow or not?" got "Yes, today,
# please"): only a question whether the doctor must be today is answered "yes, today".
@pytest.mark.parametrize(
    ("message", "yes_today"),
    [
        ("can it wait till monday?", False),  # "yes" would read as yes to waiting
        ("does he really have to be seen today??", True),
        ("Can I play pickleball tomorrow or not?", False),
        ("should I take ibuprofen tonight?", False),
    ],
)
def test_yes_today_answers_only_whether_it_must_be_today(message: str, yes_today: bool) -> None:
    reply = advice.urgent_follow_up(message, ["giant_cell_arteritis"], "911")
    assert reply.startswith("Yes, today") is yes_today


# Session 18 (outside run 41 p05: a possible inflamed artery was never told that a change
# in sight is the emergency department): the advice names what turns it into one.
def test_urgent_advice_names_what_makes_it_an_emergency() -> None:
    said = advice.red_flag_advice("urgent", ["giant_cell_arteritis"], "911", "988")
    assert "sight changes" in said and "call 911" in said
    plain = advice.red_flag_advice("urgent", ["fracture"], "911", "988")
    assert "If it gets worse quickly, call 911." in plain


# Session 18, written before the change (outside run 41 p07: "None of those (she's 15!)"
# took "a patient under 18" off the list): a denial does not reach into a parenthesis.
def test_a_denial_stops_at_a_parenthesis() -> None:
    from clinic.safety.screening import read

    said = read("None of those (she's 15!). She hates needles though")
    assert not [m for m in said if m.name == "under_18" and m.denied]


# Session 18: leave taken in so many words ends the turn after an answer; words that may be
# part of an answer do not.
@pytest.mark.parametrize(
    ("text", "leaves"),
    [("5. got to run now, bye", True), ("no. im going to urgent care, bye", True),
     ("worse later in the day", False), ("that's all the info I have, it's 6", False),
     ("no. I have to go to the toilet a lot more though", False), ("6, I have to go now", True)],
)  # fmt: skip
def test_leave_taken_in_so_many_words(text: str, leaves: bool) -> None:
    assert answers.takes_leave(text) is leaves


# Session 18, written before the change (outside runs 39, 41 and 42: a teenager's tackle, a
# walking-speed slip off a bike, a knee in the buttock three weeks ago, each sent to a doctor
# today). A spinal or limb fracture is a red flag after significant trauma, or after a minor
# one at 50 or over, with thin bones or steroids (NICE CKS low back pain; the Canadian
# C-spine rule for the neck, which keeps its own rules): a minor knock asks which it was.
@pytest.mark.parametrize(
    ("text", "flagged", "asked"),
    [
        ("tripped over the dog yesterday and my lower back aches, I'm 28", False, True),
        ("fell off the sofa on tuesday, my wrist hurts, I'm 30", False, True),
        ("I'm 72 and I tripped over the dog yesterday, my lower back aches", True, False),
        ("I have osteoporosis and I slipped in the kitchen, my hip hurts", True, False),
        ("got knocked off my bike by a van on monday and my back hurts", True, False),
        ("slipped on ice and now I can't put any weight on my ankle", True, False),
    ],
)
def test_a_minor_knock_asks_how_it_happened(text: str, flagged: bool, asked: bool) -> None:
    found = safety.screen(text)
    assert (safety.RedFlag("fracture", "urgent") in found.flags) is flagged, found.flags
    assert ("check_fall_how" in [q.name for q in found.questions]) is asked


@pytest.mark.parametrize(("answer", "flagged"), [("yes", True), ("no, just a trip", False)])
def test_a_yes_to_how_it_happened_is_a_doctor_today(answer: str, flagged: bool) -> None:
    question = safety.question_named("check_fall_how")
    found = safety.screen(answer)
    reading = answers.read_answer(question, answer, set(found.signs), set(found.denied_signs))
    said = {"trauma", "back_pain"} | ({question.sign} if reading == answers.YES else set())
    assert bool(safety.red_flags_for(said)) is flagged


def test_the_fall_question_follows_a_yes_to_the_fall_in_the_back_screen() -> None:
    before = [q.name for q in safety.screen_questions("lower_back", None, [], [])]
    after = [q.name for q in safety.screen_questions("lower_back", None, ["trauma"], [])]
    assert "check_fall_how" not in before and after[0] == "check_fall_how"


# Session 18, written before the change (outside run 42 p05: "Urgent care or ER? And
# Tylenol ok?", asked three times after "a doctor today", got the advice again and then
# "I don't know"): where to go and an everyday painkiller are answered.
@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("should we go to urgent care or the ER?", "urgent care clinic"),
        ("so where do I take him?", "urgent care clinic"),
        ("can she take her tylenol meanwhile?", "painkillers"),
        ("is ibuprofen ok until then?", "painkillers"),
    ],
)
def test_where_to_go_and_painkillers_are_answered_after_urgent_advice(
    message: str, words: str
) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1)
    assert words in reply and "today" in reply, reply
    assert advice.asks_about_waiting(message)


# Session 18, written before the change (outside runs 41 p04 and 43 p03: "What I must say to
# them in hospital?", "what do i tell them at the desk" got the advice alone, twice).
@pytest.mark.parametrize(
    "message", ["what should I say when I get there?", "and what do we tell them at reception"]
)
def test_what_to_tell_the_emergency_department_is_answered(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988")
    assert "Tell them" in reply and "medicines" in reply and "911" in reply, reply


# Session 18, written before the change (outside run 43 p08, unsafe: a 58-year-old with
# arm pain that stairs bring on and rest settles "had it this morning just sitting having
# coffee for like 15 min, went away tho" stayed at a doctor today). Effort pain of the arm,
# jaw or back that also comes at rest is the emergency department (clinical facts: "emergency
# if it comes at rest"), and an episode earlier today still counts after it went away.
def test_effort_pain_that_also_came_at_rest_is_an_emergency() -> None:
    said = {"arm_or_jaw_place", "comes_on_exertion", "eases_with_rest", "at_rest"}
    assert safety.RedFlag("cardiac", "emergency") in safety.red_flags_for(said)
    said_so = "my left arm aches when I climb stairs, and it came on while I was just sitting"
    found = safety.screen(f"{said_so} this morning")
    assert found.level == "emergency", found.signs


@pytest.mark.parametrize(
    "text",
    [
        "had it this morning just sitting having coffee for like 15 min, went away tho",
        "it came on an hour ago while I was lying down, gone now",
    ],
)
def test_an_episode_earlier_today_still_counts_after_it_went_away(text: str) -> None:
    assert "at_rest" in safety.screen(text).signs


def test_an_episode_long_ago_is_still_over() -> None:
    assert (
        "at_rest" not in safety.screen("years ago it used to come on just sitting, long gone").signs
    )


# Session 22, written before the change (outside run 57 p08: "Pregnancy?? She's 14 and not
# pregnant" held a pregnancy, and the advice sent a 14-year-old to her midwife). The word
# asked back alone is no precaution told.
@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Pregnancy?? She's 14 and not pregnant.", False),
        ("Warfarin? no, he takes nothing like that", False),
        ("pregnancy? yes, 12 weeks", True),
        ("I'm pregnant?", True),
    ],
)
def test_a_precaution_asked_back_is_not_told(text: str, pregnant: bool) -> None:
    held = set(safety.screen(text).contraindications)
    assert bool(held & {"pregnancy", "anticoagulants"}) is pregnant, held


# Session 22, written before the change (outside run 57 p01: "Should I go to the emergency
# room?" at night, with a leg getting weaker after a fall, got "An urgent care clinic... is
# the right place"). Asked whether to go, the emergency department is never talked down.
@pytest.mark.parametrize(
    "message",
    ["Should I go to the emergency room?", "is it a hospital job then?", "do we just go to A&E"],
)
def test_asked_whether_to_go_to_the_emergency_department_the_answer_is_yes(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["neuro_deficit"], "911", repeats=1)
    assert "Yes, the emergency department" in reply and "urgent care clinic, or" not in reply


def test_where_to_go_for_the_heart_is_not_urgent_care() -> None:
    # Session 18 (outside run 43 p08: "urgent care or ER?" with effort pain in the arm got
    # "An urgent care clinic... is the right place").
    reply = advice.urgent_follow_up("urgent care or ER?", ["cardiac"], "911", repeats=1)
    assert "emergency department rather than an urgent care clinic" in reply


# Session 18, written before the change (outside runs 41 p02 and 43 p02: "since the fall
# like autumn", "ever since I redid all my garden beds in the fall": the season read as a
# fall, then the fall question and a doctor today for a 71-year-old who never fell).
@pytest.mark.parametrize(
    ("text", "fell"),
    [
        ("my back has ached since I dug the garden in the fall", False),
        ("we moved house in the fall and my neck has been stiff since", False),
        ("I hurt my back in a fall at work", True),
        ("she broke her wrist in the fall last week", True),
    ],
)
def test_in_the_fall_is_the_season(text: str, fell: bool) -> None:
    assert ("trauma" in safety.screen(text).signs) is fell


# Session 18, written before the change (outside run 43 p04: 22 weeks pregnant with
# headaches, asked nothing about pre-eclampsia until she told of swelling and "little
# lights" herself). Pregnancy with headaches asks about sight and swelling (NICE NG133).
@pytest.mark.parametrize(
    ("text", "known", "question"),
    [
        ("also I must say, I am pregnant, 22 weeks", {"headache"}, "check_pre_eclampsia"),
    ],
)
def test_pregnancy_with_headaches_asks_about_sight_and_swelling(
    text: str, known: set[str], question: str
) -> None:
    asked = [q.name for q in safety.screen(text, known_signs=known).questions]
    assert question in asked, asked
    assert safety.RedFlag("pre_eclampsia", "emergency") in safety.red_flags_for(
        {"pregnant_now", "headache", safety.question_named(question).sign}
    )


# Session 19, written before the change (outside run 44 p03: a knee that "feels wobbly n
# kinda gives out on stairs" after a tackle raised "unsteady walking", the spinal cord's
# sign; "it swelled up rly fast that nite" of the knee in the intake asked nothing). My own
# wordings: a joint that gives way is the joint's, not the gait's.
@pytest.mark.parametrize(
    "text",
    [
        "i can get about on it but the ankle feels wobbly and sometimes gives way",
        "when I walk my knee feels wobbly",
        "i can walk on it but it goes wobbly on hills",
        "my knee keeps giving way when I walk",
    ],
)
def test_a_joint_that_gives_way_is_not_unsteady_walking(text: str) -> None:
    assert "unsteady_walking" not in safety.screen(text).signs


@pytest.mark.parametrize(
    "text",
    [
        "I've been unsteady on my feet when I walk, like I'm drunk",
        "my walking has got wobbly and I keep dropping things",
    ],
)
def test_unsteady_walking_is_still_read(text: str) -> None:
    assert "unsteady_walking" in safety.screen(text).signs


@pytest.mark.parametrize(
    "text",
    [
        "took a hit in basketball on tuesday and it blew up like a balloon within an hour",
        "it swelled really quickly after I twisted it",
    ],
)
def test_swelling_said_of_a_knee_known_from_the_intake_asks_the_knee_question(text: str) -> None:
    asked = [q for q in safety.screen(text, known_signs={"knee_place"}).questions]
    assert any(q.sign == "knee_warning" and q.where == ("knee_place",) for q in asked), asked
    assert safety.RedFlag("acute_knee_injury", "urgent") in safety.red_flags_for({"knee_warning"})


# Session 19, written before the change (outside run 44 p05: 22 weeks pregnant with
# headaches, "sometimes leak a little when I sneeze" to the back's screen raised "headaches
# worse with coughing or straining" and a doctor today). My own wordings: a leak when
# coughing is the bladder's, not a pain made worse by the strain.
@pytest.mark.parametrize(
    ("text", "strain"),
    [
        ("I wet myself a tiny bit if I laugh too hard, since the second baby", False),
        ("a little bladder leakage whenever I cough, that's been years", False),
        ("the headache gets much worse when I cough", True),
        ("it hurts like mad every time I sneeze", True),
    ],
)
def test_a_leak_when_coughing_is_no_pain_made_worse_by_straining(text: str, strain: bool) -> None:
    assert ("cough_or_strain" in safety.screen(text).signs) is strain


# Session 19, written before the change (outside run 44 p05: a pregnant woman sent to "your
# doctor or an urgent care clinic" asked "is my midwife okay instead of a doctor?").
def test_urgent_advice_in_pregnancy_names_the_midwife_and_maternity_unit() -> None:
    said = advice.red_flag_advice("urgent", ["headache_warning_signs"], "911", "988", pregnant=True)
    assert "midwife" in said and "OB" in said and "911" in said
    assert "midwife" not in advice.red_flag_advice(
        "urgent", ["headache_warning_signs"], "911", "988"
    )


# Session 19, written before the change (outside run 44 p01: "no accident. fall as in
# autumn, raking leaves" kept the fall). Autumn or the season named with "fall" in the
# sentence says which fall is meant.
@pytest.mark.parametrize(
    ("text", "fell"),
    [
        ("my shoulder's been sore since the fall, autumn I mean, when I pruned the trees", False),
        ("sorry, by fall I meant the season, not a tumble", False),
        ("hurt my back in a fall two weeks ago, autumn leaves on the steps", True),
        ("slipped on wet autumn leaves and landed on my back", True),
    ],
)
def test_autumn_said_with_fall_is_the_season(text: str, fell: bool) -> None:
    assert ("trauma" in safety.screen(text).signs) is fell


# Session 19, written before the change (outside run 44 p01: "no accident. fall as in
# autumn... im 52 tho" to "was it a serious accident, or are you 50 or over...?" was a yes
# and a doctor today for a fall that never was). A no to the fall the question follows is
# a no, whatever age is told with it.
@pytest.mark.parametrize(
    "answer", ["I never fell, I'm 64", "no I didn't fall at all. but I am 70 if that matters"]
)
def test_the_fall_denied_in_answer_to_how_it_happened_is_a_no(answer: str) -> None:
    question = safety.question_named("check_fall_how")
    s = safety.screen(answer)
    said = {m.name for m in s.mentions if m.kind == "sign" and not m.denied}
    denied = {m.name for m in s.mentions if m.kind == "sign" and m.denied}
    assert answers.read_answer(question, answer, said, denied) == answers.NO


# Session 19, written before the change (outside run 44 p04: after "call 911 for an
# ambulance rather than going by car", "ok I call now" got "Please go now, and call 911 if it
# gets worse on the way"). An emergency the ambulance is for is never "go" on the way.
def test_the_advice_taken_keeps_the_ambulance_where_it_was_advised() -> None:
    said = advice.emergency_follow_up("okay calling them now", ["cardiac"], "911", "988", repeats=3)
    assert "on the way" not in said and "911" in said
    driven = advice.emergency_follow_up("ok going now", ["cauda_equina"], "911", "988", repeats=3)
    assert "on the way" in driven


# Session 19, written before the change (outside run 45 p06: after a doctor today, "No
# others. Two practical questions: is there parking..., and are the needles used only once?
# I worry about infection with my arm." got "Yes, it really can't wait", twice; "So,
# Wednesday afternoon please?" after "just say which day suits" got "Please go"). My words.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("ok. what should I wear to the appointment? I'm a bit worried about undressing", False),
        ("how much is it, and do you take insurance? I'm concerned about cost", False),
        ("I'm worried. is it serious?", True),
        ("do I really have to go today?", True),
        ("I'm scared, what should I do?", True),
        # Session 38, written before the change (outside run 124 v07: "None really. They
        # took a few nodes... How long does the appointment take?" got "Yes, it really can't
        # wait"). How long a visit takes is the clinic's; "really" told is no question.
        ("not really, nothing else. how long does the consultation last?", False),
        ("Nope, really nothing. And how long is a session?", False),
        ("how long can I leave it before seeing someone?", True),
    ],
)
def test_practical_questions_after_urgent_advice_are_not_about_waiting(
    message: str, about: bool
) -> None:
    assert advice.asks_about_waiting(message) is about


@pytest.mark.parametrize(
    ("message", "booked"),
    [
        ("great, thanks. Then Thursday morning please?", True),
        ("friday after 3 please", True),
        ("can I wait until Monday please?", False),
    ],
)
def test_a_day_said_with_please_after_urgent_advice_is_a_booking(
    message: str, booked: bool
) -> None:
    assert advice.wants_a_day_booked(message) is booked
    assert advice.asks_about_waiting(message) is not booked


# Session 19, written before the change (outside run 45 p03: a 79-year-old's new temple
# headache with a tired jaw when chewing, and "a bit of blurry vision in his right eye for a
# few minutes on Thursday, it went away", got a doctor today, then the emergency only when
# told again). Sight lost for minutes and back is the warning itself (amaurosis fugax; NICE
# CKS giant cell arteritis: same-day assessment, an emergency with visual symptoms).
@pytest.mark.parametrize(
    "text",
    [
        "on tuesday her vision went blurry in one eye for a couple of minutes, then it came back",
        "yesterday he lost the sight in his left eye briefly but it's fine now",
    ],
)
def test_sight_lost_for_minutes_this_week_still_counts(text: str) -> None:
    known = {"headache", "aged_50_plus", "jaw_claudication"}
    assert "vision_trouble" in safety.screen(text).signs
    assert safety.triage_level(safety.screen(text, known_signs=known).flags) == EMERGENCY


def test_sight_trouble_long_over_is_still_over() -> None:
    assert (
        "vision_trouble"
        not in safety.screen(
            "I had blurry vision once years ago after an eye operation, it went away"
        ).signs
    )


# The report's own miss, found by bisecting it: "tired" anywhere in the sentence (there, a
# jaw tired from chewing) hid the sight trouble. Tired eyes still explain blurring.
@pytest.mark.parametrize(
    ("text", "sight"),
    [
        ("her jaw gets tired when she eats, and she had blurry sight in one eye on Monday", True),
        ("my eyes go a bit blurry when I'm tired at the end of the day", False),
    ],
)
def test_a_tired_jaw_does_not_hide_sight_trouble(text: str, sight: bool) -> None:
    assert ("vision_trouble" in safety.screen(text).signs) is sight


# Session 19, written before the change (outside run 45 p03: "Should I bring anything, like
# his pill bottles?" got "Please don't take anything new"; run 44 p06's "do i need to bring
# anything" went unanswered). What to bring is answered; taking a tablet stays its own.
@pytest.mark.parametrize(
    "message", ["what should we bring with us? her tablets?", "do i need to bring anything"]
)
def test_what_to_bring_to_the_emergency_department_is_answered(message: str) -> None:
    said = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "medicines" in said and "don't take anything new" not in said


# Session 19, written before the change (outside run 44 p02: a daughter writing for her
# mother of 78 read "changes in your sight" and "don't drive yourself"). The advice speaks of
# the patient; the writer is still "you" where it means her.
def test_advice_to_a_relative_speaks_of_the_patient() -> None:
    from clinic.patient import SHE, spoken_of

    urgent = spoken_of(
        advice.red_flag_advice("urgent", ["giant_cell_arteritis"], "911", "988"), SHE
    )
    assert "her sight" in urgent and "your" not in urgent and "her doctor" in urgent
    emergency = spoken_of(advice.red_flag_advice("emergency", ["cauda_equina"], "911", "988"), SHE)
    assert "don't let her drive herself" in emergency and "yourself" not in emergency


# Session 19, written before the change (outside run 44: "They have Turkish?" (p04), "should
# I mention she's on warfarin?" (p02) and "urgent care yes or no" (p06), each asked after
# emergency advice, got the advice again and no answer). My own words.
@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("my english is bad, do they speak polish there?", "interpreter"),
        ("should we tell them he takes apixaban?", "blood thinner"),
        ("can I just go to the walk-in urgent care instead, yes or no?", "not an urgent care"),
    ],
)
def test_language_medicine_and_urgent_care_after_emergency_advice_are_answered(
    message: str, answer: str
) -> None:
    said = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=2)
    assert answer in said and "911" in said


# Session 19, written before the change (session 18's note: knocks in sport raised no fall
# or knock at all). A knock now asks how it happened (`check_fall_how`), so recall is safe
# to add; sayings that only look like a knock stay none.
@pytest.mark.parametrize(
    ("text", "knock"),
    [
        ("got tackled hard in rugby on saturday and my back hurts", True),
        ("took a knee to the thigh at football training", True),
        ("I was kicked in the lower back during a match", True),
        ("wiped out on my skateboard and landed on my hip", True),
        ("copped an elbow in the ribs at basketball", True),
        ("took a hard hit playing hockey, shoulder sore since", True),
        ("the painkillers kicked in after an hour", False),
        ("I caught a cold last week and my neck aches", False),
        ("the pain hit me out of nowhere this morning", False),
    ],
)
def test_a_knock_in_sport_is_a_knock(text: str, knock: bool) -> None:
    assert ("trauma" in safety.screen(text).signs) is knock


# Session 19, written before the change (outside run 46 p05, unsafe: a 16-year-old who
# "went head to head with another kid" with a headache, then "threw up twice... really
# sleepy", "hard to wake him", got a doctor today until his mother ticked "confusion"). NICE
# NG232: after a knock to the head, vomiting, drowsiness or a headache that is getting worse
# is the emergency department. My own words.
@pytest.mark.parametrize(
    "text",
    [
        "she clashed heads with a teammate at netball yesterday",
        "took a football to the head on saturday",
        "he banged heads with his brother while wrestling",
    ],
)
def test_a_clash_of_heads_is_a_knock_to_the_head(text: str) -> None:
    assert "head_injury" in safety.screen(text).signs


@pytest.mark.parametrize(
    "text",
    [
        "she's been sick three times since and keeps dozing off",
        "the headache has got worse since then",
        "he's very hard to rouse this afternoon",
        "she vomited this morning",
    ],
)
def test_after_a_knock_to_the_head_vomiting_drowsiness_or_a_worse_headache_is_an_emergency(
    text: str,
) -> None:
    flags = safety.screen(text, known_signs={"head_injury", "headache"}).flags
    assert safety.triage_level(flags) == EMERGENCY, flags


# Session 19, written before the change (outside run 46 p06: "ok sorry my lunch is here, need
# to go, bye!" was "You mentioned the toilet", asked twice). Leave taken past a comma.
@pytest.mark.parametrize(
    ("text", "toilet"),
    [
        ("right, have to go, speak later", False),
        ("kids are home, got to go, thanks!", False),
        ("I need to go, like, every hour at night", True),
    ],
)
def test_having_to_go_then_a_goodbye_is_no_toilet(text: str, toilet: bool) -> None:
    touched = {m.name for m in safety.screen(text).mentions if not m.denied}
    assert ("urination" in touched) is toilet, touched


# Session 19, written before the change (outside run 46 p07: "well i had breast cancer 4 yrs
# ago (left side), all clear since thank god. rest is no" had the other lines asked one by
# one, "NO. omg", "I JUST SAID NO"). A yes to one line with the rest said no denies the rest.
@pytest.mark.parametrize(
    "text",
    [
        "yes I had a fall last week, the others are a no",
        "only the cancer one, I had bowel cancer in 2018. nothing else",
        "had skin cancer removed years ago. no to the rest",
        # Session 27 (outside run 73 p08: "None of the other things" after a past cancer
        # had every line asked one by one). My own wording.
        "bowel cancer in 2015, fine since. none of the other things",
    ],
)
def test_one_line_said_and_the_rest_said_no_denies_the_rest(text: str) -> None:
    from clinic.safety import screening
    from clinic.safety.checklist import read_checklist_answer
    from clinic.safety.screening import screen_questions

    lines = screen_questions("neck", None, [], [])[:5]
    found = screening.screen(text)
    answer = read_checklist_answer(lines, text, found.signs, found.denied_signs, "affirm")
    assert answer.one_by_one == () or set(answer.one_by_one) <= {"trauma", "cancer"}, answer
    assert {"stroke_warning", "clumsy_hands", "meningitis_warning"} <= set(answer.denied), answer


# Session 19, written before the change (outside run 46 p07: "ugh fine ill call my dr
# monday. yes book me wed around 12. and u still didnt say wat to bring/wear" was read as a
# dispute: "please answer once more" and a weight question). What the assistant didn't say
# is no dispute of what the patient said.
@pytest.mark.parametrize(
    ("text", "disputes"),
    [
        ("you still haven't said and you really didn't say what to wear", False),
        ("u still didnt say if parking is free", False),
        # (run 46 p02: "And what should I wear? You never said.")
        ("and is it covered? you never said", False),
        ("I didn't say anything about my bladder", True),
        ("i never said it was sudden", True),
    ],
)
def test_what_the_assistant_did_not_say_is_no_dispute(text: str, disputes: bool) -> None:
    assert answers.disputes(text) is disputes


# Session 20, written before the change (outside run 46 p07 and two earlier runs: a cancer
# years ago, the rest said no to, was told "a history of cancer, weight loss or pain at
# night"). A flag raised by some of the signs it stands for names those alone; the cancer
# team is named as a place to call for a past cancer. My own sign sets.
@pytest.mark.parametrize(
    ("signs", "named", "not_named"),
    [
        (["cancer_history"], "history of cancer", ("weight", "at night")),
        (["losing_weight"], "weight lost without trying", ("history of cancer", "at night")),
        (["cancer_history", "night_pain"], "at night", ("weight",)),
        (["first_back_pain", "aged_50_plus"], "first back pain", ("history of cancer", "weight")),
    ],
)
def test_cancer_advice_names_only_the_signs_held(
    signs: list[str], named: str, not_named: tuple[str, ...]
) -> None:
    said = advice.red_flag_advice("urgent", ["cancer"], "911", "988", signs=signs)
    why = advice.urgent_follow_up("do I really have to go today?", ["cancer"], "911", signs=signs)
    for text in (said, why):
        assert named in text, text
        assert not any(words in text for words in not_named), text
        assert "today" in text and "911" in text


def test_cancer_advice_without_known_signs_names_them_all() -> None:
    said = advice.red_flag_advice("urgent", ["cancer"], "911", "988")
    assert "history of cancer" in said and "weight" in said and "night" in said


def test_a_past_cancer_is_sent_to_the_doctor_or_the_cancer_team() -> None:
    said = advice.red_flag_advice("urgent", ["cancer"], "911", "988", signs=["cancer_history"])
    assert "cancer team" in said and "urgent care" in said and "today" in said
    thin = advice.red_flag_advice("urgent", ["cancer"], "911", "988", signs=["losing_weight"])
    assert "cancer team" not in thin


# Session 20, written before the change (outside run 46: "why is it so urgent?" after the
# emergency advice for a knock to the head got "Yes, it really can't wait", no reason):
# every flag the advice names has its reason, given when asked why, and never a diagnosis.
@pytest.mark.parametrize(
    "code",
    sorted(set(advice.WHAT_YOU_DESCRIBED) - {"suicidal_thoughts", "possible_red_flag"}),
)
def test_every_flag_has_a_reason_when_asked_why(code: str) -> None:
    reason = advice.why(code)
    assert reason, code
    level = "emergency" if code in {"head_injury", "pre_eclampsia", "preterm_labour",
                                    "waters_breaking", "pneumothorax"} else "urgent"  # fmt: skip
    if level == "emergency":
        reply = advice.emergency_follow_up("but why is it so urgent?", [code], "911", "988")
    else:
        reply = advice.urgent_follow_up("why is it so urgent?", [code], "911")
    assert reply.startswith(reason), reply
    assert "911" in reply


# Session 20, written before the change (outside run 47: "we have three big oaks and they
# drop everything at once" was read as clumsy hands, and a woman raking leaves was sent to
# a doctor today). What things or other people do, said with them as the subject, is not
# the writer's; hands, fingers or "I" still are. My own sentences.
@pytest.mark.parametrize(
    ("text", "clumsy"),
    [
        ("our maples drop everything in one week and now my lower back aches from raking", False),
        ("we've got two toddlers and they drop everything, hence my back from picking up", False),
        # A singular noun before the verb stays the writer's ("the room is spinning" must):
        # kept as said, though the kids are someone else.
        ("the kids at my daycare drop things constantly, my low back is killing me", True),
        ("my hands have gone weak and they drop things all the time", True),
        ("my fingers are numb, they keep dropping everything", True),
        ("the new tablets make me dizzy and I drop things", True),
        ("I keep dropping cups, my neck is stiff", True),
    ],
)
def test_things_others_drop_are_not_clumsy_hands(text: str, clumsy: bool) -> None:
    assert ("clumsy_hands" in safety.screen(text).signs) is clumsy


# Session 20, written before the change (outside run 47 p05, unsafe: "he's lost a lot of
# weight, his pants are practically falling off and he's not dieting. And the back wakes him
# up every night" raised a fall, and neither the weight lost nor the night pain). A reason
# said not to be ("not dieting") explains nothing away; what clothes do is no fall; pain
# that wakes someone every night is night pain. My own sentences.
@pytest.mark.parametrize(
    ("text", "sign", "found"),
    [
        ("she has dropped a lot of weight and she isn't on a diet", "losing_weight", True),
        ("I've lost a lot of weight, and no, I'm not exercising more", "losing_weight", True),
        ("lost a lot of weight on purpose, been dieting since summer", "losing_weight", False),
        (
            "his belt is hanging off him these days and he's not trying to slim",
            "losing_weight",
            True,
        ),
        ("my jeans are literally falling off me", "trauma", False),
        ("the shelves keep falling over in the garage", "trauma", False),
        ("I keep falling over when I walk", "trauma", True),
        ("her back wakes her up every single night", "night_pain", True),
        ("the ache wakes him each night around 3", "night_pain", True),
        ("the baby wakes me every night", "night_pain", False),
    ],
)
def test_reasons_said_not_to_be_clothes_and_waking_each_night(text, sign, found) -> None:
    assert (sign in safety.screen(text).signs) is found


# Session 20, written before the change (left from session 19: "Once a doctor has seen you"
# reached relatives as it was). My own check over the emergency follow-ups.
def test_follow_ups_to_a_relative_speak_of_the_patient_being_seen() -> None:
    from clinic.patient import HE, spoken_of

    said = spoken_of(
        advice.emergency_follow_up("can we wait?", ["cauda_equina"], "911", "988", repeats=1), HE
    )
    assert "seen you" not in said and "seen him" in said, said


# Session 20, written before the change (outside run 47 p04, unsafe: "I stop Eliquis or
# no?" took the blood thinner off her list). "... or no?" asks; it answers nothing.
@pytest.mark.parametrize(
    "text",
    ["do I keep taking my apixaban or no?", "I stop the warfarin before, or not?"],
)
def test_or_no_at_the_end_of_a_question_denies_nothing(text: str) -> None:
    said = {m.name: m.denied for m in safety.screen(text).mentions}
    assert said.get("anticoagulants") is False, said


# Session 20, written before the change (outside run 47 p08: a shoulder and upper arm pain's
# checklist showed the effort line twice). My own check over every pair of places.
def test_a_checklist_shows_each_line_once() -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    for first in SCREEN_QUESTIONS.values():
        for second in SCREEN_QUESTIONS.values():
            lines = [*first[:3], *second[:3]]
            shown = checklist.text_of(lines).splitlines()
            assert len(shown) == len(set(shown)), shown


# Session 20, found by the suite after the change above: "a bit" before a verb is no one
# doing it ("I get a bit puffed going up stairs" lost its breathlessness). My own rows.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I get a bit puffed going up stairs", "breathless"),
        ("my hands have got a little clumsy lately", "clumsy_hands"),
    ],
)
def test_a_degree_word_before_a_sign_is_no_one_elses_doing(text: str, sign: str) -> None:
    assert sign in safety.screen(text).signs


# Session 20, written before the change (outside run 47 p06: "the only rash is the eczema on
# my arm, had that since I was a kid. none of the rest" asked all four lines one by one, and
# read a child). "None of the rest" denies the rest; one's own childhood is no child. My
# own wordings.
def test_none_of_the_rest_denies_the_lines_not_brought_up() -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["head"][:4])
    text = "no temperature. the only spots on my skin are old moles, for ages. none of the rest"
    said, denied = set(), {"fever"}
    answer = checklist.read_checklist_answer(lines, text, said, denied, "deny")
    assert len(answer.one_by_one) <= 1 and len(answer.denied) >= 3, answer


@pytest.mark.parametrize(
    "text", ["I've had asthma since I was a kid", "my knees have clicked since childhood"]
)
def test_ones_own_childhood_is_no_child(text: str) -> None:
    assert "young_patient" not in safety.screen(text).signs


def test_the_line_pointed_at_with_none_of_the_rest_is_a_yes() -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["back"][4:8])
    answer = checklist.read_checklist_answer(
        lines, "the night one yes, none of the rest", set(), set(), "affirm"
    )
    assert "night_pain" in answer.said or "night_pain" in answer.one_by_one, answer


# Session 20, written before the change (outside run 48 p05: a daughter read "headaches that
# are new since you turned 50"; "OK, I'll take him to urgent care tonight. Can you pencil him
# in for later next week in case the doctor says it's fine?" got "Please go: this shouldn't
# wait"). My own wordings.
def test_the_checklist_speaks_of_the_patients_age() -> None:
    from clinic.patient import HE
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    shown = checklist.text_of(SCREEN_QUESTIONS["head"][:4], HE)
    assert "you turned" not in shown and "he turned" in shown, shown


def test_care_today_with_a_booking_for_after_is_thanked() -> None:
    said = (
        "ok we're taking her to the walk-in tonight. can you pencil her in for later next "
        "week in case they say it's alright?"
    )
    reply = advice.urgent_follow_up(said, ["giant_cell_arteritis"], "911")
    assert reply.startswith("Thank you"), reply


# Session 20, written before the change (outside run 48 p07, p08: "No, it is not related to
# exertion. ... Do I truly need to see a doctor today?" and "not the worst, worst is end of
# shift around 5am. never sick" were asked again "to be sure"). An answer before a question
# of one's own is read alone; "not the ..." leading an answer is a no. My own wordings.
@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "check_exertion",
            "No, it doesn't come with effort. I'm a bit thrown by all this though, I had "
            "bowel cancer in 2018. Must I really go today?",
        ),
        (
            "headache_on_waking",
            "not the worst then, the worst is late at night after my shift. never been sick",
        ),
    ],
)
def test_an_answer_before_a_question_or_leading_with_not_is_read(name: str, text: str) -> None:
    assert _answer_to(name, text) == answers.NO


def _answer_to(name: str, text: str) -> str:
    """What `text` answers to the screen question `name`, read as the chat reads it."""
    screened = safety.screen(text)
    said = {m.name for m in screened.mentions if m.kind == "sign" and not m.denied}
    denied = {m.name for m in screened.mentions if m.kind == "sign" and m.denied}
    return answers.read_answer(safety.question_named(name), text, said, denied, "inform")


# Session 20, written before the change (outside run 48 p06, unsafe: after a fever's doctor
# today, "8:30 then. it's just a bug, if it's not gone by next week I'll see the doc" was
# booked without a word). A plan to see the doctor only if it lasts is a plan to wait. My
# own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "10am is fine. probably just a virus, if it's not better by friday I'll get it checked",
        "ok monday. it's only a cold I reckon, if she's still not right next week we'll go",
    ],
)
def test_seeing_a_doctor_only_if_it_lasts_is_a_plan_to_wait(message: str) -> None:
    assert advice.asks_about_waiting(message)
    assert "don't wait" in advice.urgent_follow_up(message, ["infection"], "911")


# Session 20, written before the change (outside run 48 p06: "had an infected cut on my shin
# last month, doc gave me pills, it's healed" was kept as broken skin where it hurts). A skin
# infection said to have healed is over. My own wordings.
@pytest.mark.parametrize(
    ("said", "held"),
    [
        ("I had a boil on my arm in the summer but it's healed up now", False),
        ("there was an infected graze on my knee, all cleared up", False),
        ("the cut on my back got infected and it's still weeping", True),
        ("the infected cut on my neck hasn't healed yet", True),
    ],
)
def test_a_skin_infection_said_healed_is_over(said: str, held: bool) -> None:
    assert ("skin_infection" in safety.screen(said).contraindications) is held


# Session 20, found by the safety eval after the change above (its probe set: "the room is
# spinning", "sit by the open window gasping" lost their signs). A thing before the verb is
# the writer's experience. My own rows.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("the whole room is spinning and I feel sick", "dizzy_now"),
        ("I was stood at the sink gasping for air", "severe_breathlessness"),
    ],
)
def test_a_thing_before_the_verb_is_the_writers_experience(text: str, sign: str) -> None:
    assert sign in safety.screen(text).signs


# Session 20, written before the change (outside run 48 p07: "my physician saw this neck
# pain three weeks ago and examined me" beside "my oncologist discharged me last year" was
# no check, and a past cancer's doctor today was asked of her again). A doctor's check of
# this very pain, days or weeks ago, counts, whatever else the message dates. My own words.
@pytest.mark.parametrize(
    ("message", "seen"),
    [
        ("my GP examined this shoulder two weeks ago and said it's muscular, still today?", True),
        ("I finished chemo in 2015, and my doctor checked this back pain last week", True),
        ("a doctor looked at my back years ago", False),
        ("my doctor can see me about it next week", False),
    ],
)
def test_a_check_of_this_pain_weeks_ago_counts(message: str, seen: bool) -> None:
    assert advice.checked_for(message, ["cancer"], ["cancer_history"]) is seen
    # Signs of now (weight lost, pain at night) want a check since they began.
    assert advice.checked_for(message, ["cancer"], ["cancer_history", "night_pain"]) is False


# Session 20, written before the change (outside run 49 p02: at 52, "No to most of those...
# Although I suppose they did start this year and I'm 52, so does that count? They're the
# same every time though" denied all four headache lines; a new headache after 50 is a
# doctor's, clinical facts section 2). "Most of" is no no to all; a question about a line
# asks it; headaches that started lately are new, however alike each one is. My own words.
def test_a_no_to_most_with_a_question_about_one_line_asks_the_lines() -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["head"][:4])
    text = (
        "Mostly no. Nothing sudden, no temperature. Mind you they only began in the spring "
        "and I'm 58, is that relevant? Each one feels much the same."
    )
    screened = safety.screen(text)
    said = {m.name for m in screened.mentions if m.kind == "sign" and not m.denied}
    denied = {m.name for m in screened.mentions if m.kind == "sign" and m.denied}
    answer = checklist.read_checklist_answer(lines, text, said, denied, "deny")
    assert "headache_new_after_50" not in answer.denied, answer


@pytest.mark.parametrize(
    "text",
    [
        "they only started this year and I'm 56. same kind every time",
        "yes I suppose, they began in march, I'm 63, but they're the same as always",
    ],
)
def test_headaches_that_began_lately_are_new_however_alike(text: str) -> None:
    question = safety.question_named("headache_new_after_50")
    said = {m.name for m in safety.screen(text).mentions if m.kind == "sign" and not m.denied}
    assert answers.read_answer(question, text, said, set(), "inform") == answers.YES


# Session 20, written before the change (outside run 49 p06: "No, none of those. I haven't
# been sleeping well though, and honestly I've felt kind of flat and low. Not sure if that's
# related." asked every line one by one). A doubt about something no line is about leaves
# the no standing; a doubt about a line's matter still asks. My own wordings.
@pytest.mark.parametrize(
    ("text", "denied_all"),
    [
        ("no to all of them. work has been stressful though, not sure if that matters", True),
        ("none of those, though I'm not sure about the weight, my jeans feel loose", False),
    ],
)
def test_a_doubt_about_nothing_on_the_list_leaves_the_no(text: str, denied_all: bool) -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["back"][4:8])
    answer = checklist.read_checklist_answer(lines, text, set(), set(), "deny")
    assert (len(answer.denied) == len(lines)) is denied_all, answer


# Session 20, written before the change (outside run 49 p07, unsafe: after a doctor today
# for chest heaviness on the stairs, "I'd rather just get the needling on Monday and see"
# got what needling helps with, and once booked "I'll see how it goes over the weekend... I
# just push through and come in, right?" went into the notes). A plan to wait, with a day
# or a booking in it, is a plan to wait. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "honestly I'd rather just have the physio on Tuesday and take it from there",
        "cheers. gonna see how it goes till thursday, if it comes on I'll just push through, ok?",
    ],
)
def test_a_plan_to_wait_with_a_day_in_it_gets_the_advice(message: str) -> None:
    assert advice.asks_about_waiting(message)


# Session 20, written before the change (outside run 49 p08: a man who first told his own
# pain asked later "can my wife come with me, she kinda keeps me calm", and the chat spoke
# of "her" buttock from then on). Who the patient is, the first message that tells a pain
# decides. My own wording.
def test_a_companion_asked_about_later_does_not_become_the_patient() -> None:
    from clinic.patient import YOU, written_of

    texts = [
        "my left knee has been sore since a run on sunday",
        "4. can my husband sit in with me? he calms me down",
        "no I said no. what about my husband coming?",
    ]
    assert written_of(texts) == YOU
    assert written_of(["what about my girlfriend coming along, is that ok?"]) == YOU


# Session 20, written before the change (outside run 50 p07, unsafe: a swollen warm calf
# after a long flight, then "I've been a bit winded going up the stairs since yesterday but
# that's jet lag I think" stayed a doctor today, and she planned to massage the calf and
# wait). Winded is out of breath; with a swollen calf it is the emergency department. My
# own wordings.
def test_winded_is_breathless_and_with_a_swollen_calf_an_emergency() -> None:
    assert "breathless" in safety.screen("I get really winded walking up hills lately").signs
    flags = safety.red_flags_for(
        {"calf_swollen", *safety.screen("been winded on the stairs since monday").signs}
    )
    assert safety.RedFlag("dvt", "emergency") in flags


# Session 21, written before the change (outside run 52 p02: "it's only my back and legs,
# it's not as if I'm having a heart attack!" raised chest pain, and its question buried the
# real signs he told next). A sign said in a likeness denied is not had; a likeness said
# plainly still is, and a sign said beside the denied likeness still counts. My wordings.
@pytest.mark.parametrize(
    ("said", "chest"),
    [
        ("come on, it's not like I'm having a heart attack or anything", False),
        ("it isn't as if I can't breathe, it's just my back", False),
        ("it feels like I'm having a heart attack, my chest is so tight", True),
        ("it's not as if I'm dying, but my chest feels tight and heavy", True),
        ("I don't like that I'm short of breath on the stairs now", True),
    ],
)
def test_a_sign_in_a_likeness_denied_is_not_had(said: str, chest: bool) -> None:
    found = set(safety.screen(said).signs) & {"chest_pain", "breathless", "cardiac_chest_pain"}
    assert bool(found) is chest, (said, safety.screen(said).signs)


# Session 21, written before the change (outside run 52 p02: after emergency advice for
# numbness down below and bladder leaks, "I didn't ask about driving. Why on earth is it so
# urgent?" and "I'm not calling an ambulance on a Sunday evening" each got "someone else
# driving ... is fine", three times, and never the reason). A car or an ambulance said not
# to be wanted asks nothing about getting there; "why" is answered whatever else is said.
@pytest.mark.parametrize(
    "message",
    [
        "I never asked about a car. Why does this have to be tonight?",
        "well I'm not ringing for an ambulance over a sore back, why is it such a big deal",
    ],
)
def test_after_emergency_advice_why_is_answered_and_no_ride_is_offered(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=2)
    assert "someone else driving" not in reply, reply
    assert "nerves at the bottom of the spine" in reply and "911" in reply, reply


def test_after_emergency_advice_why_comes_with_the_ride_asked_about() -> None:
    message = "why is it urgent, and can my son drive me?"
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "nerves at the bottom of the spine" in reply and "someone else driving" in reply, reply


# Session 21, written before the change (outside run 52 p07: "Warfarin for my heart valve"
# with cellulitis on the back was read as the blood thinner alone; a heart valve, replaced
# or diseased, raises the risk of infection from needling, a precaution of its own). My
# own wordings.
@pytest.mark.parametrize(
    ("text", "valve"),
    [
        ("I've got a mechanical valve in my heart, on warfarin for it", True),
        ("I had my aortic valve replaced in 2019", True),
        ("I'm on apixaban for my heart rhythm", False),
        ("the valve on my bike tyre is broken, and my neck hurts", False),
    ],
)
def test_a_heart_valve_is_a_precaution(text: str, valve: bool) -> None:
    # Session 26: a code of its own, no longer a weakened immune system (outside run 71
    # p07: "she doesn't have a weak immune system" took the valve off the list).
    assert ("heart_valve" in safety.screen(text).contraindications) is valve, text


# Session 21, written before the change (found checking outside run 52's p07 in my own
# words: "the skin over the sore spot is red and hot, my doctor says it's infected and I'm
# on antibiotics" was no precaution at all). Red hot skin, and an infection on antibiotics,
# are an infection where the needles would go. My own wordings.
@pytest.mark.parametrize(
    ("text", "infected"),
    [
        ("the skin there has gone red and hot to touch", True),
        ("GP says it's infected, I'm on antibiotics for it", True),
        ("I finished antibiotics for a chest infection last month", False),
        ("my face goes red and hot when I'm embarrassed", False),
    ],
)
def test_red_hot_skin_or_an_infection_on_antibiotics_is_a_skin_infection(
    text: str, infected: bool
) -> None:
    assert ("skin_infection" in safety.screen(text).contraindications) is infected, text


# Session 21, written before the change (outside run 53 p07: after emergency advice, "OK...
# fine, I'll take him to the ER tonight. Thank you." was answered "Please don't wait until
# then", as if refused). Going to the emergency department later today is thanked and
# asked to be now; waiting till tomorrow is still told not to. My own wordings.
@pytest.mark.parametrize(
    ("message", "thanked"),
    [
        ("alright, we'll head to the hospital later tonight", True),
        ("fine. I'll get her to the emergency room in a bit", True),
        ("I'll go to the ER tomorrow morning", False),
        ("we'll wait and take her to the ER later if it gets worse", False),
    ],
)
def test_going_to_the_emergency_department_later_today_is_thanked(message, thanked) -> None:
    reply = advice.emergency_follow_up(message, ["thunderclap_headache"], "911", "988", repeats=2)
    assert reply.startswith("Thank you") is thanked, reply
    assert "911" in reply and ("now" in reply), reply


# Session 21, written before the change (outside run 53 p02: pain down both legs alone was
# told "What you describe (one of the warning signs: numbness around your bottom or
# genitals, changes in bladder or bowel control, or symptoms in both legs)", and the
# patient heard signs he had not told). Each sign of the flag named alone when it is held;
# why, in plain words, for both legs too. My own wording.
def test_cauda_equina_advice_names_the_signs_told_and_why() -> None:
    told = advice.described("cauda_equina", ["both_legs_pain", "back_pain"])
    assert "both legs" in told and "bottom" not in told and "bladder" not in told, told
    both = advice.described("cauda_equina", ["saddle_numbness", "bladder_or_bowel_control"])
    assert "bottom" in both and "bladder" in both and "legs" not in both, both
    assert "legs" in advice.why("cauda_equina", ["both_legs_pain"]), advice.why("cauda_equina")


# Session 21, written before the change (outside run 53 p02: "My wife will drive me to
# Mount Sinai then. Can I still book something for later in the week in case they say it's
# nothing?" got the driving answer alone; asked again, the booking's answer came). Both are
# answered at once. My own wording.
def test_after_emergency_advice_a_ride_and_a_booking_asked_together_are_both_answered() -> None:
    message = "ok my husband will drive me there. can I still book in for next week in case?"
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "someone else driving" in reply and "can't book" in reply, reply


# Session 21, written before the change (a leftover of session 20: a medicine told by what
# it does for the blood was no blood thinner). Taken to stop clots is a blood thinner;
# a clot said alone (a past clot, a question) is not taken as one. My own wordings.
@pytest.mark.parametrize(
    ("text", "thinner"),
    [
        ("my dad takes something for his blood, to stop clots", True),
        ("she's on tablets to prevent clotting since the stroke", True),
        ("I had a blood clot in my leg years ago", False),
    ],
)
def test_a_medicine_taken_against_clots_is_a_blood_thinner(text: str, thinner: bool) -> None:
    assert ("anticoagulants" in safety.screen(text).contraindications) is thinner, text


# Session 21, written before the change (outside run 54 p03: "since finals grind started,
# gaming n phone 24/7 ngl" raised "pain that nothing eases" and advice to see a doctor
# today). Round the clock is the pain's only when said of the pain. My own wordings.
@pytest.mark.parametrize(
    ("said", "constant"),
    [
        ("I'm glued to my laptop 24/7 for uni", False),
        ("we're on our feet 24/7 in the warehouse", False),
        ("it aches 24/7 and nothing I do changes it", True),
        ("the ache is there 24/7", True),
    ],
)
def test_round_the_clock_is_the_pains_only_when_said_of_it(said: str, constant: bool) -> None:
    assert ("non_mechanical_pain" in safety.screen(said).signs) is constant, said


# Session 21, written before the change (outside run 54 p03: "i didnt say nothing eases
# it" to advice raised on "pain that nothing eases" was asked "So, to be sure: have you
# lost weight recently without trying?"). A flag disputed is asked about by the sign that
# holds it. My own test of the mechanism.
def test_a_disputed_flag_is_asked_about_by_the_sign_that_holds_it() -> None:
    question = safety.question_for_code("cancer", {"non_mechanical_pain", "neck_pain"})
    assert question is not None and question.sign == "non_mechanical_pain", question
    assert "eases" in question.text


# Session 21, written before the change (outside run 54 p06: a 78-year-old on warfarin who
# knocked his head and has been foggy since; "What's the actual worry? And what do I do if
# he flat out refuses to go?" got "Thank you. Please call 911 now"; "WHY is it an
# emergency?" got the broken-bone reason only). Every flag's reason is given when asked,
# and a patient who refuses to go is answered. My own wordings.
def test_after_emergency_advice_the_worry_is_every_flags_reason() -> None:
    codes = ["fracture", "head_injury"]
    reply = advice.emergency_follow_up("ok but what's the actual worry here?", codes, "911", "988",
                                       repeats=1)  # fmt: skip
    assert "broken bone" in reply and "bleeding inside the head" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["and what if she refuses to go?", "he flat out won't go to the hospital, now what"],
)
def test_after_emergency_advice_a_patient_who_refuses_is_answered(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["head_injury"], "911", "988", repeats=1)
    assert "refuse" in reply.lower() or "won't go" in reply.lower(), reply
    assert "911" in reply


# Session 21, written before the change (outside run 54 p06b: for a man of 78 on warfarin,
# "He's always had the odd headache, but they've been worse this last week or so, most days
# now. Same kind though." to "new since he turned 50, or different from his usual ones?"
# was read as a no, and he was booked). Headaches getting worse lately are changing,
# however alike each is; worse only with a trigger, the same as always, is no change.
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("he's always had the odd one, but they've got a lot worse the past fortnight, "
         "nearly every day now. Same sort though.", "yes"),
        ("same type as ever but they've been getting worse recently", "yes"),
        ("they're worse when I'm stressed, same as always", "no"),
    ],
)  # fmt: skip
def test_headaches_getting_worse_lately_are_changing(text: str, reading: str) -> None:
    from clinic.safety.answers import read_answer
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    question = next(q for q in SCREEN_QUESTIONS["head"] if q.sign == "headache_new_after_50")
    found = safety.screen(text)
    assert read_answer(question, text, found.signs, found.denied_signs, None) == reading


# Session 22, written before the change (found playing session 21's leftovers: "asking for
# my father who is 80, his low back has hurt since he slipped" raised nothing, as "asking
# for" read everything after it as a question about signs). A writer asking for someone
# tells of that person; a question asked for future reference is still no sign had.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("asking for my mum, she is 79 and fell yesterday, her hip hurts", "fracture"),
        (
            "asking for my grandad who is 84 his back hurts since he slipped on the stairs",
            "fracture",
        ),
        ("hi im asking for my son, hes got a high fever and a stiff neck", "meningitis_signs"),
        (
            "asking on behalf of my wife, she had breast cancer and now her back aches at night",
            "cancer",
        ),
        ("just asking for future reference, can needling cause a collapsed lung?", None),
        # A question about one's own sign is still the sign had; one about signs to watch
        # for is not.
        ("what about the numbness around my bottom, is that normal?", "cauda_equina"),
        (
            "what are the chances this is serious, I cant control my bladder since yesterday",
            "cauda_equina",
        ),
        ("what about numbness down there, should I look out for that?", None),
        ("what are the warning signs I should watch for?", None),
        # Session 22 (outside run 56 p03): the assistant's question quoted back asks why.
        ("No. But why you ask about the legs and the pee?", None),
        ("why are you asking about my bladder", None),
        ("why do you ask? I have been leaking urine since the back went", "cauda_equina"),
    ],
)
def test_asking_for_someone_tells_of_them(text: str, code: str | None) -> None:
    screen = safety.screen(text)
    flags = [flag.code for flag in safety.red_flags_for(set(screen.signs))]
    assert (code in flags) if code else not (flags or screen.questions), (flags, screen)


# Session 22, written before the change (outside run 57 p07: a man of 61 whose back ache
# "went up into his jaw" carrying the groceries up, "all sweaty and out of breath", raised
# only "trouble breathing", taken back when he was resting). Pain into the arm or jaw with
# sweating and breathlessness, or with effort and either, is the heart's. My own words.
@pytest.mark.parametrize(
    ("text", "cardiac"),
    [
        (
            "lugging the shopping upstairs she went clammy and short of breath and it went into "
            "her jaw",
            True,
        ),
        ("his upper back ache spreads into his jaw and he gets sweaty and out of breath", True),
        (
            "carrying boxes up to the loft, the ache went into my left arm and I was sweating "
            "buckets",
            True,
        ),
        ("my arm aches after tennis and I was sweating and puffed out", False),
        ("my neck pain goes into my shoulder and I get sweaty and breathless when I run", False),
        ("my jaw clicks and aches when I chew", False),
        ("it went into her jaw when she carried the groceries up, and she was sweaty", True),
        ("I get sweaty at the gym and my shoulder aches after bench press", False),
        # Session 25, written before the change (outside run 66 x01 and p04): a pressing,
        # heavy pain into the arm and the jaw is the heart's without effort or sweating.
        ("a crushing feeling in my upper back, it goes to my left arm and my jaw", True),
        ("feels like a weight pressing between her shoulder blades, up into the jaw", True),
        ("it hurts when I press on the knot by my shoulder blade, and my arm aches", False),
        ("my jaw aches from clenching, I press my teeth together at night", False),
        ("I have high blood pressure and my arm aches after tennis", False),
        ("her upper back ache started carrying shopping up the stairs, sweaty and queasy", True),
        (
            "it came on when he was carrying boxes up to the attic, then the sweats and nausea "
            "and a pain between his shoulder blades",
            True,
        ),
        ("my upper back aches after rowing, I was sweaty and out of breath", False),
        ("upper back stiff from the desk, and a bit queasy from a tummy bug", False),
    ],
)
def test_arm_or_jaw_pain_with_sweating_and_breathlessness_is_the_hearts(
    text: str, cardiac: bool
) -> None:
    flags = {flag.code: flag.level for flag in safety.red_flags_for(set(safety.screen(text).signs))}
    assert (flags.get("cardiac") == "emergency") is cardiac, flags


# Session 22, written before the change (outside run 57 p04: "my neck... I have a 2 year
# old who refuses to walk anywhere lol" gave the mother a limping child's doctor today). A
# child told of by age, doing something, is someone else when the writer is the patient;
# a parent writing for the child still tells of the child. My own words.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "my lower back is wrecked, I've got a 3 year old who won't walk anywhere, always "
            "carried",
            False,
        ),
        ("my shoulder aches, I have a toddler who refuses to walk so I carry her all day", False),
        (
            "writing for my son, he is 4 and has been limping and won't walk on his leg since "
            "yesterday",
            True,
        ),
    ],
)
def test_a_child_told_of_in_passing_is_not_the_patient(text: str, flagged: bool) -> None:
    flags = [flag.code for flag in safety.red_flags_for(set(safety.screen(text).signs))]
    assert bool(flags) is flagged, flags


# Session 23, written before the change (outside run 58: "do the notes say I had a fever?
# bc I didn't" raised a fever; steroids alone a fracture; a fall after the headaches began
# a doctor today; a low-speed rear-end crash 911). My own wordings, other people and places.
@pytest.mark.parametrize(
    "text",
    [
        # A question about what the notes hold quotes the sign; it does not tell it.
        "does my record say I had a temperature? because I haven't",
        "did you write down that he has chills? he doesn't",
        "is it in her notes that she had a fever? she never had one",
        # Steroids or thin bones with a pain that no knock, strain or sudden start began:
        # the screen asks about a fall; no doctor today for the bones alone.
        "on prednisolone for my lupus, neck stiff for 3 weeks",
        "I have osteoporosis and my shoulder aches from painting",
        # A fall that came after the pain began is not where the pain came from.
        "my son's headaches started in October; he fell off his skateboard last week onto "
        "his hip, but the headaches were there long before that",
        "my neck's been sore for a month. I tripped on the curb yesterday but the neck ache "
        "was already there before",
    ],
)
def test_what_is_asked_about_or_came_later_raises_no_flag(text: str) -> None:
    assert safety.screen(text).flags == (), text


@pytest.mark.parametrize(
    ("text", "level", "code"),
    [
        # Guards: a sign told after the question about the notes, a pain made worse by a
        # fall, and steroids with a back pain (vertebral fracture) still count.
        (
            "do the notes say I had a fever? I still have a temperature of 38.5",
            URGENT,
            "infection",
        ),
        (
            "my back has ached for a year, then I fell down the stairs yesterday and now "
            "it's far worse",
            URGENT,
            "fracture",
        ),
        (
            "long-term steroids for asthma, and my lower back has ached for a week",
            URGENT,
            "fracture",
        ),
        # Rear-ended at low speed is the Canadian C-spine rule's low-risk crash: a doctor
        # today, and asked whether it was a serious one.
        ("someone rear-ended me at the lights yesterday, neck sore", URGENT, "fracture"),
        ("got rear ended on friday, my neck has been stiff since", URGENT, "fracture"),
    ],
)
def test_signs_beside_a_question_or_a_later_fall_still_count(
    text: str, level: str, code: str
) -> None:
    screening = safety.screen(text)
    assert screening.level == level, text
    assert code in [flag.code for flag in screening.flags]


def test_a_rear_end_crash_asks_whether_it_was_serious() -> None:
    screening = safety.screen("got rear ended on friday, my neck has been stiff since")
    assert "neck_major_trauma" in [q.name for q in screening.questions]
    assert "light_sensitivity" not in safety.screen("rear-ended at the lights, neck sore").signs


@pytest.mark.parametrize(
    "text",
    [
        "writing for my husband Tom, 41, his back went lifting our daughter who is 3",
        "I am asking for my wife, she is 29 years, her neck hurts from carrying our baby "
        "who is 8 months",
    ],
)
def test_a_child_named_by_a_writer_for_a_grown_up_is_not_the_patient(text: str) -> None:
    assert "under_18" not in safety.screen(text).contraindications


# Session 23 (outside run 58 p07: "the cellulitis is GONE, it was last month" kept "an
# infection or broken skin where it hurts"). An infection said to be over after it is a no
# (it puts right an earlier yes); one not healed is still there.
@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("the infected graze on my shin is gone now, that was in october", True),
        ("the boil on her back has healed, it was weeks ago", True),
        ("I have an infected cut on my calf that hasn't healed", False),
        ("there's cellulitis on my shin at the moment", False),
    ],
)
def test_an_infection_said_to_be_over_is_a_no(text: str, denied: bool) -> None:
    found = [m for m in safety.screen(text).mentions if m.name == "skin_infection"]
    assert found and all(m.denied is denied for m in found), text


# Session 23 (outside run 58 p01: "my legs are a bit weak too but I manage" was told back as
# "weakness that is getting worse"). Weak legs are named as weak legs; a weakness said to
# be getting worse as that.
def test_weak_legs_are_told_back_as_they_were_said() -> None:
    legs = advice.described("progressive_weakness", ["both_legs_weak", "back_pain"])
    assert "both legs" in legs and "getting worse" not in legs, legs
    worse = advice.described("progressive_weakness", ["worsening_weakness", "both_sides"])
    assert "getting worse" in worse, worse


# Session 23, written before the change (outside run 58 p01: a new warning sign beside a
# plea to book Monday got the fresh advice and the follow-up, both "call 911 now"; "the
# needles, are they ok with Eliquis? just so I know for later" got only "Please go").
def test_the_answer_after_fresh_advice_does_not_say_the_advice_again() -> None:
    reply = advice.emergency_follow_up(
        "Could I not just book in with you on Tuesday and see? My legs feel heavy too.",
        ["cauda_equina"],
        "911",
        "988",
        clinic_phone="(212) 555-0100",
        advised_now=True,
    )
    assert "911" not in reply and reply, reply
    assert "can't book" in reply or "(212) 555-0100" in reply, reply


def test_a_question_about_needling_later_is_answered_beside_the_advice() -> None:
    reply = advice.emergency_follow_up(
        "and would the needles be safe for me later, I'm on rivaroxaban?",
        ["cauda_equina"],
        "911",
        "988",
        repeats=2,
    )
    assert "911" in reply and "blood thinners don't rule dry needling out" in reply, reply
    plain = advice.emergency_follow_up(
        "will needling still be possible afterwards?", ["stroke_signs"], "911", "988", repeats=1
    )
    assert "911" in plain and "For later" in plain, plain


# Session 23, written before the change (outside run 58 p03: a husband writing for his
# wife, "Also I should tell, she is pregnant, 14 weeks", held no pregnancy). "I" that only
# says the writer is telling is no sign that the writer is the patient.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Also I should tell, she is pregnant, 14 weeks. Is it safe for baby?", "pregnancy"),
        ("I forgot to say, he takes warfarin", "anticoagulants"),
    ],
)
def test_what_the_writer_tells_of_the_patient_counts(text: str, code: str) -> None:
    assert code in safety.screen(text).contraindications, text


def test_the_writers_own_pain_beside_someone_elses_condition_is_the_writers() -> None:
    said = "I should mention my wife is pregnant, my back hurts"
    assert "pregnancy" not in safety.screen(said).contraindications


def test_how_far_along_a_pregnancy_told_is_not_asked_again() -> None:
    told = contraindications.precaution("pregnancy", "she is pregnant, 14 weeks")
    assert told and "will ask how far along" not in told, told
    assert "will ask how far along" in (contraindications.precaution("pregnancy", "pregnant") or "")


# Session 23, written before the change (outside run 57 p05, left then: a fever last week,
# gone, with a neck stiff from the laptop, was sent to the emergency department as
# meningitis). A fever said to be over is no fever now; one of today, or brought down by a
# painkiller, still is.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("had a temperature over the weekend, it's better now but my neck is so stiff", False),
        ("I had a fever this morning but it's gone now, my neck is stiff", True),
        ("fever on monday, gone after taking tylenol, neck really stiff", True),
    ],
)
def test_a_fever_said_to_be_over_is_no_fever_now(text: str, flagged: bool) -> None:
    assert bool(safety.screen(text).flags) is flagged, text


# Session 29, written before the change (outside run 79 p06: "done w antibiotics 3 days
# ago. fever gone" with a stiff neck of two months was sent to 911 as meningitis). A fever
# said gone or broken right after it is over; one brought down by a painkiller, or going up,
# still counts. My own wordings.
@pytest.mark.parametrize(
    ("text", "fever"),
    [
        ("fever gone since monday, just the neck now", False),
        ("the fever broke two days ago, neck still stiff", False),
        ("his temperature went down on saturday and stayed down", False),
        ("fevers gone, only the back ache left", False),
        ("fever went down with advil an hour ago", True),
        ("running a fever, gone up to 39 today", True),
    ],
)
def test_a_fever_said_gone_right_after_it_is_over(text: str, fever: bool) -> None:
    assert ("fever" in _said(text)) is fever, safety.screen(text).mentions


# Session 29, written before the change (outside run 79 p07, unsafe: a wife's worst headache
# with neck pain, lying in the dark, then "took her temp 102" got a doctor today and the
# intake's questions; meningitis was asked two turns later). A fever told with a headache or
# a painful neck asks the meningitis question at once; told apart, see
# tests/test_safety_actions.py. My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("she's burning up, 39.5, and her head is pounding", True),
        ("he has a temperature of 101 and his neck hurts", True),
        ("temp of 38.5 and my knee aches", False),
    ],
)
def test_a_fever_with_a_headache_or_neck_pain_asks_about_meningitis(text: str, asked: bool) -> None:
    questions = [q.name for q in safety.screen(text).questions]
    assert ("check_meningitis" in questions) is asked, questions


# Session 29, written before the change (outside run 79 p03: "she has lost some weight,
# maybe 10 pounds, she says she's just not hungry", 71 with a past cancer, was left out of
# the advice and asked for again after the booking). Weight gone with the appetite is not
# meant. My own wordings.
@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("she's dropped about a stone, she has no appetite these days", True),
        ("no appetite lately and i've lost 4 kilos", True),
        ("he's lost some weight too, he doesn't really feel like eating", True),
        ("lost 3 pounds on the new diet and i'm always hungry", False),
        ("my appetite is fine and my weight is the same", False),
        # Session 29, written before the change (outside run 80 p01: "losing weight, about
        # 6 kilos in 2 months and she's not dieting" was not read: too far apart).
        ("I've been losing weight, 5 kilos or so over the last 3 months and I'm not dieting", True),
        ("dropped nearly a stone since the summer, wasn't trying to", True),
        ("I've lost 2 kilos since I started the diet, which I'm trying to stick to", False),
    ],
)
def test_weight_lost_with_the_appetite_is_not_meant(text: str, lost: bool) -> None:
    assert ("weight_loss" in _said(text)) is lost, safety.screen(text).mentions


# Session 29, written before the change (outside run 79 p06: "foot?? no the foot isnt the
# problem thats the diabetes" took diabetes off his list). What it is, said after what it is
# not, is told, not denied. My own wordings.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("no the knee isnt the issue thats my diabetes", True),
        ("it's not the hip, that's just her epilepsy meds making her wobbly", True),
        ("not diabetic, thats my husband", False),
    ],
)
def test_what_it_is_said_after_what_it_is_not_is_told(text: str, told: bool) -> None:
    named = {"diabetes", "epilepsy"} & _said(text)
    assert bool(named) is told, safety.screen(text).mentions


# Session 29, written before the change (outside run 79 p05: "i am embarazada, 14 weeks. is
# ok the needles?" was answered with what needling feels like). Pregnancy said in the word of
# the writer's own language, among English, is a pregnancy. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["sorry my english, my wife is embarazada and her back hurts a lot",
     "i am enceinte, 5 months, the hip is very painful",
     "she is schwanger now, is needles ok for her neck?"],
)  # fmt: skip
def test_pregnancy_said_in_the_writers_own_word_is_a_pregnancy(text: str) -> None:
    assert "pregnancy" in safety.screen(text).contraindications, text


def test_diabetes_is_said_back_without_feet_the_patient_did_not_name() -> None:
    # Outside run 57 p02, left then: "diabetic but no numb feet" was told back as "diabetes,
    # especially with numb feet or slow healing".
    assert "numb" not in contraindications.labels(["diabetes"])[0]


# Session 23, written before the change (outside run 59 p07: "you just said urgent care was
# right?? im confused. bye", with a fever held, was sent to 911 as confusion). Confused by
# the replies is no confusion; feeling or getting confused still is.
@pytest.mark.parametrize(
    ("text", "confused"),
    [
        ("wait you told me today and now tomorrow?? im so confused", False),
        ("I'm confused, do you mean I shouldn't book?", False),
        ("I feel confused and my head is pounding since the fall", True),
        ("he's been confused since he hit his head", True),
        ("im confused since this afternoon and can't think straight, is that the fever?", True),
    ],
)
def test_confused_by_the_replies_is_no_confusion(text: str, confused: bool) -> None:
    assert ("confusion" in safety.screen(text).signs) is confused, text


# Session 23, written before the change (outside run 59 p07: at 1:30 am, "ok urgent care in
# the morning then" after "urgent care is the right place" got "Please don't wait until
# then"). In the small hours the morning is today; another day is still too late.
def test_in_the_small_hours_the_morning_is_today() -> None:
    said = "ok I'll get to the walk-in when it opens in the morning"
    night = advice.urgent_follow_up(said, ["infection"], "911", 1, small_hours=True)
    assert "don't wait until then" not in night and "911" in night, night
    day = advice.urgent_follow_up(said, ["infection"], "911", 1)
    assert "don't wait until then" in day, day
    later = advice.urgent_follow_up(
        "I'll go on monday morning", ["infection"], "911", 1, small_hours=True
    )
    assert "don't wait until then" in later, later


# Session 23, written before the change (outside run 59 p07: a slip four weeks ago, "i
# already saw my doctor about it", then "she did an xray too, nothing broken", was told to
# see a doctor today three times). A check of the knock told, and an x-ray that found
# nothing, answer the advice; a check still to come does not.
@pytest.mark.parametrize(
    ("text", "checked"),
    [
        ("that was 3 weeks ago and I already saw my GP about it, he sent me for physio", True),
        ("they did an x-ray at urgent care, nothing broken", True),
        ("I'll get an x-ray on monday", False),
    ],
)
def test_a_check_of_the_knock_answers_the_advice(text: str, checked: bool) -> None:
    assert advice.checked_for(text, ["fracture"], ["trauma", "neck_pain"]) is checked, text


# Session 23, written before the change (outside run 59 p05: "Do you think this could be to
# do with his cancer? Should I tell urgent care about it?" was answered "Yes, you can: the
# questions follow"). Telling the doctors is not asking to tell the pain here.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("can I still tell you about her back pain for later?", True),
        ("could I give you his details anyway", True),
        ("should I tell the ER about his cancer?", False),
        ("should I tell urgent care about the weight loss?", False),
    ],
)
def test_asking_to_tell_the_pain_here_is_not_telling_the_doctors(text: str, asks: bool) -> None:
    assert advice.asks_to_tell(text) is asks, text


# Session 23, written before the change (outside run 59 p05: "Could this be to do with his
# cancer? Should I tell urgent care about it?" and "I'm scared now" got no answer). No
# guess at what it is; yes, tell them all of it; a kind word for the fear.
def test_after_urgent_advice_what_it_could_be_and_what_to_tell_are_answered() -> None:
    signs = ["cancer_history", "night_pain", "back_pain"]
    reply = advice.urgent_follow_up(
        "could it be her old breast cancer? do we mention it to the walk-in?",
        ["cancer"], "911", 1, signs,
    )  # fmt: skip
    assert "can't tell you what it is" in reply and "tell them" in reply, reply
    assert "history of cancer" in reply and "today" in reply, reply
    scared = advice.urgent_follow_up("I'm honestly frightened now", ["cancer"], "911", 1, signs)
    assert "worrying" in scared and "today" in scared, scared


# Session 24, written before the change (outside run 61 p01: "should i tell the ER about the
# cancer thing and the weight? is that important" got "Yes, it really can't wait"). After
# emergency advice too, what to tell them is answered: yes, that and all of it.
@pytest.mark.parametrize(
    "text",
    [
        "do we mention his prostate cancer and the blood thinner to the hospital?",
        "should I tell them at the ER that I'm on warfarin",
        "shud i say about my weight loss to the paramedics??",
    ],
)
def test_after_emergency_advice_what_to_tell_them_is_answered(text: str) -> None:
    reply = advice.emergency_follow_up(text, ["cauda_equina"], "911", "988", repeats=2)
    assert reply.startswith("Yes, tell them"), reply
    assert "911" in reply, reply
    assert " my " not in reply and " I'm " not in reply, reply


# Session 23 (outside run 60 p07: a friend wrote "came on at the gym like 11ish outta
# nowhere, she said it was like getting hit in the back of the head w a bat", then "tonight
# she says 10, worst ever. she threw up twice" with the headaches known: nothing for three
# turns). Written after the change, in my own words, as guards: the typed "outta nowhere"
# and "like getting hit" are sudden; the worst ever of a known headache asks the question.
def test_a_thunderclap_in_typed_words_is_caught() -> None:
    said = "his headache came outta nowhere at the gym, like getting hit in the head with a brick"
    assert safety.screen(said).level == EMERGENCY, said


def test_the_worst_ever_of_a_known_headache_asks_about_a_thunderclap() -> None:
    said = "tonight it's a 10, worst ever, and she's been sick twice"
    asked = [q.name for q in safety.screen(said, known_signs=["headache"]).questions]
    assert "check_thunderclap" in asked, asked


# Session 23, written before the change (outside run 61 p05: a wife answered the saddle
# question "no not numb, more funny" and the bladder one "no he can hold it fine, just cant
# get much out", both read as no, and the husband was booked). A no that goes on to tell
# of the sign in other words is no no: the question is unsure, which counts as possible.
@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("saddle_numbness", "no, not numb as such, it just feels kind of weird down there"),
        ("bladder_or_bowel_control", "nope no accidents, only it takes ages to start and dribbles"),
        ("bladder_or_bowel_control", "no leaks, but he can hardly get anything out"),
    ],
)
def test_a_no_that_tells_of_the_sign_is_no_no(name: str, said: str) -> None:
    from clinic.safety import screening

    question = screening.question_named(name)
    found = safety.screen(said)
    reading = answers.read_answer(question, said, set(found.signs), set(found.denied_signs))
    assert reading in (answers.YES, answers.UNSURE), (said, reading)


def test_a_plain_no_to_the_bladder_question_is_still_no() -> None:
    from clinic.safety import screening

    question = screening.question_named("bladder_or_bowel_control")
    for said in ("no, that's all normal", "no problems peeing at all"):
        found = safety.screen(said)
        reading = answers.read_answer(question, said, set(found.signs), set(found.denied_signs))
        assert reading == answers.NO, said


# Session 23, written before the change (outside run 61 p01: "no shes not numb down there
# and her bladder is fine, she pees normal" raised a change in bladder control, from the
# phrase "numb ... bladder" whose first word was denied). A sign whose opening words are
# denied is denied, however far its phrase reaches.
@pytest.mark.parametrize(
    "text",
    [
        "he's not numb anywhere down there and his bladder works fine",
        "no numbness at all, and peeing is normal",
    ],
)
def test_a_sign_whose_first_words_are_denied_is_denied(text: str) -> None:
    assert "bladder_or_bowel_control" not in safety.screen(text).signs, text


# Session 23, written before the change (outside run 61 p07: "I have just explained that.
# The shoulder pain started before the fall. So no." to the fall question read as a yes, from
# its "I have"). The no an answer ends on is its answer.
@pytest.mark.parametrize(
    "said",
    ["I have told you twice now, the knee went before I tripped. so, no",
     "I did say this already. it was there long before the bump, so the answer is no"],
)  # fmt: skip
def test_the_no_an_answer_ends_on_is_the_answer(said: str) -> None:
    from clinic.safety import screening

    question = screening.question_named("trauma")
    found = safety.screen(said)
    reading = answers.read_answer(question, said, set(found.signs), set(found.denied_signs))
    # Never a yes; with a fall told in it too ("before I tripped"), asked again plainly.
    assert reading == (answers.UNSURE if "tripped" in said else answers.NO), (said, reading)


# Session 24, written before the change (outside run 61 p01's kind: pain in both legs is
# the cauda equina's sign while it is new). Long-standing pain in both legs, said with its
# years, is no emergency; new, or getting worse, still is.
@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("aching down both legs for about 8 years, my back is the same old arthritis", False),
        ("pain in my lower back and down both legs, it's been 2 years now", False),
        ("back pain going down both legs since last week", True),
        ("my lower back hurts and it goes down both legs, started 10 days ago", True),
    ],
)
def test_long_standing_pain_in_both_legs_is_no_emergency(text: str, emergency: bool) -> None:
    assert (safety.screen(text).level == EMERGENCY) is emergency, safety.screen(text)


# Session 24, written before the change (outside run 62 p03: "the headaches aren't worse
# when I wake up" was a headache worst on waking, and the doctor today). A sign whose words
# run over an "I" is denied like any other.
@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("my head isn't worse when I get up, it builds in the afternoon", True),
        ("it is not worse when I wake up", True),
        ("it's worse when I wake up", False),
    ],
)
def test_a_sign_said_over_an_i_can_be_denied(text: str, denied: bool) -> None:
    from clinic.safety import screening

    found = {m.name: m.denied for m in screening.screen(text).mentions}
    assert found.get("worse_on_waking") is denied, found


# Session 24, written before the change (outside run 62 p06: a man of 67 answered the
# needling checklist "Pregnancy seems unlikely." and it was recorded as told).
@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("blood thinners yes, clopidogrel. pregnancy seems unlikely at my age", False),
        ("pregnant? highly unlikely haha", False),
        ("pregnancy is impossible, I had a hysterectomy", False),
        ("I'm pregnant, it was unplanned", True),
    ],
)
def test_a_pregnancy_said_unlikely_is_no_pregnancy(text: str, pregnant: bool) -> None:
    assert ("pregnancy" in safety.screen(text).contraindications) is pregnant


# Session 24, written before the change (outside run 62 p03: "I am sick in the mornings but
# that's cause I'm 10 weeks pregnant" beside afternoon headaches was a doctor today).
# Morning sickness said to be the pregnancy's is not the headache's vomiting; the pregnancy
# with a headache still asks its own question.
@pytest.mark.parametrize(
    ("text", "vomiting"),
    [
        ("I throw up most mornings but that's the pregnancy, 11 weeks", False),
        ("morning sickness every day, I'm 8 weeks pregnant", False),
        ("I'm sick every morning with these headaches", True),
    ],
)
def test_morning_sickness_of_pregnancy_is_not_the_headaches(text: str, vomiting: bool) -> None:
    names = {m.name for m in safety.screen(text).mentions if not m.denied}
    assert ("morning_vomiting" in names) is vomiting, names


# Session 24, written before the change (outside run 62 p01: a daughter wrote "its been going
# down both her legs the last couple days which is new" and "she had a couple of accidents
# this week, she said she didnt even feel she needed to go"; neither raised anything).
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the pain has been shooting down both his legs since friday and his back is bad",
         "cauda_equina"),
        ("he wet himself twice, he says he didn't even feel he needed to go", "cauda_equina"),
        ("I've had a couple of accidents, I don't feel when I need to pee any more",
         "cauda_equina"),
    ],
)  # fmt: skip
def test_cauda_equina_told_of_another_in_plain_words(text: str, code: str) -> None:
    assert code in {flag.code for flag in safety.screen(text).flags}, safety.screen(text)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't feel like I needed to go to the doctor",
        "had a car accident years ago, no problems since",
    ],
)
def test_no_need_to_go_elsewhere_is_no_bladder_sign(text: str) -> None:
    assert "bladder_or_bowel_control" not in safety.screen(text).signs


def test_accidents_without_feeling_the_need_ask_about_the_bladder() -> None:
    said = "she's had accidents this week, says she didn't even feel she had to go"
    found = safety.screen(said)
    asked = {q.name for q in found.questions}
    assert "check_bladder" in asked or "cauda_equina" in {f.code for f in found.flags}, found


# Session 24, written before the change (outside run 63 p04: after a doctor today for night
# pain, weight loss and a past cancer, "should I still come Monday and have the needles
# done?" got the consultation's text and "so I can come even if no doctor has seen me yet?"
# a booking look-up, then "Sorry, I didn't quite understand").
@pytest.mark.parametrize(
    "text",
    [
        "if my GP can't fit me in till thursday, do I still come tuesday and get the needles?",
        "so she can come on friday even if no doctor has seen her? yes or no",
        "can I keep the appointment without seeing a doctor first?",
    ],
)
def test_coming_before_a_doctor_is_answered_no_after_urgent_advice(text: str) -> None:
    assert advice.asks_about_waiting(text), text
    reply = advice.urgent_follow_up(text, ["cancer"], "911", 1, ["cancer_history", "night_pain"])
    assert reply.startswith("No, not before a doctor"), reply
    assert "move it" in reply, reply


# Session 24, written before the change (found while adding the diagnosis question: "is it a
# slipped disc do you think?" asked about a fall).
@pytest.mark.parametrize(
    ("text", "fall"),
    [
        ("could this be a slipped disc?", False),
        ("I had a slipped disc years ago and then slipped on ice this week", True),
    ],
)
def test_a_slipped_disc_is_no_slip(text: str, fall: bool) -> None:
    assert ("trauma" in safety.screen(text).signs) is fall


# Session 24 (outside run 63 p01: "tell them that that"). Written after the change, as a
# guard, in my own words: a bare "that" or "it", or whom to tell, is told as "it".
@pytest.mark.parametrize("text", ["should we tell them that?", "do I mention it to the hospital?"])
def test_what_to_tell_said_as_it(text: str) -> None:
    assert advice.tell_them(text).startswith("Yes, tell them about it,")


# Session 24, written before the change (outside run 63 p06: after emergency advice, "also
# i take a baby aspirin every day does that matter for the needles" got the advice alone).
def test_a_blood_thinner_asked_about_for_the_needles_gets_a_line_for_later() -> None:
    said = "fine. btw im on a daily aspirin, does that matter with the needling"
    reply = advice.emergency_follow_up(said, ["fracture"], "911", "988", repeats=2)
    assert "For later" in reply and "911" in reply, reply


# Session 24, written before the change (outside run 64 p07: asked "have you ever had
# cancer...?", "i have type 1 diabetes (pump...) and a pacemaker since i was a kid" was read
# as yes, and the cancer team today was advised twice).
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("i have asthma and high blood pressure, that's it", "not yes"),
        ("I'm diabetic, on insulin", "not yes"),
        ("yes, I have had breast cancer", "yes"),
    ],
)
def test_other_conditions_named_are_no_yes_to_the_cancer_question(text: str, reading: str) -> None:
    from clinic.safety import answers, screening

    question = screening.question_named("cancer")
    found = screening.screen(text)
    said = answers.read_answer(question, text, found.signs, found.denied_signs, "affirm")
    assert (said == answers.YES) is (reading == "yes"), said


# Session 24, written before the change (outside run 64 p06: "Pregnancy, at 63? Hardly."
# was recorded as pregnancy, with the baby's warning signs).
@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("pregnancy? at 58? no", False),
        ("pregnant, haha no. nothing else on the list", False),
        ("pregnancy, at her age? hardly", False),
        ("pregnancy yes, 12 weeks", True),
        ("I'm pregnant, no problems so far", True),
        ("I'm pregnant and can hardly sleep for the back pain", True),
    ],
)
def test_a_pregnancy_scorned_is_none(text: str, pregnant: bool) -> None:
    assert ("pregnancy" in safety.screen(text).contraindications) is pregnant


# Session 24, written before the change (outside run 64 p03: "what I tell them in hospital?"
# got "Yes, tell them about in hospital").
def test_what_to_say_is_not_read_as_whether_to_tell() -> None:
    reply = advice.emergency_follow_up("what do I tell them at the hospital?", ["cauda_equina"],
                                       "911", "988", repeats=2)  # fmt: skip
    assert reply.startswith("Tell them what you told me"), reply


# Session 24, written before the change (outside run 65 p07: "if you won't needle me because
# of the fainting is it even worth coming?" took the fainting off her notes).
@pytest.mark.parametrize(
    "text",
    [
        "so if they won't do needles because of my warfarin, what's the point?",
        "you can't needle me with the pacemaker then?",
    ],
)
def test_the_clinics_no_is_no_denial_of_a_precaution(text: str) -> None:
    from clinic.safety import screening

    denied = {
        m.name for m in screening.screen(text).mentions if m.denied and m.kind == "contraindication"
    }
    assert not denied, denied


# Session 24, written before the change (outside run 65 p05: "he says 4, but he's 16 so he'd
# say 4 if his arm fell off lol" was a knock, and a doctor today).
@pytest.mark.parametrize(
    ("text", "knock"),
    [
        ("she'd say she's fine even if she fell down the stairs", False),
        ("he would still go to practice if his leg fell off", False),
        ("I fell off my bike on sunday and my neck hurts", True),
        ("it hurts if I knock it", False),
    ],
)
def test_an_injury_said_as_what_would_be_is_no_knock(text: str, knock: bool) -> None:
    assert ("trauma" in safety.screen(text).signs) is knock, safety.screen(text).signs


# Session 24, written before the change (outside run 65 p01: after a doctor today, "do you
# have friday 11th, afternoon? I work mornings" was read as asking to wait, twice).
@pytest.mark.parametrize(
    "text", ["have you got thursday 10th in the afternoon?", "Saturday. 12th. is anything free?"]
)
def test_a_day_asked_for_after_urgent_advice_is_a_booking(text: str) -> None:
    assert advice.wants_a_day_booked(text) and not advice.asks_about_waiting(text), text


# Session 25, written before the change (outside run 67 p08: "i check once it was 38.5"
# was no fever). A reading of 38 or more is one; a weight is not.
@pytest.mark.parametrize(
    ("text", "fever"),
    [
        ("the thermometer said 38.9 this morning", True),
        ("it was 39,2 last night", True),
        ("she checked him, 101.3", True),
        ("my son is 38.5 kilos and 12", False),
        ("I run 10 miles a week, my back is sore", False),
    ],
)
def test_a_temperature_reading_is_a_fever(text: str, fever: bool) -> None:
    assert ("fever" in safety.screen(text).signs) is fever


# Session 25, written before the change (outside run 68 p07: "the doctor did say
# my bones are thin" after a fall at 79 was never noted). Bones said to be thin, weak or
# brittle are fragile bones in any order.
@pytest.mark.parametrize(
    ("text", "fragile"),
    [
        ("my GP told me my bones are getting thin", True),
        ("her bones are very brittle now", True),
        ("a scan showed my bone density is low", True),
        ("my hair is thin and my back aches", False),
    ],
)
def test_bones_said_to_be_thin_are_fragile(text: str, fragile: bool) -> None:
    assert ("osteoporosis" in safety.screen(text).signs) is fragile


# Session 25, written before the change (outside run 68 p02: after 911, "Should she skip her
# Eliquis this morning?" got "Please don't take anything new unless the 911 call handler
# tells you to"). A usual medicine skipped or stopped, asked: not changed, and told.
@pytest.mark.parametrize(
    "message",
    ["should he hold off his warfarin today?", "does she skip her blood pressure pills now?"],
)
def test_a_usual_medicine_asked_about_after_advice_is_kept(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "usual medicines" in reply and "anything new" not in reply, reply
    assert "911" in reply


# Session 25, written before the change (outside run 69 p06, unsafe: "she felt kinda hot
# last night but thats prob from being under the duvet all day lol. neck is stiff yeah" with
# a bad headache got more routine questions). Feeling hot is a fever said plainly; a hot
# joint or a hot flush is not; a fever explained away beside a stiff neck still counts.
@pytest.mark.parametrize(
    ("text", "fever"),
    [
        ("he felt really hot in the night and shivery", True),
        ("I've been feeling kind of hot all day", True),
        ("my knee feels hot and swollen", False),
        ("I get hot flushes since the menopause", False),
    ],
)
def test_feeling_hot_is_a_fever(text: str, fever: bool) -> None:
    assert ("fever" in safety.screen(text).signs) is fever


def test_a_fever_explained_away_beside_a_stiff_neck_is_still_an_emergency() -> None:
    text = "she felt a bit hot yesterday, probably cos she was under a blanket. neck is stiff"
    found = safety.screen(text, known_signs=["headache", "neck_pain"])
    flags = {f.code: f.level for f in safety.red_flags_for({*found.signs, "headache"})}
    assert flags.get("meningitis_signs") == "emergency", (found.signs, flags)


# Session 26, written before the change (outside run 69 p05: a climber's "it hurts when i
# climb but like rock climbing, reaching overhead. stairs and running are totally fine" to
# the effort question got 911). Climbing as a sport loads the shoulders' own muscles, as
# lifting and swimming do: never a yes (a no, or asked again plainly when the words say
# no "no"). The stairs and hills still count. My own words.
_NOT_YES = (answers.NO, answers.UNCLEAR, answers.UNSURE)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("only when I'm bouldering, pulling on small holds. walking up hills is no problem",
         _NOT_YES),
        ("it's sore at the climbing wall when I reach high, but jogging and stairs are fine",
         _NOT_YES),
        ("when i climb, i mean rock climbing, not stairs. stairs are ok", _NOT_YES),
        ("no, only on the climbing wall", (answers.NO,)),
        ("yes when I climb the stairs, it eases when I stop", (answers.YES,)),
        ("it comes on climbing hills on my bike", (answers.YES,)),
    ],
)  # fmt: skip
def test_climbing_as_a_sport_is_no_effort_for_the_heart(text: str, answer: tuple) -> None:
    assert _answer_to("check_exertion", text) in answer


# Session 26, written before the change (outside run 69 p03: "I am sick in the mornings yes
# but I think this is because we are expecting a baby, I am 10 weeks" got the headache's
# doctor today, and "I am 10 weeks" made her a child). Being sick put down to a pregnancy
# in any words is not the headache's; weeks along are no age. My own words.
@pytest.mark.parametrize(
    "text",
    [
        "yes I throw up most mornings, but that's because I'm expecting, due in June",
        "sick every morning, we're expecting our second, I'm 11 weeks along",
        "i vomit in the mornings but thats the morning sickness im expecting twins",
    ],
)
def test_being_sick_from_a_pregnancy_is_not_the_headaches(text: str) -> None:
    screened = safety.screen(text)
    said = {m.name for m in screened.mentions if m.kind == "sign" and not m.denied}
    assert "morning_vomiting" not in said and "young_patient" not in said, said


@pytest.mark.parametrize(
    ("text", "young"),
    [
        ("I am 12 weeks pregnant with headaches", False),
        ("she's 14 weeks gone and her neck is stiff", False),
        ("my daughter is 14 and her back hurts", True),
        ("I'm 16 and have had knee pain for 3 weeks", True),
    ],
)
def test_weeks_of_a_pregnancy_are_no_age(text: str, young: bool) -> None:
    said = {m.name for m in safety.screen(text).mentions if m.kind == "sign" and not m.denied}
    assert ("young_patient" in said) is young, said


# Session 26, written before the change (outside run 69 p08: "he got woozy and went down
# when they took blood at his physical" brought the stroke questions, and the fainting with
# needles was not noted). Fainting or dizziness at a blood test or a jab is the needles'
# (noted for needling), not a warning sign; pins and needles stay a sign. My own words.
@pytest.mark.parametrize(
    "text",
    [
        "she went all woozy and keeled over at her last vaccination",
        "I hit the floor when the nurse took blood last spring",
        "he collapsed during his blood test once, went grey and everything",
    ],
)
def test_fainting_at_a_blood_test_or_a_jab_is_the_needles(text: str) -> None:
    screened = safety.screen(text)
    said = {m.name for m in screened.mentions if not m.denied}
    assert "needle_phobia" in said, said
    assert not said & {"dizzy_now", "faint", "vision_trouble"}, said
    assert not screened.questions, screened.questions


# Session 33, written before the change (outside run 100 p06: "wait so i cant get needling
# at all?? its not a phobia i just get woozy" got the stroke questions). Woozy said of the
# needles or a phobia of them is the needles' too; dizziness of its own still asks. My words.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("it's not really a phobia, needles just make me lightheaded", False),
        ("so no needling for me then? I only get a bit woozy, I don't pass out", False),
        ("I've been woozy since this morning and my neck hurts", True),
    ],
)
def test_woozy_about_the_needles_asks_no_stroke_question(text: str, asked: bool) -> None:
    questions = [q.name for q in safety.screen(text).questions]
    assert ("check_stroke" in questions) is asked, questions


def test_dizziness_with_pins_and_needles_is_still_a_sign() -> None:
    said = {m.name for m in safety.screen("I'm dizzy and have pins and needles").mentions}
    assert "dizzy_now" in said, said


# Session 26, written before the change (outside run 68 p07: "It is mostly when I move,
# lying still is alright" to "is the pain there all the time and worse at night, whatever
# position you're in?" was a yes: its "it is" and "mostly"). Pain that movement brings on
# is the mechanical kind, a no to pain that nothing eases; waking at night still counts.
# My own words.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        ("night_pain", "mostly when he bends down, sitting quietly is ok", answers.NO),
        ("night_pain", "it is when I twist or get up from the sofa, lying down is fine",
         answers.NO),
        ("check_constant_pain", "sometimes when I lift the kids, otherwise it settles",
         answers.NO),
        ("night_pain", "mostly when I move but it wakes me at night too", answers.YES),
    ],
)  # fmt: skip
def test_pain_that_movement_brings_on_is_no_pain_nothing_eases(
    name: str, text: str, answer: str
) -> None:
    assert _answer_to(name, text) == answer


# Session 33, written before the change (outside run 100 p04: "nights are bad but if he
# sleeps on his side with a pillow between his knees its better", then "i just said, its
# better on his side", to "worse at night, whatever position?" was asked twice more). A pain
# a position eases is the mechanical kind: a no. Said no better, it is no ease. My words.
@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("it's bad at night but easier once she's propped up on pillows", answers.NO),
        ("lying on my back is awful, on my side its ok", answers.NO),
        ("he sleeps sitting up in the chair and then it's alright", answers.NO),
        ("yes, every night, and propped up it's no better", answers.YES),
        ("yes whatever way I lie", answers.YES),
    ],
)  # fmt: skip
def test_night_pain_a_position_eases_is_no(text: str, answer: str) -> None:
    assert _answer_to("night_pain", text) == answer


# Session 26, written before the change (outside run 69 p04: "what do i tell them" after
# saddle numbness and a slow start to peeing got "what has changed (the warning sign that
# brought you)"). The signs held are named, in the patient's terms. My own words.
def test_what_to_tell_them_names_the_signs_held() -> None:
    reply = advice.emergency_follow_up(
        "right, what do I say to the triage nurse?",
        ["cauda_equina"],
        "911",
        "988",
        signs={"saddle_numbness", "bladder_or_bowel_control", "back_pain"},
    )
    assert "numbness around your bottom" in reply and "bladder" in reply, reply
    assert "the warning sign that brought you" not in reply, reply


# Session 26, written before the change (outside run 69 p06: "it was friday, its sunday now
# and she's still alive lol. if it was something bad wouldnt it have happened already?"
# got the advice again, its argument unanswered). Time passing is answered: it rules
# nothing out, and why it matters follows. My own words.
@pytest.mark.parametrize(
    "message",
    [
        "it's been three days already and he's fine, surely it would have got worse by now?",
        "if it was serious wouldn't something have happened by now",
    ],
)
def test_time_passing_is_answered_after_emergency_advice(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["thunderclap_headache"], "911", "988")
    assert "doesn't rule" in reply and "bleeding around the brain" in reply, reply
    assert "911" in reply, reply


# Session 26, written before the change (outside run 70 p08, unsafe: after "a doctor today,
# before any physiotherapy" and a booking for the next morning, "the physio can needle my
# back then right? i wont get to a doctor today" got the side effects, "needling tmrw is
# fine without seeing doc?" the precautions, and "ill keep tmrw 8:30 anyway" the change or
# cancel buttons). Skipping the doctor, asked or said, is answered by the advice. My own
# words.
@pytest.mark.parametrize(
    "message",
    [
        "so the physio can just do the needles on tuesday then? can't get to a GP before that",
        "is it fine to have needling monday without a doc seeing me?",
        "I'll keep the monday slot anyway and get a doctors appointment sometime next week",
        "we won't make it to the doctor today, she can still have the needles tomorrow yeah?",
    ],
)
def test_skipping_the_doctor_after_advice_is_answered_by_the_advice(message: str) -> None:
    assert advice.asks_about_waiting(message), message
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1)
    assert "doctor" in reply and ("before" in reply or "first" in reply), reply


# Session 26, written before the change (outside run 70 p08, unsafe: "it wakes me at like
# 3am most nights, i get up and walk around" to the screen raised nothing, and "Nothing
# there needs a doctor first"). Pain that wakes most nights is night pain, as every night
# is; a baby that wakes the writer, or rolling over, is not. My own words.
@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("the ache wakes me most nights around 2", True),
        ("it's been waking him at 4am most nights for a month", True),
        ("wakes me up most nights when I roll over onto it", False),
        ("the baby wakes me most nights so I'm shattered", False),
    ],
)
def test_pain_that_wakes_most_nights_is_night_pain(text: str, night: bool) -> None:
    said = _said(text)
    assert ("night_pain" in said) is night, said


# Session 26, written before the change (outside run 70 p05: "she is expecting, 10 weeks. Is
# problem for the needles?" was not heard as a pregnancy until "PREGNANT"). Expecting said
# of a person is a pregnancy; expecting a call is not. My own words.
@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("my wife is expecting, 12 weeks now", True),
        ("I'm expecting, due in May", True),
        ("we're expecting our first in the spring", True),
        ("I'm expecting a call from my GP about the scan", False),
        ("she is expecting the results on Friday", False),
    ],
)
def test_expecting_said_of_a_person_is_a_pregnancy(text: str, pregnant: bool) -> None:
    said = _said(text)
    assert ("pregnancy" in said) is pregnant, said


# Session 26, written before the change (outside run 70 p07: "A pharmacist, for being puffed
# on stairs? Odd." with a sore shoulder became pain that effort brings on: a doctor today).
# Effort said of the breath ("puffed on stairs") is the breath's, not the pain's; the pain
# brought on by effort still counts. My own words.
@pytest.mark.parametrize(
    ("text", "effort_pain"),
    [
        ("he's just a bit puffed on hills these days, nothing new", False),
        ("I get winded with exercise, always have", False),
        ("the pain comes on with exertion", True),
        ("chest gets tight with exercise", True),
    ],
)
def test_effort_said_of_the_breath_is_no_pain_effort_brings_on(
    text: str, effort_pain: bool
) -> None:
    said = _said(text)
    assert ("comes_on_exertion" in said) is effort_pain, said


# Session 26, written before the change (outside run 70 p07: a man of 67 added "My daughter
# says it's like a bee sting" and got the text about treating teenagers). A child who says,
# told or recommended something is where the words came from, not the patient; a child
# whose pain is told still is. My own words.
@pytest.mark.parametrize(
    ("text", "child"),
    [
        ("my son reckons the needles sting a bit, is that right?", False),
        ("My daughter recommended you, she came last year", False),
        ("my daughter says her knee hurts when she runs", True),
        ("my son is 12 and his heel hurts", True),
    ],
)
def test_a_child_who_said_something_is_no_patient(text: str, child: bool) -> None:
    said = _said(text)
    assert ("under_18" in said) is child, said


# Session 26, written before the change (outside run 70 p06: "wait do u think its
# meningitis?? im scared now" after emergency advice got the advice alone). A guess at what
# it is, in any words, gets "only a doctor can say" and why; fear is acknowledged. My own
# words.
@pytest.mark.parametrize(
    "message",
    [
        "do you think it's a bleed on the brain?? I'm frightened",
        "u reckon its meningitis or something",
        "could she have had a stroke? im so scared",
    ],
)
def test_a_guess_at_what_it_is_after_emergency_advice_is_answered(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["meningitis_signs"], "911", "988", repeats=1)
    assert "only a doctor can" in reply and "911" in reply, reply
    assert ("I understand" in reply) is ("scared" in message or "frightened" in message), reply


# Session 26, written before the change (outside run 71 p06, unsafe: a mother's "his hands
# tingle a bit, both of them" and "tingling in both his hands"-like words raised nothing;
# "checked pretty hard into the boards" and "well the hit, like I just told you" were no
# knock; a 15-year-old was told nothing needed a doctor). Both hands said with whose they
# are, or "both of them" after; a knock in hockey words, or "the hit" named. My own words.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("her hands go numb, both of them, when she's on the laptop", "both_hands_nerve"),
        ("pins and needles in both his hands at night", "both_hands_nerve"),
        ("both her hands feel tingly lately", "both_hands_nerve"),
        ("he got boarded hard in practice on tuesday", "trauma"),
        ("she was checked into the glass during the game", "trauma"),
        ("yes the hit, as I said", "trauma"),
    ],
)
def test_both_hands_and_hockey_knocks_in_other_words(text: str, sign: str) -> None:
    said = _said(text)
    assert sign in said, said


def test_one_hand_is_not_both_hands() -> None:
    said = {m.name for m in safety.screen("his right hand tingles when he types").mentions}
    assert "both_hands_nerve" not in said, said


# Session 26, written before the change (outside run 71 p03: "I think it's from carrying my
# 2 year old around all day" beside her own sore neck got the teenagers' text). A child the
# writer carries, lifts or chases is part of the writer's day, whatever the age said. My own
# words.
@pytest.mark.parametrize(
    ("text", "child"),
    [
        ("my lower back aches from lifting my 3 year old in and out of the car seat", False),
        ("I've got a stiff neck, probably from feeding my 6 month old at night", False),
        ("my 14 year old has had knee pain since the season started", True),
    ],
)
def test_a_child_carried_by_the_writer_is_no_patient(text: str, child: bool) -> None:
    said = _said(text)
    assert ("under_18" in said) is child, said


# Session 26, written before the change (outside run 71 p04: "I just said, 15 lbs. He's not
# dieting." to "has he lost weight recently without trying?" was asked again "to be sure").
# An amount lost, or not trying said, answers yes. My own words.
@pytest.mark.parametrize(
    "text",
    [
        "about 10 pounds, and she isn't trying to",
        "she hasn't been trying to lose weight, it's 4 kilos since August",
        "like I said, a stone. not on any diet",
    ],
)
def test_an_amount_lost_or_not_trying_answers_the_weight_question(text: str) -> None:
    assert _answer_to("check_weight", text) == answers.YES


@pytest.mark.parametrize(
    "text", ["no, I've been dieting on purpose since January", "no, if anything I put on 2 kg"]
)
def test_weight_lost_on_purpose_or_gained_is_no(text: str) -> None:
    assert _answer_to("check_weight", text) == answers.NO


# Session 26, written before the change (outside run 71 p04: "I don't think I can get him to
# urgent care today, he's stubborn. I'll call his GP first thing tomorrow. Can we book with
# you tomorrow afternoon...?" got "Thank you, that's the right step"). Care today said to
# be out of reach is no plan for today: the advice answers it, never thanks. My own words.
@pytest.mark.parametrize(
    "message",
    [
        "I can't get her to a doctor today, no car. Could we book Tuesday morning instead?",
        "we won't manage urgent care today, I'll ring the GP tomorrow. book us for wednesday?",
    ],
)
def test_care_today_out_of_reach_is_no_plan_for_today(message: str) -> None:
    assert advice.asks_about_waiting(message), message
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1)
    assert "right step" not in reply and "today" in reply, reply


# Session 30, written before the change (outside runs 85 p02 and 86 p08: "ok ill call his
# pediatrician first thing tmrw. thursday after school, 4ish?" at 11 pm got "Please go...
# an after-hours service tonight"). Late in the evening, a doctor first thing in the morning
# is the plan to thank for; the booking's day in its own sentence changes nothing. My words.
@pytest.mark.parametrize(
    ("message", "late", "thanked"),
    [
        ("fine, I'll ring her GP first thing tomorrow. can we book friday?", True, True),
        ("we'll go to the walk-in in the morning", True, True),
        ("fine, I'll ring her GP first thing tomorrow. can we book friday?", False, False),
        ("I'll see the doctor on wednesday", True, False),
    ],
)
def test_late_in_the_evening_a_doctor_first_thing_is_the_plan(message, late, thanked) -> None:
    """Session 31: after midnight too (outside run 90 p08, "Fine, I'll call my GP in the
    morning. Thursday evening then...?" at 1 am got "Please go"), see the next test."""
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1, late_evening=late)
    assert ("first thing in the morning is right" in reply) is thanked, reply
    assert "911" in reply


# Session 31, written before the change (outside run 88 p02: weight lost at 71, and near
# midnight "Today?? is almost midnight, he must go to emergency for this?" got "Yes, the
# emergency department is a good place to go"). At night a warning sign that needs a doctor
# soon but not tonight is for the doctor first thing; the ones that can't wait the night
# (a fever, a swollen calf, double vision) still go tonight. My own words.
@pytest.mark.parametrize(
    ("message", "codes", "hours", "tonight"),
    [
        ("its 11pm, does she have to go to the ER now??", ["cancer"], "late", False),
        (
            "Today?? it's nearly midnight. must we go to the emergency room?",
            ["cancer"],
            "late",
            False,
        ),
        ("should I go to urgent care tonight for this?", ["myelopathy"], "late", False),
        ("it's 1am, does he need the ER right now?", ["cancer"], "small", False),
        ("its 11pm, does she have to go to the ER now??", ["infection"], "late", True),
        # Not a question of going tonight: today asked, or the physiotherapist instead.
        ("Must it really be today? The specialist saw me last month", ["cancer"], "small", True),
        ("can the physio see me tomorrow instead? no doctor open today", ["cancer"], "late", True),
        ("should I go to urgent care tonight for this?", ["dvt"], "late", True),
        ("its 11pm, does she have to go to the ER now??", ["cancer", "infection"], "late", True),
    ],
)
def test_at_night_a_sign_that_can_wait_the_night_is_for_the_morning(
    message: str, codes: list[str], hours: str, tonight: bool
) -> None:
    reply = advice.urgent_follow_up(
        message, codes, "911", late_evening=hours == "late", small_hours=hours == "small"
    )
    assert ("first thing in the morning" in reply) is not tonight, reply
    assert "911" in reply, reply  # if it gets worse
    if tonight:
        assert "today" in reply or "tonight" in reply, reply
    else:
        assert not reply.startswith("Yes") and "emergency department" in reply, reply


# Session 30, written before the change (outside run 85 p08: "wait so should he go to urgent
# care tonight?? its 10pm" got "Thank you, that's the right step"). Care today asked about
# is no plan to thank for: yes, and why. My own words.
@pytest.mark.parametrize(
    "message",
    ["so should she go to the walk-in tonight??", "does he have to go to urgent care tonight?"],
)
def test_care_today_asked_about_is_answered_yes(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1)
    assert "right step" not in reply and "Yes" in reply, reply


# Session 30, written before the change (outside run 84 p02: "um yeah I guess thats what I
# just said? its not numb numb, just duller" to the question about numbness when wiping was
# unsure, and the does-it-hurt answer came). A yes that points back to what was said is a
# yes; the sign said to be less than the word ("not that numb") is no no. My own wordings.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        ("saddle_numbness", "yeah that's what i said?? it's not NUMB numb, just muted", "yes"),
        ("saddle_numbness", "yes, like I told you. not totally numb, just less feeling", "yes"),
        ("saddle_numbness", "yep as i said. its not that numb though", "yes"),
        ("saddle_numbness", "it isn't that numb, but there's less feeling, yes", "yes"),
        ("saddle_numbness", "no, that's what i said, it's only the leg", "no"),
    ],
)
def test_a_yes_that_points_back_or_says_less(name: str, text: str, answer: str) -> None:
    assert _answer_to(name, text) == answer


# Session 30, written before the change (outside run 84 p07: "Not tearing, no. It does wrap
# round the front under the ribs sometimes" to "Did it start suddenly as a severe tearing
# pain, or does it go through to your chest or tummy?" was unsure, "I'm not sure" followed,
# and a man with six weeks of slow pain was sent to 911 for the aorta). The aorta's sign is
# a sudden tearing pain (clinical facts): the question asks that alone. My own wordings.
@pytest.mark.parametrize("name", ["upper_back_tearing", "check_worst_upper_back"])
@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("no it crept up slowly, though it goes round to my front at times", "no"),
        # "Sort of" after the no may hedge it: asked again, plainly, never a yes.
        ("not ripping no, it sort of wraps round under the ribs", "unsure"),
        ("not ripping, no. it wraps round under the ribs now and then", "no"),
        ("yes, out of nowhere, like something tore", "yes"),
    ],
)
def test_the_aortas_question_asks_for_a_sudden_tearing_pain(
    name: str, text: str, answer: str
) -> None:
    question = safety.question_named(name)
    assert "chest or tummy" not in question.text
    assert _answer_to(name, text) == answer


# Session 30, written before the change (outside run 84 p04: "suddenly BANG very strong pain
# in back of head, like somebody hit me with bat" raised no thunderclap; the question came
# first). A head struck, the head said first. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "pain at the back of my head like someone smacked me with a bat",
        "my head, it felt like somebody whacked it with a plank",
        # Session 31, written before the change (outside run 90 p06, unsafe: "it just went
        # BOOM in the back of my head lol thought someone hit me" was asked about mornings,
        # and "worst ive ever had" of that headache raised nothing). A head that exploded,
        # or that felt struck however it is put; my own wordings.
        "was lifting and my head just exploded at the back, bang",
        "something went pop in my head at the gym, i honestly thought id been shot",
        "the back of my head, i thought someone had punched me",
    ],
)
def test_a_head_as_if_struck_is_a_thunderclap(text: str) -> None:
    assert "thunderclap_headache" in {f.code for f in safety.screen(text).flags}


@pytest.mark.parametrize(
    ("text", "places", "emergency"),
    [
        ("honestly the worst i've ever had, like a 10", ["head"], True),
        ("it was the worst ive ever felt when it started", ["neck", "head"], True),
        ("worst ive ever had", ["lower_back"], False),
    ],
)
def test_the_worst_ever_of_a_headache_is_a_thunderclap(
    text: str, places: list[str], emergency: bool
) -> None:
    """The head known from the intake, "the worst I've ever had" said of it now."""
    from clinic.safety import screening

    signs = set(safety.screen(text).signs) | screening.context_signs(places[0], None, None, places)
    codes = {flag.code for flag in safety.red_flags_for(signs)}
    assert ("thunderclap_headache" in codes) is emergency, (signs, codes)


# Session 30, written before the change (outside run 85 p06: "a tiny bit when I sneeze or
# laugh... my OB said it's super common" at 24 weeks was unsure twice, then 911). A leak on
# coughing, sneezing, laughing or jumping is the pelvic floor's, not the nerves'; a leak not
# felt, or trouble going, still counts. My own wordings.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        (
            "check_bladder",
            "only a little leak if I cough or sneeze, midwife says it's normal",
            "no",
        ),
        ("check_bladder", "a bit of a dribble if I cough hard, that's all", "no"),
        ("bladder_or_bowel_control", "I leak a little on the trampoline with the kids", "no"),
        ("check_bladder", "I leak when I sneeze and lately I don't feel it coming", "yes"),
        ("check_bladder", "yes I've wet myself twice without noticing", "yes"),
        ("check_bladder", "just when I laugh, and it's not hard to pee or anything", "no"),
    ],
)
def test_a_leak_on_sneezing_is_no_nerve_sign(name: str, text: str, answer: str) -> None:
    assert _answer_to(name, text) == answer


# Session 34, written before the change (outside run 107 p02, unsafe: "Well a bit harder
# yes, no accidents." to "is it hard to pass urine, or have you leaked or had an accident?"
# was unsure, never asked again, and the sciatica booked). A yes to one part of an "or"
# question with a no to another part is a yes. My own wordings.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        ("check_bladder", "slower to get started yes, but no leaks", "yes"),
        ("check_bladder", "a little harder to go, yes. no accidents at all", "yes"),
        ("check_bladder", "no accidents or anything. it is harder to go though, yes", "yes"),
        ("check_stroke", "my words came out wrong yes, no double vision", "yes"),
        ("check_bladder", "no leaks, no trouble going", "no"),
        # A yes that says all is well is no yes to a part: asked again, plainly.
        ("check_bladder", "no accidents. yes, peeing is fine", "unsure"),
    ],
)
def test_a_yes_to_one_part_and_a_no_to_another_is_a_yes(name: str, text: str, answer: str) -> None:
    assert _answer_to(name, text) == answer


# Session 30, written before the change (outside run 86 p03: "she hold the wall when she
# walk" with neck pain into the arm was "pain that effort brings on" for the heart). Holding
# on to walk is unsteady walking, no effort. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "he holds onto the furniture to get around the house now",
        "she grabs the walls when walking, lately",
        "I have to lean on the wall when I walk these days",
    ],
)
def test_holding_on_to_walk_is_unsteady_walking(text: str) -> None:
    said = _said(text)
    assert "unsteady_walking" in said and "comes_on_exertion" not in said, said


# Session 30, written before the change (outside run 86 p08: "lol hes 15 he wouldnt tell me
# that. i'll ask. ... he says no" to the numbness question was not understood). The answer
# passed on from the patient is the answer. My own wordings.
@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("not sure he'd tell me that, one sec. ok he said no", "no"),
        ("she wouldn't say at first. she says yes, a bit", "yes"),
    ],
)
def test_the_answer_passed_on_is_the_answer(text: str, answer: str) -> None:
    assert _answer_to("saddle_numbness", text) == answer


# Session 30, written before the change (outside run 87 p07, unsafe: after a chiropractor
# cracked his neck, "the room spun when he looked up", "a bit slurry at dinner" and "should
# I be worried about the slurred talking?" raised nothing; 911 came at the fourth mention).
# Slurred speech in its everyday words, a spinning room, and a worry about a sign present
# ("the slurred talking") tell the sign. My own wordings.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("she sounded a bit slurry on the phone tonight", "speech_trouble"),
        ("is it bad that his talking is slurring?", "speech_trouble"),
        ("should I worry about the slurred words she had earlier?", "speech_trouble"),
        ("the whole room spins when I tip my head back", "dizziness"),
        ("she said the room was spinning after the massage", "dizziness"),
    ],
)
def test_a_stroke_sign_in_everyday_words_is_told(text: str, sign: str) -> None:
    assert sign in _said(text), safety.screen(text).mentions


# Session 30, written before the change (outside run 87 p06: "my right toes kinda catch, but
# im just clumsy" was told "clumsy hands" three times). The toes catching is the foot's; a
# writer's "just clumsy" of himself is no hands' sign. My own wordings.
@pytest.mark.parametrize(
    ("text", "sign", "not_sign"),
    [
        ("my left toes sort of drag on the pavement lately", "worsening_weakness", None),
        ("I keep tripping, I'm just clumsy I guess", None, "clumsy_hands"),
        ("my hands are so clumsy, I can't do my buttons", "clumsy_hands", None),
        # Session 31, written before the change (outside run 89 p04: "he does trip a bit on
        # the curb lately. is that what you mean?" was asked "once more" and again). Tripping
        # as a habit is the foot that catches; a trip that was a fall is not. My words.
        ("she trips on the stairs quite often now", "worsening_weakness", None),
        ("recently he stumbles on the sidewalk with his right foot", "worsening_weakness", None),
        ("I tripped on a step at work and landed on my hip", None, "worsening_weakness"),
    ],
)
def test_the_toes_catching_is_the_foots(text: str, sign, not_sign) -> None:
    said = _said(text)
    assert (sign is None or sign in said) and (not_sign is None or not_sign not in said), said


def test_a_worry_about_a_sign_to_come_is_no_sign() -> None:
    assert "speech_trouble" not in _said("should I be worried about slurred speech after needling?")


def test_a_sign_said_to_be_less_is_not_set_aside() -> None:
    found = safety.screen("its not even that numb down there when I wipe")
    assert "saddle_numbness" in {m.name for m in found.mentions if not m.denied}
    assert not found.set_aside


def _said(text: str) -> set[str]:
    """The signs and precautions `text` tells of, not denied."""
    return {m.name for m in safety.screen(text).mentions if not m.denied}


# Session 27, written before the change (outside run 72 p07: "nope. does insurance cover it?
# I have United" to the cancer question was unsure, "I have" of the insurer read as a yes,
# and the question came again "to be sure"). The answer is the part before the patient's
# own question; what follows it is about that question. A sign told anywhere still counts.
# My own wordings.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        ("cancer", "nah. can I pay by card? I have a visa debit", "no"),
        ("fever", "no. is the clinic near the subway? I have a car too though", "no"),
        ("trauma", "yes. is that a problem? I have a desk job", "yes"),
        ("cancer", "no. could it be my breast cancer coming back?", "yes"),
    ],
)
def test_the_answer_is_what_comes_before_the_patients_own_question(
    name: str, text: str, answer: str
) -> None:
    assert _answer_to(name, text) == answer


# Session 27, written before the change (outside run 72 p03 and p07: "no to all that. well I
# had a cold last week with a bit of a fever on friday..." and "no. well I've lost weight
# since having her..." had every line asked again one by one). A no to the list, then an
# aside about one line: that line is asked on its own (or taken as said), the rest are
# denied. My own wordings.
@pytest.mark.parametrize(
    ("place", "text", "aside"),
    [
        ("shoulder", "none of those. I did have the flu with a fever last week, still a bit rough",
         "fever"),
        ("lower_back", "no to those. my weight's dropped a bit since I started running though",
         "cancer_history"),
        ("upper_back", "nope. only thing is a cold last week, bit of a temperature", "fever"),
    ],
)  # fmt: skip
def test_a_no_to_the_list_with_an_aside_asks_only_the_line_it_touches(
    place: str, text: str, aside: str
) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions(place, None, [], [])
    lines = lines[4:8] if place == "lower_back" else lines[:4]
    answer = _read_list(lines, text)
    signs = {q.name: q.sign for q in lines}
    assert {signs[name] for name in answer.one_by_one} <= {aside}, answer
    assert answer.denied == frozenset(q.sign for q in lines if q.sign != aside), answer


# Session 27, written before the change (outside run 72 p06: after 911 for a knock to the
# head on warfarin, "What do you think is going on? Is it his neck?" got the advice alone,
# "ok I'm calling. should I give him his warfarin tonight or not?" "Please go: this
# shouldn't wait", and "The ambulance is on its way. Anything I should tell them?" "please
# call 911 now"). My own wordings.
@pytest.mark.parametrize(
    ("message", "says", "never"),
    [
        ("what's going on with her, is it her back?", "can't tell you what it is", None),
        ("we're phoning now. do I still give her the evening tablets?",
         "Don't stop or skip", "anything new"),
        ("paramedics are on their way. anything we should mention to them?",
         "Tell them what you told me", "call 911 now"),
        ("I've called them, they're coming", "until help arrives", "call 911 now"),
    ],
)  # fmt: skip
def test_what_is_asked_after_emergency_advice_is_answered(
    message: str, says: str, never: str | None
) -> None:
    reply = advice.emergency_follow_up(
        message, ["head_injury"], "911", "988", repeats=2, signs=["head_injury", "vomited"]
    )
    assert says in reply, reply
    assert never is None or never not in reply, reply


# Session 27, written before the change (outside run 72 p08: "...tomorrow with my own doc is
# fine yeah? i have blood pressure pills and diabetes pills" after 911 for the heart got
# "they may tell you to chew an aspirin"). Medicines told of are not asked about taking;
# asked, they still are. My own wordings.
@pytest.mark.parametrize(
    ("message", "handler"),
    [
        ("I'm on tablets for my cholesterol, is this still urgent?", False),
        ("my wife has her heart pills here, does that help?", False),
        ("can I take a tylenol first?", True),
        ("aspirin ok?", True),
        ("should he have some painkillers before they come", True),
    ],
)
def test_medicines_told_of_are_not_asked_about_taking(message: str, handler: bool) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988", repeats=1)
    assert ("call handler" in reply) is handler, reply


# Session 27, written before the change (outside run 70: "dont really feel when i gotta go"
# raised nothing: "gotta go" is leaving the chat). The toilet's sense is kept when the
# sentence says when or whether it is felt. My own wordings.
@pytest.mark.parametrize(
    ("text", "bladder"),
    [
        ("he can't tell anymore when he's got to go", True),
        ("i don't notice until i gotta go really bad and then it just comes", True),
        ("sorry gotta go, my bus is here", False),
        ("my neck is stiff but I got to go now", False),
    ],
)
def test_needing_to_go_said_with_when_is_the_toilet(text: str, bladder: bool) -> None:
    names = {m.name for m in safety.screen(text).mentions if not m.denied}
    assert ("urination" in names) is bladder, names


# Session 27, written before the change (outside run 74 p02, unsafe: "She does get the shakes
# at night though and says it's like being in a sauna, the sheets are soaked in the morning",
# back pain after a spinal injection, raised nothing; a "no" to the general question then
# booked her). Drenching sweats are a fever's; the shakes with back pain are an infection's
# warning sign. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "he wakes up drenched, the bed is wet through, and his low back is killing him",
        "my neck aches and I've been soaking the sheets at night",
        "low back pain and I keep getting the shakes in the evenings",
    ],
)
def test_drenching_sweats_and_the_shakes_with_spinal_pain_are_an_infections_sign(
    text: str,
) -> None:
    flags = {flag.code for flag in safety.red_flags_for(_said(text))}
    assert "infection" in flags, _said(text)


# Session 27, written before the change (outside run 74 p07: "had a prostate thing like 9
# yrs ago" made a man of 67 a child: pregnancy in his checklist). Years ago are no age.
@pytest.mark.parametrize(
    ("text", "young"),
    [
        ("broke my wrist like 12 yrs ago, the back is new", False),
        ("my son is 12 yrs old and limps", True),
        ("she's 14 yrs, plays netball", True),
    ],
)
def test_years_ago_are_no_age(text: str, young: bool) -> None:
    assert ("young_patient" in _said(text)) is young, _said(text)


# Session 27, written before the change (outside run 75 p07, unsafe: "she's been running hot
# since friday n the lights bug her, keeps the blinds shut. cant really put her chin down
# either" raised nothing, twice). A fever, light that bothers and a neck that won't bend, in
# everyday words, are the meningitis signs. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "he's been running hot all weekend and the light bugs his eyes",
        "she's running warm and can't get her chin down to her chest",
    ],
)
def test_meningitis_signs_in_everyday_words(text: str) -> None:
    flags = {flag.code for flag in safety.red_flags_for(_said(text) | {"headache"})}
    assert "meningitis_signs" in flags, _said(text)


# Session 28, written before the change (outside run 75 p07: "hi my wifes neck is kiling her,
# ha a headach 4 days now" raised nothing; the signs were set aside as someone else's, as
# "my wifes neck" read as the writer's own neck, and "headach" was no headache). My words.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my husbands neck is stiff and sore, he has a fever since yesterday", "fever"),
        ("my moms back is killing her and she has lost weight without trying", "weight_loss"),
        ("my dads headach is the worst ever, came on in seconds", "sudden_onset"),
        ("she has had a headach for 4 days", "headache"),
        ("bad haedache since monday", "headache"),
    ],
)
def test_a_relatives_signs_without_an_apostrophe_are_the_patients(text: str, sign: str) -> None:
    assert sign in _said(text)


# Session 28, written before the change (outside run 76 p02: "Are you saying it's the cancer
# back?" after the advice to see a doctor today got a relative's-illness answer; the
# patient was the writer's mother). A guess put back to the chat is answered "I can't tell
# you what it is", after urgent and emergency advice alike. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "so you're saying it's her tumour again?",
        "are u saying he has a clot",
        "is the cancer back then?",
        "wait, is his infection back?",
    ],
)
def test_a_guess_put_back_to_the_chat_is_no_diagnosis(message: str) -> None:
    urgent = advice.urgent_follow_up(message, ["cancer"], "911")
    emergency = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "can't tell you what it is" in urgent, urgent
    assert "can't tell you what it is" in emergency, emergency


# Session 28, written before the change (outside run 76 p02: "I already said, yes it wakes
# her at night whatever way she lies" was asked again, its yes dropped with the clause told
# of "her", the patient; "she can't get comfy whatever way she lies" raised nothing). The
# answer may follow a lead-in clause; no position that eases is night pain. My own words.
@pytest.mark.parametrize(
    ("name", "text", "answer"),
    [
        ("night_pain", "like i told you, yes it keeps him up whatever he does", "yes"),
        ("cancer", "as I said before - no she has never had it", "no"),
        ("night_pain", "honestly, yes, most nights he's up with it", "yes"),
    ],
)
def test_an_answer_after_a_lead_in_clause_is_read(name: str, text: str, answer: str) -> None:
    assert _answer_to(name, text) == answer


@pytest.mark.parametrize(
    "text",
    [
        "he can't get comfortable whichever way he lies and it's worse at bedtime",
        "she cant get comfy however she sleeps",
        # Session 32, written before the change (outside run 94 p08: "the nights are the
        # worst, he's up ... because he can't get comfortable lying any way" was asked
        # again twice). My own wordings.
        "ok in the day but night is the worst, she's up at 3 most nights",
        "he cannot get comfortable lying any way at all",
        # (outside run 96 p08: "worse lying down at nite weirdly, he ends up sleeping in
        # the recliner" was let go)
        "it's worse when she lies in bed at night",
        "he's been sleeping in the armchair for weeks, the bed is unbearable",
    ],
)
def test_no_way_of_lying_that_eases_is_night_pain(text: str) -> None:
    assert "night_pain" in _said(text)


# Session 28, written before the change (outside run 76 p08: "I had cellulitis on my left
# shin last month, all done with the antibiotics" and run 75 p06: impetigo "completely
# cleared up now" were noted as an infection where it hurts). An infection said to be over
# anywhere in its sentence is no infection now; one still treated or not cleared is.
@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("my son had a skin infection on his arm in october, all sorted with antibiotics now",
         False),
        ("I had cellulitis on my leg a few weeks back - totally cleared after the tablets",
         False),
        ("she had an infected graze on her knee over the summer which the GP treated and it "
         "has completely healed", False),
        ("I've got an infected cut on my back, on antibiotics now", True),
        ("had impetigo last month, it's still not cleared up", True),
    ],
)  # fmt: skip
def test_an_infection_said_to_be_over_is_no_infection_now(text: str, now: bool) -> None:
    assert ("skin_infection" in _said(text)) is now


# Session 28, written before the change (outside run 76 p08: a fall two weeks after two
# months of pain, "the pain was there long before that", then "And what about the fall,
# should I worry?" held "pain after a fall" and a doctor today, against her own history).
# A fall named back in a question asks the fall's question, not a fall told; a fall after
# the pain began is set aside (what can put right a flag read before). My own wordings.
@pytest.mark.parametrize(
    "text",
    ["so what about the accident, is that a worry?", "does that fall matter for the needles?"],
)
def test_a_fall_named_back_in_a_question_asks_about_it(text: str) -> None:
    found = safety.screen(text, known_signs=["back_pain", "aged_65_plus"])
    assert "trauma" not in _said(text)
    assert [q.name for q in found.questions] == ["trauma"], found.questions


def test_a_fall_told_with_a_question_is_still_a_fall() -> None:
    assert "trauma" in _said("I fell down the stairs yesterday, should I worry?")


def test_a_fall_after_the_pain_began_is_set_aside() -> None:
    found = safety.screen("the ache was there well before I slipped on the stairs last week")
    assert "trauma" not in {m.name for m in found.mentions if not m.denied}
    assert "trauma" in {m.name for m in found.set_aside}


# Session 28 (outside run 76 p08: "I did slip on the ice two weeks ago and landed smack on
# my bottom" raised no fall at all). My own wordings.
@pytest.mark.parametrize(
    "text", ["well I did trip over the dog on monday", "landed flat on my back off the ladder"]
)
def test_a_fall_in_emphatic_words_is_a_fall(text: str) -> None:
    assert "trauma" in _said(text)


# Session 28, written before the change (outside run 76 p05: "My friend say needle in upper
# back can make hole in lung, is true?" from a man never needled was asked "Since the
# needling, have you become short of breath...?"). A risk asked about is no needling had;
# "collapse a lung" is no fainting. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "my sister reckons the needles can puncture a lung, is that true?",
        "could needling near the ribs collapse a lung?",
        "is there a risk the needle goes into the lung?",
    ],
)
def test_a_lung_risk_asked_about_asks_nothing_and_is_no_fear(text: str) -> None:
    found = safety.screen(text, known_signs=["upper_back_pain"])
    assert not found.questions, found.questions
    assert "needle_phobia" not in _said(text)


def test_breathing_after_needling_had_is_still_asked() -> None:
    found = safety.screen("had needling on monday and now i can't get a full breath")
    said = {m.name for m in found.mentions if not m.denied}
    assert "after_needling" in said or "check_after_needling" in [q.name for q in found.questions]


# Session 28, written before the change (outside run 76 p01: "well i do throw up some
# mornings but not from the headaches, the headaches r afternoons" was a headache warning
# sign and a doctor today; "its morning sickness not the headaches" next put nothing
# right). Being sick said not to come with the headaches is no sign of them; explained in
# a later message, it is set aside, so the flag it holds is asked once more. My wordings.
@pytest.mark.parametrize(
    "text",
    [
        "i'm sick most mornings but it's nothing to do with the headaches",
        "yes I vomit in the mornings, not with the migraines though, they come at night",
    ],
)
def test_being_sick_said_not_to_come_with_the_headaches_is_no_sign(text: str) -> None:
    assert "morning_vomiting" not in _said(text)
    assert "headache_warning_signs" not in {
        f.code for f in safety.screen(text, known_signs=["headache"]).flags
    }


def test_being_sick_explained_later_is_set_aside() -> None:
    found = safety.screen("the vomiting in the mornings is morning sickness, I'm 9 weeks")
    assert "morning_vomiting" in {m.name for m in found.set_aside}


# Session 28, written before the change (outside run 76 p02: after a doctor today, "Yes
# please. And if the doctor finds something bad, do I just cancel?" at the booking's
# confirmation got "Yes, it really can't wait", twice, and nothing was booked). How to
# cancel if the doctor finds something is the booking's question, not waiting. My words.
@pytest.mark.parametrize(
    "text",
    [
        "ok. and if the GP says it's something serious, do we just cancel?",
        "if urgent care finds a problem should I cancel this then?",
    ],
)
def test_cancelling_if_the_doctor_finds_something_is_no_waiting(text: str) -> None:
    from clinic.booking import asks_how_to_change

    assert asks_how_to_change(text)
    assert not advice.asks_about_waiting(text)


# Session 28, written before the change (outside run 76 p06: "what do i tell them" after
# 911 for a fever and a stiff neck got "what has changed (a fever with a stiff neck, a rash
# or light hurting her eyes)", a rash she did not have; "like someone whacked her on the
# back of the head" was no sudden headache). The signs held are named, none other.
def test_what_to_tell_them_names_only_the_meningitis_signs_held() -> None:
    reply = advice.emergency_follow_up(
        "what do we say to them when we get there", ["meningitis_signs"], "911", "988",
        repeats=1, signs=["fever", "stiff_neck", "headache"],
    )  # fmt: skip
    assert "rash" not in reply and "fever" in reply and "stiff neck" in reply, reply


@pytest.mark.parametrize(
    "text",
    [
        "it came on like somebody smacked him round the back of the head",
        "she said it felt like she'd been whacked on the head, out of nowhere",
    ],
)
def test_a_headache_like_a_blow_is_a_thunderclap(text: str) -> None:
    assert "thunderclap" in _said(text)


# Session 28, written before the change (outside run 75 p01: "I'll take her to the ER...
# once she's cleared, is the Eliquis a problem for needling?" got "For later: the
# physiotherapist goes through that with you", the blood thinner not named: read as someone
# else's). A blood thinner named is named, whoever takes it.
def test_a_blood_thinner_asked_about_after_911_is_answered_as_one() -> None:
    reply = advice.emergency_follow_up(
        "ok I'm driving him to the ER now. after, is his xarelto an issue for the needles?",
        ["cauda_equina"], "911", "988", repeats=1,
    )  # fmt: skip
    assert "blood thinners don't rule dry needling out" in reply, reply


# Session 28, written after the fact (outside run 77: three long messages, each with a red
# flag in it, got no reply at all: a "but" after a sentence holding a sign with exceptions
# made the safety reading ask spaCy for sentences the served pipeline, without its parser,
# does not have). Every patient line of the conversation suite is read as served.
def test_every_patient_line_is_read_without_the_parser() -> None:
    import yaml

    nlp = spacy.load("en_core_web_md", exclude=["parser"])
    lines = [
        str(turn["patient"])
        for path in sorted((Path(__file__).parent / "conversations").glob("*.yml"))
        for conversation in yaml.safe_load(path.read_text())["conversations"]
        for turn in conversation["turns"]
    ]
    lines += [
        "Cancer yes, prostate, 5 year ago. Weight I don't know, my wife say I am thin. But I eat "
        "normal.",
        "i'm sick most mornings. but it's nothing to do with the headaches",
    ]
    for line in lines:
        safety.screen(line, nlp(line.lower()))  # raises on what the served reading lacks
    found = safety.screen(lines[-1], nlp(lines[-1].lower()))
    assert "morning_vomiting" not in found.signs


# Session 28, written before the change (outside run 77 p07: "the red warm bit, yes, maybe a
# little puffy... No fall, no cancer." had the fall and the cancer asked again one by one;
# "I just said no fall"). A hedge about the line said yes to leaves the plain noes standing.
def test_plain_noes_beside_a_hedged_yes_stand() -> None:
    from clinic.safety import screening
    from clinic.safety.checklist import read_checklist_answer
    from clinic.safety.screening import screen_questions

    lines = screen_questions("shoulder", None, ["aged_65_plus"], [])
    text = "the shoulder is hot and kind of swollen I think, had a fever. no fall. no cancer"
    found = screening.screen(text)
    answer = read_checklist_answer(lines, text, found.signs, found.denied_signs, "inform")
    asked = {q.sign for q in lines if q.name in answer.one_by_one}
    assert not asked & {"trauma", "cancer_history"}, answer


# Session 28, written before the change (outside run 78 p07: "ok. taking her to mount sinai
# now. thanks" after 911 for a sudden worst headache got "Please call 911 now, and stay where
# you are until help comes", contradicting the family on their way). Going now is met with
# the ambulance as safest and how to go if already going, never "stay where you are".
def test_going_to_hospital_now_is_not_told_to_stay_put() -> None:
    reply = advice.emergency_follow_up(
        "ok we're taking him to the hospital now", ["thunderclap_headache"], "911", "988",
        repeats=2,
    )  # fmt: skip
    assert "stay where you are" not in reply, reply
    assert "straight to the emergency department" in reply and "911" in reply, reply


# Session 28, written before the change (outside run 78 p07: "what do you think it could be?
# she said it's just a pulled muscle" after 911 got the advice alone). My own wordings.
@pytest.mark.parametrize(
    "message", ["so what could it be then?", "what do u think this might be, honestly"]
)
def test_what_it_could_be_asked_after_911_is_no_diagnosis(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["thunderclap_headache"], "911", "988", repeats=1)
    # Either no diagnosis and why, or why read as the question: what it can be a sign of.
    assert "can't tell you what it is" in reply or "can be a sign of" in reply, reply
    assert "911" in reply


# Session 29, written before the change (my own replay of outside run 79 p07's kind: "a
# fever and light hurting the eyes and a fever with a stiff neck, a rash or light hurting
# the eyes"). The signs told are named once; the question's words only when nothing else is.
def test_the_signs_told_are_named_without_the_questions_words_again() -> None:
    said = advice.described(
        "meningitis_signs", ["fever", "light_sensitivity", "meningitis_warning"]
    )
    assert said == "a fever and light hurting the eyes", said
    alone = advice.described("meningitis_signs", ["meningitis_warning"])
    assert "stiff neck" in alone, alone


# Session 29, written before the change (outside run 79 p01: "I was hoping to come in
# Tuesday when my daughter can drive me" after 911 got "someone else driving straight to the
# emergency department is fine"). A lift on another day is waiting, not how to go now.
@pytest.mark.parametrize(
    "message",
    ["could i come on thursday instead when my son can drive me?",
     "my husband can take me in the car tomorrow, is that ok"],
)  # fmt: skip
def test_a_lift_on_another_day_is_not_told_driving_is_fine(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cauda_equina"], "911", "988", repeats=1)
    assert "driving straight to the emergency department is fine" not in reply, reply
    assert "911" in reply, reply


# Session 29, written before the change (outside run 80 p08, unsafe: a man of 67, worst pain
# ever between the shoulder blades since lifting, "just the sweat like i said, maybe a lil
# winded" to "do you get chest pain or pressure, breathlessness, sweating...?" was asked
# again three times; 911 came at his sixth message). A symptom the question names, said in
# the answer, is a yes. My own wordings.
@pytest.mark.parametrize(
    ("name", "text", "reading"),
    [
        (
            "upper_back_cardiac",
            "only the sweats really, and a bit winded on the stairs",
            answers.YES,
        ),
        ("upper_back_cardiac", "hmm i guess i get a little clammy", answers.YES),
        ("shoulder_cardiac", "i do feel sick with it sometimes", answers.YES),
        ("upper_back_cardiac", "no, none of that", answers.NO),
    ],
)
def test_a_symptom_the_question_names_is_a_yes(name: str, text: str, reading: str) -> None:
    assert _answer_to(name, text) == reading


# Session 29, written before the change (outside run 80 p08: "felt like somethin let go
# between my shoulders, worst pain ive ever had" got the heart's question, not the aorta's).
# The worst pain ever between the shoulder blades asks whether it began as a tearing pain.
# My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("moving the fridge something went in my upper back, worst pain i've ever felt", True),
        ("pain between my shoulder blades, never had pain like it, came on an hour ago", True),
        ("my upper back is worst in the mornings", False),
    ],
)
def test_the_worst_pain_ever_in_the_upper_back_asks_about_tearing(text: str, asked: bool) -> None:
    names = [q.name for q in safety.screen(text).questions]
    assert ("check_worst_upper_back" in names) is asked, names


# Session 29, written before the change (outside run 80 p03: "sometimes a bit out of breath
# on stairs but thats the pregnancy i think" at 22 weeks, with upper back pain, was sent to
# 911). Puffed on effort, put down to the pregnancy, is set aside; breathless at rest, or with
# chest pain, still counts. My own wordings.
@pytest.mark.parametrize(
    ("text", "breathless"),
    [
        ("I get puffed walking up hills but that's just being pregnant", False),
        ("bit out of breath on the stairs, it's the baby pushing up i think", False),
        ("out of breath even sitting down, I thought it was the pregnancy", True),
        ("breathless on the stairs since yesterday with a pain in my chest", True),
        # Session 34, written before the change (outside run 107 p06: "I get a bit puffed on
        # the subway stairs but I'm 22 weeks pregnant so my OB says that's normal" got 911).
        # The pregnancy named beside it, or the doctor who called it normal. My wordings.
        ("puffed on the stairs at work, I'm 30 weeks pregnant", False),
        ("a little winded on hills, my midwife said that's normal", False),
        ("I'm 25 weeks pregnant and suddenly breathless on the stairs", True),
    ],
)
def test_breathless_on_effort_put_down_to_pregnancy_is_set_aside(
    text: str, breathless: bool
) -> None:
    assert ("breathless" in _said(text)) is breathless, safety.screen(text).mentions


# Session 29, written before the change (outside run 80 p05: a wife who bumped her head and
# was sick since was sent on "a knock to the head with confusion since, or while you take
# blood thinners"; "why do you keep saying confusion, i told you shes not"). The advice names
# what was told. My own sign sets.
def test_a_knock_to_the_head_is_described_by_the_signs_told() -> None:
    told = advice.described("head_injury", ["head_injury", "vomited"])
    assert "sick" in told and "confusion" not in told and "blood thinners" not in told, told
    thinners = advice.described("head_injury", ["head_injury", "on_blood_thinners"])
    assert "blood thinners" in thinners and "confusion" not in thinners, thinners


# Session 30, written before the change (outside runs 83 p04, 83 p05 and 84 p07: a husband
# who said "no chest pain, at rest" was told "chest pain ... that effort brings on"; "dropped
# things, handwriting messy" got "unsteady walking"; an unsure to the aorta's question got "a
# pulsing lump in your tummy" nobody had spoken of). Each flag says the signs it stands on.
# My own sign sets.
@pytest.mark.parametrize(
    ("code", "signs", "named", "not_named"),
    [
        ("cardiac", ["upper_back_pain", "sweating", "nausea"], ["sweat", "sick"], ["effort"]),
        ("cardiac", ["arm_and_jaw_pain", "at_rest"], ["rest", "jaw"], ["chest", "effort"]),
        ("cardiac", ["cardiac_warning", "breathless"], ["breath"], ["effort", "chest"]),
        ("myelopathy", ["hand_skill_loss", "neck_pain"], ["hand"], ["walking"]),
        ("myelopathy", ["unsteady_walking"], ["walking"], ["hands"]),
        ("aortic_dissection", ["aortic_warning"], ["tearing"], ["lump"]),
        ("aortic_dissection", ["pulsing_tummy_lump"], ["lump"], ["tearing"]),
        # (outside run 84 p04: "stronger" was told "worst on waking or with being sick")
        ("headache_warning_signs", ["headache", "headache_changed"], ["chang"], ["waking"]),
        ("headache_warning_signs", ["headache", "morning_vomiting"], ["sick"], ["chang"]),
    ],
)
def test_a_flag_is_described_by_the_signs_it_stands_on(
    code: str, signs: list[str], named: list[str], not_named: list[str]
) -> None:
    told = advice.described(code, signs)
    assert all(word in told for word in named), told
    assert not any(word in told for word in not_named), told


# Session 29, written before the change (outside run 80 p07: "on Keflex, 2 more days to go"
# got "You mentioned the toilet"). Time left on a course is no toilet. My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("on amoxicillin for my tooth, three more days to go", False),
        ("a week to go on the steroids, then done", False),
        ("i keep needing to go, day and night", True),
    ],
)
def test_time_left_on_a_course_is_no_toilet(text: str, asked: bool) -> None:
    names = [q.name for q in safety.screen(text).questions]
    assert ("check_bladder" in names) is asked, names


# Session 29, written before the change (outside run 81 p05: "nope. does the needling hurt?
# shes kinda scared of needles tbh" to the list asked every line again, one by one; p08: "no
# fever now. I did have cellulitis... it's cleared up. no to the rest" too). The needles of
# the treatment name no line (the "pins and needles" of one); a no to the rest, after an
# aside that names no line, denies the list. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["no. is the needle thing painful? he's a bit nervous of needles",
     "no temperature. had a chest infection last month, all cleared now. no to the rest"],
)  # fmt: skip
def test_a_no_with_an_aside_that_names_no_line_denies_the_list(text: str) -> None:
    from clinic.safety.screening import screen_questions

    lines = screen_questions("lower_back", None, [], [])[:8]
    answer = _read_list(lines, text)
    assert answer.one_by_one == () and len(answer.denied) >= len(lines) - 1, answer


# Session 29, written before the change (outside run 81 p01: "she also has had a few little
# accidents but she says thats just age" was told back as "pain after a fall, an accident or
# a knock" under 911). Accidents said of the bladder are no fall; the bladder is asked about.
# My own wordings.
@pytest.mark.parametrize(
    "text",
    ["he's been having accidents lately, he thinks it's his prostate",
     "she has had the odd accident, wet herself once or twice"],
)  # fmt: skip
def test_accidents_of_the_bladder_are_no_fall(text: str) -> None:
    found = safety.screen(text)
    assert "trauma" not in _said(text), found.mentions
    asked = [q.name for q in found.questions]
    assert "check_bladder" in asked or "bladder_or_bowel_control" in _said(text), found


# Session 29, written before the change (outside run 82 p01: "Have you anything on the Friday
# afternoon instead? My daughter can drive me then." to Thursday's times, after a doctor
# today, got the advice again and Thursday's times again; "2:30" then booked Thursday). Another
# day asked for among the times offered is the booking's; waiting said in words is not.
@pytest.mark.parametrize(
    ("message", "waiting"),
    [
        ("do you have anything on the wednesday morning instead?", False),
        ("anything saturday instead? my son can take me then", False),
        ("could I have thursday afternoon instead", False),
        ("can I wait until thursday afternoon instead?", True),
        ("can it wait till friday instead of today?", True),
    ],
)
def test_another_day_asked_for_instead_is_the_bookings(message: str, waiting: bool) -> None:
    assert advice.asks_about_waiting(message) is waiting


# Session 29, written before the change (outside run 83 p05: "Couldn't the fingers just be
# my diabetes? My A1c is fine." took diabetes off her list). A condition put forward in a
# question is no denial; "I'm not diabetic" still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("isn't the tingling just from my diabetes?", False),
        ("couldn't it be the blood thinners making me bruise?", False),
        ("I'm not diabetic", True),
    ],
)
def test_a_condition_put_forward_in_a_question_is_no_denial(text: str, denied: bool) -> None:
    found = [m for m in safety.screen(text).mentions if m.kind == "contraindication"]
    assert found and any(m.denied for m in found) is denied, found


# Session 31, written before the change (outside run 88 p04: at 28 weeks with numbness
# around the bottom, "can i call my OBs after hours line first instead? i dont want to go to
# the ER for nothing" got the advice alone). Calling one's own doctor first is answered: on
# the way, never instead. My own words.
@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("could I ring my GP's out of hours number first instead?", "cauda_equina"),
        ("can he call his cardiologist first? he hates hospitals", "cardiac"),
        ("is it ok if I phone the midwife first and see what she says?", "cauda_equina"),
    ],
)
def test_calling_ones_own_doctor_first_is_answered_on_the_way_not_instead(
    message: str, code: str
) -> None:
    for repeats in (0, 2):
        reply = advice.emergency_follow_up(message, [code], "911", "988", repeats=repeats)
        assert "on the way" in reply and "911" in reply, reply


# Session 31, written before the change (outside run 89 p07: "OK. We'll go to the ER. Thank
# you." about a heart's warning sign got "Please call 911 now, and stay where you are until
# help comes", against the advice just before to call or go). Going promised: the ambulance
# is safest, and how to go if they go. My words.
@pytest.mark.parametrize(
    "message", ["ok we'll go to the ER now", "fine, I'll take her to the emergency room"]
)
def test_going_to_the_emergency_department_promised_is_not_told_to_stay(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988", repeats=2)
    assert "stay where you are" not in reply and "ambulance" in reply, reply


# Session 31, written before the change (outside run 89 p07: "Should I wake him up? What
# exactly am I watching for?" after emergency advice got the advice alone). Asked whether to
# wake the patient or what to watch for: yes, now, and no waiting for more signs. My words.
@pytest.mark.parametrize(
    "message",
    ["she's asleep now, do I wake her?", "should i wake him or wait and see what happens?"],
)
def test_asked_whether_to_wake_the_patient_the_answer_is_yes_now(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988", repeats=1)
    assert reply.startswith("Yes") and "wake" in reply and "911" in reply, reply


def test_asked_what_to_watch_for_after_emergency_advice_no_waiting() -> None:
    reply = advice.emergency_follow_up(
        "what exactly am I watching for?", ["cardiac"], "911", "988", repeats=1
    )
    assert "already" in reply and "911" in reply, reply


# Session 31, written before the change (outside run 89 p02: a yes to "Have your headaches
# changed...?" was followed by a list with "headaches that are new since you turned 50, or
# changing"). A line whose part was answered yes is not asked again. My test.
@pytest.mark.parametrize("sign", ["headache_pattern_change", "headache_changed"])
def test_headaches_said_to_change_are_not_asked_about_changing_again(sign: str) -> None:
    from clinic.safety import screening

    names = [q.name for q in screening.screen_questions("head", None, said=[sign], denied=[])]
    assert "headache_new_after_50" not in names, names


@pytest.mark.parametrize(
    "message",
    [
        "fine, I'll ring the doctor in the morning. wednesday after 5 for the physio?",
        "ok we'll call his GP first thing. could we book saturday morning?",
    ],
)
def test_after_midnight_a_doctor_in_the_morning_is_thanked(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911", repeats=1, small_hours=True)
    assert reply.startswith("Thank you") and "don't wait" not in reply, reply
    assert "911" in reply


# Session 31, written before the change (outside run 90 p07: "no to all. he did get checked
# hard in a game in september but the pain started later i think" asked all four lines again
# one by one). A knock in sport told beside a no to the list: that line alone. My words.
def test_a_knock_in_sport_beside_a_no_to_the_list_asks_that_line_alone() -> None:
    from clinic.safety import checklist, screening

    names = ("fever", "cancer", "trauma", "night_pain")
    lines = list({q.name: q for qs in screening.SCREEN_QUESTIONS.values() for q in qs
                  if q.name in names}.values())  # fmt: skip
    text = "no to all of it. she got checked hard at practice last month, but it hurt later"
    found = safety.screen(text)
    touched = {m.name for m in found.mentions if m.kind == "sign" and not m.denied}
    answer = checklist.read_checklist_answer(lines, text, set(), set(), "deny", touched)
    assert answer.one_by_one == ("trauma",), answer


# Session 31, written before the change (outside run 90 p03: "worse since he started sleeping
# in his recliner after his heart stuff last year" was asked "You mentioned his chest"). A
# heart condition named vaguely is history, no chest pain now. My wordings.
@pytest.mark.parametrize(
    ("text", "chest"),
    [
        ("she's been careful since her heart problems in 2022", False),
        ("after all his heart issues he sleeps upright", False),
        ("my heart hurts when I walk up the stairs", True),
        # Session 33, written before the change (outside run 100 p03: "...Eliquis, because
        # heart beat is not regular" was asked "You mentioned your chest").
        ("blood thinner because his heart beat goes irregular", False),
        ("apixaban, my heart beats funny sometimes, the AF", False),
        # Session 37, written before the change (outside run 120 x7p04: "my father had the
        # stroke, I have only the heart" was asked "You mentioned your chest").
        ("no, my brother had the cancer, I have just the heart", False),
        ("she has only the heart, nothing else", False),
        ("I have the heart pain when I walk fast", True),
    ],
)
def test_a_heart_condition_named_vaguely_is_no_chest_pain(text: str, chest: bool) -> None:
    found = safety.screen(text)
    named = {m.name for m in found.mentions if not m.denied}
    assert ("chest" in named) is chest, named


# Session 31, written before the change (outside run 90 p02: "I don't want to make a fuss
# or wake my son. Can't I just book the needles for tomorrow...?" after 911 advice got "For
# later: the physiotherapist goes through that..."). My words.
def test_a_fuss_feared_and_needles_asked_instead_of_going_are_answered() -> None:
    reply = advice.emergency_follow_up(
        "its late and i hate to make a fuss. could i not just book the needling for monday?",
        ["cauda_equina"], "911", "988",
    )  # fmt: skip
    assert "For later" not in reply and "no fuss" in reply and "911" in reply, reply


def test_dont_wait_is_not_said_twice_in_a_row() -> None:
    """Session 31 (outside run 90 p02: "Please don't wait until then. Please don't wait any
    longer: call 911 now")."""
    for repeats in range(4):
        reply = advice.emergency_follow_up(
            "fine, I'll go first thing tomorrow", ["cauda_equina"], "911", "988", repeats=repeats
        )
        assert reply.count("don't wait") <= 1 and "911" in reply, reply


def test_the_advice_taken_is_never_told_to_stay_put_against_going() -> None:
    """Session 31 (outside run 91 p02: "ok ok I'm waking him up" after thunderclap advice got
    "stay where you are until help comes", against "or go to the emergency department")."""
    reply = advice.emergency_follow_up(
        "ok ok, I'm getting my sister up now", ["thunderclap_headache"], "911", "988", repeats=2
    )
    assert "stay where you are" not in reply and "911" in reply, reply


def test_a_sore_scalp_after_50_is_said_back_as_itself() -> None:
    """Session 31 (outside run 92 p03: "a headache after 50 with jaw pain on chewing or
    changes in her sight" for a sore scalp alone)."""
    said = advice.held_in_words(["giant_cell_arteritis"], ["scalp_tender", "aged_50_plus"])
    assert "scalp" in said and "jaw" not in said and "sight" not in said, said


def test_a_friend_driving_to_the_er_is_going_and_a_clause_plan_is_thanked() -> None:
    """Session 31 (outside run 93: "fine my gf is gonna take me to mount sinai" got "stay where
    you are"; "Thursday afternoon then, I'll call my doctor when they open" at 2 am got
    "Please don't wait until then"). My words."""
    going = advice.emergency_follow_up(
        "ok my brother is gonna drive me to the ER", ["thunderclap_headache"], "911", "988",
        repeats=2,
    )  # fmt: skip
    assert "stay where you are" not in going and "911" in going, going
    plan = advice.urgent_follow_up(
        "ok. friday morning then, I'll ring the doctor when they open",
        ["cancer"], "911", repeats=1, small_hours=True,
    )  # fmt: skip
    assert plan.startswith("Thank you") and "don't wait" not in plan, plan


# Session 32, written before the change (outside run 93 p03: a pacemaker told as "the small
# box under skin on the left chest, for the heart" was asked about chest pain and noted as
# a skin problem). A device described by what it is and where it sits is the implant; my
# own wordings, none of them the report's.
@pytest.mark.parametrize(
    ("said", "device"),
    [
        ("he has a little battery thing under the skin that keeps his heart going", True),
        ("I've got a heart device fitted, the back of my neck is sore", True),
        ("there's a small device under my collarbone for my heart rhythm. low back pain", True),
        ("my mum has a box in her chest for the heartbeat, neck pain for years", True),
        ("I have a fitness tracker on my wrist, back pain", False),
        ("heart is fine, just my back", False),
    ],
)
def test_a_heart_device_described_is_an_implant(said: str, device: bool) -> None:
    screen = safety.screen(said)
    standing = {m.name for m in screen.mentions if not m.denied}
    assert ("implant_near_site" in standing) is device, screen.mentions


# Session 32, written before the change (outside run 94 p04: after "call your maternity unit
# or labour and delivery now" for tightening at 24 weeks, every reply said "call 911 now or
# go to the nearest emergency department", and the advice read "(one of the warning signs:
# regular tightening ... (call your maternity unit ... on the way))"). The OB or midwife
# (session 35: no "maternity unit", a word a New York patient did not know) stays the one to
# call in every follow-up, and no bracket opens inside another.
@pytest.mark.parametrize("code", ["preterm_labour", "waters_breaking"])
@pytest.mark.parametrize(
    "message",
    ["ok", "i will call in the morning", "can i still book?", "what do i do", "ok calling now"],
)
def test_follow_ups_in_labour_keep_the_ob_or_midwife(code: str, message: str) -> None:
    replies = [
        advice.emergency_follow_up(message, [code], "911", "988", repeats=n) for n in range(4)
    ]
    for reply in replies:
        assert "OB or midwife" in reply or "911" not in reply, reply
        assert "nearest emergency department" not in reply, reply
    first = advice.red_flag_advice("emergency", [code], "911", "988")
    for said in (first, *replies):
        depth = 0
        for char in said:
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth <= 1, said


# Session 32, written before the change (outside run 95 p08: "Sloan has a 24 hour urgent
# care line, should I call them instead of 911?" got "No, not an urgent care clinic", and
# "Can't it wait until I call the oncology line in the morning?" a reply opening "Yes:").
# A team's phone line is told to wait behind 911, and no answer to "can't it wait?" opens
# with a yes. My wordings.
def test_a_care_teams_line_comes_after_the_emergency_call() -> None:
    reply = advice.emergency_follow_up(
        "her cancer centre has a 24hr nurse line, should we ring that instead?",
        ["cancer"], "911", "988", repeats=1,
    )  # fmt: skip
    assert "Call 911 first" in reply and "urgent care clinic" not in reply, reply


def test_no_yes_opens_the_answer_to_whether_it_can_wait() -> None:
    reply = advice.emergency_follow_up(
        "he's asleep, I don't want to wake him. can't it wait till the morning?",
        ["cauda_equina"], "911", "988", repeats=1,
    )  # fmt: skip
    assert "wake" in reply and "Yes:" not in reply and "No, it can't wait" in reply, reply


# Session 32, written before the change (outside run 95 p04: "she has lost a bit of weight...
# not sure how much" to "cancer at any time, or weight lost recently without trying" held a
# history of cancer, and "her cancer team" was named). A yes pointing at one part of a line
# of two holds that part. My wordings.
@pytest.mark.parametrize(
    ("text", "part"),
    [("he's lost some weight lately, dunno how much", "weight_loss"),
     ("yes the cancer, years ago", "cancer_history")],
)  # fmt: skip
def test_a_yes_to_one_part_of_a_line_holds_that_part(text: str, part: str) -> None:
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = [q for q in SCREEN_QUESTIONS["back"] if q.sign == "cancer_history"]
    answer = checklist.read_checklist_answer(lines, text, set(), set(), "inform")
    other = {"weight_loss", "cancer_history"} - {part}
    assert not answer.said & other, answer


# Session 32, written before the change (a conversation of mine after outside run 94 p04:
# "ok i will call them in morning" after the maternity unit's advice got "No call from the
# clinic has been set up", and no word about waiting). A call of one's own to make later is
# a plan to wait. My wordings.
@pytest.mark.parametrize(
    "message", ["ok we'll ring them in the morning", "i will call her tomorrow"]
)
def test_a_call_of_ones_own_later_is_waiting(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["preterm_labour"], "911", "988", repeats=1)
    assert "No call from the clinic" not in reply and "don't wait" in reply.lower(), reply


# Session 32, written before the change (outside run 96 p06, unsafe: "was doing deadlifts n
# it just hit me in the back of the head like someone swung a bat. never had one this bad
# tbh, threw up twice" was asked about mornings, then booked for needling). A headache
# that struck during effort, or is the worst ever, or came with vomiting as a new one, is
# the thunderclap's: raised, or asked about first. My own wordings, none of the report's.
@pytest.mark.parametrize(
    "text",
    [
        "was squatting heavy and my head went, like a hammer came down on the back of it",
        "halfway through my workout the back of the head felt like a baseball bat hit it",
        "head is pounding, never had one this bad, been sick twice since",
        "got a headache straining on the bench press last night, puked after",
    ],
)
def test_a_headache_struck_in_effort_or_the_worst_is_asked_about_first(text: str) -> None:
    found = safety.screen(text)
    raised = "thunderclap_headache" in {f.code for f in found.flags}
    # (a question of another place, as the aorta's between the shoulder blades, is left out
    # where the intake knows the head)
    names = [q.name for q in found.questions if q.name != "check_worst_upper_back"]
    asked = names[:1] in (["check_thunderclap"], ["check_sudden_headache"])
    assert raised or asked, ([f.code for f in found.flags], [q.name for q in found.questions])


# Session 32, written before the change (outside runs 95 p02 and 96 p02: "just wiping feels
# kind of weird, like it's not my skin" to the saddle question was read as nothing). Felt,
# but not as before, where wiping shows it, is the saddle's sign. My own wordings.
@pytest.mark.parametrize(
    ("text", "saddle"),
    [
        ("when I wipe it feels odd, sort of far away", True),
        ("it's strange when i wipe, hard to describe", True),
        ("down there it's like it's not my own skin", True),
        ("my knee feels a bit weird when I sit on the toilet", False),
    ],
)
def test_wiping_that_feels_different_is_the_saddles_sign(text: str, saddle: bool) -> None:
    assert ("saddle_numbness" in safety.screen(text).signs) is saddle


# Session 32, written before the change (outside runs 95 and 96 p02: "not really, the outside
# of my foot feels a bit dead but I guess thats the nerve" to "is anything new worrying
# you, such as numbness or weakness...?" was asked again word for word, then a doctor
# today). Numbness in one limb, as a nerve's pain brings, is no new worry; the region's
# screen asks its own questions next. Weakness or another sign stays a yes. My wordings.
@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("nah, just pins and needles in my right foot from the sciatica", answers.NO),
        ("only my thumb goes numb sometimes, nothing else", answers.NO),
        ("yes, my leg went weak and numb this morning and I can't lift my foot", answers.YES),
    ],
)
def test_one_limbs_numbness_is_no_new_worry(text: str, answer: str) -> None:
    assert _answer_to("check_anything_else", text) == answer


# Session 32, written before the change (outside run 97 p04, unsafe: "her right eye went kind
# of dim for a few minutes on Saturday but it came back" with a tired jaw at 72 got a doctor
# today; "she basically couldn't see out of the right eye" went by). Sight lost for a while,
# however put, is the sign. My own wordings.
@pytest.mark.parametrize(
    ("text", "vision"),
    [
        ("his left eye went sort of grey for a minute yesterday, then fine", True),
        ("she could not see out of one eye for a bit this morning", True),
        # (outside run 99 p03, unsafe, in a second language's words: "yesterday for few
        # minutes he cannot see good from one eye")
        ("this morning she cannot see nice with the left eye, some minutes", True),
        ("my eyes go blurry at the screen when I'm tired", False),
    ],
)
def test_sight_lost_for_a_while_is_vision_trouble(text: str, vision: bool) -> None:
    assert ("vision_trouble" in safety.screen(text).signs) is vision


# Session 32, written before the change (outside run 97 p02: "My daughter can drive me in
# the morning" after the emergency advice at 4:30 am got "Yes, someone else driving
# straight to the emergency department is fine"). A lift later is no going now. My words.
def test_a_lift_in_the_morning_is_told_not_to_wait() -> None:
    reply = advice.emergency_follow_up(
        "ok. my son can drive me there in the morning", ["cauda_equina"], "911", "988",
        repeats=1,
    )  # fmt: skip
    assert reply.startswith("Please don't wait") and "Yes" not in reply, reply


# Session 32, written before the change (outside run 97 p07: "The prostate thing was the big
# C but they said they got it all" named no cancer). My own wordings.
@pytest.mark.parametrize(
    ("text", "cancer"),
    [
        ("my bowel op in 2019 was for the big C, all clear now", True),
        ("a big cup of tea helps", False),
    ],
)
def test_the_big_c_is_a_cancer(text: str, cancer: bool) -> None:
    assert ("cancer_history" in safety.screen(text).signs) is cancer


# Session 32, written before the change (outside run 98 p06, unsafe: "tender to touch there
# too, even combing my hair" at 67 with temple headaches raised nothing). My wordings.
@pytest.mark.parametrize(
    "text",
    ["its sore to touch up there, even brushing my hair", "tender to touch, like when I comb it"],
)
def test_a_scalp_tender_to_touch_and_comb_is_the_sign(text: str) -> None:
    assert "scalp_tender" in safety.screen(text).signs


# Session 32, written before the change (outside run 98 p03: "she's on warfarin since her
# valve operation a few years back" recorded the warfarin only). My own wordings.
@pytest.mark.parametrize(
    ("text", "valve"),
    [("he had a valve op in 2019, on blood thinners since", True),
     ("after his valve repair the cardiologist put him on pills", True),
     ("the valve on the radiator broke and I hurt my back fixing it", False)],
)  # fmt: skip
def test_a_valve_operation_is_the_heart_valve(text: str, valve: bool) -> None:
    assert ("heart_valve" in safety.screen(text).contraindications) is valve


# Outside run 109 p08: "dizzy and queasy ... a weird headache" was told back as "being sick
# with the headaches", and the wife answered "he didnt actually throw up, just queasy".
# Feeling sick is no vomiting: each said in its own words.
def test_feeling_sick_with_headaches_is_not_told_back_as_being_sick():
    queasy = advice.described("headache_warning_signs", ["new_headaches", "nausea"])
    assert "feeling sick" in queasy and "being sick" not in queasy
    mornings = advice.described("headache_warning_signs", ["headache", "morning_vomiting"])
    assert "sickness in the mornings" in mornings


# Session 35, written before the change (outside run 110 p07: after 911 for arm pain on
# the stairs, "I'm calling Dr Feld's office right now, they have a nurse line" got "Stay
# together until help arrives", and "We're already in the car" got "Please call 911 now for
# an ambulance rather than going by car"). A call to a doctor is no help on its way; a
# family already driving there is told how to go on, not to stop. My own wordings.
@pytest.mark.parametrize(
    ("message", "says", "never"),
    [
        ("ringing his heart specialist now to see what they think", "call back",
         "until help arrives"),
        ("I'm phoning the GP surgery, they'll call us back", "call back", "until help arrives"),
        ("ok we've phoned 911, they're sending someone", "until help arrives", None),
        ("we're in the car now, my daughter's driving", "pull over", "rather than going by car"),
        ("on our way to the hospital, my son is at the wheel", "pull over",
         "rather than going by car"),
        ("can my neighbour drive us there?", "ambulance", "pull over"),
    ],
)  # fmt: skip
def test_a_call_to_a_doctor_or_a_ride_already_going_after_emergency_advice(
    message: str, says: str, never: str | None
) -> None:
    reply = advice.emergency_follow_up(
        message, ["cardiac"], "911", "988", repeats=2, signs=["left_arm_pain", "eases_with_rest"]
    )
    assert says in reply, reply
    assert never is None or never not in reply, reply


# Session 35, written before the change (outside run 110: p04, in early labour at 31 weeks,
# "what is maternity unit? i dont understand. i call my OB doctor?" got the same words
# again; p05 "ugh fine. calling" got "Please don't wait any longer"; p02 "which ER is
# closest to you guys?" was never answered; p05, told "call 911 now or go to the nearest
# emergency department... don't drive yourself" for a thunderclap headache, asked if his
# girlfriend could drive him and was told to call an ambulance rather than go by car).
# My own wordings.
@pytest.mark.parametrize(
    ("codes", "message", "says", "never"),
    [
        (["preterm_labour"], "should i phone my midwife?", "Yes", "maternity unit"),
        (["preterm_labour"], "sorry what does labour and delivery mean", "hospital", None),
        (["thunderclap_headache"], "urgh ok. ringing now", "Thank you", "don't wait"),
        (["cauda_equina"], "what hospital should we go to, is there one near the clinic?",
         "can't tell", None),
        (["cardiac"], "what's the closest ER to me", "can't tell", None),
    ],
)  # fmt: skip
def test_who_to_call_and_where_to_go_after_emergency_advice_is_answered(
    codes: list[str], message: str, says: str, never: str | None
) -> None:
    reply = advice.emergency_follow_up(message, codes, "911", "988", repeats=2)
    assert says in reply, reply
    assert never is None or never not in reply, reply


def test_emergency_advice_that_needs_an_ambulance_never_offers_the_car_first() -> None:
    """The first advice and the answer to "can my wife drive me?" say the same: an
    ambulance where the crew's care on the way matters; a drive where it is fine."""
    for code in ("thunderclap_headache", "cardiac", "stroke_signs"):
        first = advice.red_flag_advice("emergency", [code], "911", "988")
        assert "ambulance" in first and "nearest emergency department" not in first, first
        again = advice.emergency_follow_up("ok", [code], "911", "988", repeats=3)
        assert "nearest emergency department" not in again, again
    driven = advice.red_flag_advice("emergency", ["cauda_equina"], "911", "988")
    assert "emergency department" in driven and "don't drive yourself" in driven, driven


# Session 35 (outside run 109 p08, replayed at session 34's end: dizziness and a new
# headache after a neck was cracked were told as "changes in speech, vision, swallowing,
# balance or strength", none of which the wife had said). The stroke flag names the signs
# held, as the other flags do.
def test_the_stroke_flag_names_the_signs_held() -> None:
    told = advice.described("stroke_signs", ["neck_manipulated", "dizziness", "new_headaches"])
    assert "dizziness" in told and "new headache" in told and "speech" not in told, told
    assert "speaking" in advice.described("stroke_signs", ["speech_trouble", "headache"])
    assert "speech" in advice.described("stroke_signs", ["stroke_warning"])


# Session 35, written before the change (outside run 110 p03: "her doctor already saw her 2
# weeks ago, knows all her history, and sent her to physio" after a cancer 15 years ago got
# "Thank you, that's the right step... should be checked by a doctor today"). A doctor who
# saw the patient weeks ago knowing the history, or sending them to physiotherapy, checked
# this pain. My own wordings.
@pytest.mark.parametrize(
    ("message", "seen"),
    [
        ("his GP saw him 3 weeks ago, has his whole history, and referred him to you", True),
        ("my doctor examined me a couple of weeks ago, knows about the cancer and sent me "
         "for physio", True),
        ("she saw her oncologist last week and they referred her for physical therapy", True),
        ("her doctor saw her 2 weeks ago about her blood pressure", False),
        ("my doctor knows my history, I'll see her next month", False),
    ],
)  # fmt: skip
def test_a_check_weeks_ago_knowing_the_history_counts(message: str, seen: bool) -> None:
    assert advice.checked_for(message, ["cancer"], ["cancer_history", "neck_pain"]) is seen


# Session 35, written before the change (outside run 110 p03: "so she doesn't need to see
# him again today right?" was thanked as "the right step"). Care today said not to be
# needed is no plan to thank for. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "so he doesn't have to go today, does he?",
        "I don't need to call anyone tonight then?",
        "no need to see the GP today surely",
    ],
)
def test_care_today_said_not_needed_is_not_thanked(message: str) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911", signs=["cancer_history"])
    assert "right step" not in reply, reply
    assert "today" in reply, reply


# Session 35 (outside run 110 p02: "do I tell them what you said?" got "Yes, tell them about
# what you said, and everything else..."). The chat's own words asked about are all of it.
def test_telling_them_what_the_chat_said_is_all_of_it() -> None:
    told = advice.tell_them("should i tell the ER what u said?")
    assert told.startswith("Yes") and "what u said" not in told and "what you said" not in told


# Session 35, written before the change (outside run 111 p03: after a doctor today for
# clumsy hands and unsteady walking, "Which doctor we go, the family doctor ok? She have
# appointment on thursday" got the referral answer, and "Thursday is her family doctor
# appointment, 9 in morning. Is ok she wait to thursday for doctor?" the clinic's times).
# Which doctor, or waiting for a doctor's appointment, is the advice's to answer. My own
# wordings.
@pytest.mark.parametrize(
    "message",
    [
        "which doctor should he see, his normal GP ok?",
        "her GP appointment is on friday at 10. can she wait till then for the doctor?",
        "Is it alright to wait for his doctor on Monday?",
        "who should we go to, the family doctor?",
    ],
)
def test_which_doctor_or_waiting_for_one_is_the_advices(message: str) -> None:
    assert advice.asks_about_waiting(message), message


def test_waiting_for_a_doctors_appointment_days_away_is_too_late() -> None:
    reply = advice.urgent_follow_up(
        "her GP appointment is on friday at 10. can she wait till then for the doctor?",
        ["myelopathy"],
        "911",
        signs=["clumsy_hands"],
    )
    assert "today" in reply and "right step" not in reply, reply


# Session 35, written before the change (outside run 111 p03: "she walk more slow now, hold
# the wall" was not read; only the dropped cup was). Holding on, said after the walking.
@pytest.mark.parametrize(
    "text",
    ["he walks slower and holds on to the furniture", "she walk more slow now, hold the wall"],
)
def test_holding_on_said_after_walking_is_unsteady_walking(text: str) -> None:
    assert "unsteady_walking" in safety.screen(text).signs


# Session 35, written before the change (outside run 111 p07: "I had plenty [of needles]
# during chemo so I'll cope", twelve years after her cancer, recorded a weakened immune
# system, and "My chemo was twelve years ago, I'm not on anything now" was never heard).
# Chemotherapy long over is no weak immune system now; chemotherapy now still is.
@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("I had chemo back in 2016, all clear since", False),
        ("needles don't bother me, I had loads when I was doing chemo years ago", False),
        ("she finished her chemotherapy ages ago", False),
        ("finished chemo last month", True),
        ("I'm on chemo at the moment", True),
        ("he's having chemotherapy every 3 weeks", True),
        ("chemo", True),
    ],
)
def test_chemotherapy_long_over_is_no_weak_immune_system(text: str, now: bool) -> None:
    assert ("immunosuppressed" in safety.screen(text).contraindications) is now


def test_chemotherapy_said_years_over_takes_back_a_weak_immune_system() -> None:
    found = safety.screen("my chemo was 10 years ago, I'm not on any treatment now")
    assert "immunosuppressed" in found.denied_contraindications


# Session 35, written before the change (my own wording while testing outside run 111 p04's
# question: "so can I have the needles or not, being pregnant?" took the pregnancy off her
# list; "is it ok or not with my pacemaker?" the pacemaker). The "not" of a question's
# alternative denies nothing.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("so can I have the needles or not, being pregnant?", "pregnancy"),
        ("is it ok or not with my pacemaker?", "implant_near_site"),
        ("whether or not I'm on warfarin matters?", "anticoagulants"),
    ],
)
def test_or_not_in_a_question_denies_nothing(text: str, code: str) -> None:
    found = safety.screen(text)
    assert code not in found.denied_contraindications, found


# Session 35, written before the change (outside run 111: p02 "ok going. but parking? for
# when i come later" got "No, that's too late"; p05 "Could I get my husband to take me to
# the ER at Mount Sinai instead" got "Please go: this shouldn't wait. Please don't wait any
# longer: call 911 now for an ambulance", and "An ambulance seems a bit much?" the ambulance
# again with no reason). My own wordings.
@pytest.mark.parametrize(
    ("codes", "message", "says", "never"),
    [
        (["cauda_equina"], "alright we're off. where do I park when I come for the physio later?",
         "Thank you", "too late"),
        (["thunderclap_headache"], "can my sister take me to the ER instead? she's here",
         "ambulance", "shouldn't wait"),
        (["thunderclap_headache"], "isn't an ambulance a bit over the top? I feel ok-ish",
         "bleeding", None),
        # Outside run 113 p06: "ok ok, calling now. he has a pacemaker too if that matters for
        # the needles later" got "Please don't wait until then".
        (["stroke_signs"], "ok, ringing now. she's on warfarin, matters for the needling later?",
         "For later", "don't wait until then"),
    ],
)  # fmt: skip
def test_going_taken_and_the_ambulance_asked_about_after_emergency_advice(
    codes: list[str], message: str, says: str, never: str | None
) -> None:
    reply = advice.emergency_follow_up(message, codes, "911", "988", repeats=2)
    assert says in reply, reply
    assert never is None or never not in reply, reply


# Session 35, written before the change (outside run 112 p05, unsafe: after booking, "is it
# normal that the shoulder gets worse walking up the subway stairs? i get kinda winded and
# a bit sweaty, it goes off once i stop" from a man with a pacemaker raised nothing). Pain
# worse on effort is effort bringing it on; breathless and sweaty on effort, settling with
# rest, is the heart's to rule out today, wherever it hurts. My own wordings.
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my shoulder aches worse climbing the stairs to the office and it settles when I stop",
         "arm_or_jaw_place"),
        ("i get puffed and clammy going up hills, it passes once i stand still a minute", None),
        ("walking to the station I get short of breath and sweaty, fine again after I stop",
         None),
    ],
)  # fmt: skip
def test_effort_with_breathlessness_or_a_shoulder_that_settles_with_rest_is_the_hearts(
    text: str, place: str | None
) -> None:
    signs = set(safety.screen(text).signs) | ({place} if place else set())
    levels = {flag.level for flag in safety.red_flags_for(signs) if flag.code == "cardiac"}
    assert levels & {"urgent", "emergency"}, signs


# Session 35 (outside run 112 p08: "He has caught his right toe on the curb a couple of
# times since the weekend" was not read; the foot "slaps down" only later).
def test_a_toe_caught_a_couple_of_times_is_a_foot_that_catches() -> None:
    said = "she's caught her left toe on the kerb a couple of times this week"
    found = safety.screen(said)
    assert "worsening_weakness" in {m.name for m in found.mentions}, found.mentions


# Session 35, written before the change (outside run 113 p04, nearly unsafe: 5 months
# pregnant, a calf swollen, red and warm for two days, "I call my OB tomorrow ok? today I
# work until late" got the intake's next question). Her OB, midwife or nurse named with a
# later time is the advice's to answer. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "is it ok if I ring my midwife in the morning?",
        "I'll phone my ob-gyn on wednesday, fine?",
        "my PCP can see me friday, ok to wait?",
    ],
)
def test_waiting_for_the_ob_or_midwife_is_the_advices(message: str) -> None:
    assert advice.asks_about_waiting(message), message


# Session 35, written before the change (outside run 113 p06: "it was a car crash but slow,
# maybe 15 mph?" to "was it a serious accident: a road crash...?" sent a man rear-ended 10
# days before, x-rayed at the ER that day, to 911 by ambulance). A crash said to be slow is
# the rule's low-risk one (Canadian C-spine: a simple rear-end collision); at speed, a
# rollover or a head-on still is not.
@pytest.mark.parametrize(
    ("text", "major"),
    [
        ("it was a car accident but really slow, in a parking lot", False),
        ("just a fender bender at the lights", False),
        ("a low speed crash, someone bumped us from behind", False),
        ("a car crash on the highway at speed", True),
        ("our car rolled over", True),
    ],
)
def test_a_slow_crash_is_no_major_trauma(text: str, major: bool) -> None:
    assert ("major_trauma" in safety.screen(text).signs) is major


# Session 35, written before the change (outside run 114, unsafe: p08 "the TV goes double
# sometimes in the evening" in a 16-year-old with morning vomiting was read as trouble
# seeing, not double vision; p07 "they took some lymph nodes out in 2018 with the prostate
# surgery... psa was fine last i checked", at 63 with night pain, was no cancer). My own
# wordings.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("the screen goes double when she's tired", "double_vision"),
        ("everything went double for a few seconds", "double_vision"),
        ("they removed some lymph nodes as well during my prostate operation", "cancer_history"),
        ("had my prostate removed years ago, my psa is checked every year", "cancer_history"),
    ],
)
def test_double_seen_and_a_prostate_taken_out_with_its_nodes(text: str, sign: str) -> None:
    assert sign in safety.screen(text).signs


def test_a_psa_test_alone_is_no_cancer() -> None:
    assert "cancer_history" not in safety.screen("my GP checks my psa every year").signs


# Session 36, written before the change (outside run 115 p05, unsafe: "ever since the bump
# got bigger", "since about 20 weeks", "i pee like every hour but thats the baby", then
# "None of these" to the checklist: no pregnancy recorded, her low back in line for needles).
# A pregnancy hinted and never said is asked about directly, at once. My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("my hips have ached since my bump really popped", True),
        ("lower back pain, worse since around 24 weeks", True),
        ("i get up to pee all night but that's the baby lol", True),
        ("sore low back, baby bump getting heavy", True),
        ("I bumped my head on a cupboard and my neck is stiff", False),
        ("there's a bump on my shin from football", False),
        ("lower back pain for about 20 weeks now", False),
        ("neck pain since 20 weeks ago", False),
        ("my back aches from carrying the baby all day, she's 4 months", False),
        ("I'm 26 weeks pregnant and my low back aches", False),
        # Session 37, written before the change (outside run 121 r07, unsafe: "my OB said to
        # stick to tylenol till the baby's here", "that's just morning sickness", then "None
        # of these": "Dry needling may help"). Her doctor for the pregnancy, the baby to
        # come, the sickness of its first months. My own wordings.
        ("my midwife says I can only take tylenol for the headaches", True),
        ("the ob-gyn told me no ibuprofen until the baby comes", True),
        ("I'm sick every morning but it's only morning sickness", True),
        ("my hips hurt at night, my midwife blames the hormones", True),
        ("my obstetrician friend recommended you", False),
        # (outside run 123 u03, unsafe: "got a lil surprise lol 9 wks 🤰")
        ("so tired n queasy lately haha 🤰 anyway my neck", True),
        # Session 38 (outside run 127 z06, unsafe: "my period's a little late" and queasy
        # mornings read as an internal complaint for a pharmacist). My own wordings.
        ("I missed my period this month and feel off, neck is sore", True),
        ("my period is a week late, jaw aches", True),
        ("my periods are heavy and my back aches with them", False),
    ],
)  # fmt: skip
def test_a_pregnancy_hinted_is_asked_about(text: str, asked: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    names = [q.name for q in found.questions]
    assert ("check_pregnant" in names) is asked, names


# Session 38, written before the change (outside run 124 v06, unsafe: "a tablet twice a day
# for my irregular heart rhythm, my cardiologist started it last year" read as nothing, and
# "Dry needling is often worth considering"). A condition whose treatment is usually a blood
# thinner is asked about directly, as a pregnancy hinted is. My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("nothing on the list, I do take something each night for atrial fibrillation", True),
        ("I've had afib for years, it's under control", True),
        ("they put two stents in after my heart attack", True),
        ("I had a clot in my lung in 2021", True),
        ("my dad has an irregular heartbeat, that's why I worry", False),
        ("my heart rhythm was checked and it's normal", False),
        ("on Eliquis for afib", False),
    ],
)  # fmt: skip
def test_a_condition_treated_with_blood_thinners_asks_about_them(text: str, asked: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    names = [q.name for q in found.questions]
    assert ("check_blood_thinner" in names) is asked, names


# Session 38, written before the change (found probing run 124 v02's stent: "they put two
# stents in after my heart attack" was the heart's emergency now). A heart attack told as a
# past event, months or years ago, is a history; one now, or feared now, is not. My wordings.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I had a heart attack in 2019 and I've been fine since", False),
        ("they put two stents in after my heart attack", False),
        ("had a heart attack five years ago, now my neck is sore", False),
        ("my dad died of a heart attack so I worry, my neck is sore", False),
        ("I think I'm having a heart attack", True),
        ("had a heart attack 3 weeks ago and now my shoulder aches when I walk", True),
    ],
)  # fmt: skip
def test_a_heart_attack_told_as_history_is_no_emergency_now(text: str, flagged: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert ("cardiac" in [f.code for f in found.flags]) is flagged, found.signs


def test_the_pregnancy_question_is_never_asked_at_65_or_over() -> None:
    from clinic.safety import screening

    found = screening.screen("my hips ache since the bump got bigger", known_signs=["aged_65_plus"])
    assert "check_pregnant" not in [q.name for q in found.questions]


# Session 36, written before the change (outside run 115 p04: after a doctor today, "where I
# can find cheap doctor without insurance?" got the advice again, "yes but WHERE. I dont know
# any place" the notes' reply, and "where is doctor or urgent care near me" the booking's).
# Where to find care, and care without insurance, are the advice's to answer, honestly: the
# nearest place is not known here; the clinic's own words on care without insurance are.
@pytest.mark.parametrize(
    "message",
    [
        "ok but where do I even go? I don't know any doctors here",
        "is there an urgent care near me? I'm in Astoria",
        "i have no insurance, how do i see a doctor that i can afford??",
        "yes but where. I don't know any place",
    ],
)
def test_where_to_find_care_is_the_advices_to_answer(message: str) -> None:
    assert advice.asks_about_waiting(message)
    reply = advice.urgent_follow_up(message, ["cancer"], "911")
    assert "today" in reply
    assert "nearest" in reply or "community health" in reply, reply


def test_care_without_insurance_gets_the_clinics_answer() -> None:
    reply = advice.urgent_follow_up(
        "i have no insurance, how do i see a doctor that i can afford??", ["cancer"], "911"
    )
    assert "community health" in reply


# Session 36, written before the change (outside run 115 p04: "maybe 5 kilo less but I dont
# do diet" was asked "Have you lost weight recently without trying?"). The present for the
# past, and "less", as a non-native writer says them; a diet kept is still no sign.
@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("also I lose 6 kilo, I dont make diet", True),
        ("my trousers are big, 4 kilo lighter and I'm not dieting", True),
        ("he loses weight without trying, maybe 5 kg", True),
        ("I lost 5 kilos on my diet", False),
        ("lost 3 kg, I have been dieting", False),
    ],
)
def test_weight_lost_not_meant_in_other_words(text: str, lost: bool) -> None:
    assert ("weight_loss" in safety.screen(text).signs) is lost


# Session 36, written before the change (outside run 115 p08: "yes, after the pediatrician.
# next week some time after school, like 4pm?" got "Please go: this shouldn't wait"). A day
# asked for after the care advised is a booking for afterwards; waiting asked is not.
@pytest.mark.parametrize(
    ("message", "about"),
    [
        ("sure, once we have seen the GP. thursday next week around 3?", False),
        ("ok after the doctor then. friday afternoon?", False),
        ("after urgent care tonight, so maybe tuesday at 10?", False),
        ("can it wait till after the weekend?", True),
        ("after the doctor, can I wait until monday?", True),
    ],
)
def test_a_day_asked_for_after_the_care_is_a_booking(message: str, about: bool) -> None:
    assert advice.asks_about_waiting(message) is about


# Session 36, written before the change (outside run 115 p08: a 16-year-old hockey player's
# arm tingling after hits was asked "Does this pain come on when he walks uphill, climbs
# stairs or exerts himself, and ease when he rests?"). The heart's effort questions are an
# adult's; a child's arm pain with effort is asked nothing of the heart. My own wordings.
@pytest.mark.parametrize(
    ("text", "known", "asked"),
    [
        ("my son is 15, his arm aches when he runs and eases when he stops", [], False),
        ("her arm tingles after netball practice", ["young_patient"], False),
        ("my left arm aches on the stairs, I'm 58", [], True),
    ],
)
def test_the_hearts_effort_questions_are_not_asked_of_a_child(
    text: str, known: list[str], asked: bool
) -> None:
    from clinic.safety import screening

    names = {q.name for q in screening.screen(text, known_signs=known).questions}
    effort = {"check_exertion", "check_eases_with_rest", "check_exertion_breathless"}
    assert bool(names & effort) is asked, names


# Session 36, written before the change (outside run 115 p08: a 16-year-old's neck after hits,
# "no just normal hockey hits" to the serious accident question, was asked "Was it a serious
# accident..., or is he 50 or over, or does he have thin bones...?" at once: "he's SIXTEEN.
# no"). With the serious accident denied, a young patient is not asked how the fall happened.
def test_how_the_fall_happened_is_not_asked_of_a_child_once_a_serious_accident_is_denied() -> None:
    from clinic.safety.screening import screen_questions

    said = ["trauma", "young_patient", "neck_pain"]
    asked = screen_questions("neck", "arm", said, ["major_trauma"])
    assert "check_fall_how" not in [q.name for q in asked]
    adult = screen_questions("neck", "arm", ["trauma", "neck_pain"], ["major_trauma"])
    assert "check_fall_how" in [q.name for q in adult]


# Session 36, written before the change (outside run 115 p04: "is like deep pain, more bad in
# the night, I cannot sleep good" was "Sorry, I didn't catch how it feels", then asked about
# pain worse at night twice). Worse said as a non-native writer may. My own wordings.
@pytest.mark.parametrize("text", ["my back is more bad at night", "pain badder in the night"])
def test_worse_at_night_in_a_learners_words(text: str) -> None:
    assert "night_pain" in safety.screen(text).signs


# Session 36, written after outside run 116 p05 (my own change of run 115's kind asked "are
# you pregnant at the moment?" after "thats just the baby sitting on my bladder" had recorded
# the pregnancy, and again after "I'm 22 weeks btw"). A pregnancy told is never asked about.
def test_a_pregnancy_told_in_the_message_is_not_asked_about() -> None:
    from clinic.safety import screening

    found = screening.screen("my bump got bigger and the baby is sitting on my bladder")
    assert "pregnancy" in found.contraindications
    assert "check_pregnant" not in [q.name for q in found.questions]


# Session 36, written before the change (outside run 116 p08: "no chest pain. just the night
# sweats i said" to the heart's question of a pain between the shoulder blades was a yes, and
# 911). Sweats at night are the fever's sign, never sweating with the pain. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "no chest pain, only the sweating at night I mentioned",
        "nope. I do wake up sweaty in bed but that's it",
    ],
)
def test_sweats_at_night_are_no_sweating_with_the_pain(text: str) -> None:
    found = safety.screen(text, known_signs=["upper_back_pain"])
    assert "sweating" not in found.signs
    assert "cardiac" not in [flag.code for flag in found.flags]


def test_sweating_with_the_pain_still_counts() -> None:
    found = safety.screen("pain between my shoulder blades, I'm sweating and feel sick")
    assert "cardiac" in [flag.code for flag in found.flags]


# Session 36, written before the change (outside run 116 p04, and runs 114 and 115: an
# uninsured man 4 days after a sudden headache, "i cannot pay ambulance, 1000 dollar. cousin
# drive is ok or not ok? yes or no please" got the ambulance again and nothing else; run 115
# p07 "my roommate can take me in an uber" the same). The ambulance stays the advice; asked
# again, or the ambulance refused, a ride straight there is better than not going at all.
@pytest.mark.parametrize(
    "message",
    [
        "we can't afford an ambulance. my sister can drive me, is that ok?",
        "I'm not getting an ambulance. my friend will drive me there now",
    ],
)
def test_a_ride_after_the_ambulance_refused_is_told_how_to_go(message: str) -> None:
    reply = advice.emergency_follow_up(message, ["thunderclap_headache"], "911", "988", repeats=1)
    assert "ambulance" in reply and "911" in reply, reply
    assert "straight to the nearest emergency department" in reply, reply
    assert "never drive yourself" in reply.lower() or "don't drive yourself" in reply.lower()


def test_a_ride_asked_about_first_gets_the_ambulance() -> None:
    reply = advice.emergency_follow_up(
        "can my husband drive me to the hospital?", ["cardiac"], "911", "988", repeats=1
    )
    assert "ambulance" in reply and "straight to the nearest emergency department" not in reply


# Session 36, written before the change (outside run 117 p04 and p03: "no chest pain. little
# bit short breath when i climb stair to subway but is the baby i think" and "she gets a bit
# puffed on the stairs but she's 74 and has the afib, that's normal for her" to the heart's
# question of a pain between the shoulder blades were its yes, and 911, three times). The
# heart's pattern is chest pressure with breathlessness, sweating or sickness (clinical facts,
# section 2): breath short on the stairs, put down to something known, with no chest pain, is
# no yes; effort bringing on the pain, or breathlessness with it, still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("no chest pain. I do get a bit out of breath on the stairs but that's the pregnancy",
         answers.NO),
        ("he gets puffed walking uphill but he's always been like that, asthma. no chest pain",
         answers.NO),
        ("no chest pain, but I get sweaty and out of breath when the pain comes on walking",
         answers.YES),
        ("yes, breathless with it", answers.YES),
        ("no chest pain, just a little short breath when I walk up to the train, I think it's "
         "the baby", answers.NO),
    ],
)  # fmt: skip
def test_breath_short_on_effort_put_down_to_something_known_is_no_yes_to_the_hearts_question(
    text: str, reading: str
) -> None:
    assert _answer_to("upper_back_cardiac", text) == reading


# Session 36, written before the change (outside run 117 p07: "no hes 16 lol" to how a fall
# happened took "a patient under 18" off the list). An age told is a number, never denied by
# the no that answers the question. My own wordings.
@pytest.mark.parametrize("text", ["nope, she's 14", "no no he is 17 lol"])
def test_an_age_said_after_a_no_is_still_the_age(text: str) -> None:
    found = safety.screen(text)
    assert "under_18" in found.contraindications
    assert "young_patient" in found.signs


# Session 36, written before the change (outside run 118 p07, unsafe: "he went to a chiro on
# fri for a stiff neck & it got worse after", then "he's also been a bit off balance, walked
# into the door frame twice" got a doctor today). A chiropractor's visit for the neck is a
# manipulation; unsteady since is the emergency department. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "saw an osteopath for her neck on saturday and since then she's been wobbly on her feet",
        "my neck got worse after the chiropractor, and I keep losing my balance walking",
    ],
)
def test_unsteady_after_a_neck_seen_by_a_chiropractor_is_an_emergency(text: str) -> None:
    found = safety.screen(text)
    assert ("stroke_signs", "emergency") in [(f.code, f.level) for f in found.flags], found.flags


# Session 36, written before the change (outside run 118 p04: a pain between the shoulder
# blades at 72, "she gets a bit puffed on the stairs but shes always been like that" to the
# list got 911 for "trouble breathing"). Breathlessness long-standing and put down to what is
# known is no sign of now; new breathlessness still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("he gets a bit out of breath on hills, he's always been like that", False),
        ("she's puffed on the stairs but that's normal for her, for years", False),
        ("he's suddenly out of breath since this morning", True),
    ],
)
def test_long_standing_breathlessness_with_upper_back_pain_is_no_emergency(
    text: str, emergency: bool
) -> None:
    found = safety.screen(text, known_signs=["upper_back_pain"])
    assert (found.level == "emergency") is emergency, found.flags


# Session 37, written before the change (outside run 120 x7p02: a tension headache "like a
# band squeezing round my forehead", then "my jaw feels tight too... my dentist said I
# grind" was 911 for the heart, held after "no chest pain at all"). A squeezing said of the
# head is the headache's band, and a jaw put down to grinding or clenching is the teeth's:
# neither is the heart's pressing pain or its jaw. Said of the chest or unplaced, into the
# jaw, it still is. My own wordings.
@pytest.mark.parametrize(
    ("first", "then", "cardiac"),
    [
        ("a squeezing ache right round my forehead, like a tight band",
         "the jaw aches too, the dentist says I clench at night", False),
        ("headaches with a pressing feeling in my temples",
         "my jaw is tight as well, probably from grinding", False),
        ("a heavy pressing feeling that won't go away", "it goes up into my jaw as well", True),
        ("squeezing pain, feels like a weight on me", "my jaw aches with it", True),
    ],
)  # fmt: skip
def test_a_squeezing_head_and_a_grinding_jaw_are_not_the_hearts(
    first: str, then: str, cardiac: bool
) -> None:
    signs, flags = _over_two_messages(first, then)
    assert ("cardiac" in flags) is cardiac, (signs, flags)


# Session 37, written before the change (outside run 120 x7p07: "To be clear: I have no pain,
# numbness or pins and needles in both legs" was read as "symptoms in both legs too", 911
# held). A "no" before a list reaches every feeling of it, "pins and needles" too, however
# the phrases of the sign overlap. My own wordings; a yes after the list still counts.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I have no aching, numbness or pins and needles in both my legs", False),
        ("he's got no soreness, pins and needles or numbness in both legs", False),
        ("there is no tingling or pins and needles in both legs", False),
        ("no pins and needles, numbness or weakness in both legs", False),
        ("no pain in the back, but pins and needles in both legs since monday", True),
        ("not sure, numbness or tingling in both legs since yesterday", True),
        ("nothing else, just numbness or tingling in both legs", True),
    ],
)
def test_no_before_a_list_of_feelings_in_both_legs(text: str, flagged: bool) -> None:
    screening = safety.screen(text)
    assert ("both_legs_nerve" in screening.signs) is flagged, screening.mentions


# Session 37, written before the change (outside run 119 p04: "No, nothing from this. But the
# crack sound? My wife still worry." to the neck's list asked all five lines again, one by
# one). A question after the no, about what no line is about, keeps the no (the question is
# answered on its own); one about a line's sign is still asked. My own wordings.
@pytest.mark.parametrize(
    ("text", "all_denied"),
    [
        ("no none. but is the clicking when I look up normal?", True),
        ("nothing like that. but what about the popping noise in my neck?", True),
        ("no. but does it matter that my knee cracks?", True),
        ("none, but does a bit of numbness in my face count?", False),
    ],
)
def test_a_question_after_a_no_about_no_line_keeps_the_no(text: str, all_denied: bool) -> None:
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["neck"])[:5]
    answer = _read_list(lines, text)
    assert (answer.denied == frozenset(q.sign for q in lines)) is all_denied, answer


# Session 37, written before the change (outside run 119 p02: "...Dr Feldman signed me off...
# I only see her once a year now. Can't I just come in for the needles?" was thanked as
# "the right step"). A doctor seen as a habit ("once a year now") is no plan to go today.
# My own wordings; a plan for now still is.
@pytest.mark.parametrize(
    ("message", "thanked"),
    [
        ("my GP retired, I see the new one every few months now. can I not just book?", False),
        ("I go to the clinic twice a year now, that's plenty. can't we skip it?", False),
        ("ok I'm calling the surgery now", True),
    ],
)
def test_a_doctor_seen_as_a_habit_is_no_plan_to_go(message: str, thanked: bool) -> None:
    reply = advice.urgent_follow_up(message, ["cancer"], "911")
    assert ("right step" in reply) is thanked, reply


# Session 37, written before the change (outside run 120 x7p02: "How do I talk to an actual
# person at the clinic?" after 911 advice got "This can't wait: please call 911 now" alone).
# A person asked for gets the clinic's number, the emergency first. My own wording.
def test_a_person_asked_for_after_emergency_advice_gets_the_clinics_number() -> None:
    reply = advice.emergency_follow_up(
        "can I speak to a real person from the clinic please", ["cardiac"], "911", "988",
        clinic_phone="(212) 555-0100", repeats=2,
    )  # fmt: skip
    assert "(212) 555-0100" in reply and reply.index("911") < reply.index("(212) 555-0100")


# Session 37, written before the change (outside run 121 r03: "my foot goes totally numb wen
# im on the toilet scrollin tiktok for ages, goes away wen i get up" was 911 for numbness
# around the bottom and the bladder, held through two denials). A limb said to go numb
# while sitting on the toilet is the limb's, not the saddle's or the bladder's; numbness
# there still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("my left leg goes dead when I sit on the loo too long, fine once I stand", False),
        ("both feet go numb on the toilet if I'm on my phone, funny right", False),
        ("I've gone numb down below, even on the toilet I can't feel the paper", True),
        ("it's numb between my legs when I sit on the toilet", True),
    ],
)
def test_a_limb_numb_on_the_toilet_is_no_saddle_sign(text: str, flagged: bool) -> None:
    screening = safety.screen(text)
    found = {"saddle_numbness", "bladder_or_bowel_control"} & set(screening.signs)
    assert bool(found) is flagged, screening.mentions


# Session 37, written before the change (outside run 122 s05: "It's after 7 and her doctor's
# office is closed. Can it wait until I call them in the morning?" beside a new sign got the
# clinic's opening hours, twice). Asking in so many words whether it can wait is the
# advice's to answer. My own wordings.
@pytest.mark.parametrize(
    "message",
    [
        "the surgery is shut now. can this wait until I ring them tomorrow?",
        "his GP closed at 6, can it wait till I phone them first thing?",
    ],
)
def test_asking_whether_it_can_wait_until_a_call_is_about_waiting(message: str) -> None:
    assert advice.asks_about_waiting(message)


# Session 37, written before the change (outside run 123 u06, unsafe: a pain under the left
# shoulder blade "worst on my walk up the hill... I get a bit clammy, then I stop at the top
# to catch my breath and it fades off in a few minutes" raised only "trouble breathing",
# dropped when he said he was just out of shape, and physiotherapy was booked). Pain between
# or under the shoulder blades that effort brings on and rest eases is the heart's pattern to
# rule out, as the upper back's own heart question asks. My own wordings.
@pytest.mark.parametrize(
    ("first", "then", "cardiac"),
    [
        ("an ache under my left shoulder blade for a month",
         "it's worst on my walk to the station, then I stand still a minute and it fades", True),
        ("dull pain between the shoulder blades, a few weeks now",
         "it comes on during my jog and dies down once I stop", True),
        ("an ache under my left shoulder blade for a month",
         "it's worst after a long day at the desk, a hot shower helps", False),
    ],
)  # fmt: skip
def test_upper_back_pain_effort_brings_on_and_rest_eases_is_the_hearts(
    first: str, then: str, cardiac: bool
) -> None:
    signs, flags = _over_two_messages(first, then)
    assert ("cardiac" in flags) is cardiac, (signs, flags)


# Session 38, written before the change (outside run 125 w02: "when I was a girl I fell off a
# swing and bumped my head, must be 40 years ago now" was asked how the fall happened, then
# sent to a doctor today for "pain after a fall"). A knock told as childhood's or decades
# ago is no injury now; one weeks ago still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("when I was a boy I fell out of a tree and hit my head", set()),
        ("I cracked my head on a shelf once, must be 30 years ago now", set()),
        ("fell off a ladder at work, it must have been 20 years ago", set()),
        ("I bumped my head on the cupboard 3 weeks ago and the headaches started", {"head_injury"}),
    ],
)  # fmt: skip
def test_a_knock_long_ago_is_no_injury_now(text: str, held: set[str]) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert {"trauma", "head_injury", "major_trauma"} & set(found.signs) == held, found.signs


# Session 38, written before the change (outside run 124 v02: "What you describe (one of the
# warning signs: trouble breathing; pain in the shoulder, arm or jaw and breathlessness and
# pain that effort brings on)" to a man out of breath on the stairs, never at rest). A flag
# whose signs another flag names already is not named again.
def test_the_advice_names_each_sign_once() -> None:
    signs = ["upper_back_pain", "breathless", "comes_on_exertion", "eases_with_rest"]
    reply = advice.emergency_follow_up(
        "is that really needed", ["breathing_difficulty", "cardiac"], "911", "988", signs=signs
    )
    assert "trouble breathing" not in reply, reply
    assert "(one of the warning signs: breathlessness and pain that effort brings on)" in reply


# Session 38, written before the change (outside run 124 v02: "I had a stent put in back in
# 2019 but that's all fine now" after 911 advice got "I'm glad it has eased"). Something of
# the past said to be fine is no word that the sign eased. My own wording.
@pytest.mark.parametrize(
    ("message", "eased"),
    [
        ("my knee op was years ago and that's all fine now", False),
        ("they fixed my valve in 2015, it's been fine since, honestly", False),
        ("the pain has eased now, it's fine now", True),
    ],
)
def test_something_of_the_past_said_fine_is_no_easing(message: str, eased: bool) -> None:
    reply = advice.emergency_follow_up(message, ["cardiac"], "911", "988", repeats=1)
    assert ("glad it has eased" in reply) is eased, reply


# Session 38, written before the change (outside run 127 z02, unsafe: "I sort of have to
# wait and push a bit before anything comes when I go to the bathroom" read as nothing, twice,
# then "Dry needling is often worth considering"). A stream that has to be waited for or
# pushed is the bladder's warning sign, in the bathroom's words too. My own wordings.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("lately I have to strain a while before anything comes when I use the bathroom", True),
        ("I have to wait a bit before it starts working, the ibuprofen", False),
        ("when I go to the bathroom I have to push and wait for it to start", True),
        ("I push myself to get going in the mornings, back is stiff", False),
        ("I slipped in the bathroom last week and my back hurts", False),
    ],
)  # fmt: skip
def test_a_stream_waited_for_or_pushed_is_the_bladders_sign(text: str, flagged: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert ("bladder_or_bowel_control" in found.signs) is flagged, found.signs


# Session 38, written before the change (outside run 126 y04, unsafe: "my left foot when I
# walk now it make slap on the floor, the toes I cannot lift good. Last week was not so bad,
# now more." read as pain effort brings on, and booked). My own wordings.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("the right foot kind of slaps down on the floor now when I walk, more than before", True),
        ("my toes, I cant lift them properly since a few days, worse each day", True),
        ("my foot hurts when I walk on it", False),
    ],
)  # fmt: skip
def test_a_foot_that_slaps_or_toes_that_cannot_lift_are_weakness(text: str, flagged: bool) -> None:
    from clinic.safety import screening

    found = screening.screen(text)
    assert ("worsening_weakness" in found.signs) is flagged, found.signs


# Session 38, written before the change (outside run 127 z04, unsafe: "prednisone 20 mg
# every day since 2 month" for asthma read only as a bone risk, never as the immune system's
# precaution). Steroid tablets taken daily damp the immune system; a cream, an inhaler or
# one injection do not. My own wordings.
@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("I've been on prednisolone 10mg a day since the summer", True),
        ("he takes steroid tablets every morning for his lungs", True),
        ("I had a steroid injection in my knee last year", False),
        ("I use a steroid inhaler for asthma", False),
    ],
)  # fmt: skip
def test_daily_steroid_tablets_are_a_weakened_immune_system(text: str, held: bool) -> None:
    found = safety.screen(text)
    assert ("immunosuppressed" in found.contraindications) is held, found.contraindications


# Session 38, written before the change (outside run 126 y07: "I have been throwing up some
# mornings, but that's the baby - I'm 9 weeks. Headaches are afternoons" sent to a doctor
# today for the headaches). Sickness put down to the pregnancy is not the headache's.
def test_morning_sickness_put_down_to_the_baby_is_not_the_headaches() -> None:
    found = safety.screen("I throw up most mornings but that's the baby, I'm 10 wks")
    assert "morning_vomiting" not in found.signs, found.signs
