"""The kind of a statement: a goal (target), a figure of the past (historic), a norm (standard), a
coverage goal, a goal in words (qualitative), or a definition that sets nothing.

The words are lexicons (ontology/vocab/lexicons/target_*.txt); the year scope step
(:func:`ontology.mapping.targets.scope_year`) adds the section- and period-based historic rules.
"""
from __future__ import annotations

import re
from functools import cache

from ontology import vocab


@cache
def _p(name: str) -> re.Pattern:
    return vocab.lexicon_pattern(name)


@cache
def coverage_pattern() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('target_coverage_lead')})*"
                      rf"(?:{vocab.lexicon_regex('target_coverage_words')})")


def qualitative_match(text: str) -> re.Match | None:
    return _p("target_qualitative_phrases").search(text)


def is_definition(sentence: str) -> bool:
    return bool(_p("target_definition_markers").search(sentence))


@cache
def _attributes() -> dict[str, str]:
    return vocab.lexicon_map("target_attributes", "=")


def attribute(text: str) -> str | None:
    """约束性 -> binding, 预期性 -> expected (the first written)."""
    best = None
    for word, value in _attributes().items():
        i = text.find(word)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, value)
    return best[1] if best else None


_STANDARD_WORD = re.compile(r"标准(?!化|体系)")
_PER_ONE = re.compile(rf"^\s*[，,；;]?\s*(?:每|单)(?:{vocab.lexicon_regex('target_cap_per_one_words')})?")
_GOAL_YEAR = re.compile(r"(?:到|至)\s*(?:19|20)\d\d\s*年")
_NOT_STANDARD = re.compile(vocab.lexicon_regex("target_standard_not_norms"))
_NOW_BASELINE = re.compile(rf"[由从](?:{vocab.lexicon_regex('target_baseline_now')})")
_NAMED_STANDARD = re.compile(rf"(?:{vocab.lexicon_regex('target_named_standard_issuers')}).{{0,6}}标准"
                             r"|达到.{0,10}标准")


def kind(sent: str, clause: str, year: int | None, period_start: int | None, goal_context: bool) -> str:
    if _standard_marked(sent, clause):
        return "standard"
    if _STANDARD_WORD.search(_NOT_STANDARD.sub("", clause)) and not _NAMED_STANDARD.search(clause):
        return "standard"
    if _p("naming_subsidy_words").search(clause) and (_p("naming_cap_words").search(clause)
                                                     or _p("target_comparator_le_before").search(clause)):
        return "standard"  # 每个项目补助不超过50万元: a grant cap is a norm of the grant
    if _p("naming_subsidy_words").search(sent) and _PER_ONE.match(clause) \
            and (_p("naming_cap_words").search(clause) or _p("target_comparator_le_before").search(clause)):
        return "standard"  # 每户补助不超过5000元，每个村不超过20万元: the cap of the same grant, per another unit
    if "要达到" in clause and year is None:
        return "standard"  # 用房要达到每百户N平方米; 到2025年…要达到N is a goal
    if year is not None and period_start is not None and year < period_start:
        return "historic"
    if year is not None and period_start is not None and year >= period_start and _GOAL_YEAR.search(sent) \
            and not _p("target_status_leads").search(sent):
        return "target"  # 到2025年累计建成…: a year of the plan period makes 累计建成 a goal
    if goal_context:
        return "target"
    clause_past = _past(clause)
    if year is not None and period_start is not None and year >= period_start and not clause_past \
            and re.search(rf"{year}\s*年", clause):
        return "target"  # 已建成5G基站1.2万个，2030年达到3万个: the clause's own year of the plan period
    if clause_past or (_past(sent) and not _p("target_goal_verbs").search(sent)):
        return "historic"  # 现有A级景区25家(，力争新增5家): the clause states the present
    return "target"


def _standard_marked(sent: str, clause: str) -> bool:
    """A norm marker (给予, 配建, 每百户) in the sentence makes its figures norms, except a count in a clause of
    its own before the marker's clause (加装电梯200部，对每部电梯给予不超过15万元补助: 200部 is a goal, the
    grant after it the norm; a bounded figure there, 不低于…的20%, stays a rule)."""
    m = _p("target_standard_markers").search(sent)
    if m is None:
        return False
    core = clause.strip("，,；; ")
    at = sent.find(core) if core else -1
    if at < 0 or "每" in core or _p("target_standard_markers").search(core) \
            or _p("target_comparator_ge_before").search(core) or _p("target_comparator_le_before").search(core):
        return True  # 配套资金不低于项目总投资的20%，对…给予补助: a bounded share beside a grant is a rule too
    end = at + len(core)
    return not (m.start() >= end and re.search(r"[，,；;]", sent[end:m.start() + 1]))


def _past(text: str) -> bool:
    """A historic marker (已建成, 截至, 现有) and no goal verb (力争, 确保) in ``text``."""
    return bool(_p("target_historic_markers").search(_NOW_BASELINE.sub("", text))) \
        and not _p("target_goal_verbs").search(text)
