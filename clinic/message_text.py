"""A patient's message as the web server passes it on: text that can always be stored and
shown, with nothing in it that hides or reorders words.

Browsers and scripts can send what no keyboard types: half of a UTF-16 pair (which Rasa's
store can't encode, so the message was lost), control characters, or the invisible marks
that make text display in another order (a transcript could then show staff other words).
"""

from __future__ import annotations

import re
import unicodedata

# Joiners that writing needs: emoji sequences (ZWJ) and Persian and Indic words (ZWNJ).
_KEPT_FORMAT = {"\u200c", "\u200d"}
# Tags spell subdivision flags after a black flag emoji (England's, Scotland's).
_TAGS = range(0xE0020, 0xE0080)
_LINE_ENDS = re.compile(r"\r\n?")
# A mark (no letter, digit or space: an emoji, "!", "?!") repeated: each repeat costs the
# language reader as much as a word, and after the third says nothing more.
_REPEATED_MARKS = re.compile(r"([^\w\s]{1,4}?)\1{3,}")
# Symbols and emoji a message may hold: a story with its feelings has a few dozen at most;
# hundreds of different ones cost seconds to read and say nothing in words.
MAX_MARKS = 150
_MARK_KINDS = ("So", "Sm", "Sk", "Sc", "Co", "Cn")


def cleaned(text: str) -> str:
    """`text` with lone surrogates and non-characters replaced by U+FFFD, control and
    invisible format characters (direction overrides among them) removed, line ends made
    "\n", and letters in one form (NFKC: full-width letters become ordinary ones)."""
    # A pair of surrogates becomes its character; a lone one becomes U+FFFD.
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = _LINE_ENDS.sub("\n", text)
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cc" and char not in "\n\t":
            continue
        if kind == "Cf" and char not in _KEPT_FORMAT and ord(char) not in _TAGS:
            continue
        if kind == "Cn" and (ord(char) & 0xFFFE == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF):
            char = "\ufffd"  # a non-character, never text
        kept.append(char)
    text = unicodedata.normalize("NFKC", "".join(kept))
    return _REPEATED_MARKS.sub(r"\1\1\1", text)


def marks(text: str) -> int:
    """How many symbols and emoji `text` holds (punctuation and letters of any script are
    words' parts, not marks)."""
    return sum(1 for char in text if unicodedata.category(char) in _MARK_KINDS or char == "\ufffd")
