"""`planctl rules`: every check validate makes, or one in full."""

from __future__ import annotations

import typer

from planctl.cli.commands import done
from planctl.errors import UsageError


def rules(
    rule_id: str = typer.Argument(None, help="Show one rule in full.", show_default=False),
) -> None:
    """List every check validate makes, with its severity and fix."""
    from planctl.rules import ALL_RULES, rule_by_id

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
