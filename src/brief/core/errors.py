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
        self.what = what
        """The kinds the name was looked for as, in words (``actor``)."""
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"no {what} named {name!r}{hint}")


class WrongKind(NotFound):
    """A name that exists, but of another kind than the one asked for."""

    def __init__(self, name: str, kind: str, wanted: str) -> None:
        BriefError.__init__(self, f"{name!r} is {_a(kind)}, not {_a(wanted)}")
        self.name, self.suggestions = name, ()


class LeftOut(NotFound):
    """A name of an entry the corpus defines but could not use, for its own problems."""

    def __init__(self, name: str, problem: str) -> None:
        BriefError.__init__(self, f"{name!r} was left out: {problem} (see 'brief validate')")
        self.name, self.suggestions = name, ()


class InSkippedFile(NotFound):
    """A name of an entry a skipped file (one that could not be used at all) defines."""

    def __init__(self, name: str, file: str) -> None:
        BriefError.__init__(
            self,
            f"{name!r} is defined in the skipped file {file}, which could not be used"
            " (see 'brief validate')",
        )
        self.name, self.suggestions, self.file = name, (), file


class IsAClaim(NotFound):
    """A claim's id, where a topic, actor or source was asked for."""

    def __init__(self, name: str, topic: str) -> None:
        BriefError.__init__(
            self,
            f"{name!r} is a claim, in the topic {topic!r}: 'brief show {topic}' shows it"
            f" ('brief edit {name}' opens it)",
        )
        self.name, self.suggestions, self.topic = name, (), topic


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


class UsageError(BriefError):
    """A request the corpus cannot answer as asked (for instance mixing kinds)."""

    exit_code = 2


class NothingFound(BriefError):
    """A command that looks things up (search, list, conflicts) found nothing: exit 1.

    Its output, empty, is still printed first: JSON always prints a document.
    """


class NoResults(NothingFound):
    """A search that matched nothing."""

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), within: str = "") -> None:
        """*within* says which filters emptied the search (``in topic 'nuclear'``), if any:
        then it is the filter, not the words, that the reader should change."""
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        if within:
            hint = f" {within} (there are some without the filter)"
        super().__init__(f"no results for {query!r}{hint}")
