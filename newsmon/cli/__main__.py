"""``python -m newsmon.cli``: the same as the ``newsmon`` command."""

from . import main

main()
