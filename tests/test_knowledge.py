"""The clinic's answers file, found by meaning, and the action that answers from it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.questions import ActionAnswerQuestion
from clinic import knowledge
from tests import conftest
from tests.conftest import DOMAIN, make_tracker

# New wordings (not in answers.yml) and the topic that answers them; the threshold was
# chosen between these and the questions nobody wrote an answer for.
NEW_WORDINGS = {
    # Session 25, written before the topic was added (outside run 66 p07: "Does she have to
    # come to the consultation or can I come alone first?" got what to bring).
    "must the patient be present at the consultation": "patient_must_come",
    "can I have the consultation on behalf of my dad": "patient_must_come",
    "how many appointments will it take": "number_of_sessions",
    "do i have to take my clothes off": "clothing",
    "is every needle brand new": "needles",
    "are there scientific trials on needling": "evidence",
    "is my son too young for this": "children",
    "can i bring a friend": "companions",
    "what's the postcode": "address",
    "can i park outside": "parking",
    "are you open late on thursdays": "opening_hours",
    "what number do i ring": "phone",
    "what do you do at the first appointment": "consultation",
    "will my health plan cover it": "insurance",
    # Session 22, written before the topic was added (outside run 56 p06).
    "is a referral needed for the consultation": "referral",
    "how much is a session": "price",
    "how long will i be there": "session_length",
    "will i be sore tomorrow": "aftercare",
    "is it like acupuncture": "acupuncture",
    # Session 37, written before the topic was added (outside run 119 p04).
    "there's a grinding sound when I roll my shoulders, is it serious": "joint_noises",
    "my lower back goes click when I bend, why": "joint_noises",
    "do yall do that needle thing for sciatica": "what_it_helps",
    # Session 38, written before the topic (outside run 127 z08: a thyroid scar 3 weeks old).
    "they operated on my neck a few weeks ago, is it too soon for needles near the cut?": (
        "surgery_or_scar"
    ),
    "is needling ok that soon after an operation on my shoulder?": "surgery_or_scar",
    # (outside run 121 r04)
    "how come you're asking me the same stuff again": "why_these_questions",
    # (outside run 122 s07)
    "is it ok if my fiancé sits in on the appointment": "companions",
    "does it sting": "does_it_hurt",
    # Session 9, written before the risk wordings were added (outside run 12 asked about a
    # lung): the model pulls any needle question towards "does it hurt".
    "can the needles puncture anything inside": "side_effects",
    "is there any danger of a collapsed lung": "side_effects",
    "could you hit a nerve with the needle": "side_effects",
    "my husband has a pacemaker, can he still come": "health_conditions",
    # Session 10: found since side_effects gained its questions about the ribs and a lung
    # collapsed before (it had been a known miss).
    "is it risky near the ribs": "side_effects",
    # Session 20, written before the topic was added (outside run 46: an HSA card asked
    # about got the Medicare answer); my own wordings.
    "can i put it on my flexible spending account": "hsa",
    "do you take hsa cards": "hsa",
    # Session 20, written before the topic was added (outside run 47 p04: "No, weight is
    # same. Why you ask this?" got "Thank you, that helps"); my own wordings.
    "how come you want to know that": "why_these_questions",
    # Session 20, written before the wordings were added (outside run 47 p07: the price
    # after the free consultation got what happens at it); my own wording.
    "what will i be charged for treatment after the consultation": "price",
    # Session 20, written before the topic was added (outside run 49 p05: "He was on
    # antibiotics for a tooth thing last month... Does that matter?" got "I don't know").
    "i had a bad chest infection in october, is that important": "recent_infection",
    # Session 20, written before the topic was added (outside run 49 p04: "I need ask my
    # baby doctor before come?" got "I don't know"); my own wording.
    "must i get the ok from my midwife before the appointment": "pregnancy_visit",
    # Session 30, written before the topics were added (outside runs 83 p07 and 84 p03, p08:
    # "will they make her do needles?" got what needling helps, "is there an elevator"
    # the companions' answer and then parking, "you didnt say about the sertraline?" the
    # definition). My own wordings; the reports' own are kept apart, never tuned on.
    "do i have to agree to the needles or do they just do it": "consent",
    "are there steps at the front door": "access",
}
# Misspelt, in text-speak: found once the vocabulary's typos are mended, and the clinic's
# own words ("needling") are never taken for typos of others ("feeling").
MISSPELT_WORDINGS = {
    "do u guys do needling for headachs?": "what_it_helps",
    "hw much dose a sesion cost": "price",
    "wat shud i wear to the apointment": "clothing",
    "is neddling safe when ur pregnent": "health_conditions",
}
# Written before the new wordings were added (session 7) and not tuned on: still missed
# ("numbers" pulls towards the phone; the run scores 0.515 against the threshold 0.52).
MISSED_WORDINGS = {
    "do i need my inr numbers with me": "before_the_visit",
    "can i keep doing my 5k runs before i see you": "staying_active",
    # Session 9, written before the risk wordings were added; they came to 0.49-0.51.
    "can i get an infection from it": "side_effects",
    "will it be a problem that i take warfarin": "health_conditions",
    # Session 20, written before the topic was added and not tuned on: nearer "what it
    # helps" (0.58) for "my back".
    "what's that got to do with my back": "why_these_questions",
    # Session 22, written before the topic was added (outside run 56 p06), not tuned on:
    # 0.50 for "referral" (its other wording below is found).
    "can i come direct or does my gp have to send me": "referral",
    # Session 30, written with the consent, access and medicines topics' other rows above,
    # not tuned on: "my son" pulls towards the children's topic (0.64), "antidepressants"
    # with "the needles" towards what needling helps (0.77), metformin and a statin come to
    # 0.48, and the walker to 0.5199 against 0.52.
    "can my son refuse the needling on the day": "consent",
    "can my dad get in with his walker": "access",
    "i'm on antidepressants, is that a problem for the needles": "other_medicines",
    "does it matter that he takes metformin and a statin": "other_medicines",
}
NOBODY_ANSWERED = [
    "what's the weather like", "is dr ray single", "do you treat horses",
    "who won the football", "can you recommend a restaurant", "do you sell gift vouchers",
    "how tall is the physio", "what is the capital of france", "my knee hurts",
    "tell me a joke", "can you do my taxes", "is there a vending machine",
    "do you have wifi in the waiting room",
]  # fmt: skip
VALUES = {
    "clinic_name": "Riverside Physiotherapy", "clinic_phone": "(212) 555-0100",
    "clinic_address": "12 River Street", "opening_hours": "Monday 08:00-18:00",
    "closed_days": "on Sunday", "consultation_minutes": "30", "emergency_number": "911",
    "open_now": "We're open now, until 18:00.",
}  # fmt: skip


@pytest.fixture(scope="module")
def finder() -> knowledge.AnswerFinder:
    from addons.clinic_answers import answer_finder

    return answer_finder()


def nearest(finder: knowledge.AnswerFinder, text: str) -> knowledge.Found:
    from addons.minilm import encoder

    found = finder.nearest(encoder().encode(text).sentence)
    assert found is not None
    return found


@pytest.mark.parametrize("text", NEW_WORDINGS)
def test_a_new_wording_finds_its_answer(finder, text: str) -> None:
    found = nearest(finder, text)
    assert (found.topic, found.score >= knowledge.NEAR) == (NEW_WORDINGS[text], True)


@pytest.mark.parametrize(
    "text",
    [
        # Session 11, written before the change (outside run 19, #06's kind, new wordings):
        # a medicine named by its brand is the sentence model's unknown word.
        "do I need to come off my Xarelto before the session?",
        "should I skip my warfarin the day before needling?",
    ],
)
def test_a_medicine_named_by_its_brand_finds_its_answer(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], intent=None)
    assert found is not None and found.topic == "keep_medicines", found
    assert knowledge.is_answer(found, None)


@pytest.mark.parametrize("text", MISSPELT_WORDINGS)
def test_a_misspelt_question_finds_its_answer(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], intent=None)
    assert found is not None and found.topic == MISSPELT_WORDINGS[text]
    assert knowledge.is_answer(found, None)


def test_the_intent_models_topic_wins_when_no_topic_is_near(monkeypatch) -> None:
    import numpy as np

    from addons import clinic_answers

    # Meanings as plain vectors: "hurt" and "risk" questions, and messages between them.
    vectors = {"does it hurt?": [1.0, 0.0, 0.0], "what are the risks?": [0.0, 1.0, 0.0],
               "lung?": [0.45, 0.4, 0.7], "sting?": [0.9, 0.4, 0.0]}  # fmt: skip
    topics = [knowledge.Topic("does_it_hurt", ("does it hurt?",), "A little."),
              knowledge.Topic("side_effects", ("what are the risks?",), "Rare.")]  # fmt: skip
    finder = knowledge.AnswerFinder(lambda text: np.array(vectors[text]), topics)
    monkeypatch.setattr(clinic_answers, "answer_finder", lambda: finder)
    # These topics alone, as written here (the clinic's file asks "does it hurt" in words).
    monkeypatch.setattr(knowledge, "clinic_topics", lambda: tuple(topics))
    monkeypatch.setattr(knowledge, "topic_named", {t.name: t for t in topics}.get)
    # What the question asks, in the same plain vectors (each message is its question).
    monkeypatch.setattr(clinic_answers, "_meanings_asked", lambda text: [np.array(vectors[text])])

    def found(text: str, intent: str) -> str:
        return clinic_answers.topic_found(text, [np.array(vectors[text])], intent).topic

    # Nothing near: nearer "does it hurt" (0.49 against 0.43), but the intent model's
    # topic is not far, so it answers.
    assert found("lung?", "ask_side_effects") == "side_effects"
    assert found("lung?", "ask_clinic") == "does_it_hurt"
    # A near topic is never overruled: the intent model errs as often as the meaning.
    assert found("sting?", "ask_side_effects") == "does_it_hurt"


def test_the_clinics_own_words_are_not_typos() -> None:
    from clinic import vocabulary

    assert vocabulary.mended("do you do needling") == "do you do needling"
    assert vocabulary.mended("is neddling painful") == "is needling painful"


@pytest.mark.xfail(strict=True, reason="known misses of the sentence model, kept as a measure")
@pytest.mark.parametrize("text", MISSED_WORDINGS)
def test_a_wording_the_model_still_misses(finder, text: str) -> None:
    found = nearest(finder, text)
    assert (found.topic, found.score >= knowledge.NEAR) == (MISSED_WORDINGS[text], True)


@pytest.mark.parametrize("text", NOBODY_ANSWERED)
def test_a_question_nobody_answered_finds_nothing(finder, text: str) -> None:
    assert nearest(finder, text).score < knowledge.NEAR


def test_every_answer_fills_in_and_needs_its_settings() -> None:
    for topic in knowledge.clinic_topics():
        answer = knowledge.answer_text(topic, VALUES)
        assert answer and "{" not in answer, topic.name
        about_the_pain = knowledge.answer_text(topic, VALUES, for_the_pain=True)
        assert about_the_pain and "{" not in about_the_pain, topic.name
        assert (about_the_pain != answer) is bool(topic.for_the_pain), topic.name
        for code, _ in topic.if_told:
            told = knowledge.answer_text(topic, VALUES, told=[code])
            assert told and "{" not in told and told != answer, (topic.name, code)
    address = knowledge.topic_named("address")
    assert address and knowledge.answer_text(address, {**VALUES, "clinic_address": ""}) is None


# Session 30, written before the change (outside run 83 p03: after booking, a woman who had
# said she was 14 weeks pregnant was told that "a home test before the visit helps"). Told
# pregnant, no test is asked of her.
def test_a_possible_pregnancy_answer_told_pregnant_asks_no_test() -> None:
    topic = knowledge.topic_named("maybe_pregnant")
    said = knowledge.answer_text(topic, VALUES, told=["pregnancy"])
    assert said and "test" not in said and "midwife" in said, said


def test_a_file_with_a_topic_without_an_answer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.yml"
    path.write_text('topics:\n  - topic: x\n    questions: ["why"]\n')
    with pytest.raises(ValueError):
        knowledge.load_topics(path)


@pytest.mark.parametrize(
    ("text", "asks"),
    [("where are you?", True), ("hi, is there parking", True), ("can i bring my son", True),
     ("ok thanks", False), ("the weather is nice", False),
     # Written in session 8: text-speak asks too.
     ("wot time u open sat", True), ("wen r u free", True), ("r u open on sundays", True),
     ("wat", True), ("ready when you are", False),
     # Session 22: a sigh before the question ("ugh how many more of these" was an answer).
     ("ugh how many more of these", True), ("hmm where do i park", True),
     ("omg is it going to hurt", True), ("ugh, my back again", False),
     ("right is worse than the left", False), ("uh the left one", False),
     # Session 25, written before the change (outside run 66 p04: "is like pressing, heavy.
     # not sharp" got "I don't know the answer to that one"): "it" left out, as many
     # languages do, tells; "is it", "is there" still ask.
     ("is very tight, like a rope", False), ("are more like cramps in the evening", False),
     ("is kind of burning", False), ("is it going to hurt", True), ("is there a bus", True),
     # Session 25, written before the change (outside run 66 p06: "I am asking whether
     # there is research..." got the next checklist). A question put as a statement asks.
     ("About 4. I'm asking whether it works for shoulders", True),
     ("I'd like to know if my wife can sit in", True), ("I was told it helps", False)],
)  # fmt: skip
def test_a_message_that_asks(text: str, asks: bool) -> None:
    assert knowledge.looks_like_question(text) is asks


def answer(
    text: str, intent: str, topic: str | None = None, score: float = 0.9
) -> tuple[str, list[dict]]:
    entities = [{"entity": "answer_topic", "value": topic, "confidence_entity": score}] * bool(
        topic
    )
    return answer_with(text, intent, entities)


def answer_with(text: str, intent: str, entities: list[dict]) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent=intent, entities=entities)
    events = asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    message = dispatcher.messages[0]
    return message.get("text") or message.get("response"), events


# Session 30, written before the change (outside run 85 p05: "pressure?? dull i guess" to
# "how does the pain feel?" got "I'm sorry, I don't know the answer to that one"). An
# answer to the intake's question said with question marks is an answer, not a question.
def test_an_answer_to_the_intakes_question_is_no_question_nobody_answered() -> None:
    text = "burning?? more like a sting i think"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="ask_clinic", requested_slot="pain_quality", form="intake_form",
        entities=[{"entity": "pain_quality", "value": "burning", "start": 0, "end": 7}],
        slots={"body_part": "neck"},
    )  # fmt: skip
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert not [m for m in dispatcher.messages if m.get("response") == "utter_dont_know"]


# Session 33, written before the change (outside run 98 p05: "do you do the electric
# stimulation with the needles?" got what needling helps). The clinic's page does not say:
# a topic of its own that says so. Asked with a pacemaker, either answer names the rule.
@pytest.mark.parametrize(
    "text",
    [
        "do you guys hook the needles up to a current, like e-stim?",
        "is electro needling something you offer?",
        "I have a pacemaker, can you still use electric current on the needles?",
    ],
)
def test_electrical_stimulation_is_asked_of_the_clinic(text: str) -> None:
    topics = _topics_answered(text)
    assert len(topics) == 1, topics
    topic = knowledge.topic_named(topics.pop())
    assert "current is put through the needles" in topic.answer, topic.name


# Session 33, written before the change (outside run 99: "is it still free if i dont end up
# doing needles" got what happens at the first visit). Whether it stays free is about money,
# whatever else it names; a time or a person free is not. My own words.
@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("so the consult stays free even if I say no to the needles?", True),
        ("it's still free if he only wants exercises, right?", True),
        ("are you free saturday morning for the needling?", False),
        ("I want to be pain free, can needling do that?", False),
    ],
)
def test_whether_it_stays_free_is_about_money(text: str, price: bool) -> None:
    assert ("price" in _topics_answered(text)) is price


# Session 30, written before the change (outside run 86 p04: "wait did u get 7pm? is that
# free" at the name question got the price). A time asked to be free is the booking's.
def test_a_time_asked_to_be_free_is_no_question_of_price() -> None:
    from actions.questions import answer_if_known

    text = "hang on, did you get 6:30? is that one free"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="ask_cost", requested_slot="patient_name", form="booking_form",
        entities=[{"entity": "answer_topic", "value": "price", "confidence_entity": 0.6}],
        slots={"booking_task": "book"},
    )  # fmt: skip
    assert not answer_if_known(dispatcher, tracker, only_if_close=True, booking=True)
    assert dispatcher.messages == []


# Session 30, written before the change (outside run 87 p01: "is it actually free? and how
# much is needling after that" got the building's step-free access beside the price).
def test_free_of_charge_is_no_question_of_access() -> None:
    assert "access" not in _topics_answered("hold on, is it truly free?")
    assert "access" in _topics_answered("can my dad get up to you in a wheelchair?")


def test_a_found_topic_is_answered_from_the_file(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_ADDRESS", "12 River Street, Springfield")
    said, events = answer("where are you", "ask_clinic", "address")
    assert said == "We're at 12 River Street, Springfield."
    assert events == []


def test_an_unanswered_question_gets_the_phone_and_is_kept_for_staff(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_PHONE", "(212) 555-0100")
    said, events = answer("is dr ray married?", "ask_who_does_it")
    assert said == "utter_dont_know"
    assert events[0]["value"] == ["is dr ray married?"]


def test_a_setting_missing_for_a_topic_is_an_honest_dont_know(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_ADDRESS", "")
    monkeypatch.setenv("CLINIC_PHONE", "")
    said, _ = answer("where are you?", "ask_clinic", "address")
    assert said == "utter_dont_know_no_phone"


def test_a_misspelt_question_is_answered_when_intent_and_meaning_agree() -> None:
    said, _ = answer("how many sesions b4 it helps", "ask_sessions", "number_of_sessions", 0.4)
    assert "few sessions" in said
    said, _ = answer("is dr ray maried", "ask_who_does_it", "number_of_sessions", 0.4)
    assert said == "utter_dont_know_no_phone" or said == "utter_dont_know"


def test_a_remark_that_asks_nothing_is_out_of_scope() -> None:
    said, events = answer("the weather is lovely today", "out_of_scope")
    assert said == "utter_out_of_scope"
    assert events == []


def test_an_empty_phone_or_address_is_warned_about(monkeypatch) -> None:
    from clinic import settings

    monkeypatch.setenv("CLINIC_PHONE", "")
    monkeypatch.setenv("CLINIC_ADDRESS", "12 River Street")
    assert [w.split(" ")[0] for w in settings.missing_for_patients()] == ["CLINIC_PHONE"]
    monkeypatch.setenv("CLINIC_PHONE", "(212) 555-0100")
    assert settings.missing_for_patients() == []


def test_an_answer_given_alongside_the_pain_is_not_given_twice(monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_ADDRESS", "12 River Street, Springfield")
    entities = [{"entity": "answer_topic", "value": "address", "confidence_entity": 0.9}]
    tracker = make_tracker(text="my neck hurts, where are you?", intent="ask_clinic",
                           entities=entities)  # fmt: skip
    tracker.events.append({"event": "bot", "text": "We're at 12 River Street, Springfield."})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert not any(m.get("text") == "We're at 12 River Street, Springfield."
                   for m in dispatcher.messages)  # fmt: skip


# Written before the change (session 7), from outside run 8: a question about what to do if
# it comes back or gets worse always gets the safety net, never "I don't know".
@pytest.mark.parametrize(
    "text",
    ["what should i do if the eye goes blurry again?", "what if the pain gets worse?",
     "what should I watch out for so I know if it turns serious?",
     "and if it happens again tonight?"],
)  # fmt: skip
def test_what_to_do_if_it_gets_worse_gets_the_safety_net(monkeypatch, text: str) -> None:
    monkeypatch.setenv("CLINIC_PHONE", "(212) 555-0100")
    said, _ = answer(text, "ask_clinic")
    assert "emergency department" in said and "don't know" not in said


def test_a_statement_in_a_form_gets_no_dont_know() -> None:
    # Written after outside run 8: a plain statement mid-intake got "I don't know".
    tracker = make_tracker(
        text="it does get worse after swimming but thats just the muscle working",
        intent="ask_clinic", requested_slot="red_flag_screen", form="intake_form",
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("text", "parts"),
    # Session 8 (outside run 10): two questions in one message, each answered.
    [("what time do you open on monday? and your address please",
      ["what time do you open on monday?", "and your address please"]),
     ("how long does it take and what does it cost?",
      ["how long does it take", "what does it cost?"]),
     ("where are you?", []), ("my neck and my back hurt", []),
     # Session 17, written before the change (outside run 38: "how much is it n do u take
     # insurance?" got the insurance answer only, four times).
     ("ok so how much is it n do u take insurance?",
      ["ok so how much is it", "do u take insurance?"]),
     ("how long is a session & what should I wear?",
      ["how long is a session", "what should I wear?"]),
     # Session 19, written before the change (outside run 45 p06: "Two practical
     # questions: is there parking..., and are the needles used only once?" got one answer).
     ("None. Two things: where do I park, and do I need to bring anything?",
      ["where do I park,", "do I need to bring anything?"]),
     # (outside run 45 p02: "How much cost the treatment and you accept the insurance?")
     ("what is the price and you take medicare?", ["what is the price", "you take medicare?"]),
     # Session 25, written before the change (outside run 66 p03): a time wished for,
     # said unsure, is no question of the clinic's.
     ("saturday after 10? and is there parking", [])],
)  # fmt: skip
def test_the_questions_of_a_message_that_asks_several(text: str, parts: list[str]) -> None:
    assert knowledge.question_parts(text) == parts


def test_the_summary_asked_for_again_is_what_was_noted() -> None:
    # Session 9 (outside run 15): "can you show me the summary again?" got "I don't know".
    entities = [{"entity": "answer_topic", "value": "my_summary", "confidence_entity": 0.9}]
    tracker = make_tracker(
        slots={"body_part": "neck", "pain_quality": "aching", "pain_duration": "3 weeks"},
        text="can you show me the summary again?", intent="ask_clinic", entities=entities,
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    said = conftest.said(dispatcher)
    assert said.startswith("Here's what I have:") and "neck" in said and "3 weeks" in said
    # Nothing noted yet: the file's words.
    said, _ = answer("can you show me the summary again?", "ask_clinic", "my_summary")
    assert "Nothing about your pain is noted yet" in said


@pytest.mark.parametrize(
    ("topic", "young", "older", "answered"),
    [
        ("older_adults", True, False, "children"),
        ("children", False, True, "older_adults"),
        ("children", False, False, "children"),
        ("older_adults", False, False, "older_adults"),
        ("evidence", True, False, "evidence"),
    ],
)
def test_a_question_about_age_is_answered_for_the_patients_age(
    topic: str, young: bool, older: bool, answered: str
) -> None:
    # Session 12: "is it allowed at his age?" is the same words for a son of 15 and a
    # father of 88; what the conversation knows of the age picks the answer.
    found = knowledge.for_age(knowledge.Found(topic, 0.7), young, older)
    assert found.topic == answered and knowledge.topic_named(answered) is not None


# Session 37, written before the change (outside run 120 x7p05: "...my mother, she's 78...
# Would the needle treatment be suitable for someone her age?" got the under-18s). The age
# told in the same message as the question counts as one told before. My own wording.
def test_an_age_told_with_the_question_picks_its_answer() -> None:
    text = "my grandad is 84 now, would needling be alright for a man of his years?"
    said, _ = answer_with(
        text,
        "ask_clinic",
        [
            {"entity": "answer_topic", "value": "children", "confidence_entity": 0.75},
            {"entity": "warning_sign", "value": "aged_65_plus", "start": 15, "end": 17},
        ],
    )
    assert "under 18" not in said and "no upper age limit" in said.lower(), said


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Session 12, written before the change (outside run 23, #05's kind, new wordings):
        # text-speak is spelt out before its meaning is read.
        ("can my gf come in w me", "companions"),
        ("r u open sat", "opening_hours"),
    ],
)
def test_text_speak_finds_its_answer(text: str, topic: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == topic and knowledge.is_answer(found, None)


@pytest.mark.parametrize(
    ("text", "score", "answered"),
    [
        # Session 12, written before the change (outside run 23, #18's kind, new wordings): an
        # answer in a form that only tells ("I still go to work") is no question, whatever
        # topic the intent model and the meaning half agree on.
        ("no, I can walk fine and I still go to work", 0.45, False),
        ("nope, still driving to work every day", 0.40, False),
        ("can I go back to work after it?", 0.45, True),
    ],
)
def test_a_form_answer_that_only_tells_gets_no_answer(
    text: str, score: float, answered: bool
) -> None:
    entities = [{"entity": "answer_topic", "value": "aftercare", "confidence_entity": score}]
    tracker = make_tracker(
        text=text, intent="ask_aftercare", entities=entities, requested_slot="red_flag_screen"
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert bool(dispatcher.messages) is answered, dispatcher.messages


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Session 12, written before the change (outside run 24, #07's kind, new wordings): a
        # pregnant patient's question about the baby is about the pregnancy.
        ("would the needles be ok for the little one?", "first three months"),
        ("and is it safe for my baby?", "first three months"),
        ("I'm also still nursing my toddler, does it get into the milk?", "milk"),
    ],
)
def test_a_question_about_the_baby_in_pregnancy_gets_the_pregnancy_answer(
    text: str, said: str
) -> None:
    entities = [{"entity": "answer_topic", "value": "breastfeeding", "confidence_entity": 0.6}]
    tracker = make_tracker(
        text=text,
        intent="ask_clinic",
        entities=entities,
        slots={"contraindications": ["pregnancy"]},
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert said in " ".join(m.get("text") or "" for m in dispatcher.messages)


def test_asked_whether_needling_helps_one_place_the_research_for_it_is_told() -> None:
    """Session 17 (outside run 37: "does needling actually help headaches" got the general
    list, or nothing): the answer for a place carries that place's evidence."""
    from clinic.evidence import region_for_body_part

    topic = knowledge.topic_named("what_it_helps")
    line = region_for_body_part("head").summary
    answer = knowledge.answer_for_a_place(topic, line)
    assert answer.startswith(line) and "free consultation" in answer
    assert knowledge.answer_for_a_place(knowledge.topic_named("parking"), line) is None


