"""The clinic's answers to patients' questions (answers.yml), found by meaning.

Each topic has a few example questions and one answer. A message is compared with every
example by the sentence model's meaning (cosine of normalised embeddings): the nearest
topic answers when it is at least `NEAR`; below that the assistant says it doesn't know,
rather than give the nearest answer with confidence. The model is passed in (`encode`), so
this module stays plain Python and testable with any encoder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from clinic import settings
from clinic.intake import COUNTS_TAG, INDIRECT_QUESTION, IS_ASKING
from clinic.language import context
from clinic.preferred_time import names_a_time
from clinic.schedule import clinic_schedule

Encode = Callable[[str], np.ndarray]
ROOT = Path(__file__).resolve().parent.parent
# Chosen on tests/test_knowledge.py's lists with all-MiniLM-L6-v2: new wordings of the
# clinic's questions scored 0.55-0.95, other questions and remarks at most 0.48.
NEAR = 0.52
# So close that a question the intent model took for a booking is a question after all.
CLOSE = 0.65
# Where the intent model and the meaning agree on the topic, less closeness is enough: the
# model was trained on misspelt questions ("how many sesions b4 it helps").
AGREED = 0.35
# The topic each question intent is about, for that agreement.
INTENT_TOPICS = {
    "ask_what_is_tdn": "what_is_dry_needling", "ask_does_it_hurt": "does_it_hurt",
    "ask_side_effects": "side_effects", "ask_sessions": "number_of_sessions",
    "ask_how_soon": "how_soon", "ask_who_does_it": "who_does_it",
    "ask_vs_acupuncture": "acupuncture", "ask_cost": "price", "ask_aftercare": "aftercare",
}  # fmt: skip
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Topic:
    """One question the clinic answers: example wordings, the answer, what it needs."""

    name: str
    questions: tuple[str, ...]
    answer: str
    needs: tuple[str, ...] = ()
    # The answer when the question names a place ("does it help headaches?"): `{evidence}`
    # is what the research says for that place (clinic.evidence).
    for_a_place: str = ""
    # The answer about the pain told in this chat when nothing found needs a doctor ("do I
    # need to see my GP first?"), not about something else the patient has.
    for_the_pain: str = ""
    # The answer for a patient who told of a precaution, by its code: "can I take
    # ibuprofen?" asked in pregnancy is for the midwife, not about blood thinners.
    if_told: tuple[tuple[str, str], ...] = ()
    # The part of the chat the question only makes sense in ("intake": "how many more
    # questions?"); outside it the next nearest topic answers ("how long does it take?"
    # after the offer is about the session).
    only_during: str = ""
    # Answered only when a question of the message asks it in so many words: a condition
    # named in a statement ("needling sorted my sciatica") asks for no diagnosis.
    only_when_asked: bool = False
    # Answered only when the message names a relative or the family (`names_a_relative`).
    of_a_relative: bool = False
    # Not answered when the message says no to this warning sign ("I just said no fall").
    unless_denied: str = ""
    # Answered only when the message names a pregnancy (`names_a_pregnancy`): "do I bring
    # the note from my doctor?" is no question about a midwife's.
    of_pregnancy: bool = False
    # Answered only when the message has one of these words: a question about alternatives
    # names one ("instead", "other"); "would needling be an option?" asks what it helps.
    asks_with: tuple[str, ...] = ()
    # Answered only when the message, anywhere, has one of these words: "I am nursing. is
    # ok for needles?" asks the breastfeeding topic; "so can i get the needling then or
    # not" does not (outside run 98 p07, a man).
    told_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Found:
    """The nearest topic to a message and how near (cosine, -1 to 1)."""

    topic: str
    score: float
    # The nearest other topic, for a topic asked outside the part of the chat it is for.
    otherwise: str = ""


def load_topics(path: Path) -> tuple[Topic, ...]:
    """The topics of an answers file; a topic without questions or answer is an error."""
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    topics = []
    for entry in content.get("topics") or []:
        questions = tuple(str(q) for q in entry.get("questions") or [])
        if not entry.get("topic") or not questions or not entry.get("answer"):
            raise ValueError(f"{path}: every topic needs `topic`, `questions` and `answer`")
        needs = entry.get("needs") or ()
        topics.append(
            Topic(
                str(entry["topic"]),
                questions,
                " ".join(str(entry["answer"]).split()),
                (needs,) if isinstance(needs, str) else tuple(needs),
                " ".join(str(entry.get("for_a_place") or "").split()),
                " ".join(str(entry.get("for_the_pain") or "").split()),
                tuple(
                    (str(code), " ".join(str(text).split()))
                    for code, text in (entry.get("if_told") or {}).items()
                ),
                str(entry.get("only_during") or ""),
                bool(entry.get("only_when_asked")),
                bool(entry.get("of_a_relative")),
                str(entry.get("unless_denied") or ""),
                bool(entry.get("of_pregnancy")),
                tuple(str(word).lower() for word in entry.get("asks_with") or ()),
                tuple(str(word).lower() for word in entry.get("told_with") or ()),
            )
        )
    names = [topic.name for topic in topics]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: a topic name is used twice")
    return tuple(topics)


@cache
def clinic_topics() -> tuple[Topic, ...]:
    """The clinic's answers file (`CLINIC_ANSWERS_FILE`, default answers.yml), read once."""
    path = Path(settings.answers_file())
    return load_topics(path if path.is_absolute() else ROOT / path)


