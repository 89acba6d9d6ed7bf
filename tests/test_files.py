"""The reader against a hostile file system (issue 7): one test per hazard.

Each problem must become one ``BRIEF001`` line naming the file, never a hang, a
traceback or a silent gap, and the rest of the corpus must still load. Tests run as
root in CI, and root reads ``chmod 000`` files, so unreadable and vanishing files are
simulated by patching ``os.open``/``os.read``/``os.scandir``.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import brief.corpus.load
from brief.corpus.reader import MAX_FILE_BYTES, discover, read_bytes

from .conftest import run, unlined

ACTOR = 'format = 1\n[[actors]]\nid = "{id}"\nname = "{id}"\ndescription = "D."\n'
LINK_OUT = "cannot read: a symbolic link that leaves the corpus folder or leads nowhere [BRIEF001]"


def actor(path: Path, ident: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ACTOR.format(id=ident))
    return path


def validate(root: Path) -> tuple[int, list[str]]:
    result = run("--no-bundled", "validate", str(root))
    assert "Traceback" not in result.output
    return result.exit_code, unlined(result.stdout).splitlines()


def actors(root: Path) -> list[str]:
    """The actors that loaded (plain ``list`` prints one id per line)."""
    result = run("--no-bundled", "--corpus", str(root), "list", "actors", "-f", "plain")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def fail_on(
    monkeypatch: pytest.MonkeyPatch, name: str, target: Path, error: Callable[[], OSError]
) -> None:
    """Make ``os.<name>`` raise *error* for *target* (and behave for everything else)."""
    real = getattr(os, name)

    def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path) == os.fspath(target):
            raise error()
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, fake)


# --- links --------------------------------------------------------------------------------


def test_dangling_link(mini: Path, tmp_path: Path) -> None:
    (mini / "gone.toml").symlink_to(tmp_path / "nowhere.toml")
    assert validate(mini) == (1, [f"{mini}/gone.toml: {LINK_OUT}"])


def test_link_out_of_the_corpus_is_not_followed(mini: Path, tmp_path: Path) -> None:
    (mini / "out.toml").symlink_to(actor(tmp_path / "outside.toml", "outsider"))
    (mini / "zero.toml").symlink_to("/dev/zero")  # would be a MemoryError if it were read
    assert validate(mini) == (1, [f"{mini}/out.toml: {LINK_OUT}", f"{mini}/zero.toml: {LINK_OUT}"])
    assert "outsider" not in actors(mini)


def test_link_inside_the_corpus_is_followed_and_each_file_read_once(mini: Path) -> None:
    """A file the walk reads as itself is not read again through a link to it (as a
    folder is walked once): a tester's link was read twice, and the real file blamed
    for the duplicate ids. A link is the way to a file in a hidden folder: read."""
    actor(mini / "real" / "a.toml", "insider")
    (mini / "alias.toml").symlink_to(mini / "real" / "a.toml")
    (mini / "relative.toml").symlink_to("real/a.toml")
    assert validate(mini) == (0, [])
    assert "insider" in actors(mini)
    actor(mini / ".hidden" / "h.toml", "hider")
    (mini / "shown.toml").symlink_to(".hidden/h.toml")
    assert validate(mini) == (0, [])
    assert "hider" in actors(mini)


def test_corpus_folder_given_through_a_link(mini: Path, tmp_path: Path) -> None:
    (tmp_path / "via").symlink_to(mini)
    assert validate(tmp_path / "via") == (0, [])
    assert "china" in actors(tmp_path / "via")


def test_linked_folders_inside_are_walked_once_outside_are_reported(
    mini: Path, tmp_path: Path
) -> None:
    actor(tmp_path / "elsewhere" / "x.toml", "elsewhere")
    (mini / "away").symlink_to(tmp_path / "elsewhere")
    (mini / "loop").symlink_to(mini)  # a loop: must not recurse forever
    (mini / "topics-again").symlink_to(mini / "topics")  # seen already: not read twice
    code, lines = validate(mini)
    assert code == 1
    assert lines == [f"{mini}/away/: {LINK_OUT}"]
    assert "elsewhere" not in actors(mini)


def test_a_file_swapped_for_a_link_after_the_check_is_not_followed(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race between checking a name and opening it: O_NOFOLLOW refuses the link."""
    target = mini / "base.toml"
    outside = actor(tmp_path / "outside.toml", "outsider")
    real_open = os.open

    def swap_then_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(target):
            target.unlink()
            target.symlink_to(outside)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", swap_then_open)
    assert str(read_bytes(target, mini, "base.toml")) == f"base.toml: {LINK_OUT}"


# --- things that are not regular files ---------------------------------------------------


def test_a_folder_named_like_a_file_is_a_folder(mini: Path) -> None:
    actor(mini / "x.toml" / "inner.toml", "inner")
    assert validate(mini) == (0, [])
    assert "inner" in actors(mini)
    # Read as a file (it was one when listed, say), it is refused, not crashed on.
    problem = read_bytes(mini / "x.toml", mini, "x.toml")
    assert str(problem) == "x.toml: cannot read: a folder [BRIEF001]"


