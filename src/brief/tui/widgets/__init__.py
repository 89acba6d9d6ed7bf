"""The TUI's widgets: pages of blocks and links, the sidebar, the find bar."""

from .blocks import Block, Jump
from .findbar import FindBar
from .pages import briefing_page, comparison_page, gone_page
from .pane import Page, Pane
from .sidebar import Sidebar

__all__ = [
    "Block",
    "FindBar",
    "Jump",
    "Page",
    "Pane",
    "Sidebar",
    "briefing_page",
    "comparison_page",
    "gone_page",
]
