"""One test per example and counterexample in rules.yaml: `pytest -k gdp_growth`."""
from __future__ import annotations

import pytest

from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.selftest import all_cases, check_example

from conftest import ROOT

CASES = list(all_cases(load_catalogue(ROOT / "rules.yaml")))


@pytest.mark.parametrize(("indicator", "example"), [(ind, ex) for ind, _kind, _k, ex in CASES],
                         ids=[f"{ind.id}-{kind}-{k}" for ind, kind, k, _ex in CASES])
def test_example(extractor, indicator, example):
    failure = check_example(extractor, indicator, example)
    assert failure is None, f"{failure.sentence}: expected {failure.expected}, got {failure.got}"


def test_every_core_indicator_has_three_examples_and_a_counterexample(catalogue):
    core = """rd_intensity rd_spending_growth hightech_firms_new tech_smes_new specialized_smes_new
    rd_institutions_new hightech_industry_va_growth incubator_space_new talent_intake postgrad_intake
    high_level_talent skilled_talent digital_core_va_growth digital_core_va_share smart_factories_new
    gdp_growth industrial_va_growth fiscal_revenue_growth general_budget_revenue_growth
    fixed_asset_investment_growth retail_sales_growth exports_growth urban_income_growth
    rural_income_growth fdi_actual""".split()
    ids = [ind.id for ind in catalogue.indicators]
    assert set(core) <= set(ids)
    for ind_id in core:
        ind = catalogue.by_id(ind_id)
        assert len(ind.examples) >= 3, ind_id
        assert len(ind.counterexamples) >= 1, ind_id
