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
from .legacy import register_codecs

register_codecs()  # bytes.decode("tcvn3") and ("vni") re-create a legacy file's text

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_BYTES = 20 * 1024 * 1024  # bigger files are reported, not read: no article is that long


@dataclass(frozen=True)
class RawArticle:
    id: str
    text: str
    info: SourceInfo


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """Decode bytes as text; return (text, encoding name that re-decodes the same bytes).

    Order: a BOM decides (utf-8-sig, utf-16); then strict UTF-8, the encoding of nearly every
    page; then the legacy Vietnamese encodings (Windows-1258, TCVN3, VNI; legacy.py), detected
    by how many words are Vietnamese syllables; then charset-normalizer's best guess. Bytes with
    NULs and no UTF-16 BOM are binary. A guess is explained in `notes` (the record's warnings).

    Windows-1258 text is returned as Python decodes it, combining tone marks and all (the
    normalise stage composes them with an offset map), so `bytes.decode("cp1258")` re-creates
    the text the spans index. TCVN3 and VNI have no Python codec: their text is re-created by
    `legacy.decode_with(data, "tcvn3"|"vni")`, and the record carries it as `source.text`.
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
    if b"\x00" in data:
        raise errors.InputError(errors.BINARY, "the file holds NUL bytes: not a text file")
    from .legacy import decode_legacy, decode_with

    legacy = decode_legacy(data)
    if legacy is not None:
        _, encoding, confidence = legacy
        if notes is not None:
            notes.append(f"not UTF-8: decoded as {encoding} (legacy Vietnamese encoding; "
                         f"{confidence:.0%} of its words are Vietnamese syllables)")
        if encoding == "cp1258":
            return data.decode("cp1258"), "cp1258"
        return decode_with(data, encoding), encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise errors.InputError(errors.BINARY, "no text encoding fits these bytes")
    if notes is not None:
        notes.append(f"not UTF-8: decoded as {best.encoding} by charset detection (a guess)")
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
    notes: list[str] = []
    text, encoding = decode_bytes(data, notes)
    if not text.strip():
        raise errors.InputError(errors.EMPTY, "the file holds only whitespace")
    if fmt == "txt":
        carried = text if encoding in ("tcvn3", "vni") else None  # no codec re-creates it
        return [RawArticle(path.stem, text, SourceInfo(str(path), digest, encoding, "txt", carried,
                                                       {"warnings": notes}))]
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
