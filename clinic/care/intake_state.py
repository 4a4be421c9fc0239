"""One intake state: what a message says about the pain, and how it changes what we know.

Every message is read once (`hear`) and applied by one rule (`update`): a known value
changes only when the patient answers the question about it or corrects it ("actually
it's the right", "no, 7 not 5"). Anything else said alongside fills what is still unknown
("no spreading" with the quality, the duration with the side) and never overwrites. More
than one painful place is kept: the main one carries the intake's details, the others are
listed in `pain_sites` with their side in `site_sides`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from clinic import parsing, vocabulary
from clinic.pain_heard import says_it_hurts
from clinic.parsing import Duration
from clinic.safety.answers import describes_the_pain, plain_yes, without_said_again, yes_or_no
from clinic.safety.red_flags import HISTORY_COUNTS

# The facts of the main complaint, as the contract names its slots.
FACTS = (
    "body_part", "side", "pain_quality", "pain_radiates", "radiates_to", "pain_duration",
    "pain_duration_days", "pain_severity", "pain_worst", "pain_sites", "site_sides",
)  # fmt: skip
# Places named but not painful: "my back is fine", "a wart on my finger".
NOT_PAINFUL = ("denied", "site")
# A place told of someone else: the patient's only when nothing else is ("my son's knee").
OTHERS = "others"
# A correction's end when it runs to the message's end.
_TO_THE_END = 1 << 30
# Entities of something other than the pain: a duration said with one is not the pain's.
_CONDITIONS = ("contraindication", "other_complaint")
_ILLNESS = re.compile(
    r"\b(?:infection|infections|virus|flu|covid|cold|bug|pneumonia|bronchitis|antibiotics|"
    r"pacemaker|defibrillator|implant|operation|surgery)\b",
    re.IGNORECASE,
)
_ANOTHER_EVENT = re.compile(
    r"\b(?:saw|seen|see|visited|went to)\s+(?:my\s+|the\s+|a\s+|her\s+|his\s+)?(?:doctor|"
    r"physician|gp|dr|physio|chiropractor|specialist|consultant|urgent care|er)\b"
    r"|\b(?:lost|losing|dropped|gained)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?"
    r"[\w-]+\s+(?:pounds|lbs?|kilos?|kgs?|stone)\b|\bx-?ray|\bscan\b|\bmri\b"
    # A wait ahead: "it'll take a week to get in anyway" (outside run 82 p08: the pain's
    # two months changed to "a week").
    r"|\b(?:it'?ll|it will|will|would|it'?d|might|may)\s+(?:\w+\s+)?take\b",
    re.IGNORECASE,
)
_PLACE_SLOTS = ("body_part", "side", "radiates_to")
# While these are asked, a newly named place is where the pain spreads to.
SPREAD_QUESTIONS = ("pain_radiates", "radiates_to")

# "Actually", "sorry I meant", "I got that wrong", "no wait": the patient puts a fact right.
# "Actually" and "sorry" put a fact right when one follows ("actually it's the left",
# "sorry, more like 6 weeks"), not when they tell something new ("actually the odd thing
# is my foot has started to slap").
_WITH_A_FACT = (
    # (never "sorry one more thing": an apology before a new point, outside run 107 p02)
    r"(?!\W+one\s+(?:more|last|other|thing|question)\b)"
    r"(?=\W+(?:[\w']+\W+){0,2}?(?:left|right|it'?s|its|it|not|no|more|less|only|just|mostly|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|days?|weeks?|months?|years?|side)\b)"
)
_CORRECTION = re.compile(
    # "I mean" opening a message is a filler ("i mean i do throw up some mornings"), not a
    # correction (outside run 77 p06: "changed that to head").
    # "no. I mean I've had to wait to pee": "I mean" with no fact after it is a filler too
    # (outside run 107 p02: "changed that to... the last two days").
    rf"\b((?:actually|sorry){_WITH_A_FACT}|i meant|(?<=\S\s)i mean{_WITH_A_FACT}|meant to say|"
    r"got (?:that|it) wrong|"
    r"my mistake|my bad|"
    # "Or rather 4", "4 rather than 3"; not "seems rather overcautious" (outside run 62).
    r"correction|not (?:the|my|a) (?:left|right)|no wait|wait no|or rather|rather than|"
    r"more like|more of an?|"
    r"mixed (?:it |them |those |that )?up|"
    r"should have said|scratch that|i said wrong|typo|i said|i told you|"
    r"(?:that'?s|thats|that is|it'?s) (?:not right|wrong)|"
    # "Is wrong, usually 5. Please correct" (outside run 76 p05).
    r"(?:is|was|are|were) (?:wrong|not right|not correct|incorrect)|"
    r"please (?:correct|fix|change)(?: (?:it|that|this))?|"
    r"(?:correct|fix) (?:it|that|this) please)\b"
    r"|^\W*(?:no|nope|nah)\W+(?:it'?s|its|it is)\b"  # "no it's on the left"
    r"|\bmore (?:my|the|in my|in the)\b.*\bthan\b"
    r"|\b\d{1,2},?\s+(?:tho\s+|though\s+|really\s+)?not\s+(?:an?\s+)?\d{1,2}\b"  # "7, not 5"
    r"|\bnot\s+\d+\s*(?:years?|months?|weeks?|days?)\b"  # "not 70 years! 70 is my age"
    # "it's 10 days not 2" (outside run 107 p02: never put right); "still wrong", "wrong
    # again".
    r"|\b\d{1,3}\s*(?:years?|months?|weeks?|wks?|days?)\s*,?\s*not\s+(?:an?\s+)?\d{1,3}\b"
    r"|\b(?:still|again|all)\s+wrong\b|\bwrong\s+again\b",
    re.IGNORECASE,
)
_NUMBER_PUT_RIGHT = re.compile(
    r"\b\d{1,2}(?:\.\d)?\s*(?:(?:tho|though|really)\s*)?,?\s*not\s+(?:an?\s+)?\d{1,2}\b"
)
# A score said again in a message this short is the score put right.
_RESTATED_WORDS = 8
# Within one message, what follows these replaces what came before ("my right heel, wait
# no, the left heel").
_PUT_RIGHT = re.compile(
    r"\b(?:wait,?\s*no|no,?\s*wait|i meant|(?<=\S\s)i mean|meant to say|scratch that|my mistake|"
    r"should have said|i said wrong|sorry,?\s*(?:i mean|it'?s|its|no)"
    # "i said right lol. wait actually its the left" (outside run 64 p04).
    r"|wait,?\s*actually|actually,?\s*(?:it'?s|its|it is))\b"
    # "both legs no just the right one", "both sides? no, only the left" (outside run 77 p01:
    # "changed that to both").
    r"|\bno\b[,.!]*\s+(?=(?:just|only)\b)",
    re.IGNORECASE,
)
# "It doesn't go down my leg", "it not go in the leg": spreading said not to be.
_NOT_SPREADING = (
    r"(?:doesn'?t|does not|dont|don'?t|do not|not|never|no|isn'?t|won'?t)\s+(?:\w+\s+){0,2}"
    r"(?:spread\w*|radiat\w*|go(?:es|ing)? anywhere|go(?:es|ing)? (?:down|up|into|to|in|elsewhere)|"
    r"travel\w*|move\w*|shoot\w*)"
)
_DENIES_SPREAD = re.compile(rf"\b{_NOT_SPREADING}\b", re.IGNORECASE)
# "It doesn't spread", "it stays there", "nowhere else", "just in my knee".
_STAYS = re.compile(
    rf"\b(?:{_NOT_SPREADING}"
    r"|stay(?:s|ing)? (?:in|at|on|around|put|there|local\w*|in one (?:place|spot))|"
    r"nowhere else|no(?:thing|where)? further|"
    r"(?:only|just) (?:in|there|here|the one (?:place|spot))|no spreading|no radiat\w*"
    r"|not spreading|doesn'?t go anywhere)\b"
    r"|^\W*nowhere\b",  # "nowhere, it's just the hip" to "where does it spread to?"
    re.IGNORECASE,
)
# "Nope, only my head", "just the neck": the pain is only where it is, unless a place it
# spreads to is named too ("only my back, but it shoots down my leg").
_ONLY_HERE = re.compile(
    r"^\W*(?:no\w*|nope|nah|not really)?\W*(?:only|just|purely)\s+(?:in\s+)?(?:my|the|his|her)\b",
    re.IGNORECASE,
)
# "It spreads", "it radiates": a place it goes to is read by the vocabulary's roles.
_SPREADS = re.compile(r"\b(?:spreads?|spreading|radiat\w+)\b", re.IGNORECASE)
# A general place made more precise is the same complaint: "back", then "lower back".
_REFINES = {
    "back": frozenset({"lower_back", "mid_back", "upper_back"}),
    "leg": frozenset({"thigh", "hamstring", "knee", "calf"}),
    "arm": frozenset({"elbow", "forearm"}),
}
_CLAUSE = re.compile(r"[,.;:!?]|\bbut\b|\bthough\b|\bexcept\b", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A painful place named in the message, with its side when one was said with it."""

    value: str
    start: int
    side: str | None = None
    spread_to_here: bool = False  # said after "goes to", "down", "into"...
    put_first: bool = False  # "mostly my shoulder", "the shoulder is the worst"


