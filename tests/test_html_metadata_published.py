"""Tests for newsmodel.html.metadata._published: weighing the dates a page states."""

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from newsmodel.html.metadata._published import Dated, choose_published, localize, same_day

UTC = timezone.utc
CET = timezone(timedelta(hours=1))


def never() -> Callable[[], None]:
    """A callable the rules must not need: calling it fails the test."""

    def called() -> None:
        raise AssertionError("evidence read although the machine dates agree")

    return called


def given_date(dated: Dated | None) -> Callable[[], Dated | None]:
    return lambda: dated


def choose(
    machine: list[Dated],
    generic: list[Dated] = [],  # noqa: B006  # never mutated
    page: list[Dated] = [],  # noqa: B006  # never mutated
    *,
    shown: Dated | None = None,
    referee: Dated | None = None,
    modified: datetime | None = None,
) -> Dated | None:
    return choose_published(
        machine,
        generic,
        lambda: page,
        shown=given_date(shown),
        referee=given_date(referee if referee is not None else shown),
        modified=modified,
    )


class TestSameDay:
    def test_same_calendar_date(self) -> None:
        """Two moments on one calendar date are on the same day, whatever their times."""
        assert same_day(datetime(2024, 3, 5, 1), datetime(2024, 3, 5, 23, tzinfo=CET))

    def test_one_moment_in_two_zones(self) -> None:
        """23:30 UTC and 00:30 the next day at +01:00 are one moment: the same day."""
        assert same_day(datetime(2024, 3, 4, 23, 30, tzinfo=UTC), datetime(2024, 3, 5, 0, 30, tzinfo=CET))

    def test_different_days(self) -> None:
        """Different dates that are not one moment are different days, naive or aware."""
        assert not same_day(datetime(2024, 3, 4, 23, 30), datetime(2024, 3, 5, 0, 30, tzinfo=CET))
        assert not same_day(datetime(2024, 3, 4, tzinfo=UTC), datetime(2024, 3, 5, tzinfo=UTC))


class TestChoosePublished:
    def test_agreeing_machine_dates(self) -> None:
        """Machine dates on one day: the first wins and no other evidence is read."""
        first = Dated(datetime(2024, 3, 5, 10, tzinfo=CET), "json-ld:datePublished")
        other = Dated(datetime(2024, 3, 5, 9, tzinfo=UTC), "meta:article:published_time")
        chosen = choose_published([first, other], [], never(), shown=never(), referee=never(), modified=None)
        assert chosen == first

    def test_disagreeing_machine_dates_settled_by_the_printed_day(self) -> None:
        """When machine dates disagree, the first on the day the page prints wins."""
        ld = Dated(datetime(2024, 3, 1, 10), "json-ld:datePublished")
        meta = Dated(datetime(2024, 3, 5, 10), "meta:article:published_time")
        printed = Dated(datetime(2024, 3, 5), "html:text", timed=False)
        assert choose([ld, meta], referee=printed) == meta

    def test_generic_dates_count_as_disagreement(self) -> None:
        """A generic machine date on another day also calls the printed date in, and can win."""
        ld = Dated(datetime(2024, 11, 17, 10), "meta:article:published_time")
        time = Dated(datetime(2024, 3, 9), "html:time")
        printed = Dated(datetime(2024, 3, 9), "html:text", timed=False)
        assert choose([ld], [time], referee=printed) == time

    def test_disagreement_without_a_printed_match(self) -> None:
        """Disagreeing machine dates with no printed date, or none on its day, keep the first."""
        ld = Dated(datetime(2024, 3, 1), "json-ld:datePublished")
        meta = Dated(datetime(2024, 3, 5), "meta:article:published_time")
        assert choose([ld, meta]) == ld
        assert choose([ld, meta], referee=Dated(datetime(2024, 2, 1), "html:text")) == ld

    def test_generic_date_yields_to_the_printed_day(self) -> None:
        """Without machine dates, a generic date on another day than the printed one loses."""
        meta_date = Dated(datetime(2024, 3, 12), "meta:date")
        url = Dated(datetime(2024, 3, 5), "url:path", timed=False)
        printed = Dated(datetime(2024, 3, 5, 14), "html:text")
        assert choose([], [meta_date], [url, printed], shown=printed) == url  # the first on that day
        assert choose([], [meta_date], [printed], shown=printed) == printed

    def test_generic_date_kept_when_the_page_agrees_or_prints_none(self) -> None:
        """A generic date stands when the printed date is on its day, or there is none."""
        meta_date = Dated(datetime(2024, 3, 12, 8), "meta:date")
        assert choose([], [meta_date], shown=Dated(datetime(2024, 3, 12), "html:text")) == meta_date
        assert choose([], [meta_date]) == meta_date

    def test_generic_date_after_the_modification_is_skipped(self) -> None:
        """A page is not published after its last change: such a generic date is passed over."""
        late = Dated(datetime(2024, 3, 12), "meta:date")
        url = Dated(datetime(2024, 3, 5), "url:path", timed=False)
        assert choose([], [late], [url], modified=datetime(2024, 3, 6)) == url
        assert choose([], [late], [url], modified=datetime(2024, 3, 12, 9)) == late

    def test_nothing_stated(self) -> None:
        """No date anywhere gives None."""
        assert choose([]) is None


