"""One set of pins for conda, Binder and .venv; Binder builds from them and runs postBuild."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert len(pip_sections) == 1, "environment.yml must have exactly one pip: section"
    pins = {}
    for line in pip_sections[0]:
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"{line!r} in environment.yml is not pinned with =="
        pins[req.name.lower()] = spec.version
    return pins


def test_every_pin_is_the_version_installed():
    # Fails when environment.yml changed but .venv was not rebuilt, or the reverse.
    drift = {
        name: (version, importlib.metadata.version(name))
        for name, version in environment_pins().items()
        if importlib.metadata.version(name) != version
    }
    assert drift == {}, f"pinned vs installed: {drift}; run `make setup`"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def names(requirements: list[str]) -> set[str]:
    return {Requirement(line).name.lower() for line in requirements}


def test_environment_yml_pins_exactly_the_package_the_lessons_and_the_test_tools():
    # pyproject names them (unpinned); environment.yml pins each once, for conda, Binder, .venv.
    extras = project()["optional-dependencies"]
    pinned = extras["lessons"] + extras["test"] + extras["spark"]
    declared = names(project()["dependencies"]) | names(pinned)
    assert declared == set(environment_pins())
    assert all(not Requirement(line).specifier for line in pinned)


def test_pip_itself_is_pinned_and_is_the_one_installed():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    (pip,) = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("pip")]
    assert re.fullmatch(r"pip=[0-9.]+", pip), f"{pip!r}: pin pip with pip=VERSION"
    assert importlib.metadata.version("pip") == pip.removeprefix("pip=")


def test_dev_tools_are_pinned_in_pyproject_and_installed():
    for line in project()["optional-dependencies"]["dev"]:
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "=="
        assert importlib.metadata.version(req.name) == spec.version, line


def test_makefile_installs_what_environment_yml_pins():
    # `make setup` extracts the pip pins with sed; read what it wrote.
    written = ROOT / ".venv" / "requirements.txt"
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("running outside the project's .venv, which `make setup` builds")
    lines = [ln for ln in written.read_text().splitlines() if ln.strip()]
    assert {Requirement(ln).name.lower(): str(Requirement(ln).specifier)[2:] for ln in lines} == (
        environment_pins()
    )


def editable_installs(target: str) -> list[set[str]]:
    """The extras each `pip install --editable '.[...]'` in the Makefile rule ``target`` names."""
    rule = re.search(
        rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M
    )
    assert rule, f"the Makefile has no rule {target}"
    recipe = rule.group(1).replace("\\\n", " ")
    return [set(m.split(",")) for m in re.findall(r"--editable '\.\[([a-z,]+)\]'", recipe)]


def test_make_setup_installs_only_what_the_lessons_need_and_setup_dev_the_test_tools():
    # A reader's `make lab` gets the package and the lessons extra; `make test` adds the rest.
    assert editable_installs("$(STAMP)") == [{"lessons"}]
    assert editable_installs("$(DEV_STAMP)") == [{"lessons", "test", "dev", "spark"}]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^setup-dev: setup \$\(DEV_STAMP\)$", makefile, re.M)
    for target in ("lint", "test-fast", "bench"):
        assert re.search(rf"^{target}: .*setup-dev", makefile, re.M), target
    # Both install under the same pins: environment.yml's, as constraints.
    assert makefile.count("--constraint $(VENV)/requirements.txt --editable") == 2


def test_python_version_agrees():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    (python,) = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert python == "python=3.11"
    assert project()["requires-python"] == ">=3.11"


def test_binder_uses_the_same_environment_file():
    link = ROOT / "binder" / "environment.yml"
    assert link.is_symlink() and os.readlink(link) == "../environment.yml"
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK)
    code = [ln for ln in post.read_text().splitlines() if ln and not ln.startswith("#")]
    assert code[0] == "set -e", "postBuild must stop at its first failing step"


@pytest.mark.slow
def test_repo2docker_builds_the_conda_environment_and_runs_postbuild(tmp_path):
    # Binder's builder, without Docker: --no-build prints the Dockerfile it would build.
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        src, dst = ROOT / name.decode(), tmp_path / name.decode()
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            dst.symlink_to(os.readlink(src))
        elif src.exists():
            shutil.copy2(src, dst)
    repo2docker = Path(sys.executable).parent / "repo2docker"
    out = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert "Building conda environment for python=3.11" in log
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "binder/environment\.yml"', log)
    assert "RUN ./binder/postBuild" in log
    # The environment postBuild installs the package (and its `microavg` command) into is on
    # PATH, for kernels (ENV) and for terminals' login shells (/etc/profile.d): the README's
    # commands work there as they do under `make lab`.
    assert re.search(r"^ENV PATH=\$\{NB_PYTHON_PREFIX\}/bin:", log, re.MULTILINE)
    assert re.search(r"^COPY .* /etc/profile\.d/activate-conda\.sh$", log, re.MULTILINE)
    post = (ROOT / "binder" / "postBuild").read_text()
    assert re.search(r"^python -m pip install --no-deps --editable \.$", post, re.MULTILINE)


def test_readme_binder_badge_opens_the_first_lesson_of_the_configured_repository():
    repository = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["microavg"][
        "repository"
    ]
    badge = re.search(r"https://mybinder\.org/v2/gh/([^)\s]+)", (ROOT / "README.md").read_text())
    assert badge, "README.md has no Binder badge"
    first = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))[0].name
    assert badge.group(1) == f"{repository}/HEAD?urlpath=lab/tree/notebooks/{first}"


def test_dependencies_are_what_the_package_imports():
    # Every third-party module the package imports, anywhere (lazily too), as distributions;
    # microavg.spark alone imports the `spark` extra.
    imported = set()
    for path in (ROOT / "helpers" / "microavg").rglob("*.py"):
        if path.name == "spark.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"microavg", "__future__"}
    distributions = importlib.metadata.packages_distributions()
    needed = {distributions[module][0].lower() for module in third_party}
    assert needed == names(project()["dependencies"])


def test_the_spark_extra_is_what_microavg_spark_imports():
    tree = ast.parse((ROOT / "helpers" / "microavg" / "spark.py").read_text())
    imported = {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
    } | {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    third_party = imported - set(sys.stdlib_module_names) - {"microavg", "__future__"}
    distributions = importlib.metadata.packages_distributions()
    needed = {distributions[module][0].lower() for module in third_party}
    assert needed == names(project()["optional-dependencies"]["spark"])
