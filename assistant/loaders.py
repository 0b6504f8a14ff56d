"""Stage 1: read a TXT, PDF or DOCX file into one canonical text.

The canonical text is what the corpus stores and what clause spans index. It is
the source's text with conversion debris removed (``[bookmark: _GoBack]``, page
markers such as ``- 1 -``, Windows line endings) and, for PDFs, lines broken by
the layout rejoined. Tables keep the TXT convention the seeds use: one cell per
line, each cell starting with a tab, rows separated by a blank line.

Every refusal raises :class:`IngestError` with a Chinese and an English message,
before anything is written anywhere.

>>> load_text_bytes("一、总则\\r\\n".encode("gb18030"), "a.txt").text
'一、总则\\n'
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from assistant.errors import IngestError

MAX_BYTES = 20 * 1024 * 1024          # a policy document is kilobytes; 20 MB is generous
# The extracted text is capped too: a 356 KB DOCX expanded to 98.6 MB of text, and the index build after it
# took 6.5 GB. Two million characters is ~200 times the longest real document (wenzhou-opinions, ~10 000).
MAX_TEXT_CHARS = 2_000_000
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024  # zip-bomb guard: all members (images included) unpacked
MAX_DOCX_XML = 25 * 1024 * 1024       # word/document.xml unpacked: XML is parsed whole, at ~10× its size
MAX_PDF_PAGES = 2000                  # a policy document has tens of pages
SUPPORTED = (".txt", ".pdf", ".docx")

_PAGE_MARKER = re.compile(r"^[ \t\u3000]*[-－—–]\s*\d{1,4}\s*[-－—–][ \t\u3000]*$", re.M)
_DEBRIS = re.compile(r"\[bookmark: [^\]]*\]")


@dataclass
class LoadedText:
    text: str
    format: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def safe_filename(name: str) -> str:
    """Reject names that could escape a folder or hide their type.

    >>> safe_filename("温州实施意见.pdf")
    '温州实施意见.pdf'
    """
    if not name or not name.strip():
        raise IngestError("文件名为空", "the file name is empty", field="file")
    if "\x00" in name or any(part in ("..", ".") for part in re.split(r"[\\/]", name)) or name.startswith(("/", "\\")):
        raise IngestError(f"文件名不安全（含路径）：{name!r}", f"unsafe file name (contains a path): {name!r}", field="file")
    if "/" in name or "\\" in name:
        raise IngestError(f"文件名不能包含路径分隔符：{name!r}", f"file name must not contain a path separator: {name!r}", field="file")
    if len(name.encode("utf-8")) > 255:
        raise IngestError("文件名过长", "file name too long", field="file")
    return name


def load_file(path: str | Path) -> LoadedText:
    """A file from disk: size checked before reading, links and devices refused (``textin.read_file``)."""
    from assistant import textin

    path = Path(path)
    data = textin.read_file(path, "file", max_bytes=MAX_BYTES, follow_symlinks=False, error=IngestError)
    return load_bytes(data, path.name)


def load_bytes(data: bytes, filename: str) -> LoadedText:
    """Dispatch on the file name's extension, after checking size and name."""
    safe_filename(filename)
    _check_size(len(data))
    ext = PurePath(filename).suffix.lower()
    if ext not in SUPPORTED:
        raise IngestError(f"不支持的文件类型“{ext or '无扩展名'}”，请上传 TXT、PDF 或 DOCX",
                          f"unsupported file type {ext or '(none)'!r}: upload TXT, PDF or DOCX", field="file")
    if not data.strip():
        raise IngestError("文件为空", "the file is empty", field="file")
    from assistant import textin

    loader = {".txt": load_text_bytes, ".pdf": load_pdf_bytes, ".docx": load_docx_bytes}[ext]
    loaded = loader(data, filename)
    check_text_size(len(loaded.text))
    # the document side of the input boundary: escape sequences and control characters are conversion
    # debris like page markers, removed and recorded as a defect
    loaded.text, removed = textin.document_text(loaded.text)
    loaded.warnings.extend(removed)
    if not loaded.text.strip():
        raise IngestError("文件中没有可读取的文字", "the file contains no readable text", field="file")
    return loaded


