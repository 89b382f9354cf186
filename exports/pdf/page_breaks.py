"""Where an official document may break its pages: the same rules for every PDF.

Tata Naskah Dinas and plain good sense: a signature never stands alone on a page but keeps
with the last lines of text above it; no heading ends a page; no table leaves a single row
at a page's foot or alone at the next page's head. `settle_pages` applies the rules to a
whole story (`layout.write_portrait` does so for every portrait document); `section_start`
keeps a heading with the first rows of a table that may run over several pages, which a
KeepTogether cannot do (it moves the whole table, leaving the page before near empty).
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table


class SignatureBlock(Table):
    """A signer's block: never split over two pages, and kept by `settle_pages` with the
    last lines of text above it, so that it never stands alone on a page."""

    def split(self, availWidth, availHeight):
        return []


# A table splits only where at least this many rows stay on each side (below its header).
ROWS_KEPT_TOGETHER = 2
SIGNATURE_KEEPS_PARAGRAPHS = 2  # the last lines of text a signature takes with it


def _header_rows(table: Table) -> int:
    repeat = table.repeatRows
    return repeat if isinstance(repeat, int) else max(repeat, default=-1) + 1


def settle_pages(story: list[Flowable]) -> list[Flowable]:
    """The page-breaking rules every document follows, applied to its story.

    - A table splits only with `ROWS_KEPT_TOGETHER` rows on each side (its header repeats
      above the rest): never a lone row under the header at a page's foot, nor alone at
      the next page's head; a row is cut in two only when it is taller than a page.
    - A signature (`SignatureBlock`) keeps with the last paragraphs before it
      (keepWithNext, which ReportLab turns into one KeepTogether with the signature).
    """
    for index, flowable in enumerate(story):
        if isinstance(flowable, SignatureBlock):
            _keep_with_text_above(story, index)
        elif isinstance(flowable, Table):
            _split_without_lone_rows(flowable)
    return story


class _NoLoneRows:
    """Mixed into a story's tables: where ReportLab would split a table leaving fewer than
    `ROWS_KEPT_TOGETHER` rows on one side, it splits earlier or moves the table whole.

    ReportLab's own means fall short: `rowSplitRange` is lost on the parts split off a long
    table, and with NOSPLIT its splitInRow cuts the rest of a table mid-row into the space
    left at a page's foot."""

    def _splitRows(self, availHeight, doInRowSplit=0):
        frame = self._doctemplateAttr("frame")
        page = frame._height if frame is not None else availHeight
        if max(self._rowHeights, default=0) > page:  # a row only a cut can place
            return super()._splitRows(availHeight, doInRowSplit)
        if doInRowSplit:
            return []  # every row fits on a page: move it whole
        parts = super()._splitRows(availHeight, doInRowSplit)
        if len(parts) != 2:
            return parts
        head, rows = _header_rows(self), len(self._rowHeights)
        split_at = len(parts[0]._rowHeights)  # the first row of the rest
        if rows - split_at < ROWS_KEPT_TOGETHER:
            split_at = rows - ROWS_KEPT_TOGETHER
            parts = super()._splitRows(sum(self._rowHeights[:split_at]) + 0.01)
        if split_at - head < ROWS_KEPT_TOGETHER or len(parts) != 2:
            return []
        return parts


_NO_LONE_ROW_CLASSES: dict[type, type] = {}


def _split_without_lone_rows(table: Table) -> None:
    kind = type(table)
    if not issubclass(kind, _NoLoneRows):
        # The class is swapped, not the table rebuilt: the parts ReportLab splits off a table
        # are made with `self.__class__`, so they keep the rule too.
        table.__class__ = _NO_LONE_ROW_CLASSES.setdefault(
            kind, type(kind.__name__, (_NoLoneRows, kind), {}))


def _keep_with_text_above(story: list[Flowable], index: int) -> None:
    kept = 0
    for before in reversed(story[:index]):
        if isinstance(before, Spacer):
            before.keepWithNext = 1
        elif isinstance(before, Paragraph) and kept < SIGNATURE_KEEPS_PARAGRAPHS:
            before.keepWithNext = 1
            kept += 1
        else:
            return  # a table, a page break or enough text: the chain starts here


class KeepStartTogether(CondPageBreak):
    """A conditional page break before a section: a new page unless the section's heading
    (and its note) and the start of what follows fit on this one: a table's header and
    first rows, or a whole chart or paragraph. Unlike a KeepTogether around heading and
    table, a long table still begins on this page instead of leaving it near empty."""

    def __init__(self, lead: list[Flowable], following: Flowable):
        super().__init__(0)
        self._lead, self._following = lead, following

    def wrap(self, availWidth, availHeight):
        self.height = sum(self._height(flowable, availWidth, availHeight)
                          for flowable in self._lead) + self._start(availWidth, availHeight)
        return super().wrap(availWidth, availHeight)

    def _height(self, flowable: Flowable, width: float, height: float) -> float:
        return (flowable.wrapOn(self.canv, width, height)[1] + flowable.getSpaceBefore()
                + flowable.getSpaceAfter())

    def _start(self, width: float, height: float) -> float:
        following = self._following
        whole = self._height(following, width, height)
        if isinstance(following, Table):
            rows = _header_rows(following) + ROWS_KEPT_TOGETHER
            return min(whole, sum(following._rowHeights[:rows]) + following.getSpaceBefore())
        return whole


def section_start(lead: list[Flowable], following: Flowable) -> list[Flowable]:
    """Heading(s) that stay with the start of `following`, never at a page's foot."""
    for flowable in lead:
        flowable.keepWithNext = 0  # the guard does it; a KeepTogether would take the table
    return [KeepStartTogether(lead, following), *lead, following]
