"""The pages of ``brief export``: an index, a page per topic, actor and source, conflicts
and the relations graph.

Every page is a whole document (see ``page.document``) in one flat folder, so every
link between pages is a bare file name: the site works opened from disk or from any
web host, at any path. A page kind is a function in :data:`PAGES` that returns its
pages; the index links to those marked ``listed``. What a program outside brief made
(Graphviz's picture of the graph) comes in a :class:`Drawn`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from ...views.records import Listing
from ...views.site import Site, shown_claims
from ..graphs import dot, mermaid
from .graph import graph_body, sections
from .page import GRAPH, Links, document, esc, page_name
from .parts import Doc, briefings, link
from .renderer import conflicts_body, table

#: The index page's file name.
INDEX = "index.html"
#: The conflicts page's file name.
CONFLICTS = "conflicts.html"


class Page(NamedTuple):
    """One file of an export, before the navigation bar and the document around it."""

    name: str
    """Its file name in the export's folder (a plain name: no folder, no ``..``)."""
    title: str
    """Its document's title; a listed page's link says it too."""
    body: str
    """What the page shows (HTML)."""
    listed: bool = False
    """Whether the index and every page's navigation link to it (conflicts do; an
    entry's page is reached from the index's tables instead)."""


class Drawn(NamedTuple):
    """What an export shows that a program outside brief drew."""

    picture: str | None = None
    """The relations graph as Graphviz's ``dot`` drew it, sanitised SVG to inline
    (``svg.draw``); None without it."""


def nav(listed: list[Page]) -> str:
    """The bar atop every page: the index, then each listed page."""
    links = [f'<a href="{INDEX}">Index</a>']
    links += [f'<a href="{esc(p.name)}">{esc(p.title)}</a>' for p in listed]
    return f'<nav class="site" aria-label="site">{"".join(links)}</nav>\n'


def entry_pages(site: Site, claims: dict[tuple[str, str], int]) -> Iterator[Page]:
    """A page per topic, actor and source, made one at a time: its briefing, linked to
    the others (an actor's relations to where the graph page shows them). How many
    claims each shows goes into *claims*, by kind and id, for the index."""
    links = Links(site=True, graphed=sections(site.graph))
    for v in site.briefings:
        claims[(v.kind, v.id)] = shown_claims(v)
        yield Page(page_name(v.kind, v.id), v.title, briefings(Doc(links), [v]))


def conflicts_page(site: Site, drawn: Drawn) -> list[Page]:
    """Where the sources disagree: each pair linked to its claims' topic pages."""
    body = conflicts_body(site.conflicts, Doc(Links(site=True)))
    return [Page(CONFLICTS, "Conflicts", _under_heading(body, _skipped(site)), listed=True)]


def graph_page(site: Site, drawn: Drawn) -> list[Page]:
    """The relations among actors: Graphviz's picture where it was drawn (what a reader
    opens the page for), the matrix, each actor's relations by kind, and the graph as
    DOT and Mermaid text to draw it elsewhere."""
    view = site.graph
    picture = ""
    if view.edges and drawn.picture is not None:
        picture = (
            '<h2 id="picture">Picture</h2>\n<figure class="graph">'
            f"{drawn.picture}<figcaption>Drawn by Graphviz from the DOT text below."
            "</figcaption></figure>\n"
        )
    body = [_under_heading(graph_body(Doc(Links(site=True)), view, picture), _skipped(site))]
    if view.edges:
        body += [
            '<h2 id="dot">Graphviz DOT</h2>\n',
            f'<pre class="source">{esc(dot(view))}</pre>\n',
            '<h2 id="mermaid">Mermaid</h2>\n',
            f'<pre class="source">{esc(mermaid(view))}</pre>\n',
        ]
    return [Page(GRAPH, "Relations", "".join(body), listed=True)]


#: The pages beside the entries', in order: each a function of the site (and of what
#: was drawn outside brief) returning its pages; ``listed=True`` puts a page in the
#: index and the navigation bar.
PAGES: tuple[Callable[[Site, Drawn], list[Page]], ...] = (conflicts_page, graph_page)


def _listing(site: Site, view: Listing, claims: dict[tuple[str, str], int]) -> str:
    """One kind of entry as a table: each linked to its page, with its number of claims."""
    doc = Doc(Links(site=True))
    kind = view.kind[:-1]
    rows = [
        [
            link(doc.entry_href(kind, row.id), esc(row.title)),
            f'<span class="ids">{esc(row.id)}</span>',
            esc(row.detail),
            str(claims.get((kind, row.id), 0)),
        ]
        for row in view.rows
    ]
    heading = f'<h2 id="{esc(view.kind)}">{esc(view.kind.capitalize())} ({len(rows):,})</h2>\n'
    if not rows:
        return f'{heading}<p class="muted"><em>None.</em></p>\n'
    return heading + table(["Title", "Id", "Detail", "Claims"], rows, {3})


def index_page(site: Site, listed: list[Page], claims: dict[tuple[str, str], int]) -> Page:
    """The front page: what the corpus holds, by kind, with counts (*claims*: how many
    claims each entry's page shows, by kind and id), and the listed pages."""
    counts = " · ".join(f'<a href="#{v.kind}">{len(v.rows):,} {v.kind}</a>' for v in site.listings)
    others = "".join(f'<li><a href="{esc(p.name)}">{esc(p.title)}</a></li>' for p in listed)
    pairs = len(site.conflicts.pairs)
    body = [
        "<h1>Briefings</h1>\n",
        f"<p>{counts} · {pairs} contradiction{'s' if pairs != 1 else ''}</p>\n",
        _skipped(site),
        f"<ul>{others}</ul>\n" if others else "",
        *(_listing(site, view, claims) for view in site.listings),
    ]
    return Page(INDEX, "Briefings", "".join(body))


def _skipped(site: Site) -> str:
    """The front page's word on the corpus files that could not be read, if any: the
    site is published without them, and says so where a reader starts."""
    files = site.skipped
    if not files:
        return ""
    if len(files) == 1:
        said = f"The file {files[0]} could not be read: what it defines is missing"
    else:
        said = (
            f"{len(files)} files could not be read: {', '.join(files)}; what they define is missing"
        )
    return f'<p class="left-out">{esc(said)} from this site (see brief validate).</p>\n'


def _under_heading(body: str, notice: str) -> str:
    """*body* with *notice* right under its first heading (at its top if it has none)."""
    head, sep, rest = body.partition("</h1>\n")
    return f"{head}{sep}{notice}{rest}" if sep else notice + body


def site_pages(site: Site, drawn: Drawn | None = None) -> Iterator[tuple[str, str]]:
    """Every page of the export of *site* (with what *drawn* holds), as its file name
    and document, made one at a time: each entry's, then the others, then the index
    (written last, it marks a finished site)."""
    others = [page for kind in PAGES for page in kind(site, drawn or Drawn())]
    listed = [p for p in others if p.listed]
    bar = nav(listed)
    claims: dict[tuple[str, str], int] = {}

    def pages() -> Iterator[Page]:
        yield from entry_pages(site, claims)
        yield from others
        yield index_page(site, listed, claims)  # once every entry's claims are counted

    # page_name is one to one; write_tree refuses a name that comes twice all the same
    return ((page.name, document(page.title, page.body, bar)) for page in pages())
