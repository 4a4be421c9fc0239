"""The context of what a message mentions: denied, someone else's, hypothetical or past.

NegEx (negspacy's implementation) with our own cue lists, run once per kind of context. It
finds cue phrases, cuts the sentence at clause breaks, and marks a finding that stands
after a preceding cue ("no numbness") or before a following one ("waterworks are fine").
ConText (medspaCy) does the same with one rule list; its package cannot be installed beside
Rasa's spaCy (see README, "Context"), and negspacy can, with one instance per kind.

- `NEGATED`: "no bladder problems", "I don't have any fever", "peeing is fine";
- `SOMEONE_ELSE`: another person's history ("my dad had a stroke", "runs in the family").
  Someone else's *present* symptoms stay: parents write for their children, and children
  for their parents ("mum is talking nonsense");
- `HYPOTHETICAL`: "what if I get a fever?", "can needling cause a collapsed lung?";
- `PAST`: over or long known and stable ("fell off my bike years ago, healed fine",
  "diabetic numbness for years, my GP knows").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from negspacy.negation import Negex
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from clinic import parsing

NEGATED = "negated"
WELL = "well"
SOMEONE_ELSE = "someone_else"
HYPOTHETICAL = "hypothetical"
PAST = "past"
SPAN_KEY = "clinic_findings"
# A time long ago, however it is written ("2 yrs ago", "a decade ago"): what it dates is over.
_YEARS_AGO = [f"{form} ago" for form in parsing.spellings_of("year", "decade")]
# How many words a denial reaches (Chapman's NegEx used five or six); the other kinds
# cover their whole clause ("my girlfriend gets dizzy and double vision with migraines").
REACH = 5

# Words that end a clause: a cue before them does not reach past them.
_BREAKS = [
    "but", "although", "though", "however", "except", "yet", "and", "so", "then",
    # "Because" starts a clause of its own, "because of" does not: "not because of night
    # pain" is a no.
    *(f"because {word}" for word in ("i", "i'm", "im", "it", "it's", "its", "my", "the", "he",
                                      "she", "they", "we", "you", "there", "that", "this")),
    "now", "until", "till", "apart from", "aside from", "since then", "although", "while",
    "whereas", "whilst", ".", ";", "!", "?", ":", "(", ")", "plus", "also", "as well", "though",
    # "not clumsy exactly... he did drop a drill" (outside run 101 p07: the drill denied).
    "...", "..", "\u2026",
    # After a comma a new clause starts with its own subject ("no fever, my legs are numb");
    # a bare comma continues a list ("no fever, chills or rash").
    ", my", ", i", ", i'm", ", im", ", it", ", it's", ", its", ", the", ", they", ", he",
    ", she", ", we", ", me", ", now", ", just", ", only", ", still", ", then",
    # "the foot isnt the problem thats the diabetes": what it is, said after what it is not
    # (outside run 79 p06: the diabetes taken off).
    *(f"{that} {what}" for that in ("that's", "thats", "that is")
      for what in ("the", "my", "his", "her", "from", "just", "due")),
]  # fmt: skip

# Words that join two things said of the same person.
_SAME_PERSON = frozenset({"and", "so", "plus", "also", "as well", "then", "now", "because"})

# The people patients mention besides themselves.
_OTHERS = (
    "dad",
    "father",
    "mum",
    "mom",
    "mother",
    "sister",
    "brother",
    "wife",
    "husband",
    "partner",
    "friend",
    "nan",
    "gran",
    "grandma",
    "grandad",
    "grandpa",
    "grandfather",
    "grandmother",
    "uncle",
    "aunt",
    "auntie",
    "cousin",
    "neighbour",
    "neighbor",
    "colleague",
    "son",
    "daughter",
    "boss",
    "mate",
    "flatmate",
    "girlfriend",
    "boyfriend",
    "twin",
    "father in law",
    "mother in law",
    "child",
    "kid",
    "baby",
    "parents",
    "family",
    "niece",
    "nephew",
    "coworker",
    "co-worker",
    "housemate",
    "roommate",
    "best friend",
    "fiance",
)


def person_named(word: str) -> str | None:
    """The person a word after "my" names ("mum", "brother"), also as theirs without the
    apostrophe people leave out on a phone ("my wifes neck", "my dads back"), else None."""
    word = word.lower().replace("\u2019", "'")
    for form in (word, word.removesuffix("'s"), word.removesuffix("s")):
        if form in _OTHERS:
            return form
    return None


def is_another_person(word: str) -> bool:
    """Whether a word after "my" names someone else ("mum", "brother"), not the body."""
    return person_named(word) is not None


# The people a patient may write about, as single words.
PEOPLE = frozenset(_OTHERS)


def _people(*verbs: str) -> list[str]:
    """ "my dad", "my dad's", "my dads", "dad's", "dad has" (and `verbs` after each)."""
    people = [f"my {who}{end}" for who in _OTHERS for end in ("", "'s", "s")]
    bare = [f"{who}{end}" for who in _OTHERS for end in _TOLD_OF]
    return people + bare + [f"{person} {verb}" for person in people for verb in verbs]


# "Dad's got cancer", "daughter had glandular fever": a relative without "my" is still
# someone else when a verb of having follows.
_TOLD_OF = ("'s", " has", " had", " gets", " got", " was", " died", " is")


# Contractions of "not" as typed in a hurry, which the tokenizer keeps whole ("my foot
# dosent drag"): a denial like "doesn't".
MISSPELT_NOTS = (
    "dosent", "dosnt", "doesent", "dosen", "dosn't", "dosen't", "dident", "didint", "didn",
    "wasent", "wasnt", "isent", "dnt", "dont't", "havnt", "hasent",
)  # fmt: skip


_NOBODY = ("nobody", "no one", "noone", "no-one", "no body")
_NOBODY_DOES = (
    "would", "will", "cares", "care", "cared", "knows", "know", "knew", "believes", "believe",
    "believed", "listens", "listen", "listened", "told", "tells", "said", "says", "has checked",
    "checked", "has looked", "looked", "has seen", "seen", "saw", "noticed", "notices",
    "understands", "understand", "can", "could", "wants", "loves", "misses", "helps",
    "helped", "takes", "took",
    # Of the conversation or the care: "nobody has explained if my apixaban is a problem".
    *(f"{has}{verb}" for has in ("", "has ", "ever ", "has ever ")
      for verb in ("asked", "explained", "answered", "mentioned", "checked", "looked",
                   "examined", "tested", "treated", "replied", "said", "told")),
)  # fmt: skip


# Cue lists, one per kind of context (negspacy's termset format). A preceding cue covers
# what follows it in its clause, a following cue what comes before it; pseudo cues look
# like cues but are not ("no longer", "is that normal?").
_TERMSETS: dict[str, dict[str, list[str]]] = {
    NEGATED: {
        "preceding_negations": [
            "no", "not", "n't", "nt", "never", "without", "none", "nor", "neither", "deny",
            "denies", "free of", "no sign of", "no signs of", "nothing like", "nothing",
            "haven't had", "havent had", "no problems with", "no issues with",
            "no trouble with", "no change in", "no changes in", "nothing wrong with",
            # A no said as a reason ruled out: "not because of night pain, it's stress".
            "not because of", "not due to", "not caused by",
            # A denial said softly: "I don't think I have a fever" (the "I" would end it).
            *(f"{cue} think {who} {verb}" for cue in ("n't", "nt", "not")
              for who in ("i", "i've", "ive", "there", "there's", "theres", "it")
              for verb in ("have", "had", "'ve", "got", "has", "is", "was", "any", "a", "")),
            *MISSPELT_NOTS,
            # "Nobody here is short of breath", "none of my kids have had a fever": no one
            # has it, the patient included (the crisis said this way is a pseudo cue below).
            *_NOBODY, "none of",
        ],
        "following_negations": [
            "not affected", "unaffected", "not at all",
            # "My nan is on apixaban, not me": someone else's, and a no for the patient.
            "not me", "not him", "not her", "not them", "not mine", "not his", "not hers",
            # "Pregnancy seems unlikely at my age", "pregnant? impossible" (outside run 62).
            "unlikely", "highly unlikely", "seems unlikely", "is unlikely", "impossible",
            "is impossible", "not possible", "out of the question",
        ],
        "pseudo_negations": [
            # "Nobody would miss me", "no one knows I've thought of suicide", "nobody has
            # checked the numbness": what nobody does, not what nobody has.
            *(f"{who} {verb}" for who in _NOBODY for verb in _NOBODY_DOES),
            "no longer", "not only", "no ,", "no my", "no i", "no it", "no its", "no it's",
            "no the", "no they", "no im", "no i'm", "not sure", "no idea", "not just",
            # A question's alternative: "can I have the needles or not, being pregnant?".
            "or not", "whether or not",
            # "No, only the calf": where it is, not a denial of it.
            "no only", "no just", "nope only", "nope just", "nah only", "nah just",
            # "Can't take the pain" is the finding; "I don't take warfarin" is a no.
            "n't bear", "n't stand", "can n't take", "ca n't take", "could n't take",
            "n't cope", "n't handle", "n't tolerate", "nt bear", "nt stand", "cant take",
            "cannot take", "nt cope", "not bear", "not stand", "can not take", "not cope",
            "not handle", "not tolerate", "not normal", "not fine", "not ok",
            # "More out of breath than normal": a comparison, the finding itself.
            "than normal", "than usual", "than normally", "than it should",
            "not okay", "not right", "n't right", "nt right", "not working", "n't working",
            "nt working", "n't know", "nt know", "not long", "not long ago",
            # Not being able to is the finding itself: "my eyes won't focus", "can't feel",
            # "didn't even feel she needed to go" (outside run 62 p01).
            *(f"{cue} {verb}" for cue in ("n't", "nt", "not", "cannot", "n't even", "nt even",
                                           "not even")
              for verb in ("focus", "see", "feel", "move", "walk", "stand", "breathe", "speak",
                           "talk", "hold", "control", "lift", "straighten", "remember", "think",
                           "swallow", "wake", "stop", "go", "pee", "wee", "grip", "open",
                           "write", "type", "catch", "sleep", "sit", "bend", "turn", "look",
                           # It lasts: "a cramp that won't shift since the flight".
                           "shift", "budge", "release", "ease", "settle", "clear", "loosen",
                           "let", "quit", "leave")),
            # "Can't get up" is the finding; "I don't get headaches" denies them.
            *(f"{modal} {cue} get" for modal in ("ca", "can", "could", "wo", "would")
              for cue in ("n't", "nt", "not")),
            "cannot get", "cant get", "unable to get",
            # A question, not an answer: "foot drop since tuesday, is that normal?"
            "is that normal", "is this normal", "is it normal", "is that ok", "is this ok",
            "is it ok", "is that fine", "normal?",
            # Absence is the finding: "like sitting on a cushion that isn't there".
            "n't there", "nt there", "not there",
            # Said of the conversation, not of the patient: "you didn't answer about the
            # Eliquis" keeps the Eliquis (outside run 11).
            *(f"{cue} {verb}" for cue in ("n't", "nt", "not", "never")
              # "I never said sudden" keeps the finding too: disputed, its question is
              # asked once more (actions/safety.py), never dropped on these words alone.
              for verb in ("answer", "answered", "reply", "replied", "respond", "responded",
                           "say", "said", "mention", "mentioned", "ask", "asked", "tell",
                           "told", "address", "addressed", "explain", "explained")),
        ],
        # "if the needling doesn't work I don't see the point": "I" starts a new clause.
        "termination": [*_BREAKS, "i", "i'm", "im", "i've", "ive"],
    },
    # Said to be well: a no for a symptom ("bladder is fine"), not for a condition or a
    # device ("my pacemaker is fine", "pregnant, all normal so far"): see `Context.well`.
    WELL: {
        "preceding_negations": [],
        "following_negations": [
            "is fine", "are fine", "is normal", "are normal", "is ok", "are ok", "is okay",
            "are okay", "is all right", "is alright", "are all right", "fine", "normal",
            "normally", "all good", "all fine", "all normal", "as normal", "as usual",
            "no problem", "no problems", "no issues",
        ],
        # "short of breath and sweaty, fine again after I stop": it passes, it was there
        # (outside run 112 p05's kind: the sweating read as denied).
        "pseudo_negations": [
            "fine again", "ok again", "okay again", "normal again", "fine after", "ok after",
            "okay after", "fine once", "ok once", "fine when i stop", "fine if i stop",
        ],
        "termination": [*_BREAKS, "i", "i'm", "im", "i've", "ive"],
    },
    SOMEONE_ELSE: {
        "preceding_negations": [
            *_people(), "a friend", "a friend of mine", "someone i know", "a lady", "a man",
            "a woman", "a guy", "a colleague", "his", "her", "he", "she", "he's", "she's",
            "hes", "shes", "family history of", "family history", "in my family",
            "runs in my family", "runs in the family", "died of", "died from", "the lady",
            "the man", "the guy", "the woman", "someone", "somebody", "a patient",
            # A child told of by age, who does something: "I have a 2 year old who refuses
            # to walk" (outside run 57 p04: a limping child's doctor today for the mother).
            *(f"{age} who" for age in ("year old", "yr old", "year-old", "years old", "yo",
                                       "toddler", "baby", "kid", "child", "little one")),
        ],
        "following_negations": [
            "runs in the family", "runs in my family", "in the family", "in my family",
        ],
        "pseudo_negations": [],
        # The writer's own words end the other person's part: "..., I'm fine, my neck hurts".
        # "And" does not: "my mum has COPD and gets breathless" is still mum.
        "termination": [*(b for b in _BREAKS if b not in _SAME_PERSON), "i", "i'm", "im",
                        "i've", "ive", "me", "mine", "myself", "my own",
                        # What they say of the writer is the writer's: "my wife says it
                        # looks like a boil" (their own still: "she says she has...", and
                        # hearsay: "my friend says back pain can be cancer").
                        *(f"{verb} {what}" for verb in ("says", "said", "thinks", "reckons",
                                                         "noticed", "told me")
                          for what in ("it", "it's", "its", "my", "there", "there's", "i",
                                       "i'm", "that my", "that it", "that i"))],
    },
    HYPOTHETICAL: {
        "preceding_negations": [
            "what if", "in case", "if i get", "if i got", "if i ever", "if i do get",
            "if i had", "if i have", "if there is", "if there's", "can needling",
            "can dry needling", "could needling", "could dry needling", "does needling",
            "does dry needling", "will needling", "can needles", "can the needles",
            "can it cause", "could it cause", "does it cause", "can it give", "risk of",
            "risks of", "chance of", "chances of", "worried about getting",
            "scared of getting", "afraid of getting", "is there a risk", "any risk",
            "will i get", "would i get", "could i get", "can i get", "can you get",
            "should i worry about", "should i worry", "should i be worried about",
            "do i need to worry about", "what happens if", "what do i do if",
            "what should i do if", "how do i know if", "how would i know", "is it possible to get",
            "ever cause", "side effect", "side effects", "signs of", "symptoms of",
            "should i look out for", "look out for", "watch out for", "to watch for",
            "warning signs", "someone with", "somebody with", "people with", "asking for",
            # Not "what are": "what are the chances, I've lost bladder control" (session 22).
            "what's a", "whats a", "what is a", "what are signs", "why do they ask",
            # The assistant's question quoted back (session 22, outside run 56 p03).
            "why you ask", "why are you asking", "why you asking", "why ask", "why do you need to",
            "why you need to", "why do you want to know", "why you want to know",
            "why do you ask", "would a", "would an", "would you still", "is it true",
            "does that mean", "just curious", "i read about", "read that", "heard that",
            "what about", "how about", "and if", "what happens with", "hypothetically",
            "hypothetical", "in theory", "theoretically", "suppose", "supposing", "say if",
            "if i feel", "if i start", "if i notice", "if i develop", "if he", "if she",
            "if they", "if he will", "if she will", "could turn into", "turn into",
            "any chance", "is there any chance", "asked if", "asked me if", "asked whether",
            "asked about", "wanted to know if", "possible to get", "posible to get",
            # Hearsay about others or about needling: "I heard you can get lightheaded".
            "i heard you", "heard you can", "i've heard", "ive heard", "i have heard",
            "people say", "you can get", "some people get", "some people", "people get",
            "apparently you", "apparently some",
            # Asking about a risk of needling: "is needling in the back dangerous for the
            # lungs?", "can it puncture a lung?".
            "dangerous for", "is it dangerous", "can it puncture", "could it puncture",
            "can needles puncture", "can it hurt my", "could it hurt my", "risk to",
            # Asking what the notes hold quotes a sign, it does not tell it: "do the notes
            # say I had a fever? I didn't" (session 23, outside run 58).
            *(f"{aux} {whose} {record} {verb}"
              for aux in ("do", "does", "did")
              for whose in ("the", "my", "his", "her", "their", "your")
              for record in ("notes", "note", "file", "record", "records", "summary", "form")
              for verb in ("say", "show", "mention", "list", "include", "state")),
            *(f"is it {how}" for how in ("in my notes", "in his notes", "in her notes",
                                         "in the notes", "in my file", "in her file",
                                         "in his file", "in my record", "written down",
                                         "noted", "on my file", "on file")),
            *(f"{aux} you {verb}" for aux in ("did", "have")
              for verb in ("write down", "put down", "note down", "written down", "put in",
                           "noted", "note that", "write that", "wrote that", "written that")),
            # Asking whether something is one ("does lifting count as a hard knock?").
            "count as", "counts as", "counted as", "class as", "classed as", "qualify as",
            "qualifies as", "considered as", "considered a",
            # What others might think: "don't want them thinking I've got chest pain"; not
            # what the patient thinks ("I think I have numbness down there" is theirs).
            *(f"{who} {verb} {what}"
              for who in ("them", "they", "people", "anyone", "everyone", "you")
              for verb in ("think", "thinking", "to think", "will think", "'ll think",
                           "might think")
              for what in ("i've got", "i got", "ive got", "i have", "it's my", "its my",
                           "it is my")),
        ],
        "following_negations": [
            "after needling?", "from needling?", "from the needles?", "asking for future reference",
        ],
        # Asking for a person is writing for them ("asking for my dad, he slipped..."),
        # not a question about signs (session 22: nothing after it was read).
        # "What about the numbness around my bottom?" asks about the patient's own sign.
        "pseudo_negations": [
            *(f"asking for {whose}" for whose in ("my", "our", "his", "her", "their", "me")),
            *(f"{what} about {which}" for what in ("what", "how")
              for which in ("my", "the", "this", "that", "these", "his", "her")),
            # "Should I be worried about the slurred talking?": a sign present, worried
            # about; "...about slurred speech after needling?" stays a risk asked about
            # (outside run 87 p07: read as no sign at all).
            *(f"{worry} {which}"
              for worry in ("should i worry about", "should i be worried about",
                            "do i need to worry about", "worried about")
              for which in ("the", "his", "her", "my", "this", "that", "these", "those")),
        ],
        "termination": [*(b for b in _BREAKS if b != "?"), "?"],
    },
    PAST: {
        "preceding_negations": [
            "used to have", "used to get", "used to", "as a child", "as a kid",
            "when i was a kid", "when i was a child", "when i was younger", "years ago i",
            # The patient's own youth: "migraines as a teenager", "when I was a teen".
            "as a teenager", "as a teen", "when i was a teen", "when i was a teenager",
            "when i was little", "as a youngster", "as a boy", "as a girl", "growing up",
            "when i was a boy", "when i was a girl", "when i was a little boy",
            "when i was a little girl", "when i was in school", "when i was at school",
            *(f"when i was {n}" for n in range(2, 18)),
            "a long time ago", "long ago", "old injury", "last year i had",
            # A time long ago dates what follows it too: "two years ago falling off his bike".
            *_YEARS_AGO,
            "back in my", "in my 20s", "in my twenties", "in my teens", "in my 30s",
        ],
        "following_negations": [
            *_YEARS_AGO, "as a child", "as a kid", "as a teenager",
            "as a teen", "when i was a teen", "when i was a teenager", "growing up",
            "when i was young", "when i was younger", "healed fine", "healed well", "healed",
            "fully healed", "all healed", "recovered", "fully recovered", "all clear",
            "cleared up", "resolved", "sorted itself out", "went away", "gone now",
            "long gone", "in the past", "back in", "for years", "for decades", "all my life",
            "since i was", "since childhood", "since birth", "my gp knows",
            "my doctor knows", "doctor knows", "gp knows", "well controlled",
            "under control", "well managed", "is managed", "stable", "been checked",
            "was checked", "checked out fine", "nothing new", "no change", "same as always",
            "known about", "completely gone", "all gone", "back to normal", "all fine",
            "been fine since", "fine since", "no problems since", "no problems for",
            "scan was clear", "scans were clear", "scans clear", "it was a muscle",
            "was just a muscle", "gone by the evening", "gone by the morning", "gone by",
            "says that's normal", "said that's normal", "says it's normal", "said it's normal",
            "says that's common", "said that's common", "know about it", "knows about it",
            "are aware", "is aware", "midwife knows", "midwife checked", "physio knows",
            "consultant knows", "nurse knows", "podiatrist knows", "same as last pregnancy",
            "same as always", "same as ever", *(f"for {n} years" for n in range(2, 61)),
            # Checked by a doctor and cleared: "the X-ray was fine", "it turned out to be reflux".
            "test was normal", "tests were normal", "tests came back normal", "turned out to be",
            "x-ray was fine", "x-ray was clear", "x-ray was normal", "xray was fine",
            "xray was clear", "x-rays were fine", "nothing was broken", "nothing broken",
            "er checked me", "er checked", "a&e checked", "hospital checked", "checked me that day",
            "scanned it and nothing", "cleared me", "they cleared", "said it was whiplash",
            "they said whiplash",
        ],
        "pseudo_negations": ["for years now and getting worse", "getting worse"],
        "termination": _BREAKS,
    },
}  # fmt: skip
_TERMSETS[WELL]["pseudo_negations"] = [
    *_TERMSETS[NEGATED]["pseudo_negations"],
    *_TERMSETS[WELL]["pseudo_negations"],
]


@dataclass(frozen=True)
class Context:
    """What qualifies one finding; a plain present report has every flag False."""

    negated: bool = False
    someone_else: bool = False
    hypothetical: bool = False
    past: bool = False
    # Negated only by being said to be well ("is fine", "all normal"): no symptom, but a
    # condition or a device is still there.
    well: bool = False

    def own_now(self, writer_is_patient: bool = True) -> bool:
        """Whether the finding is the patient's own and present (its denial aside): not
        over, not hypothetical, and not someone else's when the writer is the patient."""
        return not ((self.someone_else and writer_is_patient) or self.past or self.hypothetical)

    @property
    def stands(self) -> bool:
        """Whether the finding is the patient's own, real and present."""
        return not (self.negated or self.someone_else or self.hypothetical or self.past)


