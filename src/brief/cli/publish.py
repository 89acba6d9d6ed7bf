"""``brief export``: the whole corpus as a static web site, to publish or open from disk."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..core.errors import BriefError, UsageError
from .context import Folder, command, open_store, options, progress

if TYPE_CHECKING:
    from ..corpus.layers import Layer
    from ..corpus.load import OnFile


@command()
@click.argument("folder", metavar="DIR", type=Folder())
@click.option(
    "--force",
    is_flag=True,
    help="Write into DIR even though it holds files that are not a previous export's.",
)
@click.pass_context
def export(ctx: click.Context, folder: str, force: bool) -> None:
    """Write the corpus as a static site into DIR: an index, a page per topic, actor and
    source, the conflicts and the relations among actors, linked to each other by
    relative links. Where Graphviz's dot is installed, the relations page also shows
    the graph as a picture (SVG, stripped of anything that could run or fetch).

    Each page is one self-contained HTML file (no scripts, nothing fetched), so the
    folder can be opened from disk or put on any web host. DIR must be empty, new or
    a previous export (which is replaced, pages of entries since removed included);
    anything else needs --force. Pages are written whole into DIR before any replaces
    what was there, so an interrupted export leaves the previous one as it was.

    \b
    brief export site && open site/index.html
    """
    from ..core.unsafe import shown_line
    from ..render.graphs import dot
    from ..render.html.site import Drawn, site_pages
    from ..render.html.svg import draw
    from ..render.html.tree import ExportRefused, write_tree
    from ..views.site import site

    if folder == "-":  # elsewhere '-' is standard output, which cannot hold pages
        raise UsageError("export writes a folder of pages: give a folder, not '-'")
    target = Path(folder)
    store = open_store(ctx)
    from ..corpus.cited import QuoteFinder
    from .graph import with_dropped

    skipped = published_names(store.skipped(), options(ctx).layers())
    published = site(store.index(), QuoteFinder(store.source_text), skipped)
    graph = with_dropped(published.graph, store)._replace(skipped=skipped)
    published = published._replace(graph=graph)
    picture = draw(dot(published.graph)) if published.graph.edges else None
    if picture is not None and picture.problem:
        click.echo(f"brief: warning: {shown_line(picture.problem)}", err=True)
    pages = site_pages(published, Drawn(picture.svg if picture else None))
    try:
        with progress(("writing the export", "entry pages", "written")) as on_page:
            written = write_tree(_told(pages, len(published.briefings), on_page), target, force)
    except ExportRefused as exc:
        raise UsageError(shown_line(str(exc))) from None
    except OSError as exc:
        where = shown_line(exc.filename or folder)
        raise BriefError(f"{where}: cannot write the export: {exc.strerror}") from None
    index = shown_line(os.path.join(folder, "index.html"))
    click.echo(f"brief: wrote {written:,} pages to {shown_line(folder)} (open {index})", err=True)


def published_names(names: Iterable[str], layers: Iterable[Layer]) -> tuple[str, ...]:
    """Corpus files' *names* as a published site gives them: from their corpus folder's
    own name on (``notes/x.toml``), not by where that folder is on this machine (a
    trial's export published ``/home/.../x.toml``)."""
    from ..core.sanitize import inert_line

    labels = [(f"{inert_line(layer.label)}/", layer.label) for layer in layers]
    out = []
    for name in names:
        for prefix, label in labels:
            if name.startswith(prefix):
                own = os.path.basename(label.rstrip("/")) or label
                name = f"{inert_line(own)}/{name[len(prefix) :]}"
                break
        out.append(name)
    return tuple(out)


def _told(
    pages: Iterable[tuple[str, str]], entries: int, on_page: OnFile | None
) -> Iterator[tuple[str, str]]:
    """*pages* (file name and document), each told to *on_page* once written (the next
    is asked for when the one before is written): the count is of the *entries*' pages,
    which are most of them and come first; the few after them run under "finishing"."""
    for done, page in enumerate(pages, 1):
        yield page
        if on_page is not None:
            on_page(min(done, entries), entries)


#: This module's commands, for the group to register.
COMMANDS = (export,)
