"""The HTML tutorial the browser tests read: where it is built from and to, and the build.

``MICROAVG_HTML_NOTEBOOKS=DIR`` builds the lessons of another folder into ``DIR/../html``
and checks those instead (to try the pipeline on notebooks of one's own).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
NOTEBOOKS = Path(os.environ.get("MICROAVG_HTML_NOTEBOOKS", ROOT / "notebooks")).resolve()
SITE = ROOT / "build" / "html" if NOTEBOOKS == ROOT / "notebooks" else NOTEBOOKS.parent / "html"


def build_site() -> Path:
    """``SITE``, built by ``python -m htmlsite`` unless it already is from these inputs."""
    SITE.parent.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "htmlsite", "--if-stale"]
    command += ["--notebooks", str(NOTEBOOKS), "--out", str(SITE)]
    with open(SITE.parent / f"{SITE.name}.lock", "w") as lock:  # one builder at a time (pytest -n)
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = subprocess.run(
            command, cwd=TOOLS, timeout=1800, capture_output=True, text=True, env=_with_tools()
        )
    if built.returncode:
        pytest.fail(f"{' '.join(command)} failed:\n{built.stdout[-3000:]}{built.stderr[-5000:]}")
    return SITE


def _with_tools() -> dict[str, str]:
    """The environment, with tools/ on PYTHONPATH so ``python -m htmlsite`` finds the package."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TOOLS), env.get("PYTHONPATH")]))
    return env
