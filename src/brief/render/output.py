"""Where output goes and in what form: resolving ``auto``, rendering, and paging.

The format's :class:`~.renderer.Renderer` comes from :func:`~.renderer.get_renderer`,
which imports only the module for the chosen format, and rich only for a terminal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

import click

from .renderer import Renderer, get_renderer, terminal_width

__all__ = ["Draw", "destination", "emit", "page", "render", "terminal_width", "write_all"]

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


def render(draw: Draw, dest: str, width: int | None = None, colour: bool = True) -> str:
    """What *draw* draws in format *dest* (resolved: not ``auto``), *width* cells wide
    (default: the terminal's); the terminal's layout without colour when *colour* is
    False (see :func:`coloured`)."""
    return draw(get_renderer(dest, width, colour))


def coloured(color: str = "auto") -> bool:
    """Whether the terminal format may colour: not with ``--color never``, nor, unless
    ``--color always``, with ``NO_COLOR`` set or ``TERM=dumb`` (``-f terminal`` chooses
    the layout; the colour is still the user's to refuse)."""
    if color != "auto":
        return color == "always"
    return not (os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb")


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
    terminal (what ``less -F`` would do, without starting ``less``), and not with
    ``TERM=dumb`` (a trial's ``less`` asked to press RETURN). JSON and HTML,
    documents for programs, never go through a pager.
    """
    dest = destination(fmt, color)
    colour = coloured(color)
    text = render(draw, dest, width, colour)
    if pager is None:  # a dumb terminal (an editor's shell buffer) cannot run a pager
        dumb = os.environ.get("TERM") == "dumb"
        pager = paging and not dumb and sys.stdout.isatty() and text.count("\n") >= _height()
    if pager and dest not in ("json", "html"):
        page(text)
    elif not sys.stdout.isatty() and hasattr(sys.stdout, "buffer"):
        write_all(text)
    else:
        click.echo(text, nl=False, color=True if dest == "terminal" and colour else None)


def write_all(text: str) -> None:
    """Write *text* to a piped stdout whole, or raise why not.

    A pipe whose reader goes away mid-write (``| head -1``) makes the buffered writer
    return a short count, which ``print`` and ``click.echo`` drop: the rest would be lost
    without a word and the run would end "successfully". Writing what is left again
    raises ``BrokenPipeError``, which ``cli.entry`` turns into silence and its status.
    """
    out = sys.stdout
    out.flush()
    view = memoryview(text.encode(out.encoding or "utf-8", out.errors or "strict"))
    while view:
        written = out.buffer.write(view)
        if not written:  # a non-blocking stdout that takes nothing now
            raise BlockingIOError(errno.EAGAIN, "standard output would block")
        view = view[written:]
    out.buffer.flush()


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
    clear the screen. While the pager runs, Ctrl-C is the pager's alone (ours ignores
    it, as git does), and we wait for the pager to end: a brief that exited first would
    leave the pager and the shell fighting over the terminal. The pager is started with
    ``posix_spawn`` and a pipe (``subprocess`` costs more to import than it saves), or
    with ``subprocess`` where there is no ``posix_spawn`` (Windows), and directly
    unless the command needs a shell, as git does.
    """
    command = os.environ.get("BRIEF_PAGER") or os.environ.get("PAGER") or "less"
    if command.strip() in ("", "cat"):
        click.echo(text, nl=False, color=True)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    plain = set(command) <= _PLAIN_COMMAND
    import signal

    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        spawn = _spawned if hasattr(os, "posix_spawnp") else _subprocess
        status = spawn(command, plain, env, text.encode("utf-8", "replace"))
    finally:
        signal.signal(signal.SIGINT, interrupt)
    if status is None or status == 127:  # no such pager (127: the shell found none)
        click.echo(text, nl=False, color=True)


def _spawned(command: str, plain: bool, env: dict[str, str], data: bytes) -> int | None:
    """Run the pager with ``posix_spawnp``, feed it *data*; its exit code, None if none ran."""
    import signal

    argv = command.split() if plain else ["/bin/sh", "-c", command]
    read, write = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, read, 0), (os.POSIX_SPAWN_CLOSE, write)]
    try:  # the pager gets Ctrl-C as it should, whatever we do with ours
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions, setsigdef=(signal.SIGINT,))
    except OSError:  # no such pager
        os.close(read)
        os.close(write)
        return None
    os.close(read)
    with contextlib.suppress(BrokenPipeError), open(write, "wb") as pipe:
        pipe.write(data)  # unless the reader quits the pager before the end: that is fine
    _, status = os.waitpid(pid, 0)  # Ctrl-C is ignored meanwhile: see page
    return os.waitstatus_to_exitcode(status)


def _subprocess(command: str, plain: bool, env: dict[str, str], data: bytes) -> int | None:
    """The same with ``subprocess``, where there is no ``posix_spawnp``."""
    import subprocess

    try:
        pager = subprocess.Popen(
            command.split() if plain else command, shell=not plain, stdin=subprocess.PIPE, env=env
        )
    except OSError:
        return None
    with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
        pager.communicate(data)
    return pager.wait()
