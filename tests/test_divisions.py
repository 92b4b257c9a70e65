"""Where a place belongs: divisions.tsv, locate() and its ambiguities, the columns, --province."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.divisions import (LEVELS, NATION_CODE, Ambiguous, Division, Unknown, division, find_province, locate,
                                  locate_report, parent_of)
from polcmp.indicators.reports import read_report

from conftest import ROOT, SEEDS, TESTS
from test_cli import polcmp

TSV = ROOT / "indicators" / "divisions.tsv"


def code(name: str, hint: str | None = None, text: str | None = None) -> str:
    found = locate(name, hint, text)
    assert isinstance(found, Division), getattr(found, "reason", found)
    return found.code


def test_the_table_parses_with_unique_codes_and_every_parent_present():
    lines = [line for line in TSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) > 3000
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert all(r["parent"] in set(codes) for r in rows if r["code"] != NATION_CODE)
    assert {r["level"] for r in rows} == set(LEVELS) and {r["status"] for r in rows} == {"current", "former"}
    assert sum(r["level"] == "province" and r["status"] == "current" for r in rows) == 34


def test_the_main_job_places_lie_in_zhejiang_under_their_prefectures():
    expected = {"临海": ("331082", "331000", "台州市"), "永嘉": ("330324", "330300", "温州市"),
                "龙港": ("330383", "330300", "温州市")}
    for path in sorted(SEEDS.glob("*_20*.txt")):
        report = read_report(path)
        if report.place not in expected:
            continue
        found = locate_report(report)
        assert isinstance(found, Division), found
        own, parent, parent_name = expected[report.place]
        assert (found.code, found.parent, parent_of(found).name, found.province) == (own, parent, parent_name, "浙江省")
        assert found.level == "county"


def test_a_province_keeps_its_ending_a_city_drops_it():
    """Files name the province 吉林省 and the city 吉林 (市 dropped): no ambiguity."""
    assert (locate("吉林省").level, locate("吉林").level) == ("province", "prefecture")
    assert locate("吉林").name == "吉林市" and locate("吉林").province == "吉林省"
    assert find_province("吉林").code == "220000"   # a user naming a province may leave 省 out


def test_same_named_districts_need_the_head():
    beijing, changchun = "110105", "220104"
    found = locate("朝阳区")
    assert isinstance(found, Ambiguous) and {d.code for d in found.candidates} == {beijing, changchun}
    assert "北京市朝阳区" in found.reason and "长春市朝阳区" in found.reason
    assert code("朝阳区", "——2023年1月5日在北京市朝阳区第十六届人民代表大会第三次会议上") == beijing
    assert code("朝阳区", "长春市朝阳区人民政府区长 张三") == changchun
    # the bare file stem 朝阳 is four units; a head naming 朝阳市 is the city
    assert len(locate("朝阳").candidates) == 4
    assert code("朝阳", "2021年朝阳市政府工作报告") == "211300"
    assert isinstance(locate("铁东"), Ambiguous)


def test_a_head_that_names_its_city_as_a_qualifier_is_the_district():
    assert code("广安", "广安市第五届人民代表大会") == "511600"
    assert code("广安", "广安市广安区第五届人民代表大会") == "511602"


def test_same_named_county_and_district_by_the_level_the_head_speaks_as():
    assert isinstance(locate("清河"), Ambiguous)    # 清河县 (河北) or 清河区 (铁岭)
    assert code("清河", "各位代表：\n现在，我代表县人民政府向大会报告工作") == "130534"
    assert code("清河", "现在，我代表区人民政府向大会报告工作") == "211204"


def test_the_text_places_a_name_by_the_province_and_prefecture_it_names():
    text = "鞍山市委坚强领导下，全区……鞍山钢铁……辽宁省"
    assert code("铁东", None, text) == "210302"
    # a city and its own county share their surroundings: the text cannot tell them apart
    assert isinstance(locate("朝阳", None, "辽宁省朝阳……辽宁"), Ambiguous)
    # evenly named surroundings tell nothing
    assert isinstance(locate("铁东", None, "鞍山 四平"), Ambiguous)


def test_a_place_that_cannot_be_placed_says_so():
    found = locate("火星")
    assert isinstance(found, Unknown) and "火星" in found.reason and "no administrative division" in found.reason


def test_municipalities_and_their_districts_and_counties():
    beijing = locate("北京")
    assert (beijing.code, beijing.level, beijing.province) == ("110000", "province", "北京市")
    haidian = locate("海淀")
    assert (haidian.level, haidian.parent, haidian.province) == ("district", "110000", "北京市")
    shizhu = locate("石柱土家族自治县")
    assert (shizhu.level, shizhu.parent) == ("county", "500000")
    nation = locate("全国")
    assert (nation.code, nation.level, nation.parent, nation.province) == ("100000", "nation", None, None)


def test_autonomous_prefectures_and_units_a_province_governs_itself():
    for name, own in (("伊犁哈萨克自治州", "654000"), ("博尔塔拉蒙古自治州", "652700")):
        found = locate(name)
        assert (found.code, found.level, found.parent, found.province) == (own, "prefecture", "650000", "新疆维吾尔自治区")
    assert (locate("神农架林区").level, locate("神农架林区").parent) == ("county", "420000")
    assert locate("济源").parent == "410000"


def test_former_units_still_resolve():
    laiwu = locate("莱芜市")
    assert (laiwu.status, laiwu.level) == ("former", "prefecture")
    assert isinstance(locate("莱芜"), Ambiguous)    # 莱芜市 (to 2018) or 济南's 莱芜区
    assert division("130502").formerly == "桥东区" and locate("桥东区", "邢台市桥东区").code == "130502"


def test_every_value_carries_its_place(extractor):
    values = extractor.extract(read_report(SEEDS / "临海_2023.txt"))
    assert values and {(v.place_code, v.place_level, v.province) for v in values} == {("331082", "county", "浙江省")}
    unplaced = extractor.extract_text("生产总值增长6%左右。", place="铁东", year=2023)
    assert unplaced and {(v.place_code, v.place_level, v.province) for v in unplaced} == {(None, None, None)}


@pytest.fixture
def zhejiang_slice(tmp_path):
    """A small corpus: two Zhejiang reports, one of 吉林省's cities, a province report, one unplaceable."""
    shutil.copy(TESTS / "corpus" / "台州_2021.txt", tmp_path)
    shutil.copy(TESTS / "corpus" / "白山_2020.txt", tmp_path)
    shutil.copy(SEEDS / "临海_2023.txt", tmp_path)
    (tmp_path / "浙江省_2023.txt").write_text("今年主要预期目标是：全省生产总值增长5%以上。\n", encoding="utf-8")
    (tmp_path / "铁东_2023.txt").write_text("今年主要预期目标是：生产总值增长6%左右。\n", encoding="utf-8")
    return tmp_path


