"""The office's own part of a 督查通报: `bulletins/<plan-id>/<period>.yaml`.

```yaml
format: planctl-bulletin/1
plan: zhaoqing-2012-prd-workplan
period: 2012-06
number: 7                 # 期号 (督查简报), or doc_number: 肇府督〔2012〕7号 (公文)
date: 2012-07-12          # 成文日期; the figures are worked out as of this day
issuer: 肇庆市人民政府督查室   # default: the plan's reporting.supervisor
title: …                  # optional
recipients: [各县（市、区）人民政府, 市政府各部门]
cc: [市委办公室]
overview: …               # optional: replaces the drafted 一、总体情况
problems: …               # optional: replaces the drafted 二、存在问题
requirements: …           # 三、下一步工作要求
```

Read through the plan gate (`planctl.plans`), which applies `schema/bulletin.schema.json`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from planctl.deadlines import parse_date
from planctl.errors import DeadlineError, InputError, UsageError
from planctl.i18n import _, quote
from planctl.tracking.periods import Period, parse_period
from planctl.tracking.query import within_reach

BULLETINS_DIR = "bulletins"


@dataclass(frozen=True)
class BulletinFile:
    file: str
    plan: str
    period: Period
    date: datetime.date
    number: int | None = None
    doc_number: str = ""
    issuer: str = ""
    title: str = ""
    recipients: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    overview: str = ""
    problems: str = ""
    requirements: str = ""


def bulletin_path(root: Path, plan_id: str, period: Period) -> Path:
    return root / BULLETINS_DIR / plan_id / f"{period}.yaml"


def read_bulletin(path: Path, shown: str, plan_id: str, period: Period) -> BulletinFile:
    """The bulletin file at `path`, which must be of `plan_id` and `period`."""
    from planctl.plans import open_file

    if not path.is_file():
        raise UsageError(
            _("no bulletin file {file}").format(file=shown),
            where="--period",
            hint=_(
                "write the 期号 or 文号, the date and the requirements there first "
                "(format: planctl-bulletin/1, see docs/supervision.md)"
            ),
        )
    opened = open_file(path, shown)
    if not opened.trusted:
        raise opened.refuse("render")
    if opened.kind != "bulletin":
        raise InputError(_("{file} is not a bulletin file").format(file=shown), where=shown)
    data = opened.document.data
    if str(data["plan"]) != plan_id:
        raise InputError(
            _("the bulletin file is of plan {found}, not {plan}").format(
                found=quote(str(data["plan"])), plan=quote(plan_id)
            ),
            where=f"{shown}: plan",
        )
    try:
        written = parse_period(data["period"], period.cycle)
        date = parse_date(str(data["date"]))
    except DeadlineError as error:
        raise InputError(str(error), where=shown) from None
    within_reach(date, where=f"{shown}: date")
    if written != period:
        raise InputError(
            _("the bulletin file is of period {found}, not {period}").format(
                found=written, period=period
            ),
            where=f"{shown}: period",
        )
    return BulletinFile(
        file=shown,
        plan=plan_id,
        period=period,
        date=date,
        number=data.get("number"),
        doc_number=str(data.get("doc_number", "")),
        issuer=str(data.get("issuer", "")),
        title=str(data.get("title", "")),
        recipients=tuple(str(name) for name in data.get("recipients") or ()),
        cc=tuple(str(name) for name in data.get("cc") or ()),
        overview=str(data.get("overview", "")).strip(),
        problems=str(data.get("problems", "")).strip(),
        requirements=str(data.get("requirements", "")).strip(),
    )
