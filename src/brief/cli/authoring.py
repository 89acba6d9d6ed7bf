"""The commands that write a corpus: init, new, edit; and where and schema, which help.

Nothing here is imported by ``show``, ``list`` or ``search`` beyond this module's
click declarations: the writing, finding and checking code is imported inside the
commands (see tests/test_import_hygiene.py).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections import Counter
from typing import TYPE_CHECKING

import click

from ..core.errors import BriefError, NotFound, UsageError
from .context import Folder, command, corpus_of, open_store, options, progress, use_cache
from .folders import CHOSEN, NO_FOLDER, default_folder, in_use

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence

    from ..core.diagnostics import Diagnostic
    from ..core.model import Source
    from ..corpus.layers import Layer
    from ..corpus.schema import Checked
    from ..corpus.where import Definition, Standing
    from ..store import Store

_INTO = click.option(
    "--into",
    metavar="DIR",
    type=Folder(),
    help="Write into this corpus folder instead of your personal one (see 'brief init').",
)


def interactive() -> bool:
    """Whether someone can answer a question (stdin is a terminal)."""
    return sys.stdin.isatty()


@command()
@click.argument("folder", required=False, metavar="[DIR]", type=Folder())
@click.pass_context
def init(ctx: click.Context, folder: str | None) -> None:
    """Create your personal corpus folder and add it to the config file's corpus list.

    DIR defaults to $XDG_DATA_HOME/brief/corpus (~/.local/share/brief/corpus), the
    personal corpus: 'brief new' and 'brief edit' write there unless told --into another
    folder, or, when it does not exist, into the config file's last corpus folder (so
    into DIR, with no personal corpus). 'brief paths' says which, and so does a note
    from 'brief init DIR' when it is not DIR.
    """
    from ..core.unsafe import shown_line
    from ..corpus.authoring import personal_folder
    from ..corpus.config import config_path, load_config
    from ..corpus.configedit import add_corpus_folder

    folder = os.path.abspath(folder or personal_folder())
    existed = os.path.isdir(folder)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise BriefError(f"{folder}: cannot create the folder: {exc.strerror}") from None
    click.echo(shown_line(f"{'found' if existed else 'created'} {folder}"))
    if _write_schema(folder):
        schema = os.path.join(folder, "brief.schema.json")
        click.echo(shown_line(f"wrote {schema} (for TOML editors)"))
    if add_corpus_folder(config_path(), folder):
        click.echo(shown_line(f"added it to the corpus list in {config_path()}"))
    else:
        click.echo(shown_line(f"already in the corpus list in {config_path()}"))
    if load_config().bundled:
        click.echo(
            "the bundled corpus is read too: for your notes alone, add 'bundled = false' there"
        )
    writes, chosen = default_folder(ctx, load_config().corpus)  # the list as it is now
    into = ""
    if chosen != NO_FOLDER and os.path.realpath(writes) != os.path.realpath(folder):
        into = f" --into {shlex.quote(folder)}"  # the next step writes there too
        note = (
            f"brief: note: brief new writes into {writes} ({CHOSEN[chosen]}), not {folder}; "
            f"give{into} to write there"
        )
        click.echo(shown_line(note), err=True)
    next_step = (
        f"next: brief new source 'Its title'{into}, then brief new actor{into} and brief new "
        f"topic{into}"
    )
    click.echo(shown_line(next_step))


def _write_schema(folder: str) -> bool:
    """Write the corpus's JSON Schema beside its files; False when it is already current."""
    import json

    from ..corpus.authoring import SCHEMA_FILE, read_exact, write_exact
    from ..corpus.jsonschema import json_schema

    path = os.path.join(folder, SCHEMA_FILE)
    data = (json.dumps(json_schema(), indent=2) + "\n").encode()
    if read_exact(path) == data:
        return False
    write_exact(path, data)
    return True


def target_folder(ctx: click.Context, into: str | None) -> str:
    """The folder to write into: --into, else :func:`default_folder`."""
    if into:
        if not os.path.isdir(into):
            raise UsageError(
                f"{into}: no such corpus folder (create it, or run 'brief init {into}')"
            )
        return os.path.abspath(into)
    folder, chosen = default_folder(ctx)
    if chosen == NO_FOLDER:
        raise UsageError("no personal corpus yet: run 'brief init' first (or give --into DIR)")
    return folder


def layers_with(ctx: click.Context, target: str | None) -> list[Layer]:
    """The active layers, with *target* on top when it is not one of them."""
    from ..corpus.layers import Layer

    layers = options(ctx).layers()
    if target is not None and not in_use(layers, target):
        click.echo(
            f"brief: note: {target} is not a corpus folder in use (see 'brief init')", err=True
        )
        layers.append(Layer(target, target.rstrip("/\\") or target))
    return layers


def _once(ctx: click.Context, param: click.Parameter, given: tuple[str, ...]) -> str | None:
    """The one value of a citation's option; a usage error when it is given twice (a
    trial's second --source replaced the first without a word)."""
    if len(given) > 1:
        shown = ", ".join(repr(value) for value in given)
        raise click.UsageError(
            f"--{param.name} given {len(given)} times ({shown}): 'brief new claim' writes one "
            "citation; add others with 'brief edit ID' (cites = [{ ... }, { ... }])",
            ctx,
        )
    return given[0] if given else None


