"""The words patients use for where it hurts and how, mapped to the contract's canonical values.

One table per entity: canonical value -> the phrases that mean it (synonyms, slang,
plurals, common misspellings). `find_terms` reads a message with it; `canonical` maps
one phrase (e.g. what the NLU model extracted) to its value.
"""

from __future__ import annotations

import bisect
import calendar
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

BODY_PARTS: dict[str, tuple[str, ...]] = {
    "head": (
        "head", "heads", "headache", "headaches", "head ache", "head aches", "hed", "hed ake",
        "temple", "temples", "forehead", "skull", "back of my head",
        "base of my skull", "base of the skull", "migraine", "migraines",
    ),
    "jaw": ("jaw", "jaws", "tmj", "tmd", "jaw joint", "temporomandibular", "jawline"),
    "neck": (
        "neck", "necks", "nek", "neckache", "neck ache", "nape", "nape of my neck",
        "back of my neck", "back of the neck", "cervical", "scalene", "scalenes", "crick",
    ),
    "shoulder": (
        "shoulder", "shoulders", "sholder", "sholders", "shouler", "shoulda", "soulder",
        "traps", "trap", "trapezius", "rotator cuff", "deltoid", "delts", "top of my shoulder",
        "frozen shoulder",
    ),
    "upper_back": (
        "upper back", "upper-back", "shoulder blade", "shoulder blades", "shoulderblade",
        "shoulderblades", "between my shoulder blades", "between the shoulder blades",
        "scapula", "rhomboid", "rhomboids", "thoracic", "top of my back", "upper bak",
        # Said by people writing in a second language (outside run 56): "up back".
        "shoulders blades", "shoulders blade", "up back", "upper of the back",
    ),
    "mid_back": ("mid back", "mid-back", "midback", "middle back", "middle of my back"),
    "lower_back": (
        "lower back", "lower-back", "low back", "low-back", "lowerback",
        "lower bak", "lumbar", "lumber", "lumbago", "small of my back", "bottom of my back",
        "low in my back", "low down in my back", "low down my back", "lower down my back",
        "lower part of my back", "base of my spine", "bottom of my spine",
        "sacroiliac", "si joint", "ql", "quadratus lumborum",
    ),
    "back": ("back", "backs", "bak", "bakc", "backache", "back ache", "spine", "spinal"),
    "chest": ("chest", "pec", "pecs", "pectoral", "pectorals", "rib", "ribs", "ribcage"),
    "arm": ("arm", "arms", "upper arm", "bicep", "biceps", "tricep", "triceps"),
    "elbow": (
        "elbow", "elbows", "elbo", "tennis elbow", "golfers elbow", "golfer's elbow",
    ),
    "forearm": ("forearm", "forearms", "fore arm"),
    "wrist": ("wrist", "wrists", "rist", "carpal tunnel"),
    "hand": ("hand", "hands", "finger", "fingers", "thumb", "thumbs", "palm", "palms", "knuckles"),
    "hip": ("hip", "hips", "hip flexor", "hip flexors", "outer hip", "hip joint", "trochanter"),
    "buttock": (
        "buttock", "buttocks", "glute", "glutes", "gluteal", "bum", "butt", "backside",
        "piriformis", "tailbone", "coccyx", "butt cheek",
    ),
    "groin": ("groin", "groins", "adductor", "adductors"),
    "thigh": (
        "thigh", "thighs", "quad", "quads", "quadriceps", "it band", "itb", "iliotibial band",
        "inner thigh", "outer thigh",
    ),
    "hamstring": (
        "hamstring", "hamstrings", "hammy", "hammies", "back of my thigh", "back of the thigh",
    ),
    "knee": ("knee", "knees", "kne", "knee cap", "kneecap", "kneecaps", "patella"),
    "calf": ("calf", "calves", "calve", "calf muscle", "shin", "shins"),
    "leg": ("leg", "legs", "sciatica", "sciatic", "sciatic nerve", "lower leg"),
    "ankle": ("ankle", "ankles", "ankel"),
    "foot": ("foot", "feet", "sole", "soles", "arch", "arches", "toe", "toes", "instep"),
    "heel": ("heel", "heels", "achilles", "plantar", "plantar fascia", "plantar fasciitis"),
    "widespread": (
        "all over", "everywhere", "whole body", "entire body", "fibromyalgia", "fibro",
        "every muscle", "all my muscles", "all my joints",
    ),
}  # fmt: skip

PAIN_QUALITIES: dict[str, tuple[str, ...]] = {
    "sharp": ("sharp", "stabbing", "stabs", "knife", "knife-like", "piercing", "sharpish"),
    "dull": ("dull", "heavy", "dull ache"),
    # "is like deep pain" (outside run 115 p04: "Sorry, I didn't catch how it feels").
    "aching": ("aching", "ache", "aches", "achy", "achey", "sore", "soreness", "tender", "deep",
               "deep pain"),
    "burning": ("burning", "burn", "burns", "on fire", "scalding"),
    "throbbing": ("throbbing", "throb", "throbs", "pounding", "pulsing", "pulsating"),
    "shooting": ("shooting", "shoots", "electric", "electric shock", "zapping", "zaps",
                 # "sometimes zingy down to the knee" (outside run 101 p08).
                 "zing", "zings", "zingy", "zinging", "jolt", "jolts", "lightning"),
    "tingling": ("tingling", "tingly", "tingle", "tingles", "pins and needles", "prickling"),
    "numbness": ("numb", "numbness", "no feeling", "dead feeling", "loss of feeling"),
    "stiffness": ("stiff", "stiffness", "locked up", "seized up", "seized", "rigid"),
    "tightness": ("tight", "tightness", "tense", "tension", "knotted", "knot", "knots",
                  # A pressing band round the head, as tension headaches are told.
                  "pressing", "squeezing", "squeeze", "like a band", "band around",
                  "band round", "like a vice", "in a vice",
                  # "kinda pressure behind my eyes" (outside run 85 p05: not understood).
                  "pressure"),
    "cramping": ("cramp", "cramps", "cramping", "cramped", "spasm", "spasms", "spasming"),
}  # fmt: skip

SIDES: dict[str, tuple[str, ...]] = {
    "left": (
        "left",
        "left side",
        "left-hand side",
        "left hand side",
        "lft",
        "the left one",
        "l",
        "lt",
    ),
    "right": ("right", "right side", "right-hand side", "right hand side", "rite", "r", "rt"),
    "both": ("both", "both sides", "either side", "bilateral", "on both sides"),
}

# Complaints that are not musculoskeletal: dry needling does not treat these.
OTHER_COMPLAINTS: dict[str, tuple[str, ...]] = {
    "skin": (
        "skin", "rash", "rashes", "acne", "pimple", "pimples", "spots", "zit", "zits", "itch",
        "itchy", "itching", "eczema", "psoriasis", "hives", "blister", "blisters", "wart",
        "warts", "verruca", "verrucas", "veruca", "verucas", "verrucae", "corn", "corns",
        "callus", "calluses", "cold sore", "athlete's foot",
        "breaking out", "breakout", "breakouts", "ingrown hair", "ingrown hairs",
        "ingrowing hair", "ingrowing hairs",
    ),
    "wound": (
        "wound", "wounds", "cut", "gash", "graze", "scab", "ulcer", "pus", "stitches", "sliced",
        "laceration", "heal", "healing", "won't heal", "wont heal", "split", "bleeding",
        "bleed", "bleeds",
        # Said with "not", which would otherwise read as a denial of the wound.
        "not heal", "not healing", "not healed", "isn't healing", "isnt healing",
    ),
    "stomach": (
        "stomach", "tummy", "belly", "abdomen", "abdominal", "gut", "nausea", "nauseous",
        "indigestion", "heartburn", "bloated", "bloating", "diarrhoea", "diarrhea",
        "constipation", "stomachache", "stomach ache",
    ),
    "ear": ("ear", "ears", "earache", "ear ache", "tinnitus", "hearing"),
    "eye": (
        "eye", "eyes", "vision", "blurry", "blurred", "eyesight", "sight", "fuzzy",
        "out of focus", "glasses",
    ),
    "breathing": (
        "breath", "breathe", "breathing", "breathless", "short of breath", "wheezing",
        "wheeze", "asthma", "respiration", "congestion", "congested",
    ),
    "cough": ("cough", "coughing", "coughs", "phlegm", "throat", "sore throat"),
    "heart": ("heart", "palpitations", "heartbeat", "heart rate"),
    "dizziness": (
        "dizzy", "dizziness", "lightheaded", "light-headed", "vertigo", "round and round",
        # About to fall or faint, said as a feeling (a likeness, no fall): "I feel like I'm
        # going to pass out when I stand".
        "going to fall", "gonna fall", "about to fall", "going to faint", "about to faint",
        "going to pass out", "about to pass out", "woozy", "faint when i stand",
    ),
    # Hair brushed or washed is an everyday task, not this (addons.clinic_entities).
    "hair": ("hair loss", "balding", "bald", "dandruff", "hair falling out", "hair is falling out",
             "hair has been falling out", "thinning hair", "hair thinning", "bald patch"),
    "mood": (
        "sad", "depressed", "depression", "anxious", "anxiety", "lonely", "heartbroken",
        "grief", "emotional", "emotionally", "emotion", "emotions", "suicidal", "cope",
        "overwhelmed", "saddens", "heartache", "feeling down", "feel down", "feeling low",
        "low mood", "feeling flat", "feel flat", "down in the dumps",
    ),
    "temperature": ("cold", "chills", "shivering", "fever", "feverish", "freezing"),
    "nail": ("toenail", "toenails", "ingrown", "ingrowing", "nail", "nails", "fungal nail"),
    "teeth": (
        "tooth", "teeth", "toothache", "tooth ache", "molar", "molars", "gum", "gums",
        "wisdom tooth", "filling",
    ),
    # A lump or a mole that changes: a doctor should see it soon.
    "lump": ("lump", "lumps", "mole", "moles", "gland", "glands", "swollen glands", "cyst",
             "cysts"),
    "sleep": ("insomnia", "can't sleep", "cant sleep", "sleepless", "can't get to sleep",
              "sleeping badly", "sleeping poorly", "not sleeping", "poor sleep", "bad sleep"),
    "tiredness": (
        "tired", "exhausted", "exhaustion", "fatigue", "fatigued", "worn out", "no energy",
        "drained",
    ),
    # Burning or pain passing urine: a water infection is likely, a doctor's soon.
    "urine": (
        "burning when i pee", "burns when i pee", "burning when peeing", "burning pee",
        "burning urine", "burns to pee", "stings when i pee", "stings to pee", "stings to wee",
        "burns to wee", "pain when peeing", "pain when i pee", "painful to pee", "hurts to pee",
        "hurts when i pee", "uti", "utis", "water infection", "urine infection",
        "bladder infection", "cystitis",
    ),
    "internal": (
        "kidney", "kidneys", "liver", "organs", "internal", "period", "periods", "menstrual",
        "bowel", "bowels", "circulation",
    ),
}  # fmt: skip

VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "body_part": BODY_PARTS,
    "pain_quality": PAIN_QUALITIES,
    "side": SIDES,
    "other_complaint": OTHER_COMPLAINTS,
}

# How the assistant names a canonical value back to the patient.
DISPLAY_NAMES: dict[str, str] = {
    "upper_back": "upper back",
    "mid_back": "mid back",
    "lower_back": "lower back",
    "widespread": "several places",
    "numbness": "numb",
    "stiffness": "stiff",
    "tightness": "tight",
}

# Words that make a following term a denial ("no tingling", "not numb").
NEGATIONS = frozenset({"no", "not", "without", "never", "nor", "none", "n't", "dont", "doesnt"})
# "Can't" before a place or a symptom says what the pain prevents ("can't turn my neck").
ABILITY_LOST = frozenset({"can't", "cannot", "couldn't", "can\u2019t", "couldn\u2019t"})
_CLAUSE_BREAK = re.compile(r"[,.;:!?]")

