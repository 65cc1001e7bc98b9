"""Which part of a lesson goes on which slide: the deck's pages, planned to fit 1280 x 720.

A lesson is cut into *pieces*: each Markdown block (a heading, a paragraph, a list, a table, a
displayed equation, a ``<details>`` answer), each shown code cell's input, each output. A
``#`` or ``##`` heading starts a slide, a ``###`` heading a sub-slide, and so does a cell whose
``slideshow.slide_type`` says "slide" or "subslide". Within them the pieces are packed into
pages, one sub-slide each, in order, while their estimated heights fit :data:`BUDGET`: a
heading stays with what follows it, a figure or an explorer is shown with at most one other
large output, and a piece taller than a page is cut (a list by items, a table by rows with its
header repeated, a paragraph by sentences, code by lines). A figure is drawn at the size that
fits the room left on its page (never below :data:`MIN_FIGURE_SCALE` of its own size: then it
starts the next page). A page that continues a section says so in a running head.

What the site folds is not shown: a code cell tagged ``hide-input`` (or whose source is hidden)
shows only its outputs, and one that has none is left out; cells marked "skip" are left out.
The heights are estimates in the deck's own pixels (:data:`SLIDE_WIDTH` x :data:`SLIDE_HEIGHT`,
the type sizes of ``templates/microavg-slides``); ``tests/test_slides.py`` measures every page
in Chromium, and the deck's script shrinks a figure or an explorer that an estimate (or a
reader's edit) made too tall for its page.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field, replace

import nbformat

SLIDE_WIDTH = 1280
SLIDE_HEIGHT = 720
# The page's padding (templates/microavg-slides): 28 px above, 56 below (reveal.js's controls).
CONTENT_WIDTH = SLIDE_WIDTH - 2 * 40
BUDGET = SLIDE_HEIGHT - 28 - 56 - 56
"""The estimated height a page may fill, with a margin for the estimates' error."""
MIN_FIGURE_SCALE = 0.55
"""The smallest a figure is drawn, as a share of its own size, before it takes a new page."""
FIGURE_FLOOR = 220
"""Pixels of figure height worth keeping on a page that has other pieces."""

# Type, in the deck's pixels (templates/microavg-slides/index.html.j2 sets the same sizes).
PROSE_LINE = 24 * 1.45
PROSE_CHARS = 88  # characters per line of 24 px prose across CONTENT_WIDTH, rounded down
CODE_LINE = 18 * 1.4
CODE_CHARS = 105  # characters of 18 px monospace across CONTENT_WIDTH, rounded down
TABLE_ROW = 19 * 1.4 + 10
TABLE_CHARS = 100
HEADING = {1: (42 * 1.2, 46, 24), 2: (34 * 1.2, 58, 20), 3: (28 * 1.25, 70, 16)}
"""Per heading level: line height, characters per line, margin."""
BLOCK_GAP = 14
OUTPUT_GAP = 10
RUNNING_HEAD = 34

# Explorers, as measured in Chromium at 1280 px in the deck's type: an exercise's answer box
# (and one more line per choice). Other explorers take a page of their own.
EXERCISE = "microavg.explorers.exercises.Exercise"
EXERCISE_HEIGHT, CHOICE_HEIGHT = 120, 34
EXPLORER_HEIGHT = BUDGET - 80

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_HTML_OPEN = re.compile(r"<(details|div|table|blockquote)\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</(details|div|table|blockquote)\s*>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(*`$\"“])")
_TAG = re.compile(r"<[^>]+>")
_MATH_SPAN = re.compile(r"\$[^$]+\$")


