"""What an answer to a red-flag question says: yes, no, or not sure.

A patient rarely answers a safety question with a bare "yes": they describe ("barely anything
comes out"), hedge ("kinda i guess"), or wander off. The answer is read for what it says:

- a warning sign the question asks about, said in the answer, is a yes; denied, a no;
- the answer's own words for yes and no ("a bit", "sometimes", "i think so"; "nope",
  "all normal") come next, then the intent the model heard;
- a hedge ("not sure", "maybe", "kinda"), or a yes and a no at once ("no. a bit blurry after
  screens"), is `UNSURE`, and anything else is `UNCLEAR`.

On a red-flag question an unsure or unclear answer is never taken as a no: the caller asks
once more in plainer words, then takes the sign as possible (see `actions.safety`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from clinic.intake import answer_before_question, question_after_answer
from clinic.language.context import DEGREES, LESS_SAID_OF, is_another_person
from clinic.language.numbers import WEIGHT_UNITS
from clinic.safety.advice import denies_doctor_check, without_statement_of_safety
from clinic.safety.red_flags import HISTORY_COUNTS, LEVEL_ORDER, SIGNS, ScreenQuestion
from clinic.safety.screening import (
    CONCEPT,
    SIGN,
    SORE_FROM_EXERCISE_SIGNS,
    only_soreness_from_exercise,
    read,
    red_flags_for,
)
from clinic.vocabulary import find_terms

YES = "yes"
NO = "no"
UNSURE = "unsure"
UNCLEAR = "unclear"

# A partial yes is a yes on a safety question: "a bit" of numbness is numbness.
_YES = (
    r"yes|yeah|yea|yep|yup|ya|yh|yess+|aye|sure|definitely|certainly|correct"
    r"|i do|i have|i am|i did|it is|it does|it has|they are|they do|that's right|thats right"
    r"|a bit|a little|a little bit|bit|slightly|sometimes|occasionally|now and then|on and off"
    r"|a few times|once or twice|i think so|think so|i believe so|probably|pretty much|kind of yes"
    r"|suppose so|i suppose|i'd say so|i would say so|i reckon"
    r"|sort of yes|mostly|some"
)
_NO = (
    # "...propped up it's no better": a comparison, no answer.
    r"no(?!\s+(?:better|worse|different|easier|help|use)\b)"
    r"|nope|nah|naw|nay|not really|not at all|none|nothing|never|neither|no way"
    r"|i don't|i dont|i haven't|i havent|it isn't|it doesn't|not that i know|not that i've noticed"
    r"|not that ive noticed|not as far as i know|fine|all fine|all good|all normal|normal|all ok"
    r"|nothing like that|no change|no changes|same as always|as usual|the usual|nothing new"
    r"|not new|same as last|always had|known about"
)
_UNSURE = (
    r"not sure|unsure|maybe|perhaps|possibly|might be|may be|could be"
    # "kind of numb" doubts; "kind of a wimp", "what kind of needles" name a kind of thing.
    r"|(?<!what )(?<!which )(?<!any )(?<!some )(?<!this )(?<!that )(?<!the )(?<!a )"
    r"(?:kinda|kind of|sort of|sorta)(?! an?\b)"
    r"|i guess|guess so|dunno|don't know|dont know|idk|no idea|hard to say|can't say"
    r"|cant say|can't tell|cant tell|not certain|unclear|hmm+|um+|erm+|eh"
)
# An answer said as a question ("yes?", "not that I know of? it's been fine") is unsure; an
# answer said with force and a question of the patient's own after it ("No!? why are you
# asking me that") is not.
_DENIED_STATEMENT = re.compile(
    r"\b(?:they are|they're|it is|it's|i am|i'm|i have|it has|they do|i do|it does|i did)"
    r"\s+(?:not|never)\b"
)
_SURPRISE = re.compile(
    r"^\W*(?:wait\s+|um+\s+|uh+\s+)?(?:what|huh|eh|sorry|excuse me|pardon|wtf|why|seriously|really)"
    r"\s*[?!]+\s*"
)
# A reminder the answer was given already: "I already said,", "like I told you -", "as I
# said before:" (outside run 76 p02: the yes after it was dropped and the question asked
# again).
_SAID_BEFORE = re.compile(
    r"^\W*(?:(?:like|as)\s+i\s+(?:said|told\s+(?:you|u)|mentioned|wrote|answered)|i\s+(?:already|"
    r"just)\s+(?:said|told\s+(?:you|u)|answered|wrote)(?:\s+(?:that|this))?)"
    r"(?:\s+(?:before|already|earlier|above|twice))?\s*[,.:;!\-\u2013\u2014]+\s*"
)
# An answer said as a question ("not that I know of?", "no?"): unsure. Not when indignant
# ("no?? it's only my throat") or when a plain statement follows it ("nope? I have a cold").
_ASKED_BACK_RE = re.compile(r"^\W*[^.!?]{0,40}?\?+(?:\s*$|\s+[^.!]*\?\s*$)")

# Taking back the yes just given: "sorry, I meant no", "wrong button", "pressed yes by mistake".
_TAKEN_BACK = (
    r"mistake|mistakenly|by accident|accidentally|misclick\w*|mis-click\w*|misread"
    r"|wrong button|wrong one|pressed the wrong|clicked the wrong|tapped the wrong|meant no"
    r"|meant to say no|meant to press no|meant to click no|didn't mean|didnt mean|did not mean"
    r"|oops|whoops|i mean no|actually no|no wait|wait no|sorry,? no|that was wrong|undo"
    r"|i didn't say yes|i didnt say yes|misunderstood|wrong answer|not what i meant"
    r"|(?:answered|said|put|clicked|pressed|tapped|typed|picked)(?: it| that| this)? wrong(?:ly)?"
    # The no said before, said again: "I said nah", "I answered nope to that".
    r"|i (?:said|answered|wrote|put|told you)(?: it)? (?:no|nah|nope|none|not|never)"
    r"|(?:my|the) answer (?:is|was|to \w+(?: \w+){0,4}) no"
    # The question itself was not understood: asked again, plainly.
    r"|(?:didn'?t|did not|don'?t|do not) (?:get|understand) (?:the|your|that) question"
    r"|(?:didn'?t|did not) understand"
    # A yes narrowed: "sorry, I meant only when I run for the bus", "only if I sprint".
    r"|i (?:only )?meant (?:only|just)|only (?:when|if|after) i\b"
)
# The assistant's own question not understood ("which ones what? I don't understand",
# "what you mean?"): it is asked again, never answered with "I don't know".
_NOT_UNDERSTOOD_RE = re.compile(
    r"(?:n'?t|\bnot|\bno) (?:understand|get (?:it|that|the question|you))\b"
    r"|\bwhat (?:do )?you mean\b|\bwhat does that mean\b|\bwhich ones what\b|\bconfus\w*",
    re.IGNORECASE,
)


def question_not_understood(text: str) -> bool:
    """Whether the patient says they did not understand the question asked."""
    return bool(_NOT_UNDERSTOOD_RE.search(text))


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])")


_YES_RE, _NO_RE, _UNSURE_RE = _words(_YES), _words(_NO), _words(_UNSURE)
_STRONG_YES_RE = _words(r"yes|yeah|yea|yep|yup|ya|yh|yess+|aye|definitely|i am|i do|i have")
# Questions about thoughts, not the body: a description of the pain does not answer them.
_ABOUT_THOUGHTS = frozenset({"check_safe"})


def describes_the_pain(text: str) -> bool:
    """Whether the answer names how or where it hurts ("sharp", "my lower back")."""
    return any(term.entity in ("pain_quality", "body_part") for term in find_terms(text))


def plain_yes(text: str) -> bool:
    """Whether the text says yes in so many words ("yes", "yeah", "I do"), not only in the
    words a yes may hide in ("a bit", "mostly")."""
    return bool(_STRONG_YES_RE.search(" ".join(text.lower().split())))


_TAKEN_BACK_RE = _words(_TAKEN_BACK)
# "I am 34", "I'm 34 years old": the age said, with the "I am" that is no yes here.
_AGE_SAID_RE = re.compile(r"\b(?:i am|i'm|im|age|aged)?\s*\d+\s*(?:years?|yrs?|y/?o)?(?: old)?")
_UNSURE_AMOUNT_RE = re.compile(
    r"\b(?:maybe|perhaps|possibly|about|around|roughly|approx\w*)\s+(?:half an?|\d+(?:\.\d+)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)\b"
)
_OWN_AGE_RE = re.compile(
    r"\b(?:i am|i'm|im)\s+(?:a\s+)?\d{1,3}\b(?:\s*(?:years?|yrs?|y/?o)(?: old)?)?"
)


# Disputing what was read from the patient's words: "I never said sudden", "that's wrong".
_DISPUTES_RE = re.compile(
    # "You didn't say, is it my heart?" asks; "I didn't say sudden" disputes.
    r"\b(?:never said|(?<!\byou )(?<!\bu )(?:didn'?t|did not) say|not what i (?:said|meant)"
    r"|that'?s (?:wrong|not right|not true)|you misread|you got (?:it|that) wrong|i never)\b"
)


# "I don't have a fever": a dispute when what follows is a sign ("I don't have a car" is
# how to get there, outside run 40).
_I_DONT_HAVE = re.compile(r"\bi (?:don'?t|do not) have (?:a|any)\b(?P<rest>[^.,;!?]*)")


# What the assistant didn't say: "u still didnt say what to wear" asks, it disputes nothing.
_YOU_DID_NOT_SAY = re.compile(
    r"\b(?:you|u|ya)\s+(?:[a-z']+\s+){0,2}?(?:(?:didn'?t|did not) say|never said)\b"
)


def disputes(text: str) -> bool:
    """Whether the patient says what was read from their words is wrong."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    lowered = _YOU_DID_NOT_SAY.sub(" ", lowered)
    if _DISPUTES_RE.search(lowered) or takes_back_yes(lowered):
        return True
    found = _I_DONT_HAVE.search(lowered)
    return bool(found and any(m.kind == SIGN for m in read(found["rest"])))


