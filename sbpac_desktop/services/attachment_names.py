"""Attachment names come from other people's computers: they may hold `../`, backslashes,
NUL, bidi overrides, Windows device names or 300 characters. A name is only ever shown or
used as a file name after `safe_file_name`; the stored name keeps what the user would
recognise (`stored_name`) but never characters a database or a screen cannot hold."""

from __future__ import annotations

import re
import unicodedata

from pathvalidate import FileNameValidator, sanitize_filename

STORED_NAME_MAX = 255  # the column's length
SAFE_NAME_MAX_BYTES = 180  # well under the 255-byte limit of ext4/NTFS/APFS, with room for a prefix
FALLBACK_NAME = "ไฟล์แนบ"

# pathvalidate knows the Windows device names (CON, COM1, LPT¹ …) but not the console pair.
_MORE_RESERVED = ["CONIN$", "CONOUT$"]
_DEVICE_NAMES = frozenset(
    FileNameValidator(platform="universal", additional_reserved_names=_MORE_RESERVED).reserved_keywords
)
_SPACES = re.compile(r"\s+")


def _drop_invisible(name: str) -> str:
    """Control and format characters (NUL, newlines, bidi overrides) have no place in a name."""
    return "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def stored_name(name: str) -> str:
    """The name kept in the database: printable, NFC, at most 255 characters."""
    cleaned = _SPACES.sub(" ", _drop_invisible(unicodedata.normalize("NFC", name))).strip()
    if len(cleaned) > STORED_NAME_MAX:  # shorten the stem, keep ".pdf" so the type stays known
        stem, suffix = _split_suffix(cleaned)
        cleaned = stem[: STORED_NAME_MAX - len(suffix)] + suffix
    return cleaned or FALLBACK_NAME


def _split_suffix(name: str) -> tuple[str, str]:
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 16 or not suffix.isalnum():
        return name, ""
    return stem, "." + suffix


def _component(text: str, max_bytes: int) -> str:
    """Separators and characters Windows refuses become "_", a device name gets a "_" in front,
    trailing dots and spaces go; at most `max_bytes` of UTF-8 (pathvalidate)."""
    return sanitize_filename(
        text,
        replacement_text="_",
        platform="universal",
        max_len=max_bytes,
        additional_reserved_names=_MORE_RESERVED,
        reserved_name_handler=lambda error: "_" + (error.reserved_name or ""),
    )


def safe_file_name(name: str) -> str:
    """A single harmless path component on Linux, Windows and macOS: no separators, no
    parent references, no device names, no invisible characters, at most 180 bytes. The
    extension is cleaned on its own, so shortening a long name never cuts it off."""
    stem, suffix = _split_suffix(stored_name(name))
    suffix = _component(suffix.lstrip("."), 19)
    suffix = "." + suffix if suffix else ""
    stem = stem.strip(" .")  # leading dots hide files (".." is the parent); Windows drops trailing ones
    limit = SAFE_NAME_MAX_BYTES - len(suffix.encode("utf-8"))
    stem = _component(stem, limit).strip(" .")
    if stem.split(".")[0].rstrip().upper() in _DEVICE_NAMES:  # Windows reads "CON .x" as CON too
        stem = _component("_" + stem, limit).strip(" .")
    result = (stem + suffix).strip(" .")
    if not stem or set(stem) <= {"_", "."}:
        return FALLBACK_NAME + suffix
    return result