@command()
@click.argument("kind", type=click.Choice(["topic", "actor", "source", "claim"]))
@click.argument("words", nargs=-1, metavar="TITLE|TEXT")
@click.option(
    "--id", "ident", help="The new entry's id (default: made from the title, or a claim's text)."
)
@click.option("--topic", "-t", help="claim: the topic it belongs to.")
@click.option("--actor", "-a", "actors", multiple=True, help="claim: who it is about (repeatable).")
@click.option("--source", "-s", multiple=True, callback=_once, help="claim: the source it cites.")
@click.option("--section", multiple=True, callback=_once, help="claim: the section of that source.")
@click.option(
    "--quote",
    multiple=True,
    callback=_once,
    help="claim: the source's exact words it rests on (format 2).",
)
@click.option(
    "--locator",
    multiple=True,
    callback=_once,
    help="claim: where in the source they are: 'p. 4' (format 2).",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    help="Any other key's value (repeatable): --set summary='...'. Lists by commas.",
)
@click.option("--no-edit", is_flag=True, help="Write the entry without opening the editor.")
@_INTO
@click.pass_context
def new(
    ctx: click.Context,
    kind: str,
    words: tuple[str, ...],
    ident: str | None,
    topic: str | None,
    actors: tuple[str, ...],
    source: str | None,
    section: str | None,
    quote: str | None,
    locator: str | None,
    sets: tuple[str, ...],
    no_edit: bool,
    into: str | None,
) -> None:
    """Write a new topic, actor or source from a template, or a claim, and open it.

    \b
    brief new topic 'Arctic shipping'
    brief new actor Norway --set description='A Nordic state.' --no-edit
    brief new claim --topic arctic-shipping --actor norway \\
        --source arctic-review --section Outlook 'The route opens by 2030.'
    brief new claim -t arctic-shipping -s arctic-review --section Outlook \\
        --quote 'open to shipping by 2030' --locator 'p. 12' 'The route opens by 2030.'

    The id is made from the title, or a claim's topic and text (or given with --id), and
    checked against every corpus folder.
    A claim goes into the file that defines its topic, if that is yours; without TEXT
    the editor opens on it. When the editor exits, the file is checked (see 'brief edit').
    With --no-edit, keys not given are left blank for later: the entry is left out
    until they are filled in (the exit status is still 0: a skeleton was asked for). A
    claim given whole (with TEXT) that 'brief validate' would fault on its own ('--set
    status=disputed' without '--set note', a --quote its source's text does not hold) is
    refused unwritten.
    """
    from ..corpus import authoring as a

    target = target_folder(ctx, into)
    layers = layers_with(ctx, target)
    text = " ".join(words).strip()
    given = _given(kind, sets)
    if kind == "claim":
        cited = (source, section, quote, locator)
        path, entry, made = _new_claim(layers, target, text, ident, topic, actors, cited, given)
    else:
        if quote is not None or locator is not None:
            raise UsageError(f"--quote and --locator are a claim's: a {kind} cites nothing")
        if not text:
            raise UsageError(f"new {kind} needs a title")
        path, entry, made = _new_named(layers, target, kind, text, ident, given)
    label = f"the {kind} {made!r}"
    before = a.read_exact(path)
    edited = not no_edit and (kind != "claim" or not text)
    if edited:
        from .editor import editor

        editor()  # no editor to open: say so before anything is written
    had = _problems(layers, path)[0] if before is not None and not edited else []
    header = a.file_header(a.schema_reference(target, path))
    line = a.append_entry(path, entry, header)
    click.echo(f"wrote {label} at {path}:{line}")
    _say_how_it_reads(kind, given, actors)
    if edited:
        _edit_loop(ctx, layers, path, line, before)
        return
    problems, _ = _problems(layers, path)
    new_ones = _caused(problems, had)  # the file's problems from before are not this one's
    for problem in _lined(path, new_ones):
        click.echo(problem, err=True)
    if len(problems) > len(new_ones):
        left = len(problems) - len(new_ones)
        click.echo(f"{path} still has {_count(left)} from before (see 'brief validate')", err=True)
    if new_ones and not (kind == "claim" and text):  # a claim given whole: nothing to fill in
        # a folder not in use (--into elsewhere) is named, or edit would not find it
        used = in_use(options(ctx).layers(), target)
        corpus = "" if used else f"--corpus {shlex.quote(target)} "
        click.echo(f"brief: note: to fill in or fix {label}: brief {corpus}edit {made}", err=True)
    if new_ones and kind == "claim" and text:
        ctx.exit(1)  # given whole, and still faulty: nothing is left to fill in
    # A template with keys left blank (--no-edit) is what was asked for: exit 0, the
    # note above says what to fill in (as a skeleton written on purpose, not a failure).


#: Keys ``new`` takes from options of their own, not ``--set``.
_OWN_OPTIONS = {"id", "title", "name", "topic", "actors", "cites", "text"}


#: ``--set`` values, by key: a string, a list (split at commas) or a number.
Given = dict[str, "str | list[str] | int"]

#: The most words of a title an id made from it takes (small ones too), and the most
#: characters: a trial's 300-character title made a file name too long to write.
ID_WORDS, ID_LENGTH = 8, 64


#: Words a title cut short does not end its id on (``...-crisis-and``, a trial's).
_DANGLING = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def _id_of_title(title: str) -> str:
    """The id a new topic, actor or source takes from its *title*: its first
    :data:`ID_WORDS` words, no longer than :data:`ID_LENGTH` (cut at a word, and not
    after a small word such as ``and`` when cut)."""
    from ..corpus.authoring import slug

    words = slug(title).split("-")
    ident = "-".join(words[:ID_WORDS])
    while len(ident) > ID_LENGTH and "-" in ident:
        ident = ident.rsplit("-", 1)[0]
    ident = ident[:ID_LENGTH]
    if ident != "-".join(words):  # cut short: end on a word that says something
        while "-" in ident and ident.rsplit("-", 1)[1] in _DANGLING:
            ident = ident.rsplit("-", 1)[0]
    return ident


def _say_how_it_reads(kind: str, given: Given, actors: tuple[str, ...]) -> None:
    """Say how a new claim's relation reads, its actors as given: a trial wrote them the
    other way round (``-a transocean -a bp`` for "BP depends on Transocean"), and only
    ``brief graph`` showed it."""
    from ..core.relations import BY_NAME

    relation = BY_NAME.get(str(given.get("relation", "")))
    if kind != "claim" or relation is None or len(actors) < 2:
        return
    if given.keys() & {"relation_from", "relation_to"}:
        return  # those name its ends themselves
    said = f"it reads: {actors[0]} {relation.verb} {', '.join(actors[1:])}"
    if not relation.symmetric:
        said += " (the first actor acts on the others: give them the other way round to turn it)"
    click.echo(said)


def _given(kind: str, sets: tuple[str, ...]) -> Given:
    """The ``--set KEY=VALUE`` pairs, each key and value checked against the schema of
    *kind* as the file will be (refused now, before anything is written)."""
    from ..core.names import did_you_mean
    from ..corpus.checkers import Bad
    from ..corpus.schema import FIELDS

    fields = FIELDS[f"{kind}s"]
    settable = sorted(k for k, f in fields.items() if k not in _OWN_OPTIONS and _textual(f.type))
    out: Given = {}
    for pair in sets:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or key not in settable:
            article = "an" if kind[0] in "aeiou" else "a"
            # a typo is told as validate tells it in the file: unknown key, did you mean
            known = not key or key in fields
            unknown = "" if known else f"unknown key {key!r}{did_you_mean(key, settable)}; "
            raise UsageError(
                f"--set {pair!r}: {unknown}{article} {kind} takes KEY=VALUE with one of: "
                + ", ".join(settable)
            )
        kind_of = fields[key].type
        if kind_of.startswith("integer"):
            if not (value.strip().isascii() and value.strip().isdigit()):  # not '²' or '٣'
                raise UsageError(f"--set {key}: expected a whole number ({kind_of}), got {value!r}")
            out[key] = int(value)
        elif kind_of.startswith("array"):
            out[key] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            out[key] = value
        try:
            fields[key].check(out[key])
        except Bad as bad:
            raise UsageError(f"--set {key}{bad.sub}: {bad.message}") from None
    return out


