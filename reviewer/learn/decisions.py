"""What the officers decided in a case, as the learning step needs it.

A machine flag is kept at threshold t when its best detection scores >= t, so each decision
carries that best score. An officer-made flag carries the best score any detection of its
category gave inside its span (0 when the machine saw nothing there): the score a lower
threshold would have needed to raise it.

Each decision also names its *units*: the transcript segments and on-screen text items it stands
on (a machine flag: those its detections came from; an officer flag: those mostly inside its span,
so a chat line on screen for a minute does not become part of every moment around it). Units no
positive decision stands on are the case's background: text the officers saw and did not flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    units: tuple[tuple[str, int], ...] = ()  # ("seg" | "ocr", row id)
    #: stands on a segment an officer corrected: `text` is the officer's, not the recogniser's
    corrected: bool = False

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE


@dataclass
class CaseDecisions:
    folder: Path
    case_id: str
    decisions: list[Decision]
    #: text of the units no positive decision stands on
    background: list[str]
    #: unit -> its text, for every unit a decision stands on
    unit_text: dict[tuple[str, int], str]
    #: (category, score) of detections behind no decision: what a lower threshold would add
    undecided: list[tuple[str, float]] = field(default_factory=list)


START_SLACK_S = 1.0


def _best_inside(dets: list[dict], flag: dict) -> float:
    """Best score of a detection of the flag's category that begins within it: a chat line that
    appeared a minute earlier and is still on screen is not what the officer marked."""
    scores = [
        d["score"]
        for d in dets
        if d["category"] == flag["category"]
        and (
            flag["start_s"] is None
            or d["start_s"] is None
            or flag["start_s"] - START_SLACK_S <= d["start_s"] <= flag["end_s"]
        )
    ]
    return max(scores, default=0.0)


MOSTLY_INSIDE = 0.5


def _units(case: Case) -> dict[tuple[str, int], dict]:
    out = {("seg", r["id"]): r for r in case.segments()}
    out.update({("ocr", r["id"]): r for r in case.frame_texts()})
    return out


def _inside(unit: dict, flag: dict) -> bool:
    """Is most of the unit within the flag's span (any unit of the media for an untimed flag)?"""
    if flag["start_s"] is None or unit["start_s"] is None:
        return True
    a, b = unit["start_s"], unit["end_s"] if unit["end_s"] is not None else unit["start_s"]
    shared = min(b, flag["end_s"]) - max(a, flag["start_s"])
    return shared >= MOSTLY_INSIDE * max(b - a, 0.0) and shared >= 0


def read_case(case: Case) -> CaseDecisions:
    decisions: list[Decision] = []
    by_media: dict[int, list[dict]] = {}
    for det in case.detections():
        by_media.setdefault(det["media_id"], []).append(det)
    units = _units(case)
    detected: dict[tuple[str, int], str] = {}  # unit -> the text a detection saw in it
    for flag in case.flags():
        linked = [d for d in by_media.get(flag["media_id"], []) if d["flag_id"] == flag["id"]]
        if flag["source"] == OFFICER_SOURCE:
            label = "officer"
            score = _best_inside(by_media.get(flag["media_id"], []), flag)
            mine = tuple(
                key
                for key, u in units.items()
                if u["media_id"] == flag["media_id"] and _inside(u, flag)
            )
        elif flag["status"] in ("confirmed", "rejected"):
            label = flag["status"]
            score = max((d["score"] for d in linked), default=flag["score"])
            for d in linked:
                if d["segment_id"] or d["frame_text_id"]:
                    key = (
                        ("seg", d["segment_id"]) if d["segment_id"] else ("ocr", d["frame_text_id"])
                    )
                    detected[key] = d["text"] or ""
            mine = tuple(
                dict.fromkeys(
                    ("seg", d["segment_id"]) if d["segment_id"] else ("ocr", d["frame_text_id"])
                    for d in linked
                    if d["segment_id"] or d["frame_text_id"]
                )
            )
        else:
            continue  # pending and unsure teach nothing yet
        text = flag["text"] or ""
        corrected = [k for k in mine if units.get(k, {}).get("corrected")]
        if corrected and label != "officer":
            # An officer heard it better than the recogniser: their words are the example.
            text = " ".join(units[k]["text"].strip() for k in mine)
        if label == "officer":
            # What was said or shown within the moment, not the chat around it.
            text = " ".join(units[k]["text"].strip() for k in mine) or excerpt(
                case.conn, flag["media_id"], flag["start_s"], flag["end_s"]
            )
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
                mine,
                bool(corrected),
            )
        )
    used = {k for d in decisions if d.positive for k in d.units}
    # A machine flag stands on what was detected (a speech sentence, not its whole segment).
    # A corrected segment stands on the officer's text, whatever the machine's detection read.
    unit_text = {
        k: units[k]["text"] if units[k].get("corrected") else detected.get(k, units[k]["text"])
        for d in decisions
        for k in d.units
    }
    background = [u["text"] for k, u in units.items() if k not in used]
    behind = {d.flag_id for d in decisions}
    officer = [f for f in case.flags() if f["source"] == OFFICER_SOURCE]
    undecided = [
        (d["category"], d["score"])
        for dets in by_media.values()
        for d in dets
        if d["flag_id"] not in behind
        and not any(f["media_id"] == d["media_id"] and _best_inside([d], f) for f in officer)
    ]
    return CaseDecisions(case.folder, case.case_id, decisions, background, unit_text, undecided)


def load_cases(folders: list[Path]) -> list[CaseDecisions]:
    out = []
    for folder in folders:
        with open_case(folder, create=False) as case:
            out.append(read_case(case))
    return out
