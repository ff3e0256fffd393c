"""Choose the meaning fusion's constants on the DEV split (never on held-out).

    .venv/bin/python bench/tune_meaning_fusion.py [--split devw|dev] [--cache FILE]

For each setting of the veto (VETO_BELOW, VETO_FACTOR in reviewer/text/meaning/fusion.py) and of
the floors from which the meaning counts (MEANING_FLOOR beside a lexicon term or pattern,
ALONE_FLOOR without) and of the clauses read alone (CLAUSE_FACTOR, CLAUSE_SUPPORT), text
detection runs on a dev split's clean, tone, no-tone and noisy channels (bench/eval_text.py:
"dev" is the corpus's, "devw" the written one) and prints recall and the benign false-positive
rate (clean, tone and noisy together). The best setting is the one with the highest
worst-channel recall among those whose dev FPR stays under --max-fpr.
Vectors are computed once (the engine caches them by text), so each setting costs seconds.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_text import evaluate, load  # noqa: E402

from reviewer.text import TextScorer  # noqa: E402
from reviewer.text.meaning import fusion  # noqa: E402

CHANNELS = "clean,tone,notone,noisy"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="seed the engine's vector cache (bench only)")
    # the bar the shipped constants were chosen under on devw (they give 0.097 there); on the
    # corpus's dev split the old bar was 0.078 (pass --max-fpr 0.078 with --split dev)
    ap.add_argument("--max-fpr", type=float, default=0.10)
    ap.add_argument("--channels", default=CHANNELS)
    ap.add_argument("--below", default="0.35,0.5")
    ap.add_argument("--factor", default="0.5,0.3")
    ap.add_argument("--floor", default="0.3,0.45")
    ap.add_argument("--alone", default="0.5,0.6")
    ap.add_argument("--clause", default="0.85", help="CLAUSE_FACTOR: each clause read alone")
    ap.add_argument("--clause-support", default="0.1", help="CLAUSE_SUPPORT")
    # devw by default: written by someone who never saw the corpus, with refusals and court news
    # as people write them (the corpus's dev split comes from our own templates)
    ap.add_argument("--split", choices=["dev", "devw"], default="devw")
    args = ap.parse_args()
    rows = load(args.split)
    channels = tuple(args.channels.split(","))
    if args.cache:
        from reviewer.text.meaning.engine import shared_engine

        shared_engine().load_disk_cache(args.cache)
    det = TextScorer(meaning=True)
    grid = itertools.product(
        *(
            map(float, x.split(","))
            for x in (
                args.below,
                args.factor,
                args.floor,
                args.alone,
                args.clause,
                args.clause_support,
            )
        )
    )
    best = None
    saved = False
    for below, factor, floor, alone, clause, support in grid:
        fusion.VETO_BELOW, fusion.VETO_FACTOR = below, factor
        fusion.MEANING_FLOOR, fusion.ALONE_FLOOR = floor, alone
        fusion.CLAUSE_FACTOR, fusion.CLAUSE_SUPPORT = clause, support
        res = evaluate(det, rows, channels)
        if args.cache and not saved:  # the channels' vectors, for the next run
            det.meaning.engine.save_disk_cache(args.cache)
            saved = True
        recalls = [res["recall"][ch]["all"] for ch in channels]
        worst_cat = min(v for ch in channels for k, v in res["recall"][ch].items() if k != "all")
        fpr = res["fpr"]["all"]
        ok = fpr <= args.max_fpr
        print(
            f"below {below:.2f} factor {factor:.2f} floor {floor:.2f} alone {alone:.2f} "
            f"clause {clause:.2f} support {support:.2f}: recall "
            + " ".join(f"{ch} {r:.3f}" for ch, r in zip(channels, recalls, strict=True))
            + f" worst category {worst_cat:.2f} FPR {fpr:.3f}{'' if ok else ' (over)'}",
            flush=True,
        )
        # ties on the worst channel go to the lower FPR
        if ok and (best is None or (min(recalls), -fpr) > best[:2]):
            best = (min(recalls), -fpr, below, factor, floor, alone, clause, support)
    print("best:", best)


if __name__ == "__main__":
    main()
