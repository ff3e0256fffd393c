"""Flags on the six benign real voices, text detection only: decode once, re-detect many times.

Speech decoding is the slow part (minutes on two cores); text detection takes seconds. The six
`vieneu` voices (bench/real_voices.py) are analysed once per speech engine and layout (one by
one, as one long recording, and each twice in a row: the layouts of bench/eval_real_voices.py)
into cases kept under --cases; each run after that re-detects their stored transcripts the way
analysis does (MediaDetector.complete: sentences, the sentence before, thresholds) with the
meaning model off and on. The voices are benign: every flag is a false flag.

    .venv/bin/python bench/real_voice_flags.py                # decode if needed, then detect
    .venv/bin/python bench/real_voice_flags.py --configs whisper --modes meaning
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_voices import long_form, voices  # noqa: E402

ENGINES = ("whisper", "vietasr", "both")
LAYOUTS = ("isolated", "long", "pairs")


def decode(config: str, folder: Path) -> None:
    """Analyse the voices with `config`'s engine into folder/LAYOUT cases (meaning off: only
    the transcripts are kept from this step)."""
    from reviewer.pipeline import AnalysisOptions, Analyzer
    from reviewer.store import open_case

    os.environ["REVIEWER_MEANING"] = "0"
    clips = voices()
    if len(clips) != 6:
        raise SystemExit("Run `make setup` (scripts/fetch_real_voices.py) to fetch the voices.")
    options = AnalysisOptions(language="vi", speech_engine=config, vision=False)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = {
            "isolated": [c[0] for c in clips],
            "long": [long_form(work / "long form.wav")[0]],
            "pairs": [long_form(work / "in a row.wav", repeats=2, pause_s=1.5, in_a_row=True)[0]],
        }
        for layout in LAYOUTS:
            with open_case(folder / layout, officer="bench") as case:
                Analyzer(case, options).run(files[layout])


def redetect(folder: Path, meaning: bool) -> list[dict]:
    from reviewer.detections import MediaDetector
    from reviewer.store import open_case
    from reviewer.text import TextScorer

    scorer = TextScorer(meaning=meaning)
    flags = []
    for layout in LAYOUTS:
        with open_case(folder / layout, officer="bench") as case:
            for media in case.list_media():
                MediaDetector(case, media["id"], scorer, {}, "vi").complete()
            flags += [
                {"layout": layout, "category": f["category"], "text": f["text"]}
                for f in case.flags()
            ]
    return flags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=ROOT / "bench" / "out" / "real-voice-cases")
    ap.add_argument("--configs", default=",".join(ENGINES))
    ap.add_argument("--modes", default="lexicon,meaning")
    args = ap.parse_args()
    report: dict = {}
    for config in args.configs.split(","):
        folder = args.cases / config
        if not all((folder / layout / "case.db").is_file() for layout in LAYOUTS):
            print(f"decoding the six voices with {config} (once) ...", flush=True)
            decode(config, folder)
        for mode in args.modes.split(","):
            flags = redetect(folder, meaning=(mode == "meaning"))
            report[f"{config}/{mode}"] = flags
            print(f"{config:8s} {mode:8s} {len(flags)} flags", flush=True)
            for f in flags:
                print("   ", json.dumps(f, ensure_ascii=False))
    print(json.dumps({k: len(v) for k, v in report.items()}))


if __name__ == "__main__":
    main()
