"""The README's commands work as written: `make lab` serves the lessons, locally, behind a token.

It serves the repository root, as Binder does, so every lesson's "Contents" link
(``../README.md``) resolves, and opens the first lesson. The README's shell commands
(``microavg explain ...``, ``python -m microavg``) work in a terminal that JupyterLab opens and
as ``!microavg`` in a lesson's cell, though the shell that ran `make lab` had no .venv on PATH.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
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
import uuid
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
# What a reader types: the README's commands, each answering with its usage line.
COMMANDS = "microavg --help; python -m microavg explain --help; echo done-$((6 * 7))"
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


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


async def _drain(socket) -> None:
    """Wait until a closed websocket has finished closing, so no socket is left to collect."""
    while await socket.read_message() is not None:
        pass


def run_apart(coroutine):
    """``asyncio.run(coroutine)`` in a thread of its own.

    The session's browser (playwright's sync API) keeps an event loop running in this thread,
    and ``asyncio.run`` refuses to start inside one.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def in_a_terminal(base: str, token: str, command: str, until: str) -> str:
    """What a JupyterLab terminal shows after ``command`` (jupyter_server_terminals' API)."""
    name = post(f"{base}/api/terminals?token={token}", {})["name"]
    url = f"{base.replace('http', 'ws', 1)}/terminals/websocket/{name}?token={token}"
    socket = await websocket_connect(url)
    shown = ""
    try:
        await socket.write_message(json.dumps(["stdin", command + "\r"]))
        while until not in shown:
            message = await asyncio.wait_for(socket.read_message(), timeout=60)
            assert message is not None, f"the terminal closed; it showed:\n{shown}"
            kind, *content = json.loads(message)
            if kind == "stdout":
                shown += content[0]
    finally:
        socket.close()
        await asyncio.wait_for(_drain(socket), 10)
    return shown


async def in_a_kernel(base: str, token: str, code: str) -> str:
    """What a cell running ``code`` prints, in a kernel the server starts (its REST API)."""
    kernel = post(f"{base}/api/kernels?token={token}", {"name": "python3"})["id"]
    url = f"{base.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels?token={token}"
    socket = await websocket_connect(url)
    msg_id, printed, idle = uuid.uuid4().hex, "", False
    header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "test"}
    header |= {"session": uuid.uuid4().hex, "date": "", "version": "5.3"}
    content = {"code": code, "silent": False, "store_history": False, "allow_stdin": False}
    request = {"header": header, "parent_header": {}, "metadata": {}, "content": content}
    try:
        await socket.write_message(json.dumps({**request, "channel": "shell"}))
        while not idle:
            message = await asyncio.wait_for(socket.read_message(), timeout=120)
            assert message is not None, f"the kernel's channel closed; it printed:\n{printed}"
            reply = json.loads(message)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if reply["msg_type"] == "stream":
                printed += reply["content"]["text"]
            elif reply["msg_type"] == "error":
                printed += "\n".join(reply["content"]["traceback"])
            idle = reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle"
    finally:
        socket.close()
        await asyncio.wait_for(_drain(socket), 10)
    return printed


@pytest.mark.slow
def test_make_lab_serves_the_lessons_on_loopback_behind_a_token(tmp_path):
    # As from a fresh shell: .venv not activated, so not on PATH.
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["PATH"] = os.pathsep.join(
        d for d in env["PATH"].split(os.pathsep) if d and Path(d).resolve() != VENV_BIN.resolve()
    )
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

        # The README's commands, in Lab's terminal and from a cell.
        shown = run_apart(in_a_terminal(base, token, COMMANDS, until="done-42"))
        assert "not found" not in shown and "No module named" not in shown, shown
        assert "usage: microavg [-h] {explain}" in shown, shown
        assert "usage: microavg explain [-h]" in shown, shown
        printed = run_apart(in_a_kernel(base, token, f"!{COMMANDS}"))
        assert "usage: microavg [-h] {explain}" in printed, printed
        assert "usage: microavg explain [-h]" in printed and "done-42" in printed, printed
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()
        reader.join(timeout=10)
        lab.stdout.close()
