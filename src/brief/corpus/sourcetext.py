"""A source's local text (format 2's ``text``): read safely, split into sections.

The file is untrusted like a corpus file and read by the same reader: it must lie
inside the corpus folder (by its path and by where links lead), be a regular file of
at most :data:`~brief.corpus.reader.MAX_FILE_BYTES`, and be UTF-8; its text is made
inert before anything matches or shows it.

Its sections are its headings: Markdown ``#`` headings, or, in a plain-text article,
the short title lines that stand alone (no closing punctuation, a few words), as the
articles the bundled corpus is written from use them.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from ..core.names import normalise
from ..core.sanitize import inert
from .reader import read_bytes

_MARKDOWN = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
#: A title line of a plain-text article: at most this many words and characters.
TITLE_WORDS, TITLE_CHARS = 12, 90


class SourceText(NamedTuple):
    """A source's text: its title line, if any, and its sections by heading."""

    title: str | None
    """The first heading, when it opens the text (a Markdown ``#`` or a title line)."""
    sections: tuple[tuple[str, str], ...]
    """``(heading, body)`` in order; text before the first heading is under ``""``."""

    def section(self, heading: str | None) -> str | None:
        """The body under *heading* (matched as names are, ignoring case and
        punctuation); the whole text for None; None when there is no such heading."""
        if heading is None:
            return self.whole()
        key = normalise(heading)
        found = [body for head, body in self.sections if head and normalise(head) == key]
        return "\n".join(found) if found else None

    def cited(self, heading: str | None) -> str:
        """What a citation of *heading* points to, where its quote is looked for: the
        section's body, or the whole text when it has no such heading (the corpus's
        problem, told apart: see ``corpus.resolve``)."""
        body = self.section(heading)
        return self.whole() if body is None else body

    def whole(self) -> str:
        """Every section, headings and bodies."""
        return "\n".join(f"{head}\n{body}" if head else body for head, body in self.sections)

    def headings(self) -> tuple[str, ...]:
        """The section headings, in order, without repeats and without the title."""
        seen: dict[str, None] = {}
        for head, _ in self.sections:
            if head and head != self.title:
                seen.setdefault(head, None)
        return tuple(seen)


def text_path(corpus_file: str, text: str) -> str:
    """Where a source's *text* is, given the path of the corpus file naming it."""
    return os.path.normpath(os.path.join(os.path.dirname(corpus_file), text))


def _inside(path: str, root: str) -> bool:
    real_root = os.path.realpath(root)
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):  # pragma: no cover - realpath rarely fails
        return False
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def read_text(path: str, root: str, name: str) -> str:
    """The text of the file *path* under the corpus folder *root*, made inert.

    Raises ``ValueError`` saying why it cannot be used (one line, no file content).
    *name* is how messages name the file.
    """
    if "\x00" in path or not _inside(path, root):
        raise ValueError("cannot read: it is outside the corpus folder")
    if not os.path.lexists(path):  # never there: not "disappeared", as a corpus file is
        raise ValueError("no such file (a path from the folder of the file naming it)")
    data = read_bytes(path, root, name)
    if not isinstance(data, bytes):
        raise ValueError(data.message)
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start})") from None
    return inert(decoded.replace("\r\n", "\n").replace("\r", "\n"))


def split(text: str, markdown: bool | None = None) -> SourceText:
    """*text* split at its headings; Markdown when *markdown*, or when it has ``#`` headings."""
    lines = text.split("\n")
    if markdown is None:
        markdown = any(_MARKDOWN.match(line) for line in lines)
    heads = _markdown_heads(lines) if markdown else _title_lines(lines)
    sections: list[tuple[str, str]] = []
    start, head = 0, ""
    for at, (heading, skip) in sorted(heads.items()):
        body = "\n".join(lines[start:at]).strip()
        if head or body:
            sections.append((head, body))
        start, head = at + skip, heading
    sections.append((head, "\n".join(lines[start:]).strip()))
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = heads[first][0] if first is not None and first in heads else None
    return SourceText(title, tuple(sections))


def _markdown_heads(lines: list[str]) -> dict[int, tuple[str, int]]:
    """Line number -> (heading, lines it takes), for ATX and setext headings."""
    heads: dict[int, tuple[str, int]] = {}
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        found = _MARKDOWN.match(line)
        if found:
            heads[i] = (found.group(2).strip(), 1)
        elif i and _SETEXT.match(line) and lines[i - 1].strip() and i - 1 not in heads:
            heads[i - 1] = (lines[i - 1].strip(), 2)
    return heads


def _title_lines(lines: list[str]) -> dict[int, tuple[str, int]]:
    """Line number -> (heading, 1): short lines with no closing punctuation."""
    heads: dict[int, tuple[str, int]] = {}
    for i, line in enumerate(lines):
        if is_title_line(line):
            heads[i] = (line.strip(), 1)
    return heads


def is_title_line(line: str) -> bool:
    """Whether *line* reads as a plain-text article's section title."""
    text = line.strip()
    if not text or len(text) > TITLE_CHARS or len(text.split()) > TITLE_WORDS:
        return False
    if text[-1] in ".,;:!?\"')]\u201d\u2019" or text[0] in "-*\u2022>|":
        return False
    return text[0].isupper() or text[0].isdigit()
