"""The attendance list (daftar hadir): invitations, who came, who was represented."""

from __future__ import annotations

from datetime import date

import pytest
from factories import (
    DEFAULT_MEETING_DATE,
    make_agency,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from secretariat.agencies.contacts import ContactDraft, add_contact
from secretariat.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from secretariat.meetings.attendance import (
    AttendanceDraft,
    add_attendance,
    list_attendance,
    mark_all_invited_present,
    remove_attendance,
    update_attendance,
)
from secretariat.meetings.lifecycle import cancel_meeting, finalise_minutes, get_meeting, mark_held

DAY = DEFAULT_MEETING_DATE
BEFORE = date(2025, 12, 1)
AFTER = date(2025, 12, 5)

PRESENT = AttendanceStatus.PRESENT
INVITED = AttendanceStatus.INVITED


@pytest.fixture
def meeting(db) -> int:
    return make_meeting(db, make_task_force(db), DAY)


@pytest.fixture
def dinsos(db) -> int:
    return make_agency(db, "Dinsos")


def _line(db, attendance_id: int):
    return next(row for row in list_attendance(db, _meeting_of(db, attendance_id))
                if row.id == attendance_id)


def _meeting_of(db, attendance_id: int) -> int:
    with db.reading() as session:
        return session.get(Attendance, attendance_id).meeting_id


def _v(db, attendance_id: int) -> int:
    return version_of(db, Attendance, attendance_id)


# --- add -------------------------------------------------------------------------------


def test_add_an_invited_agency_before_the_meeting(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)

    (row,) = list_attendance(db, meeting)
    assert row.id == line
    assert row.status is INVITED
    assert row.agency_abbreviation == "Dinsos"
    assert row.agency_name == "Dinas Dinsos Provinsi Kalimantan Selatan"


def test_add_a_named_person_without_agency(db, meeting):
    add_attendance(db, meeting, AttendanceDraft(name="KH. Ahmad (tokoh agama)", status=PRESENT),
                   today=DAY)
    (row,) = list_attendance(db, meeting)
    assert (row.agency_id, row.name, row.status) == (None, "KH. Ahmad (tokoh agama)", PRESENT)


def test_contact_person_fills_name_position_phone_and_agency(db, meeting, dinsos):
    person = add_contact(db, ContactDraft(agency_id=dinsos, name="Siti Nuriyani",
                                          position="Kepala Dinas", phone="0811 5000 123"))

    line = add_attendance(db, meeting, AttendanceDraft(person_id=person, status=PRESENT),
                          today=DAY)

    row = _line(db, line)
    assert (row.person_id, row.agency_id) == (person, dinsos)
    assert (row.name, row.position, row.phone) == ("Siti Nuriyani", "Kepala Dinas",
                                                   "0811 5000 123")


def test_typed_values_win_over_the_contact_persons(db, meeting, dinsos):
    person = add_contact(db, ContactDraft(agency_id=dinsos, name="Siti Nuriyani",
                                          position="Kepala Dinas"))
    line = add_attendance(db, meeting, AttendanceDraft(person_id=person, position="Plt. Kepala"),
                          today=BEFORE)
    assert (_line(db, line).name, _line(db, line).position) == ("Siti Nuriyani", "Plt. Kepala")


def test_unknown_contact_person_is_not_found(db, meeting):
    with pytest.raises(NotFoundError):
        add_attendance(db, meeting, AttendanceDraft(person_id=987654), today=DAY)
    assert list_attendance(db, meeting) == []


def test_a_line_needs_an_agency_or_a_name(db, meeting):
    with pytest.raises(ValidationError) as refused:
        add_attendance(db, meeting, AttendanceDraft(name="  "), today=DAY)
    assert refused.value.field == "name"


def test_represented_needs_who_represented(db, meeting, dinsos):
    with pytest.raises(ValidationError) as refused:
        add_attendance(db, meeting, AttendanceDraft(
            agency_id=dinsos, status=AttendanceStatus.REPRESENTED), today=DAY)
    assert refused.value.field == "represented_by"
    assert list_attendance(db, meeting) == []


def test_represented_keeps_the_representative(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(
        agency_id=dinsos, status=AttendanceStatus.REPRESENTED, represented_by="Kabid Rehsos"),
        today=DAY)
    row = _line(db, line)
    assert (row.status, row.represented_by) == (AttendanceStatus.REPRESENTED, "Kabid Rehsos")


def test_represented_by_is_dropped_for_other_statuses(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(
        agency_id=dinsos, status=PRESENT, represented_by="Kabid Rehsos"), today=DAY)
    assert _line(db, line).represented_by == ""


def test_unknown_status_is_refused(db, meeting, dinsos):
    with pytest.raises(ValidationError) as refused:
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, status="asleep"), today=DAY)
    assert refused.value.field == "status"


