"""A citation's source: what it is, the section cited (its text, the quotes marked, when
the source has a local copy), and the claims that cite it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import Label

from ...corpus.quotes import span
from ...views.records import Point, Reference
from .. import text
from ..history import Place
from ..messages import Follow
from ..widgets import Block, KeyBar

if TYPE_CHECKING:
    from ...store import Store

#: How a quote is marked in the section's text: unlike find-in-page's marks.
QUOTE_STYLE = "bold $text-primary on $primary-muted"


class CitationScreen(ModalScreen[None]):
    """Shows the source and section a citation points to. ``o`` opens the source's briefing.

    A source's URL is shown as text and never opened.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", tooltip="close"),
        Binding(
            "o,enter", "open_source", "Open source briefing", tooltip="open the source's briefing"
        ),
    ]

    def __init__(self, store: Store, reference: Reference, points: tuple[Point, ...]) -> None:
        super().__init__()
        self.store = store
        self.reference = reference
        self.points = points

    def compose(self) -> ComposeResult:
        ref = self.reference
        view = self.store.briefing(ref.source)
        with Vertical(id="dialog", classes="dialog wide"):
            yield Label(f"Citation [{ref.number}]", classes="dialog-title", markup=False)
            with VerticalScroll(id="citation"):
                yield Block(Content(view.title), classes="title")
                yield Block(text.facts(view.facts), classes="facts")
                yield Block(Content("Section cited"), classes="heading")
                section = ref.section or "the source as a whole (no section given)"
                yield Block(Content(section), classes="cited-section")
                read = self.store.source_text(ref.source)
                body = None if read is None else read.section(ref.section)
                if body is not None:
                    heading = "Text of the section" if ref.section else "Text of the source"
                    yield Block(Content(heading), classes="heading")
                    yield Block(quoted(body, self.quotes()), classes="section-text")
                yield Block(Content("Cited on this page by"), classes="heading")
                for point in self.points:
                    yield Block(text.point(point), classes="point")
        yield KeyBar(self.app.size.width)

    def quotes(self) -> list[str]:
        """The quotes the claims shown give for this citation."""
        number = self.reference.number
        return [
            q.text
            for point in self.points
            if point.grade is not None
            for q in point.grade.quotes
            if q.ref == number and q.text is not None
        ]

    def action_open_source(self) -> None:
        self.dismiss()
        self.app.post_message(Follow(Place(self.reference.source)))


def quoted(body: str, quotes: list[str]) -> Content:
    """*body* as literal text, each of *quotes* found in it (as ``validate`` finds
    them: see ``corpus.quotes``) marked with :data:`QUOTE_STYLE`."""
    found = (span(body, quote) for quote in quotes)
    return Content(body).add_spans([Span(*at, QUOTE_STYLE) for at in found if at is not None])
