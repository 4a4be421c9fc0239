"""Reads one message for warning signs and contraindications, and turns signs into red flags.

The rules are data in `clinic.red_flags` and `clinic.contraindications`; this module
compiles their phrases into spaCy `Matcher` patterns over word forms (text, lemma and
small typos), leaves out what the patient denies, and combines signs into flags. It is
deterministic: a learned model may add to it, never replace it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.matcher import Matcher
from spacy.matcher.levenshtein import levenshtein
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from clinic import contraindications, red_flags
from clinic.language import english
from clinic.red_flags import (
    CONTEXT_ONLY_SIGNS,
    LEVEL_ORDER,
    RED_FLAGS,
    SCREEN_QUESTIONS,
    SCREEN_REGION_OF_BODY_PART,
    ScreenQuestion,
    Sign,
)
from clinic.vocabulary import typo_of

SIGN = "sign"
CONTRAINDICATION = "contraindication"

# Up to this many words may stand between the parts of a phrase ("...").
GAP = 5
# How close (difflib ratio) a rare word must be to a phrase word to be considered its typo.
TYPO_CUTOFF = 0.75
# A denial reaches this many words forward ("I don't have any fever").
NEGATION_REACH = 5
NEGATION_CUES = frozenset({"no", "not", "never", "without", "none", "nor", "neither", "deny"})
# Words that end what a denial covers: "no fever but I can't pee".
CLAUSE_BREAKS = frozenset(
    {"but", "although", "though", "however", "except", "yet", "and", "so", "because", "then",
     "now", "until", "till", "apart", ".", ";", "!", "?", ":"}
)  # fmt: skip
# Contractions and spellings folded to one form, in phrases and in messages alike.
_CANONICAL_FORMS = {"ca": "can", "n't": "not", "nt": "not", "wo": "will", "\u2019": "'"}
_FORMS = "clinic_forms"


@dataclass(frozen=True)
class Mention:
    """A sign or contraindication found in a message; `denied` when said with "no", "not"..."""

    kind: str
    name: str
    start: int
    end: int
    denied: bool


@dataclass(frozen=True)
class RedFlag:
    """A red flag code (shared CONTRACT.md) at its triage level."""

    code: str
    level: str


@dataclass(frozen=True)
class Screening:
    """What one message says for safety, and the flags it raises (given what was known)."""

    mentions: tuple[Mention, ...]
    flags: tuple[RedFlag, ...]

    def _names(self, kind: str, denied: bool) -> list[str]:
        said = {m.name for m in self.mentions if m.kind == kind and not m.denied}
        names = {m.name for m in self.mentions if m.kind == kind and m.denied == denied}
        # Said once plainly and once denied ("no fever... well, a fever last night"): it counts.
        return sorted(names - said if denied else names)

    @property
    def signs(self) -> list[str]:
        """Warning signs the patient reports."""
        return self._names(SIGN, denied=False)

    @property
    def denied_signs(self) -> list[str]:
        """Warning signs the patient says they do not have."""
        return self._names(SIGN, denied=True)

    @property
    def contraindications(self) -> list[str]:
        """Contraindication codes the patient reports."""
        return self._names(CONTRAINDICATION, denied=False)

    @property
    def denied_contraindications(self) -> list[str]:
        """Contraindication codes the patient says do not apply."""
        return self._names(CONTRAINDICATION, denied=True)

    @property
    def level(self) -> str | None:
        """The most urgent level of the flags, or None when there is none."""
        return triage_level(self.flags)


def screen(text: str, doc: Doc | None = None, known_signs: Iterable[str] = ()) -> Screening:
    """Screens one message; `known_signs` are signs said earlier in the conversation.

    `doc` is spaCy's parse of the lowercased text, when the caller already has one.
    """
    mentions = tuple(read(text, doc))
    reported = {m.name for m in mentions if m.kind == SIGN and not m.denied}
    return Screening(mentions, tuple(red_flags_for(reported | set(known_signs))))


def read(text: str, doc: Doc | None = None) -> list[Mention]:
    """Every sign and contraindication phrase in `text`, in order, each marked denied or not."""
    if not text.strip():
        return []
    doc = doc if doc is not None else english()(text.lower())
    _register_forms()
    sentence_of = _sentences_by_token(doc)
    mentions: dict[tuple[str, str, int], Mention] = {}
    for match_id, start, end in _matcher(doc.vocab)(doc):
        kind, name = doc.vocab.strings[match_id].split(":", 1)
        span, sentence = doc[start:end], sentence_of[start]
        if _unless(_SIGNS_BY_KEY[(kind, name)], sentence):
            continue
        denied = _denied(doc, start, sentence.start)
        mention = Mention(kind, name, span.start_char, span.end_char, denied)
        key = (kind, name, start)
        # Overlapping phrases of one sign: the longest reading counts once.
        if key not in mentions or mention.end > mentions[key].end:
            mentions[key] = mention
    return sorted(mentions.values(), key=lambda m: (m.start, m.kind, m.name))


def backs_model_red_flag(screening: Screening) -> bool:
    """Whether a red flag that only the language model saw has a warning sign behind it.

    The model is confident about too much on its own ("woke with a stiff neck"); a sign the
    rules know, short of a whole flag ("I feel pain in my head with a vertigo"), makes its
    catch worth a doctor's look.
    """
    return bool(set(screening.signs) - CONTEXT_ONLY_SIGNS)


def red_flags_for(signs: Iterable[str]) -> list[RedFlag]:
    """The red flags that `signs` raise, one per code at its highest level, most urgent first."""
    present = set(signs)
    strongest: dict[str, str] = {}
    for rule in RED_FLAGS:
        if not set(rule.signs) <= present:
            continue
        if rule.with_any and not present.intersection(rule.with_any):
            continue
        if LEVEL_ORDER[rule.level] > LEVEL_ORDER.get(strongest.get(rule.code, ""), -1):
            strongest[rule.code] = rule.level
    flags = [RedFlag(code, level) for code, level in strongest.items()]
    return sorted(flags, key=lambda flag: (-LEVEL_ORDER[flag.level], flag.code))


def triage_level(flags: Iterable[RedFlag]) -> str | None:
    """The most urgent level among `flags`, or None."""
    levels = [flag.level for flag in flags]
    return max(levels, key=LEVEL_ORDER.__getitem__) if levels else None


def more_urgent(level: str | None, other: str | None) -> str | None:
    """The more urgent of two levels (None counts as unknown, below routine)."""
    if level is None or other is None:
        return level or other
    return level if LEVEL_ORDER[level] >= LEVEL_ORDER[other] else other


def context_signs(
    body_part: str | None, pain_quality: str | None, radiates_to: str | None = None
) -> set[str]:
    """Signs the intake itself gives: where it hurts, and a stiff neck."""
    places = {body_part, radiates_to}
    signs = set()
    if "neck" in places:
        signs.add("neck_pain")
        if pain_quality == "stiffness":
            signs.add("stiff_neck")
    if "head" in places:
        signs.add("headache")
    if places & {"back", "lower_back", "mid_back", "upper_back"}:
        signs.add("back_pain")
    return signs


def screen_questions(
    body_part: str | None, radiates_to: str | None, said: Iterable[str], denied: Iterable[str]
) -> list[ScreenQuestion]:
    """The intake's yes/no screen for this pain, leaving out what the patient already said."""
    regions = [SCREEN_REGION_OF_BODY_PART.get(part or "") for part in (body_part, radiates_to)]
    said, denied = set(said), set(denied)
    questions: list[ScreenQuestion] = []
    for region in dict.fromkeys(r for r in regions if r):
        for question in SCREEN_QUESTIONS[region]:
            known = question.sign in said or question.sign in denied
            if known or said.intersection(question.covers):
                continue
            if all(q.name != question.name for q in questions):
                questions.append(question)
    return questions


