"""Legacy Vietnamese 8-bit encodings: Windows-1258, TCVN3 (ABC) and VNI-Windows.

Government sites still serve text typed before Unicode. Those bytes are also valid
Windows-1252 / Latin-1, so no byte pattern says which encoding they are in: `decode_legacy`
decodes a sample with each candidate and keeps the one whose words are Vietnamese syllables.

    decode_legacy(data) -> (text, encoding, confidence) | None
    decode_with(data, encoding) -> text      # the same text again, from the encoding name
    encode_cp1258 / encode_tcvn3 / encode_vni(text) -> bytes   # the tables backwards (tests)
    detect(data) -> (encoding, share) | None; score_text(text); is_syllable(word)

The encodings
-------------
cp1258  Python's codec decodes it, but a cp1258 file writes most toned vowels as a base letter
        (with the circumflex/breve/horn letters cp1258 has: â ê ô ơ ư ă đ) followed by a
        combining tone mark (U+0300 U+0301 U+0303 U+0309 U+0323); the text is made NFC.
tcvn3   TCVN 5712:1993 "VN3", the ABC fonts (.VnTime, .VnArial): one byte per letter, lower-case
        toned vowels and the seven upper-case base letters Ă Â Ê Ô Ơ Ư Đ. It has no upper-case
        toned vowels (caps fonts such as .VnTimeH draw the lower-case codes as capitals), so
        those bytes decode to lower case, as Unikey and the other converters do.
vni     VNI-Windows (VNI-Times fonts): an ASCII base letter followed by one modifier byte (tone,
        or circumflex/breve with the tone); ơ ư đ, the toned i's and ỵ are single bytes.
        Upper-case letters take the upper-case modifier; a modifier of the other case is
        accepted too (the letter's case wins), since nothing else could be meant.
Any byte a table does not give to a letter means what it means in Windows-1252 (quotes, dashes,
"…" at 0x80-0x9F); the five bytes cp1252 leaves undefined become U+0080-U+009F, so decoding
tcvn3 and vni never fails.

The returned text is NFC for all three, and that NFC text is what spans index. Python has no
codec for "tcvn3" or "vni", and bytes.decode("cp1258") is not NFC, so whoever re-decodes a
file from `source.encoding` must call `decode_with`, which gives exactly the text that
`decode_legacy` returned (and is plain bytes.decode for any other encoding name).

Why the tables are data files (lexicons/tcvn3.tsv, lexicons/vni.tsv)
-------------------------------------------------------------------
A table is the thing a reviewer checks against the published ones, row by row: one row per
letter, with its bytes in hex and the Unicode name beside the character, is easier to check
than a Python dict of look-alike Latin-1 characters ("aù", "¸"), and it can be diffed against
Unikey's or another converter's table with any tool. The lexicons package already ships *.tsv
files. This module holds only the rules around the tables (cp1252 for the other bytes, case
of VNI modifiers, NFC), and the encoders, which are the tables read backwards.
Both tables were checked, every letter, against Unikey's tables (tcvn3, vni_win), and their
lower-case letters also against xvnkb's (tcvn.h, vni.h).

Detection
---------
Each candidate (and plain cp1252, the baseline) decodes the first SAMPLE_BYTES bytes; the words
(whitespace tokens, edge punctuation stripped, split at "-" and "/"; tokens with digits and
acronyms -- all-capital ASCII, or all-capital without a vowel, like HĐND -- left out) are
checked by `is_syllable`, a compact validator of Vietnamese syllable structure: onset, vowel
nucleus, coda, at most one tone, and only the acute or dot-below tone before the stop codas
p t c ch (and k, for Đắk Lắk). The share of valid words is the confidence. A candidate wins
when that share and the share among the words that hold a non-ASCII letter (the only words on
which the candidates differ) are both >= MIN_SHARE, it has at least MIN_MARKED such words, and
it beats cp1252's share on those words by MARGIN. Plain Latin-1 English or French fails that:
its accented words are no Vietnamese syllables, and cp1258 reads them as cp1252 does.
Every step is linear in the input.
"""
from __future__ import annotations

