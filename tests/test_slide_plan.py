"""The deck's plan (``htmlsite.slide_plan``) and its presenter notes (``htmlsite.slide_notes``)
on small notebooks made here: where slides and sub-slides start, how a long section is cut,
what is left out, how a figure is sized, and which notes a page gets. No browser: the decks
themselves are measured in Chromium by ``tests/test_slides.py``."""

from __future__ import annotations

import base64

import pytest
from htmlsite import slides
from htmlsite.slide_notes import add_notes
from htmlsite.slide_plan import (
    BUDGET,
    MIN_FIGURE_SCALE,
    deck_notebook,
    markdown_blocks,
    pieces,
    plan_pages,
)
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

PARAGRAPH = " ".join(["Every wrong prediction is one FP and one FN."] * 6)


def _plan(*cells, **metadata):
    nb = new_notebook(cells=list(cells), metadata=metadata)
    pages = plan_pages(pieces(nb))
    add_notes(pages, nb)
    return nb, pages


def _texts(page):
    return [piece.source for piece in page.pieces if piece.kind == "markdown"]


def test_headings_start_slides_and_sub_slides():
    _, pages = _plan(
        new_markdown_cell("# Title\n\nIntro.\n\n## One\n\nA.\n\n### Detail\n\nB.\n\n## Two")
    )
    assert [(page.new_slide, _texts(page)[0]) for page in pages] == [
        (True, "# Title"),
        (True, "## One"),
        (False, "### Detail"),
        (True, "## Two"),
    ]
    assert slides.slide_count(new_notebook(cells=[new_markdown_cell("# T\n\n## A\n\n## B")])) == 3


def test_a_cells_slide_metadata_starts_one_too_and_skip_leaves_it_out():
    marked = new_markdown_cell("No heading here.", metadata={"slideshow": {"slide_type": "slide"}})
    skipped = new_markdown_cell("Not in the deck.", metadata={"slideshow": {"slide_type": "skip"}})
    _, pages = _plan(new_markdown_cell("# T"), marked, skipped)
    assert len(pages) == 2 and pages[1].new_slide
    assert all("Not in the deck." not in text for page in pages for text in _texts(page))


def test_a_long_section_is_cut_into_sub_slides_that_each_fit():
    _, pages = _plan(new_markdown_cell("## Long\n\n" + "\n\n".join([PARAGRAPH] * 12)))
    assert len(pages) > 2
    assert pages[0].new_slide and not any(page.new_slide for page in pages[1:])
    assert all(page.height <= BUDGET for page in pages)
    assert all(page.continued and page.section == "Long" for page in pages[1:])


def test_a_paragraph_taller_than_a_page_is_cut_by_sentences():
    _, pages = _plan(new_markdown_cell("## One block\n\n" + " ".join([PARAGRAPH] * 20)))
    assert len(pages) > 1 and all(page.height <= BUDGET for page in pages)


def test_a_heading_never_ends_a_page():
    filler = "\n\n".join([PARAGRAPH] * 3)
    _, pages = _plan(new_markdown_cell(f"## A\n\n{filler}\n\n{filler}\n\n**Lead-in**:\n\n{filler}"))
    for page in pages:
        last = page.pieces[-1]
        assert not last.level and not last.source.endswith(":")


def test_folded_code_shows_only_its_output_and_a_folded_cell_without_one_is_left_out():
    folded = new_code_cell("secret = 41 + 1", metadata={"tags": ["hide-input"]})
    folded.outputs = [new_output("stream", name="stdout", text="42\n")]
    silent = new_code_cell("check = True", metadata={"jupyter": {"source_hidden": True}})
    shown = new_code_cell("ma.scores(y_true, y_pred)")
    nb, pages = _plan(new_markdown_cell("## Code"), folded, silent, shown)
    deck = deck_notebook(nb, pages)
    code = [cell for cell in deck.cells if cell.cell_type == "code"]
    assert [(cell.metadata["deck_input"], len(cell.outputs)) for cell in code] == [
        (False, 1),
        (True, 0),
    ]
    assert code[1].source == "ma.scores(y_true, y_pred)"


def test_each_output_is_its_own_piece_and_two_figures_never_share_a_page():
    png = base64.b64encode(b"\x89PNG fake").decode()
    figure = new_output(
        "display_data",
        data={"image/png": png, "text/plain": "<Figure>"},
        metadata={"image/png": {"width": 700, "height": 400}},
    )
    cell = new_code_cell("plots.bars(cm)")
    cell.outputs = [figure, figure]
    _, pages = _plan(new_markdown_cell("## Figures"), cell)
    figures = [sum(bool(piece.figure) for piece in page.pieces) for page in pages]
    assert figures == [1, 1]


