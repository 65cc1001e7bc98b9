# microavg: the tutorial's commands. `make setup` once (it is quick when already done),
# then `make lab` to read and play, `make test` for everything CI checks.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LINTED := helpers tests benchmarks notebooks tools

.PHONY: setup lab test lint notebooks html slides bench clean

setup: $(STAMP)

# Pins come from environment.yml's pip section, so conda, Binder and .venv share versions.
$(STAMP): environment.yml pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	sed -n 's/^ *- \([A-Za-z0-9_.-]*==[^ #]*\).*/\1/p' environment.yml > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r $(VENV)/requirements.txt --editable '.[test]'
	touch $@

# Serves the repository (as Binder does, so the lessons' links to README.md work) and opens
# the first lesson; listens on 127.0.0.1 only, behind a login token (in the URL it prints).
FIRST_LESSON := $(firstword $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb)))

lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/$(FIRST_LESSON) \
		$(if $(filter 0,$(shell id -u)),--allow-root)

lint: setup
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

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
