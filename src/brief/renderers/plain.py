"""Plain text: for pipes, files and ``NO_COLOR``. No escape codes, no decoration to strip."""

from __future__ import annotations

import textwrap

from ..views import Briefing, Listing, Point
from .common import (
    counter_context,
    counter_label,
    counter_text,
    link_label,
    reference_label,
    refs_label,
)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    for i, para in enumerate(text.split("\n")):
        lines += textwrap.wrap(
            para,
            width=max(width, len(rest) + 20),
            initial_indent=first if i == 0 else rest,
            subsequent_indent=rest,
            break_on_hyphens=False,
        ) or [first.rstrip() if i == 0 else ""]
    return lines


def _point(point: Point, width: int, topic: str) -> list[str]:
    status = f"[{point.status}] " if point.status != "reported" else ""
    who = f" (with {', '.join(point.actors)})" if point.actors else ""
    lines = _wrap(f"{status}{point.text}{who} {refs_label(point.refs)}", width, "  - ", "    ")
    if point.note:
        lines += _wrap(f"note: {point.note}", width, "    ", "      ")
    for other in point.contested_by:
        status = f"[{other.status}] " if other.status != "reported" else ""
        context = counter_context(other, topic)
        context = f" ({context})" if context else ""
        text = (
            f"! {counter_label(other)}: {status}{counter_text(other)}{context} "
            f"{refs_label(other.refs)}"
        )
        lines += _wrap(text, width, "    ", "      ")
    return lines


def briefing(view: Briefing, width: int = 80) -> str:
    """The whole briefing as text lines wrapped to *width*."""
    lines = [view.title, "=" * min(len(view.title), width)]
    if view.summary:
        lines += _wrap(view.summary, width, "", "")
    for label, value in view.facts:
        lines += _wrap(f"{label}: {value}", width, "", "  ")
    for section in view.sections:
        lines += ["", section.title]
        for point in section.points:
            lines += _point(point, width, view.id if view.kind == "topic" else "")
    if not view.sections:
        lines += ["", "No claims yet."]
    if view.related:
        title = "Related topics" if view.kind == "topic" else "Topics"
        related = ", ".join(link_label(x) for x in view.related)
        lines += ["", *_wrap(f"{title}: {related}", width, "", "  ")]
    if view.references:
        lines += ["", "Sources"]
        for ref in view.references:
            lines += _wrap(
                reference_label(ref), width, f"  [{ref.number}] ", " " * (len(str(ref.number)) + 5)
            )
    return "\n".join(lines) + "\n"


def listing(view: Listing) -> str:
    """One id per line: made for grep, fzf and xargs."""
    return "".join(f"{row.id}\n" for row in view.rows)
