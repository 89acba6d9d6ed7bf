"""``brief tui`` driven with Textual's pilot: what a reader does, key by key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, SelectionList

from brief.cli import cli
from brief.core.index import build_index
from brief.corpus.load import Layer, layers_for
from brief.store import CachedStore, LiveStore, open_store
from brief.tui import BriefApp
from brief.tui import make_app as tui_app
from brief.tui.entries import entries, matching
from brief.tui.history import History, Overlay, Place, Stop
from brief.tui.screens.browse import BrowseScreen
from brief.tui.widgets import Block, Jump, Page, Pane
from brief.views.comparison import compare
from brief.views.wording import comparison_title
from tests.conftest import settle

SIZE = (120, 36)

HOSTILE = """\
format = 1

[[sources]]
id = "evil-source"
title = "[link=file:///etc/passwd]Evil[/link] source"
kind = "article"
url = "file:///etc/passwd"
sections = ["[bold]Loud[/bold]"]

[[actors]]
id = "mallory"
name = "[@click=app.quit]Mallory[/]"
description = "[link=file:///etc/passwd]x[/link] and [bold]bold[/] [/]"

[[actors]]
id = "trent"
name = "Trent [/]"
description = "A second actor."

[[topics]]
id = "quitting"
title = "[@click=app.quit]Click me[/]"
summary = "[link=file:///etc/passwd]x[/link] summary [bold]not bold[/] [/]"
aliases = ["[b]alias[/b]"]

[[claims]]
id = "claim-one"
topic = "quitting"
actors = ["mallory"]
text = "[@click=app.quit]Quit now[/] and [link=file:///etc/passwd]read[/link]"
status = "disputed"
note = "[bold]note[/]"
cites = [{ source = "evil-source", section = "[bold]Loud[/bold]" }]

