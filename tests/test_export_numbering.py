"""The package shows what the app shows: the case's flag numbers, no time for a screenshot,
the matched text boxed on stills, local times, every model's licence, a Vietnamese-first guide,
flag blocks that do not break across pages, and a verifier that names what was changed."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image
from test_evidence_fixtures import OFFICER, add_flag, make_case, make_signer

from reviewer.evidence import export_case, verify_package
from reviewer.evidence import report as report_mod
from reviewer.store import open_case

ROOT = Path(__file__).resolve().parents[1]
CHAT_BOX = [789, 659, 1205, 690]  # where the demo's bet88 line is first read (14 s)
CHAT_TEXT = "bet88: Nạp 100k tặng 200k, vào nhà cái"


def _text_model_name() -> str:
    card = json.loads((ROOT / "models/text/text_classifier.json").read_text("utf-8"))
    return f"{card['model_id']}+lexicon-4a7eb2b77399"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("numbering")
    case_dir, ids = make_case(base / "case", base / "media")
    with open_case(case_dir) as case:
        video = case.get_flag(ids["confirmed"])["media_id"]
        models = [
            {"name": "PP-OCRv6_det_small", "sha256": "090f04ab"},
            {"name": "trueocr-vi-r01", "sha256": "360b800d"},
            {"name": _text_model_name(), "sha256": "8e02b605"},
        ]
        ids["ocr"] = add_flag(
            case,
            video,
            start_s=14.0,
            end_s=64.0,
            play_from_s=11.0,
            source="ocr",
            text=CHAT_TEXT,
            matched=json.dumps(["nhà cái"], ensure_ascii=False),
            models=json.dumps(models),
        )
        case.db["detection"].insert(
            {
                "media_id": video,
                "start_s": 14.0,
                "end_s": 64.0,
                "source": "ocr",
                "category": "gambling",
                "score": 0.95,
                "matched": json.dumps(["nhà cái"], ensure_ascii=False),
                "text": CHAT_TEXT,
                "model_id": models[2]["name"],
                "model_sha256": "8e02b605",
                "box": json.dumps(CHAT_BOX),
                "flag_id": ids["ocr"],
            }
        )
        case.decide_flag(ids["ocr"], "confirmed", OFFICER, "Quảng cáo nhà cái trong chat")
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    try:
        (base / "usb").mkdir()
        signer = make_signer()
        result = export_case(case_dir, base / "usb", signer)
    finally:
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
        time.tzset()
    pkg = result.path
    return {
        "pkg": pkg,
        "ids": ids,
        "signer": signer,
        "doc": json.loads((pkg / "data/case/case.json").read_text("utf-8")),
        "html": (pkg / "data/report/report.html").read_text("utf-8"),
    }


def test_package_keeps_the_case_flag_numbers(package):
    doc, ids = package["doc"], package["ids"]
    exported = {ids["confirmed"], ids["image"], ids["ocr"]}
    assert {f["number"] for f in doc["flags"]} == exported  # before: 1, 2, 3
    for f in doc["flags"]:
        assert f["number"] == f["flag_id"]
        files = [s["file"] for s in f["stills"]] + ([f["clip"]["file"]] if f["clip"] else [])
        assert files and all(f"/flag-{f['flag_id']:03d}-" in name for name in files), files
        assert re.search(rf"<h3>#{f['flag_id']} · ", package["html"])


def test_screenshot_flag_has_no_time(package):
    html = package["html"]
    assert "00:00:00.0 – 00:00:00.0" not in html
    heading = re.search(rf"<h3>#{package['ids']['image']} · ([^<]*)</h3>", html).group(1)
    assert "ảnh chụp màn hình / screenshot" in heading


def test_still_marks_the_matched_text_in_red(package):
    flag = next(f for f in package["doc"]["flags"] if f["flag_id"] == package["ids"]["ocr"])
    first = flag["stills"][0]
    assert first["marked_boxes"] == [[float(v) for v in CHAT_BOX]]
    assert "red rectangles" in first["method"]
    image = Image.open(io.BytesIO((package["pkg"] / first["file"]).read_bytes())).convert("RGB")
    x0, y0, x1, y1 = CHAT_BOX
    red = 0
    for x in range(x0 + 10, x1 - 10, 20):
        r, g, b = image.getpixel((x, y0 - 2))
        red += r > 170 and g < 120 and b < 120
    assert red >= 0.8 * len(range(x0 + 10, x1 - 10, 20))
    # The speech flag's stills have no box (nothing was read on screen).
    speech = next(f for f in package["doc"]["flags"] if f["source"] == "speech")
    assert all("marked_boxes" not in s for s in speech["stills"])


def test_report_shows_local_times(package):
    html, doc = package["html"], package["doc"]
    assert re.search(r"\d\d/\d\d/20\d\d \d\d:\d\d \(UTC\+07:00\)", html)
    assert doc["created_utc"] not in html  # the record keeps UTC; the report reads local
    decided = next(f for f in doc["flags"] if f["flag_id"] == package["ids"]["ocr"])
    assert decided["decided_utc"] and decided["decided_utc"] not in html
    assert re.match(r"\d{4}-\d\d-\d\dT", decided["decided_utc"])


def test_report_names_ocr_and_text_model_licences(package):
    models = {
        m["name"]: m for m in json.loads((package["pkg"] / "seal/seal.json").read_text())["models"]
    }
    for name in ("PP-OCRv6_det_small", "trueocr-vi-r01", _text_model_name()):
        assert models[name]["licence"] and models[name]["source"], models[name]
        assert "Apache-2.0" in models[name]["licence"]
        assert models[name]["licence"] in package["html"]
    assert "rapidocr==3.10.0" in models["PP-OCRv6_det_small"]["source"]
    assert "models/text/text_classifier.onnx" in models[_text_model_name()]["source"]


def test_verification_guide_is_vietnamese_first(package):
    text = (package["pkg"] / "meta/VERIFY.txt").read_text("utf-8")
    vi, _, en = text.partition("HOW TO VERIFY")
    assert en, "the English part follows the Vietnamese one"
    assert text.startswith("KIỂM TRA GÓI CHỨNG CỨ")
    for phrase in ("Mã thoát 0", "Không cần phần mềm", "Mọi lệnh chạy trong thư mục gói"):
        assert phrase in vi
    assert "Exit code" not in vi and "Compare this fingerprint" not in vi


def test_verify_names_every_changed_file(package, tmp_path):
    pkg = tmp_path / package["pkg"].name
    shutil.copytree(package["pkg"], pkg)
    clip = next(pkg.glob("data/clips/*"))
    with clip.open("ab") as out:
        out.write(b"\0" * 16)  # a size change: before, only "the payload size ... differs"
    pdf = pkg / "data/report/report.pdf"
    data = bytearray(pdf.read_bytes())
    data[200] ^= 1
    pdf.write_bytes(bytes(data))
    result = verify_package(pkg, [package["signer"].public])
    assert result.status == "tampered"
    want = sorted([clip.relative_to(pkg).as_posix(), "data/report/report.pdf"])
    assert result.changed == want
    for name in want:
        assert name in result.reason
    assert "\n" not in result.reason


def _flags(n: int) -> list[report_mod.ReportFlag]:
    still = io.BytesIO()
    Image.new("RGB", (640, 360), (40, 60, 90)).save(still, format="JPEG")
    return [
        report_mod.ReportFlag(
            number=100 + i,
            media_name="buổi phát trực tiếp.mp4",
            media_file="data/originals/m001-buoi.mp4",
            start_s=10.0 * i,
            end_s=10.0 * i + 4,
            category="gambling",
            category_vi="Cờ bạc, cá độ, tổ chức đánh bạc",
            score=0.9,
            source="speech",
            text="nhà cái uy tín " * (1 + i % 4),
            matched=["nhà cái"],
            decision="confirmed",
            reviewer=OFFICER,
            decided_utc="2026-12-06T02:39:10.123456+00:00",
            note=f"ghi-chu-{100 + i}",
            clip=f"data/clips/flag-{100 + i:03d}-m001.mp4",
            clip_sha256="ab" * 32,
            stills=[(f"data/screenshots/flag-{100 + i:03d}-a.jpg", still.getvalue())] * (1 + i % 2),
        )
        for i in range(n)
    ]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) missing")
def test_pdf_keeps_each_flag_on_one_page(tmp_path):
    data = report_mod.ReportData(
        package_id="EVP-x-1",
        case_id="x",
        case_name="vụ việc",
        created_utc="2026-12-06T02:39:10+00:00",
        tool="reviewer test",
        officer="CA-001",
        officer_name=OFFICER,
        workstation="ws",
        key_id="00" * 8,
        fingerprint="ab" * 32,
        flags=_flags(12),
        originals=[],
    )
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(report_mod.render_pdf(data))
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert len(pages) > 3
    for flag in data.flags:
        heading = [i for i, p in enumerate(pages) if f"#{flag.number} · " in p]
        note = [i for i, p in enumerate(pages) if flag.note in p]
        assert heading and heading == note, (flag.number, heading, note)
