"""QR codes and picture hashes from video frames and screenshots: a VietQR drawn into the
frames of a generated mp4 is stored with source qr and its time span; PDQ hashes of keyframes and
screenshots find the same picture (re-encoded, resized) in other cases, and not another one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.frame_media import scene, with_qr, write_video  # noqa: E402
from reviewer.analysis.core import CoreModels, CoreOptions, analyze_range, plan_ranges  # noqa: E402
from reviewer.analysis.payload_check import PayloadRejected, validate_payload  # noqa: E402
from reviewer.cli import main  # noqa: E402
from reviewer.hashing import sha256_file  # noqa: E402
from reviewer.identifiers.frame_watch import FrameWatch  # noqa: E402
from reviewer.identifiers.pdq import (  # noqa: E402
    PDQ_MATCH_DISTANCE,
    PDQ_MIN_QUALITY,
    distance,
    file_hash,
    picture_hash,
)
from reviewer.identifiers.qr import identifiers_in_qr_text  # noqa: E402
from reviewer.identifiers.vietqr import encode_vietqr  # noqa: E402
from reviewer.vision.frames import FrameSampler  # noqa: E402

PAYLOAD = encode_vietqr("970436", "1012345678", 500000, "NAP TIEN 88")


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 s: scene A, the QR code over it from 4 s, scene B (QR still up) from 6 s, gone at 8 s."""
    a, b = scene(1), scene(2)
    path = tmp_path_factory.mktemp("clip") / "live.mp4"
    return write_video(path, [(0, a), (4, with_qr(a, PAYLOAD)), (6, with_qr(b, PAYLOAD)), (8, b)])


def test_frame_watch_reads_the_qr_code_in_changed_frames(clip: Path) -> None:
    watch = FrameWatch(2.0, 12.0)
    for frame in FrameSampler(clip, every_s=2.0):
        watch.frame(frame.t_s, frame.image, frame.changed)
    codes, keyframes = watch.flush()
    assert [(c["text"], c["start_s"], c["end_s"]) for c in codes] == [(PAYLOAD, 4.0, 8.0)]
    x0, y0, x1, y1 = codes[0]["box"]
    assert 430 <= x0 < x1 <= 600 and 30 <= y0 < y1 <= 200  # where it was drawn (440, 40)
    (account, money) = identifiers_in_qr_text(codes[0]["text"])
    assert (account.kind, account.value, account.bank) == ("bank_account", "1012345678", "VCB")
    assert money.value == "500000 VND"
    # Scene changes make keyframes; their spans cover the clip without gaps.
    assert keyframes[0]["start_s"] == 0.0 and keyframes[-1]["end_s"] == 12.0
    assert all(k["end_s"] == n["start_s"] for k, n in zip(keyframes, keyframes[1:], strict=False))
    assert watch.errors == [] and watch.looked < 6  # unchanged frames are not read again


def test_pdq_matches_a_resized_reencoded_copy_and_not_another_picture(tmp_path: Path) -> None:
    shot = with_qr(scene(7, 720, 1280), PAYLOAD, module_px=5, at=(200, 700))
    shot.save(tmp_path / "shot.png")
    shot.resize((360, 640)).save(tmp_path / "copy.jpg", quality=60)
    scene(8, 720, 1280).save(tmp_path / "other.png")
    original, quality = file_hash(tmp_path / "shot.png")
    assert quality >= PDQ_MIN_QUALITY and len(original) == 64
    assert distance(original, file_hash(tmp_path / "copy.jpg")[0]) <= PDQ_MATCH_DISTANCE
    assert distance(original, file_hash(tmp_path / "other.png")[0]) > 2 * PDQ_MATCH_DISTANCE
    flat = np.full((300, 300, 3), 128, np.uint8)
    assert picture_hash(flat)[1] < PDQ_MIN_QUALITY  # never matched


def _json(capsys: pytest.CaptureFixture[str], argv: list[str], rc: int = 0) -> dict:
    capsys.readouterr()
    assert main(argv) == rc
    return json.loads(capsys.readouterr().out)


