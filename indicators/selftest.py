"""Running a catalogue's own examples: the test suite and `polcmp rules test` share this."""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue, Example, Indicator
from .extract import Extractor


@dataclass(slots=True)
class Failure:
    indicator: str
    sentence: str
    expected: str
    got: str


def _describe(value, qualifier, value_max=None) -> str:
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if value_max is not None:
        shown += f"–{value_max:g}" if isinstance(value_max, float) else f"–{value_max}"
    return f"{qualifier or '='} {shown}"


def check_example(extractor: Extractor, indicator: Indicator, example: Example) -> Failure | None:
    """None if the example holds: a positive one yields its value (and qualifier, and range);
    a counterexample yields no value for this indicator."""
    found = [v for v in extractor.extract_text(example.text) if v.indicator == indicator.id]
    got = ", ".join(_describe(v.value, v.qualifier, v.value_max) for v in found) or "nothing"
    if example.value is None:
        return Failure(indicator.id, example.text, "nothing", got) if found else None
    want_q = example.qualifier or "="
    for v in found:
        if abs(v.value - example.value) <= 1e-9 * max(1.0, abs(example.value)) and v.qualifier == want_q \
                and (example.value_max is None or v.value_max == example.value_max):
            return None
    return Failure(indicator.id, example.text, _describe(example.value, want_q, example.value_max), got)


def all_cases(catalogue: Catalogue):
    """(indicator, kind, number, example) for every example and counterexample, in file order."""
    for ind in catalogue.indicators:
        for k, ex in enumerate(ind.examples):
            yield ind, "example", k, ex
        for k, ex in enumerate(ind.counterexamples):
            yield ind, "counterexample", k, ex


def run_examples(catalogue: Catalogue, only: set[str] | None = None) -> tuple[int, list[Failure]]:
    """Check every case (or those of the `only` indicators): (number checked, failures)."""
    extractor = Extractor(catalogue)
    failures, n = [], 0
    for ind, _kind, _k, ex in all_cases(catalogue):
        if only and ind.id not in only:
            continue
        n += 1
        failure = check_example(extractor, ind, ex)
        if failure:
            failures.append(failure)
    return n, failures