def question_named(name: str) -> ScreenQuestion | None:
    """A screen question by its name."""
    for questions in SCREEN_QUESTIONS.values():
        for question in questions:
            if question.name == name:
                return question
    return None


# --- Matching -----------------------------------------------------------------------------

_SIGNS_BY_KEY: dict[tuple[str, str], Sign] = {
    **{(SIGN, sign.name): sign for sign in red_flags.SIGNS},
    **{(CONTRAINDICATION, sign.name): sign for sign in contraindications.SIGNS},
}


def _canonical(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    return _CANONICAL_FORMS.get(word, word)


@lru_cache(maxsize=1)
def _phrase_words() -> list[str]:
    words = set()
    for sign in _SIGNS_BY_KEY.values():
        for phrase in sign.says:
            words.update(w for w in re.split(r"[\s|?]+", phrase) if w.isalpha())
    return sorted(w for w in words if len(w) >= 4)


@lru_cache(maxsize=8192)
def _forms_of(lower: str, lemma: str) -> tuple[str, ...]:
    forms = {_canonical(lower), _canonical(lemma)}
    typo = typo_of(lower, _phrase_words(), cutoff=TYPO_CUTOFF)
    # One slip of the keyboard (two in long words): "bottem" is "bottom", "clumps" not "clumsy".
    if typo and levenshtein(lower, typo) <= (2 if len(typo) >= 8 else 1):
        forms.add(typo)
    return tuple(forms)


def _token_forms(token: Token) -> tuple[str, ...]:
    return _forms_of(token.lower_, token.lemma_)


def _register_forms() -> None:
    if not Token.has_extension(_FORMS):
        Token.set_extension(_FORMS, getter=_token_forms)


def _slot_choices(slot: str) -> list[list[dict[str, Any]]]:
    """One phrase slot ("can't|trouble|difficulty") as token-pattern alternatives."""
    optional = slot.endswith("?")
    single: list[str] = []
    sequences: list[list[str]] = []
    for alternative in slot.rstrip("?").split("|"):
        words = [_canonical(t.text) for t in _tokenizer()(alternative)]
        if len(words) == 1:
            single.append(words[0])
        elif words not in sequences:
            sequences.append(words)
    choices = [[_word(single, optional)]] if single else []
    choices += [[_word([w], optional) for w in words] for words in sequences]
    return choices


def _word(forms: list[str], optional: bool) -> dict[str, Any]:
    pattern: dict[str, Any] = {"_": {_FORMS: {"INTERSECTS": sorted(set(forms))}}}
    if optional:
        pattern["OP"] = "?"
    return pattern


def _patterns(phrase: str) -> list[list[dict[str, Any]]]:
    slots: list[list[list[dict[str, Any]]]] = []
    for slot in phrase.split():
        slots.append([[{"OP": f"{{0,{GAP}}}"}]] if slot == "..." else _slot_choices(slot))
    return [list(itertools.chain.from_iterable(combo)) for combo in itertools.product(*slots)]


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    # English tokenizer rules alone: the phrases split exactly as messages do.
    return spacy.blank("en").tokenizer


@lru_cache(maxsize=1)
def _all_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    compiled = {}
    for (kind, name), sign in _SIGNS_BY_KEY.items():
        patterns = [p for phrase in sign.says for p in _patterns(phrase)]
        if patterns:
            compiled[f"{kind}:{name}"] = patterns
    return compiled


# One matcher per vocabulary: Rasa's spaCy pipeline and ours (in tests) each have their own.
_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def _matcher(vocab: Vocab) -> Matcher:
    if id(vocab) not in _MATCHERS:
        _register_forms()
        matcher = Matcher(vocab)
        for key, patterns in _all_patterns().items():
            matcher.add(key, patterns)
        _MATCHERS[id(vocab)] = (vocab, matcher)
    return _MATCHERS[id(vocab)][1]


def _sentences_by_token(doc: Doc) -> list[Span]:
    """Each token's sentence, found once per message (a long message has many)."""
    if not doc.has_annotation("SENT_START"):
        return [doc[:]] * len(doc)
    return [sentence for sentence in doc.sents for _ in sentence]


def _unless(sign: Sign, sentence: Span) -> bool:
    if not sign.unless:
        return False
    text = sentence.text.lower()
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in sign.unless)


