"""Dialogs: one per editing task (meeting, agenda item, directive, progress report)."""
