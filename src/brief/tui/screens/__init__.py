"""The TUI's screens. Only :class:`BrowseScreen` is imported at start-up; the rest on demand."""