# Words that say the pain travels: a body part named after one is where the pain spreads to.
SPREAD_WORDS = frozenset(
    {
        "down", "into", "to", "towards", "toward", "through", "spreads", "spreading", "spread",
        "radiates", "radiating", "radiate", "shoots", "shooting", "travels", "travelling",
        "traveling", "goes", "going", "runs", "running", "extends", "moves",
    }
)  # fmt: skip

# "My back is fine": the place is named to say it does not hurt.
_JOINED_DENIAL = frozenset({"or", "nor", "and", "my", "his", "her", "the", "their", "either"})
_BETWEEN_PAIN_AND_PLACE = frozenset(
    {"my", "the", "his", "her", "their", "your", "left", "right", "both", "l", "r"}
)
_FINE = frozenset({"fine", "ok", "okay", "alright", "good", "normal", "great"})
_ONE_SIDE_EXCEPTED = re.compile(
    r"\b(?:apart from|other than|except(?: for)?|but|besides|save for)\s+(?:the\s+|my\s+|his\s+|"
    r"her\s+)?(?:left|right)\b",
    re.IGNORECASE,
)
# A place said to be bad: "her back has been really bad", "his knee is killing him".
_BEING = frozenset({"is", "was", "has", "have", "had", "been", "are", "s", "got", "gotten",
                    "getting", "really", "very", "so", "pretty", "quite", "real",
                    "super"})  # fmt: skip
_BAD = frozenset({"bad", "killing", "agony", "awful", "terrible", "horrible", "playing"})
_WORK = frozenset({"work", "works", "working", "move", "moves", "moving", "walk", "walks",
                   "walking", "function", "functions", "bend", "bends", "bending"})  # fmt: skip
# "Leg pain gone", "the knee ache went away": a pain that is over. Not in a wish ("I want
# this pain gone") or a denial ("it hasn't gone away").
_GONE = frozenset({"gone", "disappeared", "vanished", "resolved", "settled", "cleared"})
_WISHING = frozenset({"want", "wish", "need", "get", "make", "like", "hoping", "hope"})
# "Mostly my shoulder", "the main problem is my hip": the patient puts this place first.
_FIRST = frozenset({"mostly", "mainly", "main", "worst", "especially", "chiefly"})
# Places named together: "neck and upper back", "my left knee & right ankle".
# "A wart on my finger", "glands under my jaw": where a complaint that is not a pain is.
_LOCATING = frozenset({"on", "in", "under", "around", "behind", "near", "over", "at", "of"})
# "A wart on my thumb but my wrist hurts": another place, of its own.
_AND_ANOTHER = frozenset({"but", "also", "and", "separately", "while", "plus"})
# "My new hip", "a knee replacement", "a shoulder operation years ago": the place of an
# operation or an implant, painful only if the pain is said of it ("my replaced knee aches").
_OPERATED = frozenset(
    {"replacement", "replacements", "replaced", "surgery", "operation", "op", "operated",
     "implant", "implants", "prosthesis", "prosthetic", "metal", "fusion", "fused", "new",
     "arthroscopy", "reconstruction", "reconstructed", "pinned", "plated", "artificial",
     "titanium"}
)  # fmt: skip
# Devices said a few words before where they sit: "pacemaker, left side of my chest".
_DEVICES = frozenset({"pacemaker", "defibrillator", "icd", "implant", "port", "stent"})
# What was taken out, said a few words before where: "lymph nodes removed from under my
# right arm", "a mole removed from my shoulder".
_TAKEN_OUT = frozenset({"lymph", "node", "nodes", "removed", "removal", "excised", "biopsy"})
# "My back has a mole", "my elbow's got eczema".
_HAVING = frozenset({"has", "have", "had", "got", "with", "'s"})
_AND = frozenset({"and", "&", "plus"})
_JOINING = _AND | {"my", "his", "her", "the", "both", "left", "right"}
# Words that say something hurts; every pain quality counts too.
PAIN_WORDS = frozenset(
    {
        "pain", "pains", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching",
        "sore", "soreness", "killing", "tender", "agony", "injured", "injury", "problem",
        "problems", "issue", "issues", "trouble", "pressure",
    }
)  # fmt: skip
_QUALITY_KEYS = frozenset(("pain_quality", value) for value in PAIN_QUALITIES)

_TOKEN = re.compile(
    r"[^\W_]+(?:['\u2019-][^\W_]+)*"
)  # letters of any alphabet: "würde" is one word
_MAX_PHRASE_TOKENS = 5
# A misspelt word must be this close to a known one (difflib ratio) to count as it.
_FUZZY_CUTOFF = 0.8
# Only rare words may be typos: "might" is never "tight", "black" never "back".
_RARE_WORD_ZIPF = 3.0
# A fairly common word must be this much rarer (zipf: a factor of 10 per unit) than the
# word it is taken for.
_TYPO_RARER_BY = 1.0
# "right now", "I left work": the word is not a side there.
_NOT_A_SIDE_AFTER = frozenset({"now", "away", "here", "there", "after", "before", "when"})
# "Right on the sore spot", "right down my leg", "right in the middle", "right about where
# it hurts" (outside run 110 p08: a right side): exactly, just, all the way.
_EXACTLY_AFTER = frozenset({"on", "at", "in", "into", "through", "across", "down", "up",
                            "behind", "under", "between", "where", "round", "around", "about",
                            "by", "next", "over", "above", "below", "beside", "near", "along",
                            "against", "onto", "inside", "outside"})  # fmt: skip
_AS_SAYING = frozenset({"soon", "rain", "well", "if", "though", "usual", "always", "ever", "much"})
_NOT_A_SIDE_BEFORE = frozenset({"all", "that's", "thats", "i", "we", "he", "she", "they", "just"})
# "the pain came back", "call me back", "push it back": "back" says again or in return there.
_NOT_THE_BACK_BEFORE = frozenset(
    {
        "call", "calling", "called", "ring", "phone", "text", "email", "message", "write",
        "get", "gets", "got", "getting", "come", "comes", "came", "coming", "go", "goes",
        "went", "going", "push", "pushed", "put", "set", "move", "moved", "bring", "brought",
        "pay", "hear", "heard", "send", "sent", "give", "gave", "be", "been", "is", "was",
        "are", "it's", "look", "looking", "looked", "glance", "glancing", "turned",
    }
)  # fmt: skip
# "I'm back", "we're back home": being back. ("I'm back in pain" still names the back.)
_BEING_BACK_BEFORE = frozenset(
    {"im", "i'm", "we're", "were", "he's", "she's", "they're", "you're", "am", "i", "we"}
)
# "Back then", "back home", "back when I was at uni": when or where, never the body.
_NOT_THE_BACK_AFTER = frozenset({"then", "home"})
# "Back when I was at uni", "back during lockdown": when, unless it is someone's back ("my
# back when I sit").
_WHEN_AFTER = frozenset({"when", "during"})
# "Back in 2015", "back in March", "back in the day": a time after it says when.
_TIME_AFTER_BACK_IN = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "school", "college", "uni", "university", "high", "spring",
    "summer", "autumn", "winter", "lockdown", "covid",
})  # fmt: skip
# "Then back", "soon back": the pain returning, unless a pain word follows ("then back pain").
_WHEN_BEFORE_BACK = frozenset({"then", "later", "soon", "afterwards"})
_TIME_BEFORE_BACK = frozenset({"years", "year", "months", "month", "weeks", "week", "days",
                               "while", "yrs", "wks", "decades"})  # fmt: skip
_TIMES_AFTER_THE = frozenset({"day", "days", "spring", "summer", "autumn", "fall", "winter",
                              "eighties", "nineties", "seventies", "sixties", "past"})  # fmt: skip
# "Back from the walk-in", "back to work": a return, unless a place of the body or a complaint
# comes before ("lower back to my knee", "pain in back from lifting").
_RETURN_AFTER = frozenset({"from", "to", "at"})
_THE_BACK_BEFORE = frozenset(
    {"my", "me", "his", "her", "their", "your", "the", "a", "lower", "upper", "mid", "middle",
     "whole", "in", "sore", "bad", "of"}
)  # fmt: skip
_HEAD_MOVES = frozenset(
    {"turn", "turning", "turns", "move", "moving", "tilt", "tilting", "nod", "nodding",
     "shake", "shaking", "lift", "lifting", "raise", "raising", "rotate", "rotating"}
)  # fmt: skip
# Procedures named after the spine ("a lumbar puncture", "a spinal block") are not the back.
_SPINE_WORDS = frozenset({"lumbar", "spinal"})
_PROCEDURES = frozenset(
    {"puncture", "tap", "block", "anaesthetic", "anesthetic", "anaesthesia", "anesthesia"}
)
# Only after one of those verbs: "hurt me back" is "my back" in many a patient's English.
_OBJECTS = frozenset({"me", "you", "it", "us", "them", "him", "her"})
# ...unless a complaint follows: "I get back pain", "it's back and neck", "got back spasms".
_BACK_COMPLAINT = PAIN_WORDS | {"and", "or", "muscle", "muscles", "surgery", "op", "operation"}
# The everyday words of other languages a patient may write in ("danke", "grazie", "veel"):
# in a message without an English word they are not typos of ours ("ankle", "graze", "heel").
_OTHER_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")
_EVERYDAY_ZIPF = 5.0


# A doctor of any kind, as a regex alternation: "my GP", "the doc", "her rheumatologist", "his
# pediatrician". One list, so a doctor named in one pattern is no stranger to the next.
DOCTOR_WORDS = (
    r"doctor|doctors|doctor's|docs?|dr|drs|gp|pcp|physician|specialist|consultant|surgeon"
    r"|\w+ologists?|p(?:a)?ediatrician"
)


@dataclass(frozen=True)
class Term:
    """A vocabulary word found in a message: entity type, canonical value, character span."""

    entity: str
    value: str
    start: int
    end: int
    text: str
    role: str | None = None


def display_name(value: str) -> str:
    """The canonical value in the patient's words ("lower_back" -> "lower back")."""
    return DISPLAY_NAMES.get(value, value.replace("_", " "))


def word_matches(text: str) -> list[re.Match[str]]:
    """The words of a text, lowercased, with where each one is."""
    return list(_TOKEN.finditer(text.lower()))


def _key(words: Iterable[str]) -> str:
    return " ".join(w.replace("\u2019", "'") for w in words)  # typographic apostrophe


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, tuple[str, str]]:
    """Every phrase (as lowercase tokens joined by spaces) -> (entity, canonical value)."""
    index: dict[str, tuple[str, str]] = {}
    for entity, table in VOCABULARY.items():
        for value, phrases in table.items():
            for phrase in (value.replace("_", " "), *phrases):
                index.setdefault(_key(m.group() for m in word_matches(phrase)), (entity, value))
    return index


# The clinic's own words: rare in everyday English ("needling"), so without them a typo
# mender takes them for slips of the body's words ("feeling"), and their typos stay unread.
_CLINIC_WORDS = (
    "needling", "needle", "needles", "acupuncture", "physio", "physiotherapy",
    "physiotherapist", "consultation", "appointment", "session", "sessions", "treatment",
    "insurance", "pregnant",
)  # fmt: skip


# Days and months as people shorten them ("tues", "thurs", "sept"): words of their own, never
# slips for ours ("tues" is no "toes").
_CALENDAR_WORDS = frozenset(
    name.lower()
    for name in (*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr)
    if name
) | {"tues", "tue", "thur", "thurs", "weds", "sept"}


@lru_cache(maxsize=1)
def _known_words() -> list[str]:
    # Words of four letters or more: shorter ones match too much by accident.
    words = {w for phrase in _phrase_index() for w in phrase.split() if len(w) >= 4}
    return sorted(words | set(_CLINIC_WORDS))


