"""What contests a claim (``views.contest``), and that every output says why.

A claim is contested when it is itself ``disputed``, or contradicted by a claim the
corpus does not doubt (neither ``disputed`` nor graded credibility 4 or 5). The fixture
``tests/corpora/contest`` has a sound claim contradicted only by doubted ones (a cover
story graded improbable, a disputed claim), one contradicted by a sound claim, and one
disputed and contradicted by a sound claim.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from brief.corpus.load import Layer
from brief.store import open_store
from brief.views.contest import contesting, doubted, is_contested
from tests.conftest import CORPORA, run
from tests.test_tui import SIZE, make_app, page

ROOT = CORPORA / "contest"
CORPUS = ("--no-bundled", "--corpus", str(ROOT))


def graph_claims() -> dict[str, dict[str, Any]]:
    data = json.loads(run(*CORPUS, "graph", "-f", "json").stdout)
    return {c["id"]: c for e in data["edges"] for c in e["claims"]}


def test_the_rule() -> None:
    index = open_store([Layer(str(ROOT), "contest")], use_cache=False).index()
    claims = index.claims
    assert doubted(claims["cover-story"])  # credibility 5, reported
    assert doubted(claims["peacekeeping"])  # disputed
    assert not doubted(claims["france-neutral"])  # credibility 3
    # a claim contradicted only by doubted ones is not contested
    assert index.contested["plan-agreed"] == ("cover-story", "peacekeeping")
    assert contesting(index, claims["plan-agreed"]) == ()
    assert not is_contested(index, claims["plan-agreed"])
    assert contesting(index, claims["france-opposes"]) == ("france-neutral",)
    assert is_contested(index, claims["france-opposes"])
    # the other way round: the doubted claims are contested by the sound one
    assert contesting(index, claims["cover-story"]) == ("plan-agreed",)
    assert is_contested(index, claims["britain-depends"])


def test_json_says_which_claims_contest_each_claim_of_an_edge() -> None:
    claims = graph_claims()
    assert (claims["plan-agreed"]["contested"], claims["plan-agreed"]["contested_by"]) == (
        False,
        [],
    )
    assert claims["france-opposes"]["contested_by"] == ["france-neutral"]
    assert claims["britain-depends"]["contested"] is True
    assert claims["britain-depends"]["contested_by"] == ["oil-through-canal"]
    data = json.loads(run(*CORPUS, "graph", "-f", "json").stdout)
    flagged = {(e["subject"], e["relation"], e["object"]) for e in data["edges"] if e["contested"]}
    assert flagged == {("france", "opposes", "egypt"), ("britain", "depends-on", "egypt")}


def test_graph_long_says_why_a_claim_is_contested() -> None:
    plain = run(*CORPUS, "graph", "--long", "-f", "plain", "-w", "100").stdout
    assert "contested: contradicted by “France stayed neutral towards Egypt.” (france-neutral)" in (
        plain
    )
    assert "contested: disputed; contradicted by “Britain's oil came through" in plain
    assert "   allied with  France  1 claim · reported · A1\n" in plain  # not marked
    flat = " ".join(plain.split())  # the legend, wrapped
    assert "or contradicted by a claim that is neither disputed nor graded doubtful" in flat
    assert "grade after an edge: the best among its claims" in plain
    markdown = run(*CORPUS, "graph", "-f", "markdown").stdout
    assert "contested: contradicted by “France stayed neutral towards Egypt.”" in markdown


def test_show_marks_a_relation_by_the_same_rule() -> None:
    data = json.loads(run(*CORPUS, "show", "britain", "-f", "json").stdout)
    said = {(r["kind"], r["other"]): r["contested"] for r in data["relations"]}
    assert said == {("depends-on", "egypt"): True, ("allied-with", "france"): False}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_says_why_and_links_the_contesting_claim_in_an_export(tmp_path: Any) -> None:
    html = run(*CORPUS, "graph", "-f", "html").stdout
    parser = _Text()
    parser.feed(html)
    text = "".join(parser.text)
    assert (
        "⚠ contested (contradicted by “France stayed neutral towards Egypt.” (france-neutral))"
        in (text)
    )
    assert "⚠ contested (disputed; contradicted by" in text
    run(*CORPUS, "export", str(tmp_path / "site"))
    graph_page = (tmp_path / "site" / "graph.html").read_text()
    assert '(contradicted by <a href="topic-war.html#claim-france-neutral">' in graph_page


async def test_the_tui_edge_page_says_a_doubted_contradiction_does_not_contest() -> None:
    app = make_app(ROOT, start="britain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        edges = [t.split("\n")[0] for t in page(app) if t.startswith("Britain ")]
        assert edges == ["Britain depends on Egypt", "Britain allied with France"]
        await pilot.press("down", "enter")
        text = "\n".join(page(app))
        assert "Britain allied with France" in text
        assert "contested" not in text.split("\n")[1]  # the edge's details line
        assert "contradicted by a claim (graded improbable, so it does not contest this one)" in (
            text
        )
        assert "contradicted by a claim (disputed, so it does not contest this one)" in text
        assert "⚡ contradicted by:" not in text
