"""Responsibility written with the modal 要 and with 要会同 (dev plans aq, as, i of tests/fixtures_measures):
bodies named with their level are given the duty of the sentence they open, each clause's bodies in turn;
placeholders and actors are not. Synthetic sentences in the shapes of Shandong and Sichuan plans."""
from __future__ import annotations

from ontology import responsibility as r


def _names(text: str):
    hit = r.inline(text)
    return None if hit is None else (hit[0], hit[1])


def test_named_bodies_before_the_modal_are_responsible():
    assert _names("建设智慧停车平台。市公安局交警支队、市数据局要加强协作，2025年底前完成平台上线。") == (
        ["市公安局交警支队"], ["市数据局"])


def test_each_clause_with_the_modal_names_its_bodies():
    assert _names("各街镇要落实属地责任，区交通委要加强统筹协调，区财政局要做好资金保障。") == (
        ["各街镇"], ["区交通委", "区财政局"])


def test_together_with_a_comma_before_the_action():
    assert _names("县卫生健康局要会同县教育局、县融媒体中心，每年开展健康教育进村入户活动100场以上。") == (
        ["县卫生健康局"], ["县教育局", "县融媒体中心"])


def test_placeholders_and_actors_with_the_modal_are_not_responsible():
    assert r.inline("各地要加强组织领导，确保各项任务落到实处。") is None
    assert r.inline("物业服务企业要做好日常巡查。") is None
    assert r.inline("主要任务要聚焦重点领域。") is None


def test_a_helper_clause_after_the_subject_with_zuo_hao():
    # 区房管局负责，各街镇做好居民协调 (dev plan av): the bodies of the following clause are involved
    assert _names("既有多层住宅加装电梯300台以上。区房管局负责，各街镇做好居民协调。") == (["区房管局"], ["各街镇"])
    assert _names("推进改造。区房管局负责，物业企业做好配合。") == (["区房管局"], [])


def test_inline_clauses_name_generic_tiers_and_bodies_acting_together():
    # a lead without 由 that acts together with others (…牵头，会同B、C，<action>)
    assert _names("区民政局牵头，会同区卫生健康委、区医保局，建立长效机制。") == (
        ["区民政局"], ["区卫生健康委", "区医保局"])
    # an adverb before the co-operating verb
    assert _names("具体由区城管执法局负责，区公安分局予以配合。") == (["区城管执法局"], ["区公安分局"])
    # the generic township tier as the co-operating party of an inline clause
    assert _names("区文化旅游局负责牵头，各街镇配合实施。") == (["区文化旅游局"], ["各街镇"])


def test_yao_that_opens_a_word_is_no_modal():
    assert r.inline("区规划资源局要点解读同步发布。") is None
    assert r.inline("市商务委要闻摘编每月刊发。") is None


def test_a_schedule_manner_in_a_clause_is_a_deadline_not_an_agency():
    for clause, lead, due in [("（市科技局负责，常态化推进）", ["市科技局"], "常态化推进"),
                              ("（市民政局负责，分年度实施）", ["市民政局"], "分年度实施")]:
        p = r.parse(clause, 0)
        assert (p.lead, p.involved, p.deadline) == (lead, [], due)


def test_a_helper_clause_after_an_inline_hit_and_actors_that_are_no_bodies():
    assert _names("推进工作。由区政府办公室统筹协调，区发展改革委具体落实。") == (["区政府办公室"], ["区发展改革委"])
    assert _names("推进工作。区科委要加强统筹，区财政局给予资金支持。") == (["区科委"], ["区财政局"])
    # a class of actors (企业, 相关企业) is never involved
    assert _names("推进工作。由区商务委牵头，区财政局、相关企业配合。") == (["区商务委"], ["区财政局"])
    assert _names("推进工作。由区商务委负责，企业做好配合。") == (["区商务委"], [])
