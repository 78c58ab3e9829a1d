"""Structured logs: one JSON object per line, whatever the message holds."""

import json
import logging
import sys

from newsdb.logging import JsonFormatter, logging_config


def record(name: str, message: str, args=(), **extra) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)
    made.__dict__.update(extra)
    return made


def test_a_record_is_one_line_of_json_with_its_extras():
    request = type("Request", (), {"method": "GET", "path": "/claims/1/"})()
    line = JsonFormatter().format(
        record(
            "django.request",
            "Not Found: %s\nsecond line",
            ("/x",),
            status_code=404,
            request=request,
        )
    )
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Not Found: /x\nsecond line"
    assert (entry["level"], entry["logger"], entry["status_code"]) == (
        "WARNING",
        "django.request",
        404,
    )
    assert (entry["method"], entry["path"]) == ("GET", "/claims/1/")
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_same_object():
    try:
        raise ValueError("broken")
    except ValueError:
        made = record("newsdb", "failed")
        made.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(made))
    assert "ValueError: broken" in entry["exception"]


def test_gunicorns_access_atoms_become_fields():
    atoms = {"h": "10.0.0.1", "m": "GET", "U": "/healthz", "q": "", "s": "200", "B": "2", "M": "3"}
    entry = json.loads(JsonFormatter().format(record("gunicorn.access", "%(h)s %(U)s", atoms)))
    assert entry["message"] == "10.0.0.1 /healthz"
    assert (entry["path"], entry["status"], entry["duration_ms"]) == ("/healthz", 200, 3)
    assert "query" not in entry


def test_the_config_sends_everything_to_one_stream_at_the_level():
    config = logging_config("WARNING", "json", "stdout")
    assert config["root"] == {"handlers": ["stdout"], "level": "WARNING"}
    assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert config["loggers"]["django.server"]["propagate"] is True
