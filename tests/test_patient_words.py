"""Who the chat speaks of when someone writes for the patient (session 18, written before
the change; outside run 39 p06: a mother writing for her son read "aching pain in your
lower back" and "do you have any of these?")."""

from __future__ import annotations

import pytest

from clinic import patient
from clinic.intake import Intake, summarise
from clinic.safety import contraindications


@pytest.mark.parametrize(
    ("said", "possessive", "asks"),
    [
        (["I'm asking on behalf of my son, he's 15 and his back hurts"], "his", "does he have"),
        (["hi", "writing for my mother, her neck is stiff"], "her", "does she have"),
        (["booking for my partner, bad shoulder"], "their", "do they have"),
        (["my back hurts since tuesday"], "your", "do you have"),
        # A relative named in passing: still the writer's own pain.
        (["my husband says I should get my neck looked at"], "your", "do you have"),
        # Session 18, written before the change (outside run 41 p07): a relative's pain
        # told without "for my": "my daughter Anika is 15 and has been getting headaches".
        (["hi, my boy is 12 and his knee has hurt since football camp"], "his", "does he have"),
        (["My mum (82) has had a stiff neck for weeks, can you help her?"], "her", "does she have"),
        (["my wife has had back pain too, but I'm here about my shoulder"], "your", "do you have"),
        (["my son is 15 and I've had a sore back since carrying his bag"], "your", "do you have"),
        # Session 23, written before the change (outside run 58 p06: "Hi there, so my
        # daughter Mia is 15 and she's been getting these headaches" was asked "do you
        # have"). Greetings and fillers before the relative.
        (
            ["Hey there, ok so my grandson Leo is 12 and his ankle keeps aching"],
            "his",
            "does he have",
        ),
        (["hello, well basically my wife has a stiff neck since the move"], "her", "does she have"),
        # Session 25, written before the change (outside run 66 p07: "Hi, do you treat
        # teenagers? My daughter is 16, she swims..." was asked "do you have", three times
        # put right). The relative may open a later sentence of the first message.
        (
            ["Hello! Is it ok for older people? My dad is 80 and his hip aches at night"],
            "his",
            "does he have",
        ),
        (
            ["Quick question first. My girlfriend has had a stiff neck for weeks"],
            "her",
            "does she have",
        ),
        (["Do you see kids? My son is 9. Also my own knee hurts"], "your", "do you have"),
        # (outside run 68, a conversation of mine: "I'd like to book for my neck and upper
        # back... I'm 58" was spoken of as "their doctor"). Booking for a place is one's own.
        (["hi, I'd like to book for my lower back please, sore 3 weeks"], "your", "do you have"),
        (["booking for my dad, 80, his hip"], "his", "does he have"),
        # Session 27, written before the change (outside run 73 p08: a neighbour's needling
        # told first, then "I'm 63 and I've had this nagging neck...", was spoken of as
        # "they" for eleven turns, "It's ME not them" notwithstanding). My own words.
        (
            ["My sister had needling for her knee and loved it. I've had a stiff neck for months"],
            "your",
            "do you have",
        ),
        (["My brother recommended you. Booking for him, his back"], "his", "does he have"),
        (
            [
                "So my cousin swears by you, she had it for her hip. I'm 58 and I've had this "
                "annoying lower back thing for years"
            ],
            "your",
            "do you have",
        ),
        (
            [
                "My friend Jo said you're good. She had her hip done",
                "no no, it's for me, I'm the one with the sore shoulder",
            ],
            "your",
            "do you have",
        ),
        # Session 28, written before the change (outside run 75 p07: "hi my wifes neck is
        # kiling her" was asked "do you have"). A relative's without its apostrophe.
        (["hey my husbands lower back is wrecked, 2 wks now"], "his", "does he have"),
        (["my moms shoulder has been sore since she fell"], "her", "does she have"),
        (["ok so my daughters knee hurts when she runs"], "her", "does she have"),
        # Session 30, written before the change (outside run 83 p08: "my wife says i shd have
        # come sooner" made the wife the patient). A relative who says something of the
        # writer is no patient; one who says something of themselves is. My own words.
        (
            ["my husband reckons i need this looked at. stiff neck, headaches"],
            "your",
            "do you have",
        ),
        (["neck ache 2 weeks", "my girlfriend thinks i sleep funny on it"], "your", "do you have"),
        (["my mum made me book this, lower back since xmas"], "your", "do you have"),
        (["my brother keeps telling me to get my shoulder seen"], "your", "do you have"),
        (["my dad keeps telling me he is fine but his back is bad"], "his", "does he have"),
        (["my wife says her back is killing her"], "her", "does she have"),
        # Session 30, written before the change (outside run 85 p08: "hi writing 4 my husband
        # Mike" and "(its him not me btw)" were asked "do you have" throughout). Text-speak
        # "4" for "for", and the patient said to be him. My own words.
        (["booking 4 my son, he's 16, sore knee"], "his", "does he have"),
        (["sore lower back 6 weeks", "no. its her not me, my mum"], "her", "does she have"),
        (["stiff neck, 3 weeks", "just so u know it's him not me"], "his", "does he have"),
        # Session 31, written before the change (outside run 89 p08: "its my son not me lol"
        # kept "you" throughout). The relative named, not "him". My words.
        (
            ["headaches and a sore neck", "oh its my daughter not me, she's 15"],
            "her",
            "does she have",
        ),
        (["back pain a month", "sorry, it's for my husband not me"], "his", "does he have"),
    ],
)
def test_the_patient_is_whoever_the_writer_writes_for(
    said: list[str], possessive: str, asks: str
) -> None:
    who = patient.written_of(said)
    assert who.possessive == possessive
    assert who.has_asked == asks