def _as_written(given: Given) -> tuple[dict[str, str | list[str]], dict[str, str]]:
    """*given* as ``entry_text`` takes it: the words and lists it writes as TOML itself,
    and the numbers as TOML already."""
    values = {k: v for k, v in given.items() if not isinstance(v, int)}
    return values, {k: str(v) for k, v in given.items() if isinstance(v, int)}


def _textual(type_words: str) -> bool:
    """Whether a key of this type (``Field.type``) can be given on the command line: any
    but citations (``--source`` and ``--section``)."""
    return "citations" not in type_words


def _check_by(layers: list[Layer], by: object) -> None:
    """Refuse a ``by`` given with --set that names an actor by its name or an alias, as
    validate would tell it (BRIEF022), before anything is written (a trial's claim was
    written, then told); text of its own (``unnamed accusers``) is kept as written."""
    from ..core.names import normalise
    from ..corpus.where import definitions

    if not isinstance(by, str) or not normalise(by):
        return
    for found in definitions(layers, [normalise(by)]):
        if found.kind == "actor" and normalise(by) in found.names and found.id != by:
            raise UsageError(
                f"--set by={by!r} names the actor {found.id!r} at {found}: write "
                f"--set by={found.id} to link it (by takes an actor's id, or text of its own)"
            )


def _refuse_format_2(kind: str, path: str, version: int, given: Given, cited: bool = False) -> None:
    """Refuse, before anything is written, what only format 2 has when the file *path* is
    format 1 (*version*): a key *given* with ``--set``, and a claim's ``--quote`` and
    ``--locator`` (*cited*), with the fix ``BRIEF016`` gives (``--set credibility=2``
    was written, then told as ``BRIEF016``)."""
    from ..corpus.grades import FORMAT_2_KEYS, RELATION_KEYS

    if version >= 2:
        return
    newer = (*FORMAT_2_KEYS[f"{kind}s"], *(RELATION_KEYS if kind == "claim" else ()))
    named = ["--quote and --locator"] if cited else []
    named += [f"--set {key}" for key in given if key in newer]
    if not named:
        return
    said = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    needs = "needs" if len(named) == 1 and not cited else "need"
    raise UsageError(
        f"{said} {needs} format 2, and {path} is format 1 (write: format = 2 at the top of "
        "the file, in place of format = 1; its entries mean the same in format 2)"
    )


def _citation(
    cited: Definition | None,
    cited_as: tuple[str | None, str | None, str | None, str | None],
    text: bool,
) -> dict[str, str]:
    """A new claim's citation: the source *cited* (None: none given), with the section,
    quote and locator of *cited_as* as given; the section checked against the source's
    when there is one, or a claim *text* (its file is then written as it is)."""
    _, section, quote, locator = cited_as
    if (quote is not None or locator is not None) and cited is None:
        raise UsageError("--quote and --locator need the source they are in: add --source")
    cite = {"source": cited.id if cited else ""}
    if cited is not None and (section is not None or text):
        section = _checked_section(cited, section)  # before anything is written
    if section is not None or cited is None:
        cite["section"] = section or ""
    cite.update({k: v for k, v in (("quote", quote), ("locator", locator)) if v is not None})
    return cite


def _checked_section(cited: Definition, section: str | None) -> str | None:
    """*section* of the source *cited*, as the source spells it; a usage error naming the
    source's sections when it has none such (or has sections and none is named)."""
    from ..core.model import Citation
    from ..corpus.resolve import Sections, closest_section, resolve_citation

    found = _source_entry(cited)
    if found is None:
        return section  # the source's own file has problems: they are told as it is checked
    problems: list[Diagnostic] = []
    cite = Citation(cited.id, section)
    resolved = resolve_citation("", "", 0, cite, {cited.id: Sections(found)}, problems)
    if problems and not found.sections:
        raise UsageError(f"source {cited.id!r} has no sections: leave out --section")
    if problems:
        listed = ", ".join(repr(s) for s in found.sections)
        if section is None:
            raise UsageError(f"source {cited.id!r} has sections: give --section, one of {listed}")
        # a section not found, as a topic or an actor not found: exit 1 (a trial saw 2);
        # the sections listed once (the load's own message lists them too)
        near = closest_section(section, found.sections)
        said = f"source {cited.id!r} has no section {section!r}"
        said += f" (did you mean {near!r}?)" if near else ""
        raise BriefError(f"{said}: give --section, one of {listed}")
    return resolved.section if resolved is not None else section


def _source_entry(cited: Definition) -> Source | None:
    """The source *cited* as its file defines it; None when that file does not parse or
    the entry has problems of its own (they are told as the file is checked)."""
    from ..core.diagnostics import Diagnostic
    from ..core.model import Source
    from ..corpus import authoring as a
    from ..corpus.parse import parse
    from ..corpus.schema import check_document

    doc = parse(a.read_exact(cited.path) or b"", cited.file)
    if isinstance(doc, Diagnostic):
        return None
    found = (
        e
        for e, _ in check_document(doc, cited.file).entries["sources"]
        if isinstance(e, Source) and e.id == cited.id
    )
    return next(found, None)


def _check_given_id(ident: str) -> None:
    """Refuse *ident*, given with ``--id``, unless it is an id; say what it could be."""
    from ..core.names import is_id
    from ..corpus.authoring import slug

    if not is_id(ident):
        could = slug(ident)
        hint = f": '{could}' is" if is_id(could) else ""
        raise UsageError(f"--id: {ident!r} is not an id{hint} (lowercase letters, digits, hyphens)")


def _free_claim_id(layers: list[Layer], ident: str) -> str:
    """*ident*, given with ``--id`` for a new claim, if it is an id no entry has; else
    why not (a claim's id is what another's ``contradicts`` names: it must be one)."""
    from ..corpus.where import definitions

    _check_given_id(ident)
    for found in definitions(layers, [ident]):
        if found.id == ident:
            raise UsageError(
                f"--id: {ident!r} is already the {found.kind} at {found} (choose another, "
                "or leave --id out for one made from the text)"
            )
    return ident


