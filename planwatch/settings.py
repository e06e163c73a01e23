"""Planwatch settings: one module, driven by PLANWATCH_* environment variables.

With no environment at all it runs in a local SQLite database under var/, which is
what `make demo` uses; production sets PLANWATCH_DATABASE_URL to PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env(name: str, default: str = "") -> str:
    """PLANWATCH_<name>, or the contents of the file PLANWATCH_<name>_FILE names (for
    secrets mounted as files by Docker, systemd or Kubernetes), or the default."""
    direct, path = os.environ.get(f"PLANWATCH_{name}"), os.environ.get(f"PLANWATCH_{name}_FILE")
    if direct is not None and path:
        raise ImproperlyConfigured(f"Set PLANWATCH_{name} or PLANWATCH_{name}_FILE, not both.")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"PLANWATCH_{name}_FILE: cannot read {path} ({error.strerror or error})."
            ) from None
    return default if direct is None else direct


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off", "")


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting; a typo such as "ture" stops the start instead of meaning "off"."""
    value = env(name, "1" if default else "0").strip().lower()
    if value not in TRUE_WORDS + FALSE_WORDS:
        raise ImproperlyConfigured(
            f"PLANWATCH_{name}={value!r} is not a yes/no value; "
            f"use one of {', '.join(w for w in TRUE_WORDS + FALSE_WORDS if w)}."
        )
    return value in TRUE_WORDS


def env_int(name: str, default: int) -> int:
    value = env(name, str(default)).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"PLANWATCH_{name}={value!r} is not a whole number.") from None


DEBUG = env_bool("DEBUG")
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "PLANWATCH_SECRET_KEY is not set. Set it to a long random string, "
            "or set PLANWATCH_DEBUG=1 for local development."
        )
    SECRET_KEY = "planwatch-insecure-development-key"

ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS").split(",") if o.strip()]
VAR_DIR = Path(env("VAR_DIR", str(PROJECT_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # its export_openapi_schema command; /api/docs served from its own static files
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "planwatch.lib.ops",
    "planwatch.audit",
    "planwatch.accounts",
    "planwatch.directory",
    "planwatch.plans",
    "planwatch.projects",
    "planwatch.intake",
    "planwatch.reports",
]

MIDDLEWARE = [
    "planwatch.lib.guards.OverloadGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "planwatch.lib.guards.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "planwatch.accounts.middleware.PrivatePagesMiddleware",
    "planwatch.lib.middleware.RefuseBadInputMiddleware",
    "planwatch.lib.middleware.AnswerConflictsMiddleware",
    "planwatch.accounts.middleware.LoginRequiredMiddleware",
    "planwatch.accounts.tokens.TokenContextMiddleware",
    "planwatch.accounts.middleware.AdminOnlyForAdministratorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "planwatch.accounts.middleware.IdleSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "planwatch.urls"
WSGI_APPLICATION = "planwatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "planwatch.accounts.oidc.sign_in_options",
            ],
        },
    },
]


def database_config(url: str) -> dict:
    """Parse PLANWATCH_DATABASE_URL; SQLite gets the options concurrent writers need."""
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # Measured: without WAL, IMMEDIATE transactions and a busy timeout,
            # two concurrent writers fail with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif env_int("STATEMENT_TIMEOUT_MS", 0) > 0:
        # Set by deploy/gunicorn.conf.py: no page waits on a runaway query forever.
        config["OPTIONS"] = {
            "options": f"-c statement_timeout={env_int('STATEMENT_TIMEOUT_MS', 0)}"
        }
    return config


DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'planwatch.sqlite3'}")
if not DATABASE_URL.startswith(("sqlite:", "postgres:", "postgresql:")):
    raise ImproperlyConfigured(
        "PLANWATCH_DATABASE_URL must start with sqlite:/// or postgres://, "
        f"got {DATABASE_URL.split(':', 1)[0]!r}."
    )
