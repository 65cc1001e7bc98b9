"""The package's layout: every module name reaches a module, never a function of that name."""

from __future__ import annotations

import importlib
import pkgutil
import types

import microavg
import pytest

NAMES = sorted(info.name for info in pkgutil.iter_modules(microavg.__path__))


def test_the_engine_modules_are_there():
    assert {"counting", "counts", "metrics", "reduction", "targets"} <= set(NAMES)
    assert "scores" not in NAMES  # the function ma.scores, not a module


@pytest.mark.parametrize("name", NAMES)
def test_import_microavg_module_gives_the_module(name):
    if name == "__main__":
        pytest.skip("running it is the command line")
    module = importlib.import_module(f"microavg.{name}")
    assert isinstance(module, types.ModuleType)
    # `import microavg.NAME as m` reads the attribute: it must be the module itself.
    assert getattr(microavg, name) is module
