"""``brief validate`` gives each problem the line of its file it is at (``a.toml:12:``).

The loader keeps no line numbers; ``corpus.where.problem_lines`` finds them by reading
the files with problems again: the line a key is written on in its entry's table, else
the entry's ``[[kind]]`` header.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from brief.core.diagnostics import Diagnostic
from brief.corpus.where import problem_lines

from .conftest import run

FILE = """format = 1

[[topics]]
id = "harbour"
title = "Harbour"
summary = "S."

[[sources]]
id = "log"
title = "Log"
kind = "report"

[[claims]]
id = "one"
topic = "harbour"
text = "One."
cites = [{ source = "log" }]

[[claims]]
id = "two"
topic = "harbour"
actors = ["nobody"]
text = "Two."
"""


def test_each_problem_is_at_its_key_or_else_its_entry(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(FILE)
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.stdout.splitlines() == [
        f"{tmp_path}/a.toml:19: claims[1]: missing required key 'cites'; "
        "claim 'two' is left out [BRIEF006]",
        f"{tmp_path}/a.toml:22: claims[1].actors[0]: unknown actor 'nobody' [BRIEF010]",
    ]
    (tmp_path / "a.toml").write_text(FILE + 'cites = [{ source = "log" }]\nsumary = "x"\n')
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.stdout.splitlines() == [
        f"{tmp_path}/a.toml:22: claims[1].actors[0]: unknown actor 'nobody' [BRIEF010]",
        f"{tmp_path}/a.toml:25: claims[1].sumary: unknown key 'sumary'; claim 'two' is left out "
        "[BRIEF005]",
    ]
    data = json.loads(run("--no-bundled", "validate", "-f", "json", str(tmp_path)).stdout)
    assert [p["line"] for p in data["problems"]] == [22, 25]


def test_lines_are_unknown_where_tables_are_not_one_header_each(tmp_path: Path) -> None:
    inline = 'format = 1\nclaims = [{ id = "x", topic = "nowhere", text = "T.", cites = [] }]\n'
    (tmp_path / "a.toml").write_text(inline)
    (tmp_path / "b.toml").write_text("format = 3\n")
    (tmp_path / "b2.toml").write_text('[[actors]]\nid = "x"\n')  # no format: line 1
    (tmp_path / "c.toml").write_text("format = 1\n[[topics]\n")
    found = run("--no-bundled", "validate", str(tmp_path)).stdout.splitlines()
    assert found[0].startswith(f"{tmp_path}/a.toml: claims[0]")  # no line: inline tables
    assert found[-3] == (
        f"{tmp_path}/b.toml:1: format: unsupported format 3 (this brief reads formats 1 "
        "and 2) [BRIEF004]"
    )
    assert found[-2].startswith(f"{tmp_path}/b2.toml:1: format: missing required key")
    assert found[-1].startswith(f"{tmp_path}/c.toml:2:9: TOML syntax error")


def test_a_file_is_read_again_only_as_the_loader_reads_it(tmp_path: Path) -> None:
    """The lines are looked for as the file was loaded: a file that can no longer be
    read, or that is now a link out of its folder, gives no line (and no error)."""
    outside = tmp_path / "outside.toml"
    outside.write_text(FILE)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.toml").write_text(FILE)
    problem = Diagnostic("BRIEF006", "n/a.toml", "claims[1]", "missing required key 'cites'")
    paths = {"n/a.toml": (str(corpus / "a.toml"), str(corpus))}
    assert problem_lines([problem], paths) == (19,)
    os.unlink(corpus / "a.toml")
    assert problem_lines([problem], paths) == (0,)
    (corpus / "a.toml").symlink_to(outside)
    assert problem_lines([problem], paths) == (0,)
    assert problem_lines([problem], {}) == (0,)


def test_a_syntax_error_gives_its_line_and_column_after_the_file(tmp_path: Path) -> None:
    """``c.toml:4:9: TOML syntax error: ...``, as compilers give it: a new user's editor
    (Vim's ``:cexpr system('brief validate')``, errorformat ``%f:%l:%c:%m``) jumped to
    every problem but the syntax error, printed ``c.toml: line 4, column 9: ...``."""
    import re

    (tmp_path / "c.toml").write_text('format = 1\n[[topics]]\nid = "x"\ntitle = Smit Salvage\n')
    (tmp_path / "e.toml").write_bytes(b'format = 1\ntitle = "\xff"\n')
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.stdout.splitlines() == [
        f'{tmp_path}/c.toml:4:9: TOML syntax error: invalid value (text goes in quotes: title = "'
        'Smit Salvage") [BRIEF003]',
        f"{tmp_path}/e.toml:2:10: not valid UTF-8 [BRIEF002]",
    ]
    for line in result.stdout.splitlines():  # what %f:%l:%c:%m takes
        found = re.match(r"([^:]+):(\d+):(\d+):(.*)", line)
        assert found is not None and found[2] in ("4", "2") and found[3] in ("9", "10")
    data = json.loads(run("--no-bundled", "validate", "-f", "json", str(tmp_path)).stdout)
    placed = [(p["line"], p["column"], p["where"]) for p in data["problems"]]
    assert placed == [(4, 9, "line 4, column 9"), (2, 10, "line 2, column 10")]
    page = run("--no-bundled", "validate", "-f", "html", str(tmp_path)).stdout
    assert f'<span class="ids">{tmp_path}/c.toml:4:9</span>: TOML syntax error: ' in page


def test_an_unknown_top_level_key_is_at_its_first_header_or_its_line(tmp_path: Path) -> None:
    """``[[claim]]`` for ``[[claims]]`` (a new user): the problem is at the first such
    header, where the fix is; a key written before any table, at its line; one that is a
    table's key, nowhere (that table's key is not the top level's)."""
    text = 'format = 1\ntitel = "x"\n\n[[topics]]\nid = "t"\nclaim = 1\n\n[[claim]]\nid = "a"\n'
    (tmp_path / "a.toml").write_text(text + '\n[[claim]]\nid = "b"\n')
    paths = {"n/a.toml": (str(tmp_path / "a.toml"), str(tmp_path))}
    found = [Diagnostic("BRIEF005", "n/a.toml", w, "") for w in ("titel", "claim", "nowhere")]
    assert problem_lines(found, paths) == (2, 8, 0)
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.stdout.splitlines()[-1] == (
        f"{tmp_path}/a.toml:8: claim: unknown key 'claim' (did you mean 'claims'?); its 2 "
        "tables are not read [BRIEF005]"
    )