import codecs
import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).parent / "lexicons"

CP1258, TCVN3, VNI = "cp1258", "tcvn3", "vni"
LEGACY_ENCODINGS = (CP1258, TCVN3, VNI)  # also the order of preference on a tie

SAMPLE_BYTES = 20_000  # detection scores this much of the file
MIN_SHARE = 0.8  # share of valid syllables needed, over all words and over accented words
MIN_MARKED = 3  # words with a non-ASCII letter needed to say anything at all
MARGIN = 0.3  # how much better than cp1252 the accented words must read

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
VOWELS = "aăâeêioôơuưy"


# --- tables -------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[bytes, str], ...]:
    """(bytes, character) rows of a table file: hex bytes<TAB>character<TAB>comment."""
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        hexes, char = line.split("\t")[:2]
        rows.append((bytes(int(h, 16) for h in hexes.split()), char))
    return tuple(rows)


@lru_cache(maxsize=None)
def _cp1252_chars() -> str:
    """cp1252 as a 256-character decoding table; its 5 undefined bytes map to U+0080-U+009F."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@lru_cache(maxsize=None)
def _tcvn3_chars() -> str:
    table = list(_cp1252_chars())
    for raw, char in _rows("tcvn3.tsv"):
        (byte,) = raw
        table[byte] = char
    return "".join(table)


@lru_cache(maxsize=None)
def _vni_parser() -> tuple[re.Pattern[str], dict[str, str]]:
    """A regex over the cp1252 reading of VNI bytes, and what each match stands for."""
    latin = _cp1252_chars()
    seqs: dict[str, str] = {}
    mods: dict[str, set[str]] = {}  # base letter -> modifiers it takes
    for raw, char in _rows("vni.tsv"):
        seq = "".join(latin[b] for b in raw)
        seqs[seq] = char
        if len(seq) == 2:
            base, mod = seq
            other = mod.swapcase()  # the modifier of the other case: the letter's case wins
            seqs.setdefault(base + other, char)
            mods.setdefault(base, set()).update((mod, other))
    by_mods: dict[frozenset[str], set[str]] = {}
    for base, ms in mods.items():
        by_mods.setdefault(frozenset(ms), set()).add(base)

    def cls(chars) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    groups = sorted(by_mods.items(), key=lambda kv: sorted(kv[1]))
    pairs = [cls(bases) + cls(ms) for ms, bases in groups]  # e.g. [Aa][modifiers a takes]
    singles = cls(s for s in seqs if len(s) == 1)
    return re.compile("|".join(pairs + [singles])), seqs


# --- decoding ------------------------------------------------------------------------------

def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _decode_cp1252_lenient(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _cp1252_chars())[0]


def _decode_tcvn3(data: bytes) -> str:
    return _nfc(codecs.charmap_decode(data, "strict", _tcvn3_chars())[0])


def _decode_vni(data: bytes) -> str:
    pattern, seqs = _vni_parser()
    return _nfc(pattern.sub(lambda m: seqs[m.group()], _decode_cp1252_lenient(data)))


_OWN = {"tcvn3": _decode_tcvn3, "vni": _decode_vni}


def decode_with(data: bytes, encoding: str) -> str:
    """Decode `data` as `encoding`, exactly as `decode_legacy` does for the names it returns.

    "tcvn3" and "vni" (no Python codec) use this module's tables; cp1258 (any alias) is
    bytes.decode made NFC; any other name is plain bytes.decode (strict)."""
    own = _OWN.get(encoding.strip().lower())
    if own is not None:
        return own(data)
    if codecs.lookup(encoding).name == CP1258:
        return _nfc(data.decode(encoding))
    return data.decode(encoding)


# --- encoding (the tables read backwards; used to make test files) ----------------------

def encode_cp1258(text: str) -> bytes:
    """Encode as a Windows program would: a precomposed letter where cp1258 has one, else the
    base letter (â ê ô ơ ư ă kept whole) followed by a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode(CP1258)
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in TONE_MARKS]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out += (base + "".join(tones)).encode(CP1258)  # raises for what cp1258 cannot hold
    return bytes(out)


