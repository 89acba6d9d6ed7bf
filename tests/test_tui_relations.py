"""The TUI's relations: an actor's on its page, the edges of an actor or topic by kind
(``g``), the claims behind an edge, and on to a claim's topic. Driven key by key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief.corpus.load import Layer
from brief.store import CachedStore, LiveStore, open_store
from brief.tui import BriefApp
from brief.tui.screens.browse import BrowseScreen
from brief.tui.screens.citation import CitationScreen
from brief.tui.screens.relations import EdgeScreen, RelationsScreen
from brief.tui.widgets import Block, Jump
from brief.views.graph import Query
from tests.conftest import CORPORA, settle
from tests.test_tui import HOSTILE, SIZE, make_app, page, tab_to, title

NARROW = (40, 30)

#: A format-2 file of relations between the hostile corpus's actors (see tests/test_tui.py).
HOSTILE_TIES = """\
format = 2

[[claims]]
id = "tie"
topic = "quitting"
actors = ["mallory", "trent"]
relation = "shields"
text = "[@click=app.quit]Tie[/] \\u001b[2J and [link=file:///etc/passwd]x[/link]"
status = "disputed"
note = "[bold]why[/]"
cites = [{ source = "evil-source", section = "[bold]Loud[/bold]" }]
"""


@pytest.fixture
def relations(tmp_path: Path) -> Path:
    """A copy of the relations fixture corpus: five actors, two topics, one contested edge."""
    dest = tmp_path / "relations"
    shutil.copytree(CORPORA / "relations", dest)
    return dest


def focused_text(app: BriefApp) -> str:
    focused = app.focused
    assert isinstance(focused, Block), focused
    return focused.base.plain


def edges(app: BriefApp) -> list[str]:
    """The first line of every edge on the relations screen."""
    assert isinstance(app.screen, RelationsScreen)
    return [b.base.plain.split("\n")[0] for b in app.screen.query("Jump.edge").results(Jump)]


async def test_an_actor_page_lists_its_relations_near_the_top(relations: Path) -> None:
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE):
        text = page(app)
        at = text.index("Relations  g: by kind")  # the key that lists them by kind
        assert at < text.index("Sanctions")  # before the first section of claims
        assert text[at + 1 : at + 4] == [
            "supports North Korea (1 claim, contested)",
            "shields North Korea (2 claims)",
            "trades with North Korea (2 claims)",
        ]
        assert "pressured by United States (1 claim)" in text  # what others do to it, too
        assert app.browser.pane.page.contents[0][0] == "relations"  # first in the contents


async def test_g_lists_the_edges_by_kind_and_an_edge_opens_its_claims(relations: Path) -> None:
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, RelationsScreen)
        assert title(app) == "Relations of China"
        text = page(app)
        assert text[1] == "4 actors, 7 edges"
        # grouped by kind, in the vocabulary's order, each with a count
        headings = [b.base.plain for b in screen.query("Block.heading").results(Block)]
        assert headings[:3] == ["supports  1 edge", "pressures  1 edge", "sanctions  1 edge"]
        assert edges(app)[:2] == ["China supports North Korea", "United States pressures China"]
        assert "China trades with North Korea" in edges(app)
        trades = next(t for t in text if t.startswith("China trades with"))
        assert trades.endswith("2 claims · 1 reported, 1 alleged · B1")  # count, firmness, grade
        # contested in words, not in colour only
        first = "China supports North Korea\n1 claim · assessment · source B · contested"
        assert focused_text(app) == first
        # Up and Down go from edge to edge, as in a list
        await pilot.press("down", "down")
        assert focused_text(app).startswith("United States sanctions China")
        await pilot.press("up")
        assert focused_text(app).startswith("United States pressures China")
        await pilot.press("enter")
        assert isinstance(app.screen, EdgeScreen)
        assert title(app) == "United States pressures China"
        claim = focused_text(app)  # the focus is on the first claim
        assert claim.startswith("reported\nWashington presses Beijing and Moscow")
        assert "source C" in claim  # its grade, as its topic's page shows it
        assert "[4] Wire Report" in page(app)  # its citation, numbered as on its topic's page
        cited = {r.number: r.source for r in app.store.briefing("sanctions").references}
        assert cited[4] == "wire-report"
        # Esc goes back to the list, on the edge that was opened
        await pilot.press("escape")
        assert app.screen_stack[-1] is screen
        assert focused_text(app).startswith("United States pressures China")
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen) and title(app) == "China"


async def test_a_claim_of_an_edge_opens_its_topic_there_and_back_returns(
    relations: Path,
) -> None:
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        for _ in edges(app)[: edges(app).index("North Korea depends on China")]:
            await pilot.press("down")
        await pilot.press("enter")
        assert focused_text(app).startswith("reported\nNorth Korea depends on China for fuel.")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.browser.current == "trade" and title(app) == "Trade"
        assert app.browser.history.current is not None
        assert app.browser.history.current.place.anchor == "nk-depends-china"
        assert app.browser.reader in app.focused.ancestors_with_self  # type: ignore[union-attr]
        await pilot.press("escape", "left_square_bracket")  # the list, then back
        assert isinstance(app.screen, EdgeScreen)  # the claims, not the page under them
        assert focused_text(app).startswith("reported\nNorth Korea depends on China for fuel.")


async def test_back_and_forward_go_through_the_relations_screens(relations: Path) -> None:
    """China's page, ``g``, the contents to "shields", an edge, Tab, a claim: ``[`` goes
    back to exactly where the reader was, step by step, the focus on the same link;
    ``]`` forward again; Esc on a screen reached so is back a step too."""
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "t")
        contents = [anchor for anchor, _ in app.screen_stack[-2].pane.page.contents]  # type: ignore[attr-defined]
        await pilot.press(*["down"] * contents.index("relation:shields"), "enter")
        await pilot.pause()
        assert focused_text(app).startswith("China shields North Korea")
        await pilot.press("enter")
        assert isinstance(app.screen, EdgeScreen)
        await tab_to(pilot, "[2]", "reference")  # Tab moves on, from the claim
        await pilot.press("shift+tab")  # and back to the claim
        claim = focused_text(app)
        assert claim.startswith("reported\nChina blocks new sanctions")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and title(app) == "Sanctions"

        await pilot.press("left_square_bracket")
        assert isinstance(app.screen, EdgeScreen) and title(app) == "China shields North Korea"
        assert focused_text(app) == claim
        await pilot.press("left_square_bracket")
        assert isinstance(app.screen, RelationsScreen) and title(app) == "Relations of China"
        assert focused_text(app).startswith("China shields North Korea")
        await pilot.press("left_square_bracket")
        assert isinstance(app.screen, BrowseScreen) and title(app) == "China"
        assert not app.browser.history.can_back

        await pilot.press("right_square_bracket")
        assert isinstance(app.screen, RelationsScreen)
        assert focused_text(app).startswith("China shields North Korea")
        await pilot.press("right_square_bracket")
        assert isinstance(app.screen, EdgeScreen) and focused_text(app) == claim
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and title(app) == "Sanctions"
        assert app.browser.history.current is not None
        assert app.browser.history.current.place.anchor == "china-shields-nk"

        # the topic's heading on an edge's claims too; and Esc is back a step
        await pilot.press("left_square_bracket")
        await tab_to(pilot, "Sanctions", "heading")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and title(app) == "Sanctions"
        await pilot.press("left_square_bracket")
        assert isinstance(app.screen, EdgeScreen) and focused_text(app) == "Sanctions"
        await pilot.press("escape")
        assert isinstance(app.screen, RelationsScreen)
        assert focused_text(app).startswith("China shields North Korea")
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen) and title(app) == "China"
        await pilot.press("right_square_bracket")  # and forward again
        assert isinstance(app.screen, RelationsScreen)


async def test_an_actor_relation_on_its_page_opens_the_claims_behind_it(relations: Path) -> None:
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "supports North Korea (1 claim, contested)", "relation")
        await pilot.press("enter")
        assert isinstance(app.screen, EdgeScreen)
        assert title(app) == "China supports North Korea"
        text = "\n".join(page(app))
        assert "1 claim · assessment · source B · contested" in text
        assert "assessment · contested\nChina keeps North Korea's economy afloat." in text
        # why it is contested: the claim that contradicts it, as a link
        assert "contradicted by: China enforces most of the Council's sanctions." in text
        await tab_to(pilot, "[3] A Review of Sanctions", "reference")
        await pilot.press("enter")
        assert isinstance(app.screen, CitationScreen)  # the section cited, as anywhere
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, BrowseScreen) and title(app) == "China"


async def test_a_relation_from_several_subjects_opens_from_each_of_them(
    relations: Path,
) -> None:
    """The claim "China and Russia vetoed ..." (``relation_from``) is behind Russia's edge too."""
    app = make_app(relations, start="russia")
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "shields North Korea (3 claims)", "relation")
        await pilot.press("enter")
        assert isinstance(app.screen, EdgeScreen)
        assert title(app) == "Russia shields North Korea"
        assert "China and Russia vetoed new Council sanctions" in "\n".join(page(app))
        await pilot.press("escape", "g")
        assert "China shields Russia" not in edges(app)  # subjects: no edge between them
        assert "Russia shields United Nations" not in edges(app)