def _new_named(
    layers: list[Layer],
    target: str,
    kind: str,
    title: str,
    ident: str | None,
    given: Given,
) -> tuple[str, str, str]:
    from ..core.names import is_id, normalise
    from ..corpus import authoring as a
    from ..corpus.config import config_path
    from ..corpus.where import definitions

    if ident is not None:
        _check_given_id(ident)
    id_is = "--id" if ident is not None else "id"  # given, or made from the title
    made = ident is None
    ident = ident or _id_of_title(title)
    if not is_id(ident):
        from ..core.sanitize import quoted

        if made:  # a title of symbols alone (a trial's emoji) makes none
            said = f"{quoted(title)} makes no id (it has no letters or digits)"
            raise UsageError(f"{said}: give --id")
        raise UsageError(f"{ident!r} is not an id (lowercase letters, digits, hyphens): give --id")
    key = "name" if kind == "actor" else "title"
    values, raw = _as_written(given)
    aliases = values.get("aliases", [])
    named = [(key, title), (id_is, ident), *(("alias", alias) for alias in aliases)]
    keys: dict[str, tuple[str, str]] = {}
    for what, name in named:  # each name the new entry takes, by its key, first given first
        if normalise(name):
            keys.setdefault(normalise(name), (what, name))
    clashes: dict[str, tuple[str, Definition]] = {}  # all at once: a trial met one a run
    for found in definitions(layers, sorted(keys)):
        for what, name in (keys[k] for k in keys if k in found.names):
            held = clashes.get(name)  # a name's first entry, as its latest layer writes it
            same = held is not None and (held[1].kind, held[1].id) == (found.kind, found.id)
            if found.kind != "claim" and (held is None or same):
                clashes[name] = (what, found)
    if clashes:
        raise UsageError(a.names_taken(clashes, config_path()))
    file = {"topic": os.path.join("topics", f"{ident}.toml"), "actor": "actors.toml"}
    path = os.path.join(target, file.get(kind, "sources.toml"))
    version = a.declared_format(a.read_exact(path))  # the keys the file's format takes
    _refuse_format_2(kind, path, version, given)
    entry = a.entry_text(kind, {"id": ident, key: title, **values}, raw, version=version)
    return path, entry, ident


def _new_claim(
    layers: list[Layer],
    target: str,
    text: str,
    ident: str | None,
    topic: str | None,
    actors: tuple[str, ...],
    cited_as: tuple[str | None, str | None, str | None, str | None],
    given: Given,
) -> tuple[str, str, str]:
    """The file a new claim goes into, its text and its id; *cited_as* is its source,
    section, quote and locator as given."""
    from ..corpus import authoring as a
    from ..corpus.where import definitions, find_all

    source = cited_as[0]
    if not topic:
        raise UsageError("new claim needs --topic TOPIC")
    if text and not source:
        raise UsageError("a claim needs a source: add --source SOURCE (and --section)")
    wanted = [(topic, ("topic",)), *((name, ("actor",)) for name in actors)]
    wanted += [(source, ("source",))] if source else []
    try:
        found = find_all(layers, wanted, _suggest(layers))  # one reading of the files for all
    except NotFound as missing:
        raise _with_how_to_add(missing) from None
    home = found[0][0]
    actor_ids = [f[0].id for f in found[1 : 1 + len(actors)]]
    cite = _citation(found[-1][0] if source else None, cited_as, bool(text))
    if ident is not None:
        ident = _free_claim_id(layers, ident)
    else:
        base = "-".join(filter(None, (home.id, a.slug(text, 4) or "claim")))
        ident = a.fresh_id(base, {d.id for d in definitions(layers, [base])})
    values: dict[str, str | list[str]] = {"id": ident, "topic": home.id}
    if actor_ids:
        values["actors"] = actor_ids
    if text:
        values["text"] = text
    if home.bundled or os.path.abspath(home.root) != target:
        path = os.path.join(target, "topics", f"{home.id}.toml")
        if not home.bundled:
            click.echo(
                f"brief: note: the topic {home.id!r} is in {home.path}, outside {target}: "
                f"the claim goes into {path} ('--into {home.root}' puts it beside the topic)",
                err=True,
            )
    else:
        path = home.path
    version = a.declared_format(a.read_exact(path))  # the keys the file's format takes
    _refuse_format_2("claim", path, version, given, "quote" in cite or "locator" in cite)
    _check_by(layers, given.get("by"))
    extra, raw = _as_written(given)
    entry = a.entry_text(
        "claim", {**values, **extra}, {"cites": a.citation_text(cite), **raw}, version
    )
    if text:  # the claim is whole as given: nothing is left to fill in before it is shown
        _refuse_faults(path, entry, version, ident, found[-1][0] if "quote" in cite else None)
    return path, entry, ident


#: What to add to a claim given whole that ``validate`` faults, by the problem's code.
_FAULT_FIXES = {
    "BRIEF013": "add --set note='why it is disputed'",
    "BRIEF019": "add --set by=WHO",
    "BRIEF020": "add --set status=assessment, or leave out --set {key}",
}


def _refuse_faults(
    path: str, entry: str, version: int, ident: str, quoted: Definition | None = None
) -> None:
    """Refuse the claim *entry* (format *version*), given whole, before it is written to
    *path*, when ``validate`` would fault it on its own: in ``validate``'s words, with
    what to add. ``--set status=disputed`` without ``--set note`` was written, then told
    as ``BRIEF013``, left out, and the exit status 1 (a new user). What it names (its
    topic, actors, sources, the claims it contradicts) is checked against the corpus
    once it is written, as before; but its quote, of the source *quoted*, is looked for
    in that source's text now (``BRIEF017``), as validate looks for it: a quote not in
    the source was written, and only validate told it (a new user)."""
    from ..core.diagnostics import Diagnostic
    from ..corpus.grades import assessment_fix
    from ..corpus.parse import parse
    from ..corpus.schema import check_document

    doc = parse(f"format = {version}\n\n{entry}".encode(), path)
    if isinstance(doc, Diagnostic):  # not to be: entry_text writes TOML
        return
    checked = check_document(doc, path)
    faults = [*checked.problems, *(_quote_faults(path, checked, quoted) if quoted else ())]
    said = []
    for fault in faults:
        key = fault.where.partition(".")[2]  # as validate names it, past claims[N]
        # what validate says became of the claim (left out, kept without its relation)
        # is not what happens here: nothing is written
        message = _OUTCOME_SAID.sub("", fault.message)
        message = message.removesuffix(f": {assessment_fix(key)}")  # said below as options
        fix = f": {_FAULT_FIXES[fault.code].format(key=key)}" if fault.code in _FAULT_FIXES else ""
        said.append(f"{key + ': ' if key else ''}{message} [{fault.code}]{fix}")
    if said:  # a fault of the claim, as validate's are (exit 1), not of the command line
        raise BriefError("; ".join(said))


