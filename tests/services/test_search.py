"""Search over meetings, agenda items, directives and progress reports, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.services import search
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.services.search import SearchHit, snippet_parts
from tests.services import helpers


@pytest.fixture
def demo(ctx):
    load_demo(ctx.db, ctx.actor)
    return ctx


def find(ctx, text: str, limit: int = 50) -> list[SearchHit]:
    return search.search(ctx.db, ctx.actor, text, limit=limit)


def marked(hit: SearchHit) -> list[str]:
    return [part for part, is_match in snippet_parts(hit.snippet) if is_match]


@pytest.mark.parametrize("text", ["ศอ.บต.", "เลขาธิการ", "ประชุม"])
def test_thai_words_are_found_with_the_match_marked(demo, text):
    hits = find(demo, text)
    assert hits
    for hit in hits:
        assert marked(hit) and all(part == text for part in marked(hit)), hit.snippet
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_every_kind_is_searchable_and_says_what_to_open(demo):
    kinds = {hit.kind: hit for hit in find(demo, "ศอ.บต.")}
    assert {"agenda_item", "directive", "progress_report"} <= set(kinds)
    directive = kinds["directive"]
    assert directive.number_text.startswith("ขส. ") and directive.directive_id == directive.ref_id
    assert kinds["progress_report"].directive_id is not None
    assert kinds["agenda_item"].meeting_id is not None and kinds["agenda_item"].number_text == "10/2562"
    meeting = next(hit for hit in find(demo, "ประชุม", limit=200) if hit.kind == "meeting")
    assert meeting.meeting_id == meeting.ref_id and "/" in meeting.number_text
    assert meeting.kind_label == "การประชุม"


def test_two_character_query_falls_back_to_a_scan(demo):
    hits = find(demo, "ให้")
    short = find(demo, "ให")  # 2 code points: no trigram can match it
    assert short and {(h.kind, h.ref_id) for h in hits} <= {(h.kind, h.ref_id) for h in short}
    assert all(marked(hit) == ["ให"] * len(marked(hit)) and marked(hit) for hit in short)


def test_the_two_letter_word_pai_is_found(ctx):
    series_id = helpers.series(ctx)
    m = helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ประชุมติดตามงาน")
    agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "การลงพื้นที่", discussion="ให้ไปดูพื้นที่จริง"))
    (hit,) = find(ctx, "ไป")
    assert hit.kind == "agenda_item" and marked(hit) == ["ไป"] and hit.meeting_id == m.id


@pytest.mark.parametrize(
    "text", ['"', '"ศอ.บต.', "ศอ*", "*", "a OR b", "OR", "NEAR(a b)", "%", "_", "50%", "a_b", "\\", "(", "-x", "^"]
)
def test_query_syntax_characters_never_raise_and_are_literal(demo, text):
    hits = find(demo, text)
    assert all(text in hit.snippet.replace("«", "").replace("»", "") for hit in hits)


def test_percent_and_underscore_are_not_wildcards(ctx):
    series_id = helpers.series(ctx)
    helpers.meeting(ctx, series_id, date(2020, 1, 10), title="งบประมาณ 50% ของแผน")
    assert [h.kind for h in find(ctx, "0%")] == ["meeting"]
    assert find(ctx, "_") == [] and find(ctx, "5_") == []


def test_query_is_normalized_like_stored_text(ctx):
    series_id = helpers.series(ctx)
    helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ที่ประชุมรับทราบ")
    misordered = "ท\u0e48\u0e35"  # tone mark typed before the vowel: looks the same, other code points
    assert [h.kind for h in find(ctx, misordered + "ประชุม")] == ["meeting"]
    assert find(ctx, "   ") == [] and find(ctx, "") == []


def test_index_follows_inserts_updates_and_deletes(ctx):
    series_id = helpers.series(ctx)
    m = helpers.meeting(ctx, series_id, date(2020, 1, 10))
    item = agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "โครงการพาคนกลับบ้าน"))
    assert [h.ref_id for h in find(ctx, "พาคนกลับบ้าน")] == [item.id]
    data = agenda.AgendaItemInput(4, "โครงการพาคนกลับบ้าน", resolution="ที่ประชุมเห็นชอบแผนฟื้นฟูชุมชน")
    agenda.update_item(ctx.db, ctx.actor, item.id, item.version, data)
    (hit,) = find(ctx, "ฟื้นฟูชุมชน")
    assert hit.title == "ระเบียบวาระที่ 4.1 โครงการพาคนกลับบ้าน"
    agenda.delete_item(ctx.db, ctx.actor, item.id)
    assert find(ctx, "พาคนกลับบ้าน") == [] and find(ctx, "ฟื้นฟูชุมชน") == []


def test_limit_and_viewer_role(demo):
    assert len(find(demo, "ก", limit=3)) == 3
    viewer = Actor(demo.actor.user_id, "viewer", UserRole.VIEWER, "ผู้อ่าน")
    assert search.search(demo.db, viewer, "ศอ.บต.")


def test_sqlite_uses_the_trigram_index_for_two_and_three_characters(demo):
    expected = not demo.is_server
    assert search.uses_trigram_index(demo.db, "ศอ.บต.") is expected
    assert search.uses_trigram_index(demo.db, "ไป") is expected
    assert search.uses_trigram_index(demo.db, "ไ") is False
    plans = [search.search_plan(demo.db, text) for text in ("ศอ.บต.", "ไป", "ไ")]
    assert plans == (["scan", "newest", "titles"] if demo.is_server else ["trigram", "pair", "titles"])


def test_two_characters_at_the_end_of_a_field_and_in_latin_text(ctx):
    series_id = helpers.series(ctx)
    m = helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ประชุมติดตามงาน")
    item = agenda.AgendaItemInput(4, "การลงพื้นที่", proposal="ขอให้ลงพื้นที่ไป", resolution="รับทราบ Data")
    agenda.add_item(ctx.db, ctx.actor, m.id, item)
    (hit,) = find(ctx, "ไป")  # ends the proposal (a line break follows in the index)
    assert marked(hit) == ["ไป"] and hit.kind == "agenda_item"
    (hit,) = find(ctx, "ta")  # ends the last field: found through the letter before it
    assert marked(hit) == ["ta"]
    (hit,) = find(ctx, "DA")  # case does not matter, the snippet keeps the stored case
    assert marked(hit) == ["Da"]
    assert find(ctx, "ฬฬ") == [] and find(ctx, "ฬ") == []


def test_two_characters_are_ranked_with_titles_first(ctx):
    series_id = helpers.series(ctx)
    body_only = helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ประชุมประจำเดือน")
    agenda.add_item(ctx.db, ctx.actor, body_only.id, agenda.AgendaItemInput(4, "เรื่องอื่น", discussion="เรื่องฝนตก"))
    in_title = helpers.meeting(ctx, series_id, date(2020, 2, 10), title="ประชุมเรื่องฝนตกหนัก")
    hits = find(ctx, "ฝน")
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert (hits[0].kind, hits[0].ref_id) == ("meeting", in_title.id)
    assert {h.kind for h in hits} == {"meeting", "agenda_item"}
    assert all(marked(h) == ["ฝน"] for h in hits)


def test_one_character_looks_at_titles_only(ctx):
    series_id = helpers.series(ctx)
    m = helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ประชุมเรื่องฬ")
    agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "เรื่องอื่น", discussion="มีฬอยู่ในเนื้อหา"))
    hits = find(ctx, "ฬ")
    assert [(h.kind, h.ref_id) for h in hits] == [("meeting", m.id)] and marked(hits[0]) == ["ฬ"]


def test_snippet_parts():
    assert snippet_parts("ก «ข» ค «ง»") == [("ก ", False), ("ข", True), (" ค ", False), ("ง", True)]
    assert snippet_parts("ไม่ปิด «ข") == [("ไม่ปิด ", False), ("«ข", False)]
