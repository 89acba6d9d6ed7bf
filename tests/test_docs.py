"""The docs stay true: their example corpora validate and render."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import click
import pytest

from .conftest import run

DOCS = Path(__file__).parents[1] / "docs"


def corpus_blocks(text: str) -> dict[str, str]:
    """TOML blocks that start with a ``# folder/file.toml`` comment, by file name."""
    files: dict[str, str] = {}
    for block in re.findall(r"```toml\n(.*?)```", text, re.S):
        first, _, rest = block.partition("\n")
        if first.startswith("# ") and first.endswith(".toml") and "config" not in first:
            files[first[2:].split("/")[-1]] = rest
        elif files and not first.startswith("# ") and "[[claims]]" in block:
            last = list(files)[-1]
            files[last] += "\n" + block  # a continuation of the file above
    return files


def test_authoring_guide_example_is_a_valid_corpus(tmp_path: Path) -> None:
    files = corpus_blocks((DOCS / "authoring.md").read_text())
    assert set(files) == {"sources.toml", "actors.toml", "shipping.toml"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    shown = run("--no-bundled", "-c", str(tmp_path), "show", "northern sea route")
    assert "! contradicted by" in shown.stdout
    assert "[assessment] The northern route will be open" in shown.stdout


def test_format_reference_example_is_a_valid_corpus(tmp_path: Path) -> None:
    files = corpus_blocks((DOCS / "format.md").read_text())
    assert list(files) == ["arctic.toml"]
    (tmp_path / "arctic.toml").write_text(files["arctic.toml"])
    result = run("--no-bundled", "validate", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "ok: 1 file checked, no problems\n")


def test_editor_setup_shows_the_first_lines_brief_new_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/editor-setup.md said `brief new` files start `#:schema ../brief.schema.json`
    and `format = 1`: they were format 2, and the path is from each file's folder."""
    text = (DOCS / "editor-setup.md").read_text()
    start = text.index("Files made by `brief new`")
    told = re.findall(
        r"```toml\n(.*?)```", text[start : text.index("For files you wrote", start)], re.S
    )
    assert len(told) == 2, "a topic's file, then actors.toml and sources.toml"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run("init").exit_code == 0
    corpus = tmp_path / "data" / "brief" / "corpus"
    for kind, title in (("topic", "Ice"), ("actor", "Norway"), ("source", "Review")):
        assert run("new", kind, title, "--no-edit").exit_code == 0  # written, left blank
    article = tmp_path / "article.md"
    article.write_text("# An article\n\n## One\n\nText.\n")
    assert run("source", "import", str(article)).exit_code == 0
    for name, shown in (
        ("topics/ice.toml", told[0]),
        ("sources/an-article.toml", told[0]),
        ("actors.toml", told[1]),
        ("sources.toml", told[1]),
    ):
        first = "".join((corpus / name).read_text().splitlines(keepends=True)[:2])
        assert first == shown, f"docs/editor-setup.md: what brief new writes at the top of {name}"


def test_every_problem_code_is_documented() -> None:
    from brief.core import diagnostics

    codes = {v for k, v in vars(diagnostics).items() if k.isupper() and v.startswith("BRIEF")}
    documented = set(re.findall(r"`(BRIEF\d{3})`", (DOCS / "format.md").read_text()))
    assert codes == documented


def test_readme_sample_is_what_brief_prints() -> None:
    """The README's first sample is real output (piped, 80 columns), kept in step."""
    readme = (DOCS.parent / "README.md").read_text()
    start = readme.index("$ brief show sanctions | head -20\n") + len(
        "$ brief show sanctions | head -20\n"
    )
    sample = readme[start : readme.index("```", start)]
    out = run("show", "sanctions").stdout
    assert sample == "".join(out.splitlines(keepends=True)[:20])


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in *text*, as lists of cells."""
    lines = text[text.index("\n|") + 1 :].splitlines()
    rows = []
    for line in lines[2:]:  # past the heading and the |---| line
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
    return rows


def section(text: str, heading: str) -> str:
    """The part of *text* from the line *heading* to the next heading of any level."""
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    end = re.search(r"^#", text[start:], re.M)
    return text[start : start + end.start()] if end else text[start:]


def test_json_reference_gives_validate_s_keys_as_it_prints_them(tmp_path: Path) -> None:
    """docs/json.md opens with "Each document has ... a `kind`"; ``validate``'s had none
    (a new user). Its example's keys are those a run prints, in order."""
    import json

    section = (DOCS / "json.md").read_text().split("## `brief validate --format json`")[1]
    example = json.loads(section.split("`")[1])
    (tmp_path / "a.toml").write_text('format = 1\n[[topics]]\nid = "t"\ntitle = "T"\n')
    data = json.loads(run("--no-bundled", "validate", "-f", "json", str(tmp_path)).stdout)
    assert list(data) == list(example)
    assert list(data["problems"][0]) == list(example["problems"][0])
    assert (data["version"], data["kind"]) == (2, "validation")


def test_format_key_tables_match_the_schema() -> None:
    """Each kind's table in docs/format.md lists the schema's keys, in its order, with
    the schema's required flag and type (brief.corpus.schema.FIELDS)."""
    from brief.corpus.schema import FIELDS, KINDS

    text = (DOCS / "format.md").read_text()
    assert set(FIELDS) == set(KINDS)
    for kind, fields in FIELDS.items():
        rows = table_rows(section(text, f"## `[[{kind}]]`"))
        documented = [(key.strip("`"), kind_of, required) for key, kind_of, required, _ in rows]
        expected = [
            (key, spec.type, "yes" if spec.required else "no") for key, spec in fields.items()
        ]
        assert documented == expected, f"docs/format.md's [[{kind}]] table"


def test_format_lists_every_status_and_source_kind() -> None:
    from brief.core.model import SOURCE_KINDS, STATUSES

    text = (DOCS / "format.md").read_text()
    statuses = [row[0].strip("`") for row in table_rows(section(text, "### Status vocabulary"))]
    assert statuses == list(STATUSES)
    kind_row = next(r for r in table_rows(section(text, "## `[[sources]]`")) if r[0] == "`kind`")
    assert re.findall(r"`([a-z]+)`", kind_row[3]) == list(SOURCE_KINDS)


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what scripts/gen_cli_docs.py makes of every command's --help."""
    gen = _cli_docs_script()
    assert gen.DOC == DOCS / "cli.md"
    current = gen.DOC.read_text(encoding="utf-8")
    assert current == gen.render(), f"docs/cli.md is out of date: run {gen.REGENERATE}"


def test_cli_reference_covers_every_command() -> None:
    from brief.cli import cli

    gen = _cli_docs_script()
    titles = re.findall(r"^## `(brief[^`]*)`$", (DOCS / "cli.md").read_text(), re.M)
    paths: list[tuple[str, ...]] = []
    for name in sorted(cli.commands):  # a group (brief source) and each of its commands
        paths.append((name,))
        group = cli.commands[name]
        if isinstance(group, click.Group):
            paths += [(name, sub) for sub in sorted(group.commands)]
    assert titles == ["brief", *(f"brief {' '.join(path)}" for path in paths)]
    assert list(gen.command_paths(cli)) == paths
    assert ("source", "import") in paths


def _cli_docs_script() -> ModuleType:
    """scripts/gen_cli_docs.py as a module (scripts/ is not a package)."""
    path = DOCS.parent / "scripts" / "gen_cli_docs.py"
    spec = importlib.util.spec_from_file_location("gen_cli_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_command_table_lists_every_command() -> None:
    """The README's Commands table has one row per command the CLI has, in no other."""
    from brief.cli import cli

    readme = (DOCS.parent / "README.md").read_text()
    rows = table_rows(section(readme, "## Commands"))
    listed = [re.match(r"`brief ([a-z-]+)", row[0]) for row in rows]
    names = [m[1] for m in listed if m]
    assert len(names) == len(rows), "every row starts with `brief COMMAND`"
    assert sorted(names) == sorted(n for n, c in cli.commands.items() if not c.hidden)
    assert len(set(names)) == len(names)


# Keys docs/tui.md lists that no BINDINGS in brief.tui declares: textual binds them itself,
# on the class named (checked below), so they work without a binding of ours.
TEXTUAL_KEYS: dict[str, tuple[str, str]] = {
    "ctrl+q": ("textual.app", "App"),  # quit, beside our own q
    "ctrl+c": ("textual.app", "App"),  # copy, or a notice of how to quit
    "ctrl+p": ("textual.app", "App"),  # the command palette (COMMAND_PALETTE_BINDING)
    "tab": ("textual.screen", "Screen"),  # focus next
    "shift+tab": ("textual.screen", "Screen"),  # focus previous
    "space": ("textual.widgets", "SelectionList"),  # tick an actor to compare
    "home": ("textual.containers", "ScrollableContainer"),  # the page's top
    "end": ("textual.containers", "ScrollableContainer"),  # and its foot
    "pageup": ("textual.containers", "ScrollableContainer"),
    "pagedown": ("textual.containers", "ScrollableContainer"),
}


# Textual's names for keys, as docs/tui.md writes them.
KEY_NAMES = {
    "escape": "esc",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "quotation_mark": '"',
}


def binding_keys() -> dict[str, list[str]]:
    """Every key bound in ``BINDINGS`` of a class defined in brief.tui, as the docs write
    it (``?``, ``esc``), with the classes that bind it."""
    import pkgutil

    from textual.binding import Binding

    import brief.tui

    found: dict[str, list[str]] = {}
    for info in pkgutil.walk_packages(brief.tui.__path__, "brief.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module.__name__:
                continue
            for binding in vars(cls).get("BINDINGS", ()):
                keys = binding.key if isinstance(binding, Binding) else binding[0]
                for key in keys.split(","):
                    shown = KEY_NAMES.get(key.strip(), key.strip())
                    found.setdefault(shown, []).append(cls.__name__)
    return found


def tui_doc_keys() -> set[str]:
    rows = table_rows(section((DOCS / "tui.md").read_text(), "## Keys"))
    return {key for row in rows for key in re.findall(r"`([^`]+)`", row[0])}


def test_tui_key_table_lists_every_binding() -> None:
    """docs/tui.md's key table has every key the TUI binds, and no key it does not."""
    bound = binding_keys()
    documented = tui_doc_keys()
    missing = {key: classes for key, classes in bound.items() if key not in documented}
    assert not missing, "bound in brief.tui but not in docs/tui.md's key table"
    # Tab is Textual's everywhere, and ours on a page too (from the links in view)
    textual_only = set(TEXTUAL_KEYS) - set(bound)
    assert documented - set(bound) == textual_only, "in docs/tui.md but bound nowhere"


def test_keys_bound_by_textual_are_bound_there() -> None:
    from textual.app import App

    for key, (module, name) in TEXTUAL_KEYS.items():
        cls = getattr(importlib.import_module(module), name)
        keys = {k.strip() for b in vars(cls)["BINDINGS"] for k in b.key.split(",")}
        if cls is App:
            keys.add(App.COMMAND_PALETTE_BINDING)
        assert key in keys, (key, name)
