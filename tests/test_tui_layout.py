"""``brief tui`` at any width, and where the focus and the title are after a jump."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from brief.tui import BriefApp
from brief.tui.keys import bound_classes, key_label, sections
from brief.tui.screens.browse import BrowseScreen
from brief.tui.screens.compare import ActorList
from brief.tui.screens.dialogs import HelpScreen
from brief.tui.widgets import Block, Jump, Pane
from tests.test_tui import SIZE, make_app, tab_to, title

NARROW = (40, 20)


@pytest.fixture
def bundled_app() -> BriefApp:
    return make_app(bundled=True, start="sanctions")


def shown(widget: Widget) -> bool:
    return widget.display and widget.region.area > 0


def in_view(widget: Widget, pane: Pane) -> bool:
    return widget.region.overlaps(pane.scrollable_content_region)


def reader(app: BriefApp) -> Pane:
    return app.screen.query_one("#reader", Pane)


def sidebar(app: BriefApp) -> Widget:
    return app.screen.query_one("#sidebar")


# 40 columns


async def test_at_40_columns_the_list_gives_way_to_the_page(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=NARROW) as pilot:
        assert not shown(sidebar(app)) and shown(reader(app))
        assert app.focused is reader(app)  # not a hidden list
        assert title(app) == "Security"
        await pilot.press("s")  # the list, in place of the page
        assert shown(sidebar(app)) and not shown(reader(app))
        assert sidebar(app).region.width == 40
        assert app.focused is app.screen.query_one("#entries")
        await pilot.press("down", "enter")  # Trade
        assert title(app) == "Trade"
        assert not shown(sidebar(app)) and shown(reader(app))
        assert app.focused is reader(app)
        await pilot.press("escape")  # back to the list
        assert shown(sidebar(app)) and app.focused is app.screen.query_one("#entries")
        await pilot.press("s")
        assert not shown(sidebar(app)) and app.focused is reader(app)
        await pilot.press("f", *"pyong", "enter")  # f shows the list with its filter
        assert title(app) == "North Korea" and shown(reader(app))


async def test_page_text_fits_40_columns(mini: Path) -> None:
    app = make_app(mini, start="north-korea")
    async with app.run_test(size=NARROW):
        for block in app.screen.query(Block):
            if shown(block):
                assert block.region.right <= 40
                assert block.region.width >= 30, "the page has the width, not the list"


async def test_s_hides_the_list_at_full_width_and_resizing_resets_it(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        assert shown(sidebar(app)) and shown(reader(app))
        await pilot.press("s")
        assert not shown(sidebar(app)) and app.focused is reader(app)
        assert reader(app).region.width == SIZE[0]
        await pilot.press("s")
        assert shown(sidebar(app)) and shown(reader(app))
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert not shown(sidebar(app)) and shown(reader(app))
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert shown(sidebar(app)) and shown(reader(app))


async def test_compare_at_40_columns_puts_the_actors_above(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("c", "space", "down", "down", "space")
        assert title(app) == "China vs Russia"
        actors = app.screen.query_one("#actors", ActorList)
        pane = app.screen.query_one("#comparison", Pane)
        assert actors.region.width >= 38 and pane.region.width >= 38
        assert actors.region.bottom <= pane.region.y


async def test_ticked_and_unticked_boxes_differ_in_shape(mini: Path) -> None:
    app = make_app(mini, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        actors = app.screen.query_one("#actors", ActorList)
        lines = [actors.render_line(y).text for y in range(3)]
        assert lines[0].strip() == "▐X▌ China"
        assert lines[1].strip() == "▐X▌ North Korea".replace("X", " ")
        assert lines[2].strip() == "▐ ▌ Russia"


async def test_compare_overview_keeps_each_row_s_counts_beside_or_under_its_verdict(
    bundled_app: BriefApp,
) -> None:
    """A row's counts that do not fit beside its verdict go under it, aligned, each
    count whole; never running on to the pane's left edge (a trial saw ``Suez Canal``
    end one line and ``Authority 2 · ...`` begin the next, at the edge). Laid out
    again as the terminal is resized."""
    from rich.cells import cell_len

    def overview(app: BriefApp) -> list[list[str]]:
        pane = app.screen.query_one("#comparison", Pane)
        width = pane.scrollable_content_region.width
        rows = [j.base.plain.split("\n") for j in pane.query(Jump) if j.has_class("overview")]
        assert rows and all(cell_len(line) <= width for row in rows for line in row)
        return rows

    async with bundled_app.run_test(size=(150, 40)) as pilot:
        await pilot.press("c")
        await bundled_app.screen.pick("china", "japan")  # type: ignore[attr-defined]
        await pilot.pause()

        def diplomacy(rows: list[list[str]]) -> list[str]:
            return next(row for row in rows if row[0].startswith("Diplomacy and the UN"))

        wide = overview(bundled_app)
        assert len(diplomacy(wide)) == 1 and diplomacy(wide)[0].endswith("both 1")
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        await pilot.pause()
        rows = overview(bundled_app)
        assert all(len(row) == 2 for row in rows)
        title, counted = diplomacy(rows)
        at = title.index("shared")
        assert counted == " " * at + "China 6 · Japan 0 · both 1"  # under the verdict
        await pilot.resize_terminal(60, 40)
        await pilot.pause()
        await pilot.pause()
        narrow = overview(bundled_app)
        assert diplomacy(narrow) == ["Diplomacy and the UN", "  shared"]  # no room for counts


# focus and title after a jump


async def test_focus_follows_a_jump_from_the_overview(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "down", "space", "down", "space")
        overview = await tab_to(pilot, "Trade", kind="overview")
        await pilot.press("enter")
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, Jump) and focused is not overview
        assert focused.has_class("heading") and focused.base.plain.startswith("Trade")
        await pilot.press("tab")  # Tab goes on from the row, not from the overview
        after = app.focused
        assert isinstance(after, Jump) and after.region.y > focused.region.y


async def test_focus_follows_a_jump_from_the_contents(bundled_app: BriefApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "end", "up", "enter")  # Sources, near the foot of the page
        await pilot.pause()
        await pilot.pause()  # the dialog gives the focus back, then the jump moves it
        focused = bundled_app.focused
        assert isinstance(focused, Jump) and focused.has_class("reference")
        assert in_view(focused, reader(bundled_app))


async def test_title_stays_in_view_after_following_a_link_down_the_page(
    bundled_app: BriefApp,
) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "⚡ contradicted by: While the US")
        await pilot.press("enter")
        await pilot.pause()
        pane = reader(bundled_app)
        assert title(bundled_app) == "Geopolitics and influence"
        assert pane.scroll_y > 0  # at the claim, far down the page
        heading = bundled_app.screen.query_one("Block.title", Block)
        assert in_view(heading, pane)
        focused = bundled_app.focused  # and the focus is at the claim
        assert isinstance(focused, Jump) and in_view(focused, pane)
        screen = bundled_app.screen
        assert isinstance(screen, BrowseScreen) and screen.history.current is not None
        anchor = pane.page.anchors[f"claim:{screen.history.current.place.anchor}"]
        assert in_view(anchor, pane) and anchor.region.y > heading.region.y


async def test_esc_leaves_the_filter(mini: Path) -> None:
    app = make_app(mini, start="trade")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", *"zzz")
        await pilot.press("escape")
        assert app.screen.query_one("#filter", Input).value == ""
        entries = app.screen.query_one("#entries", OptionList)
        assert app.focused is entries
        assert entries.highlighted_option is not None
        assert entries.highlighted_option.id == "trade"  # the entry being read
        assert title(app) == "Trade"


# the help screen's keys


def test_every_class_with_bindings_is_in_the_help() -> None:
    import brief.tui

    listed = {cls for _, classes in bound_classes() for cls in classes}
    for info in pkgutil.walk_packages(brief.tui.__path__, "brief.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            ours = isinstance(cls, type) and cls.__module__ == module.__name__
            if ours and vars(cls).get("BINDINGS"):
                assert cls in listed, f"{cls.__name__}'s keys are not in the help"


async def test_help_lists_the_keys_as_bound(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        for section in sections():
            assert section.title in text
            for key, what in section.keys:
                assert key in text and what in text
        assert "o / enter" in text  # the source dialog's key
        assert key_label("left_square_bracket,alt+left") == "[ / alt+left"


async def test_s_is_a_letter_in_the_filter(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s", "f", *"russ")
        assert app.screen.query_one("#filter", Input).value == "russ"
        assert shown(sidebar(app))


async def test_find_and_help_fit_40_columns(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"china")
        box = app.screen.query_one("#find-input", Input)
        assert box.region.width >= 20, "the hint gives its room to the text typed"
        assert box.value == "china"
        await pilot.press("escape", "question_mark")
        dialog = app.screen.query_one("#dialog")
        assert dialog.region.width == NARROW[0]


async def test_a_wide_terminal_gets_a_wider_list_and_lines_that_read(mini: Path) -> None:
    """At 200 columns the list kept 31 and cut titles while the page's lines ran to 165."""
    app = make_app(mini, start="north-korea")
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()  # the width's class is set once the screen has its size
        assert sidebar(app).region.width == 44
        blocks = [b for b in app.screen.query(Block) if shown(b)]
        assert blocks and all(b.region.width <= 110 for b in blocks)
    app = make_app(mini, start="north-korea")
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        assert sidebar(app).region.width == 32  # as before below 160 columns


