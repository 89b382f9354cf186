"""Instansi: the register with its filters, contacts and seats; archive, not delete."""

from __future__ import annotations

from models import AgencyLevel
from secretariat.agencies.contacts import list_contacts
from secretariat.agencies.register import find_agency_by_abbreviation, list_agencies
from ui.agencies_page import AgenciesPage


def _page(qtbot, context) -> AgenciesPage:
    page = AgenciesPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _abbreviations(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_filters_by_text_level_and_archived(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert len(_abbreviations(page)) == len(list_agencies(demo_context.db))
    page.filter_box.setText("imigrasi")
    assert _abbreviations(page) == ["Kanwil Imigrasi Kalsel"]
    page.filter_box.clear()
    page.level.setCurrentIndex(page.level.findData(AgencyLevel.COMMUNITY))
    shown = _abbreviations(page)
    assert shown and all(page.proxy.index(r, 3).data() == "Masyarakat"
                         for r in range(len(shown)))


def test_a_new_agency_keeps_hostile_text_and_a_duplicate_is_refused(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.add_new()
    dialog = page.dialog
    dialog.name.setText("<b>LSM & Mitra</b> =1+1")
    dialog.abbreviation.setText("Polda Kalsel")
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("abbreviation")

    dialog.abbreviation.setText("LSM Mitra")
    dialog.accept()
    assert not dialog.isVisible()
    created = find_agency_by_abbreviation(demo_context.db, "LSM Mitra")
    assert created.name == "<b>LSM & Mitra</b> =1+1"
    page.filter_box.setText("LSM Mitra")
    assert page.proxy.index(0, 1).data() == "<b>LSM & Mitra</b> =1+1"


def test_an_agency_with_history_is_archived_not_deleted(qtbot, demo_context, messages):
    page = _page(qtbot, demo_context)
    polda = find_agency_by_abbreviation(demo_context.db, "Polda Kalsel")
    page.show_agency(polda.id)
    page.delete_selected()
    assert find_agency_by_abbreviation(demo_context.db, "Polda Kalsel") is not None
    assert messages.texts("warning"), "the core's refusal is shown"

    page.archive_or_restore()
    assert not find_agency_by_abbreviation(demo_context.db, "Polda Kalsel").active
    assert "Polda Kalsel" not in _abbreviations(page)
    page.show_agency(polda.id)  # shows archived ones to find it
    assert page.archive_button.text() == "Pulihkan"
    page.archive_or_restore()
    assert find_agency_by_abbreviation(demo_context.db, "Polda Kalsel").active


def test_an_agency_entered_by_mistake_is_deleted(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.add_new()
    page.dialog.name.setText("Lembaga Uji")
    page.dialog.abbreviation.setText("LU")
    page.dialog.accept()
    page.show_agency(find_agency_by_abbreviation(demo_context.db, "LU").id)
    page.delete_selected()
    assert find_agency_by_abbreviation(demo_context.db, "LU") is None


def test_contacts_and_seats_show_in_the_detail(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    dinsos = find_agency_by_abbreviation(demo_context.db, "Dinsos Kalsel")
    page.show_agency(dinsos.id)
    assert page.detail_title.text().startswith("Dinsos Kalsel")
    page.add_contact()
    page.dialog.name.setText("Siti Nuriyani")
    page.dialog.position.setText("Kepala Dinas Sosial")
    page.dialog.accept()
    assert "Siti Nuriyani" in [c.name for c in list_contacts(demo_context.db, dinsos.id)]
    assert "Siti Nuriyani" in [page.contacts.index(r, 0).data()
                               for r in range(page.contacts.rowCount())]
    seats_before = page.seats.rowCount()
    page.add_seat()
    page.dialog.task_force.setCurrentIndex(page.dialog.task_force.findText(
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Timur"))
    page.dialog.accept()
    assert page.seats.rowCount() == seats_before + 1


def test_a_new_agency_starts_at_the_level_most_members_are(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.add_new()
    assert AgencyLevel(page.dialog.level.currentData()) is AgencyLevel.PROVINCE  # a province demo


def _register(path, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DAFTAR ANGGOTA GUGUS TUGAS"])
    sheet.append(["Singkatan", "Nama Instansi", "Tingkat", "Narahubung", "No. HP"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def test_a_register_in_a_workbook_is_imported_after_a_trial_and_a_question(
        qtbot, demo_context, messages, tmp_path):
    page = _page(qtbot, demo_context)
    before = len(_abbreviations(page))
    page.importer.ask_source = lambda: _register(tmp_path / "anggota.xlsx", [
        ["Polda Kalsel", "Kepolisian Daerah Kalimantan Selatan", "Provinsi", "Kompol Ani", ""],
        ["PKBI Kalsel", "Perkumpulan Keluarga Berencana Indonesia Kalsel", "Masyarakat",
         "Rahmah", "0812-1111-2222"]])

    page.import_button.click()

    (question,) = messages.texts("question")
    assert "1 instansi baru" in question and "1 instansi sudah terdaftar" in question
    assert _abbreviations(page).count("PKBI Kalsel") == 1
    assert len(_abbreviations(page)) == before + 1
    pkbi = find_agency_by_abbreviation(demo_context.db, "PKBI Kalsel")
    assert [c.name for c in list_contacts(demo_context.db, pkbi.id)] == ["Rahmah"]


def test_a_register_with_a_bad_line_is_refused_by_row_and_nothing_changes(
        qtbot, demo_context, messages, tmp_path):
    page = _page(qtbot, demo_context)
    before = len(list_agencies(demo_context.db))
    page.importer.ask_source = lambda: _register(tmp_path / "anggota.xlsx", [
        ["PKBI Kalsel", "Perkumpulan Keluarga Berencana Indonesia Kalsel", "", "", ""],
        ["", "Tanpa Singkatan", "", "", ""]])

    page.import_button.click()

    (warning,) = messages.texts("warning")
    assert "Baris 4" in warning and messages.texts("question") == []
    assert len(list_agencies(demo_context.db)) == before


def test_several_selected_agencies_get_the_same_seat_in_one_step(qtbot, demo_context):
    from PySide6.QtCore import QItemSelectionModel

    from secretariat.agencies.contacts import list_memberships
    from secretariat.agencies.regions import list_task_forces

    page = _page(qtbot, demo_context)
    kaltim = next(tf for tf in list_task_forces(demo_context.db)
                  if tf.name.endswith("Kalimantan Timur"))
    before = {seat.agency_id for seat in list_memberships(demo_context.db, kaltim.id)}
    selection = page.table.selectionModel()
    for row in range(3):
        selection.select(page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    chosen = {agency.id for agency in page.selected_agencies()}
    assert len(chosen) == 3
    assert "3 instansi" in page.add_seat_button.text()  # the button says it seats all three

    page.add_seat()
    assert not page.dialog.leads.isEnabled()  # one agency leads a sub task force, not three
    page.dialog.task_force.setCurrentIndex(page.dialog.task_force.findData(kaltim.id))
    page.dialog.accept()

    after = {seat.agency_id for seat in list_memberships(demo_context.db, kaltim.id)}
    assert after == before | chosen
