"""Editable lookups. Development dimensions live in services/dimensions.py; these names stay for
the callers written before it (the demo, the data generator, tests)."""

from __future__ import annotations

from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.dimensions import (
    SEED_NAMES,
    DimensionInput,
    DimensionView,
    create_dimension,
    ensure_seed_dimensions,
)
from sbpac_desktop.services.dimensions import list_dimensions as _list_dimensions
from sbpac_desktop.store.database import Database

SEED_DIMENSIONS = SEED_NAMES

__all__ = ["SEED_DIMENSIONS", "DimensionView", "add_dimension", "ensure_seed_dimensions", "list_dimensions"]


def list_dimensions(db: Database, actor: Actor) -> list[DimensionView]:
    """Every dimension, inactive ones included, in the office's order."""
    return _list_dimensions(db, actor, include_inactive=True)


def add_dimension(db: Database, actor: Actor, name: str, short_name: str | None = None) -> DimensionView:
    return create_dimension(db, actor, DimensionInput(name, short_name))
