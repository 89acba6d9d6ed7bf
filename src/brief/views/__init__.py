"""What each output contains, decided once, as plain immutable records.

Renderers and the TUI only draw these. Imports ``corpus`` and ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

__all__ = [
    "MARK_END",
    "MARK_START",
    "Briefing",
    "Briefings",
    "ClaimRow",
    "Claims",
    "Comparison",
    "ComparisonRow",
    "Conflict",
    "Conflicts",
    "Contester",
    "Edge",
    "EdgeClaim",
    "EntryName",
    "Event",
    "FactValue",
    "Graph",
    "Hit",
    "Link",
    "Listing",
    "Minimum",
    "Node",
    "Point",
    "Reference",
    "Relation",
    "Results",
    "Row",
    "Section",
    "Site",
    "Span",
    "Timeline",
    "Validation",
    "at_least",
    "briefing",
    "by_title",
    "catalogue",
    "claims",
    "compare",
    "conflicts",
    "fact_text",
    "graph",
    "layer_of",
    "listing",
    "minimum",
    "names_listing",
    "shown_claims",
    "site",
    "span",
    "split_marks",
    "timeline",
    "validation",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "Reference": "records",
    "Point": "records",
    "Section": "records",
    "Link": "records",
    "Briefing": "records",
    "Row": "records",
    "Listing": "records",
    "Hit": "records",
    "Results": "records",
    "MARK_START": "records",
    "MARK_END": "records",
    "split_marks": "records",
    "FactValue": "records",
    "fact_text": "records",
    "briefing": "briefings",
    "listing": "briefings",
    "layer_of": "listings",
    "names_listing": "listings",
    "Comparison": "comparison",
    "ComparisonRow": "comparison",
    "Conflict": "comparison",
    "Conflicts": "comparison",
    "compare": "comparison",
    "conflicts": "comparison",
    "Validation": "validation",
    "EntryName": "catalogue",
    "catalogue": "catalogue",
    "by_title": "catalogue",
    "validation": "validation",
    "ClaimRow": "claims",
    "Claims": "claims",
    "claims": "claims",
    "Span": "dates",
    "span": "dates",
    "Minimum": "mingrade",
    "minimum": "mingrade",
    "at_least": "mingrade",
    "Event": "timeline",
    "Timeline": "timeline",
    "timeline": "timeline",
    "Site": "site",
    "Briefings": "site",
    "shown_claims": "site",
    "site": "site",
    "Relation": "records",
    "Contester": "graph",
    "Edge": "graph",
    "EdgeClaim": "graph",
    "Graph": "graph",
    "Node": "graph",
    "graph": "graph",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .briefings import briefing, listing
    from .catalogue import EntryName, by_title, catalogue
    from .claims import ClaimRow, Claims, claims
    from .comparison import Comparison, ComparisonRow, Conflict, Conflicts, compare, conflicts
    from .dates import Span, span
    from .graph import Contester, Edge, EdgeClaim, Graph, Node, graph
    from .listings import layer_of, names_listing
    from .mingrade import Minimum, at_least, minimum
    from .records import (
        MARK_END,
        MARK_START,
        Briefing,
        FactValue,
        Hit,
        Link,
        Listing,
        Point,
        Reference,
        Relation,
        Results,
        Row,
        Section,
        fact_text,
        split_marks,
    )
    from .site import Briefings, Site, shown_claims, site
    from .timeline import Event, Timeline, timeline
    from .validation import Validation, validation
