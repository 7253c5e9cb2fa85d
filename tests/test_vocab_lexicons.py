"""The phrase-lexicon loader: file format, header rule and the alternation order."""
from __future__ import annotations

import re

import pytest

from ontology import vocab


@pytest.fixture
def lexicon_file():
    made = []

    def make(name: str, text: str):
        path = vocab.LEXICON_DIR / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
        vocab.lexicon.cache_clear()
        vocab.lexicon_regex.cache_clear()
        vocab.lexicon_pattern.cache_clear()
        return name

    yield make
    for p in made:
        p.unlink()
    vocab.lexicon.cache_clear()
    vocab.lexicon_regex.cache_clear()
    vocab.lexicon_pattern.cache_clear()


def test_phrases_comments_and_regex(lexicon_file):
    name = lexicon_file("_t_roles", "# what it decides\n\n单位\n责任单位  # the longer one\n# a comment\nre:\\d+年\n")
    assert vocab.lexicon(name) == ("单位", "责任单位", r"re:\d+年")
    pat = vocab.lexicon_pattern(name)
    assert pat.match("责任单位：").group(0) == "责任单位"  # longest literal first
    assert pat.fullmatch("2025年")
    assert not re.fullmatch(vocab.lexicon_regex(name), "单")


def test_header_required_and_missing_file(lexicon_file):
    name = lexicon_file("_t_noheader", "单位\n")
    with pytest.raises(vocab.LexiconError, match="header"):
        vocab.lexicon(name)
    with pytest.raises(vocab.LexiconError, match="does not exist"):
        vocab.lexicon("_t_absent")


def test_every_shipped_lexicon_has_a_header():
    for path in sorted(vocab.LEXICON_DIR.glob("*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        assert first and first[0].startswith("#"), f"{path.name} has no '#' header"
        assert vocab.lexicon(path.stem), f"{path.name} has no phrases"
