"""NLU component: the clinic's answer nearest in meaning to the message (answers.yml).

A thin adapter over `clinic.knowledge`: the message's meaning comes from the features
`SentenceMeaning` already computed (the sentence's and each clause's), so finding the
answer costs one matrix product. The nearest topic at or above `knowledge.NEAR` becomes an
`answer_topic` entity. A message that asks something and is near a topic, but that the
intent model took for chat, an answer or nothing it knew, is a question for the clinic
(`ask_clinic`); a pain, a red flag or a booking keeps its intent.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.minilm import encoder
from addons.safety_screen import meanings_of, set_intent
from clinic import knowledge, safety, vocabulary
from clinic.intake import question_after_answer
from clinic.language import english
from clinic.safety.answers import describes_the_pain

ANSWER_ENTITY = "answer_topic"
QUESTION_INTENT = "ask_clinic"
# Intents a question for the clinic is often mistaken for.
_MISTAKEN_FOR = frozenset({"inform", "greet", "affirm", "deny", "thanks"})
# A question the model knew nothing of goes to the answers, which may say "I don't know".
_UNKNOWN = frozenset({"out_of_scope", "nlu_fallback"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ClinicAnswers(GraphComponent):
    """Adds the nearest answer's topic; makes a mistaken clinic question `ask_clinic`."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicAnswers:
        """Creates the component; the answers are encoded on first use."""
        return cls()

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ClinicAnswers:
        """The component of a model loaded to serve: its 213 questions encoded now (3 s),
        not on the first patient's message."""
        answer_finder()
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds `answer_topic` (the nearest topic, its score as the confidence)."""
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            sure = float((message.get(INTENT) or {}).get("confidence") or 0.0)
            text = message.get(TEXT) or ""
            found, also = topics_asked(text, meanings_of(message), intent, sure)
            if found is None:
                continue
            entity = _entity(found)
            message.set(ENTITIES, [*message.get(ENTITIES, []), entity, *also], add_to_output=True)
            if _question_for_the_clinic(message, found):
                set_intent(message, QUESTION_INTENT, max(found.score, knowledge.NEAR))
        return messages


# Money asked about in so many words, and the topics that answer it.
_MONEY = re.compile(
    r"\b(?:cost|costs|price|prices|pay|paying|charge|charged|charges|fee|fees|how much|"
    r"expensive|cheap|afford)\b"
    # Whether it stays free: "is it still free if I don't do needles" (outside run 99); not
    # a time free ("is that one free") or "pain free".
    r"|\b(?:still|stays?|remains?|it'?s|is|totally|completely)\s+free\b(?!\s+(?:on|at|for a|to)\b)"
    r"|\bfree\s+(?:of charge|even|if|regardless|either way|anyway)\b",
    re.IGNORECASE,
)
_PRICE = "price"
_INSURANCE = "insurance"
_KEEP_MEDICINES = "keep_medicines"
# Stopping or skipping a medicine, asked: "does he need to come off his apixaban?".
_STOPS = re.compile(
    r"\b(?:should|shall|do|does|need|needs|have to|has to|must|can|could|ok to|okay to|"
    r"better to)\b[^.?!]{0,30}"
    r"\b(?:stop|stopping|come off|coming off|go off|skip|skipping|pause|hold off|leave off|"
    r"quit)\b[^.?!]{0,40}\b(?:medicines?|medications?|meds|tablets?|pills?|blood thinners?|"
    r"aspirin|insulin|injections?)\b",
    re.IGNORECASE,
)


def _stops_a_medicine(text: str) -> bool:
    """Whether `text` asks about stopping or skipping a medicine, named by kind or brand."""
    return bool(_STOPS.search(safety.medicines_named_plainly(text)))


_MONEY_TOPICS = frozenset({_PRICE, "insurance", "medicare", "hsa", "parking"})
_WHAT_IT_IS = "what_it_is"
_EVIDENCE = "evidence"
_ASKS_FOR_EVIDENCE = re.compile(
    r"\b(?:evidence|research|studies|study|proof|proven|trials?|science|scientific|placebo)\b",
    re.IGNORECASE,
)


def _entity(found: knowledge.Found, role: str | None = None) -> dict[str, Any]:
    """The `answer_topic` entity of a topic found; "otherwise" is the nearest other topic,
    for a topic asked outside the part of the chat it is for."""
    entity = {
        "entity": ANSWER_ENTITY,
        "value": found.topic,
        "confidence_entity": round(found.score, 3),
        "extractor": ClinicAnswers.__name__,
    }
    if role:
        entity["role"] = role
    if found.otherwise:
        entity["otherwise"] = found.otherwise
    return entity


def topics_asked(
    text: str, meanings: list[Any], intent: str | None, sure: float = 0.0
) -> tuple[knowledge.Found | None, list[dict[str, Any]]]:
    """The topic a message asks about (`topic_found`), and its other questions' topics as
    `answer_topic` entities with the role "also"."""
    found = topic_found(text, meanings, intent, sure)
    insurer = knowledge.names_an_insurer(text) and (
        knowledge.looks_like_question(text) or bool(_MONEY.search(text))
    )
    if insurer and (found is None or found.score < knowledge.NEAR):
        found = knowledge.Found(_INSURANCE, knowledge.NEAR)
    if found is None:
        return None, []
    also = _further_questions(_plain_people(text), found.topic)
    if insurer and _INSURANCE not in {found.topic, *(e["value"] for e in also)}:
        # "How much is it after the free consult? we have Aetna": the insurer named asks
        # about the insurance too (outside run 79 p04: asked again).
        also.append(_entity(knowledge.Found(_INSURANCE, knowledge.NEAR), "also"))
    return found, also


def topic_found(
    text: str, meanings: list[Any], intent: str | None, sure: float = 0.0
) -> knowledge.Found | None:
    """The topic a message asks about, from its meanings (the sentence's, its clauses');
    `sure` is how sure the intent model is of `intent`."""
    meanings = list(meanings)
    # What the message's questions ask, read once: they decide between topics below.
    asked = _meanings_asked(text)
    found = _nearest_topic(text, meanings, intent, sure, asked)
    if found and not _asked(found, text, asked):
        # What the message's questions ask, read alone, stands instead: another topic, or
        # one nobody wrote an answer for ("I don't know", with the phone); nothing when
        # it asks nothing in words.
        unasked = {t.name for t in knowledge.clinic_topics() if t.only_when_asked}
        found = answer_finder().nearest(*asked, excluding=unasked) if asked else None
    found = _of_the_patient(found, text, asked)
    found = _as_companion(found, text, meanings)
    return answer_finder().with_otherwise(found, *meanings)


def _of_the_patient(
    found: knowledge.Found | None, text: str, asked: list[Any]
) -> knowledge.Found | None:
    """A topic about a relative's illness, found where no relative is named ("is the cancer
    back?"), gives way to what the question asks otherwise, or to nothing."""
    topic = knowledge.topic_named(found.topic) if found else None
    if topic is None:
        return found
    of_another = topic.of_a_relative and not knowledge.names_a_relative(text)
    denied = bool(topic.unless_denied) and topic.unless_denied in safety.screen(text).denied_signs
    # "Do I bring the note from my doctor?" for a woman of 71 (outside run 79 p03).
    unpregnant = topic.of_pregnancy and not knowledge.names_a_pregnancy(text)
    # "Is dry needling something you'd do for that?" is no question about alternatives
    # (outside run 84 p06); the words of what is asked, when a clause asks ("she have pain
    # in the neck... is possible the needles for her?" asks no "does it hurt": run 86 p03).
    asked_words = " ".join(knowledge.asked_clauses(text)) or text
    unworded = not knowledge.asked_in_its_words(topic, asked_words)
    untold = bool(topic.told_with) and not knowledge.has_a_word(topic.told_with, text)
    if not (of_another or denied or unpregnant or unworded or untold):
        return found
    excluding = {topic.name} | {
        t.name
        for t in knowledge.clinic_topics()
        if not knowledge.asked_in_its_words(t, asked_words)
    }
    if unpregnant:
        excluding |= {t.name for t in knowledge.clinic_topics() if t.of_pregnancy}
    return answer_finder().nearest(*asked, excluding=excluding) if asked else None


