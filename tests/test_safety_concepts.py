"""Signs said by their effect, in words the rules' phrases never list (issue 22, third step).

Written before the concepts they test, in the team's own words (not from the evaluation
sets): each names what a patient notices, not the clinical term.
"""

from __future__ import annotations

import pytest

from clinic import safety

EMERGENCY, URGENT = "emergency", "urgent"


@pytest.mark.parametrize(
    ("text", "code", "level"),
    [
        # Exertional heart pain that never says "chest".
        (
            "my jaw and left arm ache when I walk up to the shops, it goes off when I stop",
            "cardiac",
            EMERGENCY,
        ),
        # A clot that has travelled: calf pain and new breathlessness.
        (
            "sore tight calf since my hip op and now I'm puffed out just getting dressed",
            "dvt",
            EMERGENCY,
        ),
        # Meningism in other words.
        ("temperature of 39.2 and my neck won't bend at all", "meningitis_signs", EMERGENCY),
        (
            "feel fluey, neck locked solid, and a blotchy rash on my arms",
            "meningitis_signs",
            EMERGENCY,
        ),
        (
            "running a fever and the sunlight feels like knives in my eyes",
            "meningitis_signs",
            EMERGENCY,
        ),
        # Sight lost suddenly.
        ("all at once I lost the right half of what I can see", "stroke_signs", EMERGENCY),
        # Breathing.
        ("my lips have gone a bit blue and I'm gasping", "breathing_difficulty", EMERGENCY),
        ("my inhaler isn't helping and I can't get enough air", "breathing_difficulty", EMERGENCY),
        (
            "had needles in my upper back this morning and now my lung won't fill properly",
            "pneumothorax",
            EMERGENCY,
        ),
        # Leg weakness getting worse fast.
        (
            "my foot is flopping more by the hour and my back is killing me",
            "progressive_weakness",
            EMERGENCY,
        ),
        (
            "since the weekend my left calf just gives up when I try to go on tiptoe",
            "progressive_weakness",
            URGENT,
        ),
        ("can't lift the front of my foot anymore, it hangs down", "progressive_weakness", URGENT),
        # The cord in the neck.
        (
            "when I put my chin down I get a zap like electricity down my spine",
            "myelopathy",
            URGENT,
        ),
        ("keep dropping my cup of tea and my writing looks like a child's", "myelopathy", URGENT),
        ("walking with my feet wide apart like I'm on a boat lately", "myelopathy", URGENT),
        # Crisis, passive and in the third person.
        (
            "sometimes I think everyone would manage if I just wasn't here any more",
            "suicidal_thoughts",
            EMERGENCY,
        ),
        (
            "my son told me he wants to die and he's been cutting himself",
            "suicidal_thoughts",
            EMERGENCY,
        ),
        # Pain no rest or position eases, and a first back pain late in life.
        (
            "the ache in my spine is there 24/7 and nothing eases it, not even lying down",
            "cancer",
            URGENT,
        ),
        ("I'm 71 and this is my first ever bout of back pain", "cancer", URGENT),
        ("had a melanoma removed and now a new pain in my ribs", "cancer", URGENT),
        # Falls and fragile bones.
        (
            "82 and went over on the path, now can't put any weight on my left leg",
            "fracture",
            EMERGENCY,
        ),
        (
            "years of steroid tablets for my asthma and a sneeze gave me sharp back pain",
            "fracture",
            URGENT,
        ),
        ("jumped down from a ladder, landed on my heel and can't walk on it", "fracture", URGENT),
        # A knee injured and swollen.
        ("landed badly at netball and my knee has swollen right up", "acute_knee_injury", URGENT),
        # A clot that has travelled: a swollen calf, then breathless.
        (
            "back from a long flight, one calf fat and hot, and now I'm puffed on the stairs",
            "dvt",
            EMERGENCY,
        ),
        # Pre-eclampsia: pregnant, a headache, sight changes or a puffy face.
        (
            "I'm 32 weeks pregnant with a headache and I keep seeing zigzags",
            "pre_eclampsia",
            EMERGENCY,
        ),
        # Both legs going at once after a fall.
        (
            "since she fell her legs feel heavy and wobbly, both of them, and her back hurts",
            "progressive_weakness",
            EMERGENCY,
        ),
        # A neck that won't bend, said plainly, with a fever.
        ("temp 102 and my neck is like a plank", "meningitis_signs", EMERGENCY),
        # A relative's stroke, told by someone who then asks to book him in.
        (
            "my husband's face has gone droopy on one side and he's slurring, can I book him in?",
            "stroke_signs",
            EMERGENCY,
        ),
        # Fragile bones in everyday words, after a soft fall.
        (
            "mum takes tablets for thin bones and sat down hard on the floor, now her back hurts",
            "fracture",
            URGENT,
        ),
        # Saddle numbness noticed with the paper, after a "no".
        (
            "no. although now I think of it I couldn't really feel the paper when I wiped",
            "cauda_equina",
            EMERGENCY,
        ),
        # A tearing pain by another name.
        (
            "sudden pain like something unzipping between my shoulder blades",
            "aortic_dissection",
            EMERGENCY,
        ),
    ],
)
def test_a_sign_said_by_its_effect_raises_its_flag(text: str, code: str, level: str) -> None:
    flags = safety.screen(text).flags
    assert safety.RedFlag(code, level) in flags or any(
        f.code == code and safety.more_urgent(f.level, level) == f.level for f in flags
    ), (text, flags)


