"""Train the meaning head (numpy only) on sentence vectors of the meaning corpus.

    .venv/bin/python models/text/meaning/build_corpus.py   # (re)generate the corpus
    .venv/bin/python models/text/train_meaning.py          # fit on TRAIN, cuts on DEV, write

Writes models/text/meaning_head.json + meaning_examples.npy (see reviewer/text/meaning/head.py)
and prints dev metrics. The held-out split (models/text/meaning/heldout.jsonl) is NOT read here:
bench/eval_text.py reports on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.text.meaning.engine import ENGINE_NAME, shared_engine  # noqa: E402
from reviewer.text.meaning.fit import choose_cut, fit_head  # noqa: E402
from reviewer.text.meaning.head import MeaningHead, pick_examples  # noqa: E402

CORPUS = HERE / "meaning" / "corpus.jsonl"
CATEGORIES = ["gambling", "fraud", "illegal_trade", "personal_data", "insult", "profanity"]
EXAMPLES_PER_CATEGORY = 120
TRAIN_FILE = "meaning_train.npy"
MAX_FPR = 0.01
# 1e-4 recalled most on dev in every trial (1e-4..3e-2); a grid costs minutes a value on 2 cores.
L2_GRID = (1e-4,)


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument(
        "--cache",
        type=Path,
        default=ROOT / ".cache" / "meaning_vectors.npz",
        help="vectors computed before (a file of this script's own making); '' for none",
    )
    args = ap.parse_args()
    rows = load(CORPUS)
    engine = shared_engine()
    if str(args.cache):
        engine.load_disk_cache(args.cache)
    vectors = engine.embed([r["text"] for r in rows])
    if str(args.cache):
        engine.save_disk_cache(args.cache)
    train = [i for i, r in enumerate(rows) if r["split"] == "train"]
    dev = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    labels = [r["labels"] for r in rows]
    benign = np.array([not labels[i] for i in dev])
    print(f"train {len(train)} rows, dev {len(dev)} rows ({int(benign.sum())} benign)")
    best = None
    for l2 in L2_GRID:  # the regularisation that recalls most on dev at the dev FPR cap
        weights, bias = fit_head(vectors[train], [labels[i] for i in train], CATEGORIES, l2=l2)
        head = MeaningHead(CATEGORIES, weights, bias)
        probs = head.probabilities(vectors[dev])
        report = []
        for j, cat in enumerate(CATEGORIES):
            pos = np.array([cat in labels[i] for i in dev])
            cut = choose_cut(probs[pos, j], probs[benign, j], MAX_FPR)
            head.cuts[cat] = cut
            recall = float((probs[pos, j] >= cut).mean()) if pos.any() else 0.0
            fpr = float((probs[benign, j] >= cut).mean())
            report.append((cat, cut, recall, fpr))
        mean_recall = float(np.mean([r[2] for r in report]))
        print(f" l2={l2:g}: mean dev recall {mean_recall:.3f}")
        if best is None or mean_recall > best[0]:
            best = (mean_recall, l2, head, report)
    _, l2, head, report = best
    for cat, cut, recall, fpr in report:
        print(f"  {cat:14s} cut {cut:.3f}  dev recall {recall:.3f}  dev benign FPR {fpr:.3f}")
    # Examples named in "meaning close to «…»": clean (un-noised) train sentences, per family.
    seen: set[str] = set()
    cand = []
    for i in train:
        r = rows[i]
        if r["labels"] and r["clean"] not in seen:
            seen.add(r["clean"])
            cand.append(i)
    picked = pick_examples(
        [rows[i]["clean"] for i in cand],
        [rows[i]["labels"][0] for i in cand],
        [rows[i]["family"] for i in cand],
        EXAMPLES_PER_CATEGORY,
    )
    head.example_texts = [rows[cand[k]]["clean"] for k in picked]
    head.example_labels = [rows[cand[k]]["labels"][0] for k in picked]
    head.example_vectors = engine.embed(head.example_texts).astype(np.float16)
    if str(args.cache):
        engine.save_disk_cache(args.cache)
    corpus_sha = hashlib.sha256(CORPUS.read_bytes()).hexdigest()
    meta = {
        "model_id": f"meaning-head-{corpus_sha[:8]}",
        "engine": ENGINE_NAME,
        "trained_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "corpus": "models/text/meaning/corpus.jsonl",
        "corpus_sha256": corpus_sha,
        "corpus_licence": "written for this project (the project's licence)",
        "train_rows": len(train),
        "dev_rows": len(dev),
        "max_dev_fpr": MAX_FPR,
        "l2": l2,
    }
    # The corpus vectors travel with the head (int8, one scale) so `reviewer learn` can refit it
    # with numpy alone, without the corpus text or re-embedding it.
    train_x = vectors[train]
    scale = float(np.max(np.abs(train_x))) / 127.0
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / TRAIN_FILE, np.round(train_x / scale).astype(np.int8), allow_pickle=False)
    meta["train"] = {
        "file": TRAIN_FILE,
        "sha256": hashlib.sha256((args.out / TRAIN_FILE).read_bytes()).hexdigest(),
        "scale": scale,
        "labels": [sum(1 << j for j, c in enumerate(CATEGORIES) if c in labels[i]) for i in train],
    }
    path = head.save(args.out, meta)
    print(f"wrote {path} ({path.stat().st_size} bytes) and {len(head.example_texts)} examples")
    if args.out == HERE:
        record_in_manifest()


def record_in_manifest() -> None:
    """The head's file hashes in models/manifest.json, beside the engine's weights."""
    manifest_path = ROOT / "models" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entry = next(m for m in manifest["models"] if m["role"] == "text-meaning")
    for name in entry["head"]["files"]:
        entry["head"]["files"][name] = hashlib.sha256((HERE / name).read_bytes()).hexdigest()
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    manifest_path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
