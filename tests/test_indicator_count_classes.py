"""Count classifiers (lexicons/indicator_count_classes.txt): two counts whose units count different things are
never one indicator."""
from __future__ import annotations

from collections import Counter

from linking.indicators import Alignment, Mention, resolve, unit_clash


def _by(mentions):
    return {a.target_id: a.concept_id for a in resolve(mentions, alignment=Alignment()).assignments}


def test_estates_and_households_are_two_indicators():
    by = _by([Mention("a", "p1", "老旧小区改造", "个"), Mention("b", "p2", "老旧小区改造户数", "万户"),
              Mention("c", "p3", "老旧小区改造个数", "个")])
    assert by["a"] == by["c"] != by["b"]


def test_enterprises_counted_in_hu_are_enterprises():
    by = _by([Mention("a", "p1", "规模以上工业企业数", "家"), Mention("b", "p2", "规模以上工业企业户数", "户")])
    assert by["a"] == by["b"]


def test_unit_clash_by_classifier():
    assert unit_clash(Counter({"个": 1}), Counter({"万户": 1}))
    assert unit_clash(Counter({"万人": 1}), Counter({"万户": 1}))
    assert unit_clash(Counter({"张": 1}), Counter({"万套": 1}))
    assert unit_clash(Counter({"个": 1}), Counter({"家": 1})) is None  # objects both
    assert unit_clash(Counter({"万人": 1}), Counter({"名": 1})) is None  # people both
    assert unit_clash(Counter({"户": 1}), Counter({"家": 1}), ["市场主体户数"], ["市场主体数"]) is None
    assert unit_clash(Counter({"个": 1}), Counter({"张/千人": 1})) is None  # a per-capita unit: the kind gate decides


def test_a_name_without_a_unit_counts_in_the_classifier_it_ends_with():
    by = _by([Mention("a", "p1", "老旧小区改造户数"), Mention("b", "p2", "老旧小区改造个数"),
              Mention("c", "p3", "规模以上工业企业户数"), Mention("d", "p4", "规模以上工业企业个数"),
              Mention("e", "p5", "参保人数"), Mention("f", "p6", "参保户数")])
    assert by["a"] != by["b"] and by["e"] != by["f"]
    assert by["c"] == by["d"]  # enterprises, in 户 or in 个
