"""loaders.structure: the line classifier and the state machine that turns lines into sections and
measures. Synthetic plans in the shapes of real ones (action plans, 实施意见 with duty lists,
十四五 outlines); no text is copied from any document."""
from __future__ import annotations

from loaders.lines import Line
from loaders.pipeline import parse_text
from loaders.structure import classify_line

META = {"file": "t.txt", "region": "某市", "region_en": "Moushi", "level": "prefecture"}
DISTRICT = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county"}
BODY = "，".join(["推动相关工作取得实效"] * 4) + "。"


def _measures(text: str, meta: dict = META):
    return parse_text(text, meta).measures


def _info(text: str):
    return classify_line(Line(0, 0, len(text), text))


def test_classifier_kinds():
    assert _info("（七）推动区域协调发展").num == (4, "七", "推动区域协调发展")
    assert _info("第三章").num_only and _info("第三章").num is None
    assert _info("专栏2 重点工程").box
    assert _info("附件2").annex
    assert _info("第五条 【资金支持】对符合条件的企业给予补助。").article
    assert _info("）发展回顾").lost is not None
    assert _info("保障措施").bare and _info("保障措施").top_title
    assert _info("注：1.数据为预计值。").note
    assert _info("抄送：市委办公室。").closing
    assert _info("某市人民政府办公室").signature and _info("2024年3月1日").sign_date


def test_numbered_items_and_headings():
    text = ("某市养老服务实施方案\n一、主要任务\n（一）完善服务网络\n1.建设社区服务站。" + BODY +
            "\n2.发展助餐服务。" + BODY + "\n（二）强化要素保障\n3.加大资金投入。" + BODY + "\n")
    ms = _measures(text)
    assert [(m.number, m.title, m.section_path[-1]) for m in ms] == [
        ("1", "建设社区服务站", "完善服务网络"), ("2", "发展助餐服务", "完善服务网络"), ("3", "加大资金投入", "强化要素保障")]


def test_runin_titled_paragraphs_under_a_full_stopped_heading_are_its_measures():
    text = ("某市关于推进区域发展的实施方案\n一、重点任务\n（七）推动区域协调发展。\n壮大区域经济实力。" + BODY +
            "\n提升城市综合能级。" + BODY + "\n优化城乡空间布局。" + BODY + "\n（八）加强生态保护\n强化生态修复治理。" + BODY + "\n")
    ms = _measures(text)
    assert [(m.title, m.section_path) for m in ms] == [
        ("壮大区域经济实力", ["重点任务", "推动区域协调发展"]), ("提升城市综合能级", ["重点任务", "推动区域协调发展"]),
        ("优化城乡空间布局", ["重点任务", "推动区域协调发展"]), ("强化生态修复治理", ["重点任务", "加强生态保护"])]


def test_full_stopped_title_line_followed_by_plain_text_stays_a_measure():
    # 若干措施: 一、title。 on its own line, its text in the next paragraph
    text = ("某市支持企业发展的若干措施\n一、加大财政支持力度。\n对新认定的企业给予一次性奖励，所需资金由市财政安排。\n"
            "二、强化金融服务。\n引导银行机构扩大信贷投放，降低融资成本。\n")
    ms = _measures(text)
    assert [(m.number, m.title) for m in ms] == [("一", "加大财政支持力度"), ("二", "强化金融服务")]
    assert "一次性奖励" in ms[0].text


def test_duty_list_under_agency_headings():
    # 分工与职责: an agency heading, then its duties as numbered clauses ending in ；
    text = ("某某区关于加强某项管理的实施意见\n一、工作要求\n（一）落实源头申报\n建设单位应当依法申报。" + BODY + "\n"
            "二、分工与职责\n（一）某某区绿化和市容管理局\n区绿化市容局是本区的主管部门，主要履行以下职责：\n"
            "1.组织制定管理标准与指导意见；\n2.开展宣传、培训、监督、检查工作；\n3.办理处置申报相关手续。\n"
            "（二）各街道办事处\n1.加强辖区内的巡查和执法；\n2.做好居住区装修垃圾的规范管理。\n"
            "（三）物业服务企业\n1.设置防护围栏；\n2.开展定期巡查。\n三、保障措施\n强化督查考核。" + BODY + "\n")
    ms = _measures(text, DISTRICT)
    duties = [m for m in ms if m.section_path[:1] == ["分工与职责"]]
    assert [m.title for m in duties] == ["组织制定管理标准与指导意见", "开展宣传、培训、监督、检查工作", "办理处置申报相关手续",
                                         "加强辖区内的巡查和执法", "做好居住区装修垃圾的规范管理", "设置防护围栏", "开展定期巡查"]
    assert [m.responsibility.lead if m.responsibility else None for m in duties] == (
        [["某某区绿化和市容管理局"]] * 3 + [["各街道办事处"]] * 2 + [None] * 2)   # an enterprise is no agency
    r = duties[0].responsibility
    assert parse_text(text, DISTRICT).text[r.start:r.end] == "某某区绿化和市容管理局"


