"""Relations in HTML: ``brief graph -f html``, an actor's relations in ``show -f html``,
and the export's graph page, with Graphviz's picture made inert (``render.html.svg``).

The picture is the one place an export holds markup another program wrote, so the
sanitiser is tested on its own with hostile SVG, and end to end with the hostile names
of tests/test_relations.py drawn by the real ``dot`` and by a stand-in that writes
hostile SVG, fails, or hangs.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from brief.render.html import svg
from brief.render.html.page import anchor, page_name
from brief.render.html.svg import ELEMENTS, Unsafe, sanitise

from .conftest import CORPORA, run
from .htmlcheck import Parsed, check_document
from .test_relations import HOSTILE_NAMES, dot_program, hostile_corpus

RELATIONS = CORPORA / "relations"


def _html(corpus: Path, *args: str) -> Parsed:
    result = run("--no-bundled", "--corpus", str(corpus), *args, "-f", "html")
    assert result.exit_code == 0, result.stderr
    return check_document(result.stdout)


# -- brief graph -f html --------------------------------------------------------------------


def test_graph_as_html_groups_each_actors_relations_by_kind() -> None:
    doc = _html(RELATIONS, "graph")
    ids = set(doc.ids)
    assert {anchor("relations", a) for a in ("china", "russia", "un")} <= ids
    seen = doc.visible
    china = seen[seen.index("China\n\nsupports") : seen.index("North Korea\n\ndepends on")]
    assert re.search(r"supports\s+North Korea", china)
    assert "trades with" in china and "2 claims · 1 reported, 1 alleged · B1" in china
    # The contested edge says so in words, and so does the claim behind it.
    assert "⚠ contested · 1 claim · assessment" in china
    assert "China keeps North Korea's economy afloat." in china
    assert "Matrix" in seen and "! contested" in seen


def test_graph_as_html_links_only_inside_itself() -> None:
    doc = _html(RELATIONS, "graph")
    assert doc.hrefs and all(h.startswith("#") and h[1:] in doc.ids for h, _ in doc.hrefs)
    kinds = {h[1:].split("-", 1)[0] for h, _ in doc.hrefs}
    assert kinds == {"relations", "edge", "ref", "cite"}  # sections, matrix, footnotes
    cells = [v for t, n, v in doc.attrs if t == "td" and n == "title"]
    assert "supports (contested), shields, trades with" in cells


def test_graph_as_html_of_hostile_names_is_text(tmp_path: Path) -> None:
    result = run("--no-bundled", "--corpus", str(hostile_corpus(tmp_path)), "graph", "-f", "html")
    assert result.exit_code == 0, result.stderr
    doc = check_document(result.stdout)
    for name in HOSTILE_NAMES:
        assert name in doc.visible
    assert "<script>" not in result.stdout and "<b>" not in result.stdout


def test_hostile_names_in_an_actors_relations_are_text(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path)
    doc = _html(corpus, "show", "h0", "h1", "h2", "h3", "h4")
    for name in HOSTILE_NAMES:
        assert f"opposed by {name}" in doc.visible or f"trades with {name}" in doc.visible
    assert "script" not in doc.tags and ("#actor-h1", "") in doc.hrefs


def test_no_relation_as_html_follows_the_empty_results_rule() -> None:
    result = run(
        "--no-bundled", "--corpus", str(RELATIONS), "graph", "un", "-r", "supports", "-f", "html"
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert "no relations match" in result.stderr


# -- show ACTOR -f html -----------------------------------------------------------------------


def test_an_actors_briefing_in_html_lists_its_relations_linked_to_their_claims() -> None:
    doc = _html(RELATIONS, "show", "china")
    seen = doc.visible
    assert seen.index("Relations") < seen.index("Sanctions")  # near the top, as in text
    assert "⚠ supports North Korea (1 claim, contested): china-supports-nk" in seen
    assert "trades with North Korea (2 claims): china-trades-nk, nk-trades-china" in seen
    assert "sanctioned by United States" in seen  # what others do to it too
    assert (f"#{anchor('claim', 'china-trades-nk')}", "") in doc.hrefs
    assert "Among all the relations" not in seen  # a lone document: no graph page


def test_an_actor_shown_with_another_links_to_it() -> None:
    doc = _html(RELATIONS, "show", "china", "russia")
    assert ("#actor-russia", "") in doc.hrefs


# -- the sanitiser ----------------------------------------------------------------------------

HOSTILE_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="10pt" height="10pt" viewBox="0 0 10 10" onload="alert(1)" id="graph0">
<script>alert(2)</script>
<style>@import url(https://evil.example/x.css);</style>
<g class="node" style="background:url(https://evil.example/p.png)" onclick="alert(3)">
<title>&lt;script&gt;alert(4)&lt;/script&gt;</title>
<a xlink:href="javascript:alert(5)" href="https://evil.example/"><text x="1" y="2">kept</text></a>
<polygon fill="url(https://evil.example/#g)" stroke="black" points="0,0 1,1"/>
<path d="M0,0" fill="javascript:alert(6)" stroke-dasharray="5,2"/>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(7)</script></div></foreignObject>
<image href="https://evil.example/i.png"/><use xlink:href="#graph0"/>
<html:b xmlns:html="http://www.w3.org/1999/xhtml">bold</html:b>
<animate attributeName="href" to="javascript:alert(8)"/><set attributeName="onclick" to="x"/>
</g>
</svg>
"""


