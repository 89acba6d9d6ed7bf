"""A real browser opens an exported page: what it draws, and that it complains of nothing.

Headless Chromium dumps the page's DOM as drawn and logs every console message,
Content-Security-Policy refusals included: a stylesheet whose hash did not match the
policy, or anything the page tried to fetch, would show there. The test runs wherever
Chromium is installed; it is skipped where it is not, except in CI (``CI`` set), where
``.ci/run`` installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CORPORA, run
from .htmlcheck import Parsed

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in NAMES if (found := shutil.which(name))), None)


@pytest.fixture
def browser() -> str:
    if BROWSER is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no Chromium is installed (.ci/run installs it)")
        pytest.skip("no Chromium installed")
    return BROWSER


def _open(browser: str, page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The DOM Chromium draws for *page*, and the console messages it logged."""
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",  # as root in a container the sandbox cannot start
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


def test_chromium_draws_an_exported_page_without_complaint(browser: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "export", str(site))
    assert done.exit_code == 0, done.stderr
    dom, console = _open(browser, site / "topic-trade.html", tmp_path)
    assert console == []
    drawn = Parsed(dom)
    assert "<h1>Trade</h1>" in dom
    assert 'class="footnotes"' in dom and "The Atlas Review" in drawn.visible
    assert ("index.html", "") in drawn.hrefs


def test_the_console_check_sees_a_refused_stylesheet(browser: str, tmp_path: Path) -> None:
    """The check above can fail: a page whose stylesheet the policy refuses is logged."""
    page = tmp_path / "site" / "topic-trade.html"
    done = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "export", str(page.parent))
    assert done.exit_code == 0
    text = page.read_text(encoding="utf-8").replace("<style>", "<style>p{}", 1)
    page.write_text(text, encoding="utf-8")
    _, console = _open(browser, page, tmp_path)
    assert any("Content Security Policy" in line for line in console), console


def test_chromium_draws_the_graph_page_picture(browser: str, tmp_path: Path) -> None:
    """The relations page's inline SVG (where Graphviz is installed) is drawn as SVG, with
    the actors' names as its text, and the policy refuses nothing on the page."""
    from .test_relations import dot_program

    dot_program()
    site = tmp_path / "site"
    done = run("--no-bundled", "--corpus", str(CORPORA / "relations"), "export", str(site))
    assert done.exit_code == 0, done.stderr
    dom, console = _open(browser, site / "graph.html", tmp_path)
    assert console == []
    start, end = dom.index("<svg"), dom.index("</svg>")
    picture = Parsed(dom[start : end + len("</svg>")])
    labels = {
        text.strip() for text in picture.text if text.strip()
    }  # the <text> and <title> of each node and edge
    assert {"China", "North Korea", "Russia", "United Nations", "United States"} <= labels
    assert "supports (1)" in labels
    assert "<table" in dom and "digraph relations" in dom
