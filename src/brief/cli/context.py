"""What every command shares: its click classes, ``--format``, the store, and output.

Start-up time is the product's speed: only click is imported at the top. The store,
the views and the renderers are imported inside the functions that use them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..corpus.config import FORMATS, GRAPH_FORMATS
from .options import Options

if TYPE_CHECKING:
    from ..corpus.layers import Layer
    from ..corpus.load import OnFile
    from ..render.renderer import Renderer
    from ..store import Store
    from ..views.mingrade import Minimum


F = TypeVar("F", bound=Callable[..., Any])


class Folder(click.Path):
    """A folder argument: never empty, which every path function reads as the current
    folder or the root; with *exists*, one that is there (else a usage error)."""

    def __init__(self, exists: bool = False) -> None:
        super().__init__(exists=exists, file_okay=False)  # completes folders

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":
            self.fail("a folder name cannot be empty", param, ctx)
        return super().convert(value, param, ctx)


class BriefContext(click.Context):
    """Click's context, with help as wide as click makes it but measured without shutil.

    Click imports ``shutil`` (and with it bz2 and lzma) to learn the terminal's width
    for help; that alone cost ~3 ms of a ~60 ms ``brief --help``.
    """

    def make_formatter(self) -> click.HelpFormatter:
        from ..render.renderer import terminal_width

        width = self.terminal_width
        if width is None:
            width = max(min(terminal_width(), self.max_content_width or 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class BriefCommand(click.Command):
    context_class = BriefContext


class Choice(click.Choice):  # type: ignore[type-arg]
    """Click's choice, with a "did you mean" (``brief list topic`` suggests ``topics``)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        from ..core.names import closest

        message = super().get_invalid_choice_message(value, ctx)
        found = closest(str(value), [str(c) for c in self.choices], limit=1)
        return f"{message.rstrip('.')}. Did you mean {found[0]!r}?" if found else message


class KindChoice(Choice):
    """A kind of entry, in the plural, as ``brief list`` names them; the singular, as
    ``brief new`` names them, is taken for it (a trial's ``brief list actor`` was
    refused)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        plural = f"{value}s" if isinstance(value, str) else value
        if value in ("claim", "claims") and "claims" not in self.choices:
            # claims are listed by a command of their own, with filters and columns
            raise click.UsageError("claims are listed by a command of their own: brief claims", ctx)
        return super().convert(plural if plural in self.choices else value, param, ctx)


#: ``@command()``: a subcommand of ``brief``, to register on the group (see ``group``).
command = partial(click.command, cls=BriefCommand)


def options(ctx: click.Context) -> Options:
    """What the ``brief`` group was told (set by its callback)."""
    return ctx.find_object(Options)  # type: ignore[return-value]


class FormatChoice(Choice):
    """``--format``'s choice: a graph language (``dot``, ``mermaid``) is named as such on
    a command other than ``brief graph``, not only as "not one of"."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in GRAPH_FORMATS and value not in self.choices:
            name = ctx.info_name if ctx is not None else "this command"
            self.fail(
                f"{value!r} is a graph format: only 'brief graph' draws it, not 'brief {name}' "
                f"(choose from {', '.join(map(str, self.choices))})",
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


def graph_format_option(f: F) -> F:
    """:func:`format_option`, with the graph languages ``dot`` and ``mermaid`` offered too."""
    return format_option(f, (*FORMATS, *GRAPH_FORMATS))


def format_option(f: F, formats: tuple[str, ...] = FORMATS) -> F:
    """``--format``, ``--width``, ``--color`` and ``--pager/--no-pager``, for every
    command that prints content (``--width`` and ``--color`` go to ``ctx.meta``)."""
    f = click.option(
        "--pager/--no-pager",
        default=None,
        help="Page long output with $PAGER (default: in a terminal; 'less -FRX').",
    )(f)
    f = click.option(
        "--color",
        type=Choice(("auto", "always", "never")),
        default="auto",
        expose_value=False,
        callback=_remember,
        help="Colour with --format auto: in a terminal without NO_COLOR (auto), always "
        "(for 'less -R'), or never.",
    )(f)
    f = click.option(
        "--width",
        "-w",
        type=click.IntRange(20, 1000),
        metavar="N",
        expose_value=False,
        callback=_remember,
        help="Lay out N columns wide (default: the terminal's, at most 100 for plain text).",
    )(f)
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=FormatChoice(formats),
        default=None,
        help="auto (default): colour in a terminal, plain text when piped or with NO_COLOR."
        + (" dot: Graphviz; mermaid: a Mermaid flowchart." if GRAPH_FORMATS[0] in formats else ""),
    )(f)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Keep an output option in ``ctx.meta`` for :func:`emit`, not in every command's
    arguments."""
    ctx.meta[f"brief.{param.name}"] = value


def emit(
    ctx: click.Context,
    draw: Callable[[Renderer], str],
    fmt: str | None,
    pager: bool | None,
    *,
    empty: str | None = None,
) -> None:
    """Write what *draw* draws with the chosen renderer (see ``render.output``), paging as
    the command line, else the config, says.

    *empty* says why a command that looks things up found nothing, if it did. Then the
    one rule for empty results applies: JSON still prints its document (an empty list),
    the text formats print nothing, and the reason goes to stderr with exit code 1.
    """
    from ..render.output import destination
    from ..render.output import emit as write

    opts = options(ctx)
    chosen_format = fmt or opts.config.format
    color = ctx.meta.get("brief.color") or "auto"
    if empty is not None:
        if destination(chosen_format, color) == "json":
            write(draw, "json", pager=False, paging=False)
        from ..core.errors import NothingFound

        raise NothingFound(empty)
    chosen = pager if pager is not None else opts.pager
    width = ctx.meta.get("brief.width")
    write(draw, chosen_format, pager=chosen, paging=opts.config.pager, width=width, color=color)


def active_layers(ctx: click.Context) -> list[Layer]:
    """The layers the command reads; a warning on stderr when there are none."""
    layers = options(ctx).layers()
    if not layers:
        click.echo(
            "brief: warning: no corpus: --no-bundled (or 'bundled = false'), and no "
            "--corpus DIR, BRIEF_PATH or 'corpus' in the config file",
            err=True,
        )
    return layers


#: The most warning lines a command prints before the count of the rest: a file deleted
#: that 2,500 others cite gave 2,500 lines, one per file, on every command.
MAX_WARNINGS = 10


def warning_lines(warnings: Sequence[str], most: int = MAX_WARNINGS) -> list[str]:
    """The lines that warn of *warnings*: the first *most*, then how many more there
    are (``brief validate`` lists every problem)."""
    lines = [f"brief: warning: {line}" for line in warnings[:most]]
    if len(warnings) > most:
        more = len(warnings) - most
        lines.append(f"brief: warning: … and {more:,} more ('brief validate' lists them all)")
    return lines


#: Seconds from which a load whose cache could not be written says so: a small corpus
#: reads as fast without one, a large one pays it on every run (3.5 s against 0.2 s at
#: 3,000 topics in a trial whose cache folder was read-only, and nothing said why).
SLOW_LOAD = 1.0


def open_store(ctx: click.Context) -> Store:
    """The active layers' corpus, from the cache when fresh; warnings go to stderr."""
    import time

    began = time.monotonic()
    store = corpus_of(active_layers(ctx))
    if not ctx.meta.get("brief.quiet"):
        for line in warning_lines(store.warnings):
            click.echo(line, err=True)
        unwritten = store.unwritten
        if unwritten and time.monotonic() - began >= SLOW_LOAD:
            from ..core.unsafe import shown_line

            click.echo(
                f"brief: note: the cache could not be written ({shown_line(unwritten)}): "
                "every run reads the corpus again (see 'brief paths')",
                err=True,
            )
    return store