[[claims]]
id = "claim-two"
topic = "quitting"
actors = ["trent"]
text = "[/] Trent says [red]red[/red]."
cites = [{ source = "evil-source", section = "[bold]Loud[/bold]" }]
contradicts = ["claim-one"]
"""


def make_app(
    *roots: Path, start: str | None = None, bundled: bool = False, cache: bool = False
) -> BriefApp:
    """Build the app as ``brief tui`` does: over the store of the layers."""
    layers = layers_for((), env={}) if bundled else []
    layers += [Layer(str(root), root.name) for root in roots]
    app = tui_app(open_store(layers, use_cache=cache), start)
    app.animation_level = "none"  # scrolling to a focused link is instant: faster tests
    return app


def page(app: BriefApp) -> list[str]:
    """The text of every block on the current screen, in order."""
    return [block.base.plain for block in app.screen.query(Block)]


def title(app: BriefApp) -> str:
    return app.screen.query_one("Block.title", Block).base.plain


def listed(app: BriefApp) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#entries", OptionList).options]


async def tab_to(pilot: Pilot[None], text: str, kind: str = "", limit: int = 40) -> Widget:
    """Press Tab until the focused link starts with *text*: keyboard only, no mouse."""
    for _ in range(limit):
        await pilot.press("tab")
        focused = pilot.app.focused
        if (
            isinstance(focused, Jump)
            and focused.base.plain.startswith(text)
            and (not kind or focused.has_class(kind))
        ):
            return focused
    raise AssertionError(f"no link starting {text!r} reached with Tab")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "base.toml").write_text(HOSTILE)
    return root


# pure parts


def test_filter_matches_titles_ids_and_aliases_in_any_case(mini: Path) -> None:
    items = entries(open_store([Layer(str(mini), "mini")], use_cache=False).catalogue())
    assert [e.id for e in matching(items, "PYONG")] == ["north-korea"]  # an alias
    assert [e.id for e in matching(items, "north_korea")] == ["north-korea"]
    assert [e.id for e in matching(items, "korea north")] == ["north-korea"]  # any order
    assert [e.id for e in matching(items, "commerce")] == ["trade"]
    assert {e.id for e in matching(items, "the")} == {"atlas", "ledger"}
    assert matching(items, "  ") == items
    assert matching(items, "zzz") == []


def test_a_filter_matching_nothing_takes_its_letters_in_order(mini: Path) -> None:
    """A trial's `krus` found nothing for Khrushchev, where `brief show` suggested it:
    a filter of four letters or more that matches nothing as typed takes its letters
    in order, the first starting a word (`nrth` North Korea); what matches as typed is
    all that is shown when anything does."""
    items = entries(open_store([Layer(str(mini), "mini")], use_cache=False).catalogue())
    assert [e.id for e in matching(items, "nrth")] == ["north-korea"]
    assert [e.id for e in matching(items, "nrth kra")] == ["north-korea"]
    assert matching(items, "nrt") == []  # three letters: too few to take loosely
    assert matching(items, "orth") == [e for e in items if e.id == "north-korea"]  # as typed
    assert matching(items, "rthn") == []  # the first letter starts no word there


def test_history_goes_back_and_forward_keeping_scroll_offsets() -> None:
    history = History()
    assert not history.can_back and history.back() is None
    history.go(Place("a"))
    history.go(Place("b"), scroll=5)  # "a" was left scrolled to 5
    history.go(Place("c"), scroll=9)
    stop = history.back(scroll=7)
    assert stop is not None and (stop.place, stop.scroll) == (Place("b"), 9)
    stop = history.back(scroll=3)
    assert stop is not None and (stop.place, stop.scroll) == (Place("a"), 5)
    stop = history.forward()
    assert stop is not None and (stop.place, stop.scroll) == (Place("b"), 3)
    history.go(Place("d"))  # a new page forgets what was ahead
    assert not history.can_forward


# the app


async def test_opens_on_first_topic_with_list_filled(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, BrowseScreen)
        assert listed(app) == [
            "Topics 2",
            "Security",
            "Trade",
            "Actors 3",
            "China",  # by title, as brief list lists them
            "North Korea",
            "Russia",
            "Sources 2",
            "The Atlas Review",
            "The Ledger",
        ]
        assert title(app) == "Security"
        text = page(app)
        assert "Buffers and borders." in text
        assert "China" in text  # claims grouped by actor
        assert any(t.startswith("alleged North Korea is a buffer state") for t in text)
        assert "→ Trade" in text
        assert '[1] The Atlas Review, "Security Matters" (A. Writer, 2024)' in text
        assert app.sub_title == "2 topics · 3 actors · 2 sources"
        assert app.focused is app.screen.query_one("#entries")


async def test_name_opens_straight_on_that_entry(mini: Path) -> None:
    app = make_app(mini, start="north-korea")
    async with app.run_test(size=SIZE):
        assert title(app) == "North Korea"
        assert "aliases: dprk, pyongyang" in page(app)


async def test_filter_narrows_as_you_type_and_enter_opens(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", *"PYONG")
        assert listed(app) == ["Actors 1 of 3", "North Korea"]
        await pilot.press("backspace", *"zz")
        assert listed(app) == ["No matches"]
        await pilot.press("escape")  # leaves the filter, cleared, for the list
        assert len(listed(app)) == 10
        assert app.focused is app.screen.query_one("#entries", OptionList)
        await pilot.press("f", *"commerce", "enter")
        assert title(app) == "Trade"
        assert isinstance(app.focused, Pane)


async def test_selecting_in_the_list_opens_the_briefing(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "enter")  # skips the "Actors" heading
        assert title(app) == "China"
        await pilot.press("escape", "down", "enter")
        assert title(app) == "North Korea"


async def test_follow_related_link_by_keyboard_then_back_and_forward(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "→ Trade")
        await pilot.press("enter")
        assert title(app) == "Trade"
        await tab_to(pilot, "China")  # a section heading: the actor
        await pilot.press("enter")
        assert title(app) == "China"
        await pilot.press("left_square_bracket")
        assert title(app) == "Trade"
        await pilot.press("left_square_bracket")
        assert title(app) == "Security"
        await pilot.press("right_square_bracket")
        assert title(app) == "Trade"


async def test_follow_contradicting_claim_to_its_topic(mini: Path) -> None:
    app = make_app(mini, start="north-korea")
    async with app.run_test(size=SIZE) as pilot:
        link = await tab_to(pilot, "⚡ contradicted by")
        assert isinstance(link, Jump) and "China trades little." in link.base.plain
        await pilot.press("enter")
        assert title(app) == "Trade"
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert screen.history.current is not None
        assert screen.history.current.place == Place("trade", "trade-china-denies")
        await pilot.press("alt+left")
        assert title(app) == "North Korea"


async def test_find_in_briefing(mini: Path) -> None:
    app = make_app(mini, start="trade")
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#findbar").children  # made when first opened
        total = sum(t.lower().count("china") for t in page(app))
        assert total == 7
        await pilot.press("slash", *"CHINA")
        count = app.screen.query_one("#find-count")
        assert str(count.render()) == "1 of 7"
        await pilot.press("enter")
        assert str(count.render()) == "2 of 7"
        await pilot.press("up", "up")
        assert str(count.render()) == "7 of 7"
        marked = [b for b in app.screen.query(Block) if b.shown is not b.base]
        assert len(marked) == len([t for t in page(app) if "china" in t.lower()])
        await pilot.press(*"xyz")
        assert str(count.render()) == "no matches"
        await pilot.press(*["backspace"] * 3, "escape")
        assert isinstance(app.focused, Pane)
        assert all(b.shown is b.base for b in app.screen.query(Block))
        await pilot.press("n")  # after closing, n finds nothing and does nothing
        assert not app.screen.query_one("#findbar").display


async def test_n_goes_on_from_the_last_find_once_closed(mini: Path) -> None:
    """A trial's ``n`` after Esc did nothing, where the keys' help says "next match of the
    last find" (as in less and vim): it goes on from the match find was closed on."""
    app = make_app(mini, start="trade")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"china", "enter", "escape")
        count = app.screen.query_one("#find-count")
        assert all(b.shown is b.base for b in app.screen.query(Block))  # closed: unmarked
        await pilot.press("n")
        assert str(count.render()) == "3 of 7"
        assert any(b.shown is not b.base for b in app.screen.query(Block))
        assert not app.screen.query_one("#findbar").display  # find stays closed
        await pilot.press("N", "N")
        assert str(count.render()) == "1 of 7"
        told: list[str] = []  # with find closed, the count is told briefly (a trial)
        app.notify = lambda message, **_: told.append(str(message))  # type: ignore[method-assign]
        await pilot.press("n")
        assert told[-1] == "2 of 7"


