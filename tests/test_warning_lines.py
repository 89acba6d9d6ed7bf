"""The warning of a file with problems gives its first problem by line, with the line.

A trial's warnings said ``notes/a.toml: claims[0].credibilty: unknown key ...`` where
``validate`` said ``notes/a.toml:19: ...``, and told a problem at line 80 ahead of those
at lines 65 and 72 (problems come in the order the load finds them, not the file's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run, settle

TOPIC = 'format = 1\n\n[[topics]]\nid = "pump"\ntitle = "The pump"\nsummary = "S."\n'
SOURCE = '\n[[sources]]\nid = "report"\ntitle = "Report"\nkind = "report"\n'
#: Two claims: the first names a topic that does not exist (found when references are
#: checked), the second misspells a key (found first, as the file is checked).
CLAIMS = (
    '\n[[claims]]\nid = "one"\ntopic = "pumpp"\ntext = "One."\ncites = [{ source = "report" }]\n'
    '\n[[claims]]\nid = "two"\ntopic = "pump"\ntext = "Two."\ncites = [{ source = "report" }]\n'
    "credibilty = 3\n"
)


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "a.toml").write_text(TOPIC + SOURCE + CLAIMS)
    (root / "b.toml").write_text(
        'format = 1\n\n[[topics]]\nid = "other"\ntitle = "Other"\nsummary = "S."\n'
    )
    settle(root)
    return root


def _warning(root: Path, env: dict[str, str] | None = None) -> str:
    result = run("--no-bundled", "--corpus", str(root), "show", "pump", env=env)
    assert result.exit_code == 0, result.stderr
    (line,) = [w for w in result.stderr.splitlines() if "a.toml" in w]
    return line


def _expected(root: Path) -> str:
    topic_line = (TOPIC + SOURCE + CLAIMS).splitlines().index('topic = "pumpp"') + 1
    return f"brief: warning: {root}/a.toml:{topic_line}: claims[0].topic: unknown topic 'pumpp'"


def test_the_first_problem_by_line_with_its_line(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    expected = _expected(root)
    uncached = _warning(root, {"BRIEF_NO_CACHE": "1"})
    cold, warm = _warning(root), _warning(root)  # writing the cache, then reading it
    assert uncached == cold == warm
    assert warm.startswith(expected), warm
    assert warm.endswith("(+1 more; see 'brief validate')")


def test_an_edit_in_place_keeps_the_lines(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    before = _warning(root)
    other = root / "b.toml"
    other.write_text(other.read_text().replace('summary = "S."', 'summary = "Said."'))
    after = _warning(root)  # the cache takes the edit, its warnings made again
    assert after == before and after.startswith(_expected(root)), after


def test_a_corpus_with_many_troubled_files_gets_its_warnings_without_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each troubled file is read again for its warning's line: past LINED_FILES files,
    none is, from the files and from the cache alike."""
    monkeypatch.setattr("brief.corpus.trace.LINED_FILES", 3)
    for count, lined in ((3, True), (4, False)):
        root = tmp_path / f"n{count}"
        root.mkdir()
        for i in range(count):
            (root / f"t{i}.toml").write_text(TOPIC.replace("pump", f"p{i}") + "oops = 1\n")
        settle(root)
        for _ in range(2):  # writing the cache, then reading it
            result = run("--no-bundled", "--corpus", str(root), "list")
            warned = [w for w in result.stderr.splitlines() if "unknown key 'oops'" in w]
            assert len(warned) == count
            with_line = [w for w in warned if ".toml:7: topics[0].oops" in w]
            assert len(with_line) == (count if lined else 0), warned