@dataclass(frozen=True)
class Heard:
    """What one message says about the pain."""

    main: Place | None = None
    others: tuple[Place, ...] = ()
    spreads_to: str | None = None
    side: str | None = None  # a side said for the main place or on its own ("left")
    quality: str | None = None
    duration: Duration | None = None
    severity: float | None = None
    worst: float | None = None  # the score of the worst moments, said beside the usual one
    spreads: bool | None = None
    correcting: bool = False
    usual_said: bool = False  # the usual score said in so many words ("5 usually")
    of_someone_else: bool = False  # every place named was told of someone else
    spread_denied_to: tuple[str, ...] = ()  # "it does NOT go to the leg"
    corrects_from: int = 0  # where the correction begins: places before it are not put right
    # ...and where it ends: "like I said" vouches for its own sentence only.
    corrects_until: int = _TO_THE_END
    quality_at: int = -1  # where the quality was said, when read from the message
    not_painful: tuple[str, ...] = ()  # places said not to hurt ("my foot doesn't hurt")
    # The places a correction says are the only ones ("no, it's ONLY his lower back").
    only_in: tuple[str, ...] = ()
    said_not: frozenset[str] = frozenset()  # a quality or a side said not to be ("not an ache")
    text: str = ""  # the message, for what it says of a value known before it
    # Limbs named only as what is moved ("it catches when I raise the arm"): no new place
    # once one is known.
    moved_limbs: tuple[str, ...] = ()
    # Places named only as where a fall landed or something rests ("I carry her on my
    # hip"): no new place once one is known.
    rested_on: tuple[str, ...] = ()
    # The duration is said of the pain itself ("the back pain has been going 5 weeks"):
    # it puts a different one known right.
    duration_of_the_pain: bool = False
    # Scores said not to be ("not 9 at worst, I was joking"), and the one said instead.
    scores_said_not: frozenset[float] = frozenset()
    score_instead: float | None = None


@dataclass
class Update:
    """The changed facts (slot -> value), and those that replaced a known value."""

    values: dict[str, Any] = field(default_factory=dict)
    corrected: list[str] = field(default_factory=list)
    put_first: str | None = None  # a further place the patient made the main one


def hear(
    text: str,
    entities: Iterable[Mapping[str, Any]],
    asked: str | None = None,
    yes_or_no: bool | None = None,
) -> Heard:
    """Reads the message's entities (with their offsets) and words.

    `asked` is the intake question the message may answer: then the whole message is read
    as that answer too ("5" is a severity, "3 weeks" a duration). `yes_or_no` is the
    message's yes or no, which answers "does it spread?".
    """
    # A button's entities have no place in the text: each gets its own before the start.
    entities = [
        e if "start" in e else {**e, "start": -1 - i, "end": -1 - i} for i, e in enumerate(entities)
    ]
    # "My husband has a bad back, my neck is the problem": his places are left out; with no
    # place of the writer's own they may be the patient's (a parent writing for a child).
    places_told = [e for e in entities if e.get("entity") == "body_part"]
    of_someone_else = bool(places_told) and all(e.get("role") == OTHERS for e in places_told)
    if not of_someone_else and any(e.get("role") == OTHERS for e in places_told):
        # "I can't sleep worrying about my mom... pain in her lower back down her left leg,
        # like a toothache in the leg": a writer who writes about another tells the
        # patient's places, the one said in a likeness too (outside run 59 p01: the leg).
        from clinic.safety.screening import writes_for_another  # it reads this package

        of_someone_else = writes_for_another(text)
    entities = [
        {**e, "role": None} if of_someone_else and e.get("role") == OTHERS else e
        for e in entities
        if of_someone_else or e.get("role") != OTHERS
    ]
    terms = [
        vocabulary.Term(e["entity"], e["value"], e["start"], e["end"], text[e["start"] : e["end"]])
        for e in entities
        if e.get("entity") in ("body_part", "side") and e.get("role") not in NOT_PAINFUL
    ]
    terms = _as_put_right(terms, text)
    denied = {e["start"] for e in entities if e.get("role") in NOT_PAINFUL}
    roles = {term.start: term.role for term in vocabulary.assign_roles(terms, text)}
    # "My right hip replacement", "my left knee is fine": the side of a place that is not
    # the pain's is not the pain's side.
    elsewhere = [
        e["start"] for e in entities if e.get("entity") == "body_part" and e["start"] in denied
    ]
    sides = [
        t
        for t in terms
        if t.entity == "side"
        and _is_side(t, text)
        and not any(0 <= start - t.end <= 1 for start in elsewhere)
    ]
    parts = [t for t in terms if t.entity == "body_part"]
    places = [
        Place(
            t.value,
            t.start,
            _side_of(t, sides, text, parts),
            _after_spread_word(t, text),
            vocabulary.puts_first(t, text),
        )
        for t in terms
        if t.entity == "body_part" and t.start not in denied
    ]
    moved = {t.start for t in parts if vocabulary.is_moved_limb(t, text)}
    landed = {t.start for t in parts if vocabulary.is_landed_on(t, text)}
    rested_on = tuple(p.value for p in places if p.start in landed)
    if len({p.value for p in places}) > 1:
        # "My shoulder hurts when I lift my arm": the limb moved says when, not where;
        # "landed on my hip, but the shoulder was sore before": where the fall landed.
        # "He'd say 4 if his arm fell off": a place only supposed.
        supposed = {t.start for t in parts if vocabulary.is_supposed(t, text)}
        places = [p for p in places if p.start not in moved | landed | supposed]
    # "My feet are fine": a place said fine is never added (outside run 122 s06: "type 2
    # diabetes, but it's well controlled, my feet are fine" noted a foot); a known one said
    # fine is put right by `_places_said_not` where that is meant.
    ends = {t.start: t.end for t in parts}
    places = [p for p in places if not _SAID_FINE_AFTER.match(text[ends.get(p.start, 0) :])]
    # A skin trouble's place or a place asked about for the needles keeps its side: it is
    # not the pain's either ("the rash... it was on my left shin").
    named = list(places)
    # "Three weeks ago I had cellulitis on my right forearm, it's healed": where a skin
    # trouble was, with no pain said of it, is no painful place (outside run 69 p07).
    # Where a device sits is no painful place either: "I have a pacemaker... It's on the
    # left side of my chest" (outside run 108 p07: "left chest" in the notes).
    troubles = [m.start() for m in (*_SKIN_TROUBLE.finditer(text), *_A_DEVICE.finditer(text))] + [
        e["start"] for e in entities
        if e.get("entity") == "contraindication" and e.get("value") in _OF_THE_SKIN
    ]  # fmt: skip
    places = [
        p for p in places
        if not (
            (_in_one_clause(text, p.start, troubles) or _where_it_was(text, p.start, troubles))
            and not _hurts_in_clause(text, p.start)
        )
    ]  # fmt: skip
    # "Type 2 diabetes, feet a lil numb": numb feet told with diabetes are its nerves', no
    # painful place (outside run 79 p06: "stiffness in your left neck, shoulder and foot").
    diabetes = [m.start() for m in _DIABETES.finditer(text)]
    of_diabetes = {
        p.start for p in places
        if not _pain_in_clause(text, p.start)
        and _numb_in_clause(text, p.start)
        # "diabetes type 1. my feet are numb-ish at night": just after it, too
        and (
            _in_one_sentence(text, p.start, diabetes)
            or any(0 < p.start - d < 80 for d in diabetes)
        )
    }  # fmt: skip
    places = [p for p in places if p.start not in of_diabetes]
    # "The knee isn't the problem", "take the FOOT off the list": no place of the pain.
    said_not = set(_places_said_not(text))
    places = [
        p for p in places
        if p.value not in said_not or (p.side and _both_sides_named(text))
    ]  # fmt: skip
    # "Do the needles go anywhere near my left arm?": where needles may go, asked, is no
    # painful place (outside run 73 p08: noted as pain in the left arm).
    places = [p for p in places if not _asked_for_the_needles(text, p.start)]
    # "Why do you ask about my legs?": the assistant's question quoted, no place told.
    quoted = vocabulary.why_we_ask(text)
    places = [p for p in places if not any(a <= p.start < b for a, b in quoted)]
    # "Does it go down your leg is probably your next question": a place said as "your" is
    # the assistant's words, not the patient's own (outside run 85 p02: "spreading to your
    # leg" for a pain into the buttock "but not further").
    places = [p for p in places if not _YOURS_BEFORE.search(text[max(0, p.start - 12) : p.start])]
    main = next((p for p in places if roles.get(p.start) is None), None)
    spreads_to = next((p.value for p in places if roles.get(p.start) == "radiates_to"), None)
    others = tuple(p for p in places if p is not main and roles.get(p.start) == "also")
    side = main.side if main else None
    if side is None and main is not None:
        # "sciatica, left leg": the same place named twice, its side with the second.
        side = next((p.side for p in places if p.value == main.value and p.side), None)
    spread_side = next((p.side for p in places if roles.get(p.start) == "radiates_to"), None)
    if side is None and spread_side:
        side = spread_side  # "sciatica down my right leg", "back pain into my left leg"
    bound = {p.side for p in named if p.side}
    # "The eczema is just on my left forearm": a side told with a complaint that is not a
    # pain is that complaint's (outside run 47: "left head").
    complaints = [e["start"] for e in entities if e.get("entity") == "other_complaint"]
    unbound = [
        t.value
        for t in sides
        if t.value not in bound
        # "It's on the left side of my chest" of a pacemaker: the device's side
        and not (
            (_in_one_clause(text, t.start, troubles) or _where_it_was(text, t.start, troubles))
            and not _hurts_in_clause(text, t.start)
        )
        and (
            asked == "side"
            or (_stands_as_side(t, text) and not _in_one_clause(text, t.start, complaints))
        )
    ]
    if side is None and (unbound or asked == "side"):
        # A side said on its own ("lower back, right side", "the left one") is the main
        # place's.
        side = unbound[0] if unbound else vocabulary.canonical("side", text)
    if side in ("left", "right") and _BOTH_ONE_WORSE.search(text):
        # "It's in both legs now, the left one is worse": both, the left the worse (outside
        # run 60 p02: "changed that to the left side").
        side = "both"
    quality_entities = [
        e
        for e in entities
        if e.get("entity") == "pain_quality"
        and not _said_of_another_place(e, parts, main, text)
        # "feet a lil numb" with diabetes: the diabetes' numbness, not the pain's
        and not (
            _in_one_sentence(text, e["start"], diabetes) and not _pain_in_clause(text, e["start"])
        )
        # "numb down there when I wipe": the saddle's, a warning sign, not how the pain
        # feels (outside run 107 p02: "changed that to numb")
        and not _SADDLE_AREA.search(_clause_around(text, e["start"]))
    ]
    # A quality said of the pain ("a burning ache", "feels like stabbing") before one read
    # from a thing ("a knot": outside run 124 v07, "tight pain" for "a burning ache").
    quality_entities.sort(key=lambda e: not _quality_of_the_pain(e, text))
    qualities = [e["value"] for e in quality_entities]
    quality = qualities[0] if qualities else None
    if quality is None and asked == "pain_quality":
        quality = vocabulary.canonical("pain_quality", text) or _quality_answered(text)
    # A past illness ("breast cancer 3 years ago") has its own time, as a condition does.
    conditions = [
        e["start"]
        for e in entities
        if e.get("start", -1) >= 0
        and (
            e.get("entity") in _CONDITIONS
            or (e.get("entity") == "warning_sign" and e.get("value") in HISTORY_COUNTS)
        )
    ]
    # An illness told beside the pain has its own time too ("a chest infection 2 weeks ago").
    conditions += [m.start() for m in _ILLNESS.finditer(text)]
    # A visit, a scan or weight lost has its own time too ("saw my doctor 3 weeks ago").
    conditions += [m.start() for m in _ANOTHER_EVENT.finditer(text)]
    # ...and numbness of the saddle ("since yesterday it feels numb down there").
    conditions += [m.start() for m in _SADDLE_AREA.finditer(text)]
    duration = _duration(text, main, conditions)
    if duration is None and asked == "pain_duration":
        duration = parsing.parse_duration(text)
    found = parsing.find_severity(text)
    severity = found[1] if found else None
    worst = parsing.worst_score(text, explicit=True)
    correcting = bool(_CORRECTION.search(text))
    corrects_from, corrects_until = _correction_span(text)
    if correcting and asked in SPREAD_QUESTIONS and not puts_right_in_words(text):
        # "yes i said, down the leg to knee and tingle in the foot": told again, with where
        # it goes; no place put right (outside run 79 p05: "changed that to foot").
        correcting = False
    if asked == "pain_severity" or (
        correcting and severity is None and _NUMBER_PUT_RIGHT.search(text)
    ):
        severity = parsing.parse_severity(text)  # "i said 7 not 5"
        worst = parsing.worst_score(text)
    # "Pain is 7 out of 10" said on its own again: the score put right.
    correcting = correcting or (found is not None and len(text.split()) <= _RESTATED_WORDS)
    # "It's 3 normally, 6 only when reaching up": the usual score said again is the score,
    # in a message of any length (outside run 76 p05: the 7 of the worst moments kept).
    usual_said = found is not None and parsing.says_the_usual_score(text)
    scores_said_not, score_instead = parsing.scores_said_not(text)
    if main is None and asked == "body_part":
        value = vocabulary.canonical("body_part", text)
        main = Place(value, 0) if value else None
    # "You wrote 'not spreading'": the summary's words quoted back deny nothing.
    own_words = _OUR_WORDS.sub(" ", text)
    spreads = _spreads(
        own_words, spreads_to, asked, yes_or_no, any(p.spread_to_here for p in places)
    )
    spread_denied_to: tuple[str, ...] = ()
    if spreads is False:  # "it doesn't go down my leg": the leg is not a painful place
        spread_denied_to = tuple(p.value for p in places if _denied_spread_to(p, text))
        spreads_to = None
        main = main if main is None or not main.spread_to_here else None
        main = main if main is None or main.value not in spread_denied_to else None
        others = tuple(
            p for p in others if not p.spread_to_here and p.value not in spread_denied_to
        )
    return Heard(
        main=main,
        others=others,
        spreads_to=spreads_to,
        side=side,
        quality=quality,
        duration=duration,
        duration_of_the_pain=duration is not None and _said_of_the_pain(text, duration.text),
        severity=severity,
        worst=worst,
        spreads=spreads,
        correcting=correcting,
        usual_said=usual_said,
        of_someone_else=of_someone_else,
        spread_denied_to=spread_denied_to,
        corrects_from=corrects_from,
        corrects_until=corrects_until,
        quality_at=quality_entities[0]["start"] if quality_entities else -1,
        scores_said_not=scores_said_not,
        score_instead=score_instead,
        said_not=_said_not(text),
        text=text,
        moved_limbs=tuple(p.value for p in places if p.start in moved),
        rested_on=rested_on,
        only_in=_only_in(text, [p.value for p in places]),
        # "Only left leg, right leg is ok": a place painful on one side is no place said
        # not to hurt (outside run 48).
        not_painful=tuple(
            place
            for place in (
                *(
                    e["value"]
                    for e in entities
                    if e.get("entity") == "body_part" and e.get("role") == "denied"
                ),
                *_places_said_not(text),
            )
            if not (place in {p.value for p in places if p.side} and _both_sides_named(text))
        ),
    )


