"""The register of member agencies: create, edit, archive, restore, rename, delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import (
    make_agency,
    make_commitment,
    make_follow_up,
    make_meeting,
    make_province,
    make_task_force,
    version_of,
)

from models import Agency, AgencyLevel, Commitment, CommitmentStatus, Meeting, TaskForce
from secretariat.agencies.contacts import (
    ContactDraft,
    MembershipDraft,
    add_contact,
    add_membership,
    list_contacts,
    list_memberships,
)
from secretariat.agencies.regions import list_task_forces
from secretariat.agencies.register import (
    AgencyDraft,
    archive_agency,
    create_agency,
    delete_agency,
    find_agency_by_abbreviation,
    get_agency,
    list_agencies,
    rename_agency,
    restore_agency,
    update_agency,
)
from secretariat.commitments.queries import get_commitment
from secretariat.commitments.recording import CommitmentDraft, update_commitment
from secretariat.errors import (
    ConflictError,
    DomainError,
    DuplicateError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from secretariat.i18n import set_language
from secretariat.meetings.attendance import AttendanceDraft, add_attendance
from secretariat.storage.database import open_database


def _draft(abbreviation="Dinsos", **kw) -> AgencyDraft:
    values = dict(
        name="Dinas Sosial Provinsi Kalimantan Selatan", abbreviation=abbreviation,
        level=AgencyLevel.PROVINCE,
    )
    values.update(kw)
    return AgencyDraft(**values)


# --- create / get ---------------------------------------------------------------------

def test_create_agency_stores_every_field(db):
    region = make_province(db)
    agency_id = create_agency(db, _draft(
        sector="Sosial", region_id=region, address="Jl. A. Yani Km 6\nBanjarmasin",
        phone="(0511) 3252-123", email="dinsos@kalselprov.go.id",
        website="dinsos.kalselprov.go.id", notes="Anggota sejak 2008",
        office_title="Kepala Dinas Sosial Provinsi Kalimantan Selatan",
    ))

    row = get_agency(db, agency_id)
    assert row.name == "Dinas Sosial Provinsi Kalimantan Selatan"
    assert row.abbreviation == "Dinsos"
    assert row.level is AgencyLevel.PROVINCE
    assert row.sector == "Sosial"
    assert row.region_id == region and row.region_name == "Kalimantan Selatan"
    assert row.address == "Jl. A. Yani Km 6\nBanjarmasin"
    assert row.phone == "(0511) 3252-123"
    assert row.email == "dinsos@kalselprov.go.id"
    assert row.office_title == "Kepala Dinas Sosial Provinsi Kalimantan Selatan"
    assert row.active is True
    assert row.renamed_from_id is None
    assert row.version == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(name=""), "name"),
        (dict(abbreviation="  "), "abbreviation"),
        (dict(abbreviation="X" * 41), "abbreviation"),
        (dict(level="kementerian"), "level"),
        (dict(email="dinsos@"), "email"),
        (dict(phone="nomor kantor"), "phone"),
        (dict(office_title="Yth. Kepala Dinas Sosial"), "office_title"),  # the letter adds it
        (dict(office_title="kepala dinas sosial"), "office_title"),  # printed as written
        (dict(office_title="K" * 251), "office_title"),
    ],
)
def test_create_agency_refuses_bad_input_naming_the_field(db, change, field):
    with pytest.raises(ValidationError) as caught:
        create_agency(db, _draft(**change))
    assert caught.value.field == field
    assert list_agencies(db, active=None) == []


def test_create_agency_in_a_missing_region_is_not_found(db):
    with pytest.raises(NotFoundError):
        create_agency(db, _draft(region_id=777))


def test_get_missing_agency_is_not_found(db):
    with pytest.raises(NotFoundError) as caught:
        get_agency(db, 4242)
    assert "4242" in str(caught.value)


# --- abbreviations ----------------------------------------------------------------------

@pytest.mark.parametrize("other", ["Dinsos", "DINSOS", "dinsos", " dInSoS "])
def test_duplicate_abbreviation_is_refused_ignoring_case(db, other):
    make_agency(db, "Dinsos", name="Dinas Sosial Provinsi Kalimantan Selatan")
    with pytest.raises(DuplicateError) as caught:
        create_agency(db, _draft(other, name="Dinas Sosial Kota Banjarmasin"))
    assert caught.value.field == "abbreviation"
    message = str(caught.value)
    assert other.strip() in message
    assert "Dinas Sosial Provinsi Kalimantan Selatan" in message  # who already has it
    assert len(list_agencies(db)) == 1


def test_duplicate_abbreviation_message_in_english(db):
    set_language("en")
    make_agency(db, "BP3MI", name="Balai Pelayanan Pelindungan Pekerja Migran Indonesia")
    with pytest.raises(DuplicateError) as caught:
        make_agency(db, "bp3mi")
    assert str(caught.value) == (
        "The abbreviation bp3mi is already used by "
        "Balai Pelayanan Pelindungan Pekerja Migran Indonesia."
    )


def test_an_archived_agency_frees_its_abbreviation(db):
    # Given an archived Dinsos
    old = make_agency(db, "Dinsos", name="Dinas Sosial (lama)")
    archive_agency(db, old, 1)

    # When a new agency takes the abbreviation
    new = make_agency(db, "DINSOS", name="Dinas Sosial (baru)")

    # Then both exist, only the new one is active
    assert [a.id for a in list_agencies(db)] == [new]
    assert {a.id for a in list_agencies(db, active=None)} == {old, new}


def test_update_agency_may_keep_or_recase_its_own_abbreviation(db):
    agency_id = make_agency(db, "Dinsos")
    update_agency(db, agency_id, _draft("DINSOS", sector="Sosial"), 1)
    row = get_agency(db, agency_id)
    assert row.abbreviation == "DINSOS"
    assert row.sector == "Sosial"
    assert row.version == 2


def test_update_agency_refuses_the_abbreviation_of_another(db):
    make_agency(db, "Polda", name="Kepolisian Daerah Kalimantan Selatan")
    dinsos = make_agency(db, "Dinsos")
    with pytest.raises(DuplicateError) as caught:
        update_agency(db, dinsos, _draft("POLDA"), 1)
    assert caught.value.field == "abbreviation"
    assert "Kepolisian Daerah Kalimantan Selatan" in str(caught.value)
    assert get_agency(db, dinsos).abbreviation == "Dinsos"


def test_update_missing_agency_is_not_found(db):
    with pytest.raises(NotFoundError):
        update_agency(db, 999, _draft(), 1)


# --- listing and finding ----------------------------------------------------------------

def test_list_agencies_filters_by_state_sector_level_and_text(db):
    # Given a few agencies of different sectors and levels, one archived
    polda = make_agency(db, "Polda", name="Kepolisian Daerah Kalsel", sector="Hukum")
    kejati = make_agency(db, "Kejati", name="Kejaksaan Tinggi Kalsel", sector="Hukum")
    dinsos = make_agency(db, "Dinsos", name="Dinas Sosial", sector="Sosial")
    lsm = make_agency(db, "LK3", name="Lembaga Konsultasi Kesejahteraan Keluarga",
                      level=AgencyLevel.COMMUNITY, sector="Sosial")
    kp2mi = make_agency(db, "KP2MI", name="Kementerian P2MI", level=AgencyLevel.NATIONAL)
    archive_agency(db, kp2mi, 1)

    # Then each filter narrows the list; the default shows active agencies only
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(list_agencies(db)) == [dinsos, kejati, lsm, polda]  # by abbreviation
    assert ids(list_agencies(db, active=False)) == [kp2mi]
    assert set(ids(list_agencies(db, active=None))) == {polda, kejati, dinsos, lsm, kp2mi}
    assert ids(list_agencies(db, sector="Hukum")) == [kejati, polda]
    assert ids(list_agencies(db, level=AgencyLevel.COMMUNITY)) == [lsm]
    assert ids(list_agencies(db, level="province", sector="Sosial")) == [dinsos]
    assert ids(list_agencies(db, text="  KALSEL ")) == [kejati, polda]  # name, any case
    assert ids(list_agencies(db, text="lk")) == [lsm]  # abbreviation
    assert ids(list_agencies(db, text="p2mi", active=None)) == [kp2mi]
    assert list_agencies(db, text="imigrasi") == []


def test_list_agencies_text_search_treats_wildcards_literally(db):
    make_agency(db, "Dinsos", name="Dinas Sosial")
    make_agency(db, "Polda", name="Kepolisian Daerah")
    # "%" and "_" typed into the search box are characters, not SQL wildcards
    assert list_agencies(db, text="%") == []
    assert list_agencies(db, text="_") == []


def test_find_agency_by_abbreviation_prefers_the_active_one(db):
    # Given an archived and an active agency sharing an abbreviation
    old = make_agency(db, "DP3A", name="Dinas PPPA (lama)")
    archive_agency(db, old, 1)
    new = make_agency(db, "dp3a", name="Dinas PPPA")

    assert find_agency_by_abbreviation(db, " Dp3A ").id == new
    assert find_agency_by_abbreviation(db, "Kejati") is None

    # When the active one is archived too, the newest archived one is found
    archive_agency(db, new, 1)
    assert find_agency_by_abbreviation(db, "DP3A").id == new


# --- archive / restore ------------------------------------------------------------------

def test_archive_and_restore_an_agency(db):
    agency_id = make_agency(db, "Dinsos")

    archive_agency(db, agency_id, 1)
    assert get_agency(db, agency_id).active is False
    assert list_agencies(db) == []

    restore_agency(db, agency_id, 2)
    row = get_agency(db, agency_id)
    assert row.active is True
    assert row.version == 3


def test_restore_is_refused_when_the_abbreviation_is_taken_meanwhile(db):
    # Given an archived Dinsos whose abbreviation a new agency took
    old = make_agency(db, "Dinsos", name="Dinas Sosial (lama)")
    archive_agency(db, old, 1)
    make_agency(db, "DINSOS", name="Dinas Sosial (baru)")

    # When the old one is restored, it is refused, naming the current holder
    with pytest.raises(DuplicateError) as caught:
        restore_agency(db, old, 2)
    assert caught.value.field == "abbreviation"
    assert "Dinas Sosial (baru)" in str(caught.value)
    assert get_agency(db, old).active is False


def test_archive_with_stale_version_is_a_conflict(db):
    agency_id = make_agency(db, "Dinsos")
    update_agency(db, agency_id, _draft(sector="Sosial"), 1)
    with pytest.raises(ConflictError):
        archive_agency(db, agency_id, 1)
    assert get_agency(db, agency_id).active is True


# --- delete -----------------------------------------------------------------------------

@pytest.fixture
def meeting(db):
    """A planned meeting of a Kalsel task force (2 December 2025)."""
    return make_meeting(db, make_task_force(db, make_province(db)), date(2025, 12, 2))


def test_delete_an_unused_agency_with_its_contacts_and_seats(db):
    # Given an agency entered by mistake, with a contact and a seat in the task force
    task_force = make_task_force(db, make_province(db))
    agency_id = make_agency(db, "Dinkes")
    add_contact(db, ContactDraft(agency_id=agency_id, name="dr. Diauddin"))
    add_membership(db, MembershipDraft(task_force_id=task_force, agency_id=agency_id,
                                       role="Anggota"))

    # When it is deleted
    delete_agency(db, agency_id, version_of(db, Agency, agency_id))  # moved by contact, seat

    # Then it, its contact and its seat are gone
    with pytest.raises(NotFoundError):
        get_agency(db, agency_id)
    assert list_contacts(db, include_inactive=True) == []
    assert list_memberships(db, task_force) == []


def test_delete_is_refused_while_the_agency_leads_open_commitments(db, meeting):
    dinsos = make_agency(db, "Dinsos")
    make_commitment(db, meeting, dinsos)
    make_commitment(db, meeting, dinsos, text="Menyediakan rumah aman")

    with pytest.raises(RefusedError) as caught:
        delete_agency(db, dinsos, 1)
    message = str(caught.value)
    assert "Dinsos" in message and "2" in message
    assert "arsip" in message.lower() or "archiv" in message.lower()  # points to archiving
    assert get_agency(db, dinsos).active is True


def test_delete_refusal_for_open_commitments_in_english(db, meeting):
    set_language("en")
    dinsos = make_agency(db, "Dinsos")
    make_commitment(db, meeting, dinsos)
    with pytest.raises(RefusedError) as caught:
        delete_agency(db, dinsos, 1)
    assert str(caught.value) == (
        "Dinsos still leads 1 open commitment; it cannot be deleted. Archive it instead."
    )


def test_delete_is_refused_when_the_agency_led_a_closed_commitment(db, meeting):
    # Given a commitment that Dinsos led and that is done
    dinsos = make_agency(db, "Dinsos")
    commitment = make_commitment(db, meeting, dinsos)
    make_follow_up(db, commitment, status=CommitmentStatus.DONE)

    # Then Dinsos has history and cannot be deleted
    with pytest.raises(RefusedError) as caught:
        delete_agency(db, dinsos, 1)
    assert "Dinsos" in str(caught.value)
    assert get_agency(db, dinsos).id == dinsos


def _support(db, meeting, agency_id):
    make_commitment(db, meeting, make_agency(db, "Lead"), supporting_agency_ids=(agency_id,))


def _sign(db, meeting, agency_id):
    make_commitment(db, meeting, make_agency(db, "Lead"), signatory_agency_ids=(agency_id,))


def _attend(db, meeting, agency_id):
    add_attendance(db, meeting, AttendanceDraft(agency_id=agency_id))


def _report(db, meeting, agency_id):
    commitment = make_commitment(db, meeting, make_agency(db, "Lead"))
    make_follow_up(db, commitment, reporting_agency_id=agency_id)


def _succeeded(db, meeting, agency_id):
    rename_agency(db, agency_id, "Dinas Baru", "Baru", version_of(db, Agency, agency_id))


def _organise(db, meeting, agency_id):
    with db.reading() as session:
        task_force_id = session.get(Meeting, meeting).task_force_id
    make_meeting(db, task_force_id, date(2025, 12, 9), organiser_agency_id=agency_id)


def _run_secretariat(db, meeting, agency_id):
    make_task_force(db, make_province(db, "64", "Kalimantan Timur"),
                    name="GT PP-TPPO Kaltim", secretariat_agency_id=agency_id)


@pytest.mark.parametrize(
    "history",
    [_support, _sign, _attend, _report, _succeeded, _organise, _run_secretariat],
    ids=["supporting", "signatory", "attendance", "reported-follow-up", "renamed",
         "organised-meeting", "task-force-secretariat"],
)
def test_delete_is_refused_when_the_agency_has_any_history(db, meeting, history):
    # Given an agency that appears somewhere in the records
    agency_id = make_agency(db, "Dinsos")
    history(db, meeting, agency_id)

    # When someone tries to delete it, the core refuses with a readable message
    # (never a raw database error)
    with pytest.raises(RefusedError) as caught:
        delete_agency(db, agency_id, version_of(db, Agency, agency_id))
    assert "Dinsos" in str(caught.value)
    assert get_agency(db, agency_id).id == agency_id


def test_delete_with_stale_version_is_a_conflict(db):
    agency_id = make_agency(db, "Dinsos")
    update_agency(db, agency_id, _draft(sector="Sosial"), 1)
    with pytest.raises(ConflictError):
        delete_agency(db, agency_id, 1)
    assert get_agency(db, agency_id).id == agency_id


# --- rename -----------------------------------------------------------------------------

def test_rename_hands_open_work_and_people_to_a_successor(db, meeting):
    # Given DP3A leads one open and one closed commitment, has a contact and a seat
    task_force = make_task_force(db, make_province(db, "64", "Kalimantan Timur"),
                                 name="GT Kaltim")
    dp3a = make_agency(db, "DP3A", name="Dinas PPPA", sector="Perlindungan Anak",
                       email="dp3a@kalselprov.go.id", office_title="Kepala Dinas PPPA")
    open_one = make_commitment(db, meeting, dp3a, text="Sosialisasi di sekolah")
    closed_one = make_commitment(db, meeting, dp3a, text="Pendataan korban")
    make_follow_up(db, closed_one, status=CommitmentStatus.DONE)
    contact = add_contact(db, ContactDraft(agency_id=dp3a, name="Husnul Hatimah"))
    seat = add_membership(db, MembershipDraft(task_force_id=task_force, agency_id=dp3a,
                                              role="Sekretariat"))

    # When the agency is renamed by regulation
    # (its contact and seat moved its version)
    successor = rename_agency(db, dp3a, "Dinas PPPA dan KB", "DP3AKB",
                              version_of(db, Agency, dp3a))

    # Then the successor is active, points back, and copies the details
    new = get_agency(db, successor)
    assert new.active is True
    assert new.renamed_from_id == dp3a
    assert (new.name, new.abbreviation) == ("Dinas PPPA dan KB", "DP3AKB")
    assert new.sector == "Perlindungan Anak"
    assert new.email == "dp3a@kalselprov.go.id"
    assert new.office_title == ""  # the old head's title would address the old office
    # the old record is archived
    assert get_agency(db, dp3a).active is False
    # the open commitment moved, the closed one stays with the old name
    assert get_commitment(db, open_one).row.lead_agency_id == successor
    assert get_commitment(db, closed_one).row.lead_agency_id == dp3a
    # people and seats moved
    (moved_contact,) = list_contacts(db, successor)
    assert moved_contact.id == contact
    assert list_contacts(db, dp3a) == []
    (moved_seat,) = list_memberships(db, task_force)
    assert (moved_seat.id, moved_seat.agency_id) == (seat, successor)


def test_rename_may_keep_the_abbreviation(db):
    old = make_agency(db, "Bappeda", name="Badan Perencanaan Pembangunan Daerah")
    new = rename_agency(db, old, "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
                        "Bappeda", 1)
    assert find_agency_by_abbreviation(db, "bappeda").id == new
    assert get_agency(db, old).active is False


def test_rename_to_an_abbreviation_in_use_changes_nothing(db):
    # Given Polda and Dinsos
    make_agency(db, "Polda", name="Kepolisian Daerah")
    dinsos = make_agency(db, "Dinsos")

    # When Dinsos is renamed to Polda's abbreviation, it is refused
    with pytest.raises(DuplicateError) as caught:
        rename_agency(db, dinsos, "Dinas Sosial Baru", "polda", 1)
    assert caught.value.field == "abbreviation"

    # Then nothing was half-done: Dinsos is still active and has no successor
    assert get_agency(db, dinsos).active is True
    assert len(list_agencies(db, active=None)) == 2


def test_rename_refuses_an_archived_agency_or_an_empty_name(db):
    archived = make_agency(db, "Lama")
    archive_agency(db, archived, 1)
    with pytest.raises(RefusedError):
        rename_agency(db, archived, "Dinas Baru", "Baru", 2)

    active = make_agency(db, "Dinsos")
    with pytest.raises(ValidationError) as caught:
        rename_agency(db, active, "  ", "Dinsos2", 1)
    assert caught.value.field == "name"
    assert get_agency(db, active).active is True


# --- optimistic locking between two clerks ----------------------------------------------

@pytest.fixture
def ani_and_budi(db_url):
    ani = open_database(db_url, actor="ani")
    budi = open_database(db_url, actor="budi")
    yield ani, budi
    ani.close()
    budi.close()


def test_stale_agency_update_names_who_changed_it(ani_and_budi):
    # Given Ani and Budi both opened Dinsos at version 1
    ani, budi = ani_and_budi
    agency_id = make_agency(ani, "Dinsos")

    # When Budi saves a change first
    update_agency(budi, agency_id, _draft(sector="Sosial"), 1)

    # Then Ani's save over version 1 is refused, naming Budi, and Budi's change stays
    with pytest.raises(ConflictError) as caught:
        update_agency(ani, agency_id, _draft(sector="Kesejahteraan"), 1)
    assert "budi" in str(caught.value)
    assert get_agency(ani, agency_id).sector == "Sosial"


def test_stale_archive_names_who_changed_it(ani_and_budi):
    ani, budi = ani_and_budi
    agency_id = make_agency(ani, "Dinsos")
    archive_agency(budi, agency_id, 1)
    with pytest.raises(ConflictError) as caught:
        update_agency(ani, agency_id, _draft(notes="catatan"), 1)
    assert "budi" in str(caught.value)


def test_commitment_moved_by_a_rename_names_the_renamer_in_a_conflict(ani_and_budi):
    # Given Budi recorded a commitment led by DP3A and keeps it open on his screen
    ani, budi = ani_and_budi
    meeting = make_meeting(budi, make_task_force(budi, make_province(budi)))
    dp3a = make_agency(budi, "DP3A")
    commitment = make_commitment(budi, meeting, dp3a)
    seen_version = version_of(budi, Commitment, commitment)

    # When Ani renames DP3A, which moves the commitment to the successor
    rename_agency(ani, dp3a, "Dinas PPPA dan KB", "DP3AKB", 1)

    # Then Budi's save over the version he saw is refused and names Ani
    with pytest.raises(ConflictError) as caught:
        update_commitment(budi, commitment,
                          CommitmentDraft(text="Teks baru", lead_agency_id=dp3a), seen_version)
    assert "ani" in str(caught.value)


def test_domain_errors_carry_their_message_as_str(db):
    make_agency(db, "Dinsos")
    with pytest.raises(DomainError) as caught:
        make_agency(db, "Dinsos")
    assert str(caught.value) == caught.value.message
    assert caught.value.message.strip()


def test_update_agency_stores_markup_and_formulas_as_typed(db):
    agency_id = make_agency(db, "Dinsos", website="dinsos.go.id")
    row = get_agency(db, agency_id)
    draft = AgencyDraft(name=row.name, abbreviation=row.abbreviation, level=row.level,
                        website=row.website)
    update_agency(db, agency_id, replace(draft, notes="<b>&</b> =SUM(A1)"), row.version)
    assert get_agency(db, agency_id).notes == "<b>&</b> =SUM(A1)"
    assert get_agency(db, agency_id).website == "dinsos.go.id"


def test_rename_hands_the_secretariat_of_a_task_force_to_the_successor(db):
    # Given DP3A runs the secretariat of the provincial task force
    dp3a = make_agency(db, "DP3A", name="Dinas PPPA Provinsi Kalimantan Selatan")
    province = make_province(db)
    task_force = make_task_force(db, province)
    with db.unit_of_work() as session:
        session.get(TaskForce, task_force).secretariat_agency_id = dp3a

    # When it is renamed by regulation
    successor = rename_agency(db, dp3a, "Dinas PPPAKB Provinsi Kalimantan Selatan", "DP3AKB",
                              version_of(db, Agency, dp3a))

    # Then the task force's secretariat is the successor, not the archived agency
    rows = {row.id: row for row in list_task_forces(db)}
    assert rows[task_force].secretariat_agency == "DP3AKB"
    with db.reading() as session:
        assert session.get(TaskForce, task_force).secretariat_agency_id == successor


def test_the_same_agency_under_a_second_abbreviation_is_refused(db):
    from secretariat.errors import DuplicateError

    first = create_agency(db, AgencyDraft(name="Dinas Sosial Provinsi Kalimantan Selatan",
                                          abbreviation="Dinsos Kalsel",
                                          level=AgencyLevel.PROVINCE))
    with pytest.raises(DuplicateError) as refused:
        create_agency(db, AgencyDraft(name="dinas sosial provinsi kalimantan selatan",
                                      abbreviation="DINSOS", level=AgencyLevel.PROVINCE))
    assert refused.value.field == "name" and "Dinsos Kalsel" in refused.value.message
    # Changing the agency itself (same name) is no clash with itself.
    update_agency(db, first, AgencyDraft(name="Dinas Sosial Provinsi Kalimantan Selatan",
                                         abbreviation="Dinsos Kalsel", level=AgencyLevel.PROVINCE,
                                         phone="0511-3350 000"),
                  version_of(db, Agency, first))
