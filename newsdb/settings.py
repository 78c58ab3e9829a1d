"""Settings for newsdb, configured from the environment.

Local defaults are safe for development: an SQLite file in ``var/`` and DEBUG on.
Set ``DATABASE_URL=postgres://user:pass@host:port/name`` to use PostgreSQL (psycopg 3).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsdb.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: a fixed, clearly marked key so sessions survive restarts.
    SECRET_KEY = "django-insecure-newsdb-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
# Other origins (scheme://host[:port]) whose form posts are accepted, e.g. a second domain.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Served over HTTPS (production): cookies only over TLS, plain HTTP redirected, HSTS. The load
# balancer's health check may use plain HTTP, so /healthz is never redirected.
NEWSDB_HTTPS = env_bool("NEWSDB_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = NEWSDB_HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if NEWSDB_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a reverse proxy (nginx, a load balancer) that terminates TLS: trust its
# X-Forwarded-Proto for "is this HTTPS", and its X-Forwarded-For for the client's address
# (login throttling). Only when the proxy overwrites both: clients could forge them otherwise.
NEWSDB_BEHIND_PROXY = env_bool("NEWSDB_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if NEWSDB_BEHIND_PROXY else None
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Preloading HSTS is the domain owner's decision (hstspreload.org, hard to undo): without it,
# `check --deploy` would warn about it on every deployment.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "import_export",
    "simple_history",
    "csp",
    # The tasks framework (django.tasks from Django 6; this backport until then) and its
    # database backend, whose `db_worker` runs background ingests.
    "django_tasks",
    "django_tasks_db",
    # Login throttling: failed logins per username and address lock that pair out for a while.
    "axes",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "articles.middleware.AdminInlineStylesMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "newsdb.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsdb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsdb.wsgi.application"
ASGI_APPLICATION = "newsdb.asgi.application"

# Seconds a database connection is kept for the next request (with a health check before it
# is reused): a new PostgreSQL connection per request costs more than most pages' queries.
CONN_MAX_AGE = env_int("CONN_MAX_AGE", 0 if DEBUG else 60)


def database(url: str) -> dict:
    """A DATABASES entry for a database URL, with newsdb's connection options."""
    config = dj_database_url.parse(
        url, conn_max_age=CONN_MAX_AGE, conn_health_checks=CONN_MAX_AGE > 0
    )
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.sqlite3":
        options.update(
            {
                # Wait for a concurrent writer instead of failing at once with "database is
                # locked", and take the write lock when a transaction starts, so that two
                # writers queue instead of one failing when it upgrades a read lock.
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                # Write-ahead log: readers never wait for the writer; NORMAL sync is safe with
                # it (a power cut loses at most the last commits, never the file). The page
                # cache is per connection, so per process: an ingest's workers each have one
                # (docs/deployment.md, SQLITE_CACHE_MB).
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA cache_size=-{env_int('SQLITE_CACHE_MB', 16) * 1000}",
            }
        )
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # A database that is down fails a request (and /healthz) in seconds, not minutes.
        options.setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    return config


DATABASES = {
    "default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# A streaming replica of the same PostgreSQL: the reading pages read the articles from it
# (newsdb.routers); everything else, and every write, stays on the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database(os.environ["DATABASE_REPLICA_URL"])
    DATABASE_ROUTERS = ["newsdb.routers.ReplicaRouter"]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [("en", "English"), ("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "articles" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# WhiteNoise serves the static files from every app server. In production they are collected
# (`collectstatic`) with content hashes in their names and compressed, and cached for a year;
# while developing (and in the tests) they are served from the apps' folders as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = DEBUG

# One line per event: JSON objects on stdout in production, plain text on stderr while
# developing. LOG_STREAM=stderr keeps a production command's data output (csv, json) clean.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
LOG_STREAM = os.environ.get("LOG_STREAM") or ("stderr" if LOG_FORMAT == "text" else "stdout")
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT, LOG_STREAM)

# The overview's archive-wide counts are cached this long in Django's default cache: each
# process's memory, as no CACHES are configured (a shared cache, e.g. Redis, would let one count
# serve every app server, and let an ingest's forgetting reach them at once).
NEWSDB_TALLIES_SECONDS = env_int("NEWSDB_TALLIES_SECONDS", 60)

# Ingest limits: files larger than this are rejected with a clear error.
NEWSDB_MAX_ARTICLE_BYTES = int(os.environ.get("NEWSDB_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024)))

# Importing changes data: only for those who may change the model; exporting only needs view.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Content-Security-Policy (django-csp; Django 6 has its own): nothing inline, nothing from
# elsewhere. Article text is data: even if it slipped through unescaped, it could not run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The reading pages (/, /articles/, /claims/…, /actors/…, /conflicts/, /search/) need a login
# as staff or in the Readers or Editors group, unless this opens them to everyone.
NEWSDB_PUBLIC_READ = env_bool("NEWSDB_PUBLIC_READ", False)
LOGIN_URL = "admin:login"

# Login throttling (django-axes): this many failed logins for one username from one address
# lock that pair out for the cool-off time; a successful login clears the count.
# `manage.py axes_reset` (or axes_reset_username NAME) unlocks at once.
AXES_FAILURE_LIMIT = env_int("NEWSDB_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NEWSDB_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsdb.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "newsdb.throttle.lockout_response"
# Not the version banner on every start of every command: lockouts are still logged.
AXES_VERBOSE = False

# Background ingest: files uploaded in the admin are saved here, a folder per run, for the
# task worker (`manage.py db_worker`) to ingest. Every web and worker process must see it.
NEWSDB_INBOX_DIR = Path(os.environ.get("NEWSDB_INBOX_DIR") or BASE_DIR / "var" / "inbox")
