"""Whom this workstation trusts: keys it made, and officer keys the unit's keyring vouches for.

A unit key (`reviewer keys unit create`) is kept offline by the unit's administrator. It signs
statements ("key K belongs to officer O", `reviewer keys vouch`) that a workstation installs with
`reviewer keys trust FILE`, together with the unit's public key. Every answer names the rule
that made a key trusted, so verification can say why.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..userdirs import user_home
from . import keys, minisign
from .errors import KeyStoreError, MalformedSignature
from .minisign import PublicKey

UNIT_KEY_FORMAT = "livestream-reviewer-unit-key/1"
VOUCH_FORMAT = "livestream-reviewer-vouch/1"


class TrustError(KeyStoreError):
    """A unit key, statement or public key file cannot be used to extend trust."""


@dataclass(frozen=True)
class Owner:
    """Whose key a public key is, and the rule that makes this workstation trust it."""

    kind: str  # officer | workstation
    name: str  # officer id, or workstation key id
    key_id: str
    rule: str  # "made on this workstation", "vouched for by unit key X", ...
    replaced_lost: str = ""


def trust_root() -> Path:
    path = user_home() / "trust"
    (path / "units").mkdir(parents=True, exist_ok=True)
    (path / "officers").mkdir(parents=True, exist_ok=True)
    return path


def _raw_b64(public: PublicKey) -> str:
    return base64.b64encode(public.key).decode("ascii")


# -- the unit key -----------------------------------------------------------------------------
def create_unit_key(out: Path, unit: str, passphrase: str) -> PublicKey:
    """Write unit-<ID>.key (encrypted) and unit-<ID>.pub into `out`; keep the .key offline."""
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise TrustError(f"The passphrase must have at least {keys.MIN_PASSPHRASE} characters.")
    out.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    public = minisign.public_key_of(private, secrets.token_bytes(8))
    meta = {
        "format": UNIT_KEY_FORMAT,
        "unit": unit,
        "key_id": public.key_id_hex,
        "public_key": _raw_b64(public),
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    record = keys._encrypt(private, public, passphrase, meta)
    keys._write_private(out / f"unit-{public.key_id_hex}.key", json.dumps(record).encode())
    (out / f"unit-{public.key_id_hex}.pub").write_text(
        public.to_text(f"livestream-reviewer unit key {public.key_id_hex}"), encoding="ascii"
    )
    return public


def vouch(officer_pub: Path, officer: str, unit_key: Path, passphrase: str, out: Path) -> Path:
    """A statement, signed by the unit key, that the public key in `officer_pub` is `officer`'s."""
    try:
        record = json.loads(unit_key.read_text(encoding="utf-8"))
        public = minisign.parse_public_key(officer_pub.read_text(encoding="ascii"))
    except (OSError, ValueError, MalformedSignature) as exc:
        raise TrustError(f"Cannot read {unit_key} or {officer_pub}: {exc}") from exc
    if record.get("format") != UNIT_KEY_FORMAT:
        raise TrustError(
            f"{unit_key} is not a unit key (make one with `reviewer keys unit create`)."
        )
    private, unit_public = keys._decrypt(record, passphrase, f"unit {record.get('unit', '')}")
    statement = {
        "format": VOUCH_FORMAT,
        "officer": officer,
        "key_id": public.key_id_hex,
        "public_key": _raw_b64(public),
        "unit": record.get("unit", ""),
        "unit_key_id": unit_public.key_id_hex,
        "utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    body = json.dumps(statement, sort_keys=True).encode("utf-8")
    sig = minisign.sign(
        private, unit_public.key_id, body, f"unit vouches key {public.key_id_hex} of {officer}"
    )
    out.write_text(json.dumps({"statement": statement, "minisig": sig}, indent=2), "utf-8")
    return out


def _unit_keys() -> list[PublicKey]:
    out = []
    for path in sorted((trust_root() / "units").glob("*.pub")):
        try:
            out.append(minisign.parse_public_key(path.read_text(encoding="ascii")))
        except (OSError, MalformedSignature):
            continue
    return out


def _check_statement(doc: dict) -> tuple[dict, PublicKey]:
    statement = doc["statement"]
    if statement.get("format") != VOUCH_FORMAT:
        raise TrustError("This file is not a vouch statement of a unit key.")
    body = json.dumps(statement, sort_keys=True).encode("utf-8")
    sig = minisign.parse_signature(doc["minisig"])
    for unit in _unit_keys():
        if minisign.check(unit, body, sig):
            return statement, unit
    raise TrustError(
        f"The statement for key {statement.get('key_id')} is not signed by a unit key this "
        "workstation trusts: install the unit's public key first (`reviewer keys trust unit.pub`)."
    )


def trust_file(path: Path) -> str:
    """Install a unit public key or a vouched officer key; returns what was trusted."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TrustError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if text.lstrip().startswith("{"):
        try:
            statement, unit = _check_statement(json.loads(text))
        except (ValueError, KeyError, TypeError, MalformedSignature) as exc:
            raise TrustError(f"{path} is not a readable vouch statement: {exc}") from exc
        name = f"{keys.officer_slug(statement['officer'])}-{statement['key_id']}.json"
        (trust_root() / "officers" / name).write_text(text, encoding="utf-8")
        return (
            f"officer {statement['officer']} key {statement['key_id']}, "
            f"vouched for by unit key {unit.key_id_hex}"
        )
    try:
        public = minisign.parse_public_key(text)
    except MalformedSignature as exc:
        raise TrustError(f"{path} is neither a public key nor a vouch statement: {exc}") from exc
    (trust_root() / "units" / f"{public.key_id_hex}.pub").write_text(public.to_text(), "ascii")
    return f"unit key {public.key_id_hex}"


# -- who owns a key -----------------------------------------------------------------------------
def key_owners() -> dict[str, Owner]:
    """Raw public key (base64) -> owner and rule, for every key this workstation trusts."""
    from ..store import signing

    owners: dict[str, Owner] = {}
    for statement_path in sorted((trust_root() / "officers").glob("*.json")):
        try:
            statement, unit = _check_statement(json.loads(statement_path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError, TrustError, MalformedSignature):
            continue  # a statement whose unit key is gone no longer vouches
        owners[statement["public_key"]] = Owner(
            "officer",
            statement["officer"],
            statement["key_id"],
            f"vouched for by unit key {unit.key_id_hex}",
        )
    for info in keys.list_keys():
        owners[_raw_b64(info.public)] = Owner(
            "officer",
            info.officer,
            info.key_id,
            "made on this workstation" + ("" if info.current else " (retired)"),
            keys.replaced_lost_key(info),
        )
    ws = signing.workstation_key()
    owners[ws.public_b64] = Owner("workstation", ws.key_id, ws.key_id, "this workstation's key")
    return owners


def trusted_public_keys() -> list[PublicKey]:
    """Officer keys trusted for a package's seal: this workstation's and the vouched ones."""
    out = list(keys.trusted_local_keys())
    for raw, owner in key_owners().items():
        if owner.kind == "officer" and owner.rule.startswith("vouched"):
            key_id = bytes.fromhex(owner.key_id)[::-1]
            out.append(PublicKey(key_id=key_id, key=base64.b64decode(raw)))
    return out


def rule_for(public: PublicKey) -> str:
    """Why this workstation trusts `public` ("" when it does not)."""
    owner = key_owners().get(_raw_b64(public))
    return owner.rule if owner else ""