@pytest.mark.parametrize(
    ("text", "entities", "words"),
    [
        # Session 17, written before the change (outside run 37: "does dry needling do
        # anything for like a throat infection" got the research on muscle pain).
        (
            "would needling do anything for my sore throat?",
            [{"entity": "other_complaint", "value": "cough"}],
            "not something dry needling treats",
        ),
        ("does dry needling do anything for like a throat infection", [], "not something"),
        ("can needling help my eczema?", [], "not something dry needling treats"),
        (
            "is needling any good for tension headaches?",
            [{"entity": "body_part", "value": "head"}],
            "tension-type headaches",
        ),
    ],
)
def test_whether_needling_helps_is_answered_for_what_the_question_names(
    text: str, entities: list[dict], words: str
) -> None:
    topic = [{"entity": "answer_topic", "value": "what_it_helps", "confidence_entity": 0.8}]
    said, _ = answer_with(text, "ask_what_is_tdn", topic + entities)
    assert words in said, said


# Session 19, written before the change (outside run 44 p07: "Ok I'm back! Where were we?"
# got "I'm sorry, I don't know the answer to that one" and was noted for the team).
@pytest.mark.parametrize(
    ("text", "resumes"),
    [
        ("hi again, sorry about that. where did we get to?", True),
        ("back now, let's carry on", True),
        ("ok, continue", True),
        ("where were you when I called?", False),
        ("can we continue the needling at home?", False),
    ],
)
def test_asking_to_carry_on_is_no_question_for_the_clinic(text: str, resumes: bool) -> None:
    assert knowledge.asks_to_carry_on(text) is resumes


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Session 20, written before the change (outside run 47: "can Gary come in with
        # me?" beside another question went unanswered, then "But you didn't say whether
        # my husband can come in with me?" got "I don't know"). A person named is someone;
        # a question asked again is read for itself. My own wordings.
        ("is it alright if Priya sits in with me?", "companions"),
        ("Would it be ok for Tomasz to come into the room with me?", "companions"),
        ("you never told me if there's parking nearby", "parking"),
        ("but you still didn't answer whether the needles are new each time", "needles"),
    ],
)
def test_a_named_person_or_a_question_asked_again_finds_its_answer(text: str, topic: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == topic, found
    assert knowledge.is_answer(found, None)


def test_a_second_question_after_now_or_but_is_its_own() -> None:
    parts = knowledge.question_parts("Now what should I bring, and can my son come too?")
    assert len(parts) == 2, parts
    parts = knowledge.question_parts("But how long is it, and is there parking?")
    assert len(parts) == 2, parts


# Session 20, written before the change (outside run 51 p02: "asking on behalf of my mother.
# She is 78... Would dry needling help her?" got the answer about children). An adult age
# said is no child's question. My own wording; it passed when written (the report's path was
# not reproduced in other words), kept as a guard; the mechanism is left (see the note).
def test_an_adults_age_said_is_no_question_about_children() -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    text = (
        "Hi, I'm writing on behalf of my father. He is 81 and has had neck pain for six weeks "
        "since painting the ceiling. Would needling help him?"
    )
    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is None or found.topic != "children", found


# Session 21, written before the change (outside run 52 p07: "no. can we get on with it"
# mid-screen got "I don't know the answer to that one" and a call-back offer). Impatience
# is heard as such, whatever the sentence model's score. My own wordings.
@pytest.mark.parametrize(
    ("text", "impatient"),
    [
        ("no. come on, can we hurry this up", True),
        ("this is taking ages", True),
        ("none of those, just get on with it", True),
        ("can we move on please", True),
        ("does the needling take long?", False),
        ("my neck is getting worse", False),
    ],
)
def test_impatience_is_heard(text: str, impatient: bool) -> None:
    assert knowledge.is_impatient(text) is impatient


# Session 21, written before the change (outside run 52 p06: "4, goes up to 7 after a long
# run. Quick q - how long is a session and does the needling hurt?" got the session's
# length alone). A question after a lead-in ("quick q -", "one thing:") is a question of
# its own. My own wordings.
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("quick one - how long does it take and is it sore afterwards?", 2),
        ("two things: where do I park and what do I wear", 2),
        ("my back, 3 weeks. btw - is it painful and how many sessions do I need?", 2),
    ],
)
def test_questions_after_a_lead_in_are_each_read(text: str, parts: int) -> None:
    assert len(knowledge.question_parts(text)) == parts, knowledge.question_parts(text)


