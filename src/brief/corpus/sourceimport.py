"""``brief source import``: a source entry made from a local copy of its text.

The entry's sections are the text's headings (``sourcetext.split``: Markdown headings,
or a plain-text article's title lines); the text is copied beside the entry, which
names it as its ``text`` so that ``brief validate`` checks quotes against it. Both go
into new files (``sources/ID.toml`` and ``sources/ID.md`` or ``.txt``) written by
temp file and rename; an existing file is never overwritten.

For authoring commands only: never on the path of ``show``, ``list`` or ``search``.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from ..core.errors import UsageError
from .authoring import WriteError, entry_text, file_header, schema_reference, write_exact
from .reader import MAX_FILE_BYTES
from .sourcetext import SourceText, split

_MARKDOWN = (".md", ".markdown")


class Imported(NamedTuple):
    """What ``source import`` wrote."""

    entry: str
    """The path of the new corpus file holding the source."""
    text: str
    """The path of the copy of its text."""
    sections: tuple[str, ...]
    """The headings found, which became its sections."""


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
    sections = found.headings()
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
    return Imported(entry_path, text_path, sections)
