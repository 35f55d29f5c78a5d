"""due-text-matches: the deadline as worded (`due_text`) says what `due` says."""

from collections.abc import Iterator

from planctl.deadline_words import PlanYears, WordedDeadlineError, plan_years, read_worded
from planctl.deadlines import DeadlineError, parse_deadline
from planctl.findings import JsonPath, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """`due_text` (kept by `planctl fmt`, printed in the documents) means the same as `due`.

    Passes: `due: 2023-06` with `due_text: 2023年6月底前`.
    Fails: `due: 2023-09` with `due_text: 2023年6月底前` (due was changed, the words not).
    """
    years = _years(plan)
    for task in plan.tasks():
        if task.due_text is not None and task.due is not None:
            yield from _compare((*task.path, "due_text"), task.due, task.due_text, years)
        for index, milestone in enumerate(task.milestones):
            if milestone.due_text is not None:
                path = (*task.path, "milestones", index, "due_text")
                yield from _compare(path, milestone.due, milestone.due_text, years)


def _years(plan: Plan) -> PlanYears | None:
    if plan.period is None:
        return None
    return plan_years({"period": {"start": plan.period[0], "end": plan.period[1]}})


def _compare(path: JsonPath, due: str, words: str, years: PlanYears | None) -> Iterator[Issue]:
    try:
        stored = parse_deadline(int(due) if due.isdigit() else due)
    except DeadlineError:
        return  # the deadline itself is reported by impossible-date or the schema
    try:
        worded = read_worded(words, years)
    except WordedDeadlineError:
        yield Issue(
            path,
            _("due_text {words} is not a deadline").format(words=words),
            _("put words about the deadline in `due_note`, or write due_text as {due}").format(
                due=due
            ),
        )
        return
    if worded.deadline != stored:
        yield Issue(
            path,
            _("due_text {words} means {worded}, but due is {due}").format(
                words=words, worded=worded.stored, due=due
            ),
            _("write the deadline again in words, or delete due_text"),
        )


RULE = Rule(
    id="due-text-matches",
    summary=N_("the deadline as worded (due_text) means the same as due"),
    hint=N_("write the deadline again in words, or delete due_text"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "The words kept in `due_text` (written by planctl fmt, printed in the documents) mean "
        "the same deadline as `due`.\n"
        "\n"
        "Passes: `due: 2023-06` with `due_text: 2023年6月底前`. "
        "Fails: `due: 2023-09` with `due_text: 2023年6月底前` (due was changed, the words not)."
    ),
)
