"""A damaged cache is rebuilt once, silently: never a traceback, never other text.

Each case damages a built cache the way disks, crashes and careless hands do (a page
zeroed, a table dropped, a stored record cut short, bytes flipped, the file cut),
then runs one command and compares exit code, stdout and stderr with a run that
reads the files (``BRIEF_NO_CACHE=1``). The damages are random but seeded, so a
failure names a case that can be replayed.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from brief.corpus.layers import Layer
from brief.store import cache_file

from .conftest import run

COMMANDS = [
    ("show", "trade"),
    ("show", "commerce"),
    ("show", "china"),
    ("show", "atlas"),
    ("show", "security"),
    ("list", "topics"),
    ("search", "trade"),
    ("search", "korea"),
    ("conflicts",),
    ("compare", "china", "russia"),
]

CASES = 200


def _page_size(data: bytes | bytearray) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def zero_page(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    size = _page_size(data)
    page = rng.randrange(len(data) // size)
    data[page * size : (page + 1) * size] = bytes(size)
    path.write_bytes(bytes(data))
    return f"zeroed page {page + 1}"


def flip_bytes(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    where = sorted(rng.randrange(len(data)) for _ in range(rng.choice((1, 1, 2, 8))))
    for at in where:
        data[at] ^= rng.randrange(1, 256)
    path.write_bytes(bytes(data))
    return f"flipped bytes at {where}"


def cut_file(path: Path, rng: random.Random) -> str:
    data = path.read_bytes()
    keep = rng.randrange(len(data))
    path.write_bytes(data[:keep])
    return f"cut to {keep} bytes"


def _tables(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return sorted(name for (name,) in rows if not name.startswith("sqlite_"))


def drop_table(path: Path, rng: random.Random) -> str:
    con = sqlite3.connect(path)
    try:
        table = rng.choice(_tables(con))
        con.execute(f'DROP TABLE "{table}"')
        con.commit()
    finally:
        con.close()
    return f"dropped {table}"


def cut_record(path: Path, rng: random.Random) -> str:
    """Cut one stored value short (a blob or a text) in a random row of a random table."""
    con = sqlite3.connect(path)
    try:
        tables = [t for t in _tables(con) if not t.startswith("search")]
        table = rng.choice(tables)
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        column = rng.choice(columns)
        rows = con.execute(f'SELECT rowid, length("{column}") FROM "{table}"').fetchall()
        if not rows:
            return f"nothing to cut in {table}"
        rowid, length = rng.choice(rows)
        keep = rng.randrange(max(int(length or 0), 1))
        con.execute(
            f'UPDATE OR IGNORE "{table}" SET "{column}" = substr("{column}", 1, ?) WHERE rowid = ?',
            (keep, rowid),
        )
        con.commit()
    except sqlite3.Error as error:  # a WITHOUT ROWID table: cut the first row's value
        return f"could not cut {table}: {error}"
    finally:
        con.close()
    return f"cut {table}.{column} of row {rowid} to {keep}"


def flip_record(path: Path, rng: random.Random) -> str:
    """Flip one byte inside one stored blob: what a bad sector does to a record."""
    con = sqlite3.connect(path)
    try:
        table, column = rng.choice(
            [
                ("entries", "data"),
                ("claim_groups", "data"),
                ("briefings", "data"),
                ("meta", "value"),
            ]
        )
        rows = con.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
        rowid, blob = rng.choice(rows)
        data = bytearray(blob)
        at = rng.randrange(len(data))
        data[at] ^= rng.randrange(1, 256)
        con.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (bytes(data), rowid))
        con.commit()
    finally:
        con.close()
    return f"flipped byte {at} of {table} row {rowid}"


DAMAGES: list[Callable[[Path, random.Random], str]] = [
    zero_page,
    flip_bytes,
    flip_bytes,
    cut_file,
    drop_table,
    cut_record,
    cut_record,
    flip_record,
    flip_record,
]


def _args(corpus: Path, command: tuple[str, ...]) -> list[str]:
    return ["--no-bundled", "-c", str(corpus), *command]


def _outcome(result: Result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


Built = tuple[Path, bytes, dict[tuple[str, ...], tuple[int, str, str]]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The mini corpus, its cache with every briefing shown remembered, and each
    command's outcome read from the files."""
    corpus = tmp_path_factory.mktemp("damage") / "mini"
    shutil.copytree(Path(__file__).parent / "corpora" / "mini", corpus)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        expected = {
            c: _outcome(run(*_args(corpus, c), env={"BRIEF_NO_CACHE": "1"})) for c in COMMANDS
        }
        for _ in range(2):  # the second round reads, and remembers, each briefing
            for command in COMMANDS:
                assert _outcome(run(*_args(corpus, command))) == expected[command]
        pristine = Path(cache_file([Layer(str(corpus), str(corpus))])).read_bytes()
    return corpus, pristine, expected


