"""Lesson 03 in a real JupyterLab, as a student meets it: opened fresh, run, edited, in the
light and the dark theme, saved and reopened.

The module starts JupyterLab as ``make lab`` does, but on a free port of 127.0.0.1 with a
token, with every per-user Jupyter directory (config, data, runtime, workspaces, settings) in
a temp folder, and serves a copy of the lesson, trusted there as ``make setup`` trusts it.
The settings JupyterLab reads from the environment (``share/jupyter/lab/settings``) are the
ones ``make setup`` installed: widget state is saved with a notebook. The kernel is this
interpreter's. Every number an explorer shows is asserted against the engine
(``explorer_pages``); edits made on screen must reach the kernel's explorer, and state set in
the kernel must reach the screen. Screenshots: ``build/screenshots/lab-03-*.png``.

The server is shut down whatever happens.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import SCREENSHOTS, VIEWPORT, allow_loopback, require_chromium, watched_page
from explorer_pages import assert_editor, assert_fits, assert_many, assert_matrix, contrast, read
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "03-interactive-explorer.ipynb"
SERVER_START_S = 90
PAGE_MS = 60_000
RUN_ALL_MS = 180_000
EDIT_MS = 15_000
GOAL_MS = 150
NARROW = {"width": 800, "height": 900}  # a laptop's half screen, the file browser open


@dataclass(frozen=True)
class Lab:
    url: str
    token: str
    port: int
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer within {SERVER_START_S} s:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the server and the kernels it started (they share its process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    require_chromium()  # no server for a test that would be skipped anyway
    home = tmp_path_factory.mktemp("lab")
    served = home / "notebooks"
    served.mkdir()
    shutil.copy(LESSON, served / LESSON.name)
    dirs = {name: home / name for name in ("config", "data", "runtime", "workspaces", "settings")}
    for path in dirs.values():
        path.mkdir()
    # No "official Jupyter news?" toast over the explorers, and no request for news.
    notification = dirs["settings"] / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}'
    )
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    port, token = _free_port(), secrets.token_hex(16)
    log = home / "server.log"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--no-browser",
        f"--notebook-dir={served}",
        "--ServerApp.open_browser=False",
        f"--IdentityProvider.token={token}",
        "--ServerApp.port_retries=0",
        "--allow-root",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        f"--LabApp.user_settings_dir={dirs['settings']}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    subprocess.run(  # as make setup does: the lessons are the project's own
        [sys.executable, "-m", "jupyter", "trust", str(served / LESSON.name)],
        env=env,
        check=True,
        capture_output=True,
    )
    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(process, f"{url}/api/status?token={token}", log)
        yield Lab(url, token, port, log)
    finally:
        _stop(process)


_KERNEL_IDLE = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
    && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

_ALL_RUN = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const kernel = panel.sessionContext.session.kernel;
  return cells.every(c => c.model.executionCount !== null) && kernel.status === 'idle'
    && document.querySelectorAll('.microavg-explorer').length >= 3;
}"""

_KERNEL_PYTHON = """async () => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let out = '';
  const future = kernel.requestExecute(
    {code: 'import sys; print(sys.executable, end="")', store_history: false});
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') out += msg.content.text; };
  await future.done;
  return out;
}"""

_RUN = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let out = '';
  const future = kernel.requestExecute({code, store_history: false});
  future.onIOPub = msg => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.evalue;
  };
  await future.done;
  return out;
}"""

_TRUSTED = """() => window.jupyterapp.shell.currentWidget.content.widgets
  .filter(c => c.model.type === 'code').every(c => c.model.trusted)"""

_EXPLORERS_SHOWN = """() => document.querySelectorAll('.microavg-explorer').length >= 5
  && document.querySelector('.microavg-many-classifiers svg.ma-scatter') !== null"""

# Scroll the notebook so that the `n`th `root` starts near the top of its panel, and wait until
# it stays.
_SCROLL_TO = """async ([root, n]) => {
  const box = document.querySelectorAll(root)[n];
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  for (let tries = 0; tries < 50; tries++) {
    box.scrollIntoView({block: 'start'});
    await frame(); await frame();
    const top = box.getBoundingClientRect().top;
    if (top >= 0 && top < 200) return top;
  }
  throw new Error('could not scroll ' + root + ' into view');
}"""


# Every explorer box that may scroll sideways (.ma-scroll), named "kind n table" (the
# explorer's kind, its index among those of its kind, the class of what the box holds), with
# what shows that it scrolls: its scrollbar's computed style and the edge fades at either end.
_SCROLL_BOXES = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const fades = box => {
    const style = getComputedStyle(box);
    return [style.getPropertyValue('--ma-fade-start'), style.getPropertyValue('--ma-fade-end')];
  };
  const boxes = [];
  for (const box of document.querySelectorAll('.microavg-explorer .ma-scroll')) {
    const root = box.closest('.microavg-explorer');
    const kind = [...root.classList]
      .find(c => c.startsWith('microavg-') && c !== 'microavg-explorer');
    const n = [...document.querySelectorAll('.' + kind)].indexOf(root);
    const name = `${kind.replace('microavg-', '')} ${n} ${box.firstElementChild.className}`;
    // On screen: JupyterLab skips rendering the cells out of view, scroll timelines included.
    box.scrollIntoView({block: 'nearest'});
    await frame(); await frame();
    const bar = getComputedStyle(box, '::-webkit-scrollbar');
    const found = {
      name, overflows: box.scrollWidth > box.clientWidth, bar: bar.height,
      thumb: getComputedStyle(box, '::-webkit-scrollbar-thumb').backgroundColor,
      track: getComputedStyle(box, '::-webkit-scrollbar-track').backgroundColor,
      at_start: fades(box),
    };
    box.scrollLeft = box.scrollWidth;
    await frame(); await frame();
    found.at_end = fades(box);
    box.scrollLeft = 0;
    await frame(); await frame();
    boxes.push(found);
  }
  return boxes;
}"""


