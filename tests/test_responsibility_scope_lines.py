"""Closing lines that name the agencies of the items before them (lexicons responsibility_scope_openers and
responsibility_scope_closers): 本部分任务责任单位：… at the start, …按职责分工负责上述工作 at the end. Synthetic text
in the shapes of Jiangsu and Shanghai district plans."""
from __future__ import annotations

from loaders.pipeline import parse_text
from ontology import responsibility as r

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county", "parent": "某某市"}


def _agencies(lines: list[str]):
    doc = parse_text("\n".join(["某某区营商环境优化方案", "一、主要任务"] + lines), META)
    return [(m.title, m.responsibility.lead + m.responsibility.involved if m.responsibility else []) for m in doc.measures]


def test_a_part_opener_names_the_items_before():
    got = _agencies(["（一）优化监管", "1.推行信用监管。实施分级分类监管。", "2.推行综合监管。开展跨部门联合检查。",
                     "本部分任务责任单位：区市场监管局、区司法局。"])
    assert got == [("推行信用监管", ["区市场监管局", "区司法局"]), ("推行综合监管", ["区市场监管局", "区司法局"])]


def test_a_back_reference_at_the_end_names_the_items_before():
    got = _agencies(["（一）强化要素保障", "1.保障企业用地。优先保障重点项目用地。", "2.保障企业用工。开展招聘对接活动。",
                     "区规划资源局、区人力资源社会保障局按职责分工负责上述工作。"])
    assert got == [("保障企业用地", ["区规划资源局", "区人力资源社会保障局"]),
                   ("保障企业用工", ["区规划资源局", "区人力资源社会保障局"])]


def test_a_back_reference_needs_a_role_before_it():
    assert r.scope_closer("区规划资源局按职责分工负责上述工作。") == len("区规划资源局按职责分工负责")
    assert r.scope_closer("认真总结上述工作。") is None
