"""Untrusted corpora (issue 7): escapes, markup, parser failures, slow shapes, output.

The fixture corpus ``corpora/hostile`` writes every hazard as a TOML escape, so the
file itself is safe to print; the ``hostile`` fixture below adds raw characters and
odd file names at run time. File-system hazards are in ``test_files.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from brief.core.diagnostics import Diagnostic
from brief.core.sanitize import inert, inert_document, inert_line, is_inert
from brief.corpus.parse import MAX_KEY_PARTS, parse, too_complex

from .conftest import CORPORA, run, unlined

# toml-test's invalid cases (MIT), vendored so the suite runs the same on any clone.
TOML_TEST = Path(__file__).parent / "data" / "toml-test"

#: The parsers ``parse`` may use: tomli, and the standard library's where tomli is missing.
PARSERS = ["tomli"] + (["tomllib"] if sys.version_info >= (3, 11) else [])


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with ``parse`` using each parser in turn."""
    monkeypatch.setattr("brief.corpus.parse.toml", __import__(request.param))
    return str(request.param)


# Rich's own colour codes are the only escape sequences any output may hold.
SGR = re.compile(r"\x1b\[[0-9;]*m")
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u206f\ufeff\ud800-\udfff]"
)

# Odd file names added at run time, and how a message must show each of them.
ODD_NAMES = {
    "esc\x1b]52;c;eA==\x07.toml": "esc\\x1b]52;c;eA==\\x07.toml",
    "new\nline.toml": "new\\nline.toml",
    "rlo\u202egnp.toml": "rlo\\u202egnp.toml",
    os.fsdecode(b"caf\xe9.toml"): "caf\\xe9.toml",
}


