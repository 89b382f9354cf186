"""`secretariat import agencies FILE`: a register kept in a spreadsheet, brought in."""

from __future__ import annotations

import sys
from pathlib import Path

from secretariat.agency_import import COLUMNS, REQUIRED, ImportRefused, import_agencies
from secretariat.agency_import import summary
from secretariat.i18n import _


def run_import(db, args) -> int:
    # The reader lives in `exports`, which builds on this package; import it on use.
    from exports.excel.reading import read_table

    lines = read_table(Path(args.file).expanduser(), COLUMNS, required=REQUIRED)
    try:
        outcome = import_agencies(db, lines, trial=args.trial)
    except ImportRefused as refused:
        for problem in refused.problems:
            print(_("Row {row}: {message}").format(row=problem.row, message=problem.message),
                  file=sys.stderr)
        raise
    print(summary(outcome))
    return 0
