"""Evidence: officer keys, sealed BagIt export to USB, independent verification, report.

The UI calls `export_case` and `verify_package` from a worker thread, with a progress callback
and a cancel event; `keys` manages the officers' signing keys.

Names are imported on first use (PEP 562), so `reviewer --version` and the other quick
commands, which only register the evidence subcommands, do not load the exporter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "EvidenceError": "errors",
    "ExportCancelled": "errors",
    "KeyStoreError": "errors",
    "NothingToExport": "errors",
    "OriginalChanged": "errors",
    "WrongPassphrase": "errors",
    "ExportResult": "export",
    "export_case": "export",
    "KeyInfo": "keys",
    "Signer": "keys",
    "create_key": "keys",
    "current_key": "keys",
    "list_keys": "keys",
    "unlock": "keys",
    "Progress": "progress",
    "EXIT_CODES": "verify",
    "VerifyReport": "verify",
    "verify_package": "verify",
}

__all__ = [
    "EXIT_CODES",
    "EvidenceError",
    "ExportCancelled",
    "ExportResult",
    "KeyInfo",
    "KeyStoreError",
    "NothingToExport",
    "OriginalChanged",
    "Progress",
    "Signer",
    "VerifyReport",
    "WrongPassphrase",
    "create_key",
    "current_key",
    "export_case",
    "list_keys",
    "unlock",
    "verify_package",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .errors import (
        EvidenceError,
        ExportCancelled,
        KeyStoreError,
        NothingToExport,
        OriginalChanged,
        WrongPassphrase,
    )
    from .export import ExportResult, export_case
    from .keys import KeyInfo, Signer, create_key, current_key, list_keys, unlock
    from .progress import Progress
    from .verify import EXIT_CODES, VerifyReport, verify_package
