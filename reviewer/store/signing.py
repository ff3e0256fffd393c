"""Who signs an audit entry: the officer's unlocked key, or this workstation's machine key.

An officer's key is unlocked once per session (`unlock_session`, by passphrase) and kept in
memory for that process only. Machine entries (analysis, detection) are signed by a
per-workstation key made on first use in the user folder. Each signature covers the case id and
the entry's hash (which covers its content and the entry before it), so an entry cannot be
edited, moved into another case or re-chained without the key.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import socket
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ..userdirs import user_home

DOMAIN = b"livestream-reviewer audit entry/1\n"
WORKSTATION_KEY_FORMAT = "livestream-reviewer-workstation-key/1"

#: Entries the analysis writes: signed by the workstation's key. Every other action is an
#: officer's and is signed by that officer's key when it is unlocked.
MACHINE_ACTIONS = frozenset(
    {
        "case.create",
        "media.ingest",
        "media.analyzed",
        "media.failed",
        "flags.update",
        "analysis.range",
        "analysis.start",
        "analysis.finish",
    }
)


def is_machine(action: str) -> bool:
    return action in MACHINE_ACTIONS or action.startswith(("analysis.", "media."))


@dataclass(frozen=True)
class EntryKey:
    """A private key able to sign audit entries, and how it is named."""

    private: Ed25519PrivateKey
    key_id: str  # hex, as `reviewer keys show` prints it
    public_b64: str  # raw 32-byte Ed25519 public key, base64
    officer: str | None  # None: the workstation's machine key
    replaced_lost: str = ""  # the key id this key replaced as lost ("" when none)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.private.sign(message)).decode("ascii")


def message(case_id: str, digest: str) -> bytes:
    return DOMAIN + case_id.encode("utf-8") + b"\n" + digest.encode("ascii")


def public_b64(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@lru_cache(maxsize=4096)
def _public(public_key_b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64))


def check(public_key_b64: str, case_id: str, digest: str, signature_b64: str) -> bool:
    """True when `signature_b64` is the key's signature of this entry of this case."""
    try:
        sig, msg = base64.b64decode(signature_b64), message(case_id, digest)
        if _sodium_open is not None:  # libsodium verifies about twice as fast as OpenSSL
            _sodium_open(sig + msg, _raw(public_key_b64))
        else:
            _public(public_key_b64).verify(sig, msg)
    except (InvalidSignature, ValueError, TypeError, _SodiumBadSignature):
        return False
    return True


@lru_cache(maxsize=4096)
def _raw(public_key_b64: str) -> bytes:
    raw = base64.b64decode(public_key_b64)
    if len(raw) != 32:
        raise ValueError("not an Ed25519 public key")
    return raw


try:  # optional: PyNaCl (libsodium); without it, `cryptography` checks the same signatures
    from nacl.bindings import crypto_sign_open as _sodium_open
    from nacl.exceptions import CryptoError as _SodiumBadSignature
except ImportError:  # pragma: no cover - depends on the installation
    _sodium_open = None

    class _SodiumBadSignature(Exception):  # type: ignore[no-redef]
        pass


# -- the session: officer keys unlocked in this process ---------------------------------------
_SESSION: dict[tuple[str, str], EntryKey] = {}


def _home() -> str:
    return str(user_home())


def register_signer(signer: object) -> EntryKey:
    """Keep an unlocked `reviewer.evidence.keys.Signer` for this process's audit entries."""
    from ..evidence import keys

    info = keys.current_key(signer.officer)  # type: ignore[attr-defined]
    entry_key = EntryKey(
        private=signer.private,  # type: ignore[attr-defined]
        key_id=signer.public.key_id_hex,  # type: ignore[attr-defined]
        public_b64=public_b64(signer.private),  # type: ignore[attr-defined]
        officer=signer.officer,  # type: ignore[attr-defined]
        replaced_lost=keys.replaced_lost_key(info),
    )
    _SESSION[(_home(), signer.officer)] = entry_key  # type: ignore[attr-defined]
    return entry_key


def unlock_session(officer: str, passphrase: str) -> EntryKey:
    """Unlock the officer's key once; every audit entry of that officer is then signed by it.

    Raises WrongPassphrase or KeyStoreError (reviewer.evidence.errors) with a message to show.
    """
    from ..evidence import keys

    return register_signer(keys.unlock(passphrase, officer))


def session_key(officer: str) -> EntryKey | None:
    return _SESSION.get((_home(), officer))


def lock_session(officer: str | None = None) -> None:
    """Forget unlocked keys (one officer's, or all)."""
    for key in list(_SESSION):
        if officer is None or key[1] == officer:
            del _SESSION[key]


def has_officer_key(officer: str) -> bool:
    from ..evidence import keys

    try:
        keys.current_key(officer)
    except Exception:  # noqa: BLE001 - no key, or an unreadable key folder: not unlockable
        return False
    return True


# -- the workstation's own key ----------------------------------------------------------------
def workstation_key_dir() -> Path:
    path = user_home() / "workstation-key"
    path.mkdir(parents=True, exist_ok=True)
    return path


_WS_CACHE: dict[str, EntryKey] = {}


def workstation_key() -> EntryKey:
    """This workstation's machine key, made on first use (readable by this user only)."""
    home = _home()
    cached = _WS_CACHE.get(home)
    if cached is not None:
        return cached
    path = workstation_key_dir() / "workstation.key"
    if path.exists():
        record = json.loads(path.read_text(encoding="utf-8"))
        private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(record["seed"]))
        key_id = record["key_id"]
    else:
        private = Ed25519PrivateKey.generate()
        key_id = secrets.token_bytes(8).hex().upper()
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        record = {
            "format": WORKSTATION_KEY_FORMAT,
            "key_id": key_id,
            "workstation": socket.gethostname(),
            "seed": base64.b64encode(seed).decode("ascii"),
            "public_key": public_b64(private),
        }
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh)
        os.replace(tmp, path)
        (path.with_suffix(".pub")).write_text(
            json.dumps({"key_id": key_id, "public_key": record["public_key"]}), encoding="utf-8"
        )
    key = EntryKey(private, key_id, public_b64(private), None)
    _WS_CACHE[home] = key
    return key


def key_for(officer: str, action: str) -> EntryKey:
    """The key that signs an entry: the officer's unlocked key for an officer action, else the
    workstation's (an officer action signed so is reported as not signed by the officer)."""
    if not is_machine(action):
        key = session_key(officer) or _unlock_from_env(officer)
        if key is not None:
            return key
    return workstation_key()


_ENV_TRIED: set[tuple[str, str]] = set()


def _unlock_from_env(officer: str) -> EntryKey | None:
    """Commands run with $REVIEWER_PASSPHRASE sign with the officer's key (tried once)."""
    passphrase = os.environ.get("REVIEWER_PASSPHRASE")
    if passphrase is None or (_home(), officer) in _ENV_TRIED:
        return None
    _ENV_TRIED.add((_home(), officer))
    if not has_officer_key(officer):
        return None
    try:
        return unlock_session(officer, passphrase)
    except Exception:  # noqa: BLE001 - a wrong passphrase: the workstation signs, audit says so
        return None
