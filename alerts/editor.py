"""Add and remove alert rules in config.yaml, keeping the user's comments and layout.

Round-trips the file through ruamel.yaml, validates the result with the
normal config loader *before* writing, and replaces the file atomically, so
config.yaml is never left invalid or half-written.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from newsmon.config import Config, parse_config
from newsmon.errors import ConfigError, NotFoundError

from .matcher import compile_rule

__all__ = ["add_rule", "remove_rule"]


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode: keeps comments, order and quoting
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(path: Path) -> tuple[YAML, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file; create one (see README) or pass --config PATH.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc}).") from None
    yaml = _yaml()
    try:
        data = yaml.load(text) if text.strip() else CommentedMap()
    except Exception as exc:  # ruamel's YAMLError tree; the message names line and problem
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}: YAML syntax error{where}: {getattr(exc, 'problem', None) or exc}.") from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the file must be a mapping with keys such as database and sites.")
    return yaml, data


def _save(path: Path, yaml: YAML, data: Any) -> Config:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    text = buffer.getvalue()
    import yaml as pyyaml  # the loader everyone else uses must read what we wrote

    config = parse_config(pyyaml.safe_load(text), str(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=".config-", suffix=".yaml")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the config file ({exc}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(f"{path}: cannot write the config file ({exc}).") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return config


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
    yaml, data = _load(path)
    alerts = data.get("alerts")
    if alerts is None:
        alerts = data["alerts"] = CommentedMap()
    if not isinstance(alerts, dict):
        raise ConfigError(f"{path}: alerts: must be a mapping with channels and rules.")
    rules = alerts.get("rules")
    if rules is None:
        rules = alerts["rules"] = CommentedSeq()
    if not isinstance(rules, list):
        raise ConfigError(f"{path}: alerts.rules: must be a list of rules.")
    if any(isinstance(r, dict) and r.get("name") == name for r in rules):
        raise ConfigError(f"{path}: there is already an alert rule called {name!r}; remove it first.")
    rule = CommentedMap([("name", name), ("query", query)])
    if sites:
        rule["sites"] = _flow(sites)
    if channels:
        rule["channels"] = _flow(channels)
    if digest:
        rule["digest"] = digest
    rules.append(rule)
    return _save(path, yaml, data)


def _flow(items: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


def _rule_for_check(name: str, query: str) -> Any:
    from newsmon.alerts_config import RuleConfig

    try:
        return RuleConfig(name=name, query=query)
    except ValueError:
        raise ConfigError(f"Alert rule name {name!r} may contain only letters, digits, -, _ and .") from None


def remove_rule(path: Path, name: str) -> Config:
    """Delete the rule called ``name`` from the config file; raises NotFoundError if there is none."""
    yaml, data = _load(path)
    alerts = data.get("alerts") if isinstance(data, dict) else None
    rules = alerts.get("rules") if isinstance(alerts, dict) else None
    if isinstance(rules, list):
        for index, rule in enumerate(rules):
            if isinstance(rule, dict) and rule.get("name") == name:
                del rules[index]
                return _save(path, yaml, data)
    raise NotFoundError(f"{path}: there is no alert rule called {name!r}.")

