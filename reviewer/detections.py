"""Speech segments and on-screen text → raw detections (category, span, score, matched terms).

Every category with a score at or above DETECTION_FLOOR (reviewer/flagging.py) is stored, not only those over the
threshold: thresholds are applied when flags are built, so changing one needs no re-analysis.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .flagging import DETECTION_FLOOR, rebuild_flags
from .speech.sentences import previous_sentences, sentences
from .store.case import Case
from .store.findings import add_detections, replace_text_detections, vision_models
from .text import TextScorer


def load_text_scorer(lexicon_dir: Path | None = None) -> TextScorer:
    """Lexicons (the agency's folder, or the shipped ones), the hash-checked text model and the
    meaning head: the versions `reviewer learn` installed, if any, else the shipped ones."""
    from .learn.meaning_versions import active_head
    from .learn.versions import active_model_path

    return TextScorer(lexicon_dir, active_model_path(), meaning_head=active_head())


ENGLISH_SHARE = 0.8


def sounds_english(text: str) -> bool:
    """Whisper's text is English: at least three words, nearly all without Vietnamese letters."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 3 and sum(w.isascii() for w in words) >= ENGLISH_SHARE * len(words)


class MediaDetector:
    """Detections for one media item: incremental while analysis runs, complete at the end."""

    def __init__(
        self,
        case: Case,
        media_id: int,
        detector: TextScorer,
        thresholds: Mapping[str, float] | None = None,
        language: str | None = None,
    ) -> None:
        self.case = case
        self.media_id = media_id
        self.detector = detector
        self.thresholds = dict(thresholds or {})
        self.language = language
        self.model_id = f"{detector.model_id}+lexicon-{detector.lexicon_sha256[:12]}"

    def _upstream_models(self) -> dict[str, list[dict]]:
        """Per source (and per speech engine, as `speech:NAME`) the models that made the text."""
        media = self.case.get_media(self.media_id)
        out: dict[str, list[dict]] = {"speech": [], "ocr": vision_models(media)}
        for run in self.case.speech_passes(self.media_id):
            model = {"name": run["engine"], "sha256": run["model_sha256"], "role": "speech"}
            out[f"speech:{run['engine']}"] = [model]
        if media.get("speech_model") and not out.get(f"speech:{media['speech_model']}"):
            out["speech"].append(
                {
                    "name": media["speech_model"],
                    "sha256": media["speech_model_sha256"],
                    "role": "speech",
                }
            )
        return out

    def _not_heard_as_english(self, rows: Sequence[dict]) -> list[dict]:
        """viet-asr's text where Whisper (run beside it) did not hear English.

        viet-asr knows only Vietnamese: English comes out as Vietnamese-sounding words, and on
        the evaluation set as profanity nobody said. With both engines, Whisper's language
        decides: English stays Whisper's (as with --language en).
        """
        passes = self.case.speech_passes(self.media_id)
        vietasr = {p["engine"] for p in passes if p["kind"] == "vietasr"}
        whisper = {p["engine"] for p in passes if p["kind"] == "whisper"}
        if not vietasr or not whisper or not any(r.get("engine") in vietasr for r in rows):
            return list(rows)
        # Only Whisper's segments around these rows: this runs for every saved segment.
        lo = min(r["start_s"] for r in rows)
        hi = max(r["end_s"] for r in rows)
        marks = ", ".join("?" for _ in whisper)
        english = [
            (start, end)
            for start, end, text in self.case.conn.execute(
                "SELECT start_s, end_s, text FROM segment WHERE media_id = ? AND end_s > ?"
                f" AND start_s < ? AND engine IN ({marks})",
                (self.media_id, lo, hi, *whisper),
            )
            if sounds_english(text)
        ]
        return [
            r
            for r in rows
            if r.get("engine") not in vietasr
            or not any(a < r["end_s"] and b > r["start_s"] for a, b in english)
        ]

    def _detections(self, rows: Sequence[dict], source: str) -> list[dict[str, Any]]:
        if source == "speech":
            # An unintelligible marker is not something said (speech/coverage.py), unless an
            # officer listened and wrote what was said: then that text is detected.
            rows = [r for r in rows if not r.get("unintelligible") or r.get("corrected")]
            rows = self._not_heard_as_english(rows)
            rows = [piece for row in rows for piece in sentences(row)]
        texts = [r["text"] for r in rows]
        contexts = previous_sentences(rows) if source == "speech" else None
        out = []
        scored = self.detector.score_many(texts, self.language, contexts)
        for row, hits in zip(rows, scored, strict=True):
            for hit in hits:
                if hit.score < DETECTION_FLOOR:
                    continue
                # The whole sentence said, or the whole time the text was on screen: the
                # officer judges the sentence, not the matched word (0.6 s of a 6 s sentence).
                start, end = row["start_s"], row["end_s"]
                out.append(
                    {
                        "media_id": self.media_id,
                        "start_s": start,
                        "end_s": end,
                        "source": source,
                        "category": hit.category,
                        "score": round(hit.score, 4),
                        "matched": hit.matched_terms or [hit.reason],
                        "why": hit.why or hit.reason,
                        "text": row["text"].strip(),
                        "model_id": self.model_id,
                        "model_sha256": self.detector.model_sha256,
                        "box": row.get("box") if source == "ocr" else None,
                        "frame_text_id": row["id"] if source == "ocr" else None,
                        "segment_id": row["id"] if source == "speech" else None,
                        "engine": row.get("engine") if source == "speech" else None,
                    }
                )
        return out

    def add(self, segments: Sequence[dict] = (), frame_texts: Sequence[dict] = ()) -> None:
        """Detect on newly saved rows and refresh flags, so flags appear while analysis runs."""
        found = self._detections(segments, "speech") + self._detections(frame_texts, "ocr")
        if found:
            add_detections(self.case, found)
            self.refresh_flags()

    def refresh_flags(self, audit: bool = False) -> dict[str, int]:
        return rebuild_flags(
            self.case, self.media_id, self.thresholds, self._upstream_models(), audit=audit
        )

    def complete(self) -> dict[str, int]:
        """All text of the media detected afresh (current lexicons, model and thresholds)."""
        found = self._detections(self.case.segments(self.media_id), "speech")
        found += self._detections(self.case.frame_texts(self.media_id), "ocr")
        replace_text_detections(self.case, self.media_id, found)
        if self.detector.meaning is not None:  # for search by meaning; mostly cache hits here
            from .text.meaning.search import store_vectors

            store_vectors(self.case, self.media_id, self.detector.meaning.engine, self.language)
        return self.refresh_flags(audit=True)
