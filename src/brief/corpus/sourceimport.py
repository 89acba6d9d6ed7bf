"""``brief source import``: a source entry made from a local copy of its text.

The entry's sections are the text's headings (``sourcetext.split``: Markdown headings,
or a plain-text article's title lines); the text is copied beside the entry, which
names it as its ``text`` so that ``brief validate`` checks quotes against it. Both go
into new files (``sources/ID.toml`` and ``sources/ID.md`` or ``.txt``) written by
temp file and rename; an existing file is never overwritten.

Headings a web page puts around an article are left out of the sections, and each is
told (:func:`sections_of`): one named as a page's own (``Share this article``,
``Related``, ``Comments``, a short list matched whole), whatever is under it, and one
with nothing under it after the text's end. The copy of the text keeps them.

For authoring commands only: never on the path of ``show``, ``list`` or ``search``.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from ..core.errors import UsageError
from .authoring import WriteError, entry_text, file_header, schema_reference, write_exact
from .reader import MAX_FILE_BYTES
from .sourcetext import SourceText, split

_MARKDOWN = (".md", ".markdown")


class LeftOut(NamedTuple):
    """A heading left out of a source's sections."""

    heading: str
    words: int
    """How many words are under it: 0 for a heading with nothing under it."""


class Imported(NamedTuple):
    """What ``source import`` wrote."""

    entry: str
    """The path of the new corpus file holding the source."""
    text: str
    """The path of the copy of its text."""
    sections: tuple[str, ...]
    """The headings found that became its sections."""
    left_out: tuple[LeftOut, ...]
    """The headings found that did not (see :func:`sections_of`)."""


#: Headings a web page adds around an article (sharing, links to other articles,
#: newsletters, comments, advertising), matched whole, case and punctuation aside.
_PAGE_HEADING = re.compile(
    r"share( (this|the) (article|story|page|post))?( on \w+)?"
    r"|related( (articles?|stories|content|coverage|posts|reading|links))?"
    r"|read more|more on this (story|topic)|more stories|you (may|might) also like"
    r"|recommended( (for you|reading|articles|stories))?|most (read|popular|viewed|shared)"
    r"|(sign up|subscribe)( (to|for) (our|the))? newsletters?|newsletters?|subscribe"
    r"|(\d+ )?comments?( \d+)?|leave a (comment|reply)|join the (conversation|discussion)"
    r"|advertisement|sponsored( content)?|follow us( on \w+)?|tags"
)


def page_heading(heading: str) -> bool:
    """Whether *heading* is one a web page adds around an article (``Share this article``)."""
    words = " ".join(re.sub(r"\W+", " ", heading.casefold()).split())
    return _PAGE_HEADING.fullmatch(words) is not None


def sections_of(found: SourceText) -> tuple[tuple[str, ...], tuple[LeftOut, ...]]:
    """The headings of *found* to keep as sections, and those left out: a web page's own
    (:func:`page_heading`), whatever is under it, and any with nothing under it after the
    text's end, where a page's sharing and following links are. A heading with nothing
    under it before the end is kept: its text may be under the headings below it."""
    bodies = [body for _, body in found.sections]
    end = max((i for i, body in enumerate(bodies) if body), default=-1)
    after_end = {head for head, _ in found.sections[end + 1 :]}
    kept: list[str] = []
    left_out: list[LeftOut] = []
    for heading in found.headings():
        under = (found.section(heading) or "").split()
        words = sum(any(c.isalnum() for c in word) for word in under)  # not list bullets
        if page_heading(heading) or (not words and heading in after_end):
            left_out.append(LeftOut(heading, words))
        else:
            kept.append(heading)
    return tuple(kept), tuple(left_out)


def read_source(path: str) -> tuple[bytes, SourceText]:
    """The bytes of the file *path* and its text split at its headings; ``UsageError``
    (naming the file) when it cannot be read, is too big or is not UTF-8 text."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"{path}: larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    from ..core.sanitize import inert

    text = inert(text.replace("\r\n", "\n").replace("\r", "\n"))
    markdown = True if path.lower().endswith(_MARKDOWN) else None
    return data, split(text, markdown)


def write_source(
    target: str, ident: str, title: str, kind: str, data: bytes, found: SourceText, ext: str
) -> Imported:
    """Write the copy of the text and the entry naming it into the corpus folder *target*."""
    folder = os.path.join(target, "sources")
    entry_path = os.path.join(folder, f"{ident}.toml")
    text_path = os.path.join(folder, f"{ident}{ext}")
    for path in (entry_path, text_path):
        if os.path.lexists(path):
            raise UsageError(f"{path} already exists: choose another --id")
    sections, left_out = sections_of(found)
    values: dict[str, str | list[str]] = {"id": ident, "title": title, "kind": kind}
    if sections:
        values["sections"] = list(sections)
    values["text"] = f"{ident}{ext}"
    entry = entry_text("source", values)
    header = file_header(schema_reference(target, entry_path))
    write_exact(text_path, data)
    try:
        write_exact(entry_path, (header + "\n" + entry).encode())
    except WriteError:
        os.unlink(text_path)
        raise
    return Imported(entry_path, text_path, sections, left_out)


def imported_text(path: str, root: str, ident: str, data: bytes) -> str | None:
    """The path of the text of the source *ident*, defined in the corpus file *path* of
    the folder *root*, when that text is *data* byte for byte: the file being imported
    is imported already. None when it is not, or cannot be told."""
    from ..core.diagnostics import Diagnostic
    from .parse import parse
    from .reader import read_bytes
    from .sourcetext import text_path

    read = read_bytes(path, root, path)
    doc = parse(read, path) if isinstance(read, bytes) else read
    if isinstance(doc, Diagnostic) or not isinstance(doc.get("sources"), list):
        return None
    for table in doc["sources"]:
        if not isinstance(table, dict) or table.get("id") != ident:
            continue
        text = table.get("text")
        if isinstance(text, str):
            copy = text_path(path, text)
            return copy if read_bytes(copy, root, copy) == data else None
    return None