# A slip of a button: with no yes just given to take back, it is of another button (the
# needling checklist's), never a dispute of a warning sign read from the patient's words.
_BUTTON_SLIP_RE = re.compile(
    r"\b(?:wrong (?:button|one)|(?:pressed|clicked|tapped|hit) the wrong \w+|mis-?click\w*"
    r"|by (?:accident|mistake)|accidentally|oops|whoops)\b"
)


def disputes_words(text: str) -> bool:
    """Whether the patient says what was read from their words is wrong, a button's slip
    aside ("sorry wrong button, none of them apply" to the needling checklist)."""
    return disputes(_BUTTON_SLIP_RE.sub(" ", " ".join(text.lower().replace("\u2019", "'").split())))


def takes_back_yes(text: str) -> bool:
    """Whether a message right after a yes says the yes was a mistake. The caller asks the
    question again rather than taking a no on trust: a safety yes is never just dropped."""
    return bool(_TAKEN_BACK_RE.search(" ".join(text.lower().replace("\u2019", "'").split())))


# Something absent until a time is there since: "not until this morning", "I didn't get
# them till I retired". Said of something new, "before" means the same: "never had them
# before this spring" ("no, had them before" has no denial of its own and stays a no).
_ABSENT_UNTIL = re.compile(
    r"(?:\b(?:never|not|no|didnt|hadnt|havent|wasnt)|n't)\b(?:\s+[\w']+){0,5}?\s+(?:until|till|til)\b"
)
# ...not an appointment still to come: "her oncologist appointment isn't until January"
# (outside run 95 p08: a no to the heart's question read as a yes, and 911).
_TO_COME = re.compile(
    r"\b(?:appointment|appt|visit|review|scan|check-?up|follow-?up|booked|due|next|tomorrow"
    r"|later|will|going to|won'?t|wont)\b|'ll\b"
)


def _absent_until(lowered: str) -> bool:
    """Whether the answer says the sign was absent until lately ("not until this morning"),
    not that something is still to come."""
    return any(
        not _TO_COME.search(lowered[max(0, found.start() - 40) : found.end() + 25])
        for found in _ABSENT_UNTIL.finditer(lowered)
    )