async def test_the_palette_offers_one_keys_command_brief_s_own(mini: Path) -> None:
    """A trial's palette showed two "Keys": Textual's opened a side panel that squeezed
    the page and that neither Esc nor ``?`` closed."""
    app = make_app(mini, start="trade")
    async with app.run_test(size=SIZE):
        keys = [c for c in app.get_system_commands(app.screen) if c.title == "Keys"]
        assert [c.help for c in keys] == ["Every key binding"]


async def test_contents_jumps_to_a_section(bundled_app: BriefApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        reader = bundled_app.screen.query_one("#reader", Pane)
        assert reader.scroll_y == 0
        await pilot.press("t")
        contents = bundled_app.screen.query_one("#contents", OptionList)
        labels = [str(o.prompt) for o in contents.options]
        assert labels[-2:] == ["Sources", "Grades"] and "Related topics" in labels
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(bundled_app.screen, BrowseScreen)
        assert reader.scroll_y > 0


async def test_citation_shows_source_and_section(mini: Path) -> None:
    app = make_app(mini, start="security")
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "[1] The Atlas Review")
        await pilot.press("enter")
        text = page(app)
        assert "The Atlas Review" in text
        assert "Security Matters" in text  # the section cited
        assert "alleged North Korea is a buffer state for China. [1]" in text
        await pilot.press("o")  # open the source's own briefing
        assert isinstance(app.screen, BrowseScreen)
        assert title(app) == "The Atlas Review"


