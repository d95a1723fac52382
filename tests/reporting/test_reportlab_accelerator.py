"""ReportLab runs with its C accelerator (the rl_accel package, a dependency nothing of ours
imports: ReportLab looks for it itself). Without it every width and every number written to a
PDF goes through ReportLab's pure-Python fallbacks, and the follow-up report takes 15-25 % longer."""

from __future__ import annotations

import subprocess
import sys

from reportlab.lib import rl_accel


def test_reportlab_uses_the_c_accelerator() -> None:
    for name in ("fp_str", "instanceStringWidthTTF", "escapePDF", "calcChecksum"):
        assert type(getattr(rl_accel, name)).__name__ == "builtin_function_or_method", name


def test_the_same_pdf_with_and_without_it(tmp_path) -> None:
    """The accelerator changes speed only: page content streams are identical."""
    script = (
        "import sys\n"
        "if sys.argv[2] == 'off': sys.modules['_rl_accel'] = None\n"
        "from tests.benchmarks.test_bench_documents import _minutes_doc\n"
        "from sbpac_desktop.reporting import minutes\n"
        "minutes.render(_minutes_doc(6), sys.argv[1])\n"
    )
    from pypdf import PdfReader

    streams = []
    for mode in ("on", "off"):
        path = tmp_path / f"{mode}.pdf"
        subprocess.run([sys.executable, "-c", script, str(path), mode], check=True, timeout=120)
        streams.append([page.get_contents().get_data() for page in PdfReader(path).pages])
    assert streams[0] == streams[1] and len(streams[0]) >= 2
