"""Catalogue validation: every problem reported at once, each with its path."""
from __future__ import annotations

import pytest
import yaml

from polcmp.indicators.catalogue import compile_catalogue, load_catalogue, resolve_rules_path
from polcmp.indicators.errors import CatalogueError

from conftest import ROOT

GOOD = yaml.safe_load((ROOT / "rules.yaml").read_text(encoding="utf-8"))


def problems(data) -> list[str]:
    with pytest.raises(CatalogueError) as e:
        compile_catalogue(data, "test.yaml")
    return e.value.problems


def with_indicator(**changes):
    data = yaml.safe_load(yaml.safe_dump(GOOD, allow_unicode=True))
    data["indicators"][3].update(changes)
    return data


def test_builtin_catalogue_loads():
    cat = load_catalogue(ROOT / "rules.yaml")
    assert len(cat.indicators) >= 25


@pytest.mark.parametrize(("changes", "expected"), [
    ({"patterns": ["{PCT}高新"]}, "indicators[3].patterns[0]: unknown fragment {PCT}"),
    ({"patterns": ["(unclosed"]}, "indicators[3].patterns[0]: regex does not compile"),
    ({"patterns": ["a?"]}, "indicators[3].patterns[0]: can match the empty string"),
    ({"patterns": ["(?<=增长)"]}, "indicators[3].patterns[0]: can match the empty string"),   # zero width
    ({"patterns": ["(?:研发)?(?:投入)*"]}, "indicators[3].patterns[0]: can match the empty string"),
    ({"exclude": "(?!x)"}, "indicators[3].exclude: can match the empty string"),
    ({"id": "rd_intensity"}, "indicators[3].id: duplicate id rd_intensity"),
    ({"unit": "斤"}, "indicators[3].unit: unknown unit 斤"),
    ({"group": "sports"}, "indicators[3].group: unknown group sports"),
    ({"colour": "red"}, "indicators[3].colour: unknown key"),
    ({"examples": [{"text": "x", "value": "many"}]}, "indicators[3].examples[0].value: must be a number"),
])
def test_each_problem_has_its_path(changes, expected):
    assert any(p.startswith(expected) for p in problems(with_indicator(**changes))), expected


def test_all_problems_are_reported_together():
    found = problems(with_indicator(unit="斤", group="sports", patterns=["{PCT}"]))
    assert len(found) == 3


def test_not_a_catalogue():
    assert problems(["a", "list"]) == ["top level must be a mapping with 'indicators'"]
    assert "indicators: must be a non-empty list" in problems({"units": {"%": ["%"]}})


def test_rules_path_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("POLCMP_RULES", raising=False)
    assert resolve_rules_path().name == "rules.yaml"
    monkeypatch.setenv("POLCMP_RULES", str(tmp_path / "env.yaml"))
    assert resolve_rules_path() == tmp_path / "env.yaml"
    assert resolve_rules_path(tmp_path / "flag.yaml") == tmp_path / "flag.yaml"
