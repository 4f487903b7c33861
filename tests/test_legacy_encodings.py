"""Legacy Vietnamese encodings (cp1258, TCVN3, VNI): tables, round trips, detection."""
from __future__ import annotations

import random
import unicodedata

import pytest

from extractor import legacy
from extractor.legacy import (
    decode_legacy,
    decode_with,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    is_syllable,
)

from conftest import RAW

ARTICLE = (RAW / "003_fccfb3fbc5b1da42.txt").read_text(encoding="utf-8")
ENCODERS = {"cp1258": encode_cp1258, "tcvn3": encode_tcvn3, "vni": encode_vni}

TONES = "\u0300\u0301\u0303\u0309\u0323"
LETTERS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ["", *TONES]]
LETTERS = sorted({c for c in LETTERS + ["đ"]} | {c.upper() for c in LETTERS + ["đ"]})


def tcvn3_text(text: str) -> str:
    """What TCVN3 can hold of `text`: it has no capital toned vowels, only the small ones."""
    return "".join(c.lower() if c.isupper() and c.lower() in legacy._TONED else c for c in text)


def test_article_is_nfc_vietnamese():
    assert unicodedata.is_normalized("NFC", ARTICLE)
    assert legacy.score_text(ARTICLE).share >= 0.95


# --- tables -------------------------------------------------------------------------------

def test_tcvn3_table_shape():
    rows = legacy._rows("tcvn3.tsv")
    assert len(rows) == 74 and len({raw for raw, _ in rows}) == 74
    chars = {c for _, c in rows}
    assert {c for c in LETTERS if c.islower() and not c.isascii()} <= chars
    assert {c for c in chars if c.isupper()} == set("ĂÂÊÔƠƯĐ")
    assert all(len(raw) == 1 and raw[0] >= 0xA1 for raw, _ in rows)


def test_vni_table_shape():
    rows = legacy._rows("vni.tsv")
    assert len(rows) == 134 and len({raw for raw, _ in rows}) == 134
    assert {c for _, c in rows} == {c for c in LETTERS if not c.isascii()}


@pytest.mark.parametrize("encoding,raw,text", [
    # published examples: a TCVN3 converter's own test, VNI converter's README
    ("tcvn3", "B¶o Th¾ng", "Bảo Thắng"),
    ("tcvn3", "M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("tcvn3", "§¾k L¾k, ViÖt Nam", "Đắk Lắk, Việt Nam"),
    ("tcvn3", "Ng­êi ®¹i diÖn", "Người đại diện"),
    ("vni", "Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("vni", "Vieät Nam", "Việt Nam"),
    ("vni", "ngöôøi ñaïi dieän", "người đại diện"),
    ("vni", "NGÖÔØI ÑAÏI DIEÄN", "NGƯỜI ĐẠI DIỆN"),
    ("vni", "khuyeán khích, tæ leä, kyõ thuaät, mî", "khuyến khích, tỉ lệ, kỹ thuật, mỵ"),
])
def test_known_spellings(encoding, raw, text):
    assert decode_with(raw.encode("cp1252"), encoding) == text


def test_cp1258_uses_combining_tones():
    data = encode_cp1258("Việt Nam, tỉnh ủy, Đắk Lắk")
    assert data == b"Vi\xea\xf2t Nam, ti\xd2nh u\xd2y, \xd0\xe3\xeck L\xe3\xeck"
    assert decode_with(data, "cp1258") == "Việt Nam, tỉnh ủy, Đắk Lắk"
    assert data.decode("cp1258") != "Việt Nam, tỉnh ủy, Đắk Lắk"  # hence decode_with


@pytest.mark.parametrize("encoding", ENCODERS)
def test_every_letter_round_trips(encoding):
    for c in LETTERS:
        expected = tcvn3_text(c) if encoding == "tcvn3" else c
        assert decode_with(ENCODERS[encoding](c), encoding) == expected, c


def test_vni_modifier_of_the_other_case():
    assert decode_with("Aù aÙ OÂ".encode("cp1252"), "vni") == "Á á Ô"


def test_non_letter_bytes_read_as_cp1252():
    data = b"\x93a\x94 \x96 \x85 50\xb0"
    for encoding in ("tcvn3", "vni"):
        assert decode_with(data, encoding) == "“a” – … 50°"
    assert decode_with(b"\x81\x8d", "tcvn3") == "\x81\x8d"  # cp1252 leaves them undefined


def test_encoders_refuse_what_they_cannot_hold():
    with pytest.raises(UnicodeEncodeError) as e:
        encode_tcvn3("Tin «A»")  # 0xAB/0xBB are ô and ằ in TCVN3
    assert e.value.object[e.value.start] == "«"
    with pytest.raises(UnicodeEncodeError):
        encode_vni("naïve")  # 0xEF is the dot-below modifier in VNI
    with pytest.raises(UnicodeEncodeError):
        encode_cp1258("北京")


# --- whole files --------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ENCODERS)
def test_article_round_trip_and_detection(encoding):
    data = ENCODERS[encoding](ARTICLE)
    expected = tcvn3_text(ARTICLE) if encoding == "tcvn3" else ARTICLE
    if encoding == "tcvn3":
        assert expected != ARTICLE  # the article has Ủ and Ý
    assert data.isascii() is False and data != ARTICLE.encode("utf-8")
    result = decode_legacy(data)
    assert result is not None
    text, name, confidence = result
    assert name == encoding
    assert text == expected
    assert unicodedata.is_normalized("NFC", text)
    assert 0.8 <= confidence <= 1.0
    assert decode_with(data, name) == text  # the contract: the name alone re-decodes the text


@pytest.mark.parametrize("encoding", ENCODERS)
def test_paragraphs_detected_alone(encoding):
    paragraphs = [p for p in ARTICLE.split("\n") if len(p.split()) >= 20]
    assert len(paragraphs) >= 5
    for p in paragraphs:
        result = decode_legacy(ENCODERS[encoding](p))
        assert result is not None and result[1] == encoding and result[2] >= 0.8, p[:40]


def test_other_seed_articles():
    for path in sorted(RAW.glob("00[0-4]_*.txt")):
        text = path.read_text(encoding="utf-8")
        for encoding, encode in ENCODERS.items():
            try:
                data = encode(text)
            except UnicodeEncodeError:
                continue  # a character the encoding cannot hold
            result = decode_legacy(data)
            assert result is not None and result[1] == encoding, (path.name, encoding)
            assert result[0] == (tcvn3_text(text) if encoding == "tcvn3" else text)


FRENCH = (
    "Le gouvernement a annoncé mercredi une série de mesures pour soutenir l'économie. "
    "Selon le ministre, les entreprises françaises pourront bénéficier d'aides à partir de "
    "l'été prochain. « Nous avons déjà reçu plus de deux mille demandes », a-t-il précisé lors "
    "d'une conférence de presse à Paris. Où en est la réforme ? Le débat reste très vif.\n"
)
ENGLISH = (
    "The café on the corner served crème brûlée and a naïve rosé; the façade was painted last "
    "year. Officials said the résumé of the project would be published in the coming weeks.\n"
)
GERMAN = "Die Bundesregierung hat beschlossen, die Förderung zu erhöhen. Außerdem müssen die Länder berichten.\n"


@pytest.mark.parametrize("text", [FRENCH, ENGLISH, GERMAN], ids=["fr", "en", "de"])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_western_text_is_not_vietnamese(text, codec):
    assert decode_legacy((text * 5).encode(codec)) is None
    assert decode_legacy(text.encode(codec)) is None


def test_random_bytes_are_not_vietnamese():
    rng = random.Random(1258)
    high = list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0xA0, 0x100)) + [0x20] * 10
    for _ in range(3):
        noise = rng.randbytes(30_000)
        assert decode_legacy(noise) is None
        assert decode_legacy(noise.replace(b"\x00", b" ")) is None
        letters = bytes(rng.choice(high) for _ in range(30_000))  # letters, spaces, Latin-1
        assert decode_legacy(letters) is None


