"""What the assistant tells a patient when a red flag is raised, and about after-care.

Calm, short and exact: what to do, and where. It never diagnoses: it names what the
patient said, not what it might be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clinic import knowledge
from clinic.booking import asks_how_to_change
from clinic.contact import asks_about_a_call, asks_for_a_call, asks_for_a_person
from clinic.preferred_time import says_an_hour
from clinic.safety.red_flags import (
    CONTEXT_ONLY_SIGNS,
    EMERGENCY,
    HISTORY_COUNTS,
    RED_FLAGS,
    URGENT,
    ScreenQuestion,
)
from clinic.safety.screening import medicines_named_plainly, red_flags_for, screen, signs_behind
from clinic.vocabulary import DOCTOR_WORDS

# What the patient described, in their terms, for each red flag code.
WHAT_YOU_DESCRIBED: dict[str, str] = {
    "cauda_equina": (
        "numbness around your bottom or genitals, changes in bladder or bowel control, or "
        "symptoms in both legs"
    ),
    "cardiac": "chest pain or pressure, or pain in the arm, jaw or back that effort brings on",
    "stroke_signs": "changes in speech, vision, swallowing, balance or strength",
    "thunderclap_headache": "a sudden, very severe headache",
    "meningitis_signs": "a fever with a stiff neck, a rash or light hurting your eyes",
    "infection": "a fever or feeling unwell with your pain",
    "cancer": "pain together with a history of cancer, weight loss or pain at night",
    "fracture": "pain after a fall, an accident or a knock, or with fragile bones",
    "progressive_weakness": "weakness that is getting worse",
    "myelopathy": "clumsy hands, unsteady walking or tingling in both hands",
    "dvt": "a swollen, red, warm or painful calf, the more so with breathlessness",
    "pneumothorax": "breathlessness or chest pain after needling",
    "headache_warning_signs": (
        "headaches that are new or changing, or worst on waking or with being sick"
    ),
    "giant_cell_arteritis": (
        "a headache after 50 with jaw pain on chewing or changes in your sight"
    ),
    "breathing_difficulty": "trouble breathing",
    "shingles": "a painful rash or blisters in a band on one side of your body",
    "possible_red_flag": "symptoms that may need a doctor",
    "aortic_dissection": (
        "a sudden tearing pain through to your back, or a pulsing lump in your tummy"
    ),
    "acute_knee_injury": "a knee that popped, swelled quickly or locks",
    "limping_child": "a child or teenager with hip, thigh or knee pain and a limp",
    # Where to go is said by the advice itself (`_go_now`), never in brackets here: the
    # label is read inside "(one of the warning signs: ...)" (outside run 94 p04).
    "preterm_labour": "regular tightening or contractions in pregnancy",
    "waters_breaking": "fluid leaking in pregnancy, which may be your waters breaking",
    "pre_eclampsia": ("a headache, changes in your sight or a puffy face and hands in pregnancy"),
    "suicidal_thoughts": "thoughts of ending your life",
    "head_injury": ("a knock to the head with confusion since, or while you take blood thinners"),
}


# The signs a flag's words list one by one: a flag raised by some of them names those alone
# (outside run 46: a cancer years ago, the rest said no to, was told "a history of cancer,
# weight loss or pain at night").
EACH_SIGN: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    # Outside run 92 p03: "a headache after 50 with jaw pain on chewing or changes in her
    # sight" to a son whose mother had a sore scalp only, three times after "no jaw, no eyes".
    "giant_cell_arteritis": (
        (frozenset({"scalp_tender"}), "a sore scalp after 50"),
        (frozenset({"jaw_claudication", "chewing_pain"}), "jaw pain on chewing"),
        (frozenset({"vision_trouble"}), "changes in sight"),
    ),
    # Outside run 109 p08: dizziness and a new headache after a neck was cracked were told
    # as "changes in speech, vision, swallowing, balance or strength".
    "stroke_signs": (
        (frozenset({"speech_trouble"}), "trouble speaking"),
        (frozenset({"face_numbness"}), "a face drooping or numb"),
        (frozenset({"one_sided_weakness"}), "weakness or numbness on one side"),
        (frozenset({"double_vision"}), "double vision"),
        (frozenset({"vision_trouble"}), "changes in sight"),
        (frozenset({"swallowing_trouble"}), "trouble swallowing"),
        (frozenset({"drop_attack"}), "sudden falls"),
        (frozenset({"dizziness", "dizzy_now"}), "dizziness"),
        (frozenset({"new_headaches"}), "a new headache"),
        (
            frozenset({"stroke_warning"}),
            "changes in speech, vision, swallowing, balance or strength",
        ),
    ),
    "cancer": (
        (frozenset({"cancer_history"}), "pain together with a history of cancer"),
        (frozenset({"weight_loss", "losing_weight"}), "weight lost without trying"),
        (frozenset({"night_pain"}), "pain at night"),
        (frozenset({"non_mechanical_pain"}), "pain that nothing eases"),
        (frozenset({"first_back_pain"}), "a first back pain after 50"),
    ),
    # Outside run 76 p06: "what has changed (a fever with a stiff neck, a rash or light
    # hurting her eyes)" to a husband whose wife had no rash.
    "meningitis_signs": (
        (frozenset({"fever", "feeling_unwell"}), "a fever"),
        (frozenset({"stiff_neck"}), "a stiff neck"),
        (frozenset({"light_sensitivity"}), "light hurting the eyes"),
        (frozenset({"rash", "purpuric_rash"}), "a rash"),
        (
            frozenset({"meningitis_warning"}),
            "a fever with a stiff neck, a rash or light hurting the eyes",
        ),
    ),
    # Outside run 53: pain down both legs alone was told of bottoms and bladders too.
    "cauda_equina": (
        (frozenset({"saddle_numbness"}), "numbness around your bottom or genitals"),
        (frozenset({"bladder_or_bowel_control"}), "changes in bladder or bowel control"),
        (frozenset({"both_legs_pain", "both_legs_nerve"}), "symptoms in both legs"),
    ),
    # Outside run 66 p08: tingling in both hands after a fall was told as "pain after a fall"
    # alone, and "does the hands thing matter?" never answered.
    "fracture": (
        (frozenset({"trauma"}), "pain after a fall, an accident or a knock"),
        (frozenset({"osteoporosis"}), "pain with fragile bones"),
        (frozenset({"both_hands_nerve"}), "tingling or numbness in both hands"),
    ),
    # Outside run 80 p05: "confusion" said back to a husband who had said she was not
    # confused, and "blood thinners" he had not named.
    "head_injury": (
        (frozenset({"head_injury", "trauma"}), "a knock to the head"),
        (frozenset({"confusion"}), "confusion since"),
        (frozenset({"vomited"}), "being sick since"),
        (frozenset({"drowsy"}), "drowsiness since"),
        (frozenset({"getting_worse"}), "a headache getting worse"),
        (frozenset({"on_blood_thinners"}), "while taking blood thinners"),
    ),
    # Outside runs 83 p04 and 84 p07: "chest pain ... that effort brings on" to a husband who
    # had said no chest pain, at rest; "a pulsing lump in your tummy" nobody spoke of.
    "cardiac": (
        (
            frozenset({"chest_pressure", "chest_pain", "chest_pain_spreading"}),
            "chest pain or pressure",
        ),
        (frozenset({"pressing_pain"}), "a pressing pain"),
        (
            # The shoulder named too: "I never said arm or jaw, it's my left shoulder"
            # (outside run 104 p08: the dispute took the advice back).
            frozenset({"arm_and_jaw_pain", "arm_or_jaw_pain", "left_arm_pain", "jaw_pain"}),
            "pain in the shoulder, arm or jaw",
        ),
        (frozenset({"sweating"}), "sweating"),
        (frozenset({"breathless"}), "breathlessness"),
        (frozenset({"nausea"}), "feeling sick"),
        (
            frozenset({"comes_on_exertion", "eases_with_rest", "settles_after_rest"}),
            "pain that effort brings on",
        ),
        (frozenset({"at_rest"}), "pain at rest"),
        (frozenset({"cardiac_warning"}), WHAT_YOU_DESCRIBED["cardiac"]),
    ),
    "aortic_dissection": (
        (frozenset({"tearing_pain"}), "a sudden tearing pain through to your back"),
        (frozenset({"tearing_feeling"}), "a tearing feeling"),
        (frozenset({"sweating"}), "sweating"),
        (frozenset({"faint"}), "feeling faint"),
        (frozenset({"pulsing_tummy_lump"}), "a pulsing lump in your tummy"),
        (frozenset({"aortic_warning"}), "a sudden, severe tearing or ripping pain"),
    ),
    # Outside run 84 p04: headaches getting stronger were told "worst on waking or with being
    # sick".
    "headache_warning_signs": (
        (frozenset({"headache_changed", "headache_pattern_change"}), "headaches that are changing"),
        (frozenset({"headache_new_after_50", "new_headaches"}), "new headaches"),
        (frozenset({"cough_or_strain"}), "headaches brought on by coughing or straining"),
        (frozenset({"worse_on_waking"}), "headaches worst on waking"),
        # Outside run 109 p08: queasy told back as "being sick" ("he didnt actually throw up").
        (frozenset({"morning_vomiting"}), "sickness in the mornings with the headaches"),
        (frozenset({"nausea"}), "feeling sick with the headaches"),
    ),
    # Outside run 83 p05: "dropped things, handwriting messy" was told "unsteady walking".
    "myelopathy": (
        (frozenset({"clumsy_hands"}), "clumsy hands"),
        (frozenset({"hand_skill_loss"}), "trouble with fine hand tasks such as writing"),
        (frozenset({"unsteady_walking"}), "unsteady walking"),
        (frozenset({"lhermitte"}), "an electric feeling when you bend your neck"),
        (frozenset({"both_hands_nerve"}), "tingling or numbness in both hands"),
        (frozenset({"hand_nerve_feeling", "both_hands"}), "tingling or numbness in both hands"),
    ),
    # Outside run 58: "my legs are a bit weak too" was told back as "getting worse".
    "progressive_weakness": (
        (frozenset({"both_legs_weak", "both_legs_heavy"}), "weakness in both legs"),
        (
            frozenset({"worsening_weakness", "tiptoe_or_heel_weakness"}),
            "weakness that is getting worse",
        ),
    ),
}


MORE_BEHIND = "Thank you for telling me: "


def more_behind_the_advice(told: str, emergency: bool) -> str:
    """The thanks for warning signs told after the advice they add to: the advice stands."""
    now = "get help now" if emergency else "see a doctor today"
    return (
        f"{MORE_BEHIND}{told} too. That makes it all the more important to {now}, "
        "and to tell them about it."
    )


def taken_back_by_a_no(question: ScreenQuestion) -> set[str]:
    """What a no to `question`, asked once more after a flag read from words was disputed,
    takes back: the signs behind it (`signs_behind`); where the flag's signs are told in
    groups (the heart's: the chest, the arm, sweating, effort), only the groups the question
    asks about (outside run 104 p08: a no to the chest took back the effort on the stairs
    and the clamminess told apart, and the advice with them)."""
    behind = signs_behind(question)
    asked = {question.sign, *question.covers}
    codes = {flag.code for flag in red_flags_for({question.sign})}
    groups = [signs for code in codes for signs, _ in EACH_SIGN.get(code, ()) if signs & asked]
    return behind & set().union(asked, *groups) if groups else behind


def described(code: str, signs: Iterable[str] = ()) -> str:
    """The warning signs of `code` in the patient's terms: those of `signs` it stands on
    when known, else all it stands for."""
    held = set(signs)
    named = [(those, words) for those, words in EACH_SIGN.get(code, ()) if those & held]
    # A yes to the question that names them all says no more than the signs told: "a fever
    # and light hurting the eyes", not "...and a fever with a stiff neck, a rash or light".
    told = [words for those, words in named if not all(s.endswith("_warning") for s in those)]
    named_words = told or [words for _, words in named]
    return " and ".join(named_words) if named_words else WHAT_YOU_DESCRIBED.get(code, "")


def held_in_words(codes: Iterable[str], signs: Iterable[str]) -> str:
    """The warning signs held, flag by flag, in the patient's terms ("pain together with a
    history of cancer and pain at night"); "" when no sign is known."""
    signs = tuple(signs)
    return "; ".join(filter(None, (described(code, signs) for code in codes if signs)))


def _what_you_describe(
    codes: Iterable[str], said: str = "What you describe", signs: Iterable[str] = ()
) -> str:
    """`said` and the warning signs its flags stand for, told as the kind of sign it is:
    never as if the patient had said each (outside run 37: "both legs" got "what you
    describe (numbness around your bottom...)", and "i didnt say nothin bout my bottom");
    of `signs`, only those held."""
    signs = tuple(signs)
    codes = [code for code in codes if code in WHAT_YOU_DESCRIBED]
    # "Trouble breathing" beside the heart's "breathlessness and pain that effort brings
    # on": a flag without words of its own whose signs another names is not named again
    # (outside run 124 v02: out of breath on the stairs, never at rest).
    named = {s for code in codes for those, _ in EACH_SIGN.get(code, ()) for s in those}
    told = [
        described(code, signs)
        for code in codes
        if code in EACH_SIGN
        or not (stands := _stands_on(code, signs))
        or not stands <= named | _PLACES_ONLY
    ]
    return f"{said} (one of the warning signs: {'; '.join(told)})" if told else said


# Signs that only say where the pain is: named by no flag's words, they leave a flag that
# stands on them and on signs named elsewhere nothing of its own to tell.
_PLACES_ONLY = frozenset(CONTEXT_ONLY_SIGNS)


def _stands_on(code: str, signs: Iterable[str]) -> set[str]:
    """The signs held that `code`'s rules are made of."""
    held = set(signs)
    return {
        sign
        for rule in RED_FLAGS
        if rule.code == code
        for sign in (*rule.signs, *rule.with_any)
        if sign in held
    }


# Emergencies of a pregnancy: the hospital where the baby is to be born sees them, named in
# words a patient anywhere knows (outside run 110 p04: "what is maternity unit? i dont
# understand. i call my OB doctor?").
_IN_LABOUR = frozenset({"preterm_labour", "waters_breaking"})


def _go_now(codes: Iterable[str], emergency_number: str) -> str:
    """Where to go now, for every reply while the emergency stands: the hospital where the
    baby is to be born in labour (outside run 94 p04: after it was named once, each follow-up
    said "the nearest emergency department"); an ambulance where its crew's care on the way
    matters, as the answer to "can my wife drive me?" says (outside run 110 p05: the first
    advice offered the car, the answer to that question refused it); else either."""
    codes = set(codes)
    if _IN_LABOUR & codes:
        return (
            "call your OB or midwife now and go in to the hospital where you plan to give "
            f"birth, or call {emergency_number}"
        )
    if not codes <= _DRIVEN_IS_FINE:
        return f"call {emergency_number} now for an ambulance"
    return f"call {emergency_number} now or go to the nearest emergency department"


def _pregnancy_note(codes: Iterable[str]) -> str:
    """Said after the emergency advice for a sign of pregnancy that the emergency department
    sees: who to tell."""
    if "pre_eclampsia" in codes and not _IN_LABOUR.intersection(codes):
        return " Tell them you are pregnant, or call your OB or midwife on the way."
    return ""


def red_flag_advice(
    level: str,
    codes: Iterable[str],
    emergency_number: str,
    crisis: str,
    pregnant: bool = False,
    signs: Iterable[str] = (),
    said: str = "What you describe",
) -> str:
    """What to do now, for flags at `level` (emergency or urgent), naming the `signs` held
    (`said` leads: what the patient described, or was not sure of);
    in pregnancy the midwife or maternity unit is named for a doctor today (NICE NG201:
    maternity triage), and the cancer team for a past cancer (NICE NG234: the acute
    oncology service is who to call)."""
    codes, signs = list(codes), tuple(signs)
    if "suicidal_thoughts" in codes:
        return (
            "I'm really sorry you're feeling like this, and I'm glad you said it. You deserve "
            f"support right now. If you might act on these thoughts, please call "
            f"{emergency_number} now. You can also call or text {crisis} at any time to talk "
            "to someone."
        )
    what = _what_you_describe(codes, said, signs)
    if level == EMERGENCY and _IN_LABOUR.intersection(codes):
        # The maternity unit is where she should go; 911 stays in the sentence.
        return (
            f"{what} needs to be checked straight away. Please "
            f"{_go_now(codes, emergency_number)}. Please don't wait for a physiotherapy "
            "appointment, and don't drive yourself."
        )
    if level == EMERGENCY:
        by_car = (
            "and don't drive yourself"
            if set(codes) <= _DRIVEN_IS_FINE
            else "and don't go by car: the crew can start care on the way"
        )
        return (
            f"{what} needs to be checked by a doctor straight away. Please "
            f"{_go_now(codes, emergency_number)}.{_pregnancy_note(codes)} Please don't wait "
            f"for a physiotherapy appointment, {by_car}."
        )
    if level == URGENT:
        turns = next((EMERGENCY_IF[code] for code in codes if code in EMERGENCY_IF), "")
        when = f"If {turns} or it gets worse quickly" if turns else "If it gets worse quickly"
        where = "your doctor or an urgent care clinic"
        if "cancer" in codes and "cancer_history" in signs:
            where = (
                "your doctor or your cancer team (many have a line out of hours), or an "
                "urgent care clinic,"
            )
        if pregnant:
            where = "your OB or midwife, or your own doctor,"
        return (
            f"{what} should be checked by a doctor today. Please contact {where} today. "
            f"{when}, call {emergency_number}."
        )
    raise ValueError(f"no advice for level {level!r}")


# What turns a doctor today into an emergency, said with the advice: the rules' own
# emergency form of the flag (sight lost with an inflamed artery: NICE CKS, giant cell
# arteritis; breathlessness with a clot: NICE NG158).
EMERGENCY_IF = {
    "giant_cell_arteritis": "your sight changes (blurring, double vision or any loss of sight)",
    "dvt": "you get breathless or have chest pain",
}


# A red-flag question answered "not sure" twice: it is treated as possible, never skipped.
UNSURE_TAKEN_AS_POSSIBLE = (
    "Thank you. As we can't rule it out here, please treat it as possible and get it checked."
)
# ...and the advice names it as what they were not sure of, never as what they described
# (outside run 84 p07: "I never said tearing").
NOT_SURE_OF = "What you're not sure about"
# A statement, never an offer: a question follows it, and "yes" must answer that question
# alone (outside run 22: "yes" to "if you like, we can carry on" was read as chest pain).
CARRY_ON_AFTER_URGENT = (
    "Meanwhile, the questions below help the physiotherapist prepare for a consultation "
    "after you've seen a doctor. You can stop at any time."
)
DESCRIBE_AFTER_URGENT = (
    "If you like, you can still tell me about your pain, so the physiotherapist has the "
    "details for a consultation after you've seen a doctor."
)
THANKS_AFTER_SAFETY_ANSWER = "Thank you, that helps."
# A no to "are you having thoughts of ending your life?": it was asked on a misreading.
CRISIS_QUESTION_MISREAD = (
    "Thank you, and I'm sorry if that question came out of the blue: I ask it whenever "
    "something in a message might mean that, and I misread yours."
)
# Asked about a doctor after advice was withdrawn on a correction: the advice is owned.
ADVICE_PUT_RIGHT = (
    "Earlier I asked you to see a doctor because of what I had read in your message; you "
    "have since put that right."
)
# A yes taken back ("sorry, I meant no"): asked once more before anything changes.
ASK_AGAIN_AFTER_TAKEN_BACK = "Thank you. As it matters for your safety, please answer once more."
# ...and confirmed as a no: the advice for the sign stays, for if it does happen.
CORRECTED_TO_NO = (
    "Thank you for putting that right: I've noted it as a no. If it does happen, {what}."
)
IF_IT_HAPPENS = {
    EMERGENCY: "please call {number} or go to the nearest emergency department straight away",
    URGENT: "please see a doctor the same day",
}
ANYTHING_ELSE = "Is there anything else you'd like to tell me or ask?"

# After an emergency every reply keeps the advice in front, and a question about it is
# answered in its light: "can I wait?" and "is it serious?" get the advice's side, in words
# that need no yes or no ("should we still go?" would read a "no" the other way).
_WAITING = re.compile(
    # "a bit later, like 10 or 10:30?" is an hour the same day (outside run 109 p04)
    r"(?<!bit )(?<!little )(?<!slightly )"
    r"\b(wait\w*|tomorrow|later|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|next week|weekend|instead|overreact\w*|closed|go away|settle|see how)\b"
    r"|\btoday\s*\?"  # "Today?": whether it must be today
    # "How long can I leave it?": how long it may wait.
    r"|\bhow long (?:can|could|should|may) (?:i|we|he|she|they) (?:leave|put off|hold off)\b"
    # The physiotherapist put before the doctor: "can I book first?", "just the physio?";
    # said alone, a booking, the needles or "fine" ask about something else ("is needling
    # safe with lymphoedema?", "fine, what else do you need?").
    r"|\b(?:book\w*|appointment|physio\w*|needl\w*)\b[^.?!]{0,20}\b(?:first|before)\b"
    r"|\b(?:just|only)\s+(?:see\s+(?:the\s+)?physio\w*|the\s+physio\w*|physio\w*)\b"
    # Making little of it: "it's probably just soreness", "surely it's nothing".
    r"|\b(?:probably|surely)\s+(?:just|only|nothing|fine)\b|\b(?:it'?s|it is|is it)\s+"
    r"(?:probably\s+|surely\s+)?(?:just|only|nothing|fine|muscular|a muscle)\b",
    re.IGNORECASE,
)
# Asked whether to come, or be needled, before a doctor has seen it.
_DOCTOR = rf"(?:a |my |the |any )?(?:{DOCTOR_WORDS}|urgent care)"
_BEFORE_A_DOCTOR = re.compile(
    rf"\b(?:without|before|even if no|if no|haven'?t|have not) (?:seeing |having seen |seen |"
    rf"(?:a )?(?:\w+ )?(?:has|have|had) seen (?:me|him|her|them) )?{_DOCTOR}\b"
    rf"|\bno {_DOCTOR} (?:has|have|had) seen\b"
    r"|\bstill (?:come|go ahead|keep (?:it|the appointment|the booking))\b[^.!]*\?"
    r"|\b(?:have|get) the needl\w+ done\b"
    # The doctor said to be out of reach: "I won't get to a doctor today", "can't get to a GP
    # before that"; the booking kept anyway (outside run 70 p08: side effects, then the
    # change or cancel buttons).
    rf"|\b(?:won'?t|wont|can'?t|cant|cannot|not going to|not gonna|unable to|won'?t be able to)"
    rf" (?:get|make it|go|get in) to (?:see )?{_DOCTOR}"
    r"|\bkeep\b[^.?!]{0,30}\banyway\b"
    # "I don't think I can get him to urgent care today", "we won't manage urgent care"
    # (outside run 71 p04: "Thank you, that's the right step").
    r"|\b(?:can'?t|cannot|won'?t|don'?t think (?:i|we) can|not able to|unable to)\s+"
    rf"(?:get|take|bring|manage|make)\s+(?:(?:him|her|them|me|us|it)\s+)?(?:to\s+)?(?:see\s+)?"
    rf"{_DOCTOR}",
    re.IGNORECASE,
)
# A plan to wait, said rather than asked: "I'll just see how I go", "gonna ride it out",
# "if it's not gone by next week I'll see the doc", "it's just a bug".
_PLANS_TO_WAIT = re.compile(
    r"\bif (?:it'?s|it is|it|he'?s|she'?s|they'?re|i'?m) (?:still )?(?:not|no) (?:gone|better|"
    r"right|improved|improving|settled|any better|over)\b"
    r"|\b(?:it'?s|it is|prob(?:ably)?|probs|likely) (?:just |only |probably )?(?:a|the) "
    r"(?:bug|virus|cold|flu|tummy bug)\b"
    r"|"
    r"\b(?:i'?ll|ill|i will|gonna|going to|i'?m going to|i think i'?ll|think i'?ll|i'?d rather|"
    r"let'?s|might)\b[^.?!]{0,25}\b(?:wait|see how|see what happens|leave it|give it|ride it out|"
    r"sleep on it|hold off|tough it out|push through)\b"
    # The physiotherapist put first: "I'd rather just get the needling on Monday and see".
    r"|\b(?:i'?d|i would|id) rather\b[^.?!]{0,40}\b(?:needl\w*|physio\w*|appointment|"
    r"consultation|book\w*|wait\w*|and see)\b"
    r"|\b(?:just|i'?ll) push (?:through|on)\b",
    re.IGNORECASE,
)
_SERIOUS = re.compile(
    # Not the "urgent" of "urgent care", a place (outside run 66 p01).
    r"\b(serious|really|bad|dangerous|worried|worry|scared|urgent(?! care)|matters?|important"
    r"|concern\w*|why|big deal|what do you think it is|what could it be)\b",
    re.I,
)
# "Why, what do you think it is?", "why is it such a big deal": the reason, in plain words
# and never a diagnosis, before the advice again.
_ASKS_WHY = re.compile(
    # Whether a sign matters, or the reason asked again: "does the tingly hands thing
    # matter?", "u didnt answer about my hands" (outside run 66 p08).
    r"\b(?:does|do|would|will)\b[^.?!]{0,40}\bmatter\b|\b(?:is|are)\b[^.?!]{0,40}\bimportant\b|"
    r"\b(?:didn'?t|did not|never|haven'?t)\s+(?:answer|answered|reply|replied)\b|"
    r"\bwhy\b|\bbig deal\b|\bwhat do you think it is\b|\bwhat could it be\b|"
    r"\b(?:the|actual|real|your) worry\b|\bwhat(?:'s| is| are) (?:you|the) worried\b|"
    r"\bwhat (?:can|could|might) happen\b",
    re.I,
)
# What waiting risks, asked: "what's the worst case if I sleep on it", "what happens if I
# don't go" (outside run 122 s03: the advice alone to a reluctant patient).
_WHAT_WAITING_RISKS = re.compile(
    r"\bworst\b[^.?!]{0,20}\b(?:happen\w*|case|scenario)\b"
    # Not "what happens if I need to cancel": the booking's (clinic.booking).
    r"|\bwhat (?:happens|will happen|would happen) if\b"
    r"(?![^.?!]*\b(?:cancel|reschedul|move|change|miss|late\b|can'?t make))",
    re.I,
)
WHY = {
    "cauda_equina": (
        "Numbness in the saddle area or changes in bladder or bowel control can mean the "
        "nerves at the bottom of the spine are being squeezed; treated quickly, they recover "
        "best."
    ),
    "fracture": (
        "After a fall or a knock, or with thin bones, pain like this can come from a broken "
        "bone, which needs a doctor's check, maybe an X-ray, first."
    ),
    "shingles": (
        "A band of burning pain with a rash or blisters on one side can be shingles, a nerve "
        "infection that a doctor can treat, best within the first few days."
    ),
    "giant_cell_arteritis": (
        "New headaches after 50 with a tender scalp or pain in the jaw when chewing can come "
        "from an inflamed artery, which can harm eyesight if it isn't treated quickly."
    ),
    "cancer": (
        "Pain with a past cancer, weight lost without trying or pain at night is worth a "
        "doctor's check first, to rule out a cause other than the muscles."
    ),
    "infection": (
        "A fever with the pain can mean an infection, which a doctor needs to check before "
        "any physiotherapy."
    ),
    "cardiac": (
        "Pain like this with effort, sweating or breathlessness can come from the heart, and "
        "that needs checking at once."
    ),
    "stroke_signs": (
        "Changes in speech, sight, balance or strength can be signs of a problem with the "
        "blood supply to the brain, where every minute counts."
    ),
    "thunderclap_headache": (
        "A very sudden, severe headache can be a sign of bleeding around the brain, which "
        "needs checking at once."
    ),
    "meningitis_signs": (
        "A fever with a stiff neck, a rash or light hurting the eyes can be signs of "
        "meningitis, which needs treatment at once."
    ),
    "progressive_weakness": (
        "Weakness that is getting worse can mean a nerve is being pressed, and the sooner it "
        "is checked, the better it recovers."
    ),
    "breathing_difficulty": (
        "New trouble breathing, above all after a fall or with chest pain, needs checking at once."
    ),
    "aortic_dissection": (
        "A sudden tearing pain through to the back can come from the body's main artery, "
        "which needs emergency care."
    ),
    "dvt": "A swollen, painful calf can be a blood clot, which needs checking before it moves.",
    "head_injury": (
        "After a knock to the head, confusion, being sick, drowsiness or a worsening headache "
        "(or blood thinners) can mean bleeding inside the head, which needs checking at once."
    ),
    "headache_warning_signs": (
        "Headaches that are new or changing, worst on waking or with being sick, can have a "
        "cause other than tight muscles, which a doctor should check first."
    ),
    "myelopathy": (
        "Clumsy hands, unsteady walking or tingling in both hands can mean the spinal cord in "
        "the neck is being pressed, which a doctor should check before any treatment."
    ),
    "pneumothorax": (
        "Breathlessness or chest pain after needling near the chest can mean air has leaked "
        "around a lung, which needs checking at once."
    ),
    "pre_eclampsia": (
        "In pregnancy, a headache with changes in sight or a puffy face and hands can be a "
        "sign of high blood pressure of pregnancy, which needs checking at once."
    ),
    "preterm_labour": (
        "Regular tightening before your due date can mean labour is starting early, which "
        "the hospital needs to check at once."
    ),
    "waters_breaking": (
        "Fluid leaking in pregnancy can be your waters breaking, which the hospital needs to "
        "check at once."
    ),
    "acute_knee_injury": (
        "A knee that popped, swelled quickly or locks can have a torn ligament or cartilage "
        "inside, which a doctor should examine before physiotherapy."
    ),
    "limping_child": (
        "A limp with hip, thigh or knee pain in a child or teenager can come from the hip "
        "joint itself, which a doctor should check today."
    ),
}
# WHY for the signs held, where WHY names several.
_WHY_OF_SIGNS = {
    "cancer": "{what} is worth a doctor's check first, to rule out a cause other than the muscles.",
    "fracture": (
        "{what} can come from a broken bone or from the nerves in the spine being pressed on, "
        "which needs a doctor's check, maybe a scan, first."
    ),
    "cauda_equina": (
        "{what} after a back pain can mean the nerves at the bottom of the spine are being "
        "squeezed; treated quickly, they recover best."
    ),
}


# "What counts as worse?", "when should I call 911?": what to watch for, by flag.
_ASKS_WHAT_IS_WORSE = re.compile(
    r"\bwhat (?:counts|would count|is|'s) (?:as )?worse\b|\bwhat (?:should|do) i (?:watch|look) "
    r"(?:out )?for\b|\bwhen (?:should|do) i call\b",
    re.IGNORECASE,
)
WORSE = {
    "dvt": (
        "Call {number} at once for sudden breathlessness, chest pain, coughing up blood or "
        "feeling faint."
    ),
    "infection": "Call {number} at once if you become confused, very drowsy or breathless.",
    "fracture": (
        "Call {number} at once for numbness or weakness in the legs, or trouble with your "
        "bladder or bowels."
    ),
    "giant_cell_arteritis": "Call {number} at once for any change or loss in your sight.",
}
# Treating it yourself in the meantime: "is it ok to foam roll it?".
_ASKS_SELF_TREATMENT = re.compile(
    r"\b(?:foam roll\w*|massag\w*|stretch\w*|rub\w*|heat pack|exercise)\b", re.IGNORECASE
)
LEAVE_ALONE = {
    "dvt": "Please don't massage, foam roll or stretch the calf until a clot has been ruled out.",
}


def _what_to_watch(message: str, codes: list[str], number: str) -> str:
    """What to watch for, or what to leave alone, when the patient asks."""
    said = []
    if _ASKS_SELF_TREATMENT.search(message):
        said += [LEAVE_ALONE[code] for code in codes if code in LEAVE_ALONE][:1]
    if _ASKS_WHAT_IS_WORSE.search(message):
        said += [WORSE[code].format(number=number) for code in codes if code in WORSE][:1]
    return " ".join(said) + (" " if said else "")


# Where to go for a doctor today, asked: "urgent care or the ER?", "where do I take him?".
_ASKS_WHERE = re.compile(
    r"\bwhere\b[^?.!]{0,30}\b(?:go|take|see|get|bring)\b"
    r"|\b(?:urgent care|walk-in|er|a&e|emergency room|emergency department|hospital|gp|doctor)\b"
    r"[^?.!]{0,40}\bor\b[^?.!]{0,40}\?",
    re.IGNORECASE,
)
# Asked whether to go to the emergency department: never talked out of it.
_ASKS_IF_EMERGENCY_ROOM = re.compile(
    r"\b(?:should|shall|do|can|could|would|must|is|go)\b[^?.!]{0,25}"
    r"\b(?:er|a&e|emergency room|emergency department|the emergency|hospital|emergency)\b",
    re.IGNORECASE,
)
# An everyday painkiller asked about: "can she take her Tylenol?", "is ibuprofen ok?".
_ASKS_PAINKILLER = re.compile(
    r"\b(?:tylenol|paracetamol|acetaminophen|ibuprofen|advil|motrin|aleve|naproxen|"
    r"pain ?killers?|pain relief|pain meds?|pain medication)\b",
    re.IGNORECASE,
)


# Urgent flags whose check needs tests on the day (an ECG and blood tests, a scan, blood
# tests for an inflamed artery): the emergency department if the own doctor can't see them.
_TESTS_ON_THE_DAY = frozenset({"cardiac", "dvt", "giant_cell_arteritis"})


def _where_and_painkillers(message: str, codes: list[str], number: str) -> str:
    """Where to be seen today, and everyday painkillers meanwhile, when asked."""
    if not _ASKS.search(message):
        return ""
    said = []
    if _ASKS_WHERE.search(message) and set(codes) & _TESTS_ON_THE_DAY:
        # A heart, a clot, an inflamed artery: tests an urgent care clinic may not have.
        said.append(
            "Your own doctor, if they can see you today; if not, the emergency department "
            "rather than an urgent care clinic, as it may need tests on the day."
        )
    elif _ASKS_IF_EMERGENCY_ROOM.search(message) and not re.search(r"\bor\b", message):
        # "Should I go to the emergency room?" at night: yes, if nobody else can see them
        # today (outside run 57: "urgent care is the right place" read as a no).
        said.append(
            "Yes, the emergency department is a good place to go if your own doctor or an "
            "urgent care clinic can't see you today: what matters is a doctor's check today."
        )
    elif _ASKS_WHERE.search(message):
        turns = next((EMERGENCY_IF[code] for code in codes if code in EMERGENCY_IF), "")
        when = turns or "it gets much worse quickly"
        said.append(
            "An urgent care clinic, or your own doctor if they can see you today, is the "
            f"right place; call {number} or go to the emergency department if {when}."
        )
    if _ASKS_PAINKILLER.search(message):
        said.append(
            "Everyday painkillers taken as the pack says are fine meanwhile; a pharmacist "
            "can tell you which suits."
        )
    return " ".join(said) + (" " if said else "")


# Getting to the emergency department: "can I drive him?", "do we need an ambulance?".
_ASKS_HOW_TO_GO = re.compile(
    r"\b(?:drive|driving|drives|car|taxi|cab|uber|lyft|lift|ambulance|paramedics)\b"
    # "Could I get my husband to take me to the ER?" (outside run 111 p05).
    r"|\b(?:take|takes|bring|drop|run)\s+(?:me|him|her|us|them)\s+(?:to|in|over|down)\b",
    re.I,
)
_ANOTHER_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:tomorrow|tmrw|tmr|next week"
    r"|this weekend|in a few days|in a couple of days|later this week)\b",
    re.IGNORECASE,
)
# A way of getting there said not to be wanted or asked about (outside run 52).
_NOT_WANTED_BEFORE = re.compile(
    r"\b(?:not|never|n't|didn'?t|don'?t|won'?t|no)\b(?:\s+\w+){0,3}\s+(?:about\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)
_DRIVES_SELF = re.compile(
    r"\b(?:drive|driving)\s+(?:myself|my\s+self)\b|\bi(?:'ll|\s+will|\s+can|\s+could)?\s+"
    r"(?:just\s+)?drive\s+(?:there|in|over|to|down)\b|\bcan i drive\b",
    re.I,
)
# Emergencies a car may take someone to, if getting in it is safe: the nerves of the
# spine, sight at risk, labour. In the rest the ambulance's crew start care on the way (a
# heart, a stroke, a bleed, breathing, a neck after a crash that must be kept still).
_DRIVEN_IS_FINE = frozenset(
    {"cauda_equina", "progressive_weakness", "giant_cell_arteritis", "preterm_labour",
     "waters_breaking"}
)  # fmt: skip


# Nobody to take them: "I live alone", "no car", "can I get the bus?".
_ON_THEIR_OWN = re.compile(
    r"\b(?:nobody|no one|noone|no-one)\b[^.?!]{0,25}\b(?:drive|take|bring|give)\b"
    r"|\b(?:no|don'?t have a|haven'?t got a|without a)\s+car\b|\b(?:live|living|i'?m|i am|on)\s+"
    r"(?:on my own|alone|by myself)\b|\bon my own\b|\b(?:bus|train|subway|metro|tram)\b"
    # "Can I walk there?", not "I can walk fine".
    r"|\bwalk\s+(?:there|it|to|in|over|down)\b",
    re.I,
)
# Something to take first: "should I take an aspirin?", "can I have a painkiller?".
_MEDICINE_WORDS = (
    r"(?:aspirins?|painkillers?|pain killers?|tablets?|pills?|ibuprofen|paracetamol|tylenol|"
    r"advil|medicines?|medications?)"
)
# Something to take, asked about: "can I take a tylenol first?", "aspirin ok?", "should he
# have some painkillers"; not medicines told of ("I have blood pressure pills").
_ASKS_TO_TAKE = re.compile(
    rf"\b(?:take|taking|have|use|give|pop|try|chew)\s+(?:an?\s+|some\s+|any\s+|one\s+)?"
    rf"(?:\w+\s+)?{_MEDICINE_WORDS}\b"
    rf"|^\W*(?:and\s+)?(?:the\s+|an?\s+)?{_MEDICINE_WORDS}\b[^.?!]{{0,15}}\?"
    rf"|\b{_MEDICINE_WORDS}\s+(?:ok|okay|fine|safe|alright|allowed)\b",
    re.I,
)
# A usual medicine skipped or stopped: "should she skip her Eliquis?", "hold off his warfarin".
_SKIPS_A_MEDICINE = re.compile(
    r"\b(?:skip|skipping|stop|stopping|hold off|holding off|miss|missing|leave off|come off|"
    r"not take)\b[^.?!]{0,30}\b(?:medicines?|medications?|meds|tablets?|pills?|blood thinners?|"
    r"warfarin|aspirin|insulin|injections?|dose)\b"
    # A usual dose given or taken: "should I give him his warfarin tonight?", "do I still give
    # her the evening tablets?" (outside run 72 p06: "Please go: this shouldn't wait").
    r"|\b(?:give|take|have)\s+(?:him|her|them|me\s+)?\s*(?:his|her|their|my|the)\s+"
    r"(?:usual\s+|evening\s+|night\s+|morning\s+|next\s+|normal\s+)?(?:\w+\s+)?"
    r"(?:medicines?|medications?|meds|tablets?|pills?|blood thinners?|warfarin|insulin|dose)\b",
    re.IGNORECASE,
)
# What to bring along: "should I bring his pill bottles?", "do I need to bring anything".
_ASKS_TO_BRING = re.compile(r"\b(?:bring|pack|take with (?:me|us|him|her))\b", re.I)
# The cost: "what if I can't pay?", "I have no insurance".
_ASKS_COST = re.compile(
    r"\b(?:pay|paying|afford|money|cost|costs|bill|insurance|insured|uninsured|expensive|"
    r"pricey|fortune)\b",
    re.I,
)
# The hospital's cost named, beside a wish for the physio ("I have no insurance, emergency
# is very expensive. I can wait to see physio?": outside run 101 p04).
_HOSPITALS_COST = re.compile(
    r"\b(?:emergency|er|a&e|hospital|ambulance|911)\b[^.!?]{0,40}\b(?:pay|afford|cost|costs|"
    r"bill|expensive|pricey|fortune|money)\b|\b(?:no|without|don'?t have|dont have|not got)"
    r"\s+(?:any\s+)?insurance\b|\buninsured\b",
    re.I,
)
# "Is it my heart?", "is this a stroke?": a diagnosis asked for.
# A guess put back to the chat: "are you saying it's the cancer back?", "so you're saying he
# has a clot", "is her infection back?" (outside run 76 p02: a relative's-illness answer).
_A_GUESS_PUT_BACK = (
    # "What do you think it could be?", "so what could it be then?" (outside run 78 p07).
    r"\bwhat\s+(?:(?:do|d)\s*(?:you|u|ya)\s+think\s+)?(?:it|this|that)\s+(?:could|might|may)"
    r"\s+be\b|\bwhat\s+(?:could|might|may)\s+(?:it|this|that)\s+be\b|"
    r"\b(?:are|r)\s+(?:you|u|ya)\s+saying\b|\b(?:you'?re|ur|youre)\s+saying\s+(?:it|that|this|"
    r"she|he|i|they)\b|\bis\s+(?:the|my|his|her|their)\s+[a-z]+\s+(?:back|coming back|"
    r"returning)\b"
)
_ASKS_WHAT_IT_IS = re.compile(
    _A_GUESS_PUT_BACK + "|"
    r"\b(?:is|could)\s+(?:it|this|that)\s+(?:be\s+)?(?:my|his|her|their|the|a|an)\s+[a-z]+"
    # "What do you think is going on?", "what's wrong with him?" (outside run 72 p06).
    r"|\bwhat\s+(?:do|d)\s*(?:you|u)\s+think\s+(?:is|it is|it'?s)\s+(?:going on|happening|"
    r"wrong)\b|\bwhat(?:'?s| is)\s+(?:going on|happening|wrong)\b"
    r"|\bis that what you'?re saying\b"
    # A guess put to the chat: "do u think its meningitis??", "could she have had a stroke?"
    # (outside run 70 p06: the advice alone to a frightened patient).
    r"|\b(?:do|d)\s*(?:you|u|ya)\s+(?:think|reckon)\s+(?:it'?s|its|it is|this is|that'?s|"
    r"she|he|i|they)\b|\b(?:you|u|ya)\s+(?:think|reckon)\s+(?:it'?s|its|it is)\b"
    r"|\b(?:could|might|can)\s+(?:she|he|i|they)\s+(?:have|be having)\s+(?:had\s+)?(?:a|an)\s+"
    r"[a-z]+",
    re.I,
)


# What to say on arrival, asked: "what do I tell them at the desk?", "what I must say?".
_ASKS_WHAT_TO_SAY = re.compile(
    r"\bwhat\b[^.?!]{0,20}\b(?:say|tell|explain)\b"
    # "Anything we should mention to them?" (outside run 72 p06: "Yes, tell them about it").
    r"|\banything\b[^.?!]{0,25}\b(?:say|tell|mention)\b",
    re.IGNORECASE,
)


# Language: "do they speak Polish there?", "my English is bad", "they have Turkish?".
_ASKS_LANGUAGE = re.compile(
    r"\b(?:interpreter|translator|translate|my english|english is|english not|"
    r"speak (?!to\b|with\b|up\b|for\b)\w+|"
    r"they have \w+ish|\w+ish speaker)\b",
    re.I,
)
# A medicine to tell them about: "should I mention she's on warfarin?", "tell them he takes
# apixaban?".
# Asked whether it is something: "could this be his cancer?", "do you think it's a disc?".
_COULD_IT_BE = re.compile(
    _A_GUESS_PUT_BACK + "|"
    r"\b(?:could|might|can|is)\s+(?:it|this|that)\s+(?:be\s+)?(?:to do with\s+)?"
    r"(?:my|his|her|their|the|a|an)\s+\w+"
    r"|\b(?:do you think|you think)\b[^.?!]{0,30}\b(?:could|might|is|be)\b"
    r"|\bcould the\b[^.?!]{0,30}\bbe\b|\b(?:could|might) be (?:my|his|her|their|a|an)\b",
    re.IGNORECASE,
)
# Asked whether to tell the doctors something: "should I tell urgent care about it?".
_TELL_THE_DOCTOR = re.compile(
    r"\b(?:should|shud|shd|do|shall|must)\s+(?:i|we)\s+(?:tell|mention|say)\b(?!\s+(?:you|u)\b)"
    r"[^.?!]{0,60}(?:\?|$)"
    r"|\b(?:tell|mention)\s+(?:it\s+)?(?:to\s+)?(?:them|the doctor|urgent care|the er)\b",
    re.IGNORECASE,
)
# What is to be told: "...tell the ER about the cancer thing", "...mention his prostate
# cancer and the blood thinner to the hospital", "...tell them at the ER that I'm on warfarin".
_WHAT_TO_TELL = re.compile(
    # Whom to tell, not what: "tell the ER about...", never "mention the whack on the head"
    # (outside run 76 p06: "Yes, tell them about on the head feeling").
    r"\b(?:tell|mention|say)\b(?:\s+(?:them|him|her|it|the\s+(?:doctors?|er|hospital|nurses?|"
    r"paramedics|ambulance|a&e|gp|triage|staff|crew|team)|urgent care|paramedics))?"
    r"(?:\s+(?:at|to)\s+(?:the\s+)?[\w&-]+)?\s+(?:(?:about|of)\s+)?(?P<what>[^.?!]+)",
    re.IGNORECASE,
)
_TO_WHOM = re.compile(
    r"\s+(?:to|at|with)\s+(?:the|them|him|her|urgent care|paramedics|er\b|a&e)\b.*$"
    r"|\s*(?:,|\bis that\b|\bor not\b|\bas well\b|\btoo\b).*$",
    re.IGNORECASE,
)
_AS_YOURS = {"i": "you", "i'm": "you're", "im": "you're", "my": "your", "me": "you", "we": "you",
             "our": "your", "us": "you", "i've": "you've", "ive": "you've"}  # fmt: skip
# Told as a clause ("he takes apixaban", "you're on warfarin"): "tell them that...".
_A_CLAUSE = re.compile(r"^(?:that|he|she|they|you|you're|he's|she's|they're|it's)\b", re.I)
_LONGEST_TOLD = 60
_ADDRESSEES = ("er", "a&e", "the er", "hospital", "the hospital", "doctor", "the doctor",
               "paramedics", "the paramedics", "them", "ambulance")  # fmt: skip


def tell_them(message: str) -> str:
    """The answer to "should I tell them about X?": yes, X and all of it (as the patient
    put it, in "you" words); empty when the message asks no such thing."""
    if not _TELL_THE_DOCTOR.search(message) or _ASKS_WHAT_TO_SAY.search(message):
        return ""  # "what I tell them in hospital?": what to say is its own answer
    asked = next(s for s in re.split(r"(?<=[.!?])\s+", message) if _TELL_THE_DOCTOR.search(s))
    if _WANTS_PHYSIO.search(asked) and not _DOCTOR_OR_CARE.search(asked):
        # "Can I just book the needling and mention it to them then?": "them" is the
        # physiotherapist, later; waiting, never a yes (outside run 106 p02).
        return ""
    found = _WHAT_TO_TELL.search(message)
    what = _TO_WHOM.sub("", found["what"]).strip() if found else ""
    what = re.sub(
        r"\b(?:i'm|im|i've|ive|i|my|me|we|our|us)\b",
        lambda m: _AS_YOURS[m[0].lower()],
        what,
        flags=re.IGNORECASE,
    )
    if what.lower() in ("that", "this", "it", "so", *_ADDRESSEES):
        # "Should I tell them that?" (outside run 63: "tell them that that"); "do we mention
        # it to the ER?": whom to tell, read as what.
        what = "it"
    # "do I tell them what you said?": the chat's words are all of it (outside run 110 p02).
    ours = re.fullmatch(
        r"what (?:you|u) (?:said|say|told me|wrote)|your (?:advice|words)", what, re.I
    )
    if (
        ours
        or not what
        or len(what) > _LONGEST_TOLD
        or what.lower() in ("them", "it all", "everything")
    ):
        told = "Yes, tell them all of it, everything you've told me here."
    elif _A_CLAUSE.match(what):
        that = "" if what.lower().startswith("that ") else "that "
        told = f"Yes, tell them {that}{what}, and everything else you've told me here."
    else:
        told = f"Yes, tell them about {what}, and everything else you've told me here."
    if _names_a_blood_thinner(message):
        told += " The blood thinner matters to them: bring the medicines or a list of them."
    return told + " "


_FEAR = re.compile(r"\b(?:scared|frightened|afraid|terrified|panicking|worried sick)\b", re.I)
_ASKS_TO_MENTION = re.compile(r"\b(?:mention|tell them|tell the|let them know|say)\b", re.I)
# Urgent care asked for in its place: "can I go to urgent care instead?", "walk-in ok?".
_ASKS_URGENT_CARE = re.compile(r"\b(?:urgent care|walk-?in|clinic instead|minute clinic)\b", re.I)
# A care team's phone line: "their 24 hour line", "the oncology hotline", "the nurse line".
_A_CARE_LINE = re.compile(
    r"\b(?:line|hotline|helpline|phone number|number)\b[^.?!]{0,40}\b(?:instead|first|rather)\b"
    r"|\b(?:24|twenty[- ]four)[- ]?(?:hour|hr)s?\b[^.?!]{0,30}\b(?:line|number|hotline)\b",
    re.IGNORECASE,
)


# A question about the needles for later ("would the needles be ok for me with that?",
# "will needling still be possible afterwards?"); not "soreness from the needling, right?".
_ABOUT_NEEDLES = re.compile(
    r"\b(?:needles?|needling)\b[^.!?]{0,40}\b(?:ok|okay|safe|fine|possible|allowed|later"
    r"|afterwards|still)\b|\b(?:later|afterwards|after that|still)\b[^.!?]{0,40}"
    r"\b(?:needles?|needling)\b"
    # "I take a baby aspirin, does that matter for the needles" (outside run 63 p06).
    r"|\b(?:matter|problem|issue|concern|affect|mean)\w*\b[^.!?]{0,25}\b(?:for|with|to)\s+"
    r"(?:the\s+)?"
    r"(?:needles?|needling)\b",
    re.IGNORECASE,
)


# "Should I keep my neck still?", "try not to move my head?" after a knock.
_ASKS_KEEP_STILL = re.compile(
    r"\b(?:keep|hold|stay)\b[^.?!]{0,25}\b(?:still|straight)\b|\b(?:not|n'?t)\s+(?:to\s+)?move\b"
    r"[^.?!]{0,15}\b(?:neck|head|back)\b",
    re.IGNORECASE,
)


# Asked whether to wake the patient, or what to watch for, after emergency advice.
_ASKS_TO_WAKE = re.compile(
    r"\b(?:should|do|shall|must|can)\s+(?:i|we)\s+wake\b|\bwak(?:e|ing) (?:him|her|them)\b",
    re.IGNORECASE,
)
_ASKS_IF_IT_CAN_WAIT = re.compile(
    r"\b(?:can'?t|cannot|can|could|couldn'?t)\s+(?:it|this|that|we|i)\s+(?:not\s+)?(?:just\s+)?"
    r"wait\b|\bwait\s+(?:until|till|til)\b",
    re.IGNORECASE,
)
_ASKS_WHAT_TO_WATCH = re.compile(
    r"\bwhat\b[^.?!]{0,30}\b(?:watch|look|keep an eye)(?:ing)? (?:out )?for\b", re.IGNORECASE
)
# The needles asked for instead of going: "can't I just book the needles for tomorrow?".
_INSTEAD_OF_GOING = re.compile(
    r"\b(?:can'?t|cannot|could|can)\s+i\s+(?:not\s+)?just\b|\binstead\b", re.IGNORECASE
)
# Calling one's own doctor first, after emergency advice: "can I ring my GP first instead?".
# "Which ER is closest?", "what hospital should we go to?"
_ASKS_WHICH_HOSPITAL = re.compile(
    r"\b(?:which|what|where(?:'s| is)?(?: the)?)\s+(?:\w+\s+)?(?:er|e\.r\.|a&e|hospital|emergency"
    r" (?:room|department))s?\b"
    r"|\b(?:nearest|closest)\s+(?:er|e\.r\.|a&e|hospital|emergency (?:room|department))\b",
    re.IGNORECASE,
)
_CALL_OWN_DOCTOR_FIRST = re.compile(
    r"\b(?:call|ring|phone|text|message|try)\b[^.?!]{0,40}?\b(?:doctor|gp|ob|obs|obgyn|"
    r"ob-gyn|midwife|nurse|after[- ]?hours|out of hours|oncologist|cardiologist|physician|pcp|"
    r"surgeon|specialist)\b[^.?!]{0,40}?\b(?:first|instead|before)\b",
    re.IGNORECASE,
)


def _practical(message: str, codes: list[str], number: str, signs: Iterable[str] = ()) -> str:
    """Answers to what the patient asks on the way: what it is, something to take, the cost,
    a language, a medicine to mention, urgent care instead, keeping still."""
    said = []
    asks = bool(_ASKS.search(message)) or "?" in message
    if asks and "fracture" in codes and _ASKS_KEEP_STILL.search(message):
        where = "your head and neck" if "neck_pain" in signs else "the painful part"
        said.append(f"Yes: keep {where} as still as you can, and let the crew move you.")
    if _REFUSES.search(message):
        # "What do I do if he flat out refuses to go?" (outside run 54).
        said.append(
            f"If they refuse to go, call {number} anyway: the crew can check them where they "
            "are and explain why it matters; stay with them until help comes."
        )
    if asks and _A_CARE_LINE.search(message):
        # "Sloan has a 24 hour urgent care line, should I call them instead of 911?": a
        # team's phone line is no walk-in clinic (outside run 95 p08: "No, not an urgent
        # care clinic"); 911 first, the team told too.
        said.append(
            f"Call {number} first: this needs to be seen straight away. You can let the team "
            "on that line know too, but don't wait for them to call back."
        )
    elif asks and _ASKS_URGENT_CARE.search(message):
        said.append(
            "No, not an urgent care clinic: this needs an emergency department, which can do "
            "scans and tests straight away."
        )
    if asks and _ASKS_TO_WAKE.search(message):
        # "He's asleep. Should I wake him?" (outside run 89 p07: the advice alone).
        # "Should I wake him?" yes; "can't it wait till morning?" no: a "Yes" there reads
        # as "yes, it can wait" (outside run 95 p08).
        lead = "No, it can't wait" if _ASKS_IF_IT_CAN_WAIT.search(message) else "Yes"
        said.append(f"{lead}: wake them now and call {number}; this can't wait until morning.")
    elif asks and _ASKS_WHAT_TO_WATCH.search(message):
        said.append(
            "There's no need to watch for more: what you've told me is already reason "
            f"enough to call {number} now."
        )
    if asks and _CALL_OWN_DOCTOR_FIRST.search(message) and not _ASKS_URGENT_CARE.search(message):
        # "Can I call my OB's after-hours line first instead?" (outside run 88 p04).
        said.append(
            "You can call them on the way, but not instead, and don't wait for a call back: "
            "this needs an emergency department now, which can do scans and tests straight "
            "away."
        )
    if asks and _IN_LABOUR.intersection(codes) and _CALLS_A_DOCTOR.search(message):
        # "i call my OB doctor?" in labour: the right call (outside run 110 p04: unanswered).
        said.append("Yes, that's the right call.")
    elif asks and _ASKS_WHICH_HOSPITAL.search(message):
        # "Which ER is closest to you guys?" (outside run 110 p02: asked twice, unanswered).
        said.append(
            "I can't tell which is nearest to where you are: the nearest emergency department "
            f"will do, and {number} can take you to the right one."
        )
    if asks and _ASKS_LANGUAGE.search(message):
        said.append(
            f"Yes: {number} and emergency departments have interpreters. Say the language "
            "you need as soon as they answer, or ask someone to call with you."
        )
    told = tell_them(message)
    if told:
        said.append(told.strip())  # "should I tell them about the cancer?" (outside run 61)
    elif _ASKS_TO_MENTION.search(message) and _names_a_blood_thinner(message):
        said.append(
            "Yes, tell them straight away about the blood thinner, and bring the medicines "
            "or a list of them."
        )
    matters = re.search(r"\bdoes (?:that|it|this) matter\b", message, re.IGNORECASE)
    # "Can't I just book the needles for tomorrow?" asks to have them instead of going, not
    # about needles later (outside run 90 p02: "For later: the physiotherapist goes...").
    instead = _INSTEAD_OF_GOING.search(message)
    if (asks or matters) and _ABOUT_NEEDLES.search(message) and not instead:
        # "But the needles, are they ok with Eliquis? Just so I know for later" (outside
        # run 58: twice, and only told to go).
        said.append(
            "For later: blood thinners don't rule dry needling out; the physiotherapist takes "
            "extra care and goes through it with you once a doctor has seen you."
            if _names_a_blood_thinner(message)
            else "For later: the physiotherapist goes through that with you at a consultation "
            "once a doctor has seen you."
        )
    if _ASKS_WHAT_IT_IS.search(message) and not _ASKS_WHY.search(message):
        reason = next((WHY[code] for code in codes if code in WHY), "")
        said.append(f"I can't tell you what it is: only a doctor can. {reason}".strip())
    bring = _ASKS_TO_BRING.search(message)
    if bring:
        said.append(
            "Bring the medicines taken (or a list of them), any letters or results from "
            "doctors, and ID and an insurance card if there is one."
        )
    skips = _SKIPS_A_MEDICINE.search(medicines_named_plainly(message))
    if skips and _ASKS.search(message) and not bring:
        # "Should she skip her Eliquis this morning?" (outside run 68 p02: "don't take
        # anything new").
        said.append(
            "Don't stop or skip the usual medicines on your own: bring them (or a list) and "
            "tell the emergency team when the last dose was taken."
        )
    elif _ASKS_TO_TAKE.search(message) and _ASKS.search(message) and not bring:
        handler = (
            f"Ask the {number} call handler: they may tell you to chew an aspirin."
            if "cardiac" in codes
            else f"Please don't take anything new unless the {number} call handler tells you to."
        )
        said.append(handler)
    if _ASKS_WHAT_TO_SAY.search(message):
        # The signs held, in the patient's terms: a patient who plays it down needs the
        # words to say at triage (outside run 69 p04).
        signs = tuple(signs)
        held = held_in_words(codes, signs)
        changed = f"({held})" if held else "(the warning sign that brought you)"
        said.append(
            f"Tell them what you told me: where it hurts and since when, what has changed "
            f"{changed}, and any medicines you take."
        )
    if _ASKS_COST.search(message) and (
        not _WANTS_PHYSIO.search(message) or _HOSPITALS_COST.search(message)
    ):
        # ...the hospital's; the physiotherapy's after it is the clinic's (the tail).
        said.append(
            "Emergency departments see you first, whether or not you can pay; ask them there "
            "about help with the costs."
        )
    return " ".join(said) + (" " if said else "")


# Going there now, not calling: "taking her to mount sinai now", "we're heading to the ER".
_ON_THE_WAY = re.compile(
    r"\b(?:taking|driving|going|heading|head(?:ing)? (?:to|over)|on (?:our|my|the) way|leaving"
    r"|off to)\b(?!\s+to\s+call)"
    # "We'll go to the ER" (outside run 89 p07 was told to stay where they were); "I'm waking
    # him up" to drive (outside run 91 p02).
    r"|\b(?:we'?ll|we will|i'?ll|i will)\s+(?:go|take \w+|drive \w+|head)\b(?!\s+to\s+call)"
    r"|\b(?:waking|wake|getting|get)\s+(?:him|her|them|my \w+)\s+up\b"
    # "my gf is gonna take me to mount sinai" (outside run 93 p05: "stay where you are").
    r"|\b(?:is|are|'s|'re)\s+(?:gonna|going to)\s+(?:take|drive|bring)\s+(?:me|him|her|us)\b",
    re.IGNORECASE,
)


def _how_to_go(message: str, codes: list[str], number: str) -> str:
    """How to get to the emergency department, when the patient asks, or says how."""
    alone = _ON_THEIR_OWN.search(message)
    # "I didn't ask about driving", "I'm not calling an ambulance": no question of how.
    asked = any(
        not _NOT_WANTED_BEFORE.search(message[max(0, found.start() - 30) : found.start()])
        for found in _ASKS_HOW_TO_GO.finditer(message)
    )
    if _TELL_THE_DOCTOR.search(message) and not alone:
        return ""  # "should I say about it to the paramedics?": what to tell, not how to go
    if not asked and not alone:
        return ""
    if any(
        _ANOTHER_DAY.search(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", message)
        if _ASKS_HOW_TO_GO.search(sentence)
    ):
        # "Tuesday, when my daughter can drive me": a day to wait for, not how to go now
        # (outside run 79 p01: "someone else driving... is fine").
        return ""
    if codes and set(codes) <= _DRIVEN_IS_FINE and alone:
        return (
            f"If nobody can drive you, call {number}, or take a taxi straight to the emergency "
            "department; please don't go alone by bus or train. "
        )
    if codes and set(codes) <= _DRIVEN_IS_FINE:
        if _DRIVES_SELF.search(message):
            return (
                "Please don't drive yourself: ask someone to drive you straight there, or "
                f"call {number} if nobody can. "
            )
        return (
            "Yes, someone else driving straight to the emergency department is fine, as long "
            f"as getting to the car is safe. Call {number} instead if it isn't, or if anything "
            "gets worse on the way. "
        )
    if _AMBULANCE_REFUSED.search(message) and not _DRIVES_SELF.search(message):
        # "we can't afford an ambulance. my sister can drive me, is that ok?": the ambulance
        # is still safest, and a ride straight there beats not going (outside runs 114 to
        # 116: the ambulance again and nothing else, to patients who would not call one).
        return (
            f"Calling {number} for an ambulance is still safest: the crew can start care on the "
            "way. If you won't, have someone drive you straight to the nearest emergency "
            f"department now, and call {number} at once if anything gets worse on the way; "
            "never drive yourself. "
        )
    return (
        f"Please call {number} now for an ambulance rather than going by car: the crew can "
        "start care on the way. "
    )


# The ambulance said not to be wanted, or beyond the patient's means: "I'm not getting an
# ambulance", "i cannot pay ambulance, 1000 dollar", "we can't afford an ambulance".
_AMBULANCE_REFUSED = re.compile(
    r"\b(?:not|never|won'?t|wont|no|don'?t|dont|can'?t|cant|cannot)\s+(?:\w+\s+){0,3}?"
    r"(?:ambulance|911)\b"
    r"|\b(?:afford|pay|paying|cost\w*|expensive|money|bill|dollars?|insurance)\b[^.?!]{0,30}"
    r"\bambulance\b|\bambulance\b[^.?!]{0,30}\b(?:afford|pay|cost\w*|expensive|money|bill|"
    r"dollars?|\$)",
    re.IGNORECASE,
)


def why(code: str, signs: Iterable[str] = ()) -> str:
    """Why `code` needs a doctor, in plain words; of `signs`, only those held."""
    if code in _WHY_OF_SIGNS and (told := described(code, signs)) != WHAT_YOU_DESCRIBED[code]:
        return _WHY_OF_SIGNS[code].format(what=told[0].upper() + told[1:])
    return WHY.get(code, "")


def _why(message: str, codes: Iterable[str], signs: Iterable[str] = ()) -> str:
    """The reason for the advice, when the patient asks why, or argues that time has passed
    ("it's been two days and she's still alive": outside run 69 p06, unanswered)."""
    if _TIME_HAS_PASSED.search(message):
        return f"{_TIME_PASSED_ANSWER}{_reason(codes, signs)}"
    asked = _ASKS_WHY.search(message) or _WHAT_WAITING_RISKS.search(message)
    return _reason(codes, signs) if asked else ""


_TIME_PASSED_ANSWER = "That time has passed doesn't rule it out. "
# Time passing as an argument against going: "it's been days", "would have happened by now".
_TIME_HAS_PASSED = re.compile(
    r"\b(?:would(?:n'?t| not)?|should(?:n'?t| not)?|'d)\s+(?:\w+\s+){0,3}?(?:have|'ve)\s+"
    r"(?:happened|got worse|gotten worse|shown|come on)\b|\bby now\b|\bstill alive\b"
    r"|\b(?:it'?s|it has|its) been (?:\w+\s+){0,2}(?:days|weeks)\b",
    re.IGNORECASE,
)


def _reason(codes: Iterable[str], signs: Iterable[str] = ()) -> str:
    """The reasons of `codes` (the first two), with a space to follow, or "": a fall at 78
    and a knock to the head on warfarin are two worries, both said (outside run 54)."""
    signs = tuple(signs)
    reasons = [why(code, signs) for code in codes if code in WHY][:2]
    return "".join(reason + " " for reason in reasons)


# The patient refusing to go: "what if he refuses?", "she won't go to the hospital".
_REFUSES = re.compile(
    r"\b(?:refuses?|refusing|refused|won'?t go|will not go|doesn'?t want to go|"
    r"hates hospitals?)\b",
    re.IGNORECASE,
)


_ASKS = re.compile(
    r"\?|^\s*(can|could|should|shall|is|isn't|do|does|will|would|must|may|am|are|what|why|"
    r"how)\b|\b(can i|could i|should i|do i|is it|is that|do you think|i can)\b",
    re.IGNORECASE,
)


# The care the advice named: "should I go to a doctor or what?", "urgent care first thing".
_CARE_WORDS = (
    r"doctor|dr|gp|er|a&e|emergency|hospital|urgent care|walk-in|after-hours|911|112|999"
    # "I call my OB tomorrow ok?" (outside run 113 p04: the intake's next question).
    r"|ob|obgyn|ob-gyn|midwife|obstetrician|pcp|nurse|pediatrician|paediatrician"
)
_CARE = re.compile(rf"\b({_CARE_WORDS})\b", re.IGNORECASE)
_DOCTORS = rf"(?:{DOCTOR_WORDS})"
# A clause about seeing a doctor or going for care ("my GP can't see me till Tuesday").
_DOCTOR_OR_CARE = re.compile(rf"\b(?:{_CARE_WORDS}|{_DOCTORS})\b", re.IGNORECASE)
_FIRST_THING = re.compile(r"\bfirst thing\b", re.IGNORECASE)
# The coming morning, said in the small hours; not another day.
_THIS_MORNING = re.compile(
    r"\b(?:in (?:the )?morning|first thing|tomorrow morning|when (?:it|they) opens?|"
    r"this morning)\b",
    re.IGNORECASE,
)
_LATER_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|weekend"
    r"|afternoon|evening|tomorrow night|in a few days|see how)\b",
    re.IGNORECASE,
)


# When the clinic's call comes, asked: "when will they call?", "will someone ring me today?".
_WHEN_THEY_CALL = re.compile(
    r"\b(?:when|what time)?\s*(?:will|would|do|does|can)\s+(?:they|you|someone|somebody|"
    r"the clinic|anyone|the physio\w*)\s+(?:\w+\s+)?(?:call|ring|phone)\w*",
    re.IGNORECASE,
)


# The clinic's practicalities: where to park, what to wear, the needles, the price.
_PRACTICAL = re.compile(
    r"\b(?:park\w*|wear|clothes|needles?|sterile|single[- ]use|used (?:only )?once|price|"
    r"cost\w*|how much|insurance|insurer|pay|address|hours|opening)\b"
    # How long a visit takes (outside run 124 v07: "Yes, it really can't wait").
    r"|\bhow long (?:does|do|will|would|is|are)\s+(?:the |a |my |each |your |one )?"
    r"(?:appointment|consultation|session|visit|treatment)s?\b",
    re.IGNORECASE,
)


# What to bring along: "should he bring the discharge letter from the ER?" names the care
# it comes from, and asks the clinic's practical question (outside run 66 p01: "Yes, it
# really can't wait"); "bring him to urgent care" is about the care.
_BRINGING = re.compile(
    r"\bbring\w*\s+(?:\w+\s+){0,3}?(?:anything|something|papers?|letters?|reports?|notes|"
    r"lists?|results|scans?|x-?rays?|mri|medications?|medicines?|meds|booklet|documents?|"
    r"paperwork|records)\b",
    re.IGNORECASE,
)


def _asks_only_practical(message: str) -> bool:
    """Whether every question of the message asks about the clinic's practicalities, none
    about waiting or the care advised ("is there parking? I worry about infection": the
    worry is told, the question is the parking's)."""
    asked = [part for part in re.split(r"(?<=[?.!])\s+", message) if "?" in part]
    return bool(asked) and all(
        (
            _BRINGING.search(question)
            and not (_WAITING.search(question) or _SERIOUS.search(question))
        )
        or (
            _PRACTICAL.search(question)
            and not (
                _WAITING.search(question) or _CARE.search(question) or _SERIOUS.search(question)
            )
        )
        for question in asked
    )


def promises_care(message: str) -> bool:
    """Whether the message promises the care advised, today or first ("I'll ring the out of
    hours line this afternoon", "we'll head to urgent care"); "I can't get her to a doctor
    today" is care named out of reach, and "if it gets worse" no promise."""
    promised = _CARE_TODAY.search(message) or _CARE_FIRST.search(message) or _will_go(message)
    return bool(
        promised
        and not _BEFORE_A_DOCTOR.search(message)
        and not plans_care_later(message)
        and not _IF_IT_GETS_WORSE.search(message)
    )


# Care kept for worse: "I'll go to urgent care if it gets worse", "if it's no better".
_IF_IT_GETS_WORSE = re.compile(
    r"\bif (?:it|this|she|he|they|i|the pain)\s+(?:\w+\s+)?(?:gets?|get|is|isn'?t|doesn'?t|"
    r"goes|go|stays?)\s+(?:any\s+)?(?:worse|no better|better|away|settle)",
    re.IGNORECASE,
)


# A question about "today" that asks for no time at the clinic: "today seems a bit much for
# 12 lbs?", "isn't today over the top?" (outside run 114 p07: the booking went on); "can I
# come in today?" and "anything free today at 4?" ask for a time.
_TODAY_IN_QUESTION = re.compile(r"\b(?:today|a today thing)\b", re.IGNORECASE)
_A_TIME_ASKED = re.compile(
    r"\b(?:free|available|open|slots?|times?|come|book\w*|appointments?|what about|how about"
    r"|any\w*|at \d)\b",
    re.IGNORECASE,
)


def _doubts_today(message: str) -> bool:
    """Whether a question of the message doubts that it must be today."""
    return any(
        "?" in sentence
        and _TODAY_IN_QUESTION.search(sentence)
        and not _A_TIME_ASKED.search(sentence)
        # "my doctor is closed today, can I wait until tomorrow?": waiting asked, its own no.
        and not _WAIT_SAID.search(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", message)
    )


# The physiotherapist to judge whether a doctor is needed: "the physio can tell me if I need a
# doc" (outside run 114 p07). No physiotherapist's look stands in for the doctor's check.
_PHYSIO_DECIDES = re.compile(
    r"\bphysio\w*\b[^.?!]{0,30}\b(?:tell|decide|say|check|judge|let (?:me|us|him|her) know"
    rf"|work out|figure out)\w*\b[^.?!]{{0,30}}\b(?:if|whether)\b[^.?!]{{0,30}}\b{_DOCTOR}\b",
    re.IGNORECASE,
)
# An appointment with a doctor weeks away: "my urologist sees me in feb", "my check-up is
# next month", "her neurologist in a few weeks".
_LATER_APPOINTMENT = re.compile(
    rf"\b(?:{DOCTOR_WORDS}|check-?up)\b[^.?!]*\b(?:next month|in (?:a few|a couple of|\d+|two|"
    r"three|four|six) (?:weeks|months)|jan\w*|feb\w*|march|april|in may|june|july|aug\w*|sept?\w*"
    r"|oct\w*|nov\w*|dec\w*)\b",
    re.IGNORECASE,
)


# Where to find the care advised, or how to pay for it: "where I can find cheap doctor
# without insurance?", "yes but WHERE. I dont know any place", "urgent care near me?"
# (outside run 115 p04: the advice again, then the notes' and the booking's replies).
_ASKS_WHERE_TO_FIND = re.compile(
    rf"\bwhere\b[^.?!]{{0,40}}\b(?:find|is|are|get|look|search|go|there)\b[^.?!]{{0,30}}"
    rf"\b(?:{DOCTOR_WORDS}|urgent care|walk-?in|clinic|place)s?\b"
    r"|^\W*(?:(?:yes|yeah|ok|okay)\W+)?but\s+where\b"
    r"|\bwhere do (?:i|we) (?:even )?go\b"
    rf"|\b(?:{DOCTOR_WORDS}|urgent care|walk-?in|clinic|hospital)s?\s+(?:near|close to|around)\s+"
    r"(?:me|here|us|my)\b"
    rf"|\b(?:don'?t|do not|dont)\s+(?:know|have)\s+(?:any|a)\s+(?:{DOCTOR_WORDS}|place|clinic)s?\b",
    re.IGNORECASE,
)
# Care's cost: "no insurance", "can't afford", "urgent care is expensive".
_CARE_COST = re.compile(
    r"\b(?:insurance|insured|uninsured|cheap\w*|afford\w*|expensive|money|cost\w*)\b",
    re.IGNORECASE,
)


def _where_to_find_care(message: str, number: str) -> str:
    """The answer to where to find the care advised, or how to pay for it; "" if not asked."""
    costs = _CARE_COST.search(message) and _DOCTOR_OR_CARE.search(message)
    if not (_ASKS_WHERE_TO_FIND.search(message) or costs):
        return ""
    said = []
    if _ASKS_WHERE_TO_FIND.search(message):
        said.append(
            "I can't tell which is nearest to where you are: a map search for urgent care "
            f"near you shows the closest, and {number} is there if it gets worse quickly."
        )
    topic = knowledge.topic_named("care_without_insurance")
    answer = knowledge.answer_text(topic, knowledge.clinic_values()) if topic else None
    if costs and answer:
        said.append(answer)
    return " ".join(said) + " "


# The care advised, as what a booking comes after: "after the pediatrician", "once we have
# seen the GP", "after urgent care tonight".
_AFTER_THE_CARE = re.compile(
    r"\b(?:after|once)\s+(?:(?:we|i|he|she|they)(?:'?ve|'?s| have| has)?\s+(?:seen|been to|"
    r"visited|gone to|seen by)\s+)?(?:the\s+|his\s+|her\s+|my\s+|our\s+|their\s+)?"
    rf"(?:{DOCTOR_WORDS}|urgent care|walk-?in|er|hospital)\b"
    # "he needs to see the doctor first" (outside run 116 p03: "Please don't wait until then").
    r"|\b(?:see|seen|visit|get to)\s+(?:the\s+|his\s+|her\s+|my\s+|a\s+|their\s+)?"
    rf"(?:{DOCTOR_WORDS}|urgent care|walk-?in)\s+first\b",
    re.IGNORECASE,
)


def asks_about_waiting(message: str) -> bool:
    """Whether, after advice, the patient asks to wait, whether it is serious or about the
    care advised ("should I go to a doctor or what?"), or plans that care for later ("I'll
    take him to urgent care first thing"): the advice answers it, the form waits."""
    message = without_surprise(message)  # "Oh wait, could we do Friday?" is no waiting
    if _asks_only_practical(message):
        return False  # the knowledge base answers it, the form goes on
    if _where_to_find_care(message, ""):
        return True  # "where I can find cheap doctor without insurance?"
    asked = [q for q in re.split(r"(?<=[.!?])\s+", message) if "?" in q]
    if any(_ASKS_IF_IT_CAN_WAIT.search(q) for q in asked):
        # "Can it wait until I call them in the morning?" (outside run 122 s05: the clinic's
        # opening hours, twice).
        return True
    if _WHAT_WAITING_RISKS.search(message):
        return True  # "what's the worst case if I sleep on it": the reason, then the advice
    if asks_how_to_change(message):
        # "If the doctor finds something bad, do I just cancel?": how the booking can be
        # changed, answered with it (outside run 76 p02: "Yes, it really can't wait").
        return False
    if asks_for_a_call(message) or _WHEN_THEY_CALL.search(message):
        # "Can the clinic call him back later instead?", "when will they call? today?": the
        # call-back's own answer says the doctor comes first (a call never stands in for
        # the care advised).
        return False
    asks = bool(_ASKS.search(message))
    if promises_care(message) and _TO_BOOK.search(message):
        # "I'll take him to urgent care today. Can we book for after, next Thursday?": the
        # advice taken, and a booking for afterwards (its reminder says "today" again).
        return False
    if _doubts_today(message) or _PHYSIO_DECIDES.search(message):
        return True  # the advice answers the doubt; a time said beside it is still read
    if (
        _AFTER_THE_CARE.search(message)
        and (_A_DAY.search(message) or _only_a_time(message))
        and not (_WAIT_SAID.search(message) or _ASKS_TO_WAIT.search(message))
    ):
        # "yes, after the pediatrician. next week some time after school, like 4pm?": a
        # booking for afterwards (outside run 115 p08: "Please go: this shouldn't wait").
        return False
    if _PLANS_TO_WAIT.search(message):
        # "I'll see how it goes over the weekend... I'll come in Monday": waiting, whatever
        # day it names (outside run 49: it went into the notes).
        return True
    if _BEFORE_A_DOCTOR.search(message):
        # "Should I still come Monday and have the needles done?", "so I can come even if no
        # doctor has seen me yet?": the advice answers it (outside run 63 p04: the
        # consultation's text, then "Sorry, I didn't quite understand").
        return True
    questions = [q for q in re.split(r"(?<=[.!?])\s+", message) if q.rstrip().endswith("?")]
    if any(
        _WHICH_CARE.search(q) or (_WAIT_SAID.search(q) and _DOCTOR_OR_CARE.search(q))
        for q in questions
    ):
        # "Which doctor we go, the family doctor ok?", "Is ok she wait to thursday for
        # doctor?": the advice's to answer, whatever day the message names (outside run 111
        # p03: the referral's answer, then the clinic's times on Thursday).
        return True
    if wants_a_day_booked(message):
        # "Friday please, my GP can't see me till Tuesday": a booking for a day, made, its
        # reminder saying "today" again (answered with the advice alone, the patient was
        # told to say which day suits, said it, and was refused: outside run 39).
        return False
    if asks and _another_day_asked_for(message):
        # "Have you anything on the Friday afternoon instead?" to the times offered: the
        # booking's question (outside run 82 p01: the advice again, and Thursday booked).
        return False
    if asks and _only_a_time(message):
        # "Thursday morning, maybe 10?" to the booking's question: the time, offered
        # (outside run 71 p04: "Please go: this shouldn't wait", and the question again).
        return False
    asked = _asked_part(message)
    if asks and (_WAITING.search(asked) or _SERIOUS.search(asked) or _CARE.search(asked)):
        return True
    if asks and (_ASKS_SELF_TREATMENT.search(message) or _ASKS_WHAT_IS_WORSE.search(message)):
        return True  # "is it ok to foam roll it?": answered in the advice's light
    if asks and (_ASKS_WHERE.search(message) or _ASKS_PAINKILLER.search(message)):
        return True  # "urgent care or the ER?", "Tylenol ok?"
    if _PLANS_TO_WAIT.search(message):
        return True  # "nah ill just see how i go over the weekend": the advice again
    return bool(_CARE.search(message) and (_LATER.search(message) or _FIRST_THING.search(message)))


# Waiting or the doctor named beside a day: "can it wait till monday at 10?", "instead".
_PUT_OFF = re.compile(
    r"\b(?:wait\w*|instead|hold off|skip\w*|first|before|see how|settle\w*|closed)\b"
    # "Later in the week" puts off; "a bit later", "later on wednesday" is the hour.
    r"|(?<!bit )(?<!little )(?<!slightly )\blater\b(?!\s+(?:on\s+)?(?:that|the same|in the day|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|tomorrow))",
    re.IGNORECASE,
)


_ANOTHER_DAY_ASKED = re.compile(
    r"\b(?:have you (?:got )?anything|do you have anything|anything|any (?:times?|slots?|space|"
    r"room)|could (?:i|we) (?:have|do|get)|can (?:i|we) (?:have|do|get)|what about|how about)\b"
    r"[^.?!]{0,25}\b(?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next week|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat)\b",
    re.IGNORECASE,
)
# Which care to go to: "which doctor we go?", "who should we see?".
_WHICH_CARE = re.compile(
    r"\b(?:which|what|who)\b[^.?!]{0,30}\b(?:doctor|dr|gp|physician|urgent care|hospital)\b",
    re.IGNORECASE,
)
_WAIT_SAID = re.compile(r"\b(?:wait\w*|hold off|put (?:it )?off|leave it|see how)\b", re.I)


def _another_day_asked_for(message: str) -> bool:
    """Whether the message asks for another day for the booking ("anything Saturday
    instead?"), saying nothing of waiting, the doctor or care."""
    return bool(
        _ANOTHER_DAY_ASKED.search(message)
        and not _WAIT_SAID.search(message)
        and not _DOCTOR_OR_CARE.search(message)
    )


def _only_a_time(message: str) -> bool:
    """Whether the message offers a day and an hour for the booking, and says nothing of
    waiting, the doctor or how serious it is ("could we make it thursday instead, same
    time?" moves the booking)."""
    message = without_surprise(message)
    put_off = {m[0].lower() for m in _PUT_OFF.finditer(message)}
    if put_off == {"instead"} and _MOVES_THE_BOOKING.search(message):
        put_off = set()
    return bool(
        _A_DAY.search(message)
        and says_an_hour(message)
        and not put_off
        and not _DOCTOR_OR_CARE.search(message)
        and not _SERIOUS.search(message)
    )


# The booking moved: "could we do friday instead", "make it thursday", "switch it to".
_MOVES_THE_BOOKING = re.compile(
    r"\b(?:(?:could|can) (?:we|i|you) (?:do|make it|have|change it to|move it to)|make it|"
    r"(?:could|can) (?:it|that) be|"
    # "can I move J7UEMG to Saturday morning instead?" (outside run 107 p07)
    r"(?:move|shift|switch|change|reschedule) (?:my |the |our |his |her )?(?:appointment|appt|"
    r"booking|consultation|[A-Z0-9]{6}) to|"
    r"switch (?:it|that)|move (?:it|that)|change (?:it|that))\b",
    re.IGNORECASE,
)
# "Wait" said in surprise: "oh wait, ...", "no wait.", "wait, actually"; not "can I wait".
_WAIT_IN_SURPRISE = re.compile(
    r"\b(?:(?:oh|no|hmm|um|uh|ah)[ ,]+)?wait\b(?=\s*[,.!]|\s+(?:actually|no|sorry|i\b|we\b|"
    r"could|can|hold))",
    re.IGNORECASE,
)


def without_surprise(message: str) -> str:
    """`message` without a "wait" said in surprise ("Oh wait, could we do Friday?")."""
    return _WAIT_IN_SURPRISE.sub(" ", message)


_A_DAY = re.compile(
    r"\b(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|"
    r"thu|thur|thurs|fri|sat|next week|\d{1,2}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# A booking asked for: "book me in", "yes please, Friday?", "could I come Thursday", a day
# with a please ("So, Wednesday afternoon please?", after "just say which day suits").
_BOOKING_ASKED = re.compile(
    r"\b(?:book|booking|appointment|consultation|come in|come on|come at|come|slot)\b"
    r"|^\W*(?:yes|yeah|yep|ok|okay|sure)\W+please\b"
    r"|\b(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|next week)\b"
    r"[^.?!]{0,25}\bplease\b"
    # "Do you have friday 11th, afternoon?", "is anything free?" (outside run 65 p01: read as
    # asking to wait, twice).
    r"|\b(?:do you have|have you got|got anything|any(?:thing)? (?:free|available|open)"
    r"|is anything free|any (?:slots|times|appointments))\b",
    re.IGNORECASE,
)
# Asking whether to wait or go: "can I wait", "do I have to go today?", "must it be today?".
_ASKS_TO_WAIT = re.compile(
    r"\b(?:can|could|may|should|is it ok(?:ay)? to|is it fine to)\s+(?:i|we|he|she|it|this)\s+"
    r"(?:just\s+)?(?:wait|leave|hold)\b|\btoday\s*\?|\binstead\b"
    r"|\b(?:physio\w*|you|book|booking|consultation)\s+first\b",
    re.IGNORECASE,
)


_TODAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|now|right away|straight away|asap)\b",
    re.IGNORECASE,
)


# Night for a doctor "today": before this hour the morning is the same day, and from the
# other a doctor first thing in the morning is the earliest one (outside runs 85 and 88).
MORNING_STARTS = 6
LATE_EVENING = 21


def at_night(hour: int) -> bool:
    """Whether a doctor first thing in the morning is the earliest one at `hour`."""
    return hour < MORNING_STARTS or hour >= LATE_EVENING


def plans_care_first_thing(message: str) -> bool:
    """Whether the message plans the doctor for first thing in the morning ("ok we'll call
    his doctor in the morning"), no later day named with it."""
    clauses = re.split(r"[.!?;]+", message)
    return any(
        _DOCTOR_OR_CARE.search(c) and _THIS_MORNING.search(c) and not _LATER_DAY.search(c)
        for c in clauses
    )


def plans_care_later(message: str) -> bool:
    """Whether the message puts the doctor's visit off to a later day ("my GP can't see me
    till Tuesday", "seeing the doctor on Monday"); the day in a clause of its own is the
    booking's ("urgent care this afternoon. Can we book next Saturday?")."""
    message = re.sub(_DOCTORS_YES, " ", message, flags=re.IGNORECASE)
    clauses = re.split(r"[.!?;]+|,\s*(?:and\s+)?|\band\b", message)
    about_care = [clause for clause in clauses if _DOCTOR_OR_CARE.search(clause)]
    return any(_LATER.search(c) and not _TODAY.search(c) for c in about_care) and not any(
        _TODAY.search(c) for c in about_care
    )


def wants_a_day_booked(message: str) -> bool:
    """Whether, after advice to see a doctor today, the message asks for a consultation on
    a day ("yes please, Friday morning?", "book me for Thursday, GP on Monday"), and does
    not ask to wait or to see the physiotherapist first."""
    return bool(
        _BOOKING_ASKED.search(message)
        and _A_DAY.search(message)
        and not _ASKS_TO_WAIT.search(message)
    )


def asks_how_serious(message: str) -> bool:
    """Whether the patient asks how much the advice matters ("does that matter?", "is it
    serious?"): the advice itself is the answer."""
    return bool(_ASKS.search(message) and _SERIOUS.search(message))


def _asked_part(message: str) -> str:
    """The questions of a message, when it marks them ("None really. How long is the
    appointment?": "really" is told, not asked); else all of it."""
    asked = [part for part in re.split(r"(?<=[.!?])\s+", message) if "?" in part]
    return " ".join(asked) if asked else message


def _answer_in_light(message: str) -> str:
    if not _ASKS.search(message):
        return ""
    asked = _asked_part(message)
    if _asks_only_practical(message):
        return ""  # "How long is the appointment?": the clinic's answer follows
    if _WAITING.search(without_surprise(asked)):
        return "Please go: this shouldn't wait. "
    if _SERIOUS.search(asked):
        return "Yes, it really can't wait. "
    return ""


# A call from the clinic asked for or asked about ("could someone call me first?", "is the
# clinic still going to ring me?"): none is set up in an emergency, and it is said so.
# "I'll ring my husband to drive me": the patient's own call, the advice taken.
_CALLS_OWN = re.compile(
    r"\b(?:call|ring|phone)\w*\s+my\b"
    # "ok i will call them in morning" (outside run 95's kind: read as asking for a call)
    r"|\b(?:i|we|i'?ll|we'?ll|gonna|going to)\s+(?:will\s+|just\s+|go\s+)?(?:call|ring|phone)\w*"
    r"\s+(?:them|her|him|the|our|their|labou?r|l&d|911)\b"
    r"|\b(?:i'?ve|i have|we'?ve|we have|just|already)\s+(?:called|rung|rang|phoned)\b",
    re.IGNORECASE,
)
# Help called and on its way: "the ambulance is on its way", "I've called them, they're
# coming", "we're phoning now" (outside run 72 p06: "please call 911 now" to it).
_HELP_COMING = re.compile(
    r"\b(?:ambulance|paramedics|crew|they|they'?re|help)\b[^.!?]{0,15}\b(?:on (?:its|their|the) "
    r"way|coming|arriving|here)\b"
    r"|\b(?:i'?ve|i have|we'?ve|we have|just|already)\s+(?:called|rung|rang|phoned)\b"
    r"|\b(?:i'?m|we'?re|i am|we are)\s+(?:calling|phoning|ringing)\b",
    re.IGNORECASE,
)
NO_CALL = "No call from the clinic has been set up: this can't wait for one. "
# A call to the patient's own doctor, nurse line or midwife: no help on its way (outside run
# 110 p07: "I'm calling Dr Feld's office right now" got "Stay together until help arrives").
_CALLS_A_DOCTOR = re.compile(
    r"\b(?:call|calling|called|phone|phoning|phoned|ring|ringing|rang|rung|contact\w*|try\w*"
    r"|get(?:ting)? (?:hold of|through to))\b(?:\s+[\w'&]+){0,4}?\s+"
    r"(?:doctor|doc|dr|gp|physician|surgery|office|nurse|specialist|cardiologist|neurologist"
    r"|oncologist|consultant|midwife|obstetrician|ob|obgyn|ob-gyn|practice)s?\b",
    re.IGNORECASE,
)
# Already on the way, someone else driving (outside run 110 p07: "We're already in the car"
# was told "call 911 now for an ambulance rather than going by car").
_UNDERWAY = re.compile(
    r"\b(?:in the car|on (?:our|my|the|his|her|their) way|at the wheel|en route)\b(?! park)"
    r"|\b(?:is|'s|are|'re|am|'m)\s+(?:now\s+)?(?:driving|taking|bringing)\s+(?:us|me|him|her|them)"
    r"\b(?!\s+(?:later|tomorrow|tonight|after|when|in the|at \d))",
    re.IGNORECASE,
)


# "It's gone now", "I feel fine": an emergency sign that eased still needs checking.
_EASED = re.compile(
    r"\b(gone|passed|settled|settling|eased|easing|better|fine now|ok now|okay now|"
    r"back to normal|feel normal|feels normal|"
    # Not a bare "I'm fine": a brush-off ("honestly I'm fine, stop fussing") more often.
    r"stopped|went away|feel fine|feel ok|feel okay)\b",
    re.IGNORECASE,
)
# Eased only if, or not at all: "if it gets better", "it hasn't eased", "not any better".
_NOT_EASED = re.compile(
    r"\b(?:if|what if|when|once|unless|hopefully|hope|might|may|maybe|would|could|should)\b"
    r"[^.!?]{0,40}$"
    r"|\b(?:\w+n'?t|not|no|never|hardly)\s+(?:\w+\s+){0,2}$"
    # Someone else's word, from before: "my heart doctor said I'm fine".
    r"|\b(?:said|says|told|tells|reckons|thinks|thought)\b[^.!?]{0,30}$",
    re.IGNORECASE,
)


def _has_eased(message: str) -> bool:
    """Whether the patient says the sign eased, not that it might, or that it hasn't, nor
    that something of the past is fine ("a stent in 2019, but that's all fine now")."""
    return any(
        not _NOT_EASED.search(before := message[: found.start()].rsplit(".", 1)[-1])
        and not _OF_THE_PAST.search(before)
        for found in _EASED.finditer(message)
    )


# A thing of the past the "fine" is said of (outside run 124 v02: "I'm glad it has eased").
_OF_THE_PAST = re.compile(
    r"\b(?:stents?|pacemaker|surgery|operation|op|bypass|valve|replacement|years? ago"
    r"|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# Putting it off: "tomorrow", "later", "after work", "Monday".
_LATER = re.compile(
    r"\b(tomorrow|tmrw|tmr|later|tonight|after work|in (?:the )?morning|wait\w*|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|next week|weekend|see how)\b",
    re.IGNORECASE,
)
# Wanting the physiotherapist or a booking instead.
# Asking to tell of the pain meanwhile: "can I still give you her details?", "can I tell
# you about his pain anyway so you have it for later?".
_ASKS_TO_TELL = re.compile(
    r"\b(?:can|could|may|shall|should)\s+i\s+(?:still\s+|just\s+|also\s+)?"
    r"(?:tell|give|describe|explain|share|send)\b"
    # ...to us, not "should I tell urgent care about it?" (outside run 59 p05).
    r"(?!\s+(?:the|my|his|their|them|urgent|er|a&e|hospital|doctor|gp|nurse|911|someone"
    r"|staff|they)\b)"
    r"[^.?!]{0,40}\b(?:pain|details|symptoms|"
    r"back|neck|what (?:hurts|happened)|about (?:it|her|him|them|my|his|their))\b",
    re.IGNORECASE,
)


def asks_to_tell(message: str) -> bool:
    """Whether the patient asks to tell of the pain meanwhile, after advice."""
    return bool(_ASKS_TO_TELL.search(message))


_WANTS_PHYSIO = re.compile(
    # "what do your sessions cost?" (outside run 102 p06: the hospital's costs told).
    r"\b(book\w*|appointment|physio\w*|needl\w*|consult\w*|back pain|sessions?|your prices?)\b",
    re.I,
)
# Going to emergency care, said with when: "I'll take him to the ER tonight"; not another
# day, nor only if it gets worse.
_TO_EMERGENCY = re.compile(
    r"\b(?:er|a&e|emergency|hospital|911|ambulance|urgent care)\b", re.IGNORECASE
)
# Later the same day: "this afternoon", "after his work", "when she gets off", "at 5".
_LATER_TODAY = re.compile(
    r"\b(?:this (?:afternoon|evening)|after (?:(?:his|her|my|their|our|the) )?(?:work|shift|"
    r"school|dinner|lunch|class)|when (?:he|she|they|i|we) (?:gets?|finish\w*|comes?|is|are)"
    r"(?: (?:off|home|back|done|out|finished))?|(?:home|back|off|finish\w*|done) (?:at|by|around)"
    r" \d{1,2}|in (?:an|a few|a couple of|\d+) hours?)\b|\bat \d{1,2}(?::\d\d)?\s*(?:am|pm)\b",
    re.IGNORECASE,
)
_LATER_THAN_TODAY = re.compile(
    r"\b(?:tomorrow|tmrw|tmr|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"next week|weekend|in (?:the )?morning|wait\w*|if|unless|see how)\b",
    re.IGNORECASE,
)
# "ok", "will do", "calling now": the advice taken.
_TAKEN = re.compile(
    # "ugh fine. calling", "urgh ok": a sigh before it (outside run 110 p05: "don't wait").
    r"^\W*(?:(?:ugh+|urgh+|argh+|sigh|um+|uh+|hmm+|oh|well|fine)\W+)?"
    r"(ok|okay|k|alright|all right|right|thanks|thank you|will do|i will|going|calling"
    r"|on my way|we're going|we are going|done|fine)\b",
    re.IGNORECASE,
)


def emergency_follow_up(
    message: str,
    codes: Iterable[str],
    emergency_number: str,
    crisis: str,
    clinic_phone: str = "",
    repeats: int = 0,
    check_planned_before: bool = False,
    advised_now: bool = False,
    signs: Iterable[str] = (),
    booked: str = "",
) -> str:
    """The reply to any message after emergency advice: the advice again, first, then an
    answer to what the patient said. `repeats` counts the follow-ups already given: the
    advice stays, its wording shortens, so no patient reads the same paragraph twice.
    `check_planned_before`: the chat spoke of a doctor's check still to come, so a check
    claimed now is not taken as made. `advised_now`: the advice was given for this very
    message (a new warning sign), so the answer alone follows it (outside run 58: two
    near-identical "call 911" messages in one turn). `signs`: those held, named alone.
    `booked`: the reference of a consultation booked before the advice."""
    codes = list(codes)
    if "suicidal_thoughts" in codes:
        return crisis_follow_up(message, emergency_number, crisis, clinic_phone, repeats)
    if seen_by_doctor(message) and not check_planned_before:
        return ask_to_confirm_check(codes, emergency_number)
    if seen_by_doctor(message):
        return check_claimed_after_a_plan(codes, emergency_number, clinic_phone)
    if repeats == 0:
        checked_by = "checking" if _IN_LABOUR.intersection(codes) else "a doctor"
        advice = (
            f"Please {_go_now(codes, emergency_number)}: "
            f"{_what_you_describe(codes, 'what you described', signs)} needs {checked_by} "
            f"straight away.{_pregnancy_note(codes)} Don't drive yourself."
        )
    else:
        # Said in turn, so no two replies in a row read the same.
        advice = _AGAIN[repeats % len(_AGAIN)].format(go=_go_now(codes, emergency_number))
    # "ok going. but parking? for when i come later": the visit to the clinic, later, is no
    # waiting (outside run 111 p02: "No, that's too late").
    now_said = " ".join(
        part for part in re.split(r"(?<=[.!?,])\s+", message) if not _FOR_THE_VISIT.search(part)
    )
    opening = _answer_in_light(now_said)
    if _has_eased(message):
        opening = (
            "I'm glad it has eased, but it still needs checking straight away: signs like "
            "these can come back. "
        )
    if (_SEEN.search(message) or _CHECK_DONE.search(message)) and _NOT_NOW.search(message):
        # "A full check-up with an ECG in the spring": before these signs began.
        opening = "A check from before these symptoms began can't show what is happening now. "
    # "My son can take me this afternoon after his work": later today is waiting too
    # (outside run 108 p02, unsafe: "Thank you", then "call 911 if it gets worse").
    later_today = bool(_LATER_TODAY.search(now_said))
    later = bool(_LATER.search(now_said)) or later_today
    if later and not _ASKS.search(message):
        # "I'll call my doctor tomorrow": a plan to wait is not thanked. "I'll take him to
        # the ER tonight": the advice taken, to be done now (outside run 53).
        soon = (
            _TO_EMERGENCY.search(message)
            and not _LATER_THAN_TODAY.search(message)
            and not later_today
        )
        opening = (
            "Thank you. Please go now rather than later: this shouldn't wait. "
            if soon
            else "Please don't wait until then. "
        )
    elif later_today:
        opening = "No, that's too late: please don't wait hours for this. "
    if asks_about_a_call(message) or (asks_for_a_call(message) and not _CALLS_OWN.search(message)):
        opening = NO_CALL
    # What comes after the emergency is said when asked, and once unasked: not after every
    # message (outside run 37: the same paragraph four times, "My wife will call 911" too).
    tail = ""
    taken = bool(_TAKEN.search(message)) and not later
    wants_physio = bool(_WANTS_PHYSIO.search(message))
    if not taken and (wants_physio or (_ASKS.search(message) and _WAITING.search(message))):
        tail = " " + _after_a_doctor(clinic_phone, booked)
    elif taken:
        # "alright we're off. where do I park for the physio later?": thanked, the way to
        # book afterwards said too (outside run 111 p02: "No, that's too late").
        thanks = "Thank you. " + (NO_CALL if opening == NO_CALL else "")
        later_visit = repeats <= 1 or wants_physio
        opening, tail = thanks, " " + _after_a_doctor(clinic_phone, booked) if later_visit else ""
        if repeats > 1 and not set(codes) <= _DRIVEN_IS_FINE:
            # The ambulance's crew start care: nobody is told to "go" (outside run 44); a
            # family already on the way is not told to stay put either (outside run 78 p07).
            advice = (
                f"Calling {emergency_number} for an ambulance is safest, as the crew can start "
                "care on the way. If you're already going, go straight to the emergency "
                f"department, don't drive yourself, and call {emergency_number} if anything "
                "gets worse on the way."
                if _ON_THE_WAY.search(message)
                else f"Please call {emergency_number} now, and stay where you are until help comes."
            )
        elif repeats > 1:
            where = "call your OB or midwife and go in" if _IN_LABOUR.intersection(codes) else "go"
            advice = f"Please {where} now, and call {emergency_number} if it gets worse on the way."
    elif repeats == 1:
        tail = " " + _after_a_doctor(clinic_phone, booked)
    if repeats and asks_clinics_price(message):
        # "Just tell me the price please so I know for later" (outside run 106 p02: the
        # advice alone, twice): a line, after the advice; never in the first reply after
        # it, which is the advice's alone.
        tail += _clinic_price_for_later(clinic_phone)
    if clinic_phone and asks_for_a_person(message) and clinic_phone not in tail:
        # "How do I talk to an actual person at the clinic?" (outside run 120 x7p02: the
        # advice alone): the clinic's number, the emergency first.
        tail += (
            f" To speak to someone at the clinic, call {clinic_phone}; for this, "
            f"{emergency_number} comes first."
        )
    if booked and _ABOUT_A_BOOKING.search(message):
        # "Should I cancel saturday?" once booked: nothing to do now, and how later (outside
        # run 106 p05: "Please go: this shouldn't wait... I can't book a consultation").
        opening, tail = "", " " + _after_a_doctor(clinic_phone, booked)
    sentences = re.split(r"(?<=[.!?])\s+", message)
    calls_a_doctor = [s for s in sentences if _CALLS_A_DOCTOR.search(s) and not _ASKS.search(s)]
    if any(
        _HELP_COMING.search(s) and not (_LATER.search(s) or _LATER_TODAY.search(s))
        for s in sentences
        if s not in calls_a_doctor
    ):
        # Called already: what to do until help comes, not "call now" again.
        opening = "Thank you, that's right. "
        advice = (
            "Stay together until help arrives, and call "
            f"{emergency_number} again if anything changes before then."
        )
        tail = ""
    elif calls_a_doctor and not later:
        # Their own doctor's advice is good to have, never worth waiting for.
        opening, tail = "", ""
        advice = (
            _CALLING_THE_OB.format(number=emergency_number)
            if _IN_LABOUR.intersection(codes)
            else _CALLING_A_DOCTOR.format(go=_go_now(codes, emergency_number))
        )
    # Driven there hours from now is no way of going now: the advice, not the ride.
    going = "" if later_today else _how_to_go(message, codes, emergency_number)
    if any(_UNDERWAY.search(s) and not _LATER.search(s) for s in sentences) and not later_today:
        # Already going with someone else driving: on, not back to wait for an ambulance.
        where = (
            "go straight in"
            if _IN_LABOUR.intersection(codes)
            else ("go straight to the emergency department")
        )
        opening, going, advice, tail = (
            "Thank you. ",
            "",
            f"Please {where}. If anything gets worse on the way, pull over and call "
            f"{emergency_number}.",
            "",
        )
    practical = _practical(message, codes, emergency_number, signs)
    # "why is it so urgent?" answered, whatever else is asked, and the ambulance doubted
    reason = _why(message, codes, signs) or (
        _reason(codes, signs) if _DOUBTS_THE_AMBULANCE.search(message) else ""
    )
    if _FEAR.search(message):
        # "im scared now": heard first, then the answer (outside run 70 p06).
        reason = "I understand this is frightening. " + reason
    if _FUSS.search(message):
        # "I don't want to make a fuss" (outside run 90 p02: no word to it).
        reason = f"{NO_FUSS} {reason}"
    if opening.startswith("Please don't wait") and advice.startswith("Please don't wait"):
        # Not twice in a row (outside run 90 p02: "Please don't wait until then. Please
        # don't wait any longer: call 911 now").
        advice = "Call " + advice.split(": call ", 1)[-1]
    if advised_now and not going:
        return ((reason or opening) + practical + tail.strip()).strip()
    if going:
        # The answer carries the advice: an ambulance, or straight there by car; a booking
        # asked beside it is answered too (outside run 53). Going later is no going: "my
        # daughter can drive me in the morning" (outside run 97 p02: "Yes... is fine").
        asked = tail if _WANTS_PHYSIO.search(message) or asks_clinics_price(message) else ""
        wait = opening if opening.startswith(("Please don't wait", "No, that's too late")) else ""
        if wait and going.startswith("Yes, "):
            going = going[5].upper() + going[6:]  # "Yes, someone else..." less its yes
        told = wait + reason + practical + (going if "ambulance" in going else going + advice)
        return f"{told.rstrip()} {asked.strip()}".rstrip()
    if practical:
        return reason + practical + advice + tail
    return (reason or opening) + advice + tail


# The visit to the clinic, after the emergency: "for when i come later", "for the physio".
_FOR_THE_VISIT = re.compile(
    r"\bfor (?:when (?:i|we|she|he|they) (?:come|get|go|visit)\w*|later|next time|the (?:physio"
    r"\w*|appointment|consultation|visit))\b|\bwhen (?:i|we) come (?:in |for )?(?:for )?(?:the )?"
    r"(?:physio\w*|appointment|consultation)\b"
    # "he has a pacemaker too if that matters for the needles later" (outside run 113 p06).
    r"|\b(?:needles?|needling|physio\w*|appointment|consultation|treatment)\b[^.!?]{0,15}\blater\b",
    re.IGNORECASE,
)
# The ambulance doubted: "an ambulance seems a bit much", "isn't 911 over the top?"
_DOUBTS_THE_AMBULANCE = re.compile(
    r"\b(?:ambulance|911|112|999)\b[^.!?]{0,30}\b(?:a bit much|too much|over ?kill|over the top"
    r"|overreact\w*|really (?:necessary|needed)|necessary|excessive|extreme|dramatic)\b",
    re.IGNORECASE,
)


def asks_for_the_visit(message: str) -> bool:
    """Whether the message asks about the clinic for the visit after the emergency ("but
    parking? for when i come later"): answered after the advice."""
    return "?" in message and bool(_FOR_THE_VISIT.search(message))


_CALLING_A_DOCTOR = (
    "If you can speak to someone straight away, do what they say. If you can't, please don't "
    "wait for a call back: {go}."
)

# In labour the OB or midwife is the call to make.
_CALLING_THE_OB = (
    "Thank you. If you can't speak to them straight away, go in to the hospital where you plan "
    "to give birth, or call {number}."
)


# Afraid of making a fuss or wasting the hospital's time.
_FUSS = re.compile(
    r"\b(?:fuss|waste (?:of )?(?:their|your|anyone'?s|the doctors'?)? ?time|overreact\w*"
    r"|for nothing|silly|bother (?:them|anyone))\b",
    re.IGNORECASE,
)
NO_FUSS = "It's no fuss: signs like these are exactly what the emergency department is for."


# The emergency advice again, after the first follow-up, in turn.
_AGAIN = (
    "This can't wait: please {go}.",
    "Please {go}.",
    "Please don't wait any longer: {go}.",
)


# Who checks: "a doctor", "the ER", "urgent care", "my GP".
_CHECKER = (
    r"(?:doctor|dr|gp|physician|er|a&e|emergency room|emergency department|hospital|"
    r"urgent care|walk-in|clinic|nurse|consultant|specialist|neurologist|cardiologist|they|"
    r"midwife|obstetrician|ob|obgyn|ob-gyn|oncologist|"
    # Where a pregnancy is checked: "went to L&D, they monitored me" (outside run 101 p06).
    r"l&d|l and d|labou?r and delivery|labou?r ward|maternity unit|maternity|triage)"
)
# "A doctor has seen me", "the ER checked me", "I went to urgent care", "already been seen".
_SEEN = re.compile(
    rf"\b{_CHECKER}s?\b[^.!?]{{0,40}}?\b(?:has seen|have seen|had seen|saw|checked|examined|"
    r"looked at|cleared|scanned|x-?rayed|referred|sent|monitored)\b"
    rf"|\b(?:been|went|was|were) (?:to|at|in) (?:the |an |my )?{_CHECKER}\b"
    rf"|\b(?:i|we|she|he) (?:already |just |also )?(?:saw|visited|went to see) "
    rf"(?:a|an|the|my|her|his) {_CHECKER}\b"
    r"|\b(?:already|i've|ive|i have|i was|i've been|ive been) (?:been )?"
    r"(?:seen|checked|examined)\b"
    r"|\bdischarge (?:paper|papers|letter|note|notes|summary|sheet)\b"
    r"|\b(?:discharged me|was discharged|got discharged|been discharged)\b",
    re.IGNORECASE,
)
# "I had a full check-up with an ECG", "the scan came back clear": a check, of whatever.
_CHECK_DONE = re.compile(
    r"\b(?:had|got|did|done|came back)\b[^.!?]{0,30}?\b(?:check-?up|ecg|ekg|scan|x-?ray|mri|"
    r"tests?|bloods|clear|normal)\b",
    re.IGNORECASE,
)
# "Said physio is fine", "told me it's a sprain": what the doctor said, if it was a clearance.
_SAID_FINE = re.compile(
    rf"\b{_CHECKER}s?\b[^.!?]{{0,40}}?\b(?:said|says|told|tells|tell)\b[^.!?]{{0,50}}?\b(?:physio\w*|"
    r"fine|ok|okay|nothing serious|muscle|muscular|whiplash|sprain|strain|normal|clear)\b",
    re.IGNORECASE,
)
# Long ago, or still to come: no check of what is happening now.
_NOT_NOW = re.compile(
    r"\b(?:years? ago|months? ago|weeks? ago|last (?:year|month)|(?:19|20)\d\d|a while|long ago|"
    r"back in|in the (?:summer|spring|autumn|fall|winter)|"
    r"will|'ll|going to|gonna|tomorrow|later|should|"
    r"in case|if|once|when|until|till|next week|would|could|might|hope|hopefully|"
    # "After I see the doctor" is a plan; "straight after" the fall is not.
    r"(?<!straight )(?<!right )(?<!just )"
    r"after(?= (?:i|we|the|my|a|an|they|he|she|seeing|getting)\b)|"
    r"yet|not|haven'?t|hasn'?t|no doctor|nobody|no one|never)\b",
    re.IGNORECASE,
)
# "Wait, no doctor has checked it yet": a check said before, taken back.
# The "not" is of the check itself, a few small words before it: "no doctor has", "haven't
# been to see the doctor"; never of another thing near a doctor named ("perhaps not this
# week given the GP": outside run 106 p07, 911 said after a GP's check).
_NOT_SEEN = re.compile(
    r"\b(?:no|not|haven'?t|hasn'?t|never|nobody|no one|didn'?t|wasn'?t|weren'?t)\s+"
    r"(?:(?:a|an|the|any|anyone|anybody|my|his|her|their|our|yet|actually|really|even|been|"
    r"had|has|have|got|go|gone|went|to|see|seen|by|it|him|me|us|them|was|were|properly)\s+)"
    rf"{{0,4}}(?:{_CHECKER}|seen|checked|examined|looked at|cleared|scanned)\b"
    r"|\bi (?:lied|made (?:it|that) up|wasn'?t (?:really )?honest)\b",
    re.IGNORECASE,
)


def seen_by_doctor(message: str) -> bool:
    """Whether the patient says a doctor has already checked this ("a doctor HAS seen me and
    said physio is fine", "urgent care x-rayed it yesterday"), recently, not as a plan."""
    # Read sentence by sentence: "my doctor tell me last week this is braxton hicks. not
    # regular." is a check; its "not" is of another thing (outside run 94 p04).
    return any(_seen_in(sentence) for sentence in re.split(r"(?<=[.!?])\s+", message))


def _seen_in(sentence: str) -> bool:
    """Whether one sentence tells of a recent check, not a plan or a check long ago."""
    # What the doctor said ("she said physio would help") tells no plan of the patient's.
    if _NOT_NOW.search(_REPORTED.sub(" ", sentence)):
        return False
    # "She did an xray too, nothing broken": a check, and what it found.
    found_nothing = _CHECK_DONE.search(sentence) and _NOTHING_FOUND.search(sentence)
    return bool(_SEEN.search(sentence) or _SAID_FINE.search(sentence) or found_nothing)


_NOTHING_FOUND = re.compile(
    r"\b(?:nothing (?:broken|found|showed|there)|no (?:fracture|break)|(?:was|were|came back) "
    r"(?:clear|normal|fine))\b",
    re.IGNORECASE,
)


# A check dated back: "10 days ago", "last week", "on Monday".
_DATED_BACK = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|couple of|"
    r"few)\s+(?:days?|weeks?|months?)\s+ago\b|\blast (?:week|month|\w+day)\b"
    r"|\b(?:on|last) (?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)


def dated_back(message: str) -> bool:
    """Whether the message dates what it tells days or weeks back."""
    return bool(_DATED_BACK.search(message))


def check_covers(message: str, codes: Iterable[str], signs: Iterable[str] = ()) -> bool:
    """Whether the check the message tells of answers the advice: not one dated days or
    weeks back for a sign that may have begun since ("his GP saw him 10 days ago" of a foot
    slapping down since Saturday: outside run 112 p08), save of a history or a knock."""
    codes, signs = list(codes), set(signs)
    if not checked_for(message, codes, signs):
        return False
    return not codes or not dated_back(message) or _stands_on_history(codes, signs)


def check_before_new_signs(codes: Iterable[str], signs: Iterable[str], number: str) -> str:
    """The reply to a check dated back that may have come before the signs advised on."""
    what = held_in_words(codes, signs) or "these signs"
    return (
        f"A check from before {what} began couldn't see it. If the doctor saw it and nothing "
        "is new or worse since, tell the physiotherapist; otherwise, please still see a "
        f"doctor today. If it gets worse quickly, call {number}."
    )


def checked_for(message: str, codes: Iterable[str], signs: Iterable[str] = ()) -> bool:
    """Whether the message tells of a doctor's check that answers the advice on `codes`:
    a recent one (`seen_by_doctor`), or, for a flag that stands on a history alone, one of
    this very pain days or weeks ago ("my physician saw this neck pain three weeks ago"),
    whatever else the message dates ("I finished chemo in 2015, and...")."""
    if seen_by_doctor(message):
        return True
    return _stands_on_history(list(codes), set(signs)) and any(
        seen_by_doctor(_WEEKS_AGO.sub(" ", clause))
        for clause in _CLAUSES.split(message)
        if _OF_THIS_PAIN.search(clause)
    )


def _names_a_blood_thinner(message: str) -> bool:
    """Whether the message names a blood thinner, as the contraindication screen reads one
    (brands, "the pills keep my blood thin"), whether or not it is said to be taken."""
    # Someone else's too: "I'll take her to the ER... is the Eliquis a problem?" reads the
    # Eliquis as hers, the writer's words being of self (outside run 75 p01).
    found = screen(message)
    return any(m.name == "anticoagulants" for m in (*found.mentions, *found.others))


def _stands_on_history(codes: list[str], held: set[str]) -> bool:
    """Whether each of `codes` is raised by the history among `held` (a cancer treated
    years ago: `HISTORY_COUNTS`) and by nothing new beside it, or is a knock's: nothing new
    for a check made weeks ago to have missed."""
    by_history = {flag.code for flag in red_flags_for(held & HISTORY_COUNTS)}
    by_the_rest = {flag.code for flag in red_flags_for(held - HISTORY_COUNTS)}
    # A knock is as old as the check told of it: "it was 4 weeks ago and I already saw my
    # doctor about it" (outside run 59: a doctor today, three times).
    return bool(codes) and all(
        code in by_history - by_the_rest or code == "fracture" for code in codes
    )


_CLAUSES = re.compile(r"[.;!?]\s*|,\s*(?:and|but)\s+", re.IGNORECASE)
# This very pain named with the check: "examined this shoulder", "checked it", "for this".
_OF_THIS_PAIN = re.compile(
    r"\b(?:saw|seen|examined|checked|looked at|x-?rayed|scanned)\s+(?:me\s+(?:for|about)\s+)?"
    r"(?:this|it|that|my (?:\w+ )?(?:pain|neck|back|shoulder|hip|knee))\b"
    r"|\b(?:for|about) (?:this|it)\b"
    # Knowing the history, or sending them to us: "knows all her history, and sent her to
    # physio" (outside run 110 p03: a doctor today after that check).
    r"|\b(?:knows?|has|had) (?:all |about |the |his |her |my |their |whole |full |medical )*"
    r"(?:history|cancer|records?)\b"
    r"|\b(?:sent|referred|refers|sends)\s+(?:me|her|him|them|us)\s+(?:to|for|here)\b",
    re.IGNORECASE,
)
_WEEKS_AGO = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|a few|a couple of|couple of|few) (?:days?|weeks?) "
    r"ago\b|\blast week\b",
    re.IGNORECASE,
)


