"""`reviewer transcript`: print what was said (or, with --onscreen, what was shown), and
`reviewer transcript edit`: an officer's correction of a segment's text."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import UsageError
from ..transcript import FORMATS, render, render_onscreen

#: Engine kinds `reviewer --help` names (settings.ENGINE_CHOICES without `both`).
ENGINE_KINDS = ("whisper", "vietasr")


def _engine_names(case, media_rows: list[dict], wanted: str) -> dict[int, set[str]]:
    """media id -> the stored engine names `wanted` stands for (a kind or a stored name).

    Raises UsageError naming the choices when `wanted` is neither."""
    stored: set[str] = set()
    out: dict[int, set[str]] = {}
    for media in media_rows:
        passes = case.speech_passes(media["id"])
        names = {p["engine"]: p["kind"] for p in passes}
        if not names and media.get("speech_model"):  # analysed before engines were recorded
            names = {media["speech_model"]: "whisper"}
        stored.update(names)
        out[media["id"]] = {n for n, kind in names.items() if wanted in (n, kind)}
    if wanted not in ENGINE_KINDS and wanted not in stored:
        known = ", ".join([*ENGINE_KINDS, *sorted(stored - set(ENGINE_KINDS))])
        raise UsageError(f"Unknown speech engine {wanted!r}; use one of: {known}.")
    return out


def cmd_transcript(args: argparse.Namespace) -> int:
    from ..store import open_case

    if not args.case:
        raise UsageError("Say which case: reviewer transcript --case FOLDER.")
    with open_case(args.case, create=False) as case:
        media_rows = case.list_media()
        if args.media is not None:
            media_rows = [m for m in media_rows if m["id"] == args.media]
            if not media_rows:
                raise UsageError(
                    f"No media #{args.media} in this case; see `reviewer flags --case`."
                )
        if args.onscreen:
            items = [t for m in media_rows for t in case.frame_texts(m["id"])]
            sys.stdout.write(render_onscreen(items, args.format))
            if not items:
                sys.stderr.write("No on-screen text was read in this case (or media).\n")
            return 0
        if args.engine:
            names = _engine_names(case, media_rows, args.engine)
            segments = [
                s
                for m in media_rows
                for engine in sorted(names[m["id"]])
                for s in case.segments(m["id"], engine=engine)
            ]
            if not segments:
                sys.stderr.write(f"No segments from the {args.engine} engine in this case.\n")
        else:
            segments = [s for m in media_rows for s in case.transcript_segments(m["id"])]
        silent = [m for m in media_rows if m["kind"] == "image" or not case.segments(m["id"])]
        for media in silent:
            if case.frame_texts(media["id"]):
                what = "a screenshot" if media["kind"] == "image" else "without speech"
                sys.stderr.write(
                    f"media #{media['id']} is {what}: print its on-screen text with "
                    f"`reviewer transcript --case {args.case} --media {media['id']} --onscreen`\n"
                )
    sys.stdout.write(render(segments, args.format, ids=True))
    return 0


def cmd_transcript_edit(args: argparse.Namespace) -> int:
    from ..corrections import correct_and_redetect
    from ..store import open_case

    with open_case(args.case, officer=args.officer, create=False) as case:
        result = correct_and_redetect(case, args.segment, args.text, args.officer)
    seg = result.segment
    if args.json:
        out = {"segment": seg, "flags": result.flags, "flags_removed": result.removed}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not seg.get("corrected"):
        print(f"segment {seg['id']}: back to the machine text: {seg['text']}")
    else:
        print(f"segment {seg['id']} corrected by {seg['corrected_by']}: {seg['text']}")
        print(f"  machine text kept: {seg['machine_text']}")
    for flag in result.flags:
        print(f"  flag #{flag['id']} {flag['category']} ({flag['score']:.2f}) {flag['status']}")
    if result.removed:
        print(f"  {result.removed} pending flag(s) raised by the machine text are gone")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "transcript", help="print transcripts or on-screen text; correct a segment (edit)"
    )
    p.add_argument("--case", help="case folder")
    p.add_argument("--media", type=int, help="one media id (see `reviewer flags`)")
    p.add_argument("--format", choices=list(FORMATS), default="txt")
    p.add_argument(
        "--engine",
        help="one engine's segments: whisper, vietasr or a stored engine name "
        "(default: the reading transcript)",
    )
    p.add_argument(
        "--onscreen", action="store_true", help="the on-screen text read from pictures (OCR)"
    )
    p.set_defaults(func=cmd_transcript)
    tsub = p.add_subparsers(dest="transcript_cmd")
    edit = tsub.add_parser("edit", help="correct a segment's text (the machine text is kept)")
    edit.add_argument("--case", required=True)
    edit.add_argument(
        "--segment",
        type=int,
        required=True,
        help="segment id (`reviewer transcript --format json`)",
    )
    edit.add_argument("--text", required=True, help="what was said")
    edit.add_argument("--officer", required=True, help="who corrects (recorded in the audit log)")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(func=cmd_transcript_edit)
