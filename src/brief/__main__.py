"""``python -m brief``."""

from .cli.entry import main

main()
