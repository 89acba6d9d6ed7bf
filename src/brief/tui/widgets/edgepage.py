r"""Lay relations out as :class:`Page`\ s: the edges of a graph by relation, and the
claims behind one edge, each as its topic's page shows it, with a link to read it there.

The claims come from the graph's edge (``views.graph``); how each one reads (its
citations, grade, note and contradicting claims) from its topic's briefing, so that a
claim reads the same here as on its topic's page, with the same citation numbers.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import partial

from textual.content import Content

from ...core.relations import BY_NAME, NAMES
from ...views.graph import Edge, Graph
from ...views.records import Briefing, Point
from ...views.wording import counted
from .. import text
from ..history import EdgeKey, Place
from ..messages import Follow, OpenEdge, ShowCitation
from .blocks import Block, Jump
from .pages import citing, entry_link
from .pane import Page


def relations_page(view: Graph, title: str, empty: str, actor: str | None = None) -> Page:
    """The edges of *view* under a heading per relation, in the vocabulary's order: each
    says how many claims state it, how firm they are, the best grade and whether it is
    contested, and opens those claims. *empty* is said when there is no edge; a
    symmetric relation of *actor* (whose relations these are) reads from it."""
    page = Page()
    page.title(Content(title))
    if not view.edges:
        page.add(Block(Content(empty), classes="empty"))
        return page
    counts = f"{counted(len(view.nodes), 'actor')}, {counted(len(view.edges), 'edge')}"
    page.add(Block(Content(counts), classes="facts"))
    for kind in NAMES:
        found = [e for e in view.edges if e.kind == kind]
        if not found:
            continue
        words = BY_NAME[kind].words
        label = Content.assemble(
            words, (f"  {counted(len(found), 'edge')}", "not bold not underline dim")
        )
        page.heading(Block(label, classes="heading"), f"relation:{kind}", Content(words))
        for edge in found:
            opens = partial(OpenEdge, edge)
            said = text.edge(view, edge, actor)
            page.add(Jump(said, opens, classes="edge", name=edge_name(edge)))
    return page


def edge_name(edge: Edge) -> str:
    """The name of *edge*'s link in a list of edges: what gives it the focus back."""
    return "edge:" + ":".join(edge_key(edge))


def edge_key(edge: Edge) -> EdgeKey:
    """*edge* as the history keeps it: its subject, relation and object."""
    return (edge.subject, edge.kind, edge.object)


def shown_points(view: Briefing) -> dict[str, Point]:
    """Every claim a briefing shows, by id."""
    return {p.id: p for s in view.sections for p in s.points}


def edge_page(
    view: Graph,
    edge: Edge,
    topics: Mapping[str, Briefing],
    known: Collection[str],
    actor: str | None = None,
) -> Page:
    """The claims behind *edge*, grouped by topic in the order first stated; *topics*
    are the briefings of their topics, by id (a topic missing shows its claims' text);
    a symmetric relation reads from *actor*, whose relations these are."""
    page = Page()
    page.title(Content(text.edge_sentence(view, edge, actor)))
    page.add(Block(text.edge_details_line(edge), classes="facts"))
    order = list(dict.fromkeys(c.topic for c in edge.claims))
    for topic in order:
        briefing = topics.get(topic)
        label = Content(briefing.title if briefing else topic)
        heading = entry_link(known, topic, label, "heading", f"topic:{topic}")
        page.heading(heading, f"section:{topic}", label)
        points = shown_points(briefing) if briefing else {}
        for claim in (c for c in edge.claims if c.topic == topic):
            shown = points.get(claim.id)
            body = text.edge_claim(claim, shown)
            if topic in known:  # Enter reads it on its topic's page
                place = Place(topic, claim.id)
                block: Block = Jump(
                    body,
                    partial(Follow, place),
                    classes="point edge-claim",
                    name=f"claim:{claim.id}",
                )
            else:
                block = Block(body, classes="point edge-claim")
            page.add(block, f"claim:{claim.id}")
            if shown is not None and briefing is not None:
                _under(page, shown, briefing, {c.id for c in claim.contested_by})
    return page


def _under(page: Page, shown: Point, briefing: Briefing, contesting: Collection[str]) -> None:
    """Under a claim: what contradicts or supports it (each opens where it is; a
    contradicting claim not among *contesting*, one the corpus doubts, says that it does
    not contest this one), then the sources it cites (each shows the section cited)."""
    for other, line in (
        *(
            (o, text.counter(o) if o.id in contesting else text.doubted_counter(o))
            for o in shown.contested_by
        ),
        *((o, text.support(o)) for o in shown.supported_by),
    ):
        kind = "counter" if other in shown.contested_by else "support"
        follow = partial(Follow, Place(other.topic, other.id))
        page.add(Jump(line, follow, classes=kind, name=f"{kind}:{shown.id}:{other.id}"))
    numbers = dict.fromkeys(
        n for one in (shown, *shown.contested_by, *shown.supported_by) for n in one.refs
    )
    for ref in briefing.references:
        if ref.number in numbers:
            cites = citing([shown], ref.number)
            show = partial(ShowCitation, ref, cites)
            name = f"reference:{shown.id}:{ref.number}"
            page.add(Jump(text.reference(ref), show, classes="reference", name=name))
