"""Detections → flags: one reviewable moment per category, source and stretch of time.

Detections of one category and one source closer than MERGE_GAP_S merge into one flag. Sources
stay apart: what the streamer says and what a viewer writes in the chat are different people's
acts, and an officer confirms each on its own evidence. playback starts
LEAD_IN_S before it so the officer hears the lead-up. Thresholds apply here, not when detecting,
so new thresholds re-flag a case without re-running speech or OCR.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .store.case import Case
from .store.findings import write_flags
from .store.officer_flags import OFFICER_SOURCE, is_fixed

MERGE_GAP_S = 8.0
LEAD_IN_S = 3.0
DEFAULT_THRESHOLDS: dict[str, float] = {
    # The text scores are calibrated so 0.5 is "the evidence says so" (reviewer/text/detect_text).
    "gambling": 0.5,
    "fraud": 0.5,
    "illegal_trade": 0.5,
    "personal_data": 0.5,
    "insult": 0.5,
    "profanity": 0.5,
    # open_nsfw: the authors suggest < 0.2 safe and > 0.8 NSFW; in between goes to a human.
    "obscene": 0.6,
}
FALLBACK_THRESHOLD = 0.5  # a user-defined category without a threshold of its own
# A chat line stays on screen long after it was written; the moment is when it appears. Its
# detection keeps the whole time on screen, the flag takes this much of it.
OCR_MOMENT_S = 5.0


def threshold_for(category: str, thresholds: Mapping[str, float]) -> float:
    return thresholds.get(category, DEFAULT_THRESHOLDS.get(category, FALLBACK_THRESHOLD))


def _span(det: dict) -> tuple[float, float]:
    start = det["start_s"] if det["start_s"] is not None else 0.0
    end = det["end_s"] if det["end_s"] is not None else start
    if det["source"] == "ocr":
        end = min(end, start + OCR_MOMENT_S)
    return start, end


def _order(det: dict) -> tuple:
    """Time, then content: two engines' detections of one moment are saved in whichever order
    their threads finish, and a flag's best text and model list must not depend on that."""
    return (*_span(det), det.get("engine") or "", det["text"], det["score"])


def group_detections(detections: Sequence[dict], gap_s: float = MERGE_GAP_S) -> list[list[dict]]:
    """Same-category, same-source detections, time-ordered, split where more than `gap_s` apart."""
    groups: list[list[dict]] = []
    by_kind: dict[tuple[str, str], list[dict]] = {}
    for det in detections:
        by_kind.setdefault((det["category"], det["source"]), []).append(det)
    for kind in sorted(by_kind):
        dets = sorted(by_kind[kind], key=_order)
        current: list[dict] = []
        current_end = float("-inf")
        for det in dets:
            start, end = _span(det)
            if current and start > current_end + gap_s:
                groups.append(current)
                current = []
            current.append(det)
            current_end = max(current_end, end) if len(current) > 1 else end
        if current:
            groups.append(current)
    return groups


def _flag_from(group: list[dict], models_of: Mapping[str, list[dict]]) -> dict[str, Any]:
    best = max(group, key=lambda d: d["score"])
    start = min(_span(d)[0] for d in group)
    end = max(_span(d)[1] for d in group)
    matched = list(dict.fromkeys(term for d in group for term in d["matched"]))
    models: list[dict] = []
    for det in group:
        upstream = models_of.get(f"{det['source']}:{det.get('engine')}") or models_of.get(
            det["source"], []
        )
        for model in upstream + [{"name": det["model_id"], "sha256": det["model_sha256"]}]:
            if model["name"] and model not in models:
                models.append(model)
    timed = group[0]["start_s"] is not None
    return {
        "category": best["category"],
        "start_s": start if timed else None,
        "end_s": end if timed else None,
        "play_from_s": max(0.0, start - LEAD_IN_S) if timed else None,
        # Several independent sightings make a moment more certain than its best one alone.
        "score": round(1 - _prod(1 - d["score"] for d in _distinct(group)), 4),
        "source": best["source"],
        "text": best["text"],
        "matched": matched,
        "why": best.get("why"),
        "models": models,
        "detection_ids": [d["id"] for d in group],
    }


def _distinct(group: list[dict]) -> list[dict]:
    """One detection per source, engine and text: the same chat line seen in 20 frames is one
    sighting; the same words heard by two recognisers are two (a flag both heard scores higher)."""
    seen: dict[tuple, dict] = {}
    for det in group:
        key = (det["source"], det.get("engine"), det["text"])
        if key not in seen or det["score"] > seen[key]["score"]:
            seen[key] = det
    return list(seen.values())


def _prod(values) -> float:
    out = 1.0
    for v in values:
        out *= v
    return out


def _overlaps(flag: dict, start: float | None, end: float | None, gap_s: float) -> bool:
    if flag["start_s"] is None or start is None:
        return flag["start_s"] is None and start is None
    return start <= flag["end_s"] + gap_s and end >= flag["start_s"] - gap_s


def rebuild_flags(
    case: Case,
    media_id: int,
    thresholds: Mapping[str, float] | None = None,
    models_of: Mapping[str, list[dict]] | None = None,
    audit: bool = False,
) -> dict[str, int]:
    """Re-derive the media's pending flags from its detections; decided flags stay as they are.

    `models_of` names, per source, the upstream models (speech or OCR) that produced the text the
    detection was made from, so a flag names every model in its chain.
    """
    thresholds = thresholds or {}
    flags = case.flags([media_id])
    # "Decided" here: anything an officer decided, made or reshaped; re-detection keeps those.
    decided = [f for f in flags if is_fixed(f)]
    pending = [f for f in flags if not is_fixed(f)]
    decided_ids = {f["id"] for f in decided}
    candidates = [
        d
        for d in case.detections(media_id=media_id)
        if d["flag_id"] not in decided_ids
        and d["score"] >= threshold_for(d["category"], thresholds)
    ]
    new_flags, absorbed = [], []
    for group in group_detections(candidates):
        flag = _flag_from(group, models_of or {})
        if any(
            f["category"] == flag["category"]
            # An officer's own flag covers the moment whatever the machine heard or read.
            and f["source"] in (flag["source"], OFFICER_SOURCE)
            and _overlaps(f, flag["start_s"], flag["end_s"], MERGE_GAP_S)
            for f in decided
        ):
            absorbed += flag["detection_ids"]  # already decided by an officer: no second flag
            continue
        for old in pending:
            if (old["category"], old["source"]) == (flag["category"], flag["source"]) and _overlaps(
                old, flag["start_s"], flag["end_s"], 0.0
            ):
                flag["id"] = old["id"]
                pending.remove(old)
                break
        new_flags.append(flag)
    return write_flags(case, media_id, new_flags, absorbed, audit)
