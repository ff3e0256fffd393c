"""A worker's payload is data from another machine: checked as data before anything is stored.

Schema (the keys and types the workstation reads), ranges (times inside the file and the range
that was asked for), sizes (bytes, counts, text lengths) and the media it names (the SHA-256 of
the file this range belongs to). A payload that fails is refused with the reason; nothing of it
is stored, and the file's analysis fails with that reason.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..errors import ClusterError
from .core import PAYLOAD_FORMAT, TimeRange

MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_SEGMENTS = 50_000
MAX_ITEMS = 200_000
MAX_TEXT = 10_000
MAX_WORDS = 5_000
SLACK_S = 2.0  # decoders round times; a little past the range's end is not an attack
HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PayloadRejected(ClusterError):
    """A worker's result is malformed, oversized, or about another file or range."""


def _fail(reason: str) -> None:
    raise PayloadRejected(f"A worker's result was refused: {reason}. Nothing of it was stored.")


def _type(value: Any, kind: type | tuple, where: str) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool) and kind in (int, float):
        _fail(f"{where} is {type(value).__name__}, not {getattr(kind, '__name__', kind)}")
    return value


def _time(value: Any, where: str, lo: float, hi: float | None) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        _fail(f"{where} is not a number")
    if (
        not math.isfinite(value)
        or value < lo - SLACK_S
        or (hi is not None and value > hi + SLACK_S)
    ):
        _fail(f"{where} = {value} lies outside the range asked for ({lo} to {hi})")
    return float(value)


def _text(value: Any, where: str) -> None:
    _type(value, str, where)
    if len(value) > MAX_TEXT:
        _fail(f"{where} has {len(value)} characters (at most {MAX_TEXT})")


def _pictures(stretch: dict, where: str, image: bool, lo: float, hi: float | None) -> int:
    """A stretch's QR codes and keyframe hashes (optional keys); returns how many."""
    codes = _type(stretch.get("codes", []), list, f"{where}.codes")
    keyframes = _type(stretch.get("keyframes", []), list, f"{where}.keyframes")
    for name, rows in (("codes", codes), ("keyframes", keyframes)):
        for j, row in enumerate(rows):
            at = f"{where}.{name}[{j}]"
            _type(row, dict, at)
            for key in ("start_s", "end_s"):
                if row.get(key) is not None or not image:
                    _time(row.get(key), f"{at}.{key}", lo, hi)
            if name == "codes":
                _text(row.get("text"), f"{at}.text")
                box = _type(row.get("box"), list, f"{at}.box")
                if len(box) != 4 or not all(isinstance(v, int | float) for v in box):
                    _fail(f"{at}.box is not four numbers")
            else:
                if not HEX64.match(str(row.get("pdq", ""))):
                    _fail(f"{at}.pdq is not a 256-bit PDQ hash")
                quality = _type(row.get("quality"), int, f"{at}.quality")
                if not 0 <= quality <= 100:
                    _fail(f"{at}.quality is not from 0 to 100")
    return len(codes) + len(keyframes)