@pytest.mark.parametrize(
    "text",
    [
        "my GP can't see me until next Friday, can I book with you?",
        "I get blurry eyes after a long day staring at my screens",
        "lost 4 kg on purpose since January, I've been running for a half marathon",
        "my back wakes me when I turn over in bed but settles once I get comfy",
        "I leak a little when I sneeze since having the baby, my midwife says that's common",
        "my shoulders are sore the day after a hard rowing session, it eases with rest",
        "my knee aches going up the stairs and eases when I sit down",
        "pressed the wrong button sorry",
        "I'm 34 and these headaches are the same ones I've always had",
        "my neck locked up this morning after sleeping funny",
        "hypothetically, if I ever got numbness in my bottom, what should I do?",
        "my legs are heavy and wobbly after leg day at the gym",
        "I'm 20 weeks pregnant and my lower back aches by the evening",
        "tingling in both feet from my diabetes for years, my back is the new thing",
    ],
)
def test_look_alikes_raise_nothing(text: str) -> None:
    assert safety.screen(text).flags == (), text


def test_an_age_under_50_answers_the_new_headache_question_no() -> None:
    from clinic.safety.answers import NO, read_answer

    question = safety.question_named("headache_new_after_50")
    screening = safety.screen("I am 34 years")
    assert read_answer(question, "I am 34 years", screening.signs, screening.denied_signs) == NO


def test_after_crisis_advice_a_patient_who_says_they_are_safe_is_not_stonewalled() -> None:
    from clinic.safety.advice import crisis_follow_up

    again = crisis_follow_up("can we carry on?", "911", "988")
    safe = crisis_follow_up("I'm not going to do anything, I'm just fed up", "911", "988")
    assert "988" in again and "988" in safe and "911" in safe
    assert safe != again and "doctor" in safe


def test_breathless_on_the_stairs_after_a_clot_is_suspected_is_an_emergency() -> None:
    # Said in a later message than the calf: the signs the conversation holds count.
    text = "had to stop on the stairs to get my breath, and a sharp catch when I breathe in"
    flags = safety.screen(text, known_signs={"calf_pain", "long_travel"}).flags
    assert safety.RedFlag("dvt", EMERGENCY) in flags


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("got a verruca on the bottom of my foot, hurts to walk on", False),
        ("my bottom right molar is throbbing", False),
        ("pain in my bottom and down my leg", True),
        ("a strange feeling at the bottom of my spine", True),
    ],
)
def test_bottom_in_another_sense_asks_no_saddle_question(text: str, asked: bool) -> None:
    questions = [question.name for question in safety.screen(text).questions]
    assert ("check_saddle" in questions) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # Written in session 8: where a device sits is no chest complaint; a pain beside
        # the device still asks.
        (
            "my husband's defibrillator is under his chest muscle, it's his shoulder that hurts",
            False,
        ),
        ("mum has a pacemaker in her chest and her neck aches", False),
        ("I have a pacemaker and a heavy feeling in my chest", True),
        ("my chest feels tight and I have a stent", True),
    ],
)
def test_where_a_device_sits_asks_no_chest_question(text: str, asked: bool) -> None:
    questions = [question.name for question in safety.screen(text).questions]
    assert ("check_chest" in questions or bool(safety.screen(text).flags)) is asked, text


