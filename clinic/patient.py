"""Who the patient is when someone else writes for them ("I'm asking for my son"): the
words the chat uses for the patient, so a mother reads "his lower back", not "your"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clinic.language.context import for_spelled_out, is_another_person, person_named


@dataclass(frozen=True)
class Patient:
    """The patient's words: "you" for the writer, "he", "she" or "they" for another."""

    subject: str
    object: str
    possessive: str
    has_asked: str  # "do you have", "does he have"


YOU = Patient("you", "you", "your", "do you have")
HE = Patient("he", "him", "his", "does he have")
SHE = Patient("she", "her", "her", "does she have")
THEY = Patient("they", "them", "their", "do they have")

_HE = frozenset({
    "son", "dad", "father", "husband", "brother", "grandad", "grandpa", "grandfather",
    "uncle", "nephew", "boyfriend", "grandson", "boy", "stepson", "stepdad", "fiance",
    "father in law",
})  # fmt: skip
_SHE = frozenset({
    "daughter", "mum", "mom", "mother", "wife", "sister", "nan", "gran", "grandma",
    "grandmother", "aunt", "auntie", "niece", "girlfriend", "granddaughter", "girl",
    "stepdaughter", "stepmum", "fiancee", "mother in law",
})  # fmt: skip
_MY_SOMEONE = re.compile(r"\bmy\s+([a-z]+(?:\s+in\s+law)?)")


# "Hi, my daughter Anika is 15 and has been getting headaches": a message that opens with
# a relative tells of them, unless the writer's own pain is in it ("my wife has it too,
# but I'm here about my shoulder", "I've had a sore back since").
# "Hi there, so my daughter Mia is 15...": greetings and fillers before (outside run 58).
_OPENS_WITH_SOMEONE = re.compile(
    r"^\W*(?:(?:hi|hello|hey|good \w+|dear \w+|there|so|ok|okay|well|um|yes|sorry|"
    r"quick question|just|basically)\W+){0,4}my\s+([a-z]+)"
)
_OWN_PAIN = re.compile(
    r"\b(?:i've|ive|i have|i'm|im|i am|i get|i got|i had)\b[^.!?]{0,25}"
    r"\b(?:pain|sore|hurt\w*|ach\w*|stiff|tight|numb|tingl\w*)"
    # "I've had this nagging neck and headaches thing": a place of one's own, had.
    r"|\b(?:i've|ive|i have|i'?ve got|i get|i had)\s+(?:had\s+)?(?:this|a|an|my|these|some|"
    r"that)\s+(?:\w+\s+){0,2}(?:neck|back|shoulders?|knees?|hips?|headaches?|migraines?|"
    r"sciatica)\b"
    r"|\b(?:my|me)\s+(?:own\s+)?(?:\w+\s+)?(?:back|neck|shoulders?|knees?|hips?|head|arms?|legs?|"
    r"elbows?|wrists?|ankles?|feet|foot|hands?|jaw|calf|thigh|hamstring|bum|buttock)\b"
)


# The writer says the pain is theirs: "it's me, I'm the patient", "it's for me", "the pain
# is mine", "I'm the one with the sore shoulder".
_I_AM_THE_PATIENT = re.compile(
    r"\b(?:i'?m|im|i am)\s+the\s+(?:patient|one\s+(?:with|in pain|who(?:'s| is| has)))\b"
    r"|\b(?:it'?s|its|it is)\s+for\s+me\b(?!\s+(?:and|too))"
    r"|\b(?:it'?s|its|it is)\s+me\W+(?:not\b|i'?m the\b)"
    r"|\bthe pain is mine\b|\bit'?s my (?:own )?pain\b"
    # "its me with the pain not my wife", "writing for myself" (outside run 83 p08: "she"
    # for eight turns after three corrections).
    r"|\b(?:it'?s|its|it is)\s+me\s+(?:with|who|that)\b|\bwriting (?:this )?for myself\b"
    r"|\b(?:i'?m|im|i am)\s+(?:writing|asking)\s+for\s+(?:myself|me)\b"
    # "I'm a guy btw not a her" (outside run 104 p02: "her" to the end).
    r"|\b(?:i'?m|im|i am)\s+(?:[\w,]+\s+){0,3}?not\s+an?\s+(?:her|she|him|he)\b"
    r"|\bnot\s+an?\s+(?:her|she|him|he)\b[^.?!]{0,20}\b(?:i'?m|im|i am)\b"
)


# A relative who says something of the writer: "my wife says i shd have come sooner", "my
# mum made me book" (outside run 83 p08: the wife became the patient). Not "my dad keeps
# telling me he is fine": what follows is of the relative.
_SAYS_OF_ME = re.compile(
    r"^\W*(?:\w+\W+){0,4}my\s+[a-z]+(?:\s+in\s+law)?\s+(?:\w+\s+)?(?:says?|said|thinks?|thought"
    r"|reckons?|reckoned|insists?|insisted|believes?|feels?|is sure|swears)\s+(?:that\s+)?"
    r"(?:i|i'?m|im|i'?ve|ive|i'?d|id|my|me)\b"
    r"|^\W*(?:\w+\W+){0,4}my\s+[a-z]+(?:\s+in\s+law)?\s+(?:\w+\s+)?(?:(?:wants|wanted|got|told"
    r"|tells|telling|nags?|nagged|pushed|convinced|asked|begged)\s+me\s+to|(?:made|makes|"
    r"is making)\s+me)\b"
)


