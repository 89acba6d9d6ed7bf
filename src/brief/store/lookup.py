"""Names and tags looked up in the cache's own tables, as the index would answer.

``core.index.Index`` resolves a name, a name of one kind and a tag, and suggests names
on a miss. Building it means reading the whole corpus: seconds at 10,000 topics, for a
``--actor`` or ``--tag`` of a search that reads a few rows. These functions answer the
same questions, with the same errors and suggestions, from the ``names`` and ``tags``
tables (kept whole by every build, and never changed by an edit applied in place).
``closest`` sorts its candidates, so the order rows come in does not matter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..core.errors import NotFound, WrongKind
from ..core.names import closest, normalise
from . import codec, sql


def named(con: sqlite3.Connection, name: str) -> tuple[str, str] | None:
    """The id *name* reaches and its kind, or None; a damaged row raises ``Corrupt``."""
    key = normalise(name)
    row = con.execute(sql.ID_OF_NAME, (key,)).fetchone()
    if row is None:
        return None
    ident, kind, check = row
    if check != codec.name_check(key, ident, kind):
        raise codec.Corrupt(f"a damaged name row for {key!r}")
    return str(ident), str(kind)


def _closest_ids(con: sqlite3.Connection, name: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Ids of the entries (of *kinds*, or any) whose names look most like *name*, as the
    index words them: the names ``closest`` picks, each id once, at most three."""
    rows = {
        str(key): (str(ident), str(of), check)
        for key, ident, of, check in con.execute(sql.ALL_NAMES)
        if not kinds or of in kinds
    }
    out: list[str] = []
    for key in closest(name, rows, limit=6):
        ident, of, check = rows[key]
        if check != codec.name_check(key, ident, of):
            raise codec.Corrupt(f"a damaged name row for {key!r}")
        if ident not in out:
            out.append(ident)
    return tuple(out[:3])


def suggest(con: sqlite3.Connection, name: str, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Ids of the entries (of *kinds*, or any) whose names look most like *name*, as
    ``Index.suggest``."""
    return _closest_ids(con, name, kinds)


def resolve(con: sqlite3.Connection, name: str) -> str:
    """The id *name* reaches, or ``NotFound`` with suggestions, as ``Index.resolve``."""
    found = named(con, name)
    if found is None:
        _unnamed(con, name)
        raise NotFound(name, suggest(con, name))
    return found[0]


def _unnamed(con: sqlite3.Connection, name: str) -> None:
    """Raise ``Corrupt`` when *name* is no name in the cache but an entry's id: every
    id is a name, so the ``names`` table lost a row (a tester deleted one by hand, and
    was told ``no topic named 'sanctions' (did you mean 'sanctions'?)`` until the cache
    was removed). The cache is then rebuilt, as for any damage found."""
    key = normalise(name)
    if key and con.execute(sql.ENTRY_DATA, (key,)).fetchone() is not None:
        raise codec.Corrupt(f"the entry {key!r} has no row in the names table")


def resolve_as(con: sqlite3.Connection, name: str, kind: str) -> str:
    """The id of the *kind* entry *name* reaches, as ``Index.resolve_actor`` (or
    ``resolve_topic``, ``resolve_source``): ``WrongKind`` for a name of another kind,
    else ``NotFound`` with the closest names of that kind."""
    if kind not in ("actor", "topic", "source"):
        raise ValueError(f"resolve_as takes an actor, a topic or a source, not {kind!r}")
    found = named(con, name)
    if found is not None and found[1] != kind:
        raise WrongKind(name, found[1], kind)
    if found is None:
        _unnamed(con, name)
        raise NotFound(name, _closest_ids(con, name, (kind,)), what=kind)
    return found[0]


def resolve_tag(con: sqlite3.Connection, name: str) -> str:
    """The normalised tag *name* means, or ``NotFound`` with the closest tags, as
    ``Index.resolve_tag``."""
    key = normalise(name)
    if con.execute(sql.HAS_TAG, (key,)).fetchone() is None:
        tags = [str(tag) for (tag,) in con.execute(sql.ALL_TAGS)]
        raise NotFound(name, closest(name, tags), what="tag")
    return key


def graph_names(con: sqlite3.Connection, names: Sequence[str], topic: str | None) -> list[str]:
    """The ids the *names* and *topic* of a ``brief graph`` query reach, with the errors
    ``views.graph`` gives, in its order: ``NotFound`` (with suggestions), ``WrongKind``
    for a name of a source, then the topic's."""
    out: list[str] = []
    for name in names:
        found = named(con, name)
        if found is None:  # as views.graph words it: a graph has no sources
            raise NotFound(name, suggest(con, name, ("topic", "actor")), "topic or actor")
        if found[1] not in ("actor", "topic"):
            raise WrongKind(name, found[1], "actor or topic")
        out.append(found[0])
    if topic is not None:
        out.append(resolve_as(con, topic, "topic"))
    return out
