"""Letters asking an agency for a progress update: checks, the record kept, the PDF itself."""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import make_agency, make_commitment, make_follow_up, make_meeting, make_task_force
from pypdf import PdfReader

from exports.pdf.request_letter import write_request_letter
from models import CommitmentStatus
from secretariat.commitments.request_letters import (
    RequestDraft,
    default_signer,
    list_requests,
    record_request,
    request_letter,
)
from secretariat.documents.signer import Signer
from secretariat.errors import ValidationError

TODAY = date(2026, 3, 2)



pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def setting(db):
    task_force = make_task_force(db)
    dinsos, polda = make_agency(db, "Dinsos"), make_agency(db, "Polda")
    meeting = make_meeting(db, task_force, date(2026, 1, 15), chair_name="Drs. H. Rahmat",
                           chair_position="Ketua Harian GT PP-TPPO")
    first = make_commitment(db, meeting, dinsos, due_date=date(2026, 2, 28),
                            text="Pendataan korban <TPPO> & keluarganya")
    second = make_commitment(db, meeting, dinsos, due_date=date(2026, 6, 30),
                             text="=HYPERLINK(\"x\") rumah aman")
    done = make_commitment(db, meeting, dinsos, due_date=date(2026, 2, 1))
    make_follow_up(db, done, status=CommitmentStatus.DONE, when=date(2026, 2, 1), today=TODAY)
    other = make_commitment(db, meeting, polda)
    return dict(first=first, second=second, done=done, other=other, dinsos=dinsos)


def _draft(*ids, **kw) -> RequestDraft:
    values = dict(commitment_ids=ids, letter_number="005/045/GT-TPPO/III/2026",
                  sent_on=TODAY, reply_by=date(2026, 3, 16),
                  signer=Signer("Drs. H. Rahmat", "Ketua Harian", "Pembina Tingkat I (IV/b)",
                                "196805121990031004"))
    values.update(kw)
    return RequestDraft(**values)


def test_the_letter_lists_the_agencys_commitments_and_prints(db, setting, tmp_path):
    letter = request_letter(db, _draft(setting["first"], setting["second"]), today=TODAY)
    target = write_request_letter(letter, tmp_path / "permintaan.pdf")

    reader = PdfReader(target)
    content = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", content)
    assert "005/045/GT-TPPO/III/2026" in flat
    assert "2 Maret 2026" in flat and "16 Maret 2026" in flat
    assert "Pendataan korban <TPPO> & keluarganya" in flat  # markup printed as typed
    assert '=HYPERLINK("x") rumah aman' in flat
    assert "28-02-2026" in flat or "28 Feb" in flat
    assert "Belum Ditindaklanjuti" in flat
    assert "Halaman" not in flat and "- 1 -" not in flat  # TND: no number on the kop page
    assert "Drs. H. Rahmat" in flat and "NIP. 196805121990031004" in flat
    assert "Pembina Tingkat I (IV/b)" in flat  # pangkat under the name
    assert "Sifat : Biasa" in flat and "segera diperlukan" not in flat
    assert "Yth. Pimpinan Dinas Dinsos Provinsi Kalimantan Selatan" in flat  # no title kept
    assert "Tembusan" not in flat  # none on the letterhead, none typed


def test_recording_the_letter_keeps_it_on_each_commitment(db, setting):
    request = record_request(db, _draft(setting["first"], setting["second"]), today=TODAY)
    (row,) = list_requests(db, setting["first"])
    assert (row.id, row.sent_on, row.agency) == (request, TODAY, "Dinsos")
    assert list_requests(db, setting["second"])[0].id == request
    assert list_requests(db, setting["other"]) == []


@pytest.mark.parametrize("pick, message", [
    (lambda s: (), "at least one"),
    (lambda s: (s["first"], s["other"]), "one lead agency"),
    (lambda s: (s["first"], s["done"]), "closed"),
])
def test_requests_that_make_no_sense_are_refused(db, setting, pick, message):
    with pytest.raises(ValidationError, match=message):
        record_request(db, _draft(*pick(setting)), today=TODAY)
    assert list_requests(db, setting["first"]) == []


