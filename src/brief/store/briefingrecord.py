"""How the cache lays out a briefing: the ``briefings`` table's records.

A briefing, once built, is kept as nested tuples of plain values, sealed and read back
as ``codec`` seals and reads every record (:func:`~brief.store.codec.pack`,
:func:`~brief.store.codec.unpack`): the only code besides ``codec`` and ``filerecord``
that knows a stored layout. A change of this layout is a change of ``codec.SCHEMA``.
Imported on the warm path: the view records are imported only by the functions that
need them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .codec import BAD, Corrupt, pack, unpack

if TYPE_CHECKING:
    from ..views.records import Briefing, Point


def _point_data(p: Point) -> tuple[Any, ...]:
    contested = tuple(_point_data(c) for c in p.contested_by)
    supported = tuple(_point_data(c) for c in p.supported_by)
    grade = None if p.grade is None else (*p.grade[:-1], tuple(map(tuple, p.grade.quotes)))
    return (p.id, p.text, p.status, p.note, p.refs, p.actors, p.topic, p.topic_title,
            contested, p.above, p.context, grade, supported, p.actor_ids, p.beside)  # fmt: skip


def _point_from(d: Sequence[Any]) -> Point:
    from ..views.records import Grade, Point, Quote

    ident, text, status, note, refs, actors, topic, topic_title, contested, above, context = d[:11]
    g, s, ids, beside = d[11:]
    grade = None
    if g is not None:
        reliability, credibility, likelihood, confidence, by, by_id, date, quotes = g
        grade = Grade(reliability, credibility, likelihood, confidence, by, by_id, date,
                      tuple(Quote(*q) for q in quotes))  # fmt: skip
    return Point(ident, text, status, note, refs, actors, topic, topic_title,
                 tuple(_point_from(c) for c in contested), above, context, grade,
                 tuple(_point_from(c) for c in s), tuple(ids), bool(beside))  # fmt: skip


def briefing_blob(b: Briefing) -> bytes:
    """*b* as nested tuples of plain values, as the ``briefings`` table keeps it."""
    return pack(
        (
            b.kind,
            b.id,
            b.title,
            b.summary,
            b.facts,
            tuple((s.key, s.title, tuple(_point_data(p) for p in s.points)) for s in b.sections),
            tuple((x.kind, x.id, x.title) for x in b.related),
            b.related_heading,
            tuple(tuple(r) for r in b.references),  # every field, in order (Reference(*r))
            b.left_out,
            tuple(
                (r.words, r.kind, r.other, r.other_title, r.claims, r.contested)
                for r in b.relations
            ),
        )
    )


def read_briefing(blob: bytes) -> Briefing:
    """The inverse of :func:`briefing_blob`."""
    from ..views.records import Briefing, Link, Reference, Relation, Section

    try:
        (kind, ident, title, summary, facts, sections, related, heading, references, left,
         relations) = unpack(blob)  # fmt: skip
        return Briefing(
            kind,
            ident,
            title,
            summary,
            tuple((label, v if isinstance(v, str) else tuple(v)) for label, v in facts),
            tuple(Section(k, t, tuple(_point_from(p) for p in ps)) for k, t, ps in sections),
            tuple(Link(*x) for x in related),
            heading,
            tuple(Reference(*r) for r in references),
            int(left),
            tuple(Relation(w, k, o, t, tuple(c), bool(x)) for w, k, o, t, c, x in relations),
        )
    except BAD as error:
        raise Corrupt(f"unreadable briefing: {error}") from error
