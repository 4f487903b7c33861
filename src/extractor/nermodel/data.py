"""Training data for the NER model: hand-annotated gold and silver (the rules' output).

Gold, all written by people reading the articles (docs/ANNOTATION.md):

- the `dev` split's NER layer (`data/annotated/ner_dev/`): every mention of persons with a
  position and of specific organisations, entity conventions (a body inside a position is an
  organisation); dates from the dev gold records. A dev article without that layer falls back to
  its gold record (officials → PERSON, units → ORGANIZATION, dates → DATE);
- the NER batch (`data/annotated/ner/`): 689 further articles annotated the same way (seven
  rounds, `manifest.csv`), with dates from the rules.

Silver, on every other article of `data/raw/` and the shared corpus:

- PERSON: officials' mentions (the officials rule);
- ORGANIZATION: units' mentions (the units rule, including bodies named only inside a position,
  "Trưởng Ban Tuyên giáo Tỉnh ủy");
- DATE: the dates rule.

LOCATION is silver everywhere (no layer annotates places): the provinces gazetteer
(`lexicons/provinces.txt`) and capitalised names after "tỉnh/huyện/xã/thành phố/quận/phường/
thị xã/thị trấn".

Gold and the rules list only some mentions of an item, so every other exact occurrence of a
labelled text in the same article is labelled too (a multi-word organisation also in its
lower-case-first form, "ban Tuyên giáo Tỉnh ủy" in "Trưởng ban Tuyên giáo Tỉnh ủy"). Overlaps
are resolved longest first. Text is cut into lines, long lines into sentences, and only lines the
pipeline treats as article text are kept (page chrome is neither annotated in gold nor
extracted by the rules, so its entities would teach the model that names are not names).

Never used for training: the gold `test` split, and any article that is a near-copy of a test
article (most of its long lines occur in a test article); single lines shared with a test
article are dropped from any training article.

`python -m extractor.nermodel.data` builds `build/nermodel/examples.jsonl` and `stats.json`
(the silver extraction is cached in `build/nermodel/articles.jsonl`).
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .tokens import segments

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "data" / "annotated"
RAW_DIR = ROOT / "data" / "raw"
CORPUS_DIR = ROOT.parent / "shared" / "corpus" / "articles"
BUILD = ROOT / "build" / "nermodel"

Span = tuple[int, int, str]  # (start, end, label), character offsets
PRIORITY = {"PERSON": 0, "ORGANIZATION": 1, "DATE": 2, "LOCATION": 3}
TRAIN_KINDS = ("content", "header")  # block kinds kept for training (not chrome, not repeats)


# --------------------------------------------------------------------------- splits and files

def manifest() -> list[dict]:
    with (GOLD_DIR / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split_ids(split: str) -> list[str]:
    return [r["id"] for r in manifest() if r["split"] == split]


def gold_record(article_id: str) -> dict:
    return json.loads((GOLD_DIR / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))


def read_article(path: Path):
    """The decoded source text of a .txt article (the coordinate system of gold offsets)."""
    from ..load import load

    items = load(Path(path))
    raw = items[0]
    if not hasattr(raw, "text"):
        raise ValueError(f"{path}: {raw}")
    return raw


def candidate_paths() -> list[Path]:
    """Every article the rules may label: data/raw plus the shared corpus, one per id."""
    paths: dict[str, Path] = {}
    for d in (RAW_DIR, CORPUS_DIR):
        if d.is_dir():
            for p in sorted(d.glob("*.txt")):
                paths.setdefault(p.stem, p)
    return [paths[k] for k in sorted(paths)]


# --------------------------------------------------------------------------- span helpers

def _is_word(ch: str) -> bool:
    return ch.isalnum()


def bounded(text: str, s: int, e: int) -> bool:
    """text[s:e] starts and ends at word boundaries."""
    return (s == 0 or not _is_word(text[s - 1]) or not _is_word(text[s])) and \
        (e == len(text) or not _is_word(text[e]) or not _is_word(text[e - 1]))


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0:
        if bounded(text, at, at + len(needle)):
            out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


def expand(text: str, spans: list[Span]) -> list[Span]:
    """Every other exact occurrence of a labelled text, with the same label. A multi-word
    organisation whose later words are capitalised is also found with its first letter in the
    other case ("Ban Tuyên giáo Tỉnh ủy" / "ban Tuyên giáo Tỉnh ủy")."""
    out: list[Span] = []
    seen: set[tuple[str, str]] = set()
    for s, e, label in spans:
        needle = text[s:e]
        if (needle, label) in seen or len(needle) < 2:
            continue
        seen.add((needle, label))
        variants = [needle]
        words = needle.split()
        if label == "ORGANIZATION" and len(words) >= 2 and any(w[:1].isupper() for w in words[1:]):
            variants.append(needle[0].swapcase() + needle[1:])
        for v in variants:
            out.extend((a, b, label) for a, b in occurrences(text, v))
    return out


def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first (ties: PERSON, ORGANIZATION, DATE, LOCATION)."""
    taken: list[Span] = []
    for s, e, label in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), PRIORITY[x[2]], x[0])):
        if e <= s:
            continue
        if any(s < te and ts < e for ts, te, _ in taken):
            continue
        taken.append((s, e, label))
    return sorted(taken)


