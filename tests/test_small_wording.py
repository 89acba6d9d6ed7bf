"""Small things a new reader tripped on: the matrix's order, relation counts, a symmetric
relation read from the page's actor, and what a timeline says of undated claims."""

from __future__ import annotations

import json

from brief.core.relations import NAMES
from brief.views.graph import SHORT
from tests.conftest import run
from tests.test_contest import ROOT as CONTEST
from tests.test_tui import SIZE, make_app, page


def test_matrix_cells_list_relations_in_vocabulary_order() -> None:
    data = json.loads(run("graph", "-f", "json").stdout)
    assert data["edges"]  # the bundled corpus has a picture
    from brief.corpus.layers import layers_for
    from brief.store import open_store
    from brief.views.graph import matrix

    view = open_store(layers_for((), env={}), use_cache=False).graph()
    rank = {SHORT[name]: i for i, name in enumerate(NAMES)}
    cells = [cell for row in matrix(view) for cell in row if "+" in cell]
    assert cells  # some cell holds several relations
    for cell in cells:
        codes = [rank[code.rstrip("!")] for code in cell.split("+")]
        assert codes == sorted(codes), cell
    at = {n.id: i for i, n in enumerate(view.nodes)}
    russia_nk = matrix(view)[at["russia"]][at["north-korea"]]
    assert russia_nk.replace("!", "") == "su+sa+sh+de+tr"  # was tr+su+...: symmetric first


def test_show_says_how_many_claims_state_every_relation() -> None:
    plain = run("show", "north-korea", "-f", "plain").stdout
    assert "  trades with Russia (1 claim)\n" in plain
    assert "  trades with China (3 claims)\n" in plain


def test_timeline_says_undated_claims_are_not_shown() -> None:
    plain = run("timeline", "-f", "plain").stdout
    tail = plain.split("\nSources\n")[0].rsplit("\n\n", 2)  # just before the sources
    assert any(part.startswith("(") and "undated claims not shown)" in part for part in tail)
    assert "left out" not in plain


async def test_a_symmetric_relation_reads_from_the_page_actor() -> None:
    app = make_app(CONTEST, start="france")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        text = page(app)
        assert "France allied with Britain\n1 claim · reported · A1" in text
        assert not any(t.startswith("Britain allied with") for t in text)
        for _ in range(len([t for t in text if t.startswith("France ")]) - 1):
            await pilot.press("down")
        await pilot.press("enter")
        assert page(app)[0] == "France allied with Britain"  # the edge's page, its title


def test_a_claim_names_its_actors_with_or_about_as_it_is_shown() -> None:
    """A trial read "Smit Salvage refloated the ship (with Smit Salvage, Evergreen
    Marine)" in a timeline: "with" is for the others beside the actor a briefing shows
    the claim under; where no actor heads it, the claim is "about" its actors."""
    topic = run("show", "sanctions", "-f", "plain").stdout  # grouped by actor
    assert "(with North Korea)" in topic and "(about " not in topic
    timeline = run("timeline", "-f", "plain").stdout  # no actor heads a line
    assert "(about " in timeline and "(with " not in timeline
    source = run("show", "why-china", "-f", "plain").stdout  # a source's claims
    assert "(about " in source and "(with " not in source