class AnswerFinder:
    """Finds the topic nearest in meaning; every example question is encoded once."""

    def __init__(self, encode: Encode, topics: Sequence[Topic]) -> None:
        self._names = [topic.name for topic in topics for _ in topic.questions]
        self._examples = np.stack(
            [_unit(encode(question)) for topic in topics for question in topic.questions]
        )

    def nearest(self, *meanings: np.ndarray, excluding: Collection[str] = ()) -> Found | None:
        """The topic nearest to any of `meanings` (the message's, its clauses'), leaving
        out the topics `excluding`."""
        if not meanings or not self._names:
            return None
        vectors = np.stack([_unit(np.asarray(m, dtype=np.float32).reshape(-1)) for m in meanings])
        scores = (self._examples @ vectors.T).max(axis=1)
        for i, name in enumerate(self._names):
            if name in excluding:
                scores[i] = -1.0
        best = int(scores.argmax())
        return Found(self._names[best], float(scores[best]))

    def with_otherwise(self, found: Found | None, *meanings: np.ndarray) -> Found | None:
        """`found`, with the nearest other topic near enough when its topic is only for a
        part of the chat (`Topic.only_during`)."""
        topic = topic_named(found.topic) if found else None
        if found is None or topic is None or not topic.only_during:
            return found
        other = self.nearest(*meanings, excluding={found.topic})
        if other is None or other.score < NEAR:
            return found
        return Found(found.topic, found.score, other.topic)

    def score_of(self, topic: str, *meanings: np.ndarray) -> float:
        """How near `meanings` come to one topic's questions (-1 when it has none)."""
        rows = [i for i, name in enumerate(self._names) if name == topic]
        if not rows or not meanings:
            return -1.0
        vectors = np.stack([_unit(np.asarray(m, dtype=np.float32).reshape(-1)) for m in meanings])
        return float((self._examples[rows] @ vectors.T).max())


def topic_for_now(found: Found | None, during: str) -> Found | None:
    """The topic `found` answers in the part of the chat `during` ("intake" or ""): its
    own, or outside the part it is for, the nearest other topic (None if none is near)."""
    topic = topic_named(found.topic) if found else None
    if found is None or topic is None or not topic.only_during or topic.only_during == during:
        return found
    return Found(found.otherwise, found.score) if found.otherwise else None


