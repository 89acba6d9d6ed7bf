"""What the ``brief`` group was told, and the corpus layers that follows from it.

No click here: ``brief --version`` (see ``entry``) lists the layers before click is
imported, through the same :meth:`Options.layers` as every command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..corpus.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from ..corpus.layers import Layer


class Options(NamedTuple):
    """What the ``brief`` group was told, and the config file, for its subcommands."""

    corpus_dirs: tuple[str, ...]
    """Each ``--corpus DIR``, in order."""
    bundled: bool
    """False with ``--no-bundled`` (the config's ``bundled = false`` also leaves it out)."""
    config: Config
    """The config file's settings (the defaults when there is none)."""
    pager: bool | None = None
    """``brief --pager/--no-pager``, as git takes it, before the command."""

    def layers(self) -> list[Layer]:
        """The corpus layers in use, later ones winning: bundled (unless ``--no-bundled``
        or the config's ``bundled = false``), the config file's folders, ``BRIEF_PATH``,
        then each ``--corpus`` folder."""
        from ..corpus.layers import layers_for

        bundled = self.bundled and self.config.bundled
        return layers_for(self.corpus_dirs, bundled=bundled, config_dirs=self.config.corpus)


def tolerant_options(corpus_dirs: Sequence[str] = (), bundled: bool = True) -> Options:
    """Options for a command that must work with a broken config file (``--version``).

    The config's problem is reported on stderr, and its settings left out.
    """
    try:
        config = load_config()
    except ConfigError as exc:
        sys.stderr.write(f"brief: warning: {exc}\n")
        config = Config()
    return Options(tuple(corpus_dirs), bundled, config)
