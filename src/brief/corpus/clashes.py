"""Names and aliases that would make a lookup ambiguous: the last check of a load.

Apart from the loader so that it stays readable; the cache never needs it (an edit
that renames or re-aliases anything is declined and the cache rebuilt).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.kinds import SINGULAR
from ..core.model import Claim
from ..core.names import normalise
from ..core.sanitize import quoted

_NAMED = ("topics", "actors", "sources")  # kinds that share the id namespace


def check_names(merged: Mapping[str, Mapping[str, Any]], problems: list[Diagnostic]) -> None:
    """Report names and aliases that would make a lookup ambiguous, each with the entry
    the name reaches (:func:`reached`)."""
    owner: dict[str, tuple[str, Any]] = {}
    reaches: dict[str, tuple[str, Any]] | None = None  # made at the first clash: rare
    for kind in _NAMED:
        for placed in merged[kind].values():
            entry = placed.entry
            assert not isinstance(entry, Claim)
            aliases: tuple[str, ...] = getattr(entry, "aliases", ())
            keys = [("id", entry.id), ("name" if kind == "actors" else "title", entry.title)]
            keys += [(f"aliases[{i}]", alias) for i, alias in enumerate(aliases)]
            for sub, name in keys:
                key = normalise(name)
                if not key:
                    if sub.startswith("aliases"):  # a title is shown; an alias only finds
                        problems.append(_unreachable(placed, sub, name))
                    continue
                held = owner.get(key)
                if held is None:
                    owner[key] = (kind, placed)
                elif held[1] is not placed:
                    other_kind, other = held
                    reaches = reached(merged) if reaches is None else reaches
                    there = f" ({other.file})" if other.file != placed.file else ""
                    message = (
                        f"{name!r} also names the {SINGULAR[other_kind]} {other.entry.id!r}"
                        f"{there}; {_reaches(reaches[key], kind, placed)}"
                    )
                    problems.append(
                        Diagnostic(d.NAME_CLASH, placed.file, f"{placed.path}.{sub}", message)
                    )


def _unreachable(placed: Any, sub: str, name: str) -> Diagnostic:
    """An alias of no letter or digit, which no lookup can reach (a tester's ``"🔥"``
    passed validate, and ``brief show 🔥`` found nothing)."""
    message = f"{quoted(name)} has no letters or digits: no name reaches the entry by it"
    return Diagnostic(d.BAD_VALUE, placed.file, f"{placed.path}.{sub}", message)


def reached(merged: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, Any]]:
    """Each normalised name, with the kind and the merged entry it reaches, as
    ``core.index`` resolves names for ``brief show``: ids over titles over aliases,
    topics over actors over sources, earlier over later (the corpus keeps the merged
    order)."""
    entries = [(kind, placed) for kind in _NAMED for placed in merged[kind].values()]
    out: dict[str, tuple[str, Any]] = {}
    for kind, placed in entries:
        out.setdefault(normalise(placed.entry.id), (kind, placed))
    for kind, placed in entries:
        out.setdefault(normalise(placed.entry.title), (kind, placed))
    for kind, placed in entries:
        for alias in getattr(placed.entry, "aliases", ()):
            out.setdefault(normalise(alias), (kind, placed))
    return out


def _reaches(target: tuple[str, Any], kind: str, placed: Any) -> str:
    """``'brief show' reaches the topic 'x' by that name``, or ``this topic``."""
    what, found = target
    if found is placed:
        return f"'brief show' reaches this {SINGULAR[kind]} by that name"
    return f"'brief show' reaches the {SINGULAR[what]} {found.entry.id!r} by that name"