_COUNTS = re.compile(COUNTS_TAG, re.IGNORECASE)


def asks_if_it_counts(text: str) -> bool:
    """Whether the message asks if something it names matters ("got some back acne lol does
    that count"): about that thing, not a topic the intent model guesses."""
    return bool(_COUNTS.search(text))


def is_answer(found: Found, intent: str | None) -> bool:
    """Whether the nearest topic answers the message: near enough, or agreed by the
    intent model and not far."""
    if found.score >= NEAR:
        return True
    return INTENT_TOPICS.get(intent or "") == found.topic and found.score >= AGREED


def answer_text(
    topic: Topic,
    values: Mapping[str, str],
    for_the_pain: bool = False,
    told: Collection[str] = (),
) -> str | None:
    """The topic's answer with the settings filled in: its answer for a precaution `told`,
    or about the pain told (`for_the_pain`), when it has one. None when a setting it needs
    (or one it names) is empty: then the assistant says it doesn't know."""
    answer = next((text for code, text in topic.if_told if code in told), "") or (
        topic.for_the_pain if for_the_pain and topic.for_the_pain else topic.answer
    )
    named = set(_FIELD.findall(answer)) | set(topic.needs)
    if any(not values.get(name) for name in named):
        return None
    return _FIELD.sub(lambda m: values[m.group(1)], answer)


def answer_for_a_place(topic: Topic, evidence: str) -> str | None:
    """The topic's answer for a question that names a place, with what the research says
    for it; None when the topic has no such answer."""
    return topic.for_a_place.replace("{evidence}", evidence) if topic.for_a_place else None


