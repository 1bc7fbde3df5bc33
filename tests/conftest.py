"""Shared test configuration: hypothesis profiles, the ``fuzz`` marker and a hang guard.

Profiles (choose with ``HYPOTHESIS_PROFILE``; ``.ci/run`` sets ``ci``):

====================  ==============  ====================================================
profile               max_examples    used by
====================  ==============  ====================================================
``dev`` (default)     100             every property test, locally
``ci``                100             every property test in CI (the fuzz ones get more)
``dev-fuzz``          100             tests marked ``@pytest.mark.fuzz``, locally
``ci-fuzz``           1,000           tests marked ``@pytest.mark.fuzz``, in CI
====================  ==============  ====================================================

A test marked ``fuzz`` gets the ``<profile>-fuzz`` settings of the active profile (when one is
registered); it must not carry its own ``@settings``.

The ``bounded`` fixture runs a function in a forked child process with a time and memory
budget, so that a hang (also inside C code such as libxml2) or a runaway allocation fails the
test instead of stalling the suite. It is a guard, not a timer: budgets are generous.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

from newsmodel import InputError, LimitExceededError, NewsmodelError

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev-fuzz", max_examples=100, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("ci-fuzz", max_examples=1_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

FUZZ_MARKER = "fuzz"
HANG_SECONDS = 300.0
"""Default budget of a :func:`bounded` run: far beyond what linear code needs."""
EXTRA_MEMORY = 6 * 2**30
"""Address space a :func:`bounded` child may add to what it inherits."""


def fuzz_settings() -> settings:
    """The settings fuzz-marked tests run with under the active profile."""
    name = settings.get_current_profile_name()
    try:
        return settings.get_profile(f"{name}-fuzz")
    except InvalidArgument:  # an ad-hoc profile without a fuzz variant: use it as is
        return settings.get_profile(name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{FUZZ_MARKER}: a fuzz property; runs with the '<profile>-fuzz' hypothesis profile"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = fuzz_settings()
    for item in items:
        if item.get_closest_marker(FUZZ_MARKER) is None or not isinstance(item, pytest.Function):
            continue
        function = item.function
        if not getattr(function, "is_hypothesis_test", False):
            raise pytest.UsageError(f"{item.nodeid}: the fuzz marker is for hypothesis tests")
        if getattr(function, "_fuzz_settings_applied", False):
            continue
        try:
            chosen(function)
        except InvalidArgument:
            raise pytest.UsageError(f"{item.nodeid}: a fuzz test must not carry its own @settings") from None
        function._fuzz_settings_applied = True  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# The hang guard


@dataclass(frozen=True)
class Outcome:
    """How a :func:`bounded` call ended: a value, or an exception described by name."""

    value: Any = None
    error: str | None = None
    """Qualified name of the exception class, when the call raised."""
    message: str = ""
    newsmodel: bool = False
    """Whether the exception was a :class:`NewsmodelError`."""
    input_error: bool = False
    """Whether it was an :class:`~newsmodel.InputError`."""
    limit: str | None = None
    """``LimitExceededError.limit``, when that was raised."""
    trace: str = ""

    def result(self) -> Any:
        """The value; fails the test with the child's traceback if anything but a value came back."""
        if self.error is not None:
            pytest.fail(f"raised {self.error}: {self.message}\n{self.trace}")
        return self.value

    def result_or_input_error(self) -> Any:
        """The value, or ``None`` after an InputError; anything else fails the test."""
        if self.error is not None and not self.input_error:
            pytest.fail(f"raised {self.error} (not an InputError): {self.message}\n{self.trace}")
        return self.value


def _describe(exc: BaseException) -> Outcome:
    return Outcome(
        error=f"{type(exc).__module__}.{type(exc).__qualname__}",
        message=str(exc)[:2000],
        newsmodel=isinstance(exc, NewsmodelError),
        input_error=isinstance(exc, InputError),
        limit=exc.limit if isinstance(exc, LimitExceededError) else None,
        trace="".join(traceback.format_exception(exc))[-6000:],
    )


def _child(
    connection: Any, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    limit = _address_space() + EXTRA_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _stop_coverage()
    gc.freeze()  # the objects inherited from the test process are no garbage of the child's
    try:
        outcome = Outcome(value=function(*args, **kwargs))
    except BaseException as exc:  # reported to the parent, which judges it
        outcome = _describe(exc)
    connection.send(outcome)
    connection.close()


def _stop_coverage() -> None:
    """Stop coverage measurement inherited through fork: the child never saves it, only pays for it."""
    try:
        import coverage
    except ImportError:
        return
    for _ in range(10):  # every started instance: under pytest-xdist a worker has two
        current = coverage.Coverage.current()
        if current is None:
            return
        current.stop()


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def run_bounded(
    function: Callable[..., Any], *args: Any, seconds: float = HANG_SECONDS, **kwargs: Any
) -> Outcome:
    """Run ``function(*args, **kwargs)`` in a forked child; fail the test if it hangs or dies.

    The return value must be picklable and should be small (a summary, not an article).
    Where ``fork`` is unavailable the call runs in this process, unguarded.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or not sys.platform.startswith("linux"):
        try:
            return Outcome(value=function(*args, **kwargs))
        except Exception as exc:  # judged by the caller, as in the child
            return _describe(exc)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, kwargs), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            child.kill()
            child.join()
            pytest.fail(f"{getattr(function, '__name__', function)} did not finish within {seconds:.0f} s")
        try:
            outcome: Outcome = receiver.recv()
        except EOFError:
            child.join()
            pytest.fail(f"the child process died (exit code {child.exitcode}) without a result")
    finally:
        receiver.close()
    child.join()
    return outcome


@pytest.fixture
def bounded() -> Callable[..., Outcome]:
    """:func:`run_bounded`, as a fixture."""
    return run_bounded
