"""The relations a claim may state between actors (format 2's ``relation`` key).

A claim with ``relation = "shields"`` reads "actors[0] shields each of the other
actors". The vocabulary is small and fixed, so that pictures drawn from different
corpora mean the same; each relation says whether it reads the same both ways.
Imports nothing, so that the schema, the views and ``--help`` may name relations cheaply.
"""

from __future__ import annotations

from typing import NamedTuple


class Relation(NamedTuple):
    """One kind of relation between two actors."""

    name: str
    """Its name as a corpus file writes it (``trades-with``)."""
    symmetric: bool
    """Whether "A rel B" also says "B rel A" (``trades-with``, ``allied-with``)."""
    meaning: str
    """What "A rel B" says, in one line, for the docs and the JSON Schema."""
    passive: str
    """How B's side reads: ``shielded by``; for a symmetric relation, its own words."""

    @property
    def words(self) -> str:
        """Its name as a sentence reads it: ``trades with``."""
        return self.name.replace("-", " ")

    @property
    def verb(self) -> str:
        """What A does to B, after "who it": ``trades with``, ``is allied with``."""
        return f"is {self.words}" if self.name.endswith("ed-with") else self.words


#: Every relation, in the order the docs list them (directed first, then symmetric).
RELATIONS: tuple[Relation, ...] = (
    Relation("supports", False, "A backs B: aid, endorsement, diplomatic cover", "supported by"),
    Relation("opposes", False, "A works against B's aims or positions", "opposed by"),
    Relation(
        "pressures", False, "A pushes B to act or to stop, short of sanctions", "pressured by"
    ),
    Relation("sanctions", False, "A imposes sanctions or restrictions on B", "sanctioned by"),
    Relation(
        "shields",
        False,
        "A protects B from others' measures: vetoes, evasion, cover",
        "shielded by",
    ),
    Relation("depends-on", False, "A relies on B for something it needs", "depended on by"),
    Relation("trades-with", True, "A and B trade with each other", "trades with"),
    Relation("allied-with", True, "A and B are allies, by treaty or in practice", "allied with"),
)
#: The relations by name.
BY_NAME: dict[str, Relation] = {r.name: r for r in RELATIONS}
#: Their names, in order: the values ``relation`` may take.
NAMES: tuple[str, ...] = tuple(BY_NAME)


def relation_name(written: str) -> str:
    """A relation's name as a file or ``--relation`` may write it, normalised: case,
    runs of spaces, underscores and hyphens forgiven (``Trades With``, ``trades_with``
    -> ``trades-with``). Not checked against :data:`NAMES`."""
    return "-".join(written.replace("_", " ").replace("-", " ").lower().split())


def is_symmetric(name: str) -> bool:
    """Whether the relation *name* reads the same both ways (False for an unknown name)."""
    found = BY_NAME.get(name)
    return found is not None and found.symmetric
