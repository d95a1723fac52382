"""The schema is declared once, as Core tables (store/tables*.py), and the ORM maps those tables:
importing them loads no `sqlalchemy.orm`, so a read that needs no entity can run without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sbpac_desktop.store import tables, tables_base
from sbpac_desktop.store.base import Base

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_tables_loads_no_orm() -> None:
    probe = (
        "import sys; import sbpac_desktop.store.tables as t; "
        "print(len(t.metadata.tables), sorted(m for m in sys.modules if m.startswith('sqlalchemy.orm'))"
        " + sorted(m for m in sys.modules if m.startswith('sbpac_desktop.store.models')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    count, _space, loaded = done.stdout.strip().partition(" ")
    assert loaded == "[]"
    assert int(count) == len(Base.metadata.tables)  # the whole schema, field and plan tables too


def test_every_model_maps_a_table_of_the_one_metadata() -> None:
    assert Base.metadata is tables_base.metadata
    mapped = {mapper.local_table for mapper in Base.registry.mappers}
    assert mapped == set(tables.metadata.tables.values())
    assert all(mapper.local_table.metadata is tables.metadata for mapper in Base.registry.mappers)
