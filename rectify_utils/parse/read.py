"""Read one notice file (text, Word, PDF or web page) into simplified-script text.

``read_notice(path)`` returns a :class:`NoticeText`; anything that cannot be read raises
:class:`NoticeReadError` whose ``reason`` says, in words a person understands, what is wrong
("empty file", "permission denied", "PDF has no text layer (scanned image?) — run OCR first").
Reading is bounded (``config.ReadLimits``): a file past a limit raises :class:`LimitExceeded`
naming it ("document.xml would expand to 3.0 GB, over the 200 MB limit (unpacked_bytes)").

``scan_inputs(paths)`` lists what a folder or a list of paths holds without opening anything:
the files to read, the paths that cannot be (missing, a link loop, a dangling link, a named
pipe, a device), and the files that belong beside notices (``provenance.yml``, ``README``).
"""

from __future__ import annotations

import codecs
import errno
import io
import itertools
import os
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import ReadLimits, format_size
from ..errors import LimitExceeded, NoticeReadError
from ..text import normalise_newlines
from .tables import render_ledger

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")

# Share of CJK characters that t2s conversion must change before a text counts as
# traditional script. Simplified notices score ~0.1% (e.g. 著 → 着 in 显著).
TRADITIONAL_SHARE = 0.02
# Bytes handed to charset-normalizer once strict UTF-8 failed; characters sampled for
# the traditional-script check. Both keep 50 MB inputs linear and fast.
DETECT_SAMPLE_BYTES = 256 * 1024
SCRIPT_SAMPLE_CHARS = 300_000
# A decoded text with more than this share of control/unassigned characters is binary.
MAX_NONPRINTABLE_SHARE = 0.05

GB_CODECS = frozenset({"gb2312", "gbk", "gb18030", "cp936"})
BIG5_CODECS = frozenset({"big5", "big5hkscs", "cp950"})

NOT_TEXT = "not text: looks like binary data"
NO_TEXT_LAYER = "PDF has no text layer (scanned image?) — run OCR first"

