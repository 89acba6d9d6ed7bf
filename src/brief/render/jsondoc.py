"""JSON: a documented, stable shape for scripts (see docs/json.md). Version 2."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..views.gradewords import badge
from ..views.records import (
    Briefing,
    Grade,
    LeftOut,
    Listing,
    Point,
    Reference,
    Results,
    Row,
    split_marks,
)

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ..views.claims import Claims
    from ..views.comparison import Comparison, ComparisonRow, Conflicts
    from ..views.graph import Graph
    from ..views.timeline import Timeline
    from ..views.validation import Validation

VERSION = 2
"""The version every document carries; docs/json.md lists what changed in each."""


def _grade(grade: Grade) -> dict[str, Any]:
    """A claim's grade (format 2): every field, and its badge as shown."""
    data: dict[str, Any] = grade._asdict()
    data["badge"] = badge(grade)
    data["quotes"] = [q._asdict() for q in grade.quotes]
    return data


def _point(point: Point) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": point.id,
        "text": point.text,
        "status": point.status,
        "note": point.note,
        "refs": list(point.refs),
        "actors": list(point.actors),
        "actor_ids": list(point.actor_ids),  # added in version 2
        "topic": point.topic,
        "contested_by": [_point(p) for p in point.contested_by],
        "above": point.above,
        "supported_by": [_point(p) for p in point.supported_by],
    }
    if point.grade is not None:  # format 2 only, so format-1 output is as it was
        data["grade"] = _grade(point.grade)
    return data


def briefing_data(view: Briefing) -> dict[str, Any]:
    data = _briefing_data(view)
    if view.kind == "actor":  # an actor's relations (format 2), under its facts
        relations = [{**r._asdict(), "claims": list(r.claims)} for r in view.relations]
        data = {
            **dict(list(data.items())[:6]),
            "relations": relations,
            **dict(list(data.items())[6:]),
        }
    return data


def _briefing_data(view: Briefing) -> dict[str, Any]:
    return {
        "version": VERSION,
        "kind": view.kind,
        "id": view.id,
        "title": view.title,
        "summary": view.summary,
        "facts": {k: v if isinstance(v, str) else list(v) for k, v in view.facts},
        "sections": [
            {"key": s.key, "title": s.title, "claims": [_point(p) for p in s.points]}
            for s in view.sections
        ],
        "related": [{"kind": x.kind, "id": x.id, "title": x.title} for x in view.related],
        "references": _references(view.references),
        "left_out": view.left_out,
        "unread": list(view.unread),
        "skipped": list(view.skipped),
    }


def listing_data(view: Listing) -> dict[str, Any]:
    return {"version": VERSION, "kind": view.kind, "items": [_item(view, r) for r in view.rows]}


def _item(view: Listing, row: Row) -> dict[str, Any]:
    if view.kind == "names":
        return {
            "name": row.id,
            "kind": row.kind,
            "id": row.reaches,
            "title": row.title,
            "layer": row.layer,
        }
    item: dict[str, Any] = {"id": row.id, "title": row.title, "detail": row.detail}
    if view.long and view.kind != "tags":
        item.update(layer=row.layer, overrides=list(row.overrides))
    return item


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _references(refs: tuple[Reference, ...]) -> list[dict[str, Any]]:
    return [
        {
            "number": r.number,
            "source": r.source,
            "title": r.title,
            "section": r.section,
            "author": r.author,
            "year": r.year,
            "publisher": r.publisher,
            "url": r.url,
        }
        for r in refs
    ]


def comparison_data(view: Comparison) -> dict[str, Any]:
    return {
        "version": VERSION,
        "kind": "comparison",
        "of": view.kind,
        "columns": [{"kind": c.kind, "id": c.id, "title": c.title} for c in view.columns],
        "rows": [_comparison_row(view, row) for row in view.rows],
        "references": _references(view.references),
    }


def _comparison_row(view: Comparison, row: ComparisonRow) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": row.key,
        "title": row.title,
        "verdict": row.verdict,
        "conflicts": row.conflicts,
        "shared": row.shared,
        "left_out": row.left_out,
    }
    if view.kind == "sources":  # added in version 1 with source comparisons
        data["disagreements"] = row.disagreements
    data["common"] = [_point(p) for p in row.common]
    data["cells"] = [[_point(p) for p in cell] for cell in row.cells]
    return data