# "...and said physio would help", "told me it should settle": the doctor's words, to the
# end of their sentence.
_REPORTED = re.compile(r"\b(?:said|says|told me|tells me|thinks|reckons)\b[^.!?]*", re.I)


# A doctor or a check named, with a word of the future or a condition: a plan.
_PLAN = re.compile(rf"\b{_CHECKER}s?\b|\b(?:clear|clears|check|checks|see|sees)\b", re.I)


def plans_doctor_check(message: str) -> bool:
    """Whether the patient speaks of a doctor's check still to come ("once the hospital
    clears me I'll come"): a check claimed later in the same chat is not taken as made."""
    return bool(_NOT_NOW.search(message) and (_SEEN.search(message) or _PLAN.search(message)))


def denies_doctor_check(message: str) -> bool:
    """Whether the patient says no doctor has checked this after all ("wait, no doctor
    has seen it yet")."""
    return bool(_NOT_SEEN.search(message))


def ask_to_confirm_check(codes: Iterable[str], emergency_number: str) -> str:
    """Before a doctor's check counts, the direct question: was it of these signs, since they
    began, and are they no worse? ("the GP saw my neck on Thursday" may predate the fever.)
    The advice stays in the same breath, for a no."""
    codes = list(codes)
    described = [WHAT_YOU_DESCRIBED[code] for code in codes if code in WHAT_YOU_DESCRIBED]
    what = f" ({'; '.join(described)})" if described else ""
    return (
        "Thank you, that matters. So I get it right: did a doctor examine you for exactly "
        f"these symptoms{what} after they began, and are they no worse since then? If not, "
        f"please {_go_now(codes, emergency_number)}."
    )