# --------------------------------------------------------------------------- locations (silver)

LEVEL_WORDS = ("tỉnh", "huyện", "xã", "thành phố", "quận", "phường", "thị xã", "thị trấn")
_LEVEL = re.compile(r"(?<!\w)(" + "|".join(sorted({w for lw in LEVEL_WORDS for w in (lw, lw.capitalize())},
                                                    key=len, reverse=True)) + r") +")
_NAME_SYLLABLE = re.compile(r"[^\s,.;:!?()\[\]\"“”]+")
NUMBERED_LEVELS = ("quận", "phường")  # "Quận 3", "Phường 1"


@lru_cache(maxsize=1)
def _gazetteer_rx() -> re.Pattern[str]:
    from ..lexicons import words

    names = sorted(words("provinces.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _place_after(t: str, pos: int, level: str) -> int:
    """End of the capitalised place name starting at `pos` (up to 3 syllables), or `pos` when
    there is none. A gazetteer name there wins; a run that starts with a family name and has
    three syllables or "Thị" second is a person ("Chủ tịch UBND tỉnh Huỳnh Thị Hằng")."""
    from ..lexicons import words

    g = _gazetteer_rx().match(t, pos)
    if g:
        return g.end()
    sylls: list[tuple[int, int]] = []
    k = pos
    while len(sylls) < 3:
        m = _NAME_SYLLABLE.match(t, k)
        if not m:
            break
        raw = m.group(0)
        syl = raw.rstrip("-–’'")
        if not syl:
            break
        first = syl[0]
        if first.isupper():
            if syl.isupper() and len(syl) > 1:
                break  # "tỉnh HĐND": an acronym is not a place name
        elif not (first.isdigit() and not sylls and level.lower() in NUMBERED_LEVELS and syl.isdigit()):
            break
        sylls.append((m.start(), m.start() + len(syl)))
        if len(syl) < len(raw) or m.end() >= len(t) or t[m.end()] != " ":
            break
        k = m.end() + 1
    if not sylls:
        return pos
    texts = [t[a:b] for a, b in sylls]
    if level.lower() != "thành phố" and texts[0] in set(words("surnames.txt")) and (len(texts) >= 3 or (len(texts) > 1 and texts[1] == "Thị")):
        return pos
    return sylls[-1][1]


def locations(text: str) -> list[Span]:
    """Gazetteer provinces and capitalised names after a level word, as offsets into `text`
    (matched on the normalised text, so old-style spellings "Hoà Bình" are found too)."""
    from ..normalise import normalise

    norm = normalise(text)
    t = norm.text
    out: list[tuple[int, int]] = []
    for m in _gazetteer_rx().finditer(t):
        out.append((m.start(), m.end()))
    for m in _LEVEL.finditer(t):
        level = m.group(1)
        if t[max(0, m.start() - 4):m.start()].lower() == "cấp ":
            continue  # "cấp huyện", "cấp xã": a level of government, not a place
        if level[0].isupper():  # "Bảo Hiểm Xã Hội": a title-case run, not a level word
            k = m.start() - 1
            while k >= 0 and t[k] == " ":
                k -= 1
            if k >= 0 and t[k].isalpha() and _word_start_upper(t, k):
                continue
        end = _place_after(t, m.end(), level)
        if end > m.end():
            # "Quận 3": a number alone is no name, the level word is part of it
            out.append((m.start() if t[m.end()].isdigit() else m.end(), end))
    spans = []
    for s, e in out:
        a, b = norm.to_source(s, e)
        if b > a:
            spans.append((a, b, "LOCATION"))
    return spans


def _word_start_upper(t: str, k: int) -> bool:
    while k > 0 and not t[k - 1].isspace():
        k -= 1
    return t[k].isupper()


# --------------------------------------------------------------------------- gold and silver

def gold_spans(rec: dict) -> list[Span]:
    """PERSON/ORGANIZATION/DATE spans of a gold record (optional items included: they are
    real names, only their status as extracted items is doubtful)."""
    out: list[Span] = []
    for o in rec.get("officials", []):
        out += [(m["start"], m["end"], "PERSON") for m in o["mentions"]]
    for u in rec.get("units", []):
        out += [(m["start"], m["end"], "ORGANIZATION") for m in u["mentions"]]
    for d in rec.get("dates", []):
        out.append((d["span"]["start"], d["span"]["end"], "DATE"))
    return out


NER_DIR = GOLD_DIR / "ner"            # the NER batch (training)
NER_DEV_DIR = GOLD_DIR / "ner_dev"    # the same annotation of the `dev` split (training)
NER_TEST_DIR = GOLD_DIR / "ner_test"  # the same annotation of the `test` split (evaluation only)


def ner_draft(article_id: str, folder: Path = NER_DIR) -> dict | None:
    """The hand annotation of persons and organisations for an article (`<folder>/<id>.json`,
    checked by `scripts/ner_tool.py`), or None."""
    path = folder / f"{article_id}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


# Bare general words the gold set never marks as a unit ("Đảng" in "xây dựng Đảng", "Trung ương"
# as a level, "Nhà nước"): some annotators of the NER layers (batch, dev and test alike) listed
# them; they are left out so that every layer follows the gold records' convention.
NER_BATCH_SKIP = {"Đảng", "Trung ương", "Nhà nước", "Quân đội", "Công an", "Bộ", "Cục", "Đoàn", "Hội"}
# A body's word followed by one of these is part of a title or a compound noun, not the body:
# "Cục trưởng", "Đảng viên", "Đảng ủy", "Hội đồng".
_TITLE_TAIL = re.compile(r" (?:trưởng|phó|viên|ủy|uỷ|bộ|tịch|đồng|nghị)(?!\w)")


def _glued_to_code(text: str, a: int) -> bool:
    """An occurrence glued after "/" or "-" is part of a document code ("09/2024/NQ-HĐND") or a
    photo credit ("Ảnh: An Đăng/TTXVN"), not a mention of the body."""
    return a > 0 and text[a - 1] in "/-"


# A person's name written right after a road word, or a city's name after a city word, names
# the place, not the person ("đường Lê Duẩn", "TP Hồ Chí Minh"), though the annotator listed
# the leader. "Chủ tịch UBND TP Lê Hồng Sơn" stays a person: "Lê Hồng Sơn" is no city.
_ROAD_BEFORE = re.compile(r"(?:^|[^\w])(?:[Đđ]ường|[Pp]hố|[Cc]hiến dịch)\s+$")
_CITY_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]hành phố|TP\.?|Tp\.?)\s*$")


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    from ..lexicons import words

    return frozenset(re.sub(r"^(?:Thành phố|TP|Tỉnh)\s+", "", w) for w in words("provinces.txt"))