_ABSENT_BEFORE = re.compile(
    r"(?:\b(?:never|not|didnt|hadnt|havent|wasnt)|n't)\b(?!\s+(?:new|different|changed|worse)\b)"
    r"(?:\s+[\w']+){0,5}?\s+before\b"
)
# Headaches that began lately: "started this year", "only began in march", "since the spring".
_BEGAN_LATELY = re.compile(
    r"\b(?:start|started|began|begun|begin|came on|appeared)\b[^.?!]{0,20}\b(?:this|last) "
    r"(?:year|spring|summer|autumn|fall|winter|month|few months)\b"
    r"|\b(?:only|just|first) (?:started|began|begun|came on)\b"
    r"|\b(?:started|began|begun)\b[^.?!]{0,12}\b(?:in|since) (?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december|the spring|the summer|the autumn|"
    r"the fall|the winter)\b"
)
# Questions about headaches changing, and an answer that they are the kind they always were.
_ABOUT_CHANGE = frozenset({"headache_new_after_50", "headache_changed", "headache_pattern_change"})
_SAME_AS_EVER = re.compile(
    r"\bsame (?:kind|type|sort|as (?:always|usual|ever|before|normal))\b|\bsame as usual\b"
    r"|\b(?:as|like) (?:always|usual)\b"
    # Steady since they began: "stayed the same since spring", "stable for months".
    r"|\b(?:been|stayed|staying|remained|pretty much|always|just) (?:the )?same\b"
    r"|\b(?:stable|steady|unchanged)\b|\bnot (?:getting )?(?:any )?worse\b|\bno worse\b"
)
# Headaches getting worse lately, as a trend: not "worse when I'm stressed".
_WORSENING = re.compile(
    r"\b(?:getting|got|gotten|been|become|becoming|grown|growing) (?:a lot |much |a bit |way |"
    r"far |steadily )?worse\b|\bworse (?:lately|recently|this|the (?:last|past)|these|over)\b"
    r"|\b(?:most|every|nearly every|almost every) days? now\b|\b(?:daily|constant) now\b"
)
_NOT_WORSE = re.compile(r"\bnot (?:getting )?(?:any )?worse\b|\bno worse\b")
_GROWING = re.compile(r"\b(?:worse|every day|daily|constant|all the time|wake|woke|waking)\b")
# One side named: "only right", "just the left one", "one side only".
_ONE_SIDE = re.compile(
    r"\b(?:only|just|purely)\s+(?:on\s+|in\s+)?(?:the\s+|my\s+)?(?:left|right)\b"
    r"|\b(?:left|right|one)(?:\s+\w+)?\s+only\b|\b(?:only|just)\s+(?:the\s+)?one\s+(?:side|leg|arm)\b"
)


_LEFT_OUT_OF_HISTORY = {sign.name: sign.unless for sign in SIGNS if sign.name in HISTORY_COUNTS}


def _names_what_the_sign_leaves_out(sign: str, lowered: str) -> bool:
    """Whether the answer about a past illness names a kind its sign leaves out (a basal
    cell skin cancer is no cancer history). Only for history: a symptom's `unless` words
    ("after", "running") tell when it is harmless, not that a yes is a no."""
    leaves_out = _LEFT_OUT_OF_HISTORY.get(sign, ())
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in leaves_out)


_HAVE_SOMETHING_ELSE = re.compile(
    r"\b(?:i have|i've got|ive got|i do have|i am|i'm|im)\s+(?:\w+\s+){0,3}?(?:diabet\w*|"
    r"pacemaker|asthma|arthritis|(?:high )?blood pressure|epilepsy|thyroid|pump|afib|heart block|"
    r"copd|implant|lymph\w*|osteoporosis|eczema|psoriasis|migraines?)\b"
)


# Breath short with effort: "short breath when i climb stair", "puffed on the stairs".
_BREATH_WITH_EFFORT = re.compile(
    r"\b(?:short(?:\s+of)?\s+breath|out of breath|breathless|puffed|puffing|winded|puff)\b"
    r"[^.;!?]{0,40}\b(?:when|on|with|climb\w*|stairs?|stair|hills?|uphill|walk\w*|running|run)\b",
    re.IGNORECASE,
)
# Put down to something known: the pregnancy, asthma, age, "normal for her", "for years".
_PUT_DOWN_TO_THE_KNOWN = re.compile(
    r"\b(?:baby|pregnan\w*|asthma\w*|copd|afib|a-?fib|emphysema|unfit|out of shape|normal for"
    r"|always (?:been|had|like)|for years|the weight)\b",
    re.IGNORECASE,
)
_ASSOCIATED_ONLY = frozenset({"breathless", "sweating", "nausea"})


def _breath_put_down_to_the_known(text: str, said: set[str], question: ScreenQuestion) -> bool:
    """Whether the answer to the heart's question tells only breath short with effort, put
    down to something known, with no pain brought on by effort and no chest pain."""
    breath = _BREATH_WITH_EFFORT.search(text)
    if not (breath and _PUT_DOWN_TO_THE_KNOWN.search(text)):
        return False
    told = said & {question.sign, *question.covers, *question.named}
    # The effort read as the pain's is the breath's here ("short breath when i climb").
    told -= {"comes_on_exertion"}
    return told <= _ASSOCIATED_ONLY and len(told) <= 1


