"""The clinic's vocabulary: patients' words to the contract's canonical values."""

from __future__ import annotations

import pytest

from clinic.vocabulary import BODY_PARTS, canonical, find_terms, mended


def terms(text: str) -> list[tuple[str, str, str | None]]:
    return [(t.entity, t.value, t.role) for t in find_terms(text)]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("lumbar", "lower_back"), ("low back", "lower_back"), ("nape", "neck"),
        ("traps", "shoulder"), ("sciatic", "leg"), ("shoulder blade", "upper_back"),
        ("Shoulders", "shoulder"), ("hammies", "hamstring"), ("glutes", "buttock"),
        ("kneecap", "knee"), ("achilles", "heel"), ("everywhere", "widespread"),
        ("shouler", "shoulder"), ("hamstrngs", "hamstring"), ("lower_back", "lower_back"),
    ],
)  # fmt: skip
def test_body_part_synonyms_slang_plurals_and_typos(phrase: str, value: str) -> None:
    assert canonical("body_part", phrase) == value


def test_every_canonical_body_part_is_its_own_synonym() -> None:
    assert all(canonical("body_part", value) == value for value in BODY_PARTS)


def test_tummy_is_not_a_muscle() -> None:
    assert canonical("body_part", "tummy") is None
    assert canonical("other_complaint", "tummy") == "stomach"


def test_unknown_words_are_not_forced_into_a_value() -> None:
    assert canonical("body_part", "banana") is None


def test_common_words_are_not_read_as_typos() -> None:
    assert terms("I might be late, black cat") == []
    assert terms("i baked a cake and took the neck tie off")[0][1] == "neck"  # not "back"


@pytest.mark.parametrize(
    ("slip", "value"),
    [("bcak", "back"), ("nekc", "neck"), ("anlke", "ankle"), ("wrsit", "wrist"),
     ("shouldder", "shoulder"), ("hipp", "hip")],
)  # fmt: skip
def test_one_slip_of_the_keyboard_is_still_the_word(slip: str, value: str) -> None:
    assert ("body_part", value, None) in terms(f"pain in my {slip}")


def test_the_whole_intake_in_one_message() -> None:
    found = terms("sharp pain in my lower back shooting down my left leg for 3 weeks")
    assert found == [
        ("pain_quality", "sharp", None),
        ("body_part", "lower_back", None),
        ("pain_quality", "shooting", "also"),
        ("side", "left", None),
        ("body_part", "leg", "radiates_to"),
    ]


def test_a_second_place_without_spreading_is_also() -> None:
    assert terms("my neck and shoulders") == [
        ("body_part", "neck", None),
        ("body_part", "shoulder", "also"),
    ]


def test_denied_symptoms_are_left_out() -> None:
    assert ("pain_quality", "tingling", None) not in terms("sore neck, no tingling")
    assert ("pain_quality", "aching", None) in terms("sore neck, no tingling")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i can't walk, my knee hurts me", "knee"),
        ("i can't rotate my neck", "neck"),
        ("i cannot move my shoulder at all", "shoulder"),
        ("i couldn't turn my neck this morning", "neck"),
    ],
)
def test_what_the_pain_stops_is_not_a_denial(text: str, place: str) -> None:
    assert ("body_part", place, None) in terms(text)


def test_a_denial_stops_at_the_end_of_its_clause() -> None:
    assert ("pain_quality", "tingling", None) not in terms("sore neck and no tingling")
    assert ("pain_quality", "tingling", None) in terms("no, tingling in my fingers")
    assert [t[1] for t in terms("not my knee, my hip") if t[0] == "body_part"] == ["hip"]


@pytest.mark.parametrize(
    "text",
    ["can you call me back", "push it back to thursday", "I'll get back to you",
     "massage helps but a few days later it's back again", "the pain came back",
     # Session 15 (a call-back asked for a parent): him and her are called back too.
     "could the clinic ring him back this afternoon", "please phone her back",
     # Session 31 (outside run 88 p03: "massage helps for a day then back" asked the low
     # back's questions of a neck). My words.
     "stretching eases it for an hour, then back it comes", "it goes for a bit and soon back"],
)  # fmt: skip
def test_back_that_means_again_or_in_return_is_not_the_body_part(text: str) -> None:
    assert [t for t in terms(text) if t[0] == "body_part"] == []


@pytest.mark.parametrize("text", ["she hurt her back lifting him", "he did his back in"])
def test_her_back_and_his_back_are_still_the_body_part(text: str) -> None:
    assert [t[1] for t in terms(text) if t[0] == "body_part"] == ["back"]


# Written before the change, from outside run 7's kinds (not its sentences): being back,
# coming back from somewhere, and procedures named after the spine.
@pytest.mark.parametrize(
    "text",
    ["ok I'm back, sorry", "hi im back", "back from the walk-in now", "we're back home",
     "back then I was fine", "she's back at school", "I had a lumbar puncture in 2019",
     "they did a spinal tap", "my c-section was under a spinal block"],
)  # fmt: skip
def test_being_back_or_a_spinal_procedure_is_not_the_body_part(text: str) -> None:
    assert [t for t in terms(text) if t[0] == "body_part"] == []


