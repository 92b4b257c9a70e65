"""polcmp keywords and mentions on the seeds (that jieba stays out of extract and compare: test_startup.py)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from polcmp.indicators.normalise import fold_width
from polcmp.indicators.reports import read_report
from polcmp.indicators.words import log_odds_z

from conftest import SEEDS
from test_cli import polcmp

BOILERPLATE = {"各位代表", "进一步", "坚持", "推进", "加快", "我们", "发展", "建设", "工作", "全面", "深入", "实施"}


@pytest.fixture(scope="module")
def top10(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    code, out, err = polcmp("keywords", "临海", "永嘉", "龙港", "金华", "芝罘", "-f", "csv",
                            env={"POLCMP_CACHE": str(cache)})
    assert code == 0 and err == "", err          # jieba's start-up log never shows
    ranked: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(out)):
        ranked.setdefault(row["place"], []).append(row["term"])
    return ranked


def test_characteristic_terms(top10):
    assert "泵阀" in top10["永嘉 2024"] and "楠溪江" in top10["永嘉 2024"]
    assert "元宇宙" in top10["芝罘 2023"] and "核能" in top10["芝罘 2023"]
    assert "青龙湖" in top10["龙港 2023"]
    assert {"义乌", "横店"} <= set(top10["金华 2023"])
    for place in ("临海 2023", "永嘉 2024", "龙港 2023", "金华 2023", "芝罘 2023"):
        assert len(top10[place]) == 10
        assert not BOILERPLATE & set(top10[place]), place
        assert all(len(t) > 1 and not any(ch.isdigit() for ch in t) for t in top10[place])


def test_shared_terms_and_policy_terms_kept_whole(top10):
    shared = top10["(all places)"]
    assert "人才" in shared and "数字经济" in shared            # 数字经济 is one term, not 数字 + 经济


def test_log_odds_favours_what_one_side_uses_more():
    from collections import Counter
    prior = Counter({"企业": 1000, "泵阀": 1, "的": 5000})
    z = log_odds_z(Counter({"泵阀": 8, "企业": 10}), Counter({"企业": 12, "泵阀": 0}), prior)
    assert z["泵阀"] > 0 > z["企业"]


def test_warm_cache_reuses_counts(tmp_path):
    env = {"POLCMP_CACHE": str(tmp_path)}
    polcmp("keywords", "永嘉", "-f", "json", env=env)
    cached = list(tmp_path.rglob("*.json"))
    assert cached
    code, out, _ = polcmp("keywords", "永嘉", "-f", "json", env=env)
    assert code == 0 and json.loads(out)[0]["place"] == "永嘉 2024"
    assert list(tmp_path.rglob("*.json")) == cached


def test_mentions_match_a_plain_substring_count():
    code, out, _ = polcmp("mentions", "数字经济", "人才", "-f", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {r["place"] for r in rows} >= {"临海", "永嘉", "龙港", "金华", "芝罘"}
    for path in SEEDS.glob("*.txt"):
        text = fold_width(read_report(path).text)
        place = path.stem.split("_")[0]
        for term in ("数字经济", "人才"):
            mine = [r for r in rows if r["place"] == place and r["term"] == term]
            assert mine[0]["count"] == text.count(term)
            for r in mine:
                if r["quote"]:
                    assert term in r["quote"] and text[r["start"]:r["end"]] == r["quote"]
            sentences = {r["quote"] for r in mine if r["quote"]}
            assert sum(s.count(term) for s in sentences) == text.count(term)


def test_mentions_for_some_places_highlighted_table():
    code, out, _ = polcmp("mentions", "泵阀", "--places", "永嘉", "-f", "table")
    assert code == 0 and "永嘉 2024" in out and "泵阀" in out


@pytest.mark.parametrize("term", ["", " "])
def test_mentions_refuses_an_empty_term(term):
    code, out, err = polcmp("mentions", term, "数字经济")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "TERM" in err