def typo_of(word: str, known_words: list[str], cutoff: float = _FUZZY_CUTOFF) -> str | None:
    """The known word that a rare word is a typo of ("lowr" -> "lower", "bcak" -> "back"),
    else None: a close spelling, or one slip of the keyboard away (two letters swapped, one
    dropped, doubled or wrong), which short words like "bcak" are not close enough for.

    Common words are never typos ("might" is not "tight"), nor are words under four letters.
    """
    frequency = zipf_frequency(word, "en")
    if len(word) < 4 or frequency >= _RARE_WORD_ZIPF or word in _CALENDAR_WORDS:
        return None
    close = difflib.get_close_matches(word, known_words, n=1, cutoff=cutoff)
    slip = (
        None
        if close
        else process.extractOne(word, known_words, scorer=OSA.distance, score_cutoff=1)
    )
    found = close[0] if close else slip[0] if slip else None
    if found and len(found) <= 5 and found[0] != word[0]:
        return None  # "askin" is no "skin": short words are misspelt after their first letter
    # A typo is far rarer than the word it misspells: "grumbling" is as common as
    # "mumbling", so it is a word of its own.
    common = frequency >= _RARE_WORD_ZIPF - _TYPO_RARER_BY / 2
    if found and common and frequency > zipf_frequency(found, "en") - _TYPO_RARER_BY:
        return None
    return found


@lru_cache(maxsize=4096)
def spelled(word: str) -> str:
    """The vocabulary word a rare word is a typo of, else the word."""
    return typo_of(word, _known_words()) or word


@lru_cache(maxsize=4096)
def _english(word: str) -> bool:
    """A common English word, and no more common in another language ("tag" is German)."""
    zipf = zipf_frequency(word, "en")
    return zipf >= _RARE_WORD_ZIPF and all(
        zipf >= zipf_frequency(word, language, wordlist="small") for language in _OTHER_LANGUAGES
    )


@lru_cache(maxsize=4096)
def _everyday_elsewhere(word: str) -> bool:
    return any(
        zipf_frequency(word, language, wordlist="small") >= _EVERYDAY_ZIPF
        for language in _OTHER_LANGUAGES
    )


def foreign_words(words: list[str]) -> set[str]:
    """Another language's everyday words in a message with no common English word
    ("danke", "grazie", "anche"): words of their own, never typos of ours."""
    if any(_english(word) for word in words):  # "I knocked my foto": a slip for "foot"
        return set()
    return {word for word in words if _everyday_elsewhere(word)}


def spelled_words(words: list[str]) -> list[str]:
    """The message's words with typos mended ("shouler" -> "shoulder"), its foreign words
    as they are."""
    foreign = foreign_words(words)
    return [word if word in foreign else spelled(word) for word in words]


# Text-speak the sentence model does not know: "can my bf come", "r u open sat".
_TEXT_SPEAK = {
    "u": "you", "r": "are", "ur": "your", "bf": "boyfriend", "gf": "girlfriend",
    "pls": "please", "plz": "please", "thx": "thanks", "abt": "about", "cuz": "because",
    "coz": "because", "bc": "because", "hubby": "husband", "ppl": "people", "smth": "something",
    "appt": "appointment", "w": "with", "wat": "what", "wot": "what", "y": "why", "n": "and",
    "b4": "before", "tmrw": "tomorrow", "tmr": "tomorrow", "rn": "right now", "idk": "I don't know",
    "tho": "though", "nah": "no", "ya": "yes", "yea": "yes", "kno": "know", "knw": "know",
    "bout": "about", "jus": "just", "wen": "when", "tbh": "to be honest",
}  # fmt: skip


def mended(text: str) -> str:
    """`text` lowercased, with typos of the vocabulary's words mended ("my sholder is
    killin me" -> "my shoulder is killin me") and text-speak spelt out ("can my bf come"
    -> "can my boyfriend come"); the rest as written."""
    lowered = text.lower()
    tokens = word_matches(lowered)
    out, last = [], 0
    for token, word in zip(tokens, spelled_words([m.group() for m in tokens]), strict=True):
        # Typos common enough to be listed ("sholder") are spelt as the word they stand for.
        listed = None if _english(word) else _phrase_index().get(word)
        word = listed[1].replace("_", " ") if listed else _TEXT_SPEAK.get(word, word)
        out += [lowered[last : token.start()], word]
        last = token.end()
    return "".join([*out, lowered[last:]])


def is_pain_quality(word: str) -> bool:
    """Whether one word names a pain quality ("burning", "stabbing", "achy")."""
    return _lookup([word]) in _QUALITY_KEYS


def _lookup(words: list[str]) -> tuple[str, str] | None:
    index = _phrase_index()
    key = _key(words)
    if key in index:
        return index[key]
    if len(words) == 1 and key.endswith("s") and key[:-1] in index:
        return index[key[:-1]]
    return None


def canonical(entity: str, phrase: str) -> str | None:
    """The canonical value of `phrase` for `entity`, or None if the vocabulary does not know it.

    Accepts canonical values themselves, synonyms, plurals and near misspellings.
    """
    words = [m.group() for m in word_matches(phrase)]
    if not words:
        return None
    if _key(words).replace(" ", "_") in VOCABULARY.get(entity, {}):
        return _key(words).replace(" ", "_")
    found = _lookup(spelled_words(words))
    if found and found[0] == entity:
        return found[1]
    # "my left knee" or "pain in the lower back": the phrase may hold extra words.
    values = {t.value for t in find_terms(phrase) if t.entity == entity}
    return values.pop() if len(values) == 1 else None


# Sayings with a part of the body in them that name none ("it costs an arm and a leg",
# "heads up", "give me a hand"): words of the language, not of the complaint.
_SAYINGS = (
    "an arm and a leg", "heads up", "head over", "head out", "head off", "head start",
    "top of my head", "top of your head", "get my head around", "get your head around",
    "on the other hand", "on one hand", "give me a hand", "give you a hand", "lend a hand",
    "a hand with", "hands down", "first hand", "second hand", "hands full",
    "neck of the woods", "back and forth", "behind my back", "behind your back",
    "put my foot down", "foot the bill", "pull my leg", "pulling my leg", "pulling your leg",
    "break a leg", "cold feet", "chin up", "by heart", "back of my mind", "elbow room",
    "shoulder to cry on", "all over the place", "all over the shop",
    # Someone reading over one's shoulder (outside run 54: a shoulder added, the side lost).
    *(f"{verb} over {whose} shoulder" for verb in ("reading", "looking", "watching", "peeking",
      "peering", "glancing", "read", "look", "looks", "reads")
      for whose in ("my", "his", "her", "your", "their")),
)  # fmt: skip
# "On my feet all day" (standing, a nurse's or a chef's day), "back on my feet".
_ON_ONES_FEET = (
    r"on\s+(?:my|his|her|their|your|our)\s+feet\s+(?:all|a\s+lot|for|most|the\s+whole|long|"
    r"every|at\s+work|\d+)|(?:back\s+on|off)\s+(?:my|his|her|their|your|our)\s+feet"
    # Being on them: "I'm on my feet with my arms up all day" (outside run 120 x7p06: a foot).
    r"|(?:i'?m|i\s+am|he'?s|she'?s|they'?re|we'?re|you'?re|am|is|are|was|were|be|been|being|"
    r"stay|stays|staying|stand|stands|standing|stood|spend|spends|spent|up)\s+"
    r"on\s+(?:my|his|her|their|your|our)\s+feet"
)
_SAYING = re.compile(
    r"\b(?:"
    + "|".join([*(saying.replace(" ", r"\s+") for saying in _SAYINGS), _ON_ONES_FEET])
    + r")\b"
)


# A limb gone to sleep in a position that squashes it: "my hand is sleeping when I sleep on
# my arm", "both legs go pins and needles when I sit cross-legged" (outside runs 119 p04 and
# 120 x7p07: a side noted, a spread to both legs and 911). Said in a sentence with no pain,
# the limb, its side and the feeling are no complaint.
_SQUASHED = re.compile(
    r"\b(?:(?:sit|sits|sitting|sat)\s+(?:cross[- ]?legged|on\s+(?:my|his|her|their|them|it)\b|"
    r"with\s+(?:my|his|her|their)\s+legs?\s+(?:crossed|tucked|under))"
    r"|cross(?:es|ed|ing)?\s+(?:my|his|her|their)\s+legs|legs?\s+crossed"
    r"|kneel(?:s|ing)?|knelt|on\s+the\s+(?:toilet|loo)"
    r"|(?:lie|lies|lying|lay|laying|sleep|sleeps|sleeping|slept)\s+on\s+(?:it|them|my|his|her|their)\b"
    r"|(?:fall|falls|fell|falling|go|goes|went|going|gone)\s+(?:to\s+)?(?:sleep|asleep)"
    # A limb "sleeping", as said in a second language (outside run 122 s04: a hand noted).
    r"|(?:hands?|arms?|legs?|foot|feet|fingers|toes)\s+(?:is\s+|are\s+)?sleeping)"
)
_GONE_TO_SLEEP = re.compile(
    r"\b(?:asleep|sleeping|dead|numb|numbness|tingl\w*|pins and needles|pins\s*&\s*needles)\b"
)
_LIMBS = frozenset(
    {"arm", "elbow", "forearm", "wrist", "hand", "fingers", "leg", "thigh", "calf", "knee",
     "ankle", "foot", "heel", "shin", "toes"}
)  # fmt: skip


