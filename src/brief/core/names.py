"""Name normalisation and "did you mean" suggestions, shared by the loader and the index."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\W_]+")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def normalise(name: str) -> str:
    """Fold case and punctuation: ``North Korea``, ``north_korea``, ``NORTH-KOREA`` agree."""
    return _SEPARATORS.sub("-", name.casefold()).strip("-")


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that folds case and reads numbers as numbers: ``Item 9`` before ``item 10``."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in _DIGITS.split(text.casefold())
        if part
    )


def is_id(value: str) -> bool:
    """True for a well-formed id: lowercase ASCII letters and digits joined by hyphens."""
    return value.isascii() and ID_PATTERN.match(value) is not None


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Up to *limit* candidates that look like *word*: those holding its words whole
    (``korea`` finds ``north-korea`` and ``south-korea``), then those two neighbouring
    letters apart (``osa`` finds ``oas``: short names fall under the similarity cutoff),
    then similar, then prefixes."""
    import difflib  # only on the error path: it costs start-up time otherwise

    pool = sorted(set(candidates))
    key = normalise(word) or word
    words = set(key.split("-"))
    within = [c for c in pool if c != key and words <= set(c.split("-"))]
    prefixed = [c for c in pool if key and (c.startswith(key) or key.startswith(c)) and c != key]
    swapped = [c for c in pool if one_swap(key, c) and not _another_number(key, c)]
    # 0.75: lower lets 'farmers' suggest 'arms' and 'sanction' 'unification'
    similar = [
        c
        for c in difflib.get_close_matches(key, pool, n=limit + 2, cutoff=0.75)
        if not _another_number(key, c)
    ]
    out: list[str] = []
    for c in [*sorted(within, key=len), *swapped, *similar, *sorted(prefixed, key=len)]:
        if c not in out:
            out.append(c)
    return tuple(out[:limit])


def _another_number(a: str, b: str) -> bool:
    """Whether *b* holds as many numbers as *a*, but others (``source-091``,
    ``source-491``, ``source-019``; ``source-001x``, ``source-401``): another entry of a
    numbered series, not a slip of the keyboard, however alike they look. The same
    numbers written with other zeros (``topic-0042``, ``topic-00042``) are alike, as
    are a year and its last two digits (``tass-86``, ``tass-1986``)."""
    na, nb = _DIGITS.findall(a), _DIGITS.findall(b)
    if not na or len(na) != len(nb):
        return False
    return any(int(x) != int(y) and not _year_short(x, y) for x, y in zip(na, nb, strict=True))


def _year_short(x: str, y: str) -> bool:
    """Whether one of *x* and *y* is a year and the other its last two digits
    (``tass-86`` for ``tass-1986``): the same number, written shorter."""
    short, year = sorted((x, y), key=len)
    return len(short) == 2 and len(year) == 4 and year[:2] in ("19", "20") and year.endswith(short)


def one_swap(a: str, b: str) -> bool:
    """Whether *b* is *a* with two neighbouring letters swapped (``osa``, ``oas``)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or an empty string."""
    found = closest(word, candidates, limit=1)
    return f" (did you mean {found[0]!r}?)" if found else ""
