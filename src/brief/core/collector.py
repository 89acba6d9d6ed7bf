"""The cycle collector: off while brief starts and while it loads, on for what runs on.

Python's cycle collector runs every few hundred new objects and looks through those
of the generations it collects. While brief imports its modules, opens a corpus and
draws a first screen, or loads and indexes a corpus, nearly every object it makes
lives on and none makes a cycle that is garbage: collecting then frees nothing and
costs time (5-9% of ``brief show``, a third of ``brief tui``'s first paint, a fifth
of loading 10,000 topics). Objects are still freed as soon as they are no longer
used: only cycles among them would wait for a collection.

So the console script starts with the collector off (``cli.entry``), and a command
that ends after its output leaves it off. One that goes on running, the TUI and
``--watch``, turns it on again once it is under way (:func:`resume`), what was made
until then left out of its collections (``gc.freeze``): else the first collection
would look through all of it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused", "resume"]


def resume() -> None:
    """The collector on again, if it is off; every object made so far is left out of
    its collections (``gc.freeze``)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off meanwhile, then as it was (on again by :func:`resume`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            resume()