@lru_cache(maxsize=None)
def _encoder(name: str) -> dict[str, bytes]:
    table = {char: raw for raw, char in _rows(name)}
    if name == "tcvn3.tsv":  # no capital toned vowels: they are written with the small letter
        for char, raw in list(table.items()):
            if char.upper() != char and char.upper() not in table:
                table[char.upper()] = raw
    return table


@lru_cache(maxsize=None)
def _taken(name: str) -> frozenset[int]:
    """Bytes that the table gives to letters: a cp1252 character there cannot be written."""
    taken = {b for raw, _ in _rows(name) for b in raw if b >= 0x80}
    return frozenset(taken)


def _encode_table(text: str, name: str, encoding: str) -> bytes:
    table, taken = _encoder(name), _taken(name)
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, ch in enumerate(text):
        raw = table.get(ch)
        if raw is None:
            try:
                raw = ch.encode("cp1252")
            except UnicodeEncodeError:
                raise UnicodeEncodeError(encoding, text, i, i + 1, "not in cp1252 either") from None
            if raw[0] in taken:
                why = f"{encoding} uses that byte for a letter"
                raise UnicodeEncodeError(encoding, text, i, i + 1, why)
        out += raw
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """Encode as TCVN3; capital toned vowels become the small letter's byte (TCVN3 has none)."""
    return _encode_table(text, "tcvn3.tsv", TCVN3)


def encode_vni(text: str) -> bytes:
    """Encode as VNI-Windows."""
    return _encode_table(text, "vni.tsv", VNI)


# --- Vietnamese syllables ----------------------------------------------------------------

_TONED = {
    unicodedata.normalize("NFC", v + mark): (v, mark) for v in VOWELS for mark in TONE_MARKS
}
_VOWEL_CHARS = frozenset(VOWELS) | frozenset(_TONED)
_PLAIN = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")
_STOP_TONES = frozenset("\u0301\u0323")  # only sắc and nặng before p t c ch (k)

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx]"
_OPEN = ("iêu|yêu|uôi|ươi|ươu|oai|oay|oeo|oao|uây|uya|uyu|"  # nuclei ending in a glide: no coda
         "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa|uơ")
_FREE = "oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y"  # coda optional
_CLOSED = "uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â"  # coda required
_CODA = "ng|nh|ch|[cmnptk]"  # k: Central Highlands names (Đắk Lắk, Đắk Nông)
_SYLLABLE = re.compile(
    rf"(?:{_ONSET})?(?:(?:{_OPEN})|(?:{_FREE})(?P<c1>{_CODA})?|(?:{_CLOSED})(?P<c2>{_CODA}))")
