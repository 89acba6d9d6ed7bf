"""Relations (format 2's ``relation``), ``brief graph`` and an actor's relations in ``show``.

The fixture corpus ``tests/corpora/relations`` has directed and symmetric relations, a
symmetric one written from both sides, a contested edge and a claim with a relation left
out for its own problem. Its outputs are pinned by tests/test_golden.py; these tests say
what must hold of them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from brief.core.relations import BY_NAME, NAMES, RELATIONS
from brief.views.graph import SHORT

from .conftest import CORPORA, run, unlined

RELATIONS_CORPUS = CORPORA / "relations"
CORPUS = ("--no-bundled", "--corpus", str(RELATIONS_CORPUS))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    dest = tmp_path / "relations"
    shutil.copytree(RELATIONS_CORPUS, dest)
    return dest


def graph_json(*args: str) -> dict[str, Any]:
    result = run(*CORPUS, "graph", *args, "-f", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def edges(data: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(e["subject"], e["relation"], e["object"]) for e in data["edges"]}


# -- the vocabulary ------------------------------------------------------------------------


def test_the_vocabulary_is_the_agreed_one() -> None:
    """Other corpora are written with exactly these names."""
    assert set(NAMES) == {
        "supports",
        "opposes",
        "pressures",
        "sanctions",
        "shields",
        "trades-with",
        "allied-with",
        "depends-on",
    }
    assert {r.name for r in RELATIONS if r.symmetric} == {"trades-with", "allied-with"}
    assert set(SHORT) == set(NAMES) and len(set(SHORT.values())) == len(NAMES)


def test_format_md_lists_the_vocabulary() -> None:
    from .test_docs import DOCS, section, table_rows

    rows = table_rows(section((DOCS / "format.md").read_text(), "### Relation vocabulary"))
    assert [(r[0].strip("`"), r[1]) for r in rows] == [
        (r.name, "yes" if r.symmetric else "no") for r in RELATIONS
    ]
    assert all(BY_NAME[r[0].strip("`")].meaning in r[2] for r in rows)


def test_the_json_schema_offers_the_relations() -> None:
    result = run("schema")
    relation = json.loads(result.stdout)["$defs"]["claims"]["properties"]["relation"]
    assert relation["anyOf"][0]["enum"] == list(NAMES)  # what editors complete
    assert "shields: A protects B" in relation["description"]


# -- BRIEF021: a relation that cannot be used is dropped, the claim kept ---------------------


def _validate(corpus: Path) -> list[str]:
    result = run("--no-bundled", "validate", str(corpus))
    assert result.exit_code == 1
    return [line for line in unlined(result.stdout).splitlines() if "BRIEF021" in line]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'relation = "shields"\ntext = "China blocks',
            'relation = "sheilds"\ntext = "China blocks',
            "claims[1].relation: unknown relation 'sheilds' (did you mean 'shields'?); "
            "the claim is kept without its relation",
        ),
        (
            'actors = ["china", "north-korea"]\nrelation = "shields"',
            'actors = ["china"]\nrelation = "shields"',
            "claims[1].relation: relation 'shields' needs two actors or more: the subject "
            "first, then who it shields; the claim is kept without its relation",
        ),
        (
            'actors = ["china", "north-korea"]\nrelation = "shields"',
            'actors = ["chna", "north-korea"]\nrelation = "shields"',
            "claims[1].relation: relation 'shields' dropped: its subject 'chna' cannot be "
            "used; the claim is kept without its relation",
        ),
        (
            "format = 2",
            "format = 1",
            "claims[0].relation: 'relation' needs format 2 (write: format = 2 at the top of "
            "the file); the claim is kept without its relation",
        ),
    ],
    ids=["unknown", "one actor", "unknown subject", "format 1"],
)
def test_a_relation_that_cannot_be_used_is_one_line_and_the_claim_is_kept(
    corpus: Path, old: str, new: str, expected: str
) -> None:
    path = corpus / "relations.toml"
    text = path.read_text()
    assert old in text
    if old == "format = 2":  # a format-1 file: its other format-2 keys go too
        text = re.sub(r"\n(credibility|by|likelihood|confidence) = .*", "", text)
        text = text.replace('status = "assessment"\n', "")
    path.write_text(text.replace(old, new, 1))
    lines = _validate(corpus)
    assert f"{path}: {expected} [BRIEF021]" in lines
    claimed = run("--no-bundled", "--corpus", str(corpus), "claims", "-f", "json")
    ids = {c["id"] for c in json.loads(claimed.stdout)["claims"]}
    shown = "un-sanctions-nk" if old == "format = 2" else "china-shields-nk"
    assert shown in ids, "the claim is kept"
    graph = run("--no-bundled", "--corpus", str(corpus), "graph", "-f", "json")
    stated = {c for e in json.loads(graph.stdout)["edges"] for c in e["claim_ids"]}
    assert shown not in stated, "without its relation"


def test_relation_names_forgive_case_spaces_and_underscores() -> None:
    data = graph_json("--relation", "trades-with")
    (edge,) = data["edges"]
    assert edge["claim_ids"] == ["china-trades-nk", "nk-trades-china"]  # "Trades With"


# -- the graph -----------------------------------------------------------------------------


def test_a_symmetric_relation_is_one_edge_whichever_actor_comes_first() -> None:
    data = graph_json()
    trades = [e for e in data["edges"] if e["relation"] == "trades-with"]
    assert len(trades) == 1 and trades[0]["symmetric"] is True
    assert (trades[0]["subject"], trades[0]["object"]) == ("china", "north-korea")
    assert trades[0]["firmness"] == "1 reported, 1 alleged"


def test_an_edge_whose_claim_is_contradicted_is_contested() -> None:
    data = graph_json()
    contested = [
        (e["subject"], e["relation"], e["object"]) for e in data["edges"] if e["contested"]
    ]
    assert contested == [("china", "supports", "north-korea")]
    plain = run(*CORPUS, "graph", "-f", "plain").stdout
    assert " ! supports     North Korea  1 claim · assessment · source B · contested" in plain


def test_a_claim_left_out_is_in_no_edge() -> None:
    data = graph_json()
    assert ("russia", "sanctions", "united-states") not in edges(data)
    assert all("russia-sanctions-us" not in e["claim_ids"] for e in data["edges"])


def test_a_skipped_file_adds_no_edge(corpus: Path) -> None:
    (corpus / "broken.toml").write_text(
        'format = 2\n[[claims]]\nid = "x"\ntopic = "trade"\nactors = ["un", "china"]\n'
        'relation = "opposes"\ntext = "T."\ncites = [{ source = "wire-report" }]\n[[claims\n'
    )
    result = run("--no-bundled", "--corpus", str(corpus), "graph", "-f", "json")
    assert ("un", "opposes", "china") not in edges(json.loads(result.stdout))
    assert "broken.toml" in result.stderr


def test_names_are_actors_or_topics_and_filters_combine() -> None:
    assert edges(graph_json("un")) == {("un", "sanctions", "north-korea")}
    assert edges(graph_json("trade", "--relation", "depends-on")) == {
        ("north-korea", "depends-on", "china")
    }
    assert edges(graph_json("--topic", "trade", "--min-grade", "B1")) == {
        ("china", "trades-with", "north-korea")
    }
    data = graph_json("dprk", "--relation", "shields")
    assert data["filters"] == {"actor": "north-korea", "relation": "shields"}
    assert {n["id"] for n in data["nodes"]} == {"china", "russia", "north-korea"}


def test_a_source_name_or_an_unknown_relation_is_a_clear_error() -> None:
    result = run(*CORPUS, "graph", "wire-report")
    assert result.exit_code == 1
    assert "'wire-report' is a source, not an actor or topic" in result.stderr
    result = run(*CORPUS, "graph", "--relation", "sheilds")
    assert result.exit_code == 2
    assert "Did you mean 'shields'?" in result.stderr


def test_no_relation_follows_the_empty_results_rule() -> None:
    for fmt, out in (("plain", ""), ("dot", ""), ("mermaid", "")):
        result = run(*CORPUS, "graph", "un", "-r", "supports", "-f", fmt)
        assert (result.exit_code, result.stdout) == (1, out)
        assert "no relations match actor 'un', relation 'supports'" in result.stderr
    result = run(*CORPUS, "graph", "un", "-r", "supports", "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["edges"] == []
    result = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "graph")
    assert result.exit_code == 1 and "no relations in this corpus" in result.stderr


@pytest.mark.parametrize("command", [("show", "china"), ("list",), ("claims",)])
@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_graph_formats_are_refused_elsewhere_by_name(command: tuple[str, ...], fmt: str) -> None:
    result = run(*CORPUS, *command, "--format", fmt)
    assert result.exit_code == 2
    assert f"'{fmt}' is a graph format: only 'brief graph' draws it" in result.stderr


def test_the_terminal_shows_the_matrix_only_where_it_fits() -> None:
    def terminal(columns: int) -> str:
        return run(*CORPUS, "graph", "-f", "terminal", "-w", str(columns)).stdout

    assert "rows act on columns" in terminal(80)
    narrow = terminal(40)
    assert "rows act on columns" not in narrow
    plain = re.sub(r"\x1b\[[0-9;]*m", "", narrow)
    assert max(len(line) for line in plain.splitlines()) <= 40
    assert " ! supports" in plain  # contested, readable without colour


def test_a_terminal_too_narrow_for_the_matrix_is_told_the_width_it_needs() -> None:
    def terminal(columns: int) -> str:
        shown = run(*CORPUS, "graph", "-f", "terminal", "-w", str(columns)).stdout
        return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", shown).split())

    said = re.search(r"matrix of who acts on whom needs (\d+) columns; this has 50", terminal(50))
    assert said is not None
    need = int(said.group(1))
    assert "rows act on columns" in terminal(need)
    assert "needs" not in terminal(need)
    assert "rows act on columns" not in terminal(need - 1)
    assert f"needs {need} columns; this has {need - 1}" in terminal(need - 1)


def test_the_matrix_gives_whole_names_where_the_width_has_room(tmp_path: Path) -> None:
    """A trial saw "Suez Canal Author…" at 140 columns, with the line half empty."""
    import shutil

    from brief.render.graphterm import NAME_LIMIT

    corpus = tmp_path / "relations"
    shutil.copytree(CORPUS[-1], corpus)
    actors = corpus / "actors.toml"
    long = "The People's Republic of China"  # longer than NAME_LIMIT
    assert len(long) > NAME_LIMIT
    actors.write_text(actors.read_text().replace('name = "China"', f'name = "{long}"', 1))

    def matrix(columns: int) -> list[str]:
        shown = run(
            "--no-bundled", "--corpus", str(corpus), "graph", "-f", "terminal", "-w", str(columns)
        ).stdout
        return re.sub(r"\x1b\[[0-9;]*m", "", shown).splitlines()

    wide = matrix(140)
    assert any(long in line for line in wide)
    assert all(len(line) <= 140 for line in wide)
    seen = set()
    for columns in range(40, 141, 4):  # whole, else cut no shorter than NAME_LIMIT
        lines = matrix(columns)
        assert all(len(line) <= columns for line in lines)
        row = next((x for x in lines if re.match(r"\d+ The People", x)), None)
        if row is not None and long not in row:
            cut = row.split(" ", 1)[1].split("…")[0] + "…"
            assert long.startswith(cut[:-1]) and len(cut) >= NAME_LIMIT, row
            seen.add("cut")
        elif row is not None:
            seen.add("whole")
    assert seen == {"cut", "whole"}


# -- show ACTOR ----------------------------------------------------------------------------


def test_show_actor_lists_its_relations_both_ways() -> None:
    data = json.loads(run(*CORPUS, "show", "china", "-f", "json").stdout)
    said = [(r["words"], r["other"], r["contested"]) for r in data["relations"]]
    assert said[0] == ("supports", "north-korea", True)
    assert ("trades with", "north-korea", False) in said
    assert ("sanctioned by", "united-states", False) in said
    assert ("depended on by", "north-korea", False) in said
    assert list(data)[:7] == ["version", "kind", "id", "title", "summary", "facts", "relations"]
    plain = run(*CORPUS, "show", "china", "-f", "plain").stdout
    assert plain.index("Relations") < plain.index("Sanctions")  # near the top
    assert "! supports North Korea (1 claim, contested)" in plain


# -- DOT and Mermaid -----------------------------------------------------------------------

HOSTILE_NAMES = [
    'Quote " ] ; "evil" -> "x" [label="pwned"',
    "Back\\slash \\N \\G \\l end\\",
    "Pipe | ---|x| n1 --> n2 %% comment",
    "Angle <script>alert(1)</script> & #35; `code`",
    'Brackets ["]"] {curly} (round) ((double))',
]


def hostile_corpus(tmp_path: Path) -> Path:
    """The hostile corpus, with a format-2 file relating actors with hostile names."""
    dest = tmp_path / "hostile"
    shutil.copytree(CORPORA / "hostile", dest)
    lines = ["format = 2"]
    for i, name in enumerate(HOSTILE_NAMES):
        quoted = json.dumps(name)  # a TOML basic string is a JSON string
        lines += ["[[actors]]", f'id = "h{i}"', f"name = {quoted}", 'description = "D."']
    lines += ["[[topics]]", 'id = "ties"', 'title = "Ties"', 'summary = "S."']
    lines += ["[[sources]]", 'id = "ties-src"', 'title = "T"', 'kind = "other"']
    for i in range(len(HOSTILE_NAMES)):
        relation = "trades-with" if i % 2 else "opposes"
        lines += [
            "[[claims]]",
            f'id = "tie-{i}"',
            'topic = "ties"',
            f'actors = ["h{i}", "h{(i + 1) % len(HOSTILE_NAMES)}", "mallory"]',
            f'relation = "{relation}"',
            'text = "T."',
            'cites = [{ source = "ties-src" }]',
        ]
    (dest / "ties.toml").write_text("\n".join(lines) + "\n")
    return dest


def _graph(corpus: Path, fmt: str) -> str:
    result = run("--no-bundled", "--corpus", str(corpus), "graph", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_hostile_names_cannot_break_out_of_mermaid(tmp_path: Path) -> None:
    out = _graph(hostile_corpus(tmp_path), "mermaid")
    # inside the quotes: nothing that ends a label or is markup, but as an entity code
    label = r'"(?:[^"#;<>&|`%\[\]{}\\\x00-\x1f\x7f]|#\d+;)*"'
    node = re.compile(rf"  n\d+\[{label}\]")
    edge = re.compile(rf"  n\d+ (-->|---|-\.->|-\.-)\|{label}\| n\d+")
    comment = re.compile(r"  %% claims: [a-z0-9-]+(, [a-z0-9-]+)*")
    said = re.compile(rf"  %% {label[1:-1]}")  # claims left out: coded as a label is
    body = out.splitlines()
    assert body[0] == "flowchart LR"
    for line in body[1:]:
        assert any(x.fullmatch(line) for x in (node, edge, comment, said)), line
    assert sum(1 for line in body if node.fullmatch(line)) == len(HOSTILE_NAMES) + 1  # mallory


def _dot_statements(text: str) -> list[list[str]]:
    """The statements of a DOT graph's body as Graphviz reads them: quoted strings are one
    token each, whatever they hold."""
    token = re.compile(r'"(?:[^"\\]|\\.)*"|->|[\[\]=,;]|[^"\s\[\]=,;]+')
    statements: list[list[str]] = [[]]
    body = text.split("{", 1)[1].rsplit("}", 1)[0]
    body = re.sub(r"^  //.*$", "", body, flags=re.M)  # a line's comment: to its end
    for tok in token.findall(body):
        if tok == ";":
            statements.append([])
        else:
            statements[-1].append(tok)
    return [s for s in statements if s]


def _shape(statement: list[str]) -> str:
    """``node``, ``edge`` or ``other``, by the tokens that begin *statement*."""
    if statement[0].startswith('"') and statement[1:2] == ["["]:
        return "node"
    if statement[0].startswith('"') and statement[1:2] == ["->"] and statement[3:4] == ["["]:
        return "edge"
    return "other"


def test_hostile_names_cannot_break_out_of_dot(tmp_path: Path) -> None:
    out = _graph(hostile_corpus(tmp_path), "dot")
    statements = _dot_statements(out)
    shapes = [_shape(s) for s in statements]
    assert shapes.count("node") == len(HOSTILE_NAMES) + 1  # and mallory
    assert shapes.count("edge") == 2 * len(HOSTILE_NAMES)  # each claim: two objects
    assert shapes.count("other") == 1  # node [shape=box]
    for statement in statements:  # attributes: key = "value" pairs, nothing else
        if _shape(statement) != "other":
            inside = statement[statement.index("[") + 1 : -1]
            assert statement[-1] == "]"
            for i in range(0, len(inside), 4):
                key, eq, value = inside[i : i + 3]
                assert re.fullmatch("[a-z]+", key) and eq == "=" and value.startswith('"')
    for name in HOSTILE_NAMES:
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        assert f'[label="{escaped}"]' in out


def dot_program() -> str:
    found = shutil.which("dot")
    if found is None and os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail("Graphviz's dot is not installed, and CI must run this test (.ci/run)")
    if found is None:
        pytest.skip("Graphviz's dot is not installed")
    assert found is not None
    return found


@pytest.mark.parametrize("which", ["fixture", "hostile"])
def test_graphviz_reads_the_dot_output(tmp_path: Path, which: str) -> None:
    program = dot_program()
    corpus = RELATIONS_CORPUS if which == "fixture" else hostile_corpus(tmp_path)
    text = _graph(corpus, "dot")
    svg = subprocess.run(
        [program, "-Tsvg"], input=text.encode(), capture_output=True, timeout=60, check=False
    )
    assert svg.returncode == 0, svg.stderr.decode()
    assert not svg.stderr, svg.stderr.decode()  # no warning: every statement read as meant
    drawn = svg.stdout.decode()
    nodes = len(re.findall(r'<g id="node\d+" class="node">', drawn))
    arrows = len(re.findall(r'<g id="edge\d+" class="edge">', drawn))
    shapes = [_shape(s) for s in _dot_statements(text)]
    assert (nodes, arrows) == (shapes.count("node"), shapes.count("edge"))
    if which == "fixture":
        assert "pressures (1)" in drawn and "<script" not in drawn
    else:
        assert "<script>" not in drawn  # escaped as text in the SVG


@pytest.mark.parametrize("no_cache", ["1", ""], ids=["files", "cache"])
def test_a_claim_behind_an_edge_says_who_alleges_it(no_cache: str) -> None:
    """A trial's `graph -f markdown` showed an alleged claim's grade and date, not who
    alleges it, where `show` does."""
    env = {"BRIEF_NO_CACHE": no_cache}
    for _ in range(2):  # the second run from the cache, if there is one
        doc = json.loads(run("graph", "-f", "json", env=env).stdout)
        claims = {c["id"]: c for e in doc["edges"] for c in e["claims"]}
        assert claims["sanctions-china-accused-of-ignoring"]["by"] == "unnamed accusers"
        assert claims["security-shield-from-adversaries"]["by"] is None
        markdown = run("graph", "--long", "-f", "markdown", env=env).stdout
        assert "\\[7\\] · D3 · by unnamed accusers (`sanctions-china-accused-of-ignoring`)" in (
            markdown
        )
        html = run("graph", "--long", "-f", "html", env=env).stdout
        assert '<span class="by">by unnamed accusers</span>' in html
