"""Screenshots of the main screens, pinned (pytest-textual-snapshot).

Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` after checking
the new pictures by eye; the SVGs are in ``tests/__snapshots__/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from brief.corpus.load import Layer, layers_for
from brief.store import open_store
from brief.tui import BriefApp, make_app
from tests.test_tui import HOSTILE

Snap = Callable[..., bool]


def bundled(start: str | None = None) -> BriefApp:
    """The app over the bundled corpus, built as ``brief tui [NAME]`` builds it."""
    return make_app(open_store(layers_for((), env={}), use_cache=False), start)


async def steady(pilot: Pilot[None]) -> None:
    """Wait for the first screen; no blinking cursor, so two runs draw the same picture."""
    await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_opening_screen(snap_compare: Snap) -> None:
    assert snap_compare(bundled(), terminal_size=(120, 36), run_before=steady)


def test_briefing_at_80x24(snap_compare: Snap) -> None:
    assert snap_compare(bundled("sanctions"), terminal_size=(80, 24), run_before=steady)


def test_filter_and_find(snap_compare: Snap) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("f", *"korea", "enter", "slash", *"north korea", "enter")
        await steady(pilot)

    assert snap_compare(bundled(), terminal_size=(80, 24), run_before=run_before)


def test_compare_view(snap_compare: Snap) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("c", "space", "down", "down", "down", "space")  # China and Russia
        await steady(pilot)

    assert snap_compare(bundled(), terminal_size=(120, 36), run_before=run_before)


def test_citation_dialog(snap_compare: Snap) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        pilot.app.screen.query_one("#reader").scroll_end(animate=False)
        pilot.app.screen.query("Jump.reference").last().focus(scroll_visible=False)
        await pilot.wait_for_scheduled_animations()
        await pilot.press("enter")
        await pilot.wait_for_scheduled_animations()
        await steady(pilot)

    assert snap_compare(bundled("nuclear"), terminal_size=(100, 30), run_before=run_before)


def test_hostile_text_drawn_literally(snap_compare: Snap, tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text(HOSTILE)
    app = make_app(open_store([Layer(str(tmp_path), "hostile")], use_cache=False))
    assert snap_compare(app, terminal_size=(100, 30), run_before=steady)


def test_relations_screen_at_80x24(snap_compare: Snap) -> None:
    """An actor's relations by kind (``g``), the first edge focused."""
    corpus = Path(__file__).parent / "corpora" / "relations"
    app = make_app(open_store([Layer(str(corpus), "relations")], use_cache=False), "china")

    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        pilot.app.clear_notifications()  # the fixture's one warning, not what is pinned
        await pilot.press("g")
        await steady(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
