"""Detection quality of the real engine over the labelled set from bench/eval_set.py.

    python bench/eval_detection.py [--set bench/out/eval_set] [--out bench/out/eval_detection.json]
                                   [--configs default,hotwords,prompt] [--keep-cases DIR]

Runs reviewer.pipeline.Analyzer (faster-whisper base from the user's model folder, OCR and the
image classifier, device cpu) over every recording and screenshot into a fresh case in a temp
folder (REVIEWER_HOME from the environment decides where models are found). Configurations:

  default   speech decoding without biasing (language vi, beam 5, --speech-bias none)
  lexicon   the engine's default: hotwords from reviewer/speech/bias.py (--speech-bias lexicon)
  hotwords  the same hotwords passed explicitly (SpeechOptions.hotwords), as a cross-check
  prompt    the same terms as `initial_prompt` instead
  auto      no biasing, language detected by Whisper (language=None) instead of forced vi
  auto_hotwords  language detected, with the hotwords
  vietasr   no biasing, Vietnamese heard by viet-asr (--speech-engine vietasr)
  both      no biasing, both recognisers (--speech-engine both)

Only `default` runs vision; the others re-run speech alone (AnalysisOptions(vision=False)) on
the recordings and reuse default's on-screen text and screenshot numbers.

Scoring, per modality (speech, on-screen text = ocr, screenshot) and per category:
- a flag is split into pieces by the source of its detections (a flag may merge speech and OCR
  detections of one category); a piece's span is that of its own detections;
- recall: a true event is found if a piece of its category, on the same media and modality,
  overlaps [start - 2 s, end + 2 s] (screenshots: any flag of its category on that image);
- precision: a piece is correct if it overlaps (±2 s) a true event of its category on the same
  media and modality. Speech flags in benign stretches or silence are false positives.
Image-classifier (open_nsfw) flags are counted on their own: the set holds no obscene imagery
(none exists offline and none may be generated), so every such flag is a false positive.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reviewer.pipeline import AnalysisOptions, Analyzer  # noqa: E402
from reviewer.speech import SpeechOptions  # noqa: E402
from reviewer.speech.bias import lexicon_hotwords  # noqa: E402
from reviewer.store.case import open_case  # noqa: E402
from reviewer.text.lexicon import Lexicon, category_table  # noqa: E402

TOLERANCE_S = 2.0
CATEGORIES = tuple(category_table())
MODALITIES = ("speech", "ocr", "screenshot")
CONFIGS = (
    "lexicon",
    "default",
    "hotwords",
    "prompt",
    "auto",
    "auto_hotwords",
    "vietasr",
    "both",
)  # faster-whisper keeps at most 223 hotword tokens


# -- biasing terms ---------------------------------------------------------------------------
def _token_count(text: str) -> int | None:
    try:
        from tokenizers import Tokenizer

        from reviewer.userdirs import models_dir

        tok = Tokenizer.from_file(str(models_dir() / "faster-whisper-base" / "tokenizer.json"))
        return len(tok.encode(" " + text, add_special_tokens=False).ids)
    except Exception:  # the count is informative only
        return None


def biasing_text() -> tuple[str, int | None]:
    """The engine's own hotwords (reviewer/speech/bias.py), so what is measured is what ships."""
    text = lexicon_hotwords(Lexicon.load())
    return text, _token_count(text)


# -- running the engine ----------------------------------------------------------------------
def run_engine(set_dir: Path, media: list[str], options: AnalysisOptions, case_dir: Path) -> dict:
    """Analyse `media` (paths relative to `set_dir`) into a fresh case; collect what scoring needs."""
    began = time.monotonic()
    stages: dict[str, float] = {}

    def progress(ev) -> None:
        if ev.stage in ("done", "failed"):
            stages[str(ev.path.relative_to(set_dir))] = round(time.monotonic() - began, 1)
            print(f"  [{time.monotonic() - began:6.0f} s] {ev.path.name}: {ev.stage} {ev.message}")

    with open_case(case_dir, officer="bench") as case:
        result = Analyzer(case, options, on_progress=progress).run([set_dir / m for m in media])
        failed = [(str(o.path), o.error) for o in result.outcomes if o.status != "analyzed"]
        found = collect(case, set_dir)
    return {
        "wall_s": round(time.monotonic() - began, 1),
        "done_at_s": stages,
        "failed": failed,
        **found,
    }