def test_a_figure_is_drawn_smaller_to_share_a_page_but_not_below_its_floor():
    png = base64.b64encode(b"\x89PNG fake").decode()
    tall = new_output(
        "display_data",
        data={"image/png": png},
        metadata={"image/png": {"width": 1000, "height": 560}},
    )
    cell = new_code_cell("plots.heatmap(cm)")
    cell.outputs = [tall]
    _, pages = _plan(new_markdown_cell("## Fig\n\n" + PARAGRAPH + "\n\n" + PARAGRAPH), cell)
    placed = next(piece for page in pages for piece in page.pieces if piece.figure)
    width, height = placed.figure
    assert height < 560 and height >= 560 * MIN_FIGURE_SCALE
    assert width / height == pytest.approx(1000 / 560)
    assert all(page.height <= BUDGET for page in pages)


def test_a_long_html_table_is_cut_by_rows_with_its_header_on_every_page():
    rows = "".join(f"<tr><td>row {n}</td><td>{n}</td></tr>" for n in range(60))
    head = "<thead><tr><th>label</th><th>n</th></tr></thead>"
    table = f"<p>Counts:</p><table>{head}<tbody>{rows}</tbody></table>"
    cell = new_code_cell("tables.counts(cm)")
    cell.outputs = [new_output("execute_result", data={"text/html": table}, execution_count=1)]
    _, pages = _plan(new_markdown_cell("## Table"), cell)
    parts = [p.output["data"]["text/html"] for page in pages for p in page.pieces if p.output]
    assert len(parts) > 1 and all("<th>label</th>" in part for part in parts)
    assert sum(part.count("<td>row ") for part in parts) == 60
    assert parts[0].startswith("<p>Counts:</p>") and not parts[1].startswith("<p>")


def test_markdown_blocks_keep_fences_math_and_details_whole():
    source = (
        "Text:\n\n```python\na = 1\n\nb = 2\n```\n\n$$\nx\n\n= y\n$$\n\n"
        "<details><summary>A</summary>\n\nIn.\n\n</details>"
    )
    assert markdown_blocks(source) == [
        "Text:",
        "```python\na = 1\n\nb = 2\n```",
        "$$\nx\n\n= y\n$$",
        "<details><summary>A</summary>\n\nIn.\n\n</details>",
    ]


@pytest.mark.parametrize("hostile", ["", "   \n\n  ", "$$", "```", "<details>", "| a |", "#"])
def test_odd_markdown_is_planned_without_error(hostile):
    _, pages = _plan(new_markdown_cell("# T"), new_markdown_cell(hostile))
    assert pages and pages[0].new_slide


def test_a_label_with_markup_in_a_heading_is_carried_as_written_into_the_running_head():
    heading = "## Label `<b>` and $x$"
    _, pages = _plan(new_markdown_cell(heading + "\n\n" + "\n\n".join([PARAGRAPH] * 12)))
    assert pages[1].continued and pages[1].section == "Label `<b>` and $x$"


def test_notes_come_from_notes_cells_metadata_exercises_and_folded_answers():
    meta = {
        "microavg": {
            "questions": ["Why one number?"],
            "objectives": ["Count TP, FP, FN."],
            "keypoints": ["ΣFP = ΣFN."],
            "time_to_learn": 20,
        },
        "widgets": {
            "application/vnd.jupyter.widget-state+json": {
                "state": {
                    "m1": {
                        "state": {
                            "_anywidget_id": "microavg.explorers.exercises.Exercise",
                            "prompt": "Micro F1",
                            "kind": "number",
                            "answer": "5/9",
                            "choices": [],
                            "worked": "ΣTP = 5 of 9 predictions.",
                        }
                    }
                }
            }
        },
    }
    box = new_code_cell("explorers.exercise(...)", metadata={"tags": ["hide-input"]})
    box.outputs = [
        new_output(
            "display_data",
            data={"application/vnd.jupyter.widget-view+json": {"model_id": "m1"}},
        )
    ]
    said = new_markdown_cell(
        "Ask who has seen this.", metadata={"slideshow": {"slide_type": "notes"}}
    )
    nb, pages = _plan(
        new_markdown_cell("# Lesson"),
        new_markdown_cell("## Exercises\n\n**Exercise 1.**"),
        said,
        box,
        new_markdown_cell("<details><summary>Answer</summary>\n\nIt is 5/9.\n\n</details>"),
        **meta,
    )
    assert (
        "Why one number?" in pages[0].notes[0] and "Time to learn: 20 minutes." in pages[0].notes[0]
    )
    notes = " ".join(pages[1].notes)
    assert "Ask who has seen this." in notes
    assert "**Micro F1**: the answer is 5/9." in notes and "ΣTP = 5 of 9" in notes
    assert "**Answer**: It is 5/9." in notes
    assert "ΣFP = ΣFN." in pages[-1].notes[-1]
    deck = deck_notebook(nb, pages)
    kinds = [cell.metadata.get("slideshow", {}).get("slide_type") for cell in deck.cells]
    assert kinds.count("notes") == sum(len(page.notes) for page in pages)


def test_a_notebook_with_nothing_to_start_a_slide_is_refused_by_name():
    nb = new_notebook(cells=[new_markdown_cell("Only prose, no heading.")])
    with pytest.raises(ValueError, match=r"05-x.ipynb: nothing starts a slide"):
        slides.deck(nb, "05-x.ipynb")
