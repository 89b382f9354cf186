"""A database on a network share gets a warning recommending the PostgreSQL mode."""

from __future__ import annotations

import os
import sys

import pytest

from secretariat.i18n import set_language
from secretariat.storage.network_paths import (
    drive_root,
    is_network_path,
    is_unc_path,
    network_fs_type,
    network_share_warning,
    parse_mounts,
)

MOUNTS = r"""/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
nas.local:/export/data /mnt/nas nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /mnt/nas/local-cache ext4 rw,relatime 0 0
//fileserver/Sekretariat /mnt/Data\040Bersama cifs rw,relatime,vers=3.1.1 0 0
user@host:/srv /home/budi/remote fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdc1 /media/budi/USB\040Disk vfat rw 0 0
server:/old /srv/stacked nfs rw 0 0
/dev/sdd1 /srv/stacked ext4 rw 0 0
"""


@pytest.mark.parametrize("text", [
    r"\\server\share\x.sqlite3",
    "//nas/data/x.sqlite3",
    r"\\server\share",
    r"\\?\UNC\server\share\x.sqlite3",
    r"//server\share/mixed\x.sqlite3",
])
def test_unc_paths_are_recognised(text):
    assert is_unc_path(text)
    assert is_network_path(text)
    assert network_share_warning(text) is not None


@pytest.mark.parametrize("text", [
    r"C:\Users\budi\AppData\Local\x.sqlite3",
    "/home/budi/x.sqlite3",
    r"\\?\C:\very\long\path\x.sqlite3",
    r"\\.\PhysicalDrive0",
    r"\\server",
    "///triple/slash",
    "relative/x.sqlite3",
    "",
])
def test_other_paths_are_not_unc(text):
    assert not is_unc_path(text)


def test_drive_root():
    assert drive_root("z:/data/x.sqlite3") == "Z:\\"
    assert drive_root(r"C:\x") == "C:\\"
    assert drive_root("/home/x") is None
    assert drive_root(r"\\server\share") is None


def test_parse_mounts_unescapes_spaces():
    entries = parse_mounts(MOUNTS)
    assert ("//fileserver/Sekretariat", "/mnt/Data Bersama", "cifs") in entries
    assert ("/dev/sdc1", "/media/budi/USB Disk", "vfat") in entries
    assert parse_mounts("garbage\n\n") == []


@pytest.mark.parametrize("path, expected", [
    ("/mnt/nas/rakor/sekretariat.sqlite3", "nfs4"),
    ("/mnt/nas", "nfs4"),
    ("/mnt/Data Bersama/sekretariat.sqlite3", "cifs"),
    ("/home/budi/remote/db/sekretariat.sqlite3", "fuse.sshfs"),
    # the longest mount point wins: a local disk mounted inside the share
    ("/mnt/nas/local-cache/sekretariat.sqlite3", None),
    # a prefix by characters is not a mount point by path
    ("/mnt/nasty/sekretariat.sqlite3", None),
    ("/home/budi/sekretariat.sqlite3", None),
    ("/tmp/sekretariat.sqlite3", None),
    ("/media/budi/USB Disk/sekretariat.sqlite3", None),
    # of two mounts on one point, the later one hides the earlier
    ("/srv/stacked/x.sqlite3", None),
])
def test_network_fs_type_from_mounts(path, expected):
    assert network_fs_type(path, MOUNTS) == expected


@pytest.mark.parametrize("fs_type", ["nfs", "cifs", "smb3", "smbfs", "9p", "afs", "ceph",
                                     "glusterfs", "fuse.glusterfs", "sshfs", "fuse.rclone"])
def test_network_types(fs_type):
    assert network_fs_type("/data/x", f"srv:/x /data {fs_type} rw 0 0\n") == fs_type


@pytest.mark.parametrize("fs_type", ["ext4", "tmpfs", "xfs", "btrfs", "vfat", "ntfs3",
                                     "fuse.gvfsd-fuse", "overlay"])
def test_local_types(fs_type):
    assert network_fs_type("/data/x", f"/dev/x /data {fs_type} rw 0 0\n") is None


def test_no_mounts_means_unknown():
    assert network_fs_type("/data/x", "") is None


def test_a_local_folder_gives_no_warning(tmp_path):
    assert network_share_warning(tmp_path / "sekretariat.sqlite3") is None
    assert network_share_warning(tmp_path) is None


def test_the_warning_names_the_path_and_postgresql():
    set_language("en")
    warning = network_share_warning(r"\\server\share\sekretariat.sqlite3")
    assert r"\\server\share\sekretariat.sqlite3" in warning
    assert "PostgreSQL" in warning


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/mounts")
def test_linux_lookup_uses_proc_mounts(monkeypatch, tmp_path):
    real_open = open
    fake = tmp_path / "mounts"
    fake.write_text(f"/dev/vda / ext4 rw 0 0\nnas:/x {os.path.realpath(tmp_path)} nfs4 rw 0 0\n")

    def fake_open(name, *args, **kwargs):
        return real_open(fake if name == "/proc/mounts" else name, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    assert is_network_path(tmp_path / "db.sqlite3")
    assert network_share_warning(tmp_path / "db.sqlite3") is not None
