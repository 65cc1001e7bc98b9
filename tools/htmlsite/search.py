"""The site's search: every section of every page, indexed with MiniSearch when the site is
built (``search_index.js``, run by node), loaded by the pages from ``assets/search-index.js``
(a script, not JSON, so it loads from ``file://``).

On a lesson page only the prose is indexed: its Markdown cells (headings and text), never the
code, folded or not, nor what the code printed. A result opens its section with the words
searched for in ``?highlight=``, and the page marks their first use there (``site.js``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path

from htmlsite import ROOT

SCRIPT = Path(__file__).resolve().parent / "search_index.js"
INDEX_NAME = "search-index.js"
_SECTION_TAGS = {"h1", "h2", "h3"}
_IGNORED = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "button",
    "form",
    "svg",
    "mjx-assistive-mml",
}


@dataclass(frozen=True)
class Section:
    """One searchable section: a heading with an id and the text up to the next one."""

    id: str
    url: str
    page: str
    title: str
    text: str


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = []  # [anchor, title, text]
        self.skip = 0
        self.heading: str | None = None
        self.anchor_link = 0
        self.lesson = False  # a lesson page: only its Markdown cells are prose
        self.prose_divs = 0  # open <div>s inside the Markdown cell being read

    def _in_prose(self) -> bool:
        return not self.lesson or self.prose_divs > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "body" and "ma-lesson" in classes:
            self.lesson = True
        if tag == "div" and self.lesson:
            if self.prose_divs:
                self.prose_divs += 1
            elif "jp-MarkdownCell" in classes:
                self.prose_divs = 1
        if not self._in_prose():
            return
        if tag in _IGNORED:
            self.skip += 1
        elif tag in _SECTION_TAGS and values.get("id") and not self.skip:
            self.sections.append([values["id"], "", ""])
            self.heading = tag
        elif tag == "dt" and values.get("id") and not self.skip:  # the glossary's terms
            self.sections.append([values["id"], "", ""])
            self.heading = tag
        elif tag == "a" and "anchor-link" in (values.get("class") or ""):
            self.anchor_link += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.prose_divs:
            self.prose_divs -= 1
        if not self._in_prose():
            return
        if tag in _IGNORED:
            self.skip = max(0, self.skip - 1)
        elif tag == self.heading:
            self.heading = None
        elif tag == "a" and self.anchor_link:
            self.anchor_link -= 1

    def handle_data(self, data: str) -> None:
        if self.skip or self.anchor_link or not self.sections or not self._in_prose():
            return
        self.sections[-1][1 if self.heading else 2] += data


def _clean(text: str) -> str:
    return " ".join(text.replace("$", "").split())


def sections(page: str, name: str, page_title: str) -> list[Section]:
    """The sections of the page ``name``, from its HTML (before math is typeset).

    >>> found = sections('<h1 id="t">Title<a class="anchor-link" href="#t">¶</a></h1><p>Intro'
    ...                  '</p><h2 id="s">Step $k$</h2><p>The <b>residual</b>.</p>', "a.html", "A")
    >>> [(s.url, s.title, s.text) for s in found]
    [('a.html#t', 'Title', 'Intro'), ('a.html#s', 'Step k', 'The residual.')]

    On a lesson page, code and its output are left out:

    >>> lesson = ('<body class="ma-lesson"><div class="jp-MarkdownCell"><div><h2 id="s">Step'
    ...           '</h2><p>Prose.</p></div></div><div class="jp-CodeCell"><pre>say("x")</pre>'
    ...           '<h3 id="o">Printed</h3></div></body>')
    >>> [(s.title, s.text) for s in sections(lesson, "b.html", "B")]
    [('Step', 'Prose.')]
    """
    parser = _Sections()
    parser.feed(page)
    found, seen = [], set()
    for anchor, title, text in parser.sections:
        if anchor in seen or not (_clean(title) or _clean(text)):
            continue
        seen.add(anchor)
        found.append(
            Section(
                id=f"{name}#{anchor}",
                url=f"{name}#{anchor}",
                page=page_title,
                title=_clean(title) or page_title,
                text=_clean(text),
            )
        )
    return found


def write_index(
    found: list[Section], out: Path, node_modules: Path = ROOT / "node_modules"
) -> Path:
    """Index ``found`` with MiniSearch (node) and write ``out/assets/search-index.js``."""
    env = dict(os.environ, NODE_PATH=str(node_modules))
    docs = json.dumps([asdict(section) for section in found])
    done = subprocess.run(
        ["node", str(SCRIPT)], input=docs, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode:
        raise RuntimeError(f"search index: node {SCRIPT.name} failed: {done.stderr.strip()}")
    target = out / "assets" / INDEX_NAME
    target.write_text(
        "// The site's search index (MiniSearch), built with the site.\n"
        f"window.MICROAVG_SEARCH = {done.stdout};\n",
        encoding="utf-8",
    )
    return target


def anchors(page: str) -> set[str]:
    """The ids of a page's sections (for checking that search results land somewhere).

    >>> sorted(anchors('<h2 id="a">A</h2><h3 id="b">B</h3><p id="c">x</p>'))
    ['a', 'b']
    """
    return set(re.findall(r'<h[123]\b[^>]*\bid="([^"]+)"', page))
