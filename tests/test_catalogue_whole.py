"""The `whole` key (figures of the whole place, not of a PART of it) is validated like the others."""
from __future__ import annotations

import pytest
import yaml

from polcmp.indicators.catalogue import compile_catalogue
from polcmp.indicators.errors import CatalogueError

from conftest import ROOT

GOOD = yaml.safe_load((ROOT / "rules.yaml").read_text(encoding="utf-8"))


def problems(data) -> list[str]:
    with pytest.raises(CatalogueError) as e:
        compile_catalogue(data, "test.yaml")
    return e.value.problems


def copy():
    return yaml.safe_load(yaml.safe_dump(GOOD, allow_unicode=True))


def test_whole_must_be_true_or_false():
    data = copy()
    data["indicators"][3]["whole"] = "yes"
    assert "indicators[3].whole: must be true or false" in problems(data)


def test_whole_needs_a_part_fragment():
    data = copy()
    del data["fragments"]["PART"]
    assert any(p.endswith("whole: needs a PART fragment (the words that name a part of the place)")
               for p in problems(data))


def test_the_builtin_economy_indicators_are_whole_place_figures():
    cat = compile_catalogue(copy(), "rules.yaml")
    assert cat.by_id("gdp_growth").whole and not cat.by_id("hightech_firms_new").whole
    assert "PART" in cat.fragments
