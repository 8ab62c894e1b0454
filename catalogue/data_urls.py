"""The catalogue's open data files, at stable addresses without a language (included from
``kreativ/urls.py`` as ``catalogue/``; the owners' and the relay's pages are in ``urls.py``, under
the language prefix)."""

from django.urls import path

from catalogue.public import open_data

app_name = "catalogue_data"

urlpatterns = [
    path("open-data/profiles.csv", open_data.csv_view, name="open_data_csv"),
    path("open-data/profiles.json", open_data.json_view, name="open_data_json"),
]
