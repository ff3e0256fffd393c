"""The meaning model's evidence for TextScorer: calibrated per-category scores and "why".

For each text (and, for speech, the window of the sentence and the one before: offers run across
segment boundaries) the head gives a probability per category, mapped so that the cut chosen on
the dev split is 0.5 (alone, at the default threshold, it fires exactly there). The window counts
only when it says more than the sentence alone. scorer combines it with the rest as
    score = 1 - (1 - base) (1 - MEANING_FACTOR x s x damp)
and, when the meaning model is sure a text is benign for a category (s < VETO_BELOW), damps the
lexicon as the n-gram model's veto does: "a film about a former gambler" keeps its words but
loses its certainty.

Chosen on the dev split (bench/eval_text.py --split dev; clean channel, 458 violating and 391
benign rows from templates training never saw): per-category cuts at 1% of dev benign, GAMMA 4
below the cut (head.py), veto below 0.25. Linear fading (GAMMA 1) and 2% cuts recalled 0.92 at a
dev benign FPR of 0.34; these settings 0.88-0.89 at about 0.22 (lexicons alone: 0.72 at 0.15).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reviewer.paths import text_model_dir
from reviewer.text.meaning.engine import MeaningEngine, embed_form, shared_engine
from reviewer.text.meaning.head import HEAD_FILE, MeaningHead

MEANING_FACTOR = 1.0
# Profanity is a matter of words, not meaning: the head learnt the chatter around curses ("sao hôm
# nay lag thế") and fired on "hôm nay trời đẹp quá". There it only supports a lexicon match.
CATEGORY_FACTORS = {"profanity": 0.3}
MEANING_FLOOR = 0.0  # calibrated meaning below this adds nothing (chosen on the dev split)
VETO_BELOW = 0.25
VETO_FACTOR = 0.75
WHY_FROM = 0.2  # the nearest example is named once the meaning says this much


@dataclass(frozen=True, slots=True)
class MeaningEvidence:
    score: float  # calibrated: 0.5 = the category's dev-chosen cut
    probability: float
    vector: np.ndarray
    window: bool  # True when the sentence-with-neighbour window gave the score

    def why(self, head: MeaningHead, category: str) -> str:
        near = head.nearest(self.vector, category)
        if near is None:
            return ""
        text, cos = near
        where = " (with the sentence before)" if self.window else ""
        return f"meaning close to: «{text}» (similarity {cos:.2f}){where}"


def factor(category: str) -> float:
    return CATEGORY_FACTORS.get(category, MEANING_FACTOR)


def head_path(installed: Path | None = None) -> Path:
    """REVIEWER_MEANING_HEAD if set, else `installed` (the head `reviewer learn` installed, which
    the caller looks up: reviewer/detections.py), else the shipped one."""
    override = os.environ.get("REVIEWER_MEANING_HEAD")
    if override:
        return Path(override)
    return installed or text_model_dir() / HEAD_FILE


class MeaningScorer:
    """Head + engine; evidence() for many texts at once (one batched embedding run)."""

    def __init__(
        self,
        head: MeaningHead | None = None,
        engine: MeaningEngine | None = None,
        installed_head: Path | None = None,
    ) -> None:
        self.head = head or MeaningHead.load(head_path(installed_head))
        self.engine = engine or shared_engine()

    @property
    def model_id(self) -> str:
        return self.head.model_id

    def evidence(
        self,
        texts: Sequence[str],
        language: str | None = None,
        contexts: Sequence[str | None] | None = None,
    ) -> list[dict[str, MeaningEvidence]]:
        if not texts:  # a media with no on-screen text, a chunk with no speech
            return []
        forms = [embed_form(t, language) for t in texts]
        windows = [
            embed_form(f"{c} {t}", language) if c else ""
            for t, c in zip(texts, contexts or [None] * len(texts), strict=True)
        ]
        vectors = self.engine.embed_forms(forms + [w for w in windows if w])
        own = vectors[: len(forms)]
        extra = iter(vectors[len(forms) :])
        win = np.stack([next(extra) if w else np.zeros(own.shape[1], np.float32) for w in windows])
        heads = self.head
        p_own = heads.probabilities(own)
        p_win = heads.probabilities(win) if any(windows) else np.zeros_like(p_own)
        s_own = heads.calibrated(p_own)
        s_win = heads.calibrated(p_win)
        out: list[dict[str, MeaningEvidence]] = []
        for i in range(len(texts)):
            row: dict[str, MeaningEvidence] = {}
            if not forms[i]:
                out.append(row)
                continue
            for j, cat in enumerate(heads.categories):
                use_win = bool(windows[i]) and s_win[i, j] > s_own[i, j]
                row[cat] = MeaningEvidence(
                    round(float(s_win[i, j] if use_win else s_own[i, j]), 4),
                    float(p_win[i, j] if use_win else p_own[i, j]),
                    win[i] if use_win else own[i],
                    use_win,
                )
            out.append(row)
        return out
