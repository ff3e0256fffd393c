"""Text detection on held-out sentences: recall per category and channel, FPR on benign.

    .venv/bin/python bench/eval_text.py                  # the nine blind sets together, both modes
    .venv/bin/python bench/eval_text.py --split heldout  # the set written beside the corpus
    .venv/bin/python bench/eval_text.py --split blind    # one blind set (see below)
    .venv/bin/python bench/eval_text.py --split blind2
    .venv/bin/python bench/eval_text.py --split blind3
    .venv/bin/python bench/eval_text.py --split blind4
    .venv/bin/python bench/eval_text.py --split blind5
    .venv/bin/python bench/eval_text.py --split blind6
    .venv/bin/python bench/eval_text.py --split blind7
    .venv/bin/python bench/eval_text.py --split blind8
    .venv/bin/python bench/eval_text.py --split blind9
    .venv/bin/python bench/eval_text.py --split dev      # the dev split (fusion was tuned on it)
    .venv/bin/python bench/eval_text.py --split devw     # the written dev split (tune on it)
    .venv/bin/python bench/eval_text.py --json out.json --misses

Modes: "lexicon" = today's detector (lexicons + patterns + char n-gram model), "meaning" = the
same with the sentence-meaning head fused in. Same TextScorer, thresholds and lexicons as
analysis. Channels (deterministic, seeded per sentence):
  clean   the sentence as written
  tone    lower case, the tone marks of a third of the words lost (weak OCR/ASR)
  notone  lower case, every diacritic lost
  noisy   recogniser-like: regional merges (ch/tr, s/x, d/gi/r, final n/ng, c/t), one word in ten
          dropped
Splits: "heldout" (models/text/meaning/heldout.jsonl) was written by hand beside the corpus, by
the people who wrote its templates; "blind" (heldout_blind.jsonl: 151 violating, 75 benign) was
written by a writer who never saw the corpus, its templates or the other held-out set, from the
categories' definitions alone. "blind2" (heldout_blind2.jsonl: 120 violating, 60 benign) was
written the same way after the head that ships was chosen, and read once to report it: the
other two helped choose between heads. "blind3" (heldout_blind3.jsonl: 120 violating, 60 benign)
was written the same way after the tone restorer was chosen, and read once to report it.
"blind4" (heldout_blind4.jsonl: 120 violating, 60 benign) was written the same way and read
once, before and after the refusal and court-news warning cues (same numbers): every set here has
now been read, so the next change needs a new blind set written the same way. "blind5"
(heldout_blind5.jsonl: 120 violating, 60 benign) is that set: written the same way, kept out of
"blinds" (now in it) and unread until the clauses read alone (reviewer/text/meaning/clauses.py)
were chosen on the dev splits; it then judged them (its recall once; its FPR twice, the second time after
the veto went back to the whole sentence). "blind6" (heldout_blind6.jsonl: 120 violating, 60
benign) was written the same way before the written training sentences
(models/text/meaning/written_train_*.jsonl) were chosen on the dev splits, and read once to
judge them (before and after). "blind7" (heldout_blind7.jsonl: 120 violating, 60 benign, a
quarter typed without tone marks) was written the same way, unread until the lexicon terms found
in restored tone marks (reviewer/text/restored_terms.py) were chosen, and read once to judge this
stop's detector against the one before it. "blind8" (heldout_blind8.jsonl: 120 violating, 60
benign, a quarter without tone marks) was written the same way and stayed out of "blinds",
unread, until the next detection change was chosen on devw; it was read once, to judge this
stop's first change (the n-gram model refit on the meaning corpus, 1,346 more written training
sentences). "blind9" (heldout_blind9.jsonl, the same shape) was written while the second change
(the meaning flags alone only where the n-gram model agrees) was chosen on devw, and read once
to judge it. "blind10" and "blind11" (heldout_blind10.jsonl, heldout_blind11.jsonl, the same
shape) were written before this stop's detection changes were chosen and stay out of "blinds",
unread, until each judges one of them. "chatter" (heldout_chatter.jsonl: 300 benign sentences of
ordinary livestream talk, written the same way) measures the false alarms on what fills most of a
real stream: greetings, thanks for gifts, lag, games, honest sales, daily life (the blind sets'
benign sentences are hard negatives that share the offences' words).
"devw" (dev_written_a.jsonl, streamer speech, and dev_written_b.jsonl, chat and on-screen text:
240 violating, 120 benign) was written the same way, to tune on: unlike the corpus's dev split,
its benign sentences are refusals, court news and disclaimers as people write them (the warning
cues for refusals and court news were chosen on it). "blinds" (the default) is the nine blind sets
together, each read once before it joined: 1,111 violating and 555 benign sentences nobody here
wrote, through every channel, the recogniser-like noisy one included. Training
reads none of these files; only devw was tuned on.
A hit counts when the expected category is among the categories detected. FPR: benign sentences
with any hit, over the clean, tone and noisy channels together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models" / "text" / "meaning"))

from slots import CHANNELS, channel  # noqa: E402

from reviewer.text import TextScorer  # noqa: E402
from reviewer.text.meaning.diacritics import restored_share, shared_restorer  # noqa: E402
from reviewer.text.meaning.engine import matcher_form  # noqa: E402

MEANING = ROOT / "models" / "text" / "meaning"
FILES = {
    "heldout": MEANING / "heldout.jsonl",
    "blind": MEANING / "heldout_blind.jsonl",
    "blind2": MEANING / "heldout_blind2.jsonl",
    "blind3": MEANING / "heldout_blind3.jsonl",
    "blind4": MEANING / "heldout_blind4.jsonl",
    "blind5": MEANING / "heldout_blind5.jsonl",
    "blind6": MEANING / "heldout_blind6.jsonl",
    "blind7": MEANING / "heldout_blind7.jsonl",
    "blind8": MEANING / "heldout_blind8.jsonl",
    "blind9": MEANING / "heldout_blind9.jsonl",
    "blind10": MEANING / "heldout_blind10.jsonl",
    "blind11": MEANING / "heldout_blind11.jsonl",
    "devw": (MEANING / "dev_written_a.jsonl", MEANING / "dev_written_b.jsonl"),
    "chatter": MEANING / "heldout_chatter.jsonl",
}
FILES["blinds"] = tuple(FILES[f"blind{n}"] for n in ("", "2", "3", "4", "5", "6", "7", "8", "9"))


def load(split: str) -> list[dict]:
    if split not in FILES:  # a split of the generated corpus, built in memory (deterministic)
        from build_corpus import build

        return [r for r in build() if r["split"] == split]
    paths = FILES[split] if isinstance(FILES[split], tuple) else (FILES[split],)
    return [
        json.loads(x)
        for path in paths
        for x in path.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]


def evaluate(detector: TextScorer, rows: list[dict], channels=CHANNELS) -> dict:
    cats = sorted({c for r in rows for c in r["labels"]})
    out: dict = {"recall": {}, "fpr": {}, "misses": [], "false": []}
    benign_fired = benign_total = 0
    for ch in channels:
        texts = [channel(r["text"], ch, k) for k, r in enumerate(rows)]
        hits = detector.detect_many(texts, "vi")
        per: dict[str, list[int]] = {c: [0, 0] for c in cats}
        fired = 0
        for r, text, hs in zip(rows, texts, hits, strict=True):
            got = {h.category for h in hs}
            if not r["labels"]:
                fired += bool(got)
                if got and ch != "notone":
                    out["false"].append((ch, text, sorted(got), [h.why for h in hs]))
                continue
            for c in r["labels"]:
                per[c][1] += 1
                per[c][0] += c in got
                if c not in got:
                    out["misses"].append((ch, c, text, sorted(got)))
        n_benign = sum(not r["labels"] for r in rows)
        out["fpr"][ch] = fired / max(1, n_benign)
        if ch != "notone":
            benign_fired += fired
            benign_total += n_benign
        out["recall"][ch] = {c: per[c][0] / max(1, per[c][1]) for c in cats}
        out["recall"][ch]["all"] = sum(v[0] for v in per.values()) / max(
            1, sum(v[1] for v in per.values())
        )
    out["fpr"]["all"] = benign_fired / max(1, benign_total)
    return out


def table(results: dict[str, dict], channels=CHANNELS) -> str:
    modes = list(results)
    cats = [c for c in next(iter(results.values()))["recall"]["clean"] if c != "all"]
    cats += ["all"] if cats else []  # "chatter" is benign only: its false alarms alone
    lines = [
        "| channel | category | " + " | ".join(modes) + " |",
        "|---|---|" + "---|" * len(modes),
    ]
    for ch in channels:
        for c in cats:
            vals = " | ".join(f"{results[m]['recall'][ch][c]:.2f}" for m in modes)
            lines.append(f"| {ch} | {c} | {vals} |")
        vals = " | ".join(f"{results[m]['fpr'][ch]:.3f}" for m in modes)
        lines.append(f"| {ch} | FPR benign | {vals} |")
    vals = " | ".join(f"{results[m]['fpr']['all']:.3f}" for m in modes)
    lines.append(f"| clean+tone+noisy | FPR benign | {vals} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=[*FILES, "dev"], default="blinds")
    ap.add_argument("--modes", default="lexicon,meaning")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--channels", default=",".join(CHANNELS))
    ap.add_argument(
        "--cache",
        type=Path,
        help="seed the meaning engine's cache from this file (bench only; see train_meaning.py)",
    )
    ap.add_argument("--misses", action="store_true", help="print missed and false sentences")
    args = ap.parse_args()
    rows = load(args.split)
    n_pos = sum(bool(r["labels"]) for r in rows)
    print(f"{args.split}: {n_pos} violating, {len(rows) - n_pos} benign sentences")
    channels = tuple(args.channels.split(","))
    if args.cache:
        from reviewer.text.meaning.engine import shared_engine

        shared_engine().load_disk_cache(args.cache)
    forms = [matcher_form(r["text"], "vi") for r in rows]
    restorer = shared_restorer()
    t0 = time.perf_counter()
    share = restored_share(restorer.restore, forms)
    each = (time.perf_counter() - t0) / max(1, len(forms)) * 1000
    print(
        f"tone marks restored right (words of the notone channel): {share:.3f}, {each:.1f} ms a text"
    )
    results = {}
    for mode in args.modes.split(","):
        t0 = time.perf_counter()
        det = TextScorer(meaning=(mode == "meaning"))
        results[mode] = evaluate(det, rows, channels)
        print(f"{mode}: {time.perf_counter() - t0:.1f} s")
    print(table(results, channels))
    if args.misses:
        for mode, res in results.items():
            for miss in res["misses"]:
                print(f"MISS {mode}", *miss, sep=" | ")
            for false in res["false"]:
                print(f"FALSE {mode}", *false, sep=" | ")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
