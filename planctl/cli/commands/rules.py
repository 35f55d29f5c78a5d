"""`planctl rules`: every check validate makes, or one in full."""

from __future__ import annotations

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError
from planctl.i18n import _


def rules(
    rule_id: str = typer.Argument(None, help="Show one rule in full.", show_default=False),
    output_format: str = typer.Option(
        "text", "--format", "-f", help="text, or markdown (the page docs/rules.md)."
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
            raise UsageError(f"no rule {rule_id!r}", hint="`planctl rules` lists them")
        print(
            f"{rule.id}  ({rule.severity_text()}, {rule.source})\n\n{rule.doc}\n\nfix: {rule.hint}"
        )
        raise done(0)
    id_width = max(len(rule.id) for rule in ALL_RULES)
    severity_width = max(len(rule.severity_text()) for rule in ALL_RULES)
    for rule in ALL_RULES:
        severity = rule.severity_text()
        print(f"{rule.id:<{id_width}}  {severity:<{severity_width}}  {rule.summary}")
    raise done(0)
