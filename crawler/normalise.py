"""Pure functions that turn a source's words into the item's values: dates, amounts, languages, slugs.

Sources write dates and amounts the way people in their country read them (``16. září 2026``,
``odprt do 12. avgusta 2026``, ``16. 7. 2026 - 17. 12. 2026``, ``48.825,00 €``). Everything here is a
plain function of its arguments, with no Scrapy in sight, so it is tested on those very strings.

Conventions (documented in docs/crawler.md):

- Every datetime returned is aware. A value with its own offset keeps it; a local value is placed in
  the source's time zone (``Europe/Prague``, ``Europe/Ljubljana``, ``Europe/Brussels`` for the EU).
- A **deadline** given as a date without a time stays a date (``find_deadlines``): the source said
  which day, not which moment. It counts until the end of that day in the source's time zone
  (``deadline_moment``: 23:59:59 local time); a deadline with a time is an aware datetime.
- An **opening date** without a time means the start of that day, 00:00 local time.
- Amounts are ``Decimal``; a currency is an ISO 4217 code, or ``None`` when the text names none.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from html import unescape
from typing import NamedTuple
from zoneinfo import ZoneInfo

from crawler import vocabulary

END_OF_DAY = time(23, 59, 59)

# Month names in the forms dates use: Czech and Slovenian genitive ("září", "avgusta") as well as
# the nominative, and English. Folded (no diacritics, lower case). dateparser knows the Czech forms
# but not the Slovenian genitive ("12. avgusta 2026" parses to None), so the table comes first and
# dateparser is the fallback for anything else.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "leden ledna lednu januar januarja january jan",
        "unor unora unoru februar februarja february feb",
        "brezen brezna breznu marec marca march mar",
        "duben dubna dubnu april aprila apr",
        "kveten kvetna kvetnu maj maja may",
        "cerven cervna cervnu junij junija june jun",
        "cervenec cervence cervenci julij julija july jul",
        "srpen srpna srpnu avgust avgusta august aug",
        "zari september septembra sep sept",
        "rijen rijna rijnu oktober oktobra october oct",
        "listopad listopadu november novembra nov",
        "prosinec prosince prosinci december decembra dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_TIME = r"(?:[,\s]*(?:v|ve|ob|at|do|od|um|o)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?:h|hod\.?|uri|ure))?)?"
# "16. 7. 2026", "16.07.2026 10:00", "16. září 2026", "12. avgusta 2026", "24 September 2026"
DATE_RE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:\.\s*(?P<month>\d{1,2})\.\s*|\.?\s*(?P<month_name>[^\W\d_]{3,})\.?\s+)"
    r"(?P<year>\d{4})(?!\d)" + _TIME,
)
# "2026-09-24", "2026-10-06T13:00:00.000+0000", "2026-05-28T00:00:00+02:00"
ISO_RE = re.compile(
    r"(?<!\d)(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, for matching words whatever their accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_text(value: str | None) -> str:
    """Unescape entities and collapse runs of whitespace (including no-break spaces) to one space."""
    if value is None:
        return ""
    return re.sub(r"\s+", " ", unescape(str(value)).replace("\u00a0", " ")).strip()


def _zone(tz: str | ZoneInfo) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def _at(day: date, clock: time | None, tz: ZoneInfo, end_of_day: bool) -> datetime:
    if clock is None:
        clock = END_OF_DAY if end_of_day else time(0, 0)
    return datetime.combine(day, clock).replace(tzinfo=tz)


class _Found(NamedTuple):
    """A date found in a text: its place, its day, and the moment when the text gives a time."""

    position: int
    day: date
    moment: datetime | None


def _parse_iso(match: re.Match[str], tz: ZoneInfo) -> _Found | None:
    try:
        day = date.fromisoformat(match["date"])
    except ValueError:
        return None
    if not match["time"]:
        return _Found(match.start(), day, None)
    offset = match["offset"] or ""
    if offset and offset != "Z" and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        value = datetime.fromisoformat(f"{match['date']}T{match['time']}{offset}")
    except ValueError:
        return None
    return _Found(match.start(), day, value if value.tzinfo else value.replace(tzinfo=tz))


def _parse_local(match: re.Match[str], tz: ZoneInfo, languages: tuple[str, ...]) -> _Found | None:
    if match["month"]:
        month = int(match["month"])
    else:
        month = MONTHS.get(fold(match["month_name"]).rstrip("."), 0)
        if not month:
            month = _month_from_dateparser(match["month_name"], languages)
        if not month:
            return None
    try:
        day = date(int(match["year"]), month, int(match["day"]))
        clock = time(int(match["hour"]), int(match["minute"])) if match["hour"] else None
    except ValueError:
        return None
    return _Found(match.start(), day, _at(day, clock, tz, False) if clock else None)


@functools.lru_cache(maxsize=256)
def _month_from_dateparser(name: str, languages: tuple[str, ...]) -> int:
    import dateparser  # slow to import; only needed for month names outside the table

    parsed = dateparser.parse(
        f"1 {name} 2000",
        languages=list(languages) or None,
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.month if parsed else 0


def _find(text: str | None, zone: ZoneInfo, languages: tuple[str, ...]) -> list[_Found]:
    """Every date in ``text`` in order of appearance, with its time where the text gives one."""
    if not text:
        return []
    text = clean_text(text)
    found: list[_Found] = []
    for match in ISO_RE.finditer(text):
        value = _parse_iso(match, zone)
        if value:
            found.append(value)
    masked = ISO_RE.sub(lambda m: " " * len(m.group()), text)
    for match in DATE_RE.finditer(masked):
        value = _parse_local(match, zone, languages)
        if value:
            found.append(value)
    if not found:
        value = _parse_with_dateparser(text, zone, languages)
        return [value] if value else []
    return sorted(found, key=lambda value: value.position)


def find_dates(
    text: str | None,
    *,
    tz: str | ZoneInfo = "UTC",
    languages: Iterable[str] = ("en",),
    end_of_day: bool = False,
) -> list[datetime]:
    """Every date in ``text``, in order of appearance, as aware datetimes in ``tz``.

    ``end_of_day`` decides what a date without a time means: 23:59:59 or 00:00. Deadlines keep a
    bare date as a date instead (``find_deadlines``).
    """
    zone = _zone(tz)
    return [value.moment or _at(value.day, None, zone, end_of_day) for value in _find(text, zone, tuple(languages))]


def find_deadlines(
    text: str | None, *, tz: str | ZoneInfo = "UTC", languages: Iterable[str] = ("en",)
) -> list[date | datetime]:
    """Every deadline in ``text``, in order of appearance: an aware datetime when the text gives the
    time (``do 12:00``), else the day as a ``date`` (which counts until that day's end, see
    ``deadline_moment``)."""
    return [value.moment or value.day for value in _find(text, _zone(tz), tuple(languages))]


def _parse_with_dateparser(text: str, tz: ZoneInfo, languages: tuple[str, ...]) -> _Found | None:
    if len(text) > 80 or not re.search(r"\d", text):
        return None  # dateparser guesses wildly on sentences; it is only asked about short values
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=list(languages) or None,
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}(?!\d)(?!\.\d)", text)) and (parsed.hour or parsed.minute)
    return _Found(0, parsed.date(), _at(parsed.date(), parsed.time(), tz, False) if has_time else None)


def parse_date(
    text: str | None,
    *,
    tz: str | ZoneInfo = "UTC",
    languages: Iterable[str] = ("en",),
    end_of_day: bool = False,
) -> datetime | None:
    """The first date in ``text`` (see ``find_dates``), or ``None``."""
    dates = find_dates(text, tz=tz, languages=languages, end_of_day=end_of_day)
    return dates[0] if dates else None


def parse_deadline(
    text: str | None, *, tz: str | ZoneInfo = "UTC", languages: Iterable[str] = ("en",)
) -> date | datetime | None:
    """The last deadline in ``text`` ("open until 12 August"): a date, or a datetime when a time is given."""
    deadlines = find_deadlines(text, tz=tz, languages=languages)
    return deadlines[-1] if deadlines else None


def parse_date_range(
    text: str | None, *, tz: str | ZoneInfo = "UTC", languages: Iterable[str] = ("en",)
) -> tuple[datetime | None, date | datetime | None]:
    """``(start, end)`` of a range such as ``16. 7. 2026 - 17. 12. 2026``.

    The start of a bare date is 00:00 of that day; the end is a deadline, so a bare date stays a
    date (``find_deadlines``). A single date is taken as the end: sources that give one date give
    the deadline ("odprt do 12. avgusta 2026").
    """
    starts = find_dates(text, tz=tz, languages=languages, end_of_day=False)
    ends = find_deadlines(text, tz=tz, languages=languages)
    if not ends:
        return None, None
    if len(ends) == 1:
        return None, ends[0]
    return starts[0], ends[-1]


def deadline_moment(value: date | datetime, tz: str | ZoneInfo = "UTC") -> datetime:
    """The moment a deadline passes: a datetime is one already; a day lasts until 23:59:59 in ``tz``."""
    if isinstance(value, datetime):
        return value
    return _at(value, None, _zone(tz), True)


def sorted_unique(values: Iterable[datetime | None]) -> list[datetime]:
    """Datetimes without ``None`` and repeats, earliest first."""
    seen: dict[datetime, None] = {}
    for value in values:
        if value is not None:
            seen.setdefault(value, None)
    return sorted(seen)


def sorted_deadlines(values: Iterable[date | datetime | None], tz: str | ZoneInfo = "UTC") -> list[date | datetime]:
    """Deadlines without ``None`` and repeats, in the order they pass (a day at its end in ``tz``)."""
    zone = _zone(tz)
    seen: dict[date | datetime, None] = {}
    for value in values:
        if value is not None:
            seen.setdefault(value, None)
    return sorted(seen, key=lambda value: (deadline_moment(value, zone), isinstance(value, datetime)))


class Money(NamedTuple):
    amount: Decimal
    currency: str | None


CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "eura": "EUR", "evrov": "EUR", "kc": "CZK", "czk": "CZK"}
CURRENCIES |= {"$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP"}
_CURRENCY = r"(?:€|\$|£|EUR\b|EURO?\b|eur(?:a|ov)?\b|evrov\b|Kč|Kc\b|CZK\b|USD\b|GBP\b)"
_MULTIPLIER = r"(?:mld\.?|miliard\w*|mil\.?|milion\w*|million\w*|mio\.?|tis\.?|tisoč|thousand)"
MULTIPLIERS = {"mld": 10**9, "miliard": 10**9, "mil": 10**6, "milion": 10**6, "million": 10**6, "mio": 10**6}
MULTIPLIERS |= {"tis": 10**3, "tisoc": 10**3, "thousand": 10**3}
_NUMBER = r"\d{1,3}(?:(?:[ \u00a0\u202f.,'])\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
AMOUNT_RE = re.compile(
    rf"(?P<cur1>{_CURRENCY})?\s*(?P<number>{_NUMBER})(?:,-)?\s*(?P<mult>{_MULTIPLIER})?\s*(?P<cur2>{_CURRENCY})?",
    re.IGNORECASE,
)


def parse_number(text: str) -> Decimal | None:
    """``48.825,00`` → 48825.00, ``2,000,000`` → 2000000, ``1 500 000`` → 1500000, ``12.5`` → 12.5."""
    text = re.sub(r"[\s\u00a0\u202f']", "", text).rstrip(",-")
    if not text:
        return None
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        text = text.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        parts = text.split(sep)
        thousands = len(parts) > 2 or (len(parts[-1]) == 3 and len(parts[0]) <= 3)  # groups of three
        text = "".join(parts) if thousands else ".".join(parts)
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _currency(word: str | None) -> str | None:
    if not word:
        return None
    return CURRENCIES.get(fold(word).rstrip("."), CURRENCIES.get(word))


def parse_amounts(text: str | None, default_currency: str | None = None) -> list[Money]:
    """Every amount of money in ``text``; amounts with a currency or a multiplier only.

    A bare number ("2026", "3 projects") is not money; a number with a currency sign or code before
    or after it is, and so is one with a multiplier ("2 mil. Kč", "EUR 2 million").
    """
    if not text:
        return []
    text = clean_text(text)
    found: list[Money] = []
    for match in AMOUNT_RE.finditer(text):
        currency = _currency(match["cur1"]) or _currency(match["cur2"])
        if not currency and not match["mult"]:
            continue
        number = parse_number(match["number"])
        if number is None:
            continue
        if match["mult"]:
            key = re.sub(r"\W.*", "", fold(match["mult"]))
            key = next((k for k in MULTIPLIERS if key.startswith(k)), None)
            if key:
                number *= MULTIPLIERS[key]
        found.append(Money(number, currency or default_currency))
    return found


def parse_amount(text: str | None, default_currency: str | None = None) -> Money | None:
    """The first amount of money in ``text`` (see ``parse_amounts``); a bare number counts too."""
    amounts = parse_amounts(text, default_currency)
    if amounts:
        return amounts[0]
    if text and re.fullmatch(rf"\s*(?:{_NUMBER})\s*", clean_text(text)):
        number = parse_number(clean_text(text))
        return Money(number, default_currency) if number is not None else None
    return None


PERCENT_RE = re.compile(r"(?P<number>\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent\w*|odstot\w*|per ?cent)", re.IGNORECASE)


def parse_percent(text: str | None) -> Decimal | None:
    """The first percentage in ``text``: ``80 %``, ``85,5 %``, ``70 procent`` → Decimal."""
    match = PERCENT_RE.search(clean_text(text)) if text else None
    if not match:
        return None
    value = Decimal(match["number"].replace(",", "."))
    return value if 0 <= value <= 100 else None


# Languages the detector chooses among: the region's, its neighbours' and English. Restricting the
# set is what makes short Czech and Slovenian texts come out right (against Slovak or Croatian).
DETECTABLE_LANGUAGES = ("cs", "sk", "sl", "hr", "en", "de", "pl", "hu", "it", "fr")
MIN_CONFIDENCE = 0.8
MIN_LETTERS = 20


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTABLE_LANGUAGES))
    return identifier


def detect_language(text: str | None, default: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``default`` when the text is too short to tell.

    py3langid (a maintained fork of langid.py: a small naive-Bayes model shipped in the package,
    deterministic, no network) restricted to ``DETECTABLE_LANGUAGES``. Below ``MIN_LETTERS`` letters
    or ``MIN_CONFIDENCE`` the source's own language (``default``) is the better guess.
    """
    text = clean_text(text)
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return default
    language, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE and default:
        return default
    return language