# One per vocabulary (Rasa's spaCy pipeline and ours in tests each have their own): the
# cue phrases are tokenized by English rules into the message's own string store, without
# loading a second model.
_CUE_TOKENIZERS: dict[int, Language] = {}


def _cue_tokenizer(vocab: Vocab) -> Language:
    if id(vocab) not in _CUE_TOKENIZERS:
        _CUE_TOKENIZERS[id(vocab)] = spacy.blank("en", vocab=vocab)
    return _CUE_TOKENIZERS[id(vocab)]


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer()


def _extension(kind: str) -> str:
    return f"clinic_{kind}"


class _Negex(Negex):
    """negspacy 1.1.0's NegEx with one mend: a cue right *after* a pseudo cue counts.

    negspacy drops any cue starting at or before a pseudo cue's end, but spaCy's ends are
    exclusive, so in "no I never fell" ("no i" is a pseudo cue) "never" was dropped too.
    And a pseudo cue or a clause break inside a longer cue gives way to it.
    """

    def process_negations(self, doc: Doc) -> tuple[list, list, list]:
        """Preceding, following and terminating cues, those inside a pseudo cue left out."""
        kinds = {"Preceding": [], "Following": [], "Termination": []}
        matches = [
            (self.nlp.vocab.strings[m], m, start, end) for m, start, end in self.matcher(doc)
        ]
        cues = [(start, end) for kind, _, start, end in matches if kind != "pseudo"]
        # A longer cue wins over a pseudo cue inside it: "don't think I have" denies though
        # "don't think" alone is no denial ("can't think straight" is the finding).
        pseudo = [
            (start, end)
            for kind, _, start, end in matches
            if kind == "pseudo"
            and not any(c_start <= start and end <= c_end and c_end - c_start > end - start
                        for c_start, c_end in cues)
        ]  # fmt: skip
        for kind, match_id, start, end in matches:
            if kind in kinds and not any(p_start <= start < p_end for p_start, p_end in pseudo):
                kinds[kind].append((match_id, start, end))
        # A clause break inside a cue is part of the cue: the "I" of "don't think I have".
        kinds["Termination"] = [
            (match_id, start, end) for match_id, start, end in kinds["Termination"]
            if not any(c_start < start < c_end for c_start, c_end in cues)
        ]  # fmt: skip
        return kinds["Preceding"], kinds["Following"], kinds["Termination"]


