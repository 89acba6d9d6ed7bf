"""Every edge of ``brief graph`` traceable to its sources, in every format.

A small fixture corpus (written here) has a claim citing two sources in the order that
numbers them backwards, dated claims, a symmetric relation listed under both actors
and names Mermaid has to carry readably. What must hold: each edge's claims carry
their citations (author, year, section) and date; citation numbers rise under a claim;
``--relation`` forgives case, spaces and underscores as the files do; the export's
graph page opens on the picture.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from brief.core.relations import relation_name

from .conftest import run

SOURCES = """
format = 2

[[actors]]
id = "soviet-union"
name = "Soviet Union"
description = "The USSR."

[[actors]]
id = "cuba"
name = "Cuba"
description = "Castro's Cuba."

[[actors]]
id = "united-states"
name = "United States"
description = "The US."

[[actors]]
id = "turkey"
name = "Türkiye (Turkey)"
description = "NATO's eastern flank."

[[sources]]
id = "allison"
title = "Essence of Decision"
kind = "book"
author = "Graham Allison"
date = 1999
reliability = "B"
sections = ["The Quarantine"]

[[sources]]
id = "fursenko"
title = "One Hell of a Gamble"
kind = "book"
author = "Aleksandr Fursenko"
date = 1997
reliability = "B"
"""

CLAIMS = """
format = 2

[[topics]]
id = "crisis"
title = "The crisis"
summary = "October 1962."

[[claims]]
id = "quarantine"
topic = "crisis"
actors = ["united-states", "cuba"]
relation = "sanctions"
text = "Kennedy announced a naval quarantine of Cuba."
credibility = 1
date = 1962-10-22
cites = [{ source = "allison", section = "The Quarantine" }]

[[claims]]
id = "castro-asks"
topic = "crisis"
actors = ["cuba", "soviet-union"]
relation = "pressures"
text = "Castro pressed Moscow for protection."
credibility = 3
date = "1962-08"
cites = [{ source = "allison", section = "The Quarantine" }]

[[claims]]
id = "missiles-sent"
topic = "crisis"
actors = ["soviet-union", "cuba"]
relation = "supports"
text = "Moscow sent missiles to Cuba."
credibility = 2
date = "1962-09"
cites = [{ source = "fursenko" }, { source = "allison", section = "The Quarantine" }]

