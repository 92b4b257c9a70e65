"""Reports that name themselves: place and year from the text, None rather than a guess."""
from __future__ import annotations

import shutil

import pytest

from polcmp.cli.status import ExitCode
from conftest import SEEDS, TESTS
from polcmp.indicators.corpus import Corpus
from polcmp.indicators.errors import ReportError
from polcmp.indicators.places import canonical_place, place_and_year, short_forms
from polcmp.indicators.normalise import mask, reading_copy
from polcmp.indicators.reports import read_report
from test_cli import polcmp

FIXTURES = TESTS / "fixtures" / "naming"
OPENING = "各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n\n"


def named(text: str) -> tuple[str | None, int | None]:
    plain, _ = reading_copy(text)
    return place_and_year(mask(plain), plain)


# ------------------------------------------------------------------ one cue at a time

@pytest.mark.parametrize(("head", "place", "year"), [
    # the title line, with the year before or after the place
    ("2021年广安市政府工作报告\n\n" + OPENING, "广安", 2021),
    ("广安市2021年政府工作报告\n\n" + OPENING, "广安", 2021),
    # the subtitle: delivery date and congress
    ("政府工作报告\n——2021年1月12日在广安市第五届人民代表大会第六次会议上\n\n" + OPENING, "广安", 2021),
    # a date in Chinese numerals, the zero written as a digit too
    ("——二〇一五年一月二十八日在河南省第十二届人民代表大会第四次会议上\n\n" + OPENING, "河南省", 2015),
    ("——二0一四年一月十五日在内蒙古自治区第十二届人民代表大会第二次会议上\n\n" + OPENING, "内蒙古自治区", 2014),
    # the speaker's line, with the year from the date in brackets
    ("（2005年1月19日）\n\n广安市人民政府市长 张三\n\n" + OPENING, "广安", 2005),
    # 我代表XX人民政府, the year from the first review heading
    ("各位代表：\n\n现在，我代表芝罘区人民政府，向大会报告工作。\n\n一、2022年工作回顾\n\n", "芝罘", 2023),
    # the national report
    ("——2010年3月5日在第十一届全国人民代表大会第三次会议上\n\n国务院总理 温家宝\n\n各位代表：\n\n"
     "现在，我代表国务院向大会作政府工作报告。\n", "全国", 2010),
])
def test_head_cues(head, place, year):
    assert named(head) == (place, year)


def test_a_report_read_in_december_is_for_the_next_year():
    head = "——2021年12月21日在兰州市第十七届人民代表大会第一次会议上\n\n兰州市人民政府市长 张伟文\n\n" + OPENING
    assert named(head) == ("兰州", 2022)


@pytest.mark.parametrize(("heading", "year"), [
    ("一、2021年工作回顾", 2022),
    ("一、“十三五”时期工作回顾", 2021),          # a whole five-year plan reviewed: its next year
    ("三、2023年主要任务", 2023),
    ("二、全力做好2012年各项工作", 2012),
])
def test_year_from_headings(heading, year):
    assert named("市长 张三\n\n" + OPENING + heading + "\n\n正文。\n")[1] == year


def test_headings_that_disagree_give_no_year():
    text = OPENING + "2009年政府主要工作\n\n正文。\n\n扎实做好2010年政府工作\n\n正文。\n"
    assert named(text)[1] is None


def test_a_date_the_text_contradicts_is_dropped():
    """A site's date line says 2010, the report is all about 2002 (a 2003 report)."""
    body = "".join(f"2002年，全省生产总值增长{n}%。" for n in range(10))
    assert named("（2010年2月20日 张三）\n\n" + OPENING + body)[1] is None


def test_a_head_that_names_only_its_level_is_named_from_the_body():
    head = "省长 张三\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n\n"
    body = "推进平安江西建设。江西制造走向全国。扩大江西文化影响力。江西银行上市。美丽江西。湖南、湖北同行。\n"
    assert named(head + body)[0] == "江西省"
    formal = head + "在中共湖南省委的坚强领导下，我们……\n"
    assert named(formal)[0] == "湖南省"
    city = "市长 张三\n\n" + OPENING + "邵阳发展。" * 6 + "对接长沙、株洲。\n"
    assert named(city)[0] == "邵阳"
    assert named("市长 张三\n\n" + OPENING + "邵阳发展。长沙发展。\n")[0] is None   # neither stands out


def test_a_headless_report_needs_its_own_words_to_agree():
    """No head: the place named most, if the report speaks as that level (全市 for a city)."""
    city = "全市上下。" * 3 + "建设幸福石家庄。" * 6 + "融入河北。\n"
    assert named(city)[0] == "石家庄"
    province = "全省上下。" * 3 + "哈尔滨冰雪。" * 9 + "龙江振兴。\n"   # a province names its capital most
    assert named(province)[0] is None
    assert named("建设幸福石家庄。" * 6)[0] is None                      # no level at all


@pytest.mark.parametrize(("body", "place"), [
    ("临海发展。" * 9 + "融入台州。" * 3, "临海"),        # a county-level city, not its prefecture
    ("长春发展。" * 6 + "吉林省委。" * 9, "长春"),          # 吉林省 is not the city of 吉林
    ("邵阳发展。" * 6 + "交流合作。" * 30, "邵阳"),          # 合作 is a word before it is a city
])
def test_city_counts_are_not_fooled(body, place):
    assert named("市长 张三\n\n" + OPENING + body)[0] == place