async def test_a_topic_lists_the_relations_its_claims_state(relations: Path) -> None:
    app = make_app(relations, start="trade")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert title(app) == "Relations in Trade"
        assert edges(app) == [
            "North Korea depends on China",
            "China trades with North Korea",
            "China allied with Russia",
        ]
        await pilot.press("g")  # g closes it again
        assert isinstance(app.screen, BrowseScreen)


async def test_relations_from_the_palette_and_not_for_a_source(relations: Path) -> None:
    app = make_app(relations, start="wire-report")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, BrowseScreen)  # a source has no relations
        assert app.screen.check_action("relations", ()) is False
        await pilot.press("ctrl+p", *"relations")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RelationsScreen)
        assert title(app) == "All relations"
        assert len(edges(app)) == len(app.store.graph().edges) == 10


async def test_an_entry_without_relations_says_so() -> None:
    app = make_app(CORPORA / "mini", start="china")
    async with app.run_test(size=SIZE) as pilot:
        assert not [line for line in page(app) if line.startswith("Relations")]
        await pilot.press("g")
        assert page(app)[1].startswith("No relations: no claim about this actor states one")
        assert len(page(app)) == 2  # the title and that
        screen = app.screen
        assert isinstance(screen, RelationsScreen) and app.focused is screen.pane


