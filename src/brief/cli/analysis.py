"""The commands for analysts: claims (every claim as a row), timeline, source import.

``claims`` and ``timeline`` read the corpus as the reading commands do; ``source
import`` writes into a corpus as ``brief new`` does (see ``authoring``). Only click is
imported at the top; the views, the renderers and the writers inside the commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from ..core.errors import UsageError
from ..core.kinds import Kind
from .context import Choice, command, completer, emit, format_option, open_store, options

if TYPE_CHECKING:
    from ..views.mingrade import Minimum

#: ``core.model.STATUSES``, written out so that ``--help`` does not import the model
#: (tests/test_analysis.py keeps the two equal).
STATUSES = ("reported", "assessment", "alleged", "disputed")


def _minimum(ctx: click.Context, param: click.Parameter, value: str | None) -> Minimum | None:
    if value is None:
        return None
    from ..views.mingrade import minimum

    try:
        return minimum(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


#: ``--min-grade``, for ``show``, ``claims`` and ``timeline``.
min_grade_option = click.option(
    "--min-grade",
    "min_grade",
    metavar="GRADE",
    callback=_minimum,
    help="Only claims graded at least this well: B3 keeps reliability A-B and credibility "
    "1-3 (A and 1 best); B or 3 alone looks at one. Ungraded claims are left out.",
)


@command()
@click.option("--status", type=Choice(STATUSES), help="Only claims of this status.")
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
    help="With --format json: only these keys for each claim (an unknown one lists them all).",
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

    In a terminal, a table; piped, one claim per line, tab-separated, no header (for
    cut, sort and fzf). Every filter given must hold. A date (a year, a month, a day or
    a range 1950/1953) is kept by --since/--until when any of it falls in the window;
    undated claims are then left out. Exit 1 when no claim matches.

    \b
    brief claims --status alleged --source coast-article --since 2020
    brief claims --by 'fishers union' -f json --fields id,date,text
    brief claims | cut -f1,3 | sort -k2
    """
    from ..render.output import destination
    from ..views.claims import FIELDS, Query
    from ..views.claims import claims as build
    from ..views.claims import fields as chosen

    keys = FIELDS
    if fields is not None:
        dest = destination(fmt or options(ctx).config.format, ctx.meta.get("brief.color") or "auto")
        if dest != "json":
            raise UsageError("--fields chooses the keys of JSON output: add --format json")
        keys = chosen(fields)
    store = open_store(ctx)
    view = build(store.index(), Query(**asked), keys)
    empty = None
    if not view.rows:
        empty = f"no claims match {view.described}" if view.filters else "no claims in this corpus"
    emit(ctx, lambda r: r.claims(view), fmt, pager, empty=empty)


@command()
@click.argument(
    "name", required=False, shell_complete=completer(Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)
)
@click.option("--quotes", is_flag=True, help="Print each claim's quotes under it (format 2).")
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
    1950/1953 in 1950); undated claims are left out, and counted.

    \b
    brief timeline harbour
    brief timeline 'Port Authority' --min-grade B
    """
    from ..views.timeline import timeline as build

    store = open_store(ctx)
    ident = store.resolve(name) if name is not None else None
    view = build(store.index(), ident, min_grade, quotes)
    emit(ctx, lambda r: r.timeline(view), fmt, pager)


#: This module's commands, for the group to register.
COMMANDS = (claims, timeline)
