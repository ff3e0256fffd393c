"""minisign's key and signature formats, so the stock `minisign -V` checks our seals.

Signature ("ED", prehashed): Ed25519 over BLAKE2b-512 of the file; the trusted comment is signed
too, as Ed25519 over (signature || comment bytes). Public key: "Ed" + 8-byte key id + 32 bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import MalformedSignature

PK_ALG = b"Ed"
SIG_ALG_HASHED = b"ED"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
COMMENT_MAX = 1024  # minisign's COMMENTMAXBYTES


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in the files
    key: bytes  # 32-byte raw Ed25519 public key

    @property
    def key_id_hex(self) -> str:
        """The id as minisign prints it (the little-endian number, upper-case hex)."""
        return self.key_id[::-1].hex().upper()

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the raw public key: what an officer reads out to confirm a key."""
        return hashlib.sha256(self.key).hexdigest()

    def to_text(self, comment: str | None = None) -> str:
        comment = comment or f"minisign public key {self.key_id_hex}"
        blob = base64.b64encode(PK_ALG + self.key_id + self.key).decode("ascii")
        return f"{UNTRUSTED}{_one_line(comment)}\n{blob}\n"


@dataclass(frozen=True)
class Signature:
    key_id: bytes
    signature: bytes  # over BLAKE2b-512 of the message
    trusted_comment: str
    global_signature: bytes  # over signature || trusted comment
    untrusted_comment: str = ""


def fingerprint_groups(fingerprint: str) -> str:
    """Hex in groups of four, easier to read aloud and compare."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def _one_line(text: str) -> str:
    text = text.replace("\r", " ").replace("\n", " ")
    if len(text.encode("utf-8")) > COMMENT_MAX - 32:
        raise ValueError("minisign comments are limited to about 1000 bytes")
    return text


def _b64(line: str, what: str) -> bytes:
    try:
        return base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MalformedSignature(f"The {what} is not valid base64: {exc}.") from exc


def parse_public_key(text: str) -> PublicKey:
    """A minisign public key file, or just its base64 line."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if lines and lines[0].startswith(UNTRUSTED):
        lines = lines[1:]
    if len(lines) != 1:
        raise MalformedSignature("A minisign public key is one comment line and one key line.")
    raw = _b64(lines[0], "public key")
    if len(raw) != 42 or raw[:2] != PK_ALG:
        raise MalformedSignature("This is not an Ed25519 minisign public key.")
    return PublicKey(key_id=raw[2:10], key=raw[10:])


def public_key_of(private: Ed25519PrivateKey, key_id: bytes) -> PublicKey:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return PublicKey(key_id=key_id, key=raw)


def sign(
    private: Ed25519PrivateKey,
    key_id: bytes,
    message: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from livestream-reviewer",
) -> str:
    """The text of a `.minisig` file for `message`."""
    trusted_comment = _one_line(trusted_comment)
    prehash = hashlib.blake2b(message, digest_size=64).digest()
    signature = private.sign(prehash)
    global_sig = private.sign(signature + trusted_comment.encode("utf-8"))
    return (
        f"{UNTRUSTED}{_one_line(untrusted_comment)}\n"
        f"{base64.b64encode(SIG_ALG_HASHED + key_id + signature).decode('ascii')}\n"
        f"{TRUSTED}{trusted_comment}\n"
        f"{base64.b64encode(global_sig).decode('ascii')}\n"
    )


def parse_signature(text: str) -> Signature:
    lines = text.splitlines()
    if len(lines) < 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
        raise MalformedSignature(
            "The signature file does not have minisign's four lines "
            "(untrusted comment, signature, trusted comment, comment signature)."
        )
    if any(ln.strip() for ln in lines[4:]):
        raise MalformedSignature("The signature file has extra lines after the signature.")
    raw = _b64(lines[1], "signature")
    if len(raw) != 74:
        raise MalformedSignature("The signature has the wrong length.")
    if raw[:2] != SIG_ALG_HASHED:
        raise MalformedSignature("Only prehashed (ED) minisign signatures are accepted.")
    global_sig = _b64(lines[3], "comment signature")
    if len(global_sig) != 64:
        raise MalformedSignature("The comment signature has the wrong length.")
    return Signature(
        key_id=raw[2:10],
        signature=raw[10:],
        trusted_comment=lines[2][len(TRUSTED) :],
        global_signature=global_sig,
        untrusted_comment=lines[0][len(UNTRUSTED) :],
    )


def check(public: PublicKey, message: bytes, sig: Signature) -> bool:
    """True when both the signature and the trusted comment's signature hold under `public`."""
    if sig.key_id != public.key_id:
        return False
    key = Ed25519PublicKey.from_public_bytes(public.key)
    prehash = hashlib.blake2b(message, digest_size=64).digest()
    try:
        key.verify(sig.signature, prehash)
        key.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        return False
    return True
