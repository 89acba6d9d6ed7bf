"""What ``brief export`` publishes: every entry's briefing, the listings, the conflicts,
the relations among actors.

Decided once here, as for every output; ``render.html.site`` only lays it out as pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .records import Briefing, Listing

if TYPE_CHECKING:
    from ..core.index import Index
    from .comparison import Conflicts
    from .graph import Graph

#: The kinds of entry with a page each, in the order the index lists them.
KINDS = ("topics", "actors", "sources")


class Site(NamedTuple):
    """The whole corpus, as an export shows it."""

    listings: tuple[Listing, ...]
    """The topics, actors and sources, listed by title as ``brief list`` lists them."""
    briefings: tuple[Briefing, ...]
    """Every topic's, actor's and source's briefing (with its quotes), in listing order."""
    claims: dict[tuple[str, str], int]
    """How many claims each entry's briefing shows, by its kind (``topic``...) and id."""
    conflicts: Conflicts
    """Every contradiction in the corpus."""
    graph: Graph
    """Every relation among actors (``brief graph``)."""


def site(index: Index) -> Site:
    """The export of the corpus *index* holds."""
    from .briefings import briefing, listing
    from .comparison import conflicts
    from .graph import graph

    listings = tuple(listing(index, kind) for kind in KINDS)
    briefings = tuple(briefing(index, row.id) for view in listings for row in view.rows)
    claims = {
        (view.kind, view.id): len({p.id for s in view.sections for p in s.points})
        for view in briefings
    }
    return Site(listings, briefings, claims, conflicts(index), graph(index))
