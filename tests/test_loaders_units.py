"""Unit tests of the cleaning passes and parsers, on small made-up inputs."""
from __future__ import annotations

import pytest

from loaders import indicator_tables, mojibake, pagebreaks, pinyin, responsibility
from loaders.edits import Edit, TextState
from loaders.metadata import plan_id, region_slug
from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某市", "region_en": "Mou", "level": "prefecture"}


def _apply(text: str, edits: list[Edit]) -> TextState:
    st = TextState(text)
    st.apply(edits)
    return st


# -- edits ------------------------------------------------------------------------
def test_edit_positions_map_back_to_the_input():
    st = TextState("ab<x>cd<y>ef")
    st.apply([Edit(2, 5, "", "html_tag"), Edit(7, 10, "", "html_tag")])
    assert st.text == "abcdef"
    st.apply([Edit(4, 5, "E", "fix")])            # "e" came from input offset 10
    assert [d.position for d in st.dropped] == [2, 7]
    assert st.repairs[0].position == 10
    st.apply([Edit(1, 5, "", "drop")])           # spans "bcdE": input [1, 11)
    assert st.dropped[-1].position == 1 and st.dropped[-1].source_len == 10


# -- pinyin -----------------------------------------------------------------------
@pytest.mark.parametrize("src,out", [
    ("揚(yáng)州", "揚州"),
    ("發(fā)展", "發展"),
    ("區(qū)域（yù）", "區域"),
    ("責zé)任", "責任"),                          # opening bracket lost
])
def test_pinyin_removed(src, out):
    assert _apply(src, pinyin.find(src)).text == out


@pytest.mark.parametrize("src", ["（一）总体要求", "(2022-2025年)", "(市民政局)", "(PM2.5)", "细颗粒物(pm)浓度", "方案(de)", "x(yáng)"])
def test_real_brackets_kept(src):
    assert pinyin.find(src) == []


# -- page numbers -------------------------------------------------------------------
LONG = "推动生活服务业高质量发展，完善社区服务设施，提升服务品质和供给能力，" * 2


def test_page_numbers_split_sentences():
    text = f"1、{LONG}培育10个以上生活性\n2、服务业集聚区，{LONG}每个地级市建成1\n3、所托育服务指导中心。"
    st = _apply(text, pagebreaks.find(text))
    assert "生活性服务业集聚区" in st.text and "建成1所托育" in st.text
    assert "\n" not in st.text and not st.text.startswith("1、")


def test_real_list_items_kept():
    text = f"二、重点任务\n1、{LONG}。\n2、{LONG}。\n3、{LONG}。"
    assert pagebreaks.find(text) == []


def test_lone_break_is_not_a_page_sequence():
    text = f"{LONG}未完\n5、接下来的文字。"
    assert pagebreaks.find(text) == []


# -- mojibake -------------------------------------------------------------------------
def _garble(s: str, lost_char_index: int) -> str:
    """Simulate the defect: the GBK lead byte of one character is lost."""
    b = s.encode("gbk")
    pre = s[:lost_char_index].encode("gbk")
    rest = b[len(pre) + 1:]
    return s[:lost_char_index] + "?" + rest.decode("gbk", errors="replace").replace("\ufffd", "?")


def test_mojibake_run_repaired():
    # 區 (855e) ends in an ASCII byte, which puts the decoder back in phase (as in the seeds)
    s = "落實新建居住（小）區按照人均不少於0.1平方米的標準配建養老服務設施"
    garbled = _garble(s, s.index("住"))
    assert garbled != s and "ㄐ" in garbled
    st = _apply(garbled, mojibake.find(garbled))
    assert st.text == s
    assert [r.kind for r in st.repairs] == ["mojibake"]


def test_mojibake_partial_repair_never_guesses_wrong():
    # 区 (c7f8): the run ends in an undecodable byte -- what cannot be inferred stays "?"
    s = "落实新建居住（小）区按照人均不少于0.1平方米的标准配建养老服务设施"
    garbled = _garble(s, s.index("住"))
    st = _apply(garbled, mojibake.find(garbled))
    assert len(st.text) == len(s)
    assert all(a == b or a == "?" for a, b in zip(st.text, s))
    assert "住（小）" in st.text
    assert st.repairs and st.repairs[0].kind in ("mojibake", "mojibake_partial")


