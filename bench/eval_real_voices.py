"""Word error rate of each speech engine and decoding setting on real human Vietnamese voices.

The six recorded voices of `vieneu` (north/south, men/women; scripts/fetch_real_voices.py) are
analysed one by one, as one long recording with pauses (the six, twice) and as the six each
twice in a row with 1.5 s between (A A B B ..., 65 s: the layout that once lost its start), through the same
Analyzer that `reviewer analyze` runs, and read back as the case's transcript. Benign speech: any
flag is a false flag. Prints JSON (and writes bench/out/eval_real_voices.json).

    .venv/bin/python bench/eval_real_voices.py [--configs whisper,vietasr,...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_voices import long_form, voices, wer  # noqa: E402

from reviewer.pipeline import AnalysisOptions, Analyzer  # noqa: E402
from reviewer.speech import SpeechOptions  # noqa: E402
from reviewer.store import open_case  # noqa: E402

CONFIGS = {
    # name: (speech_engine, speech_bias, condition_on_previous_text, beam_size)
    "whisper": ("whisper", "none", False, 5),  # the default
    "whisper+context": ("whisper", "none", True, 5),
    "whisper+hotwords": ("whisper", "lexicon", False, 5),
    "whisper+beam2": ("whisper", "none", False, 2),
    "whisper+greedy": ("whisper", "none", False, 1),
    "vietasr": ("vietasr", "none", False, 5),
    "both": ("both", "none", False, 5),
}


def run(config: str, files: list[Path], work: Path) -> dict:
    engine, bias, context, beam = CONFIGS[config]
    options = AnalysisOptions(
        language="vi",
        speech_engine=engine,
        speech_bias=bias,
        vision=False,
        speech=SpeechOptions(condition_on_previous_text=context, beam_size=beam),
    )
    with open_case(work / config, officer="bench") as case:
        began = time.perf_counter()
        result = Analyzer(case, options).run(files)
        seconds = time.perf_counter() - began
        # Unintelligible markers are not words anyone said: left out of the text (WER counts
        # their speech as deleted) and counted on their own.
        texts = [
            " ".join(s["text"] for s in case.transcript_segments(m) if not s.get("unintelligible"))
            for m in result.media_ids
        ]
        marked = sum(
            s["end_s"] - s["start_s"]
            for m in result.media_ids
            for s in case.transcript_segments(m)
            if s.get("unintelligible")
        )
        flags = [
            {"category": f["category"], "text": f["text"], "heard_by": f["heard_by"]}
            for f in case.flags()
        ]
        segments = [s for m in result.media_ids for s in case.transcript_segments(m)]
        first = [
            min((s["start_s"] for s in case.transcript_segments(m)), default=None)
            for m in result.media_ids
        ]
    return {
        "texts": texts,
        "flags": flags,
        "seconds": round(seconds, 2),
        "first_s": first,
        "unintelligible_s": round(marked, 2),
        "longest_segment_s": round(
            max((s["end_s"] - s["start_s"] for s in segments), default=0), 2
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default=",".join(CONFIGS))
    args = parser.parse_args()
    clips = voices()
    if len(clips) != 6:
        raise SystemExit("Run `make setup` (scripts/fetch_real_voices.py) to fetch the voices.")
    report: dict = {"voices": [c[0].stem for c in clips], "configs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        long_path, long_refs = long_form(work / "long form.wav")
        pairs_path, pairs_refs = long_form(
            work / "in a row.wav", repeats=2, pause_s=1.5, in_a_row=True
        )
        for config in args.configs.split(","):
            isolated = run(config, [c[0] for c in clips], work / "isolated")
            joined = run(config, [long_path], work / "long")
            pairs = run(config, [pairs_path], work / "pairs")
            report["configs"][config] = {
                "wer_isolated": round(wer([c[1] for c in clips], isolated["texts"]), 3),
                "wer_long_form": round(wer([" ".join(long_refs)], joined["texts"]), 3),
                "wer_in_a_row": round(wer([" ".join(pairs_refs)], pairs["texts"]), 3),
                "first_transcribed_s_in_a_row": pairs["first_s"][0],
                "unintelligible_s": isolated["unintelligible_s"]
                + joined["unintelligible_s"]
                + pairs["unintelligible_s"],
                "false_flags": isolated["flags"] + joined["flags"] + pairs["flags"],
                "seconds_isolated": isolated["seconds"],
                "seconds_long_form": joined["seconds"],
                "seconds_in_a_row": pairs["seconds"],
                "longest_segment_s": joined["longest_segment_s"],
                "long_form_text": joined["texts"][0],
                "in_a_row_text": pairs["texts"][0],
            }
            print(config, json.dumps(report["configs"][config], ensure_ascii=False), flush=True)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "eval_real_voices.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    table = {
        k: {x: v[x] for x in ("wer_isolated", "wer_long_form", "wer_in_a_row", "seconds_long_form")}
        | {"false_flags": len(v["false_flags"])}
        for k, v in report["configs"].items()
    }
    print(json.dumps(table, indent=2))


if __name__ == "__main__":
    main()
