"""A stand-in minutes job for the worker process (the real renderer is tested on its own):
the real minutes tree from services.documents, a two-page PDF, and one JSON line per call
next to the PDF so the test (another process) can see what the job was given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import documents

CALLS_FILE = "fake-calls.jsonl"


def render_two_pages(db: Any, actor: Actor, meeting_id: int, path: Path) -> Path:
    doc = documents.minutes_document(db, actor, meeting_id)
    canvas = Canvas(str(path))
    for page in ("minutes page 1", "minutes page 2"):
        canvas.drawString(72, 720, page)
        canvas.showPage()
    canvas.save()
    call = {
        "number": doc.header.number,
        "be_year": doc.header.be_year,
        "path": str(path),
        "thai_digits": org_settings.document_thai_digits(db, actor),
    }
    with (Path(path).parent / CALLS_FILE).open("a", encoding="utf-8") as calls:
        calls.write(json.dumps(call) + "\n")
    return Path(path)


def calls_in(folder: str | Path) -> list[dict[str, Any]]:
    log = Path(folder) / CALLS_FILE
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


JOB = render_two_pages  # what the test puts in place of render_jobs.MINUTES
