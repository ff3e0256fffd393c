"""Lexicon changes the decisions suggest, and writing them into the agency's lexicon folder.

Remove: a term behind at least MIN_REJECTED flags of which at least REJECTED_SHARE were rejected.
Add: a word or phrase (1-3 words, compared folded) found in at least MIN_POSITIVE_ITEMS distinct
sightings (sentences or on-screen lines, near-copies counted once; a single word needs one more;
no phrase starts or ends with a common word)
in confirmed or officer-made moments of one category that no lexicon term explained (the misses), never in the text the officers saw and did not flag
(rejected flags and everything outside the confirmed moments), and not matched by the lexicon
already. Edits never touch the shipped lexicons: the first edit copies them into the agency folder.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..paths import lexicon_dir as shipped_lexicon_dir
from ..text.lexicon import LEARNED_MARK, Lexicon, parse_terms
from ..text.matcher import LexiconMatcher
from ..text.normalize import tokenize
from .decisions import CaseDecisions, Decision
from .errors import LearnError

MIN_REJECTED = 2
REJECTED_SHARE = 0.75
MIN_POSITIVE_ITEMS = 2
MAX_NGRAM = 3
SAME_SIGHTING = 0.5  # word-set overlap (Jaccard) above which two texts are one sighting
MAX_ADDS_PER_CATEGORY = 8
ADDED_WEIGHT = 0.7  # strong enough to raise a flag alone (lexicon.py: >= 0.65)
EXAMPLES = 3
# The lexicons' common-words file is Vietnamese; mixed streams need the English ones too.
EDGE_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "is",
        "are",
        "was",
        "be",
        "it",
        "this",
        "that",
        "these",
        "those",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
        "my",
        "your",
        "our",
        "their",
        "also",
        "can",
        "will",
        "just",
        "so",
        "get",
        "got",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "not",
        "no",
        "yes",
    ]
)


@dataclass
class TermRemoval:
    id: str
    category: str
    term: str
    rejected: int
    confirmed: int
    examples: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TermAddition:
    id: str
    category: str
    phrase: str
    moments: int  # distinct sentences or on-screen lines of such moments it appears in
    examples: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def propose_removals(decisions: list[Decision], lexicon: Lexicon) -> list[TermRemoval]:
    known = {(t.category, t.phrase) for t in lexicon.terms}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in decisions:
        if d.label not in ("confirmed", "rejected"):
            continue
        for term in dict.fromkeys(d.matched):
            key = (d.category, term)
            if key not in known:
                continue  # a pattern or the model's reason, not a lexicon line
            counts[key][d.label] += 1
            if d.label == "rejected" and len(examples[key]) < EXAMPLES and d.text:
                examples[key].append(d.text[:200])
    out = []
    for (category, term), c in sorted(counts.items()):
        total = c["rejected"] + c["confirmed"]
        if c["rejected"] >= MIN_REJECTED and c["rejected"] >= REJECTED_SHARE * total:
            out.append(
                TermRemoval(
                    f"lexicon-remove:{category}:{term}",
                    category,
                    term,
                    c["rejected"],
                    c["confirmed"],
                    examples[(category, term)],
                )
            )
    return out


def _ngrams(text: str) -> dict[str, str]:
    """{folded n-gram: its words as written} for the words of a text."""
    words = [t for t in tokenize(text) if t.kind == "word"]
    out: dict[str, str] = {}
    for n in range(1, MAX_NGRAM + 1):
        for i in range(len(words) - n + 1):
            piece = words[i : i + n]
            out.setdefault(" ".join(w.folded for w in piece), " ".join(w.text for w in piece))
    return out


def distinct_sightings(texts: list[str]) -> int:
    """How many of the texts are not near-copies of another (the same screen template, the same
    chat line read twice): near-copies say one thing once."""
    kept: list[set[str]] = []
    for text in texts:
        words = {t.folded for t in tokenize(text) if t.kind == "word"}
        if not any(len(words & k) / max(1, len(words | k)) > SAME_SIGHTING for k in kept):
            kept.append(words)
    return len(kept)


def propose_additions(cases: list[CaseDecisions], lexicon: Lexicon) -> list[TermAddition]:
    matcher = LexiconMatcher(lexicon.terms, lexicon.common_words)
    seen_elsewhere: set[str] = set()
    for cd in cases:
        for text in cd.background:
            seen_elsewhere.update(_ngrams(text))
        for d in cd.decisions:
            if d.label == "rejected":
                seen_elsewhere.update(_ngrams(d.text))
    # Counted per unit (segment or on-screen line) and per decision: two flags standing on the
    # same sentence are one sighting, not two.
    units: dict[tuple[str, str], dict] = defaultdict(dict)
    moments: dict[tuple[str, str], set] = defaultdict(set)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    surface: dict[str, str] = {}
    known = {(t.category, t.phrase) for t in lexicon.terms}
    for cd in cases:
        for d in cd.decisions:
            if not d.positive or any((d.category, term) in known for term in d.matched):
                continue  # only moments the lexicon did not explain need a new term
            texts = [(k, cd.unit_text.get(k, "")) for k in d.units] or [
                (("flag", d.flag_id), d.text)
            ]
            for key, text in texts:
                for folded, written in _ngrams(text).items():
                    units[(d.category, folded)][(cd.case_id, key)] = text
                    moments[(d.category, folded)].add((cd.case_id, d.flag_id))
                    surface.setdefault(folded, written)
                    if text[:200] not in examples[(d.category, folded)]:
                        examples[(d.category, folded)].append(text[:200])
    candidates: dict[str, list[TermAddition]] = defaultdict(list)
    for (category, folded), seen in units.items():
        words = folded.split()
        # A single word is weaker evidence than a phrase: it needs one more sighting.
        needed = MIN_POSITIVE_ITEMS + (len(words) == 1)
        if min(len(seen), len(moments[(category, folded)])) < needed:
            continue
        sightings = distinct_sightings(list(seen.values()))
        if sightings < needed:
            continue
        if folded in seen_elsewhere or len(folded) < 4:
            continue
        if all(w in lexicon.common_words for w in words):
            continue
        stop = lexicon.common_words | EDGE_STOP_WORDS
        if surface[folded].split()[0] in stop or surface[folded].split()[-1] in stop:
            continue  # "get you a", "bán lai xa": a phrase starts and ends with its content
        if any(m.category == category for m in matcher.match(surface[folded])):
            continue  # the lexicon already catches it
        candidates[category].append(
            TermAddition(
                f"lexicon-add:{category}:{surface[folded]}",
                category,
                surface[folded],
                sightings,
                examples[(category, folded)][:EXAMPLES],
            )
        )
    out = []
    for _category, items in sorted(candidates.items()):
        # A shorter phrase inside a longer one found as often says nothing more.
        items.sort(key=lambda a: (-a.moments, -len(a.phrase.split()), a.phrase))
        kept: list[TermAddition] = []
        for item in items:
            if any(item.phrase in k.phrase and item.moments <= k.moments for k in kept):
                continue
            kept.append(item)
        out.extend(kept[:MAX_ADDS_PER_CATEGORY])
    return out


# -- applying ------------------------------------------------------------------------------------
def agency_folder(configured: str, home: Path) -> Path:
    """The folder edits go to: the configured agency folder, or a copy of the shipped one."""
    if configured:
        folder = Path(configured)
        if not folder.is_dir():
            raise LearnError(f"The lexicon folder {folder} in Settings does not exist.")
        return folder
    folder = home / "lexicons"
    if not folder.exists():
        shutil.copytree(shipped_lexicon_dir(), folder)
    return folder


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def remove_term(folder: Path, removal: TermRemoval) -> tuple[str, str] | None:
    """Comment out the term's line, saying why; (old line, new line), or None when the folder
    does not hold it."""
    path = folder / f"{removal.category}.txt"
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for i, line in enumerate(lines):
        terms = parse_terms(line, removal.category)
        if terms and terms[0].phrase == removal.term:
            lines[i] = (
                f"# {line.strip()}  # removed by reviewer learn {_stamp()}: "
                f"rejected {removal.rejected} of {removal.rejected + removal.confirmed}"
            )
            _write(path, lines)
            return line, lines[i]
    return None


def add_term(folder: Path, addition: TermAddition) -> tuple[str, str] | None:
    """Append the phrase with where it came from; ("", new line), or None if already there."""
    path = folder / f"{addition.category}.txt"
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if any(t.phrase == addition.phrase for t in parse_terms("\n".join(lines), addition.category)):
        return None
    lines.append(
        f"{addition.phrase} | {ADDED_WEIGHT}  # {LEARNED_MARK} {_stamp()}: "
        f"in {addition.moments} confirmed moments, none elsewhere"
    )
    _write(path, lines)
    return "", lines[-1]


def undo_line_edit(folder: Path, category: str, old: str, new: str) -> bool:
    """Put back what remove_term or add_term changed (old "" : the added line goes)."""
    path = folder / f"{category}.txt"
    if not path.is_file():
        return False
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if new not in lines:
        return False
    i = lines.index(new)
    if old:
        lines[i] = old
    else:
        del lines[i]
    _write(path, lines)
    return True


def _write(path: Path, lines: list[str]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
