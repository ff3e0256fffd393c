"""Named evidence errors. Each message says what went wrong and what the officer can do."""

from __future__ import annotations

from ..errors import Cancelled, ReviewerError


class EvidenceError(ReviewerError):
    """Base class for export, key and verification errors."""


class KeyStoreError(EvidenceError):
    """No usable signing key: none created, several to choose from, or a damaged key file."""


class WrongPassphrase(KeyStoreError):
    """The passphrase does not open the officer's private key."""


class NothingToExport(EvidenceError):
    """The case has no flags in the states asked for."""


class OriginalChanged(EvidenceError):
    """An original's SHA-256 differs from the one recorded at ingest: export is blocked."""


class DestinationError(EvidenceError):
    """The destination cannot take the package (missing, read-only, full, FAT32 limit)."""


class NotEnoughSpace(DestinationError):
    """The destination has less free space than the package needs."""


class FileTooLargeForFat32(DestinationError):
    """A file is 4 GiB or larger and the destination is FAT32, which cannot store it."""


class ExportVerifyFailed(EvidenceError):
    """The package written to the destination did not verify when read back."""


class ExportCancelled(Cancelled, EvidenceError):
    """The export was cancelled; the unfinished `.partial` folder was removed."""


class MalformedSignature(EvidenceError):
    """A minisign key or signature file cannot be parsed."""


class OriginalMissing(EvidenceError):
    """An original is no longer where the case recorded it."""
