"""brief source import: a source entry from a Markdown file or a plain-text article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import run

DATA = Path(__file__).parent / "data" / "import"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    return folder


def test_markdown_headings_become_sections_and_the_text_is_copied_exactly(corpus: Path) -> None:
    result = run("source", "import", str(DATA / "ferry-review.md"), "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert "sections found (3):\n  Summary\n  Timetable\n  Fares\n" in result.stdout
    entry = corpus / "sources" / "island-ferry-review.toml"
    copy = corpus / "sources" / "island-ferry-review.md"
    assert copy.read_bytes() == (DATA / "ferry-review.md").read_bytes()
    text = entry.read_text()
    assert text.startswith("format = 2\n")
    assert 'title = "Island Ferry Review"' in text and 'text = "island-ferry-review.md"' in text
    assert 'sections = ["Summary", "Timetable", "Fares"]' in text
    checked = run("--no-bundled", "validate", str(corpus))
    assert checked.exit_code == 0, checked.stdout


def test_a_plain_text_article_by_its_title_lines_with_a_claim_quoting_it(corpus: Path) -> None:
    result = run(
        "source", "import", str(DATA / "lighthouse.txt"), "--id", "lighthouse",
        "--kind", "report", "--into", str(corpus),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "  The Old Tower\n  Automation\n  What Comes Next\n" in result.stdout
    assert "Keeping the Light On" not in result.stdout.split("sections found")[1]  # the title
    assert "Share this article" not in result.stdout  # the page's, after the text's end
    assert "left out of sections: 'Share this article' (nothing under it)" in result.stderr
    assert (corpus / "sources" / "lighthouse.txt").exists()
    (corpus / "topics.toml").write_text(
        'format = 2\n[[topics]]\nid = "light"\ntitle = "Light"\nsummary = "The light."\n'
        '[[claims]]\nid = "mortar"\ntopic = "light"\ntext = "The tower needs mortar."\n'
        'cites = [{ source = "lighthouse", section = "What Comes Next", '
        'quote = "the tower needs new mortar within five years" }]\n'
        '[[claims]]\nid = "wrong"\ntopic = "light"\ntext = "It burned oil."\n'
        'cites = [{ source = "lighthouse", section = "The Old Tower", '
        'quote = "burned whale oil" }]\n'
    )
    checked = run("--no-bundled", "validate", str(corpus))
    assert checked.exit_code == 1
    assert "BRIEF017" in checked.stdout and "mortar" not in checked.stdout  # found: no problem
    assert "2 quotes checked" in checked.stderr


def test_nothing_is_overwritten(corpus: Path) -> None:
    args = ("source", "import", str(DATA / "ferry-review.md"), "--into", str(corpus))
    assert run(*args).exit_code == 0
    before = {p: p.read_bytes() for p in (corpus / "sources").iterdir()}
    again = run(*args)
    assert again.exit_code == 2 and "is imported already" in again.stderr
    (corpus / "sources" / "ferry.md").write_text("mine")
    other = run(*args, "--id", "ferry", "--title", "Ferry")
    assert other.exit_code == 2 and "ferry.md already exists" in other.stderr
    assert (corpus / "sources" / "ferry.md").read_text() == "mine"
    assert not (corpus / "sources" / "ferry.toml").exists()
    for path, data in before.items():
        assert path.read_bytes() == data


def test_an_article_imported_again_is_said_to_be_so_and_a_title_taken_names_the_option(
    corpus: Path, tmp_path: Path
) -> None:
    """A new user imported an article again, and was told `'what-went-wrong-on-apollo-13'
    is already the source 'wrong-explainer'`: an id they had not given, for a clash of the
    title, and nothing of what to do."""
    article = tmp_path / "apollo.md"
    article.write_text("# What went wrong on Apollo 13\n\n## The tank\n\nIt burst.\n")
    notes = ("--no-bundled", "-c", str(corpus))
    args = (*notes, "source", "import", str(article), "--into", str(corpus))
    assert run(*args, "--id", "wrong-explainer").exit_code == 0
    entry = corpus / "sources" / "wrong-explainer.toml"
    copy = corpus / "sources" / "wrong-explainer.md"
    before = sorted(os.listdir(corpus / "sources"))
    at = f"{entry}:{entry.read_text().splitlines().index('[[sources]]') + 1}"
    for more in ((), ("--id", "apollo"), ("--kind", "report")):  # the same text, byte for byte
        again = run(*args, *more)
        assert again.exit_code == 2 and again.stderr == (
            f"brief: {article} is imported already: it is the text {copy} of the source "
            f"'wrong-explainer' at {at}\n"
        )
    # another copy of it (the page saved again), or another article of that title
    article.write_text(article.read_text() + "\nUpdated.\n")
    title = run(*args)
    assert title.exit_code == 2 and title.stderr == (
        "brief: the title 'What went wrong on Apollo 13' already names the source "
        f"'wrong-explainer' at {at} (give --title of its own, or, if that is this "
        "text, it is imported already)\n"
    )
    # the title was not checked with --id given: written, then told as BRIEF012
    assert run(*args, "--id", "apollo").stderr == title.stderr
    ident = run(*args, "--id", "wrong-explainer", "--title", "Apollo 13, again")
    assert ident.exit_code == 2 and ident.stderr.startswith(
        f"brief: the --id 'wrong-explainer' already names the source 'wrong-explainer' at {at}"
        " (give --id of its own"
    )
    assert sorted(os.listdir(corpus / "sources")) == before
    fine = run(*args, "--title", "Apollo 13, again")
    assert fine.exit_code == 0 and "wrote the source 'apollo-13-again'" in fine.stdout
    assert run("--no-bundled", "validate", str(corpus)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.md",), "missing.md: cannot read"),
        (
            ("{data}/ferry-review.md", "--kind", "reprot"),
            "unknown kind 'reprot' (did you mean 'report'?)",
        ),
        (("{data}/ferry-review.md", "--id", "Bad Id"), "'Bad Id' is not an id"),
        (("{binary}",), "not UTF-8 text (byte 1)"),
    ],
)
def test_bad_input_is_one_line(corpus: Path, args: tuple[str, ...], message: str) -> None:
    binary = corpus.parent / "bin.txt"
    binary.write_bytes(b"a\xff\xfe")
    argv = [a.format(data=DATA, binary=binary) for a in args]
    result = run("source", "import", *argv, "--into", str(corpus))
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (corpus / "sources").exists() or not os.listdir(corpus / "sources")


def test_a_web_pages_own_headings_are_left_out_and_each_is_told(corpus: Path) -> None:
    """A new user's import kept a page's 'Share this article' as a section."""
    result = run("source", "import", str(DATA / "harbour-page.md"), "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    # 'Background' has nothing under it but is kept: its text is under the heading below
    assert "sections found (3):\n  What Happened\n  Background\n  The First Phase\n" in (
        result.stdout
    )
    assert result.stderr.splitlines()[-5:] == [
        "brief: note: left out of sections: 'Share this article' (nothing under it)",
        "brief: note: left out of sections: 'Related articles', a web page's own heading "
        "(the 9 words under it stay in the text: add it to sections to cite them)",
        "brief: note: left out of sections: 'Comments', a web page's own heading "
        "(the 3 words under it stay in the text: add it to sections to cite them)",
        "brief: note: left out of sections: 'Follow us' (nothing under it)",
        "brief: note: left out of sections: 'Facebook' (nothing under it)",
    ]
    entry = (corpus / "sources" / "harbour-dredging-resumes.toml").read_text()
    assert 'sections = ["What Happened", "Background", "The First Phase"]' in entry
    copy = corpus / "sources" / "harbour-dredging-resumes.md"
    assert copy.read_bytes() == (DATA / "harbour-page.md").read_bytes()  # the text is whole
    assert run("--no-bundled", "validate", str(corpus)).exit_code == 0


def test_only_a_pages_headings_leaves_no_sections(corpus: Path) -> None:
    page = corpus.parent / "page.md"
    page.write_text("Dredging resumed in March.\n\n## Share\n\n## Newsletter\n\nSign up.\n")
    result = run("source", "import", str(page), "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert "no sections kept: claims cite the whole source\n" in result.stdout
    assert "left out of sections: 'Share' (nothing under it)" in result.stderr
    assert "left out of sections: 'Newsletter', a web page's own heading" in result.stderr
    assert "\nsections =" not in (corpus / "sources" / "page.toml").read_text()


@pytest.mark.parametrize(
    ("heading", "page"),
    [
        ("Share this article", True),
        ("SHARE:", True),
        ("Share on Facebook", True),
        ("Related Stories", True),
        ("Sign up for our newsletter", True),
        ("Comments (12)", True),
        ("You might also like", True),
        ("Advertisement", True),
        ("Shares fell", False),
        ("Related parties", False),
        ("Comments from the ministry", False),
        ("Newsletters in the 1920s", False),
        ("Tags and labels", False),
    ],
)
def test_a_pages_own_headings_are_matched_whole(heading: str, page: bool) -> None:
    from brief.corpus.sourceimport import page_heading

    assert page_heading(heading) is page
