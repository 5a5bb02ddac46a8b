"""config.yaml as a file: reading it, and rewriting it in place without losing the user's comments.

The one module that touches the file. :func:`newsmon.config.load_config` reads
through :func:`read_config_data`; :func:`newsmon.config.edit_config` (used by
``newsmon alerts add/remove``) through :func:`rewrite_config`, which
round-trips the file with ruamel.yaml (comments, key order and quoting kept),
validates the result with the normal loader *before* writing, and replaces the
file atomically, so config.yaml is never left invalid or half-written.

Validation is passed in (``validate``) rather than imported: the models in
``newsmon.config`` read files through this module.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, TypeVar

import yaml

from .errors import ConfigError

if TYPE_CHECKING:
    from ruamel.yaml import YAML

__all__ = ["flow_list", "line_of", "read_config_data", "read_config_text", "rewrite_config"]

T = TypeVar("T")


def read_config_text(path: Path) -> str:
    """The text of the config file at ``path``; ConfigError in one sentence when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file; create one (see README) or pass --config PATH.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc}).") from None


def _syntax_error(path: Path, exc: Exception) -> ConfigError:
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or "invalid YAML"
    return ConfigError(f"{path}: YAML syntax error{where}: {problem}.")


def read_config_data(path: Path) -> tuple[Any, str]:
    """The parsed YAML of the config file at ``path`` and its text (for error lines)."""
    text = read_config_text(path)
    try:
        return yaml.safe_load(text), text
    except yaml.YAMLError as exc:
        raise _syntax_error(path, exc) from None


def line_of(text: str, loc: tuple[Any, ...]) -> Optional[int]:
    """The line (1-based) of the key at ``loc`` in the YAML ``text``, or of its nearest parent found."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for item in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(item):
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(item, int) and 0 <= item < len(node.value):
            node = node.value[item]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _round_trip_yaml() -> YAML:
    from ruamel.yaml import YAML  # only `alerts add/remove` need it: kept out of every command's start-up

    handler = YAML()  # round-trip mode: keeps comments, order and quoting
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def flow_list(items: Sequence[str]) -> Any:
    """A list that :func:`rewrite_config` writes on one line (``[a, b]``), as people write short lists."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


def rewrite_config(path: Path, change: Callable[[dict[str, Any]], None], validate: Callable[[Any, str], T]) -> T:
    """Apply ``change`` to the config file's top-level mapping and write the file back, comments kept.

    ``change`` edits the mapping in place (ruamel's commented mapping, a dict)
    and may raise to leave the file untouched. ``validate(data, source)`` must
    accept what would be written (read back with the loader every other command
    uses) before anything is written; its result is returned.
    """
    from ruamel.yaml.comments import CommentedMap

    text = read_config_text(path)
    handler = _round_trip_yaml()
    try:
        data = handler.load(text) if text.strip() else CommentedMap()
    except Exception as exc:  # ruamel's YAMLError tree; the message names line and problem
        raise _syntax_error(path, exc) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the file must be a mapping with keys such as database and sites.")
    change(data)
    buffer = io.StringIO()
    handler.dump(data, buffer)
    new_text = buffer.getvalue()
    result = validate(yaml.safe_load(new_text), str(path))
    _replace(path, new_text)
    return result


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file in the same folder, then rename), mode kept."""
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
