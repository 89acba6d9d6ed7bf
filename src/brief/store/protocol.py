"""What commands read the corpus through, wherever it comes from: :class:`Store`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..core.errors import NotFound
    from ..core.index import Index
    from ..corpus.sourcetext import SourceText
    from ..views.catalogue import EntryName
    from ..views.claims import Claims
    from ..views.claims import Query as ClaimsQuery
    from ..views.comparison import Comparison, Conflicts
    from ..views.graph import Graph, Query
    from ..views.mingrade import Minimum
    from ..views.records import Briefing, Results
    from ..views.timeline import Timeline


class Store(Protocol):
    """The corpus as commands read it: names, briefings, the index, search, warnings.

    Two kinds: a :class:`~brief.store.live.LiveStore` over a load made in this
    process, and a :class:`~brief.store.cached.CachedStore` over a fresh cache file.
    Both answer every question alike (tests/test_incremental.py compares them).
    """

    warnings: list[str]
    """One line per file with problems, as ``LoadResult.warnings`` words them."""
    unwritten: str | None
    """Why the cache of a load made now could not be written, if it could not (see
    ``LiveStore.unwritten``); None for a store read from the cache."""

    def skipped(self) -> tuple[str, ...]:
        """The files (and folders, named with a trailing ``/``) skipped whole, sorted by name."""
        ...

    def resolve(self, name: str) -> str:
        """The id *name* reaches; else the error :func:`left_out_instead` gives."""
        ...

    def reached(self, name: str) -> tuple[str, str] | None:
        """The id and kind (``topic``, ``actor`` or ``source``) of the entry *name*
        reaches, as :meth:`resolve` finds it; else the id of the claim in the corpus that
        *name* is the id of, and ``claim``; else None. Neither suggestions nor reasons:
        what ``brief where`` checks the definitions it finds against."""
        ...

    def resolve_as(self, name: str, kind: str) -> str:
        """The id of the entry of *kind* (``actor``, ``topic`` or ``source``) that *name*
        reaches, as ``Index.resolve_actor``, ``resolve_topic`` and ``resolve_source`` give
        it: ``WrongKind`` for a name of another kind, else ``NotFound`` with the closest
        names of that kind."""
        ...

    def resolve_tag(self, name: str) -> str:
        """The normalised tag *name* means, as ``Index.resolve_tag``: else ``NotFound``
        with the closest tags."""
        ...

    def suggest(self, name: str, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Ids of the entries (of *kinds*, ``topic``...; any for none) whose names look
        most like *name*, each once (``Index.suggest``)."""
        ...

    def briefing(self, ident: str) -> Briefing:
        """The briefing of the topic, actor or source *ident*."""
        ...

    def catalogue(self) -> tuple[EntryName, ...]:
        """Every topic, actor and source by its names: topics first, each kind in corpus order."""
        ...

    def compare(
        self, idents: Sequence[str], topics: tuple[str, ...] = (), diff_only: bool = False
    ) -> Comparison:
        """The comparison of the entries *idents* (resolved ids), as ``views.compare`` makes it."""
        ...

    def filtered_index(self, tag: str | None, actor: str | None) -> Index:
        """What a listing filtered by *tag* (a normalised tag) or *actor* (an actor's id)
        reads, indexed: every claim of every topic with the tag (or, with no tag, every
        claim about the actor), the claims linked to them, and every entry they name."""
        ...

    def conflicts(self, about: Sequence[str] = (), each: Sequence[str] = ()) -> Conflicts:
        """The contradicting pairs touching any of *about* and every one of *each*
        (resolved ids), as ``views.comparison.conflicts`` makes them."""
        ...

    def claims(self, query: ClaimsQuery, keys: tuple[str, ...]) -> Claims:
        """The claims *query* keeps, as ``views.claims.claims`` lists them."""
        ...

    def timeline(
        self, ident: str | None = None, least: Minimum | None = None, quotes: bool = False
    ) -> Timeline:
        """The timeline of the entry *ident* (a resolved id; every claim for None), as
        ``views.timeline.timeline`` makes it."""
        ...

    def graph(self, query: Query | None = None) -> Graph:
        """The relations among actors *query* keeps (all, without one), as
        ``views.graph.graph`` makes them; raises NotFound for a name that reaches no
        actor or topic."""
        ...

    def index(self) -> Index:
        """The whole corpus, indexed: for commands that need more than one briefing."""
        ...

    def entries_index(self) -> Index:
        """The topics, actors and sources, indexed, with or without their claims: for
        what reads entries alone (an unfiltered listing), never a claim or a count."""
        ...

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> Results:
        """Ranked hits for *query*; *actor*, *tag* and *topic* are resolved ids or keys."""
        ...

    def respelled(
        self,
        query: str,
        *,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> str | None:
        """*query*, that finds nothing, with its words that match nothing replaced by the
        closest words of the corpus, when that finds something with the filters given
        (``search.respelled``)."""
        ...

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        """Names (normalised) of entries of *kinds* that start like *prefix*, for the shell."""
        ...

    def left_out(self, name: str) -> str | None:
        """Why an entry with the id *name* is not in the corpus, if a file defines one."""
        ...

    def problems_in(self, files: Collection[str] | None = None) -> list[str]:
        """Every problem the load found in the files named *files* (as problems name
        them: ``label/rel``; None: in every file), a line each, as ``brief validate``
        lists them: each file's in load order, each in the order found."""
        ...

    def skipped_file_of(self, name: str) -> str | None:
        """The skipped file that defines an entry named *name*, if one does (its lines
        say so: see ``LoadResult.lost``)."""
        ...

    def source_text(self, source: str) -> SourceText | None:
        """The text of the source with the id *source*, in its sections, read from its
        local copy (format 2's ``text``) and made inert: what the TUI shows of a
        citation, and what a quote is looked for in (``corpus.cited.QuoteFinder``).

        None when there is nothing to read: no such source, no text, or a text that
        cannot be read (see ``corpus.cited.source_text``). Read from the files each
        time, never from the cache.
        """
        ...


def explained(
    missing: NotFound,
    left_out: Callable[[str], str | None],
    skipped_file_of: Callable[[str], str | None],
    claim_topic: Callable[[str], str | None],
) -> NotFound:
    """What to raise for *missing*: :func:`left_out_instead` for a plain miss; *missing*
    itself when it says more already (a name of another kind ...)."""
    from ..core.errors import NotFound

    if type(missing) is not NotFound:
        return missing
    return left_out_instead(missing.name, missing, left_out, skipped_file_of, claim_topic)


def left_out_instead(
    name: str,
    missing: NotFound,
    left_out: Callable[[str], str | None],
    skipped_file_of: Callable[[str], str | None],
    claim_topic: Callable[[str], str | None] = lambda name: None,
) -> NotFound:
    """What to raise when no entry has *name*: :class:`~brief.core.errors.IsAClaim`
    when *name* is the id of a claim in the corpus (a reader who copied one from
    ``brief claims`` or ``brief new claim``; first, as a claim of that id left out
    elsewhere is not the one in use); else :class:`~brief.core.errors.LeftOut` with the
    problem that left out an entry a file defines with the id *name*; else
    :class:`~brief.core.errors.InSkippedFile`, naming the skipped file that defines
    it; else *missing* (a :class:`NotFound` with suggestions).

    Every store's ``resolve`` ends here on a miss, and only on a miss: the warm path
    does not import this module.
    """
    from ..core.errors import InSkippedFile, IsAClaim, LeftOut

    topic = claim_topic(name)
    if topic is not None:
        return IsAClaim(name, topic)
    why = left_out(name)
    if why is not None:
        return LeftOut(name, why)
    file = skipped_file_of(name)
    return missing if file is None else InSkippedFile(name, file)
