"""Doors a hostile reader pushed on, held in both languages and on the page.

Each explorer's current bundle (``front_end``, what ``make bundle`` made of ``static/*.js``)
is drawn in a bare page with a stand-in for the widget model, and with ``explorers.css``,
under JupyterLab's own light and dark theme stylesheets or the HTML site's dark scheme;
the kernel's side is the explorer's Python. Named after what was pushed:

* a refused count typed key by key leaves the count from before it, never a truncation;
* a paste without names gets A, B, ..., never the last paste's names;
* refusals name the control the reader sees; an empty labels box is "got 0";
* a dragged slider redraws at most once per animation frame, and a value typed between its
  steps is where its thumb stands;
* in JupyterLab's dark theme and the site's, 0 is the faintest cell, and the legend says so
  in words true in both schemes;
* the preset buttons come back in their order from a saved notebook;
* Escape takes back what was typed, in a matrix cell and in every box applied on Enter.

(The megabyte pastes are in ``test_explorer_parity.py``, in both languages.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import SCREENSHOTS, watched_page
from explorer_pages import contrast
from microavg.explorers import rules, scored_items
from microavg.explorers.base import front_end, style
from microavg.explorers.editor import prediction_editor
from microavg.explorers.many import many_classifiers
from microavg.explorers.matrix import matrix_explorer

ROOT = Path(__file__).resolve().parent.parent
LAB_THEMES = ROOT / ".venv" / "share" / "jupyter" / "lab" / "themes" / "@jupyterlab"
SITE_CSS = ROOT / "tools" / "htmlsite" / "templates" / "microavg" / "static" / "microavg.css"

_MODEL = """
class Model {
  constructor(state) { this.state = {...state}; this.handlers = []; this.sets = 0; }
  get(name) { return this.state[name]; }
  set(name, value) {
    const changes = typeof name === "string" ? {[name]: value} : name;
    this.sets += 1;
    Object.assign(this.state, changes);
    for (const handler of this.handlers) handler();
  }
  on(_event, handler) { this.handlers.push(handler); }
  off() { this.handlers = []; }
  save_changes() {}
}
"""

_PAGE = """<!doctype html><html{html}><head><meta charset="utf-8">{sheets}
<style>{css}</style></head><body{body}><div id="root"></div><script type="module">
{model}
const view = await import("data:text/javascript," + encodeURIComponent({bundle}));
window.model = new Model({state});
view.default.render({{model: window.model, el: document.getElementById("root")}});
window.ready = true;
</script></body></html>"""

SCHEMES = {
    # name: (<html> attributes, <body> attributes, stylesheets before the explorers')
    "plain": ("", "", []),
    "lab-light": ("", ' data-jp-theme-light="true"', [LAB_THEMES / "theme-light-extension"]),
    "lab-dark": ("", ' data-jp-theme-light="false"', [LAB_THEMES / "theme-dark-extension"]),
    "site-dark": (' data-theme="dark"', "", [SITE_CSS]),
}


def open_view(tmp_path, view: str, state: dict, scheme: str = "plain"):
    """A page drawing ``view``'s current bundle for ``state``; returns the playwright page."""
    html, body, sheets = SCHEMES[scheme]
    links = []
    for sheet in sheets:
        path = sheet / "index.css" if sheet.is_dir() else sheet
        if not path.exists():
            pytest.skip(f"{path} is missing")
        links.append(f'<link rel="stylesheet" href="{path.as_uri()}">')
    page_html = _PAGE.format(
        html=html,
        body=body,
        sheets="".join(links),
        css=style(),
        model=_MODEL,
        bundle=json.dumps(front_end(view)),
        state=json.dumps(state),
    )
    path = tmp_path / f"{view}-{scheme}.html"
    path.write_text(page_html, encoding="utf-8")
    return path


@pytest.fixture
def page(chromium_browser):
    with watched_page(chromium_browser) as watched:
        yield watched.page
        assert watched.failed == [] and watched.console_errors == []


