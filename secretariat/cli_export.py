"""`secretariat export ...`: official documents written from the command line."""

from __future__ import annotations

from pathlib import Path

from secretariat.errors import ValidationError
from secretariat.i18n import _
from secretariat.reports import attendance_sheet, minutes_report


def run_export(db, args) -> int:
    # The writers live in `exports`, which builds on this package; import them on use.
    target = Path(args.output).expanduser().resolve()
    if target.suffix.lower() != ".pdf":
        raise ValidationError(_("This document is written as PDF: give a file name ending "
                                "in .pdf."))
    if args.document == "minutes":
        from exports.pdf.minutes import write_minutes

        report = minutes_report(db, args.meeting,
                                include_confidential=not args.without_confidential)
        write_minutes(report, target)
    else:
        from exports.pdf.attendance import write_attendance

        write_attendance(attendance_sheet(db, args.meeting, blank=args.blank), target)
    print(_("Written to {path}.").format(path=target))
    return 0
