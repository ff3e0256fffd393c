"""Text classification of speech segments and on-screen text (no Qt, no network).

    detector = TextScorer()                 # loads lexicons + the ONNX model once
    hits = detector.detect("nạp 100k tặng 200k vào nhà cái", language="vi")

Modules, one job each: normalize (NFC, folding, separators, teencode, money), numbers (money
words <-> digits), teencode (abbreviation table), phonetic (regional/ASR sound key), lexicon
(category files), matcher (tolerant phrase matching), patterns (phones, accounts, links, offers),
classifier (ONNX model), scorer (the combination).
"""

from reviewer.text.classifier import TextClassifier, prepare
from reviewer.text.errors import (
    LexiconError,
    TextError,
    TextModelError,
    TextModelHashMismatch,
)
from reviewer.text.lexicon import Category, Lexicon, Term
from reviewer.text.matcher import LexiconMatch, LexiconMatcher
from reviewer.text.normalize import Token, canonical, fold, normalize, tokenize
from reviewer.text.patterns import PatternHit, find_patterns
from reviewer.text.phonetic import phonetic_key, phrase_key
from reviewer.text.scorer import TextHit, TextScorer

__all__ = [
    "Category",
    "Lexicon",
    "LexiconError",
    "LexiconMatch",
    "LexiconMatcher",
    "PatternHit",
    "Term",
    "TextClassifier",
    "TextScorer",
    "TextError",
    "TextHit",
    "TextModelError",
    "TextModelHashMismatch",
    "Token",
    "canonical",
    "find_patterns",
    "fold",
    "normalize",
    "phonetic_key",
    "phrase_key",
    "prepare",
    "tokenize",
]
