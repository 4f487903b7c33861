"""The stages in order: load → normalise → chrome → segment → extract → assemble → validate.

`extract_article` runs one decoded article; `extract_file` loads a path first. Both return
validated `ArticleRecord`s whose every span is grounded in the decoded source text.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import errors
from .chrome import mark_blocks
from .document import Document
from .extract.dates import extract_dates, reference_year
from .extract.documents import extract_documents
from .extract.meta import extract_author, extract_event, extract_published, extract_title
from .extract.numbers import extract_indicators
from .extract.officials import extract_officials
from .extract.tasks import extract_tasks
from .extract.units import extract_units
from .load import RawArticle, load
from .ner import document_entities
from .normalise import normalise
from .schema import ArticleRecord, Source
from .segment import split_sentences


def prepare(raw: RawArticle) -> Document:
    """Stages 2-4: normalise, mark chrome, split sentences."""
    doc = Document(id=raw.id, source=raw.text, info=raw.info, norm=normalise(raw.text),
                   warnings=list(raw.info.meta.get("warnings", [])))
    mark_blocks(doc)
    split_sentences(doc)
    return doc


def extract_article(raw: RawArticle) -> ArticleRecord:
    doc = prepare(raw)
    title, title_block = extract_title(doc)
    if title_block is not None:
        # The headline repeats the lead: metadata only, so its items are not counted twice.
        doc.blocks[title_block] = replace(doc.blocks[title_block], kind="header", reason="title")
    published = extract_published(doc)
    year = reference_year(doc, published)
    dates, date_ranges = extract_dates(doc, year)
    if year is None and any(b.kind == "content" for b in doc.blocks):
        doc.warnings.append("no year found in the article: dates without a year were left out")
    documents, doc_ranges = extract_documents(doc)
    indicators = extract_indicators(doc, date_ranges + doc_ranges)
    entities = document_entities(doc)
    officials, title_ranges = extract_officials(doc, entities)
    units = extract_units(doc, title_ranges, entities)
    tasks = extract_tasks(doc)
    event = extract_event(doc, title, dates, units, year)
    if event is not None and event.date is None:
        doc.warnings.append("the article reports a meeting but gives no day for it")
    if not looks_vietnamese(doc):
        doc.warnings.append("the text does not look like Vietnamese (few Vietnamese letters): expect empty fields")
    chrome = sum(1 for b in doc.blocks if b.kind == "chrome")
    dup = sum(1 for b in doc.blocks if b.kind == "duplicate")
    if dup:
        doc.warnings.append(f"{dup} repeated paragraph(s) counted once")
    if chrome and not any(b.kind == "content" for b in doc.blocks):
        doc.warnings.append("every line looked like page chrome: nothing extracted")
    info = doc.info
    record = ArticleRecord(
        id=doc.id,
        source=Source(path=info.path, sha256=info.sha256, encoding=info.encoding, format=info.format,
                      text=info.text),
        title=title, published_date=published, author=extract_author(doc), event=event,
        dates=dates, units=units, officials=officials, indicators=indicators, tasks=tasks,
        documents=documents, warnings=doc.warnings)
    check_grounding(record, doc.source)
    return record


VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
MIN_VI_SHARE = 0.03  # Vietnamese prose has ~15-25 % of letters with diacritics; English has none


def looks_vietnamese(doc: Document) -> bool:
    """True when the content's letters include a plausible share of Vietnamese-only letters."""
    letters = vi = 0
    for _, b in doc.content_blocks():
        for ch in doc.text[b.start:b.end]:
            if ch.isalpha():
                letters += 1
                vi += ch.lower() in VI_LETTERS
    return letters < 200 or vi / letters >= MIN_VI_SHARE


def check_grounding(record: ArticleRecord, source: str) -> None:
    """The contract's invariant; a failure here is a bug, never a user error."""
    for field, i, span in record.spans():
        if source[span.start:span.end] != span.text:
            raise errors.ExtractorError(f"{record.id}: {field}[{i}] span {span.start}:{span.end} is not grounded")


def extract_text(text: str, id: str = "text", path: str = "<text>") -> ArticleRecord:
    """Extract from a string (as if it were a UTF-8 .txt file)."""
    from .document import SourceInfo
    from .load import sha256

    info = SourceInfo(path=path, sha256=sha256(text.encode("utf-8")), encoding="utf-8", format="txt")
    return extract_article(RawArticle(id, text, info))


def extract_file(path: str | Path) -> list[ArticleRecord | errors.InputError]:
    """Extract every article of one input file; bad articles come back as InputError."""
    out: list[ArticleRecord | errors.InputError] = []
    for raw in load(Path(path)):
        out.append(raw if isinstance(raw, errors.InputError) else extract_article(raw))
    return out
