"""The console script's first module: from its first line, Ctrl-C exits with status 130
and no traceback (before it, Python's own start-up and the ``import re`` of the script
pip writes can still print one: docs/security.md).

A Ctrl-C that lands while Python imports brief's own modules, before ``cli.entry``'s
handler is in place, printed a ``KeyboardInterrupt`` traceback (a trial: 9 of 60 runs
interrupted 20-70 ms after start). Until that handler takes over (``cli.entry.guarded``
puts Python's own back), an interrupt ends the process at once: nothing has been
written that would need undoing. A Ctrl-C ignored by whoever started brief (``nohup``,
a shell's background job) stays ignored.
"""

import os  # imported by Python's own start-up: costs nothing
import signal  # under the console script, next to nothing: its `re` imported `enum`


def _interrupted(signum: int, frame: object) -> None:
    os._exit(130)  # nothing started yet that needs undoing, nor anything to flush


# First, before anything is imported (typing alone takes milliseconds).
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted)


def main() -> None:
    """Run ``brief`` (see ``cli.entry.main``, which never returns)."""
    from .cli.entry import main as run

    run()
