"""Blanket clauses in other wordings (lexicon responsibility_blanket): 不再单独/逐项列出, and the names as the
responsible party of every task (以下任务各区政府均为责任单位，不再一一列出). Synthetic text in the shapes of
Shandong and Henan plans."""
from __future__ import annotations

from loaders.pipeline import parse_text
from ontology import responsibility as r

META = {"file": "t.txt", "region": "某某市", "region_en": "Moumou", "level": "prefecture"}


def test_blanket_wordings():
    assert r.blanket("（以下各项任务均需各街镇落实，不再单独列出）")[0] == ["各街镇"]
    assert r.blanket("以下任务均需各街镇参与落实，不再逐项列出")[0] == ["各街镇"]
    assert r.blanket("以下任务各区政府均为责任单位，不再一一列出。")[0] == ["各区政府"]
    assert r.blanket("（各县（市、区）人民政府为各项任务的责任主体，以下不再列出）")[0] == ["各县（市、区）人民政府"]
    assert r.blanket("各区是推进工作的关键，不再列出") is None


def test_a_blanket_line_names_every_later_item_with_a_clause():
    doc = parse_text("\n".join([
        "某某市营商环境提升方案", "为持续优化营商环境，制定本方案。", "一、重点任务",
        "以下任务各区政府均为责任单位，不再一一列出。",
        "1.推行一网通办。实现高频事项全程网办。（市数据局负责）",
        "2.推行信用监管。实施分级分类监管。（市市场监管局负责）"]), META)
    got = [(m.title, m.responsibility.lead + m.responsibility.involved + m.responsibility.implied) for m in doc.measures]
    assert got == [("推行一网通办", ["市数据局", "各区政府"]), ("推行信用监管", ["市市场监管局", "各区政府"])]