def test_malformed_phone_is_refused(db, meeting):
    with pytest.raises(ValidationError) as refused:
        add_attendance(db, meeting, AttendanceDraft(name="Budi", phone="call me"), today=DAY)
    assert refused.value.field == "phone"


# --- duplicates ------------------------------------------------------------------------


def test_same_agency_twice_is_a_duplicate(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    with pytest.raises(DuplicateError):
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    assert len(list_attendance(db, meeting)) == 1


def test_same_name_in_other_case_is_a_duplicate(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, name="Siti Nuriyani"),
                   today=BEFORE)
    with pytest.raises(DuplicateError) as refused:
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, name="SITI NURIYANI"),
                       today=BEFORE)
    assert "SITI NURIYANI" in refused.value.message


def test_same_contact_person_twice_is_a_duplicate(db, meeting, dinsos):
    person = add_contact(db, ContactDraft(agency_id=dinsos, name="Siti Nuriyani"))
    add_attendance(db, meeting, AttendanceDraft(person_id=person), today=BEFORE)
    with pytest.raises(DuplicateError):
        add_attendance(db, meeting, AttendanceDraft(person_id=person, status=PRESENT), today=DAY)


def test_two_people_of_one_agency_are_not_duplicates(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, name="Siti"), today=BEFORE)
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, name="Rahmat"), today=BEFORE)
    assert [r.name for r in list_attendance(db, meeting)] == ["Siti", "Rahmat"]


def test_same_agency_at_another_meeting_is_fine(db, meeting, dinsos):
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur"), name="GT Kaltim")
    other = make_meeting(db, kaltim, DAY)
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    add_attendance(db, other, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    assert len(list_attendance(db, other)) == 1


# --- meeting state ---------------------------------------------------------------------


def test_attendance_for_a_cancelled_meeting_is_refused(db, meeting, dinsos):
    cancel_meeting(db, meeting, "Banjir", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    assert list_attendance(db, meeting) == []


def test_attendance_for_final_minutes_is_refused(db, dinsos):
    meeting = make_meeting(db, make_task_force(db), DAY, chair_name="Husnul Hatimah")
    mark_held(db, meeting, version_of(db, Meeting, meeting), today=DAY)
    finalise_minutes(db, meeting, version_of(db, Meeting, meeting))
    assert get_meeting(db, meeting).status is MeetingStatus.MINUTES_FINAL

    with pytest.raises(RefusedError):
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, status=PRESENT), today=AFTER)


@pytest.mark.parametrize("status", [PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED])
def test_recording_attendance_before_the_meeting_date_is_refused(db, meeting, dinsos, status):
    with pytest.raises(RefusedError) as refused:
        add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, status=status),
                       today=BEFORE)
    assert "2 Desember 2025" in refused.value.message
    assert list_attendance(db, meeting) == []


def test_present_on_the_day_itself_is_fine(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos, status=PRESENT), today=DAY)
    assert list_attendance(db, meeting)[0].status is PRESENT


# --- update and remove -----------------------------------------------------------------