def test_nothing_to_decide():
    assert decode_legacy(b"") is None
    assert decode_legacy(b"Ban Tuyen giao Tinh uy to chuc hoi nghi") is None  # ASCII
    assert decode_legacy(ARTICLE.encode("utf-8")) is None  # UTF-8 is not a legacy encoding
    assert decode_legacy(encode_tcvn3(ARTICLE) + b"\x00") is None  # NUL: binary
    assert decode_legacy(encode_vni("lượt xem: 95")) is None  # too few words to tell


def test_large_input():
    chunk = encode_vni(ARTICLE) + b"\n"
    data = chunk * (2_000_000 // len(chunk) + 1)
    assert len(data) >= 2_000_000
    result = decode_legacy(data)
    assert result is not None
    text, name, _ = result
    assert name == "vni" and text == (ARTICLE + "\n") * (2_000_000 // len(chunk) + 1)
    big = encode_tcvn3(ARTICLE) * 320
    assert decode_legacy(big)[0] == tcvn3_text(ARTICLE) * 320


def test_decode_with_other_encodings():
    assert decode_with(b"caf\xe9", "latin-1") == "café"
    assert decode_with("Hội nghị".encode("utf-8"), "utf-8") == "Hội nghị"
    data = encode_cp1258("Hội nghị")
    assert decode_with(data, "windows-1258") == decode_with(data, "CP1258") == "Hội nghị"
    assert decode_with(encode_tcvn3("Hội nghị"), "TCVN3") == "Hội nghị"
    with pytest.raises(UnicodeDecodeError):
        decode_with(b"\x81", "cp1258")
    with pytest.raises(LookupError):
        decode_with(b"x", "no-such-encoding")


# --- syllables ----------------------------------------------------------------------------

@pytest.mark.parametrize("word", [
    "người", "nghiêng", "Quốc", "khuya", "Thường", "gì", "giữa", "ủy", "tuyển", "khuỷu",
    "rượu", "hoặc", "xoong", "thuở", "oà", "ạ", "Đắk", "chuyện", "NGHỊ", "thích", "ếch",
])
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    "Covid", "très", "été", "hoat", "tàt", "tiê", "viêc", "hóà", "façade", "ngừp", "bc", "kh¾ng",
    "ViÖt", "Vieät", "aaaaaaaaaa",
])
def test_invalid_syllables(word):
    assert not is_syllable(word)


def test_a_legacy_file_goes_through_the_pipeline_grounded(tmp_path):
    """Integration: the loader detects the encoding, warns how sure it is, and every span
    indexes the decoded text (which bytes.decode re-creates once extractor is imported)."""
    from extractor import extract_file

    src = (RAW / "003_fccfb3fbc5b1da42.txt").read_text(encoding="utf-8")
    body = "\n".join(src.split("\n")[:14])
    for name, enc in (("tcvn3", encode_tcvn3), ("vni", encode_vni), ("cp1258", encode_cp1258)):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(enc(body))
        [record] = extract_file(path)
        assert record.source.encoding == name
        assert any(name in w and "Vietnamese syllables" in w for w in record.warnings)
        assert [o.name for o in record.officials] == ["Nguyễn Huy Ngọc", "Huỳnh Thị Hằng", "Trần Tuyết Minh",
                                                        "Hà Anh Dũng"]
        text = path.read_bytes().decode(name)
        for _, _, span in record.spans():
            assert text[span.start:span.end] == span.text
