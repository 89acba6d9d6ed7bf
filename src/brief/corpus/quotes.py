"""Finding a quote in a source's text, forgiving only what typing changes.

Whitespace, quote marks, dashes and case are normalised on both sides (an editor
types ``"`` where the article printed ``“``, a line break where it had a space); the
words themselves must match. When a quote is not there, the closest passage of the
same number of words (fitted to the sentence it ends in) is offered as a hint.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import difflib

_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'")
_QUOTES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'))
_QUOTES.update(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"))
#: How long a hint may be, in characters, before it is cut with an ellipsis.
HINT_CHARS = 90


def normal(text: str) -> str:
    """*text* as quotes are compared: NFKC, marks and dashes unified, case folded,
    whitespace runs as one space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def contains(haystack: str, quote: str) -> bool:
    """Whether *quote* occurs in *haystack* as whole words, both normalised (see
    :func:`normal`): ``restrained campaign`` is not in ``an unrestrained campaign``."""
    return _at(normal(haystack), normal(quote)) >= 0


def _at(text: str, target: str) -> int:
    """Where *target* first occurs in *text*, neither of its ends inside a word of *text*
    (a quote that begins or ends with a letter or digit begins or ends with a word);
    -1 when it does not."""
    if not target:
        return 0
    before = r"(?<!\w)" if _wordy(target[0]) else ""
    after = r"(?!\w)" if _wordy(target[-1]) else ""
    found = re.search(before + re.escape(target) + after, text)
    return found.start() if found else -1


def _wordy(char: str) -> bool:
    """Whether *char* is part of a word as ``\\w`` reads it (a letter, a digit, ``_``)."""
    return re.match(r"\w", char) is not None


def closest(haystack: str, quote: str) -> str | None:
    """The passage of *haystack* most like *quote* (as many words), or None if nothing is.

    Compares word windows with ``difflib``; only called when the quote is not found.
    The passage found ends where its sentence or clause does, when that is right after
    it (:data:`REACH` words at most), and leaves out the words of a sentence or clause
    it runs into (or comes from) when the passage is more like the quote without them:
    a quote of seven words for six of the text took the next sentence's first word too.
    """
    import difflib  # the error path only

    words, ends = _words(haystack)
    size = max(1, len(quote.split()))
    if not words:
        return None
    target = normal(quote)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    best, best_at = 0.0, 0
    for at in range(max(1, len(words) - size + 1)):
        matcher.set_seq1(normal(" ".join(words[at : at + size])))
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            ratio = matcher.ratio()
            if ratio > best:
                best, best_at = ratio, at
    if best < 0.4:
        return None
    start, stop = _fitted(words, ends, best_at, min(len(words), best_at + size), matcher)
    passage = " ".join(words[start:stop])
    return passage if len(passage) <= HINT_CHARS else passage[: HINT_CHARS - 1] + "…"


#: How many words past the closest passage its sentence or clause may end, for the hint
#: to end there too.
REACH = 3
#: What may close a sentence or clause after its stop (a quotation mark, a bracket).
_CLOSERS = "\"'\u201d\u2019\u00bb)]}"
_STOPS = (".", "!", "?", ";", ":", ",", "\u2026")
_DASHES = frozenset("-\u2013\u2014\u2015")
_PARAGRAPH = re.compile(r"\S+|\n[ \t]*\n")


def _words(text: str) -> tuple[list[str], list[bool]]:
    """The words of *text* (split at whitespace), and for each whether a sentence or a
    clause ends with it: at its stop (``here.``, ``third,``, ``here."``), before a dash
    standing alone (``growing — though``), at a paragraph's end and the text's."""
    words: list[str] = []
    ends: list[bool] = []
    for match in _PARAGRAPH.finditer(text):
        word = match[0]
        if word[0] == "\n":  # a blank line
            if ends:
                ends[-1] = True
            continue
        if ends and set(word) <= _DASHES:  # a dash standing alone: a clause ended
            ends[-1] = True
        words.append(word)
        ends.append(word.rstrip(_CLOSERS).endswith(_STOPS))
    if ends:
        ends[-1] = True
    return words, ends


def _fitted(
    words: list[str], ends: list[bool], start: int, stop: int, matcher: difflib.SequenceMatcher[str]
) -> tuple[int, int]:
    """The words ``start:stop`` (the closest window) fitted to the text's sentences and
    clauses: without the words beyond a clause's end at either side when the passage is
    more like the quote (*matcher*'s) without them, else ending where its clause does
    when that is within :data:`REACH` words."""
    cuts = [k + 1 for k in range(start, stop - 1) if ends[k]]
    if cuts:

        def ratio(span: tuple[int, int]) -> float:
            matcher.set_seq1(normal(" ".join(words[span[0] : span[1]])))
            return matcher.ratio()

        spans = [(a, b) for a in (start, *cuts) for b in (*cuts, stop) if a < b]
        # the whole window first: of passages as like the quote, the longest is kept
        spans.sort(key=lambda span: span[0] - span[1])
        fitted = max(spans, key=ratio)
        if fitted[1] < stop:
            return fitted
        start = fitted[0]
    for k in range(stop - 1, min(len(words), stop + REACH)):
        if ends[k]:
            longer = " ".join(words[start : k + 1])
            return (start, k + 1) if len(longer) <= HINT_CHARS else (start, stop)
    return start, stop


def span(haystack: str, quote: str) -> tuple[int, int] | None:
    """Where *quote* occurs in *haystack*, matched as :func:`contains` matches it:
    ``(start, end)`` offsets into *haystack* itself, or None when it is not there.

    *haystack* is normalised a character (with its combining marks) at a time, each
    normalised character remembering the original one it came from, so that a match
    in the normalised text maps back to the words as they are written.
    """
    target = normal(quote)
    if not target:
        return None
    out: list[str] = []
    owner: list[int] = []
    for start, piece in _pieces(haystack):
        for char in unicodedata.normalize("NFKC", piece).translate(_QUOTES).casefold():
            if char.isspace():
                if not out or out[-1] == " ":
                    continue
                char = " "
            out.append(char)
            owner.append(start)
    at = _at("".join(out), target)  # a trailing space never starts or ends a match
    if at < 0:
        return None
    return owner[at], _end(haystack, owner[at + len(target) - 1])


def _pieces(text: str) -> list[tuple[int, str]]:
    """*text* as ``(offset, piece)``: each character with the combining marks after it."""
    pieces: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if pieces and unicodedata.combining(char):
            start, piece = pieces[-1]
            pieces[-1] = (start, piece + char)
        else:
            pieces.append((i, char))
    return pieces


def _end(text: str, start: int) -> int:
    """The offset just past the piece of *text* that begins at *start*."""
    end = start + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end
