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
    if document not in DOCUMENTS:
        raise LookupError(f"no writer for document {document!r}")
    return _word_writer(document) if is_word(path) else _pdf_writer(document)


def _pdf_writer(document: str) -> ModuleType:
    # only the document's own writer: a process that prints the minutes does not load the six
    # others (issue #16, process start to file); they share ReportLab and the shaping engine
    match document:
        case "agenda":
            from sbpac_desktop.reporting import agenda

            return agenda
        case "dossier":
            from sbpac_desktop.reporting import dossier

            return dossier
        case "followup":
            from sbpac_desktop.reporting import followup

            return followup
        case "letters":
            from sbpac_desktop.reporting import letters

            return letters
        case "minutes":
            from sbpac_desktop.reporting import minutes

            return minutes
        case "plan_report":
            from sbpac_desktop.reporting import plan_report

            return plan_report
        case _:
            from sbpac_desktop.reporting import visit_report

            return visit_report


def _word_writer(document: str) -> ModuleType:
    match document:
        case "agenda":
            from sbpac_desktop.reporting.word import agenda

            return agenda
        case "dossier":
            from sbpac_desktop.reporting.word import dossier

            return dossier
        case "followup":
            from sbpac_desktop.reporting.word import followup

            return followup
        case "letters":
            from sbpac_desktop.reporting.word import letters

            return letters
        case "minutes":
            from sbpac_desktop.reporting.word import minutes

            return minutes
        case "plan_report":
            from sbpac_desktop.reporting.word import plan_report

            return plan_report
        case _:
            from sbpac_desktop.reporting.word import visit_report

            return visit_report
