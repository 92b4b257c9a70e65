"""bench/notebook_panel.py, the notebook the README shows, on the bundled panel: only `import
polcmp` builds the GDP target/result panel, writes .xlsx .parquet .dta, and pandas reads each
back equal to the DataFrame."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEEDS


def test_the_notebook_runs_with_only_the_public_api(tmp_path):
    script = ROOT / "bench" / "notebook_panel.py"
    assert "from polcmp." not in script.read_text() and "import polcmp\n" in script.read_text()
    proc = subprocess.run([sys.executable, str(script), "--corpus", str(SEEDS / "panel"), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for name in ("gdp_panel.xlsx", "gdp_panel.parquet", "gdp_panel.dta"):
        assert f"{name}: " in proc.stdout and (tmp_path / name).stat().st_size > 0
    assert proc.stdout.count("read back equal") == 3 and "DIFFERENT" not in proc.stdout