# File signatures of formats people rename to .txt, with what to tell them.
_BINARY_FORMATS = (
    (b"%PDF-", "this is a PDF file — rename it to .pdf"),
    (b"PK\x03\x04", "this is a ZIP archive (a Word .docx?) — rename it to .docx"),
    (b"\xd0\xcf\x11\xe0", "this is an old Office file (.doc?) — save it as .docx"),
)
# The first byte outside ASCII, where a legacy encoding shows itself.
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
# One CJK ideograph (basic block, extension A, compatibility) — e.g. 整, 㐀, 﨑.
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A declared charset in the head of an HTML page: <meta charset="gbk">,
# <meta http-equiv="Content-Type" content="text/html; charset=gb2312">, <?xml encoding="utf-8"?>.
_HTML_CHARSET = re.compile(
    rb"""<(?:meta|\?xml)[^>]*?(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# What to say when a file holds nothing but whitespace, by suffix (plain text: "empty file").
_NO_TEXT = {
    ".docx": "Word document has no text",
    ".pdf": NO_TEXT_LAYER,
    ".html": "web page has no visible text",
    ".htm": "web page has no visible text",
}
# pdfminer's placeholder for a glyph without a Unicode mapping, e.g. "(cid:1234)".
_PDF_CID = re.compile(r"\(cid:\d+\)")
# Files that belong in a folder of notices without being one: its provenance and read-me.
#   matches  provenance.yml   README   README.md   readme.txt   LICENSE   SHA256SUMS
#   not      provenance-2024通报.txt   readme-notice.docx   (a notice whose name starts so)
BELONGS_BESIDE_NOTICES = re.compile(
    r"(?:provenance|readme|licen[cs]e|copying|changelog|sha\d*sums|md5sums|checksums)"
    r"(?:\.[a-z0-9]{1,4})?",
    re.IGNORECASE,
)
BELONGS_REASON = "belongs beside the notices (provenance or read-me file), not a notice"
# What a path that is not a regular file is, by its stat mode: never opened for reading.
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO), not a file — never opened"),
    (stat.S_ISSOCK, "a socket, not a file — never opened"),
    (stat.S_ISCHR, "a character device, not a file — never opened"),
    (stat.S_ISBLK, "a block device, not a file — never opened"),
)
# libxml2 (lxml) stops building a page's tree at this depth and drops everything after it.
HTML_MAX_DEPTH = 255


@dataclass(frozen=True)
class NoticeText:
    """The text of one notice: simplified script, ``\\n`` line ends, no BOM."""

    text: str
    encoding: str
    converted: bool = False
    original_text: str | None = None


def read_notice(path: str | Path, limits: ReadLimits | None = None) -> NoticeText:
    """Read a .txt/.md/.docx/.pdf/.html notice as simplified-script text.

    Parameters
    ----------
    path : str or Path
        The file. Anything but a regular file (a named pipe, a device) is refused unopened.
    limits : ReadLimits, optional
        Bytes on disk, unpacked bytes of a .docx, PDF pages and characters of text (default
        ``ReadLimits()``); the time and memory limits are the worker's (``load_corpus``).

    Returns
    -------
    NoticeText
        The text, the encoding it was read in, and the original of a converted text.

    Raises
    ------
    NoticeReadError
        With a reason a person understands; :class:`LimitExceeded` names the limit passed.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise NoticeReadError(path, _unsupported_reason(suffix))
    data = _read_bytes(path, limits.file_bytes)
    if not data:
        raise NoticeReadError(path, "empty file")
    try:
        text, encoding = _extract(data, suffix, limits)
        _check_chars(text, limits.chars)
    except _OverLimit as exc:
        raise LimitExceeded(path, str(exc), exc.limit) from None
    except _Unreadable as exc:
        raise NoticeReadError(path, str(exc)) from None
    text = normalise_newlines(text)
    if not text.strip():
        raise NoticeReadError(path, _NO_TEXT.get(suffix, "empty file"))
    return to_simplified(text, encoding)


def _extract(data: bytes, suffix: str, limits: ReadLimits) -> tuple[str, str]:
    """``(text, encoding)`` of a file's bytes, by its suffix."""
    if suffix == ".docx":
        _check_unpacked(data, limits.unpacked_bytes)
        return _docx_text(data), "docx"
    if suffix == ".pdf":
        return _pdf_text(data, limits.pdf_pages), "pdf"
    if suffix in (".html", ".htm"):
        return _html_text(data), "html"
    return decode_text(data)


def _check_chars(text: str, limit: int) -> None:
    if len(text) > limit:
        raise _OverLimit(
            f"text has {len(text):,} characters, over the {limit:,}-character limit", "chars"
        )


@dataclass
class InputScan:
    """What a set of input paths holds (``scan_inputs``)."""

    #: regular files to read, sorted and de-duplicated
    files: list[Path] = field(default_factory=list)
    #: ``{"path", "reason"}`` of each path that cannot be read (missing, loop, pipe, device…)
    skipped: list[dict[str, str]] = field(default_factory=list)
    #: ``{"path", "reason"}`` of each file that belongs beside notices (``provenance.yml``)
    ignored: list[dict[str, str]] = field(default_factory=list)


def scan_inputs(paths: str | Path | Iterable[str | Path]) -> InputScan:
    """Expand a folder, one file or a list of both, accounting for every path; opens nothing.

    A folder contributes the entries directly inside it, but no hidden files (``.name``),
    Office lock files (``~$name``) or sub-folders. Every other entry is a file to read, a
    skip with its reason (``no such file or folder``, ``symbolic link loop``, ``dangling
    symbolic link``, ``a named pipe (FIFO)…``, ``a character device…``), or a file that
    belongs beside notices (``BELONGS_BESIDE_NOTICES``: provenance, README).

    Parameters
    ----------
    paths : str, Path or iterable of them
        Folders and files, as named on the command line.

    Returns
    -------
    InputScan
        The files to read, the skipped paths and the ignored ones.

    Examples
    --------
    >>> scan = scan_inputs(["data/raw", "data/raw/typo.txt"])
    >>> len(scan.files), scan.skipped, [Path(i["path"]).name for i in scan.ignored]
    (5, [{'path': 'data/raw/typo.txt', 'reason': 'no such file or folder'}], ['provenance.yml'])
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    scan = InputScan()
    found: set[Path] = set()
    for item in map(Path, items):
        kind, reason = _path_kind(item)
        if kind == "dir":
            _scan_folder(item, scan, found)
        elif kind == "file":
            found.add(item)
        else:
            scan.skipped.append(dict(path=str(item), reason=reason))
    for path in sorted(found):
        if BELONGS_BESIDE_NOTICES.fullmatch(path.name):
            scan.ignored.append(dict(path=str(path), reason=BELONGS_REASON))
        else:
            scan.files.append(path)
    return scan


def _scan_folder(folder: Path, scan: InputScan, found: set[Path]) -> None:
    """Add a folder's visible entries to ``found`` (files) or ``scan.skipped`` (the rest)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        reason = f"folder cannot be listed: {_os_reason(exc)}"
        scan.skipped.append(dict(path=str(folder), reason=reason))
        return
    for entry in entries:
        path = folder / entry.name
        if _is_hidden(path):
            continue
        kind, reason = _path_kind(path)
        if kind == "file":
            found.add(path)
        elif kind != "dir":  # sub-folders are not read, by design
            scan.skipped.append(dict(path=str(path), reason=reason))


def _path_kind(path: Path) -> tuple[str, str]:
    """``("file" | "dir" | "skip", reason)`` of a path, from ``stat`` alone (nothing opened)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return "skip", _missing_reason(path, exc)
    if stat.S_ISREG(mode):
        return "file", ""
    if stat.S_ISDIR(mode):
        return "dir", ""
    return "skip", _special_reason(mode)


def _missing_reason(path: Path, exc: OSError) -> str:
    """Why ``stat`` failed, in words: a loop, a dangling link, a missing path, no permission."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if os.path.islink(path):
        return f"dangling symbolic link (its target {os.readlink(path)} does not exist)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file or folder"
    return _os_reason(exc)


def _special_reason(mode: int) -> str:
    return next((what for test, what in _SPECIAL_KINDS if test(mode)), "not a regular file")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a plain-text notice, returning ``(text, encoding)``.

    Order: signatures of binary formats, UTF-8 BOM, strict UTF-8 (the fast path), UTF-16/32
    BOMs, NUL bytes (binary), then charset-normalizer on a sample; Chinese GB codecs are
    decoded as gb18030 (a superset of gbk and gb2312).

    Parameters
    ----------
    data : bytes
        The file's content.

    Returns
    -------
    tuple of (str, str)
        The text and the encoding it was decoded with.
    """
    for magic, what in _BINARY_FORMATS:
        if data.startswith(magic):
            raise _Unreadable(f"not text: {what}")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data, "utf-8-sig")), "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text), "utf-8"
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_strict(data, encoding)), encoding
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is None:
            raise _Unreadable(NOT_TEXT)
        return utf16
    # Sample from the line where non-ASCII bytes begin: an English header says nothing.
    first = _NON_ASCII_BYTE.search(data)
    start = data.rfind(b"\n", 0, first.start() if first else 0) + 1
    sample = data[start : start + DETECT_SAMPLE_BYTES]
    encoding = _detect_encoding(sample, partial=start + len(sample) < len(data))
    if codecs.lookup(encoding).name in BIG5_CODECS:
        return _big5(data)
    if len(sample) < len(data):
        try:
            return _checked(data.decode(encoding)), encoding
        except UnicodeDecodeError:  # the sample misled (e.g. an ASCII-only start)
            encoding = _detect_encoding(data, partial=False)
    return _checked(_strict(data, encoding)), encoding


def _sniff_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: the byte order whose text reads as Chinese, if any.

    Chinese text in UTF-16 has NUL bytes (in every ASCII digit and line end); read in the right
    byte order it is nearly all CJK characters, CJK punctuation and ASCII, with `，` or `。`.
    """
    if len(data) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = _spread_sample(text, 100_000)
        plausible = len(_PLAUSIBLE_CHINESE.findall(sample)) / max(1, len(sample))
        if plausible >= 0.97 and ("，" in sample or "。" in sample):
            if best is None or plausible > best[0]:
                best = (plausible, text, encoding)
    return (_checked(best[1]), best[2]) if best else None


def _big5(data: bytes) -> tuple[str, str]:
    """Big5 as CP950 (Microsoft's Big5, which has ①–⑩ where HKSCS has katakana), unless the
    text holds characters only Big5-HKSCS encodes."""
    try:
        return _checked(data.decode("cp950")), "cp950"
    except UnicodeDecodeError:
        return _checked(_strict(data, "big5hkscs")), "big5hkscs"


def to_simplified(text: str, encoding: str) -> NoticeText:
    """Convert traditional script to simplified when the text is detectably traditional.

    Parameters
    ----------
    text : str
        The decoded text.
    encoding : str
        The encoding it was decoded with.

    Returns
    -------
    NoticeText
        The text (simplified if it was traditional), whether it was converted, the original.
    """
    if traditional_share(text) <= TRADITIONAL_SHARE:
        return NoticeText(text=text, encoding=encoding)
    simplified = _t2s_converter().t2s(text)
    return NoticeText(text=simplified, encoding=encoding, converted=True, original_text=text)


def traditional_share(text: str) -> float:
    """Share of CJK characters (in a sample of ``text``) that t2s conversion would change.

    Parameters
    ----------
    text : str
        The decoded text.

    Returns
    -------
    float
        Between 0 and 1.
    """
    sample = _spread_sample(text, SCRIPT_SAMPLE_CHARS)
    if not _TRADITIONAL_HINT.search(sample):
        return 0.0  # none of the commonest traditional-only characters: simplified text
    counts = Counter(_CJK_CHAR.findall(sample))
    total = counts.total()
    if not total:
        return 0.0
    changes = _t2s_memo().changes(counts)
    return sum(n for c, n in counts.items() if changes[c]) / total


class T2SMemo:
    """Which characters t2s conversion changes, looked up once per character.

    A corpus repeats its characters, so each new character is converted once (in a batch) and
    remembered by this object; :func:`_t2s_memo` keeps one per process.
    """

    def __init__(self, converter) -> None:
        self._converter = converter
        self._changes: dict[str, bool] = {}

    def changes(self, chars: Iterable[str]) -> dict[str, bool]:
        """``{char: does t2s change it}`` for ``chars``, converting only the unseen ones."""
        unknown = [c for c in chars if c not in self._changes]
        if unknown:
            simplified = self._converter.t2s("\n".join(unknown)).split("\n")
            if len(simplified) != len(unknown):  # a mapping changed the line count: one by one
                simplified = [self._converter.t2s(char) for char in unknown]
            self._changes.update({c: t != c for c, t in zip(unknown, simplified, strict=True)})
        return self._changes


# the commonest characters that exist only in traditional script: any real traditional text has some
_TRADITIONAL_HINT = re.compile(
    "[們國這會為與說對時從個來發經關進過還將後點問題實現黨學當頭員區縣際導應變開間長產務辦織組幹職權專設計劃劃]"
)


class _Unreadable(Exception):
    """Internal: a format reader's reason, turned into NoticeReadError with the path."""


class _OverLimit(_Unreadable):
    """Internal: a reading limit passed, turned into LimitExceeded with the path."""

    def __init__(self, reason: str, limit: str) -> None:
        super().__init__(f"{reason} ({limit})")
        self.limit = limit


@lru_cache(maxsize=1)
def _t2s_converter():
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _t2s_memo() -> T2SMemo:
    return T2SMemo(_t2s_converter())


def _unsupported_reason(suffix: str) -> str:
    supported = ", ".join(SUPPORTED_SUFFIXES)
    if not suffix:
        return f"unsupported file type (no suffix; supported: {supported})"
    if suffix == ".doc":
        return "unsupported file type '.doc' (old Word format) — save it as .docx"
    return f"unsupported file type '{suffix}' (supported: {supported})"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; a special file is refused before it is opened, a big one unread."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            what = "is a folder, not a file" if stat.S_ISDIR(mode) else _special_reason(mode)
            raise NoticeReadError(path, what)
        # non-blocking: a file swapped for a pipe after the stat above cannot block the read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise NoticeReadError(path, _special_reason(info.st_mode))
            _check_size(path, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise NoticeReadError(path, "file not found") from None
    except PermissionError:
        raise NoticeReadError(path, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NoticeReadError(path, "symbolic link loop") from None
        raise NoticeReadError(path, f"cannot read file: {exc.strerror or exc}") from None
    _check_size(path, len(data), max_bytes)  # grew while being read
    return data


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        reason = (
            f"file is {format_size(size)}, over the {format_size(max_bytes)} limit (file_bytes)"
        )
        raise LimitExceeded(path, reason, "file_bytes")


def _is_hidden(path: Path) -> bool:
    return path.name.startswith((".", "~$"))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            f"not valid {encoding} text (undecodable bytes at offset {exc.start}) "
            "— save it as UTF-8"
        ) from None


def _detect_encoding(sample: bytes, partial: bool) -> str:
    """Guess the codec of non-UTF-8 bytes; a ``partial`` sample is cut at its last line end."""
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    if partial:
        # b"\n" is never a trail byte of GB/Big5 characters, so cutting there is safe.
        cut = sample.rfind(b"\n")
        sample = sample[: cut + 1] if cut > 0 else sample
    best = from_bytes(sample).best()
    if best is not None and codecs.lookup(best.encoding).name in GB_CODECS:
        return "gb18030"
    if best is None or not is_multi_byte_encoding(best.encoding):
        # Short Chinese texts can fool the detector; GB bytes decode to mostly CJK.
        if _looks_like_gb(sample):
            return "gb18030"
    if best is None:
        raise _Unreadable(NOT_TEXT)
    return best.encoding


def _looks_like_gb(sample: bytes) -> bool:
    try:
        text = sample.decode("gb18030")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    cjk = sum(1 for c in non_ascii if _CJK_CHAR.match(c) or "\u3000" <= c <= "\u303f")
    return bool(non_ascii) and cjk >= 0.9 * len(non_ascii)


def _checked(text: str) -> str:
    """``text`` unless it is binary data: NUL characters or mostly control characters."""
    sample = _spread_sample(text, 100_000)
    bad = len(_NONPRINTABLE.findall(sample))
    if "\x00" in text or bad > MAX_NONPRINTABLE_SHARE * len(sample):
        raise _Unreadable(NOT_TEXT)
    return text


# characters of a Chinese text: CJK ideographs, CJK and full-width punctuation, ASCII, circled
# numbers — what a notice decoded in the right byte order consists of
_PLAUSIBLE_CHINESE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2460-\u24ff\u2000-\u206f\t\n\r\x20-\x7e]"
)