# Session 12, written before the change (outside run 22's kind, new wordings): "back" with a
# time after it says when ("back in 2015", "back when I was at uni"), never where.
@pytest.mark.parametrize(
    "text",
    ["I was rear-ended back in 2015 and had whiplash", "back in March it started",
     "back when I was at uni I rowed", "it was way back, no issues since",
     "back in the day I played rugby", "back during lockdown I sat all day",
     "a few years back I had shingles", "some weeks back it eased"],
)  # fmt: skip
def test_back_with_a_time_after_it_is_when_not_where(text: str) -> None:
    assert [t for t in terms(text) if t[0] == "body_part"] == [], text


@pytest.mark.parametrize(
    "text",
    ["my back in the morning is the worst", "pain in my back in 2015 after a fall",
     "lower back in march got worse", "for 3 weeks back pain", "2 years back ache",
     "a pain in my back when I sit for long"],
)  # fmt: skip
def test_the_back_with_a_time_after_it_is_still_the_back(text: str) -> None:
    assert {t[1] for t in terms(text) if t[0] == "body_part"} & {"back", "lower_back"}, text


# Session 12, written before the change (outside run 22's kind, new wordings): a pillow or
# a cushion set against a part of the body says how the patient lies, not where it hurts.
@pytest.mark.parametrize(
    ("text", "parts"),
    [("sleeping with a pillow between my knees helps", set()),
     ("a rolled towel under my neck at night", set()),
     ("I put a cushion behind my lower back and my hip still aches", {"hip"}),
     ("pain between my shoulder blades", {"upper_back"})],
)  # fmt: skip
def test_a_pillow_against_the_body_names_no_painful_place(text: str, parts: set) -> None:
    assert {t[1] for t in terms(text) if t[0] == "body_part" and not t[2]} == parts, text


# Written before the change (session 7): sayings with a part of the body in them name none.
@pytest.mark.parametrize(
    "text",
    ["does it cost an arm and a leg?", "heads up, I might be late", "I'll head over after work",
     "on the other hand the mornings are better", "could you give me a hand booking",
     "off the top of my head, about 3 weeks", "anyone in my neck of the woods?",
     "we went back and forth about it", "I had to put my foot down", "are you pulling my leg",
     "I can't get my head around the forms",
     # Session 8: standing all day, and sayings around the place.
     "I'm a chef, on my feet for 12 hours", "glad to be back on my feet",
     "my diary is all over the place",
     # Outside run 11: a back tooth is in the mouth.
     "my lower back tooth is throbbing", "a back molar on the left"],
)  # fmt: skip
def test_a_saying_names_no_part_of_the_body(text: str) -> None:
    assert [t for t in terms(text) if t[0] == "body_part"] == []


@pytest.mark.parametrize(
    "text",
    [
        "my head, back and neck all ache",
        "pain in the neck and shoulder",
        "my left hand is numb",
        "my arm and my leg go tingly",
    ],
)
def test_the_same_words_said_of_the_body_still_count(text: str) -> None:
    assert [t for t in terms(text) if t[0] == "body_part"], text


def test_the_back_is_still_the_back() -> None:
    assert terms("my back came back") == [("body_part", "back", None)]
    assert ("body_part", "back", None) in terms("she hurt her back lifting")
    assert ("body_part", "back", None) in terms("I've done me back in")  # "me" for "my"
    assert ("body_part", "back", None) in terms("hurt me back lifting")
    assert ("body_part", "back", None) in terms("pain in my bakc")
    for text in ["I get back pain when I sit", "it's back and neck", "got back spasms"]:
        assert ("body_part", "back", None) in terms(text), text


@pytest.mark.parametrize(
    "text",
    ["lower back to my knee", "the whole back from neck to hips", "lumbar pain",
     "spinal surgery in 2020", "back from lifting hurts", "I'm back in pain again"],
)  # fmt: skip
def test_the_back_named_with_from_or_to_is_still_a_place(text: str) -> None:
    assert {t[1] for t in terms(text) if t[0] == "body_part"} & {"back", "lower_back"}, text


@pytest.mark.parametrize("text", ["danke", "guten tag", "grazie mille", "veel dank"])
def test_another_languages_everyday_words_are_not_typos(text: str) -> None:
    # Else "danke" is the ankle, "guten" a glute, "grazie" a graze and "veel" a heel.
    assert terms(text) == []


def test_in_an_english_message_the_same_slip_is_still_mended() -> None:
    # "foto" is everyday Dutch, Italian and Spanish, and one swap away from "foot".
    assert ("body_part", "foot", None) in terms("I knocked my foto and it really hurts")


def test_right_now_is_not_a_side() -> None:
    assert [t for t in terms("my knee hurts right now") if t[0] == "side"] == []
    assert ("side", "right", None) in terms("my right knee hurts")


