"""Contact people of the agencies, and the agencies' seats in task forces."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_agency, make_meeting, make_province, make_task_force, version_of

from models import Agency, AttendanceStatus, Membership, SubTaskForce
from secretariat.agencies.contacts import (
    ContactDraft,
    MembershipDraft,
    add_contact,
    add_membership,
    list_contacts,
    list_memberships,
    remove_contact,
    remove_membership,
    update_contact,
    update_membership,
)
from secretariat.agencies.register import archive_agency
from secretariat.commitments.catalog import list_entries
from secretariat.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from secretariat.meetings.attendance import AttendanceDraft, add_attendance, list_attendance

NIP = "198001012005011001"  # 18 digits: birth date, appointment, sex, sequence


@pytest.fixture
def dinsos(db):
    return make_agency(db, "Dinsos", name="Dinas Sosial Provinsi Kalimantan Selatan")


def _contact(agency_id, **kw) -> ContactDraft:
    values = dict(agency_id=agency_id, name="Siti Nuriyani", position="Kepala Dinas",
                  rank="Pembina Utama Muda (IV/c)", nip=NIP, phone="+62 812-5100-2233",
                  email="siti@dinsos.kalselprov.go.id", focal_point=True)
    values.update(kw)
    return ContactDraft(**values)


# --- contacts ---------------------------------------------------------------------------

def test_add_contact_stores_every_field(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))

    (row,) = list_contacts(db, dinsos)
    assert row.id == contact_id
    assert row.agency_abbreviation == "Dinsos"
    assert row.name == "Siti Nuriyani"
    assert row.position == "Kepala Dinas"
    assert row.rank == "Pembina Utama Muda (IV/c)"
    assert row.nip == NIP
    assert row.phone == "+62 812-5100-2233"
    assert row.email == "siti@dinsos.kalselprov.go.id"
    assert row.focal_point is True and row.active is True
    assert row.version == 1


def test_nip_typed_with_spaces_is_stored_as_18_digits(db, dinsos):
    add_contact(db, _contact(dinsos, nip="19800101 200501 1 001"))
    assert list_contacts(db, dinsos)[0].nip == NIP


def test_contact_without_nip_phone_or_email_is_fine(db, dinsos):
    add_contact(db, ContactDraft(agency_id=dinsos, name="Relawan LSM"))
    assert list_contacts(db)[0].nip == ""


@pytest.mark.parametrize("nip", [NIP[:-1], NIP + "2", "19800101200501100A", "NIP-12345"])
def test_a_nip_must_have_18_digits(db, dinsos, nip):
    with pytest.raises(ValidationError) as caught:
        add_contact(db, _contact(dinsos, nip=nip))
    assert caught.value.field == "nip"
    assert "18" in str(caught.value)
    assert list_contacts(db) == []


@pytest.mark.parametrize(
    ("change", "field", "shown"),
    [
        (dict(email="siti.dinsos.go.id"), "email", "siti.dinsos.go.id"),
        (dict(email="siti@dinsos"), "email", "siti@dinsos"),
        (dict(email="si ti@dinsos.go.id"), "email", "si ti@dinsos.go.id"),
        (dict(phone="0812"), "phone", "0812"),
        (dict(phone="hubungi kantor"), "phone", "hubungi kantor"),
        (dict(name=""), "name", None),
        (dict(name="x" * 161), "name", None),
    ],
)
def test_contact_details_are_checked(db, dinsos, change, field, shown):
    with pytest.raises(ValidationError) as caught:
        add_contact(db, _contact(dinsos, **change))
    assert caught.value.field == field
    if shown:
        assert shown in str(caught.value)  # the clerk sees what was wrong


def test_the_same_name_twice_in_one_agency_is_refused(db, dinsos):
    add_contact(db, _contact(dinsos))
    with pytest.raises(DuplicateError) as caught:
        add_contact(db, _contact(dinsos, nip="", email=""))
    assert caught.value.field == "name"
    assert "Siti Nuriyani" in str(caught.value)
    assert len(list_contacts(db)) == 1


def test_the_same_name_in_another_agency_is_allowed(db, dinsos):
    dinkes = make_agency(db, "Dinkes")
    add_contact(db, _contact(dinsos))
    add_contact(db, _contact(dinkes))
    assert [c.agency_abbreviation for c in list_contacts(db)] == ["Dinkes", "Dinsos"]


def test_contacts_of_an_archived_agency_are_refused(db, dinsos):
    archive_agency(db, dinsos, 1)
    with pytest.raises(RefusedError) as caught:
        add_contact(db, _contact(dinsos))
    assert "Dinsos" in str(caught.value)


def test_contact_of_a_missing_agency_is_not_found(db):
    with pytest.raises(NotFoundError):
        add_contact(db, _contact(31337))


def test_update_contact(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))
    update_contact(db, contact_id, _contact(dinsos, position="Sekretaris Dinas",
                                            focal_point=False), 1)
    (row,) = list_contacts(db)
    assert row.position == "Sekretaris Dinas"
    assert row.focal_point is False
    assert row.version == 2


def test_update_contact_checks_its_input(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))
    with pytest.raises(ValidationError) as caught:
        update_contact(db, contact_id, _contact(dinsos, nip="123"), 1)
    assert caught.value.field == "nip"
    assert list_contacts(db)[0].nip == NIP


def test_update_contact_refuses_a_name_already_in_the_agency(db, dinsos):
    # Given two contacts of Dinsos
    add_contact(db, _contact(dinsos, name="Siti Nuriyani"))
    other = add_contact(db, _contact(dinsos, name="Ahmad Fauzi", nip=""))

    # When the second is renamed to the first's name, it is refused like on adding
    with pytest.raises(DuplicateError) as caught:
        update_contact(db, other, _contact(dinsos, name="Siti Nuriyani", nip=""), 1)
    assert caught.value.field == "name"


def test_update_contact_with_a_stale_version_is_a_conflict(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))
    update_contact(db, contact_id, _contact(dinsos, position="Kabid"), 1)
    with pytest.raises(ConflictError) as caught:
        update_contact(db, contact_id, _contact(dinsos, position="Kasi"), 1)
    assert "tester" in str(caught.value)
    assert list_contacts(db)[0].position == "Kabid"


def test_remove_a_contact_who_never_attended_deletes_it(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))
    remove_contact(db, contact_id, 1)
    assert list_contacts(db, include_inactive=True) == []
    with pytest.raises(NotFoundError):
        update_contact(db, contact_id, _contact(dinsos), 1)


def test_remove_a_contact_who_attended_keeps_them_inactive(db, dinsos):
    # Given Siti attended a rakor
    meeting = make_meeting(db, make_task_force(db, make_province(db)), date(2025, 12, 2))
    contact_id = add_contact(db, _contact(dinsos))
    add_attendance(db, meeting,
                   AttendanceDraft(person_id=contact_id, status=AttendanceStatus.PRESENT),
                   today=date(2025, 12, 2))

    # When she is removed as a contact
    remove_contact(db, contact_id, 1)

    # Then she leaves the list but stays on record, and the attendance line is intact
    assert list_contacts(db) == []
    (kept,) = list_contacts(db, include_inactive=True)
    assert kept.id == contact_id and kept.active is False
    (line,) = list_attendance(db, meeting)
    assert line.person_id == contact_id and line.name == "Siti Nuriyani"
    # and a new contact of the same name can be entered again
    add_contact(db, _contact(dinsos))
    assert len(list_contacts(db)) == 1


def test_remove_contact_with_a_stale_version_is_a_conflict(db, dinsos):
    contact_id = add_contact(db, _contact(dinsos))
    update_contact(db, contact_id, _contact(dinsos, position="Kabid"), 1)
    with pytest.raises(ConflictError):
        remove_contact(db, contact_id, 1)
    assert len(list_contacts(db)) == 1


def test_list_contacts_puts_focal_points_first(db, dinsos):
    add_contact(db, ContactDraft(agency_id=dinsos, name="Ahmad", focal_point=False))
    add_contact(db, ContactDraft(agency_id=dinsos, name="Zainab", focal_point=True))
    add_contact(db, ContactDraft(agency_id=dinsos, name="Budi"))
    assert [c.name for c in list_contacts(db, dinsos)] == ["Zainab", "Ahmad", "Budi"]


# --- memberships (seats in a task force) -----------------------------------------------

@pytest.fixture
def task_force(db):
    return make_task_force(db, make_province(db))


def _sub_task_forces(db) -> list[int]:
    return [e.id for e in list_entries(db, SubTaskForce)]


def _seat(task_force_id, agency_id, **kw) -> MembershipDraft:
    values = dict(task_force_id=task_force_id, agency_id=agency_id, role="Anggota")
    values.update(kw)
    return MembershipDraft(**values)


def test_add_membership_with_a_led_sub_task_force(db, task_force, dinsos):
    rehabilitation = _sub_task_forces(db)[2]
    membership_id = add_membership(db, _seat(
        task_force, dinsos, role="Ketua Sub Gugus Tugas", sub_task_force_id=rehabilitation,
        leads_sub_task_force=True, start_date=date(2024, 3, 1), end_date=date(2029, 2, 28),
    ))

    (row,) = list_memberships(db, task_force)
    assert row.id == membership_id
    assert (row.agency_abbreviation, row.agency_name) == (
        "Dinsos", "Dinas Sosial Provinsi Kalimantan Selatan")
    assert row.role == "Ketua Sub Gugus Tugas"
    assert row.sub_task_force == "Rehabilitasi Sosial, Pemulangan dan Reintegrasi"
    assert row.leads_sub_task_force is True
    assert (row.start_date, row.end_date) == (date(2024, 3, 1), date(2029, 2, 28))


def test_the_same_seat_twice_is_refused(db, task_force, dinsos):
    add_membership(db, _seat(task_force, dinsos))
    with pytest.raises(DuplicateError):
        add_membership(db, _seat(task_force, dinsos, role="Sekretaris"))

    prevention = _sub_task_forces(db)[0]
    add_membership(db, _seat(task_force, dinsos, sub_task_force_id=prevention))
    with pytest.raises(DuplicateError):
        add_membership(db, _seat(task_force, dinsos, sub_task_force_id=prevention))
    assert len(list_memberships(db, task_force)) == 2


def test_one_agency_may_sit_in_several_sub_task_forces(db, task_force, dinsos):
    first, second = _sub_task_forces(db)[:2]
    add_membership(db, _seat(task_force, dinsos, sub_task_force_id=first))
    add_membership(db, _seat(task_force, dinsos, sub_task_force_id=second))
    assert len(list_memberships(db, task_force)) == 2


def test_leading_needs_a_sub_task_force(db, task_force, dinsos):
    with pytest.raises(ValidationError) as caught:
        add_membership(db, _seat(task_force, dinsos, leads_sub_task_force=True))
    assert caught.value.field == "sub_task_force_id"
    assert list_memberships(db, task_force) == []


def test_a_membership_cannot_end_before_it_starts(db, task_force, dinsos):
    with pytest.raises(ValidationError) as caught:
        add_membership(db, _seat(task_force, dinsos, start_date=date(2024, 3, 1),
                                 end_date=date(2024, 2, 29)))
    assert caught.value.field == "end_date"
    # a one-day seat is fine
    add_membership(db, _seat(task_force, dinsos, start_date=date(2024, 3, 1),
                             end_date=date(2024, 3, 1)))


def test_membership_needs_a_role(db, task_force, dinsos):
    with pytest.raises(ValidationError) as caught:
        add_membership(db, _seat(task_force, dinsos, role=" "))
    assert caught.value.field == "role"


def test_membership_of_archived_or_missing_records_is_refused(db, task_force, dinsos):
    with pytest.raises(NotFoundError):
        add_membership(db, _seat(task_force + 100, dinsos))
    with pytest.raises(NotFoundError):
        add_membership(db, _seat(task_force, dinsos, sub_task_force_id=999))
    archive_agency(db, dinsos, 1)
    with pytest.raises(RefusedError) as caught:
        add_membership(db, _seat(task_force, dinsos))
    assert "Dinsos" in str(caught.value)
    assert list_memberships(db, task_force) == []


def test_update_membership_and_its_duplicate_check(db, task_force, dinsos):
    # Given Dinsos sits in the task force plainly and in the first sub task force
    first = _sub_task_forces(db)[0]
    plain = add_membership(db, _seat(task_force, dinsos))
    in_sub = add_membership(db, _seat(task_force, dinsos, sub_task_force_id=first))

    # When the sub-task-force seat is changed to the plain seat it duplicates it
    with pytest.raises(DuplicateError):
        update_membership(db, in_sub, _seat(task_force, dinsos), 1)

    # While changing its role is fine, and bumps the version
    update_membership(db, in_sub, _seat(task_force, dinsos, sub_task_force_id=first,
                                        role="Koordinator", leads_sub_task_force=True), 1)
    rows = {r.id: r for r in list_memberships(db, task_force)}
    assert rows[in_sub].role == "Koordinator" and rows[in_sub].version == 2
    assert rows[plain].role == "Anggota"
    assert version_of(db, Membership, in_sub) == 2


def test_update_and_remove_membership_with_stale_version_are_conflicts(db, task_force, dinsos):
    seat = add_membership(db, _seat(task_force, dinsos))
    update_membership(db, seat, _seat(task_force, dinsos, role="Sekretaris"), 1)
    with pytest.raises(ConflictError):
        update_membership(db, seat, _seat(task_force, dinsos, role="Ketua"), 1)
    with pytest.raises(ConflictError):
        remove_membership(db, seat, 1)
    remove_membership(db, seat, 2)
    assert list_memberships(db, task_force) == []



def test_one_seat_for_several_agencies_skips_those_seated_already(db, task_force, dinsos):
    from secretariat.agencies.contacts import add_memberships

    polda, kejati = make_agency(db, "Polda"), make_agency(db, "Kejati")
    add_membership(db, _seat(task_force, polda))
    made = add_memberships(db, _seat(task_force, dinsos), (dinsos, polda, kejati, dinsos))
    assert len(made) == 2  # Dinsos and Kejati; Polda already sits as Anggota
    seated = sorted(seat.agency_abbreviation for seat in list_memberships(db, task_force))
    assert seated == ["Dinsos", "Kejati", "Polda"]


def test_an_archived_agency_stops_the_whole_seating(db, task_force, dinsos):
    from secretariat.agencies.contacts import add_memberships

    bnn = make_agency(db, "BNN")
    archive_agency(db, bnn, version_of(db, Agency, bnn))
    with pytest.raises(RefusedError):
        add_memberships(db, _seat(task_force, dinsos), (dinsos, bnn))
    assert list_memberships(db, task_force) == []
