"""gunicorn settings for newsdb, read by ``bin/serve`` (``gunicorn -c gunicorn.conf.py``).

HOST (default 127.0.0.1: a reverse proxy on the same machine in front), PORT (8000) and
WEB_CONCURRENCY (4 worker processes) come from the environment; anything else can be
overridden on gunicorn's command line or in GUNICORN_CMD_ARGS.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsdb.logging import logging_config  # after the path above


def _bind() -> str:
    host = os.environ.get("HOST") or "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"{host}:{os.environ.get('PORT') or '8000'}"


wsgi_app = "newsdb.wsgi:application"
bind = [_bind()]
# Synchronous workers, one request at a time each: right behind a buffering proxy (nginx)
# that deals with slow clients. Each worker holds at most one database connection.
workers = int(os.environ.get("WEB_CONCURRENCY") or 4)
worker_class = "sync"
# A request that takes longer is killed and logged; the worker is replaced.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Replace each worker after about a thousand requests (spread, so that they do not all
# restart at once): bounds the memory a slow leak could take.
max_requests = 1000
max_requests_jitter = 200
# Heartbeat files in memory, not on a disk that may be slow or full (containers).
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# Access and error log to stdout, one JSON object per line like newsdb's own log.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
_level = (os.environ.get("LOG_LEVEL") or "INFO").upper()
logconfig_dict = logging_config(_level, os.environ.get("LOG_FORMAT") or "json")
logconfig_dict["loggers"].update(
    {
        name: {"handlers": ["stdout"], "level": _level, "propagate": False}
        for name in ("gunicorn.error", "gunicorn.access")
    }
)
