"""Opening the relations screens: the graph asked of the store, the screen pushed.

The graph of an actor (its edges, either way) or of a topic (the edges its claims
state) is ``brief graph NAME``'s, read through the :class:`~brief.store.Store`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.kinds import Kind
from ..views.graph import Edge, Graph, Query

if TYPE_CHECKING:
    from ..views.records import Relation
    from .app import BriefApp


def heading(app: BriefApp, ident: str | None) -> tuple[str, str]:
    """The screen's title for *ident*'s relations, and what it says when there are none."""
    how = " (a claim states one with format 2's 'relation': see docs/format.md)"
    if ident is None:
        return "All relations", f"No relations: no claim in this corpus states one{how}."
    kind, title = app.names[ident]
    if kind is Kind.TOPIC:
        return f"Relations in {title}", f"No relations: no claim of this topic states one{how}."
    return f"Relations of {title}", f"No relations: no claim about this actor states one{how}."


def open_relations(app: BriefApp, ident: str | None) -> None:
    """Push the relations of the actor or topic *ident* (every actor's, for None)."""
    from .screens.relations import RelationsScreen

    view = app.store.graph(Query((ident,)) if ident is not None else None)
    title, empty = heading(app, ident)
    app.push_screen(RelationsScreen(app.store, view, title, app.known, empty))


def edge_of(view: Graph, actor: str, relation: Relation) -> Edge | None:
    """The edge of *view* that *actor*'s briefing lists as *relation*: the same kind,
    the same two actors, stated by the same claims."""
    ends = {actor, relation.other}
    found = [e for e in view.edges if e.kind == relation.kind and {e.subject, e.object} == ends]
    same = [e for e in found if set(e.claim_ids) == set(relation.claims)]
    return next(iter(same or found), None)


def open_relation(app: BriefApp, actor: str, relation: Relation) -> None:
    """Push the claims behind one of *actor*'s relations, as its page lists it."""
    from .screens.relations import EdgeScreen

    view = app.store.graph(Query((actor,), (relation.kind,)))
    edge = edge_of(view, actor, relation)
    if edge is None:  # the page is older than the corpus: say so rather than nothing
        app.notify("That relation is no longer in the corpus.", severity="warning")
        return
    app.push_screen(EdgeScreen(app.store, view, edge, app.known))
