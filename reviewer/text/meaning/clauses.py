"""The clauses of a long sentence, each read alone by the meaning model.

A streamer's sentence often wraps an offer in chatter ("hôm nay mưa quá, ai cần tk chính chủ ib
em, mà thôi kệ"): read whole, its vector sits among the chatter. Split at punctuation, the clause
that carries the offer reads as the offer. Recognisers that write no punctuation (viet-asr) give
one clause, and nothing changes there.
"""

from __future__ import annotations

import re

from reviewer.text.meaning.engine import embed_form

FROM_WORDS = 10  # shorter sentences are read whole only
MIN_WORDS = 4  # a clause shorter than this says too little alone ("ib em", "mà thôi kệ")
# A mark of punctuation followed by a space (not "1.5", "100,000"), or a dash between spaces.
_BREAK = re.compile(r"[,.;:!?…]+(?:\s|$)|\s[-–—|]\s")


def clause_forms(text: str, form: str, language: str | None = None) -> list[str]:
    """What the model reads of each clause of `text` (whose whole form is `form`), in order;
    empty when the sentence is short or has one clause."""
    if len(form.split()) < FROM_WORDS:
        return []
    parts = [p for p in _BREAK.split(text) if p.strip()]
    if len(parts) < 2:
        return []
    forms = [embed_form(p, language) for p in parts]
    return [f for f in forms if len(f.split()) >= MIN_WORDS]
