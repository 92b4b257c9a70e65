"""The extractor on the traps real reports set (shared/spec/indicators.md), sentence by sentence."""
from __future__ import annotations

import pytest


def values(extractor, text):
    return [(v.indicator, v.value, v.qualifier) for v in extractor.extract_text(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a list shares one verb; level words (市级以上) are not qualifiers
    ("新增创新型领军企业2家、高新技术企业35家、省科技型企业120家、市级以上企业研发机构15家",
     [("hightech_firms_new", 35, "="), ("tech_smes_new", 120, "="), ("rd_institutions_new", 15, "=")]),
    ("引育e类及以上高层次人才50人以上", [("high_level_talent", 50, ">=")]),
    # 分别 zips, 均 broadcasts
    ("城镇、农村常住居民人均可支配收入分别增长6.5%和7%以上",
     [("urban_income_growth", 6.5, "="), ("rural_income_growth", 7, ">=")]),
    ("城乡居民人均可支配收入分别增长3.8%和6.4%", [("urban_income_growth", 3.8, "="), ("rural_income_growth", 6.4, "=")]),
    ("高新产业增加值、高新产业投资分别增长15%、12%以上", [("hightech_industry_va_growth", 15, "=")]),
    ("财政总收入和地方财政收入均增长6.5%以上",
     [("fiscal_revenue_growth", 6.5, ">="), ("general_budget_revenue_growth", 6.5, ">=")]),
    # 都 as 均 (上海_2018)
    ("城镇调查失业率和登记失业率都稳定在4.3%以内",
     [("unemployment_surveyed", 4.3, "<="), ("unemployment_registered", 4.3, "<=")]),
    # a list of modifiers of one subject: no value is the city's exports
    ("对亚洲、非洲、北美洲的出口总值分别增长40%、30.7%、68.6%", []),
    # a second series reuses the subjects of the first
    ("城乡居民人均可支配收入分别达到48220元和18638元、增长6.5%和8.5%",
     [("urban_income_growth", 6.5, "="), ("rural_income_growth", 8.5, "=")]),
    # a growth clause inherits the subject of the amount before it; 下降 is negative
    ("地区生产总值完成2345亿元，增长5.6%", [("gdp_growth", 5.6, "=")]),
    ("完成一般公共预算收入91.58亿元，下降5.7%", [("general_budget_revenue_growth", -5.7, "=")]),
    ("研发经费支出占生产总值比重从1.19％提高到2%", [("rd_intensity", 2, "=")]),
    # ranges, 两位数, qualifiers before the number
    ("GDP增长5%-6%", [("gdp_growth", 5, ">=")]),
    ("力争规上工业增加值保持两位数增长", [("industrial_va_growth", 10, ">=")]),
    ("引进硕士以上人才超过550人", [("postgrad_intake", 550, ">")]),
    # a keyword inside another noun, person-times, percentage points, stock levels
    ("新增5万平方米人才公寓", []),
    ("开展职业技能培训2.5万人次以上", []),
    ("研发投入强度提高0.3个百分点", []),
    ("年内国家高新技术企业达到7000家以上", []),
    ("跨境电商出口增长98%", []),
    ("外贸进出口总额增长5%", [("trade_growth", 5, "=")]),   # total trade, never exports_growth
    ("人均生产总值增长6%", []),
    # the subject after the number, a minus sign, a base year, 首次突破, 城乡 with 均 (not 年均)
    ("力争新增55家国家高新技术企业和50家省级以上“专精特新”企业",
     [("hightech_firms_new", 55, "="), ("specialized_smes_new", 50, "=")]),
    ("支持3家企业争创国家高新技术企业", []),
    ("社会消费品零售总额增长-2.6%", [("retail_sales_growth", -2.6, "=")]),
    ("社会消费品零售总额比2016年增长29.6%", [("retail_sales_growth", 29.6, "=")]),
    ("全市实际利用外资首次突破3亿美元", [("fdi_actual", 300000000, ">")]),
    ("城乡常住居民人均可支配收入均增长6%", [("urban_income_growth", 6, "="), ("rural_income_growth", 6, "=")]),
    ("城乡居民人均可支配收入年均增长7.2%", []),
    # slogans and names
    ("紧密对接省“315”创新体系建设", []),
    ("依托1861文化创意产业园", []),
    ("引进“三类500强”项目18个以上", []),
])
def test_traps(extractor, text, expected):
    assert values(extractor, text) == expected


