"""A quote its source's text does not hold is never shown as the source's words.

``brief validate`` said BRIEF017 of such a quote, while ``show --quotes``, ``compare
--quotes``, ``export`` and the TUI printed it, unmarked, as what the source says (a
new-user trial's finding). Each now looks for it as ``validate`` does and marks it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.corpus.cited import QuoteFinder
from brief.corpus.load import Layer
from brief.store import open_store
from brief.views.gradewords import NOT_FOUND, checked_quotes, quote_line
from brief.views.records import Quote

from .conftest import CORPORA, run
from .test_tui import SIZE, make_app, page

#: The quote the tests change: in the test corpus, its source's text holds it.
RIGHT = "container volumes rose by a third"
WRONG = "container volumes rose by half"


@pytest.fixture
def analyst(tmp_path: Path) -> Iterator[Path]:
    """A copy of the format-2 test corpus, one quote changed to words its text lacks."""
    dest = tmp_path / "analyst"
    shutil.copytree(CORPORA / "analyst", dest)
    harbour = dest / "harbour.toml"
    text = harbour.read_text()
    assert RIGHT in text
    harbour.write_text(text.replace(f'quote = "{RIGHT}"', f'quote = "{WRONG}"', 1))
    yield dest


def _quotes(doc: dict[str, object]) -> dict[str, bool | None]:
    """Each quote's words in a ``show -f json`` briefing, with its ``found``."""
    found: dict[str, bool | None] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for q in node.get("quotes", ()) if isinstance(node.get("quotes"), list) else ():
                found[q["text"]] = q["found"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return found


def test_the_mark_follows_a_quote_its_text_does_not_hold() -> None:
    assert quote_line(Quote(1, "words", "p. 4", found=False)) == (
        f"\u201cwords\u201d [1, p. 4] {NOT_FOUND}"
    )
    for found in (True, None):  # found, or not looked for: no mark
        assert quote_line(Quote(1, "words", "p. 4", found=found)) == "\u201cwords\u201d [1, p. 4]"


def test_show_quotes_marks_only_the_quote_not_found(analyst: Path) -> None:
    shown = run("--no-bundled", "--corpus", str(analyst), "show", "harbour", "--quotes")
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert f"\u201c{WRONG}\u201d [1, p. 4] {NOT_FOUND}" in text
    assert text.count(NOT_FOUND) == 1  # the others are the source's words
    assert "\u201ctraffic is expected to keep growing\u201d [5, para 2]" in text

    doc = json.loads(
        run(
            "--no-bundled", "--corpus", str(analyst), "show", "harbour", "--quotes", "-f", "json"
        ).stdout
    )
    quotes = _quotes(doc)
    assert quotes[WRONG] is False
    assert quotes["traffic is expected to keep growing"] is True
    assert quotes["the road opened two years behind schedule"] is None  # no text to look in


def test_markdown_html_and_the_cache_mark_it_alike(analyst: Path) -> None:
    base = ("--no-bundled", "--corpus", str(analyst), "show", "harbour", "--quotes", "-f")
    for _ in range(2):  # a load, then the cache it wrote
        markdown = run(*base, "markdown").stdout
        assert f"\u201c{WRONG}\u201d \\[1, p. 4\\] {NOT_FOUND}" in markdown
        html = run(*base, "html").stdout
        assert "(not found where cited in the source&#x27;s text: brief validate says more)" in html


def test_the_mark_agrees_with_validate(analyst: Path) -> None:
    """The finder says False of exactly the quotes ``validate`` says BRIEF017 of."""
    harbour = analyst / "harbour.toml"
    text = harbour.read_text()  # cited from another section: not found there either
    old = 'section = "Outlook", quote = "traffic is expected to keep growing"'
    harbour.write_text(text.replace(old, old.replace("Outlook", "Summary"), 1))
    problems = json.loads(run("--no-bundled", "validate", str(analyst), "-f", "json").stdout)
    flagged = {p["where"] for p in problems["problems"] if p["code"] == "BRIEF017"}
    assert len(flagged) == 2
    store = open_store([Layer(str(analyst), "analyst")], use_cache=False)
    finder = QuoteFinder(store.source_text)
    index = store.index()
    assert {c.file for c in index.corpus.claims} == {"analyst/harbour.toml"}  # in its order
    not_found = {
        f"claims[{i}].cites[{j}].quote"
        for i, claim in enumerate(index.corpus.claims)
        for j, cite in enumerate(claim.cites)
        if cite.quote is not None and finder(cite.source, cite.section, cite.quote) is False
    }
    assert not_found == flagged


def test_compare_quotes_marks_it(analyst: Path) -> None:
    shown = run(
        "--no-bundled", "--corpus", str(analyst), "compare", "port-authority",
        "fishers-union", "--quotes",
    )  # fmt: skip
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert f"\u201c{WRONG}\u201d [2, p. 4] {NOT_FOUND}" in text
    assert text.count(NOT_FOUND) == 1


def test_min_grade_keeps_the_mark_as_it_renumbers(analyst: Path) -> None:
    shown = run(
        "--no-bundled", "--corpus", str(analyst), "show", "harbour", "--quotes",
        "--min-grade", "B2",
    )  # fmt: skip
    assert shown.exit_code == 0, shown.stderr
    assert NOT_FOUND in " ".join(shown.stdout.split())


def test_export_marks_it(analyst: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = run("--no-bundled", "--corpus", str(analyst), "export", str(site))
    assert done.exit_code == 0, done.stderr
    page_ = (site / "topic-harbour.html").read_text()
    said = "(not found where cited in the source&#x27;s text"
    assert f"\u201c{WRONG}\u201d [1, p. 4] {said}" in page_


def test_show_without_quotes_reads_no_source_text(
    analyst: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a briefing that shows quotes looks for them: ``show`` alone reads no text."""
    import brief.corpus.cited as cited

    def refused(*args: object) -> None:
        raise AssertionError("a source text was read")

    monkeypatch.setattr(cited, "source_text", refused)
    shown = run("--no-bundled", "--corpus", str(analyst), "show", "harbour")
    assert shown.exit_code == 0 and WRONG not in shown.stdout


def test_checked_quotes_looks_in_the_source_and_section_each_reference_names() -> None:
    store = open_store([Layer(str(CORPORA / "analyst"), "analyst")], use_cache=False)
    view = store.briefing("harbour")
    asked: list[tuple[str, str | None, str]] = []

    def found(source: str, section: str | None, quote: str) -> bool:
        asked.append((source, section, quote))
        return quote != RIGHT

    checked = checked_quotes(view, found)
    assert (("harbour-report", "Shipping Volumes", RIGHT)) in asked
    assert ("wire-note", None, "the road opened two years behind schedule") in asked
    marks = {
        q.text: q.found
        for s in checked.sections
        for p in s.points
        for q in (p.grade.quotes if p.grade else ())
    }
    assert marks[RIGHT] is False and marks["traffic is expected to keep growing"] is True
    contested = [
        q.found
        for s in checked.sections
        for p in s.points
        for o in p.contested_by
        for q in (o.grade.quotes if o.grade else ())
    ]
    assert contested and all(f is not None for f in contested)  # a claim shown under another


async def test_the_tui_marks_it_when_quotes_are_shown(analyst: Path) -> None:
    app = make_app(analyst, start="harbour")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any(NOT_FOUND in " ".join(t.split()) for t in page(app))
        await pilot.press('"')
        shown = [" ".join(t.split()) for t in page(app)]
        assert sum(NOT_FOUND in t for t in shown) == 1
        assert any(f"\u201c{WRONG}\u201d [1, p. 4] {NOT_FOUND}" in t for t in shown)


def test_timeline_quotes_marks_it_and_without_shows_none_at_all(analyst: Path) -> None:
    base = ("--no-bundled", "--corpus", str(analyst), "timeline")
    text = " ".join(run(*base, "--quotes").stdout.split())
    assert f"\u201c{WRONG}\u201d" in text and text.count(NOT_FOUND) == 1
    # without --quotes, not even those of a claim shown under another (JSON had them)
    bare = json.loads(run(*base, "-f", "json").stdout)
    assert _quotes(bare) == {}
    quoted = json.loads(run(*base, "--quotes", "-f", "json").stdout)
    assert _quotes(quoted)[WRONG] is False


def test_conflicts_show_no_quotes_in_any_format(analyst: Path) -> None:
    """Their JSON held the pair's quotes, unchecked, where no other format shows them."""
    doc = json.loads(
        run("--no-bundled", "--corpus", str(analyst), "conflicts", "-f", "json").stdout
    )
    assert doc["pairs"] and _quotes(doc) == {}


# a quote is whole words: a trial's reversed quote passed as a piece of a longer word

ARTICLE = "It was an unrestrained anti-Soviet campaign in the West. The answer was a denial."


@pytest.mark.parametrize(
    "quote",
    [
        "restrained anti-Soviet campaign in the West",  # "un" cut off: the meaning reversed
        "the answer was a deni",  # a word cut short
        "he answer was",  # a word cut at its start
        "Soviet campaign in the Wes",
    ],
)
def test_a_quote_that_cuts_a_word_is_not_found(quote: str) -> None:
    from brief.corpus.quotes import contains, span

    assert not contains(ARTICLE, quote)
    assert span(ARTICLE, quote) is None  # nor marked in the citation dialog


@pytest.mark.parametrize(
    "quote",
    [
        "unrestrained anti-Soviet campaign in the West",
        "anti-Soviet",  # a hyphen's words
        "campaign in the West.",  # ends with punctuation
        "\u201cThe answer was a denial.\u201d",  # in quotation marks, as an editor types
        "Soviet campaign",  # after a hyphen: a word of its own
    ],
)
def test_a_quote_of_whole_words_is_found(quote: str) -> None:
    from brief.corpus.quotes import contains, span

    assert contains(ARTICLE, quote.strip("\u201c\u201d"))
    found = span(ARTICLE, quote.strip("\u201c\u201d"))
    assert found is not None


def test_validate_says_a_quote_cutting_a_word_is_not_found(analyst: Path) -> None:
    harbour = analyst / "harbour.toml"
    text = harbour.read_text()
    old = 'quote = "traffic is expected to keep growing"'
    assert old in text
    harbour.write_text(text.replace(old, 'quote = "raffic is expected to keep growing"', 1))
    problems = json.loads(run("--no-bundled", "validate", str(analyst), "-f", "json").stdout)
    said = [p["message"] for p in problems["problems"] if p["code"] == "BRIEF017"]
    assert len(said) == 2  # the fixture's own, and this one
    assert any("(closest: 'traffic is expected to keep growing" in m for m in said)
