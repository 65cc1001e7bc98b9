"""Look at a built HTML site the way docs/decisions/0001-own-site-builder.md records it.

``python tools/site_trial.py NAME DIR PAGE...`` opens each PAGE of the built site in DIR from
``file://`` in Debian's Chromium with every request off the machine aborted (tests/browser.py),
at 1280 px and at 390 px, in the light and the dark system scheme, and prints one JSON line per
view: bytes loaded, requests aborted, console errors, widget views drawn of those saved, the
page's width against the viewport, the background colour, and whether a search box exists.
Screenshots go to ``build/screenshots/trial-NAME-*.png``. Used to compare site builders on the
same lessons; nothing in the build depends on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import SCREENSHOTS, chromium, watched_page  # noqa: E402

# A saved widget view is drawn when its output holds more than the view's own <script>.
FACTS = """() => {
  const views = [...document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]')];
  const drawn = views.filter(s => [...s.parentElement.children].some(e => e !== s &&
    e.getBoundingClientRect().height > 0 && e.tagName !== 'SCRIPT'));
  const state = document.querySelector(
    'script[type="application/vnd.jupyter.widget-state+json"]');
  return {
    views: views.length, drawn: drawn.length, state: !!state,
    page_width: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    background: getComputedStyle(document.body).backgroundColor,
    search_box: !!document.querySelector('input[type=search], form[role=search] input'),
  };
}"""


def look(browser: object, name: str, site: Path, page: str, width: int, scheme: str) -> dict:
    """What one view of ``page`` showed."""
    with watched_page(browser, width=width, height=844, color_scheme=scheme) as watched:
        watched.page.goto((site / page).as_uri(), wait_until="load")
        watched.page.wait_for_timeout(4000)  # widgets and scripts that draw after load
        facts = watched.page.evaluate(FACTS)
        files = {unquote(urlsplit(u).path) for u in watched.requests if u.startswith("file:")}
        weight = sum(Path(f).stat().st_size for f in files if Path(f).is_file())
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = f"trial-{name}-{Path(page).stem}-{width}-{scheme}.png"
        watched.page.screenshot(path=str(SCREENSHOTS / shot))
        return {
            "page": page,
            "width": width,
            "scheme": scheme,
            "bytes": weight,
            "aborted": sorted({urlsplit(u).netloc for u in watched.blocked}),
            "failed": len(watched.failed),
            "console_errors": [e[:160] for e in watched.console_errors[:4]],
            **facts,
        }


def main(argv: list[str]) -> int:
    """Print one JSON line per page, width and scheme."""
    name, site, pages = argv[0], Path(argv[1]).resolve(), argv[2:]
    with chromium() as browser:
        for page in pages:
            for width in (1280, 390):
                for scheme in ("light", "dark"):
                    print(json.dumps(look(browser, name, site, page, width, scheme)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
