"""Evidence: officer keys, sealed BagIt export to USB, independent verification, report.

The UI calls `export_case` and `verify_package` from a worker thread, with a progress callback
and a cancel event; `keys` manages the officers' signing keys.
"""

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
