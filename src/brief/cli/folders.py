"""Where the authoring commands write: the folder ``brief new`` writes into, and
whether a folder is one brief reads. Apart from ``authoring`` so that ``brief paths``
can say it without importing the authoring commands.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .context import options

if TYPE_CHECKING:
    from collections.abc import Sequence

    import click

    from ..corpus.layers import Layer


#: How :func:`default_folder` chose: the personal corpus; the config file's last corpus
#: folder (there is no personal corpus); or none of them (the personal corpus's path).
PERSONAL, FROM_CONFIG, NO_FOLDER = "personal", "config", "none"
#: How :func:`default_folder` chose a folder, in words (``paths`` and ``init`` say it).
CHOSEN = {PERSONAL: "your personal corpus", FROM_CONFIG: "the config file's last corpus folder"}


def default_folder(ctx: click.Context, corpus: Sequence[str] | None = None) -> tuple[str, str]:
    """The folder ``new`` writes into without --into (``edit`` copies a bundled entry
    into it, ``source import`` writes into it), and how it was chosen: the personal
    corpus (see ``init``), when that folder exists (:data:`PERSONAL`); else the last
    folder of the config file's corpus list that exists (:data:`FROM_CONFIG`); else
    none (:data:`NO_FOLDER`, with the personal corpus's path, not yet made).

    *corpus*: the config file's corpus list, when it has changed since the command began
    (``init`` adds to it); else the list read then."""
    from ..corpus.authoring import personal_folder

    default = personal_folder()
    if os.path.isdir(default):
        return default, PERSONAL
    for folder in reversed(options(ctx).config.corpus if corpus is None else corpus):
        if os.path.isdir(folder):
            return folder, FROM_CONFIG
    return default, NO_FOLDER


def in_use(layers: Sequence[Layer], folder: str) -> bool:
    """Whether *folder* is the folder of one of *layers*."""
    here = os.path.abspath(folder)
    return any(os.path.abspath(layer.root) == here for layer in layers)
