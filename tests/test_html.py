"""HTML output and ``brief export``: structure, links and escaping, read back with a parser.

Every document must parse whole and balanced, hold no script and fetch nothing, give
each id once and land every in-page link on an id; an export's relative links must
each reach a file of the tree and an id in it. The hostile corpus goes through every
HTML output and the export, its payloads shown as text, never obeyed.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from brief.render.html.page import anchor, encode, page_name, web_url
from brief.render.html.tree import MARKER

from .conftest import CORPORA, run
from .htmlcheck import Parsed, check_document

#: Every command that prints content, on the corpora that exercise it.
COMMANDS: list[tuple[str, tuple[str, ...]]] = [
    ("mini", ("show", "security", "trade", "china", "russia", "north-korea", "atlas", "ledger")),
    ("mini", ("list", "topics")),
    ("mini", ("list", "names")),
    ("mini", ("list", "actors", "--long")),
    ("mini", ("compare", "china", "russia")),
    ("mini", ("compare", "atlas", "ledger")),
    ("mini", ("compare", "security", "trade")),
    ("mini", ("conflicts",)),
    ("mini", ("search", "china")),
    ("analyst", ("show", "harbour", "fishers-union", "harbour-report", "--quotes")),
    ("analyst", ("claims",)),
    ("analyst", ("timeline",)),
    ("analyst", ("timeline", "port-authority", "--quotes")),
    ("hostile", ("show", "hostile", "mallory", "leak", "blocks", "dash", "numbered")),
    ("hostile", ("list", "sources")),
    ("hostile", ("list", "tags")),
    ("hostile", ("compare", "hostile", "blocks")),
    ("hostile", ("conflicts",)),
    ("hostile", ("search", "screen")),
    ("hostile", ("claims",)),
    ("hostile", ("timeline",)),
    ("relations", ("graph",)),
    ("relations", ("graph", "china", "--relation", "shields", "--relation", "trades-with")),
    ("relations", ("show", "china", "north-korea", "un")),
]


def _html(corpus: str, *args: str) -> str:
    result = run("--no-bundled", "--corpus", str(CORPORA / corpus), *args, "-f", "html")
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize(("corpus", "command"), COMMANDS, ids=lambda x: " ".join(x))
def test_every_html_output_is_a_whole_inert_document(corpus: str, command: tuple[str, ...]) -> None:
    out = _html(corpus, *command)
    doc = check_document(out)
    for href, cls in doc.hrefs:  # a lone document links only inside itself or to the web
        assert href.startswith("#") or (cls == "external" and web_url(href)), href


def test_the_policy_allows_exactly_the_stylesheet() -> None:
    """The hash written in ``style`` is the stylesheet's (else browsers drop the styles)."""
    from base64 import b64encode
    from hashlib import sha256

    from brief.render.html.style import CSS, CSS_SHA256

    assert b64encode(sha256(CSS.encode()).digest()).decode() == CSS_SHA256
    assert f"<style>{CSS}</style>" in _html("mini", "list")


def test_a_word_longer_than_the_page_is_broken_to_fit() -> None:
    """A trial's 90-character word (a long URL) ran off the page on a narrow screen."""
    import re

    from brief.render.html.style import CSS

    body = re.search(r"(?m)^body\{([^}]*)\}", CSS)
    assert body is not None and "overflow-wrap:anywhere" in body[1]


def test_validate_as_html() -> None:
    result = run("--no-bundled", "validate", str(CORPORA / "knockons"), "-f", "html")
    assert result.exit_code == 1
    doc = check_document(result.stdout)
    assert "BRIEF" in doc.visible and result.stderr.strip()


def test_citations_are_footnotes_that_link_back() -> None:
    doc = check_document(_html("mini", "show", "trade"))
    cites = [h for h, _ in doc.hrefs if h.startswith("#ref-")]
    backs = [h for h, _ in doc.hrefs if h.startswith("#cite-")]
    assert cites and len(cites) == len(backs)  # each citation has its back-link
    assert {f"#{i}" for i in doc.ids if i.startswith("cite-")} == set(backs)