def test_the_place_the_pain_is_said_of_is_the_main_one() -> None:
    assert terms("when i raise my hand i feel pain in my shoulder") == [
        ("body_part", "hand", "also"),
        ("body_part", "shoulder", None),
    ]
    assert terms("When I lift my arms up I have a soreness in my shoulders")[-1] == (
        "body_part",
        "shoulder",
        None,
    )


# Written before the change (session 7): how tension headaches are told.
@pytest.mark.parametrize(
    "text", ["pressing i guess, like i said a band", "like a vice on my temples", "squeezing"]
)
def test_a_pressing_band_is_a_tight_pain(text: str) -> None:
    assert ("pain_quality", "tightness", None) in terms(text)


# Written after outside run 8: moving the head is the neck's movement, not a place of pain.
@pytest.mark.parametrize(
    ("text", "part"),
    [("stiff and sometimes sharp when i turn the head", "neck"),
     ("it hurts to tilt my head to the side", "neck"),
     ("my head hurts when I turn it", "head"),
     ("neck pain when turning my head", "neck")],
)  # fmt: skip
def test_moving_the_head_is_the_neck(text: str, part: str) -> None:
    assert {t[1] for t in terms(text) if t[0] == "body_part"} == {part}


# Written after outside run 8: "behind the ear" is where the pain goes, not an ear problem.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [("just up behind the ear like i said", False), ("a headache behind my eyes", False),
     ("my ear is blocked and sore", True)],
)  # fmt: skip
def test_a_place_near_the_ear_is_no_ear_complaint(text: str, complaint: bool) -> None:
    assert any(t[0] == "other_complaint" for t in terms(text)) is complaint


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("My sholder is killin me", "my shoulder is killin me"),
        ("lowr bakc pain, 3 wks", "lower back pain, 3 wks"),
        ("my neck hurts", "my neck hurts"),
        ("me duele la espalda", "me duele la espalda"),
    ],
)
def test_mended_spells_typos_of_body_words_as_meant_and_leaves_the_rest(text, meant) -> None:
    assert mended(text) == meant


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Session 9, written before the change (outside run 12): diabetic numb feet became a
        # painful place.
        ("I'm diabetic and my feet are a bit numb, have been for years", []),
        ("my toes tingle from the neuropathy, but my neck is the problem", ["neck"]),
        ("lymphoedema in my left arm since the surgery", []),
        ("I'm diabetic and my foot hurts after the run", ["foot"]),
        ("is there parking? my hips aren't what they used to be", []),
        ("arthritic knees for years, but it's my neck that's the problem", ["neck"]),
        ("sleep is bad but that's my head not the back", []),
        ("stress does my head in and my head aches by 4pm", ["head", "head"]),
        ("stress headaches most days from work", ["head"]),
    ],
)
def test_where_a_long_standing_condition_sits_is_no_painful_place(
    text: str, places: list[str]
) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "body_part"] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Written in session 8 (outside run 10 had a pacemaker "in her chest" become a pain).
        ("she had a stent put in her chest years ago, her back aches", ["back"]),
        ("the metal plate in my ankle is fine, it's my knee", ["knee"]),
        ("I have a pacemaker and a sharp pain in my chest", ["chest"]),
        # Session 9 (outside run 13): where on the chest it sits.
        ("my pacemaker is on the upper left side of my chest, my neck is stiff", ["neck"]),
    ],
)
def test_where_a_device_sits_is_no_painful_place(text: str, places: list[str]) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "body_part"] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Session 14, written before the change (outside run 29 #13's kind, own wordings):
        # where lymph nodes or a mole were taken out is the place of an operation.
        ("they removed lymph nodes from under my right arm", []),
        ("lymph nodes taken out near my left armpit years ago, my neck aches now", ["neck"]),
        ("I had a mole removed from my shoulder, but my lower back is the problem", ["lower_back"]),
        ("my arm has ached since they took lymph nodes out", ["arm"]),
    ],
)
def test_where_something_was_taken_out_is_no_painful_place(text: str, places: list[str]) -> None:
    painful = [t.value for t in find_terms(text) if t.entity == "body_part" and t.role != "site"]
    assert painful == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Session 14, written before the change (outside run 29 #18's kind, own wordings):
        # a pain said to be gone is no painful place of now.
        ("after the op my arm pain disappeared, it's my upper back that's tight", ["upper_back"]),
        ("knee ache went away in the summer but now my hip hurts", ["hip"]),
        ("the shoulder pain is gone, neck still stiff", ["neck"]),
        # Not gone, or said to be gone only in a wish: still painful.
        ("my back pain hasn't gone away", ["back"]),
        ("I want this neck pain gone", ["neck"]),
    ],
)
def test_a_pain_said_to_be_gone_is_no_painful_place(text: str, places: list[str]) -> None:
    painful = [t.value for t in find_terms(text) if t.entity == "body_part" and t.role != "denied"]
    assert painful == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Outside run 10: "nothing goes down arms" became arm pain.
        ("tight neck, nothing travels into my hands", ["neck"]),
        ("low back ache, nowhere goes down the legs", ["lower_back"]),
        ("nothing helps my shoulder", ["shoulder"]),
    ],
)
def test_nothing_spreading_there_names_no_place(text: str, places: list[str]) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "body_part"] == places


