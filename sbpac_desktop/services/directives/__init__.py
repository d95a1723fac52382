"""Directives (ข้อสั่งการ): issuing, assignments, progress, extensions, blocking, closure, the tracker
and the dashboard over them, their history."""
