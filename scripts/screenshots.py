"""Write the README's pictures, docs/img/*.svg, from the bundled corpus.

Run ``python scripts/screenshots.py`` after a change that shows (a renderer, the
TUI, the bundled corpus); pass a folder to write somewhere else. The pictures are
what the code draws, exported by the libraries that draw them: Textual's own
screenshot of ``brief tui`` (``App.export_screenshot``) and rich's recording of
``brief show`` in a terminal (``Console.export_svg``). tests/test_screenshots.py
runs this script and checks that the README shows every picture it writes.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.text import Text

from brief.corpus.layers import layers_for
from brief.render.renderer import get_renderer
from brief.render.richtext import make_console
from brief.store import Store, open_store

IMG = Path(__file__).resolve().parents[1] / "docs" / "img"
REGENERATE = "python scripts/screenshots.py"

#: The terminal briefing: its width, and how many of its lines the picture shows.
SHOW_WIDTH, SHOW_LINES = 88, 30
#: The TUI's screens: terminal size.
TUI_SIZE = (110, 32)


def bundled() -> Store:
    """The bundled corpus alone, read afresh (no cache, no config, no BRIEF_PATH)."""
    return open_store(layers_for((), env={}), use_cache=False)


def show_svg(store: Store, name: str = "sanctions") -> str:
    """``brief show NAME`` as a terminal draws it, its first lines, as SVG."""
    view = store.briefing(store.resolve(name))
    ansi = get_renderer("terminal", SHOW_WIDTH).briefings([view])
    lines = ansi.split("\n")[:SHOW_LINES]
    console = make_console(
        record=True,
        width=SHOW_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        file=io.StringIO(),
    )
    for line in lines:
        console.print(Text.from_ansi(line), soft_wrap=True)
    return console.export_svg(title=f"brief show {name}")


async def tui_svg(store: Store, keys: Sequence[str], start: str | None, title: str) -> str:
    """``brief tui`` after pressing *keys*, as Textual exports it."""
    from textual.widgets import Input

    from brief.tui import make_app

    app = make_app(store, start)
    app.animation_level = "none"
    async with app.run_test(size=TUI_SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        for box in app.screen.query(Input):
            box.cursor_blink = False  # the same picture every run
        await pilot.pause()
        return app.export_screenshot(title=title)


def pictures() -> dict[str, Callable[[Store], str]]:
    """Each picture's file name and how to draw it."""
    return {
        "show.svg": show_svg,
        "tui.svg": lambda s: asyncio.run(tui_svg(s, (), "sanctions", "brief tui sanctions")),
        "tui-compare.svg": lambda s: asyncio.run(
            tui_svg(s, ("c", "space", "down", "down", "down", "space"), None, "brief tui: compare")
        ),
    }


def write(folder: Path) -> list[Path]:
    """Write every picture into *folder*; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    store = bundled()
    written = []
    for name, draw in pictures().items():
        path = folder / name
        path.write_text(draw(store), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str]) -> int:
    folder = Path(argv[0]) if argv else IMG
    for path in write(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