def _names_place(text: str, a: int, name: str) -> bool:
    before = text[max(0, a - 12):a]
    return bool(_ROAD_BEFORE.search(before)) or (name in _city_names() and bool(_CITY_BEFORE.search(before)))


def ner_layer_spans(aid: str, text: str, folder: Path) -> list[Span]:
    """`ner_draft_spans` of the article's annotation in `folder`; an error when it has none."""
    draft = ner_draft(aid, folder)
    if draft is None:
        raise FileNotFoundError(f"no NER annotation {folder / (aid + '.json')}")
    return ner_draft_spans(text, draft)


def ner_draft_spans(text: str, draft: dict) -> list[Span]:
    """PERSON/ORGANIZATION spans at every occurrence of the draft's strings (the annotator lists
    each written form once)."""
    out: list[Span] = []
    for key, label in (("persons", "PERSON"), ("organisations", "ORGANIZATION")):
        for name in draft.get(key, []):
            if label == "ORGANIZATION" and name in NER_BATCH_SKIP:
                continue
            for a, b in occurrences(text, name):
                if label == "ORGANIZATION" and (_TITLE_TAIL.match(text, b) or _glued_to_code(text, a)):
                    continue
                if label == "PERSON" and _names_place(text, a, name):
                    continue
                out.append((a, b, label))
    return out


