"""`comment_tokens` finds exactly the comments the tokenizer finds, in any text."""

from hypothesis import example, given
from hypothesis import strategies as st

from segquery.syntax.realtime import REALTIME
from segquery.syntax.tokens import Token, TokenKind, comment_tokens, tokenize

# The characters that start, end or escape strings and comments, and some that do not.
TEXTS = st.text(alphabet=st.sampled_from("/*'\"\\\n\r a1.(=|&-"), max_size=60)


def tokenizer_comments(text: str, **options) -> list[Token]:
    return [token for token in tokenize(text, **options) if token.kind is TokenKind.COMMENT]


@given(TEXTS)
@example("a / b // c 'd // e' /* f \n g */ \"h /* i\" /* open")
@example("'unclosed // not a comment\n// a comment")
@example("'escaped \\' // still a string' // a comment")
def test_the_comments_of_any_text_are_the_tokenizers(text: str) -> None:
    assert comment_tokens(text) == tokenizer_comments(text)
    assert comment_tokens(text) == tokenizer_comments(text, lexicon=REALTIME.lexicon)


def test_comments_are_found_with_their_offsets() -> None:
    assert comment_tokens("x == '//' // one\n/* two */") == [
        Token(TokenKind.COMMENT, "// one", 10, 16), Token(TokenKind.COMMENT, "/* two */", 17, 26)]
