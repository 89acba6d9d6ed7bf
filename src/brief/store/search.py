"""Full-text search over the corpus with SQLite FTS5: ranked, stemmed, with snippets.

One FTS table holds a row per topic, actor, source and claim. Titles, names,
aliases and tags go in a column weighted well above body text (summaries, claim
texts, editor's notes), so a title hit outranks a body hit under BM25. The Porter
stemmer lets ``sanction`` find ``sanctions``; every word of the query must match.
The table is built into the cache file (see ``build``) or, without a cache, into
an in-memory database, by the same code. Its rows are ``codec``'s, its statements
``sql``'s.

Cost is bounded whatever the corpus holds. FTS5's ``snippet()`` takes time that grows
with the square of the matches in one row (a 200 KB summary repeating one word took
three minutes), so it is asked only for the hits shown, and only of a body of at most
:data:`SNIPPET_SQL_CHARS`; a longer body gets a snippet made here in one pass over its
first :data:`SNIPPET_SCAN_CHARS`. A query keeps its first :data:`MAX_QUERY_WORDS`
different words.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from . import codec, sql

if TYPE_CHECKING:
    from ..core.index import Index
    from ..views.records import Results


def _rows(index: Index) -> Iterator[codec.SearchRow]:
    topic_actors: dict[str, set[str]] = {t: set() for t in index.topics}
    for claim in index.corpus.claims:
        topic_actors[claim.topic].update(claim.actors)
    for t in index.corpus.topics:
        yield codec.topic_row(t, topic_actors[t.id])
    yield from map(codec.actor_row, index.corpus.actors)
    yield from map(codec.source_row, index.corpus.sources)
    for c in index.corpus.claims:
        yield codec.claim_row(c, index.topics[c.topic])


def fill(
    con: sqlite3.Connection, index: Index, rowids: Mapping[tuple[bool, str], int] | None = None
) -> None:
    """Create and fill the search table in *con*.

    *rowids* gives the row of each (is a claim, id) its rowid: the cache uses its own
    tables' rowids (claims' as they are, entries' negated), so that an edit can
    replace one row without scanning the table.
    """
    con.execute(sql.SEARCH_DDL)
    if rowids is None:
        con.executemany(sql.INSERT_SEARCH, _rows(index))
        return
    con.executemany(sql.INSERT_SEARCH_AT, ((rowids[codec.row_key(r)], *r) for r in _rows(index)))


def memory_db(index: Index) -> sqlite3.Connection:
    """A throw-away database with the search table, for runs without a cache."""
    con = sqlite3.connect(":memory:")
    fill(con, index)
    return con


_WORD = re.compile(r"\w+", re.UNICODE)

#: Words of a query past this many (counting each once) are not searched for.
MAX_QUERY_WORDS = 16
#: A body longer than this gets its snippet from :func:`long_snippet`, not FTS5's.
SNIPPET_SQL_CHARS = 2_000
#: How much of a long body :func:`long_snippet` reads.
SNIPPET_SCAN_CHARS = 20_000
#: Words in a snippet, as FTS5's is asked for.
SNIPPET_WORDS = 16


def query_words(query: str) -> list[str]:
    """The words of *query* that are searched for: each once, the first few, in order."""
    words = list(dict.fromkeys(_WORD.findall(query)))
    if len(words) > MAX_QUERY_WORDS:
        words = words[: MAX_QUERY_WORDS - 1] + words[-1:]  # the last is also a prefix
    return words


def match_expression(query: str) -> str:
    """An FTS5 query where every word must match, the last one also as a prefix.

    Words are quoted, so FTS5 syntax in a query (``AND``, ``*``, ``:``, quotes) is
    searched for as text and can never be a syntax error.
    """
    words = query_words(query)
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
    """Ranked hits for *query* in the search table of *con*.

    *actor*, *tag* and *topic* are resolved ids or keys.
    """
    from ..views.records import MARK_END, MARK_START, Results

    expression = match_expression(query)
    if not expression:
        return Results(query, ())
    where = [sql.SEARCH_MATCH]
    args: list[object] = [expression]
    if actor is not None:
        where.append(sql.SEARCH_BY_ACTOR)
        args.append(f"% {actor} %")
    if tag is not None:
        where.append(sql.SEARCH_BY_TAG)
        args.append(f"% {tag} %")
    if topic is not None:
        where.append(sql.SEARCH_BY_TOPIC)
        args.append(topic)
    args.append(limit)
    rows = con.execute(sql.SEARCH.format(where=" AND ".join(where)), args).fetchall()
    snippet = sql.SNIPPET.format(start=MARK_START, end=MARK_END)
    hits = []
    for kind, ident, topic, label, score, size, rowid in rows:
        if size <= SNIPPET_SQL_CHARS:
            (made,) = con.execute(snippet, (expression, rowid)).fetchone()
        else:
            (body,) = con.execute(sql.BODY_START, (SNIPPET_SCAN_CHARS, rowid)).fetchone()
            made = long_snippet(body, query_words(query), MARK_START, MARK_END)
        hits.append(codec.hit_from((kind, ident, topic, label, made, score)))
    return Results(query, tuple(hits))


def long_snippet(body: str, words: list[str], start: str, end: str) -> str:
    """A snippet of a long *body* in one pass: the words around the first that matches.

    Matching as the search does, roughly: a word of the body matches when it starts
    with a query word, ignoring case (``sanction`` finds ``sanctions``). With none in
    what is read, the body's first words.
    """
    wanted = tuple(w.casefold() for w in words)
    found = list(_WORD.finditer(body))
    first = next((i for i, m in enumerate(found) if m.group().casefold().startswith(wanted)), 0)
    low = max(0, min(first - 2, len(found) - SNIPPET_WORDS))
    shown = found[low : low + SNIPPET_WORDS]
    if not shown:
        return ""
    out, at = [], shown[0].start()
    for m in shown:
        out.append(body[at : m.start()])
        hit = m.group().casefold().startswith(wanted)
        out.append(f"{start}{m.group()}{end}" if hit else m.group())
        at = m.end()
    text = "".join(out)
    head = "…" if low > 0 else ""
    tail = "…" if low + SNIPPET_WORDS < len(found) or len(body) >= SNIPPET_SCAN_CHARS else ""
    return f"{head}{text}{tail}"