def over(colour: str, base: str) -> str:
    """A CSS rgba() colour as drawn over the opaque ``base``, as rgb()."""
    *rgb, alpha = [*map(float, re.findall(r"[\d.]+", colour)), 1.0][:4]  # rgb() is opaque
    under = [float(c) for c in re.findall(r"[\d.]+", base)[:3]]
    drawn = [alpha * c + (1 - alpha) * u for c, u in zip(rgb, under, strict=True)]
    return "rgb({}, {}, {})".format(*drawn)


def use_theme(page, theme: str) -> None:
    """Switch JupyterLab to ``theme`` ("JupyterLab Dark" or "JupyterLab Light")."""
    page.evaluate(
        "(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme
    )
    light = "true" if theme.endswith("Light") else "false"
    page.wait_for_function(
        f"() => document.body.dataset.jpThemeLight === '{light}'", timeout=PAGE_MS
    )
    page.wait_for_timeout(500)  # the theme's stylesheet applied


def kernel(page, code: str) -> str:
    """Run ``code`` in the lesson's kernel; what it printed."""
    return page.evaluate(_RUN, code)


def kernel_json(page, expression: str) -> object:
    return json.loads(kernel(page, f"import json; print(json.dumps({expression}))"))


def kernel_comes_to(page, expression: str, wanted: object) -> None:
    """Assert that ``expression`` in the kernel comes to be ``wanted`` within an edit's time.

    ipywidgets sends a model's next change only once the kernel has answered the one before,
    so an edit made on the page may reach the kernel after a request sent just after it.
    """
    deadline = time.monotonic() + EDIT_MS / 1000
    while (got := kernel_json(page, expression)) != wanted and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert got == wanted, f"the kernel's {expression} is {got!r}, not {wanted!r}"


def screenshot_of(watched, root: str, name: str, n: int = 0) -> None:
    watched.page.evaluate(_SCROLL_TO, [root, n])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.locator(root).nth(n).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def explorer(page, kind: str, n: int = 0):
    return page.locator(f".microavg-{kind}").nth(n)


def assert_all_explorers_show_the_engines_numbers(page) -> None:
    assert "Error displaying widget" not in page.inner_text("body")
    assert_editor(read(explorer(page, "prediction-editor")))
    for n in range(3):
        assert_matrix(read(explorer(page, "matrix-explorer", n)))
    assert_many(read(explorer(page, "many-classifiers")))


def open_lesson(page, lab) -> None:
    page.goto(f"{lab.url}/lab/tree/{LESSON.name}?token={lab.token}", timeout=PAGE_MS)
    page.wait_for_function(_KERNEL_IDLE, timeout=PAGE_MS)
    page.wait_for_function(_EXPLORERS_SHOWN, timeout=PAGE_MS)


@pytest.fixture(scope="module")
def lesson(lab, chromium_browser):
    """The lesson opened fresh (not run yet) in a page the tests share, in order."""
    with watched_page(chromium_browser, allow_loopback(lab.port)) as watched:
        open_lesson(watched.page, lab)
        yield watched
        if watched.console_errors:
            print(f"\nconsole errors: {watched.console_errors}")


# -- the tests, in the order a student goes ------------------------------------------------


def test_jupyterlab_saves_widget_state_as_the_shipped_setting_says(lab):
    url = f"{lab.url}/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin?token={lab.token}"
    with urllib.request.urlopen(url, timeout=10) as reply:
        settings = json.load(reply)
    # An override changes the setting's default (JupyterLab's own is false); no user setting
    # in this fresh profile says otherwise.
    assert settings["schema"]["properties"]["saveState"]["default"] is True
    assert "saveState" not in settings["settings"]


