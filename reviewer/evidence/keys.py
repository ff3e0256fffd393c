"""Officer signing keys: Ed25519, the private half only ever on disk encrypted with a passphrase.

Layout under the per-user folder: keys/<officer-slug>/<KEYID>.key (encrypted private key and
metadata, JSON), <KEYID>.pub (minisign public key) and `current` (the key id in use). Rotating
makes a new current key, deletes the old private key and keeps every old public key, so packages
signed before the rotation still verify. A key is never replaced silently: rotation needs the old
passphrase (the old key signs a statement naming the new one, <NEW>.rotation.json), and a lost
key is replaced only on request (<NEW>.lost.json), which every case touched afterwards logs.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from ..userdirs import user_home
from . import minisign
from .errors import KeyStoreError, WrongPassphrase
from .minisign import PublicKey

KEY_FORMAT = "livestream-reviewer-ed25519-key/1"
# scrypt at 2**17 x 8: 128 MiB and a fraction of a second per unlock, costly to guess at scale.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class KeyInfo:
    officer: str
    name: str
    key_id: str  # minisign's hex form
    fingerprint: str
    created_utc: str
    current: bool
    public_path: Path
    public: PublicKey


@dataclass(frozen=True)
class Signer:
    """An unlocked key, held in memory only for the export that needs it."""

    officer: str
    name: str
    private: Ed25519PrivateKey
    public: PublicKey

    def sign(self, message: bytes, trusted_comment: str) -> str:
        return minisign.sign(self.private, self.public.key_id, message, trusted_comment)


def keys_root() -> Path:
    path = user_home() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path


def officer_slug(officer: str) -> str:
    """A folder name for any officer id (Vietnamese names included)."""
    text = unicodedata.normalize("NFKD", officer.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "officer"
    return text[:60]


def _officer_dir(officer: str) -> Path:
    return keys_root() / officer_slug(officer)


def _write_private(path: Path, data: bytes) -> None:
    """Create a file readable by its owner only, atomically."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


class KeyExists(KeyStoreError):
    """The officer already has a key: rotating it needs the old passphrase or --replace-lost-key."""


ROTATION_FORMAT = "livestream-reviewer-key-rotation/1"
_META_KEYS = ("format", "officer", "name", "key_id", "public_key", "created_utc", "unit")


def _encrypt(private: Ed25519PrivateKey, public: PublicKey, passphrase: str, meta: dict) -> dict:
    """The private key sealed under the passphrase; `meta` is bound as associated data."""
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapping = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode("utf-8"))
    aad = json.dumps(meta, sort_keys=True).encode("utf-8")
    ciphertext = ChaCha20Poly1305(wrapping).encrypt(nonce, seed, aad)
    return {
        **meta,
        "key_id_bytes": base64.b64encode(public.key_id).decode(),
        "kdf": {
            "name": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode(),
        },
        "cipher": "chacha20-poly1305",
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ciphertext).decode(),
    }


def _decrypt(record: dict, passphrase: str, who: str) -> tuple[Ed25519PrivateKey, PublicKey]:
    kdf = record["kdf"]
    salt = base64.b64decode(kdf["salt"])
    wrapping = _kdf(salt, kdf["n"], kdf["r"], kdf["p"]).derive(passphrase.encode("utf-8"))
    meta = {k: record[k] for k in _META_KEYS if k in record}
    aad = json.dumps(meta, sort_keys=True).encode("utf-8")
    try:
        seed = ChaCha20Poly1305(wrapping).decrypt(
            base64.b64decode(record["nonce"]), base64.b64decode(record["ciphertext"]), aad
        )
    except InvalidTag as exc:
        raise WrongPassphrase(f"The passphrase does not open the key of {who}; try again.") from exc
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return private, minisign.public_key_of(private, base64.b64decode(record["key_id_bytes"]))


def create_key(
    officer: str,
    passphrase: str,
    name: str = "",
    *,
    old_passphrase: str | None = None,
    replace_lost_key: bool = False,
) -> KeyInfo:
    """Make a new key pair for `officer`.

    An officer who already has a key keeps it unless `old_passphrase` opens it (rotation: the
    old key signs the new one, its public key is kept) or `replace_lost_key` is set (recorded
    beside the new key and logged in every case the new key signs in; never trusted for the
    old key's past entries). Raises KeyExists otherwise.
    """
    officer = officer.strip()
    if not officer:
        raise KeyStoreError("Give the officer id the key belongs to (--officer).")
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyStoreError(
            f"The passphrase must have at least {MIN_PASSPHRASE} characters; choose a longer one."
        )
    folder = _officer_dir(officer)
    old = _current_id(folder)
    old_signer: Signer | None = None
    if old and not replace_lost_key:
        if old_passphrase is None:
            raise KeyExists(
                f"Officer {officer} already has key {old}. To rotate it, give its passphrase "
                "(--old-passphrase-file or $REVIEWER_OLD_PASSPHRASE); if it is lost, use "
                "--replace-lost-key (logged in every case; the new key never speaks for the "
                "old key's past entries)."
            )
        old_signer = unlock(old_passphrase, officer)
    private = Ed25519PrivateKey.generate()
    public = minisign.public_key_of(private, secrets.token_bytes(8))
    # The public key and identity are bound as associated data: swapping them breaks decryption.
    created = datetime.now(UTC).isoformat(timespec="seconds")
    meta = {
        "format": KEY_FORMAT,
        "officer": officer,
        "name": name,
        "key_id": public.key_id_hex,
        "public_key": base64.b64encode(public.key).decode(),
        "created_utc": created,
    }
    record = _encrypt(private, public, passphrase, meta)
    folder.mkdir(parents=True, exist_ok=True)
    pub_path = folder / f"{public.key_id_hex}.pub"
    _write_private(folder / f"{public.key_id_hex}.key", json.dumps(record, indent=2).encode())
    pub_path.write_text(public.to_text(_pub_comment(officer, name, public)), encoding="ascii")
    if old_signer is not None:
        statement = {
            "format": ROTATION_FORMAT,
            "officer": officer,
            "old_key_id": old,
            "new_key_id": public.key_id_hex,
            "new_public_key": base64.b64encode(public.key).decode(),
            "utc": created,
        }
        body = json.dumps(statement, sort_keys=True).encode("utf-8")
        sig = old_signer.sign(body, f"rotation of officer key {old} to {public.key_id_hex}")
        doc = {"statement": statement, "minisig": sig}
        (folder / f"{public.key_id_hex}.rotation.json").write_text(json.dumps(doc, indent=2))
    elif old:
        lost = {"replaces": old, "utc": created, "officer": officer}
        (folder / f"{public.key_id_hex}.lost.json").write_text(json.dumps(lost, indent=2))
    _write_private(folder / "current", public.key_id_hex.encode())
    if old and old != public.key_id_hex:
        # Retired: the old private key goes, its public key stays for older entries and packages.
        (folder / f"{old}.key").unlink(missing_ok=True)
    return _info(folder, public.key_id_hex)