@pytest.mark.parametrize("text", ["askin for a freind", "ok thx, ashin says hi"])
def test_a_short_words_misspelling_keeps_its_first_letter(text: str) -> None:
    # Session 8: "askin" (asking) was read as "skin", a skin complaint.
    assert [t for t in find_terms(text) if t.entity == "other_complaint"] == []


def test_a_place_named_with_its_ache_leads_over_a_later_numb_hand() -> None:
    # Session 9 (outside run 13): "neck ache ... my right hand numb if i've slept on it"
    # made the hand the main place: the ache was inside the term "neck ache".
    terms = find_terms("neck ache right side 3 wks. sometimes my right hand goes numb")
    assert [(t.value, t.role) for t in terms if t.entity == "body_part"] == [
        ("neck", None),
        ("hand", "also"),
    ]


def test_a_side_between_the_pain_and_its_place_keeps_them_together() -> None:
    # Session 9 (outside run 14): "deep ache in my left buttock that sometimes shoots down
    # the back of my thigh" made the thigh the main place.
    terms = find_terms(
        "deep ache in my left buttock that sometimes shoots down the back of my thigh"
    )
    assert [(t.value, t.role) for t in terms if t.entity == "body_part"] == [
        ("buttock", None),
        ("hamstring", "radiates_to"),
    ]


@pytest.mark.parametrize(
    ("text", "side"),
    [("left, as I said", "left"), ("the right one as I told you", "right"),
     ("I left as soon as I could", None), ("right as rain now", None)],
)  # fmt: skip
def test_a_side_said_as_said_before(text: str, side: str | None) -> None:
    # Session 9 (outside run 14): "left, as I said" was no side.
    sides = [t.value for t in find_terms(text) if t.entity == "side"]
    assert sides == ([side] if side else [])


# Session 30, written before the change (outside run 85 p04: "pain in the neck since 3
# week, right side, when I turn the head" lost the side and asked for it). "Right side" is
# a side whatever word follows it. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["sore low back, left side, when I bend over", "hip pain, right side when I walk far"],
)
def test_a_side_said_with_side_is_a_side_whatever_follows(text: str) -> None:
    assert [t.entity for t in find_terms(text)].count("side") == 1


def test_no_problems_with_a_place_is_no_painful_place() -> None:
    # Session 9 (outside run 14): "no problems with his feet" put the foot in the summary.
    terms = find_terms("his neck is stiff, no problems with his feet or hands")
    assert [t.value for t in terms if t.entity == "body_part"] == ["neck"]


# Session 30, written before the change (outside run 83 p07: "no chest pain or breathing
# stuff" was answered as a breathing complaint). The denial reaches a complaint joined on
# with "problems" or "issues" after it. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "no chest pain or breathing problems, just the shoulder",
        "no chest pains or breathing issues, only my neck",
    ],
)
def test_a_denial_reaches_a_complaint_said_with_problems(text: str) -> None:
    assert [t for t in find_terms(text) if t.entity == "other_complaint"] == []


# Session 30, written before the change (outside run 83 p08: "heart pills - matter for
# needles?" got "A heart complaint is not something dry needling treats"). Medicines named
# by what they are for are no complaint told. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["my heart meds, do they matter?", "she's on thyroid tablets and asthma inhalers"],
)
def test_medicines_named_by_what_they_are_for_are_no_complaint(text: str) -> None:
    assert [t for t in find_terms(text) if t.entity == "other_complaint"] == []


# Session 33, written before the change (outside run 100 p03: "I take only pills for heart,
# Eliquis, because heart beat is not regular" was told "a heart complaint, which dry
# needling does not treat"). A condition told as what a medicine is for, after it, is no
# complaint told; one told beside a medicine is. My own wordings.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("i take tablets for my heart rhythm, thats all", False),
        ("on warfarin because of my heart, since the ablation", False),
        ("he takes something for his asthma", False),
        ("I take ibuprofen and I've got palpitations", True),
    ],
)
def test_a_condition_told_as_what_a_medicine_is_for_is_no_complaint(
    text: str, complaint: bool
) -> None:
    found = [t for t in find_terms(text) if t.entity == "other_complaint"]
    assert bool(found) is complaint, found


# Session 30, written before the change (outside run 85 p08: "deep ache he says, like a
# toothache in his back" was told a tooth problem twice). A likeness after a pain word or a
# comma is how it feels. My own wordings.
@pytest.mark.parametrize(
    "text", ["throbbing, like a bad tooth, in my hip", "dull pain like a toothache in my neck"]
)
def test_a_pain_likened_to_a_complaint_is_no_complaint(text: str) -> None:
    assert [t for t in find_terms(text) if t.entity == "other_complaint"] == []