def test_the_sanitiser_keeps_the_drawing_and_nothing_that_runs_or_fetches() -> None:
    out = sanitise(HOSTILE_SVG)
    parsed = Parsed(out)
    assert parsed.faults == []
    assert set(parsed.tags) <= ELEMENTS and {"svg", "g", "text", "polygon", "path"} <= set(
        parsed.tags
    )
    names = {name for _, name, _ in parsed.attrs}
    assert not {n for n in names if n.startswith("on")}
    assert not names & {"href", "xlink:href", "style", "id", "src"}
    lowered = out.lower()
    for bad in ("url(", "javascript", "evil.example", "<script", "<style", "foreignobject"):
        assert bad not in lowered, bad
    assert "kept" in parsed.visible  # a link's content is drawn, the link is gone
    assert "<script>alert(4)</script>" in parsed.visible  # a title's text stays text
    assert '<polygon stroke="black" points="0,0 1,1">' in out
    assert '<path d="M0,0" stroke-dasharray="5,2">' in out


@pytest.mark.parametrize(
    "text",
    [
        "not xml at all <",
        '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><text><![CDATA[<script>]]></text></svg>',
    ],
)
def test_the_sanitiser_refuses_what_is_not_a_plain_svg(text: str) -> None:
    with pytest.raises(Unsafe):
        sanitise(text)


# -- the export's graph page ------------------------------------------------------------------


def _export(corpus: Path, target: Path) -> tuple[int, str, dict[str, Parsed]]:
    result = run("--no-bundled", "--corpus", str(corpus), "export", str(target))
    pages = {p.name: check_document(p.read_text("utf-8")) for p in target.glob("*.html")}
    return result.exit_code, result.stderr, pages


def _warnings(err: str) -> list[str]:
    """The export's own warnings (the corpus's are pinned elsewhere)."""
    return [line for line in err.splitlines() if "Graphviz" in line]


def test_the_graph_page_draws_graphviz_picture_inert(tmp_path: Path) -> None:
    dot_program()
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0 and _warnings(err) == []
    page = pages["graph.html"]
    raw = (tmp_path / "site" / "graph.html").read_text("utf-8")
    assert "<svg " in raw and "supports (1)" in page.visible
    picture = page.tags[page.tags.index("svg") : page.tags.index("figcaption")]
    assert set(picture) <= ELEMENTS
    assert page.tags.index("figcaption") < page.tags.index("table")  # the picture first
    assert "digraph relations {" in page.visible and "flowchart LR" in page.visible
    assert ("graph.html", "") in pages["index.html"].hrefs  # listed


