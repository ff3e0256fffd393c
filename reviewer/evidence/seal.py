"""The seal: a small JSON document naming the package and pinning its tag manifests, signed.

The signature covers seal.json; seal.json covers the tag manifests; they cover the manifests and
tag files; the manifests cover every payload file. Break any link and verification fails.
"""

from __future__ import annotations

import json
from typing import Any

SEAL_FORMAT = "livestream-reviewer-seal/1"
SEAL_PATH = "seal/seal.json"
SIG_PATH = "seal/seal.json.minisig"
REQUIRED = (
    "format",
    "package_id",
    "case_id",
    "created_utc",
    "tool",
    "signer",
    "payload_oxum",
    "tag_manifests",
    "audit",
)


def seal_bytes(seal: dict[str, Any]) -> bytes:
    """Canonical bytes: the same document always serialises the same way."""
    return (json.dumps(seal, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def trusted_comment(seal: dict[str, Any]) -> str:
    """Signed along with the seal and printed by `minisign -V`: who sealed which package, when."""
    return (
        f"livestream-reviewer seal {seal['package_id']} case {seal['case_id']} "
        f"signer {seal['signer']['key_id']} utc {seal['created_utc']}"
    )


def parse_seal(data: bytes) -> dict[str, Any]:
    """seal.json as a dict; ValueError when it is not one of ours."""
    seal = json.loads(data.decode("utf-8"))
    if not isinstance(seal, dict) or seal.get("format") != SEAL_FORMAT:
        raise ValueError("seal.json is not a livestream-reviewer seal")
    missing = [k for k in REQUIRED if k not in seal]
    if missing:
        raise ValueError(f"seal.json lacks {', '.join(missing)}")
    return seal