def _quote_faults(path: str, checked: Checked, quoted: Definition) -> list[Diagnostic]:
    """The quote check of the new claim *checked* (to be written to *path*) against the
    text of the source *quoted*: its ``BRIEF017``. When there is no text to look in (the
    source has none, or it cannot be read), none, and a note says the quote is not
    checked (validate counts it as unchecked)."""
    from ..corpus.quotecheck import check_file_quotes

    source = _source_entry(quoted)
    if source is None:  # the source's own file has problems: they are told as it is checked
        return []
    report = check_file_quotes(
        path, checked, {source.id: source}, lambda _: (quoted.path, quoted.root)
    )
    if report.unchecked:  # validate's words for the text it cannot read, if it cannot
        unread = [f"{p.message} [{p.code}]" for p in report.problems if p.file != path]
        why = unread[0] if unread else "it has no text"
        note = f"the quote is not checked (validate counts it as unchecked): source {source.id!r}"
        click.echo(f"brief: note: {note}: {why}", err=True)
    return [p for p in report.problems if p.file == path]


@command()
@click.argument("name")
@_INTO
@click.pass_context
def edit(ctx: click.Context, name: str, into: str | None) -> None:
    """Open $VISUAL or $EDITOR at the entry NAME names (topic, actor, source, claim id).

    It opens the definition 'brief show NAME' uses, the one 'brief where NAME' lists
    first, unless one waits to be fixed (in a file skipped for its problems, or left
    out for its own): a later layer's definition of that entry, or, when NAME reaches
    no entry, the latest layer's. When every definition that gives NAME is overridden
    by a later one without it, nothing is opened or copied and the exit status is 1, as
    for 'brief where'.

    When the editor exits, the file is checked against the whole corpus, and its
    quotes against their sources' texts (as 'brief validate' checks them); if it has
    problems, or gives other files new ones (a section renamed that their claims
    cite), you choose: (e)dit again, (k)eep anyway, or (r)evert to exactly what it
    was. Without a terminal to ask, it is kept and the exit status is 1. When the
    editor changed nothing, the problems are listed and the exit status is 1; when
    each problem is one the file had before (the same ones, or fewer), it is kept ("no
    new problems"). Problems the edit made are listed first, apart from those of
    before. A bundled entry is first copied into your personal corpus, where it
    overrides the original; a copy left unchanged is removed again.
    """
    from ..corpus import authoring as a
    from ..corpus import where as w
    from .editor import editor

    layers = options(ctx).layers()
    store = corpus_of(layers)  # its warnings left out: the file is checked after the edit
    reached, found = _standings(layers, store, name)
    winner = w.to_edit(found, reached)
    if winner is None:  # nothing in use gives the name: nothing to fix, nor to copy
        for standing in found:
            _echo_note(standing, name, reached, store.left_out)
        raise _none_in_use(name)
    editor()  # no editor to open: say so before a bundled entry is copied
    if not winner.bundled and not into:
        _edit_loop(ctx, layers, winner.path, winner.line, a.read_exact(winner.path))
        return
    target = target_folder(ctx, into)
    layers = layers_with(ctx, target)
    elsewhere = _problems(layers, os.path.join(target, winner.rel))[1]  # before the copy
    path, line, before = _copy(winner, target)
    click.echo(f"copied the {winner.kind} {winner.id!r} to {path}:{line}; your copy overrides it")
    copied = a.read_exact(path)
    _edit_loop(ctx, layers, path, line, before, elsewhere)
    now = a.read_exact(path)
    if now == copied:  # a look, not an edit: no copy left behind
        a.restore(path, before)
        click.echo(f"the copy was not changed: removed it; the bundled {winner.kind} is in use")
    elif (rest := _without_copy(copied, before, now)) is not None:
        # another entry of the file edited, the copy not: the copy's bytes alone go (a
        # trial's unchanged copy stayed, overriding the bundled entry from then on)
        a.restore(path, rest)
        click.echo(
            f"the copy was not changed: removed it, your other changes to {path} kept; "
            f"the bundled {winner.kind} is in use"
        )


def _without_copy(copied: bytes | None, before: bytes | None, now: bytes | None) -> bytes | None:
    """The file *now* without the copy appended to it, when it still ends with that copy
    as written (*copied* is *before* and the copy) and its other lines changed; else
    None."""
    if copied is None or before is None or now is None or not copied.startswith(before):
        return None
    block = copied[len(before) :]
    if not block or not now.endswith(block) or now == copied:
        return None
    return now[: -len(block)]


def _copy(winner: Definition, target: str) -> tuple[str, int, bytes | None]:
    from ..corpus import authoring as a

    data = a.read_exact(winner.path) or b""
    path = os.path.join(target, winner.rel)
    before = a.read_exact(path)
    header = a.file_header(a.schema_reference(target, path))
    line = a.append_entry(path, a.entry_block(data, winner.line), header)
    return path, line, before


def _problems(layers: list[Layer], path: str) -> tuple[list[str], list[str]]:
    """The problems the whole corpus finds in the file *path*, and those of every other
    file: read from the cache, brought up to date (the edited file alone is read
    again), as every command reads; or, where that cannot be, from a load of every file."""
    from ..corpus.load import load
    from ..corpus.reader import display_name
    from ..store import open_store

    here = os.path.abspath(path)
    names = {
        display_name(layer.label, os.path.relpath(here, os.path.abspath(layer.root)))
        for layer in layers
        if here.startswith(os.path.abspath(layer.root) + os.sep)
    }
    loaded = None
    with progress() as on_file:
        store = open_store(layers, use_cache(), on_file, False)
        if store is not None:
            mine, every = store.problems_in(names), store.problems_in()
        else:
            # No cache an edit can bring up to date (the file now names an actor no
            # file defines, say): a load answers sooner than a rebuild of the cache would.
            loaded = load(layers, on_file=on_file)
            found = loaded.problems
            mine, every = [str(p) for p in found if p.file in names], [str(p) for p in found]

    def sources() -> Mapping[str, Source]:
        if loaded is not None:
            return {s.id: s for s in loaded.corpus.sources}
        assert store is not None
        return store.entries_index().sources

    others = Counter(every)
    others.subtract(mine)
    return mine + _quote_problems(layers, path, names, sources), list(others.elements())