def validate_payload(
    payload: Any, media_sha256: str, asked: TimeRange, duration_s: float | None
) -> int:
    """Raise PayloadRejected unless `payload` is a well-formed result for `asked` of this
    media; returns its size in bytes (as JSON)."""
    _type(payload, dict, "the payload")
    size = len(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    if size > MAX_PAYLOAD_BYTES:
        _fail(f"it is {size} bytes (at most {MAX_PAYLOAD_BYTES})")
    if payload.get("format") != PAYLOAD_FORMAT:
        _fail(f"format {payload.get('format')!r}, not {PAYLOAD_FORMAT} (same version everywhere)")
    if payload.get("sha256") != media_sha256:
        _fail(
            f"it names the file with SHA-256 {str(payload.get('sha256'))[:16]}…, but this range "
            f"belongs to {media_sha256[:16]}…"
        )
    if payload.get("range") != asked.as_json():
        _fail(f"it answers another range than range {asked.index} that was asked for")
    lo = asked.speech_cuts[0] if asked.speech_cuts else 0.0
    hi = asked.speech_cuts[-1] if asked.speech_cuts else duration_s
    models = _type(payload.get("models"), dict, "models")
    speech = _type(models.get("speech"), list, "models.speech")
    names = set()
    for i, m in enumerate(speech):
        _type(m, dict, f"models.speech[{i}]")
        _text(m.get("name"), f"models.speech[{i}].name")
        if not HEX64.match(str(m.get("sha256", ""))):
            _fail(f"models.speech[{i}].sha256 is not a SHA-256")
        _type(m.get("settings"), dict, f"models.speech[{i}].settings")
        names.add(m["name"])
    _type(models.get("ocr"), list, "models.ocr")
    segments = _type(payload.get("segments"), list, "segments")
    if len(segments) > MAX_SEGMENTS:
        _fail(f"{len(segments)} segments (at most {MAX_SEGMENTS})")
    for i, s in enumerate(segments):
        where = f"segment {i}"
        _type(s, dict, where)
        start = _time(s.get("start_s"), f"{where} start", lo, hi)
        end = _time(s.get("end_s"), f"{where} end", lo, hi)
        if end < start:
            _fail(f"{where} ends before it starts")
        _text(s.get("text"), f"{where} text")
        if s.get("engine") not in names:
            _fail(f"{where} names engine {s.get('engine')!r}, which the payload did not run")
        if len(_type(s.get("words", []), list, f"{where} words")) > MAX_WORDS:
            _fail(f"{where} has more than {MAX_WORDS} words")
    done = payload.get("speech_done_s")
    if done is not None:
        _time(done, "speech_done_s", lo, hi)
    if asked.vision is not None:
        v_lo, v_hi = asked.vision[0], asked.vision[1] if asked.vision[1] is not None else duration_s
    else:
        v_lo, v_hi = 0.0, duration_s
    count = 0
    for i, stretch in enumerate(_type(payload.get("vision"), list, "vision")):
        where = f"vision[{i}]"
        _type(stretch, dict, where)
        if not asked.image:
            _time(stretch.get("until"), f"{where}.until", v_lo, v_hi)
        items = _type(stretch.get("items"), list, f"{where}.items")
        detections = _type(stretch.get("detections"), list, f"{where}.detections")
        count += len(items) + len(detections)
        if count > MAX_ITEMS:
            _fail(f"more than {MAX_ITEMS} text items and detections")
        for j, item in enumerate(items):
            _type(item, dict, f"{where}.items[{j}]")
            _text(item.get("text"), f"{where}.items[{j}].text")
            for key in ("start_s", "end_s"):
                if item.get(key) is not None or not asked.image:
                    _time(item.get(key), f"{where}.items[{j}].{key}", v_lo, v_hi)
        for j, det in enumerate(detections):
            _type(det, dict, f"{where}.detections[{j}]")
            _text(det.get("category"), f"{where}.detections[{j}].category")
            score = det.get("score")
            if not isinstance(score, int | float) or not 0.0 <= float(score) <= 1.0:
                _fail(f"{where}.detections[{j}].score is not a number from 0 to 1")
        count += _pictures(stretch, where, asked.image, v_lo, v_hi)
        if count > MAX_ITEMS:
            _fail(f"more than {MAX_ITEMS} text items and detections")
    _type(payload.get("warnings"), list, "warnings")
    if payload.get("sentence_vectors") is not None:
        from ..text.meaning.range_vectors import VectorBlockError, decode

        try:
            decode(payload["sentence_vectors"])
        except VectorBlockError as exc:
            _fail(str(exc))
    worker = _type(payload.get("worker"), dict, "worker")
    _text(str(worker.get("host", "")), "worker.host")
    return size