@pytest.mark.parametrize(
    ("answer", "reading"),
    [("It is a sharp pain, mostly on the right part.", "unclear"), ("yes I am", "yes"),
     ("no, it's my lower back that hurts", "no"),
     # Session 8: an indignant no with a question beside it is a no; "no?" alone hedges.
     ("NO?! why would you ask that, my knee hurts", "no"), ("no?", "unsure"),
     # Session 10, written before the change (outside run 16, #11): a no asked back twice,
     # or with a plain statement after it, is indignant, not unsure.
     ("no?? it's only my throat that's sore", "no"), ("nope? I just have a cold", "no"),
     ("no? maybe?", "unsure"), ("no?? should I be?", "unsure")],
)  # fmt: skip
def test_a_description_of_the_pain_does_not_answer_the_crisis_question(
    answer: str, reading: str
) -> None:
    from clinic.safety.answers import read_answer

    question = safety.question_named("check_safe")
    assert question is not None
    found = safety.screen(answer)
    said = [m.name for m in found.mentions if m.kind == "sign" and not m.denied]
    assert read_answer(question, answer, said, []) == reading


# Preparations and finality: warning signs of suicide said in passing (written in issue 23's
# sixth session, before the concept was widened; none from an outside run's transcript).
@pytest.mark.parametrize(
    "text",
    [
        "I've been putting my affairs in order lately so any day is fine",
        "book whenever, I gave away my guitar and my books last week, I won't be needing them",
        "my son can have my car soon, I won't be around much longer anyway",
        "this is probably the last appointment I'll ever book",
    ],
)
def test_preparations_and_finality_ask_whether_the_patient_is_safe(text: str) -> None:
    screening = safety.screen(text)
    assert "check_safe" in [q.name for q in screening.questions] or any(
        flag.code == "suicidal_thoughts" for flag in screening.flags
    )


@pytest.mark.parametrize(
    "text",
    [
        "I gave away my old trainers because they hurt my feet",
        "I won't be around on Monday, can we do Tuesday",
    ],
)
def test_everyday_giving_and_absence_ask_nothing(text: str) -> None:
    assert "check_safe" not in [q.name for q in safety.screen(text).questions]


# Written before the change (session 7): a filler word inside a phrase changes nothing.
@pytest.mark.parametrize(
    "text",
    ["honestly whats even the point of anything lately", "what's really the point anymore"],
)
def test_a_filler_inside_a_phrase_still_asks(text: str) -> None:
    from clinic import safety

    assert "check_safe" in [q.name for q in safety.screen(text).questions]


@pytest.mark.parametrize(
    "text",
    # Outside run 11: "you didn't answer about the Eliquis" took the blood thinner off the list.
    ["you didn't answer about the Eliquis", "you never told me whether warfarin matters",
     "nobody has explained if my apixaban is a problem"],
)  # fmt: skip
def test_a_denial_about_the_conversation_keeps_the_medicine(text: str) -> None:
    mentions = [m for m in safety.screen(text).mentions if m.name == "anticoagulants"]
    assert mentions and not any(m.denied for m in mentions)


def test_feeling_flat_is_a_mood_not_a_sudden_onset() -> None:
    # Outside run 11: "feel this flat" (low mood), then "they're worst in the afternoon",
    # made a tension headache a thunderclap emergency.
    assert "sudden_onset" not in safety.screen("I've felt so flat and tired lately").signs


@pytest.mark.parametrize(
    ("text", "denied"),
    # Outside run 11: "fever yes i told you. cancer no. fall no" recorded cancer and a fall.
    [("temperature yes. cancer no. accident no", {"cancer_history", "trauma"}),
     ("night pain no, numbness yes", {"night_pain"})],
)  # fmt: skip
def test_a_list_answered_item_by_item_denies_the_items_said_no(text: str, denied: set) -> None:
    screening = safety.screen(text)
    assert denied <= set(screening.denied_signs), screening.mentions
    assert not denied & set(screening.signs)


@pytest.mark.parametrize(
    ("text", "disputes"),
    # Session 8: disputing what was read from the patient's words (outside run 11, q22).
    [("I never said sudden", True), ("that's wrong, it crept up slowly", True),
     ("you got that wrong", True), ("no it's the worst in the evenings", False),
     ("I'll go to the ER now", False),
     # Session 14 (outside run 29 #16's kind, own wordings): the no said before, repeated.
     ("what? I answered nope to that", True), ("i wrote nah!! read it again", True),
     ("I told you no, none of them", True), ("I said my back is sore", False)],
)  # fmt: skip
def test_a_dispute_of_what_was_read(text: str, disputes: bool) -> None:
    from clinic.safety.answers import disputes as said_so

    assert said_so(text) is disputes


def test_a_disputed_flag_is_asked_by_its_direct_question_and_withdraws_its_words() -> None:
    question = safety.question_for_code("thunderclap_headache")
    assert question is not None and question.name == "check_thunderclap"
    behind = safety.signs_behind(question)
    assert {"sudden_onset", "severe", "thunderclap"} <= behind
    assert "headache" not in behind  # where it hurts stays


