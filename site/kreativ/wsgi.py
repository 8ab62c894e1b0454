"""WSGI entry point for gunicorn or any WSGI server: ``gunicorn kreativ.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreativ.settings.production")

application = get_wsgi_application()