def _limbs_gone_to_sleep(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences that tell of a limb gone to sleep in a position that
    squashes it, with no pain said."""
    return [
        (a, b)
        for a, b in _sentences_saying(_SQUASHED, text)
        if _GONE_TO_SLEEP.search(text[a:b])
        and not {m.group() for m in word_matches(text[a:b])} & PAIN_WORDS
    ]


# A complaint said to have been somewhere: "the mole was on my shoulder".
_WAS_THERE = re.compile(
    r"^\s+(?:was|were|used\s+to\s+be)\s+(?:on|in|at|under|behind|near|by)\s+"
    r"(?:my|his|her|their|the)\b"
)
# Where something was cut off or taken out ("a mole cut off my shoulder"): no complaint of it
# (outside run 122 s07: a shoulder noted as painful).
_TAKEN_FROM_BEFORE = re.compile(
    r"\b(?:cut|removed|taken|burnt|burned|frozen|lasered|biopsied|excised|scraped)\s+"
    r"(?:off|out|from|of)\s+(?:of\s+)?(?:my|his|her|their|the)\s+$"
)


# "Cuts take forever to heal", "slow healing": how the skin heals (diabetes), not a wound now.
_SLOW_HEALING = re.compile(
    r"\b(?:(?:cuts?|wounds?|sores?|scratches|grazes)\s+)?(?:take|takes|took|are|is)\s+"
    r"(?:forever|ages|a long time|so long|slow)\s+to\s+heal\b"
    r"|\bheal(?:s|ing)?\s+(?:slowly|badly|poorly)\b|\bslow(?:\s+to)?\s+heal(?:ing)?\b"
)


# Long-standing conditions that sit in a place without being its pain: "diabetic, my feet
# are numb", "lymphoedema in my arm". The place is the condition's unless a pain is said.
_CONDITIONS = frozenset({
    "diabetes", "diabetic", "neuropathy", "neuropathic", "lymphoedema", "lymphedema",
    "raynaud", "raynaud's", "raynauds", "eczema", "psoriasis", "arthritis", "arthritic",
    "osteoarthritis",
    # "on eliquis since the clot in my leg last year" (outside run 96 p07: leg pain noted)
    "clot", "clots", "dvt", "thrombosis", "embolism",
})  # fmt: skip
# Said of a place as it has long been: "my knees aren't what they were".
_AS_IT_HAS_LONG_BEEN = re.compile(
    r"\b(?:aren'?t|isn'?t|are not|is not|not) what (?:they|it) (?:were|was|used to be)\b"
)
# A condition that is treated or looked after: "on warfarin for her heart rhythm", "tablets
# for his blood pressure", "well managed by her cardiologist". Not a complaint of now.
_TREATED = re.compile(
    r"\b(?:on|takes?|taking|tablets?|pills?|meds|medication|medicine|inhaler)\b[^.,;!?]{0,25}?"
    r"\bfor (?:my|his|her|their|the|a)\b"
    # Without "my", as said in a second language: "one aspirin every day for heart"
    # (outside run 76 p05: a heart complaint for a doctor).
    r"|\b(?:takes?|taking|tablets?|pills?|meds|medication|medicine|aspirin|warfarin)\b"
    r"[^.,;!?]{0,30}?\bfor (?:heart|blood pressure|cholesterol|sugar|diabetes|thyroid)\b"
    # A device in place: "pacemaker in heart", "a stent in his heart".
    # ...or said as what it is: "the machine for the heart" (outside run 78 p06).
    r"|\b(?:pacemaker|defibrillator|icd|stents?|valve|machine|device|monitor)\b[^.,;!?]{0,15}?"
    r"\b(?:in|for)\b"
    r"|\b(?:well |under )?(?:managed|controlled|looked after|monitored)\b"
    r"|\bunder (?:a|my|his|her|their|the) (?:cardiologist|specialist|consultant|doctor|gp)\b"
)
_CLAUSES = re.compile(r"[^.,;:!?]+")
# The parts of each limb, from its root down: where a pain down it may reach.
LEG_PARTS = frozenset(
    {"leg", "thigh", "hamstring", "calf", "knee", "ankle", "foot", "heel", "shin"}
)
ARM_PARTS = frozenset({"arm", "elbow", "forearm", "wrist", "hand", "fingers"})
# "I never said chest pain or trouble breathing": the sentence quotes what was read, it
# does not tell it (the safety check and the complaints read it alike).
_SAID_OTHERWISE = re.compile(
    r"\b(?:never said|didn'?t say|did not say|not what i (?:said|meant)|never mentioned"
    r"|didn'?t mention|did not mention)\b"
    # A question about what the notes hold: "does my file say I had a temperature?"
    r"|\b(?:do|does|did)\s+(?:the|my|his|her|their|your)\s+(?:notes?|file|records?|summary)"
    r"\s+(?:say|show|mention|list|include)\b"
    r"|\bis it (?:in|on) (?:the|my|his|her|their) (?:notes|file|record)\b"
)
_SENTENCES = re.compile(r"[^.!?\n]+")


def quoted_sentences(text: str) -> list[tuple[int, int]]:
    """The character spans of the sentences that say the patient did not say what was read
    ("I never said chest pain"): what they name is quoted, not told."""
    lowered = text.lower().replace("\u2019", "'")
    return [m.span() for m in _SENTENCES.finditer(lowered) if _SAID_OTHERWISE.search(m.group())]


_CONTRAST = re.compile(r"\b(?:but|though|although|whereas|while)\b")


# "Sleep is bad but that's my head, not the back": the head as the mind, not a pain.
_OF_THE_MIND = frozenset({
    "sleep", "mind", "thoughts", "thinking", "stress", "stressed", "worry", "worries",
    "worried", "mental", "mood", "anxious", "anxiety", "depressed", "depression",
})  # fmt: skip


# A sentence that says a cut or wound is healing well: no complaint of now. The next
# sentence counts too ("a cut on my finger. it's healing fine").
# Found as words, then widened to their sentences: a pattern that starts with "[^.!?]*"
# backtracks on every position of a long message without full stops (seconds per message).
_HEALED = re.compile(
    r"\b(?<!n't )(?<!not )(?<!nt )"  # "isn't healing well" is not
    r"(?:healed|healing (?:fine|well|nicely|ok|okay|up)|all healed|scabbed over|nearly healed)"
    r"\b"
)
# A sentence that says a complaint was taken out or found harmless: over ("they cut a
# lump out last year, it was benign"; not "they haven't removed it yet").
_OVER = re.compile(
    r"\b(?<!n't )(?<!not )(?<!nt )(?<!never )"
    r"(?:removed|taken out|took (?:it|them|\w+ \w+) out|cut (?:it |them |\w+ \w+ )?out|benign|"
    r"all clear|cleared up|was treated|got treated)\b"
)
_SENTENCE_END = re.compile(r"[.!?]")
# An injury of a place, told as old: "cracked my tailbone snowboarding 8 yrs ago but that
# healed fine", "sprained my ankle 10 years ago and it's been fine since" (outside runs 124
# v03 and 125 w08: the wrist and the buttock noted as painful). Not "broke my wrist last week".
_INJURED = re.compile(
    r"\b(?:broke|broken|break|sprained|cracked|fractured|tore|torn|dislocated|snapped|busted"
    r"|smashed|shattered|injured)\s+(?:(?:my|his|her|their|the|a|an)\s+)?"
)
_TOLD_AS_OLD = re.compile(
    r"\b(?:healed|mended|(?:been\s+)?fine (?:ever )?since|(?:no|zero|never any|never had any)"
    r"\s+(?:issues|problems|trouble|bother|pain)|years? ago|yrs? ago|decades? ago|ages ago"
    r"|long ago|as a (?:kid|child|teen|teenager|boy|girl)|when i was (?:a |little|young|\d))"
)
_NOTHING_TO_DO_WITH = re.compile(
    r"\b(?:nothing|not anything|isn'?t anything|not)\s+to\s+do\s+with\s+"
    r"(?:my|his|her|their|the)?\s*$"
)
_FRESH = re.compile(r"\b(?:yesterday|today|this (?:week|morning)|last (?:week|night)|days? ago)\b")


def _old_injuries(text: str) -> list[tuple[int, int]]:
    """The spans from an injury's word to the end of the next clause, where the injury is
    told as old or healed: the place named there is where it was, not where it hurts."""
    found = []
    for match in _INJURED.finditer(text):
        end = _SENTENCE_END.search(text, match.end())
        sentence_end = end.start() if end else len(text)
        # Its own clause and the one after ("..., but that healed fine").
        breaks = [
            m.start()
            for m in re.finditer(r"[,;]|\bbut\b|\band\b", text[match.end() : sentence_end])
        ]
        stop = match.end() + breaks[1] if len(breaks) > 1 else sentence_end
        told = text[match.start() : stop]
        if _TOLD_AS_OLD.search(told) and not _FRESH.search(told):
            found.append((match.end(), stop))
    return found


# An illness said to be over after it, in its sentence: "a cold last week but it's gone
# now", "a sore throat and I'm over it" (outside run 58: the cold was "a fever or chills").
_GONE_AFTER = re.compile(
    r"^[^.!?]{0,60}?\b(?<!not )(?<!n't )(?<!never )(?:(?:it'?s|it is|it was|that'?s|i'?m|im"
    r"|he'?s|she'?s|they'?re|is|are|has|have)\s+(?:all\s+)?(?:gone|over|better|cleared"
    r"|fine now|passed|healed)|all (?:gone|better|cleared|healed)|gone now|over it now|over it"
    r"|better now|cleared up|went away|healed)\b"
    # ...said of it as a whole: "has gone muffled", "it's over my knee" are not.
    r"(?=\s*(?:$|[.,!?;:)]|now\b|away\b|up\b|completely\b|fully\b|too\b|and\b|but\b"
    r"|though\b|tho\b|thank|lol|weeks?\b|days?\b|months?\b|ages\b|since\b))"
)


# An infection said to be over anywhere later in its sentence: "...last month, all done
# with the antibiotics", "...the doctor gave him cream and it's completely cleared up now"
# (outside runs 75 p06, 76 p08: noted as an infection where it hurts). Not "still not
# cleared", "getting better", nor "on antibiotics now".
_TREATMENTS = r"(?:antibiotics|tablets|pills|cream|treatment|course|meds|medicine)"
_OVER_IN_SENTENCE = re.compile(
    r"\b(?<!not )(?<!n't )(?<!never )(?<!getting )(?<!still )(?<!almost )(?<!nearly )"
    r"(?:(?:all|completely|totally|fully|now)\s+)?(?:gone|cleared(?: up)?|healed|sorted|resolved"
    r"|clear now|fine now|better now|(?:done|finished) with (?:the |my |his |her )?"
    + _TREATMENTS
    + r"|finished (?:the |my |his |her )?"
    + _TREATMENTS
    + r")\b"
    r"(?=\s*(?:$|[.,!?;:)\-]|now\b|up\b|completely\b|fully\b|after\b|with\b|since\b|and\b"
    r"|thank|lol|weeks?\b|months?\b|ages\b|though\b|tho\b))"
)


def said_over_in_sentence(text: str) -> bool:
    """Whether `text`, the rest of an infection's sentence after it, says it is over."""
    return bool(_OVER_IN_SENTENCE.search(text.lower()))


def said_over_after(text: str) -> bool:
    """Whether `text`, what follows an illness in its message, says it is over ("...but
    it's gone now", "is GONE, it was last month")."""
    return bool(_GONE_AFTER.search(text.lower()))


def _sentences_saying(
    pattern: re.Pattern[str], text: str, before: int = 0
) -> list[tuple[int, int]]:
    """The spans of the sentences where `pattern` is found, each with the `before`
    sentences ahead of it; the text between stops is a sentence."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    spans = []
    for match in pattern.finditer(text):
        earlier = [end for end in ends if end < match.start()]
        start = earlier[-1 - before] + 1 if len(earlier) > before else 0
        end = next((end for end in ends if end >= match.end()), len(text))
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


def _condition_clauses(text: str) -> list[tuple[int, int, bool]]:
    """Spans of the clauses that name a long-standing condition, or the mind, and no pain;
    the flag says whether it is only the head (as the mind) they take."""
    spans = []
    for match in _CLAUSES.finditer(text.lower()):
        sentence = {m.group() for m in word_matches(match.group())}
        if sentence & _OF_THE_MIND and not sentence & PAIN_WORDS:
            spans.append((match.start(), match.end(), True))
        start = match.start()
        for part in _CONTRAST.split(match.group()):
            words = {m.group() for m in word_matches(part)}
            standing = words & _CONDITIONS or _AS_IT_HAS_LONG_BEEN.search(part)
            if standing and not words & PAIN_WORDS:
                spans.append((start, start + len(part), False))
            start += len(part) + 1
    return spans


# Words just before a complaint that make it a likeness ("feels like toothache", "like a
# bad toothache") or a trifle ("only a graze", "just a scratch").
# Words just before a complaint that make it a likeness of the pain ("feels like toothache",
# "it's like a bad toothache"; not "looks like a rash") or a trifle ("only a graze").
_LIKENED_OR_LESSENED = re.compile(
    r"\b(?:(?:feels?|felt|feeling|it'?s|its|is|was|are|hurts?|hurting|aches?|aching|throbs?)"
    r"\s+(?:\w+\s+)?like|as if|"
    # "feels like my heart is...": the patient's own organ, not a likeness of the pain
    r"only|just|merely"
    # "deep ache he says, like a toothache in his back", "throbbing like a tooth ache":
    # likened after a pain word or a comma (outside run 85 p08: "a tooth problem").
    r"|(?:ache|aches|aching|pain|pains|throb\w*|sore|burn\w*|stab\w*)\s+(?:\w+\s+)?like)"
    r"\s+(?:an?\s+)?(?:(?!(?:my|his|her|their|your|the)\b)\w+\s+)?$"
    r"|[,;(]\s*like\s+(?:an?\s+)?(?:(?!(?:my|his|her|their|your|the)\b)\w+\s+)?$",
    re.IGNORECASE,
)


# A body part in a likeness: "like a heavy hand", "like someone's fist", "as if a hand".
_A_LIKENESS = re.compile(
    r"\b(?:like|as if|as though)\s+(?:an?|some(?:one|body)'?s?|a giant|a big)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "I don't have an earache", "no tooth problem", "forget the teeth": a complaint said not
# to be the patient's.
_NOT_HAD = re.compile(
    r"\b(?:no|not|don'?t have|do not have|haven'?t got|have not got|never had|forget(?: about)?)"
    r"\s+(?:an?\s+|any\s+|the\s+|my\s+)?([a-z]+(?:\s+[a-z]+)?)",
    re.IGNORECASE,
)


def complaints_said_not_had(text: str) -> set[str]:
    """The other complaints (not muscle or joint) `text` says the patient does not have."""
    found = set()
    for match in _NOT_HAD.finditer(text.replace("\u2019", "'")):
        first = match[1].split()[0]
        for phrase in (match[1], first):
            if value := canonical("other_complaint", phrase):
                found.add(value)
                break
    return found


def find_terms(text: str) -> list[Term]:
    """All vocabulary terms in `text`, longest phrase first, negated ones left out, and
    none inside a saying ("an arm and a leg").

    A rare word close to a known one ("shouler", "lowr") counts as that word.
    """
    sayings = [match.span() for match in _SAYING.finditer(text.lower())]
    healing = [match.span() for match in _SLOW_HEALING.finditer(text.lower())]
    conditions = _condition_clauses(text)
    treated = [m.span() for m in _CLAUSES.finditer(text.lower()) if _TREATED.search(m.group())]
    quoted = quoted_sentences(text)
    # "A knife cut on my finger, it's healing fine": a wound that is healing, and a knife
    # that cut, not a pain like a knife.
    healed = _sentences_saying(_HEALED, text.lower(), before=1)
    asleep = _limbs_gone_to_sleep(text.lower())
    old_injuries = _old_injuries(text.lower())
    over = _sentences_saying(_OVER, text.lower())
    conditions += [
        (a, b, False) for a, b in healed
        if not {m.group() for m in word_matches(text[a:b])} & PAIN_WORDS
    ]  # fmt: skip
    tokens = word_matches(text)
    words = spelled_words([m.group() for m in tokens])
    terms: list[Term] = []
    denied_until: int | None = None
    i = 0
    while i < len(tokens):
        found = None
        for length in range(min(_MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
            span = words[i : i + length]
            found = _lookup(span)
            if found:
                break
        if not found:
            i += 1
            continue
        start, end = tokens[i].start(), tokens[i + length - 1].end()
        denied = (
            _negated(words, i, text, tokens)
            or (
                # "no problems with his feet or hands": the denial reaches the place joined
                # on; "no chest pain or breathlessness" the complaint too.
                found[0] in ("body_part", "other_complaint")
                and denied_until is not None
                and set(words[denied_until:i]) <= _JOINED_DENIAL | PAIN_WORDS
                and not _CLAUSE_BREAK.search(text, tokens[denied_until - 1].end(), start)
                # ...unless it has a pain of its own: "no pain in my knee and my back hurts";
                # "breathing problems" is the complaint's own name (outside run 83 p07).
                and not any(
                    w in PAIN_WORDS or is_pain_quality(w)
                    for w in _after_its_name(words[i + length : i + length + 3])
                )
            )
        )
        if denied and found[0] in ("body_part", "other_complaint"):
            denied_until = i + length
        if found[0] == "other_complaint" and any(a <= start < b for a, b in quoted):
            denied = True  # "I never said trouble breathing": quoted, not told
        in_saying = found[0] == "body_part" and any(a <= start < b for a, b in sayings)
        if found == ("other_complaint", "wound") and any(a <= start < b for a, b in healing):
            in_saying = True
        if found == ("other_complaint", "wound") and any(a <= start < b for a, b in healed):
            in_saying = True
        if found[0] == "other_complaint" and any(a <= start < b for a, b in over):
            in_saying = True  # "a lump removed last year, benign": over
        if found[0] == "other_complaint" and said_over_after(text[end:]):
            in_saying = True
        if (
            found[0] == "other_complaint"
            and words[i + length : i + length + 1]
            and (words[i + length] in _MEDICINES)
        ):
            in_saying = True  # "heart pills", "asthma inhalers": medicines, no complaint
        if found == ("other_complaint", "stomach") and _OF_A_PREGNANCY.search(text):
            in_saying = True  # the bump: "my belly get hard... normal for baby" (run 94 p04)
        if found == ("other_complaint", "internal") and _A_PERIOD_MISSED.search(
            text.lower(), max(0, start - 30), end + 30
        ):
            in_saying = True  # "my period's a little late": a pregnancy's hint (run 127 z06)
        if found[0] == "other_complaint" and _TAKEN_FOR.search(text[:start].lower()):
            in_saying = True  # "pills for heart", "on warfarin because of my heart" (run 100)
        if found[0] == "other_complaint" and _WAS_THERE.match(text[end:].lower()):
            in_saying = True  # "the mole was on my shoulder": of the past (run 122 s07)
        if found[0] == "other_complaint" and _explained_away(text, words, i, length, start, end):
            in_saying = True  # "eyes sore from the screen", "a nail salon": no complaint
        if found[0] == "other_complaint" and _IN_THE_FAMILY.match(text[end:]):
            in_saying = True  # "heart stuff runs in my family" (outside run 87 p08)
        if found[0] == "other_complaint" and _LIKENED_OR_LESSENED.search(text[:start]):
            in_saying = True  # "it feels like toothache", "only a graze": no complaint
        if found[0] == "body_part" and _A_LIKENESS.search(text[:start]):
            in_saying = True  # "like a heavy hand on my head": how it feels, no place
        if (
            found[0] == "pain_quality"
            and words[i] == "knife"
            and i + 1 < len(words)
            and (words[i + 1] in ("cut", "cuts", "wound", "wounds", "slipped", "injury"))
        ):
            in_saying = True
        if (
            found == ("pain_quality", "dull")
            and words[i] == "heavy"
            and not _heavy_of_the_pain(words, i)
        ):
            in_saying = True  # "lifting many heavy thing": the load, not how it feels
        if found[0] == "body_part" and any(
            a <= start < b and (words[i] == "head" or not head_only)  # "stress headaches" hurt
            for a, b, head_only in conditions
        ):
            in_saying = True  # where a long-standing condition sits, not where it hurts
        if found[0] in ("body_part", "side") and any(a <= start < b for a, b in old_injuries):
            in_saying = True  # "cracked my tailbone years ago, healed fine": where it was
        if found[0] == "body_part" and _NOTHING_TO_DO_WITH.search(text[:start].lower()):
            in_saying = True  # "nothing to do with the wrist": no painful place (run 126 y05)
        if found[0] == "body_part" and _TAKEN_FROM_BEFORE.search(text[:start].lower()):
            in_saying = True  # "a mole cut off my shoulder": where it was, no complaint
        if any(a <= start < b for a, b in asleep) and (
            (found[0] == "body_part" and found[1] in _LIMBS)
            or found[0] == "side"
            or found in (("pain_quality", "tingling"), ("pain_quality", "numbness"))
        ):
            in_saying = True  # "my hand is sleeping when I lie on it": no complaint
        if found[0] == "other_complaint" and any(a <= start < b for a, b in treated):
            in_saying = True  # "on warfarin for her heart rhythm": treated, no complaint now
        if found[0] == "side" and words[i] in _SIDE_LETTERS and i + length < len(tokens):
            # "my sugars r all over the place": the letter before a saying is no side.
            following = tokens[i + length].start()
            in_saying = any(a <= following < b for a, b in sayings)
        if found == ("body_part", "head") and _head_moved(words, i):
            found = ("body_part", "neck")  # "I can't turn my head": the neck moves it
        if not (denied or in_saying or _not_meant(found, words, i, length)):
            terms.append(Term(found[0], found[1], start, end, text[start:end]))
        i += length
    if any(t.entity in ("body_part", "pain_quality") for t in terms):
        # "Up at 3am, can't sleep, my shoulder is killing me": awake with the pain or the
        # hour, no complaint to send elsewhere (outside run 62: three of eight openings).
        # "Insomnia" names a complaint of its own.
        terms = [
            t for t in terms
            if not (t.value == "sleep" and t.entity == "other_complaint" and "insomnia" not in
                    t.text.lower())
        ]  # fmt: skip
    return assign_roles(terms, text)


# How "heavy" is said of the pain: "feels heavy", "a heavy ache", "legs go heavy".
_HEAVY_AFTER = frozenset({"feel", "feels", "felt", "feeling", "is", "are", "was", "were", "go",
                          "goes", "gone", "went", "get", "gets", "very", "so", "really", "bit",
                          "little", "quite", "kinda", "and", "dull", "achy"})  # fmt: skip
_HEAVY_BEFORE = frozenset({"feeling", "feel", "ache", "aching", "pain", "sensation", "legs",
                           "arms", "and", "or"})  # fmt: skip


def _heavy_of_the_pain(words: list[str], i: int) -> bool:
    """Whether "heavy" at `i` says how the pain feels, not what was lifted ("heavy boxes")."""
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    return before in _HEAVY_AFTER or after in _HEAVY_BEFORE or not after


# Sides typed as a letter ("r foot", "l knee").
_SIDE_LETTERS = frozenset({"r", "l", "rt", "lt"})
# Places a patient lies on or eats into; "on my tummy" is a position, not a complaint.
_LYING_ON = frozenset({"stomach", "tummy", "belly", "front", "side"})
_APPREHENSIVE = frozenset({"anxious", "anxiety", "nervous", "scared", "worried", "emotional"})
_ABOUT = frozenset({"about", "around", "of", "with", "re", "regarding"})
_NEEDLE_WORDS = frozenset({"needle", "needles", "needling", "injection", "injections", "jabs",
                           "shots", "treatment", "it", "this"})  # fmt: skip
# Lying or sleeping: what one lies on is a position ("lie flat on my back").
_LIES = frozenset({"lie", "lies", "lying", "lay", "lays", "laying", "laid", "sleep", "sleeps",
                   "sleeping", "slept", "rest", "resting", "flat"})  # fmt: skip
_HELD = frozenset({"up", "bent", "raised", "elevated", "crossed", "propped", "apart", "together"})
# "A pillow between my knees", "a towel under my neck": how the patient lies or sits.
_SUPPORTS = frozenset({"pillow", "pillows", "cushion", "cushions", "towel", "roll", "wedge",
                       "bolster", "support", "brace"})  # fmt: skip
_AGAINST = frozenset({"between", "under", "beneath", "behind", "against"})
_ON = frozenset({"on", "onto", "upon"})
# A belly told of with a pregnancy is the bump, no stomach complaint for a pharmacist.
_OF_A_PREGNANCY = re.compile(r"\b(?:baby|babies|pregnan\w*|bump|expecting|twins)\b", re.I)
_NEAR = frozenset({"behind", "below", "under", "around", "above", "near", "by", "over"})
# Complaint words that say where, after these words: "behind the ear", "under the skin".
_NEAR_PLACES = {
    **dict.fromkeys(("ear", "ears", "eye", "eyes"), _NEAR),
    "skin": frozenset({"under", "beneath", "underneath", "below"}),
}
_CLENCHING = ("clench", "grind", "grit", "gnash", "brux")
_TEETH = frozenset({"tooth", "teeth", "molar", "molars", "filling", "gum", "gums", "crown"})
_BEYOND = frozenset({"above", "over", "past", "overhead", "beyond"})
_SLEEP_WORDS = frozenset({"sleep", "sleeps", "slept", "sleeping"})
# What keeps them awake, said after: worry or the pain itself is no sleep complaint (outside
# run 59: "I can't sleep worrying about my mom" was "Trouble sleeping is not something...").
_KEPT_AWAKE_BY = frozenset({"worrying", "worried", "worry", "thinking", "pain", "ache",
                            "aching", "hurting", "hurts"})  # fmt: skip
_SLEEP_TROUBLE = frozenset({"cant", "cannot", "not", "no", "poor", "poorly", "bad", "badly",
                            "unable", "trouble", "struggle", "struggling", "hardly", "barely",
                            "never", "lack", "broken", "awful", "terrible"})  # fmt: skip
# An illness or a test named by its place: "chest infection", "ear infection", "chest x-ray".
_ILLNESS_OF_A_PLACE = frozenset({"infection", "infections", "cold", "bug", "virus", "x-ray",
                                 "xray", "x", "scan", "mri"})  # fmt: skip


# Moving a place: "turn my head", "lift her arm good".
_MOVES = frozenset({"turn", "turning", "lift", "lifting", "move", "moving", "bend", "bending",
                    "raise", "raising", "rotate", "rotating", "twist", "twisting", "straighten",
                    "use", "using"})  # fmt: skip
_LIMB_MOVES = frozenset(
    {"lift", "lifting", "lifts", "raise", "raising", "raises", "move", "moving", "moves",
     "reach", "reaching", "stretch", "stretching", "straighten", "straightening", "swing",
     "swinging", "rotate", "rotating", "put", "putting"}
)  # fmt: skip


# A question about the assistant's question: "why do you need to know about my legs?",
# "why you ask about the legs and the pee?" (to the end of its sentence).
_WHY_WE_ASK = re.compile(
    r"\bwhy\b[^.?!]{0,25}\b(?:ask|asks|asking|asked|need to know|want to know|wanna know|"
    r"question|questions)\b[^.?!]*",
    re.IGNORECASE,
)


def why_we_ask(text: str) -> list[tuple[int, int]]:
    """Where the message asks why the assistant asks something: what it names there is the
    assistant's question quoted, not a place or a sign told."""
    return [match.span() for match in _WHY_WE_ASK.finditer(text)]


def is_moved_limb(term: Term, text: str) -> bool:
    """Whether an arm or a leg is named as what the patient moves ("when I lift my arm"),
    the movement that brings the pain on rather than a place of it."""
    if term.value not in ("arm", "leg"):
        return False
    before = [m.group() for m in word_matches(text[max(0, term.start - 30) : term.start])]
    owned = len(before) > 1 and before[-1] in ("my", "the", "his", "her")
    mover = before[-2] if owned else (before[-1] if before else "")
    return mover in _LIMB_MOVES


def _head_moved(words: list[str], i: int) -> bool:
    """Whether "head" at `i` is what is moved ("when I turn the head"): the neck's work."""
    before = words[i - 1] if i > 0 else ""
    mover = words[i - 2] if before in ("my", "the", "his", "her") and i > 1 else before
    return mover in _HEAD_MOVES


# Things placed in the body: "the pacemaker is in her chest" says where it sits, no pain.
DEVICES = frozenset(
    {"pacemaker", "defibrillator", "icd", "implant", "implants", "port", "stent", "stents",
     "plate", "plates", "screw", "screws", "pins", "rod", "rods", "coil", "chip", "pump"}
)  # fmt: skip
_PLACED_IN = frozenset({"in", "into", "inside", "under", "on", "below", "beneath", "underneath"})


def where_a_device_sits(words: list[str], i: int) -> bool:
    """Whether the place at `i` is where a device sits ("pacemaker in her chest", "a port
    is under my collarbone"): a device, then "in" or "under", a few words before, and no
    pain said between ("a pacemaker and pain in my chest" is a pain)."""
    before = words[max(0, i - 11) : i]
    devices = [j for j, word in enumerate(before) if word in DEVICES]
    between = before[devices[-1] + 1 :] if devices else []
    pain = any(word in PAIN_WORDS or is_pain_quality(word) for word in between)
    # "...on the left side of my chest", "in the upper part of my arm": still in or on it.
    owners = ("my", "her", "his", "their", "your", "the", "left", "right", "side", "of",
              "part", "top", "upper", "lower", "front")  # fmt: skip
    place = [word for word in between if word not in owners]
    if devices and not pain and not place:
        # "A pacemaker, left side of my chest, since 2019": where it sits, said straight
        # after it; "a pacemaker, my chest hurts" is a pain.
        after = words[i + 1 : i + 3]
        return not any(word in PAIN_WORDS or is_pain_quality(word) for word in after)
    return bool(devices) and not pain and bool(place) and place[-1] in _PLACED_IN


def _side_of_a_device(words: list[str], k: int) -> bool:
    """Whether the side word ending before `k` is followed by "(side) of (my) <place>" where
    a device sits ("a pacemaker, right side of her chest")."""
    k += words[k : k + 1] == ["side"]
    # "...left side under the collarbone" too (outside run 94 p03: the neck noted as left).
    if words[k : k + 1] not in (["of"], ["under"], ["below"], ["beneath"], ["above"], ["in"]):
        return False
    j = k + 1 + (words[k + 1 : k + 2] in (["my"], ["her"], ["his"], ["the"], ["their"]))
    # Any place named after "under" ("the collarbone" is no place the intake knows).
    placed = words[k] != "of" or (j < len(words) and bool(canonical("body_part", words[j])))
    return j < len(words) and placed and where_a_device_sits(words, j)


def back_in_another_sense(words: list[str], i: int) -> bool:
    """Whether the word "back" at `i` says "again", "ago" or "in return" ("it came back",
    "a few years back", "call me back"), not the body; for the safety rules' reading too."""
    return _not_meant(("body_part", "back"), words, i, 1)


def _not_meant(found: tuple[str, str], words: list[str], i: int, length: int) -> bool:
    """Whether a side or "back" is used in its everyday sense ("right now", "call me back")."""
    after = words[i + length] if i + length < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    if found[0] == "body_part" and where_a_device_sits(words, i):
        return True
    if (
        found == ("pain_quality", "tightness")
        and words[i] == "pressure"
        and before in ("blood", "bp", "high", "low")
    ):
        return True  # "blood pressure pills": no pressing pain
    if found == ("body_part", "chest") and "chin" in words[max(0, i - 4) : i]:
        return True  # "chin to my chest": how far the neck bends

    if found == ("body_part", "head"):
        # "Lift my arm past my head", "reach above my head": how far, not where it hurts.
        place = words[i - 2] if before in ("my", "the", "his", "her") and i > 1 else before
        if place in _BEYOND:
            return True
    if found[0] == "side":
        if canonical("body_part", after) and where_a_device_sits(words, i + length):
            return True  # "a metal plate in my left ankle": the device's side
        if _side_of_a_device(words, i + length):
            return True  # "a pacemaker, right side of her chest": the device's side too
        if words[i] in _SIDE_LETTERS:
            # "r foot", "l knee": a letter is a side only just before a part of the body
            # ("r u open?" is text-speak).
            following = " ".join(words[i + length : i + length + 2])
            return not (canonical("body_part", after) or canonical("body_part", following))
        if before in ("the", "my", "his", "her"):  # "on the left when I chew"
            return False
        if length > 1 and words[i + length - 1] in ("side", "sided", "hand"):
            return False  # "right side, when I turn": a side whatever follows (run 85 p04)
        if after == "as":  # "right as rain", "left as soon as"; not "left, as I said"
            return (words[i + length + 1] if i + length + 1 < len(words) else "") in _AS_SAYING
        if words[i] == "right" and after in _EXACTLY_AFTER:
            return True
        return after in _NOT_A_SIDE_AFTER or before in _NOT_A_SIDE_BEFORE
    if found[0] == "other_complaint" and words[i] in _NEAR_PLACES:
        # "Up behind the ear", "behind my eyes": where a pain is, not a complaint of them;
        # "a box under the skin": where something sits (outside run 93 p03: a pacemaker
        # told back as a skin problem).
        place = words[i - 2] if before in ("my", "the", "his", "her") and i > 1 else before
        if place in _NEAR_PLACES[words[i]]:
            return True
    if found[0] == "other_complaint" and words[i] in ("teeth", "tooth"):
        # "I clench my teeth", "teeth grinding at night": the jaw muscles' habit (a matter
        # for the physiotherapist), no complaint of the teeth (outside run 61).
        near = words[max(0, i - 3) : i] + words[i + 1 : i + 2]
        if any(word.startswith(_CLENCHING) for word in near):
            return True
    if found[0] == "other_complaint" and words[i] in _APPREHENSIVE and after in _ABOUT:
        # "A bit anxious about needles": how the patient feels about the treatment, for
        # the checklist, not a complaint of mood (outside run 52).
        return bool(_NEEDLE_WORDS.intersection(words[i + 2 : i + 5]))
    if found == ("other_complaint", "sleep") and set(words[i + length : i + length + 4]) & (
        _KEPT_AWAKE_BY
    ):
        return True  # "can't sleep worrying about my mom", "...with the pain": its cause
    if found[0] == "other_complaint" and length == 1 and words[i] in _SLEEP_WORDS:
        # "My cat sleeps on my desk", "I sleep on my side": sleeping, no trouble with it,
        # unless a word of trouble is beside it ("I sleep badly", "hardly slept").
        near = words[max(0, i - 4) : i] + words[i + 1 : i + 3]
        return not any(word in _SLEEP_TROUBLE or word.endswith("n't") for word in near)
    if found[0] == "other_complaint" and words[i] == "hearing":
        # "He's hard of hearing", "her hearing aid": how to speak to the patient, not a
        # complaint to send elsewhere.
        return before == "of" or after in ("aid", "aids")
    if found[0] == "other_complaint" and words[i] in _LYING_ON:
        # "Come on an empty stomach", "lie on my tummy": the body named, not a complaint.
        lying = before in _ON or (before in ("my", "his", "her", "their", "the") and i > 1
                                  and words[i - 2] in _ON)  # fmt: skip
        return before in ("empty", "full") or lying
    if found[0] == "body_part" and words[i] in _SPINE_WORDS:
        return after in _PROCEDURES
    if found[0] == "body_part" and length == 1 and _used_as_a_verb(words, i):
        return True  # "he has to head the ball", "she arches backwards": a doing, no place
    owned = before in ("my", "his", "her", "the")
    against = i > 2 and words[i - 2] in _AGAINST and words[i - 3] in _SUPPORTS
    if found[0] == "body_part" and owned and against:
        return True
    if found[0] == "body_part" and after in _HELD and before in ("my", "his", "her", "the"):
        # "Lying with my knees up helps": how the body is held, not where it hurts.
        return i > 1 and words[i - 2] in ("with", "keep", "keeping", "put", "putting", "prop")

    if found[0] == "body_part" and after in _TEETH:
        return True  # "my lower back tooth", "a back molar": the mouth, not the spine
    if found[0] == "body_part" and after in _ILLNESS_OF_A_PLACE:
        return True  # "a chest infection", "a kidney infection", "a chest x-ray": no pain
    if length > 1 or words[i] not in ("back", "bak"):
        return False
    if after == "of":  # "the back of my thigh" is the thigh
        return True
    owner = before in ("my", "his", "her", "their", "the")
    if owner and i > 1 and words[i - 2] in _ON and _LIES.intersection(words[max(0, i - 5) : i - 2]):
        return True  # "Can I lie on my back for it?", "sleeping flat on my back": a position
    if after == "side" and (
        (i + 2 < len(words) and words[i + 2] == "of") or canonical("body_part", before)
    ):
        return True  # "the back side of my neck", "neck back side": the neck's back
    if before in _OBJECTS and i > 1:  # "call me back", "push it back"
        before = words[i - 2]
    before = before.replace("\u2019", "'")
    # "got back pain", "I'm back in pain"
    in_pain = after == "in" and i + 2 < len(words) and words[i + 2] in PAIN_WORDS
    pain_after = after in PAIN_WORDS or is_pain_quality(after) or in_pain
    if before in _TIME_BEFORE_BACK and not pain_after:
        return True  # "a few years back, and...", "a while back": ago; not "3 weeks back pain"
    if before in _WHEN_BEFORE_BACK and not pain_after:
        return True  # "helps for a day then back": it returns (outside run 88 p03)
    if after in _BACK_COMPLAINT or pain_after:
        return False
    if after in _NOT_THE_BACK_AFTER or before in _BEING_BACK_BEFORE or before == "way":
        return True
    if after in _WHEN_AFTER and before not in _THE_BACK_BEFORE:
        return True
    if after in ("in", "around") and before not in _THE_BACK_BEFORE and _a_time(words[i + 2 :]):
        return True
    cause = i + 2 < len(words) and words[i + 2].endswith("ing")  # "back from lifting hurts"
    if after in _RETURN_AFTER and before not in _THE_BACK_BEFORE and not cause:
        return True
    return before in _NOT_THE_BACK_BEFORE


# Places whose word is also a doing: "head the ball", "arches backwards", "foot the bill",
# "shoulder the load", "hand it over", "elbow past", "face the music", "toe the line".
_VERB_PLACES = frozenset({"head", "heads", "arch", "arches", "foot", "shoulder", "shoulders",
                          "hand", "hands", "elbow", "elbows", "face", "faces", "toe"})  # fmt: skip
_DOERS = frozenset({"i", "he", "she", "we", "they", "you", "u", "to", "will", "can", "could",
                    "would", "should", "must", "gonna", "wanna", "gotta", "dont", "doesnt",
                    "didnt", "never", "always", "often", "usually",
                    # a second doing joined on: "when she spikes or arches back"
                    "or"})  # fmt: skip
# What a doing reaches for: an object or a way ("head the ball", "arches backwards").
_DONE_TO = frozenset({"the", "a", "an", "it", "them", "his", "her", "out", "off", "home",
                      "over", "up", "into", "towards", "toward", "backwards", "backward",
                      "forwards", "forward", "ball", "balls", "bill", "line", "load",
                      "back"})  # fmt: skip


def _used_as_a_verb(words: list[str], i: int) -> bool:
    """Whether a place's word at `i` is said as a doing: right after someone who does it or
    "to", a modal or a habit ("he heads", "has to head"), and reaching for something after
    it ("...the ball", "...backwards"); "he head hurts" (a slip for "his") stays a place."""
    if words[i] not in _VERB_PLACES or i == 0 or i + 1 >= len(words):
        return False
    return words[i - 1] in _DOERS and words[i + 1] in _DONE_TO


def _a_time(words: list[str]) -> bool:
    """Whether `words` begin with a time: a year or a decade ("2015", "the 90s"), a month, a
    season or a stage of life ("march", "school", "the day")."""
    if not words:
        return False
    if re.fullmatch(r"(?:19|20)\d\d|'?\d0s", words[0]) or words[0] in _TIME_AFTER_BACK_IN:
        return True
    following = words[1] if len(words) > 1 else ""
    return words[0] in ("the", "my") and (
        following in _TIMES_AFTER_THE or bool(re.fullmatch(r"'?\d0s|teens|twenties", following))
    )


# "No sorry my shoulder is fine", "no its the left": the "no" answers, then the fact.
_SAYING_NO_FIRST = frozenset(
    {"sorry", "wait", "actually", "sry", "oops", "hang", "its", "it's", "it", "that's", "thats",
     "i", "i'm", "im"}
)  # fmt: skip


_NOTHING_THERE = frozenset({"in", "wrong", "with"})


# Where a fall landed: "slipped and landed on my hip", "fell onto her knee"; where
# something rests: "I carry her on my left hip", "I sleep on my left arm", "my bag goes on
# my shoulder" (outside run 66 p03).
_FALLS = frozenset({"landed", "landing", "lands", "land", "fell", "fall", "falling", "falls",
                    "slipped", "tripped", "went"})  # fmt: skip
_RESTS = frozenset({"carry", "carries", "carrying", "carried", "sleep", "sleeps", "sleeping",
                    "slept", "lie", "lies", "lying", "lay", "rest", "rests", "resting", "goes",
                    "hang", "hangs", "hanging", "sit", "sits", "sitting", "lean", "leans",
                    "leaning", "hold", "holds", "holding"})  # fmt: skip


def is_landed_on(term: Term, text: str) -> bool:
    """Whether a place is named as where a fall landed ("landed on my hip"), which says
    where the knock was, or where something rests ("I carry her on my hip"); whether it
    hurts is said on its own."""
    before = [m.group() for m in word_matches(text[max(0, term.start - 40) : term.start])]
    before = [w for w in before if w not in ("my", "his", "her", "their", "the", "right", "left")]
    if not (len(before) >= 2 and before[-1] in ("on", "onto") and before[-2] in _FALLS | _RESTS):
        return False
    if before[-2] in _RESTS:
        # "It hurts lying on my left hip": a pain said anywhere in its clause is the place's.
        start = max((text.rfind(stop, 0, term.start) for stop in ",.;!?"), default=-1) + 1
        ends = [i for i in (text.find(stop, term.end) for stop in ",.;!?") if i >= 0]
        clause = text[start : min(ends, default=len(text))]
        return not any(
            m.group() in PAIN_WORDS or is_pain_quality(m.group()) for m in word_matches(clause)
        )
    # "...landed on my knee and now it hurts": a pain said of it before the next place.
    after = re.split(r"[.!?]", text[term.end :], maxsplit=1)[0]
    for match in word_matches(after):
        word = match.group()
        if canonical("body_part", word):
            break
        if word in PAIN_WORDS or is_pain_quality(word):
            return False
    return True


# A supposition: "he'd say 4 if his arm fell off", "if my knee hurts too I'll tell you". The
# if-clause runs to a comma or to the main clause's "I'll", "she'd"...; a modal in the main
# clause makes it a supposition ("if I sit long my hip hurts" is a habit, and stays).
_IF = re.compile(r"\b(?:even\s+)?if\b", re.IGNORECASE)
_IF_CLAUSE_END = re.compile(
    r"[,;:]|\b(?:i|you|he|she|they|we)(?:'ll|'d|\s+will|\s+would)\b", re.IGNORECASE
)
_SUPPOSING = re.compile(
    r"\b(?:would|wouldn't|wouldnt|will|won't|wont)\b|\w'(?:d|ll)\b", re.IGNORECASE
)
# "I'd like to know if my back will mend": "if" as "whether".
_IF_AS_WHETHER = re.compile(
    r"\b(?:know|wonder\w*|ask\w*|see|check|tell\s+(?:me|you|us)|sure|unsure|say|decide)\s*$",
    re.IGNORECASE,
)


def is_supposed(term: Term, text: str) -> bool:
    """Whether a place is named only in a supposition ("he'd say 4 if his arm fell off"),
    which tells no pain there."""
    start = max(text.rfind(stop, 0, term.start) for stop in ".!?\n") + 1
    end = min(
        (i for i in (text.find(stop, term.end) for stop in ".!?\n") if i >= 0), default=len(text)
    )
    for match in _IF.finditer(text, start, term.start):
        if _IF_AS_WHETHER.search(text[start : match.start()]):
            continue
        close = _IF_CLAUSE_END.search(text, match.end(), end)
        clause_end = close.start() if close else end
        if not match.end() <= term.start < clause_end:
            continue
        main = text[start : match.start()] + " " + text[clause_end:end]
        if _SUPPOSING.search(main):
            return True
    return False


# A condition the patient keeps an eye on, whose places said fine say nothing of the pain.
_A_CONDITION_CHECKED = re.compile(
    r"\b(?:diabet\w*|podiatrist|foot clinic|sugars?|blood sugar|neuropathy|circulation)\b",
    re.IGNORECASE,
)
# Medicines named by what they are for (outside run 83 p08: "heart pills - matter for
# needles?" was told a heart complaint is not treated here).
_MEDICINES = frozenset({
    "pill", "pills", "tablet", "tablets", "med", "meds", "medication", "medications",
    "medicine", "medicines", "drug", "drugs", "inhaler", "inhalers", "spray", "patch",
    "patches", "injection", "injections", "jab", "jabs", "prescription", "prescriptions",
})  # fmt: skip
# What a medicine is taken for, told after it: "tablets for my heart rhythm", "on warfarin
# because of my heart", "pills for heart, Eliquis, because heart beat is not regular".
_TAKEN_FOR = re.compile(
    rf"\b(?:take|takes|taking|took|on|use|uses|using|{'|'.join(sorted(_MEDICINES))})\b"
    r"(?:[\s,]+[\w-]+){0,3}?[\s,]+(?:for|because(?:\s+of)?|cos|coz|cause)\s+"
    r"(?:(?:my|his|her|their|the|a|an)\s+)?$"
)
# A complaint of the family, not the patient's: "heart stuff runs in my family".
_IN_THE_FAMILY = re.compile(
    r"\W*(?:\w+\W+){0,3}?(?:runs?|running|ran)\s+in\s+(?:my|the|our|his|her)\s+famil",
    re.IGNORECASE,
)
# Everyday causes that explain a complaint away when told in its clause: "eyes sore from
# the screen", "my heart thumps after my third espresso", "energy drinks make my heart race",
# "tired after night shifts" (outside runs 121 to 123: an optician, a doctor for the heart).
_EVERYDAY_CAUSES = (
    r"(?:coffees?|caffeine|espressos?|lattes?|energy\s+drinks?|red\s+bulls?|colas?|cokes?"
    r"|screens?|computers?|laptops?|monitors?|phones?|(?:night\s+)?shifts?"
    r"|late\s+nights?|long\s+hours|alcohol|wine|beers?|hangovers?|hay\s?fever|allergies"
    r"|pollen)"
)
_CAUSED_BY = re.compile(
    r"\b(?:from|after|by|with|because\s+of|due\s+to|cos\s+of|coz\s+of|on)\s+"
    rf"(?:[\w'-]+\s+){{0,5}}?{_EVERYDAY_CAUSES}\b"
)
_CAUSE_GIVES = re.compile(
    rf"\b{_EVERYDAY_CAUSES}\s+(?:\w+\s+)?(?:make|makes|made|give|gives|gave|leave|leaves)\b"
)
# Glasses worn or tried are no complaint of the eyes ("I need new glasses" still is).
_GLASSES_WORN = re.compile(
    r"\b(?:(?:wear|wears|wearing|wore|tried|try|trying|bought|got)\s+(?:[\w-]+\s+){0,2}"
    r"|(?:blue[\s-]light|reading|sun)\s+)$"
)
# A complaint's word naming a trade, a shop or a person: "a nail salon", "a nail tech", "my
# eye doctor", "the eye test" (outside run 123 u03: "I work at a nail salon").
_NAMES_A_TRADE = frozenset({
    "salon", "salons", "bar", "bars", "tech", "techs", "technician", "technicians", "polish",
    "varnish", "art", "artist", "studio", "gun", "doctor", "doctors", "dr", "doc",
    "specialist", "appointment", "exam", "test", "tests", "checkup", "surgeon",
})  # fmt: skip
_DOING = frozenset({"do", "does", "doing", "did"})
# The assistant's questions about it: "why all the questions about my heart?" (run 122 s04).
_ASKED_ABOUT = re.compile(
    r"\b(?:ask|asks|asking|asked|question|questions)\s+(?:\w+\s+){0,2}?(?:about|on|of)\s+"
    r"(?:(?:my|his|her|the|their)\s+)?$"
)


def _explained_away(text: str, words: list[str], i: int, length: int, start: int, end: int) -> bool:
    """Whether a complaint's word is told with its everyday cause in its clause, or names a
    trade or a person ("I do nails", "my eye doctor"): nothing to send elsewhere."""
    after = words[i + length] if i + length < len(words) else ""
    if after in _NAMES_A_TRADE or (
        words[i] in ("nail", "nails") and _DOING & set(words[i - 2 : i])
    ):
        return True
    lowered = text.lower()
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(lowered)]
    clause_start = max((b + 1 for b in breaks if b < start), default=0)
    clause_end = min((b for b in breaks if b >= end), default=len(lowered))
    if words[i] == "glasses" and _GLASSES_WORN.search(lowered[clause_start:start]):
        return True
    if _ASKED_ABOUT.search(lowered[clause_start:start]):
        return True
    return bool(
        _CAUSED_BY.search(lowered, end, clause_end)
        or _CAUSE_GIVES.search(lowered, clause_start, start)
    )  # fmt: skip


