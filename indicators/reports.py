"""Reading a report: bytes → text, a normalised working copy, place and year.

A report is the text as read (decoded, newlines made \\n, BOM dropped), which every offset
polcmp prints points into, and the copies the engine reads (normalise.py): `plain`, with
full-width forms, traditional characters, glosses, footnote markers, spaces inside numbers
and hard line wraps undone, and `work`, the same with noise and slogan numbers masked.
`offsets` leads from a position in those copies back to `text`.
"""
from __future__ import annotations

import codecs
import stat
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError
from .formats import document_text
from .lazy_regex import lazy_compile
from .normalise import OffsetMap, mask, reading_copy
from .places import canonical_place, place_and_year  # canonical_place: corpus.py imports it here

_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0e-\x1f]")

FILE_NAME = lazy_compile(r"^(?P<place>[^_\d]+?)[_\-\s]+(?P<year>(?:19|20)\d\d)")


@dataclass(slots=True)
class Report:
    text: str            # as read: offsets printed point here
    plain: str           # the reading copy (normalise.py): engine offsets point here
    work: str            # `plain` with noise and slogan numbers masked, the same length
    offsets: OffsetMap   # a position in `plain` / `work` → its position in `text`
    path: str | None
    place: str | None
    year: int | None

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the reading copy as a span of the text as read."""
        return self.offsets.span(start, end)


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
    # and GB18030; binary data, and text in another encoding (Shift-JIS, Big5 read as GB18030
    # give rare characters), are plausible as none of them.
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be", "gb18030"):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausible_share(text[:2000])
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score >= 0.9 and reads_as_chinese(best[:2000]):
        return best
    if b"\x00" in data[:4096]:
        raise ReportError(path, "binary file, not a text report")
    raise ReportError(path, "cannot tell the text encoding: not UTF-8, UTF-16 or GB18030 text (try --encoding)")


def plausible_share(sample: str) -> float:
    """The share of a decoded sample that reads as a report: ASCII, CJK punctuation, full-width
    forms, and Chinese characters in common use (in GB2312 or Big5: a report's are, to 99.8%,
    where Shift-JIS or Big5 bytes read as GB18030 give mostly rare ones)."""
    good = sum(1 for ch in _PLAUSIBLE.findall(sample) if not "\u4e00" <= ch <= "\u9fff" or _common_han(ch))
    return good / max(1, len(sample))


# Of the Chinese characters of a report, at least 93% are among the 1,500 most used (all 1,518
# reports of corpus and panel); Korean (EUC-KR) read as GB18030 gives 40%, Japanese 0-50%.
MIN_COMMON_SHARE = 0.75


def reads_as_chinese(sample: str) -> bool:
    """Are the Chinese characters of a decoded sample those Chinese text is made of? (A sample
    with fewer than 20 of them cannot tell, and passes.)"""
    han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if len(han) < 20:
        return True
    common = _most_used_han()
    return sum(ch in common for ch in han) / len(han) >= MIN_COMMON_SHARE


@lru_cache(maxsize=1)
def _most_used_han() -> frozenset[str]:
    text = (Path(__file__).parent / "common_han.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=None)
def _common_han(ch: str) -> bool:
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
            return True
        except UnicodeEncodeError:
            pass
    return False


_PLAUSIBLE = lazy_compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s“”‘’…—·]")
_UNSUPPORTED_MAGIC = {b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
                      b"\xd0\xcf\x11\xe0": "old Office (.doc/.xls) file; save it as .docx",
                      b"Rar!": "RAR archive", b"\x1f\x8b": "gzip archive", b"7z\xbc\xaf": "7z archive"}


def read_report(path: str | Path, encoding: str | None = None) -> Report:
    """Read one report ('-' is stdin): text, Markdown, HTML, DOCX or PDF.
    Raises ReportError with a one-line reason."""
    name = str(path)
    if name == "-":
        import sys
        data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)   # `cat /dev/zero | polcmp extract -` ends
        if len(data) > MAX_REPORT_BYTES:
            raise ReportError("<stdin>", f"too large for a report (over {MAX_REPORT_BYTES // 2**20} MB)")
    else:
        data = _read_regular_file(Path(path), name)
    for magic, kind in _UNSUPPORTED_MAGIC.items():
        if data.startswith(magic):
            raise ReportError(name, f"{kind}: not a report polcmp can read")
    text = document_text(data, name, decode, encoding)
    return report_from_text(text, None if name == "-" else name)


MAX_REPORT_BYTES = 200 * 1024 * 1024   # the longest real reports, as PDF, are a few MB


def _read_regular_file(p: Path, name: str) -> bytes:
    """The bytes of a plain file, at most MAX_REPORT_BYTES. A device (/dev/zero), a FIFO, a
    socket or a file under /proc is refused before it is opened: reading one may never end."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReportError(name, "no such file") from None
    except OSError as e:
        raise ReportError(name, f"cannot read: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReportError(name, "is a directory, not a report file")
    if not stat.S_ISREG(st.st_mode) or _under_proc(p):
        raise ReportError(name, "not a regular file (a device, pipe or /proc entry), not a report")
    if st.st_size > MAX_REPORT_BYTES:
        raise ReportError(name, f"too large for a report (over {MAX_REPORT_BYTES // 2**20} MB)")
    try:
        with p.open("rb") as f:
            # read(n) sets aside n bytes first: ask for the size stat gave, then for the rest
            # if the file has grown since (up to the limit)
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(MAX_REPORT_BYTES + 1 - len(data))
    except OSError as e:
        raise ReportError(name, f"cannot read: {e.strerror or e}") from None
    if len(data) > MAX_REPORT_BYTES:
        raise ReportError(name, f"too large for a report (over {MAX_REPORT_BYTES // 2**20} MB)")
    return data


def _under_proc(p: Path) -> bool:
    """Files under /proc and /sys say they are regular but are made as they are read."""
    try:
        parts = p.resolve().parts
    except (OSError, RuntimeError):
        return False
    return len(parts) > 1 and parts[1] in ("proc", "sys")


def report_from_text(text: str, path: str | None = None) -> Report:
    """Build a Report from decoded text; place and year from the file name, else the text
    (None where neither tells)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReportError(path or "<stdin>", "empty report")
    if len(_CONTROL.findall(text, 0, 4096)) > 8:
        raise ReportError(path or "<stdin>", "binary file, not a text report")
    plain, offsets = reading_copy(text)
    work = mask(plain)
    m = FILE_NAME.match(Path(path).stem) if path else None
    if m:
        place, year = canonical_place(m.group("place")), int(m.group("year"))
    else:
        place, year = place_and_year(work, plain)
    return Report(text, plain, work, offsets, path, place, year)
