"""Gugus Tugas: regions with their task force; those without one stand out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models import TimeZone
from secretariat.agencies.regions import region_overview
from tests.ui.keyboard import retype
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
    retype(qtbot, dialog.decree_date, "2 Maret 2026")

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


def _add_region(qtbot, page, code: str, name: str, zone_index: int | None = None):
    page.add_button.click()
    dialog = page.region_dialog
    qtbot.keyClicks(dialog.code, code)
    dialog.name.setText(name)
    if zone_index is not None:
        dialog.time_zone.setCurrentIndex(zone_index)
    dialog.accept()
    return dialog


def test_a_new_database_says_where_to_begin_and_takes_a_province_then_its_kota(qtbot, context):
    page = _page(qtbot, context)
    assert page.proxy.rowCount() == 0
    assert "Belum ada wilayah" in page.summary.text() and "63" in page.summary.text()

    # A kota before its province is refused next to the code, with what was typed kept.
    early = _add_region(qtbot, page, "63.71", "Kota Banjarmasin")
    assert early.isVisible() and "provinsi 63" in early.form.error_text("code")
    assert early.name.text() == "Kota Banjarmasin"
    # The dialog grew for the two-line message: it has the height its text needs.
    message = early.form._fields["code"][1]
    wrapped = message.heightForWidth(message.width())
    assert message.height() >= wrapped > message.fontMetrics().height()
    early.reject()

    province = _add_region(qtbot, page, "63", "Kalimantan Selatan")  # WITA from the code
    assert not province.isVisible()
    kota = _add_region(qtbot, page, "63.71", "Kota Banjarmasin")  # zone: as its province
    assert not kota.isVisible()

    rows = {r.region.code: r for r in region_overview(context.db)}
    assert rows["63.71"].region.parent_id == rows["63"].region.id
    assert rows["63.71"].region.time_zone.value == "WITA"
    assert page.proxy.rowCount() == 2
    # The new region is selected: recording its task force is the next click.
    assert page.selected_row().region.code == "63.71"
    page.edit_selected()
    assert "Kota Banjarmasin" in page.dialog.windowTitle()
    page.dialog.reject()


@pytest.mark.parametrize(("code", "field"), [("6371", "code"), ("63.70", "code"), ("", "code")])
def test_a_wrong_code_is_explained_next_to_the_field(qtbot, context, code, field):
    page = _page(qtbot, context)
    dialog = _add_region(qtbot, page, code, "Nama")
    assert dialog.isVisible() and dialog.form.error_text(field)
    assert region_overview(context.db) == []


def test_the_same_code_twice_is_refused(qtbot, context):
    page = _page(qtbot, context)
    _add_region(qtbot, page, "63", "Kalimantan Selatan", zone_index=2)
    again = _add_region(qtbot, page, "63", "Kalsel", zone_index=2)
    assert again.isVisible() and "63" in again.form.error_text("code")
    assert len(region_overview(context.db)) == 1


def test_a_province_code_brings_its_name_and_time_zone_but_typed_names_stay(qtbot, context):
    page = _page(qtbot, context)
    page.add_button.click()
    dialog = page.region_dialog
    qtbot.keyClicks(dialog.code, "94")
    assert dialog.name.text() == "Papua Tengah"
    assert dialog.time_zone.currentData() == TimeZone.WIT
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "61")  # corrected: the filled name follows
    assert dialog.name.text() == "Kalimantan Barat"
    assert dialog.time_zone.currentData() == TimeZone.WIB
    dialog.name.setText("Prov. Kalbar")
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "63")
    assert dialog.name.text() == "Prov. Kalbar"  # the clerk's own typing is kept
    qtbot.keyClicks(dialog.code, ".71")
    assert dialog.time_zone.currentIndex() == 0  # a kota follows its province
    assert dialog.name.text() == "Prov. Kalbar"  # typed by the clerk: kept
    dialog.code.clear()
    dialog.name.clear()
    qtbot.keyClicks(dialog.code, "63.03")  # typed on past the province's code
    assert dialog.name.text() == ""  # not the province's name on a kabupaten
    dialog.reject()


def test_a_known_province_gets_its_time_zone_in_the_core_too(context):
    from secretariat.agencies.regions import RegionDraft, create_region

    create_region(context.db, RegionDraft("53", "Nusa Tenggara Timur"))
    assert region_overview(context.db)[0].region.time_zone == TimeZone.WITA


def test_before_any_agency_the_secretariat_choice_says_when_to_choose(qtbot, context):
    from secretariat.agencies.regions import RegionDraft, create_region

    create_region(context.db, RegionDraft("63", "Kalimantan Selatan"))
    page = _page(qtbot, context)
    page.table.selectRow(0)
    page.edit_selected()
    assert "instansi" in page.dialog.secretariat.itemText(0)