async def test_a_key_s_description_wraps_under_itself_in_the_help(mini: Path) -> None:
    """In the help, a wrapped description went on at the dialog's left edge."""
    app = make_app(mini)
    async with app.run_test(size=(45, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        whats = [w for w in app.screen.query(".what") if shown(w)]
        keys = [k for k in app.screen.query(".key") if shown(k)]
        assert whats and len(whats) == len(keys)
        assert len({w.region.x for w in whats}) == 1  # one column
        assert all(w.region.x > k.region.right - 1 for k, w in zip(keys, whats, strict=True))
        assert any(w.region.height > 1 for w in whats)  # some wrap, within their column


@pytest.mark.parametrize("width", [40, 48, 100])
async def test_the_footer_shows_quit_and_help_however_narrow(
    bundled_app: BriefApp, width: int
) -> None:
    """At 48 columns a trial saw `s List  / Find  t Contents  [ Back` and no way to
    quit or get help: the app's keys came after the screen's, and were cut off."""
    async with bundled_app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        keys = {vars(k)["key"]: k for k in bundled_app.screen.query("Footer FooterKey")}
        for key in ("q", "question_mark"):
            assert key in keys and shown(keys[key]), key
            assert keys[key].region.right <= width, (key, keys[key].region)
        await pilot.press("question_mark")
        assert isinstance(bundled_app.screen, HelpScreen)
        listed = [k for section in sections() for k, _ in section.keys]
        assert listed.count("q") == 1 and listed.count("?") == 1  # in the help once


async def test_end_shows_the_foot_of_the_page_and_home_its_top(bundled_app: BriefApp) -> None:
    """The help and docs/tui.md list End and Home (Textual binds them on the page)."""
    async with bundled_app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "⚡ contradicted by")  # the focus on a link in the page
        pane = reader(bundled_app)
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 0
        last = list(pane.query(Block))[-1]
        assert in_view(last, pane) and last.has_class("grade")  # the key to the grades
        await pilot.press("home")
        await pilot.pause()
        assert pane.scroll_y == 0


@pytest.mark.parametrize("width", [48, 60, 100])
async def test_the_header_keeps_the_counts_however_narrow(
    bundled_app: BriefApp, width: int
) -> None:
    """At 48 columns a trial saw `brief — 12 topics · 8 actors …`: where the title and
    the counts do not both fit, the counts are shown alone, whole."""
    from brief.tui.widgets.titlebar import TitleBar

    async with bundled_app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        drawn = bundled_app.screen.query_one(TitleBar).render().plain
        assert "12 topics · 8 actors · 12 sources" in drawn, drawn
        assert ("brief — " in drawn) == (width >= 60), drawn
        assert len(drawn) <= width


@pytest.mark.parametrize("width", [80, 100])
async def test_every_footer_key_fits_an_80_column_terminal(
    bundled_app: BriefApp, width: int
) -> None:
    """At 80 columns a trial saw the footer end `" Qu▏^p palette`: below 100 columns
    its keys now stand closer together, and every one, the palette's too, is whole."""
    async with bundled_app.run_test(size=(width, 24)) as pilot:
        await tab_to(pilot, "⚡ contradicted by")  # a link focused: its ⏎ Follow is shown
        await pilot.pause()
        footer = bundled_app.screen.query_one("Footer")
        keys = list(footer.query("FooterKey"))
        shown_keys = {vars(k)["key"] for k in keys}
        assert {"enter", "q", "question_mark", "quotation_mark"} <= shown_keys
        assert ("ctrl+p" in shown_keys) is (width >= 100)  # docked at the right when shown
        right = min((k.region.x for k in keys if vars(k)["key"] == "ctrl+p"), default=width)
        for key in keys:  # each whole, and left of the palette's key, which hid "Quotes"
            if vars(key)["key"] != "ctrl+p":
                assert shown(key) and key.region.right <= right, vars(key)["key"]
        assert footer.has_class("-compact") is (width < 100)
