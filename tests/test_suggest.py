"""Did-you-mean suggestions: the same answers with the trigram shortlist as without it."""

import difflib
import random

from segquery.suggest import Suggester, did_you_mean, edit_distance, typo_budget, typo_of


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


def test_edit_distance_counts_insertions_deletions_replacements_and_swaps():
    assert edit_distance("contact", "contact") == 0
    assert edit_distance("contcat", "contact") == 1          # two adjacent letters swapped
    assert edit_distance("adress1_city", "address1_city") == 1
    assert edit_distance("fullnme", "fullname") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("new_name", "name") == 4             # a publisher prefix added
    assert edit_distance("", "abc") == 3
    assert edit_distance("kitten", "sitting", limit=1) == 2   # stops once the limit is passed


def test_a_typo_is_one_edit_away_for_short_names_and_two_for_longer_ones():
    assert typo_budget("fullnme") == 1 and typo_budget("adres1_city") == 2
    assert typo_of("Contcat", ["account", "contact"]) == "contact"
    assert typo_of("fulnme", ["fullname"]) is None
    assert typo_of("adres1_city", ["address1_city"]) == "address1_city"
    assert typo_of("new_name", ["name", "fullname"]) is None
    # The nearest candidate wins; among equals, the first given.
    assert typo_of("address1_cit", ["address2_city", "address1_city"]) == "address1_city"
    assert typo_of("lead_x", ["lead_a", "lead_b"]) == "lead_a"