# Session 21 (outside run 52 p07: once booked, "So I'll get the needles done Monday?" got
# what needling treats, not that the first visit is a consultation). Variants were added to
# the topic; these rows are other wordings, written after, as guards.
# Session 31 (outside run 89 p06: "can i get needled at the first visit or not" got what
# happens at the consultation, no answer to it): needles on the day have a topic of their
# own, which says the consultation comes first and that it can't be promised. My wordings.
@pytest.mark.parametrize(
    "text",
    [
        "will the needles be done at my booking on friday",
        "so I'm having needles on tuesday?",
        "will I get the needles at my first appointment?",
        "can they needle me the same day as the free consult",
    ],
)
def test_needling_on_the_day_booked_is_answered_honestly(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == "needling_first_visit", found


# Session 21, written before the change (outside run 51 p02: "Should she stop her warfarin
# before the appointment? And is there parking?" got the parking and staying active, not
# "keep taking it"; the sentence model puts "she ... her warfarin" nearer staying active).
# Asked whether to stop a medicine is the medicines' answer, each question its own. Mine.
@pytest.mark.parametrize(
    "text",
    [
        "does he need to come off his apixaban before needling",
        "should my mum skip her blood thinner tablets on the day?",
    ],
)
def test_asked_whether_to_stop_a_medicine_is_the_medicines_answer(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == "keep_medicines", found


def test_a_medicine_question_beside_another_gets_both_answers() -> None:
    from addons.clinic_answers import _further_questions, topic_found
    from addons.minilm import encoder

    text = "Does he have to stop the warfarin first? And what should he wear?"
    found = topic_found(text, [encoder().encode(text).sentence], None)
    also = {e["value"] for e in _further_questions(text, found.topic)}
    assert found.topic == "keep_medicines" and also == {"clothing"}, (found, also)


def test_a_medicine_stopped_in_the_past_asks_nothing_about_stopping() -> None:
    from addons.clinic_answers import _stops_a_medicine

    assert not _stops_a_medicine("I had to stop my tablets last year, does needling hurt?")
    assert _stops_a_medicine("do I have to stop my meds before the needles?")


# Session 22 (outside run 56 p06): a topic only for the questions ("how many more?") asked
# after them is answered by the nearest other topic, or by nothing.
def test_a_topic_only_for_the_intake_gives_way_outside_it() -> None:
    left = knowledge.Found("questions_left", 0.7, "session_length")
    assert knowledge.topic_for_now(left, "intake") == left
    assert knowledge.topic_for_now(left, "") == knowledge.Found("session_length", 0.7)
    assert knowledge.topic_for_now(knowledge.Found("questions_left", 0.7), "") is None
    price = knowledge.Found("price", 0.8)
    assert knowledge.topic_for_now(price, "") == price


def test_the_nearest_other_topic_is_kept_only_for_a_topic_of_one_part(finder) -> None:
    from addons.minilm import encoder

    meaning = encoder().encode("how long does it take?").sentence
    found = finder.with_otherwise(finder.nearest(meaning), meaning)
    assert found.topic == "questions_left" and found.otherwise == "session_length"
    meaning = encoder().encode("how much is it").sentence
    assert finder.with_otherwise(finder.nearest(meaning), meaning).otherwise == ""


# Session 23, written before the change (outside run 59 p06: "Is there any proof it works
# or is it just a trend?" got "I don't know"; the sentence model reads the bare "it" near
# nothing). The "it" that works, or is a fad, is the treatment. Mine.
@pytest.mark.parametrize(
    "text",
    ["does it actually help or is it all hype?", "honestly does it even work, or is it a gimmick"],
)
def test_whether_it_works_is_the_evidence(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == "evidence", found


# Session 23 (outside run 59 p04: "shud i ask my ob first" was not heard as a question and
# got "Sorry, I didn't quite understand"). Text-speak question words open a question.
@pytest.mark.parametrize("text", ["shud i check with my doctor first", "cud my son come in too"])
def test_text_speak_question_words_ask(text: str) -> None:
    assert knowledge.looks_like_question(text)


# Session 24, written before the change (outside run 62 p03: asked "earlier you said I
# should see a doctor TODAY. do I still need to??" after the advice was put right, she got
# "nothing needs a doctor first: I'd tell you straight away if it did"). The advice that
# was given and withdrawn is owned.
@pytest.mark.parametrize(("corrected", "owned"), [(["morning_vomiting"], True), ([], False)])
def test_a_doctor_asked_about_after_advice_put_right_owns_it(corrected: list, owned: bool) -> None:
    entities = [{"entity": "answer_topic", "value": "see_a_doctor", "confidence_entity": 0.9}]
    tracker = make_tracker(
        {"body_part": "head", "corrected_signs": corrected},
        text="you told me to see a doctor today before, do I still have to?",
        intent="ask_clinic", entities=entities,
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "nothing needs a doctor first" in said, said
    assert ("Earlier I asked you to see a doctor" in said) is owned, said


# Session 24, written before the change (outside run 63 p05: once booked, "anything he
# should do in the meantime? he has practice tomorrow" got no reply at all, then "hello?"
# the greeting). Once booked, a question is never met with silence.
def test_a_question_once_booked_is_never_met_with_silence(monkeypatch) -> None:
    from actions.questions import told_after_booking

    monkeypatch.setenv("CLINIC_PHONE", "(212) 555-0100")
    entities = [{"entity": "answer_topic", "value": "staying_active", "confidence_entity": 0.45}]
    tracker = make_tracker(
        {"body_part": "upper_back", "booking_reference": "NY9RWF",
         "booking_starts_at": "2026-12-10T18:30:00-05:00"},
        text="great thanks. anything he should do in the meantime? he has a game tomorrow",
        intent="describe_pain", entities=entities, requested_slot="pain_quality",
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    told_after_booking(dispatcher, tracker)
    assert dispatcher.messages, "no reply"


# Session 24, written after the change, as a guard (outside run 64 p08: after "dry needling
# isn't advised for you", "wait so i cant have it at all?" got "Most people feel very
# little", twice, and the patient gave up). What the precaution told means is the answer.
def test_asked_if_needling_is_possible_at_all_the_precaution_answers() -> None:
    entities = [{"entity": "answer_topic", "value": "does_it_hurt", "confidence_entity": 0.6}]
    tracker = make_tracker(
        {"body_part": "neck", "contraindications": ["needle_phobia"]},
        text="hang on, so I can't have it at all?", intent="ask_does_it_hurt", entities=entities,
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "If needles frighten you" in said and "feel very little" not in said, said


# Session 25, written before the change (outside run 66 p06: "does dry needling hurt, and
# is there actual evidence that it works?" got only the hurting, then the evidence was
# asked three times). A further question about "it" is read as about the treatment, as
# the first one is. My own words.
def test_a_second_question_about_it_is_read_as_about_needling() -> None:
    from addons.clinic_answers import _further_questions, topic_found
    from addons.minilm import encoder

    text = "how long is a session, and has it been shown to actually work?"
    found = topic_found(text, [encoder().encode(text).sentence], None)
    also = {e["value"] for e in _further_questions(text, found.topic)}
    assert found.topic == "session_length" and also == {"evidence"}, (found, also)


# Session 25, written before the change (outside run 66 p06: "You did not answer about the
# evidence." got "I can't tell you what it is", and the evidence was asked a third time).
# The topic asked again wins over the rest of the message; a bare topic ("the risks") is
# read as about dry needling. My own words.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("It's in the left shoulder only. You still haven't answered about the research.",
         "evidence"),
        ("4 maybe. you never said anything about the risks", "side_effects"),
        ("no. you didn't answer whether my husband can come in", "companions"),
    ],
)  # fmt: skip
def test_a_topic_asked_again_wins(text: str, topic: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic == topic, found


# Session 25, written before the change (outside run 67 p03: "Does the needling pain a
# lot?" got the aftercare text, the intent model sure it asked whether it hurts). Two
# topics all but tied in meaning: the sure intent decides; an unsure one does not. (Since
# session 32 the after-care is answered only when the time after is named, so the tie is
# read where it is broken, before that check.)
@pytest.mark.parametrize(("sure", "topic"), [(0.97, "does_it_hurt"), (0.6, "aftercare")])
def test_a_near_tie_goes_to_the_sure_intents_topic(sure: float, topic: str) -> None:
    from addons.clinic_answers import _meanings_asked, _nearest_topic
    from addons.minilm import encoder

    text = "is needling pain big?"
    meanings = [encoder().encode(text).sentence]
    found = _nearest_topic(text, meanings, "ask_does_it_hurt", sure, _meanings_asked(text))
    assert found is not None and found.topic == topic, found


# Session 25, written before the change (outside run 67 p05: "but u didnt say, do i have to
# stay the whole time??" got the number of sessions). Asked again in text-speak, or with
# the question itself after the reminder.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("u didnt say, is parking free", "is parking free"),
        ("you never answered: can my wife come in", "can my wife come in"),
        ("you didn't say whether it hurts", "it hurts"),
    ],
)
def test_a_question_asked_again_in_other_words(text: str, asked: str) -> None:
    assert knowledge.asked_again(text) == asked


# Session 25, written before the change (outside run 68 p05: "is there evidence for
# sciatica specifically?" got "I can't tell you what it is", twice). Evidence asked for a
# condition is the research, never a diagnosis.
@pytest.mark.parametrize(
    "text", ["any proof it works on a slipped disc?", "what does the research say for sciatica"]
)
def test_evidence_asked_for_a_condition_is_no_diagnosis(text: str) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic != "what_it_is", found


# Session 26, written before the change (outside run 69: "I can't tell you what it is" to
# four first messages that asked no such thing: "Buddy says dry needling sorted his
# sciatica. Can I get in this week?", a knot "kinda right side??"). A condition named in a
# statement, or a question mark after a place said unsure, asks for no diagnosis; nor does
# a wish to try needling ask for other treatments. My own words.
def _topics_answered(text: str) -> set[str]:
    from addons.clinic_answers import topics_asked
    from addons.minilm import encoder

    found, also = topics_asked(text, [encoder().encode(text).sentence], None)
    if found is None or found.score < knowledge.NEAR:
        return set()
    return {found.topic} | {e["value"] for e in also}


@pytest.mark.parametrize(
    ("text", "unasked"),
    [
        ("Tweaked my back moving a sofa last week, now it shoots down my right leg. My cousin "
         "said needling fixed her sciatica. Any chance of an appointment Friday?", "what_it_is"),
        ("I've had a trapped nerve in my neck before. Do you have anything on Tuesday?",
         "what_it_is"),
        ("Neck's been stiff for a month from my desk, sorta left side?? keen to book",
         "what_it_is"),
        ("My wife has a slipped disc diagnosed last year and the pain is back. Can she book?",
         "what_it_is"),
        ("heyy my calves are super tight from marathon training, i'd love to give the needles "
         "a go!", "other_treatments"),
        ("Been getting knots in my traps from swimming, left side?? Would really like to try "
         "the needling!", "other_treatments"),
    ],
)  # fmt: skip
def test_a_topic_only_asked_in_words_is_not_read_from_a_statement(text: str, unasked: str) -> None:
    assert unasked not in _topics_answered(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("My lower back hurts and it goes into my bum. Could this be sciatica?", "what_it_is"),
        ("My knee clicks when I squat. Is that arthritis?", "what_it_is"),
        ("Is it just a pulled muscle, do you think?", "what_it_is"),
        ("sciatica?", "what_it_is"),
        # Held apart at first, and failed: "that" is read with the sentence before it.
        ("It grabs in my lower back when I bend. Is that a disc problem?", "what_it_is"),
        ("what else can you do if I don't want needles?", "other_treatments"),
    ],
)
def test_a_topic_only_asked_in_words_is_answered_when_asked(text: str, asked: str) -> None:
    assert asked in _topics_answered(text)


# Session 33, written before the change (outside run 102 p04: "Is possible to make
# appointment?" got "Yes, you're welcome to bring someone with you"). Who may come along is
# asked with a companion in its words. My own words.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("is it possible to get an appointment this week?", False),
        ("possible to make appointment for my back?", False),
        ("can my sister sit in with me?", True),
        ("is it ok to bring my toddler along?", True),
    ],
)
def test_companions_are_answered_when_a_companion_is_asked_about(text: str, asked: bool) -> None:
    assert ("companions" in _topics_answered(text)) is asked