async def test_compare_view_matches_brief_compare(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert "Tick two or more actors" in page(app)[0]
        await pilot.press("space", "down", "down", "space")  # China, then Russia
        index = app.store.index()
        view = compare(index, [index.actors["china"], index.actors["russia"]])
        text = page(app)
        assert title(app) == comparison_title(view) == "China vs Russia"
        for row in view.rows:
            assert any(t.startswith(f"{row.title}  {row.verdict}") for t in text)
        actors = app.screen.query_one("#actors", SelectionList)
        assert actors.selected == ["china", "russia"]
        await pilot.press("x")  # differences only
        diff = compare(index, [index.actors["china"], index.actors["russia"]], diff_only=True)
        assert sum(t.startswith(view.rows[0].title) for t in page(app)) >= 1
        assert len([b for b in app.screen.query("Jump.overview")]) == len(diff.rows)
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_compare_opens_with_the_actor_being_read(mini: Path) -> None:
    app = make_app(mini, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        actors = app.screen.query_one("#actors", SelectionList)
        assert actors.selected == ["china"]
        await pilot.press("down", "down", "space")  # and Russia
        assert title(app) == "China vs Russia"
        await tab_to(pilot, "Trade", kind="heading")  # a row heading leads to the topic
        await pilot.press("enter")
        assert isinstance(app.screen, BrowseScreen)
        assert title(app) == "Trade"


async def test_compare_opens_with_the_cursor_on_the_actor_ticked(mini: Path) -> None:
    """A trial's cursor sat on the list's first actor while the one being read was
    ticked: Down and Space then ticked the second of the list, not the next one."""
    app = make_app(mini, start="russia")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        actors = app.screen.query_one("#actors", SelectionList)
        assert actors.selected == ["russia"]
        highlighted = actors.highlighted
        assert highlighted is not None and highlighted > 0
        assert actors.get_option_at_index(highlighted).value == "russia"


async def test_command_palette_goes_to_any_entry_by_alias(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"dprk")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert title(app) == "North Korea"


async def test_command_palette_goes_to_an_entry_by_its_id(bundled_app: BriefApp) -> None:
    """The bundled summaries name sources by id (why-china): the palette finds them so."""
    app = bundled_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"why-china")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert title(app) == "Why Is China Supporting North Korea"


async def test_broken_file_is_skipped_and_warnings_shown(mini: Path) -> None:
    (mini / "topics" / "broken.toml").write_text("format = 1\n[[topics]\n")
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        assert app.sub_title == "2 topics · 3 actors · 2 sources · 1 file skipped (w)"
        said = [n.message for n in app._notifications]
        assert said == ["1 file skipped. Press w to see them."]  # the header's words
        assert title(app) == "Security"  # the rest opened
        await pilot.pause()
        footer = {vars(k)["key"] for k in app.screen.query("FooterKey")}
        assert "w" not in footer and "q" in footer  # the title bar says (w): room for the rest
        await pilot.press("w")
        lines = [str(s.render()) for s in app.screen.query(".warning")]
        assert len(lines) == 1 and "broken.toml" in lines[0] and "(file skipped)" in lines[0]
        heading = app.screen.query_one(".dialog-title", Label)
        assert str(heading.render()) == "1 corpus warning"
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_the_notice_tells_skipped_files_apart_from_others_with_problems(
    mini: Path,
) -> None:
    """A trial read "1 file skipped" in the header and "2 corpus files had problems" in
    the notice, and could not tell which was right."""
    (mini / "topics" / "broken.toml").write_text("format = 1\n[[topics]\n")
    (mini / "odd.toml").write_text('format = 1\n[[actors]]\nid = "x"\nname = "X"\n')
    app = make_app(mini)
    async with app.run_test(size=SIZE):
        said = [n.message for n in app._notifications]
        assert said == ["1 file skipped, and 1 other file with problems. Press w to see them."]


async def test_the_notice_counts_no_knock_ons_as_files_with_problems(mini: Path) -> None:
    """A trial's notice said "1 file skipped, and 1 other file with problems" where the
    other line was the skipped file's knock-ons, counted."""
    base = mini / "base.toml"  # its actors are named by both topic files
    base.write_text(base.read_text() + "oops = [\n")
    app = make_app(mini)
    async with app.run_test(size=SIZE):
        assert any(w.startswith(tuple("0123456789")) for w in app.warnings)  # knock-ons
        said = [n.message for n in app._notifications]
        assert said == ["1 file skipped. Press w to see them."]


async def test_compare_ticks_again_the_actors_ticked_when_it_was_left(mini: Path) -> None:
    """A trial ticked two actors, closed compare, opened it again, and found them gone."""
    app = make_app(mini, start="china")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.press("down", "down", "space")  # and Russia
        assert title(app) == "China vs Russia"
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)
        await app.screen.open(Place("north-korea"))
        await pilot.press("c")
        actors = app.screen.query_one("#actors", SelectionList)
        assert actors.selected == ["china", "russia"]
        assert title(app) == "China vs Russia"


