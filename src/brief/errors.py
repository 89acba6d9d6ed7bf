"""Failures the CLI reports as one line on stderr, with an exit code.

Kept apart from ``diagnostics`` (which needs dataclasses) so that the command line
can import them at start-up for nothing.
"""

from __future__ import annotations


class BriefError(Exception):
    """A failure the CLI reports as one line on stderr, with an exit code."""

    exit_code = 1


class NotFound(BriefError):
    """A name that matches nothing in the corpus."""

    def __init__(
        self, name: str, suggestions: tuple[str, ...] = (), what: str = "topic, actor or source"
    ) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"no {what} named {name!r}{hint}")


class UsageError(BriefError):
    """A request the corpus cannot answer as asked (for instance mixing kinds)."""

    exit_code = 2


class NoResults(BriefError):
    """A search that matched nothing."""

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"no results for {query!r}{hint}")
