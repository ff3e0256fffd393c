"""Count the syllable model that puts tone marks back (reviewer/text/meaning/diacritics.py).

    .venv/bin/python models/text/train_diacritics.py   # write models/text/diacritic_lm.json.gz

Sources: pyvi's Vietnamese word list (pyvi 0.1.1, MIT: `pyvi/models/words.txt`, 31,000 words and
compounds, each counted once) and the train split of the meaning corpus as written (not its
recogniser-like or toneless copies). Prints how many words of the dev split come back right with
the CRF alone and with both models; the held-out sets are not read. Records the file's SHA-256 in
models/manifest.json (the pyvi-vidiac-crf entry's "lm").
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE / "meaning"))

from build_corpus import build  # noqa: E402

from reviewer.model_registry import assemble, manifest_entry  # noqa: E402
from reviewer.text.meaning.diacritics import (  # noqa: E402
    CRF_FILE,
    CRF_MODEL,
    LM_FILE,
    START,
    DiacriticRestorer,
    SyllableModel,
    is_toneless,
    restored_share,
)
from reviewer.text.meaning.engine import matcher_form  # noqa: E402

OUT = HERE / LM_FILE
MANIFEST = ROOT / "models" / "manifest.json"
WORD = re.compile(r"\w+")
DEV_SAMPLE = 3  # every third dev sentence: enough to compare settings, quick to run


def word_list() -> list[str]:
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyvi is not installed: run `make setup`.")
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / "words.txt"
    return [x.strip().lower() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def count(sentences: list[list[str]], entries: list[list[str]]) -> tuple[Counter, Counter]:
    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    for words in sentences:
        unigrams.update(words)
        bigrams.update(f"{a} {b}" for a, b in zip([START, *words], words, strict=False))
    for words in entries:  # a dictionary entry: its words follow each other, no sentence start
        unigrams.update(words)
        bigrams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return unigrams, bigrams


def main() -> None:
    rows = build()
    # as written, with its tones: not the recogniser-like or toneless copies, nor English lines
    train = [
        r
        for r in rows
        if r["split"] == "train" and "aug" not in r and not is_toneless(r["text"], "vi")
    ]
    sentences = [WORD.findall(matcher_form(r["text"], "vi")) for r in train]
    entries = [WORD.findall(w) for w in word_list()]
    unigrams, bigrams = count(sentences, entries)
    data = {
        "format": 1,
        "sources": [
            "pyvi 0.1.1 models/words.txt (MIT)",
            f"models/text/meaning corpus, train split as written ({len(train)} sentences)",
        ],
        "unigrams": dict(sorted(unigrams.items())),
        "bigrams": dict(sorted(bigrams.items())),
    }
    raw = gzip.compress(json.dumps(data, ensure_ascii=False).encode(), mtime=0)
    OUT.write_bytes(raw)
    sha = hashlib.sha256(raw).hexdigest()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    for entry in manifest["models"]:
        if entry["name"] == CRF_MODEL:
            entry["lm"] = {"file": f"models/text/{LM_FILE}", "sha256": sha, "size": len(raw)}
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"{OUT.name}: {len(unigrams)} words, {len(bigrams)} pairs, {len(raw)} bytes, {sha}")
    folder = assemble(manifest_entry(CRF_MODEL))
    both = DiacriticRestorer(folder / CRF_FILE, SyllableModel(unigrams, bigrams))
    dev = [
        r
        for r in rows
        if r["split"] == "dev" and "aug" not in r and not is_toneless(r["text"], "vi")
    ][::DEV_SAMPLE]
    forms = [matcher_form(r["text"], "vi") for r in dev]
    crf = restored_share(both.crf_reading, forms)
    print(f"dev words restored right ({len(dev)} sentences): CRF {crf:.3f}, ", end="")
    print(f"CRF + words {restored_share(both.restore, forms):.3f}")


if __name__ == "__main__":
    main()
