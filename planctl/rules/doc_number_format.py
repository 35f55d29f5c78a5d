"""doc-number-format: the 发文字号 has the form 代字〔年份〕序号号."""

from collections.abc import Iterator

from planctl.docnumber import DocNumberError, parse_doc_number
from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report a document number that does not read 代字〔年份〕序号号."""
    if plan.notice is None or plan.notice.doc_number is None:
        return
    try:
        parse_doc_number(plan.notice.doc_number)
    except DocNumberError as error:
        hint = _("write {number}").format(number=error.suggestion) if error.suggestion else None
        yield Issue(("notice", "doc_number"), str(error), hint)


RULE = Rule(
    id="doc-number-format",
    summary=N_("the document number reads 代字〔年份〕序号号"),
    hint=N_("use 〔〕 around the full year, no leading zero, no 第, end with 号"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "The document number reads 代字〔年份〕序号号 (GB/T 9704-2012 7.2.4).\n"
        "\n"
        "The year is in full inside 六角括号 〔〕, the serial has no leading zero and no 第.\n"
        "\n"
        "Passes: `肇府办〔2012〕22号`. Fails: `肇府办[2012]22号`, `肇府办〔2012〕第022号`."
    ),
)
