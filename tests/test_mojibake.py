"""loaders.mojibake: a lost GBK lead byte whose character the bytes cannot decide is chosen by word
evidence (character pairs inside jieba dictionary words), reported with its confidence."""
from __future__ import annotations

from loaders import mojibake
from loaders.edits import TextState


def _garble(s: str, lost_char_index: int) -> str:
    """The defect: the GBK lead byte of one character is lost; what follows is read out of phase."""
    pre = s[:lost_char_index].encode("gbk")
    rest = s.encode("gbk")[len(pre) + 1:]
    return s[:lost_char_index] + "?" + rest.decode("gbk", errors="replace").replace("\ufffd", "?")


def _apply(text: str) -> TextState:
    st = TextState(text)
    st.apply(mojibake.find(text))
    return st


def test_lost_lead_byte_after_a_lost_character_is_inferred_with_confidence():
    # 综合?科醫院: the character before 科 is lost entirely, so only its right neighbours
    # (醫) can tell 科 from the other characters sharing its trail byte
    s = "推進三級綜合?科醫(yī)院建設"
    garbled = s[:s.index("科")] + _garble(s[s.index("科"):], 0)
    assert garbled != s
    st = _apply(garbled)
    inferred = [r for r in st.repairs if r.kind == "mojibake_inferred"]
    assert inferred and inferred[0].after.startswith("科")
    assert 0.85 <= inferred[0].confidence <= 1.0
    assert "科醫" in st.text


def test_no_clear_word_evidence_stays_reported():
    s = "提升基层医疗服务能力。?到2025年，基本实现全覆盖。"
    st = _apply(s)
    assert st.text == s and [r.kind for r in st.repairs] == ["lost_char"]
    assert st.repairs[0].confidence is None
