"""A contact person: the first of an agency is its focal point; Polri/TNI have an NRP."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models import AgencyLevel
from secretariat.agencies.contacts import ContactDraft, add_contact, list_contacts
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.documents.signer import Signer, check_signer
from ui.agencies_page import AgenciesPage


def _page(qtbot, context, abbreviation: str) -> tuple[AgenciesPage, int]:
    agency_id = create_agency(context.db, AgencyDraft(
        name=f"Instansi {abbreviation}", abbreviation=abbreviation,
        level=AgencyLevel.PROVINCE))
    page = AgenciesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_agency(agency_id)
    return page, agency_id


def _type_contact(qtbot, page, name: str, **fields: str) -> None:
    page.add_contact()
    qtbot.keyClicks(page.dialog.name, name)
    for field, value in fields.items():
        qtbot.keyClicks(getattr(page.dialog, field), value)


def test_the_first_contact_is_the_focal_point_unless_unticked(qtbot, context):
    page, agency_id = _page(qtbot, context, "Polda Uji")
    _type_contact(qtbot, page, "AKBP Rudi Hartono", position="Kasubdit IV Renakta")
    assert page.dialog.focal_point.isChecked(), "the first contact is ticked already"
    page.dialog.accept()

    _type_contact(qtbot, page, "Bripka Ani")
    assert not page.dialog.focal_point.isChecked(), "the second is not"
    page.dialog.accept()
    assert [(c.name, c.focal_point) for c in list_contacts(context.db, agency_id)] == [
        ("AKBP Rudi Hartono", True), ("Bripka Ani", False)]
    focal_column = next(column for column in range(page.contacts.columnCount())
                        if page.contacts.headerData(column, Qt.Orientation.Horizontal)
                        == "Narahubung utama")
    assert page.contacts.index(0, focal_column).data() == "✓"

    # Naming another focal point unticks the first: invitations go to one person.
    _type_contact(qtbot, page, "Kompol Dewi")
    qtbot.mouseClick(page.dialog.focal_point, Qt.MouseButton.LeftButton)
    page.dialog.accept()
    assert {c.name for c in list_contacts(context.db, agency_id) if c.focal_point} == {
        "Kompol Dewi"}


def test_an_unticked_first_contact_stays_unticked(qtbot, context):
    page, agency_id = _page(qtbot, context, "LSM Uji")
    _type_contact(qtbot, page, "Relawan")
    qtbot.mouseClick(page.dialog.focal_point, Qt.MouseButton.LeftButton)
    page.dialog.accept()
    assert not list_contacts(context.db, agency_id)[0].focal_point


def test_the_core_makes_the_first_contact_the_focal_point(db):
    agency_id = create_agency(db, AgencyDraft(name="Dinas Sosial", abbreviation="Dinsos",
                                              level=AgencyLevel.PROVINCE))
    add_contact(db, ContactDraft(agency_id, "Siti Nuriyani"))
    add_contact(db, ContactDraft(agency_id, "Rahmat"))
    assert [(c.name, c.focal_point) for c in list_contacts(db, agency_id)] == [
        ("Siti Nuriyani", True), ("Rahmat", False)]


def test_an_nrp_has_8_digits_and_stands_instead_of_the_nip(qtbot, context):
    page, agency_id = _page(qtbot, context, "Korem Uji")
    _type_contact(qtbot, page, "Mayor Inf Bambang", nrp="1234 567")
    page.dialog.accept()
    assert page.dialog.isVisible()
    assert page.dialog.form.error_text("nrp") == "NRP (Polri/TNI) terdiri atas 8 angka."

    qtbot.keyClicks(page.dialog.nrp, "8")
    qtbot.keyClicks(page.dialog.nip, "19660824 198903 1 007")
    page.dialog.accept()
    assert page.dialog.isVisible() and "tidak keduanya" in page.dialog.form.error_text("nrp")

    page.dialog.nip.clear()
    page.dialog.accept()
    assert not page.dialog.isVisible()
    (contact,) = list_contacts(context.db, agency_id)
    assert (contact.nip, contact.nrp) == ("", "12345678")
    shown = [page.contacts.index(0, column).data()
             for column in range(page.contacts.columnCount())]
    assert "NRP 12345678" in shown


def test_the_signature_block_prints_an_nrp_as_nrp():
    police = check_signer(Signer("Drs. Rudi Hartono", "Kepala Kepolisian Daerah", "Brigjen Pol",
                                 nrp="65080123"))
    assert police.id_line() == "NRP 65080123"
    civil = check_signer(Signer("Husnul Hatimah", "Kepala Dinas", nip="196608241989031007"))
    assert civil.id_line() == "NIP. 196608241989031007"