# Words that open an organisation's name. In silver sentences a run starting with one of them
# that the rules left unlabelled is marked *missing* (no loss either way), not "outside": the
# rules know only part of the genre's bodies, and teaching the model that "BHXH tỉnh Hưng Yên"
# or "Quân khu 3" is not an organisation costs recall.
ORG_HEADS = (
    "Ban", "Bộ", "Sở", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Học viện", "Trường", "Trung tâm",
    "Bệnh viện", "Công ty", "Tổng công ty", "Tập đoàn", "Ngân hàng", "Hội", "Liên hiệp", "Liên đoàn",
    "Ủy ban", "Uỷ ban", "Văn phòng", "Phòng", "Chi nhánh", "Báo", "Tạp chí", "Đài", "Cổng", "Quân khu",
    "Quân đoàn", "Binh đoàn", "Sư đoàn", "Trung đoàn", "Tiểu đoàn", "Lữ đoàn", "Bộ Chỉ huy", "Công an",
    "Tòa án", "Toà án", "Viện kiểm sát", "Mặt trận", "Đoàn", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ",
    "Hợp tác xã", "Cảng", "Quỹ", "Kho bạc", "Hải quan", "Bảo hiểm", "Thanh tra", "Tòa", "Trạm",
    "Trung ương", "Thường trực", "Quân đội", "Bộ đội",
)
_ORG_HEAD = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, ORG_HEADS), key=len, reverse=True)) + r"|[A-ZĐ]{2,}[A-ZĐ&]*)"
    r"(?= +[^\s])")
_RUN_END = re.compile(r"[,.;:!?()\[\]\"“”\n]| - | – ")
_NOT_BODY = re.compile(r" +(?:trưởng|phó|viên|nghị|quyết|thị|chức|trình|sinh|tịch)\b")


def unlabelled_org_runs(text: str, spans: list[Span], max_len: int = 80) -> list[tuple[int, int]]:
    """Runs that look like an organisation's name (an ORG_HEADS word or an acronym, up to the next
    punctuation) and overlap no labelled span. "Cục trưởng", "Hội nghị", "Chương trình" are
    titles, events and programmes, not bodies, and are skipped."""
    out = []
    for m in _ORG_HEAD.finditer(text):
        s = m.start()
        if _NOT_BODY.match(text, m.end()):
            continue
        end_m = _RUN_END.search(text, m.end())
        e = min(end_m.start() if end_m else len(text), s + max_len)
        e = len(text[:e].rstrip())
        for a, b, _ in spans:
            if a <= s < b:
                e = s
            elif s < a < e:
                e = a
        e = len(text[:e].rstrip())
        if e - s >= 3:
            out.append((s, e))
    return out


def article_blocks(raw) -> list[tuple[int, int, str]]:
    """The pipeline's blocks (lines or runs of lines) as source ranges with their kind
    ("content", "header", "chrome", "duplicate"): chrome.py decides, no extraction runs."""
    from ..pipeline import prepare

    doc = prepare(raw)
    out = []
    for b in doc.blocks:
        s, e = doc.norm.to_source(b.start, b.end)
        out.append((s, e, b.kind))
    return out


def rule_spans(raw) -> tuple[list[Span], list[tuple[int, int, str]]]:
    """The rules' PERSON/ORGANIZATION/DATE spans of one article, and its blocks as source
    ranges with their kind. Units come from the units rule without the "only inside a title"
    filter: a body named inside a position is still an organisation for NER."""
    from ..extract.officials import extract_officials
    from ..extract.units import extract_units
    from ..pipeline import extract_article, prepare

    record = extract_article(raw)
    doc = prepare(raw)
    blocks = []
    for b in doc.blocks:
        s, e = doc.norm.to_source(b.start, b.end)
        blocks.append((s, e, b.kind))
    spans: list[Span] = []
    officials, _ = extract_officials(doc)
    for o in list(record.officials) + officials:
        spans += [(m.start, m.end, "PERSON") for m in o.mentions]
    for u in list(record.units) + extract_units(doc):
        spans += [(m.start, m.end, "ORGANIZATION") for m in u.mentions]
    for d in record.dates:
        spans.append((d.span.start, d.span.end, "DATE"))
    return sorted(set(spans)), blocks


