"""The cluster is not an open door: plain TCP only on loopback, TLS (Dask's own) everywhere else.

`reviewer cluster certs --out DIR` makes a CA and a certificate for the scheduler, the workers
and the workstation with `cryptography`; Dask's `Security` object does the TLS (mutual: each side
shows a certificate signed by the CA). Where the certificates are: `--tls DIR` for a worker,
$REVIEWER_CLUSTER_CERTS (or <user folder>/cluster-certs) for the workstation.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ClusterError
from ..userdirs import user_home

CERTS_ENV = "REVIEWER_CLUSTER_CERTS"
ROLES = ("scheduler", "worker", "workstation")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


class InsecureCluster(ClusterError):
    """A cluster address off this machine without TLS."""


def host_of(address: str) -> tuple[str, str]:
    """(scheme, host) of tcp://HOST:PORT, tls://[::1]:PORT or HOST:PORT."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    return parts.scheme or "tcp", (parts.hostname or "")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_safe(address: str, what: str) -> str:
    """The scheme to use; InsecureCluster for plain TCP to another machine."""
    scheme, host = host_of(address)
    if scheme == "tls":
        return scheme
    if scheme != "tcp":
        raise InsecureCluster(f"{what} {address}: use tcp:// on this machine or tls:// elsewhere.")
    if not is_loopback(host):
        raise InsecureCluster(
            f"Refusing {what} {address} without TLS: analysis data and results would cross the "
            "network in clear and anyone could join. Make certificates with `reviewer cluster "
            "certs --out DIR` and use tls://HOST:PORT (see the README)."
        )
    return scheme


def certs_dir(given: str | Path | None = None) -> Path:
    if given:
        return Path(given)
    env = os.environ.get(CERTS_ENV)
    return Path(env) if env else user_home() / "cluster-certs"


def security(role: str, folder: Path) -> Any:
    """Dask's Security for `role` (worker or workstation) from a certs folder."""
    from distributed.security import Security

    ca, cert, key = folder / "ca.pem", folder / f"{role}.pem", folder / f"{role}.key"
    missing = [p.name for p in (ca, cert, key) if not p.is_file()]
    if missing:
        raise ClusterError(
            f"TLS needs {', '.join(missing)} in {folder}: make them with "
            f"`reviewer cluster certs --out {folder}` and copy them to each machine."
        )
    kwargs = {"tls_ca_file": str(ca), "require_encryption": True}
    if role == "worker":
        kwargs |= {"tls_worker_cert": str(cert), "tls_worker_key": str(key)}
    else:
        kwargs |= {"tls_client_cert": str(cert), "tls_client_key": str(key)}
    return Security(**kwargs)


def make_certs(out: Path, hosts: list[str], days: int = 825) -> list[Path]:
    """A CA and one certificate per role, each valid for `hosts` (and loopback)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    out.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(path: Path, key: Any) -> None:
        data = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("livestream-reviewer cluster CA"))
        .issuer_name(name("livestream-reviewer cluster CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    written = [out / "ca.pem"]
    written[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    sans: list[x509.GeneralName] = [x509.DNSName("localhost")]
    for host in dict.fromkeys([*hosts, "127.0.0.1", "::1"]):
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            sans.append(x509.DNSName(host))
    for role in ROLES:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder()
            .subject_name(name(f"livestream-reviewer {role}"))
            .issuer_name(ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .sign(ca_key, hashes.SHA256())
        )
        (out / f"{role}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        write_key(out / f"{role}.key", key)
        written += [out / f"{role}.pem", out / f"{role}.key"]
    # The CA's key signs nothing more here: kept beside the certs only if the admin wants more.
    write_key(out / "ca.key", ca_key)
    return written
