"""Settings shared by every environment.

Values that differ between the demo, the tests and a server are read from environment variables
(see README, "Configuration"); ``dev``, ``test`` and ``production`` only change defaults.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

# site/kreativ/settings/base.py -> the repository's top level
PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent.parent
# The site-wide templates: the repository's templates/ folder, or, in an installed copy (pip install .),
# the copy setup.py puts inside the package.
SITE_TEMPLATES_DIR = PROJECT_DIR / "site_templates"
if not SITE_TEMPLATES_DIR.is_dir():
    SITE_TEMPLATES_DIR = BASE_DIR / "templates"
# Runtime data of the embedded defaults (SQLite, uploads, the search index); never committed.
VAR_DIR = Path(env_str("KREATIV_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
# ".localhost": every office of the demo on this machine (gorenjska.localhost), no /etc/hosts needed.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The foundation first, then the domains, then the home page that shows them all (this order is
# also the order in which ``load_demo`` loads each app's demo content).
INSTALLED_APPS = [
    "kreativ",
    "kreativ.search",  # checks the installed whoosh at start-up (kreativ/search/apps.py)
    "hubs",
    "opportunities",
    "news",
    "catalogue",
    "exchange",
    "home",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, with the office's language for an address that names none (/ -> /sl/).
    "kreativ.site_language.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a cached listing's view (the finder, the catalogue) skips only the URL resolver
    # and Wagtail's routing.
    "kreativ.page_cache.ListingPageCacheMiddleware",
]

ROOT_URLCONF = "kreativ.urls"
WSGI_APPLICATION = "kreativ.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_TEMPLATES_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kreativ.context_processors.site_context",
            ],
        },
    },
]

# Database: SQLite on disk by default; DATABASE_URL (postgres://…) moves to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the django-q2 cluster writes. IMMEDIATE: a transaction
    # takes the write lock as it begins, so what it reads cannot change before it writes (an alert
    # chunk relies on it); a writer waits up to 20 s for the lock (Python's default is 5 s).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Czech is the default; every public URL carries its language (/cs/, /sl/, /en/).
LANGUAGE_CODE = "cs"
LANGUAGES = [
    ("cs", "Čeština"),
    ("sl", "Slovenščina"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# A translation started with wagtail-localize is a draft until an editor publishes it, whatever the
# state of its source (kreativ.translations turns the aliases it would make into drafts as well).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Europe/Prague")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: the console in development; SMTP on a server (EMAIL_HOST and friends).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kreativ <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# One cache for every process of a machine (the web workers and the django-q2 cluster): the
# finder's index version, its cached views and the subscription rate limits must be shared.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("KREATIV_CACHE_DIR", str(VAR_DIR / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
if env_str("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }
# How long a page's header and footer are kept at most (kreativ.fragments); 0 turns it off.
SITE_FRAGMENT_CACHE_SECONDS = env_int("KREATIV_FRAGMENT_CACHE_SECONDS", 300)
CACHES["fragments"] = (
    CACHES["default"] if SITE_FRAGMENT_CACHE_SECONDS > 0 else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
)

# Wagtail
WAGTAIL_SITE_NAME = env_str("KREATIV_SITE_NAME", "Kreativ")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Slugs are ASCII: the admin transliterates a title ("Kreativní hub" -> "kreativni-hub"), and a URL
# with %C3%AD in it is neither readable nor easy to share (BasePage.clean refuses accents).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Search: a whoosh index on disk by default (kreativ.search); SEARCH_BACKEND=opensearch3 (or
# elasticsearch8, …) with SEARCH_URLS moves every .search() to a search server, with no code change.
SEARCH_INDEX_PATH = Path(env_str("SEARCH_INDEX_PATH", str(VAR_DIR / "search-index")))
SEARCH_BACKENDS_BY_NAME = {
    "whoosh": "kreativ.search.backend",
    "database": "modelsearch.backends.database",
    "opensearch2": "modelsearch.backends.opensearch2",
    "opensearch3": "modelsearch.backends.opensearch3",
    "elasticsearch7": "modelsearch.backends.elasticsearch7",
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "elasticsearch9": "modelsearch.backends.elasticsearch9",
}
_search_backend = env_str("SEARCH_BACKEND", "whoosh")
if _search_backend not in SEARCH_BACKENDS_BY_NAME:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND={_search_backend!r} is unknown; choose one of {', '.join(SEARCH_BACKENDS_BY_NAME)}."
    )
if _search_backend == "whoosh":
    _search = {
        "PATH": SEARCH_INDEX_PATH,
        "LOCK_TIMEOUT": env_int("SEARCH_LOCK_TIMEOUT", 10),
        # Off: whoosh's public API only, unpatched (docs/search.md, "When whoosh must be replaced").
        "ACCELERATED": env_bool("SEARCH_WHOOSH_ACCELERATED", True),
    }
elif _search_backend == "database":
    _search = {}
else:
    _search = {
        "URLS": env_list("SEARCH_URLS", ["http://localhost:9200"]),
        "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "kreativ_"),
        "TIMEOUT": env_int("SEARCH_TIMEOUT", 10),
    }
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKENDS_BY_NAME[_search_backend], **_search}}

# Background work: django-q2 on the ORM broker; REDIS_URL moves it to Redis.
Q_CLUSTER = {
    "name": "kreativ",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": env_int("Q_TIMEOUT", 1800),
    "retry": env_int("Q_RETRY", 2100),
    "max_attempts": 2,
    "catch_up": False,
    "orm": "default",
}
if env_str("REDIS_URL"):
    Q_CLUSTER.pop("orm")
    Q_CLUSTER["redis"] = env_str("REDIS_URL")

# The map of hubs: Leaflet is served from our static files; only the tiles come from outside,
# and the page stays a usable list when they cannot load.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# Coordinates from an address, for the admin's map picker (kreativ.geocoding): a Nominatim-compatible
# geocoder, by its base address (its /search is asked). Empty: the lookup is off, and editors are told.
GEOCODER_URL = env_str("KREATIV_GEOCODER_URL", "https://nominatim.openstreetmap.org")
GEOCODER_TIMEOUT = env_int("KREATIV_GEOCODER_TIMEOUT", 5)
# Nominatim's usage policy asks for a user agent that names the application and a contact.
GEOCODER_USER_AGENT = env_str("KREATIV_GEOCODER_USER_AGENT", f"Kreativ admin (+{WAGTAILADMIN_BASE_URL})")

# The funding radar. Amounts are compared across currencies at these reference rates (EUR per unit);
# they only sort and filter, they are never shown as a conversion.
FUNDING_EUR_RATES = {"EUR": 1, "CZK": 0.040, "USD": 0.92, "GBP": 1.17, "HUF": 0.0025, "PLN": 0.23, "CHF": 1.05}
# Languages a funding call may be written in (wider than the site's own).
CALL_LANGUAGES = [
    ("cs", "Čeština"),
    ("sl", "Slovenščina"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("sk", "Slovenčina"),
    ("hr", "Hrvatski"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("hu", "Magyar"),
]
FUNDING_PAGE_SIZE = 20
# Seconds an anonymous reader's view of the finder or the catalogue is served from the cache (0:
# never cached); KREATIV_FINDER_CACHE_SECONDS was its name before the catalogue shared it.
LISTING_CACHE_SECONDS = env_int("KREATIV_LISTING_CACHE_SECONDS", env_int("KREATIV_FINDER_CACHE_SECONDS", 60))
# A crawl of one source that runs longer than this is stopped and recorded as failed.
CRAWL_TIMEOUT = env_int("KREATIV_CRAWL_TIMEOUT", 3600)

# Public forms (alerts, course registration; later the catalogue, the exchange) count their rate
# limits per client.
# Behind a reverse proxy the client is the right-most address in X-Forwarded-For that the proxies
# added: give their number (nginx alone: 1), or their addresses, one per proxy, the nearest last.
# 0 and an empty list: no proxy, REMOTE_ADDR is the client and X-Forwarded-For is ignored.
KREATIV_TRUSTED_PROXY_COUNT = env_int("KREATIV_TRUSTED_PROXY_COUNT", 0)
KREATIV_TRUSTED_PROXIES = env_list("KREATIV_TRUSTED_PROXIES")

# Funding alerts: how often one address and one client may ask for a confirmation e-mail (per
# hour), how long the links in e-mails open the subscriber's page, how many calls a private feed holds.
ALERTS_RATE_PER_ADDRESS = env_int("ALERTS_RATE_PER_ADDRESS", 3)
ALERTS_RATE_PER_CLIENT = env_int("ALERTS_RATE_PER_CLIENT", 20)
ALERTS_MANAGE_LINK_MAX_AGE = 90 * 24 * 3600
ALERTS_FEED_SIZE = 100
# A digest lists at most this many calls per section; beyond, it counts them and links to the finder.
ALERTS_MAX_CALLS_PER_SECTION = env_int("ALERTS_MAX_CALLS_PER_SECTION", 25)
# A run's subscriptions are sent in chunks of this many; a run of several chunks is queued chunk by
# chunk, so that every django-q2 worker of every machine takes a share (opportunities.alerts.chunks).
ALERTS_CHUNK_SIZE = env_int("ALERTS_CHUNK_SIZE", 5000)

# Course registration (the Creative Academy): how many registrations one client, and one course in
# all its languages, may send per hour; beyond, the form says so and saves nothing.
ACADEMY_RATE_PER_CLIENT = env_int("ACADEMY_RATE_PER_CLIENT", 10)
ACADEMY_RATE_PER_COURSE = env_int("ACADEMY_RATE_PER_COURSE", 60)

# The catalogue's owners (no account: signed links by e-mail). How often one address and one client
# may ask for a link (per hour); how long a link that creates, claims or opens a profile works, and
# the yearly confirmation's link; how long a browser stays signed in to an owner's page after a link.
CATALOGUE_RATE_PER_ADDRESS = env_int("CATALOGUE_RATE_PER_ADDRESS", 3)
CATALOGUE_RATE_PER_CLIENT = env_int("CATALOGUE_RATE_PER_CLIENT", 20)
CATALOGUE_LINK_MAX_AGE = env_int("CATALOGUE_LINK_MAX_AGE", 3 * 24 * 3600)
CATALOGUE_CONFIRMATION_LINK_MAX_AGE = env_int("CATALOGUE_CONFIRMATION_LINK_MAX_AGE", 90 * 24 * 3600)
CATALOGUE_OWNER_SESSION_MAX_AGE = env_int("CATALOGUE_OWNER_SESSION_MAX_AGE", 12 * 3600)
# The relay contact form of a profile: messages per hour from one client, and to one profile.
CATALOGUE_CONTACT_RATE_PER_CLIENT = env_int("CATALOGUE_CONTACT_RATE_PER_CLIENT", 5)
CATALOGUE_CONTACT_RATE_PER_PROFILE = env_int("CATALOGUE_CONTACT_RATE_PER_PROFILE", 10)
# The relay contact form (kreativ.relay), where a target asks senders to confirm their address the
# first time: how long the link that releases their first message works, and how many such links
# one address may be sent per hour.
KREATIV_RELAY_CONFIRM_MAX_AGE = env_int("KREATIV_RELAY_CONFIRM_MAX_AGE", 3 * 24 * 3600)
KREATIV_RELAY_CONFIRM_RATE_PER_ADDRESS = env_int("KREATIV_RELAY_CONFIRM_RATE_PER_ADDRESS", 3)
# Portfolio images an owner uploads: how many per profile, how large a file, how many pixels on
# the shortest and the longest side.
CATALOGUE_IMAGES_PER_PROFILE = env_int("CATALOGUE_IMAGES_PER_PROFILE", 12)
CATALOGUE_IMAGE_MAX_BYTES = env_int("CATALOGUE_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
CATALOGUE_IMAGE_MIN_SIDE = env_int("CATALOGUE_IMAGE_MIN_SIDE", 300)
CATALOGUE_IMAGE_MAX_SIDE = env_int("CATALOGUE_IMAGE_MAX_SIDE", 8000)

# The exchange's listings: how many days one runs (and a renewal adds), how many days before its end
# the poster is reminded (and again on the day), how long the reminders' renew and close links
# work, and how long the link that confirms a poster's address works.
EXCHANGE_LISTING_DAYS = env_int("EXCHANGE_LISTING_DAYS", 90)
EXCHANGE_REMINDER_DAYS = env_int("EXCHANGE_REMINDER_DAYS", 7)
EXCHANGE_LINK_MAX_AGE = env_int("EXCHANGE_LINK_MAX_AGE", 30 * 24 * 3600)
EXCHANGE_POSTER_LINK_MAX_AGE = env_int("EXCHANGE_POSTER_LINK_MAX_AGE", 3 * 24 * 3600)

# Names used on pages and in e-mails.
KREATIV_ORGANISATION_NAME = env_str("KREATIV_ORGANISATION_NAME", _("Creative region"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"level": env_str("DJANGO_LOG_LEVEL", "INFO"), "propagate": True},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
