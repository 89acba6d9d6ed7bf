"""The ``brief`` command line: parse arguments, load the corpus, pick a renderer.

Start-up time is the product's speed, so this module imports only click at the top.
The loader (tomllib), the renderers and rich are imported inside the commands that
need them, and rich only when the output is a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click

from ..core.errors import BriefError, UsageError
from ..corpus.config import FORMATS, Config

if TYPE_CHECKING:
    from ..core.index import Index
    from ..corpus.layers import Layer
    from ..store import Store


F = TypeVar("F", bound=Callable[..., Any])


class _Failure(click.ClickException):
    """A :class:`BriefError` at the CLI edge: one line on stderr, its own exit code."""

    def show(self, file: Any = None) -> None:
        click.echo(f"brief: {self.format_message()}", err=True)


class _UsageFailure(_Failure):
    exit_code = 2


class _Context(click.Context):
    """Click's context, with help as wide as click makes it but measured without shutil.

    Click imports ``shutil`` (and with it bz2 and lzma) to learn the terminal's width
    for help; that alone cost ~3 ms of a ~60 ms ``brief --help``.
    """

    def make_formatter(self) -> click.HelpFormatter:
        from ..render.output import terminal_width

        width = self.terminal_width
        if width is None:
            width = max(min(terminal_width(), self.max_content_width or 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class _Command(click.Command):
    context_class = _Context


class BriefGroup(click.Group):
    """Maps the core's exceptions to exit codes, Ctrl-C to 130 and a closed pipe to quiet."""

    context_class = _Context
    command_class = _Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            raise (_UsageFailure if exc.exit_code == 2 else _Failure)(str(exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (``brief show x | head -1``): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(141) from None


class Options(NamedTuple):
    """What the ``brief`` group was told, and the config file, for its subcommands."""

    corpus_dirs: tuple[str, ...]
    bundled: bool
    config: Config
    pager: bool | None = None
    """``brief --pager/--no-pager``, as git takes it, before the command."""


def format_option(f: F) -> F:
    """``--format`` and ``--pager/--no-pager``, for every command that prints content."""
    f = click.option(
        "--pager/--no-pager",
        default=None,
        help="Page long output with $PAGER (default: in a terminal; 'less -FRX').",
    )(f)
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="auto (default): colour in a terminal, plain text when piped or with NO_COLOR.",
    )(f)


def _layers(opts: Options) -> list[Layer]:
    from ..corpus.layers import layers_for

    return layers_for(opts.corpus_dirs, bundled=opts.bundled, config_dirs=opts.config.corpus)


def _emit(
    ctx: click.Context, kind: str, items: Sequence[Any], fmt: str | None, pager: bool | None
) -> None:
    """Write views through the chosen renderer (see ``output``), honouring the config."""
    from ..render.output import emit

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    chosen = pager if pager is not None else opts.pager
    emit(kind, items, fmt or opts.config.format, pager=chosen, paging=opts.config.pager)


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: the version, then the corpus layers in use (later ones win)."""
    if not value or ctx.resilient_parsing:
        return
    from .entry import version_lines

    corpus_dirs = ctx.params.get("corpus_dirs") or ()
    for line in version_lines(corpus_dirs, bundled=not ctx.params.get("no_bundled")):
        click.echo(line)
    ctx.exit()


@click.group(
    cls=BriefGroup,
    # help as wide as the terminal, up to 100 columns (click stops at 80)
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--corpus",
    "-c",
    "corpus_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(file_okay=False),  # not checked here (validate reports it); completes folders
    is_eager=True,  # before --version, which lists the folders, wherever it is written
    help="Add a corpus folder on top of the others (repeatable; last wins).",
)
@click.option(
    "--no-bundled", is_flag=True, is_eager=True, help="Leave out the corpus shipped with brief."
)
@click.option(
    "--pager/--no-pager",
    "pager",
    default=None,
    help="Page long output (as after a command; the command's own flag wins).",
)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    callback=_version,
    help="Show the version and the corpus folders in use, and exit.",
)
@click.pass_context
def cli(
    ctx: click.Context, corpus_dirs: tuple[str, ...], no_bundled: bool, pager: bool | None
) -> None:
    """Terminal briefings from a corpus of source-cited topic notes.

    \b
    Examples:
      brief show sanctions        a topic's briefing
      brief show china            everything about an actor
      brief list actors           what there is to read
      brief validate my-notes/    check a corpus of your own

    Corpus folders, later ones winning: the bundled corpus, the config file's
    'corpus' list, BRIEF_PATH (':'-separated), then each --corpus DIR.
    'brief paths' lists them. Exit codes: 0 ok, 1 not found, no results or invalid
    corpus, 2 usage error, 130 interrupted.
    """
    from ..corpus.config import Config, ConfigError, load_config

    try:
        config = load_config()
    except ConfigError:
        if ctx.invoked_subcommand != "paths":  # paths is how one finds a broken config
            raise
        config = Config()
    ctx.obj = Options(corpus_dirs, not no_bundled, config, pager)


def _store(ctx: click.Context) -> Store:
    """The active layers' corpus, from the cache when fresh; warnings go to stderr."""
    from ..store import open_store

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    store = open_store(_layers(opts), use_cache=not os.environ.get("BRIEF_NO_CACHE"))
    if not ctx.meta.get("brief.quiet"):
        for line in store.warnings:
            click.echo(f"brief: warning: {line}", err=True)
    return store


def _completer(*kinds: str) -> Callable[[click.Context, click.Parameter, str], list[str]]:
    """A ``shell_complete`` callback offering names of *kinds*, read from the cache."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
        from ..corpus.config import load_config
        from ..store import open_store

        root = ctx.find_root().params  # the group's callback has not run while completing
        try:
            opts = Options(root.get("corpus_dirs") or (), not root.get("no_bundled"), load_config())
            return open_store(_layers(opts)).complete(incomplete, kinds)
        except Exception:  # a completion must never print a traceback into the prompt
            return []

    return complete


def _index(ctx: click.Context) -> Index:
    """The whole index, for commands that need more than one briefing."""
    return _store(ctx).index()


@cli.command()
@click.argument(
    "names", nargs=-1, required=True, shell_complete=_completer("topic", "actor", "source")
)
@format_option
@click.pass_context
def show(ctx: click.Context, names: tuple[str, ...], fmt: str | None, pager: bool | None) -> None:
    """Show the briefing for each topic, actor or source NAME.

    A NAME may be an id, a title or an alias, in any case and spacing:
    'North Korea', 'north_korea' and 'dprk' all reach the same actor.
    """
    store = _store(ctx)
    ids = dict.fromkeys(store.resolve(name) for name in names)
    _emit(ctx, "briefing", [store.briefing(ident) for ident in ids], fmt, pager)


@cli.command("list")
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
    shell_complete=_completer("tag"),
)
@click.option(
    "--actor",
    "-a",
    help="Only what the claims about this actor touch.",
    shell_complete=_completer("actor"),
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

    index = _index(ctx)
    tag_key = index.resolve_tag(tag) if tag is not None else None
    actor_id = index.resolve_actor(actor).id if actor is not None else None
    _emit(ctx, "listing", [listing(index, kind, tag_key, actor_id)], fmt, pager)


@cli.command()
@click.argument("names", nargs=-1, required=True, shell_complete=_completer("actor", "topic"))
@click.option(
    "--topic",
    "-t",
    "topics",
    multiple=True,
    metavar="TOPIC",
    help="Only these topics (repeatable).",
    shell_complete=_completer("topic"),
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

    store = _store(ctx)
    index = store.index()
    entries = list(dict.fromkeys(index.entry(store.resolve(name)) for name in names))
    topic_ids = tuple(dict.fromkeys(index.resolve_topic(t).id for t in topics))
    _emit(ctx, "comparison", [build(index, entries, topic_ids, diff_only)], fmt, pager)


@cli.command()
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
    "--actor", "-a", help="Only results about this actor.", shell_complete=_completer("actor")
)
@click.option(
    "--tag", "-t", help="Only results in topics with this tag.", shell_complete=_completer("tag")
)
@click.option("--topic", help="Only results in this topic.", shell_complete=_completer("topic"))
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
    store = _store(ctx)
    filters = {
        "actor": store.index().resolve_actor(actor).id if actor else None,
        "tag": store.index().resolve_tag(tag) if tag else None,
        "topic": store.index().resolve_topic(topic).id if topic else None,
    }
    results = store.search(words, limit=limit, **filters)
    if not results.hits:
        raise NoResults(words, store.index().suggest(words))
    _emit(ctx, "results", [results], fmt, pager)


@cli.command()
@format_option
@click.pass_context
def conflicts(ctx: click.Context, fmt: str | None, pager: bool | None) -> None:
    """List every pair of contradicting claims, with both sources."""
    from ..views.comparison import conflicts as build

    _emit(ctx, "conflicts", [build(_index(ctx))], fmt, pager)


@cli.command()
@click.argument("name", required=False, shell_complete=_completer("topic", "actor", "source"))
@click.pass_context
def tui(ctx: click.Context, name: str | None) -> None:
    """Browse the corpus interactively (optionally opening on NAME)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Textual would draw into the pipe and wait for keys that never come.
        raise UsageError("tui needs a terminal; in pipes and scripts use 'brief show'")
    ctx.meta["brief.quiet"] = True  # the app shows the warnings itself
    store = _store(ctx)
    index, warnings = store.index(), store.warnings
    entry = index.entry(store.resolve(name)) if name else None  # fails before the screen
    # textual costs ~250 ms to import: only this command pays it.
    from ..tui.app import BriefApp

    BriefApp(index, warnings=warnings, start=entry.id if entry else None).run()


@cli.command()
@click.pass_context
def paths(ctx: click.Context) -> None:
    """List where brief reads from and writes to: config, corpus folders, cache."""
    from ..corpus.config import config_path
    from ..store import cache_file

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    layers = _layers(opts)

    def state(path: str) -> str:
        return "" if os.path.exists(path) else "  (not found)"

    from ..corpus.config import ConfigError, load_config

    try:
        load_config()
        broken = ""
    except ConfigError as exc:
        broken = f"  (broken: {exc})"
    click.echo(f"config: {config_path()}{state(config_path())}{broken}")
    for layer in layers:
        click.echo(f"corpus: {layer.root}{state(layer.root)}")
    click.echo(f"cache:  {cache_file(layers)}{state(cache_file(layers))}")


@cli.command()
@click.argument("dirs", nargs=-1, metavar="[DIR]...", type=click.Path(file_okay=False))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["plain", "json"]),
    default="plain",
    show_default=True,
)
@click.pass_context
def validate(ctx: click.Context, dirs: tuple[str, ...], fmt: str) -> None:
    """Check corpus folders and report every problem, one per line.

    With no DIR, checks the active layers. A DIR is checked on top of the active
    layers (so it may cite bundled sources and actors); only its own problems
    are reported. Exit 0 when clean, 1 when anything is wrong.
    """
    from ..corpus.layers import Layer
    from ..corpus.load import load
    from ..corpus.reader import display_name

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    layers = _layers(opts)
    labels = [d.rstrip("/\\") or d for d in dirs]
    active = {os.path.abspath(layer.root): layer.label for layer in layers}
    labels = [active.get(os.path.abspath(d), label) for d, label in zip(dirs, labels, strict=True)]
    layers += [
        Layer(d, label)
        for d, label in zip(dirs, labels, strict=True)
        if os.path.abspath(d) not in active
    ]
    result = load(layers)
    shown = [display_name("", label) for label in labels]  # as problems name their files
    problems = [p for p in result.problems if not shown or _within(p.file, shown)]
    files = [f for f in result.files if not shown or _within(f, shown)]
    order = {name: i for i, name in enumerate(result.files)}
    problems.sort(key=lambda p: (order.get(p.file, -1), _position(p.where)))
    if fmt == "json":
        from ..render import jsondoc

        data = {
            "version": jsondoc.VERSION,
            "files": len(files),
            "problems": [
                {"code": p.code, "file": p.file, "where": p.where, "message": p.message}
                for p in problems
            ],
        }
        click.echo(jsondoc.dumps(data), nl=False)
    else:
        for problem in problems:
            click.echo(str(problem))
    bad = len({p.file for p in problems})
    noun = "file" if len(files) == 1 else "files"
    if problems:
        where = f"in {bad} of {len(files)} {noun}" if files else "(no corpus files found)"
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} {where}", err=True)
        ctx.exit(1)
    if not files:  # almost always a wrong folder or a forgotten --corpus
        click.echo("nothing to check: no .toml files in the corpus folders", err=True)
        ctx.exit(1)
    click.echo(f"ok: {len(files)} {noun} checked, no problems", err=True)


def _position(where: str) -> tuple[Any, ...]:
    """Where a problem is, to list a file's problems from top to bottom.

    ``claims[10].actors[0]`` after ``claims[2]``, and the kinds in the order a file
    holds them; a line and column, or no place at all, first.
    """
    import re

    from ..corpus.schema import KINDS

    parts = [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", where) if x]
    head = where.split("[", 1)[0]
    return (KINDS.index(head) if head in KINDS else -1, *((isinstance(x, str), x) for x in parts))


def _within(name: str, labels: Sequence[str]) -> bool:
    return any(name == label or name.startswith(f"{label}/") for label in labels)


def main() -> None:
    """Console-script entry point: every error is one line on stderr, as the README says.

    Click's own usage errors print the usage and a hint over several lines; here they
    become ``brief show: missing argument 'NAMES...' (see 'brief show --help')``.
    """
    try:
        code = cli.main(prog_name="brief", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # bare `brief`: help, not an error
        click.echo(exc.format_message())
        code = 0
    except click.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx else "brief"
        message = exc.format_message().rstrip(".")
        message = message[:1].lower() + message[1:]
        click.echo(f"{path}: {message} (see '{path} --help')", err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort:
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