def use_cache() -> bool:
    """Whether commands read the corpus through the cache (``BRIEF_NO_CACHE`` unset)."""
    return not os.environ.get("BRIEF_NO_CACHE")


def corpus_of(layers: Sequence[Layer]) -> Store:
    """The corpus of *layers*, as every command reads it (the cache, brought up to date,
    or a load, with its progress on a terminal), its warnings left to the caller."""
    from ..store import open_store as open_layers

    with progress() as on_file:
        return open_layers(layers, use_cache(), on_file)


@contextlib.contextmanager
def progress(words: tuple[str, str, str] | None = None) -> Iterator[OnFile | None]:
    """A load's progress display on stderr (see ``render.progress``), if stderr is a
    terminal; else None, and nothing imported for it. *words*, if given, say what else
    is counted (``render.progress.Words``: ``("writing the export", "pages",
    "written")``)."""
    stream = sys.stderr
    try:
        shown = stream is not None and stream.isatty()
    except ValueError:  # closed
        shown = False
    if not shown:
        yield None
        return
    from ..render.progress import LOADING, FileProgress

    with FileProgress(stream, words=words or LOADING) as on_file:
        yield on_file


def completer(*kinds: str) -> Callable[[click.Context, click.Parameter, str], list[str]]:
    """A ``shell_complete`` callback offering names of *kinds*, read from the cache.

    *kinds* are entry kinds (``core.kinds.Kind``) or ``tag``.
    """
    kinds = tuple(str(kind) for kind in kinds)  # plain strings, for the cache's queries

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
        from ..corpus.config import load_config
        from ..store import open_store as open_layers

        root = ctx.find_root().params  # the group's callback has not run while completing
        try:
            opts = Options(root.get("corpus_dirs") or (), not root.get("no_bundled"), load_config())
            return open_layers(opts.layers()).complete(incomplete, kinds)
        except Exception:  # a completion must never print a traceback into the prompt
            return []

    return complete


def _minimum(ctx: click.Context, param: click.Parameter, value: str | None) -> Minimum | None:
    if value is None:
        return None
    from ..views.mingrade import minimum

    try:
        return minimum(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


#: The variable that sets how often ``--watch`` and the TUI look for changes, in seconds.
INTERVAL_VARIABLE = "BRIEF_WATCH_INTERVAL"


def watch_option(f: F) -> F:
    """``--watch``, for a command whose output ``watch.watch`` can redraw (the loop
    itself is imported only when asked for)."""
    return click.option(
        "--watch",
        is_flag=True,
        help="Draw again whenever the corpus changes (checked every 0.5 s, or "
        f"${INTERVAL_VARIABLE} seconds) until Ctrl-C. Piped, each new version is printed; "
        "with --format json, one document per line (JSON Lines).",
    )(f)


#: ``--min-grade``, for ``show``, ``claims`` and ``timeline``.
quotes_option = click.option(
    "--quotes",
    is_flag=True,
    help="Print each claim's quotes under it (format 2), marking one its source's text "
    "does not hold.",
)

min_grade_option = click.option(
    "--min-grade",
    "min_grade",
    metavar="GRADE",
    callback=_minimum,
    help="Only claims graded at least this well: B3 keeps reliability A-B and credibility "
    "1-3 (A and 1 best); B or 3 alone looks at one. Ungraded claims are left out.",
)