# Session 33, written before the change (outside runs 96 p08 and 99 p03: "If you're not
# sure, yes [see a doctor]" to "...his doctor is closed... Is this from the neck?"): whether
# to see a doctor is answered when the question asks it, not when a doctor is only named
# in the story beside another question.
@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("Ok. His doctor is closed until Wednesday i think. Also he say it hurt when he chew "
         "food, and yesterday for few minutes he cannot see good from one eye, then it come "
         "back. Is this from the neck?", False),
        ("His doctor is closed till Thursday. Also his jaw aches when he eats. Is this from "
         "the neck?", False),
        ("my GP just gave me pills that did nothing. could it be a nerve thing?", False),
        ("Doctor said it's muscular. Will it come back after needling?", False),
        ("should i get it looked at by a dr first?", True),
        ("Does my mum need to see her doctor before coming to you?", True),
        ("is this a doctor thing or a physio thing", True),
    ],
)  # fmt: skip
def test_seeing_a_doctor_is_answered_when_the_question_asks_it(text: str, answered: bool) -> None:
    assert ("see_a_doctor" in _topics_answered(text)) is answered


# Session 33, written before the change (outside run 100 p05: "do I have to? it's my
# shoulder blade area, I'd rather just explain to the physio in person" got the advice on
# staying active). Whether a question must be answered is a topic of its own; "do I have
# to" of something else is not it. My own words.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("do I have to answer all of these?", True),
        ("can I skip this one, I'd rather tell the physio face to face", True),
        ("is this question really necessary?", True),
        ("Do I have to lie face down for it?", False),
        ("do I have to stop going to the gym?", False),
        ("do I have to bring my scans?", False),
    ],
)
def test_whether_a_question_must_be_answered_is_its_own_topic(text: str, asked: bool) -> None:
    assert ("must_i_answer" in _topics_answered(text)) is asked