def unsafe_in(text: str, *, sgr: bool = False) -> list[str]:
    """Every character in *text* a terminal could act on (besides rich's SGR, if allowed)."""
    if sgr:
        text = SGR.sub("", text)
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The hostile corpus, plus raw C1/bidi characters and odd file names."""
    root = tmp_path / "hostile"
    shutil.copytree(CORPORA / "hostile", root)
    raw = (
        'format = 1\n"raw key \x9b\u202e" = 1\n[[actors]]\nid = "raw"\n'
        'name = "Raw \x9b31m C1 \u202e bidi \u2066 isolate"\n'
        'description = "Written raw, not escaped: \x9b2J \u202edesrever\u202c."\n'
    )
    (root / "raw.toml").write_text(raw, encoding="utf-8")
    (root / "second.toml").write_text(  # a second topic, so that topics can be compared
        'format = 1\n[[topics]]\nid = "hostile-2"\ntitle = "Second \\u001b[2J"\n'
        'summary = "S."\n[[claims]]\nid = "second-claim"\ntopic = "hostile-2"\n'
        'actors = ["mallory"]\ntext = "[@click=app.quit] again \\u009b2J"\n'
        'cites = [{ source = "leak", section = "[/]" }]\n',
        encoding="utf-8",
    )
    (root / "ties.toml").write_text(  # a relation between hostile names, for brief graph
        'format = 2\n[[claims]]\nid = "tie"\ntopic = "hostile-2"\nactors = ["mallory", "raw"]\n'
        'relation = "opposes"\ntext = "Ties \\u009b2J"\n'
        'cites = [{ source = "leak", section = "[/]" }]\n',
        encoding="utf-8",
    )
    for i, odd in enumerate(ODD_NAMES):  # each has one problem, so its name is printed
        (root / odd).write_text(f'format = 1\nodd{i} = "x"\n', encoding="utf-8")
    return root


def _brief(root: Path, *args: str) -> tuple[int, bytes, str]:
    result = run("--no-bundled", "--corpus", str(root), *args, env={"COLUMNS": "1000"})
    return result.exit_code, result.stdout_bytes, result.stderr


COMMANDS = [
    ("show", "hostile"),
    ("show", "mallory"),
    ("show", "leak"),
    ("show", "raw"),
    ("list", "topics"),
    ("list", "actors"),
    ("list", "sources"),
    ("list", "tags"),
    ("compare", "mallory", "raw"),
    ("compare", "hostile", "hostile-2"),
    ("conflicts",),
    ("search", "screen"),
    ("search", "isolate"),
    ("show", "blocks"),
    ("show", "dash"),
    ("show", "numbered"),
    ("compare", "blocks", "hostile"),
    ("search", "not"),
    ("graph",),
]
FORMATS = ("plain", "terminal", "markdown", "json", "html")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_hostile_corpus_output_is_inert(hostile: Path, command: tuple[str, str], fmt: str) -> None:
    code, out_bytes, err = _brief(hostile, *command, "-f", fmt)
    assert code == 0, err
    out = out_bytes.decode("utf-8")  # strict: no lone surrogate or stray byte got through
    assert unsafe_in(out, sgr=fmt == "terminal") == []
    assert "\x1b]" not in out and "\x9b" not in out and "\u202e" not in out
    if fmt == "terminal":
        assert SGR.search(out), "terminal output should be coloured (else this proves little)"
    else:
        assert "\x1b" not in out
    # The warnings name every odd file, visibly and one line each.
    assert unsafe_in(err) == []
    warnings = err.splitlines()
    assert all(line.startswith("brief: warning: ") for line in warnings)
    for shown in ODD_NAMES.values():  # with the line of its first problem, when known
        named = re.compile(rf"{re.escape(f'{hostile}/{shown}')}:(\d+:){{0,2}} ")
        assert sum(bool(named.search(line)) for line in warnings) == 1, shown


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_hostile_graph_languages_are_inert(hostile: Path, fmt: str) -> None:
    """DOT and Mermaid carry no control character either (their escaping of quotes and
    brackets is tested in tests/test_relations.py)."""
    code, out_bytes, err = _brief(hostile, "graph", "-f", fmt)
    assert code == 0, err
    out = out_bytes.decode("utf-8")
    assert unsafe_in(out) == [] and "\x1b" not in out
    shown = {  # the name as loaded (made inert), then escaped for the language
        "dot": r'label="Mallory \\u202eyrollam\\u202c [@click=app.quit]"',
        "mermaid": '"Mallory #92;u202eyrollam#92;u202c #91;@click=app.quit#93;"',
    }
    assert shown[fmt] in out


def visible(out: bytes, fmt: str) -> str:
    """What a reader of *out* sees: colour codes dropped, Markdown and HTML rendered, JSON
    decoded."""
    text = out.decode()
    if fmt == "terminal":
        return SGR.sub("", text)
    if fmt == "markdown":
        from markdown_it import MarkdownIt  # rich's own dependency

        rendered = MarkdownIt("commonmark").render(text)
        return html.unescape(re.sub(r"<[^>]+>", "", rendered))
    if fmt == "html":
        from .htmlcheck import check_document

        return check_document(text).visible
    if fmt == "json":
        return "\n".join(_strings(json.loads(text)))
    return text


def _strings(value: object) -> list[str]:
    """Every string in a decoded JSON document."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [s for item in items for s in _strings(item)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_is_shown_not_obeyed(hostile: Path, fmt: str) -> None:
    """Escapes are visible as text and markup stays literal, so a reader sees the attack."""
    _, out, _ = _brief(hostile, "show", "hostile", "-f", fmt)
    seen = visible(out, fmt)
    assert "\\x1b]52;c;cm0gLXJmIH4=\\x07" in seen  # OSC 52 clipboard write
    assert "\\x1b]8;;https://evil.example/" in seen  # OSC 8 hyperlink
    assert "\\x9b31m" in seen and "\\u202eevil\\u202c" in seen and "CR \\x0d" in seen
    assert "[link=file:///etc/passwd]x[/link]" in seen  # rich would make a link of it
    assert "[@click=app.quit]quit[/]" in seen  # Textual would make an action of it
    assert "[/]" in seen  # rich would raise MarkupError
    assert "\\[bold]kept[/bold]" in seen  # rich.markup.escape would lose the backslash
    assert "[link text](https://evil.example" in seen  # Markdown would make a link of it
    _, actor, _ = _brief(hostile, "show", "mallory", "-f", fmt)
    assert "Mallory \\u202eyrollam\\u202c [@click=app.quit]" in visible(actor, fmt)


MARKDOWN_CASES = [
    ("show", "hostile"),
    ("show", "mallory"),
    ("show", "leak"),
    ("list", "topics"),
    ("list", "actors"),
    ("list", "sources"),
    ("list", "tags"),
]


