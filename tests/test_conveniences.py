"""Shell completion, the pager, the config file, `paths` and several names to `show`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief.cli import cli

from .conftest import run


def complete(shell: str, words: str, cword: str, *extra: str) -> str:
    env = {"_BRIEF_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = CliRunner().invoke(cli, list(extra), prog_name="brief", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_bash_completion_of_names() -> None:
    out = complete("bash", "brief show sanc", "2")
    assert out.splitlines() == ["plain,sanctions", "plain,sanctions-evasion"]


def test_bash_completion_of_commands_and_options() -> None:
    assert "plain,show" in complete("bash", "brief sh", "1").splitlines()
    assert "plain,--format" in complete("bash", "brief show --fo", "2").splitlines()


def test_bash_completion_of_actor_option_offers_only_actors() -> None:
    out = complete("bash", "brief list --actor ru", "3").splitlines()
    assert "plain,russia" in out
    assert all("sanction" not in line for line in out)
    tags = complete("bash", "brief search x --tag sanc", "4").splitlines()
    assert tags == ["plain,sanctions"]


def test_zsh_completion() -> None:
    out = complete("zsh", "brief compare china ru", "3")
    assert "plain\nrussia\n_\n" in out


def test_fish_completion() -> None:
    out = complete("fish", "brief tui dpr", "dpr")
    assert out.splitlines() == ["plain,dprk"]


def test_completion_follows_corpus_options(mini: Path) -> None:
    out = complete("bash", f"brief --no-bundled --corpus {mini} show tr", "5")
    assert out.splitlines() == ["plain,trade"]


def test_completion_scripts_for_each_shell() -> None:
    for shell in ("bash", "zsh", "fish"):
        result = CliRunner().invoke(
            cli, [], prog_name="brief", env={"_BRIEF_COMPLETE": f"{shell}_source"}
        )
        assert result.exit_code == 0 and "_BRIEF_COMPLETE" in result.stdout


def test_pager_on_and_off(mini: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}"}
    args = ["--no-bundled", "-c", str(mini), "show", "trade"]
    result = run(*args, "--pager", env=env)
    assert result.exit_code == 0 and result.stdout == ""
    assert paged.read_text().startswith("Trade\n=====\n")
    paged.unlink()
    result = run(*args, env=env)  # not a terminal: no pager unless asked
    assert not paged.exists() and result.stdout.startswith("Trade\n")
    result = run(*args, "--no-pager", env=env)
    assert not paged.exists() and result.stdout.startswith("Trade\n")


def test_pager_gets_colour_codes_for_terminal_format(mini: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {"BRIEF_PAGER": f"cat > {paged}", "PAGER": "false"}
    run("--no-bundled", "-c", str(mini), "show", "trade", "-f", "terminal", "--pager", env=env)
    assert "\x1b[" in paged.read_text()


def test_missing_pager_falls_back_to_stdout(mini: Path) -> None:
    result = run(
        "--no-bundled",
        "-c",
        str(mini),
        "show",
        "trade",
        "--pager",
        env={"PAGER": "no-such-pager-anywhere"},
    )
    assert result.exit_code == 0 and result.stdout.startswith("Trade\n")


def write_config(text: str) -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "brief" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_config_adds_corpus_and_default_format(mini: Path) -> None:
    write_config(f'corpus = ["{mini}"]\nformat = "json"\n')
    result = run("--no-bundled", "show", "trade")
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert run("--no-bundled", "show", "trade", "-f", "plain").stdout.startswith("Trade\n")


def test_config_corpus_paths_are_relative_to_the_config(mini: Path) -> None:
    path = write_config("")
    link = path.parent / "notes"
    link.symlink_to(mini)
    write_config('corpus = ["notes"]\n')
    assert run("--no-bundled", "list").stdout == "security\ntrade\n"


def test_broken_config_is_a_clear_error() -> None:
    path = write_config("format = \n")
    result = run("list")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"brief: {path}: line 1, column 10: TOML syntax error")
    assert "Traceback" not in result.output


def test_config_unknown_key_and_bad_values() -> None:
    path = write_config('fromat = "json"\n')
    result = run("list")
    assert (result.exit_code, result.stderr) == (
        1,
        f"brief: {path}: fromat: unknown setting 'fromat' (did you mean 'format'?)\n",
    )
    write_config('format = "yaml"\n')
    assert "format: expected one of auto, terminal" in run("list").stderr
    write_config('pager = "yes"\n')
    assert "pager: expected true or false" in run("list").stderr
    write_config('corpus = "notes"\n')
    assert "corpus: expected an array" in run("list").stderr


def test_brief_config_env_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text('format = "markdown"\n')
    result = run("show", "sanctions", env={"BRIEF_CONFIG": str(path)})
    assert result.stdout.startswith("# Sanctions")


def test_paths_lists_config_layers_and_cache(mini: Path) -> None:
    result = run("-c", str(mini), "paths")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("config: ") and lines[0].endswith("(not found)")
    assert lines[1].startswith("corpus: ") and lines[1].endswith("briefs")
    assert lines[2] == f"corpus: {mini}"
    assert lines[3].startswith("cache:  ")


def test_show_several_names_each_once(mini: Path) -> None:
    result = run("--no-bundled", "-c", str(mini), "show", "trade", "commerce", "china")
    assert result.stdout.count("Who trades with whom.") == 1
    assert result.stdout.count("\nChina\n=====\n") == 1


def test_pager_flags_before_the_command_like_git(mini: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}"}
    run("--no-bundled", "-c", str(mini), "--pager", "show", "trade", env=env)
    assert paged.read_text().startswith("Trade\n")
    paged.unlink()
    result = run("--no-bundled", "-c", str(mini), "--pager", "show", "trade", "--no-pager", env=env)
    assert not paged.exists() and result.stdout.startswith("Trade\n")


def test_default_pager_only_for_output_taller_than_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Like ``less -F``, without starting less: short output is written straight out."""
    from brief.render import output

    paged: list[str] = []
    monkeypatch.setattr(output, "page", paged.append)
    monkeypatch.setattr(output, "render", lambda draw, dest, width=None, colour=True: "line\n" * 10)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(output, "_height", lambda: 40)
    output.emit(lambda r: r.briefings([]), "plain", pager=None, paging=True)
    assert paged == []
    monkeypatch.setattr(output, "_height", lambda: 8)
    output.emit(lambda r: r.briefings([]), "plain", pager=None, paging=True)
    assert paged == ["line\n" * 10]
    output.emit(lambda r: r.briefings([]), "plain", pager=None, paging=False)  # config says no
    assert len(paged) == 1
    monkeypatch.setenv("TERM", "dumb")  # a trial's less: "terminal is not fully functional"
    output.emit(lambda r: r.briefings([]), "plain", pager=None, paging=True)
    assert len(paged) == 1
    output.emit(lambda r: r.briefings([]), "plain", pager=True, paging=True)  # --pager
    assert len(paged) == 2