# Topics about a child as the patient, and the one for a child who only comes along.
_A_CHILDS_CARE = frozenset({"children", "parent_stays"})
_COMPANIONS = "companions"


def _as_companion(
    found: knowledge.Found | None, text: str, meanings: list[Any]
) -> knowledge.Found | None:
    """A child who comes along ("can I bring my son, he's 6?") asks about companions, not
    about treating children (outside run 69 p03: the under-18 text)."""
    if found is None or found.topic not in _A_CHILDS_CARE or not safety.comes_along(text):
        return found
    return knowledge.Found(_COMPANIONS, max(answer_finder().score_of(_COMPANIONS, *meanings),
                                            knowledge.NEAR))  # fmt: skip


def _asked(found: knowledge.Found, text: str, meanings: list[Any] | None = None) -> bool:
    """Whether a question of `text` asks the topic found, for a topic answered only when
    asked in so many words (outside run 69: "I can't tell you what it is" to "Buddy says
    needling sorted his sciatica. Can I get in this week?", in four conversations);
    `meanings`, what `text` asks, when read already."""
    topic = knowledge.topic_named(found.topic)
    if topic is None or not topic.only_when_asked:
        return True
    meanings = _meanings_asked(text) if meanings is None else meanings
    return bool(meanings) and answer_finder().score_of(found.topic, *meanings) >= knowledge.NEAR