def test_item_titled_by_an_agency():
    text = ("某某区关于某项工作的实施意见\n一、工作职责\n（一）区房管局：负责统筹推进本项工作，制定评价细则。\n"
            "（二）区财政局：负责资金保障和绩效管理。\n")
    ms = _measures(text, DISTRICT)
    assert [(m.title, m.responsibility.lead) for m in ms] == [("区房管局", ["区房管局"]), ("区财政局", ["区财政局"])]


def test_blanket_clause_reaches_later_measures_and_deadline_is_kept():
    text = ("某市关于推进某项工作的实施方案\n一、重点任务\n1.完善设施网络。" + BODY +
            "（市民政局牵头，市财政局配合。以下均需各区人民政府负责，不再列出）\n"
            "2.提升服务质量。" + BODY + "（6月底完成，牵头单位：市卫生健康委）\n"
            "3.加强队伍建设。" + BODY + "\n")
    ms = _measures(text)
    assert ms[0].responsibility.lead == ["市民政局"] and ms[0].responsibility.involved == ["市财政局"]
    assert ms[1].responsibility.lead == ["市卫生健康委"] and ms[1].responsibility.implied == ["各区人民政府"]
    assert ms[1].deadline == "6月底完成"
    assert ms[2].responsibility is None


def test_non_measure_and_safeguard_contexts():
    text = ("某市实施方案\n一、总体要求\n（一）指导思想\n坚持以人民为中心。" + BODY + "\n二、重点任务\n1.推进项目建设。" + BODY +
            "\n三、保障措施\n（一）加强组织领导\n建立联席会议制度。" + BODY + "\n")
    ms = _measures(text)
    # a titled paragraph under a heading is a measure of its own
    assert [(m.title, m.kind, m.section_path[-1]) for m in ms] == [
        ("推进项目建设", "measure", "重点任务"), ("建立联席会议制度", "safeguard", "加强组织领导")]


def test_background_words_below_a_task_section_are_tasks():
    # 二、工作任务 > （二）进一步夯实公共消防基础: an action on a foundation, not a background section
    text = ("某某区消防救援三年行动计划\n一、发展基础\n全区消防工作取得明显成效。" + BODY + "\n二、工作任务\n"
            "（一）加强消防安全体系建设\n1.建立工作机制。" + BODY + "\n（二）进一步夯实公共消防基础\n1.推进微型消防站建设。" + BODY +
            "\n（三）持续稳控社会面消防安全形势\n1.逐步整改重大隐患。" + BODY + "\n")
    ms = _measures(text, DISTRICT)
    assert [m.title for m in ms] == ["建立工作机制", "推进微型消防站建设", "逐步整改重大隐患"]


def test_runin_ordinal_items_of_one_paragraph_are_measures():
    text = ("某某区国土空间近期规划\n一、行动任务\n（一）推进产业集聚行动\n1.行动任务\n"
            "一是加快建设产业集聚区，培育发展新动能。" + BODY + "二是加快创新要素集聚，打造科创走廊。" + BODY +
            "三是推进特色金融集聚。" + BODY + "\n")
    ms = _measures(text, DISTRICT)
    assert [(m.number, m.title) for m in ms] == [("一是", "加快建设产业集聚区"), ("二是", "加快创新要素集聚"),
                                                 ("三是", "推进特色金融集聚")]
    assert ms[1].text.startswith("二是加快创新要素集聚")


def test_one_line_attachment_label_over_its_own_lines_opens_a_muted_attachment():
    # 附件：某县…技术规范 right above the attachment's own lines (no 附件1 line): its headings nest under it, and
    # its numbered spec lines are neither attachment titles nor measures
    from pathlib import Path

    from loaders import parse_plan
    fix = Path(__file__).resolve().parent / "fixtures_targets" / "fresh12"
    meta = {"file": "x.txt", "region": "某某县", "region_en": "Mou", "level": "county", "parent": "某某市",
            "province": "某某省"}
    doc = parse_plan(fix / "zaolin_lvhua_fangan.txt", meta)
    att = [s for s in doc.sections if s.title.startswith("附件")]
    assert len(att) == 1 and att[0].title.endswith("技术规范")
    assert [s.title for s in doc.sections if s.level == 2 and s.start >= att[0].start] == ["苗木规格", "栽植要求"]
    assert all(m.end <= att[0].start for m in doc.measures)
    doc = parse_plan(fix / "shequ_sheshi_fangan.txt", meta)
    att = [s for s in doc.sections if s.title.startswith("附件")]
    assert len(att) == 1 and all(m.end <= att[0].start for m in doc.measures)
