"""The HTML tutorial (``make html``): one page per lesson plus the site's own pages.

Run it as ``python -m htmlsite`` from ``tools/`` (``make html`` does, writing ``build/html/``);
``python -m htmlsite --help`` lists the options. The modules, bottom up:

- :mod:`htmlsite.lessons`: which notebooks are lessons, and what the site says about each
  (title, ``metadata.description``, time to learn);
- :mod:`htmlsite.links`: where a link in a lesson points in the site, Binder addresses, the
  repository slug;
- :mod:`htmlsite.highlight`: the code's colours, from accessible-pygments;
- :mod:`htmlsite.assets`: the JavaScript and CSS the pages load, vendored from
  ``node_modules`` (pinned in package.json / package-lock.json);
- :mod:`htmlsite.widget_state`: which widget modules a lesson's saved state needs and where
  RequireJS finds them;
- :mod:`htmlsite.pages`: the exported pages (lessons through nbconvert and
  ``templates/microavg``; contents, glossary and cheat-sheet from Jinja templates);
- :mod:`htmlsite.search`: the client-side search index, built from the pages' prose;
- :mod:`htmlsite.glossary`: the terms (``glossary.yaml``) and the links to them;
- :mod:`htmlsite.slide_plan`: which part of a lesson goes on which page of its deck;
- :mod:`htmlsite.slide_notes`: the deck's presenter notes;
- :mod:`htmlsite.slides`: each lesson as a reveal.js deck;
- :mod:`htmlsite.build`: the whole site from the committed, executed lessons, page by page;
- ``__main__``: the command line.

A lesson's metadata the site reads (``notebook.metadata``):

``description``
    One line saying what the lesson does (required; shown on the contents page).
``time_to_learn``
    Whole minutes a reader needs (optional). Without it the site reads the lesson's
    ``- **Time to learn**: N minutes`` line under *Prerequisites*; a lesson with neither is
    refused by name.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
"""The repository."""
TEMPLATES = Path(__file__).resolve().parent / "templates"
"""nbconvert/Jinja template folders; the site's template is ``TEMPLATES / "microavg"``."""
