"""The writer module of a document for a target file: `reporting.<document>` for a .pdf,
`reporting.word.<document>` for a .docx (the same tree, the same function names).

The imports are written out inside the function: a front end that only names a document loads
neither ReportLab nor python-docx until a file is written, and every edge stays visible to
import-linter (no module is imported by a name built at run time). Only the one writer asked for
is imported: a process that prints the minutes does not load the other six (issue #16, process
start to file); a format's writers share ReportLab or python-docx anyway.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

DOCUMENTS = ("agenda", "dossier", "followup", "letters", "minutes", "plan_report", "visit_report")


def is_word(path: Path) -> bool:
    return Path(path).suffix.lower() == ".docx"


def writer(document: str, path: Path) -> ModuleType:
    """The module that writes `document` in the format `path` asks for (by its suffix)."""
    match (document, is_word(path)):
        case ("agenda", False):
            from sbpac_desktop.reporting import agenda

            return agenda
        case ("agenda", True):
            from sbpac_desktop.reporting.word import agenda as word_agenda

            return word_agenda
        case ("dossier", False):
            from sbpac_desktop.reporting import dossier

            return dossier
        case ("dossier", True):
            from sbpac_desktop.reporting.word import dossier as word_dossier

            return word_dossier
        case ("followup", False):
            from sbpac_desktop.reporting import followup

            return followup
        case ("followup", True):
            from sbpac_desktop.reporting.word import followup as word_followup

            return word_followup
        case ("letters", False):
            from sbpac_desktop.reporting import letters

            return letters
        case ("letters", True):
            from sbpac_desktop.reporting.word import letters as word_letters

            return word_letters
        case ("minutes", False):
            from sbpac_desktop.reporting import minutes

            return minutes
        case ("minutes", True):
            from sbpac_desktop.reporting.word import minutes as word_minutes

            return word_minutes
        case ("plan_report", False):
            from sbpac_desktop.reporting import plan_report

            return plan_report
        case ("plan_report", True):
            from sbpac_desktop.reporting.word import plan_report as word_plan_report

            return word_plan_report
        case ("visit_report", False):
            from sbpac_desktop.reporting import visit_report

            return visit_report
        case ("visit_report", True):
            from sbpac_desktop.reporting.word import visit_report as word_visit_report

            return word_visit_report
    raise LookupError(f"no writer for document {document!r}")
