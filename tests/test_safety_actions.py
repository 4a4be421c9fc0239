"""The safety actions: the check on every message, the advice, the screens, the assessment."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionAssessTdnFit
from actions.every_message import ActionEveryMessage
from actions.intake import ValidateIntakeForm
from actions.safety import (
    ActionAskContraindicationScreen,
    ActionAskRedFlagScreen,
    ActionRedFlagAdvice,
)
from clinic import safety
from clinic.safety import advice, answers, contraindications
from tests.conftest import DOMAIN, make_tracker, said, wording


def entities_of(text: str) -> list[dict[str, Any]]:
    """The entities addons.safety_screen would add for `text`."""
    from addons.safety_screen import entities_of

    return entities_of(safety.screen(text))


def slots_of(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def check(text: str, intent: str = "describe_pain", **tracker: Any) -> tuple[dict, str]:
    dispatcher = CollectingDispatcher()
    events = await ActionEveryMessage().run(
        dispatcher,
        make_tracker(text=text, intent=intent, entities=entities_of(text), **tracker),
        DOMAIN,
    )
    return slots_of(events), said(dispatcher)


async def test_a_red_flag_sets_the_triage_slots_and_is_advised_at_once(monkeypatch) -> None:
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    slots, text = await check("I can't pee and my back hurts", intent="red_flag")
    assert slots["triage_level"] == "emergency"
    assert slots["red_flags"] == ["cauda_equina"]
    assert "bladder_or_bowel_control" in slots["warning_signs"]
    assert "call 911 now" in text
    assert "emergency department" in text
    assert "dry needling" not in text.lower()
    assert len(text) < 400


async def test_mid_form_urgent_advice_offers_to_carry_on() -> None:
    slots, text = await check(
        "I've had a fever", intent="inform", slots={"body_part": "knee"}, requested_slot="side"
    )
    assert slots["triage_level"] == "urgent"
    assert "doctor today" in text
    assert "questions below" in text
    # An offer would take the "yes" meant for the question that follows it.
    assert "if you like" not in text.lower()


async def test_an_ordinary_message_changes_nothing() -> None:
    slots, text = await check("my neck is sore from the computer")
    assert "triage_level" not in slots
    assert "red_flags" not in slots
    assert text == ""


async def test_a_flag_from_a_sign_said_earlier_is_advised_at_once(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_EMERGENCY_NUMBER", "112")
    slots, text = await check(
        "and a bit of a temperature too",
        intent="inform",
        slots={"warning_signs": ["stiff_neck"]},
    )
    assert slots["triage_level"] == "emergency"
    assert slots["red_flags"][0] == "meningitis_signs"
    assert "112" in text


async def test_the_intake_is_context_for_the_rules() -> None:
    slots, _ = await check(
        "I've got a fever",
        intent="inform",
        slots={"body_part": "neck", "pain_quality": "stiffness"},
    )
    assert slots["triage_level"] == "emergency"


async def test_a_model_only_red_flag_is_asked_about_first() -> None:
    # Session 11 (outside run 19: "my freestyle stroke" sent a swimmer to a doctor today,
    # for "symptoms" never named, and it could not be put right): what only the model heard
    # is asked about directly; a yes is a doctor today, a no settles it.
    slots, text = await check("something feels very wrong with me", intent="red_flag")
    assert "triage_level" not in slots and "red_flags" not in slots
    assert slots["direct_question"] == "check_anything_else"
    assert "bladder" in text and "breathing" in text and "?" in text

    asked = {"direct_question": "check_anything_else", "asked_questions": ["check_anything_else"]}
    slots, text = await check("/affirm", intent="affirm", slots=asked)
    assert slots["triage_level"] == "urgent"
    assert slots["red_flags"] == ["possible_red_flag"]
    assert "doctor today" in text

    slots, text = await check("no, nothing like that", intent="deny", slots=asked)
    assert "triage_level" not in slots
    assert "other_warning" in slots["denied_signs"]
    settled = {"asked_questions": ["check_anything_else"], "denied_signs": ["other_warning"]}
    slots, text = await check("I feel so off today", intent="red_flag", slots=settled)
    assert "triage_level" not in slots and not slots.get("direct_question")


async def test_a_yes_that_names_a_sign_is_read_for_it() -> None:
    asked = {"direct_question": "check_anything_else", "asked_questions": ["check_anything_else"],
             "body_part": "lower_back"}  # fmt: skip
    slots, _ = await check("yes, I can't feel it when I wipe", intent="affirm", slots=asked)
    assert slots["triage_level"] == "emergency"
    assert "cauda_equina" in slots["red_flags"]


async def test_the_level_never_goes_down() -> None:
    slots, _ = await check(
        "I have had a fever",
        intent="red_flag",
        slots={"triage_level": "emergency", "red_flags": ["cardiac"]},
    )
    assert slots.get("triage_level", "emergency") == "emergency"
    assert slots["red_flags"] == ["cardiac", "infection"]


async def test_a_yes_to_a_screen_question_is_recorded() -> None:
    slots, _ = await check(
        "/affirm",
        intent="affirm",
        slots={"screen_question": "fever", "body_part": "lower_back"},
        requested_slot="red_flag_screen",
    )
    assert slots["warning_signs"] == ["fever"]
    assert slots["triage_level"] == "urgent"


# Session 33, written before the change (outside run 100 p08: "it was a car crash... but 2
# years ago!!" to "was it a serious accident?" called an ambulance for an old whiplash).
# A yes whose injury is told as long ago is no injury of now. My own words.
@pytest.mark.parametrize(
    ("question", "answer", "flagged"),
    [
        ("trauma", "yes, a car accident 2 yrs ago, whiplash", False),
        ("trauma", "yeah she got rear ended back in 2021, neck's never been right", False),
        ("neck_major_trauma", "a road crash yes. but that was 3 years ago", False),
        ("trauma", "yes a car crash last week", True),
        ("trauma", "yes", True),
    ],
)
async def test_a_yes_to_an_injury_long_ago_is_no_injury_of_now(
    question: str, answer: str, flagged: bool
) -> None:
    asked = {"screen_question": question, "body_part": "neck"}
    if question == "neck_major_trauma":
        asked = {"direct_question": question, "body_part": "neck", "warning_signs": ["neck_pain"]}
    slots, said_text = await check(
        answer, intent="affirm", slots=asked, requested_slot="red_flag_screen"
    )
    raised = "fracture" in (slots.get("red_flags") or [])
    assert raised is flagged, (slots, said_text)


async def test_a_no_to_a_screen_question_is_recorded_as_denied() -> None:
    slots, _ = await check(
        "no",
        intent="deny",
        slots={"screen_question": "bladder_or_bowel_control", "body_part": "lower_back"},
        requested_slot="red_flag_screen",
    )
    assert slots["denied_signs"] == ["bladder_or_bowel_control"]
    assert "triage_level" not in slots


async def test_contraindications_are_kept_and_denials_noted() -> None:
    slots, _ = await check("I take warfarin, I'm not pregnant", intent="inform")
    assert slots["contraindications"] == ["anticoagulants"]
    assert slots["denied_contraindications"] == ["pregnancy"]


# --- The advice -----------------------------------------------------------------------------


async def test_the_follow_up_repeats_the_advice_when_nothing_new_was_raised(monkeypatch) -> None:
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    state = {
        "triage_level": "emergency",
        "red_flags": ["cauda_equina"],
        "warning_signs": ["bladder_or_bowel_control"],
    }
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="I still can't pee", intent="red_flag", earlier_slots=state)
    await ActionRedFlagAdvice().run(dispatcher, tracker, DOMAIN)
    assert "call 911 now" in said(dispatcher)
    # Raised by this very message: the safety check has advised already.
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="I can't pee", intent="red_flag", slots=state)
    await ActionRedFlagAdvice().run(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages == []


async def test_after_urgent_advice_the_patient_is_invited_to_describe_the_pain() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="back pain and fever",
        intent="red_flag",
        slots={"triage_level": "urgent", "red_flags": ["infection"], "warning_signs": ["fever"]},
    )
    await ActionRedFlagAdvice().run(dispatcher, tracker, DOMAIN)
    assert "tell me about your pain" in said(dispatcher)


# Session 30, written before the change (outside run 85 p08: weight loss told at the name
# question of a booking, the intake done, got "If you like, you can still tell me about
# your pain"). Told already: no invitation to tell it.
async def test_no_invitation_to_tell_of_the_pain_once_told() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="he's lost 15 lbs without trying and sweats at night",
        intent="red_flag",
        slots={"triage_level": "urgent", "red_flags": ["cancer"], "warning_signs": ["weight_loss"],
               "body_part": "lower_back", "pain_quality": "aching", "tdn_fit": "assess_first"},
    )  # fmt: skip
    await ActionRedFlagAdvice().run(dispatcher, tracker, DOMAIN)
    assert "tell me about your pain" not in said(dispatcher)


async def test_crisis_advice(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_CRISIS_LINE", "116 123")
    slots, text = await check("I feel suicidal", intent="red_flag")
    assert slots["red_flags"] == ["suicidal_thoughts"]
    assert "116 123" in text


async def test_aftercare_answer_keeps_the_warning_and_the_number(monkeypatch) -> None:
    from actions.questions import ActionAnswerQuestion

    monkeypatch.setenv("CLINIC_EMERGENCY_NUMBER", "999")
    dispatcher = CollectingDispatcher()
    entities = [{"entity": "answer_topic", "value": "aftercare", "confidence_entity": 0.8}]
    tracker = make_tracker(intent="ask_aftercare", text="sore after?", entities=entities)
    await ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN)
    text = said(dispatcher)
    assert "72 hours" in text
    assert "bruise" in text
    assert "short of breath" in text
    assert "999" in text


# --- The screens in the intake form ---------------------------------------------------------

BACK_PAIN = {
    "body_part": "lower_back",
    "pain_quality": "aching",
    "pain_radiates": False,
}


async def required(slots: dict[str, Any]) -> list[str]:
    tracker = make_tracker(slots=slots, requested_slot="pain_duration")
    return await ValidateIntakeForm().required_slots([], CollectingDispatcher(), tracker, DOMAIN)


async def test_the_screen_comes_after_the_pain_and_before_the_checklist() -> None:
    questions = await required(BACK_PAIN)
    assert questions.index("red_flag_screen") > questions.index("pain_severity")
    assert questions[-2:] == ["red_flag_screen", "contraindication_screen"]


async def test_a_knee_gets_its_own_screen_and_the_contraindications() -> None:
    questions = await required({"body_part": "knee", "side": "left"})
    assert "red_flag_screen" in questions
    assert "contraindication_screen" in questions
    asked = [q.name for q in safety.screen_questions("knee", None, [], [])]
    assert asked[0] == "knee_injury"
    assert "saddle_numbness" not in asked


async def test_nothing_more_is_asked_after_an_emergency() -> None:
    assert await required({**BACK_PAIN, "triage_level": "emergency"}) == []


async def test_the_screen_is_asked_as_a_checklist_of_one_block() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={**BACK_PAIN, "denied_signs": ["saddle_numbness"]})
    events = await ActionAskRedFlagScreen().run(dispatcher, tracker, DOMAIN)
    # The rest of the back's nerve block; the signs of serious illness come as the next list.
    assert slots_of(events) == {
        "screen_question": "checklist:bladder_or_bowel_control+both_legs+worsening_weakness"
    }
    assert said(dispatcher).count("\n• ") == 3 and "fever" not in said(dispatcher)
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert payloads == ["/deny", "/affirm", "/inform"]


async def test_a_line_asked_on_its_own_after_a_yes_comes_with_yes_and_no() -> None:
    dispatcher = CollectingDispatcher()
    one_by_one = ["saddle_numbness", "bladder_or_bowel_control"]
    tracker = make_tracker(slots={**BACK_PAIN, "screen_one_by_one": one_by_one})
    events = await ActionAskRedFlagScreen().run(dispatcher, tracker, DOMAIN)
    assert slots_of(events) == {"screen_question": "saddle_numbness"}
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/affirm", "/deny"]


NERVE_LIST = {
    "screen_question": "checklist:saddle_numbness+bladder_or_bowel_control+both_legs"
    "+worsening_weakness",
    "body_part": "lower_back",
}


@pytest.mark.parametrize("answer", ["no", "none of those", "nope, nothing like that", "No to all"])
async def test_a_clear_no_to_the_checklist_denies_every_line(answer: str) -> None:
    slots, _ = await check(
        answer, intent="deny", slots=NERVE_LIST, requested_slot="red_flag_screen"
    )
    assert {"saddle_numbness", "bladder_or_bowel_control", "both_legs_nerve"} <= set(
        slots["denied_signs"]
    )
    assert "worsening_weakness" in slots["denied_signs"] and not slots.get("triage_level")


@pytest.mark.parametrize(
    ("answer", "intent"),
    [("yes", "affirm"), ("not sure", "inform"), ("hmm maybe one of them", "inform"),
     ("no... well sort of", "inform")],
)  # fmt: skip
async def test_anything_but_a_clear_no_asks_the_lines_one_by_one(answer: str, intent: str) -> None:
    slots, _ = await check(
        answer, intent=intent, slots=NERVE_LIST, requested_slot="red_flag_screen"
    )
    assert len(slots["screen_one_by_one"]) == 4
    assert not set(slots.get("denied_signs") or []) & {"saddle_numbness", "both_legs_nerve"}


async def test_an_answer_that_says_none_of_it_gets_the_list_again_then_one_by_one() -> None:
    slots, _ = await check(
        "tuesday at 9", intent="inform", slots=NERVE_LIST, requested_slot="red_flag_screen"
    )
    assert slots == {"screen_unsure": NERVE_LIST["screen_question"]}
    again = {**NERVE_LIST, "screen_unsure": NERVE_LIST["screen_question"]}
    slots, _ = await check(
        "Anna Smith", intent="inform", slots=again, requested_slot="red_flag_screen"
    )
    assert len(slots["screen_one_by_one"]) == 4 and not slots.get("warning_signs")


async def test_a_line_named_in_the_answer_is_a_yes_and_the_rest_come_one_by_one(
    monkeypatch,
) -> None:
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    slots, text = await check(
        "yes, it's numb down there when I wipe", intent="affirm", slots=NERVE_LIST,
        requested_slot="red_flag_screen",
    )  # fmt: skip
    assert slots["triage_level"] == "emergency" and "911" in text
    assert "saddle_numbness" not in slots["screen_one_by_one"]


async def validate_screen(slots: dict[str, Any], text: str, intent: str) -> tuple[dict, str]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=slots, text=text, intent=intent, requested_slot="red_flag_screen")
    result = ValidateIntakeForm().validate_red_flag_screen(text, dispatcher, tracker, DOMAIN)
    return result, said(dispatcher)


async def test_an_answered_question_moves_on_to_the_next() -> None:
    slots = {**BACK_PAIN, "screen_question": "saddle_numbness", "denied_signs": ["saddle_numbness"]}
    result, text = await validate_screen(slots, "no", "deny")
    assert result == {"red_flag_screen": None, "failed_attempts": 0}
    assert text == ""


async def test_the_screen_is_done_when_every_question_is_answered() -> None:
    answered = [q.sign for q in safety.screen_questions("lower_back", None, [], [])]
    slots = {**BACK_PAIN, "screen_question": "night_pain", "denied_signs": answered}
    result, _ = await validate_screen(slots, "no", "deny")
    assert result["red_flag_screen"] is True
    assert result["triage_level"] == "routine"


SADDLE_ASKED = {"screen_question": "saddle_numbness", "body_part": "lower_back"}


@pytest.mark.parametrize("answer", ["a bit when i wipe", "i think so", "yeah a little"])
async def test_a_described_or_partial_yes_to_a_screen_question_escalates(answer: str) -> None:
    slots, text = await check(
        answer, intent="inform", slots=SADDLE_ASKED, requested_slot="red_flag_screen"
    )
    assert "saddle_numbness" in slots["warning_signs"]
    assert slots["triage_level"] == "emergency"
    assert "emergency department" in text


# Session 30, written before the change (outside run 85 p08's sequel, run 86 p08: "maybe yes?
# no cancer" to "ever had cancer, or lost weight recently without trying?" was told "pain
# together with a history of cancer" and "your cancer team"; "i said NO cancer"). A yes
# beside a no to part of the question is a yes to the other part. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "maybe yes? she's lost weight, her clothes hang off her. no cancer though",
        "yes to the weight, she's dropped a dress size without trying, but never had cancer",
    ],
)
async def test_a_yes_to_part_of_a_question_records_that_part(text: str) -> None:
    asked = {"screen_question": "cancer", "body_part": "lower_back"}
    slots, said_text = await check(
        text, intent="inform", slots=asked, requested_slot="red_flag_screen"
    )
    for _ in range(2):  # an unsure answer is asked once more, then taken as possible
        if "warning_signs" in slots:
            break
        asked = {**asked, **slots}
        slots, said_text = await check(
            text, intent="inform", slots=asked, requested_slot="red_flag_screen"
        )
    assert "cancer_history" not in slots.get("warning_signs", []), slots
    assert {"weight_loss", "losing_weight"} & set(slots.get("warning_signs", [])), slots
    assert "cancer team" not in said_text and "history of cancer" not in said_text


async def test_a_shrug_is_asked_again_plainly_then_taken_as_possible(monkeypatch) -> None:
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    slots, text = await check(
        "kinda i guess?", intent="inform", slots=SADDLE_ASKED, requested_slot="red_flag_screen"
    )
    assert slots == {"screen_unsure": "saddle_numbness"}
    assert text == ""
    # The form keeps the question open (never skipped) and asks it again, plainly.
    result, reply = await validate_screen(SADDLE_ASKED, "kinda i guess?", "inform")
    assert result == {"red_flag_screen": None, "failed_attempts": 0}
    assert "physiotherapist" not in reply
    dispatcher = CollectingDispatcher()
    unsure_once = {**SADDLE_ASKED, "screen_unsure": "saddle_numbness"}
    await ActionAskRedFlagScreen().run(dispatcher, make_tracker(slots=unsure_once), DOMAIN)
    assert "need to be sure" in said(dispatcher)
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]][-1] == "I'm not sure"
    # Unsure again: possible, with the advice of the level the question guards.
    slots, text = await check(
        "not sure", intent="inform", slots=unsure_once, requested_slot="red_flag_screen"
    )
    assert slots["unclear_signs"] == ["saddle_numbness"]
    assert slots["triage_level"] == "emergency"
    assert "can't rule it out" in text
    assert "call 911 now" in text
    # Session 30 (outside run 84 p07: "What you describe (...)" after "I'm not sure", and
    # "Hang on, I never said tearing"): what the patient was not sure of, said as such.
    assert "What you describe" not in text and "not sure" in text


async def test_a_yes_taken_back_is_asked_again_and_only_a_no_withdraws_it(monkeypatch) -> None:
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    slots, text = await check(
        "/affirm", intent="affirm", slots=SADDLE_ASKED, requested_slot="red_flag_screen"
    )
    assert slots["triage_level"] == "emergency"
    assert slots["raised_by_answer"] == "saddle_numbness"
    raised = {**SADDLE_ASKED, **slots, "red_flag_screen": True, "tdn_fit": "not_advised"}
    # "Oops, wrong button": nothing is dropped yet, the question is asked once more.
    slots, text = await check("oops wrong button, I meant no", intent="deny", slots=raised)
    assert slots["direct_question"] == slots["rechecking"] == "saddle_numbness"
    assert "triage_level" not in slots  # still an emergency until answered
    assert "answer once more" in text
    assert "numb" in text  # the question itself
    rechecking = {**raised, **slots}
    # Answered no: the sign is withdrawn, the level falls, staff see the correction.
    slots, text = await check("no", intent="deny", slots=rechecking)
    assert slots["warning_signs"] == []
    assert slots["corrected_signs"] == ["saddle_numbness"]
    assert "saddle_numbness" in slots["denied_signs"]
    assert slots["red_flags"] == []
    assert slots["triage_level"] is None
    assert slots["red_flag_screen"] is None  # the other screen questions still come
    assert slots["tdn_fit"] is None  # assessed again when the intake ends
    assert "putting that right" in text and "call 911" in text  # what to do if it does happen
    # Answered yes (or unsure) again: the emergency stands.
    slots, text = await check("well actually yes a bit", intent="affirm", slots=rechecking)
    assert slots.get("triage_level", "emergency") == "emergency"
    assert "corrected_signs" not in slots
    assert slots["rechecking"] is None


async def test_a_yes_is_open_to_taking_back_only_in_the_message_after_it(monkeypatch) -> None:
    """Session 31 (outside run 88 p01: a yes to a warning sign, then the needling checklist's
    own Yes pressed by mistake, then "sorry wrong button, none of them apply" asked the
    warning sign "once more"). My words: a man writing about his back."""
    monkeypatch.delenv("CLINIC_EMERGENCY_NUMBER", raising=False)
    slots, _ = await check(
        "/affirm", intent="affirm", slots=SADDLE_ASKED, requested_slot="red_flag_screen"
    )
    raised = {**SADDLE_ASKED, **slots, "red_flag_screen": True}
    tracker = make_tracker(
        text="oops, pressed the wrong one. no none of those",
        intent="deny",
        earlier_texts=["/affirm"],
        earlier_slots=raised,
        requested_slot="contraindication_screen",
    )
    # The checklist's own Yes came in between (asked "Which ones?").
    tracker.events.insert(-1, {"event": "user", "text": "/affirm"})
    dispatcher = CollectingDispatcher()
    events = await ActionEveryMessage().run(dispatcher, tracker, DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert not slots.get("rechecking") and "once more" not in said(dispatcher)
    assert slots.get("triage_level", "emergency") == "emergency"


@pytest.mark.parametrize(
    ("places", "question"),
    [
        # Session 12, written before the change (outside run 22's unsafe kind, new wording):
        # out of breath with effort, where the heart's pain may show, asks whether the
        # pain comes with effort too; with the low back alone it asks nothing of it.
        ({"body_part": "neck", "radiates_to": "jaw"}, "check_exertion_breathless"),
        ({"body_part": "shoulder", "side": "left"}, "check_exertion_breathless"),
        ({"body_part": "lower_back"}, None),
    ],
)
async def test_breathless_with_effort_asks_about_effort_where_the_heart_may_show(
    places: dict, question: str | None
) -> None:
    text = "I get a bit puffed going up stairs these days but I'm just unfit"
    slots, said_text = await check(text, intent="inform", slots=places)
    assert slots.get("direct_question") == question
    assert said_text.count("?") == (1 if question else 0)


HEADACHE_INTAKE = {"body_part": "head", "pain_quality": "tightness"}


@pytest.mark.parametrize(
    "text",
    [
        # Session 12, written before the change (outside run 22's kind, new wordings): words
        # of change about something else are no changed headache.
        "I've changed my mind, can I book after all?",
        "could we do a different day, Friday maybe?",
        "it's the first time I've tried physio",
        "I've never had dry needling before, does it hurt?",
    ],
)
async def test_words_of_change_about_something_else_raise_nothing(text: str) -> None:
    slots, said_text = await check(text, intent="inform", slots=HEADACHE_INTAKE)
    assert "triage_level" not in slots and "red_flags" not in slots, said_text
    assert not slots.get("direct_question"), said_text


async def test_a_change_without_the_headaches_named_is_asked_about() -> None:
    slots, said_text = await check(
        "they've been different lately, more often", intent="inform", slots=HEADACHE_INTAKE
    )
    assert slots.get("direct_question") or slots.get("triage_level") == "urgent", said_text


# A fall at 72 (session 18: a minor fall alone holds no flag, `check_fall_how` asks).
FALL_READ = {
    "body_part": "lower_back", "warning_signs": ["back_pain", "trauma", "aged_65_plus"],
    "red_flags": ["fracture"], "triage_level": "urgent",
}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "I did not fall at all",
        "hang on, there was no fall, I just twisted",
        "I slipped but never fell, nothing hit me",  # said and denied at once: asked
    ],
)
async def test_a_no_to_the_sign_that_holds_a_flag_asks_it_once_more(text: str) -> None:
    slots, said_text = await check(text, intent="deny", slots=FALL_READ)
    assert slots["rechecking"] == slots["direct_question"] == "trauma"
    assert "triage_level" not in slots  # still urgent until the question is answered
    assert "fall" in said_text


@pytest.mark.parametrize(
    "text",
    [
        # Session 12, written before the change: the sign that holds a flag, told later as
        # long over or someone else's, is asked once more as a no would be.
        "the crash I mentioned was back in 2019, I was fine after it",
        "that fall was years ago, I got over it",
        "my husband is the one who fell, not me",
    ],
)
async def test_a_sign_that_holds_a_flag_told_as_over_or_another_s_asks_it_once_more(
    text: str,
) -> None:
    slots, _ = await check(text, intent="inform", slots=FALL_READ)
    assert slots["rechecking"] == slots["direct_question"] == "trauma"


async def test_a_no_to_what_a_held_sign_is_about_asks_it_once_more() -> None:
    # Session 12, written before the change (outside run 22's kind, new wording): "peeing
    # is normal" says no to the bladder, the concept the held bladder sign was read from.
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "bladder_or_bowel_control"],
        "red_flags": ["cauda_equina"], "triage_level": "emergency",
    }  # fmt: skip
    slots, _ = await check("wee-ing is totally normal, I only meant my leg", slots=held)
    assert slots["rechecking"] == slots["direct_question"]
    assert safety.question_named(slots["rechecking"]).sign in (
        "bladder_or_bowel_control",
        "saddle_numbness",
    )


def test_a_sign_told_as_long_over_is_set_aside_not_said() -> None:
    from addons.safety_screen import entities_of as entities

    found = entities(safety.screen("that fall was years ago, I got over it"))
    roles = {(e["value"], e.get("role")) for e in found if e["entity"] == "warning_sign"}
    assert roles == {("trauma", "set_aside")}


async def test_a_no_to_a_sign_the_flag_does_not_stand_on_asks_nothing() -> None:
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "saddle_numbness"],
        "red_flags": ["cauda_equina"], "triage_level": "emergency",
    }  # fmt: skip
    slots, _ = await check("no trouble peeing though", intent="inform", slots=held)
    assert "rechecking" not in slots and "direct_question" not in slots
    assert slots.get("triage_level", "emergency") == "emergency"


# Session 30, written before the change (outside run 84 p02, unsafe: "its not even that
# numb" after 911 for numbness when wiping was read as a no to the numbness, the question
# was asked once more "to be sure", and a click on No withdrew the emergency). A sign said
# to be less than the word ("not that numb", "not numb numb, just duller") is still there:
# nothing is asked again and the advice stands. My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        "honestly it isn't that numb, can I book for thursday instead?",
        "its not very numb tbh, just a bit less feeling",
        "it's not numb numb, more muffled. I'd rather wait and see",
        "well it's not all that numb",
    ],
)
async def test_a_sign_said_to_be_less_is_no_no(text: str) -> None:
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "saddle_numbness"],
        "red_flags": ["cauda_equina"], "triage_level": "emergency",
        "raised_by_answer": "saddle_numbness", "asked_questions": ["saddle_numbness"],
    }  # fmt: skip
    slots, said_text = await check(text, intent="inform", slots=held)
    assert "rechecking" not in slots and "corrected_signs" not in slots, said_text
    assert slots.get("triage_level", "emergency") == "emergency"
    assert "once more" not in said_text


@pytest.mark.parametrize("text", ["no", "no I won't call", "is it really that serious?"])
async def test_only_a_clear_take_back_reopens_a_yes(text: str) -> None:
    raised = {
        **SADDLE_ASKED, "warning_signs": ["saddle_numbness"], "red_flags": ["cauda_equina"],
        "triage_level": "emergency", "raised_by_answer": "saddle_numbness",
    }  # fmt: skip
    slots, _ = await check(text, intent="deny", slots=raised)
    assert "rechecking" not in slots and "direct_question" not in slots
    assert slots.get("triage_level", "emergency") == "emergency"


async def test_a_known_flag_that_becomes_more_urgent_is_advised_again() -> None:
    slots, text = await check(
        "my chest feels like pressure now and it spreads to my left arm",
        slots={"red_flags": ["cardiac"], "triage_level": "urgent", "warning_signs": ["chest_pain"]},
    )
    assert slots["triage_level"] == "emergency"
    assert "straight away" in text


async def test_an_answer_to_a_screen_question_keeps_what_the_intake_knows() -> None:
    slots, _ = await check(
        "the last few days I need to go but barely anything comes out",
        intent="inform",
        slots=SADDLE_ASKED,
        earlier_slots={"pain_duration": "six weeks", "pain_duration_days": 42},
        requested_slot="red_flag_screen",
    )
    assert "pain_duration" not in slots
    assert "pain_duration_days" not in slots


async def test_the_contraindication_checklist() -> None:
    dispatcher = CollectingDispatcher()
    await ActionAskContraindicationScreen().run(dispatcher, make_tracker(), DOMAIN)
    assert "pregnancy" in said(dispatcher)
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [
        "None of these",
        "Yes, one or more",
    ]
    # A plain yes to the list gets asked which ones.
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="affirm",
        requested_slot="contraindication_screen",
        earlier_slots={"requested_slot": "contraindication_screen"},
    )
    await ActionAskContraindicationScreen().run(dispatcher, tracker, DOMAIN)
    assert "Which ones" in said(dispatcher)
    # Session 10 (outside run 16, #12): a yes to the screen's last question, just before
    # the list, gets the list.
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="affirm",
        requested_slot="contraindication_screen",
        earlier_slots={"requested_slot": "red_flag_screen"},
    )
    await ActionAskContraindicationScreen().run(dispatcher, tracker, DOMAIN)
    assert "Which ones" not in said(dispatcher) and "pregnancy" in said(dispatcher)


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("none of these", "deny", "none"),
        # Session 10: one named to the whole list asks once about the others (outside run
        # 16); named as the only one, the list is answered.
        ("I take warfarin", "inform", None),
        ("only warfarin, nothing else", "inform", "reported"),
        ("yes", "affirm", None),
        ("not sure", "inform", "unclear"),
    ],
)
async def test_contraindication_answers(text: str, intent: str, expected: str | None) -> None:
    tracker = make_tracker(
        text=text,
        intent=intent,
        entities=entities_of(text),
        requested_slot="contraindication_screen",
    )
    result = ValidateIntakeForm().validate_contraindication_screen(
        text, CollectingDispatcher(), tracker, DOMAIN
    )
    assert result["contraindication_screen"] == expected


async def test_after_one_named_the_checklist_asks_about_the_others() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"contraindications": ["pregnancy"]})
    await ActionAskContraindicationScreen().run(dispatcher, tracker, DOMAIN)
    assert "You've told me about: pregnancy" in said(dispatcher)
    assert "do any others of these apply" in said(dispatcher)
    assert dispatcher.messages[0]["buttons"][0]["title"] == "No others"
    # "No others" keeps what was named: the checklist is reported, not "none".
    tracker = make_tracker(
        text="no others", intent="deny", slots={"contraindications": ["pregnancy"]},
        requested_slot="contraindication_screen",
    )  # fmt: skip
    result = ValidateIntakeForm().validate_contraindication_screen(
        "no others", CollectingDispatcher(), tracker, DOMAIN
    )
    assert result["contraindication_screen"] == "reported"


# --- The assessment with safety -------------------------------------------------------------


async def assess(slots: dict[str, Any], earlier: dict[str, Any] | None = None) -> tuple[dict, str]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=slots, earlier_slots=earlier)
    events = await ActionAssessTdnFit().run(dispatcher, tracker, DOMAIN)
    return slots_of(events), said(dispatcher)


NECK = {"body_part": "neck", "pain_quality": "aching", "pain_radiates": False}


async def test_routine_assessment_sets_routine_and_offers() -> None:
    slots, text = await assess(NECK)
    assert slots == {"tdn_fit": "likely", "consultation_offered": True, "triage_level": "routine"}
    assert wording("utter_offer_consultation") in text


async def test_an_absolute_contraindication_makes_it_not_advised_but_still_offers() -> None:
    slots, text = await assess({**NECK, "contraindications": ["needle_phobia"]})
    assert slots["tdn_fit"] == "not_advised"
    assert slots["consultation_offered"] is True
    assert "fear of needles" in text


async def test_a_relative_contraindication_makes_it_assess_first() -> None:
    slots, text = await assess({**NECK, "contraindications": ["pregnancy"]})
    assert slots["tdn_fit"] == "assess_first"
    assert "pregnancy" in text


async def test_urgent_makes_it_assess_first_doctor_first() -> None:
    slots, text = await assess({**NECK, "triage_level": "urgent"})
    assert slots["tdn_fit"] == "assess_first"
    assert "doctor first" in text


async def test_no_recommendation_after_an_emergency() -> None:
    # The advice was given for this very message: nothing more is said.
    slots, text = await assess({**NECK, "triage_level": "emergency"})
    assert slots == {"tdn_fit": "not_advised", "consultation_offered": False}
    assert text == ""
    # Later, a new pain description only gets the reminder.
    slots, text = await assess(NECK, earlier={"triage_level": "emergency"})
    assert slots["tdn_fit"] == "not_advised"
    assert "emergency" in text
    assert "dry needling may help" not in text.lower()


async def test_an_off_topic_answer_is_asked_again_and_never_counts_as_possible_at_once() -> None:
    asked = {"screen_question": "saddle_numbness", "body_part": "lower_back"}
    slots, _ = await check("5", intent="inform", slots=asked, requested_slot="red_flag_screen")
    assert slots == {"screen_unsure": "saddle_numbness?"}
    once = {**asked, "screen_unsure": "saddle_numbness?"}
    slots, _ = await check(
        "Anna Smith", intent="inform", slots=once, requested_slot="red_flag_screen"
    )
    assert slots == {"screen_unsure": "saddle_numbness??"} and not slots.get("triage_level")
    # A third answer that still says nothing: possible, with its advice (never a no).
    twice = {**asked, "screen_unsure": "saddle_numbness??"}
    slots, _ = await check(
        "tuesday", intent="inform", slots=twice, requested_slot="red_flag_screen"
    )
    assert slots["unclear_signs"] == ["saddle_numbness"] and slots["triage_level"] == "emergency"


async def test_a_later_no_takes_a_recorded_precaution_back_and_says_so() -> None:
    slots, text = await check(
        "no, HE is not on blood thinners. only the needle fear",
        intent="inform",
        slots={"contraindications": ["anticoagulants", "needle_phobia"]},
    )
    assert slots["contraindications"] == ["needle_phobia"]
    assert "anticoagulants" in slots["denied_contraindications"]
    named = " and ".join(contraindications.labels(["anticoagulants"]))
    assert wording("utter_precaution_taken_off", named=named) in text


# Session 29, written before the change (outside run 78 p03: "he's only a bit nervous, he's
# had vaccines fine and never fainted... is that really a no?" after "a fear of needles...
# isn't advised for him" got what needling treats, then "I don't know"). Nerves said of a
# fear already held take it back, even without the word "needles" again; a strong fear or
# fainting keeps it. My own wordings.
@pytest.mark.parametrize(
    ("text", "taken_back"),
    [
        ("honestly it's more nerves than a fear, she's had all her jabs", True),
        ("well, a little scared maybe, but he gets his flu shot every year", True),
        ("it's not a real phobia, i'm just a bit uneasy about it", True),
        ("no no, she's only slightly anxious, she wants to try it", True),
        ("no it really is bad, she panics and went white at her last blood test", False),
        ("yes, he's properly scared of them", False),
        ("she's a bit tired today, sorry", False),
        # Session 32, written before the change (outside run 95 p07: "im not scared of
        # needles i just got woozy once when they took like 4 tubes of blood" took the
        # fainting off the list). Nearly fainting keeps it. My wording.
        ("she is not scared of needles, she just went lightheaded at a blood test once", False),
        # Session 34, written before the change (outside run 106 p08: "she doesn't actually
        # faint, she just got dizzy once, and she kind of wants to try the needles" after
        # "If it's more a bit of nerves, just tell me" changed nothing). My wordings.
        ("she doesn't really faint, she felt a bit dizzy once and would like to try it", True),
        ("he does not actually pass out, he just hates them a little", True),
    ],
)
async def test_nerves_said_later_take_a_held_fear_of_needles_back(
    text: str, taken_back: bool
) -> None:
    held = {"contraindications": ["needle_phobia"]}
    slots, said_text = await check(text, intent="inform", slots=held)
    kept = slots.get("contraindications", held["contraindications"])
    assert ("needle_phobia" not in kept) is taken_back, slots
    named = " and ".join(contraindications.labels(["needle_phobia"]))
    assert (wording("utter_precaution_taken_off", named=named) in said_text) is taken_back


# Session 29, written before the change (outside run 78 p03's kind, and warfarin said to be
# a husband's after the verdict: "Thanks for putting that right", then "Sorry, I didn't quite
# understand"). A precaution taken back after the verdict gets the verdict again; within the
# intake the form carries on by itself.
async def test_a_precaution_taken_back_after_the_verdict_calls_for_the_verdict_again() -> None:
    after = {"contraindications": ["anticoagulants"], "tdn_fit": "possible_with_caution"}
    text = "sorry, I'm not on warfarin, that was my husband's"
    slots, _ = await check(text, intent="nlu_fallback", slots=after)
    assert slots["contraindications"] == []
    assert slots.get("next_step") == "action_assess_tdn_fit"
    slots, _ = await check(
        text,
        intent="nlu_fallback",
        slots={"contraindications": ["anticoagulants"]},
        requested_slot="contraindication_screen",
    )
    assert slots["contraindications"] == [] and not slots.get("next_step")


# Session 30, written before the change (outside run 85 p06: "yes please, saturday... and fyi
# I don't have diabetes now, only last pregnancy" after a pregnancy's verdict got the offer
# again). A precaution taken off that changes nothing of the verdict asks for none.
async def test_a_precaution_taken_off_that_changes_no_verdict_asks_for_none() -> None:
    from actions.assessment import assessed

    held = {"body_part": "lower_back", "pain_quality": "aching", "pain_severity": 5,
            "contraindications": ["pregnancy", "diabetes"]}  # fmt: skip
    fit = assessed(make_tracker(slots=held), None, ["pregnancy", "diabetes"]).tdn_fit
    text = "yes please. and fyi no diabetes now, that was only in my last pregnancy"
    slots, said_text = await check(text, intent="affirm", slots={**held, "tdn_fit": fit})
    assert slots["contraindications"] == ["pregnancy"], slots
    assert not slots.get("next_step"), slots
    assert "diabetes off" in said_text


# Session 29, written before the change (outside run 79 p07, unsafe: "took her temp 102"
# after her worst headache and a sore neck got a doctor today and the intake's next
# question). A fever and a headache or a painful neck told in different messages, in either
# order, ask the meningitis question at once. My own wordings.
@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("he feels hot, i just checked, 39.2",
         {"body_part": "head", "warning_signs": ["headache"]}),
        ("and she's running a temperature now", {"body_part": "neck"}),
        ("his head is pounding now as well",
         {"body_part": "lower_back", "warning_signs": ["fever"], "triage_level": "urgent",
          "red_flags": ["infection"]}),
    ],
)  # fmt: skip
async def test_a_fever_and_a_headache_told_apart_ask_about_meningitis(
    text: str, slots: dict[str, Any]
) -> None:
    changed, said_text = await check(text, intent="inform", slots=slots, requested_slot="side")
    assert (changed.get("direct_question") or "").startswith("check_meningitis"), changed
    assert "neck stiff" in said_text or "stiff neck" in said_text, said_text


# Session 29, written before the change (outside run 79 p01: "my waterworks have been a bit
# funny since Thursday" after 911 for pain down both legs got the advice again with no word
# of it). Under emergency advice no question is asked; what it would have asked about, if
# it adds to the advice held, is thanked for and named. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["also the wee has been a bit odd the last couple of days", "and my bladder feels weird"],
)
async def test_a_sign_touched_under_emergency_advice_is_named_not_passed_over(text: str) -> None:
    emergency = {"triage_level": "emergency", "red_flags": ["cauda_equina"],
                 "warning_signs": ["back_pain", "both_legs_pain"]}  # fmt: skip
    _, said_text = await check(text, intent="inform", slots=emergency)
    assert "Thank you for telling me" in said_text and "bladder" in said_text, said_text


# Session 29, written before the change (outside run 80 p01: a daughter's "She's also been
# losing weight, about 6 kilos in 2 months and she's not dieting" for her mother of 74 was
# passed over, then asked for). Written for someone, her weight lost is the patient's.
async def test_weight_lost_told_of_the_patient_by_a_relative_counts() -> None:
    for text in (
        "no it stays put. he's dropped about 5 kilos since september and he isn't dieting",
        "no. He's also been losing weight, 4 kilos in the last 2 months, and he isn't dieting",
    ):
        slots, _ = await check(
            text, intent="inform",
            earlier_texts=["hi I'm writing for my dad, 78, his lower back has hurt for a month"],
        )  # fmt: skip
        assert "weight_loss" in slots.get("warning_signs", []), (text, slots)


# Session 34, written before the change (outside run 106 p03 and p07: a daughter writing for
# her father read "the physiotherapist checks where your implant is first", "Keep taking
# your medicine"). What a precaution means is said of the patient written for.
async def test_a_precaution_for_someone_else_speaks_of_them() -> None:
    from actions.safety import ActionAnswerPrecaution

    said_now = "he's on apixaban and has a new knee"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=said_now,
        intent="inform",
        entities=entities_of(said_now),
        earlier_texts=["hi I'm writing for my dad, 81, his lower back has hurt for a month"],
    )
    await ActionAnswerPrecaution().run(dispatcher, tracker, DOMAIN)
    text = said(dispatcher)
    assert "his implant" in text and "his medicine" in text, text
    assert "your implant" not in text and "your medicine" not in text


# Session 34, written before the change (outside runs 105 p07 and 106 p08: "do you treat
# teenagers? my daughter is 15..." got the under-18s twice in one turn, in two near-identical
# paragraphs). A precaution the question's answer has just said is not said again.
async def test_a_precaution_the_answer_just_gave_is_not_said_again() -> None:
    from actions.safety import ActionAnswerPrecaution
    from clinic import knowledge

    text = "is needling ok for teenagers? my son is 15 and his back is sore"
    answered = knowledge.answer_text(knowledge.topic_named("children"), knowledge.clinic_values())
    tracker = make_tracker(text=text, intent="ask_clinic", entities=entities_of(text))
    tracker.events.append({"event": "bot", "text": answered})
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerPrecaution().run(dispatcher, tracker, DOMAIN)
    assert "under 18" not in said(dispatcher).lower(), said(dispatcher)
    assert "under_18" in slots_of(events).get("precautions_explained", [])


async def test_a_doctors_check_after_emergency_advice_is_confirmed_then_booking_opens() -> None:
    from actions.booking import ActionStartBooking
    from actions.safety import ActionEmergencyFollowUp

    said_it = "the ER saw me this morning and said physio is fine"
    emergency = {"triage_level": "emergency", "red_flags": ["cauda_equina"],
                 "warning_signs": ["bladder_or_bowel_control"]}  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text=said_it, intent="inform", earlier_slots=emergency), DOMAIN
    )
    # First the direct question, with the advice in the same breath; nothing noted yet.
    assert slots_of(events)["doctor_check_claimed"] == said_it
    assert "doctor_checked" not in slots_of(events)
    assert "after they began" in said(dispatcher) and "call 911" in said(dispatcher)
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == ["Yes", "No"]

    dispatcher = CollectingDispatcher()
    claimed = {**emergency, "doctor_check_claimed": said_it}
    events = await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text="yes", intent="affirm", slots=claimed), DOMAIN
    )
    assert slots_of(events)["doctor_checked"] == said_it
    assert slots_of(events)["doctor_check_claimed"] is None
    assert "noted" in said(dispatcher) and "call 911" in said(dispatcher)

    booking = CollectingDispatcher()
    after = {**emergency, "doctor_checked": said_it}
    events = await ActionStartBooking().run(
        booking, make_tracker(text="can I book now?", intent="request_booking", slots=after), DOMAIN
    )
    assert slots_of(events)["booking_readiness"] != "emergency"


@pytest.mark.parametrize(
    ("answer", "intent"),
    [
        ("no", "deny"),
        ("yes but it's worse now", "affirm"),
        ("she looked at my back, the numbness only started after", "inform"),
        ("not sure", "inform"),
        ("what do you mean", "ask_clinic"),
    ],
)
async def test_a_doctors_check_not_confirmed_keeps_the_advice(answer: str, intent: str) -> None:
    from actions.safety import ActionEmergencyFollowUp

    claimed = {"triage_level": "emergency", "red_flags": ["cauda_equina"],
               "doctor_check_claimed": "urgent care saw me"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text=answer, intent=intent, slots=claimed), DOMAIN
    )
    assert "doctor_checked" not in slots_of(events)
    assert slots_of(events)["doctor_check_claimed"] is None
    assert "call 911 now" in said(dispatcher) and "noted" not in said(dispatcher)


# Session 33, written before the change (outside run 101 p06: at 22 weeks with her belly
# going hard, "no she just said it in general" to the check's question got "call 911 now or
# go to the nearest emergency department"; "I already went!! the doctor saw me" minutes
# after "ok ok calling L&D now" got the same paragraph, word for word). The maternity unit
# stays the place; a check claimed after a plan is answered, the advice kept.
async def test_a_check_not_confirmed_in_labour_keeps_the_maternity_unit() -> None:
    from actions.safety import ActionEmergencyFollowUp

    claimed = {"triage_level": "emergency", "red_flags": ["preterm_labour"],
               "warning_signs": ["pregnant_now", "bump_tightening"],
               "doctor_check_claimed": "my OB said braxton hicks are normal"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text="no, that was at my 20 week visit", intent="deny",
                                 slots=claimed), DOMAIN,
    )  # fmt: skip
    assert "give birth" in said(dispatcher), said(dispatcher)


def test_a_check_claimed_just_after_a_plan_is_answered_with_the_way_to_book() -> None:
    reply = advice.emergency_follow_up(
        "back from the hospital, they checked her over and said physio is fine",
        ["preterm_labour"], "911", "988", clinic_phone="+1 212 555 0100", repeats=2,
        check_planned_before=True,
    )  # fmt: skip
    assert "+1 212 555 0100" in reply
    assert "give birth" in reply
    assert "glad" in reply.lower()


async def test_a_doctors_visit_after_urgent_advice_is_noted_not_read_as_waiting() -> None:
    from actions.safety import ActionEmergencyFollowUp

    said_it = "a doctor checked me on tuesday and x-rayed it, nothing broken"
    urgent = {"triage_level": "urgent", "red_flags": ["fracture"], "warning_signs": ["trauma"]}
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text=said_it, intent="inform", earlier_slots=urgent), DOMAIN
    )
    assert slots_of(events)["doctor_checked"] == said_it
    assert "noted" in said(dispatcher) and "wait until then" not in said(dispatcher)


async def test_a_plan_to_see_a_doctor_records_no_check() -> None:
    from actions.safety import ActionEmergencyFollowUp

    emergency = {"triage_level": "emergency", "red_flags": ["cauda_equina"]}
    events = await ActionEmergencyFollowUp().run(
        CollectingDispatcher(),
        make_tracker(
            text="ok I'll see my doctor tomorrow", intent="inform", earlier_slots=emergency
        ),
        DOMAIN,
    )
    assert "doctor_checked" not in slots_of(events)


async def test_a_name_said_with_a_precaution_is_kept_as_the_name_only() -> None:
    from actions.safety import ActionAnswerPrecaution

    text = "Dana Ortiz. oh wait i forgot, i take eliquis, does that matter"
    tracker = make_tracker(
        text=text,
        intent="inform",
        entities=entities_of(text),
        slots={"patient_name": text, "booking_task": "book"},
        requested_slot="patient_name",
        form="booking_form",
    )
    events = await ActionAnswerPrecaution().run(CollectingDispatcher(), tracker, DOMAIN)
    assert slots_of(events)["patient_name"] == "Dana Ortiz"


async def test_a_doctors_check_taken_back_brings_the_emergency_advice_back() -> None:
    slots, text = await check(
        "wait, no doctor has checked it yet",
        intent="inform",
        slots={
            "triage_level": "emergency",
            "red_flags": ["stroke_signs"],
            "doctor_checked": "the ER said I'm fine",
        },
    )
    assert slots["doctor_checked"] is None
    assert "call 911 now" in text


# Session 34, written before the change (outside run 106 p07: with a doctor today advised,
# a check taken back got "call 911 now or go to the nearest emergency department"). The
# advice brought back is the one given, at its level.
async def test_a_doctors_check_taken_back_brings_back_the_advice_at_its_level() -> None:
    slots, text = await check(
        "hang on, nobody has actually examined him yet",
        intent="inform",
        slots={
            "triage_level": "urgent",
            "red_flags": ["cancer"],
            "doctor_checked": "his GP saw him last week",
        },
    )
    assert slots["doctor_checked"] is None
    assert "today" in text and "call 911 now" not in text and "emergency department" not in text


# Session 34, written before the change (outside run 106 p07: a GP's check of the neck, then
# a sore scalp and a tired jaw told: "see a doctor today", and the booking went on as if the
# check covered it). A new warning sign after a check is not what the doctor saw.
async def test_a_new_warning_sign_after_a_doctors_check_is_not_covered_by_it() -> None:
    slots, text = await check(
        "oh and she's had a fever since yesterday",
        intent="inform",
        slots={
            "triage_level": "urgent",
            "red_flags": ["cancer"],
            "doctor_checked": "her GP saw her last week",
        },
    )
    assert slots["doctor_checked"] is None
    assert "doctor today" in text


async def test_a_patient_safe_after_crisis_advice_is_noted_and_booking_opens() -> None:
    from actions.booking import ActionStartBooking
    from actions.safety import ActionEmergencyFollowUp

    said_it = "I'm not going to do anything, I promise. can I book for my back?"
    crisis = {"triage_level": "emergency", "red_flags": ["suicidal_thoughts"],
              "warning_signs": ["suicidal_thoughts"]}  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text=said_it, intent="inform", earlier_slots=crisis), DOMAIN
    )
    assert slots_of(events)["says_safe"] == said_it
    assert "988" in said(dispatcher)

    after = {**crisis, "says_safe": said_it}
    events = await ActionStartBooking().run(
        CollectingDispatcher(),
        make_tracker(text="book me please", intent="request_booking", slots=after),
        DOMAIN,
    )
    assert slots_of(events)["booking_readiness"] != "emergency"


async def test_safe_said_with_another_emergency_open_does_not_open_booking() -> None:
    from actions.safety import ActionEmergencyFollowUp

    both = {"triage_level": "emergency", "red_flags": ["suicidal_thoughts", "cauda_equina"],
            "warning_signs": ["suicidal_thoughts", "bladder_or_bowel_control"]}  # fmt: skip
    events = await ActionEmergencyFollowUp().run(
        CollectingDispatcher(),
        make_tracker(text="I'm safe, I promise", intent="inform", earlier_slots=both),
        DOMAIN,
    )
    assert "says_safe" not in slots_of(events)


async def test_safe_taken_back_brings_the_crisis_advice_back() -> None:
    slots, text = await check(
        "actually I don't know, I might do something tonight",
        intent="inform",
        slots={
            "triage_level": "emergency",
            "red_flags": ["suicidal_thoughts"],
            "says_safe": "I won't do anything",
        },
    )
    assert slots["says_safe"] is None
    assert "988" in text or "crisis" in text.lower()


async def test_a_new_emergency_after_a_doctors_check_closes_booking_again() -> None:
    slots, _ = await check(
        "and since this morning I can't feel anything when I wipe",
        intent="inform",
        slots={
            "triage_level": "emergency",
            "red_flags": ["stroke_signs"],
            "doctor_checked": "the ER said I'm fine",
        },
    )
    assert "cauda_equina" in slots["red_flags"]
    assert slots["doctor_checked"] is None


async def test_a_check_claimed_right_after_a_plan_for_one_is_not_recorded() -> None:
    from actions.safety import ActionEmergencyFollowUp

    emergency = {"triage_level": "emergency", "red_flags": ["cauda_equina"]}
    tracker = make_tracker(
        text="the urgent care cleared me",
        intent="inform",
        earlier_slots=emergency,
        earlier_texts=["numb when I wipe and my back hurts"],
    )
    # The plan is said after the advice (make_tracker puts the slot events after the texts).
    tracker.events.insert(-1, {"event": "user", "text": "once urgent care checks me I'll book"})
    events = await ActionEmergencyFollowUp().run(CollectingDispatcher(), tracker, DOMAIN)
    assert "doctor_check_claimed" not in slots_of(events)


async def test_words_before_the_emergency_advice_do_not_count_as_a_plan() -> None:
    from actions.safety import ActionEmergencyFollowUp

    emergency = {"triage_level": "emergency", "red_flags": ["cauda_equina"]}
    tracker = make_tracker(
        text="the ER saw me this morning and said it's a strain, physio is fine",
        intent="inform",
        earlier_slots=emergency,
        earlier_texts=["when I see the physio will they check my back?"],
    )
    events = await ActionEmergencyFollowUp().run(CollectingDispatcher(), tracker, DOMAIN)
    assert "doctor_check_claimed" in slots_of(events)


async def test_thoughts_of_suicide_told_again_without_safety_bring_the_crisis_advice_back() -> None:
    crisis = {"triage_level": "emergency", "red_flags": ["suicidal_thoughts"],
              "says_safe": "I won't do anything"}  # fmt: skip
    slots, text = await check("honestly I just want to die", intent="inform", slots=crisis)
    assert slots["says_safe"] is None and "988" in text
    slots, _ = await check(
        "I still wish I wasn't here some days, but I'm safe", intent="inform", slots=crisis
    )
    assert "says_safe" not in slots  # unchanged: said with the statement of safety


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "I knocked my head on the car door this morning",
            {"contraindications": ["anticoagulants"]},
        ),
        ("oh and I take rivaroxaban", {"warning_signs": ["head_injury"]}),
    ],
)
async def test_a_knock_to_the_head_on_blood_thinners_is_an_emergency(
    text: str, earlier: dict[str, list[str]]
) -> None:
    slots, said_now = await check(text, intent="inform", slots=earlier)
    assert slots["triage_level"] == "emergency" and "head_injury" in slots["red_flags"]
    assert "call 911 now" in said_now


# Session 34, written with the change and seen failing with it stashed (outside run 107 p02,
# unsafe: "Well a bit harder yes, no accidents." to the toilet question denied the bladder
# sign: "Thank you, that helps", and on). As the chat reads it, with the NLU's entities.
async def test_a_yes_to_trouble_going_with_no_accidents_is_the_emergency() -> None:
    asked = {"direct_question": "check_bladder", "asked_questions": ["check_bladder"],
             "body_part": "lower_back", "pain_radiates": True, "radiates_to": "leg"}  # fmt: skip
    slots, said_now = await check(
        "it's slower to get going, yes. no accidents", intent="inform", slots=asked
    )
    assert slots.get("triage_level") == "emergency", slots
    assert "emergency department" in said_now


# Session 34, written before the change (outside run 108 p06: a mother's pain "started when
# i was chasing my toddler" asked whether the child limps; "huh? no its me not my kid lol.
# im 31" got "noted it as a no", then the same question "to be sure"). The premise of the
# question denied is a no to it, not a sign held put right. My own wording (seen failing).
async def test_the_child_patient_denied_is_a_no_to_the_childs_limp() -> None:
    asked = {"direct_question": "check_child_limp", "asked_questions": ["check_child_limp"],
             "body_part": "buttock", "warning_signs": ["young_patient"]}  # fmt: skip
    slots, said_now = await check(
        "no, it's me, not my kid. I'm 28", intent="inform",
        earlier_slots=asked,
    )  # fmt: skip
    assert not slots.get("direct_question") and not slots.get("screen_unsure"), slots
    assert "to be sure" not in said_now


async def test_blood_thinners_without_a_knock_to_the_head_raise_nothing() -> None:
    slots, _ = await check("I take warfarin for my heart", intent="inform", slots={})
    assert slots.get("triage_level") is None


async def test_a_safety_question_left_for_a_doctors_visit_is_asked_again() -> None:
    from actions.safety import ActionEmergencyFollowUp

    urgent = {"triage_level": "urgent", "red_flags": ["fracture"], "warning_signs": ["trauma"],
              "direct_question": "check_saddle"}  # fmt: skip
    tracker = make_tracker(
        text="a doctor checked me on tuesday, nothing broken",
        intent="inform",
        earlier_slots=urgent,
        slots={"direct_question": None},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(dispatcher, tracker, DOMAIN)
    assert slots_of(events)["direct_question"] == "check_saddle"
    assert "Back to my question" in said(dispatcher)


async def test_a_question_of_the_patients_own_does_not_drop_the_safety_question() -> None:
    from actions.safety import ActionResumeAfterSafetyQuestion

    tracker = make_tracker(
        text="how much does the consultation cost?",
        intent="ask_price",
        earlier_slots={"direct_question": "check_saddle", "body_part": "lower_back"},
        slots={"direct_question": None},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionResumeAfterSafetyQuestion().run(dispatcher, tracker, DOMAIN)
    assert slots_of(events)["direct_question"] == "check_saddle"
    assert "Back to my question" in said(dispatcher) and "Thank you" not in said(dispatcher)


async def test_a_temperature_told_as_a_bare_number_to_the_fever_question_is_a_fever() -> None:
    # Written after outside run 8: "i had 102 last night" to the list that asks about fever.
    slots, _ = await check(
        "idk i had 102 last night. the lights in the lecture hall were annoying yeah",
        intent="inform",
        slots={"body_part": "neck", "pain_quality": "stiffness", "warning_signs": ["stiff_neck"],
               "screen_question": "checklist:meningitis_warning+stroke_warning"},
        requested_slot="red_flag_screen",
        form="intake_form",
    )  # fmt: skip
    assert "fever" in slots["warning_signs"] and slots["triage_level"] == "emergency"


async def test_an_answer_the_model_took_for_a_question_gets_no_dont_know() -> None:
    # Written after outside run 8: "yes to the back of the head" got "I don't know".
    from addons.clinic_entities import clinic_entities

    text = "yes to the back of the head"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="ask_what_is_tdn",
        entities=[*clinic_entities(text, []), *entities_of(text)],
        slots={"body_part": "neck"}, requested_slot="pain_radiates", form="intake_form",
    )  # fmt: skip
    events = await ActionEveryMessage().run(dispatcher, tracker, DOMAIN)
    assert "don't know" not in said(dispatcher)
    assert slots_of(events).get("pain_radiates") is True


async def test_a_no_before_the_patients_own_question_answers_the_checklist() -> None:
    # Written after outside run 8: "no. are the needles single use btw" lost its "no".
    slots, _ = await check(
        "no. are the needles single use btw",
        intent="ask_clinic",
        slots={"body_part": "neck", "screen_question": "checklist:stroke_warning+clumsy_hands"},
        requested_slot="red_flag_screen",
        form="intake_form",
    )
    assert {"stroke_warning", "clumsy_hands"} <= set(slots.get("denied_signs") or [])


@pytest.mark.parametrize(
    ("text", "fever"),
    [("idk i had 102 last night", True), ("temp was 39", True), ("38.9 yesterday", True),
     ("no none. I'm 41. Also I have an itchy rash on my arm", False), ("41 years old", False),
     ("I weigh 102 kg", False)],
)  # fmt: skip
def test_a_bare_temperature_is_told_from_an_age(text: str, fever: bool) -> None:
    # Written after outside run 9: "I'm 41" to the fever question was read as 41 degrees.
    from clinic.language.numbers import fever_in_answer

    assert fever_in_answer(text) is fever


async def test_a_bare_number_picking_a_time_is_no_fever() -> None:
    # Session 10 (outside run 17, #24): "1030" to pick the 10:30 slot, with the screen's
    # fever list still named in its slot, was read as 103.0 F.
    slots, _ = await check(
        "1030",
        intent="inform",
        slots={"body_part": "neck", "warning_signs": ["stiff_neck", "neck_pain"],
               "screen_question": "checklist:meningitis_warning+stroke_warning"},
        requested_slot="booking_slot",
        form="booking_form",
    )  # fmt: skip
    assert "fever" not in (slots.get("warning_signs") or [])
    assert slots.get("triage_level") != "emergency"


@pytest.mark.parametrize(
    ("slots", "flagged"),
    [
        # Session 11, written before the change (outside run 20, #10: neck pain into the
        # left arm, later "comes on walking the dog up the hill and settles when I stop"):
        # effort pain that rest eases, where the intake put the pain in an arm, a shoulder
        # or the jaw, is the heart's pattern, whichever message said which.
        ({"body_part": "neck", "radiates_to": "arm"}, True),
        ({"body_part": "shoulder", "side": "left"}, True),
        ({"body_part": "lower_back"}, False),
    ],
)
async def test_effort_pain_eased_by_rest_in_an_arm_told_earlier_is_the_hearts(
    slots: dict, flagged: bool
) -> None:
    text = "it mostly comes on when I walk up the hill to work and settles when I stop"
    found, _ = await check(text, intent="inform", slots=slots)
    assert ("cardiac" in (found.get("red_flags") or [])) is flagged, found
    if flagged:
        assert found["triage_level"] in ("urgent", "emergency")


@pytest.mark.parametrize(
    ("places", "asked"),
    [
        # Session 12, written before the change (outside run 24's unsafe kind, new wording):
        # a sudden onset told without the word "head" in a headache intake asks the
        # thunderclap question first, never a milder one.
        ({"body_part": "head"}, "check_sudden_headache"),
        ({"body_part": "lower_back"}, None),
    ],
)
async def test_a_sudden_onset_in_a_headache_intake_asks_the_thunderclap_question(
    places: dict, asked: str | None
) -> None:
    text = "this one's different, it came out of the blue at work and it's still throbbing"
    slots, _ = await check(text, intent="inform", slots=places)
    assert slots.get("direct_question") == asked or slots.get("triage_level") == "emergency"


async def test_a_yes_first_is_an_answer_whatever_the_intent_heard() -> None:
    # Session 12 (outside run 24's kind, new wording): "instantly" made the intent model hear
    # a question about how soon needling works, and the thunderclap question was asked again.
    asked = {"body_part": "head", "direct_question": "check_thunderclap"}
    slots, text = await check("yeah, like within seconds", intent="ask_how_soon", slots=asked)
    assert slots.get("triage_level") == "emergency", text


async def test_a_no_to_the_crisis_question_is_met_with_an_apology() -> None:
    # Session 27, written before the change (outside run 73 p06: "what?? no! why would you
    # ask that, she's got a sore back" got "Thank you, that helps").
    from actions.safety import ActionResumeAfterSafetyQuestion

    tracker = make_tracker(
        text="no! why on earth would you ask me that",
        intent="deny",
        earlier_slots={"direct_question": "check_safe", "body_part": "lower_back"},
        slots={"direct_question": None, "denied_signs": ["suicidal_thoughts"]},
    )
    dispatcher = CollectingDispatcher()
    await ActionResumeAfterSafetyQuestion().run(dispatcher, tracker, DOMAIN)
    assert "I'm sorry" in said(dispatcher) and "that helps" not in said(dispatcher)


# Session 28, written before the change (outside run 76 p02: a daughter writing for her
# mother, "Honestly I'll try and take her to urgent care this evening. She's on warfarin for
# her heart by the way", had the warfarin dropped as someone else's, and the checklist asked
# about blood thinners again). What "she" takes is the patient's when the chat is for her.
def test_a_precaution_of_the_patient_written_for_is_hers() -> None:
    from actions.tracker_facts import entity_values
    from addons.safety_screen import entities_of

    text = "I will try and drive him over there later. He takes apixaban, is that relevant?"
    entities = entities_of(safety.screen(text))
    for_him = make_tracker(
        text=text, entities=entities, earlier_texts=["my dad's lower back is bad, he's 79"]
    )
    own = make_tracker(text=text, entities=entities, earlier_texts=["my lower back is bad"])
    assert "anticoagulants" in entity_values(for_him, "contraindication")
    assert "anticoagulants" not in entity_values(own, "contraindication")


# Session 28, written before the change (outside run 77 p04: a 16-year-old swimmer's upper
# back "comes on with exercise and gets better with rest" held the heart's doctor today,
# and "no, it's more like a sore ache for a few hours after practice" to "does the pain ease
# within a few minutes when he stops?" changed nothing). A pain effort brings on that does
# not settle within minutes of rest is the muscles' pattern: the no takes the effort back.
async def test_a_no_to_easing_within_minutes_takes_the_hearts_pattern_back() -> None:
    held = {
        "warning_signs": ["arm_or_jaw_pain", "comes_on_exertion", "upper_back_pain"],
        "red_flags": ["cardiac"],
        "triage_level": "urgent",
        "direct_question": "check_eases_with_rest",
        "asked_questions": ["check_eases_with_rest"],
    }
    slots, _ = await check(
        "no, it aches for a good few hours after training, gone by the morning",
        intent="deny", slots=held, earlier_slots=held,
    )  # fmt: skip
    assert "red_flags" in slots and not slots["red_flags"], slots  # changed, to none
    assert "triage_level" in slots and not slots["triage_level"], slots


# Session 30, written before the change (outside run 86 p08: "WHAT cancer team?? i said NO
# cancer. he has never had cancer" while the next question waited got the same advice and
# that question again). A sign held, denied in so many words, is asked once more whatever
# question waits. My own words.
async def test_a_held_sign_denied_while_another_question_waits_is_asked_again() -> None:
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "cancer_history", "weight_loss"],
        "red_flags": ["cancer"], "triage_level": "urgent", "raised_by_answer": "cancer",
        "screen_question": "trauma", "asked_questions": ["cancer"],
    }  # fmt: skip
    slots, said_text = await check(
        "hang on, she has never had cancer, I told you that", intent="deny", slots=held,
        requested_slot="red_flag_screen",
    )  # fmt: skip
    withdrawn = "cancer_history" not in slots.get("warning_signs", held["warning_signs"])
    assert withdrawn or slots.get("rechecking") == "cancer", (slots, said_text)


# Session 33, written before the change (outside run 102 p03, unsafe: "ya both legs kinda,
# like down the back of em" to "does the pain spread anywhere?" after a couch lifted two
# days before raised nothing, and a "nah" to the list then went through). Both legs named
# as where the back pain spreads is pain in both legs. My own words.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("yeah into both legs, the backs of the thighs", True),
        ("both of them kind of, down to the knees", True),
        ("just the left leg", False),
    ],
)
async def test_both_legs_named_as_where_the_pain_spreads_is_pain_in_both(
    text: str, flagged: bool
) -> None:
    asked = {"body_part": "lower_back", "warning_signs": ["back_pain"]}
    slots, said_text = await check(
        text, intent="inform", slots=asked, earlier_slots=asked, requested_slot="pain_radiates"
    )
    assert ("cauda_equina" in (slots.get("red_flags") or [])) is flagged, (slots, said_text)


# Session 33, written before the change (outside run 102 p02: a daughter's "No chest pain, no
# jaw, no arm. Just the back and right leg" under advice for the heart got "Thank you for
# telling me: chest pain or pressure... too"). Signs said no to are never thanked for as
# told, whatever the message's meaning is near. My own words.
async def test_signs_said_no_to_are_not_thanked_for_as_told() -> None:
    held = {
        "body_part": "lower_back", "radiates_to": "leg",
        "warning_signs": ["back_pain", "cardiac_warning", "comes_on_exertion", "eases_with_rest"],
        "red_flags": ["cardiac"], "triage_level": "emergency",
        "raised_by_answer": "check_exertion", "asked_questions": ["check_exertion"],
    }  # fmt: skip
    text = "she has no pain in her chest and nothing in the arm or jaw, it's the leg"
    dispatcher = CollectingDispatcher()
    entities = [
        *entities_of(text),
        {"entity": "safety_question", "value": "check_chest", "start": 0, "end": 1},
    ]
    await ActionEveryMessage().run(
        dispatcher,
        make_tracker(text=text, intent="deny", entities=entities, slots=held, earlier_slots=held),
        DOMAIN,
    )
    assert advice.MORE_BEHIND not in said(dispatcher), said(dispatcher)


# Session 33, written before the change (outside run 102 p02: "Walking a while makes the leg
# worse yes, she has to sit down on a bench and then it eases" to "does this pain come on
# when she walks uphill... and ease when she rests?" was 911 for the heart). Effort that
# brings on a pain in the leg, the hip or the low back is not the heart's. My own words.
@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes after a few blocks her calf and thigh ache and she has to stop, then it goes",
         answers.NO),
        ("walking far makes my hip and leg worse, sitting helps", answers.NO),
        ("yes, walking up the hill brings on a tightness across my chest", answers.YES),
        ("yes", answers.YES),
        # Session 33, written before the change (outside run 103 p08, unsafe: "hmm i dont
        # think so? ... yesterday he had to stop halfway up the stairs ... and sit for a
        # min, he was all sweaty... then he was fine" was "Thank you, that helps"). Effort,
        # then a stop or a rest it needed, told as a story: the question's yes.
        ("not really? though on sunday she had to stop on the hill and lean on a wall till it "
         "passed", answers.YES),
        ("dunno, he had to sit down after carrying the shopping up, then it went", answers.YES),
    ],
)  # fmt: skip
def test_the_hearts_effort_question_read_from_where_and_what_was_told(
    text: str, answer: str
) -> None:
    screened = safety.screen(text)
    said_signs = {m.name for m in screened.mentions if m.kind == "sign" and not m.denied}
    denied = {m.name for m in screened.mentions if m.kind == "sign" and m.denied}
    question = safety.question_named("check_exertion")
    assert answers.read_answer(question, text, said_signs, denied, "inform") == answer


# Session 33, written before the change (outside run 101 p05: "I fall off the bouldering wall
# onto mats all the time lol" held a fall and a fall from a height; "no wait, I didn't get
# hurt from a fall" took off the fall, then asked "to be sure: was it a serious accident?",
# a no noted twice). No fall at all is no serious fall either: the fall's own question is
# asked once more, and a no to it takes both off. My own words.
async def test_a_fall_disputed_asks_the_falls_question_and_its_no_takes_both() -> None:
    held = {
        "body_part": "upper_back", "warning_signs": ["major_trauma", "trauma", "upper_back_pain"],
        "red_flags": ["fracture"], "triage_level": "urgent",
    }  # fmt: skip
    slots, said_text = await check(
        "hang on, there was no fall, it crept up on me over the winter",
        intent="deny", slots=held, earlier_slots=held,
    )  # fmt: skip
    assert slots.get("rechecking") == "trauma", (slots, said_text)
    asked = {**held, **slots}
    slots, said_text = await check("no", intent="deny", slots=asked, earlier_slots=asked)
    left = set(slots.get("warning_signs", asked["warning_signs"]))
    assert not left & {"trauma", "major_trauma"}, (slots, said_text)
    assert not slots.get("red_flags", asked["red_flags"]), (slots, said_text)


# Session 33, written before the change (outside run 100 p07: prostate cancer told at the
# checklist, then "my right foot has started slapping down when I walk" at the booking's
# confirmation got "a doctor today, or an urgent care clinic"). With a cancer history held,
# a leg or foot newly weak is the spinal cord's until shown not: the emergency department.
# My own words, none from the report.
@pytest.mark.parametrize(
    "text",
    [
        "oh and my left foot has been dragging a bit since the weekend, catches on the kerb",
        "the last few days my right leg gives way on the stairs more and more",
        "my foot slaps down when I walk now, started tuesday",
    ],
)
async def test_a_leg_weakening_after_a_cancer_is_an_emergency(text: str) -> None:
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "cancer_history"],
        "red_flags": ["cancer"], "triage_level": "urgent", "raised_by_answer": "cancer",
    }  # fmt: skip
    slots, said_text = await check(text, intent="inform", slots=held, earlier_slots=held)
    assert slots.get("triage_level") == "emergency", (slots, said_text)
    assert "emergency department" in said_text


def test_a_follow_up_asked_after_every_message_becomes_the_next_step() -> None:
    """Rasa drops a follow-up from slot extraction (outside run 89 p04: a booking started
    beside words on the advice fell to "Sorry, I didn't quite understand")."""
    from actions.every_message import _as_next_step

    events = _as_next_step(
        [
            {"event": "slot", "name": "booking_readiness", "value": "ready"},
            {"event": "followup", "name": "booking_form"},
        ]
    )
    assert all(event["event"] != "followup" for event in events)
    assert {"event": "slot", "name": "next_step", "value": "booking_form"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


# Session 32, written before the change (outside run 94 p05: "no?? it was just the needles,
# vasovagal or whatever" to the stroke question was taken as a question of the patient's,
# and the question asked again). A no said in surprise is still the answer. My wordings.
@pytest.mark.parametrize(
    ("text", "intent"),
    [("no?? that was ages ago, only with the jab", "ask_what_it_helps"),
     ("nope?! it's just my neck that's sore", "ask_clinic")],
)  # fmt: skip
async def test_a_no_said_in_surprise_answers_the_safety_question(text: str, intent: str) -> None:
    asked = {"direct_question": "check_stroke", "asked_questions": ["check_stroke"]}
    slots, said_back = await check(text, intent=intent, slots=asked)
    assert "stroke_warning" in slots.get("denied_signs", []), (slots, said_back)
    assert "Back to my question" not in said_back


# Session 32, written before the change (outside run 94 p05: "none really. well I got kinda
# lightheaded and almost passed out the first time in boston" to the needling checklist was
# not recorded; "will the physio know about the fainting thing?"). A faint told in answer to
# the checklist is its line of fainting with needles; a faint denied is none. My wordings.
@pytest.mark.parametrize(
    ("text", "recorded"),
    [
        ("nothing on the list, though i nearly fainted at my last session", True),
        ("i went all woozy and blacked out once, years back, otherwise no", True),
        ("none, and I've never fainted", False),
    ],
)
async def test_a_faint_told_to_the_checklist_is_recorded(text: str, recorded: bool) -> None:
    slots, _ = await check(
        text,
        intent="inform",
        earlier_slots={"requested_slot": "contraindication_screen"},
        requested_slot="contraindication_screen",
    )
    assert ("needle_phobia" in slots.get("contraindications", [])) is recorded, slots


# Session 32, written before the change (outside run 95 p02: "kind of yeah, like its not
# quite my skin? it's hard to explain" to the saddle numbness question got "Back to my
# question", as if unanswered). A yes of some degree, described with a question mark, is
# the answer. My wordings.
@pytest.mark.parametrize(
    "text", ["sort of yes, like it feels odd? hard to say", "kinda yeah, its like pins n needles?"]
)
async def test_a_yes_of_some_degree_answers_the_safety_question(text: str) -> None:
    asked = {"direct_question": "check_saddle", "asked_questions": ["check_saddle"],
             "body_part": "lower_back"}  # fmt: skip
    slots, said_back = await check(text, intent="ask_clinic", slots=asked)
    assert slots.get("triage_level") == "emergency", (slots, said_back)


# Session 33, written before the change (outside runs 101 p03 and 102 p07: a daughter
# booking for her father was told "The physiotherapist will examine you" and "If your pain
# gets much worse"). Whose pain the chat speaks of is kept, for the clinic's replies.
async def test_whose_pain_it_is_is_kept_for_the_replies() -> None:
    slots, _ = await check(
        "he says it's a dull ache", intent="inform",
        earlier_texts=["hi, I'm booking for my dad, his lower back has hurt for weeks"],
    )  # fmt: skip
    assert slots.get("patient_object") == "him", slots
    assert slots.get("patient_possessive") == "his", slots
    mine, _ = await check("it's a dull ache in my lower back", intent="inform")
    assert not mine.get("patient_object"), mine


def test_the_booking_replies_speak_of_the_patient_written_for() -> None:
    for response in ("utter_ask_preferred_time", "utter_booked"):
        variants = DOMAIN["responses"][response]
        theirs = [v["text"] for v in variants if v.get("condition")]
        assert theirs, response
        assert "{patient_object}" in theirs[0] or "{patient_possessive}" in theirs[0]
        assert " you " not in f" {theirs[0]} ", theirs[0]


# Session 33, written before the change (outside run 104 p08, unsafe: a woman of 61 whose
# shoulder ache comes on the subway stairs, eases with rest, with clamminess, got 911 as
# "pain in the arm or jaw"; "I never said arm or jaw" brought the chest question, and "I
# said NO chest pain. it's only the shoulder and upper back ache on the stairs, and a bit
# clammy" took every sign back: "nothing needs a doctor first", booked for needling). The
# shoulder is named as told; what the answer to a recheck says again stays.
def test_the_hearts_places_are_named_with_the_shoulder() -> None:
    said_back = advice.described("cardiac", {"arm_or_jaw_pain", "comes_on_exertion"})
    assert "shoulder" in said_back, said_back


async def test_a_no_to_a_recheck_keeps_what_the_answer_says_again() -> None:
    held = {
        "body_part": "shoulder",
        "warning_signs": ["arm_or_jaw_pain", "comes_on_exertion", "eases_with_rest", "sweating"],
        "red_flags": ["cardiac"], "triage_level": "emergency",
        "rechecking": "check_chest", "direct_question": "check_chest",
        "asked_questions": ["check_chest"],
    }  # fmt: skip
    slots, said_text = await check(
        "no chest pain at all. just the shoulder aching on the stairs and the clammy feeling",
        intent="deny", slots=held, earlier_slots=held,
    )  # fmt: skip
    kept = set(slots.get("warning_signs", held["warning_signs"]))
    assert {"arm_or_jaw_pain", "sweating"} <= kept, (slots, said_text)
    assert "cardiac" in (slots.get("red_flags", held["red_flags"]) or []), (slots, said_text)


# Session 33, written before the change (outside run 105 p08, unsafe: after "I really can't
# tell" made a foot that catches possible, his "No" to the next list (fever, cancer, night
# pain, weight) was read as a no to the weakness, which was asked once more and then taken
# back; the list was never recorded). A no said to a list waiting is the list's answer.
async def test_a_no_to_the_list_waiting_is_no_no_to_an_unsure_sign_before() -> None:
    held = {
        "body_part": "lower_back", "warning_signs": ["back_pain", "worsening_weakness"],
        "unclear_signs": ["worsening_weakness"], "red_flags": ["progressive_weakness"],
        "triage_level": "urgent", "raised_by_answer": "worsening_weakness",
        "screen_question": "checklist:fever+cancer+night_pain",
    }  # fmt: skip
    slots, said_text = await check(
        "No", intent="deny", slots=held, earlier_slots=held, requested_slot="red_flag_screen"
    )
    assert not slots.get("rechecking"), (slots, said_text)
    assert "worsening_weakness" in slots.get("warning_signs", held["warning_signs"])
    assert {"fever", "cancer_history"} <= set(slots.get("denied_signs") or []), slots


# Outside run 109 p08, replayed: "he didnt actually throw up, just queasy" after a headache
# told with queasiness. Its "throw up" is read as nausea too, and its no took the nausea said
# beside it: the headache's question was asked "once more", never asked before. A no to the
# narrower sign's words is no no to the broader one said in its own.
async def test_not_sick_just_queasy_keeps_the_nausea_and_asks_nothing_again() -> None:
    held = {
        "warning_signs": ["headache", "nausea", "neck_pain", "new_headaches"],
        "red_flags": ["headache_warning_signs"],
        "triage_level": "urgent",
        "written_for": True,
    }
    slots, text = await check(
        "he didnt actually throw up, just queasy. can we still book", slots=held
    )
    assert not slots.get("rechecking")
    assert "once more" not in text
    assert "nausea" in slots.get("warning_signs", held["warning_signs"])
    assert "vomited" in slots["denied_signs"]


# Session 35, written before the change (outside run 110 p05: "Thanks, I've changed that to
# head and throbbing" right after "call 911 now" for a thunderclap headache). A fact put
# right in the message that raises an emergency is kept, never said back beside the advice.
async def test_a_correction_beside_new_emergency_advice_is_kept_and_not_said_back() -> None:
    slots, text = await check(
        "actually its the right side not left, and i cant feel anything when i wipe and cant pee",
        intent="inform",
        slots={"body_part": "lower_back", "side": "left"},
        requested_slot="pain_quality",
    )
    assert slots["triage_level"] == "emergency"
    assert slots.get("side") == "right", slots
    assert "changed that" not in text, text


# Session 35, written before the change (outside run 111 p04: "i kinda went woozy at my
# blood draw last wk", then "its not fear i just hadnt eaten since the night b4 for the
# test lol": the fear stayed, "dry needling isn't advised for you"). A faint put down to
# another cause, told after it was recorded, takes it off; told as a fear, it stays.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("it wasn't nerves, I'd skipped breakfast and lunch that day", False),
        ("no fear honestly, i was fasting for the bloods and it was boiling hot", False),
        ("well I do get panicky when I see the needle", True),
    ],
)
async def test_a_faint_put_down_to_another_cause_is_taken_off(text: str, kept: bool) -> None:
    slots, _ = await check(text, intent="inform", slots={"contraindications": ["needle_phobia"]})
    held = slots.get("contraindications", ["needle_phobia"])
    assert ("needle_phobia" in held) is kept, slots


# Session 35, written before the change (outside run 111 p04: "347-555-0188. wait so can i
# get needled or not since im preggo? confused" at the contact question got the summary
# alone, her question unanswered). A question about a precaution already explained, asked
# beside a form's answer, gets what the precaution means.
async def test_a_question_about_a_precaution_held_beside_the_contact_is_answered() -> None:
    _, text = await check(
        "212 555 0143. so can I have the needles or not, being pregnant?",
        intent="inform",
        slots={"contraindications": ["pregnancy"], "precautions_explained": ["pregnancy"],
               "booking_task": "book", "patient_name": "Jess Alvarez"},
        requested_slot="contact_details",
        form="booking_form",
    )  # fmt: skip
    assert "pregnancy" in text.lower() and "low back" in text, text


# Session 35, written before the change (outside run 112 p08, borderline unsafe: "his GP saw
# him only 10 days ago" stood down a doctor today for night pain; a foot that slaps down
# "since Saturday" then brought the advice back, and "do we really need urgent care today?
# His GP saw him 10 days ago" stood it down again). The same check told again cannot cover
# a sign that began after it.
async def test_the_same_check_told_again_does_not_cover_a_newer_sign() -> None:
    from actions.safety import ActionEmergencyFollowUp

    urgent = {"triage_level": "urgent", "red_flags": ["cancer", "progressive_weakness"],
              "warning_signs": ["night_pain", "worsening_weakness", "back_pain"],
              "written_for": True}  # fmt: skip
    text = "do we really need a doctor today? his GP saw him 10 days ago"
    tracker = make_tracker(text=text, intent="ask_clinic", earlier_slots=urgent)
    checked = "his GP saw him only 10 days ago"
    tracker.events[-1:-1] = [
        {"event": "slot", "name": "doctor_checked", "value": checked},
        {"event": "slot", "name": "doctor_checked", "value": None},
    ]
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyFollowUp().run(dispatcher, tracker, DOMAIN)
    assert "doctor_checked" not in slots_of(events), slots_of(events)
    assert "today" in said(dispatcher) and "noted that a doctor" not in said(dispatcher)


# Session 35, written before the change (outside run 113 p06: "...rear-ended us at a light
# about 10 days ago. He went to the ER that day and they did x-rays, nothing broken" got a
# doctor today for pain after an accident). A check of the knock, told with it, answers the
# advice the knock would call for: noted, with what to do if anything is new.
async def test_a_check_told_with_the_knock_it_covers_is_noted_not_advised_again() -> None:
    text = (
        "my neck has been sore since a van went into the back of my car two weeks ago. "
        "I went to the ER the same day, they x-rayed it and said whiplash"
    )
    slots, said_now = await check(text, intent="describe_pain")
    assert slots.get("doctor_checked"), slots
    assert "noted" in said_now and "should be checked by a doctor today" not in said_now


# Session 36, written before the change (outside run 115 p05, unsafe: a pregnancy hinted three
# times, "None of these" to the checklist, never recorded). A yes to the direct question
# records the pregnancy for the physiotherapist; a no records none.
@pytest.mark.parametrize(("text", "intent", "recorded"), [
    ("yep, 24 weeks", "affirm", True),
    ("yes", "affirm", True),
    ("no, she's 4 months old, I carry her a lot", "deny", False),
])  # fmt: skip
async def test_an_answer_to_the_pregnancy_question_records_it(
    text: str, intent: str, recorded: bool
) -> None:
    slots, _ = await check(
        text,
        intent=intent,
        earlier_slots={"direct_question": "check_pregnant", "body_part": "lower_back"},
        slots={"body_part": "lower_back"},
    )
    assert ("pregnancy" in (slots.get("contraindications") or [])) is recorded, slots


# Session 38 (outside run 124 v06): a yes to the blood thinner question records the
# precaution; a no records none. My own wordings.
@pytest.mark.parametrize(("text", "intent", "recorded"), [
    ("yes, xarelto", "affirm", True),
    ("yeah I think so, a small white one", "affirm", True),
    ("no, it's just a beta blocker", "deny", False),
])  # fmt: skip
async def test_an_answer_to_the_blood_thinner_question_records_it(
    text: str, intent: str, recorded: bool
) -> None:
    slots, _ = await check(
        text,
        intent=intent,
        earlier_slots={"direct_question": "check_blood_thinner", "body_part": "neck"},
        slots={"body_part": "neck"},
    )
    assert ("anticoagulants" in (slots.get("contraindications") or [])) is recorded, slots


# Session 36, written before the change (outside run 115 p08: after the summary, "that's not
# right, I said the pain is a 4 not 7. and the neck is both sides, its the arm thats right
# side" got "As it matters for your safety, please answer once more... did the pain start
# after a fall?"). A dispute that puts pain details right and names no warning sign is the
# intake's; one that names the sign still asks again. My own wordings.
@pytest.mark.parametrize(("text", "asked_again"), [
    ("no that's wrong, it's a 3 not 6, and it's her left side", False),
    ("that isn't right, I said 2 weeks not 2 months", False),
    ("that's not right, I never said he had a fall", True),
])  # fmt: skip
async def test_a_dispute_of_pain_details_asks_no_safety_question_again(
    text: str, asked_again: bool
) -> None:
    from addons.clinic_entities import clinic_entities

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text,
        intent="inform",
        entities=[*entities_of(text), *clinic_entities(text, [])],
        slots={
            "body_part": "neck",
            "warning_signs": ["trauma", "young_patient"],
            "red_flags": ["trauma"],
            "triage_level": "urgent",
            "tdn_fit": "assess_first",
        },
    )
    events = await ActionEveryMessage().run(dispatcher, tracker, DOMAIN)
    assert ("once more" in said(dispatcher)) is asked_again, said(dispatcher)
    assert bool(slots_of(events).get("rechecking")) is asked_again


# Session 36, written before the change (outside run 115 p02: numbness when wiping read as a
# bladder change too; "wait my bladder is fine I didnt say that. peeing is normal. its just
# the numb bit" got "please answer once more" and the numbness question again). A sign put
# right that the flag does not stand on alone is taken off; nothing is asked again.
async def test_a_sign_put_right_beside_one_that_holds_the_flag_asks_nothing_again() -> None:
    text = "hang on, my bladder is fine, I never said that. it's only the numb feeling when I wipe"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text,
        intent="inform",
        entities=entities_of(text),
        slots={
            "body_part": "lower_back",
            "warning_signs": ["bladder_or_bowel_control", "saddle_numbness"],
            "red_flags": ["cauda_equina"],
            "triage_level": "emergency",
        },
    )
    events = await ActionEveryMessage().run(dispatcher, tracker, DOMAIN)
    slots = slots_of(events)
    assert "once more" not in said(dispatcher), said(dispatcher)
    assert not slots.get("rechecking")
    assert "bladder_or_bowel_control" not in slots.get(
        "warning_signs", ["bladder_or_bowel_control"]
    )
    assert slots.get("triage_level", "emergency") == "emergency"


# Session 36, written after outside run 116 p05: the pregnancy question left waiting behind the
# bladder's is not asked once the pregnancy is recorded.
async def test_the_pregnancy_question_waiting_is_dropped_once_the_pregnancy_is_known() -> None:
    slots, text = await check(
        "no, just frequent. I'm 22 weeks btw",
        intent="deny",
        earlier_slots={
            "direct_question": "check_bladder",
            "question_waiting": "check_pregnant",
            "body_part": "lower_back",
            "contraindications": ["pregnancy"],
        },
        slots={"body_part": "lower_back", "contraindications": ["pregnancy"]},
    )
    assert slots.get("direct_question") != "check_pregnant"
    assert "are you pregnant" not in text


# Session 36, written before the change (outside run 116 p07: a right hip replacement told,
# then "I dont have a pacemaker?? my question is if fainting at blood draws means no needling"
# got "I've taken an implant (pacemaker, breast implant or joint replacement) off your list").
# A no to one kind of implant is no no to another kind told. My own wordings.
@pytest.mark.parametrize(("text", "kept"), [
    ("I don't have a pacemaker?? I was asking about the fainting", True),
    ("no implants at all, I got that wrong, the knee was never replaced", False),
])  # fmt: skip
async def test_a_no_to_one_kind_of_implant_keeps_another_told(text: str, kept: bool) -> None:
    slots, _ = await check(
        text,
        intent="deny",
        earlier_texts=["sciatica down my right leg, and I had my right knee replaced in 2020"],
        earlier_slots={"body_part": "lower_back", "contraindications": ["implant_near_site"]},
        slots={"body_part": "lower_back"},
    )
    held = slots.get("contraindications", ["implant_near_site"])
    assert ("implant_near_site" in held) is kept, slots


# Session 37, written before the change (outside run 119 p02: lymph nodes removed under the
# left arm, told at the needling checklist, then "does that matter for the needles?" and "the
# lymph nodes under my arm, is that a problem for the needling or not?" got the doctor's
# advice again and "I've put that in your notes: your back and arm"). A question naming a
# precaution held, in any of its words, is answered with what it means. My own wordings.
@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("and the lymph glands under my arm, is that an issue for the needles?",
         "lymphoedema", "lymph nodes"),
        ("what about my fits, does that change anything for the needling?", "epilepsy",
         "epilepsy"),
    ],
)  # fmt: skip
async def test_a_question_naming_a_precaution_held_is_answered(
    text: str, code: str, words: str
) -> None:
    from actions.questions import ActionAnswerQuestion

    slots = {"contraindications": [code], "body_part": "upper_back", "pain_quality": "aching",
             "booking_reference": "K7P4QM"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent="ask_clinic", slots=slots)
    await ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN)
    said_now = said(dispatcher)
    assert words in said_now and "notes" not in said_now, said_now


# Session 37 (outside run 119 p02, as above): asked beside the doctor's advice given again,
# the precaution is answered after it.
async def test_a_precaution_held_asked_about_beside_the_advice_is_answered_after_it() -> None:
    from actions.safety import ActionEmergencyFollowUp

    text = "you didn't say about the lymph glands though, does that matter for the needles?"
    urgent = {"triage_level": "urgent", "red_flags": ["cancer"],
              "warning_signs": ["cancer_history", "night_pain"],
              "contraindications": ["lymphoedema"], "body_part": "upper_back"}  # fmt: skip
    dispatcher = CollectingDispatcher()
    await ActionEmergencyFollowUp().run(
        dispatcher, make_tracker(text=text, intent="ask_clinic", slots=urgent), DOMAIN
    )
    said_now = said(dispatcher)
    assert "today" in said_now and "lymph nodes were removed" in said_now, said_now
    assert said_now.index("today") < said_now.index("lymph nodes were removed"), said_now


# Session 37, written before the change (outside run 121 r04: to "With the pain between your
# shoulder blades, do you get chest pain...?", "No, I say already no. And pain is not
# between, is on right shoulder blade only." was thanked as put right, then asked again "to
# be sure"). A no to the question beside a no to where the pain is, is a no. My own wording;
# a no to another warning sign held still asks the question again (outside run 86 p08).
async def test_a_no_beside_where_the_pain_is_not_is_a_no() -> None:
    held = {"body_part": "neck", "warning_signs": ["upper_back_pain", "neck_pain"],
            "direct_question": "upper_back_cardiac"}  # fmt: skip
    slots, said_now = await check(
        "no, none of that. and it isn't between my shoulder blades anyway, just the right one",
        intent="deny",
        slots=held,
        requested_slot="red_flag_screen",
    )
    assert "need to be sure" not in said_now, said_now
    assert "cardiac_warning" in slots.get("denied_signs", []), slots


# Session 38, written before the change (outside runs 124 v03 and 125 w08: "no. cracked my
# tailbone snowboarding 8 yrs ago but that healed fine..." and "no. ...broke my wrist but that
# healed fine, back pain only started last month" asked all four lines again, one by one).
# An aside after a no that tells nothing any line is about leaves the no; one that may be a
# yes to a line asks that line. My own wordings.
SERIOUS_LIST = {
    "body_part": "lower_back",
    "screen_question": "checklist:fever+cancer+trauma+night_pain",
}


@pytest.mark.parametrize(
    ("answer", "asked", "said"),
    [
        ("no. I broke my ankle skiing 6 years ago but it healed fine, no bother since", [], []),
        ("nope. the back pain only started last month, out of nowhere, it hurts lately", [], []),
        # The night's line shares its word: asked on its own.
        ("no, though I've had night sweats this week", ["night_pain"], ["fever"]),
        ("none of these, but I have lost a bit of weight without trying", [], ["weight_loss"]),
    ],
)
async def test_an_aside_after_a_no_asks_only_the_lines_it_may_be_about(
    answer: str, asked: list[str], said: list[str]
) -> None:
    slots, _ = await check(
        answer, intent="deny", slots=SERIOUS_LIST, requested_slot="red_flag_screen"
    )
    assert (slots.get("screen_one_by_one") or []) == asked, slots
    assert set(said) <= set(slots.get("warning_signs") or []), slots
    if not (asked or said):
        assert {"fever", "cancer_history", "trauma", "night_pain"} <= set(
            slots.get("denied_signs") or []
        ), slots


# (outside run 125 w04: "No, only left leg. Leg is strong, I walk ok." asked all four nerve
# lines again, one by one.) What the aside tells well in its own clause is a no too.
@pytest.mark.parametrize(
    "answer",
    [
        "No, just the right one. The leg feels strong, I can walk ok",
        "nope, legs are good, walking ok",
    ],
)
async def test_an_aside_telling_all_is_well_keeps_the_no(answer: str) -> None:
    slots, _ = await check(
        answer, intent="deny", slots=NERVE_LIST, requested_slot="red_flag_screen"
    )
    assert not slots.get("screen_one_by_one"), slots
    assert {"saddle_numbness", "worsening_weakness"} <= set(slots.get("denied_signs") or []), slots


# Session 38, written before the change (outside run 125 w04, unsafe: saddle numbness and a
# slow stream told after the nerve lines were denied, "since yesterday when I use the toilet
# paper I feel it less... the pee is slow to come", got the next list's line; 911 only when
# he asked again). A sign said no to earlier and told anew is asked about directly, once.
@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("no. though since this morning wiping feels kind of numb, weird", "check_saddle"),
        ("none. only thing, it takes ages to start peeing since yesterday", "check_bladder"),
    ],
)
async def test_a_sign_denied_before_and_told_anew_is_asked_directly(
    answer: str, question: str
) -> None:
    held = {
        **SERIOUS_LIST,
        "denied_signs": ["saddle_numbness", "bladder_or_bowel_control", "both_legs_nerve",
                         "worsening_weakness"],
    }  # fmt: skip
    slots, said_text = await check(
        answer, intent="deny", slots=held, earlier_slots=held, requested_slot="red_flag_screen"
    )
    assert slots.get("direct_question") == question or slots.get("triage_level") == "emergency", (
        slots,
        said_text,
    )


# Session 38, written before the change (outside run 124 v05: a mother writing for her son of
# 15, "concussion at 11" to the fall's line, was asked "...or is he 50 or over"). The age
# part is left out once an age under 50 is known. My own wording.
async def test_the_falls_question_leaves_out_the_age_once_known() -> None:
    held = {"body_part": "lower_back", "warning_signs": ["back_pain", "young_patient"]}
    slots, text = await check(
        "I slipped on the stairs at home on friday", slots=held, earlier_slots=held
    )
    assert "fracture_risk" not in (slots.get("warning_signs") or []), slots
    assert "serious accident" in text and "50 or over" not in text, text


# Session 38, written before the change (outside run 125 w03: "no. no cancer either b4 u ask.
# can we jus book" mid-screen got "I can look your booking up: I'll need your booking
# reference"). Nothing booked, a wish to book is no booking to look up. My own wording.
@pytest.mark.parametrize("question", ["checklist:fever+cancer+trauma+night_pain", "fever"])
async def test_asking_to_book_mid_screen_is_no_booking_to_look_up(question: str) -> None:
    held = {**SERIOUS_LIST, "screen_question": question}
    slots, text = await check(
        "nah none of that. can we book already", intent="deny", slots=held,
        earlier_slots=held, requested_slot="red_flag_screen",
    )  # fmt: skip
    assert "booking reference" not in text, text
    assert "fever" in (slots.get("denied_signs") or []), slots


# Session 38, written before the change (outside runs 126 y02 and 127 z02, unsafe: the
# saddle's direct question asked once and answered no; later "my bottom is half asleep, the
# toilet paper feels kind of far away" got "Plenty of people are a bit nervous of needles"
# and the offer). Told anew later, a question asked and answered no is asked once more.
async def test_a_question_answered_no_is_asked_once_more_when_told_anew() -> None:
    held = {
        "body_part": "lower_back", "red_flag_screen": True,
        "denied_signs": ["saddle_numbness", "bladder_or_bowel_control"],
        "asked_questions": ["check_saddle"],
    }  # fmt: skip
    said = "none of these. oh and lately when I wipe it feels sort of dull and far away down there"
    slots, text = await check(
        said,
        intent="deny",
        slots=held,
        earlier_slots=held,
        requested_slot="contraindication_screen",
    )
    assert slots.get("direct_question") == "check_saddle", (slots, text)
    # Told a third time, it is the answer already given twice that stands: no loop.
    again = {**held, "asked_questions": ["check_saddle", "check_saddle:again"]}
    slots, _ = await check(
        said,
        intent="deny",
        slots=again,
        earlier_slots=again,
        requested_slot="contraindication_screen",
    )
    assert slots.get("direct_question") != "check_saddle", slots


# Session 38, written before the change (outside run 127 z03, unsafe: "i did kinda pass out
# getting my covid shot", then "its just nerves tbh" took "fainting with needles" off her
# list). A faint that happened is a fact: "nerves" takes back a fear, never a faint.
async def test_nerves_said_after_a_faint_keep_the_faint() -> None:
    held = {
        "body_part": "neck", "contraindications": ["needle_phobia"],
        "contraindication_screen": "needle_phobia",
    }  # fmt: skip
    earlier = ["none really. oh wait I did faint when they gave me my flu jab last year"]
    slots, _ = await check(
        "wait i never said that?? n its just nerves tbh, i rly wanna try it", intent="inform",
        slots=held,
        earlier_slots=held, earlier_texts=earlier,
    )  # fmt: skip
    assert "needle_phobia" in slots.get("contraindications", held["contraindications"]), slots
