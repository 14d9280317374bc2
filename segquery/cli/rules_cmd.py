"""`segquery rules` lists every code; `segquery rule CODE|NAME` prints one rule's page."""

from __future__ import annotations

import json
import sys

import click

from segquery.rules import catalog
from segquery.rules.registry import RuleInfo
from segquery.suggest import did_you_mean


def rule_to_dict(rule: RuleInfo) -> dict:
    return {"code": rule.code, "name": rule.name, "category": rule.category.value,
            "severity": rule.severity.label, "default_enabled": rule.default_enabled, "fix": rule.fix.value,
            "summary": rule.summary}


def render_rule_table(rules: list[RuleInfo]) -> str:
    name_width = max(len(rule.name) for rule in rules)
    category_width = max(len(rule.category.value) for rule in rules)
    lines = [f"{'CODE':<5} {'NAME':<{name_width}} {'CATEGORY':<{category_width}} {'SEVERITY':<8} {'FIX':<9} DEFAULT"]
    for rule in rules:
        lines.append(f"{rule.code:<5} {rule.name:<{name_width}} {rule.category.value:<{category_width}} "
                     f"{rule.severity.label:<8} {rule.fix.value:<9} {'on' if rule.default_enabled else 'off'}")
    return "\n".join(lines)


@click.command("rules")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
def rules_command(output_format: str) -> None:
    """List every diagnostic code: syntax, validation, request, workspace and lint."""
    rules = catalog.all_rules()
    if output_format == "json":
        click.echo(json.dumps([rule_to_dict(rule) for rule in rules], indent=2))
    else:
        click.echo(render_rule_table(rules))


@click.command("rule")
@click.argument("code_or_name")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
def rule_command(code_or_name: str, output_format: str) -> None:
    """Print the documentation of one rule, by code (L001) or name (keyword-case)."""
    rule = catalog.get_rule(code_or_name)
    if rule is None:
        rules = catalog.all_rules()
        suggestion = did_you_mean(code_or_name, [r.code for r in rules] + [r.name for r in rules])
        hint = f"; did you mean `{suggestion}`?" if suggestion else "; `segquery rules` lists them all"
        click.echo(f"segquery: no rule `{code_or_name}`{hint}", err=True)
        sys.exit(2)
    if output_format == "json":
        data = rule_to_dict(rule)
        data.update(what_it_does=rule.what_it_does, why=rule.why, example=rule.example,
                    use_instead=rule.use_instead, fix_safety=rule.fix_safety)
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(rule.markdown(), nl=False)


def register(group: click.Group) -> None:
    group.add_command(rules_command)
    group.add_command(rule_command)