def test_hostile_names_in_the_picture_are_text(tmp_path: Path) -> None:
    dot_program()
    code, err, _pages = _export(hostile_corpus(tmp_path), tmp_path / "site")
    assert code == 0 and _warnings(err) == []
    raw = (tmp_path / "site" / "graph.html").read_text("utf-8")
    start, end = raw.index("<svg "), raw.index("</svg>")
    drawn = Parsed(raw[start : end + 6])
    assert drawn.faults == [] and set(drawn.tags) <= ELEMENTS
    for name in HOSTILE_NAMES:
        assert name in drawn.visible  # each label as text, never as markup
    assert "<script" not in raw and not [a for a in drawn.attrs if a[1] != "class" and "<" in a[2]]


def test_actor_pages_link_to_the_graph_page(tmp_path: Path) -> None:
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0, err
    china = pages[page_name("actor", "china")]
    assert ("graph.html#relations-china", "") in china.hrefs
    assert ("graph.html#relations-china", "") not in pages[page_name("topic", "trade")].hrefs
    graph = pages["graph.html"]
    assert (f"{page_name('topic', 'sanctions')}#claim-china-supports-nk", "") in graph.hrefs
    assert (page_name("actor", "china"), "") in graph.hrefs


def _stand_in(tmp_path: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program in dot's place that runs *script* (a shell script's body)."""
    program = tmp_path / "fake-dot"
    program.write_text(f"#!/bin/sh\ncat >/dev/null\n{script}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(svg, "find_dot", lambda: str(program))


def _without_picture(pages: dict[str, Parsed], root: Path) -> None:
    raw = (root / "graph.html").read_text("utf-8")
    assert "<svg" not in raw
    seen = pages["graph.html"].visible
    assert "Matrix" in seen and "digraph relations {" in seen and "flowchart LR" in seen


def test_without_dot_the_page_has_the_table_and_texts_and_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0 and _warnings(err) == []
    _without_picture(pages, tmp_path / "site")


def test_a_failing_dot_is_one_warning_and_no_picture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stand_in(tmp_path, "echo 'Error: syntax error in line 1' >&2\nexit 3", monkeypatch)
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0
    assert _warnings(err) == [
        "brief: warning: Graphviz's dot failed (exit 3): Error: syntax error in line 1: no picture"
    ]
    _without_picture(pages, tmp_path / "site")


def test_a_hanging_dot_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(tmp_path, "exec sleep 30", monkeypatch)
    monkeypatch.setattr(svg, "TIMEOUT", 0.5)
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0
    assert _warnings(err) == ["brief: warning: Graphviz's dot took longer than 0.5 s: no picture"]
    _without_picture(pages, tmp_path / "site")


def test_hostile_svg_from_dot_is_sanitised_on_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "drawn.svg").write_text(HOSTILE_SVG)
    _stand_in(tmp_path, f"cat '{tmp_path / 'drawn.svg'}'", monkeypatch)
    code, err, _pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0 and _warnings(err) == []
    raw = (tmp_path / "site" / "graph.html").read_text("utf-8").lower()
    assert "<svg " in raw and "kept" in raw
    for bad in ("javascript", "evil.example", "<script", "onload", "foreignobject", "<image"):
        assert bad not in raw, bad


def test_unreadable_svg_from_dot_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stand_in(tmp_path, "echo '<svg><oops>'", monkeypatch)
    code, err, pages = _export(RELATIONS, tmp_path / "site")
    assert code == 0
    (warning,) = _warnings(err)
    assert warning.startswith("brief: warning: Graphviz's dot drew a picture that was refused")
    _without_picture(pages, tmp_path / "site")


def test_a_corpus_without_relations_has_a_graph_page_saying_so(tmp_path: Path) -> None:
    code, err, pages = _export(CORPORA / "mini", tmp_path / "site")
    assert code == 0, err
    assert "No relations among actors in this corpus." in pages["graph.html"].visible
    assert not [h for h, _ in pages[page_name("actor", "china")].hrefs if "graph.html#" in h]
