"""Read-only table models over service DTOs, testable without any window."""

from sbpac_desktop.gui.models.base import ITEM_ROLE, SORT_ROLE, DtoTableModel, SortProxyModel

__all__ = ["ITEM_ROLE", "SORT_ROLE", "DtoTableModel", "SortProxyModel"]