# "Where are you?", "can I park", "is there...": a message that asks something.
# The words a question opens with, text-speak too ("wat time do u close", "wen r u open").
_QUESTION_WORDS = (
    rf"what|whats|what's|where|when|how|who|which|why|{IS_ASKING}|can|could|do|does|will|would|"
    r"should|may|have|has|wat|wot|wut|wht|wats|wen|whn|wher|wheres|hw|r(?=\s+u\b)|"
    r"shud|shld|cud|cld|wud|wld|cn|izit|iz"
)
_ASKING = (
    rf"{INDIRECT_QUESTION}|"
    r"^\W*(?:(?:hi|hello|hey|ok|okay|and|n|an|&|plus|so|also|sorry|please|oh|um|btw|"
    r"quick question|"
    r"now|but|well|then|lastly|finally|anyway|just|"
    # Sighs and asides before the question: "ugh how many more of these".
    r"ugh+|argh+|omg|lol|hm+|jeez|gosh|wait|honestly|seriously|haha|alright|er+|uh+|"
    rf"one question|one more thing)\W+)*"
    # A short lead-in before a dash or a colon: "quick q - how long is it?", "two things:".
    r"(?:\w+(?:\s+\w+){0,2}\s*[-\u2013:]\s+)?"
    rf"(?:{_QUESTION_WORDS})\b"
)
_QUESTION = re.compile(rf"\?|{_ASKING}", re.IGNORECASE)
# A sentence that asks in its words, not only with a question mark at its end.
_ASKS_IN_WORDS = re.compile(_ASKING, re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_INDIRECT = re.compile(INDIRECT_QUESTION, re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;\u2013\u2014]|\s-\s")


# "What should I do if it happens again?", "what if it gets worse?", "what should I watch
# for?": the safety net, whatever the sentence model makes of the words.
_WHAT_IF_WORSE = re.compile(
    r"\bwhat (?:should|do|would|shall|can|must) (?:i|we|he|she|they) do\b[^.?!]*\bif\b"
    r"|\b(?:what|and) if\b[^.?!]*\b(?:again|worse|back|returns?|comes? back|happens?)\b"
    r"|\bwatch (?:out )?for\b|\bwhen (?:should|do) (?:i|we) (?:go|call|worry)\b",
    re.IGNORECASE,
)
SAFETY_NET = "if_it_gets_worse"


# Back after a pause: "where were we?", "let's carry on", "ok, continue" (the whole message,
# greetings and apologies aside).
_CARRY_ON = re.compile(
    r"^\W*(?:(?:hi|hello|hey|ok|okay|right|so|sorry|again|back|now|i'?m|im|about|that|all|"
    r"done|here|i am)\W+)*"
    r"(?:where (?:were we|was i|did we (?:get to|leave off|stop))|(?:let'?s |can we |please )?"
    r"(?:carry on|continue|go on|keep going|pick up where we left off))\W*$",
    re.IGNORECASE,
)


def asks_to_carry_on(text: str) -> bool:
    """Whether the message only asks to go on from where the chat was ("where were we?")."""
    return bool(_CARRY_ON.match((text or "").strip()))


# Impatience with the questions: "can we get on with it", "this is taking ages".
_IMPATIENT = re.compile(
    r"\b(?:get on with it|hurry(?: (?:it|this) up| up)?|speed (?:it|this|things) up|"
    r"move (?:on|along|it along|this along)|taking (?:forever|ages|so long|too long)|"
    r"too many questions|enough questions|get to the point"
    # "do i have to do all the questions?", "how many more questions?" (outside run 90 p05).
    r"|(?:do|must) (?:i|we) (?:really )?(?:have to |need to |got to )?(?:do|answer|go through|fill)"
    r" (?:all|every|these|those|the)\b[^?.!]{0,20}questions|how many (?:more )?questions)\b",
    re.IGNORECASE,
)


def is_impatient(text: str) -> bool:
    """Whether the patient asks to get through the questions faster."""
    return bool(_IMPATIENT.search(text or ""))


def asks_what_if_worse(text: str) -> bool:
    """Whether the patient asks what to do if it comes back or gets worse."""
    return bool(_WHAT_IF_WORSE.search(text or ""))


# A request for information said without a question: "tell me about prices", "parking info".
_WANTS_TO_KNOW = re.compile(
    r"\b(?:tell me|let me know|want to know|like to know|wonder\w*|curious|explain|info\w*|"
    r"details|price|prices|cost|costs|insurance|parking|address|hours|phone|number)\b",
    re.IGNORECASE,
)
# Shorter than this, a message is a topic said on its own ("parking", "the price").
_STATEMENT_MIN_WORDS = 5


def is_a_statement(text: str) -> bool:
    """Whether a message only tells something: long enough, no question and no wish to
    know ("it gets worse after swimming but that's just the muscle working. rest is no")."""
    return (
        len(text.split()) >= _STATEMENT_MIN_WORDS
        and not asks_somewhere(text)
        and not _WANTS_TO_KNOW.search(text)
        and not asked_again(text)  # "you never said whether there's evidence though"
    )


# Where one question ends and the next begins: "what are your hours? and the phone number
# please", "how long is a session and how much does it cost?".
_NEXT_QUESTION = re.compile(
    # "First of all, how much is it": a lead-in, then the question (outside run 71 p03).
    r"(?<=[?.!;:])\s+|,\s+(?=(?:how|what|whats|what's|when|where|why|who|which|do you|does it"
    r"|can you|can i|could you|is it|is there|are you|are there)\b)"
    r"|\s+(?:and|also|plus|n|an|&|\+)\s+(?=(?:the\s+|your\s+)?(?:"
    rf"{_QUESTION_WORDS}|phone|number|address|price|cost|parking|hours|insurance|"
    r"you\s+(?:accept|take|have|do|open))\b)",
    re.IGNORECASE,
)
_REQUEST = re.compile(r"\bplease\b|\?", re.IGNORECASE)


# A question asked again: "you didn't say whether my husband can come in", "you never
# told me if there's parking": what it asks, read for itself.
_ASKED_AGAIN = re.compile(
    r"\b(?:you|u|ya)\s+(?:still\s+)?(?:didn'?t|did not|didnt|never|haven'?t|have not|havent)\s+"
    r"(?:say|said|answer(?:ed)?|tell me|told me|reply|replied|mention(?:ed)?)\s*[,:]?\s+"
    # ...the question itself after it: "u didnt say, do i have to stay?" (outside run 67 p05)
    r"(?:me\s+)?(?:(?:whether|if|about|how|what|when|where|who)\s+|"
    r"(?=(?:do|does|is|are|can|could|will|would|should|must)\b))(?P<asked>.+)",
    re.IGNORECASE,
)


def asked_again(text: str) -> str | None:
    """The question a reminder asks again ("you didn't say whether X"), or None."""
    match = _ASKED_AGAIN.search(text or "")
    return match.group("asked") if match else None


def someone_for_names(text: str, names: list[str]) -> str:
    """`text` with the people it names said as "someone" ("can Gary come in with me?"): a
    name is a word the sentence model does not know."""
    for name in sorted(set(names), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", "someone", text)
    return text


# Someone written for, said as the patient: the clinic's questions are written as "I"
# ("what should he bring along?" is far from "do I need to bring anything?" in meaning).
_AS_THE_PATIENT = (
    (r"\b(?:does|do) (?:he|she|they)\b", "do I"),
    (r"\b(?:is|are) (?:he|she|they)\b", "am I"),
    (r"\b(?:has|have) (?:he|she|they)\b", "have I"),
    (r"\b(?:he|she|they)(?:'s|'re| is| are)\b", "I'm"),
    (r"\b(?:he|she|they)\b", "I"),
    (r"\b(?:his|her|their)\b(?=\s+\w)", "my"),
    (r"\b(?:him|her|them)\b", "me"),
)


def as_the_patient(text: str) -> str:
    """`text` with the person written for said as "I" (the clinic's example questions are)."""
    said = text
    for pattern, mine in _AS_THE_PATIENT:
        said = re.sub(pattern, mine, said, flags=re.IGNORECASE)
    return said


# Whether "it" works: the treatment asked about ("is there any proof it works or is it
# just a trend?" read near nothing: outside run 59 p06).
_IT_WORKS = re.compile(
    r"\bit(?=\s+(?:really\s+|actually\s+|even\s+)?(?:works?|helps?|does anything)\b)"
    r"|\bit(?=\s+(?:just\s+)?(?:a\s+)?(?:trend|fad|hype|placebo|gimmick)\b)"
    # "has it been shown to work?", "is it proven?", "is it evidence based?"
    r"|\bit(?=\s+(?:(?:ever|actually|really)\s+)?(?:been\s+)?(?:shown|proven|proved|studied|"
    r"tested|researched|backed|evidence)\b)",
    re.IGNORECASE,
)


def as_the_treatment(text: str) -> str:
    """`text` with the "it" that works (or is a trend) said as dry needling."""
    return _IT_WORKS.sub("dry needling", text)


def asked_clauses(text: str) -> list[str]:
    """What a message asks, sentence by sentence: a sentence that asks in its words ("my
    knee clicks. Is that arthritis?"), whole; of one that only ends in a question mark, its
    last clause ("...from my desk, sorta left side??" asks "sorta left side??")."""
    asked = []
    before = ""
    for sentence in _SENTENCE_END.split(text or ""):
        marked = "?" in sentence or _INDIRECT.search(sentence)
        # "Would love to try needling!" opens like a question and asks nothing.
        if _ASKS_IN_WORDS.search(sentence) if marked else _ASKS_UNMARKED.search(sentence):
            # "It grabs when I bend. Is that a disc problem?": read with what "that" is.
            refers = _REFERS_BACK.search(sentence)
            asked.append(f"{before} {sentence.strip()}" if refers and before else sentence.strip())
        elif "?" in sentence:
            clauses = _CLAUSE_BREAK.split(sentence.rstrip(" ?"))
            last = clauses[-1].strip()
            if len(clauses) > 1 and _BARE_PREDICATE.match(last):
                # "the clicking when I look up, is bad?": asked of the clause before it.
                last = f"{_SENTENCE_OPENER.sub('', clauses[-2].strip())}, {last}"
            asked.append(last + "?")
        before = sentence.strip()
    return asked


# A question that is only a predicate: "is bad?", "is normal?", "it's ok?".
_BARE_PREDICATE = re.compile(
    r"^(?:is|are|it'?s|its|that'?s|thats|this is)\s+(?:it\s+|that\s+|this\s+)?"
    r"(?:very\s+|too\s+|so\s+)?[a-z]+$",
    re.IGNORECASE,
)
_SENTENCE_OPENER = re.compile(r"^(?:but|and|so|also|oh|ok|okay|well)\s+", re.IGNORECASE)


# A question without its mark: "is it sciatica", "what's causing it" (not "would love to").
_ASKS_UNMARKED = re.compile(
    r"^\W*(?:(?:so|and|but|also|oh|ok|okay|btw|well)\W+)*(?:what|whats|what's|where|when|how|"
    r"who|which|why|(?:is|are|was|were|can|could|do|does|did|will|would|should|may|might|has|"
    r"have)\s+(?:i|you|u|he|she|it|we|they|there|this|that|these|those|my|his|her|the|"
    # ...or the treatment asked of: "does dry needling help" (outside run 96 p01: "I don't
    # know", the first thing a patient asked)
    r"a|an|your|ur|dry|needling|needles|acupuncture|physio|physiotherapy)\b)",
    re.IGNORECASE,
)
# A question about what was said just before: "is that...", "could this be...".
# The pronoun as what is asked about ("is that...", "do you think this is..."), not the
# thing done to ("will needling sort it out?").
_REFERS_BACK = re.compile(
    r"^\W*(?:(?:so|and|but|or|is|was|are|could|would|can|might|may|do|does|did|will|you|u|"
    r"think|reckon|what|how|why)\s+){0,3}?(?:that|this|these|those|it)\b",
    re.IGNORECASE,
)


def question_parts(text: str) -> list[str]:
    """The separate questions of a message that asks more than one, else []."""
    parts = [p.strip() for p in _NEXT_QUESTION.split(text or "") if p and p.strip()]
    asking = [p for p in parts if (looks_like_question(p) or _REQUEST.search(p)) and not _a_wish(p)]
    return asking if len(asking) > 1 else []


def _a_wish(part: str) -> bool:
    """Whether a part is a time wished for, said unsure ("friday late morning?"): no
    question of the clinic's (outside run 66 p03: it was answered with the opening hours)."""
    return not _QUESTION.search(part.replace("?", "")) and names_a_time(part)


# "Is wrong, usually 5", "is not right": a fact put right without its subject, said as
# people writing in a second language do (outside run 76 p05: answered as a question).
_PUT_RIGHT = re.compile(
    r"^\W*(?:is|was)\s+(?:not\s+|no\s+)?(?:wrong|right|correct|incorrect)\b(?!.*\?)",
    re.IGNORECASE,
)


def asks_somewhere(text: str) -> bool:
    """Whether any clause of the message asks ("no. how many more questions lol")."""
    return any(
        looks_like_question(part) and not _PUT_RIGHT.match(part)
        for part in re.split(r"[.!,;]\s*", text or "")
    )


def looks_like_question(text: str) -> bool:
    """Whether the message asks something (a question mark, or a question's first words)."""
    return bool(_QUESTION.search(text or ""))


def clinic_values() -> dict[str, str]:
    """What an answer may name, from the settings and the schedule ("" when not set)."""
    schedule = clinic_schedule()
    return {
        "clinic_name": settings.clinic_name(),
        "clinic_phone": settings.clinic_phone(),
        "clinic_address": settings.clinic_address(),
        "opening_hours": schedule.describe_hours(),
        "open_now": schedule.describe_now(),
        "closed_days": schedule.describe_closed_days(),
        "consultation_minutes": str(int(schedule.consultation.total_seconds() // 60)),
        "emergency_number": settings.emergency_number(),
    }


# The answers about age: a child's and an older adult's ("is it allowed at his age?").
YOUNG, OLDER = "children", "older_adults"


def for_age(found: Found, young: bool, older: bool) -> Found:
    """`found`, or its age topic's twin when the conversation knows the patient's age: "is
    it OK at his age?" is the children's question for a 15-year-old, the older adults' for
    a father of 88, whichever the words were nearer."""
    if found.topic == OLDER and young and not older:
        return Found(YOUNG, found.score)
    if found.topic == YOUNG and older and not young:
        return Found(OLDER, found.score)
    return found


_FAMILY = re.compile(
    r"\b(?:family|families|relatives?|hereditary|genetic|inherited|runs? in|parents?|"
    r"grand\w+)\b",
    re.IGNORECASE,
)


def names_a_relative(text: str) -> bool:
    """Whether `text` names a relative or the family: "my aunt had cancer", "my brothers
    epilepsy", "strokes run in the family"."""
    return bool(_FAMILY.search(text)) or any(
        context.person_named(word) for word in re.findall(r"[\w']+", text.lower())
    )


# A pregnancy named: "I'm pregnant", "a note from my midwife", "20 weeks along, my OB".
_PREGNANCY = re.compile(
    r"\b(?:pregnan\w*|midwife|midwives|obstetric\w*|ob|ob-?gyn|obgyn|gyn\w*|gynae\w*|baby"
    r"|expecting|trimester|period|weeks along|late period|bump)\b",
    re.IGNORECASE,
)
# ...but asked back, in disbelief: "pregnancy?? she's 71", "pregnant? at 80?".
_ASKED_BACK = re.compile(
    r"\bpregnan\w*\s*\?{2,}|\bpregnan\w*\s*\?+\s*(?:at|she'?s|he'?s|shes|hes|i'?m|im|he is"
    r"|she is|i am)\s+\d",
    re.IGNORECASE,
)


# Health insurers named: "we have Aetna", "I'm with Blue Cross through work".
_INSURER = re.compile(
    r"\b(?:aetna|cigna|united ?health\w*|uhc|blue ?cross|blue ?shield|bcbs|humana|kaiser|"
    r"anthem|oxford|empire|emblem\w*|medicare|medicaid|tricare|fidelis|oscar|metroplus|"
    r"healthfirst|bupa|axa|allianz)\b",
    re.IGNORECASE,
)


def names_an_insurer(text: str) -> bool:
    """Whether `text` names a health insurer."""
    return bool(_INSURER.search(text))


def asked_in_its_words(topic: Topic, text: str) -> bool:
    """Whether `text` has one of the words the topic is asked with, or a plain ending of
    one ("study", "studies"; never "needling" for "need"); any, when none are set."""
    return not topic.asks_with or has_a_word(topic.asks_with, text)


def has_a_word(words: Iterable[str], text: str) -> bool:
    """Whether `text` has one of `words`, or a plain ending of one."""
    lowered = text.lower()
    return any(
        re.search(rf"\b{re.escape(word)}(?:s|es|ed|ing|ies|y|n)?\b", lowered) for word in words
    )


def names_a_pregnancy(text: str) -> bool:
    """Whether `text` speaks of a pregnancy, not only asks the word back in disbelief."""
    return bool(_PREGNANCY.search(text)) and not _ASKED_BACK.search(text)


def topic_named(name: str) -> Topic | None:
    """The clinic's topic called `name`."""
    return next((topic for topic in clinic_topics() if topic.name == name), None)


def _unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32).reshape(-1)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)