# Held apart: written with the two above, never run while changing the code.
@pytest.mark.parametrize(
    ("text", "topic", "answered"),
    [
        ("Strained something in my hamstring sprinting, physio at uni called it a grade 1 "
         "tear. Can I book in for Monday?", "what_it_is", False),
        ("Got a bad knot under my left shoulder blade from carrying my toddler lol, hoping "
         "the needles can sort it", "what_it_is", False),
        ("My doctor says I have fibromyalgia. Would you have something on Wednesday morning?",
         "what_it_is", False),
        ("Back's been locked up since Tuesday, right side? Keen to get in soon.", "what_it_is",
         False),
        ("I was told it's a rotator cuff thing. What times do you have next week?",
         "what_it_is", False),
        ("Did some heavy gardening Saturday and now my lower back is locked, maybe a bit "
         "left?? Hoping to come in this week", "what_it_is", False),
        ("My last physio said I've got a frozen shoulder. Are you open on Saturday?",
         "what_it_is", False),
        ("I keep getting a sharp pain in my buttock when I sit. Is it my piriformis?",
         "what_it_is", True),
        ("My neck cracks and grinds when I turn. Could that be arthritis?", "what_it_is", True),
        ("Do you think it's a pinched nerve in my neck?", "what_it_is", True),
        ("my heel hurts first thing in the morning, is it plantar fasciitis?", "what_it_is",
         True),
    ],
)  # fmt: skip
def test_a_diagnosis_is_answered_only_when_asked_held_apart(
    text: str, topic: str, answered: bool
) -> None:
    assert (topic in _topics_answered(text)) is answered


