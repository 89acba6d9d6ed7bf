"""Every command in every format, through click's CliRunner, on the small fixture corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from brief import __version__

from .conftest import run


def show(mini: Path, *args: str) -> tuple[int, str, str]:
    result = run("--no-bundled", "--corpus", str(mini), "show", *args)
    return result.exit_code, result.stdout, result.stderr


def test_version_shows_the_corpus_layers(mini: Path) -> None:
    result = run("--version")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"brief {__version__}"
    assert len(lines) == 2 and lines[1].startswith("  corpus: ") and lines[1].endswith("briefs")
    result = run("--no-bundled", "-c", str(mini), "--version")
    assert result.stdout == f"brief {__version__}\n  corpus: {mini}\n"
    # --version lists the folders whichever side of it they are given
    assert run("-V", "--no-bundled", "-c", str(mini)).stdout == result.stdout


def test_version_fast_path_prints_what_click_prints(tmp_path: Path) -> None:
    """The console script answers a bare --version without click: the same text, exit 0."""
    env = {**os.environ, "BRIEF_PATH": str(tmp_path)}
    script = [sys.executable, "-c", "from brief.cli.entry import main; main()"]
    for flag in ("--version", "-V"):
        fast = subprocess.run([*script, flag], env=env, capture_output=True, text=True)
        assert (fast.returncode, fast.stderr) == (0, "")
        assert fast.stdout == run(flag, env={"BRIEF_PATH": str(tmp_path)}).stdout
        assert fast.stdout.endswith(f"  corpus: {tmp_path}\n")


def test_version_with_a_broken_config_still_answers(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('pager = "yes"\n')
    env = {"BRIEF_CONFIG": str(config)}
    for flag in ("--version", "-V"):
        result = run(flag, env=env)
        assert result.exit_code == 0 and result.stdout.startswith(f"brief {__version__}\n")
        assert result.stderr == f"brief: warning: {config}: pager: expected true or false\n"


def test_show_topic_plain_when_piped(mini: Path) -> None:
    code, out, err = show(mini, "trade")
    assert (code, err) == (0, "")
    assert "\x1b" not in out
    assert out == (
        "Trade\n"
        "=====\n"
        "Who trades with whom.\n"
        "\n"
        "aliases: commerce\n"
        "tags: economy\n"
        "\n"
        "China\n"
        "  - China is the main trading partner. (with North Korea) [1]\n"
        "    ! contradicted by: [disputed] China trades little. (China) [2]\n"
        "    + supported by: [assessment] Russia's trade is small. (Russia) [1,2]\n"
        "  - [disputed] China trades little. [2]\n"
        "    Note: Customs data say otherwise.\n"
        "    ! contradicted by the claim above: “China is the main trading partner.”\n"
        "      (China) [1]\n"
        "\n"
        "Russia\n"
        "  - [assessment] Russia's trade is small. [1,2]\n"
        "\n"
        "Related topics: Security\n"
        "\n"
        "Sources\n"
        '  [1] The Atlas Review, "Trade" (A. Writer, 2024)\n'
        "  [2] The Ledger\n"
    )


def test_show_actor_groups_by_topic(mini: Path) -> None:
    code, out, _ = show(mini, "PRC")
    assert code == 0
    assert out.splitlines()[:2] == ["China", "====="]
    # topics in corpus order (files are read sorted: security before trade)
    assert out.index("\nSecurity\n") < out.index("\nTrade\n")
    assert "[alleged] North Korea is a buffer state for China. [1]" in out
    assert "China is the main trading partner. (with North Korea)" in out


def test_show_source_says_what_it_says(mini: Path) -> None:
    code, out, _ = show(mini, "ledger")
    assert code == 0
    assert "kind: report" in out
    assert "China trades little." in out and "Russia's trade is small." in out
    assert "North Korea is a buffer state" not in out  # cites atlas only


def test_show_several_names_in_turn(mini: Path) -> None:
    code, out, _ = show(mini, "trade", "security")
    assert code == 0
    assert out.index("Trade\n=====") < out.index("Security\n========")


def test_show_unknown_name_suggests(mini: Path) -> None:
    code, out, err = show(mini, "trad")
    assert (code, out) == (1, "")
    assert err == "brief: no topic, actor or source named 'trad' (did you mean 'trade'?)\n"


def test_show_unknown_name_without_suggestion(mini: Path) -> None:
    code, _, err = show(mini, "zzzzzz")
    assert code == 1
    assert err == "brief: no topic, actor or source named 'zzzzzz'\n"


def test_show_json_shape(mini: Path) -> None:
    code, out, _ = show(mini, "trade", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 2
    assert (data["kind"], data["id"], data["title"]) == ("topic", "trade", "Trade")
    assert data["facts"] == {"aliases": ["commerce"], "tags": ["economy"]}
    assert [s["key"] for s in data["sections"]] == ["china", "russia"]
    first = data["sections"][0]["claims"][0]
    assert first["id"] == "trade-china-partner"
    assert first["contested_by"][0]["id"] == "trade-china-denies"
    assert data["references"][1] == {
        "number": 2,
        "source": "ledger",
        "title": "The Ledger",
        "section": None,
        "author": None,
        "year": None,
        "publisher": None,
        "url": None,
    }
    assert data["related"] == [{"kind": "topic", "id": "security", "title": "Security"}]


def test_show_json_gives_actor_ids_beside_names(mini: Path) -> None:
    """Version 2: each claim's actor_ids are the ids of its actors, in their order."""
    listed = run("--no-bundled", "--corpus", str(mini), "list", "actors", "-f", "json")
    names = {item["id"]: item["title"] for item in json.loads(listed.stdout)["items"]}
    code, out, _ = show(mini, "trade", "-f", "json")
    assert code == 0
    claims = [c for s in json.loads(out)["sections"] for c in s["claims"]]
    named = [c for c in claims if c["actors"]]
    assert named  # the fixture has claims naming actors beside the text
    for claim in claims:
        assert [names[a] for a in claim["actor_ids"]] == claim["actors"]


