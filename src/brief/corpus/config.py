"""The optional user config file: extra corpus folders, the bundled corpus, format, pager.

``$XDG_CONFIG_HOME/brief/config.toml`` (``~/.config/brief/config.toml``), or the file
named by ``BRIEF_CONFIG``. It is read only when it exists, so users without one pay
nothing at start-up. A broken config is an error that names the file (exit 1): a
setting silently ignored would be worse than a clear stop.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from ..core.errors import BriefError

FORMATS = ("auto", "terminal", "plain", "markdown", "json", "html")
#: The formats only ``brief graph`` takes (graph languages): not a default for the config.
GRAPH_FORMATS = ("dot", "mermaid")


class ConfigError(BriefError):
    """The config file cannot be used."""


class Config(NamedTuple):
    """What the config file sets; the defaults when there is none."""

    corpus: tuple[str, ...] = ()
    """Corpus folders, read after the bundled corpus and before ``BRIEF_PATH``."""
    format: str = "auto"
    """The default ``--format`` (``auto``: terminal or plain, by where output goes)."""
    pager: bool = True
    """Whether long output in a terminal goes through a pager."""
    bundled: bool = True
    """False (``bundled = false``) leaves the bundled corpus out, as ``--no-bundled`` does."""
    path: str = ""
    """Where it was read from (empty when there is no file)."""


def config_path() -> str:
    """The config file's path, whether or not it exists."""
    if os.environ.get("BRIEF_CONFIG"):
        return os.environ["BRIEF_CONFIG"]
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "brief", "config.toml")


def load_config() -> Config:
    """The user's config, or the defaults when there is no config file.

    Read by the corpus files' reader (``reader.read_bytes``), with its limits: a FIFO,
    a device or a folder is an error, not a hang; so is a file over its size limit,
    rather than one cut short. A link is followed wherever it leads (dotfile managers
    link config files), but a dangling one is an error.
    """
    path = config_path()
    if not os.path.lexists(path):
        return Config()
    from ..core.diagnostics import Diagnostic
    from ..core.sanitize import inert
    from .parse import parse
    from .reader import read_bytes

    name = inert(path)
    try:
        root = os.path.dirname(os.path.realpath(path))
    except (OSError, ValueError):
        root = os.path.dirname(path)
    data = read_bytes(path, root, name)
    if isinstance(data, Diagnostic):
        raise ConfigError(f"{name}: {data.message}")
    doc = parse(data, name)
    if isinstance(doc, Diagnostic):
        raise ConfigError(str(doc))
    return _check(doc, name, path)


def _check(doc: dict[str, Any], name: str, path: str) -> Config:
    from ..core.names import did_you_mean
    from ..core.sanitize import inert, quoted

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{name}: {inert(key)}: {message}")

    known = ("corpus", "bundled", "format", "pager")
    for key in doc:
        if key not in known:
            raise fail(key, f"unknown setting {quoted(key)}{did_you_mean(key, known)}")
    corpus = doc.get("corpus", [])
    if not isinstance(corpus, list) or not all(isinstance(c, str) for c in corpus):
        raise fail("corpus", "expected an array of folder paths")
    if "" in corpus:
        raise fail("corpus", "a folder path cannot be empty")
    here = os.path.dirname(os.path.abspath(path))
    folders = tuple(os.path.join(here, os.path.expanduser(c)) for c in corpus)
    fmt = doc.get("format", "auto")
    if fmt not in FORMATS:
        raise fail("format", f"expected one of {', '.join(FORMATS)}")
    pager = doc.get("pager", True)
    if not isinstance(pager, bool):
        raise fail("pager", "expected true or false")
    bundled = doc.get("bundled", True)
    if not isinstance(bundled, bool):
        raise fail("bundled", "expected true or false")
    return Config(folders, fmt, pager, bundled, path)
