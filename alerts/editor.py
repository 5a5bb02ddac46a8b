"""Add and remove alert rules in config.yaml, keeping the user's comments and layout.

The file is rewritten through :func:`newsmon.config.edit_config` (ruamel.yaml
round trip, validated before writing, replaced atomically); this module only
decides what changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from newsmon.config import Config, edit_config
from newsmon.config_file import flow_list
from newsmon.errors import ConfigError, NotFoundError

from .matcher import compile_rule

__all__ = ["add_rule", "remove_rule"]


def add_rule(
    path: Path,
    name: str,
    query: str,
    *,
    sites: Sequence[str] = (),
    channels: Sequence[str] = (),
    digest: Optional[str] = None,
) -> Config:
    """Append a rule to ``newsmon.alerts.rules`` in the config file at ``path``; return the new config.

    Raises RuleError for a malformed query and ConfigError when the name is
    taken or the result would not be a valid config (unknown channel, bad
    digest); the file is then left untouched.
    """
    compile_rule(_rule_for_check(name, query))  # RuleError before touching the file

    def change(data: dict[str, Any]) -> None:
        alerts = data.get("alerts")
        if alerts is None:
            alerts = data["alerts"] = {}
        if not isinstance(alerts, dict):
            raise ConfigError(f"{path}: alerts: must be a mapping with channels and rules.")
        rules = alerts.get("rules")
        if rules is None:
            rules = alerts["rules"] = []
        if not isinstance(rules, list):
            raise ConfigError(f"{path}: alerts.rules: must be a list of rules.")
        if any(isinstance(r, dict) and r.get("name") == name for r in rules):
            raise ConfigError(f"{path}: there is already an alert rule called {name!r}; remove it first.")
        rule: dict[str, Any] = {"name": name, "query": query}
        if sites:
            rule["sites"] = flow_list(sites)
        if channels:
            rule["channels"] = flow_list(channels)
        if digest:
            rule["digest"] = digest
        rules.append(rule)

    return edit_config(path, change)


def _rule_for_check(name: str, query: str) -> Any:
    from newsmon.alerts_config import RuleConfig

    try:
        return RuleConfig(name=name, query=query)
    except ValueError:
        raise ConfigError(f"Alert rule name {name!r} may contain only letters, digits, -, _ and .") from None


def remove_rule(path: Path, name: str) -> Config:
    """Delete the rule called ``name`` from the config file; raises NotFoundError if there is none."""

    def change(data: dict[str, Any]) -> None:
        alerts = data.get("alerts")
        rules = alerts.get("rules") if isinstance(alerts, dict) else None
        if isinstance(rules, list):
            for index, rule in enumerate(rules):
                if isinstance(rule, dict) and rule.get("name") == name:
                    del rules[index]
                    return
        raise NotFoundError(f"{path}: there is no alert rule called {name!r}.")

    return edit_config(path, change)