async def test_relations_work_at_40_columns(relations: Path) -> None:
    app = make_app(relations, start="china")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s")  # the list, in place of the page: g works there too
        assert app.browser.list_shown
        await pilot.press("g", "enter")
        assert isinstance(app.screen, EdgeScreen)
        pane = app.screen.pane
        assert pane.max_scroll_x == 0  # wraps, never scrolls sideways
        await pilot.press("enter")  # the claim, on its topic's page
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and title(app) == "Sanctions"
        assert app.browser.reader.display and not app.browser.list_shown


async def test_the_cached_store_gives_the_graph_the_live_one_gives(relations: Path) -> None:
    settle(relations)
    layers = [Layer(str(relations), "relations")]
    live = open_store(layers)
    cached = open_store(layers)
    assert isinstance(live, LiveStore) and isinstance(cached, CachedStore)
    for query in (None, Query(("china",)), Query(("trade",)), Query((), ("shields",))):
        assert cached.graph(query) == live.graph(query)
    assert cached.graph().edges  # not two empty answers
    app = make_app(relations, start="china", cache=True)
    assert isinstance(app.store, CachedStore)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert edges(app)[0] == "China supports North Korea"


async def test_hostile_names_and_claims_stay_text_in_the_relations(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "base.toml").write_text(HOSTILE)
    (root / "ties.toml").write_text(HOSTILE_TIES)
    app = make_app(root, start="mallory")
    async with app.run_test(size=SIZE) as pilot:
        assert "shields Trent [/] (1 claim, contested)" in page(app)
        await pilot.press("g")
        assert app.screen.title == "Relations of [@click=app.quit]Mallory[/]"
        assert edges(app) == ["[@click=app.quit]Mallory[/] shields Trent [/]"]
        await pilot.click("Jump.edge")
        await pilot.pause()
        assert isinstance(app.screen, EdgeScreen)
        text = "\n".join(page(app))
        assert "[@click=app.quit]Tie[/]" in text and "[link=file:///etc/passwd]x[/link]" in text
        assert "\x1b" not in text
        for block in app.screen.query(Block):
            for span in block.base.spans:
                assert "@click" not in str(span.style) and "link" not in str(span.style)
        await pilot.click("Block.title")
        await pilot.click("Block.heading")  # the topic, "[@click=app.quit]Click me[/]"
        await pilot.pause()
        assert app.is_running
        assert title(app) == "[@click=app.quit]Click me[/]"


async def test_the_pinned_title_hides_what_scrolls_under_it_after_a_jump(
    relations: Path,
) -> None:
    """After "contradicted by" on an edge's claims opens the topic scrolled a little, the
    rows of the title's band (the blank line above and below it included) show the title
    only, never the page scrolled under it, at any offset."""
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "enter")
        await tab_to(pilot, "⚡ contradicted by", "counter")
        await pilot.press("enter")
        await pilot.pause()
        pane = app.browser.reader
        assert title(app) == "Sanctions" and pane.scroll_y > 0
        heading = app.screen.query_one("Block.title", Block)
        x = heading.region.x + 2
        band = range(pane.region.y, heading.region.bottom + 1)
        for offset in (pane.scroll_y, *range(6)):
            pane.scroll_to(y=offset, animate=False, immediate=True)
            await pilot.pause()
            for y in band:
                shown, _ = app.screen.get_widget_at(x, y)
                assert shown is heading or not isinstance(shown, Block), (offset, y, shown)
        # and at the top of the page the summary is below the title's band, not under it
        pane.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        summary = app.screen.query_one("Block.summary", Block)
        assert summary.region.y > heading.region.bottom  # the blank line between


async def test_tab_goes_round_an_edges_links_with_no_stop_between(relations: Path) -> None:
    """A trial's Tab on an edge's claims stopped once a round on the page itself, where
    the footer lost Follow and Enter did nothing."""
    app = make_app(relations, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "enter")
        assert isinstance(app.screen, EdgeScreen)
        links = [w for w in app.screen.query(Jump) if w.focusable]
        assert len(links) > 1
        for key in ("tab", "shift+tab"):
            seen = []
            for _ in range(len(links) + 1):
                await pilot.press(key)
                seen.append(app.focused)
            assert all(isinstance(w, Jump) for w in seen), (key, seen)
            assert set(seen) == set(links)  # every link, and round again
