"""Input formats for zh-hans, with ISO dates first.

Django's zh_Hans formats put "%Y/%m/%d" first, and that is what a DateInput renders
its value with; `<input type="date">` only accepts "YYYY-MM-DD", so every date field
of every form would show empty in the browser. The other forms users type stay
accepted.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y年%m月%d日 %H:%M",
]