# Session 26 (outside runs 67 p05 and 69 p08: a parent's "do I have to stay the whole
# time?" got the number of sessions, then the under-18 paragraph twice). A topic of its own;
# my own words, run once the topic was written.
@pytest.mark.parametrize(
    "text",
    [
        "can I go get a coffee while my daughter has her appointment?",
        "will I need to stay with him for the hour?",
    ],
)
def test_whether_a_parent_stays_is_its_own_topic(text: str) -> None:
    assert _topics_answered(text) == {"parent_stays"}


# Session 26, written before the change (outside run 69 p03: "And I can bring my son, he is
# 6?" beside other questions got the under-18 text). A child who comes along asks about
# companions; a child as the patient stays the children's topic. My own words.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can I bring my daughter along, she's 4?", "companions"),
        ("Two things: what should I wear? and is it ok to take my son with me, he's 7?",
         "companions"),
        ("Is dry needling OK for my 15 year old son?", "children"),
    ],
)  # fmt: skip
def test_a_child_brought_along_is_a_companion(text: str, topic: str) -> None:
    assert topic in _topics_answered(text)


# Session 26, written before the change (outside run 71 p03: "...Before anything, how much
# does dry needling cost and do you take Aetna?" got the price alone). A question after a
# lead-in and a comma is a question part of its own. My own words.
def test_a_question_after_a_lead_in_is_a_part_of_its_own() -> None:
    text = (
        "My back has been sore for weeks from the garden. First of all, how much is it and "
        "do you take Cigna?"
    )
    assert {"price", "insurance"} <= _topics_answered(text)


# Session 27, written before the change (outside run 72 p02: "u didnt answer, is ibuprofen ok
# before? and do they do the needling tmrw or just talk" got "I don't know": two questions
# together blur each other's meaning). Each is read alone too. My own words.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("you never said - is tylenol fine the day before? and will it hurt much?",
         "painkillers"),
        ("how much is it after the free one, and is there parking near you?", "price"),
    ],
)  # fmt: skip
def test_each_of_two_questions_is_read_alone_too(text: str, topic: str) -> None:
    assert topic in _topics_answered(text)


# Session 30, written before the change (outside run 84 p06: "Is dry needling something
# you'd do for that?" got the other treatments, read as "Is there an alternative to dry
# needling?"). A question about alternatives names one; one about pain names it. My own
# wordings, found failing the same way before the change.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Would dry needling be an option for me?", "what_it_helps"),
        ("is dry needling suitable for that?", "what_it_helps"),
        ("Is dry needling the right thing for my knee?", "what_it_helps"),
        ("is dry needling a thing you do for shoulders?", "what_it_helps"),
        ("what do you do instead of needles?", "other_treatments"),
        ("does the needling hurt much?", "does_it_hurt"),
        # Session 30 (outside run 86 p03: "she have pain in the neck... is possible the
        # needles for her?" got "does it hurt"): the words of what is asked count. Mine.
        (
            "my dad has had back pain for years, he is 80. would needles be possible for him?",
            "what_it_helps",
        ),
        # (outside run 86 p05: "can i have the needles or not? with the baby" got consent)
        ("am I allowed the needles or not, being diabetic?", "health_conditions"),
        # (outside run 87 p03: "I am breastfeeding still, is ok for needles?" got what
        # needling helps, twice): a question pointing back asks of what was said before it.
        ("I am nursing. is ok for needles?", "breastfeeding"),
    ],
)
def test_alternatives_and_pain_are_asked_in_their_words(text: str, topic: str) -> None:
    assert _topics_answered(text) == {topic}


# Session 27, written before the change (outside run 72 p05: "4ish, she's tough lol. can i
# be in the room w her? shes kinda scared of needles tbh" got what needling treats, twice).
# What the question asks wins over what the rest of the message is near. My own words.
@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("about a 5, he's fine really. may I sit in with him during it? he gets nervous "
         "with needles", {"companions", "parent_stays"}),
        ("3 maybe. my wife wants to know, how long does the consult take? she worries",
         {"session_length", "consultation"}),
        # Outside run 72 p08's kind: the risks for "can the needles fix it".
        ("strained my mid back lifting boxes near my ribs at the weekend. will needling sort "
         "it out?", {"what_it_helps"}),
    ],
)  # fmt: skip
def test_what_the_question_asks_wins_over_the_rest(text: str, topics: set[str]) -> None:
    from addons.clinic_answers import topic_found
    from addons.minilm import encoder

    found = topic_found(text, [encoder().encode(text).sentence], None)
    assert found is not None and found.topic in topics, found


# Session 27, written before the change (outside run 72 p07: "none. whats the evidence like
# for it tho, my buddy says its placebo" with the checklist's answer got "I don't know").
# Evidence asked in words is the evidence's question when nothing else is close. My words.
@pytest.mark.parametrize(
    "text",
    [
        "nope. hows the research on it looking tho? my wife thinks its placebo",
        "my sister reckons it's all placebo. is there actual research behind it?",
    ],
)
def test_evidence_asked_in_words_finds_the_evidence(text: str) -> None:
    assert "evidence" in _topics_answered(text)