def test_a_fresh_trusted_lesson_shows_live_explorers_before_any_cell_runs(lesson):
    page = lesson.page
    assert page.evaluate(_TRUSTED), "the lesson is not trusted"
    assert_all_explorers_show_the_engines_numbers(page)
    screenshot_of(lesson, ".microavg-matrix-explorer", "lab-03-fresh-matrix")
    # It computes in the page: an edit before any cell has run shows the engine's numbers.
    root = explorer(page, "matrix-explorer")
    cell = root.locator("input.ma-cell[data-row='0'][data-col='1']")
    cell.fill("6")
    cell.press("Enter")
    state = read(root)
    assert state["counts"][0][1] == "6"
    assert_matrix(state)


def test_run_all_cells_then_every_explorer_shows_the_engines_numbers(lesson):
    page = lesson.page
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(_ALL_RUN, timeout=RUN_ALL_MS)
    page.wait_for_function(_EXPLORERS_SHOWN, timeout=PAGE_MS)
    assert Path(page.evaluate(_KERNEL_PYTHON)).resolve() == Path(sys.executable).resolve()
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
    assert_all_explorers_show_the_engines_numbers(page)
    for kind in ("prediction-editor", "matrix-explorer", "many-classifiers"):
        assert_fits(read(explorer(page, kind)))


@pytest.mark.parametrize("theme", ["JupyterLab Dark", "JupyterLab Light"])
def test_at_800_px_with_the_file_browser_open_a_box_that_scrolls_shows_it(lesson, theme):
    # Overlay scrollbars (macOS, phones) show only while scrolling: a wide box must say that
    # it scrolls with a scrollbar that stays and a faded edge where more lies beyond.
    page = lesson.page
    use_theme(page, theme)
    page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
    page.set_viewport_size(NARROW)
    try:
        page.wait_for_function("() => !window.jupyterapp.shell.leftCollapsed", timeout=PAGE_MS)
        page.wait_for_timeout(300)  # the notebook laid out at its new width
        boxes = page.evaluate(_SCROLL_BOXES)
        name = theme.split()[-1].lower()
        for kind, n in (("prediction-editor", 0), ("matrix-explorer", 0), ("matrix-explorer", 1)):
            screenshot_of(lesson, f".microavg-{kind}", f"lab-03-800px-{kind}-{n}-{name}", n)
    finally:
        page.set_viewport_size(VIEWPORT)
    wide = {box["name"] for box in boxes if box["overflows"]}
    # The editor's "remove" column, the NER grid beyond ORG, the recall and F1 columns.
    assert {
        "prediction-editor 0 ma-rows",
        "matrix-explorer 1 ma-grid",
        "matrix-explorer 0 ma-labels",
        "matrix-explorer 1 ma-labels",
    } <= wide
    for box in boxes:
        if not box["overflows"]:
            assert box["at_start"] == box["at_end"] == ["0px", "0px"], box  # no false cue
            continue
        bar = box["bar"]  # a scrollbar of its own, never an overlay: "auto" is the browser's
        assert bar.endswith("px") and float(bar.removesuffix("px")) >= 8, box
        assert contrast(over(box["thumb"], box["track"]), box["track"]) >= 3, box
        fade_start, fade_end = box["at_start"]
        assert fade_start == "0px" and fade_end != "0px", box  # more to the right
        fade_start, fade_end = box["at_end"]
        assert fade_start != "0px" and fade_end == "0px", box  # more to the left


def test_typing_k_and_counts_reaches_the_kernel_with_the_engines_numbers(lesson):
    page = lesson.page
    root = explorer(page, "matrix-explorer")
    box = root.locator("input.ma-k")
    box.fill("10")
    box.press("Enter")
    cell = root.locator("input.ma-cell[data-row='9'][data-col='0']")
    cell.fill("7")
    cell.press("Enter")
    state = read(root)
    assert_matrix(state)
    kernel_comes_to(page, "explorer.counts", [[int(x) for x in row] for row in state["counts"]])
    assert kernel_json(page, "explorer.quantities()['macro-f1']") == pytest.approx(
        float(next(s["value"] for s in state["shown"] if s["key"] == "macro-f1")), abs=1e-12
    )
    screenshot_of(lesson, ".microavg-matrix-explorer", "lab-03-matrix-k10")


def test_a_dot_typed_for_k_is_refused_on_screen_and_in_the_kernel(lesson):
    page = lesson.page
    root = explorer(page, "matrix-explorer")
    box = root.locator("input.ma-k")
    box.fill(".")
    box.press("Enter")
    state = read(root)
    assert state["message"] == 'Refused: labels (k) must be a whole number from 2 to 10, got "."'
    assert state["k"] == "10"
    kernel_comes_to(page, "[explorer.k, explorer.message]", [10, state["message"]])


