"""Does learning from officers' decisions help? Learn on half the labelled set, test on the other.

    python bench/eval_learning.py [--set bench/out/eval_set] [--out bench/out/eval_learning.json]
                                  [--work DIR] [--no-model]

1. The labelled set of bench/eval_set.py is split in two halves (recordings and screenshots
   alternately) and each half analysed by the real engine into its own case (the engine's
   defaults, device cpu; `--work DIR` keeps the cases, and a second run reuses them).
2. On a copy of one half's case a simulated officer confirms every flag that matches a true event
   (bench/eval_detection.py's rules: same media, modality and category, +-2 s), rejects the
   others, and adds an officer flag for every true event no flag found.
3. `reviewer learn` (reviewer.learn.propose + apply, everything it proposes) runs on that case, in
   a scratch user folder (the real one's models linked in), so nothing of the user's changes.
4. The other half's case (a copy, undecided) is re-detected with what was learned, and recall and
   precision per modality are compared with those before. Both directions are run (learn on A,
   test on B; learn on B, test on A).

Two starting points (--starts): `tuned`, the engine as shipped (its lexicons were tuned on this
very set, so little is left to learn), and `mistuned`, an agency whose settings are off: every
text category's threshold at 0.75 and every third term of each lexicon missing; both halves are
re-detected with that before the officer decides.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_detection import MODALITIES, _overlap, collect, modality_of, run_engine, score  # noqa: E402

from reviewer.pipeline import AnalysisOptions  # noqa: E402
from reviewer.store.case import open_case  # noqa: E402
from reviewer.userdirs import user_home  # noqa: E402


def halves(truth: dict) -> dict[str, list[str]]:
    videos = sorted(m["media"] for m in truth["media"] if m["kind"] == "video")
    images = sorted(m["media"] for m in truth["media"] if m["kind"] == "image")
    return {
        "A": videos[0::2] + images[0::2],
        "B": videos[1::2] + images[1::2],
    }


def sub_truth(truth: dict, media: list[str]) -> dict:
    keep = set(media)
    return {
        "media": [m for m in truth["media"] if m["media"] in keep],
        "events": [e for e in truth["events"] if e["media"] in keep],
    }


def analyse(set_dir: Path, media: list[str], case_dir: Path) -> None:
    if (case_dir / "case.db").exists():
        print(f"  reusing {case_dir}")
        return
    options = AnalysisOptions(language="vi", device="cpu")
    run = run_engine(set_dir, media, options, case_dir)
    if run["failed"]:
        raise SystemExit(f"analysis failed: {run['failed']}")


def copy_case(src: Path, dest: Path) -> Path:
    """A copy beside the original (media paths are relative to the case folder)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    return dest


def simulate_officer(case_dir: Path, set_dir: Path, truth: dict) -> dict[str, int]:
    """Confirm true flags, reject false ones, add what no flag found."""
    from reviewer.store.officer_flags import add_officer_flag

    images = {m["media"] for m in truth["media"] if m["kind"] == "image"}
    counts = {"confirmed": 0, "rejected": 0, "added": 0}
    with open_case(case_dir, officer="bench-officer", create=False) as case:
        run = collect(case, set_dir)
        ids = {}
        for row in case.list_media():
            rel = case.media_path(row).resolve().relative_to(set_dir.resolve()).as_posix()
            ids[rel] = row["id"]
        verdict: dict[int, bool] = {}
        for piece in run["pieces"]:
            modality = modality_of(piece, piece["media"] in images)
            true = any(
                e["media"] == piece["media"]
                and e["kind"] == modality
                and e["category"] == piece["category"]
                and _overlap(e["start_s"], e["end_s"], piece["start_s"], piece["end_s"])
                for e in truth["events"]
            )
            verdict[piece["flag_id"]] = verdict.get(piece["flag_id"], False) or true
        for flag_id, true in verdict.items():
            case.decide_flag(flag_id, "confirmed" if true else "rejected", "bench-officer")
            counts["confirmed" if true else "rejected"] += 1
        for e in truth["events"]:
            if not e["category"]:
                continue
            found = any(
                p["media"] == e["media"]
                and p["category"] == e["category"]
                and modality_of(p, p["media"] in images) == e["kind"]
                and _overlap(e["start_s"], e["end_s"], p["start_s"], p["end_s"])
                for p in run["pieces"]
            )
            if found:
                continue
            mid = ids[e["media"]]
            media = case.get_media(mid)
            start, end = e["start_s"], e["end_s"]
            if media["kind"] == "image":
                start = end = None
            elif media["duration_s"]:
                end = min(end, media["duration_s"])
            add_officer_flag(case, mid, start, end, e["category"], "missed by the engine")
            counts["added"] += 1
    return counts


def redetect(case_dir: Path) -> None:
    """Detection again with the (learned) settings, lexicons and text model: no speech or OCR."""
    from pathlib import Path as P

    from reviewer.detections import MediaDetector, load_text_scorer
    from reviewer.settings import load_settings

    s = load_settings()
    detector = load_text_scorer(P(s.lexicon_dir) if s.lexicon_dir else None)
    with open_case(case_dir, officer="bench", create=False) as case:
        for media in case.list_media():
            MediaDetector(case, media["id"], detector, s.thresholds, "vi").complete()


def measure(case_dir: Path, set_dir: Path, truth: dict) -> dict:
    with open_case(case_dir, create=False) as case:
        run = collect(case, set_dir)
    table = score(truth, run, MODALITIES)["table"]
    out = {
        m: {
            k: table[m]["all"][k]
            for k in ("events", "found", "recall", "flags", "correct", "precision")
        }
        for m in MODALITIES
    }
    events = sum(v["events"] for v in out.values())
    found = sum(v["found"] for v in out.values())
    flags = sum(v["flags"] for v in out.values())
    correct = sum(v["correct"] for v in out.values())
    out["all"] = {
        "events": events,
        "found": found,
        "recall": round(found / events, 3) if events else None,
        "flags": flags,
        "correct": correct,
        "precision": round(correct / flags, 3) if flags else None,
    }
    out["per_category"] = {
        c: {k: table["speech"][c].get(k) for k in ("recall", "precision")} for c in table["speech"]
    }
    return out


