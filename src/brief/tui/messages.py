"""Messages the TUI's widgets post, as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..views.records import Point, Reference
from .history import Place


@dataclass
class Follow(Message):
    """A link was followed: open the briefing at *place*."""

    place: Place


@dataclass
class ShowCitation(Message):
    """A citation was chosen: show the source and section it points to."""

    reference: Reference
    points: tuple[Point, ...]
    """The claims on the page that cite it."""


@dataclass
class GoToAnchor(Message):
    """Scroll the page that holds the link to one of its own anchors."""

    anchor: str
