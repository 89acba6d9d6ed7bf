"""Which characters are unsafe to print, and a fast check for them.

The one list of them (:data:`RANGES`): ``sanitize`` builds its replacement tables and
its regex from it. This module builds neither (about 6 ms between them), so the cache,
which checks again everything it reads back from disk, can afford it on a warm start:
every unsafe character is one ``str.isprintable`` rejects, so a printable string (the
newline aside) needs no other check.
"""

from __future__ import annotations

from typing import Any

#: Inclusive ranges of code points that could move the cursor, set the clipboard,
#: reorder what is shown or crash the output encoder (the newline, U+000A, is not one).
RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x09),  # C0 controls (a tab breaks layout), ...
    (0x0B, 0x1F),  # ... but the newline
    (0x7F, 0x9F),  # DEL and the C1 controls (U+009B is a CSI)
    (0x061C, 0x061C),  # Arabic letter mark
    (0x200E, 0x200F),  # left-to-right and right-to-left marks
    (0x2028, 0x2029),  # line and paragraph separators
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x206F),  # bidi isolates, deprecated format controls
    (0xD800, 0xDFFF),  # lone surrogates: undecodable bytes in file names
    (0xFEFF, 0xFEFF),  # byte-order mark
    (0xFFF9, 0xFFFB),  # interlinear annotation controls
)


def shown_line(text: str) -> str:
    """*text* made inert for one line of output (``sanitize.inert_line``), cheaply.

    For paths and names printed where a warm start is measured (``brief --version``):
    a printable string is returned as it is, and only another one loads ``sanitize``.
    """
    if text.isprintable():
        return text
    from .sanitize import inert_line

    return inert_line(text)


def inert_record(value: Any) -> Any:
    """A copy of a plain record (tuples, lists, dicts of strings and numbers) made inert.

    For what is read back from disk (the cache): every string, keys included, gets
    ``sanitize.inert``; a printable string is kept as it is (one C-speed scan), and a
    record that holds nothing else (as every record the loader made) is given back
    itself, walked but not copied.
    """
    kind = type(value)
    if kind is str:
        if value.isprintable() or value.replace("\n", "").isprintable():
            return value  # what is left is unsafe or merely unprintable (U+00AD): rare
        from .sanitize import inert

        return inert(value)
    if (kind is tuple or kind is list) and _printable(value):
        return value
    if kind is tuple or kind is list:
        return kind([inert_record(x) for x in value])
    if kind is dict:
        return {inert_record(k): inert_record(v) for k, v in value.items()}
    return value


def _printable(items: tuple[Any, ...] | list[Any]) -> bool:
    """Whether *items* hold only printable strings (newlines aside), None, numbers and
    tuples of the same: a record that needs no copy (a warm command that reads 200,000
    claims made some 1.6 million copies of their nested tuples)."""
    for x in items:
        kind = type(x)
        if kind is str:
            if not x.isprintable() and not x.replace("\n", "").isprintable():
                return False
        elif kind is tuple:
            if not _printable(x):
                return False
        elif x is not None and kind is not int and kind is not float and kind is not bool:
            return False  # a list or dict (copied, as lists are), or anything else
    return True
