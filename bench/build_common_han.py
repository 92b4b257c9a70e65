"""Build indicators/common_han.txt: the 1,500 Chinese characters most used in general text,
and their traditional forms.

Counted from the word frequencies of jieba's dictionary (general Chinese, not government
reports), each word's frequency added to each of its characters; OpenCC (s2t) gives the
traditional form of each, so a report in traditional characters reads as Chinese too. reports.decode uses the list
to tell Chinese from text in another encoding read as GB18030 (EUC-KR Korean becomes common
GB2312 characters, but in proportions no Chinese text has). Run: python bench/build_common_han.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba
import opencc

TOP = 1500
OUT = Path(__file__).resolve().parent.parent / "indicators" / "common_han.txt"


def main() -> None:
    counts: Counter[str] = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                counts[ch] += int(freq)
    top = "".join(ch for ch, _ in counts.most_common(TOP))
    to_traditional = opencc.OpenCC("s2t")
    top += "".join(dict.fromkeys(t for ch in top for t in to_traditional.convert(ch) if t not in top))
    OUT.write_text("# the 1,500 most used Chinese characters and their traditional forms (bench/build_common_han.py, "
                   "from jieba's dictionary and OpenCC)\n"
                   + "\n".join(top[i:i + 50] for i in range(0, len(top), 50)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(top)} characters")


if __name__ == "__main__":
    main()
