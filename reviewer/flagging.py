"""Detections → flags: one reviewable moment per category, source and stretch of time.

Detections of one category and one source closer than MERGE_GAP_S merge into one flag. Sources
stay apart: what the streamer says and what a viewer writes in the chat are different people's
acts, and an officer confirms each on its own evidence. A flag spans what was really said or
shown: the whole sentence, or the whole time its text was on screen (on-screen lines are grouped
by when they appeared, and the same line seen again within a minute is one line). Playback
starts LEAD_IN_S before it so the officer hears the lead-up. Thresholds apply here, not when
detecting, so new thresholds re-flag a case without re-running speech or OCR.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

from .store.case import Case
from .store.findings import write_flags
from .store.officer_flags import OFFICER_SOURCE, is_fixed

# Detections scoring below this are not stored (reviewer/detections.py), so no threshold under
# it brings them back (reviewer/learn/thresholds.py).
DETECTION_FLOOR = 0.25
MERGE_GAP_S = 8.0
LEAD_IN_S = 3.0
# Thresholds that differ from FALLBACK_THRESHOLD; the category list itself is categories.json.
DEFAULT_THRESHOLDS: dict[str, float] = {
    # open_nsfw: the authors suggest < 0.2 safe and > 0.8 NSFW; in between goes to a human.
    "obscene": 0.6,
}
# Every text category, and an agency's own: the text scores are calibrated so 0.5 is "the
# evidence says so" (reviewer/text/scorer.py).
FALLBACK_THRESHOLD = 0.5
# A chat line stays on screen long after it was written: when it appears is the moment, so
# lines are grouped with other lines by their first OCR_MOMENT_S seconds. The flag itself spans
# the whole time its text was on screen (what the officer sees must match what was shown).
OCR_MOMENT_S = 5.0
# The same line (same text, same sender) seen again within this many seconds is one moment
# whose span grows: a chat line that scrolls, or that OCR lost for a while, is not a new act.
SAME_LINE_WITHIN_S = 60.0
SAME_TEXT_RATIO = 0.8  # OCR of one line varies a little between readings


def threshold_for(category: str, thresholds: Mapping[str, float]) -> float:
    return thresholds.get(category, DEFAULT_THRESHOLDS.get(category, FALLBACK_THRESHOLD))


def _span(det: dict) -> tuple[float, float]:
    """The whole time the detection covers: the sentence said, the time the text was shown."""
    start = det["start_s"] if det["start_s"] is not None else 0.0
    end = det["end_s"] if det["end_s"] is not None else start
    return start, max(start, end)


def _order(det: dict) -> tuple:
    """Time, then content: two engines' detections of one moment are saved in whichever order
    their threads finish, and a flag's best text and model list must not depend on that."""
    return (*_span(det), det.get("engine") or "", det["text"], det["score"])


def _same_text(a: str, b: str) -> bool:
    a, b = (" ".join(unicodedata.normalize("NFC", t).casefold().split()) for t in (a, b))
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_TEXT_RATIO


def _lines(dets: list[dict]) -> list[list[dict]]:
    """On-screen detections of one category joined into lines: the same text again within
    SAME_LINE_WITHIN_S of where it was last seen is the same line (its span grows)."""
    done: list[list[dict]] = []
    open_: list[tuple[list[dict], float]] = []  # lines that can still grow, with their end
    for det in sorted(dets, key=_order):
        start, end = _span(det)
        # Time-ordered: a line not seen for a minute before this start is finished for good
        # (keeps a long recording's many chat lines from being compared with each other).
        done += [line for line, last in open_ if last + SAME_LINE_WITHIN_S < start]
        open_ = [(line, last) for line, last in open_ if last + SAME_LINE_WITHIN_S >= start]
        for i, (line, last) in enumerate(open_):
            if _same_text(line[0]["text"], det["text"]):
                line.append(det)
                open_[i] = (line, max(last, end))
                break
        else:
            open_.append(([det], end))
    return done + [line for line, _ in open_]


def _moment(unit: list[dict]) -> tuple[float, float]:
    """Where a unit (one detection, or one on-screen line) sits for grouping with others."""
    start = min(_span(d)[0] for d in unit)
    end = max(_span(d)[1] for d in unit)
    if unit[0]["source"] == "ocr":
        end = min(end, start + OCR_MOMENT_S)
    return start, end


