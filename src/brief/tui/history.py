"""Back and forward through the places the reader has been, like a web browser."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """Somewhere the reader can be: an entry's briefing, optionally at one claim."""

    ident: str
    """The topic, actor or source id."""
    anchor: str | None = None
    """A claim id (or section key) to scroll to, if any."""


@dataclass(frozen=True, slots=True)
class Stop:
    """A place in the history with the scroll offset it was left at."""

    place: Place
    scroll: float = 0.0


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

    def go(self, place: Place, scroll: float = 0.0) -> None:
        """Move to *place*, leaving the current one at offset *scroll*; forward is forgotten."""
        if self.current is not None:
            self._back.append(Stop(self.current.place, scroll))
        self.current = Stop(place)
        self._forward.clear()

    def back(self, scroll: float = 0.0) -> Stop | None:
        """Step back, if there is anywhere to go; *scroll* is where the current page was left."""
        if not self._back or self.current is None:
            return None
        self._forward.append(Stop(self.current.place, scroll))
        self.current = self._back.pop()
        return self.current

    def forward(self, scroll: float = 0.0) -> Stop | None:
        """Step forward again after :meth:`back`."""
        if not self._forward or self.current is None:
            return None
        self._back.append(Stop(self.current.place, scroll))
        self.current = self._forward.pop()
        return self.current