def _quote_problems(
    layers: Sequence[Layer],
    path: str,
    names: Collection[str],
    sources: Callable[[], Mapping[str, Source]],
) -> list[str]:
    """The problems ``validate``'s quote check finds in the file *path* (by its *names*):
    each quote of its claims looked for in its source's text (of *sources*, the corpus's,
    read only when the file has a quote). A quote changed to words the source does not
    hold was kept as "no problems", and only validate told it (a new user). The texts of
    the sources the file quotes are read, not every quote of the corpus checked."""
    from ..core.diagnostics import Diagnostic
    from ..corpus import authoring as a
    from ..corpus.cited import corpus_file
    from ..corpus.parse import parse
    from ..corpus.quotecheck import check_file_quotes
    from ..corpus.schema import check_document

    data = a.read_exact(path)
    if data is None or b"quote" not in data:  # no quote to look for: nothing more is read
        return []
    found: dict[str, None] = {}
    for name in sorted(names):
        doc = parse(data, name)
        if isinstance(doc, Diagnostic):  # told as the file's syntax error
            continue
        report = check_file_quotes(
            name, check_document(doc, name), sources(), lambda f: corpus_file(f, layers)
        )
        found.update((str(p), None) for p in report.problems if p.file in names)
    return list(found)


_SUGGESTED = re.compile(r" \(did you mean [^)]*\)")

#: What a problem says became of its entry (``: the claim is kept without it``, ``; claim
#: 'c1' is left out``): it changes with the entry's other problems, the problem does not.
_OUTCOME_WORDS = (
    r"[:;] (?:the )?(?:claim|topic|actor|source)(?: '[^']*')? is (?:left out|kept without)[^\[]*"
)
_OUTCOME = re.compile(_OUTCOME_WORDS + r"(?= \[BRIEF\d+\]$)")  # as a problem line ends
_OUTCOME_SAID = re.compile(_OUTCOME_WORDS + "$")  # as the schema words it (no code yet)

#: Where a problem's entry is, after its file's name: ``claims[3]`` in ``a.toml:
#: claims[3].date: ...``.
_ENTRY_AT = re.compile(r"^(.*?: )(topics|actors|sources|claims)\[(\d+)\]")

#: Each entry's id in a file, by its kind and place: ``("claims", 3)``: ``"c4"``.
Ids = dict[tuple[str, int], str]


def _caused(now: list[str], before: list[str], ids: tuple[Ids, Ids] | None = None) -> list[str]:
    """The problems in *now* that were not in *before*: what a change caused (in other
    files, or in a file written to). A suggestion that changed ("did you mean") is not
    a new problem, nor one that says another outcome for its entry (a trial's unknown
    actor, there before, was listed as new once an edit left its claim out). With *ids*
    (the edited file's entries' ids now, and before), an entry is known by its id, not
    its place: one deleted above it does not make its problems new."""
    now_ids, before_ids = ids or ({}, {})
    had = {_same(line, before_ids) for line in before}
    return [line for line in now if _same(line, now_ids) not in had]


def _same(problem: str, ids: Ids) -> str:
    """*problem* as :func:`_caused` compares it: without its suggestion or outcome, its
    entry named by id where *ids* knows it."""
    said = _OUTCOME.sub("", _SUGGESTED.sub("", problem))
    at = _ENTRY_AT.match(said)
    if at is None or (at[2], int(at[3])) not in ids:
        return said
    return f"{at[1]}{at[2]}<{ids[(at[2], int(at[3]))]}>{said[at.end() :]}"


def _entry_ids(data: bytes | None) -> Ids:
    """The id of each entry the TOML file *data* writes, by kind and place; none for a
    file that cannot be parsed (its problem is its syntax)."""
    from ..corpus.parse import parse

    doc = parse(data, "") if data is not None else None
    if not isinstance(doc, dict):
        return {}
    return {
        (kind, i): table["id"]
        for kind in ("topics", "actors", "sources", "claims")
        if isinstance(tables := doc.get(kind), list)
        for i, table in enumerate(tables)
        if isinstance(table, dict) and isinstance(table.get("id"), str)
    }


def _with_how_to_add(missing: NotFound) -> BriefError:
    """*missing* (a name that names nothing) saying how to add the entry, when no entry
    of another kind has it and none is left out or in a skipped file: ``no actor named
    'Clark Noble'; add it first: brief new actor 'Clark Noble'`` (a trial was told only
    that there was none)."""
    from ..core.errors import InSkippedFile, LeftOut, WrongKind

    kind = getattr(missing, "what", "")  # WrongKind and the like set none
    if (
        kind not in ("topic", "actor", "source")
        or missing.suggestions
        or isinstance(missing, (WrongKind, LeftOut, InSkippedFile))
    ):
        return missing  # a typo's "did you mean" says more
    return BriefError(f"{missing}; add it first: brief new {kind} {shlex.quote(missing.name)}")


