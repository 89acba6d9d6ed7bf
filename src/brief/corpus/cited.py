"""The text a citation points to: for a reader to see its quote in place, and to say
whether the text holds the quote wherever a briefing shows it.

A source names its corpus file by display name (``label/rel``, see
``reader.display_name``), as the cache keeps it: :func:`corpus_file` finds the file
again among the layers. Its text is read as the quote check reads it (see
``quotecheck``): by ``sourcetext.read_text``, inside the corpus folder, made inert.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .reader import display_name
from .sourcetext import SourceText, read_text, split, text_path

if TYPE_CHECKING:
    from ..core.model import Source
    from .layers import Layer


def corpus_file(name: str, layers: Sequence[Layer]) -> tuple[str, str] | None:
    """``(path, layer root)`` of the corpus file displayed as *name*; None if none is."""
    for layer in reversed(layers):  # later layers win, as loading them does
        prefix = f"{layer.label}/" if layer.label else ""
        if not name.startswith(prefix):
            continue
        rel = name[len(prefix) :]
        path = os.path.join(layer.root, rel)
        if display_name(layer.label, rel) == name and os.path.isfile(path):
            return path, layer.root
    return None


def source_text(source: Source, layers: Sequence[Layer]) -> SourceText | None:
    """*source*'s text, in its sections, as the quote check reads it.

    None when the source has no text, or the text cannot be read (outside the corpus
    folder, too big, not UTF-8, gone): what cannot be shown, nor looked in.
    """
    if source.text is None:
        return None
    found = corpus_file(source.file, layers)
    if found is None:
        return None
    path, root = found
    try:
        text = read_text(text_path(path, source.text), root, source.text)
    except (ValueError, OSError):
        return None
    markdown = source.text.lower().endswith((".md", ".markdown")) or None  # as quotecheck
    return split(text, markdown=markdown)


class QuoteFinder:
    """Whether a source's text holds a quote, as ``brief validate`` looks for it (see
    ``quotecheck``): in the section cited, or the whole text when it has no such
    heading. Called with the source's id, the section cited and the words quoted;
    None when the source has no text to look in. Each text is read once, when first
    needed: a briefing with no quotes reads none.
    """

    def __init__(self, text_of: Callable[[str], SourceText | None]) -> None:
        self._text_of = text_of
        self._read: dict[str, SourceText | None] = {}

    def __call__(self, source: str, section: str | None, quote: str) -> bool | None:
        from .quotes import contains

        if source not in self._read:
            self._read[source] = self._text_of(source)
        text = self._read[source]
        return None if text is None else contains(text.cited(section), quote)