# "Not an ache", "not the right": what follows is said not to be (not "not just tight").
_NOT_THIS = re.compile(
    r"\bnot\s+(?:an?\s+|(?:on|in)\s+(?:the|my|his|her|their)\s+|the\s+|my\s+|really\s+)?"
    r"([a-z]+)",
    re.IGNORECASE,
)


# "As I said", "I told you": the patient says a thing again, not that it was wrong.
_SAID_AGAIN = re.compile(r"\b(?:as\s+|like\s+)?i (?:said|told you|mentioned)\b", re.IGNORECASE)


def puts_right_in_words(text: str) -> bool:
    """Whether `text` says in so many words that something noted was wrong ("sorry, it's
    actually the left", "I mixed it up"), not merely that it says it again ("as I said")."""
    return bool(_CORRECTION.search(_SAID_AGAIN.sub(" ", text)))


# "No my back doesn't hurt!!": said not to hurt, where the "no" has already taken the
# place out of the places named.
_SAID_NOT_TO_HURT = re.compile(
    r"\b(?:my|the|his|her)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:doesn'?t|does not|isn'?t|is not)\s+"
    r"(?:\w+\s+)?(?:hurt|hurting|sore|painful|aching|bother|problem|issue)",
    re.IGNORECASE,
)


_SAID_FINE_AFTER = re.compile(
    r"^(?:'s|\s+(?:is|are|feels?|seems?))\s+(?:totally\s+|perfectly\s+|completely\s+)?"
    r"(?:fine|ok|okay|good|normal|alright|all right)\b",
    re.IGNORECASE,
)


# "I have NO chest pain", "no pain in my chest at all" (outside run 108 p07: the chest kept).
_NO_PAIN_IN = re.compile(
    r"\bno\s+([a-z]+)\s+(?:pain|ache|aches|soreness)\b"
    r"|\bno\s+pain\s+(?:at all\s+)?in\s+(?:my|the|his|her|their)\s+([a-z]+)",
    re.IGNORECASE,
)


# "Please take out the foot and the head", "remove foot": places asked to be taken off the
# notes, to the end of their clause.
_TAKE_OFF = re.compile(
    r"\b(?:remove|delete|take (?:out|off)|cross (?:out|off)|get rid of)\b([^.,;!?]*)"
    # "take the FOOT off the pain list", "take my knee out of the notes"
    r"|\b(?:take|cross|leave)\s+((?:the|my|her|his|their)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:off|out)\b",
    re.IGNORECASE,
)
# ...said of the notes, or asked: "take off my shirt and my shoulder hurts" removes nothing.
_OF_THE_NOTES = re.compile(
    r"^\W*(?:pls |please )?(?:remove|delete|take|cross|get rid)\b|\b(?:please|pls|plz|notes?|"
    r"summary|list|it says|from (?:it|there|that))\b",
    re.IGNORECASE,
)


