"""`secretariat import agencies|commitments FILE`: a register kept in a spreadsheet."""

from __future__ import annotations

import sys
from pathlib import Path

from secretariat.agencies import workbook_import as agency_import
from secretariat.commitments import workbook_import as commitment_import
from secretariat.i18n import _
from secretariat.importing import ImportRefused


def run_import(db, args) -> int:
    # The reader lives in `exports`, which builds on this package; import it on use.
    from exports.excel.reading import read_table

    path = Path(args.file).expanduser()
    kind = agency_import if args.register == "agencies" else commitment_import
    lines = read_table(path, kind.COLUMNS, required=kind.REQUIRED)
    outcome: agency_import.ImportOutcome | commitment_import.CommitmentImport
    try:
        if kind is agency_import:
            outcome = agency_import.import_agencies(db, lines, trial=args.trial)
        else:
            outcome = commitment_import.import_commitments(
                db, args.meeting, lines, source=path.name, trial=args.trial)
    except ImportRefused as refused:
        for problem in refused.problems:
            print(_("Row {row}: {message}").format(row=problem.row, message=problem.message),
                  file=sys.stderr)
        raise
    print(kind.summary(outcome))
    return 0