# Session 27 (outside run 74 p06: a pregnant patient's "will my employer or insurance find
# out?" got the insurance text, then parking twice). Privacy is a topic of its own; my own
# words, run once the topic was written.
@pytest.mark.parametrize(
    "text",
    ["is any of this passed on to my boss?", "who gets to read what I've typed in here?"],
)
def test_privacy_is_answered(text: str) -> None:
    assert "privacy" in _topics_answered(text)


# Session 28, written before the change (outside run 76 p02: "Are you saying it's the cancer
# back?", written for a mother who had the cancer, got "A relative's illness doesn't change
# whether dry needling suits you"). A relative's illness is asked of when a relative is
# named. My own wordings.
@pytest.mark.parametrize(
    ("text", "relatives"),
    [
        ("is the cancer back, is that it?", False),
        ("could her old lymphoma have come back?", False),
        ("my aunt had breast cancer, does that matter for me?", True),
        # (A statement beside a question of its own asks that question: "strokes run in
        # the family, is needling ok for me?" is about health conditions.)
        ("does it matter that strokes run in my family?", True),
        ("my brothers epilepsy, is that an issue for me?", True),
    ],
)
def test_a_relatives_illness_is_asked_only_when_a_relative_is_named(
    text: str, relatives: bool
) -> None:
    assert ("family_history" in _topics_answered(text)) is relatives


# Session 28, written before the change (outside run 76 p05: "Must I bring pacemaker card?"
# got the list of health conditions). My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        # Pending: "bring" with a relative is nearest companions (0.47), under the line.
        pytest.param(
            "should my mum bring her implant ID card?",
            marks=pytest.mark.xfail(strict=True, reason="nearest is companions"),
        ),
        "do i have to take my device card along",
    ],
)
def test_a_device_card_asked_about_is_what_to_bring(text: str) -> None:
    assert "before_the_visit" in _topics_answered(text)


# Session 28, written before the change (outside run 76 p05: "Also before you write pain 7.
# Is wrong, usually 5. Please correct for physio." was answered as a question with the
# needles' sting and the doctor's text). "Is wrong" without a subject or a question mark
# puts a fact right; it asks nothing. My own wordings.
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("the side you wrote. Was wrong, it is left. Please change", False),
        ("number 8 is not correct, normally 4", False),
        ("the number for pain. Is not right, normally 3", False),
        ("Is wrong side. Please fix", False),
        ("is wrong?", True),
        ("is it wrong to have needling twice a week?", True),
    ],
)
def test_a_fact_put_right_asks_nothing(text: str, asks: bool) -> None:
    assert knowledge.asks_somewhere(text) is asks


# Session 28, written before the change (outside run 76 p01: "do i need to see a doctor
# today or not" after the advice to see a doctor today got the advice, then "If you're not
# sure, yes. Anything that isn't a muscle or joint pain..."). With a flag standing, the
# advice is the answer about the pain; the general text is not said beside it.
def test_a_doctor_asked_about_while_a_flag_stands_gets_no_general_text() -> None:
    from actions.questions import answer_if_known

    entities = [{"entity": "answer_topic", "value": "see_a_doctor", "confidence_entity": 0.9}]
    tracker = make_tracker(
        {"body_part": "head", "red_flags": ["headache_warning_signs"], "triage_level": "urgent"},
        text="ok but do I actually have to see someone today?",
        intent="ask_clinic", entities=entities,
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    answer_if_known(dispatcher, tracker, only_if_close=True)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "If you're not sure, yes" not in said, said


# Session 28, written before the topic (outside run 76 p02: "is it OK that I'm answering for
# her?" got "I don't know"). My own wordings.
@pytest.mark.parametrize(
    "text",
    [
        # Pending: "typing for him" is 0.43 from the topic, under the line.
        pytest.param(
            "sorry, is it fine that I'm typing for him?",
            marks=pytest.mark.xfail(strict=True, reason="0.43, under the line"),
        ),
        "can I answer on my grandma's behalf?",
    ],
)
def test_answering_for_someone_else_is_answered(text: str) -> None:
    assert "answering_for_someone" in _topics_answered(text)


# Session 28, written after the topic (outside run 77 p07: "I just said no fall. Is this
# really a today thing?..." got the new answer about falls). A topic is not answered when
# the message says no to what it is about; asked, it is. My own wordings.
@pytest.mark.parametrize(
    ("text", "falls"),
    [
        ("there was no fall, I told you. so does it really have to be today?", False),
        ("she never fell. is that even important?", False),
        ("does the tumble I had last week matter?", True),
    ],
)
def test_a_fall_said_not_to_have_happened_gets_no_answer_about_falls(
    text: str, falls: bool
) -> None:
    assert ("a_fall" in _topics_answered(text)) is falls


# Session 29, written before the change (outside run 79 p03: "should she bring her INR
# results and the doctor's note to the appointment?" for a woman of 71 got the pregnancy
# answer, and "pregnancy?? she's 71..." got it again). A pregnancy topic answers only a
# question that names a pregnancy, not one that asks the word back. My own wordings.
@pytest.mark.parametrize(
    ("text", "pregnancy_answered"),
    [
        ("do I need to bring my blood test results and a letter from my GP?", False),
        ("should he bring his scan and the referral letter from his doctor?", False),
        ("do I bring the note from my doctor to the consultation?", False),
        ("pregnant?? he is 80. I asked about his medication list", False),
        ("do I need a note from my midwife to come in?", True),
        ("I'm 20 weeks along, should I check with my OB first?", True),
    ],
)
def test_a_pregnancy_topic_answers_only_a_question_of_pregnancy(
    text: str, pregnancy_answered: bool
) -> None:
    answered = _topics_answered(text)
    assert bool(answered & {"pregnancy_visit", "maybe_pregnant"}) is pregnancy_answered, answered


# Session 29, written before the change (outside run 79 p04: "how much does it cost after the
# free consult? we have Aetna" got the price and nothing on the insurer, asked for again).
# An insurer named beside a question asks about the insurance too. My own wordings.
@pytest.mark.parametrize(
    "text",
    ["what do sessions cost after the first one? we're with Cigna",
     "how much will it be, I've got Blue Cross through work"],
)  # fmt: skip
def test_an_insurer_named_beside_a_question_asks_about_insurance(text: str) -> None:
    assert "insurance" in _topics_answered(text), _topics_answered(text)


# Session 29, written before the change (outside run 81 p06: "...a really stiff neck and
# headache since yesterday... can she come tomorrow" as the first message got "I can look your
# booking up"). A day wished for with the pain, nothing booked, is kept for the offer.
def test_a_day_wished_for_with_the_pain_is_no_booking_to_look_up() -> None:
    text = "my dad's lower back has ached since friday and he'd like to try it. can he come monday"
    entities = [
        {"entity": "body_part", "value": "lower_back", "start": 9, "end": 19},
        {"entity": "answer_topic", "value": "my_booking", "confidence_entity": 0.6},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent="ask_clinic", entities=entities, form="")
    events = asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    said = " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "look your booking up" not in said, said
    assert any(e.get("name") == "wished_time" for e in events), events


# Session 31, written before the change (outside run 89 p07: "asking on behalf of my
# husband Robert, he is 61... Would dry needling be appropriate?" got "We see young people
# too. Anyone under 18..."). The children's answer is for a question in words of the young.
# My words.
@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("Hello, I'm writing for my wife Mei, she's 58 and her neck has been stiff for a "
         "month. Is dry needling suitable for her?", False),
        ("my husband is 66, low back for 3 weeks. could needling be right for him?", False),
        ("is my son too young for this", True),
        ("can my 15 year old daughter have dry needling?", True),
    ],
)  # fmt: skip
def test_the_childrens_answer_is_for_a_question_about_the_young(text: str, children: bool) -> None:
    assert ("children" in _topics_answered(text)) is children


# Session 31 (outside run 90 p07: "should he wear shorts?" got "I don't know"). Variants
# naming a garment were added to the clothing topic; these are other wordings, as guards.
_NOT_NEAR = pytest.mark.xfail(strict=True, reason="below the sentence model's threshold")


@pytest.mark.parametrize(
    "text",
    [
        "does he need to bring shorts?",
        # (near since session 34's variants for clothes worn for sport)
        "can I come in my gym leggings",
        pytest.param("is a t-shirt ok?", marks=_NOT_NEAR),
    ],
)
def test_a_garment_named_is_the_clothing_question(text: str) -> None:
    assert "clothing" in _topics_answered(text)


# Session 31, written before the change (outside run 90 p05: "do i have to do all the
# questions?" went unanswered). My wordings.
@pytest.mark.parametrize(
    "text", ["must I answer every one of these questions?", "how many more questions are there"]
)
def test_asking_about_the_number_of_questions_is_impatience(text: str) -> None:
    assert knowledge.is_impatient(text)


