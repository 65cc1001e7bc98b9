"""The explorers' JavaScript under Node: one process answering calls into ``static/*.js``.

``NodeModules.call("rules", "parseCount", "12", "count")`` imports ``static/rules.js`` and
calls its export; the answer is ``{"value": ...}`` or, when it throws, ``{"error": name,
"message": ...}``. NaN and infinities travel as ``{"$number": "NaN"}``, typed arrays as lists.

Node missing: the test is skipped, except under ``CI=true`` where it fails.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess

import pytest
from microavg.explorers.base import STATIC

_RUNNER = r"""
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
const folder = process.argv[1];
const modules = {};
const load = async (name) =>
  (modules[name] ??= await import(pathToFileURL(`${folder}/${name}.js`).href));
const decode = (x) => Array.isArray(x) ? x.map(decode)
  : x !== null && typeof x === "object"
    ? ("$number" in x ? Number(x.$number)
       : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)])))
    : x;
const encode = (x) => typeof x === "number" && !Number.isFinite(x) ? { $number: String(x) }
  : ArrayBuffer.isView(x) ? Array.from(x)
  : Array.isArray(x) ? x.map(encode)
  : x !== null && typeof x === "object"
    ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, encode(v)]))
    : x;
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  let answer;
  try {
    if (request.exports !== undefined) {
      const m = await load(request.exports);
      answer = { value: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v])) };
    } else if (request.bundle !== undefined) {
      const m = await import("data:text/javascript," + encodeURIComponent(request.bundle));
      answer = { value: { exports: Object.keys(m).sort(), render: typeof m.default.render } };
    } else {
      const m = await load(request.module);
      const found = request.fn in m ? m[request.fn] : undefined;
      answer = { value: encode(typeof found === "function"
        ? found(...decode(request.args)) : found) };
    }
  } catch (error) {
    answer = { error: error.constructor.name, message: error.message };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
"""


def encode(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return {
            "$number": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        }
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(value: object) -> object:
    if isinstance(value, dict):
        if set(value) == {"$number"}:
            return float(value["$number"].replace("Infinity", "inf"))
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


class NodeModules:
    """One Node process answering calls into the explorers' modules, one per line."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, "--no-warnings", "--input-type=module", "-e", _RUNNER, str(STATIC)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"node exited with {self.process.wait()}"
        return decode(json.loads(line))

    def call(self, module: str, fn: str, *args: object) -> dict:
        return self.ask({"module": module, "fn": fn, "args": encode(list(args))})

    def exports(self, module: str) -> dict[str, str]:
        """``{name: typeof}`` of what ``static/MODULE.js`` exports."""
        return self.ask({"exports": module})["value"]

    def value(self, module: str, fn: str, *args: object) -> object:
        answer = self.call(module, fn, *args)
        assert "value" in answer, answer
        return answer["value"]

    def close(self) -> None:
        self.process.stdin.close()
        code = self.process.wait(timeout=10)
        self.process.stdout.close()
        assert code == 0


def require_node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "node is missing: apt-get install -y nodejs"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the parity tests may not be skipped)")
        pytest.skip(message)
    return node
