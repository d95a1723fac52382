"""PAdES signatures with pyHanko: sign a PDF with a PKCS#12 certificate, verify a signed PDF.

No database here: the file and the certificate are all it needs. Trust is reported as it
is: this desktop keeps no list of trusted certification authorities, so a signature that
is mathematically intact and covers the whole file is "valid", and whether its signer
chains to a trusted root is said separately (a self-signed certificate never does).
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sbpac_desktop.domain.errors import EXIT_OUTPUT, AppError, FieldProblem, NotFound, ValidationError
from sbpac_desktop.thai.dates import medium_date, time_text

FIELD_NAME = "Signature1"
# pyHanko logs an untrusted (e.g. self-signed) signer as a warning with its traceback; the
# state is reported to the user in Thai instead, so only its errors reach the log.
logging.getLogger("pyhanko").setLevel(logging.ERROR)


class SigningInputError(ValidationError):
    """A file or passphrase that cannot be used (exit 2); `field` names it for a form."""

    def __init__(self, message_th: str, message_en: str, field: str = "file") -> None:
        super().__init__([FieldProblem(field, message_th, message_en)])


class SignedOutputError(AppError):
    exit_code = EXIT_OUTPUT


class SignatureState(enum.Enum):
    VALID = "valid"
    INVALID = "invalid"
    CHANGED = "changed"  # the signed bytes were altered, or the file has unsigned changes after them
    NOT_SIGNED = "not_signed"


STATE_TEXT = {
    SignatureState.VALID: ("ลายมือชื่อดิจิทัลถูกต้อง", "valid"),
    SignatureState.INVALID: ("ลายมือชื่อดิจิทัลไม่ถูกต้อง", "invalid"),
    SignatureState.CHANGED: ("เอกสารถูกแก้ไขหลังลงนาม", "changed after signing"),
    SignatureState.NOT_SIGNED: ("เอกสารนี้ไม่มีลายมือชื่อดิจิทัล", "not signed"),
}


@dataclass(frozen=True)
class Verification:
    state: SignatureState
    signer: str = ""
    signed_at: datetime | None = None
    trusted: bool = False

    def lines(self) -> list[str]:
        """Thai lines for the user: the state, who signed and when (BE), and the trust state."""
        lines = [STATE_TEXT[self.state][0]]
        if self.signer:
            lines.append(f"ผู้ลงนาม: {self.signer}")
        if self.signed_at is not None:
            local = self.signed_at.astimezone()
            day, hour = medium_date(local.date(), thai_digits=False), time_text(local.time(), thai_digits=False)
            lines.append(f"เวลาที่ลงนาม: {day} {hour}")
        if self.state is not SignatureState.NOT_SIGNED:
            lines.append(
                "ผู้ลงนามอยู่ในรายการที่เชื่อถือ"
                if self.trusted
                else "ยังยืนยันตัวผู้ลงนามไม่ได้: ใบรับรองไม่ได้ออกโดยหน่วยงานออกใบรับรองที่เชื่อถือ (เช่น ลงนามด้วยใบรับรองของตนเอง)"
            )
        return lines


def read_input_pdf(path: Path) -> bytes:
    """The bytes of a PDF to sign or verify, or a Thai refusal (missing, unreadable, not a PDF)."""
    if not path.is_file():
        raise NotFound(f"ไม่พบไฟล์ {path}", f"File not found: {path}")
    data = _read(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise SigningInputError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์ PDF", f"{path.name} is not a PDF file")
    return data


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SigningInputError(f"อ่านไฟล์ {path} ไม่ได้ ({error.strerror})", f"Cannot read {path}: {error}") from error


def load_signer(cert_path: Path, passphrase: str):
    """A pyHanko signer from a PKCS#12 (.p12/.pfx) file, or a Thai refusal saying why not."""
    from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    if not cert_path.is_file():
        raise NotFound(f"ไม่พบไฟล์ใบรับรอง {cert_path}", f"Certificate file not found: {cert_path}")
    data = _read(cert_path)
    not_a_certificate = SigningInputError(
        f"ไฟล์ {cert_path.name} ไม่ใช่ใบรับรองแบบ PKCS#12 (.p12/.pfx)", f"{cert_path.name} is not a PKCS#12 file", "cert"
    )
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parsing the whole structure is the check
    except (ValueError, TypeError, OverflowError) as error:
        raise not_a_certificate from error
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError as error:
        raise SigningInputError("รหัสผ่านของใบรับรองไม่ถูกต้อง", "Wrong certificate passphrase", "passphrase") from error
    if key is None or certificate is None:
        raise SigningInputError(
            f"ไฟล์ {cert_path.name} ไม่มีใบรับรองพร้อมกุญแจส่วนตัวสำหรับลงนาม",
            f"{cert_path.name} holds no certificate with its private key",
            "cert",
        )
    return signers.SimpleSigner.load_pkcs12_data(data, other_certs=set(), passphrase=passphrase.encode("utf-8"))


