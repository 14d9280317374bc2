from output_helpers import reports
from segquery.engine import check_text
from segquery.output.github import escape_data, escape_property, render_github


def test_one_annotation_per_finding():
    assert render_github(reports()).splitlines() == [
        "::warning file=segments/q.segq,line=1,col=1,endLine=1,endColumn=8,title=segquery (L001)::`profile` is a keyword: "
        "write it in upper case, `PROFILE`",
        "::warning file=segments/q.segq,line=1,col=30,endLine=1,endColumn=33,title=segquery (L002)::strings are "
        "single-quoted: write 'a'",
    ]


def test_errors_and_escaping():
    report = check_text("PROFILE(contact", path="a,b:c.segq")
    assert render_github([report]) == ("::error file=a%2Cb%3Ac.segq,line=1,col=8,endLine=1,endColumn=9,title=segquery (S007)::"
                                       "`(` is never closed: add `)`")
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