def test_a_fifo_does_not_block(mini: Path) -> None:
    os.mkfifo(mini / "pipe.toml")
    actor(mini / "zz.toml", "after-the-fifo")
    done = subprocess.run(  # a real process, so a hang fails the test instead of stalling it
        [sys.executable, "-m", "brief", "--no-bundled", "validate", str(mini)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 1
    assert done.stdout == f"{mini}/pipe.toml: cannot read: not a regular file [BRIEF001]\n"
    assert "after-the-fifo" in actors(mini)


def test_a_device_is_refused() -> None:
    problem = read_bytes(Path("/dev/zero"), Path("/dev"), "zero")  # inside its "corpus"
    assert str(problem) == "zero: cannot read: not a regular file [BRIEF001]"


# --- size -----------------------------------------------------------------------------------


def test_the_size_limit_is_exact(mini: Path) -> None:
    body = ACTOR.format(id="big").encode()
    (mini / "limit.toml").write_bytes(body + b"#" * (MAX_FILE_BYTES - len(body) - 1) + b"\n")
    assert (mini / "limit.toml").stat().st_size == MAX_FILE_BYTES == 1024 * 1024
    assert validate(mini) == (0, [])
    (mini / "limit.toml").write_bytes(body + b"#" * (MAX_FILE_BYTES - len(body)) + b"\n")
    assert validate(mini) == (
        1,
        [f"{mini}/limit.toml: cannot read: larger than the 1024 KiB limit [BRIEF001]"],
    )


def test_a_file_that_grows_while_read_is_cut_off(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mini / "grows.toml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:  # it was small when we looked
        info = list(real_fstat(fd))
        info[stat.ST_SIZE] = 10
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", small)
    problem = read_bytes(path, mini, "grows.toml")
    assert str(problem) == "grows.toml: cannot read: larger than the 1024 KiB limit [BRIEF001]"


# --- OS errors ----------------------------------------------------------------------------


def test_a_file_that_vanishes_after_listing(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = discover

    def vanishing(root: str, *args: Any, **kwargs: Any) -> Iterator[tuple[str, str]]:
        for path, rel in real(root, *args, **kwargs):
            if rel == "base.toml":
                os.unlink(path)  # deleted between the listing and the read
            yield path, rel

    monkeypatch.setattr(brief.corpus.load, "discover", vanishing)
    code, lines = validate(mini)
    assert code == 1
    assert lines[0] == (
        f"{mini}/base.toml: cannot read: the file disappeared while reading the corpus [BRIEF001]"
    )
    assert all("base.toml" not in line for line in lines[1:])  # the rest: unknown references


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (lambda: PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        (
            lambda: FileNotFoundError(errno.ENOENT, "No such file or directory"),
            "the file disappeared while reading the corpus",
        ),
        (lambda: OSError(errno.EIO, "Input/output error"), "input/output error"),
        (lambda: OSError(errno.EMFILE, "Too many open files"), "too many open files"),
    ],
)
def test_open_errors_are_warnings_naming_the_file(
    mini: Path, monkeypatch: pytest.MonkeyPatch, error: Callable[[], OSError], message: str
) -> None:
    fail_on(monkeypatch, "open", mini / "topics" / "security.toml", error)
    result = run("--no-bundled", "--corpus", str(mini), "show", "trade")
    assert result.exit_code == 0  # the rest of the corpus still loads
    assert result.stderr.splitlines()[0] == (
        f"brief: warning: {mini}/topics/security.toml: cannot read: {message} [BRIEF001]"
        " (file skipped)"
    )
    assert "Traceback" not in result.output


def test_read_errors_are_warnings_naming_the_file(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int, n: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", broken)
    problem = read_bytes(mini / "base.toml", mini, "base.toml")
    assert str(problem) == "base.toml: cannot read: input/output error [BRIEF001]"


def test_a_folder_that_cannot_be_listed_is_reported(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "scandir", mini / "topics", lambda: PermissionError(errno.EACCES, "no"))
    assert validate(mini)[1][0] == (
        f"{mini}/topics/: cannot read: a folder that cannot be listed [BRIEF001]"
    )
    assert [rel for _, rel in discover(mini)] == ["base.toml", "topics/"]


def test_a_folder_that_cannot_even_be_opened(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on(monkeypatch, "scandir", mini / "topics", lambda: PermissionError(errno.EACCES, "no"))
    fail_on(monkeypatch, "open", mini / "topics", lambda: PermissionError(errno.EACCES, "no"))
    assert validate(mini)[1][0] == f"{mini}/topics/: cannot read: permission denied [BRIEF001]"


# --- names ----------------------------------------------------------------------------------


def test_odd_file_names_in_a_real_process(mini: Path) -> None:
    """Names that are not UTF-8 or hold escapes reach the terminal escaped, on one line."""
    odd = {
        b"caf\xe9.toml": b"caf\\xe9.toml",
        b"esc\x1b[2J\x9b.toml": b"esc\\x1b[2J\\x9b.toml",
        "bidi\u202e.toml".encode(): b"bidi\\u202e.toml",
        b"two\nlines.toml": b"two\\nlines.toml",
    }
    for name in odd:
        (mini / os.fsdecode(name)).write_bytes(b"format = 3\n")
    done = subprocess.run(
        [sys.executable, "-m", "brief", "--no-bundled", "validate", str(mini)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    lines = done.stdout.decode("utf-8").splitlines()  # strict: every byte is valid UTF-8
    assert len(lines) == len(odd)
    for shown in odd.values():
        expected = f"{mini}/{shown.decode()}:1: format: unsupported format 3 "
        assert sum(line.startswith(expected) for line in lines) == 1, shown
    assert not any(ch in line for line in lines for ch in "\x1b\x9b\u202e")


def test_validate_a_folder_with_an_odd_name(tmp_path: Path) -> None:
    odd = tmp_path / "dir\x1bx"
    odd.mkdir()
    (odd / "a.toml").write_text("format = 3\n")
    result = run("--no-bundled", "validate", str(odd))
    assert result.stdout == (
        f"{tmp_path}/dir\\x1bx/a.toml:1: format: unsupported format 3 "
        "(this brief reads formats 1 and 2) [BRIEF004]\n"
    )
    assert result.exit_code == 1