async def test_no_warnings_no_warnings_key(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, BrowseScreen)


async def test_help_theme_and_quit(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert "Anywhere" in [str(s.render()) for s in app.screen.query(".heading")]
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)
        assert app.current_theme.dark
        await pilot.press("d")
        assert not app.current_theme.dark
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_typing_q_in_the_filter_does_not_quit(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "q")
        assert app.is_running
        assert app.screen.query_one("#filter", Input).value == "q"


# the bundled corpus


@pytest.fixture
def bundled_app() -> BriefApp:
    return make_app(bundled=True, start="sanctions")


async def test_bundled_corpus_browses() -> None:
    app = make_app(bundled=True)
    async with app.run_test(size=SIZE) as pilot:
        assert app.sub_title == "12 topics · 8 actors · 12 sources"
        assert len([o for o in listed(app) if o]) == 12 + 8 + 12 + 3
        await pilot.press("f", *"sanct", "enter")
        assert title(app) == "Sanctions"
        await tab_to(pilot, "⚡ contradicted by: While the US")
        await pilot.press("enter")
        assert title(app) == "Geopolitics and influence"  # another topic
        await pilot.press("left_square_bracket")
        assert title(app) == "Sanctions"


# hostile corpus text stays text


async def test_markup_and_actions_in_corpus_text_are_inert(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=SIZE) as pilot:
        assert listed(app)[1] == "[@click=app.quit]Click me[/]"
        assert "[@click=app.quit]Mallory[/]" in listed(app)
        text = page(app)
        assert title(app) == "[@click=app.quit]Click me[/]"
        assert "[link=file:///etc/passwd]x[/link] summary [bold]not bold[/] [/]" in text
        claim = next(b for b in app.screen.query("Block.point") if isinstance(b, Block))
        assert claim.base.plain.startswith(
            "disputed [@click=app.quit]Quit now[/] and [link=file:///etc/passwd]read[/link]"
        )
        # What is drawn is the literal text, with no action or link attached.
        for block in app.screen.query(Block):
            for span in block.base.spans:
                assert "@click" not in str(span.style) and "link" not in str(span.style)
        # Clicking the would-be actions does nothing but focus or follow our own links.
        await pilot.click("Block.title")
        await pilot.click("Block.point")
        await pilot.click("Block.summary")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, BrowseScreen)
        # The same in the list, the palette and the citation dialog.
        await pilot.click("#entries", offset=(2, 1))
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+p", *"click")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and title(app) == "[@click=app.quit]Click me[/]"
        await tab_to(pilot, "[1] [link=file:///etc/passwd]Evil[/link] source")
        await pilot.press("enter")
        text = page(app)
        assert "[bold]Loud[/bold]" in text
        assert "url: file:///etc/passwd" in "\n".join(text)  # shown, never opened
        await pilot.click("Block.cited-section")
        await pilot.pause()
        assert app.is_running