def show(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.ready === true")


def matrix_state(ex=None) -> dict:
    """A matrix explorer's state as its model holds it (the worked example by default)."""
    ex = matrix_explorer() if ex is None else ex
    return {**ex.state, "zero_division": "0", "presets": ex.presets, "message": ""}


def state_of(explorer) -> dict:
    return {**explorer.state, "message": ""}


def frames(page, n: int = 2) -> None:
    """Let ``n`` animation frames pass in the page."""
    page.evaluate(
        """async (n) => { for (let i = 0; i < n; i += 1)
             await new Promise((done) => requestAnimationFrame(() => done())); }""",
        n,
    )


# -- 1. a refused count typed key by key ----------------------------------------------

REFUSED_TYPING = ["99999999999", "1.5", "2.0", "1000001", "12x"]


@pytest.mark.parametrize("typed", REFUSED_TYPING)
def test_a_count_refused_as_it_is_typed_leaves_the_count_from_before_it(page, tmp_path, typed):
    show(page, open_view(tmp_path, "matrix_explorer", matrix_state()))
    cell = page.locator("input.ma-cell[data-row='1'][data-col='2']")
    assert cell.input_value() == "0"
    cell.click()
    cell.press("ControlOrMeta+a")
    cell.press_sequentially(typed)  # "9", "99", ... were counts on the way: shown as typed
    message = page.locator(".ma-message").text_content()
    assert message.startswith("Refused: count of true B, predicted C must be a whole number")
    assert f'got "{typed}"' in message  # the whole text, never cut to a count
    assert page.evaluate("() => window.model.get('counts')[1][2]") == 0  # the readout's too
    page.keyboard.press("Tab")
    assert cell.input_value() == "0", "the cell shows the count from before, not a truncation"
    assert cell.get_attribute("aria-invalid") is None


def test_a_good_count_typed_then_replaced_by_a_refused_one_stays(page, tmp_path):
    show(page, open_view(tmp_path, "matrix_explorer", matrix_state()))
    cell = page.locator("input.ma-cell[data-row='0'][data-col='1']")
    cell.click()
    cell.press("ControlOrMeta+a")
    cell.press_sequentially("10")
    cell.press("ControlOrMeta+a")
    cell.press_sequentially("-1")  # a new entry, refused from its first key
    page.keyboard.press("Tab")
    assert cell.input_value() == "10"
    assert page.evaluate("() => window.model.get('counts')[0][1]") == 10
    cell.focus()
    cell.press("ArrowUp")  # a step is an edit of its own
    cell.press("End")
    cell.press_sequentially(".5")
    page.keyboard.press("Tab")
    assert cell.input_value() == "11"


@pytest.mark.parametrize("bad", [99_999_999_999, 1.5, 2.0, "1.5", "99999999999"])
def test_the_kernel_refuses_the_same_counts_and_keeps_the_last_good_one(bad):
    ex = matrix_explorer()
    sent = []
    ex.send_state = lambda key=None: sent.append(key) if isinstance(key, list) else None
    counts = [[2, bad, 1], [1, 1, 0], [0, 1, 2]]
    ex.set_state({"counts": counts})  # as the page would send it
    assert ex.counts[0][1] == 1 and sent == [list(ex._state)]
    assert ex.message.startswith("Refused: counts[0][1] must be a whole number from 0 to")
    with pytest.raises(ValueError, match=r"counts\[0\]\[1\] must be a whole number"):
        ex.counts = counts
    assert ex.counts[0][1] == 1


@pytest.mark.parametrize("typed", ["99999999999", "1.5", "2.0"])
def test_python_reads_typed_counts_whole_or_not_at_all(typed):
    with pytest.raises(rules.RefusedEdit, match=f'got "{re.escape(typed)}"$'):
        rules.parse_count(typed, "count of true A, predicted B")


# -- 2. a paste without names --------------------------------------------------------


def test_a_paste_without_names_in_the_page_gets_the_default_names(page, tmp_path):
    show(page, open_view(tmp_path, "matrix_explorer", matrix_state()))
    page.locator("details.ma-paste summary").click()
    box = page.locator("textarea.ma-paste-text")
    for text, labels in [
        ("cat,dog\n5,1\n2,7", ["cat", "dog"]),
        ("[[5 1] [2 7]]", ["A", "B"]),  # the same k as cat/dog: still A, B
        ("\tx\ty\nx\t1\t2\ny\t3\t4", ["x", "y"]),
        ("5,1\n2,7", ["A", "B"]),
    ]:
        box.fill(text)
        page.locator("button.ma-paste-apply").click()
        assert page.evaluate("() => window.model.get('labels')") == labels, text
        assert page.evaluate("() => window.model.get('kept')") == labels
        heads = page.locator(".ma-grid thead th[scope=col]").all_text_contents()
        assert heads == labels


# -- 3. refusals name what the reader sees -----------------------------------------------

PARAMETER_NAMES = {"n_samples", "n_labels", "n_classifiers", "y_true", "y_pred", "kept", "k"}


def subject(message: str) -> str:
    """The control a refusal names: its words before "must" (or before " = k would")."""
    words = message.removeprefix("Refused: ")
    return re.split(r" must | = \d+ would ", words)[0]


def on_screen(page) -> str:
    """Every word the reader is shown or told: text, and the controls' accessible names."""
    return page.evaluate(
        """() => [document.body.innerText, ...[...document.querySelectorAll('[aria-label]')]
             .map((e) => e.getAttribute('aria-label'))].join('\\n')"""
    )


def test_every_refusal_in_the_page_names_a_control_on_screen(page, tmp_path):
    seen = []

    def refused(action) -> None:
        action()
        message = page.locator(".ma-message").text_content()
        assert message.startswith("Refused: "), message
        name = subject(message)
        assert name not in PARAMETER_NAMES, message
        shown = on_screen(page).replace(message, "").lower()
        # A control by its label ("labels (k)", "test rows"), or a part of one by where it
        # lies in it ("count at row 1, column 2 of the matrix to paste").
        assert any(part.lower() in shown for part in (name, name.split(" of the ")[-1])), (
            f"{message!r}: {name!r} is nowhere on screen"
        )
        seen.append(message)

    show(page, open_view(tmp_path, "matrix_explorer", matrix_state()))
    k = page.locator("input.ma-k")
    cell = page.locator("input.ma-cell[data-row='0'][data-col='0']")
    refused(lambda: cell.fill("x"))
    refused(lambda: (k.fill("11"), k.press("Enter")))
    page.locator("input.ma-keep-box[data-label='A']").uncheck()
    page.locator("input.ma-keep-box[data-label='B']").uncheck()
    refused(lambda: page.locator("input.ma-keep-box[data-label='C']").click())
    refused(lambda: (k.fill("2"), k.press("Enter")))
    page.locator("details.ma-paste summary").click()
    for text in ("1 2 3\n4 5", "", "a,b\n1,x\n2,3", "a,a\n1,2\n3,4"):
        page.locator("textarea.ma-paste-text").fill(text)
        refused(lambda: page.locator("button.ma-paste-apply").click())

    ed = prediction_editor()
    show(page, open_view(tmp_path, "prediction_editor", state_of(ed)))
    box = page.locator("input.ma-labels-input")
    for text in ("", " ", "A, A", "A"):
        refused(lambda text=text: (box.fill(text), box.press("Enter")))
    assert "Refused: labels must hold from 2 to 10 labels, got 0" in seen  # never "got 1"

    many = many_classifiers(20)
    show(page, open_view(tmp_path, "many_classifiers", state_of(many)))
    for name in rules.SIMULATION:
        value = page.locator(f"input.ma-value-{name}")
        refused(lambda value=value: (value.fill("-1"), value.press("Enter")))
    assert any(m.startswith("Refused: test rows must") for m in seen)
    assert any(m.startswith("Refused: labels must") for m in seen)


@pytest.mark.parametrize("text", ["", " ", "\t", "\u00a0"])
def test_an_empty_labels_box_says_none_were_given(text):
    with pytest.raises(rules.RefusedEdit, match=r"^labels must hold from 2 to 10 labels, got 0$"):
        rules.parse_labels(text)


def test_refusals_from_the_page_name_controls_not_parameters():
    # What the page can send a kernel, refused there: named as on screen.
    many = many_classifiers(10)
    sent = []
    many.send_state = lambda key=None: sent.append(key)
    for name, slider in rules.SIMULATION.items():
        many.set_state({name: slider["high"] + 1})
        assert many.message.startswith(f"Refused: {slider['control']} must be"), many.message
        assert subject(many.message) not in PARAMETER_NAMES
    ed = prediction_editor()
    ed.send_state = lambda key=None: None
    ed.set_state({"y_pred": ed.y_pred[:-1]})
    assert ed.message.startswith("Refused: predicted labels must be one per row")
    ex = matrix_explorer()
    ex.send_state = lambda key=None: None
    ex.set_state({"kept": []})
    assert ex.message == "Refused: labels scored must hold at least one label, got none"


# -- 5. a dragged slider ---------------------------------------------------------------

_BURST = """async (n) => {
  const range = document.querySelector("input.ma-range-seed");
  await new Promise((done) => requestAnimationFrame(() => done()));
  const before = window.model.sets;
  for (let i = 1; i <= n; i += 1) {  // a burst of pointer events, all in one task
    range.value = String(i);
    range.dispatchEvent(new Event("input", { bubbles: true }));
  }
  const during = window.model.sets - before;
  await new Promise((done) => requestAnimationFrame(() => done()));
  await new Promise((done) => requestAnimationFrame(() => done()));
  return { during, after: window.model.sets - before, seed: window.model.get("seed"),
           shown: document.querySelector("input.ma-value-seed").value };
}"""

_DRAG = """async (steps) => {
  const range = document.querySelector("input.ma-range-seed");
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  await frame();
  const before = window.model.sets;
  let frames = 0;
  let step = 0;
  while (step < steps) {  // four events a frame: a fast mouse
    for (let i = 0; i < 4 && step < steps; i += 1) {
      step += 1;
      range.value = String(step);
      range.dispatchEvent(new Event("input", { bubbles: true }));
    }
    await frame();
    frames += 1;
  }
  await frame();
  await frame();
  return { sets: window.model.sets - before, frames: frames + 2, seed: window.model.get("seed") };
}"""


def test_a_dragged_slider_redraws_at_most_once_per_animation_frame(page, tmp_path):
    many = many_classifiers(50)
    show(page, open_view(tmp_path, "many_classifiers", state_of(many)))
    burst = page.evaluate(_BURST, 40)
    assert burst["during"] == 0, "no redraw while the events come"
    assert burst["after"] == 1, "one redraw, at the next frame"
    assert burst["seed"] == 40 and burst["shown"] == "40", "of the last value"
    drag = page.evaluate(_DRAG, 60)
    assert drag["seed"] == 60
    assert drag["sets"] <= drag["frames"] and drag["sets"] < 60 / 2, drag


def test_a_key_press_on_a_slider_shows_at_once(page, tmp_path):
    many = many_classifiers(50)
    show(page, open_view(tmp_path, "many_classifiers", state_of(many)))
    slider = page.locator("input.ma-range-skill")
    slider.focus()
    slider.press("ArrowRight")
    # Read in the same task as nothing else: the key's step applied within its keydown.
    assert page.evaluate("() => window.model.get('skill')") == 0.75
    assert page.locator("input.ma-value-skill").input_value() == "0.75"
    frames(page)
    for _ in range(3):
        slider.press("ArrowRight")
    frames(page)
    assert page.evaluate("() => window.model.get('skill')") == 0.9


@pytest.mark.parametrize(("name", "typed"), [("n_samples", "99"), ("skill", "0.33")])
def test_a_typed_value_between_steps_is_where_the_slider_stands(page, tmp_path, name, typed):
    # Typing 99 test rows on a slider that steps by 10 put its thumb at 100 while the
    # simulation used 99: the thumb stands at the value the explorer holds.
    many = many_classifiers(20)
    show(page, open_view(tmp_path, "many_classifiers", state_of(many)))
    box = page.locator(f"input.ma-value-{name}")
    box.fill(typed)
    box.press("Enter")
    frames(page)
    assert page.evaluate(f"() => window.model.get({name!r})") == float(typed)
    assert float(page.locator(f"input.ma-range-{name}").input_value()) == float(typed)
    slider = page.locator(f"input.ma-range-{name}")
    slider.focus()
    slider.press("ArrowRight")  # a key from between steps goes on to the next step
    frames(page)
    step = rules.SIMULATION[name]["step"]
    held = page.evaluate(f"() => window.model.get({name!r})")
    assert held > float(typed) and abs(held / step - round(held / step)) < 1e-9, held
    assert float(slider.input_value()) == held


# -- 6. the grid's shading, light and dark ---------------------------------------------

_SHADES = """() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const rgb = (colour) => {  // any CSS colour (color-mix, color(srgb ...)) as rgb()
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  };
  const root = document.querySelector(".microavg-explorer");
  const cells = [...document.querySelectorAll("input.ma-cell")];
  const counts = cells.map((c) => Number(c.value));
  const of = (cell) => ({ background: rgb(getComputedStyle(cell).backgroundColor),
                          colour: rgb(getComputedStyle(cell).color),
                          filter: getComputedStyle(cell).filter });
  return {
    page: rgb(getComputedStyle(root).backgroundColor),
    zero: of(cells[counts.indexOf(0)]),
    largest: of(cells[counts.indexOf(Math.max(...counts))]),
    legend: document.querySelector(".ma-legend").textContent,
  };
}"""


def luminance(colour: str) -> float:
    return contrast(colour, "rgb(0, 0, 0)")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_zero_cells_are_the_faintest_and_the_legend_says_so_in_every_scheme(page, tmp_path, scheme):
    ex = matrix_explorer([[50, 0, 3], [0, 9, 1], [2, 0, 40]], labels=["x", "y", "z"])
    show(page, open_view(tmp_path, "matrix_explorer", matrix_state(ex), scheme))
    found = page.evaluate(_SHADES)
    zero, largest = found["zero"], found["largest"]
    assert zero["filter"] == largest["filter"] == "none", "no filter turns the shades around"
    # 0 lies nearest the explorer's background, the largest count farthest from it...
    assert contrast(zero["background"], found["page"]) < contrast(
        largest["background"], found["page"]
    ), found
    # ... so in the dark 0 is the dimmest cell, in the light the palest,
    dark = scheme.endswith("dark")
    assert (luminance(zero["background"]) < luminance(largest["background"])) == dark, found
    # and every count reads on its shade.
    for cell in (zero, largest):
        assert contrast(cell["colour"], cell["background"]) >= 4.5, (scheme, cell)
    assert found["legend"].startswith("Shading: faintest (nearest the background) for 0 to ")
    assert "strongest for 50," in found["legend"]
    assert "grey" not in found["legend"] and "light" not in found["legend"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".microavg-explorer").screenshot(
        path=str(SCREENSHOTS / f"doors-grid-{scheme}.png")
    )


# -- 7. the presets' order -------------------------------------------------------------


def test_the_preset_buttons_come_back_in_their_order_after_a_reload(page, tmp_path):
    ex = matrix_explorer()
    # A saved notebook writes the widget state with its keys sorted; a reload draws from it.
    saved = json.loads(json.dumps(matrix_state(ex), sort_keys=True))
    path = open_view(tmp_path, "matrix_explorer", saved)
    for _ in range(2):
        show(page, path)
        texts = page.locator("button.ma-preset").all_text_contents()
        assert texts == [preset["text"] for preset in rules.PRESETS.values()]
        assert texts == list(rules.RULES["presets"].values())
        page.reload()


# -- 8. Escape takes back an edit --------------------------------------------------------


def test_escape_in_a_cell_takes_back_what_was_typed_since_it_was_entered(page, tmp_path):
    show(page, open_view(tmp_path, "matrix_explorer", matrix_state()))
    cell = page.locator("input.ma-cell[data-row='1'][data-col='2']")
    count = "() => window.model.get('counts')[1][2]"
    for typed in ["12", "99999999999", "1.5"]:  # applied as typed, or refused
        cell.click()
        cell.press("ControlOrMeta+a")
        cell.press_sequentially(typed)
        cell.press("Escape")
        assert cell.input_value() == "0" and page.evaluate(count) == 0, typed
        assert cell.get_attribute("aria-invalid") is None
        assert page.locator(".ma-message").text_content() == ""
        assert page.evaluate("() => document.activeElement.dataset.col") == "2"  # still there
    cell.press_sequentially("5")
    page.keyboard.press("Tab")  # 5 is held
    cell.click()
    cell.press("ArrowUp")
    cell.press("ControlOrMeta+a")
    cell.press_sequentially("70")
    cell.press("Escape")  # back to the count when the cell was entered, before the step too
    assert cell.input_value() == "5" and page.evaluate(count) == 5


BOXES = {
    # explorer: (its state, the box, text to type, what the explorer holds, as a JS expression)
    "many_classifiers": (
        lambda: state_of(many_classifiers(20)),
        "input.ma-value-n_samples",
        "770",
        "window.model.get('n_samples')",
    ),
    "matrix_explorer": (matrix_state, "input.ma-k", "5", "window.model.get('labels').length"),
    "prediction_editor": (
        lambda: state_of(prediction_editor()),
        "input.ma-labels-input",
        "x, y",
        "window.model.get('labels').join(', ')",
    ),
    "scored_items": (
        lambda: state_of(scored_items("threshold")),
        "input.ma-value-cut",
        "0.9",
        "window.model.get('cut')",
    ),
}


@pytest.mark.parametrize("view", list(BOXES))
def test_escape_in_a_box_puts_back_what_the_explorer_holds_and_nothing_is_applied(
    page, tmp_path, view
):
    state, selector, typed, held = BOXES[view]
    show(page, open_view(tmp_path, view, state()))
    before = page.evaluate(f"() => {held}")
    box = page.locator(selector)
    box.click()
    box.press("ControlOrMeta+a")
    box.press_sequentially(typed)
    box.press("Escape")
    assert box.input_value() == str(before)
    page.keyboard.press("Tab")  # leaving the box applies nothing
    frames(page)
    assert page.evaluate(f"() => {held}") == before
    assert box.input_value() == str(before)