def redetect(set_dir: Path, case_dir: Path, language: str | None) -> dict:
    """A case kept by an earlier run (--keep-cases), its text detected afresh by today's text
    detection (lexicons, model, meaning per REVIEWER_MEANING): no decoding, seconds not minutes."""
    from reviewer.detections import MediaDetector, load_text_scorer

    began = time.monotonic()
    scorer = load_text_scorer()
    with open_case(case_dir, officer="bench") as case:
        for media in case.list_media():
            MediaDetector(case, media["id"], scorer, {}, language).complete()
        found = collect(case, set_dir)
    return {"wall_s": round(time.monotonic() - began, 1), "done_at_s": {}, "failed": [], **found}


def collect(case, set_dir: Path) -> dict:
    """Flag pieces (per source), transcripts and OCR readings of a finished case."""
    name_of = {}
    for row in case.list_media():
        path = case.media_path(row).resolve()
        name_of[row["id"]] = path.relative_to(set_dir.resolve()).as_posix()
    pieces = []
    for flag in case.flags():
        by_source: dict[str, list[dict]] = {}
        for det in case.detections(flag_id=flag["id"]):
            by_source.setdefault(det["source"], []).append(det)
        for source, dets in by_source.items():
            timed = [d for d in dets if d["start_s"] is not None]
            best = max(dets, key=lambda d: d["score"])
            pieces.append(
                {
                    "media": name_of[flag["media_id"]],
                    "flag_id": flag["id"],
                    "category": flag["category"],
                    "source": source,
                    "start_s": min(d["start_s"] for d in timed) if timed else None,
                    "end_s": max(d["end_s"] or d["start_s"] for d in timed) if timed else None,
                    "score": best["score"],
                    "text": best["text"],
                    "texts": sorted({d["text"] for d in dets}),
                    "matched": sorted({m for d in dets for m in d["matched"]}),
                }
            )
    segments = [
        {
            "media": name_of[s["media_id"]],
            "start_s": s["start_s"],
            "end_s": s["end_s"],
            "text": s["text"],
        }
        for s in case.segments()
    ]
    frame_texts = [
        {
            "media": name_of[r["media_id"]],
            "start_s": r["start_s"],
            "end_s": r["end_s"],
            "text": r["text"],
        }
        for r in case.frame_texts()
    ]
    return {"pieces": pieces, "segments": segments, "frame_texts": frame_texts}


# -- scoring ---------------------------------------------------------------------------------
def modality_of(piece: dict, is_image: bool) -> str:
    if is_image:
        return "screenshot"
    return {"speech": "speech", "ocr": "ocr"}.get(piece["source"], piece["source"])


def _overlap(a0, a1, b0, b1, tol: float = TOLERANCE_S) -> bool:
    if a0 is None or b0 is None:
        return True  # untimed (an image): same media is enough
    return a0 <= b1 + tol and b0 <= a1 + tol


def score(truth: dict, run: dict, modalities: tuple[str, ...], tol: float = TOLERANCE_S) -> dict:
    images = {m["media"] for m in truth["media"] if m["kind"] == "image"}
    events = [e for e in truth["events"] if e["kind"] in modalities]
    pieces = []
    for p in run["pieces"]:
        p = dict(p, modality=modality_of(p, p["media"] in images))
        if p["modality"] in modalities:
            pieces.append(p)
    nsfw = [p for p in run["pieces"] if p["source"] == "image"]

    def hits(event: dict) -> list[dict]:
        return [
            p
            for p in pieces
            if p["modality"] == event["kind"]
            and p["media"] == event["media"]
            and p["category"] == event["category"]
            and _overlap(event["start_s"], event["end_s"], p["start_s"], p["end_s"], tol)
        ]

    def supports(piece: dict) -> list[dict]:
        return [
            e
            for e in events
            if e["kind"] == piece["modality"]
            and e["media"] == piece["media"]
            and e["category"] == piece["category"]
            and _overlap(e["start_s"], e["end_s"], piece["start_s"], piece["end_s"], tol)
        ]

    table: dict[str, dict[str, dict]] = {}
    misses, false_pos = [], []
    for modality in modalities:
        rows: dict[str, dict] = {}
        for category in (*CATEGORIES, "all"):
            evs = [
                e
                for e in events
                if e["kind"] == modality
                and e["category"]
                and (category == "all" or e["category"] == category)
            ]
            found = [e for e in evs if hits(e)]
            fl = [
                p
                for p in pieces
                if p["modality"] == modality and (category == "all" or p["category"] == category)
            ]
            good = [p for p in fl if supports(p)]
            rows[category] = {
                "events": len(evs),
                "found": len(found),
                "recall": round(len(found) / len(evs), 3) if evs else None,
                "flags": len(fl),
                "correct": len(good),
                "precision": round(len(good) / len(fl), 3) if fl else None,
            }
        if modality == "speech":
            for lang in ("en", "vi"):
                evs = [
                    e
                    for e in events
                    if e["kind"] == "speech" and e["category"] and e["language"] == lang
                ]
                found = [e for e in evs if hits(e)]
                rows[f"all ({lang})"] = {
                    "events": len(evs),
                    "found": len(found),
                    "recall": round(len(found) / len(evs), 3) if evs else None,
                }
        table[modality] = rows
    for e in events:
        if e["category"] and not hits(e):
            misses.append(dict(e, engine=_engine_view(e, run, pieces)))
    for p in pieces:
        if not supports(p):
            near = [
                {"category": e["category"], "text": e["text"]}
                for e in events
                if e["kind"] == p["modality"]
                and e["media"] == p["media"]
                and _overlap(e["start_s"], e["end_s"], p["start_s"], p["end_s"], 0.0)
            ]
            false_pos.append(dict(p, truth_overlapping=near))
    return {
        "table": table,
        "image_classifier_flags": nsfw,
        "misses": misses,
        "false_positives": false_pos,
    }


