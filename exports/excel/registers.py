"""The agency directory and the meeting schedule as workbooks that print well.

Directory: one row per contact person with the agency's columns repeated, so that the
autofilter finds "all focal points of the police" or "everyone in Banjarbaru"; a second
sheet lists the memberships. Schedule: one row per meeting, dates as real dates, the
meeting's title under "Nama Rapat" and its agenda under "Acara".

Each table starts with the columns that are printed (what a clerk phones from, what a
schedule pinned on the wall says); the rest follow on screen, outside the print area.
The NIP (or a Polri/TNI member's NRP) stays off paper: personal data printed only where
needed (UU 27/2022).
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
DIRECTORY_COLUMNS = (  # (heading, width); the first DIRECTORY_PRINTED are printed
    ("Singkatan", 14), ("Instansi", 34), ("Narahubung", 24), ("Jabatan", 24),
    ("No. HP", 16), ("Pos-el", 26), ("Telepon Instansi", 16),
    ("Pos-el Instansi", 26), ("Alamat", 36), ("Wilayah", 20), ("Sektor", 16), ("Tingkat", 12),
    ("NIP", 20), ("NRP", 11), ("Narahubung Utama", 11), ("Status", 10),
)
DIRECTORY_PRINTED = 7
MEMBERSHIP_COLUMNS = (
    ("Gugus Tugas", 28), ("Singkatan", 13), ("Instansi", 32), ("Peran", 22),
    ("Sub Gugus Tugas", 22), ("Ketua Sub Gugus", 10), ("Mulai", 17), ("Sampai", 17),
)
SCHEDULE_COLUMNS = (
    ("No", 5), ("Hari", 8), ("Tanggal", 17), ("Waktu", 16), ("Jenis Rapat", 16),
    ("Nama Rapat", 38), ("Tempat", 24), ("Pimpinan Rapat", 22), ("Status", 14),
    ("Acara", 50), ("Gugus Tugas", 30), ("Nomor Undangan", 22), ("Notulis", 22),
    ("Komitmen", 10),
)
SCHEDULE_PRINTED = 9


def _table(columns) -> dict:
    return dict(headers=tuple(heading for heading, _width in columns),
                widths=tuple(width for _heading, width in columns))


# The contact person's own data: only in the full copy (the circulated one has none).
PERSONAL_HEADERS = ("NIP", "NRP", "No. HP", "Pos-el")
PERSONAL_NOTE = ("salinan edaran: NIP, nomor HP dan pos-el pribadi narahubung tidak dimuat; "
                 "hubungi melalui telepon instansi")


def _directory_columns(directory: AgencyDirectory) -> list[int]:
    """The positions of DIRECTORY_COLUMNS this copy writes."""
    return [index for index, (heading, _width) in enumerate(DIRECTORY_COLUMNS)
            if directory.personal or heading not in PERSONAL_HEADERS]


def _directory_rows(directory: AgencyDirectory):
    kept = _directory_columns(directory)

    def rows(cells: Cells):
        text = cells.text
        for line in directory.lines:
            row = [text(line.abbreviation), text(line.agency), text(line.contact),
                   text(line.position), text(line.phone), text(line.email),
                   text(line.agency_phone), text(line.agency_email), text(line.address),
                   text(line.region), text(line.sector), text(line.level),
                   text(line.nip, wrap=False), text(line.nrp, wrap=False),
                   text(YES if line.focal_point else ""),
                   text("Aktif" if line.active else "Diarsipkan", wrap=False)]
            yield [row[index] for index in kept]
    return rows


def _membership_rows(directory: AgencyDirectory):
    def rows(cells: Cells):
        for seat in directory.memberships:
            yield [cells.text(seat.task_force), cells.text(seat.abbreviation),
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
        columns = [DIRECTORY_COLUMNS[index] for index in kept]
        printed = sum(1 for index in kept if index < DIRECTORY_PRINTED)
        sheet = table_sheet(workbook, "Direktori Instansi", titles=titles,
                            rows=_directory_rows(directory), paper=paper, printed=printed,
                            **_table(columns))
        mark_sheet(sheet, classification)
        sheet = table_sheet(workbook, "Keanggotaan", titles=titles,
                            rows=_membership_rows(directory), paper=paper,
                            **_table(MEMBERSHIP_COLUMNS))
        mark_sheet(sheet, classification)
        save_workbook(workbook, stream)

    return write_atomically(target, write)


def write_meeting_schedule(schedule: MeetingSchedule, target: Path) -> Path:
    def rows(cells: Cells):
        for number, line in enumerate(schedule.lines, start=1):
            yield [cells.number(number), cells.text(line.weekday, wrap=False),
                   cells.date(line.date), cells.text(line.time_span), cells.text(line.kind),
                   cells.text(line.title), cells.text(line.place), cells.text(line.chair),
                   cells.text(line.status), cells.text(line.agenda),
                   cells.text(line.task_force), cells.text(line.invitation_number),
                   cells.text(line.note_taker), cells.number(line.commitments)]

    def write(stream: BinaryIO) -> None:
        workbook = Workbook(write_only=True)
        table_sheet(workbook, "Jadwal Rapat", titles=(
            schedule.title, schedule.subtitle, f"keadaan per {schedule.printed_on}"),
            rows=rows, paper=schedule.letterhead.paper_size, printed=SCHEDULE_PRINTED,
            **_table(SCHEDULE_COLUMNS))
        save_workbook(workbook, stream)

    return write_atomically(target, write)
