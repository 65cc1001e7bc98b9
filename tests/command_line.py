"""The command line as the tests run it: a real subprocess, and what a refusal must look like
(one line on stderr naming what was wrong, exit status 2, nothing on stdout, no traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("microavg")
"""The console script pip installed beside the interpreter."""


def run(*args: str, script: bool = False, timeout: int = 120) -> subprocess.CompletedProcess:
    """``python -m microavg ARGS`` (or the ``microavg`` script), its output captured."""
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "microavg"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout)


def refused(result: subprocess.CompletedProcess, *words: str) -> str:
    """The one line a refusal printed, checked to hold each of ``words``."""
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("microavg: error: ") and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert len(lines[0]) < 400
    return lines[0]
