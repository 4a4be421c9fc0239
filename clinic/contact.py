"""A patient's phone number and email address, checked with phonenumbers and email-validator."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from clinic.phone_numbers import phone_region
from clinic.preferred_time import names_a_time

_EMAIL_LIKE = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']*")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Contact:
    """What a message held: a valid phone (E.164) and/or email, and what was wrong."""

    phone: str | None = None
    email: str | None = None
    bad_phone: bool = False
    bad_email: bool = False

    @property
    def usable(self) -> bool:
        """At least one way to reach the patient, and nothing given that was wrong."""
        return bool(self.phone or self.email) and not (self.bad_phone or self.bad_email)


# Only where a number starts: not the "00" inside "020 7946 0018".
_INTERNATIONAL_00 = re.compile(r"(?<![\d+)])(?<![\d)]\s)00(?=\s*[1-9])")


# A clock time beside the contact ("6:30 please, can't do 5 or 5:30"): no digits of a number
# (outside run 119 p07: the contact asked for again).
_CLOCK_TIME = re.compile(
    r"(?<![\d:.\-])\d{1,2}:[0-5]\d(?![\d:])\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"|(?<![\d:.\-])\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)\b",
    re.IGNORECASE,
)


def read_contact(text: str, region: str | None = None) -> Contact:
    """The phone number and email address in `text` (a patient's answer)."""
    region = region or phone_region()
    email, bad_email = None, False
    for candidate in _EMAIL_LIKE.findall(text):
        try:
            email = validate_email(candidate.rstrip("."), check_deliverability=False).normalized
        except EmailNotValidError:
            bad_email = True
    # "0044 ...": the international prefix of most countries, whatever the clinic's region.
    rest = _INTERNATIONAL_00.sub("+", _CLOCK_TIME.sub(" ", _EMAIL_LIKE.sub(" ", text)))
    phone, bad_phone = None, False
    for match in phonenumbers.PhoneNumberMatcher(
        rest, region, leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if phonenumbers.is_valid_number(match.number):
            phone = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        else:
            bad_phone = True
    if phone is None and len(_DIGITS.findall(rest)) >= 5:
        bad_phone = True  # digits that make no number: "555-12", "123456789012345"
    return Contact(
        phone, email.lower() if email else None, bad_phone and not phone, bad_email and not email
    )


def display_phone(e164: str) -> str:
    """A stored number as people write it: "+1 212-555-0143"."""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "st", "mx"})


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence, not a title's ("Dr. Ann Lee")."""
    for stop in re.finditer(r"[.!?;]\s", text):
        word = re.findall(r"[^\W\d_]+", text[: stop.start()])[-1:]
        if word and word[0].lower() not in _TITLES and len(word[0]) > 1:
            return text[: stop.start()]
    return text


# Words of a sentence that no name holds.
_SENTENCE_WORDS = frozenset({
    "i", "i'm", "im", "want", "wanna", "to", "the", "change", "time", "can", "could", "please",
    "book", "booking", "appointment", "not", "don't", "dont", "is", "it", "it's", "my", "me",
    "you", "what", "when", "how", "why", "should", "would", "will", "have", "has", "need",
    "a", "an", "at", "on", "with", "about", "pain", "hurts", "thanks", "thank", "sorry",
})  # fmt: skip
_NAME_PREFIX = re.compile(
    r"^(hi|hello|hey)?[\s,!.]*("
    # "I just told you, Linda Park", "like I said: Linda Park" (outside run 11).
    r"(?:i\s+(?:just\s+|already\s+)?(?:told|said|gave)(?:\s+(?:you|u|ya|it))?"
    r"|(?:like|as)\s+i\s+(?:said|told\s+(?:you|u|ya)|mentioned))"
    r"[\s,:.-]+)?((((my|her|his|their|the|patient's|the patient's) )?(name is|name's)"
    r"|i am|i'm|im|it's|its|this is|call me|under|book it under|put it under|it's for|for)\s+)*",
    re.IGNORECASE,
)
MAX_NAME_LENGTH = 100
_NOT_NAMES = frozenset({
    "yes", "yeah", "yep", "yup", "ya", "yea", "no", "nope", "ok", "okay", "sure", "fine", "thanks",
    "thank you", "hi", "hello", "please", "none", "n/a", "na", "idk", "me", "myself",
})  # fmt: skip
# Words of when, never of a name ("ya asap", "yeah whenever"); months can be names.
_WHEN_WORDS = frozenset({
    "asap", "tomorrow", "tmrw", "today", "tonight", "whenever", "anytime", "soon", "later",
    "morning", "afternoon", "evening", "weekend", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
    # Booking words and text-speak ("earliest appt pls" is no "Appt Pls", outside run 54).
    "appt", "appointment", "slot", "booking", "earliest", "soonest", "latest", "pls", "plz",
    "thx", "lol", "lmao", "ngl", "tbh",
})  # fmt: skip
# Where the contact details begin in "Anna Smith, 212 555 0143" or "Joan Miller, my
# number is ...": a run of digits, a "+", an email, or the words that introduce them.
_CONTACT_STARTS = re.compile(
    # Each word whole: the "no" of "Romano" and the "a" of "Romana" are the name's.
    r"[,;:]?\s*(?:\band\s+)?(?:\b(?:my|her|his|their|the|a)\s+)?(?:\b(?:phone|mobile|cell|tel|"
    r"telephone|contact)\s*)?(?:\b(?:number|no\.?|email|e-mail))?\s*(?:\bis|:)?\s*"
    r"(?=[+(]?\d[\d\s().-]{5,}|"
    r"[^\s@]+@)",
    re.IGNORECASE,
)


