"""Tests for newsmodel.html.metadata._dates: structured values, running text, URL paths."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.html.metadata._dates import date_in_url, find_date, month_number, parse_date, search_date

CET = timezone(timedelta(hours=1))


class TestParseDate:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2024-03-05T10:30:00+01:00", datetime(2024, 3, 5, 10, 30, tzinfo=CET)),
            ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)),
            ("2024-03-05T10:30:00.123+0100", datetime(2024, 3, 5, 10, 30, 0, 123000, tzinfo=CET)),
            ("2024-03-05 10:30 CET", datetime(2024, 3, 5, 10, 30, tzinfo=CET)),
            ("20240305", datetime(2024, 3, 5)),
            ("Tue, 05 Mar 2024 09:30:00 GMT", datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)),
        ],
    )
    def test_keeps_the_stated_zone(self, value: str, expected: datetime) -> None:
        """An offset, ``Z`` or a known zone name is kept as the datetime's zone."""
        assert parse_date(value) == expected
        assert parse_date(value).utcoffset() == expected.utcoffset()  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        "value", ["2024-03-05T10:30:00", "5. März 2024, 10:30 Uhr", "March 5, 2024 10:30 am"]
    )
    def test_no_zone_stays_naive(self, value: str) -> None:
        """A value that states no zone gives a naive datetime: no zone is invented."""
        moment = parse_date(value)
        assert moment is not None
        assert moment.tzinfo is None
        assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == (2024, 3, 5, 10, 30)

    @pytest.mark.parametrize(
        "value",
        [
            "5. März 2024",
            "5 mars 2024",
            "5 de marzo de 2024",
            "5 marzo 2024",
            "5 de março de 2024",
            "5 maart 2024",
            "5 mars 2024 kl. 10.30",
            "5 marca 2024",
            "5 марта 2024",
            "5 Mart 2024",
            "March 5th, 2024",
            "Mar. 5, 2024",
            "05.03.2024",
            "5.3.2024",
            "2024/03/05",
        ],
    )
    def test_month_names_and_numeric_forms(self, value: str) -> None:
        """Dates with month names in many languages, and numeric day-first forms, are read."""
        moment = parse_date(value)
        assert moment is not None
        assert moment.date() == datetime(2024, 3, 5).date()

    def test_slashes_follow_dayfirst(self) -> None:
        """03/05/2024 is 3 May day-first and March 5 month-first; an impossible month settles it."""
        assert parse_date("03/05/2024", dayfirst=True) == datetime(2024, 5, 3)
        assert parse_date("03/05/2024", dayfirst=False) == datetime(2024, 3, 5)
        assert parse_date("13/05/2024", dayfirst=False) == datetime(2024, 5, 13)

    @pytest.mark.parametrize(
        "value", ["", "yesterday", "March 2024", "2024", "1709631000", "2024-02-30", "99.99.2024"]
    )
    def test_no_date(self, value: str) -> None:
        """Text without a full, real date gives None (a day is never taken from a default)."""
        assert parse_date(value) is None

    def test_twelve_pm_and_midnight(self) -> None:
        """12 pm is noon and 12 am is midnight."""
        assert parse_date("March 5, 2024 12:15 pm") == datetime(2024, 3, 5, 12, 15)
        assert parse_date("March 5, 2024 12:15 am") == datetime(2024, 3, 5, 0, 15)

    @given(st.text(max_size=200))
    def test_never_raises(self, value: str) -> None:
        """Any string gives a datetime or None."""
        result = parse_date(value)
        assert result is None or isinstance(result, datetime)

    @given(
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
        st.integers(min_value=-14 * 60, max_value=14 * 60),
    )
    def test_iso_round_trip(self, moment: datetime, minutes: int) -> None:
        """Any ISO 8601 timestamp with an offset reads back as the same moment and offset."""
        aware = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
        assert parse_date(aware.isoformat()) == aware
        assert parse_date(aware.isoformat()).utcoffset() == aware.utcoffset()  # type: ignore[union-attr]


