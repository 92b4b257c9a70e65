"""The livelihood part of a target sheet: prices, unemployment, jobs, urbanisation, income.

Each indicator's own sentences are in rules.yaml (tests/test_rules_examples.py runs them); these
tests read whole target paragraphs, where the figures stand side by side and must not spill into
each other's columns, and check that `--group livelihood` reaches them."""
from __future__ import annotations

import csv
import io

from test_cli import polcmp

LIVELIHOOD = {"cpi_growth", "unemployment_surveyed", "unemployment_registered", "urban_jobs_new",
              "rural_labour_transfer", "urbanisation_rate", "income_growth"}

# 河南省_2020.txt: one sentence with every kind of livelihood target, two of them without a number
HENAN_2020 = ("今年经济社会发展的主要预期目标，按保持“三个同步”“三个高于”原则安排：生产总值增长7%，"
              "一般公共预算收入增长7%，居民人均可支配收入增长与经济增长同步，居民消费价格涨幅控制在3.5%左右，"
              "城镇新增就业110万人，城镇调查失业率和城镇登记失业率分别控制在5.5%左右、4.5%以内，"
              "常住人口城镇化率和户籍人口城镇化率分别提高1.5个和2个百分点，万元生产总值能耗降低2.2%左右。")

# 全国_2020.txt: the national targets
NATION_2020 = ("今年要优先稳就业保民生，坚决打赢脱贫攻坚战，努力实现全面建成小康社会目标任务；城镇新增就业900万人以上，"
               "城镇调查失业率6%左右，城镇登记失业率5.5%左右；居民消费价格涨幅3.5%左右；进出口促稳提质，国际收支基本平衡；"
               "居民收入增长与经济增长基本同步。")

# 内蒙古自治区_2016.txt: all residents, then urban and rural ones, each with its own growth
INCOMES = ("全体居民人均可支配收入增长8.5%，按常住地分，城镇居民人均可支配收入增长7.9%，"
           "农村居民人均可支配收入增长8%。")

# 河南省_2021.txt: new urban jobs next to rural labour moved into work
JOBS = "新增城镇就业122.6万人、农村劳动力转移就业45.8万人，高校毕业生就业形势总体稳定。"


def livelihood(extractor, text: str) -> dict[str, tuple]:
    found: dict[str, tuple] = {}
    for v in extractor.extract_text(text):
        if v.indicator in LIVELIHOOD:
            assert v.indicator not in found, f"{v.indicator} twice: {found[v.indicator]} and {v.value}"
            found[v.indicator] = (v.value, v.qualifier)
    return found


def test_a_provincial_target_sheet(extractor):
    # a target in words where the sheet gives no number (收入同步), nothing for a change of a
    # level (城镇化率提高1.5个百分点)
    assert livelihood(extractor, HENAN_2020) == {
        "income_growth": (None, None),
        "cpi_growth": (3.5, "~"),
        "urban_jobs_new": (1100000, "="),
        "unemployment_surveyed": (5.5, "~"),
        "unemployment_registered": (4.5, "<="),
    }


def test_the_national_target_sheet(extractor):
    assert livelihood(extractor, NATION_2020) == {
        "urban_jobs_new": (9000000, ">="),
        "unemployment_surveyed": (6, "~"),
        "unemployment_registered": (5.5, "~"),
        "cpi_growth": (3.5, "~"),
    }


def test_all_residents_urban_and_rural_incomes_stay_apart(extractor):
    values = {(v.indicator, v.value) for v in extractor.extract_text(INCOMES)}
    assert values == {("income_growth", 8.5), ("urban_income_growth", 7.9), ("rural_income_growth", 8)}


def test_urban_jobs_and_rural_labour_stay_apart(extractor):
    assert livelihood(extractor, JOBS) == {"urban_jobs_new": (1226000, "="),
                                           "rural_labour_transfer": (458000, "=")}


def test_the_livelihood_group_reaches_them(tmp_path):
    (tmp_path / "河南省_2020.txt").write_text(HENAN_2020 + "\n", encoding="utf-8")
    code, out, err = polcmp("compare", "河南省", "--corpus", str(tmp_path), "--group", "livelihood")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0, err
    assert set(rows) == {"cpi_growth", "urban_jobs_new", "unemployment_surveyed", "unemployment_registered",
                         "income_growth"}
    assert rows["income_growth"]["河南省 目标 2020 text"] == "与经济增长同步"
    assert (rows["cpi_growth"]["河南省 目标 2020"], rows["cpi_growth"]["河南省 目标 2020 qualifier"]) == ("3.5", "~")
