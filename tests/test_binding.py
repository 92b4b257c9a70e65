"""Which subject a number belongs to, where a careful reader binds it across the clause.

Each case has sentences that must bind (examples) and sentences where a trap must not fire
(counterexamples); most are real, from shared/corpus or shared/panel (the file is named in
the comment), the rest are the brief's own wording.
"""
from __future__ import annotations

import pytest


def values(extractor, text):
    return [(v.indicator, v.value, v.qualifier) for v in extractor.extract_text(text)]


# a. an aside on how a figure is compared stands between a subject and its number
ASIDES = [
    ("一般公共预算收入按可比口径增长6.2%", [("general_budget_revenue_growth", 6.2, "=")]),
    ("地方一般公共预算收入剔除留抵退税因素后增长8.1%", [("general_budget_revenue_growth", 8.1, "=")]),
    # 固原_2022
    ("全市经济社会发展的主要预期目标是：地区生产总值增长7％以上，地方一般公共预算收入剔除一次性因素后增长6.5％",
     [("gdp_growth", 7, ">="), ("general_budget_revenue_growth", 6.5, "=")]),
    # 常州_2023: the aside after the amount, before the growth it inherits the subject for
    ("一般公共预算收入631.8亿元，扣除留抵退税因素后增长1.6%", [("general_budget_revenue_growth", 1.6, "=")]),
    # 普洱_2023: the aside ends its own clause
    ("社会消费品零售总额增长2.8%，地方一般公共预算收入扣除留抵退税因素后，同口径增长11.3%",
     [("retail_sales_growth", 2.8, "="), ("general_budget_revenue_growth", 11.3, "=")]),
    # 呼和浩特_2019: two asides in a row
    ("一般公共预算收入剔除减税降费政策因素、同口径增长5%左右", [("general_budget_revenue_growth", 5, "~")]),
    # 黑龙江省_2023: the aside before the subject
    ("剔除组合式税费支持政策因素一般公共预算收入增长9.3%", [("general_budget_revenue_growth", 9.3, "=")]),
    # 聊城_2021, 宁夏回族自治区_2005
    ("全市生产总值按可比口径年均增长4.9%", [("gdp_growth", 4.9, "=")]),
    ("实现社会消费品零售总额137.8亿元，扣除价格因素增长11%", [("retail_sales_growth", 11, "=")]),
]
ASIDE_TRAPS = [
    # 丹东_2020, 辽阳_2020: the adjusted rate is a second reading of a figure already given
    ("一般公共预算收入增长2.4%，扣除减税降费因素增长11.7%", [("general_budget_revenue_growth", 2.4, "=")]),
    ("一般公共预算收入实现95.3亿元，增长6.6%（如剔除减税降费因素影响，增长18.6%）",
     [("general_budget_revenue_growth", 6.6, "=")]),
    # 青海省_2004: 下降 inside the aside makes nothing negative, and spending is no revenue
    ("财政一般预算支出120亿元，增长1.2%，扣除国债专项资金下降因素按同口径比较，比上年增长9.5%", []),
    # 重庆_2020: tax revenue after the aside
    ("扣除减税因素后全市税收增长6.6%左右", []),
    # 陕西省_2009: rates before a 分别 series are no amounts to pair it with
    ("预计城镇居民人均可支配收入12463元、农民人均纯收入3100元以上，均增长17％左右，扣除价格因素分别增长11％和10％以上",
     [("rural_income_growth", 17, "~")]),
]