def test_dates_are_checked(db, setting):
    with pytest.raises(ValidationError, match="future") as refused:
        request_letter(db, _draft(setting["first"], sent_on=date(2026, 3, 3)), today=TODAY)
    assert refused.value.field == "sent_on"
    with pytest.raises(ValidationError) as refused:
        request_letter(db, _draft(setting["first"], reply_by=date(2026, 3, 1)), today=TODAY)
    assert refused.value.field == "reply_by"
    with pytest.raises(ValidationError, match="18 digits"):
        request_letter(db, _draft(setting["first"], signer=Signer("A", "B", nip="123")),
                       today=TODAY)


def test_the_head_of_the_kops_office_is_offered_as_signer_not_the_chair(db, setting):
    from secretariat.documents.letterhead import LetterheadSettings, save_letterhead

    assert default_signer(db, (setting["first"],)).is_blank  # nobody on record: by hand
    save_letterhead(db, LetterheadSettings(signer_name="Husnul Hatimah",
                                           signer_position="Kepala Dinas", carbon_copies="Kapolda"))
    signer = default_signer(db, (setting["first"],))
    assert (signer.name, signer.position) == ("Husnul Hatimah", "Kepala Dinas")


def test_a_signer_without_a_position_is_refused_and_a_blank_one_is_signed_by_hand(
        db, setting, tmp_path):
    with pytest.raises(ValidationError) as refused:
        request_letter(db, _draft(setting["first"], signer=Signer("Drs. H. Rahmat", "  ")),
                       today=TODAY)
    assert refused.value.field == "signer_position"
    letter = request_letter(db, _draft(setting["first"], signer=Signer(), letter_number=""),
                            today=TODAY)
    flat = re.sub(r"\s+", " ", PdfReader(write_request_letter(
        letter, tmp_path / "blank.pdf")).pages[0].extract_text())
    assert "NIP. ....." in flat and "Nomor : …………/…………/…………" in flat


@pytest.mark.parametrize("nature, urgent", [("Biasa", False), ("Segera", True),
                                            ("Sangat Segera", True)])
def test_the_sifat_is_chosen_and_checked(db, setting, nature, urgent, tmp_path):
    letter = request_letter(db, _draft(setting["first"], nature=nature,
                                       carbon_copies="Ketua Harian GT PP-TPPO"), today=TODAY)
    flat = re.sub(r"\s+", " ", PdfReader(write_request_letter(
        letter, tmp_path / "r.pdf")).pages[0].extract_text())
    assert f"Sifat : {nature}" in flat
    assert ("segera diperlukan" in flat) is urgent
    assert "Tembusan:" in flat and "1. Ketua Harian GT PP-TPPO" in flat
    with pytest.raises(ValidationError) as refused:
        request_letter(db, _draft(setting["first"], nature="Kilat"), today=TODAY)
    assert refused.value.field == "nature"


def test_the_letter_goes_to_the_office_title_up_its_focal_point(db, setting):
    from secretariat.agencies.contacts import ContactDraft, add_contact
    from secretariat.agencies.register import get_agency, update_agency

    row = get_agency(db, setting["dinsos"])
    update_agency(db, row.id, _agency_draft(row, office_title="Kepala Dinas Sosial Provinsi "
                                                               "Kalimantan Selatan"), row.version)
    add_contact(db, ContactDraft(row.id, "Akhmad Fauzi", position="Kepala Bidang Rehabilitasi "
                                 "Sosial", focal_point=True))
    letter = request_letter(db, _draft(setting["first"]), today=TODAY)
    assert letter.addressee.lines() == ("Yth. Kepala Dinas Sosial Provinsi Kalimantan Selatan",
                                        "u.p. Kepala Bidang Rehabilitasi Sosial")


def _agency_draft(row, **changes):
    from dataclasses import replace

    from secretariat.agencies.register import AgencyDraft

    fields = AgencyDraft.__dataclass_fields__
    return replace(AgencyDraft(**{name: getattr(row, name) for name in fields}), **changes)
