"""Search of common words (issue #16): only the newest matches of each kind are ranked, equal
ranks come newest first, and `more` says whether matching records were left out. On SQLite
and PostgreSQL; the windows are made small here so a handful of records exceeds them."""

from __future__ import annotations

from datetime import date

import pytest

from sbpac_desktop.services import search
from sbpac_desktop.store import search_index, search_query
from tests.services import helpers

WORD = "ฝายชะลอน้ำ"


@pytest.fixture
def meetings_with_word(ctx):
    """Six meetings with the word in the title (oldest first) and one without it."""
    series_id = helpers.series(ctx)
    ids = [
        helpers.meeting(ctx, series_id, date(2020, 1, day), title=f"ประชุมติดตามโครงการ{WORD}").id
        for day in range(1, 7)
    ]
    helpers.meeting(ctx, series_id, date(2020, 1, 20), title="ประชุมเรื่องอื่น")
    return ids


def test_equal_ranks_come_newest_first(ctx, meetings_with_word):
    hits = search.search(ctx.db, ctx.actor, WORD)
    assert [h.ref_id for h in hits] == sorted(meetings_with_word, reverse=True)


def test_more_says_whether_matches_were_left_out(ctx, meetings_with_word):
    shown = search.search_results(ctx.db, ctx.actor, WORD, limit=4)
    assert [h.ref_id for h in shown.hits] == sorted(meetings_with_word, reverse=True)[:4] and shown.more
    exact = search.search_results(ctx.db, ctx.actor, WORD, limit=6)
    assert len(exact.hits) == 6 and not exact.more
    roomy = search.search_results(ctx.db, ctx.actor, WORD, limit=50)
    assert len(roomy.hits) == 6 and not roomy.more
    assert search.search_results(ctx.db, ctx.actor, "ไม่มีคำนี้แน่นอน") == search.SearchResults([], False)


@pytest.mark.parametrize("length", [1, 2])
def test_short_queries_report_more_too(ctx, meetings_with_word, length):
    text = "ฝ" if length == 1 else "ฝา"
    shown = search.search_results(ctx.db, ctx.actor, text, limit=2)
    assert [h.ref_id for h in shown.hits] == sorted(meetings_with_word, reverse=True)[:2] and shown.more


def test_only_the_newest_matches_of_a_kind_are_candidates(ctx, meetings_with_word):
    newest_three = sorted(meetings_with_word, reverse=True)[:3]
    with ctx.db.engine.connect() as connection:
        if ctx.is_server:
            found = search_query.scan_newest(connection, WORD, 3, titles_only=False, complete=True)
        else:
            found = search_query.sqlite_newest(connection, search_index.fts_phrase(WORD), 3)
    assert [(kind, ref_id) for kind, ref_id, _texts in found.found] == [("meeting", i) for i in newest_three]
    assert found.cut
    assert all(WORD in texts[0] for _kind, _ref, texts in found.found)  # title first, for ranking


def test_a_word_only_in_old_records_is_still_found(ctx, meetings_with_word):
    """The newest two records are tested directly; the older ones through the index (complete)
    or not at all (1 character and PostgreSQL 2 characters)."""
    series_id = helpers.series(ctx, "การประชุมอีกชุด")
    for day in range(1, 4):
        helpers.meeting(ctx, series_id, date(2021, 2, day), title="ประชุมประจำเดือน")
    oldest = meetings_with_word[0]
    with ctx.db.engine.connect() as connection:
        complete = search_query.scan_newest(connection, WORD, 50, titles_only=False, complete=True, recent=2)
        recent_only = search_query.scan_newest(connection, WORD, 50, titles_only=False, complete=False, recent=2)
    assert [ref_id for _kind, ref_id, _t in complete.found] == sorted(meetings_with_word, reverse=True)
    assert oldest in [ref_id for _kind, ref_id, _t in complete.found] and not complete.cut
    assert recent_only.found == [] and not recent_only.cut


def test_window_of_the_service_covers_the_limit(ctx, meetings_with_word):
    """A limit above the per-kind window still fills from one kind."""
    assert search.WINDOW >= 50
    hits = search.search(ctx.db, ctx.actor, "ประชุม", limit=search.MAX_LIMIT)
    assert {h.ref_id for h in hits if h.kind == "meeting"} >= set(meetings_with_word)