def _compiled(keywords: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {slug: re.compile(r"(?<!\w)(?:" + "|".join(words) + ")") for slug, words in keywords.items()}


_APPLICANT_PATTERNS = _compiled(vocabulary.APPLICANT_KEYWORDS)
_SECTOR_PATTERNS = _compiled(vocabulary.SECTOR_KEYWORDS)


def map_applicant_types(text: str | None) -> list[str]:
    """Applicant-type slugs named in ``text`` (Czech, Slovenian or English), in vocabulary order."""
    if not text:
        return []
    remaining = fold(clean_text(text))
    found = set()
    for slug, pattern in _APPLICANT_PATTERNS.items():
        if pattern.search(remaining):
            found.add(slug)
            remaining = pattern.sub(" ", remaining)
    return [slug for slug in vocabulary.APPLICANT_TYPES if slug in found]


def map_sectors(text: str | None) -> list[str]:
    """CCI sector slugs named in ``text``, in vocabulary order."""
    if not text:
        return []
    folded = fold(clean_text(text))
    return [slug for slug in vocabulary.SECTORS if _SECTOR_PATTERNS[slug].search(folded)]


SUPPORT_KIND_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("loan", r"(?<!\w)(?:uver\w*|pujck\w*|posojil\w*|kredit\w*|loans?\b|microcredit)"),
    ("voucher", r"(?<!\w)(?:voucher\w*|vavcer\w*|poukaz\w*|vale\b)"),
    ("prize", r"(?<!\w)(?:nagrad\w*|prize\w*|award\w*|soutez\w*|competition\b)"),
    ("residency", r"(?<!\w)(?:rezidenc\w*|residenc\w*|residency|artist.in.residence)"),
    ("mobility", r"(?<!\w)(?:mobilit\w*|travel grant\w*|stipendi\w* na cest\w*)"),
    ("procurement", r"(?<!\w)(?:verejn\w* zakazk\w*|javn\w* narocil\w*|procurement|tender\b)"),
    (
        "grant",
        r"(?<!\w)(?:dotac\w*|grant\w*|nepovratn\w*|subvenc\w*|sofinanc\w*|spolufinanc\w*|prispev\w*|financial support"
        r"|funding|call for proposals|javni razpis|spodbud\w*|cascade)",
    ),
)
_SUPPORT_KIND_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in SUPPORT_KIND_KEYWORDS)


def guess_support_kind(text: str | None, default: str = "other") -> str:
    """The kind of support ``text`` describes: the first of loan, voucher, prize, residency,
    mobility, procurement, grant that it names, else ``default``."""
    folded = fold(clean_text(text))
    for kind, pattern in _SUPPORT_KIND_PATTERNS:
        if pattern.search(folded):
            return kind
    return default