class TestFindDate:
    def test_first_date_in_text(self) -> None:
        """The first date in running text is found, whichever form comes first."""
        text = "Von Jane Doe | Veröffentlicht am 5. März 2024, 14:09 Uhr | Aktualisiert 06.03.2024"
        assert find_date(text) == datetime(2024, 3, 5, 14, 9)
        assert find_date("Posted 06.03.2024 - updated March 7, 2024") == datetime(2024, 3, 6)

    def test_words_that_are_no_month(self) -> None:
        """A number, a word and a year are no date unless the word is a month."""
        assert find_date("In 12 cities 2024 was warm") is None

    def test_two_digit_years_with_dots(self) -> None:
        """Dotted day-first dates with two-digit years are read in their century."""
        assert find_date("erschienen 28.01.22") == datetime(2022, 1, 28)

    def test_long_text_is_linear(self) -> None:
        """Long input without dates is scanned in linear time (no pathological backtracking)."""
        text = "1 " * 20_000 + "12 apples " * 5_000 + "1." * 20_000
        assert find_date(text) is None
        assert find_date(text * 10) is None

    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Any text gives a datetime or None."""
        result = find_date(text)
        assert result is None or isinstance(result, datetime)


class TestSearchDate:
    def test_place_and_time(self) -> None:
        """A found date says where its words are and whether a time of day was written."""
        text = "Von Jane Doe | 5. März 2024, 14:09 Uhr | Text"
        found = search_date(text)
        assert found is not None
        assert found.moment == datetime(2024, 3, 5, 14, 9)
        assert text[found.start : found.end].startswith("5. März 2024, 14:09")
        assert found.timed

    def test_bare_date(self) -> None:
        """A date without a time of day is not timed and ends with its year."""
        text = "Posted 06.03.2024 by the desk"
        found = search_date(text)
        assert found is not None
        assert (found.moment, found.timed) == (datetime(2024, 3, 6), False)
        assert text[found.start : found.end] == "06.03.2024"

    def test_time_range_is_no_offset(self) -> None:
        """ "10:00-11:30" is a range of times: the first is read, the second is no UTC offset."""
        found = search_date("19.1.2024, 10:00-11:30 Uhr")
        assert found is not None
        assert found.moment == datetime(2024, 1, 19, 10, 0)
        assert found.moment.tzinfo is None

    def test_offsets_still_read(self) -> None:
        """Offsets written after seconds, or after UTC/GMT, are still read."""
        assert find_date("5 March 2024 10:00:00+01:00") == datetime(2024, 3, 5, 10, tzinfo=CET)
        assert find_date("March 5, 2024 10:00 UTC+1") == datetime(2024, 3, 5, 10, tzinfo=CET)

    @given(st.text(max_size=300))
    def test_place_points_at_the_date(self, text: str) -> None:
        """Whatever the text, a found date's span lies inside it and starts with a digit or letter."""
        found = search_date(text)
        if found is not None:
            assert 0 <= found.start < found.end <= len(text)
            assert text[found.start].isalnum()


class TestDateInUrl:
    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/2024/03/05/storm-hits-coast",
            "https://example.com/2024/3/5/storm",
            "https://example.com/news/2024-03-05-storm.html",
            "https://example.com/news/storm_20240305.html",
        ],
    )
    def test_reads_path_dates(self, url: str) -> None:
        """Year, month and day in a path give that date."""
        assert date_in_url(url) == datetime(2024, 3, 5)

    @pytest.mark.parametrize(
        "url", ["https://example.com/2024/03/storm", "https://example.com/id/12345678901"]
    )
    def test_no_full_date(self, url: str) -> None:
        """A path without a full date gives None."""
        assert date_in_url(url) is None


class TestMonthNumber:
    def test_names_and_abbreviations(self) -> None:
        """Month names and abbreviations in several languages, any case, give their number."""
        assert month_number("März") == month_number("MAR.") == month_number("marzo") == 3
        assert month_number("déc") == month_number("Dezember") == 12
        assert month_number("Montag") is None
