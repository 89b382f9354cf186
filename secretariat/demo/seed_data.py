"""The facts of the realistic demo dataset: regions, agencies, people, task forces, rakor.

The meetings, their dates and the named officials follow the published reports collected
in DOMAIN.md (Kalimantan Selatan 2020, 2024 and 2025, Kalimantan Timur 2023, Bengkayang
2025). Everything else (addresses, telephone numbers, e-mail addresses, NIPs, decree
numbers and every other person) is illustrative and fictional. Where a source leaves a
fact open (the exact 2024 date, the Kaltim venue) the meeting's notes say so.

All text a user sees is Indonesian, as the secretariat would type it. `seed.py` writes
these facts into the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from models import (
    AgencyLevel,
    AttendanceStatus,
    CommitmentStatus,
    FollowUpSource,
    MeetingKind,
    MeetingStatus,
    RegionLevel,
    TimeZone,
)

# The last historical meeting of the seed; `today` must lie after it (see fill_demo).
LAST_SEED_MEETING = date(2025, 12, 2)

WIB, WITA = TimeZone.WIB, TimeZone.WITA
PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT
EXCUSED, REPRESENTED = AttendanceStatus.EXCUSED, AttendanceStatus.REPRESENTED
INVITED = AttendanceStatus.INVITED
NOT_STARTED, IN_PROGRESS = CommitmentStatus.NOT_STARTED, CommitmentStatus.IN_PROGRESS
DONE, CANNOT = CommitmentStatus.DONE, CommitmentStatus.CANNOT
MEETING, LETTER, PHONE = FollowUpSource.MEETING, FollowUpSource.LETTER, FollowUpSource.PHONE
VISIT, REPORT = FollowUpSource.VISIT, FollowUpSource.REPORT

# Sub task forces and focus areas are installed with the database; the seed refers to
# them by position (see secretariat.commitments.catalog.DEFAULT_SUB_TASK_FORCES / DEFAULT_FOCUS_AREAS).
PENCEGAHAN, REHAB_KESEHATAN, REHAB_SOSIAL, NORMA_HUKUM, PENEGAKAN_HUKUM, KOORDINASI = range(1, 7)
DETEKSI_DINI, LAYANAN_KORBAN, EDUKASI, SINERGI = range(1, 5)


# --------------------------------------------------------------------------- regions

# (Kemendagri code, name, time zone, capital). The capital places synthetic meetings.
REGIONS: tuple[tuple[str, str, TimeZone, str], ...] = (
    ("61", "Kalimantan Barat", WIB, "Pontianak"),
    ("61.07", "Kabupaten Bengkayang", WIB, "Bengkayang"),
    ("63", "Kalimantan Selatan", WITA, "Banjarbaru"),
    ("63.01", "Kabupaten Tanah Laut", WITA, "Pelaihari"),
    ("63.02", "Kabupaten Kotabaru", WITA, "Kotabaru"),
    ("63.03", "Kabupaten Banjar", WITA, "Martapura"),
    ("63.04", "Kabupaten Barito Kuala", WITA, "Marabahan"),
    ("63.05", "Kabupaten Tapin", WITA, "Rantau"),
    ("63.06", "Kabupaten Hulu Sungai Selatan", WITA, "Kandangan"),
    ("63.07", "Kabupaten Hulu Sungai Tengah", WITA, "Barabai"),
    ("63.08", "Kabupaten Hulu Sungai Utara", WITA, "Amuntai"),
    ("63.09", "Kabupaten Tabalong", WITA, "Tanjung"),
    ("63.10", "Kabupaten Tanah Bumbu", WITA, "Batulicin"),
    ("63.11", "Kabupaten Balangan", WITA, "Paringin"),
    ("63.71", "Kota Banjarmasin", WITA, "Banjarmasin"),
    ("63.72", "Kota Banjarbaru", WITA, "Banjarbaru"),
    ("64", "Kalimantan Timur", WITA, "Samarinda"),
    ("64.72", "Kota Samarinda", WITA, "Samarinda"),
)
REGION_CAPITALS = {code: capital for code, _name, _tz, capital in REGIONS}


# --------------------------------------------------------------------------- agencies


@dataclass(frozen=True)
class AgencySpec:
    key: str
    name: str
    abbreviation: str
    sector: str
    level: AgencyLevel
    region: str | None  # region code; None for a national body
    address: str
    phone: str
    email: str
    website: str = ""
    active: bool = True
    renamed_from: str | None = None
    notes: str = ""


PROV, REG, NAT, COM = (
    AgencyLevel.PROVINCE, AgencyLevel.REGENCY, AgencyLevel.NATIONAL, AgencyLevel.COMMUNITY,
)
PEMDA, GAKKUM, SOSIAL = "Pemerintah Daerah", "Penegak Hukum", "Layanan Sosial"
KESEHATAN, PENDIDIKAN, AGAMA = "Kesehatan", "Pendidikan", "Keagamaan"
SIPIL, AKADEMISI = "Masyarakat Sipil", "Akademisi"
NAKER, IMIGRASI = "Ketenagakerjaan", "Keimigrasian"
KALSEL_OFFICES = "Kawasan Perkantoran Pemerintah Provinsi Kalimantan Selatan, Banjarbaru 70732"

AGENCIES: tuple[AgencySpec, ...] = (
    # --- Kalimantan Selatan, province level
    AgencySpec("setda", "Sekretariat Daerah Provinsi Kalimantan Selatan", "Setda Kalsel", PEMDA,
               PROV, "63", f"Jl. Dharma Praja I, {KALSEL_OFFICES}", "(0511) 6749 801",
               "setda@kalselprov.go.id", "kalselprov.go.id"),
    AgencySpec("dp3a_old",
               "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Kalimantan Selatan",
               "DP3A Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja II, {KALSEL_OFFICES}",
               "(0511) 6749 220", "dp3a@kalselprov.go.id", active=False,
               notes="Nama lama. Setelah urusan keluarga berencana digabungkan, dinas ini menjadi "
                     "DP3AKB (juga ditulis DPPPAKB). Rapat dan komitmen tahun 2020 tetap "
                     "tercatat atas nama lama."),
    AgencySpec("dp3akb",
               "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana "
               "Provinsi Kalimantan Selatan",
               "DP3AKB Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja II, {KALSEL_OFFICES}",
               "(0511) 6749 220", "dp3akb@kalselprov.go.id", "dp3akb.kalselprov.go.id",
               renamed_from="dp3a_old",
               notes="Ditulis juga DPPPAKB. Menjalankan sekretariat Gugus Tugas PP-TPPO Provinsi."),
    AgencySpec("uptd_ppa", "UPTD Perlindungan Perempuan dan Anak Provinsi Kalimantan Selatan",
               "UPTD PPA Kalsel", SOSIAL, PROV, "63", "Jl. Jenderal Ahmad Yani Km 6, Banjarmasin 70249",
               "(0511) 3254 117", "uptdppa@kalselprov.go.id",
               notes="Unit layanan DP3AKB: pengaduan, pendampingan, rumah aman."),
    AgencySpec("polda",
               "Kepolisian Daerah Kalimantan Selatan (Direktorat Reserse Kriminal Umum)",
               "Polda Kalsel", GAKKUM, PROV, "63", "Jl. Jenderal Ahmad Yani Km 4,5, Banjarmasin 70235",
               "(0511) 3350 332", "ditreskrimum.kalsel@polri.go.id",
               notes="Unit pelaksana: Subdit IV Renakta Ditreskrimum. Kapolda menjabat Ketua "
                     "Harian gugus tugas sejak 2023."),
    AgencySpec("kejati", "Kejaksaan Tinggi Kalimantan Selatan", "Kejati Kalsel", GAKKUM, PROV,
               "63", "Jl. D.I. Panjaitan No. 1, Banjarmasin 70114", "(0511) 3352 480",
               "kejati.kalsel@kejaksaan.go.id"),
    AgencySpec("imigrasi", "Kantor Wilayah Direktorat Jenderal Imigrasi Kalimantan Selatan",
               "Kanwil Imigrasi Kalsel", IMIGRASI, PROV, "63",
               "Jl. Brigjen H. Hasan Basry No. 41, Banjarmasin 70124", "(0511) 3305 212",
               "kanwil.kalsel@imigrasi.go.id"),
    AgencySpec("bp3mi", "Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Selatan",
               "BP3MI Kalsel", NAKER, PROV, "63", "Jl. Sultan Adam No. 11, Banjarmasin 70122",
               "(0511) 3303 670", "bp3mi.kalsel@bp2mi.go.id",
               notes="Unit vertikal BP2MI/KP2MI; sebelum 2020 bernama BP3TKI."),
    AgencySpec("disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Selatan",
               "Disnakertrans Kalsel", NAKER, PROV, "63", f"Jl. Dharma Praja III, {KALSEL_OFFICES}",
               "(0511) 6749 330", "disnakertrans@kalselprov.go.id"),
    AgencySpec("dinsos", "Dinas Sosial Provinsi Kalimantan Selatan", "Dinsos Kalsel", SOSIAL,
               PROV, "63", f"Jl. Dharma Praja II, {KALSEL_OFFICES}", "(0511) 6749 410",
               "dinsos@kalselprov.go.id"),
    AgencySpec("dinkes", "Dinas Kesehatan Provinsi Kalimantan Selatan", "Dinkes Kalsel", KESEHATAN,
               PROV, "63", f"Jl. Dharma Praja I, {KALSEL_OFFICES}", "(0511) 6749 510",
               "dinkes@kalselprov.go.id"),
    AgencySpec("disdikbud", "Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Selatan",
               "Disdikbud Kalsel", PENDIDIKAN, PROV, "63", f"Jl. Dharma Praja III, {KALSEL_OFFICES}",
               "(0511) 6749 610", "disdikbud@kalselprov.go.id"),
    AgencySpec("kemenag", "Kantor Wilayah Kementerian Agama Provinsi Kalimantan Selatan",
               "Kanwil Kemenag Kalsel", AGAMA, PROV, "63",
               "Jl. Jenderal Ahmad Yani Km 3,5, Banjarmasin 70234", "(0511) 3252 791",
               "kalsel@kemenag.go.id"),
    AgencySpec("bappeda",
               "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Provinsi Kalimantan Selatan",
               "Bappeda Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja I, {KALSEL_OFFICES}",
               "(0511) 6749 150", "bappeda@kalselprov.go.id"),
    AgencySpec("biro_hukum", "Biro Hukum Sekretariat Daerah Provinsi Kalimantan Selatan",
               "Biro Hukum Setda Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja I, {KALSEL_OFFICES}",
               "(0511) 6749 812", "birohukum@kalselprov.go.id"),
    AgencySpec("disdukcapil",
               "Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Selatan",
               "Disdukcapil Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja III, {KALSEL_OFFICES}",
               "(0511) 6749 712", "disdukcapil@kalselprov.go.id"),
    AgencySpec("diskominfo", "Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan",
               "Diskominfo Kalsel", PEMDA, PROV, "63", f"Jl. Dharma Praja II, {KALSEL_OFFICES}",
               "(0511) 6749 844", "diskominfo@kalselprov.go.id"),
    AgencySpec("satpolpp", "Satuan Polisi Pamong Praja Provinsi Kalimantan Selatan",
               "Satpol PP Kalsel", GAKKUM, PROV, "63", f"Jl. Dharma Praja III, {KALSEL_OFFICES}",
               "(0511) 6749 910", "satpolpp@kalselprov.go.id"),
    AgencySpec("lpsk", "Lembaga Perlindungan Saksi dan Korban", "LPSK", GAKKUM, NAT, None,
               "Jl. Raya Bogor Km 24 No. 47-49, Ciracas, Jakarta Timur 13750", "(021) 2968 1560",
               "lpsk_ri@lpsk.go.id", "lpsk.go.id"),
    AgencySpec("pkk", "Tim Penggerak PKK Provinsi Kalimantan Selatan", "TP-PKK Kalsel", SIPIL, COM,
               "63", f"Jl. Dharma Praja I, {KALSEL_OFFICES}", "(0511) 6749 870",
               "tppkk@kalselprov.go.id"),
    AgencySpec("ulm", "Universitas Lambung Mangkurat (Pusat Studi Gender dan Anak)", "ULM",
               AKADEMISI, COM, "63", "Jl. Brigjen H. Hasan Basry, Kayu Tangi, Banjarmasin 70123",
               "(0511) 3304 177", "psga@ulm.ac.id", "ulm.ac.id"),
    AgencySpec("lsm", "Yayasan Peduli Perempuan dan Anak Banua", "YPPAB", SIPIL, COM, "63",
               "Jl. Pramuka Komplek Citra Permai No. 12, Banjarmasin 70238", "0813-5140-2291",
               "sekretariat@yppab.or.id",
               notes="LSM pendamping korban; mitra UPTD PPA untuk rujukan kasus."),
    AgencySpec("fkub", "Forum Kerukunan Umat Beragama Provinsi Kalimantan Selatan", "FKUB Kalsel",
               AGAMA, COM, "63", "Jl. Lambung Mangkurat No. 5, Banjarmasin 70111", "(0511) 3351 026", "",
               notes="Wadah tokoh agama; menyampaikan pesan pencegahan TPPO melalui rumah ibadah."),
    # --- Kalimantan Selatan, kabupaten/kota level
    AgencySpec("dp3a_bjm", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Banjarmasin",
               "DP3A Kota Banjarmasin", PEMDA, REG, "63.71",
               "Jl. Brigjen H. Hasan Basry No. 30, Banjarmasin 70123", "(0511) 3307 445",
               "dp3a@banjarmasinkota.go.id"),
    AgencySpec("polresta_bjm", "Kepolisian Resor Kota Banjarmasin", "Polresta Banjarmasin",
               GAKKUM, REG, "63.71", "Jl. Jenderal Ahmad Yani Km 2, Banjarmasin 70233",
               "(0511) 3252 110", "polrestabanjarmasin@polri.go.id"),
    AgencySpec("dp3a_tabalong",
               "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Tabalong",
               "DP3A Tabalong", PEMDA, REG, "63.09", "Jl. Pangeran Antasari No. 7, Tanjung 71513",
               "(0526) 2021 334", "dp3a@tabalongkab.go.id"),
    AgencySpec("setda_tapin", "Sekretariat Daerah Kabupaten Tapin", "Setda Tapin", PEMDA, REG,
               "63.05", "Jl. Jenderal Sudirman No. 1, Rantau 71111", "(0517) 31 025",
               "setda@tapinkab.go.id"),
    AgencySpec("setda_balangan", "Sekretariat Daerah Kabupaten Balangan", "Setda Balangan", PEMDA,
               REG, "63.11", "Jl. A. Yani Km 4,5 Batu Piring, Paringin 71662", "(0526) 2028 060",
               "setda@balangankab.go.id"),
    # --- Kalimantan Timur
    AgencySpec("dkp3a_kaltim",
               "Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak "
               "Provinsi Kalimantan Timur",
               "DKP3A Kaltim", PEMDA, PROV, "64", "Jl. Basuki Rahmat No. 41, Samarinda 75117",
               "(0541) 743 720", "dkp3a@kaltimprov.go.id", "dkp3a.kaltimprov.go.id",
               notes="Sekretariat Gugus Tugas PP-TPPO Provinsi Kalimantan Timur."),
    AgencySpec("polda_kaltim", "Kepolisian Daerah Kalimantan Timur (Direktorat Reserse Kriminal Umum)",
               "Polda Kaltim", GAKKUM, PROV, "64", "Jl. Syarifuddin Yoes No. 99, Balikpapan 76114",
               "(0542) 871 300", "ditreskrimum.kaltim@polri.go.id"),
    AgencySpec("dinsos_kaltim", "Dinas Sosial Provinsi Kalimantan Timur", "Dinsos Kaltim", SOSIAL,
               PROV, "64", "Jl. Basuki Rahmat No. 92, Samarinda 75117", "(0541) 742 155",
               "dinsos@kaltimprov.go.id"),
    # --- Kalimantan Barat and Bengkayang
    AgencySpec("bp3mi_kalbar",
               "Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Barat",
               "BP3MI Kalbar", NAKER, PROV, "61", "Jl. Sultan Abdurrahman No. 18, Pontianak 78116",
               "(0561) 736 410", "bp3mi.kalbar@bp2mi.go.id"),
    AgencySpec("dp3a_kalbar",
               "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Kalimantan Barat",
               "DP3A Kalbar", PEMDA, PROV, "61", "Jl. Sutan Syahrir No. 5, Pontianak 78116",
               "(0561) 732 902", "dp3a@kalbarprov.go.id",
               notes="Sekretariat Gugus Tugas PP-TPPO Provinsi Kalimantan Barat."),
    AgencySpec("setda_bky", "Sekretariat Daerah Kabupaten Bengkayang", "Setda Bengkayang", PEMDA,
               REG, "61.07", "Jl. Guna Baru Trans Rangkang, Bengkayang 79211", "(0562) 441 012",
               "setda@bengkayangkab.go.id"),
    AgencySpec("dinsos_p3a_bky",
               "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bengkayang",
               "Dinsos P3A Bengkayang", SOSIAL, REG, "61.07",
               "Jl. Guna Baru Trans Rangkang, Bengkayang 79211", "(0562) 441 230",
               "dinsosp3a@bengkayangkab.go.id",
               notes="Sekretariat Gugus Tugas PP-TPPO Kabupaten Bengkayang."),
    AgencySpec("polres_bky", "Kepolisian Resor Bengkayang", "Polres Bengkayang", GAKKUM, REG,
               "61.07", "Jl. Sanggau Ledo No. 1, Bengkayang 79211", "(0562) 441 110",
               "polresbengkayang@polri.go.id"),
    AgencySpec("disnaker_bky", "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Bengkayang",
               "Disnakertrans Bengkayang", NAKER, REG, "61.07",
               "Jl. Guna Baru Trans Rangkang, Bengkayang 79211", "(0562) 441 305",
               "disnakertrans@bengkayangkab.go.id"),
    AgencySpec("fkub_bky", "Forum Kerukunan Umat Beragama Kabupaten Bengkayang", "FKUB Bengkayang",
               AGAMA, COM, "61.07", "Jl. Sebalo No. 3, Bengkayang 79211", "0852-4511-3380", ""),
    AgencySpec("dad_bky", "Dewan Adat Dayak Kabupaten Bengkayang", "DAD Bengkayang", SIPIL, COM,
               "61.07", "Jl. Sanggau Ledo No. 22, Bengkayang 79211", "0853-4870-1164", "",
               notes="Organisasi kemasyarakatan adat; hadir pada pertemuan sinkronisasi 2025."),
)

# The head's title each agency's letters are addressed to (Agency.office_title). YPPAB has
# none on purpose: the demo shows the fallback "Yth. Pimpinan <agency>".
OFFICE_TITLES: dict[str, str] = {
    "setda": "Sekretaris Daerah Provinsi Kalimantan Selatan",
    "dp3a_old": "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi "
                "Kalimantan Selatan",
    "dp3akb": "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana "
              "Provinsi Kalimantan Selatan",
    "uptd_ppa": "Kepala UPTD Perlindungan Perempuan dan Anak Provinsi Kalimantan Selatan",
    "polda": "Kepala Kepolisian Daerah Kalimantan Selatan",
    "kejati": "Kepala Kejaksaan Tinggi Kalimantan Selatan",
    "imigrasi": "Kepala Kantor Wilayah Direktorat Jenderal Imigrasi Kalimantan Selatan",
    "bp3mi": "Kepala Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Selatan",
    "disnakertrans": "Kepala Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Selatan",
    "dinsos": "Kepala Dinas Sosial Provinsi Kalimantan Selatan",
    "dinkes": "Kepala Dinas Kesehatan Provinsi Kalimantan Selatan",
    "disdikbud": "Kepala Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Selatan",
    "kemenag": "Kepala Kantor Wilayah Kementerian Agama Provinsi Kalimantan Selatan",
    "bappeda": "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Provinsi "
               "Kalimantan Selatan",
    "biro_hukum": "Kepala Biro Hukum Sekretariat Daerah Provinsi Kalimantan Selatan",
    "disdukcapil": "Kepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Selatan",
    "diskominfo": "Kepala Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan",
    "satpolpp": "Kepala Satuan Polisi Pamong Praja Provinsi Kalimantan Selatan",
    "lpsk": "Ketua Lembaga Perlindungan Saksi dan Korban",
    "pkk": "Ketua Tim Penggerak PKK Provinsi Kalimantan Selatan",
    "ulm": "Rektor Universitas Lambung Mangkurat",
    "fkub": "Ketua Forum Kerukunan Umat Beragama Provinsi Kalimantan Selatan",
    "dp3a_bjm": "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Banjarmasin",
    "polresta_bjm": "Kepala Kepolisian Resor Kota Banjarmasin",
    "dp3a_tabalong": "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten "
                     "Tabalong",
    "setda_tapin": "Sekretaris Daerah Kabupaten Tapin",
    "setda_balangan": "Sekretaris Daerah Kabupaten Balangan",
    "dkp3a_kaltim": "Kepala Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak "
                    "Provinsi Kalimantan Timur",
    "polda_kaltim": "Kepala Kepolisian Daerah Kalimantan Timur",
    "dinsos_kaltim": "Kepala Dinas Sosial Provinsi Kalimantan Timur",
    "bp3mi_kalbar": "Kepala Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan "
                    "Barat",
    "dp3a_kalbar": "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi "
                   "Kalimantan Barat",
    "setda_bky": "Sekretaris Daerah Kabupaten Bengkayang",
    "dinsos_p3a_bky": "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak "
                      "Kabupaten Bengkayang",
    "polres_bky": "Kepala Kepolisian Resor Bengkayang",
    "disnaker_bky": "Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Bengkayang",
    "fkub_bky": "Ketua Forum Kerukunan Umat Beragama Kabupaten Bengkayang",
    "dad_bky": "Ketua Dewan Adat Dayak Kabupaten Bengkayang",
}


# --------------------------------------------------------------------------- people


def nip(text: str) -> str:
    """A fictional 18-digit NIP written as 'birth date, appointment month, sex, number'."""
    digits = text.replace(" ", "")
    if not (digits.isdigit() and len(digits) == 18):
        raise ValueError(f"not an 18-digit NIP: {text!r}")
    return digits


@dataclass(frozen=True)
class ContactSpec:
    agency: str
    name: str
    position: str
    rank: str = ""
    nip: str = ""
    phone: str = ""
    email: str = ""
    focal_point: bool = False
    active: bool = True


HUSNUL_NIP = nip("19680915 199303 2 008")
RINA = "Rina Maulida, S.Sos., M.AP."
RINA_NIP = nip("19790519 200501 2 011")
RIZAL = "Muhammad Rizal Fahmi, S.H."
RIZAL_NIP = nip("19920307 201903 1 006")
BENGKAYANG_HEAD = "Drs. Yohanes Atet, M.Si."  # fictional: the sources name no head
BENGKAYANG_HEAD_NIP = nip("19700314 199403 1 009")

CONTACTS: tuple[ContactSpec, ...] = (
    ContactSpec("setda", "Adi Santoso", "Asisten III Sekretariat Daerah Provinsi Kalimantan Selatan",
                "Pembina Utama Muda (IV/c)", nip("19660824 198903 1 007"), "0811-5100-2417"),
    ContactSpec("setda", "Rahmi Hayati, S.STP., M.Si.",
                "Analis Kebijakan Ahli Muda, Biro Kesejahteraan Rakyat", "Penata Tingkat I (III/d)",
                nip("19860211 200812 2 003"), "0813-4920-7715", "rahmi.hayati@kalselprov.go.id", True),
    ContactSpec("dp3a_old", "Husnul Hatimah", "Kepala Dinas", "Pembina Utama Muda (IV/c)",
                HUSNUL_NIP, "0812-5055-8140", active=False),
    ContactSpec("dp3akb", "Husnul Hatimah", "Kepala Dinas", "Pembina Utama Muda (IV/c)",
                HUSNUL_NIP, "0812-5055-8140", "husnul.hatimah@kalselprov.go.id"),
    ContactSpec("dp3akb", RINA, "Kepala Bidang Perlindungan Hak Perempuan dan Anak",
                "Pembina (IV/a)", RINA_NIP, "0813-5266-1902", "rina.maulida@kalselprov.go.id", True),
    ContactSpec("dp3akb", RIZAL, "Analis Perlindungan Hak Perempuan (Notulis Sekretariat)",
                "Penata (III/c)", RIZAL_NIP, "0852-5133-0748", "rizal.fahmi@kalselprov.go.id"),
    ContactSpec("uptd_ppa", "Noor Aida Fitriani, S.Psi., M.Psi., Psikolog", "Kepala UPTD PPA",
                "Penata Tingkat I (III/d)", nip("19830622 201001 2 014"), "0812-5180-4436",
                "noor.aida@kalselprov.go.id", True),
    ContactSpec("uptd_ppa", "Hj. Siti Khadijah, S.H.", "Pendamping Hukum", "Penata Muda Tingkat I (III/b)",
                nip("19900121 201503 2 002"), "0821-5411-0937"),
    ContactSpec("polda", "Hendra Wijaya Kusuma, S.I.K., M.H.", "Direktur Reserse Kriminal Umum",
                "Komisaris Besar Polisi", "", "0811-5211-0460"),
    ContactSpec("polda", "Nurul Aini Lestari, S.I.K.",
                "Kepala Subdirektorat IV Remaja, Anak dan Wanita (Renakta)",
                "Ajun Komisaris Besar Polisi", "", "0813-4877-5512", "", True),
    ContactSpec("kejati", "Dr. Bambang Setyo Nugroho, S.H., M.H.", "Asisten Tindak Pidana Umum",
                "Jaksa Utama Pratama (IV/b)", nip("19740303 199903 1 002"), "0812-2790-3318"),
    ContactSpec("kejati", "Herlina Siahaan, S.H.", "Jaksa Fungsional Bidang Tindak Pidana Umum",
                "Jaksa Muda (III/d)", nip("19880817 201212 2 001"), "0813-9705-1146", "", True),
    ContactSpec("imigrasi", "Taufik Rahman, S.H., M.Si.",
                "Kepala Bidang Intelijen dan Penindakan Keimigrasian", "Pembina (IV/a)",
                nip("19780110 200112 1 003"), "0812-5009-7723", "", True),
    ContactSpec("imigrasi", "Andika Pratama, A.Md.Im., S.H.", "Analis Keimigrasian Ahli Pertama",
                "Penata Muda (III/a)", nip("19960504 201812 1 001"), "0822-5501-3390"),
    ContactSpec("bp3mi", "Yudha Pratama Putra, S.E., M.M.", "Kepala Balai", "Pembina (IV/a)",
                nip("19800526 200604 1 002"), "0811-1908-3527"),
    ContactSpec("bp3mi", "Siti Rahmah, S.Sos.", "Pengantar Kerja Ahli Muda", "Penata (III/c)",
                nip("19900412 201503 2 009"), "0852-4800-2175", "siti.rahmah@bp2mi.go.id", True),
    ContactSpec("disnakertrans", "Ir. Gusti Rahmadi, M.T.",
                "Kepala Bidang Penempatan dan Perluasan Kesempatan Kerja", "Pembina (IV/a)",
                nip("19720915 199803 1 006"), "0812-5136-6610", "", True),
    ContactSpec("disnakertrans", "Lisda Wahyuni, S.E.", "Pengantar Kerja Ahli Muda",
                "Penata (III/c)", nip("19890830 201402 2 005"), "0853-4712-8823"),
    ContactSpec("dinsos", "Siti Nuriyani", "Kepala Dinas Sosial", "Pembina Utama Muda (IV/c)",
                nip("19670702 199203 2 005"), "0811-5003-6281"),
    ContactSpec("dinsos", "Akhmad Fauzi, S.Sos., M.Si.", "Kepala Bidang Rehabilitasi Sosial",
                "Pembina (IV/a)", nip("19770814 200312 1 004"), "0813-5150-9044", "", True),
    ContactSpec("dinkes", "dr. Dewi Kartika Sari, M.Kes.", "Kepala Bidang Pelayanan Kesehatan",
                "Pembina (IV/a)", nip("19780327 200604 2 012"), "0812-5070-3365", "", True),
    ContactSpec("disdikbud", "Dr. Rahmat Hidayat, M.Pd.", "Kepala Bidang Pembinaan SMA",
                "Pembina Tingkat I (IV/b)", nip("19730605 199802 1 003"), "0811-5133-2078"),
    ContactSpec("disdikbud", "Yuliana Safitri, S.Pd.", "Analis Kurikulum dan Pembelajaran",
                "Penata (III/c)", nip("19910218 201902 2 004"), "0857-5122-4409", "", True),
    ContactSpec("kemenag", "H. Abdul Haris, S.Ag., M.H.I.",
                "Kepala Bidang Urusan Agama Islam dan Pembinaan Syariah", "Pembina Tingkat I (IV/b)",
                nip("19710908 199703 1 002"), "0812-5001-7456", "", True),
    ContactSpec("bappeda", "Syahrani, S.E., M.Si.", "Perencana Ahli Madya", "Pembina (IV/a)",
                nip("19761120 200212 1 005"), "0813-4840-6615", "", True),
    ContactSpec("biro_hukum", "Hairul Anwar, S.H., M.H.", "Kepala Bagian Perundang-undangan",
                "Pembina (IV/a)", nip("19790403 200501 1 008"), "0812-5122-9017", "", True),
    ContactSpec("disdukcapil", "Norliani, S.Kom.", "Kepala Seksi Identitas Penduduk",
                "Penata Tingkat I (III/d)", nip("19850730 200902 2 006"), "0821-5300-8142", "", True),
    ContactSpec("diskominfo", "M. Iqbal Maulana, S.I.Kom.", "Pranata Humas Ahli Muda",
                "Penata (III/c)", nip("19890111 201402 1 003"), "0852-5180-3391", "", True),
    ContactSpec("satpolpp", "Raden Bagus Prasetyo, S.STP.",
                "Kepala Bidang Penegakan Peraturan Daerah", "Pembina (IV/a)",
                nip("19820219 200312 1 001"), "0813-4855-2610", "", True),
    ContactSpec("lpsk", "Fitriani Nurlatifah, S.H., M.H.", "Analis Perlindungan Saksi dan Korban",
                "Penata Tingkat I (III/d)", nip("19870925 201101 2 007"), "0812-8830-5174", "", True),
    ContactSpec("pkk", "Hj. Nor Hasanah", "Wakil Ketua II TP-PKK Provinsi Kalimantan Selatan",
                phone="0811-5101-3377", focal_point=True),
    ContactSpec("ulm", "Dr. Lisa Ariyanti, S.H., M.H.",
                "Dosen Fakultas Hukum, Peneliti Pusat Studi Gender dan Anak",
                "Lektor Kepala, Pembina (IV/a)", nip("19810614 200604 2 003"), "0812-5190-7730",
                "lisa.ariyanti@ulm.ac.id", True),
    ContactSpec("lsm", "Dian Puspitasari", "Direktur Eksekutif", phone="0813-5140-2291",
                email="dian@yppab.or.id", focal_point=True),
    ContactSpec("lsm", "Rizky Ramadhan", "Pendamping Korban", phone="0857-5300-1268"),
    ContactSpec("fkub", "KH. Muhammad Syarif Hidayatullah", "Ketua FKUB Provinsi Kalimantan Selatan",
                phone="0811-5002-4419", focal_point=True),
    ContactSpec("dp3a_bjm", "Eka Yuliani, S.Sos.", "Kepala Bidang Perlindungan Perempuan dan Anak",
                "Pembina (IV/a)", nip("19800705 200604 2 009"), "0812-5088-1423", "", True),
    ContactSpec("polresta_bjm", "Rosita Dewi Anggraini, S.H.",
                "Kepala Unit PPA Satuan Reserse Kriminal", "Inspektur Polisi Satu", "",
                "0813-5249-7781", "", True),
    ContactSpec("dp3a_tabalong", "Agus Salim, S.E.", "Kepala Bidang Perlindungan Perempuan dan Anak",
                "Penata Tingkat I (III/d)", nip("19810312 201001 1 010"), "0821-5007-2285", "", True),
    ContactSpec("setda_tapin", "Muhammad Noor Ifansyah, S.H.", "Kepala Bagian Hukum",
                "Pembina (IV/a)", nip("19800217 200501 1 006"), "0812-5144-6098", "", True),
    ContactSpec("setda_balangan", "Rahmadi Saputra, S.STP.", "Kepala Bagian Kesejahteraan Rakyat",
                "Penata Tingkat I (III/d)", nip("19880423 201001 1 002"), "0852-5105-3127", "", True),
    ContactSpec("dkp3a_kaltim", "Noryani Sorayalita", "Kepala Dinas", "Pembina Utama Muda (IV/c)",
                nip("19690507 199403 2 006"), "0811-5501-2284"),
    ContactSpec("dkp3a_kaltim", "Dayang Norhayati, S.Sos.", "Kepala Bidang Perlindungan Perempuan",
                "Pembina (IV/a)", nip("19790812 200501 2 013"), "0812-5560-3107",
                "dayang.norhayati@kaltimprov.go.id", True),
    ContactSpec("polda_kaltim", "Yohanes Tamba, S.I.K.", "Kepala Subdirektorat IV Renakta",
                "Ajun Komisaris Besar Polisi", "", "0813-4650-9912", "", True),
    ContactSpec("dinsos_kaltim", "Andi Maryam, S.Sos.",
                "Kepala Seksi Rehabilitasi Sosial Korban Perdagangan Orang",
                "Penata Tingkat I (III/d)", nip("19840516 200902 2 008"), "0852-5023-7640", "", True),
    ContactSpec("bp3mi_kalbar", "Antonius Ding, S.Sos., M.Si.", "Kepala Balai",
                "Pembina Tingkat I (IV/b)", nip("19750923 200003 1 004"), "0812-5630-1148"),
    ContactSpec("bp3mi_kalbar", "Yustina Ani, S.E.", "Analis Pelindungan Pekerja Migran",
                "Penata (III/c)", nip("19900608 201503 2 010"), "0852-4577-0916",
                "yustina.ani@bp2mi.go.id", True),
    ContactSpec("dp3a_kalbar", "Herman Efendi, S.Sos.", "Kepala Bidang Perlindungan Hak Perempuan",
                "Pembina (IV/a)", nip("19780214 200501 1 012"), "0813-5277-4031", "", True),
    ContactSpec("setda_bky", "Paulus Aleng, S.Sos., M.Si.",
                "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Pembina Tingkat I (IV/b)",
                nip("19740418 199903 1 005"), "0812-5712-0385", "", True),
    ContactSpec("dinsos_p3a_bky", BENGKAYANG_HEAD, "Kepala Dinas", "Pembina Utama Muda (IV/c)",
                BENGKAYANG_HEAD_NIP, "0812-5733-2190"),
    ContactSpec("dinsos_p3a_bky", "Maria Goretti Sintia, S.Sos.",
                "Kepala Bidang Pemberdayaan Perempuan dan Perlindungan Anak",
                "Penata Tingkat I (III/d)", nip("19850309 201001 2 015"), "0821-5490-6672", "", True),
    ContactSpec("polres_bky", "Fransiskus Heru Santoso, S.H.", "Kepala Satuan Reserse Kriminal",
                "Ajun Komisaris Polisi", "", "0813-4566-2049", "", True),
    ContactSpec("disnaker_bky", "Sudarto Budiman, S.E.", "Kepala Bidang Penempatan Tenaga Kerja",
                "Pembina (IV/a)", nip("19760801 200212 1 007"), "0852-4519-8830", "", True),
    ContactSpec("fkub_bky", "H. Sulaiman Abdullah, S.Ag.", "Ketua FKUB Kabupaten Bengkayang",
                phone="0852-4511-3380", focal_point=True),
    ContactSpec("fkub_bky", "Pdt. Markus Jalung, S.Th.", "Wakil Ketua FKUB Kabupaten Bengkayang",
                phone="0813-5288-4156"),
    ContactSpec("dad_bky", "Simon Petrus Ajum", "Ketua Dewan Adat Dayak Kabupaten Bengkayang",
                phone="0853-4870-1164", focal_point=True),
)


# --------------------------------------------------------------------------- task forces


@dataclass(frozen=True)
class TaskForceSpec:
    region: str
    formed: bool = True
    decree_number: str = ""
    decree_date: date | None = None
    secretariat: str | None = None  # agency key
    notes: str = ""


def _five_years(start: date | None) -> tuple[date | None, date | None]:
    """The usual SK period: five years from the decree date."""
    if start is None:
        return None, None
    return start, start.replace(year=start.year + 5) - timedelta(days=1)


# Balangan (63.11) has no task force row at all; Tapin (63.05) has one not yet formed:
# the demo shows both ways a kabupaten without a task force can look.
TASK_FORCES: tuple[TaskForceSpec, ...] = (
    TaskForceSpec("63", True, "Keputusan Gubernur Kalimantan Selatan Nomor 188.44/0376/KUM/2023",
                  date(2023, 5, 22), "dp3akb",
                  "Ketua: Gubernur (sehari-hari diwakili Sekretaris Daerah). Sejak keputusan 2023 "
                  "(menyesuaikan Perpres 49/2023) Ketua Harian dijabat Kapolda Kalimantan Selatan; "
                  "sebelumnya Kepala DP3A. Sekretariat: DP3AKB."),
    TaskForceSpec("63.01", True, "Keputusan Bupati Tanah Laut Nomor 188.45/217-KUM/2022",
                  date(2022, 4, 11)),
    TaskForceSpec("63.02", True, "Keputusan Bupati Kotabaru Nomor 100.3.3.2/145/KUM/2024",
                  date(2024, 2, 19)),
    TaskForceSpec("63.03", True, "Keputusan Bupati Banjar Nomor 410 Tahun 2021", date(2021, 6, 14)),
    TaskForceSpec("63.04", True, "Keputusan Bupati Barito Kuala Nomor 188.45/322/KUM/2023",
                  date(2023, 8, 8)),
    TaskForceSpec("63.05", False, notes="Belum dibentuk. Rancangan Keputusan Bupati Tapin sedang "
                  "diharmonisasi di Bagian Hukum Setda Kabupaten Tapin (lihat komitmen Rakor 2020)."),
    TaskForceSpec("63.06", True, "Keputusan Bupati Hulu Sungai Selatan Nomor 188.45/156/2022",
                  date(2022, 3, 21)),
    TaskForceSpec("63.07", True, "Keputusan Bupati Hulu Sungai Tengah Nomor 188.45/274/2023",
                  date(2023, 9, 4)),
    TaskForceSpec("63.08", True, "Keputusan Bupati Hulu Sungai Utara Nomor 188.45/103/2019",
                  date(2019, 5, 6), notes="Masa berlaku keputusan telah berakhir; pembaruan "
                  "keputusan bupati sedang diproses."),
    TaskForceSpec("63.09", True, "Keputusan Bupati Tabalong Nomor 188.45/219/2024",
                  date(2024, 7, 1), "dp3a_tabalong"),
    TaskForceSpec("63.10", True, "Keputusan Bupati Tanah Bumbu Nomor 188.45/410/KUM/2021",
                  date(2021, 10, 18)),
    TaskForceSpec("63.71", True, "Keputusan Wali Kota Banjarmasin Nomor 100.3.3.2/0452/2024",
                  date(2024, 5, 27), "dp3a_bjm"),
    TaskForceSpec("63.72", True, "Keputusan Wali Kota Banjarbaru Nomor 188.45/233/KUM/2023",
                  date(2023, 3, 13)),
    TaskForceSpec("64", True, "Keputusan Gubernur Kalimantan Timur Nomor 100.3.3.1/K.412/2023",
                  date(2023, 9, 18), "dkp3a_kaltim",
                  "Keputusan diperbarui setelah rakor penguatan gugus tugas 7 Juli 2023."),
    TaskForceSpec("61", True, "Keputusan Gubernur Kalimantan Barat Nomor 612/DP3A/2022",
                  date(2022, 8, 15), "dp3a_kalbar"),
    TaskForceSpec("61.07", True, "Keputusan Bupati Bengkayang Nomor 188.45/318/HK/2024",
                  date(2024, 6, 10), "dinsos_p3a_bky"),
)
NOT_FORMED_WITHOUT_ROW = ("63.11",)  # Balangan


@dataclass(frozen=True)
class LetterheadSignerSpec:
    """Who signs a kop's letters (its office's head) and where copies usually go."""

    agency: str  # the office whose kop it is; its OFFICE_TITLES entry is the jabatan
    name: str
    rank: str
    nip: str
    carbon_copies: str  # Tembusan, one per line


# By task force region; None is the installation's default kop (DP3AKB Kalsel).
LETTERHEAD_SIGNERS: dict[str | None, LetterheadSignerSpec] = {
    None: LetterheadSignerSpec(
        "dp3akb", "Husnul Hatimah", "Pembina Utama Muda (IV/c)", HUSNUL_NIP,
        "Gubernur Kalimantan Selatan selaku Ketua Gugus Tugas PP-TPPO Provinsi Kalimantan "
        "Selatan (sebagai laporan)\n"
        "Kepala Kepolisian Daerah Kalimantan Selatan selaku Ketua Harian Gugus Tugas PP-TPPO "
        "Provinsi Kalimantan Selatan"),
    "64": LetterheadSignerSpec(
        "dkp3a_kaltim", "Noryani Sorayalita", "Pembina Utama Muda (IV/c)",
        nip("19690507 199403 2 006"),
        "Gubernur Kalimantan Timur selaku Ketua Gugus Tugas PP-TPPO Provinsi Kalimantan Timur "
        "(sebagai laporan)"),
    "61.07": LetterheadSignerSpec(
        "dinsos_p3a_bky", BENGKAYANG_HEAD, "Pembina Utama Muda (IV/c)", BENGKAYANG_HEAD_NIP,
        "Bupati Bengkayang selaku Ketua Gugus Tugas PP-TPPO Kabupaten Bengkayang "
        "(sebagai laporan)"),
}


def task_force_name(region_name: str, level: RegionLevel) -> str:
    prefix = "Provinsi " if level is RegionLevel.PROVINCE else ""
    return f"Gugus Tugas PP-TPPO {prefix}{region_name}"


# (task force region, agency, role, sub task force position, leads it, start, end, notes)
MEMBERSHIPS: tuple[tuple, ...] = (
    ("63", "setda", "Ketua", KOORDINASI, False, date(2023, 5, 22), None,
     "Gubernur; sehari-hari diwakili Sekretaris Daerah dan Asisten III."),
    ("63", "polda", "Ketua Harian", PENEGAKAN_HUKUM, True, date(2023, 5, 22), None,
     "Kapolda Kalimantan Selatan, sejak keputusan 2023."),
    ("63", "dp3a_old", "Ketua Harian", KOORDINASI, False, date(2018, 4, 2), date(2023, 5, 21),
     "Sebelum 2023 Ketua Harian dijabat Kepala DP3A."),
    ("63", "dp3akb", "Sekretaris", KOORDINASI, True, date(2023, 5, 22), None,
     "Kepala DP3AKB; menjalankan sekretariat gugus tugas."),
    ("63", "disdikbud", "Anggota", PENCEGAHAN, True, date(2023, 5, 22), None, ""),
    ("63", "dinkes", "Anggota", REHAB_KESEHATAN, True, date(2023, 5, 22), None, ""),
    ("63", "dinsos", "Anggota", REHAB_SOSIAL, True, date(2023, 5, 22), None, ""),
    ("63", "biro_hukum", "Anggota", NORMA_HUKUM, True, date(2023, 5, 22), None, ""),
    ("63", "kejati", "Anggota", PENEGAKAN_HUKUM, False, date(2023, 5, 22), None, ""),
    ("63", "imigrasi", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "bp3mi", "Anggota", REHAB_SOSIAL, False, date(2023, 5, 22), None,
     "Pemulangan dan pendataan PMI bermasalah."),
    ("63", "disnakertrans", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "kemenag", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "bappeda", "Anggota", KOORDINASI, False, date(2023, 5, 22), None, ""),
    ("63", "disdukcapil", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "diskominfo", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "satpolpp", "Anggota", PENEGAKAN_HUKUM, False, date(2023, 5, 22), None, ""),
    ("63", "uptd_ppa", "Anggota", REHAB_SOSIAL, False, date(2023, 5, 22), None, ""),
    ("63", "lpsk", "Mitra", PENEGAKAN_HUKUM, False, date(2023, 5, 22), None,
     "Lembaga nasional; hadir bila ada permohonan perlindungan saksi dan korban."),
    ("63", "pkk", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63", "ulm", "Anggota", NORMA_HUKUM, False, date(2023, 5, 22), None, ""),
    ("63", "lsm", "Anggota", REHAB_SOSIAL, False, date(2023, 5, 22), None, ""),
    ("63", "fkub", "Anggota", PENCEGAHAN, False, date(2023, 5, 22), None, ""),
    ("63.71", "dp3a_bjm", "Sekretaris", KOORDINASI, True, date(2024, 5, 27), None, ""),
    ("63.71", "polresta_bjm", "Ketua Harian", PENEGAKAN_HUKUM, True, date(2024, 5, 27), None, ""),
    ("63.09", "dp3a_tabalong", "Sekretaris", KOORDINASI, True, date(2024, 7, 1), None, ""),
    ("64", "dkp3a_kaltim", "Sekretaris", KOORDINASI, True, date(2023, 9, 18), None, ""),
    ("64", "polda_kaltim", "Ketua Harian", PENEGAKAN_HUKUM, True, date(2023, 9, 18), None, ""),
    ("64", "dinsos_kaltim", "Anggota", REHAB_SOSIAL, True, date(2023, 9, 18), None, ""),
    ("61", "dp3a_kalbar", "Sekretaris", KOORDINASI, True, date(2022, 8, 15), None, ""),
    ("61", "bp3mi_kalbar", "Anggota", REHAB_SOSIAL, False, date(2022, 8, 15), None, ""),
    ("61.07", "setda_bky", "Ketua", KOORDINASI, False, date(2024, 6, 10), None,
     "Bupati; sehari-hari diwakili Asisten Pemerintahan dan Kesra."),
    ("61.07", "polres_bky", "Ketua Harian", PENEGAKAN_HUKUM, True, date(2024, 6, 10), None, ""),
    ("61.07", "dinsos_p3a_bky", "Sekretaris", REHAB_SOSIAL, True, date(2024, 6, 10), None, ""),
    ("61.07", "disnaker_bky", "Anggota", PENCEGAHAN, True, date(2024, 6, 10), None, ""),
    ("61.07", "fkub_bky", "Anggota", PENCEGAHAN, False, date(2024, 6, 10), None, ""),
    ("61.07", "dad_bky", "Anggota", PENCEGAHAN, False, date(2024, 6, 10), None, ""),
)


# --------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class AttendanceSpec:
    """A daftar hadir line. A name that is a contact of the agency links to that person."""

    agency: str
    name: str
    status: AttendanceStatus = PRESENT
    represented_by: str = ""
    position: str = ""  # only for people who are not contacts


@dataclass(frozen=True)
class FollowUpSpec:
    """One step of a commitment.

    `when` is a date; or a float, the fraction of the time from the last historical
    meeting (LAST_SEED_MEETING) to `today`, so recent steps stay in the past whatever
    `today` is; or the key of a later meeting of the same task force, where the progress
    was reported (source: meeting).
    """

    when: date | float | str
    agency: str
    source: FollowUpSource
    note: str
    status: CommitmentStatus
    progress: int
    obstacles: str = ""
    status_reason: str = ""


@dataclass(frozen=True)
class CommitmentSpec:
    text: str
    action_plan: str
    lead: str
    supporting: tuple[str, ...]
    signatories: tuple[str, ...]
    due: date
    indicator: str
    focus: int | None
    sub_task_force: int | None
    status: CommitmentStatus
    progress: int
    follow_ups: tuple[FollowUpSpec, ...] = ()
    # "overdue" keeps the due date before `today`, "open" keeps it after, whatever `today` is;
    # "soon" puts it within the next two weeks, so the home page has something due.
    due_rule: str = "fixed"
    status_reason: str = ""
    confidential: bool = False
    notes: str = ""


@dataclass(frozen=True)
class MeetingSpec:
    key: str
    task_force: str  # region code
    kind: MeetingKind
    title: str
    date: date
    place: str
    organiser: str
    invitation_number: str
    chair_name: str
    chair_position: str
    chair_rank: str
    chair_nip: str
    secretary_name: str
    note_taker_name: str
    note_taker_position: str
    note_taker_nip: str
    opening: str
    conclusions: str
    agenda: tuple[tuple[str, str, str, str], ...]  # title, presenter, discussion, decisions
    attendance: tuple[AttendanceSpec, ...]
    commitments: tuple[CommitmentSpec, ...]
    notes: str = ""
    status: MeetingStatus = MeetingStatus.MINUTES_FINAL
    start: time = time(9, 0)
    end: time = time(12, 0)


A = AttendanceSpec
F = FollowUpSpec
C = CommitmentSpec

RAKOR_2020 = MeetingSpec(
    key="kalsel-2020",
    task_force="63",
    kind=MeetingKind.RAKOR,
    title="Rapat Koordinasi Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan "
          "Orang Provinsi Kalimantan Selatan Tahun 2020",
    date=date(2020, 3, 12),
    place="Aula Rapat Dinas PPPA Provinsi Kalimantan Selatan, Banjarmasin",
    organiser="dp3a_old",
    invitation_number="005/087/DP3A/2020",
    chair_name="Adi Santoso",
    chair_position="Asisten III Sekretariat Daerah Provinsi Kalimantan Selatan, "
                   "mewakili Sekretaris Daerah",
    chair_rank="Pembina Utama Muda (IV/c)",
    chair_nip=nip("19660824 198903 1 007"),
    secretary_name="Husnul Hatimah",
    note_taker_name=RINA,
    note_taker_position="Kepala Seksi Perlindungan Hak Perempuan, DP3A Provinsi Kalimantan Selatan",
    note_taker_nip=RINA_NIP,
    notes="Sumber hanya menyebut kota Banjarmasin; nama ruang rapat dipilih untuk demo.",
    opening="Rapat dibuka pukul 09.00 WITA oleh Asisten III Sekretariat Daerah Provinsi "
            "Kalimantan Selatan, Bapak Adi Santoso, mewakili Sekretaris Daerah. Disampaikan "
            "bahwa Kalimantan Selatan termasuk daerah asal pekerja migran yang rawan perdagangan "
            "orang: selama 2017–2019 tercatat 170 orang terduga korban TPPO (data BP3TKI). "
            "Gugus tugas diminta memperkuat koordinasi dan menyediakan data yang akurat dan "
            "seragam sebagai dasar program kerja.",
    conclusions="1. Sekretariat gugus tugas (DP3A) menghimpun data korban dan kasus TPPO dengan "
                "format yang disepakati bersama.\n"
                "2. Provinsi mendorong Kabupaten Balangan dan Kabupaten Tapin segera membentuk "
                "gugus tugas.\n"
                "3. Sosialisasi pencegahan bagi calon pekerja migran dan layanan bagi korban "
                "diperkuat pada 2020.\n"
                "4. Komitmen rapat dicatat dalam matriks tindak lanjut dan dievaluasi pada rakor "
                "berikutnya.",
    agenda=(
        ("Situasi TPPO di Kalimantan Selatan 2017–2019", "Kepala BP3MI Kalimantan Selatan",
         "Data BP3TKI/BP2MI mencatat 170 orang terduga korban TPPO asal Kalimantan Selatan "
         "selama 2017–2019, sebagian besar pekerja migran non-prosedural. Setiap instansi "
         "mendokumentasikan data dengan cara berbeda sehingga angka antarinstansi tidak sama.",
         "Data korban dan kasus dihimpun satu pintu oleh sekretariat dengan format baku."),
        ("Pembentukan gugus tugas kabupaten/kota", "Kepala DP3A Provinsi Kalimantan Selatan",
         "Sebelas kabupaten/kota telah membentuk gugus tugas dengan keputusan bupati/wali kota. "
         "Kabupaten Balangan dan Kabupaten Tapin belum membentuk.",
         "Sekretaris Daerah menyurati Bupati Balangan dan Bupati Tapin; DP3A memfasilitasi "
         "contoh rancangan keputusan bupati."),
        ("Layanan rehabilitasi, pemulangan dan reintegrasi korban", "Kepala Dinas Sosial",
         "Kepala Dinas Sosial, Ibu Siti Nuriyani, menyampaikan bahwa rujukan korban dari "
         "kepolisian dan BP3MI belum memiliki alur yang baku.",
         "Dinas Sosial dan UPTD PPA menyusun alur rujukan dan layanan korban."),
    ),
    attendance=(
        A("setda", "Adi Santoso"),
        A("dp3a_old", "Husnul Hatimah"),
        A("dinsos", "Siti Nuriyani"),
        A("polda", "Hendra Wijaya Kusuma, S.I.K., M.H.", REPRESENTED, "Nurul Aini Lestari, S.I.K."),
        A("kejati", "Herlina Siahaan, S.H."),
        A("bp3mi", "Yudha Pratama Putra, S.E., M.M."),
        A("disnakertrans", "Ir. Gusti Rahmadi, M.T."),
        A("dinkes", "dr. Dewi Kartika Sari, M.Kes."),
        A("disdikbud", "Dr. Rahmat Hidayat, M.Pd.", EXCUSED),
        A("kemenag", "H. Abdul Haris, S.Ag., M.H.I."),
        A("biro_hukum", "Hairul Anwar, S.H., M.H."),
        A("disdukcapil", "Norliani, S.Kom.", ABSENT),
        A("uptd_ppa", "Noor Aida Fitriani, S.Psi., M.Psi., Psikolog"),
        A("pkk", "Hj. Nor Hasanah"),
        A("ulm", "Dr. Lisa Ariyanti, S.H., M.H."),
        A("lsm", "Dian Puspitasari"),
    ),
    commitments=(
        C("Membentuk Gugus Tugas PP-TPPO di Kabupaten Balangan dan Kabupaten Tapin",
          "Menyurati Bupati Balangan dan Bupati Tapin; memfasilitasi penyusunan rancangan "
          "keputusan bupati; memantau penetapannya.",
          "setda", ("biro_hukum", "dp3a_old"), ("setda", "dp3a_old", "biro_hukum"),
          date(2020, 12, 31), "Keputusan Bupati tentang Gugus Tugas PP-TPPO ditetapkan di "
          "kedua kabupaten", SINERGI, KOORDINASI, IN_PROGRESS, 55,
          (F(date(2020, 7, 14), "setda", LETTER,
             "Surat Sekretaris Daerah kepada Bupati Balangan dan Bupati Tapin tentang percepatan "
             "pembentukan gugus tugas, disertai contoh rancangan keputusan bupati.",
             IN_PROGRESS, 20),
           F("kalsel-2024", "dp3akb", MEETING,
             "Dilaporkan pada Rakor 2024: Kabupaten Tapin telah menyusun rancangan keputusan "
             "bupati; Kabupaten Balangan belum memulai.",
             IN_PROGRESS, 35,
             "Pergantian pejabat di Setda Kabupaten Balangan; pembentukan gugus tugas belum "
             "menjadi prioritas anggaran."),
           F("kalsel-2025", "dp3akb", MEETING,
             "Rancangan Keputusan Bupati Tapin dalam harmonisasi di Bagian Hukum; Kabupaten "
             "Balangan menjadwalkan rapat persiapan pembentukan.",
             IN_PROGRESS, 50, "Belum ada anggaran sekretariat gugus tugas di kedua kabupaten."),
           F(0.6, "setda_tapin", PHONE,
             "Kepala Bagian Hukum Setda Tapin menyampaikan melalui telepon bahwa rancangan "
             "menunggu paraf koordinasi sebelum ditandatangani Bupati.",
             IN_PROGRESS, 55)),
          due_rule="overdue"),
        C("Menyeragamkan format pencatatan data korban dan kasus TPPO di setiap instansi "
          "anggota gugus tugas",
          "Menyusun format bersama; membahasnya dalam rapat teknis; menetapkan dan "
          "mengirimkannya kepada seluruh anggota.",
          "dp3a_old", ("polda", "bp3mi", "dinsos"), ("dp3a_old", "polda", "bp3mi", "dinsos"),
          date(2020, 9, 30), "Format pencatatan terpadu ditetapkan dan dipakai semua anggota",
          SINERGI, KOORDINASI, DONE, 100,
          (F(date(2020, 6, 18), "dp3a_old", REPORT,
             "Draf format pencatatan dibahas dalam rapat teknis bersama Polda, BP3MI dan "
             "Dinas Sosial.", IN_PROGRESS, 40,
             "Rapat tatap muka dibatasi karena pandemi COVID-19."),
           F(date(2020, 9, 24), "dp3a_old", LETTER,
             "Format pencatatan data TPPO ditetapkan dan dikirim ke seluruh anggota dengan "
             "surat Kepala DP3A.", DONE, 100))),
        C("Melaksanakan sosialisasi pencegahan TPPO dan migrasi aman bagi calon pekerja migran "
          "di kabupaten kantong PMI",
          "Sosialisasi di balai desa dan kantor kecamatan bersama Disnakertrans; materi migrasi "
          "aman dan modus perekrutan non-prosedural.",
          "bp3mi", ("disnakertrans", "kemenag"), ("bp3mi", "disnakertrans", "kemenag"),
          date(2020, 12, 31), "Sosialisasi terlaksana di sekurang-kurangnya 6 kabupaten",
          EDUKASI, PENCEGAHAN, DONE, 100,
          (F(date(2020, 8, 20), "bp3mi", REPORT,
             "Sosialisasi terlaksana di 3 kabupaten, sebagian secara daring.", IN_PROGRESS, 40,
             "Pembatasan kegiatan tatap muka karena pandemi COVID-19."),
           F(date(2021, 3, 10), "bp3mi", REPORT,
             "Sosialisasi selesai di 6 kabupaten; laporan kegiatan dan daftar hadir diserahkan "
             "ke sekretariat.", DONE, 100))),
        C("Menyediakan layanan rehabilitasi sosial, pemulangan dan reintegrasi bagi korban TPPO "
          "melalui Dinas Sosial dan UPTD PPA",
          "Menyusun alur rujukan korban dari kepolisian dan BP3MI; menyiapkan rumah "
          "perlindungan dan pendampingan.",
          "dinsos", ("uptd_ppa", "dp3a_old"), ("dinsos", "uptd_ppa", "dp3a_old"),
          date(2020, 12, 31), "Alur rujukan dan SOP layanan korban ditetapkan",
          LAYANAN_KORBAN, REHAB_SOSIAL, DONE, 100,
          (F(date(2020, 10, 5), "dinsos", VISIT,
             "Kunjungan ke rumah perlindungan sosial; tiga korban didampingi hingga pemulangan.",
             IN_PROGRESS, 60),
           F(date(2020, 12, 18), "dinsos", REPORT,
             "SOP layanan dan alur rujukan korban TPPO ditetapkan Kepala Dinas Sosial.",
             DONE, 100))),
    ),
)

RAKOR_2024 = MeetingSpec(
    key="kalsel-2024",
    task_force="63",
    kind=MeetingKind.RAKOR,
    title="Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Tahun 2024",
    date=date(2024, 5, 16),
    place="Aula Kantor DPPPAKB Provinsi Kalimantan Selatan, Banjarbaru",
    organiser="dp3akb",
    invitation_number="005/214/DPPPAKB/2024",
    chair_name="Husnul Hatimah",
    chair_position="Staf Ahli Gubernur Kalimantan Selatan",
    chair_rank="Pembina Utama Muda (IV/c)",
    chair_nip=HUSNUL_NIP,
    secretary_name=RINA,
    note_taker_name=RIZAL,
    note_taker_position="Analis Perlindungan Hak Perempuan, DPPPAKB Provinsi Kalimantan Selatan",
    note_taker_nip=RIZAL_NIP,
    notes="Sumber hanya menyebut hari Kamis pada 2024 setelah bulan Maret; tanggal pasti tidak "
          "disebutkan. Tanggal 16 Mei 2024 dipilih untuk demo.",
    opening="Rapat dibuka oleh Staf Ahli Gubernur, Ibu Husnul Hatimah. Disampaikan bahwa pada "
            "2022 tujuh orang terduga korban TPPO asal Kalimantan Selatan dipulangkan dari Arab "
            "Saudi, dan pada Januari–Maret 2024 tercatat 18 pekerja migran asal Kalimantan "
            "Selatan dipulangkan. Pemantauan kelompok rentan dan pencegahan berbasis masyarakat "
            "perlu diperkuat.",
    conclusions="1. Pemantauan kelompok rentan difokuskan pada desa asal pekerja migran "
                "non-prosedural.\n"
                "2. Pencegahan berbasis masyarakat dijalankan melalui kelompok peduli TPPO di "
                "desa rawan bersama TP-PKK dan penyuluh agama.\n"
                "3. Sosialisasi di sekolah menengah dilaksanakan di 13 kabupaten/kota.\n"
                "4. Tindak lanjut komitmen Rakor 2020 yang belum selesai tetap dipantau.",
    agenda=(
        ("Pemantauan kelompok rentan TPPO", "BP3MI Kalimantan Selatan",
         "Pada Januari–Maret 2024, 18 pekerja migran asal Kalimantan Selatan dipulangkan; "
         "sebagian berangkat tanpa prosedur resmi.",
         "BP3MI bersama Disnakertrans memantau desa asal PMI non-prosedural."),
        ("Pencegahan TPPO berbasis masyarakat", "DPPPAKB dan TP-PKK Provinsi",
         "Kader PKK dan penyuluh agama dinilai efektif menjangkau keluarga di desa.",
         "Dibentuk kelompok masyarakat peduli TPPO di desa rawan."),
        ("Evaluasi tindak lanjut komitmen Rakor 2020", "Sekretariat Gugus Tugas",
         "Tiga dari empat komitmen Rakor 2020 selesai; pembentukan gugus tugas di Balangan dan "
         "Tapin belum selesai.",
         "Komitmen yang belum selesai dibawa ke matriks tindak lanjut 2024."),
    ),
    attendance=(
        A("dp3akb", RINA),
        A("setda", "Rahmi Hayati, S.STP., M.Si."),
        A("polda", "Nurul Aini Lestari, S.I.K."),
        A("kejati", "Dr. Bambang Setyo Nugroho, S.H., M.H.", REPRESENTED, "Herlina Siahaan, S.H."),
        A("imigrasi", "Taufik Rahman, S.H., M.Si."),
        A("bp3mi", "Siti Rahmah, S.Sos."),
        A("disnakertrans", "Ir. Gusti Rahmadi, M.T."),
        A("dinsos", "Akhmad Fauzi, S.Sos., M.Si."),
        A("disdikbud", "Yuliana Safitri, S.Pd."),
        A("kemenag", "H. Abdul Haris, S.Ag., M.H.I."),
        A("diskominfo", "M. Iqbal Maulana, S.I.Kom."),
        A("disdukcapil", "Norliani, S.Kom."),
        A("uptd_ppa", "Noor Aida Fitriani, S.Psi., M.Psi., Psikolog"),
        A("pkk", "Hj. Nor Hasanah"),
        A("satpolpp", "Raden Bagus Prasetyo, S.STP.", EXCUSED),
    ),
    commitments=(
        C("Membentuk kelompok masyarakat peduli pencegahan TPPO di desa rawan sebagai bentuk "
          "pencegahan berbasis masyarakat",
          "Memilih desa rawan bersama kabupaten; melatih kader PKK dan tokoh masyarakat; "
          "menetapkan kelompok dengan keputusan kepala desa.",
          "dp3akb", ("pkk", "kemenag"), ("dp3akb", "pkk", "kemenag"),
          date(2024, 12, 31), "Kelompok peduli TPPO terbentuk di sekurang-kurangnya 10 desa",
          EDUKASI, PENCEGAHAN, DONE, 100,
          (F(date(2024, 8, 15), "dp3akb", VISIT,
             "Pelatihan kader di 4 desa di Kabupaten Hulu Sungai Utara dan Tabalong.",
             IN_PROGRESS, 40),
           F(date(2024, 11, 28), "dp3akb", REPORT,
             "Kelompok terbentuk di 8 desa; 2 desa menunggu keputusan kepala desa.",
             IN_PROGRESS, 80, "Pergantian penjabat kepala desa di dua desa."),
           F(date(2025, 2, 10), "dp3akb", REPORT,
             "Kelompok peduli TPPO terbentuk di 10 desa; salinan keputusan kepala desa "
             "diserahkan sebagai bukti dukung.", DONE, 100))),
        C("Memantau kelompok rentan TPPO di desa asal pekerja migran non-prosedural",
          "Mendata desa asal PMI yang dipulangkan; kunjungan bersama Disnakertrans dan "
          "Disdukcapil; laporan triwulanan ke sekretariat.",
          "bp3mi", ("disnakertrans", "disdukcapil"), ("bp3mi", "disnakertrans", "disdukcapil"),
          date(2025, 6, 30), "Laporan pemantauan triwulanan dari 13 kabupaten/kota",
          DETEKSI_DINI, PENCEGAHAN, IN_PROGRESS, 60,
          (F(date(2024, 9, 20), "bp3mi", REPORT,
             "Pemantauan dimulai di 3 kabupaten asal PMI terbanyak.", IN_PROGRESS, 25),
           F("kalsel-2025", "bp3mi", MEETING,
             "Dilaporkan pada Rakor 2025: pemantauan berjalan di 6 kabupaten; 7 kabupaten/kota "
             "belum.", IN_PROGRESS, 60,
             "Data PMI non-prosedural tidak tercatat dalam sistem resmi.")),
          due_rule="overdue"),
        C("Menelusuri jaringan perekrut pekerja migran non-prosedural yang memberangkatkan "
          "korban asal Kalimantan Selatan",
          "Penyelidikan bersama; pertukaran data keberangkatan dengan Imigrasi dan BP3MI.",
          "polda", ("imigrasi", "bp3mi"), ("polda", "imigrasi", "bp3mi"),
          date(2026, 12, 31), "Jaringan perekrut teridentifikasi dan perkara naik ke penyidikan",
          SINERGI, PENEGAKAN_HUKUM, IN_PROGRESS, 45,
          (F(date(2024, 10, 2), "polda", REPORT,
             "Penyelidikan dimulai; rincian dibatasi.", IN_PROGRESS, 30),
           F("kalsel-2025", "polda", MEETING,
             "Perkembangan disampaikan secara tertutup kepada Ketua Harian dan Sekretaris.",
             IN_PROGRESS, 45, "Sebagian saksi berada di luar negeri.")),
          due_rule="open", confidential=True,
          notes="Rahasia: rincian hanya untuk Ketua Harian dan Sekretaris gugus tugas."),
        C("Mempublikasikan data perkara TPPO yang telah ditangani sebagai bahan kampanye "
          "pencegahan",
          "Kejati menyusun ringkasan perkara; Diskominfo menyiapkan materi kampanye.",
          "kejati", ("diskominfo",), ("kejati", "diskominfo"),
          date(2024, 10, 31), "Materi kampanye berbasis perkara terbit",
          EDUKASI, PENEGAKAN_HUKUM, CANNOT, 20,
          (F(date(2024, 7, 22), "kejati", LETTER,
             "Kejati menyiapkan ringkasan perkara yang telah berkekuatan hukum tetap.",
             IN_PROGRESS, 20),
           F(date(2024, 10, 25), "kejati", LETTER,
             "Kejati menyatakan data perkara belum dapat dipublikasikan.", CANNOT, 20,
             status_reason="Perkara masih dalam proses persidangan (upaya hukum banding).")),
          status_reason="Perkara masih dalam proses persidangan (upaya hukum banding)."),
        C("Melaksanakan sosialisasi pencegahan TPPO di SMA, SMK dan SLB di 13 kabupaten/kota",
          "Menyusun jadwal bersama cabang dinas; guru bimbingan konseling sebagai fasilitator.",
          "disdikbud", ("dp3akb", "diskominfo"), ("disdikbud", "dp3akb", "diskominfo"),
          date(2024, 12, 31), "Sosialisasi terlaksana di 13 kabupaten/kota",
          EDUKASI, PENCEGAHAN, DONE, 100,
          (F(date(2024, 9, 5), "disdikbud", REPORT,
             "Sosialisasi terlaksana di 7 kabupaten/kota.", IN_PROGRESS, 50),
           F(date(2024, 12, 20), "disdikbud", REPORT,
             "Sosialisasi selesai di 13 kabupaten/kota; 96 sekolah terjangkau.", DONE, 100))),
    ),
)

RAKOR_KALTIM_2023 = MeetingSpec(
    key="kaltim-2023",
    task_force="64",
    kind=MeetingKind.RAKOR,
    title="Rapat Koordinasi Penguatan Gugus Tugas PP-TPPO Provinsi Kalimantan Timur",
    date=date(2023, 7, 7),
    place="Ruang Rapat Kantor DKP3A Provinsi Kalimantan Timur, Samarinda",
    organiser="dkp3a_kaltim",
    invitation_number="005/432/DKP3A/2023",
    chair_name="Noryani Sorayalita",
    chair_position="Kepala Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak "
                   "Provinsi Kalimantan Timur",
    chair_rank="Pembina Utama Muda (IV/c)",
    chair_nip=nip("19690507 199403 2 006"),
    secretary_name="Dayang Norhayati, S.Sos.",
    note_taker_name="Nurul Hidayah, S.Sos.",
    note_taker_position="Pengelola Data Perlindungan Perempuan, DKP3A Provinsi Kalimantan Timur",
    note_taker_nip=nip("19930314 202012 2 006"),
    notes="Tempat tidak disebutkan dalam sumber; ruang rapat di Samarinda dipilih untuk demo.",
    opening="Kepala DKP3A, Ibu Noryani Sorayalita, membuka rapat dan menekankan penguatan "
            "gugus tugas provinsi dan kabupaten/kota setelah terbitnya Perpres 49/2023.",
    conclusions="1. Keputusan pembentukan gugus tugas kabupaten/kota diperbarui sesuai Perpres "
                "49/2023.\n2. Data kasus TPPO dimutakhirkan setiap bulan melalui Simfoni-PPA.",
    agenda=(
        ("Penguatan Gugus Tugas PP-TPPO sesuai Perpres 49/2023", "Kepala DKP3A",
         "Susunan gugus tugas perlu disesuaikan: Ketua Harian dijabat Kapolda.",
         "Gugus tugas provinsi dan kabupaten/kota memperbarui keputusan pembentukan."),
        ("Data kasus TPPO Simfoni-PPA Kalimantan Timur", "Bidang Perlindungan Perempuan DKP3A",
         "Simfoni-PPA mencatat 2 kasus/2 korban (2021), 6 kasus/10 korban (2022) dan "
         "3 kasus/4 korban hingga 1 Juni 2023. Korban kekerasan: 626 (2020), 450 (2021), "
         "1.012 (2022).",
         "Unit layanan kabupaten/kota menginput kasus setiap bulan."),
    ),
    attendance=(
        A("dkp3a_kaltim", "Noryani Sorayalita"),
        A("dkp3a_kaltim", "Dayang Norhayati, S.Sos."),
        A("polda_kaltim", "Yohanes Tamba, S.I.K."),
        A("dinsos_kaltim", "Andi Maryam, S.Sos."),
        A("lpsk", "Fitriani Nurlatifah, S.H., M.H.", EXCUSED),
    ),
    commitments=(
        C("Memperbarui keputusan pembentukan Gugus Tugas PP-TPPO kabupaten/kota di Kalimantan "
          "Timur sesuai Perpres 49/2023",
          "Menyurati bupati/wali kota; memberi contoh susunan keanggotaan baru.",
          "dkp3a_kaltim", ("polda_kaltim",), ("dkp3a_kaltim", "polda_kaltim"),
          date(2023, 12, 31), "Keputusan baru di seluruh kabupaten/kota",
          SINERGI, KOORDINASI, DONE, 100,
          (F(date(2023, 9, 12), "dkp3a_kaltim", LETTER,
             "Surat Gubernur kepada bupati/wali kota tentang pembaruan susunan gugus tugas.",
             IN_PROGRESS, 30),
           F(date(2024, 3, 28), "dkp3a_kaltim", REPORT,
             "Seluruh kabupaten/kota telah menetapkan keputusan baru.", DONE, 100))),
        C("Memutakhirkan data kasus dan korban TPPO pada Simfoni-PPA setiap bulan",
          "Unit layanan menginput kasus paling lambat tanggal 5 bulan berikutnya; DKP3A "
          "memverifikasi.",
          "dkp3a_kaltim", ("polda_kaltim", "dinsos_kaltim"),
          ("dkp3a_kaltim", "polda_kaltim", "dinsos_kaltim"),
          date(2023, 12, 31), "Data Simfoni-PPA mutakhir setiap bulan",
          SINERGI, KOORDINASI, IN_PROGRESS, 70,
          (F(date(2023, 10, 10), "dkp3a_kaltim", REPORT,
             "Input bulanan berjalan di 5 kabupaten/kota.", IN_PROGRESS, 40),
           F(date(2024, 6, 30), "dkp3a_kaltim", REPORT,
             "Input bulanan berjalan di 7 kabupaten/kota.", IN_PROGRESS, 70,
             "Belum semua unit layanan kabupaten/kota menginput data tepat waktu.")),
          due_rule="overdue"),
    ),
)

SYNC_BENGKAYANG_2025 = MeetingSpec(
    key="bengkayang-2025",
    task_force="61.07",
    kind=MeetingKind.SYNCHRONISATION,
    title="Pertemuan Koordinasi dan Sinkronisasi Pencegahan TPPO dan Pelindungan Pekerja Migran "
          "Indonesia di Kabupaten Bengkayang",
    date=date(2025, 8, 7),
    place="Aula Kantor Bupati Bengkayang, Bengkayang",
    organiser="bp3mi_kalbar",
    # Invited by the task force's secretariat on its kop, for the meeting BP3MI organised.
    invitation_number="005/318/Dinsos.P3A/2025",
    chair_name="Antonius Ding, S.Sos., M.Si.",
    chair_position="Kepala BP3MI Kalimantan Barat",
    chair_rank="Pembina Tingkat I (IV/b)",
    chair_nip=nip("19750923 200003 1 004"),
    secretary_name="Maria Goretti Sintia, S.Sos.",
    note_taker_name="Yustina Ani, S.E.",
    note_taker_position="Analis Pelindungan Pekerja Migran, BP3MI Kalimantan Barat",
    note_taker_nip=nip("19900608 201503 2 010"),
    notes="Diselenggarakan BP3MI Kalimantan Barat. Tempat rinci tidak disebutkan dalam sumber. "
          "Tokoh agama dan organisasi kemasyarakatan hadir.",
    opening="Kepala BP3MI Kalimantan Barat membuka pertemuan: Bengkayang berbatasan darat dengan "
            "Malaysia sehingga rawan keberangkatan pekerja migran non-prosedural. Polri menangani "
            "189 kasus TPPO dengan 545 korban di Kalimantan Barat, sebagian besar perempuan "
            "dan anak.",
    conclusions="1. Pertemuan ditutup dengan penandatanganan kesepakatan dan komitmen bersama "
                "oleh pemerintah daerah, instansi vertikal, tokoh agama dan organisasi "
                "kemasyarakatan.\n"
                "2. Pemerintah Kabupaten Bengkayang dan BP3MI menyiapkan Migrant Center dan "
                "pusat pelatihan vokasi bagi calon pekerja migran.",
    agenda=(
        ("Sinkronisasi program pelindungan PMI di wilayah perbatasan", "BP3MI Kalimantan Barat",
         "Jalur perbatasan darat dimanfaatkan perekrut untuk memberangkatkan PMI tanpa dokumen.",
         "Layanan informasi satu pintu disiapkan di Bengkayang (Migrant Center)."),
        ("Peran tokoh agama dan organisasi kemasyarakatan", "FKUB dan Dewan Adat Dayak",
         "Tokoh agama dan adat menjangkau keluarga calon PMI di desa perbatasan.",
         "Pesan migrasi aman disampaikan melalui rumah ibadah dan pertemuan adat."),
    ),
    attendance=(
        A("bp3mi_kalbar", "Antonius Ding, S.Sos., M.Si."),
        A("bp3mi_kalbar", "Yustina Ani, S.E."),
        A("setda_bky", "Paulus Aleng, S.Sos., M.Si."),
        A("dinsos_p3a_bky", "Maria Goretti Sintia, S.Sos."),
        A("polres_bky", "Fransiskus Heru Santoso, S.H."),
        A("disnaker_bky", "Sudarto Budiman, S.E."),
        A("fkub_bky", "H. Sulaiman Abdullah, S.Ag."),
        A("fkub_bky", "Pdt. Markus Jalung, S.Th."),
        A("dad_bky", "Simon Petrus Ajum"),
        A("dp3a_kalbar", "Herman Efendi, S.Sos.", EXCUSED),
    ),
    commitments=(
        C("Menyiapkan pembentukan Migrant Center di Kabupaten Bengkayang sebagai pusat informasi "
          "dan layanan pekerja migran",
          "Menyiapkan lokasi dan petugas; menyusun perjanjian kerja sama Pemkab dan BP3MI.",
          "setda_bky", ("bp3mi_kalbar", "disnaker_bky"), ("setda_bky", "bp3mi_kalbar", "disnaker_bky"),
          date(2026, 6, 30), "Migrant Center beroperasi", DETEKSI_DINI, PENCEGAHAN, IN_PROGRESS, 40,
          (F(0.25, "bp3mi_kalbar", LETTER,
             "BP3MI mengirim rancangan perjanjian kerja sama kepada Pemkab Bengkayang.",
             IN_PROGRESS, 15),
           F(0.6, "setda_bky", VISIT,
             "Peninjauan lokasi di kompleks perkantoran Pemkab; ruang layanan disepakati.",
             IN_PROGRESS, 40, "Anggaran renovasi ruang layanan belum tersedia.")),
          due_rule="overdue"),
        C("Menyiapkan pusat pelatihan vokasi bagi calon pekerja migran asal Kabupaten Bengkayang",
          "Memetakan kebutuhan keterampilan; mengusulkan program pelatihan ke kementerian.",
          "disnaker_bky", ("bp3mi_kalbar",), ("disnaker_bky", "bp3mi_kalbar", "setda_bky"),
          date(2026, 12, 31), "Program pelatihan vokasi pertama terlaksana",
          EDUKASI, PENCEGAHAN, NOT_STARTED, 0,
          (F(0.5, "dinsos_p3a_bky", LETTER,
             "Sekretariat mengirim surat pengingat; belum ada tindak lanjut.", NOT_STARTED, 0,
             "Menunggu alokasi anggaran tahun berikutnya."),),
          due_rule="open"),
        C("Menyosialisasikan migrasi aman dan bahaya TPPO melalui tokoh agama dan organisasi "
          "kemasyarakatan di desa perbatasan",
          "Materi singkat untuk khotbah, kebaktian dan pertemuan adat.",
          "fkub_bky", ("dad_bky", "dinsos_p3a_bky"), ("fkub_bky", "dad_bky", "dinsos_p3a_bky"),
          date(2025, 12, 31), "Pesan migrasi aman tersampaikan di desa-desa perbatasan",
          EDUKASI, PENCEGAHAN, DONE, 100,
          (F(date(2025, 10, 20), "fkub_bky", REPORT,
             "Materi disampaikan di 9 rumah ibadah dan 3 pertemuan adat.", IN_PROGRESS, 50),
           F(date(2025, 11, 28), "fkub_bky", REPORT,
             "Sosialisasi selesai di 18 desa perbatasan; dokumentasi diserahkan.", DONE, 100))),
    ),
)

RAKOR_2025 = MeetingSpec(
    key="kalsel-2025",
    task_force="63",
    kind=MeetingKind.RAKOR,
    title="Rapat Koordinasi Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan Tahun 2025",
    date=date(2025, 12, 2),
    place="Aula Kantor DP3AKB Provinsi Kalimantan Selatan, Banjarbaru",
    organiser="dp3akb",
    invitation_number="005/412/DP3AKB/2025",
    chair_name="Husnul Hatimah",
    chair_position="Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga "
                   "Berencana Provinsi Kalimantan Selatan",
    chair_rank="Pembina Utama Muda (IV/c)",
    chair_nip=HUSNUL_NIP,
    secretary_name=RINA,
    note_taker_name=RIZAL,
    note_taker_position="Analis Perlindungan Hak Perempuan, DP3AKB Provinsi Kalimantan Selatan",
    note_taker_nip=RIZAL_NIP,
    opening="Kepala DP3AKB, Ibu Husnul Hatimah, membuka rapat: \"Rakor ini bukan untuk "
            "mengumpulkan rekomendasi saja. Setiap rekomendasi harus berubah menjadi langkah "
            "nyata.\" Berbedanya dokumentasi data terkait perdagangan orang di setiap instansi "
            "membuat angka di provinsi berbeda-beda; data bersama yang akurat adalah dasar "
            "program kerja.",
    conclusions="Gugus tugas menetapkan empat fokus kerja:\n"
                "1. Deteksi dini wilayah rawan TPPO;\n"
                "2. Penguatan layanan korban;\n"
                "3. Pencegahan berbasis edukasi masyarakat;\n"
                "4. Sinergi antarinstansi penegak hukum dan layanan sosial.\n"
                "Rapat ditutup dengan penandatanganan kesepakatan dan komitmen bersama; setiap "
                "komitmen dipantau dalam matriks tindak lanjut.",
    agenda=(
        ("Evaluasi tindak lanjut komitmen Rakor 2024", "Sekretariat Gugus Tugas",
         "Dua komitmen 2024 selesai, dua masih berjalan dan satu tidak dapat ditindaklanjuti "
         "karena perkara masih disidangkan.",
         "Komitmen yang masih berjalan dibawa ke matriks 2026."),
        ("Paparan instansi anggota",
         "Polda, Kejati, Imigrasi, BP3MI, Dinas Kesehatan, Dinas Pendidikan, Disnakertrans, "
         "Dinas Sosial",
         "Setiap instansi memaparkan capaian dan kendala; data kasus antarinstansi belum sama.",
         "Sekretariat menyusun basis data terpadu korban TPPO antarinstansi."),
        ("Penetapan fokus kerja gugus tugas", "Kepala DP3AKB",
         "Diusulkan empat fokus kerja untuk 2026.",
         "Empat fokus kerja ditetapkan (lihat kesimpulan)."),
        ("Penandatanganan kesepakatan dan komitmen bersama", "Seluruh anggota",
         "Anggota menandatangani komitmen bersama beserta batas waktunya.",
         "Sembilan komitmen disepakati."),
    ),
    attendance=(
        A("dp3akb", "Husnul Hatimah"),
        A("dp3akb", RINA),
        A("setda", "Rahmi Hayati, S.STP., M.Si."),
        A("polda", "Hendra Wijaya Kusuma, S.I.K., M.H.", REPRESENTED, "Nurul Aini Lestari, S.I.K."),
        A("kejati", "Dr. Bambang Setyo Nugroho, S.H., M.H."),
        A("imigrasi", "Taufik Rahman, S.H., M.Si."),
        A("bp3mi", "Yudha Pratama Putra, S.E., M.M."),
        A("dinkes", "dr. Dewi Kartika Sari, M.Kes."),
        A("disdikbud", "Yuliana Safitri, S.Pd."),
        A("disnakertrans", "Ir. Gusti Rahmadi, M.T."),
        A("dinsos", "Akhmad Fauzi, S.Sos., M.Si."),
        A("kemenag", "H. Abdul Haris, S.Ag., M.H.I."),
        A("uptd_ppa", "Noor Aida Fitriani, S.Psi., M.Psi., Psikolog"),
        A("disdukcapil", "Norliani, S.Kom."),
        A("bappeda", "Syahrani, S.E., M.Si.", EXCUSED),
        A("biro_hukum", "Hairul Anwar, S.H., M.H."),
        A("lpsk", "Fitriani Nurlatifah, S.H., M.H.", ABSENT),
        A("lsm", "Dian Puspitasari"),
        A("fkub", "KH. Muhammad Syarif Hidayatullah"),
    ),
    commitments=(
        C("Menyusun basis data terpadu korban TPPO antarinstansi",
          "Meminta data kasus 2023–2025 dengan format baku; verifikasi bersama; pembaruan "
          "setiap triwulan.",
          "dp3akb", ("polda", "bp3mi", "dinsos"),
          ("dp3akb", "polda", "bp3mi", "dinsos", "kejati"),
          date(2026, 6, 30), "Basis data terpadu tersedia dan diperbarui setiap triwulan",
          SINERGI, KOORDINASI, IN_PROGRESS, 60,
          (F(0.1, "dp3akb", LETTER,
             "Surat Kepala DP3AKB kepada anggota: permintaan data kasus 2023–2025 dengan "
             "format baku.", IN_PROGRESS, 10),
           F(0.35, "dp3akb", REPORT,
             "Data dari Polda, BP3MI dan Dinas Sosial terkumpul; data Kejati dan Imigrasi "
             "belum.", IN_PROGRESS, 35),
           F(0.7, "dp3akb", REPORT,
             "Verifikasi silang selesai untuk data 2023–2024.", IN_PROGRESS, 60,
             "Definisi 'korban' dan 'terduga korban' berbeda antarinstansi sehingga angka "
             "tidak sama.")),
          due_rule="overdue"),
        C("Memetakan desa/kelurahan rawan TPPO di 13 kabupaten/kota sebagai dasar deteksi dini",
          "Menggabungkan data asal PMI, kasus dan kemiskinan; verifikasi dengan kabupaten/kota.",
          "disnakertrans", ("bp3mi", "disdukcapil"), ("disnakertrans", "bp3mi", "disdukcapil"),
          date(2026, 4, 30), "Peta desa rawan TPPO ditetapkan", DETEKSI_DINI, PENCEGAHAN, DONE, 100,
          (F(0.2, "disnakertrans", REPORT,
             "Data asal PMI dan kasus dari 13 kabupaten/kota terkumpul.", IN_PROGRESS, 40),
           F(0.4, "disnakertrans", REPORT,
             "Peta 64 desa/kelurahan rawan TPPO ditetapkan dan dibagikan ke anggota.",
             DONE, 100))),
        C("Mendata PMI non-prosedural asal Kalimantan Selatan yang dipulangkan dan memastikan "
          "rujukan layanannya",
          "Pendataan saat kedatangan; rujukan ke Dinas Sosial dan UPTD PPA bila terindikasi "
          "korban.",
          "bp3mi", ("imigrasi", "dinsos"), ("bp3mi", "imigrasi", "dinsos"),
          date(2026, 12, 31), "Seluruh PMI yang dipulangkan terdata dan terlayani",
          DETEKSI_DINI, REHAB_SOSIAL, IN_PROGRESS, 45,
          (F(0.3, "bp3mi", REPORT,
             "Format pendataan kedatangan disepakati dengan Imigrasi.", IN_PROGRESS, 20),
           F(0.8, "bp3mi", PHONE,
             "Pendataan berjalan; 12 PMI dirujuk ke UPTD PPA.", IN_PROGRESS, 45)),
          due_rule="open"),
        C("Melaksanakan sosialisasi pencegahan TPPO di SMA/SMK melalui guru bimbingan konseling",
          "Pelatihan guru BK; materi masuk program bimbingan kelas XI.",
          "disdikbud", ("dp3akb",), ("disdikbud", "dp3akb"),
          date(2027, 6, 30), "Guru BK di seluruh SMA/SMK negeri terlatih",
          EDUKASI, PENCEGAHAN, IN_PROGRESS, 70,
          (F(0.3, "disdikbud", REPORT, "Pelatihan guru BK angkatan I.", IN_PROGRESS, 35),
           F(0.75, "disdikbud", REPORT, "Pelatihan guru BK angkatan II dan III.", IN_PROGRESS, 70)),
          due_rule="soon"),
        C("Menyampaikan materi pencegahan TPPO dalam bimbingan perkawinan dan penyuluhan agama",
          "Menyusun materi; membekali penyuluh agama di KUA.",
          "kemenag", ("fkub",), ("kemenag", "fkub"),
          date(2026, 3, 31), "Materi dipakai di seluruh KUA",
          EDUKASI, PENCEGAHAN, NOT_STARTED, 0,
          (F(0.5, "dp3akb", LETTER,
             "Surat pengingat dari sekretariat; belum ada tindak lanjut.", NOT_STARTED, 0,
             "Materi penyuluhan belum disusun."),),
          due_rule="overdue"),
        C("Menjamin pemeriksaan kesehatan dan visum et repertum tanpa biaya bagi korban TPPO",
          "Surat edaran kepada RSUD dan RS Bhayangkara; pembiayaan melalui anggaran daerah.",
          "dinkes", ("uptd_ppa", "polda"), ("dinkes", "uptd_ppa", "polda"),
          date(2026, 6, 30), "Surat edaran terbit dan dilaksanakan rumah sakit",
          LAYANAN_KORBAN, REHAB_KESEHATAN, DONE, 100,
          (F(0.25, "dinkes", REPORT, "Rancangan surat edaran dibahas dengan RSUD.", IN_PROGRESS, 50),
           F(0.5, "dinkes", LETTER,
             "Surat Edaran Kepala Dinas Kesehatan kepada RSUD dan RS Bhayangkara terbit.",
             DONE, 100))),
        C("Memperketat wawancara dan pengawasan penerbitan paspor bagi pemohon yang terindikasi "
          "PMI non-prosedural",
          "Wawancara mendalam; pertukaran data dengan BP3MI; penundaan paspor bila perlu.",
          "imigrasi", ("bp3mi", "polda"), ("imigrasi", "bp3mi", "polda"),
          date(2026, 12, 31), "Laporan penundaan paspor triwulanan",
          DETEKSI_DINI, PENCEGAHAN, IN_PROGRESS, 50,
          (F(0.3, "imigrasi", REPORT, "Pedoman wawancara diperbarui.", IN_PROGRESS, 25),
           F(0.75, "imigrasi", REPORT,
             "Tercatat 37 penundaan penerbitan paspor karena indikasi PMI non-prosedural.",
             IN_PROGRESS, 50)),
          due_rule="open"),
        C("Memperkuat layanan UPTD PPA: rumah aman, pendampingan psikologis dan hukum bagi korban "
          "TPPO",
          "Menambah psikolog dan pendamping hukum; kerja sama dengan LPSK.",
          "uptd_ppa", ("dinsos", "lpsk"), ("uptd_ppa", "dinsos", "lpsk"),
          date(2027, 3, 31), "Rumah aman dan pendampingan tersedia untuk setiap korban",
          LAYANAN_KORBAN, REHAB_SOSIAL, NOT_STARTED, 0, due_rule="open"),
        C("Memperkuat sinergi penanganan perkara TPPO antara Polda dan Kejati sejak tahap "
          "penyelidikan",
          "Koordinasi sejak SPDP; forum konsultasi penyidik dan jaksa setiap bulan.",
          "polda", ("kejati", "lpsk"), ("polda", "kejati", "lpsk"),
          date(2026, 12, 31), "Forum bulanan berjalan; berkas perkara tidak bolak-balik",
          SINERGI, PENEGAKAN_HUKUM, IN_PROGRESS, 30,
          (F(0.5, "polda", REPORT, "Forum konsultasi pertama dan kedua terlaksana.",
             IN_PROGRESS, 30),),
          due_rule="open"),
    ),
)

HELD_MEETINGS = (RAKOR_2020, RAKOR_KALTIM_2023, RAKOR_2024, SYNC_BENGKAYANG_2025, RAKOR_2025)

# Invitations to the planned rakor (its daftar hadir before the meeting).
PLANNED_INVITEES = (
    ("dp3akb", "Husnul Hatimah"), ("setda", "Rahmi Hayati, S.STP., M.Si."),
    ("polda", "Nurul Aini Lestari, S.I.K."), ("kejati", "Herlina Siahaan, S.H."),
    ("imigrasi", "Taufik Rahman, S.H., M.Si."), ("bp3mi", "Siti Rahmah, S.Sos."),
    ("disnakertrans", "Ir. Gusti Rahmadi, M.T."), ("dinsos", "Akhmad Fauzi, S.Sos., M.Si."),
    ("dinkes", "dr. Dewi Kartika Sari, M.Kes."), ("disdikbud", "Yuliana Safitri, S.Pd."),
    ("kemenag", "H. Abdul Haris, S.Ag., M.H.I."),
    ("uptd_ppa", "Noor Aida Fitriani, S.Psi., M.Psi., Psikolog"),
)
