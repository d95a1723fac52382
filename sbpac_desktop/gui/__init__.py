"""The Qt front end: bootstrap, main window shell, pages and table models over service DTOs.

Widgets never talk to the database: they call `sbpac_desktop.services` and show the DTOs.
"""
