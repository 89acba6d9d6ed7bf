"""The relations screens as places: the graph asked of the store, the screen built.

The graph of an actor (its edges, either way) or of a topic (the edges its claims
state) is ``brief graph NAME``'s, read through the :class:`~brief.store.Store`. A
:class:`~brief.tui.history.Overlay` says which screen; it is built from the store each
time it is shown, so going back to one, or the corpus changing under it, reads the
corpus as it is now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.errors import BriefError
from ..core.kinds import Kind
from ..views.graph import Edge, Graph, Query
from .history import EdgeKey, Overlay

if TYPE_CHECKING:
    from ..store import Store
    from ..views.records import Relation
    from .app import BriefApp
    from .screens.reading import ReadingScreen

GONE = "That relation is no longer in the corpus."


def heading(names: dict[str, tuple[Kind, str]], ident: str | None) -> tuple[str, str]:
    """The screen's title for *ident*'s relations, and what it says when there are none;
    *names* are every entry's kind and title, by id."""
    how = " (a claim states one with format 2's 'relation': see docs/format.md)"
    if ident is None:
        return "All relations", f"No relations: no claim in this corpus states one{how}."
    kind, title = names[ident]
    if kind is Kind.TOPIC:
        return f"Relations in {title}", f"No relations: no claim of this topic states one{how}."
    return f"Relations of {title}", f"No relations: no claim about this actor states one{how}."


def graph_of(store: Store, ident: str | None) -> Graph | None:
    """The relations of the actor or topic *ident* (every actor's, for None); None when
    *ident* is no longer in the corpus."""
    try:
        return store.graph(Query((ident,)) if ident is not None else None)
    except BriefError:
        return None


def find_edge(view: Graph, key: EdgeKey) -> Edge | None:
    """The edge of *view* between the same two actors by the same relation as *key*."""
    return next((e for e in view.edges if (e.subject, e.kind, e.object) == key), None)


def edge_of(view: Graph, actor: str, relation: Relation) -> Edge | None:
    """The edge of *view* that *actor*'s briefing lists as *relation*: the same kind,
    the same two actors, stated by the same claims."""
    ends = {actor, relation.other}
    found = [e for e in view.edges if e.kind == relation.kind and {e.subject, e.object} == ends]
    same = [e for e in found if set(e.claim_ids) == set(relation.claims)]
    return next(iter(same or found), None)


def overlay_screen(app: BriefApp, overlay: Overlay) -> ReadingScreen | None:
    """The screen *overlay* names, read from the store now; None when what it shows (the
    actor or topic, or the edge) is no longer in the corpus."""
    from .screens.relations import EdgeScreen, RelationsScreen

    if overlay.of is not None and overlay.of not in app.names:
        return None
    view = graph_of(app.store, overlay.of)
    if view is None:
        return None
    if overlay.edge is None:
        title, empty = heading(app.names, overlay.of)
        return RelationsScreen(app.store, view, title, app.known, empty, overlay)
    edge = find_edge(view, overlay.edge)
    if edge is None:
        return None
    return EdgeScreen(app.store, view, edge, app.known, overlay)


def relation_overlay(app: BriefApp, actor: str, relation: Relation) -> Overlay | None:
    """The claims behind one of *actor*'s relations, as its page lists it, as a overlay;
    None when the page is older than the corpus and the edge is gone."""
    from .widgets.edgepage import edge_key

    view = graph_of(app.store, actor)
    edge = edge_of(view, actor, relation) if view is not None else None
    return Overlay(actor, edge_key(edge)) if edge is not None else None
