"""The commands for analysts: claims (every claim as a row), timeline, source import.

``claims`` and ``timeline`` read the corpus as the reading commands do; ``source
import`` writes into a corpus as ``brief new`` does (see ``authoring``). Only click is
imported at the top; the views, the renderers and the writers inside the commands.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from ..core.errors import UsageError
from ..core.kinds import Kind
from .context import (
    BriefCommand,
    Choice,
    Folder,
    command,
    completer,
    emit,
    format_option,
    min_grade_option,
    open_store,
    options,
    quotes_option,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..corpus.layers import Layer
    from ..corpus.sourceimport import LeftOut
    from ..views.mingrade import Minimum

#: ``core.model.STATUSES``, written out so that ``--help`` does not import the model
#: (tests/test_analysis.py keeps the two equal).
STATUSES = ("reported", "assessment", "alleged", "disputed")


@command()
@click.option(
    "--status", type=Choice(STATUSES, case_sensitive=False), help="Only claims of this status."
)
@click.option(
    "--topic", "-t", help="Only this topic's claims.", shell_complete=completer(Kind.TOPIC)
)
@click.option(
    "--actor", "-a", help="Only claims about this actor.", shell_complete=completer(Kind.ACTOR)
)
@click.option(
    "--source", "-s", help="Only claims citing this source.", shell_complete=completer(Kind.SOURCE)
)
@click.option("--tag", help="Only claims of topics with this tag.", shell_complete=completer("tag"))
@click.option("--by", help="Only claims made or alleged by this actor or claimant ('by').")
@click.option(
    "--since", metavar="DATE", help="Only claims dated at or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--until", metavar="DATE", help="Only claims dated at or before DATE.")
@click.option(
    "--unchecked",
    is_flag=True,
    help="Only claims with no quote that can be checked against a source's text.",
)
@min_grade_option
@click.option(
    "--fields",
    metavar="A,B,...",
    help="Only these keys for each claim, in this order: JSON's keys, or the piped rows' "
    "fields (an unknown one lists them all).",
)
@format_option
@click.pass_context
def claims(
    ctx: click.Context,
    /,
    fields: str | None,
    fmt: str | None,
    pager: bool | None,
    **asked: Any,
) -> None:
    """List every claim as a row: id, status, grade, topic, actors, sources, date, text.

    In a terminal, a table (narrower than 140 columns, a card a claim); piped, one
    claim per line, tab-separated, no header (for cut, sort and fzf). Every filter
    given must hold. A date (a year, a month, a day or a range 1950/1953) is kept by
    --since/--until when any of it falls in the window; undated claims are then not
    shown. Exit 1 when no claim matches.

    \b
    brief claims --status reported --source fc-unsc-record --since 2019
    brief claims --by 'unnamed accusers' -f json --fields id,status,text
    brief claims | cut -f1,3 | sort -k2
    brief claims --fields credibility,id,date | sort -n
    """
    from ..render.output import destination
    from ..views.claims import FIELDS, Query
    from ..views.claims import fields as chosen

    keys = FIELDS
    if fields is not None:
        dest = destination(fmt or options(ctx).config.format, ctx.meta.get("brief.color") or "auto")
        if dest not in ("json", "plain"):
            raise UsageError(
                "--fields chooses the keys of JSON output and the fields of piped rows: "
                "add --format json, or pipe it (or --format plain)"
            )
        keys = chosen(fields)
    store = open_store(ctx)
    view = store.claims(Query(**asked), keys)._replace(chosen=fields is not None)
    for gone in view.left_out:  # rows are data: told on stderr (even with -q: the result's)
        click.echo(f"brief: {gone.line}", err=True)
    empty = None
    if not view.rows:
        empty = f"no claims match {view.described}" if view.filters else "no claims in this corpus"
    emit(ctx, lambda r: r.claims(view), fmt, pager, empty=empty)


@command()
@click.argument(
    "name", required=False, shell_complete=completer(Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)
)
@quotes_option
@min_grade_option
@format_option
@click.pass_context
def timeline(
    ctx: click.Context,
    name: str | None,
    quotes: bool,
    min_grade: Minimum | None,
    fmt: str | None,
    pager: bool | None,
) -> None:
    """Show the dated claims of a topic, actor or source NAME (or all) in date order.

    Claims are ordered by the first day their date covers (2020 starts on 1 January,
    1950/1953 in 1950); undated claims are not shown, and counted.

    \b
    brief timeline sanctions
    brief timeline 'North Korea' --min-grade B
    """
    store = open_store(ctx)
    ident = store.resolve(name) if name is not None else None
    view = store.timeline(ident, min_grade, quotes)._replace(skipped=store.skipped())
    if quotes:  # each looked for in its source's text, as show --quotes does
        from ..corpus.cited import QuoteFinder
        from ..views.gradewords import timeline_checked_quotes

        view = timeline_checked_quotes(view, QuoteFinder(store.source_text))
    emit(ctx, lambda r: r.timeline(view), fmt, pager)


@click.group(cls=click.Group, context_settings={"help_option_names": ["-h", "--help"]})
def source() -> None:
    """Work with sources: 'brief source import FILE' makes one from its text."""


@source.command("import", cls=BriefCommand)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--id", "ident", help="The source's id (default: made from the title).")
@click.option("--title", help="Its title (default: the text's first heading, else the file name).")
@click.option("--kind", default="article", show_default=True, help="What it is (article, report…).")
@click.option(
    "--into",
    metavar="DIR",
    type=Folder(),
    help="Write into this corpus folder instead of your personal one (see 'brief init').",
)
@click.pass_context
def import_(
    ctx: click.Context, file: str, ident: str | None, title: str | None, kind: str, into: str | None
) -> None:
    """Write a source whose sections are FILE's headings, with FILE's text beside it.

    FILE is a Markdown file (its # headings) or a plain-text article (its short title
    lines). The entry goes to sources/ID.toml in your corpus (format 2) and the text,
    copied byte for byte, to sources/ID.md or .txt, named as its 'text' so that 'brief
    validate' checks quotes against it. Nothing is overwritten. Headings a web page adds
    ('Share this article', 'Related', 'Comments'), and those with nothing under them
    after the text's end, are not made sections: each is named on stderr.

    \b
    brief source import ~/Downloads/harbour-review.md --kind report
    brief source import article.txt --id coast-article
    """
    from ..core.model import SOURCE_KINDS
    from ..core.names import closest, is_id
    from ..corpus.authoring import slug
    from ..corpus.sourceimport import read_source, write_source
    from .authoring import layers_with, target_folder

    if kind not in SOURCE_KINDS:
        near = closest(kind, SOURCE_KINDS, limit=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise UsageError(f"unknown kind {kind!r}{hint}: one of {', '.join(SOURCE_KINDS)}")
    data, found = read_source(file)
    stem, ext = os.path.splitext(os.path.basename(file))
    named = [("--title" if title else "title", title or found.title or stem)]
    named.append(("--id" if ident else "id", ident or slug(named[0][1])))
    title, ident = named[0][1], named[1][1]
    if not is_id(ident):
        raise UsageError(f"{ident!r} is not an id (lowercase letters, digits, hyphens): give --id")
    target = target_folder(ctx, into)
    _refuse_taken(layers_with(ctx, target), file, data, named)
    copy = ".md" if ext.lower() in (".md", ".markdown") else ".txt"
    done = write_source(target, ident, title, kind, data, found, copy)
    click.echo(f"wrote the source {ident!r} at {done.entry}")
    click.echo(f"copied the text to {done.text}")
    if done.sections:
        click.echo(f"sections found ({len(done.sections)}):")
        for heading in done.sections:
            click.echo(f"  {heading}")
    elif done.left_out:
        click.echo("no sections kept: claims cite the whole source")
    else:
        click.echo("no headings found: claims cite the whole source (no sections)")
    for gone in done.left_out:  # never silently: each is named, with what is under it
        click.echo(f"brief: note: left out of sections: {_left_out(gone)}", err=True)


def _refuse_taken(
    layers: Sequence[Layer], file: str, data: bytes, named: list[tuple[str, str]]
) -> None:
    """Refuse, before anything is written, a title or id another entry has already: each
    of *named* (how it was given: ``--title``, or ``title`` from the text; the name) is
    told with the entry it names and its file, and the options that give others. When
    that entry is a source whose text is *data*, byte for byte, *file* is said to be
    imported already, with where."""
    from ..core.names import normalise
    from ..corpus.sourceimport import imported_text
    from ..corpus.where import definitions

    keys: dict[str, tuple[str, str]] = {}
    for what, name in named:  # an id made from the title is told as the title
        if normalise(name):
            keys.setdefault(normalise(name), (what, name))
    clashes: dict[str, tuple[str, str]] = {}
    for entry in definitions(layers, sorted(keys)):
        taken = [keys[k] for k in keys if k in entry.names]
        if entry.kind == "claim" or not taken:
            continue
        if entry.kind == "source":
            copy = imported_text(entry.path, entry.root, entry.id, data)
            if copy is not None:
                raise UsageError(
                    f"{file} is imported already: it is the text {copy} of the source "
                    f"{entry.id!r} at {entry}"
                )
        for what, name in taken:
            said = f"the {what} {name!r} already names the {entry.kind} {entry.id!r} at {entry}"
            clashes.setdefault(name, (what, said))
    if not clashes:
        return
    taken_as = {what.lstrip("-") for what, _ in clashes.values()}  # title, id
    give = [f"--{key}" for key in ("title", "id") if key in taken_as]
    raise UsageError(
        "; ".join(said for _, said in clashes.values())
        + f" (give {' and '.join(give)} of its own, or, if that is this text, it is "
        "imported already)"
    )


def _left_out(gone: LeftOut) -> str:
    """Why the heading *gone* is not a section, in a few words."""
    if not gone.words:
        return f"{gone.heading!r} (nothing under it)"
    words = "word" if gone.words == 1 else "words"
    return (
        f"{gone.heading!r}, a web page's own heading (the {gone.words} {words} under it stay "
        "in the text: add it to sections to cite them)"
    )


#: This module's commands, for the group to register.
COMMANDS = (claims, timeline, source)
