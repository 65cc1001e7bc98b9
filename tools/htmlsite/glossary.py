"""The glossary: the tutorial's terms, what each means, and a link from each term's first use
on every lesson page (:func:`link_terms`)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

GLOSSARY_PAGE = "glossary.html"


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


TERMS: list[Term] = [
    Term(
        "confusion-matrix",
        "confusion matrix",
        "A table of counts: row <em>i</em>, column <em>j</em> counts the predictions whose true "
        "label is the <em>i</em>-th and predicted label the <em>j</em>-th (scikit-learn's "
        "orientation: rows true, columns predicted). Correct predictions sit on the diagonal.",
        r"\b[Cc]onfusion matri(?:x|ces)\b",
    ),
    Term(
        "tp",
        "TP (true positive)",
        "For one label: a prediction of that label whose true label is that label too. It is "
        "the label's diagonal cell of the confusion matrix.",
        r"\bTP\b|\btrue positives?\b",
    ),
    Term(
        "fp",
        "FP (false positive)",
        "For one label: a prediction of that label whose true label is another one. The rest "
        "of the label's column of the confusion matrix.",
        r"\bFP\b|\bfalse positives?\b",
    ),
    Term(
        "fn",
        "FN (false negative)",
        "For one label: a prediction of another label whose true label is this one. The rest "
        "of the label's row of the confusion matrix. In single-label data every wrong "
        "prediction is one FP (for the label predicted) and one FN (for the true label), so "
        "ΣFP = ΣFN.",
        r"\bFN\b|\bfalse negatives?\b",
    ),
    Term(
        "support",
        "support",
        "For one label: how many rows truly carry it, TP + FN (the sum of its row).",
        r"\bsupport\b",
    ),
    Term(
        "accuracy",
        "accuracy",
        "The share of rows predicted correctly: ΣTP / n, the diagonal of the confusion matrix "
        "over its total.",
        r"(?<!balanced )(?<!subset )\baccuracy\b",
    ),
    Term(
        "micro",
        "micro average",
        "Add up TP, FP and FN over the labels first, then compute precision, recall or F1 once "
        'from the sums (<code>average="micro"</code>). In single-label multi-class data, with '
        "every label kept, micro precision = micro recall = micro F1 = accuracy.",
        r"\bmicro(?:-averaged| average[sd]?)?\b",
    ),
    Term(
        "macro",
        "macro average",
        "Compute the score for each label, then take their plain mean "
        '(<code>average="macro"</code>): every label counts the same, however rare.',
        r"\bmacro(?:-averaged| average[sd]?)?\b",
    ),
    Term(
        "weighted",
        "weighted average",
        "The mean of the per-label scores weighted by each label's support "
        '(<code>average="weighted"</code>). Weighted recall equals accuracy in single-label '
        "data; weighted precision and F1 in general do not.",
        r"\bweighted(?: average[sd]?)?\b",
    ),
    Term(
        "balanced-accuracy",
        "balanced accuracy",
        "The mean of the per-label recalls (scikit-learn's <code>balanced_accuracy_score</code>): "
        "macro recall. Unlike accuracy it is not pulled up by a large, easy label.",
        r"\bbalanced accuracy\b",
    ),
    Term(
        "labels",
        "labels=",
        "The argument of scikit-learn's scores that names the labels to score. Leaving a label "
        "out drops its TP, FP and FN from the micro sums, so ΣFP and ΣFN over the labels kept "
        "can differ and micro precision and recall part.",
        r"labels=",
        code=True,
    ),
    Term(
        "zero-division",
        "zero_division",
        "What scikit-learn returns for a score whose denominator is 0, such as the precision of "
        'a label that is never predicted: <code>"warn"</code> (0, with a warning), 0, 1 or '
        "NaN.",
        r"zero_division(?:=\S*)?",
        code=True,
    ),
    Term(
        "residual",
        "residual",
        "ΣFP − ΣFN over the labels kept. It is 0 when every label is kept in single-label data; "
        "when a label is left out its sign says which of micro precision and micro recall is "
        "larger (a positive residual: recall).",
        r"\bresidual\b",
    ),
    Term(
        "multi-label",
        "multi-label",
        "Data where a row may carry several labels at once (or none), written as a 0/1 "
        "indicator array with one column per label. A wrong tag is then an FP or an FN on its "
        "own, with no partner, so micro precision and recall part.",
        r"\bmulti-label\b",
    ),
    Term(
        "subset-accuracy",
        "subset accuracy",
        "In multi-label data: the share of rows whose whole predicted label set equals the true "
        "one (what scikit-learn's <code>accuracy_score</code> computes there).",
        r"\bsubset accuracy\b",
    ),
    Term(
        "abstain",
        "abstaining",
        'A classifier answering "unknown" instead of a label. Counted as a label, it keeps the '
        "identity; left out with <code>labels=</code>, each abstention is an FN with no FP.",
        r"\babstain(?:s|ing|ed)?\b|\babstentions?\b",
    ),
    Term(
        "threshold",
        "threshold",
        "A cut-off on a score or probability: every label above it is predicted. A row can then "
        "get several labels or none, as in multi-label data.",
        r"\bthreshold(?:s|ed|ing)?\b",
    ),
    Term(
        "top-k",
        "top-k",
        "Predicting the k most probable labels of each row: k predictions per row but one true "
        "label, so the FPs outnumber the FNs.",
        r"\btop-k\b",
    ),
]
TERMS_BY_ID = {term.id: term for term in TERMS}

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
