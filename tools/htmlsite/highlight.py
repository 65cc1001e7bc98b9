"""The code's colours: accessible-pygments' ``a11y-light`` and ``a11y-dark`` styles (each made
to keep every token at 4.5:1 or more on its own background), one for each colour scheme.

:func:`code_css` writes them as one stylesheet, each scoped to its ``data-theme``, with the code
blocks' background set to the style's own, so the contrast holds as the style was made for.
"""

from __future__ import annotations

from pygments.formatters import HtmlFormatter
from pygments.styles import get_style_by_name

STYLES = {"light": "a11y-light", "dark": "a11y-dark"}


def code_css(styles: dict[str, str] = STYLES) -> str:
    """The stylesheet of the code colours, one block per scheme.

    >>> css = code_css()
    >>> 'html[data-theme="dark"] .highlight .k' in css
    True
    >>> code_css({"light": "no-such-style"})
    Traceback (most recent call last):
    ...
    ValueError: code colours for light: no Pygments style 'no-such-style' ...
    """
    blocks = ["/* Code colours: accessible-pygments, written by htmlsite.highlight. */"]
    for scheme, name in styles.items():
        try:
            style = get_style_by_name(name)
        except Exception as error:  # pygments raises its own ClassNotFound
            raise ValueError(
                f"code colours for {scheme}: no Pygments style {name!r} (is accessible-pygments "
                f"installed?): {error}"
            ) from None
        scope = f'html[data-theme="{scheme}"]'
        blocks.append(f"{scope} {{ --ma-code-bg: {style.background_color}; }}")
        formatter = HtmlFormatter(style=style)
        for defs in (formatter.get_background_style_defs, formatter.get_token_style_defs):
            blocks.extend(defs(f"{scope} .highlight"))
    return "\n".join(blocks) + "\n"