def _suggest(layers: Sequence[Layer]) -> Callable[[str, tuple[str, ...]], tuple[str, ...]]:
    """For ``where.find`` and ``where.standings``: the entries of some kinds (any named
    kind for none) whose names look like one not found, each once, from the cache (as
    ``show`` suggests)."""

    def suggest(name: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        named = tuple(k for k in kinds if k != "claim") if kinds else ("topic", "actor", "source")
        return corpus_of(layers).suggest(name, named) if named else ()

    return suggest


def _edit_loop(
    ctx: click.Context,
    layers: list[Layer],
    path: str,
    line: int,
    before: bytes | None,
    elsewhere: list[str] | None = None,
) -> None:
    """Edit, check, and ask until the file is right, kept anyway, or reverted.

    Nothing is asked when asking would not help: when the editor, first opened,
    changed nothing (the file is as it was, problems and all), or when each of its
    problems is one it had before the edit (the same ones, or fewer: the edit added
    none, and what is left is said). When the edit gave it new ones, they are listed
    first, apart from those it had before. A template just written (``new``, or an
    entry just copied) left as it was is still asked about, so that it can be reverted;
    so is a file left as it was after "(e)dit again". Problems the edit gives other
    files (a section renamed that their claims cite, say) count as the file's own; *elsewhere*
    are the other files' problems before the file was written to (found here when the
    file is as it was).
    """
    from ..corpus.authoring import read_exact
    from .editor import run_editor

    earlier = None
    if read_exact(path) == before:
        earlier, found = _problems(layers, path)
        elsewhere = found if elsewhere is None else elsewhere
    before_ids = _entry_ids(before) if earlier else {}  # the file as it was: read once
    asked = False
    while True:
        last = read_exact(path)
        try:
            status = run_editor(path, line)
        except KeyboardInterrupt:  # Ctrl-C while the editor is open: exit 130, as ever
            _interrupted(path, before if not asked else last, last)
            raise
        if status != 0 and read_exact(path) == last:
            _editor_failed(ctx, path, before if not asked else last, last, status)
        if status != 0:  # it changed the file: that is checked as any edit
            click.echo(f"brief: note: the editor exited with status {status}", err=True)
        own, others = _problems(layers, path)
        caused = _caused(others, elsewhere) if elsewhere is not None else []
        ids = (_entry_ids(read_exact(path)), before_ids) if earlier else None
        if _told(path, own, caused, others, earlier, ids):
            return
        if read_exact(path) == last and earlier is not None and not asked:
            click.echo(f"{path} is unchanged; its problems are listed above", err=True)
            ctx.exit(1)
        if earlier is not None and not _caused(own, earlier, ids) and not caused:
            fixed = len(earlier) - len(own)  # those it had, fewer the ones the edit fixed
            said = f"; the edit fixed {fixed}" if fixed > 0 else ""
            click.echo(
                f"no new problems: kept {path}, which still has {_count(len(own))} from "
                f"before (above){said}"
            )
            return
        if not _ask(ctx, path, before):
            return
        asked = True


def _interrupted(path: str, before: bytes | None, last: bytes | None) -> None:
    """Ctrl-C while the editor was open: what brief wrote for this edit, and the editor
    left as it was, is taken back, as when the editor fails (a trial's template stayed
    behind, and its title then counted as taken); a file the editor changed is kept as
    it left it, unchecked, and said so."""
    from ..corpus.authoring import read_exact

    if read_exact(path) != last:
        click.echo(f"brief: interrupted: kept {path} as the editor left it, unchecked", err=True)
    elif before != last:
        click.echo(f"brief: interrupted: {_take_back(path, before, last)}", err=True)


def _editor_failed(
    ctx: click.Context, path: str, before: bytes | None, now: bytes | None, status: int
) -> None:
    """Say that the editor failed (exit *status*) and changed nothing, and exit 1.

    As git does when its editor fails, nothing is checked or asked. What brief wrote
    for this edit (the file is *now*, and was *before*: a template, a copy of a bundled
    entry, in a file of its own or added to one) is taken back, as it holds nothing of
    the user's; a file brief did not write to is left as it is.
    """
    said = f"the editor exited with status {status} and changed nothing"
    click.echo(f"{said}: {_take_back(path, before, now)}", err=True)
    ctx.exit(1)


def _take_back(path: str, before: bytes | None, now: bytes | None) -> str:
    """Put *path* back as it was *before* this edit (None: not there), from *now*; what
    was done, in words."""
    from ..corpus.authoring import restore

    if before is None:
        restore(path, None)
        return f"removed {path}"
    if now != before:
        restore(path, before)
        return f"put {path} back as it was"
    return f"{path} is as it was"


def _told(
    path: str,
    own: list[str],
    caused: list[str],
    others: list[str],
    earlier: list[str] | None = None,
    ids: tuple[Ids, Ids] | None = None,
) -> bool:
    """Say what the check of *path* found: True when it is right (*own*, its problems,
    and *caused*, those it gives other files, both empty; *others* all other files').

    When the file had problems before the edit (*earlier*) and the edit gave it new
    ones, the new ones come first, each set under a heading, so that what the edit
    caused is told apart from what was there already.
    """
    if not own and not caused:
        click.echo(f"ok: {path} has no problems")
        if others:
            click.echo(f"(other files have {_count(len(others))}: see 'brief validate')", err=True)
        return True
    fresh = _caused(own, earlier, ids) if earlier else []
    old = [problem for problem in own if problem not in fresh]
    if fresh and earlier:
        click.echo(f"{path}: the edit gives it {_count(len(fresh), 'new ')}:", err=True)
        for problem in _lined(path, fresh):
            click.echo(problem, err=True)
        if old:
            click.echo(f"{path}: and it still has {_count(len(old))} from before:", err=True)
    for problem in _lined(path, old if fresh and earlier else own):
        click.echo(problem, err=True)
    if caused:
        click.echo(f"{path}: the edit gives other files {_count(len(caused))}:", err=True)
        for problem in caused[:CAUSED_SHOWN]:
            click.echo(f"  {problem}", err=True)
        if len(caused) > CAUSED_SHOWN:  # the file's own, above, stay on the screen
            more = len(caused) - CAUSED_SHOWN
            click.echo(f"  ... and {more} more ('brief validate' lists them)", err=True)
    return False


#: The most problems an edit gives other files that are listed before the question: a
#: trial's broken actors.toml gave 19, and its own syntax error scrolled out of sight.
CAUSED_SHOWN = 5


def _lined(path: str, problems: list[str]) -> list[str]:
    """The file *path*'s *problems* (as ``Store.problems_in`` words them: ``name: key:
    message``), each with the line it is at after the file's name, as ``validate``
    gives it (``name:12: key: message``), from the top of the file down: the file is
    the one just edited, so the line is where to look. A problem whose key has no line
    is as it was, at the top, as ``validate`` lists it."""
    from ..core.diagnostics import Diagnostic, line_column
    from ..corpus.where import problem_lines

    read = []
    for problem in problems:
        name, _, rest = problem.partition(": ")
        where, _, message = rest.partition(": ")
        read.append(Diagnostic("", name, where, message))
    files = {d.file: (path, os.path.dirname(os.path.abspath(path))) for d in read}
    lines = problem_lines(read, files)
    out: list[tuple[int, str]] = []
    for problem, d, line in zip(problems, read, lines, strict=True):
        own = line_column(d.where)  # a syntax error: FILE:24:8: as validate gives it
        if own is not None:
            out.append((own[0], f"{d.file}:{own[0]}:{own[1]}: {d.message}"))
        else:
            said = f"{d.file}:{line}: {problem[len(d.file) + 2 :]}" if line else problem
            out.append((line, said))
    return [said for _, said in sorted(out, key=lambda lined: lined[0])]  # stable


def _count(n: int, new: str = "") -> str:
    return f"{n} {new}problems" if n > 1 else f"a {new}problem"


def _ask(ctx: click.Context, path: str, before: bytes | None) -> bool:
    """Ask what to do with *path*'s problems; True to edit again."""
    from ..corpus.authoring import restore

    if not interactive():
        click.echo(f"kept {path} with its problems (see 'brief validate')", err=True)
        ctx.exit(1)
    try:
        answer = _answer()
    except (click.Abort, KeyboardInterrupt, EOFError):
        # Nothing the user typed is thrown away unasked: keep it, and say so.
        click.echo(f"\ninterrupted: kept {path} with its problems (see 'brief validate')", err=True)
        ctx.exit(130)
    if answer == "k":
        click.echo(f"kept {path} with its problems", err=True)
    elif answer == "r":
        restore(path, before)
        click.echo(f"reverted {path}" if before is not None else f"removed {path}", err=True)
    return answer == "e"


#: The answers to the edit prompt, by what may be typed: the letter or the word.
_ANSWERS = {"e": "e", "edit": "e", "k": "k", "keep": "k", "r": "r", "revert": "r"}


def _answer() -> str:
    """The edit prompt's answer, ``e``, ``k`` or ``r``: asked again, in brief's words,
    until it is one (click's own said ``Error: 'x' is not one of 'e', 'k', 'r'.``)."""
    while True:
        typed = click.prompt("What now? (e)dit again, (k)eep anyway, (r)evert", err=True)
        answer = _ANSWERS.get(str(typed).strip().lower())
        if answer is not None:
            return answer
        click.echo("brief: type e, k or r, then Enter", err=True)


@command()
@click.argument("name")
@click.pass_context
def where(ctx: click.Context, name: str) -> None:
    """Print FILE:LINE of each definition that gives the name NAME, the one in use first.

    The one in use is that of the entry 'brief show NAME' shows, from the latest layer
    that defines it: $EDITOR $(brief where NAME | head -1). Earlier layers' definitions of
    it follow, then the others, each with a note on stderr saying why it is not in use:
    overridden by a later layer's definition without the name, the name taken by another
    entry (a name clash), or, until it is fixed, in a file skipped for its problems or
    left out for its own. When no entry has the name and none waits to be fixed, the exit
    status is 1, as for 'brief show'.
    """
    from ..corpus import where as w

    layers = options(ctx).layers()
    store = open_store(ctx)  # its warnings first, as every command gives them
    reached, found = _standings(layers, store, name)
    for standing in found:
        click.echo(str(standing.definition))
    for standing in found:
        _echo_note(standing, name, reached, store.left_out)
    if reached is None and all(s.state in (w.REPLACED, w.OVERRIDDEN) for s in found):
        raise _none_in_use(name)


def _standings(
    layers: Sequence[Layer], store: Store, name: str
) -> tuple[tuple[str, str] | None, list[Standing]]:
    """What *name* reaches in *store* (``Store.reached``), and every definition that
    gives it, each with where it stands against that (``where.standings``): what
    ``where`` lists, and ``edit`` opens one of (``where.to_edit``)."""
    from ..corpus.where import standings

    reached = store.reached(name)
    found = standings(layers, name, reached, set(store.skipped()), store.left_out, _suggest(layers))
    return reached, found


def _none_in_use(name: str) -> BriefError:
    """What ``where`` and ``edit`` fail with when each definition that gives *name* is
    overridden by a later one without it: ``show`` finds nothing either."""
    return BriefError(
        f"none of the definitions of {name!r} is in use: no entry in the corpus has that name"
    )


def _echo_note(
    standing: Standing,
    name: str,
    reached: tuple[str, str] | None,
    left_out: Callable[[str], str | None],
) -> None:
    """:func:`_where_note`'s note on *standing*, if it has one, on stderr."""
    note = _where_note(standing, name, reached, left_out)
    if note:
        click.echo(f"brief: note: {note}", err=True)


def _where_note(
    standing: Standing,
    name: str,
    reached: tuple[str, str] | None,
    left_out: Callable[[str], str | None],
) -> str:
    """Why the definition *standing* gives is not the one *name* reaches (*reached*:
    the id and kind of the entry it does); empty for the one in use."""
    from ..corpus import where as w

    d, state, by = standing
    what = f"the {d.kind} {d.id!r}"
    if state == w.SKIPPED:
        return (
            f"{d} is in a file skipped for its problems (see 'brief validate'): not in use "
            "until it is fixed"
        )
    if state == w.LEFT_OUT:  # its problem, without the file the line begins with
        why = (left_out(d.id) or "").removeprefix(f"{d.file}: ")
        return f"{d} is left out for its own problems ({why}): not in use until it is fixed"
    if state == w.OVERRIDDEN and by is not None:  # the one in use gives the name too
        if by.layer > d.layer:
            return f"{d} ({what}) is not in use: {by}, in a later layer, overrides it"
        return (
            f"{d} ({what}) is left out: {by} defines its id first (an id used twice "
            "[BRIEF009]: see 'brief validate')"
        )
    if state == w.REPLACED and by is not None:
        later = by.layer > d.layer
        which = f"{by}, in a later layer, overrides it" if later else f"the one in use is {by}"
        return f"{d} ({what}) is not in use: {which}, without the name {name!r}"
    if state in (w.CLASH, w.CLAIM, w.TAKEN) and reached is not None:
        other = f"the {reached[1]} {reached[0]!r}"
        if state == w.TAKEN:
            return (
                f"{d} ({what}) is left out: {other} has its id (an id used twice "
                "[BRIEF009]: see 'brief validate'); not in use until one is renamed"
            )
        if state == w.CLAIM:
            return f"{d} is {what}, but {name!r} reaches {other} ('brief show' shows that)"
        return (
            f"{d} ({what}) is not the one in use: {name!r} reaches {other}, which has the "
            "name too (a name clash [BRIEF012]: see 'brief validate')"
        )
    if state == w.UNUSED:
        return f"{d} ({what}) is not in use: 'brief validate' says why"
    return ""


@command()
@click.option("--ids", is_flag=True, help="Suggest the corpus's current ids where ids go.")
@click.pass_context
def schema(ctx: click.Context, ids: bool) -> None:
    """Print the corpus format as a JSON Schema, for TOML editors (Taplo, Tombi).

    See docs/editor-setup.md. 'brief init' writes it beside your files too.
    """
    import json

    from ..corpus.jsonschema import json_schema

    known: dict[str, list[str]] = {}
    if ids:
        from ..corpus.where import definitions

        for found in definitions(options(ctx).layers()):
            known.setdefault(f"{found.kind}s", []).append(found.id)
        known = {kind: sorted(set(found)) for kind, found in known.items()}
    click.echo(json.dumps(json_schema(known or None), indent=2))


#: This module's commands, for the group to register.
COMMANDS = (init, new, edit, where, schema)
