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
