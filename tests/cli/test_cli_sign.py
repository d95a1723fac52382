"""`minutes/dossier --pdfa`, `sign` and `verify` from the command line, on the demo's minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sbpac_desktop.reporting.pdfa import pdfa_problems
from tests.cli.test_cli import STORY_DAY, assert_clean_failure, run
from tests.support.certificates import PASSPHRASE, SIGNER, self_signed_p12

WITH_PASSPHRASE = {"SBPAC_CERT_PASSPHRASE": PASSPHRASE}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The demo's minutes and dossier as PDF/A, and a throwaway self-signed certificate."""
    folder = tmp_path_factory.mktemp("sign")
    db = folder / "x.db"
    assert run("--db", str(db), "init").returncode == 0
    assert run("--db", str(db), "demo", "--as-of", STORY_DAY).returncode == 0
    minutes, dossier = folder / "minutes.pdf", folder / "dossier.pdf"
    for command, target in (("minutes", minutes), ("dossier", dossier)):
        result = run("--db", str(db), command, "10/2562", "-o", str(target), "--pdfa")
        assert result.returncode == 0, result.stderr
    return minutes, dossier, self_signed_p12(folder / "signer.p12")


def test_pdfa_option_writes_pdfa(printed):
    minutes, dossier, _cert = printed
    assert pdfa_problems(minutes) == [] and pdfa_problems(dossier) == []


def test_pdfa_needs_a_pdf_output(tmp_path, printed):
    target = tmp_path / "minutes.docx"
    demo_db = printed[0].parent / "x.db"
    result = run("--db", str(demo_db), "minutes", "10/2562", "-o", str(target), "--pdfa")
    assert_clean_failure(result, "--pdfa ใช้ได้กับไฟล์ .pdf เท่านั้น")
    assert result.returncode == 2 and not target.exists()


def test_sign_then_verify(printed, tmp_path):
    minutes, _dossier, cert = printed
    signed = tmp_path / "ลงนาม.pdf"
    result = run("sign", str(minutes), "--cert", str(cert), "-o", str(signed), env_extra=WITH_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert str(signed) in result.stdout
    verified = run("verify", str(signed))
    assert verified.returncode == 0, verified.stderr
    assert "ลายมือชื่อดิจิทัลถูกต้อง" in verified.stdout and f"ผู้ลงนาม: {SIGNER}" in verified.stdout
    assert "ยังยืนยันตัวผู้ลงนามไม่ได้" in verified.stdout  # self-signed: valid, not trusted
    assert "เวลาที่ลงนาม:" in verified.stdout and " 25" in verified.stdout  # a BE year
    assert "Traceback" not in verified.stderr

    changed = tmp_path / "changed.pdf"
    data = bytearray(signed.read_bytes())
    data[data.find(b"stream\n") + 20] ^= 0x01
    changed.write_bytes(bytes(data))
    result = run("verify", str(changed))
    assert result.returncode == 1 and "เอกสารถูกแก้ไขหลังลงนาม" in result.stdout  # one byte changed

    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n99 0 obj (added later) endobj\n")
    result = run("verify", str(appended))
    assert result.returncode == 1 and "เอกสารถูกแก้ไขหลังลงนาม" in result.stdout

    result = run("verify", str(minutes))
    assert result.returncode == 1 and "ไม่มีลายมือชื่อดิจิทัล" in result.stdout


@pytest.mark.parametrize(
    ("case", "code", "fragment"),
    [
        ("wrong passphrase", 2, "รหัสผ่านของใบรับรองไม่ถูกต้อง"),
        ("missing file", 3, "ไม่พบไฟล์"),
        ("not a pdf", 2, "ไม่ใช่ไฟล์ PDF"),
        ("not a certificate", 2, "ไม่ใช่ใบรับรองแบบ PKCS#12"),
        ("no passphrase and no terminal", 2, "SBPAC_CERT_PASSPHRASE"),
    ],
)
def test_sign_refuses_bad_input(printed, tmp_path, case, code, fragment):
    minutes, _dossier, cert = printed
    source, env = minutes, dict(WITH_PASSPHRASE)
    if case == "wrong passphrase":
        env["SBPAC_CERT_PASSPHRASE"] = "ผิด"
    elif case == "missing file":
        source = tmp_path / "none.pdf"
    elif case == "not a pdf":
        source = tmp_path / "notes.pdf"
        source.write_text("ไม่ใช่ PDF", encoding="utf-8")
    elif case == "not a certificate":
        cert = minutes
    elif case == "no passphrase and no terminal":
        env = {}
    output = tmp_path / "out.pdf"
    result = _run_without_passphrase(["sign", str(source), "--cert", str(cert), "-o", str(output)], env)
    assert result.returncode == code
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert not output.exists()
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def _run_without_passphrase(argv: list[str], env: dict[str, str]):
    import os
    import subprocess
    import sys

    clean = {k: v for k, v in os.environ.items() if k != "SBPAC_CERT_PASSPHRASE"} | env
    return subprocess.run([sys.executable, "-m", "sbpac_desktop", *argv], capture_output=True, text=True,
                          env=clean, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip


def test_verify_refuses_missing_and_non_pdf(tmp_path):
    assert_clean_failure(run("verify", str(tmp_path / "none.pdf")), "ไม่พบไฟล์")
    other = tmp_path / "x.txt"
    other.write_text("hello", encoding="utf-8")
    result = run("verify", str(other))
    assert_clean_failure(result, "ไม่ใช่ไฟล์ PDF")
    assert result.returncode == 2
