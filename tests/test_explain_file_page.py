"""The explain-file explorer in a saved page, drawn by the site's anywidget host from file://
with every other request blocked: a pasted CSV is explained, columns and labels picked by the
reader change the explanation, a bad paste is refused with its reason and the last good
explanation kept; a multi-label file explained from its true and predicted tag columns,
ticked by the reader; an opened file too long to show explained without being written into
the box; every control named, 390 px without sideways scroll, light and dark, axe-core
finding nothing serious. Screenshots: build/screenshots/explain-file-*.png."""

from __future__ import annotations

import pytest
from browser import ROOT, watched_page
from microavg.explorers.pasted import explain_file
from test_exercise import saved_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

FIRST = "true,pred\nA,A\nA,A\nA,B\nA,C\nB,A\nB,B\nC,B\nC,C\nC,C\n"
PASTED = "gold;guess;n\nPER;PER;5\nper;PER;2\nO;?;3\nO;O;4\nLOC;O;1\n"
# Tag columns named with markup: shown as text.
TAGS = (
    "<b>cat</b>,$dog$,owl,p <b>cat</b>,p $dog$,p owl\n"
    "1,0,0,1,0,0\n1,1,0,1,0,0\n0,0,1,0,1,1\n0,1,0,0,0,0\n1,0,1,1,0,1\n"
)
TRUE_TAGS = ["<b>cat</b>", "$dog$", "owl"]
PRED_TAGS = ["p <b>cat</b>", "p $dog$", "p owl"]

LOOK = """(root) => {
  const controls = root.querySelectorAll('input, button, select, textarea, [tabindex]');
  const unnamed = [...controls].filter(c => {
    const name = (c.labels && c.labels.length ? [...c.labels].map(l => l.textContent).join(' ')
      : '') || c.getAttribute('aria-label') || c.textContent;
    return !name || !name.trim();
  }).length;
  const style = getComputedStyle(root);
  return {said: [...root.querySelectorAll('.ma-ef-output p')].map(p => p.textContent),
    message: root.querySelector('.ma-message').textContent, unnamed,
    right: root.getBoundingClientRect().right, width: window.innerWidth,
    scroll: document.documentElement.scrollWidth, colour: style.color,
    background: style.backgroundColor, bold: root.querySelectorAll('.ma-ef-output b').length,
    labels: [...root.querySelectorAll('.ma-ef-labels label')].map(l => l.textContent.trim()),
    tags: [...root.querySelectorAll('.ma-ef-tags input:checked')].map(i => i.value),
    box: root.querySelector('.ma-ef-text').value.length,
    held: root.querySelector('.ma-ef-held').hidden ? ''
      : root.querySelector('.ma-ef-held').textContent,
    summary: root.querySelector('.ma-ef-summary').textContent};
}"""