# b. a count before its noun, the noun opening with a level word
COUNT_FIRST = [
    ("新增38家国家级专精特新“小巨人”企业", [("little_giants_new", 38, "=")]),
    ("新增12家省级专精特新中小企业", [("specialized_smes_new", 12, "=")]),
    ("新增106家国家级专精特新“小巨人”企业", [("little_giants_new", 106, "=")]),   # 广州_2025
    ("新增14家省级企业技术中心", [("rd_institutions_new", 14, "=")]),              # 江门_2020
    ("新增5家省级智能工厂", [("smart_factories_new", 5, "=")]),                    # 烟台_2025
    ("培育6个省级智能车间（工厂）", [("smart_factories_new", 6, "=")]),             # 濮阳_2022
    ("靶向引进100名“高精尖”人才", [("high_level_talent", 100, "=")]),              # 太原_2022
    # a few words may qualify a subject that ends the noun phrase: 武汉_2018, 武汉_2016, 广东省_2018
    ("鼓励外企设立外资研发中心，新增10家跨国公司研发机构", [("rd_institutions_new", 10, "=")]),
    ("力争引进不少于2名产业顶尖领军人才、200名企业高层次人才",
     [("high_level_talent", 2, ">="), ("high_level_talent", 200, "=")]),
    ("新引进46个创新创业团队和33名领军人才，新增5位“两院”院士",
     [("high_level_talent", 33, "="), ("high_level_talent", 5, "=")]),
]
COUNT_FIRST_TRAPS = [
    # the noun after one count is no subject of the next: each count names its own after it
    # 钦州_2023, 阳江_2022, 抚州_2022, 上海_2023
    ("新增60家国家高新技术企业、1家国家级智能制造标杆企业、2家国家级绿色工厂", [("hightech_firms_new", 60, "=")]),
    ("新增27家省级工程技术研究中心、4家省级新型研发机构", []),
    ("新增1家上市公司、8家专精特新“小巨人”企业、16家省级瞪羚企业和潜在瞪羚企业", [("little_giants_new", 8, "=")]),
    ("培育4家国家级标杆智能工厂、8家国家级智能制造示范工厂、30个工业互联网平台",
     [("smart_factories_new", 4, "="), ("smart_factories_new", 8, "=")]),
    ("新增30家高新技术企业、20家省级企业技术中心", [("hightech_firms_new", 30, "="), ("rd_institutions_new", 20, "=")]),
    # 江苏省_2023, 太原_2022: a count followed by a noun borrows no subject from an earlier clause
    ("全年新增48家国家制造业单项冠军和424家国家专精特新“小巨人”企业，新增4个国家先进制造业集群",
     [("little_giants_new", 424, "=")]),
    ("靶向引进100名“高精尖”人才，培育1000名优秀工匠和卓越工程师", [("high_level_talent", 100, "=")]),
    # 四川省_2013: words after the subject make it no count of it (the count is of workers)
    ("对初次创业并吸纳3名以上劳动者就业的高校毕业生给予1万元补贴", []),
    ("引进1111名“双一流”高校毕业生", []),
]


# c. a list item that is only a level word counts the list's noun at that level
LEVEL_ITEMS = [
    ("新增专精特新企业国家级12家、省级45家", [("little_giants_new", 12, "="), ("specialized_smes_new", 45, "=")]),
    # 新乡_2022, 桂林_2022: national 专精特新 firms are the little giants
    ("新增国家级“专精特新”企业10家、省级80家以上",
     [("little_giants_new", 10, "="), ("specialized_smes_new", 80, ">=")]),
    ("新增国家级“专精特新”企业8家、自治区级24家", [("little_giants_new", 8, "="), ("specialized_smes_new", 24, "=")]),
    # 云南省_2010, 山东省_2003
    ("新增认定国家级企业技术中心1家、省级25家", [("rd_institutions_new", 1, "="), ("rd_institutions_new", 25, "=")]),
    ("全省建成国家级企业技术中心36家、省级148家", [("rd_institutions_new", 36, "="), ("rd_institutions_new", 148, "=")]),
]
LEVEL_TRAPS = [
    # 六盘水_2023: the list's noun is no indicator's
    ("新增国家级乡村旅游重点村镇1个、省级8个", []),
    # 内蒙古自治区_2004: 其中 opens a part of a stock total, not a list item
    ("高新技术企业突破200家，其中国家级10家", []),
    # a place word (全市, 新区) at the end of a lead is no level
    ("全市12家", []),
]


# d. a share with no subject of its own belongs to the subject of the clause before
SHARES = [
    ("全社会研发投入120亿元，占GDP比重2.8%", [("rd_intensity", 2.8, "=")]),
    ("全社会研发投入680亿元，占地区生产总值比重达2%", [("rd_intensity", 2, "=")]),      # 江苏省_2010
    ("全省研发经费支出约4600亿元、占地区生产总值比重达3.39%", [("rd_intensity", 3.39, "=")]),   # 广东省_2024
    # 广州_2021: the share after a growth, from … to …
    ("全社会研发投入年均增长15.6%，占地区生产总值比重由2.1%提高到3%",
     [("rd_spending_growth", 15.6, "="), ("rd_intensity", 3, "=")]),
    # 益阳_2023, 长春_2024
    ("力争全社会研发投入增速达到12%以上，占GDP比重达到2.1%",
     [("rd_spending_growth", 12, ">="), ("rd_intensity", 2.1, "=")]),
    ("数字经济核心产业增加值达到570亿元，占GDP比重达到7.8%", [("digital_core_va_share", 7.8, "=")]),
]
SHARE_TRAPS = [
    # 厦门_2018, 保山_2023: shares of subjects no indicator has
    ("服务业增加值增长7.9%，占GDP比重57.7%", []),
    ("民营经济完成增加值830.3亿元、增长7%，占地区生产总值比重达65.8%", []),
    # 黄石_2019: a change in percentage points is no share
    ("高新技术产业增加值增长12.4%，占GDP比重提高2.4个百分点", [("hightech_industry_va_growth", 12.4, "=")]),
    # the nearest subject is another one: the share is not R&D's
    ("全社会研发投入增长12%，高新技术产业增加值增长15%，占GDP比重达到12%",
     [("rd_spending_growth", 12, "="), ("hightech_industry_va_growth", 15, "=")]),
]


