"""The writer module of a document for a target file: `reporting.<document>` for a .pdf,
`reporting.word.<document>` for a .docx (the same tree, the same function names).

The imports are written out inside the functions: a front end that only names a document loads
neither ReportLab nor python-docx until a file is written, and every edge stays visible to
import-linter (no module is imported by a name built at run time).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

DOCUMENTS = ("agenda", "dossier", "followup", "letters", "minutes", "plan_report", "visit_report")


def is_word(path: Path) -> bool:
    return Path(path).suffix.lower() == ".docx"


def writer(document: str, path: Path) -> ModuleType:
    """The module that writes `document` in the format `path` asks for (by its suffix)."""
    module = (_word_writers() if is_word(path) else _pdf_writers()).get(document)
    if module is None:
        raise LookupError(f"no writer for document {document!r}")
    return module


def _pdf_writers() -> dict[str, ModuleType]:
    # one format's writers load together: they share ReportLab and the shaping engine
    from sbpac_desktop.reporting import agenda, dossier, followup, letters, minutes, plan_report, visit_report

    return dict(zip(DOCUMENTS, (agenda, dossier, followup, letters, minutes, plan_report, visit_report), strict=True))


def _word_writers() -> dict[str, ModuleType]:
    from sbpac_desktop.reporting.word import agenda, dossier, followup, letters, minutes, plan_report, visit_report

    return dict(zip(DOCUMENTS, (agenda, dossier, followup, letters, minutes, plan_report, visit_report), strict=True))
