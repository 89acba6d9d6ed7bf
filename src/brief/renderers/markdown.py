"""Markdown: a briefing to paste into a document. Corpus text is escaped, never live."""

from __future__ import annotations

import re

from ..views import Briefing, Listing, Point
from .common import (
    counter_context,
    counter_label,
    counter_text,
    link_label,
    reference_label,
    refs_label,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def escape(text: str) -> str:
    """Escape Markdown syntax so corpus text (links, emphasis, HTML) stays plain text."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _status(point: Point) -> str:
    return f"**{point.status}** · " if point.status != "reported" else ""


def _point(point: Point, topic: str) -> list[str]:
    who = f" (with {escape(', '.join(point.actors))})" if point.actors else ""
    lines = [f"- {_status(point)}{escape(point.text)}{who} {escape(refs_label(point.refs))}"]
    if point.note:
        lines.append(f"  - *Note:* {escape(point.note)}")
    for other in point.contested_by:
        context = counter_context(other, topic)
        context = f" ({escape(context)})" if context else ""
        label = counter_label(other).capitalize()
        lines.append(
            f"  - ⚠ *{label}:* {_status(other)}{escape(counter_text(other))}{context} "
            f"{escape(refs_label(other.refs))}"
        )
    return lines


def briefing(view: Briefing) -> str:
    lines = [f"# {escape(view.title)}", ""]
    if view.summary:
        lines += [escape(view.summary), ""]
    if view.facts:
        lines += [" · ".join(f"*{label}:* {escape(value)}" for label, value in view.facts), ""]
    for section in view.sections:
        lines += [f"## {escape(section.title)}", ""]
        for point in section.points:
            lines += _point(point, view.id if view.kind == "topic" else "")
        lines.append("")
    if not view.sections:
        lines += ["*No claims yet.*", ""]
    if view.related:
        lines += ["## Related topics" if view.kind == "topic" else "## Topics", ""]
        lines += [f"- {escape(link_label(x))}" for x in view.related]
        lines.append("")
    if view.references:
        lines += ["## Sources", ""]
        lines += [f"{ref.number}. {escape(reference_label(ref))}" for ref in view.references]
        lines.append("")
    return "\n".join(lines)


def listing(view: Listing) -> str:
    lines = [f"# {view.kind.capitalize()}", ""]
    for row in view.rows:
        detail = f" — {escape(row.detail)}" if row.detail else ""
        name = f"**{escape(row.title)}** (`{row.id}`)" if row.title != row.id else f"`{row.id}`"
        lines.append(f"- {name}{detail}")
    return "\n".join(lines) + "\n"
