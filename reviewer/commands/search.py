"""`reviewer search --case DIR "…"`: find moments by words and by meaning.

Speech sentences and on-screen lines of every media item, ranked (see
reviewer/text/meaning/search.py). Cases analysed before sentence vectors were stored get them on
first search, with progress on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = int(seconds)
    return f"{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def cmd_search(args: argparse.Namespace) -> int:
    from ..settings import load_settings
    from ..store import open_case
    from ..text.meaning.search import search

    language = load_settings().language
    language = language if language in {"vi", "en"} else None

    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\rsentence vectors for this case: {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    with open_case(args.case, create=False) as case:
        hits = search(case, args.query, args.limit, language, progress=progress)
    if args.json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit.as_json(), ensure_ascii=False) + "\n")
        return 0
    if not hits:
        print("nothing found")
    for hit in hits:
        print(
            f"{hit.score:.2f}  {hit.media_name} {_clock(hit.start_s)}-{_clock(hit.end_s)} "
            f"[{hit.source}] {hit.text}"
        )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="find moments by words and meaning (speech and screen text)")
    p.add_argument("--case", required=True, type=Path, help="the case folder")
    p.add_argument("query", help="words or a sentence, e.g. 'bán tài khoản ngân hàng'")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="one JSON object per hit, best first")
    p.set_defaults(func=cmd_search)
