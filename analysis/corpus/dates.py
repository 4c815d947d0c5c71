"""Publication dates: real calendar dates, written YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import re

from analysis.text.textio import InputError

DATE = r"(\d{4})-(\d{2})-(\d{2})"
TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"


def parse_date(value: str, timestamps: bool = False) -> str:
    """The date as YYYY-MM-DD if `value` is exactly a real calendar date (2020-02-29 yes, 2020-13-45 no, no
    surrounding characters); with `timestamps`, ISO timestamps such as '2017-07-08T10:00:00Z' give their date.
    Anything else raises InputError."""
    if not value:
        raise InputError("a publication date is needed (YYYY-MM-DD)")
    m = re.fullmatch(DATE + (TIME if timestamps else ""), value or "")
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            raise InputError(f"date {value[:40]!r} is not a real calendar date") from None
    raise InputError(f"date {value[:40]!r} is not YYYY-MM-DD")
