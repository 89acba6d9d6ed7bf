"""The commands that read the corpus: show, list, compare, search, conflicts, tui.

Each builds its view (``views``) and hands it to the renderer the format names; the
loader, the views and the renderers are imported inside the commands that need them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..core.errors import NotFound, UsageError
from ..core.kinds import Kind
from .context import (
    KindChoice,
    command,
    completer,
    emit,
    format_option,
    min_grade_option,
    open_store,
    options,
    quotes_option,
    watch_option,
)

if TYPE_CHECKING:
    from ..render.output import Draw
    from ..store import Store
    from ..views.mingrade import Minimum
    from ..views.records import Briefing

ENTRIES = (Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)


@command()
@click.argument("names", nargs=-1, required=True, shell_complete=completer(*ENTRIES))
@quotes_option
@min_grade_option
@watch_option
@format_option
@click.pass_context
def show(
    ctx: click.Context,
    names: tuple[str, ...],
    quotes: bool,
    min_grade: Minimum | None,
    watch: bool,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Show the briefing for each topic, actor or source NAME.

    A NAME may be an id, a title or an alias, in any case and spacing:
    'North Korea', 'north_korea' and 'dprk' all reach the same actor.
    """
    if watch:
        from .watch import watch as redraw

        def frame(store: Store, problems: list[str]) -> Draw | None:
            missing: list[NotFound] = []
            views = _briefings(store, names, quotes, min_grade, missing)
            problems += [str(exc) for exc in missing]
            return (lambda r: r.briefings(views, len(names) > 1)) if views else None

        return redraw(ctx, frame, fmt, f"brief show {' '.join(names)}")
    missing: list[NotFound] = []
    store = open_store(ctx)
    views = _briefings(store, names, quotes, min_grade, missing)
    _words_of_one_name(store, names, {m.name for m in missing})
    if store.warnings and not ctx.meta.get("brief.quiet"):  # a file skipped: warned of
        _note_skipped(store, [n for n in names if not any(m.name == n for m in missing)])
    if views:
        emit(ctx, lambda r: r.briefings(views, len(names) > 1), fmt, pager)
    for unknown in missing[:-1]:
        click.echo(f"brief: {unknown}", err=True)
    if missing:
        raise missing[-1]


def _words_of_one_name(store: Store, names: tuple[str, ...], unknown: set[str]) -> None:
    """A usage error when names in a row, one of which reaches nothing, are the words of
    one name, unquoted: a tester's ``brief show north korea`` was told of 'north' and
    'korea' apart; a second's ``brief show Dockers Union`` showed Dockers, then said
    'Union' reaches nothing."""
    if not unknown or len(names) < 2:
        return
    for size in range(len(names), 1, -1):  # the most words first
        for start in range(len(names) - size + 1):
            words = names[start : start + size]
            if not unknown & set(words):
                continue
            joined = " ".join(words)
            try:
                ident = store.resolve(joined)
            except NotFound:
                continue
            import shlex

            from ..core.sanitize import quoted

            *rest, last = [quoted(word) for word in words]
            alone = f"{', '.join(rest)} and {last}"
            raise UsageError(
                f"{alone} are the words of one name, {quoted(ident)}: "
                f"quote them, brief show {shlex.quote(joined)}"
            )


def _note_skipped(store: Store, names: list[str]) -> None:
    """Say where a name shown is also defined in a file skipped for its problems: the
    entry shown is then not the one that file writes (a copy of yours, say)."""
    for name in names:
        file = store.skipped_file_of(name)
        if file is not None:
            click.echo(
                f"brief: note: the skipped file {file} defines {name!r} too; shown is the "
                "entry in use (see 'brief validate')",
                err=True,
            )


def _briefings(
    store: Store,
    names: tuple[str, ...],
    quotes: bool,
    min_grade: Minimum | None,
    missing: list[NotFound],
) -> list[Briefing]:
    """The briefings *names* reach, each once; the names that reach nothing go to *missing*
    (an unknown name is reported, and the others still shown)."""
    from ..views.gradewords import without_quotes

    found: dict[str, None] = {}
    for name in names:
        try:
            found[store.resolve(name)] = None
        except NotFound as exc:
            missing.append(exc)
    views = [store.briefing(ident) for ident in found]
    if quotes:  # each looked for in its source's text, so that none is shown unmarked
        from ..corpus.cited import QuoteFinder
        from ..views.gradewords import checked_quotes

        finder = QuoteFinder(store.source_text)
        views = [checked_quotes(v, finder) for v in views]
    else:
        views = [without_quotes(v) for v in views]
    if min_grade is not None:
        from ..views.mingrade import at_least

        views = [at_least(v, min_grade) for v in views]
    return views