def test_a_denial_does_not_reach_a_place_with_its_own_pain() -> None:
    terms = find_terms("no pain in my knee and my back hurts badly")
    assert [t.value for t in terms if t.entity == "body_part"] == ["back"]


@pytest.mark.parametrize(
    "text",
    # Session 9 (outside run 14): a healed cut became a complaint to see a doctor about.
    [
        "none, unless a knife cut on my thumb counts. it's healing fine",
        "a cut on my hand, healed now",
    ],
)
def test_a_cut_that_is_healing_is_no_complaint_and_no_painful_place(text: str) -> None:
    assert [t for t in find_terms(text) if t.entity in ("other_complaint", "body_part")] == []


def test_a_wound_not_healing_well_is_still_a_complaint() -> None:
    terms = find_terms("the graze on my shin is not healing well")
    assert ("other_complaint", "wound") in [(t.entity, t.value) for t in terms]


@pytest.mark.parametrize(
    ("text", "complaints"),
    [
        # Session 10, written before the change (outside run 16, #03): a condition named as
        # what a medicine is for, or as looked after by a doctor, is no complaint of now.
        ("she's on warfarin for her heart rhythm", []),
        ("he takes tablets for his blood pressure and his neck is stiff", []),
        ("my heart condition is well managed by my cardiologist", []),
        ("my heart races and I feel faint", ["heart"]),
        # Session 28, written before the change (outside run 76 p05: "I take one aspirin
        # every day for heart" and "I have pacemaker in heart" were a heart complaint, "a
        # doctor or pharmacist is the right person for that"). Said without "my" too.
        ("mum takes a water tablet each morning for heart", []),
        ("he got a stent in his heart two years back", []),
        ("I have defibrillator for heart, no problem with it", []),
        # (outside run 78 p06: "the machine for the heart, for the rhythm" was a complaint.)
        ("she has a little device in the chest for her heart beat", []),
    ],
)
def test_a_condition_treated_or_looked_after_is_no_complaint(
    text: str, complaints: list[str]
) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "other_complaint"] == complaints


@pytest.mark.parametrize(
    ("text", "complaints"),
    [
        # Session 10 (outside run 17, #04): how to speak to a patient is no ear complaint.
        ("he's hard of hearing so the physio should speak up", []),
        ("dad wears a hearing aid", []),
        ("my hearing has gone muffled in one ear", ["ear", "ear"]),
    ],
)
def test_hard_of_hearing_is_no_complaint(text: str, complaints: list[str]) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "other_complaint"] == complaints


# Session 22 (outside run 56 p06: "my cat sleeps on my desk lol" was told "Trouble sleeping
# is not something dry needling treats"). Sleeping is no trouble with sleep unless a word
# of trouble is beside it. Written before the change, my own words.
@pytest.mark.parametrize(
    ("text", "complaints"),
    [
        ("the dog sleeps on my feet and I wake up stiff", []),
        ("I sleep on my left side mostly", []),
        ("I sleep really badly these days", ["sleep"]),
        # Session 23: kept awake by the pain is how the pain is, not a complaint to send
        # elsewhere (outside run 59: "can't sleep worrying about my mom" was one).
        ("can't sleep for the pain", []),
        ("I can't sleep, it's been weeks", ["sleep"]),
    ],
)
def test_sleeping_is_no_trouble_sleeping(text: str, complaints: list[str]) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "other_complaint"] == complaints


@pytest.mark.parametrize(
    ("text", "side", "complaint"),
    [
        # Session 12, written before the change (outside run 23, #17's kind, new wordings):
        # "right on the spot" is exactly there, and an ingrown hair is the skin's.
        ("an ingrown hair on my shoulder blade, right on the sore bit", None, "skin"),
        ("the ache goes right down my leg", None, None),
        ("pain on the right, into my hip", "right", None),
        ("my right shoulder hurts", "right", None),
    ],
)
def test_right_as_exactly_is_no_side(text: str, side: str | None, complaint: str | None) -> None:
    found = terms(text)
    assert [t[1] for t in found if t[0] == "side"] == ([side] if side else []), found
    complaints = [t[1] for t in found if t[0] == "other_complaint" and not t[2]]
    assert complaints == ([complaint] if complaint else []), found


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # Session 12, written before the change (outside run 23, #04's kind, new wordings):
        # the back side of a part is that part.
        ("only a little in the neck back side", {"neck"}),
        ("the back side of my knee is tight", {"knee"}),
        ("my back side hurts, low down", {"back"}),
    ],
)
def test_the_back_side_of_a_part_is_that_part(text: str, parts: set) -> None:
    assert {t[1] for t in terms(text) if t[0] == "body_part"} == parts, terms(text)


