"""Composition root: `python -m secretariat` is the `secretariat` command."""

import sys

from secretariat.cli import main

sys.exit(main())
