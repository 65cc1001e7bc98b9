"""The command line as the tests run it, and what a refusal must look like (one line on stderr
naming what was wrong, exit status 2, nothing on stdout, no traceback).

``run`` calls ``microavg.__main__.main`` in this process, its output captured, as
``python -m microavg`` runs it: starting an interpreter for each of some 150 runs took half a
second each, most of the command-line tests' time. ``script=True`` starts the console script
pip installed, a real process, as a reader's shell does (tests/test_cli.py, and the tests that
need a process of their own, start one).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

from microavg.__main__ import main

SCRIPT = Path(sys.executable).with_name("microavg")
"""The console script pip installed beside the interpreter."""


def run(*args: str, script: bool = False, timeout: int = 120) -> subprocess.CompletedProcess:
    """``microavg ARGS``, its exit status and output captured: ``main`` called here (an
    exception it lets out fails the test, as a traceback would), or the script run."""
    if script:
        command = [str(SCRIPT), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse: --help, or a usage error
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(["microavg", *args], code, out.getvalue(), err.getvalue())


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
