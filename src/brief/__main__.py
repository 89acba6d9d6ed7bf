"""``python -m brief``."""

from .start import main

main()
