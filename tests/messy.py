"""Ways users' copies of a report differ from the original, as functions text → text.

Each transform is what a mirror site, a reprint or an OCR pass does to a report, applied
everywhere it can apply (deterministic: a seeded random choice where a real copy would do it
here and there). A robust reader finds the same values in the copy as in the original:
tests/test_messy.py checks that on the seed reports, bench/bench_messy.py on whole corpora.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc
    return opencc.OpenCC(config)


def traditional(text: str) -> str:
    """Mainland text in traditional characters (a Hong Kong or Taiwan mirror: s2t)."""
    return _opencc("s2t").convert(text)


def hong_kong(text: str) -> str:
    """Traditional characters with Hong Kong variants (s2hk: 爲 → 為, 綫 → 線)."""
    return _opencc("s2hk").convert(text)


def wrapped(text: str, width: int = 36) -> str:
    """Hard line wraps at a fixed width, as a .txt saved from a fixed-width page or `fold`."""
    return "\n".join("\n".join(line[i:i + width] for i in range(0, len(line), width)) if line else line
                     for line in text.split("\n"))


_QUANTITY_JOINT = re.compile(r"(?<=\d)(?=万亿|亿|万|%|个百分点|元|家|人)|(?<=\d\.)(?=\d)")


def spaced(text: str, seed: int = 1) -> str:
    """A space, thin space or no-break space inside half of the quantities (96.5 亿元, 9 %以上, 5. 2%)."""
    rng = random.Random(seed)
    return _QUANTITY_JOINT.sub(lambda m: rng.choice([" ", "\u2009", "\u00a0", "", ""]), text)


_CJK_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


def footnoted(text: str, seed: int = 2, share: float = 0.004) -> str:
    """Footnote markers ([3], ①, ²) between Chinese characters, words included (研发[2]投入)."""
    rng = random.Random(seed)
    marks = ["[1]", "[12]", "①", "⑦", "²"]
    return _CJK_PAIR.sub(lambda m: rng.choice(marks) if rng.random() < share else "", text)


def glossed(text: str, seed: int = 3, share: float = 0.003) -> str:
    """Pinyin glosses after Chinese characters (经济(jīng jì)), as reading aids on some pages."""
    rng = random.Random(seed)
    glosses = ["(jīng jì)", "(zēng zhǎng)", "(chǎn yè)", "(gāo xīn)", "(rén cái)"]
    return _CJK_PAIR.sub(lambda m: rng.choice(glosses) if rng.random() < share else "", text)


def spaced_out(text: str, seed: int = 4, share: float = 0.2) -> str:
    """Some paragraphs spaced out character by character, as OCR gives letter-spaced print
    (地 区 生 产 总 值 增 长 5 . 2 %)."""
    rng = random.Random(seed)
    return "\n".join(" ".join(line) if rng.random() < share else line for line in text.split("\n"))


def everything(text: str) -> str:
    """All of the above at once."""
    return wrapped(glossed(footnoted(spaced(spaced_out(traditional(text))))))


TRANSFORMS = {"traditional": traditional, "hong_kong": hong_kong, "wrapped": wrapped, "spaced": spaced,
              "footnoted": footnoted, "glossed": glossed, "spaced_out": spaced_out, "everything": everything}
