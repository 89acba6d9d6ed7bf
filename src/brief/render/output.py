"""Where output goes and in what form: resolving ``auto``, rendering, and paging.

The format's :class:`~.renderer.Renderer` comes from :func:`~.renderer.get_renderer`,
which imports only the module for the chosen format, and rich only for a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click

from .renderer import Renderer, get_renderer, terminal_width

__all__ = ["Draw", "destination", "emit", "page", "render", "terminal_width"]

#: What to draw, given the renderer: ``lambda r: r.comparison(view)``.
Draw = Callable[[Renderer], str]


#: ``--color``'s values, as ls and gh take them.
COLORS = ("auto", "always", "never")


def destination(fmt: str, color: str = "auto") -> str:
    """Resolve ``auto``: rich for a colour terminal, plain text when piped or NO_COLOR.

    *color* (``--color``) decides instead when it is ``always`` or ``never``: a flag on
    the command line wins over ``NO_COLOR``, as no-color.org asks. A format named
    explicitly wins over both.
    """
    if fmt != "auto":
        return fmt
    if color != "auto":
        return "terminal" if color == "always" else "plain"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return "plain"
    return "terminal" if sys.stdout.isatty() else "plain"


def render(draw: Draw, dest: str, width: int | None = None) -> str:
    """What *draw* draws in format *dest* (resolved: not ``auto``), *width* cells wide
    (default: the terminal's)."""
    return draw(get_renderer(dest, width))


def emit(
    draw: Draw,
    fmt: str,
    *,
    pager: bool | None,
    paging: bool,
    width: int | None = None,
    color: str = "auto",
) -> None:
    """Write what *draw* draws to stdout: paged when asked, or when *paging* and it is tall.

    *width* is ``--width`` (None: the terminal's) and *color* ``--color``.

    *pager* is the command line's ``--pager/--no-pager`` (None when not given);
    *paging* is the config's default, which pages only what is taller than the
    terminal (what ``less -F`` would do, without starting ``less``). JSON never goes
    through a pager.
    """
    dest = destination(fmt, color)
    text = render(draw, dest, width)
    if pager is None:
        pager = paging and sys.stdout.isatty() and text.count("\n") >= _height()
    if pager and dest != "json":
        page(text)
    else:
        click.echo(text, nl=False, color=True if dest == "terminal" else None)


def _height() -> int:
    """The terminal's height in lines; 0 (page anyway) when it cannot be told."""
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).lines  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 0


#: A pager command made only of these is run directly; anything else goes through sh.
_PLAIN_COMMAND = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_=+/.,:%"
)


def page(text: str) -> None:
    """Show *text* in ``$BRIEF_PAGER``, ``$PAGER`` or ``less``, the way git does.

    ``LESS=FRX`` unless set: quit at once when it fits one screen, keep colours, do not
    clear the screen. Ctrl-C goes to the pager, not to us. The pager is started with
    ``posix_spawn`` and a pipe (``subprocess`` costs more to import than it saves), and
    directly unless the command needs a shell, as git does.
    """
    command = os.environ.get("BRIEF_PAGER") or os.environ.get("PAGER") or "less"
    if command.strip() in ("", "cat"):
        click.echo(text, nl=False, color=True)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    argv = command.split() if set(command) <= _PLAIN_COMMAND else ["/bin/sh", "-c", command]
    read, write = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, read, 0), (os.POSIX_SPAWN_CLOSE, write)]
    try:
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions)
    except OSError:  # no such pager: show the text anyway
        os.close(read)
        os.close(write)
        click.echo(text, nl=False, color=True)
        return
    os.close(read)
    try:
        with open(write, "wb") as pipe:
            pipe.write(text.encode("utf-8", "replace"))
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: that is fine
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except KeyboardInterrupt:
            continue
    if os.waitstatus_to_exitcode(status) == 127:  # the shell could not find the pager
        click.echo(text, nl=False, color=True)