class TestLocalize:
    def test_local_day_from_a_bare_date(self) -> None:
        """23:11 UTC with the URL saying the next day: the URL's local day is taken."""
        chosen = Dated(datetime(2024, 12, 31, 23, 11, tzinfo=UTC), "meta:article:published_time")
        url = Dated(datetime(2025, 1, 1), "url:path", timed=False)
        assert localize(chosen, [url]) == url

    def test_offset_from_a_local_time(self) -> None:
        """02:41 UTC printed as 22:41 the day before: the instant is kept, at offset -04:00."""
        chosen = Dated(datetime(2024, 5, 4, 2, 41, 30, tzinfo=UTC), "json-ld:datePublished")
        printed = Dated(datetime(2024, 5, 3, 22, 41), "html:text")
        result = localize(chosen, [printed])
        assert result.moment == chosen.moment
        assert result.moment.utcoffset() == timedelta(hours=-4)
        assert result.source == "html:text"

    def test_impossible_offsets_are_no_local_statement(self) -> None:
        """Offsets beyond real zones or off the quarter hour leave the UTC value as it is."""
        chosen = Dated(datetime(2024, 5, 4, 2, 41, tzinfo=UTC), "json-ld:datePublished")
        for printed in (datetime(2024, 5, 3, 22, 48), datetime(2024, 5, 5, 20, 41)):
            assert localize(chosen, [Dated(printed, "html:text")]) == chosen

    def test_bare_dates_a_real_zone_cannot_reach(self) -> None:
        """A local day no zone can put that instant on leaves the UTC value as it is."""
        early = Dated(datetime(2024, 3, 4, 3, 0, tzinfo=UTC), "json-ld:datePublished")
        late = Dated(datetime(2024, 3, 4, 15, 0, tzinfo=UTC), "json-ld:datePublished")
        assert localize(early, [Dated(datetime(2024, 3, 5), "url:path", timed=False)]) == early  # +21h
        assert localize(late, [Dated(datetime(2024, 3, 3), "url:path", timed=False)]) == late  # -15h
        assert localize(late, [Dated(datetime(2024, 3, 6), "url:path", timed=False)]) == late

    def test_only_utc_values_yield(self) -> None:
        """A value with a non-zero offset or none is local already, or unknown: kept."""
        url = Dated(datetime(2024, 3, 5), "url:path", timed=False)
        for moment in (datetime(2024, 3, 4, 23, 30, tzinfo=CET), datetime(2024, 3, 4, 23, 30)):
            chosen = Dated(moment, "json-ld:datePublished")
            assert localize(chosen, [url]) == chosen

    def test_aware_statements_are_not_local_wall_times(self) -> None:
        """A statement with its own offset says nothing about the local wall time."""
        chosen = Dated(datetime(2024, 3, 4, 23, 30, tzinfo=UTC), "json-ld:datePublished")
        stated = Dated(datetime(2024, 3, 5, 0, 30, tzinfo=CET), "html:text")
        assert localize(chosen, [stated]) == chosen

    @given(
        st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
        st.lists(st.tuples(st.integers(-48 * 60, 48 * 60), st.booleans()), max_size=4),
    )
    def test_never_moves_an_instant(self, moment: datetime, statements: list[tuple[int, bool]]) -> None:
        """The result is the chosen instant (maybe in another real offset) or a local day beside it."""
        chosen = Dated(moment.replace(tzinfo=UTC), "json-ld:datePublished")
        local = [Dated(moment + timedelta(minutes=m), "html:text", timed=t) for m, t in statements]
        result = localize(chosen, local)
        if result.moment.tzinfo is not None:
            assert result.moment == chosen.moment
            offset = result.moment.utcoffset()
            assert offset is not None
            assert -timedelta(hours=12) <= offset <= timedelta(hours=14)
        else:
            assert result in local
            assert abs(result.moment.date() - chosen.moment.date()) == timedelta(days=1)
