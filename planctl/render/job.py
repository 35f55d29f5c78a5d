"""One render's inputs, shared by every writer: the plan, its views and the templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from planctl.errors import UsageError
from planctl.i18n import _
from planctl.render.context import NoticeView, PlanView, notice_view, plan_view
from planctl.render.plan_tables import responsibility_table, unit_lists
from planctl.render.source import Source
from planctl.render.table import TableDocument
from planctl.render.templating import Templates

if TYPE_CHECKING:
    from planctl.fonts import FontSet
    from planctl.render.revision_table import Previous


@dataclass
class Job:
    """What a writer needs; views are built on first use and shared between formats."""

    source: Source
    templates: Templates = field(default_factory=Templates)
    unit: str | None = None  # --unit: one unit's list only
    previous: Previous | None = None  # --from: the old side of the 修订对照表
    warnings: list[str] = field(default_factory=list)  # shown to the user after writing

    @cached_property
    def fonts(self) -> FontSet:
        """The faces serving each typeface role; a stand-in is reported as a warning."""
        from planctl.fonts import KIND_WORDS, ROLE_NAMES, discover

        found = discover(self.source.root)
        for choice in found.stand_ins():
            message = _("{role} is set in {face}, {kind}: the standard's face is not installed")
            self.warnings.append(
                message.format(
                    role=ROLE_NAMES[choice.role],
                    face=choice.face.family,
                    kind=_(KIND_WORDS[choice.kind]),
                )
            )
        return found

    @property
    def sealed(self) -> bool:
        notice = self.source.plan.notice
        return bool(notice and notice.sealed)

    @property
    def deadlines(self) -> bool:
        notice = self.source.plan.notice
        return bool(notice and notice.show_deadlines)

    @property
    def annex(self) -> TableDocument | None:
        """The 责任分工表 when the notice binds it in (`notice.attach_table`)."""
        notice = self.source.plan.notice
        return self.table if notice and notice.attach_table else None

    @cached_property
    def plan(self) -> PlanView:
        return plan_view(self.source.plan, self.source.units)

    @cached_property
    def notice(self) -> NoticeView:
        notice = self.source.plan.notice
        if notice is None:
            raise UsageError(
                _("the plan has no notice to render"),
                where=self.source.document.file,
                hint=_(
                    "add a `notice:` block (see docs/plan-format.md), or render "
                    "--as table or --as units"
                ),
            )
        return notice_view(notice, self.plan, self.annex.title if self.annex else "")

    @cached_property
    def table(self) -> TableDocument:
        return responsibility_table(self.plan)

    @cached_property
    def units(self) -> TableDocument:
        lists = unit_lists(self.plan, self.source.units, self.unit)
        if not lists.tables:
            raise UsageError(
                _("no task in this plan names a lead or supporting unit"),
                where=self.source.document.file,
                hint=_("add lead: and support: to the tasks"),
            )
        return lists

    @cached_property
    def revision(self) -> TableDocument:
        # Imported here: the diff engine is only needed for this document.
        from planctl.render.revision_table import revision_document

        if self.previous is None:
            raise UsageError(
                _("no earlier version to compare with"),
                where="--as revision",
                hint=_("pass --from REV"),
            )
        return revision_document(self.previous, self.source.plan, self.source.document.file)

    def tables(self, document: str) -> TableDocument:
        """The table document named `document` (table, units or revision)."""
        if document == "revision":
            return self.revision
        return self.units if document == "units" else self.table
