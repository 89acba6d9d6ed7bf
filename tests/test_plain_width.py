"""Plain text keeps to its width: a heading longer than a line wraps, underlined to fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len as cell_width

from .conftest import run


def test_a_long_heading_wraps_within_the_width() -> None:
    out = run("compare", "why-china", "china-russia", "-f", "plain").stdout
    lines = out.splitlines()
    assert max(cell_width(line) for line in lines) <= 80
    title, underline = lines[0] + " " + lines[1], lines[2]
    assert (
        title
        == "Why Is China Supporting North Korea vs Why Do China And Russia Support North Korea"
    )
    assert set(underline) == {"="} and len(underline) == cell_width(lines[0])


def test_search_results_and_empty_comparison_columns_keep_to_the_width(tmp_path: Path) -> None:
    long_title = "Harbour Authority Annual Report 2023: Expansion, Dredging and the Future of Quays"
    (tmp_path / "a.toml").write_text(
        'format = 1\n[[topics]]\nid = "harbour"\ntitle = "Harbour"\nsummary = "Dredging."\n'
        f'[[actors]]\nid = "fishers"\nname = "Fishers"\ndescription = "D."\n'
        f'[[actors]]\nid = "authority"\nname = "{long_title} Board"\ndescription = "D."\n'
        f'[[sources]]\nid = "report"\ntitle = "{long_title}"\nkind = "report"\n'
        '[[claims]]\nid = "c"\ntext = "Dredging harmed fish."\ntopic = "harbour"\n'
        'actors = ["fishers"]\ncites = [{ source = "report" }]\n'
    )
    base = ("--no-bundled", "-q", "-c", str(tmp_path))
    for width in ("80", "40"):
        found = run(*base, "search", "dredging", "-f", "plain", "-w", width).stdout
        lines = found.splitlines()
        assert "  brief show report" in lines  # the command whole, on a line of its own
        assert all(cell_width(line) <= int(width) for line in lines if "brief show" not in line)
        compared = run(*base, "compare", "fishers", "authority", "-f", "plain", "-w", width)
        assert "(nothing on" in compared.stdout or "(no claims on" in compared.stdout
        assert max(cell_width(line) for line in compared.stdout.splitlines()) <= int(width)


CITED = (
    'format = 2\n[[topics]]\nid = "canal"\ntitle = "Canal"\nsummary = "S."\n'
    '[[sources]]\nid = "log"\ntitle = "Log"\nkind = "report"\nreliability = "B"\n'
    'sections = ["Day one"]\n'
    '[[claims]]\nid = "stuck"\ntopic = "canal"\ntext = "The ship ran aground in a strong wind '
    'that blew sand across the whole of the southern reach."\n'
    'cites = [{ source = "log", section = "Day one", quote = "a strong wind that blew sand '
    'across the whole of the southern reach", locator = "para 1" }]\n'
    '[[claims]]\nid = "wind"\ntopic = "canal"\ntext = "Gusts reached forty knots over the '
    'southern reach of the canal that morning."\nsupports = ["stuck"]\n'
    'cites = [{ source = "log", section = "Day one" }]\n'
)


@pytest.mark.parametrize("fmt", ["plain", "terminal"])
def test_a_citation_and_a_grade_are_never_split_across_lines(tmp_path: Path, fmt: str) -> None:
    """``[1, para 1]`` and ``source B`` each stay on one line at every width (a trial
    saw ``[4,`` end one line and ``para 1]`` begin the next, and ``source`` and ``B``;
    the terminal's layout too, with ``[3, final paragraph]``)."""
    (tmp_path / "a.toml").write_text(CITED)
    base = ("--no-bundled", "-q", "-c", str(tmp_path))
    assert run(*base, "validate").exit_code == 0
    seen = set()
    for width in range(30, 110):
        shown = ("show", "canal", "--quotes", "-f", fmt, "-w", str(width), "--color", "never")
        out = run(*base, *shown).stdout
        lines = [line.strip() for line in out.split("\nGrades\n")[0].splitlines()]
        assert not any(line.endswith(("[1,", "source")) for line in lines), (width, out)
        assert not any(line.startswith(("para 1]", "B ")) or line == "B" for line in lines)
        seen |= {label for label in ("[1, para 1]", "source B") if label in out}
    assert seen == {"[1, para 1]", "source B"}  # both were there to be split


def test_a_hit_without_a_snippet_leaves_no_blank_line(tmp_path: Path) -> None:
    """A source found by its title alone has no text to show: its hit is one line, not
    one and a blank that reads as a break between groups (a trial)."""
    (tmp_path / "a.toml").write_text(
        'format = 1\n[[topics]]\nid = "war"\ntitle = "War"\nsummary = "Serbia mobilised."\n'
        '[[sources]]\nid = "serbian-papers"\ntitle = "Serbia Papers"\nkind = "report"\n'
    )
    found = run("--no-bundled", "-q", "-c", str(tmp_path), "search", "serbia", "-f", "plain")
    lines = found.stdout.splitlines()
    assert len(lines) == 3 and "" not in lines, found.stdout


def test_kept_parts_wrap_whole_and_a_text_holding_the_stand_in_wraps_as_it_is() -> None:
    """The terminal keeps ``[3, final paragraph]`` on one line by standing a private-use
    character in for its spaces while rich wraps; corpus text that holds that very
    character is wrapped as any text, and shown as written."""
    import io

    from rich.console import Console, Group

    from brief.render.richtext import Kept

    def drawn(text: Kept, width: int) -> list[str]:
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(Group(text))  # as drawn
        return [line.rstrip() for line in out.getvalue().splitlines()]

    for width in range(22, 40):
        lines = drawn(
            Kept("The ship ran aground in a strong wind ").keep("[3, final paragraph]"), width
        )
        assert any("[3, final paragraph]" in line for line in lines), (width, lines)
    odd = Kept("a\ue000b ").keep("[3, final paragraph]")
    assert drawn(odd, 12) == ["a\ue000b [3,", "final", "paragraph]"]


@pytest.mark.parametrize(
    "names", [("china", "russia"), ("why-china", "china-russia"), ("sanctions", "nuclear")]
)
def test_a_comparison_fits_a_narrow_width(names: tuple[str, str]) -> None:
    """A trial's `COLUMNS=40 brief compare china russia` gave overview lines 54 cells
    wide (``  Diplomacy and the UN            only china-russia``)."""
    out = run("compare", *names, "-f", "plain", "-w", "40").stdout
    assert max(cell_width(line) for line in out.splitlines()) <= 40
    rows = json.loads(run("compare", *names, "-f", "json").stdout)["rows"]
    starts = [line.strip() for line in out.splitlines()]
    short = [r["title"] for r in rows if cell_width(r["title"]) <= 36]
    assert short and all(any(s.startswith(t) for s in starts) for t in short)  # named whole


def test_a_narrow_width_is_kept_under_an_indent() -> None:
    """At --width 20 a claim's lines were 22 cells, a fact-check's 25: each wrapped line
    kept 20 cells for its words after its indent, whatever the width."""
    out = run("show", "sanctions", "-f", "plain", "--width", "20").stdout
    claims = out.split("\nSources\n")[0]  # the grades' key, after them, is a table of its own
    over = [line for line in claims.splitlines() if cell_width(line) > 20]
    assert not over, over


def test_a_conflict_s_long_topic_title_wraps_within_the_width(tmp_path: Path) -> None:
    """A trial's long topic title ran its conflicts heading past 80 columns."""
    import shutil

    from .conftest import CORPORA

    corpus = tmp_path / "c"
    shutil.copytree(CORPORA / "mini", corpus)
    topic = corpus / "topics" / "trade.toml"
    title = "Trade and the long argument about who really trades with whom across the border"
    topic.write_text(topic.read_text().replace('title = "Trade"', f'title = "{title}"'))
    out = run("--no-bundled", "--corpus", str(corpus), "conflicts", "-f", "plain").stdout
    lines = out.splitlines()
    assert max(cell_width(line) for line in lines) <= 80
    first = next(n for n, line in enumerate(lines) if line.startswith("1. "))
    heading = lines[first : first + 2]
    assert heading[1].startswith("   ") and not heading[1].startswith("    ")  # under it
    assert " ".join(x.strip() for x in heading) == f"1. {title}"
