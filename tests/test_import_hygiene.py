"""Start-up discipline: each layer imports only what it needs (checked in fresh processes)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_core_imports_no_ui_library() -> None:
    mods = modules_after(
        "import brief.corpus.load, brief.core.index, brief.views.records, brief.core.model"
    )
    assert not {"click", "rich", "textual"} & {m.split(".")[0] for m in mods}


def test_piped_show_imports_neither_rich_nor_textual() -> None:
    code = (
        "import sys; sys.argv = ['brief', 'show', 'sanctions']\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief', standalone_mode=False)\n"
        "except SystemExit:\n    pass"
    )
    mods = modules_after(code)
    tops = {m.split(".")[0] for m in mods}
    assert "brief.render.plain" in mods
    assert "rich" not in tops and "textual" not in tops
    assert not {m for m in mods if m.startswith("brief.render.html")} and "html" not in mods


def test_html_show_imports_no_rich_and_only_the_html_it_draws() -> None:
    code = (
        "import sys; sys.argv = ['brief', 'show', 'sanctions', '-f', 'html']\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief', standalone_mode=False)\n"
        "except SystemExit:\n    pass"
    )
    mods = modules_after(code)
    assert "brief.render.html.renderer" in mods
    assert not {"brief.render.html.site", "brief.render.html.tree", "brief.render.plain"} & mods
    assert not {"rich", "textual"} & {m.split(".")[0] for m in mods}


def test_version_imports_no_loader() -> None:
    code = (
        "import sys; sys.argv = ['brief', '--version']\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief')\n"
        "except SystemExit:\n    pass"
    )
    mods = modules_after(code)
    assert "tomli" not in mods and "tomllib" not in mods
    assert "brief.corpus.load" not in mods and "rich" not in mods


def test_console_script_answers_version_without_click() -> None:
    """``brief --version`` alone is answered before click is imported (see ``entry``)."""
    code = (
        "import sys; sys.argv = ['brief', '--version']\n"
        "from brief.cli.entry import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass"
    )
    mods = modules_after(code)
    assert "brief.cli.entry" in mods and "brief.corpus.layers" in mods
    assert "click" not in mods and "tomllib" not in mods and "sqlite3" not in mods
    assert "brief.core.sanitize" not in mods  # paths are checked cheaply (core.unsafe)


#: What only a cold start (or a rebuild) may import: reading, parsing, checking, loading.
LOADER = {
    "tomli",
    "tomllib",
    "brief.corpus.load",
    "brief.corpus.reader",
    "brief.corpus.parse",
    "brief.corpus.schema",
    "brief.corpus.checkers",
    "brief.corpus.resolver",
    "brief.core.sanitize",
    "brief.store.build",
    "brief.store.incremental",
    "brief.store.editwrite",
    "rich",
    "textual",
}


def warm_show(tmp_path: Path, *args: str) -> tuple[str, set[str]]:
    """The stderr and the modules of ``brief ARGS`` run twice, the second time warm."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        f"import sys; sys.argv = ['brief', *{list(args)!r}]\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief', standalone_mode=False)\n"
        "except Exception as error:  # the one-line failure the CLI would print\n"
        "    print(error, file=sys.stderr)\n"
        "print('MODULES', *sys.modules, file=sys.stderr)"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, capture_output=True, check=True)  # builds the cache
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    said, _, modules = warm.stderr.partition("MODULES")
    return said, set(modules.split())


def test_warm_show_of_an_unknown_name_loads_no_corpus_machinery(tmp_path: Path) -> None:
    """Suggestions for a name nothing has need the index, never the loader."""
    said, mods = warm_show(tmp_path, "show", "zzzz")
    assert "'zzzz'" in said and "brief.store.cached" in mods
    assert LOADER & mods == set()


def test_warm_show_of_a_left_out_name_loads_no_corpus_machinery(tmp_path: Path) -> None:
    """Why an entry was left out is read from its file's record, not from the file."""
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "t.toml").write_text(
        'format = 1\n[[topics]]\nid = "good"\ntitle = "Good"\nsummary = "Fine."\n'
        '[[topics]]\nid = "broken"\ntitle = "Broken"\n'
    )
    settled = time.time() - 60  # older than the cache: not racily clean (see cachefile)
    for path in (corpus / "t.toml", corpus):
        os.utime(path, (settled, settled))
    said, mods = warm_show(tmp_path, "--no-bundled", "-c", str(corpus), "show", "broken")
    assert "'broken' was left out" in said and "missing required key 'summary'" in said
    assert "brief.store.cached" in mods
    assert LOADER & mods == set()


def test_warm_show_of_a_name_in_a_skipped_file_loads_no_corpus_machinery(
    tmp_path: Path,
) -> None:
    """Which skipped file defines a name is read from the cache, not from the file."""
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "a.toml").write_text('format = 1\n[[actors]]\nid = "snow"\nname = "John Snow\n')
    settled = time.time() - 60  # older than the cache: not racily clean (see cachefile)
    for path in (corpus / "a.toml", corpus):
        os.utime(path, (settled, settled))
    said, mods = warm_show(tmp_path, "--no-bundled", "-c", str(corpus), "show", "SNOW")
    assert "'SNOW' is defined in the skipped file" in said and "a.toml" in said
    assert "brief.store.cached" in mods
    assert LOADER & mods == set()


def test_warm_show_loads_no_corpus_machinery(tmp_path: Path) -> None:
    """With a fresh cache, show reads one row: no parser, loader, model, index or rich.

    The first show of a topic builds its briefing from its rows (without the loader)
    and remembers it; every later one reads it.
    """
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = (
        "import sys; sys.argv = ['brief', 'show', 'sanctions']\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief', standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, capture_output=True, check=True)  # builds the cache
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert "brief.corpus.load" not in first.stderr.split()  # built from its rows, no loader
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    mods = set(warm.stderr.split())
    assert "brief.store.cached" in mods and "brief.views.records" in mods
    heavy = {
        *LOADER,
        "brief.core.model",
        "brief.core.index",
        "brief.corpus.stamps",
        "brief.corpus.trace",
        "brief.store.protocol",
        "brief.store.read",
        "brief.store.live",
        "pathlib",
    }
    assert heavy & mods == set()


#: What only the authoring commands (init, new, edit, where, schema) import.
AUTHORING = {
    "brief.cli.editor",
    "brief.corpus.authoring",
    "brief.corpus.configedit",
    "brief.corpus.jsonschema",
    "brief.corpus.where",
    "subprocess",
    "shlex",
    "tempfile",
    "json",
}


@pytest.mark.parametrize(
    "args", [("show", "sanctions"), ("list", "actors"), ("search", "sanctions")]
)
def test_reading_commands_import_nothing_of_authoring(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    _said, mods = warm_show(tmp_path, *args)
    assert "brief.cli.reading" in mods
    assert AUTHORING & mods == set()
    assert "brief.cli.authoring" not in mods  # not even its click declarations (cli.lazy)