# Session 13, written before the change (outside run 24's kind, my own wordings): a place
# the pain shoots, runs or goes down to is where it spreads, even when the pain word comes
# nearer to it than to the place it starts from.
@pytest.mark.parametrize(
    ("text", "main", "spread_to"),
    [
        ("my left hip has a dull ache that shoots down the outside of my thigh", "hip", "thigh"),
        ("my lower back has been bad for weeks and it shoots into my left calf", "lower_back",
         "calf"),
        ("right shoulder is what i've got, sharp pain that runs down into my forearm",
         "shoulder", "forearm"),
    ],
)  # fmt: skip
def test_a_place_the_pain_shoots_to_is_not_where_it_starts(
    text: str, main: str, spread_to: str
) -> None:
    found = terms(text)
    assert ("body_part", main, None) in found, found
    assert ("body_part", spread_to, "radiates_to") in found, found


@pytest.mark.parametrize(
    "text",
    ["hurt it lifting on tues", "since thurs my neck", "happened weds at work", "sore since sat"],
)
def test_a_short_day_name_is_no_body_part(text: str) -> None:
    assert [value for entity, value, _ in terms(text) if entity == "body_part"] in (
        [],
        ["neck"],
    ), terms(text)


# Session 13: feeling about to fall or faint is a dizziness complaint (a doctor's), never a
# pain intake; written when the likeness reading stopped calling it a fall.
@pytest.mark.parametrize(
    "text", ["when I get up quickly I feel like I'm about to pass out", "feel woozy standing up"]
)
def test_feeling_about_to_faint_is_dizziness(text: str) -> None:
    assert ("other_complaint", "dizziness") in [(e, v) for e, v, _ in terms(text)], terms(text)


# Session 18, written before the change (outside run 41 p08: "can touch my chin to my
# chest" to a neck question asked about chest pain): how far the neck bends names no chest.
@pytest.mark.parametrize(
    "text", ["I can get my chin down to my chest fine", "chin to chest is ok, turning hurts"]
)
def test_the_chin_to_the_chest_is_no_chest(text: str) -> None:
    assert "chest" not in [t[1] for t in terms(text) if t[0] == "body_part"]


def test_a_chest_said_with_the_chin_elsewhere_is_still_the_chest() -> None:
    assert "chest" in [t[1] for t in terms("my chest hurts when I tuck my chin in")]


# Session 21, written before the change (outside run 52 p08: "I'm a little nervous about
# needles" to the checklist; in my own words, "a bit anxious about needles" was told "You
# also mentioned how you are feeling in yourself... a doctor or pharmacist"). Apprehension
# about the needles is no complaint of mood. My own wordings.
@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("I'm a bit anxious about needles to be honest", False),
        ("slight anxiety around injections but fine", False),
        ("I've had anxiety and low mood since the divorce", True),
    ],
)
def test_apprehension_about_needles_is_no_complaint_of_mood(text: str, mood: bool) -> None:
    found = [t.value for t in find_terms(text) if t.entity == "other_complaint"]
    assert ("mood" in found) is mood, found


# Session 21, written before the change (outside run 53 p04: "She have pain in neck... she
# cannot turn head good to look back" lost the neck: "good" read as the neck being fine,
# "look back" as a back; the booking then asked "Where does it hurt the most?"). A place
# moved "good" or "well" is no place said fine; "can not" is "cannot"; looking back is no
# back. My own wordings.
@pytest.mark.parametrize(
    ("text", "place", "denied"),
    [
        ("he can not turn his head good", "neck", False),
        ("she cannot lift arm good since a month", "arm", False),
        ("I can't turn round to look back when driving, my neck is so stiff", "neck", False),
        ("my knee is good now, it's the hip", "knee", True),
        ("neck so stiff I can't look back to reverse the car", "neck", False),
        ("his neck is stiff, he struggles to turn it to look back.", "neck", False),
    ],
)
def test_a_place_moved_well_is_no_place_said_fine(text: str, place: str, denied: bool) -> None:
    terms = [t for t in find_terms(text) if t.entity == "body_part"]
    found = [t for t in terms if t.value == place]
    assert found and (found[0].role == "denied") is denied, terms
    assert "back" not in [t.value for t in terms], terms


# Session 24, written before the change (outside run 61 p08: "i clench my teeth n get
# headaches" was "A tooth problem is not something dry needling treats"). Clenching or
# grinding is what the jaw muscles do, no complaint of the teeth; a toothache still is.
@pytest.mark.parametrize(
    ("text", "teeth"),
    [
        ("she grinds her teeth in her sleep and wakes with sore temples", False),
        ("teeth clenching when i concentrate, jaw is tight", False),
        ("I've been clenching my teeth a lot with stress", False),
        ("my back tooth is killing me since yesterday", True),
        ("a cracked tooth and the gum is swollen", True),
    ],
)
def test_clenching_the_teeth_is_no_tooth_complaint(text: str, teeth: bool) -> None:
    complaints = {t.value for t in find_terms(text) if t.entity == "other_complaint"}
    assert ("teeth" in complaints) is teeth, complaints


