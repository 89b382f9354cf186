"""Gugus Tugas: regions with their task force; those without one stand out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from secretariat.regions import region_overview
from ui.task_forces_page import NOT_FORMED, TaskForcesPage


def _page(qtbot, context) -> TaskForcesPage:
    page = TaskForcesPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _row_of(page, region_name: str) -> int:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 1).data() == region_name:
            return row
    raise AssertionError(f"{region_name} not shown")


def test_regions_without_a_task_force_stand_out(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    row = _row_of(page, "Kabupaten Balangan")
    assert page.proxy.index(row, 3).data() == "Belum dibentuk"
    assert page.proxy.index(row, 3).data(Qt.ItemDataRole.BackgroundRole).color() == NOT_FORMED
    formed = _row_of(page, "Kalimantan Selatan")
    assert page.proxy.index(formed, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "belum membentuk" in page.summary.text()

    page.only_not_formed.setChecked(True)
    shown = {page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())}
    assert {"Kabupaten Balangan", "Kabupaten Tapin"} <= shown
    assert "Kalimantan Selatan" not in shown


def test_recording_a_decree_forms_the_task_force(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.selectRow(_row_of(page, "Kabupaten Balangan"))
    page.edit_selected()
    dialog = page.dialog
    dialog.decree_number.setText("188.45/123/2026")
    dialog.decree_date.setDate(date(2026, 3, 2))

    dialog.accept()

    assert dialog.result() == dialog.DialogCode.Accepted
    balangan = next(r for r in region_overview(demo_context.db)
                    if r.region.name == "Kabupaten Balangan")
    assert balangan.formed and balangan.task_force.decree_number == "188.45/123/2026"
    row = _row_of(page, "Kabupaten Balangan")
    assert page.proxy.index(row, 4).data() == "188.45/123/2026"


def test_a_formed_task_force_without_decree_is_refused_next_to_the_field(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.selectRow(_row_of(page, "Kabupaten Balangan"))
    page.edit_selected()
    dialog = page.dialog

    dialog.accept()  # "formed" is ticked but no decree number

    assert dialog.isVisible()
    assert "SK" in dialog.form.error_text("decree_number")