# e. one verb (or the first item's words) over a list of different nouns
SHARED_WORDS = [
    ("实际利用外资5亿美元、内资300亿元", [("fdi_actual", 500000000, "=")]),
    ("新增高新技术企业50家、科技型中小企业120家", [("hightech_firms_new", 50, "="), ("tech_smes_new", 120, "=")]),
    # 南京_2020, 哈尔滨_2017: 实际利用 covers 外资 too
    ("实际利用内资2567亿元、外资41亿美元", [("fdi_actual", 4100000000, "=")]),
    ("实际使用内资7525亿元、外资131亿美元", [("fdi_actual", 13100000000, "=")]),
    # 日喀则_2023, 濮阳_2022, 福建省_2023: the item continues the first item's subject
    ("规上工业产值增长15%、增加值增长10%以上", [("industrial_va_growth", 10, ">=")]),
    ("研发经费投入增长19%以上、投入强度达到1.51%", [("rd_spending_growth", 19, ">="), ("rd_intensity", 1.51, "=")]),
    ("新增专精特新中小企业300家以上、“小巨人”企业100家以上",
     [("specialized_smes_new", 300, ">="), ("little_giants_new", 100, ">=")]),
]
SHARED_WORDS_TRAPS = [
    # 亳州_2021, 呼和浩特_2022: a full noun is a subject of its own, not a kind of the first
    ("引进高层次人才174人、急需紧缺人才1064人", [("high_level_talent", 174, "=")]),
    ("引进高层次医学人才100名以上、培养本土人才100名以上", [("high_level_talent", 100, ">=")]),
    # 泉州_2025, 日照_2021: 高层次 of the first item does not reach the next noun
    ("新引进高层次人才团队15个以上、各类人才10万名", []),
    ("引进高层次创新创业团队60个、创新人才400人", []),
]


# f. a quoted kind before a subject narrows it
QUOTED_KINDS = [
    # 武汉_2026: the indicator's own subject takes the quoted name in (两院院士)
    ("新增“两院”院士11位", [("high_level_talent", 11, "=")]),
    # a masked period name narrows nothing
    ("“十四五”时期地区生产总值年均增长6%", [("gdp_growth", 6, "=")]),
]
QUOTED_KIND_TRAPS = [
    ("“三新”产品出口增长12%", []),
    ("“机电”产品出口增长12%", []),
    ("高新技术产品出口增长12%", []),
    ("机电产品出口增长11.9%", []),                                  # 福建省_2024
    ("锂电池等“新三样”出口增长49.8%", []),                          # 福建省_2024
    ("“新三样”出口增长37%", []),                                    # 山东省_2026
    ("电动载人汽车、锂电池、太阳能电池等“新三样”出口分别增长43.9%、50.5%和0.9%", []),
    ("“新三样”出口额突破1000亿元，增长30%", []),
    ("“一点一线”地区生产总值增长12.9％", []),                        # 湖南省_2007
    ("引进高端专家186位、“双一流”高校毕业生569人", []),              # 菏泽_2021
]


# g. a specific kind named before 等 beats the generic class after it
EXAMPLES_BEFORE_CLASS = [
    ("引进博士等青年人才300人", [("postgrad_intake", 300, "=")]),
    ("引进博士研究生人才50人", [("postgrad_intake", 50, "=")]),
    # 濮阳_2022: the examples and the class are one indicator's
    ("柔性引进中国工程院院士等高层次人才33人", [("high_level_talent", 33, "=")]),
]
EXAMPLE_TRAPS = [
    # 湖州_2024: the class (各类人才) is no indicator's subject; the examples do not make it one
    ("聚引大学生等各类人才9.8万名", []),
    ("引进博士等青年人才公寓300套", []),
]


@pytest.mark.parametrize(("text", "expected"), [
    *ASIDES, *ASIDE_TRAPS, *COUNT_FIRST, *COUNT_FIRST_TRAPS, *LEVEL_ITEMS, *LEVEL_TRAPS, *SHARES, *SHARE_TRAPS,
    *SHARED_WORDS, *SHARED_WORDS_TRAPS, *QUOTED_KINDS, *QUOTED_KIND_TRAPS, *EXAMPLES_BEFORE_CLASS, *EXAMPLE_TRAPS,
])
def test_binding(extractor, text, expected):
    assert values(extractor, text) == expected


def test_quote_of_a_bound_value_runs_from_the_subject(extractor):
    """A share or growth bound to an earlier subject quotes from that subject's clause, so the
    reader sees what it is a share of."""
    [intensity] = [v for v in extractor.extract_text("全社会研发投入120亿元，占GDP比重2.8%") if v.indicator == "rd_intensity"]
    assert intensity.quote == "全社会研发投入120亿元，占GDP比重2.8%"


def test_asides_keep_offsets(extractor):
    """Asides are blanked in the working text only: raw and offsets point into the report."""
    text = "地方一般公共预算收入剔除留抵退税因素后增长8.1%"
    [value] = extractor.extract_text(text)
    assert text[value.start:value.end] == value.raw == "8.1%"
    assert value.quote == text
