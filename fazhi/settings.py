"""Fazhi settings. Every knob is an environment variable (see README)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

import dj_database_url

from fazhi.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("FAZHI_DATA_DIR", str(BASE_DIR / "data"))).resolve()
# Set by `fazhi demo`: the demo may generate its own secret key.
DEMO = env_bool("FAZHI_DEMO", False)
DEBUG = env_bool("FAZHI_DEBUG", False)


def _secret_key() -> str:
    key = env_str("FAZHI_SECRET_KEY")
    if key:
        return key
    if DEMO or DEBUG:
        # The demo keeps a generated key in its data folder so sessions survive restarts.
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path = DATA_DIR / "secret_key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()
    # Commands that sign nothing (migrate, due, analyze, …) run without a key; serving
    # requests refuses to start (fazhi/wsgi.py, fazhi/core/checks.py).
    return ""


SECRET_KEY = _secret_key()


def _derived_key(name: str, purpose: str) -> str:
    """A key kept outside the database: `name` if set, else derived from the secret key.

    Set it on its own in production, so that rotating FAZHI_SECRET_KEY does not change
    it (docs/deployment.md); "" when neither is set (nothing can be signed then).
    """
    key = env_str(name)
    if key or not SECRET_KEY:
        return key
    return hmac.new(SECRET_KEY.encode("utf-8"), f"fazhi:{purpose}".encode(), hashlib.sha256).hexdigest()


# The audit chain's HMAC key (fazhi/audit/README.md) and the key that signs and
# encrypts backups (fazhi/core/backup.py): both kept outside the database.
FAZHI_AUDIT_KEY = _derived_key("FAZHI_AUDIT_KEY", "audit-chain")
FAZHI_BACKUP_KEY = _derived_key("FAZHI_BACKUP_KEY", "backup")
# Encrypt backups at rest (AES-256-GCM with a key derived from FAZHI_BACKUP_KEY).
FAZHI_BACKUP_ENCRYPT = env_bool("FAZHI_BACKUP_ENCRYPT", False)
ALLOWED_HOSTS = env_list("FAZHI_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("FAZHI_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "fazhi.core",
    "fazhi.kit",
    "fazhi.org",
    "fazhi.audit",
    "fazhi.workdays",
    "fazhi.deadlines",
    "fazhi.indicators",
    "fazhi.documents",
    "fazhi.reports",
    "fazhi.analyzer",
    # Registers: one app per area of work (ARCHITECTURE.md).
    "fazhi.reconsideration",
    "fazhi.litigation",
    "fazhi.decisions",
    "fazhi.normdocs",
    "fazhi.counsel",
    "fazhi.mediation",
    "fazhi.legalservices",
    "fazhi.publicity",
    "fazhi.enforcement",
    "fazhi.disclosure",
    "fazhi.oversight",
    "fazhi.assessment",
    "fazhi.lists",
    "fazhi.auditsup",
    "fazhi.upward",
    "fazhi.synth",
    "fazhi.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fazhi.core.middleware.ContentSecurityPolicyMiddleware",
    "fazhi.core.busy.DatabaseBusyMiddleware",  # a lock waited out: 503 请稍后重试, not 500
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "fazhi.org.security.SecurityPolicyMiddleware",
    "fazhi.core.middleware.QueryParameterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "fazhi.audit.middleware.AuditContextMiddleware",
    "fazhi.core.middleware.BrowserCompatMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"
ASGI_APPLICATION = "fazhi.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "fazhi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("FAZHI_DB_CONN_MAX_AGE", 60, minimum=0))}
    # Behind PgBouncer in transaction mode a server-side cursor (QuerySet.iterator())
    # cannot outlive its transaction: docs/deployment.md.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("FAZHI_DB_PGBOUNCER", False)
    # PostgreSQL's JIT compiles a figures query for longer than it runs (0.5 s of a
    # 0.59 s aggregate; BENCHMARKS.md, issue 11): off for Fazhi's sessions. PgBouncer
    # refuses startup options; there, `ALTER DATABASE … SET jit = off` (docs/deployment.md).
    if not env_bool("FAZHI_DB_JIT", False) and not DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"]:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "fazhi.sqlite3"),
            "OPTIONS": {
                # WAL lets readers work while an import writes; IMMEDIATE avoids
                # "database is locked" on upgrade from read to write.
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# 等保三级 身份鉴别 (GB/T 22239-2019 8.1.4.1; common 测评 values, see README).
FAZHI_PASSWORD_MIN_LENGTH = env_int("FAZHI_PASSWORD_MIN_LENGTH", 10, minimum=8)
FAZHI_PASSWORD_MAX_AGE_DAYS = env_int("FAZHI_PASSWORD_MAX_AGE_DAYS", 90, minimum=0)  # 0: never expires
FAZHI_PASSWORD_HISTORY = env_int("FAZHI_PASSWORD_HISTORY", 5, minimum=0)
FAZHI_REQUIRE_2FA = env_bool("FAZHI_REQUIRE_2FA", not DEMO)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "fazhi.org.security.UserAttributeSimilarityValidator"},
    {"NAME": "fazhi.org.security.MinimumLengthValidator", "OPTIONS": {"min_length": FAZHI_PASSWORD_MIN_LENGTH}},
    {"NAME": "fazhi.org.security.CommonPasswordValidator"},
    {"NAME": "fazhi.org.security.NumericPasswordValidator"},
    {"NAME": "fazhi.org.security.CharacterClassValidator"},
    {"NAME": "fazhi.org.security.HistoryValidator"},
]
AXES_FAILURE_LIMIT = env_int("FAZHI_LOCKOUT_FAILURES", 5, minimum=1)
FAZHI_LOCKOUT_MINUTES = env_int("FAZHI_LOCKOUT_MINUTES", 15, minimum=1)
# The first lock lasts FAZHI_LOCKOUT_MINUTES; every further failure while locked doubles
# it, up to a day (fazhi.org.security.lockout_cooloff). Each attempt keeps its own
# expiry, so one short lock's clean-up never ends another's longer one.
AXES_COOLOFF_TIME = "fazhi.org.security.lockout_cooloff"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# Lock an account from one source (issue 17 item 9): wrong passwords typed for `admin`
# elsewhere must not lock the real administrator out at their desk, and locking a whole
# address would lock out a county's offices behind one NAT address (hence axes.W006
# is silenced). An administrator unlocks an account: `fazhi unlock_account 用户名`.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "法治政府建设工作平台"
SESSION_COOKIE_AGE = env_int("FAZHI_SESSION_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout: the clock restarts on every request
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("FAZHI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A CSRF failure is a Chinese page inside the layout (fazhi/core/errors.py), not Django's English one.
CSRF_FAILURE_VIEW = "fazhi.core.errors.csrf_failure"
# HSTS when the site is served over https (FAZHI_SECURE_COOKIES=1): browsers then refuse
# plain http for it for this many seconds (0 switches it off; docs/deployment.md).
SECURE_HSTS_SECONDS = env_int("FAZHI_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # a government domain's other hosts are not ours to pin
# Behind nginx the request reaches us over http; nginx says it came over https.
if SESSION_COOKIE_SECURE:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "zh-hans"
# The one language: a browser asking for English still gets Chinese (Django's and the REST
# framework's own messages: 404, 405, throttling, validation).
LANGUAGES = [("zh-hans", "简体中文")]
FORMAT_MODULE_PATH = ["fazhi.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Our own translations first (fazhi/locale): e.g. the full-width colon after form labels.
LOCALE_PATHS = [BASE_DIR / "fazhi" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
# Project-wide assets (our CSS and scripts, vendored htmx and ECharts).
STATICFILES_DIRS = [BASE_DIR / "fazhi" / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on a missing root
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
GENERATED_DIR = DATA_DIR / "generated"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # the demo serves static files without collectstatic
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FAZHI_IMPORT_MAX_BYTES = env_int("FAZHI_IMPORT_MAX_BYTES", 50 * 1024 * 1024, minimum=1024)
# API tokens (`fazhi api_token`) expire like passwords.
FAZHI_API_TOKEN_DAYS = env_int("FAZHI_API_TOKEN_DAYS", 90, minimum=1)
# Enforcement certificates expiring within this many days get a renewal reminder.
FAZHI_ENF_RENEWAL_WINDOW_DAYS = env_int("FAZHI_ENF_RENEWAL_WINDOW_DAYS", 90, minimum=1)

# Django's cache: each server process's own memory by default; "database" shares it
# between the processes and servers of one deployment (`fazhi createcachetable` once),
# so the dashboard's figures are computed once for all of them (docs/deployment.md).
if env_choice("FAZHI_CACHE", "memory", ("memory", "database")) == "database":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "fazhi_cache"}}
# The dashboard's figures are kept this many seconds (fazhi/indicators/figcache.py); 0: never.
FAZHI_FIGURES_CACHE_SECONDS = env_int("FAZHI_FIGURES_CACHE_SECONDS", 120, minimum=0)
# Counties' kept figures for provincial comparisons expire after this many seconds
# (fazhi/indicators/county_figures.py; any write in the county outdates them at once,
# this only bounds a write that sends no signal); 0: never kept.
FAZHI_FIGURES_ROLLUP_SECONDS = env_int("FAZHI_FIGURES_ROLLUP_SECONDS", 86400, minimum=0)

# Audit entries are kept at least this long (网络安全法 第21条: network logs ≥ 6 months).
FAZHI_AUDIT_RETENTION_DAYS = env_int("FAZHI_AUDIT_RETENTION_DAYS", 180, minimum=180)

# Deadlines: how many working days before the due date an item turns yellow (临期).
FAZHI_DUE_SOON_WORKDAYS = env_int("FAZHI_DUE_SOON_WORKDAYS", 3, minimum=0)

# Register rules whose official definitions differ between provinces (statutes.md [M]).
# 纠错率 denominator: "merits" = accepted cases closed by a decision on the merits (§1.8),
# "decisions" = every case closed by a decision, "closed" = every concluded case.
FAZHI_RECON_CORRECTION_BASE = env_choice("FAZHI_RECON_CORRECTION_BASE", "merits", ("merits", "decisions", "closed"))
# 败诉率 denominator: "judged" = cases concluded by judgment, "closed" = every concluded case (§2.2).
FAZHI_LITIGATION_LOSS_DENOMINATOR = env_choice("FAZHI_LITIGATION_LOSS_DENOMINATOR", "judged", ("judged", "closed"))
# Normative documents' validity (国办发〔2018〕37号 practice; [M]).
FAZHI_NORMDOC_VALIDITY_YEARS = env_int("FAZHI_NORMDOC_VALIDITY_YEARS", 5, minimum=1)
FAZHI_NORMDOC_PROVISIONAL_VALIDITY_YEARS = env_int("FAZHI_NORMDOC_PROVISIONAL_VALIDITY_YEARS", 2, minimum=1)
# Legal helpers (法律明白人) a village needs to count as covered.
FAZHI_LEGAL_HELPERS_PER_VILLAGE = env_int("FAZHI_LEGAL_HELPERS_PER_VILLAGE", 1, minimum=1)
# Enforcement officers' yearly training hours ([M]).
FAZHI_ENF_MIN_TRAINING_HOURS = env_int("FAZHI_ENF_MIN_TRAINING_HOURS", 40, minimum=0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "fazhi.api.authentication.PolicySessionAuthentication",  # 2FA, password expiry
        "fazhi.api.authentication.ApiTokenAuthentication",  # `fazhi api_token <username>`
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Django's English 404/403 texts in Chinese (fazhi/core/errors.py).
    "EXCEPTION_HANDLER": "fazhi.core.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fazhi API",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema describes every register's fields: signed-in users only.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FAZHI_LOG_LEVEL", "INFO")},
}
# House style of the reports Fazhi writes (fazhi/indicators/display.py): the precision of
# every rate ("catalogue": each rate's own) and the smallest count written in 万 (0: never).
FAZHI_REPORT_RATE_DECIMALS = env_choice("FAZHI_REPORT_RATE_DECIMALS", "0", ("0", "1", "2", "catalogue"))
FAZHI_REPORT_WAN_FROM = env_int("FAZHI_REPORT_WAN_FROM", 100000, minimum=0)
