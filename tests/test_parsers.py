"""tomli parses the corpus; the standard library's tomllib is the fallback. Both read alike.

A file's problems must not depend on which of the two parsed it: every one of toml-test's
invalid TOML 1.0 files gets the same diagnostic, word for word, from each.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from brief.core.diagnostics import Diagnostic
from brief.corpus.parse import parse

parse_module = importlib.import_module("brief.corpus.parse")  # the package shadows it
TOML_TEST = Path(__file__).parent / "data" / "toml-test"

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is 3.11+")


def _cases() -> list[str]:
    listing = (TOML_TEST / "files-toml-1.0.0").read_text().split()
    names = [name for name in listing if name.startswith("invalid/")]
    assert len(names) == 499
    return names


def _diagnostics(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> dict[str, object]:
    monkeypatch.setattr(parse_module, "toml", module)
    return {name: parse((TOML_TEST / name).read_bytes(), name) for name in _cases()}


def test_tomli_is_the_parser() -> None:
    import tomli

    assert parse_module.toml is tomli


def test_both_parsers_give_the_same_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomli
    import tomllib  # type: ignore[import-not-found,unused-ignore]

    by_tomli = _diagnostics(monkeypatch, tomli)
    by_tomllib = _diagnostics(monkeypatch, tomllib)
    assert all(isinstance(found, Diagnostic) for found in by_tomli.values())
    differing = {name for name in by_tomli if by_tomli[name] != by_tomllib[name]}
    assert differing == set()


@pytest.mark.parametrize("module", ["tomli", "tomllib"])
@pytest.mark.parametrize(
    ("case", "where", "message"),
    [
        (
            "invalid/array/no-close-01.toml",
            "line 2, column 1",
            "unclosed array at the end of the file (the [ at line 1, column 15 is never closed"
            " with ])",
        ),
        ("invalid/array/double-comma-01.toml", "line 1, column 22", "invalid value"),
        (
            "invalid/array/extending-table.toml",
            "line 5, column 5",
            "cannot declare ('a', 'c') twice",
        ),
    ],
)
def test_the_wording_is_pinned(
    monkeypatch: pytest.MonkeyPatch, module: str, case: str, where: str, message: str
) -> None:
    """tomli also gives a line and column for "end of document": the message's words win."""
    monkeypatch.setattr(parse_module, "toml", __import__(module))
    found = parse((TOML_TEST / case).read_bytes(), case)
    assert found == Diagnostic("BRIEF003", case, where, f"TOML syntax error: {message}")
