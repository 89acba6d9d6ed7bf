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

from . import __version__
from .errors import BriefError

if TYPE_CHECKING:
    from .cache import Store
    from .index import Index
F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("auto", "terminal", "plain", "markdown", "json")


class _Failure(click.ClickException):
    """A :class:`BriefError` at the CLI edge: one line on stderr, its own exit code."""

    def show(self, file: Any = None) -> None:
        click.echo(f"brief: {self.format_message()}", err=True)


class _UsageFailure(_Failure):
    exit_code = 2


class BriefGroup(click.Group):
    """Maps the core's exceptions to exit codes, Ctrl-C to 130 and a closed pipe to quiet."""

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
    """What the ``brief`` group was told, for its subcommands."""

    corpus_dirs: tuple[str, ...]
    bundled: bool


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        help="auto: colour in a terminal, plain text when piped or with NO_COLOR.",
    )(f)


@click.group(cls=BriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "-V", "--version", prog_name="brief", message="%(prog)s %(version)s"
)
@click.option(
    "--corpus",
    "-c",
    "corpus_dirs",
    multiple=True,
    metavar="DIR",
    help="Add a corpus folder on top of the others (repeatable; last wins).",
)
@click.option("--no-bundled", is_flag=True, help="Leave out the corpus shipped with brief.")
@click.pass_context
def cli(ctx: click.Context, corpus_dirs: tuple[str, ...], no_bundled: bool) -> None:
    """Terminal briefings from a corpus of source-cited topic notes.

    \b
    Examples:
      brief show sanctions        a topic's briefing
      brief show china            everything about an actor
      brief list actors           what there is to read
      brief validate my-notes/    check a corpus of your own

    Corpus folders: the bundled corpus, then BRIEF_PATH (':'-separated), then each
    --corpus DIR. Exit codes: 0 ok, 1 not found or invalid corpus, 2 usage error.
    """
    ctx.obj = Options(corpus_dirs, not no_bundled)


def _store(ctx: click.Context) -> Store:
    """The active layers' corpus, from the cache when fresh; warnings go to stderr."""
    from .cache import open_store
    from .layers import layers_for

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    layers = layers_for(opts.corpus_dirs, bundled=opts.bundled)
    store = open_store(layers, use_cache=not os.environ.get("BRIEF_NO_CACHE"))
    if not ctx.meta.get("brief.quiet"):
        for line in store.warnings:
            click.echo(f"brief: warning: {line}", err=True)
    return store


def _index(ctx: click.Context) -> Index:
    """The whole index, for commands that need more than one briefing."""
    return _store(ctx).index()


def _destination(fmt: str) -> str:
    """Resolve ``auto``: rich for a colour terminal, plain text otherwise."""
    if fmt != "auto":
        return fmt
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return "plain"
    return "terminal" if sys.stdout.isatty() else "plain"


def _emit(kind: str, items: Sequence[Any], fmt: str) -> None:
    """Write views of *kind* (``briefing``, ``listing``, ...) in the chosen format.

    Each renderer module has one function per kind; only the chosen module is imported.
    """
    dest = _destination(fmt)
    if dest == "json":
        from .renderers import jsondoc

        datas = [getattr(jsondoc, f"{kind}_data")(v) for v in items]
        click.echo(jsondoc.dumps(datas[0] if len(datas) == 1 else datas), nl=False)
    elif dest == "markdown":
        from .renderers import markdown

        click.echo("\n".join(getattr(markdown, kind)(v) for v in items), nl=False)
    elif dest == "plain":
        import shutil

        from .renderers import plain

        render = getattr(plain, kind)
        if kind == "listing":
            text = "".join(render(v) for v in items)
        else:
            width = min(shutil.get_terminal_size((80, 24)).columns, 100)
            text = "\n".join(render(v, width) for v in items)
        click.echo(text, nl=False)
    else:
        from .renderers import terminal

        console = terminal.make_console(force_terminal=True if fmt == "terminal" else None)
        render = getattr(terminal, kind)
        for i, view in enumerate(items):
            if i:
                console.print()
            console.print(
                render(view) if kind in ("briefing", "listing") else render(view, console.width)
            )


