"""Instrument cue classes of the batch-12 round (issue 13; 低空经济, 四好农村路, 家政, 内涝, 全民健身, 退役军人, 文旅 shapes).

Each row is a general phrasing of a government action, not a sentence of the batch: job fairs and games held; a tax
deducted per head; equipment bought for a public crew; a chief system set up across levels (not one named as where an
assessment goes); data connected to a government platform; a service standardised; road safety works added; premises
provided; a fare set; approval withheld as a sanction; an emergency plan revised; protection zones drawn (not a zone
where a use is banned); protection or repair works (实施…保护工程), a cultural station built, a promotion tour held,
a destination marketed, a venue opened free or cheap to residents; a platform's 赛事报名 and the events or training a
body takes on (承接…赛事/培训) are no events or training of their own. The sentences are our own.
"""
from __future__ import annotations

import pytest

from ontology.mapping import instruments
from ontology.mapping.text import sentences


def _codes(text: str) -> set[str]:
    return {h.instrument.id for h in instruments.find(sentences(text, 0, len(text)))}


@pytest.mark.parametrize("text,expected,absent", [
    ("每年举办高校毕业生专场招聘会不少于6场。", {"events_promotion"}, set()),
    ("举办全市职工运动会和社区趣味运动会。", {"events_promotion"}, set()),
    ("对吸纳脱贫人口就业的企业按每人每年6000元定额依次扣减增值税和企业所得税。", {"tax_incentive"}, set()),
    ("为各街道排水队伍配备移动泵车和大功率抽水机。", {"public_investment"}, set()),
    ("全面推行林长制，建立市、县、乡三级林长体系。", {"coordination_mechanism"}, set()),
    ("建立县、乡、村三级路长体系。", {"coordination_mechanism"}, set()),
    ("将农村供水工作纳入河湖长制考核内容。", set(), {"coordination_mechanism"}),
    ("将全市视频监控资源接入城市运行管理服务平台。", {"digital_platform"}, set()),
    ("推行养老机构服务标准化。", {"standards_certification"}, set()),
    ("在急弯陡坡路段增设护栏和减速带。", {"public_investment"}, set()),
    ("由园区提供标准厂房，三年内租金减半。", {"land_space_supply"}, set()),
    ("城区公交实行1元票价，郊区线路票价最高不超过3元。", {"fee_price_regulation"}, set()),
    ("对未按要求配建停车位的项目不予办理竣工验收备案。", {"regulation_supervision"}, set()),
    ("修订完善突发公共卫生事件应急预案。", {"rule_making"}, set()),
    ("划定历史文化街区保护范围和建设控制地带。", {"planning_layout"}, set()),
    ("划定高排放非道路移动机械禁止使用区域。", set(), {"planning_layout"}),
    # second pass (batch 12 tuned on): protection works, cultural stations, promotion tours, marketing, free opening
    ("实施古塔和城隍庙等重点文物保护工程。", {"public_investment"}, set()),
    ("实施高技能人才培训工程。", set(), {"public_investment"}),
    ("推动县级图书馆提档升级，在每个乡镇建设综合文化站。", {"public_investment"}, set()),
    ("在主要客源城市开展城市主题推介，利用短视频平台开展旅游营销。", {"events_promotion", "information_publicity"}, set()),
    ("学校体育场地在课余时间免费或低收费向社区居民开放。", {"fee_price_regulation"}, set()),
    ("建设全民健身服务平台，提供场馆预约和赛事报名服务。", {"digital_platform"}, {"events_promotion"}),
    ("通过政府购买服务方式支持体育协会承接群众赛事和健身培训。", {"government_procurement"},
     {"events_promotion", "training_talent"}),
])
def test_batch12_cue_classes(text, expected, absent):
    got = _codes(text)
    assert expected <= got and not (absent & got), got
