"""What the linking stage reads: one policy's words, typed (not a store property dict)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PolicyText:
    id: str                          # the Policy node id (model.ids.policy_id)
    plan_id: str                     # policies of one plan are never linked to each other
    title: str
    text: str                        # the measure's text (its responsibility clause included)
    responsibility: str | None = None  # the clause as written, cut off before comparing