def conflicts_data(view: Conflicts) -> dict[str, Any]:
    return {
        "version": VERSION,
        "kind": "conflicts",
        "pairs": [[_point(pair.first), _point(pair.second)] for pair in view.pairs],
        # for each pair, the sources both claims cite ([] between sources); added in version 2
        "within": [[s.id for s in pair.within] for pair in view.pairs],
        "references": _references(view.references),
        # the entries named with claims left out; added later in version 2
        "left_out": _left_out(view.left_out),
        "skipped": list(view.skipped),  # files that could not be read; added later in v2
    }


def results_data(view: Results) -> dict[str, Any]:
    hits = []
    for hit in view.hits:
        text, spans, at = "", [], 0
        for part, match in split_marks(hit.snippet):
            if match:
                spans.append([at, at + len(part)])
            text += part
            at += len(part)
        hits.append(
            {
                "kind": hit.kind,
                "id": hit.id,
                "title": hit.title,
                "opens": hit.opens,
                "snippet": text,
                "highlights": spans,
                "score": round(hit.score, 4),
            }
        )
    return {"version": VERSION, "kind": "search", "query": view.query, "hits": hits}


def validation_data(view: Validation) -> dict[str, Any]:
    causes = view.causes or ("",) * len(view.problems)
    data: dict[str, Any] = {
        "version": VERSION,
        "kind": "validation",
        "files": view.files,
        "problems": [
            {
                "code": p.code,
                "file": p.file,
                "line": line or None,
                "column": column or None,
                "where": p.where,
                "message": p.message,
                "cause": cause or None,
            }
            for (p, line, column), cause in zip(view.located(), causes, strict=True)
        ],
        "counts": {
            "problems": len(view.problems) - view.knock_ons,
            "knock_ons": view.knock_ons,
            "left_out": dict(view.left_out),
        },
        "summary": view.summary,
    }
    if view.quotes_checked or view.quotes_unchecked:  # format 2: only when there are quotes
        data["quotes"] = {"checked": view.quotes_checked, "unchecked": view.quotes_unchecked}
    return data


def _left_out(gone: Sequence[LeftOut]) -> list[dict[str, Any]]:
    """Entries named with claims left out (``views.records.LeftOut``), as JSON gives them."""
    return [{"kind": g.kind, "id": g.id, "claims": g.claims} for g in gone]


def claims_data(view: Claims) -> dict[str, Any]:
    """The claims, each with the keys ``--fields`` chose (lists as lists)."""
    rows = []
    for row in view.rows:
        data = row._asdict()
        rows.append(
            {key: list(v) if isinstance(v := data[key], tuple) else v for key in view.fields}
        )
    return {
        "version": VERSION,
        "kind": "claims",
        "filters": dict(view.filters),
        "claims": rows,
        # the entries filtered by with claims left out; added later in version 2
        "left_out": _left_out(view.left_out),
    }


def timeline_data(view: Timeline) -> dict[str, Any]:
    """The events in order, each its date and the claim as a briefing gives it."""
    return {
        "version": VERSION,
        "kind": "timeline",
        "of": {"kind": view.kind, "id": view.id or None, "title": view.title},
        "events": [{"date": e.date, "claim": _point(e.point)} for e in view.events],
        "undated": view.undated,
        # the entry's claims left out for problems; added later in version 2
        "left_out": view.left_out,
        # the dated claims --min-grade hid, below it or ungraded; added later in version 2
        "below": view.below,
        "skipped": list(view.skipped),  # files that could not be read; added later in v2
        "references": _references(view.references),
    }


class JsonRenderer:
    """JSON documents, one per command (several briefings make a list)."""

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        datas = [briefing_data(view) for view in views]
        return dumps(datas[0] if len(datas) == 1 and not several else datas)

    def listing(self, view: Listing) -> str:
        return dumps(listing_data(view))

    def comparison(self, view: Comparison) -> str:
        return dumps(comparison_data(view))

    def conflicts(self, view: Conflicts) -> str:
        return dumps(conflicts_data(view))

    def results(self, view: Results) -> str:
        return dumps(results_data(view))

    def validation(self, view: Validation) -> str:
        return dumps(validation_data(view))

    def claims(self, view: Claims) -> str:
        return dumps(claims_data(view))

    def timeline(self, view: Timeline) -> str:
        return dumps(timeline_data(view))

    def graph(self, view: Graph) -> str:
        from .graphs import dumps_graph

        return dumps_graph(view, VERSION)