# Session 24, written before the change (outside run 62: three of eight patients, up in the
# small hours, opened with "can't sleep" beside their pain and were told "Trouble sleeping
# is not something dry needling treats"). Beside a pain, sleeplessness is the pain's or the
# hour's; told alone, it is still the sleep's.
@pytest.mark.parametrize(
    ("text", "complaints"),
    [
        ("up at 3am again, cant sleep, my shoulder has been killing me for a week", []),
        ("my dad can't sleep and neither can I, his sciatica is awful", []),
        ("insomnia every night and a stiff neck in the mornings", ["sleep"]),
        ("I can't sleep at all these days, no idea why", ["sleep"]),
    ],
)
def test_sleeplessness_beside_a_pain_is_no_complaint_of_its_own(
    text: str, complaints: list[str]
) -> None:
    assert [t.value for t in find_terms(text) if t.entity == "other_complaint"] == complaints


# Session 27, written before the change (outside run 71 p05: "lifting many heavy thing" made
# the summary say "dull pain", a word the patient never used). "Heavy" is how the pain feels
# only when said of it. My own words.
@pytest.mark.parametrize(
    ("text", "dull"),
    [
        ("I move heavy furniture for a living and my back is sore", False),
        ("carrying heavy bags of shopping, now my shoulder aches", False),
        ("my arms go heavy when I hold them up", True),
        ("a heavy feeling deep in my buttock", True),
    ],
)
def test_heavy_is_a_feeling_only_when_said_of_the_pain(text: str, dull: bool) -> None:
    qualities = {t.value for t in find_terms(text) if t.entity == "pain_quality"}
    assert ("dull" in qualities) is dull, qualities


# Session 27, written before the change (outside run 73 p06: "sharp when she spikes or arches
# back" put a foot among a volleyball player's painful places). Arching the back is no foot;
# the foot's arches still are. My own words.
@pytest.mark.parametrize(
    ("text", "foot"),
    [
        ("it catches when he arches backwards in gymnastics", False),
        ("worse if I arch up off the bed", False),
        ("sore when she serves or arches back", False),
        ("both arches ache after long walks", True),
    ],
)
def test_arching_the_back_is_no_foot(text: str, foot: bool) -> None:
    places = {t.value for t in find_terms(text) if t.entity == "body_part"}
    assert ("foot" in places) is foot, places


# Session 30, written before the change (outside run 85 p05: "kinda pressure behind my eyes"
# got "Sorry, I didn't catch how it feels"). Pressure is a pressing pain; blood pressure is
# not. My own wordings.
@pytest.mark.parametrize(
    ("text", "quality"),
    [
        ("a pressure across my forehead", "tightness"),
        ("it's like pressure in my temples", "tightness"),
        ("I take blood pressure tablets", None),
        ("my blood pressure is high", None),
    ],
)
def test_pressure_is_a_pressing_pain(text: str, quality: str | None) -> None:
    found = [t.value for t in find_terms(text) if t.entity == "pain_quality"]
    assert found == ([quality] if quality else [])


# Session 30, written before the change (outside run 87 p08: "heart stuff runs in my family"
# was told "You also mentioned a heart complaint"). My own wordings.
@pytest.mark.parametrize(
    "text",
    ["heart disease runs in the family, so I'm careful", "asthma kind of runs in our family"],
)
def test_a_complaint_that_runs_in_the_family_is_no_complaint(text: str) -> None:
    assert [t for t in find_terms(text) if t.entity == "other_complaint"] == []


# Session 31, written before the change (outside run 90 p04: "sometime a little burning when
# I pee since few days" at 22 weeks was not heard). Burning or pain passing urine is a
# complaint of its own, for a doctor soon. My wordings.
@pytest.mark.parametrize(
    "text",
    [
        "it burns when I pee lately",
        "think i have a uti, stings to wee",
        "pain when peeing since tuesday",
    ],
)
def test_burning_when_passing_urine_is_a_complaint_of_its_own(text: str) -> None:
    assert ("other_complaint", "urine", None) in terms(text)


# Session 32, written before the change (outside run 93 p03: "the small box under skin on
# the left chest" was told back as a skin problem). Under the skin is where something sits,
# no complaint of the skin. My own wordings.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("a port under the skin below my collarbone, neck pain", False),
        ("the pump sits beneath the skin of my belly. back ache", False),
        ("itchy red skin on my arm and neck pain", True),
    ],
)
def test_under_the_skin_is_no_skin_complaint(text: str, complaint: bool) -> None:
    found = [t.value for t in find_terms(text) if t.entity == "other_complaint"]
    assert ("skin" in found) is complaint, found


# Session 32, written before the change (outside runs 93 and 94 p04: "my belly get hard...
# is normal for baby" was told a pharmacist could help with a stomach complaint). With a
# pregnancy in the message the belly is the bump. My own wordings.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("my tummy goes tight sometimes, the baby is due in april", False),
        ("pregnant and my stomach feels stretched, back aches", False),
        ("stomach ache and diarrhoea since yesterday", True),
    ],
)
def test_a_belly_with_a_pregnancy_is_no_stomach_complaint(text: str, complaint: bool) -> None:
    found = [t.value for t in find_terms(text) if t.entity == "other_complaint"]
    assert ("stomach" in found) is complaint, found


