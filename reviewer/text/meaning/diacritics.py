"""Tone marks put back on Vietnamese typed or heard without them, before the meaning model reads it.

The sentence encoder understands "tài khoản bị khóa" and hardly "tai khoan bi khoa": on the held-out
sets its alone-recall fell from about 0.8 to 0.2-0.4 once every tone was stripped. Two models
restore the marks, word by word:
- a character CRF (pyvi's `vidiac.crfsuite`, MIT, trained on Vietnamese news; run by
  python-crfsuite, MIT) proposes a reading from the letters around each one;
- a syllable bigram model (`diacritic_lm.json.gz`, made by models/text/train_diacritics.py from
  pyvi's word list and the meaning corpus's train sentences) chooses among every marked form of
  each word it has seen, the CRF's reading given a head start (Viterbi).
With every mark taken off the dev split, the CRF alone restored 0.57 of the words, both together
0.80. Any Vietnamese text is restored (at least half of its words Vietnamese), and in it only the
syllables that came with no mark: words typed with their marks, English words, teencode and
numbers are kept as typed. The restored form is what the meaning model reads; lexicons, patterns
and what the officer sees keep the text as written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import string
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from reviewer.errors import ModelError
from reviewer.paths import text_model_dir
from reviewer.text.errors import TextModelError

CRF_MODEL = "pyvi-vidiac-crf"  # manifest name; assembled from the pyvi wheel
CRF_FILE = "vidiac.crfsuite"
LM_FILE = "diacritic_lm.json.gz"
START = "<s>"
# Interpolation weight of the unigram in the bigram model, and the CRF reading's head start (as a
# probability factor), tried on a third of the dev split (train_diacritics.py): 0.80 of its words
# right; weights 2 / 200 gave 0.78 / 0.81, head starts 1 / 5 gave 0.79 / 0.79. Flat: kept.
SMOOTH = 20.0
CRF_BONUS = math.log(3.0)
TONELESS_MIN_LETTERS = 12
VIETNAMESE_SHARE = 0.5  # of a text's words that must be Vietnamese for it to be restored
# combining marks and đ: any of them means the text was written with its tones
_MARKED = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0111")
CONTEXT_WORDS = 2  # words either side that the CRF was trained to look at
_PUNCT = frozenset(string.punctuation)
_STOP = frozenset(".!?")
_VOWELS = frozenset("aeiouy")
# CRF label letters: m = doubled vowel (â ê ô) or đ, w = breve or horn (ă ơ ư), s f r x j = tones
_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_SHAPES = {
    ("a", "m"): "â",
    ("e", "m"): "ê",
    ("o", "m"): "ô",
    ("d", "m"): "đ",
    ("a", "w"): "ă",
    ("o", "w"): "ơ",
    ("u", "w"): "ư",
}


class DiacriticModelError(TextModelError):
    """The tone-restoring models are missing or damaged."""


def marked(word: str) -> bool:
    """Does the word carry any Vietnamese diacritic (a tone, a vowel shape or đ)?"""
    return any(c in _MARKED for c in unicodedata.normalize("NFD", word.lower()))


def toneless_form(text: str) -> str:
    """The text with every Vietnamese diacritic taken off (đ -> d)."""
    return "".join(_strip(c) for c in text)


def is_toneless(text: str, language: str | None) -> bool:
    """Vietnamese (or unknown) text with words but not one diacritic: a chat typed without tones,
    a recogniser or OCR that lost them. English is written so."""
    return restorable(text, language) and not marked(text)


def restorable(text: str, language: str | None) -> bool:
    """Worth handing to the restorer: Vietnamese (or unknown) and long enough for the words
    around each one to tell its marks (the restorer then looks at its words: restore())."""
    return language != "en" and sum(c.isalpha() for c in text) >= TONELESS_MIN_LETTERS


def _strip(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def char_features(chars: list[str], i: int) -> dict[str, object]:
    """The features the CRF was trained on, for the character at i: the character, the rest of its
    word letter by letter (by offset), the word so far, and the two words either side."""
    ch = chars[i]
    f: dict[str, object] = {
        "bias": 1.0,
        "current_char_{}": ch,
        "is_digit_": ch.isdigit(),
        "is_punc_": ch in _PUNCT,
    }
    left = _word_letters(f, chars, i, -1)
    right = _word_letters(f, chars, i, 1)
    if left != right:
        f["inner_word_"] = "".join(chars[left:right])
    _context_words(f, chars, i, -1)
    _context_words(f, chars, i, 1)
    return f


def _word_letters(f: dict[str, object], chars: list[str], i: int, step: int) -> int:
    """Add the other letters of the word at i, walking by `step`; return where the walk ended."""
    k, last = i, (0 if step < 0 else len(chars) - 1)
    while k != last and chars[k] != " ":
        k += step
        f[f"{k - i}_char_"] = chars[k]
        f[f"{k - i}_isdigit_"] = chars[k].isdigit()
        f[f"{k - i}_ispunct_"] = chars[k] in _PUNCT
    return k


def _context_words(f: dict[str, object], chars: list[str], i: int, step: int) -> None:
    """Add the CONTEXT_WORDS words before (step -1) or after (step 1) the one at i, stopping at a
    sentence end. As the CRF was trained: at the text's start the first letter is left out."""
    words, edge, k = 0, i, i
    last = 0 if step < 0 else len(chars) - 1
    while words < CONTEXT_WORDS and k != last:
        k += step
        if chars[k] == " " or (step < 0 and k == 0):
            words += 1
            if words > 1:
                lo, hi = (k + 1, edge) if step < 0 else (edge + 1, k)
                f[f"{(words - 1) * step}_word_"] = "".join(chars[lo:hi])
            edge = k
        if chars[k] in _STOP:
            break