def test_soft_targets_and_value_ranges(extractor):
    [v] = extractor.extract_text("力争全社会研发经费投入占GDP比重达3.2%以上")
    assert (v.soft, v.value, v.qualifier) == (True, 3.2, ">=")
    [v] = extractor.extract_text("确保地区生产总值增长6%-6.5%")
    assert (v.soft, v.value, v.value_max) == (False, 6, 6.5)


def test_quote_and_offsets_point_at_the_text(extractor):
    text = "今年的主要预期目标是：地区生产总值增长６．５％左右，固定资产投资增长１０％。"
    rows = extractor.extract_text(text)
    assert [r.indicator for r in rows] == ["gdp_growth", "fixed_asset_investment_growth"]
    for r in rows:
        assert text[r.start:r.end] == r.raw
        assert r.raw in r.quote
    assert rows[0].raw == "６．５％左右" and rows[0].value == 6.5


def test_web_page_noise_is_not_report_text(extractor):
    text = "新增国家高新技术企业40家。\n221381\n领取福利\n微信扫码分享 新增高新技术企业99家\n"
    assert [(v.indicator, v.value) for v in extractor.extract_text(text)] == [("hightech_firms_new", 40)]


def test_review_section_values_are_achieved(extractor):
    text = ("一、2022年工作回顾\n全年地区生产总值增长5.1%。\n"
            "二、2023年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    rows = extractor.extract_text(text, year=2023)
    assert [(r.value, r.status) for r in rows] == [(5.1, "achieved"), (6, "target")]


@pytest.mark.parametrize(("text", "expected"), [
    # an earlier clause's subject reaches a growth clause with none of its own …
    ("地区生产总值达到1860亿元，比上年增长8%", [("gdp_growth", 8)]),
    ("预计实现生产总值640亿元，同比增长6.5%，其中，第一产业增加值86亿元，增长4.5%", [("gdp_growth", 6.5)]),
    # … not over another subject or over a rate already given
    ("地区生产总值增长8%，人均生产总值突破1万美元，增长7%", [("gdp_growth", 8)]),
    ("地区生产总值达到5000亿元，新增高新技术企业40家、增长20%", [("hightech_firms_new", 40)]),
    # a part of the place: in the subject's clause, or opening the sentence; 全市 overrides the latter
    ("5个山区市生产总值和地方一般预算收入分别增长17.6%、27.8%", []),
    ("加快开发区建设，全市生产总值增长8%", [("gdp_growth", 8)]),
    ("做强重点产业园区，推动地区生产总值年均增长10%以上", [("gdp_growth", 10)]),
])
def test_subjects_of_earlier_clauses_and_parts_of_the_place(extractor, text, expected):
    assert [(v.indicator, v.value) for v in extractor.extract_text(text)] == expected


def test_the_reports_own_name_is_the_whole_place(extractor):
    text = "北京市生产总值达到4283.3亿元，比上年增长13.2%。"
    assert [(v.indicator, v.value) for v in extractor.extract_text(text, place="北京")] == [("gdp_growth", 13.2)]
    assert extractor.extract_text(text, place="上海") == []   # another place's figure
    # a province's city of the same name is a part of it
    assert extractor.extract_text("吉林市生产总值增长6%。", place="吉林省") == []


def test_a_target_restated_beside_its_result_is_no_result(extractor):
    # 江西省_2019: 4.5 is the year's target, named as such; only 3.44 is the result
    text = "一、2018年工作回顾\n过去一年，城镇登记失业率3.44%，控制在4.5%的目标内。"
    assert [(v.value, v.status) for v in extractor.extract_text(text, year=2019)] == [(3.44, "achieved")]


def test_the_verb_that_closes_a_list_gives_every_item_its_sign(extractor):
    # 延边朝鲜族自治州_2021: 下降 after the second subject is the first's too
    text = "今年主要预期目标是：单位GDP能耗和二氧化碳排放量下降2.6%、3.1%。"
    assert [(v.indicator, v.value) for v in extractor.extract_text(text, year=2021)] == [
        ("energy_intensity_change", -2.6)]