def test_analyze_stores_frame_qr_codes_and_find_image_names_the_case(
    clip: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shot = scene(9, 720, 1280)
    shot.save(tmp_path / "banner.png")
    case_dir = tmp_path / "C"
    assert main(["analyze", str(clip), str(tmp_path / "banner.png"), "--case", str(case_dir)]) == 0
    got = _json(capsys, ["identifiers", "--case", str(case_dir), "--json"])["identifiers"]
    by_kind = {(i["kind"], i["value"]): i for i in got}
    (occ,) = by_kind[("bank_account", "1012345678")]["occurrences"]
    assert (occ["media"], occ["source"], occ["start_s"], occ["end_s"]) == (
        "live.mp4", "qr", 4.0, 8.0
    )  # fmt: skip
    assert by_kind[("bank_account", "1012345678")]["bank"] == "VCB"
    # Analysing again (a resumed or repeated run) does not duplicate them.
    main(["analyze", str(clip), "--case", str(case_dir)])
    again = _json(capsys, ["identifiers", "--case", str(case_dir), "--json"])["identifiers"]
    assert sum(len(i["occurrences"]) for i in again) == sum(len(i["occurrences"]) for i in got)
    # Scene B, re-encoded at another size, and the screenshot: found with their times.
    scene(2).resize((480, 270)).save(tmp_path / "b.jpg", quality=70)
    found = _json(capsys, ["find", "--image", str(tmp_path / "b.jpg"), "--json"])
    (case,) = found["cases"]
    assert case["folder"] == str(case_dir.resolve())
    assert case["occurrences"][0]["media"] == "live.mp4"
    assert case["occurrences"][0]["start_s"] <= 8.0 <= case["occurrences"][0]["end_s"]
    shot.resize((540, 960)).save(tmp_path / "banner.jpg", quality=60)
    found = _json(capsys, ["find", "--image", str(tmp_path / "banner.jpg"), "--json"])
    assert [o["media"] for o in found["cases"][0]["occurrences"]] == ["banner.png"]
    assert found["cases"][0]["occurrences"][0]["start_s"] is None  # a screenshot
    scene(3).save(tmp_path / "other.png")
    assert (
        _json(capsys, ["find", "--image", str(tmp_path / "other.png"), "--json"], 1)["cases"] == []
    )


def test_range_payload_carries_codes_and_keyframes_checked_as_data(clip: Path) -> None:
    media = {"kind": "video", "duration_s": 12.0, "has_audio": False}
    options = CoreOptions()
    (rng,) = plan_ranges(clip, media, options)
    sha = sha256_file(clip)
    payload = analyze_range(clip, sha, rng, options, CoreModels(options.speech_model))
    validate_payload(payload, sha, rng, 12.0)
    codes = [c for s in payload["vision"] for c in s["codes"]]
    assert [(c["text"], c["start_s"], c["end_s"]) for c in codes] == [(PAYLOAD, 4.0, 8.0)]
    assert all(len(k["pdq"]) == 64 for s in payload["vision"] for k in s["keyframes"])
    payload["vision"][0]["keyframes"][0]["pdq"] = "not a hash"
    with pytest.raises(PayloadRejected, match="PDQ"):
        validate_payload(payload, sha, rng, 12.0)
    payload["vision"][0]["keyframes"] = []
    payload["vision"][0]["codes"][0]["start_s"] = 999.0
    with pytest.raises(PayloadRejected, match="outside the range"):
        validate_payload(payload, sha, rng, 12.0)


def test_the_cluster_path_stores_what_the_local_path_stores(clip: Path, tmp_path: Path) -> None:
    """Ranges through a (local) cluster backend: the same QR identifiers and picture hashes as
    the local pipeline, the screenshot's read in the range rather than from its file."""
    from reviewer.cluster.backend import LocalBackend
    from reviewer.cluster.driver import ClusterAnalyzer
    from reviewer.pipeline import AnalysisOptions, Analyzer
    from reviewer.store import open_case

    shot = tmp_path / "shot.png"
    with_qr(scene(4, 720, 1280), PAYLOAD, module_px=5, at=(100, 300)).save(shot)

    def stored(case) -> tuple[list, list]:
        qr = case.conn.execute(
            "SELECT m.original_name, i.kind, i.value, i.start_s, i.end_s FROM identifier i"
            " JOIN media m ON m.id = i.media_id WHERE i.source = 'qr' ORDER BY 1, 2, 4"
        ).fetchall()
        hashes = case.conn.execute(
            "SELECT m.original_name, p.start_s, p.end_s, p.pdq FROM picture_hash p"
            " JOIN media m ON m.id = p.media_id ORDER BY 1, 2"
        ).fetchall()
        return qr, hashes

    options = AnalysisOptions(language="vi", device="cpu", speech_bias="none")
    with open_case(tmp_path / "local") as case:
        assert Analyzer(case, options).run([clip, shot]).all_ok
        local = stored(case)
    with open_case(tmp_path / "ranges") as case:
        assert ClusterAnalyzer(case, options, LocalBackend()).run([clip, shot]).all_ok
        ranges = stored(case)
    assert ("shot.png", "bank_account", "1012345678", None, None) in ranges[0]
    assert ("live.mp4", "bank_account", "1012345678", 4.0, 8.0) in ranges[0]
    assert ranges == local and len(local[1]) >= 3
