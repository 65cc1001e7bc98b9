"""Many classifiers at once: sliders for a simulation of a few hundred classifiers, and
micro-F1 and macro-F1 against accuracy as two scatter plots, drawn in the page.

The page simulates with ``static/prng.js``, the same generator as
:mod:`microavg.simulation`, so the same settings give the same classifiers there and here.

>>> from microavg.explorers import many_classifiers
>>> many = many_classifiers(20)
>>> found = many.scores()
>>> bool((found["micro_f1"] == found["accuracy"]).all())
True
>>> many.skill = 2
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: skill must be a finite real number from 0.0 to 1.0, got 2
"""

from __future__ import annotations

import numpy as np
import traitlets as t

from microavg.explorers import rules
from microavg.explorers.base import Explorer, front_end
from microavg.simulation import f1_against_accuracy, simulate_classifiers

__all__ = ["ManyClassifiers", "many_classifiers"]

PARAMETERS = tuple(rules.SIMULATION)


class ManyClassifiers(Explorer):
    """The many-classifiers explorer; build it with :func:`many_classifiers`.

    Attributes
    ----------
    n_classifiers : int
        How many classifiers, 1 to 2,000 (set when built).
    n_labels, n_samples, skill, imbalance, seed
        The simulation's parameters, as the sliders show them.
    """

    _esm = t.Unicode(front_end("many_classifiers")).tag(sync=True)
    n_classifiers = t.Any().tag(sync=True)
    n_labels = t.Any().tag(sync=True)
    n_samples = t.Any().tag(sync=True)
    skill = t.Any().tag(sync=True)
    imbalance = t.Any().tag(sync=True)
    seed = t.Any().tag(sync=True)

    _state = ("n_classifiers", *PARAMETERS)

    def _check(self, state: dict) -> dict:
        n = rules.whole("n_classifiers", state["n_classifiers"], 1, rules.MAX_CLASSIFIERS)
        return {"n_classifiers": n} | {
            name: rules.check_simulation(name, state[name]) for name in PARAMETERS
        }

    @property
    def params(self) -> dict[str, float]:
        """The simulation's parameters."""
        return {name: getattr(self, name) for name in PARAMETERS}

    def set(self, **params: float) -> None:
        """Move sliders, e.g. ``set(skill=0.5, seed=3)``: one edit, refused whole."""
        unknown = sorted(set(params) - set(PARAMETERS))
        if unknown:
            err = rules.RefusedEdit(
                f"{unknown[0]} is not a parameter: they are {', '.join(PARAMETERS)}"
            )
            self.message = f"Refused: {err}"
            raise err
        self.update(**params)

    def simulate(self) -> tuple[np.ndarray, np.ndarray]:
        """The classifiers shown: ``(y_true, y_pred)`` of :func:`simulate_classifiers`."""
        return simulate_classifiers(n_classifiers=self.n_classifiers, **self.params)

    def scores(self) -> dict[str, np.ndarray]:
        """Each classifier's accuracy, micro-F1 and macro-F1, by the engine."""
        return f1_against_accuracy(*self.simulate())

    def quantities(self) -> dict[str, float]:
        """The readout's numbers, keyed as the page tags them."""
        found = self.scores()
        acc, micro, macro = found["accuracy"], found["micro_f1"], found["macro_f1"]
        gap = macro - acc
        return {
            "classifiers": len(acc),
            "accuracy-min": float(acc.min()),
            "accuracy-max": float(acc.max()),
            "micro-gap": float(np.abs(micro - acc).max()),
            "macro-gap-min": float(gap.min()),
            "macro-gap-max": float(gap.max()),
        }


def many_classifiers(
    n_classifiers: int = 300,
    *,
    n_labels: int = 3,
    n_samples: int = 200,
    skill: float = 0.7,
    imbalance: float = 1.0,
    seed: int = 0,
) -> ManyClassifiers:
    """Simulate many classifiers and plot micro-F1 and macro-F1 against accuracy, live.

    Parameters
    ----------
    n_classifiers : int, default 300
        1 to 2,000.
    n_labels, n_samples, skill, imbalance, seed
        The sliders' starting values (ranges in :data:`microavg.explorers.rules.SIMULATION`).
    """
    return ManyClassifiers(
        n_classifiers=n_classifiers,
        n_labels=n_labels,
        n_samples=n_samples,
        skill=skill,
        imbalance=imbalance,
        seed=seed,
    )