def markdown_blocks(source: str) -> list[str]:
    """The Markdown ``source`` as its blocks: headings, paragraphs, lists, tables, fenced
    code, ``$$`` math, HTML blocks (a ``<details>`` with what is inside it), in order.

    >>> markdown_blocks("## A\\nText\\non two lines.\\n\\n- one\\n- two\\n\\n$$\\nx\\n\\ny$$")
    ['## A', 'Text\\non two lines.', '- one\\n- two', '$$\\nx\\n\\ny$$']
    >>> markdown_blocks("<details><summary>Answer</summary>\\n\\n5/9.\\n\\n</details>\\nAfter")
    ['<details><summary>Answer</summary>\\n\\n5/9.\\n\\n</details>', 'After']
    >>> markdown_blocks("- item\\n\\n  more of the item\\n- next")
    ['- item\\n\\n  more of the item\\n- next']
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    fence = ""
    math_open = False
    html_depth = 0

    def flush() -> None:
        while current and not current[-1].strip():
            current.pop()
        if current:
            blocks.append(current.copy())
        current.clear()

    lines = source.splitlines()
    for index, line in enumerate(lines):
        if fence:
            current.append(line)
            if line.strip().startswith(fence):
                fence = ""
            continue
        if math_open:
            current.append(line)
            if line.count("$$") % 2:
                math_open = False
            continue
        if html_depth:
            current.append(line)
            html_depth += len(_HTML_OPEN.findall(line)) - len(_HTML_CLOSE.findall(line))
            html_depth = max(html_depth, 0)
            if not html_depth:
                flush()
            continue
        fenced = _FENCE.match(line)
        if fenced:
            if current and not _LIST_ITEM.match(current[0]):
                flush()
            current.append(line)
            fence = fenced.group(1)
            continue
        if not line.strip():
            following = next((later for later in lines[index + 1 :] if later.strip()), "")
            continues_list = current and _LIST_ITEM.match(current[0]) is not None
            if continues_list and (
                following.startswith((" ", "\t")) or _LIST_ITEM.match(following)
            ):
                current.append(line)
            else:
                flush()
            continue
        if _HEADING.match(line):
            flush()
            blocks.append([line])
            continue
        if line.strip().startswith("$$") and not current:
            current.append(line)
            math_open = line.count("$$") % 2 == 1
            continue
        if not current and _HTML_OPEN.match(line.strip()):
            current.append(line)
            html_depth = len(_HTML_OPEN.findall(line)) - len(_HTML_CLOSE.findall(line))
            if html_depth <= 0:
                html_depth = 0
            continue
        current.append(line)
    flush()
    return ["\n".join(block) for block in blocks]


def heading_level(block: str) -> int:
    """The level of a heading block (``## A`` is 2), 0 for any other block.

    >>> heading_level("## 1. The puzzle"), heading_level("Text")
    (2, 0)
    """
    match = _HEADING.match(block) if "\n" not in block else None
    return len(match.group(1)) if match else 0


def heading_text(block: str) -> str:
    """The text of a heading block.

    >>> heading_text("## 1. The puzzle ##")
    '1. The puzzle'
    """
    match = _HEADING.match(block)
    return match.group(2) if match else block


def _wrapped_lines(text: str, chars: int) -> int:
    plain = _MATH_SPAN.sub("xxxxxx", _TAG.sub("", text))
    plain = re.sub(r"\]\([^)]*\)", "]", plain)  # a link shows its text only
    return sum(max(1, math.ceil(len(line.strip()) / chars)) for line in plain.splitlines() or [""])


def markdown_height(block: str) -> float:
    """The estimated height of a Markdown block on a page, in the deck's pixels."""
    level = heading_level(block)
    if level:
        line, chars, margin = HEADING.get(level, HEADING[3])
        return line * _wrapped_lines(heading_text(block), chars) + margin
    lines = block.splitlines()
    if lines[0].lstrip().startswith("|"):
        rows = [row for row in lines if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", row)]
        cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows]
        return table_height(cells) + BLOCK_GAP
    if _FENCE.match(lines[0]):
        return CODE_LINE * max(1, len(lines) - 2) + 24 + BLOCK_GAP
    if lines[0].strip().startswith("$$"):
        rows = block.count("\\\\") + 1
        tall = 2.2 if re.search(r"\\frac|\\sum", block) else 1.4
        return rows * PROSE_LINE * tall + BLOCK_GAP
    if lines[0].lstrip().lower().startswith("<details"):
        return _details_height(block)
    items = sum(1 for line in lines if _LIST_ITEM.match(line.lstrip()))
    text = "\n".join(_join_paragraph_lines(lines))
    return PROSE_LINE * _wrapped_lines(text, PROSE_CHARS) + 6 * items + BLOCK_GAP


def _details_height(block: str) -> float:
    """A ``<details>`` answer, as tall as it is open (a teacher opens it on the slide)."""
    inner = re.sub(r"</?details[^>]*>|<summary>.*?</summary>", "", block, flags=re.DOTALL)
    inside = [markdown_height(part) for part in markdown_blocks(inner)]
    return PROSE_LINE + 12 + sum(inside) + BLOCK_GAP


def table_height(rows: list[list[str]]) -> float:
    """A table's estimated height from its cells' text: each column gets an equal share of
    the page's width (tables in the deck are as wide as the page; an auto layout gives long
    texts more, so the estimate errs tall), and a row is as tall as its most wrapped cell.

    >>> table_height([["a", "b"], ["1", "2"]]) == 2 * TABLE_ROW
    True
    """
    if not rows:
        return 0.0
    texts = [[" ".join(_TAG.sub("", cell).split()) for cell in row] for row in rows]
    share = TABLE_CHARS / max(len(row) for row in texts)
    height = 0.0
    for row in texts:
        lines = max(max(1, math.ceil(len(text) / share)) for text in row) if row else 1
        height += TABLE_ROW + (lines - 1) * 19 * 1.4
    return height


def _join_paragraph_lines(lines: list[str]) -> list[str]:
    """Soft-wrapped source lines joined into the lines a reader sees (list items apart)."""
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if joined and not _LIST_ITEM.match(stripped):
            joined[-1] += " " + stripped
        else:
            joined.append(stripped)
    return joined


def split_block(block: str) -> list[str]:
    """A Markdown block too tall for a page, cut where the cut keeps its sense: a list by
    items, a table by rows (its header repeated), a paragraph by sentences, code by lines.
    A block that cannot be cut is returned whole.

    >>> table = "| a | b |\\n|---|---|\\n" + "\\n".join(f"| {n} | {n} |" for n in range(40))
    >>> parts = split_block(table)
    >>> len(parts) > 1, all(part.startswith("| a | b |\\n|---|---|\\n| ") for part in parts)
    (True, True)
    >>> split_block("- one\\n- two")
    ['- one', '- two']
    """
    lines = block.splitlines()
    if len(lines) > 3 and lines[0].lstrip().startswith("|"):
        header, rows = lines[:2], lines[2:]
        chunks: list[list[str]] = [[]]
        for row in rows:
            if chunks[-1] and markdown_height("\n".join([*header, *chunks[-1], row])) > BUDGET - 60:
                chunks.append([])
            chunks[-1].append(row)
        return ["\n".join([*header, *chunk]) for chunk in chunks]
    if _FENCE.match(lines[0]) and len(lines) > 3:
        return ["\n".join([lines[0], line, lines[-1]]) for line in lines[1:-1]]
    if _LIST_ITEM.match(lines[0].lstrip()):
        items: list[list[str]] = []
        for line in lines:
            if _LIST_ITEM.match(line) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        if len(items) > 1:
            return ["\n".join(item).rstrip() for item in items]
    if not heading_level(block) and not lines[0].lstrip().startswith(("<", "$$", "|")):
        sentences = _SENTENCE_END.split(" ".join(line.strip() for line in lines))
        if len(sentences) > 1:
            return sentences
    return [block]


@dataclass
class Piece:
    """One thing shown on a page: a Markdown block, a code cell's input, or one output."""

    kind: str  # "markdown", "input", "output", "notes"
    cell: nbformat.NotebookNode
    height: float
    source: str = ""
    output: dict | None = None
    large: bool = False  # a figure, an explorer or a table: two at most on a page
    figure: tuple[float, float] | None = None  # a figure's own width and height
    starts: str = ""  # "slide" or "subslide": this piece must open one
    level: int = 0  # a heading's level
    keep_with_next: bool = False


@dataclass
class Page:
    """One sub-slide of the deck: its pieces, and whether it starts a horizontal slide."""

    pieces: list[Piece] = field(default_factory=list)
    new_slide: bool = False
    section: str = ""  # the heading it continues, for the running head
    continued: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(piece.height for piece in self.pieces) + (RUNNING_HEAD if self.continued else 0)

    @property
    def large(self) -> int:
        return sum(piece.large for piece in self.pieces)


def is_folded(cell: nbformat.NotebookNode) -> bool:
    """Whether the site folds the code cell's input (``hide-input``, or its source hidden).

    >>> from nbformat.v4 import new_code_cell
    >>> is_folded(new_code_cell("x", metadata={"tags": ["hide-input"]}))
    True
    >>> is_folded(new_code_cell("x", metadata={"jupyter": {"source_hidden": True}}))
    True
    >>> is_folded(new_code_cell("x"))
    False
    """
    hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
    return "hide-input" in cell.metadata.get("tags", []) or bool(hidden)


def slide_type(cell: nbformat.NotebookNode) -> str:
    """The cell's ``slideshow.slide_type`` ("-" when it has none)."""
    return cell.metadata.get("slideshow", {}).get("slide_type") or "-"


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_height(output: dict, widgets: dict) -> tuple[float, bool]:
    """An output's estimated height on a page, and whether it is large (a figure, an explorer,
    a table)."""
    kind = output.get("output_type")
    if kind == "stream":
        return CODE_LINE * _wrapped_lines(_text(output.get("text", "")), CODE_CHARS) + 20, False
    data = output.get("data", {})
    if "application/vnd.jupyter.widget-view+json" in data:
        model = data["application/vnd.jupyter.widget-view+json"].get("model_id", "")
        state = widgets.get(model, {}).get("state", {})
        if state.get("_anywidget_id") == EXERCISE:
            return EXERCISE_HEIGHT + CHOICE_HEIGHT * len(state.get("choices") or []), False
        return EXPLORER_HEIGHT, True
    if "image/png" in data or "image/jpeg" in data:
        return 0.0, True  # sized by the page it lands on (see plan_pages)
    if "text/html" in data:
        html = _text(data["text/html"])
        html = re.sub(r"<style.*?</style>", "", html, flags=re.DOTALL)
        return html_height(html), html.count("<tr") > 3
    if "text/markdown" in data:
        blocks = markdown_blocks(_text(data["text/markdown"]))
        return sum(markdown_height(block) for block in blocks) + OUTPUT_GAP, False
    if "text/latex" in data:
        latex = _text(data["text/latex"])
        rows = latex.count("\\\\") + 1
        return rows * PROSE_LINE * (2.0 if "\\frac" in latex else 1.5) + OUTPUT_GAP, False
    if "text/plain" in data:
        return CODE_LINE * _wrapped_lines(_text(data["text/plain"]), CODE_CHARS) + 20, False
    return 0.0, False


def html_height(html: str) -> float:
    """The estimated height of an HTML output: its tables by their cells, the rest as prose."""
    html = re.sub(r"<style.*?</style>", "", html, flags=re.DOTALL)
    height = 0.0
    for table in re.findall(r"<table.*?</table>", html, flags=re.DOTALL):
        rows = [
            re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, flags=re.DOTALL)
            for row in re.findall(r"<tr\b.*?</tr>", table, flags=re.DOTALL)
        ]
        height += table_height(rows) + (34 if "<caption" in table else 0) + BLOCK_GAP
    outside = " ".join(
        _TAG.sub(" ", re.sub(r"<table.*?</table>", "", html, flags=re.DOTALL)).split()
    )
    if outside:
        height += PROSE_LINE * _wrapped_lines(outside, PROSE_CHARS) + BLOCK_GAP
    return height + OUTPUT_GAP


