"""Printed documents (ReportLab) and spreadsheets from service DTOs. No Qt, no sessions."""
