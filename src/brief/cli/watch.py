"""``--watch``: a command's output drawn again whenever the corpus changes.

A command hands :func:`watch` a *frame*: what it would draw from a store (its view,
built as without ``--watch``). The loop polls the cache's freshness check
(``store.Watched``) every ``BRIEF_WATCH_INTERVAL`` seconds (0.5 by default), opens
the store again when a file changed, and draws again when, and only when, what it
would draw differs from what it drew.

- In a terminal: the alternate screen, as ``watch(1)`` uses it, redrawn in place,
  a status line on top (when it last changed; Ctrl-C to quit), then any problem,
  then as much of the output as fits; the terminal is restored on the way out.
- Piped (or ``--format json``, in a terminal too): each new version is printed as it
  comes, text versions after the first under a ``--- brief: updated HH:MM:SS ---``
  line, JSON as JSON Lines (one compact document per line); problems go to stderr.
  Between versions it waits on stdout too: when the reader of the pipe has gone
  (``| head -1`` has its line), the watch ends at once, silently with status 1, as
  any command whose reader went away does (``cli.entry``), not at the next change.

A change that makes the corpus invalid, or the name no longer found, is shown as the
one-line error the command would print, and the watch goes on: fixing the file
brings the output back. Ctrl-C ends it with status 0.

``brief graph --watch`` would be one call: ``watch(ctx, frame, fmt, title)``.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import click

from ..core.collector import resume
from ..core.errors import BriefError, UsageError
from .context import (
    INTERVAL_VARIABLE,
    active_layers,
    options,
    progress,
    use_cache,
    warning_lines,
)

if TYPE_CHECKING:
    from ..render.output import Draw
    from ..store import Store, Watched

#: What a watched command draws from a store: None when there is nothing to show. It
#: appends a line to the list for each problem it can show around, and raises a
#: ``BriefError`` for one it cannot.
Frame = Callable[["Store", list[str]], "Draw | None"]

DEFAULT_INTERVAL = 0.5
#: At most this many warnings are shown on the watch screen ('brief validate' has all).
SHOWN_WARNINGS = 5


class Drawn(NamedTuple):
    """What one poll would draw: compared with the last, so only a change is drawn."""

    text: str
    """The output, rendered ('' when there is none)."""
    problems: tuple[str, ...]
    """The errors the command would print, one line each."""
    warnings: tuple[str, ...]
    """The corpus's warnings, as the command prints them on stderr."""


def interval() -> float:
    """The polling interval: ``$BRIEF_WATCH_INTERVAL`` seconds, or 0.5."""
    value = os.environ.get(INTERVAL_VARIABLE, "").strip()
    if not value:
        return DEFAULT_INTERVAL
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.05 <= seconds <= 3600:
        raise UsageError(f"{INTERVAL_VARIABLE}: expected seconds from 0.05 to 3600, got {value!r}")
    return seconds


def watch(ctx: click.Context, frame: Frame, fmt: str | None, title: str) -> None:
    """Draw *frame* now and whenever the corpus changes, until Ctrl-C (exit 0).

    *title* is the command as the status line names it (``brief show trade``).
    """
    from ..render.output import destination

    every = interval()
    opts = options(ctx)
    dest = destination(fmt or opts.config.format, ctx.meta.get("brief.color") or "auto")
    width = ctx.meta.get("brief.width")
    screen = dest != "json" and sys.stdout.isatty()
    out: _Output = _Screen(title, every, dest == "terminal") if screen else _Stream(dest)
    import signal

    # 'kill' restores the terminal too (and exits 143, as killed by SIGTERM).
    terminated = signal.signal(signal.SIGTERM, _terminated)
    try:
        watched = open_watched(ctx)
        with out:
            _loop(watched, frame, out, dest, width, every, bool(ctx.meta.get("brief.quiet")))
    except KeyboardInterrupt:
        return  # the way a watch ends: out's exit has restored the terminal
    finally:
        signal.signal(signal.SIGTERM, terminated)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def open_watched(ctx: click.Context) -> Watched:
    """The active layers' corpus, kept open to be watched (as ``context.open_store``
    opens it, but its warnings left to the caller to show)."""
    from ..store import Watched

    layers = active_layers(ctx)
    with progress() as on_file:
        return Watched(layers, use_cache(), on_file)