def test_contradictions_link_both_ways() -> None:
    out = _html("mini", "show", "trade")
    denies, partner = anchor("claim", "trade-china-denies"), anchor("claim", "trade-china-partner")
    doc = check_document(out)
    assert {denies, partner} <= set(doc.ids)
    assert (f"#{denies}", "") in doc.hrefs and (f"#{partner}", "") in doc.hrefs
    pairs = check_document(_html("mini", "conflicts"))
    assert ("#pair-1-b", "contested") in pairs.hrefs and ("#pair-1-a", "contested") in pairs.hrefs


def test_status_and_grade_read_without_colour() -> None:
    doc = check_document(_html("analyst", "show", "harbour"))
    seen = doc.visible
    assert "⚠ disputed" in seen or "alleged" in seen
    assert re.search(r"\b[A-F][1-6]\b", seen)  # a grade's badge, as text


def test_a_multi_entry_document_keeps_ids_unique() -> None:
    """A claim shown under a topic and under its actor is one id, the first showing's."""
    doc = check_document(_html("mini", "show", "trade", "china", "atlas"))
    assert doc.ids.count(anchor("claim", "trade-china-partner")) == 1


# --- escaping -------------------------------------------------------------------------


HOSTILE = [c for c in COMMANDS if c[0] == "hostile"]


@pytest.mark.parametrize(("corpus", "command"), HOSTILE, ids=lambda x: " ".join(x))
def test_hostile_payloads_are_text(corpus: str, command: tuple[str, ...]) -> None:
    out = _html(corpus, *command)
    doc = check_document(out)
    assert "<script>" not in out and "<b>" not in out
    assert "javascript:" not in "".join(h for h, _ in doc.hrefs)
    assert "evil.example" not in "".join(h for h, _ in doc.hrefs)
    assert "\x1b" not in out and "\u202e" not in out


def test_hostile_text_is_shown_as_written() -> None:
    seen = check_document(_html("hostile", "show", "hostile", "leak")).visible
    assert "[Official report](https://evil.example) <script>alert(1)</script>" in seen
    assert "**bold** _em_ `code` <b>html</b>" in seen
    assert "&amp; \\x1b[?1049h" in seen  # an entity in the corpus stays an entity's text
    assert "javascript:alert(1)" in seen  # the url, as text: not a link


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("HTTPS://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt://x", False),
        ("data:text/html,<b>", False),
        ("file:///etc/passwd", False),
        ("//evil.example", False),
        ("https://", False),
        (" https://example.org", False),
        ("https://exa mple.org", False),
        ("https://example.org/\x00", False),
    ],
)
def test_only_web_addresses_become_links(url: str, link: bool) -> None:
    assert (web_url(url) is not None) is link


def test_ids_and_file_names_are_encoded_one_to_one() -> None:
    names = ["a", "a-b", "a_b", "a/b", "A", "a_2f_b", "../x", "é", "", "a b"]
    encoded = [encode(n) for n in names]
    assert len(set(encoded)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9_-]+", e) for e in encoded)
    long = page_name("topic", "x" * 300)
    assert len(long) < 100 and long != page_name("topic", "x" * 299)
    assert page_name("actor", "../etc") == "actor-_2e__2e__2f_etc.html"


# --- the export -------------------------------------------------------------------------


def _export(corpus: str, target: Path, *options: str) -> tuple[int, str]:
    result = run("--no-bundled", "--corpus", str(CORPORA / corpus), "export", str(target), *options)
    return result.exit_code, result.stderr


def _check_tree(root: Path) -> dict[str, Parsed]:
    """Every page of an export checked, and every link between them resolved."""
    pages = {p.name: check_document(p.read_text(encoding="utf-8")) for p in root.glob("*.html")}
    for name, doc in pages.items():
        for href, cls in doc.hrefs:
            parts = urlsplit(href)
            if cls == "external":
                assert web_url(href), (name, href)
                continue
            assert not parts.scheme and not parts.netloc and "/" not in parts.path, (name, href)
            target = pages[parts.path] if parts.path else doc
            if parts.path:
                assert (root / parts.path).is_file(), (name, href)
            if parts.fragment:
                assert parts.fragment in target.ids, (name, href)
    return pages


