"""Random catalogues never crash polcmp: whatever YAML can hold, loading it either works or
raises CatalogueError with its problems (hypothesis)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from polcmp.indicators.catalogue import compile_catalogue
from polcmp.indicators.errors import CatalogueError

from test_catalogue import GOOD

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=12), st.sampled_from(["{WHOLE}", "增长", "(?<=x)", "a?", "(", "%", "家"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.one_of(st.text(max_size=8), st.integers()),
                                                                        inner, max_size=4)), max_leaves=12)
KEYS = ["id", "name", "group", "unit", "patterns", "link", "context", "exclude", "examples", "counterexamples",
        "plausible", "after", "whole", "ceiling", "description"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_a_random_indicator_is_a_problem_or_fine(changes):
    indicator = {**GOOD["indicators"][3], **changes}
    try:
        compile_catalogue({**GOOD, "indicators": GOOD["indicators"][:3] + [indicator]})
    except CatalogueError as e:
        assert e.problems


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["indicators", "fragments", "units", "groups", "coordinations"]), values,
                       max_size=4))
def test_a_random_top_level_is_a_problem_or_fine(top):
    try:
        compile_catalogue(top)
    except CatalogueError as e:
        assert e.problems


# Random patterns, hostile shapes among them, in each field that takes one: loading refuses
# them with a problem, or the catalogue reads a hostile report quickly.
PIECES = st.sampled_from(["a", "增长", "生产总值", ".", r"\d", r"\s", "[a增]", "(?<!的)", "(?<=全年)", "(?!后)",
                          "(?=增)", r"\b", "^", "$", "(a)", r"\1", "{WHOLE}", "{GROWTH}"])
QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "{2,5}", "{0,30}", "{32}", "*?"])
PATTERNS = st.recursive(
    st.tuples(PIECES, QUANTIFIERS).map("".join),
    lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=4).map("".join),
                            st.tuples(st.lists(inner, min_size=1, max_size=3).map("|".join), QUANTIFIERS)
                            .map(lambda t: f"(?:{t[0]}){t[1]}")),
    max_leaves=8)
HOSTILE_REPORT = ("a" * 2000 + "增长5%，全年生产总值增长6.5%，" + "增" * 500 + "新增企业12家。\n") * 5


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PATTERNS, st.sampled_from(["patterns", "context", "exclude", "link"]))
def test_a_random_pattern_is_refused_or_runs_quickly(pattern, key):
    import time

    from polcmp.indicators.extract import Extractor
    from polcmp.indicators.reports import report_from_text

    indicator = dict(GOOD["indicators"][3])
    indicator[key] = [pattern] if key == "patterns" else pattern
    try:
        catalogue = compile_catalogue({**GOOD, "indicators": GOOD["indicators"][:3] + [indicator]}, "mine.yaml")
    except CatalogueError as e:
        assert e.problems
        return
    extractor = Extractor(catalogue)
    started = time.monotonic()
    extractor.extract(report_from_text(HOSTILE_REPORT, "临海_2023.txt"))
    assert time.monotonic() - started < 5, pattern
