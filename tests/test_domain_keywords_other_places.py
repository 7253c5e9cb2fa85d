"""Domain keywords on measures in the shapes of other provinces' plans (our own sentences; dev batch 6 shapes):
a word used descriptively names no field (专业机构 is no education), and what the measure acts on does
(居家适老化改造 and 修缮 act on housing; 隐患 and 火灾 on public safety; 医务室 on health)."""
from __future__ import annotations

import pytest

from ontology.mapping.domains import classify
from ontology.mapping.text import Span


def _dom(title: str, body: str) -> list[str]:
    return [h.domain.id for h in classify(title, Span(body, 0, len(body)), [], body)]


@pytest.mark.parametrize("title,body,want,absent", [
    ("引入专业机构运营", "采取委托运营方式引入专业机构运营社区服务设施，由专业团队负责日常管理。", set(), {"education"}),
    ("加强人才支撑", "支持职业院校开设老年服务与管理相关专业，培养养老护理人才。", {"education"}, set()),
    ("推进居家适老化改造", "对特殊困难老年人家庭实施适老化改造，每户补助不低于3000元。", {"housing_community"}, set()),
    ("落实房屋修缮", "对老旧住房开展修缮，修缮完成后组织验收。", {"housing_community"}, set()),
    ("开展隐患排查", "对人员密集场所开展火灾隐患排查，及时消除安全隐患。", {"public_safety"}, set()),
    ("拓宽高校毕业生就业渠道", "每年募集就业见习岗位，组织高校毕业生专场招聘。", {"employment_training"}, {"education"}),
    ("培育智能制造示范标杆", "遴选一批智能制造示范工厂，推广典型经验。", {"industry"}, {"digital_services"}),
])
def test_domain_from_what_the_measure_acts_on(title, body, want, absent):
    got = set(_dom(title, body))
    assert want <= got and not (absent & got), got


def test_land_supply_makes_a_measure_without_a_field_of_its_own_act_on_land():
    """lexicons/domain_from_instruments.txt: a coded land_space_supply keeps land_facilities beside the field when the
    title names no field; in a field's own measure the land is a means to that field."""
    body = "将重点项目纳入市级项目库，在用地方面予以优先保障，鼓励金融机构开发养老专属理财产品。"
    sp = Span(body, 0, len(body))
    plain = [h.domain.id for h in classify("强化要素保障", sp, [], body)]
    coded = [h.domain.id for h in classify("强化要素保障", sp, [], body, instrument_ids=frozenset({"land_space_supply"}))]
    assert "land_facilities" not in plain and "land_facilities" in coded, (plain, coded)
    field = [h.domain.id for h in classify("发展普惠托育服务", sp, [], body,
                                           instrument_ids=frozenset({"land_space_supply"}))]
    assert "land_facilities" not in field, field