def replaced_lost_key(info: KeyInfo) -> str:
    """The id of the lost key `info` replaced, or "" when it was made or rotated normally."""
    path = info.public_path.with_name(f"{info.key_id}.lost.json")
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["replaces"])
    except (OSError, ValueError, KeyError):
        return ""


def _pub_comment(officer: str, name: str, public: PublicKey) -> str:
    who = officer_slug(officer) + (f" ({officer_slug(name)})" if name else "")
    return f"minisign public key {public.key_id_hex} of officer {who}"


def _current_id(folder: Path) -> str | None:
    try:
        return (folder / "current").read_text().strip() or None
    except OSError:
        return None


def _read_record(folder: Path, key_id: str) -> dict:
    try:
        return json.loads((folder / f"{key_id}.key").read_text(encoding="utf-8"))
    except OSError as exc:
        raise KeyStoreError(f"The private key {key_id} is missing from {folder}.") from exc
    except ValueError as exc:
        raise KeyStoreError(f"The key file {folder / key_id}.key is damaged.") from exc


def _info(folder: Path, key_id: str) -> KeyInfo:
    pub_path = folder / f"{key_id}.pub"
    public = minisign.parse_public_key(pub_path.read_text(encoding="ascii"))
    officer, name, created = folder.name, "", ""
    key_file = folder / f"{key_id}.key"
    if key_file.exists():
        record = _read_record(folder, key_id)
        officer, name, created = record["officer"], record.get("name", ""), record["created_utc"]
    else:
        # A retired key: its officer is known from any other key of the same folder.
        for other in folder.glob("*.key"):
            officer = _read_record(folder, other.stem)["officer"]
    return KeyInfo(
        officer=officer,
        name=name,
        key_id=key_id,
        fingerprint=public.fingerprint,
        created_utc=created,
        current=_current_id(folder) == key_id,
        public_path=pub_path,
        public=public,
    )


def list_keys(officer: str | None = None) -> list[KeyInfo]:
    """Every key known on this workstation (current first per officer), or one officer's."""
    folders = [_officer_dir(officer)] if officer else sorted(keys_root().iterdir())
    out: list[KeyInfo] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        current = _current_id(folder)
        ids = sorted(p.stem for p in folder.glob("*.pub"))
        ids.sort(key=lambda k: k != current)
        out.extend(_info(folder, k) for k in ids)
    return out


def current_key(officer: str | None = None) -> KeyInfo:
    """The officer's current key; without an officer, the only officer's key on this machine."""
    if officer:
        folder = _officer_dir(officer)
        key_id = _current_id(folder)
        if not key_id:
            raise KeyStoreError(
                f"Officer {officer} has no signing key yet: create one with "
                f"`reviewer keys create --officer {officer}`."
            )
        return _info(folder, key_id)
    currents = [k for k in list_keys() if k.current]
    if not currents:
        raise KeyStoreError(
            "No signing key yet: create one with `reviewer keys create --officer ID`."
        )
    if len(currents) > 1:
        names = ", ".join(k.officer for k in currents)
        raise KeyStoreError(f"Several officers have keys here ({names}): say which with --officer.")
    return currents[0]


def trusted_local_keys() -> list[PublicKey]:
    """Public keys of this workstation's officers, retired ones included."""
    return [k.public for k in list_keys()]


def unlock(passphrase: str, officer: str | None = None) -> Signer:
    """Decrypt the officer's current private key into memory."""
    info = current_key(officer)
    folder = info.public_path.parent
    record = _read_record(folder, info.key_id)
    if record.get("format") != KEY_FORMAT:
        raise KeyStoreError(f"The key file for {info.key_id} has an unknown format.")
    private, public = _decrypt(record, passphrase, f"officer {info.officer}")
    if public != info.public:
        raise KeyStoreError(f"The key files for {info.key_id} do not belong together.")
    return Signer(
        officer=record["officer"], name=record.get("name", ""), private=private, public=public
    )


def export_public(out: Path, officer: str | None = None) -> KeyInfo:
    """Write the officer's current public key in minisign format to `out`."""
    info = current_key(officer)
    out.write_text(info.public_path.read_text(encoding="ascii"), encoding="ascii")
    return info
