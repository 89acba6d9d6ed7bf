"""The faster parser (rtoml) gives exactly what tomli gives, or is not used.

A load of many files parses with rtoml where it may (``parse.fast_parser_may_read``)
and falls back to tomli for anything it refuses, so a file's document and its problems
must not depend on which parser read it. Compared here: toml-test's invalid TOML 1.0
files, the corpora the tests know, every kind of TOML value, the cases where the two
parsers were found to differ, and files mutated at random (hypothesis). The whole
result of a load with and without the faster parser is compared in test_parallel.py.
"""

from __future__ import annotations

import datetime
import importlib
import math
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.core.diagnostics import Diagnostic
from brief.corpus import parallel
from brief.corpus.parse import FAST_MAX_BRACKETS, fast_parser_may_read, parse

parse_module = importlib.import_module("brief.corpus.parse")  # the package shadows it
HERE = Path(__file__).parent
TOML_TEST = HERE / "data" / "toml-test"
REPO = HERE.parent

rtoml = pytest.importorskip("rtoml")  # installed wherever CPython is: see pyproject.toml


def same(a: Any, b: Any) -> bool:
    """Equal, type for type and key order for key order (``==`` would let 1 equal 1.0,
    and two datetimes with different ``tzinfo`` classes equal)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, (datetime.datetime, datetime.time)):
        return a == b and type(a.tzinfo) is type(b.tzinfo)
    return bool(a == b)


def both(data: bytes, name: str = "f.toml") -> tuple[Any, Any]:
    return parse(data, name, fast=True), parse(data, name)


@pytest.fixture
def fast_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the files the faster parser is given (and parses)."""
    calls: list[str] = []

    def counted(text: str) -> Any:
        calls.append(text)
        return rtoml.loads(text)

    monkeypatch.setattr(parse_module, "_FAST", [counted])
    return calls


def test_rtoml_reads_the_corpus_files_it_is_given(fast_calls: list[str]) -> None:
    for path in sorted((REPO / "briefs").rglob("*.toml")):
        fast, slow = both(path.read_bytes())
        assert same(fast, slow), path
    assert len(fast_calls) == len(list((REPO / "briefs").rglob("*.toml")))


@pytest.mark.parametrize("corpus", sorted(p.name for p in (HERE / "corpora").iterdir()))
def test_each_test_corpus_file_parses_alike(corpus: str) -> None:
    for path in sorted((HERE / "corpora" / corpus).rglob("*.toml")):
        if path.is_file() and not path.is_symlink():
            fast, slow = both(path.read_bytes(), path.name)
            assert same(fast, slow), path


def test_every_invalid_toml_test_file_gets_tomlis_diagnostic() -> None:
    listing = (TOML_TEST / "files-toml-1.0.0").read_text().split()
    names = [name for name in listing if name.startswith("invalid/")]
    assert len(names) == 499
    for name in names:
        fast, slow = both((TOML_TEST / name).read_bytes(), name)
        assert isinstance(slow, Diagnostic)
        assert fast == slow, name


VALUES = """\
format = 1
title = "basic \\"quoted\\" \\u00e9 \\U0001F600 \\t tab"
literal = 'C:\\path\\n'
multi = \"\"\"
one \\
  two\"\"\"
multi_literal = '''
raw \\n'''
int = +99
hex = 0xDEAD_beef
oct = 0o755
bin = 0b1101
under = 1_000
float = -3.14e-2
inf = -inf
nan = nan
yes = true
local_date = 1979-05-27
local_datetime = 1979-05-27T07:32:00.999999
local_time = 07:32:00
"quoted key" = 1
dotted.key.here = [1, [2, "3"], { a = 1 }]
inline = { x = 1, y.z = "w" }
empty = []

[table."with dots"]
a = 1

[[claims]]
id = "c1"
cites = [{ source = "s", section = "Part 1" }]

[[claims]]
id = "c2"
"""


def test_every_kind_of_value_parses_alike(fast_calls: list[str]) -> None:
    fast, slow = both(VALUES.encode())
    assert isinstance(slow, dict) and same(fast, slow)
    assert fast_calls  # rtoml read it
    assert list(slow)[:3] == ["format", "title", "literal"]  # the file's order, kept


