"""The citation dialog shows the cited section's text, its quote marked (issue #18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.corpus.load import Layer
from brief.corpus.quotes import contains, span
from brief.store import CachedStore, LiveStore, Store, open_store
from brief.tui.screens.citation import QUOTE_STYLE, CitationScreen
from brief.tui.widgets import Block
from tests.test_tui import SIZE, make_app, page, tab_to

ANALYST = Path(__file__).parent / "corpora" / "analyst"


# where a quote is, in the words as written


def test_span_is_where_the_quote_is_in_the_original_text() -> None:
    body = "Between 2018 and 2020, container volumes rose by a third, while"
    start, end = span(body, "container volumes rose by a third") or (0, 0)
    assert body[start:end] == "container volumes rose by a third"


@pytest.mark.parametrize(
    ("body", "quote", "shown"),
    [
        ("It said \u201cno more\u201d.", '"No more"', "\u201cno more\u201d"),  # marks, case
        ("growing \u2014 though\nmore", "growing - though  more", "growing \u2014 though\nmore"),
        ("a  caf\u0065\u0301 opened", "CAF\u00c9 opened", "caf\u0065\u0301 opened"),  # combining
        ("the \ufb01sh left", "fish", "\ufb01sh"),  # a ligature is one character written
    ],
)
def test_span_maps_a_normalised_match_back(body: str, quote: str, shown: str) -> None:
    assert contains(body, quote)  # what validate accepts, the dialog marks
    found = span(body, quote)
    assert found is not None and body[found[0] : found[1]] == shown


@pytest.mark.parametrize("quote", ["not in it", "", "   "])
def test_span_is_none_for_a_quote_not_there(quote: str) -> None:
    assert span("The harbour opened twelve new berths.", quote) is None


# the store reads the section, from the files, live or cached


def _stores() -> tuple[LiveStore, CachedStore]:
    layers = [Layer(str(ANALYST), "analyst")]
    cold = open_store(layers)
    warm = open_store(layers)
    assert isinstance(cold, LiveStore) and isinstance(warm, CachedStore)
    return cold, warm


def _section(store: Store, source: str, section: str | None) -> str | None:
    """What the dialog shows of a citation of *section* of *source*."""
    text = store.source_text(source)
    return None if text is None else text.section(section)


def test_both_stores_give_the_cited_sections_text() -> None:
    for store in _stores():
        volumes = _section(store, "harbour-report", "shipping volumes")  # any case
        assert volumes is not None
        assert volumes.startswith("Between 2018 and 2020, container volumes rose")
        assert "Outlook" not in volumes  # the next section is not part of it
        whole = _section(store, "harbour-report", None)
        assert whole is not None and "Outlook" in whole and volumes in whole
        assert _section(store, "harbour-report", "No Such Heading") is None
        assert _section(store, "wire-note", None) is None  # no text
        assert _section(store, "no-such-source", None) is None
        assert _section(store, "harbour", None) is None  # a topic, not a source


def test_a_text_outside_the_corpus_folder_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (tmp_path / "secret.md").write_text("# Secret\n\nDo not show.\n")
    (root / "inside.md").write_text("# Inside\n\nShown.\n")
    (root / "s.toml").write_text(
        'format = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "report"\n'
        'text = "../secret.md"\n'
        '[[sources]]\nid = "ok"\ntitle = "Ok"\nkind = "report"\ntext = "inside.md"\n'
    )
    store = open_store([Layer(str(root), "corpus")], use_cache=False)
    assert store.resolve("s") == "s"  # the source loads; its text is not read
    assert _section(store, "s", None) is None
    assert _section(store, "ok", "Inside") == "Shown."


# the dialog


async def _open_citation(app_start: str, link: str) -> tuple[list[str], Block | None]:
    """The dialog's text and its section-text block, after following *link*."""
    app = make_app(ANALYST, start=app_start)
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, link)
        await pilot.press("enter")
        assert isinstance(app.screen, CitationScreen)
        blocks = list(app.screen.query("Block.section-text").results(Block))
        return page(app), (blocks[0] if blocks else None)


async def test_the_dialog_shows_the_section_text_with_the_quote_marked() -> None:
    text, shown = await _open_citation("harbour", '[1] Harbour Traffic Review, "Shipping')
    assert "Text of the section" in text
    assert shown is not None
    plain = shown.base.plain
    assert plain.startswith("Between 2018 and 2020, container volumes rose by a third")
    marked = [(s.start, s.end) for s in shown.base.spans if s.style == QUOTE_STYLE]
    assert [plain[a:b] for a, b in marked] == ["container volumes rose by a third"]


async def test_a_source_without_text_shows_no_section_text() -> None:
    text, shown = await _open_citation("harbour", "[6] Wire Service Note")
    assert shown is None
    assert not any(t.startswith("Text of the") for t in text)
    assert "Wire Service Note" in text


async def test_section_text_is_literal_never_markup(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "text.md").write_text("# Loud\n\n[bold]quoted[/bold] and [@click=app.quit]x[/]\n")
    (root / "c.toml").write_text(
        'format = 2\n[[sources]]\nid = "s"\ntitle = "Src"\nkind = "report"\n'
        'text = "text.md"\nsections = ["Loud"]\n'
        '[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[claims]]\nid = "c"\ntopic = "t"\ntext = "A claim."\n'
        'cites = [{ source = "s", section = "Loud", quote = "[bold]quoted[/bold]" }]\n'
    )
    app = make_app(root, start="t")
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "[1] Src")
        await pilot.press("enter")
        shown = app.screen.query_one("Block.section-text", Block)
        plain = shown.base.plain
        assert plain == "[bold]quoted[/bold] and [@click=app.quit]x[/]"
        marked = [plain[s.start : s.end] for s in shown.base.spans if s.style == QUOTE_STYLE]
        assert marked == ["[bold]quoted[/bold]"]
