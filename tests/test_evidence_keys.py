"""Officer keys: creation, encryption at rest, rotation, CLI; minisign format against the real tool."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess

import pytest

from reviewer.cli import main
from reviewer.evidence import keys, minisign
from reviewer.evidence.errors import KeyStoreError, WrongPassphrase

PASS = "mật khẩu đủ dài 2024"


def test_create_unlock_and_sign(reviewer_home):
    info = keys.create_key("CA-001", PASS, "Nguyễn Văn An")
    assert info.current and len(info.key_id) == 16 and len(info.fingerprint) == 64
    signer = keys.unlock(PASS, "CA-001")
    assert signer.public == info.public and signer.name == "Nguyễn Văn An"
    sig = minisign.parse_signature(signer.sign(b"hello", "trusted"))
    assert minisign.check(info.public, b"hello", sig)
    assert not minisign.check(info.public, b"hellO", sig)


def test_private_key_is_never_on_disk_in_clear(reviewer_home):
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    keys.create_key("CA-001", PASS)
    seed = keys.unlock(PASS).private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    encodings = [seed, base64.b64encode(seed), seed.hex().encode()]
    for path in (reviewer_home / "keys").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(e in data for e in encodings), path
    key_file = next((reviewer_home / "keys").rglob("*.key"))
    record = json.loads(key_file.read_text())
    assert record["kdf"]["name"] == "scrypt" and record["cipher"] == "chacha20-poly1305"
    assert key_file.stat().st_mode & 0o077 == 0


def test_wrong_passphrase_and_short_passphrase(reviewer_home):
    keys.create_key("CA-001", PASS)
    with pytest.raises(WrongPassphrase, match="does not open"):
        keys.unlock("not the passphrase")
    with pytest.raises(KeyStoreError, match="at least 8"):
        keys.create_key("CA-002", "short")


def test_tampered_key_file_does_not_unlock(reviewer_home):
    keys.create_key("CA-001", PASS)
    key_file = next((reviewer_home / "keys").rglob("*.key"))
    record = json.loads(key_file.read_text())
    record["officer"] = "CA-999"  # identity is bound to the ciphertext
    key_file.write_text(json.dumps(record))
    with pytest.raises(WrongPassphrase):
        keys.unlock(PASS, "CA-001")


def test_rotation_keeps_old_public_keys(reviewer_home):
    first = keys.create_key("CA-001", PASS)
    second = keys.create_key("CA-001", PASS, old_passphrase=PASS)  # rotation needs the old one
    listed = keys.list_keys("CA-001")
    assert [k.key_id for k in listed] == [second.key_id, first.key_id]
    assert listed[0].current and not listed[1].current
    assert keys.unlock(PASS).public == second.public
    assert first.public in keys.trusted_local_keys()
    assert not list((reviewer_home / "keys").rglob(f"{first.key_id}.key"))


def test_several_officers_need_a_choice(reviewer_home):
    keys.create_key("CA-001", PASS)
    keys.create_key("CA-002", PASS)
    with pytest.raises(KeyStoreError, match="--officer"):
        keys.unlock(PASS)
    assert keys.unlock(PASS, "CA-002").officer == "CA-002"


def test_no_key_yet(reviewer_home):
    with pytest.raises(KeyStoreError, match="keys create"):
        keys.unlock(PASS)


def test_cli_keys(reviewer_home, tmp_path, monkeypatch, capsys):
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS + "\n", encoding="utf-8")
    assert (
        main(
            [
                "keys",
                "create",
                "--officer",
                "CA-001",
                "--name",
                "Lê Thị Hoa",
                "--passphrase-file",
                str(pass_file),
            ]
        )
        == 0
    )
    created = capsys.readouterr().out
    monkeypatch.setenv("REVIEWER_PASSPHRASE", PASS)
    monkeypatch.setenv("REVIEWER_OLD_PASSPHRASE", PASS)  # rotation needs the current passphrase
    assert main(["keys", "create", "--officer", "CA-001"]) == 0  # rotation, passphrase from env
    capsys.readouterr()
    assert main(["keys", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [k["current"] for k in shown] == [True, False]
    assert shown[1]["key_id"] in created
    assert main(["keys", "show"]) == 0
    text = capsys.readouterr().out
    assert "current" in text and "retired" in text and "fingerprint" in text
    out = tmp_path / "officer.pub"
    assert main(["keys", "export-public", "--out", str(out)]) == 0
    assert minisign.parse_public_key(out.read_text()).key_id_hex == shown[0]["key_id"]
    monkeypatch.delenv("REVIEWER_PASSPHRASE")
    assert main(["keys", "create", "--officer", "CA-002"]) == 2  # no passphrase given


def test_stock_minisign_accepts_our_signature(tmp_path):
    """Our writer against the real tool (Debian package `minisign`)."""
    tool = shutil.which("minisign")
    if tool is None:
        pytest.skip("the minisign binary is missing (apt-get install minisign)")
    from test_evidence_fixtures import make_signer

    signer = make_signer()
    message = tmp_path / "thư.bin"
    message.write_bytes(b"n\xe1\xbb\x99i dung\n" * 1000)
    (tmp_path / "thư.bin.minisig").write_text(
        signer.sign(message.read_bytes(), "bình luận tin cậy")
    )
    pub = tmp_path / "k.pub"
    pub.write_text(signer.public.to_text())
    ok = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(message)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert "Trusted comment: bình luận tin cậy" in ok.stdout
    message.write_bytes(message.read_bytes() + b"x")
    bad = subprocess.run([tool, "-V", "-p", str(pub), "-m", str(message)], capture_output=True)
    assert bad.returncode != 0


def test_minisign_generated_key_and_signature_are_read(tmp_path):
    """And the other way: a key and signature made by the real tool check with our reader."""
    tool = shutil.which("minisign")
    if tool is None:
        pytest.skip("the minisign binary is missing (apt-get install minisign)")
    sk, pk, msg = tmp_path / "k.key", tmp_path / "k.pub", tmp_path / "m.txt"
    msg.write_text("xin chào")
    subprocess.run(
        [tool, "-G", "-W", "-s", str(sk), "-p", str(pk)], check=True, capture_output=True
    )
    subprocess.run(
        [tool, "-S", "-s", str(sk), "-m", str(msg), "-t", "tc"], check=True, capture_output=True
    )
    public = minisign.parse_public_key(pk.read_text())
    sig = minisign.parse_signature((tmp_path / "m.txt.minisig").read_text())
    assert sig.trusted_comment == "tc"
    assert minisign.check(public, msg.read_bytes(), sig)
