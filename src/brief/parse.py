"""Turn a corpus file's bytes into a TOML document, or one diagnostic saying why not.

We read the bytes ourselves (see ``reader``) and parse them here so that every
error names our file. Any exception the parser raises, of any type, becomes a
diagnostic: a broken file must never end the run.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from .diagnostics import ENCODING, SYNTAX, TOO_COMPLEX, Diagnostic
from .sanitize import inert

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def parse(data: bytes, name: str) -> dict[str, Any] | Diagnostic:
    """Parse *data* (the file *name*) as UTF-8 TOML."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return Diagnostic(ENCODING, name, f"line {line}, column {col}", "not valid UTF-8")
    if text.startswith("\ufeff"):  # editors on Windows add a byte-order mark; allow it
        text = text[1:]
    try:
        doc: dict[str, Any] = tomllib.loads(text)
        return doc
    except tomllib.TOMLDecodeError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        where = ""
        if match := _POSITION.search(message):
            where = f"line {match[1]}, column {match[2]}"
            message = message[: match.start()]
        elif match := _AT_END.search(message):
            where = "end of file"
            message = message[: match.start()]
        message = message[:1].lower() + message[1:]
        return Diagnostic(SYNTAX, name, where, f"TOML syntax error: {inert(message)}")
    except RecursionError:
        return Diagnostic(TOO_COMPLEX, name, "", "nested too deeply to parse")
    except MemoryError:
        return Diagnostic(TOO_COMPLEX, name, "", "too large to parse")
    except Exception as exc:  # the parser's own bug must not become ours
        return Diagnostic(SYNTAX, name, "", f"cannot parse: {type(exc).__name__}")
