"""Export a case's decided flags as a sealed BagIt package, written safely to a USB stick.

Order: checks before anything is written (case audit chain, originals present, free space, FAT32),
then everything goes into `<package>.partial`, each file fsynced; the seal is written last; the
folder is renamed to its final name and re-verified from the destination. A run killed at any
point leaves only a `.partial` folder, which never verifies and which the next run removes.
"""

from __future__ import annotations

import json
import platform
import re
import shutil
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import TOOL_NAME, __version__
from ..case_report import flag_entry
from ..store import open_case
from ..store.audit import append, read_rows, read_signed_rows, verify_chain
from ..store.case import Case
from ..store.record import require_sound
from . import bag, clips, report, safe_write
from .derived_files import flag_stills, original_entry, transcript_files
from .errors import (
    EvidenceError,
    ExportCancelled,
    ExportVerifyFailed,
    NothingToExport,
    OriginalChanged,
    OriginalMissing,
)
from .identifiers_section import exportable_identifiers, with_identifiers
from .keys import Signer
from .model_info import described_models
from .progress import OnProgress, Progress, or_ignore
from .seal import SEAL_FORMAT, SEAL_PATH, SIG_PATH, seal_bytes, trusted_comment
from .verify import VerifyReport, verify_package

CASE_FORMAT = "livestream-reviewer-case/1"
# Room for stills, transcripts, reports and tag files on top of originals and clips.
OVERHEAD_PER_FLAG = 2 << 20
OVERHEAD_FIXED = 8 << 20


@dataclass
class ExportResult:
    path: Path
    package_id: str
    flags: int
    originals: int
    files: int
    payload_bytes: int
    seal_sha256: str
    verify: VerifyReport


def export_case(
    case_dir: Path | str,
    dest: Path | str,
    signer: Signer,
    *,
    include_pending: bool = False,
    on_progress: OnProgress | None = None,
    cancel: threading.Event | None = None,
    fat32: bool | None = None,
) -> ExportResult:
    """Write one sealed package of the case's confirmed (and, if asked, pending) flags into `dest`.

    Call from a worker thread: `on_progress` gets Progress events from that thread, and setting
    `cancel` stops the export at the next block, removing the unfinished folder (ExportCancelled).
    `fat32` forces (True) or skips (False) the 4 GiB file limit; None detects the file system.
    Returns once the package has been re-read from `dest` and verified.
    """
    with open_case(case_dir, create=False) as case:
        return _Exporter(
            case, Path(dest), signer, include_pending, on_progress, cancel, fat32
        ).run()


