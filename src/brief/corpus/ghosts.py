"""Ids of entries left out for their own problems, still checked for duplicates.

An entry left out (a disputed claim without a note, say) never loads, but its id is
still taken: were its own problem fixed, a second entry with that id would be a
duplicate (``BRIEF009``). So that ``brief validate`` reports both in one run, the
loader keeps these ids here and checks each entry against them, worded as if the
entry left out had loaded. Which entry loads does not change.
"""

from __future__ import annotations

from ..core.kinds import SINGULAR

_NAMED = ("topics", "actors", "sources")  # kinds that share the id namespace


def place(file: str, path: str) -> str:
    """Where an entry is, as a duplicate's problem names the first: ``notes/a.toml,
    claims[3]`` (its file's display name, its key path there)."""
    return f"{file}, {path}"


def duplicate(
    kind: str, ident: str, layer: int, same: tuple[str, int] | None, named: tuple[str, str] | None
) -> str | None:
    """Why an entry of *kind* with the id *ident*, in *layer*, is a duplicate, if it is.

    *same*: the place (see :func:`place`) and layer of an earlier entry of *kind* with
    that id; *named*: the kind and place of an earlier topic, actor or source with it.
    """
    if kind in _NAMED and named is not None and named[0] != kind:
        return f"id {ident!r} is already the {SINGULAR[named[0]]} in {named[1]}"
    if same is not None and same[1] == layer:
        return f"duplicate {SINGULAR[kind]} id {ident!r} (first defined in {same[0]})"
    return None


class Ghosts:
    """The ids of one load's entries left out for their own problems."""

    def __init__(self) -> None:
        self.by_kind: dict[str, dict[str, tuple[str, int]]] = {}
        """By kind, each id with the place (see :func:`place`) and layer of its first
        entry left out."""
        self.named: dict[str, tuple[str, str]] = {}
        """Topic, actor and source ids, each with its kind and place."""

    def __bool__(self) -> bool:
        """Whether any entry has been left out yet (if not, nothing can clash)."""
        return bool(self.by_kind)

    def add(self, kind: str, ident: str, where: str, layer: int) -> None:
        """Note an entry left out, at *where* (see :func:`place`); the first of a layer
        keeps the id."""
        table = self.by_kind.setdefault(kind, {})
        if ident not in table or table[ident][1] != layer:
            table[ident] = (where, layer)
        if kind in _NAMED:
            self.named.setdefault(ident, (kind, where))

    def clash(self, kind: str, ident: str, layer: int) -> str | None:
        """Why an entry of *kind* with the id *ident* in *layer* duplicates one left out."""
        same = self.by_kind.get(kind, {}).get(ident)
        return duplicate(kind, ident, layer, same, self.named.get(ident))
