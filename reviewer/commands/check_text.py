"""`reviewer check-text`: what analysis would decide on each line of text, and why.

Agencies use it to test lexicon edits and thresholds on sentences before analysing video: it loads
the same detector (the settings' lexicon folder, the installed text model and meaning head) and
applies the same per-category thresholds as the flags.

    printf 'line one\\nline two\\n' | reviewer check-text --json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..errors import UsageError


def check_lines(
    lines: Iterable[str], language: str | None = None, lexicon_dir: Path | None = None
) -> Iterator[dict]:
    """One {"text", "hits": [{"category", "score", "why"}]} per line, in order."""
    from ..detections import load_text_scorer
    from ..flagging import threshold_for
    from ..settings import load_settings

    settings = load_settings()
    folder = lexicon_dir or (Path(settings.lexicon_dir) if settings.lexicon_dir else None)
    detector = load_text_scorer(folder)
    batch: list[str] = []

    def flush() -> Iterator[dict]:
        for text, hits in zip(batch, detector.score_many(batch, language), strict=True):
            yield {
                "text": text,
                "hits": [
                    {"category": h.category, "score": round(h.score, 3), "why": h.why or h.reason}
                    for h in hits
                    if h.score >= threshold_for(h.category, settings.thresholds)
                ],
            }
        batch.clear()

    for line in lines:
        batch.append(line.rstrip("\r\n"))
        if len(batch) >= 64:  # batched for the meaning model, still streaming for long files
            yield from flush()
    yield from flush()


def cmd_check_text(args: argparse.Namespace) -> int:
    from ..settings import load_settings

    language = args.language or load_settings().language
    language = language if language in {"vi", "en"} else None
    if args.file is not None:
        try:
            handle: TextIO = args.file.open(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"Cannot read {args.file}: {exc.strerror}.") from exc
    else:
        handle = sys.stdin
    with handle:
        for result in check_lines(handle, language):
            if args.json:
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            else:
                print(result["text"])
                for hit in result["hits"]:
                    print(f"  -> {hit['category']} {hit['score']:.2f}: {hit['why']}")
                if not result["hits"]:
                    print("  -> nothing")
            sys.stdout.flush()
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-text", help="what analysis would flag in each line of text, and why")
    p.add_argument("file", nargs="?", type=Path, help="a UTF-8 text file (default: stdin)")
    p.add_argument("--language", choices=["vi", "en"], help="default: the settings' language")
    p.add_argument("--json", action="store_true", help="one JSON object per input line")
    p.set_defaults(func=cmd_check_text)