def check_text_size(chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise IngestError(f"文件中的文字过多（{chars:,} 字符），上限为 {MAX_TEXT_CHARS:,} 字符（疑似压缩炸弹或合订本）",
                          f"the file holds too much text ({chars:,} characters); the limit is {MAX_TEXT_CHARS:,}",
                          field="file")


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise IngestError(f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 {MAX_BYTES // 1024 // 1024} MB",
                          f"file too large ({size / 1024 / 1024:.1f} MB); the limit is {MAX_BYTES // 1024 // 1024} MB",
                          field="file")


def clean_text(text: str) -> str:
    """Remove conversion debris; keep every other character as it was."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _DEBRIS.sub("", text)
    text = _PAGE_MARKER.sub("", text)
    return text


# ---------------------------------------------------------------- TXT

def load_text_bytes(data: bytes, filename: str = "file.txt") -> LoadedText:
    """UTF-8 first (with or without BOM), then GB18030 (a superset of GBK/GB2312)."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return LoadedText(clean_text(text), "txt", encoding=enc.replace("-sig", ""))
    raise IngestError("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），或文件不是文本",
                      "cannot decode the file as UTF-8 or GBK/GB18030, or it is not text", field="file")


def _looks_like_text(text: str) -> bool:
    """Binary data decodes 'successfully' as GB18030 surprisingly often: check what came out."""
    if not text:
        return False
    bad = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\t\n\r\f")
              or ch == "\ufffd")
    return bad / len(text) < 0.01


# ---------------------------------------------------------------- PDF

def load_pdf_bytes(data: bytes, filename: str = "file.pdf") -> LoadedText:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError("这不是有效的 PDF 文件（文件头不是 %PDF）", "not a valid PDF file (no %PDF header)", field="file")
    import pypdf
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError("PDF 已加密，请先解除密码保护再上传", "the PDF is encrypted: remove the password first", field="file")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise IngestError(f"PDF 页数过多（{len(reader.pages)} 页），上限为 {MAX_PDF_PAGES} 页",
                              f"the PDF has {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES}", field="file")
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            check_text_size(chars)  # stop extracting as soon as the text is too long, not at the end
    except IngestError:
        raise
    except LimitReachedError as exc:  # pypdf's own decompression and recursion limits: a bomb
        raise IngestError("PDF 解压后过大或结构异常（疑似压缩炸弹），已拒绝",
                          f"the PDF expands to an absurd size or loops (bomb?): refused ({exc})", field="file") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError, MemoryError,
            ZeroDivisionError, IndexError, AssertionError, UnicodeError, OverflowError) as exc:
        # pypdf raises all of these on malformed files
        raise IngestError(f"PDF 文件已损坏或无法解析：{type(exc).__name__}",
                          f"the PDF is damaged or cannot be parsed: {type(exc).__name__}", field="file") from None
    if not pages:
        raise IngestError("PDF 没有任何页面", "the PDF has no pages", field="file")
    if not "".join(pages).strip():
        raise IngestError("PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF、DOCX 或 TXT",
                          "the PDF has no text layer (scanned?): provide a text PDF, DOCX or TXT", field="file")
    text = "\n".join(rejoin_pdf_lines(clean_text(p)) for p in pages)
    return LoadedText(clean_text(text), "pdf")


_TERMINAL = "。！？；：」』”）)】"


def rejoin_pdf_lines(page_text: str) -> str:
    """Join lines the layout wrapped; keep real paragraph and cell boundaries.

    A line is a wrap of the previous one when the previous line is (nearly) as
    wide as the page's widest line and does not end a sentence, and the line
    itself does not start with a clause number.
    """
    from assistant.segmenter import starts_with_label  # shared label grammar

    lines = page_text.split("\n")
    widest = max((_width(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        if out and widest and _width(out[-1]) >= 0.85 * widest and not out[-1].rstrip().endswith(tuple(_TERMINAL)) \
                and line.strip() and not starts_with_label(line):
            out[-1] = out[-1].rstrip("\n") + line
        else:
            out.append(line)
    return "\n".join(out)


def _width(line: str) -> float:
    # CJK characters are twice as wide as Latin digits in the layout
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.strip())


# ---------------------------------------------------------------- DOCX

def load_docx_bytes(data: bytes, filename: str = "file.docx") -> LoadedText:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError("这不是有效的 DOCX 文件（不是 zip 格式）", "not a valid DOCX file (not a zip archive)", field="file") from exc
    with zf:
        # declared sizes bound what zipfile will unpack (it stops at file_size and checks the CRC)
        total = sum(info.file_size for info in zf.infolist())
        xml = max((i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels"))), default=0)
        if total > MAX_DOCX_UNCOMPRESSED or len(zf.infolist()) > 10_000 or xml > MAX_DOCX_XML:
            raise IngestError("DOCX 解压后过大（疑似压缩炸弹），已拒绝", "the DOCX expands to an absurd size (zip bomb?): refused", field="file")
        if "word/document.xml" not in zf.namelist():
            raise IngestError("DOCX 文件缺少正文（word/document.xml）", "the DOCX has no word/document.xml", field="file")
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on malformed XML
        raise IngestError(f"DOCX 文件已损坏或无法解析：{type(exc).__name__}",
                          f"the DOCX is damaged or cannot be parsed: {type(exc).__name__}", field="file") from exc
    parts: list[str] = []
    chars = 0
    try:
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(block, document).text)
            elif tag == "tbl":
                parts.append(_docx_table_to_text(DocxTable(block, document)))
            else:
                continue
            chars += len(parts[-1]) + 1
            check_text_size(chars)  # a table's merged cells can repeat text: check as it grows
    except IngestError:
        raise
    except Exception as exc:  # malformed XML surfaces while reading, too
        raise IngestError(f"DOCX 文件已损坏或无法解析：{type(exc).__name__}",
                          f"the DOCX is damaged or cannot be parsed: {type(exc).__name__}", field="file") from None
    return LoadedText(clean_text("\n".join(parts)), "docx")


def _docx_table_to_text(table) -> str:
    """A real Word table in the seeds' TXT convention, so one segmenter reads both."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat in python-docx
                continue
            seen.add(id(cell._tc))
            cells.append("\t" + cell.text)
        rows.append("\n".join(cells))
    return "\n\n".join(rows) + "\n"
