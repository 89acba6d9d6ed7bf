"""The text of the section a citation points to, for a reader to see the quote in place.

A source names its corpus file by display name (``label/rel``, see
``reader.display_name``), as the cache keeps it: :func:`corpus_file` finds the file
again among the layers. Its text is read as the quote check reads it (see
``quotecheck``): by ``sourcetext.read_text``, inside the corpus folder, made inert.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .reader import display_name
from .sourcetext import read_text, split, text_path

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


def section_text(source: Source, section: str | None, layers: Sequence[Layer]) -> str | None:
    """The body of *section* (the whole text for None) in *source*'s text.

    None when the source has no text, the text cannot be read (outside the corpus
    folder, too big, not UTF-8, gone) or has no heading *section*: what cannot be shown.
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
    return split(text, markdown=markdown).section(section)