def test_an_autonomous_prefecture_gets_its_full_name():
    head = "2021年1月9日在伊犁州第十四届人民代表大会第五次会议上\n\n伊犁州州长 张三\n\n" + OPENING
    assert named(head) == ("伊犁哈萨克自治州", 2021)



def test_place_names_file_lists_provinces_and_prefectures_in_file_name_form():
    names = short_forms()
    assert len(names) == 34 + 30 and sum(n.endswith("自治州") for n in names) == 30
    assert all(canonical_place(n) == n and forms and all(len(f) >= 2 for f in forms) for n, forms in names.items())


def test_real_heads():
    """Copied from the shared corpus (a few lines each)."""
    shanghai = ("上海市市长 龚正\n\n各位代表：\n\n现在，我代表上海市人民政府，向大会报告工作，请予审议。"
                "请各位政协委员和其他列席人员提出意见。\n\n一、过去五年工作回顾\n")
    assert named(shanghai)[0] == "上海"
    ili = ("2021年1月9日在伊犁州第十四届人民代表大会第五次会议上\n\n伊犁州州长 库尔玛什·斯尔江\n\n各位代表：\n\n"
           "现在，我代表自治州人民政府向大会报告工作，请予审议，并请自治州政协委员和其他列席人员提出意见。\n")
    assert named(ili) == ("伊犁哈萨克自治州", 2021)
    zigong = ("2022年12月28日在自贡市第十八届人民代表大会第二次会议上\n\n自贡市人民政府市长曾洪扬\n\n各位代表：\n")
    assert named(zigong) == ("自贡", 2023)


# ------------------------------------------------------------------ never a made-up place

@pytest.mark.parametrize("text", [
    "在肯定成绩的同时，我们也清醒地认识到，发展中还存在一些问题。\n",       # an excerpt: no head
    "各位代表：\n\n现在，我代表省委省政府和全省人民向大会报告工作。\n",         # 省委省政府和 is no place
    "市长 张三\n\n" + OPENING + "全市上下团结奋斗，圆满完成市十四届人大确定的任务。\n",  # a level, no name
    "——2021年2月1日在广安市第五届人民代表大会第六次会议上\n\n南充市市长 张三\n\n" + OPENING,  # cues disagree
    "赵克志省长在省十一届人大五次会议上作政府工作报告\n\n" + OPENING,           # a person, not a place
])
def test_no_reliable_cue_gives_none(text):
    assert named(text)[0] is None


def test_canonical_place_is_the_file_name_form():
    assert [canonical_place(n) for n in ("临海市", "芝罘区", "云南省", "内蒙古自治区", "上海市", "武汉市")] == \
        ["临海", "芝罘", "云南省", "内蒙古自治区", "上海", "武汉"]


# ------------------------------------------------------------------ renamed files

def test_renamed_reports_name_themselves(tmp_path):
    """Reports copied to report_N.txt: each is named right, or not at all; never wrongly."""
    originals = sorted(SEEDS.glob("*.txt")) + sorted((TESTS / "corpus").glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    right = 0
    for n, original in enumerate(originals, 1):
        copy = tmp_path / f"report_{n}.txt"
        shutil.copy(original, copy)
        report = read_report(copy)
        place, year = original.stem.split("_")
        assert report.place in (None, place), original.name
        assert report.year in (None, int(year)), original.name
        right += (report.place, report.year) == (place, int(year))
    assert right >= 8, f"{right} of {len(originals)} named"
    # the whole reports of tests/corpus all have a head that names them
    for n, original in enumerate(sorted((TESTS / "corpus").glob("*.txt"))):
        shutil.copy(original, tmp_path / f"whole_{n}.txt")
        assert read_report(tmp_path / f"whole_{n}.txt").place == original.stem.split("_")[0]


def test_an_unnamable_file_is_unreadable_in_a_corpus(tmp_path):
    shutil.copy(TESTS / "corpus" / "萍乡_2021.txt", tmp_path / "report_1.txt")
    shutil.copy(SEEDS / "永嘉_2024.txt", tmp_path / "report_2.txt")
    corpus = Corpus(tmp_path)
    assert [e.place for e in corpus.entries] == ["萍乡"]
    assert [e.path for e in corpus.unreadable] == [str(tmp_path / "report_2.txt")]
    with pytest.raises(ReportError, match="cannot tell which place"):
        corpus.resolve(str(tmp_path / "report_2.txt"))


def test_cli_names_the_unnamable_file_and_exits_1(tmp_path):
    shutil.copy(TESTS / "corpus" / "萍乡_2021.txt", tmp_path / "report_1.txt")
    shutil.copy(SEEDS / "永嘉_2024.txt", tmp_path / "report_2.txt")
    code, out, err = polcmp("places", "--corpus", str(tmp_path), "-f", "csv")
    assert code == ExitCode.PARTIAL
    assert "萍乡,2021" in out and "report_2" not in out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "report_2.txt" in lines[0] and "name it <place>_<year>.txt" in lines[0]
