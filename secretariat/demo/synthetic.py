"""Stress data for `--scale N`: exactly N more commitments, with meetings and follow-ups.

Runs after the seed, in the same transaction, over the task forces and agencies the seed
wrote. About eight commitments per meeting, meetings from 2018 to `today` (plus a few
planned ones ahead), about three follow-ups per commitment. Old commitments are mostly
done, recent ones mostly open, some overdue, a few that cannot be followed up; the last
follow-up of a commitment always carries its status and progress.

Speed matters (100,000 commitments make about a million rows), so rows are plain tuples
with ids assigned here from max(id) + 1, sent as multi-row INSERT statements to the
driver's `executemany` through `Connection.exec_driver_sql`, all in the caller's
transaction. SQLAlchemy's Core `insert()` would process every parameter of every row in
Python (measured: about 40 microseconds a row, more than SQLite's own work). To stay
portable the values are converted once per distinct value with SQLAlchemy's own type
processors for the dialect (dates and timestamps become the strings SQLAlchemy itself
stores on SQLite; PostgreSQL takes them natively), and the statements use the driver's
placeholder style. On PostgreSQL the id sequences are moved past the new rows.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from itertools import chain
from typing import NamedTuple

import holidays
from sqlalchemy import Boolean, Date, DateTime, FromClause, Time, func, select, text
from sqlalchemy.orm import Session

from models import (
    Agency,
    AgendaItem,
    Attendance,
    Commitment,
    CommitmentStatus,
    FocusArea,
    FollowUp,
    FollowUpSource,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Region,
    SubTaskForce,
    TaskForce,
    commitment_signatories,
    commitment_supporting_agencies,
    search_index,
)
from secretariat.demo.seed_data import REGION_CAPITALS
from secretariat.meetings.instants import starts_at_utc

FIRST_DAY = date(2018, 1, 2)
COMMITMENTS_PER_MEETING = 8
CHUNK_ROWS = 10_000
MEETINGS_PER_BATCH = 500  # commitments are written meeting batch by meeting batch

NOT_STARTED = CommitmentStatus.NOT_STARTED.value
IN_PROGRESS = CommitmentStatus.IN_PROGRESS.value
DONE = CommitmentStatus.DONE.value
CANNOT = CommitmentStatus.CANNOT.value
MEETING_SOURCE = FollowUpSource.MEETING.value


# --------------------------------------------------------------------------- vocabulary


class Template(NamedTuple):
    text: str
    action_plan: str
    indicator: str
    focus: int | None  # focus area position
    sub_task_force: int  # sub task force position
    sectors: tuple[str, ...]  # sectors a lead agency is preferably chosen from


TEMPLATES: tuple[Template, ...] = (
    Template("Menyusun basis data terpadu korban TPPO antarinstansi {wilayah}",
             "Menghimpun data kasus dan korban dari setiap instansi dengan format baku, lalu "
             "memverifikasinya bersama.",
             "Basis data terpadu tersedia dan diperbarui setiap triwulan", 4, 6,
             ("Pemerintah Daerah", "Layanan Sosial")),
    Template("Melaksanakan sosialisasi pencegahan TPPO di sekolah menengah {wilayah}",
             "Menyusun jadwal bersama guru bimbingan konseling dan menyiapkan materi.",
             "Sosialisasi terlaksana di seluruh SMA/SMK sasaran", 3, 1, ("Pendidikan",)),
    Template("Melakukan pendataan PMI non-prosedural asal {wilayah_singkat}",
             "Mendata kepulangan PMI bersama BP3MI dan desa asal; merujuk yang terindikasi korban.",
             "Daftar PMI non-prosedural terverifikasi", 1, 3, ("Ketenagakerjaan",)),
    Template("Memetakan desa/kelurahan rawan TPPO {wilayah}",
             "Menggabungkan data asal PMI, kasus dan kemiskinan; verifikasi lapangan.",
             "Peta desa rawan TPPO ditetapkan", 1, 1, ("Ketenagakerjaan", "Pemerintah Daerah")),
    Template("Menyediakan layanan rehabilitasi sosial dan reintegrasi bagi korban TPPO {wilayah}",
             "Menyiapkan rumah perlindungan, pendamping dan alur rujukan.",
             "Setiap korban yang dirujuk mendapat layanan", 2, 3, ("Layanan Sosial",)),
    Template("Menjamin pemeriksaan kesehatan dan visum tanpa biaya bagi korban TPPO {wilayah}",
             "Menerbitkan surat edaran kepada rumah sakit; menyiapkan pembiayaan.",
             "Surat edaran terbit dan dilaksanakan", 2, 2, ("Kesehatan",)),
    Template("Menyampaikan pesan pencegahan TPPO melalui penyuluh dan tokoh agama {wilayah}",
             "Menyusun materi singkat untuk khotbah, kebaktian dan bimbingan perkawinan.",
             "Materi dipakai di rumah ibadah dan KUA sasaran", 3, 1, ("Keagamaan",)),
    Template("Memperkuat koordinasi penyidikan dan penuntutan perkara TPPO {wilayah}",
             "Forum konsultasi penyidik dan jaksa setiap bulan sejak SPDP.",
             "Forum bulanan berjalan", 4, 5, ("Penegak Hukum",)),
    Template("Mengawasi penerbitan dokumen kependudukan dan paspor yang rawan disalahgunakan "
             "untuk perekrutan PMI non-prosedural",
             "Wawancara mendalam pemohon; pertukaran data dengan BP3MI.",
             "Laporan pengawasan triwulanan", 1, 1, ("Keimigrasian", "Pemerintah Daerah")),
    Template("Menyusun rancangan peraturan kepala daerah tentang pencegahan dan penanganan TPPO "
             "{wilayah}",
             "Naskah akademik, harmonisasi dan konsultasi publik.",
             "Peraturan kepala daerah ditetapkan", None, 4, ("Pemerintah Daerah", "Akademisi")),
    Template("Mengkampanyekan pencegahan TPPO melalui media sosial dan radio daerah",
             "Menyiapkan materi kampanye bulanan bersama anggota gugus tugas.",
             "Kampanye tayang setiap bulan", 3, 1, ("Pemerintah Daerah",)),
    Template("Membentuk kelompok masyarakat peduli TPPO di desa rawan {wilayah}",
             "Melatih kader PKK dan tokoh masyarakat; penetapan oleh kepala desa.",
             "Kelompok terbentuk di desa sasaran", 3, 1, ("Masyarakat Sipil", "Pemerintah Daerah")),
    Template("Memfasilitasi pemulangan korban TPPO ke daerah asal {wilayah}",
             "Koordinasi penjemputan, pendampingan dan penyerahan kepada keluarga.",
             "Korban dipulangkan dan didampingi", 2, 3, ("Ketenagakerjaan", "Layanan Sosial")),
    Template("Melatih petugas layanan dalam penanganan korban TPPO yang berperspektif korban",
             "Pelatihan bagi petugas UPTD PPA, rumah sakit dan kepolisian.",
             "Petugas layanan terlatih", 2, 3, ("Layanan Sosial", "Kesehatan")),
    Template("Melakukan pengawasan terpadu tempat hiburan malam dan penginapan yang rawan "
             "eksploitasi seksual anak {wilayah}",
             "Operasi gabungan terjadwal bersama Satpol PP dan kepolisian.",
             "Pengawasan terlaksana setiap triwulan", 1, 5, ("Penegak Hukum",)),
    Template("Menganggarkan kegiatan gugus tugas dalam RKPD tahun berikutnya",
             "Usulan kegiatan disampaikan ke Bappeda sebelum musrenbang.",
             "Kegiatan gugus tugas tercantum dalam RKPD", None, 6, ("Pemerintah Daerah",)),
)

TOPICS = (
    "Pencegahan TPPO", "Pendataan Korban TPPO", "Penanganan Korban TPPO",
    "Pelindungan Pekerja Migran Indonesia", "Pencegahan Eksploitasi Anak",
    "Layanan Rujukan Korban",
)
KIND_WEIGHTS = (
    (MeetingKind.RAKOR, 50), (MeetingKind.TECHNICAL, 15), (MeetingKind.FGD, 8),
    (MeetingKind.OUTREACH, 5), (MeetingKind.MONITORING, 17), (MeetingKind.SYNCHRONISATION, 5),
)
OPENING_LINES = (
    "Pimpinan rapat mengingatkan bahwa setiap rekomendasi harus berubah menjadi langkah nyata.",
    "Pimpinan rapat meminta setiap instansi melaporkan tindak lanjut beserta bukti dukungnya.",
    "Disampaikan bahwa data kasus antarinstansi masih berbeda dan perlu diseragamkan.",
    "Pimpinan rapat menekankan pencegahan di desa asal pekerja migran.",
)
PROGRESS_NOTES = (
    "Rapat teknis membahas rencana aksi; capaian {p}%.",
    "Kegiatan tahap awal telah dilaksanakan; capaian {p}%.",
    "Surat permintaan data telah dikirim ke instansi terkait; capaian {p}%.",
    "Koordinasi lanjutan dengan instansi pendukung; capaian {p}%.",
    "Kegiatan berjalan sesuai jadwal; capaian {p}%.",
)
DONE_NOTES = (
    "Seluruh kegiatan selesai; laporan dan bukti dukung diserahkan ke sekretariat.",
    "Target indikator tercapai; laporan akhir disampaikan.",
    "Kegiatan selesai dan didokumentasikan; komitmen dinyatakan selesai.",
)
WAITING_NOTES = (
    "Sekretariat mengirim surat pengingat; belum ada tindak lanjut.",
    "Instansi penanggung jawab masih menunggu alokasi anggaran.",
)
CANNOT_NOTE = "Instansi penanggung jawab menyatakan komitmen tidak dapat ditindaklanjuti."
CANNOT_REASONS = (
    "Perkara masih dalam proses persidangan.",
    "Perubahan struktur organisasi perangkat daerah; tugas berpindah ke instansi lain.",
    "Anggaran tidak tersedia karena refocusing.",
    "Perubahan regulasi (Perpres 49/2023) mengubah pembagian tugas.",
    "Keadaan kahar: banjir melanda wilayah sasaran.",
)
OBSTACLES = (
    "", "", "", "", "",
    "Keterbatasan anggaran.", "Pergantian pejabat penanggung jawab.",
    "Data antarinstansi belum seragam.", "Akses ke desa terpencil sulit pada musim hujan.",
    "Korban enggan melapor.",
)
FIRST_NAMES_M = (
    "Ahmad", "Muhammad", "Rahmat", "Agus", "Budi", "Hairul", "Rizky", "Akhmad", "Syarif",
    "Gusti", "Eko", "Yusuf", "Fajar", "Hendra", "Andi", "Irwan", "Taufik", "Bayu",
)
FIRST_NAMES_F = (
    "Siti", "Nur", "Rina", "Fitri", "Dewi", "Noor", "Yuni", "Lisa", "Dian", "Ratna",
    "Wulan", "Sri", "Mariani", "Nadia", "Ayu", "Herlina", "Rahmawati", "Norma",
)
LAST_NAMES = (
    "Hidayat", "Rahman", "Maulida", "Saputra", "Hasanah", "Fauzi", "Kurniawan", "Lestari",
    "Pratama", "Wahyuni", "Anwar", "Safitri", "Setiawan", "Hakim", "Nurhayati", "Ramadhan",
    "Aulia", "Syahputra", "Kartini", "Firdaus",
)
DEGREES = ("S.Sos.", "S.H.", "S.E.", "S.Pd.", "S.STP.", "S.Kom.", "S.Psi.", "M.Si.", "")
RANKS = ("Pembina Utama Muda (IV/c)", "Pembina Tingkat I (IV/b)", "Pembina (IV/a)")
DELEGATE_POSITIONS = (
    "Kepala Bidang", "Kepala Seksi", "Analis Kebijakan", "Staf Teknis", "Kepala Subbagian",
)


# --------------------------------------------------------------------------- the world


@dataclass(frozen=True, eq=False)  # compared by identity: one object per agency
class _Agency:
    id: int
    abbreviation: str
    sector: str
    region_code: str | None


@dataclass
class _TaskForce:
    id: int
    region_code: str
    region_name: str
    is_province: bool
    time_zone: str
    secretariat: _Agency | None
    pool: list[_Agency] = field(default_factory=list)
    by_sector: dict[str, list[_Agency]] = field(default_factory=dict)
    casts: tuple = ()  # (chair, position, rank, nip, secretary, note taker, position, nip)
    places: tuple[str, ...] = ()
    weight: int = 1

    @property
    def display(self) -> str:
        return ("Provinsi " if self.is_province else "") + self.region_name

    @property
    def short_name(self) -> str:
        return self.region_name.removeprefix("Kabupaten ").removeprefix("Kota ")


class _People:
    """Fictional people: synthetic meetings are never chaired by the real officials."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.serial = 0

    def name(self) -> tuple[str, bool]:
        rng = self.rng
        female = rng.random() < 0.5
        first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
        degree = rng.choice(DEGREES)
        full = f"{first} {rng.choice(LAST_NAMES)}"
        return (f"{full}, {degree}" if degree else full), female

    def nip(self, female: bool) -> str:
        rng = self.rng
        self.serial += 1
        born = date(rng.randint(1968, 1994), rng.randint(1, 12), rng.randint(1, 28))
        appointed = born.year + rng.randint(22, 28)
        return (f"{born:%Y%m%d}{appointed:04d}{rng.choice((1, 3, 12)):02d}"
                f"{2 if female else 1}{self.serial % 1000:03d}")

    def phone(self) -> str:
        rng = self.rng
        prefix = rng.choice((11, 12, 13, 21, 52, 53))
        return f"08{prefix}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def _load_world(session: Session, rng: random.Random) -> list[_TaskForce]:
    agencies = [
        _Agency(a_id, abbreviation, sector, code)
        for a_id, abbreviation, sector, code in session.execute(
            select(Agency.id, Agency.abbreviation, Agency.sector, Region.code)
            .outerjoin(Region, Agency.region_id == Region.id)
            .where(Agency.active.is_(True))
            .order_by(Agency.id)
        )
    ]
    by_id = {a.id: a for a in agencies}
    province_zone = dict(session.execute(
        select(Region.code, Region.time_zone).where(Region.parent_id.is_(None))
    ).tuples().all())
    people = _People(rng)
    task_forces = []
    rows = session.execute(
        select(TaskForce.id, TaskForce.secretariat_agency_id, Region.code, Region.name)
        .join(Region, TaskForce.region_id == Region.id)
        .where(TaskForce.formed.is_(True))
        .order_by(TaskForce.id)
    )
    for tf_id, secretariat_id, code, name in rows:
        province = code.split(".")[0]
        tf = _TaskForce(
            id=tf_id, region_code=code, region_name=name, is_province="." not in code,
            time_zone=province_zone[province].value, secretariat=by_id.get(secretariat_id),
        )
        # A province task force draws on every agency of the province; a kabupaten/kota
        # one on its own agencies and the province's. National bodies serve everyone.
        tf.pool = [
            a for a in agencies
            if a.region_code is None
            or (a.region_code.startswith(province) if tf.is_province
                else a.region_code in (code, province))
        ]
        for agency in tf.pool:
            tf.by_sector.setdefault(agency.sector, []).append(agency)
        tf.casts = (_cast(tf, people), _cast(tf, people))  # before 2023 and from 2023
        tf.places = _places(tf)
        # Kalimantan Selatan's province task force meets most; other provinces less often.
        tf.weight = (4 if province == "63" else 2) if tf.is_province else 1
        task_forces.append(tf)
    return task_forces


