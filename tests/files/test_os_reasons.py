"""The system's reasons in the clerk's words, chosen by the error's number; the original
kept for the log."""

from __future__ import annotations

import errno
import logging
import os

import pytest

from secretariat.file_errors import cannot_read, cannot_use, cannot_write, os_reason
from secretariat.i18n import set_language

FULL = "disk penuh (kosongkan sebagian ruang, lalu coba lagi)"
DENIED = "akses ditolak: mungkin Anda tidak berhak, atau berkasnya sedang dibuka di program lain"
IN_USE = "berkas sedang dipakai program lain (tutup di sana, lalu coba lagi)"
REASONS = {
    errno.EROFS: "disk atau foldernya hanya-baca",
    errno.ENOSPC: FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): FULL,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.EISDIR: "itu sebuah folder, bukan berkas",
    errno.ENOTDIR: "sebagian dari jalurnya adalah berkas, bukan folder",
    errno.ENOENT: "berkas atau foldernya tidak ada",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
    errno.EINVAL: "nama itu tidak diterima di sana",
    errno.EBUSY: IN_USE,
    getattr(errno, "ETXTBSY", errno.EBUSY): IN_USE,
    errno.EIO: "disk tidak dapat dibaca atau ditulis (mungkin rusak atau terputus)",
}


@pytest.mark.parametrize("number", REASONS, ids=[errno.errorcode[n] for n in REASONS])
def test_each_common_error_has_its_indonesian_reason(number):
    reason = os_reason(OSError(number, os.strerror(number)))
    assert reason == REASONS[number]
    assert os.strerror(number) not in reason


def _on_windows(code: int, number: int = errno.EACCES) -> OSError:
    error = OSError(number, "Windows's own English")
    error.winerror = code  # what Python sets on Windows, beside the errno it maps it to
    return error


@pytest.mark.parametrize(("code", "words"), [
    (32, "berkas sedang dipakai program lain"),  # sharing violation: open in Excel
    (33, "berkas sedang dipakai program lain"),  # lock violation
    (19, "disk atau foldernya hanya-baca"),  # a write-protected stick
    (112, "disk penuh"),
    (123, "nama itu tidak diterima di sana"),
    (206, "nama atau jalurnya terlalu panjang"),  # over 260 characters, errno says ENOENT
])
def test_windows_own_codes_say_more_than_the_errno_they_come_with(code, words):
    assert os_reason(_on_windows(code)).startswith(words)


def test_another_windows_code_falls_back_on_its_errno():
    assert os_reason(_on_windows(5)) == REASONS[errno.EACCES]  # plain "access denied"


def test_a_rare_error_gives_its_code_not_the_system_s_english():
    reason = os_reason(OSError(errno.EXDEV, os.strerror(errno.EXDEV)))
    assert reason == "sistem operasi menolaknya (kode kesalahan EXDEV)"
    assert os_reason(OSError("no number at all")) == "sistem operasi menolaknya (kode kesalahan ?)"


def test_the_reason_follows_the_chosen_language():
    set_language("en")
    assert os_reason(OSError(errno.ENOSPC, "x")) == ("the disk is full (free some space and "
                                                     "try again)")


def test_the_clerk_reads_indonesian_and_the_log_keeps_the_original(caplog):
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/data/laporan.xlsx")
    with caplog.at_level(logging.INFO, logger="secretariat.file_errors"):
        problem = cannot_write("/data/laporan.xlsx", error)
    assert problem.message == ("/data/laporan.xlsx tidak dapat ditulis: disk penuh (kosongkan "
                               "sebagian ruang, lalu coba lagi)")
    assert os.strerror(errno.ENOSPC) in caplog.text and "/data/laporan.xlsx" in caplog.text


def test_reading_and_an_error_met_elsewhere_are_told_alike():
    assert cannot_read("surat.pdf", PermissionError(errno.EACCES, "x")).message.startswith(
        "surat.pdf tidak dapat dibaca: akses ditolak")
    assert cannot_use(FileNotFoundError(errno.ENOENT, "x", "kop.png")).message == (
        "kop.png tidak dapat dipakai: berkas atau foldernya tidak ada")
    assert cannot_use(OSError(errno.EIO, "x")).message.startswith(
        "Sebuah berkas tidak dapat dipakai: disk tidak dapat dibaca")
