"""Turning the files users have into report text: .txt / .md, .html, .docx, .pdf.

Each reader returns plain text; polcmp's offsets point into that text (`polcmp text FILE`
prints it). HTML and PDF need optional libraries (see the README for why these ones);
when one is missing the error says exactly how to install it.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import ReportError
from .lazy_regex import lazy_compile

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".docx", ".pdf"}

_EXTRA_HINT = "pip install 'polcmp[{extra}]' (or: pip install {packages})"


def _missing(path: str, what: str, extra: str, packages: str) -> ReportError:
    return ReportError(path, f"reading {what} needs an optional library: "
                             + _EXTRA_HINT.format(extra=extra, packages=packages))


# ---------------------------------------------------------------- HTML
_META_CHARSET = lazy_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def html_to_text(data: bytes, path: str, decode) -> str:
    """The report's text without the site around it (navigation, banners, footers).

    trafilatura finds the main content of a page the way readability tools do; polcmp only
    decodes the bytes (the page's own <meta charset>, else the usual detection)."""
    try:
        import trafilatura
    except ImportError:
        raise _missing(path, "HTML", "html", "trafilatura lxml_html_clean") from None
    m = _META_CHARSET.search(data[:4096])
    charset = m.group(1).decode("ascii").lower() if m else None
    try:
        html = data.decode(charset) if charset else decode(data, path)
    except (LookupError, UnicodeDecodeError):
        html = decode(data, path)
    text = trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True,
                               include_links=False, include_images=False)
    if not text or not text.strip():
        raise ReportError(path, "no report text found in this HTML page")
    return text


# ---------------------------------------------------------------- DOCX
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


DOCX_XML_CAP = 64 * 1024 * 1024   # word/document.xml decompressed: real reports are a few MB
DOCX_NESTING_CAP = 100             # paragraphs inside paragraphs (text boxes): Word writes 2 or 3
_DOCTYPE = lazy_compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def docx_to_text(data: bytes, path: str) -> str:
    """Paragraphs of a .docx, in document order (tables included), one per line.

    A .docx is a zip whose word/document.xml lists paragraphs (w:p) of text runs (w:t);
    the standard library reads that. Hostile files are refused, not expanded: the XML is
    read in chunks up to DOCX_XML_CAP (a zip bomb), a DOCTYPE or ENTITY declaration is
    refused (billion laughs, external entities; Word never writes one), and the tree is
    walked by iterparse events, never recursively (50,000 nested paragraphs)."""
    import io
    import zipfile   # here: only a .docx needs it, and the import costs more than reading a small report
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("word/document.xml") as f:
            chunks, size = [], 0
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > DOCX_XML_CAP:
                    raise ReportError(path, f"word/document.xml too large when decompressed "
                                            f"(over {DOCX_XML_CAP // 2**20} MB)")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError, NotImplementedError,
            ValueError, RuntimeError):
        raise ReportError(path, "not a valid .docx file") from None
    xml = b"".join(chunks)
    if _DOCTYPE.search(xml):
        raise ReportError(path, "refused: the .docx declares a DOCTYPE or ENTITY (Word never writes one)")
    return _paragraphs(xml, path)


def _paragraphs(xml: bytes, path: str) -> str:
    """The text of every w:p in document order, by iterparse events (no recursion). A paragraph
    inside another (a text box) is its own line and part of the outer one's too, as Word shows
    it; real files nest two or three deep, so more than DOCX_NESTING_CAP is refused."""
    import io
    from xml.etree import ElementTree   # only a .docx needs it
    lines: list[str] = []
    open_parts: list[tuple[int, list[str]]] = []   # (its line, its parts) per w:p still open
    try:
        for event, node in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = node.tag
            if event == "start":
                if tag == f"{_W}p":
                    if len(open_parts) >= DOCX_NESTING_CAP:
                        raise ReportError(path, f"paragraphs nested more than {DOCX_NESTING_CAP} deep: "
                                                "not a document polcmp reads")
                    open_parts.append((len(lines), []))
                    lines.append("")
                continue
            if open_parts:
                if tag == f"{_W}t" and node.text:
                    for _, parts in open_parts:
                        parts.append(node.text)
                elif tag == f"{_W}tab":
                    for _, parts in open_parts:
                        parts.append("\t")
                elif tag in (f"{_W}br", f"{_W}cr"):
                    for _, parts in open_parts:
                        parts.append("\n")
            if tag == f"{_W}p":
                line, parts = open_parts.pop()
                lines[line] = "".join(parts)
            node.clear()
    except ElementTree.ParseError as e:
        raise ReportError(path, f"word/document.xml is not valid XML ({e})") from None
    return "\n".join(lines)


# ---------------------------------------------------------------- PDF
_SENTENCE_END = set("。！？；：!?;:")
_HEADING_START = lazy_compile(r"\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")


def pdf_to_text(data: bytes, path: str) -> str:
    """Text of a PDF with a text layer, lines of one paragraph joined again.

    pdfminer.six reads the text layer (CJK fonts and CMaps included); a PDF breaks every
    line, often inside a word or a number (6.\\n5%), so lines are rejoined unless the line
    ends a sentence or the next one starts a heading."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:
        raise _missing(path, "PDF", "pdf", "pdfminer.six") from None
    import io
    try:
        raw = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as e:
        raise ReportError(path, f"cannot read this PDF ({type(e).__name__})") from None
    except Exception as e:   # pdfminer raises its own kinds (PDFPasswordIncorrect, PSEOF, …) for
        # encrypted, truncated or damaged files: each is the file's problem, told in one line
        if type(e).__module__.startswith("pdfminer"):
            raise ReportError(path, f"cannot read this PDF ({type(e).__name__}: encrypted or damaged?)") from None
        raise
    if not raw.strip():
        raise ReportError(path, "this PDF has no text layer (a scan?); polcmp does not run OCR")
    return rejoin_lines(raw)


def rejoin_lines(raw: str) -> str:
    """Join the lines a PDF broke inside paragraphs. pdfminer often puts blank lines between
    every line, so a paragraph ends where a line ends a sentence, or before a heading."""
    out: list[str] = []
    for line in raw.replace("\f", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        prev = out[-1] if out else ""
        if prev and (_joins_number(prev, line) or (
                prev[-1] not in _SENTENCE_END and not _HEADING_START.match(line) and not _HEADING_START.match(prev))):
            out[-1] = prev + line
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _joins_number(prev: str, line: str) -> bool:
    """6.|5% or 1|2万人: a number broken across lines always belongs together."""
    return bool(re.search(r"[\d.]$", prev) and re.match(r"[\d.%％万亿]", line))


# ---------------------------------------------------------------- dispatch
def document_text(data: bytes, path: str, decode, encoding: str | None = None) -> str:
    """The text of one document: PDF and DOCX by their first bytes, HTML by suffix, else text."""
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF"):
        suffix = ".pdf"
    elif data.startswith(b"PK\x03\x04"):
        suffix = ".docx"
    if suffix in (".html", ".htm"):
        return html_to_text(data, path, decode)
    if suffix == ".docx":
        return docx_to_text(data, path)
    if suffix == ".pdf":
        return pdf_to_text(data, path)
    return decode(data, path, encoding)
