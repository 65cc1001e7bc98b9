"""The README's commands work as written: `make lab` serves the lessons, locally, behind a token.

It serves the repository root, as Binder does, so every lesson's "Contents" link
(``../README.md``) resolves, and opens the first lesson.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
URL = re.compile(r"http://127\.0\.0\.1:(\d+)(/lab[^\s?]*)\?token=([0-9a-f]+)")


def wait_until_listening(port: int, seconds: float) -> None:
    # The server prints its URL a moment before it accepts connections.
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        assert time.monotonic() < deadline, f"nothing listens on 127.0.0.1:{port}"
        time.sleep(0.1)


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


@pytest.mark.slow
def test_make_lab_serves_the_lessons_on_loopback_behind_a_token(tmp_path):
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "RUNTIME"):
        env[f"JUPYTER_{name}_DIR"] = str(tmp_path / name.lower())
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in lab.stdout], daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 120
        match = None
        while match is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if lab.poll() is not None:
                    break
                continue
            seen.append(line)
            match = URL.search(line)
        assert match, "make lab printed no URL with a token:\n" + "".join(seen[-30:])
        port, path, token = match.groups()
        wait_until_listening(int(port), seconds=30)
        base = f"http://127.0.0.1:{port}"

        status, body = get(f"{base}/api/contents/notebooks?token={token}")
        assert status == 200
        served = {item["name"] for item in json.loads(body)["content"]}
        lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
        assert lessons and set(lessons) <= served
        assert get(f"{base}/api/contents/README.md?token={token}")[0] == 200

        assert path == f"/lab/tree/notebooks/{lessons[0]}"  # the URL it prints opens lesson 01
        assert get(f"{base}{path}?token={token}")[0] == 200

        status, _ = get(f"{base}/api/contents")
        assert status == 403  # no token, no lessons
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()
        reader.join(timeout=10)
        lab.stdout.close()
