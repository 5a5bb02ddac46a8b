"""The ``alerts:`` part of config.yaml: channels (where alerts go) and rules (what to watch for).

Validated once with the rest of the config. Two things are deliberately *not*
checked here:

* a rule's query: a malformed query must not stop the crawl or the other
  rules, so it is compiled later by ``newsmon.alerts.rules`` and reported per rule;
* environment variables: ``${DINGTALK_SECRET}`` is looked up when an alert
  is sent, so a missing variable delays that channel's alerts instead of
  breaking the whole configuration.

Secrets (``secret``, ``token``, ``password``) must be ``${ENV_VAR}``
references: the file itself never holds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, field_validator, model_validator

from .clock import parse_duration
from .config_types import Duration, TimeZone, check_name

__all__ = [
    "AlertsConfig",
    "ChannelConfig",
    "RuleConfig",
    "CHANNEL_TYPES",
    "DigestPeriod",
    "ENV_REFERENCE",
    "parse_digest",
]

CHANNEL_TYPES = ("webhook", "email", "dingtalk", "wecom", "feishu", "slack", "telegram", "apprise")
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_ONLY_ENV_REFERENCE = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*\}$")
_DIGEST_DAILY = re.compile(r"^\s*daily(?:\s+([01]?\d|2[0-3]):([0-5]\d))?\s*$")

# Fields each channel type accepts beyond `type` (and which it requires).
_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    "webhook": ({"url", "secret", "headers", "timeout"}, {"url"}),
    "email": (
        {"smtp_host", "smtp_port", "security", "username", "password", "from_addr", "to", "timeout", "ca_file"},
        {"smtp_host", "from_addr", "to"},
    ),
    "dingtalk": ({"url", "secret", "timeout"}, {"url"}),
    "wecom": ({"url", "timeout"}, {"url"}),
    "feishu": ({"url", "secret", "timeout"}, {"url"}),
    "slack": ({"url", "timeout"}, {"url"}),
    "telegram": ({"url", "token", "chat_id", "timeout"}, {"token", "chat_id"}),
    "apprise": ({"url", "timeout"}, {"url"}),  # any Apprise URL: ntfy://, bark://, schan://, matrix://, ...
}
_DEFAULT_URLS = {"telegram": "https://api.telegram.org"}


@dataclass(frozen=True)
class DigestPeriod:
    """A rule's ``digest:``, parsed: every ``every`` (``30m``, ``1h``), or daily at ``daily_at`` (hour, minute)."""

    text: str  # as written in config.yaml: what the outbox, the webhook and `alerts list` show
    every: Optional[timedelta] = None
    daily_at: Optional[tuple[int, int]] = None

    def __str__(self) -> str:
        return self.text