def test_the_summary_speaks_of_the_patient() -> None:
    intake = Intake(body_part="lower_back", pain_quality="aching")
    assert "in his lower back" in summarise(intake, patient.HE)
    assert "in your lower back" in summarise(intake)


def test_the_contraindication_checklist_asks_about_the_patient() -> None:
    assert "apply to her?" in contraindications.checklist([], to=patient.SHE)
    assert "apply to you?" in contraindications.checklist([])


def test_the_red_flag_checklist_lines_speak_of_the_patient() -> None:
    # Session 18, written before the change (outside run 42 p05: "does she have any of
    # these? new numbness around your bottom..." to a daughter).
    from clinic.safety import checklist
    from clinic.safety.red_flags import SCREEN_QUESTIONS

    lines = list(SCREEN_QUESTIONS["back"][:2])
    assert "around her bottom" in checklist.text_of(lines, patient.SHE)
    assert "around your bottom" in checklist.text_of(lines)


# Session 21, written before the change (outside run 52 p05: a father writing for his
# daughter of 16 was asked "Have you had any of these suddenly: slurred words...?", twice;
# an answer for himself would be read as hers). Every safety question, asked of someone
# else, speaks of them; "you mentioned" stays, the writer did.
@pytest.mark.parametrize("whose", [patient.SHE, patient.HE, patient.THEY])
def test_every_safety_question_asked_of_someone_else_speaks_of_them(whose) -> None:
    import re

    from clinic.safety.screening import DIRECT_QUESTIONS, SCREEN_QUESTIONS

    questions = [*DIRECT_QUESTIONS, *(q for qs in SCREEN_QUESTIONS.values() for q in qs)]
    for question in questions:
        if question.name == "check_safe":
            continue  # the crisis question is asked of whoever writes
        asked = patient.asked_of(question.text, whose)
        rest = re.sub(r"\bYou mentioned\b", "", asked)
        assert not re.search(r"\byou(?:r|rs|rself|'re|'ve)?\b", rest, re.I), asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Have you had any of these suddenly?", "Has she had any of these suddenly?"),
        (
            "Does it come on when you walk uphill, climb stairs or exert yourself, and ease "
            "when you rest?",
            "Does it come on when she walks uphill, climbs stairs or exerts herself, and ease "
            "when she rests?",
        ),
        ("Are you short of breath right now?", "Is she short of breath right now?"),
        (
            "You mentioned your chest. Does it feel heavy?",
            "You mentioned her chest. Does it feel heavy?",
        ),
    ],
)
def test_a_safety_question_asked_of_her_reads_as_english(text: str, asked: str) -> None:
    assert patient.asked_of(text, patient.SHE) == asked


