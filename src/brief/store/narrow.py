"""The part of a cached corpus a ``brief claims`` query can keep claims from.

Each filter a table answers (topic, actor, source, tag, status, ``by``, the dates and
the grade) gives the claims it keeps (or, for the grade's reliability, more); only the
claims every one of them keeps are read back, with the entries they name (see
``read.among``). The view then tests each claim read as it would test the whole
corpus's, so the rows are the same; it reads the names as resolved here, with the
errors the index gives, in the order it gives them.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..core.errors import NotFound
from ..core.names import normalise
from . import codec, lookup, read

if TYPE_CHECKING:
    from ..core.model import Corpus
    from ..views.claims import Query

__all__ = ["narrowed"]


def narrowed(con: sqlite3.Connection, query: Query) -> tuple[Query, Corpus | None]:
    """*query* with its names resolved, and the part of the corpus that holds every
    claim it can keep; None when no filter given narrows the corpus (``--unchecked``
    alone)."""
    from ..core.model import STATUSES

    kept: list[set[str]] = []
    wanted: set[str] = set()  # entries the view looks up
    seen: set[str] = set()  # claims read for what they tell the view, not to be kept
    if query.status in STATUSES:
        kept.append(read.claim_ids(con, "status", query.status))
    named = {"topic": query.topic, "actor": query.actor, "source": query.source}
    for kind, name in named.items():
        if name is not None:
            named[kind] = ident = lookup.resolve_as(con, name, kind)
            wanted.add(ident)
            kept.append(read.claim_ids(con, kind, ident))
    query = query._replace(topic=named["topic"], actor=named["actor"], source=named["source"])
    if query.tag is not None:
        tag = lookup.resolve_tag(con, query.tag)
        query = query._replace(tag=tag)
        topics = read.tagged(con, tag)
        wanted.update(topics)
        kept.append(read.claim_ids(con, "topics", *topics))
    if query.by is not None:
        kept.append(_made_by(con, query.by, wanted, seen))
    if query.since is not None or query.until is not None:
        kept.append(_dated(con, query.since, query.until))
    least = query.min_grade  # a grade's credibility is the claim's; its reliability,
    if least is not None and least.credibility is not None:  # the first source's with one
        kept.append(read.credible(con, least.credibility))
    if least is not None and least.reliability is not None:
        kept.append(read.citing_reliable(con, least.reliability))
    if not kept:
        return query, None
    return query, read.among(con, set.intersection(*kept) | seen, wanted)


def _made_by(con: sqlite3.Connection, name: str, wanted: set[str], seen: set[str]) -> set[str]:
    """The claims made or alleged by *name* (``views.claims``: a text some claim's
    ``by`` gives, else an actor); the actor *name* names goes into *wanted*.

    The last claim in corpus order of each ``by`` written goes into *seen*: the view
    then tells texts from actors, and suggests claimants, as with the whole corpus
    (where, of two texts alike but for case, the later claim's is shown).
    """
    made = read.makers(con)
    seen.update({maker: claim for maker, claim in made}.values())
    actors = set(read.actor_ids(con))
    key = normalise(name)
    if key in {normalise(maker) for maker, _ in made if maker not in actors}:
        return {claim for maker, claim in made if normalise(maker) == key}
    try:
        actor = lookup.resolve_as(con, name, "actor")
    except NotFound:  # the view says so, with the closest claimants and actors
        wanted.update(actors)
        return set()
    wanted.add(actor)
    return {claim for maker, claim in made if maker == actor}


def _dated(con: sqlite3.Connection, since: str | None, until: str | None) -> set[str]:
    """The claims whose dates share a day with the window *since*..*until*; none when
    the window is not one (the view says why)."""
    from ..views.dates import window

    try:
        first, last = window(since, until)
    except ValueError:
        return set()
    return read.within(con, codec.day(first), codec.day(last))