# A period missed or late: the safety screen asks about a pregnancy, no complaint to send on.
_A_PERIOD_MISSED = re.compile(
    r"\b(?:missed|late|haven'?t had|havent had|no)\s+(?:\w+\s+)?periods?\b"
    r"|\bperiods?(?:'s| is| was)?\s+(?:\w+\s+){0,3}?late\b"
)
# What names a complaint with it: "breathing problems", "chest issues".
_ITS_NAME = frozenset({
    "problem", "problems", "issue", "issues", "trouble", "troubles", "stuff", "difficulty",
    "difficulties",
})  # fmt: skip


def _after_its_name(words: list[str]) -> list[str]:
    """The words after a complaint, without the noun that names it with it."""
    return words[1:] if words and words[0] in _ITS_NAME else words


def _negated(words: list[str], i: int, text: str, tokens: list[re.Match[str]]) -> bool:
    """A denial up to three words before the term, in the same clause ("no tingling",
    "doesn't feel numb"; not "can't walk, my knee hurts" nor "can't turn my neck", where
    "can't" says what the pain stops, not that the place is free of it)."""
    for j in range(max(0, i - 4), i):
        word = words[j]
        # "Nothing goes down my arms": nothing spreads there ("nothing helps my back" is
        # still the back).
        spreads_nowhere = word in ("nothing", "nowhere") and SPREAD_WORDS.intersection(words[j:i])
        answers_no = word == "no" and words[j + 1] in _SAYING_NO_FIRST
        negation = (word in NEGATIONS or word.endswith("n't")) and not answers_no
        # "Nothing in his foot", "nothing wrong with my knee": no pain there ("nothing
        # helps my back" still names the back).
        negation = negation or (word == "nothing" and words[j + 1] in _NOTHING_THERE)
        if word == "not" and j > 0 and words[j - 1] in ("can", "could"):
            continue  # "I can not turn my head": what the pain stops, like "cannot"
        # "No problems with his feet": a complaint word between reaches one word further.
        denies = negation and (j >= i - 3 or (j == i - 4 and words[j + 1] in PAIN_WORDS))
        if word in ABILITY_LOST or not (denies or spreads_nowhere):
            continue
        if not _CLAUSE_BREAK.search(text, tokens[j].end(), tokens[i].start()):
            return True
    return False


