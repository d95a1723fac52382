"""`sbpac-desktop search TEXT [--json]`: the same search as the main window's search box."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import whole_number
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.thai import apply_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.search import SearchHit

DEFAULT_LIMIT = 50


def hit_lines(hits: Sequence[SearchHit], query: str, thai_digits: bool, more: bool = False) -> list[str]:
    if not hits:
        return [f"ไม่พบข้อมูลที่ตรงกับ “{query}”"]
    lines = []
    for number, hit in enumerate(hits, start=1):
        reference = f" {hit.number_text}" if hit.number_text else ""
        if hit.kind in ("meeting", "agenda_item") and hit.number_text:
            reference = f" ครั้งที่ {hit.number_text}"
        lines += [
            apply_digits(f"{number}. [{hit.kind_label}{reference}] {hit.title}", thai_digits),
            f"    {hit.snippet}",
        ]
    if more:  # a common word: the best of its newest matches, not all of them
        lines.append(apply_digits(f"แสดง {len(hits)} รายการที่ตรงที่สุดจากรายการล่าสุด (ยังมีอีก ระบุคำให้ชัดขึ้น)", thai_digits))
    else:
        lines.append(apply_digits(f"พบ {len(hits)} รายการ", thai_digits))
    return lines


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "kind_th": hit.kind_label,
        "id": hit.ref_id,
        "title": hit.title,
        "snippet": hit.snippet,
        "number_text": hit.number_text,
        "rank": round(hit.rank, 6),
        "meeting_id": hit.meeting_id,
        "directive_id": hit.directive_id,
    }


def cmd_search(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import search as search_service

    with signed_in(args) as ctx:
        found = search_service.search_results(ctx.db, ctx.actor, args.text, limit=args.limit)
    if args.json:
        emit_json([hit_json(hit) for hit in found.hits])
    else:
        for line in hit_lines(found.hits, args.text, args.thai_digits, found.more):
            emit(line)
    return 0


def _limit_arg(text: str) -> int:
    from sbpac_desktop.services.search import MAX_LIMIT  # the service's own bound, loaded when used

    return whole_number(1, MAX_LIMIT, "จำนวนผลลัพธ์", str(DEFAULT_LIMIT))(text)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "search", help="ค้นหาในการประชุม ระเบียบวาระ รายงานการประชุม ข้อสั่งการ และรายงานความก้าวหน้า (search)"
    )
    parser.add_argument("text", metavar="TEXT", help="คำหรือข้อความที่ต้องการค้นหา เช่น ศอ.บต.")
    parser.add_argument(
        "--limit", type=_limit_arg, default=DEFAULT_LIMIT, help=f"จำนวนผลลัพธ์สูงสุด (ค่าปริยาย {DEFAULT_LIMIT})"
    )
    parser.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    parser.add_argument("--thai-digits", action="store_true", help="แสดงตัวเลขเป็นเลขไทย")
    parser.set_defaults(handler=cmd_search)
