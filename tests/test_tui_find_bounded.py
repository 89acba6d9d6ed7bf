"""Find-in-page over a huge text (issue 15): bounded work, a capped and honest count."""

from __future__ import annotations

import time
from pathlib import Path

from brief.corpus.load import Layer
from brief.store import open_store
from brief.tui import make_app
from brief.tui.widgets import Block
from brief.tui.widgets.pane import MAX_MATCHES

# One topic whose 200 KB summary repeats one word: 100,000 matches for "w".
HUGE = f'format = 1\n[[topics]]\nid = "huge"\ntitle = "Huge"\nsummary = "{"w " * 100_000}"\n'


async def test_find_over_a_huge_summary_is_capped(tmp_path: Path) -> None:
    root = tmp_path / "huge"
    root.mkdir()
    (root / "huge.toml").write_text(HUGE, encoding="utf-8")
    app = make_app(open_store([Layer(str(root), "huge")], use_cache=False), "huge")
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        start = time.perf_counter()
        await pilot.press("slash", "w")
        await pilot.pause()
        count = app.screen.query_one("#find-count")
        assert str(count.render()) == f"1 of {MAX_MATCHES:,}+"
        await pilot.press("enter")
        assert str(count.render()) == f"2 of {MAX_MATCHES:,}+"
        await pilot.press("up", "up")
        assert str(count.render()) == f"{MAX_MATCHES:,} of {MAX_MATCHES:,}+"
        # Only the first MAX_MATCHES are marked, whatever the text holds.
        marked = [b for b in app.screen.query(Block) if b.shown is not b.base]
        assert sum(len(b.shown.spans) - len(b.base.spans) for b in marked) == MAX_MATCHES
        await pilot.press("backspace", "escape")
        # Not a speed target: unbounded, this took about a minute; a hang guard only.
        assert time.perf_counter() - start < 30.0
        assert all(b.shown is b.base for b in app.screen.query(Block))
