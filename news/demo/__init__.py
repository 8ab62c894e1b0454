"""Demo content of the regional CCI magazine: each office's news index and its articles.

The texts are in ``<office>/news.yaml`` beside this file (the index, then the articles: date,
author, and the texts in each language). The office's language is the source (Czech in Olomouc,
Slovenian in Gorenjska); the other languages' articles are translations linked to it, as an editor
would make them.
"""

from __future__ import annotations

from kreativ.demo_data import read
from kreativ.demo_loaders import DemoRun
from kreativ.demo_tools import ensure_translated_page
from news.models import NewsArticlePage, NewsIndexPage


def load(run: DemoRun) -> None:
    for office in run.offices:
        path = office.data_file(__file__, "news.yaml")
        if path is None:
            continue
        data = read(path) or {}
        index, _ = ensure_translated_page(office.home, NewsIndexPage, data.get("index"), f"{path}, index")
        for number, article in enumerate(data.get("articles") or []):
            where = f"{path}, articles[{number}]"
            image = office.illustration(article, where)
            ensure_translated_page(index, NewsArticlePage, {**article, "listing_image": image}, where)