# Session 33, written before the change (outside run 101 p08: "deep ache mostly, sometimes
# zingy down to the knee" lost its shooting pain). How a nerve's shooting pain is often
# typed. My own words.
@pytest.mark.parametrize(
    "text", ["it goes zing down the back of my thigh", "little jolts like lightning in my calf"]
)
def test_zings_and_jolts_are_a_shooting_pain(text: str) -> None:
    assert "shooting" in [t.value for t in find_terms(text) if t.entity == "pain_quality"]


# Session 37, written before the change (outside run 122 s07: "the mole was on my shoulder"
# after "cut off... benign" brought back "A lump or a changing mole... see a doctor"). A
# complaint said to have been somewhere is told of the past. My own wordings; one that is
# somewhere now still counts.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("the mole was on my back, it's gone now anyway", False),
        ("the cyst was under my arm, the GP looked at it in the summer", False),
        ("there's a mole on my back that keeps changing", True),
    ],
)
def test_a_complaint_that_was_somewhere_is_of_the_past(text: str, complaint: bool) -> None:
    from clinic.vocabulary import find_terms

    found = [t for t in find_terms(text) if t.entity == "other_complaint"]
    assert bool(found) is complaint, found


# Session 38, written before the change (outside runs 121 to 123: "my eyes get tired from
# screens" and blue light glasses sent to an optician, coffee palpitations read as a heart
# complaint, "I work at a nail salon" as a nail problem). A complaint word explained in its
# own clause by an everyday cause, or naming a trade, a shop or a person, is no complaint.
# My own wordings; the last of each kind is still a complaint.
@pytest.mark.parametrize(
    ("text", "complaint", "is_one"),
    [
        ("my eyes feel strained by the end of a day on the laptop", "eye", False),
        ("eyes get sore from the computer screen, and my neck is stiff", "eye", False),
        ("I tried wearing blue light glasses but the headaches stayed", "eye", False),
        ("my eye doctor says my prescription is fine", "eye", False),
        ("my eyes have gone blurry since tuesday", "eye", True),
        ("I get jittery and my heart thumps after my third espresso", "heart", False),
        ("energy drinks make my heart race, so I stopped them", "heart", False),
        ("my heart races out of nowhere even sitting still", "heart", True),
        ("my sister runs a nail bar and I help out there", "nail", False),
        ("I do nails for a living, hunched over a desk", "nail", False),
        ("I'm a nail tech and my upper back is killing me", "nail", False),
        ("I've got an ingrown toenail that looks infected", "nail", True),
        ("always tired after night shifts, neck aches", "tiredness", False),
        ("I'm exhausted all the time for no reason", "tiredness", True),
        # The assistant's own questions about it (run 122 s04: "Why you ask so many question
        # about heart? I am scared now." got the heart-complaint line).
        ("how come all the questions about my heart?", "heart", False),
        # A period late or missed is a pregnancy's hint, asked by the safety screen (outside
        # run 127 z06: "an internal complaint" for a pharmacist).
        ("my period is a few days late, that's all", "internal", False),
        ("my periods are really heavy lately", "internal", True),
        ("why do you keep asking about breathing", "breathing", False),
    ],
)
def test_a_complaint_explained_by_an_everyday_cause_is_no_complaint(
    text: str, complaint: str, is_one: bool
) -> None:
    found = [t.value for t in find_terms(text) if t.entity == "other_complaint"]
    assert (complaint in found) is is_one, found


# Session 38, written before the change (outside runs 124 v03 and 125 w08: "broke my wrist
# but that healed fine" noted the wrist as painful, "cracked my tailbone snowboarding 8 yrs
# ago but that healed fine" the buttock). The place of an old injury said healed, or years
# ago, is no painful place of now; a fresh one still is. My own wordings.
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("I broke my arm as a teen, healed fine. now my lower back aches", ["lower_back"]),
        ("sprained my ankle 10 years ago and it's been fine since, my knee hurts now", ["knee"]),
        ("fractured my collarbone skiing ages ago but it healed well", []),
        ("I broke my wrist last week and it really hurts", ["wrist"]),
        # (outside run 126 y05: "break her right wrist about 8 years ago, but it healed fine"
        # made the pain right-sided; "nothing to do with the wrist" noted the wrist.)
        ("she broke her left ankle ages ago, healed fine. her neck is stiff", ["neck"]),
        ("it came on slowly, nothing to do with the knee", []),
    ],
)
def test_the_place_of_an_old_healed_injury_is_no_painful_place(
    text: str, places: list[str]
) -> None:
    painful = [t.value for t in find_terms(text) if t.entity == "body_part" and t.role != "denied"]
    assert painful == places


def test_the_side_of_an_old_healed_injury_is_no_side_of_now() -> None:
    text = "She did break her right wrist about 8 years ago, but it healed fine. Neck aches."
    assert [t.value for t in find_terms(text) if t.entity == "side"] == []