def test_lost_char_reported_not_guessed():
    s = "提升基层医疗服务能力。?到2025年，基本实现全覆盖。"
    st = _apply(s, mojibake.find(s))
    assert st.text == s
    assert [r.kind for r in st.repairs] == ["lost_char"]


def test_ascii_question_mark_in_url_ignored():
    s = "见 http://example.com/a?b=1 说明"
    assert mojibake.find(s) == []


# -- responsibility -------------------------------------------------------------------
@pytest.mark.parametrize("clause,lead,involved", [
    ("〔责任单位：发改委、财政局牵头，教育局、民政局等有关部门，各县（市、区）人民政府负责（以下均需各县（市、区）人民政府负责，不再列出）〕",
     ["发改委", "财政局"], ["教育局", "民政局", "各县（市、区）人民政府"]),
    ("（市民政局、市财政局，市残联按照职责分工负责）", ["市民政局"], ["市财政局", "市残联"]),
    ("（市科技局负责）", ["市科技局"], []),
    ("（牵头单位：市发改委；配合单位：市财政局、市民政局）", ["市发改委"], ["市财政局", "市民政局"]),
    ("（市委宣传部、市委金融办，市公安局，市法院，无锡金融监管分局按照职责分工负责）", ["市委宣传部"], ["市委金融办", "市公安局", "市法院", "无锡金融监管分局"]),
    ("（区教育局牵头，区财政局配合）", ["区教育局"], ["区财政局"]),
])
def test_responsibility_parse(clause, lead, involved):
    text = "推进某项工作。" + clause
    span = responsibility.find_clause(text)
    assert text[span[0]:span[1]] == clause
    r = responsibility.parse(clause, span[0])
    assert (r.lead, r.involved) == (lead, involved)


def test_responsibility_line_form():
    text = "推进某项工作。\n牵头单位：市发改委；配合单位：市财政局"
    span = responsibility.find_clause(text)
    r = responsibility.parse(text[span[0]:span[1]], span[0])
    assert r.lead == ["市发改委"] and r.involved == ["市财政局"]


def test_no_clause_in_ordinary_brackets():
    assert responsibility.find_clause("建设一批社区（村）服务站点（2025年前）。") is None


# -- tables ------------------------------------------------------------------------------
def test_flattened_table_with_unit_and_attribute_columns():
    cells = ["主要指标", "类别", "指标", "单位", "2020年", "2025年", "属性",
             "经济发展", "1", "地区生产总值增长", "%", "6", "6.5", "预期性",
             "2", "常住人口城镇化率", "%", "70", "75", "预期性",
             "民生福祉", "3", "城镇登记失业率", "%", "3", "<3.5", "约束性",
             "4", "人均预期寿命", "岁", "80", "81", "预期性"]
    text = "前面的段落，说明了规划的总体情况。\n" + "\n".join(cells) + "\n后面的正文段落，继续说明规划内容。"
    (t,) = indicator_tables.find_tables(text)
    assert t.title == "主要指标"
    assert t.columns == ["分类", "序号", "指标", "单位", "2020年", "2025年", "属性"]
    assert t.rows[0] == ["经济发展", "1", "地区生产总值增长", "%", "6", "6.5", "预期性"]
    assert t.rows[2] == ["民生福祉", "3", "城镇登记失业率", "%", "3", "<3.5", "约束性"]
    assert len(t.rows) == 4
    assert text[t.end:].startswith("\n后面的正文段落")


def test_short_lists_are_not_tables():
    text = "\n".join(["一、总体要求", "1", "坚持人民至上", "2", "坚持系统观念"])
    assert indicator_tables.find_tables(text) == []


