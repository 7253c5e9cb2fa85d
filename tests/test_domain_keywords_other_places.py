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


# dev batch 8 shapes (高标准农田, 节水, 生态环境 规划, 学前教育, 营商环境): own sentences
@pytest.mark.parametrize("title,body,want,absent", [
    # a facility word beside a field in the title belongs to that field (counted half), land itself stays the subject
    ("完善灌排设施", "新建灌溉渠道和小型泵站，配套建设滴灌设施。", {"agriculture", "utilities"}, {"land_facilities"}),
    ("推动体育场馆错时开放", "市属体育场馆在周末向中小学生免费开放。", {"sports"}, {"land_facilities"}),
    ("保障乡村旅游用地", "在国土空间规划中预留建设用地指标用于乡村旅游设施。", {"tourism", "land_facilities"}, set()),
    ("实行阶梯水价制度", "推行居民生活用水阶梯水价和超定额累进加价。", {"utilities"}, set()),
    ("补齐乡镇污水处理短板", "推进乡镇污水处理厂提标改造，完善收集管网。", {"utilities", "environment"}, set()),
    ("实施国土绿化行动", "三年内完成营造林8万亩，推进国土绿化。", {"environment"}, set()),
    ("推进城乡学校结对帮扶", "建立城区优质学校与乡村学校结对帮扶机制，开展教研交流。", {"education"}, {"social_assistance"}),
    ("加强企业知识产权保护", "严厉打击侵犯知识产权的违法行为，建设知识产权保护中心。", {"industry"}, set()),
    ("拓展冰雪旅游客源市场", "在重点客源城市举办旅游推介会。", {"tourism"}, set()),
    ("支持民营企业开拓市场", "组织民营企业参加重点展会，对参展民营企业给予展位费补贴。", {"industry"}, {"finance_tax"}),
])
def test_domain_batch8_shapes(title, body, want, absent):
    got = set(_dom(title, body))
    assert want <= got and not (absent & got), got


def test_governance_words_in_a_field_plan_are_about_that_field():
    """A measure with only residual words (监管, 机制) in a plan whose title names its field gets the field alone;
    one that acts on the administration itself (审批, 政务服务: lexicons/domain_governance_field_words.txt) keeps
    governance beside the field."""
    from ontology import vocab
    from ontology.mapping.domains import PlanContext
    agri = next(d for d in vocab.domains() if d.id == "agriculture")
    ctx = PlanContext(frozenset({"agriculture"}), agri)

    def got(title: str, body: str) -> list[str]:
        return [h.domain.id for h in classify(title, Span(body, 0, len(body)), [], body, ctx)]

    assert got("加强工程质量监管", "落实项目法人制和工程监理制，每年对在建项目开展质量抽查。") == ["agriculture"]
    kept = got("优化项目审批", "对建设项目实行并联审批，压缩审批时限。")
    assert "governance_standards" in kept and "agriculture" in kept, kept