@pytest.mark.parametrize("corpus", ["mini", "analyst", "hostile", "relations"])
def test_export_is_a_linked_inert_site(corpus: str, tmp_path: Path) -> None:
    """Every page, the graph page and its picture (where ``dot`` is installed) included."""
    site = tmp_path / "site"
    code, err = _export(corpus, site)
    assert code == 0, err
    pages = _check_tree(site)
    assert {"index.html", "conflicts.html", "graph.html"} <= set(pages)
    if corpus == "relations" and shutil.which("dot"):
        assert "svg" in pages["graph.html"].tags
    assert err.splitlines()[-1].startswith(f"brief: wrote {len(pages):,} pages to ")
    assert err.splitlines()[-1].endswith(f"(open {site / 'index.html'})")  # not just index.html
    index = pages["index.html"]
    linked = {urlsplit(h).path for h, _ in index.hrefs} - {""}
    assert linked == set(pages)  # the index reaches every page
    listed = (site / MARKER).read_text().splitlines()[1:]
    assert sorted(listed) == sorted(pages) and listed[-1] == "index.html"


def test_export_of_the_hostile_corpus_shows_its_payloads(tmp_path: Path) -> None:
    code, err = _export("hostile", tmp_path / "site")
    assert code == 0, err
    pages = _check_tree(tmp_path / "site")
    source = pages[page_name("source", "leak")]
    assert "<script>alert(1)</script>" in source.visible
    assert "javascript:alert(1)" in source.visible
    assert not any("javascript" in h for doc in pages.values() for h, _ in doc.hrefs)
    for path in (tmp_path / "site").iterdir():
        raw = path.read_text(encoding="utf-8")
        assert "<script" not in raw and "\x1b" not in raw


def test_export_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    code, err = _export("mini", tmp_path)
    assert code == 2
    assert err.startswith("brief: ") and "--force" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    code, err = _export("mini", tmp_path, "--force")
    assert code == 0, err
    assert (tmp_path / "notes.txt").read_text() == "mine" and (tmp_path / "index.html").exists()


def test_export_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("x")
    code, err = _export("mini", tmp_path / "site")
    assert code == 2 and "is a file" in err  # click refuses it before brief looks


def test_export_replaces_a_previous_one_and_keeps_other_files(mini: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("--no-bundled", "--corpus", str(mini), "export", str(site)).exit_code == 0
    (site / "README.txt").write_text("added by hand")  # not the export's: kept
    old = page_name("source", "atlas")
    assert (site / old).exists()
    # The source atlas is renamed: its old page must go, its new one come.
    for path in mini.glob("*.toml"):
        body = path.read_text()
        if 'id = "atlas"' in body:
            body = body.replace('id = "atlas"', 'id = "atlas2"')
            path.write_text(body.replace('source = "atlas"', 'source = "atlas2"'))
    result = run("--no-bundled", "--corpus", str(mini), "export", str(site))
    assert result.exit_code == 0, result.stderr
    assert not (site / old).exists() and (site / page_name("source", "atlas2")).exists()
    assert (site / "README.txt").read_text() == "added by hand"
    _check_tree(site)


def test_export_never_writes_through_a_link(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside.html"
    assert _export("mini", site)[0] == 0
    outside.write_text("untouched")
    (site / "index.html").unlink()
    (site / "index.html").symlink_to(outside)
    assert _export("mini", site)[0] == 0
    assert outside.read_text() == "untouched"
    assert not (site / "index.html").is_symlink()


def test_an_interrupted_export_leaves_the_previous_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert _export("mini", site)[0] == 0
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    written: list[str] = []
    real = Path.write_text

    def interrupted(self: Path, *args: object, **kwargs: object) -> int:
        written.append(self.name)
        if len(written) == 3:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", interrupted)
    result = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "export", str(site))
    monkeypatch.undo()
    assert result.exit_code == 130
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before  # no staging left


def test_an_export_that_fails_leaves_no_folder_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's export to a full disk left an empty folder; one there before stays."""
    real = Path.write_text

    def full(self: Path, *args: object, **kwargs: object) -> int:
        if self.suffix == ".html":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full)
    for site in (tmp_path / "new" / "site", tmp_path / "there"):
        if site.name == "there":
            site.mkdir()
        result = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "export", str(site))
        assert result.exit_code == 1 and "No space left on device" in result.stderr
        assert site.exists() == (site.name == "there")
        assert not site.exists() or not list(site.iterdir())
    assert (tmp_path / "new").exists()  # a parent it made stays (mkdir -p's, not ours)