_TERM = re.compile(r"\s+(?:khóa|khoá|Khóa|Khoá)\s+[IVXLC\d]+$")


def clean_rule_spans(text: str, spans: list[Span]) -> list[Span]:
    """The rules' organisation spans without a trailing term ("Hội đồng nhân dân huyện khóa
    IV" → "Hội đồng nhân dân huyện"; gold leaves the term out of the body's name)."""
    out = []
    for s, e, label in spans:
        if label == "ORGANIZATION":
            m = _TERM.search(text, s, e)
            if m and m.end() == e and m.start() > s:
                e = m.start()
        out.append((s, e, label))
    return out


def label_article(text: str, base: list[Span]) -> list[Span]:
    """Base spans + their other occurrences (longest first), then locations where they do not
    clash: a place that runs into a labelled span is cut before it, one inside is dropped."""
    spans = resolve(list(base) + expand(text, base))
    locs = []
    for s, e, label in resolve(locations(text)):
        for ts, te, _ in spans:
            if s < te and ts < e:
                if s < ts:
                    e = ts
                    while e > s and not text[e - 1].isalnum():
                        e -= 1
                else:
                    e = s
        if e > s:
            locs.append((s, e, label))
    return resolve(spans + locs)


# --------------------------------------------------------------------------- test copies

def _line_key(line: str) -> str:
    from ..normalise import normalise

    return " ".join(normalise(line).text.lower().split())


def long_lines(text: str, min_len: int = 40) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        key = _line_key(line)
        if len(key) >= min_len:
            out.append((pos, pos + len(line), key))
        pos += len(line) + 1
    return out


def test_line_keys() -> set[str]:
    keys: set[str] = set()
    for aid in split_ids("test"):
        raw = read_article(RAW_DIR / f"{aid}.txt")
        keys.update(k for _, _, k in long_lines(raw.text))
    return keys


# --------------------------------------------------------------------------- articles

def _article_job(path: str) -> dict:
    raw = read_article(Path(path))
    spans, blocks = rule_spans(raw)
    return {"id": Path(path).stem, "path": str(path), "sha": hashlib.sha256(raw.text.encode()).hexdigest(),
            "rule_spans": spans, "blocks": blocks}


def rule_cache(paths: list[Path], workers: int = 2, log=print) -> dict[str, dict]:
    """The rules' spans and blocks per article, cached in build/nermodel/articles.jsonl."""
    BUILD.mkdir(parents=True, exist_ok=True)
    cache_path = BUILD / "articles.jsonl"
    cache: dict[str, dict] = {}
    if cache_path.is_file():
        for line in cache_path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cache[row["path"]] = row
    todo = [str(p) for p in paths if str(p) not in cache]
    if todo:
        log(f"running the rules on {len(todo)} articles ({workers} workers)…")
        t0 = time.time()
        if workers > 1:
            from multiprocessing import get_context

            with get_context("fork").Pool(workers) as pool:
                rows = pool.map(_article_job, todo, chunksize=8)
        else:
            rows = [_article_job(p) for p in todo]
        with cache_path.open("a", encoding="utf-8") as f:
            for row in rows:
                cache[row["path"]] = row
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        log(f"  done in {time.time() - t0:.0f} s")
    return {str(p): cache[str(p)] for p in paths}


@dataclass
class Example:
    text: str
    spans: list[Span]
    article: str
    source: str  # "gold" | "silver"
    variant: str = "source"  # "source" | "normalised"
    meta: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"text": self.text, "spans": self.spans, "article": self.article,
                "source": self.source, "variant": self.variant}


def article_examples(text: str, spans: list[Span], ranges: list[tuple[int, int]], article: str,
                     source: str, normalised_copy: bool = True) -> list[Example]:
    """Cut an article into sentence examples (offsets made local), inside `ranges` only."""
    from ..normalise import normalise

    protected = [(s, e) for s, e, _ in spans]
    out: list[Example] = []
    for rs, re_ in ranges:
        for s, e in segments(text, rs, re_, protected):
            local = [(a - s, b - s, l) for a, b, l in spans if s <= a and b <= e]
            sent = text[s:e]
            out.append(Example(sent, local, article, source))
            if normalised_copy:
                norm = normalise(sent)
                if norm.text != sent:
                    mapped = _to_norm(norm, local)
                    if mapped is not None:
                        out.append(Example(norm.text, mapped, article, source, "normalised"))
    return out


