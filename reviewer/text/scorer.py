"""Text detection: lexicon terms + patterns + the ONNX model -> a score per category with reasons.

How a category's score (0..1) is made, and why:
  lexicon  lex = 1 - prod(1 - weight x match quality) over distinct matched terms. Strong terms
           (weight >= 0.65) fire alone; weak ones need company.
  warning  a warning/news cue in the segment ("cảnh báo", "không cung cấp", "bị bắt") halves all
           evidence (lexicon, model, patterns) for fraud, gambling, illegal_trade and personal_data:
           a bank telling customers to guard their OTP uses the scammers' words.
  negation a term right after a negation ("không đọc mã OTP", "never send the OTP", within two
           words) counts 0.3 of its strength in those same four categories.
  model    p = the classifier's probability, scaled down below 6 words (a bare "STK 0123 VCB"
           gives the char n-grams too little to go on). When the model knows the category and gives it
           < 0.1, lexicon evidence is damped by a quarter (it has seen the benign look-alikes).
  combine  base = 1 - (1 - 0.85 lex)(1 - 0.75 p): either source alone can pass 0.5 when sure
           (the model needs p >= 0.67 on its own: it learnt from a few hundred lines only).
  patterns phone, account, link, deposit-offer and profit-rate boosts are added the same way,
           capped at 0.35, and ONLY when the category has a lexicon term: "combined with terms",
           so a phone number or an account read out by a shop never fires on its own.
  meaning  the sentence-meaning head (reviewer.text.meaning, calibrated so its dev-chosen cut is
           0.5) joins as score = 1 - (1 - score)(1 - s x damp), from s >= 0.55 beside a term or
           pattern and s >= 0.5 alone (0.7 for profanity; alone only where the n-gram model
           gives the category p >= 0.1, never in English, and scaled down below 6 words; and
           the shipped n-gram model alone counts only where the meaning gives s >= 0.2); when
           it reads a text of 10+ words as benign for the category it damps all the other
           evidence (fusion.veto). On by default; off with REVIEWER_MEANING=0 or meaning=False.
           The constants and their measurements are in reviewer/text/meaning/fusion.py.
  why      every hit says why in words an officer can check: the matched terms, the patterns, or
           "meaning close to: «…»" naming the nearest labelled example of the category.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from reviewer.text.classifier import TextClassifier, prepare
from reviewer.text.lexicon import Lexicon
from reviewer.text.matcher import LexiconMatch, LexiconMatcher
from reviewer.text.meaning import fusion as meaning_fusion
from reviewer.text.meaning.engine import meaning_enabled
from reviewer.text.normalize import Token, tokenize
from reviewer.text.patterns import BOOSTS, PatternHit, find_patterns
from reviewer.text.restored_terms import RESTORED, restored_matches

DEFAULT_THRESHOLD = 0.5
LEXICON_FACTOR = 0.85
MODEL_FACTOR = 0.75
MODEL_VETO_BELOW = 0.1
MODEL_VETO_FACTOR = 0.75
WARNING_FACTOR = 0.5
# A cue matched only by sound ("sao kín báo", heard for "giao kín đáo", read as "trình báo") is
# weak evidence of a warning: it damps half as much. It had halved a recognised offer of
# firecrackers and home-made guns in bench/eval_detection.py.
SOUND_ALIKE_WARNING_FACTOR = 0.75
PATTERN_CAP = 0.35
SHORT_TEXT_WORDS = 6
DAMPED_BY_WARNINGS = frozenset({"fraud", "gambling", "illegal_trade", "personal_data"})
NEGATION_FACTOR = 0.3
NEGATION_WINDOW = 2
_NEGATORS = frozenset({"không", "khong", "đừng", "chẳng", "chả", "cấm", "never", "not", "dont"})


def _negated(tokens: Sequence[Token], first: int) -> bool:
    """Is the token at `first` preceded, within NEGATION_WINDOW words, by a negation?"""
    for k in range(max(0, first - NEGATION_WINDOW), first):
        word = tokens[k].text
        if word in _NEGATORS:
            return True
        if word == "don" and k + 1 < len(tokens) and tokens[k + 1].text == "t":  # "don't"
            return True
    return False


@dataclass(frozen=True, slots=True)
class TextHit:
    category: str
    score: float  # 0..1
    matched_terms: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # in the text given to detect()
    reason: str = ""
    why: str = ""  # for the officer: terms, patterns or the nearest labelled example


class TextScorer:
    """Build once (loads lexicons and the model), then call detect() per segment."""

    def __init__(
        self,
        lexicon_dir: Path | None = None,
        model_path: Path | None = None,
        *,
        use_model: bool = True,
        threshold: float = DEFAULT_THRESHOLD,
        thresholds: Mapping[str, float] | None = None,
        meaning: bool | None = None,
        meaning_head: Path | None = None,
    ) -> None:
        self.lexicon = Lexicon.load(lexicon_dir)
        self.matcher = LexiconMatcher(self.lexicon.terms, self.lexicon.common_words)
        self.cue_matcher = LexiconMatcher(
            [t for t in self.lexicon.warning_cues], self.lexicon.common_words
        )
        # A missing or altered model raises here: never fall back silently to lexicon-only.
        self.classifier = TextClassifier(model_path) if use_model else None
        self.threshold = threshold
        self.thresholds = dict(thresholds or {})
        # The meaning model: on unless turned off (REVIEWER_MEANING=0); a broken one raises.
        use_meaning = meaning_enabled() if meaning is None else meaning
        # meaning_head: an installed (learned) head; None: the shipped one.
        self.meaning = (
            meaning_fusion.MeaningScorer(installed_head=meaning_head) if use_meaning else None
        )
        # Terms officers taught (`reviewer learn`): the shipped n-gram model never saw them, so
        # its doubt does not damp them.
        self.learned_terms = {(t.category, t.phrase) for t in self.lexicon.terms if t.learned}
        # A model refit from officers' decisions (`reviewer learn`) speaks alone as they taught
        # it: the meaning's doubt does not silence it (fusion.MODEL_ALONE_SUPPORT).
        self.model_taught = bool(self.classifier) and self.classifier.model_id.startswith(
            "text-learned"
        )
        model_cats = self.classifier.categories if self.classifier else ()
        self.categories: tuple[str, ...] = tuple(
            dict.fromkeys([*self.lexicon.categories, *model_cats])
        )

    @property
    def model_id(self) -> str:
        base = self.classifier.model_id if self.classifier else "lexicon-only"
        return f"{base}+{self.meaning.record_id}" if self.meaning else base

    @property
    def model_sha256(self) -> str:
        return self.classifier.sha256 if self.classifier else ""

    @property
    def lexicon_sha256(self) -> str:
        return self.lexicon.sha256

    def threshold_for(self, category: str) -> float:
        return self.thresholds.get(category, self.threshold)

    def detect(self, text: str, language: str | None = None) -> list[TextHit]:
        """Categories whose score reaches their threshold, best first."""
        return self.detect_many([text], language)[0]

    def detect_many(self, texts: Sequence[str], language: str | None = None) -> list[list[TextHit]]:
        """detect() for many segments with one model call (much faster for long transcripts)."""
        return [
            [h for h in hits if h.score >= self.threshold_for(h.category)]
            for hits in self.score_many(texts, language)
        ]

    def score_all(self, text: str, language: str | None = None) -> list[TextHit]:
        """Every category with any evidence, whatever its score: store these to re-threshold later."""
        return self.score_many([text], language)[0]

    def score_many(
        self,
        texts: Sequence[str],
        language: str | None = None,
        contexts: Sequence[str | None] | None = None,
    ) -> list[list[TextHit]]:
        """Scores of many texts; `contexts` (speech) gives each the sentence said before it, so
        the meaning model also reads the pair."""
        tokens = [tokenize(t, language) for t in texts]
        probs = self._model_probs(texts, tokens, language)
        meaning = (
            self.meaning.evidence(texts, language, contexts)
            if self.meaning
            else [{} for _ in texts]
        )
        if language == "en":  # the head learnt Vietnamese: in English it only supports terms
            meaning = [{c: replace(e, alone=False) for c, e in m.items()} for m in meaning]
        return [
            self._score(text, toks, row, mean, language)
            for text, toks, row, mean in zip(texts, tokens, probs, meaning, strict=True)
        ]

    def _model_probs(
        self, texts: Sequence[str], tokens: Sequence[list[Token]], language: str | None
    ) -> list[dict[str, float]]:
        if self.classifier is None:
            return [{} for _ in texts]
        nonempty = [i for i, toks in enumerate(tokens) if toks]
        out: list[dict[str, float]] = [{} for _ in texts]
        if nonempty:
            matrix = self.classifier.predict_prepared(
                [prepare(texts[i], language) for i in nonempty]
            )
            cats = self.classifier.categories
            for i, row in zip(nonempty, np.asarray(matrix), strict=True):
                out[i] = {c: float(p) for c, p in zip(cats, row, strict=True)}
        return out

    def _score(
        self,
        text: str,
        tokens: list[Token],
        probs: dict[str, float],
        meaning: Mapping[str, meaning_fusion.MeaningEvidence] | None = None,
        language: str | None = None,
    ) -> list[TextHit]:
        if not tokens:
            return []
        matches = self.matcher.match_tokens(tokens)
        if self.meaning is not None:  # the restorer comes with the meaning model
            matches += restored_matches(self.matcher, text, tokens, matches, language)
        cues = self.cue_matcher.match_tokens(tokens)
        matches = [
            replace(
                m, strength=round(m.strength * NEGATION_FACTOR, 4), quality=m.quality + ", negated"
            )
            if m.category in DAMPED_BY_WARNINGS and _negated(tokens, m.first_token)
            else m
            for m in matches
        ]
        patterns = find_patterns(text, tokens)
        words = sum(t.kind == "word" for t in tokens)
        short = min(1.0, words / SHORT_TEXT_WORDS)
        hits: list[TextHit] = []
        for cat in self.categories:
            hit = self._score_category(
                cat, text, matches, cues, patterns, probs, (short, words), (meaning or {}).get(cat)
            )
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: -h.score)
        return hits

    def _score_category(
        self,
        cat: str,
        text: str,
        matches: list[LexiconMatch],
        cues: list[LexiconMatch],
        patterns: list[PatternHit],
        probs: dict[str, float],
        length: tuple[float, int],
        mean: meaning_fusion.MeaningEvidence | None = None,
    ) -> TextHit | None:
        short, words = length
        own = [m for m in matches if m.category == cat]
        best: dict[str, LexiconMatch] = {}
        for m in own:
            if m.term not in best or m.strength > best[m.term].strength:
                best[m.term] = m
        lex = 1.0 - float(np.prod([1.0 - m.strength for m in best.values()])) if best else 0.0
        p = probs.get(cat, 0.0) * short
        notes: list[str] = []
        if (
            not best
            and not self.model_taught
            and mean is not None
            and mean.alone
            and p
            and mean.score < meaning_fusion.MODEL_ALONE_SUPPORT
        ):  # the mirror of ALONE_MODEL_SUPPORT: the shipped n-gram model needs the meaning
            p = 0.0
            notes.append("n-gram model unsupported by the meaning")
        damp = 1.0
        if cues and cat in DAMPED_BY_WARNINGS:
            cue = min(cues, key=lambda m: m.quality == "phonetic")  # a sure cue first
            sure = cue.quality != "phonetic"
            damp = WARNING_FACTOR if sure else SOUND_ALIKE_WARNING_FACTOR
            notes.append(
                f"warning cue '{text[cue.start : cue.end]}' "
                + ("halves the evidence" if sure else f"(by sound) damps the evidence x{damp}")
            )
        lex_factor = LEXICON_FACTOR * damp
        taught = any((cat, term) in self.learned_terms for term in best)
        if cat in probs and p < MODEL_VETO_BELOW and lex > 0 and not taught:
            lex_factor *= MODEL_VETO_FACTOR
            notes.append("model disagrees")
        score = 1.0 - (1.0 - lex_factor * lex) * (1.0 - MODEL_FACTOR * p * damp)
        boosting = [h for h in patterns if BOOSTS.get(h.kind, {}).get(cat)]
        boost = 0.0
        if boosting and lex > 0:
            kinds = {h.kind for h in boosting}
            boost = min(PATTERN_CAP, sum(BOOSTS[k][cat] for k in kinds)) * damp
            score = 1.0 - (1.0 - score) * (1.0 - boost)
        else:
            boosting = []
        veto = (
            meaning_fusion.veto(cat, mean.veto_score, words) if mean is not None and score else 1.0
        )
        if veto < 1.0:
            score *= veto
            notes.append(f"meaning disagrees (x{veto:.2f})")
        # No term and no pattern: the meaning speaks alone and must pass its own floor.
        alone = not best and not boosting
        floor = meaning_fusion.MEANING_FLOOR
        s = mean.score if mean is not None else 0.0
        if alone:  # and, like the n-gram model, scaled down below SHORT_TEXT_WORDS words
            own_floor = meaning_fusion.alone_floor(cat)
            speaks = mean is not None and mean.alone and own_floor is not None
            speaks = speaks and (cat not in probs or p >= meaning_fusion.ALONE_MODEL_SUPPORT)
            floor = own_floor if speaks and own_floor is not None else 2.0
            s *= short
        if mean is not None and s >= floor:
            weight = meaning_fusion.MEANING_FACTOR * s * damp
            score = 1.0 - (1.0 - score) * (1.0 - weight)
        if score < 0.01:
            return None
        terms = [m.term for m in own]
        spans = [(m.start, m.end) for m in own]
        for h in boosting:
            terms.append(f"{h.kind}: {h.text}")
            spans.append((h.start, h.end))
        parts = []
        if best:
            parts.append(
                "lexicon: "
                + ", ".join(f"'{m.term}' ({m.quality} {m.strength:.2f})" for m in best.values())
            )
        if boosting:
            parts.append(f"patterns +{boost:.2f}: " + ", ".join(sorted({h.kind for h in boosting})))
        if cat in probs:
            parts.append(
                f"model p={probs[cat]:.2f}" + (f" x{short:.2f} (short)" if short < 1 else "")
            )
        if mean is not None:
            parts.append(f"meaning s={mean.score:.2f} (p={mean.probability:.2f})")
        parts.extend(notes)
        why = self._why(cat, best, boosting, probs, mean)
        return TextHit(cat, round(min(1.0, score), 3), terms, spans, "; ".join(parts), why)

    def _why(
        self,
        cat: str,
        best: Mapping[str, LexiconMatch],
        boosting: Sequence[PatternHit],
        probs: Mapping[str, float],
        mean: meaning_fusion.MeaningEvidence | None,
    ) -> str:
        """In words an officer can check against the text."""
        parts = []
        if best:
            parts.append("matched: " + ", ".join(_named(m) for m in best.values()))
        if boosting:
            parts.append(
                "pattern: " + ", ".join(dict.fromkeys(f"{h.kind} «{h.text}»" for h in boosting))
            )
        if (
            mean is not None
            and self.meaning is not None
            and (mean.score >= meaning_fusion.WHY_FROM or not parts)
        ):
            near = mean.why(self.meaning.head, cat)
            if near:
                parts.append(near)
        if not parts and cat in probs:
            parts.append(f"wording like the category's training sentences (p={probs[cat]:.2f})")
        return "; ".join(parts)


def _named(match: LexiconMatch) -> str:
    """A term as the reason names it; where only the restored tone marks showed it, it says so
    (the officer sees the words without marks)."""
    if match.quality.endswith(RESTORED):
        return f"«{match.term}» (read with tone marks)"
    return f"«{match.term}»"