@pytest.mark.parametrize("command", MARKDOWN_CASES, ids=" ".join)
def test_markdown_output_has_no_live_markup(hostile: Path, command: tuple[str, str]) -> None:
    """Rendered as Markdown, corpus text makes no link, image, HTML or emphasis."""
    from markdown_it import MarkdownIt

    (hostile / "tag.toml").write_text(
        'format = 1\n[[topics]]\nid = "tagged"\ntitle = "Tagged"\nsummary = "S."\n'
        'tags = ["a` [click me](https://evil.example) `b"]\n',
        encoding="utf-8",
    )
    _, out, _ = _brief(hostile, *command, "-f", "markdown")
    rendered = MarkdownIt("commonmark").render(out.decode())
    for tag in ("<a ", "<img", "<script", "<b>", "<del", "<strong>bold", "<em>em", "<code>code"):
        assert tag not in rendered, tag
    if command == ("show", "hostile"):
        assert "**bold** _em_ `code` <b>html</b>" in visible(out, "markdown")


#: Where brief itself opens a list item: "- " (nested by two spaces) or a source's "1. ".
OWN_ITEM = re.compile(r" *(- |\d+\. )")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_markdown_blocks_are_brief_own(hostile: Path, command: tuple[str, ...]) -> None:
    """Parsed as CommonMark, every block comes from brief's layout, none from corpus text.

    ``blocks.toml`` starts titles, summaries, claims, notes and names with ``1.``,
    ``+``, ``---``, ``-``, ``*``, ``#``, ``>``, ``===``, a table's pipe and four spaces.
    """
    from markdown_it import MarkdownIt

    _, out, _ = _brief(hostile, *command, "-f", "markdown")
    lines = out.decode().splitlines()
    tokens = MarkdownIt("commonmark").parse(out.decode())
    kinds = {token.type for token in tokens}
    assert not kinds & {"hr", "blockquote_open", "code_block", "fence", "html_block"}
    items = [token.map[0] for token in tokens if token.type == "list_item_open" and token.map]
    assert len(items) == len(set(items)), "a list opened inside a list item's first line"
    for line in items:
        assert OWN_ITEM.match(lines[line]), lines[line]
    for token in tokens:
        if token.type == "heading_open" and token.map:
            assert token.markup.startswith("#"), lines[token.map[0]]  # ATX, not setext
        if token.type == "ordered_list_open":
            assert token.level == 0  # the sources list, never one nested in an item


def test_markdown_block_markers_are_shown_as_written(hostile: Path) -> None:
    _, out, _ = _brief(hostile, "show", "blocks", "-f", "markdown")
    seen = visible(out, "markdown")
    for text in (
        "1. Numbered title",
        "1. Not a list, though indented three spaces.",
        "- Dash actor",
        "2. Not an ordered list.",
        "- Not a bullet.",
        "--- [1]",
        "+ Not a plus list.",
        "=== [1]",
        "* star",
        "| not | a table |",
        "1) Not a numbered source",
        "Not indented code.",
    ):
        assert text in seen, text


def test_keys_and_ids_reach_diagnostics_inert_and_on_one_line(hostile: Path) -> None:
    result = run("--no-bundled", "validate", str(hostile))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if not is_inert(line, line=True)] == []
    keys = [line for line in unlined(result.stdout).splitlines()]
    keys = [line for line in keys if line.startswith(f"{hostile}/keys.toml: ")]
    # each key and value as it is shown beside it, not escaped again (a trial)
    assert keys == [
        f"{hostile}/keys.toml: \\x1b]52;c;cm0gLXJmIH4=\\x07: "
        "unknown key '\\x1b]52;c;cm0gLXJmIH4=\\x07' [BRIEF005]",
        f"{hostile}/keys.toml: actors[0].\\x9b2J\\u202e: "
        "unknown key '\\x9b2J\\u202e'; actor 'keyed' is left out [BRIEF005]",
        f"{hostile}/keys.toml: actors[0].two\\nlines: unknown key 'two\\nlines'; "
        "actor 'keyed' is left out [BRIEF005]",
        f"{hostile}/keys.toml: actors[1].id: 'bad\\x1b[2Jid' is not an id "
        "(lowercase letters, digits, hyphens); this actor is left out [BRIEF008]",
        f"{hostile}/keys.toml: claims[0].actors[0]: '\\x1b]8;;https://evil.example\\x07' "
        "is not an id (lowercase letters, digits, hyphens); claim 'dangling' is left out "
        "[BRIEF008]",
        f"{hostile}/keys.toml: claims[0].cites[0].\\x1b[31m: unknown key '\\x1b[31m'; "
        "claim 'dangling' is left out [BRIEF005]",
    ]
    raw = [line for line in lines if line.startswith(f"{hostile}/raw.toml: ")]
    assert raw == [
        f"{hostile}/raw.toml: raw key \\x9b\\u202e: unknown key 'raw key \\x9b\\u202e' [BRIEF005]"
    ]
    for shown in ODD_NAMES.values():  # its unknown key at its line: FILE:2:
        assert sum(line.startswith(f"{hostile}/{shown}:2: ") for line in lines) == 1, shown
    json_out = run("--no-bundled", "validate", "-f", "json", str(hostile)).stdout
    assert unsafe_in(json.dumps(json.loads(json_out), ensure_ascii=False)) == []


