"""Who the patient is, said alongside another answer: the name and contact details the
booking and the call-back forms both keep rather than ask for again."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.tracker_facts import entity_values, the_patient
from clinic import patient
from clinic.contact import Contact, display_phone, name_and_contact, read_contact, read_name
from clinic.preferred_time import names_a_time

Slots = dict[str, Any]


def contact_slots(contact: Contact) -> Slots:
    shown = [display_phone(contact.phone)] if contact.phone else []
    shown += [contact.email] if contact.email else []
    return {
        "contact_details": " and ".join(shown),
        "patient_phone": contact.phone,
        "patient_email": contact.email,
    }


_HERE = re.compile(r"\s+here$", re.I)
_NAMED = re.compile(r"\b(?:name is|name's|names|i am|i'm|im|this is|it's for|for)\s", re.I)


def who_said_alongside(text: str, tracker: Tracker) -> Slots:
    """A name or contact said with the chosen time ("9 works, Jay Brooks 646-555-0147"):
    kept, so neither is asked for. The name as spaCy's PERSON, or, just before the contact,
    in capitals or after "name is": never a guess from other words."""
    found: Slots = {}
    contact = read_contact(text)
    if contact.usable and not tracker.get_slot("contact_details"):
        found.update(contact_slots(contact))
    if tracker.get_slot("patient_name"):
        return found
    # "...Kind regards, Walter": the writer's signature, not a name given for the booking
    # (outside run 67 p06: booked as "Harold", the full name said later not taken).
    text = _SIGN_OFF.sub("", text)
    theirs = _THEIR_NAME.search(text)
    if theirs and not names_a_time(theirs[1]) and (name := read_name(theirs[1])):
        # "Her name is Lakshmi Raman ... (I'm Priya, her daughter)": the patient's name, and
        # an "I'm" elsewhere the writer's (outside run 79 p03: the two swapped).
        own = _OWN_NAME.search(text[: theirs.start()] + " " + text[theirs.end() :])
        writer = read_name(own[1]) if own and _INTRODUCES.match(own[0]) else None
        if writer and writer.lower() not in name.lower():
            name = booked_by(name, writer)
        found["patient_name"] = name
        return found
    people = [with_first_name(person, text) for person in entity_values(tracker, "PERSON")
              if person in text]  # fmt: skip
    # "...so Gary might answer. My name is Linda Kowalczyk": the name said as the writer's
    # own wins over others named (outside run 47).
    own = _OWN_NAME.search(text)
    name = read_name(own[1]) if own and not names_a_time(own[1]) else None
    # A person told of ("Frank golfs on Mondays") is not the booking's name: only one said
    # as a name is, on its own or beside the contact (outside run 48).
    people = [person for person in people if _said_as_a_name(person, text)]
    writer = None
    if name and own and (_RELATION_AFTER.match(text[own.end() :]) or _written_for(tracker)):
        # "Rachel Klein, 347-555-0178, I'm Tom her husband": the writer's name, not the
        # patient's (outside run 63 p07: booked under "Tom").
        writer, name = name, None
        people = [person for person in people if person not in writer and writer not in person]
    if name is None and people:
        name = read_name(people[0], people)
        if name and writer:
            name = booked_by(name, writer)
    if name is None and contact.usable:
        # Said just before the contact details: "3pm suits me. Ruth Okafor, ruth@...".
        before, _ = name_and_contact(text)
        last = re.split(r"[.!;?]|,", before.strip(" ,"))[-1].strip()
        # "Hello, Priya Natarajan here, 646...": introduced (outside run 122 s08).
        here = _HERE.search(last)
        last = last[: here.start()] if here else last
        name = read_name(last) if 0 < len(last.split()) <= 4 and not names_a_time(last) else None
        if name and not (here or _NAMED.search(last) or all(w[:1].isupper() for w in name.split())):
            name = None  # "call me on", "the first one": not a name
    if name is None and contact.usable:
        # Introduced anywhere in the message, in capitals: "646 555 0102, its Lee Park".
        introduced = _INTRODUCED.search(text)
        name = read_name(introduced[1]) if introduced and not names_a_time(introduced[1]) else None
    if name:
        found["patient_name"] = name
    return found


_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?\n])|^)\s*(?:(?:kind|best|warm|many|with)\s+)?(?:regards|thanks|thank you|cheers|"
    r"best wishes|wishes|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|love|ta)\W*"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\W*$",
    re.IGNORECASE,
)


# "I'm Tom, her husband", "this is Ana, his daughter": the writer, someone else's relative.
_RELATION_AFTER = re.compile(
    # "..., my name is Ewa (daughter)": in brackets too (outside run 88 p02).
    r"[\s,(]*(?:and\s+)?(?:(?:i'?m|im|i am)\s+)?(?:(?:her|his|their|the patient'?s)\s+\w+|"
    r"(?:husband|wife|partner|son|daughter|mum|mom|dad|father|mother|carer|caregiver|grandson"
    r"|granddaughter|niece|nephew|brother|sister|neighbou?r|friend)\b)",
    re.IGNORECASE,
)
# "I'm her dad Rob", "this is his mom, Carla": the relation, then the writer's name.
_RELATION_THEN_NAME = re.compile(
    r"\b(?:i'?m|im|i am|this is)\s+(?:her|his|their)\s+(?:husband|wife|partner|son|daughter|"
    r"mum|mom|mother|dad|father|carer|caregiver|brother|sister|friend)\W+"
    r"(?P<name>[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?)\s*(?=$|[,.;:!?\d+(])",
    re.IGNORECASE,
)
_INTRODUCES = re.compile(r"(?i)(?:my name|i'?m|im|i am|this is)\b")
# "im keisha his mom", typed in lower case: the writer's name, then the relation.
_NAME_THEN_RELATION = re.compile(
    r"\b(?:i'?m|im|i am|this is)\s+(?P<name>[a-z][\w'-]+)\s*,?\s+(?:her|his|their)\s+"
    r"(?:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|carer|caregiver|brother|"
    r"sister|friend)\b",
    re.IGNORECASE,
)


# "...917-555-2281 (Maria, daughter)", "Kara (her granddaughter)": a name written as one,
# beside a relation word, with no "I'm" (outside run 101 p03).
# Not "Rosa Delgado (mom)": a relation alone in brackets says who the name before it is
# (outside run 107 p03: booked for "Rosa (booked by Delgado)").
_NAME_BESIDE_RELATION = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][a-z'-]+)\s*(?:,\s*(?:(?:her|his|their)\s+)?|\(\s*(?:her|his|their)\s+)"
    r"(?:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|carer|caregiver|grandson"
    r"|granddaughter|niece|nephew|brother|sister|friend)\b"
)
# "Rosa Delgado (mom)", "Lucy Brandt (my wife)": the relation that names the patient.
_PATIENT_CALLED = re.compile(
    r"\(\s*(?:my\s+)?(?:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|grandson"
    r"|granddaughter|grandma|grandpa|grandmother|grandfather|brother|sister)\s*\)",
    re.IGNORECASE,
)


def writer_after_the_patient(text: str) -> tuple[str, str | None]:
    """The patient's name and the writer's, when the writer is introduced after it as a
    relative ("Rosa Delgado. My name is Luis, I'm her son"): (the text before, the writer);
    else (the text, None)."""
    relation_first = _RELATION_THEN_NAME.search(text) or _NAME_THEN_RELATION.search(text)
    own = _OWN_NAME.search(text)
    if not relation_first and not (own and _INTRODUCES.match(own[0])):
        relation_first = _NAME_BESIDE_RELATION.search(text)
    if relation_first:
        # "Jess Kowalski. I'm her dad Rob", "this is his mom, Carla".
        before = text[: relation_first.start()].strip(" .,;:-(")
        writer = read_name(relation_first["name"])
        if before and writer:
            return before, writer
    patient_called = own is not None and _PATIENT_CALLED.search(text[: own.start()])
    if (
        not own
        or not _INTRODUCES.match(own[0])
        or not (_RELATION_AFTER.match(text[own.end() :]) or patient_called)
    ):
        return text, None
    before = text[: own.start()].strip(" .,;:-")
    writer = read_name(own[1])
    return (before, writer) if before and writer else (text, None)


def booked_by(name: str, writer: str) -> str:
    """The booking's name with who booked it, as the staff read it."""
    return f"{name} (booked by {writer})"


