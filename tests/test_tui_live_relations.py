"""The TUI's relations screens while the corpus is edited: the list of edges and an
edge's claims read the corpus again, keeping the focus; an edge taken out closes its
screen, saying so. Driven key by key over a watched copy of the relations fixture."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from brief.corpus.load import Layer
from brief.store import Watched
from brief.tui import BriefApp, make_app
from brief.tui.screens.browse import BrowseScreen
from brief.tui.screens.relations import EdgeScreen, RelationsScreen
from tests.conftest import CORPORA
from tests.test_tui import SIZE, page
from tests.test_tui_relations import edges, focused_text

DEADLINE = 20.0
"""Seconds to wait for the browser to notice an edit (it polls every 0.05 s here)."""


async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    end = time.monotonic() + DEADLINE
    while not done():
        assert time.monotonic() < end, "the screen never refreshed"
        await pilot.pause(0.05)
    await pilot.pause()  # what the redraw does after the new page is in


def watched_app(root: Path, start: str) -> BriefApp:
    watched = Watched([Layer(str(root), "relations")])
    app = make_app(watched.store, start=start, watched=watched, every=0.05)
    app.animation_level = "none"
    return app


async def test_the_relations_screens_follow_an_edit(tmp_path: Path) -> None:
    root = tmp_path / "relations"
    shutil.copytree(CORPORA / "relations", root)
    ties = root / "relations.toml"
    good = ties.read_text()
    app = watched_app(root, "china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        list_screen = app.screen
        for _ in edges(app)[: edges(app).index("China trades with North Korea")]:
            await pilot.press("down")
        trades = "China trades with North Korea\n2 claims · 1 reported, 1 alleged · B1"
        assert focused_text(app) == trades

        # a claim of the edge now states another relation: one claim fewer, same focus
        ties.write_text(good.replace('relation = "Trades With"', 'relation = "supports"'))
        await until(
            pilot, lambda: "China trades with North Korea\n1 claim · reported · B1" in page(app)
        )
        assert app.screen is list_screen
        assert focused_text(app) == "China trades with North Korea\n1 claim · reported · B1"
        assert "North Korea supports China\n1 claim · alleged · source C" in page(app)

        # the edge's claims follow an edit of a claim's text, the focus kept
        await pilot.press("enter")
        assert isinstance(app.screen, EdgeScreen)
        claim = focused_text(app)
        assert "China takes nine tenths of North Korea's trade." in claim
        ties.write_text(ties.read_text().replace("nine tenths of", "most of"))
        await until(
            pilot, lambda: "China takes most of North Korea's trade." in "\n".join(page(app))
        )
        assert focused_text(app) == claim.replace("nine tenths of", "most of")

        # the edge taken out: its screen closes, saying so, on the list (read again)
        ties.write_text(
            ties.read_text().replace('relation = "trades-with"', 'relation = "supports"')
        )
        await until(pilot, lambda: isinstance(app.screen, RelationsScreen))
        assert app.screen is list_screen
        assert "China trades with North Korea" not in edges(app)
        said = [n.message for n in app._notifications]
        assert any("no longer in the corpus" in m for m in said), said
        # the history forgot the gone place: Esc is back to the page, ] to the list
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen) and not app.browser.history.can_back
        await pilot.press("right_square_bracket")
        assert isinstance(app.screen, RelationsScreen)
        assert "China trades with North Korea" not in edges(app)


async def test_the_compare_screen_follows_an_edit(tmp_path: Path) -> None:
    """The comparison is read again as the corpus changes: a claim edited shows edited,
    an actor added is offered, an actor ticked that is gone is unticked."""
    from textual.widgets import SelectionList

    from brief.tui.screens.compare import CompareScreen

    root = tmp_path / "relations"
    shutil.copytree(CORPORA / "relations", root)
    app = watched_app(root, "china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await screen.pick("china", "un")
        await pilot.pause()
        assert "China enforces most of the Council's sanctions." in "\n".join(page(app))

        ties = root / "relations.toml"
        ties.write_text(ties.read_text().replace("enforces most of", "enforces some of"))
        await until(
            pilot, lambda: "China enforces some of the Council's sanctions." in "\n".join(page(app))
        )
        actors = screen.query_one("#actors", SelectionList)
        assert app.screen is screen and actors.selected == ["china", "un"]

        people = root / "actors.toml"
        un = '[[actors]]\nid = "un"\nname = "United Nations"\n'
        text = people.read_text()
        assert un in text
        people.write_text(text.replace(un, '[[actors]]\nid = "japan"\nname = "Japan"\n'))

        def offered() -> list[str]:
            return [str(actors.get_option_at_index(i).prompt) for i in range(actors.option_count)]

        def hinted() -> bool:  # the list read again, and the comparison of one actor
            return "Japan" in offered() and any("Tick two or more" in t for t in page(app))

        await until(pilot, hinted)
        assert "United Nations" not in offered()
        assert actors.selected == ["china"]


async def test_the_link_focused_keeps_the_focus_as_its_page_is_read_again(
    tmp_path: Path,
) -> None:
    """A trial's link lost the focus at each edit of its page (the footer lost Follow,
    and Tab started over)."""
    from brief.tui.widgets import Jump

    root = tmp_path / "relations"
    shutil.copytree(CORPORA / "relations", root)
    app = watched_app(root, "china")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6):
            await pilot.press("tab")
        focused = app.focused
        assert isinstance(focused, Jump)
        text = focused.base.plain
        ties = root / "relations.toml"
        ties.write_text(ties.read_text().replace("enforces most of", "enforces some of"))
        await until(pilot, lambda: any("enforces some of" in t for t in page(app)))
        again = app.focused
        assert isinstance(again, Jump) and again is not focused and again.base.plain == text