def scratch_home() -> Path:
    """A user folder for the learned state, with the real one's assembled models linked in."""
    real = user_home()
    home = Path(tempfile.mkdtemp(prefix="eval_learning_home_"))
    if (real / "models").exists():
        (home / "models").symlink_to(real / "models", target_is_directory=True)
    return home


MISTUNED_THRESHOLD = 0.75


def mistune() -> dict:
    """Settings of an agency that starts badly: high thresholds, a third of the terms missing."""
    from reviewer.paths import lexicon_dir
    from reviewer.settings import load_settings, save_settings
    from reviewer.text.lexicon import category_ids

    folder = user_home() / "lexicons"
    shutil.copytree(lexicon_dir(), folder)
    dropped = 0
    for cat in category_ids(folder):
        path = folder / f"{cat}.txt"
        if not path.is_file():
            continue
        kept, n = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.split("#", 1)[0].strip():
                n += 1
                if n % 3 == 0:
                    dropped += 1
                    continue
            kept.append(line)
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    s = load_settings()
    s.lexicon_dir = str(folder)
    s.thresholds = {c: MISTUNED_THRESHOLD for c in category_ids(folder) if c != "obscene"}
    save_settings(s)
    return {"thresholds": MISTUNED_THRESHOLD, "terms_dropped": dropped}


def one_direction(
    name: str,
    learn_case: Path,
    test_case: Path,
    set_dir: Path,
    truth: dict,
    media: dict,
    model: bool,
    start: str = "tuned",
) -> dict:
    from reviewer.learn.apply import apply
    from reviewer.learn.proposals import propose
    from reviewer.settings import load_settings

    learn_half, test_half = name[0], name[-1]
    learn_truth, test_truth = (
        sub_truth(truth, media[learn_half]),
        sub_truth(truth, media[test_half]),
    )
    old_home = os.environ.get("REVIEWER_HOME")
    os.environ["REVIEWER_HOME"] = str(scratch_home())
    try:
        mistuned = None
        if start == "mistuned":
            mistuned = mistune()
            redetect(learn_case)
            redetect(test_case)
        decided = simulate_officer(learn_case, set_dir, learn_truth)
        before = measure(test_case, set_dir, test_truth)
        redetect(test_case)  # with nothing learned: the baseline re-detection must change nothing
        same = measure(test_case, set_dir, test_truth)
        proposals = propose([learn_case], load_settings(), model=model)
        applied = apply(proposals, None, "bench-lead")
        redetect(test_case)
        after = measure(test_case, set_dir, test_truth)
    finally:
        if old_home is None:
            os.environ.pop("REVIEWER_HOME", None)
        else:
            os.environ["REVIEWER_HOME"] = old_home
    return {
        "start": start,
        "mistuned": mistuned,
        "learn_on": media[learn_half],
        "test_on": media[test_half],
        "officer": decided,
        "before": before,
        "baseline_redetect_unchanged": same == before,
        "after": after,
        "proposals": proposals.to_json(),
        "applied": applied,
    }


def fmt(v) -> str:
    return "  -  " if v is None else f"{v:5.2f}"


def table(results: dict) -> str:
    lines = [
        "| learn -> test | modality | recall before | recall after | precision before | precision after | flags before -> after |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in results.items():
        for m in (*MODALITIES, "all"):
            b, a = r["before"][m], r["after"][m]
            lines.append(
                f"| {name} | {m} | {fmt(b['recall'])} ({b['found']}/{b['events']}) | "
                f"{fmt(a['recall'])} ({a['found']}/{a['events']}) | {fmt(b['precision'])} | "
                f"{fmt(a['precision'])} | {b['flags']} -> {a['flags']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT / "bench" / "out" / "eval_set")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "eval_learning.json")
    ap.add_argument("--work", type=Path, help="keep (and reuse) the analysed cases here")
    ap.add_argument("--no-model", action="store_true", help="thresholds and lexicons only")
    ap.add_argument("--starts", default="tuned,mistuned", help="tuned, mistuned or both")
    args = ap.parse_args(argv)
    set_dir = args.set.resolve()
    if not (set_dir / "truth.json").exists():
        import eval_set

        eval_set.generate(set_dir)
    truth = json.loads((set_dir / "truth.json").read_text(encoding="utf-8"))
    media = halves(truth)
    work = args.work or Path(tempfile.mkdtemp(prefix="eval_learning_"))
    work.mkdir(parents=True, exist_ok=True)
    for half in ("A", "B"):
        print(f"== analysing half {half}: {len(media[half])} media")
        analyse(set_dir, media[half], work / f"analysed_{half}")
    results = {}
    for start in [s.strip() for s in args.starts.split(",") if s.strip()]:
        for learn, test in (("A", "B"), ("B", "A")):
            name = f"{start} {learn}->{test}"
            print(f"== {start}: learn on {learn}, test on {test}")
            learn_case = copy_case(work / f"analysed_{learn}", work / f"learn_{learn}")
            test_case = copy_case(work / f"analysed_{test}", work / f"test_{test}")
            results[name] = one_direction(
                f"{learn}->{test}", learn_case, test_case, set_dir, truth, media,
                not args.no_model, start,
            )  # fmt: skip
            r = results[name]
            print(f"  officer: {r['officer']}; applied: {[a['action'] for a in r['applied']]}")
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