def _engine_view(event: dict, run: dict, pieces: list[dict]) -> dict:
    """What the engine read and flagged around a missed event."""
    s0 = event["start_s"]
    s1 = event["end_s"]
    if event["kind"] == "speech":
        heard = [
            s["text"]
            for s in run["segments"]
            if s["media"] == event["media"] and _overlap(s0, s1, s["start_s"], s["end_s"], 0.3)
        ]
        other = [
            {"category": p["category"], "matched": p["matched"], "text": p["text"]}
            for p in pieces
            if p["media"] == event["media"]
            and p["modality"] == "speech"
            and _overlap(s0, s1, p["start_s"], p["end_s"], 0.0)
        ]
        return {"heard": heard, "flags_here": other}
    rows = [
        r
        for r in run["frame_texts"]
        if r["media"] == event["media"] and _overlap(s0, s1, r["start_s"], r["end_s"], 0.0)
    ]
    target = event["text"].lower()
    if event["kind"] == "ocr":
        rows.sort(key=lambda r: -difflib.SequenceMatcher(None, target, r["text"].lower()).ratio())
        rows = [
            r
            for r in rows
            if difflib.SequenceMatcher(None, target, r["text"].lower()).ratio() > 0.4
        ][:3]
    read = [r["text"] for r in rows]
    other = [
        {"category": p["category"], "matched": p["matched"], "text": p["text"]}
        for p in pieces
        if p["media"] == event["media"]
        and p["modality"] == event["kind"]
        and _overlap(s0, s1, p["start_s"], p["end_s"], 0.0)
        and (event["kind"] == "screenshot" or p["text"] in read)
    ]
    return {"read": read, "flags_here": other}


# -- report ----------------------------------------------------------------------------------
def _fmt(v) -> str:
    return "   -  " if v is None else f"{v:6.3f}"


def format_table(title: str, table: dict) -> str:
    out = [
        title,
        f"  {'modality':<11}{'category':<15}{'recall':>7} {'found':>9} {'precision':>9} {'correct':>9}",
    ]
    for modality, rows in table.items():
        for category, r in rows.items():
            found = f"{r['found']}/{r['events']}"
            correct = f"{r['correct']}/{r['flags']}" if "flags" in r else ""
            out.append(
                f"  {modality:<11}{category:<15}{_fmt(r['recall']):>7} {found:>9} "
                f"{_fmt(r.get('precision')) if 'flags' in r else '':>9} {correct:>9}"
            )
        out.append("")
    return "\n".join(out)


