"""The query language's one error, in newsmon's tree::

    NewsmonError
    └── UsageError
        └── QuerySyntaxError   a search query or alert rule cannot be parsed (position + one sentence)
"""

from __future__ import annotations

from newsmon.errors import UsageError

__all__ = ["QuerySyntaxError"]


class QuerySyntaxError(UsageError):
    """A query cannot be parsed: ``position`` is the 1-based character where it goes wrong.

    ``message`` is one sentence; ``str()`` adds the position and, when a
    caller set ``context`` (``"Cannot search for '…'"``), that first. The
    CLI exits 2 for it, in ``search`` and ``alerts add/test`` alike.
    """

    def __init__(self, message: str, position: int, *, context: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.context = context

    def __str__(self) -> str:
        where = f"at character {self.position}: {self.message}"
        return f"{self.context}: {where}" if self.context else where

    def with_context(self, context: str) -> "QuerySyntaxError":
        """The same error, introduced by ``context`` (e.g. the command and the query)."""
        return QuerySyntaxError(self.message, self.position, context=context)