# After a place, in its clause: "the shoulder is the worst", "...bothers me most", "...is my
# main problem". "Hurts most days" and "most of the time" say how often, not which place.
_FIRST_AFTER = re.compile(
    r"^(?:\s*[\w']+){0,5}?\s+(?:(?:the|my)\s+)?(?:worst|(?:main|biggest|major)\s+(?:one|problem|"
    r"issue|thing|complaint|pain|bother)|most(?!\s+(?:days?|of|nights?|mornings?|evenings?|times?|"
    r"weeks?|people)\b))\b",
    re.IGNORECASE,
)


def puts_first(place: Term, text: str) -> bool:
    """Whether the patient puts this place first: "mostly my shoulder", "the shoulder is the
    worst", "my shoulder bothers me the most", "it's the shoulder that's the main problem"."""
    if place.start < 0:
        return False  # a button's place
    before = [m.group() for m in word_matches(text[: place.start])][-3:]
    return bool(_FIRST.intersection(spelled_words(before))) or _said_first(place, text)


def _said_first(place: Term, text: str) -> bool:
    clause_end = _CLAUSE_BREAK.search(text, max(place.end, 0))
    after = text[max(place.end, 0) : clause_end.start() if clause_end else len(text)]
    return place.start >= 0 and bool(_FIRST_AFTER.match(after))