def name_and_contact(text: str) -> tuple[str, Contact]:
    """A name answer that may carry the contact too ("Tom Baker, +44 7400 123456"): the
    words before the contact details, and the details read."""
    contact = read_contact(text)
    if not (contact.phone or contact.email):
        return text, contact
    start = _CONTACT_STARTS.search(text)
    return (text[: start.start()] if start else text), contact


_WHOLE_NAME_WORDS = 4


def read_name(text: str, people: list[str] | None = None) -> str | None:
    """The patient's name from their answer ("my name is Anna Smith" -> "Anna Smith").

    `people` are PERSON names spaCy found; otherwise the answer without its lead-in. None
    when it holds no letters, is too long, or looks like a phone number or email.
    """
    said_is = _NAME_IS.search(text)
    if said_is and not _NOT_THE_NAME.search(text):
        # "2pm. Name is Dana Whitfield": what follows "name is" is the name, whatever a
        # person reader made of the words ("Name").
        text, people = said_is.group(1), None
    whole = _NAME_PREFIX.sub("", text.strip()).strip(" .,!?;:\"'")
    booked_for = _BOOKED_FOR.match(whole)
    writer_words = set(booked_for["writer"].lower().split()) if booked_for else set()
    if booked_for and not writer_words & (_WHEN_WORDS | _NOT_NAMES | {"book", "booking"}):
        # "Linda Kowalski for Frank": the booking is Frank's, and says who made it
        # (outside run 61 p05: booked under the wife who wrote).
        return f"{booked_for['patient']} (booked by {booked_for['writer']})"
    # "Chris Dunbar" said alone, spaCy finding only "Chris": the whole answer is the name
    # when it is a few capitalised words that hold the person found.
    said_whole = (
        people
        and people[0] in whole
        and 1 < len(whole.split()) <= _WHOLE_NAME_WORDS
        and all(word[:1].isupper() for word in whole.split())
        and not re.search(r"[.!?;]\s", whole)  # "Marta. Marta Wiśniewska": two sentences
    )
    if people and len(people) > 1:
        # "I say before, Marta. Marta Wiśniewska.": the name said again in full is the name
        # (outside run 121 r04: booked as "Marta").
        fullest = max(people, key=len)
        if all(person in fullest for person in people):
            people = [fullest, *(p for p in people if p != fullest)]
    name = whole if said_whole else people[0] if people else whole
    # "Ruth Stein. Oh, I should have said...": the name is the first sentence.
    name = _first_sentence(name)
    name = " ".join(name.strip(" .,!?;:\"'").split())
    letters = sum(ch.isalpha() for ch in name)
    if not name or letters < 2 or len(name) > MAX_NAME_LENGTH or set(name) & set("@<>{}[]/\\|="):
        return None
    if len(_DIGITS.findall(name)) > 2 or len(name.split()) > 6:
        return None  # a number, or a sentence rather than a name
    if name.lower() in _NOT_NAMES:
        return None  # "yes", "ok": an answer to another question
    words = [w.strip(".,!?") for w in name.lower().split()]
    if words[0] in _NOT_NAMES or set(words) & _WHEN_WORDS:
        return None  # "ya asap", "sure tomorrow": an answer about when, not a name
    if _SENTENCE_WORDS.intersection(name.lower().split()):
        return None  # "i want to change the time": a sentence, not a name
    if _DIGITS.search(name) and (names_a_time(name) or not re.search(r"[^\W\d_]{2,}", name)):
        return None  # "8am", "3pm please": a time typed in the wrong place
    # "maya chen", typed in a hurry, is written as the clinic writes names.
    return " ".join(word.capitalize() for word in name.split()) if name.islower() else name


