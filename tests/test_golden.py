"""Golden files: the whole output of every command, in every format, pinned.

Each case runs ``brief`` as a user would (through click's runner) on the bundled
corpus or a test corpus, and compares stdout, stderr and the exit code with a file in
``tests/__snapshots__/test_golden/``. A change of output is a deliberate, reviewed
change: run ``pytest tests/test_golden.py --snapshot-update``, read the diff of the
snapshot files, and commit them with the change that caused it.

Terminal output is pinned with its escape codes, at 40 and 100 columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from brief.cli import cli

CORPORA = Path(__file__).parent / "corpora"


class TextSnapshot(SingleFileSnapshotExtension):
    """One readable text file per case."""

    _write_mode = WriteMode.TEXT
    _file_extension = "txt"


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextSnapshot)


#: (format name, command-line options, COLUMNS)
FORMATS: list[tuple[str, tuple[str, ...], int]] = [
    ("plain", ("--format", "plain"), 80),
    ("markdown", ("--format", "markdown"), 80),
    ("json", ("--format", "json"), 80),
    ("terminal40", ("--format", "terminal"), 40),
    ("terminal100", ("--format", "terminal"), 100),
    ("html", ("--format", "html"), 80),
]

BUNDLED_TOPICS = [
    "history",
    "economy",
    "geopolitics",
    "military",
    "human-rights",
    "sanctions",
    "nuclear",
    "investment",
    "diplomacy",
    "security",
    "korean-unification",
    "outlook",
]
BUNDLED_ACTORS = [
    "china",
    "russia",
    "north-korea",
    "south-korea",
    "united-states",
    "un",
    "japan",
    "us-allies",
]

#: name -> (corpus options, command)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bundled-show-topics": ((), ("show", *BUNDLED_TOPICS)),
    "bundled-show-actors": ((), ("show", *BUNDLED_ACTORS)),
    "bundled-show-sources": ((), ("show", "why-china", "china-russia")),
    "bundled-list-topics": ((), ("list", "topics")),
    "bundled-list-actors": ((), ("list", "actors")),
    "bundled-list-sources": ((), ("list", "sources")),
    "bundled-list-tags": ((), ("list", "tags")),
    "bundled-list-filtered": ((), ("list", "topics", "--actor", "russia", "--tag", "china")),
    "bundled-list-names": ((), ("list", "names")),
    "layered-list-long": (("--corpus", "{mini}"), ("list", "actors", "--long")),
    "bundled-compare-actors": ((), ("compare", "china", "russia")),
    "bundled-compare-diff-only": ((), ("compare", "china", "russia", "--diff-only")),
    "bundled-compare-three": ((), ("compare", "china", "russia", "north-korea", "-t", "nuclear")),
    "bundled-compare-topics": ((), ("compare", "sanctions", "diplomacy")),
    "bundled-compare-sources": ((), ("compare", "why-china", "china-russia")),
    "bundled-conflicts": ((), ("conflicts",)),
    "bundled-search": ((), ("search", "sanction")),
    "bundled-search-filtered": ((), ("search", "china", "--actor", "russia", "-n", "5")),
    "mini-show-all": (
        ("--no-bundled", "--corpus", "{mini}"),
        ("show", "security", "trade", "china", "russia", "north-korea", "atlas", "ledger"),
    ),
    "mini-list-topics": (("--no-bundled", "--corpus", "{mini}"), ("list",)),
    "mini-compare": (("--no-bundled", "--corpus", "{mini}"), ("compare", "china", "russia")),
    "mini-compare-sources": (
        ("--no-bundled", "--corpus", "{mini}"),
        ("compare", "atlas", "ledger"),
    ),
    "mini-conflicts": (("--no-bundled", "--corpus", "{mini}"), ("conflicts",)),
    "mini-search": (("--no-bundled", "--corpus", "{mini}"), ("search", "china")),
    "hostile-show-all": (
        ("--no-bundled", "--corpus", "{hostile}"),
        ("show", "hostile", "mallory", "leak"),
    ),
    "hostile-list-topics": (("--no-bundled", "--corpus", "{hostile}"), ("list",)),
    "hostile-conflicts": (("--no-bundled", "--corpus", "{hostile}"), ("conflicts",)),
    "hostile-search": (("--no-bundled", "--corpus", "{hostile}"), ("search", "claim")),
    "analyst-show-all": (
        ("--no-bundled", "--corpus", "{analyst}"),
        ("show", "harbour", "fishers-union", "harbour-report", "wire-note"),
    ),
    "analyst-show-quotes": (
        ("--no-bundled", "--corpus", "{analyst}"),
        ("show", "harbour", "--quotes"),
    ),
    "leftout-show-all": (
        ("--no-bundled", "--corpus", "{leftout}"),
        ("show", "pump", "theory", "snow", "report"),
    ),
    "leftout-compare-actors": (
        ("--no-bundled", "--corpus", "{leftout}"),
        ("compare", "snow", "vestry"),
    ),
    "analyst-show-min-grade": (
        ("--no-bundled", "--corpus", "{analyst}"),
        ("show", "harbour", "--min-grade", "B3"),
    ),
    "analyst-claims": (("--no-bundled", "--corpus", "{analyst}"), ("claims",)),
    "analyst-claims-filtered": (
        ("--no-bundled", "--corpus", "{analyst}"),
        ("claims", "--status", "alleged", "--source", "coast-article", "--since", "2020"),
    ),
    "analyst-timeline": (("--no-bundled", "--corpus", "{analyst}"), ("timeline",)),
    "analyst-timeline-actor": (
        ("--no-bundled", "--corpus", "{analyst}"),
        ("timeline", "port-authority", "--quotes", "--min-grade", "3"),
    ),
    "bundled-claims-topic": ((), ("claims", "--topic", "nuclear")),
    "relations-show-actors": (
        ("--no-bundled", "--corpus", "{relations}"),
        ("show", "china", "north-korea", "un"),
    ),
    "relations-graph-filtered": (
        ("--no-bundled", "--corpus", "{relations}"),
        ("graph", "china", "--relation", "shields", "--relation", "trades-with"),
    ),
    "bundled-timeline": ((), ("timeline", "nuclear")),
}

#: Commands with their own formats, and failures: pinned once each.
SINGLE: dict[str, tuple[str, ...]] = {
    "validate-bundled": ("validate",),
    "validate-bundled-json": ("validate", "--format", "json"),
    "validate-mini": ("--no-bundled", "validate", "{mini}"),
    "validate-hostile": ("--no-bundled", "validate", "{hostile}"),
    "validate-hostile-json": ("--no-bundled", "validate", "{hostile}", "-f", "json"),
    "validate-analyst": ("--no-bundled", "validate", "{analyst}"),
    "validate-analyst-json": ("--no-bundled", "validate", "{analyst}", "-f", "json"),
    "validate-knockons-html": ("--no-bundled", "validate", "{knockons}", "-f", "html"),
    "validate-knockons": ("--no-bundled", "validate", "{knockons}"),
    "validate-knockons-json": ("--no-bundled", "validate", "{knockons}", "-f", "json"),
    "validate-leftout": ("--no-bundled", "validate", "{leftout}"),
    "warnings-knockons": ("--no-bundled", "--corpus", "{knockons}", "show", "pump", "theory"),
    "error-unknown-name": ("show", "sanctoins"),
    "error-wrong-kind": ("compare", "china", "sanctions"),
    "error-no-results": ("search", "zzzzqqq"),
    "error-unknown-actor-filter": ("search", "china", "--actor", "chna"),
    "error-unknown-tag": ("list", "--tag", "nothing-like-it"),
    "error-usage": ("show",),
    "analyst-claims-fields": (
        "--no-bundled",
        "--corpus",
        "{analyst}",
        "claims",
        "-f",
        "json",
        "--fields",
        "id,grade,date",
    ),
    "error-claims-no-match": ("--no-bundled", "--corpus", "{analyst}", "claims", "--by", "port"),
    "error-hostile-left-out": ("--no-bundled", "--corpus", "{hostile}", "show", "keyed"),
    "validate-relations": ("--no-bundled", "validate", "{relations}"),
    "error-graph-no-match": (
        "--no-bundled",
        "--corpus",
        "{relations}",
        "graph",
        "un",
        "--relation",
        "supports",
    ),
    "error-graph-format-elsewhere": ("show", "china", "--format", "dot"),
    # the bundled corpus's relations: the picture its readers see first
    "bundled-graph-terminal80": ("graph", "--format", "terminal"),
    "bundled-graph-plain": ("graph", "--format", "plain"),
    "bundled-graph-json": ("graph", "--format", "json"),
    "bundled-graph-dot": ("graph", "--format", "dot"),
    "bundled-graph-mermaid": ("graph", "--format", "mermaid"),
}

#: ``brief graph`` of the relations corpus in every format it takes, the terminal at three
#: widths (the matrix shows only where it fits): (format name, options, COLUMNS).
GRAPH_FORMATS: list[tuple[str, tuple[str, ...], int]] = [
    ("terminal40", ("--format", "terminal"), 40),
    ("terminal80", ("--format", "terminal"), 80),
    ("terminal120", ("--format", "terminal"), 120),
    ("plain", ("--format", "plain"), 80),
    ("markdown", ("--format", "markdown"), 80),
    ("json", ("--format", "json"), 80),
    ("dot", ("--format", "dot"), 80),
    ("mermaid", ("--format", "mermaid"), 80),
    ("html", ("--format", "html"), 80),
]


def _invoke(args: tuple[str, ...], columns: int, monkeypatch: pytest.MonkeyPatch) -> str:
    argv = [
        a.format(
            mini="mini",
            hostile="hostile",
            analyst="analyst",
            knockons="knockons",
            leftout="leftout",
            relations="relations",
        )
        for a in args
    ]
    monkeypatch.chdir(CORPORA)  # so messages name the test corpora the same on every machine
    env: dict[str, Any] = {"COLUMNS": str(columns)}
    result = CliRunner().invoke(cli, argv, env=env, catch_exceptions=False)
    return (
        f"$ brief {' '.join(args)}\n"
        f"exit: {result.exit_code}\n"
        f"--- stderr\n{result.stderr}"
        f"--- stdout\n{result.stdout}"
    )


@pytest.mark.parametrize("fmt", FORMATS, ids=[f[0] for f in FORMATS])
@pytest.mark.parametrize("case", sorted(CASES))
def test_command_output(
    case: str,
    fmt: tuple[str, tuple[str, ...], int],
    golden: SnapshotAssertion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus, command = CASES[case]
    _, options, columns = fmt
    assert _invoke((*corpus, *command, *options), columns, monkeypatch) == golden


@pytest.mark.parametrize("case", sorted(SINGLE))
def test_single_output(
    case: str, golden: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _invoke(SINGLE[case], 80, monkeypatch) == golden


#: Layouts only a wide terminal gets: the claims table (narrower, cards), at 160 columns.
WIDE: dict[str, tuple[str, ...]] = {
    "analyst-claims-terminal160": (
        "--no-bundled",
        "--corpus",
        "{analyst}",
        "claims",
        "-f",
        "terminal",
    ),
    "bundled-claims-topic-terminal160": ("claims", "--topic", "sanctions", "-f", "terminal"),
}


@pytest.mark.parametrize("case", sorted(WIDE))
def test_wide_output(case: str, golden: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _invoke(WIDE[case], 160, monkeypatch) == golden


#: The pages of an export pinned whole: one of each kind (the rest are alike).
EXPORT_PAGES = ("index.html", "topic-trade.html", "actor-china.html", "source-atlas.html")


def test_export_tree(
    golden: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``brief export`` of the mini corpus: its files, and a page of each kind."""
    monkeypatch.chdir(CORPORA)
    site = tmp_path / "site"
    result = CliRunner().invoke(
        cli, ["--no-bundled", "--corpus", "mini", "export", str(site)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in site.iterdir())
    shown = [f"exit: {result.exit_code}", "--- files", *files]
    for name in (*EXPORT_PAGES, "conflicts.html", "graph.html"):
        shown += [f"--- {name}", (site / name).read_text(encoding="utf-8")]
    assert "\n".join(shown) == golden


def test_export_graph_page(
    golden: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The export of the relations corpus: its graph page, and an actor's page linking to
    it. Without Graphviz's picture, which changes with Graphviz's version (its own tests
    are in tests/test_htmlgraph.py)."""
    from brief.render.html import svg

    monkeypatch.setattr(svg, "find_dot", lambda: None)
    monkeypatch.chdir(CORPORA)
    site = tmp_path / "site"
    result = CliRunner().invoke(
        cli, ["--no-bundled", "--corpus", "relations", "export", str(site)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    shown = [f"exit: {result.exit_code}", "--- files", *sorted(p.name for p in site.iterdir())]
    for name in ("graph.html", "actor-china.html"):
        shown += [f"--- {name}", (site / name).read_text(encoding="utf-8")]
    assert "\n".join(shown) == golden


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=[f[0] for f in GRAPH_FORMATS])
def test_graph_output(
    fmt: tuple[str, tuple[str, ...], int],
    golden: SnapshotAssertion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, options, columns = fmt
    command = ("--no-bundled", "--corpus", "{relations}", "graph", *options)
    assert _invoke(command, columns, monkeypatch) == golden
