"""`planctl rules`: every check validate makes, or one in full."""

from __future__ import annotations

import typer

from planctl.chinese import display_width
from planctl.cli.commands import done
from planctl.errors import UsageError
from planctl.i18n import N_, _, quote

HELP = N_("List every check validate makes, with its severity and fix.")

# Which part of planctl makes the check, as `planctl rules ID` names it.
SOURCES = {
    "rule": N_("plan rule"),
    "loader": N_("file check"),
    "schema": N_("schema check"),
    "repository": N_("repository check"),
    "registry": N_("unit registry check"),
}


def rules(
    rule_id: str = typer.Argument(None, help=_("Show one rule in full."), show_default=False),
    output_format: str = typer.Option(
        "text", "--format", "-f", help=_("text, or markdown (the page docs/rules.md).")
    ),
) -> None:
    """List every check validate makes, with its severity and fix."""
    from planctl.rules import ALL_RULES, rule_by_id

    if output_format == "markdown" and not rule_id:
        from planctl.rules.reference import rules_markdown

        print(rules_markdown(), end="")
        raise done(0)
    if output_format not in ("text", "markdown"):
        raise UsageError(
            _("unknown format {name!r}").format(name=output_format),
            hint=_("use --format text or --format markdown"),
        )

    if rule_id:
        rule = rule_by_id(rule_id)
        if rule is None:
            raise UsageError(
                _("no rule {id}").format(id=quote(rule_id)), hint=_("`planctl rules` lists them")
            )
        source = _(SOURCES[rule.source]) if rule.source in SOURCES else rule.source
        heading = _("{id}  ({severity}, {source})").format(
            id=rule.id, severity=rule.severity_text(), source=source
        )
        fix = _("fix: {hint}").format(hint=_(rule.hint))
        print(f"{heading}\n\n{rule.doc}\n\n{fix}")
        raise done(0)
    id_width = max(len(rule.id) for rule in ALL_RULES)
    severity_width = max(display_width(rule.severity_text()) for rule in ALL_RULES)
    for rule in ALL_RULES:
        severity = rule.severity_text()
        padding = " " * (severity_width - display_width(severity))
        print(f"{rule.id:<{id_width}}  {severity}{padding}  {_(rule.summary)}")
    raise done(0)