DATABASES = {"default": database_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "planwatch.accounts.backends.AdministratorBackend",
    "planwatch.accounts.oidc.PasswordBackend",
    "planwatch.accounts.oidc.SignOnBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on through OpenID Connect: on when PLANWATCH_OIDC_CLIENT_ID is set. A new
# person's unit (by directory code) and role come from the two claims named here.
# PLANWATCH_LOCAL_PASSWORDS=0 turns username-and-password sign-in off.
OIDC_RP_CLIENT_ID = env("OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("OIDC_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_JWKS_ENDPOINT")
OIDC_RP_SIGN_ALGO = env("OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_SCOPES", "openid profile email")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_UNIT_CLAIM = env("OIDC_UNIT_CLAIM", "planwatch_unit")
OIDC_ROLE_CLAIM = env("OIDC_ROLE_CLAIM", "planwatch_role")
LOGIN_REDIRECT_URL_FAILURE = "/login/"
LOCAL_PASSWORDS = env_bool("LOCAL_PASSWORDS", True)

# Login throttling: after this many failures for one username (from any address), from
# one address (for any username), or for the pair, that username or address is locked
# out for the cool-off period. Guessing one password across many accounts, or one
# account from many addresses, is stopped as well as the plain repeated guess.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address", ["username", "ip_address"]]
# Behind a reverse proxy: the header the trusted proxy sets for the client's address
# (e.g. X-Forwarded-For) and how many trusted proxies append to it.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
AXES_CLIENT_IP_CALLABLE = "planwatch.accounts.addresses.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = env("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese")), ("ko", _("Korean"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Asia/Shanghai")
# One date format per language (planwatch/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["planwatch.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# planwatch/ itself is no app, so its static folder is found only when listed here.
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded evidence lives outside the static root and is served only through views
# that check permissions.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "uploads")))

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "planwatch@localhost")
# The address people open Planwatch at: e-mails link to it.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

MAP_TILE_URL = env("MAP_TILE_URL")

# API tokens: requests a minute per token (counted in the database, so every server
# agrees) and the longest lifetime a new token may have.
API_TOKEN_RATE_LIMIT = int(env("API_TOKEN_RATE_LIMIT", "600"))
API_TOKEN_MAX_DAYS = int(env("API_TOKEN_MAX_DAYS", "366"))

# Webhook channels: seconds to wait for a robot's answer, and the delays (seconds) before
# each retry of a failed delivery; after the last one the delivery is marked failed.
CHANNEL_TIMEOUT = float(env("CHANNEL_TIMEOUT", "5"))
CHANNEL_RETRY_DELAYS = [int(s) for s in env("CHANNEL_RETRY_DELAYS", "60,300,1800").split(",") if s]

# Background jobs (large intake batches, daily reminders) run in `planwatch db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A working day at most, and signed out after this long without a request.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 10) * 3600
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 30) * 60
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# HTTPS: on by default in production. Behind a proxy that terminates TLS, set
# PLANWATCH_PROXY_SSL_HEADER=X-Forwarded-Proto (the header it sets to "https"), or turn
# the redirect off with PLANWATCH_SSL_REDIRECT=0 when the proxy redirects itself.
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
if env("PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + env("PROXY_SSL_HEADER").strip().upper().replace("-", "_"),
        "https",
    )

# Every script is a vendored static file: no inline script, no eval. Inline style
# attributes stay allowed (progress bars' widths, Leaflet's positions).
_TILE_ORIGIN = "/".join(env("MAP_TILE_URL").split("/")[:3]) if env("MAP_TILE_URL") else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *([_TILE_ORIGIN] if _TILE_ORIGIN else [])],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Request bodies: form fields and JSON at most DATA_UPLOAD_MAX_MEMORY_SIZE; uploads
# larger than FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file; a request larger than
# MAX_REQUEST_BYTES is refused with 413 before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MAX_REQUEST_BYTES = env_int("MAX_UPLOAD_MB", 64) * 1024 * 1024

# Overload (planwatch.lib.guards): per process, at most MAX_IN_FLIGHT requests at work and
# MAX_WAITING waiting for one of them to finish; a request that finds both full, or has
# waited longer than MAX_QUEUE_WAIT_MS since it reached the server, is answered 503 with
# Retry-After at once. deploy/gunicorn.conf.py sizes gunicorn's threads to match.
# The defaults only keep a runaway process in bounds; deploy/gunicorn.conf.py sets the
# measured values (2 and 2).
OVERLOAD_MAX_IN_FLIGHT = env_int("MAX_IN_FLIGHT", 64)
OVERLOAD_MAX_WAITING = env_int("MAX_WAITING", 64)
OVERLOAD_MAX_WAIT_SECONDS = float(env_int("MAX_QUEUE_WAIT_MS", 1000)) / 1000
OVERLOAD_RETRY_AFTER_SECONDS = 5

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
