"""Network shares are detected from the mount table (Linux) or the path/drive type (Windows).

The detection functions are pure: the mount table and the drive-type lookup are passed in.
"""

from __future__ import annotations

import pytest

from sbpac_desktop.store.instance_lock import (
    DRIVE_REMOTE,
    fs_type_for,
    linux_network_fs,
    network_location,
    parse_mounts,
    windows_network_reason,
)

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
fileserver:/export/sbpac /mnt/office nfs4 rw,relatime,vers=4.2 0 0
//nas/share /mnt/nas cifs rw,relatime,vers=3.0 0 0
//nas/share2 /media/smb smb3 rw 0 0
/dev/sdb1 /mnt/office/local-disk ext4 rw 0 0
user@host:/home/user /home/me/remote fuse.sshfs rw,nosuid 0 0
/dev/fuse /home/me/Vault fuse.gocryptfs rw 0 0
hostshare /mnt/host 9p rw,trans=virtio 0 0
/dev/sdc1 /media/usb\\040stick vfat rw 0 0
/afs /afs afs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/clerk/.local/share/sbpac-desktop/sbpac.db", None),
        ("/tmp/sbpac.db", None),
        ("/mnt/office/sbpac.db", "nfs4"),
        ("/mnt/office/sub/dir/sbpac.db", "nfs4"),
        ("/mnt/office/local-disk/sbpac.db", None),  # a local disk mounted inside the share
        ("/mnt/officeX/sbpac.db", None),  # a prefix of the name is not the mount
        ("/mnt/nas/sbpac.db", "cifs"),
        ("/media/smb/a/b.db", "smb3"),
        ("/home/me/remote/sbpac.db", "fuse.sshfs"),
        ("/home/me/Vault/sbpac.db", None),  # local FUSE (encrypted folder) is fine
        ("/mnt/host/sbpac.db", "9p"),
        ("/afs/cell/sbpac.db", "afs"),
        ("/media/usb stick/sbpac.db", None),
    ],
)
def test_linux_mount_table(path, expected):
    assert linux_network_fs(path, MOUNTS) == expected


def test_escaped_mount_points_and_the_later_mount_wins():
    rows = parse_mounts(MOUNTS)
    assert ("/media/usb stick", "vfat") in rows
    over = [("/", "ext4"), ("/data", "ext4"), ("/data", "nfs")]  # NFS mounted over a local folder
    assert fs_type_for("/data/x.db", over) == "nfs"


@pytest.mark.parametrize(
    ("path", "remote_drives", "expected"),
    [
        (r"\\server\share\sbpac.db", set(), "UNC"),
        ("//server/share/sbpac.db", set(), "UNC"),
        (r"\\?\UNC\server\share\sbpac.db", set(), "UNC"),
        (r"C:\Users\clerk\AppData\Local\sbpac-desktop\sbpac.db", set(), None),
        (r"\\?\C:\data\sbpac.db", set(), None),
        (r"Z:\sbpac\sbpac.db", {"Z:\\"}, "DRIVE_REMOTE"),
        (r"z:\sbpac\sbpac.db", {"z:\\"}, "DRIVE_REMOTE"),
        (r"D:\sbpac.db", {"Z:\\"}, None),
    ],
)
def test_windows_paths(path, remote_drives, expected):
    def drive_type(root: str) -> int:
        return DRIVE_REMOTE if root in remote_drives else 3  # DRIVE_FIXED

    assert windows_network_reason(path, drive_type) == expected


def test_the_test_machines_temp_folder_is_local(tmp_path):
    assert network_location(tmp_path) is None
