"""Responsibility and structure forms of round-10 dev plans (bt-bz of tests/fixtures_measures): a cover
notice's own numbered requirements above its signature block (一、高度重视… over 某市人民政府办公室 / date / the
plan's title) are no measures of the plan; a bare level between two in one tier (各市、州、县人民政府); a bare
sentence of bodies on its own line after ①② sub-items (A、B、C按职责分工负责。) gives every sub-item of the run
its bodies. Synthetic sentences in the shapes of other provinces' plans; nothing is copied."""
from __future__ import annotations

from loaders.pipeline import parse_text
from ontology import responsibility

META = {"file": "t.txt", "region": "某某市", "region_en": "Moumou", "level": "prefecture"}


def _plan(lines: list[str]) -> dict[str, tuple[list[str], list[str]] | None]:
    out = {}
    for m in parse_text("\n".join(lines), META).measures:
        r = m.responsibility
        out[m.title] = None if r is None else (r.lead, r.involved)
    return out


def test_a_cover_notices_requirements_are_no_measures():
    got = _plan([
        "某某市人民政府办公室关于印发某某市物流降本增效分工方案的通知",
        "各县区人民政府，市政府各部门：",
        "现将《某某市物流降本增效分工方案》印发给你们，请认真贯彻实施。",
        "一、提高认识，抓好落实。各县区、各部门要对照分工方案，细化工作措施。",
        "二、加强调度，跟踪问效。市交通运输局负责分工方案任务的统一调度。",
        "某某市人民政府办公室",
        "2026年4月2日",
        "某某市物流降本增效分工方案",
        "一、重点任务",
        "1.优化货运通道布局。新增城市配送通道3条。（牵头单位：市交通运输局；参与单位：市公安局）",
        "2.发展多式联运。开通铁海联运线路2条。（牵头单位：市发展改革委）",
    ])
    assert set(got) == {"优化货运通道布局", "发展多式联运"}
    assert got["优化货运通道布局"] == (["市交通运输局"], ["市公安局"])


def test_a_notice_without_a_plan_below_keeps_its_items():
    got = _plan([
        "某某市人民政府办公室关于做好防汛工作的通知",
        "一、压实防汛责任。各县区要落实属地责任。",
        "二、加强隐患排查。市水利局要组织开展汛前检查。",
        "某某市人民政府办公室",
        "2026年5月8日",
        "（此件公开发布）",
    ])
    assert len(got) >= 1


def test_a_bare_level_between_two_joins_the_tier():
    assert responsibility.split_names("各市、州、县人民政府") == ["各市、州、县人民政府"]
    assert responsibility.split_names("省自然资源厅、各市、州、县人民政府") == ["省自然资源厅", "各市、州、县人民政府"]
    assert responsibility.generic_local_government("各市、州、县人民政府") == "county"


def test_a_bare_sentence_after_sub_items_reaches_the_run():
    got = _plan([
        "某某市工作方案",
        "一、主要任务",
        "1.统一人员管理。",
        "①实行编制统筹使用，统一招聘、统一培训。",
        "②推行岗位轮转，每年下派骨干人员到基层任职。",
        "市委编办、市人社局按职责分工负责。",
        "2.加强队伍建设。开展全员培训。（责任单位：市卫健委）",
    ])
    assert got["实行编制统筹使用"] == (["市委编办"], ["市人社局"])
    assert got["推行岗位轮转"] == (["市委编办"], ["市人社局"])
    assert got["加强队伍建设"] == (["市卫健委"], [])


def test_a_bare_sentence_after_plain_items_stays_with_its_own_item():
    got = _plan([
        "某某市工作方案",
        "一、保障措施",
        "1.加强组织领导。建立工作专班。",
        "2.加强考核督导。纳入年度考核。",
        "市督查室负责。",
    ])
    assert got["加强组织领导"] is None
