"""The ``brief`` group: its options, how failures reach the shell, and the commands.

The commands live in ``reading`` (show, list, compare, search, conflicts, tui),
``analysis`` (claims, timeline, source import), ``admin`` (paths, validate, help),
``authoring`` (init, new, edit, where, schema) and ``shell`` (completion); ``lazy``
names them, and imports a module only when one of its commands is run. Start-up
time is the product's speed, so only click is imported at the top (see ``context``).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..core.errors import BriefError
from .context import BriefCommand, BriefContext, Folder
from .lazy import LazyCommands
from .options import Options


class _Failure(click.ClickException):
    """A :class:`BriefError` at the CLI edge: one line on stderr, its own exit code."""

    def show(self, file: Any = None) -> None:
        click.echo(f"brief: {self.format_message()}", err=True)


class _UsageFailure(_Failure):
    exit_code = 2


class BriefGroup(click.Group):
    """Maps the core's exceptions to exit codes and Ctrl-C to 130 (output failures are
    ``entry.guarded``'s)."""

    context_class = BriefContext
    command_class = BriefCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            # an entry's name first (a trial's `brief credit`, a topic's id, was offered
            # the command 'edit'), then click's own suggestion of a command
            if _entry_named(ctx, args[0]) is None:
                raise
            also = f" (or the command {exc.possibilities[0]!r})" if exc.possibilities else ""
            hint = f"No such command {args[0]!r}. Did you mean 'brief show {args[0]}'{also}?"
            raise click.UsageError(hint, ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            raise (_UsageFailure if exc.exit_code == 2 else _Failure)(str(exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (``brief show x | head -1``): stop quietly, with the
            # status Python's docs recommend (see ``entry``); click's own would be 0.
            from .entry import quiet_stdout

            quiet_stdout()
            raise click.exceptions.Exit(1) from None


def _entry_named(ctx: click.Context, name: str) -> str | None:
    """The id of the entry *name* reaches, for ``brief sanctions``; None if none (or no corpus).

    Only on the error path: a mistyped command costs a corpus lookup, nothing else does.
    """
    from ..core.errors import BriefError
    from ..corpus.config import ConfigError, load_config
    from ..store import open_store

    params = ctx.params  # the group's callback has not run yet: its options are here
    try:
        opts = Options(params.get("corpus_dirs") or (), not params.get("no_bundled"), load_config())
        return open_store(opts.layers()).resolve(name)
    except (BriefError, ConfigError, OSError):
        return None


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
    # a folder typed on the command line that is not there is a typo: a usage error,
    # not the other folders' answer with a warning (a trial); completes folders
    type=Folder(exists=True),
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
    "--quiet",
    "-q",
    is_flag=True,
    help="Leave out the warnings about corpus files with problems ('brief validate' lists them).",
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
    ctx: click.Context,
    corpus_dirs: tuple[str, ...],
    no_bundled: bool,
    pager: bool | None,
    quiet: bool,
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
    'brief paths' lists them. Exit codes: 0 ok, 1 not found, no results (search, list
    and conflicts finding nothing; JSON still prints its document), invalid corpus or
    output not written, 2 usage error, 130 interrupted.
    """
    from ..corpus.config import Config, ConfigError, load_config

    try:
        config = load_config()
    except ConfigError:
        if ctx.invoked_subcommand not in ("paths", "help"):  # paths finds a broken config
            raise
        config = Config()
    ctx.obj = Options(corpus_dirs, not no_bundled, config, pager)
    ctx.meta["brief.quiet"] = quiet  # read by open_store (the meta is every context's)


cli.commands = LazyCommands()  # each command module imported when first wanted


#: The group's own options, which a reader may write after the command by mistake.
_GROUP_OPTIONS = frozenset({"--corpus", "-c", "--no-bundled", "--version", "-V", "--quiet", "-q"})


def _command_taking(option: str, args: list[str]) -> str | None:
    """The command that takes *option*: the one named in *args* if it does, else
    ``show`` if it does, else the first that does; None when none does. Imports every
    command (an error's path)."""
    taking = [
        name
        for name, command in sorted(cli.commands.items(), key=lambda x: (x[0] != "show", x[0]))
        if any(option in p.opts or option in p.secondary_opts for p in command.params)
    ]
    named = next((a for a in args if a in taking), None)
    return named or (taking[0] if taking else None)


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
        hint = f"see '{path} --help'"
        if isinstance(exc, click.NoSuchOption) and exc.option_name in _GROUP_OPTIONS:
            # 'brief list --no-bundled': the group's options go before the command
            hint = f"{exc.option_name} goes before the command: 'brief {exc.option_name} ...'"
        elif isinstance(exc, click.NoSuchOption) and path == "brief":
            after = _command_taking(exc.option_name, sys.argv[1:])
            if after is not None:  # 'brief -f json show x': a command's option, too early
                message = f"no such option '{exc.option_name}'"  # not click's near miss
                hint = f"it goes after the command: 'brief {after} {exc.option_name} ...'"
        click.echo(f"{path}: {message} ({hint})", err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort:
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
