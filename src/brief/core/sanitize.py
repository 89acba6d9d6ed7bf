"""Make untrusted corpus strings inert before anything can print them.

Corpus files are shared between people, so their text is untrusted. TOML happily
carries ESC, OSC/CSI introducers, C1 controls and bidi overrides, in values and in
quoted keys alike, and both rich and Textual pass those straight to the terminal.
File names are untrusted too: they may hold the same characters, newlines, or bytes
that are not UTF-8 at all (Python hands those over as lone surrogates, which cannot
even be printed).

The loader makes everything inert in one step, as it is read: :func:`inert_document`
(called by ``parse``) rewrites every key and every string value of a parsed file, and
``reader.display_name`` does the same for file names. Each dangerous character is
replaced by a visible escape (``\\x1b``, ``\\u202e``), so the model never holds a
character that could move the cursor, set the clipboard, open a link, reorder what is
shown or crash the output encoder. Keys and names must also stay on one line (they go
into one-line diagnostics), so :func:`inert_line` escapes the newline as well.

Markup is a separate concern, handled by the renderers: corpus text reaches rich only
as ``Text``, and Markdown output escapes its syntax.
"""

from __future__ import annotations

import re
from typing import Any

from .unsafe import RANGES


def _visible(code: int) -> str:
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_DANGEROUS: list[int] = [code for low, high in RANGES for code in range(low, high + 1)]

_TABLE: dict[int, str] = {code: _visible(code) for code in _DANGEROUS}
_TABLE[0x09] = " "  # a tab is harmless but breaks layout: show it as a space
_LINE_TABLE: dict[int, str] = {**_TABLE, 0x0A: "\\n"}


# Any character either table changes but the newline, as a regex class for a C-speed scan.
def _char_class(codes: list[int]) -> str:
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )


_UNSAFE = re.compile(f"[{_char_class([c for c in _TABLE if c != 0x0A])}]")


def might_be_unsafe(source: str) -> bool:
    """Whether a TOML *source* can yield a string :func:`inert` would change.

    Only a character that is unsafe as it stands, or a backslash escape (``\\u001b``,
    ``\\n`` in a key), can put one in a parsed document. Most corpus files have
    neither, and walking their documents would cost as much as a fifth of a load.
    """
    return "\\" in source or _UNSAFE.search(source) is not None


def inert(text: str) -> str:
    """Return *text* with every control, bidi and separator character made visible.

    Newlines are kept (a summary may have paragraphs). Applying it twice changes nothing.
    """
    return text.translate(_TABLE)


def inert_line(text: str) -> str:
    """Like :func:`inert`, and the newline too: for keys and file names, which go on one line."""
    return text.translate(_LINE_TABLE)


def quoted(text: str) -> str:
    """*text* on one line, made inert (:func:`inert_line`), in quotation marks it needs
    no escape inside, so that it can be copied as it is: ``'...'``, as messages quote
    names; ``"..."`` for text holding a ``'``; ``“...”`` for text holding both."""
    text = inert_line(text)
    if "'" not in text:
        return f"'{text}'"
    return f'"{text}"' if '"' not in text else f"\u201c{text}\u201d"


def is_inert(text: str, *, line: bool = False) -> bool:
    """True when *text* holds nothing :func:`inert` (or :func:`inert_line`) would change."""
    table = _LINE_TABLE if line else _TABLE
    return not any(ord(ch) in table for ch in text)


def inert_document(value: Any) -> Any:
    """A copy of a parsed TOML value with every key and every string made inert.

    Keys get :func:`inert_line`, string values :func:`inert`; numbers, booleans and
    dates are kept as they are. (Two keys that differ only in a dangerous character
    become one; neither can become a key the format knows, as those are plain ASCII.)
    """
    if isinstance(value, str):
        return value.translate(_TABLE)
    if isinstance(value, dict):
        return {key.translate(_LINE_TABLE): inert_document(item) for key, item in value.items()}
    if isinstance(value, list):
        return [inert_document(item) for item in value]
    return value
