"""Composition root: `python -m secretariat` is the `secretariat` command."""

import sys

from secretariat.cli.main import main

sys.exit(main())