@command("list")
@click.argument(
    "kind",
    type=KindChoice(["topics", "actors", "sources", "tags", "names"]),
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
@click.option(
    "--long",
    "-l",
    "long",
    is_flag=True,
    help="Name the layer each entry comes from, and mark one that overrides an earlier "
    "layer's entry (piped: id, title and layer, tab-separated).",
)
@format_option
@click.pass_context
def list_(
    ctx: click.Context,
    kind: str,
    tag: str | None,
    actor: str | None,
    long: bool,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """List topics (without an argument), actors, sources, tags or names, by title.
    Piped, one id per line.

    'brief list names' lists every name and alias in use and what it reaches (piped:
    name, kind and id, tab-separated), so that you can see which names are taken.

    \b
    brief list actors --long
    brief list names | grep -i korea
    """
    from ..views.briefings import listing

    store = open_store(ctx)
    labels = [layer.label for layer in options(ctx).layers()]
    if kind == "names":
        if tag is not None or actor is not None:
            raise UsageError("--tag and --actor do not apply to 'brief list names'")
        from ..views.listings import names_listing

        view = names_listing(store.entries_index(), labels, long)
        empty = "no names: the corpus is empty" if not view.rows else None
        emit(ctx, lambda r: r.listing(view), fmt, pager, empty=empty)
        return
    tag_key = store.resolve_tag(tag) if tag is not None else None
    actor_id = store.resolve_as(actor, Kind.ACTOR) if actor is not None else None
    # Unfiltered, the entries alone (no claims); filtered, what the filter reaches.
    if tag_key is None and actor_id is None:
        index = store.entries_index()
    else:
        index = store.filtered_index(tag_key, actor_id)
    defined = _defined(ctx, kind) if long else None
    view = listing(index, kind, tag_key, actor_id, labels if long else None, defined)
    within = [f"tagged {tag_key!r}"] if tag_key else []
    within += [f"about {actor_id!r}"] if actor_id else []
    empty = f"no {' '.join([kind, *within])}" if not view.rows else None
    emit(ctx, lambda r: r.listing(view), fmt, pager, empty=empty)


def _defined(ctx: click.Context, kind: str) -> dict[tuple[str, str], list[int]]:
    """For a long listing: ``(kind, id)`` to the layers whose files define such an entry.

    Read from the files (the cache keeps only the entry in use), and only when more
    than one layer could define it.
    """
    layers = options(ctx).layers()
    if len(layers) < 2 or kind == "tags":
        return {}
    from ..corpus.where import definitions

    defined: dict[tuple[str, str], list[int]] = {}
    for found in definitions(layers):
        defined.setdefault((found.kind, found.id), []).append(found.layer)
    return defined


@command()
@click.argument(
    "names", nargs=-1, required=True, shell_complete=completer(Kind.ACTOR, Kind.TOPIC, Kind.SOURCE)
)
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
    help="Hide claims about (or cited by) both that nothing contradicts; show only differences.",
)
@quotes_option
@watch_option
@format_option
@click.pass_context
def compare(
    ctx: click.Context,
    names: tuple[str, ...],
    topics: tuple[str, ...],
    diff_only: bool,
    quotes: bool,
    watch: bool,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Set two or more actors side by side, topic by topic (or topics, actor by actor; or
    sources, topic by topic: where they agree and disagree).

    \b
    brief compare china russia
    brief compare china russia --topic sanctions --diff-only
    brief compare sanctions diplomacy
    brief compare why-china china-russia
    """

    def frame(store: Store, problems: list[str] | None = None) -> Draw:
        idents = list(dict.fromkeys(store.resolve(name) for name in names))
        topic_ids = tuple(dict.fromkeys(store.resolve_as(t, Kind.TOPIC) for t in topics))
        view = store.compare(idents, topic_ids, diff_only)
        if quotes:  # each looked for in its source's text, as show --quotes does
            from ..corpus.cited import QuoteFinder
            from ..views.gradewords import comparison_checked_quotes

            view = comparison_checked_quotes(view, QuoteFinder(store.source_text))
        else:
            from ..views.gradewords import comparison_without_quotes

            view = comparison_without_quotes(view)
        return lambda r: r.comparison(view)

    if watch:
        from .watch import watch as redraw

        return redraw(ctx, frame, fmt, f"brief compare {' '.join(names)}")
    emit(ctx, frame(open_store(ctx)), fmt, pager)


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
        "actor": store.resolve_as(actor, Kind.ACTOR) if actor else None,
        "tag": store.resolve_tag(tag) if tag else None,
        "topic": store.resolve_as(topic, Kind.TOPIC) if topic else None,
    }
    results = store.search(words, limit=limit, **filters)
    empty = None
    if not results.hits:
        said = {"actor": "about {!r}", "tag": "in topics tagged {!r}", "topic": "in topic {!r}"}
        within = " ".join(said[key].format(value) for key, value in filters.items() if value)
        if not within or not store.search(words, limit=1).hits:  # the words find nothing
            again = store.respelled(words, **filters)  # the corpus's closest words
            # else names like the query, for one word: for more, a name like the whole
            # ('sanctions' for 'sanctions xqzt') drops a word without saying so
            alone = len(words.split()) == 1 and not within  # names are no words of a filter
            near = (again,) if again else store.suggest(words) if alone else ()
            empty = str(NoResults(words, near))
        else:  # the filter emptied it: say so, not "did you mean"
            empty = str(NoResults(words, within=within))
    emit(ctx, lambda r: r.results(results), fmt, pager, empty=empty)


@command()
@click.argument("names", nargs=-1, shell_complete=completer(*ENTRIES))
@click.option(
    "--topic",
    "-t",
    "topics",
    multiple=True,
    metavar="TOPIC",
    help="Only pairs with a claim in this topic (repeatable: in all of them).",
    shell_complete=completer(Kind.TOPIC),
)
@click.option(
    "--actor",
    "-a",
    "actors",
    multiple=True,
    metavar="ACTOR",
    help="Only pairs with a claim about this actor (repeatable: about all of them).",
    shell_complete=completer(Kind.ACTOR),
)
@click.option(
    "--source",
    "-s",
    "sources",
    multiple=True,
    metavar="SOURCE",
    help="Only pairs with a claim citing this source (repeatable: citing all of them).",
    shell_complete=completer(Kind.SOURCE),
)
@format_option
@click.pass_context
def conflicts(
    ctx: click.Context,
    names: tuple[str, ...],
    topics: tuple[str, ...],
    actors: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str | None,
    pager: bool | None,
) -> None:
    """List pairs of contradicting claims, with both sources, by topic title.

    Each claim with its grade, as show gives it. In each pair the firmer claim comes
    first, whichever of the two names the other: one not disputed nor graded
    credibility 4-5, then the better grade, then the firmer status, then the one
    written first. A pair whose claims both cite one source (a source contradicting
    itself) says "within one source".

    With NAMEs (topics, actors or sources), only the pairs that touch any of them; the
    filters keep only the pairs that touch every one they name.

    \b
    brief conflicts
    brief conflicts china
    brief conflicts --topic sanctions --actor russia
    """
    store = open_store(ctx)
    about = [store.resolve(name) for name in names]
    each = [store.resolve_as(t, Kind.TOPIC) for t in topics]
    each += [store.resolve_as(a, Kind.ACTOR) for a in actors]
    each += [store.resolve_as(s, Kind.SOURCE) for s in sources]
    view = store.conflicts(about, each)
    if skipped := store.skipped():  # what it may be missing, said where it is missed
        from dataclasses import replace

        view = replace(view, skipped=skipped)
    empty = None
    if not view.pairs:
        narrowed = ", ".join(repr(i) for i in dict.fromkeys([*about, *each]))
        empty = "no contradictions are recorded in this corpus"
        if narrowed:
            empty = f"no contradictions touch {narrowed}"
        if view.left_out:  # none here may be because claims are missing: say so
            empty = "; ".join([empty, *(gone.line for gone in view.left_out)])
    emit(ctx, lambda r: r.conflicts(view), fmt, pager, empty=empty)


@command()
@click.argument("name", required=False, shell_complete=completer(*ENTRIES))
@click.pass_context
def tui(ctx: click.Context, name: str | None) -> None:
    """Browse the corpus interactively (optionally opening on NAME).

    The page being read is drawn again when its corpus files change."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Textual would draw into the pipe and wait for keys that never come.
        raise UsageError("tui needs a terminal; in pipes and scripts use 'brief show'")
    from .watch import interval, open_watched

    every = interval()
    watched = open_watched(ctx)  # the app shows the warnings itself, and refreshes
    start = watched.store.resolve(name) if name else None  # fails before the screen
    # textual costs ~250 ms to import: only this command pays it. The cycle collector
    # stays off (see core.collector) until the app has drawn its first screen.
    from ..tui import make_app

    make_app(watched.store, start=start, watched=watched, every=every).run()


#: This module's commands, for the group to register.
COMMANDS = (show, list_, compare, search, conflicts, tui)