@pytest.mark.parametrize(
    "text",
    [
        "a = 1 # \x7f\n",  # DEL in a comment: rtoml 0.13 takes it
        "a = +0x1\n",  # so with a + before a hex, octal or binary number
        "a = +0o1\n",
        "a = +0b1\n",
        "a = 1979-05-27T07:32:00Z\n",  # rtoml's own tzinfo, which cannot be pickled
        "a = 1979-05-27T07:32:00.5+05:30\n",
        "a = 1979-05-27 07:32:00-07:00\n",
        "a = 1979-05-27T07:32:00+24:00\n",  # an offset of 24 hours: rtoml takes it
        "\ufeff\ufeffa = 1\n",  # a second byte-order mark: rtoml takes it
    ],
)
def test_what_rtoml_reads_otherwise_goes_to_tomli(text: str, fast_calls: list[str]) -> None:
    assert not fast_parser_may_read(text.removeprefix("\ufeff"))
    fast, slow = both(text.encode())
    assert same(fast, slow)
    assert fast_calls == []
    if isinstance(slow, dict):  # the offsets tomli takes: its own tzinfo
        assert type(slow["a"].tzinfo) is datetime.timezone


def test_a_file_rtoml_refuses_is_worded_by_tomli(fast_calls: list[str]) -> None:
    for text in ("a = 99999999999999999999\n", "a = 1e400\n", "a = [1, 2\n"):
        fast, slow = both(text.encode())
        assert same(fast, slow)
    assert len(fast_calls) == 3  # rtoml was given each: it refused the first two too


def test_deep_nesting_is_never_given_to_rtoml() -> None:
    """rtoml recurses once a level: 20,000 levels crashed the process (tomli stops)."""
    deep = "a = " + "[" * 50_000 + "]" * 50_000 + "\n"
    assert not fast_parser_may_read(deep)
    assert fast_parser_may_read("a = " + "[" * FAST_MAX_BRACKETS + "]" * FAST_MAX_BRACKETS)
    code = (
        "import sys\n"
        "from brief.corpus.parse import parse\n"
        "data = sys.stdin.buffer.read()\n"
        "print(parse(data, 'deep.toml', fast=True) == parse(data, 'deep.toml'))\n"
    )
    for text in (deep, "a = " + "{b=" * 50_000 + "1" + "}" * 50_000 + "\n"):
        done = subprocess.run(
            [sys.executable, "-c", code], input=text.encode(), capture_output=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-500:]
        assert done.stdout == b"True\n"


def test_a_thread_parses_with_tomli(fast_calls: list[str]) -> None:
    found: list[Any] = []
    thread = threading.Thread(target=lambda: found.append(parse(b"a = [1]\n", "t.toml", True)))
    thread.start()
    thread.join()
    assert found == [{"a": [1]}]
    assert fast_calls == []


def test_without_rtoml_tomli_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_module, "_FAST", [None])
    assert same(*both(VALUES.encode()))


def test_only_a_load_of_many_files_imports_rtoml(tmp_path: Path) -> None:
    """rtoml costs some 15 ms to import: a load of the bundled corpus (14 files), or an
    edit's read of one file, never pays it."""
    code = (
        "import sys\n"
        "from brief.corpus import parallel\n"
        "from brief.corpus.layers import layers_for\n"
        "from brief.corpus.load import load\n"
        "parallel.FAST_FILES = int(sys.argv[1])\n"
        "load(layers_for([]))\n"
        "print('rtoml' in sys.modules)\n"
    )
    for files, imported in ((parallel.FAST_FILES, b"False\n"), (1, b"True\n")):
        done = subprocess.run(
            [sys.executable, "-c", code, str(files)],
            capture_output=True,
            timeout=120,
            env={"BRIEF_WORKERS": "1", "PATH": ""},
        )
        assert done.stdout == imported, done.stderr[-500:]


SEEDS = [
    VALUES,
    (REPO / "briefs" / "sources.toml").read_text(encoding="utf-8"),
    (HERE / "corpora" / "analyst" / "harbour.toml").read_text(encoding="utf-8"),
]
PIECES = [*"[]{}=,.\"'\\#\n\r\t +-_:0123456789abexotfinTZz\x7f\x00\x1f\u00e9 "]
PIECES += ['"""', "'''", "\\u0041", "inf", "nan", "0x", "+0", "1979-05-27", "T07:32:00"]
PIECES += ["true", "\r\n", "[[", "]]", "\ufeff", "Z", "+05:00"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A seed file with a few pieces inserted, deleted or replaced."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(PIECES))
        if how == "insert":
            text = text[:at] + piece + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_parse_alike(text: str) -> None:
    fast, slow = both(text.encode("utf-8", "surrogatepass"))
    assert same(fast, slow)
