"""Responsibility and structure forms of round-9 dev plans (bh-bo of tests/fixtures_measures): a blanket that
writes 不再逐项列出 (…均涉及各市（州）人民政府，不再逐项列出，下同), the government's departments as a class
(区政府有关部门), a qualifier written in 〔〕 inside a name (各乡〔镇〕人民政府, 各县〔市、区〕: the generic tier, the
name kept as written), bodies listed with only a
space between them, a chapter heading that names a lead and its co-operating bodies (A牵头、B配合工作（2项）), a
subject after two clauses of its sentence, and a page number inside a paragraph. Synthetic sentences in the
shapes of other provinces' plans; nothing is copied."""
from __future__ import annotations

from loaders import junk
from loaders.pipeline import parse_text
from ontology import responsibility

META = {"file": "t.txt", "region": "某某市", "region_en": "Moumou", "level": "prefecture"}


def _plan(lines: list[str]) -> dict[str, tuple[list[str], list[str], list[str]] | None]:
    out = {}
    for m in parse_text("\n".join(["某某市工作方案", *lines]), META).measures:
        r = m.responsibility
        out[m.title] = None if r is None else (r.lead, r.involved, list(r.implied))
    return out


def test_a_blanket_that_lists_no_more_item_by_item():
    got = _plan([
        "一、重点任务",
        "（一）完善准入制度。落实负面清单制度。〔责任单位：市发展改革委、市市场监管局按职责分工负责。各项任务均涉及各县（市、区）人民政府，不再逐项列出，下同。〕",
        "（二）优化登记服务。推行全程电子化登记。〔责任单位：市市场监管局〕",
    ])
    assert got["完善准入制度"] == (["市发展改革委"], ["市市场监管局"], ["各县（市、区）人民政府"])
    assert got["优化登记服务"] == (["市市场监管局"], [], ["各县（市、区）人民政府"])


def test_the_governments_departments_are_a_class_not_a_body():
    assert responsibility.is_placeholder("区政府有关部门")
    assert responsibility.is_placeholder("市人民政府各部门")
    assert not responsibility.is_placeholder("市政府办公室")
    got = _plan(["一、重点任务", "1.公开涉企政策。及时发布惠企政策。（市政府有关部门和各县〔市、区〕人民政府按职责分工负责）"])
    assert got["公开涉企政策"] == (["各县〔市、区〕人民政府"], [], [])


def test_a_qualifier_in_square_brackets_is_a_qualifier():
    got = _plan(["一、重点任务", "1.巩固创建成果。开展环境专项整治。（市文明办牵头，市城市管理局、各乡〔镇〕人民政府配合）"])
    assert got["巩固创建成果"] == (["市文明办"], ["市城市管理局", "各乡〔镇〕人民政府"], [])
    assert responsibility.generic_local_government("各乡〔镇〕人民政府") == "township"
    assert responsibility.generic_local_government("各县〔市、区〕") == "county"
    assert responsibility.round_qualifier("各乡〔镇〕人民政府") == "各乡（镇）人民政府"
    assert responsibility.round_qualifier("〔责任单位〕") == "〔责任单位〕"


def test_bodies_listed_with_a_space_between_them():
    got = _plan(["一、重点任务",
                 "1.深化理论宣讲。开展基层宣讲活动。（市委宣传部 市委讲师团）",
                 "2.选树道德模范。开展好人评选。（市委宣传部牵头，市文明办 市总工会 团市委配合）"])
    assert got["深化理论宣讲"] == (["市委宣传部"], ["市委讲师团"], [])
    assert got["选树道德模范"] == (["市委宣传部"], ["市文明办", "市总工会", "团市委"], [])


def test_a_space_inside_a_phrase_that_is_no_list_stays():
    assert responsibility.split_names("市发展改革委 牵头") != ["市发展改革委", "牵头"]


def test_a_chapter_heading_names_the_lead_and_the_co_operating_bodies():
    assert responsibility.heading_roles("县住房和城乡建设局牵头、县自然资源局配合工作（2项）") == (
        ["县住房和城乡建设局"], ["县自然资源局"])
    assert responsibility.heading_roles("县发展和改革局牵头工作（3项）") == (["县发展和改革局"], [])
    assert responsibility.heading_duty("县发展和改革局牵头工作（3项）") == ["县发展和改革局"]
    got = _plan(["三、市住房和城乡建设局牵头、市自然资源局配合工作（2项）",
                 "7.改造城镇老旧小区12个。", "8.完成雨污分流改造管网20公里。"])
    assert list(got.values()) == [(["市住房和城乡建设局"], ["市自然资源局"], [])] * 2


