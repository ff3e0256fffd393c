"""Tamper suite: one real package, copied per test, altered one way each; only the untouched passes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from test_evidence_fixtures import OFFICER, make_case, make_signer, reseal

from reviewer.evidence import export_case, verify_package
from reviewer.evidence.seal import SEAL_PATH, SIG_PATH
from reviewer.evidence.verify import EXIT_MALFORMED, EXIT_TAMPERED, EXIT_UNTRUSTED
from reviewer.store import open_case

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two exports of the same case (an older and a newer one), signed by one officer."""
    base = tmp_path_factory.mktemp("evidence")
    case_dir, ids = make_case(base / "case", base / "media")
    signer = make_signer()
    usb = base / "usb"
    usb.mkdir()
    older = export_case(case_dir, usb, signer).path
    with open_case(case_dir) as case:
        case.decide_flag(ids["pending"], "confirmed", OFFICER, "Lừa đảo")
    newer = export_case(case_dir, usb, signer).path
    return {"older": older, "newer": newer, "signer": signer, "case": case_dir, "usb": usb}


@pytest.fixture
def pkg(built: dict, tmp_path: Path) -> Path:
    copy = tmp_path / built["newer"].name
    shutil.copytree(built["newer"], copy, symlinks=True)
    return copy


def check(built: dict, path: Path, status: str) -> None:
    report = verify_package(path, [built["signer"].public])
    assert report.status == status, report.reason
    assert report.reason and "\n" not in report.reason


def original(pkg: Path) -> Path:
    return next((pkg / "data" / "originals").glob("*.mp4"))


def test_untouched_package_verifies(built, pkg):
    report = verify_package(pkg, [built["signer"].public])
    assert report.status == "ok" and report.exit_code == 0, report.reason
    assert [c.name for c in report.checks] == [
        "layout",
        "bagit",
        "signature",
        "seal",
        "tag-files",
        "file-set",
        "bag-info",
        "payload",
        "audit",
        "case",
    ]


def test_without_a_trusted_key_the_signer_is_untrusted(built, pkg):
    report = verify_package(pkg, [])
    assert report.status == "untrusted" and report.exit_code == EXIT_UNTRUSTED


def test_flipped_bit_in_original(built, pkg):
    path = original(pkg)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    check(built, pkg, "tampered")


def test_truncated_original(built, pkg):
    path = original(pkg)
    path.write_bytes(path.read_bytes()[:-1000])
    check(built, pkg, "tampered")


def test_zero_byte_original(built, pkg):
    original(pkg).write_bytes(b"")
    check(built, pkg, "tampered")


def test_deleted_clip(built, pkg):
    next((pkg / "data" / "clips").iterdir()).unlink()
    check(built, pkg, "tampered")


def test_added_payload_file(built, pkg):
    (pkg / "data" / "screenshots" / "extra.jpg").write_bytes(b"\xff\xd8not really")
    check(built, pkg, "tampered")


def test_extra_root_file(built, pkg):
    (pkg / "notes.txt").write_text("added later")
    check(built, pkg, "tampered")


def _edit_case_json(pkg: Path) -> None:
    path = pkg / "data" / "case" / "case.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["flags"][0]["note"] = "Không có vi phạm"
    doc["flags"][0]["status"] = "rejected"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")


def test_edited_case_json(built, pkg):
    _edit_case_json(pkg)
    check(built, pkg, "tampered")


def test_edited_case_json_with_regenerated_manifests(built, pkg):
    _edit_case_json(pkg)
    seal = (pkg / SEAL_PATH).read_bytes()
    sig = (pkg / SIG_PATH).read_bytes()
    reseal(pkg, make_signer())  # manifests and tag manifests rebuilt ...
    (pkg / SEAL_PATH).write_bytes(seal)  # ... but the real seal cannot be re-made
    (pkg / SIG_PATH).write_bytes(sig)
    (pkg / "meta" / "signer.pub").write_text(built["signer"].public.to_text())
    check(built, pkg, "tampered")


def test_resigned_with_another_key_and_signer_pub_swapped(built, pkg):
    _edit_case_json(pkg)
    reseal(pkg, make_signer("CA-666", "Kẻ giả mạo"))
    report = verify_package(pkg, [built["signer"].public])
    assert report.status == "untrusted" and report.exit_code == EXIT_UNTRUSTED, report.reason


def test_signer_pub_swapped_only(built, pkg):
    (pkg / "meta" / "signer.pub").write_text(make_signer().public.to_text())
    check(built, pkg, "tampered")


