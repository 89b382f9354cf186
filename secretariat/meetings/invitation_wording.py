"""The invitation's opening and closing sentences, built for the meeting's kind and Sifat.

The opening names the event once, the way a Kepala Bagian Umum writes it: the kind of
meeting, the task force, then what the title adds ("Dalam rangka pelaksanaan Rapat
Koordinasi Gugus Tugas PP-TPPO Kabupaten Bengkayang Triwulan IV Tahun 2026, …"). A title
that already names the event or the task force (or its region) is kept as typed, so
nothing is said twice. The closing asks for punctuality ("Mengingat pentingnya acara
tersebut …") only when the letter is Penting or more urgent.
"""

from __future__ import annotations

import re

from models import MeetingKind
from secretariat.documents.letter_parts import is_pressing

# The kind's name in a letter, then the other ways a title may begin with it.
_KIND_NAMES: dict[MeetingKind, tuple[str, tuple[str, ...]]] = {
    MeetingKind.RAKOR: ("Rapat Koordinasi", ("rakor",)),
    MeetingKind.TECHNICAL: ("Rapat Teknis", ("ratek",)),
    MeetingKind.FGD: ("Focus Group Discussion (FGD)",
                      ("focus group discussion", "diskusi kelompok terpumpun", "fgd", "dkt")),
    MeetingKind.OUTREACH: ("Sosialisasi", ()),
    MeetingKind.MONITORING: ("Monitoring dan Evaluasi",
                             ("pemantauan dan evaluasi", "monitoring & evaluasi", "monev")),
    MeetingKind.SYNCHRONISATION: ("Pertemuan Koordinasi dan Sinkronisasi",
                                  ("rapat koordinasi dan sinkronisasi",)),
    MeetingKind.OTHER: ("", ()),
}
# A title beginning with one of these names its event itself: no kind is put before it.
_EVENT_WORDS = ("rapat", "rakor", "pertemuan", "kegiatan", "workshop", "lokakarya",
                "bimbingan teknis", "bimtek", "seminar", "sosialisasi", "fgd", "focus group",
                "diskusi", "monitoring", "monev", "pemantauan", "evaluasi", "penandatanganan",
                "peluncuran", "pelatihan", "apel", "sarasehan", "dialog", "temu")
_TASK_FORCE = re.compile(r"gugus[ -]tugas|\bgt[ -]?(?:pp[ -]?)?tppo\b|\bgtpp[ -]?tppo\b")
# What may follow the task force directly: a period, a number, a colon.
_PERIOD = re.compile(r"^(?::|triwulan|semester|tahun|bulan|periode|tahap|ke-|pertama|kedua|"
                     r"ketiga|keempat|kelima|(?:i|ii|iii|iv|v|vi)\b|\d|awal|akhir|rutin)",
                     re.IGNORECASE)
_LINKING = re.compile(r"^(?:tentang|mengenai|terkait|dalam|untuk|bagi|pada|di|dengan|"
                      r"antar|se-|serta|dan)\b", re.IGNORECASE)

_ASKS = {
    MeetingKind.FGD: "Bapak/Ibu diharapkan menyampaikan pandangan dan masukan sesuai tugas "
                     "dan fungsi instansi masing-masing.",
    MeetingKind.MONITORING: "Bapak/Ibu dimohon membawa data capaian dan bukti dukung tindak "
                            "lanjut komitmen instansi masing-masing.",
    MeetingKind.TECHNICAL: "Kami mohon rapat ini dihadiri oleh pejabat yang membidangi.",
}
_THANKS = "Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih."


def occasion(kind: MeetingKind, title: str, *, task_force: str, region: str = "") -> str:
    """The event as the opening sentence names it, the task force named once."""
    title = " ".join(title.split())
    head, rest = _split_kind(kind, title)
    folded = title.casefold()
    named = bool(_TASK_FORCE.search(folded)) or any(
        name and name.casefold() in folded for name in (task_force, region))
    if named or not task_force:
        return f"{head} {rest}".strip()
    if not head:  # the title names its own event: the task force's, after it
        return f"{rest} {task_force}"
    if not rest:
        return f"{head} {task_force}"
    if rest.startswith(":"):
        return f"{head} {task_force}{rest}"
    if _PERIOD.match(rest) or _LINKING.match(rest):
        return f"{head} {task_force} {rest}"
    if kind is MeetingKind.OUTREACH:  # what is made known, then who makes it known
        return f"{head} {rest} oleh {task_force}"
    return f"{head} {task_force} tentang {rest}"


def _split_kind(kind: MeetingKind, title: str) -> tuple[str, str]:
    """The kind's name as the letter writes it, and what the title says after it."""
    name, aliases = _KIND_NAMES[kind]
    folded = title.casefold()
    for written in (name.casefold(), name.split(" (")[0].casefold(), *aliases):
        if written and re.match(re.escape(written) + r"(?![\w-])", folded):
            # A full name keeps the title's own spelling; an abbreviation is written out.
            head = title[:len(written)] if len(written) > 5 else name
            rest = title[len(written):].strip()
            parenthesis = re.match(r"^\([^)]*\)", rest)  # "Rapat Koordinasi (Rakor) …"
            if parenthesis:
                head = f"{title[:len(written)]} {parenthesis.group(0)}"
                rest = rest[parenthesis.end():].strip()
            return head, rest
    if not name or folded.startswith(_EVENT_WORDS):
        return "", title
    return name, title


def opening(kind: MeetingKind, title: str, *, task_force: str, region: str = "") -> str:
    event = occasion(kind, title, task_force=task_force, region=region)
    if kind is MeetingKind.FGD:
        invited = "untuk hadir dan berpartisipasi aktif dalam diskusi pada"
    else:
        invited = "untuk hadir pada"
    return f"Dalam rangka pelaksanaan {event}, bersama ini kami mengundang Bapak/Ibu {invited}:"


def closing(kind: MeetingKind, nature: str) -> str:
    """The last paragraph: what to bring, then punctuality only where the Sifat says so."""
    sentences = [_ASKS[kind]] if kind in _ASKS else []
    if nature in ("Segera", "Sangat Segera"):
        sentences.append("Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu "
                         "tepat pada waktunya dan konfirmasi kehadiran disampaikan segera "
                         "kepada Sekretariat Gugus Tugas.")
    elif is_pressing(nature):
        sentences.append("Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu "
                         "tepat pada waktunya.")
    else:
        sentences.append("Demikian kami sampaikan.")
    sentences.append(_THANKS)
    return " ".join(sentences)