def read_answer(
    question: ScreenQuestion,
    text: str,
    said: Collection[str],
    denied: Collection[str],
    intent: str | None = None,
) -> str:
    """`YES`, `NO`, `UNSURE` or `UNCLEAR` for `text` given in answer to `question`.

    `said` and `denied` are the warning signs the safety reading found in the same text;
    `intent` what the model heard (`affirm` or `deny` count only when the words don't decide).
    """
    asked = {question.sign, *question.covers}
    said, denied = set(said), set(denied)
    if question.sign == "cardiac_warning" and _breath_put_down_to_the_known(text, said, question):
        # "no chest pain. little bit short breath when i climb stair to subway but is the
        # baby i think" (outside run 117 p04 and p03: 911, three times): the heart's pattern
        # is chest pressure with breathlessness, sweating or sickness, or effort bringing on
        # the pain; breath short on the stairs, put down to something known, is none of them.
        return NO
    if _CONCLUDING_NO.search(text.lower()):
        # "I have just explained that. The pain started before the fall. So no.": the no it
        # ends on, whatever "I have" opened with (outside run 61 p07: a doctor today); with
        # the sign told in it too, asked again plainly.
        return UNSURE if said & asked else NO
    if denied & set(question.after) and question.sign not in said:
        return NO  # "I never fell, I'm 64" to how the fall happened: there was no fall
    if said & (asked | set(question.named)) or _raises_what_it_guards(question, said):
        return YES
    if denied & asked and _no_to_another_part(question, " ".join(text.lower().split())):
        # "Well a bit harder yes, no accidents": the no is of the accident, one part; the
        # yes of another (outside run 107 p02, unsafe: the bladder sign read as denied).
        return YES
    if denied & asked or denied & set(question.denied_means_no):
        return NO

    if (
        asked & _PAIN_NOTHING_EASES
        and _WITH_MOVEMENT.search(text.lower())
        and not _AT_NIGHT.search(text.lower())
    ):
        # "It is mostly when I move, lying still is alright": pain that movement brings on
        # is the mechanical kind; its "it is" and "mostly" are no yes (outside run 68 p07).
        return NO
    if question.name == "check_exertion" and _only_legs_or_low_back(text):
        # "Walking a while makes the leg worse, she sits on a bench and it eases": the
        # legs' or the spine's, not the heart's (outside run 102 p02: 911 for the heart).
        return NO
    if question.name == "check_exertion" and _concepts_told(text) >= _EFFORT_THEN_REST:
        # "I dont think so? ...yesterday he had to stop halfway up the stairs and sit for a
        # min, all sweaty, then he was fine": the question's yes, told as a story (outside
        # run 103 p08: "Thank you, that helps", and booked).
        return YES
    if asked & _PAIN_NOTHING_EASES and _EASED_BY_A_POSITION.search(
        _NO_EASE.sub(" ", text.lower().replace("\u2019", "'"))
    ):
        # "Nights are bad but on his side with a pillow it's better": a pain a position
        # eases is the mechanical kind (outside run 100 p04: asked twice more).
        return NO
    if "weight_loss" in asked and _GAINED.search(text.lower()) and not _LOST.search(text.lower()):
        # "No, opposite, I gain weight haha because I am pregnant" (outside run 102 p04).
        return NO
    if (
        "weight_loss" in asked
        and not (_ON_PURPOSE.search(text.lower()) or _NOT_LOST.search(text.lower()))
        and (_AMOUNT_LOST.search(text.lower()) or _NOT_TRYING.search(text.lower()))
    ):
        # "I just said, 15 lbs. He's not dieting.": an amount, or not trying said, is the
        # yes (outside run 71 p04: asked again "to be sure").
        return YES
    if "bladder_or_bowel_control" in asked and _LEAK_UNFELT.search(text.lower()):
        return YES  # "I don't feel it coming", "wet myself without noticing"
    if "bladder_or_bowel_control" in asked and _STRESS_LEAK.search(text.lower()):
        # "A tiny bit when I sneeze or laugh": the pelvic floor's, common in pregnancy and
        # after it, not the nerves' (outside run 85 p06: 911 at 24 weeks).
        return NO
    if asked & SORE_FROM_EXERCISE_SIGNS and only_soreness_from_exercise(text):
        # "Yes, but only sore from the gym" to "pain ... in both legs?": the muscles after
        # work, not what the question is there for.
        return NO
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    if _names_what_the_sign_leaves_out(question.sign, lowered):
        return NO  # "yes, the basal cell one": not the cancer the question asks about
    if question.sign == "headache_new_after_50" and _BEGAN_LATELY.search(lowered):
        # "They only started this year, I'm 56, same kind every time": new, however alike
        # each one is (outside run 49: read as the same as ever, a no).
        return YES
    worsening = any(
        not re.search(r"(?:\b(?:not|never|no)|n't)\s+(?:\w+\s+)?$", lowered[: m.start()])
        for m in _WORSENING.finditer(lowered)
    )  # "not getting worse", "they haven't got worse": no trend
    if _ABOUT_CHANGE & {question.sign, *question.covers} and worsening:
        # "Worse this last week or so, most days now. Same kind though": changing, however
        # alike each one is (outside run 54: a man of 78 on warfarin was booked).
        return YES
    if (
        _ABOUT_CHANGE & {question.sign, *question.covers}
        and _SAME_AS_EVER.search(lowered)
        and not _GROWING.search(_NOT_WORSE.sub(" ", lowered))
    ):
        return NO  # "a bit more often with stress, but the same type as always"
    if (
        "both" in question.text.lower()
        and _ONE_SIDE.search(lowered)
        and not _YES_RE.search(lowered)
    ):
        return NO  # "only right" to "in both legs?"
    if (
        question.sign == "other_warning"
        and not said - {"back_pain", "neck_pain"}  # where it hurts is no new sign
        and _ONE_LIMB_NUMB.search(lowered)
    ):
        # "not really, the outside of my foot feels a bit dead but I guess thats the nerve":
        # the spreading pain's own numbness, which the region's screen asks about next
        # (both legs, weakness getting worse, the saddle); no new worry (outside runs 95 and
        # 96 p02: the same long question again, then a doctor today).
        return NO
    if _absent_until(lowered) or (_ABOUT_CHANGE & asked and _ABSENT_BEFORE.search(lowered)):
        return YES  # "not until this morning", "never had them before this spring"
    # "What?? no, absolutely not": surprise at the question, then the answer.
    lowered = _SURPRISE.sub("", lowered) or lowered
    # "As I said before - no she never had it": the answer after the reminder it was given.
    lowered = _SAID_BEFORE.sub("", lowered) or lowered
    # "It isn't that numb", "not numb numb, just duller": less than the word, said of a
    # sign, is some of it (outside run 84 p02: a no read, and an emergency withdrawn).
    lowered = _LESS_THAN.sub(lambda m: f"a bit {m['word'] or m['twice']}", lowered)
    # "i'll ask. ... he says no": the answer passed on from the patient is the answer,
    # whatever was said before it (outside run 86 p08: not understood).
    relayed = list(_PASSED_ON.finditer(lowered))
    if relayed and not _UNSURE_RE.search(lowered[relayed[-1].end() :]):
        return NO if relayed[-1]["answer"] in ("no", "nope", "nah") else YES
    # "They are not new": the "they are" of a no is no yes.
    lowered = _DENIED_STATEMENT.sub("not", lowered)
    if question.name in _ABOUT_THOUGHTS:
        lowered = without_statement_of_safety(lowered)  # "I'd never act on it" is no "no"
    if said & set(question.ruled_out_by):
        # "I am 34" to "new since you turned 50?": a no, unless a yes follows the age.
        rest = _AGE_SAID_RE.sub(" ", lowered)
        return YES if _YES_RE.search(rest) and not _NO_RE.search(rest) else NO
    if question.name in _ABOUT_THOUGHTS and describes_the_pain(lowered):
        # "It is a sharp pain, mostly on the right" to "are you having thoughts of ending
        # your life?" tells about the pain; its "it is" and "mostly" are no yes. Asked again.
        strong_yes, no = bool(_STRONG_YES_RE.search(lowered)), bool(_NO_RE.search(lowered))
        if strong_yes != no:
            return YES if strong_yes else NO
        return UNCLEAR
    # "No. I am 44": the "I am" of an age is no yes, whatever the question.
    lowered = _OWN_AGE_RE.sub(" ", lowered)
    # Read before the others' clauses go: "no leaks, but he can hardly get anything out" is
    # the patient's when one writes for him.
    tells_after_no = question.sign in _NERVE_SIGNS and bool(_NO_THEN_TELLS.search(lowered))
    # "No. My mum may come, she gets dizzy sometimes": hers is no part of the answer.
    lowered = without_others(lowered)
    # "I have type 1 diabetes and a pacemaker" to "have you ever had cancer?": what else the
    # patient has, no yes to this question (outside run 64 p07: the cancer team today).
    something_else = bool(_HAVE_SOMETHING_ELSE.search(lowered))
    lowered = _HAVE_SOMETHING_ELSE.sub(" ", lowered)
    # "Yeah, maybe 10 pounds": the hedge is on how much, not on whether.
    lowered = _UNSURE_AMOUNT_RE.sub(" ", lowered)
    # "Before I click yes, ...", "I'll say yes once...": a yes talked about is none yet.
    lowered = _ANSWER_TALKED_ABOUT.sub(" ", lowered)
    # "Nope. Does insurance cover it? I have United": the answer is what comes before the
    # patient's own question; what follows it is about that question (outside run 72 p07:
    # the insurer's "I have" read as a yes). Signs told anywhere were read above.
    asked_too = question_after_answer(lowered)
    asked_back = _UNSURE_RE.search(asked_too) or _ASKED_BACK_RE.match(asked_too.strip())
    if asked_too and not asked_back and (opening := answer_before_question(lowered)):
        lowered = opening  # ("no? maybe?", "no?? should I be?" stay unsure: asked back)
    yes, no = bool(_YES_RE.search(lowered)), _says_no(lowered)
    if yes and denied & set(question.requires):
        # "My neck is stiff yeah, no fever i think" to "a fever with a stiff neck...?": the
        # yes is for the part it is built without; asked again, plainly, never a yes.
        return UNSURE
    hedged = bool(_UNSURE_RE.search(lowered) or _ASKED_BACK_RE.match(lowered))
    if hedged and not (
        yes and not no and (_leads(_YES_RE, lowered) or _DEGREE_THEN_YES.match(lowered))
    ):
        # "yeah kinda" leads with a yes; "kinda i guess", "maybe?", "not sure" do not.
        return UNSURE
    if yes and not no:
        return YES
    if no and not yes and tells_after_no:
        # "No, he can hold it fine, just can't get much out", "no not numb, more funny":
        # the rest tells of the sign in other words (outside run 61 p05: booked).
        return UNSURE
    if no and not yes:
        return NO
    if yes and no and _leads(_NO_RE, lowered) and _OPPOSITE_RE.search(lowered):
        return NO  # "nope, if anything I've gained some": the rest says the opposite way
    if yes and no and _no_to_its_own_words(question, lowered):
        return NO  # "Not tearing, no. It does wrap round the front sometimes"
    if yes and no and _no_to_another_part(question, lowered):
        # "Well a bit harder yes, no accidents" to "is it hard to pass urine, or have you
        # leaked or had an accident?": a yes to one part (outside run 107 p02, unsafe: unsure,
        # never asked again, and the sciatica booked).
        return YES
    if yes and no:
        # "no. bit blurry after hours on screens", "only the usual, a little leak when I
        # sneeze": both at once is not an answer yet; asked again, plainly (never a no).
        return UNSURE
    if intent == "affirm" and not something_else:  # the model heard "I have" as a yes
        return YES
    if intent == "deny":
        return NO
    return UNCLEAR