def test_seal_replayed_from_another_package(built, pkg):
    for rel in (SEAL_PATH, SIG_PATH):
        shutil.copy(built["older"] / rel, pkg / rel)
    check(built, pkg, "tampered")


def test_manifests_swapped_from_an_older_export(built, pkg):
    for name in (
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha512.txt",
        "bag-info.txt",
    ):
        shutil.copy(built["older"] / name, pkg / name)
    check(built, pkg, "tampered")


def test_edited_bag_info(built, pkg):
    path = pkg / "bag-info.txt"
    path.write_text(path.read_text().replace("Contact-Name: ", "Contact-Name: X"))
    check(built, pkg, "tampered")


def test_edited_seal_json(built, pkg):
    path = pkg / SEAL_PATH
    seal = json.loads(path.read_text(encoding="utf-8"))
    seal["signer"]["workstation"] = "another-pc"
    path.write_text(json.dumps(seal, ensure_ascii=False, sort_keys=True, indent=2) + "\n")
    check(built, pkg, "tampered")


def test_edited_trusted_comment(built, pkg):
    path = pkg / SIG_PATH
    lines = path.read_text().splitlines()
    lines[2] = lines[2].replace("seal EVP", "seal XEVP")
    path.write_text("\n".join(lines) + "\n")
    check(built, pkg, "tampered")


def test_missing_signature(built, pkg):
    (pkg / SIG_PATH).unlink()
    report = verify_package(pkg, [built["signer"].public])
    assert report.status == "malformed" and report.exit_code == EXIT_MALFORMED


def test_garbled_signature(built, pkg):
    path = pkg / SIG_PATH
    lines = path.read_text().splitlines()
    lines[1] = lines[1][:20] + "!!!" + lines[1][23:]
    path.write_text("\n".join(lines) + "\n")
    check(built, pkg, "malformed")


def test_signature_with_flipped_bit(built, pkg):
    import base64

    path = pkg / SIG_PATH
    lines = path.read_text().splitlines()
    raw = bytearray(base64.b64decode(lines[1]))
    raw[-1] ^= 0x01
    lines[1] = base64.b64encode(bytes(raw)).decode()
    path.write_text("\n".join(lines) + "\n")
    check(built, pkg, "tampered")


def _audit_lines(pkg: Path) -> tuple[Path, list[str]]:
    path = pkg / "data" / "case" / "audit-log.jsonl"
    return path, path.read_text(encoding="utf-8").splitlines()


def _edit_audit(pkg: Path, how: str) -> None:
    path, lines = _audit_lines(pkg)
    if how == "edited":
        entry = json.loads(lines[2])
        entry["officer"] = "someone else"
        lines[2] = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    elif how == "deleted":
        del lines[2]
    else:
        lines[2], lines[3] = lines[3], lines[2]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["edited", "deleted", "reordered"])
def test_audit_entry(built, pkg, how):
    _edit_audit(pkg, how)
    check(built, pkg, "tampered")


@pytest.mark.parametrize("how", ["edited", "deleted", "reordered"])
def test_audit_entry_by_an_insider_holding_the_key(built, pkg, how):
    """Even resealed with the officer's own key, the hash chain gives the change away."""
    _edit_audit(pkg, how)
    reseal(pkg, built["signer"])
    report = verify_package(pkg, [built["signer"].public])
    assert report.status == "tampered" and "Audit log" in report.reason, report.reason


def test_audit_truncated_at_the_end_by_an_insider(built, pkg):
    path, lines = _audit_lines(pkg)
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    reseal(pkg, built["signer"])
    check(built, pkg, "tampered")


def test_symlink_inside(built, pkg):
    target = original(pkg)
    link = pkg / "data" / "originals" / "link.mp4"
    link.symlink_to(target)
    check(built, pkg, "tampered")


def test_symlink_replacing_a_file(built, pkg, tmp_path):
    target = original(pkg)
    outside = tmp_path / "outside.mp4"
    shutil.move(target, outside)
    target.symlink_to(outside)
    check(built, pkg, "tampered")


