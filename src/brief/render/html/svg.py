"""The relations graph as a picture: Graphviz's ``dot`` draws it, then it is made inert.

``brief export`` embeds the picture in its graph page where ``dot`` is installed. The
SVG ``dot`` writes holds corpus text (names, labels), and a page must never hold
anything that runs or fetches, so :func:`sanitise` parses the SVG and keeps only an
allowlist: shape, group and text elements with their geometry and paint attributes.
Scripts, styles, ``foreignObject``, links (``<a>``: its content is kept, the link is
not), ids, event handlers, any ``href`` and any value naming a ``url(...)`` or a
scheme go; what is kept is written back out with every value escaped.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from xml.etree import ElementTree

from .page import esc

#: The SVG namespace: an element of any other is dropped with all it holds.
SVG = "http://www.w3.org/2000/svg"
# fmt: off
#: The elements kept (drawn), with what they hold.
ELEMENTS = frozenset([
    "svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line",
    "text", "tspan",
])
#: The elements whose tags go but whose content stays: a link's shapes are still drawn.
UNWRAPPED = frozenset(["a"])
#: The attributes kept, on any kept element (names without a namespace only).
ATTRIBUTES = frozenset([
    "width", "height", "viewBox", "preserveAspectRatio", "class", "transform", "points", "d",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy",
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "opacity", "text-anchor", "font-family", "font-size",
    "font-weight", "font-style", "text-decoration",
])
# fmt: on
#: A value that names something outside the picture, or a script: the attribute goes.
_REFERENCE = re.compile(r"url\s*\(|[a-z][a-z0-9+.-]*\s*:|expression\s*\(|[<>&\\]", re.I)
#: What a document may declare that a parser would expand: refused outright.
_DECLARATIONS = re.compile(r"<!ENTITY|<!\[CDATA\[", re.I)
#: How long ``dot`` may take, in seconds, before the page goes without the picture.
TIMEOUT = 20.0


class Unsafe(ValueError):
    """The SVG cannot be read as one (or declares entities): no picture."""


def sanitise(text: str) -> str:
    """The SVG *text* with only the allowed elements and attributes, as HTML to inline.

    Raises :class:`Unsafe` when *text* is not well-formed XML with an ``<svg>`` root, or
    declares entities.
    """
    if _DECLARATIONS.search(text):
        raise Unsafe("the SVG declares entities or character data sections")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise Unsafe(f"the SVG cannot be read: {exc}") from None
    if root.tag != f"{{{SVG}}}svg":
        raise Unsafe("the picture is not an SVG document")
    out: list[str] = []
    _element(root, out)
    return "".join(out)


def _local(tag: object) -> str | None:
    """An element's name in the SVG namespace; None for any other (or a comment)."""
    if not isinstance(tag, str) or not tag.startswith(f"{{{SVG}}}"):
        return None
    return tag[len(SVG) + 2 :]


def _element(node: ElementTree.Element, out: list[str]) -> None:
    """*node* written to *out* if kept (its content if unwrapped); its tail either way."""
    name = _local(node.tag)
    if name in ELEMENTS:
        kept = "".join(
            f' {key}="{esc(value)}"'
            for key, value in node.attrib.items()
            if key in ATTRIBUTES and not _REFERENCE.search(value)
        )
        out.append(f"<{name}{kept}>{esc(node.text or '')}")
        for child in node:
            _element(child, out)
        out.append(f"</{name}>")
    elif name in UNWRAPPED:
        out.append(esc(node.text or ""))
        for child in node:
            _element(child, out)
    out.append(esc(node.tail or "") if node.tail and node.tail.strip() else "")


class Picture(NamedTuple):
    """What running ``dot`` gave."""

    svg: str | None
    """The picture, sanitised, to inline; None without one."""
    problem: str | None
    """Why there is no picture though ``dot`` is installed (one line); None otherwise."""


def find_dot() -> str | None:
    """Where Graphviz's ``dot`` is, on ``PATH``; None when it is not installed."""
    import shutil

    return shutil.which("dot")


def draw(dot_text: str, timeout: float | None = None) -> Picture:
    """The DOT graph *dot_text* drawn by ``dot -Tsvg`` (given *timeout* seconds, else
    :data:`TIMEOUT`) and sanitised; no picture, and no problem, when ``dot`` is not
    installed."""
    program = find_dot()
    if program is None:
        return Picture(None, None)
    import subprocess

    timeout = TIMEOUT if timeout is None else timeout

    try:
        done = subprocess.run(
            [program, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Picture(None, f"Graphviz's dot took longer than {timeout:g} s: no picture")
    except OSError as exc:
        return Picture(None, f"Graphviz's dot could not run ({exc.strerror}): no picture")
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = f": {said[0]}" if said else ""
        return Picture(None, f"Graphviz's dot failed (exit {done.returncode}){why}: no picture")
    try:
        return Picture(sanitise(done.stdout.decode("utf-8")), None)
    except (Unsafe, UnicodeDecodeError) as exc:
        return Picture(None, f"Graphviz's dot drew a picture that was refused ({exc})")