@cli.command()
@click.argument("names", nargs=-1, required=True)
@format_option
@click.pass_context
def show(ctx: click.Context, names: tuple[str, ...], fmt: str) -> None:
    """Show the briefing for each topic, actor or source NAME.

    A NAME may be an id, a title or an alias, in any case and spacing:
    'North Korea', 'north_korea' and 'dprk' all reach the same actor.
    """
    store = _store(ctx)
    ids = dict.fromkeys(store.resolve(name) for name in names)
    _emit("briefing", [store.briefing(ident) for ident in ids], fmt)


@cli.command("list")
@click.argument(
    "kind",
    type=click.Choice(["topics", "actors", "sources", "tags"]),
    default="topics",
    required=False,
)
@click.option("--tag", "-t", help="Only what belongs to topics with this tag.")
@click.option("--actor", "-a", help="Only what the claims about this actor touch.")
@format_option
@click.pass_context
def list_(ctx: click.Context, kind: str, tag: str | None, actor: str | None, fmt: str) -> None:
    """List topics, actors, sources or tags. Piped, it prints one id per line."""
    from .briefings import listing

    index = _index(ctx)
    tag_key = index.resolve_tag(tag) if tag is not None else None
    actor_id = index.resolve_actor(actor).id if actor is not None else None
    _emit("listing", [listing(index, kind, tag_key, actor_id)], fmt)


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option(
    "--topic",
    "-t",
    "topics",
    multiple=True,
    metavar="TOPIC",
    help="Only these topics (repeatable).",
)
@click.option("--diff-only", is_flag=True, help="Hide the common ground; show only differences.")
@format_option
@click.pass_context
def compare(
    ctx: click.Context, names: tuple[str, ...], topics: tuple[str, ...], diff_only: bool, fmt: str
) -> None:
    """Set two or more actors side by side, topic by topic (or topics, actor by actor).

    \b
    brief compare china russia
    brief compare china russia --topic sanctions --diff-only
    brief compare sanctions diplomacy
    """
    from .comparison import compare as build

    index = _index(ctx)
    entries = list(dict.fromkeys(index.resolve(name) for name in names))
    topic_ids = tuple(dict.fromkeys(index.resolve_topic(t).id for t in topics))
    _emit("comparison", [build(index, entries, topic_ids, diff_only)], fmt)


@cli.command()
@format_option
@click.pass_context
def conflicts(ctx: click.Context, fmt: str) -> None:
    """List every pair of contradicting claims, with both sources."""
    from .comparison import conflicts as build

    _emit("conflicts", [build(_index(ctx))], fmt)


@cli.command()
@click.argument("name", required=False)
@click.pass_context
def tui(ctx: click.Context, name: str | None) -> None:
    """Browse the corpus interactively (optionally opening on NAME)."""
    ctx.meta["brief.quiet"] = True  # the app shows the warnings itself
    store = _store(ctx)
    index, warnings = store.index(), store.warnings
    entry = index.resolve(name) if name else None  # an unknown NAME fails before the screen
    # textual costs ~250 ms to import: only this command pays it.
    from .tui.app import BriefApp  # type: ignore[import-not-found,import-untyped,unused-ignore]

    BriefApp(index, warnings=warnings, start=entry.id if entry else None).run()


@cli.command()
@click.argument("dirs", nargs=-1, metavar="[DIR]...")
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
    from .layers import Layer, layers_for
    from .load import load

    opts: Options = ctx.find_object(Options)  # type: ignore[assignment]
    layers = layers_for(opts.corpus_dirs, bundled=opts.bundled)
    labels = [d.rstrip("/\\") or d for d in dirs]
    layers += [Layer(d, label) for d, label in zip(dirs, labels, strict=True)]
    result = load(layers)
    problems = [p for p in result.problems if not labels or _within(p.file, labels)]
    files = [f for f in result.files if not labels or _within(f, labels)]
    if fmt == "json":
        from .renderers import jsondoc

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
        click.echo(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {bad} of "
            f"{len(files)} {noun}",
            err=True,
        )
        ctx.exit(1)
    click.echo(f"ok: {len(files)} {noun} checked, no problems", err=True)


def _within(name: str, labels: Sequence[str]) -> bool:
    return any(name == label or name.startswith(f"{label}/") for label in labels)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="brief")
