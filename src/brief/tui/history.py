"""Back and forward through the places the reader has been, like a web browser.

A place is a page (an entry's briefing, perhaps at one claim) and the relations
screens open over it, if any: the list of an actor's relations, the claims behind one
edge. So ``[`` after following a claim from an edge's claims comes back to those claims,
the focus on the same link.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Place:
    """Somewhere the reader can be: an entry's briefing, optionally at one claim."""

    ident: str
    """The topic, actor or source id."""
    anchor: str | None = None
    """A claim id (or section key) to scroll to, if any."""


EdgeKey = tuple[str, str, str]
"""An edge as its subject, relation and object ids: what finds it again in a new graph."""


@dataclass(frozen=True, slots=True)
class Overlay:
    """A relations screen over the page: the edges of an actor or topic, or the claims
    behind one edge. Two overlays are the same screen whatever their focus and scroll."""

    of: str | None
    """Whose relations: an actor's or a topic's id; None for every actor's."""
    edge: EdgeKey | None = None
    """For the claims behind an edge, which edge; None for the list of edges."""
    focus: str | None = field(default=None, compare=False)
    """The name of the link that had the focus, to give it back."""
    scroll: float = field(default=0.0, compare=False)
    """Where the screen was scrolled to."""


@dataclass(frozen=True, slots=True)
class Stop:
    """A place in the history with the scroll offset it was left at."""

    place: Place
    scroll: float = 0.0
    """The page's scroll offset."""
    overlays: tuple[Overlay, ...] = ()
    """The relations screens that were open over the page, bottom first."""


class History:
    """The current place, and the stops behind and ahead of it."""

    def __init__(self) -> None:
        self.current: Stop | None = None
        self._back: list[Stop] = []
        self._forward: list[Stop] = []

    @property
    def can_back(self) -> bool:
        return bool(self._back)

    @property
    def can_forward(self) -> bool:
        return bool(self._forward)

    @property
    def behind(self) -> Stop | None:
        """Where :meth:`back` would go."""
        return self._back[-1] if self._back else None

    def go(
        self,
        place: Place,
        scroll: float = 0.0,
        *,
        overlays: tuple[Overlay, ...] = (),
        left: tuple[Overlay, ...] = (),
    ) -> None:
        """Move to *place* with *overlays* over it, leaving the current one at offset
        *scroll* with *left* open over it (their focus as it is now); forward is forgotten."""
        if self.current is not None:
            self._back.append(Stop(self.current.place, scroll, left))
        self.current = Stop(place, overlays=overlays)
        self._forward.clear()

    def back(self, scroll: float = 0.0, left: tuple[Overlay, ...] = ()) -> Stop | None:
        """Step back, if there is anywhere to go; *scroll* and *left* are how the current
        place was left (see :meth:`go`)."""
        if not self._back or self.current is None:
            return None
        self._forward.append(Stop(self.current.place, scroll, left))
        self.current = self._back.pop()
        return self.current

    def forward(self, scroll: float = 0.0, left: tuple[Overlay, ...] = ()) -> Stop | None:
        """Step forward again after :meth:`back`."""
        if not self._forward or self.current is None:
            return None
        self._back.append(Stop(self.current.place, scroll, left))
        self.current = self._forward.pop()
        return self.current

    def amend(self, overlays: tuple[Overlay, ...]) -> None:
        """Say that *overlays* are open over the current page now (one was closed, its
        edge gone). The stop behind, when it is now the same place, is dropped: back
        goes somewhere else."""
        if self.current is None:
            return
        self.current = Stop(self.current.place, self.current.scroll, overlays)
        behind = self.behind
        if behind is not None and (behind.place, behind.overlays) == (self.current.place, overlays):
            self._back.pop()
