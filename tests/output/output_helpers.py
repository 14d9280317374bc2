"""Reports with known findings for the renderer tests."""

from segquery.engine import CheckOptions, check_text

QUERY = 'profile(contact).FILTER(x == "a")\n'
CLEAN = "PROFILE(contact)\n"


def reports(**options):
    options.setdefault("select", ("L",))
    opts = CheckOptions(**options)
    return [check_text(QUERY, path="segments/q.segq", options=opts),
            check_text(CLEAN, path="segments/clean.segq", options=opts)]
