"""Per-category lexicons as editable data files.

resources/lexicons/<category>.txt holds one term or phrase per line ('#' starts a comment, UTF-8).
The category id is the file stem, so an agency adds a category by adding a file. A line may carry
options after a '|':

    cá độ                 # weight 0.8 (default), tolerant matching
    kèo | 0.3             # weak on its own: needs another term, a pattern or the model
    lồn | 0.9 exact       # diacritics required ("lon" is also a beer can)
    bet | folded          # diacritic-insensitive, but no sound merges or typo tolerance

categories.json maps ids to Vietnamese and English labels. Files whose name starts with '_' are
helper data (teencode table, common words, warning cues), not categories.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.paths import lexicon_dir
from reviewer.text.errors import LexiconError

DEFAULT_WEIGHT = 0.8
MODES = ("tolerant", "folded", "exact")
CATEGORIES_FILE = "categories.json"
COMMON_WORDS_FILE = "_common_words.txt"
WARNING_CUES_FILE = "_warning_cues.txt"
WARNING = "_warning"  # pseudo-category of the cue phrases
_CATEGORY_ID = re.compile(r"[a-z0-9][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label_vi: str
    label_en: str


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    phrase: str
    weight: float = DEFAULT_WEIGHT
    mode: str = "tolerant"
    origin: str = ""  # "file:line", shown when someone asks why a term matched
    learned: bool = False  # added by `reviewer learn` from officers' decisions


@dataclass(slots=True)
class Lexicon:
    categories: dict[str, Category]
    terms: list[Term]
    common_words: frozenset[str] = frozenset()
    warning_cues: list[Term] = field(default_factory=list)
    sha256: str = ""  # over every file read, for provenance of each detection
    directory: Path | None = None

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        """Read every lexicon file in `directory` (default: the shipped resources/lexicons)."""
        folder = directory or lexicon_dir()
        if not folder.is_dir():
            raise LexiconError(
                f"Lexicon folder {folder} does not exist; reinstall or point to one."
            )
        digest = hashlib.sha256()
        labels = _read_labels(folder / CATEGORIES_FILE, digest)
        categories: dict[str, Category] = {}
        terms: list[Term] = []
        for path in sorted(folder.glob("*.txt")):
            if path.name.startswith("_"):
                continue
            cid = path.stem
            if not _CATEGORY_ID.fullmatch(cid):
                raise LexiconError(
                    f"Lexicon file {path.name}: the name is the category id and must use only "
                    "lower-case ASCII letters, digits and '_' (e.g. 'hang_gia.txt')."
                )
            vi, en = labels.get(cid, (cid, cid))
            categories[cid] = Category(cid, vi, en)
            terms.extend(parse_terms(_read(path, digest), cid, path.name))
        if not categories:
            raise LexiconError(f"No lexicon files (*.txt) in {folder}.")
        common = frozenset(
            unicodedata.normalize("NFC", t.phrase).lower()
            for t in parse_terms(_read(folder / COMMON_WORDS_FILE, digest, optional=True), "_", "")
        )
        cues = parse_terms(
            _read(folder / WARNING_CUES_FILE, digest, optional=True), WARNING, WARNING_CUES_FILE
        )
        return cls(categories, terms, common, cues, digest.hexdigest(), folder)


# The comment `reviewer learn` writes after a term it adds (reviewer/learn/lexicon_edits.py).
LEARNED_MARK = "added by reviewer learn"


def parse_terms(text: str, category: str, origin: str = "<string>") -> list[Term]:
    """Parse lexicon lines into Terms; a malformed option names the file and line."""
    terms: list[Term] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        phrase, _, options = line.partition("|")
        phrase = " ".join(unicodedata.normalize("NFC", phrase).split())
        weight, mode = DEFAULT_WEIGHT, "tolerant"
        for opt in options.split():
            if opt in MODES:
                mode = opt
                continue
            try:
                weight = float(opt)
            except ValueError:
                raise LexiconError(
                    f"{origin}:{number}: unknown option {opt!r}; use a weight (0-1] or one of {MODES}."
                ) from None
            if not 0 < weight <= 1:
                raise LexiconError(f"{origin}:{number}: weight {weight} must be in (0, 1].")
        if phrase:
            learned = LEARNED_MARK in raw.partition("#")[2]
            terms.append(Term(category, phrase, weight, mode, f"{origin}:{number}", learned))
    return terms


def _read(path: Path, digest: hashlib._Hash, optional: bool = False) -> str:
    if optional and not path.is_file():
        return ""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")  # Notepad may add a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"Cannot read lexicon file {path} as UTF-8: {exc}") from exc
    digest.update(path.name.encode() + b"\0" + data + b"\0")
    return text


def _read_labels(path: Path, digest: hashlib._Hash) -> dict[str, tuple[str, str]]:
    raw = _read(path, digest, optional=True)
    if not raw:
        return {}
    try:
        data = json.loads(raw)
        return {cid: (str(v["vi"]), str(v["en"])) for cid, v in data.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LexiconError(f"{path}: expected {{id: {{'vi': label, 'en': label}}}}: {exc}") from exc


def category_table(directory: Path | None = None) -> dict[str, dict[str, Any]]:
    """categories.json of a lexicon folder (default: the shipped one), in file order:
    id -> {"vi", "en", "short": {"vi", "en"}}. Empty when the file is missing or unreadable.

    The one place the category list is read: the UI, the report, learning and the tests ask here
    instead of writing the ids out.
    """
    try:
        raw = json.loads(((directory or lexicon_dir()) / CATEGORIES_FILE).read_text("utf-8-sig"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(cid): entry for cid, entry in raw.items() if isinstance(entry, dict)}


def category_ids(directory: Path | None = None) -> list[str]:
    """The category ids a lexicon folder defines (its *.txt files and categories.json), cheaply:
    an officer's flag may use any of them without loading and compiling every term."""
    folder = directory or lexicon_dir()
    ids = [p.stem for p in sorted(folder.glob("*.txt")) if not p.name.startswith("_")]
    return list(dict.fromkeys([*category_table(folder), *ids]))
