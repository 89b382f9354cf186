"""Memulai: a new database's home page lists the setup steps, ticks them and opens each page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QPushButton

from models import AgencyLevel, TimeZone
from secretariat.agencies.contacts import MembershipDraft, add_membership
from secretariat.agencies.regions import (
    RegionDraft,
    TaskForceDraft,
    create_region,
    create_task_force,
    list_task_forces,
)
from secretariat.agencies.register import AgencyDraft, create_agency
from secretariat.documents.letterhead import get_letterhead, save_letterhead
from ui.getting_started import DONE_MARK
from ui.home_page import HomePage


def _home(qtbot, context) -> HomePage:
    page = HomePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_a_new_database_shows_every_step_to_do_and_each_button_opens_its_page(qtbot, context):
    page = _home(qtbot, context)
    guide = page.getting_started
    assert guide.isVisible() and guide.title() == "Memulai"
    assert [guide.marks[key].text() for key in guide.marks] == ["1.", "2.", "3.", "4."]
    assert "kode Kemendagri" in guide.texts["task_force"].text()

    for key, page_key in (("task_force", "task_forces"), ("letterhead", "settings"),
                          ("agencies", "agencies"), ("meeting", "meetings")):
        guide.buttons[key].click()
        assert context.navigator.opened[-1] == ("page", page_key)


def test_steps_are_ticked_as_they_are_done(qtbot, context):
    page = _home(qtbot, context)
    guide = page.getting_started
    province = create_region(context.db, RegionDraft("63", "Kalimantan Selatan", TimeZone.WITA))
    create_task_force(context.db, TaskForceDraft(province, "GT PP-TPPO Kalimantan Selatan"))
    context.changes.announce("task_forces")
    assert guide.is_done("task_force") and not guide.is_done("agencies")
    assert guide.marks["task_force"].text() == DONE_MARK

    save_letterhead(context.db, replace(get_letterhead(context.db),
                                        agency_line="DINAS PPPA PROVINSI KALIMANTAN SELATAN"))
    dinsos = create_agency(context.db, AgencyDraft("Dinas Sosial", "Dinsos",
                                                   AgencyLevel.PROVINCE))
    context.changes.announce("letterhead", "agencies")
    assert guide.is_done("letterhead")
    # Registered is not yet a member: inviting the members needs their seats.
    assert not guide.is_done("agencies")
    add_membership(context.db, MembershipDraft(
        list_task_forces(context.db)[0].id, dinsos, "Anggota"))
    context.changes.announce("agencies")
    assert guide.is_done("agencies")
    assert guide.isVisible()  # the rakor is still to be scheduled


def test_the_demo_needs_no_guide(qtbot, demo_context):
    assert not _home(qtbot, demo_context).getting_started.isVisible()


def test_hidden_by_the_clerk_it_stays_hidden(qtbot, context):
    page = _home(qtbot, context)
    hide = next(button for button in page.getting_started.findChildren(QPushButton)
                if button.text() == "Sembunyikan panduan ini")
    hide.click()
    assert not page.getting_started.isVisible()
    assert not _home(qtbot, context).getting_started.isVisible()  # the next start too
