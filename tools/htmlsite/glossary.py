"""The glossary: the tutorial's terms and what each means, kept as data in ``glossary.yaml``
beside this module, and a link from each term's first use on every lesson page
(:func:`link_terms`)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

GLOSSARY_PAGE = "glossary.html"
GLOSSARY_DATA = Path(__file__).resolve().parent / "glossary.yaml"


@dataclass(frozen=True)
class Term:
    """One glossary entry: its anchor, name, definition (HTML) and how prose writes it."""

    id: str
    name: str
    definition: str
    pattern: str
    """A regular expression for the term in running text (matched case-sensitively)."""
    code: bool = False
    """Whether the term is written as code (``zero_division``): only a whole ``<code>`` matches."""


def load_terms(path: Path = GLOSSARY_DATA) -> list[Term]:
    """The terms of the glossary data file, checked: each needs an id, a name, a definition and
    a pattern that compiles; ids are unique.

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "terms.yaml"
    >>> _ = bad.write_text("- id: tp\\n  name: TP\\n  definition: x\\n  pattern: '(unclosed'\\n")
    >>> load_terms(bad)
    Traceback (most recent call last):
    ...
    ValueError: terms.yaml: term 'tp': pattern '(unclosed' is not a regular expression ...
    """
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: expected a list of terms, got {type(entries).__name__}")
    terms, fields = [], {"id", "name", "definition", "pattern", "code"}
    for number, entry in enumerate(entries, 1):
        where = f"{path.name}: term {entry.get('id', number)!r}" if isinstance(entry, dict) else ""
        if not isinstance(entry, dict) or not {"id", "name", "definition", "pattern"} <= set(entry):
            raise ValueError(f"{where or path.name}: each term needs id, name, definition, pattern")
        if set(entry) - fields:
            raise ValueError(f"{where}: unknown keys {sorted(set(entry) - fields)}")
        try:
            re.compile(entry["pattern"])
        except re.error as error:
            raise ValueError(
                f"{where}: pattern {entry['pattern']!r} is not a regular expression ({error})"
            ) from None
        terms.append(Term(**{key: entry[key] for key in entry}))
    ids = [term.id for term in terms]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path.name}: ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}")
    return terms


TERMS = load_terms()

_TOKEN = re.compile(r"<!--.*?-->|<[^>]+>|[^<]+", re.DOTALL)
_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source", "area"}
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "pre", "button", "summary"}
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)
_PROSE = "jp-MarkdownOutput"


def _link(term: Term, inner: str) -> str:
    return f'<a class="ma-term" href="{GLOSSARY_PAGE}#{term.id}">{inner}</a>'


def link_terms(page: str, terms: list[Term] = TERMS) -> str:
    """``page`` with each term's first use in its prose (Markdown cells) linked to the glossary.

    Headings, links, code blocks and math are left alone; a code term (``zero_division``)
    matches a whole ``<code>`` element.

    >>> prose = '<div class="jp-MarkdownOutput"><h2>The residual</h2><p>A residual, a '
    >>> prose += 'residual $residual$ and <code>zero_division</code>.</p></div>'
    >>> print(link_terms(prose))  # doctest: +NORMALIZE_WHITESPACE
    <div class="jp-MarkdownOutput"><h2>The residual</h2><p>A <a class="ma-term"
    href="glossary.html#residual">residual</a>, a residual $residual$ and <a class="ma-term"
    href="glossary.html#zero-division"><code>zero_division</code></a>.</p></div>
    """
    done: set[str] = set()
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, opens prose)
    tokens = _TOKEN.findall(page)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.startswith("<!--"):
            out.append(token)
            continue
        if token.startswith("<"):
            tag = _TAG.match(token)
            name = tag.group(1).lower() if tag else ""
            if token.startswith("</"):
                while stack and stack.pop()[0] != name:
                    pass
            elif name == "code" and _in_prose(stack) and not _skipping(stack):
                text = tokens[i] if i < len(tokens) else ""
                if i + 1 < len(tokens) and tokens[i + 1].lower() == "</code>":
                    term = _code_term(html.unescape(text), terms, done)
                    if term:
                        out.append(_link(term, token + text + "</code>"))
                        done.add(term.id)
                        i += 2
                        continue
                stack.append((name, False))
            elif name and name not in _VOID and not token.endswith("/>"):
                stack.append((name, _PROSE in token))
            out.append(token)
            continue
        if _in_prose(stack) and not _skipping(stack) and len(done) < len(terms):
            token = _link_text(token, terms, done)
        out.append(token)
    return "".join(out)


def _in_prose(stack: list[tuple[str, bool]]) -> bool:
    return any(prose for _, prose in stack)


def _skipping(stack: list[tuple[str, bool]]) -> bool:
    return any(tag in _SKIP or tag == "code" for tag, _ in stack)


def _code_term(text: str, terms: list[Term], done: set[str]) -> Term | None:
    for term in terms:
        if term.code and term.id not in done and re.fullmatch(term.pattern, text):
            return term
    return None


def _link_text(text: str, terms: list[Term], done: set[str]) -> str:
    """Link the first use of each prose term not yet linked in ``text`` (math left alone)."""
    pieces = []
    last = 0
    for math in _MATH.finditer(text):
        pieces.append((text[last : math.start()], True))
        pieces.append((math.group(0), False))
        last = math.end()
    pieces.append((text[last:], True))
    result = []
    for piece, is_prose in pieces:
        while is_prose and piece:
            found = [
                (match.start(), match, term)
                for term in terms
                if not term.code and term.id not in done
                for match in [re.search(term.pattern, piece)]
                if match
            ]
            if not found:
                break
            _, match, term = min(found, key=lambda hit: hit[0])
            result.append(piece[: match.start()] + _link(term, match.group(0)))
            done.add(term.id)
            piece = piece[match.end() :]
        result.append(piece)
    return "".join(result)