# A place named as what explains something else, not as a pain: "she's unsteady but thats
# her knees", "wobbly because of his hips", "her knees are just old" (outside run 115 p03:
# the knee's questions, "stiffness in her neck and knee").
_THE_CAUSE_OF_ANOTHER = re.compile(
    r"\b(?:unsteady|wobbly|off balance|balance|slow\w*|walker|cane|stick|limp\w*|shuffl\w*"
    r"|trips?|tripping)\b[^.;!?]{0,40}?\b(?:that'?s|thats|that is|it'?s|its|it is|because of"
    r"|due to|from)\s+(?:her|his|my|their|the)\s+([a-z]+)"
    r"|\b(?:her|his|my|their|the)\s+([a-z]+)\s+(?:are|is)\s+just\s+(?:old|worn(?: out)?"
    r"|arthritic|getting old)\b",
    re.IGNORECASE,
)
# "Unsteady on her feet": a way of walking, no feet that hurt.
_ON_THEIR_FEET = re.compile(
    r"\b(?:unsteady|wobbly|steady|shaky|slow|frail)\s+on\s+(?:her|his|my|their)\s+(feet)\b",
    re.IGNORECASE,
)


def _places_said_not(text: str) -> tuple[str, ...]:
    """The places `text` says the pain is not in ("to my knee, not the foot", "no my back
    doesn't hurt") or asks to be taken off ("remove the foot and the head")."""
    text = text.replace("\u2019", "'")
    taken_off = tuple(
        place
        for match in (_TAKE_OFF.finditer(text) if _OF_THE_NOTES.search(text) else ())
        for word in re.findall(r"[a-z]+", (match[1] or match[2]).lower())
        if (place := vocabulary.canonical("body_part", word))
    )
    return taken_off + tuple(
        place
        for match in (
            *_NOT_THIS.finditer(text),
            *_SAID_NOT_TO_HURT.finditer(text),
            *_NO_PAIN_IN.finditer(text),
            *(m for m in _THE_CAUSE_OF_ANOTHER.finditer(text) if not says_it_hurts(m[0])),
            *_ON_THEIR_FEET.finditer(text),
        )
        if not _A_CAUSE_BEFORE.search(text, _clause_start(text, match.start()), match.start())
        and (said := next(group for group in match.groups() if group))
        and (
            (place := vocabulary.canonical("body_part", said))
            or (place := vocabulary.canonical("body_part", said.split()[-1]))
        )
    )


# "It's more on the left really", "actually it's the left one": a side said of "it".
_SIDE_OF_IT = re.compile(
    r"\b(?:it'?s|its|it is)\s+(?:(?:more|mostly|mainly|really|actually|all)\s+)?(?:on\s+)?"
    # Not "it's right in the middle": "right" as "just".
    r"(?:the\s+)?(left|right)\b(?!\s+(?:in|at|on|by|next|between|under|here|there|up|down|"
    r"across|through|into|around|behind|above|below|now|away)\b)(?:\s+(?:side|one|hand side)\b)?",
    re.IGNORECASE,
)


def _side_of_it(text: str) -> str | None:
    """The side a message says "it" is on, with no place after it ("it's the left knee" is
    the knee's)."""
    troubles = [m.start() for m in (*_SKIN_TROUBLE.finditer(text), *_A_DEVICE.finditer(text))]
    for found in _SIDE_OF_IT.finditer(text):
        following = re.match(r"\W*([a-z]+)", text[found.end() :], re.IGNORECASE)
        if following and vocabulary.canonical("body_part", following[1]):
            continue
        sentence = _start_before(text, found.start(), ".!?")
        before = _start_before(text, max(sentence - 1, 0), ".!?")
        if any(before <= trouble < found.start() for trouble in troubles):
            continue  # "I have a pacemaker... It's on the left side": the device's side
        return found[1].lower()
    return None


# "Only his lower back", "it's just the neck": the places said to be the only ones.
_ONLY_PLACE = re.compile(
    r"\b(?:only|just|purely|solely)\s+(?:in\s+)?(?:(?:my|the|his|her|their)\s+)?"
    r"([a-z]+(?:\s+[a-z]+)?)",
    re.IGNORECASE,
)


_NO_FURTHER = re.compile(r"no(?:thing|where)? further", re.IGNORECASE)
_YOURS_BEFORE = re.compile(r"\b(?:your|ur|yr)\s+(?:(?:left|right|lower|upper)\s+)?$", re.IGNORECASE)
# The summary's words quoted back (outside run 85 p04: "you write not spreading").
_OUR_WORDS = re.compile(
    # "why does it say not spreading??", "what do you mean not spreading?", "the summary
    # says no spreading" (outside run 107 p02: the quote read as a denial, twice).
    r"(?:\b(?:you|u)\s+(?:\w+\s+)?(?:put|wrote|write|written|said|say|says|have|has|got|noted"
    r"|recorded|typed|listed)|\b(?:it|that|this|summary|notes?)\s+(?:\w+\s+)?(?:say|says|said"
    r"|shows?|reads?)|\bwhat\s+(?:do|did)\s+(?:you|u)\s+mean|\bwhy)"
    r"\s*(?:down\s*)?[:\"'\u201c\u2018]?\s*(?:it'?s\s+|it is\s+)?"
    r"(?:not spreading|no spreading|doesn'?t spread|not spread|no spread)[\"'\u201d\u2019]?",
    re.IGNORECASE,
)
# Said of where the pain goes: "it goes to", "spreads into", "runs down".
_GOES_TO = re.compile(
    r"\b(?:goes|go|going|spreads?|spreading|runs?|running|radiates?|radiating|travels?"
    r"|shoots?|shooting)\s+(?:\w+\s+)?(?:to|into|down|up|round|around|through)\b",
    re.IGNORECASE,
)


# Words that tell how a pain feels only as the answer to that question: "pulling" is also
# what the patient was doing ("hurt it pulling weeds"), "tired" also how they feel.
_QUALITY_IN_AN_ANSWER = {
    "pulling": "tightness", "pulls": "tightness", "tugging": "tightness", "pulled": "tightness",
    "tired": "aching", "weary": "aching", "sore": "aching", "heavy": "dull",
}  # fmt: skip


def _quality_answered(text: str) -> str | None:
    """How the pain feels, in an answer to "how does it feel?" said in everyday words ("is
    like pulling, tired": outside run 94 p04, asked again)."""
    words = re.findall(r"[a-z]+", text.lower())
    return next((_QUALITY_IN_AN_ANSWER[w] for w in words if w in _QUALITY_IN_AN_ANSWER), None)


def _among(site: str, places: Iterable[str]) -> bool:
    """Whether `site` is one of `places`; "back" said plainly is the low, mid or upper back
    known ("only my back and hip": the lower back stays)."""
    return site in places or ("back" in places and site.endswith("_back"))


# A list of places: "head and neck", "my back and hip", to the clause's end.
_LIST_AFTER = re.compile(r"[^.,;!?]*?(?=$|[.,;!?]|\s+(?:but|though|mostly|worst|worse)\b)")
# Said as putting the notes right: "that's wrong", "no, ...", "nothing else", "ONLY".
_ONLY_PUT_RIGHT = re.compile(
    r"^\W*(?:no|nope|nah)\b|\bnothing else\b|\bno ?where else\b|\bnot (?:in )?(?:the|his|her|my)"
    r"\b|\bnothing in\b|\bONLY\b|\bremove\b|\btake (?:out|off)\b|\bare fine\b|\bis fine\b"
)


def _only_in(text: str, places: list[str]) -> tuple[str, ...]:
    """The places a message putting things right says are the only ones ("That's wrong,
    it's ONLY his lower back"); empty when it says no such thing, or says it of one place
    among others without putting anything right ("left, just my neck on the left")."""
    only = []
    for match in _ONLY_PLACE.finditer(text):
        place = vocabulary.canonical("body_part", match[1]) or vocabulary.canonical(
            "body_part", match[1].split()[0]
        )
        # "only head and neck", "only my back and hip": each place of the list counts
        # (outside run 84 p04: the neck lost), up to the clause's end.
        listed = _LIST_AFTER.match(text, match.start(1))
        named = [
            term.value
            for term in vocabulary.find_terms(listed[0] if listed else "")
            if term.entity == "body_part"
        ]
        # ...a list that starts with the place: "only sometime when the back pain come"
        # says when, not where (outside run 94 p04: a spread to the buttock dropped).
        if place:
            only += [p for p in [place] if p in places] + named
    if not only or not (_ONLY_PUT_RIGHT.search(text) or _CORRECTION.search(text)):
        return ()
    return tuple(dict.fromkeys(only))


# "Sick in the morning is from the baby, not headache": what a thing comes from, and the
# cause it is said not to be, is no place said not to hurt (outside run 52).
_A_CAUSE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|comes?|came)|'s)\s+from\b|\b(?:because|due to|caused by|cause of)\b",
    re.IGNORECASE,
)


def _start_before(text: str, at: int, stops: str = ",.;!?") -> int:
    """Where the clause (or, with `stops` ".!?", the sentence) holding `at` begins."""
    return max(text.rfind(stop, 0, at) for stop in stops) + 1