def test_state_set_in_the_kernel_reaches_the_screen_and_a_refusal_is_shown(lesson):
    page = lesson.page
    kernel(page, "ner.kept = ['PER', 'ORG', 'LOC', 'MISC']")
    root = explorer(page, "matrix-explorer", 1)
    page.wait_for_function(
        "() => !document.querySelectorAll('.microavg-matrix-explorer')[1]"
        ".querySelector(\"input.ma-keep-box[data-label='O']\").checked",
        timeout=EDIT_MS,
    )
    assert_matrix(read(root))
    out = kernel(
        page, "try:\n    ner.counts = [[-1] * 5] * 5\nexcept ValueError as e:\n    print(e)"
    )
    assert "must be a whole number from 0 to 1000000" in out
    page.wait_for_function(
        "() => document.querySelectorAll('.microavg-matrix-explorer')[1]"
        ".querySelector('.ma-message').textContent.startsWith('Refused')",
        timeout=EDIT_MS,
    )


def test_a_slider_moved_with_the_keyboard_reaches_the_kernel(lesson):
    page = lesson.page
    root = explorer(page, "many-classifiers")
    slider = root.locator("input.ma-range-skill")
    slider.focus()
    slider.press("ArrowRight")  # the explorer's, not the notebook's (which moves between cells)
    state = read(root)
    assert state["params"]["skill"] == "0.75"
    assert_many(state)
    kernel_comes_to(page, "many.skill", 0.75)


def test_an_exercise_checks_the_answer_typed_in_lab(lesson):
    page = lesson.page
    precision, recall = kernel_json(page, "[str(two_p), str(two_r)]")  # lesson 03, section 5
    box = page.locator(".microavg-exercise").filter(has_text="Micro precision over A")
    answer, feedback = box.locator("input.ma-answer"), box.locator(".ma-feedback")
    answer.fill(recall)
    answer.press("Enter")
    expect(feedback).to_have_text("That is recall, TP/(TP + FN).")
    answer.fill(precision)
    box.locator("button.ma-check").click()
    expect(feedback).to_have_text("Right.")
    box.locator("details.ma-worked summary").click()
    expect(box.locator("details.ma-worked")).to_have_attribute("open", "")
    box.scroll_into_view_if_needed()
    box.screenshot(path=str(SCREENSHOTS / "lab-03-exercise.png"))


def test_command_mode_keys_work_once_focus_leaves_an_explorer(lesson):
    page = lesson.page
    cells = page.locator(".jp-Notebook .jp-Cell")
    before = cells.count()
    root = explorer(page, "matrix-explorer")
    root.locator("input.ma-cell[data-row='0'][data-col='0']").click()  # focus in the explorer
    holder = cells.filter(has=root).first
    holder.locator(".jp-InputPrompt").first.click()  # then the prompt of its notebook cell
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # command mode: a new cell below
    expect(cells).to_have_count(before + 1)
    page.keyboard.press("d")
    page.keyboard.press("d")  # and delete it again
    expect(cells).to_have_count(before)


@pytest.mark.parametrize("theme", ["JupyterLab Dark", "JupyterLab Light"])
def test_the_explorers_are_readable_in_the_light_and_the_dark_theme(lesson, theme):
    page = lesson.page
    use_theme(page, theme)
    for kind in ("prediction-editor", "matrix-explorer", "many-classifiers"):
        state = read(explorer(page, kind))
        background = page.evaluate(
            "() => getComputedStyle(document.querySelector('.jp-Notebook')).backgroundColor"
        )
        assert contrast(state["colour"], state["background"]) >= 4.5, (kind, theme)
        assert contrast(state["colour"], background) >= 4.5, (kind, theme)
        name = theme.split()[-1].lower()
        screenshot_of(lesson, f".microavg-{kind}", f"lab-03-{kind}-{name}")


def test_a_saved_lesson_reopens_with_its_explorers_live_before_any_cell_runs(lesson, lab):
    page = lesson.page
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function(
        "() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=PAGE_MS
    )
    saved = json.loads((Path(lab.log).parent / "notebooks" / LESSON.name).read_text())
    assert saved["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    page.evaluate("() => window.jupyterapp.commands.execute('application:close-all')")
    page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")
    open_lesson(page, lab)
    assert_all_explorers_show_the_engines_numbers(page)
    root = explorer(page, "matrix-explorer")
    cell = root.locator("input.ma-cell[data-row='1'][data-col='0']")
    cell.fill("9")
    cell.press("Enter")
    assert_matrix(read(root))
    screenshot_of(lesson, ".microavg-matrix-explorer", "lab-03-reopened-matrix")


def test_the_page_asked_nothing_of_any_other_server(lesson):
    assert lesson.blocked == []