def _to_norm(norm, spans: list[Span]) -> list[Span] | None:
    """Map source-local spans to the normalised text (None if a span does not map cleanly)."""
    out = []
    for a, b, label in spans:
        idx = [i for i in range(len(norm.text)) if norm.starts[i] >= a and norm.ends[i] <= b
               and not (norm.starts[i] == norm.ends[i] and (norm.starts[i] in (a, b)))]
        if not idx:
            return None
        na, nb = idx[0], idx[-1] + 1
        if norm.text[na:nb].strip() != norm.text[na:nb]:
            return None
        out.append((na, nb, label))
    return out


def build(workers: int = 2, log=print) -> dict:
    """Write build/nermodel/examples.jsonl and stats.json; return the stats."""
    t0 = time.time()
    test = set(split_ids("test"))
    dev = set(split_ids("dev"))
    paths = [p for p in candidate_paths() if p.stem not in test]
    rows = rule_cache(paths, workers, log)
    test_keys = test_line_keys()
    stats: Counter = Counter()
    examples: list[Example] = []
    seen_sha: set[str] = set()
    for p in paths:
        row = rows[str(p)]
        aid = row["id"]
        if row["sha"] in seen_sha:
            stats["skipped_duplicate_text"] += 1
            continue
        seen_sha.add(row["sha"])
        raw = read_article(p)
        text = raw.text
        lines = long_lines(text)
        shared = [(s, e) for s, e, k in lines if k in test_keys]
        if aid not in dev and shared and len(shared) >= 2 and len(shared) >= 0.5 * len(lines):
            stats["skipped_test_copy"] += 1
            log(f"  left out {aid}: a copy of a test article ({len(shared)}/{len(lines)} lines)")
            continue
        stats["lines_dropped_shared_with_test"] += len(shared)
        kept = [(s, e) for s, e, kind in row["blocks"] if kind in TRAIN_KINDS]
        ranges = _minus(kept, shared)
        draft = ner_draft(aid)
        dev_draft = ner_draft(aid, NER_DEV_DIR) if aid in dev else None
        if dev_draft is not None:
            # the dev article's NER layer (entity conventions) with the gold record's dates
            base = ner_draft_spans(text, dev_draft) + [x for x in gold_spans(gold_record(aid)) if x[2] == "DATE"]
            source = "gold"
            stats["articles_gold_ner_dev"] += 1
        elif aid in dev:
            base = gold_spans(gold_record(aid))
            source = "gold"
        elif draft is not None:
            # hand-annotated persons and organisations; dates from the rules (high precision)
            base = ner_draft_spans(text, draft) + [tuple(x) for x in row["rule_spans"] if x[2] == "DATE"]
            source = "gold"
            stats["articles_gold_ner_batch"] += 1
        else:
            base = clean_rule_spans(text, [tuple(x) for x in row["rule_spans"]])
            source = "silver"
        spans = label_article(text, base)
        exs = article_examples(text, spans, ranges, aid, source)
        examples += exs
        stats[f"articles_{source}"] += 1
        for ex in exs:
            stats[f"sentences_{source}_{ex.variant}"] += 1
            for _, _, label in ex.spans:
                stats[f"{source}_{ex.variant}_{label}"] += 1
    BUILD.mkdir(parents=True, exist_ok=True)
    with (BUILD / "examples.jsonl").open("w", encoding="utf-8") as f:
        for ex in examples:
            f.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
    out = dict(sorted(stats.items()))
    out["seconds"] = round(time.time() - t0, 1)
    (BUILD / "stats.json").write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return out


def _minus(ranges: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in ranges:
        cur = [(s, e)]
        for hs, he in holes:
            nxt = []
            for a, b in cur:
                if he <= a or b <= hs:
                    nxt.append((a, b))
                    continue
                if a < hs:
                    nxt.append((a, hs))
                if he < b:
                    nxt.append((he, b))
            cur = nxt
        out += cur
    return out


def load_examples() -> list[dict]:
    path = BUILD / "examples.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m extractor.nermodel.data", description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    stats = build(args.workers, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(stats, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
