"""`secretariat export ...`: official documents written from the command line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from secretariat.documents.minutes_and_attendance import (
    DEFAULT_BLANK_ROWS,
    attendance_document,
    minutes_report,
)
from secretariat.errors import ValidationError
from secretariat.file_targets import typed_target
from secretariat.i18n import _


def run_export(db, args) -> int:
    # The writers live in `exports`, which builds on this package; import them on use.
    target = typed_target(args.output)
    if args.document == "actions":
        return _export_actions(db, args, target)
    if args.document == "progress":
        return _export_progress(db, args, target)
    if args.document in ("agencies", "meetings"):
        return _export_register(db, args, target)
    if target.suffix.lower() != ".pdf":
        raise ValidationError(_("This document is written as PDF: give a file name ending "
                                "in .pdf."))
    if args.document == "invitation":
        _export_invitation(db, args, target)
    elif args.document == "minutes":
        from exports.files import write_bytes_atomically
        from exports.pdf.minutes import write_minutes
        from secretariat.documents.minutes_archive import archived_minutes

        full = args.with_confidential  # else the circulated copy, as on the Laporan page
        kept = archived_minutes(db, args.meeting, circulated=not full)
        if kept is not None:  # final minutes: the very document that was signed
            write_bytes_atomically(target, kept.content)
        else:
            write_minutes(minutes_report(db, args.meeting, full=full), target)
    elif args.document == "joint-commitment":
        from exports.pdf.joint_commitment import write_joint_commitment
        from secretariat.documents.joint_commitment import joint_commitment

        write_joint_commitment(joint_commitment(db, args.meeting, full=args.with_confidential),
                               target)
    else:
        _export_attendance(db, args, target)
    print(_("Written to {path}.").format(path=target))
    return 0


def _export_invitation(db, args, target: Path) -> None:
    from exports.pdf.invitation import write_invitation
    from secretariat.documents.signer import Signer, on_behalf_suggestion
    from secretariat.meetings.invitations import invitation_defaults, invitation_letter

    start = invitation_defaults(db, args.meeting, letter_date=args.date or date.today())
    draft = replace(start.draft, nature=args.nature)
    named = {name: value for name in ("name", "position", "rank", "nip")
             if (value := getattr(args, f"signer_{name}")) is not None}
    if named:  # someone other than the head signs: nothing of the head's is kept
        draft = replace(draft, signer=replace(Signer(), **named))
    if args.on_behalf_of and not args.signer_form:
        raise ValidationError(_("--on-behalf-of goes with --signer-form (a.n., u.b., Plt. or "
                                "Plh.)."))
    if args.signer_form:
        behalf = args.on_behalf_of or on_behalf_suggestion(
            args.signer_form, task_force=start.task_force, head=start.head)
        draft = replace(draft, signer=replace(draft.signer, form=args.signer_form,
                                              on_behalf_of=behalf))
    if args.tembusan or args.no_tembusan:
        draft = replace(draft, carbon_copies="\n".join(args.tembusan or ()))
    write_invitation(invitation_letter(db, args.meeting, draft), target)


def _export_attendance(db, args, target: Path) -> None:
    from exports.pdf.attendance import write_attendance

    if args.blank_rows is not None and not args.blank:
        raise ValidationError(_("Blank rows are for the sheet signed at the door: add "
                                "--blank."), field="blank_rows")
    rows = DEFAULT_BLANK_ROWS if args.blank_rows is None else args.blank_rows
    sheet = attendance_document(db, args.meeting, blank=args.blank, blank_rows=rows,
                                full_copy=args.with_confidential)
    write_attendance(sheet, target)


def _pdf_or_excel(target: Path, document: str) -> str:
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(_("{document} is written as PDF or Excel: give a file name ending "
                                "in .pdf or .xlsx.").format(document=document))
    return suffix


def _export_progress(db, args, target: Path) -> int:
    from datetime import date

    from secretariat.commitments.progress import default_report_year
    from secretariat.documents.progress_report import progress_report, report_task_force

    suffix = _pdf_or_excel(target, _("The progress report"))
    task_force = report_task_force(db, args.task_force)
    # Without --year, the year the Perkembangan page opens on, not an empty new year.
    year = args.year or default_report_year(db, task_force, date.today())
    report = progress_report(db, task_force, date(year, 1, 1), date(year, 12, 31),
                             full=args.with_confidential)
    if suffix == ".pdf":
        from exports.pdf.progress import write_progress_pdf

        write_progress_pdf(report, target)
    else:
        from exports.excel.progress import write_progress_workbook

        write_progress_workbook(report, target)
    print(_("Written to {path}.").format(path=target))
    return 0


def _export_register(db, args, target: Path) -> int:
    from exports.excel.registers import write_agency_directory, write_meeting_schedule
    from secretariat.documents.progress_report import report_task_force
    from secretariat.documents.registers import agency_directory, meeting_schedule

    if target.suffix.lower() != ".xlsx":
        raise ValidationError(_("This register is written as Excel: give a file name ending "
                                "in .xlsx."))
    if args.document == "agencies":
        write_agency_directory(agency_directory(db, include_archived=args.all,
                                                full=args.with_confidential), target)
    else:
        # One task force's schedule under its kop, as the matrix and the progress report.
        task_force = report_task_force(db, args.task_force)
        write_meeting_schedule(meeting_schedule(db, year=args.year, task_force_id=task_force,
                                                with_regencies=args.with_regencies), target)
    print(_("Written to {path}.").format(path=target))
    return 0


def _export_actions(db, args, target: Path) -> int:
    from datetime import date

    from secretariat.cli.listing import commitment_filter
    from secretariat.documents.action_matrix import Grouping, action_matrix, matrix_scope

    suffix = _pdf_or_excel(target, _("The action matrix"))
    flt = replace(commitment_filter(db, args), open_only=args.open)
    if args.year is not None:
        flt = replace(flt, agreed_from=date(args.year, 1, 1), agreed_to=date(args.year, 12, 31))
    flt = matrix_scope(db, flt, args.task_force, with_regencies=args.with_regencies)
    matrix = action_matrix(db, flt, grouping=Grouping(args.group), full=args.with_confidential)
    if suffix == ".pdf":
        from exports.pdf.matrix import write_matrix_pdf

        write_matrix_pdf(matrix, target)
    else:
        from exports.excel.matrix import write_matrix_workbook

        write_matrix_workbook(matrix, target)
    print(_("Written to {path}.").format(path=target))
    return 0