_ALL_WELL = re.compile(r"\b(?:fine|normal|ok|okay|good|no problem|all good|as usual)\b")
_A_NO_TO = re.compile(r"\b(?:no|not|never|without)\s+(?:any\s+|an?\s+)?([a-z']{4,})")


def _no_to_another_part(question: ScreenQuestion, lowered: str) -> bool:
    """Whether an answer to a question of several parts ("hard to pass urine, or leaked?")
    says no only to a part named in the question's words, and yes in another clause."""
    if " or " not in question.text or _ALL_WELL.search(lowered):
        return False  # "yes, peeing is fine": a yes that says all is well
    stems = {word[:4] for word in re.findall(r"[a-z']{4,}", question.text.lower())}
    clauses = re.split(r"[,.;!?]|\bbut\b|\bthough\b", lowered)
    noes = [c for c in clauses if (m := _A_NO_TO.search(c)) and m[1][:4] in stems]
    yeses = [c for c in clauses if _YES_RE.search(c) and not _says_no(c.strip())]
    return bool(noes and yeses) and all(c not in noes for c in yeses)


_COMMON_WORDS = frozenset({
    "since", "there", "about", "would", "could", "which", "where", "their", "these", "those",
    "other", "start", "started", "still", "think", "that's", "you're", "pain",
})  # fmt: skip


def _no_to_its_own_words(question: ScreenQuestion, lowered: str) -> bool:
    """Whether the answer's first sentence says no in the question's own words ("Not
    tearing, no."), and what follows tells of something else, unhedged (outside run 84
    p07: "It does wrap round the front sometimes" made the no unsure, then 911)."""
    parts = re.split(r"(?<=[.!?;])\s+", lowered, maxsplit=1)
    if len(parts) < 2 or question.sign in _NERVE_SIGNS:
        return False  # "no, not numb. just tingly" tells of the nerves in other words
    first, rest = parts
    own = set(re.findall(r"[a-z']{5,}", question.text.lower())) - _COMMON_WORDS
    return (
        _says_no(first)
        and not _YES_RE.search(first)
        and bool(own & set(re.findall(r"[a-z']+", first)))
        and not _UNSURE_RE.search(rest)
    )


# The patient's own answer passed on by whoever writes: "he says no", "she said yes".
_PASSED_ON = re.compile(
    r"\b(?:he|she|they|my \w+)\s+(?:says?|said|tells me|told me)\s+"
    r"(?P<answer>no|nope|nah|yes|yeah|yep)\b"
)


# Less than the word: "not that numb", "isn't very weak", "not numb numb"; of how a sign
# feels only ("not that day", "not all that often" say no).
_LESS_THAN = re.compile(
    r"\b(?:not|isn'?t|is not|wasn'?t|aren'?t|it'?s not|its not)\s+(?:even\s+)?"
    rf"(?:all\s+)?(?:{'|'.join(sorted(DEGREES - {'all'}))})\s+"
    rf"(?P<word>{'|'.join(sorted(LESS_SAID_OF))})\b"
    r"|\bnot\s+(?P<twice>[a-z]+)\s+(?P=twice)\b"
)


# A leak brought on by pressure on the bladder: coughing, sneezing, laughing, jumping.
_STRESS_LEAK = re.compile(
    r"\b(?:when|if|whenever|as|on)\s+(?:i|she|he|you)?\s*(?:\w+\s+)?(?:cough|sneez|laugh|jump"
    r"|run|lift|skip|trampolin|exercis|strain)\w*"
    r"|\b(?:cough|sneez|laugh|jump|trampolin)\w*\s+(?:\w+\s+){0,3}(?:leak|dribbl|wee|pee|wet)\w*"
    r"|\bon the trampoline\b"
)
# ...and a leak not felt, or trouble going: the nerves' signs whatever brings it on.
_LEAK_UNFELT = re.compile(
    r"\b(?:without|never)\s+(?:even\s+)?(?:notic|feel|felt|realis|realiz|know)\w*"
    r"|\b(?:don'?t|didn'?t|doesn'?t|can'?t|couldn'?t|not)\s+(?:always\s+|even\s+)?"
    r"(?:feel|felt|notice|realis|realiz|tell)\w*\s+(?:it|when|that|i|she|he)\b"
    r"|(?<!not )(?<!n't )(?<!nt )\b(?:hard|difficult|struggl\w*) to (?:pass|pee|go|wee|start)\b"
    r"|\bcan'?t (?:pee|go|wee|pass)\b"
)


