"""Messages the TUI's widgets post, as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from ..views.records import Point, Reference, Relation
from .history import Place

if TYPE_CHECKING:  # the graph's records come with the relations screen
    from ..views.graph import Edge


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


@dataclass
class OpenRelation(Message):
    """One of an actor's relations was chosen on its page: show the claims that state it."""

    actor: str
    """The id of the actor whose page lists it."""
    relation: Relation


@dataclass
class OpenEdge(Message):
    """An edge was chosen in the relations screen: show the claims behind it."""

    edge: Edge