def parse_digest(value: str) -> DigestPeriod:
    """Parse a rule's ``digest:``: ``30m``/``1h``/``1d`` or ``daily``/``daily 09:00``.

    Raises ValueError with one sentence for anything else.
    """
    match = _DIGEST_DAILY.match(value)
    if match:
        hour, minute = match.groups()
        return DigestPeriod(value, daily_at=(int(hour or 0), int(minute or 0)))
    try:
        return DigestPeriod(value, every=parse_duration(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a digest period like 1h, 30m or daily 09:00") from None


def _digest(value: Any) -> DigestPeriod:
    return value if isinstance(value, DigestPeriod) else parse_digest(str(value))


#: A ``digest:`` value in a model: parsed once, written back as its text.
Digest = Annotated[DigestPeriod, PlainValidator(_digest), PlainSerializer(str, when_used="json")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ChannelConfig(_Model):
    """One place alerts are delivered to."""

    type: Literal["webhook", "email", "dingtalk", "wecom", "feishu", "slack", "telegram", "apprise"] = Field(
        description="webhook, email, dingtalk, wecom, feishu, slack, telegram or apprise (any Apprise URL)."
    )
    url: Optional[str] = Field(
        None,
        description="Endpoint: the webhook URL, the robot's webhook URL for dingtalk/wecom/feishu/slack, or an "
        "Apprise URL (ntfy://, bark://, ...) for apprise; may contain ${ENV_VAR} references (tokens are secrets).",
    )
    secret: Optional[str] = Field(
        None,
        description="${ENV_VAR} holding a signing secret: HMAC-SHA256 header for webhook, signed robots for "
        "dingtalk and feishu.",
    )
    token: Optional[str] = Field(None, description="${ENV_VAR} holding the telegram bot token.")
    chat_id: Optional[str] = Field(None, description="Telegram chat id (a number or @channelname).")
    headers: dict[str, str] = Field(
        default_factory=dict, description="Extra HTTP headers for webhook (values may use ${ENV_VAR})."
    )
    timeout: Duration = Field(timedelta(seconds=10), description="How long one delivery attempt may take before it "
                              "is given up (10s; a number is seconds).")
    smtp_host: Optional[str] = Field(None, description="Email: SMTP server host name.")
    smtp_port: Optional[int] = Field(
        None, ge=1, le=65535, description="Email: SMTP port; default 587 (starttls), 465 (ssl) or 25 (none)."
    )
    security: Literal["starttls", "ssl", "none"] = Field(
        "starttls", description="Email: starttls (default), ssl (SMTPS) or none (only for a local relay)."
    )
    username: Optional[str] = Field(None, description="Email: SMTP user name (may use ${ENV_VAR}).")
    password: Optional[str] = Field(None, description="Email: ${ENV_VAR} holding the SMTP password.")
    from_addr: Optional[str] = Field(None, alias="from", description="Email: sender address.")
    to: list[str] = Field(default_factory=list, description="Email: recipient addresses.")
    ca_file: Optional[str] = Field(
        None, description="Email: PEM file of the CA that signed the SMTP server's certificate (private CAs)."
    )

    @field_validator("secret", "token", "password")
    @classmethod
    def _env_only(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _ONLY_ENV_REFERENCE.match(value):
            raise ValueError("secrets must be an environment variable reference like ${DINGTALK_SECRET}")
        return value

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _fields_for_type(self) -> "ChannelConfig":
        allowed, required = _FIELDS[self.type]
        # Compare with defaults, not model_fields_set: the crawl worker rebuilds
        # the config from model_dump(), which sets every field.
        given = {
            name for name, field in type(self).model_fields.items()
            if name != "type" and getattr(self, name) != field.get_default(call_default_factory=True)
        }
        extra = sorted(given - allowed)
        if extra:
            raise ValueError(f"a {self.type} channel does not take {', '.join(extra)}")
        missing = sorted(name for name in required if not getattr(self, name))
        if missing:
            shown = ["from" if name == "from_addr" else name for name in missing]
            raise ValueError(f"a {self.type} channel needs {', '.join(shown)}")
        if self.type == "apprise":
            if self.url is not None and not re.match(r"^([A-Za-z][A-Za-z0-9+.-]*://|\$\{)", self.url):
                raise ValueError("an apprise channel's url is an Apprise URL like ntfy://topic or ${APPRISE_URL}")
        elif self.url is not None and not re.match(r"^(https?://|\$\{)", self.url):
            raise ValueError(f"{self.url!r} is not an http(s) URL")
        return self

    @property
    def endpoint(self) -> str:
        """The URL as configured (``${VAR}`` not expanded), or the service's default."""
        return self.url or _DEFAULT_URLS.get(self.type, "")

    @property
    def port(self) -> int:
        """The SMTP port, defaulted from ``security``."""
        return self.smtp_port or {"starttls": 587, "ssl": 465, "none": 25}[self.security]


class RuleConfig(_Model):
    """One alert rule: a query and where to send its matches."""

    name: str = Field(description="Unique rule name (letters, digits, - _ .); shown in every alert.")
    query: Optional[str] = Field(
        None,
        description='Terms, "quoted phrases", AND/OR/NOT, -term, (groups), title:term, /regex/; see docs/alerts.md. '
        "May be left out when the rule has investment-fact keys.",
    )
    min_amount: Optional[str] = Field(
        None, description="Only stories stating an investment of at least this much (10亿, 5000万, 1e9 yuan)."
    )
    stages: list[str] = Field(
        default_factory=list, description="Only stories reporting one of these project stages (签约, 开工, …)."
    )
    places: list[str] = Field(
        default_factory=list, description="Only stories whose project is in one of these provinces, cities or counties."
    )
    industries: list[str] = Field(
        default_factory=list, description="Only stories tagged with one of these industries (新能源, 石化, …)."
    )
    sites: list[str] = Field(
        default_factory=list, description="Only stories first published on these sites (names or globs like gov-*)."
    )
    channels: list[str] = Field(
        default_factory=list, description="Channel names to deliver to; default: every channel."
    )
    digest: Optional[Digest] = Field(
        None, description="Collect matches and send one message per period (1h, 30m, daily 09:00) instead of each."
    )
    enabled: bool = Field(True, description="Set to false to keep a rule in the file but not match it.")

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return check_name(value, dots=True)

    @field_validator("sites", "channels", "stages", "places", "industries", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("min_amount", mode="before")
    @classmethod
    def _check_amount(cls, value: object) -> object:
        if value is None:
            return None
        from newsmon.facts import parse_amount  # cn2an loads only for rules that use amounts

        parse_amount(str(value))
        return str(value)

    @field_validator("stages")
    @classmethod
    def _check_stages(cls, value: list[str]) -> list[str]:
        known = ("洽谈", "签约", "备案", "核准", "评审", "招标", "开工", "投产", "竣工")
        for stage in value:
            if stage not in known:
                raise ValueError(f"{stage!r} is not a stage; known: {', '.join(known)}")
        return value

    @field_validator("places")
    @classmethod
    def _check_places(cls, value: list[str]) -> list[str]:
        from newsmon.facts import place_readings  # the division tables load only for rules that name places

        for written in value:
            for reading in place_readings(written):  # (its ValueError: no division has the name)
                if len(reading.places) > 1:  # a rule firing on another city's namesake is a false alarm no one notices
                    raise ValueError(f"{reading.name!r} names {len(reading.places)} places ("
                                     + ", ".join(place.full_name() for place in reading.places)
                                     + "): write the one meant with its city or province")
        return value

    @field_validator("industries")
    @classmethod
    def _check_industries(cls, value: list[str]) -> list[str]:
        from newsmon.facts import check_industries

        check_industries(value)
        return value

    @model_validator(mode="after")
    def _query_or_facts(self) -> "RuleConfig":
        if self.query is None and not self.has_fact_keys:
            raise ValueError("a rule needs a query, or investment-fact keys (min_amount, stages, places, industries)")
        return self

    @property
    def has_fact_keys(self) -> bool:
        """True when the rule filters on investment facts."""
        return self.min_amount is not None or bool(self.stages or self.places or self.industries)


class AlertsConfig(_Model):
    """Keyword alerts: channels and rules."""

    channels: dict[str, ChannelConfig] = Field(default_factory=dict, description="Named delivery channels.")
    rules: list[RuleConfig] = Field(default_factory=list, description="Alert rules, matched on every new story.")
    retry_delay: Duration = Field(timedelta(seconds=30),
                                  description="First retry delay after a failed delivery; doubles each time.")
    retry_max_delay: Duration = Field(timedelta(hours=1),
                                      description="Longest delay between retries (a failed alert is never dropped).")
    timezone: TimeZone = Field("Asia/Shanghai", validate_default=True,
                               description="Time zone of digest times such as daily 09:00.")
    health_channels: list[str] = Field(
        default_factory=list,
        description="Channels the daemon tells when a site becomes unhealthy or recovers.",
    )
    max_age: Optional[Duration] = Field(
        None, description="Do not alert for stories published longer ago than this when stored (e.g. 2d: "
        "a new site's back catalogue stays quiet); stories without a date always alert.",
    )

    @field_validator("channels")
    @classmethod
    def _channel_names(cls, channels: dict[str, ChannelConfig]) -> dict[str, ChannelConfig]:
        for name in channels:
            check_name(name, dots=True, what="channel name ")
        return channels

    @model_validator(mode="after")
    def _rules_point_at_channels(self) -> "AlertsConfig":
        seen: set[str] = set()
        for rule in self.rules:
            if rule.name in seen:
                raise ValueError(f"rule name {rule.name!r} is used twice")
            seen.add(rule.name)
            for channel in rule.channels:
                if channel not in self.channels:
                    known = ", ".join(self.channels) or "none"
                    raise ValueError(f"rule {rule.name!r} names channel {channel!r}, which is not defined (known: {known})")
        for channel in self.health_channels:
            if channel not in self.channels:
                known = ", ".join(self.channels) or "none"
                raise ValueError(f"health_channels names channel {channel!r}, which is not defined (known: {known})")
        return self

    def rule(self, name: str) -> Optional[RuleConfig]:
        """The rule called ``name``, or None."""
        return next((r for r in self.rules if r.name == name), None)

    def channels_of(self, rule: RuleConfig) -> list[str]:
        """The channel names ``rule`` delivers to (its own list, else every channel)."""
        return list(rule.channels) if rule.channels else list(self.channels)
