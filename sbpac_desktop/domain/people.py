"""How Thai names are joined and shown."""

from __future__ import annotations

# Plain courtesy titles are written against the given name ("นายสมชาย");
# ranks and academic titles take a space ("พลเรือตรี สมเกียรติ"). The short
# ones below are the common closed set; anything else gets a space.
_ATTACHED_PREFIXES = frozenset({"นาย", "นาง", "นางสาว", "น.ส.", "ดร.", "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ."})


def full_name(prefix: str | None, first_name: str, last_name: str) -> str:
    given = first_name.strip()
    if prefix:
        prefix = prefix.strip()
        joiner = "" if prefix in _ATTACHED_PREFIXES else " "
        given = f"{prefix}{joiner}{given}"
    return f"{given} {last_name.strip()}".strip()
