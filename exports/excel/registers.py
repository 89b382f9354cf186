"""The agency directory and the meeting schedule as workbooks that print well.

Directory: one row per contact person with the agency's columns repeated, so that the
autofilter finds "all focal points of the police" or "everyone in Banjarbaru"; a second
sheet lists the memberships. Schedule: one row per meeting, dates as real dates.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from exports.excel.cells import Cells
from exports.excel.marking import mark_sheet, marked_title
from exports.excel.saving import save_workbook
from exports.excel.sheets import table_sheet
from exports.files import write_atomically
from secretariat.documents.registers import AgencyDirectory, MeetingSchedule

YES = "Ya"
DIRECTORY_HEADERS = ("Singkatan", "Instansi", "Sektor", "Tingkat", "Wilayah", "Alamat",
                     "Telepon Instansi", "Pos-el Instansi", "Narahubung", "Jabatan", "NIP",
                     "No. HP", "Pos-el", "Narahubung Utama", "Status")
DIRECTORY_WIDTHS = (16, 40, 16, 12, 20, 36, 16, 26, 26, 28, 20, 16, 26, 11, 10)
MEMBERSHIP_HEADERS = ("Gugus Tugas", "Singkatan", "Instansi", "Peran", "Sub Gugus Tugas",
                      "Ketua Sub Gugus", "Mulai", "Sampai")
MEMBERSHIP_WIDTHS = (36, 16, 40, 24, 28, 11, 16, 16)
SCHEDULE_HEADERS = ("No", "Hari", "Tanggal", "Waktu", "Jenis Rapat", "Acara", "Gugus Tugas",
                    "Tempat", "Nomor Undangan", "Pimpinan Rapat", "Notulis", "Status",
                    "Komitmen")
SCHEDULE_WIDTHS = (5, 9, 18, 18, 24, 44, 30, 32, 22, 24, 22, 16, 10)


# The contact person's own data: only in the full copy (the circulated one has none).
PERSONAL_HEADERS = ("NIP", "No. HP", "Pos-el")
PERSONAL_NOTE = ("salinan edaran: NIP, nomor HP dan pos-el pribadi narahubung tidak dimuat; "
                 "hubungi melalui telepon instansi")


def _directory_columns(directory: AgencyDirectory) -> list[int]:
    """The positions of DIRECTORY_HEADERS this copy writes."""
    return [index for index, heading in enumerate(DIRECTORY_HEADERS)
            if directory.personal or heading not in PERSONAL_HEADERS]


def _directory_rows(directory: AgencyDirectory):
    kept = _directory_columns(directory)

    def rows(cells: Cells):
        text = cells.text
        for line in directory.lines:
            row = [text(line.abbreviation, wrap=False), text(line.agency), text(line.sector),
                   text(line.level), text(line.region), text(line.address),
                   text(line.agency_phone, wrap=False), text(line.agency_email, wrap=False),
                   text(line.contact), text(line.position), text(line.nip, wrap=False),
                   text(line.phone, wrap=False), text(line.email, wrap=False),
                   text(YES if line.focal_point else ""),
                   text("Aktif" if line.active else "Diarsipkan", wrap=False)]
            yield [row[index] for index in kept]
    return rows


def _membership_rows(directory: AgencyDirectory):
    def rows(cells: Cells):
        for seat in directory.memberships:
            yield [cells.text(seat.task_force), cells.text(seat.abbreviation, wrap=False),
                   cells.text(seat.agency), cells.text(seat.role), cells.text(seat.sub_task_force),
                   cells.text(YES if seat.leads_sub_task_force else ""),
                   cells.date(seat.start_date), cells.date(seat.end_date)]
    return rows


def write_agency_directory(directory: AgencyDirectory, target: Path) -> Path:
    paper = directory.letterhead.paper_size
    classification = directory.classification
    titles = (marked_title(directory.title, classification), directory.letterhead.agency_line,
              "; ".join(part for part in (f"keadaan per {directory.printed_on}",
                                          "" if directory.personal else PERSONAL_NOTE) if part))
    kept = _directory_columns(directory)

    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        sheet = table_sheet(workbook, "Direktori Instansi", titles=titles,
                            headers=[DIRECTORY_HEADERS[index] for index in kept],
                            widths=[DIRECTORY_WIDTHS[index] for index in kept],
                            rows=_directory_rows(directory), paper=paper)
        mark_sheet(sheet, classification)
        sheet = table_sheet(workbook, "Keanggotaan", titles=titles, headers=MEMBERSHIP_HEADERS,
                            widths=MEMBERSHIP_WIDTHS, rows=_membership_rows(directory),
                            paper=paper)
        mark_sheet(sheet, classification)
        save_workbook(workbook, stream)

    return write_atomically(target, write)


def write_meeting_schedule(schedule: MeetingSchedule, target: Path) -> Path:
    def rows(cells: Cells):
        for number, line in enumerate(schedule.lines, start=1):
            yield [cells.number(number), cells.text(line.weekday, wrap=False),
                   cells.date(line.date), cells.text(line.time_span, wrap=False),
                   cells.text(line.kind), cells.text(line.title), cells.text(line.task_force),
                   cells.text(line.place), cells.text(line.invitation_number),
                   cells.text(line.chair), cells.text(line.note_taker),
                   cells.text(line.status), cells.number(line.commitments)]

    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        table_sheet(workbook, "Jadwal Rapat", titles=(
            schedule.title, schedule.subtitle, f"keadaan per {schedule.printed_on}"),
            headers=SCHEDULE_HEADERS, widths=SCHEDULE_WIDTHS, rows=rows,
            paper=schedule.letterhead.paper_size)
        save_workbook(workbook, stream)

    return write_atomically(target, write)
