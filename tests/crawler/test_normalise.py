"""Normalisation on the strings sources really write (crawler.normalise)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from crawler import normalise
from crawler.normalise import Money

PRAGUE = ZoneInfo("Europe/Prague")
LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def test_czech_month_name_deadline_is_a_day_that_lasts_until_its_end_in_prague():
    value = normalise.parse_deadline("Termín uzávěrky pro příjem žádostí: 16. září 2026.", tz=PRAGUE, languages=["cs"])
    assert value == date(2026, 9, 16)
    assert type(value) is date  # the page names a day, not a moment
    moment = normalise.deadline_moment(value, PRAGUE)
    assert moment == datetime(2026, 9, 16, 23, 59, 59, tzinfo=PRAGUE)
    assert moment.utcoffset() == timedelta(hours=2)  # summer time


def test_slovenian_genitive_month_in_a_sentence():
    value = normalise.parse_deadline("Razpis je odprt do 12. avgusta 2026.", tz=LJUBLJANA, languages=["sl"])
    assert value == date(2026, 8, 12)


def test_numeric_range_start_of_first_day_to_the_last_day():
    start, end = normalise.parse_date_range("Termín pro podání žádosti: 16. 7. 2026 - 17. 12. 2026", tz=PRAGUE)
    assert start == datetime(2026, 7, 16, 0, 0, tzinfo=PRAGUE)
    assert end == date(2026, 12, 17)
    assert normalise.deadline_moment(end, PRAGUE).utcoffset() == timedelta(hours=1)  # winter time


def test_a_single_date_is_the_end_of_a_range():
    assert normalise.parse_date_range("odprt do 12. avgusta 2026", tz=LJUBLJANA, languages=["sl"]) == (
        None,
        date(2026, 8, 12),
    )


def test_a_deadline_that_gives_the_time_is_a_moment_in_the_sources_zone():
    # olkraj.cz: "Termín příjmu žádostí: 7.4. - 17.4.2026 do 12:00"
    assert normalise.find_deadlines("7.4. - 17.4.2026 do 12:00", tz=PRAGUE) == [
        datetime(2026, 4, 17, 12, 0, tzinfo=PRAGUE)
    ]


def test_deadlines_sort_by_when_they_pass():
    day = date(2026, 12, 17)
    noon = datetime(2026, 12, 17, 12, 0, tzinfo=PRAGUE)
    earlier = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert normalise.sorted_deadlines([day, noon, None, earlier, day], PRAGUE) == [earlier, noon, day]
    # A day passes at its end in the source's zone: in Brussels before it does in Lisbon.
    assert normalise.deadline_moment(day, "Europe/Brussels") < normalise.deadline_moment(day, "Europe/Lisbon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-06T13:00:00.000+0000", datetime(2026, 10, 6, 13, 0, tzinfo=UTC)),
        ("2023-05-11T02:00:00.000+0200", datetime(2023, 5, 11, 2, 0, tzinfo=timezone(timedelta(hours=2)))),
        ("2026-05-28T00:00:00+02:00", datetime(2026, 5, 28, 0, 0, tzinfo=timezone(timedelta(hours=2)))),
    ],
)
def test_iso_with_offset_keeps_its_offset(text, expected):
    value = normalise.parse_date(text, tz=PRAGUE)
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


def test_a_time_given_is_kept():
    assert normalise.parse_deadline("Ukončení příjmu: 1. 6. 2026 do 14:00 hod.", tz=PRAGUE) == datetime(
        2026, 6, 1, 14, 0, tzinfo=PRAGUE
    )


def test_english_month_names_and_bare_iso_dates():
    assert normalise.parse_date("09 March 2023") == datetime(2023, 3, 9, tzinfo=UTC)
    assert normalise.parse_deadline("2026-09-24", tz="Europe/Brussels") == date(2026, 9, 24)
    assert normalise.deadline_moment(date(2026, 9, 24), "Europe/Brussels") == datetime(
        2026, 9, 24, 23, 59, 59, tzinfo=ZoneInfo("Europe/Brussels")
    )


def test_opening_date_without_time_is_start_of_day():
    assert normalise.parse_date("Objavljeno: Občina Hrastnik, 1. 6. 2026", tz=LJUBLJANA) == datetime(
        2026, 6, 1, 0, 0, tzinfo=LJUBLJANA
    )


def test_no_date_is_none_not_a_guess():
    assert normalise.parse_date("Bez omezení, dle PrŽaP", tz=PRAGUE) is None
    assert normalise.find_dates("", tz=PRAGUE) == []
    assert normalise.parse_date("31. 2. 2026", tz=PRAGUE) is None  # no such day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Znesek razpisanih nepovratnih sredstev znaša 48.825,00 €.", Money(Decimal("48825.00"), "EUR")),
        ("1 500 000 Kč", Money(Decimal("1500000"), "CZK")),
        ("EUR 2,000,000", Money(Decimal("2000000"), "EUR")),
        ("až 250 000,- Kč na projekt", Money(Decimal("250000"), "CZK")),
        ("alokace 2 mil. Kč", Money(Decimal("2000000"), "CZK")),
        ("EUR 2 million", Money(Decimal("2000000"), "EUR")),
        ("1.500.000,50 EUR", Money(Decimal("1500000.50"), "EUR")),
        ("€ 60,000", Money(Decimal("60000"), "EUR")),
        ("12.5 EUR", Money(Decimal("12.5"), "EUR")),
    ],
)
def test_amounts_and_currencies(text, expected):
    assert normalise.parse_amount(text) == expected


def test_a_bare_number_in_prose_is_not_money_but_a_bare_value_is():
    assert normalise.parse_amounts("v roce 2026 až 3 projekty") == []
    assert normalise.parse_amount("5000000", "EUR") == Money(Decimal("5000000"), "EUR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("spolufinancování až 85 %", Decimal("85")), ("do 70 odstotkov", Decimal("70")), ("up to 80,5%", Decimal("80.5"))],
)
def test_percentages(text, expected):
    assert normalise.parse_percent(text) == expected


def test_percent_out_of_range_is_ignored():
    assert normalise.parse_percent("rast 250 %") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ministerstvo kultury vyhlašuje výzvu pro předkládání žádostí o poskytnutí dotace", "cs"),
        ("Javni razpis za spodbujanje razvoja podjetništva v občini Hrastnik v letu 2026", "sl"),
        ("Call for proposals on the fight against corruption.", "en"),
    ],
)
def test_language_detection(text, language):
    assert normalise.detect_language(text) == language


def test_short_text_falls_back_to_the_source_language():
    assert normalise.detect_language("Výzvy", default="cs") == "cs"
    assert normalise.detect_language("Razpisi", default="sl") == "sl"


def test_applicant_types_from_slovenian_conditions():
    text = (
        "Upravičenci do sredstev so samostojni podjetniki, mikro in male gospodarske družbe, zadruge, zavodi, "
        "… Pri naložbah v nastanitvene kapacitete (sobodajalstvo) so upravičeni tudi fizične oseb in društva."
    )
    assert normalise.map_applicant_types(text) == [
        "sme",
        "micro-enterprise",
        "freelancer",
        "ngo",
        "individual",
        "other",
    ]


def test_a_freelancer_phrase_is_not_also_an_individual():
    text = "Žadatelem o dotaci mohou být fyzické osoby s živnostenským oprávněním a právnické osoby."
    assert normalise.map_applicant_types(text) == ["freelancer", "other"]


def test_a_place_name_is_not_a_municipality_applicant():
    assert "municipality" not in normalise.map_applicant_types("dejavnost na območji občine Hrastnik")
    assert normalise.map_applicant_types("Oprávnění žadatelé: obce a kraje, spolky") == ["ngo", "municipality"]


def test_sectors_from_titles():
    assert normalise.map_sectors("Fostering Ukrainians’ access to culture and cultural heritage") == [
        "cultural-heritage"
    ]
    assert normalise.map_sectors("Films on the Move") == ["film-audiovisual"]
    assert normalise.map_sectors("Podpora divadelní a hudební tvorby") == ["music", "performing-arts"]
    assert normalise.map_sectors("Design of novel battery chemistries") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("MP7L 2026 - Krediti za likvidnost in manjše investicije", "loan"),
        ("Javni poziv VESG - Vavčer za pripravo prostovoljnega poročila", "voucher"),
        ("Žádost o dotaci ze státního rozpočtu", "grant"),
        ("Cultural Horizons: Residencies", "residency"),
        ("Spremljanje stanja", "other"),
    ],
)
def test_support_kind(text, kind):
    assert normalise.guess_support_kind(text) == kind
