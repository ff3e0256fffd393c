"""Per-category thresholds the decisions imply.

At threshold t a machine flag exists when its best detection scores >= t; an officer-made flag
would have been raised when some detection of its category inside it scored >= t (the floor of
stored detections is reviewer.flagging.DETECTION_FLOOR: below it, no threshold brings it back).

Rule: keep every confirmed (and recoverable added) moment where possible, i.e. t <= the lowest
positive score; within that, remove as many rejected flags as possible; otherwise stay put.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from ..flagging import DETECTION_FLOOR, threshold_for
from .decisions import Decision

MIN_DECISIONS = 3  # fewer decisions in a category: report, propose nothing
# Never suggest lower: near the detection floor every weak hint becomes a flag to review.
MIN_SUGGESTED = 0.3
STEP = 0.01


@dataclass
class ThresholdProposal:
    id: str
    category: str
    current: float
    suggested: float
    confirmed: int  # machine flags confirmed (at any threshold)
    rejected: int
    added: int  # officer-made flags: moments the machine missed
    kept_confirmed: int  # confirmed flags the suggested threshold keeps
    removed_rejected: int
    recovered_added: int  # officer-made moments it would have raised
    precision_now: float | None
    recall_now: float | None
    precision_after: float | None
    recall_after: float | None
    changes: bool
    summary: str
    more_to_review: int = 0  # undecided detections a lower threshold would raise (upper bound)

    def to_json(self) -> dict:
        return asdict(self)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _measure(decisions: list[Decision], t: float) -> tuple[int, int, int, int]:
    """(confirmed kept, rejected kept, added recovered, all positives) at threshold t."""
    conf = sum(d.label == "confirmed" and d.score >= t for d in decisions)
    rej = sum(d.label == "rejected" and d.score >= t for d in decisions)
    rec = sum(d.label == "officer" and d.score >= max(t, DETECTION_FLOOR) for d in decisions)
    return conf, rej, rec, sum(d.positive for d in decisions)


def suggest(decisions: list[Decision], current: float) -> float:
    floor = DETECTION_FLOOR
    pos = [d.score for d in decisions if d.positive and d.score >= max(floor, MIN_SUGGESTED)]
    neg = [d.score for d in decisions if d.label == "rejected"]
    if not pos:
        if not neg:
            return current
        return min(0.99, max(current, math.ceil((max(neg) + 1e-6) / STEP) * STEP))
    lowest = math.floor(min(pos) / STEP + 1e-9) * STEP
    if lowest < current:
        return max(MIN_SUGGESTED, lowest)  # lower: officers found moments below the threshold
    below = [n for n in neg if n < min(pos)]
    if below and max(below) >= current:
        raised = math.ceil((max(below) + 1e-6) / STEP) * STEP
        return raised if raised <= min(pos) else lowest
    return current


def propose_thresholds(
    decisions: list[Decision],
    thresholds: Mapping[str, float],
    undecided: list[tuple[str, float]] = (),
) -> list[ThresholdProposal]:
    out = []
    for category in sorted({d.category for d in decisions}):
        own = [d for d in decisions if d.category == category]
        current = threshold_for(category, thresholds)
        enough = len(own) >= MIN_DECISIONS
        t = round(suggest(own, current), 2) if enough else current
        c_now, r_now, a_now, positives = _measure(own, current)
        c_after, r_after, a_after, _ = _measure(own, t)
        confirmed = sum(d.label == "confirmed" for d in own)
        rejected = sum(d.label == "rejected" for d in own)
        added = sum(d.label == "officer" for d in own)
        summary = (
            f"would have removed {rejected - r_after} of {rejected} rejected flags, "
            f"kept {c_after} of {confirmed} confirmed"
            + (f", raised {a_after} of {added} the officers added" if added else "")
        )
        more = sum(c == category and t <= s < current for c, s in undecided)
        if more:
            summary += f"; would also raise up to {more} undecided detections for review"
        if not enough:
            summary = f"only {len(own)} decisions (need {MIN_DECISIONS}): no change proposed"
        out.append(
            ThresholdProposal(
                id=f"threshold:{category}",
                category=category,
                current=round(current, 3),
                suggested=t,
                confirmed=confirmed,
                rejected=rejected,
                added=added,
                kept_confirmed=c_after,
                removed_rejected=rejected - r_after,
                recovered_added=a_after,
                precision_now=_ratio(c_now + a_now, c_now + a_now + r_now),
                recall_now=_ratio(c_now + a_now, positives),
                precision_after=_ratio(c_after + a_after, c_after + a_after + r_after),
                recall_after=_ratio(c_after + a_after, positives),
                changes=abs(t - current) >= STEP / 2,
                summary=summary,
                more_to_review=more if enough else 0,
            )
        )
    return out
