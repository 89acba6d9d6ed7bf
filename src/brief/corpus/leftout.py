"""Claims left out, counted against the entries they name, so that those entries say so.

A claim the loader cannot keep (its own problems, a topic or citation that cannot be
used, an id already taken) is missing from its topic's briefing, and from those of
its actors and sources. Each such claim is counted once against every topic, actor
and source it names that the corpus has (``Corpus.left_out``): ``brief show`` then
ends with "2 claims of this topic were left out (see brief validate)".
"""

from __future__ import annotations

from collections.abc import Container, Sequence


class Tally:
    """The claims left out of one load, counted by the entries they name."""

    def __init__(
        self, topics: Container[str], actors: Container[str], sources: Container[str]
    ) -> None:
        """*topics*, *actors* and *sources*: the ids of the entries the corpus has."""
        self._topics = topics
        self._actors = actors
        self._sources = sources
        self.counts: dict[str, int] = {}
        """How many claims left out name each entry, by id; entries with none absent."""
        self.claims = 0
        """How many claims were left out in all."""

    def claim(self, topic: object, actors: object, cites: object) -> None:
        """Count one claim left out against its topic, actors and cited sources.

        The values are as written (a rejected claim's may be missing or of any type):
        what does not name an entry of the right kind is not counted.
        """
        self.claims += 1
        sources = [getattr(c, "source", None) for c in _seq(cites)]
        named = {
            *_known(self._topics, [topic]),
            *_known(self._actors, _seq(actors)),
            *_known(self._sources, sources),
        }
        for ident in named:
            self.counts[ident] = self.counts.get(ident, 0) + 1


def _seq(value: object) -> Sequence[object]:
    return value if isinstance(value, (list, tuple)) else ()


def _known(table: Container[str], ids: Sequence[object]) -> set[str]:
    """Those of *ids* that name an entry of *table*."""
    return {i for i in ids if isinstance(i, str) and i in table}
