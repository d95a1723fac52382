"""FlatTrie answers every question the segmenter asks exactly as pythainlp's own Trie does, on
the real word list, so swapping it in changes no segmentation (only the build time)."""

from __future__ import annotations

import functools
import importlib
import threading

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from sbpac_desktop.thai.dictionary import FlatTrie
from sbpac_desktop.thai.segment import org_words

segment_module = importlib.import_module("sbpac_desktop.thai.segment")  # the package re-exports segment()
MINUTES_TEXT = (
    "ที่ประชุมรับทราบ และมอบหมายให้ศอ.บต. ประสานกระทรวงมหาดไทยเพื่อขับเคลื่อนแผนบูรณาการ"
    "การพัฒนาพื้นที่จังหวัดชายแดนภาคใต้ ปีงบประมาณ ๒๕๖๙ โดยให้รายงานผลต่อที่ประชุมครั้งต่อไป"
    "ภายในวันที่ ๓๐ กันยายน ๒๕๖๙ ทั้งนี้ ให้สำนักงานสาธารณสุขจังหวัดปัตตานีดำเนินการร่วมกับอาสาสมัคร"
)


@functools.cache
def both() -> tuple[Trie, FlatTrie]:
    words = thai_words() | org_words()
    return Trie(words), FlatTrie(words)


def test_same_words_and_count() -> None:
    trie, flat = both()
    assert len(flat) == len(trie)
    assert set(flat) == set(trie)
    assert "ศอ.บต." in flat and "การพัฒนา" in flat and "ศอ.บ" not in flat


def test_prefixes_agree_at_every_position_of_real_minutes_text() -> None:
    trie, flat = both()
    for start in range(len(MINUTES_TEXT)):
        assert flat.prefixes(MINUTES_TEXT, start) == trie.prefixes(MINUTES_TEXT, start), start


THAI_LETTERS = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
THAI_TEXT = st.text(alphabet=st.one_of(THAI_LETTERS, st.sampled_from(" .0123456789")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(THAI_TEXT, st.integers(min_value=0, max_value=80))
def test_prefixes_agree_on_random_thai(text: str, start: int) -> None:
    trie, flat = both()
    assert flat.prefixes(text, start) == trie.prefixes(text, start)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), max_size=30), st.text(max_size=30))
def test_add_and_remove_agree_on_any_words(words: list[str], text: str) -> None:
    trie, flat = Trie(words), FlatTrie(words)
    for word in words[::2]:
        trie.remove(word)
        flat.remove(word)
    assert set(flat) == set(trie) and len(flat) == len(trie)
    for start in range(len(text)):
        assert flat.prefixes(text, start) == trie.prefixes(text, start)


def test_newmm_segments_alike_with_either_dictionary() -> None:
    trie, flat = both()
    original = word_tokenize(MINUTES_TEXT, custom_dict=trie, engine="newmm", keep_whitespace=True)
    assert word_tokenize(MINUTES_TEXT, custom_dict=flat, engine="newmm", keep_whitespace=True) == original
    assert "ศอ.บต." in original


def test_concurrent_first_calls_build_the_dictionary_once() -> None:
    """warm() in a worker and a wrapped line on the window's thread: one build, one object."""
    segment_module._dictionary.cache_clear()
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(segment_module.word_dictionary())) for _ in range(4)]
    for thread in threads:
        thread.start()
    segment_module.warm()
    for thread in threads:
        thread.join()
    assert len({id(found) for found in seen}) == 1
    assert segment_module._dictionary.cache_info().misses == 1


SUBWORD_CASES = (
    "สาธารณสุข",
    "ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้",
    "คณะกรรมการขับเคลื่อนการพัฒนาจังหวัดชายแดนภาคใต้",
    "งบประมาณ๒๕๖๙",
    "ยุทธศาสตร์ abc ชาติ",
    "ไม่มีในพจนานุกรมเลยจริงๆนะ",
    "ศอ.บต.",
    "ก",
    "นายสมชาย ใจดี",
)


def test_syllables_cut_as_pythainlps_dict_engine_without_building_its_tries() -> None:
    """segment.syllables gives what subword_tokenize(engine="dict") gives, on real words and odd
    ones, and builds neither of pythainlp's node tries for it (~0.3 s the first time a word did not
    fit its cell in a document). The pythainlp side runs after, so its tries are not built before."""
    from pythainlp.tokenize import subword_tokenize, syllable_dict_trie, word_dict_trie

    words = sorted(thai_words())[::97] + list(SUBWORD_CASES)  # ~650 words spread over the list
    segment_module.syllables.cache_clear()
    ours = [segment_module.syllables(word) for word in words]
    assert syllable_dict_trie.cache_info().currsize == 0 and word_dict_trie.cache_info().currsize == 0
    theirs = [tuple(subword_tokenize(word, engine="dict", keep_whitespace=True)) for word in words]
    assert ours == theirs
    assert segment_module.syllables("สาธารณสุข") == ("สา", "ธารณ", "สุข")
