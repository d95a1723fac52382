"""The items of tables and trees this code filled itself: Qt's getters may return None (an empty
cell, an index past the end), which these tables never hold where they are read."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem


def table_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"{table.objectName()}: no item at row {row}, column {column}")
    return item


def tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every item of the tree, depth first, in display order."""
    found: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in reversed(range(tree.topLevelItemCount()))]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        found.append(item)
        stack.extend(item.child(i) for i in reversed(range(item.childCount())))
    return found


def child_items(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The direct children of `parent`, in order."""
    children = (parent.child(i) for i in range(parent.childCount()))
    return [child for child in children if child is not None]
