"""Reading the cache's tables back: part of the corpus, all of it, its warnings.

Rows are ordered by ``seq``, the entry's place in load order (see
``codec.seq_key``), so that anything built from a few rows lists them as
the whole corpus would.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import claimgroup, codec, filerecord, sql

if TYPE_CHECKING:
    from ..core.index import Index
    from ..core.model import Claim, Corpus
    from ..corpus.layers import Layer


def _chunks(ids: Sequence[str | int], size: int = 500) -> Iterator[Sequence[str | int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rows_in(con: sqlite3.Connection, statement: str, ids: Iterable[str | int]) -> list[Any]:
    """*statement* (with ``{marks}`` for an IN list) run over *ids* (or rowids) in chunks
    SQLite accepts."""
    wanted = sorted(set(ids))
    out: list[Any] = []
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        out += con.execute(statement.format(marks=marks), chunk).fetchall()
    return out


def groups(con: sqlite3.Connection, numbers: Iterable[int]) -> dict[int, claimgroup.Group]:
    """The groups of claims *numbers* name, read back (see ``claimgroup``)."""
    return {n: claimgroup.read_group(blob) for n, blob in rows_in(con, sql.GROUPS_IN, numbers)}


def claims_at(con: sqlite3.Connection, places: Sequence[tuple[int, int]]) -> list[Claim]:
    """The claims at *places* (each its group's number and its place there), in order."""
    found = groups(con, {n for n, _ in places})
    try:
        return [found[n].claim(at) for n, at in places]
    except KeyError as missing:
        raise codec.Corrupt(f"no group of claims {missing}") from None


_CLAIMS_OF = {
    "topic": sql.CLAIMS_OF_TOPIC,
    "actor": sql.CLAIMS_OF_ACTOR,
    "source": sql.CLAIMS_OF_SOURCE,
}


def _claims_of(con: sqlite3.Connection, ident: str) -> tuple[str, bytes, list[str]]:
    """The kind and record of the entry *ident*, and the ids of its claims: those in
    the topic, about the actor or citing the source."""
    row = con.execute(sql.ENTRY, (ident,)).fetchone()
    if row is None:  # the names table said it was there
        raise codec.Corrupt(f"no entry {ident!r}")
    kind, _, data = row
    if kind not in _CLAIMS_OF:
        raise codec.Corrupt(f"an entry {ident!r} of no kind ({kind!r})")
    return kind, data, [r[0] for r in con.execute(_CLAIMS_OF[kind], (ident,))]


def neighbourhood(con: sqlite3.Connection, *idents: str) -> Corpus:
    """The part of the corpus the briefing of *ident* shows (or a comparison of the
    entries *idents*), in corpus order.

    Their claims, the claims that contradict or support them, and every topic, actor
    and source those name: a briefing built from an index of this corpus is the one the
    whole corpus gives.
    """
    main: list[str] = []
    wanted: set[str] = set(idents)
    for ident in idents:
        kind, data, ids = _claims_of(con, ident)
        main += ids
        if kind == "topic":
            wanted.update(codec.topic_related(data))  # for their titles
    return _around(con, main, wanted)


def relations(con: sqlite3.Connection, named: Iterable[str]) -> Corpus:
    """The part of the corpus ``views.graph`` reads, in corpus order: every claim that
    states a relation, the claims that contradict or support them, every entry those
    name, and the entries *named* (the ids a query names)."""
    main = [r[0] for r in con.execute(sql.RELATION_CLAIMS)]
    return _around(con, main, set(named))


def filtered(con: sqlite3.Connection, tag: str | None, actor: str | None) -> Corpus:
    """The part of the corpus a listing filtered by *tag* (a normalised tag) and *actor*
    (an actor's id) reads (``views.briefings.listing``), in corpus order: every topic
    with the tag and every claim of it; with no tag, every claim about the actor; then
    the claims that contradict or support those, and every entry they name. A topic
    with the tag is here with all its claims, whichever other claims bring in what."""
    if tag is not None:
        topics = tagged(con, tag)
        main = [r[0] for r in rows_in(con, sql.CLAIMS_OF_TOPICS_IN, topics)]
        return _around(con, main, {*topics, *([actor] if actor else [])})
    if actor is None:
        raise ValueError("a filtered listing needs a tag or an actor")
    return _around(con, [r[0] for r in con.execute(sql.CLAIMS_OF_ACTOR, (actor,))], {actor})


def contested(con: sqlite3.Connection) -> Corpus:
    """The part of the corpus ``views.comparison.conflicts`` reads, in corpus order:
    every claim that contradicts or is contradicted, and what those claims name."""
    return _around(con, [r[0] for r in con.execute(sql.CONTESTED)], set())


def dated(con: sqlite3.Connection) -> tuple[Corpus, int]:
    """The part of the corpus a ``brief timeline`` of every claim reads, in corpus
    order: the claims with a date, those that contradict or support them, and what they
    name; and how many claims have no date."""
    (undated,) = con.execute(sql.UNDATED_COUNT).fetchone()
    return _around(con, [r[0] for r in con.execute(sql.DATED_CLAIMS)], set()), undated


def among(con: sqlite3.Connection, ids: Iterable[str], wanted: Iterable[str]) -> Corpus:
    """The claims *ids*, in corpus order, with those that contradict or support them,
    what they all name, and the entries *wanted* (``brief claims``: see ``cached``)."""
    return _around(con, list(ids), set(wanted))


#: What finds the claims of one topic, actor, source or status (``codec.status_code``).
_CLAIMS_OF = {
    "topic": sql.CLAIMS_OF_TOPIC,
    "actor": sql.CLAIMS_OF_ACTOR,
    "source": sql.CLAIMS_OF_SOURCE,
    "status": sql.CLAIMS_OF_STATUS,
}


def claim_ids(con: sqlite3.Connection, what: str, *values: str) -> set[str]:
    """The ids of the claims of the topic, actor, source or status (*what*) *values*
    names; ``topics``: of any of the topics *values*."""
    if what == "topics":
        return {r[0] for r in rows_in(con, sql.CLAIMS_OF_TOPICS_IN, values)}
    (value,) = values
    key: str | int = codec.status_code(value) if what == "status" else value
    return {r[0] for r in con.execute(_CLAIMS_OF[what], (key,))}


def credible(con: sqlite3.Connection, worst: int) -> set[str]:
    """The ids of the claims of credibility *worst* or better (``1``-*worst*)."""
    return {r[0] for r in con.execute(sql.CLAIMS_CREDIBLE, (worst,))}


def citing_reliable(con: sqlite3.Connection, worst: str) -> set[str]:
    """The ids of the claims that cite a source of reliability *worst* or better."""
    from ..core.model import Source

    sources = [codec.named_of("source", blob) for (blob,) in con.execute(sql.ALL_SOURCES)]
    reliable = [
        s.id
        for s in sources
        if isinstance(s, Source) and s.reliability is not None and s.reliability <= worst
    ]
    return {r[0] for r in rows_in(con, sql.CLAIMS_OF_SOURCES_IN, reliable)}


def tagged(con: sqlite3.Connection, tag: str) -> list[str]:
    """The ids of the topics with the (normalised) *tag*."""
    return [r[0] for r in con.execute(sql.TOPICS_OF_TAG, (tag,))]


def actor_ids(con: sqlite3.Connection) -> list[str]:
    """Every actor's id."""
    return [r[0] for r in con.execute(sql.ACTOR_IDS)]


def within(con: sqlite3.Connection, first: int, last: int) -> set[str]:
    """The ids of the claims whose dates share a day with ``first``..``last`` (days as
    ``codec.days`` gives them)."""
    return {r[0] for r in con.execute(sql.CLAIMS_WITHIN, (first, last))}


def makers(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """Who makes each claim that says (its ``by``, as written), with the claim's id, in
    corpus order."""
    return [(str(m), str(c)) for m, c in con.execute(sql.CLAIM_MAKERS)]


def conflicting(
    con: sqlite3.Connection, idents: Sequence[str], wanted: Iterable[str] = ()
) -> Corpus:
    """The part of the corpus ``views.comparison.conflicts`` reads for the pairs that
    touch any of *idents* (topics, actors, sources), in corpus order.

    Their claims that contradict or are contradicted, the claims on the other side,
    and, so that each of those is weighed as in the whole corpus (contested, and by
    whom), every claim that contradicts or supports them; and what all these name, with
    *idents* and the entries *wanted*.
    """
    touching = {i for ident in idents for i in _claims_of(con, ident)[2]}
    pairs = rows_in(con, sql.CONTESTS_IN, touching)  # both ways: see core.index
    return _around(con, list({i for pair in pairs for i in pair}), {*idents, *wanted})


def _around(con: sqlite3.Connection, main: list[str], wanted: set[str]) -> Corpus:
    """The claims *main*, those that contradict or support them, and the entries they
    name (a relation's actors, and a claim's ``by`` when it is an actor's id, included),
    with *wanted*."""
    counters = [r[0] for r in rows_in(con, sql.CONTESTING_IN, main)]
    counters += [r[0] for r in rows_in(con, sql.SUPPORTING_IN, main)]
    claim_rows = rows_in(con, sql.CLAIMS_ORDERED_IN, [*main, *counters])
    claim_rows.sort()
    claims = claims_at(con, [(n, at) for _, n, at in claim_rows])
    for c in claims:
        wanted.add(c.topic)
        wanted.update(c.actors)
        wanted.update(x.source for x in c.cites)
        wanted.update(c.relation_to)
        if c.by is not None:  # shown by name when it is an actor's id
            wanted.add(c.by)
    named = rows_in(con, sql.ENTRIES_ORDERED_IN, wanted)
    named.sort()
    left_out = {i: n for i, n in _left_out(con).items() if i in wanted or i == codec.ALL_LEFT_OUT}
    return _corpus([codec.named_of(k, blob) for _, k, blob in named], claims, left_out)


def whole_corpus(con: sqlite3.Connection) -> Corpus:
    """Every resolved entry, in corpus order: for commands that need the whole index."""
    named = [codec.named_of(kind, blob) for kind, blob in con.execute(sql.ALL_ENTRIES)]
    found = {n: claimgroup.read_group(blob) for n, blob in con.execute(sql.ALL_GROUPS)}
    try:
        claims = [found[n].claim(at) for n, at in con.execute(sql.ALL_CLAIMS)]
    except KeyError as missing:
        raise codec.Corrupt(f"no group of claims {missing}") from None
    return _corpus(named, claims, _left_out(con))


def entries_only(con: sqlite3.Connection) -> Corpus:
    """Every topic, actor and source, in corpus order, and no claim: for listings."""
    named = [codec.named_of(kind, blob) for kind, blob in con.execute(sql.ALL_ENTRIES)]
    return _corpus(named, [], _left_out(con))


def indexed(corpus: Corpus) -> Index:
    """*corpus*, read from the cache, indexed; :class:`~.codec.Corrupt` if it is not whole.

    A load never keeps a claim whose topic, actor or source is missing, so a
    reference the rows read cannot satisfy means the cache lost a row.
    """
    from ..core.index import build_index

    try:
        return build_index(corpus)
    except KeyError as missing:
        raise codec.Corrupt(f"a reference to {missing} the cache does not hold") from None


def _left_out(con: sqlite3.Connection) -> dict[str, int]:
    """How many claims were left out, by the topic, actor or source they name."""
    row = con.execute(sql.LEFT_OUT).fetchone()
    if row is None:
        raise codec.Corrupt("no counts of claims left out")
    return codec.read_left_out(row[0])


def lost(con: sqlite3.Connection) -> dict[str, str]:
    """The skipped file of each name its lines define, as ``LoadResult.lost``."""
    row = con.execute(sql.LOST).fetchone()
    if row is None:
        raise codec.Corrupt("no names of skipped files")
    return codec.read_lost(row[0])


def _corpus(named: Sequence[Any], claims: Sequence[Claim], left_out: dict[str, int]) -> Corpus:
    """A corpus of *named* entries and *claims*; *left_out* as stored (``codec.left_out_blob``)."""
    from ..core.model import Actor, Corpus, Source, Topic

    total = left_out.pop(codec.ALL_LEFT_OUT, 0)
    return Corpus(
        tuple(e for e in named if isinstance(e, Topic)),
        tuple(e for e in named if isinstance(e, Actor)),
        tuple(e for e in named if isinstance(e, Source)),
        tuple(claims),
        left_out,
        total,
    )


def troubled(con: sqlite3.Connection) -> Iterator[filerecord.FileRecord]:
    """The record of each file with problems, in load order."""
    return (filerecord.read_file_record(blob) for (blob,) in con.execute(sql.TROUBLED_RECORDS))


def warning_lines(con: sqlite3.Connection, layers: Sequence[Layer]) -> list[str]:
    """The warnings of every file with problems, as ``LoadResult.warnings`` words them
    (the files with problems read again, from *layers*, for their lines)."""
    from ..corpus.trace import PHASES
    from ..corpus.trace import warning_lines as lines
    from ..corpus.where import problem_lines

    found = filerecord.read_early(con.execute(sql.EARLY).fetchone()[0])
    paths: dict[str, tuple[str, str]] = {}
    for name, blob, path, layer in con.execute(sql.TROUBLED_FILES_AT):
        record = filerecord.read_file_record(blob)
        problems = [
            filerecord.problem_from(p) for phase in PHASES for p in record.problems.get(phase, ())
        ]
        found.append((name, problems, record.skipped))
        if 0 <= layer < len(layers):
            paths[name] = (os.fsdecode(path), layers[layer].root)
    return lines(found, lambda problems: problem_lines(problems, paths))


def problems_in(con: sqlite3.Connection, files: Collection[str] | None) -> list[str]:
    """The problems of the files named *files* (None: every file), a line each, as
    ``Store.problems_in``."""
    from ..corpus.trace import PHASES

    found = [
        str(p)
        for name, problems, _ in filerecord.read_early(con.execute(sql.EARLY).fetchone()[0])
        if files is None or name in files
        for p in problems
    ]
    for name, blob in con.execute(sql.TROUBLED_FILES):
        if files is None or name in files:
            record = filerecord.read_file_record(blob)
            found += [
                str(filerecord.problem_from(p))
                for phase in PHASES
                for p in record.problems.get(phase, ())
            ]
    return found


def skipped(con: sqlite3.Connection) -> tuple[str, ...]:
    """The names of the files (and folders) skipped whole, sorted (as ``Store.skipped``)."""
    early = filerecord.read_early(con.execute(sql.EARLY).fetchone()[0])
    names = [name for name, _, gone in early if gone]
    for name, blob in con.execute(sql.TROUBLED_FILES):
        if filerecord.read_file_record(blob).skipped:
            names.append(name)
    return tuple(sorted(names))


def left_out(records: Iterable[filerecord.FileRecord], key: str) -> str | None:
    """The first problem of an entry left out that *key* names, as a line, without
    the words that say it is left out (the caller says so).

    *key* is a normalised name: the entry's id, title (an actor's name) or an alias,
    whichever of them was valid enough to keep.

    *records* are the records of the files with problems (see :func:`troubled`, or
    ``filerecord.record_of`` for a load made in this process).
    """
    from dataclasses import replace

    from ..core.diagnostics import left_out_words
    from ..core.names import normalise
    from ..corpus.trace import PHASES, unread_key

    for record in records:
        for kind, found in record.rejected.items():
            for values, where in found:
                if key not in _names_of(values, normalise):
                    continue
                said = left_out_words(kind, values.get("id"))  # the line says it is left out
                unread = unread_key(kind, where)  # a [[claim]] table's problem is at "claim"
                for phase in PHASES:
                    for p in record.problems.get(phase, ()):
                        at = filerecord.problem_where(p)
                        if at in (where, unread) or at.startswith((f"{where}.", f"{where}[")):
                            why = filerecord.problem_from(p)
                            return str(replace(why, message=why.message.removesuffix(said)))
    return None


def _names_of(values: dict[str, Any], normalise: Callable[[str], str]) -> set[str]:
    """The normalised names a left-out entry's valid *values* give it."""
    names = [values.get("id"), values.get("title"), values.get("name")]
    aliases = values.get("aliases")
    if isinstance(aliases, (list, tuple)):
        names += aliases
    return {normalise(n) for n in names if isinstance(n, str)}
