"""What a patient has told us about their pain, independent of any chat framework."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clinic.patient import YOU, Patient
from clinic.vocabulary import display_name

# Parts where "which side?" is worth asking; for the spine, head and chest the side
# rarely changes what the physiotherapist does first.
LATERAL_BODY_PARTS = frozenset(
    {
        "jaw", "shoulder", "arm", "elbow", "forearm", "wrist", "hand", "hip", "buttock",
        "groin", "thigh", "hamstring", "knee", "calf", "leg", "ankle", "foot", "heel",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Intake:
    """The intake facts as canonical values (see shared CONTRACT.md); None when unknown."""

    body_part: str | None = None
    side: str | None = None
    pain_quality: str | None = None
    pain_radiates: bool | None = None
    radiates_to: str | None = None
    pain_duration: str | None = None
    pain_duration_days: float | None = None
    pain_severity: float | None = None
    pain_worst: float | None = None  # the worst moments' score, said beside the usual one
    # Not musculoskeletal (skin, stomach, ear...): see vocabulary.OTHER_COMPLAINTS.
    other_complaint: str | None = None
    # Further painful places after the main one, each with its side if said.
    other_places: tuple[tuple[str, str | None], ...] = ()


# Answers that mean "I can't say": the question is skipped without a fuss.
UNSURE_ANSWERS = frozenset(
    {
        "not sure", "unsure", "dont know", "don't know", "i don't know", "i dont know", "no idea",
        "dunno", "idk", "hard to say", "can't say", "cant say", "skip", "pass", "middle",
        "in the middle", "centre", "center",
    }
)  # fmt: skip


# "Skip", "skip this one", "can we skip that question", "next question", "pass on that".
_SKIP = re.compile(
    r"(?:\bskip\w*|\bnext question|\bnext one|\bpass on (?:this|that)|^pass|^next)"
    r"(?:\s+(?:it|this|that|the|one|question|qestion|questions|please|for now|thanks))*$"
)
# Longer than this, a message that says "skip" says more than that.
_SKIP_MAX_WORDS = 8


def asks_to_skip(answer: str) -> bool:
    """Whether a short message asks to leave this one question ("skip", "next question")."""
    said = " ".join(answer.strip().lower().rstrip(".!?").split())
    return len(said.split()) <= _SKIP_MAX_WORDS and bool(_SKIP.search(said))


# Words that end the questions: "stop", "enough", "forget it", "not now".
_STOP = re.compile(
    r"\b(?:stop\w*|quit|enough|leave it|forget it|no more|end (?:this|it|the chat)|bye|goodbye"
    r"|not now|later|i'?m done|that'?s all|give up|no thanks|no thank you|don'?t want)\b"
)


# Stopping something else: "should I stop my warfarin?", "do i stop taking it or no".
_STOP_SOMETHING = re.compile(
    r"\bstop(?:ping)?\s+(?:taking\s+|using\s+|doing\s+)?(?:my\s+|the\s+|his\s+|her\s+|it\b|"
    r"them\b)?(?!asking|talking|messaging|now\b|here\b|please\b|this\b|that\b|the (?:chat|"
    r"questions?|booking|form)\b)\w+",
)
_ASKED = re.compile(
    r"\?|^\W*(?:\w+\W+){0,3}?(?:do|does|should|must|can|shall|will) i\b|\bor no\b|\bor not\b"
)
# An activity kept up or stopped, asked: "can he still swim or stop?", "keep cycling or
# should she stop?" (outside run 68 p03: the intake ended).
_OR_STOP = re.compile(r"\bor\s+(?:(?:should|must|do|does|can)\s+(?:i|he|she|they|we)\s+)?stop\b")
# A stop said not to be meant: "I did not say stop", "I didn't mean stop".
_NOT_STOPPING = re.compile(
    r"(?:\bnot|n'?t|\bnever)\s+(?:say|said|ask|asked|mean|meant|want|wanted|tell|told)?\s*"
    r"(?:you\s+)?(?:to\s+)?stop\b"
)


def asks_to_stop(text: str) -> bool:
    """Whether a message says to stop in so many words; "how many more questions?" is a
    question, not a stop, and nor is stopping something else asked about ("should I stop
    my warfarin?", "can he still swim or stop?"), nor a stop said not to be meant."""
    said = text.lower()
    if (_STOP_SOMETHING.search(said) or _OR_STOP.search(said)) and _ASKED.search(said):
        return False
    if _NOT_STOPPING.search(said):
        return bool(_STOP.search(_NOT_STOPPING.sub(" ", said)))
    return bool(_STOP.search(said))


def is_unsure(answer: str) -> bool:
    """True when the patient says they cannot answer ("not sure", "no idea") or asks to
    skip the question ("skip this one", "next question")."""
    said = " ".join(answer.strip().lower().rstrip(".!?").split())
    return said in UNSURE_ANSWERS or asks_to_skip(said)


def questions_to_ask(intake: Intake) -> list[str]:
    """The intake questions, in order, that apply to this patient (answered ones included).

    Side only matters for a limb or a paired joint; where the pain spreads only if it does.
    A complaint that is not musculoskeletal needs no intake at all.
    """
    if intake.other_complaint and not intake.body_part:
        return []
    questions = ["body_part"]
    if intake.body_part in LATERAL_BODY_PARTS or intake.radiates_to in LATERAL_BODY_PARTS:
        questions.append("side")
    questions += ["pain_quality", "pain_radiates"]
    if intake.pain_radiates or intake.radiates_to:
        questions.append("radiates_to")
    return [*questions, "pain_duration", "pain_severity"]


# Feelings that are not a pain are named as themselves ("stiffness in your neck").
_FEELINGS = {"stiffness": "stiffness", "numbness": "numbness", "tingling": "tingling"}


def _place(body_part: str, side: str | None) -> str:
    """A place in a list of places: "right shoulder", "hip on both sides"."""
    name = display_name(body_part)
    if side == "both":
        return f"{name} on both sides"
    return f"{side} {name}" if side in ("left", "right") else name


def listed(items: Sequence[str]) -> str:
    """The items as a sentence would list them ("a, b and c")."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _sites(intake: Intake) -> list[tuple[str, str | None]]:
    """Every painful place with its side, the main one first."""
    places = [(intake.body_part, intake.side)] if intake.body_part else []
    return [*places, *intake.other_places]


def _places(intake: Intake) -> list[str]:
    return [part for part, _ in _sites(intake)]


def places_in_words(intake: Intake) -> str:
    """Every painful place, the main one first: "neck, right shoulder and lower back"."""
    return listed([_place(part, side) for part, side in _sites(intake)])


def summarise(intake: Intake, whose: Patient = YOU) -> str:
    """The intake in one plain sentence, as the patient and the physiotherapist read it:
    every painful place, and how long in the patient's own words (never rounded). `whose`
    the patient is to the writer ("his lower back" to a mother writing for her son)."""
    your = whose.possessive
    side = f" ({intake.side} side)" if intake.side in ("left", "right") else ""
    side = " (both sides)" if intake.side == "both" else side
    where = f" in {your} {display_name(intake.body_part)}{side}" if intake.body_part else ""
    if intake.body_part and intake.other_places:
        where = f" in {your} {places_in_words(intake)}"
    feeling = _FEELINGS.get(intake.pain_quality or "")
    quality = f"{display_name(intake.pain_quality)} " if intake.pain_quality else ""
    headaches = ""
    if feeling == "stiffness" and "head" in _places(intake) and len(_places(intake)) > 1:
        # "Neck pain, stiff, gives me headaches": a stiff neck with headaches, never a stiff
        # head (outside run 84 p01).
        rest = [(p, s) for p, s in _sites(intake) if p != "head"]
        where = f" in {your} {listed([_place(part, side) for part, side in rest])}"
        headaches = ", with headaches"
    parts = [f"{feeling}{where}{headaches}" if feeling else f"{quality}pain{where}"]
    if intake.pain_radiates and intake.radiates_to:
        parts.append(f"spreading to {your} {display_name(intake.radiates_to)}")
    elif intake.pain_radiates:
        parts.append("spreading elsewhere")
    elif intake.pain_radiates is False:
        parts.append("not spreading")
    if intake.pain_duration:
        parts.append(duration_words(intake.pain_duration))
    if intake.pain_severity is not None:
        worst = f", {intake.pain_worst:g} at worst" if intake.pain_worst is not None else ""
        parts.append(f"{intake.pain_severity:g} out of 10{worst}")
    return ", ".join(parts)


# Words around a duration that a summary does without ("like 3 days", "um, a week").
_FILLER = re.compile(r"^(?:like|um+|uh+|maybe|probably|i think|i guess|roughly)\s+", re.I)
# "2 month", "3 week": a count the patient said, the unit to be made plural.
_COUNT = re.compile(
    r"^((?:about |around |almost |nearly |over |more than |under |just )?"
    r"(?:\d+(?:[.,]\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
    r"a couple of|several|many)\s+)(day|week|month|year)s?\b",
    re.I,
)
_SINGLE = re.compile(
    r"^(?:about |around |almost |nearly |over |just )?(?:1|one|a|an)\s+(?:day|week|month|year)\b",
    re.I,
)
# "Couple months", "a couple weeks", "few days": said in a sentence as "a couple of months".
_A_COUPLE = re.compile(r"^(?:a\s+)?(couple|few)\s+(?:of\s+)?(?=(?:day|week|month|year)s?\b)", re.I)
# "Came on this afternoon", "started last week": said as a start, not a span.
_STARTED = re.compile(r"^(?:came on|started|began|begun|kicked in|happened)\b", re.I)


def duration_words(said: str) -> str:
    """How long the pain has lasted as it reads in a sentence ("for a few months", "since
    Monday", "started 3 days ago"), in the patient's words, tidied but never rounded:
    "since 2 month" (a span said the way many languages say it) reads "for 2 months"."""
    words = " ".join(said.strip().rstrip(".!,").split())
    while _FILLER.match(words):
        words = _FILLER.sub("", words, count=1)
    words = words[:1].lower() + words[1:]
    if _STARTED.match(words):
        return words
    if words.lower().endswith(" ago"):
        return "started " + re.sub(r"^(?:for|since)\s+", "", words, flags=re.I)
    if re.search(r"\s(?:for|since)\s", words) and not re.match(r"(?:for|since)\s", words, re.I):
        return words  # "on and off for 6 weeks": its own "for" inside
    if re.match(r"from\s", words, re.I):
        return "since " + words[5:]  # "from October"
    lead = re.match(r"^(for|since)\s+", words, re.I)
    rest = words[lead.end() :] if lead else words
    while _FILLER.match(rest):  # "for like 3 weeks"
        rest = _FILLER.sub("", rest, count=1)
    rest = re.sub(r"^(last|past)\b", r"the \1", rest, flags=re.I)  # "for the last 2 weeks"
    rest = _A_COUPLE.sub(
        lambda m: f"a {m[1].lower()} {'of ' if m[1].lower() == 'couple' else ''}", rest
    )
    counted = None if _SINGLE.match(rest) else _COUNT.match(rest)
    if counted:
        rest = f"{counted.group(1)}{counted.group(2)}s{rest[counted.end() :]}"
    if lead and lead.group(1).lower() == "since" and not (counted or _SINGLE.match(rest)):
        return f"since {rest}"  # "since Monday", "since the fall"
    return f"for {rest}"


MOVING_ON = "No problem, the physiotherapist can go through that with you. Let's move on."
MOVING_ON_AGAIN = "That's fine, we'll leave that one too."


# Where a statement ends and the next sentence begins ("6. how much is it?").
# "Is" or "are" opening a question, not a statement with "it" left out, as many languages
# do ("is like pressing, heavy", outside run 66 p04).
IS_ASKING = (
    r"(?:is|are)(?!\s+(?:like|very|so|more|less|quite|really|kind|sort|always|mostly|usually|"
    r"worse|better|sharp|dull|tight|sore|burning|aching|constant|still|a\s+bit)\b)"
)
_SENTENCE_END = re.compile(
    r"(?<=[.!;:])\s+|\s*\n+\s*|,\s+(?=(?:and |but |so |also )?(?:how|what|whats|what's|when|"
    r"where|why|who|which|can|could|do|does|is|are|will|would|should)\b)",
    re.IGNORECASE,
)
# A question put as a statement: "I am asking whether...", "I'd like to know if...".
INDIRECT_QUESTION = (
    r"\b(?:i(?:'m| am) (?:asking|wondering)|i asked|i want(?:ed)? to know|i'?d like to know|"
    r"i would like to know|i was wondering|i wonder|(?:can|could) you tell me|please tell me)"
    r"\s+(?:whether|if|what|how|why|when|where|who|about)\b"
)
# Whether something named matters: "does that count", "is that a problem".
COUNTS_TAG = (
    r"\b(?:does|do|is|would|will|could)\s+(?:that|this|it)\s+(?:count|matter|matters|"
    r"make a difference|change anything|(?:a|an)\s+(?:problem|issue)|important|relevant|bad|"
    r"ok|okay|fine)\b"
)
_ASKING_WORDS = (
    rf"{INDIRECT_QUESTION}|"
    r"^\s*(?:and |but |so |oh |also |btw |ok |okay )?(?:seriously |honestly |really |just |"
    r"then |so )?(?:how|what|whats|what's|why|who|which|"
    rf"can|could|do|does|{IS_ASKING}|will|would|should"
    # "When I drive it goes up to 7": a clause of when, no question (outside run 62 p04).
    r"|(?:when|where)(?!\s+(?:i|i'm|im|he|she|we|they|it|my|his|her|the|you)\b))\b"
    # A tag at the end, no question mark: "...back acne lol does that count" (outside run
    # 106 p06: the list asked again).
    rf"|{COUNTS_TAG}\W*$"
)
_ASKS = re.compile(rf"\?|{_ASKING_WORDS}", re.IGNORECASE)
_ASKS_IN_WORDS = re.compile(_ASKING_WORDS, re.IGNORECASE)


def answer_before_question(text: str) -> str:
    """The statement a message opens with before asking something ("6. how much does it
    cost?" gives "6."): the answer to the form's question, said with one of the patient's
    own. Empty when the message opens with the question, or asks nothing."""
    return _answer_and_question(text)[0]


def question_after_answer(text: str) -> str:
    """The question that follows such an answer ("how much does it cost?"), else ""."""
    return _answer_and_question(text)[1]


# "No? it's only at my desk. why do you ask": a yes or no said first, surprised, answers.
_SURPRISED_ANSWER = re.compile(r"^(\W*(?:no|nope|nah|yes|yeah|yep|yup))\?+(?=\s)", re.IGNORECASE)


_UNSURE_ANSWER_WORDS = 6


def _answer_and_question(text: str) -> tuple[str, str]:
    text = _SURPRISED_ANSWER.sub(r"\1.", text.strip())
    unsure = re.search(r"\?+\s+(?=\S)", text)
    # ...only a few words: "5 mostly. but seriously can you tell me the price? that decides
    # it" is a question, then a word on it (outside run 71 p03: the 5 was lost).
    short = unsure is not None and len(text[: unsure.start()].split()) <= _UNSURE_ANSWER_WORDS
    if unsure and short and not _ASKS_IN_WORDS.search(text[: unsure.start()]):
        # "Wednesday late afternoon? and what should I wear": an answer said unsure, then
        # the question (outside run 66 p03: the question went to a booking look-up).
        text = f"{text[: unsure.start()]}. {text[unsure.end() :]}"
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    asks = next((i for i, sentence in enumerate(sentences) if _ASKS.search(sentence)), 0)
    if not asks:  # it opens with the question, or asks nothing
        return "", ""
    return " ".join(sentences[:asks]), " ".join(sentences[asks:])
