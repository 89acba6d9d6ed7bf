"""Where output goes and in what form: resolving ``auto``, rendering, and paging.

Each renderer module has one function per kind of view (``briefing``, ``listing``,
``comparison``, ``conflicts``, ``results``); only the module for the chosen format is
imported, and rich only for a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click


def destination(fmt: str) -> str:
    """Resolve ``auto``: rich for a colour terminal, plain text when piped or NO_COLOR."""
    if fmt != "auto":
        return fmt
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return "plain"
    return "terminal" if sys.stdout.isatty() else "plain"


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 80 (``shutil`` would cost 1 ms to import)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
        if columns > 0:
            return columns
    except ValueError:
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def render(kind: str, items: Sequence[Any], dest: str) -> str:
    """The text of *items* (views of *kind*) in format *dest*."""
    if dest == "json":
        from . import jsondoc

        datas = [getattr(jsondoc, f"{kind}_data")(v) for v in items]
        return jsondoc.dumps(datas[0] if len(datas) == 1 else datas)
    if dest == "markdown":
        from . import markdown

        return "\n".join(getattr(markdown, kind)(v) for v in items)
    if dest == "plain":
        from . import plain

        draw = getattr(plain, kind)
        if kind == "listing":
            return "".join(draw(v) for v in items)
        width = min(terminal_width(), 100)  # long lines are hard to read, even on a wide screen
        return "\n".join(draw(v, width) for v in items)
    import io

    from . import terminal

    width = terminal_width()
    console = terminal.make_console(file=io.StringIO(), force_terminal=True, width=width)
    draw = getattr(terminal, kind)
    for i, view in enumerate(items):
        if i:
            console.print()
        console.print(draw(view) if kind in ("briefing", "listing") else draw(view, width))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def emit(kind: str, items: Sequence[Any], fmt: str, *, pager: bool | None, paging: bool) -> None:
    """Write *items* to stdout, through a pager when asked or when *paging* in a terminal.

    *pager* is the command line's ``--pager/--no-pager`` (None when not given);
    *paging* is the config's default, which pages only what is taller than the
    terminal (what ``less -F`` would do, without starting ``less``). JSON never goes
    through a pager.
    """
    dest = destination(fmt)
    text = render(kind, items, dest)
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
