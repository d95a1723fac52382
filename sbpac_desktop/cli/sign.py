"""`sign FILE.pdf --cert X.p12 [-o OUT.pdf]` and `verify FILE.pdf`: PAdES digital signatures.

The certificate's passphrase comes from SBPAC_CERT_PASSPHRASE or a prompt (getpass), never
an argument, which `ps` and the shell history would keep. Neither command opens the database.
`verify` exits 0 for an intact signature over the whole file (trusted or not: it says which),
1 for an invalid one, a file changed after signing, or a file with no signature.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.prompts import ask_secret
from sbpac_desktop.domain.errors import EXIT_OK, EXIT_PROBLEM, NotFound

PASSPHRASE_ENV = "SBPAC_CERT_PASSPHRASE"


def _passphrase(cert: Path) -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    return ask_secret(
        f"รหัสผ่านของใบรับรอง {cert.name}: ", PASSPHRASE_ENV, "passphrase", ("รหัสผ่านของใบรับรอง", "certificate passphrase")
    )


def cmd_sign(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.signing import read_input_pdf, sign_pdf

    read_input_pdf(args.file)  # refuse a missing or non-PDF file before asking for the passphrase
    if not args.cert.is_file():
        raise NotFound(f"ไม่พบไฟล์ใบรับรอง {args.cert}", f"Certificate file not found: {args.cert}")
    written = sign_pdf(args.file, args.cert, _passphrase(args.cert), args.output)
    emit(f"ลงนามดิจิทัลแล้ว: {written}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.signing import SignatureState, verify_pdf

    verification = verify_pdf(args.file)
    for line in verification.lines():
        emit(line)
    return EXIT_OK if verification.state is SignatureState.VALID else EXIT_PROBLEM


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sign = sub.add_parser(
        "sign",
        help="ลงนามดิจิทัล (PAdES) ในไฟล์ PDF ด้วยใบรับรอง .p12/.pfx",
        description=f"รหัสผ่านของใบรับรองอ่านจากตัวแปร {PASSPHRASE_ENV} หรือถามทางหน้าจอ",
    )
    sign.add_argument("file", type=Path, metavar="FILE.pdf", help="ไฟล์ PDF ที่จะลงนาม")
    sign.add_argument("--cert", type=Path, required=True, metavar="X.p12", help="ใบรับรอง PKCS#12 (.p12 หรือ .pfx)")
    sign.add_argument("-o", "--output", type=Path, default=None, metavar="OUT.pdf",
                      help="ไฟล์ที่ลงนามแล้ว (ค่าปริยาย ชื่อเดิม-signed.pdf)")  # fmt: skip
    sign.set_defaults(handler=cmd_sign)
    verify = sub.add_parser(
        "verify",
        help="ตรวจลายมือชื่อดิจิทัลในไฟล์ PDF: ถูกต้อง ไม่ถูกต้อง ถูกแก้ไขหลังลงนาม หรือไม่ได้ลงนาม",
    )
    verify.add_argument("file", type=Path, metavar="FILE.pdf", help="ไฟล์ PDF ที่จะตรวจ")
    verify.set_defaults(handler=cmd_verify)