def test_export_to_a_dash_is_refused() -> None:
    """``-`` is standard output elsewhere: ``brief export -`` made a folder named ``-``."""
    result = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "export", "-")
    assert result.exit_code == 2
    assert "export writes a folder of pages: give a folder, not '-'" in result.stderr


def test_ctrl_c_while_moving_pages_into_place_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once pages start replacing the old ones, Ctrl-C waits until every one is in place."""
    from brief.render.html.tree import write_tree

    real = os.replace
    moved: list[str] = []

    def replace(src: str, dst: str) -> None:
        moved.append(os.path.basename(dst))
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_tree([("a.html", "a"), ("index.html", "i")], tmp_path / "site")
    assert moved == ["a.html", "index.html", MARKER]
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [MARKER, "a.html", "index.html"]


def test_bundled_export(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "site"))
    assert result.exit_code == 0, result.stderr
    pages = _check_tree(tmp_path / "site")
    assert page_name("topic", "sanctions") in pages and len(pages) > 20


def test_a_page_that_cannot_be_written_is_one_line_naming_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _export("mini", site)[0] == 0
    (site / "index.html").unlink()
    (site / "index.html").mkdir()  # a folder where the index goes
    code, err = _export("mini", site)
    assert code == 1
    assert err.splitlines() == [
        f"brief: {site / 'index.html'}: cannot write the export: Is a directory"
    ]
    assert not [p for p in site.iterdir() if p.name.startswith(".brief-export-partial")]


def test_an_export_makes_and_writes_one_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 10,000 topics every briefing and page held at once took 2.6 GB: each page is
    made when the one before has been written."""
    import brief.views.briefings
    from brief.corpus.layers import Layer, bundled_root
    from brief.render.html.site import site_pages
    from brief.render.html.tree import write_tree
    from brief.store import open_store
    from brief.views.site import site

    made: list[str] = []
    real = brief.views.briefings.briefing

    def briefing(index: object, ident: str) -> object:
        made.append(ident)
        return real(index, ident)  # type: ignore[arg-type]

    monkeypatch.setattr(brief.views.briefings, "briefing", briefing)

    published = site(open_store([Layer(str(bundled_root()), "bundled")]).index())
    assert made == []  # nothing made before it is asked for
    target = tmp_path / "site"
    written: list[str] = []

    def pages() -> Iterator[tuple[str, str]]:
        for name, text in site_pages(published):
            staged = list(target.glob(".brief-export-partial-*/*"))
            assert sorted(p.name for p in staged) == sorted(written)  # the rest are written
            assert len(made) == min(len(written) + 1, len(published.briefings))
            written.append(name)
            yield name, text

    count = write_tree(pages(), target)
    assert count == len(written) > 30 and written[-1] == "index.html"
    assert len(made) == len(published.briefings)


@pytest.mark.parametrize(
    "pages",
    [
        [("a.html", "a"), ("a.html", "again"), ("index.html", "i")],
        [("a.html", "a"), ("../b.html", "b"), ("index.html", "i")],
        [("a.html", "a"), (MARKER, "m"), ("index.html", "i")],
    ],
)
def test_an_export_refuses_a_page_name_it_cannot_keep_apart_leaving_nothing(
    tmp_path: Path, pages: list[tuple[str, str]]
) -> None:
    from brief.render.html.tree import write_tree

    with pytest.raises(ValueError, match="export"):
        write_tree(pages, tmp_path / "site")
    assert not (tmp_path / "site").exists()  # the folder it made, gone with the rest
    (tmp_path / "there").mkdir()
    with pytest.raises(ValueError, match="export"):
        write_tree(pages, tmp_path / "there")
    assert list((tmp_path / "there").iterdir()) == []  # no staging, no page
