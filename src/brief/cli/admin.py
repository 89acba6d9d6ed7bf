"""The commands about brief itself: where it reads and writes, and checking a corpus."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from .context import Folder, command, options, progress

if TYPE_CHECKING:
    from ..corpus.layers import Layer


@command()
@click.pass_context
def paths(ctx: click.Context) -> None:
    """List where brief reads and writes: config, corpus folders, cache, new entries.

    new: the folder 'brief new' and 'brief source import' write into, and 'brief edit'
    copies a bundled entry into (it changes any other in its own file), unless given
    --into DIR. It is your personal corpus (see 'brief init') if that folder exists,
    else the last folder of the config file's corpus list that exists.
    """
    from ..core.unsafe import shown_line
    from ..corpus.config import ConfigError, config_path, load_config
    from ..store import cache_file

    layers = options(ctx).layers()

    def state(path: str) -> str:
        return "" if os.path.exists(path) else "  (not found)"

    try:
        load_config()
        broken = ""
    except ConfigError as exc:
        broken = f"  (broken: {exc})"
    lines = [f"config: {config_path()}{state(config_path())}{broken}"]
    lines += [f"corpus: {layer.root}{state(layer.root)}" for layer in layers]
    cache = cache_file(layers)
    lines.append(f"cache:  {cache}{_unwritable(os.path.dirname(cache)) or state(cache)}")
    lines.append(_new_line(ctx, layers))
    for line in lines:  # any of these paths may hold what a terminal would obey
        click.echo(shown_line(line))


def _unwritable(folder: str) -> str:
    """Why no cache can be written in *folder* (made when missing), if none can: every
    run then reads the whole corpus (a trial's read-only cache folder; ``paths`` said
    only ``not found``). The build says so too, after a load of a second or more."""
    at = folder
    while not os.path.lexists(at) and os.path.dirname(at) != at:
        at = os.path.dirname(at)  # the folder made would go under this one
    if not os.path.isdir(at):
        why = f"{at} is not a folder"
    elif not os.access(at, os.W_OK | os.X_OK):
        why = f"{at} is read-only"
    elif at == folder and os.stat(at).st_uid != os.getuid():
        why = f"{at} is not yours"
    else:
        return ""
    return f"  (cannot be written: {why}; every run reads the corpus)"


def _new_line(ctx: click.Context, layers: Sequence[Layer]) -> str:
    """``paths``' line for the folder ``brief new`` writes into, and how it was chosen."""
    from ..corpus.authoring import personal_folder
    from .folders import CHOSEN, FROM_CONFIG, NO_FOLDER, default_folder, in_use

    folder, chosen = default_folder(ctx)
    if chosen == NO_FOLDER:
        return f"new:    {folder}  (not found: run 'brief init', or give 'brief new --into DIR')"
    how = CHOSEN[chosen]
    if chosen == FROM_CONFIG:
        how += f": no personal corpus at {personal_folder()}"
    if not in_use(layers, folder):
        how += "; not a corpus folder in use, so not read: 'brief init' adds it"
    return f"new:    {folder}  ({how}; 'brief new --into DIR' writes elsewhere)"


@command()
@click.argument("dirs", nargs=-1, metavar="[DIR]...", type=Folder())
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["plain", "json", "html"]),
    default="plain",
    show_default=True,
)
@click.option(
    "--alone",
    is_flag=True,
    help="Check the DIRs by themselves: no bundled corpus, config or BRIEF_PATH folders.",
)
@click.pass_context
def validate(ctx: click.Context, dirs: tuple[str, ...], fmt: str, alone: bool) -> None:
    """Check corpus folders and report every problem, one per line (FILE:LINE: KEY: ...).

    With no DIR, checks the active layers. A DIR is checked on top of the active
    layers (so it may cite bundled sources and actors); only its own problems
    are reported. With --alone, the DIRs are all that is read, as on a machine
    with no other corpus (a CI runner): a name only another folder defines is
    unknown. Quotes (format 2) are looked for in their source's text, and
    the summary counts them. Exit 0 when clean, 1 when anything is wrong.
    """
    from ..corpus.layers import Layer
    from ..corpus.load import load
    from ..corpus.quotecheck import check_quotes
    from ..corpus.trace import Trace
    from ..corpus.where import problem_lines
    from ..render.output import emit
    from ..views.validation import validation

    if alone and not dirs:
        from ..core.errors import UsageError

        raise UsageError("--alone checks the folders given: name at least one DIR")
    layers = [] if alone else options(ctx).layers()
    labels = [d.rstrip("/\\") or d for d in dirs]
    active = {os.path.abspath(layer.root): layer.label for layer in layers}
    labels = [active.get(os.path.abspath(d), label) for d, label in zip(dirs, labels, strict=True)]
    layers += [
        Layer(d, label)
        for d, label in zip(dirs, labels, strict=True)
        if os.path.abspath(d) not in active
    ]
    trace = Trace(orders=False)  # no cache is written: where entries stand is not needed
    with progress() as on_file:
        result = load(layers, trace=trace, on_file=on_file)
    view = validation(result, labels, check_quotes(result.corpus, trace, layers))
    paths = {t.name: (t.path, layers[t.layer].root) for t in trace.files}
    view = view.at_lines(problem_lines(view.problems, paths))
    emit(lambda r: r.validation(view), fmt, pager=False, paging=False)
    click.echo(view.summary, err=True)
    if not view.ok:
        ctx.exit(1)


def _command_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    group = ctx.find_root().command
    assert isinstance(group, click.Group)
    return [name for name in group.list_commands(ctx) if name.startswith(incomplete)]


@command("help")
@click.argument("name", metavar="[COMMAND]", required=False, shell_complete=_command_names)
@click.pass_context
def help_(ctx: click.Context, name: str | None) -> None:
    """Show brief's help, or COMMAND's (the same as 'brief COMMAND --help')."""
    root = ctx.find_root()
    group = root.command
    assert isinstance(group, click.Group)
    if name is None:
        click.echo(root.get_help())
        return
    found = group.get_command(root, name)
    if found is None:
        raise click.exceptions.NoSuchCommand(name, possibilities=group.commands, ctx=root)
    with found.make_context(name, [], parent=root, resilient_parsing=True) as sub:
        click.echo(sub.get_help())


#: This module's commands, for the group to register.
COMMANDS = (paths, validate, help_)