@lru_cache(maxsize=4)
def _readers(nlp: Language) -> tuple[tuple[str, Negex], ...]:
    readers = []
    for kind, termset in _TERMSETS.items():
        reader = _Negex(
            nlp,
            name=f"clinic_context_{kind}",
            neg_termset=termset,
            ent_types=[],
            extension_name=_extension(kind),
            chunk_prefix=[],
            span_keys=[SPAN_KEY],
        )
        readers.append((kind, reader))
    return tuple(readers)


# Text-speak "4" for "for" before whom it is for: "writing 4 my husband" (outside run 85 p08).
_FOR_SAID_4 = re.compile(r"\b4\b(?=\s+(?:my|his|her|their|him|them|our|a|the)\b)", re.IGNORECASE)


def for_spelled_out(text: str) -> str:
    """`text` with a text-speak "4" meaning "for" written as "for"."""
    return _FOR_SAID_4.sub("for", text)


def _own(span: Span) -> bool:
    """The writer's own body, whoever else the sentence names: "my wife said my mouth looked
    droopy" is the writer's mouth; "someone rear-ended me", "a guy hit my car" the writer's
    knock."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return (
        before in ("my", "mine")
        or any(token.lower_ in ("my", "me") for token in span)
        or after in ("me", "us")
    )


def contexts(doc: Doc, spans: list[tuple[int, int]]) -> list[Context]:
    """The context of each (start, end) token span of `doc`, in the order given."""
    if not spans:
        return []
    if not doc.has_annotation("SENT_START"):
        # Rasa's pipeline runs spaCy without the parser: NegEx needs the sentences.
        _sentencizer()(doc)
    group = [Span(doc, start, _cut_at_the_writer(doc, start, end)) for start, end in spans]
    doc.spans[SPAN_KEY] = group
    try:
        cues: dict[str, tuple[list[int], list[int]]] = {}
        for kind, reader in _readers(_cue_tokenizer(doc.vocab)):
            reader(doc)
            if kind in (NEGATED, WELL):  # the window applies to denials only
                preceding, following, _ = reader.process_negations(doc)
                ends = [m[2] for m in preceding if not (kind == NEGATED and _less_at(doc, m[2]))]
                cues[kind] = (ends, [m[1] for m in following])

        def said(kind: str, span: Span) -> bool:
            return bool(span._.get(_extension(kind))) and _within_reach(span, *cues[kind])

        contexts = []
        for span in doc.spans[SPAN_KEY]:
            negated = (said(NEGATED, span) or _in_a_denied_list(span, cues[NEGATED][0])) and not (
                _absent_until(span) or _said_less(span)
            )
            well = said(WELL, span)
            contexts.append(
                Context(
                    negated=negated or well,
                    someone_else=bool(span._.get(_extension(SOMEONE_ELSE))) and not _own(span),
                    hypothetical=bool(span._.get(_extension(HYPOTHETICAL))),
                    past=bool(span._.get(_extension(PAST))),
                    well=well and not negated,
                )
            )
        return contexts
    finally:
        del doc.spans[SPAN_KEY]


# The writer's "I" ends a cue's reach in every reader; a finding whose words run over one
# ("worse when I wake") would never be read at all, as NegEx reads only findings wholly
# inside one reach (outside run 62: "the headaches aren't worse when I wake up").
_WRITER = frozenset({"i", "i'm", "im", "i've", "ive"})


def _cut_at_the_writer(doc: Doc, start: int, end: int) -> int:
    """Where the finding at `start`..`end` is read for its context: up to a first "I"
    inside it (it still opens where it did)."""
    return next((i for i in range(start + 1, end) if doc[i].lower_ in _WRITER), end)


# How a finding is said to be less than the word: "not even that numb", "not very weak".
DEGREES = frozenset({
    "that", "very", "too", "super", "terribly", "overly", "particularly", "hugely",
    "massively", "totally", "completely", "fully", "all",
})  # fmt: skip
_NOTS = frozenset({"not", "n't", "nt", "even", "isnt", "arent", "wasnt"})
# The words of a sign said less: how it feels, never a thing ("not that day", "not that knee").
LESS_SAID_OF = frozenset({
    "numb", "weak", "swollen", "tingly", "heavy", "sore", "stiff", "painful", "severe",
    "strong", "blurry", "blurred", "dizzy", "faint", "sudden", "hot", "red", "warm",
    "breathless", "puffed", "winded", "sick", "confused", "unsteady", "wobbly", "clumsy",
    "droopy", "slurred", "tender", "dead", "fuzzy", "tight", "cold", "pale", "shaky",
})  # fmt: skip


def _said_less(span: Span) -> bool:
    """Whether a finding is said as less than the word, never none: "not even that numb",
    "not very weak", or the word twice, "not numb numb, just duller" (outside run 84 p02:
    an emergency's numbness withdrawn)."""
    word, doc = span[0].lower_, span.doc
    if len(span) == 1 and (
        (span.end < len(doc) and doc[span.end].lower_ == word)
        or (span.start > 0 and doc[span.start - 1].lower_ == word)
    ):
        return True
    if word not in LESS_SAID_OF:
        return False
    before = [token.lower_ for token in doc[max(0, span.start - 3) : span.start]]
    return len(before) >= 2 and before[-1] in DEGREES and before[-2] in _NOTS | DEGREES


def _less_at(doc: Doc, end: int) -> bool:
    """Whether the denial ending at token `end` says less, not none ("not even that numb
    down there"): it denies nothing further in its clause."""
    words = [token.lower_ for token in doc[end : end + 4]]
    while words and words[0] in ("even", "all"):
        words = words[1:]
    return len(words) >= 2 and words[0] in DEGREES and words[1] in LESS_SAID_OF


# "Never had any numbness until this morning": denied until a time, so there since.
_UNTIL = frozenset({"until", "till", "til"})
_UNTIL_REACH = 4


def _absent_until(span: Span) -> bool:
    """Whether "until" follows a denied finding closely, within its sentence."""
    for token in span.doc[span.end : span.end + _UNTIL_REACH]:
        if token.is_punct or token.is_sent_start:
            return False
        if token.lower_ in _UNTIL:
            return True
    return False


# A list denied as a whole: "no pins and needles, numbness or weakness in both legs". The
# "and" of "pins and needles" is no clause's end, and a "no" reaches every item of a list
# joined by commas and "or" (outside run 120 x7p07: "I have no pain, numbness or pins and
# needles in both legs" read as a yes, 911).
_ONE_ITEM = re.compile(r"\bpins and needles\b")
_LIST_ITEM = re.compile(r"^(?:[a-z'_-]+\s+){0,2}[a-z'_-]+$")
_LIST_BREAKS = frozenset(
    {"but", "though", "although", "however", "except", "yet", "so", "then", "and", "now",
     "until", "since", "because", "while", "i", "i'm", "im", "i've", "ive", "apart", "aside"}
)  # fmt: skip
_MOST_ITEMS = 5


def _in_a_denied_list(span: Span, cue_ends: list[int]) -> bool:
    """Whether `span` is an item (not the first) of a list a denial opens: items of up to
    three words, joined by commas and "or", with an "or" before the span's end."""
    for end in cue_ends:
        if span.start <= end:
            continue
        between = _ONE_ITEM.sub("pins_needles", span.doc[end : span.start].text.lower())
        through = _ONE_ITEM.sub("pins_needles", span.doc[end : span.end].text.lower())
        items = [i.strip() for i in re.split(r",|\bn?or\b", between)]
        if not (items and items[-1] == "" and re.search(r"\bn?or\b", through)):
            continue
        items = items[:-1]
        if 0 < len(items) <= _MOST_ITEMS and all(
            _LIST_ITEM.match(item) and not set(item.split()) & _LIST_BREAKS for item in items
        ):
            return True
    return False


def _within_reach(span: Span, cue_ends: list[int], cue_starts: list[int]) -> bool:
    """NegEx's window, which negspacy leaves out: a cue covers the next few words only
    ("I can't look down, temperature 38.8": the 38.8 is not denied)."""
    return any(0 <= span.start - end <= REACH for end in cue_ends) or any(
        0 <= start - span.end <= REACH for start in cue_starts
    )


def _contexts_in_text(text: str, spans: list[tuple[int, int]]) -> list[Context]:
    """The context of each (start, end) character span of `text`."""
    if not spans:
        return []
    from clinic.language import english  # loaded on first use, never at import

    doc = english()(text.lower())
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens.append((span.start, span.end) if span is not None else (0, 0))
    return contexts(doc, tokens)


_FILLER = frozenset({"my", "a", "an", "the", "in", "of", "i", "s"})


@lru_cache(maxsize=1)
def _other_person_words() -> frozenset[str]:
    """A word each cue of someone else holds ("dad" of "my dad's", "he" of "he's"): without
    one, no cue can match and the message tells of no one else."""
    termset = _TERMSETS[SOMEONE_ELSE]
    cues = [*termset["preceding_negations"], *termset["following_negations"]]
    return frozenset(
        next((w for w in re.findall(r"[a-z]+", cue) if w not in _FILLER), cue) for cue in cues
    )


def someone_elses(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) character span of `text`, whether it is told of someone else
    ("my wife's back", "he has sore legs"), whoever writes. A message naming no one else is
    not parsed: this runs on every message that names a place."""
    if not _other_person_words().intersection(re.findall(r"[a-z]+", text.lower())):
        return [False] * len(spans)
    return [found.someone_else for found in _contexts_in_text(text, spans)]


def the_patients_own_now(
    text: str, spans: list[tuple[int, int]], writer_is_patient: bool = True
) -> list[bool]:
    """For each (start, end) character span of `text`, whether what it names is the
    patient's own and present: not over ("a lump two years ago, all clear") or
    hypothetical, and, when the writer is the patient, not someone else's ("my knee hurts;
    my husband has a heart condition"). A parent writing for a child tells the child's.
    Denials are the vocabulary's to read ("can't sleep" is the complaint itself)."""
    return [c.own_now(writer_is_patient) for c in _contexts_in_text(text, spans)]


def contexts_in_text(text: str, spans: list[tuple[int, int]]) -> list[Context]:
    """The context of each (start, end) character span of `text`."""
    return _contexts_in_text(text, spans)
