"""Every example in a command's ``--help`` works on the bundled corpus, as a new reader
types it: the part before a pipe, a redirection or ``&&`` is run and must exit 0.

The examples of the commands that write the reader's own entries from the reader's own
titles and files (``new``, ``source import``) are placeholders for them and are not
run; every other command's examples are.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import click
import pytest

from brief.cli.group import cli

from .conftest import run

#: Commands whose examples stand for the reader's own titles and files.
PLACEHOLDERS = {"new", "source import"}

#: What ends the part of an example that is ``brief`` itself.
SHELL = {"|", ">", ">>", "&&", ";", "&"}


def examples() -> list[tuple[str, str]]:
    """``(command, example)`` for every example line (``brief ...``, with its ``\\``
    continuation lines joined) in every command's help."""
    ctx = click.Context(cli)
    found: list[tuple[str, str]] = []

    def walk(group: click.Group, prefix: str) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None
            path = f"{prefix} {name}".strip()
            if isinstance(command, click.Group):
                walk(command, path)
            lines = iter((command.help or "").splitlines())
            for line in lines:
                said = line.strip()
                if not said.startswith("brief "):
                    continue
                while said.endswith("\\"):
                    said = said[:-1] + next(lines).strip()
                found.append((path, said))

    walk(cli, "")
    return found


def brief_part(example: str) -> list[str]:
    """The arguments of ``brief`` in *example*, up to the first shell operator."""
    lexer = shlex.shlex(example, posix=True, punctuation_chars="|&;<>")
    lexer.whitespace_split = True
    words: list[str] = []
    for word in lexer:
        if word in SHELL:
            break
        words.append(word)
    assert words[0] == "brief", example
    return words[1:]


def test_there_are_examples_and_the_placeholders_are_still_there() -> None:
    commands = {command for command, _ in examples()}
    assert len(examples()) >= 20
    assert commands >= PLACEHOLDERS  # else this list is stale: run them


@pytest.mark.parametrize(
    "command,example",
    [pair for pair in examples() if pair[0] not in PLACEHOLDERS],
    ids=lambda value: value,
)
def test_the_example_works_on_the_bundled_corpus(
    command: str, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # ``brief export site`` writes here
    result = run(*brief_part(example))
    assert result.exit_code == 0, f"{example}: {result.stderr}"
    assert result.stdout or result.stderr  # it said something
