"""Reading a report: bytes → text, a normalised working copy, place and year.

Two strings describe a report. `text` is the report as read (decoded, newlines made
\\n, BOM dropped); every offset polcmp prints points into it. `work` is the same length,
character for character, with full-width forms made ASCII and web-page noise and
slogan numbers blanked out, so that rules can be simple and offsets stay exact.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError
from .formats import document_text
from .places import canonical_place, place_and_year  # canonical_place: corpus.py imports it here

# Full-width ASCII → ASCII, ideographic space → space, dash and percent variants.
# One character to one character: `work` must keep `text`'s offsets.
_NORMALISE = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_NORMALISE.update({"\u3000": " ", "\ufe6a": "%", "\u2015": "—", "\u2500": "—", "\u2212": "-", "\u301c": "~", "\u00a0": " "})
_TO_NORMALISE = re.compile("[" + "".join(re.escape(ch) for ch in _NORMALISE) + "]")

# Lines a web page wraps around a report: banners, share buttons, counters, page links.
# Only short lines: a paragraph that mentions 扫码 is report text.
_NOISE_MAX = 80
_NOISE_LINE = re.compile(
    r"扫码|领取福利|加入收藏|阅读时长|分享到|打印本页|关闭窗口|责任编辑|版权所有|ICP备|上一篇|下一篇|字号[:：]"
    r"|浏览次数|点击[数量率]|https?://|www\.|\.com\b|\.cn\b|第\s*\d+\s*/\s*\d+\s*页|^\s*来源[:：]"
    r"|^(?=.*\d)[\s\d,.:/|#*\-]+$")   # a bare counter: 221381
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Short quoted names (“315”创新体系, "2+4+X"主导产业, 《2023年…》): numbers inside are names, not values.
_NUMERALS = r"\d零〇一二两三四五六七八九十百千万亿%."
# Quotes are paired left to right, every pair consumed (else 省级"专精特新"企业200家、优质"小升规"
# would pair the wrong quotes and hide 200); only pairs with a numeral inside are masked.
_QUOTED = re.compile(r"“[^“”\n]{1,24}”|\"[^\"\n]{1,24}\"|‘[^‘’\n]{1,24}’|「[^」\n]{1,24}」|《[^《》\n]{1,40}》")
_NUMERAL_IN_NAME = re.compile(f"[{_NUMERALS}]")

FILE_NAME = re.compile(r"^(?P<place>[^_\d]+?)[_\-\s]+(?P<year>(?:19|20)\d\d)")


@dataclass(slots=True)
class Report:
    text: str            # as read: offsets point here
    work: str            # normalised copy of the same length
    path: str | None
    place: str | None
    year: int | None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes → str: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK."""
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise ReportError(path, f"cannot decode as {encoding}: {e}") from None
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: the most plausible of UTF-16 (a BOM-less file of pure CJK has no NUL bytes)
    # and GB18030; binary data is plausible as none of them.
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be", "gb18030"):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:2000]
        score = len(_PLAUSIBLE.findall(sample)) / max(1, len(sample))
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score >= 0.9:
        return best
    if b"\x00" in data[:4096]:
        raise ReportError(path, "binary file, not a text report")
    raise ReportError(path, "not UTF-8, UTF-16 or GB18030 text (try --encoding)")


_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s“”‘’…—·]")
_UNSUPPORTED_MAGIC = {b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
                      b"\xd0\xcf\x11\xe0": "old Office (.doc/.xls) file; save it as .docx",
                      b"Rar!": "RAR archive", b"\x1f\x8b": "gzip archive", b"7z\xbc\xaf": "7z archive"}


def read_report(path: str | Path, encoding: str | None = None) -> Report:
    """Read one report ('-' is stdin): text, Markdown, HTML, DOCX or PDF.
    Raises ReportError with a one-line reason."""
    name = str(path)
    if name == "-":
        import sys
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.exists():
            raise ReportError(name, "no such file")
        if p.is_dir():
            raise ReportError(name, "is a directory, not a report file")
        try:
            data = p.read_bytes()
        except OSError as e:
            raise ReportError(name, f"cannot read: {e.strerror or e}") from None
    for magic, kind in _UNSUPPORTED_MAGIC.items():
        if data.startswith(magic):
            raise ReportError(name, f"{kind}: not a report polcmp can read")
    text = document_text(data, name, decode, encoding)
    return report_from_text(text, None if name == "-" else name)


def report_from_text(text: str, path: str | None = None) -> Report:
    """Build a Report from decoded text; place and year from the file name, else the text
    (None where neither tells)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReportError(path or "<stdin>", "empty report")
    if len(_CONTROL.findall(text, 0, 4096)) > 8:
        raise ReportError(path or "<stdin>", "binary file, not a text report")
    work = normalise(text)
    m = FILE_NAME.match(Path(path).stem) if path else None
    if m:
        place, year = canonical_place(m.group("place")), int(m.group("year"))
    else:
        place, year = place_and_year(work, text)
    return Report(text, work, path, place, year)


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (same length, same offsets)."""
    for ch in set(_TO_NORMALISE.findall(text)):   # a few distinct characters, each replaced in C
        text = text.replace(ch, _NORMALISE[ch])
    return text


def normalise(text: str) -> str:
    """The working copy: same length as `text`, see the module docstring."""
    work = fold_width(text)
    lines = work.split("\n")
    noisy = [i for i, line in enumerate(lines) if len(line) <= _NOISE_MAX and _NOISE_LINE.search(line)]
    if noisy:
        for i in noisy:
            lines[i] = " " * len(lines[i])
        work = "\n".join(lines)
    return _QUOTED.sub(_mask_numerals, work)


def _mask_numerals(m: re.Match) -> str:
    name = m.group()
    return _NUMERAL_IN_NAME.sub("#", name) if _NUMERAL_IN_NAME.search(name) else name
