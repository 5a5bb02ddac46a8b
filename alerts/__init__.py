"""Keyword alerts: rules matched on every new story, delivered once through a durable outbox.

For the daemon and other callers:

* :func:`install_alert_hook` (store, config) — register matching on a
  ``db.Store`` before a crawl writes to it (done by ``newsmon.scheduler.worker``);
* :func:`send_due` (config, store) — deliver what is due; call it after a
  crawl and periodically (every second or so) in a long-running process, or
  run :class:`AlertSender` in a thread.
"""

from .errors import DeliveryError, RuleError
from .health import HealthNotice, notify_health, queue_health_notices
from .hook import install_alert_hook, make_alert_hook
from .matcher import CompiledRule, Match, Matcher, compile_rule, compile_rules
from .message import Notification, Story
from .rules import RuleSyntaxError, parse_rule
from .sender import AlertSender, SendReport, send_due

__all__ = [
    "AlertSender",
    "CompiledRule",
    "DeliveryError",
    "HealthNotice",
    "Match",
    "Matcher",
    "Notification",
    "RuleError",
    "RuleSyntaxError",
    "SendReport",
    "Story",
    "compile_rule",
    "compile_rules",
    "install_alert_hook",
    "make_alert_hook",
    "notify_health",
    "parse_rule",
    "queue_health_notices",
    "send_due",
]
