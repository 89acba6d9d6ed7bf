"""``brief tui``: a Textual browser over the same views the CLI prints.

Only this package imports textual, and the CLI imports it only inside the ``tui``
command. Start it with :class:`brief.tui.app.BriefApp`.
"""
