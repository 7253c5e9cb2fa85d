"""Closing paragraphs that give nobody a task (dev plans ar, at, au of tests/fixtures_measures): a leaf section
whose only paragraph charges placeholders (各级各部门要…, 各镇（街道）、区级各部门要…) or points to the appendix
(具体任务见附件) is no measure; a paragraph naming bodies with their duties still is. Synthetic text in the
shapes of Guangdong and Hunan work points."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某某区", "region_en": "Moumou", "level": "county"}
HEAD = ["某某区2025年工作要点", "一、重点任务", "（一）推进政务服务", "1.推行一网通办。实现高频事项全程网办。（区数据局负责）"]


def _titles(lines: list[str]) -> list[str]:
    return [m.title for m in parse_text("\n".join(HEAD + lines), META).measures]


def test_a_charge_to_placeholders_is_no_measure():
    assert _titles(["二、工作要求", "各镇（街道）、区级各部门要加强组织领导，明确责任分工，确保各项任务按期完成。"]) == [
        "推行一网通办"]
    assert _titles(["二、组织实施", "各级各部门要高度重视，加强统筹协调，形成工作合力。"]) == ["推行一网通办"]
    assert _titles(["二、工作要求", "各地各部门要切实提高政治站位，压实工作责任。重大事项及时报告。"]) == ["推行一网通办"]


def test_a_pointer_to_the_appendix_is_no_measure():
    assert _titles(["二、其他任务", "围绕政务服务、城市治理两个方面推进数字政府建设，具体任务见附件。"]) == ["推行一网通办"]


def test_a_paragraph_that_names_bodies_stays_a_measure():
    assert _titles(["二、保障措施", "各街镇要落实属地责任，区交通委要加强统筹协调，区财政局要做好资金保障。"]) == [
        "推行一网通办", "保障措施"]
