"""The kinds of entry a corpus holds, named once: ``topic``, ``actor``, ``source``, ``claim``.

Imports nothing at the top (the model only inside :func:`kind_of`), so that a warm
``brief show`` may name kinds without loading the model.
"""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """What an entry is. Equal to its name as a string (``Kind.TOPIC == "topic"``)."""

    TOPIC = "topic"
    ACTOR = "actor"
    SOURCE = "source"
    CLAIM = "claim"

    # ``f"{kind}"`` and ``str(kind)`` give the plain name on every Python version.
    __str__ = str.__str__

    @property
    def plural(self) -> str:
        """``topics``: how listings and comparisons name many of them."""
        return f"{self.value}s"

    @property
    def with_article(self) -> str:
        """``a topic``, ``an actor``: for messages."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value}"


#: A kind's name in the plural, as corpus files and the schema spell it, to its singular.
SINGULAR: dict[str, str] = {kind.plural: kind.value for kind in Kind}


def kind_of(entry: object) -> Kind:
    """The kind of a topic, actor, source or claim of the model."""
    from .model import Actor, Claim, Source, Topic

    if isinstance(entry, Topic):
        return Kind.TOPIC
    if isinstance(entry, Actor):
        return Kind.ACTOR
    if isinstance(entry, Source):
        return Kind.SOURCE
    if isinstance(entry, Claim):
        return Kind.CLAIM
    raise TypeError(f"not an entry of the corpus: {entry!r}")
