"""A summary's paragraphs stay apart in ``-f markdown``, as in plain text and HTML (a
trial's two-paragraph summary came out as one)."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from .conftest import run

TOPIC = '''format = 1

[[topics]]
id = "spill"
title = "Spill"
summary = """The well blew out on 20 April.
It burned for two days.

   1. Oil reached the coast in June.

"""
'''


def test_a_summarys_paragraphs_stay_apart(tmp_path: Path) -> None:
    (tmp_path / "topics.toml").write_text(TOPIC)
    out = run("--no-bundled", "--corpus", str(tmp_path), "show", "spill", "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    tokens = MarkdownIt("commonmark").parse(out.stdout)
    paragraphs = [t.content for t in tokens if t.type == "inline"][1:3]  # after the title
    assert paragraphs == [
        "The well blew out on 20 April. It burned for two days.",
        "1\\. Oil reached the coast in June.",  # a paragraph still opens no list
    ]
    assert "ordered_list_open" not in {t.type for t in tokens}