def test_places_shows_the_columns_and_warns_once_per_unplaced_place(zhejiang_slice):
    code_, out, err = polcmp("places", "--corpus", str(zhejiang_slice), "-f", "json")
    rows = {r["place"]: r for r in json.loads(out)}
    assert code_ == ExitCode.OK
    assert (rows["临海"]["place_code"], rows["临海"]["place_level"], rows["临海"]["province"]) == ("331082", "county", "浙江省")
    assert (rows["浙江省"]["place_level"], rows["白山"]["province"]) == ("province", "吉林省")
    assert rows["铁东"]["place_code"] is None
    warnings = err.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("polcmp: 铁东:") and "Traceback" not in err


def test_compare_by_province_takes_its_places_province_first(zhejiang_slice):
    code_, out, err = polcmp("compare", "--province", "浙江", "--corpus", str(zhejiang_slice), "-f", "json",
                             "-i", "gdp_growth")
    assert code_ == ExitCode.OK, err
    columns = [k for k in json.loads(out)[0] if k.endswith(("2021", "2023"))]
    assert columns == ["浙江省 目标 2023", "台州 目标 2021", "临海 目标 2023"]
    assert "铁东" in err   # left out, and said so
    code_, out2, _ = polcmp("compare", "--in", "浙江省", "--corpus", str(zhejiang_slice), "-f", "json", "-i", "gdp_growth")
    assert out2 == out


def test_track_by_province(zhejiang_slice):
    code_, out, err = polcmp("track", "--province", "吉林省", "--corpus", str(zhejiang_slice), "-f", "json")
    assert code_ == ExitCode.OK, err
    assert {r["place"] for r in json.loads(out)} == {"白山"}


def test_an_unknown_province_is_one_line_and_cannot_run(zhejiang_slice):
    code_, out, err = polcmp("compare", "--province", "鲁", "--corpus", str(zhejiang_slice))
    assert code_ == ExitCode.CANNOT_RUN and out == ""
    assert err.strip().count("\n") == 0 and "--province 鲁" in err
    code_, _, err = polcmp("compare", "--province", "西藏", "--corpus", str(zhejiang_slice))
    assert code_ == ExitCode.CANNOT_RUN and "no report of a place in 西藏自治区" in err