# Weight lost, said by how much or as not meant: "15 lbs", "not dieting", "isn't trying to".
_AMOUNT_LOST = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)?|a|one|two|three|half a)\s*(?:{'|'.join(sorted(WEIGHT_UNITS))}|pound)\b"
)
_NOT_TRYING = re.compile(
    r"\b(?:not|isn'?t|wasn'?t|hasn'?t been|haven'?t been|hadn'?t been|never|no|without)\s+"
    r"(?:\w+\s+)?(?:dieting|trying|tried|on (?:a|any) diet|diet)\b"
)
# "I've put on 2 kg", "no, same weight": weight not lost, whatever amount is said.
_NOT_LOST = re.compile(
    r"\b(?:gained|gain|put on|putting on|heavier|more weight|same weight|stable|steady)\b"
    r"|\b(?:haven'?t|hasn'?t|not|never|didn'?t)\s+(?:\w+\s+)?lost\b|\bno weight\b"
)
_ON_PURPOSE = re.compile(
    r"\b(?:on purpose|deliberately|intentionally|i'?ve been dieting|i was "
    r"dieting|(?:she|he|i)'?s been dieting|weight watchers|ozempic)\b"
)
# Pain that nothing eases, asked about; and pain that movement brings on, said.
_PAIN_NOTHING_EASES = frozenset({"night_pain", "non_mechanical_pain"})
_WITH_MOVEMENT = re.compile(
    r"\b(?:when|whenever|if|as soon as|once)\s+(?:i|he|she|they|we|you)\s+(?:\w+\s+)?"
    r"(?:move|moves|moving|bend|bends|bending|turn|turns|twist|twists|lift|lifts|get up|gets up"
    r"|stand up|stands up|walk|walks|reach|reaches|carry|carries|sit up|sits up)\b"
    r"|\b(?:on|with) (?:movement|moving)\b"
)
_AT_NIGHT = re.compile(r"\b(?:night|nights|wakes?|woke|waking|awake|asleep|sleep)\b")
_BOTH = re.compile(r"\bboth\b|\beach (?:leg|side)\b", re.IGNORECASE)
_NOT_BOTH = re.compile(r"(?:\bnot?|n't)\s+(?:\w+\s+)?both\b", re.IGNORECASE)
_LEG_WORDS = re.compile(
    r"\b(?:legs?|thighs?|knees?|calf|calves|feet|foot|ankles?|shins?)\b", re.IGNORECASE
)


def names_both_legs(text: str) -> bool:
    """Whether an answer about where the pain goes names both legs ("ya both legs kinda",
    "both of them, down to the knees"), not only one ("not both, just the left")."""
    return bool(_BOTH.search(text) and _LEG_WORDS.search(text) and not _NOT_BOTH.search(text))


# Weight put on, not lost: "gained weight actually", "the opposite, I'm heavier".
_GAINED = re.compile(
    r"\b(?:gain|gained|gaining|put on|putting on|piled on|heavier|bigger|opposite)\b"
)
_LOST = re.compile(r"\b(?:lost|losing|lose|dropped|dropping|thinner|lighter)\b")


# Effort, and a rest it needed: what the heart's effort question asks.
_EFFORT_THEN_REST = frozenset({"exertion", "rest_eases"})


def _concepts_told(text: str) -> set[str]:
    """The concepts a message touches, not said with a no."""
    return {m.name for m in read(text) if m.kind == CONCEPT and not m.denied}


# Where effort brings on a pain that is not the heart's: the legs and the low back.
_LEG_AND_LOW_BACK = frozenset({
    "leg", "calf", "thigh", "hip", "knee", "foot", "ankle", "buttock", "hamstring", "groin",
    "lower_back", "shin",
})  # fmt: skip


def _only_legs_or_low_back(text: str) -> bool:
    """Whether the places an answer names are all of the legs or the low back."""
    places = {t.value for t in find_terms(text) if t.entity == "body_part"}
    return bool(places) and places <= _LEG_AND_LOW_BACK


# A position that eases the pain, either side of the ease: "on my side its ok", "easier
# once she's propped up", "sitting up in the chair and then it's alright".
_A_POSITION = (
    r"(?:on (?:my|his|her|their|the|your) (?:side|back|front|tummy|stomach|left|right)"
    r"|propped|sitting up|sits up|sit up|in (?:the|a|my|his|her) (?:chair|recliner|armchair)"
    r"|pillows?|(?:change|changing|shift|shifting|move|moving) (?:position|positions))"
)
_EASE = (
    r"(?:better|easier|eases|eased|easing|settles|settled|helps|ok|okay|fine|alright|all right"
    r"|goes away|comfortable|comfy|bearable)"
)
_EASED_BY_A_POSITION = re.compile(
    rf"\b{_A_POSITION}\b[^.!?]{{0,40}}\b{_EASE}\b|\b{_EASE}\b[^.!?]{{0,40}}\b{_A_POSITION}\b"
)
# "...and propped up it's no better": said not to ease.
_NO_EASE = re.compile(
    r"\b(?:no|not|never|isn'?t|doesn'?t|don'?t|nothing)\s+(?:any\s+|much\s+|really\s+)?"
    rf"{_EASE}"
)


# The answer a message ends on: "...so no.", "so the answer is no", "that's a no".
_CONCLUDING_NO = re.compile(
    r"(?:\b(?:so|then|therefore|hence|thus)\s*,?\s*(?:no|nope|not really)"
    r"|\b(?:the answer is|that'?s a|it'?s a)\s+(?:no|nope))\W*$"
)


# The signs of the nerves at the base of the spine, told in other words after a no.
# Numbness or tingling in one foot, leg, hand or arm, as a nerve's pain brings.
_ONE_LIMB_NUMB = re.compile(
    r"\b(?:foot|toes?|heel|leg|calf|shin|thigh|hand|fingers?|thumb|arm)\b[^.?!]{0,40}?"
    r"\b(?:numb|numbness|dead|tingl\w*|pins and needles|asleep)\b"
    r"|\b(?:numb|numbness|dead|tingl\w*|pins and needles)\b[^.?!]{0,25}?\b(?:in|on)\s+"
    r"(?:my|the|his|her)\s+(?:\w+\s+)?(?:foot|toes?|heel|leg|calf|shin|hand|fingers?|thumb|arm)\b"
)
_NERVE_SIGNS = frozenset({"saddle_numbness", "bladder_or_bowel_control", "both_legs_nerve"})
_NO_THEN_TELLS = re.compile(
    r"\b(?:but|just|only|more|though|except|apart from|kind of|kinda|sort of|a bit)\b[^.?!]*"
    # ...not a word denied in its turn: "only achy from running, no tingling".
    r"(?<!no )(?<!not )(?<!without )(?<!any )"
    r"\b(?:funny|weird|strange|odd|different|tingl\w*|dead|fuzzy|hard(?:ly)?|struggl\w*|trouble"
    r"|takes (?:ages|forever|a while|long)|dribbl\w*|trickl\w*|little|much out|anything out"
    r"|can'?t get|cannot get|won'?t come|slow)\b",
    re.IGNORECASE,
)


