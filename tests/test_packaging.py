"""What a new machine gets: the package's name and metadata, shell completion, the man
page, and the README's pictures."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import run

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same package, as brief itself uses it on 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

ROOT = Path(__file__).parents[1]


def script(name: str) -> ModuleType:
    """scripts/NAME.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# the distribution


def test_distribution_is_brief_cli_and_the_command_brief() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == "brief-cli"  # `brief` on PyPI is another project
    assert project["scripts"] == {"brief": "brief.start:main"}
    classifiers = project["classifiers"]
    assert "Operating System :: POSIX" in classifiers
    assert not any("Windows" in c for c in classifiers), "not until the fallbacks land"
    assert f"Programming Language :: Python :: 3.{sys.version_info.minor}" in classifiers


def test_readme_says_how_to_install_with_pipx() -> None:
    readme = (ROOT / "README.md").read_text()
    first_screen = "\n".join(readme.splitlines()[:12])
    assert "pip install -q . && .venv/bin/brief show sanctions" in first_screen
    assert "pip install -q '.[test]' && .venv/bin/python -m pytest -q" in first_screen
    assert "pipx install ." in readme and "pipx install dist/brief_cli-" in readme
    assert "pip install brief\n" not in readme and "pipx install brief\n" not in readme


# shell completion


@pytest.mark.parametrize(
    ("shell", "mark"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef brief"), ("fish", "complete --no-files")],
)
def test_completion_prints_the_script_to_save(shell: str, mark: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0
    assert mark in result.stdout
    assert f"_BRIEF_COMPLETE={shell}_complete" in result.stdout
    assert result.stderr == ""


def test_completion_of_an_unknown_shell_is_a_usage_error() -> None:
    result = run("completion", "tcsh")
    assert result.exit_code == 2
    assert "'tcsh' is not one of 'bash', 'fish', 'zsh'" in result.stderr


def test_saved_bash_script_completes_commands_and_names(tmp_path: Path) -> None:
    """The script, saved and sourced by bash, asks brief for the words to offer."""
    bash = shutil.which("bash")
    assert bash is not None, "bash is needed to check the bash script"
    saved = tmp_path / "brief.bash"
    saved.write_text(run("completion", "bash").stdout)
    brief = tmp_path / "bin" / "brief"  # `brief` on PATH, as an installed one would be
    brief.parent.mkdir()
    brief.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m brief "$@"\n')
    brief.chmod(0o755)
    complete = '_brief_completion brief; echo "${COMPREPLY[@]}"'
    probe = (
        f"source {saved}; "
        f"COMP_WORDS=(brief comp); COMP_CWORD=1; {complete}; "
        f"COMP_WORDS=(brief show sanc); COMP_CWORD=2; {complete}"
    )
    env = {**os.environ, "PATH": f"{brief.parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([bash, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    commands, names = done.stdout.splitlines()
    assert commands.split() == ["compare", "completion"]
    assert "sanctions" in names.split()


def test_readme_shows_the_completion_command_not_eval_lines() -> None:
    readme = (ROOT / "README.md").read_text()
    for shell in ("bash", "zsh", "fish"):
        assert f"brief completion {shell} >" in readme
    assert "eval " not in readme


# the man page


def test_man_page_is_current() -> None:
    gen = script("gen_man")
    assert gen.PAGE == ROOT / "docs" / "brief.1"
    assert gen.PAGE.read_text(encoding="utf-8") == gen.render(), f"run {gen.REGENERATE}"


def test_man_page_has_every_command_and_its_options() -> None:
    from brief.cli import cli

    page = (ROOT / "docs" / "brief.1").read_text()
    assert page.startswith(".TH BRIEF 1 ")
    sections = [line[4:] for line in page.splitlines() if line.startswith(".SS ")]
    assert sections == sorted(cli.commands)
    assert ".B \\-\\-diff\\-only" in page  # an option of compare, roff-escaped
    for heading in ("NAME", "SYNOPSIS", "OPTIONS", "ENVIRONMENT", "EXIT STATUS"):
        assert f"\n.SH {heading}\n" in page
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"docs/brief.1" = "share/man/man1/brief.1"' in pyproject  # installed with it


# the README's pictures


def test_screenshot_script_writes_the_pictures_the_readme_shows(tmp_path: Path) -> None:
    gen = script("screenshots")
    written = gen.write(tmp_path)
    readme = (ROOT / "README.md").read_text()
    assert sorted(p.name for p in written) == sorted(gen.pictures())
    for path in written:
        svg = path.read_text(encoding="utf-8")
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
        assert f"](docs/img/{path.name})" in readme, f"the README does not show {path.name}"
        assert (ROOT / "docs" / "img" / path.name).is_file(), f"run {gen.REGENERATE}"
    show = (tmp_path / "show.svg").read_text()
    assert "Sanctions" in show and "United&#160;Nations" in show
    assert "China&#160;vs&#160;Russia" in (tmp_path / "tui-compare.svg").read_text()