def format_details(result: dict) -> str:
    out = ["  misses:"]
    for m in result["misses"]:
        when = "" if m["start_s"] is None else f" {m['start_s']:.1f}-{m['end_s']:.1f}s"
        out.append(
            f"   - [{m['kind']}/{m['category']}] {m['media']}{when} ({m['language']}): {m['text']}"
        )
        out.append(f"       engine: {json.dumps(m['engine'], ensure_ascii=False)}")
    out.append("  false positives:")
    for p in result["false_positives"]:
        when = "" if p["start_s"] is None else f" {p['start_s']:.1f}-{p['end_s']:.1f}s"
        out.append(
            f"   - [{p['modality']}/{p['category']} {p['score']:.2f}] {p['media']}{when}: "
            f"{p['text']!r} matched={p['matched']} truth here={p['truth_overlapping']}"
        )
    out.append(f"  image-classifier (obscene) flags: {len(result['image_classifier_flags'])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT / "bench" / "out" / "eval_set")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "eval_detection.json")
    ap.add_argument(
        "--configs",
        default="default,hotwords",
        help="comma-separated, from: " + ",".join(CONFIGS),
    )
    ap.add_argument("--keep-cases", type=Path, help="keep the cases in this folder")
    ap.add_argument(
        "--redetect",
        action="store_true",
        help="with --keep-cases: re-run text detection on the cases kept there (no decoding)",
    )
    ap.add_argument(
        "--speech-only",
        action="store_true",
        help="every config re-runs speech alone (to repeat runs: decoding is not deterministic)",
    )
    ap.add_argument(
        "--ocr",
        choices=("incremental", "frame"),
        default="incremental",
        help="on-screen text: changed regions and new lines only (default), or whole frames",
    )
    args = ap.parse_args(argv)
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        ap.error(f"unknown configs: {sorted(unknown)}")
    set_dir = args.set.resolve()
    if not (set_dir / "truth.json").exists():
        import eval_set

        eval_set.generate(set_dir)
    truth = json.loads((set_dir / "truth.json").read_text(encoding="utf-8"))
    videos = [m["media"] for m in truth["media"] if m["kind"] == "video"]
    images = [m["media"] for m in truth["media"] if m["kind"] == "image"]
    bias, bias_tokens = biasing_text()
    print(f"REVIEWER_HOME={os.environ.get('REVIEWER_HOME', '(user folder)')}")
    print(f"biasing terms ({bias_tokens} tokens): {bias}")

    report: dict = {
        "set": str(set_dir),
        "tolerance_s": TOLERANCE_S,
        "biasing_text": bias,
        "biasing_tokens": bias_tokens,
        "configs": {},
    }
    base = tempfile.mkdtemp(prefix="eval_detection_") if not args.keep_cases else None
    case_root = args.keep_cases or Path(base)
    default_vision: dict | None = None
    for config in configs:
        speech = SpeechOptions()
        if config in ("hotwords", "auto_hotwords"):
            speech = SpeechOptions(hotwords=bias)
        elif config == "prompt":
            speech = SpeechOptions(initial_prompt=bias)
        language = None if config.startswith("auto") else "vi"
        vision = config == "default" and not args.speech_only
        options = AnalysisOptions(
            language=language,
            device="cpu",
            speech=speech,
            vision=vision,
            speech_bias="lexicon" if config == "lexicon" else "none",
            speech_engine=config if config in ("vietasr", "both") else "whisper",
            ocr_incremental=args.ocr == "incremental",
        )
        print(f"\n== {config}: analysing {'all media' if vision else 'recordings, speech only'}")
        if args.redetect:
            run = redetect(set_dir, case_root / config, language)
        else:
            run = run_engine(
                set_dir, videos + images if vision else videos, options, case_root / config
            )
        modalities = MODALITIES if vision else ("speech",)
        result = score(truth, run, modalities)
        if vision:
            default_vision = {m: result["table"][m] for m in ("ocr", "screenshot")}
        elif default_vision is not None:
            result["table"].update(default_vision)  # reused from `default`
        strict = score(truth, run, ("speech",), tol=0.0)["table"]["speech"]
        result["speech_recall_no_tolerance"] = {
            k: strict[k]["recall"] for k in ("all", "all (en)", "all (vi)")
        }
        result.update(
            wall_s=run["wall_s"],
            done_at_s=run["done_at_s"],
            failed=run["failed"],
            pieces=run["pieces"],
            transcripts=run["segments"],
            frame_texts=run["frame_texts"] if vision else [],
        )
        report["configs"][config] = result
        print(format_table(f"\n{config} (wall {run['wall_s']:.0f} s)", result["table"]))
        print(
            "  speech recall with no tolerance (a neighbour's flag gets no credit): "
            + json.dumps(result["speech_recall_no_tolerance"])
        )
        print(format_details(result))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