def _meanings_asked(text: str) -> list[Any]:
    """The meanings of what `text` asks (`knowledge.asked_clauses`, or a question asked
    again), each read as written and as the patient's and the treatment's."""
    asked = knowledge.asked_clauses(text)
    if again := knowledge.asked_again(text):
        asked.append(again)
    readings = {knowledge.as_the_treatment(knowledge.as_the_patient(said)) for said in asked}
    return [encoder().encode(said).sentence for said in sorted(readings | set(asked))]


# A question that asks only about what was said before it: "is ok for needles?", "is that
# a problem?", "does that matter for the needling?".
_POINTS_BACK = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:is|it'?s|would|will|does|do|can|could)?\s*(?:it|that|this|they)?\s*"
    r"(?:be\s+)?(?:ok|okay|safe|fine|alright|all right|a problem|an issue|matter|count|affect)\b"
    r"(?:\s+(?:for|with|to)\s+(?:the\s+|my\s+)?(?:needles?|needling|dry needling|treatment|it))?"
    r"\W*$",
    re.IGNORECASE,
)
# How much nearer what the question asks must be to stand over the whole message's topic.
_CLEARER_BY = 0.05
# Asking whether it is a named condition: "could that be arthritis?", "is it a trapped
# nerve?", "do you think it's a disc?" (not "could it be serious?", "is it normal?").
_ASKS_IF_IT_IS = re.compile(
    r"\b(?:could|can|might|may|would)\s+(?:it|that|this|these|they)\s+be\s+(?:a\s+|an\s+)?"
    r"(?!normal|serious|dangerous|bad|ok|okay|fine|worse|better|related|from|because|the|"
    r"something|anything|nothing|a\s+problem|an\s+issue)[a-z]{4,}"
    r"|\bdo\s+(?:you|u)\s+think\s+(?:it'?s|it\s+is|i\s+have|i'?ve\s+got|that'?s)\s+(?:a\s+|an\s+)?"
    r"(?!normal|serious|dangerous|bad|ok|okay|fine|worse|better|related|something|anything|nothing)"
    r"[a-z]{4,}",
    re.IGNORECASE,
)