def test_a_subject_after_two_clauses_of_its_sentence():
    got = _plan(["第五条 优化消费环境。开展放心消费创建，畅通维权渠道，各街道办事处要做好商户宣传引导。"])
    assert got["优化消费环境"][0] == ["各街道办事处"]


def test_a_page_number_inside_a_paragraph_joins_its_two_halves():
    text = ("某某市工作要点\n一、重点任务\n3.加强思想道德建设。推进指导服务站点建设，开展学习宣传活动，引导未成年人\n- 3 -\n"
            "树立正确价值观。（市教育局、市文明办）\n4.推进文明村镇创建。开展创建活动。（市委农办）\n")
    doc = parse_text(text, META)
    assert [m.title for m in doc.measures] == ["加强思想道德建设", "推进文明村镇创建"]
    first = doc.measures[0]
    assert "引导未成年人树立正确价值观" in first.text
    assert first.responsibility is not None and first.responsibility.lead == ["市教育局"]


def test_a_page_number_after_a_finished_paragraph_or_before_a_new_item_keeps_the_break():
    for text in ("一、重点任务\n1.推进建设。完成改造任务。\n- 3 -\n2.加强保障。落实资金。\n",
                 "一、重点任务\n1.推进建设，完成改造任务\n- 3 -\n2.加强保障。落实资金。\n",
                 "一、重点任务\n发展基础\n- 3 -\n近年来全市经济稳步增长。\n"):
        kinds = [e.kind for e in junk.line_edits(text)]
        assert "page_break" not in kinds, text


# -- second batch (bp-bs): the county's 城… bodies, modal subjects, a placeholder subject, a combining-aid rule

def test_a_county_company_named_with_its_level_is_the_countys():
    from ontology.mapping.agencies import resolve
    from ontology.mapping.plans import RegionRef
    chain = [RegionRef(id="region:mouxiang", name="某乡县", name_en="Mouxiang", level="county", slug="mouxiang")]
    a, b = resolve("县城投集团", chain), resolve("某乡县城投集团", chain)
    assert a is not None and b is not None and a.id == b.id
    c, d = resolve("县城管局", chain), resolve("某乡县城管局", chain)
    assert c is not None and d is not None and c.id == d.id


def test_a_modal_subject_acting_together_with_bodies():
    got = _plan(["一、重点任务", "（一）扩大老年助餐服务。市民政局要会同市商务局完善老年助餐服务网络，年底前实现全覆盖。"])
    assert got["扩大老年助餐服务"] == (["市民政局"], ["市商务局"], [])


def test_a_second_body_after_two_clauses_of_a_modal_sentence():
    got = _plan(["一、重点任务", "（一）发展嵌入式服务。各县区人民政府要结合城市更新，在社区配建养老服务设施，市住房城乡建设局负责加强指导。"])
    assert got["发展嵌入式服务"] == (["各县区人民政府"], ["市住房城乡建设局"], [])


def test_a_placeholder_subject_leaves_the_duty_to_the_body_after_it():
    got = _plan(["一、保障措施", "（一）加强组织领导。各地各部门要把这项工作摆上重要议事日程，市老龄委负责统筹协调。",
                 "（二）强化宣传引导。各地各部门要加强政策宣传，营造良好氛围。"])
    assert got["加强组织领导"] == (["市老龄委"], [], [])
    assert got["强化宣传引导"] is None


def test_a_central_bodys_local_office_given_a_duty_by_a_modal():
    got = _plan(["一、重点任务", "（一）发展适老金融产品。鼓励金融机构开发养老储蓄产品，国家金融监督管理总局某某监管分局要加强监管指导。"])
    assert got["发展适老金融产品"] == (["国家金融监督管理总局某某监管分局"], [], [])


def test_a_rule_on_combining_aid_written_with_marks_is_no_measure():
    doc = parse_text("某某市若干措施\n第一条 支持企业创新。对认定的研发机构给予奖励。（责任单位：市科技局）\n"
                     "第二条 本措施与其他政策有重叠的，按照从优、就高、不重复的原则执行。\n", META)
    assert [m.title for m in doc.measures] == ["支持企业创新"]