def sign_pdf(source: Path, cert_path: Path, passphrase: str, output: Path | None = None) -> Path:
    """Sign `source` (PAdES baseline B) into `output` (default: NAME-signed.pdf beside it), atomically."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    data = read_input_pdf(source)
    signer = load_signer(cert_path, passphrase)
    target = output or source.with_name(f"{source.stem}-signed.pdf")
    if target.suffix.lower() != ".pdf":
        raise SigningInputError("ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .pdf", "The output file must end in .pdf", "output")
    if target.resolve() == source.resolve():
        raise SigningInputError("ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ", "The output must not be the source file", "output")
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=SigSeedSubFilter.PADES)
    try:
        import io

        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        signed = signers.sign_pdf(writer, meta, signer=signer).getvalue()
    except (PdfReadError, ValueError, KeyError) as error:
        raise SigningInputError(
            f"อ่านไฟล์ {source.name} เพื่อลงนามไม่ได้: {error}", f"Cannot sign {source.name}: {error}"
        ) from error
    _write_atomically(target, signed)
    return target


def sign_copy(source: Path, cert_path: Path, passphrase: str, output: Path, *, pdfa: bool) -> Path:
    """Sign a copy of `source` into `output`, first made PDF/A-2u if asked (the window's action:
    the previewed minutes stay as they are)."""
    import tempfile

    from sbpac_desktop.reporting.pdfa import make_pdfa

    if not pdfa:
        return sign_pdf(source, cert_path, passphrase, output)
    with tempfile.TemporaryDirectory(prefix="sbpac-sign-") as folder:
        archived = Path(folder) / "archive.pdf"
        archived.write_bytes(read_input_pdf(source))
        make_pdfa(archived)
        return sign_pdf(archived, cert_path, passphrase, output)


def _write_atomically(target: Path, content: bytes) -> None:
    temporary = target.with_name(f".{target.name}.signing.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, target)
    except OSError as error:
        raise SignedOutputError(
            f"บันทึกไฟล์ {target} ไม่ได้ ({error.strerror})", f"Cannot write {target}: {error.strerror}"
        ) from error
    finally:
        temporary.unlink(missing_ok=True)


def verify_pdf(path: Path) -> Verification:
    """The state of the last signature in `path` (the one that should cover the whole file)."""
    import io

    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = read_input_pdf(path)
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except (PdfReadError, ValueError, KeyError) as error:
        raise SigningInputError(f"อ่านไฟล์ {path.name} ไม่ได้: {error}", f"Cannot read {path.name}: {error}") from error
    if not signatures:
        return Verification(SignatureState.NOT_SIGNED)
    return _judge(signatures[-1])


def _judge(embedded) -> Verification:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[], allow_fetching=False))
    except (SignatureValidationError, ValueError) as error:
        return Verification(SignatureState.INVALID, signer=_signer_name(embedded, error))
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    when = status.signer_reported_dt
    if not status.intact:  # the signed bytes no longer give the digest that was signed
        state = SignatureState.CHANGED
    elif not status.valid:
        state = SignatureState.INVALID
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE and status.modification_level != (
        ModificationLevel.LTA_UPDATES  # only validation data added later (PAdES-LTA): still the signed document
    ):
        state = SignatureState.CHANGED
    else:
        state = SignatureState.VALID
    return Verification(state, signer=_common_name(status.signing_cert) or signer, signed_at=when,
                        trusted=bool(status.trusted))  # fmt: skip


def _common_name(certificate) -> str:
    if certificate is None:
        return ""
    names = certificate.subject.native
    return str(names.get("common_name") or "")


def _signer_name(embedded, _error: Exception) -> str:
    try:
        return _common_name(embedded.signer_cert)
    except (ValueError, KeyError, AttributeError):
        return ""
