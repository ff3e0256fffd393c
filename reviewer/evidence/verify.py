"""Independent verification of an evidence package, as an ordered list of checks.

Outcomes, most serious first: malformed (not a complete package of ours), tampered (something
changed after sealing), untrusted (intact, but signed by a key the caller does not trust), ok.
A package signed by an untrusted key is still checked in full, so "untrusted" means exactly that.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AuditChainBroken
from ..store.audit import verify_chain
from . import bag, minisign, safe_write
from .errors import MalformedSignature
from .minisign import PublicKey
from .progress import OnProgress, Progress, or_ignore
from .seal import SEAL_PATH, SIG_PATH, parse_seal, trusted_comment

EXIT_OK, EXIT_TAMPERED, EXIT_UNTRUSTED, EXIT_MALFORMED = 0, 1, 3, 4
EXIT_CODES = {
    "ok": EXIT_OK,
    "tampered": EXIT_TAMPERED,
    "untrusted": EXIT_UNTRUSTED,
    "malformed": EXIT_MALFORMED,
}
TAG_MANIFESTS = tuple(f"tagmanifest-{a}.txt" for a in bag.ALGORITHMS)
MANIFESTS = tuple(f"manifest-{a}.txt" for a in bag.ALGORITHMS)
REQUIRED_TAG_FILES = ("bagit.txt", "bag-info.txt", *MANIFESTS, "meta/signer.pub", "meta/VERIFY.txt")
AUDIT_FILE = "data/case/audit-log.jsonl"
CASE_FILE = "data/case/case.json"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class VerifyReport:
    package: Path
    status: str  # ok | tampered | untrusted | malformed
    reason: str
    checks: list[Check] = field(default_factory=list)
    package_id: str = ""
    case_id: str = ""
    signer: dict[str, Any] = field(default_factory=dict)
    files: int = 0
    payload_bytes: int = 0
    changed: list[str] = field(default_factory=list)  # files found altered, added or missing

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": str(self.package),
            "status": self.status,
            "ok": self.ok,
            "exit_code": self.exit_code,
            "reason": self.reason,
            "package_id": self.package_id,
            "case_id": self.case_id,
            "signer": self.signer,
            "files": self.files,
            "payload_bytes": self.payload_bytes,
            "changed_files": self.changed,
            "checks": [c.__dict__ for c in self.checks],
        }


class _Stop(Exception):
    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _is_link(entry: os.DirEntry) -> bool:
    if entry.is_symlink():
        return True
    if sys.platform == "win32":  # pragma: no cover - junctions and other reparse points
        attrs = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
        return bool(attrs & stat.FILE_ATTRIBUTE_REPARSE_POINT)
    return False


def _listing(root: Path) -> dict[str, int]:
    """Relative path -> size of every file, refusing links, special files and odd names."""
    files: dict[str, int] = {}
    folded: dict[str, str] = {}
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if _is_link(entry):
                    raise _Stop("tampered", f"{rel} is a link; a package never contains links.")
                try:
                    bag.check_path(rel)
                except bag.BagFormatError as exc:
                    raise _Stop(
                        "tampered", f"{rel!r} is not a name the export writes (plain ASCII only)."
                    ) from exc
                key = rel.casefold()
                if key in folded:
                    raise _Stop("tampered", f"{rel} and {folded[key]} differ only in letter case.")
                folded[key] = rel
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode):
                    stack.append((rel + "/", Path(entry.path)))
                elif stat.S_ISREG(st.st_mode):
                    files[rel] = st.st_size
                else:
                    raise _Stop("tampered", f"{rel} is not a regular file.")
    return files


def _read(root: Path, rel: str, missing_status: str = "tampered") -> bytes:
    try:
        return (root / rel).read_bytes()
    except FileNotFoundError as exc:
        raise _Stop(missing_status, f"{rel} is missing.") from exc
    except OSError as exc:
        raise _Stop("malformed", f"{rel} cannot be read: {exc.strerror or exc}.") from exc


def verify_package(
    path: Path | str,
    trusted_keys: list[PublicKey],
    on_progress: OnProgress | None = None,
    cancel: threading.Event | None = None,
    payload_algorithms: tuple[str, ...] = ("sha256", "sha512"),
) -> VerifyReport:
    """Run every check in order; never raises for a bad package, reports it instead.

    `payload_algorithms` narrows which manifests the payload files are re-hashed against (the
    export's read-back uses SHA-256 alone); every other check always runs in full.
    """
    root = Path(path)
    report = VerifyReport(package=root, status="ok", reason="")
    try:
        _run(root, trusted_keys, report, or_ignore(on_progress), cancel, payload_algorithms)
    except _Stop as stop:
        report.status, report.reason = stop.status, stop.reason
        report.checks.append(Check("stopped", False, stop.reason))
    return report


def _run(
    root: Path,
    trusted_keys: list[PublicKey],
    report: VerifyReport,
    progress: OnProgress,
    cancel: threading.Event | None,
    payload_algorithms: tuple[str, ...],
) -> None:
    def passed(name: str, detail: str = "") -> None:
        report.checks.append(Check(name, True, detail))

    # 1. The folder itself.
    if root.name.endswith(".partial"):
        raise _Stop("malformed", "This is an unfinished export (.partial): export the case again.")
    if root.name.endswith(".failed"):
        raise _Stop("malformed", "This export failed its read-back check (.failed): export again.")
    if root.is_symlink() or not root.is_dir():
        raise _Stop("malformed", f"{root} is not a package folder.")
    files = _listing(root)
    passed("layout", f"{len(files)} files, no links, plain names")

    # 2. BagIt declaration; a fetch.txt would pull files from elsewhere.
    if "fetch.txt" in files:
        raise _Stop("tampered", "fetch.txt found: a sealed package holds all its files itself.")
    if _read(root, "bagit.txt", "malformed").decode("utf-8", "replace") != bag.BAGIT_TXT:
        raise _Stop("malformed", "bagit.txt is not a BagIt 1.0 declaration.")
    passed("bagit", "BagIt 1.0")

    # 3. Signature over seal.json, with a trusted key (never only the one inside the package).
    seal_data = _read(root, SEAL_PATH, "malformed")
    try:
        sig = minisign.parse_signature(_read(root, SIG_PATH, "malformed").decode("utf-8"))
    except (MalformedSignature, UnicodeDecodeError) as exc:
        raise _Stop("malformed", f"The seal signature cannot be read: {exc}") from exc
    signer = next((k for k in trusted_keys if minisign.check(k, seal_data, sig)), None)
    trusted = signer is not None
    embedded = _embedded_key(root)
    if signer is None:
        if embedded is not None and minisign.check(embedded, seal_data, sig):
            signer = embedded
        else:
            raise _Stop(
                "tampered",
                "The seal's signature does not match seal.json: the seal was altered or "
                "signed with another key.",
            )
    passed("signature", f"key {signer.key_id_hex}" + ("" if trusted else " (not trusted)"))

    try:
        seal = parse_seal(seal_data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Stop("malformed", f"seal.json cannot be read: {exc}") from exc
    report.package_id, report.case_id = str(seal["package_id"]), str(seal["case_id"])
    report.signer = {**seal.get("signer", {}), "trusted": trusted}
    if sig.trusted_comment != trusted_comment(seal):
        raise _Stop("tampered", "The signed comment does not match seal.json.")
    seal_signer = seal["signer"]
    if (
        seal_signer.get("key_id") != signer.key_id_hex
        or seal_signer.get("fingerprint") != signer.fingerprint
    ):
        raise _Stop("tampered", "seal.json names another signing key than the one that signed it.")
    if embedded != signer:
        raise _Stop("tampered", "meta/signer.pub is not the key that signed the seal.")
    passed("seal", f"package {seal['package_id']}, case {seal['case_id']}")

    # 4. The seal pins the tag manifests, which pin the tag files (and so the manifests).
    pinned = seal["tag_manifests"]
    for name in TAG_MANIFESTS:
        data = _read(root, name)
        digests = safe_write.Digests(*_digests(data), len(data))
        want = pinned.get(name, {}) if isinstance(pinned, dict) else {}
        if want.get("sha256") != digests.sha256 or want.get("sha512") != digests.sha512:
            raise _Stop(
                "tampered", f"{name} is not the one sealed (its hash differs from seal.json)."
            )
    tag_entries = {}
    for algorithm, name in zip(bag.ALGORITHMS, TAG_MANIFESTS, strict=True):
        tag_entries[algorithm] = _parse(root, name, algorithm)
    tag_paths = set(tag_entries["sha256"])
    if tag_paths != set(tag_entries["sha512"]):
        raise _Stop("tampered", "The two tag manifests list different files.")
    if tag_paths != set(REQUIRED_TAG_FILES):
        # Exactly the tag files an export writes: an extra one is as suspect as a missing one.
        odd = sorted(tag_paths ^ set(REQUIRED_TAG_FILES))
        raise _Stop(
            "tampered", f"The tag manifests do not list the package's tag files ({odd[0]})."
        )
    altered_tags = []
    for rel in sorted(tag_paths):
        try:
            _compare(rel, _digests(_read(root, rel)), tag_entries)
        except _Stop:
            altered_tags.append(rel)
    if altered_tags:
        report.changed = altered_tags
        raise _Stop("tampered", f"Changed after sealing: {_names(altered_tags)}.")
    passed("tag-files", f"{len(tag_paths)} tag files match")

    # 5. Payload manifests and the exact set of files.
    payload_entries = {
        a: _parse(root, m, a) for a, m in zip(bag.ALGORITHMS, MANIFESTS, strict=True)
    }
    payload_paths = set(payload_entries["sha256"])
    if payload_paths != set(payload_entries["sha512"]):
        raise _Stop("tampered", "The SHA-256 and SHA-512 manifests list different files.")
    if any(not p.startswith("data/") for p in payload_paths):
        raise _Stop("tampered", "A payload manifest lists a file outside data/.")
    expected = payload_paths | tag_paths | set(TAG_MANIFESTS) | {SEAL_PATH, SIG_PATH}
    extra = sorted(set(files) - expected)
    if extra:
        report.changed = extra
        raise _Stop(
            "tampered",
            f"Not part of the sealed package (added later): {_names(extra)}.",
        )
    gone = sorted(expected - set(files))
    if gone:
        report.changed = gone
        raise _Stop("tampered", f"Missing from the package: {_names(gone)}.")
    passed("file-set", "no extra or missing files")

    info_text = _read(root, "bag-info.txt").decode("utf-8", "replace")
    try:
        info = bag.parse_bag_info(info_text)
    except bag.BagFormatError as exc:
        raise _Stop("tampered", f"bag-info.txt: {exc}") from exc
    oxum = bag.payload_oxum([files[p] for p in payload_paths])
    if info.get("External-Identifier") != seal["package_id"]:
        raise _Stop("tampered", "bag-info.txt names another package than the seal.")
    # A size that differs is named by the hash check below, which reads every file.
    oxum_ok = info.get("Payload-Oxum") == seal["payload_oxum"] == oxum
    if oxum_ok:
        passed("bag-info", f"Payload-Oxum {oxum}")

    # 6. Every payload file, both hashes, one read each.
    total = sum(files[p] for p in payload_paths)
    report.files, report.payload_bytes = len(files), total
    done = 0
    altered: list[str] = []  # every changed file is named, not only the first
    for rel in sorted(payload_paths):

        def on_bytes(n: int, rel: str = rel) -> None:
            nonlocal done
            done += n
            progress(Progress("verify", done, total, rel))

        try:
            digests = safe_write.hash_file(root / rel, on_bytes, cancel, payload_algorithms)
        except OSError as exc:
            raise _Stop("malformed", f"{rel} cannot be read: {exc.strerror or exc}.") from exc
        got = {"sha256": digests.sha256, "sha512": digests.sha512}
        try:
            _compare(
                rel, tuple(got[a] for a in payload_algorithms), payload_entries, payload_algorithms
            )
        except _Stop:
            altered.append(rel)
    if altered:
        report.changed = altered
        raise _Stop(
            "tampered",
            f"Changed after sealing (hash differs from the manifest): {_names(altered)}.",
        )
    if not oxum_ok:
        raise _Stop("tampered", "The payload size or file count differs from the sealed one.")
    passed(
        "payload",
        f"{len(payload_paths)} files, {total} bytes match the "
        f"{' and '.join(a.upper() for a in payload_algorithms)} manifests",
    )

    # 7. The audit log's chain, ending where the seal says, every signed entry's signature.
    audit_data = _read(root, AUDIT_FILE)
    rows = _audit_rows(audit_data)
    try:
        status = verify_chain(rows)
    except AuditChainBroken as exc:
        raise _Stop("tampered", f"Audit log: {exc}") from exc
    audit = seal["audit"]
    if status.head != audit.get("head") or status.entries != audit.get("entries"):
        raise _Stop("tampered", "The audit log does not end where the seal says it does.")
    signatures = _audit_signatures(audit_data, str(seal["case_id"]))
    passed("audit", f"{status.entries} entries, chain intact; {signatures}")

    # 8. case.json agrees with the seal and the manifests.
    case_data = _read(root, CASE_FILE)
    _check_case(case_data, seal, payload_entries["sha256"])
    # Decisions must replay from the log; a package from an untrusted signer is untrusted anyway.
    replayed = _flags_match_log(case_data, rows) if trusted else "decisions not replayed"
    passed("case", f"case.json matches the seal and the files; {replayed}")

    if not trusted:
        raise _Stop(
            "untrusted",
            f"Intact, but signed by key {signer.key_id_hex} (fingerprint "
            f"{minisign.fingerprint_groups(signer.fingerprint)}), which is not a trusted key.",
        )
    report.reason = (
        f"Intact and signed by officer {seal['signer'].get('officer', '?')} "
        f"with trusted key {signer.key_id_hex}."
    )


def _names(paths: list[str], most: int = 8) -> str:
    """Paths for a one-line reason: all of them, or the first `most` and how many more."""
    shown = ", ".join(paths[:most])
    return shown + (f" and {len(paths) - most} more" if len(paths) > most else "")


def _digests(data: bytes) -> tuple[str, str]:
    import hashlib

    return hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest()


def _compare(
    rel: str,
    got: tuple[str, ...],
    entries: dict[str, dict[str, str]],
    algorithms: tuple[str, ...] = bag.ALGORITHMS,
) -> None:
    if not algorithms:
        raise ValueError("at least one hash algorithm is needed")
    for algorithm, digest in zip(algorithms, got, strict=True):
        if entries[algorithm].get(rel) != digest:
            raise _Stop("tampered", f"{rel} was altered ({algorithm.upper()} differs).")


def _parse(root: Path, name: str, algorithm: str) -> dict[str, str]:
    try:
        return bag.parse_manifest(_read(root, name).decode("utf-8"), algorithm)
    except (bag.BagFormatError, UnicodeDecodeError) as exc:
        raise _Stop("tampered", f"{name}: {exc}") from exc


def _embedded_key(root: Path) -> PublicKey | None:
    try:
        return minisign.parse_public_key((root / "meta" / "signer.pub").read_text("ascii"))
    except (OSError, UnicodeDecodeError, MalformedSignature):
        return None


def _audit_rows(data: bytes) -> list[tuple]:
    rows = []
    keys = ("seq", "utc", "officer", "workstation", "action", "payload", "prev_hash", "hash")
    try:
        for line in data.decode("utf-8").splitlines():
            entry = json.loads(line)
            rows.append(tuple(entry[k] for k in keys))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise _Stop("tampered", f"The audit log cannot be read: {exc}") from exc
    return rows


def _audit_signatures(data: bytes, case_id: str) -> str:
    """Each signed entry's signature holds; no unsigned entry follows a signed one."""
    from ..store import signing

    signed = unsigned = 0
    keys: set[str] = set()
    first_unsigned_after = None
    for line in data.decode("utf-8").splitlines():
        entry = json.loads(line)
        sig, pub = entry.get("signature"), entry.get("public_key")
        what = f"entry {entry['seq']} ({entry['action']} by {entry['officer']})"
        if not sig:
            if signed:
                first_unsigned_after = first_unsigned_after or what
            else:
                unsigned += 1
            continue
        if not signing.check(pub or "", case_id, entry["hash"], sig):
            raise _Stop(
                "tampered",
                f"Audit log: {what} does not carry a valid signature of key {entry.get('key_id')}.",
            )
        signed += 1
        keys.add(str(entry.get("key_id")))
    if first_unsigned_after:
        raise _Stop(
            "tampered", f"Audit log: {first_unsigned_after} is unsigned after signed entries."
        )
    text = f"{signed} entries signed by {len(keys)} key(s)"
    return text + (f"; {unsigned} earlier entries unsigned" if unsigned else "")


def _flags_match_log(case_data: bytes, rows: list[tuple]) -> str:
    """The decisions case.json carries are the ones its audit log replays to."""
    from ..store import replay

    states = replay.replay(replay.parse(rows)).flags
    flags = json.loads(case_data.decode("utf-8"))["flags"]
    for f in flags:
        flag_id = f.get("flag_id")
        state = states.get(flag_id) if isinstance(flag_id, int) else None
        logged = state.status if state is not None else "pending"
        if f.get("status") != logged:
            raise _Stop(
                "tampered",
                f"flag {flag_id}: case.json says {f.get('status')}, its audit log says {logged}.",
            )
        if state is not None and (f.get("note") or None) != (state.note or None):
            raise _Stop("tampered", f"flag {flag_id}: the note differs from its audit log.")
    return f"{len(flags)} flags' decisions replay from the audit log"


def _check_case(data: bytes, seal: dict[str, Any], sha256s: dict[str, str]) -> None:
    try:
        case = json.loads(data.decode("utf-8"))
        ids = (case["package_id"], case["case_id"])
        media, flags = case["media"], case["flags"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise _Stop("tampered", f"case.json cannot be read: {exc}") from exc
    if ids != (seal["package_id"], seal["case_id"]):
        raise _Stop("tampered", "case.json belongs to another package or case.")
    for m in media:
        if sha256s.get(m.get("file")) != m.get("sha256"):
            raise _Stop("tampered", f"The original {m.get('file')} does not have its ingest hash.")
    for f in flags:
        for item in [f.get("clip")] + list(f.get("stills") or []):
            if item and sha256s.get(item.get("file")) != item.get("sha256"):
                raise _Stop("tampered", f"{item.get('file')} does not match case.json.")