[[claims]]
id = "jupiters"
topic = "crisis"
actors = ["united-states", "turkey"]
relation = "Allied With"
text = "US Jupiter missiles stood in Turkey."
credibility = 2
cites = [{ source = "allison", section = "The Quarantine" }]
"""


@pytest.fixture
def crisis(tmp_path: Path) -> Path:
    root = tmp_path / "crisis"
    root.mkdir()
    (root / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (root / "crisis.toml").write_text(CLAIMS, encoding="utf-8")
    return root


def brief(corpus: Path, *args: str) -> Any:
    return run("--no-bundled", "--corpus", str(corpus), *args)


def graph_json(corpus: Path, *args: str) -> dict[str, Any]:
    result = brief(corpus, "graph", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def claim_of(data: dict[str, Any], ident: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        c for e in data["edges"] for c in e["claims"] if c["id"] == ident
    ]
    assert found, ident
    return found[0]


# -- JSON ----------------------------------------------------------------------------------


def test_json_edge_claims_carry_their_citations_and_date(crisis: Path) -> None:
    data = graph_json(crisis)
    sent = claim_of(data, "missiles-sent")
    assert sent["date"] == "1962-09"
    assert [(c["source"], c["section"]) for c in sent["cites"]] == [
        ("fursenko", None),
        ("allison", "The Quarantine"),
    ]
    first = sent["cites"][0]
    assert first["title"] == "One Hell of a Gamble"
    assert (first["author"], first["year"]) == ("Aleksandr Fursenko", "1997")
    assert isinstance(first["number"], int)
    # numbered as show numbers them: in order of first use, one list for the document
    numbers = {r["number"]: (r["source"], r["section"]) for r in data["references"]}
    for cite in sent["cites"]:
        assert numbers[cite["number"]] == (cite["source"], cite["section"])
    assert claim_of(data, "jupiters")["date"] is None
    assert data["version"] == 2


# -- the order of citation numbers ---------------------------------------------------------


def test_citation_numbers_rise_under_a_claim(crisis: Path) -> None:
    """``missiles-sent`` cites fursenko, then allison; allison is numbered first (a claim
    shown before it cites it), so the numbers are shown ``[1,2]``, not ``[2,1]``."""
    shown = brief(crisis, "show", "crisis", "-f", "plain").stdout
    assert "[1,2]" in shown and "[2,1]" not in shown
    data = json.loads(brief(crisis, "show", "crisis", "-f", "json").stdout)
    refs = [p["refs"] for s in data["sections"] for p in s["claims"]]
    assert all(r == sorted(r) for r in refs) and [1, 2] in refs
    timeline = brief(crisis, "timeline", "crisis", "-f", "plain").stdout
    assert "[1,2]" in timeline and "[2,1]" not in timeline
    long = brief(crisis, "graph", "--long", "-f", "plain").stdout
    assert "[1,2]" in long and "[2,1]" not in long


def test_quotes_keep_the_number_of_the_source_they_quote(tmp_path: Path) -> None:
    """Sorting the numbers shown must not renumber a quote (``show --quotes``)."""
    root = tmp_path / "q"
    root.mkdir()
    (root / "sources.toml").write_text(SOURCES, encoding="utf-8")
    quoted = CLAIMS.replace(
        'cites = [{ source = "fursenko" }, ',
        'cites = [{ source = "fursenko", quote = "sent missiles" }, ',
    )
    (root / "crisis.toml").write_text(quoted, encoding="utf-8")
    data = json.loads(brief(root, "show", "crisis", "--quotes", "-f", "json").stdout)
    point = next(p for s in data["sections"] for p in s["claims"] if p["id"] == "missiles-sent")
    number = point["grade"]["quotes"][0]["ref"]
    source = next(r["source"] for r in data["references"] if r["number"] == number)
    assert source == "fursenko"


# -- --relation forgives as the files do ---------------------------------------------------


@pytest.mark.parametrize(
    "written", ["allied with", "Allied With", "allied_with", "ALLIED-WITH", " allied  with "]
)
def test_relation_option_forgives_case_spaces_and_underscores(crisis: Path, written: str) -> None:
    data = graph_json(crisis, "-r", written)
    assert [e["relation"] for e in data["edges"]] == ["allied-with"]
    assert data["filters"]["relation"] == "allied-with"


def test_relation_option_still_refuses_an_unknown_name(crisis: Path) -> None:
    result = brief(crisis, "graph", "-r", "Sheilds")
    assert result.exit_code == 2
    assert "Did you mean 'shields'?" in result.stderr


def test_one_normalising_function_for_files_and_option() -> None:
    assert relation_name("Trades With") == "trades-with"
    assert relation_name("depends_on") == "depends-on"
    assert relation_name("Supports") == "supports"


# -- plain and terminal: the compact picture, and --long -----------------------------------


def test_plain_header_counts_what_it_lists(crisis: Path) -> None:
    out = brief(crisis, "graph", "-f", "plain").stdout
    head = out.splitlines()[0]
    # four relations, the symmetric one listed under both of its actors, and said so
    assert head == "Relations: 4 actors, 4 relations"
    listed = [ln for ln in out.splitlines() if ln.startswith("   ")]
    assert len(listed) == 5
    assert out.splitlines()[-1] == "allied with: symmetric, listed under both actors"
    assert "Kennedy" not in out  # the compact picture names no claims


def test_long_lists_each_edges_claims_with_numbered_sources(crisis: Path) -> None:
    out = brief(crisis, "graph", "--long", "-f", "plain").stdout
    lines = out.splitlines()
    at = next(i for i, ln in enumerate(lines) if "Moscow sent missiles" in ln)
    claim = " ".join(ln.strip() for ln in lines[at : at + 3])
    assert "[1,2]" in claim and "1962-09" in claim and "B2" in claim
    assert "Sources" in lines
    sources = lines[lines.index("Sources") :]
    first = '[1] Essence of Decision, "The Quarantine" (Graham Allison, 1999)'
    assert any(first in s for s in sources)
    assert any("[2] One Hell of a Gamble (Aleksandr Fursenko, 1997)" in s for s in sources)
    colour = brief(crisis, "graph", "-l", "-f", "terminal", "-w", "100").stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", colour)
    assert "Moscow sent missiles to Cuba." in plain and "Sources" in plain
    assert "One Hell of a Gamble (Aleksandr Fursenko, 1997)" in plain


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_lists_claims_with_citations_and_sources(crisis: Path) -> None:
    out = brief(crisis, "graph", "-f", "markdown").stdout
    assert "Moscow sent missiles to Cuba. \\[1,2\\] · B2 · 1962-09 (`missiles-sent`)" in out
    assert "## Sources" in out
    assert "2. One Hell of a Gamble (Aleksandr Fursenko, 1997)" in out


# -- HTML ----------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "h2" and found.get("id"):
            self.headings.append(str(found["id"]))


def test_html_claims_have_footnotes_that_link_both_ways(crisis: Path) -> None:
    out = brief(crisis, "graph", "-f", "html").stdout
    page = _Links()
    page.feed(out)
    assert "One Hell of a Gamble" in out and "Aleksandr Fursenko, 1997" in out
    inner = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert "ref-1" in inner and "ref-2" in inner
    assert all(target in page.ids for target in inner), set(inner) - page.ids
    assert "1962-09" in out


def test_export_graph_page_opens_on_the_picture(
    crisis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The picture first, then the matrix (each cell a link to its edge), then the
    lists, then the DOT and Mermaid texts."""
    from brief.render.html import svg

    monkeypatch.setattr(svg, "draw", lambda text, timeout=None: svg.Picture("<svg></svg>", None))
    site = tmp_path / "site"
    result = brief(crisis, "export", str(site))
    assert result.exit_code == 0, result.stderr
    body = (site / "graph.html").read_text(encoding="utf-8")
    parsed = _Links()
    parsed.feed(body)
    order = parsed.headings
    assert order.index("picture") < order.index("matrix") < order.index("dot")
    assert body.index('id="picture"') < body.index('class="relations"') < body.index('id="dot"')
    assert body.index('id="matrix"') < body.index('class="relations"')
    cells = re.findall(r'<td[^>]*><a href="#([^"]+)"', body)
    assert len(cells) == 5  # a symmetric relation fills two cells
    assert all(c in parsed.ids for c in cells), set(cells) - parsed.ids


# -- Mermaid -------------------------------------------------------------------------------


def test_mermaid_labels_stay_readable(crisis: Path) -> None:
    out = brief(crisis, "graph", "-f", "mermaid").stdout
    assert '["Türkiye (Turkey)"]' in out
    assert '|"supports (1)"|' in out
    assert "#40;" not in out and "#41;" not in out


def test_mermaid_still_encodes_what_could_break_a_label() -> None:
    from brief.render.graphs import mermaid_text

    assert mermaid_text('a "b" #c <d> & e | f `g` ; [h] {i} %% j') == (
        "a #34;b#34; #35;c #60;d#62; #38; e #124; f #96;g#96; #59; #91;h#93; #123;i#125; #37;#37; j"
    )
    assert mermaid_text("line\nbreak\u2028sep") == "line#10;break#8232;sep"
    readable = "O'Brien, Jr. (1962)! \u2013 Åland ok"
    assert mermaid_text(readable) == readable
