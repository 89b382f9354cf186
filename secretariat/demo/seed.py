"""Writing the demo dataset of `seed_data` into the database.

The dataset is written with ORM objects in the caller's unit of work; dates that depend
on "now" (the planned rakor, the due dates that must stay open or overdue, recent
follow-ups) are derived from `today`.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Agency,
    AgendaItem,
    Attendance,
    Commitment,
    ContactPerson,
    FocusArea,
    FollowUp,
    Letterhead,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    PaperSize,
    Region,
    SubTaskForce,
    TaskForce,
)
from secretariat.agencies.regions import level_of_code
from secretariat.demo.seed_data import (
    AGENCIES,
    CONTACTS,
    HELD_MEETINGS,
    HUSNUL_NIP,
    INVITED,
    KALSEL_OFFICES,
    LAST_SEED_MEETING,
    LETTERHEAD_SIGNERS,
    MEMBERSHIPS,
    OFFICE_TITLES,
    PLANNED_INVITEES,
    PRESENT,
    RAKOR_2025,
    REGIONS,
    RINA,
    RIZAL,
    RIZAL_NIP,
    TASK_FORCES,
    WITA,
    AttendanceSpec,
    CommitmentSpec,
    MeetingSpec,
    _five_years,
    task_force_name,
)
from secretariat.meetings.instants import starts_at_utc


def next_working_day(day: date) -> date:
    """`day`, or the first later day that is neither a weekend nor an Indonesian holiday."""
    off = holidays.Indonesia(years=(day.year, day.year + 1), categories=("public", "government"))
    while day.weekday() >= 5 or day in off:
        day += timedelta(days=1)
    return day


# --------------------------------------------------------------------------- builder


class _SeedBuilder:
    """Turns the specifications above into rows, keeping the lookups they need."""

    def __init__(self, session: Session, today: date):
        self.session = session
        self.today = today
        self.regions: dict[str, Region] = {}
        self.agencies: dict[str, Agency] = {}
        self.contacts: dict[tuple[str, str], ContactPerson] = {}
        self.task_forces: dict[str, TaskForce] = {}
        self.meetings: dict[str, Meeting] = {}
        self.sub_task_forces = {
            s.position: s for s in session.scalars(select(SubTaskForce))
        }
        self.focus_areas = {f.position: f for f in session.scalars(select(FocusArea))}

    def build(self) -> None:
        self._regions()
        self._agencies()
        self._task_forces()
        for spec in HELD_MEETINGS:
            self._meeting(spec)
        self._planned_rakor()
        self._technical_meeting_this_week()
        self.session.flush()
        for spec in HELD_MEETINGS:
            for number, commitment in enumerate(spec.commitments, start=1):
                self._commitment(spec, number, commitment)
        self._letterhead()
        self.session.flush()

    # -- regions, agencies, people, task forces

    def _regions(self) -> None:
        for code, name, zone, _capital in REGIONS:
            parent = self.regions.get(code.split(".")[0]) if "." in code else None
            region = Region(code=code, name=name, level=level_of_code(code), parent=parent,
                            time_zone=zone)
            self.regions[code] = region
        self.session.add_all(self.regions.values())
        self.session.flush()  # agencies refer to regions by id only

    def _agencies(self) -> None:
        for spec in AGENCIES:
            agency = Agency(
                name=spec.name, abbreviation=spec.abbreviation, sector=spec.sector,
                level=spec.level, address=spec.address, phone=spec.phone, email=spec.email,
                website=spec.website, active=spec.active, notes=spec.notes,
                office_title=OFFICE_TITLES.get(spec.key, ""),
                region_id=self.regions[spec.region].id if spec.region else None,
                renamed_from=self.agencies[spec.renamed_from] if spec.renamed_from else None,
            )
            self.agencies[spec.key] = agency
        self.session.add_all(self.agencies.values())
        self.session.flush()  # task forces and meetings refer to agencies by id only
        for contact in CONTACTS:
            person = ContactPerson(
                agency=self.agencies[contact.agency], name=contact.name,
                position=contact.position, rank=contact.rank, nip=contact.nip,
                phone=contact.phone, email=contact.email, focal_point=contact.focal_point,
                active=contact.active,
            )
            self.contacts[(contact.agency, contact.name)] = person
            self.session.add(person)

    def _task_forces(self) -> None:
        for spec in TASK_FORCES:
            region = self.regions[spec.region]
            start, end = _five_years(spec.decree_date)
            secretariat = self.agencies[spec.secretariat] if spec.secretariat else None
            self.task_forces[spec.region] = TaskForce(
                region=region, name=task_force_name(region.name, region.level),
                formed=spec.formed, decree_number=spec.decree_number,
                decree_date=spec.decree_date, period_start=start, period_end=end,
                secretariat_agency_id=secretariat.id if secretariat else None, notes=spec.notes,
            )
        self.session.add_all(self.task_forces.values())
        self.session.flush()
        for region, agency, role, sub, leads, start, end, notes in MEMBERSHIPS:
            self.session.add(Membership(
                task_force_id=self.task_forces[region].id, agency_id=self.agencies[agency].id,
                role=role, sub_task_force_id=self.sub_task_forces[sub].id,
                leads_sub_task_force=leads, start_date=start, end_date=end, notes=notes,
            ))

    # -- meetings

    def _meeting(self, spec: MeetingSpec) -> Meeting:
        zone = self.regions[spec.task_force.split(".")[0]].time_zone
        meeting = Meeting(
            task_force_id=self.task_forces[spec.task_force].id, kind=spec.kind, title=spec.title,
            date=spec.date, start_time=spec.start, end_time=spec.end, time_zone=zone,
            starts_at_utc=starts_at_utc(spec.date, spec.start, zone), place=spec.place,
            organiser_agency_id=self.agencies[spec.organiser].id,
            invitation_number=spec.invitation_number, chair_name=spec.chair_name,
            chair_position=spec.chair_position, chair_rank=spec.chair_rank,
            chair_nip=spec.chair_nip, secretary_name=spec.secretary_name,
            note_taker_name=spec.note_taker_name, note_taker_position=spec.note_taker_position,
            note_taker_nip=spec.note_taker_nip, status=spec.status, opening=spec.opening,
            conclusions=spec.conclusions, notes=spec.notes,
        )
        meeting.agenda_items = [
            AgendaItem(position=i, title=title, presenter=presenter, discussion=discussion,
                       decisions=decisions)
            for i, (title, presenter, discussion, decisions) in enumerate(spec.agenda, start=1)
        ]
        self.session.add(meeting)
        self.session.flush()
        for line in spec.attendance:
            self._attendance(meeting, line)
        self.meetings[spec.key] = meeting
        return meeting

    def _attendance(self, meeting: Meeting, line: AttendanceSpec) -> None:
        person = self.contacts.get((line.agency, line.name))
        # A deputy who is one of the agency's contacts signs with their own jabatan and phone.
        deputy = self.contacts.get((line.agency, line.represented_by))
        self.session.add(Attendance(
            meeting_id=meeting.id, agency_id=self.agencies[line.agency].id,
            person_id=person.id if person else None, name=line.name,
            position=person.position if person else line.position,
            phone=person.phone if person else "", status=line.status,
            represented_by=line.represented_by,
            represented_position=deputy.position if deputy else "",
            represented_phone=deputy.phone if deputy else "",
        ))

    def _planned_rakor(self) -> None:
        """The next Kalsel rakor, so open commitments have a meeting to be carried to."""
        day = next_working_day(self.today + timedelta(days=10))
        meeting = Meeting(
            task_force_id=self.task_forces["63"].id, kind=MeetingKind.RAKOR,
            title="Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan: "
                  "Evaluasi Tindak Lanjut Komitmen",
            date=day, start_time=time(9, 0), end_time=time(12, 0), time_zone=WITA,
            starts_at_utc=starts_at_utc(day, time(9, 0), WITA),
            place="Aula Kantor DP3AKB Provinsi Kalimantan Selatan, Banjarbaru",
            organiser_agency_id=self.agencies["dp3akb"].id,
            invitation_number=f"005/{day.timetuple().tm_yday + 300}/DP3AKB/{day.year}",
            chair_name="Husnul Hatimah", chair_position=RAKOR_2025.chair_position,
            chair_rank=RAKOR_2025.chair_rank, chair_nip=HUSNUL_NIP, secretary_name=RINA,
            note_taker_name=RIZAL, note_taker_position=RAKOR_2025.note_taker_position,
            note_taker_nip=RIZAL_NIP, status=MeetingStatus.PLANNED,
            notes="Undangan telah dikirim; daftar hadir diisi saat rapat.",
        )
        meeting.agenda_items = [
            AgendaItem(position=1, title="Evaluasi tindak lanjut komitmen Rakor 2 Desember 2025",
                       presenter="Sekretariat Gugus Tugas"),
            AgendaItem(position=2, title="Komitmen yang melewati batas waktu: kendala dan "
                       "rencana penyelesaian", presenter="Instansi penanggung jawab"),
            AgendaItem(position=3, title="Rencana kerja gugus tugas tahun berikutnya",
                       presenter="Kepala DP3AKB"),
        ]
        self.session.add(meeting)
        self.session.flush()
        for agency, name in PLANNED_INVITEES:
            self._attendance(meeting, AttendanceSpec(agency, name, INVITED))
        self.meetings["kalsel-planned"] = meeting

    def _technical_meeting_this_week(self) -> None:
        """A rapat teknis held this week whose minutes are still a draft: everyday work."""
        day = self.today - timedelta(days=min(self.today.weekday(), 1))  # this week, not ahead
        meeting = Meeting(
            task_force_id=self.task_forces["63"].id, kind=MeetingKind.TECHNICAL,
            title="Rapat Teknis Sub Gugus Tugas Pencegahan: Persiapan Rakor Evaluasi",
            date=day, start_time=time(13, 30), end_time=time(15, 30), time_zone=WITA,
            starts_at_utc=starts_at_utc(day, time(13, 30), WITA),
            place="Ruang Rapat Bidang PPA, Kantor DP3AKB Provinsi Kalimantan Selatan",
            organiser_agency_id=self.agencies["dp3akb"].id,
            invitation_number=f"005/{day.timetuple().tm_yday + 200}/DP3AKB/{day.year}",
            chair_name=RINA, secretary_name=RINA, note_taker_name=RIZAL,
            note_taker_position=RAKOR_2025.note_taker_position, note_taker_nip=RIZAL_NIP,
            status=MeetingStatus.MINUTES_DRAFT,
            opening="Rapat dibuka oleh Sekretaris Gugus Tugas; peserta menyepakati "
                    "bahan evaluasi untuk rakor berikutnya.",
        )
        meeting.agenda_items = [
            AgendaItem(position=1, title="Rekap tindak lanjut komitmen per instansi",
                       presenter="Sekretariat Gugus Tugas",
                       discussion="Sekretariat memaparkan rekap; tiga komitmen belum ada "
                                  "laporan sejak rakor terakhir."),
            AgendaItem(position=2, title="Bahan paparan rakor evaluasi",
                       presenter="Bidang PPA"),
        ]
        self.session.add(meeting)
        self.session.flush()
        for agency, name in PLANNED_INVITEES[:6]:
            self._attendance(meeting, AttendanceSpec(agency, name, PRESENT))

    # -- commitments and their follow-ups

    def _due_date(self, meeting_day: date, spec: CommitmentSpec) -> date:
        due = spec.due
        if spec.due_rule == "overdue":
            due = min(due, self.today - timedelta(days=7))
        elif spec.due_rule == "open":
            due = max(due, self.today + timedelta(days=30))
        elif spec.due_rule == "soon":
            due = self.today + timedelta(days=9)
        return max(due, meeting_day)

    def _follow_up_day(
        self, meeting_day: date, when: date | float | str
    ) -> tuple[date, Meeting | None]:
        if isinstance(when, str):
            later = self.meetings[when]
            return later.date, later
        if isinstance(when, float):
            start = max(meeting_day, LAST_SEED_MEETING)
            span = (self.today - start).days
            return start + timedelta(days=max(1, round(span * when))), None
        return when, None

    def _commitment(self, meeting_spec: MeetingSpec, number: int, spec: CommitmentSpec) -> None:
        meeting = self.meetings[meeting_spec.key]
        commitment = Commitment(
            meeting_id=meeting.id, number=number, text=spec.text, action_plan=spec.action_plan,
            focus_area_id=self.focus_areas[spec.focus].id if spec.focus else None,
            sub_task_force_id=(
                self.sub_task_forces[spec.sub_task_force].id if spec.sub_task_force else None
            ),
            lead_agency_id=self.agencies[spec.lead].id,
            due_date=self._due_date(meeting.date, spec), indicator=spec.indicator,
            status=spec.status, status_reason=spec.status_reason, progress=spec.progress,
            confidential=spec.confidential, notes=spec.notes,
        )
        commitment.supporting_agencies = [self.agencies[k] for k in spec.supporting]
        commitment.signatory_agencies = [self.agencies[k] for k in spec.signatories]
        previous = meeting.date
        for step in spec.follow_ups:
            day, at_meeting = self._follow_up_day(meeting.date, step.when)
            if not (previous <= day <= self.today):
                raise ValueError(f"seed follow-up out of order: {spec.text[:40]!r} on {day}")
            previous = day
            commitment.follow_ups.append(FollowUp(
                date=day, reporting_agency_id=self.agencies[step.agency].id, source=step.source,
                meeting_id=at_meeting.id if at_meeting else None, note=step.note,
                obstacles=step.obstacles, status_after=step.status, progress_after=step.progress,
                status_reason=step.status_reason,
            ))
        if spec.follow_ups:
            last = spec.follow_ups[-1]
            if (last.status, last.progress) != (spec.status, spec.progress):
                raise ValueError(f"seed commitment's last follow-up differs: {spec.text[:40]!r}")
        self.session.add(commitment)

    def _letterhead(self) -> None:
        self.session.add(Letterhead(
            task_force_id=None,
            government_line="PEMERINTAH PROVINSI KALIMANTAN SELATAN",
            agency_line="DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK DAN KELUARGA BERENCANA",
            address=f"Jl. Dharma Praja II, {KALSEL_OFFICES}",
            phone="(0511) 6749 220",
            email="dp3akb@kalselprov.go.id",
            website="dp3akb.kalselprov.go.id",
            city="Banjarbaru",
            paper_size=PaperSize.F4,
            **self._signer_of(None),
        ))
        # The other task forces that met print on their own secretariat's letterhead, so
        # the Kaltim and Bengkayang minutes are not headed and signed as Kalimantan Selatan.
        capitals = {code: capital for code, _name, _zone, capital in REGIONS}
        for spec in TASK_FORCES:
            if spec.region not in ("64", "61.07") or not spec.secretariat:
                continue
            region, agency = self.regions[spec.region], self.agencies[spec.secretariat]
            government = (f"Pemerintah Provinsi {region.name}" if "." not in spec.region
                          else f"Pemerintah {region.name}")
            self.session.add(Letterhead(
                task_force_id=self.task_forces[spec.region].id,
                government_line=government.upper(), agency_line=agency.name.upper(),
                address=agency.address, phone=agency.phone, email=agency.email,
                website=agency.website, city=capitals[spec.region], paper_size=PaperSize.A4,
                **self._signer_of(spec.region),
            ))

    @staticmethod
    def _signer_of(region: str | None) -> dict[str, str]:
        """The kop's default signer (its office's head) and Tembusan, as Letterhead columns."""
        spec = LETTERHEAD_SIGNERS.get(region)
        if spec is None:
            return {}
        return {"signer_name": spec.name, "signer_position": OFFICE_TITLES[spec.agency],
                "signer_rank": spec.rank, "signer_nip": spec.nip,
                "carbon_copies": spec.carbon_copies}


def add_seed(session: Session, today: date) -> None:
    """Write the realistic dataset into `session` (the caller's unit of work)."""
    _SeedBuilder(session, today).build()