# "Maria Santos for Jorge", "Tom Reilly on behalf of my dad Patrick Reilly": a writer's
# name, then the patient's.
_A_NAME = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}"
_BOOKED_FOR = re.compile(
    rf"^(?P<writer>{_A_NAME})\s*,?\s+(?:for|on behalf of)\s+(?:(?:my|her|his|our)\s+[a-z]+\s+)?"
    rf"(?P<patient>{_A_NAME})$"
)


# Whom the booking is for, named: "it's for Rachel Klein", "the patient is Rachel Klein".
_FOR_WHOM = re.compile(
    r"(?i:\b(?:(?:it'?s|its|it is|(?:the )?(?:booking|appointment|consultation) is)(?: meant)?"
    r"\s+for|(?:the )?patient is)\s+)([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)


# "The name is Jess Romano", "name should be ...": the whole name again.
_NAME_IS = re.compile(
    r"\bname\s*(?:on (?:it|the booking|the appointment)\s+)?(?:is|'s|should be|=|:|to|as)\s+"
    r"(?!(?:still\s+|now\s+)?(?:wrong|incorrect|misspelt|misspelled|spelt|spelled|not\b|right\b"
    r"|correct\b))"
    r"(.+?)(?:\s*(?:,|;|\.|!|\bnot\b|\bbut\b|\binstead\b|\bplease\b|\bpls\b)|$)",
    re.IGNORECASE,
)
# "That isn't my name", "my name is not Name", "wrong name": the name said is denied.
_NOT_THE_NAME = re.compile(
    r"\b(?:isn'?t|is not|not|wrong)\s+(?:my\s+|the\s+)?name\b|\bname\s+(?:is\s+not|isn'?t)\b",
    re.IGNORECASE,
)
# "full name, Grace Adeyemi", "full name on it please: Amos Mensah": the capitalised words
# after the words asking for the full name.
_FULL_NAME = re.compile(r"\bfull name\b[^A-Z]{0,25}?((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){1,3})")
_IT_IS = re.compile(r"^\W*(?:it'?s|it is|its|i'?m|i am)\s+", re.IGNORECASE)
# A message about the name: only then is a word like one of the name's a correction of it.
_ABOUT_THE_NAME = re.compile(
    r"\b(?:name|spelt|spelled|spelling|surname"
    r"|with (?:an?|one|two|double) [a-z](?:'?s)?(?: at the end| in the middle)?)(?!\w)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# Words about a name, never a name: "name is still wrong" (outside run 111 p06: booked as
# "Still Wrong").
_NAME_TALK = frozenset(
    {"still", "wrong", "right", "correct", "incorrect", "spelt", "spelled", "spelling", "again",
     "typo", "not", "sorry", "oops", "misspelt", "misspelled", "with", "the", "name", "surname"}
)  # fmt: skip
# A mistake in the name said: "sorry typo", "still not right", "spelt wrong".
_A_MISTAKE = re.compile(
    r"\b(?:typo|wrong|spelt|spelled|spelling|misspel\w*|not right|incorrect|oops|still)\b",
    re.IGNORECASE,
)


def _spelled_again(text: str, known: str) -> str | None:
    """The known name with one word spelt again, in a message that says it was a mistake:
    "sorry typo, its Thompson" of "Marcus Thomspon"; None otherwise."""
    if not _A_MISTAKE.search(text):
        return None
    words = known.split()
    for token in _WORD.findall(text):
        low = token.lower()
        if low in _NAME_TALK or len(low) < 3:
            continue
        for i, word in enumerate(words):
            was = word.lower()
            close = difflib.SequenceMatcher(None, low, was).ratio() >= 0.75
            if low != was and close and low[:2] == was[:2]:
                spelled = token.capitalize() if token.isupper() or token.islower() else token
                return " ".join([*words[:i], spelled, *words[i + 1 :]])
    return None


# "Same as before", "the same email as last time": what the chat was told already.
_SAME_AS_BEFORE = re.compile(
    r"^\W*(?:the\s+)?same(?:\s+\w+)?(?:\s+as\s+(?:before|last time|earlier|the last one))?"
    r"\W*$|\bas (?:before|last time|earlier)\b",
    re.IGNORECASE,
)


def same_as_before(text: str) -> bool:
    """Whether a name or contact is given as the one told before ("same as before")."""
    return bool(_SAME_AS_BEFORE.search(text))


# "McAllister not Mcallister", "Caitlin, not Katelyn": the name said, then the one it
# replaces.
_X_NOT_Y = re.compile(
    r"((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3})\s*,?\s+(?:not|instead of|rather than)\s+"
    r"([^\W\d_][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
)
# "The surname is Whitcombe", "last name's Oduya": the surname alone.
_SURNAME_IS = re.compile(
    r"\b(?:sur|last |family )name\s*(?:is|'s|should be|=|:)\s+([^\W\d_][\w'-]+)", re.IGNORECASE
)
# "...under my husband's name, Marek Nowak", "name: Ada Byrne": a whole name after "name".
_NAME_THEN = re.compile(r"\bname\s*[,:]\s*((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){1,3})")


def _one_for_another(text: str, known: str) -> str | None:
    """The known name with the part said to be wrong replaced ("McAllister not
    Mcallister"), or the whole name said instead; None when the message says neither."""
    found = _X_NOT_Y.search(text)
    if not found:
        return None
    said = found.group(1).split()
    while said and (said[0].lower() in _SENTENCE_WORDS | _NOT_NAMES or _IT_IS.match(said[0])):
        said = said[1:]  # "It's McAllister": the name only
    if not said:
        return None
    wrong = [word.lower() for word in found.group(2).split()]
    words = known.split()
    lowered = [word.lower() for word in words]
    for i in range(len(words) - len(wrong) + 1):
        if lowered[i : i + len(wrong)] == wrong:
            if len(said) > 1 and len(said) > len(wrong):
                return " ".join(said)  # "Kevin O'Brien not O'brien": the whole name
            return " ".join([*words[:i], *said, *words[i + len(wrong) :]])
    return " ".join(said) if len(said) > 1 else None


def asks_to_rename(text: str) -> bool:
    """Whether a message asks for the name on the booking to be put right ("can you change
    the name on it?", "the surname is spelt wrong", "put it under my wife's name")."""
    return bool(_RENAME.search(text or ""))


_RENAME = re.compile(
    r"\b(?:change|changing|correct|fix|fixed|update|amend|edit)\b[^.?!]{0,30}"
    r"\b(?:name|surname|spelling)\b"
    r"|\b(?:name|surname)\b[^.?!]{0,20}\b(?:should\s+(?:be|say|read)|is\s+wrong|wrong|spelt|"
    r"spelled|misspel\w*|typo|incorrect)\b"
    r"|\b(?:booking|appointment|it)\s+should\s+(?:say|be under|read)\b"
    r"|\b(?:put|book|have)\s+(?:it|the booking|the appointment)\s+under\s+(?:my|her|his|their)\b",
    re.IGNORECASE,
)


def name_mended_beside(text: str, known: str | None) -> str | None:
    """The name put right in a message that answers another question ("sorry typo, its
    Thompson. 917 555 0142" to the contact question: outside run 111 p06), only when it
    says a mistake was made or asks for the change; else None."""
    if not (_A_MISTAKE.search(text) or asks_to_rename(text)):
        return None
    return name_put_right(text, known)


def name_put_right(text: str, known: str | None) -> str | None:
    """The name as the patient puts it right ("its Romano not Roma", "the name is wrong,
    it's ROMANO", "name is Jess Romano"), given the `known` one; None if the message does
    not correct it."""
    if not known:
        return None
    instead = _one_for_another(text, known)
    if instead and instead != known:
        return instead
    spelled = _spelled_again(text, known)
    if spelled:
        return spelled  # "sorry typo, its Thompson", "still not right lol. Kowalski"
    then = _NAME_THEN.search(text)
    if then and (name := read_name(then.group(1))) and name.lower() != known.lower():
        return name  # "put it under my husband's name, Marek Nowak"
    surname = _SURNAME_IS.search(text)
    if surname and surname.group(1).lower() not in _NAME_TALK:
        # "The surname is Whitcombe": the first name known, the surname said (outside run 67
        # p06: booked as "Harold").
        said = surname.group(1).capitalize() if surname.group(1).islower() else surname.group(1)
        words = known.split()
        name = " ".join([*words[:1], said]) if words else said
        if name != known:
            return name
    for_whom = _FOR_WHOM.search(text)
    if for_whom:
        # "No! it's for Rachel Klein, my wife. Tom is me", "the patient is Rachel Klein not
        # Tom" (outside run 63 p07: read as turning the time down, then as asking for a
        # person): the one it is for.
        name = read_name(for_whom.group(1))
        if name and name.lower() not in known.lower():
            return name
    denied = re.findall(r"(?:\bnot|n't|\bisnt|\baint)\s+([^\W\d_][\w'-]*)", text.lower())
    if not (_ABOUT_THE_NAME.search(text) or set(denied) & set(known.lower().split())):
        return None  # "not Roma" names the name; "no, not that time" does not
    if _NOT_THE_NAME.search(text) or set(denied) & set(known.lower().split()):
        # "That isn't my name. Dana Whitfield.": the name is what is said besides.
        # "my name isnt appt pls 💀 its Jayden Brooks": the name follows the "it's".
        for part in re.split(r"(?<=[.!?;,])\s+|\s+(?=(?:it'?s|its)\s)", text, flags=re.I):
            if _NOT_THE_NAME.search(part) or re.search(r"(?:\bnot|n't|\bisnt)\s", part.lower()):
                continue
            name = read_name(_IT_IS.sub("", part))
            if name and name.lower() != known.lower():
                return name
    full = _FULL_NAME.search(text)
    if full:
        # "Please put the full name, Samuel Okafor, and note I'm his carer Sandra".
        name = read_name(full.group(1))
        if name and name.lower() != known.lower():
            return name
    whole = _NAME_IS.search(text)
    if whole:
        said, _ = name_and_contact(whole.group(1))
        name = read_name(said)
        if name and name.lower() != known.lower():
            return name
    words = known.split()
    for token in _WORD.findall(text):
        for i, word in enumerate(words):
            low, was = token.lower(), word.lower()
            close = difflib.SequenceMatcher(None, low, was).ratio() >= 0.6
            if low != was and close and low[:2] == was[:2] and len(low) >= 2:
                spelled = token.capitalize() if token.isupper() or token.islower() else token
                return " ".join([*words[:i], spelled, *words[i + 1 :]])
    return None


# "Call me back", "ring him", "give me a bell", "a callback": a call to the patient (or the
# one they write for), not a person in the chat. Who is called comes right after the verb.
_A_CALL = re.compile(
    r"\b(?:call|ring|phone|telephone|called|rang|phoned)\s+(?:me|us|him|her|them|my\s+(?!doctor|dr\b|gp\b|"
    r"physio|therapist|specialist|surgeon|consultant|nurse|midwife|oncolog|ob\b|obs\b|obgyn|ob-gyn"
    r"|obstetrician|pcp\b|pediatrician|paediatrician|cardiolog)\w+)\b"
    r"|\b(?:call|ring|phone)\s*-?\s*back\b|\bcall-?backs?\b"
    r"|\bgive\s+(?:me|us|him|her|them)\s+a\s+(?:call|ring|bell|buzz)\b"
    r"|\b(?:a|by)\s+(?:phone\s+)?call\b",
    re.IGNORECASE,
)


def asks_for_a_call(text: str) -> bool:
    """Whether a request for a person asks to be called ("can someone ring me back")."""
    return bool(_A_CALL.search(text))


# A call said no to: "don't call", "no need to ring", "no call thanks", "not a call".
_NO_CALL = re.compile(
    r"\b(?:don'?t|dont|do not|no need to|no)\s+(?:\w+\s+)?(?:call|ring|phone)\w*\b"
    r"|\bno\s+(?:phone\s+)?call\b|\bnot\s+(?:a\s+)?(?:phone\s+)?call\b",
    re.IGNORECASE,
)


def declines_a_call(text: str) -> bool:
    """Whether the message says no to a call ("nah don't call, just book me in")."""
    return bool(_NO_CALL.search(text))


# "Talk to an actual person", "speak to someone at the clinic", "a real human": a person,
# not a call (that is `asks_for_a_call`).
_A_PERSON = re.compile(
    r"\b(?:talk|speak|chat|discuss\s+\w+)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s+|one\s+of\s+"
    r"(?:your|the)\s+)?(?:real|actual|live|proper)?\s*(?:person|people|human|human being|"
    r"some\s?one|some\s?body|staff|member of staff|receptionist|physio|physiotherapist)s?\b"
    r"|\b(?:real|actual|live)\s+(?:person|human)\b|\bhuman\s+(?:please|pls|plz)\b",
    re.IGNORECASE,
)


def asks_for_a_person(text: str) -> bool:
    """Whether the words ask for a person in the chat ("I'd rather talk to a real person")."""
    return bool(_A_PERSON.search(text))


# A question about the call asked for ("is my call still on?", "is someone going to ring me
# or not?", "did the callback go through?"): not "will the physio call me before the
# appointment?", which asks how the clinic works.
_MY_CALL = re.compile(
    r"\b(?:my|the|that|our|this)\s+(?:phone\s+)?(?:call|call-?back|call back)\b(?!\s+(?:me|us)\b)"
    r"|\b(?:call|ring|phone)\w*\s+(?:me|us|him|her)\b[^.?!]*\b(?:still|or not|or no|or what|yet)\b"
    r"|\b(?:one|1|two|2|another|second|both|only)\s+(?:phone\s+)?calls?\b"
    r"|\b(?:still|going to|gonna|when will|what time will|when are|when is|they'll|theyll|"
    r"you'll|youll|someone'll)\s+(?:\w+\s+){0,2}"
    r"(?:call|ring|phone)\w*\b",
    re.IGNORECASE,
)
_A_QUESTION = re.compile(
    r"\?|^\W*(?:so\s+)?(?:is|are|will|did|has|have|was|when|what time|does|do)\b"
    r"|\b(?:is it|is that|is this)\s+(?:still\s+)?(?:on|set|booked|happening|there|arranged)\b",
    re.IGNORECASE,
)


def asks_about_a_call(text: str) -> bool:
    """Whether the message asks about the call the patient asked for."""
    return bool(_MY_CALL.search(text) and _A_QUESTION.search(text))


# The end of a number put right: "it ends in 0111", "the last four digits are 0119",
# "0119 at the end", "not 0110, 0118".
# Digits of a clock time are no digits of a number: "11:00 not 11:30" (outside run 112 p03:
# the contact became the clinic's own number).
_NO_CLOCK = r"(?<![:.]\d)(?<![:.])"
_NOT_A_CLOCK = r"(?![:.]\d|\s*(?:am|pm|a\.m|p\.m)\b)"
_LAST_DIGITS = re.compile(
    r"\b(?:ends?|ending)\s+(?:in|with)\s+(?P<a>\d{2,4})\b"
    r"|\blast\s+(?:\w+\s+)?(?:digits?|numbers?)\s+(?:are|is|should be)?\s*(?P<b>\d{2,4})\b"
    r"|\b(?P<c>\d{2,4})\s+at\s+the\s+end\b"
    rf"|\bnot\s+{_NO_CLOCK}\d{{2,4}}{_NOT_A_CLOCK}\s*[,;-]?\s*(?:it'?s\s+|but\s+)?"
    rf"{_NO_CLOCK}(?P<d>\d{{2,4}})\b{_NOT_A_CLOCK}"
    # "its 0139 not 0193": the right ones first (outside run 49).
    rf"|\b{_NO_CLOCK}(?P<e>\d{{2,4}})\b{_NOT_A_CLOCK}\s*[,;-]?\s*not\s+\d{{2,4}}\b{_NOT_A_CLOCK}",
    re.IGNORECASE,
)


def last_digits_put_right(text: str, phone: str) -> str | None:
    """The number (E.164) with its last digits as the patient put them right, or None."""
    found = _LAST_DIGITS.search(text)
    if not found or not phone:
        return None
    digits = next(group for group in found.groups() if group)
    return phone[: -len(digits)] + digits if len(digits) < len(phone) - 1 else None


# A part of an email address put right: "its .com not .con", ".con should be .com",
# "change .con to .com", "not gmial, gmail". A part is what an address is made of.
_PART = r"[\w.+@-]*\w[\w.+@-]*"
_PART_FOR_PART = (
    re.compile(
        rf"(?P<right>{_PART})\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?P<wrong>{_PART})"
    ),
    re.compile(
        rf"\bnot\s+(?P<wrong>{_PART})\s*[,;:-]?\s*(?:(?:it'?s|its|but)\s+)?(?P<right>{_PART})"
    ),
    re.compile(rf"(?P<wrong>{_PART})\s+should\s+(?:be|say|read)\s+(?P<right>{_PART})"),
    re.compile(rf"\bchange\s+(?P<wrong>{_PART})\s+(?:to|into|for)\s+(?P<right>{_PART})"),
)
# "the email should end .com", "sorry, .com": an ending said alone, outside an address.
_ENDING_ALONE = re.compile(r"(?<![\w@.])\.(?P<ending>[a-z]{2,6})\b")
_ABOUT_THE_EMAIL = re.compile(r"\b(?:e-?mail|mail|address)\b", re.IGNORECASE)


def email_put_right(text: str, known: str | None) -> str | None:
    """The `known` email with the part the patient puts right replaced, or None when the
    message puts no part of it right. A part only of the name before the "@" ("Romano
    not Roma") counts when the message speaks of the email: it is more likely the name."""
    if not known:
        return None
    lowered = text.lower()
    for pattern in _PART_FOR_PART:
        for found in pattern.finditer(lowered):
            right, wrong = found["right"].rstrip(".-"), found["wrong"].rstrip(".-")
            if wrong not in known or not _looks_like_a_part(right, wrong):
                continue
            at = known.rfind(wrong)
            in_the_name = at + len(wrong) <= known.find("@")
            if in_the_name and not (_ABOUT_THE_EMAIL.search(text) or set("@.") & set(right)):
                continue
            return _valid_email(known[:at] + right + known[at + len(wrong) :], known)
    ending = _ENDING_ALONE.search(lowered)
    if ending and "." in known.rpartition("@")[2]:
        return _valid_email(known.rpartition(".")[0] + "." + ending["ending"], known)
    return None


def _looks_like_a_part(right: str, wrong: str) -> bool:
    """Whether `right` can stand for `wrong` in an address: an address's own characters, or
    a spelling close to it ("gmail" for "gmial"), not any word ("sorry not gmial")."""
    if set("@.") & set(right):
        return True
    return difflib.SequenceMatcher(None, right, wrong).ratio() >= 0.6


def _valid_email(email: str, known: str) -> str | None:
    """`email` when it is a valid address other than `known`, else None."""
    if email == known:
        return None
    try:
        return validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


# Who the clinic should ask for, named in the request: "call my gf Tamsin", "ask for
# Tamsin", "it's for Tamsin not me", "the person they ask for is Tamsin". In capitals, as
# names are written; never a day or a month.
_CALLEE = re.compile(
    r"\b(?:ask|asking)\s+for\s+|\b(?:it'?s|its|call|call-?back|call back|ring|phone)\s+for\s+"
    r"|\b(?:call|ring|phone)\s+(?:back\s+)?my\s+[a-z]+\s+|\bask\s+for\s+is\s+|\bfor\s+is\s+"
    r"|\b(?:they|to)\s+ask\s+for\s+(?:is\s+)?"
)
# A name as written, "O'Brien", "McDonald" and "Mary-Jo" whole.
_NAME_WORD = r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['\u2019-][A-Z]?[a-z]+)*"
_NAME_AFTER = re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)\b")
_NOT_A_PERSON = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|today|tomorrow|i|me)\b",
    re.IGNORECASE,
)


def callee_named(text: str) -> str | None:
    """The person the clinic should ask for, named in `text`, or None."""
    for cue in _CALLEE.finditer(text):
        found = _NAME_AFTER.match(text, cue.end())
        if found and not _NOT_A_PERSON.match(found["name"]):
            return found["name"]
    return None
