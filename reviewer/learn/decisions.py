"""What the officers decided in a case, as the learning step needs it.

A machine flag is kept at threshold t when its best detection scores >= t, so each decision
carries that best score. An officer-made flag carries the best score any detection of its
category gave inside its span (0 when the machine saw nothing there): the score a lower
threshold would have needed to raise it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..store import open_case
from ..store.case import Case
from ..store.officer_flags import OFFICER_SOURCE, excerpt

POSITIVE = ("confirmed", "officer")


@dataclass(frozen=True)
class Decision:
    case_id: str
    flag_id: int
    media_id: int
    category: str
    label: str  # confirmed | rejected | officer (added by the officer: a miss)
    score: float  # best detection score behind it (see the module note)
    matched: tuple[str, ...]
    text: str
    start_s: float | None
    end_s: float | None

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE


@dataclass
class CaseDecisions:
    folder: Path
    case_id: str
    decisions: list[Decision]
    #: transcript and on-screen text of the case outside every positive moment, per media
    background: list[str]


def _overlap(a0, a1, b0, b1) -> bool:
    if a0 is None or b0 is None:
        return a0 is None and b0 is None
    return a0 <= b1 and b0 <= a1


def _best_inside(dets: list[dict], flag: dict) -> float:
    scores = [
        d["score"]
        for d in dets
        if d["category"] == flag["category"]
        and _overlap(d["start_s"], d["end_s"], flag["start_s"], flag["end_s"])
    ]
    return max(scores, default=0.0)


def read_case(case: Case) -> CaseDecisions:
    decisions: list[Decision] = []
    by_media: dict[int, list[dict]] = {}
    for det in case.detections():
        by_media.setdefault(det["media_id"], []).append(det)
    for flag in case.flags():
        if flag["source"] == OFFICER_SOURCE:
            label = "officer"
            score = _best_inside(by_media.get(flag["media_id"], []), flag)
        elif flag["status"] in ("confirmed", "rejected"):
            label = flag["status"]
            linked = [
                d["score"] for d in by_media.get(flag["media_id"], []) if d["flag_id"] == flag["id"]
            ]
            score = max(linked, default=flag["score"])
        else:
            continue  # pending and unsure teach nothing yet
        text = flag["text"] or ""
        if label == "officer" and not text:
            text = excerpt(case.conn, flag["media_id"], flag["start_s"], flag["end_s"])
        decisions.append(
            Decision(
                case.case_id,
                flag["id"],
                flag["media_id"],
                flag["category"],
                label,
                float(score),
                tuple(flag["matched"] or ()),
                text,
                flag["start_s"],
                flag["end_s"],
            )
        )
    return CaseDecisions(case.folder, case.case_id, decisions, _background(case, decisions))


def _background(case: Case, decisions: list[Decision]) -> list[str]:
    """Text the officers saw and did not flag: where a phrase to add must never appear."""
    spans: dict[int, list[tuple]] = {}
    for d in decisions:
        if d.positive:
            spans.setdefault(d.media_id, []).append((d.start_s, d.end_s))
    out = []
    for row in [*case.segments(), *case.frame_texts()]:
        inside = any(
            _overlap(row["start_s"], row["end_s"], a, b) for a, b in spans.get(row["media_id"], [])
        )
        if not inside:
            out.append(row["text"])
    return out


def load_cases(folders: list[Path]) -> list[CaseDecisions]:
    out = []
    for folder in folders:
        with open_case(folder, create=False) as case:
            out.append(read_case(case))
    return out
