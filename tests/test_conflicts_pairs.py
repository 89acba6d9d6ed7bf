"""``brief conflicts``: each pair graded as ``show`` grades, the firmer claim first whichever
of the two names the other, and a source contradicting itself marked as such, in every
format. The fixture is ``tests/corpora/contest`` (see tests/test_contest.py)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import ClassVar

from tests.conftest import CORPORA, run

CORPUS = ("--no-bundled", "--corpus", str(CORPORA / "contest"))

#: Each pair, firmer claim first: in the file, the first three links are written on the
#: weaker claim, the last on the firmer.
PAIRS = [
    ["plan-agreed", "cover-story"],  # A1 before C5 (improbable)
    ["plan-agreed", "peacekeeping"],  # A1 before a disputed claim
    ["france-neutral", "france-opposes"],  # A3 before C2: reliability first, as badges
    ["oil-through-canal", "britain-depends"],
    ["ultimatum-agreed", "peacekeeping"],  # one source against itself
]


def conflicts(*args: str) -> str:
    return run(*CORPUS, "conflicts", *args).stdout


def test_the_firmer_claim_comes_first_whoever_wrote_the_link() -> None:
    data = json.loads(conflicts("-f", "json"))
    assert [[p[0]["id"], p[1]["id"]] for p in data["pairs"]] == PAIRS
    assert [p[0]["grade"]["badge"] for p in data["pairs"]] == ["A1", "A1", "A3", "A1", "C2"]


def test_a_source_contradicting_itself_is_marked() -> None:
    data = json.loads(conflicts("-f", "json"))
    assert data["within"] == [[], [], [], [], ["statement"]]
    plain = conflicts("-f", "plain")
    assert plain.count("within one source") == 1
    assert "5. The war\n   (within one source: Statement to the House)\n" in plain
    assert "*Within one source: Statement to the House*" in conflicts("-f", "markdown")
    html = conflicts("-f", "html")
    assert '<p class="within"><em>Within one source: Statement to the House</em></p>' in html
    terminal = conflicts("-f", "terminal", "-w", "100")
    assert "(within one source: Statement to the House)" in terminal


def test_each_claim_shows_its_grade_as_show_does() -> None:
    plain = conflicts("-f", "plain")
    first = plain.split("\n1. The war\n", 1)[1].split("\n\n", 1)[0]
    assert first.splitlines() == [
        "  - Britain and France agreed a joint plan in advance. (Britain, France) [1]",
        "    A1",
        "    ! contradicts",
        "  - Britain intervened only to separate the belligerents. (Britain, Egypt) [2]",
        "    C5",
    ]
    markdown = conflicts("-f", "markdown")
    assert "  - A1\n  - **contradicts the next claim**\n- Britain intervened only" in markdown
    assert "  - C5\n" in markdown
    terminal = conflicts("-f", "terminal", "-w", "100")
    assert "\n  \x1b[1;2;36mC5\x1b[0m\n" in terminal  # the badge, bold, as show draws it

    class Grades(HTMLParser):
        grades: ClassVar[list[str]] = []
        inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = self.inside or ("class", "grade-line") in attrs

        def handle_endtag(self, tag: str) -> None:
            self.inside = self.inside and tag != "p"

        def handle_data(self, data: str) -> None:
            if self.inside and data.strip() not in ("", "Grade:"):
                self.grades.append(data.strip())

    parser = Grades()
    parser.feed(conflicts("-f", "html"))
    assert parser.grades[:4] == ["A1", "C5", "A1", "C4"]


def test_every_format_says_each_pair_contradicts() -> None:
    """Markdown listed a pair as two bullets, nothing between them (a trial): every
    other format says the first contradicts the next."""
    pairs = len(json.loads(run("conflicts", "-f", "json").stdout)["pairs"])
    assert pairs > 1
    said = {
        "markdown": "**contradicts the next claim**",
        "plain": "! contradicts",
        "html": "contradicts the next claim",
    }
    for fmt, words in said.items():
        assert run("conflicts", "-f", fmt).stdout.count(words) == pairs, fmt