# control characters (but tab, newlines, form feed), surrogates and private-use characters
_NONPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def _spread_sample(text: str, size: int) -> str:
    """The whole text when short, else its start, middle and end (``size`` chars in all)."""
    if len(text) <= size:
        return text
    third = size // 3
    middle = len(text) // 2
    return text[:third] + text[middle : middle + third] + text[-third:]


def _docx_text(data: bytes) -> str:
    """Paragraphs and table cells (one line each, merged cells once) in document order."""
    import docx
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError):
        raise _Unreadable(
            "not a valid Word .docx file (damaged, or another format renamed to .docx)"
        ) from None

    lines: list[str] = []

    def add(blocks: Iterable) -> None:
        for block in blocks:
            if not isinstance(block, Table):
                lines.append(block.text)
                continue
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            ledger = render_ledger(rows)
            if ledger is not None:
                lines.extend(ledger)
                continue
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # merged cells repeat across the grid
                        seen.add(cell._tc)
                        add(cell.iter_inner_content())

    add(document.iter_inner_content())
    return "\n".join(lines)


def _check_unpacked(data: bytes, limit: int) -> None:
    """Refuse a .docx whose members would expand past ``limit``, from the zip directory alone.

    zipfile never returns more than a member's recorded size, so these sizes bound what
    python-docx can read.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # python-docx gives the reason ("not a valid Word .docx file")
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if biggest is not None and biggest.file_size > limit:
        raise _OverLimit(
            f"{Path(biggest.filename).name} would expand to {format_size(biggest.file_size)}, "
            f"over the {format_size(limit)} limit",
            "unpacked_bytes",
        )
    total = sum(m.file_size for m in members)
    if total > limit:
        raise _OverLimit(
            f"the document would expand to {format_size(total)} in {len(members)} parts, "
            f"over the {format_size(limit)} limit",
            "unpacked_bytes",
        )


def _pdf_page_count(data: bytes, limit: int) -> int:
    """The PDF's page count (its page tree's ``/Count``, else the pages up to ``limit + 1``)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    try:
        count = resolve1(resolve1(document.catalog["Pages"]).get("Count"))
    except Exception:  # a damaged page tree: count what can be walked
        count = None
    if not isinstance(count, int):
        count = sum(1 for _ in itertools.islice(PDFPage.create_pages(document), limit + 1))
    return count


