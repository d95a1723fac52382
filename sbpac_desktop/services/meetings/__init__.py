"""Meetings and their series: numbering, agenda, attendance, carry-over, copying a meeting, verbatim
speakers, the printable documents and letters filled from them, the follow-up report."""
