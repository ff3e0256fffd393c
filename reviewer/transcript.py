"""Transcript export as plain text, SubRip, WebVTT or JSON."""

from __future__ import annotations

import json
import textwrap

FORMATS = ("txt", "srt", "vtt", "json")
# Subtitle cues an officer can read while the video plays: two lines of at most 42 characters.
LINE_CHARS = 42


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def cues(segment: dict) -> list[tuple[float, float, str]]:
    """A segment as subtitle cues of at most two lines, timed by its words where it has them
    (evenly by characters where it has not), each wrapped into lines of LINE_CHARS."""
    start, end, text = segment["start_s"], segment["end_s"], segment["text"].strip()
    words = [w for w in segment.get("words") or [] if w["word"].strip()]
    if len(textwrap.wrap(text, LINE_CHARS)) <= 2:
        return [(start, end, "\n".join(textwrap.wrap(text, LINE_CHARS)) or text)]
    if not words:  # no word times: share the span out by characters
        lines = textwrap.wrap(text, LINE_CHARS)
        pieces = [" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]
        total = sum(len(p) for p in pieces)
        out, t = [], start
        for piece in pieces:
            t_end = t + (end - start) * len(piece) / total
            out.append((t, t_end, "\n".join(lines[len(out) * 2 : len(out) * 2 + 2])))
            t = t_end
        return out
    out: list[tuple[float, float, str]] = []
    group: list[dict] = []
    for word in words:
        candidate = " ".join(w["word"].strip() for w in [*group, word])
        if group and len(textwrap.wrap(candidate, LINE_CHARS)) > 2:
            out.append(_cue(group))
            group = []
        group.append(word)
    out.append(_cue(group))
    return out


def _cue(words: list[dict]) -> tuple[float, float, str]:
    text = " ".join(w["word"].strip() for w in words)
    return words[0]["start"], words[-1]["end"], "\n".join(textwrap.wrap(text, LINE_CHARS))


# An officer's correction is marked wherever the transcript is read (Vietnamese first: the
# exported files go to Vietnamese readers); the machine text is shown beside it in txt and json.
CORRECTED_MARK = "✎"


def _txt_line(s: dict, ids: bool) -> str:
    head = f"#{s['id']} " if ids and s.get("id") is not None else ""
    line = f"{head}[{_stamp(s['start_s'], '.')}] "
    if not s.get("corrected"):
        return line + f"{s['text']}\n"
    return line + (
        f"{CORRECTED_MARK} {s['text']}  (cán bộ {s.get('corrected_by') or '?'} sửa / corrected;"
        f' máy nghe / machine heard: "{s.get("machine_text", "")}")\n'
    )


def _marked(s: dict) -> dict:
    """A segment for subtitles: the officer's text, marked."""
    if not s.get("corrected"):
        return s
    return {**s, "text": f"{CORRECTED_MARK} {s['text']}"}


def render(segments: list[dict], fmt: str, ids: bool = False) -> str:
    """The transcript in `fmt`; corrected segments show the officer's text, marked, and (txt,
    json) the machine text beside it. `ids` prefixes each txt line with its segment id."""
    if fmt == "json":
        return json.dumps(segments, ensure_ascii=False, indent=2)
    if fmt == "txt":
        return "".join(_txt_line(s, ids) for s in segments)
    timed = [cue for s in segments for cue in cues(_marked(s))]
    if fmt == "srt":
        return "\n".join(
            f"{i}\n{_stamp(a, ',')} --> {_stamp(b, ',')}\n{text}\n"
            for i, (a, b, text) in enumerate(timed, start=1)
        )
    if fmt == "vtt":
        body = "\n".join(f"{_stamp(a, '.')} --> {_stamp(b, '.')}\n{text}\n" for a, b, text in timed)
        return "WEBVTT\n\n" + body
    raise ValueError(f"unknown transcript format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_onscreen(items: list[dict], fmt: str) -> str:
    """On-screen text (OCR items: start_s/end_s, or none for a screenshot) in `fmt`."""
    if fmt == "json":
        return json.dumps(items, ensure_ascii=False, indent=2)
    if fmt == "txt":
        return "".join(
            (
                f"[{_stamp(t['start_s'], '.')} – {_stamp(t['end_s'] or t['start_s'], '.')}] "
                if t.get("start_s") is not None
                else "[screenshot] "
            )
            + f"{t['text']}\n"
            for t in items
        )
    timed = [
        {"start_s": t["start_s"], "end_s": t.get("end_s") or t["start_s"], "text": t["text"]}
        for t in items
        if t.get("start_s") is not None
    ]
    return render(timed, fmt)
