"""Windows installer script, its signature, and the third-party notices.

makensis (Debian's nsis) builds the real NSIS installer on Linux; here it packs a small
stand-in bundle so the test takes seconds (`make installer` packs the real one). The result is
signed with a throwaway self-signed certificate through osslsigncode and verified, the way the
release is signed with the agency's certificate (docs/windows-build.md).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = Path(__file__).resolve().parents[1]
NSI = ROOT / "installer" / "reviewer.nsi"

needs_nsis = pytest.mark.skipif(
    shutil.which("makensis") is None or shutil.which("osslsigncode") is None,
    reason="makensis/osslsigncode not installed (scripts/system-deps.sh installs them)",
)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway code-signing certificate and key (PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Livestream Reviewer TEST ONLY")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "test-cert.pem", folder / "test-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def setup_exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Setup.exe built by makensis from a stand-in bundle folder."""
    if shutil.which("makensis") is None:
        pytest.skip("makensis not installed (scripts/system-deps.sh installs nsis)")
    tmp = tmp_path_factory.mktemp("nsis")
    bundle = tmp / "LivestreamReviewer"
    (bundle / "_internal" / "models").mkdir(parents=True)
    (bundle / "LivestreamReviewer.exe").write_bytes(b"MZ stand-in GUI")
    (bundle / "reviewer.exe").write_bytes(b"MZ stand-in CLI")
    (bundle / "_internal" / "models" / "manifest.json").write_text("{}")
    out = tmp / "LivestreamReviewer-Setup.exe"
    proc = subprocess.run(
        [
            "makensis",
            "-V2",
            f"-DBUNDLE_DIR={bundle}",
            f"-DOUT_FILE={out}",
            "-DVERSION=0.1.0",
            "-DCOMPRESSOR=zlib",
            str(NSI),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@needs_nsis
def test_makensis_builds_a_windows_executable(setup_exe: Path) -> None:
    data = setup_exe.read_bytes()
    assert data[:2] == b"MZ"
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe : pe + 4] == b"PE\0\0"
    assert b"Nullsoft" in data


@needs_nsis
def test_signed_with_throwaway_certificate_and_verified(setup_exe: Path, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    signed = tmp_path / "LivestreamReviewer-Setup-signed.exe"
    sign = subprocess.run(
        [
            "osslsigncode",
            "sign",
            "-certs",
            str(cert),
            "-key",
            str(key),
            "-h",
            "sha256",
            "-n",
            "Livestream Reviewer",
            "-in",
            str(setup_exe),
            "-out",
            str(signed),
        ],
        capture_output=True,
        text=True,
    )
    assert sign.returncode == 0, sign.stdout + sign.stderr
    verify = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(signed)],
        capture_output=True,
        text=True,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "Signature verification: ok" in verify.stdout
    # The unsigned build carries no signature, and a flipped byte breaks the signed one.
    unsigned = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(setup_exe)],
        capture_output=True,
        text=True,
    )
    assert unsigned.returncode != 0
    tampered = tmp_path / "tampered.exe"
    data = bytearray(signed.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    bad = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(tampered)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0


def _section(text: str, name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', text, re.M | re.S)
    assert match, f"no section {name}"
    return match.group(0)


def test_installer_script_per_machine_with_start_menu() -> None:
    text = NSI.read_text(encoding="utf-8")
    assert "RequestExecutionLevel admin" in text
    assert 'InstallDir "$PROGRAMFILES64\\' in text
    assert "SetShellVarContext all" in text
    assert re.search(r'CreateShortCut "\$SMPROGRAMS\\.*\$\{GUI_EXE\}"', text)
    assert "WriteUninstaller" in text and "${UNINST_KEY}" in text


def test_uninstaller_keeps_cases_keys_and_settings() -> None:
    section = _section(NSI.read_text(encoding="utf-8"), "Uninstall")
    uninstall = "\n".join(ln for ln in section.splitlines() if not ln.strip().startswith(";"))
    # Nothing under the user profiles, and no recursive delete of the install folder itself.
    for forbidden in ("LOCALAPPDATA", "$APPDATA", "$PROFILE", "$DOCUMENTS"):
        assert forbidden not in uninstall
    for line in uninstall.splitlines():
        if line.strip().startswith("RMDir /r"):
            assert line.strip() == 'RMDir /r "$INSTDIR\\_internal"', line
    assert 'RMDir "$INSTDIR"' in uninstall  # only removed when empty


def test_third_party_notices_list_every_bundled_distribution() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "third_party_notices.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    for must in ("x264", "open_nsfw", "Silero", "Whisper base", "PP-OCRv6", "LGPL-3.0"):
        assert must in text
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.network
@pytest.mark.slow
def test_every_dependency_has_a_windows_wheel() -> None:
    script = ROOT / "scripts" / "check_windows_wheels.sh"
    proc = subprocess.run(
        ["bash", str(script), "gpu"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHON": sys.executable},
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 and re.search(r"connection|network|resolve host|timed out", out, re.I):
        pytest.skip(f"package index unreachable: {out[-300:]}")
    assert proc.returncode == 0, out[-3000:]
    assert "all Windows-installable wheels" in proc.stdout
