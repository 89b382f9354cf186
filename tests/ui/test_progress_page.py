"""Perkembangan: the figures shown are checked against counts taken straight from the
tables, and every chart leads to the matching list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChartView, QPieSeries
from sqlalchemy import text

from models import CommitmentStatus
from secretariat.commitments.queries import count_commitments
from tests.ui.conftest import TODAY
from ui.main_window import MainWindow
from ui.progress.page import ProgressPage


def _page(qtbot, context, year=2025) -> ProgressPage:
    page = ProgressPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 1400)
    page.show()
    page.refresh()
    page.year.setCurrentIndex(page.year.findData(year))
    return page


def _sql(db, query: str, **values):
    with db.reading() as session:
        return session.execute(text(query), values).all()


def test_the_figures_shown_match_counts_taken_from_the_tables(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    task_force = page.task_force.currentData()
    scope = dict(tf=task_force, start=date(2025, 1, 1), end=date(2025, 12, 31))
    by_status = dict(_sql(demo_context.db,
        "SELECT c.status, count(*) FROM commitments c JOIN meetings m ON m.id = c.meeting_id "
        "WHERE m.task_force_id = :tf AND m.status <> 'cancelled' "
        "AND m.date BETWEEN :start AND :end GROUP BY c.status", **scope))
    assert by_status, "the demo should give this task force commitments in 2025"

    pie = next(s for s in page.status_chart.chart().series() if isinstance(s, QPieSeries))
    shown = {piece.label().rsplit(": ", 1)[0]: int(piece.value()) for piece in pie.slices()}
    from secretariat.vocabulary import label
    assert shown == {label(CommitmentStatus(code)): count for code, count in by_status.items()}

    per_lead = dict(_sql(demo_context.db,
        "SELECT a.abbreviation, count(*) FROM commitments c JOIN meetings m "
        "ON m.id = c.meeting_id JOIN agencies a ON a.id = c.lead_agency_id "
        "WHERE m.task_force_id = :tf AND m.status <> 'cancelled' "
        "AND m.date BETWEEN :start AND :end GROUP BY a.abbreviation", **scope))
    table = {page.scorecard.index(r, 0).data(): int(page.scorecard.index(r, 1).data())
             for r in range(page.scorecard.rowCount())}
    assert table == per_lead
    overdue = count_commitments(demo_context.db, page.scope()[0].__class__(
        task_force_id=task_force, agreed_from=date(2025, 1, 1), agreed_to=date(2025, 12, 31),
        overdue=True), today=TODAY)
    assert page.overdue.rowCount() == overdue
    present = dict(_sql(demo_context.db,
        "SELECT ag.abbreviation, count(DISTINCT a.meeting_id) FROM attendances a "
        "JOIN meetings m ON m.id = a.meeting_id JOIN agencies ag ON ag.id = a.agency_id "
        "WHERE m.task_force_id = :tf AND m.kind = 'rakor' AND m.date BETWEEN :start AND :end "
        "AND m.status IN ('held', 'minutes_draft', 'minutes_final') "
        "AND a.status IN ('present', 'represented') GROUP BY ag.abbreviation", **scope))
    # In person and through a deputy, in their own columns.
    shown_present = {page.attendance.index(r, 0).data(): int(page.attendance.index(r, 2).data())
                     + int(page.attendance.index(r, 3).data())
                     for r in range(page.attendance.rowCount())}
    assert {k: v for k, v in shown_present.items() if v} == present


def test_a_slice_a_bar_and_a_scorecard_line_open_the_matching_list(qtbot, demo_context):
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("progress")
    page.year.setCurrentIndex(page.year.findData(2025))
    expected = page.figures.by_status[CommitmentStatus.IN_PROGRESS]

    pie = next(s for s in page.status_chart.chart().series() if isinstance(s, QPieSeries))
    piece = next(p for p in pie.slices() if p.color() == p.color() and "Proses" in p.label())
    piece.clicked.emit()

    commitments = window.current_page()
    assert window.current_key() == "commitments"
    assert commitments.model.total == expected
    assert "2025" in commitments.filters.scope_label.text()

    window.show_page("progress")
    score = page.figures.scorecard[0]
    page.open_agency_commitments(score.agency_id)
    assert window.current_page().model.total == score.total

    window.show_page("progress")
    area = next(g for g in page.figures.focus_areas if g.group_id is not None)
    page.open_group("focus_area_id", area, "done")
    assert window.current_page().model.total == area.done


def test_another_year_changes_the_figures_and_an_empty_one_says_so(qtbot, demo_context):
    page = _page(qtbot, demo_context, 2025)
    total_2025 = page.figures.total
    page.year.setCurrentIndex(page.year.findData(2021))
    assert page.figures.start == date(2021, 1, 1)
    assert page.figures.total != total_2025 or total_2025 == 0
    if page.figures.total == 0:
        assert "2021" in page.summary.text()
    assert isinstance(page.trend_chart, QChartView)


def test_no_task_force_yet_gives_a_plain_sentence(qtbot, context):
    page = _page(qtbot, context, TODAY.year)
    assert page.figures is None
    assert page.summary.text()