def _cast(tf: _TaskForce, people: _People) -> tuple:
    chair, chair_female = people.name()
    if tf.secretariat is not None:
        chair_position = f"Kepala {tf.secretariat.abbreviation}"
    elif tf.is_province:
        chair_position = f"Asisten Kesejahteraan Rakyat Setda {tf.display}"
    else:
        chair_position = f"Asisten Pemerintahan dan Kesra Setda {tf.region_name}"
    secretary, _female = people.name()
    note_taker, taker_female = people.name()
    return (
        chair, chair_position, people.rng.choice(RANKS), people.nip(chair_female), secretary,
        note_taker, f"Analis Sekretariat Gugus Tugas {tf.display}", people.nip(taker_female),
    )


def _places(tf: _TaskForce) -> tuple[str, ...]:
    capital = REGION_CAPITALS.get(tf.region_code, tf.short_name)
    if tf.is_province:
        office = tf.secretariat.abbreviation if tf.secretariat else "Sekretariat Daerah"
        return (
            f"Aula Kantor {office}, {capital}",
            f"Ruang Rapat Sekretariat Daerah {tf.display}, {capital}",
            f"Ruang Rapat Bappeda {tf.display}, {capital}",
        )
    head = "Wali Kota" if tf.region_name.startswith("Kota ") else "Bupati"
    return (
        f"Aula Kantor {head} {tf.short_name}, {capital}",
        f"Ruang Rapat Sekretariat Daerah {tf.region_name}, {capital}",
        f"Aula Bappeda {tf.region_name}, {capital}",
    )


