"""The progress line rewrites itself in place and is erased at the end."""

import io

from segquery.preview.funnel import ProgressLine


def test_progress_line_rewrites_in_place_and_clears():
    stream = io.StringIO()
    progress = ProgressLine(stream)
    progress(0, 3, "PROFILE(contact)")
    progress(1, 3, ".FILTER(x == 1)")
    progress.clear()
    assert stream.getvalue() == ("\r[1/3] PROFILE(contact)"
                                 "\r[2/3] .FILTER(x == 1) "
                                 "\r" + " " * 21 + "\r")
