"""The console script's entry point: ``brief --version`` answered without click.

``--version`` is what scripts, bug reports and package managers run first, and
importing click costs several times more than the answer. Every other command line
goes to the click CLI in ``group``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .. import __version__


def version_lines(corpus_dirs: Sequence[str] = (), bundled: bool = True) -> list[str]:
    """The version, then the corpus folders in use (later ones win).

    A broken config file does not hide the version: it is reported on stderr, and
    the folders are listed without it.
    """
    from .options import tolerant_options

    layers = tolerant_options(corpus_dirs, bundled).layers()
    return [f"brief {__version__}", *(f"  corpus: {layer.root}" for layer in layers)]


def main() -> None:
    """Run ``brief``: the version at once when that is all that is asked, else the CLI."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write("".join(f"{line}\n" for line in version_lines()))
        sys.stdout.flush()
        sys.exit(0)
    from .group import main as cli_main

    cli_main()
