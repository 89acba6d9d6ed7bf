"""The TUI's widgets: pages of blocks and links, the sidebar, the find bar, the title bar,
the key bar."""

from .blocks import Block, Jump
from .findbar import FindBar
from .keybar import KeyBar
from .pages import briefing_page, comparison_page, gone_page
from .pane import Page, Pane
from .sidebar import Sidebar
from .titlebar import TitleBar

__all__ = [
    "Block",
    "FindBar",
    "Jump",
    "KeyBar",
    "Page",
    "Pane",
    "Sidebar",
    "TitleBar",
    "briefing_page",
    "comparison_page",
    "gone_page",
]
