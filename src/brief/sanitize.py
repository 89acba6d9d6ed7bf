"""Make untrusted corpus strings inert before anything can print them.

Corpus files are shared between people, so their text is untrusted. TOML happily
carries ESC, OSC/CSI introducers, C1 controls and bidi overrides, and both rich and
Textual pass those straight to the terminal. Every string the loader keeps goes
through :func:`inert`, which replaces each such character with a visible escape
(``\\x1b``, ``\\u202e``), so the model never holds a byte that could move the cursor,
set the clipboard, open a link or reorder what is shown. Markup is a separate
concern, handled by the renderers (corpus text reaches rich only as ``Text``).
"""

from __future__ import annotations


def _visible(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_DANGEROUS: list[int] = [c for c in range(0x20) if c != 0x0A]  # C0 controls but newline
_DANGEROUS += list(range(0x7F, 0xA0))  # DEL and the C1 controls (U+009B is a CSI)
_DANGEROUS += [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF]  # marks, separators, BOM
_DANGEROUS += list(range(0x202A, 0x202F))  # bidi embeddings and overrides
_DANGEROUS += list(range(0x2066, 0x206A))  # bidi isolates

_TABLE: dict[int, str] = {code: _visible(code) for code in _DANGEROUS}
_TABLE[0x09] = " "  # a tab is harmless but breaks layout: show it as a space


def inert(text: str) -> str:
    """Return *text* with every control, bidi and separator character made visible."""
    return text.translate(_TABLE)


def is_inert(text: str) -> bool:
    """True when *text* holds nothing :func:`inert` would change (used by tests)."""
    return not any(ord(ch) in _TABLE for ch in text)
