"""An officer corrects a transcript segment: stored, audit-logged, and detected again at once.

The correction itself lives in the store (reviewer.store.corrections); this module adds what the
store must not know: text detection on the officer's text, so a corrected "nhà cái" raises its
flag now, and a misheard offer the officer corrects away drops its pending flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .store.case import Case
from .store.corrections import correct_segment, flags_from_corrections, get_segment
from .store.officer_flags import FIXED_SQL


@dataclass
class CorrectionResult:
    segment: dict  # as officers now read it: text, machine_text, corrected_by, corrected_utc
    flags: list[dict] = field(default_factory=list)  # flags the corrected text now stands behind
    removed: int = 0  # pending flags that stood only on the machine text and are gone


def redetect_segment(
    case: Case,
    segment_id: int,
    lexicon_dir: Path | None = None,
    thresholds: Mapping[str, float] | None = None,
    detector: object | None = None,
) -> tuple[list[dict], int]:
    """Detect on a segment's current (corrected) text in place of its machine text's detections.

    Detections behind a decided or officer-made flag stay (a decision keeps its evidence); the
    media's pending flags are rebuilt. Returns the flags standing on the segment and how many
    pending flags went away.
    """
    from .detections import MediaDetector, load_text_scorer  # here: heavy (ONNX text model)
    from .settings import load_settings

    segment = get_segment(case, segment_id)
    media = case.get_media(segment["media_id"])
    if thresholds is None or lexicon_dir is None:
        settings = load_settings()
        thresholds = settings.thresholds if thresholds is None else thresholds
        if lexicon_dir is None and settings.lexicon_dir:
            lexicon_dir = Path(settings.lexicon_dir)
    scorer = detector or load_text_scorer(lexicon_dir)
    before = {f["id"] for f in case.flags([media["id"]])}
    with case.transaction() as conn:
        conn.execute(
            "DELETE FROM detection WHERE segment_id = ? AND source = 'speech' AND"
            f" (flag_id IS NULL OR flag_id IN (SELECT id FROM flag WHERE NOT {FIXED_SQL}))",
            (segment_id,),
        )
    media_detector = MediaDetector(case, media["id"], scorer, thresholds, media.get("language"))
    media_detector.add(segments=[segment])
    media_detector.refresh_flags()
    after = case.flags([media["id"]])
    linked = {
        r[0]
        for r in case.conn.execute(
            "SELECT DISTINCT flag_id FROM detection WHERE segment_id = ? AND flag_id IS NOT NULL",
            (segment_id,),
        )
    }
    removed = len(before - {f["id"] for f in after})
    return [f for f in after if f["id"] in linked], removed


def correct_and_redetect(
    case: Case,
    segment_id: int,
    text: str,
    officer: str | None = None,
    lexicon_dir: Path | None = None,
    thresholds: Mapping[str, float] | None = None,
    detector: object | None = None,
) -> CorrectionResult:
    """Store the officer's text for a segment (audit `segment.correct`) and detect on it."""
    segment = correct_segment(case, segment_id, text, officer)
    flags, removed = redetect_segment(case, segment_id, lexicon_dir, thresholds, detector)
    return CorrectionResult(segment, flags, removed)


def correction_marks(case: Case, flag_ids: list[int] | None = None) -> dict[int, dict]:
    """flag id -> the correction it was raised from (segment_id, officer, utc)."""
    return flags_from_corrections(case.conn, flag_ids)


def redetect_merged(case: Case, outcomes: list) -> None:
    """After a merge committed: detect on every segment a merged correction changed."""
    segments = [o.segment_id for o in outcomes if o.kind == "applied" and o.segment_id]
    detector = None
    for segment_id in dict.fromkeys(segments):
        if detector is None:
            from .detections import load_text_scorer
            from .settings import load_settings

            folder = load_settings().lexicon_dir
            detector = load_text_scorer(Path(folder) if folder else None)
        redetect_segment(case, segment_id, detector=detector)
