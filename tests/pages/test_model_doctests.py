"""The doctests of each lesson's model modules (``--doctest-modules`` does not look in ``pages/``).

Collecting ``pages/`` with ``--doctest-modules`` would import the page scripts, which draw the page;
so each pure-NumPy model module's examples run here, one test per documented object, with the
option flags of ``pyproject.toml`` and pytest's own output checker.
"""

from __future__ import annotations

import doctest
import importlib

import pytest
from _pytest.doctest import _get_checker  # pytest's checker: it understands the NUMBER flag

MODEL_MODULES = (
    "pages.batch.model",
    "pages.binary.model",
    "pages.binary.naive_versus_stable",
    "pages.derivation.model",
    "pages.playground.model",
    "pages.stability.model",
    "pages.stability.shift_and_log",
    "pages.training.datasets",
    "pages.training.model",
)
# pytest registers NUMBER (floats match to the precision written); registering again returns it.
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.register_optionflag("NUMBER")


def _examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    found = []
    for name in MODEL_MODULES:
        module = importlib.import_module(name)
        found += [test for test in finder.find(module) if test.examples]
    return sorted(found, key=lambda test: test.name)


@pytest.mark.parametrize("test", _examples(), ids=lambda test: test.name)
def test_model_docstring_example(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(checker=_get_checker(), optionflags=FLAGS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0, f"doctest {test.name} failed (see above)"