@pytest.mark.parametrize("ind,name,unit", [
    ("城镇登记失业率（%", "城镇登记失业率", "%"),
    ("每千人口床位数（张）", "每千人口床位数", "张"),
    ("安置率 %", "安置率", "%"),
    ("每千人口拥有执业（助理）医师数（常住人口）", "每千人口拥有执业（助理）医师数（常住人口）", None),
    ("城乡居民收入比", "城乡居民收入比", None),
])
def test_split_unit(ind, name, unit):
    assert indicator_tables.split_unit(ind) == (name, unit)


# -- structure ---------------------------------------------------------------------------
def test_headings_lost_bracket_and_bare_titles():
    text = ("一、规划背景\n）发展回顾\n1.某项工作成效显著。过去五年取得了很大进展，群众满意度不断提高。\n"
            "）面临形势\n当前形势复杂多变，机遇和挑战并存，需要统筹推进各项工作。\n"
            "二、重点任务\n（一）提升公共服务\n加强基本公共服务。推进标准化建设，提升服务质量和效率。\n"
            "专栏1 重点项目\n（1）养老项目。建设养老服务中心3个。\n（2）托育项目。新增托位500个。\n"
            "保障措施\n加强组织领导\n建立工作机制，统筹推进规划实施，确保各项任务落到实处。\n"
            "强化资金保障\n加大财政投入力度，保障重点项目资金需求，提高资金使用效益。\n")
    doc = parse_text(text, META)
    secs = {s.title: s for s in doc.sections}
    assert secs["发展回顾"].number == "（一）" and secs["面临形势"].number == "（二）"
    assert secs["发展回顾"].path == ["规划背景", "发展回顾"]
    assert secs["保障措施"].level == 1 and secs["加强组织领导"].level == 2
    kinds = [(m.kind, m.title) for m in doc.measures]
    assert kinds == [("measure", "加强基本公共服务"), ("box", "养老项目"), ("box", "托育项目"),
                     ("safeguard", "加强组织领导"), ("safeguard", "强化资金保障")]
    assert doc.measures[1].section_path == ["重点任务", "提升公共服务"]


# -- metadata ------------------------------------------------------------------------------
@pytest.mark.parametrize("en,slug", [("Yangzhou", "yangzhou"), ("Xi'an", "xi-an"), ("Inner Mongolia", "inner-mongolia"), (" Wuxing  District ", "wuxing-district")])
def test_region_slug(en, slug):
    assert region_slug(en) == slug


def test_plan_id_rule():
    assert plan_id("Yangzhou", "扬府办发〔2022〕80号", 2022, 2025, "yangzhou") == "plan:yangzhou:2022-80"
    assert plan_id("Wuxi", "锡政办规[2025]2号", None, None, "x") == "plan:wuxi:2025-2"
    assert plan_id("Wuxing", None, 2021, 2025, "wuxing") == "plan:wuxing:2021-2025"
    assert plan_id("Ningxia", None, None, 2025, "Ningxia Plan") == "plan:ningxia:ningxia-plan"


def test_metadata_from_site_block_and_validity():
    text = ("索引号：123/2024-1 成文日期：2024-03-01\n文件编号：某政发〔2024〕7号 发布机构：某市人民政府\n"
            "某市人民政府关于印发某市数字经济发展规划（2024-2028年）的通知\n"
            "一、总体要求\n推动数字经济高质量发展，建设数字城市，全面提升数字化水平。\n"
            "本规划自2024年4月1日起施行，有效期至2028年12月31日。\n")
    doc = parse_text(text, dict(META, title="旧标题", issued="2024-03-02"))
    m = doc.meta
    assert m.doc_number == "某政发〔2024〕7号" and m.issuer == "某市人民政府"
    assert m.title == "某市数字经济发展规划（2024-2028年）"
    assert (m.period_start, m.period_end) == (2024, 2028)
    assert m.issued == "2024-03-01" and "2024-04-01 to 2028-12-31" in m.validity
    assert any(c.startswith("issued:") for c in m.checks) and any(c.startswith("title:") for c in m.checks)
    assert m.plan_id == "plan:mou:2024-7"
    assert "索引号" not in doc.text