def check_not_confirmed(codes: Iterable[str], emergency_number: str, clinic_phone: str) -> str:
    """The reply when the check was not of these signs since they began, or they are worse;
    in labour, the maternity unit still (outside run 101 p06)."""
    return (
        "Thank you for telling me. Then it still needs checking straight away: please "
        f"{_go_now(codes, emergency_number)}, and don't drive yourself. "
        f"{_after_a_doctor(clinic_phone)}"
    )


def check_claimed_after_a_plan(
    codes: Iterable[str], emergency_number: str, clinic_phone: str | None
) -> str:
    """A check told just after the patient said they were about to go ("ok calling L&D
    now", then "I already went!! the doctor saw me"): answered, not looped (outside run 101
    p06); this chat does not take it as made, the clinic can, and the advice stays."""
    book = (
        f"please call the clinic on {clinic_phone} to book, and tell them what the doctor said"
        if clinic_phone
        else "please call the clinic to book, and tell them what the doctor said"
    )
    return (
        f"If you've been checked since, I'm glad. As it was only just now that you were on "
        f"your way, I can't book it here: {book}. If you haven't been checked yet, please "
        f"{_go_now(codes, emergency_number)}."
    )


def checked_before_urgent_advice(emergency_number: str) -> str:
    """After advice to see a doctor today, to a patient who says a doctor has already seen
    them about this ("a doctor x-rayed it on Tuesday"): noted, and what to do if it changed."""
    return (
        "Thank you, I've noted that a doctor has already seen you about this, for the "
        "physiotherapist. If anything is new or worse since then, please still see a doctor "
        f"today; if it gets worse quickly, call {emergency_number}."
    )


