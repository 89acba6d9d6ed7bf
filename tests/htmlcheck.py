"""Reading HTML back as a browser would, with the standard library's parser, for the tests."""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements with no end tag.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class Parsed(HTMLParser):
    """One document: its elements, ids, links, text, and any structural fault."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[tuple[str, str]] = []  # (href, class)
        self.srcs: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.text: list[str] = []
        self.faults: list[str] = []
        self.doctype = ""
        self._open: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()
        if self._open:
            self.faults.append(f"unclosed: {self._open}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            self.attrs.append((tag, name, value))
        if "id" in values:
            self.ids.append(values["id"])
        if "href" in values:
            self.hrefs.append((values["href"], values.get("class", "")))
        if "src" in values:
            self.srcs.append(values["src"])
        if tag not in VOID:
            self._open.append(tag)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.faults.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if not self._open or self._open[-1] != tag:
            self.faults.append(f"</{tag}> closes {self._open[-1:] or 'nothing'}")
            return
        self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)

    @property
    def visible(self) -> str:
        """The document's text as a reader sees it (entities decoded, no stylesheet)."""
        return "".join(self.text)


def check_document(text: str) -> Parsed:
    """*text* parsed, asserting what every brief HTML document must be: whole, balanced,
    inert (no script, no event handler, nothing fetched), ids unique, every in-page link
    landing on an id."""
    doc = Parsed(text)
    assert doc.doctype.lower() == "doctype html"
    assert doc.faults == []
    assert doc.tags[:2] == ["html", "head"]
    for tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form"):
        assert tag not in doc.tags, tag
    assert doc.srcs == []
    assert not [a for a in doc.attrs if a[1].startswith("on") or a[1] == "style"]
    policy = [v for t, n, v in doc.attrs if t == "meta" and n == "content" and "default-src" in v]
    assert len(policy) == 1 and policy[0].startswith("default-src 'none'; style-src 'sha256-")
    assert len(doc.ids) == len(set(doc.ids)), "duplicate ids"
    for href, _ in doc.hrefs:
        if href.startswith("#"):
            assert href[1:] in doc.ids, href
    return doc
