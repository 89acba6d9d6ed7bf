"""Where the corpus comes from: the bundled corpus, ``BRIEF_PATH``, then ``--corpus``.

Kept apart from the loader so that a warm start can name its layers (to find their
cache) without importing the parser.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import NamedTuple

BUNDLED_LABEL = "[bundled]"


class Layer(NamedTuple):
    """One corpus folder and the label its files are named by in messages.

    The root is a plain string: ``pathlib`` costs 3 ms to import, which a warm start
    never needs to pay.
    """

    root: str
    label: str


def bundled_root() -> str:
    """The corpus shipped inside the package (or ``briefs/`` in a source checkout)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # brief/corpus -> brief
    shipped = os.path.join(here, "briefs")
    if os.path.isdir(shipped):
        return shipped
    # editable install: src/brief -> repo/briefs
    return os.path.join(os.path.dirname(os.path.dirname(here)), "briefs")


def layers_for(
    corpus_dirs: Sequence[str] = (),
    *,
    bundled: bool = True,
    env: Mapping[str, str] | None = None,
    config_dirs: Sequence[str] = (),
) -> list[Layer]:
    """The active layers, later ones winning: bundled, the config file's folders,
    ``BRIEF_PATH`` folders, then ``--corpus`` folders.

    A folder named twice (in the config file and with ``--corpus``, say, or as
    ``notes`` and ``./notes/``) is one layer, in its last place: read twice, every
    entry in it would be loaded twice and override itself.
    """
    env = os.environ if env is None else env
    layers = [Layer(bundled_root(), BUNDLED_LABEL)] if bundled else []
    extra = [p for p in env.get("BRIEF_PATH", "").split(os.pathsep) if p]
    layers += [Layer(p, p.rstrip("/\\") or p) for p in (*config_dirs, *extra, *corpus_dirs)]
    last = {_same(layer.root): i for i, layer in enumerate(layers)}
    return [layer for i, layer in enumerate(layers) if last[_same(layer.root)] == i]


def _same(root: str) -> str:
    """What tells one folder from another, however it is written."""
    return os.path.normcase(os.path.realpath(root))