def writer_introduced(text: str) -> str | None:
    """The writer's name when the message introduces them as the patient's relative ("call
    me, I'm his daughter Anna, 917..."), else None."""
    found = _RELATION_THEN_NAME.search(text) or _NAME_THEN_RELATION.search(text)
    return read_name(found["name"]) if found else None


def _written_for(tracker: Tracker) -> bool:
    return the_patient(tracker) != patient.YOU


# What follows a name said as one: the end, a stop, a comma, the contact details.
_AFTER_A_NAME = re.compile(r"\s*(?:$|[,.;:!?)]|\d|\+|\(|\S+@|and (?:my|the) )")


_BEFORE_A_NAME = re.compile(
    r"\b(?:for me|for|i'?m|im|i am|name is|name's|this is|it'?s|its)[\s,:]+$", re.IGNORECASE
)


def _said_as_a_name(person: str, text: str) -> bool:
    """Whether `person` is said as a name ("..., Dave Ortiz", "its for me maya chen"), not
    told of ("Dave works tuesdays")."""
    at = text.find(person)
    if at < 0:
        return False
    return bool(_AFTER_A_NAME.match(text[at + len(person) :]) or _BEFORE_A_NAME.search(text[:at]))


# The name said as one's own, in capitals after its words: "My name is Linda Kowalczyk",
# "I'm Ada Novak", "it's for me, Linda", "the booking is for Ewa Kowalska" (spaCy reads the
# message in lower case and may miss it).
# A word of a name: "Margaret", "O'Leary", "Jean-Luc", "McDonald", "D'Arcy" (outside run 111
# p07: "Margaret O'Leary" was read as "Margaret O").
_NAME_WORD = r"[A-Z](?:[a-z]+|(?=['\u2019-][A-Za-z]))(?:(?:['\u2019-][A-Za-z]|[A-Z])[a-z]+)*"
_OWN_NAME = re.compile(
    r"(?i:\b(?:my name is|my name's|name is|i'?m|im|i am|this is|for me|it'?s me|"
    r"(?:booking|appointment|consultation|it)\s+(?:is|should be|'s)\s+for))[,:]?\s+"
    rf"(?i:me[,:]?\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b"
)
# The patient's name said as someone else's: "her name is Joan Abara", "my dad's name is".
_THEIR_NAME = re.compile(
    r"(?i:\b(?:her|his|their|the patient'?s|(?:my )?(?:mum|mom|mother|dad|father|son|daughter|"
    r"wife|husband|partner)'?s)\s+(?:full\s+)?name\s*(?:is|'s|=|:)\s+)"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b"
)
_INTRODUCED = re.compile(
    r"\b(?:[Ii]t'?s|[Ii]ts|[Tt]his is|[Ii]'?m|[Ii]m|[Ii] am|[Nn]ame is|[Nn]ame's)\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b"
)