def _clause_start(text: str, at: int) -> int:
    """Where the sentence holding character `at` begins."""
    return _start_before(text, at, ".!?;")


# A value said as not the pain's: "not twenty years", or the message opening with a no
# ("Ha! No dear, forty-two years is how long I've been married").
_NOT_BEFORE = re.compile(r"\bnot\s+(?:\w+\s+)?$", re.IGNORECASE)
_OPENS_WITH_NO = re.compile(r"^\W*(?:\w+\W+)?(?:no|nope|nah)\b", re.IGNORECASE)


# A trouble of the skin, or an infection there: its place is not the pain's.
_SKIN_TROUBLE = re.compile(
    r"\b(?:cellulitis|infection|infected|rash|eczema|psoriasis|warts?|verrucas?|blisters?|"
    r"wounds?|graze|grazed|bites?|stings?|ulcers?|abscess|boils?|impetigo|shingles)\b",
    re.IGNORECASE,
)
_OF_THE_SKIN = frozenset({"skin_infection"})
_A_DEVICE = re.compile(
    r"\b(?:pacemaker|defibrillator|icd|implant|implants|port|stimulator|pump|device|stent)\b",
    re.IGNORECASE,
)


_THE_NEEDLES = re.compile(r"\b(?:needles?|needling|needled|needle)\b", re.IGNORECASE)
# Where they go, by a place: "near my left arm", "close to the breast" (not "for my back").
_NEAR_A_PLACE = re.compile(
    r"\b(?:near|close to|next to|by|around|away from)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _asked_for_the_needles(text: str, at: int) -> bool:
    """Whether the sentence around `at` asks where the needles go, and says nothing hurts."""
    start = _start_before(text, at, ".!?")
    ends = [i for i in (text.find(stop, at) for stop in ".!?") if i >= 0]
    end = min(ends, default=len(text))
    sentence = text[start : end + 1]
    near = _NEAR_A_PLACE.search(text[start:at])
    return bool(
        "?" in sentence and near and _THE_NEEDLES.search(sentence) and not says_it_hurts(sentence)
    )


_NUMB_WORD = re.compile(r"\b(?:numb\w*|tingl\w*|pins and needles)", re.IGNORECASE)
_PAIN_WORD = re.compile(
    r"\b(?:hurt\w*|pain\w*|ache|aches|aching|achy|sore|throb\w*|burn\w*|stab\w*|shoot\w*)\b",
    re.IGNORECASE,
)


def _numb_in_clause(text: str, at: int) -> bool:
    return bool(_NUMB_WORD.search(_clause_around(text, at)))


def _pain_in_clause(text: str, at: int) -> bool:
    """Whether the clause around `at` names a pain (numbness alone is not one)."""
    return bool(_PAIN_WORD.search(_clause_around(text, at)))


def _clause_around(text: str, at: int) -> str:
    start = max((m.end() for m in re.finditer(r"[,.;:!?]", text[:at])), default=0)
    end = next((m.start() + at for m in re.finditer(r"[,.;:!?]", text[at:])), len(text))
    return text[start:end]


def _hurts_in_clause(text: str, at: int) -> bool:
    """Whether the clause around `at` says something hurts ("my left wrist aches since I
    cut it")."""
    return says_it_hurts(_clause_around(text, at))


# "It was on my forearm", "it's on her shin": where "it" is, said of a thing before.
_WHERE_IT_IS = re.compile(
    r"\b(?:it|that|this)\s*(?:was|is|'s|were)\s+(?:on|in|over)\s+(?:\S+\s+){0,5}$", re.I
)


def _where_it_was(text: str, at: int, troubles: list[int]) -> bool:
    """Whether the place at `at` is where "it", a trouble named in the sentence before or
    this one, was ("the arm infection I mentioned? It was on my forearm")."""
    sentence = _start_before(text, at, ".!?")
    before = _start_before(text, max(sentence - 1, 0), ".!?")
    return bool(_WHERE_IT_IS.search(text[sentence:at])) and any(
        before <= trouble < at for trouble in troubles
    )


_DIABETES = re.compile(r"\b(?:diabet\w*|t[12]d|type [12])\b", re.IGNORECASE)


def _in_one_sentence(text: str, at: int, others: list[int]) -> bool:
    """Whether any of `others` (character offsets) is in the sentence of `at`."""
    return any(
        other >= 0 and not re.search(r"[.;!?]", text[min(at, other) : max(at, other)])
        for other in others
    )


def _in_one_clause(text: str, at: int, others: list[int]) -> bool:
    """Whether any of `others` (character offsets) is in the clause of `at` ("the eczema is
    on my left forearm": yes; "my LEFT side, I mix it up when I'm tired": no)."""
    for other in others:
        a, b = sorted((at, other))
        if other >= 0 and not re.search(r"[,.;:!?]", text[a:b]):
            return True
    return False


def _both_sides_named(text: str) -> bool:
    """Whether the message names the left and the right."""
    return bool(re.search(r"\bleft\b", text, re.I) and re.search(r"\bright\b", text, re.I))


# The pain as what lasts: "the back pain has been going 5 weeks", "my neck pain is for 3
# weeks", "it started 10 days ago"; not "it got worse after the drive 2 days ago".
_PAIN_LASTS = re.compile(
    r"\b(?:pain|ache|aches|aching|hurt\w*|sore\w*|it)\b(?:\s+(?:has|have|had|is|was|'s))?"
    r"(?:\s+(?:been|really|only|just|actually))*\s+(?:for|since|going(?: on)?|lasted|"
    r"started|began|begun|came on)\b",
    re.IGNORECASE,
)


def _said_of_the_pain(text: str, said: str) -> bool:
    """Whether the duration `said` is told in a clause where the pain is what lasts."""
    at = text.lower().find(said.lower())
    if at < 0:
        return False
    start = _start_before(text, at)
    return bool(_PAIN_LASTS.search(text[start : at + len(said)]))


def _disowned(text: str, value: str) -> bool:
    """Whether `text` names the known `value` only to say it is not the pain's: "not 5
    months", "no, ...", or as someone's age ("it's her age that's 6 weeks", "4 months is
    how old my son is")."""
    at = text.lower().find(value.lower()) if value else -1
    if at < 0:
        return False
    start = _start_before(text, at)
    ends = [i for i in (text.find(stop, at) for stop in ",.;!?") if i >= 0]
    clause = text[start : min(ends, default=len(text))]
    return bool(
        _NOT_BEFORE.search(text[:at]) or _OPENS_WITH_NO.match(text) or _AN_AGE.search(clause)
    )


_AN_AGE = re.compile(r"\b(?:age|aged|how old|old|born)\b", re.IGNORECASE)


_BOTH_ONE_WORSE = re.compile(
    r"\bboth\b[^.!?]{0,40}\b(?:left|right)(?: one| side| leg| arm)?\s+(?:is\s+|'s\s+)?"
    r"(?:just\s+|a bit\s+|slightly\s+|much\s+)?worse\b|\bboth\b[^.!?]{0,40}\bworse on the "
    r"(?:left|right)\b",
    re.IGNORECASE,
)


def _said_not(text: str) -> frozenset[str]:
    """The qualities and sides `text` says the pain is not."""
    found = set()
    for match in _NOT_THIS.finditer(text):
        for entity in ("pain_quality", "side"):
            if value := vocabulary.canonical(entity, match[1]):
                found.add(value)
    return frozenset(found)


def update(
    known: Mapping[str, Any],
    heard: Heard,
    asked: str | None = None,
    for_someone_else: bool = False,
) -> Update:
    """How the message changes what is known (see the module's docstring).

    `known` holds the intake's slots; `asked` is the question the message answers, if any;
    `for_someone_else` says the writer tells of another's pain (a parent for a child), so
    places told of someone else are the patient's.
    """
    result = Update()
    told_sides = [p.side for p in (heard.main, *heard.others) if p is not None and p.side]
    if heard.of_someone_else and known.get("body_part") and not for_someone_else:
        # "My wife might come too, her legs go numb": her places are not this patient's.
        heard = replace(heard, main=None, others=(), spreads_to=None, side=None, spreads=None)
    if known.get("body_part") and (heard.moved_limbs or heard.rested_on):
        # "Sharp when I lift the arm" of a known shoulder: when it hurts, not where; "I
        # carry her on my left hip": where she rests (outside run 66 p03), and its side too.
        moved = (*heard.moved_limbs, *heard.rested_on)
        main = heard.main if heard.main and heard.main.value not in moved else None
        others = tuple(p for p in heard.others if p.value not in moved)
        spreads_to = heard.spreads_to if heard.spreads_to not in moved else None
        side = heard.side
        if heard.main is not None and main is None and side == heard.main.side:
            side = None
        heard = replace(heard, main=main, others=others, spreads_to=spreads_to, side=side)

    def offer(slot: str, value: Any, *also: tuple[str, Any]) -> None:
        current = known.get(slot)
        if value is None or value == current:
            return
        # A place made precise ("the upper back") puts the place right, not the rest.
        correcting = heard.correcting if slot in _PLACE_SLOTS else said_correcting
        if (
            slot == "pain_quality"
            and heard.quality_at >= 0
            and heard.corrects_until < _TO_THE_END
            and not heard.corrects_from <= heard.quality_at < heard.corrects_until
        ):
            correcting = False  # "like I said" of another sentence
        # "No, it stays in his back" to "where does it spread to?" answers whether it does.
        answered = asked == slot or (asked in SPREAD_QUESTIONS and slot in SPREAD_QUESTIONS)
        disowned = slot == "pain_duration" and (
            _disowned(heard.text, str(current or "")) or heard.duration_of_the_pain
        )
        # "It's in both legs now": both takes in the one side known; it contradicts nothing.
        widened = slot == "side" and value == "both" and current in ("left", "right")
        restated = slot == "pain_severity" and heard.usual_said
        if (
            current is None
            or answered
            or correcting
            or disowned
            or widened
            or restated
            or current in heard.said_not
        ):
            result.values[slot] = value
            result.values.update(also)
            if current is not None:
                result.corrected.append(slot)

    known_sites = list(known.get("pain_sites") or [])
    if known.get("body_part") and not known_sites:
        known_sites = [known["body_part"]]
    sites = list(known_sites)
    sides = dict(known.get("site_sides") or {})
    # "Lower back ... my back": the general name of a place known or named is that place.
    heard = _without_general_names(
        heard,
        [
            *known_sites,
            *([heard.main.value] if heard.main else []),
            *(p.value for p in heard.others),
        ],
    )
    if heard.main is not None and heard.main.value in heard.not_painful:
        # "My back doesn't hurt, I meant the one I lie on": a place said not to hurt is put
        # in by nothing said beside it (outside run 51: "I've changed that to back").
        heard = replace(heard, main=None)
    main = heard.main
    said_correcting = heard.correcting
    if (
        main is not None
        and main.value in _REFINES.get(known.get("body_part") or "", ())
        and not main.spread_to_here  # "tingly down the back of the thigh": where it spreads
    ):
        heard = replace(heard, correcting=True)
    if main is not None and main.put_first and main.value in known_sites[1:]:
        # "The shoulder is the worst": a further place becomes the main one, with its side;
        # the old main place becomes a further one with its own.
        return _put_first(known, heard, main, asked)
    # "a zing down the leg when i get up, oh sorry, it's the left side": the correction is
    # of the side; the leg said before it is still where the pain goes.
    place_put_right = (
        heard.correcting
        and main is not None
        and heard.corrects_from <= main.start < heard.corrects_until
    )
    further_side = False  # a side put right for a further place, not the main one
    known_main = known.get("body_part")
    if main is not None and main.value != known_main and known_main in heard.not_painful:
        # "My knee is fine, it's my back that hurts": the main place put right by saying
        # that it does not hurt.
        heard, place_put_right = replace(heard, correcting=True), True
    spread = known.get("radiates_to")
    # "Which side?" answered "is right side. The right leg.": the leg's side is the pain's.
    side_of_spread = asked == "side" and main is not None and main.side is not None
    own_side = next((o.side for o in heard.others if o.value == known_main and o.side), None)
    if side_of_spread and own_side and main is not None and main.value != known_main:
        # "right arm. neck is kind of both sides": the neck's own side, said, is its side;
        # the arm's is only the spread's (outside run 115 p08: the neck on the right).
        heard, main, side_of_spread = replace(heard, main=None, side=own_side), None, False
    if (place_put_right or side_of_spread) and main is not None and main.value != known_main:
        if spread and main.value in (spread, *_ALONG.get(spread, ())):
            # "Actually the right leg, not the left" of a back pain down the leg: the side
            # is put right (the spine's side is the leg's), the place stays the back; "it
            # goes down to my calf, not just the hamstring": how far it reaches, put right.
            reach = main.value if main.spread_to_here and main.value != spread else None
            heard = replace(
                heard, main=None, side=heard.side or main.side, spreads_to=reach or heard.spreads_to
            )
            main = None
        elif main.value in known_sites[1:] and (main.side or heard.side):
            # "Sorry, the right shoulder" of a further place: its side is put right; "the
            # headache is across my forehead both sides, not left" too, the side said apart
            # (outside run 80 p07: the head made the main place, the neck lost).
            sides[main.value] = main.side or heard.side
            heard = replace(heard, main=None, side=None)
            main, further_side = None, True
    known_spread = known.get("radiates_to")
    if (
        main is not None
        and known_spread
        and main.value in (known_spread, *_ALONG.get(known_spread, ()))
        and main.side == "both"
        and known.get("body_part") not in (None, main.value)
    ):
        # "No, both legs, worse on the left": where it spreads, on both sides now; the place
        # stays the back (outside run 60 p02).
        heard = replace(heard, main=None, side="both")
        main = None
    if main is not None and known.get("body_part") not in (None, main.value):
        # "Correction: it goes down to my calf, not just the hamstring": where it reaches,
        # put right (outside run 68 p05), not a new main place.
        if main.spread_to_here and (
            not place_put_right
            or known.get("radiates_to")
            # "Please correct: pain goes to top of shoulder" of a neck said not to spread:
            # the spreading put right, the neck kept (outside run 85 p04).
            or (_GOES_TO.search(heard.text) and known_main not in heard.not_painful)
        ):
            heard = _spreading_to(heard, main.value)  # "goes to the back of my thigh"
            main = None
        elif asked in SPREAD_QUESTIONS and not place_put_right:
            # "It stays in the back of his thigh" names where it stays: no spread, and
            # the same complaint in other words, not a new one.
            stays = heard.spreads is False
            if stays and _TOO.search(_clause_around(heard.text, main.start)):
                # "no. sometimes the back of my neck feels stiff too": another painful place
                # (outside run 110 p01: lost, "not spreading").
                heard = replace(heard, main=None, others=(*heard.others, main))
            else:
                heard = replace(heard, main=None) if stays else _spreading_to(heard, main.value)
            main = None
        elif not (place_put_right or asked == "body_part"):
            heard = _also(heard, main)
            main = None
    if main is not None:
        offer("body_part", main.value)
        if result.values.get("body_part"):
            replaced = known.get("body_part")
            sites = list(dict.fromkeys(main.value if site == replaced else site for site in sites))
            sites = sites if main.value in sites else [main.value, *sites]
            sides.pop(main.value, None)
    side = heard.side
    if side is None and main is not None and main.value == known.get("body_part"):
        side = main.side
    if side is None and known.get("side") in heard.said_not and not further_side:
        # "The middle of his back, not the left": no side; "down the arm... it's the LEFT
        # hand not right": the side said with a place of the same pain (outside run 58).
        result.values["side"] = next((s for s in told_sides if s not in heard.said_not), None)
        result.corrected.append("side")
    stated = _side_of_it(heard.text) if side is None and main is None else None
    if stated and known.get("side") not in (None, stated, "both"):
        # "Actually it's more the left side": the pain's side put right (outside run 66 p03).
        result.values["side"] = stated
        result.corrected.append("side")
    offer("side", side)
    offer("pain_quality", heard.quality)
    if known.get("radiates_to") and known["radiates_to"] in heard.spread_denied_to:
        # "No no, it does NOT go to the leg": the spread known, named and denied, whatever
        # was asked.
        result.values.update(pain_radiates=False, radiates_to=None)
        result.corrected.append("radiates_to")
    elif known.get("radiates_to") in heard.not_painful and heard.spreads_to != known.get(
        "radiates_to"
    ):
        # "...to my knee, not the foot": where it spreads put right; "the knee itself is
        # fine, it goes down to behind the knee" puts nothing right (outside run 62 p04).
        result.values["radiates_to"] = heard.spreads_to
        if heard.spreads_to is None:
            # "It's neck not shoulder": the only place it went is taken back, so it does not
            # spread (outside run 80 p07: "not spreading", then "Where does it spread to?").
            result.values["pain_radiates"] = False
        result.corrected.append("radiates_to")
    elif heard.spreads_to is not None:
        offer("radiates_to", heard.spreads_to)
        offer("pain_radiates", True)
        if result.values.get("radiates_to"):
            # Where it spreads, taken: it spreads, whatever "not spreading" was held before.
            result.values["pain_radiates"] = True
    elif heard.spreads is not None:
        offer("pain_radiates", heard.spreads)
        if heard.spreads is False and "pain_radiates" in result.values:
            result.values["radiates_to"] = None
    elif asked in SPREAD_QUESTIONS and _names_where_it_is(heard, known_sites):
        offer("pain_radiates", False)  # "back of head. pounding": where it is, no further
    if heard.duration is not None:
        offer("pain_duration", heard.duration.text, ("pain_duration_days", heard.duration.days))
    # A score known and said not to be is taken back, whatever was asked ("not 9 at worst
    # btw, I was joking" at the booking: outside run 105 p07).
    taken_back = {
        slot for slot in ("pain_severity", "pain_worst") if known.get(slot) in heard.scores_said_not
    }
    if "pain_severity" in taken_back and heard.score_instead not in (None, known["pain_severity"]):
        result.values["pain_severity"] = heard.score_instead
        result.corrected.append("pain_severity")
    else:
        offer("pain_severity", heard.severity)
    # The worst score taken back is read as none known before this message.
    before = {**known, "pain_worst": None} if "pain_worst" in taken_back else known
    _keep_worst(before, heard, result, asked == "pain_severity" or said_correcting)
    if "pain_worst" in taken_back and result.values.get("pain_worst") is None:
        result.values["pain_worst"] = None
        result.corrected.append("pain_worst")
    main_place = result.values.get("body_part") or known.get("body_part")
    # A further place said not to hurt after all is taken off ("my foot doesn't hurt").
    sites = [site for site in sites if site == main_place or site not in heard.not_painful]
    if heard.only_in:
        # "That's wrong, it's ONLY his lower back": the others, and a spread, come off.
        sites = [site for site in sites if _among(site, heard.only_in)]
        if known.get("radiates_to") not in (None, *heard.only_in) and not heard.spreads_to:
            result.values.update(pain_radiates=False, radiates_to=None)
            result.corrected.append("radiates_to")
    # Where it spreads, told now, or known when this message speaks of the spreading ("it
    # goes to the buttock and the back of the leg until knee": the leg known).
    spreading = asked in SPREAD_QUESTIONS or heard.spreads or heard.spreads_to is not None
    spread = {heard.spreads_to, known.get("radiates_to") if spreading else None} - {None}
    along = {part for place in spread for part in _ALONG.get(place, ())}
    for other in heard.others:
        if other.value in (main_place, known.get("radiates_to"), heard.spreads_to):
            continue
        if other.value in along:
            continue  # "to the left leg, until the knee": how far it goes, not a new place
        if other.value in heard.not_painful:
            continue  # "Tennis elbow? My elbow doesn't hurt": named, and said not to hurt
        if other.value not in sites:
            sites.append(other.value)
        if other.side:
            sides[other.value] = other.side
    if main_place and main_place not in sites:
        sites.insert(0, main_place)
    if sites != known_sites and sites:
        result.values["pain_sites"] = sites
        if set(known_sites) - set(sites) - {known.get("body_part")}:
            result.corrected.append("pain_sites")  # "only the lower back": said back
    if sides != dict(known.get("site_sides") or {}):
        result.values["site_sides"] = sides
    return result


def _keep_worst(known: Mapping[str, Any], heard: Heard, result: Update, answered: bool) -> None:
    """The worst score beside the usual: the highest said, or the one given when the score
    is answered or put right; none once the usual reaches it."""
    known_worst = known.get("pain_worst")
    worst = known_worst
    if heard.worst is not None:
        worst = heard.worst if answered or known_worst is None else max(heard.worst, known_worst)
    usual = result.values.get("pain_severity", known.get("pain_severity"))
    if worst is not None and (usual is None or worst <= usual):
        worst = None
    if worst != known_worst:
        result.values["pain_worst"] = worst


# The parts of a limb a spread down it passes ("down my leg as far as the ankle").
_ALONG = {
    **{part: vocabulary.LEG_PARTS for part in vocabulary.LEG_PARTS},
    **{part: vocabulary.ARM_PARTS for part in vocabulary.ARM_PARTS},
}


def _without_general_names(heard: Heard, known_sites: list[str]) -> Heard:
    """ "My back" said of a known lower back is the same place, not another one."""

    def general(place: Place | None) -> bool:
        if place is None or place.spread_to_here:  # "down my leg" from the knee: it spreads
            return False
        return bool(_REFINES.get(place.value, frozenset()).intersection(known_sites))

    main = None if general(heard.main) else heard.main
    others = tuple(p for p in heard.others if not general(p))
    if heard.main is not None and main is None:
        # "Pain in my back, between the shoulder blades": the back made precise in the same
        # message is the main place (outside run 56 p03: "back" and "upper back").
        refined = next((p for p in others if p.value in _REFINES[heard.main.value]), None)
        if refined is not None:
            main = replace(refined, side=refined.side or heard.main.side)
            others = tuple(p for p in others if p is not refined)
    return replace(heard, main=main, others=others)


def _put_first(known: Mapping[str, Any], heard: Heard, main: Place, asked: str | None) -> Update:
    """The update when the patient puts a known further place first: it swaps with the main
    one, each keeping its side; the rest of the message is read as usual."""
    old_main, sides = known["body_part"], dict(known.get("site_sides") or {})
    side = main.side or sides.pop(main.value, None)
    sides.pop(main.value, None)
    if known.get("side"):
        sides[old_main] = known["side"]
    sites = [main.value, *(p for p in known["pain_sites"] if p != main.value)]
    swapped = {**known, "body_part": main.value, "side": side, "pain_sites": sites,
               "site_sides": sides}  # fmt: skip
    result = update(swapped, replace(heard, main=None), asked)
    result.values = {"body_part": main.value, "side": side, "pain_sites": sites,
                     "site_sides": sides, **result.values}  # fmt: skip
    result.put_first = main.value
    return result


def _also(heard: Heard, place: Place) -> Heard:
    """The message's main place becomes a further one (the main complaint is known)."""
    side = None if place.side == heard.side else heard.side
    return replace(heard, main=None, others=(place, *heard.others), side=side)


def _said_of_another_place(
    quality: Mapping[str, Any], parts: list[vocabulary.Term], main: Place | None, text: str
) -> bool:
    """Whether a quality is said in a sentence about another place than the main one
    ("my feet are numb. but my main thing is my shoulder": the shoulder is not numb)."""
    if main is None or quality.get("start", -1) < 0:
        return False
    bounds = [0, *(m.end() for m in re.finditer(r"[.!?;\n]", text)), len(text) + 1]
    sentence = next(
        ((a, b) for a, b in pairwise(bounds) if a <= quality["start"] < b),
        None,
    )
    if sentence is None:
        return False
    inside = {t.value for t in parts if sentence[0] <= t.start < sentence[1]}
    return bool(inside) and main.value not in inside


def _as_put_right(terms: list[vocabulary.Term], text: str) -> list[vocabulary.Term]:
    """The places and sides of a message that puts itself right: a place or side said
    before "wait no" gives way to one said after it."""
    mended = _PUT_RIGHT.search(text)
    if not mended:
        return terms
    after = {t.entity for t in terms if t.start >= mended.end()}
    if re.search(r"\b(?:left|right)\b", text[mended.end() :], re.IGNORECASE):
        after.add("side")  # "...no just my right leg": the side said with the place
    return [t for t in terms if t.start >= mended.end() or t.entity not in after]


def _spreading_to(heard: Heard, place: str) -> Heard:
    return replace(heard, main=None, spreads_to=place)


def _after_spread_word(place: vocabulary.Term, text: str) -> bool:
    """Whether a spreading word comes just before the place ("goes to the back of my
    thigh", "down my leg"), in its clause."""
    before = _CLAUSE.split(text[max(0, place.start - 40) : max(0, place.start)])[-1]
    if _TO_DO_WITH.search(before):
        return False  # "nothing to do with the neck"
    words = re.findall(r"[a-z']+", before.lower())[-5:]
    return bool(vocabulary.SPREAD_WORDS.intersection(words))


_TO_DO_WITH = re.compile(r"\bto do with\b", re.IGNORECASE)
_FEELS_LIKE = re.compile(r"\b(?:feels?|felt|feeling)\s+(?:\w+\s+)?(?:like\s+)?(?:an?\s+)?$", re.I)


def _quality_of_the_pain(entity: dict[str, Any], text: str) -> bool:
    """Whether a quality is said of the pain: a pain word after it ("burning ache") or a
    feeling before it ("feels like a burning"), not of a thing ("a knot")."""
    start, end = entity.get("start", -1), entity.get("end", -1)
    if start < 0:
        return False
    following = (text[end:].split() or [""])[0].strip(",.!?").lower()
    return following in vocabulary.PAIN_WORDS or bool(
        _FEELS_LIKE.search(text[max(0, start - 30) : start])
    )


def _is_side(term: vocabulary.Term, text: str) -> bool:
    """A side, unless "both" says what both places do ("my knee and ankle both ache")."""
    following = (text[term.end :].split() or [""])[0].strip(",.!?").lower()
    said_of = following in vocabulary.PAIN_WORDS or vocabulary.is_pain_quality(following)
    return term.value != "both" or not said_of


_SIDE_BEFORE = frozenset({"the", "my", "his", "her", "their", "on", "to", "both", "and", "or"})
_SIDE_AFTER = frozenset({"side", "sided", "one", "hand", "and", "or", "too", "only", "mostly"})


def _stands_as_side(term: vocabulary.Term, text: str) -> bool:
    """A side word with no place beside it counts as a side only where it reads as one:
    "the left one", "on the right", "right side", or a message of a few words ("left").
    "You're open till 8, right?", "right in the middle", "I left work early" are not."""
    before = re.findall(r"[a-z']+", text[: max(term.start, 0)].lower())[-1:]
    after = re.findall(r"[a-z']+", text[term.end :].lower())[:1]
    if term.start < 0 or len(text.split()) <= 4 or term.value == "both":
        return True  # a button, a short answer, or "both" (no other sense that matters)
    if len(term.text.split()) > 1:
        return True  # "right side", "the left one": the side said as one
    return bool(_SIDE_BEFORE.intersection(before) or _SIDE_AFTER.intersection(after))


# The saddle area, in everyday words: numbness there is a warning sign's, not the pain's.
_SADDLE_AREA = re.compile(
    r"\b(?:down there|wip(?:e|es|ing)|between (?:my|her|his|the) legs|groin|genitals?|privates?|"
    r"private parts|saddle|crotch|inner thighs?|back passage)\b",
    re.IGNORECASE,
)
# A place named to say where the pain is beside it: "on the right near my butt cheek".
_LANDMARK = re.compile(r"\b(?:near|next to|close to|beside|by|towards?)\b", re.IGNORECASE)


def _side_of(
    place: vocabulary.Term,
    sides: list[vocabulary.Term],
    text: str,
    parts: list[vocabulary.Term] = (),
) -> str | None:
    """The side said with a place: just before it ("left knee") or just after in its clause
    ("knee on the left", "hip hurts on the right side"), unless another place named in
    between or just after the side takes it ("neck and right shoulder")."""

    def between_another(start: int, end: int) -> bool:
        return any(start <= p.start and p.end <= end for p in parts if p is not place)

    for side in sides:
        if side.end <= place.start and not _CLAUSE.search(text[side.end : place.start]):
            between = text[side.end : place.start].split()
            if _LANDMARK.search(text[side.end : place.start]):
                continue  # "low down on the right near my butt cheek": the pain's side
            if len(between) <= 2 and not between_another(side.end, place.start):
                return side.value
    for side in sides:
        if side.start >= place.end and not _CLAUSE.search(text[place.end : side.start]):
            between = text[place.end : side.start].split()
            taken = any(0 <= p.start - side.end <= 8 for p in parts if p is not place)
            if len(between) <= 4 and not taken and not between_another(place.end, side.start):
                return side.value
    return None


def _clauses(text: str) -> list[tuple[int, str]]:
    """The message's clauses with their offsets (split at punctuation, "but", "though")."""
    clauses, start = [], 0
    for match in _CLAUSE.finditer(text):
        clauses.append((start, text[start : match.start()]))
        start = match.end()
    clauses.append((start, text[start:]))
    return [(offset, clause) for offset, clause in clauses if clause.strip()]


# "Like I said", "as I told you": a fact said again, in its own sentence.
_SAID_BEFORE = re.compile(r"\b(?:like|as)\s+(?:i|we)\s+(?:said|told you|mentioned)\b", re.I)


def _correction_span(text: str) -> tuple[int, int]:
    """Where the message's correction begins and ends: from its cue on; a "like I said" is
    its own sentence only ("since sat like i said lol. ...been pounding since" puts right
    no quality: outside run 110 p05)."""
    cue = _CORRECTION.search(text)
    if cue is None:
        return 0, _TO_THE_END
    again = next(
        (m for m in _SAID_BEFORE.finditer(text) if m.start() <= cue.start() < m.end()), None
    )
    if again is None:
        return cue.start(), _TO_THE_END
    start = max((m.end() for m in re.finditer(r"[.!?;]\s", text[: again.start()])), default=0)
    stop = re.search(r"[.!?;](?:\s|$)", text[again.end() :])
    return start, again.end() + stop.start() if stop else _TO_THE_END


# A place that hurts besides: "my neck is stiff too", "...as well".
_TOO = re.compile(r"\b(?:too|as well|also|aswell)\b", re.IGNORECASE)
# A place told as where something is: "on my", "near the".
_WHERE_IT_IS = re.compile(
    r"\b(?:on|in|near|at|over|by|around|across|under|above|below)\s+(?:(?:my|his|her|the|"
    r"their|your|a)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _duration(text: str, main: Place | None, conditions: list[int] = ()) -> Duration | None:
    """How long the main complaint has lasted: with several durations in the message, the
    one said in the main place's clause ("arthritis for 20 years, but since Tuesday my
    shoulder aches" is since Tuesday). One said of a condition, not of the pain ("my last
    seizure was 4 years ago"), is not the pain's."""
    clauses = _clauses(text)
    if not clauses:
        return None  # nothing but spaces or stops
    found = []
    # Of the thing named in a clause before: "a boil on my lower back where it hurts, red n
    # hot, had it like a week" (outside run 110 p08: two months of pain became a week).
    after_a_condition = False
    for (offset, clause), (end, _) in zip(clauses, [*clauses[1:], (len(text), "")], strict=True):
        duration = parsing.find_duration(clause)
        at = clause.find(duration.text) if duration else -1
        if at >= 0 and parsing.of_a_pregnancy(text, offset + at, offset + at + len(duration.text)):
            duration = None  # "I am pregnant, 14 weeks": the pregnancy's, read with its clause
        of_the_pain = main is not None and offset <= main.start < end
        of_a_condition = any(offset <= start < end for start in conditions)
        of_its_own = of_the_pain or of_a_condition or bool(_PAIN_WORD.search(clause))
        if not of_its_own:
            of_a_condition = after_a_condition  # nothing of its own: the one before's
        # The thing the clause is about: the condition, unless the pain is told in it too,
        # save as where the condition is ("a boil on my lower back"), not "pregnant and my
        # low back aches by evening".
        after_a_condition = of_a_condition and (
            not of_the_pain
            or (
                any(offset <= start < main.start for start in conditions)
                and bool(_WHERE_IT_IS.search(text[max(offset, main.start - 25) : main.start]))
            )
        )
        if duration and (of_the_pain or not of_a_condition):
            found.append((offset, end, duration))
    if not found:
        return None
    if len(found) == 1:
        return found[0][2] if conditions else parsing.find_duration(text)
    marks = list(_CORRECTION.finditer(text))
    put_right = [d for _, end, d in found if marks and end > marks[-1].start()]
    if put_right and any(start < marks[-1].start() for start, _, _ in found):
        return put_right[0]  # "for 3 weeks... sorry, more like 5 weeks": the one put right
    # "On and off for years, it got bad again 10 days ago": the flare's time is the pain's
    # now (outside run 85 p02, p03: "started few years ago", "for ages").
    flare = [d for start, end, d in found if _FLARE.search(text[start:end])]
    if flare and len(flare) < len(found):
        return flare[-1]
    in_main_clause = (d for start, end, d in found if main and start <= main.start < end)
    return next(in_main_clause, found[0][2])


# A pain come back or worse lately: "flared up", "bad again", "much worse for", "this time".
_FLARE = re.compile(
    r"\b(?:flare\w*|again|this time|this one|this episode|this bout|(?:much |a lot |way )?worse"
    r"|came back|come back|coming back|kicked off|started up)\b",
    re.IGNORECASE,
)


def _denied_spread_to(place: Place, text: str) -> bool:
    """Whether the place is named in a denial of spreading ("it not go in the leg", "it
    doesn't go down my leg"), in the denial's own clause."""
    for match in _DENIES_SPREAD.finditer(text):
        # "No it doesnt spread, just neck and top of shoulders": where it is, after "just"
        # (outside run 94 p03: the shoulders were dropped).
        clause_end = re.search(r"[.;!?]|\b(?:but|just|only|simply|stays?)\b", text[match.end() :])
        end = match.end() + (clause_end.start() if clause_end else len(text))
        if match.start() <= place.start < end:
            return True
    return False


def _names_where_it_is(heard: Heard, known_sites: list[str]) -> bool:
    """Whether an answer to "does it spread?" only names a place already known as painful
    (and says nothing of spreading)."""
    main = heard.main
    return (
        main is not None
        and not main.spread_to_here
        and main.value in known_sites
        and all(other.value in known_sites for other in heard.others)
    )


# A no, then only the places it is in: "nope only the neck", "no just neck and shoulders".
_NO_THEN_ONLY = re.compile(
    r"^\W*(?:no|nope|nah|naw|not really)\W+(?:it'?s\s+|its\s+)?(?:just|only|simply)\b",
    re.IGNORECASE,
)


def opening_yes_or_no(text: str) -> bool | None:
    """A yes or no the message opens with, in a few words before its first stop ("No, just
    my neck and head. Since March."); how the pain feels is no yes ("stiff mostly": its
    "mostly" answers nothing)."""
    if _NO_THEN_ONLY.match(text):
        return False  # "no just neck and tops of shoulders" (outside run 70 p04)
    # "I said no lol", "like I said, no": the answer given again (outside run 115 p07: "Sorry,
    # I didn't catch that").
    text = without_said_again(text)
    first = re.split(r"[.,;!?]|\s-\s", text.strip(), maxsplit=1)[0]
    if not 0 < len(first.split()) <= 3:
        return None
    said = yes_or_no(first)
    if said is True and describes_the_pain(first) and not plain_yes(first):
        return None
    return said


def _spreads(
    text: str,
    spreads_to: str | None,
    asked: str | None,
    yes_or_no: bool | None,
    spread_word_place: bool = False,
) -> bool | None:
    """Whether the pain spreads, if the message says: "doesn't spread", "goes down to".."""
    stays = _STAYS.search(text)
    if stays and spreads_to and _NO_FURTHER.fullmatch(stays[0]):
        return True  # "into my buttock at times but no further": how far it goes
    if stays:
        return False
    if spreads_to:
        return True
    if _SPREADS.search(text):
        return True
    if _ONLY_HERE.search(text) and not spread_word_place:
        return False
    if asked in SPREAD_QUESTIONS:
        return yes_or_no
    return None
