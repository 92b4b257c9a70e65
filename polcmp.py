"""polcmp: targets and results of Chinese government work reports, as pandas DataFrames.

    import polcmp
    rows = polcmp.extract("seeds/临海_2023.txt")          # one row per value, with its quote
    table = polcmp.compare(["临海", "永嘉", "龙港"])        # indicators × places
    panel = polcmp.track(["全国", "北京"], indicators=["gdp_growth"], corpus="../shared/panel")
    polcmp.write(panel, "panel.dta")                     # .csv .tsv .json .jsonl .xlsx .parquet .dta

This file is the package's front. In a checkout (and an editable install) it sits beside
`cli/` and `indicators/`; the wheel installs it as `polcmp/__init__.py` with those two folders
inside (pyproject.toml maps them). Either way its folder is the package's search path, so
they are `polcmp.cli` and `polcmp.indicators`, and polcmp adds one top-level import name.
"""
import os as _os

__path__ = [_os.path.dirname(_os.path.abspath(__file__))]

__all__ = ["extract", "compare", "track", "catalogue", "explain", "read_numbers", "write", "PolcmpError"]


def __getattr__(name: str):
    """The API loads on first use: the command line imports this package too, and `polcmp
    extract` must not pay for pandas."""
    if name in __all__:
        from polcmp.indicators import api
        return getattr(api, name)
    raise AttributeError(f"module 'polcmp' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)


if __name__ == "__main__":   # python -m polcmp in a checkout
    from polcmp.cli.main import run
    run()
