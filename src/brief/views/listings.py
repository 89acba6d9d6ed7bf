"""Where listed entries come from, and every name in use: the layer side of ``brief list``.

A corpus is layers (the bundled corpus, then corpus folders; later ones win). A long
listing names the layer each entry comes from and the earlier layers' entries it
replaces; ``brief list names`` shows every name a reader can type and what it reaches,
so that an author sees which names are taken before choosing one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.index import Index
from ..core.model import Actor, Source, Topic
from ..core.names import natural_key, normalise
from .records import Listing, Row


def layer_of(file: str, layers: Sequence[str]) -> int | None:
    """The number of the layer, among *layers* (labels, in load order), that holds *file*.

    *file* is a file's display name (its layer's label, then its relative path); when
    labels nest, the longest that holds it wins, and of equal labels the last.
    """
    from ..corpus.reader import display_name

    found: int | None = None
    for number, label in enumerate(layers):
        prefix = display_name("", f"{label}/")  # as the file's own name spells it
        if file.startswith(prefix) and (found is None or len(label) >= len(layers[found])):
            found = number
    return found


def with_layer(
    row: Row,
    file: str,
    kind: str,
    layers: Sequence[str],
    defined: Mapping[tuple[str, str], Sequence[int]],
) -> Row:
    """*row* naming the layer of *file* and the earlier layers that define its id too.

    *kind* is singular (``topic``); *defined* maps ``(kind, id)`` to the numbers of
    the layers that define such an entry.
    """
    number = layer_of(file, layers)
    if number is None:
        return row._replace(layer="?")
    earlier = [layers[n] for n in dict.fromkeys(defined.get((kind, row.id), ())) if n < number]
    return row._replace(layer=layers[number], overrides=tuple(earlier))


def names_listing(index: Index, layers: Sequence[str], long: bool = False) -> Listing:
    """Every name a reader can type (ids, titles, aliases) and the entry it reaches.

    One row per name as ``show`` matches it (case and punctuation folded), spelled as
    the entry it reaches spells it, in order of name. A name two entries claim reaches
    one of them (ids before titles before aliases, as the index decides); ``brief
    validate`` reports the clash. Every row names its layer; *long* says whether
    piped text shows it too.
    """
    spelled: dict[str, str] = {}
    entries: list[Topic | Actor | Source] = [
        *index.corpus.topics,
        *index.corpus.actors,
        *index.corpus.sources,
    ]
    for entry in entries:
        aliases: tuple[str, ...] = getattr(entry, "aliases", ())
        for name in (entry.id, entry.title, *aliases):
            key = normalise(name)
            if key and index.names.get(key) == entry.id:
                spelled.setdefault(key, name)
    rows = []
    for key, name in sorted(spelled.items(), key=lambda item: (natural_key(item[1]), item[0])):
        entry = index.entry(index.names[key])
        number = layer_of(entry.file, layers)
        rows.append(
            Row(
                name,
                entry.title,
                "",
                layers[number] if number is not None else "?",
                kind=index.kind(entry.id).value,
                reaches=entry.id,
            )
        )
    return Listing("names", tuple(rows), long=long)