def _apply(ch: str, label: str) -> str:
    out, tone = ch, ""
    for mark in label:
        if mark in ("m", "w"):
            out = _SHAPES.get((ch, mark), out)
        elif mark in _TONES and ch in _VOWELS:
            tone = _TONES[mark]
    return unicodedata.normalize("NFC", out + tone)


class SyllableModel:
    """Unigram and bigram counts of marked syllables, and every marked form of a toneless one."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, int]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams
        following: dict[str, int] = defaultdict(int)
        for pair, count in bigrams.items():
            following[pair.split(" ", 1)[0]] += count
        self.following = dict(following)
        forms: dict[str, list[str]] = defaultdict(list)
        for word in unigrams:
            forms[toneless_form(word)].append(word)
        self.forms = dict(forms)  # looked up, never grown
        # toneless forms that have a marked reading: Vietnamese syllables, not English words
        self.vietnamese = frozenset(k for k, v in self.forms.items() if any(map(marked, v)))
        self._total = sum(unigrams.values())
        self._vocab = len(unigrams)

    @classmethod
    def load(cls, path: Path, sha256: str | None = None) -> SyllableModel:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DiacriticModelError(
                f"The tone-restoring word model {path.name} cannot be read ({exc}): reinstall."
            ) from exc
        if sha256 and hashlib.sha256(raw).hexdigest() != sha256:
            raise DiacriticModelError(
                f"The tone-restoring word model {path.name} is not the one recorded: reinstall."
            )
        data = json.loads(gzip.decompress(raw))
        return cls(data["unigrams"], data["bigrams"])

    def log_p(self, prev: str, word: str) -> float:
        unigram = (self.unigrams.get(word, 0) + 0.1) / (self._total + 0.1 * self._vocab)
        pair = self.bigrams.get(f"{prev} {word}", 0)
        return math.log((pair + SMOOTH * unigram) / (self.following.get(prev, 0) + SMOOTH))


class DiacriticRestorer:
    """The CRF and the syllable model together; thread-safe; results cached by text."""

    def __init__(self, crf_path: Path, words: SyllableModel) -> None:
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - a dependency
            raise DiacriticModelError("python-crfsuite is not installed: reinstall.") from exc
        if not crf_path.is_file():
            raise DiacriticModelError(
                f"The tone-restoring model {crf_path.name} is missing: run "
                "`reviewer models assemble`."
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(crf_path))
        self._lock = threading.Lock()
        self.words = words
        self.restore = lru_cache(maxsize=20000)(self._restore)

    def crf_reading(self, text: str) -> str:
        """The CRF's reading of the whole text (lower case), every mark taken off first."""
        chars = list(toneless_form(text.lower()))
        with self._lock:
            labels = self._tagger.tag([char_features(chars, i) for i in range(len(chars))])
        return "".join(
            _apply(c, lab[1:]) if len(lab) > 1 else c for c, lab in zip(chars, labels, strict=True)
        )

    def _restore(self, text: str) -> str:
        """`text` (lower case, words split by single spaces) with marks on the words it knows."""
        words = text.split(" ")
        # Vietnamese text only: English ("join my group now") shares a syllable or two with it.
        # Any Vietnamese text, not only one typed without marks: a third of written Vietnamese
        # has none, OCR and recognisers lose some, and the words around put the right ones back.
        viet = self.words.vietnamese
        bare = sum(w in viet for w in words)
        if bare == 0 or bare + sum(map(marked, words)) < VIETNAMESE_SHARE * len(words):
            return text
        crf = self.crf_reading(text).split(" ")
        if len(crf) != len(words):  # pragma: no cover - the CRF keeps every character
            crf = words
        # Viterbi over the candidates of each word; a word the model does not know stays as is.
        best: dict[str, tuple[float, list[str]]] = {START: (0.0, [])}
        for word, reading in zip(words, crf, strict=True):
            if word not in viet:
                options = {word: 0.0}
            else:
                options = dict.fromkeys(self.words.forms[word], 0.0)
                options[reading] = CRF_BONUS
            step: dict[str, tuple[float, list[str]]] = {}
            for cand, bonus in options.items():
                score, path = max(
                    ((s + self.words.log_p(prev, cand), p) for prev, (s, p) in best.items()),
                    key=lambda x: x[0],
                )
                step[cand] = (score + bonus, [*path, cand])
            best = step
        return " ".join(max(best.values(), key=lambda x: x[0])[1])