def _nearest_topic(
    text: str,
    meanings: list[Any],
    intent: str | None,
    sure: float = 0.0,
    asked_meanings: list[Any] = (),
) -> knowledge.Found | None:
    """`topic_found` without its other topic; `meanings` gains the parts read again;
    `asked_meanings` are what the message's questions ask."""
    # The question itself: after an answer ("aching. do you do evenings?", or the answer
    # dilutes its meaning) or asked again ("you didn't say whether my husband can come").
    parts = [text]
    if asked := question_after_answer(text):
        parts.append(asked)
    if again := knowledge.asked_again(text):
        parts.append(again)
    # Two questions asked again in one ("u didnt answer, is ibuprofen ok before? and do
    # they needle tmrw"): each read alone too, as together their meaning blurs (outside run
    # 72 p02: "I don't know").
    parts += knowledge.question_parts(again) if again else []
    read = {text}
    for part in parts:
        for said in _readings(part):
            if said not in read and said.lower() != text.lower():
                read.add(said)
                meanings.append(encoder().encode(said).sentence)
    finder = answer_finder()
    if again:
        # "You did not answer about the evidence": the topic asked again is the question,
        # whatever the rest of the message is nearer (outside run 66 p06: "I can't tell you
        # what it is"); a bare topic ("the research") is dry needling's.
        readings = [again, knowledge.as_the_treatment(again)]
        if len(again.split()) <= _BARE_TOPIC_WORDS:
            readings.append(f"{again.strip(' .!?')}, for dry needling")
        found_again = finder.nearest(*(encoder().encode(said).sentence for said in readings))
        if found_again and found_again.score >= knowledge.NEAR:
            return found_again
    found = finder.nearest(*meanings)
    # "I am breastfeeding still, is ok for needles?": a question that points back asks about
    # what was said before it, not a topic of its own (outside run 87 p03: twice unanswered).
    pointing = [said for said in knowledge.asked_clauses(text) if _POINTS_BACK.match(said)]
    before = text[: text.rfind(pointing[-1])].strip(" ,.;:-") if pointing else ""
    if before and not describes_the_pain(before):
        # ...so what it asks is the sentence before it, asked of the needling; of a pain
        # told, it asks what needling helps, as before.
        asked_meanings = [encoder().encode(f"{before}. Is that ok for dry needling?").sentence]
    by_the_question = finder.nearest(*asked_meanings) if found and asked_meanings else None
    if (
        by_the_question
        and by_the_question.score >= knowledge.NEAR
        and by_the_question.score > finder.score_of(found.topic, *asked_meanings) + _CLEARER_BY
    ):
        # What the question asks, when it asks a topic of its own, over what the rest of
        # the message is near ("4ish, she's tough lol. can i be in the room w her? shes
        # kinda scared of needles": outside run 72 p05, what needling treats, twice;
        # "...between the shoulder blades. can the needles fix it": the risks, p08).
        found = by_the_question
    asked_what = [said for said in knowledge.asked_clauses(text) if _ASKS_IF_IT_IS.search(said)]
    if found and found.topic != _WHAT_IT_IS and asked_what:
        # "My neck cracks and grinds when I turn. Could that be arthritis?": a diagnosis
        # asked for, however near the rest is to another topic (the noises).
        own = finder.score_of(_WHAT_IT_IS, *meanings)
        if own >= knowledge.AGREED:
            return knowledge.Found(_WHAT_IT_IS, max(own, knowledge.NEAR))
    if _stops_a_medicine(parts[-1]):
        # "Should she stop her warfarin before the appointment?": keep taking it, whatever
        # the sentence model makes of "she" and the medicine (outside run 51).
        return knowledge.Found(_KEEP_MEDICINES, max(found.score if found else 0, knowledge.NEAR))
    evidence_asked = any(_ASKS_FOR_EVIDENCE.search(said) for said in knowledge.asked_clauses(text))
    unsure = found is None or found.score < knowledge.CLOSE
    guessed = found is not None and found.topic == _WHAT_IT_IS
    if (guessed and _ASKS_FOR_EVIDENCE.search(text)) or (unsure and evidence_asked):
        # "Is there evidence for sciatica specifically?": the research, not a diagnosis
        # (outside run 68 p05: "I can't tell you what it is", twice); "whats the evidence
        # like for it tho" read near nothing (outside run 72 p07: "I don't know").
        own = finder.score_of(_EVIDENCE, *meanings)
        return knowledge.Found(_EVIDENCE, max(own, knowledge.NEAR))
    if found and found.topic not in _MONEY_TOPICS and _MONEY.search(text):
        # "What does it cost after the free consultation?": about money, whatever else it
        # names (outside run 47: what happens at the consultation was told).
        own = finder.score_of(_PRICE, *meanings)
        if own >= knowledge.AGREED:
            return knowledge.Found(_PRICE, max(own, knowledge.NEAR))
    agreed = knowledge.INTENT_TOPICS.get(intent or "")
    if found and agreed and found.topic != agreed and sure >= _SURE:
        # Two topics all but tied in meaning ("is needling pain big?": aftercare a hair
        # nearer than "does it hurt"): the intent model, sure of its reading, decides
        # (outside run 67 p03 got the aftercare text).
        own = finder.score_of(agreed, *meanings)
        if own >= max(found.score - _TIED, knowledge.NEAR):
            return knowledge.Found(agreed, own)
    if found and agreed and found.topic != agreed and found.score < knowledge.NEAR:
        # Nothing near: the topic the intent model chose wins when it is not far either
        # ("can needling puncture a lung?" is nearer "does it hurt" in meaning).
        own = finder.score_of(agreed, *meanings)
        if own >= knowledge.AGREED:
            return knowledge.Found(agreed, own)
    return found


