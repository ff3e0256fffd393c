"""BagIt (RFC 8493) files: bagit.txt, bag-info.txt, manifests and tag manifests; safe names.

Manifest lines are "<hex>  <path>" (two spaces), which both BagIt and `sha256sum -c` read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ALGORITHMS = ("sha256", "sha512")
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
HEX = {"sha256": re.compile(r"[0-9a-f]{64}"), "sha512": re.compile(r"[0-9a-f]{128}")}
# Plain ASCII names only: every file system and every OS reads them the same way.
SAFE_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*")


class BagFormatError(ValueError):
    """A manifest or tag file that does not follow the format (or tries a path trick)."""


def ascii_name(name: str, limit: int = 80) -> str:
    """A plain-ASCII file name for the stick; the original name is kept in case.json."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    text = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-") or "file"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext).lower()[:8]
    text = text[: limit - len(ext) - 1]
    return f"{text}.{ext}" if ext else text


def check_path(path: str) -> str:
    """Reject anything but a plain relative ASCII path: no `..`, absolute, drive or odd names."""
    if not SAFE_PATH.fullmatch(path):
        raise BagFormatError(f"unsafe or non-ASCII path in a manifest: {path!r}")
    if any(part in (".", "..") for part in path.split("/")):
        raise BagFormatError(f"path with '.' or '..' in a manifest: {path!r}")
    return path


def manifest_text(entries: dict[str, str]) -> str:
    """Manifest lines, sorted by path for a stable file."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(entries.items()))


def parse_manifest(text: str, algorithm: str) -> dict[str, str]:
    """path -> hex digest; raises BagFormatError on bad lines, unsafe or duplicate paths."""
    out: dict[str, str] = {}
    folded: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        digest, sep, path = line.partition("  ")
        if not sep or not HEX[algorithm].fullmatch(digest):
            raise BagFormatError(f"line {number} of the {algorithm} manifest is malformed")
        check_path(path)
        key = path.casefold()
        if path in out or key in folded:
            raise BagFormatError(f"{path!r} is listed twice (or twice with a different case)")
        out[path] = digest
        folded.add(key)
    return out


@dataclass(frozen=True)
class BagInfo:
    fields: list[tuple[str, str]]

    def get(self, label: str) -> str | None:
        for key, value in self.fields:
            if key == label:
                return value
        return None


def bag_info_text(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{k}: {v}\n" for k, v in fields)


def parse_bag_info(text: str) -> BagInfo:
    fields: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line:
            continue
        if line[0] in " \t" and fields:  # continuation line
            key, value = fields[-1]
            fields[-1] = (key, value + " " + line.strip())
            continue
        key, sep, value = line.partition(": ")
        if not sep or not key:
            raise BagFormatError("bag-info.txt has a line that is not 'Label: value'")
        fields.append((key, value))
    return BagInfo(fields)


def payload_oxum(sizes: list[int]) -> str:
    return f"{sum(sizes)}.{len(sizes)}"