def test_update_a_line(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    before = _v(db, line)

    update_attendance(db, line, AttendanceDraft(agency_id=dinsos, name="Rahmat",
                                                status=AttendanceStatus.EXCUSED),
                      before, today=DAY)

    row = _line(db, line)
    assert (row.name, row.status) == ("Rahmat", AttendanceStatus.EXCUSED)
    assert row.version > before


def test_update_to_present_before_the_meeting_is_refused(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    with pytest.raises(RefusedError):
        update_attendance(db, line, AttendanceDraft(agency_id=dinsos, status=PRESENT),
                          _v(db, line), today=BEFORE)
    assert _line(db, line).status is INVITED


def test_update_into_a_duplicate_is_refused(db, meeting, dinsos):
    polda = make_agency(db, "Polda")
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=polda), today=BEFORE)
    with pytest.raises(DuplicateError):
        update_attendance(db, line, AttendanceDraft(agency_id=dinsos), _v(db, line), today=BEFORE)
    assert _line(db, line).agency_id == polda


def test_update_the_line_onto_itself_is_not_a_duplicate(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    update_attendance(db, line, AttendanceDraft(agency_id=dinsos, status=PRESENT), _v(db, line),
                      today=DAY)
    assert _line(db, line).status is PRESENT


def test_update_with_a_stale_version_is_a_conflict(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    stale = _v(db, line)
    update_attendance(db, line, AttendanceDraft(agency_id=dinsos, name="A"), stale, today=BEFORE)
    with pytest.raises(ConflictError):
        update_attendance(db, line, AttendanceDraft(agency_id=dinsos, name="B"), stale,
                          today=BEFORE)
    assert _line(db, line).name == "A"


def test_remove_a_line(db, meeting, dinsos):
    polda = make_agency(db, "Polda")
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    kept = add_attendance(db, meeting, AttendanceDraft(agency_id=polda), today=BEFORE)

    remove_attendance(db, line, _v(db, line))

    assert [r.id for r in list_attendance(db, meeting)] == [kept]


def test_remove_from_a_cancelled_meeting_is_refused(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    cancel_meeting(db, meeting, "Banjir", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        remove_attendance(db, line, _v(db, line))
    assert len(list_attendance(db, meeting)) == 1


def test_remove_with_a_stale_version_is_a_conflict(db, meeting, dinsos):
    line = add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    stale = _v(db, line)
    update_attendance(db, line, AttendanceDraft(agency_id=dinsos, name="A"), stale, today=BEFORE)
    with pytest.raises(ConflictError):
        remove_attendance(db, line, stale)
    assert len(list_attendance(db, meeting)) == 1


# --- all invited present ---------------------------------------------------------------


def test_mark_all_invited_present_changes_only_invited_lines(db, meeting, dinsos):
    # Given three invited agencies, one of them already recorded as excused
    polda, kejati = make_agency(db, "Polda"), make_agency(db, "Kejati")
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    add_attendance(db, meeting, AttendanceDraft(agency_id=polda), today=BEFORE)
    add_attendance(db, meeting, AttendanceDraft(agency_id=kejati,
                                                status=AttendanceStatus.EXCUSED), today=DAY)

    # When everybody still invited is marked present
    changed = mark_all_invited_present(db, meeting, today=DAY)

    # Then two lines changed and the excused one stayed excused
    assert changed == 2
    assert {r.agency_abbreviation: r.status for r in list_attendance(db, meeting)} == {
        "Dinsos": PRESENT, "Polda": PRESENT, "Kejati": AttendanceStatus.EXCUSED,
    }


def test_mark_all_invited_present_before_the_meeting_is_refused(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    with pytest.raises(RefusedError):
        mark_all_invited_present(db, meeting, today=BEFORE)
    assert list_attendance(db, meeting)[0].status is INVITED


def test_mark_all_invited_present_on_a_cancelled_meeting_is_refused(db, meeting, dinsos):
    add_attendance(db, meeting, AttendanceDraft(agency_id=dinsos), today=BEFORE)
    cancel_meeting(db, meeting, "Banjir", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        mark_all_invited_present(db, meeting, today=AFTER)
    assert list_attendance(db, meeting)[0].status is INVITED


def test_mark_all_invited_present_with_nobody_invited(db, meeting):
    assert mark_all_invited_present(db, meeting, today=DAY) == 0


# --- inviting the task force's members -------------------------------------------------


def _invite_setting(db):
    """Members of one task force: Dinsos (two seats, a focal point), Polda (a contact),
    Kejati (no contact), Disnaker (seat ended), BNN (archived); Imigrasi sits elsewhere."""
    from models import Agency, SubTaskForce
    from secretariat.agencies.contacts import MembershipDraft, add_membership
    from secretariat.agencies.register import archive_agency
    from secretariat.commitments.catalog import list_entries

    task_force = make_task_force(db)
    meeting = make_meeting(db, task_force, DAY)
    agencies = {abbr: make_agency(db, abbr) for abbr in
                ("Dinsos", "Polda", "Kejati", "Disnaker", "BNN", "Imigrasi")}
    subs = [e.id for e in list_entries(db, SubTaskForce)]
    seats = [("Dinsos", subs[0], None), ("Dinsos", subs[1], None), ("Polda", None, None),
             ("Kejati", None, None), ("Disnaker", None, date(2025, 6, 30)), ("BNN", None, None)]
    for abbr, sub, end in seats:
        role = "Ketua Harian" if abbr == "Polda" else "Anggota"
        add_membership(db, MembershipDraft(task_force, agencies[abbr], role,
                                           sub_task_force_id=sub, end_date=end))
    kaltim = make_task_force(db, make_province(db, "64", "Kalimantan Timur"),
                             name="GT PP-TPPO Provinsi Kalimantan Timur")
    add_membership(db, MembershipDraft(kaltim, agencies["Imigrasi"], "Anggota"))
    add_contact(db, ContactDraft(agencies["Dinsos"], "Budi", position="Staf"))
    add_contact(db, ContactDraft(agencies["Dinsos"], "Siti Nuriyani", position="Kepala Dinas",
                                 phone="0812-5000-1111", focal_point=True))
    add_contact(db, ContactDraft(agencies["Polda"], "AKBP Rudi", position="Kasubdit IV"))
    archive_agency(db, agencies["BNN"], version_of(db, Agency, agencies["BNN"]))
    return meeting, agencies


def test_inviting_the_members_reaches_each_seated_agency_once_through_its_focal_point(db):
    from secretariat.meetings.attendance import invite_members

    meeting, agencies = _invite_setting(db)

    added = invite_members(db, meeting, today=BEFORE)

    lines = list_attendance(db, meeting)
    assert [line.id for line in lines] == added
    assert [(line.agency_abbreviation, line.name, line.position, line.phone, line.status)
            for line in lines] == [
        ("Polda", "AKBP Rudi", "Kasubdit IV", "", INVITED),  # the Ketua Harian first
        ("Dinsos", "Siti Nuriyani", "Kepala Dinas", "0812-5000-1111", INVITED),
        ("Kejati", "", "", "", INVITED)]  # then by name; no contact: to its head


def test_inviting_again_keeps_the_list_as_the_clerk_made_it(db):
    from secretariat.meetings.attendance import invite_members

    meeting, agencies = _invite_setting(db)
    add_attendance(db, meeting, AttendanceDraft(agency_id=agencies["Polda"], name="Kompol Ani"),
                   today=BEFORE)

    added = invite_members(db, meeting, today=BEFORE)

    assert len(added) == 2  # Dinsos and Kejati; Polda is already invited through Kompol Ani
    assert invite_members(db, meeting, today=BEFORE) == []
    assert [line.name for line in list_attendance(db, meeting)] == [
        "Kompol Ani", "Siti Nuriyani", ""]


def test_a_cancelled_meeting_invites_nobody(db):
    from secretariat.meetings.attendance import invite_members

    meeting, _agencies = _invite_setting(db)
    cancel_meeting(db, meeting, "Ditunda", version_of(db, Meeting, meeting))
    with pytest.raises(RefusedError):
        invite_members(db, meeting, today=BEFORE)
    assert list_attendance(db, meeting) == []


def test_a_task_force_without_members_says_so(db, meeting):
    from secretariat.meetings.attendance import invite_members

    with pytest.raises(RefusedError):
        invite_members(db, meeting, today=BEFORE)
    assert list_attendance(db, meeting) == []
