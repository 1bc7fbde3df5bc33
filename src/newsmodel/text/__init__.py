"""Plain-text layout: from scraped text to a :class:`~newsmodel.pipeline.Draft`.

:func:`layout_text` is what :func:`newsmodel.parse_text` runs. The rules it applies to single
lines are public too, for other extractors (HTML captions and bylines look the same):
:func:`parse_byline`, :func:`split_credit`, :func:`parse_date_line`, :func:`find_dateline` and
:func:`chrome_rule`.
"""

from newsmodel.text._byline import Byline, parse_byline
from newsmodel.text._captions import CaptionCredit, split_credit
from newsmodel.text._chrome import chrome_rule
from newsmodel.text._dateline import find_dateline
from newsmodel.text._dates import DateLine, parse_date_line
from newsmodel.text.layout import layout_text

__all__ = [
    "Byline",
    "CaptionCredit",
    "DateLine",
    "chrome_rule",
    "find_dateline",
    "layout_text",
    "parse_byline",
    "parse_date_line",
    "split_credit",
]