# Session 31, written before the change (outside run 91 p08: "can i have woman physio?" got
# three wrong answers). My wordings.
@pytest.mark.parametrize(
    "text",
    [
        "would a female physio be possible for me?",
        "could my wife see a lady therapist",
        pytest.param(
            "do you have a woman who does needling",
            marks=pytest.mark.xfail(strict=True, reason="nearer who does the needling"),
        ),
    ],
)
def test_asking_for_a_woman_or_a_man_is_answered(text: str) -> None:
    assert "practitioner_choice" in _topics_answered(text)


# Session 31, written before the change (outside run 92 p07: the subway asked about three
# times got who does needling and the address alone). My wordings.
@pytest.mark.parametrize(
    "text", ["what subway do I take to you?", "is there a bus that stops near the clinic"]
)
def test_public_transport_is_answered_honestly(text: str) -> None:
    assert "public_transport" in _topics_answered(text)


# Session 32, written before the change (outside run 94: "Could needling help her?" got the
# medicines answer, "is it like a big needle?" "I don't know", "do i HAVE to get needled?
# like can i just ... do exercises" the first visit and the after-care). A topic of one
# thing (medicines, age, the time after) is answered only when that thing is named; the
# others were missing wordings. Each row is my own wording, none the report's.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("my dad's back has been bad for years. would needling help him at all?", "what_it_helps"),
        ("how big are the needles you use, like a flu jab?", "needles"),
        ("if I book, am I obliged to have the needles or can we just do exercises?", "consent"),
    ],
)  # fmt: skip
def test_questions_of_run_94_find_their_topic(text: str, topic: str) -> None:
    assert _topics_answered(text) == {topic}


@pytest.mark.parametrize(
    ("text", "unasked"),
    [
        ("could the needling help my wife?", "other_medicines"),
        ("could the needling help my wife?", "older_adults"),
        ("i'd like to just be checked out and given some exercises", "aftercare"),
    ],
)  # fmt: skip
def test_a_topic_of_one_thing_needs_that_thing_named(text: str, unasked: str) -> None:
    assert unasked not in _topics_answered(text)


# Session 32, written before the change (outside run 96 p01: "hi. tension headaches most
# days, desk job. does dry needling help" got "I don't know", with no question mark). A
# question of the treatment asks without its mark too. My wordings.
@pytest.mark.parametrize(
    "text",
    ["my shoulders are always tight. does dry needling help",
     "lower back's been bad for months. can dry needling help"],
)  # fmt: skip
def test_a_question_of_the_treatment_without_its_mark_is_answered(text: str) -> None:
    assert _topics_answered(text) == {"what_it_helps"}


# Session 32, written before the change (outside run 98 p07: "so can i get the needling then
# or not" got the breastfeeding answer). My wording.
def test_breastfeeding_is_answered_only_when_nursing_is_named() -> None:
    assert "breastfeeding" not in _topics_answered("so could i get the needling then or not")
    # the run's own words, as the regression it was
    assert "breastfeeding" not in _topics_answered("so can i get the needling then or not")
    assert _topics_answered("does the needling get into breast milk, im still nursing?") == {
        "breastfeeding"
    }


# Session 33, written before the change (outside run 103 p08: "...is that ok to wait till
# tomorrow?" raised 911 for the heart, then got "Painkillers such as ibuprofen... are fine
# before your appointment" beside it). In the turn the emergency advice is given, it is the
# answer: no topic beside it.
def test_no_topic_beside_emergency_advice_just_given() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="he got sweaty on the stairs and had to sit, is it ok to wait till tomorrow?",
        intent="ask_clinic", form=None,
        entities=[{"entity": "answer_topic", "value": "painkillers", "confidence_entity": 0.9}],
        slots={"triage_level": "emergency", "red_flags": ["cardiac"]},
    )  # fmt: skip
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    assert not dispatcher.messages, dispatcher.messages


# Session 34, written before the change (outside run 106 p06: "none. well got some back
# acne lol does that count" got "It depends on your problem: many people notice a change
# within a few sessions", the intent model's guess). Whether something named counts is
# about that thing: a topic only guessed is no answer. My own wordings.
@pytest.mark.parametrize(
    "text", ["I do get spots on my shoulders, does that count", "bit of eczema is that a problem"]
)
def test_whether_something_named_counts_is_no_guessed_topic(text: str) -> None:
    reply, _ = answer(text, "ask_sessions", "number_of_sessions", score=0.45)
    assert "sessions" not in (reply or ""), reply


# Session 34, written before the change (outside run 107 p01: "yes. can i do after work,
# like 6pm?" to the offer got when people go back to work after needling). A question that
# names a clock time, its topic not close, is a time wished for. My own wordings.
@pytest.mark.parametrize(
    "text", ["sure. could I come after my shift, around 5pm?", "ok, after school pickup, 3:30?"]
)
def test_a_question_naming_a_clock_time_is_a_time_wished(text: str) -> None:
    from actions.questions import answer_if_known

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="request_booking",
        entities=[{"entity": "answer_topic", "value": "back_to_work", "confidence_entity": 0.58}],
    )  # fmt: skip
    assert not answer_if_known(dispatcher, tracker)
    assert dispatcher.messages == []


# Session 34, written before the change (outside run 108 p03: "Hello. I am have pain in neck
# since 3 weeks... My friend say the needle is good. Is possible?" got "I'm sorry, I don't
# know the answer to that one" and a call-back offered). A short question after a pain told
# asks whether needling may help: the assessment answers it, never "I don't know". My words.
@pytest.mark.parametrize(
    "text",
    ["my lower back hurts since 2 weeks, left side. my sister say needles help. Is possible?",
     "knee sore for a month after running, can work?"],
)  # fmt: skip
def test_a_short_question_after_a_pain_told_is_no_question_nobody_answered(text: str) -> None:
    entities = [{"entity": "body_part", "value": "lower_back" if "back" in text else "knee",
                 "start": 3, "end": 13}]  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent="ask_clinic", entities=entities)
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    responses = [m.get("response") or m.get("text") or "" for m in dispatcher.messages]
    assert not any("dont_know" in r or "don't know" in r for r in responses), responses


# Session 35, written before the change (outside run 110 p08: after "a big boil ... red n
# kinda hot" was told and booked, "should i get the boil looked at before thurs or just show
# the physio" got "I'm sorry, I don't know the answer to that one"). A question about a
# precaution held is answered with what it means, its advice to see a doctor with it. My
# own wordings, as the chat reads them (the precaution's entity in the message).
@pytest.mark.parametrize(
    ("text", "code", "says"),
    [
        ("do i need a doctor for the abscess first or can the physio check it", "skin_infection",
         "doctor"),
        ("what should I do about the infected cut before I come in?", "skin_infection",
         "doctor"),
        ("is the blood thinner thing going to be an issue on the day?", "anticoagulants",
         "blood thinner"),
    ],
)  # fmt: skip
def test_a_question_about_a_precaution_held_is_answered_with_what_it_means(
    text: str, code: str, says: str
) -> None:
    dispatcher = CollectingDispatcher()
    entities = [{"entity": "contraindication", "value": code, "start": 0, "end": 1}]
    tracker = make_tracker(
        text=text, intent="ask_clinic", entities=entities, slots={"contraindications": [code]}
    )
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, DOMAIN))
    said = " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "don't know" not in said, said
    assert says in said.lower(), said


# Session 37, written before the change (outside run 119 p04: "the crack sound... Is it
# dangerous?", and in non-native words "the clicking when I look up, is bad?" got "I don't
# know"). A question of a bare predicate asks of the clause before it. My own wordings.
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("but the clicking when I look up, is bad?", "the clicking when I look up, is bad?"),
        ("my knee grinding, is normal?", "my knee grinding, is normal?"),
        ("from my desk, sorta left side??", "sorta left side?"),
    ],
)
def test_a_bare_predicate_asks_of_the_clause_before(text: str, asked: str) -> None:
    assert knowledge.asked_clauses(text) == [asked]


# Session 37 (outside run 123 u04: "In pregnancy, treatment is done lying on your side" said
# to a man asking how he would lie). The pregnancy's line only to a pregnancy told.
def test_the_positions_answer_speaks_of_pregnancy_only_when_told() -> None:
    topic = knowledge.topic_named("positions")
    values = knowledge.clinic_values()
    assert "pregnan" not in knowledge.answer_text(topic, values).lower()
    told = knowledge.answer_text(topic, values, told=["pregnancy"])
    assert "in pregnancy" in told.lower()
