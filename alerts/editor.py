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
    query: Optional[str],
    *,
    sites: Sequence[str] = (),
    channels: Sequence[str] = (),
    digest: Optional[str] = None,
    facts: Optional[dict[str, Any]] = None,
) -> Config:
    """Append a rule to ``newsmon.alerts.rules`` in the config file at ``path``; return the new config.

    ``facts``: the rule's investment-fact keys (``min_amount``, ``stages``, ``places``, ``industries``); ``query`` may be
    None when it has some. Raises RuleError for a malformed query and ConfigError when the name is taken or the result
    would not be a valid config (unknown channel, bad digest, a place no division has); the file is then left untouched.
    """
    facts = {key: value for key, value in (facts or {}).items() if value}
    compile_rule(_rule_for_check(name, query, facts))  # RuleError before touching the file

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
        rule: dict[str, Any] = {"name": name} | ({"query": query} if query is not None else {})
        for key, value in facts.items():
            rule[key] = flow_list(value) if isinstance(value, (list, tuple)) else value
        if sites:
            rule["sites"] = flow_list(sites)
        if channels:
            rule["channels"] = flow_list(channels)
        if digest:
            rule["digest"] = digest
        rules.append(rule)

    return edit_config(path, change)


def _rule_for_check(name: str, query: Optional[str], facts: dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from newsmon.alerts_config import RuleConfig

    try:
        return RuleConfig(name=name, query=query, **{key: list(v) if isinstance(v, tuple) else v
                                                     for key, v in facts.items()})
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
        message = str(error["msg"]).removeprefix("Value error, ").rstrip(".")
        raise ConfigError(f"Alert rule {name!r}" + (f", {where}" if where else "") + f": {message}.") from None


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

