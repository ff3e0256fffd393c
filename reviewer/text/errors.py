"""Named errors of the text detector; each says what is wrong and what to do."""

from __future__ import annotations

from reviewer.errors import ModelError, ModelHashMismatch, ReviewerError


class TextError(ReviewerError):
    """Base class for errors raised on purpose by reviewer.text."""


class LexiconError(TextError):
    """A lexicon, teencode or category file is missing, unreadable or malformed."""


class TextModelError(ModelError):
    """The text classifier (ONNX + its JSON card) is missing or cannot be loaded."""


class TextModelHashMismatch(TextModelError, ModelHashMismatch):
    """The ONNX file's SHA-256 differs from the one in its JSON card: it is not loaded."""
