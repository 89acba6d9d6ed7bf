"""What ``brief export`` publishes: every entry's briefing, the listings, the conflicts,
the relations among actors.

Decided once here, as for every output; ``render.html.site`` only lays it out as pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from .records import Briefing, Listing

if TYPE_CHECKING:
    from ..core.index import Index
    from .comparison import Conflicts
    from .gradewords import Finder
    from .graph import Graph

#: The kinds of entry with a page each, in the order the index lists them.
KINDS = ("topics", "actors", "sources")


class Briefings:
    """Every topic's, actor's and source's briefing, in listing order: each made when
    it is read and not kept, so that an export holds one page at a time (at 10,000
    topics, every briefing and page at once took 2.6 GB)."""

    def __init__(
        self,
        index: Index,
        listings: tuple[Listing, ...],
        found: Finder | None = None,
        skipped: tuple[str, ...] = (),
    ) -> None:
        self._index = index
        self._ids = tuple(row.id for view in listings for row in view.rows)
        self._found = found
        self._skipped = skipped

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[Briefing]:
        from .briefings import briefing
        from .gradewords import checked_quotes

        skipped = self._skipped
        made = (briefing(self._index, ident)._replace(skipped=skipped) for ident in self._ids)
        found = self._found
        return made if found is None else (checked_quotes(view, found) for view in made)


class Site(NamedTuple):
    """The whole corpus, as an export shows it."""

    listings: tuple[Listing, ...]
    """The topics, actors and sources, listed by title as ``brief list`` lists them."""
    briefings: Briefings
    """Every topic's, actor's and source's briefing (with its quotes), in listing order,
    each made as it is read."""
    conflicts: Conflicts
    """Every contradiction in the corpus."""
    graph: Graph
    """Every relation among actors (``brief graph``)."""
    skipped: tuple[str, ...] = ()
    """The corpus files that could not be read: the front page and every entry's page
    say what they may be missing (see ``Briefing.skipped``)."""


def shown_claims(view: Briefing) -> int:
    """How many claims *view* shows: the count the export's index gives its entry."""
    return len({p.id for s in view.sections for p in s.points})


def site(
    index: Index, found: Finder | None = None, skipped: tuple[str, ...] = (), dropped: int = 0
) -> Site:
    """The export of the corpus *index* holds; its quotes looked for in their sources'
    texts by *found*, when given (see ``gradewords.checked_quotes``); *skipped*, the
    corpus files that could not be read; *dropped*, the relations dropped for actors
    that could not be used (``Graph.dropped``)."""
    from .briefings import listing
    from .comparison import conflicts
    from .graph import graph

    listings = tuple(listing(index, kind) for kind in KINDS)
    briefings = Briefings(index, listings, found, skipped)
    pictured = graph(index)._replace(dropped=dropped)
    return Site(listings, briefings, conflicts(index), pictured, skipped)