@pytest.mark.parametrize(
    "bad_path",
    [
        "data/../../etc/passwd",
        "../outside.txt",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "C:\\Windows\\win.ini",
        "data\\originals\\x.mp4",
        "data/./case/case.json",
    ],
    ids=["dotdot-inside", "dotdot", "absolute", "drive", "drive-backslash", "backslash", "dot"],
)
def test_manifest_path_trick(built, pkg, bad_path):
    """Added to the manifest and resealed with the real key: the path itself is refused."""
    for algorithm, size in (("sha256", 64), ("sha512", 128)):
        path = pkg / f"manifest-{algorithm}.txt"
        path.write_text(path.read_text() + f"{'0' * size}  {bad_path}\n")
    reseal(pkg, built["signer"], regenerate_manifests=False)
    check(built, pkg, "tampered")


def test_extra_root_file_listed_in_tag_manifest_by_insider(built, pkg):
    (pkg / "notes.txt").write_text("added later, tag manifests rebuilt, resealed")
    reseal(pkg, built["signer"], extra_tags=("notes.txt",))
    check(built, pkg, "tampered")


def test_failed_read_back_folder_never_verifies(built, tmp_path):
    failed = tmp_path / (built["newer"].name + ".failed")
    shutil.copytree(built["newer"], failed)
    check(built, failed, "malformed")


def test_nfc_nfd_twin_names(built, pkg):
    name = "biên bản.txt"
    for form in ("NFC", "NFD"):
        (pkg / "data" / "case" / unicodedata.normalize(form, name)).write_text(form)
    check(built, pkg, "tampered")


def test_case_only_twin_names(built, pkg):
    shutil.copy(pkg / "data" / "report" / "report.html", pkg / "data" / "report" / "REPORT.html")
    check(built, pkg, "tampered")


def test_case_only_twin_in_manifest_resealed(built, pkg):
    shutil.copy(pkg / "data" / "report" / "report.html", pkg / "data" / "report" / "Report.html")
    reseal(pkg, built["signer"])
    check(built, pkg, "tampered")


def test_fetch_txt(built, pkg):
    (pkg / "fetch.txt").write_text("https://example.invalid/x 100 data/originals/x.mp4\n")
    check(built, pkg, "tampered")


def test_fetch_txt_listed_in_tag_manifest_by_insider(built, pkg):
    (pkg / "fetch.txt").write_text("https://example.invalid/x 100 data/originals/x.mp4\n")
    reseal(pkg, built["signer"])
    check(built, pkg, "tampered")


def test_leftover_partial_folder(built, tmp_path):
    partial = tmp_path / (built["newer"].name + ".partial")
    shutil.copytree(built["newer"], partial)
    report = verify_package(partial, [built["signer"].public])
    assert report.status == "malformed" and ".partial" in report.reason


def test_export_killed_mid_write_leaves_nothing_complete(built, tmp_path):
    """A real process, SIGKILLed while the originals are being written; then export again."""
    usb = tmp_path / "usb"
    usb.mkdir()
    case_copy = tmp_path / "case"
    shutil.copytree(built["case"], case_copy)
    shutil.copytree(built["case"].parent / "media", tmp_path / "media")  # paths are relative
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT / "tests")!r})
from test_evidence_fixtures import make_signer
from reviewer.evidence import export_case

def on_progress(event):
    if event.stage == "originals" and event.done > 0:
        os.kill(os.getpid(), signal.SIGKILL)

export_case({str(case_copy)!r}, {str(usb)!r}, make_signer(), on_progress=on_progress)
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=120)
    assert proc.returncode == -9
    left = sorted(p.name for p in usb.iterdir())
    assert len(left) == 1 and left[0].endswith(".partial")
    report = verify_package(usb / left[0], [built["signer"].public])
    assert report.status == "malformed"
    # Running again works and removes the leftover.
    again = export_case(case_copy, usb, built["signer"])
    assert again.verify.ok
    assert [p.name for p in usb.iterdir()] == [again.path.name]


def test_cli_exit_codes(built, pkg, tmp_path, capsys):
    from reviewer.cli import main

    key = tmp_path / "officer.pub"
    key.write_text(built["signer"].public.to_text())
    assert main(["verify", str(pkg), "--trusted-key", str(key)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
    assert main(["verify", str(pkg), "--no-local-keys"]) == EXIT_UNTRUSTED
    assert capsys.readouterr().out.startswith("UNTRUSTED: ")
    (pkg / "extra.txt").write_text("x")
    assert main(["verify", str(pkg), "--trusted-key", str(key), "--json"]) == EXIT_TAMPERED
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "tampered" and out["exit_code"] == EXIT_TAMPERED
    assert main(["verify", str(tmp_path / "nothing-here"), "--trusted-key", str(key)]) == 4
    assert os.path.exists(key)
