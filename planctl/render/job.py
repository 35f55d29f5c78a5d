"""One render's inputs, shared by every writer: the plan, its views and the templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from planctl.errors import UsageError
from planctl.render.context import NoticeView, PlanView, notice_view, plan_view
from planctl.render.plan_tables import responsibility_table, unit_lists
from planctl.render.source import Source
from planctl.render.table import TableDocument
from planctl.render.templating import Templates

if TYPE_CHECKING:
    from planctl.render.revision_table import Previous


@dataclass
class Job:
    """What a writer needs; views are built on first use and shared between formats."""

    source: Source
    templates: Templates = field(default_factory=Templates)
    unit: str | None = None  # --unit: one unit's list only
    previous: Previous | None = None  # --from: the old side of the 修订对照表

    @cached_property
    def plan(self) -> PlanView:
        return plan_view(self.source.plan)

    @cached_property
    def notice(self) -> NoticeView:
        notice = self.source.plan.notice
        if notice is None:
            raise UsageError(
                "the plan has no notice to render",
                where=self.source.document.file,
                hint="add a `notice:` block (see PLAN_FORMAT.md), or render "
                "--as table or --as units",
            )
        return notice_view(notice, self.plan)

    @cached_property
    def table(self) -> TableDocument:
        return responsibility_table(self.plan)

    @cached_property
    def units(self) -> TableDocument:
        lists = unit_lists(self.plan, self.source.units, self.unit)
        if not lists.tables:
            raise UsageError(
                "no task in this plan names a lead or supporting unit",
                where=self.source.document.file,
                hint="add lead: and support: to the tasks",
            )
        return lists

    @cached_property
    def revision(self) -> TableDocument:
        # Imported here: the diff engine is only needed for this document.
        from planctl.render.revision_table import revision_document

        if self.previous is None:
            raise UsageError(
                "no earlier version to compare with",
                where="--as revision",
                hint="give the Job its previous= (revision_table.load_previous), "
                "or pass --from REV",
            )
        return revision_document(self.previous, self.source.plan, self.source.document.file)

    def tables(self, document: str) -> TableDocument:
        """The table document named `document` (table, units or revision)."""
        if document == "revision":
            return self.revision
        return self.units if document == "units" else self.table