def _pdf_text(data: bytes, max_pages: int = ReadLimits.pdf_pages) -> str:
    """The PDF's text layer via pdfminer; page breaks become line breaks."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSException

    try:
        pages = _pdf_page_count(data, max_pages)
        if pages > max_pages:
            raise _OverLimit(
                f"PDF has {pages:,} pages, over the {max_pages}-page limit", "pdf_pages"
            )
        text = extract_text(io.BytesIO(data), maxpages=max_pages)
    except PDFEncryptionError:
        raise _Unreadable("PDF is password-protected — save an unprotected copy") from None
    except (PSException, ValueError, KeyError, TypeError):
        raise _Unreadable("not a valid PDF (damaged, or another format renamed to .pdf)") from None
    text = text.replace("\x0c", "\n")
    if not text.strip():
        raise _Unreadable(NO_TEXT_LAYER)
    unmapped = sum(len(m) for m in _PDF_CID.findall(text))
    if unmapped > 0.5 * len("".join(text.split())):
        raise _Unreadable(
            "PDF text layer is unreadable (fonts without Unicode mapping) — run OCR first"
        )
    return text


def _html_text(data: bytes) -> str:
    """Visible text of a web page (``html_text``): one line per block, 台账 tables as outline."""
    from .html_text import html_text

    page = _decode_html(data)
    _check_html_depth(page)
    return html_text(page)


def _check_html_depth(page: str) -> None:
    """Refuse a page nested deeper than lxml builds: the text past that depth would be lost."""
    from lxml import etree

    parser = etree.HTMLParser()
    try:
        etree.fromstring(_XML_DECLARATION.sub("", page, count=1), parser)
    except (etree.ParserError, ValueError):
        return  # html_text finds no text and says so
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise _Unreadable(
            f"web page nests its elements more than {HTML_MAX_DEPTH} levels deep: the text "
            "past that depth cannot be read (markup generated by a broken page?)"
        )


# An XML declaration, which lxml refuses in an already decoded string.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _decode_html(data: bytes) -> str:
    """Decode with the page's BOM, else its declared charset, else as plain text is decoded."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)[0]
    declared = _HTML_CHARSET.search(data[:4096])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            encoding = "gb18030" if encoding in GB_CODECS else encoding
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # wrong or unknown declaration: detect instead
    return decode_text(data)[0]