def with_first_name(person: str, text: str) -> str:
    """spaCy's PERSON with the first name it missed after a cue ("its for me maya chen"
    gives "chen" alone)."""
    before = re.search(
        rf"\b(?:for me|i'?m|i am|name is|name's|this is|it'?s)[\s,]+([^\W\d_]+)\s+"
        rf"{re.escape(person)}\b",
        text,
        re.IGNORECASE,
    )
    return f"{before[1]} {person}" if before and " " not in person else person


# The booking said to be the writer's own: "the appointment is for me".
_BOOKED_FOR_ME = re.compile(
    r"\b(?:for me|it'?s me|(?:booking|appointment|consultation|it) (?:is|'s) for me|"
    r"i'?m the patient|i am the patient)\b",
    re.IGNORECASE,
)
_FOR_ME = re.compile(r"\b(?:for me|it'?s me|my name is|my name's|i'?m|i am)\b", re.IGNORECASE)


def writers_own_name(person: str, text: str, tracker: Tracker) -> bool:
    """Whether, writing for someone else, `person` is the writer's own name in `text`
    ("contact me, Priya", "I'm Priya")."""
    own = re.search(rf"\b(?:me|i'?m|i am|my name is|myself)\W+{re.escape(person)}\b", text, re.I)
    return bool(own) and the_patient(tracker) != patient.YOU


# "It's for my dad, Tomasz Nowak, not me": the relative's name, said as the booking's.
_FOR_MY_RELATIVE = re.compile(
    rf"\bfor my\s+[a-z]+(?:\s+in\s+law)?,?\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b"
)


def someone_else_named(text: str, tracker: Tracker) -> str | None:
    """Another name said as the patient's at the summary ("No dear, the appointment is for
    me, Dorothea Pruitt. Keely is my granddaughter"): the name put right."""
    known = (tracker.get_slot("patient_name") or "").lower()
    relative = _FOR_MY_RELATIVE.search(text)
    if relative and the_patient(tracker) != patient.YOU:
        name = read_name(relative[1])
        if name and name.lower() != known:
            return name  # "no, it's for my dad, Tomasz Nowak, not me" (outside run 55)
    if the_patient(tracker) != patient.YOU and not _BOOKED_FOR_ME.search(text):
        # Writing for her mother: "I am daughter Lan and I translate" is the writer's name,
        # not a new one for the booking (outside run 53).
        return None
    said = _OWN_NAME.search(text)
    if said and not names_a_time(said[1]):
        name = read_name(said[1])
        if name and name.lower() != known and known not in name.lower():
            return name
    if not _FOR_ME.search(text):
        return None
    for person in entity_values(tracker, "PERSON"):
        name = read_name(person)
        if name and person in text and name.lower() != known and known not in name.lower():
            return name
    return None
