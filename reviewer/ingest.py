"""Bring files into a case: hash (one streaming pass), probe, record; originals are only read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import MediaError
from .hashing import sha256_file
from .probe import Probe, probe
from .store.case import Case, utc_now

# Files a folder walk skips: our own case files and OS clutter, never evidence.
SKIP_NAMES = {"case.db", "case.db-wal", "case.db-shm", "thumbs.db", "desktop.ini", ".ds_store"}


@dataclass
class IngestResult:
    media_id: int | None
    path: Path
    sha256: str | None
    is_new: bool
    error: str | None = None


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files named directly plus every file under named folders, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and child.name.lower() not in SKIP_NAMES
                ):
                    out.append(child)
        else:
            out.append(path)
    return out


def ingest_file(case: Case, path: Path, prober: Callable[[Path], Probe] = probe) -> IngestResult:
    """Record one file in the case. Unreadable media still get a row, with status failed.

    `prober` reads the file's streams (by default here; the isolated analysis child's when the
    run has one, so a hostile file's container is first parsed where no keys are held)."""
    if not path.is_file():
        return IngestResult(None, path, None, False, "file not found or not a regular file")
    try:
        sha = sha256_file(path)
        size = path.stat().st_size
    except OSError as exc:
        return IngestResult(None, path, None, False, f"cannot read the file: {exc.strerror or exc}")
    existing = case.media_by_sha(sha)
    if existing:
        return IngestResult(existing["id"], path, sha, False)
    record = {
        "sha256": sha,
        "size_bytes": size,
        "path": case.stored_path(path),
        "original_name": path.name,
        "ingested_utc": utc_now(),
        "status": "pending",
    }
    error = None
    try:
        info = prober(path)
        record.update(
            kind=info.kind,
            container=info.container,
            duration_s=info.duration_s,
            fps=info.fps,
            width=info.width,
            height=info.height,
            video_codec=info.video_codec,
            audio_codec=info.audio_codec,
            has_audio=int(info.has_audio),
        )
    except MediaError as exc:
        error = str(exc)
        record.update(status="failed", error=error)
    media_id = case.add_media(record)
    return IngestResult(media_id, path, sha, True, error)
