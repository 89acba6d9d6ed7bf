"""brief: terminal briefings from a corpus of structured, source-cited topic notes."""

# A constant, not importlib.metadata: reading metadata costs ~25 ms at start-up.
# The build reads this line too (pyproject.toml, [tool.hatch.version]).
__version__ = "0.2.0"