class _Exporter:
    def __init__(
        self,
        case: Case,
        dest: Path,
        signer: Signer,
        include_pending: bool,
        on_progress: OnProgress | None,
        cancel: threading.Event | None,
        fat32: bool | None,
    ) -> None:
        self.case, self.dest, self.signer = case, dest, signer
        self.include_pending = include_pending
        self.progress = or_ignore(on_progress)
        self.cancel = cancel
        self.fat32 = fat32
        self.created = datetime.now(UTC).isoformat(timespec="seconds")
        self.digests: dict[str, safe_write.Digests] = {}  # payload path -> digests
        self.tag_digests: dict[str, safe_write.Digests] = {}
        self.partial: Path | None = None

    # -- the steps ------------------------------------------------------------------------
    def run(self) -> ExportResult:
        case = self.case
        case.verify_audit()  # a broken chain blocks the export (AuditChainBroken)
        require_sound(case, "export")  # tables, signatures and head agree with the log
        wanted = ("confirmed", "pending") if self.include_pending else ("confirmed",)
        flags = [f for f in case.flags() if f["status"] in wanted]
        if not flags:
            what = "confirmed or pending" if self.include_pending else "confirmed"
            raise NothingToExport(
                f"This case has no {what} flags to export; review the flags first"
                + ("." if self.include_pending else " or add --include-pending.")
            )
        media = [case.get_media(i) for i in sorted({f["media_id"] for f in flags})]
        sources = self._check_originals(media)
        self.package_id = self._package_id()
        self._preflight(media, flags)
        self._log(
            "evidence.export",
            {
                "package_id": self.package_id,
                "flag_ids": [f["id"] for f in flags],
                "include_pending": self.include_pending,
                "destination": str(self.dest),
                "key_id": self.signer.public.key_id_hex,
            },
        )
        try:
            final = self._write(flags, media, sources)
        except BaseException as exc:
            if self.partial is not None:
                shutil.rmtree(self.partial, ignore_errors=True)
            if isinstance(exc, Exception):
                self._log(
                    "evidence.export.failed",
                    {"package_id": self.package_id, "error": str(exc) or type(exc).__name__},
                )
            raise
        self.progress(Progress("verify", 0, 1, "reading the package back"))
        # Not cancellable: the package is complete by now, the read-back only confirms it.
        # Every check runs in full; payload files are re-read and checked against SHA-256
        # (SHA-512 came from the same bytes while writing; `reviewer verify` checks both).
        result = verify_package(
            final, [self.signer.public], self.progress, payload_algorithms=("sha256",)
        )
        if not result.ok:
            failed = final.with_name(final.name + ".failed")
            final.rename(failed)
            self._log(
                "evidence.export.failed", {"package_id": self.package_id, "error": result.reason}
            )
            raise ExportVerifyFailed(
                f"The package written to {self.dest} did not verify when read back "
                f"({result.reason}); it was renamed to {failed.name}. Check the stick and export again."
            )
        seal_sha = safe_write.hash_file(final / SEAL_PATH).sha256
        self._log(
            "evidence.export.verified",
            {"package_id": self.package_id, "path": str(final), "seal_sha256": seal_sha},
        )
        self.progress(Progress("done", 1, 1, str(final)))
        return ExportResult(
            path=final,
            package_id=self.package_id,
            flags=len(flags),
            originals=len(media),
            files=result.files,
            payload_bytes=result.payload_bytes,
            seal_sha256=seal_sha,
            verify=result,
        )

    def _log(self, action: str, payload: dict[str, Any]) -> None:
        """An export entry in the name of the officer whose key seals the package (signed by
        that key when it is unlocked for this session)."""
        with self.case.transaction() as conn:
            append(conn, self.signer.officer, self.case.workstation, action, payload)

    def _check_originals(self, media: list[dict]) -> dict[int, Path]:
        sources = {}
        for m in media:
            path = self.case.media_path(m)
            if not path.is_file():
                raise OriginalMissing(
                    f"The original {m['original_name']} is not at {path} any more; reconnect "
                    "the drive that holds it (or move it back) and export again."
                )
            if path.stat().st_size != m["size_bytes"]:
                raise OriginalChanged(
                    f"The original {m['original_name']} ({path}) has changed since it was "
                    "ingested (its size differs): export blocked. Use the untouched original."
                )
            sources[m["id"]] = path
        return sources

    def _package_id(self) -> str:
        """EVP-<case>-<n>, n one above any earlier export of this case (here or in the log)."""
        prefix = f"EVP-{bag.ascii_name(self.case.case_id)}-"
        pattern = re.compile(re.escape(prefix) + r"(\d+)")
        numbers = [0]
        if self.dest.is_dir():
            for child in self.dest.iterdir():
                match = pattern.match(child.name)
                if match:
                    numbers.append(int(match.group(1)))
        for row in read_rows(self.case.conn):
            if row[4] == "evidence.export":
                match = pattern.match(json.loads(row[5]).get("package_id", ""))
                if match:
                    numbers.append(int(match.group(1)))
        return f"{prefix}{max(numbers) + 1}"

    def _preflight(self, media: list[dict], flags: list[dict]) -> None:
        sizes = {m["original_name"]: m["size_bytes"] for m in media}
        needed = sum(sizes.values()) + OVERHEAD_FIXED + OVERHEAD_PER_FLAG * len(flags)
        by_id = {m["id"]: m for m in media}
        for f in flags:
            m = by_id[f["media_id"]]
            if m.get("kind") in ("video", "audio") and m.get("duration_s"):
                t_in, t_out = clips.clip_window(f, m["duration_s"])
                needed += int(m["size_bytes"] * (t_out - t_in + 4) / m["duration_s"])
        self.progress(Progress("check", 0, 1, "checking the destination"))
        safe_write.check_destination(self.dest, needed, sizes, self.fat32)
        # Leftovers of an export of this case that was killed: never complete, safe to remove.
        for child in self.dest.glob(f"EVP-{bag.ascii_name(self.case.case_id)}-*.partial"):
            shutil.rmtree(child, ignore_errors=True)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ExportCancelled("Export cancelled; nothing was left on the destination.")

    def _put(self, rel: str, data: bytes, tag: bool = False) -> safe_write.Digests:
        assert self.partial is not None
        target = self.partial / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        digests = safe_write.write_bytes(target, data)
        (self.tag_digests if tag else self.digests)[rel] = digests
        return digests

    def _write(self, flags: list[dict], media: list[dict], sources: dict[int, Path]) -> Path:
        final = self.dest / self.package_id
        self.partial = self.dest / f"{self.package_id}.partial"
        self.partial.mkdir()
        for sub in ("originals", "clips", "screenshots", "transcripts", "report", "case"):
            (self.partial / "data" / sub).mkdir(parents=True)
        (self.partial / "meta").mkdir()
        (self.partial / "seal").mkdir()

        media_entries = self._originals(media, sources)
        flag_entries, report_flags = self._flags(flags, media, sources)
        transcripts = transcript_files(self.case, media, self._put, self._check_cancel)
        audit = self._audit()
        self._check_cancel()

        self.progress(Progress("report", 0, 2, "case.json and report"))
        identifiers = exportable_identifiers(self.case, flags)
        case_doc = {
            "format": CASE_FORMAT,
            "package_id": self.package_id,
            "case_id": self.case.case_id,
            "case_name": self.case.folder.name,
            "created_utc": self.created,
            "include_pending": self.include_pending,
            "signer": self._signer_info(),
            "media": media_entries,
            "flags": flag_entries,
            "transcripts": transcripts,
            "audit": audit,
            "tools": clips.tool_versions(),
            "identifiers": identifiers,
        }
        self._put(
            "data/case/case.json",
            (json.dumps(case_doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        )
        data = report.ReportData(
            package_id=self.package_id,
            case_id=self.case.case_id,
            case_name=self.case.folder.name,
            created_utc=self.created,
            tool=f"{TOOL_NAME} {__version__}",
            officer=self.signer.officer,
            officer_name=self.signer.name,
            workstation=self.case.workstation,
            key_id=self.signer.public.key_id_hex,
            fingerprint=self.signer.public.fingerprint,
            flags=report_flags,
            models=described_models(self.case.flags()),
            originals=[
                {
                    "file": m["file"],
                    "original_name": m["original_name"],
                    "size": m["size_bytes"],
                    "sha256": m["sha256"],
                }
                for m in media_entries
            ],
        )
        self._put(
            "data/report/report.html", with_identifiers(report.render_html(data), identifiers)
        )
        self._put("data/report/report.pdf", report.render_pdf(data, identifiers))
        self.progress(Progress("report", 2, 2))

        self.progress(Progress("seal", 0, 1, "manifests and seal"))
        self._tag_files(audit)
        self._finish(final)
        return final

    def _originals(self, media: list[dict], sources: dict[int, Path]) -> list[dict]:
        total = sum(m["size_bytes"] for m in media)
        done = 0

        def on_bytes(n: int) -> None:
            nonlocal done
            done += n
            self.progress(Progress("originals", done, total))

        entries = []
        for m in media:
            rel = f"data/originals/m{m['id']:03d}-{bag.ascii_name(m['original_name'])}"
            # One read pass: the copy is also the re-check of the ingest hash.
            digests = safe_write.copy_hashed(
                sources[m["id"]], self.partial / rel, on_bytes, self.cancel
            )
            if digests.sha256 != m["sha256"]:
                raise OriginalChanged(
                    f"The original {m['original_name']} ({sources[m['id']]}) no longer has the "
                    f"SHA-256 recorded at ingest ({m['sha256'][:16]}…, now {digests.sha256[:16]}…): "
                    "export blocked. Find the untouched original and ingest it again."
                )
            self.digests[rel] = digests
            entries.append(original_entry(m, rel, digests))
        return entries

    def _flags(
        self, flags: list[dict], media: list[dict], sources: dict[int, Path]
    ) -> tuple[list[dict], list[report.ReportFlag]]:
        by_id = {m["id"]: m for m in media}
        labels = report.category_labels()
        entries, report_flags = [], []
        for done, f in enumerate(flags):
            # The case's own flag number everywhere (app, CLI, report, file names, case.json):
            # an officer who confirmed #7 finds #7 in the package, not a renumbered flag-001.
            number = f["id"]
            self._check_cancel()
            self.progress(Progress("clips", done, len(flags), f"flag #{number}"))
            m = by_id[f["media_id"]]
            src, sha = sources[m["id"]], m["sha256"]
            stem = f"flag-{number:03d}-m{m['id']:03d}"
            entry: dict[str, Any] = {
                "number": number,
                "flag_id": f["id"],
                # The same flag fields as `reviewer flags --json`, plus when it was raised.
                **{k: v for k, v in flag_entry(f).items() if k != "id"},
                "created_utc": f.get("created_utc"),
                "detections": self.case.detections(flag_id=f["id"]),
                "clip": None,
                "stills": [],
            }
            clip_rel, clip_sha = None, None
            if m.get("kind") in ("video", "audio"):
                t_in, t_out = clips.clip_window(f, m.get("duration_s"))
                try:
                    cut = clips.cut_clip(src, sha, m["kind"], t_in, t_out, self.cancel)
                except (ValueError, OSError, clips.av.FFmpegError) as exc:
                    entry["clip_error"] = f"no clip could be cut: {exc}"
                else:
                    clip_rel = f"data/clips/{stem}.{cut.ext}"
                    clip_sha = self._put(clip_rel, cut.data).sha256
                    entry["clip"] = {"file": clip_rel, "sha256": clip_sha, **cut.derivation}
            stills: list[tuple[str, bytes]] = []
            made, error = flag_stills(f, m, src, sha, entry["detections"])
            if error:
                entry["still_error"] = error
            for suffix, derived in made:
                rel = f"data/screenshots/{stem}-{suffix}.{derived.ext}"
                digest = self._put(rel, derived.data).sha256
                entry["stills"].append({"file": rel, "sha256": digest, **derived.derivation})
                stills.append((rel, derived.data))
            entries.append(entry)
            report_flags.append(
                report.ReportFlag(
                    number=number,
                    media_name=m["original_name"],
                    media_file=f"data/originals/m{m['id']:03d}-{bag.ascii_name(m['original_name'])}",
                    start_s=f.get("start_s"),
                    end_s=f.get("end_s"),
                    category=f["category"],
                    category_vi=labels.get(f["category"], f["category"]),
                    score=f["score"],
                    source=f["source"],
                    text=f.get("text") or "",
                    matched=[str(x) for x in f.get("matched") or []],
                    why=str(f.get("why") or ""),
                    decision=f["status"],
                    reviewer=f.get("reviewer") or "",
                    decided_utc=f.get("decided_utc") or "",
                    note=f.get("note") or "",
                    added_by_officer=f["source"] == "officer",
                    edited_by=f.get("edited_by") or "",
                    clip=clip_rel,
                    clip_sha256=clip_sha,
                    stills=stills,
                )
            )
        self.progress(Progress("clips", len(flags), len(flags)))
        return entries, report_flags

    def _audit(self) -> dict:
        rows = read_signed_rows(self.case.conn)
        status = verify_chain([r[:8] for r in rows])
        keys = ("seq", "utc", "officer", "workstation", "action", "payload", "prev_hash", "hash")
        keys += ("key_id", "public_key", "signature")  # who signed each entry
        lines = [
            json.dumps(dict(zip(keys, row, strict=True)), ensure_ascii=False, separators=(",", ":"))
            for row in rows
        ]
        rel = "data/case/audit-log.jsonl"
        self._put(rel, ("\n".join(lines) + "\n").encode("utf-8"))
        return {"file": rel, "entries": status.entries, "head": status.head}

    def _signer_info(self) -> dict:
        return {
            "officer": self.signer.officer,
            "name": self.signer.name,
            "key_id": self.signer.public.key_id_hex,
            "fingerprint": self.signer.public.fingerprint,
            "workstation": self.case.workstation,
        }

    def _tag_files(self, audit: dict) -> None:
        pub = self.signer.public
        self._put("meta/signer.pub", pub.to_text().encode("ascii"), tag=True)
        self._put(
            "meta/VERIFY.txt",
            report.verify_instructions(self.package_id, pub.key_id_hex, pub.fingerprint).encode(
                "utf-8"
            ),
            tag=True,
        )
        for algorithm in bag.ALGORITHMS:
            entries = {p: getattr(d, algorithm) for p, d in self.digests.items()}
            self._put(f"manifest-{algorithm}.txt", bag.manifest_text(entries).encode(), tag=True)
        self._put("bagit.txt", bag.BAGIT_TXT.encode(), tag=True)
        sizes = [d.size for d in self.digests.values()]
        oxum = bag.payload_oxum(sizes)
        info = [
            ("Bag-Software-Agent", f"{TOOL_NAME} {__version__}"),
            ("Bagging-Date", self.created[:10]),
            ("External-Identifier", self.package_id),
            ("Internal-Sender-Identifier", self.case.case_id),
            ("Contact-Name", bag.ascii_name(self.signer.officer)),
            ("Payload-Oxum", oxum),
            ("Bag-Size", safe_write._mb(sum(sizes))),
        ]
        self._put("bag-info.txt", bag.bag_info_text(info).encode("utf-8"), tag=True)
        pinned = {}
        for algorithm in bag.ALGORITHMS:
            entries = {p: getattr(d, algorithm) for p, d in self.tag_digests.items()}
            name = f"tagmanifest-{algorithm}.txt"
            digests = safe_write.write_bytes(
                self.partial / name, bag.manifest_text(entries).encode()
            )
            pinned[name] = {"sha256": digests.sha256, "sha512": digests.sha512}
        models = {m["name"]: m for m in described_models(self.case.flags())}
        seal = {
            "format": SEAL_FORMAT,
            "package_id": self.package_id,
            "case_id": self.case.case_id,
            "created_utc": self.created,
            "tool": {"name": TOOL_NAME, "version": __version__},
            "components": {
                **clips.tool_versions(),
                "python": platform.python_version(),
                "platform": sys.platform,
            },
            "models": sorted(models.values(), key=lambda x: x["name"]),
            "signer": self._signer_info(),
            "payload_oxum": oxum,
            "tag_manifests": pinned,
            "audit": {"entries": audit["entries"], "head": audit["head"]},
        }
        body = seal_bytes(seal)
        safe_write.write_bytes(self.partial / SEAL_PATH, body)
        signature = self.signer.sign(body, trusted_comment(seal))
        safe_write.write_bytes(self.partial / SIG_PATH, signature.encode("utf-8"))

    def _finish(self, final: Path) -> None:
        """Folders durable, then the one atomic step that makes the package appear complete."""
        self._check_cancel()
        self.progress(Progress("write", 0, 1, "finishing on the destination"))
        assert self.partial is not None
        for folder in sorted({p.parent for p in self.partial.rglob("*")}, reverse=True):
            safe_write.fsync_dir(folder)
        if final.exists():
            raise EvidenceError(f"{final} already exists; export again to get a new package.")
        self.partial.rename(final)
        self.partial = None
        safe_write.fsync_dir(self.dest)
        self.progress(Progress("write", 1, 1))
