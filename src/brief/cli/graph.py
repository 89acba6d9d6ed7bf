"""``brief graph``: the relations among actors, as a picture, a matrix, DOT or Mermaid.

Only click (and the relation names, which import nothing) at the top; the store, the
view and the renderers inside the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..core.kinds import Kind
from ..core.relations import NAMES, relation_name
from .context import (
    Choice,
    command,
    completer,
    emit,
    graph_format_option,
    min_grade_option,
    open_store,
    watch_option,
)

if TYPE_CHECKING:
    from typing import Any

    from ..render.output import Draw
    from ..store import Store
    from ..views.graph import Graph
    from ..views.mingrade import Minimum


class RelationChoice(Choice):
    """A relation, written as a corpus file may write it: ``Allied With``, ``allied_with``
    and ``allied-with`` all name ``allied-with`` (``core.relations.relation_name``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        named = relation_name(value) if isinstance(value, str) else value
        return super().convert(named if named in self.choices else value, param, ctx)


@command()
@click.argument("names", nargs=-1, shell_complete=completer(Kind.ACTOR, Kind.TOPIC))
@click.option(
    "--relation",
    "-r",
    "relations",
    type=RelationChoice(NAMES),
    multiple=True,
    help="Only this relation (supports, shields...; any case, spaces or underscores); "
    "give it again for several.",
)
@click.option(
    "--topic", "-t", help="Only claims of this topic.", shell_complete=completer(Kind.TOPIC)
)
@click.option(
    "--long",
    "-l",
    "long",
    is_flag=True,
    help="List each edge's claims under it (status, grade, date, numbered citations), "
    "then the sources cited. The other formats always list them.",
)
@min_grade_option
@watch_option
@graph_format_option
@click.pass_context
def graph(
    ctx: click.Context,
    names: tuple[str, ...],
    relations: tuple[str, ...],
    topic: str | None,
    long: bool,
    min_grade: Minimum | None,
    watch: bool,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Show the relations among actors that claims state (format 2's 'relation').

    Each edge is the claims that state it, with how firm they are and their best
    grade; an edge is marked contested when one of its claims is disputed, or
    contradicted by a claim that is neither disputed nor graded doubtful or improbable
    (credibility 4-5); --long and the other formats say what contests it. NAMEs are actors
    (their relations, either way) or topics (the relations their claims state).
    In a terminal, each actor's relations by kind, and a matrix when it fits; --long
    lists each edge's claims with their sources. --format dot (Graphviz) or mermaid
    for a drawing, json for nodes and edges (each claim with its citations), markdown
    or html for a document (each edge with its claims, their sources as footnotes).
    Exit 1 when no relation matches.

    \b
    brief graph
    brief graph china --relation shields
    brief graph north-korea --long
    brief graph -f dot | dot -Tsvg > relations.svg
    """
    from ..views.graph import Query

    query = Query(names, relations, topic, min_grade)
    if watch:
        from .watch import watch as redraw

        def frame(store: Store, problems: list[str]) -> Draw | None:
            view = with_dropped(store.graph(query)._replace(long=long), store)
            if not view.edges:
                problems.append(_empty(view))
                return None
            return lambda r: r.graph(view)

        return redraw(ctx, frame, fmt, " ".join(("brief graph", *names)))
    store = open_store(ctx)
    view = with_dropped(store.graph(query)._replace(long=long), store)
    empty = None if view.edges else _empty(view)
    emit(ctx, lambda r: r.graph(view), fmt, pager, empty=empty)


def _empty(view: Graph) -> str:
    """What an empty picture says, as the one empty-results rule has it, and what it
    could not show (``Graph.missing``): a trial's actors.toml, skipped for a syntax
    error, took every relation with it, and the picture said there were none."""
    if view.filters:
        said = f"no relations match {view.described}"
    else:
        said = "no relations to draw" if view.dropped else "no relations in this corpus"
    return "; ".join([said, *view.missing])


def with_dropped(view: Graph, store: Store) -> Graph:
    """*view* with the files that could not be read (``Graph.skipped``) and, when it
    pictures the whole corpus, the relations dropped for actors that could not be used
    counted (``Graph.dropped``)."""
    from ..core.diagnostics import RELATION

    view = view._replace(skipped=store.skipped())
    if view.filters:
        return view
    dropped = sum(p.endswith(f"[{RELATION}]") for p in store.problems_in())
    return view._replace(dropped=dropped) if dropped else view


#: This module's commands, for the group to register.
COMMANDS = (graph,)