AXE_RUN = """async () => {
  const result = await axe.run({include: [['.microavg-explain-file']]},
    {resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


def said(text, **options) -> list[str]:
    return [" ".join(p.split()) for p in explain_file(text, **options).said.split("\n\n")]


@pytest.mark.parametrize(
    "width, scheme", [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")], ids=str
)
def test_a_pasted_file_is_explained_in_the_page(tmp_path, chromium_browser, width, scheme):
    url = saved_page(tmp_path, [explain_file(FIRST)])
    with watched_page(chromium_browser, width=width, color_scheme=scheme) as page:
        p = page.page
        p.goto(url)
        p.wait_for_selector(".microavg-explain-file .ma-ef-output p")
        root = p.query_selector(".microavg-explain-file")
        assert root.evaluate(LOOK)["said"] == said(FIRST)
        # Paste a counted, semicolon-separated file; pick its columns and the counts.
        p.fill(".ma-ef-text", PASTED)
        p.wait_for_function(
            "() => [...document.querySelectorAll('.ma-ef-true option')]"
            ".some(o => o.value === 'gold')"
        )
        p.select_option(".ma-ef-counts", "n")
        p.wait_for_function("() => document.querySelector('.ma-ef-counts').value === 'n'")
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(PASTED, counts="n"), looked
        assert looked["labels"] == ["'?'", "'LOC'", "'O'", "'PER'", "'per'"]
        # Leave out a label, by keyboard: focus its box and press Space.
        p.focus(".ma-ef-labels input[value='?']")
        p.keyboard.press("Space")
        p.wait_for_function(
            "() => document.querySelector('.ma-ef-output').textContent.includes('Left out')"
        )
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(PASTED, counts="n", labels=["LOC", "O", "PER", "per"])
        page.screenshot(f"explain-file-{width}-{scheme}")
        good = looked["said"]
        # A bad paste: refused, its reason on the alert line, the explanation kept.
        p.fill(".ma-ef-text", "gold;guess;n\nPER;;5\n")
        p.wait_for_function("() => document.querySelector('.ma-message').textContent !== ''")
        looked = root.evaluate(LOOK)
        assert looked["message"] == (
            "Refused: pasted text, line 2: column 'guess' is blank; every row needs a label"
        )
        assert looked["said"] == good
        # Labels that look like markup are shown as text.
        p.fill(".ma-ef-text", "t,p\n<b>x</b>,$y$\n$y$,<b>x</b>\n")
        p.wait_for_function("() => document.querySelector('.ma-message').textContent === ''")
        looked = root.evaluate(LOOK)
        assert looked["bold"] == 0 and "'<b>x</b>'" in looked["labels"]
        assert looked["said"] == said("t,p\n<b>x</b>,$y$\n$y$,<b>x</b>\n")
        assert looked["unnamed"] == 0
        assert looked["right"] <= looked["width"] and looked["scroll"] <= looked["width"]
        assert looked["colour"] != looked["background"]
        if scheme == "dark":
            assert looked["background"] == "rgb(30, 30, 30)"
        page.screenshot(f"explain-file-{width}-{scheme}-markup")
        assert page.console_errors == [] and page.failed == [] and page.blocked == []
        p.add_script_tag(path=str(AXE))
        assert p.evaluate(AXE_RUN) == []


def output_has(p, words: str) -> None:
    p.wait_for_function(
        "(w) => document.querySelector('.ma-ef-output').textContent.includes(w)", arg=words
    )


@pytest.mark.parametrize(
    "width, scheme", [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")], ids=str
)
def test_a_multilabel_file_is_explained_in_the_page(tmp_path, chromium_browser, width, scheme):
    url = saved_page(tmp_path, [explain_file(FIRST)])
    with watched_page(chromium_browser, width=width, color_scheme=scheme) as page:
        p = page.page
        p.goto(url)
        p.wait_for_selector(".microavg-explain-file .ma-ef-output p")
        root = p.query_selector(".microavg-explain-file")
        p.fill(".ma-ef-text", TAGS)
        p.wait_for_function(
            "() => [...document.querySelectorAll('.ma-ef-true option')]"
            ".some(o => o.value === 'owl')"
        )
        # Each row holds tag columns: the first half of the columns are the true tags.
        p.check(".ma-ef-kind-tags")
        output_has(p, "multi-label")
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(TAGS, true=TRUE_TAGS, pred=PRED_TAGS), looked
        assert looked["tags"] == TRUE_TAGS + PRED_TAGS and looked["labels"] == TRUE_TAGS
        assert looked["summary"].endswith("5 rows, 5 items, 3 tags") and looked["bold"] == 0
        assert not p.is_visible(".ma-ef-true") and p.is_visible(".ma-ef-true-tags")
        # Untick a true tag: refused until its predicted partner goes too, the tick kept.
        p.focus(".ma-ef-true-tags input[value='owl']")
        p.keyboard.press("Space")
        p.wait_for_function("() => document.querySelector('.ma-message').textContent !== ''")
        looked = root.evaluate(LOOK)
        assert looked["message"] == (
            "Refused: true tag columns are 2 but predicted tag columns are 3: give one predicted "
            "column per true column"
        )
        assert looked["said"] == said(TAGS, true=TRUE_TAGS, pred=PRED_TAGS)
        assert "owl" not in looked["tags"]
        p.uncheck(".ma-ef-pred-tags input[value='p owl']")
        p.wait_for_function("() => document.querySelector('.ma-message').textContent === ''")
        two = {"true": TRUE_TAGS[:2], "pred": PRED_TAGS[:2]}
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(TAGS, **two), looked
        # Leave out a tag from the labels scored.
        p.uncheck(".ma-ef-labels input[value='$dog$']")
        output_has(p, "Left out")
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(TAGS, **two, labels=["<b>cat</b>"])
        assert looked["unnamed"] == 0
        assert looked["right"] <= looked["width"] and looked["scroll"] <= looked["width"]
        page.screenshot(f"explain-file-tags-{width}-{scheme}")
        # A tag column holding a 2 is refused with its line; the explanation kept.
        good = looked["said"]
        p.fill(".ma-ef-text", TAGS.replace("0,1,0,0,0,0", "0,2,0,0,0,0"))
        p.wait_for_function("() => document.querySelector('.ma-message').textContent !== ''")
        looked = root.evaluate(LOOK)
        assert looked["message"] == (
            "Refused: pasted text, line 5: column '$dog$' holds 2; multi-label columns hold 0 or 1"
        )
        assert looked["said"] == good
        assert page.console_errors == [] and page.failed == [] and page.blocked == []
        p.add_script_tag(path=str(AXE))
        assert p.evaluate(AXE_RUN) == []


def test_an_opened_file_too_long_to_show_is_explained_without_filling_the_box(
    tmp_path, chromium_browser
):
    rows = [("PER", "PER"), ("O", "PER"), ("LOC", "O")] * 10_000
    text = "true,pred\n" + "".join(f"{t},{p}\n" for t, p in rows)
    url = saved_page(tmp_path, [explain_file(FIRST)])
    with watched_page(chromium_browser, width=390) as page:
        p = page.page
        p.goto(url)
        p.wait_for_selector(".microavg-explain-file .ma-ef-output p")
        root = p.query_selector(".microavg-explain-file")
        p.set_input_files(
            ".ma-ef-file",
            files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": text.encode()}],
        )
        p.wait_for_function(
            "() => document.querySelector('.ma-ef-summary').textContent.includes('30,000 rows')"
        )
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(text)
        assert looked["box"] == 0
        assert looked["held"] == (
            f"The text explained, {len(text):,} characters, is too long to show in this box; "
            "paste or type here to explain another."
        )
        # Typing in the box explains what is typed instead.
        p.fill(".ma-ef-text", FIRST)
        p.wait_for_function(
            "() => document.querySelector('.ma-ef-summary').textContent.includes(' 9 rows')"
        )
        looked = root.evaluate(LOOK)
        assert looked["said"] == said(FIRST) and looked["held"] == ""
        assert page.console_errors == [] and page.failed == [] and page.blocked == []


def test_a_200_mb_file_is_refused_unread_naming_the_limit_and_the_explanation_kept(
    tmp_path, chromium_browser
):
    big = tmp_path / "big.csv"
    line = b"PER,LOC\n"
    with big.open("wb") as f:
        f.write(b"true,pred\n")
        block = line * (1 << 20)
        for _ in range(200 * 10**6 // len(block)):
            f.write(block)
    size = big.stat().st_size
    assert size > 3 * 50_000_000
    url = saved_page(tmp_path, [explain_file(FIRST)])
    with watched_page(chromium_browser, width=390) as page:
        p = page.page
        p.goto(url)
        p.wait_for_selector(".microavg-explain-file .ma-ef-output p")
        root = p.query_selector(".microavg-explain-file")
        before = root.evaluate(LOOK)
        p.set_input_files(".ma-ef-file", str(big))
        p.wait_for_function("() => document.querySelector('.ma-message').textContent !== ''")
        looked = root.evaluate(LOOK)
        assert looked["message"] == (
            f"Refused: the file opened is {size:,} bytes: the page reads at most 50,000,000 "
            "characters (50 MB); explain a larger file on the command line: microavg explain "
            "FILE --true COL --pred COL"
        )
        assert looked["said"] == before["said"] == said(FIRST)
        assert looked["box"] == len(FIRST)
        assert page.console_errors == [] and page.failed == [] and page.blocked == []
