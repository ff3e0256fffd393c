"""`reviewer keys`, `reviewer export` and `reviewer verify`, over the same functions the UI calls."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
import threading
from pathlib import Path

from ..errors import UsageError
from . import trust

PASSPHRASE_ENV = "REVIEWER_PASSPHRASE"
EXIT_CANCELLED = 130

VERIFY_EPILOG = """exit codes:
  0  intact and signed by a trusted key
  1  tampered: something was changed, added or removed after sealing
  2  usage error
  3  untrusted signer: intact, but the signing key is not among the trusted keys
  4  malformed: not a complete evidence package (unfinished export, missing seal, garbled files)
Trusted keys: every --trusted-key file plus, unless --no-local-keys, the public keys of the
officers on this workstation (`reviewer keys show`)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the keys, export and verify commands to the `reviewer` parser."""
    p = sub.add_parser("keys", help="officer signing keys: create, show, export the public key")
    ksub = p.add_subparsers(dest="keys_cmd", required=True)
    kc = ksub.add_parser("create", help="make a new key pair (rotates an existing one)")
    kc.add_argument("--officer", required=True, help="officer id the key belongs to")
    kc.add_argument("--name", default="", help="officer's full name (shown in reports)")
    kc.add_argument(
        "--passphrase-file",
        help=f"read the passphrase from a file (else ${PASSPHRASE_ENV} or a prompt)",
    )
    trust.register_keys(ksub, kc)
    ks = ksub.add_parser("show", help="key ids and fingerprints")
    ks.add_argument("--officer")
    ks.add_argument("--json", action="store_true")
    ke = ksub.add_parser("export-public", help="write the public key in minisign format")
    ke.add_argument("--out", required=True)
    ke.add_argument("--officer")
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("export", help="write a signed evidence package of the decided flags")
    p.add_argument("--case", required=True, help="case folder")
    p.add_argument("--out", required=True, help="destination folder (the USB stick)")
    p.add_argument(
        "--include-pending", action="store_true", help="also export flags not yet reviewed"
    )
    p.add_argument("--officer", help="whose key signs (default: the only key on this machine)")
    p.add_argument(
        "--passphrase-file",
        help=f"read the passphrase from a file (else ${PASSPHRASE_ENV} or a prompt)",
    )
    p.add_argument("--fat32", choices=["auto", "yes", "no"], default="auto", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "verify",
        help="check an evidence package",
        epilog=VERIFY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("package")
    p.add_argument(
        "--trusted-key",
        action="append",
        default=[],
        metavar="FILE",
        help="a trusted minisign public key (repeatable)",
    )
    p.add_argument(
        "--no-local-keys", action="store_true", help="trust only the --trusted-key files"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument(
        "--after",
        metavar="OLD",
        help="an older package of the same case: check this one continues its audit chain",
    )
    p.set_defaults(func=cmd_verify)


def read_passphrase(path: str | None, confirm: bool = False) -> str:
    """From a file (first line), the environment, or a prompt on a terminal."""
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                f"Cannot read the passphrase file {path}: {exc.strerror or exc}"
            ) from exc
        return text.splitlines()[0] if text else ""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UsageError(f"Give the passphrase with --passphrase-file or ${PASSPHRASE_ENV}.")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise UsageError("The two passphrases differ; nothing was created.")
    return first


def cmd_keys(args: argparse.Namespace) -> int:
    from ..evidence import keys
    from ..evidence.minisign import fingerprint_groups

    extra = trust.cmd_keys_extra(args)
    if extra is not None:
        return extra
    if args.keys_cmd == "create":
        old = None if args.replace_lost_key else trust.old_passphrase(args)
        passphrase = read_passphrase(args.passphrase_file, confirm=True)
        info = keys.create_key(
            args.officer,
            passphrase,
            args.name,
            old_passphrase=old,
            replace_lost_key=args.replace_lost_key,
        )
        print(f"officer {info.officer}: new key {info.key_id}")
        print(f"fingerprint {fingerprint_groups(info.fingerprint)}")
        print(f"public key {info.public_path}")
        return 0
    if args.keys_cmd == "export-public":
        info = keys.export_public(Path(args.out), args.officer)
        print(f"wrote the public key {info.key_id} of officer {info.officer} to {args.out}")
        return 0
    infos = keys.list_keys(args.officer)
    if args.json:
        rows = [
            {
                "officer": k.officer,
                "name": k.name,
                "key_id": k.key_id,
                "fingerprint": k.fingerprint,
                "current": k.current,
                "created_utc": k.created_utc,
                "public_key": str(k.public_path),
            }
            for k in infos
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not infos:
        print("No keys yet: create one with `reviewer keys create --officer ID`.")
        return 0
    for k in infos:
        state = "current" if k.current else "retired"
        print(f"{k.officer}{' (' + k.name + ')' if k.name else ''}  key {k.key_id}  {state}")
        print(f"  fingerprint {fingerprint_groups(k.fingerprint)}")
    return 0


class _StderrProgress:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, event) -> None:
        label = f"{event.stage}: {event.fraction * 100:5.1f}%" if event.total else event.stage
        if label == self.last:
            return
        self.last = label
        if self.tty:
            sys.stderr.write("\r\x1b[K" + label)
        elif event.done in (0, event.total):
            sys.stderr.write(label + "\n")
        sys.stderr.flush()


def _check_export_args(args: argparse.Namespace) -> None:
    """What an officer can fix without typing a passphrase first: the case and the stick."""
    from ..store.case import DB_NAME

    if not (Path(args.case) / DB_NAME).is_file():
        raise UsageError(f"{args.case} holds no case ({DB_NAME} not found); check --case.")
    out = Path(args.out)
    if not out.exists():
        raise UsageError(
            f"The destination {out} does not exist: plug in the stick, or create the folder."
        )
    if not out.is_dir():
        raise UsageError(f"The destination {out} is a file, not a folder; choose a folder.")


def cmd_export(args: argparse.Namespace) -> int:
    from ..evidence import keys
    from ..evidence.errors import ExportCancelled
    from ..evidence.export import export_case
    from ..store import signing

    _check_export_args(args)
    keys.current_key(args.officer)  # no key: say so before asking for a passphrase
    signer = keys.unlock(read_passphrase(args.passphrase_file), args.officer)
    signing.register_signer(signer)  # the export's own audit entries are the officer's
    cancel = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        sys.stderr.write("\nCancelling the export...\n")

    signal.signal(signal.SIGINT, on_signal)
    fat32 = {"auto": None, "yes": True, "no": False}[args.fat32]
    try:
        result = export_case(
            Path(args.case),
            Path(args.out),
            signer,
            include_pending=args.include_pending,
            on_progress=_StderrProgress(),
            cancel=cancel,
            fat32=fat32,
        )
    except ExportCancelled as exc:
        sys.stderr.write(f"\n{exc}\n")
        return EXIT_CANCELLED
    sys.stderr.write("\n")
    print(
        f"{result.package_id}: {result.flags} flags, {result.originals} originals, "
        f"{result.files} files, verified from the destination"
    )
    print(result.path)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ..evidence import minisign
    from ..evidence.errors import MalformedSignature
    from ..evidence.verify import verify_package

    trusted = []
    for name in args.trusted_key:
        try:
            trusted.append(minisign.parse_public_key(Path(name).read_text(encoding="ascii")))
        except (OSError, UnicodeDecodeError, MalformedSignature) as exc:
            raise UsageError(f"{name} is not a readable minisign public key: {exc}") from exc
    if not args.no_local_keys:
        from ..evidence.trust import trusted_public_keys

        trusted.extend(trusted_public_keys())
    result = verify_package(Path(args.package), trusted)
    after = None
    if args.after and result.status in ("ok", "untrusted"):
        older = verify_package(Path(args.after), trusted)
        ok, text = trust.check_after(Path(args.package), Path(args.after))
        if older.status not in ("ok", "untrusted"):
            ok, text = False, f"the older package {args.after} fails: {older.reason}"
        after = {"ok": ok, "detail": text}
        if not ok:
            result.status, result.reason = "tampered", text
    if args.json:
        out = result.to_dict()
        if result.signer.get("trusted"):
            out["trusted_because"] = trust.trust_rule(result.signer, args.trusted_key)
        if after is not None:
            out["after"] = after
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"{result.status.upper()}: {result.reason}")
        if result.signer.get("trusted"):
            print(f"trusted because: {trust.trust_rule(result.signer, args.trusted_key)}")
        if after is not None and after["ok"]:
            print(after["detail"])
    return result.exit_code
