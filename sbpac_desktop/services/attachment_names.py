"""Attachment names come from other people's computers: they may hold `../`, backslashes,
NUL, bidi overrides, Windows device names or 300 characters. A name is only ever shown or
used as a file name after `safe_file_name`; the stored name keeps what the user would
recognise (`stored_name`) but never characters a database or a screen cannot hold."""

from __future__ import annotations

import re
import unicodedata

STORED_NAME_MAX = 255  # the column's length
SAFE_NAME_MAX_BYTES = 180  # well under the 255-byte limit of ext4/NTFS/APFS, with room for a prefix
FALLBACK_NAME = "ไฟล์แนบ"

# Windows refuses these as a file name whatever the extension (CON.txt opens the console).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
_RESERVED |= {f"{stem}{n}" for stem in ("COM", "LPT") for n in ("0123456789¹²³")}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
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


def _truncate_bytes(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_file_name(name: str) -> str:
    """A single harmless path component on Linux, Windows and macOS: no separators, no
    parent references, no device names, no invisible characters, at most 180 bytes."""
    text = stored_name(name)
    text = _FORBIDDEN.sub("_", text)
    text = text.strip(" .")  # leading dots hide files; Windows drops trailing dots and spaces
    stem, suffix = _split_suffix(text)
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    suffix = _truncate_bytes(suffix, 20)
    stem = _truncate_bytes(stem, SAFE_NAME_MAX_BYTES - len(suffix.encode("utf-8"))).rstrip(" .")
    result = (stem + suffix).strip(" .")
    if not result or set(result) <= {"_", "."}:
        return FALLBACK_NAME + suffix
    return result
