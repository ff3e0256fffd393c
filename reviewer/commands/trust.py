"""`reviewer audit`, the unit keyring commands, session unlock for officer commands, and
`reviewer verify NEW --after OLD`: the command line of "trust the record"."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_UNTRUSTED = 0, 1, 3
OLD_PASSPHRASE_ENV = "REVIEWER_OLD_PASSPHRASE"


def add_passphrase_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        help="unlock the officer's key to sign the entry (else $REVIEWER_PASSPHRASE)",
    )


def unlock_officer(officer: str | None, passphrase_file: str | None) -> bool:
    """Unlock the officer's key for this process when a passphrase is given; True when done.

    An officer with a key on this workstation who gives no passphrase still acts, but the entry
    is signed by the workstation's key and `reviewer audit` says it is not the officer's.
    """
    from ..store import signing
    from .evidence import PASSPHRASE_ENV, read_passphrase

    if not officer or not signing.has_officer_key(officer):
        return False
    if not passphrase_file and os.environ.get(PASSPHRASE_ENV) is None:
        sys.stderr.write(
            f"note: officer {officer} has a key here; give --passphrase-file or "
            f"${PASSPHRASE_ENV} so the entry is signed by it, not only by the workstation.\n"
        )
        return False
    signing.unlock_session(officer, read_passphrase(passphrase_file))
    return True


def cmd_audit(args: argparse.Namespace) -> int:
    from ..store import open_case, record

    with open_case(args.case, create=False, check_head=False) as case:
        report = record.check_case(case)
    if args.json:
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for line in report.lines():
            print(line)
        if report.ok:
            print(f"audit log intact: {report.entries} entries, head {report.head}")
            print("tables agree with the log; every signature holds")
        else:
            print(f"RECORD FAILS: {len(report.failures)} problem(s) above", file=sys.stderr)
    if not report.ok:
        return EXIT_FAILED
    return EXIT_UNTRUSTED if report.untrusted else EXIT_OK


def register_audit(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=cmd_audit)


# -- keys: rotation, the unit keyring ----------------------------------------------------------
def register_keys(ksub: argparse._SubParsersAction, kc: argparse.ArgumentParser) -> None:
    kc.add_argument(
        "--old-passphrase-file",
        help=f"the current key's passphrase, to rotate it (else ${OLD_PASSPHRASE_ENV})",
    )
    kc.add_argument(
        "--replace-lost-key",
        action="store_true",
        help="the current key is lost: replace it (logged in every case; never trusted for "
        "the old key's past entries)",
    )
    ku = ksub.add_parser("unit", help="the unit's key (kept offline by its administrator)")
    ku.add_argument("unit_cmd", choices=["create"])
    ku.add_argument("--out", required=True, help="folder for unit-ID.key and unit-ID.pub")
    ku.add_argument("--unit", default="", help="the unit's name")
    ku.add_argument("--passphrase-file")
    kv = ksub.add_parser("vouch", help="sign a statement that a public key is an officer's")
    kv.add_argument("officer_pub", metavar="officer.pub")
    kv.add_argument("--officer", required=True)
    kv.add_argument("--unit-key", required=True, help="the unit's .key file")
    kv.add_argument("--passphrase-file", help="the unit key's passphrase")
    kv.add_argument("--out", required=True, help="the statement to write")
    kt = ksub.add_parser("trust", help="install a unit public key or a vouched officer key")
    kt.add_argument("file")


def old_passphrase(args: argparse.Namespace) -> str | None:
    if getattr(args, "old_passphrase_file", None):
        from .evidence import read_passphrase

        return read_passphrase(args.old_passphrase_file)
    return os.environ.get(OLD_PASSPHRASE_ENV)


def cmd_keys_extra(args: argparse.Namespace) -> int | None:
    """Handle unit/vouch/trust; None for the other keys commands."""
    from ..evidence import trust
    from .evidence import read_passphrase

    if args.keys_cmd == "unit":
        public = trust.create_unit_key(
            Path(args.out), args.unit, read_passphrase(args.passphrase_file, confirm=True)
        )
        print(f"unit key {public.key_id_hex} written to {args.out}; keep the .key offline")
        return EXIT_OK
    if args.keys_cmd == "vouch":
        out = trust.vouch(
            Path(args.officer_pub),
            args.officer,
            Path(args.unit_key),
            read_passphrase(args.passphrase_file),
            Path(args.out),
        )
        print(f"statement written to {out}; install it with `reviewer keys trust {out}`")
        return EXIT_OK
    if args.keys_cmd == "trust":
        print(f"trusted: {trust.trust_file(Path(args.file))}")
        return EXIT_OK
    return None


def trust_rule(signer: dict, key_files: list[str]) -> str:
    """Which rule made the package's signing key trusted."""
    from ..evidence import minisign, trust
    from ..evidence.errors import MalformedSignature

    for name in key_files:
        try:
            if minisign.parse_public_key(Path(name).read_text("ascii")).key_id_hex == signer.get(
                "key_id"
            ):
                return f"key {signer.get('key_id')} given with --trusted-key {name}"
        except (OSError, ValueError, MalformedSignature):
            continue
    for owner in trust.key_owners().values():
        if owner.key_id == signer.get("key_id"):
            return f"key {owner.key_id} of {owner.kind} {owner.name}: {owner.rule}"
    return "trusted key"


# -- verify NEW --after OLD --------------------------------------------------------------------
def check_after(new: Path, old: Path) -> tuple[bool, str]:
    """Does package `new` continue the chain of package `old` (same case, old head inside)?"""
    from ..evidence.seal import SEAL_PATH, parse_seal
    from ..evidence.verify import AUDIT_FILE

    try:
        old_seal = parse_seal((old / SEAL_PATH).read_bytes())
        new_seal = parse_seal((new / SEAL_PATH).read_bytes())
        lines = (new / AUDIT_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        return False, f"cannot read the packages' seals or audit logs: {exc}"
    if old_seal["case_id"] != new_seal["case_id"]:
        return False, (
            f"{old.name} is of case {old_seal['case_id']}, {new.name} of {new_seal['case_id']}"
        )
    want, have = old_seal["audit"], new_seal["audit"]
    heads = f"(older head: entry {want['entries']} {want['head'][:16]}…; newer head: entry " + (
        f"{have['entries']} {have['head'][:16]}…)"
    )
    if int(have["entries"]) < int(want["entries"]):
        return False, f"{new.name} has a shorter audit log than {old.name}: rolled back {heads}"
    try:
        entry = json.loads(lines[int(want["entries"]) - 1])
    except (IndexError, ValueError) as exc:
        return False, f"{new.name}'s audit log cannot be read at the older head: {exc}"
    if entry.get("hash") != want["head"]:
        return False, f"{new.name} forks from {old.name} {heads}"
    return True, f"{new.name} continues {old.name} {heads}"