# How sure the intent model must be to break a near tie between two topics, and how near.
_SURE = 0.95
_TIED = 0.06
# A topic asked again in a few words ("about the research"), with no question around it.
_BARE_TOPIC_WORDS = 3


# A capitalised word inside a sentence, where a name may be ("and can Gary come in?").
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,]\s)(?!I\b)[A-Z][a-z]+")


def _plain_people(text: str) -> str:
    """`text` with the people it names said as "someone". Rasa's spaCy reads the text in
    lower case, where names are lost, so the message as written is read for them, and only
    when a capitalised word inside a sentence may be one."""
    if not _CAPITALISED_INSIDE.search(text):
        return text
    nlp = english()
    # Names alone: the other parts are left out of this one call (not of the shared model).
    doc = nlp(text, disable=[pipe for pipe in nlp.pipe_names if pipe not in _FOR_NAMES])
    return knowledge.someone_for_names(text, [e.text for e in doc.ents if e.label_ == "PERSON"])


_FOR_NAMES = ("tok2vec", "ner")


def _readings(part: str) -> list[str]:
    """`part` as written, and with the words the sentence model does not know said
    plainly: a person's name ("can Gary come in?"), typos ("hw much dose a sesion cost"), a
    medicine's brand ("should I stop my Eliquis?"); a question also as the patient's own
    and the treatment's."""
    plain = safety.medicines_named_plainly(_plain_people(part))
    # The person written for said as "I", only for a question: every other message would
    # pay one more sentence encoding for nothing.
    own = knowledge.as_the_patient(plain) if knowledge.looks_like_question(part) else plain
    return list(
        dict.fromkeys((part, plain, vocabulary.mended(plain), knowledge.as_the_treatment(own)))
    )


def _further_questions(text: str, first: str) -> list[dict[str, Any]]:
    """The topics of a message's other questions ("what are your hours? and the phone
    number please"), each read on its own, as `answer_topic` entities with the role "also"."""
    topics: dict[str, knowledge.Found] = {}
    for part in knowledge.question_parts(text):
        if _stops_a_medicine(part):
            found: knowledge.Found | None = knowledge.Found(_KEEP_MEDICINES, knowledge.NEAR)
        else:
            # "...and is there evidence that it works?": "it" is the treatment here too;
            # "is tylenol fine?", a brand, said plainly.
            readings = {
                *_readings(part),
                knowledge.as_the_treatment(knowledge.as_the_patient(part)),
            }
            meanings = [encoder().encode(said).sentence for said in readings]
            found = _as_companion(answer_finder().nearest(*meanings), part, meanings)
            found = _of_the_patient(found, part, meanings)
            found = answer_finder().with_otherwise(found, *meanings)
        near = found and found.topic != first and found.score >= knowledge.NEAR
        near = near and _asked(found, part)
        if near and (found.topic not in topics or found.score > topics[found.topic].score):
            topics[found.topic] = found
    return [_entity(found, "also") for found in topics.values()]


def _question_for_the_clinic(message: Message, found: knowledge.Found) -> bool:
    """A message that asks something the intent model took for something else: chat, an
    answer, nothing it knew (then the answer may be "I don't know"), or, when it is close
    to a topic, a booking ("what should I wear to the appointment?")."""
    if not knowledge.looks_like_question(message.get(TEXT)):
        return False
    intent = (message.get(INTENT) or {}).get("name")
    if intent in _UNKNOWN:
        return True
    if intent == "request_booking":
        return found.score >= knowledge.CLOSE
    return intent in _MISTAKEN_FOR and found.score >= knowledge.NEAR


@lru_cache(maxsize=1)
def answer_finder() -> knowledge.AnswerFinder:
    """The clinic's topics, their example questions encoded by the sentence model once."""
    return knowledge.AnswerFinder(lambda text: encoder().encode(text).sentence,
                                  knowledge.clinic_topics())  # fmt: skip
