"""Calendar arithmetic shared by the resolvers: safe dates, whole months and years."""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["Bounds", "safe_date", "shift_month", "short_year", "whole_month", "whole_year"]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def short_year(two: int, published: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year at most 5 years ahead."""
    pivot = (published.year if published else 2025) + 5
    year = pivot // 100 * 100 + two
    return year - 100 if year > pivot else year


def whole_year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def whole_month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


Bounds = tuple[date | None, date | None]
