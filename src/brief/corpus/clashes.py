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

_NAMED = ("topics", "actors", "sources")  # kinds that share the id namespace


def check_names(merged: Mapping[str, Mapping[str, Any]], problems: list[Diagnostic]) -> None:
    """Report names and aliases that would make a lookup ambiguous."""
    owner: dict[str, tuple[str, Any]] = {}
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
                    continue
                held = owner.get(key)
                if held is None:
                    owner[key] = (kind, placed)
                elif held[1] is not placed:
                    other_kind, other = held
                    problems.append(
                        Diagnostic(
                            d.NAME_CLASH,
                            placed.file,
                            f"{placed.path}.{sub}",
                            f"{name!r} also names the {SINGULAR[other_kind]} {other.entry.id!r}"
                            + (f" ({other.file})" if other.file != placed.file else ""),
                        )
                    )
