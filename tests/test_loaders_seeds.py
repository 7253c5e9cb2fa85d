"""The five seed plans: what must be kept, what must go, each defect class, counts."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from loaders import iter_plans, parse_plan
from loaders.junk import is_spam, pattern_reason
from loaders.pipeline import _read
from tests.audit import misplaced_drops, unaccounted

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


@pytest.fixture(scope="module")
def docs():
    return {p.stem: parse_plan(p, m) for p, m in iter_plans(PLANS)}


@pytest.fixture(scope="module")
def decoded():
    return {p.stem: _read(p)[0] for p, _ in iter_plans(PLANS)}


SEEDS = ["jiaxing", "yangzhou", "ningxia", "wuxing", "wuxi"]


# -- invariants on every seed -------------------------------------------------
@pytest.mark.parametrize("name", SEEDS)
def test_offsets_and_lengths(docs, name):
    d = docs[name]
    assert len(d.text) == len(d.original)
    for m in d.measures:
        assert m.text == d.text[m.start:m.end]
        assert m.title and m.title in m.text
        r = m.responsibility
        if r is not None:
            assert r.raw == d.text[r.start:r.end]
            assert m.start <= r.start < r.end <= m.end
    for s in d.sections:
        assert 0 <= s.start <= s.end <= len(d.text)
        assert s.title in d.text[s.start:s.end + 1]
    for t in d.tables:
        assert 0 <= t.start < t.end <= len(d.text)
        assert all(len(r) == len(t.columns) for r in t.rows)


@pytest.mark.parametrize("name", SEEDS)
def test_nothing_vanishes_silently(docs, decoded, name):
    d = docs[name]
    assert unaccounted(decoded[name], d) == []
    assert misplaced_drops(decoded[name], d) == []


@pytest.mark.parametrize("name", SEEDS)
def test_no_junk_line_left(docs, name):
    for line in docs[name].text.split("\n"):
        assert pattern_reason(line) is None, line
        assert not is_spam(line), line
        assert not re.search(r"</?[a-z]+[ >]", line), line
        assert line == line.strip() and line


@pytest.mark.parametrize("name", SEEDS)
def test_no_pinyin_left(docs, name):
    assert not re.search(f"[{TONED}]", docs[name].text)


@pytest.mark.parametrize("name", SEEDS)
def test_every_question_mark_is_reported(docs, name):
    d = docs[name]
    reported = sum(r.after.count("?") + r.after.count("\ufffd") for r in d.repairs
                   if r.kind in ("lost_char", "mojibake_partial"))
    assert d.original.count("?") + d.original.count("\ufffd") == reported


@pytest.mark.parametrize("name", SEEDS)
def test_json_serialisable(docs, name):
    out = json.dumps(docs[name].to_json(), ensure_ascii=False)
    assert docs[name].meta.plan_id in out


@pytest.mark.parametrize("name", SEEDS)
def test_width_and_punctuation_convention(docs, name):
    t = docs[name].text
    assert not re.search(r"[０-９Ａ-Ｚａ-ｚ]", t)
    assert not re.search(r"[\u4e00-\u9fff][,;:!]|[,;:!][\u4e00-\u9fff]", t)
    assert not re.search(r"[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]", t)


# -- per seed -----------------------------------------------------------------
def test_jiaxing(docs):
    d = docs["jiaxing"]
    for gone in ("本站", "本文地址", "留言与评论", "验证码", "网站地图", "不得转载"):
        assert gone not in d.text
    assert d.text.startswith("提升健康医疗服务能力。")
    assert d.text.endswith("打造引领全市现代服务业发展的新高地。")
    titles = [m.title for m in d.measures]
    assert "提升健康医疗服务能力" in titles and "经开区" in titles
    assert d.meta.plan_id == "plan:jiaxing:2021-2025"
    assert d.meta.title == "嘉兴市服务业发展“十四五”规划"
    assert {x.reason for x in d.dropped} >= {"copyright", "link", "comment"}


def test_yangzhou_measures_and_responsibilities(docs):
    d = docs["yangzhou"]
    tasks = [m for m in d.measures if m.kind == "measure"]
    guards = [m for m in d.measures if m.kind == "safeguard"]
    assert [m.number for m in tasks] == [str(i) for i in range(1, 22)]
    assert len(guards) == 4
    assert [g.title for g in guards] == ["完善体制机制", "压实主体责任", "推动纾困解难", "鼓励社会参与"]
    assert tasks[0].title == "推进基本公共服务均等化"
    assert tasks[9].title == "畅通从业人员职业发展通道"          # numbered with ﹒ in the source
    assert all(m.responsibility is not None for m in tasks)
    r1 = tasks[0].responsibility
    assert r1.lead == ["发改委", "财政局"]
    assert "教育局" in r1.involved and "各县（市、区）人民政府" in r1.involved
    assert not any("以下" in x or "不再" in x for x in r1.involved)
    assert tasks[20].responsibility.lead == ["政务办"]
    assert tasks[20].responsibility.involved == ["商务局", "市场监管局", "统计局"]
    assert tasks[3].responsibility.lead == ["民政局"]               # no 牵头: the first is lead
    assert all(m.section_path[0] == "重点任务" for m in tasks)
    assert tasks[0].section_path == ["重点任务", "公共服务补短板行动"]
    assert all(g.section_path == ["保障措施"] for g in guards)


def test_yangzhou_cleaning(docs):
    d = docs["yangzhou"]
    assert "扬州" in d.text and "揚州" in d.original
    i = d.text.index("扬州市人民政府办公室")
    assert d.original[i:i + 10] == "揚州市人民政府辦公室"
    assert "本文链接" not in d.text and "本文关键词" not in d.text
    assert "（2022-2025年）" in d.text and "各县（市、区）" in d.text
    # the 〔责任单位 clauses whose "。〔责" was garbled are all repaired
    assert d.text.count("。〔责任单位：") == 21
    assert "藏" not in d.text
    kinds = Counter(r.kind for r in d.repairs)
    assert kinds["mojibake"] >= 13 and kinds["pinyin_annotation"] == 0
    assert Counter(x.reason for x in d.dropped)["pinyin_annotation"] > 1000
    assert "（送）" in d.text                                  # 网订店?（送）: partly repaired, reported


def test_yangzhou_metadata(docs):
    m = docs["yangzhou"].meta
    assert m.plan_id == "plan:yangzhou:2022-80"
    assert m.doc_number == "扬府办发〔2022〕80号"
    assert m.issuer == "扬州市人民政府办公室" and m.issued == "2022-10-11"
    assert (m.period_start, m.period_end) == (2022, 2025)
    assert m.title.startswith("关于开展“四补四提升”行动") and m.title.endswith("行动方案（2022-2025年）")
    assert m.script == "traditional" and m.region.slug == "yangzhou"


def test_ningxia(docs):
    d = docs["ningxia"]
    for gone in ("版权说明", "文档简介", "温馨提示", "本站", "最新文档", "仓库货物", "评论", "0/150", "RAR"):
        assert gone not in d.text
    # mojibake 居?。ㄐ。﹨^ -> 居住（小）区 (three times), and no garbling left
    assert d.text.count("居住（小）区") == 3
    assert not re.search("[ㄅ-ㄩ﹨^]", d.text)
    # page numbers gone, sentences and words joined
    assert not re.search(r"(^|\n)\d+、", d.text)
    assert "培育10个以上生活性服务业集聚区" in d.text
    assert "每个地级市建成1所托育服务指导中心" in d.text
    assert "力推进居家社区与机构融合发展" in d.text
    assert Counter(x.reason for x in d.dropped)["page_number"] == 14
    assert d.meta.title == "推动生活性服务业补短板上水平提高人民生活品质实施方案"
    assert d.meta.plan_id == "plan:ningxia:ningxia"
    assert d.meta.region.level == "province"


def test_wuxing_table(docs):
    d = docs["wuxing"]
    assert len(d.tables) == 1
    t = d.tables[0]
    assert t.title == "吴兴区十四五社会发展主要指标"
    assert t.columns == ["分类", "序号", "指标名称", "单位", "2020", "2025年目标"]
    numbers = [r[1] for r in t.rows]
    assert sorted(set(numbers), key=int) == [str(i) for i in range(1, 50)]
    rows = {r[1]: r for r in t.rows}
    assert rows["1"] == ["托育照护服务", "1", "3岁以下儿童标准化发育监测筛查率", "%", "80%", "90%"]
    assert rows["11"][4:] == ["1.66:1", "1.63:1"]
    assert rows["25"][2:] == ["传染病收治能力", "床/万人口", None, "1.5"]
    assert rows["30"][2:4] == ["城市细颗粒物（PM2.5）浓度", "微克/立方米"]
    assert rows["22"][2] == "每千人口拥有执业（助理）医师数（常住人口）"
    assert rows["49"][0] == "拥军优抚服务" and rows["49"][3] == "%"
    sub = [r for r in t.rows if r[1] == "9"]
    assert [r[2].split("：")[1] for r in sub] == ["学前段", "义务段", "高中段"]
    assert [r[4:] for r in sub] == [["90", "90"], ["98", "98"], ["80", "85"]]
    assert all(r[4] is not None or r[5] is not None for r in t.rows)
    assert len({r[0] for r in t.rows}) == 10
    # the table is not mistaken for sections or measures
    assert not any(t.start <= s.start < t.end for s in d.sections)
    assert not any(t.start <= m.start < t.end for m in d.measures)


def test_wuxing_structure(docs):
    d = docs["wuxing"]
    secs = {s.title: s for s in d.sections}
    assert secs["发展回顾"].number == "（一）" and secs["面临形势"].number == "（二）"
    assert secs["提供更加精准完备拥军优抚服务"].number == "（十一）"
    assert secs["提供更加普惠高质的托育照护服务"].number == "（二）"
    assert secs["保障措施"].level == 1
    guards = [m for m in d.measures if m.kind == "safeguard"]
    assert [g.title for g in guards] == ["坚持党的领导", "强化组织实施", "加强要素保障", "实施监督评估", "营造良好氛围"]
    boxes = [m for m in d.measures if m.kind == "box"]
    assert len(boxes) >= 20
    assert all(b.section_path[0] == "重点任务" for b in boxes)
    assert any(b.title == "母婴安全保障行动" for b in boxes)
    # review items (一、规划背景) are not measures
    assert not any("公共教育全面发展" in m.title for m in d.measures)
    assert any(m.title == "加强基本公共服务标准化制度化建设" for m in d.measures)
    assert "（%）" in d.text and any(r.kind == "missing_bracket" for r in d.repairs)


def test_wuxing_metadata(docs):
    m = docs["wuxing"].meta
    assert m.plan_id == "plan:wuxing:2021-2025"
    assert m.issued == "2021-12-30" and m.published == "2021-12-31"
    assert m.issuer == "吴兴区人民政府"
    assert m.region.parent == "湖州市" and m.region.level == "county"
    assert any("site metadata" in c for c in m.checks)
    assert "索 引 号" not in docs["wuxing"].text


def test_wuxi(docs):
    d = docs["wuxi"]
    for gone in ("<li", "<rt", "当前位置", "文字大小", "繁体版", "微信公众号", "回到顶部", "无码", "字幕", "来源：", "信息索引号"):
        assert gone not in d.text
    assert d.text.startswith("市政府办公室关于推进银发经济高质量发展的实施意见")
    for kept in ("无锡市人民政府办公室\n2025年2月27日", "（此件公开发布）"):
        assert kept in d.text
    tasks = [m for m in d.measures if m.kind == "measure"]
    guards = [m for m in d.measures if m.kind == "safeguard"]
    assert [m.number for m in tasks] == [str(i) for i in range(1, 17)]
    assert [g.number for g in guards] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert all(m.responsibility for m in tasks + guards)
    assert tasks[10].responsibility.lead == ["市科技局"] and tasks[10].responsibility.involved == []
    assert tasks[0].responsibility.lead == ["市民政局"]
    assert "无锡经开区管委会" in tasks[0].responsibility.involved
    assert guards[0].section_path == ["要素保障"]
    assert "本实施意见" not in guards[-1].text
    m = d.meta
    assert m.plan_id == "plan:wuxi:2025-2"
    assert m.doc_number == "锡政办规〔2025〕2号"
    assert (m.issued, m.published) == ("2025-02-27", "2025-03-07")
    assert m.title == "市政府办公室关于推进银发经济高质量发展的实施意见"
    assert "2030-12-31" in m.validity and "有效" in m.validity
    assert m.checks == []


def test_ningxia_inline_measures(docs):
    """Pages joined into one paragraph: measures are split at inline titles."""
    d = docs["ningxia"]
    titles = [m.title for m in d.measures]
    for t in ("普惠性养老服务", "普惠性托育服务", "义务教育", "医疗卫生", "基本养老", "文化体育", "助残服务"):
        assert t in titles
    edu = d.measures[titles.index("义务教育")]
    assert edu.responsibility.lead == ["自治区教育厅"] and "财政厅" in edu.responsibility.involved
    assert not any(len(t) > 16 for t in titles)
