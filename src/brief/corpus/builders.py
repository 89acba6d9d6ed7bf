"""Records built fast: a frozen dataclass's instance from its field values, in order.

A large load builds hundreds of thousands of records, twice when workers read the files
(once in the worker that checks them, once in the loading process that receives them).
A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, a
lookup and a call per field: 4.4 us for a :class:`~brief.core.model.Claim`. The
functions here (:data:`BUILDERS`) set each slot through its descriptor instead, with no
argument parsing or defaults to apply: 2.1 us. Each gives exactly the record its class
would (the same fields, equal and hashing alike), and refuses a class whose ``__init__``
does more than set its fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..core.model import Actor, Citation, Claim, Source, Topic


def _make(cls: type, name: str) -> Callable[..., Any]:
    """A function *name*, taking every field of *cls* (a frozen dataclass with slots) in
    order, positionally, and returning the instance ``cls(*values)`` would.

    Raises TypeError for a class it cannot build so: without slots, with a field left
    out of ``__init__``, or with a ``__post_init__``.
    """
    if not dataclasses.is_dataclass(cls) or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__}'s __init__ does more than set its fields")
    names = [f.name for f in fields]
    if {"obj", "_new", "_cls"} & set(names):
        raise TypeError(f"{cls.__name__} has a field named as the builder's own names")
    # One line per field, unrolled as dataclasses writes __init__: a loop over the
    # descriptors costs half as much again. The names are the class's own fields.
    setters = {f"_set_{field}": getattr(cls, field).__set__ for field in names}
    body = "".join(f"    _set_{field}(obj, {field})\n" for field in names)
    source = f"def {name}({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    space: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, space)  # the source is made of the class's field names only
    build: Callable[..., Any] = space[name]
    build.__module__ = __name__  # so that pickle finds it here, by name
    build.__doc__ = f"``{cls.__name__}(*values)``, built faster (see the module's docstring)."
    return build


build_topic = _make(Topic, "build_topic")
build_actor = _make(Actor, "build_actor")
build_source = _make(Source, "build_source")
build_citation = _make(Citation, "build_citation")
build_claim = _make(Claim, "build_claim")

#: The builder of each record class.
BUILDERS: dict[type, Callable[..., Any]] = {
    Topic: build_topic,
    Actor: build_actor,
    Source: build_source,
    Citation: build_citation,
    Claim: build_claim,
}
