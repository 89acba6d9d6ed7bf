"""Turn a corpus file's bytes into a TOML document, or one diagnostic saying why not.

We read the bytes ourselves (see ``reader``) and parse them here so that every
error names our file. Any exception the parser raises, of any type, becomes a
diagnostic: a broken file must never end the run. The document returned is already
inert (see ``sanitize``): every key and every string in it is safe to print.

No file may hang the tool either. The parser's time grows with the square of the
number of dotted parts in a key (``a.b.c...``): for every part it walks every part
before it, and a key under a ``[table.header]`` walks the header's parts too. So a
200 KB key of 100,000 parts takes minutes. Before parsing, a cheap scan rejects any
key or table header of more than :data:`MAX_KEY_PARTS` parts (``BRIEF015``). With
that limit, parse time stays linear in the size of the file, which the reader caps
at 1 MiB. Deep nesting (``[[[[...]]]]``) makes the parser recurse until Python
stops it; that is ``BRIEF015`` too.

A load of many files may ask for the faster parser (``fast``): ``rtoml``, which parses
about 1.5 times as fast as compiled ``tomli`` but must give exactly the same document,
or no document at all. So it is given only a file it reads as ``tomli`` does (see
:func:`fast_parser_may_read`), and whatever it refuses is parsed again by ``tomli``,
whose error is the one reported: the problems are the same, word for word, with either.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from typing import Any, AnyStr

from ..core.diagnostics import ENCODING, SYNTAX, TOO_COMPLEX, Diagnostic
from ..core.sanitize import inert_document, inert_line, might_be_unsafe

try:  # compiled (mypyc) for CPython: parses about four times faster than tomllib
    import tomli as toml
except ImportError:  # pragma: no cover - only where tomli is not installed
    import tomllib as toml  # type: ignore[no-redef,import-not-found,unused-ignore]

#: The most ``[`` and ``{`` a file may hold to be given to the faster parser. It
#: recurses once for each level of nesting, and a file nested 20,000 deep crashed the
#: process (Python's own parser stops with ``RecursionError``); this many stay within
#: a megabyte of stack.
FAST_MAX_BRACKETS = 1_000

#: What the faster parser reads otherwise than ``tomli`` (TOML 1.0): found by
#: comparing the two on toml-test's cases and on mutated files (see
#: tests/test_fastparse.py). A DEL character in a comment and a ``+`` before ``0x``,
#: ``0o`` or ``0b`` it takes, and ``tomli`` refuses; a time with an offset
#: (``07:32:00Z``, ``+05:00``) it reads with its own ``tzinfo`` class, which cannot be
#: pickled, and it accepts offsets of 24 hours and more. A file holding any of these
#: (even in a string) goes to ``tomli``. Each is looked for only after a plain search
#: for a character it needs: one regex of the three took 29 us on a 6 KB file, the
#: checks 5.6 us.
_SIGNED_BASE = re.compile(r"\+0[box]")
_OFFSET_TIME = re.compile(r":[0-9]{2}(?:\.[0-9]*)?[Zz+-]")

#: The most dotted parts one key or table header may have (``a.b.c`` has three).
#: Format 1 never needs more than two (``[[claims.cites]]``); see docs/security.md.
MAX_KEY_PARTS = 16

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_POSITION_WHERE = re.compile(r"line (\d+), column \d+$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
#: How :func:`_syntax_error` ends the message of an error at the end of the file, and
#: those of an array left open (there or before a line).
_AT_END_WORDS = " at the end of the file"
_UNCLOSED = ("unclosed array", f"unclosed array{_AT_END_WORDS}")
#: A TOML string on one line (basic or literal), and a comment: their brackets are text.
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_COMMENT = re.compile(r"#.*$")
# A partial date or a range left unquoted (``date = 1962-10``, ``date = 1950/1953``): TOML
# takes only a full ``1962-10-27`` bare, so the file does not parse.
_BARE_DATE = re.compile(
    r"^\s*(?P<key>[\w-]+)\s*=\s*(?P<value>\d{4}(?:-\d\d){0,2}(?:/[\d-]+)?)\s*(?:#.*)?$"
)
# Words left unquoted (``name = Smit Salvage``): a letter first, and no TOML value's
# start (a quote, a bracket, a brace, a digit, ``true``, ``false``, ``inf``, ``nan``).
_BARE_TEXT = re.compile(
    r"^\s*(?P<key>[\w-]+)\s*=\s*(?!(?:true|false|inf|nan)\s*(?:#|$))"
    r"(?P<value>[^\W\d_][^#\"'\[\]{}=]*?)\s*(?:#.*)?$"
)
_A_QUOTE = re.compile(r"[\"']")

# One key part: bare (``\w`` is wider than TOML's ASCII, to cover parsers that take more),
# "basic" or 'literal'. Keys start a line, follow ``[``/``[[`` in a header, or follow
# ``{``/``,`` in an inline table; starting only there keeps the scan linear and keeps
# prose (``U.S. U.K. E.U.``) from looking like a key.
_PART = r"""(?:[\w-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_KEY = re.compile(
    rf"(?:^|[\[{{,])[ \t]*(?P<key>{_PART}(?:[ \t]*\.[ \t]*{_PART}){{{MAX_KEY_PARTS}}})",
    re.MULTILINE,
)


# Cheap necessary condition for _LONG_KEY: MAX_KEY_PARTS - 1 dots on one line. It starts
# with a literal, so the regex engine jumps from dot to dot; prose rarely has that many.
_DOTTY_LINE = re.compile(rf"\.(?:[^\n.]*\.){{{MAX_KEY_PARTS - 1}}}")


def _line_col(data: AnyStr, offset: int, newline: AnyStr) -> tuple[int, int]:
    line = data.count(newline, 0, offset) + 1
    col = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, col


def too_complex(text: str, name: str) -> Diagnostic | None:
    """Why *text* (the file *name*) would take the parser too long, or None.

    Linear in ``len(text)``: about 1 ms for a 50 KB corpus file.
    """
    if text.count(".") < MAX_KEY_PARTS:  # the common case, in microseconds
        return None
    if _DOTTY_LINE.search(text) is None:  # a long key needs that many dots on one line
        return None
    match = _LONG_KEY.search(text)
    if match is None:
        return None
    line, col = _line_col(text, match.start("key"), "\n")
    return Diagnostic(
        TOO_COMPLEX,
        name,
        f"line {line}, column {col}",
        f"a key or table header has more than {MAX_KEY_PARTS} dotted parts: "
        "too complex to parse safely",
    )


#: The bytes a file may hold for its document to be inert as parsed: printable ASCII but
#: the backslash (which starts an escape: ``\u001b``), and the newline. No string the
#: parser makes from such bytes holds a character ``sanitize.inert`` would change.
_PLAIN_BYTES = bytes([0x0A, *(c for c in range(0x20, 0x7F) if c != 0x5C)])


def plainly_inert(data: bytes) -> bool:
    """Whether *data* holds only :data:`_PLAIN_BYTES`: then its document is inert as parsed.

    About 3 us for a 6 KB file, a twentieth of the regex ``sanitize.might_be_unsafe``
    runs; a file that holds anything else (a tab, a non-ASCII letter, a backslash) is
    left to that.
    """
    return not data.translate(None, _PLAIN_BYTES)


def parse(data: bytes, name: str, fast: bool = False) -> dict[str, Any] | Diagnostic:
    """Parse *data* (the file *name*) as UTF-8 TOML into an inert document.

    *fast*: with the faster parser, where it may read the file (see the module's
    docstring); the result is the same.
    """
    text = _decode(data, name)
    if isinstance(text, Diagnostic):
        return text
    lines = text.replace("\r\n", "\n") if "\r" in text else text  # as the parser sees them
    refused = too_complex(lines, name)
    if refused is not None:
        return refused
    # A parse makes many objects and no cycles: pausing the cycle collector meanwhile
    # makes the worst 1 MiB file about three times faster.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _loads(text, name, plainly_inert(data), fast)
    finally:
        if collecting:
            gc.enable()


def _opened_before(lines: list[str], line: int) -> tuple[int, int] | None:
    """Where (line and column, from 1) the ``[`` left open before *line* is, in
    *lines*: the nearest one above without its ``]``, brackets in strings and
    comments not counted. None when none is found."""
    depth = 0
    for number in range(min(line, len(lines) + 1) - 1, 0, -1):
        code = _COMMENT.sub("", _STRINGS.sub(lambda m: " " * len(m[0]), lines[number - 1]))
        for column in range(len(code), 0, -1):
            char = code[column - 1]
            if char == "]":
                depth += 1
            elif char == "[":
                if depth == 0:
                    return number, column
                depth -= 1
    return None


def _decode(data: bytes, name: str) -> str | Diagnostic:
    """*data* as text, without a byte-order mark; or why it is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start, b"\n")
        return Diagnostic(ENCODING, name, f"line {line}, column {col}", "not valid UTF-8")
    if text.startswith("\ufeff"):  # editors on Windows add a byte-order mark; allow it
        text = text[1:]
    return text


def _loads(
    text: str, name: str, plain: bool = False, fast: bool = False
) -> dict[str, Any] | Diagnostic:
    """The inert document *text* holds; whatever the parser raises becomes a diagnostic.

    *plain*: the file is known to hold nothing that could make a string unsafe.
    *fast*: try the faster parser first, where it may read *text*.
    """
    try:
        doc: dict[str, Any] | None = _fast_loads(text) if fast else None
        if doc is None:
            doc = toml.loads(text)
        if not plain and might_be_unsafe(text):  # else no string in it can hold an unsafe char
            doc = inert_document(doc)
        return doc
    except toml.TOMLDecodeError as exc:
        return _with_hint(_syntax_error(exc, name, text), text)
    except RecursionError:
        return Diagnostic(TOO_COMPLEX, name, _deep_at(text), "nested too deeply to parse")
    except MemoryError:
        return Diagnostic(TOO_COMPLEX, name, "", "too large to parse")
    except ValueError as exc:
        if "digits" in str(exc):  # int() refuses more than 4300 digits (a DoS guard)
            return Diagnostic(TOO_COMPLEX, name, "", "a number has too many digits to read")
        return Diagnostic(SYNTAX, name, "", f"cannot parse: {type(exc).__name__}")
    except Exception as exc:  # the parser's own bug must not become ours
        return Diagnostic(SYNTAX, name, "", f"cannot parse: {type(exc).__name__}")


_BRACKET = re.compile(r"[\[\]{}]")


def _deep_at(text: str) -> str:
    """Where (``line L, column C``) the value that first nests a hundred deep opens,
    counting *text*'s brackets (those in strings too: it says where to look); "" when
    none does.

    Linear: a regex for a run of brackets took seconds on a megabyte of shallower ones.
    """
    depth = opened = 0
    for match in _BRACKET.finditer(text):
        if match[0] in "[{":
            opened = match.start() if depth <= 0 else opened
            depth += 1
            if depth == 100:
                line, col = _line_col(text, opened, "\n")
                return f"line {line}, column {col}"
        else:
            depth -= 1
    return ""


def fast_parser_may_read(text: str) -> bool:
    """Whether the faster parser reads *text* exactly as ``tomli`` does, as far as a
    cheap look can tell (see :data:`FAST_MAX_BRACKETS` and :data:`_OFFSET_TIME`).

    A byte-order mark left after the one ``parse`` takes off it would take too.
    """
    return not (
        text.count("[") + text.count("{") > FAST_MAX_BRACKETS
        or text.startswith("\ufeff")
        or "\x7f" in text
        or ("+" in text and _SIGNED_BASE.search(text))
        or (":" in text and _OFFSET_TIME.search(text))
    )


def _fast_loads(text: str) -> dict[str, Any] | None:
    """The document the faster parser makes of *text*; None when it is not installed,
    may not read it, or refuses it (then ``tomli`` says why, in its words)."""
    loads = _fast_parser()
    if loads is None or not fast_parser_may_read(text):
        return None
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None  # a thread's stack may be smaller than the brackets allow for
    try:
        return loads(text)  # type: ignore[no-any-return]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # a Rust panic is a BaseException
        return None


_FAST: list[Any] = []


def _fast_parser() -> Any:
    """``rtoml.loads``, imported once (about 15 ms: only a load of many files asks),
    or None where it is not installed."""
    if not _FAST:
        try:
            from rtoml import loads as found
        except ImportError:
            found = None  # type: ignore[assignment]
        _FAST.append(found)
    return _FAST[0]


def _syntax_error(exc: ValueError, name: str, text: str = "") -> Diagnostic:
    """One diagnostic from a TOMLDecodeError, with its line and column when known.

    Worded from the whole message (``... (at line 3, column 7)``), which tomli and every
    tomllib give alike, so that both parsers' errors read the same: tomli 2.1 and
    tomllib 3.14 also keep ``msg``, ``lineno`` and ``colno``, but give a line and column
    where the message says "at end of document". Those are used only when the message
    has no position. An error at the end of the document is placed there, in *text*
    (the document): its last line, after its last character.
    """
    message = str(exc.args[0]) if exc.args else str(exc)
    where = ""
    if match := _POSITION.search(message):
        where = f"line {match[1]}, column {match[2]}"
        message = message[: match.start()]
    elif match := _AT_END.search(message):
        line, last = text.count("\n") + 1, text.rsplit("\n", 1)[-1]
        where = f"line {line}, column {len(last) + 1}"
        message = f"{message[: match.start()]}{_AT_END_WORDS}"
    else:
        lineno, colno = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        if isinstance(lineno, int) and isinstance(colno, int):
            where = f"line {lineno}, column {colno}"
            message = str(getattr(exc, "msg", None) or message)
    message = message[:1].lower() + message[1:]
    return Diagnostic(SYNTAX, name, where, f"TOML syntax error: {inert_line(message)}")


def _with_hint(problem: Diagnostic, text: str) -> Diagnostic:
    """*problem*, saying how to write the value when its line holds a bare date or bare
    words, or a string it never closes; or where an array the parser found unclosed
    was opened."""
    match = _POSITION_WHERE.match(problem.where)
    if match is None:
        return problem
    lines = text.splitlines()
    line = int(match[1])
    if problem.message.endswith(_UNCLOSED):  # found where it ends, not where it began
        opened = _opened_before(lines, line + problem.message.endswith(_AT_END_WORDS))
        if opened is None:
            return problem
        hint = f" (the [ at line {opened[0]}, column {opened[1]} is never closed with ])"
        return dataclasses.replace(problem, message=problem.message + hint)
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    if problem.message.endswith(_OVERWRITE):
        how = _repeat_hint(lines, line)
        if how is None:
            return problem
        return dataclasses.replace(problem, message=problem.message + inert_line(how))
    how = _date_hint(written) or _text_hint(written)
    if how is None and problem.message.endswith(_AT_END_WORDS):  # ``name = 'Smit`` last
        last = next((n for n in range(min(line, len(lines)), 0, -1) if lines[n - 1].strip()), 0)
        column = _open_string(lines[last - 1]) if last else None
        if column is not None:
            how = f" (the string opened at line {last}, column {column} has no closing quote)"
    if how is None:
        return problem
    return dataclasses.replace(problem, message=problem.message + inert_line(how))


#: What the parser says of a key written twice in one table (``status`` set, then a
#: template's ``status`` uncommented below it: a trial's).
_OVERWRITE = "cannot overwrite a value"

#: A line that sets a plain key (``status = ...``), and a table's header.
_KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_HEADER_LINE = re.compile(r"\s*\[")


def _repeat_hint(lines: list[str], line: int) -> str | None:
    """Where the key that *line* sets again was first set in the same table, if it is a
    plain key set on a line of its own there."""
    found = _KEY_LINE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if found is None:
        return None
    for n in range(line - 1, 0, -1):
        if _HEADER_LINE.match(lines[n - 1]):
            return None  # the table began: the first one is not a line of its own
        again = _KEY_LINE.match(lines[n - 1])
        if again is not None and again[1] == found[1]:
            return f" ({found[1]!r} is set twice in one table, first at line {n}: keep one)"
    return None


def _date_hint(line: str) -> str | None:
    """How to write the bare date on *line*, if it holds one: quoted, or (a day the
    calendar has not) which day it cannot be: quoting that would only move the error."""
    from ..core.days import calendar_problem

    bare = _BARE_DATE.match(line)
    if bare is None:
        return None
    value = bare["value"]
    wrong = next(filter(None, (calendar_problem(part) for part in value.split("/"))), None)
    if wrong is not None:  # a trial quoted 2021-07-32 as told, and met this next
        return f" ({wrong})"
    return f' (a year, a month or a range goes in quotes: {bare["key"]} = "{value}")'


def _text_hint(line: str) -> str | None:
    """How to write the text on *line*: in quotes when it has none (``name = Smit
    Salvage``), closed when a quote opens and never closes (``name = "Smit``)."""
    bare = _BARE_TEXT.match(line)
    if bare is not None:
        return f' (text goes in quotes: {bare["key"]} = "{bare["value"].strip()}")'
    column = _open_string(line)
    if column is not None:
        return f" (the string opened at column {column} has no closing quote)"
    return None


def _open_string(line: str) -> int | None:
    """The column where *line* opens a string it never closes, if it does: a quote left
    once its whole strings are blanked (their columns kept) and its comment cut."""
    rest = _COMMENT.sub("", _STRINGS.sub(lambda m: " " * len(m.group()), line))
    found = _A_QUOTE.search(rest)
    return found.start() + 1 if found is not None else None
