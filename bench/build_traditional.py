"""Rebuild indicators/traditional.txt: the characters OpenCC's t2s turns into other ones.

    python bench/build_traditional.py > indicators/traditional.txt

polcmp only loads OpenCC for a line that holds such characters (normalise.py): simplified
reports, nearly all of them, never pay for its import. Each character is converted on its own
line, so phrase rules do not apply: this is the character table. tests/test_normalise.py
checks the file still matches the installed OpenCC.
"""
from __future__ import annotations

import opencc

HEADER = "# Characters OpenCC t2s changes (built by bench/build_traditional.py; one line, no separators)\n"
BLOCKS = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]


def traditional_characters() -> str:
    chars = [chr(cp) for lo, hi in BLOCKS for cp in range(lo, hi)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return "".join(a for a, b in zip(chars, converted) if a != b)


if __name__ == "__main__":
    print(HEADER + traditional_characters(), end="\n")
