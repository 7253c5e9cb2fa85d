"""Property-based tests: cleaning never loses text it does not report.

The invariant (tests/audit.py): cut every span reported in ``dropped``/``repairs``
out of the input, and the remaining characters must appear, in order, in
``ParsedDocument.original``. Inputs are built from the kinds of material real
scraped plans contain -- plan sentences, headings, numbered items, responsibility
clauses, pinyin annotations, web junk, HTML fragments, page numbers, lost ``?``
characters, odd whitespace and widths -- shuffled at random.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.decode import decode_bytes
from loaders.pipeline import parse_text
from ontology.script import to_simplified
from tests.audit import misplaced_drops, unaccounted

META = {"file": "p.txt", "region": "某市", "region_en": "Mou", "level": "prefecture"}
CJK = "推进养老服务体系建设完善社区设施提升质量发展规划实施方案市县区局委办人民政府揚州發區醫療"
cjk_text = st.text(alphabet=CJK, min_size=1, max_size=40)

sentence = st.builds(lambda a, b: f"{a}，{b}。", cjk_text, cjk_text)
heading = st.builds(lambda n, t: f"{'一二三四五六七八九十'[n % 10]}、{t}", st.integers(0, 9), cjk_text)
sub_heading = st.builds(lambda n, t, lost: (")" if lost else f"（{'一二三四五'[n % 5]}）") + t,
                        st.integers(0, 4), cjk_text, st.booleans())
item = st.builds(lambda n, t, b: f"{n}.{t}。{b}", st.integers(1, 30), cjk_text, sentence)
clause = st.builds(lambda a, b, r: f"（{a}局、{b}委{r}）", cjk_text, cjk_text,
                   st.sampled_from(["牵头", "负责", "按照职责分工负责", "配合"]))
pinyin = st.builds(lambda c, s: f"{c}({s})", st.sampled_from(list(CJK)), st.sampled_from(["yáng", "fā", "qū", "zé", "wù", "de"]))
junk = st.sampled_from([
    "本文链接:http://example.com/a/1.html", "当前位置:首页 > 政府文件", "版权所有 © 2024 某网站",
    "验证码:", "0/150", "提交评论", "网站地图", "浏览次数:", "本文关键词: 规划, 方案",
    "日韩精品| 中文字幕| 在线观看| 无码专区|", '<li id="x"><source id="y"></source></li>', "• ",
    "- 本站所有资源仅供学习", "扫码关注我们",
])
noise = st.sampled_from(["?", "\u3000", "\u00a0", "  ", "\t", "１２３", "ＡＢ", "(", ")", "（", "）", ",", ":", ";", "﹒", "\r", "&rdquo;", "&amp;", "〔", "〕"])
page_no = st.builds(lambda n: f"\n{n}、", st.integers(1, 20))
piece = st.one_of(sentence, heading, sub_heading, item, clause, pinyin, junk, noise, page_no, cjk_text,
                  st.text(min_size=0, max_size=8))
line = st.lists(piece, min_size=1, max_size=6).map("".join)
document = st.lists(line, min_size=1, max_size=25).map("\n".join)


def _check(decoded: str) -> None:
    if not decoded.strip():
        return
    doc = parse_text(decoded, META)
    assert len(doc.text) == len(doc.original)
    assert unaccounted(decoded, doc) == []
    assert misplaced_drops(decoded, doc) == []
    for d in doc.dropped:
        assert 0 <= d.position <= len(decoded)
    for r in doc.repairs:
        assert 0 <= r.position <= len(decoded)
    for m in doc.measures:
        assert m.text == doc.text[m.start:m.end]
        if m.responsibility:
            assert m.responsibility.raw == doc.text[m.responsibility.start:m.responsibility.end]
    for t in doc.tables:
        assert all(len(r) == len(t.columns) for r in t.rows)
    assert "\n\n" not in doc.text and not doc.text.startswith("\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_cleaning_accounts_for_every_character(decoded):
    _check(decoded)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_text_accounts_for_every_character(decoded):
    _check(decoded)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_to_simplified_preserves_length(s):
    assert len(to_simplified(s)) == len(s)


printable = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"),
                    min_size=1, max_size=200).filter(lambda s: s.strip())


@settings(max_examples=200, deadline=None)
@given(printable, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(s, enc):
    assert decode_bytes(s.encode(enc), "x").text == s