_STOPS = frozenset(("p", "t", "c", "ch", "k"))


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Is `word` (NFC, any case) one well-formed Vietnamese syllable?"""
    if not 0 < len(word) <= 8:
        return False
    tone = None
    plain = []
    for c in word.lower():
        if c in _PLAIN:
            plain.append(c)
        elif c in _TONED:
            if tone is not None:
                return False
            base, tone = _TONED[c]
            plain.append(base)
        else:
            return False
    m = _SYLLABLE.fullmatch("".join(plain))
    if m is None:
        return False
    coda = m.group("c1") or m.group("c2")
    return coda not in _STOPS or tone in _STOP_TONES


@dataclass(frozen=True)
class Score:
    valid: int = 0  # valid syllables among the scored words
    words: int = 0  # scored words
    valid_marked: int = 0  # the same, over words that hold a non-ASCII letter
    marked: int = 0

    @property
    def share(self) -> float:
        return self.valid / self.words if self.words else 0.0

    @property
    def marked_share(self) -> float:
        return self.valid_marked / self.marked if self.marked else 0.0


_EDGE = string.punctuation + "“”‘’„‚«»‹›…–—―•·°¡¿§¶†‡\u00a0\u200b"
_PARTS = re.compile(r"[-/]")


def score_text(text: str) -> Score:
    """How Vietnamese `text` reads: counts of words that are valid syllables (see module doc)."""
    valid = words = valid_marked = marked = 0
    for token in text.split():
        for part in _PARTS.split(token.strip(_EDGE)):
            part = part.strip(_EDGE)
            if not part or any(c.isdigit() for c in part):
                continue
            if part.isascii():
                if not part.isalpha() or (len(part) > 1 and part.isupper()):
                    continue  # "a.b", acronyms (UBND), Roman numerals: the same in every reading
                words += 1
                valid += is_syllable(part)
            elif len(part) > 1 and part.isupper() and not _VOWEL_CHARS.intersection(part.lower()):
                continue  # HĐND, ĐBSCL, VNĐ: acronyms again
            else:
                ok = is_syllable(part)
                words += 1
                marked += 1
                valid += ok
                valid_marked += ok
    return Score(valid, words, valid_marked, marked)


def _sample(data: bytes) -> bytes:
    if len(data) <= SAMPLE_BYTES:
        return data
    head = data[:SAMPLE_BYTES]
    cut = max(head.rfind(b" "), head.rfind(b"\n"))
    return head[:cut] if cut > SAMPLE_BYTES // 2 else head


def detect(data: bytes) -> tuple[str, float] | None:
    """The legacy encoding the bytes read best in, and the share of valid words; or None."""
    if not data or b"\x00" in data:
        return None
    sample = _sample(data)
    if sample.isascii():
        return None  # the same text in every encoding: nothing to decide, and nothing to fix
    baseline = score_text(_decode_cp1252_lenient(sample))
    best: tuple[str, Score] | None = None
    for encoding in LEGACY_ENCODINGS:
        try:
            score = score_text(decode_with(sample, encoding))
        except UnicodeDecodeError:  # cp1258 leaves some bytes undefined
            continue
        key = (score.share, score.marked_share)
        if best is None or key > (best[1].share, best[1].marked_share):
            best = (encoding, score)
    if best is None:
        return None
    encoding, score = best
    if (score.marked >= MIN_MARKED
            and score.share >= MIN_SHARE
            and score.marked_share >= MIN_SHARE
            and score.marked_share - baseline.marked_share >= MARGIN
            and score.valid > baseline.valid):
        return encoding, score.share
    return None


def decode_legacy(data: bytes) -> tuple[str, str, float] | None:
    """Decode Vietnamese text in cp1258, TCVN3 or VNI: (NFC text, encoding, confidence 0..1).

    None when the bytes do not read as Vietnamese in one of them clearly better than as
    cp1252. `decode_with(data, encoding)` gives the same text again."""
    found = detect(data)
    if found is None:
        return None
    encoding, confidence = found
    try:
        text = decode_with(data, encoding)
    except UnicodeDecodeError:  # a cp1258-undefined byte after the sample
        return None
    return text, encoding, round(confidence, 4)


def _codec_search(name: str):
    """Let `bytes.decode("tcvn3")` / `"vni"` work in any process that imported extractor."""
    import codecs

    key = name.lower().replace("-", "").replace("_", "")
    if key not in ("tcvn3", "vni"):
        return None
    decode = _decode_tcvn3 if key == "tcvn3" else _decode_vni
    encode = encode_tcvn3 if key == "tcvn3" else encode_vni

    def _dec(data, errors="strict"):
        return decode(bytes(data)), len(data)

    def _enc(text, errors="strict"):
        return encode(text), len(text)

    return codecs.CodecInfo(_enc, _dec, name=key)


def register_codecs() -> None:
    import codecs

    codecs.register(_codec_search)