def group_detections(detections: Sequence[dict], gap_s: float = MERGE_GAP_S) -> list[list[dict]]:
    """Same-category, same-source detections, time-ordered, split where more than `gap_s` apart.

    On-screen text is first joined into lines (one line seen again is one unit), and lines are
    grouped by when they appeared, not by how long they stayed."""
    groups: list[list[dict]] = []
    by_kind: dict[tuple[str, str], list[dict]] = {}
    for det in detections:
        by_kind.setdefault((det["category"], det["source"]), []).append(det)
    for kind in sorted(by_kind):
        dets = by_kind[kind]
        units = _lines(dets) if kind[1] == "ocr" else [[d] for d in sorted(dets, key=_order)]
        units.sort(key=lambda u: (_moment(u), _order(u[0])))
        current: list[dict] = []
        current_end = float("-inf")
        for unit in units:
            start, end = _moment(unit)
            if current and start > current_end + gap_s:
                groups.append(sorted(current, key=_order))
                current, current_end = [], float("-inf")
            current.extend(unit)
            current_end = max(current_end, end)
        if current:
            groups.append(sorted(current, key=_order))
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


def _moment_of(flag: dict) -> tuple[float | None, float | None]:
    """A flag's moment for matching: an on-screen flag is where its text appeared."""
    start, end = flag["start_s"], flag["end_s"]
    if start is not None and end is not None and flag["source"] == "ocr":
        end = min(end, start + OCR_MOMENT_S)
    return start, end


def _covered_by(flag: dict, decided: dict, decided_texts: Sequence[str]) -> bool:
    """An officer already decided this moment: the same category and source (or the officer's
    own flag) at the same moment, or, on screen, the same line seen again within a minute."""
    if flag["category"] != decided["category"]:
        return False
    if decided["source"] == OFFICER_SOURCE:
        start, end = _moment_of(flag)
        return _overlaps(decided, start, end, MERGE_GAP_S)
    if decided["source"] != flag["source"]:
        return False
    if flag["source"] != "ocr":
        return _overlaps(decided, flag["start_s"], flag["end_s"], MERGE_GAP_S)
    start, end = _moment_of(flag)
    d_start, d_end = _moment_of(decided)
    if _overlaps({"start_s": d_start, "end_s": d_end}, start, end, MERGE_GAP_S):
        return True
    if start is None or decided["end_s"] is None:
        return False
    return start <= decided["end_s"] + SAME_LINE_WITHIN_S and any(
        _same_text(text, seen) for text in flag["texts"] for seen in decided_texts
    )


def _continues(flag: dict, pending: list[dict]) -> dict | None:
    """The pending flag this one continues (keeps its id): same kind, overlapping span, the
    closest start first (long on-screen spans overlap more than one)."""
    same = [
        old
        for old in pending
        if (old["category"], old["source"]) == (flag["category"], flag["source"])
        and _overlaps(old, flag["start_s"], flag["end_s"], 0.0)
    ]
    if not same:
        return None
    return min(
        same, key=lambda old: (abs((old["start_s"] or 0.0) - (flag["start_s"] or 0.0)), old["id"])
    )


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
    detections = case.detections(media_id=media_id)
    decided_texts: dict[int, list[str]] = {}
    for d in detections:
        if d["flag_id"] in decided_ids:
            decided_texts.setdefault(d["flag_id"], []).append(d["text"])
    candidates = [
        d
        for d in detections
        if d["flag_id"] not in decided_ids
        and d["score"] >= threshold_for(d["category"], thresholds)
    ]
    new_flags, absorbed = [], []
    for group in group_detections(candidates):
        flag = _flag_from(group, models_of or {})
        texts = {**flag, "texts": sorted({d["text"] for d in group})}
        if any(_covered_by(texts, f, decided_texts.get(f["id"], [])) for f in decided):
            absorbed += flag["detection_ids"]  # already decided by an officer: no second flag
            continue
        old = _continues(flag, pending)
        if old is not None:
            flag["id"] = old["id"]
            pending.remove(old)
        new_flags.append(flag)
    return write_flags(case, media_id, new_flags, absorbed, audit)
