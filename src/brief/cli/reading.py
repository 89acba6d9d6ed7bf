"""The commands that read the corpus: show, list, compare, search, conflicts, tui.

Each builds its view (``views``) and hands it to the renderer the format names; the
loader, the views and the renderers are imported inside the commands that need them.
"""

from __future__ import annotations

import sys

import click

from ..core.errors import UsageError
from ..core.kinds import Kind
from .context import command, completer, emit, format_option, open_store

ENTRIES = (Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)


@command()
@click.argument("names", nargs=-1, required=True, shell_complete=completer(*ENTRIES))
@click.option("--quotes", is_flag=True, help="Print each claim's quotes under it (format 2).")
@format_option
@click.pass_context
def show(
    ctx: click.Context, names: tuple[str, ...], quotes: bool, fmt: str | None, pager: bool | None
) -> None:
    """Show the briefing for each topic, actor or source NAME.

    A NAME may be an id, a title or an alias, in any case and spacing:
    'North Korea', 'north_korea' and 'dprk' all reach the same actor.
    """
    from ..views.gradewords import without_quotes

    store = open_store(ctx)
    ids = dict.fromkeys(store.resolve(name) for name in names)
    views = [store.briefing(ident) for ident in ids]
    views = views if quotes else [without_quotes(v) for v in views]
    emit(ctx, lambda r: r.briefings(views), fmt, pager)


@command("list")
@click.argument(
    "kind",
    type=click.Choice(["topics", "actors", "sources", "tags"]),
    default="topics",
    required=False,
)
@click.option(
    "--tag",
    "-t",
    help="Only what belongs to topics with this tag.",
    shell_complete=completer("tag"),
)
@click.option(
    "--actor",
    "-a",
    help="Only what the claims about this actor touch.",
    shell_complete=completer(Kind.ACTOR),
)
@format_option
@click.pass_context
def list_(
    ctx: click.Context,
    kind: str,
    tag: str | None,
    actor: str | None,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """List topics, actors, sources or tags. Piped, it prints one id per line."""
    from ..views.briefings import listing

    index = open_store(ctx).index()
    tag_key = index.resolve_tag(tag) if tag is not None else None
    actor_id = index.resolve_actor(actor).id if actor is not None else None
    view = listing(index, kind, tag_key, actor_id)
    emit(ctx, lambda r: r.listing(view), fmt, pager)


@command()
@click.argument("names", nargs=-1, required=True, shell_complete=completer(Kind.ACTOR, Kind.TOPIC))
@click.option(
    "--topic",
    "-t",
    "topics",
    multiple=True,
    metavar="TOPIC",
    help="Only these topics (repeatable).",
    shell_complete=completer(Kind.TOPIC),
)
@click.option(
    "--diff-only",
    is_flag=True,
    help="Hide claims about both that nothing contradicts; show only differences.",
)
@format_option
@click.pass_context
def compare(
    ctx: click.Context,
    names: tuple[str, ...],
    topics: tuple[str, ...],
    diff_only: bool,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Set two or more actors side by side, topic by topic (or topics, actor by actor).

    \b
    brief compare china russia
    brief compare china russia --topic sanctions --diff-only
    brief compare sanctions diplomacy
    """
    from ..views.comparison import compare as build

    store = open_store(ctx)
    index = store.index()
    entries = list(dict.fromkeys(index.entry(store.resolve(name)) for name in names))
    topic_ids = tuple(dict.fromkeys(index.resolve_topic(t).id for t in topics))
    view = build(index, entries, topic_ids, diff_only)
    emit(ctx, lambda r: r.comparison(view), fmt, pager)


@command()
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--limit",
    "-n",
    default=10,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="At most this many results.",
)
@click.option(
    "--actor", "-a", help="Only results about this actor.", shell_complete=completer(Kind.ACTOR)
)
@click.option(
    "--tag", "-t", help="Only results in topics with this tag.", shell_complete=completer("tag")
)
@click.option("--topic", help="Only results in this topic.", shell_complete=completer(Kind.TOPIC))
@format_option
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    limit: int,
    actor: str | None,
    tag: str | None,
    topic: str | None,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Search titles, aliases, tags, summaries, claims and notes, best match first.

    Every word must match; words are stemmed ('sanction' finds 'sanctions') and the
    last one may be the start of a word. Exit 1 when nothing matches.
    """
    from ..core.errors import NoResults
    from ..store import match_expression

    words = " ".join(query)
    if not match_expression(words):
        raise UsageError("search needs at least one word")
    store = open_store(ctx)
    filters = {
        "actor": store.index().resolve_actor(actor).id if actor else None,
        "tag": store.index().resolve_tag(tag) if tag else None,
        "topic": store.index().resolve_topic(topic).id if topic else None,
    }
    results = store.search(words, limit=limit, **filters)
    if not results.hits:
        raise NoResults(words, store.index().suggest(words))
    emit(ctx, lambda r: r.results(results), fmt, pager)


@command()
@format_option
@click.pass_context
def conflicts(ctx: click.Context, fmt: str | None, pager: bool | None) -> None:
    """List every pair of contradicting claims, with both sources."""
    from ..views.comparison import conflicts as build

    view = build(open_store(ctx).index())
    emit(ctx, lambda r: r.conflicts(view), fmt, pager)


@command()
@click.argument("name", required=False, shell_complete=completer(*ENTRIES))
@click.pass_context
def tui(ctx: click.Context, name: str | None) -> None:
    """Browse the corpus interactively (optionally opening on NAME)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Textual would draw into the pipe and wait for keys that never come.
        raise UsageError("tui needs a terminal; in pipes and scripts use 'brief show'")
    ctx.meta["brief.quiet"] = True  # the app shows the warnings itself
    store = open_store(ctx)
    start = store.resolve(name) if name else None  # fails before the screen
    # textual costs ~250 ms to import: only this command pays it.
    from ..tui import make_app

    make_app(store, start=start).run()


#: This module's commands, for the group to register.
COMMANDS = (show, list_, compare, search, conflicts, tui)