def _figure_size(output: dict) -> tuple[float, float]:
    meta = output.get("metadata", {})
    size = meta.get("image/png") or meta.get("image/jpeg") or {}
    width, height = float(size.get("width", 640)), float(size.get("height", 480))
    if width > CONTENT_WIDTH:
        width, height = CONTENT_WIDTH, height * CONTENT_WIDTH / width
    return width, height


def pieces(nb: nbformat.NotebookNode) -> list[Piece]:
    """The lesson ``nb`` (its navigation stripped) as the pieces its deck shows, in order."""
    widgets = (
        nb.metadata.get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
    )
    found: list[Piece] = []
    for cell in nb.cells:
        marked = slide_type(cell)
        if marked == "skip":
            continue
        starts = marked if marked in ("slide", "subslide") else ""
        if cell.cell_type == "markdown" and marked == "notes":
            found.append(Piece("notes", cell, 0.0, source=cell.source))
            continue
        if cell.cell_type == "markdown":
            for block in markdown_blocks(cell.source):
                level = heading_level(block)
                begins = starts or (
                    "slide" if level in (1, 2) else "subslide" if level == 3 else ""
                )
                found.append(
                    Piece(
                        "markdown",
                        cell,
                        markdown_height(block),
                        source=block,
                        starts=begins,
                        level=level,
                        keep_with_next=bool(level) or block.rstrip().endswith(":"),
                    )
                )
                starts = ""
            continue
        if cell.cell_type != "code":
            continue
        if cell.source.strip() and not is_folded(cell):
            lines = cell.source.rstrip().splitlines()
            height = CODE_LINE * len(lines) + 24 + BLOCK_GAP
            found.append(Piece("input", cell, height, source=cell.source, starts=starts))
            starts = ""
        for output in cell.get("outputs", []):
            height, large = output_height(output, widgets)
            if not height and not large:
                continue
            figure = _figure_size(output) if large and not height else None
            found.append(
                Piece(
                    "output", cell, height, output=output, large=large, figure=figure, starts=starts
                )
            )
            starts = ""
    return found


