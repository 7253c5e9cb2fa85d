"""Flattened task and project tables in the shapes that lost agencies, totals and groups on real
plans of other places (loaders/flattables.py): a 责任单位 cell merged over a run of rows (written at
the run's first row or centred in it), the next row's label kept out of an agency cell, a task-type
column (类型: 制度类/项目类) that is no responsibility, 合计/小计 rows, a category column before 序号.
All texts are synthetic, written for these tests."""
from __future__ import annotations

from loaders import flattables


def _table(cells: list[str]):
    [t] = flattables.find("\n\n".join(cells))
    return t


# -- A1: a merged responsibility cell is carried over its whole run --------------------------------
def test_a_merged_agency_cell_written_at_its_runs_first_row_is_carried_down():
    t = _table(["序号", "工作任务", "责任单位", "完成时限",
                "1", "推行企业开办全程网上办", "区市场监管局、区税务局", "2025年6月底前",
                "2", "推进“一业一证”改革", "2025年9月底前",
                "3", "开展工程建设项目审批制度改革", "区建设管理委", "2025年10月底前",
                "4", "推行分阶段施工许可",
                "5", "推广联合验收和", "竣工验收备案一次办", "2026年6月底前",
                "6", "建立重大项目审批服务专班", "全年",
                "7", "设立区级企业服务中心", "区商务委", "全年"])
    assert [r[2] for r in t.rows] == ["区市场监管局、区税务局"] * 2 + ["区建设管理委"] * 4 + ["区商务委"]
    # the 完成时限 merged with the 责任单位 (row 4), a task line that stops mid-phrase runs on (row 5)
    assert t.rows[3][3] == "2025年10月底前"
    assert t.rows[4][1:] == ["推广联合验收和竣工验收备案一次办", "区建设管理委", "2026年6月底前"]


def test_a_merged_agency_cell_centred_in_its_run_spreads_over_it():
    # a PDF writes a merged cell at the middle of its span: after the middle row's last cell (odd
    # run) or between the two middle rows (even run) -- which, in a last column, reads the same
    t = _table(["序号", "重点任务", "具体举措", "责任单位",
                "1", "提升政务服务效能", "推行“高效办成一件事”",
                "2", "建设“免证办”应用场景", "区政务服务中心",
                "3", "开展政务服务“好差评”",
                "4", "加强市场监管执法", "推行“综合查一次”联合检查",
                "5", "建立轻微违法行为不予处罚清单", "区市场监管局、区城管执法局",
                "6", "推行非现场监管",
                "7", "开展信用分级分类监管",
                "8", "保护企业合法权益", "设立涉企行政复议绿色通道", "区司法局",
                "某东区人民政府办公室  2025年3月10日印发"])
    assert [r[3] for r in t.rows] == ["区政务服务中心"] * 3 + ["区市场监管局、区城管执法局"] * 4 + ["区司法局"]
    assert t.cell_spans[0][3] == t.cell_spans[1][3]           # quoted where the merged cell is written
    assert t.rows[7][1:3] == ["保护企业合法权益", "设立涉企行政复议绿色通道"]   # the colophon is no cell


def test_centred_spans_read_a_last_column_mark_as_between_rows_when_that_fits():
    assert flattables.centred_spans([1, 4, 8], 10) == [(0, 3), (3, 6), (6, 10)]
    assert flattables.centred_spans([1, 4, 8], 10, [True, True, True]) == [(0, 3), (3, 7), (7, 10)]