def assign_roles(terms: list[Term], text: str) -> list[Term]:
    """Mark which terms are the main fact and which are extra.

    The first term of each kind is the main one ("how it feels"), except for body parts:
    there the one the patient puts first ("mostly my shoulder") wins, then the first one the
    pain is said of ("pain in my shoulder", "my neck is sore", "neck and upper back stiff")
    over one named for an activity ("when I lift my arms"). A body part after the main one
    with a spreading word before it ("shooting down my left leg") is where the pain travels
    (`radiates_to`); one said to be fine ("my back is fine") is `denied`; any other further
    term is `also`. The place of a complaint that is not a pain ("a wart on my finger") is a
    `site`.
    """
    # The message is tokenised once; terms are located in it by their character offsets.
    tokens = word_matches(text)
    words = spelled_words([m.group() for m in tokens])
    starts = [m.start() for m in tokens]

    def word_index(offset: int) -> int:
        return bisect.bisect_left(starts, offset)

    def pain_said_of(term: Term) -> bool:
        first, after = word_index(term.start), word_index(term.end)
        # The term's own words count too ("neck ache", "backache"); "my" and a side between
        # do not push the pain out of reach ("ache in my left buttock").
        before = [w for w in words[max(0, first - 6) : first] if w not in _BETWEEN_PAIN_AND_PLACE]
        nearby = before[-3:] + words[first : after + 2]
        if any(w in PAIN_WORDS or is_pain_quality(w) for w in nearby):
            return True
        # "Her back has been really bad" (outside run 67 p01: her heavy legs led instead).
        following = [w for w in words[after : after + 5] if w not in _BEING]
        return bool(following) and following[0] in _BAD

    def reached_before(term: Term) -> bool:
        """Named again where the pain was said to reach ("...into her legs, she says her
        legs feel heavy"): still where it reaches, not where it starts."""
        return any(id(other) in reached and other.value == term.value for other in candidates)

    def pain_in_clause(term: Term) -> bool:
        opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, term.start)), default=0)
        closing = _CLAUSE_BREAK.search(text, term.end)
        clause = words[word_index(opening) : word_index(closing.start()) if closing else None]
        return any(w in PAIN_WORDS or is_pain_quality(w) for w in clause)

    def said_fine(term: Term) -> bool:
        after = word_index(term.end)
        clause_end = _CLAUSE_BREAK.search(text, term.end)
        following = words[after : word_index(clause_end.start()) if clause_end else None][:4]
        # "My foot doesn't hurt", "the knee isn't sore": said to be free of pain.
        denied = any(
            (w in NEGATIONS or w.endswith("n't") or w in ("doesnt", "isnt"))
            and any(x in PAIN_WORDS or x == "bother" for x in following[k + 1 : k + 3])
            for k, w in enumerate(following)
        )
        # "She cannot turn head good": how well it moves, not that the place is fine.
        first = word_index(term.start)
        before = [
            w for w in words[max(0, first - 2) : first] if w not in ("my", "his", "her", "the")
        ]
        moved = bool(before) and before[-1] in _MOVES
        # "Her legs work fine", "they move fine": how they are used, not free of pain.
        fine_at = next((k for k, w in enumerate(following) if w in _FINE), None)
        used = fine_at is not None and bool(_WORK.intersection(following[:fine_at]))
        fine = fine_at is not None and not moved and not used
        # "Diabetic but my feet are ok, my podiatrist checks them": the condition's news,
        # no word on the pain (outside run 103 p06: the tingling toes taken off).
        fine = fine and not _A_CONDITION_CHECKED.search(text)
        # "Legs are fine other than the left one": that one hurts (outside run 107 p02:
        # "changed that to not spreading").
        sentence_end = re.search(r"[.;!?]|$", text[term.end :])
        fine = fine and not _ONE_SIDE_EXCEPTED.search(
            text, term.end, term.end + sentence_end.start()
        )
        return fine or denied or over(term, following)

    def over(term: Term, following: list[str]) -> bool:
        before = words[max(0, word_index(term.start) - 3) : word_index(term.start)]
        if _WISHING.intersection(before):
            return False
        for k, word in enumerate(following):
            if word in _GONE or (word == "went" and following[k + 1 : k + 2] == ["away"]):
                return not any(w in NEGATIONS or w.endswith("n't") for w in following[:k])
        return False

    def put_first(term: Term) -> bool:
        first = word_index(term.start)
        return bool(_FIRST.intersection(words[max(0, first - 3) : first])) or _said_first(
            term, text
        )

    def operated(term: Term) -> bool:
        """ "I had my left hip replaced", "a metal knee implant": the place of an operation
        or implant, unless the pain is said of it ("my new knee aches", "pain in my new hip")."""
        first, after = word_index(term.start), word_index(term.end)
        # "pacemaker, left side of my chest": the device said a few words before, in the
        # same sentence.
        sentence = re.split(r"[.!?]", text[: term.start])[-1].lower()
        said_before = {w for w in words[max(0, first - 6) : first] if w in sentence}
        device = said_before & (_DEVICES | _TAKEN_OUT)
        near = words[max(0, first - 2) : first] + words[after : after + 2]
        if not (device or _OPERATED.intersection(near)):
            return False
        if any(w in PAIN_WORDS or is_pain_quality(w) for w in words[after : after + 4]):
            return False
        before = words[max(0, first - 4) : first]
        return not (PAIN_WORDS.intersection(before) and {"in", "at"}.intersection(before))

    def spread_before(term: Term) -> bool:
        first = word_index(term.start)
        before = [w for w in words[max(0, first - 4) : first] if w not in _BETWEEN_PAIN_AND_PLACE]
        return bool(SPREAD_WORDS.intersection(before[-2:]))

    def comes_from(term: Term) -> bool:
        first = word_index(term.start)
        before = [w for w in words[max(0, first - 4) : first] if w not in _BETWEEN_PAIN_AND_PLACE]
        return bool(before) and before[-1] == "from"

    def joined(term: Term, following: Term) -> bool:
        between = set(words[word_index(term.end) : word_index(following.start)])
        return between <= _JOINING and bool(between & _AND)

    def site_of_complaint(term: Term) -> bool:
        """ "A wart on my finger", "glands under my jaw", "my back has a mole": the place
        of a complaint that is not a pain."""
        for other in complaints:
            if other.end <= term.start:
                between = text[other.end : term.start]
                words_between = between.lower().split()
                if (
                    not _CLAUSE_BREAK.search(between)
                    and len(words_between) <= 7
                    and _LOCATING.intersection(words_between)
                    and not _AND_ANOTHER.intersection(words_between)
                ):
                    return True
            elif term.end <= other.start:
                between = text[term.end : other.start].lower().split()
                if len(between) <= 3 and _HAVING.intersection(between):
                    return True
        return False

    parts = [term for term in terms if term.entity == "body_part"]
    complaints = [term for term in terms if term.entity == "other_complaint"]
    sites = set()
    for term in parts:  # "acne on his back and shoulders": both are the acne's places
        previous = next((p for p in reversed(parts) if p.end <= term.start), None)
        joined_to_site = previous is not None and id(previous) in sites and joined(previous, term)
        if site_of_complaint(term) or joined_to_site or operated(term):
            sites.add(id(term))
    for term in parts:
        # "My knee replacement... but that's my knee, not my back": the operated place named
        # again, with no pain said in its clause, is still the operation's.
        named_before = any(
            id(p) in sites and p.value == term.value and p.end <= term.start for p in parts
        )
        if named_before and id(term) not in sites and not pain_in_clause(term):
            sites.add(id(term))
    fine = {id(term) for term in parts if said_fine(term) or id(term) in sites}
    candidates = [term for term in parts if id(term) not in fine]
    # "My buttock aches and it shoots down my thigh": a place the pain travels to from one
    # named before is never where it starts, however near the pain word ("shoots") is to it.
    reached = {
        id(term)
        for earlier, term in pairwise(candidates)
        if SPREAD_WORDS.intersection(words[word_index(earlier.end) : word_index(term.start)])
    }
    main = next((term for term in candidates if put_first(term)), None)
    # "Going down his left leg from his back": where the pain comes from is where it is; the
    # place it goes down to, named first, is where it spreads (outside run 85 p03).
    spread_first = {id(term) for term in candidates[:1] if spread_before(term)}
    origin = next((term for term in candidates[1:] if spread_first and comes_from(term)), None)
    main = main or origin
    for i, term in enumerate(candidates):
        if main is not None:
            break
        # "neck and upper back stiff": the pain is said of both; the first named leads.
        group = [term]
        for following in candidates[i + 1 :]:
            if not joined(group[-1], following):
                break
            group.append(following)
        if (
            id(term) not in reached
            and not reached_before(term)
            and any(pain_said_of(member) for member in group)
        ):
            main = term
    main = main or (candidates[0] if candidates else None)
    result: list[Term] = []
    previous_end: dict[str, int] = {}
    for term in terms:
        if term.entity == "body_part":
            if id(term) in sites:
                role: str | None = "site"
            elif id(term) in fine:
                role = "denied"
            elif term is main:
                role = None
            elif main is not None and id(term) in spread_first and term.start < main.start:
                role = "radiates_to"  # "down his leg from his back"
            elif main is None or term.start < main.start:
                role = "also"
            else:
                between = words[word_index(previous_end["body_part"]) : word_index(term.start)]
                role = "radiates_to" if SPREAD_WORDS.intersection(between) else "also"
        else:
            role = None if term.entity not in previous_end else "also"
        result.append(replace(term, role=role))
        previous_end[term.entity] = term.end
    return result