def _loop(
    watched: Watched,
    frame: Frame,
    out: _Output,
    dest: str,
    width: int | None,
    every: float,
    quiet: bool = False,
) -> None:
    last: Drawn | None = None
    size = out.size()
    while True:
        drawn = _draw(watched.store, frame, dest, width or out.width(), quiet)
        if drawn != last:
            out.show(drawn)
            last = drawn
        resume()  # under way: the cycle collector on (brief starts with it off)
        while True:
            out.wait(every)
            if watched.changed():
                watched.reopen()
                break
            if out.size() != size:  # the pane was resized: lay it out again
                size, last = out.size(), None
                break


def _draw(store: Store, frame: Frame, dest: str, width: int | None, quiet: bool = False) -> Drawn:
    """What one look at the corpus draws; with *quiet* (``brief -q``), without the
    corpus's warnings, as every other command leaves them out."""
    from ..render.output import render

    problems: list[str] = []
    text = ""
    try:
        draw = frame(store, problems)
        if draw is not None:
            text = render(draw, dest, width)
    except BriefError as exc:
        problems.append(str(exc))
    return Drawn(text, tuple(problems), () if quiet else tuple(store.warnings))


class _Output:
    """Where versions go: the terminal's alternate screen, or a stream."""

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def show(self, drawn: Drawn) -> None:
        raise NotImplementedError

    def size(self) -> tuple[int, int]:
        return (0, 0)

    def width(self) -> int | None:
        return None

    def wait(self, seconds: float) -> None:
        """Wait *seconds* before the next look at the corpus."""
        time.sleep(seconds)


def _now() -> str:
    return time.strftime("%H:%M:%S")


class _Stream(_Output):
    """Each version printed after the last: text under a separator line, JSON as JSON Lines."""

    def __init__(self, dest: str) -> None:
        self._dest = dest
        self._shown = 0
        self._warnings: tuple[str, ...] = ()

    def show(self, drawn: Drawn) -> None:
        from ..render.output import write_all

        if drawn.warnings != self._warnings:
            for line in warning_lines(drawn.warnings):
                click.echo(line, err=True)
            self._warnings = drawn.warnings
        for problem in drawn.problems:
            click.echo(f"brief: {problem} (still watching)", err=True)
        if not drawn.text:
            return
        if self._dest == "json":
            import json

            text = json.dumps(json.loads(drawn.text), ensure_ascii=False, separators=(",", ":"))
            text += "\n"
        elif self._shown:
            text = f"\n--- brief: updated {_now()} ---\n\n{drawn.text}"
        else:
            text = drawn.text
        self._shown += 1
        if hasattr(sys.stdout, "buffer"):
            write_all(text)
        else:  # a test's captured stream
            click.echo(text, nl=False)
            sys.stdout.flush()

    def wait(self, seconds: float) -> None:
        """Wait *seconds*, or raise ``BrokenPipeError`` as soon as the reader of stdout
        has gone: the pipe's hang-up, which ``poll`` reports on its writing end."""
        if _hung_up(seconds):
            raise BrokenPipeError(errno.EPIPE, "the reader of standard output has gone")