def checked_by_a_doctor(emergency_number: str) -> str:
    """The reply when a patient says a doctor has already checked this: noted for the
    physiotherapist, booking possible, and the advice kept for anything new."""
    return (
        "Thank you, that matters: I've noted that a doctor has already checked this, for the "
        "physiotherapist. If anything has changed since then, or it gets worse, please call "
        f"{emergency_number} now or go to the nearest emergency department. If you'd like, I "
        "can book you a free consultation."
    )


# The clinic's price or cover asked about, not the hospital's ("how much longer" is time).
_CLINIC_PRICE = re.compile(
    r"\b(?:price|prices|pricing|cost|costs|charge|charges|fee|fees|insurance|insurer|aetna|"
    r"cigna|medicare|medicaid|covered)\b|\bhow much\b(?!\s+(?:longer|time|more|worse|later))",
    re.IGNORECASE,
)
_HOSPITAL_NAMED = re.compile(r"\b(?:er|a&e|emergency|hospital|ambulance|911|urgent care)\b", re.I)


def _clinic_price_for_later(clinic_phone: str) -> str:
    """The clinic's own answer on price (answers.yml), said "for later"; nothing when it
    cannot be given (no phone set)."""
    price = knowledge.topic_named("price")
    values = {**knowledge.clinic_values(), "clinic_phone": clinic_phone}
    said = knowledge.answer_text(price, values) if price else None
    return f" For later: {said[0].lower()}{said[1:]}" if said else ""