def test_inert_helpers() -> None:
    assert inert("a\x1b[2J\x9b\u202e\tb\nc") == "a\\x1b[2J\\x9b\\u202e b\nc"
    assert inert_line("a\nb") == "a\\nb"
    assert inert(os.fsdecode(b"\xff")) == "\\xff" and inert("\ud800") == "\\ud800"
    for text in ("\x1b]8;;x\x07", "\u2066\u2069\ufff9", "plain é 中 ✓"):
        assert inert(inert(text)) == inert(text)  # idempotent
    assert is_inert("é 中\n") and not is_inert("a\nb", line=True) and not is_inert("\x7f")
    doc = inert_document({"k\x1b": ["v\x9b", {"n\ne": "\u202e"}], "d": 1.5, "b": True})
    assert doc == {"k\\x1b": ["v\\x9b", {"n\\ne": "\\u202e"}], "d": 1.5, "b": True}


def test_parse_returns_an_inert_document() -> None:
    doc = parse(b'format = 1\n"k\\u001b" = ["\\u009b", { "a\\nb" = "\\u202e\\n" }]\n', "f")
    assert doc == {"format": 1, "k\\x1b": ["\\x9b", {"a\\nb": "\\u202e\n"}]}


# --- every parser failure is one clean diagnostic ------------------------------------------


def _toml_test_cases() -> list[str]:
    listing = TOML_TEST / "files-toml-1.0.0"
    assert listing.is_file(), f"toml-test is missing: expected {listing}"
    names = [n for n in listing.read_text().split() if n.startswith("invalid/")]
    assert len(names) == 499
    return names


def test_every_invalid_toml_test_case_is_one_diagnostic(
    mini: Path, tmp_path: Path, parser: str
) -> None:
    """toml-test's 499 invalid TOML 1.0 files, in one corpus beside a valid one."""
    cases = tmp_path / "cases"
    names = _toml_test_cases()
    for name in names:
        (cases / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TOML_TEST / name, cases / name)
    (cases / "zz-valid.toml").write_text(
        'format = 1\n[[claims]]\nid = "beside-the-broken"\ntopic = "trade"\nactors = ["china"]\n'
        'text = "Still here."\ncites = [{ source = "ledger" }]\n'
    )
    result = run("--no-bundled", "--corpus", str(mini), "validate", str(cases))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    beneath = "; on top of 3 files of the active layers"  # mini's, checked beneath
    assert result.stderr == f"499 problems in 499 of {len(names) + 1} files{beneath}\n"
    by_file: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        file = re.match(r"(.*?\.toml)(?::\d+:\d+)?: ", line)
        assert file is not None, line
        by_file.setdefault(file[1], []).append(line)
    assert sorted(by_file) == sorted(f"{cases}/{name}" for name in names)
    for name in names:
        [line] = by_file[f"{cases}/{name}"]
        code = line[-9:-1]
        assert re.fullmatch(r".*: .+ \[BRIEF00[234]\]", line), line
        if code == "BRIEF003":  # tomllib says where; a parser that accepts it would give 004
            assert re.search(r"\.toml:\d+:\d+: TOML syntax", line)
        if name.startswith("invalid/encoding/") and code != "BRIEF003":
            assert code == "BRIEF002" and "not valid UTF-8" in line, line
    # The valid file beside them still loads; the first ten broken ones are a warning
    # each, and the rest a count (validate, above, lists every one).
    shown = run("--no-bundled", "-c", str(mini), "-c", str(cases), "show", "trade", "-f", "json")
    assert shown.exit_code == 0
    assert "beside-the-broken" in shown.stdout
    warnings = shown.stderr.splitlines()
    assert len(warnings) == 11 and "Traceback" not in shown.stderr
    assert all(w.startswith(f"brief: warning: {cases}/") for w in warnings[:10])
    assert warnings[10] == "brief: warning: … and 489 more ('brief validate' lists them all)"


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (MemoryError(), "BRIEF015", "too large to parse"),
        (RecursionError(), "BRIEF015", "nested too deeply to parse"),
        (KeyError("x"), "BRIEF003", "cannot parse: KeyError"),
        (AssertionError(), "BRIEF003", "cannot parse: AssertionError"),
        (ValueError("odd"), "BRIEF003", "cannot parse: ValueError"),
    ],
)
def test_any_exception_from_the_parser_is_one_diagnostic(
    monkeypatch: pytest.MonkeyPatch, error: Exception, code: str, message: str
) -> None:
    def explode(text: str) -> object:
        raise error

    monkeypatch.setattr("brief.corpus.parse.toml.loads", explode)
    assert parse(b"format = 1\n", "f.toml") == Diagnostic(code, "f.toml", "", message)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"format = 1\n[t]\n  x = " + b"{a=" * 3000 + b"1" + b"}" * 3000 + b"\n",
            "line 3, column 7: nested too deeply",  # where the value that goes deep opens
        ),
        (b"format = 1\nx = 1" + b"0" * 5000 + b"\n", "a number has too many digits to read"),
        ("format = 1\n".encode("utf-16"), "line 1, column 1: not valid UTF-8 [BRIEF002]"),
        (b"format = 1\nx = '\x00'\n", "line 2, column 6: TOML syntax error: "),
        (b"\xef\xbb\xbf\xef\xbb\xbfformat = 1\n", "line 1, column 1: TOML syntax error: "),
        ('["\u202e"]\n["\u202e"]\n'.encode(), "line 2, column 5: TOML syntax error: "),
    ],
    ids=["deep inline tables", "5000 digits", "UTF-16", "NUL", "two BOMs", "bidi in header"],
)
def test_real_parser_failures_are_clean(content: bytes, expected: str, parser: str) -> None:
    result = parse(content, "f.toml")
    assert isinstance(result, Diagnostic)
    assert expected in str(result)
    assert is_inert(str(result), line=True)


