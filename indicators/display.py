"""Values written the way a researcher writes them (≥40家, ~5%, 5–6%, 1.2万人): shared by the
command line's tables and the HTML report."""
from __future__ import annotations

QUALIFIER_MARK = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "~"}
MISSING = "—"
WORDS_MARK = "「」"   # a target stated in words (与经济增长同步): set, but with no number


def format_value(value, unit: str, qualifier: str = "=", soft: bool = False, value_max=None, aim=None,
                 text: str | None = None) -> str:
    """A value the way a researcher writes it: ≥40家, ~5%, >550人, 1.2万人, 6亿美元, 5–6%; * marks 力争;
    ≥7% (8*) a floor with a higher aim; 「与经济增长同步」 a target in words."""
    if value is None:
        return f"{WORDS_MARK[0]}{text}{WORDS_MARK[1]}" if text else MISSING
    def number(x) -> str:
        if x is None:
            return ""
        if unit not in ("%", "个百分点") and abs(x) >= 10_000:
            for size, word in ((10**8, "亿"), (10**4, "万")):
                if abs(x) >= size and (x / size) == round(x / size, 2):
                    return f"{x / size:g}{word}"
        return f"{x:g}" if isinstance(x, float) else str(x)
    shown = number(value) + (f"–{number(value_max)}" if value_max is not None else "")
    mark = "" if value_max is not None else QUALIFIER_MARK.get(qualifier, qualifier)
    return f"{mark}{shown}{unit}" + ("*" if soft else "") + (f" ({number(aim)}*)" if aim is not None else "")