def _hung_up(seconds: float) -> bool:
    """Whether stdout's reader went away (a pipe or socket hung up) within *seconds*;
    False once they have passed. Where that cannot be told (no ``poll``, a stdout with
    no descriptor, a device ``poll`` does not take), it is a plain wait, and the next
    version written finds the reader gone instead."""
    import select

    start = time.monotonic()
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLERR | select.POLLHUP)
    except (AttributeError, ValueError, OSError):  # io.UnsupportedOperation is both
        time.sleep(seconds)
        return False
    events = poller.poll(seconds * 1000)
    if any(mask & (select.POLLERR | select.POLLHUP) for _, mask in events):
        return True
    if events:  # POLLNVAL: not a descriptor poll can watch; wait as before
        time.sleep(max(start + seconds - time.monotonic(), 0))
    return False


#: The terminal's controls: the alternate screen and the cursor shown or hidden.
_ENTER = "\x1b[?1049h\x1b[?25l"
_LEAVE = "\x1b[?25h\x1b[?1049l"
_HOME, _CLEAR_LINE, _CLEAR_BELOW = "\x1b[H", "\x1b[K", "\x1b[J"


class _Screen(_Output):
    """The alternate screen, redrawn in place (no flicker: lines overwritten, then the
    rest cleared), the status line on top, then the problems, then the output."""

    def __init__(self, title: str, every: float, colour: bool) -> None:
        from ..core.unsafe import shown_line

        self._title = shown_line(title)
        self._every = every
        self._colour = colour

    def __enter__(self) -> _Output:
        sys.stdout.write(_ENTER)
        sys.stdout.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout.write(_LEAVE)
        sys.stdout.flush()

    def size(self) -> tuple[int, int]:
        """Columns and lines: ``$COLUMNS`` and ``$LINES`` first, as a shell sets them,
        then the terminal's, then 80 by 24 (a terminal that says 0 by 0)."""
        import shutil

        columns, lines = shutil.get_terminal_size()
        return (columns, lines)

    def width(self) -> int | None:
        return self.size()[0]

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self._colour else text

    def show(self, drawn: Drawn) -> None:
        columns, height = self.size()
        every = f"{self._every:g}"
        status = _fitted(
            (self._title, f"updated {_now()}", f"checks every {every} s", "Ctrl-C quits"),
            columns,
            drop=(2, 1),
        )
        lines = [self._style(status, "7"), ""]
        for problem in drawn.problems:  # wrapped, not cut: the file and key may be last
            lines += [self._style(part, "1;31") for part in _wrapped(f"brief: {problem}", columns)]
        for warning in warning_lines(drawn.warnings, SHOWN_WARNINGS):
            lines += [self._style(part, "33") for part in _wrapped(warning, columns)]
        if len(lines) > 2:
            lines.append("")
        body = drawn.text.rstrip("\n").split("\n") if drawn.text else []
        room = max(height - len(lines), 1)
        if len(body) > room:
            cut = len(body) - room + 1
            body = [
                *body[: room - 1],
                self._style(
                    _fitted(
                        (f"… {cut} more lines", "'brief tui' scrolls, and refreshes too"),
                        columns,
                        drop=(1,),
                    ),
                    "2",
                ),
            ]
        lines += body
        sys.stdout.write(
            _HOME
            + "".join(f"{line}{_CLEAR_LINE}\n" for line in lines[:-1])
            + f"{lines[-1]}{_CLEAR_LINE}{_CLEAR_BELOW}"
        )
        sys.stdout.flush()


def _fitted(parts: tuple[str, ...], columns: int, drop: tuple[int, ...]) -> str:
    """*parts* joined by `` · ``, leaving out those at *drop* (in that order) until the
    line fits in *columns*; cut at the end only when even the rest does not fit."""
    kept = list(range(len(parts)))
    line = " · ".join(parts)
    for index in drop:
        if len(line) <= columns:
            break
        kept.remove(index)
        line = " · ".join(parts[i] for i in kept)
    return line[:columns]


def _wrapped(line: str, columns: int) -> list[str]:
    """*line* wrapped to *columns*, later lines indented."""
    import textwrap

    return textwrap.wrap(line, max(columns, 20), subsequent_indent="  ", break_on_hyphens=False)
