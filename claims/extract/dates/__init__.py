"""Dates and periods in news text, resolved to ISO bounds against the publication date.

Handles absolute dates (19 janvier; March 2, 2022; 2012-05-22), day ranges (les 16 et 17
février; March 2-4), months and years as whole periods (en mars 2021; in 2019; March of 2021),
weekdays with parts of day (mardi après-midi, lundi soir, on Tuesday, last Friday), relative
words (hier, la veille, yesterday, last week, this weekend, ce week-end), seasons (last winter,
l'été 2022), decades and centuries (the '90s, les années 90, the 19th century, le XIXe siècle),
parts of a period named from publication (the end of the year, en début d'année), whole, days
and years in words (the fifth of November, le premier mars, in two thousand and nine), offsets
from a date (two days after March 3, la veille du 14 juillet) and fiscal years (FY2024).
"every Monday", « chaque samedi » (TIMEX3's SET) keep their text with bounds None.

A duration is no date ("the past two years", "over the next decade", « depuis trois ans »,
TIMEX3's DURATION): it is left out, so a date always names a calendar period.

Resolution follows DESIGN.md: a weekday is the most recent such day on or before publication,
or the next one when the sentence speaks of the future (devrait rouvrir mercredi); a day and
month without a year take the year that puts them on or before publication, again unless the
sentence is about the future. Anything that cannot be resolved keeps its text, bounds None.

Modules: `rules` (the patterns built from each language's lexicon), `find` (which matches
are dates, and their tense), `resolve` (a match to its first and last day), `periods`
(quarters, halves, seasons, centuries, named days), `words` (days and years in words) and
`days` (calendar arithmetic).
"""

from claims.extract.dates.find import find_dates, is_future, is_period, year_is_count
from claims.extract.dates.resolve import resolve_weekday
from claims.extract.dates.rules import FoundDate

__all__ = ["FoundDate", "find_dates", "is_future", "is_period", "resolve_weekday", "year_is_count"]
