"""The Qt front end: bootstrap, main window shell, pages and table models over service DTOs.

Widgets never talk to the database: they call `sbpac_desktop.services` and show the DTOs.
"""

from sbpac_desktop.gui.qt_refcount import pin_singletons

pin_singletons()  # before any Qt call: PySide6 6.12 drops a reference to None on every void call
