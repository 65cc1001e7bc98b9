# microavg: the tutorial's commands (`make help` lists them). `make lab` to read and play,
# `make test-fast` while editing, `make test` for everything CI checks.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
LINTED := helpers tests benchmarks notebooks tools
# pytest's workers (pytest-xdist): one per core unless JOBS says otherwise.
JOBS   ?= auto
# More pytest options, e.g. `make test-fast PYTEST_ARGS="-x tests/test_cli.py"`.
PYTEST_ARGS ?=

.PHONY: help setup setup-dev lab test test-fast lint notebooks html slides bundle bench clean

## help: list the commands, one line each
help:
	@sed -n 's/^## \([a-z-]*\): \(.*\)/\1\t\2/p' $(MAKEFILE_LIST) | expand -t 12

LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

# The lessons are the project's own: trusted, so JupyterLab keeps their coloured tables; and
# JupyterLab saves widget state with a notebook, so a reopened lesson shows its explorers.
## setup: .venv with the package and what the lessons need (quick when done already)
setup: $(STAMP) $(LAB_SETTINGS)
	$(BIN)/jupyter trust notebooks/*.ipynb > /dev/null

$(LAB_SETTINGS): binder/overrides.json
	mkdir -p $(dir $@)
	cp binder/overrides.json $@

# Pins come from environment.yml (pip itself, then its pip section), so conda, Binder and
# .venv share versions. They constrain what is installed: the package and the `lessons` extra
# for a reader; `make setup-dev` adds the test tools (`test`) and the browser and Binder-build
# ones (`dev`, pinned in pyproject.toml).
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(STAMP): environment.yml pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	sed -n 's/^ *- \([A-Za-z0-9_.-]*==[^ #]*\).*/\1/p' environment.yml > $(VENV)/requirements.txt
	$(PIP) "$$(sed -n 's/^ *- pip=\([0-9.]*\)$$/pip==\1/p' environment.yml)"
	$(PIP) --constraint $(VENV)/requirements.txt --editable '.[lessons]'
	touch $@

## setup-dev: setup, plus the test tools, playwright, repo2docker and pyspark (make test needs them)
setup-dev: setup $(DEV_STAMP)

$(DEV_STAMP): $(STAMP)
	$(PIP) --constraint $(VENV)/requirements.txt --editable '.[lessons,test,dev,spark]'
	touch $@

# Serves the repository (as Binder does, so the lessons' links to README.md work) and opens
# the first lesson; listens on 127.0.0.1 only, behind a login token (in the URL it prints).
# .venv is first on PATH (and VIRTUAL_ENV set), as after `source .venv/bin/activate`, so
# `!microavg` in a cell finds the command and .venv's python. Lab's terminals run bash with
# LAB_BASHRC: the reader's ~/.bashrc, then .venv first again (a login shell would reset PATH
# from /etc/profile; a ~/.bashrc may put pyenv's or conda's python first).
FIRST_LESSON := $(firstword $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb)))
LAB_BASHRC := $(VENV)/lab-bashrc
ON_PATH := VIRTUAL_ENV="$(abspath $(VENV))" PATH="$(abspath $(BIN)):$$PATH"

## lab: open JupyterLab on the lessons (runs setup first)
lab: setup $(LAB_BASHRC)
	$(ON_PATH) $(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/$(FIRST_LESSON) \
		"--ServerApp.terminado_settings=shell_command=['bash','--rcfile','$(abspath $(LAB_BASHRC))']" \
		$(if $(filter 0,$(shell id -u)),--allow-root)

$(LAB_BASHRC): Makefile $(STAMP)
	printf '%s\n' '# JupyterLab terminals (make lab): ~/.bashrc, then .venv first on PATH.' \
		'[ -f ~/.bashrc ] && . ~/.bashrc' '$(ON_PATH)' 'export VIRTUAL_ENV PATH' > $@

# ruff for style; lint-imports holds the package's layers ([tool.importlinter] in pyproject).
## lint: ruff (style and format) and lint-imports (the package's layers)
lint: setup-dev
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/lint-imports --no-cache --no-logo

# The full check, as CI runs it: every test and every lesson re-run (nbval), under pytest -n.
# --dist loadfile keeps a file on one worker (nbval runs a notebook's cells in one kernel; a
# module's JupyterLab or browser fixture starts once); tests/conftest.py orders the files so
# one worker builds the site while the others run the rest. Hypothesis's full example counts.
## test: everything CI checks: lint, unit and property tests, lessons (nbval), browser, Lab
test: lint
	HYPOTHESIS_PROFILE=full $(BIN)/python -m pytest --nbval \
		-n $(JOBS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# The edit-and-run loop: no browser, no site build, no JupyterLab, no lesson re-run (the
# markers come from the fixtures a test uses: tests/conftest.py); quick hypothesis counts.
## test-fast: the quick loop (about a minute): every test that needs no browser, site or server
test-fast: setup-dev
	$(BIN)/python -m pytest -m "not browser and not slow" -n $(JOBS) $(PYTEST_ARGS)

# Re-execute every lesson in place, top to bottom, in a fresh kernel each.
## notebooks: re-execute every lesson in place, each in a fresh kernel
notebooks: setup
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
		--ExecutePreprocessor.store_widget_state=True --ExecutePreprocessor.record_timing=False \
		notebooks/[0-9]*.ipynb

# build/html/: every lesson as committed and executed (`make notebooks` runs them; nbval checks
# them), with its saved widget state and its slides, plus index.html; only pages whose inputs
# changed are rebuilt. The pages' JavaScript comes from package-lock.json (npm ci when needed).
# The build is the package tools/htmlsite (python -m htmlsite --help).
## html: build the HTML tutorial in build/html (open build/html/index.html)
html: setup
	PYTHONPATH=tools $(BIN)/python -m htmlsite

# build/slides/: each lesson as a reveal.js deck (a slide per # and ## heading, sub-slides as
# needed so each fits 1280 x 720; tools/htmlsite/slide_plan.py),
# reveal.js vendored from package-lock.json, offline like the site.
## slides: build each lesson as a reveal.js deck in build/slides
slides: setup
	PYTHONPATH=tools $(BIN)/python -m htmlsite.slides

## bundle: rebuild the explorers' bundled views (esbuild) after editing static/*.js
# The explorers' front end: each view bundled by esbuild (package-lock.json) into
# helpers/microavg/static/dist/, committed so installs and Binder need no node.
bundle:
	test -x node_modules/.bin/esbuild || npm ci
	node tools/bundle.mjs

## bench: print the engine's, the explorers' and the site's speed, as ratios
bench: setup-dev
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_explain_file.py
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_scale.py

## clean: remove .venv and build/
clean:
	rm -rf $(VENV) build
