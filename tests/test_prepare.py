from claimcheck.model import Source
from claimcheck.prepare import passage_facts, prepare


def test_a_sentence_two_sources_share_is_worked_out_once_with_the_same_figures() -> None:
    shared = "The base hosts about 500 personnel and 20 Su-25 jets."
    first = prepare(Source("a", "a.txt", f"Kant is near Bishkek. {shared}"))
    before = passage_facts.cache_info().hits
    second = prepare(Source("b", "b.txt", f"{shared} It opened in 2003."))
    assert passage_facts.cache_info().hits > before
    assert first.passages[1].text == second.passages[0].text == shared
    assert first.quantities[1] == second.quantities[0]
    assert [q.value for q in second.quantities[0]] == [500.0, 20.0]  # offsets in the passage: the same
    assert first.terms[1] == second.terms[0] and "personnel" in first.terms[1]