# The patient said to be another: "it's him not me", "its her, not me".
_NOT_ME = re.compile(
    r"\b(?:it'?s|its|it is|the patient is)\s+(?:for\s+)?(him|her|them|my\s+[a-z]+)\W+not\s+me\b"
)


def _tells_of_another(text: str) -> bool:
    """Whether a sentence of the message opens with a relative ("Do you treat teenagers? My
    daughter is 16...", outside run 66 p07), and the writer's own pain is not told."""
    lower = text.lower()
    if _own_pain(lower):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", lower):
        opening = _OPENS_WITH_SOMEONE.match(sentence)
        if _SAYS_OF_ME.match(sentence):
            continue
        if opening and (_relative(opening[1]) or is_another_person(opening[1])):
            return True
    return False


def _relative(word: str) -> str | None:
    """The relative a word after "my" names, with or without the apostrophe ("wifes")."""
    named = person_named(word) or word
    return named if named in _HE | _SHE else None


def _own_pain(lower: str) -> bool:
    """Whether the writer tells of a pain of their own; "my wifes neck" is hers."""
    return any(
        not (found[0].startswith(("my ", "me ")) and is_another_person(found[0].split()[1]))
        for found in _OWN_PAIN.finditer(lower)
    )


def written_of(texts: Iterable[str]) -> Patient:
    """The patient of a chat whose messages are `texts`: the person the first message
    that writes for someone else names ("asking for my dad" gives HE), else the writer."""
    # Imported here: the safety package imports this module (the checklist speaks of them).
    from clinic.safety.screening import writes_for_another

    # "writing 4 my husband": text-speak "4" for "for" (outside run 85 p08).
    texts = [for_spelled_out(text) for text in texts]
    for text in reversed(texts):
        if said := _NOT_ME.search(text.lower()):
            # "(its him not me btw)": the patient is the one named (outside run 85 p08);
            # "its my son not me" too (outside run 89 p08).
            relative = _relative(said[1].removeprefix("my").strip())
            named = {"him": HE, "her": SHE}.get(said[1])
            return named or (HE if relative in _HE else SHE if relative in _SHE else THEY)
    if any(_I_AM_THE_PATIENT.search(text.lower()) for text in texts):
        return YOU  # "They? It's me, I'm the patient!" (outside run 73 p08)
    for text in texts:
        if not (writes_for_another(text) or _tells_of_another(text)):
            if _own_pain(text.lower()):
                return YOU  # the writer told their own pain first: a companion asked about
            continue  # later is not the patient (outside run 49: "can my wife come?")
        for word in _MY_SOMEONE.findall(text.lower()):
            if _relative(word) in _HE:
                return HE
            if _relative(word) in _SHE:
                return SHE
            if is_another_person(word):
                return THEY
        return THEY
    return YOU


# A writer who says he is a man: "I'm a 45 year old guy", "38 male", "as a man".
_A_MAN = re.compile(
    r"\b(?:i'?m|im|i am)\s+(?:an?\s+)?(?:\d{1,3}[\s-]*(?:years?|yrs?|y/?o)?[\s-]*(?:old\s+)?,?\s*)?"
    r"(?:man|guy|male|dude|bloke|gentleman)\b|\bas a (?:man|guy|male|bloke)\b"
)


# ...or tells of his own prostate: "I had prostate cancer in 2019" (outside run 81 p04: the
# pregnancy line on a man's checklist); not "my dad had prostate cancer".
_HIS_OWN = re.compile(
    r"\b(?:i|i've|ive|i have|i had|i'm|im)\b(?:\s+\w+){0,3}\s+(?:my\s+)?(?:prostate|testicles?"
    r"|testicular|vasectomy)\b|\bmy (?:prostate|testicles?|vasectomy)\b"
)


def is_a_man(texts: Iterable[str]) -> bool:
    """Whether the patient of a chat whose messages are `texts` is a man or a boy: written
    for as "he", or a writer who says so of himself."""
    texts = list(texts)
    whose = written_of(texts)  # reads every message: once
    return whose == HE or (
        whose == YOU
        and any(_A_MAN.search(text.lower()) or _HIS_OWN.search(text.lower()) for text in texts)
    )


# The assessment's words for the patient, said to whoever writes for them: "the low back
# pain he has had", "isn't advised for her", "his doctor". "You told me", "you mentioned"
# stay: the writer did.
_FOR_YOU = re.compile(r"\b(?:advised|suited|safe|right) for you\b")


