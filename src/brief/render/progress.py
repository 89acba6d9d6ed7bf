"""A load's progress on stderr: files read of total, rate, time left (or another count:
an export's pages written).

Only for a terminal (the CLI makes one only when stderr is a terminal), and only for
a load still running after :data:`AFTER` seconds: a quick one shows nothing. rich is
imported when the display first shows, never before, so a load that ends in time
(and every warm start) does not pay for it. The display is transient: it is erased
when the load ends, before the command writes its output. Once every file is read, a
spinner replaces the bar while the rest is done, saying which part (checking references,
indexing, writing the cache: see ``corpus.load.tell_phase``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

#: Seconds a load runs before its progress shows.
AFTER = 1.0

#: Seconds between two updates of the display (a 10,000-file load calls once a file).
_EVERY = 0.05

#: What is counted, in words: what is being done, the unit, and the word for one done:
#: ``brief: DOING [bar] 5/10 UNIT``, then ``brief: 10 UNIT DONE; finishing``.
Words = tuple[str, str, str]
#: A load's words.
LOADING: Words = ("reading the corpus", "files", "read")


class FileProgress:
    """A load's ``on_file`` callback (see ``corpus.load.load``) that draws on *stream*.

    Usable as a context manager, which erases the display on the way out, however
    the load ended.
    """

    def __init__(
        self,
        stream: IO[str],
        after: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        words: Words = LOADING,
    ) -> None:
        self.stream = stream
        self.words = words
        self.after = AFTER if after is None else after
        self.clock = clock
        self.began = clock()
        self.last = self.began
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.total = 0

    def __enter__(self) -> FileProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if self.bar is None:
            if now - self.began < self.after or done >= total:
                return
            self._start(done, total)
        elif now - self.last < _EVERY and done < total:
            return
        self.last = now
        assert self.bar is not None and self.task is not None
        if done >= total:
            self._finishing(total)
            return
        rate = done / (now - self.began) if now > self.began else 0.0
        self.bar.update(self.task, completed=done, total=total, rate=f"{rate:,.0f}/s")

    def _finishing(self, total: int, what: str = "finishing") -> None:
        """Every file is read: say so, with a spinner while the rest of the load (*what*
        is being done: references, the index, the cache), which has no count to show, runs."""
        from rich.progress import SpinnerColumn, TextColumn

        assert self.bar is not None
        self.total = total
        _, unit, done = self.words
        self.bar.columns = (
            TextColumn(f"brief: {total:,} {unit} {done}; {what}"),
            SpinnerColumn(style="none"),
        )
        self.bar.refresh()

    def phase(self, what: str) -> None:
        """What the load (or the build) is doing now that every file is read, in words."""
        if self.bar is not None and self.total:
            self._finishing(self.total, what)

    def close(self) -> None:
        """Stop and erase the display, if it showed."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def _start(self, done: int, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        doing, unit, _ = self.words
        self.bar = Progress(
            TextColumn(f"brief: {doing}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(file=self.stream, stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("load", total=total, completed=done, rate="")
        self.bar.start()