@pytest.mark.parametrize("seed", range(CASES))
def test_damaged_cache_gives_what_the_files_give(built: Built, seed: int) -> None:
    corpus, pristine, expected = built
    rng = random.Random(seed)
    path = Path(cache_file([Layer(str(corpus), str(corpus))]))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(pristine)
    path.chmod(0o600)
    what = rng.choice(DAMAGES)(path, rng)
    command = COMMANDS[seed % len(COMMANDS)]
    got = _outcome(run(*_args(corpus, command)))
    assert got == expected[command], f"seed {seed}: {what}, then brief {' '.join(command)}"
    again = _outcome(run(*_args(corpus, command)))  # rebuilt once: the next run is as good
    assert again == expected[command], f"seed {seed}: {what}, run again"


def test_cached_text_is_made_inert_again(mini: Path) -> None:
    """A record rewritten with a valid checksum (by someone who could write the file)
    still cannot reach the terminal: what the cache gives back is cleaned again."""
    from brief.store import briefingrecord

    args = _args(mini, ("show", "trade"))
    assert run(*args).exit_code == 0
    assert run(*args).exit_code == 0  # remembered
    path = cache_file([Layer(str(mini), str(mini))])
    con = sqlite3.connect(path)
    (blob,) = con.execute("SELECT data FROM briefings WHERE id = 'trade'").fetchone()
    briefing = briefingrecord.read_briefing(blob)
    hostile = briefing._replace(summary="\x1b]0;owned\x07\x1b]52;c;ZWNobw==\x07\u202eevil")
    con.execute(
        "UPDATE briefings SET data = ? WHERE id = 'trade'", (briefingrecord.briefing_blob(hostile),)
    )
    con.commit()
    con.close()
    out = run(*args).stdout
    assert "\\x1b]0;owned\\x07" in out and "\\u202eevil" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_a_record_is_verified_before_it_is_decoded() -> None:
    from brief.store import codec

    blob = codec.pack(("a", 1))
    assert codec.unpack(blob) == ("a", 1)
    with pytest.raises(codec.Corrupt):
        codec.unpack(blob[:4] + b"\xff" + blob[5:])  # marshal never sees it
    with pytest.raises(codec.Corrupt):
        codec.unpack(b"\x00\x01")


def test_every_unsafe_character_is_one_isprintable_rejects() -> None:
    """What lets the cache re-check text with str.isprintable alone (core.unsafe)."""
    from brief.core.unsafe import RANGES, inert_record

    unsafe = [chr(c) for low, high in RANGES for c in range(low, high + 1)]
    assert not any(ch.isprintable() for ch in unsafe)
    assert inert_record(("ok\ntext", ["\x1b[2J", {"k\u202e": "\x9b"}])) == (
        "ok\ntext",
        ["\\x1b[2J", {"k\\u202e": "\\x9b"}],
    )


def test_a_record_of_mixed_fields_is_made_inert_field_by_field() -> None:
    """A claim's record (strings, None, numbers, nested citations) read back: printable
    strings, None and numbers kept as they are, every unsafe string made inert."""
    from brief.core.unsafe import inert_record

    record = ("c1", "text \x1b]52;c;x\x07", None, 3, True, 1.5, (("s\u202e", None),), ["a\nb"])
    assert inert_record(record) == (
        "c1",
        "text \\x1b]52;c;x\\x07",
        None,
        3,
        True,
        1.5,
        (("s\\u202e", None),),
        ["a\nb"],
    )


def test_a_clean_record_is_given_back_itself_and_a_deep_unsafe_string_is_found() -> None:
    """No copy of a record that needs none (nested tuples walked, not rebuilt); an
    unsafe string three tuples down still made inert."""
    from brief.core.unsafe import inert_record

    clean = ("c1", "a\nb", None, 2, 1.5, True, (("s", "Part 1", None),), ("x", "y"), ())
    assert inert_record(clean) is clean
    deep = ("c1", (("s", ("q", "\u2066hidden")),))
    assert inert_record(deep) == ("c1", (("s", ("q", "\\u2066hidden")),))


def test_a_name_row_deleted_is_found_and_the_cache_rebuilt(built: Built) -> None:
    """A tester deleted a topic's row of the names table: brief answered ``no topic
    named 'trade' (did you mean 'trade'?)`` on every run until the cache was removed."""
    corpus, pristine, expected = built
    path = Path(cache_file([Layer(str(corpus), str(corpus))]))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(pristine)
    path.chmod(0o600)
    con = sqlite3.connect(path)
    assert con.execute("DELETE FROM names WHERE key = 'trade'").rowcount == 1
    con.commit()
    con.close()
    for _ in range(2):  # answered from the files, then from the cache rebuilt
        assert _outcome(run(*_args(corpus, ("show", "trade")))) == expected[("show", "trade")]
