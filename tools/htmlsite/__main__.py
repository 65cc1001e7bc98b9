"""``python -m htmlsite [--notebooks DIR] [--out DIR] [--repository OWNER/NAME] [--if-stale]``

Builds the HTML tutorial (``make html``: ``notebooks/`` into ``build/html/``) from the lessons as
committed, executed; only pages whose inputs changed are rebuilt. ``--if-stale`` does nothing at
all when no input changed. The repository
the Binder and source links point at is ``--repository``, else ``[tool.microavg] repository``
in pyproject.toml, else ``microavg/microavg``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from htmlsite import ROOT
from htmlsite.build import build, is_current
from htmlsite.links import repository_slug


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and build (or, with ``--if-stale``, check) the site."""
    parser = argparse.ArgumentParser(prog="python -m htmlsite", description="Build the site.")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "html")
    parser.add_argument("--repository", help="owner/name on GitHub (default: pyproject)")
    parser.add_argument("--if-stale", action="store_true", help="do nothing when no input changed")
    args = parser.parse_args(argv)
    notebooks, out = args.notebooks.resolve(), args.out.resolve()
    repository = args.repository or repository_slug()
    if args.if_stale and is_current(notebooks, out, repository):
        print(f"{out} is up to date")
        return 0
    start = time.perf_counter()
    rebuilt = build(notebooks, out, repository)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(
        f"built {out}: {len(rebuilt)} pages rebuilt, the rest current, {size / 1e6:.2f} MB, "
        f"{time.perf_counter() - start:.1f} s (Binder and source links: {repository})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
