"""Width in terminal cells, not characters: Chinese, Japanese and emoji take two cells.

The plain renderer wraps with these (rich measures cells itself). No third-party
module: ``unicodedata`` is imported only for text that is not ASCII, so a briefing in
English pays nothing for it.
"""

from __future__ import annotations

#: Characters that take no cell: zero-width space and joiners, variation selectors.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufe0e\ufe0f")


def char_len(char: str) -> int:
    """The cells one character takes: 0, 1 or 2 (East Asian wide and full-width: 2)."""
    if char.isascii():
        return 1 if char.isprintable() else 0
    from unicodedata import combining, east_asian_width

    if char in _ZERO_WIDTH or combining(char):
        return 0
    return 2 if east_asian_width(char) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """The cells *text* takes in a terminal (``len`` for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(char_len(c) for c in text)


def split_at(text: str, cells: int) -> tuple[str, str]:
    """*text* cut where it would exceed *cells* cells (at least one character kept)."""
    used = 0
    for i, char in enumerate(text):
        used += char_len(char)
        if used > cells and i > 0:
            return text[:i], text[i:]
    return text, ""


def ljust(text: str, cells: int) -> str:
    """*text* padded with spaces to *cells* cells, as ``str.ljust`` pads characters."""
    return text + " " * max(cells - cell_len(text), 0)
