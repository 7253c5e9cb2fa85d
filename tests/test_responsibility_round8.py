"""Responsibility forms of round-8 agency dev plans (aw-bg of tests/fixtures_measures): weaker duty verbs for bodies
named in full (统筹, 指导, 督促, 定期开展…), a guiding body beside the lead, a body joined to a tier by 及, the member
units of a coordinating body as a class, 共同牵头, and 按职责分工，做好…. Synthetic sentences in the shapes of other
provinces' plans; nothing is copied."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county"}


def _duties(items: list[str]) -> dict[str, tuple[list[str], list[str]] | None]:
    text = "\n".join(["某某区工作方案", "一、重点任务", *(f"{i}.{x}" for i, x in enumerate(items, 1))])
    out = {}
    for m in parse_text(text, META).measures:
        r = m.responsibility
        out[m.title] = None if r is None else (r.lead, r.involved)
    return out


def test_weaker_verbs_count_for_bodies_named_in_full():
    got = _duties([
        "保障项目资金。区财政局统筹安排专项资金，确保按时拨付。",
        "推动网站规范。由区委网信办指导各网站平台落实主体责任。",
        "开展督查。区委督查室定期开展督查，通报进展。",
    ])
    assert got == {"保障项目资金": (["区财政局"], []), "推动网站规范": (["区委网信办"], []),
                   "开展督查": (["区委督查室"], [])}


def test_weaker_verbs_never_for_a_generic_tier():
    assert _duties(["落实资金。各街道统筹安排资金。"]) == {"落实资金": None}


def test_a_guiding_body_beside_the_lead_is_involved():
    got = _duties(["推进健康服务。完善社区医疗网点。（区卫生健康局牵头，市卫生健康委指导）"])
    assert got == {"推进健康服务": (["区卫生健康局"], ["市卫生健康委"])}


def test_a_body_joined_to_a_tier_by_a_conjunction():
    got = _duties(["改善办学条件。区教育局及各镇（街道）负责改造校舍。"])
    assert got == {"改善办学条件": (["区教育局"], ["各镇（街道）"])}


def test_member_units_of_a_coordinating_body_are_a_class():
    assert _duties(["推进创建工作。区创文工作领导小组成员单位负责按计划推进。"]) == {"推进创建工作": None}


def test_joint_leads_and_duties_by_division_of_functions():
    got = _duties([
        "共建园区。区科技局、区商务局共同牵头，建设孵化园区。",
        "做好防汛。区水务局按照职责分工，做好防汛物资储备。",
        "严格执法检查。区生态环境局牵头，区公安局、区市场监管局按计划实施联合检查。",
    ])
    assert got == {"共建园区": (["区科技局", "区商务局"], []), "做好防汛": (["区水务局"], []),
                   "严格执法检查": (["区生态环境局"], ["区公安局", "区市场监管局"])}


def _plan(lines: list[str]) -> dict[str, tuple[list[str], list[str]] | None]:
    out = {}
    for m in parse_text("\n".join(lines), META).measures:
        r = m.responsibility
        out[m.title] = None if r is None else (r.lead, r.involved)
    return out


def test_a_parts_line_before_its_items_names_the_items_below():
    got = _plan([
        "某某区行动方案", "一、重点任务", "（一）扩大资源供给",
        "牵头单位：区教育局；配合单位：区发展改革委、区财政局",
        "1.新建公办幼儿园。三年新建公办幼儿园12所。",
        "2.规范配套幼儿园。完成配套幼儿园治理。",
        "（二）加强队伍建设",
        "本节任务由区人社局牵头，区委编办配合。",
        "3.补足教职工。按标准核定编制。",
        "4.提高待遇。落实工资保障。（区财政局负责）",
    ])
    assert got == {
        "新建公办幼儿园": (["区教育局"], ["区发展改革委", "区财政局"]),
        "规范配套幼儿园": (["区教育局"], ["区发展改革委", "区财政局"]),
        "补足教职工": (["区人社局"], ["区委编办"]),
        "提高待遇": (["区财政局"], []),           # an item with its own clause keeps it
    }


def test_a_parts_line_after_its_items_still_closes_them():
    got = _plan([
        "某某区行动方案", "一、重点任务", "（一）扩大资源供给",
        "1.新建公办幼儿园。三年新建公办幼儿园12所。",
        "2.规范配套幼儿园。完成配套幼儿园治理。",
        "本部分任务由区教育局负责。",
        "（二）加强队伍建设",
        "3.补足教职工。按标准核定编制。",
    ])
    assert got == {"新建公办幼儿园": (["区教育局"], []), "规范配套幼儿园": (["区教育局"], []), "补足教职工": None}
