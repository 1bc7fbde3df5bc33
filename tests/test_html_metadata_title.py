"""Tests for newsmodel.html.metadata._title: site names and dates around headlines."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.html.metadata._title import drop_dates, names_site, strip_site

SITE = frozenset({"exampletimes"})


class TestDropDates:
    @pytest.mark.parametrize(
        "title",
        [
            "05.03.2024 - Harbour bridge to close",
            "Harbour bridge to close | Tuesday, 5 March 2024",
            "5 March 2024 | Harbour bridge to close | 06.03.2024",
        ],
    )
    def test_date_segments_at_the_ends(self, title: str) -> None:
        """Segments at either end that are only a date go."""
        assert drop_dates(title) == "Harbour bridge to close"

    def test_dates_inside_the_headline_stay(self) -> None:
        """A date that is part of a segment's words is part of the headline."""
        title = "Protocol of the meeting of 5 March 2024 | Minutes"
        assert drop_dates(title) == title
        assert drop_dates("05.03.2024") == "05.03.2024"


class TestNamesSite:
    def test_site_names_and_hosts(self) -> None:
        """A segment that is one of the site's names, or contains it in a few words, names it."""
        assert names_site("The Example Times", SITE)
        assert names_site("exampletimes.com", SITE)
        assert not names_site("Harbour bridge to close", SITE)


class TestStripSite:
    @given(st.text(max_size=120))
    def test_result_is_part_of_the_title(self, title: str) -> None:
        """Whatever the title, what is kept is a piece of it."""
        assert strip_site(title, site_keys=SITE, headings=[], suffixed=True) in title
