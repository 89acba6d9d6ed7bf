"""Output measured in terminal cells, ``--width``, ``--color``, and no trailing spaces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brief.render.cells import cell_len, split_at
from brief.render.plain import PlainRenderer
from brief.render.richtext import strip_trailing
from brief.views.records import Briefing, Point, Section

from .conftest import run

CJK = "朝鲜的核武器计划是中国和俄罗斯关系中的一个重要问题两国都反对朝鲜拥有核武器。"


def test_cell_len_counts_wide_characters_twice() -> None:
    assert cell_len("abc") == 3
    assert cell_len("朝鲜") == 4
    assert cell_len("⚡x") == 3
    assert cell_len("e\u0301") == 1  # a combining accent takes no cell
    assert split_at("朝鲜核", 5) == ("朝鲜", "核")


def _briefing(text: str) -> Briefing:
    point = Point("c", text, "alleged", None, (1,), (), "t", "T")
    return Briefing(
        "topic", "t", "朝鲜问题", text, (), (Section("", "General", (point,)),), (), "", ()
    )


def test_a_40_column_plain_render_of_cjk_text_fits_in_40_cells() -> None:
    out = PlainRenderer(40).briefings([_briefing(CJK * 2)])
    widths = [cell_len(line) for line in out.splitlines()]
    assert max(widths) <= 40
    assert max(widths) >= 36  # and the lines are filled, not cut short
    assert out.splitlines()[1] == "=" * 8  # the title's rule is as wide as the title


def test_strip_trailing_keeps_escape_codes() -> None:
    assert strip_trailing("a  \x1b[0m\nb \n") == "a\x1b[0m\nb\n"


TRAILING = re.compile(r"[ \t]+(?:\x1b\[[0-9;]*m)*$", re.MULTILINE)


@pytest.mark.parametrize("fmt", ["plain", "terminal", "markdown"])
@pytest.mark.parametrize("columns", ["40", "100"])
@pytest.mark.parametrize(
    "args",
    [
        ("show", "sanctions", "china", "why-china"),
        ("compare", "china", "russia"),
        ("conflicts",),
        ("search", "nuclear"),
        ("list", "sources"),
    ],
)
def test_no_trailing_spaces(args: tuple[str, ...], fmt: str, columns: str) -> None:
    result = run(*args, "-f", fmt, env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert TRAILING.search(result.stdout) is None


def test_terminal_status_readable_without_colour() -> None:
    out = run("show", "sanctions", "-f", "terminal").stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "[alleged] China has been accused" in plain


def test_width_option_sets_the_layout_width() -> None:
    out = run("show", "sanctions", "-f", "plain", "--width", "40").stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 40
    wide = run("show", "sanctions", "-f", "plain", "-w", "140").stdout
    assert max(cell_len(line) for line in wide.splitlines()) > 100  # as asked, not capped
    terminal = run("compare", "china", "russia", "-f", "terminal", "-w", "50").stdout
    bare = re.sub(r"\x1b\[[0-9;]*m", "", terminal)
    assert max(cell_len(line) for line in bare.splitlines()) <= 50
    assert run("list", "-w", "5").exit_code == 2


@pytest.mark.parametrize("kind", ["topics", "actors", "sources"])
def test_a_narrow_listing_gives_every_word_whole(kind: str) -> None:
    """At 40 columns a trial met titles and tags cut to a word a line, each ending in an
    ellipsis: the description now goes under the title, and nothing is cut."""
    narrow = run("list", kind, "-f", "terminal", "-w", "40", "--color", "never").stdout
    lines = narrow.splitlines()
    assert "…" not in narrow
    assert max(cell_len(line) for line in lines) <= 40
    start = min(
        line.index(word) for line in lines[:2] for word in ("title", "name") if word in line
    )
    column = " ".join(line[start:] for line in lines[1:] if line[start:].strip())
    items = json.loads(run("list", kind, "-f", "json").stdout)["items"]
    tags = "tags: " if kind == "topics" else ""  # a topic's tags say what they are
    words = [w for i in items for w in f"{i['title']} {tags}{i['detail']}".split()]
    assert column.split() == words  # every title and description, whole, in order


def test_color_always_colours_a_pipe_and_never_does_not() -> None:
    piped = run("show", "sanctions").stdout  # CliRunner's stdout is not a terminal
    assert "\x1b[" not in piped
    always = run("show", "sanctions", "--color", "always").stdout
    assert always.startswith("\x1b[1;7mSanctions")
    # a flag on the command line wins over NO_COLOR, which still rules 'auto'
    forced = run("show", "sanctions", "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert forced == always  # colours too, not only bold (rich alone would drop them)
    assert run("show", "sanctions", "--color", "never").stdout == piped
    # an explicit format wins over --color
    assert "\x1b[" not in run("show", "sanctions", "--color", "always", "-f", "plain").stdout


@pytest.mark.parametrize("width", ["40", "80", "100"])
@pytest.mark.parametrize("name", ["china", "sanctions", "why-china"])
def test_colour_writes_no_empty_styled_span(name: str, width: str) -> None:
    """A trial's ``--color always`` output held ``\x1b[3m\x1b[0m`` where a line wrapped
    at the space that opened a styled span, and after a claim with no citation."""
    shown = run("show", name, "--color", "always", "-w", width).stdout
    assert re.findall(r".{0,20}\x1b\[[0-9;]*m\x1b\[0m", shown) == []


def test_the_terminal_layout_without_colour_writes_no_escape_codes() -> None:
    """``-f terminal`` chooses the layout; ``--color never`` or NO_COLOR still take the
    colour away (a reader found escape codes after asking for none)."""
    coloured = run("show", "sanctions", "-f", "terminal").stdout
    assert coloured.startswith("\x1b[1;7mSanctions")
    bare = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert run("show", "sanctions", "-f", "terminal", "--color", "never").stdout == bare
    assert run("show", "sanctions", "-f", "terminal", env={"NO_COLOR": "1"}).stdout == bare
    assert bare != run("show", "sanctions", "-f", "plain").stdout  # the terminal's layout
    forced = run("show", "sanctions", "-f", "terminal", "--color", "always", env={"NO_COLOR": "1"})
    assert forced.stdout == coloured


def test_no_color_still_makes_auto_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.render.output import destination

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert destination("auto") == "terminal"
    monkeypatch.setenv("NO_COLOR", "1")
    assert destination("auto") == "plain"
    assert destination("auto", "always") == "terminal"


def test_footnotes_give_author_and_year_and_a_source_page_no_byline(mini: Path) -> None:
    out = run("--no-bundled", "-c", str(mini), "show", "atlas", "-f", "plain").stdout
    assert '  [1] The Atlas Review, "Security Matters" (A. Writer, 2024)\n' in out
    assert "  [3] The Ledger\n" in out  # neither author nor date: nothing to add
    assert out.count("A. Writer") == 3  # the author fact and two footnotes; no byline
    assert out.startswith("The Atlas Review\n================\n\nkind: article\n")
    data = json.loads(run("--no-bundled", "-c", str(mini), "show", "trade", "-f", "json").stdout)
    assert data["references"][0]["author"] == "A. Writer"
    assert data["references"][0]["year"] == "2024"
    assert data["references"][1]["author"] is None
