"""The site's WSGI application with the bench's settings (and its trivial view)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from kreativ.wsgi import application  # noqa: F401
