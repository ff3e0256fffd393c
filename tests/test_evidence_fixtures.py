"""Shared builders for the evidence tests: a real case, in-memory signers, and an attacker's reseal."""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from reviewer.evidence import bag, minisign
from reviewer.evidence.keys import Signer
from reviewer.evidence.seal import SEAL_PATH, SIG_PATH, seal_bytes, trusted_comment
from reviewer.ingest import ingest_file
from reviewer.store import open_case

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo" / "demo.mp4"
OFFICER = "Trần Thị Bình"


def make_signer(officer: str = "CA-001", name: str = OFFICER) -> Signer:
    """A signer held in memory only (the key store and its scrypt are tested on their own)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    return Signer(officer, name, private, minisign.public_key_of(private, secrets.token_bytes(8)))


def add_flag(case, media_id: int, **fields) -> int:
    row = {
        "media_id": media_id,
        "start_s": 12.0,
        "end_s": 16.5,
        "play_from_s": 10.0,
        "category": "gambling",
        "score": 0.9,
        "source": "speech",
        "text": "nhà cái uy tín, chơi cờ bạc online",
        "matched": json.dumps(["cờ bạc", "nhà cái"], ensure_ascii=False),
        "models": json.dumps([{"name": "faster-whisper-base", "sha256": "d01c3014"}]),
        "status": "pending",
        **fields,
    }
    return case.db["flag"].insert(row).last_pk


def make_case(folder: Path, media_root: Path) -> tuple[Path, dict[str, int]]:
    """Demo video and a screenshot (Vietnamese names), a transcript, and flags in every state."""
    media_root.mkdir(parents=True, exist_ok=True)
    video = media_root / "buổi phát trực tiếp.mp4"
    shutil.copy(DEMO, video)
    image = media_root / "ảnh chụp màn hình.png"
    picture = Image.new("RGB", (640, 360), (30, 30, 40))
    ImageDraw.Draw(picture).rectangle((40, 40, 600, 120), fill=(220, 40, 40))
    picture.save(image)
    with open_case(folder, officer=OFFICER) as case:
        v = ingest_file(case, video).media_id
        i = ingest_file(case, image).media_id
        case.save_speech_chunk(
            v,
            [
                {"start_s": 11.0, "end_s": 14.0, "text": "Các bạn vào nhà cái chơi cờ bạc nhé"},
                {"start_s": 30.0, "end_s": 33.0, "text": "Chuyển khoản trước để nhận thưởng"},
            ],
            75.0,
        )
        ids = {
            "confirmed": add_flag(case, v),
            "pending": add_flag(
                case, v, start_s=30.0, end_s=33.0, play_from_s=28.0, category="fraud"
            ),
            "rejected": add_flag(case, v, start_s=50.0, end_s=51.0, category="insult"),
            "image": add_flag(
                case,
                i,
                start_s=None,
                end_s=None,
                play_from_s=None,
                category="obscene",
                source="image",
                text=None,
                matched="[]",
            ),
        }
        case.decide_flag(ids["confirmed"], "confirmed", OFFICER, "Quảng cáo cờ bạc rõ ràng")
        case.decide_flag(ids["image"], "confirmed", OFFICER, "Ảnh đồi trụy")
        case.decide_flag(ids["rejected"], "rejected", OFFICER, "Nhận nhầm")
    return folder, ids


def _digests(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest()


def reseal(
    pkg: Path, signer: Signer, regenerate_manifests: bool = True, extra_tags: tuple[str, ...] = ()
) -> None:
    """What an attacker with our code would do: rebuild manifests, tag manifests and seal, sign."""
    payload = sorted(
        p.relative_to(pkg).as_posix() for p in (pkg / "data").rglob("*") if p.is_file()
    )
    if regenerate_manifests:
        for index, algorithm in enumerate(bag.ALGORITHMS):
            entries = {rel: _digests(pkg / rel)[index] for rel in payload}
            (pkg / f"manifest-{algorithm}.txt").write_text(bag.manifest_text(entries))
    sizes = [(pkg / rel).stat().st_size for rel in payload]
    oxum = bag.payload_oxum(sizes)
    info = bag.parse_bag_info((pkg / "bag-info.txt").read_text())
    fields = [(k, oxum if k == "Payload-Oxum" else v) for k, v in info.fields]
    (pkg / "bag-info.txt").write_text(bag.bag_info_text(fields))
    (pkg / "meta" / "signer.pub").write_text(signer.public.to_text())
    tag_files = [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "meta/VERIFY.txt",
        "meta/signer.pub",
        *extra_tags,
    ]
    seal = json.loads((pkg / SEAL_PATH).read_text(encoding="utf-8"))
    for index, algorithm in enumerate(bag.ALGORITHMS):
        entries = {rel: _digests(pkg / rel)[index] for rel in tag_files}
        (pkg / f"tagmanifest-{algorithm}.txt").write_text(bag.manifest_text(entries))
    seal["tag_manifests"] = {
        name: dict(zip(("sha256", "sha512"), _digests(pkg / name), strict=True))
        for name in ("tagmanifest-sha256.txt", "tagmanifest-sha512.txt")
    }
    seal["payload_oxum"] = oxum
    seal["signer"].update(
        officer=signer.officer,
        key_id=signer.public.key_id_hex,
        fingerprint=signer.public.fingerprint,
    )
    body = seal_bytes(seal)
    (pkg / SEAL_PATH).write_bytes(body)
    (pkg / SIG_PATH).write_text(signer.sign(body, trusted_comment(seal)))


def test_reseal_of_an_untouched_copy_keeps_it_valid(tmp_path):
    """The attacker helper itself must be faithful, or the tamper tests prove nothing."""
    from reviewer.evidence import export_case, verify_package

    case, _ = make_case(tmp_path / "case", tmp_path / "media")
    signer = make_signer()
    (tmp_path / "usb").mkdir()
    pkg = export_case(case, tmp_path / "usb", signer).path
    reseal(pkg, signer)
    assert verify_package(pkg, [signer.public]).status == "ok"
