"""Stage 1: read a file and decode it into source text (txt, html, jsonl).

The decoded text is the coordinate system of every span in the output. For .txt it is the
file decoded with the encoding recorded in `source.encoding`, so anyone can re-decode the raw
bytes and check a span; for .html and .jsonl it is the article text taken from the page or
the line, carried in the record as `source.text`.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import errors
from .document import SourceInfo

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_BYTES = 20 * 1024 * 1024  # bigger files are reported, not read: no article is that long


@dataclass(frozen=True)
class RawArticle:
    id: str
    text: str
    info: SourceInfo


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes as text; return (text, encoding name that re-decodes the same bytes).

    Order: a BOM decides (utf-8-sig, utf-16); then strict UTF-8, the encoding of nearly every
    page; then charset-normalizer's best guess. Bytes with NULs and no UTF-16 BOM are binary.
    """
    if not data:
        raise errors.InputError(errors.EMPTY, "the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise errors.InputError(errors.BINARY, f"UTF-16 BOM but undecodable: {e}") from e
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text:
            raise errors.InputError(errors.BINARY, "the file holds NUL bytes: not a text file")
        return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or b"\x00" in data:
        raise errors.InputError(errors.BINARY, "no text encoding fits these bytes")
    return str(best), best.encoding


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise errors.InputError(errors.TOO_LARGE, f"{size} bytes is over the {MAX_BYTES}-byte limit")
        return path.read_bytes()
    except errors.InputError:
        raise
    except (OSError, ValueError) as e:
        raise errors.InputError(errors.UNREADABLE, f"{type(e).__name__}: {e}") from e


def load(path: Path) -> list[RawArticle | errors.InputError]:
    """Read one input file into its articles (one, or one per line for .jsonl).

    A bad .jsonl line comes back as an InputError in its place, so the good lines still count.
    """
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise errors.InputError(errors.UNSUPPORTED, f"unsupported file type {path.suffix!r}")
    data = read_bytes(path)
    digest = sha256(data)
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise errors.InputError(errors.EMPTY, "the file holds only whitespace")
    if fmt == "txt":
        return [RawArticle(path.stem, text, SourceInfo(str(path), digest, encoding, "txt"))]
    if fmt == "html":
        body, meta = html_main_text(text)
        return [RawArticle(path.stem, body, SourceInfo(str(path), digest, encoding, "html", body, meta))]
    return list(jsonl_articles(path, text, digest, encoding))


def html_main_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of a saved page, by trafilatura (menus and footers left out)."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not body or not body.strip():
        raise errors.InputError(errors.EMPTY, "no main text found in the HTML page")
    meta = {}
    md = trafilatura.extract_metadata(html)
    if md is not None:
        meta = {"title": md.title, "published": md.date, "author": md.author, "url": md.url}
    return body, {k: v for k, v in meta.items() if v}


def jsonl_articles(path: Path, text: str, digest: str, encoding: str):
    """One article per line; split on "\\n" only (U+2028 may appear raw inside JSON strings).

    Yields a RawArticle per good line and an InputError per bad one."""
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield errors.InputError(errors.BAD_JSONL, f"line {n}: {e.msg}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield errors.InputError(errors.BAD_JSONL, f"line {n}: not an object with a non-empty 'text'")
            continue
        aid = str(obj.get("id") or f"{path.stem}-{n}")
        meta = {k: obj[k] for k in ("title", "published", "url") if obj.get(k)}
        yield RawArticle(aid, obj["text"],
                         SourceInfo(str(path), digest, encoding, "jsonl", obj["text"], meta))