def test_show_several_json_is_a_list(mini: Path) -> None:
    code, out, _ = show(mini, "trade", "china", "-f", "json")
    assert code == 0
    assert [d["kind"] for d in json.loads(out)] == ["topic", "actor"]


def test_show_several_json_is_a_list_when_one_is_not_found(mini: Path) -> None:
    """A trial's script got an array, or an object when a name was not found."""
    code, out, err = show(mini, "trade", "nosuch", "-f", "json")
    assert code == 1 and "named 'nosuch'" in err
    assert [d["id"] for d in json.loads(out)] == ["trade"]
    code, out, _ = show(mini, "trade", "-f", "json")
    assert code == 0 and json.loads(out)["id"] == "trade"  # one name: one document


def test_show_markdown(mini: Path) -> None:
    code, out, _ = show(mini, "trade", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Trade\n\nWho trades with whom.\n")
    assert "## China\n\n- China is the main trading partner. (with North Korea) \\[1\\]\n" in out
    assert "  - *Note:* Customs data say otherwise." in out
    assert '## Sources\n\n1. The Atlas Review, "Trade" (A. Writer, 2024)\n2. The Ledger\n' in out


def test_show_terminal_has_colour_and_fits_40_columns(mini: Path) -> None:
    result = run(
        "--no-bundled",
        "--corpus",
        str(mini),
        "show",
        "trade",
        "-f",
        "terminal",
        env={"COLUMNS": "40"},
    )
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(len(line) for line in plain.splitlines()) <= 40
    assert "contradicted by" in plain and "Customs data say otherwise." in plain


def test_no_color_means_plain(mini: Path) -> None:
    result = run("--no-bundled", "--corpus", str(mini), "show", "trade", env={"NO_COLOR": "1"})
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("Trade\n=====\n")


def test_list_piped_is_one_id_per_line(mini: Path) -> None:
    for kind, expected in [
        ("topics", "security\ntrade\n"),
        ("actors", "china\nnorth-korea\nrussia\n"),  # by name
        ("sources", "atlas\nledger\n"),
        ("tags", "economy\nmilitary\n"),
    ]:
        result = run("--no-bundled", "-c", str(mini), "list", kind)
        assert (result.exit_code, result.stdout) == (0, expected), kind
    assert run("--no-bundled", "-c", str(mini), "list").stdout == "security\ntrade\n"


def test_list_filters(mini: Path) -> None:
    def ids(*args: str) -> list[str]:
        result = run("--no-bundled", "-c", str(mini), "list", *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout.split()

    assert ids("topics", "--tag", "military") == ["security"]
    assert ids("topics", "--actor", "russia") == ["trade"]
    assert ids("actors", "--tag", "military") == ["china"]
    assert ids("sources", "--actor", "Russia") == ["atlas", "ledger"]
    assert ids("sources", "--tag", "military") == ["atlas"]
    assert ids("tags", "--actor", "russia") == ["economy"]


def test_list_unknown_filter_values(mini: Path) -> None:
    result = run("--no-bundled", "-c", str(mini), "list", "--tag", "econmy")
    assert (result.exit_code, result.stderr) == (
        1,
        "brief: no tag named 'econmy' (did you mean 'economy'?)\n",
    )
    result = run("--no-bundled", "-c", str(mini), "list", "--actor", "trade")
    assert result.exit_code == 1
    assert result.stderr == "brief: 'trade' is a topic, not an actor\n"
    result = run("--no-bundled", "-c", str(mini), "list", "--actor", "nobody")
    assert (result.exit_code, result.stderr) == (1, "brief: no actor named 'nobody'\n")


def test_list_json_and_markdown(mini: Path) -> None:
    out = run("--no-bundled", "-c", str(mini), "list", "actors", "-f", "json").stdout
    data = json.loads(out)
    assert data["kind"] == "actors"
    assert data["items"][1] == {  # by name: China first
        "id": "north-korea",
        "title": "North Korea",
        "detail": "The Democratic People's Republic of Korea.",
    }
    md = run("--no-bundled", "-c", str(mini), "list", "topics", "-f", "markdown").stdout
    assert (
        md == "# Topics\n\n- **Security** (security) — military, economy\n"
        "- **Trade** (trade) — economy\n"
    )


def test_list_terminal_table(mini: Path) -> None:
    out = run("--no-bundled", "-c", str(mini), "list", "actors", "-f", "terminal").stdout
    assert "\x1b[" in out and "North Korea" in out


def test_usage_errors_exit_2(mini: Path) -> None:
    assert run("show").exit_code == 2
    assert run("list", "planets").exit_code == 2
    assert run("show", "x", "--format", "yaml").exit_code == 2
    result = run("shwo")
    assert result.exit_code == 2 and "show" in result.stderr


def test_warnings_for_broken_files_go_to_stderr(mini: Path) -> None:
    (mini / "broken.toml").write_text("format = 1\n[[topics]\n")
    result = run("--no-bundled", "-c", str(mini), "list")
    assert result.exit_code == 0
    assert result.stdout == "security\ntrade\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    # its line and column as validate gives them (FILE:2:9:), for an editor's error list
    assert lines[0].startswith(f"brief: warning: {mini}/broken.toml:2:9: TOML")
    assert lines[0].endswith("[BRIEF003] (file skipped)")


def test_brief_path_layers(mini: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "t.toml").write_text(
        'format = 1\n[[topics]]\nid = "trade"\ntitle = "My Trade"\nsummary = "Mine."\n'
    )
    result = run("--no-bundled", "show", "trade", env={"BRIEF_PATH": f"{mini}:{mine}"})
    assert result.stdout.startswith("My Trade\n")
    # --corpus comes after BRIEF_PATH, so it wins
    result = run("--no-bundled", "-c", str(mini), "show", "trade", env={"BRIEF_PATH": str(mine)})
    assert result.stdout.startswith("Trade\n")


def test_hostile_text_is_inert_in_every_format(mini: Path) -> None:
    (mini / "evil.toml").write_text(
        'format = 1\n[[topics]]\nid = "evil"\ntitle = "[bold]E[/] \\u001b]8;;http://x\\u0007"\n'
        'summary = "[link=file:///etc/passwd]click[/link] [@click=app.quit]q[/] '
        '\\u009b2J \\u202e"\n'
    )
    for fmt in ("plain", "terminal", "markdown", "json"):
        result = run("--no-bundled", "-c", str(mini), "show", "evil", "-f", fmt)
        assert result.exit_code == 0, fmt
        out = result.stdout
        assert "\x07" not in out and "\x9b" not in out and "\u202e" not in out, fmt
        assert "\x1b]" not in out and "\x1b[2J" not in out, fmt  # no OSC, no CSI from corpus
        assert "\\x1b" in out and "\\u202e" in out, fmt  # shown, visibly
        if fmt != "markdown":
            assert "[link=file:///etc/passwd]click[/link]" in out, fmt
        if fmt == "terminal":  # only rich's own SGR codes; no OSC 8 hyperlink
            assert "\x1b]8" not in out
            assert "[bold]E[/]" in out


def test_tui_refuses_without_a_terminal() -> None:
    result = run("tui")  # CliRunner's streams are not terminals
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "brief: tui needs a terminal; in pipes and scripts use 'brief show'\n"


def test_claim_above_and_numbering_follow_the_page_not_the_files(mini: Path) -> None:
    # Files list China, Russia, China again; the page shows both China claims first.
    (mini / "topics" / "order.toml").write_text(
        'format = 1\n[[topics]]\nid = "order"\ntitle = "Order"\nsummary = "S."\n'
        '[[claims]]\nid = "o-c1"\ntopic = "order"\nactors = ["china"]\ntext = "C one."\n'
        'cites = [{ source = "atlas", section = "Trade" }]\n'
        '[[claims]]\nid = "o-r"\ntopic = "order"\nactors = ["russia"]\ntext = "R says."\n'
        'cites = [{ source = "ledger" }]\n'
        '[[claims]]\nid = "o-c2"\ntopic = "order"\nactors = ["china"]\ntext = "C two."\n'
        'cites = [{ source = "atlas", section = "Security Matters" }]\ncontradicts = ["o-r"]\n'
    )
    code, out, _ = show(mini, "order")
    assert code == 0
    china, russia = out.split("\nRussia\n")
    assert "! contradicted by: R says. (Russia) [3]" in china  # below, so in full
    assert "! contradicted by the claim above: “C two.” (China) [2]" in russia
    assert out.index("[1] The Atlas Review") < out.index("[2] The Atlas") < out.index("[3] The L")


def test_usage_errors_are_one_line_from_the_real_command() -> None:
    import subprocess
    import sys

    def brief(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "brief", *args], capture_output=True, text=True, timeout=60
        )

    done = brief("show")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "brief show: missing argument 'NAMES...' (see 'brief show --help')\n"
    done = brief("shwo")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "'show'" in done.stderr
    done = brief()  # bare: the help, on stdout, and no error
    assert done.returncode == 0 and done.stdout.startswith("Usage: brief")
    done = brief("search", "")
    assert (done.returncode, done.stderr) == (2, "brief: search needs at least one word\n")
    done = brief("list", "tags", "--no-bundled")  # a group option after the command
    assert done.returncode == 2
    assert done.stderr == (
        "brief list: no such option '--no-bundled' "
        "(--no-bundled goes before the command: 'brief --no-bundled ...')\n"
    )
    # a command's option before the command (a trial wrote 'brief -f json show x'); the
    # command written, else show; not click's near miss ('--color': did you mean --corpus?)
    for args, after in [
        (("--color", "never", "conflicts"), "conflicts --color"),
        (("-f", "json", "show", "sanctions"), "show -f"),
        (("--width", "40"), "show --width"),
        (("--min-grade", "B2", "list"), "show --min-grade"),
    ]:
        done = brief(*args)
        assert done.returncode == 2
        assert done.stderr == (
            f"brief: no such option '{args[0]}' (it goes after the command: 'brief {after} ...')\n"
        )
    done = brief("--nonsense", "show", "x")
    assert done.stderr == "brief: no such option '--nonsense' (see 'brief --help')\n"


def test_show_a_topic_left_out_says_why(mini: Path) -> None:
    (mini / "extra.toml").write_text(
        'format = 1\n[[topics]]\nid = "ports"\ntitle = "Ports"\nsumary = "Typo."\n'
    )
    for _ in range(2):  # loaded from the files, then from the cache
        result = run("--no-bundled", "-c", str(mini), "show", "Ports")
        assert result.exit_code == 1
        message = result.stderr.splitlines()[-1]
        assert message.startswith("brief: 'Ports' was left out: ")
        assert "extra.toml: topics[0]" in message and "(see 'brief validate')" in message
    compared = run("--no-bundled", "-c", str(mini), "compare", "Ports", "trade")
    assert compared.exit_code == 1 and "'Ports' was left out: " in compared.stderr
    result = run("--no-bundled", "-c", str(mini), "show", "nowhere-at-all")
    assert "no topic, actor or source named 'nowhere-at-all'" in result.stderr


def test_terminal_bullets_hang_and_fit_every_width() -> None:
    """Wrapped points continue under their text, never under the bullet, at any width."""
    import re

    for width in (40, 72, 120):
        out = run("show", "sanctions", "-f", "terminal", env={"COLUMNS": str(width)}).stdout
        assert "\x1b[31m⚡" in out  # the counter-claim mark keeps its colour
        lines = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()
        assert max(len(line) for line in lines) <= width
        bullets = [i for i, line in enumerate(lines) if line.startswith("• ")]
        assert bullets and all(
            lines[i + 1].startswith(("  ", "•")) or not lines[i + 1].strip() for i in bullets
        )


def test_the_lazy_command_table_names_every_command_where_it_is_defined() -> None:
    """``cli.lazy.WHERE`` is a hand-kept table: it must match each module's COMMANDS."""
    import importlib

    from brief.cli import cli
    from brief.cli.lazy import MODULES, WHERE

    found = {
        command.name: module
        for module in MODULES
        for command in importlib.import_module(f"brief.cli.{module}").COMMANDS
    }
    assert found == WHERE
    assert sorted(cli.commands) == sorted(WHERE)  # listing them loads them all


def test_a_command_imports_only_its_own_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['brief', 'paths']\n"
        "from brief.cli import cli\n"
        "try:\n    cli.main(prog_name='brief')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('brief.cli.'))),"
        " file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    loaded = set(done.stderr.split())
    assert "brief.cli.admin" in loaded
    assert not loaded & {"brief.cli.reading", "brief.cli.authoring", "brief.cli.analysis"}


def test_quiet_leaves_out_the_corpus_warnings_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("format = 1\n[[topics]\n")
    loud = run("-c", str(tmp_path), "show", "sanctions")
    assert loud.exit_code == 0 and "brief: warning:" in loud.stderr
    quiet = run("-q", "-c", str(tmp_path), "show", "sanctions")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, loud.stdout, "")
    validated = run("--quiet", "-c", str(tmp_path), "validate")
    assert validated.exit_code == 1 and "broken.toml" in validated.stdout + validated.stderr


def test_show_notes_a_skipped_file_that_defines_the_name_too(tmp_path: Path) -> None:
    """A new user's own copy of an actor was in a broken file: `show` gave the bundled
    one and said nothing of the copy."""
    (tmp_path / "actors.toml").write_text(
        'format = 1\n[[actors]]\nid = "united-states"\nname = "Mine"\ndescription = "x\n'
    )
    result = run("-c", str(tmp_path), "show", "united-states")
    assert result.exit_code == 0
    assert "the skipped file " in result.stderr
    assert "actors.toml defines 'united-states' too; shown is the entry in use" in result.stderr
    assert "the skipped file" not in run("-c", str(tmp_path), "show", "sanctions").stderr
    assert run("-q", "-c", str(tmp_path), "show", "united-states").stderr == ""