def _cut(piece: Piece) -> list[Piece]:
    """A piece taller than a page, as pieces that each fit one, where it can be cut: Markdown
    by :func:`split_block`, code and text by lines, an HTML table by rows (its header repeated),
    a Markdown output by blocks. A piece that cannot be cut is returned whole."""
    if piece.height <= BUDGET or piece.figure:
        return [piece]
    if piece.kind == "markdown":
        parts = [
            replace(
                piece, source=part, height=markdown_height(part), starts="", keep_with_next=False
            )
            for part in split_block(piece.source)
        ]
    elif piece.kind == "input":
        parts = [
            replace(
                piece,
                source=chunk,
                height=CODE_LINE * chunk.count("\n") + CODE_LINE + 24 + BLOCK_GAP,
                starts="",
            )
            for chunk in _line_chunks(piece.source.rstrip("\n"), CODE_LINE)
        ]
    else:
        parts = [
            replace(piece, output=output, height=height, starts="")
            for output, height in _cut_output(piece.output)
        ]
    if len(parts) <= 1:
        return [piece]
    parts[0].starts = piece.starts
    return [cut for part in parts for cut in _cut(part)]


def _line_chunks(text: str, line: float) -> list[str]:
    lines = text.splitlines()
    per_page = max(1, int((BUDGET - 60) // line))
    return ["\n".join(lines[start : start + per_page]) for start in range(0, len(lines), per_page)]


def _cut_output(output: dict) -> list[tuple[dict, float]]:
    """An output too tall for a page as outputs that each fit, with their heights."""
    data = output.get("data", {})
    if output.get("output_type") == "stream":
        return [
            ({**output, "text": chunk + "\n"}, CODE_LINE * (chunk.count("\n") + 1) + 20)
            for chunk in _line_chunks(_text(output.get("text", "")).rstrip("\n"), CODE_LINE)
        ]
    if "text/html" in data:
        return [
            ({**output, "data": {"text/html": part}}, html_height(part))
            for part in _html_row_chunks(_text(data["text/html"]))
        ]
    if "text/markdown" in data:
        blocks = [
            part
            for block in markdown_blocks(_text(data["text/markdown"]))
            for part in (split_block(block) if markdown_height(block) > BUDGET else [block])
        ]
        return [
            ({**output, "data": {"text/markdown": block}}, markdown_height(block) + OUTPUT_GAP)
            for block in blocks
        ]
    if "text/plain" in data and len(data) == 1:
        return [
            ({**output, "data": {"text/plain": chunk}}, CODE_LINE * (chunk.count("\n") + 1) + 20)
            for chunk in _line_chunks(_text(data["text/plain"]), CODE_LINE)
        ]
    return [(output, output_height(output, {})[0])]


def _html_row_chunks(html: str) -> list[str]:
    """An HTML output whose one table is too tall, as copies with the table's rows in runs
    that fit a page (what precedes the table goes with the first, the header with every one)."""
    found = re.search(r"(<table\b.*?<tbody[^>]*>)(.*?)(</tbody>\s*</table>)", html, flags=re.DOTALL)
    if not found:
        return [html]
    before, head, body, tail = html[: found.start()], found.group(1), found.group(2), found.group(3)
    after = html[found.end() :]
    rows = re.findall(r"<tr\b.*?</tr>", body, flags=re.DOTALL)
    chunks: list[list[str]] = [[]]
    for row in rows:
        trial = before * (len(chunks) == 1) + head + "".join([*chunks[-1], row]) + tail
        if chunks[-1] and html_height(trial) > BUDGET - 60:
            chunks.append([])
        chunks[-1].append(row)
    parts = [head + "".join(chunk) + tail for chunk in chunks]
    parts[0] = before + parts[0]
    parts[-1] += after
    return parts


def plan_pages(found: list[Piece]) -> list[Page]:
    """The pieces packed into pages (see the module's docstring)."""
    pages: list[Page] = []
    section = ""
    queue = [part for piece in found for part in _cut(piece)]
    for index, piece in enumerate(queue):
        if piece.kind == "notes":
            if pages:
                pages[-1].notes.append(piece.source)
            continue
        page = pages[-1] if pages else None
        room = BUDGET - (page.height if page else 0)
        # What must follow a heading or a lead-in on the same page: the next piece, at its
        # smallest (a figure may shrink).
        follower = queue[index + 1] if piece.keep_with_next and index + 1 < len(queue) else None
        needs = _smallest(piece) + (_smallest(follower) if follower and not follower.starts else 0)
        fits = page is not None and (
            _smallest(piece) <= room
            and needs <= room
            and not (piece.large and page.large >= 2)
            and not (piece.large and page.large and _has_figure_or_explorer(page, piece))
        )
        if piece.starts or page is None or not fits:
            new_slide = piece.starts == "slide" or page is None
            if piece.level in (1, 2, 3):
                section = heading_text(piece.source)
            continued = not piece.starts and page is not None and not piece.level
            page = Page(new_slide=new_slide, section=section, continued=continued and bool(section))
            pages.append(page)
            room = BUDGET - page.height
        elif piece.level in (1, 2, 3):
            section = heading_text(piece.source)
        if piece.figure:
            width, natural = piece.figure
            shown = min(natural, max(room - OUTPUT_GAP, natural * MIN_FIGURE_SCALE))
            piece.figure = (width * shown / natural, shown)
            piece.height = shown + OUTPUT_GAP
        page.pieces.append(piece)
    return pages


def _smallest(piece: Piece | None) -> float:
    if piece is None:
        return 0.0
    if piece.figure:
        return min(piece.figure[1], max(FIGURE_FLOOR, piece.figure[1] * MIN_FIGURE_SCALE))
    return piece.height


def _has_figure_or_explorer(page: Page, piece: Piece) -> bool:
    """Whether the page already has a figure or an explorer and ``piece`` is one too."""
    big = [p for p in page.pieces if p.large and (p.figure or p.height >= EXPLORER_HEIGHT)]
    return bool(big) and (piece.figure is not None or piece.height >= EXPLORER_HEIGHT)


def deck_notebook(nb: nbformat.NotebookNode, pages: list[Page]) -> nbformat.NotebookNode:
    """The notebook nbconvert's slides exporter turns into the deck: one cell per piece, the
    first of each page marked "slide" or "subslide", each page's notes as a "notes" cell."""
    deck = copy.copy(nb)
    deck.metadata = copy.deepcopy(nb.metadata)
    deck.cells = []
    for page in pages:
        cells = []
        if page.continued:
            head = nbformat.v4.new_markdown_cell(f"{page.section} (continued)")
            head.metadata["tags"] = ["deck-running-head"]
            cells.append(head)
        cells.extend(_cell(piece) for piece in page.pieces)
        cells[0].metadata["slideshow"] = {
            "slide_type": "slide" if page.new_slide else "subslide",
            "data": {"estimate": str(round(page.height))},  # <section data-estimate>
        }
        for note in page.notes:
            cell = nbformat.v4.new_markdown_cell(note)
            cell.metadata["slideshow"] = {"slide_type": "notes"}
            cells.append(cell)
        deck.cells.extend(cells)
    # nbformat gives a new cell a random id (drawn into the page as its element id): numbered
    # instead, the same lesson always gives the same deck.
    for number, cell in enumerate(deck.cells):
        cell.id = f"deck-{number}"
    return deck


def _cell(piece: Piece) -> nbformat.NotebookNode:
    """The cell that shows ``piece``: a Markdown block, or a code cell with its input shown
    or not (``metadata.deck_input``) and at most one output, a figure at its planned size."""
    if piece.kind == "markdown":
        cell = nbformat.v4.new_markdown_cell(piece.source)
        if piece.cell.get("attachments"):
            cell.attachments = piece.cell.attachments
    else:
        cell = nbformat.v4.new_code_cell(
            piece.source if piece.kind == "input" else piece.cell.source
        )
        cell.execution_count = piece.cell.get("execution_count")
        cell.metadata["deck_input"] = piece.kind == "input"
        output = copy.deepcopy(piece.output) if piece.output else None
        if output is not None and piece.figure:
            size = {"width": round(piece.figure[0]), "height": round(piece.figure[1])}
            for mime in ("image/png", "image/jpeg"):
                if mime in output.get("data", {}):
                    output.setdefault("metadata", {}).setdefault(mime, {}).update(size)
        cell.outputs = [output] if output is not None else []
    cell.metadata["tags"] = list(piece.cell.metadata.get("tags", []))
    return cell
