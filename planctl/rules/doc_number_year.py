"""doc-number-year: the document number's year is the year the notice is dated."""

from collections.abc import Iterator

from planctl.docnumber import DocNumberError, parse_doc_number
from planctl.findings import Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import Context, Issue, Rule, date_or_none


def check(plan: Plan, context: Context) -> Iterator[Issue]:
    """Report a document number whose year is not the notice date's."""
    notice = plan.notice
    if notice is None or notice.doc_number is None:
        return
    signed = date_or_none(notice.date)
    try:
        number = parse_doc_number(notice.doc_number)
    except DocNumberError:
        return  # doc-number-format reports it
    if signed is not None and number.year != signed.year:
        fixed = f"{number.prefix}〔{signed.year}〕{number.serial}号"
        yield Issue(
            ("notice", "doc_number"),
            _(
                "the document number's year {number_year} differs from the notice date's "
                "year {date_year}"
            ).format(number_year=number.year, date_year=signed.year),
            _("write {number}, or correct the notice date").format(number=fixed),
        )


RULE = Rule(
    id="doc-number-year",
    summary=N_("the document number's year is the notice date's year"),
    hint=N_("make the year in 〔〕 match the notice date"),
    severity=Severity.ERROR,
    check=check,
    details=N_(
        "The year in 〔〕 equals the year of the notice date (成文日期).\n"
        "\n"
        "Passes: 肇府办〔2012〕22号 dated 2012-04-19. Fails: 肇府办〔2011〕22号 dated 2012-04-19."
    ),
)
