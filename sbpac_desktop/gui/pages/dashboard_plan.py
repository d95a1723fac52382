"""The dashboard's M&E panel: one card per development dimension of the fiscal year's integrated plan —
indicators on track / behind / not reported, budget disbursed against the plan to that quarter, and the
status of the directives linked to its projects. Figures come from services.field.plan_views (`summarize`,
pure over the tree the page loads); a click on a card asks the window to open the plan page on that
dimension (`open_dimension`). A toggle รายมิติ / รายหน่วยงาน swaps the cards for the table by owning
agency (gui/pages/dashboard_plan_agency.py). The dashboard's place filter narrows the plan to the
projects tied to that province or district or a place under it (`place_id` of plan_views.plan_tree).

The quarter shown is the dashboard's quarter filter when set; otherwise the latest quarter, up to the
current one, with any indicator reported (the current quarter's actuals come in after it ends, so it
would read "ยังไม่รายงาน" everywhere)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.plan import baht_text, percent_text
from sbpac_desktop.domain.status import STATUS_KEYS, STATUS_TITLES
from sbpac_desktop.gui.pages.dashboard_plan_agency import AgencyTable
from sbpac_desktop.gui.text import digits, wrappable
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import plan_views
from sbpac_desktop.services.field.plan_views import GroupSummary, PlanTree, summarize
from sbpac_desktop.thai.dates import fiscal_quarter
from sbpac_desktop.thai.dates import fiscal_year as fiscal_year_of

STATE_COLOURS = {"on_track": "#2e7d32", "behind": "#c62828", "no_data": "#616161"}
CARD_MIN_WIDTH = 150  # six share the row; narrower windows scroll sideways
CARD_MAX_WIDTH = 280  # one or two cards (a place filter) keep a card's shape instead of spanning the tab


@dataclass(frozen=True)
class PlanTarget:
    """What a click on a card asks the plan page to show."""

    fiscal_year: int
    quarter: int
    dimension: str  # the dimension's name, as the plan tree shows it


def dashboard_plan_tree(
    ctx: AppContext, year: int | None, today: date | None, place_id: int | None = None
) -> PlanTree | None:
    """The chosen fiscal year's plan; with every year shown, this fiscal year's, or when it has none
    (not entered yet) the latest plan before it. `place_id`: only its projects tied to that place or
    one under it. Runs off the GUI thread."""
    db, actor = ctx.db, ctx.actor
    this_year = fiscal_year_of(today or date.today())
    tree = plan_views.plan_tree(db, actor, year if year is not None else this_year, today, place_id=place_id)
    if tree is None and year is None:
        plans = [p.fiscal_year for p in plan_views.list_plans(db, actor)]  # newest first
        earlier = [y for y in plans if y <= this_year] or plans
        tree = plan_views.plan_tree(db, actor, earlier[0], today, place_id=place_id) if earlier else None
    return tree


def shown_quarter(tree: PlanTree, today: date, chosen: int | None) -> int:
    """The chosen quarter, else the latest one up to today's with any indicator reported (else today's)."""
    if chosen is not None:
        return chosen
    last = fiscal_quarter(today) if fiscal_year_of(today) == tree.fiscal_year else 4
    if fiscal_year_of(today) < tree.fiscal_year:
        last = 1
    for quarter in range(last, 0, -1):
        states = summarize(tree, quarter).total.states
        if states["on_track"] or states["behind"]:
            return quarter
    return last


class DimensionCard(QFrame):
    clicked = Signal()

    def __init__(self, group: GroupSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setObjectName("planDimensionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.setMaximumWidth(CARD_MAX_WIDTH)
        self.setToolTip(self.tr("เปิดแผนบูรณาการที่มิตินี้"))
        self.title = QLabel(wrappable(group.label), self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.indicators = QLabel(self._indicator_html(group), self)
        self.indicators.setWordWrap(True)
        self.budget = QProgressBar(self)
        self.budget.setObjectName("planBudgetBar")
        percent = group.budget.percent_of_plan
        self.budget.setRange(0, 100)
        self.budget.setValue(min(round(percent or 0), 100))
        self.budget.setTextVisible(False)  # the figure is the label above: Thai text over the bar's edge was unreadable
        self.budget.setFixedHeight(8)
        self.budget_text = QLabel(digits(self.tr("เบิกจ่าย {p}% ของแผน").format(p=percent_text(percent))), self)
        self.budget_text.setToolTip(digits(self.tr("เบิกจ่ายสะสม {d} บาท จากแผน {p} บาท (ทั้งปี {y} บาท)").format(
            d=baht_text(group.budget.disbursed), p=baht_text(group.budget.planned),
            y=baht_text(group.budget.allocated_year))))  # fmt: skip
        self.directives = QLabel(wrappable(self._directive_text(group)), self)
        self.directives.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        self.budget.setToolTip(self.budget_text.toolTip())
        for widget in (self.title, self.indicators, self.budget_text, self.budget, self.directives):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _indicator_html(self, group: GroupSummary) -> str:
        """Two lines: the count and those not reported, then on track and behind side by side (a card
        is about 175 px wide at 1366; Qt would break "ต่ำกว่าแผน" between its Thai words if narrower)."""

        def state(key: str, text: str) -> str:
            count = digits(str(group.states[key]))
            return f'<span style="color:{STATE_COLOURS[key]}">&#9632;</span>&nbsp;{text}&nbsp;<b>{count}</b>'

        heading = self.tr("ตัวชี้วัด {n}").format(n=digits(str(group.indicators)))
        first = f"{heading} · {state('no_data', self.tr('ยังไม่รายงาน'))}"
        return f"{first}<br>{state('on_track', self.tr('ตามแผน'))} {state('behind', self.tr('ต่ำกว่าแผน'))}"

    def _directive_text(self, group: GroupSummary) -> str:
        counts = [(key, group.directive_states[key]) for key in STATUS_KEYS if group.directive_states[key]]
        if not counts:
            return self.tr("ไม่มีข้อสั่งการที่เชื่อมโยง")
        listed = ", ".join(f"{STATUS_TITLES[key]} {n}" for key, n in counts)
        return digits(self.tr("ข้อสั่งการ: {listed}").format(listed=listed))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class PlanPanel(QWidget):
    """The caption and the รายมิติ / รายหน่วยงาน toggle over either the cards (a row that scrolls sideways
    when the window is narrow) or the agency table; a line when there is no plan or no project there."""

    open_dimension = Signal(object)  # PlanTarget
    BY_DIMENSION, BY_AGENCY = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.cards: list[DimensionCard] = []
        self.row = QWidget(self)
        self.row_layout = flush(QHBoxLayout(self.row), spacing=6)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.row)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.agency_table = AgencyTable(self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.scroll_area)  # BY_DIMENSION
        self.views.addWidget(self.agency_table)  # BY_AGENCY
        self.mode = QButtonGroup(self)
        self.mode.setExclusive(True)
        toggle = QHBoxLayout()
        toggle.setSpacing(0)
        for mode, text, name in ((self.BY_DIMENSION, self.tr("รายมิติ"), "planByDimension"),
                                 (self.BY_AGENCY, self.tr("รายหน่วยงาน"), "planByAgency")):  # fmt: skip
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(mode == self.BY_DIMENSION)
            self.mode.addButton(button, mode)
            toggle.addWidget(button)
        self.mode.idToggled.connect(self._mode_toggled)
        self.shown: tuple[PlanTree | None, int, int | None] | None = None  # the last caption's inputs
        self.place_label: str | None = None
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addLayout(toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)

    def by_agency(self) -> bool:
        return self.mode.checkedId() == self.BY_AGENCY

    def set_by_agency(self, on: bool) -> None:
        self.mode.button(self.BY_AGENCY if on else self.BY_DIMENSION).setChecked(True)

    def _mode_toggled(self, mode: int, checked: bool) -> None:
        if checked:
            self.views.setCurrentIndex(mode)
            self._caption()

    def show_plan(
        self, tree: PlanTree | None, fiscal_year: int, quarter: int | None, today: date, place: str | None = None
    ) -> None:
        """`place`: the place filter's name when one is chosen (the tree then holds only its projects)."""
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        while self.row_layout.count():
            self.row_layout.takeAt(0)
        self.place_label = place
        shown = shown_quarter(tree, today, quarter) if tree is not None else None
        self.shown = (tree, fiscal_year, shown)
        self._caption()
        if tree is None or shown is None:
            self.agency_table.show_groups((), None, quarter or 1)
            return
        summary = summarize(tree, shown)
        self.agency_table.show_groups(summary.by_agency, summary.total, shown)
        for group in summary.by_dimension:
            card = DimensionCard(group, self.row)
            target = PlanTarget(tree.fiscal_year, shown, group.label)
            card.clicked.connect(lambda target=target: self.open_dimension.emit(target))
            self.row_layout.addWidget(card, 1)
            self.cards.append(card)
        self.row_layout.addStretch(0)  # what the cards at their widest leave, at the right

    def _caption(self) -> None:
        if self.shown is None:
            return
        tree, fiscal_year, quarter = self.shown
        if tree is None:
            self.caption.setText(digits(self.tr("ยังไม่มีแผนบูรณาการของปีงบประมาณ {y}").format(y=fiscal_year)))
            return
        where = self.place_label
        if not tree.projects and where:
            text = self.tr("{title} — ไม่มีโครงการที่เกี่ยวกับพื้นที่{place}").format(title=tree.title, place=where)
            self.caption.setText(wrappable(digits(text)))
            return
        text = self.tr("{title} — ผลสะสมถึงไตรมาส {q}/{y}").format(title=tree.title, q=quarter, y=tree.fiscal_year)
        if where:
            text += self.tr(" เฉพาะโครงการในพื้นที่{place}").format(place=where)
        if not self.by_agency():
            text += self.tr("; คลิกมิติเพื่อเปิดแผน")
        self.caption.setText(wrappable(digits(text)))
