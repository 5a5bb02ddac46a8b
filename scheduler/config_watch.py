"""Reloading config.yaml while the daemon runs: notice a change, validate, refuse what would do harm."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from newsmon.config import Config, SiteConfig, load_config
from newsmon.errors import ConfigError

__all__ = ["ConfigWatcher", "ReloadRefused", "SiteChanges", "enabled_sites"]

CONFIG_POLL_S = 2.0


class ReloadRefused(Exception):
    """A new config that is not applied; the message is one sentence for the log."""


@dataclass
class SiteChanges:
    """What a reload changes in the schedule."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rescheduled: list[str] = field(default_factory=list)


def enabled_sites(config: Config) -> dict[str, SiteConfig]:
    """``{name: site}`` of the enabled sites, in config order."""
    return {s.name: s for s in config.sites if s.enabled}


class ConfigWatcher:
    """Knows the config file's last seen state; loads and checks a new version."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stamp = self._read_stamp()

    def _read_stamp(self) -> Optional[tuple[float, int]]:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def changed(self) -> bool:
        """True if the file changed since the last load (polled every CONFIG_POLL_S)."""
        return self._read_stamp() != self._stamp

    def load(self, old: Config) -> tuple[Config, SiteChanges]:
        """The new config and what it changes; ReloadRefused (one sentence) when it must not be applied.

        Refused: an invalid file, a new database path, and a file that would
        drop every enabled site at once (an editor truncating the file on
        save, a half-written copy) — remove sites one by one, or stop the
        daemon, to do that on purpose.
        """
        self._stamp = self._read_stamp()
        try:
            new = load_config(self.path)
        except ConfigError as exc:
            raise ReloadRefused(str(exc)) from None
        if new.database_target != old.database_target:
            raise ReloadRefused(
                f"the database cannot change while newsmon run is running ({old.database_shown} → "
                f"{new.database_shown}); restart it instead."
            )
        old_sites, new_sites = enabled_sites(old), enabled_sites(new)
        if old_sites and not new_sites:
            raise ReloadRefused(
                f"{self.path} now has no enabled site (was it emptied or truncated while being saved?); "
                "a reload never drops every site: stop newsmon run to do that."
            )
        changes = SiteChanges(
            added=[n for n in new_sites if n not in old_sites],
            removed=[n for n in old_sites if n not in new_sites],
            rescheduled=[
                n for n in new_sites
                if n in old_sites
                and (new_sites[n].every, new_sites[n].cron) != (old_sites[n].every, old_sites[n].cron)
            ],
        )
        return new, changes