async def test_empty_corpus_and_unknown_start_still_open() -> None:
    from brief.core.model import Corpus

    app = tui_app(LiveStore(build_index(Corpus()), []), start="nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        assert page(app) == ["This corpus is empty."]
        assert listed(app) == ["No entries"]
        await pilot.press("slash", "x", "escape", "t", "escape", "c", "escape")
        assert isinstance(app.screen, BrowseScreen)


# the store behind the app


async def test_warm_cache_opens_and_browses_without_the_whole_index(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a fresh cache the app reads the catalogue and briefings, never the index."""
    cold = make_app(mini, cache=True)
    assert isinstance(cold.store, LiveStore)
    app = make_app(mini, cache=True)
    assert isinstance(app.store, CachedStore)
    assert app.catalogue == cold.catalogue

    def no_index(self: CachedStore) -> None:
        raise AssertionError("the whole index was built")

    monkeypatch.setattr(CachedStore, "index", no_index)
    async with app.run_test(size=SIZE) as pilot:
        assert app.sub_title == "2 topics · 3 actors · 2 sources"
        assert title(app) == "Security"
        await pilot.press("f", *"pyong", "enter")
        assert title(app) == "North Korea"
        await tab_to(pilot, "[1] The Atlas Review")
        await pilot.press("enter", "o")  # the citation, then the source
        assert title(app) == "The Atlas Review"


async def test_compare_reads_the_comparison_from_a_cached_store(mini: Path) -> None:
    make_app(mini, cache=True)
    app = make_app(mini, cache=True)
    assert isinstance(app.store, CachedStore)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "space", "down", "down", "space")
        assert title(app) == "China vs Russia"
        assert app.store.compare(["china", "russia"]).rows[0].title in "\n".join(page(app))


async def test_header_counts_skipped_folders_apart_from_files(mini: Path, tmp_path: Path) -> None:
    (mini / "topics" / "broken.toml").write_text("format = 1\n[[topics]\n")
    settle(mini)
    make_app(mini, tmp_path / "missing", cache=True)
    warm = make_app(mini, tmp_path / "missing", cache=True)
    assert isinstance(warm.store, CachedStore)
    app = make_app(mini, tmp_path / "missing")
    assert app.store.skipped() == warm.store.skipped() == ("mini/topics/broken.toml", "missing/")
    async with app.run_test(size=SIZE):
        assert app.sub_title.endswith("· 1 file and 1 folder skipped (w)")


async def test_format2_grades_are_drawn_as_brief_show_prints_them() -> None:
    """A new user saw `B2 · likely · ...` under claims in `brief show`, and nothing in the TUI."""
    analyst = Path(__file__).parent / "corpora" / "analyst"
    app = make_app(analyst, start="harbour")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the page below the first screen is mounted after it
        text = "\n".join(page(app))
        assert "likely" in text and "confidence" in text
        shown = CliRunner().invoke(
            cli, ["--no-bundled", "--corpus", str(analyst), "show", "harbour", "-f", "plain"]
        )
        grade_lines = [line.strip() for line in shown.stdout.splitlines() if " · " in line]
        assert grade_lines and all(line in text for line in grade_lines)
        key = shown.stdout[shown.stdout.index("\nGrades\n") :].splitlines()[2:]
        assert key and page(app)[-len(key) :] == [line.strip() for line in key]  # its key too
        assert app.browser.pane.page.contents[-1][0] == "grades"  # listed in the contents
        # a claim shown under another ends with its badge, after its sources, as in show
        under = [b.base.plain for b in app.screen.query(".counter, .support").results(Block)]
        graded = [t for t in under if re.search(r" (?:[A-F][1-6]|source [A-F])$", t)]
        assert graded and all(re.search(r"\] (?:[A-F][1-6]|source [A-F])$", t) for t in graded)
        assert all(t.split("] ")[-1] in shown.stdout for t in graded)


async def test_the_sidebar_lists_entries_by_title_as_brief_list_does(tmp_path: Path) -> None:
    """Files define entries out of title order; the list reads as ``brief list`` does."""
    root = tmp_path / "order"
    root.mkdir()
    (root / "base.toml").write_text(
        "format = 1\n"
        + "".join(
            f'[[topics]]\nid = "{i}"\ntitle = "{t}"\nsummary = "s"\n\n'
            for i, t in (("zulu", "Zulu 10"), ("alpha", "alpha"), ("z2", "Zulu 9"))
        )
        + "".join(
            f'[[actors]]\nid = "{i}"\nname = "{t}"\ndescription = "d"\n\n'
            for i, t in (("russia", "Russia"), ("china", "China"))
        )
    )
    runner = CliRunner()
    for kind in ("topics", "actors"):
        result = runner.invoke(cli, ["--no-bundled", "-c", str(root), "list", kind])
        assert result.exit_code == 0, result.output
        order = result.output.split()
        assert order == (["alpha", "z2", "zulu"] if kind == "topics" else ["china", "russia"])
    for cache in (False, True):  # the cache's catalogue, and a fresh load's
        app = make_app(root, cache=cache)
        async with app.run_test(size=SIZE):
            assert listed(app) == [
                "Topics 3", "alpha", "Zulu 9", "Zulu 10", "Actors 2", "China", "Russia"
            ]  # fmt: skip
            assert title(app) == "alpha"  # and it opens on the first topic listed


def test_history_amended_drops_a_stop_that_became_the_same_place() -> None:
    """An edge's claims closed because an edit took the edge out: the place is the list
    of edges again, which is the stop behind; back goes to the page, not to the list."""
    history = History()
    edges, claims = Overlay("china"), Overlay("china", ("china", "shields", "north-korea"))
    history.go(Place("china"))
    history.go(Place("china"), 2, overlays=(edges,))
    history.go(Place("china"), 2, overlays=(edges, claims), left=(edges,))
    history.amend((edges,))
    assert history.current == Stop(Place("china"), overlays=(edges,))
    stop = history.back()
    assert stop is not None and stop.place == Place("china") and stop.overlays == ()
    assert not history.can_back


async def test_the_title_bar_shows_the_counts_and_opens_the_palette(
    bundled_app: BriefApp,
) -> None:
    from textual.command import CommandPalette

    from brief.tui.widgets import TitleBar

    async with bundled_app.run_test(size=SIZE) as pilot:
        bar = bundled_app.screen.query_one(TitleBar)
        line = str(bar.render())
        assert line.startswith(" ≡ ") and f"brief — {bundled_app.sub_title}" in line
        bundled_app.sub_title = "changed"
        await pilot.pause()
        assert str(bar.render()).rstrip().endswith("brief — changed")
        await pilot.click(TitleBar, offset=(1, 0))
        assert isinstance(bundled_app.screen, CommandPalette)


def test_the_first_screen_of_a_page_is_what_its_text_surely_fills() -> None:
    from textual.content import Content

    page = Page()
    for cells in (250, 10, 0, 500):
        page.add(Block(Content("x" * cells)))
    assert page.cells == [250, 10, 0, 500]
    assert page.first_screen(100, 3) == 1  # 250 cells wrap to 3 lines at least
    assert page.first_screen(100, 5) == 3  # 3 + 1 + 1 (an empty block is a line)
    assert page.first_screen(100, 6) == 4
    assert page.first_screen(100, 50) == 4  # the whole page is not a screenful: all of it


@pytest.mark.parametrize(
    "size", [(40, 20), (59, 24), (60, 24), (99, 30), (100, 30), (159, 40), (160, 50), (240, 60)]
)
async def test_the_first_paint_counts_the_room_the_page_has_at_most(
    size: tuple[int, int],
) -> None:
    """The first paint draws as much of the page as its text surely fills, counted in the
    cells beside the list (``BESIDE``): more than the page's text really has, never less,
    or the first screen would be drawn short."""
    from brief.tui.screens.browse import BESIDE, TINY

    app = make_app(bundled=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        pane = app.screen.query_one("#reader", Pane)
        width, height = size
        room = (width - BESIDE if width >= TINY else width, height - 2)
        assert pane.scrollable_content_region.width <= room[0]
        assert pane.scrollable_content_region.height <= room[1]
        if width < 160:  # (wider, the list is wider too: the count is safe, if looser)
            assert room[0] - pane.scrollable_content_region.width <= 12  # not far over


async def test_a_long_page_is_whole_once_the_first_screen_is_drawn(
    bundled_app: BriefApp,
) -> None:
    async with bundled_app.run_test(size=(100, 12)) as pilot:
        pane = bundled_app.screen.query_one("#reader", Pane)
        await pilot.pause()
        assert list(pane.children) == pane.page.widgets
        assert pane.page.first_screen(100, 12) < len(pane.page.widgets)  # it was split


async def test_tab_on_a_page_scrolled_away_goes_to_the_links_in_view(
    bundled_app: BriefApp,
) -> None:
    """A new user pressed End, then Tab, and was thrown back to the top of the page; a
    second found the focus on a link hidden under the page's pinned title."""
    async with bundled_app.run_test(size=SIZE) as pilot:
        pane = bundled_app.screen.query_one("#reader", Pane)
        await pilot.pause()  # the whole page mounted
        pane.focus()
        await pilot.press("end")
        await pilot.pause()
        bottom = pane.scroll_y
        assert bottom > 0
        await pilot.press("tab")
        await pilot.pause()
        first = bundled_app.focused
        assert isinstance(first, Jump) and pane.scroll_y == bottom
        title = pane.query_one("Masthead")  # pinned over the top lines: not under it
        assert first.region.y >= title.region.bottom
        await pilot.press("tab")  # from a link in view: the next one, as before
        assert isinstance(bundled_app.focused, Jump) and bundled_app.focused is not first
        await pilot.press("home")
        await pilot.pause()
        await pilot.press("shift+tab")  # the focus is out of view: the last link in view
        await pilot.pause()
        last = bundled_app.focused
        assert isinstance(last, Jump) and pane.scroll_y == 0 and last.region.y > 0


async def test_tab_after_end_skips_links_under_the_pinned_title() -> None:
    """The trial's case: North Korea at 110 x 32, End, Tab: [16] and [17] lay under the
    title; the focus went to [16], out of sight."""
    app = make_app(bundled=True, start="north-korea")
    async with app.run_test(size=(110, 32)) as pilot:
        pane = app.screen.query_one("#reader", Pane)
        await pilot.pause()
        pane.focus()
        await pilot.press("end")
        await pilot.pause()
        title = pane.query_one("Masthead")
        hidden = [w for w in pane.query(Jump) if 0 <= w.region.y < title.region.bottom]
        assert hidden  # some link lies under the title at the end of this page
        await pilot.press("tab")
        focused = app.focused
        assert isinstance(focused, Jump) and focused not in hidden
        assert focused.region.y >= title.region.bottom


async def test_quotes_key_shows_each_claims_quotes_under_it_and_hides_them(mini: Path) -> None:
    """The TUI never showed a claim's quotes, which ``brief show --quotes`` prints: ``"``
    shows them under each claim, on this page and the next, and hides them again."""
    app = make_app(bundled=True, start="sanctions")
    quote = "\u201cactively helping North Korea circumvent them\u201d [1]"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {vars(k)["key"] for k in app.screen.query("Footer FooterKey")}
        assert "quotation_mark" in keys  # offered where the page has quotes
        assert not any(quote in t for t in page(app))
        await pilot.press('"')
        claim = next(t for t in page(app) if "of actively helping" in t)
        assert claim.splitlines()[-1] == quote or quote in claim.splitlines()
        assert isinstance(app.screen, BrowseScreen)
        await app.screen.open(Place("nuclear"))  # kept from page to page
        suggested = "\u201cit has been suggested\u201d"
        assert any(suggested in t for t in page(app))
        await pilot.press('"')
        assert not any(suggested in t for t in page(app))
    bare = make_app(mini)  # format 1: no quotes, no key in the footer
    async with bare.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {vars(k)["key"] for k in bare.screen.query("Footer FooterKey")}
        assert "quotation_mark" not in keys and "c" in keys


async def test_quotes_key_in_a_comparison_as_brief_compare_quotes(mini: Path) -> None:
    app = make_app(bundled=True, start="china")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("c")
        await app.screen.pick("china", "russia")  # type: ignore[attr-defined]
        await pilot.pause()
        quote = "\u201csought to impose economic sanctions\u201d"
        assert not any(quote in t for t in page(app))
        await pilot.press('"')
        assert any(quote in t for t in page(app))


async def test_a_page_says_a_file_that_could_not_be_read_names_its_entry(mini: Path) -> None:
    security = mini / "topics" / "security.toml"
    security.write_text(security.read_text() + "oops = [\n")
    app = make_app(mini, start="china")
    async with app.run_test(size=SIZE):
        said = " ".join(" ".join(page(app)).split())
        assert "The file mini/topics/security.toml could not be read, and names this actor" in said