def test_a_byte_order_mark_is_allowed() -> None:
    assert parse(b"\xef\xbb\xbfformat = 1\n", "f.toml") == {"format": 1}


def test_a_claim_without_actors_does_not_crash_the_loader(mini: Path) -> None:
    from brief.corpus.load import Layer, load

    (mini / "general.toml").write_text(
        'format = 1\n[[claims]]\nid = "general"\ntopic = "trade"\ntext = "T."\n'
        'cites = [{ source = "ledger" }]\n'
    )
    result = load([Layer(str(mini), "mini")])
    assert "general" in {claim.id for claim in result.corpus.claims}


# --- no file can hang the parser -------------------------------------------------------------

HOSTILE_KEYS = {
    "a 100,000-part dotted key": "a." * 100_000 + "b = 1\n",
    "the same, not even followed by '='": "a." * 100_000 + "b\n",
    "spaced dots": "a . " * 50_000 + "b = 1\n",
    "quoted parts": '"a".' * 50_000 + "b = 1\n",
    "a long table header, then many keys": "[" + "a." * 50_000 + "b]\n" + "k = 1\n" * 50_000,
    "a long key in an inline table": "x = { y = 1, " + "a." * 100_000 + "b = 1 }\n",
}


@pytest.mark.parametrize("text", HOSTILE_KEYS.values(), ids=HOSTILE_KEYS.keys())
def test_long_dotted_keys_are_refused_quickly(text: str) -> None:
    """Unguarded, tomllib takes minutes on the first of these (quadratic in key parts)."""
    start = time.perf_counter()
    result = parse(f"format = 1\n{text}".encode(), "f.toml")
    elapsed = time.perf_counter() - start
    assert isinstance(result, Diagnostic) and result.code == "BRIEF015", result
    assert result.where.startswith("line 2, column ")
    assert f"more than {MAX_KEY_PARTS} dotted parts" in result.message
    assert elapsed < 1.0


def test_the_key_limit_is_exact() -> None:
    longest = ".".join(["a"] * MAX_KEY_PARTS)
    assert parse(f"format = 1\n{longest} = 1\n".encode(), "f") != {}
    assert isinstance(parse(f"format = 1\n{longest} = 1\n".encode(), "f"), dict)
    assert isinstance(parse(f"format = 1\n[{longest}]\n".encode(), "f"), dict)
    too_long = f"{longest}.b"
    for text in (f"{too_long} = 1", f"[{too_long}]", f"[[{too_long}]]", f"x = {{{too_long} = 1}}"):
        result = parse(f"format = 1\n{text}\n".encode(), "f")
        assert isinstance(result, Diagnostic) and result.code == "BRIEF015", text


