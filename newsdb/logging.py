"""Logging to stdout: one JSON object per line in production, plain text while developing.

A log collector (journald, Docker, a cloud agent) reads stdout; one JSON object per line
keeps each event in one piece, with its fields, whatever its message contains. While
developing the text goes to stderr, as Django's does, so that commands whose output is data
(``extract``, ``claims --format csv``) keep stdout to themselves.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured

FORMATS = ("json", "text")
STREAMS = ("stdout", "stderr")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# Attributes every LogRecord has; anything else on a record was passed in ``extra``.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
# gunicorn's access log passes its atoms as the record's arguments: these become fields.
_ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
    "f": "referer",
}


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON: time, level, logger, message and extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_extras(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if record.name == "gunicorn.access" and isinstance(record.args, dict):
        for atom, name in _ACCESS_FIELDS.items():
            value = record.args.get(atom)
            if value not in (None, "-", ""):
                fields[name] = int(value) if atom in "sBM" and str(value).isdigit() else value
    for key, value in record.__dict__.items():
        if key in _STANDARD or key.startswith("_"):
            continue
        if key == "request":  # Django passes the request (or a socket): only say which one
            for name in ("method", "path"):
                if getattr(value, name, None) is not None:
                    fields[name] = getattr(value, name)
        else:
            fields[key] = value
    return fields


def logging_config(level: str, fmt: str, stream: str = "stdout") -> dict[str, Any]:
    """The LOGGING setting: everything at ``level`` and above goes to ``stream`` (stdout or
    stderr) as ``fmt`` (json or text)."""
    if level not in LEVELS:
        raise ImproperlyConfigured(f"LOG_LEVEL must be one of {', '.join(LEVELS)}, got {level!r}")
    if fmt not in FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if stream not in STREAMS:
        raise ImproperlyConfigured(f"LOG_STREAM must be stdout or stderr, got {stream!r}")
    formatter = (
        {"()": "newsdb.logging.JsonFormatter"}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    # Django's own loggers hand everything to the root; runserver keeps its familiar lines
    # while developing.
    django_loggers = {"django": {"handlers": [], "level": level, "propagate": True}}
    if fmt == "json":
        django_loggers["django.server"] = {"handlers": [], "level": level, "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"newsdb": formatter},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": f"ext://sys.{stream}",
                "formatter": "newsdb",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": django_loggers,
    }
