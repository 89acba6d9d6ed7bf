"""``python -m brief``."""

from .entry import main

main()
