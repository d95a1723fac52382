"""Throwaway signing certificates for the signature tests, made with `cryptography`."""

from __future__ import annotations

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

SIGNER = "นายทดสอบ ลงนาม"
PASSPHRASE = "รหัส-secret"


def self_signed_p12(path: Path, passphrase: str = PASSPHRASE, *, with_key: bool = True) -> Path:
    """A PKCS#12 file holding a self-signed RSA certificate for SIGNER (and its key unless with_key=False)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    if with_key:
        data = pkcs12.serialize_key_and_certificates(b"signer", key, certificate, None, encryption)
    else:
        data = pkcs12.serialize_key_and_certificates(b"signer", None, None, [certificate], encryption)
    path.write_bytes(data)
    return path
