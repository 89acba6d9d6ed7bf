"""The optional user config file: extra corpus folders, default format, pager.

``$XDG_CONFIG_HOME/brief/config.toml`` (``~/.config/brief/config.toml``), or the file
named by ``BRIEF_CONFIG``. It is read only when it exists, so users without one pay
nothing at start-up. A broken config is an error that names the file (exit 1): a
setting silently ignored would be worse than a clear stop.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from ..core.errors import BriefError

FORMATS = ("auto", "terminal", "plain", "markdown", "json")


class ConfigError(BriefError):
    """The config file cannot be used."""


class Config(NamedTuple):
    """What the config file sets; the defaults when there is none."""

    corpus: tuple[str, ...] = ()
    """Corpus folders, read after the bundled corpus and before ``BRIEF_PATH``."""
    format: str = "auto"
    pager: bool = True
    path: str = ""
    """Where it was read from (empty when there is no file)."""


def config_path() -> str:
    """The config file's path, whether or not it exists."""
    if os.environ.get("BRIEF_CONFIG"):
        return os.environ["BRIEF_CONFIG"]
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "brief", "config.toml")


def load_config() -> Config:
    """The user's config, or the defaults when there is no config file."""
    path = config_path()
    try:
        with open(path, "rb") as f:
            data = f.read(256 * 1024)
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    from ..core.diagnostics import Diagnostic
    from ..core.sanitize import inert
    from .parse import parse

    name = inert(path)
    doc = parse(data, name)
    if isinstance(doc, Diagnostic):
        raise ConfigError(str(doc))
    return _check(doc, name, path)


def _check(doc: dict[str, Any], name: str, path: str) -> Config:
    from ..core.names import did_you_mean
    from ..core.sanitize import inert

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{name}: {inert(key)}: {message}")

    known = ("corpus", "format", "pager")
    for key in doc:
        if key not in known:
            raise fail(key, f"unknown setting {inert(key)!r}{did_you_mean(key, known)}")
    corpus = doc.get("corpus", [])
    if not isinstance(corpus, list) or not all(isinstance(c, str) for c in corpus):
        raise fail("corpus", "expected an array of folder paths")
    here = os.path.dirname(os.path.abspath(path))
    folders = tuple(os.path.join(here, os.path.expanduser(c)) for c in corpus)
    fmt = doc.get("format", "auto")
    if fmt not in FORMATS:
        raise fail("format", f"expected one of {', '.join(FORMATS)}")
    pager = doc.get("pager", True)
    if not isinstance(pager, bool):
        raise fail("pager", "expected true or false")
    return Config(folders, fmt, pager, path)
