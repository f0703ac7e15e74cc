"""The per-person limit on questions: five in any ten seconds, then a quiet reaction."""

from __future__ import annotations

from bot.chat.conversation import AskLimiter


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_five_questions_in_ten_seconds_then_no_more() -> None:
    clock = Clock()
    limiter = AskLimiter(limit=5, window=10.0, clock=clock)
    assert [limiter.allow(1) for _ in range(6)] == [True] * 5 + [False]


def test_the_window_slides() -> None:
    clock = Clock()
    limiter = AskLimiter(limit=5, window=10.0, clock=clock)
    for t in (0, 1, 2, 3, 4):
        clock.now = t
        assert limiter.allow(1)
    clock.now = 9.9
    assert not limiter.allow(1)
    clock.now = 10.0  # the question at 0 s has left the window
    assert limiter.allow(1)
    assert not limiter.allow(1)


def test_refused_questions_do_not_extend_the_wait() -> None:
    clock = Clock()
    limiter = AskLimiter(limit=1, window=10.0, clock=clock)
    assert limiter.allow(1)
    for t in (2, 4, 6, 8):
        clock.now = t
        assert not limiter.allow(1)
    clock.now = 10.0
    assert limiter.allow(1)


def test_each_person_has_a_limit_of_their_own() -> None:
    limiter = AskLimiter(limit=1, window=10.0, clock=Clock())
    assert limiter.allow(1) and limiter.allow(2)
    assert not limiter.allow(1)