def spoken_of(text: str, whose: Patient) -> str:
    """`text`, written to the patient, as their relative reads it (`whose` is YOU: as is)."""
    if whose == YOU:
        return text
    has = "have" if whose.subject == "they" else "has"
    feels = "feel" if whose.subject == "they" else "feels"
    text = re.sub(r"\byou have had\b", f"{whose.subject} {has} had", text)
    # "If needles frighten you or you have fainted with them" (outside run 107 p08).
    text = re.sub(r"\byou have (\w+ed)\b", rf"{whose.subject} {has} \1", text)
    text = re.sub(
        r"\b(frighten|frightens|scare|scares|worry|worries) you\b", rf"\1 {whose.object}", text
    )
    text = re.sub(r"\byou feel\b", f"{whose.subject} {feels}", text)
    text = re.sub(
        r"\byou're\b", "they're" if whose.subject == "they" else f"{whose.subject}'s", text
    )
    text = _FOR_YOU.sub(lambda m: m.group(0)[: -len("you")] + whose.object, text)
    reflexive = {"he": "himself", "she": "herself"}.get(whose.subject, "themselves")
    text = re.sub(
        r"\b([Dd])on't drive yourself\b",
        lambda m: f"{m[1]}on't let {whose.object} drive {reflexive}",
        text,
    )
    text = re.sub(r"\bafter you've seen\b", f"after {whose.subject} {has} seen", text)
    text = re.sub(r"\bsee you today\b", f"see {whose.object} today", text)
    text = re.sub(r"\byou turned\b", f"{whose.subject} turned", text)  # "new since he turned 50"
    # "any medicines you take": theirs (outside run 76 p06); "what you told me" stays.
    takes = "take" if whose.subject == "they" else "takes"
    text = re.sub(r"\bmedicines you take\b", f"medicines {whose.subject} {takes}", text)
    text = re.sub(
        r"\b(has|have)( already)? seen you\b",
        lambda m: f"{m[1]}{m[2] or ''} seen {whose.object}",
        text,
    )
    text = re.sub(r"\byou've been seen\b", f"{whose.subject} {has} been seen", text)
    # "will examine you", "after examining you": the patient is examined, not the writer.
    text = re.sub(r"\b(examine|examines|examining|examined) you\b", rf"\1 {whose.object}", text)
    return re.sub(r"\byour\b", whose.possessive, text)


# A safety question asked of someone written for ("Has she had...?", not "Have you had"):
# the question's verb agrees with them; "you mentioned" stays, the writer did.
_ASKED_VERBS = (
    ("have", "has"), ("do", "does"), ("are", "is"), ("were", "was"),
)  # fmt: skip
# Verbs the questions use after "you", with their third-person form.
_THIRD_PERSON = {
    "walk": "walks", "climb": "climbs", "exert": "exerts", "rest": "rests", "stop": "stops",
    "breathe": "breathes", "wipe": "wipes", "get": "gets", "feel": "feels", "notice": "notices",
}  # fmt: skip


def asked_of(text: str, whose: Patient) -> str:
    """A safety question written to the patient (`text`), as asked of `whose`."""
    if whose == YOU:
        return text
    they = whose.subject == "they"
    for plain, third in _ASKED_VERBS:
        verb = plain if they else third
        text = re.sub(
            rf"\b([{plain[0]}{plain[0].upper()}]){plain[1:]} you\b",
            lambda m, verb=verb: f"{verb if m[1].islower() else verb.capitalize()} {whose.subject}",
            text,
        )
    text = re.sub(r"\b([Cc])an you\b", lambda m: f"{m[1]}an {whose.subject}", text)
    text = re.sub(r"\byou've\b", f"{whose.subject} {'have' if they else 'has'}", text)
    text = re.sub(r"\byou're\b", f"{whose.subject} {'are' if they else 'is'}", text)
    reflexive = {"he": "himself", "she": "herself"}.get(whose.subject, "themselves")
    text = re.sub(r"\byourself\b", reflexive, text)
    if not they:
        # "when you walk uphill, climb stairs or exert yourself": each verb agrees.
        verbs = "|".join(_THIRD_PERSON)
        text = re.sub(
            rf"\byou ({verbs})\b", lambda m: f"{whose.subject} {_THIRD_PERSON[m[1]]}", text
        )
        agreed = "|".join(_THIRD_PERSON.values())
        listed = re.compile(rf"(\b(?:{agreed})\b[^.?;]*?(?:, |\bor |\band ))({verbs})\b")
        while (found := listed.search(text)) is not None:
            text = text[: found.start(2)] + _THIRD_PERSON[found[2]] + text[found.end(2) :]
    text = re.sub(r"\byour\b", whose.possessive, text)
    text = re.sub(r"(?<!You mentioned )\byou\b(?= (?!mentioned)[a-z])", whose.subject, text)
    text = re.sub(r"(?<!\bYou)(?<!\byou) ?\byou\b(?! mentioned)",
                  lambda m: m[0].replace("you", whose.object), text)  # fmt: skip
    return text