# Session 24, written before the change (outside run 61: "pregnancy" was a line of the
# needling checklist for a boy of 16 written for by his mother, and for a man).
@pytest.mark.parametrize(
    ("texts", "man"),
    [
        (["my son is 16 and his low back hurts"], True),
        (["asking for my husband, his neck is stiff"], True),
        (["I'm a 45 year old guy with a sore shoulder"], True),
        (["hi, im 38 male, lower back pain"], True),
        (["my daughter has headaches"], False),
        (["I'm 62 and my shoulder hurts"], False),  # not said: it may be a woman
        (["my wife says I snore, but my neck is the problem"], False),
        # Session 29, written before the change (outside run 81 p04: "I had prostate cancer
        # in 2019" and the pregnancy line on his checklist). His own prostate tells it; a
        # father's does not.
        (["my upper back aches", "I had my prostate out five years ago"], True),
        (["my back aches at night", "my dad had prostate cancer, does that matter?"], False),
    ],
)
def test_whether_the_patient_is_a_man(texts: list[str], man: bool) -> None:
    assert patient.is_a_man(texts) is man


def test_pregnancy_is_not_asked_of_a_man() -> None:
    assert "pregnancy" not in contraindications.checklist([], man=True, to=patient.HE)
    assert "pregnancy" in contraindications.checklist([], to=patient.SHE)


# Session 28, written before the change (outside run 76 p06: "Tell them what you told me:
# ..., and any medicines you take" to a husband calling 911 for his wife). What the patient
# takes is theirs; what the writer told stays the writer's.
def test_the_medicines_to_tell_of_are_the_patients() -> None:
    said = "Tell them what you told me: where it hurts, and any medicines you take."
    assert patient.spoken_of(said, patient.SHE) == (
        "Tell them what you told me: where it hurts, and any medicines she takes."
    )
    assert "they take" in patient.spoken_of(said, patient.THEY)


# Session 29, written before the change (outside run 83 p08: "she?? its me with the pain not
# my wife" and "im a he... writing for myself" left the chat speaking of "she"). My words.
@pytest.mark.parametrize(
    "said",
    [
        "no no, it's me who has the back pain, not my husband",
        "i'm writing for myself btw",
        # Session 33, written before the change (outside run 104 p02: "I'm a guy btw not a
        # her" left the chat speaking of "her"). My own words.
        "uh I'm the guy, not a she lol",
        "it's not her, it's me. I'm a man",
    ],
)
def test_the_writer_saying_the_pain_is_theirs_is_the_patient(said: str) -> None:
    texts = ["low back ache for a month", "my husband says i should have come sooner", said]
    assert patient.written_of(texts) == patient.YOU


# Session 33, written before the change (outside run 104 p02: "my wife told me to look into
# this. I'm 54 and I've had lower back pain... moving a dresser for my daughter" was spoken
# of as "her" to the end). The writer's own pain told, with others named beside it, is the
# writer's. My own words.
def test_the_writers_own_pain_told_beside_others_is_the_writers() -> None:
    texts = ["my husband made me message you. I've had neck pain for weeks since lifting "
             "boxes for my son's move"]  # fmt: skip
    assert patient.written_of(texts) == patient.YOU
    texts = ["I was carrying a sofa for my sister last week and my back went"]
    assert patient.written_of(texts) == patient.YOU
    assert patient.written_of(["writing for my mum, she has had back pain for weeks"]) == (
        patient.SHE
    )


# Session 33, written before the change (outside run 104 p02: "I'm a guy btw not a her").
@pytest.mark.parametrize("said", ["I'm a man, not a her", "erm I'm not a she, I'm the guy lol"])
def test_the_writer_saying_he_is_not_a_her_is_the_patient(said: str) -> None:
    assert patient.written_of(["booking for my mum, her back hurts", said]) == patient.YOU