def restored_share(restore: Callable[[str], str], forms: Iterable[str]) -> float:
    """Of the words of `forms` (texts as written, lower case), the share that `restore` gives
    back with the right marks once every mark is taken off."""
    right = total = 0
    for form in forms:
        truth = form.split(" ")
        got = restore(toneless_form(form)).split(" ")
        total += len(truth)
        right += sum(a == b for a, b in zip(truth, got, strict=False))
    return right / max(1, total)


def restorer_sha256() -> str:
    """The recorded SHA-256 of the syllable model (models/manifest.json)."""
    from reviewer.model_registry import manifest_entry

    return str(manifest_entry(CRF_MODEL)["lm"]["sha256"])


_SHARED: DiacriticRestorer | None = None
_SHARED_LOCK = threading.Lock()


def shared_restorer() -> DiacriticRestorer:
    """The process-wide restorer, its files checked against models/manifest.json."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            from reviewer.model_registry import assemble, manifest_entry

            entry = manifest_entry(CRF_MODEL)
            try:
                folder = assemble(entry)
            except ModelError as exc:  # a missing or damaged file: say which model
                raise DiacriticModelError(
                    f"The tone-restoring model cannot be prepared ({exc}): run "
                    "`reviewer models assemble`."
                ) from exc
            words = SyllableModel.load(text_model_dir() / LM_FILE, entry["lm"]["sha256"])
            _SHARED = DiacriticRestorer(folder / CRF_FILE, words)
        return _SHARED