# An answer spoken of rather than given: to come, or on a condition.
_ANSWER_TALKED_ABOUT = re.compile(
    r"\b(?:(?:before|if|when|until|till|once|after|unless)\s+(?:i|we)"
    r"|(?:i|we)(?:'ll| will|'d| would| shall| am going to| are going to|'m going to| gonna))"
    r"\s+(?:just\s+)?(?:say|click|press|tap|type|answer|hit|pick|choose|select|put)\w*"
    r"\s+(?:on\s+)?(?:yes|no|ok|okay)\b"
)


def answer_talked_about(text: str) -> bool:
    """Whether a yes or no is spoken of rather than given ("if I click yes, ...")."""
    return bool(_ANSWER_TALKED_ABOUT.search(" ".join(text.lower().split())))


# A no is the answer only near the start of it, or in a short one: "a doctor x-rayed it,
# nothing broken" is about something else, and a no read wrongly is the dangerous mistake.
_NO_WITHIN_WORDS = 4
_SHORT_ANSWER_WORDS = 10


# "Not the worst then, ...": an answer that leads with "not" (not "not sure").
_LEADING_NOT = re.compile(r"^\W*not\b(?!\s+(?:sure|certain|exactly sure))")


def _says_no(lowered: str) -> bool:
    if _LEADING_NOT.match(lowered):
        return True
    match = _NO_RE.search(lowered)
    if match is None:
        return False
    short = len(lowered.split()) <= _SHORT_ANSWER_WORDS
    return short or len(lowered[: match.start()].split()) < _NO_WITHIN_WORDS


def _raises_what_it_guards(question: ScreenQuestion, said: set[str]) -> bool:
    """Whether the answer's own signs raise the flag the question is there for ("never had
    them before this year, I'm 57" to "are these headaches new since you turned 50?")."""
    # What is known when the question is asked (where it hurts, what it follows) raises
    # flags of its own: only what a yes adds to them is guarded ("only a normal fall on
    # grass" to "was it a serious accident?" raises the fall's doctor today, not the
    # emergency department a serious accident would).
    for place in question.where or ("",):
        known = {place, *question.after} - {""}
        before = set(red_flags_for(known))
        guarded = set(red_flags_for(known | {question.sign})) - before
        raised = red_flags_for(known | said)
        if any(
            flag.code == mine.code and LEVEL_ORDER[mine.level] >= LEVEL_ORDER[flag.level]
            for flag in guarded
            for mine in raised
        ):
            return True
    return False


# "If anything", "quite the opposite": what follows goes the other way from the sign.
_OPPOSITE_RE = re.compile(r"\b(?:if anything|quite the opposite|the opposite|the other way)\b")


# Sounds before the answer: "um yeah I guess" leads with its yes (outside run 84 p02).
_FILLERS = re.compile(r"^\W*(?:(?:u+m+|u+h+|e+r+m*|h+m+|oh|well)\b\W*)*")
# A yes of some degree: "kind of yeah, like it's not quite my skin" (outside run 95 p02: the
# saddle's question asked again as if unanswered); "sorta, now and then" stays unsure.
_DEGREE = r"(?:kind of|kinda|sort of|sorta|somewhat)"
_DEGREE_THEN_YES = re.compile(rf"^\W*{_DEGREE}\s+(?:yes|yeah|yep|yup|ya)\b")


def _leads(pattern: re.Pattern[str], text: str) -> bool:
    match = pattern.search(text := _FILLERS.sub("", text))
    return match is not None and match.start() == 0


ANY_QUESTION = ScreenQuestion("any", "", "")

# A plain yes or no first, and no question after it: "yes pretty much instantly".
_OPENS_WITH_ANSWER = re.compile(
    # "no?? it was just the needles": surprise at the question, still the answer (outside
    # run 94 p05: taken as a question of the patient's, the question asked again).
    # The answer's own clause may be followed by a question that describes ("kind of yeah,
    # like its not quite my skin? it's hard to explain").
    rf"^\W*(?:{_DEGREE}\s+)?(?:yes|yeah|yep|yup|no|nope|nah|none|never|"
    r"not really)\b[?!]*(?:[^?]*$|\s*,\s*(?:like|as in|it'?s|its)\b)"
)


def opens_with_answer(text: str) -> bool:
    """Whether a message is an answer by its first word, whatever else it says ("yes pretty
    much instantly" is no question about how soon needling works)."""
    return bool(_OPENS_WITH_ANSWER.match(" ".join(text.lower().split())))


# The answer given again: "I said no lol", "like I said, no", "told you yes" (outside run 115
# p07: "Sorry, I didn't catch that").
_SAID_AGAIN = re.compile(
    r"^\W*(?:like\s+i\s+said|as\s+i\s+said|(?:i\s+)?(?:already\s+|just\s+)?(?:said|told\s+you|"
    r"answered))\W+(?=(?:yes|yeah|yep|no|nope|nah)\b)",
    re.IGNORECASE,
)


def without_said_again(text: str) -> str:
    """`text` without the words that say its answer was given before ("I said no lol")."""
    return _SAID_AGAIN.sub("", text.strip())


def yes_or_no(text: str, intent: str | None = None) -> bool | None:
    """A plain yes (True) or no (False) in `text`, else None ("yes, I'm his mum and I
    agree" is a yes; "yes but not on Monday" is neither)."""
    reading = read_answer(ANY_QUESTION, text, (), (), intent)
    return True if reading == YES else False if reading == NO else None


_ACKNOWLEDGES = re.compile(
    r"^\W*(?:ok(?:ay)?|k|alright|all right|fine|cool|got it|noted|understood|right|"
    r"thanks?|thank you|ty|cheers)(?:\W+(?:ok(?:ay)?|thanks?|thank you|then|cool))*\W*$",
    re.IGNORECASE,
)


def acknowledges(text: str) -> bool:
    """Whether `text` only says it has heard ("ok", "alright thanks", "got it"): no yes."""
    return bool(_ACKNOWLEDGES.match(text))


