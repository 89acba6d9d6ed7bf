"""The console script's entry point: ``brief --version`` answered without click, and
every failure to write the output turned into one line and an exit code.

``--version`` is what scripts, bug reports and package managers run first, and
importing click costs several times more than the answer. Every other command line
goes to the click CLI in ``group``.

Output failures (:func:`guarded`), as the README's exit codes say:

- the reader went away (``brief show x | head -1``): silence, exit 1, as Python's
  documentation recommends for ``BrokenPipeError`` (the "Note on SIGPIPE" in the
  ``signal`` module's docs: stdout is pointed at ``devnull`` so that the final flush
  cannot fail again, and the status is the 1 Python itself exits with on EPIPE);
- stdout closed (``>&-``), full (``> /dev/full``) or failing: one line on stderr, exit
  1, as coreutils do (``write error: No space left on device``);
- an output encoding that cannot hold a character (``PYTHONIOENCODING=latin-1``, or
  a redirected stdout on Windows): the character is written as a backslash escape,
  as Python writes its own stderr, unless the variable names its own error handler;
- Ctrl-C: exit 130, no traceback (from brief's first line: see ``brief.start``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .. import __version__


def version_lines(corpus_dirs: Sequence[str] = (), bundled: bool = True) -> list[str]:
    """The version, then the corpus folders in use (later ones win), made inert.

    A broken config file does not hide the version: it is reported on stderr, and
    the folders are listed without it.
    """
    from ..core.unsafe import shown_line
    from .options import tolerant_options

    layers = tolerant_options(corpus_dirs, bundled).layers()
    return [f"brief {__version__}", *(f"  corpus: {shown_line(layer.root)}" for layer in layers)]


def main() -> NoReturn:
    """Run ``brief``: the version at once when that is all that is asked, else the CLI.

    The cycle collector is off from here: starting makes next to no garbage, and
    commands that run on turn it on again (see ``core.collector``).
    """
    gc.disable()
    guarded(_run)


def _run() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write("".join(f"{line}\n" for line in version_lines()))
        return
    from .group import main as cli_main

    cli_main()


def _interruptible() -> None:
    """Let Ctrl-C raise ``KeyboardInterrupt`` from here on (so that what is begun is
    undone: a cache half written, an export), where ``brief.start``'s handler ended the
    process at once; any other handler (an ignored Ctrl-C, a program's that runs brief)
    is left as it is."""
    import signal

    handler = signal.getsignal(signal.SIGINT)
    if getattr(handler, "__module__", None) == "brief.start":
        signal.signal(signal.SIGINT, signal.default_int_handler)


#: What writing to a stdout that cannot take it raises (EBADF: closed; ENOSPC: full).
_OUTPUT_ERRNOS = frozenset(
    getattr(__import__("errno"), name, -1)
    for name in ("EPIPE", "EAGAIN", "EBADF", "ENOSPC", "EIO", "EDQUOT", "EFBIG", "EINVAL")
)


def guarded(body: Callable[[], object]) -> NoReturn:
    """Run *body* (which may exit), flush its output, and exit as the module docstring says."""
    if sys.stdout is None:  # started with stdout closed: Python gives us none
        _fail("standard output is closed")
    _tolerant_encoding()
    try:
        try:
            _interruptible()
            body()
            code: str | int | None = 0
        except SystemExit as done:
            code = done.code
        sys.stdout.flush()  # here, not at exit, where a failure could not be reported
    except BrokenPipeError:
        quiet_stdout()
        code = 1
    except KeyboardInterrupt:
        quiet_stdout()
        code = 130
    except UnicodeEncodeError as exc:
        _fail(f"the output encoding ({exc.encoding}) cannot write {exc.object[exc.start]!a}")
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _fail(exc.strerror or type(exc).__name__)
    sys.exit(code)


def _fail(why: str) -> NoReturn:
    quiet_stdout()
    try:
        sys.stderr.write(f"brief: cannot write output: {why}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr is gone too: the exit status is all that is left
    sys.exit(1)


def quiet_stdout() -> None:
    """Point stdout at ``devnull`` so that what is still buffered cannot fail at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None


def _tolerant_encoding() -> None:
    """Write what stdout's encoding cannot hold as backslash escapes, unless asked not to."""
    chosen = os.environ.get("PYTHONIOENCODING", "")
    if ":" in chosen and chosen.split(":", 1)[1]:
        return  # an error handler the user chose
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "") == "strict":
        with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
            reconfigure(errors="backslashreplace")