def test_prose_full_of_dots_is_not_a_long_key() -> None:
    abbreviations = " ".join(["U.S. U.K. E.U. U.N."] * 20)
    text = textwrap.dedent(f'''\
        format = 1
        [[topics]]
        id = "dots"
        title = "Dots"
        summary = """{abbreviations}
        ... e.g. i.e. etc. a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z"""
        aliases = ["{abbreviations}", "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18"]
        ''')
    assert isinstance(parse(text.encode(), "f"), dict)


def test_the_guard_is_linear_on_adversarial_input() -> None:
    mib = 1024 * 1024
    texts = [
        ("," + "a." * (MAX_KEY_PARTS - 1) + "a") * (mib // (2 * MAX_KEY_PARTS)),  # near misses
        ("a." * (MAX_KEY_PARTS - 1) + "a\n") * (mib // (2 * MAX_KEY_PARTS)),
        '# ,"' + ",'" * (mib // 2) + "." * 40,  # quotes that never close
        "a" * mib + "." * 40,  # one long word
    ]
    for text in texts:
        start = time.perf_counter()
        assert too_complex(text, "f") is None
        # Not a speed target: quadratic work on a mebibyte takes hours, linear well under
        # a second, so a bound this loose only fails on a hang, however busy the machine.
        assert time.perf_counter() - start < 20.0


def test_bundled_corpus_passes_the_guard() -> None:
    from brief.corpus.layers import bundled_root

    files = sorted(Path(bundled_root()).rglob("*.toml"))
    assert files
    for path in files:
        assert too_complex(path.read_text(encoding="utf-8"), str(path)) is None, path


# --- output: closed pipes and Ctrl-C ----------------------------------------------------------


def _brief_cmd() -> list[str]:
    return [sys.executable, "-m", "brief"]


@pytest.mark.skipif(shutil.which("head") is None, reason="needs a POSIX shell and head")
def test_show_piped_into_head_is_quiet() -> None:
    for _ in range(3):  # the reader may leave before or after brief writes
        done = subprocess.run(
            ["sh", "-c", '"$@" show sanctions | head -1', "sh", *_brief_cmd()],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.stdout == "Sanctions\n"
        assert done.stderr == ""


def test_a_reader_that_already_left_gives_no_traceback() -> None:
    proc = subprocess.Popen(
        [*_brief_cmd(), "show", "sanctions", "security"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before brief has even started: its first write meets a closed pipe
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == ""
    assert proc.returncode == 1  # as Python's docs recommend on EPIPE (see cli.entry)


def test_ctrl_c_while_loading_exits_130_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    import brief.corpus.load

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(brief.corpus.load, "load", interrupted)
    for args in (["show", "sanctions"], ["list"], ["validate"]):
        result = run(*args)
        assert result.exit_code == 130, args
        assert result.output == "", args


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name == "nt", reason="POSIX signals")
def test_ctrl_c_in_a_real_process_exits_130_quietly(tmp_path: Path) -> None:
    script = (
        "import sys, time\nimport brief.corpus.load\n"
        "def slow(*a, **k):\n"
        "    sys.stderr.write('loading\\n'); sys.stderr.flush()\n"
        # short sleeps: a signal that comes just before one starts is seen after it
        "    for _ in range(1200): time.sleep(0.05)\n"
        "brief.corpus.load.load = slow\n"
        "from brief.cli import main\nmain()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "show", "sanctions"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "loading\n"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out, err) == (130, "", "")


def test_where_a_file_nests_too_deeply_is_said() -> None:
    """The place of a ``BRIEF015``: the value that first nests a hundred deep, after
    nearly a megabyte of shallower ones (found by counting brackets, in one pass: a
    regex for a run of a hundred took 8 s on this file)."""
    shallow = "".join(f"x{i} = " + "[" * 99 + "]" * 99 + "\n" for i in range(4800))
    text = f"format = 1\n{shallow}y = " + "[" * 3000 + "]" * 3000 + "\n"
    found = parse(text.encode(), "deep.toml")
    assert isinstance(found, Diagnostic) and found.code == "BRIEF015"
    assert found.where == "line 4802, column 5"