def test_chapter_style_plan_with_web_furniture():
    text = ("首页 > 政务公开 > 规划计划\n某某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
            "发布时间：2021-03-20 来源：县发改局 浏览次数：1234\n"
            "第一章 发展基础\n“十三五”时期，全县经济社会发展取得显著成就，人民生活水平持续提高。\n"
            "第二章 推动产业转型升级\n第一节 做强先进制造业\n一是壮大主导产业。聚焦装备制造、新材料等产业，培育一批龙头企业。\n"
            "二是推进智能化改造。实施企业技术改造三年行动，建设智能工厂10家。\n"
            "（一）提升商贸服务。建设县城商业综合体。（县商务局牵头，县发改局、县财政局配合）\n"
            "第三章 保障措施\n第一节 加强组织领导\n完善规划实施机制，强化组织领导，确保规划目标任务落到实处。\n"
            "上一篇：关于印发某某县2021年工作要点的通知\n打印本页 关闭窗口\n")
    doc = parse_text(text, dict(META, region="某某县", level="county"))
    assert doc.text.startswith("某某县国民经济和社会发展第十四个五年规划")
    assert "上一篇" not in doc.text and "首页" not in doc.text and "打印" not in doc.text
    m = doc.meta
    assert m.plan_type == "纲要" and (m.period_start, m.period_end) == (2021, 2025)
    assert m.published == "2021-03-20" and m.plan_id == "plan:mou:2021-2025"
    assert [(x.number, x.title, x.kind) for x in doc.measures] == [
        ("一是", "壮大主导产业", "measure"), ("二是", "推进智能化改造", "measure"),
        ("（一）", "提升商贸服务", "measure"), ("第一节", "加强组织领导", "safeguard")]
    assert doc.measures[2].responsibility.lead == ["县商务局"]
    secs = {s.title: s for s in doc.sections}
    assert secs["做强先进制造业"].path == ["推动产业转型升级", "做强先进制造业"] and secs["做强先进制造业"].level == 2


def test_unreadable_garbled_run_reported_in_place():
    s = "推进服务体系建设?ㄓǎ﹫x完善设施。"
    st = _apply(s, mojibake.find(s))
    assert st.text == s
    assert st.repairs and st.repairs[0].kind in ("mojibake_unrepaired", "mojibake_partial", "mojibake")
    assert st.repairs[0].before.startswith("?") and len(st.repairs[0].before) > 1


def test_entity_that_lost_its_ampersand():
    doc = parse_text("一、总体要求\n推动“一屏通享?rdquo;，支持各地加强政企合作，建设智慧生活平台。\n", META)
    assert "rdquo" not in doc.text and "?”，" in doc.text


def test_front_matter_toc_and_standalone_page_numbers():
    text = ("某某市养老服务体系建设“十四五”规划\n（2021—2025年）\n（征求意见稿）\n二〇二一年十二月\n目 录\n"
            "第一章 发展基础\n第二章 重点任务\n第三章 保障措施\n- 1 -\n第一章 发展基础\n"
            "“十三五”时期，全市养老服务体系不断完善，服务质量稳步提升。\n第二章 重点任务\n"
            "一是完善居家养老服务。推进社区养老服务中心建设，实现街道全覆盖。\n- 2 -\n第 3 页 共 5 页\n"
            "第三章 保障措施\n加强组织领导。建立健全工作机制，确保各项任务落到实处。\n")
    doc = parse_text(text, META)
    assert doc.text.split("\n")[:4] == ["某某市养老服务体系建设“十四五”规划", "（2021—2025年）", "（征求意见稿）", "二〇二一年十二月"]
    assert [s.title for s in doc.sections] == ["发展基础", "重点任务", "保障措施"]
    assert sorted({d.reason for d in doc.dropped} - {"whitespace"}) == ["page_number", "toc"]
    assert [(m.kind, m.title) for m in doc.measures] == [("measure", "完善居家养老服务"), ("safeguard", "加强组织领导")]
