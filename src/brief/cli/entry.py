"""The console script's entry point: ``brief --version`` answered without click.

``--version`` is what scripts, bug reports and package managers run first, and
importing click costs several times more than the answer. Every other command line
goes to the click CLI in ``cli``.
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
    from ..corpus.config import Config, ConfigError, load_config
    from ..corpus.layers import layers_for

    try:
        config = load_config()
    except ConfigError as exc:
        sys.stderr.write(f"brief: warning: {exc}\n")
        config = Config()
    layers = layers_for(corpus_dirs, bundled=bundled, config_dirs=config.corpus)
    return [f"brief {__version__}", *(f"  corpus: {layer.root}" for layer in layers)]


def main() -> None:
    """Run ``brief``: the version at once when that is all that is asked, else the CLI."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write("".join(f"{line}\n" for line in version_lines()))
        sys.stdout.flush()
        sys.exit(0)
    from .commands import main as cli_main

    cli_main()