def test_a_disputed_flag_withdraws_what_its_question_asks_not_the_patients_history() -> None:
    # Session 10, written before the change: a no to "lost weight?" after a disputed cancer
    # flag does not undo the cancer itself, nor a no to "weakness getting worse?" a fall.
    weight = safety.question_for_code("cancer")
    assert weight is not None
    assert "cancer_history" not in safety.signs_behind(weight)
    weakness = safety.question_for_code("progressive_weakness")
    assert weakness is not None and weakness.name == "worsening_weakness"
    behind = safety.signs_behind(weakness)
    assert {"worsening_weakness", "both_legs_weak"} <= behind
    assert "trauma" not in behind


@pytest.mark.parametrize(
    ("text", "named"),
    # Outside run 12: fainting at a flu shot, said in passing, was dropped twice.
    [("my daughter passed out at her last tetanus jab", True),
     ("I went all faint at my covid vaccine", True),
     ("a shot of coffee and I feel faint by noon", False)],
)  # fmt: skip
def test_fainting_with_any_injection_is_a_fear_of_needles(text: str, named: bool) -> None:
    names = [m.name for m in safety.screen(text).mentions]
    assert ("needle_phobia" in names) is named


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # Session 10, written before the change (outside run 16, #11): swallowing that hurts
        # with a sore throat asks no stroke question; choking or a swallow that fails does.
        ("my throat hurts and it's painful to swallow, since the weekend", False),
        ("tonsillitis again, swallowing is agony", False),
        ("I keep choking on my food and my neck aches", True),
    ],
)
def test_a_sore_throats_swallowing_asks_no_stroke_question(text: str, asked: bool) -> None:
    questions = [question.name for question in safety.screen(text).questions]
    assert ("check_stroke" in questions) is asked, questions


# Session 13, written before the change (outside run 24's kind, new wordings): "the point" of
# coming in, of the needles or of paying is weighing the consultation up; the point of
# living, of going on or of it all is still asked about.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("so what's the point of coming in if I can't have the needles", False),
        ("no point in paying for a consult then is there", False),
        ("whats the point of physio if it comes back anyway", False),
        ("honestly what's the point of going on like this", True),
        ("no point in anything anymore", True),
        ("what's the point of it all", True),
    ],
)
def test_the_point_of_the_consultation_is_no_crisis(text: str, asked: bool) -> None:
    questions = [q.name for q in safety.screen(text).questions]
    assert ("check_safe" in questions) is asked, questions


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # Session 14, written before the change (outside run 29 #13's kind, own wordings):
        # a yes talked about ("before I click yes", "if I say yes") is no yes; a question
        # asked first is answered before anything is agreed.
        ("if I say yes, can I still cancel later?", None),
        ("hold on, before I click yes - is the physio a woman?", None),
        ("I'll say yes once you tell me the price", None),
        ("wait, what happens if I press yes and can't come?", None),
        ("ok I'm saying yes, book it", True),
        ("yes please, and can I bring my son?", True),
        ("yes", True),
        ("no, not that day", False),
    ],
)
def test_a_yes_talked_about_is_no_yes(text: str, answer: bool | None) -> None:
    from clinic.safety.answers import yes_or_no

    assert yes_or_no(text) is answer


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # Session 14, written before the change (outside run 30 #11's kind, own wordings):
        # to "pain, numbness or pins and needles in both legs?", a yes that is only
        # soreness from exercise is a no to what the question is for.
        ("yes but it's just stiffness from my spin class", "no"),
        ("yeah sore thighs after leg day, nothing else", "no"),
        ("only achy from running, no tingling", "no"),
        # Nerve words, pain that travels, or no exercise named: the yes stands.
        ("yes, sore from the gym and tingling too", "yes"),
        ("yes, it shoots down both since the gym", "yes"),
        ("yes both legs ache", "yes"),
    ],
)
def test_soreness_from_exercise_is_no_yes_to_both_legs(text: str, answer: str) -> None:
    from clinic import safety
    from clinic.safety.answers import read_answer
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    question = next(q for q in SCREEN_QUESTIONS["back"] if q.name == "both_legs")
    screen = safety.screen(text)
    assert read_answer(question, text, screen.signs, screen.denied_signs) == answer


@pytest.mark.parametrize(
    "said",
    ["I answered wrong, it's a no", "oh I answered that wrongly", "I clicked it wrong, no"],
)
def test_an_answer_said_to_be_wrong_takes_back_a_yes(said: str) -> None:
    from clinic.safety.answers import takes_back_yes

    assert takes_back_yes(said)


