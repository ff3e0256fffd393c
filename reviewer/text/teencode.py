"""The teencode / abbreviation table: whole-token rewrites such as "ko" -> "không", "stk" -> "số tài khoản".

Data lives in resources/lexicons/_teencode.tsv so an agency can extend it without code changes.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from reviewer.paths import lexicon_dir
from reviewer.text.errors import LexiconError

TEENCODE_FILE = "_teencode.tsv"


def parse_teencode(text: str, origin: str = "<string>") -> dict[str, tuple[str, ...]]:
    """Parse `abbreviation<TAB>expansion` lines; '#' starts a comment. Keys are NFC lowercase."""
    table: dict[str, tuple[str, ...]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("\t") if p.strip()]
        if len(parts) != 2:
            raise LexiconError(
                f"{origin}:{number}: expected 'abbreviation<TAB>expansion', got {raw!r}; "
                "fix or comment out the line."
            )
        key = unicodedata.normalize("NFC", parts[0]).lower()
        table[key] = tuple(unicodedata.normalize("NFC", parts[1]).lower().split())
    return table


@lru_cache(maxsize=8)
def load_teencode(directory: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Load the table from `directory` (default: the shipped lexicon folder); cached per folder."""
    path = (directory or lexicon_dir()) / TEENCODE_FILE
    if not path.is_file():
        return {}  # an agency may delete the file to switch expansion off
    try:
        return parse_teencode(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"Cannot read the teencode table {path}: {exc}") from exc