# Thanks and goodbyes closing a message: "yes, thank you! bye bye, have a nice day".
_CLOSING = re.compile(
    r"(?:[\s,.!;:-]+(?:thanks?|thank you(?: so much| very much)?|ty|cheers|bye(?: bye)?|"
    r"goodbye|good bye|see you(?: then| soon)?|see ya|take care|have a (?:nice|good|great|"
    r"lovely) (?:day|evening|weekend|one)|ttyl|x+|:\)))+\W*$",
    re.IGNORECASE,
)


_FAREWELL = re.compile(
    r"\b(?:bye+|goodbye|good bye|byee*|cya|see (?:you|ya)|take care|ttyl|good ?night|"
    r"gotta (?:go|run|dash)|got to (?:go|run|dash)|have to go|need to go|must go|i'?m off|"
    r"im off|heading off|leaving now|later|laters|farewell|adios|ciao|cheerio|ta ?ta|ta ra|"
    r"that'?s all|thats all|that is all|that'?s everything|thats everything|done for now|"
    r"have a (?:nice|good|great|lovely) (?:day|one|weekend|evening|night)|catch you|"
    r"speak soon|talk soon|signing off|let you go|be in touch|enjoy the rest|until next time|"
    r"till next time|so long|catch ya|peace|logging off|night night|nighty|g'?night|nite|"
    r"chat soon|(?:talk|speak) to you soon|gtg|g2g|off i go|be off|it from me|enjoy your|"
    r"rest of the day|au revoir|wiedersehen|hasta|tsch\w*|(?:better|must) (?:get )?go\w*|"
    r"have a great week|tara|toodle\w*|have to dash|let you get on|must be going)\b"
    r"|^\W*(?:night|nite|nn)(?:\s+\w+)?\W*$",
    re.IGNORECASE,
)


# Leave taken in so many words, whatever else the message says: "5. got to run now, bye"
# ("later" or "that's all" alone may be part of an answer: "worse later in the day").
_TAKES_LEAVE = re.compile(
    r"\b(?:bye+|goodbye|good bye|bye bye|cya|i'?m off now|signing off|logging off|ttyl|gtg|g2g|"
    r"(?:talk|speak) (?:to you )?soon|(?:gotta|got to|have to|need to|must) (?:run|dash)"
    # "I have to go now", not "I have to go to the toilet more" (a sign, not a goodbye).
    r"|(?:gotta|got to|have to|need to|must) go(?=\s*(?:now|,|\.|!|$)))",
    re.IGNORECASE,
)


def takes_leave(text: str) -> bool:
    """Whether a message takes its leave in so many words ("...got to run, bye")."""
    return bool(_TAKES_LEAVE.search(text))


def says_goodbye(text: str) -> bool:
    """Whether a message takes its leave in words ("bye", "see you", "gotta go")."""
    return bool(_FAREWELL.search(text))


def answer_before_closing(text: str) -> str:
    """What a message says before its thanks and goodbyes ("yes. bye" gives "yes"), or ""
    when it says nothing else, or does not close with them."""
    match = _CLOSING.search(text)
    return text[: match.start()].strip() if match else ""


# Where an answer's clauses meet: "no. fyi my mum may come, she gets dizzy sometimes".
_CLAUSES = re.compile(r"[.!?;,]+|\b(?:and|but|though|although|whereas)\b")
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|hers|him|they|their|them|she's|he's)\b")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|myself)\b")
_MY_SOMEONE = re.compile(r"\bmy\s+([\w-]+)")


def _told_of_someone_else(clause: str) -> bool:
    """Whether a clause tells of another person only ("she gets dizzy sometimes", "my
    husband's feet go numb"); "my wife says I've gone numb" tells of the patient."""
    own = [w for w in _FIRST_PERSON.findall(clause) if w != "my"]
    people = [is_another_person(w.split("'")[0]) for w in _MY_SOMEONE.findall(clause)]
    others = bool(_THIRD_PERSON.search(clause)) or any(people)
    return others and not own and all(people)  # "my legs" is the patient's own


def without_others(lowered: str) -> str:
    """The answer without its clauses told of someone else only; the first clause stays,
    as it holds the answer itself ("yes they did", "no. my mum gets dizzy")."""
    parts, start = [], 0
    for match in _CLAUSES.finditer(lowered):
        parts.append(lowered[start : match.end()])
        start = match.end()
    parts.append(lowered[start:])
    # "I already said, yes it wakes her at night": the answer after a lead-in clause stays
    # too (outside run 76 p02: asked again, the yes dropped with "her", the patient's).
    lead = 2 if len(parts) > 1 and not _answers(parts[0]) and _answers(parts[1]) else 1
    kept = (part for part in parts[lead:] if not _told_of_someone_else(part))
    return "".join(parts[:lead]) + "".join(kept)


def _answers(clause: str) -> bool:
    return bool(_YES_RE.search(clause) or _NO_RE.search(clause))


def hedged(text: str) -> bool:
    """Whether `text` hedges ("not sure", "maybe", "kind of")."""
    lowered = " ".join(text.lower().split())
    return bool(_UNSURE_RE.search(lowered) or _ASKED_BACK_RE.match(lowered))


# "No worse", "the same", "nothing new": the second half of the question, answered yes.
_NO_WORSE = re.compile(
    r"\b(?:no|not|nothing|isn'?t|hasn'?t|haven'?t|aren'?t|hasnt|isnt)\s+(?:any\s+)?"
    r"(?:worse|new|changed|different)\b|\bno change\w*|\b(?:the )?same\b|\bunchanged\b",
    re.IGNORECASE,
)
# Worse, new or different since, or a check of something else: the check does not hold.
_CHANGED_SINCE = re.compile(
    r"\b(?:worse|new|changed|different|spread\w*|started after|began after|came on after|"
    r"only started|since then|after that|not for|wasn'?t for|didn'?t (?:check|look|examine)|"
    r"only (?:looked|checked|saw)|just (?:looked|checked)|not the|wasn'?t about)\b"
    # A yes on a doctor's check is certain: "I think so" or "mostly" is no confirmation.
    r"|\b(?:think|believe|probably|guess|suppose|mostly|pretty much|sort of|kind of)\b",
    re.IGNORECASE,
)


def confirms_check(message: str, intent: str | None = None) -> bool:
    """Whether the answer to `advice.ask_to_confirm_check` is a plain yes: examined for
    these signs since they began, and no worse. A yes with "but it's worse now", a check
    of something else ("she looked at the neck, the fever came later"), a hedge or a no is
    not."""
    text = _NO_WORSE.sub(" ", message)
    if _CHANGED_SINCE.search(text) or denies_doctor_check(text) or hedged(text):
        return False
    if _NO_WORSE.search(message) and not text.strip(" .,!"):
        return True  # "no worse", "the same"
    return yes_or_no(text, intent) is True
