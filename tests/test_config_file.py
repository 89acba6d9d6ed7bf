"""The config file is read with the corpus files' reader: no hang, no silent cut."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from brief.corpus.layers import bundled_root

from .conftest import run


def test_config_that_is_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    env = {**os.environ, "BRIEF_CONFIG": str(fifo), "XDG_CACHE_HOME": str(tmp_path / "c")}
    done = subprocess.run(
        [sys.executable, "-m", "brief", "show", "sanctions"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,  # it used to wait for a writer forever
    )
    assert done.returncode == 1
    assert done.stderr == f"brief: {fifo}: cannot read: not a regular file\n"


def test_config_over_the_size_limit_is_an_error_not_cut_short(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    # Valid up to 256 KiB, where it used to be cut: the typo after it went unseen.
    config.write_text(
        "# padding\n" * 30_000 + 'format = "plain"\nformt = "json"\n' + "#\n" * 400_000
    )
    result = run("show", "sanctions", env={"BRIEF_CONFIG": str(config)})
    assert result.exit_code == 1
    assert result.stderr == f"brief: {config}: cannot read: larger than the 1024 KiB limit\n"


def test_config_through_a_link_elsewhere_is_read(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "brief.toml"
    real.parent.mkdir()
    real.write_text('format = "markdown"\n')
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    result = run("show", "sanctions", env={"BRIEF_CONFIG": str(link)})
    assert result.exit_code == 0 and result.stdout.startswith("# Sanctions")


def test_dangling_config_link_is_an_error(tmp_path: Path) -> None:
    link = tmp_path / "config.toml"
    link.symlink_to(tmp_path / "gone.toml")
    result = run("show", "sanctions", env={"BRIEF_CONFIG": str(link)})
    assert result.exit_code == 1 and result.stderr.startswith(f"brief: {link}: cannot read: ")


def test_config_bundled_false_leaves_the_bundled_corpus_out(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'corpus = ["{mine}"]\nbundled = false\n')
    result = run("paths", env={"BRIEF_CONFIG": str(config)})
    assert result.exit_code == 0, result.output
    bundled = f"corpus: {bundled_root()}\n"
    assert f"corpus: {mine}\n" in result.stdout and bundled not in result.stdout
    config.write_text(f'corpus = ["{mine}"]\n')
    assert bundled in run("paths", env={"BRIEF_CONFIG": str(config)}).stdout


def test_config_bundled_must_be_true_or_false(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('bundled = "no"\n')
    result = run("list", env={"BRIEF_CONFIG": str(config)})
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("bundled: expected true or false")


def test_a_folder_named_twice_is_one_layer_in_its_last_place(tmp_path: Path) -> None:
    """The config file's folder given again with --corpus (or spelt another way) is read
    once: twice, each of its entries would be loaded again and override itself."""
    mine = tmp_path / "mine"
    (mine / "topics").mkdir(parents=True)
    (mine / "topics" / "t.toml").write_text(
        'format = 1\n[[topics]]\nid = "tea"\ntitle = "Tea"\nsummary = "Leaves."\n'
    )
    other = tmp_path / "other"
    other.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'corpus = ["{mine}", "{other}"]\nbundled = false\n')
    env = {"BRIEF_CONFIG": str(config)}
    paths = run("--corpus", f"{mine}/", "paths", env=env)
    assert paths.exit_code == 0, paths.output
    layers = [line for line in paths.stdout.splitlines() if line.startswith("corpus: ")]
    assert layers == [f"corpus: {other}", f"corpus: {mine}/"]  # --corpus's place and spelling
    listed = run("--corpus", f"{mine}/", "list", "topics", "--long", env=env)
    assert listed.exit_code == 0, listed.output
    assert "overrides" not in listed.stdout and "tea" in listed.stdout
    validated = run("--corpus", f"{mine}/", "validate", env=env)
    assert "1 files checked" in validated.stderr or "1 file checked" in validated.stderr
