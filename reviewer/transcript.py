"""Transcript export as plain text, SubRip, WebVTT or JSON."""

from __future__ import annotations

import json

FORMATS = ("txt", "srt", "vtt", "json")


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def render(segments: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(segments, ensure_ascii=False, indent=2)
    if fmt == "txt":
        return "".join(f"[{_stamp(s['start_s'], '.')}] {s['text']}\n" for s in segments)
    if fmt == "srt":
        return "\n".join(
            f"{i}\n{_stamp(s['start_s'], ',')} --> {_stamp(s['end_s'], ',')}\n{s['text']}\n"
            for i, s in enumerate(segments, start=1)
        )
    if fmt == "vtt":
        body = "\n".join(
            f"{_stamp(s['start_s'], '.')} --> {_stamp(s['end_s'], '.')}\n{s['text']}\n"
            for s in segments
        )
        return "WEBVTT\n\n" + body
    raise ValueError(f"unknown transcript format {fmt!r}; choose one of {', '.join(FORMATS)}")
