"""Whether a message is written in another language than English ("Hola, me duele la
espalda"): the chat can only screen and answer English, so it says so, with the phone.

lingua (its language models ship inside the wheel) names the language. It only runs on
messages of three words or more (or in another script), and a Latin-script message counts
as foreign only when most of its words are commoner in that language than in English
(wordfreq). A misspelt English message ("i wnat to book") or a name ("Katrin Weber") is
never taken for another language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from wordfreq import available_languages, zipf_frequency

from clinic.preferred_time import names_a_time

_MIN_WORDS = 3
_MIN_FOREIGN_SHARE = 0.5
_MIN_CONFIDENCE = 0.5
_WORD = re.compile(r"[^\W\d_]+")
_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")
# Two to four capitalised words closing the message (after a comma or another word).
_NAME_AT_THE_END = re.compile(r"(?<=[\s,])(?:[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?\s*){2,4}[.!]*\s*$")
_CONTACT = re.compile(r"\S+@\S+\.\w+|\+?\d[\d ()-]{6,}\d")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low-accuracy mode: trigram models only (tens of MB rather than hundreds), ample for
    # the sentences patients write.
    # Only languages wordfreq knows too, so that every answer can be checked word by word.
    known = set(available_languages())
    languages = [lang for lang in Language.all() if lang.iso_code_639_1.name.lower() in known]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def other_language(text: str) -> str | None:
    """The language of `text` ("Spanish") when it is clearly not English, else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or _CONTACT.search(text):
        return None  # "Tomasz Wolny, tk.wolny@outlook.com": a name and contact, not Polish
    foreign_script = sum(not _is_latin(ch) for ch in letters) / len(letters) > 0.5
    if not foreign_script and _looks_like_a_name(text):
        return None  # "Luis Fernando Ramírez Ortega": a name, in any language
    if not foreign_script:
        # "told u, Dan Kowalski": the name at the end says nothing of the message's language.
        text = _NAME_AT_THE_END.sub("", text)
    # "it's pjth4j": a code of letters and digits (a booking reference) is no word.
    text = _CODE.sub(" ", text)
    if not foreign_script and _english_around_names(text):
        return None  # "her name is Fatma Yilmaz. i am her son Emre" (outside run 92 p03)
    words = _WORD.findall(text.lower())
    if not foreign_script and len(words) < _MIN_WORDS:
        return None
    if not foreign_script and sum(zipf_frequency(w, "en") < 3 for w in words) < len(words) / 4:
        return None  # most words are everyday English: no need to ask lingua
    if not foreign_script and names_a_time(text):
        return None  # "2moro arvo pls": text-speak for a time, not Finnish
    best = _detector().compute_language_confidence_values(text)[0]
    if best.language == Language.ENGLISH or best.value < _MIN_CONFIDENCE:
        return None
    if not foreign_script and not _mostly_words_of(best.language, words):
        return None  # "my sholder is killin me": English with typos, not German
    return best.language.name.title()


def _english_around_names(text: str) -> bool:
    """Whether the words not capitalised (names aside) are three or more and nearly all
    everyday English: "Tadeusz Nowak, my name is Ewa" is English, whatever the names are;
    German capitalises its nouns, but its other words are not English."""
    plain = [w for w in re.findall(r"[^\W\d_]+", text) if not w[:1].isupper()]
    if len(plain) < _MIN_WORDS:
        return False
    english = sum(zipf_frequency(w, "en") >= 3 for w in plain)
    return english >= len(plain) * 3 / 4


def _looks_like_a_name(text: str) -> bool:
    """Two to six words, each capitalised (or a particle: "de", "la", "van"), nothing else."""
    words = text.strip(" .!").split()
    particles = {"de", "la", "del", "van", "der", "von", "da", "dos", "di", "y", "e", "bin", "al"}
    return 2 <= len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in particles for w in (w.strip(",") for w in words)
    )


def _mostly_words_of(language: Language, words: list[str]) -> bool:
    """Whether most words are commoner in `language` than in English (by wordfreq, which
    knows some forty languages; for the others lingua's word is taken)."""
    code = language.iso_code_639_1.name.lower()
    theirs = sum(zipf_frequency(word, code) > zipf_frequency(word, "en") for word in words)
    return theirs / len(words) >= _MIN_FOREIGN_SHARE


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")
