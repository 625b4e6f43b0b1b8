"""``python -m orderintake.cli`` (the same as the ``orderintake`` command)."""

from . import main

main()