def asks_clinics_price(message: str) -> bool:
    """Whether a sentence asks the clinic's price or cover, no hospital named in it."""
    return any(
        _CLINIC_PRICE.search(sentence) and not _HOSPITAL_NAMED.search(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", message)
    )


_ABOUT_A_BOOKING = re.compile(
    r"\b(?:cancel\w*|booking|booked|appointment|appt|consultation|reference|resched\w*)\b",
    re.IGNORECASE,
)


def _after_a_doctor(clinic_phone: str, booked: str = "") -> str:
    """What comes after the emergency: the consultation, once a doctor has seen them; with
    one `booked` before the advice, that it can wait, and how to keep, move or cancel it."""
    call = f" or call the clinic on {clinic_phone}" if clinic_phone else ""
    if booked:
        return (
            f"You don't need to do anything about your booking ({booked}) now. Once a doctor "
            f"has seen you, tell me here{call} to keep, move or cancel it."
        )
    return (
        "I can't book a consultation while this needs emergency care. Once a doctor has seen "
        f"you and says physiotherapy is fine, come back here{call} and we'll find you a time."
    )


# "I'm not going to do anything", "I'm safe", "I promise": said after the crisis advice.
_SAYS_SAFE = re.compile(
    r"\b(?:not going to|won't|wouldn't|wont|wouldnt|would never|never would|'d never|d never"
    r"|will never|never going to) (?:do|act|hurt)"
    r"|\bi(?:'m| am|m) (?:safe|ok|okay|fine|alright|all right)\b|\bpromise\b|\bnothing daft\b"
    r"|\bnothing stupid\b|\bjust meant\b|\bdidn't mean\b",
    re.IGNORECASE,
)


# After the crisis advice, to a patient who says they are safe.
SAFE_NOTED = (
    "Your pain matters too: I've noted what you told me for the clinic's team, and if you'd "
    "like, I can book you a free consultation here."
)

# "I might do something", "I don't feel safe": safety no longer stated.
_NOT_SAFE = re.compile(
    r"\b(?:not|don't|do not|dont|never) (?:feel |really )?(?:safe|ok|okay)\b"
    r"|\b(?:can't|cannot|cant|won't|wont) promise\b"
    r"|\bmight (?:do|act|hurt|end|kill|not be safe)\b|\bcould (?:act|hurt myself|end it)\b"
    r"|\b(?:going to|gonna|will|want to|wanna) (?:do it|end it|act on|hurt myself|kill myself)\b",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bnt)\s+$", re.IGNORECASE)


def not_safe(message: str) -> bool:
    """Whether the patient says they are not safe, or might act ("I might do something
    tonight", "I can't promise"); "I'm not going to do it" is not that."""
    return any(
        not _NEGATED_BEFORE.search(message[: match.start()])
        for match in _NOT_SAFE.finditer(message)
    )


def without_statement_of_safety(message: str) -> str:
    """`message` less what says the patient is safe: "yes, but I'd never act on it" to "are
    you having thoughts of ending your life?" is a yes; its "never" is about acting."""
    if not says_safe(message):
        return message
    return _SAYS_SAFE.sub(" ", _NEVER_ACT.sub(" ", message))


def says_safe(message: str) -> bool:
    """Whether the patient says, after crisis advice, that they are safe ("I'm not going to
    hurt myself, I promise"): booking in the chat is then open, the crisis line kept."""
    return bool(_SAYS_SAFE.search(message)) and not not_safe(message)


# The whole clause of a statement of safety ("but I'd never act on it"), for the reading.
_NEVER_ACT = re.compile(
    r"\b(?:i|i'd|id|i'll|ill|i would|i will)?\s*(?:not going to|won't|wouldn't|wont|wouldnt"
    r"|would never|never would|'d never|will never|never going to|never)\s+(?:do|act|hurt)"
    r"\w*(?: on)?(?: it| them| anything| that| myself)?",
    re.IGNORECASE,
)

# "I'll talk to my doctor", "ok I will call them": the crisis advice taken.
_WILL_TALK = re.compile(
    r"\b(?:i'?ll|i will|will|gonna|going to) (?:call|ring|phone|talk|speak|see|text|tell|contact)\b"
    r"|\b(?:call|talk to|speak to|see) (?:my|the) (?:doctor|gp|therapist|counsellor|counselor)\b",
    re.IGNORECASE,
)


def crisis_follow_up(
    message: str, emergency_number: str, crisis: str, clinic_phone: str = "", repeats: int = 0
) -> str:
    """After crisis advice: the crisis line always; a patient who says they are safe, or
    that they will talk to someone, is thanked and pointed to their doctor, and a question
    about the pain is answered rather than met with the same sentence again."""
    call = f" or call the clinic on {clinic_phone}" if clinic_phone else ""
    if says_safe(message):
        return (
            "Thank you for telling me, and I'm glad you're safe right now. Feeling worn down "
            "by pain is common, and it helps to talk about it: please tell your doctor how "
            f"you've been feeling. You can call or text {crisis} any time, day or night, and if "
            f"that changes, call {emergency_number}. {SAFE_NOTED}"
        )
    if _WILL_TALK.search(message) and not not_safe(message):
        return (
            "Thank you, that's a good step. Please tell them how you've been feeling. You can "
            f"call or text {crisis} any time, day or night, and if you might act on these "
            f"thoughts, call {emergency_number}. The physiotherapist can talk about your pain "
            f"too{call}."
        )
    if repeats >= 1:
        # Not the same sentence again: the way on is said ("even the physio doesn't want me").
        return (
            f"I hear you, and the clinic does want to help with your pain. Your safety comes "
            f"first: please call or text {crisis} to talk to someone, or call "
            f"{emergency_number} if you might act on these thoughts. If you're safe right now, "
            f"tell me so, and I can book you a free consultation here{call}."
        )
    return (
        f"Your safety matters most right now. Please call {emergency_number} if you might act "
        f"on these thoughts, or call or text {crisis} to talk to someone now."
    )


# Whether the doctor must be today, asked: "does it really have to be today?", "today??"
# ("can it wait?" is answered "please go: this shouldn't wait", as a "yes" would read as
# yes to waiting; "can I play pickleball tomorrow?" asks something else).
_MUST_IT_BE_TODAY = re.compile(
    r"\btoday\s*\?|\b(?:really|honestly|actually|truly)\b[^.?!]*\b(?:today|necessary|need|urgent)\b"
    r"|\b(?:does|do|must|has)\s+(?:it|this|i|he|she|we|they)\s+(?:really\s+)?"
    r"(?:have to|need to|got to)\s+(?:be|go|see)\b",
    re.IGNORECASE,
)


def urgent_follow_up(
    message: str,
    codes: Iterable[str],
    emergency_number: str,
    repeats: int = 0,
    signs: Iterable[str] = (),
    small_hours: bool = False,
    late_evening: bool = False,
) -> str:
    """The answer to "can I wait?" or "is it serious?" after advice to see a doctor today.
    `repeats` counts the answers already given: the advice stays, its wording shortens, so
    no patient reads the same paragraph twice; a wish to book is met with the way to.
    `small_hours`: it is after midnight, so "in the morning" is today; `late_evening`: the
    day is all but over, so a doctor first thing in the morning is the plan to thank for."""
    codes, signs = list(codes), tuple(signs)
    what = _what_you_describe(codes, "What you described", signs)
    if checked_for(message, codes, signs):
        if check_covers(message, codes, signs):
            return checked_before_urgent_advice(emergency_number)
        return check_before_new_signs(codes, signs, emergency_number)
    opening = _why(message, codes, signs) or _answer_in_light(message)
    questions = [q for q in re.split(r"(?<=[.!?])\s+", message) if q.rstrip().endswith("?")]
    if any(_WHICH_CARE.search(q) for q in questions):
        # "Which doctor we go, the family doctor ok? She have appointment on thursday"
        # (outside run 111 p03: the referral's answer).
        later = "; not a later appointment" if _A_DAY.search(message) else ""
        opening = (
            f"Your own doctor is right if they can see you today{later}. If they can't, an "
            "urgent care clinic can. "
        )
    elif any(_WAIT_SAID.search(q) and _DOCTOR_OR_CARE.search(q) for q in questions):
        opening = "No, please don't wait: today, please. "
    doubted = _MUST_IT_BE_TODAY.search(message) or _doubts_today(message)
    if doubted and not _ASKS_WHY.search(message):
        # "Is it honestly necessary today?": yes, and why (a doctor today is no emergency:
        # "Please go" would read as one); "it's been 3 days" answered too.
        passed = _TIME_PASSED_ANSWER if _TIME_HAS_PASSED.search(message) else ""
        later = (
            ": please don't wait for the later appointment"
            if _LATER_APPOINTMENT.search(message)
            else ""
        )
        opening = f"Yes, today, please{later}. {passed}{_reason(codes, signs)}"
    if _PHYSIO_DECIDES.search(message):
        opening = (
            "The physiotherapist can't make that check for you: it needs a doctor, today. "
            f"{_reason(codes, signs)}"
        )
    if (_LATER.search(message) or _FIRST_THING.search(message)) and not _ASKS.search(message):
        opening = "Please don't wait until then. "  # "urgent care first thing": today is the advice
        if small_hours and _THIS_MORNING.search(message) and not _LATER_DAY.search(message):
            # "Urgent care when it opens in the morning", said at 1:30 am: that is today
            # (outside run 59: "Please don't wait until then" after "urgent care is right").
            opening = (
                "Thank you: the morning is today, so that's right. If it gets worse before "
                f"then, go to the emergency department or call {emergency_number}. "
            )

    # "I'll take him to urgent care tonight. Can you pencil him in for next week?": care
    # today in a sentence of its own, a later day for the booking (outside run 48).
    sentences = re.split(r"(?<=[.!?])\s+", message)
    # "I'll call his pediatrician first thing tmrw", said at 11 pm: the earliest a doctor
    # sees him, the plan to thank for; not "go tonight" (outside runs 85 p02 and 86 p08).
    # After midnight too, the booking's day in a sentence of its own (outside run 90 p08:
    # "Fine, I'll call my GP in the morning. Thursday evening then?" at 1 am: "Please go").
    # By clause: "Thursday afternoon then, I'll call my doctor when they open" (outside run
    # 93 p07: the booking's day in the same sentence).
    clauses = re.split(r"[.!?;,]+", message)
    morning_plan = (late_evening or small_hours) and any(
        _THIS_MORNING.search(said) and not _LATER_DAY.search(said) for said in clauses
    )
    if morning_plan:
        hour = (
            "the morning is today, so that's right"
            if small_hours
            else ("at this hour, first thing in the morning is right")
        )
        opening = (
            f"Thank you: {hour}. If it gets worse before then, go to urgent care or an "
            f"after-hours service tonight, or call {emergency_number}. "
        )
    if any(_NOT_NEEDED.search(s) for s in sentences):
        # "so she doesn't need to see him again today right?" (outside run 110 p03: thanked
        # as "the right step"): it is needed, and why.
        opening = f"It does still need a doctor today, please. {_reason(codes, signs)}"
    elif any(_CARE_TODAY.search(s) and not _DAY_AFTER.search(s) for s in sentences):
        opening = "Thank you, that's the right step. "  # "I'll call them this morning"
        if _ASKS_IF_NEEDED.search(message):
            # "Do I really need to go today?": not a plan but the question; yes, and why.
            opening = f"Yes, today, please. {_reason(codes, signs)}"
    if _COULD_IT_BE.search(message) and not _why(message, codes, signs):
        # "Could this be his cancer coming back?": no guess, and why today (outside run 59
        # p05: "Yes, you can: the questions follow").
        opening = "I can't tell you what it is: only a doctor can, which is why today matters. "
    if _TELL_THE_DOCTOR.search(message):
        # "Should I tell urgent care about it?": yes, all of it.
        told = _what_you_describe(codes, "what you told me here", signs).replace(
            "(one of the warning signs: ", "("
        )
        opening += f"Yes: tell them {told}. "
    if _FEAR.search(message):
        opening = "I understand this is worrying. " + opening
    if (small_hours or late_evening) and _asks_about_tonight(message, codes):
        # "It's nearly midnight, must he go to the ER?" for weight lost at 71: the doctor
        # first thing (outside run 88 p02 got "Yes, the emergency department").
        return WAITS_THE_NIGHT.format(number=emergency_number)
    # "Is it ok to foam roll it?", "what counts as worse?": answered, then the advice.
    opening = _what_to_watch(message, codes, emergency_number) or opening
    # "Urgent care or the ER?", "Tylenol ok?": where to go, and everyday painkillers.
    opening = _where_and_painkillers(message, codes, emergency_number) or opening
    # "Where I can find cheap doctor without insurance?": what is known, then the advice.
    if found := _where_to_find_care(message, emergency_number):
        kind = _where_and_painkillers(message, codes, emergency_number)
        opening = f"{kind}{found}"
    tail = f" {BOOK_FOR_AFTER}" if _WANTS_PHYSIO.search(message) else ""
    if _BEFORE_A_DOCTOR.search(message):
        # "So I can come Monday even if no doctor has seen me yet? Yes or no": no, and how
        # the booking waits (outside run 63 p04: the consultation's text, then a fallback).
        opening = "No, not before a doctor has checked this: needling waits until then. "
        tail = f" {MOVE_IF_NOT_SEEN}"
    if asks_to_tell(message):
        # "Can I tell you about her pain anyway, for later?": yes, the questions follow
        # (outside run 56 p01: "Please go: this shouldn't wait", twice, and no questions).
        opening, tail = "Yes, you can: the questions follow. ", ""
    if morning_plan and opening.startswith("Thank you: "):
        return f"{opening}{tail.strip()}".strip()
    if repeats:
        return (
            f"{opening}I'd still ask you to see a doctor about this today, or an after-hours "
            f"service tonight; call {emergency_number} if it gets worse quickly.{tail}"
        )
    return (
        f"{opening}{what} should be checked by a doctor today, before any "
        "physiotherapy. If your doctor is closed, an urgent care clinic or after-hours "
        f"service can see you today. If it gets worse quickly, call {emergency_number}.{tail}"
    )


# Warning signs that need a doctor soon, built up over weeks, where a night changes
# nothing: asked at night whether to go now, the doctor first thing in the morning is the
# answer (the clinical lead's point, outside runs 81, 85 and 88). A fever, a swollen calf,
# chest pain, weakness getting worse or double vision are not among them: tonight.
CAN_WAIT_THE_NIGHT = frozenset({"cancer", "myelopathy"})
WAITS_THE_NIGHT = (
    "At this hour, your own doctor first thing in the morning is right for this: it needs a "
    "doctor's check soon, and it can wait for the morning. If it gets worse before then (new "
    "weakness or numbness, trouble passing urine, or pain too bad to bear), go to the "
    "emergency department or call {number}."
)
# Going tonight asked about: "must he go to the emergency?", "ER now??", "urgent care tonight?".
_TONIGHT_ASKED = re.compile(
    r"\b(?:tonight|now|emergency|e\.?r|a&e|hospital|urgent care|walk-?in|after-?hours)\b",
    re.IGNORECASE,
)


def _asks_about_tonight(message: str, codes: list[str]) -> bool:
    """Whether `message` asks if care is needed tonight, for signs that can wait the night."""
    if not codes or not set(codes) <= CAN_WAIT_THE_NIGHT:
        return False
    if _BEFORE_A_DOCTOR.search(message) or _WANTS_PHYSIO.search(message):
        return False  # "can the physio see me tomorrow instead?": answered as such
    asks = "?" in message or _ASKS_IF_NEEDED.search(message)
    return bool(asks and _TONIGHT_ASKED.search(message))


# Asked whether to come before a doctor has seen it: the booking can wait for the doctor.
MOVE_IF_NOT_SEEN = (
    "If no doctor has seen you by the day of your consultation, tell me here and I'll move "
    "it to a day after."
)


# Said after booking when a doctor today was advised.
BOOKED_AFTER_URGENT = (
    "Please still see a doctor today first, as I said. If what they find changes things, "
    "tell the clinic and the physiotherapist will plan around it."
)
BOOK_FOR_AFTER = (
    "I can still book your consultation for a day after you've seen the doctor: just say "
    "which day suits."
)


# Whether today is needed, asked: "do I really have to go today?", "must I see someone today?"
_ASKS_IF_NEEDED = re.compile(
    # "should he go to urgent care tonight??" too, asked for another (outside run 85 p08).
    r"\b(?:do|does|must|should|shall)\s+(?:i|he|she|they|we)\b(?:\s+\w+)?\s+(?:need|have|go|see"
    r"|call|ring|take)\b"
    r"|\b(?:need|have) to go today\?|\breally\b[^.!]*\?",
    re.IGNORECASE,
)
# Care sought today: "I'll call them this morning", "taking him now", "the walk-in tonight"
# (tonight is today for a doctor today; after emergency advice it is later, see `_LATER`).
# Care said not to be needed: "she doesn't need to see him today", "no need to go tonight".
_NOT_NEEDED = re.compile(
    r"(?:\b(?:doesn'?t|don'?t|do not|does not|won'?t|will not|shouldn'?t|should not)\s+"
    r"(?:\w+\s+)?(?:need|have) to|\bno need to|\bneedn'?t)\s+(?:\w+\s+)?(?:see|go|call|ring"
    r"|phone|get|visit|take|bother|rush|be seen|contact)\b",
    re.IGNORECASE,
)
_CARE_TODAY = re.compile(
    r"\b(?:call(?:ing)?|ring(?:ing)?|phon(?:e|ing)|go|going|tak(?:e|ing)|see(?:ing)?|book(?:ing)?|"
    r"contact(?:ing)?|head(?:ing)?|try(?:ing)?|get(?:ting)?|visit(?:ing)?)\b[^.!?]{0,40}?"
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|"
    # ...not how often, as a habit: "I only see her once a year now" (outside run 119 p02).
    r"(?<!year )(?<!years )(?<!month )(?<!months )(?<!week )(?<!weeks )(?<!days )"
    r"(?<!often )(?<!while )now|right away|straight away|asap)\b",
    re.IGNORECASE,
)
# The doctor seen before anything else: "I'll ring my GP first", "once my oncologist
# clears me" (a booking for afterwards is the advice taken, not put off).
# A doctor's yes the booking waits for: "in case the doctor says it's fine", "once he clears
# me" (the doctor in it is no visit put off: outside run 106 p03).
_DOCTORS_YES = (
    r"\b(?:once|after|when|if|in case)\b[^.!?]{0,25}?"
    r"\b(?:clears?|cleared|says? (?:it'?s |its |it is )?(?:ok|okay|fine|alright|all right)"
    r"|says? yes|gives? the ok)\b"
)
_CARE_FIRST = re.compile(
    rf"\b(?:call|ring|phone|see|speak to|talk to|check with)\b[^.!?]{{0,20}}?\b{_DOCTORS}\b"
    rf"[^.!?]{{0,10}}?\bfirst\b|{_DOCTORS_YES}"
    # "I'll get checked first", "for after I've been seen".
    rf"|\b(?:get|be|been|being) (?:checked|seen|looked at)\b",
    re.IGNORECASE,
)
# A booking asked in other words: "pencil him in", "put us down for friday", "put something
# in for next week" (outside run 106 p03).
_TO_BOOK = re.compile(
    r"\b(?:book|booking|appointment|consultation|consult|schedule|reserve)\b"
    r"|\b(?:pencil|put|fit|squeeze)\s+(?:\w+\s+)?(?:in|down)\b",
    re.IGNORECASE,
)
# Going promised, with no time put on it: "I'll head to the walk-in", "we will go to the ER".
_WILL_GO = re.compile(
    r"\b(?:i'?ll|i will|i'?m going to|i am going to|gonna|we'?ll|we will|we'?re going to)\s+"
    r"(?:\w+\s+)?(?:go|get|head|call|ring|phone|see|take \w+)\b[^.!?]{0,20}?\b"
    rf"(?:{_CARE_WORDS}|{_DOCTORS})\b",
    re.IGNORECASE,
)


def _will_go(message: str) -> bool:
    """Whether a sentence promises the care advised, with no later time in it."""
    return any(
        _WILL_GO.search(sentence) and not _LATER.search(sentence)
        for sentence in re.split(r"[.!?]+", message)
    )


_DAY_AFTER = re.compile(
    r"\b(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week)\b",
    re.IGNORECASE,
)

URGENT_REMINDER = (
    "Then please see a doctor about this today, as I advised, before the consultation. If it "
    "gets worse quickly, call {number}."
)
EMERGENCY_REMINDER = (
    "Please follow the advice above first: call {number} now or go to the nearest emergency "
    "department. The physiotherapist will be glad to help once a doctor has seen you."
)
