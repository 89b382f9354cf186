"""The Simpulan dan Saran of a progress report, drafted from its figures.

A draft, not a verdict: the clerk reads it on the screen that writes the report and may
reword it before printing. Every sentence names its scope ("rapat tahun 2026", "rapat
sebelumnya") and is true for it; a sentence that could not be true (no overdue
commitments while some are) is never written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from babel.numbers import format_decimal

from models import CommitmentStatus
from secretariat.commitments.progress import OverdueCommitment, ProgressFigures


@dataclass(frozen=True)
class Findings:
    scope: str  # "rapat tahun 2026"
    figures: ProgressFigures
    earlier_overdue: tuple[OverdueCommitment, ...]
    without_follow_up: int


def _n(value: int) -> str:
    return format_decimal(value, locale="id")


def _agencies(late: Iterable[OverdueCommitment]) -> str:
    """"DP3AKB Kalsel (2), Polda Kalsel (1)": the most late first."""
    counts = Counter(entry.lead_agency or "-" for entry in late)
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].lower()))
    return ", ".join(f"{name} ({_n(count)})" for name, count in ordered)


def _state(figures: ProgressFigures, scope: str) -> str:
    total = figures.total
    if not total:
        return f"Dalam {scope} tidak ada komitmen yang disepakati."
    parts = [f"{_n(figures.done)} ({round(figures.done / total * 100)}%) telah selesai"]
    for status, words in ((CommitmentStatus.IN_PROGRESS, "dalam proses"),
                          (CommitmentStatus.NOT_STARTED, "belum ditindaklanjuti"),
                          (CommitmentStatus.CANNOT, "tidak dapat ditindaklanjuti")):
        if figures.by_status[status]:
            parts.append(f"{_n(figures.by_status[status])} {words}")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    return f"Dalam {scope} disepakati {_n(total)} komitmen; {listed}."


def draft_conclusions(findings: Findings) -> str:
    figures, scope, earlier = findings.figures, findings.scope, findings.earlier_overdue
    conclusions = [_state(figures, scope)]
    advice = []
    if figures.overdue:
        conclusions.append(f"Sebanyak {_n(len(figures.overdue))} komitmen {scope} melewati "
                           f"batas waktu tanpa selesai: {_agencies(figures.overdue)}.")
        advice.append("Sekretariat meminta laporan perkembangan tertulis kepada instansi "
                      "penanggung jawab komitmen yang melewati batas waktu, disertai bukti "
                      "dukung.")
    elif figures.total:
        conclusions.append(f"Tidak ada komitmen {scope} yang melewati batas waktu.")
    if findings.without_follow_up:
        conclusions.append(f"Sebanyak {_n(findings.without_follow_up)} komitmen {scope} "
                           "belum pernah dilaporkan tindak lanjutnya.")
        advice.append("Instansi penanggung jawab komitmen yang belum dilaporkan tindak "
                      "lanjutnya menyampaikan laporan sebelum rapat koordinasi berikutnya.")
    if earlier:
        conclusions.append(f"Sebanyak {_n(len(earlier))} komitmen dari rapat sebelumnya masih "
                           f"terbuka dan melewati batas waktu: {_agencies(earlier)}.")
        advice.append("Komitmen dari rapat sebelumnya yang masih terbuka dibahas kembali "
                      "dalam rapat koordinasi berikutnya, untuk ditetapkan batas waktu baru "
                      "atau dinyatakan tidak dapat ditindaklanjuti beserta alasannya.")
    else:
        conclusions.append("Tidak ada komitmen dari rapat sebelumnya yang masih terbuka dan "
                           "melewati batas waktu.")
    if not advice:
        advice.append("Pemantauan tindak lanjut komitmen dilanjutkan sampai seluruh komitmen "
                      "selesai.")
    return "\n".join(["A. Simpulan", *_numbered(conclusions), "", "B. Saran",
                      *_numbered(advice)])


def _numbered(lines: list[str]) -> list[str]:
    return [f"{number}. {line}" for number, line in enumerate(lines, start=1)]
