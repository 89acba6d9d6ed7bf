"""Full-text search over the corpus with SQLite FTS5: ranked, stemmed, with snippets.

One FTS table holds a row per topic, actor, source and claim. Titles, names,
aliases and tags go in a column weighted well above body text (summaries, claim
texts, editor's notes), so a title hit outranks a body hit under BM25. The Porter
stemmer lets ``sanction`` find ``sanctions``; every word of the query must match.
The table is built into the cache file (see ``cache``) or, without a cache, into
an in-memory database, by the same code.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..views.records import MARK_END, MARK_START, Hit, Results

if TYPE_CHECKING:
    from ..core.index import Index
    from ..core.model import Actor, Claim, Source, Topic

#: Weights of the columns in BM25: title, body (the key columns are not searched).
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    kind UNINDEXED, id UNINDEXED, topic UNINDEXED, actors UNINDEXED, tags UNINDEXED,
    label UNINDEXED, title, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


Row = tuple[str, str, str, str, str, str, str, str]
COLUMNS = "kind, id, topic, actors, tags, label, title, body"


def topic_row(t: Topic, actors: Iterable[str]) -> Row:
    """kind, id, topic, actors, tags, label (shown), title (weighted), body."""
    from ..core.names import normalise

    title = " ".join([t.title, *t.aliases, *t.tags])
    tags = " ".join(normalise(x) for x in t.tags)
    return ("topic", t.id, t.id, " ".join(sorted(set(actors))), tags, t.title, title, t.summary)


def actor_row(a: Actor) -> Row:
    return ("actor", a.id, "", a.id, "", a.name, " ".join([a.name, *a.aliases]), a.description)


def source_row(s: Source) -> Row:
    body = "; ".join(x for x in (s.author or "", *s.sections) if x)  # read as a list
    return ("source", s.id, "", "", "", s.title, s.title, body)


def claim_row(c: Claim, topic: Topic) -> Row:
    from ..core.names import normalise

    body = f"{c.text} {c.note}" if c.note else c.text
    tags = " ".join(normalise(x) for x in topic.tags)
    return ("claim", c.id, c.topic, " ".join(c.actors), tags, topic.title, "", body)


def _rows(index: Index) -> Iterator[Row]:
    topic_actors: dict[str, set[str]] = {t: set() for t in index.topics}
    for claim in index.corpus.claims:
        topic_actors[claim.topic].update(claim.actors)
    for t in index.corpus.topics:
        yield topic_row(t, topic_actors[t.id])
    yield from map(actor_row, index.corpus.actors)
    yield from map(source_row, index.corpus.sources)
    for c in index.corpus.claims:
        yield claim_row(c, index.topics[c.topic])


def fill(
    con: sqlite3.Connection, index: Index, rowids: Mapping[tuple[bool, str], int] | None = None
) -> None:
    """Create and fill the search table in *con*.

    *rowids* gives the row of each (is a claim, id) its rowid: the cache uses its own
    tables' rowids (see ``tables.search_rowid``), so that an edit can replace one row
    without scanning the table.
    """
    con.executescript(SCHEMA)
    if rowids is None:
        con.executemany(
            f"INSERT INTO search ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _rows(index)
        )
        return
    con.executemany(
        f"INSERT INTO search (rowid, {COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((rowids[r[0] == "claim", r[1]], *r) for r in _rows(index)),
    )


def memory_db(index: Index) -> sqlite3.Connection:
    """A throw-away database with the search table, for runs without a cache."""
    con = sqlite3.connect(":memory:")
    fill(con, index)
    return con


_WORD = re.compile(r"\w+", re.UNICODE)
#: bm25() takes a weight for every column in order, the unindexed ones included.
_WEIGHTS = ", ".join(
    str(TITLE_WEIGHT if c == "title" else BODY_WEIGHT if c == "body" else 0.0)
    for c in COLUMNS.split(", ")
)
#: Equal scores in a stable order, the same with or without the cache.
_KIND_ORDER = "CASE kind WHEN 'topic' THEN 0 WHEN 'actor' THEN 1 WHEN 'source' THEN 2 ELSE 3 END"


def match_expression(query: str) -> str:
    """An FTS5 query where every word must match, the last one also as a prefix.

    Words are quoted, so FTS5 syntax in a query (``AND``, ``*``, ``:``, quotes) is
    searched for as text and can never be a syntax error.
    """
    words = _WORD.findall(query)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    parts[-1] = f'("{words[-1]}" OR "{words[-1]}"*)'
    return " AND ".join(parts)


def search(
    con: sqlite3.Connection,
    query: str,
    *,
    limit: int = 10,
    actor: str | None = None,
    tag: str | None = None,
    topic: str | None = None,
) -> Results:
    """Ranked hits for *query*; *actor*, *tag* and *topic* are resolved ids/keys."""
    expression = match_expression(query)
    if not expression:
        return Results(query, ())
    where = ["search MATCH ?"]
    args: list[object] = [expression]
    if actor is not None:
        where.append("(' ' || actors || ' ') LIKE ?")
        args.append(f"% {actor} %")
    if tag is not None:
        where.append("(' ' || tags || ' ') LIKE ?")
        args.append(f"% {tag} %")
    if topic is not None:
        where.append("topic = ?")
        args.append(topic)
    sql = (
        "SELECT kind, id, topic, label, "
        f"snippet(search, 7, '{MARK_START}', '{MARK_END}', '…', 16), "  # from the body
        f"bm25(search, {_WEIGHTS}) AS score "
        f"FROM search WHERE {' AND '.join(where)} ORDER BY score, {_KIND_ORDER}, id LIMIT ?"
    )
    args.append(limit)
    hits = tuple(
        Hit(kind, ident, title, snippet, topic if kind == "claim" else ident, -score)
        for kind, ident, topic, title, snippet, score in con.execute(sql, args)
    )
    return Results(query, hits)
