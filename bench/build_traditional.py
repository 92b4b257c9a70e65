"""Rebuild indicators/traditional.txt: the characters that mark a line as traditional Chinese.

They are the characters OpenCC's t2s turns into other ones, less those of GB2312, the
simplified standard set: 乾, 於, 後 are changed by t2s but are also written in simplified
text (乾隆, a surname), so they mark nothing.

    python bench/build_traditional.py > indicators/traditional.txt

polcmp only loads OpenCC for a line that holds such characters (normalise.py): simplified
reports, nearly all of them, never pay for its import. Each character is converted on its own
line, so phrase rules do not apply: this is the character table. tests/test_normalise.py
checks the file still matches the installed OpenCC.
"""
from __future__ import annotations

import opencc

HEADER = "# Characters OpenCC t2s changes, outside GB2312 (built by bench/build_traditional.py; one line, no separators)\n"
BLOCKS = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]


def traditional_characters() -> str:
    chars = [chr(cp) for lo, hi in BLOCKS for cp in range(lo, hi)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return "".join(a for a, b in zip(chars, converted) if a != b and not _in_gb2312(a))


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


if __name__ == "__main__":
    print(HEADER + traditional_characters(), end="\n")