def _denied(doc: Doc, start: int, first: int) -> bool:
    """Whether a denial shortly before `start`, in the same clause, covers the phrase.

    `first` is where the sentence starts. "no fever", "I don't have any numbness", "no
    fever, chills or rash" are denials; "no, my legs are numb" and "no fever but I can't pee"
    (for the second part) are not.
    """
    for i in range(start - 1, max(start - 1 - NEGATION_REACH, first - 1), -1):
        token = doc[i]
        word = _canonical(token.lower_)
        if word in CLAUSE_BREAKS:
            return False
        if word == "," and not _list_continues(doc, i + 1):
            return False
        if word in NEGATION_CUES or word == "not":
            following = doc[i + 1] if i + 1 < len(doc) else None
            # "no, my legs are numb" / "no my legs..." answer a question; they deny nothing.
            if word == "no" and following is not None and following.lower_ in _PRONOUN_STARTS:
                return False
            # "no longer able to...", "I can't bear this pain": not denials either.
            after = following.lower_ if following is not None else ""
            return not ((word == "no" and after == "longer") or after in _ENDURE)
    return False


_ENDURE = frozenset({"bear", "stand", "take", "cope", "handle", "tolerate"})
_PRONOUN_STARTS = frozenset(
    {"my", "i", "i'm", "im", "it", "its", "it's", "the", "they", "he", "she", "we", "me"}
)


def _list_continues(doc: Doc, i: int) -> bool:
    """After a comma: a further item of a list ("no fever, chills") rather than a new clause."""
    if i >= len(doc):
        return False
    token = doc[i]
    return token.lower_ not in _PRONOUN_STARTS and token.pos_ not in ("VERB", "AUX", "PRON", "DET")