# --------------------------------------------------------------------------- writing


class _Writer:
    """Bulk inserts through the driver, with values adapted once per distinct value.

    Rows go many to one INSERT ... VALUES (...), (...) statement. Besides saving round
    trips this matters on SQLite: it evaluates the CHECK (... IN (...)) of every enum
    column by building a small lookup table once per statement execution, which with one
    row per execution cost more than the insert itself.
    """

    PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
    # Bound parameters per statement: within SQLite's oldest limit (999) and PostgreSQL's.
    MAX_PARAMETERS = 999

    def __init__(self, session: Session, actor: str):
        self.connection = session.connection()
        self.dialect = self.connection.dialect
        mark = self.PLACEHOLDERS.get(self.dialect.paramstyle)
        if mark is None:  # the program supports sqlite3 and psycopg only
            raise NotImplementedError(f"unsupported DB-API paramstyle {self.dialect.paramstyle}")
        self.mark = mark
        self._date = self._processor(Date())
        self._dates: dict[int, object] = {}
        stamp = self._processor(DateTime(timezone=True))(datetime.now(UTC))
        self.audit = (1, stamp, stamp, actor)  # version, created_at, updated_at, changed_by
        adapt_time = self._processor(Time())
        self.morning = (time(9, 0), adapt_time(time(9, 0)), adapt_time(time(12, 0)))
        self.afternoon = (time(13, 30), adapt_time(time(13, 30)), adapt_time(time(16, 0)))
        self.instant = self._processor(DateTime())
        adapt_bool = self._processor(Boolean())
        self.true, self.false = adapt_bool(True), adapt_bool(False)

    def _processor(self, sql_type) -> Callable:
        processor = sql_type.dialect_impl(self.dialect).bind_processor(self.dialect)
        return processor or (lambda value: value)

    def day(self, ordinal: int):
        """A date (given as its ordinal) as the driver takes it."""
        value = self._dates.get(ordinal)
        if value is None:
            value = self._dates[ordinal] = self._date(date.fromordinal(ordinal))
        return value

    def next_id(self, table: FromClause) -> int:
        return (self.connection.scalar(select(func.max(table.c.id))) or 0) + 1

    def insert(self, table: FromClause, columns: tuple[str, ...], rows: list[tuple]) -> None:
        quote = self.dialect.identifier_preparer.quote
        head = (f"INSERT INTO {self.dialect.identifier_preparer.format_table(table)} "
                f"({', '.join(quote(c) for c in columns)}) VALUES ")
        one_row = f"({', '.join([self.mark] * len(columns))})"
        per_statement = max(1, self.MAX_PARAMETERS // len(columns))
        whole = len(rows) - len(rows) % per_statement
        statement = head + ", ".join([one_row] * per_statement)
        per_call = max(1, CHUNK_ROWS // per_statement)
        flat = [
            tuple(chain.from_iterable(rows[i:i + per_statement]))
            for i in range(0, whole, per_statement)
        ]
        for start in range(0, len(flat), per_call):
            self.connection.exec_driver_sql(statement, flat[start:start + per_call])
        rest = rows[whole:]
        if rest:
            self.connection.exec_driver_sql(
                head + ", ".join([one_row] * len(rest)), tuple(chain.from_iterable(rest))
            )

    def advance_sequences(self, tables: tuple[FromClause, ...]) -> None:
        """PostgreSQL: rows inserted with explicit ids do not move the id sequences."""
        if self.dialect.name != "postgresql":
            return
        for table in tables:
            name = self.dialect.identifier_preparer.format_table(table)
            self.connection.execute(
                text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                     f"(SELECT max(id) FROM {name}))"),
                {"table": name},
            )


AUDIT = ("version", "created_at", "updated_at", "changed_by")
MEETING_COLUMNS = (
    "id", "task_force_id", "kind", "title", "date", "start_time", "end_time", "time_zone",
    "starts_at_utc", "place", "organiser_agency_id", "invitation_number", "chair_name",
    "chair_position", "chair_rank", "chair_nip", "secretary_name", "note_taker_name",
    "note_taker_position", "note_taker_nip", "status", "opening", "conclusions",
    "reopen_reason", "notes", *AUDIT,
)
AGENDA_COLUMNS = (
    "id", "meeting_id", "position", "title", "presenter", "discussion", "decisions", *AUDIT,
)
ATTENDANCE_COLUMNS = (
    "id", "meeting_id", "agency_id", "person_id", "name", "position", "phone", "status",
    "represented_by", *AUDIT,
)
COMMITMENT_COLUMNS = (
    "id", "meeting_id", "number", "text", "action_plan", "focus_area_id", "sub_task_force_id",
    "lead_agency_id", "due_date", "indicator", "status", "status_reason", "progress",
    "confidential", "notes", *AUDIT,
)
FOLLOW_UP_COLUMNS = (
    "id", "commitment_id", "date", "reporting_agency_id", "source", "meeting_id", "note",
    "obstacles", "status_after", "progress_after", "status_reason", *AUDIT,
)
LINK_COLUMNS = ("commitment_id", "agency_id")


# --------------------------------------------------------------------------- meetings


class _Meeting(NamedTuple):
    id: int
    tf: _TaskForce
    day: int  # date ordinal
    commitments: int


def _working_days(first: int, last: int) -> list[int]:
    """Ordinals of the days from `first` to `last` that are not weekends or holidays."""
    years = range(date.fromordinal(first).year, date.fromordinal(last).year + 1)
    off = holidays.Indonesia(years=years, categories=("public", "government"))
    days = (date.fromordinal(o) for o in range(first, last + 1))
    return [d.toordinal() for d in days if d.weekday() < 5 and d not in off]


def _title(kind: MeetingKind, tf: _TaskForce, topic: str, day: date) -> str:
    quarter, half = (day.month - 1) // 3 + 1, 1 if day.month <= 6 else 2
    name = f"Gugus Tugas PP-TPPO {tf.display}"
    if kind is MeetingKind.RAKOR:
        return f"Rapat Koordinasi {name} Triwulan {quarter} Tahun {day.year}"
    if kind is MeetingKind.MONITORING:
        return (f"Monitoring dan Evaluasi Tindak Lanjut Komitmen {name} "
                f"Semester {half} Tahun {day.year}")
    prefix = {
        MeetingKind.TECHNICAL: "Rapat Teknis", MeetingKind.FGD: "Focus Group Discussion",
        MeetingKind.OUTREACH: "Sosialisasi",
        MeetingKind.SYNCHRONISATION: "Pertemuan Koordinasi dan Sinkronisasi",
    }[kind]
    return f"{prefix} {topic} {_where(tf)}"


def _where(tf: _TaskForce) -> str:
    return f"di {tf.display}"


# --------------------------------------------------------------------------- commitments

# Weighted choices spelt out as lists, so picking is one index (this runs a million times).
DUE_AFTER_DAYS = (30, 60, 90, 90, 120, 180, 180, 270, 365)
SOURCES = ("letter",) * 6 + ("report",) * 8 + ("phone",) * 3 + ("visit",) * 3
DONE_STEPS, OPEN_STEPS, CANNOT_STEPS = (2, 3, 3, 3, 4, 4), (1, 2, 3, 3, 4), (1, 2, 3)
PROGRESS_NOTE_TEXTS = tuple(
    tuple(note.format(p=p) for p in range(101)) for note in PROGRESS_NOTES
)


def _outcome(random: Callable[[], float], age: int) -> tuple[str, int, str]:
    """Status, progress and reason of a commitment made `age` days ago."""
    if age < 1:
        return NOT_STARTED, 0, ""
    roll = random()
    if roll < min(0.93, age / 600):  # old commitments are mostly done
        return DONE, 100, ""
    if age > 30 and roll > 0.98:
        return CANNOT, 10 * int(random() * 5), CANNOT_REASONS[int(random() * len(CANNOT_REASONS))]
    if random() < min(0.85, 0.2 + age / 200):  # recent ones are more often not started
        return IN_PROGRESS, 10 + 5 * int(random() * 18), ""
    return NOT_STARTED, 0, ""


def _steps(random: Callable[[], float], status: str, progress: int) -> list[tuple[str, int]]:
    """The (status, progress) after each follow-up, ending at the commitment's own."""
    if status == NOT_STARTED:
        return [(NOT_STARTED, 0)] if random() < 0.4 else []
    counts: tuple[int, ...]
    if status == DONE:
        counts, low = DONE_STEPS, 10
    elif status == IN_PROGRESS:
        counts, low = OPEN_STEPS, 5
    else:
        counts, low = CANNOT_STEPS, 0
    count = counts[int(random() * len(counts))]
    top = max(low, min(progress, 95))
    # Multiples of 5 from `low` to `top`, never beyond the final progress.
    values = sorted(min(progress, low + 5 * int(random() * ((top - low) // 5 + 1)))
                    for _ in range(count - 1))
    steps = [(IN_PROGRESS if v > 0 else NOT_STARTED, v) for v in values]
    steps.append((status, progress))
    return steps


def _note(random: Callable[[], float], status: str, progress: int) -> str:
    if status == IN_PROGRESS:
        return PROGRESS_NOTE_TEXTS[int(random() * len(PROGRESS_NOTE_TEXTS))][progress]
    if status == DONE:
        return DONE_NOTES[int(random() * len(DONE_NOTES))]
    if status == CANNOT:
        return CANNOT_NOTE
    return WAITING_NOTES[int(random() * len(WAITING_NOTES))]


class _Rows(NamedTuple):
    commitments: list
    supporting: list
    signatories: list
    follow_ups: list


# --------------------------------------------------------------------------- generator


class _Generator:
    def __init__(self, session: Session, scale: int, today: date, rng: random.Random, actor: str):
        self.session = session
        self.scale = scale
        self.today = today.toordinal()
        self.rng = rng
        self.random = rng.random
        self.writer = _Writer(session, actor)
        self.task_forces = _load_world(session, rng)
        self.people = _People(rng)
        self.sub_task_forces = dict(
            session.execute(select(SubTaskForce.position, SubTaskForce.id)).tuples().all()
        )
        self.focus_areas = dict(
            session.execute(select(FocusArea.position, FocusArea.id)).tuples().all()
        )
        self.past_days = _working_days(FIRST_DAY.toordinal(), self.today)
        self.delegates: dict[int, tuple[str, str, str]] = {}
        self.templates: dict[tuple[int, int], tuple] = {}
        self.next_commitment = self.next_follow_up = 0

    def run(self) -> None:
        if not self.task_forces:
            raise RuntimeError("the synthetic data needs the seed's task forces")
        held, planned = self._plan_meetings()
        self._write_meetings(held, planned)
        held_days = self._held_meetings_by_task_force()
        self.next_commitment = self.writer.next_id(Commitment.__table__)
        self.next_follow_up = self.writer.next_id(FollowUp.__table__)
        # Written meeting batch by meeting batch to keep memory flat.
        for start in range(0, len(held), MEETINGS_PER_BATCH):
            self._write_commitments(held[start:start + MEETINGS_PER_BATCH], held_days)
        self.writer.advance_sequences((
            Meeting.__table__, AgendaItem.__table__, Attendance.__table__,
            Commitment.__table__, FollowUp.__table__,
        ))

    # -- meetings

    def _plan_meetings(self) -> tuple[list[_Meeting], list[_Meeting]]:
        rng = self.rng
        n_held = max(1, round(self.scale / COMMITMENTS_PER_MEETING))
        counts = [rng.randint(4, 12) for _ in range(n_held)]
        # Nudge random meetings until the counts add up to exactly `scale`.
        difference = self.scale - sum(counts)
        while difference:
            i = rng.randrange(n_held)
            step = 1 if difference > 0 else -1
            if 1 <= counts[i] + step <= 20:
                counts[i] += step
                difference -= step
        weights = [tf.weight for tf in self.task_forces]
        next_id = self.writer.next_id(Meeting.__table__)
        chosen = rng.choices(self.task_forces, weights, k=n_held)
        pairs = zip(chosen, counts, strict=True)
        dated = sorted(((rng.choice(self.past_days), tf, n) for tf, n in pairs),
                       key=lambda m: m[0])
        held = [_Meeting(next_id + i, tf, day, n) for i, (day, tf, n) in enumerate(dated)]
        future = _working_days(self.today + 1, self.today + 90)
        n_planned = max(1, n_held // 250)
        planned = [
            _Meeting(next_id + n_held + i, tf, rng.choice(future), 0)
            for i, tf in enumerate(rng.choices(self.task_forces, weights, k=n_planned))
        ]
        return held, planned

    def _write_meetings(self, held: list[_Meeting], planned: list[_Meeting]) -> None:
        rng, writer = self.rng, self.writer
        kinds, kind_weights = zip(*KIND_WEIGHTS, strict=True)
        meetings, agenda, attendance = [], [], []
        agenda_id = writer.next_id(AgendaItem.__table__)
        attendance_id = writer.next_id(Attendance.__table__)
        for m in (*held, *planned):
            tf, day = m.tf, date.fromordinal(m.day)
            is_planned = m.day > self.today
            kind = rng.choices(kinds, kind_weights)[0]
            topic = rng.choice(TOPICS)
            chair, position, rank, chair_nip, secretary, taker, taker_position, taker_nip = (
                tf.casts[day.year >= 2023]
            )
            starts, start, end = writer.morning if rng.random() < 0.8 else writer.afternoon
            if is_planned:
                status = MeetingStatus.PLANNED.value
            elif self.today - m.day > 30:
                status = MeetingStatus.MINUTES_FINAL.value
            else:
                status = rng.choice((MeetingStatus.HELD.value, MeetingStatus.MINUTES_DRAFT.value))
            office = tf.secretariat.abbreviation.split()[0] if tf.secretariat else "GT-TPPO"
            opening = conclusions = ""
            if not is_planned:
                opening = f"Rapat dibuka oleh {chair}, {position}. {rng.choice(OPENING_LINES)}"
                conclusions = (f"Rapat menyepakati {m.commitments} komitmen yang dicatat dalam "
                               "matriks tindak lanjut dan dipantau sekretariat.")
            meetings.append((
                m.id, tf.id, kind.value, _title(kind, tf, topic, day), writer.day(m.day),
                start, end, tf.time_zone,
                writer.instant(starts_at_utc(day, starts, tf.time_zone)), rng.choice(tf.places),
                tf.secretariat.id if tf.secretariat else None,
                f"005/{rng.randint(20, 999)}/{office}/{day.year}", chair, position, rank,
                chair_nip, secretary, taker, taker_position, taker_nip, status, opening,
                conclusions, "", "", *writer.audit,
            ))
            held_text = not is_planned
            agenda.append((
                agenda_id, m.id, 1, "Evaluasi tindak lanjut komitmen rapat sebelumnya",
                "Sekretariat Gugus Tugas",
                "Sekretariat memaparkan matriks tindak lanjut; instansi penanggung jawab "
                "menyampaikan kendala." if held_text else "",
                "Komitmen yang belum selesai tetap dipantau." if held_text else "",
                *writer.audit,
            ))
            agenda.append((
                agenda_id + 1, m.id, 2, topic, "Instansi anggota",
                f"Pembahasan {topic.lower()} {_where(tf)}." if held_text else "",
                "Kesepakatan dituangkan sebagai komitmen bersama." if held_text else "",
                *writer.audit,
            ))
            agenda_id += 2
            for agency in rng.sample(tf.pool, min(4, len(tf.pool))):
                name, delegate_position, phone = self._delegate(agency)
                presence, deputy = "invited", ""
                if not is_planned:
                    presence = rng.choices(
                        ("present", "excused", "represented", "absent"), (75, 10, 10, 5))[0]
                    if presence == "represented":
                        deputy = self.people.name()[0]
                attendance.append((
                    attendance_id, m.id, agency.id, None, name, delegate_position, phone,
                    presence, deputy, *writer.audit,
                ))
                attendance_id += 1
        writer.insert(Meeting.__table__, MEETING_COLUMNS, meetings)
        writer.insert(AgendaItem.__table__, AGENDA_COLUMNS, agenda)
        writer.insert(Attendance.__table__, ATTENDANCE_COLUMNS, attendance)

    def _delegate(self, agency: _Agency) -> tuple[str, str, str]:
        delegate = self.delegates.get(agency.id)
        if delegate is None:
            name, _female = self.people.name()
            position = f"{self.rng.choice(DELEGATE_POSITIONS)}, {agency.abbreviation}"
            delegate = self.delegates[agency.id] = (name, position, self.people.phone())
        return delegate

    def _held_meetings_by_task_force(self) -> dict[int, tuple[list[int], list[int]]]:
        """Every held meeting (the seed's included), where progress can be reported."""
        rows = self.session.execute(
            select(Meeting.task_force_id, Meeting.date, Meeting.id)
            .where(Meeting.date <= date.fromordinal(self.today))
            .where(Meeting.status.not_in((MeetingStatus.PLANNED, MeetingStatus.CANCELLED)))
            .order_by(Meeting.task_force_id, Meeting.date, Meeting.id)
        )
        by_tf: dict[int, tuple[list[int], list[int]]] = {}
        for tf_id, day, meeting_id in rows:
            days, ids = by_tf.setdefault(tf_id, ([], []))
            days.append(day.toordinal())
            ids.append(meeting_id)
        return by_tf

    # -- commitments and follow-ups

    def _write_commitments(self, batch: list[_Meeting], held_days) -> None:
        rows = _Rows([], [], [], [])
        no_meetings: tuple[list[int], list[int]] = ([], [])
        for meeting in batch:
            tf_days, tf_ids = held_days.get(meeting.tf.id, no_meetings)
            for number in range(1, meeting.commitments + 1):
                self._commitment(meeting, number, tf_days, tf_ids, rows)
        writer = self.writer
        writer.insert(Commitment.__table__, COMMITMENT_COLUMNS, rows.commitments)
        writer.insert(commitment_supporting_agencies, LINK_COLUMNS, rows.supporting)
        writer.insert(commitment_signatories, LINK_COLUMNS, rows.signatories)
        writer.insert(FollowUp.__table__, FOLLOW_UP_COLUMNS, rows.follow_ups)

    def _template(self, index: int, tf: _TaskForce) -> tuple:
        """Wording, plan, indicator, catalogue ids and lead candidates, per task force."""
        key = (index, tf.id)
        cached = self.templates.get(key)
        if cached is None:
            t = TEMPLATES[index]
            leads = next((tf.by_sector[s] for s in t.sectors if s in tf.by_sector), tf.pool)
            focus_area = None if t.focus is None else self.focus_areas.get(t.focus)
            cached = self.templates[key] = (
                t.text.format(wilayah=_where(tf), wilayah_singkat=tf.display), t.action_plan,
                t.indicator, focus_area,
                self.sub_task_forces.get(t.sub_task_force), leads,
            )
        return cached

    def _pick_others(self, pool: list[_Agency], taken: list[_Agency], count: int) -> list[_Agency]:
        """`count` agencies of `pool` not in `taken` (added to it), fewer if none are left."""
        random = self.random
        picked: list[_Agency] = []
        count = min(count, len(pool) - len(taken))
        while len(picked) < count:
            agency = pool[int(random() * len(pool))]
            if agency not in taken:
                taken.append(agency)
                picked.append(agency)
        return picked

    def _work_day(self, first: int, last: int) -> int:
        """A working day from `first` to `last` (any day if the span holds none)."""
        days = self.past_days
        lo, hi = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
        if lo < hi:
            return days[lo + int(self.random() * (hi - lo))]
        return first + int(self.random() * (last - first + 1))

    def _commitment(self, meeting: _Meeting, number: int, tf_days: list[int],
                    tf_ids: list[int], rows: _Rows) -> None:
        random, writer, tf = self.random, self.writer, meeting.tf
        commitment_id = self.next_commitment
        self.next_commitment += 1
        wording, action_plan, indicator, focus_id, sub_id, leads = self._template(
            int(random() * len(TEMPLATES)), tf
        )

        # A lead, one or two supporting agencies; the signatories are those and maybe one more.
        lead = leads[int(random() * len(leads))]
        taken = [lead]
        helpers = self._pick_others(tf.pool, taken, 1 if random() < 0.67 else 2)
        signers = [lead, *helpers, *self._pick_others(tf.pool, taken, int(random() * 2))]
        rows.supporting.extend((commitment_id, a.id) for a in helpers)
        rows.signatories.extend((commitment_id, a.id) for a in signers)

        age = self.today - meeting.day
        due_after = DUE_AFTER_DAYS[int(random() * len(DUE_AFTER_DAYS))]
        status, progress, reason = _outcome(random, age)
        steps = _steps(random, status, progress)

        # Follow-ups fall after the meeting and up to completion (if done) or today.
        last = self.today
        if status == DONE:
            last = min(self.today, meeting.day + 20 + int(random() * (due_after + 40)))
        first = min(meeting.day + 1, last)
        days = sorted(self._work_day(first, last) for _ in steps)
        previous = meeting.day
        for i, (step_status, step_progress) in enumerate(steps):
            day, at_meeting, source = days[i], None, None
            if random() < 0.3:
                # Reported at a later meeting of the task force, if one falls in between.
                j = bisect.bisect_right(tf_days, day) - 1
                if j >= 0 and tf_days[j] > meeting.day and tf_days[j] >= previous:
                    day, at_meeting, source = tf_days[j], tf_ids[j], MEETING_SOURCE
            if source is None:
                source = SOURCES[int(random() * len(SOURCES))]
            previous = day
            final_cannot = step_status == CANNOT and i == len(steps) - 1
            rows.follow_ups.append((
                self.next_follow_up, commitment_id, writer.day(day),
                helpers[0].id if helpers and random() < 0.2 else lead.id,
                source, at_meeting, _note(random, step_status, step_progress),
                "" if step_status == DONE else OBSTACLES[int(random() * len(OBSTACLES))],
                step_status, step_progress, reason if final_cannot else "", *writer.audit,
            ))
            self.next_follow_up += 1

        rows.commitments.append((
            commitment_id, meeting.id, number, wording, action_plan, focus_id, sub_id, lead.id,
            writer.day(meeting.day + due_after), indicator, status, reason, progress,
            writer.true if random() < 0.03 else writer.false, "", *writer.audit,
        ))


def add_synthetic(session: Session, *, scale: int, today: date, seed: int, actor: str) -> None:
    """Add exactly `scale` commitments (with meetings and follow-ups) after the seed."""
    with search_index.bulk_load(session.connection()):
        _Generator(session, scale, today, random.Random(seed), actor).run()
