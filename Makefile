# microavg: the tutorial's commands. `make setup` once (it is quick when already done),
# then `make lab` to read and play, `make test` for everything CI checks.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LINTED := helpers tests benchmarks notebooks tools

.PHONY: setup lab test lint notebooks html slides bench clean

LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

# The lessons are the project's own: trusted, so JupyterLab keeps their coloured tables; and
# JupyterLab saves widget state with a notebook, so a reopened lesson shows its explorers.
setup: $(STAMP) $(LAB_SETTINGS)
	$(BIN)/jupyter trust notebooks/*.ipynb > /dev/null

$(LAB_SETTINGS): binder/overrides.json
	mkdir -p $(dir $@)
	cp binder/overrides.json $@

# Pins come from environment.yml (pip itself, then its pip section), so conda, Binder and
# .venv share versions; the `dev` extra adds the browser and Binder-build test tools.
$(STAMP): environment.yml pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	sed -n 's/^ *- \([A-Za-z0-9_.-]*==[^ #]*\).*/\1/p' environment.yml > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		"$$(sed -n 's/^ *- pip=\([0-9.]*\)$$/pip==\1/p' environment.yml)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r $(VENV)/requirements.txt --editable '.[lessons,test,dev]'
	touch $@

# Serves the repository (as Binder does, so the lessons' links to README.md work) and opens
# the first lesson; listens on 127.0.0.1 only, behind a login token (in the URL it prints).
FIRST_LESSON := $(firstword $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb)))

lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/$(FIRST_LESSON) \
		$(if $(filter 0,$(shell id -u)),--allow-root)

# ruff for style; lint-imports holds the package's layers ([tool.importlinter] in pyproject).
lint: setup
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/lint-imports --no-cache --no-logo

test: lint
	$(BIN)/python -m pytest --nbval

# Re-execute every lesson in place, top to bottom, in a fresh kernel each.
notebooks: setup
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
		--ExecutePreprocessor.store_widget_state=True --ExecutePreprocessor.record_timing=False \
		notebooks/[0-9]*.ipynb

# build/html/: every lesson executed fresh (widget state kept) and exported, plus index.html.
# The pages' JavaScript comes from package-lock.json (npm ci, run by the build when needed).
# The build is the package tools/htmlsite (python -m htmlsite --help).
html: setup
	PYTHONPATH=tools $(BIN)/python -m htmlsite

# build/slides/: each lesson as a reveal.js deck (cells marked as slides in its metadata),
# reveal.js vendored from package-lock.json, offline like the site.
slides: setup
	PYTHONPATH=tools $(BIN)/python -m htmlsite.slides

bench: setup
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_site.py

clean:
	rm -rf $(VENV) build
