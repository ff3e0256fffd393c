"""The case store: one folder per case with `case.db` (SQLite, WAL) and derived files."""

from .case import Case, open_case

__all__ = ["Case", "open_case"]
