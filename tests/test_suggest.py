"""Did-you-mean suggestions: the same answers with the trigram shortlist as without it."""

import difflib
import random

from segquery.suggest import Suggester, did_you_mean


def test_case_insensitive_equal_wins_and_close_names_are_found():
    assert did_you_mean("DateTimeNowUtc", ["DATETIMEUTCNOW", "DATE", "DATEADD"]) == "DATETIMEUTCNOW"
    assert did_you_mean("CONTACT", ["contact", "account"]) == "contact"
    assert did_you_mean("zzz", ["contact", "account"]) is None


def test_large_sets_use_the_shortlist_and_give_the_full_comparison_answer():
    rng = random.Random(3)
    words = ["seattle", "redmond", "openers", "clickers", "bounced", "vip", "webinar"]
    names = [f"segment_{rng.choice(words)}_{index}" for index in range(2000)]
    suggester = Suggester(names)
    assert len(names) > Suggester.SMALL
    for name in rng.sample(names, 60):
        typo = name.replace("e", "a", 1) + "x"
        full = difflib.get_close_matches(typo, names, n=1, cutoff=0.6)
        assert suggester.best(typo) == (full[0] if full else None)
