"""Errors of the alerts package, in newsmon's tree::

    NewsmonError
    ├── ConfigError
    │   └── RuleError       a rule's query is malformed (rule name, position, one sentence)
    └── DeliveryError       a channel did not accept an alert (it stays in the outbox for a retry)
"""

from __future__ import annotations

from newsmon.errors import ConfigError, NewsmonError

__all__ = ["RuleError", "DeliveryError"]


class RuleError(ConfigError):
    """A rule's query cannot be parsed; the rule is skipped, the others keep working."""

    def __init__(self, rule: str, query: str, position: int, message: str) -> None:
        super().__init__(f"Alert rule {rule!r}: at character {position} of {query!r}: {message}")
        self.rule = rule
        self.query = query
        self.position = position
        self.message = message


class DeliveryError(NewsmonError):
    """A channel did not accept an alert (network error, HTTP status, robot error code, SMTP refusal).

    The message names the channel and never contains a secret.
    """