# Session 24, written before the change (outside run 61 p06: "since he started heading the
# ball" was a new headache, and a boy's low back got the headache screen). A place's word
# said as a doing is no place; the same word as a place still counts.
@pytest.mark.parametrize(
    ("text", "headache"),
    [
        ("my low back hurts since i started heading the ball more in training", False),
        ("she heads out to work early and her back aches", False),
        ("I have to head the ball loads and my back is sore", False),
        ("new headaches since I started heading the ball more, every day now", True),
        ("my head started hurting two weeks ago, every day now", True),
    ],
)
def test_a_places_word_said_as_a_doing_is_no_place(text: str, headache: bool) -> None:
    names = {mention.name for mention in safety.screen(text).mentions}
    assert any("headache" in name for name in names) is headache, names


# Session 24, written before the change (outside run 60 p03: "when i turn to check my blind
# spot driving" was a change of sight, and a pregnant woman's tension headache became the
# pre-eclampsia emergency). A car's blind spot checked is no sight; a blind spot seen is.
@pytest.mark.parametrize(
    ("text", "sight"),
    [
        ("it catches when I'm checking the blind spot before changing lanes", False),
        ("hurts to shoulder check my blind spot in the car", False),
        ("I've got a blind spot in my left eye since this morning", True),
        ("suddenly went blind in one eye for a minute", True),
    ],
)
def test_a_cars_blind_spot_is_no_sight_problem(text: str, sight: bool) -> None:
    names = {mention.name for mention in safety.screen(text).mentions}
    assert ("vision_trouble" in names) is sight, names


# Session 25, written before the change (outside run 65 p08: "keeps the curtains closed
# because the light bothers her" was a change of sight, and a meningitis emergency was told
# as a stroke and an inflamed artery too). Window curtains are no sight; a curtain over
# the eye is.
@pytest.mark.parametrize(
    ("text", "sight"),
    [
        ("he sits with the curtains drawn, daylight makes the headache worse", False),
        ("I had to shut the curtain, the sun was too much", False),
        ("like a curtain came down over my right eye for a minute", True),
    ],
)
def test_window_curtains_are_no_sight_problem(text: str, sight: bool) -> None:
    names = {mention.name for mention in safety.screen(text).mentions}
    assert ("vision_trouble" in names) is sight, names


# Session 24, written before the change (outside run 60 p05: "We've tried a heat pad,
# Advil..." was "You mentioned the toilet" and the bladder question). A heating pad or an
# ice pack is no pad for leaks; "wearing pads now" still is.
@pytest.mark.parametrize(
    ("text", "toilet"),
    [
        ("I've been using a heating pad on it every night", False),
        ("tried a heat pad and an ice pack, no help", False),
        ("she has to wear pads now because she leaks", True),
    ],
)
def test_a_heating_pad_is_no_pad_for_leaks(text: str, toilet: bool) -> None:
    names = {mention.name for mention in safety.screen(text).mentions}
    assert ("urination" in names) is toilet, names


# Session 24, written before the change (outside run 62 p05: "shes not having a heart
# attack" after the 911 advice denied her chest signs and asked them again). A diagnosis
# said not to be is the writer's view, no denial of the signs; said to be, it still counts.
@pytest.mark.parametrize(
    ("text", "denies_chest"),
    [
        ("it's a pulled muscle, she is not having a heart attack", False),
        ("he's not having a stroke, he's just tired", False),
        ("no chest pain at all", True),
    ],
)
def test_a_diagnosis_said_not_to_be_denies_no_sign(text: str, denies_chest: bool) -> None:
    denied = {m.name for m in safety.screen(text).mentions if m.denied}
    assert bool(denied & {"chest_pain", "chest_pressure", "stroke_warning"}) is denies_chest, denied


def test_a_heart_attack_feared_still_counts() -> None:
    assert safety.screen("I think I'm having a heart attack, my chest is crushing").level == (
        EMERGENCY
    )


# Session 25, written before the change (outside run 67 p07: "can they actually do the
# needling at that same visit if it makes sense? dont want 2 trips" was asked the stroke
# question). Something that makes sense, or advice that doesn't, is no speech trouble;
# someone not making sense when they talk is.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("would it make sense to book two sessions close together?", False),
        ("that doesn't make sense to me, why would I need a doctor for a stiff neck", False),
        ("since this morning she's not making sense when she talks", True),
    ],
)
def test_making_sense_is_no_speech_trouble_unless_of_talking(text: str, asked: bool) -> None:
    questions = [q.name for q in safety.screen(text).questions]
    assert ("check_stroke" in questions) is asked, questions
